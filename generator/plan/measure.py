"""Text measured with real font metrics: widths, greedy word wrap with hyphenation, the largest size that fits.

Widths come from the font files the audience's font is metric-compatible with (Carlito for
Calibri), read once by Pillow at a fixed large size and scaled linearly, so measuring is cheap
and does not depend on hinting at small sizes. Pillow's basic layout (no kerning, no shaping
library) keeps the numbers identical on every machine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Optional

from PIL import ImageFont

from generator.plan.hyphenate import Hyphenator, hyphenator

LINE_HEIGHT = 1.15          # line pitch as a multiple of the font size
SIZE_STEP = 0.5             # points between two sizes tried by `fit`
_REFERENCE_SIZE = 1000      # pixels per em at which fonts are read; widths scale linearly from it

# Break only at ordinary spaces, tabs and newlines: no-break spaces (U+00A0, U+202F, as in
# "700 Mo" or French "Type 1 :") keep their words together.
_BREAKABLE = re.compile(r"[ \t\n]+")
# A line may also end after a hyphen inside a word ("Host-" / "Betriebssystem").
_HYPHEN_BREAK = re.compile(r"(?<=[^\s-]-)(?=[^\s-])")


@dataclass(frozen=True)
class Wrapped:
    """Lines of one text wrapped to a width; `broken` when a word had to be cut to fit."""

    lines: tuple[str, ...]
    broken: bool


@dataclass(frozen=True)
class Fit:
    """The size chosen for a text in a box, its lines at that size, and whether it fits."""

    size: float
    lines: tuple[str, ...]
    fits: bool
    broken: bool = False


@lru_cache(maxsize=16)
def _font(path: str) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, _REFERENCE_SIZE, layout_engine=ImageFont.Layout.BASIC)


@lru_cache(maxsize=65536)
def _units(path: str, text: str) -> float:
    return _font(path).getlength(text)


class TextMeasure:
    """Widths and wrapping of text in one font face (regular and bold files), in points.

    With a hyphenator (`for_lang`), a word longer than a whole line is hyphenated at the
    language's allowed points; a word is never cut anywhere else without being reported.
    """

    def __init__(self, regular: Path | str, bold: Path | str, hyphenator: Optional[Hyphenator] = None):
        self.regular = str(regular)
        self.bold = str(bold)
        self.hyphenator = hyphenator
        font = _font(self.regular)
        ascent, descent = font.getmetrics()
        self.ascent = ascent / _REFERENCE_SIZE
        self.descent = descent / _REFERENCE_SIZE
        self.cap_height = (ascent - font.getbbox("H")[1]) / _REFERENCE_SIZE
        self.x_height = (ascent - font.getbbox("x")[1]) / _REFERENCE_SIZE
        self.family = font.getname()[0] or ""

    @classmethod
    def for_theme(cls, theme, lang: Optional[str] = None) -> "TextMeasure":
        """The measurer of a theme's body face, hyphenating words of `lang`."""
        return cls(theme.font_path(theme.body.regular), theme.font_path(theme.body.bold), hyphenator(lang))

    def for_lang(self, lang: Optional[str]) -> "TextMeasure":
        """The same face, hyphenating words of `lang` (None: no hyphenation)."""
        return TextMeasure(self.regular, self.bold, hyphenator(lang))

    def width(self, text: str, size_pt: float, bold: bool = False) -> float:
        """The advance width of one line of `text` at `size_pt` points."""
        return _units(self.bold if bold else self.regular, text) * size_pt / _REFERENCE_SIZE

    def line_height(self, size_pt: float) -> float:
        return size_pt * LINE_HEIGHT

    def baseline(self, size_pt: float) -> float:
        """The baseline's offset from the top of a line box, so mixed-case text looks centred in it."""
        optical_middle = (self.cap_height + self.x_height) / 4
        return self.line_height(size_pt) / 2 + optical_middle * size_pt

    def wrap(self, text: str, max_width: float, size_pt: float, bold: bool = False) -> Wrapped:
        """Greedy word wrap at spaces and after inner hyphens; a piece longer than the width is
        hyphenated at the language's points, and cut between characters only as a last resort
        (`broken` then says so)."""
        lines: list[str] = []
        broken = False
        for paragraph in text.split("\n"):
            line = ""
            for word in (w for w in _BREAKABLE.split(paragraph.strip()) if w):
                for index, piece in enumerate(_HYPHEN_BREAK.split(word)):
                    glue = " " if index == 0 and line else ""
                    if self.width(line + glue + piece, size_pt, bold) <= max_width:
                        line = line + glue + piece
                        continue
                    if line:
                        lines.append(line)
                        line = ""
                    if self.width(piece, size_pt, bold) <= max_width:
                        line = piece
                        continue
                    parts, cut = self._hyphenate(piece, max_width, size_pt, bold)
                    broken |= cut
                    lines.extend(parts[:-1])
                    line = parts[-1]
            lines.append(line)
        return Wrapped(tuple(lines), broken)

    def hyphen_positions(self, word: str) -> tuple[int, ...]:
        """Where `word` may be hyphenated (indices into it, ascending); none without a hyphenator."""
        if self.hyphenator is None:
            return ()
        return tuple(sorted(len(head) - 1 for head, _ in self.hyphenator.splits(word)))

    def _hyphenate(self, word: str, max_width: float, size_pt: float, bold: bool) -> tuple[list[str], bool]:
        """A word too long for a line, in hyphenated lines that fit; cut where no point allows."""
        lines: list[str] = []
        start = 0
        positions = self.hyphen_positions(word)
        while self.width(word[start:], size_pt, bold) > max_width:
            head = next((p for p in reversed(positions)
                         if p > start and self.width(word[start:p] + "-", size_pt, bold) <= max_width), None)
            if head is None:
                return lines + self._cut(word[start:], max_width, size_pt, bold), True
            lines.append(word[start:head] + "-")
            start = head
        return lines + [word[start:]], False

    def _cut(self, word: str, max_width: float, size_pt: float, bold: bool) -> list[str]:
        pieces, piece = [], ""
        for char in word:
            if piece and self.width(piece + char, size_pt, bold) > max_width:
                pieces.append(piece)
                piece = ""
            piece += char
        pieces.append(piece)
        return pieces

    def block_height(self, line_count: int, size_pt: float) -> float:
        return line_count * self.line_height(size_pt)

    def fits(self, lines: tuple[str, ...], size_pt: float, bold: bool, box_w: float, box_h: float) -> bool:
        """Whether wrapped lines at a size stay within a box's width and height."""
        return (self.block_height(len(lines), size_pt) <= box_h + 1e-6
                and all(self.width(line, size_pt, bold) <= box_w + 1e-6 for line in lines))

    def fit(self, text: str, box_w: float, box_h: float, max_size: float, min_size: float,
            bold: bool = False) -> Fit:
        """The largest size in [min_size, max_size] at which `text` wraps into the box.

        Sizes are tried in steps of half a point. Cutting a word is accepted only at the
        minimum size; when even that overflows, the result says `fits=False`.
        """
        for size in candidate_sizes(max_size, min_size):
            wrapped = self.wrap(text, box_w, size, bold)
            if not wrapped.broken and self.fits(wrapped.lines, size, bold, box_w, box_h):
                return Fit(size, wrapped.lines, True)
        wrapped = self.wrap(text, box_w, min_size, bold)
        fits = self.fits(wrapped.lines, min_size, bold, box_w, box_h)
        return Fit(min_size, wrapped.lines, fits, wrapped.broken)


def largest_fitting(height_at: Callable[[float], tuple[float, bool]], room: float, max_size: float,
                    min_size: float) -> tuple[float, bool]:
    """The largest size whose text height (and no cut word) fits `room`; else the minimum, and
    whether the text fits even there. `height_at(size)` gives (height, a word was cut)."""
    for size in candidate_sizes(max_size, min_size):
        height, broken = height_at(size)
        if height <= room and not broken:
            return size, True
    return min_size, height_at(min_size)[0] <= room


def candidate_sizes(max_size: float, min_size: float) -> tuple[float, ...]:
    """Sizes from `max_size` down to `min_size`, half a point apart, both ends included."""
    sizes = []
    size = max_size
    while size > min_size + 1e-9:
        sizes.append(round(size, 2))
        size -= SIZE_STEP
    sizes.append(min_size)
    return tuple(sizes)
