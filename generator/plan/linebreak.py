"""Where a line may break: Unicode line breaking (UAX #14) and the plan's tailoring of it.

The break opportunities are ICU's (`icu4py`, UAX #14 with ICU's dictionaries for Thai, Lao,
Khmer and Myanmar), then tailored:

- Japanese kinsoku shori, strict: never before closing punctuation, small kana, the prolonged
  sound mark and iteration marks (`NO_START`), never after opening brackets and quotes (`NO_END`);
- in Chinese, Japanese and Thai, between two characters, or at a space next to one, only where
  BudouX ends a phrase (仮想マシン, アプリ, コンテナは and "Docker は" stay whole);
- in Korean, which writes spaces between words, at those spaces only, not between two Hangul
  syllables (CSS `word-break: keep-all`, the usual setting of Korean headings and slides);
- never between a number and the word or unit after it ("50 millisecondes", "700 Mo",
  "2,1 Go", "1 000 conteneurs", "50 ミリ秒");
- never inside what reads as code or an address (`check-out()`, `invoice()`, snake_case,
  camelCase, `docs.docker.com`, `--rm`, `python:3.12-slim`); after a slash only in an
  address's path (`https://…/`), not in "and/or", "Hyper-V/KVM" or "</i>";
- after an explicit hyphen only between two parts of two letters or more ("Host-|Betriebssystem",
  not "Hyper-|V"); titles (`hyphens=False`) not at all while their pieces fit a line.

A piece wider than a whole line is broken inside as a fallback: first at its spaces (the
measurer's `wrap`), then where `inner_breaks` allows: a CJK phrase between its characters
(kinsoku kept, no single letter left alone at either end), a Korean word between its
syllables, a compound of a title at its
hyphens; the measurer hyphenates other words (`hyphenate.py`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Optional

_SPACE = " \t"

# Never at the start of a line (closing punctuation, small kana, marks that lean on the character before).
NO_START = frozenset(
    "、。，．・：；？！‼⁇⁈⁉ー～〜）」』】〕〉》〙〗｝］〟’”»›%％‰℃°′″"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ々〻ゝゞヽヾ゛゜゠‐–"
    ")]}.,:;!?")
# Never at the end of a line (opening brackets and quotes).
NO_END = frozenset("（「『【〔〈《〘〖｛［〝‘“«‹([{")
_HYPHENS = "-\u2010"


def phrased(char: str) -> bool:
    """Characters of scripts written without spaces between words, broken by phrases (BudouX):
    Han, kana, CJK punctuation and fullwidth forms, Thai. (Korean writes spaces between words:
    Hangul breaks at spaces: `hangul`.)"""
    code = ord(char)
    return (0x0E00 <= code <= 0x0E7F          # Thai
            or 0x2E80 <= code <= 0x2FDF       # CJK radicals
            or 0x3000 <= code <= 0x30FF       # CJK punctuation, Hiragana, Katakana
            or 0x3100 <= code <= 0x31FF       # Bopomofo, Katakana extensions
            or 0x3400 <= code <= 0x4DBF       # CJK extension A
            or 0x4E00 <= code <= 0x9FFF       # CJK unified ideographs
            or 0xF900 <= code <= 0xFAFF       # CJK compatibility ideographs
            or 0xFE30 <= code <= 0xFE4F       # CJK compatibility forms
            or 0xFF00 <= code <= 0xFFEF       # fullwidth and halfwidth forms
            or 0x20000 <= code <= 0x3FFFF)    # CJK extensions B and beyond


def hangul(char: str) -> bool:
    """Hangul syllables and jamo: Korean, kept whole between spaces."""
    code = ord(char)
    return 0xAC00 <= code <= 0xD7A3 or 0x1100 <= code <= 0x11FF or 0x3130 <= code <= 0x318F \
        or 0xA960 <= code <= 0xA97F or 0xD7B0 <= code <= 0xD7FF


def unicode_breaks(text: str) -> list[int]:
    """Unicode's line break opportunities in `text` (ICU), as the indices lines may start at."""
    from icu4py.breakers import LineBreaker

    ends, at = [], 0
    for piece in LineBreaker(text, "und"):
        at += len(piece)
        ends.append(at)
    return ends[:-1]


