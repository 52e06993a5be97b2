"""The layout engine of stack diagrams: one or more stacks side by side, fitted to an area.

Stacks are aligned by layer (`rows.py`): each row of the grid has one height for every
stack, a stack without a layer on a row shows a gap there. Everything is decided by one search:
adaptations first, in the documented order (`cells.py`), at the theme's preferred sizes; then
the sizes shrink towards their floors; then columns wrap onto two or three lines. For each try,
the width is shared among the stacks by need (each gets at least what its longest unbreakable
piece of text needs, the rest goes where text would otherwise wrap most), every box's text is
wrapped and hyphenated, and the rows take the height their text needs. The first try at which
every text fits at or above its floor wins. When none does, the diagram has no boxes and says
why (`Diagram.overflows`, reason "too-dense"): an error, never an illegible slide.

Above a stack alone, its title (unless it repeats the slide's heading); under stacks side by
side, their titles; column headers above a stack whose layers do not name its columns; the
legend at the bottom. The whole is centred in the area.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Mapping, Optional, Sequence

from generator.model.talk import Stack, StackSlide, StacksSlide, Talk
from generator.plan.alt_text import alt_description, alt_title
from generator.plan.boxes import Box, Diagram, Overflow
from generator.plan.cells import Cell, StackCells, stack_cells
from generator.plan.layer_text import Arrangement, place
from generator.plan.geometry import DIAGRAM_AREA
from generator.plan.legend import legend_boxes, legend_entries, legend_height, legend_rows, used_kinds
from generator.plan.measure import TextMeasure, candidate_sizes
from generator.plan.rows import Row, align_rows
from generator.plan.stack_search import Layout, Texts, repeats, sizes_at, tries, try_layout
from generator.plan.steps import layer_step, step_count
from generator.plan.style import DiagramStyle, kind_style
from generator.plan.text_block import place_text
from generator.theme import Theme

SLIDE_DIAGRAM_AREA = DIAGRAM_AREA


def layout_stacks(stacks: Sequence[Stack], theme: Theme, *, width: float = SLIDE_DIAGRAM_AREA[0],
                  height: float = SLIDE_DIAGRAM_AREA[1], legend: Optional[Mapping[str, str]] = None,
                  highlight: Sequence[str] = (), build: str = "none", lang: str = "en",
                  diagram_id: Optional[str] = None, details: Optional[bool] = None, titles: bool = True,
                  heading: Optional[str] = None, measure: Optional[TextMeasure] = None) -> Diagram:
    """The diagram of `stacks` side by side (or one stack alone) in a `width` x `height` point area.

    `legend` names the layer kinds (else the tool's names in `lang`); `highlight` lists layer ids
    drawn with an emphasised stroke; `build="bottom-up"` gives one build step per row. Details
    are shown under the labels of a single stack and left out side by side unless `details`
    says otherwise. A stack title equal to `heading` (the slide's) is not repeated.
    """
    stacks = tuple(stacks)
    if not stacks:
        raise ValueError("a stack diagram needs at least one stack")
    style = DiagramStyle.from_theme(theme)
    measure = measure or TextMeasure.for_theme(theme, lang)
    side = len(stacks) > 1
    details = (not side) if details is None else details
    rows = align_rows(stacks)
    steps = step_count(build, len(rows))
    shown = tuple(titles and not repeats(stack.title, heading) for stack in stacks)

    inner_w, inner_h = width - 2 * style.margin, height - 2 * style.margin
    kinds = used_kinds(stacks, tuple(theme.kinds))
    entries = legend_entries(kinds, legend or {}, measure, style, inner_w, lang)
    lrows = legend_rows(entries, style, inner_w)
    for size in candidate_sizes(style.legend_size, style.min_size)[1:]:
        if len(lrows) <= 1:
            break
        # a smaller legend on one row rather than a second row
        smaller = replace(style, legend_size=size)
        found = legend_entries(kinds, legend or {}, measure, smaller, inner_w, lang)
        if len(legend_rows(found, smaller, inner_w)) < len(lrows):
            style, entries, lrows = smaller, found, legend_rows(found, smaller, inner_w)
    legend_h = legend_height(lrows, measure, style) + style.legend_gap if lrows else 0.0

    layout, reason = None, None
    for level, size in tries(style):
        cells = stack_cells(stacks, rows, level, details)
        layout, reason = try_layout(cells, rows, sizes_at(style, size), shown, side, measure, style,
                              inner_w, inner_h - legend_h)
        if layout is not None:
            break
    if layout is None and lrows:
        # the last rung before giving up: the legend goes (it repeats what the colours say)
        for level, size in tries(style):
            cells = stack_cells(stacks, rows, level, details)
            layout, _ = try_layout(cells, rows, sizes_at(style, size), shown, side, measure, style, inner_w, inner_h)
            if layout is not None:
                lrows, legend_h = [], 0.0
                break
    base = dict(id=diagram_id or "-".join(stack.id for stack in stacks), width=width, height=height,
                title=alt_title(stacks, lang), description=alt_description(stacks, highlight, lang),
                steps=steps, lang=lang)
    if layout is None:
        return Diagram(boxes=(), overflows=(reason,), **base)

    boxes = _boxes(layout, rows, theme, style, measure, highlight, build, side, shown, inner_w, inner_h, legend_h)
    overflows: list[Overflow] = []
    if lrows:
        kind_steps = _kind_steps(stacks, rows, build)
        legend_top = max(b.bottom for b in boxes) + style.legend_gap
        found, legend_overflows = legend_boxes(lrows, theme, measure, style, style.margin, inner_w, legend_top,
                                               kind_steps)
        boxes.extend(found)
        overflows.extend(legend_overflows)
    return Diagram(boxes=tuple(boxes), overflows=tuple(overflows), **base)


def layout_slide(talk: Talk, slide: StackSlide | StacksSlide, theme: Theme, *,
                 width: float = SLIDE_DIAGRAM_AREA[0], height: float = SLIDE_DIAGRAM_AREA[1],
                 lang: Optional[str] = None, measure: Optional[TextMeasure] = None,
                 heading: Optional[str] = None) -> Diagram:
    """The diagram of a `stack` or `stacks` slide, named after the slide; alt text in `lang`
    (the talk's language unless given). A stack whose title is the slide's heading (`heading`,
    by default the slide's title, or the stack's own title on a `stack` slide without one) does
    not repeat it."""
    ids = (slide.stack,) if isinstance(slide, StackSlide) else slide.stacks
    stacks = [talk.stack(stack_id) for stack_id in ids]
    if heading is None:
        heading = slide.title or (stacks[0].title if isinstance(slide, StackSlide) else None)
    return layout_stacks(
        stacks, theme, width=width, height=height, legend=talk.legend, highlight=slide.highlight,
        build=slide.build, lang=lang or talk.lang, diagram_id=slide.id, measure=measure, heading=heading,
    )


# --- boxes ----------------------------------------------------------------------------------

def _boxes(layout: Layout, rows: Sequence[Row], theme: Theme, style: DiagramStyle, measure: TextMeasure,
           highlight: Sequence[str], build: str, side: bool, shown: Sequence[bool], inner_w: float,
           inner_h: float, legend_h: float) -> list[Box]:
    heights = _row_heights(layout.row_need, inner_h - legend_h - _fixed_height(layout, style, len(rows)), style)
    above = max((h.height + style.column_label_gap for h in layout.headers if h), default=0.0)
    title_above = layout.titles.height + style.title_gap if (layout.titles and not side) else 0.0
    title_below = layout.titles.height + style.title_gap if (layout.titles and side) else 0.0
    grid_h = sum(heights) + style.row_gap * (len(rows) - 1)
    content_h = title_above + above + grid_h + title_below + legend_h
    top = style.margin + max(0.0, (inner_h - content_h) / 2)
    grid_top = top + title_above + above
    row_y, y = [0.0] * len(rows), grid_top + grid_h
    for index, h in enumerate(heights):
        y -= h
        row_y[index] = y
        y -= style.row_gap

    boxes: list[Box] = []
    title_index = 0
    for stack_cells_, x, w, headers, title_shown in zip(layout.cells, layout.xs, layout.ws, layout.headers, shown):
        stack = stack_cells_.stack
        stack_rows = sorted(stack_cells_.rows)
        stack_top = min(row_y[r] for r in stack_rows)
        if title_shown and layout.titles:
            lines = layout.titles.lines[title_index]
            title_index += 1
            title_y = top if not side else grid_top + grid_h + style.title_gap
            boxes.append(_text_box(f"{stack.id}__title", "stack-title", stack.title, lines, layout.titles,
                                   x, title_y, w, style.text, measure, stack.id, 1))
        if headers is not None:
            count = len(stack_cells_.headers)
            column_w = (w - (count - 1) * style.column_gap) / count
            first = min(r for r in stack_rows if stack_cells_.rows[r][0].column is not None) \
                if any(stack_cells_.rows[r][0].column is not None for r in stack_rows) else 0
            for column, (name, lines) in enumerate(zip(stack_cells_.headers, headers.lines)):
                boxes.append(_text_box(f"{stack.id}__column--{column}", "column-label", name, lines, headers,
                                       x + column * (column_w + style.column_gap),
                                       stack_top - style.column_label_gap - headers.height, column_w,
                                       style.muted, measure, stack.id, layer_step(build, first), column=column))
        for row in stack_rows:
            boxes.extend(_row_boxes(stack_cells_, row, layout, x, w, row_y[row], heights[row], theme, style,
                                    measure, highlight, layer_step(build, row)))
    return boxes


def _fixed_height(layout: Layout, style: DiagramStyle, row_count: int) -> float:
    above = max((h.height + style.column_label_gap for h in layout.headers if h), default=0.0)
    titles = layout.titles.height + style.title_gap if layout.titles else 0.0
    return above + titles + style.row_gap * (row_count - 1)


def _row_heights(needs: Sequence[float], room: float, style: DiagramStyle) -> list[float]:
    """Each row's height: what its text needs, every row grown alike up to the comfortable
    height while the room allows."""
    def total(target: float) -> float:
        return sum(max(need, target) for need in needs)

    low, high = 0.0, style.max_row_height
    if total(high) <= room:
        return [max(need, high) for need in needs]
    for _ in range(40):
        middle = (low + high) / 2
        low, high = (middle, high) if total(middle) <= room else (low, middle)
    return [max(need, low) for need in needs]


def _row_boxes(stack_cells_: StackCells, row: int, layout: Layout, x: float, w: float, y: float, h: float,
               theme: Theme, style: DiagramStyle, measure: TextMeasure, highlight: Sequence[str],
               step: int) -> list[Box]:
    cells = stack_cells_.rows[row]
    n = stack_cells_.per_line(row)
    lines = stack_cells_.line_count(row)
    cell_h = (h - (lines - 1) * style.column_gap) / lines
    out = []
    for index, cell in enumerate(cells):
        arrangement, cell_w = layout.arrangements[cell.id]
        line, position = divmod(index, n)
        in_line = min(n, len(cells) - line * n)
        # a last line with fewer boxes is centred under the others
        offset = (n - in_line) * (cell_w + style.column_gap) / 2
        cx = x + offset + position * (cell_w + style.column_gap)
        cy = y + line * (cell_h + style.column_gap)
        out.extend(_layer_boxes(cell, arrangement, cx, cy, cell_w, cell_h, theme, style, measure,
                                cell.layer.id in highlight, step, row))
    return out


def _layer_boxes(cell: Cell, arrangement: Arrangement, x: float, y: float, w: float, h: float, theme: Theme,
                 style: DiagramStyle, measure: TextMeasure, emphasised: bool, step: int, level: int) -> list[Box]:
    """The box of one drawn layer, in its kind's colours, followed by its badge if it has one."""
    colours = kind_style(theme, cell.layer.kind)
    label, detail, badge = place(cell.text, arrangement, x, y, w, h, measure, style, colours.text)
    common = dict(stack_id=cell.stack_id, layer_id=cell.layer.id, kind=cell.layer.kind, column=cell.column,
                  level=level, step=step)
    layer = Box(id=cell.id, role="layer", x=x, y=y, w=w, h=h, fill=colours.fill,
                stroke=style.highlight if emphasised else colours.stroke,
                stroke_width=style.highlight_width if emphasised else style.stroke_width,
                radius=style.radius, text_color=colours.text, label=label, detail=detail,
                highlighted=emphasised, copies=cell.copies, **common)
    if badge is None:
        return [layer]
    bx, by, bw, bh, text = badge
    return [layer, Box(id=f"{cell.id}__badge", role="badge", x=bx, y=by, w=bw, h=bh, fill=colours.text,
                       radius=bh / 2, text_color=style.on_badge, label=text, **common)]


def _text_box(box_id: str, role: str, text: str, lines: tuple[str, ...], texts: Texts, x: float, y: float,
              w: float, color: str, measure: TextMeasure, stack_id: str, step: int,
              column: Optional[int] = None) -> Box:
    block_h = measure.block_height(len(lines), texts.size)
    block = place_text(measure, text, lines, texts.size, True, color, x, y + (texts.height - block_h) / 2, w)
    return Box(id=box_id, role=role, x=x, y=y, w=w, h=texts.height, text_color=color, label=block,
               stack_id=stack_id, column=column, step=step)


def _kind_steps(stacks: Sequence[Stack], rows: Sequence[Row], build: str) -> dict[str, int]:
    """The step at which each kind's legend entry appears: with the first layer of that kind."""
    steps: dict[str, int] = {}
    by_id = {stack.id: stack for stack in stacks}
    for index, row in enumerate(rows):
        for stack_id, layer_index in row.layers:
            kind = by_id[stack_id].layers[layer_index].kind
            steps.setdefault(kind, layer_step(build, index))
    return steps
