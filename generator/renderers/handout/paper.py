"""Paper sizes and the page box the handout's content fills, in CSS pixels (96 to the inch).

The margins leave room for the running header and footer; the content box is what the layouts
divide between slides, ruled lines and notes.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.plan.boxes import Rect

MM = 96 / 25.4


@dataclass(frozen=True)
class Paper:
    """A sheet: its name, the CSS `size` keyword that names it, and its width and height (portrait)."""

    name: str
    css: str
    width: float
    height: float


PAPERS = {
    "a4": Paper("a4", "A4", 210 * MM, 297 * MM),
    "letter": Paper("letter", "letter", 8.5 * 96, 11 * 96),
}

SLIDE_RATIO = 540 / 960


@dataclass(frozen=True)
class Margins:
    """The page's margins; the running header sits in the top one, the footer in the bottom one."""

    top: float
    side: float
    bottom: float


MARGINS = Margins(top=22 * MM, side=16 * MM, bottom=22 * MM)


Box = Rect      # a rectangle on the page's content box, in CSS pixels


def content_box(paper: Paper) -> Box:
    """The part of the page inside the margins (a hair smaller, so a full sheet never spills over)."""
    return Box(0.0, 0.0, paper.width - 2 * MARGINS.side, paper.height - MARGINS.top - MARGINS.bottom - 2)


def slide_box(x: float, y: float, width: float) -> Box:
    """A 16:9 slide `width` wide at (x, y)."""
    return Box(x, y, width, width * SLIDE_RATIO)
