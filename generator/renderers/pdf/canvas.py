"""A page's content stream, in points from the page's top left corner (y downwards, as the plan).

A tagged canvas also records the page's logical structure for screen readers: containers
(`structure`: a list, a table row) and the marked content of each leaf (`marked`: a heading, a
paragraph, a figure with its text alternative); what only decorates is an `artifact`.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, field
from typing import Optional, Union

from generator.renderers.pdf.document import Link, PdfDocument, factor, number

# A circle's quarter as a cubic Bézier: the control points' distance, in radii.
KAPPA = 0.5523


def rgb(color: str) -> str:
    """`#RRGGBB` as PDF colour operands."""
    value = color.lstrip("#")
    if len(value) == 3:
        value = "".join(c * 2 for c in value)
    return " ".join(number(int(value[i:i + 2], 16) / 255) for i in (0, 2, 4))


@dataclass
class Element:
    """A structure element: its standard role (H1, P, L, LI, Table, Figure…), its text alternative
    and language, and its kids (elements, or the numbers of marked content on its page)."""

    role: str
    alt: Optional[str] = None
    lang: Optional[str] = None
    kids: list[Union["Element", int]] = field(default_factory=list)


# Where a stored pixel (s, t) of a picture is shown in its box, by EXIF orientation (tag 274).
_ORIENTATIONS = {
    1: lambda s, t: (s, t), 2: lambda s, t: (1 - s, t), 3: lambda s, t: (1 - s, 1 - t),
    4: lambda s, t: (s, 1 - t), 5: lambda s, t: (t, s), 6: lambda s, t: (1 - t, s),
    7: lambda s, t: (1 - t, 1 - s), 8: lambda s, t: (t, 1 - s),
}


class Canvas:
    """Drawing operations of one page (or of one slide drawn into a page), gathered as text."""

    def __init__(self, document: PdfDocument, width: float, height: float, tagged: bool = False):
        self.document, self.width, self.height = document, width, height
        self.structure_root: Optional[Element] = Element("Part") if tagged else None
        self._open: list[Element] = [self.structure_root] if tagged else []
        self.mcids = 0
        self.ops: list[str] = [f"1 0 0 -1 0 {number(height)} cm"]
        self.links: list[Link] = []
        self._offset = (0.0, 0.0, 1.0)          # where the slide stands on the page: x, y, scale
        self._saved: list[tuple[float, float, float]] = []

    # --- structure ------------------------------------------------------------------------

    @contextlib.contextmanager
    def structure(self, role: str, alt: Optional[str] = None):
        """A container element (a list, an item, a table, a row) around what the block draws."""
        if self.structure_root is None:
            yield
            return
        element = Element(role, alt)
        self._open[-1].kids.append(element)
        self._open.append(element)
        try:
            yield
        finally:
            self._open.pop()

    @contextlib.contextmanager
    def marked(self, role: str, alt: Optional[str] = None):
        """What the block draws is the content of a leaf element (a heading, a paragraph, a figure)."""
        if self.structure_root is None:
            yield
            return
        with self.structure(role, alt):
            self._open[-1].kids.append(self.mcids)
            self.ops.append(f"/{role} <</MCID {self.mcids}>> BDC")
            self.mcids += 1
            try:
                yield
            finally:
                self.ops.append("EMC")

    @contextlib.contextmanager
    def artifact(self, kind: str = ""):
        """What the block draws only decorates (backgrounds, rules, running headers): not read out."""
        if self.structure_root is None:
            yield
            return
        self.ops.append(f"/Artifact <</Type /{kind}>> BDC" if kind else "/Artifact BMC")
        try:
            yield
        finally:
            self.ops.append("EMC")

    # --- state ----------------------------------------------------------------------------

    def save(self) -> None:
        self.ops.append("q")
        self._saved.append(self._offset)

    def restore(self) -> None:
        self.ops.append("Q")
        self._offset = self._saved.pop()

    def transform(self, x: float, y: float, scale: float = 1.0) -> None:
        """Move the origin to (x, y) and scale what follows (links follow too)."""
        self.ops.append(f"{factor(scale)} 0 0 {factor(scale)} {number(x)} {number(y)} cm")
        ox, oy, os_ = self._offset
        self._offset = (ox + x * os_, oy + y * os_, os_ * scale)

    def matrix(self, a: float, b: float, c: float, d: float, e: float, f: float) -> None:
        self.ops.append(" ".join([*(factor(v) for v in (a, b, c, d)), number(e), number(f)]) + " cm")

    def opacity(self, value: float) -> None:
        if value < 1:
            self.ops.append(f"/{self.document.alpha(value)} gs")

    def clip_rect(self, x: float, y: float, w: float, h: float) -> None:
        self.ops.append(f"{number(x)} {number(y)} {number(w)} {number(h)} re W n")

    # --- shapes ---------------------------------------------------------------------------

    def rect(self, x: float, y: float, w: float, h: float, fill: str | None = None, stroke: str | None = None,
             width: float = 1.0, radius: float = 0.0) -> None:
        if radius > 0:
            self._round_rect(x, y, w, h, min(radius, w / 2, h / 2))
        else:
            self.ops.append(f"{number(x)} {number(y)} {number(w)} {number(h)} re")
        self._paint(fill, stroke, width)

    def _round_rect(self, x: float, y: float, w: float, h: float, r: float) -> None:
        k = r * KAPPA
        n = number
        self.ops.append(
            f"{n(x + r)} {n(y)} m {n(x + w - r)} {n(y)} l "
            f"{n(x + w - r + k)} {n(y)} {n(x + w)} {n(y + r - k)} {n(x + w)} {n(y + r)} c "
            f"{n(x + w)} {n(y + h - r)} l "
            f"{n(x + w)} {n(y + h - r + k)} {n(x + w - r + k)} {n(y + h)} {n(x + w - r)} {n(y + h)} c "
            f"{n(x + r)} {n(y + h)} l "
            f"{n(x + r - k)} {n(y + h)} {n(x)} {n(y + h - r + k)} {n(x)} {n(y + h - r)} c "
            f"{n(x)} {n(y + r)} l "
            f"{n(x)} {n(y + r - k)} {n(x + r - k)} {n(y)} {n(x + r)} {n(y)} c h")

    def ellipse(self, cx: float, cy: float, rx: float, ry: float, fill: str | None = None,
                stroke: str | None = None, width: float = 1.0) -> None:
        kx, ky, n = rx * KAPPA, ry * KAPPA, number
        self.ops.append(
            f"{n(cx + rx)} {n(cy)} m {n(cx + rx)} {n(cy + ky)} {n(cx + kx)} {n(cy + ry)} {n(cx)} {n(cy + ry)} c "
            f"{n(cx - kx)} {n(cy + ry)} {n(cx - rx)} {n(cy + ky)} {n(cx - rx)} {n(cy)} c "
            f"{n(cx - rx)} {n(cy - ky)} {n(cx - kx)} {n(cy - ry)} {n(cx)} {n(cy - ry)} c "
            f"{n(cx + kx)} {n(cy - ry)} {n(cx + rx)} {n(cy - ky)} {n(cx + rx)} {n(cy)} c h")
        self._paint(fill, stroke, width)

    def path(self, operations: str, fill: str | None = None, stroke: str | None = None, width: float = 1.0,
             cap: int = 0, join: int = 0, even_odd: bool = False) -> None:
        """Path operators already written (`m`, `l`, `c`, `h`), painted."""
        if stroke:
            self.ops.append(f"{cap} J {join} j")
        self.ops.append(operations)
        self._paint(fill, stroke, width, even_odd)

    def line(self, x1: float, y1: float, x2: float, y2: float, stroke: str, width: float = 1.0) -> None:
        self.ops.append(f"{number(x1)} {number(y1)} m {number(x2)} {number(y2)} l")
        self._paint(None, stroke, width)

    def _paint(self, fill: str | None, stroke: str | None, width: float, even_odd: bool = False) -> None:
        if fill and fill != "none":
            self.ops.append(f"{rgb(fill)} rg")
        if stroke and stroke != "none":
            self.ops.append(f"{rgb(stroke)} RG {number(width)} w")
        has_fill, has_stroke = bool(fill and fill != "none"), bool(stroke and stroke != "none")
        star = "*" if even_odd else ""
        self.ops.append(("B" + star) if has_fill and has_stroke else ("f" + star) if has_fill else "S" if has_stroke else "n")

    # --- pictures and links ---------------------------------------------------------------

    def picture(self, name: str, x: float, y: float, w: float, h: float, orientation: int = 1) -> None:
        """A picture (a resource name of the document) filling the box, its stored pixels turned
        or flipped as its EXIF orientation (1 to 8) says they are shown."""
        shown = _ORIENTATIONS.get(orientation, _ORIENTATIONS[1])

        def at(u: float, v: float) -> tuple[float, float]:
            # (u, v): the picture's own space, v up from its last row; (s, t): its stored pixels,
            # t down from its first row; shown at (X, Y) of the box
            big_x, big_y = shown(u, 1 - v)
            return x + w * big_x, y + h * big_y

        (e, f), (right_x, right_y), (up_x, up_y) = at(0, 0), at(1, 0), at(0, 1)
        self.ops.append(f"q {number(right_x - e)} {number(right_y - f)} {number(up_x - e)} {number(up_y - f)} "
                        f"{number(e)} {number(f)} cm /{name} Do Q")

    def link(self, x: float, y: float, w: float, h: float, url: str) -> None:
        ox, oy, scale = self._offset
        self.links.append(Link((ox + x * scale, oy + y * scale, w * scale, h * scale), url))

    def content(self) -> bytes:
        return "\n".join(self.ops).encode("latin-1")
