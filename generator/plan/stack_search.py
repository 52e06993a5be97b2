"""The search behind a stack diagram: the adaptations and sizes tried in order, the width shared
among stacks by need, the height each row needs; the first try at which every text fits wins.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from generator.plan.boxes import Overflow
from generator.plan.cells import ADAPTATIONS, StackCells
from generator.plan.layer_text import Arrangement, Sizes, arrange, min_text_width, narrowest, one_line_width
from generator.plan.measure import TextMeasure, candidate_sizes
from generator.plan.rows import Row
from generator.plan.style import DiagramStyle


@dataclass(frozen=True, slots=True)
class Texts:
    """Titles or column headers wrapped at one size: the lines of each, and the tallest's height."""

    size: float
    lines: tuple[tuple[str, ...], ...]
    height: float


@dataclass(frozen=True, slots=True)
class Layout:
    """One successful try: stack frames, row heights, every cell's arrangement."""

    cells: tuple[StackCells, ...]
    sizes: Sizes
    xs: tuple[float, ...]
    ws: tuple[float, ...]
    arrangements: dict[str, tuple[Arrangement, float]]     # cell id -> (arrangement, box width)
    row_need: tuple[float, ...]
    titles: Optional[Texts]
    headers: tuple[Optional[Texts], ...]


def tries(style: DiagramStyle):
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


def sizes_at(style: DiagramStyle, label: float) -> Sizes:
    return Sizes(label, style.scaled(style.detail_size, label), style.scaled(style.badge_size, label))


def repeats(title: str, heading: Optional[str]) -> bool:
    return heading is not None and title.strip().casefold() == heading.strip().casefold()


def try_layout(cells: Sequence[StackCells], rows: Sequence[Row], sizes: Sizes, shown: Sequence[bool], side: bool,
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
        if not side:      # a stack alone spans the content width, from the title's left edge
            comfort = inner_w
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
    return Layout(tuple(cells), sizes, tuple(xs), tuple(widths), arrangements, tuple(row_need), title_texts,
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
    return narrowest(text, size, bold, measure)


def _narrowest_title(title: str, style: DiagramStyle, measure: TextMeasure) -> float:
    return _narrowest(title, style.label_min, True, measure)


def _fit_texts(texts: Sequence[str], widths: Sequence[float], largest: float, smallest: float, bold: bool,
               measure: TextMeasure) -> Optional[Texts]:
    """Texts wrapped in their widths at one size: the largest at which each stands on one line,
    else the largest at which no word is cut."""
    tried = []
    for size in candidate_sizes(largest, smallest):
        wrapped = [measure.wrap(t, w, size, bold) for t, w in zip(texts, widths)]
        if not any(w.broken for w in wrapped):
            lines = tuple(w.lines for w in wrapped)
            tried.append(Texts(size, lines, max(len(ls) for ls in lines) * measure.line_height(size)))
            if all(len(ls) == 1 for ls in lines):
                return tried[-1]
    return tried[0] if tried else None


def _fit_titles(titles: Sequence[str], widths: Sequence[float], style: DiagramStyle,
                measure: TextMeasure) -> Optional[Texts]:
    return _fit_texts(titles, widths, style.title_size, style.label_min, True, measure)


def _too_dense(why: str, cells: Sequence[StackCells], sizes: Sizes, needed: str, room: float) -> Overflow:
    """Why the diagram cannot fit: the widest of its texts names the problem."""
    longest = max((text for c in cells for row in c.rows.values() for cell in row
                   for text in (cell.text.label, cell.text.detail) if text), key=len)
    what = (f"needs {needed} pt of width where the slide has {room:.0f}" if why == "too-wide" and needed
            else f"needs {needed} pt of height where the slide has {room:.0f}" if needed
            else "its titles or column names do not fit")
    return Overflow("diagram", longest, sizes.label, "too-dense", what)
