"""Text set on a page: the plan's lines shaped by HarfBuzz in the faces it measured them with.

A line is light-Markdown pieces (strong, emphasis, links). Each character is drawn by the first
face of its style's chain that has it (as the plan measured), each run shaped (kerning,
ligatures, Arabic joining), runs of a right-to-left script in bidi order. A glyph is drawn at
the advance HarfBuzz gave it; the font's own widths go in the file and the content stream says
where they differ, so copying and searching read the words back.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from generator.text.markdown import Piece
from generator.plan.measure import lead_face, ordered
from generator.plan.shaping import runs, shaper
from generator.renderers.pdf.canvas import Canvas, rgb
from generator.renderers.pdf.document import number


@dataclass(frozen=True)
class Glyph:
    ref: str
    gid: int
    advance: float      # in ems
    dx: float
    dy: float
    text: str
    code: str = ""      # its id as the content stream writes it (four hex digits)
    adjust: float = 0   # its font's own advance less the shaped one, in thousandths of an em


class Faces:
    """The chains of faces a theme draws text with, by style, for one language."""

    def __init__(self, theme, lang: Optional[str]):
        scripts = ordered(theme.script_fonts(), lang)
        body, code = theme.body, theme.code
        regular, bold = str(theme.font_path(body.regular)), str(theme.font_path(body.bold))
        italic = str(theme.font_path(body.italic)) if body.italic else regular
        regulars, bolds = tuple(f.regular for f in scripts), tuple(f.bold for f in scripts)
        lead = lead_face(scripts, lang)      # a CJK deck's face draws its Latin too, as the plan measured
        ahead = ((lead.regular,), (lead.bold,)) if lead is not None else ((), ())
        self.chains = {
            (False, False): (*ahead[0], regular, *regulars), (True, False): (*ahead[1], bold, *bolds),
            (False, True): (*ahead[0], italic, *regulars), (True, True): (*ahead[1], bold, *bolds),
        }
        self.code = {False: (str(theme.font_path(code.regular)), *regulars),
                     True: (str(theme.font_path(code.bold or code.regular)), *bolds)}
        # The names the file gives the faces: the theme's families, as the PPTX and the HTML name them
        self.names: dict[str, str] = {}
        for ref, name in ((italic, f"{body.family}-Italic"), (regular, body.family), (bold, f"{body.family}-Bold"),
                          (self.code[True][0], f"{code.family}-Bold"), (self.code[False][0], code.family)):
            self.names[ref] = name
        for face in scripts:
            self.names.setdefault(face.regular, face.family)
            self.names.setdefault(face.bold, f"{face.family}-Bold")
        self.key = (tuple(self.chains.items()), tuple(self.code.items()))   # what shaping depends on
        metrics = shaper(regular).font.get_font_extents("ltr")
        upem = shaper(regular).upem
        self.ascent, self.descent = metrics.ascender / upem, -metrics.descender / upem

    def chain(self, bold: bool = False, italic: bool = False, code: bool = False) -> tuple[str, ...]:
        return self.code[bold] if code else self.chains[(bold, italic)]

    def baseline(self, size: float, line_height: float) -> float:
        """The baseline's distance from the top of a line box `line_height` ems high (CSS half-leading)."""
        return (line_height - self.ascent - self.descent) / 2 * size + self.ascent * size


# --- shaping --------------------------------------------------------------------------------

@lru_cache(maxsize=8192)
def _shape(ref: str, text: str, direction: str, halves: tuple[int, ...] = ()) -> tuple[Glyph, ...]:
    """The glyphs of one run in one face; the characters at `halves` set half-width (the face's
    'halt' feature: CJK punctuation trimmed)."""
    import uharfbuzz as hb

    face = shaper(ref)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = direction
    hb.shape(face.font, buffer, {"halt": [(at, at + 1, 1) for at in halves]} if halves else None)
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    starts = sorted({info.cluster for info in infos})
    ends = {start: end for start, end in zip(starts, [*starts[1:], len(text)])}
    texts = _glyph_texts([info.cluster for info in infos], text, ends, direction == "rtl")
    upem = face.upem
    advance = face.font.get_glyph_h_advance
    return tuple(Glyph(ref, info.codepoint, position.x_advance / upem, position.x_offset / upem,
                       position.y_offset / upem, chars, f"{info.codepoint:04X}",
                       round(advance(info.codepoint) * 1000 / upem) - position.x_advance * 1000 / upem)
                 for info, position, chars in zip(infos, positions, texts))


