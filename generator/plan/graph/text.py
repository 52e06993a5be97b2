"""Graph labels flattened to one paragraph, wrapped into lines of even length, and placed.

Widths come from the shared `TextMeasure` (the theme's real font files). A word is never cut:
a label whose longest word is wider than the wrapping width makes its box wider instead, and so
does a label that would take more than its most lines (node labels: `MAX_LABEL_LINES`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from generator.plan.linebreak import unbreakable_pieces
from generator.plan.measure import TextMeasure
from generator.plan.graph.model import Label, TextLine, rounded

# Ordinary spaces, tabs and line breaks only: no-break spaces (U+00A0, U+202F) stay.
_SPACES = re.compile(r"[ \t\r\n]+")


def flatten(text: str) -> str:
    """The text on one line: runs of ordinary white space become one space, ends trimmed."""
    return _SPACES.sub(" ", text).strip()


# A node label takes at most this many lines: a longer one makes its box wider instead.
MAX_LABEL_LINES = 3


def _widest_word(measure: TextMeasure, text: str, size: float, bold: bool) -> float:
    return max((measure.width(w, size, bold) for w in unbreakable_pieces(text, measure.lang)), default=0.0)


def width_for_lines(measure: TextMeasure, text: str, size: float, bold: bool, count: int) -> float:
    """The narrowest wrapping width at which `text` takes at most `count` lines (never narrower
    than its widest word): 1 gives its width on one line."""
    text = flatten(text)
    widest_word = _widest_word(measure, text, size, bold)
    high = max(measure.width(text, size, bold), widest_word)
    if count <= 1 or len(measure.wrap(text, widest_word, size, bold).lines) <= count:
        return high if count <= 1 else widest_word
    low = widest_word
    for _ in range(16):
        middle = (low + high) / 2
        if len(measure.wrap(text, middle, size, bold).lines) > count:
            low = middle
        else:
            high = middle
    return high


def label_lines(measure: TextMeasure, text: str, size: float, bold: bool,
                max_width: float, max_lines: int | None = None) -> tuple[str, ...]:
    """Lines at most `max_width` wide (or as wide as the longest word, or as wide as `max_lines`
    lines need), of similar lengths."""
    text = flatten(text)
    widest_word = _widest_word(measure, text, size, bold)
    limit = max(max_width, widest_word)
    lines = measure.wrap(text, limit, size, bold).lines
    if max_lines is not None and len(lines) > max_lines:
        limit = width_for_lines(measure, text, size, bold, max_lines)
        lines = measure.wrap(text, limit, size, bold).lines
    if len(lines) < 2:
        return lines
    # The narrowest width that keeps the same number of lines evens them out.
    low = max(widest_word, max(measure.width(line, size, bold) for line in lines) / len(lines))
    high = limit
    for _ in range(12):
        middle = (low + high) / 2
        if len(measure.wrap(text, middle, size, bold).lines) > len(lines):
            low = middle
        else:
            high = middle
    return measure.wrap(text, high, size, bold).lines


def lines_width(measure: TextMeasure, lines: tuple[str, ...], size: float, bold: bool) -> float:
    """The width of the widest line."""
    return max((measure.width(line, size, bold) for line in lines), default=0.0)


class WrappedLabel(NamedTuple):
    """A label wrapped into lines, with its size, weight, widest line and block height."""

    text: str
    lines: tuple[str, ...]
    size: float
    bold: bool
    width: float
    height: float  # from the first line's top (one em) to the last baseline


def wrap_label(measure: TextMeasure, text: str, size: float, bold: bool,
               max_width: float, max_lines: int | None = None) -> WrappedLabel:
    """A label's lines and the room they take."""
    lines = label_lines(measure, text, size, bold, max_width, max_lines)
    height = (len(lines) - 1) * measure.line_height(size) + size
    return WrappedLabel(flatten(text), lines, size, bold, lines_width(measure, lines, size, bold),
                        height)


def place_label(measure: TextMeasure, wrapped: WrappedLabel, cx: float, cy: float) -> Label:
    """The lines centred on (cx, cy): the block from the first cap top to the last baseline."""
    pitch = measure.line_height(wrapped.size)
    cap = measure.cap_height * wrapped.size
    first = cy - ((len(wrapped.lines) - 1) * pitch + cap) / 2 + cap
    placed = tuple(TextLine(line, rounded(cx), rounded(first + i * pitch))
                   for i, line in enumerate(wrapped.lines))
    return Label(wrapped.text, placed, wrapped.size, wrapped.bold)
