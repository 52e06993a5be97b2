"""Which way a line of a PDF runs: in a right-to-left deck, a line with left-to-right letters only
("700 Mo", a French string the catalog does not translate, "Merci !") is set left to right, so its
punctuation stays at its end, and keeps the place its alignment gives it."""

from __future__ import annotations

from generator.i18n.bidi import text_direction

_MIRRORED = {"start": "end", "end": "start"}


def own_way(pieces, rtl: bool, align: str = "start") -> tuple[bool, str]:
    """The direction (`rtl`) and alignment to draw a line of `pieces` with in a deck that runs
    right to left when `rtl`: the same place on the page, in the line's own order."""
    if rtl and text_direction("".join(piece.text for piece in pieces)) == "ltr":
        return False, _MIRRORED.get(align, align)
    return rtl, align
