"""The label, detail and badge of one layer box: how they sit at given sizes, and where.

`arrange` tries the badge's places in order of preference (after a one-line label, at the
box's right edge with the label centred in the room left, after the last line of a longer
label, under the label) and says how tall
the texts are at a box width, or None when a word would have to be cut. `place` puts an
arrangement in its box, vertically centred.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from generator.plan.boxes import Box, TextBlock
from generator.plan.measure import TextMeasure, Wrapped
from generator.plan.style import DiagramStyle
from generator.plan.text_block import place_text

BADGE_PLACES = ("inline", "beside", "after", "below")


@dataclass(frozen=True, slots=True)
class Sizes:
    """The sizes every layer of one diagram is set in."""

    label: float
    detail: float
    badge: float


@dataclass(frozen=True, slots=True)
class CellText:
    """What one layer box says: its label, its detail line (or None), its badge (or None)."""

    label: str
    detail: Optional[str] = None
    badge: Optional[str] = None


@dataclass(frozen=True, slots=True)
class Arrangement:
    """The texts of a box wrapped at one box width: lines, badge place, total height."""

    sizes: Sizes
    label: Wrapped
    detail: Optional[Wrapped]
    badge_place: str            # one of BADGE_PLACES, or "" without a badge
    text_w: float
    height: float


def pill_size(text: str, size: float, measure: TextMeasure, style: DiagramStyle) -> tuple[float, float]:
    w = measure.width(text, size, bold=True) + 2 * style.badge_pad_x
    h = measure.line_height(size) + 2 * style.badge_pad_y
    return max(w, h), h


def narrowest(text: Optional[str], size: float, bold: bool, measure: TextMeasure) -> float:
    """The narrowest width `text` wraps into without cutting a word (hyphenating where allowed)."""
    return measure.narrowest(text, size, bold) if text else 0.0


def min_text_width(text: CellText, sizes: Sizes, measure: TextMeasure, style: DiagramStyle) -> float:
    """The narrowest inner width at which a box's texts fit without cutting a word."""
    badge = pill_size(text.badge, sizes.badge, measure, style)[0] if text.badge else 0.0
    return max(narrowest(text.label, sizes.label, True, measure),
               narrowest(text.detail, sizes.detail, False, measure), badge)


def one_line_width(text: CellText, sizes: Sizes, measure: TextMeasure, style: DiagramStyle) -> float:
    """The inner width at which the label (and its badge) stand on one line."""
    width = measure.width(text.label, sizes.label, True)
    if text.badge:
        width += style.badge_gap + pill_size(text.badge, sizes.badge, measure, style)[0]
    return width


def arrange(text: CellText, box_w: float, sizes: Sizes, measure: TextMeasure,
            style: DiagramStyle) -> Optional[Arrangement]:
    """How the texts of a box `box_w` wide sit at `sizes`, or None when a word would be cut.

    Of the badge's places, the one that makes the box least tall wins (the first in
    BADGE_PLACES' order among equals)."""
    inner_w = box_w - 2 * style.pad_x
    best = None
    pill_w, pill_h = pill_size(text.badge, sizes.badge, measure, style) if text.badge else (0.0, 0.0)
    for place in (BADGE_PLACES if text.badge else ("",)):
        text_w = inner_w
        if place == "beside":
            text_w = min(inner_w, box_w - 2 * (style.badge_inset + pill_w + style.badge_gap))
            if text_w <= 0:
                continue
        if place == "below" and pill_w > inner_w:
            continue
        label = measure.wrap(text.label, text_w, sizes.label, bold=True)
        if label.broken:
            continue
        if place == "inline" and (len(label.lines) != 1 or measure.width(label.lines[0], sizes.label, True)
                                  + style.badge_gap + pill_w > inner_w):
            continue
        if place == "after" and (len(label.lines) < 2 or measure.width(label.lines[-1], sizes.label, True) + style.badge_gap + pill_w
                                 > inner_w):
            continue
        detail = measure.wrap(text.detail, text_w, sizes.detail) if text.detail else None
        if detail is not None and detail.broken:
            continue
        height = measure.block_height(len(label.lines), sizes.label)
        if place in ("inline", "beside"):
            height = max(height, pill_h)
        if place == "after":
            height += max(0.0, pill_h - measure.line_height(sizes.label))
        if detail is not None:
            height += style.text_gap + measure.block_height(len(detail.lines), sizes.detail)
        if place == "below":
            height += style.badge_below_gap + pill_h
        if best is None or height < best.height - 1e-6:
            best = Arrangement(sizes, label, detail, place, text_w, height)
    return best


