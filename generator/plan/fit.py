"""Font sizes of slide text chosen with the theme font's real metrics, so nothing overflows.

Pure functions: a text (or bullets, or a table), a rectangle, a preferred and a minimum size
in, the largest size at which everything fits out. The browser draws the same font (embedded)
at the same line pitch, so what fits here fits on screen and in print.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from generator.plan.breaks import wrap_width
from generator.plan.measure import TextMeasure, largest_fitting
from generator.plan.table import column_widths
from generator.plan.geometry import (
    BULLET_GAP, BULLET_INDENT, CELL_PAD_X, CELL_PAD_Y, SUB_BULLET, Rect,
)


@dataclass(frozen=True, slots=True)
class Fitted:
    """The size chosen and whether the text fits at it (False: it overflows even at the minimum)."""

    size: float
    fits: bool
    rows: tuple[float, ...] = ()     # a table's row heights at that size


def sub_size(size: float) -> float:
    """The size of a sub-bullet under bullets of `size` (half points)."""
    return round(size * SUB_BULLET * 2) / 2


def _lines(measure: TextMeasure, text: str, width: float, size: float, bold: bool,
           most: Optional[int] = None) -> tuple[int, bool]:
    """How many lines `text` takes in a box `width` wide (planned `WRAP_MARGIN` narrower), and
    whether a word had to be cut; with `most`, any count above it once the text is known to
    take more (the rest is not broken)."""
    wrapped = measure.for_text(text).wrap(text, wrap_width(width), size, bold, most)
    return max(1, len(wrapped.lines)), wrapped.broken


def _most_lines(height_with: Callable[[int], float], room: float, pitch: float) -> Optional[int]:
    """The most lines a text may take before the height of what holds it passes `room`:
    `height_with(count)` is that height with the text at `count` lines, added up as the caller
    adds it (a text twice the room need not be broken whole to know it does not fit). None
    when any count fits."""
    if math.isinf(room) or pitch <= 0:
        return None
    most = max(0, int((room - height_with(0)) / pitch))
    while most > 0 and height_with(most) > room:
        most -= 1
    while height_with(most + 1) <= room:
        most += 1
    return most


def fit_block(measure: TextMeasure, texts: Sequence[str], rect: Rect, max_size: float, min_size: float,
              bold: bool = False, gap: float = 0.0) -> Fitted:
    """The largest size at which paragraphs (plain text) fit the rectangle, `gap` ems between them."""
    def height(size: float) -> tuple[float, bool]:
        # past the room, the height only has to say so: each text is broken only that far
        total, broken = 0.0, False
        for index, text in enumerate(texts):
            def with_lines(count: int) -> float:
                return total + (count * size * measure.pitch + (gap * size if index else 0.0))

            most = _most_lines(with_lines, rect.h, size * measure.pitch)
            count, cut = _lines(measure, text, rect.w, size, bold, most)
            broken |= cut
            total = with_lines(count)
            if total > rect.h:
                break
        return total, broken

    return Fitted(*largest_fitting(height, rect.h, max_size, min_size))


def bullets_height(measure: TextMeasure, items: Sequence[tuple[int, str]], width: float,
                   size: float, room: float = math.inf) -> tuple[float, bool]:
    """The height of bullets (level, plain text) at `size` in a box `width` wide, each
    `BULLET_GAP` ems after the one before; and whether a word had to be cut. Past `room`, the
    counting stops: the height returned is then only known to be more than `room`."""
    total, broken = 0.0, False
    for index, (level, text) in enumerate(items):
        own = sub_size(size) if level else size

        def with_lines(count: int) -> float:
            return total + (count * own * measure.pitch + (BULLET_GAP * own if index else 0.0))

        most = _most_lines(with_lines, room, own * measure.pitch)
        count, cut = _lines(measure, text, width - BULLET_INDENT[min(level, 1)], own, False, most)
        broken |= cut
        total = with_lines(count)
        if total > room:
            break
    return total, broken


def fit_bullets(measure: TextMeasure, items: Sequence[tuple[int, str]], rect: Rect, max_size: float,
                min_size: float) -> Fitted:
    """The largest size of first-level bullets (sub-bullets are smaller) at which all fit."""
    return Fitted(*largest_fitting(lambda size: bullets_height(measure, items, rect.w, size, rect.h), rect.h,
                                   max_size, min_size))


def fit_table(measure: TextMeasure, cells: Sequence[Sequence[tuple[str, bool]]], rect: Rect, max_size: float,
              min_size: float) -> Fitted:
    """The largest size at which a table of (text, bold) cells, header first, fits the rectangle."""
    widths = column_widths(rect.w, len(cells[0]))

    def measured(size: float) -> tuple[list[float], bool]:
        heights, broken = [], False
        for row in cells:
            found = [_lines(measure, text, widths[c] - 2 * CELL_PAD_X, size, bold) for c, (text, bold) in enumerate(row)]
            broken |= any(cut for _, cut in found)
            heights.append(max(count for count, _ in found) * size * measure.pitch + 2 * CELL_PAD_Y + 1)
        return heights, broken

    def height(size: float) -> tuple[float, bool]:
        # a size that cuts a word of a cell (a name wider than its column) is no fit while a
        # smaller one keeps every word whole
        heights, broken = measured(size)
        return sum(heights), broken

    fitted = Fitted(*largest_fitting(height, rect.h, max_size, min_size))
    return Fitted(fitted.size, fitted.fits, tuple(measured(fitted.size)[0]))


def column_height(measure: TextMeasure, heading: str | None, items: Sequence[tuple[int, str]], text: str | None,
                  width: float, size: float, room: float = math.inf) -> tuple[float, bool]:
    """The height of one column of a two-column slide at `size`: its bold heading, then its
    bullets (as `fit_bullets` lays them) or its paragraph; and whether a word had to be cut.
    Past `room`, the counting stops: the height returned is then only known to be more."""
    total, broken = 0.0, False
    parts = [(heading, width, size, True, BULLET_GAP * size)] if heading else []   # text, width, size, bold, gap
    for index, (level, line) in enumerate(items):
        own = sub_size(size) if level else size
        parts.append((line, width - BULLET_INDENT[min(level, 1)], own, False, BULLET_GAP * own if index else 0.0))
    if text:
        parts.append((text, width, size, False, 0.0))
    for part, part_w, own, bold, gap in parts:
        def with_lines(count: int) -> float:
            return total + (count * own * measure.pitch + gap)

        count, cut = _lines(measure, part, part_w, own, bold, _most_lines(with_lines, room, own * measure.pitch))
        broken |= cut
        total = with_lines(count)
        if total > room:
            break
    return total, broken


def fit_columns(measure: TextMeasure, columns: Sequence[tuple[str | None, Sequence[tuple[int, str]], str | None]],
                rects: Sequence[Rect], max_size: float, min_size: float) -> Fitted:
    """One size for both columns: the largest at which each fits its rectangle."""
    def height(size: float) -> tuple[float, bool]:
        worst, broken = 0.0, False
        for (heading, items, text), rect in zip(columns, rects):
            h, cut = column_height(measure, heading, items, text, rect.w, size, rect.h)
            worst = max(worst, h - rect.h)
            broken |= cut
        return worst, broken

    return Fitted(*largest_fitting(height, 0.0, max_size, min_size))
