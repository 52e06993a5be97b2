"""The pseudo-locale `qps`: accented, lengthened, bracketed text that shows overflow early.

Each letter gets an accent, each string grows the way translations do (IBM's guideline: up to
three times for a few characters, about 1.3 times for long text), and `[` `]` mark both ends so
a cut-off string is visible. `{column}` and Markdown markers survive.
"""

from __future__ import annotations

import re

PSEUDO_LANG = "qps"

_ACCENTS = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
    "àƀçđéƒĝĥîĵķĺɱñöþǫŕšţûṽŵẋýžÀƁÇĐÉƑĜĤÎĴĶĹṀÑÖÞǪŔŠŢÛṼŴẊÝŽ",
)
_KEEP = re.compile(r"(\{[a-z_]+\}|https?://\S+|mailto:\S+|\*\*|\*|`)")
_FILLER = "ŀôřéɱ ïƥšûɱ đôĺôŕ šïţ àɱéţ çôñšéçţéţûŕ àđïƥîšçîñĝ éĺîţ "


def expansion(length: int) -> float:
    """How much longer a translation of a string this long tends to be."""
    if length <= 10:
        return 3.0
    if length <= 20:
        return 2.0
    if length <= 30:
        return 1.8
    if length <= 50:
        return 1.6
    if length <= 70:
        return 1.4
    return 1.3


def pseudo_translate(text: str) -> str:
    """The pseudo-locale form of a source string."""
    body = text.rstrip("\n")
    tail = text[len(body):]
    pieces = _KEEP.split(body)
    accented = "".join(p if _KEEP.fullmatch(p) else p.translate(_ACCENTS) for p in pieces)
    visible = len(_KEEP.sub("", body))
    extra = max(0, round(visible * expansion(visible)) - visible - 2)
    if extra:
        padding = (_FILLER * (extra // len(_FILLER) + 1))[:extra].rstrip()
        accented = f"{accented} {padding}"
    return f"[{accented}]{tail}"
