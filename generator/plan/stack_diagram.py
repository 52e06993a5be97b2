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

from dataclasses import dataclass, replace
from typing import Mapping, Optional, Sequence

from generator.model.talk import Stack, StackSlide, StacksSlide, Talk
from generator.plan.alt_text import alt_description, alt_title
from generator.plan.boxes import Box, Diagram, Overflow
from generator.plan.cells import ADAPTATIONS, Cell, StackCells, stack_cells
from generator.plan.layer_text import Arrangement, Sizes, arrange, min_text_width, one_line_width, place
from generator.plan.geometry import DIAGRAM_AREA
from generator.plan.legend import legend_boxes, legend_entries, legend_height, legend_rows, used_kinds
from generator.plan.measure import TextMeasure, candidate_sizes
from generator.plan.rows import Row, align_rows
from generator.plan.steps import layer_step, step_count
from generator.plan.style import DiagramStyle, kind_style
from generator.plan.text_block import place_text
from generator.theme import Theme

SLIDE_DIAGRAM_AREA = DIAGRAM_AREA


@dataclass(frozen=True)
class _Texts:
    """Titles or column headers wrapped at one size: the lines of each, and the tallest's height."""

    size: float
    lines: tuple[tuple[str, ...], ...]
    height: float


@dataclass(frozen=True)
class _Layout:
    """One successful try: stack frames, row heights, every cell's arrangement."""

    cells: tuple[StackCells, ...]
    sizes: Sizes
    xs: tuple[float, ...]
    ws: tuple[float, ...]
    arrangements: dict[str, tuple[Arrangement, float]]     # cell id -> (arrangement, box width)
    row_need: tuple[float, ...]
    titles: Optional[_Texts]
    headers: tuple[Optional[_Texts], ...]


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
    shown = tuple(titles and not _repeats(stack.title, heading) for stack in stacks)

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
    for level, size in _tries(style):
        cells = stack_cells(stacks, rows, level, details)
        layout, reason = _try(cells, rows, _sizes(style, size), shown, side, measure, style,
                              inner_w, inner_h - legend_h)
        if layout is not None:
            break
    base = dict(id=diagram_id or "-".join(stack.id for stack in stacks), width=width, height=height,
                title=alt_title(stacks, lang), description=alt_description(stacks, highlight, lang),
                steps=steps, lang=lang)
    if layout is None:
        return Diagram(boxes=(), overflows=(reason,), **base)

    boxes, overflows = _boxes(layout, rows, theme, style, measure, highlight, build, side, shown,
                              inner_w, inner_h, legend_h)
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


# --- the search ---------------------------------------------------------------------------

def _tries(style: DiagramStyle):
    """(adaptation level, label size) in the order tried: adapt at the preferred size, then
    shrink to the floor, then wrap columns."""
    sizes = style.label_sizes()
    collapse = ADAPTATIONS.index("collapse")
    for level in range(collapse):
        yield level, sizes[0]
    for size in sizes:
        yield collapse, size
    for level in range(collapse + 1, len(ADAPTATIONS)):
        for size in sizes:
            yield level, size


def _sizes(style: DiagramStyle, label: float) -> Sizes:
    return Sizes(label, style.scaled(style.detail_size, label), style.scaled(style.badge_size, label))


def _repeats(title: str, heading: Optional[str]) -> bool:
    return heading is not None and title.strip().casefold() == heading.strip().casefold()


