"""Reads the demo's content from `demo/data/<name>.json`.

The files hold what a writer would edit (texts in French, Arabic and English,
people, sessions, prizes); the Python next to them holds only the logic,
including every date computed from the day the demo is loaded.
"""

import functools
import json
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


@functools.cache
def load(name: str):
    """The parsed `demo/data/<name>.json`, read once per process; callers must not change it."""
    with (DATA_DIR / f"{name}.json").open(encoding="utf-8") as file:
        return json.load(file)


def translated(name: str, texts: dict[str, str]) -> dict[str, str]:
    """`{"fr": …, "ar": …}` as model fields: `{"<name>_fr": …, "<name>_ar": …}`."""
    return {f"{name}_{code}": text for code, text in texts.items()}