@lru_cache(maxsize=None)
def _budoux(model: str):
    import budoux

    return {"ja": budoux.load_default_japanese_parser, "zh-Hans": budoux.load_default_simplified_chinese_parser,
            "zh-Hant": budoux.load_default_traditional_chinese_parser,
            "th": budoux.load_default_thai_parser}[model]()


def phrase_model(text: str, lang: Optional[str]) -> str:
    """The BudouX model for a text: Thai for Thai letters without CJK; for CJK, Chinese
    (simplified or traditional) in a Chinese deck, else Japanese."""
    if not any(phrased(char) and not 0x0E00 <= ord(char) <= 0x0E7F for char in text):
        return "th"
    parts = (lang or "").replace("_", "-").split("-")
    if parts[0].lower() == "zh":
        rest = {part.lower() for part in parts[1:]}
        return "zh-Hant" if rest & {"hant", "tw", "hk", "mo"} else "zh-Hans"
    return "ja"


def _phrase_ends(text: str, lang: Optional[str]) -> set[int]:
    ends, at = set(), 0
    for phrase in _budoux(phrase_model(text, lang)).parse(text):
        at += len(phrase)
        ends.add(at)
    return ends


# A number (digits, decimal commas or points, thousands in groups of three after a space) and
# the spaces before the word or unit it counts: no break there.
_NUMBER_UNIT = re.compile(r"(?<![\w.,\u2011-])[-+\u2212]?\d+(?:[.,]\d+)*(?:[ \u00a0\u202f]\d{3}(?!\d))*"
                          r"(?:[.,]\d+)?[ \t]+(?=[^\W\d_]|[%‰°℃€$£¥])")
_WORD_END = re.compile(r"[^\W_]*$")
_WORD_START = re.compile(r"[^\W_]*")
_URL = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.)\S+", re.I)
_TOKEN = re.compile(r"[^ \t]+")
_LEADING = "([{«“‘\"'¿¡"
_TRAILING = ",.;:!?»”’\"'"
_CODE = re.compile(
    r"\w\(.*\)"                    # a call: invoice(), check-out(), f(x)
    r"|\w_\w|^_\w"                 # snake_case, _private
    r"|[^\W\d_]\.[^\W\d_]"         # a dotted name: os.path, docs.docker.com, requirements.txt
    r"|[a-z][A-Z]"                 # camelCase, DigitalOcean, macOS
    r"|^--?[^\W\d_]"               # a command-line option: --rm, -it
    r"|\w=|::|->|^[~.]?/\w"        # key=value, Rust paths, arrows, /usr/bin, ./run, ~/src
    r"|[^\W\d_]:\w"                 # an image, a host and its port: python:3.12-slim, payments:8080
)


def code_like(word: str) -> bool:
    """Whether a word (between spaces) reads as code, a name or an address: `invoice()`,
    `check-out()`, `snake_case`, `camelCase`, `docs.docker.com`, `--rm`, `https://…`. Such a
    word is never hyphenated, nor broken at its own hyphens."""
    core = word.lstrip(_LEADING).rstrip(_TRAILING)
    return bool(core) and (_CODE.search(core) is not None or _URL.match(core) is not None)


def letters(text: str) -> int:
    """How many letters and digits `text` holds."""
    return sum(1 for char in text if unicodedata.category(char)[0] in "LN")


