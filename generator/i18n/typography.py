"""Typography of a language: the spaces and quotation marks its readers expect.

French puts a narrow no-break space before `; ! ?`, a no-break space before `:` and inside
« guillemets »; English uses curly quotes. Applied to every translated string at render time,
so authors and translators type plain spaces and straight quotes.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"
NNBSP = "\u202f"

_FR_BEFORE_HIGH = re.compile(r"[ \u00a0\u202f]*([;!?])(?=\s|$|[»\"')\]])")
_FR_BEFORE_COLON = re.compile(r"(?<=\S)[ \u00a0\u202f]*:(?=\s|$)")
_FR_GUILLEMET_OPEN = re.compile(r"«[ \u00a0\u202f]*")
_FR_GUILLEMET_CLOSE = re.compile(r"[ \u00a0\u202f]*»")
_STRAIGHT_DOUBLE = re.compile(r'"([^"\n]+)"')
_URL = re.compile(r"\b(?:https?://|mailto:)\S+")


def _outside_urls(text: str, change) -> str:
    parts = []
    last = 0
    for match in _URL.finditer(text):
        parts.append(change(text[last:match.start()]))
        parts.append(match.group())
        last = match.end()
    parts.append(change(text[last:]))
    return "".join(parts)


def _french(text: str) -> str:
    text = _FR_BEFORE_HIGH.sub(lambda m: NNBSP + m.group(1), text)
    text = _FR_BEFORE_COLON.sub(NBSP + ":", text)
    text = _FR_GUILLEMET_OPEN.sub("«" + NBSP, text)
    text = _FR_GUILLEMET_CLOSE.sub(NBSP + "»", text)
    text = _STRAIGHT_DOUBLE.sub(lambda m: f"«{NBSP}{m.group(1).strip()}{NBSP}»", text)
    return text


def _english(text: str) -> str:
    text = _STRAIGHT_DOUBLE.sub(lambda m: f"\u201c{m.group(1)}\u201d", text)
    return re.sub(r"(?<=\w)'(?=\w)", "\u2019", text)


def typeset(text: str, lang: str) -> str:
    """A string with its language's spaces and quotation marks (URLs left alone)."""
    base = lang.split("-")[0].lower()
    if base == "fr":
        return _outside_urls(text, _french)
    if base == "en":
        return _outside_urls(text, _english)
    return text
