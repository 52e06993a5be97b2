"""Stack diagrams as native PowerPoint shapes: the layout engine's boxes, grouped and named.

Each level of layers (all its per-column copies and badges) is one group, so a bottom-up
build is one appear effect per group; titles, column labels and the legend form a last group
that is there from the start. Every group carries alt text (`descr`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from pptx.enum.text import PP_ALIGN
from pptx.util import Emu

from generator.plan.boxes import Box, Diagram, TextBlock
from generator.renderers.pptx.oxml.adapter import defer_extents, shape_proxy
from generator.renderers.pptx.oxml.shapes import (
    fit_group, group_shape, new_sp, rgb_hex, set_description, text_body, used_ids,
)
from generator.renderers.pptx.oxml.slide import shape_tree
from generator.renderers.pptx.oxml.text import (
    add_paragraph, body_properties, last_paragraph, line_break, list_style, paragraph_properties, run,
    set_space_before,
)

EMU_PER_PT = 12700


def emu(points: float) -> Emu:
    return Emu(round(points * EMU_PER_PT))


class ShapeIds:
    """A slide's shape ids, read once: the id python-pptx gives a new shape, either one more than
    the largest (`highest`, as our shapes are numbered) or the lowest one free (`lowest`, as its
    `add_group_shape`, freeform builder and `add_picture` number theirs)."""

    def __init__(self, tree) -> None:
        self.used = used_ids(tree)

    def highest(self) -> int:
        return self.take(max(self.used, default=0) + 1)

    def lowest(self) -> int:
        n = 1
        while n in self.used:
            n += 1
        return self.take(n)

    def take(self, shape_id: int) -> int:
        self.used.add(shape_id)
        return shape_id


def new_group(slide, name: str, ids: ShapeIds | None = None):
    """A group shape and its shape collection, with extents computed once at the end (`close_group`)
    instead of after every child, which python-pptx does and which is quadratic. With the slide's
    `ids`, the `p:grpSp` python-pptx's `add_group_shape` writes is written directly."""
    if ids is None:
        group = slide.shapes.add_group_shape()
        group.name = name
    else:
        group = shape_proxy(slide.shapes, group_shape(shape_tree(slide.element), ids.lowest(), name))
    shapes = group.shapes
    defer_extents(shapes)
    return group, shapes


def close_group(group) -> None:
    """The group's position and size (and its children's frame) around its shapes, as python-pptx's
    `recalculate_extents` sets them."""
    fit_group(group.element)


def set_alt_text(shape, description: str, title: str | None = None) -> None:
    """Alt text of a shape or group, read by screen readers (python-pptx has no API for it)."""
    set_description(shape.element, description, title)


@dataclass(frozen=True)
class DrawnGroup:
    """A group drawn on the slide: its shape id, the step it appears at, and its boxes."""

    shape_id: int
    step: int
    box_ids: tuple[str, ...]


SLACK = 3.0   # points given back on each side of a text, so no renderer re-wraps our lines


def _write_block(body, box: Box, block: TextBlock, first, font: str, badge: bool = False) -> None:
    """The paragraphs of one text block in a box's `p:txBody`, its lines as the layout broke them
    (`first`: the body's first `a:p`, to fill instead of adding one): alignment, exact pitch (a
    badge's single), no space around, the margins that keep the text where the layout put it."""
    bare = not (box.fill or box.stroke)
    if bare and block.align != "center":
        left, right = block.x - box.x + SLACK, 0.0   # same start, the room added at the end
    elif bare:
        left, right = block.x - box.x, box.right - (block.x + block.w)   # same centre, wider
    else:
        left = max(0.0, block.x - box.x - SLACK)
        right = max(0.0, box.right - (block.x + block.w) - SLACK)
    left, right = max(0.0, left), max(0.0, right)
    align = PP_ALIGN.CENTER if block.align == "center" else PP_ALIGN.LEFT
    paragraph = first if first is not None else add_paragraph(body)
    paragraph_properties(paragraph, align=align, left=emu(left), right=emu(right), indent=0,
                         line="single" if badge else block.line_height, before=0, after=0)
    # The layout engine's own line breaks, so the box shows exactly the lines it measured. A last
    # line moved to make room for a badge after it is a paragraph of its own, its centre moved.
    lines = block.lines or (block.text,)
    color = rgb_hex(block.color)
    for index, line in enumerate(lines):
        if index and index == len(lines) - 1 and block.last_shift:
            shift = 2 * block.last_shift
            paragraph = add_paragraph(body)
            paragraph_properties(paragraph, align=PP_ALIGN.CENTER, left=emu(max(0.0, left + max(0.0, shift))),
                                 right=emu(max(0.0, right + max(0.0, -shift))), indent=0, line=block.line_height,
                                 before=0, after=0)
        elif index:
            line_break(paragraph)
        # in the theme's font: the diagram was measured in it
        run(paragraph, line, size=block.size, bold=bool(block.bold), color=color, typeface=font)