def _tailored(text: str, lang: Optional[str], hyphens: bool) -> list[int]:
    """The indices a line of `text` may start at, Unicode's opportunities tailored (module docstring)."""
    found = unicode_breaks(text)
    if not found:
        return found
    closed: set[int] = set()
    paths: set[int] = set()             # after a `/` of an address's path: the only breaks after a slash
    for match in _NUMBER_UNIT.finditer(text):
        closed.update(range(match.start() + 1, match.end() + 1))
    for match in _TOKEN.finditer(text):
        token = match.group()
        if not code_like(token):
            continue
        start = match.start()
        url = _URL.search(token)
        for at in range(start + 1, match.end()):
            inner = at - start
            after_slash = token[inner - 1] == "/" and "/" not in (token[inner], token[inner - 2])
            if url and url.start() < inner and after_slash:
                paths.add(at)
            else:
                closed.add(at)
    phrases = None
    kept = []
    for at in found:
        before, after = text[at - 1], text[at]
        if at in closed or before in NO_END or after in NO_START or (before == "/" and at not in paths):
            continue
        if hangul(before) and hangul(after):
            continue
        if before in _HYPHENS and after not in _SPACE:
            if not hyphens:
                continue
            head = _WORD_END.search(text, 0, at - 1).group()
            tail = _WORD_START.match(text, at).group()
            if len(head) < 2 or len(tail) < 2:
                continue
        if after not in _SPACE:
            start = at
            while start > 0 and text[start - 1] in _SPACE:
                start -= 1          # a break after spaces: the phrase may end before them
            if start and (phrased(text[start - 1]) or phrased(after)):
                if phrases is None:
                    phrases = _phrase_ends(text, lang)
                if not any(end in phrases for end in range(start, at + 1)):
                    continue
        kept.append(at)
    return kept


@lru_cache(maxsize=16384)
def break_units(paragraph: str, lang: Optional[str] = None, hyphens: bool = True) -> tuple[tuple[str, str], ...]:
    """The pieces a line of `paragraph` may be made of, each with the glue that joins it to the
    piece before on the same line: a space between words, nothing inside a word. `lang` chooses
    the phrase model of CJK text; `hyphens=False` keeps compounds whole ("Bare-Metal-Server")."""
    text = paragraph.strip(" \t\n")
    if not text:
        return ()
    units: list[tuple[str, str]] = []
    bounds = [0, *_tailored(text, lang, hyphens), len(text)]
    glue = ""
    for start, end in zip(bounds, bounds[1:]):
        piece = text[start:end]
        stripped = piece.rstrip(_SPACE)
        # spaces inside a piece stay as written (a number and its unit); runs of them between pieces are one
        units.append((glue, re.sub(r"[ \t]{2,}", " ", stripped) if "  " in stripped else stripped))
        glue = " " if len(stripped) < len(piece) else ""
    return tuple(units)


@lru_cache(maxsize=4096)
def inner_breaks(piece: str, lang: Optional[str] = None, hyphens: bool = True) -> tuple[int, ...]:
    """Where a piece wider than a whole line may still break, no hyphen added: between the
    characters of a CJK or Thai phrase (kinsoku kept), between the syllables of a Korean word and, with `hyphens=False`, after its
    explicit hyphens; never leaving fewer than two letters at either end."""
    def breakable(char: str) -> bool:
        return phrased(char) or hangul(char)

    if len(piece) < 2 or (hyphens and not any(breakable(char) for char in piece)):
        return ()
    found = set()
    if any(breakable(char) for char in piece):
        for at in unicode_breaks(piece):
            before, after = piece[at - 1], piece[at]
            if (breakable(before) or breakable(after)) and before not in NO_END and after not in NO_START \
                    and before not in _SPACE:
                found.add(at)
    if not hyphens and not code_like(piece):
        found.update(_tailored(piece, lang, True))
    return tuple(at for at in sorted(found) if letters(piece[:at]) >= 2 and letters(piece[at:]) >= 2)


def spaced(glue: str, piece: str) -> tuple[tuple[str, str], ...]:
    """A piece that holds spaces (a phrase such as "Python アプリ", a number and its unit) as
    units split at them: how a piece wider than a line breaks first."""
    words = [word for word in re.split(r"[ \t]+", piece) if word]
    return tuple((glue if i == 0 else " ", word) for i, word in enumerate(words))


def unbreakable_pieces(text: str, lang: Optional[str] = None, hyphens: bool = True) -> tuple[str, ...]:
    """The pieces of `text` no line break may cut (between hyphenation points)."""
    return tuple(piece for paragraph in text.split("\n") for _, piece in break_units(paragraph, lang, hyphens))


def word_pieces(text: str, lang: Optional[str] = None) -> tuple[str, ...]:
    """The pieces of `text` split at every space too: what no line break cuts once a piece wider
    than a line falls back to its spaces (a text's narrowest width)."""
    return tuple(word for piece in unbreakable_pieces(text, lang) for _, word in spaced("", piece))