def _glyph_texts(clusters: list[int], text: str, ends: dict[int, int], rtl: bool) -> list[str]:
    """The text each glyph stands for (what copying the PDF gives back, one text a glyph for the
    whole file). In a cluster, the glyphs in reading order (a right-to-left run's come in drawing
    order) take one character each (a letter, then its vowel marks), the last taking what is left
    (a ligature: lam-alef, shadda with kasra): a letter never stands for the marks it carried
    once, and no character is given twice.

    A right-to-left glyph standing for several characters lists them from left to right, as it
    shows them: the readers that copy text from a PDF (poppler, PDFium, MuPDF) lay a glyph's
    characters out left to right across it and then reverse the right-to-left line, so "لأ"
    written in reading order came back as "أل" ("األوىل" for "الأولى"). ActualText spans, the
    other means, are read in opposite orders by poppler and PDFium (measured)."""
    members: dict[int, list[int]] = {}
    for index, cluster in enumerate(clusters):
        members.setdefault(cluster, []).append(index)
    texts = [""] * len(clusters)
    for cluster, indexes in members.items():
        chars = text[cluster:ends[cluster]]
        ordered = indexes[::-1] if rtl else indexes
        for position, index in enumerate(ordered[:len(chars)]):
            last = position == len(ordered) - 1
            rest = chars[position:]
            texts[index] = (rest[::-1] if rtl else rest) if last else chars[position]
    return texts


# Fullwidth punctuation of CJK text, in the classes of CSS `text-spacing-trim` (its initial
# value, as Chromium sets it): opening brackets; closing brackets with the comma and full stop;
# the middle dot, colon and semicolon (centred in Japanese faces).
_OPENING = set("\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a\uff08\uff3b\uff5b\uff5f")
_CLOSING = set("\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\uff09\uff3d\uff5d\uff60"
               "\u3001\u3002\uff0c\uff0e")
_MIDDLE = set("\u30fb\uff1a\uff1b")


def _trimmed_punctuation(text: str) -> set[int]:
    """Where adjacent fullwidth punctuation is set half-width, as the HTML deck's browser does
    (`text-spacing-trim: normal`, trim-adjacent): an opening bracket after an opening or closing
    one, a middle dot, a colon or an ideographic space; a closing one before a closing one or a
    middle dot. "2014年：「軽量 VM」" is one half-em shorter than its glyphs' full widths."""
    trimmed = set()
    for index, char in enumerate(text):
        before = text[index - 1] if index else ""
        after = text[index + 1] if index + 1 < len(text) else ""
        if char in _OPENING and before and (before in _OPENING | _CLOSING | _MIDDLE or before == "\u3000"):
            trimmed.add(index)
        elif char in _CLOSING and after and after in _CLOSING | _MIDDLE:
            trimmed.add(index)
    return trimmed


def shape_line(pieces: tuple[Piece, ...], faces: Faces, bold: bool = False, rtl: bool = False,
               code: bool = False) -> tuple[tuple[Piece, tuple[Glyph, ...]], ...]:
    """The glyphs of a line, piece by piece, in the order they stand from left to right (shaped
    once a process: the slides PDF, the handouts and `watch` draw the same lines again)."""
    key = (faces.key, pieces, bold, rtl, code)
    shaped = _SHAPED_LINES.get(key)
    if shaped is None:
        if len(_SHAPED_LINES) >= _SHAPED_LINES_KEPT:
            _SHAPED_LINES.clear()
        shaped = _SHAPED_LINES[key] = _shape_line(pieces, faces, bold, rtl, code)
    return shaped


_SHAPED_LINES: dict[tuple, tuple] = {}
_SHAPED_LINES_KEPT = 16384


def _shape_line(pieces: tuple[Piece, ...], faces: Faces, bold: bool, rtl: bool,
                code: bool) -> tuple[tuple[Piece, tuple[Glyph, ...]], ...]:
    text = "".join(p.text for p in pieces)
    needs_bidi = rtl or any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
    segments = []        # (level, piece, text, where it starts in the line's text)
    if not needs_bidi:
        at = 0
        for piece in pieces:
            if piece.text:
                segments.append((0, piece, piece.text, at))
            at += len(piece.text)
    else:
        from generator.i18n.fribidi import embedding_levels, visual_order

        levels = embedding_levels(text, rtl)
        at = 0
        for piece in pieces:
            start = at
            for index in range(len(piece.text)):
                here = at + index
                if here + 1 == at + len(piece.text) or levels[here + 1] != levels[here]:
                    segments.append((levels[here], piece, text[start:here + 1], start))
                    start = here + 1
            at += len(piece.text)
        segments = [segments[index] for index in visual_order([level for level, *_ in segments])]   # rule L2
    trimmed = _trimmed_punctuation(text) if not code else set()
    out = []
    for level, piece, part, offset in segments:
        direction = "rtl" if level % 2 else "ltr"
        chain = faces.chain(bold or piece.strong, piece.em, code)
        pieces_of_runs = []
        for ref, run in runs(chain, part):
            halves = tuple(at - offset for at in range(offset, offset + len(run)) if at in trimmed)
            pieces_of_runs.append((ref, run, halves))
            offset += len(run)
        if direction == "rtl":
            pieces_of_runs.reverse()
        glyphs: list[Glyph] = []
        for ref, run, halves in pieces_of_runs:
            glyphs.extend(_shape(ref if ref is not None else chain[0], run, direction, halves))
        out.append((piece, tuple(glyphs)))
    return tuple(out)


def line_width(shaped: tuple[tuple[Piece, tuple[Glyph, ...]], ...], size: float) -> float:
    return sum(g.advance for _, glyphs in shaped for g in glyphs) * size


# --- drawing --------------------------------------------------------------------------------

