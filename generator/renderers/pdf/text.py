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

from generator.markdown import Piece
from generator.plan.measure import ordered
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


class Faces:
    """The chains of faces a theme draws text with, by style, for one language."""

    def __init__(self, theme, lang: Optional[str]):
        scripts = ordered(theme.script_fonts(), lang)
        body, code = theme.body, theme.code
        regular, bold = str(theme.font_path(body.regular)), str(theme.font_path(body.bold))
        italic = str(theme.font_path(body.italic)) if body.italic else regular
        regulars, bolds = tuple(f.regular for f in scripts), tuple(f.bold for f in scripts)
        self.chains = {
            (False, False): (regular, *regulars), (True, False): (bold, *bolds),
            (False, True): (italic, *regulars), (True, True): (bold, *bolds),
        }
        self.code = {False: (str(theme.font_path(code.regular)), *regulars),
                     True: (str(theme.font_path(code.bold or code.regular)), *bolds)}
        # The names the file gives the faces: the theme's families, as the PPTX and the HTML name them
        self.names: dict[str, str] = {}
        for ref, name in ((italic, f"{body.family}-Italic"), (regular, body.family), (bold, f"{body.family}-Bold"),
                          (self.code[True][0], f"{code.family}-Bold"), (self.code[False][0], code.family)):
            self.names[ref] = name.replace(" ", "-")
        for face in scripts:
            self.names.setdefault(face.regular, face.family.replace(" ", "-"))
            self.names.setdefault(face.bold, f"{face.family}-Bold".replace(" ", "-"))
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
def _shape(ref: str, text: str, direction: str) -> tuple[Glyph, ...]:
    import uharfbuzz as hb

    face = shaper(ref)
    buffer = hb.Buffer()
    buffer.add_str(text)
    buffer.guess_segment_properties()
    buffer.direction = direction
    hb.shape(face.font, buffer)
    infos, positions = buffer.glyph_infos, buffer.glyph_positions
    starts = sorted({info.cluster for info in infos})
    ends = {start: end for start, end in zip(starts, [*starts[1:], len(text)])}
    seen: set[int] = set()
    glyphs = []
    for info, position in zip(infos, positions):
        cluster = info.cluster
        chars = "" if cluster in seen else text[cluster:ends[cluster]]
        seen.add(cluster)
        upem = face.upem
        glyphs.append(Glyph(ref, info.codepoint, position.x_advance / upem, position.x_offset / upem,
                            position.y_offset / upem, chars))
    return tuple(glyphs)


def _levels(text: str, rtl: bool) -> list[int]:
    """Each character's embedding level (0, 1 or 2): the bidi algorithm's common case, as
    `diagrams/outline.py` reads it (neutrals take the direction around them when both agree)."""
    strong = []
    for char in text:
        kind = unicodedata.bidirectional(char)
        strong.append(True if kind in ("R", "AL") else False if kind in ("L", "EN", "AN") else None)
    resolved = []
    for index, here in enumerate(strong):
        if here is None:
            before = next((d for d in reversed(strong[:index]) if d is not None), rtl)
            after = next((d for d in strong[index + 1:] if d is not None), rtl)
            here = before if before == after else rtl
        resolved.append(here)
    if rtl:
        return [1 if r else 2 for r in resolved]
    return [1 if r else 0 for r in resolved]


def shape_line(pieces: tuple[Piece, ...], faces: Faces, bold: bool = False, rtl: bool = False,
               code: bool = False) -> list[tuple[Piece, tuple[Glyph, ...]]]:
    """The glyphs of a line, piece by piece, in the order they stand from left to right."""
    text = "".join(p.text for p in pieces)
    needs_bidi = rtl or any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)
    segments = []        # (level, piece, text)
    if not needs_bidi:
        segments = [(0, piece, piece.text) for piece in pieces if piece.text]
    else:
        levels = _levels(text, rtl)
        at = 0
        for piece in pieces:
            start = at
            for index in range(len(piece.text)):
                here = at + index
                if here + 1 == at + len(piece.text) or levels[here + 1] != levels[here]:
                    segments.append((levels[here], piece, text[start:here + 1]))
                    start = here + 1
            at += len(piece.text)
        # rule L2: reverse every run of segments at a level, from the highest down to 1
        for level in range(max((s[0] for s in segments), default=0), 0, -1):
            index = 0
            while index < len(segments):
                if segments[index][0] >= level:
                    end = index
                    while end < len(segments) and segments[end][0] >= level:
                        end += 1
                    segments[index:end] = segments[index:end][::-1]
                    index = end
                else:
                    index += 1
    out = []
    for level, piece, part in segments:
        direction = "rtl" if level % 2 else "ltr"
        chain = faces.chain(bold or piece.strong, piece.em, code)
        pieces_of_runs = list(runs(chain, part))
        if direction == "rtl":
            pieces_of_runs.reverse()
        glyphs: list[Glyph] = []
        for ref, run in pieces_of_runs:
            glyphs.extend(_shape(ref if ref is not None else chain[0], run, direction))
        out.append((piece, tuple(glyphs)))
    return out


def line_width(shaped: list[tuple[Piece, tuple[Glyph, ...]]], size: float) -> float:
    return sum(g.advance for _, glyphs in shaped for g in glyphs) * size


# --- drawing --------------------------------------------------------------------------------

def draw_glyphs(canvas: Canvas, glyphs: tuple[Glyph, ...], x: float, baseline: float, size: float) -> float:
    """Draw glyphs from `x` on `baseline`; the x where they end."""
    document = canvas.document
    ops = canvas.ops
    index = 0
    while index < len(glyphs):
        ref = glyphs[index].ref
        font = document.font(ref)
        face = shaper(ref)
        upem = face.upem
        ops.append(f"BT /{font.name} {number(size)} Tf 1 0 0 -1 {number(x)} {number(baseline)} Tm")
        parts: list[str] = []
        pending = ""
        while index < len(glyphs) and glyphs[index].ref == ref:
            glyph = glyphs[index]
            font.use(glyph.gid, glyph.text)
            if glyph.dx or glyph.dy:
                if pending:
                    parts.append(f"<{pending}>")
                    pending = ""
                if parts:
                    ops.append(f"[{''.join(parts)}] TJ")
                    parts = []
                ops.append(f"1 0 0 -1 {number(x + glyph.dx * size)} {number(baseline - glyph.dy * size)} Tm "
                           f"<{glyph.gid:04X}> Tj")
                x += glyph.advance * size
                ops.append(f"1 0 0 -1 {number(x)} {number(baseline)} Tm")
                index += 1
                continue
            pending += f"{glyph.gid:04X}"
            default = round(face.font.get_glyph_h_advance(glyph.gid) * 1000 / upem)
            adjust = default - glyph.advance * 1000
            if abs(adjust) >= 0.5:
                parts.append(f"<{pending}>{number(adjust)}")
                pending = ""
            x += glyph.advance * size
            index += 1
        if pending:
            parts.append(f"<{pending}>")
        if parts:
            ops.append(f"[{''.join(parts)}] TJ")
        ops.append("ET")
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
