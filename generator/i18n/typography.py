"""Typography of a language: the spaces and quotation marks its readers expect.

French puts a narrow no-break space before `; ! ?`, a no-break space before `:` and inside
« guillemets », and writes its apostrophes curly (l’image); English uses curly quotes and
apostrophes. Applied to every translated string at render time, so authors and translators type
plain spaces, straight quotes and straight apostrophes. Addresses (`https://…`, `mailto:…`) and
inline code (`` `docker run` ``) are left exactly as written, as are code slides (never typeset).
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
_APOSTROPHE = re.compile(r"(?<=[\w*])'(?=[\w*])")     # l'image, l'**image**, aujourd'hui
# What typography never touches: addresses, and Markdown code spans (`code`, ``co`de``).
_LITERAL = re.compile(r"\b(?:https?://|mailto:)\S+|(?<!\\)(`+)(?!`).*?(?<!`)\1(?!`)", re.S)


_HOLE = "\ue000"          # stands for a literal while the rules run: not a space, not a letter


def _outside_literals(text: str, change) -> str:
    """`change` applied to the text with every literal held out (so a rule sees what surrounds it)."""
    literals = [match.group() for match in _LITERAL.finditer(text)]
    if not literals or _HOLE in text:
        return change(text) if not literals else text
    changed = change(_LITERAL.sub(_HOLE, text))
    pieces = changed.split(_HOLE)
    return pieces[0] + "".join(literal + piece for literal, piece in zip(literals, pieces[1:]))


def _french(text: str) -> str:
    text = _FR_BEFORE_HIGH.sub(lambda m: NNBSP + m.group(1), text)
    text = _FR_BEFORE_COLON.sub(NBSP + ":", text)
    text = _FR_GUILLEMET_OPEN.sub("«" + NBSP, text)
    text = _FR_GUILLEMET_CLOSE.sub(NBSP + "»", text)
    text = _STRAIGHT_DOUBLE.sub(lambda m: f"«{NBSP}{m.group(1).strip()}{NBSP}»", text)
    return _APOSTROPHE.sub("\u2019", text)


def _english(text: str) -> str:
    text = _STRAIGHT_DOUBLE.sub(lambda m: f"\u201c{m.group(1)}\u201d", text)
    return _APOSTROPHE.sub("\u2019", text)


def typeset(text: str, lang: str) -> str:
    """A string with its language's spaces, quotation marks and apostrophes (addresses and code
    spans left alone)."""
    base = lang.split("-")[0].lower()
    if base == "fr":
        return _outside_literals(text, _french)
    if base == "en":
        return _outside_literals(text, _english)
    return text
