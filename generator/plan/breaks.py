"""Balanced line breaks: a text broken into as few lines as greedy breaking gives, evened out.

Titles, statements and table cells are set on explicit line breaks every format keeps (`<br>` in
HTML and PDF, `a:br` in PPTX), chosen here: the narrowest width at which the text still takes
as many lines as at its full width, so no line is left with one short word. Breaking itself is
`TextMeasure.wrap` (Unicode line breaking, CJK, hyphenation); this only chooses the width.
A title (balanced fully) breaks at an explicit hyphen only when a compound is wider than a line.
Lines are planned `WRAP_MARGIN` narrower than the box, so a client whose metrics differ a little
never needs a line more.
"""

from __future__ import annotations

from generator.plan.geometry import WRAP_MARGIN
from generator.plan.linebreak import unbreakable_pieces
from generator.plan.measure import TextMeasure


def wrap_width(width: float) -> float:
    """The width lines are planned at in a box `width` wide."""
    return width * (1 - WRAP_MARGIN)


def balanced_lines(measure: TextMeasure, text: str, width: float, size: float, bold: bool = False,
                   least: float = 0.0) -> tuple[str, ...]:
    """The lines of plain `text` in a box `width` wide at `size`: greedy's line count, evened out,
    no line planned narrower than `least` of the width (body text keeps most of its measure and
    only gives its last line company; titles and cells balance fully)."""
    measure = measure.for_text(text)       # a string that fell back, in its own language's way
    full = wrap_width(width)
    greedy = measure.wrap(text, full, size, bold)
    count = len(greedy.lines)
    hyphens = True
    if not least and count > 1 and not greedy.broken:
        # a title breaks a compound at its hyphens ("Bare-Metal-|Server") only when it must
        whole = measure.wrap(text, full, size, bold, hyphens=False)
        if not whole.broken and len(whole.lines) <= count:
            greedy, hyphens, count = whole, False, len(whole.lines)
    if count < 2 or greedy.broken or "\n" in text:
        return greedy.lines
    widest = max((measure.width(piece, size, bold) for piece in unbreakable_pieces(text, measure.lang, hyphens)),
                 default=0.0)
    if widest > full:        # a word is hyphenated (or a phrase broken) at the full width: keep those breaks
        return greedy.lines
    low, high, best = max(widest, least * full), full, greedy.lines
    for _ in range(14):
        middle = (low + high) / 2
        tried = measure.wrap(text, middle, size, bold, hyphens=hyphens)
        if len(tried.lines) == count and not tried.broken:
            high, best = middle, tried.lines
        else:
            low = middle
        if high - low < 0.5:
            break
    return best
