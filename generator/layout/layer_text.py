"""The label, detail and badge of every layer box, at one size shared by the whole diagram.

Sizes are tried from the theme's preferred label size down to its minimum, details and badges
shrinking in proportion. The diagram takes the largest size at which every layer fits, so all
layers read at the same size; a layer that cannot fit even at the minimum keeps the minimum
and is reported, never silently clipped.

A badge ("700 Mo") is a pill right after a one-line label when there is room, else at the
box's right edge with the label centred in the room left, else under the label.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional, Sequence

from generator.layout.boxes import Box, Overflow, TextBlock
from generator.layout.grid import Slot
from generator.layout.measure import TextMeasure, Wrapped, candidate_sizes
from generator.layout.style import DiagramStyle
from generator.layout.text_block import place_text


# Where a badge goes, in order of preference: after a one-line label, at the box's right edge
# (the label stays centred in the room left), or under the label.
BADGE_PLACES = ("inline", "beside", "below")


@dataclass(frozen=True)
class LayerText:
    """The placed texts of one layer box and its badge."""

    label: TextBlock
    detail: Optional[TextBlock]
    badge: Optional[Box]


@dataclass(frozen=True)
class _Arrangement:
    label_size: float
    label: Wrapped
    detail_size: float
    detail: Optional[Wrapped]
    badge_size: float
    badge_place: str            # one of BADGE_PLACES, or "" without a badge
    text_w: float
    height: float


def fit_layers(slots: Sequence[Slot], measure: TextMeasure, style: DiagramStyle, details: bool,
               colors: dict[str, str]) -> tuple[dict[str, LayerText], tuple[Overflow, ...]]:
    """Texts for each slot id (`colors` maps slot id to text colour), and the texts that do not fit."""
    sizes = candidate_sizes(style.label_size, style.min_size)
    best = {slot.id: _first_fit(slot, sizes, measure, style, details) for slot in slots}
    fitting = [index for index in best.values() if index is not None]
    shared = max(fitting) if fitting else len(sizes) - 1
    texts, overflows = {}, []
    for slot in slots:
        arrangement = None
        if best[slot.id] is not None:
            start = max(shared, best[slot.id])
            index = _first_fit(slot, sizes[start:], measure, style, details)
            if index is not None:
                arrangement = _arrange(slot, sizes[start + index], measure, style, details)
        if arrangement is None:
            arrangement = _arrange(slot, style.min_size, measure, style, details, allow_break=True)
            if arrangement is not None:
                overflows.extend(_word_cuts(slot, arrangement))
        if arrangement is None:
            arrangement = _arrange(slot, style.min_size, measure, style, details,
                                   allow_break=True, force=True)
            overflows.extend(_overflows(slot, measure, style, details))
        texts[slot.id] = _place(slot, arrangement, measure, style, colors[slot.id])
    return texts, tuple(overflows)


def _first_fit(slot: Slot, sizes: Sequence[float], measure: TextMeasure, style: DiagramStyle,
               details: bool) -> Optional[int]:
    for index, size in enumerate(sizes):
        if _arrange(slot, size, measure, style, details) is not None:
            return index
    return None


def _pill_size(text: str, size: float, measure: TextMeasure, style: DiagramStyle) -> tuple[float, float]:
    w = measure.width(text, size, bold=True) + 2 * style.badge_pad_x
    h = measure.line_height(size) + 2 * style.badge_pad_y
    return max(w, h), h


def _arrange(slot: Slot, label_size: float, measure: TextMeasure, style: DiagramStyle, details: bool,
             allow_break: bool = False, force: bool = False) -> Optional[_Arrangement]:
    """How the texts of a slot sit at one label size, or None when they do not fit."""
    layer = slot.layer
    detail_text = layer.detail if details else None
    detail_size = style.scaled(style.detail_size, label_size)
    badge_size = style.scaled(style.badge_size, label_size)
    inner_w = slot.w - 2 * style.pad_x
    inner_h = slot.h - 2 * style.pad_y
    pill_w, pill_h = _pill_size(layer.badge, badge_size, measure, style) if layer.badge else (0.0, 0.0)
    last = None
    for place in (BADGE_PLACES if layer.badge else ("",)):
        text_w = inner_w
        if place == "beside":
            text_w = min(inner_w, slot.w - 2 * (style.badge_inset + pill_w + style.badge_gap))
            if text_w <= 0 or pill_h > inner_h:
                continue
        if place == "below" and pill_w > inner_w and not force:
            continue
        label = measure.wrap(slot.label, text_w, label_size, bold=True)
        if place == "inline" and (len(label.lines) != 1 or label.broken or
                                  measure.width(label.lines[0], label_size, True) + style.badge_gap + pill_w > inner_w):
            continue
        detail = measure.wrap(detail_text, text_w, detail_size) if detail_text else None
        if not allow_break and (label.broken or (detail is not None and detail.broken)):
            continue
        height = measure.block_height(len(label.lines), label_size)
        if place == "inline":
            height = max(height, pill_h)
        if detail is not None:
            height += style.text_gap + measure.block_height(len(detail.lines), detail_size)
        if place == "below":
            height += style.badge_below_gap + pill_h
        last = _Arrangement(label_size, label, detail_size, detail, badge_size, place, text_w, height)
        widths_fit = (measure.fits(label.lines, label_size, True, text_w, float("inf"))
                      and (detail is None or measure.fits(detail.lines, detail_size, False, text_w, float("inf"))))
        if height <= inner_h + 1e-6 and widths_fit:
            return last
    return last if force else None


def _overflows(slot: Slot, measure: TextMeasure, style: DiagramStyle, details: bool) -> list[Overflow]:
    """The text to blame when a layer cannot fit: its label, else its detail, else its badge."""
    inner_w, inner_h = slot.w - 2 * style.pad_x, slot.h - 2 * style.pad_y
    label = measure.fit(slot.label, inner_w, inner_h, style.min_size, style.min_size, bold=True)
    if not label.fits:
        return [Overflow(slot.id, slot.label, style.min_size)]
    if details and slot.layer.detail:
        return [Overflow(slot.id, slot.layer.detail, style.min_size)]
    return [Overflow(f"{slot.id}__badge", slot.layer.badge or slot.label, style.min_size)]


def _word_cuts(slot: Slot, a: _Arrangement) -> list[Overflow]:
    cuts = []
    if a.label.broken:
        cuts.append(Overflow(slot.id, slot.label, a.label_size, "word-cut"))
    if a.detail is not None and a.detail.broken:
        cuts.append(Overflow(slot.id, slot.layer.detail, a.detail_size, "word-cut"))
    return cuts


def _place(slot: Slot, a: _Arrangement, measure: TextMeasure, style: DiagramStyle, color: str) -> LayerText:
    badge_text = slot.layer.badge or ""
    pill_w, pill_h = _pill_size(badge_text, a.badge_size, measure, style) if a.badge_place else (0.0, 0.0)
    y = slot.y + (slot.h - a.height) / 2
    if a.badge_place == "inline":
        label_w = measure.width(a.label.lines[0], a.label_size, True)
        line_h = max(measure.line_height(a.label_size), pill_h)
        text_x = slot.x + (slot.w - label_w - style.badge_gap - pill_w) / 2
        label = place_text(measure, slot.label, a.label.lines, a.label_size, True, color, text_x,
                           y + (line_h - measure.line_height(a.label_size)) / 2, label_w)
        pill_x, pill_y = text_x + label_w + style.badge_gap, y + (line_h - pill_h) / 2
        y += line_h
    else:
        label = place_text(measure, slot.label, a.label.lines, a.label_size, True, color,
                           slot.x + (slot.w - a.text_w) / 2, y, a.text_w)
        y += label.h
    detail = None
    if a.detail is not None:
        y += style.text_gap
        detail = place_text(measure, slot.layer.detail, a.detail.lines, a.detail_size, False, color,
                            slot.x + (slot.w - a.text_w) / 2, y, a.text_w)
        y += detail.h
    if a.badge_place == "beside":
        pill_x, pill_y = slot.x + slot.w - style.badge_inset - pill_w, slot.y + (slot.h - pill_h) / 2
    elif a.badge_place == "below":
        pill_x, pill_y = slot.x + (slot.w - pill_w) / 2, y + style.badge_below_gap
    badge = None
    if a.badge_place:
        text = place_text(measure, badge_text, (badge_text,), a.badge_size, True, style.on_badge,
                          pill_x + style.badge_pad_x, pill_y + style.badge_pad_y, pill_w - 2 * style.badge_pad_x)
        badge = Box(id=f"{slot.id}__badge", role="badge", x=pill_x, y=pill_y, w=pill_w, h=pill_h,
                    fill=color, radius=pill_h / 2, text_color=style.on_badge, label=text,
                    stack_id=slot.stack.id, layer_id=slot.layer.id, kind=slot.layer.kind,
                    column=slot.column, level=slot.level)
    return LayerText(label, detail, badge)
