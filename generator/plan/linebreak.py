"""Where a line may break: the plan's tailoring of Unicode line breaking (UAX #14).

- at ordinary spaces, tabs and newlines (not at no-break spaces: "700 Mo", French "Type 1 :");
- after a hyphen inside a word ("Host-" / "Betriebssystem");
- between the characters of scripts written without spaces (Han, Hiragana, Katakana, Hangul,
  CJK punctuation and fullwidth forms), and between them and a Latin word ("Docker|は"),
  except before closing punctuation, small kana, the prolonged sound mark and iteration marks,
  and after opening brackets and quotes (Japanese kinsoku shori, the rules of UAX #14's
  CL, CP, EX, IS, NS, CJ and OP classes).

Thai, Lao, Khmer and Myanmar need a dictionary to find words; they break only at spaces here.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SPACES = re.compile(r"[ \t\n]+")
_HYPHEN_BREAK = re.compile(r"(?<=[^\s-]-)(?=[^\s-])")

# Never at the start of a line (closing punctuation, small kana, marks that lean on the character before).
NO_START = frozenset(
    "、。，．・：；？！‼⁇⁈⁉ー～〜）」』】〕〉》〙〗｝］〟’”»›%％‰℃°′″"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ゛゜゠‐–"
    ")]}.,:;!?")
# Never at the end of a line (opening brackets and quotes).
NO_END = frozenset("（「『【〔〈《〘〖｛［〝‘“«‹([{")


def _breaks_around(char: str) -> bool:
    """Characters of scripts without spaces between words: a line may break before and after them."""
    code = ord(char)
    return (0x2E80 <= code <= 0x2FDF          # CJK radicals
            or 0x3000 <= code <= 0x30FF       # CJK punctuation, Hiragana, Katakana
            or 0x3100 <= code <= 0x31FF       # Bopomofo, Katakana extensions
            or 0x3400 <= code <= 0x4DBF       # CJK extension A
            or 0x4E00 <= code <= 0x9FFF       # CJK unified ideographs
            or 0xAC00 <= code <= 0xD7AF       # Hangul syllables
            or 0xF900 <= code <= 0xFAFF       # CJK compatibility ideographs
            or 0xFE30 <= code <= 0xFE4F       # CJK compatibility forms
            or 0xFF00 <= code <= 0xFFEF       # fullwidth and halfwidth forms
            or 0x20000 <= code <= 0x3FFFF)    # CJK extensions B and beyond


def _may_break(before: str, after: str) -> bool:
    if before in NO_END or after in NO_START:
        return False
    return _breaks_around(before) or _breaks_around(after)


def _split_cjk(word: str) -> list[str]:
    if not any(_breaks_around(char) for char in word):
        return [word]
    pieces, start = [], 0
    for at in range(1, len(word)):
        if _may_break(word[at - 1], word[at]):
            pieces.append(word[start:at])
            start = at
    pieces.append(word[start:])
    return pieces


@lru_cache(maxsize=16384)
def break_units(paragraph: str) -> tuple[tuple[str, str], ...]:
    """The pieces a line of `paragraph` may be made of, each with the glue that joins it to the
    piece before on the same line: a space between words, nothing inside a word."""
    units: list[tuple[str, str]] = []
    for word in _SPACES.split(paragraph.strip()):
        if not word:
            continue
        first = True
        for part in _HYPHEN_BREAK.split(word):
            for piece in _split_cjk(part):
                units.append((" " if first and units else "", piece))
                first = False
    return tuple(units)


def unbreakable_pieces(text: str) -> tuple[str, ...]:
    """The pieces of `text` no line break may cut (between hyphenation points)."""
    return tuple(piece for paragraph in text.split("\n") for _, piece in break_units(paragraph))
