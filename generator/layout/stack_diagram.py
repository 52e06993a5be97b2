"""One stack, or several side by side, laid out into a Diagram of boxes that fits a target area.

From the top of the area down: the stack's title (one stack) or the column names when layers
do not already show them, then the grid of layers with bottoms aligned, then the titles (side
by side), then the legend. The whole is centred in the area; the Diagram keeps the area's size
so every renderer can place it at slide scale without rescaling.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Optional, Sequence

from generator.layout.alt_text import alt_description, alt_title
from generator.layout.boxes import Box, Diagram, Overflow
from generator.layout.grid import Slot, StackFrame, column_names, level_count, place_stacks, wants_column_labels
from generator.layout.layer_text import LayerText, fit_layers
from generator.layout.legend import legend_boxes, legend_entries, legend_height, legend_rows, used_kinds
from generator.layout.measure import TextMeasure
from generator.layout.steps import layer_step, step_count
from generator.layout.style import DiagramStyle, kind_style
from generator.layout.text_block import place_text
from generator.model.talk import Stack, StackSlide, StacksSlide, Talk
from generator.theme import Theme

SLIDE_DIAGRAM_AREA = (880.0, 400.0)     # points: the diagram area of a 16:9 slide (960 x 540 pt)


def layout_stacks(stacks: Sequence[Stack], theme: Theme, *, width: float = SLIDE_DIAGRAM_AREA[0],
                  height: float = SLIDE_DIAGRAM_AREA[1], legend: Optional[Mapping[str, str]] = None,
                  highlight: Sequence[str] = (), build: str = "none", lang: str = "en",
                  diagram_id: Optional[str] = None, details: Optional[bool] = None, titles: bool = True,
                  measure: Optional[TextMeasure] = None) -> Diagram:
    """The diagram of `stacks` side by side (or one stack alone) in a `width` x `height` point area.

    `legend` names the layer kinds (a kind without a name shows its id); `highlight` lists layer
    ids drawn with an emphasised stroke; `build="bottom-up"` gives one build step per level.
    Details are shown under the labels of a single stack and left out side by side unless
    `details` says otherwise. `lang` is the language of the generated alt text's linking words.
    """
    stacks = tuple(stacks)
    if not stacks:
        raise ValueError("a stack diagram needs at least one stack")
    style = DiagramStyle.from_theme(theme)
    measure = measure or TextMeasure.for_theme(theme)
    side_by_side = len(stacks) > 1
    details = (not side_by_side) if details is None else details
    levels = level_count(stacks)
    steps = step_count(build, levels)

    inner_w, inner_h = width - 2 * style.margin, height - 2 * style.margin
    entries = legend_entries(used_kinds(stacks), legend or {}, measure, style, inner_w)
    rows = legend_rows(entries, style, inner_w)
    title_h = measure.line_height(style.title_size) if titles else 0.0
    column_h = measure.line_height(style.column_label_size) if any(map(wants_column_labels, stacks)) else 0.0
    above = (title_h + style.title_gap if titles and not side_by_side else 0.0) + \
        (column_h + style.column_label_gap if column_h else 0.0)
    below = (style.title_gap + title_h if titles and side_by_side else 0.0) + \
        (style.legend_gap + legend_height(rows, measure, style) if rows else 0.0)
    room = inner_h - above - below - (levels - 1) * style.row_gap
    row_h = max(1.0, min(style.max_row_height, room / levels))
    grid_h = levels * row_h + (levels - 1) * style.row_gap
    top = style.margin + max(0.0, (inner_h - above - grid_h - below) / 2)
    frames, slots = place_stacks(stacks, style, style.margin, inner_w, top + above + grid_h, row_h)

    colors = {slot.id: kind_style(theme, slot.layer.kind).text for slot in slots}
    texts, overflows = fit_layers(slots, measure, style, details, colors)
    overflows = list(overflows)
    boxes: list[Box] = []
    for frame in frames:
        stack_slots = [slot for slot in slots if slot.stack.id == frame.stack.id]
        if titles and not side_by_side:
            boxes.append(_title_box(frame, top, title_h, measure, style, overflows))
        if wants_column_labels(frame.stack):
            boxes.extend(_column_label_boxes(frame, column_h, measure, style, overflows))
        for slot in stack_slots:
            boxes.extend(_layer_boxes(slot, texts[slot.id], theme, style, slot.layer.id in highlight,
                                      layer_step(build, slot.level)))
        if titles and side_by_side:
            boxes.append(_title_box(frame, frame.bottom + style.title_gap, title_h, measure, style, overflows))
    if rows:
        legend_top = max(frame.bottom for frame in frames) + below - legend_height(rows, measure, style)
        legend, legend_overflows = legend_boxes(rows, theme, measure, style, style.margin, inner_w, legend_top)
        boxes.extend(legend)
        overflows.extend(legend_overflows)

    return Diagram(
        id=diagram_id or "-".join(stack.id for stack in stacks),
        width=width, height=height, boxes=tuple(boxes),
        title=alt_title(stacks, lang), description=alt_description(stacks, highlight, lang),
        steps=steps, overflows=tuple(overflows), lang=lang,
    )


def layout_slide(talk: Talk, slide: StackSlide | StacksSlide, theme: Theme, *,
                 width: float = SLIDE_DIAGRAM_AREA[0], height: float = SLIDE_DIAGRAM_AREA[1],
                 lang: Optional[str] = None, measure: Optional[TextMeasure] = None,
                 titles: Optional[bool] = None) -> Diagram:
    """The diagram of a `stack` or `stacks` slide, named after the slide; alt text in `lang`
    (the talk's language unless given). A single stack on a slide without a title of its own
    leaves its title out (`titles=None`): the slide's title already names it."""
    ids = (slide.stack,) if isinstance(slide, StackSlide) else slide.stacks
    if titles is None:
        titles = not (isinstance(slide, StackSlide) and not slide.title)
    return layout_stacks(
        [talk.stack(stack_id) for stack_id in ids], theme, width=width, height=height,
        legend=talk.legend, highlight=slide.highlight, build=slide.build, lang=lang or talk.lang,
        diagram_id=slide.id, measure=measure, titles=titles,
    )


def _layer_boxes(slot: Slot, text: LayerText, theme: Theme, style: DiagramStyle, emphasised: bool,
                 step: int) -> list[Box]:
    """The box of one drawn layer, in its kind's colours, followed by its badge if it has one."""
    colours = kind_style(theme, slot.layer.kind)
    layer = Box(
        id=slot.id, role="layer", x=slot.x, y=slot.y, w=slot.w, h=slot.h,
        fill=colours.fill, stroke=style.highlight if emphasised else colours.stroke,
        stroke_width=style.highlight_width if emphasised else style.stroke_width,
        radius=style.radius, text_color=colours.text, label=text.label, detail=text.detail,
        stack_id=slot.stack.id, layer_id=slot.layer.id, kind=slot.layer.kind,
        column=slot.column, level=slot.level, highlighted=emphasised, step=step)
    return [layer] if text.badge is None else [layer, replace(text.badge, step=step)]


def _title_box(frame: StackFrame, y: float, h: float, measure: TextMeasure, style: DiagramStyle,
               overflows: list[Overflow]) -> Box:
    box_id = f"{frame.stack.id}__title"
    fit = measure.fit(frame.stack.title, frame.w, h, style.title_size, style.min_size, bold=True)
    if not fit.fits or fit.broken:
        overflows.append(Overflow(box_id, frame.stack.title, fit.size, "word-cut" if fit.fits else "too-long"))
    text_h = measure.block_height(len(fit.lines), fit.size)
    text = place_text(measure, frame.stack.title, fit.lines, fit.size, True, style.text,
                      frame.x, y + (h - text_h) / 2, frame.w)
    return Box(id=box_id, role="stack-title", x=frame.x, y=y, w=frame.w, h=h,
               text_color=style.text, label=text, stack_id=frame.stack.id)


def _column_label_boxes(frame: StackFrame, h: float, measure: TextMeasure, style: DiagramStyle,
                        overflows: list[Overflow]) -> list[Box]:
    boxes = []
    y = frame.top - style.column_label_gap - h
    for column, (x, name) in enumerate(zip(frame.column_xs, column_names(frame.stack))):
        box_id = f"{frame.stack.id}__column--{column}"
        fit = measure.fit(name, frame.column_w, h, style.column_label_size, style.min_size, bold=True)
        if not fit.fits or fit.broken:
            overflows.append(Overflow(box_id, name, fit.size, "word-cut" if fit.fits else "too-long"))
        text_h = measure.block_height(len(fit.lines), fit.size)
        text = place_text(measure, name, fit.lines, fit.size, True, style.muted,
                          x, y + (h - text_h) / 2, frame.column_w)
        boxes.append(Box(id=box_id, role="column-label", x=x, y=y, w=frame.column_w, h=h,
                         text_color=style.muted, label=text, stack_id=frame.stack.id, column=column))
    return boxes
