"""One slide of the plan drawn onto a PDF page, as the HTML deck shows it: the same boxes, lines and colours.

Nothing is measured for layout here: titles, statements, bullets and table cells stand on the
lines the plan broke them into, in the boxes it gave them. The few texts the plan leaves whole
(a closing slide's words, a column's paragraph, captions) are wrapped in their box the way the
plan measures. A page of a build step (`step`) leaves out what later steps add, marks the code
lines of its step and dims the others.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from generator.build.kept import Kept
from generator.text.markdown import Piece, plain
from generator.plan import geometry as g
from generator.plan.deck import DeckPlan, SlidePlan
from generator.plan.fit import sub_size
from generator.renderers.pdf.canvas import Canvas, Element
from generator.renderers.pdf.document import Link, Resources
from generator.renderers.pdf.bidi import own_way
from generator.renderers.pdf.text import Faces, draw_line


@dataclass(frozen=True)
class Drawing:
    """A slide drawn on a canvas of its own: its content stream, the fonts (with their glyphs),
    pictures and transparency states it uses, its links, and its structure when tagged."""

    content: bytes
    resources: Resources
    links: tuple[Link, ...]
    structure: Optional[Element]


# The slides drawn lately (`build/kept.py`): the PDF and the handouts written again by `watch`
# draw again only the slides an edit changed. A slide that shows a picture is drawn each time,
# since its file may change under the same plan.
DRAWN = Kept(512)


class SlideDrawer:
    """Draws the slides of one deck plan (one language) in a theme."""

    def __init__(self, theme, plan: DeckPlan, talk_dir: Path):
        from generator.theme.contrast import colors
        from generator.plan.measure import TextMeasure

        self.theme, self.plan, self.talk_dir = theme, plan, talk_dir
        self.faces = Faces(theme, plan.lang)
        # a string that fell back to the source language, in that language's faces (the plan's)
        fallbacks = plan.fallbacks
        self.source_faces = Faces(theme, fallbacks.source_lang) if fallbacks is not None else self.faces
        self.code_faces = _CodeFaces(self.faces)
        self.colors = colors(theme)
        self.rtl = plan.direction == "rtl"
        self.measure = TextMeasure.for_theme(theme, plan.lang)
        self.geometry = plan.geometry

    # --- text -----------------------------------------------------------------------------

    def lines(self, canvas: Canvas, text: str, lines: tuple[str, ...], size: float, x: float, top: float, w: float,
              *, color: str, bold: bool = False, align: str = "start", wrap: bool = True) -> float:
        """A paragraph (inline Markdown) on the plan's `lines`, or wrapped to `w` when it gave none,
        from `top`; the y under its last line."""
        if not lines and wrap:
            lines = tuple(self.measure.wrap(plain(text), w, size, bold).lines)
        pitch = size * self.plan.line_height
        baseline = self.faces.baseline(size, self.plan.line_height)
        faces = self.faces_of(text)
        for index, pieces in enumerate(broken_lines(text, lines)):
            rtl, own_align = own_way(pieces, self.rtl, align)
            draw_line(canvas, _trimmed(pieces), faces, x, top + index * pitch + baseline, size, w, color=color,
                      link_color=self.colors["accent"], bold=bold, align=own_align, rtl=rtl,
                      broken=bool(pieces) and pieces[-1].text.endswith(" "))
        return top + max(1, len(lines) or 1) * pitch

    def faces_of(self, text: str) -> Faces:
        """The faces a string of the deck is drawn in: the source language's for a fallback."""
        fallbacks = self.plan.fallbacks
        return self.source_faces if fallbacks is not None and fallbacks.fell_back(plain(text)) else self.faces

    def sized(self, canvas: Canvas, sized, color: str, bold: bool = False, align: str = "start",
              rect: Optional[g.Rect] = None, role: str = "P") -> None:
        rect = rect or sized.rect
        with canvas.marked(role):
            self.lines(canvas, sized.text, sized.lines, sized.size, rect.x, rect.y, rect.w, color=color, bold=bold,
                       align=align)

    # --- the slide ------------------------------------------------------------------------

    def drawing(self, slide: SlidePlan, *, step: int = 0, footer: bool = True, tagged: bool = False) -> Drawing:
        """The slide drawn on a canvas of its own (see `draw`), or as it was drawn lately."""
        held = (self.theme,)
        key = DRAWN.key(held, self.plan.lang, self.plan.direction, self.plan.title, self.geometry, slide, step,
                        footer, tagged, self.plan.fallbacks)
        found = DRAWN.get(key, held)
        if found is not None:
            return found
        resources = Resources()
        canvas = Canvas(resources, self.geometry.slide_w, self.geometry.slide_h, tagged=tagged)
        self.draw(canvas, slide, step=step, footer=footer)
        made = Drawing(canvas.content(), resources, tuple(canvas.links), canvas.structure_root)
        if not resources.images:
            DRAWN.put(key, made, held)
        return made

    def draw(self, canvas: Canvas, slide: SlidePlan, *, step: int = 0, footer: bool = True) -> None:
        """The slide (at a build step: 0 for every step shown), with its footer unless told not to."""
        c = self.colors
        for faces in (self.faces, self.source_faces):
            for ref, name in faces.names.items():
                canvas.document.font_names.setdefault(ref, name)
        with canvas.artifact():
            canvas.rect(0, 0, self.geometry.slide_w, self.geometry.slide_h, fill=c["background"])
            canvas.rect(g.BAND.x, g.BAND.y, g.BAND.w, g.BAND.h, fill=c["accent"])
        getattr(self, "_" + slide.kind.replace("-", "_"))(canvas, slide, step)
        if footer and slide.footer:
            with canvas.artifact("Pagination"):
                self.footer(canvas, slide)

    def footer(self, canvas: Canvas, slide: SlidePlan) -> None:
        rect, size = self.geometry.footer, float(self.theme.sizes.get("footer", 12))
        baseline = rect.y + (rect.h - size * self.plan.line_height) / 2 + self.faces.baseline(size, self.plan.line_height)
        muted = self.colors["muted"]
        from generator.text.markdown import inline_pieces

        draw_line(canvas, inline_pieces(self.plan.title), self.faces, rect.x, baseline, size, rect.w, color=muted,
                  link_color=muted, align="center", rtl=self.rtl, underline_links=False)
        draw_line(canvas, (Piece(str(slide.number)),), self.faces, rect.x, baseline, size, rect.w, color=muted,
                  link_color=muted, align="end", rtl=self.rtl)

    def heading(self, canvas: Canvas, slide: SlidePlan) -> None:
        """The slide's title; a hidden one (a code or picture slide without a title) is drawn as
        invisible text, so screen readers, searching and copying still find the slide's heading."""
        if not slide.heading.text:
            return
        if slide.heading_hidden:
            canvas.save()
            canvas.ops.append("3 Tr")
        self.sized(canvas, slide.heading, self.colors["text"], bold=True,
                   rect=slide.heading.rect or self.geometry.title, role=f"H{slide.heading_level}")
        if slide.heading_hidden:
            canvas.restore()

    def cover(self, canvas: Canvas, slide: SlidePlan) -> None:
        field = slide.field
        if field is not None:
            with canvas.artifact():
                canvas.rect(field.x, field.y, field.w, field.h, fill=self.colors["cover"])
        self.sized(canvas, slide.heading, self.colors["cover-text"], bold=True, role=f"H{slide.heading_level}")
        if slide.subtitle is not None:
            self.sized(canvas, slide.subtitle, self.colors["cover-muted"])

    # --- one method per kind --------------------------------------------------------------

    def _title(self, canvas: Canvas, slide: SlidePlan, step: int) -> None:
        self.cover(canvas, slide)
        if slide.byline is not None:
            self.sized(canvas, slide.byline, self.colors["text"], bold=True)
        if slide.event is not None:
            self.sized(canvas, slide.event, self.colors["muted"])

    def _section(self, canvas: Canvas, slide: SlidePlan, step: int) -> None:
        self.cover(canvas, slide)

    def _closing(self, canvas: Canvas, slide: SlidePlan, step: int) -> None:
        self.cover(canvas, slide)
        c = self.colors
        if slide.text is not None:
            rect, size = slide.text.rect, slide.text.size
            top = rect.y
            if slide.text.text:
                with canvas.marked("P"):
                    top = self.lines(canvas, slide.text.text, slide.text.lines, size, rect.x, top, rect.w,
                                     color=c["text"])
            pitch, baseline = size * self.plan.line_height, self.faces.baseline(size, self.plan.line_height)
            for link in slide.links:
                top += 0.5 * size
                label = tuple(Piece(p.text, p.styles, link.url) for p in _pieces(link.label)) if link.url \
                    else _pieces(link.label)
                with canvas.marked("P"):
                    self._link_line(canvas, link, label, rect, top + baseline, size)
                top += pitch
        if slide.qr is not None and slide.qr_rect is not None:
            from generator.i18n.tool_words import word

            with canvas.marked("Figure", word(self.plan.lang, "alt/qr", url=slide.qr.url)):
                self.qr(canvas, slide.qr, slide.qr_rect)

    def _link_line(self, canvas: Canvas, link, label, rect: g.Rect, baseline: float, size: float) -> None:
        """A closing link: its label, clickable, then its address, smaller (left of it right to left)."""
        c = self.colors
        _, end = draw_line(canvas, label, self.faces, rect.x, baseline, size, rect.w, color=c["text"],
                           link_color=c["accent"], rtl=self.rtl)
        if not link.shown:
            return
        small = size * 0.8
        gap = size * 0.25 + small * 0.4
        if self.rtl:
            self._shown_rtl(canvas, link, label, rect, baseline, size, small, gap)
        else:
            draw_line(canvas, (Piece(link.shown),), self.faces, end + gap, baseline, small,
                      rect.x + rect.w - end - gap, color=c["muted"], link_color=c["muted"])

    def _shown_rtl(self, canvas, link, label, rect, baseline, size, small, gap) -> None:
        """Right to left, the address stands left of its label (the label starts at the right)."""
        from generator.renderers.pdf.text import line_width, shape_line

        label_w = line_width(shape_line(label, self.faces, False, True), size)
        room = rect.w - label_w - gap
        draw_line(canvas, (Piece(link.shown),), self.faces, rect.x, baseline, small, room,
                  color=self.colors["muted"], link_color=self.colors["muted"], rtl=True)

    def qr(self, canvas: Canvas, code, rect: g.Rect) -> None:
        from generator.plan.qr import QUIET

        side = code.size + 2 * QUIET
        unit = min(rect.w, rect.h) / side
        canvas.rect(rect.x, rect.y, side * unit, side * unit, fill="#FFFFFF")
        squares = []
        from generator.renderers.pdf.document import number

        for y, row in enumerate(code.modules):
            x = 0
            while x < len(row):
                if row[x]:
                    start = x
                    while x < len(row) and row[x]:
                        x += 1
                    squares.append(f"{number(rect.x + (start + QUIET) * unit)} {number(rect.y + (y + QUIET) * unit)} "
                                   f"{number((x - start) * unit)} {number(unit)} re")
                else:
                    x += 1
        if squares:
            canvas.ops.append("0 0 0 rg " + " ".join(squares) + " f")
        canvas.link(rect.x, rect.y, rect.w, rect.h, code.url)

    def _statement(self, canvas: Canvas, slide: SlidePlan, step: int) -> None:
        if slide.text is not None:
            self.heading(canvas, slide)
            self.sized(canvas, slide.text, self.colors["text"], bold=True, align="center")
        else:
            self.sized(canvas, slide.heading, self.colors["text"], bold=True, align="center",
                       role=f"H{slide.heading_level}")

    def _bullets(self, canvas: Canvas, slide: SlidePlan, step: int) -> None:
        self.heading(canvas, slide)
        box = slide.content or self.geometry.body
        if slide.bullet_columns < 2:
            self.bullet_list(canvas, slide.bullets, slide.bullet_size, box, slide.bullet_gap, step)
            return
        cut, width = slide.column_break, (box.w - g.COLUMN_GAP) / 2
        first, second = g.Rect(box.x, box.y, width, box.h), g.Rect(box.x + width + g.COLUMN_GAP, box.y, width, box.h)
        if self.rtl:                # the first column on the right
            first, second = second, first
        self.bullet_list(canvas, slide.bullets[:cut], slide.bullet_size, first, slide.bullet_gap, step)
        if not step or step > cut:
            self.bullet_list(canvas, slide.bullets[cut:], slide.bullet_size, second, slide.bullet_gap,
                             step - cut if step else 0)

    def bullet_list(self, canvas: Canvas, bullets, size: float, box: g.Rect, gap: float, step: int = 0,
                    top: Optional[float] = None) -> float:
        """Bullets and their sub-bullets from `top` (the box's top), `gap` points before each
        first-level bullet (the least gap when 0); at a build step, the bullets of later steps left
        out. The y under the last line."""
        top = box.y if top is None else top
        first = True
        with canvas.structure("L"):
            for number_, bullet in enumerate(bullets, start=1):
                if step and number_ > step:
                    break
                with canvas.structure("LI"):
                    if not first:
                        top += gap or g.BULLET_GAP * size
                    first = False
                    top = self._item(canvas, 0, bullet.text, bullet.lines, size, box, top)
                    if bullet.subs:
                        with canvas.structure("L"):
                            for index, text in enumerate(bullet.subs):
                                lines = bullet.sub_lines[index] if index < len(bullet.sub_lines) else ()
                                with canvas.structure("LI"):
                                    top += g.BULLET_GAP * sub_size(size)
                                    top = self._item(canvas, 1, text, lines, sub_size(size), box, top)
        return top

    def _item(self, canvas: Canvas, level: int, text: str, lines, size: float, box: g.Rect, top: float) -> float:
        """One list item at `level` (0 or 1): its marker on the margin (the right one, right to
        left), its lines beside; the y under them."""
        color = self.colors["text"]
        indent = g.BULLET_INDENT[level]
        marker_x = box.x + (g.BULLET_INDENT[0] if level else 0)
        marker = "\u2013" if level else "\u2022"
        baseline = self.faces.baseline(size, self.plan.line_height)
        faces = self.faces_of(text)         # the marker in the item's own faces, as the HTML deck draws it
        with canvas.marked("Lbl"):
            if self.rtl:
                draw_line(canvas, (Piece(marker),), faces, box.x, top + baseline, size,
                          box.w - (marker_x - box.x), color=color, link_color=color, rtl=True)
            else:
                draw_line(canvas, (Piece(marker),), faces, marker_x, top + baseline, size, indent,
                          color=color, link_color=color)
        with canvas.marked("LBody"):
            return self.lines(canvas, text, lines, size, box.x if self.rtl else box.x + indent, top, box.w - indent,
                              color=color)

    def _two_columns(self, canvas: Canvas, slide: SlidePlan, step: int) -> None:
        self.heading(canvas, slide)
        c, size = self.colors, slide.bullet_size
        for column in slide.columns:
            rect, top = column.rect, column.rect.y
            if column.heading:
                with canvas.marked("H3"):
                    top = self.lines(canvas, column.heading, (), size, rect.x, top, rect.w, color=c["text"],
                                     bold=True)
                top += g.BULLET_GAP * size
            if column.bullets:
                top = self.bullet_list(canvas, column.bullets, size, rect, 0.0, top=top)
            if column.text:
                with canvas.marked("P"):
                    self.lines(canvas, column.text, (), size, rect.x, top, rect.w, color=c["text"])

    def _diagram(self, canvas: Canvas, slide: SlidePlan, step: int) -> None:
        """A stack or graph slide: the diagram's own SVG (the HTML deck's) in the content box, a
        figure named by the diagram's description."""
        from generator.renderers.pdf.svg import draw_svg

        self.heading(canvas, slide)
        if slide.graph is not None:
            from generator.renderers.diagrams.graph_svg import emit_graph_svg

            diagram, svg = slide.graph, emit_graph_svg(slide.graph, self.theme)
        else:
            from generator.renderers.diagrams.stack_svg import emit_stack_svg

            diagram, svg = slide.diagram, emit_stack_svg(slide.diagram, self.theme)
        area = slide.content or self.geometry.body
        with canvas.marked("Figure", diagram.description):
            draw_svg(canvas, svg, area.x, area.y, area.w, area.h, self.faces, step=step, rtl=self.rtl)

    _stack = _stacks = _graph = _diagram

    def _chart(self, canvas: Canvas, slide: SlidePlan, step: int) -> None:
        """A chart slide: the chart's own SVG (the HTML deck's), a figure named by its description
        (the values, written out)."""
        from generator.renderers.diagrams.chart_svg import emit_chart_svg
        from generator.renderers.pdf.svg import draw_svg

        self.heading(canvas, slide)
        area = slide.content or self.geometry.body
        with canvas.marked("Figure", slide.chart.description):
            draw_svg(canvas, emit_chart_svg(slide.chart, self.theme), area.x, area.y, area.w, area.h, self.faces,
                     step=step, rtl=self.rtl)

    def _comparison(self, canvas: Canvas, slide: SlidePlan, step: int) -> None:
        self.heading(canvas, slide)
        table, c = slide.table, self.colors
        rect = table.rect or self.geometry.body
        widths = [w / 100 * rect.w for w in table.widths]
        lefts, x = [], rect.x
        for w in widths:
            lefts.append(x)
            x += w
        if self.rtl:                                # the aspects' column on the right
            lefts = [rect.x + rect.w - (left - rect.x) - w for left, w in zip(lefts, widths)]
        rows = [[(None, (), True, "corner")] + [(s, table.subject_lines[i] if i < len(table.subject_lines) else (),
                                                 True, "head") for i, s in enumerate(table.subjects)]]
        for row in table.rows:
            rows.append([(row.aspect, row.aspect_lines, True, "aspect")] +
                        [(cell.text, cell.lines, cell.favoured, "favoured" if cell.favoured else "cell")
                         for cell in row.cells])
        heights = list(table.heights) or [rect.h / len(rows)] * len(rows)
        fills = {"corner": c["accent"], "head": c["accent"], "aspect": c["surface"], "favoured": c["favoured"],
                 "cell": c["background"]}
        size, top = table.size, rect.y
        with canvas.structure("Table"):
            for index, (row, height) in enumerate(zip(rows, heights)):
                with canvas.artifact():
                    for (_, _, _, role), left, w in zip(row, lefts, widths):
                        canvas.rect(left, top, w, height, fill=fills[role])
                    if index >= 2:
                        canvas.rect(rect.x, top - 0.5, rect.w, 1, fill=c["rule"])
                with canvas.structure("TR"):
                    for (text, lines, bold, role), left, w in zip(row, lefts, widths):
                        with canvas.marked("TH" if role in ("head", "corner", "aspect") else "TD"):
                            if not text:
                                continue
                            lines = lines or tuple(self.measure.wrap(plain(text), w - 2 * g.CELL_PAD_X, size,
                                                                     bold).lines)
                            block = len(lines) * size * self.plan.line_height
                            color = c["accent-text"] if role in ("head", "corner") else c["text"]
                            self.lines(canvas, text, lines, size, left + g.CELL_PAD_X, top + (height - block) / 2,
                                       w - 2 * g.CELL_PAD_X, color=color, bold=bold,
                                       align="start" if role == "aspect" else "center")
                top += height

    def _code(self, canvas: Canvas, slide: SlidePlan, step: int) -> None:
        self.heading(canvas, slide)
        block, area, c = slide.code, slide.content or self.geometry.body, self.colors
        caption_h = slide.text.size * self.plan.line_height + 8 if slide.text else 0.0
        height = min(area.h - caption_h, len(block.lines) * block.line_height + 2 * g.CODE_PAD)
        with canvas.artifact():
            canvas.rect(area.x, area.y, area.w, height, fill=c["code-background"], radius=6)
        with canvas.marked("Code"):
            self._code_lines(canvas, block, step, area, height)
        if slide.text:
            with canvas.marked("Caption"):
                self.lines(canvas, slide.text.text, (), slide.text.size, area.x, area.y + height + 8, area.w,
                           color=c["muted"], align="center")

    def _code_lines(self, canvas: Canvas, block, step: int, area: g.Rect, height: float) -> None:
        """The code's lines, one coloured run a token, clipped to its block; at a build step, the
        step's lines marked and every other line dimmed, as the HTML deck shows them."""
        from generator.renderers.pdf.text import draw_glyphs, shape_line

        c = self.colors
        canvas.save()
        canvas.clip_rect(area.x, area.y, area.w, height)
        baseline = self.code_faces.baseline(block.size, block.line_height / block.size)
        for number_, line in enumerate(block.lines, start=1):
            top = area.y + g.CODE_PAD + (number_ - 1) * block.line_height
            steps = [k for k, lines in enumerate(block.steps, start=1) if number_ in lines]
            dimmed = bool(step and block.steps and step not in steps)     # every line this step does not mark
            if step and step in steps:
                # the line's box, inside the block's padding (as the HTML deck's)
                canvas.rect(area.x + g.CODE_PAD, top, area.w - 2 * g.CODE_PAD, block.line_height, fill=c["code-mark"])
            if dimmed:
                canvas.save()
                canvas.opacity(0.45)
            x = area.x + g.CODE_PAD
            for token in line or ():
                color = c.get(f"code-{token.kind}", c.get("code-text", c["text"]))
                canvas.ops.append(f"{_rgb(color)} rg")
                shaped = shape_line((Piece(token.text),), self.faces, token.kind == "keyword", False, code=True)
                for _, glyphs in shaped:
                    x = draw_glyphs(canvas, glyphs, x, top + baseline, block.size)
            if dimmed:
                canvas.restore()
        canvas.restore()

    def _image(self, canvas: Canvas, slide: SlidePlan, step: int) -> None:
        from generator.renderers.pdf.pictures import picture_resource, picture_size, svg_picture, svg_pixels

        self.heading(canvas, slide)
        area, picture = slide.content or self.geometry.body, slide.picture
        base = self.talk_dir.resolve()
        path = (base / picture.src).resolve()
        if base not in path.parents or not path.is_file():     # checked when the talk loads; kept here
            from generator.errors import RenderError

            raise RenderError(f"image '{picture.src}' not found in {self.talk_dir}")
        svg = path.suffix.lower() == ".svg"
        if svg:
            natural_w, natural_h, sized = svg_picture(str(path))
            orientation = 1
        else:
            data = path.read_bytes()
            natural_w, natural_h, orientation = picture_size(data)
            sized = True
        room_h = area.h * (0.88 if picture.caption else 1.0)
        caption_h = 8 + float(self.theme.sizes.get("caption", 18)) * self.plan.line_height if picture.caption else 0.0
        # as the HTML deck's <img>: never larger than its own size, when it has one
        scale = min(area.w / natural_w, room_h / natural_h, *((1.0,) if sized else ()))
        w, h = natural_w * scale, natural_h * scale
        if svg:
            data = svg_pixels(str(path), w, h)
        top = area.y + (area.h - h - caption_h) / 2
        name = picture_resource(canvas.document, data)
        if name is not None:
            with canvas.marked("Figure", picture.alt):
                canvas.picture(name, area.x + (area.w - w) / 2, top, w, h, orientation)
        if picture.caption:
            with canvas.marked("Caption"):
                self.lines(canvas, picture.caption, (), float(self.theme.sizes.get("caption", 18)), area.x,
                           top + h + 8, area.w, color=self.colors["muted"], align="center")


