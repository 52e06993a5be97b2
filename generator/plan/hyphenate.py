"""Where a word may be hyphenated, from the dictionary patterns of the deck's language (Pyphen's files).

Names, code and addresses (`invoice()`, `check-out()`, snake_case, camelCase, `docs.docker.com`)
are never hyphenated. A language without patterns (the pseudo-locale, or one Pyphen does not know) has no
hyphenation points: its long words are then reported as not fitting rather than cut.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from generator.plan.linebreak import code_like

LEFT, RIGHT = 2, 3      # letters kept at least before and after a hyphen


class Hyphenator:
    """The hyphenation points of one language's words; its patterns are read at the first word
    long enough to need them."""

    def __init__(self, lang: str):
        self.lang = lang

    def positions(self, word: str) -> tuple[int, ...]:
        """Where `word` may be hyphenated: indices into it, ascending (12 for "Gastbetriebssystem").
        Linear in the word's length, as `splits` cannot be (each of its pairs copies the word)."""
        return _positions(self.lang, word)

    def splits(self, word: str) -> tuple[tuple[str, str], ...]:
        """Every way to hyphenate `word`, longest first part first: ("Gastbetriebs-", "system")."""
        return tuple((word[:at] + "-", word[at:]) for at in reversed(self.positions(word)))


@lru_cache(maxsize=16)
def _dictionary(lang: str) -> "Patterns":
    import pyphen

    return Patterns(pyphen.LANGUAGES[lang])


class Patterns:
    """A language's Liang hyphenation patterns (Pyphen's `hyph_*.dic` files), read as the patterns'
    letters only: a pattern's digits are read the first time a word meets it. Pyphen reads every
    pattern's digits up front, which takes five times as long (0.6 s for German), for the few
    hundred patterns a deck meets. The points found are Pyphen's (the tests compare them)."""

    def __init__(self, path):
        head, _, body = path.read_bytes().partition(b"\n")
        encoding = head.decode("ascii", "replace").strip()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        table: dict[str, str] = {}
        for line in body.decode(encoding).split("\n"):
            line = line.strip()
            if not line or line.startswith(_IGNORED) or not _NONZERO.search(line):
                continue    # a pattern of zeros only changes nothing (and does not replace an earlier one)
            if "^^" in line:
                line = _HEX.sub(lambda match: chr(int(match.group(1), 16)), line)
            if "/" in line and "=" in line:
                line = line.split("/", 1)[0]    # a nonstandard hyphenation: its point is kept, as a plain cut
            table[line.translate(_NO_DIGITS)] = line
        self.table = table
        self.longest = max(map(len, table), default=0)
        self._values: dict[str, tuple[int, ...]] = {}

    def points(self, word: str) -> list[int]:
        """Every position of `word` where the patterns allow a hyphen (Liang's odd values)."""
        dotted = f".{word.lower()}."
        values = [0] * (len(dotted) + 1)
        table, longest = self.table, self.longest
        for start in range(len(dotted) - 1):
            for end in range(start + 1, min(start + longest, len(dotted)) + 1):
                if dotted[start:end] in table:
                    for offset, value in enumerate(self._digits(dotted[start:end]), start):
                        if value > values[offset]:
                            values[offset] = value
        return [index - 1 for index, value in enumerate(values) if value % 2]

    def _digits(self, key: str) -> tuple[int, ...]:
        """The value before each letter of a pattern, and after its last. Two digits in a row
        (a slip in a few patterns) are two values, as Pyphen reads them."""
        found = self._values.get(key)
        if found is None:
            found, digit = [], None
            for char in self.table[key]:
                if "0" <= char <= "9":
                    if digit is not None:
                        found.append(digit)
                    digit = ord(char) - 48
                else:
                    found.append(digit or 0)
                    digit = None
            found.append(digit or 0)
            found = self._values[key] = tuple(found)
        return found


_IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
_NO_DIGITS = str.maketrans("", "", "0123456789")
_NONZERO = re.compile("[1-9]")
_HEX = re.compile(r"\^{2}([0-9a-f]{2})")


@lru_cache(maxsize=65536)
def _positions(lang: str, word: str) -> tuple[int, ...]:
    # the patterns read letters only: keep leading and trailing punctuation outside the word
    start, end = 0, len(word)
    while start < end and not word[start].isalpha():
        start += 1
    while end > start and not word[end - 1].isalpha():
        end -= 1
    core = word[start:end]
    if len(core) < LEFT + RIGHT or not core.isalpha() or code_like(word):
        return ()     # not a word of the language: a name, code or an address (`invoice()`, `macOS`)
    return tuple(start + position for position in _dictionary(lang).points(core)
                 if LEFT <= position <= len(core) - RIGHT)


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
