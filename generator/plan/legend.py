"""The legend of a stack diagram: one swatch and name per layer kind used, in rows under the stacks.

Kinds come in one stable order on every slide: the theme's order of kinds (bottom to top:
hardware, os, virtualization, runtime, libraries, app), then kinds the theme does not know, in
the order met. A kind is named by the talk's `legend:`, else by the tool's own name for it in
the deck's language (its catalog in `generator/locales`, English where the language has none),
never by its key.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from generator.i18n.tool_words import word
from generator.plan.boxes import Box, Overflow
from generator.plan.measure import TextMeasure
from generator.plan.style import DiagramStyle, kind_style
from generator.plan.text_block import place_text
from generator.model.talk import Stack
from generator.theme import Theme


@dataclass(frozen=True, slots=True)
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


KNOWN_KINDS = ("hardware", "os", "virtualization", "runtime", "libraries", "app")   # named in the tool's catalogs


def kind_name(kind: str, names: Mapping[str, str], lang: str) -> str:
    """The name of a layer kind in a legend: the talk's, else the tool's in `lang`, else the key made readable."""
    if kind in names:
        return names[kind]
    if kind in KNOWN_KINDS:
        return word(lang, f"legend/{kind}")
    return kind.replace("-", " ").capitalize()


def used_kinds(stacks: Sequence[Stack], order: Sequence[str] = ()) -> tuple[str, ...]:
    """The layer kinds of the stacks, each once: those in `order` (the theme's) first, in that
    order, then the others in the order met from the bottom."""
    seen: list[str] = []
    for level in range(max(len(stack.layers) for stack in stacks)):
        for stack in stacks:
            if level < len(stack.layers) and stack.layers[level].kind not in seen:
                seen.append(stack.layers[level].kind)
    known = [kind for kind in order if kind in seen]
    return tuple(known + [kind for kind in seen if kind not in known])


def legend_entries(kinds: Sequence[str], names: Mapping[str, str], measure: TextMeasure,
                   style: DiagramStyle, width: float, lang: str = "en") -> tuple[LegendEntry, ...]:
    """Entries named by `kind_name`, each on one line, all at one size: the largest at which
    every name fits the width."""
    room = width - style.legend_swatch - style.legend_text_gap
    named = [(kind, kind_name(kind, names, lang)) for kind in kinds]
    fits = [measure.fit(name, room, measure.line_height(style.legend_size), style.legend_size, style.min_size)
            for _, name in named]
    size = min((fit.size for fit in fits), default=style.legend_size)
    entries = []
    for (kind, name), fit in zip(named, fits):
        lines = measure.wrap(name, room, size).lines if fit.size != size else fit.lines
        text_w = max(measure.width(line, size) for line in lines)
        entries.append(LegendEntry(kind, name, size, lines, text_w, fit.fits and len(lines) == 1, fit.broken))
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
                 style: DiagramStyle, left: float, width: float, top: float,
                 steps: Mapping[str, int] | None = None) -> tuple[tuple[Box, ...], tuple[Overflow, ...]]:
    """Swatch and label boxes of the legend, each row centred in `left`..`left + width`, the first at
    `top`; `steps` gives the build step at which each kind's entry appears (with its first layer)."""
    from generator.i18n.scripts import is_rtl

    steps = steps or {}
    rtl = is_rtl(getattr(measure, "lang", None))     # read from the right: the first entry there, swatch first
    boxes, overflows = [], []
    row_h = legend_row_height(measure, style)
    y = top
    for row in rows:
        total = sum(e.width(style) for e in row) + style.legend_item_gap * (len(row) - 1)
        x = left + (width - total) / 2
        for entry in (reversed(row) if rtl else row):
            colors = kind_style(theme, entry.kind)
            swatch_x = x + entry.text_w + style.legend_text_gap if rtl else x
            boxes.append(Box(
                id=f"legend__swatch--{entry.kind}", role="legend-swatch",
                x=swatch_x, y=y + (row_h - style.legend_swatch) / 2, w=style.legend_swatch, h=style.legend_swatch,
                fill=colors.fill, stroke=colors.stroke, stroke_width=style.stroke_width,
                radius=style.swatch_radius, kind=entry.kind, step=steps.get(entry.kind, 1)))
            text_x = x if rtl else x + style.legend_swatch + style.legend_text_gap
            text = place_text(measure, entry.name, entry.lines, entry.size, False, style.text,
                              text_x, y + (row_h - measure.line_height(entry.size)) / 2, entry.text_w, align="start")
            label_id = f"legend__label--{entry.kind}"
            boxes.append(Box(id=label_id, role="legend-label", x=text_x, y=y, w=entry.text_w, h=row_h,
                             text_color=style.text, label=text, kind=entry.kind, step=steps.get(entry.kind, 1)))
            if not entry.fits or entry.broken:
                overflows.append(Overflow(label_id, entry.name, entry.size, "word-cut" if entry.fits else "too-long"))
            x += entry.width(style) + style.legend_item_gap
        y += row_h + style.legend_row_gap
    return tuple(boxes), tuple(overflows)