def _text_body(sp, box: Box, font: str, autoshape: bool) -> None:
    body = text_body(sp)
    blocks = box.texts
    badge = bool(blocks) and box.role == "badge"
    # The plan's lines, each ended by its own break, never wrapped again by the client: one whose
    # metrics run a little wider would break "50 MB" in two, or "ゲスト OS" (LibreOffice adds
    # space between Japanese and Latin letters). A badge's line is centred in its pill the way
    # the client centres a line box.
    top = 0 if not blocks or badge else emu(max(0.0, blocks[0].y - box.y))
    anchor, wrap = ("ctr", "none") if badge else ("t", "none" if blocks else "square")
    body_properties(body, anchor=anchor, wrap=wrap, insets=(0, 0, top, 0), autoshape=autoshape, top_last=True)
    list_style(body)
    first = add_paragraph(body)
    if autoshape and not blocks:
        paragraph_properties(first, align=PP_ALIGN.CENTER)
    for index, block in enumerate(blocks[:1] if badge else blocks):
        _write_block(body, box, block, first if index == 0 else None, font, badge)
        if index:       # the gap above the block, on its last paragraph (as python-pptx's frame.paragraphs[-1])
            gap = block.y - (blocks[index - 1].y + blocks[index - 1].h)
            set_space_before(last_paragraph(body), max(0.0, gap))


def _draw_box(tree, box: Box, x0: float, y0: float, font: str, shape_id: int):
    """One box of a diagram as a `p:sp` in a group (its `tree`), with the id python-pptx would give it."""
    x, y, w, h = emu(x0 + box.x), emu(y0 + box.y), emu(box.w), emu(box.h)
    autoshape = bool(box.fill or box.stroke or box.role in ("layer", "badge", "legend-swatch"))
    if not autoshape:
        # A bare text: widened a little each side so no renderer re-wraps the measured lines.
        sp = new_sp(tree, shape_id, box.id, emu(x0 + box.x - SLACK), y, emu(box.w + 2 * SLACK), h, text_box=True)
    else:
        adjust = min(0.5, box.radius / max(1e-6, min(box.w, box.h))) if box.radius else None
        sp = new_sp(tree, shape_id, box.id, x, y, w, h, rounded=bool(box.radius), adjust=adjust, fill=box.fill,
                    stroke=box.stroke, stroke_width=box.stroke_width)
    _text_body(sp, box, font, autoshape)
    return sp


def _draw_boxes(tree, boxes: Sequence[Box], x0: float, y0: float, font: str, ids: ShapeIds) -> None:
    """Boxes added to a group one after the other, each with the next id (the largest id on the
    slide plus one, as python-pptx numbers a new shape)."""
    for box in boxes:
        _draw_box(tree, box, x0, y0, font, ids.highest())


def _level_description(boxes: Sequence[Box]) -> str:
    parts = []
    for box in boxes:
        if box.role != "layer" or box.label is None:
            continue
        text = box.label.text
        if box.detail is not None:
            text += f" ({box.detail.text})"
        if text not in parts:
            parts.append(text)
    return "; ".join(parts)


def draw_diagram(slide, diagram: Diagram, x0: float, y0: float, *, build: bool, font: str) -> list[DrawnGroup]:
    """Draw every box of a diagram at (x0, y0) points, grouped by level; return the groups."""
    levels: dict[int, list[Box]] = {}
    static: list[Box] = []
    for box in diagram.boxes:
        if box.role in ("layer", "badge") and box.level is not None:
            levels.setdefault(box.level, []).append(box)
        elif build and box.step > 1:
            # a column header or legend entry appears with the first layer it goes with
            levels.setdefault(box.step - 1, []).append(box)
        else:
            static.append(box)
    groups: list[DrawnGroup] = []
    ids = ShapeIds(shape_tree(slide.element))
    if static:
        group, shapes = new_group(slide, f"{diagram.id}: titles and legend", ids)
        _draw_boxes(group.element, static, x0, y0, font, ids)
        close_group(group)
        set_alt_text(group, diagram.description, diagram.title)
        groups.append(DrawnGroup(group.shape_id, 0, tuple(b.id for b in static)))
    for level in sorted(levels):
        boxes = levels[level]
        group, shapes = new_group(slide, f"{diagram.id}: level {level + 1}", ids)
        described = _level_description(boxes)
        _draw_boxes(group.element, sorted(boxes, key=lambda b: (b.role != "layer", b.x)), x0, y0, font, ids)
        close_group(group)
        set_alt_text(group, described)
        step = min(b.step for b in boxes) if build else 0
        groups.append(DrawnGroup(group.shape_id, step, tuple(b.id for b in boxes)))
    return groups
