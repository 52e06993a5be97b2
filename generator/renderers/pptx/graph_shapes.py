"""Graph diagrams as native PowerPoint shapes: nodes, icons, arrows and labels from the dot layout.

The same laid-out `GraphDiagram` the SVG is drawn from, scaled into the slide's free area and
grouped under one alt text, so the speaker can move a box or fix a label in PowerPoint.
"""

from __future__ import annotations

import io

from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from generator.plan.graph.model import GraphDiagram, Label, Point
from generator.plan.graph.style import graph_style
from generator.plan.boxes import Rect
from generator.renderers.pptx.oxml.shapes import freeform, new_sp, plain_text_body, rgb_hex, text_body
from generator.renderers.pptx.oxml.slide import shape_tree
from generator.renderers.pptx.oxml.text import (
    add_paragraph, body_properties, line_break, list_style, paragraph_properties, run,
)
from generator.renderers.pptx.shapes import ShapeIds, close_group, emu, new_group, set_alt_text

CURVE_STEPS = 10   # straight segments per Bézier curve of an edge
ASCENT = 0.952     # Carlito/Calibri ascent in ems, to place a text box from a baseline


def _bezier(p0: Point, p1: Point, p2: Point, p3: Point) -> list[tuple[float, float]]:
    points = []
    for i in range(1, CURVE_STEPS + 1):
        t = i / CURVE_STEPS
        u = 1 - t
        points.append((u ** 3 * p0.x + 3 * u * u * t * p1.x + 3 * u * t * t * p2.x + t ** 3 * p3.x,
                       u ** 3 * p0.y + 3 * u * u * t * p1.y + 3 * u * t * t * p2.y + t ** 3 * p3.y))
    return points


def flatten(spline: tuple[Point, ...]) -> list[tuple[float, float]]:
    """A spline (start point, then Bézier control points in threes) as a polyline."""
    points = [(spline[0].x, spline[0].y)]
    rest = spline[1:]
    for i in range(0, len(rest) - len(rest) % 3, 3):
        points.extend(_bezier(spline[i], rest[i], rest[i + 1], rest[i + 2]))
    return points


class _Placer:
    """Diagram points to slide EMUs: scaled to fit the area (the plan's, as large as it draws the
    graph) and centred in it."""

    def __init__(self, diagram: GraphDiagram, area: Rect):
        self.scale = min(area.w / diagram.width, area.h / diagram.height)
        self.x0 = area.x + (area.w - diagram.width * self.scale) / 2
        self.y0 = area.y + (area.h - diagram.height * self.scale) / 2

    def x(self, value: float) -> Emu:
        return emu(self.x0 + value * self.scale)

    def y(self, value: float) -> Emu:
        return emu(self.y0 + value * self.scale)

    def d(self, value: float) -> Emu:
        return emu(value * self.scale)


def _label_box(tree, ids, label: Label, left: float, right: float, place: _Placer, color: str, font: str, name: str):
    """A text box of centred lines at the label's size and pitch (the XML python-pptx's `add_textbox`
    and text frame API wrote for it)."""
    size = label.size * place.scale
    top = label.lines[0].y - label.size * ASCENT
    pitch = (label.lines[1].y - label.lines[0].y) if len(label.lines) > 1 else label.size * 1.15
    height = pitch * len(label.lines) + label.size * 0.3
    box = new_sp(tree, ids.highest(), name, place.x(left), place.y(top), place.d(right - left), place.d(height),
                 text_box=True)
    body = text_body(box)
    body_properties(body, anchor="t", wrap="none", insets=(0, 0, 0, 0))   # the plan's lines, never wrapped again
    list_style(body)
    paragraph = add_paragraph(body)
    paragraph_properties(paragraph, align=PP_ALIGN.CENTER, line=pitch * place.scale)
    fill = rgb_hex(color)
    for index, line in enumerate(label.lines):
        if index:
            line_break(paragraph)
        run(paragraph, line.text, size=round(size * 2) / 2, bold=bool(label.bold), color=fill, typeface=font)
    return box