def place(text: CellText, a: Arrangement, x: float, y: float, w: float, h: float, measure: TextMeasure,
          style: DiagramStyle, color: str) -> tuple[Optional[TextBlock], Optional[TextBlock],
                                                                 Optional[tuple[float, float, float, float, TextBlock]]]:
    """The label, detail and badge (x, y, w, h, text) of an arrangement in the box (x, y, w, h)."""
    sizes = a.sizes
    pill_w, pill_h = pill_size(text.badge, sizes.badge, measure, style) if a.badge_place else (0.0, 0.0)
    top = y + (h - a.height) / 2
    if a.badge_place == "inline":
        label_w = measure.width(a.label.lines[0], sizes.label, True)
        line_h = max(measure.line_height(sizes.label), pill_h)
        text_x = x + (w - label_w - style.badge_gap - pill_w) / 2
        label = place_text(measure, text.label, a.label.lines, sizes.label, True, color, text_x,
                           top + (line_h - measure.line_height(sizes.label)) / 2, label_w)
        pill_x, pill_y = text_x + label_w + style.badge_gap, top + (line_h - pill_h) / 2
        cursor = top + line_h
    elif a.badge_place == "after":
        # the label centred, the badge after its last line (which, with it, is centred too)
        pitch = measure.line_height(sizes.label)
        extra = max(0.0, pill_h - pitch)
        label = place_text(measure, text.label, a.label.lines, sizes.label, True, color, x + (w - a.text_w) / 2,
                           top, a.text_w)
        last_w = measure.width(a.label.lines[-1], sizes.label, True)
        last_x = x + (w - last_w - style.badge_gap - pill_w) / 2
        label = _shift_last(label, last_x, last_w)
        pill_x = last_x + last_w + style.badge_gap
        pill_y = top + (len(a.label.lines) - 1) * pitch + (pitch + extra - pill_h) / 2
        cursor = top + len(a.label.lines) * pitch + extra
    else:
        block_h = measure.block_height(len(a.label.lines), sizes.label)
        if a.badge_place == "beside":
            # the label, and the detail under it, centred in the room left of the badge
            left = x + style.badge_inset + pill_w + style.badge_gap
            text_x = left + (x + w - left - style.badge_inset - pill_w - style.badge_gap - a.text_w) / 2
        else:
            text_x = x + (w - a.text_w) / 2
        label = place_text(measure, text.label, a.label.lines, sizes.label, True, color, text_x, top, a.text_w)
        cursor = top + block_h
    detail = None
    if a.detail is not None:
        cursor += style.text_gap
        detail_x = x + (w - a.text_w) / 2 if a.badge_place != "beside" else label.x
        detail = place_text(measure, text.detail, a.detail.lines, sizes.detail, False, color,
                            detail_x, cursor, a.text_w)
        cursor += detail.h
    badge = None
    if a.badge_place:
        if a.badge_place == "beside":
            pill_x, pill_y = x + w - style.badge_inset - pill_w, y + (h - pill_h) / 2
        elif a.badge_place == "below":
            pill_x, pill_y = x + (w - pill_w) / 2, cursor + style.badge_below_gap
        badge_text = place_text(measure, text.badge, (text.badge,), sizes.badge, True, style.on_badge,
                                pill_x + style.badge_pad_x, pill_y + style.badge_pad_y,
                                pill_w - 2 * style.badge_pad_x, baseline="caps")
        badge = (pill_x, pill_y, pill_w, pill_h, badge_text)
    return label, detail, badge


def _shift_last(block: TextBlock, x: float, w: float) -> TextBlock:
    """A centred block whose last line is moved left to make room for a badge after it.

    Lines are centred on the block's middle; the last one is given as an extra offset
    (`last_shift`) that every renderer applies to that line alone."""
    from dataclasses import replace

    middle = block.x + block.w / 2
    return replace(block, last_shift=(x + w / 2) - middle)
