"""The import contracts in pyproject.toml hold on the tree, and catch an import that breaks them."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ["cms", "core", "demo", "events", "startups", "judging"]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")

pytestmark = pytest.mark.unit


def lint_imports(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / "pyproject.toml"), "--no-cache"],
        cwd=root,
        env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory):
    """The application packages and the contracts, copied so that a test may break them."""
    root = tmp_path_factory.mktemp("tree")
    shutil.copy(ROOT / "pyproject.toml", root)
    for package in PACKAGES:
        shutil.copytree(ROOT / package, root / package, ignore=shutil.ignore_patterns("__pycache__"))
    return root


def test_the_tree_keeps_every_contract():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout and "4 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "line", "contract"),
    [
        ("core/probe.py", "import events.models\n", "Apps import only the apps below them"),
        ("events/probe.py", "from judging import selectors\n", "Apps import only the apps below them"),
        ("startups/probe.py", "import stripe\n", "Only the payment adapter imports Stripe"),
        ("judging/probe.py", "import weasyprint\n", "Only the PDF adapter imports WeasyPrint"),
        ("events/models/probe.py", "from events.programme import views\n", "Models import no interface code"),
    ],
)
def test_an_import_against_a_contract_breaks_it(tree_copy, module, line, contract):
    probe = tree_copy / module
    probe.write_text(line)
    try:
        result = lint_imports(tree_copy)
    finally:
        probe.unlink()

    assert result.returncode != 0
    assert f"{contract}" in result.stdout.split("Broken contracts")[1]
