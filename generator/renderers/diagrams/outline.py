"""Diagram text in complex scripts as glyph outlines, for printers that cannot shape SVG text.

WeasyPrint lays SVG text out letter by letter: Arabic letters come out unjoined, in logical
order, in whatever face has the letter. So before the PDFs (handouts, `--format pdf`) draw a
diagram, each `<text>` holding Arabic, Hebrew or another complex script is replaced by the
outlines of its glyphs: shaped by HarfBuzz in the faces the plan measured it with, its runs in
bidi order (right to left, Latin words and numbers left to right inside), placed where the
text would stand (its anchor). The drawing stays vector and keeps its groups (build steps);
those labels are no longer selectable text in the PDF. Latin, Greek, Cyrillic and CJK text is
left as text.
"""

from __future__ import annotations

import html
import re
import unicodedata

from generator.i18n.scripts import script_class
from generator.plan.measure import TextMeasure
from generator.plan.shaping import runs, shaper

_TEXT = re.compile(r"<text\b([^>]*)>(.*?)</text>", re.S)
_TSPAN = re.compile(r"<tspan\b([^>]*)>(.*?)</tspan>", re.S)
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
_RTL_ROOT = re.compile(r"<svg\b[^>]*\bdirection=\"rtl\"")


def needs_outlines(svg: str) -> bool:
    """Whether a diagram draws text in a script that must be shaped (Arabic, Hebrew, Indic…)."""
    return any(script_class(char) == "cs" for match in _TEXT.finditer(svg) for char in html.unescape(match.group(2)))


def outline_complex_text(svg: str, measure: TextMeasure) -> str:
    """The SVG with every `<text>` in a complex script replaced by a `<path>` of its glyphs."""
    rtl = _RTL_ROOT.search(svg) is not None

    def replace(match: re.Match) -> str:
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        lines = [(dict(_ATTRIBUTE.findall(span.group(1))), span.group(2)) for span in _TSPAN.finditer(match.group(2))]
        lines = [({**attributes, **own}, html.unescape(text)) for own, text in lines] or \
            [(attributes, html.unescape(match.group(2)))]
        if not any(script_class(char) == "cs" for _, text in lines for char in text):
            return match.group(0)
        fill = attributes.get("fill", "#000000")
        paths = "".join(f'<path d="{_outline(text, where, measure, rtl)}"/>' for where, text in lines)
        words = html.escape(" ".join(text for _, text in lines))
        return f'<g fill="{fill}" role="img" aria-label="{words}">{paths}</g>'

    return _TEXT.sub(replace, svg)


def _outline(text: str, attributes: dict[str, str], measure: TextMeasure, rtl: bool) -> str:
    from fontTools.pens.svgPathPen import SVGPathPen
    from fontTools.pens.transformPen import TransformPen

    size = float(attributes.get("font-size", "16"))
    bold = attributes.get("font-weight") in ("bold", "700")
    x, y = float(attributes.get("x", "0")), float(attributes.get("y", "0"))
    glyphs = []                      # (face reference, glyph id, x offset, y offset) in ems, visual order
    pen_x = 0.0
    for direction, run in visual_runs(text, rtl):
        pieces = list(runs(measure.chains[bold], run))
        if direction == "rtl":
            pieces.reverse()
        for ref, piece in pieces:
            face = shaper(ref if ref is not None else measure.chains[bold][0])
            for gid, advance, dx, dy in _shaped(face, piece, direction):
                glyphs.append((face, gid, pen_x + dx, dy))
                pen_x += advance
    anchor = attributes.get("text-anchor", "start")
    width = pen_x * size
    if anchor == "middle":
        left = x - width / 2
    elif (anchor == "end") != rtl:       # the end of a left-to-right line, or the start of a right-to-left one
        left = x - width
    else:
        left = x
    out = SVGPathPen(None, ntos=lambda value: f"{value:.2f}".rstrip("0").rstrip("."))
    for face, gid, dx, dy in glyphs:
        scale = size / face.upem
        pen = TransformPen(out, (scale, 0, 0, -scale, left + dx * size, y - dy * size))
        face.font.draw_glyph_with_pen(gid, pen)
    return out.getCommands()


def _shaped(face, text: str, direction: str):
    """(glyph id, advance, x offset, y offset) in ems, in visual order, of `text` shaped one way."""
    import uharfbuzz as hb

    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = direction
    hb.shape(face.font, buffer)
    for info, position in zip(buffer.glyph_infos, buffer.glyph_positions):
        yield (info.codepoint, position.x_advance / face.upem, position.x_offset / face.upem,
               position.y_offset / face.upem)


def visual_runs(text: str, rtl: bool) -> list[tuple[str, str]]:
    """`text` in runs of one direction, in the order they stand from left to right.

    The Unicode bidi algorithm's common case, one level of embedding: letters are strongly left
    to right or right to left, European and Arabic digits read left to right, and neutral
    characters (spaces, punctuation) take the direction around them when both sides agree, the
    line's direction otherwise. Right to left, the runs stand in reverse order."""
    base = "rtl" if rtl else "ltr"
    strong = []
    for char in text:
        kind = unicodedata.bidirectional(char)
        strong.append("rtl" if kind in ("R", "AL") else "ltr" if kind in ("L", "EN", "AN") else None)
    resolved = []
    for index, direction in enumerate(strong):
        if direction is None:
            before = next((d for d in reversed(strong[:index]) if d), base)
            after = next((d for d in strong[index + 1:] if d), base)
            direction = before if before == after else base
        resolved.append(direction)
    found: list[tuple[str, str]] = []
    for char, direction in zip(text, resolved):
        if found and found[-1][0] == direction:
            found[-1] = (direction, found[-1][1] + char)
        else:
            found.append((direction, char))
    return found[::-1] if rtl else found
