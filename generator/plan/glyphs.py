"""Every character the deck shows has a font to draw it, or the plan says where it would be a box.

A character none of the theme's faces has (the body face and its script faces, or the code face
and the script faces for code) would come out as an empty box ("tofu") in every format: that
is a `font.missing-glyph` error at its slide, never a silent box.
"""

from __future__ import annotations

from typing import Iterable

from generator.text.markdown import plain
from generator.plan.deck import Problem, SlidePlan
from generator.plan.measure import TextMeasure
from generator.plan.texts import diagram_texts, markdown_texts


def _missing(texts: Iterable[str], measure: TextMeasure) -> str:
    found: dict[str, None] = {}
    for text in texts:
        found.update((char, None) for char in measure.missing(text))
    return "".join(found)


def glyph_problems(slides: Iterable[SlidePlan], measure: TextMeasure, code: TextMeasure) -> list[Problem]:
    """One `font.missing-glyph` error per slide that shows characters no font of the theme draws."""
    problems = []
    for slide in slides:
        texts = [plain(text) for text in markdown_texts(slide)] + list(diagram_texts(slide))
        chars = _missing(texts, measure)
        if slide.code is not None:
            chars += "".join(c for c in _missing((slide.code.text(n) for n in range(1, len(slide.code.lines) + 1)),
                                                 code) if c not in chars)
        if chars:
            problems.append(Problem(slide.id, "text", chars, "font.missing-glyph", "error",
                                    ", ".join(f"'{c}' (U+{ord(c):04X})" for c in chars[:8])
                                    + (f" and {len(chars) - 8} more" if len(chars) > 8 else "")))
    return problems
