"""Where a word may be hyphenated, from the dictionary patterns of the deck's language (Pyphen).

A language without patterns (the pseudo-locale, or one Pyphen does not know) has no
hyphenation points: its long words are then reported as not fitting rather than cut.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Optional

LEFT, RIGHT = 2, 3      # letters kept at least before and after a hyphen


class Hyphenator:
    """The hyphenation points of one language's words; its patterns are read at the first word
    long enough to need them (most decks never hyphenate, and reading a language's patterns
    takes most of a tenth of a second)."""

    def __init__(self, lang: str):
        self.lang = lang

    def splits(self, word: str) -> tuple[tuple[str, str], ...]:
        """Every way to hyphenate `word`, longest first part first: ("Gastbetriebs-", "system")."""
        return _splits(self.lang, word)


@lru_cache(maxsize=16)
def _dictionary(lang: str):
    import pyphen

    return pyphen.Pyphen(lang=lang, left=LEFT, right=RIGHT)


@lru_cache(maxsize=65536)
def _splits(lang: str, word: str) -> tuple[tuple[str, str], ...]:
    # Pyphen reads letters only: keep leading and trailing punctuation outside the word.
    start, end = 0, len(word)
    while start < end and not word[start].isalpha():
        start += 1
    while end > start and not word[end - 1].isalpha():
        end -= 1
    core = word[start:end]
    if len(core) < LEFT + RIGHT or not core.isalpha():
        return ()
    found = []
    for position in _dictionary(lang).positions(core):
        if LEFT <= position <= len(core) - RIGHT:
            found.append((word[:start + position] + "-", word[start + position:]))
    return tuple(sorted(found, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=64)
def hyphenator(lang: Optional[str]) -> Optional[Hyphenator]:
    """The hyphenator of a BCP 47 language (`de-CH` tries de_CH then de), None without patterns."""
    if not lang:
        return None
    import pyphen

    tag = lang.replace("-", "_")
    found = pyphen.language_fallback(tag) or pyphen.language_fallback(tag.split("_")[0])
    if not found:
        return None
    return Hyphenator(found)