def _try(cells: Sequence[StackCells], rows: Sequence[Row], sizes: Sizes, shown: Sequence[bool], side: bool,
         measure: TextMeasure, style: DiagramStyle, inner_w: float, room_h: float):
    """A layout at one adaptation level and size, or (None, the reason it does not fit)."""
    pad = 2 * style.pad_x
    mins, comforts = [], []
    for stack_cells_, title_shown in zip(cells, shown):
        low, comfort = (style.min_side_width if side else 0.0), 0.0
        for row, row_cells in stack_cells_.rows.items():
            n = stack_cells_.per_line(row)
            cell_min = max(min_text_width(c.text, sizes, measure, style) for c in row_cells) + pad
            cell_one = max(one_line_width(c.text, sizes, measure, style) for c in row_cells) + pad
            low = max(low, n * cell_min + (n - 1) * style.column_gap)
            comfort = max(comfort, n * min(style.max_column_width, max(cell_one, cell_min))
                          + (n - 1) * style.column_gap)
        if title_shown:
            low = max(low, _narrowest_title(stack_cells_.stack.title, style, measure))
        if stack_cells_.headers:
            count = len(stack_cells_.headers)
            header_min = max(_narrowest(h, style.min_size, True, measure) for h in stack_cells_.headers)
            low = max(low, count * header_min + (count - 1) * style.column_gap)
        if not side:
            comfort = max(comfort, min(style.min_stack_width, inner_w))
        mins.append(low)
        comforts.append(max(low, comfort))
    gap = style.stack_gap
    if len(cells) > 1 and sum(comforts) + gap * (len(cells) - 1) > inner_w:
        # crowded: the gaps give back what the stacks would like, down to their minimum
        gap = max(style.min_stack_gap, (inner_w - sum(comforts)) / (len(cells) - 1))
    room_w = inner_w - gap * (len(cells) - 1)
    if sum(mins) > room_w + 1e-6:
        return None, _too_dense("too-wide", cells, sizes, f"{sum(mins) + gap * (len(cells) - 1):.0f}", inner_w)
    best = _share_width(cells, mins, comforts, room_w, rows, sizes, measure, style)
    if best is None:
        return None, _too_dense("too-wide", cells, sizes, f"{sum(mins):.0f}", inner_w)
    widths, arrangements, row_need = best
    total = sum(widths) + gap * (len(cells) - 1)
    x = style.margin + (inner_w - total) / 2
    xs = []
    for w in widths:
        xs.append(x)
        x += w + gap

    title_texts = None
    if any(shown):
        title_texts = _fit_titles([c.stack.title for c, s in zip(cells, shown) if s],
                                  [w for w, s in zip(widths, shown) if s], style, measure)
        if title_texts is None:
            return None, _too_dense("too-wide", cells, sizes, "", inner_w)
    headers = []
    for stack_cells_, w in zip(cells, widths):
        if not stack_cells_.headers:
            headers.append(None)
            continue
        count = len(stack_cells_.headers)
        column_w = (w - (count - 1) * style.column_gap) / count
        found = _fit_texts(stack_cells_.headers, [column_w] * count, style.column_label_size, style.min_size,
                           True, measure)
        if found is None:
            return None, _too_dense("too-wide", cells, sizes, "", inner_w)
        headers.append(found)
    above = max((h.height + style.column_label_gap for h in headers if h), default=0.0)
    titles_h = (title_texts.height + style.title_gap) if title_texts else 0.0
    needed = sum(row_need) + style.row_gap * (len(rows) - 1) + above + titles_h
    if needed > room_h + 1e-6:
        return None, _too_dense("too-tall", cells, sizes, f"{needed:.0f}", room_h)
    return _Layout(tuple(cells), sizes, tuple(xs), tuple(widths), arrangements, tuple(row_need), title_texts,
                   tuple(headers)), None


def _share_width(cells: Sequence[StackCells], mins: Sequence[float], comforts: Sequence[float], room: float,
                 rows: Sequence[Row], sizes: Sizes, measure: TextMeasure, style: DiagramStyle):
    """Stack widths, arrangements and row heights: every stack starts at its minimum, then the
    spare width goes, step by step, where it saves the most height per point (a step takes a
    stack to a width at which one more of its rows stands on one line); what is left is shared
    in proportion to what each stack would still like."""
    cache: dict[tuple[int, float], Optional[tuple[dict, dict[int, float]]]] = {}

    def needs(index: int, width: float):
        key = (index, round(width, 3))
        if key not in cache:
            cache[key] = _stack_needs(cells[index], width, sizes, measure, style)
        return cache[key]

    if sum(comforts) <= room:
        widths = list(comforts)
    else:
        widths = list(mins)
        options = [sorted({b for b in _breakpoints(c, sizes, measure, style) if m < b < comfort} | {m, comfort})
                   for c, m, comfort in zip(cells, mins, comforts)]
        while True:
            per_row = _grid_rows(widths, needs, len(rows))
            if per_row is None:
                break
            current, spare, best = sum(per_row), room - sum(widths), None
            for row, row_h in enumerate(per_row):
                # the next lower height this row can take, and what each stack must widen to for it
                levels = {found[1][row] for i, opts in enumerate(options) for o in opts
                          if (found := needs(i, o)) is not None and row in found[1]}
                lower = [level for level in levels if level < row_h - 1e-6]
                if not lower:
                    continue
                target, trial = max(lower), list(widths)
                for i, opts in enumerate(options):
                    if row not in cells[i].rows:
                        continue
                    wider = next((o for o in opts if o >= widths[i] - 1e-9 and (found := needs(i, o)) is not None
                                  and found[1][row] <= target + 1e-6), None)
                    if wider is None:
                        trial = None
                        break
                    trial[i] = wider
                if trial is None or sum(trial) > room + 1e-6:
                    continue
                found_rows = _grid_rows(trial, needs, len(rows))
                cost = sum(trial) - sum(widths)
                if found_rows is None or sum(found_rows) >= current - 1e-6 or cost > spare + 1e-6:
                    continue
                ratio = (current - sum(found_rows)) / max(cost, 1e-6)
                if best is None or ratio > best[0] + 1e-9:
                    best = (ratio, trial)
            if best is None:
                break
            widths = best[1]
        spare = room - sum(widths)
        wants = [max(0.0, c - w) for c, w in zip(comforts, widths)]
        if spare > 0 and sum(wants) > 0:
            widths = [w + spare * want / sum(wants) for w, want in zip(widths, wants)]
    arrangements: dict[str, tuple[Arrangement, float]] = {}
    row_need = [0.0] * len(rows)
    for index, width in enumerate(widths):
        found = needs(index, width)
        if found is None:
            return None
        arrangements.update(found[0])
        for row, need in found[1].items():
            row_need[row] = max(row_need[row], need)
    return widths, arrangements, row_need


