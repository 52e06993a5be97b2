"""The laid-out graph diagram as plain frozen values: boxes, paths and text lines in points.

Coordinates have their origin at the top-left corner of the diagram, y pointing down, so every
output format (SVG, HTML, PPTX shapes) can draw from the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass


def rounded(value: float) -> float:
    """A coordinate rounded to 1/100 pt, so the same layout always gives the same numbers."""
    return round(value, 2) + 0.0  # `+ 0.0` turns -0.0 into 0.0


@dataclass(frozen=True)
class Point:
    """A position in points."""

    x: float
    y: float


@dataclass(frozen=True)
class Box:
    """A rectangle in points: its top-left corner, width and height."""

    x: float
    y: float
    w: float
    h: float

    @property
    def center(self) -> Point:
        return Point(self.x + self.w / 2, self.y + self.h / 2)


@dataclass(frozen=True)
class TextLine:
    """One line of a label, centred on `x`, with its baseline at `y`."""

    text: str
    x: float
    y: float


@dataclass(frozen=True)
class Label:
    """The lines of a label, its font size and weight."""

    text: str
    lines: tuple[TextLine, ...]
    size: float
    bold: bool


@dataclass(frozen=True)
class NodeBox:
    """A node of the diagram: its box, its optional icon's box and its label."""

    id: str
    x: float
    y: float
    w: float
    h: float
    label: Label
    icon: str | None = None
    icon_box: Box | None = None

    @property
    def box(self) -> Box:
        return Box(self.x, self.y, self.w, self.h)


@dataclass(frozen=True)
class EdgeLabel:
    """The box an edge label's background fills, and its text."""

    x: float
    y: float
    w: float
    h: float
    label: Label

    @property
    def box(self) -> Box:
        return Box(self.x, self.y, self.w, self.h)


@dataclass(frozen=True)
class EdgePath:
    """An arrow from one node to another.

    `spline` is a start point followed by groups of three cubic Bézier points; the arrow head is
    the triangle `arrow` (tip first), whose base sits on the spline's last point.
    """

    id: str
    source: str
    target: str
    spline: tuple[Point, ...]
    arrow: tuple[Point, Point, Point]
    label: EdgeLabel | None = None


@dataclass(frozen=True)
class GraphDiagram:
    """A whole laid-out graph: size, nodes, edges, the icons it uses, its alt text and language."""

    id: str
    title: str
    description: str
    width: float
    height: float
    direction: str
    nodes: tuple[NodeBox, ...]
    edges: tuple[EdgePath, ...]
    lang: str = "en"
    density: int = 0          # how tight it was drawn (an index into graph_style.DENSITIES)

    @property
    def icons(self) -> tuple[str, ...]:
        """The icon names the nodes use, each once, sorted."""
        return tuple(sorted({n.icon for n in self.nodes if n.icon is not None}))
