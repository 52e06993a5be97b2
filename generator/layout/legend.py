"""The legend of a stack diagram: one swatch and name per layer kind used, in rows under the stacks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from generator.layout.boxes import Box, Overflow
from generator.layout.measure import TextMeasure
from generator.layout.style import DiagramStyle, kind_style
from generator.layout.text_block import place_text
from generator.model.talk import Stack
from generator.theme import Theme


@dataclass(frozen=True)
class LegendEntry:
    """One kind in the legend, its display name, and the size and width its name is set at."""

    kind: str
    name: str
    size: float
    lines: tuple[str, ...]
    text_w: float
    fits: bool
    broken: bool = False

    def width(self, style: DiagramStyle) -> float:
        return style.legend_swatch + style.legend_text_gap + self.text_w


def used_kinds(stacks: Sequence[Stack]) -> tuple[str, ...]:
    """The layer kinds of the stacks, each once, in the order met level by level from the bottom."""
    seen: list[str] = []
    for level in range(max(len(stack.layers) for stack in stacks)):
        for stack in stacks:
            if level < len(stack.layers) and stack.layers[level].kind not in seen:
                seen.append(stack.layers[level].kind)
    return tuple(seen)


def legend_entries(kinds: Sequence[str], names: Mapping[str, str], measure: TextMeasure,
                   style: DiagramStyle, width: float) -> tuple[LegendEntry, ...]:
    """Entries named from the talk's legend (the kind id when it has none), each on one line."""
    entries = []
    room = width - style.legend_swatch - style.legend_text_gap
    for kind in kinds:
        name = names.get(kind, kind)
        fit = measure.fit(name, room, measure.line_height(style.legend_size), style.legend_size, style.min_size)
        text_w = max(measure.width(line, fit.size) for line in fit.lines)
        entries.append(LegendEntry(kind, name, fit.size, fit.lines, text_w, fit.fits, fit.broken))
    return tuple(entries)


def legend_rows(entries: Sequence[LegendEntry], style: DiagramStyle, width: float) -> tuple[tuple[LegendEntry, ...], ...]:
    """Entries filled into rows no wider than `width`."""
    rows: list[list[LegendEntry]] = []
    used = 0.0
    for entry in entries:
        w = entry.width(style)
        if rows and used + style.legend_item_gap + w <= width:
            rows[-1].append(entry)
            used += style.legend_item_gap + w
        else:
            rows.append([entry])
            used = w
    return tuple(tuple(row) for row in rows)


def legend_row_height(measure: TextMeasure, style: DiagramStyle) -> float:
    return max(style.legend_swatch, measure.line_height(style.legend_size))


def legend_height(rows: Sequence[Sequence[LegendEntry]], measure: TextMeasure, style: DiagramStyle) -> float:
    if not rows:
        return 0.0
    return len(rows) * legend_row_height(measure, style) + (len(rows) - 1) * style.legend_row_gap


def legend_boxes(rows: Sequence[Sequence[LegendEntry]], theme: Theme, measure: TextMeasure,
                 style: DiagramStyle, left: float, width: float, top: float) -> tuple[tuple[Box, ...], tuple[Overflow, ...]]:
    """Swatch and label boxes of the legend, each row centred in `left`..`left + width`, the first at `top`."""
    boxes, overflows = [], []
    row_h = legend_row_height(measure, style)
    y = top
    for row in rows:
        total = sum(e.width(style) for e in row) + style.legend_item_gap * (len(row) - 1)
        x = left + (width - total) / 2
        for entry in row:
            colors = kind_style(theme, entry.kind)
            boxes.append(Box(
                id=f"legend__swatch--{entry.kind}", role="legend-swatch",
                x=x, y=y + (row_h - style.legend_swatch) / 2, w=style.legend_swatch, h=style.legend_swatch,
                fill=colors.fill, stroke=colors.stroke, stroke_width=style.stroke_width,
                radius=style.swatch_radius, kind=entry.kind))
            text_x = x + style.legend_swatch + style.legend_text_gap
            text = place_text(measure, entry.name, entry.lines, entry.size, False, style.text,
                              text_x, y + (row_h - measure.line_height(entry.size)) / 2, entry.text_w, align="start")
            label_id = f"legend__label--{entry.kind}"
            boxes.append(Box(id=label_id, role="legend-label", x=text_x, y=y, w=entry.text_w, h=row_h,
                             text_color=style.text, label=text, kind=entry.kind))
            if not entry.fits or entry.broken:
                overflows.append(Overflow(label_id, entry.name, entry.size, "word-cut" if entry.fits else "too-long"))
            x += entry.width(style) + style.legend_item_gap
        y += row_h + style.legend_row_gap
    return tuple(boxes), tuple(overflows)
