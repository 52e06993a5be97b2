"""Slides kept for the process (`build/kept.py`): `watch` writes the PPTX again after each save,
and a slide whose inputs did not change is taken as it was made (a copy of its XML) instead of
being made again.

A slide is kept only when its part relates to its layout alone: a picture, a chart or a link is
a part or a relationship of the package being written, made again with the slide. The key is
everything a slide is made from: its content and plan, its number, its layout, what the talk
holds that it shows (a comparison table), the language, the talk's title (its footer), and the
theme and the template by identity. Which of its paragraphs fell back to the source language is
checked when it is taken: an edit elsewhere in the talk that changes which strings fell back (a
new source string not translated yet) keeps the other slides.
"""

from __future__ import annotations

import copy
from typing import Callable, Optional

from generator.build.kept import Kept

SLIDES = Kept(256)      # a watched deck or two, in each language


def kept_slide(key: Optional[tuple], held: tuple, fell_back: Callable[[str], bool]):
    """A copy of the `p:sld` kept under `key` whose paragraphs fell back as `fell_back` says now, or None."""
    found = SLIDES.get(key, held)
    if found is None:
        return None
    element, texts, fallen = found
    if frozenset(text for text in texts if fell_back(text)) != fallen:
        return None
    return copy.deepcopy(element)


def keep_slide(key: Optional[tuple], held: tuple, slide, layout_part, fell_back: Callable[[str], bool]) -> None:
    """Keep a copy of a slide just made, when its part relates to `layout_part` alone."""
    from generator.renderers.pptx.oxml.bidi import paragraph_texts

    rels = list(slide.part.rels.values())
    if key is None or len(rels) != 1 or rels[0].is_external or rels[0].target_part is not layout_part:
        return
    element = copy.deepcopy(slide.element)
    texts = paragraph_texts(element)
    SLIDES.put(key, (element, texts, frozenset(text for text in texts if fell_back(text))), held)