class _CodeFaces:
    """The monospace face's line metrics (its lines stand on its own baseline)."""

    def __init__(self, faces: Faces):
        from generator.plan.shaping import shaper

        ref = faces.code[False][0]
        metrics = shaper(ref).font.get_font_extents("ltr")
        upem = shaper(ref).upem
        self.ascent, self.descent = metrics.ascender / upem, -metrics.descender / upem

    def baseline(self, size: float, line_height: float) -> float:
        return (line_height - self.ascent - self.descent) / 2 * size + self.ascent * size


def broken_lines(text: str, lines: tuple[str, ...]) -> tuple[tuple[Piece, ...], ...]:
    """The styled pieces of each planned line; a line the break took a space from ends with it."""
    from generator.text.markdown import inline_pieces, split_pieces

    return split_pieces(inline_pieces(text), lines, keep_space=True)


def _pieces(text: str) -> tuple[Piece, ...]:
    from generator.text.markdown import inline_pieces

    return inline_pieces(text)


def _trimmed(pieces: tuple[Piece, ...]) -> tuple[Piece, ...]:
    """A line's pieces without the spaces at its ends (a break's space is not drawn)."""
    pieces = list(pieces)
    while pieces and not pieces[-1].text.rstrip():
        pieces.pop()
    if pieces:
        pieces[-1] = Piece(pieces[-1].text.rstrip(), pieces[-1].styles, pieces[-1].href)
    while pieces and not pieces[0].text.lstrip():
        pieces.pop(0)
    if pieces:
        pieces[0] = Piece(pieces[0].text.lstrip(), pieces[0].styles, pieces[0].href)
    return tuple(pieces)


def _rgb(color: str) -> str:
    from generator.renderers.pdf.canvas import rgb

    return rgb(color)