@lru_cache(maxsize=1024)
def _outline(ref: str, gid: int) -> str:
    """A glyph's outline as PDF path operators, in font units."""
    from fontTools.pens.basePen import BasePen

    class Path(BasePen):
        def __init__(self):
            super().__init__(None)
            self.ops: list[str] = []

        def _moveTo(self, point):
            self.ops.append(f"{number(point[0])} {number(point[1])} m")

        def _lineTo(self, point):
            self.ops.append(f"{number(point[0])} {number(point[1])} l")

        def _curveToOne(self, one, two, three):
            self.ops.append(" ".join(f"{number(a)} {number(b)}" for a, b in (one, two, three)) + " c")

        def _closePath(self):
            self.ops.append("h")

    pen = Path()
    shaper(ref).font.draw_glyph_with_pen(gid, pen)
    return " ".join(pen.ops)


def draw_glyphs(canvas: Canvas, glyphs: tuple[Glyph, ...], x: float, baseline: float, size: float) -> float:
    """Draw glyphs from `x` on `baseline`; the x where they end."""
    document = canvas.document
    ops = canvas.ops
    index = 0
    while index < len(glyphs):
        ref = glyphs[index].ref
        font = document.font(ref)
        use = font.use
        ops.append(f"BT /{font.name} {number(size)} Tf 1 0 0 -1 {number(x)} {number(baseline)} Tm")
        parts: list[str] = []
        pending = ""
        shapes: list[str] = []    # marks drawn as paths, after the text object
        while index < len(glyphs) and glyphs[index].ref == ref:
            glyph = glyphs[index]
            use(glyph.gid, glyph.text)
            if glyph.dx or glyph.dy:
                if pending:
                    parts.append(f"<{pending}>")
                    pending = ""
                if parts:
                    ops.append(f"[{''.join(parts)}] TJ")
                    parts = []
                if glyph.advance or not glyph.text:
                    ops.append(f"1 0 0 -1 {number(x + glyph.dx * size)} {number(baseline - glyph.dy * size)} Tm "
                               f"<{glyph.code}> Tj")
                else:
                    # A mark set off its letter (damma over qaf): readers place a character at its
                    # glyph's origin, so a raised or moved mark was copied ahead of its letter, or
                    # as a line of its own, reordering the lines. Its shape is drawn as a path
                    # (no text), and its text is set invisible on the baseline at the pen, the
                    # letter's edge: after it in reading order, whatever the direction.
                    scale = size / shaper(glyph.ref).upem
                    shapes.append(f"q {number(scale)} 0 0 {number(-scale)} {number(x + glyph.dx * size)} "
                                  f"{number(baseline - glyph.dy * size)} cm {_outline(glyph.ref, glyph.gid)} f Q")
                    ops.append(f"3 Tr 1 0 0 -1 {number(x)} {number(baseline)} Tm <{glyph.code}> Tj 0 Tr")
                x += glyph.advance * size
                ops.append(f"1 0 0 -1 {number(x)} {number(baseline)} Tm")
                index += 1
                continue
            pending += glyph.code
            if abs(glyph.adjust) >= 0.5:
                parts.append(f"<{pending}>{number(glyph.adjust)}")
                pending = ""
            x += glyph.advance * size
            index += 1
        if pending:
            parts.append(f"<{pending}>")
        if parts:
            ops.append(f"[{''.join(parts)}] TJ")
        ops.append("ET")
        ops.extend(shapes)
    return x


def draw_line(canvas: Canvas, pieces: tuple[Piece, ...], faces: Faces, x: float, baseline: float, size: float,
              width: float, *, color: str, link_color: str, bold: bool = False, align: str = "start",
              rtl: bool = False, code: bool = False, underline_links: bool = True,
              broken: bool = False) -> tuple[float, float]:
    """One line of pieces in the box from `x`, `width` wide, aligned at the start (the right in a
    right-to-left line), centre or end; links in `link_color`, underlined and clickable. A line
    `broken` where a space was ends with that space, drawn after the aligned text (invisible, but
    copying and screen readers keep the words apart). The line's left and right ends."""
    shaped = shape_line(pieces, faces, bold, rtl, code)
    total = line_width(shaped, size)
    if align == "center":
        left = x + (width - total) / 2
    elif (align == "end") != rtl:
        left = x + width - total
    else:
        left = x
    pen = left
    current = None
    for piece, glyphs in shaped:
        fill = link_color if piece.href else color
        if fill != current:
            canvas.ops.append(f"{rgb(fill)} rg")
            current = fill
        start = pen
        pen = draw_glyphs(canvas, glyphs, pen, baseline, size)
        if piece.href and pen > start:
            if underline_links:
                canvas.ops.append(f"{number(start)} {number(baseline + size * 0.1)} {number(pen - start)} "
                                  f"{number(max(0.5, size * 0.06))} re f")
            canvas.link(start, baseline - size * 0.9, pen - start, size * 1.2, piece.href)
    if broken and pieces:
        last = pieces[-1]
        for _, glyphs in shape_line((Piece(" ", last.styles),), faces, bold, False, code):
            draw_glyphs(canvas, glyphs, pen, baseline, size)
    return left, left + total
