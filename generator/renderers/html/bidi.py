"""Text of the HTML deck set the way it runs (`generator.i18n.bidi`): in a right-to-left deck, a
text with left-to-right letters only is a `<bdi dir="ltr">` ("700 Mo" stays "700 Mo"), and in a
mixed text each left-to-right phrase is; a string that fell back to the source language is
wrapped in an element of that language and direction (`<bdi lang="fr" dir="ltr">`), so its
punctuation stays at its end and a screen reader or spell-checker reads it as French."""

from __future__ import annotations

from markupsafe import Markup

from generator.i18n.bidi import Bidi, ltr_spans, text_direction
from generator.i18n.scripts import direction as lang_direction
from generator.text.markdown import Piece, inline_pieces, pieces_html, plain, split_pieces


def bidi_html(text: str, lines: tuple[str, ...], bidi: Bidi | None) -> Markup:
    """Inline Markdown as HTML broken where the plan broke it (`lines`), set the way it runs in
    the deck `bidi` describes (unchanged without one)."""
    broken = split_pieces(inline_pieces(text), lines, True)
    if bidi is None:
        return Markup("<br>").join(pieces_html(line) for line in broken)
    rtl = bidi.direction == "rtl"
    if bidi.fell_back(text):
        own = lang_direction(bidi.source_lang)
        inner = Markup("<br>").join(pieces_html(line) for line in broken)
        if own != bidi.direction:
            return Markup('<bdi lang="{}" dir="{}">{}</bdi>').format(bidi.source_lang, own, inner)
        return Markup('<span lang="{}">{}</span>').format(bidi.source_lang, inner)
    if rtl and text_direction(plain(text)) == "ltr":
        inner = Markup("<br>").join(pieces_html(line) for line in broken)
        return Markup('<bdi dir="ltr">{}</bdi>').format(inner)
    if not rtl:
        return Markup("<br>").join(pieces_html(line) for line in broken)
    return Markup("<br>").join(_isolated(line) for line in broken)


def _isolated(pieces: tuple[Piece, ...]) -> Markup:
    """One line of a mixed right-to-left text, each left-to-right phrase in a `<bdi dir="ltr">`."""
    text = "".join(piece.text for piece in pieces)
    spans = ltr_spans(text)
    if not spans:
        return pieces_html(pieces)
    bounds = sorted({0, len(text), *(at for span in spans for at in span)})
    opens, closes = {start for start, _ in spans}, {end for _, end in spans}
    out, at = [], 0
    for piece in pieces:
        end = at + len(piece.text)
        for low, high in zip(bounds, bounds[1:]):
            if high <= at or low >= end:
                continue
            if low in opens and low >= at:
                out.append(Markup('<bdi dir="ltr">'))
            part = piece.text[max(low, at) - at:min(high, end) - at]
            out.append(pieces_html((Piece(part, piece.styles, piece.href),)))
            if high in closes and high <= end:
                out.append(Markup("</bdi>"))
        at = end
    return Markup("").join(out)

