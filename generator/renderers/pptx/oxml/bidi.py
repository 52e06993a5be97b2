"""Direction and language of DrawingML paragraphs in a right-to-left deck (`generator.i18n.bidi`):
a paragraph that runs left to right as a whole ("700 Mo", a French string the catalog does not
translate) is left to right (`rtl="0"`, its alignment kept); in a mixed paragraph each
left-to-right phrase is wrapped in the isolate marks (U+2066 … U+2069), a phrase that runs over
several runs as one; the runs of a string that fell back to the source language carry that
language."""

from __future__ import annotations

from generator.i18n.bidi import LRI, PDI, Bidi, ltr_spans
from generator.renderers.pptx.oxml.ns import A

_BREAK = "\n"


def _pieces(paragraph) -> list:
    """The `a:t` of each run of a paragraph, and a None for each line break, in order."""
    found = []
    for element in paragraph:
        if element.tag == A + "r":
            text = element.find(A + "t")
            if text is not None:
                found.append(text)
        elif element.tag == A + "br":
            found.append(None)
    return found


def _paragraphs(element):
    """Each paragraph under `element` that holds text: it, its pieces (`_pieces`) and its text."""
    for paragraph in element.iter(A + "p"):
        pieces = _pieces(paragraph)
        text = "".join(_BREAK if t is None else (t.text or "") for t in pieces)
        if text.strip():
            yield paragraph, pieces, text


def paragraph_texts(element) -> tuple[str, ...]:
    """The text of each paragraph under `element` that holds any, as `set_directions` reads it."""
    return tuple(text for _, _, text in _paragraphs(element))


def set_directions(element, bidi: Bidi, source_tag: str, lead: str | None = None) -> None:
    """Every paragraph under `element` of a right-to-left deck set the way its text runs; the
    runs of fallback strings tagged `source_tag` (the source language, with its region), and in a
    deck whose Latin is drawn by its own script face (`lead`: a Chinese, Japanese or Korean face)
    given back the theme's Latin face, as the plan measured them."""
    rtl = bidi.direction == "rtl"
    for paragraph, pieces, text in _paragraphs(element):
        if bidi.fell_back(text):
            for name in ("rPr", "endParaRPr"):
                for props in paragraph.iter(A + name):
                    props.set("lang", source_tag)
                    latin = props.find(A + "latin")
                    if lead and latin is not None and latin.get("typeface") == lead:
                        props.remove(latin)
        if not rtl:
            continue
        props = paragraph.find(A + "pPr")
        if bidi.direction_of(text) == "ltr":
            if props is not None and props.get("rtl") == "1":
                props.set("rtl", "0")
            continue
        if props is None or props.get("rtl") != "1":
            continue
        _start_and_end(props)
        _isolate(pieces, text)


def _start_and_end(props) -> None:
    """A centred right-to-left paragraph's margins, given as left and right (a diagram label
    keeping clear of the badge at its right), turned into the start and end margins clients read
    `marL` and `marR` as in a right-to-left paragraph. (A list's margins are its start already.)"""
    if props.get("algn") != "ctr":
        return
    left, right = props.get("marL"), props.get("marR")
    if left == right:
        return
    for name, value in (("marL", right), ("marR", left)):
        if value is None:
            props.attrib.pop(name, None)
        else:
            props.set(name, value)


def _isolate(pieces: list, text: str) -> None:
    """Wrap each left-to-right phrase of a paragraph's text in LRI … PDI, inside the runs that hold
    its first and last characters."""
    spans = [(start, end) for start, end in ltr_spans(text) if _BREAK not in text[start:end]]
    if not spans:               # (a phrase the plan broke over two lines stays as it is)
        return
    opens, closes = {start for start, _ in spans}, {end - 1 for _, end in spans}
    at = 0
    for piece in pieces:
        size = 1 if piece is None else len(piece.text or "")
        if piece is not None and size:
            own = piece.text
            out = []
            for index, char in enumerate(own):
                out.append(LRI + char if at + index in opens else char)
                if at + index in closes:
                    out.append(PDI)
            piece.text = "".join(out)
        at += size