def _grid_rows(widths: Sequence[float], needs, count: int) -> Optional[list[float]]:
    """The height of every row of the grid at these stack widths (the tallest stack's need)."""
    per_row = [0.0] * count
    for index, width in enumerate(widths):
        found = needs(index, width)
        if found is None:
            return None
        for row, need in found[1].items():
            per_row[row] = max(per_row[row], need)
    return per_row


def _breakpoints(cells: StackCells, sizes: Sizes, measure: TextMeasure, style: DiagramStyle) -> set[float]:
    """Stack widths at which one more box's label stands on one line."""
    out = set()
    for row, row_cells in cells.rows.items():
        n = cells.per_line(row)
        for cell in row_cells:
            one = one_line_width(cell.text, sizes, measure, style) + 2 * style.pad_x + 0.01
            out.add(n * one + (n - 1) * style.column_gap)
    return out


def _stack_needs(cells: StackCells, width: float, sizes: Sizes, measure: TextMeasure, style: DiagramStyle):
    """Every cell's arrangement in a stack `width` wide and the height each of its rows needs,
    or None when a word would be cut."""
    arrangements: dict[str, tuple[Arrangement, float]] = {}
    row_need: dict[int, float] = {}
    for row, row_cells in cells.rows.items():
        n = cells.per_line(row)
        cell_w = (width - (n - 1) * style.column_gap) / n
        tallest = 0.0
        for cell in row_cells:
            found = arrange(cell.text, cell_w, sizes, measure, style)
            if found is None:
                return None
            arrangements[cell.id] = (found, cell_w)
            tallest = max(tallest, found.height)
        lines = cells.line_count(row)
        need = lines * (tallest + 2 * style.pad_y) + (lines - 1) * style.column_gap
        row_need[row] = max(need, measure.line_height(sizes.label) + 2 * style.pad_y)
    return arrangements, row_need


def _narrowest(text: str, size: float, bold: bool, measure: TextMeasure) -> float:
    from generator.plan.layer_text import narrowest

    return narrowest(text, size, bold, measure)


def _narrowest_title(title: str, style: DiagramStyle, measure: TextMeasure) -> float:
    return _narrowest(title, style.label_min, True, measure)


def _fit_texts(texts: Sequence[str], widths: Sequence[float], largest: float, smallest: float, bold: bool,
               measure: TextMeasure) -> Optional[_Texts]:
    """Texts wrapped in their widths at one size: the largest at which each stands on one line,
    else the largest at which no word is cut."""
    tried = []
    for size in candidate_sizes(largest, smallest):
        wrapped = [measure.wrap(t, w, size, bold) for t, w in zip(texts, widths)]
        if not any(w.broken for w in wrapped):
            lines = tuple(w.lines for w in wrapped)
            tried.append(_Texts(size, lines, max(len(ls) for ls in lines) * measure.line_height(size)))
            if all(len(ls) == 1 for ls in lines):
                return tried[-1]
    return tried[0] if tried else None


def _fit_titles(titles: Sequence[str], widths: Sequence[float], style: DiagramStyle,
                measure: TextMeasure) -> Optional[_Texts]:
    return _fit_texts(titles, widths, style.title_size, style.label_min, True, measure)


def _too_dense(why: str, cells: Sequence[StackCells], sizes: Sizes, needed: str, room: float) -> Overflow:
    """Why the diagram cannot fit: the widest of its texts names the problem."""
    longest = max((cell.text.label for c in cells for row in c.rows.values() for cell in row), key=len)
    what = (f"needs {needed} pt of width where the slide has {room:.0f}" if why == "too-wide" and needed
            else f"needs {needed} pt of height where the slide has {room:.0f}" if needed
            else "its titles or column names do not fit")
    return Overflow("diagram", longest, sizes.label, "too-dense", what)


# --- boxes ----------------------------------------------------------------------------------

def _boxes(layout: _Layout, rows: Sequence[Row], theme: Theme, style: DiagramStyle, measure: TextMeasure,
           highlight: Sequence[str], build: str, side: bool, shown: Sequence[bool], inner_w: float,
           inner_h: float, legend_h: float) -> tuple[list[Box], list[Overflow]]:
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
        stack_bottom = max(row_y[r] + heights[r] for r in stack_rows)
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
        del stack_bottom
    return boxes, []


def _fixed_height(layout: _Layout, style: DiagramStyle, row_count: int) -> float:
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


def _row_boxes(stack_cells_: StackCells, row: int, layout: _Layout, x: float, w: float, y: float, h: float,
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
    label, detail, badge = place(cell.text, arrangement, x, y, w, h, measure, style, colours.text, cell.id)
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


def _text_box(box_id: str, role: str, text: str, lines: tuple[str, ...], texts: _Texts, x: float, y: float,
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
