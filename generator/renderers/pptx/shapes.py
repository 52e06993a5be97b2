"""Stack diagrams as native PowerPoint shapes: the layout engine's boxes, grouped and named.

Each level of layers (all its per-column copies and badges) is one group, so a bottom-up
build is one appear effect per group; titles, column labels and the legend form a last group
that is there from the start. Every group carries alt text (`descr`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from generator.plan.boxes import Box, Diagram, TextBlock

EMU_PER_PT = 12700


def emu(points: float) -> Emu:
    return Emu(round(points * EMU_PER_PT))


def _rgb(color: str) -> RGBColor:
    return RGBColor.from_string(color.lstrip("#").upper())


def new_group(slide, name: str):
    """A group shape and its shape collection, with extents computed once at the end (`close_group`)
    instead of after every child, which python-pptx does and which is quadratic."""
    group = slide.shapes.add_group_shape()
    group.name = name
    shapes = group.shapes
    shapes._recalculate_extents = lambda: None
    return group, shapes


def close_group(group) -> None:
    group._element.recalculate_extents()


def set_alt_text(shape, description: str, title: str | None = None) -> None:
    """Alt text of a shape or group, read by screen readers (python-pptx has no API for it)."""
    props = shape._element.xpath("./*[1]/p:cNvPr")[0]
    props.set("descr", description)
    if title:
        props.set("title", title)


@dataclass(frozen=True)
class DrawnGroup:
    """A group drawn on the slide: its shape id, the step it appears at, and its boxes."""

    shape_id: int
    step: int
    box_ids: tuple[str, ...]


SLACK = 3.0   # points given back on each side of a text, so no renderer re-wraps our lines


def _write_block(frame, box: Box, block: TextBlock, first: bool, font: str) -> None:
    paragraph = frame.paragraphs[0] if first else frame.add_paragraph()
    paragraph.alignment = PP_ALIGN.CENTER if block.align == "center" else PP_ALIGN.LEFT
    paragraph.line_spacing = Pt(block.line_height)
    paragraph.space_before = Pt(0)
    paragraph.space_after = Pt(0)
    props = paragraph._p.get_or_add_pPr()
    bare = not (box.fill or box.stroke)
    if bare and block.align != "center":
        left, right = block.x - box.x + SLACK, 0.0   # same start, the room added at the end
    elif bare:
        left, right = block.x - box.x, box.right - (block.x + block.w)   # same centre, wider
    else:
        left = max(0.0, block.x - box.x - SLACK)
        right = max(0.0, box.right - (block.x + block.w) - SLACK)
    left, right = max(0.0, left), max(0.0, right)
    props.set("marL", str(emu(left)))
    props.set("marR", str(emu(right)))
    props.set("indent", "0")
    # The layout engine's own line breaks, so the box shows exactly the lines it measured. A last
    # line moved to make room for a badge after it is a paragraph of its own, its centre moved.
    lines = block.lines or (block.text,)
    for index, line in enumerate(lines):
        if index and index == len(lines) - 1 and block.last_shift:
            paragraph = frame.add_paragraph()
            paragraph.alignment = PP_ALIGN.CENTER
            paragraph.line_spacing = Pt(block.line_height)
            paragraph.space_before = paragraph.space_after = Pt(0)
            shifted = paragraph._p.get_or_add_pPr()
            shift = 2 * block.last_shift
            shifted.set("marL", str(emu(max(0.0, left + max(0.0, shift)))))
            shifted.set("marR", str(emu(max(0.0, right + max(0.0, -shift)))))
            shifted.set("indent", "0")
        elif index:
            paragraph.add_line_break()
        run = paragraph.add_run()
        run.text = line
        run.font.size = Pt(block.size)
        run.font.bold = block.bold
        run.font.name = font   # the diagram was measured in the theme's font, whatever the template's
        run.font.color.rgb = _rgb(block.color)


def _text_frame(shape, box: Box, font: str) -> None:
    blocks = box.texts
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = frame.margin_bottom = Emu(0)
    if not blocks:
        frame.margin_top = Emu(0)
        return
    if box.role == "badge":
        # one line centred in its pill the way the client centres a line box, never wrapped: a
        # client whose metrics run a little wider would otherwise break "50 MB" in two
        frame.word_wrap = False
        frame.margin_top = Emu(0)
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        _write_block(frame, box, blocks[0], True, font)
        frame.paragraphs[0].line_spacing = 1.0
        return
    frame.margin_top = emu(max(0.0, blocks[0].y - box.y))
    for index, block in enumerate(blocks):
        _write_block(frame, box, block, index == 0, font)
        if index:
            gap = block.y - (blocks[index - 1].y + blocks[index - 1].h)
            frame.paragraphs[-1].space_before = Pt(max(0.0, gap))


def _draw_box(shapes, box: Box, x0: float, y0: float, font: str):
    x, y, w, h = emu(x0 + box.x), emu(y0 + box.y), emu(box.w), emu(box.h)
    if box.fill or box.stroke or box.role in ("layer", "badge", "legend-swatch"):
        shape = shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE if box.radius else MSO_SHAPE.RECTANGLE, x, y, w, h)
        if box.radius:
            shape.adjustments[0] = min(0.5, box.radius / max(1e-6, min(box.w, box.h)))
        if box.fill:
            shape.fill.solid()
            shape.fill.fore_color.rgb = _rgb(box.fill)
        else:
            shape.fill.background()
        if box.stroke and box.stroke_width:
            shape.line.color.rgb = _rgb(box.stroke)
            shape.line.width = Pt(box.stroke_width)
        else:
            shape.line.fill.background()
        shape.shadow.inherit = False
    else:
        # A bare text: widened a little each side so no renderer re-wraps the measured lines.
        shape = shapes.add_textbox(emu(x0 + box.x - SLACK), y, emu(box.w + 2 * SLACK), h)
    shape.name = box.id
    _text_frame(shape, box, font)
    return shape


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
    if static:
        group, shapes = new_group(slide, f"{diagram.id}: titles and legend")
        for box in static:
            _draw_box(shapes, box, x0, y0, font)
        close_group(group)
        set_alt_text(group, diagram.description, diagram.title)
        groups.append(DrawnGroup(group.shape_id, 0, tuple(b.id for b in static)))
    for level in sorted(levels):
        boxes = levels[level]
        group, shapes = new_group(slide, f"{diagram.id}: level {level + 1}")
        described = _level_description(boxes)
        for box in sorted(boxes, key=lambda b: (b.role != "layer", b.x)):
            _draw_box(shapes, box, x0, y0, font)
        close_group(group)
        set_alt_text(group, described)
        step = min(b.step for b in boxes) if build else 0
        groups.append(DrawnGroup(group.shape_id, step, tuple(b.id for b in boxes)))
    return groups
