"""The geometry of a diagram as plain frozen values: boxes with their wrapped text, in points.

Every renderer (SVG, PNG, the HTML deck, handouts, native PPTX shapes) draws from these
values and nothing else, so every format shows the same picture. Coordinates have their
origin at the top-left corner of the diagram; y grows downwards.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Optional

Role = Literal["layer", "column-label", "badge", "stack-title", "legend-swatch", "legend-label"]
ROLES: tuple[Role, ...] = ("layer", "column-label", "badge", "stack-title", "legend-swatch", "legend-label")

Align = Literal["center", "start"]


@dataclass(frozen=True, slots=True)
class Rect:
    """A rectangle in points (CSS pixels of a 960 x 540 stage), origin at the top-left corner."""

    x: float
    y: float
    w: float
    h: float


@dataclass(frozen=True, slots=True)
class TextBlock:
    """One text wrapped into lines at one size and weight, placed in its box.

    `x`, `y` and `w` are the text area (top of the first line box, its width); line `i` sits on
    `baselines[i]`. With `align="center"` each line is centred on `x + w / 2`, with "start" it
    begins at `x`.
    """

    text: str
    lines: tuple[str, ...]
    size: float
    bold: bool
    color: str
    x: float
    y: float
    w: float
    line_height: float
    baselines: tuple[float, ...]
    align: Align = "center"
    last_shift: float = 0.0     # the last line's centre moved by this much (room for a badge after it)

    def line_x(self, index: int) -> float:
        """Where line `index` is anchored: its centre ("center") or its start ("start")."""
        base = self.x + self.w / 2 if self.align == "center" else self.x
        return base + (self.last_shift if index == len(self.lines) - 1 else 0.0)

    @property
    def h(self) -> float:
        return self.line_height * len(self.lines)


@dataclass(frozen=True, slots=True)
class Box:
    """A rectangle of the diagram: a layer, a badge, a title, a column label or a legend item.

    Ids are derived from content ids and never from positions: `vm--host-os` (a shared layer),
    `vm--guest-os--2` (a per-column layer, columns counted from 0), `vm--guest-os--2__badge`,
    `vm__title`, `vm__column--0`, `legend__swatch--os`, `legend__label--os`.
    """

    id: str
    role: Role
    x: float
    y: float
    w: float
    h: float
    fill: Optional[str] = None
    stroke: Optional[str] = None
    stroke_width: float = 0.0
    radius: float = 0.0
    text_color: Optional[str] = None
    label: Optional[TextBlock] = None
    detail: Optional[TextBlock] = None
    stack_id: Optional[str] = None
    layer_id: Optional[str] = None
    kind: Optional[str] = None
    column: Optional[int] = None
    level: Optional[int] = None
    highlighted: bool = False
    step: int = 1
    copies: int = 1             # a per-column layer drawn once for its N identical copies ("×N")

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def texts(self) -> tuple[TextBlock, ...]:
        return tuple(t for t in (self.label, self.detail) if t is not None)


OverflowReason = Literal["too-long", "word-cut", "too-dense"]


@dataclass(frozen=True, slots=True)
class Overflow:
    """A text that does not fit its box at the smallest size allowed ("too-long"), fits only with
    a word cut between two letters ("word-cut"), or a whole diagram that cannot hold its text at
    the floors ("too-dense", `why` says how far off it is)."""

    box_id: str
    text: str
    size: float
    reason: OverflowReason = "too-long"
    why: str = ""


@dataclass(frozen=True, slots=True)
class Diagram:
    """A whole diagram: its size in points, its boxes in drawing order, its alt text and build steps.

    `steps` is 1 for a diagram shown at once; with a bottom-up build each box says at which
    step it appears. `overflows` lists the texts that did not fit, for `deckgen check`; a
    diagram that could not be laid out at all has no boxes and one "too-dense" overflow.
    """

    id: str
    width: float
    height: float
    boxes: tuple[Box, ...]
    title: str
    description: str
    steps: int = 1
    overflows: tuple[Overflow, ...] = ()
    lang: str = "en"

    @property
    def fits(self) -> bool:
        return not any(o.reason == "too-dense" for o in self.overflows)

    def box(self, box_id: str) -> Box:
        for box in self.boxes:
            if box.id == box_id:
                return box
        raise KeyError(box_id)

    def boxes_with(self, role: Role) -> tuple[Box, ...]:
        return tuple(b for b in self.boxes if b.role == role)
