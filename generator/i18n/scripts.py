"""Writing systems: which way a language is written, and which class of script a character is
in as Office files name them (`latin`, East Asian `ea`, complex script `cs`)."""

from __future__ import annotations

from functools import lru_cache

# Languages written right to left (BCP 47 primary subtags), when Babel does not say.
RTL_LANGS = frozenset({"ar", "he", "iw", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug", "syr"})

_EAST_ASIAN = ((0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3000, 0x303F), (0x3040, 0x30FF), (0x3100, 0x31FF),
               (0x3200, 0x33FF), (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF),
               (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF), (0x20000, 0x3FFFF))
_COMPLEX = ((0x0590, 0x08FF), (0x0900, 0x0DFF), (0x0E00, 0x0EFF), (0x0F00, 0x0FFF), (0x1000, 0x109F),
            (0x1780, 0x17FF), (0xFB1D, 0xFDFF), (0xFE70, 0xFEFF))


@lru_cache(maxsize=64)
def is_rtl(lang: str | None) -> bool:
    """Whether `lang` (BCP 47) is written right to left: Arabic, Hebrew, Persian, Urdu…"""
    if not lang:
        return False
    primary = lang.split("-")[0].lower()
    if primary in RTL_LANGS:
        return True
    try:
        from babel import Locale

        return Locale.parse(lang.replace("-", "_")).character_order == "right-to-left"
    except Exception:        # an unknown or pseudo locale: left to right
        return False


def direction(lang: str | None) -> str:
    """"rtl" or "ltr", as HTML's `dir` attribute takes it."""
    return "rtl" if is_rtl(lang) else "ltr"


def _within(code: int, ranges) -> bool:
    return any(low <= code <= high for low, high in ranges)


def script_class(char: str) -> str:
    """"ea" (CJK, Hangul, fullwidth forms), "cs" (Arabic, Hebrew, Indic, Thai…) or "latin"."""
    code = ord(char)
    if _within(code, _EAST_ASIAN):
        return "ea"
    if _within(code, _COMPLEX):
        return "cs"
    return "latin"
