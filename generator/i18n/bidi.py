"""Which way a piece of text runs, and which language it is in, inside a deck of one language.

A deck's paragraphs run the deck's way (right to left in Arabic or Hebrew). A text that runs the
other way (a badge such as "700 Mo", an address, code, a string that fell back to the source
language) is isolated in every format, so its numbers, brackets and punctuation stay where its
own direction puts them: "700 Mo", never "Mo 700"; "Merci !", never "! Merci". A text runs the
way its letters do (Unicode's bidirectional classes, from `unicodedata`): one with left-to-right
letters only is left to right, one with right-to-left letters only right to left; a mixed one,
or one of digits and punctuation alone, runs its paragraph's way, its left-to-right phrases
isolated (`ltr_spans`).

A string that fell back to the source language (`LocalizedTalk.fallbacks`) keeps that language:
its own `lang` in HTML and on PPTX runs, its own direction.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Optional

from generator.i18n.scripts import direction as lang_direction

# The isolate marks of Unicode's bidirectional algorithm (UAX #9): left-to-right isolate,
# right-to-left isolate, and the pop that ends either.
LRI, RLI, PDI = "\u2066", "\u2067", "\u2069"

_SPACE = re.compile(r"\s+")


def text_direction(text: str) -> Optional[str]:
    """"ltr" when `text` has a left-to-right letter and no right-to-left one, "rtl" when it has a
    right-to-left letter and no left-to-right one, None when it has neither (digits and
    punctuation alone read the same either way, "1.") or both (mixed: it runs the way of its
    paragraph)."""
    ltr = rtl = False
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            rtl = True
        elif kind == "L":
            ltr = True
    if ltr and not rtl:
        return "ltr"
    if rtl and not ltr:
        return "rtl"
    return None


def ltr_spans(text: str) -> list[tuple[int, int]]:
    """Where left-to-right phrases stand in a mixed text, as (start, end): from a left-to-right
    letter or a digit to the last one before the next right-to-left letter ("700 Mo", "Node.js",
    "docs.docker.com"), but a number alone. Isolated, each keeps its order inside a right-to-left
    paragraph."""
    spans: list[tuple[int, int]] = []
    start = end = None
    for index, char in enumerate(text + "\u0627"):
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "EN"):
            start = index if start is None else start
            end = index + 1
        elif kind in ("R", "AL", "AN") and start is not None:
            if any(unicodedata.bidirectional(c) == "L" for c in text[start:end]):
                spans.append((start, end))      # a number alone runs the same either way
            start = end = None
    return spans


def squashed(text: str) -> str:
    """A text without its spaces and line breaks: how a string is found again once broken into lines."""
    return _SPACE.sub("", text)


@dataclass(frozen=True)
class Bidi:
    """What the formats need to know to set one deck's text: its language and direction, the
    source language, and the strings that fell back to it (plain and squashed)."""

    lang: str
    source_lang: str = ""
    fallbacks: frozenset[str] = frozenset()

    @property
    def direction(self) -> str:
        return lang_direction(self.lang)

    def fell_back(self, text: str) -> bool:
        """Whether `text` (a string of the talk, one of its paragraphs, or its lines) is the source
        text of a string that has no translation."""
        return bool(self.fallbacks) and squashed(text) in self.fallbacks

    def lang_of(self, text: str) -> str:
        """The language `text` is written in: the source's for a fallback, else the deck's."""
        return self.source_lang if self.source_lang and self.fell_back(text) else self.lang

    def direction_of(self, text: str) -> str:
        """The way `text` runs as a whole: a fallback its source language's way, a text with
        letters of one direction only that way, any other text the deck's way."""
        if self.fell_back(text):
            return lang_direction(self.source_lang)
        return text_direction(text) or self.direction

    def isolated(self, text: str) -> bool:
        """Whether `text` runs against the deck's direction (and is isolated from its neighbours)."""
        return self.direction_of(text) != self.direction


def fallback_keys(texts) -> frozenset[str]:
    """The squashed plain texts by which fallback strings are found again: each string whole and
    each of its paragraphs (speaker notes are set one paragraph at a time)."""
    from generator.text.markdown import paragraphs, plain

    keys = set()
    for text in texts:
        for part in (text, *paragraphs(text)):
            key = squashed(plain(part))
            if key:
                keys.add(key)
    return frozenset(keys)
