"""Slides kept for the process: `watch` writes the PPTX again after each save, and a slide whose
inputs did not change is taken as it was made (a copy of its XML) instead of being made again.

A slide is kept only when its part relates to its layout alone: a picture, a chart or a link is
a part or a relationship of the package being written, made again with the slide. The key is
everything a slide is made from: its content and plan, its number, its layout, what the talk
holds that it shows (a comparison table), the language, the talk's title (its footer), and the
theme and the template by identity (the entry holds them, so an identity is never taken by
another object while it is kept). Which of its paragraphs fell back to the source language is
checked on the way out: an edit elsewhere in the talk that changes which strings fell back
(a new source string not translated yet) keeps the other slides.
"""

from __future__ import annotations

import copy
import threading
from collections import OrderedDict
from typing import Callable

KEPT = 256          # slides: a watched deck or two, in each language

# key -> (objects held, p:sld, its paragraphs' texts, those that fell back)
_KEPT: "OrderedDict[tuple, tuple[tuple, object, tuple[str, ...], frozenset[str]]]" = OrderedDict()
_LOCK = threading.Lock()


def slide_key(held: tuple, *inputs) -> tuple:
    """The key of a slide made from `inputs` with the objects `held` (compared by identity)."""
    return (tuple(id(obj) for obj in held), *inputs)


def kept_slide(key: tuple, held: tuple, fell_back: Callable[[str], bool]):
    """A copy of the `p:sld` kept under `key` whose paragraphs fell back as `fell_back` says now,
    or None (None too when an input cannot be a key)."""
    try:
        hash(key)
    except TypeError:
        return None
    with _LOCK:
        found = _KEPT.get(key)
        if found is None or any(a is not b for a, b in zip(found[0], held)):
            return None
        _, element, texts, fallen = found
    if frozenset(text for text in texts if fell_back(text)) != fallen:
        return None
    with _LOCK:
        if key in _KEPT:
            _KEPT.move_to_end(key)
    return copy.deepcopy(element)


def keep_slide(key: tuple, held: tuple, slide, layout_part, fell_back: Callable[[str], bool]) -> None:
    """Keep a copy of a slide just made, when its part relates to `layout_part` alone."""
    from generator.renderers.pptx.oxml.bidi import paragraph_texts

    rels = list(slide.part.rels.values())
    if len(rels) != 1 or rels[0].is_external or rels[0].target_part is not layout_part:
        return
    try:
        hash(key)
    except TypeError:
        return
    element = copy.deepcopy(slide.element)
    texts = paragraph_texts(element)
    fallen = frozenset(text for text in texts if fell_back(text))
    with _LOCK:
        _KEPT[key] = (held, element, texts, fallen)
        while len(_KEPT) > KEPT:
            _KEPT.popitem(last=False)


def forget() -> None:
    with _LOCK:
        _KEPT.clear()