def _freeform(tree, ids: ShapeIds, points: list[tuple[float, float]], place: _Placer, name: str, *, color: str,
              width: float | None):
    """A polyline as the `p:sp` python-pptx's freeform builder writes (at scale 1, its frame the
    points' bounds), named, then an open line of `color` at `width` points without fill, or (no
    `width`) a closed shape filled with `color` without line: the XML its object API gave it."""
    xs = [place.x(x) for x, _ in points]
    ys = [place.y(y) for _, y in points]
    left, top = min(xs), min(ys)
    return freeform(tree, ids.lowest(), name, left, top, max(xs) - left, max(ys) - top,
                    [(x - left, y - top) for x, y in zip(xs, ys)], color=color, width=width)


def draw_graph(slide, diagram: GraphDiagram, theme, area: Rect, font: str, pictures=None) -> tuple[object, float]:
    """Draw a laid-out graph in the area as one group of native shapes; returns it and the scale."""
    from generator.theme.icons import icon_png
    from generator.renderers.pptx.pictures import add_picture

    style = graph_style(theme, diagram.density)
    place = _Placer(diagram, area)
    ids = ShapeIds(shape_tree(slide.element))
    group, shapes = new_group(slide, f"graph {diagram.id}", ids)
    for edge in diagram.edges:
        _freeform(group.element, ids, flatten(edge.spline), place, f"{diagram.id}--{edge.id}", color=style.edge,
                  width=style.edge_stroke_width * place.scale)
        _freeform(group.element, ids, [(p.x, p.y) for p in edge.arrow], place, f"{diagram.id}--{edge.id}__arrow",
                  color=style.edge, width=None)
    for node in diagram.nodes:
        box = new_sp(group.element, ids.highest(), f"{diagram.id}--{node.id}", place.x(node.x), place.y(node.y),
                     place.d(node.w), place.d(node.h), rounded=True,
                     adjust=min(0.5, style.corner_radius / min(node.w, node.h)), fill=style.node_fill,
                     stroke=style.node_stroke, stroke_width=style.node_stroke_width * place.scale, outline=True)
        plain_text_body(box)
        if node.icon is not None and node.icon_box is not None:
            icon = node.icon_box
            if style.icon_backdrop:
                t = style.icon_tile(icon)
                tile = new_sp(group.element, ids.highest(), f"{diagram.id}--{node.id}__icon-tile", place.x(t.x),
                              place.y(t.y), place.d(t.w), place.d(t.h), rounded=True,
                              adjust=min(0.5, style.icon_gap / 2 / min(t.w, t.h)), fill=style.icon_backdrop)
                plain_text_body(tile)
            picture = add_picture(pictures, shapes, io.BytesIO(icon_png(node.icon)), place.x(icon.x), place.y(icon.y),
                                         place.d(icon.w), place.d(icon.h))
            ids.take(picture.shape_id)
            picture.name = f"{diagram.id}--{node.id}__icon"
            set_alt_text(picture, node.icon)
        centre = node.label.lines[0].x
        half = min(centre - node.x, node.x + node.w - centre)
        _label_box(group.element, ids, node.label, centre - half, centre + half, place, style.text, font,
                   f"{diagram.id}--{node.id}__label")
    for edge in diagram.edges:
        if edge.label is None:
            continue
        label = edge.label
        back = new_sp(group.element, ids.highest(), f"{diagram.id}--{edge.id}__label-back", place.x(label.x),
                      place.y(label.y), place.d(label.w), place.d(label.h), rounded=True, fill=style.background)
        plain_text_body(back)
        _label_box(group.element, ids, label.label, label.x, label.x + label.w, place, style.edge_text, font,
                   f"{diagram.id}--{edge.id}__label")
    close_group(group)
    set_alt_text(group, diagram.description, diagram.title)
    return group, place.scale
