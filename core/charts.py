"""Geometry for the admin's hand-drawn SVG charts (registrations, the door, jurors' scores).

The charts are plain SVG in templates, readable without JavaScript, each with a
table of the same figures; this module only maps values to coordinates.
"""

import math
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Scale:
    """A linear map from a data interval onto a coordinate interval.

    A domain of zero width (one day, one slot) maps to the middle of the range.
    """

    low: float
    high: float
    start: float
    end: float

    def __call__(self, value: float) -> float:
        if self.high == self.low:
            return (self.start + self.end) / 2
        return self.start + (value - self.low) / (self.high - self.low) * (self.end - self.start)


def nice_axis(maximum: float, *, steps: int = 4) -> tuple[int, list[int]]:
    """A top value and round tick values (1, 2 or 5 × 10ⁿ apart) for a 0…maximum axis."""
    maximum = max(maximum, 1)
    raw = maximum / steps
    magnitude = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)
    top = math.ceil(maximum / step) * step
    return top, list(range(0, top + 1, step))


def polyline(points: Iterable[tuple[float, float]], *, digits: int = 1) -> str:
    """The ``points`` attribute of an SVG polyline."""
    return " ".join(f"{x:.{digits}f},{y:.{digits}f}" for x, y in points)
