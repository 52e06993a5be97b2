"""Font sizes for slide text computed with real font metrics, never left to autofit flags.

Pure functions over rectangles in points: a placeholder's box, the text, the theme's preferred
and minimum sizes. PowerPoint's autofit is only a flag it applies after an edit, so every size
in the deck is chosen here, and a text that cannot fit at the minimum is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Sequence

from generator.layout.boxes import Rect
from generator.layout.measure import TextMeasure, largest_fitting
from generator.layout.table import column_widths
from generator.model.talk import Comparison, Talk

INSET_X = 7.2    # PowerPoint's default text insets: 0.1 in left and right
INSET_Y = 3.6    # and 0.05 in top and bottom
# Where the default template (templates/default/template.pptx) puts things, in points; used by
# `deckgen check`, which measures without opening any template. A test keeps them in step.
DEFAULT_TITLE = (48.0, 24.0, 864.0, 78.0)
DEFAULT_BODY = (48.0, 114.0, 864.0, 372.0)
SLIDE_SIZE = (960.0, 540.0)
BULLET_INDENT = (24.0, 48.0)   # left margin of bullet text, per level (points)
SPACE_BEFORE = 0.45            # space before a paragraph, as a fraction of the font size


@dataclass(frozen=True)
class TextFit:
    """The size chosen for a text frame and whether everything fits at that size."""

    size: float
    fits: bool
    lines: int


@lru_cache(maxsize=16)
def _line_factor(font_file: str) -> float:
    """Single line spacing in ems: the larger of the Windows metrics and hhea with its line gap,
    which is what PowerPoint and LibreOffice lay lines out with."""
    import logging

    from fontTools.ttLib import TTFont

    logging.getLogger("fontTools").setLevel(logging.ERROR)   # it warns about old 'created' dates
    font = TTFont(font_file, lazy=True)
    units = font["head"].unitsPerEm
    hhea, os2 = font["hhea"], font["OS/2"]
    return max(os2.usWinAscent + os2.usWinDescent, hhea.ascent - hhea.descent + hhea.lineGap) / units


def line_pitch(measure: TextMeasure, size: float) -> float:
    """PowerPoint's single line spacing for the measured font at `size` points."""
    return _line_factor(measure.regular) * size


def paragraphs_height(measure: TextMeasure, paragraphs: Sequence[tuple[int, str, bool]], width: float,
                      size: float, space_before: float = SPACE_BEFORE) -> tuple[float, int, bool]:
    """Height of (level, text, bold) paragraphs wrapped to a width; line count; whether a word broke."""
    total, lines, broken = 0.0, 0, False
    for index, (level, text, bold) in enumerate(paragraphs):
        indent = BULLET_INDENT[min(level, len(BULLET_INDENT) - 1)] if level >= 0 else 0.0
        sub = size * (0.85 if level > 0 else 1.0)
        wrapped = measure.wrap(text, width - indent, sub, bold)
        broken |= wrapped.broken
        count = max(1, len(wrapped.lines))
        lines += count
        total += count * line_pitch(measure, sub) + (space_before * sub if index else 0.0)
    return total, lines, broken


def fit_paragraphs(measure: TextMeasure, paragraphs: Sequence[tuple[int, str, bool]], rect: Rect,
                   max_size: float, min_size: float, space_before: float = SPACE_BEFORE) -> TextFit:
    """The largest size at which all paragraphs fit the rectangle's text area."""
    width = rect.w - 2 * INSET_X

    def height_at(size: float) -> tuple[float, bool]:
        total, _, broken = paragraphs_height(measure, paragraphs, width, size, space_before)
        return total, broken

    size, fits = largest_fitting(height_at, rect.h - 2 * INSET_Y, max_size, min_size)
    return TextFit(size, fits, paragraphs_height(measure, paragraphs, width, size, space_before)[1])


def fit_text(measure: TextMeasure, text: str, rect: Rect, max_size: float, min_size: float,
             bold: bool = False) -> TextFit:
    """The largest size at which one text (its own lines kept) fits the rectangle."""
    paragraphs = [(-1, line, bold) for line in text.split("\n")]
    return fit_paragraphs(measure, paragraphs, rect, max_size, min_size, space_before=0.0)


# --- tables ---------------------------------------------------------------------------------

CELL_X = 7.2
CELL_Y = 4.0


def table_cells(talk: Talk, comparison: Comparison) -> list[list[str]]:
    """The table as rows of cell texts, header first."""
    header = [""] + [talk.stack(s).title for s in comparison.subjects]
    rows = [[row.aspect] + [row.values.get(s, "") for s in comparison.subjects] for row in comparison.rows]
    return [header, *rows]


def row_heights(measure: TextMeasure, cells: list[list[str]], widths: list[float], size: float) -> list[float]:
    heights = []
    for r, row in enumerate(cells):
        lines = 1
        for c, text in enumerate(row):
            bold = r == 0 or c == 0
            lines = max(lines, len(measure.wrap(text, widths[c] - 2 * CELL_X, size, bold).lines))
        heights.append(lines * line_pitch(measure, size) + 2 * CELL_Y)
    return heights


def fit_table(measure: TextMeasure, cells: list[list[str]], area: Rect, max_size: float,
              min_size: float) -> tuple[TextFit, list[float], list[float]]:
    widths = column_widths(area.w, len(cells[0]))
    size, fits = largest_fitting(lambda s: (sum(row_heights(measure, cells, widths, s)), False), area.h,
                                 max_size, min_size)
    return TextFit(size, fits, len(cells)), widths, row_heights(measure, cells, widths, size)
