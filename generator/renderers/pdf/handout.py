"""A handout drawn straight from its plan: sheets of slides, ruled lines, notes flowing over pages.

The handout plan (`renderers/handout/plan.py`) places the slides of the grid and lines layouts;
the notes layout is flowed here: a slide at the text width, its notes under it (broken into
lines as the plan measures text, hyphenated in the deck's language), the next slide on the same
page when it and the first two lines of its notes fit there, a paragraph never leaving one line
alone at the foot or the head of a page. Each slide is drawn once (`slides.py`) and placed in its
frame as a form, at the plan's scale: vector, its text selectable, its links clickable. Then
the list of the talk's links, and on every page the running header and "page X of Y".
Lengths are CSS pixels (96 to the inch) as the handout plan gives them; the file is in points.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from generator.text.markdown import Piece, plain
from generator.renderers.handout.paper import MARGINS, MM
from generator.renderers.handout.plan import HandoutPlan
from generator.renderers.pdf.canvas import Canvas, rgb
from generator.renderers.pdf.document import Link, PdfDocument, Resources, factor
from generator.renderers.pdf.document import number as pdf_number
from generator.renderers.pdf.slides import _trimmed, broken_lines
from generator.renderers.pdf.bidi import own_way
from generator.renderers.pdf.text import Faces, draw_line, line_width, shape_line

PT = 0.75                      # points per CSS pixel
NOTES_LINE_HEIGHT = 1.45
NOTES_GAP = 7 * MM             # between a slide's notes and the next slide
NOTES_TOP = 3 * MM             # between a slide and its notes
PARAGRAPH_GAP = 0.6            # ems between two paragraphs of notes
LINKS_TOP = 9 * MM
RUNNING_SIZE = 12.0            # 9 pt
LINKS_TITLE_SIZE = 14 / PT
TEXT_SIZE = 16.0               # 12 pt: the links' list
RULE = 1.0                     # 0.75 pt


@dataclass
class SlideArt:
    """A slide drawn once: its content stream, the resources it uses and its links (slide points)."""

    key: str
    width: float
    height: float
    content: bytes
    resources: Resources
    links: list[Link]
    alt: str = ""                # what a screen reader says of the placed slide: its title


def draw_slide_arts(drawer, slides) -> dict[int, SlideArt]:
    """Each slide of the plan drawn once, without its footer (a handout has its own)."""
    import hashlib

    arts = {}
    for slide in slides:
        width, height = drawer.geometry.slide_w, drawer.geometry.slide_h
        drawn = drawer.drawing(slide, footer=False)
        key = hashlib.sha1(drawn.content).hexdigest()
        arts[slide.number] = SlideArt(key, width, height, drawn.content, drawn.resources, list(drawn.links),
                                      " ".join(plain(slide.heading.text).split()))
    return arts


@dataclass
class _Page:
    """A page being laid out: what it draws, in content-box pixels, once the page count is known."""

    draws: list[Callable[[Canvas], None]] = field(default_factory=list)


class HandoutDrawer:
    def __init__(self, theme, plan: HandoutPlan, deck, arts: dict[int, SlideArt], *, subtitle: str,
                 created, measure):
        from generator.theme.contrast import colors

        self.theme, self.plan, self.deck, self.arts = theme, plan, deck, arts
        self.faces = Faces(theme, plan.lang)
        # speaker notes that fell back to the source language, in that language's faces (`for_text`)
        fallbacks = getattr(deck, "fallbacks", None)
        self.source_faces = Faces(theme, fallbacks.source_lang) if fallbacks is not None else self.faces
        self.fallbacks = fallbacks
        self.measure = measure
        self.colors = colors(theme)
        self.rtl = deck.direction == "rtl"
        self.document = PdfDocument(title=plan.running.title, author=plan.running.author, subject=subtitle,
                                    lang=plan.lang, created=created)
        for faces in (self.faces, self.source_faces):
            for ref, name in faces.names.items():
                self.document.font_names.setdefault(ref, name)
        self.pages: list[_Page] = []
        self.notes_size = float(theme.sizes.get("notes", 12)) / PT

    # --- building pages -------------------------------------------------------------------

    def page(self) -> _Page:
        self.pages.append(_Page())
        return self.pages[-1]

    def slide(self, page: _Page, number: int, box) -> None:
        art = self.arts[number]
        name = self.document.form(art.key, art.width, art.height, art.content, art.resources, f"Slide{number}")
        rule = self.colors["paper-rule"]

        def draw(canvas: Canvas, x=box.x, y=box.y, w=box.w, h=box.h) -> None:
            scale = w / art.width
            with canvas.marked("Figure", art.alt):
                canvas.ops.append(f"q {factor(scale)} 0 0 {factor(-scale)} {pdf_number(x)} {pdf_number(y + h)} cm /{name} Do Q")
            with canvas.artifact():
                canvas.rect(x - RULE / 2, y - RULE / 2, w + RULE, h + RULE, stroke=rule, width=RULE)
            for link in art.links:
                lx, ly, lw, lh = link.rect
                canvas.link(x + lx * scale, y + ly * scale, lw * scale, lh * scale, link.url)

        page.draws.append(draw)

    def text_lines(self, text: str, width: float, size: float, bold: bool = False) -> list[tuple[Piece, ...]]:
        """A paragraph of light Markdown broken to `width` as the plan measures text."""
        measure = self.measure.for_text(plain(text))
        wrapped = measure.wrap(plain(text), width, size, bold).lines if text.strip() else [""]
        return list(broken_lines(text, tuple(wrapped)))

    def line(self, page: _Page, pieces, x: float, top: float, size: float, width: float, line_height: float,
             color: str, bold: bool = False, align: str = "start", role: str = "P") -> None:
        baseline = top + self.faces.baseline(size, line_height)
        accent = self.colors["paper-accent"]

        def draw(canvas: Canvas) -> None:
            with canvas.marked(role):
                self._draw_line(canvas, pieces, x, baseline, size, width, color, accent, bold, align)

        page.draws.append(draw)

    def _draw_line(self, canvas, pieces, x, baseline, size, width, color, accent, bold, align, faces=None) -> None:
        rtl, align = own_way(tuple(pieces), self.rtl, align)
        draw_line(canvas, _trimmed(tuple(pieces)), faces or self.faces, x, baseline, size, width, color=color,
                  link_color=accent,
                  bold=bold, align=align, rtl=rtl, broken=bool(pieces) and pieces[-1].text.endswith(" "))

    def paragraph(self, page: _Page, lines, top: float, size: float, width: float, line_height: float,
                  color: str) -> float:
        """Lines of one paragraph from `top`, one element for screen readers; the y under them."""
        pitch = size * line_height
        baseline = self.faces.baseline(size, line_height)
        accent = self.colors["paper-accent"]
        said = "".join(piece.text for pieces in lines for piece in pieces)
        faces = self.source_faces if self.fallbacks is not None and self.fallbacks.fell_back(said) else self.faces

        def draw(canvas: Canvas, lines=tuple(lines), top=top) -> None:
            with canvas.marked("P"):
                for index, pieces in enumerate(lines):
                    self._draw_line(canvas, pieces, 0.0, top + index * pitch + baseline, size, width, color, accent,
                                    False, "start", faces)

        page.draws.append(draw)
        return top + len(lines) * pitch

    # --- layouts --------------------------------------------------------------------------

    def sheets(self) -> tuple[_Page, float]:
        """The grid and lines layouts: a page a sheet; the last page and how far down it is used."""
        page, used = None, 0.0
        rule = self.colors["paper-rule"]
        for sheet in self.plan.sheets:
            page = self.page()
            for placed in sheet.slides:
                self.slide(page, placed.number, placed.box)
                for rules in placed.rules:
                    page.draws.append(lambda canvas, r=rules: self._rules(canvas, r, rule))
            used = sheet.height
        return page or self.page(), used

    @staticmethod
    def _rules(canvas: Canvas, rules, color: str) -> None:
        """Ruled lines, for the reader's notes: decoration, not read out."""
        with canvas.artifact():
            for y in rules.ys:
                canvas.line(rules.x, y, rules.x + rules.w, y, color, RULE)

    def notes(self) -> tuple[_Page, float]:
        """The notes layout, flowed; the last page and how far down it is used."""
        height, width = self.plan.content.h, self.plan.content.w
        size = self.notes_size
        pitch = size * NOTES_LINE_HEIGHT
        text = self.colors["paper-text"]
        page, y = self.page(), 0.0
        for index, item in enumerate(self.plan.notes_pages):
            paragraphs = [self.text_lines(p, width, size) for p in item.notes]
            gap = NOTES_GAP if y > 0 else 0.0
            first = (NOTES_TOP + min(2, len(paragraphs[0])) * pitch) if paragraphs else 0.0
            if y > 0 and y + gap + item.box.h + first > height:
                page, y, gap = self.page(), 0.0, 0.0
            box = item.box.__class__(0.0, y + gap, item.box.w, item.box.h)
            self.slide(page, item.number, box)
            y = box.y + box.h
            if not paragraphs:
                continue
            y += NOTES_TOP
            for number, lines in enumerate(paragraphs):
                if number:
                    y += PARAGRAPH_GAP * size
                at = 0
                while at < len(lines):
                    room = int((height - y) // pitch)
                    left = len(lines) - at
                    if room >= left:
                        take = left
                    else:
                        take = room
                        if take == 1 and at == 0:       # never a paragraph's first line alone at the foot
                            take = 0
                        if left - take == 1 and take > 0:   # nor its last alone at the head of a page
                            take -= 1
                            if take == 1 and at == 0:
                                take = 0
                    if take <= 0:
                        if y == 0:                      # a page too short for two lines: take what fits
                            take = max(1, room)
                        else:
                            page, y = self.page(), 0.0
                            continue
                    y = self.paragraph(page, lines[at:at + take], y, size, width, NOTES_LINE_HEIGHT, text)
                    at += take
                    if at < len(lines):
                        page, y = self.page(), 0.0
        return page, y

    def links(self, page: _Page, y: float) -> None:
        """The list of the talk's links after the last slide, all on one page."""
        plan = self.plan
        if not plan.links:
            return
        width = plan.content.w
        title_h = LINKS_TITLE_SIZE * 1.4 + 3 * MM
        indent = 1.5 * TEXT_SIZE
        entries = []
        for number, link in enumerate(plan.links, start=1):
            pieces = (Piece(link.label + " "), Piece(link.shown, frozenset(), link.url),
                      Piece(f" \u00b7 {plan.slide_word} {link.number}", frozenset({"muted"})))
            entries.append((number, self._wrap_pieces(pieces, width - indent, TEXT_SIZE)))
        pitch = TEXT_SIZE * 1.4
        total = LINKS_TOP + title_h + sum(len(lines) * pitch + 1.5 * MM for _, lines in entries)
        if y + total > plan.content.h and y > 0:
            page, y = self.page(), 0.0
        else:
            y += LINKS_TOP if y > 0 else 0.0
        text, muted = self.colors["paper-text"], self.colors["paper-muted"]
        self.line(page, (Piece(plan.links_title),), 0.0, y, LINKS_TITLE_SIZE, width, 1.4, text, bold=True,
                  role="H1")
        y += title_h
        items = []
        for number, lines in entries:
            marker_x = width - indent if self.rtl else 0.0
            items.append((number, lines, marker_x, y))
            y += len(lines) * pitch + 1.5 * MM
        page.draws.append(lambda canvas: self._links_list(canvas, items, indent, pitch, text, muted))

    def _links_list(self, canvas: Canvas, items, indent: float, pitch: float, text: str, muted: str) -> None:
        """The numbered list of links: a list element, an item a link, its number the label."""
        width = self.plan.content.w
        with canvas.structure("L"):
            for number, lines, marker_x, top in items:
                with canvas.structure("LI"):
                    with canvas.marked("Lbl"):
                        self._draw_line(canvas, (Piece(f"{number}."),), marker_x,
                                        top + self.faces.baseline(TEXT_SIZE, 1.4), TEXT_SIZE,
                                        indent - 0.3 * TEXT_SIZE, text, text, False, "end")
                    with canvas.marked("LBody"):
                        for index, line in enumerate(lines):
                            self._colored_line(canvas, line, 0.0 if self.rtl else indent, top + index * pitch,
                                               TEXT_SIZE, width - indent, text, muted)

    def _wrap_pieces(self, pieces, width: float, size: float) -> list[tuple[Piece, ...]]:
        from generator.text.markdown import split_pieces

        whole = "".join(p.text for p in pieces)
        wrapped = tuple(self.measure.wrap(whole, width, size, False).lines)
        return [_trimmed(tuple(line)) for line in split_pieces(tuple(pieces), wrapped)]

    def _colored_line(self, canvas, pieces, x, top, size, width, text, muted) -> None:
        """A line of a link's entry: its label, its address (clickable) and where it was shown."""
        from generator.renderers.pdf.text import draw_glyphs

        baseline = top + self.faces.baseline(size, 1.4)
        accent = self.colors["paper-accent"]
        shaped = shape_line(tuple(Piece(p.text, p.styles - {"muted"}, p.href) for p in pieces), self.faces,
                            rtl=self.rtl)
        total = line_width(shaped, size)
        pen = x + width - total if self.rtl else x
        for (piece, glyphs), original in zip(shaped, pieces):
            color = accent if piece.href else muted if "muted" in original.styles else text
            canvas.ops.append(f"{rgb(color)} rg")
            start = pen
            pen = draw_glyphs(canvas, glyphs, pen, baseline, size)
            if piece.href:
                canvas.link(start, baseline - size * 0.9, pen - start, size * 1.2, piece.href)

    # --- the file -------------------------------------------------------------------------

    def write(self) -> bytes:
        plan = self.plan
        last, used = self.notes() if plan.layout == "notes" else self.sheets()
        self.links(last, used)
        paper_w, paper_h = plan.paper.width, plan.paper.height
        running = plan.running
        muted, background = self.colors["paper-muted"], self.colors["paper"]
        total = len(self.pages)
        side, content_w = MARGINS.side, paper_w - 2 * MARGINS.side
        head_top = MARGINS.top - 4 * MM - RUNNING_SIZE * 1.2
        foot_top = paper_h - MARGINS.bottom + 4 * MM
        for number, page in enumerate(self.pages, start=1):
            canvas = Canvas(self.document, paper_w * PT, paper_h * PT, tagged=True)
            canvas.transform(0, 0, PT)
            words = running.page_of.replace("{page}", str(number)).replace("{pages}", str(total))
            with canvas.artifact("Pagination"):
                if background.upper() != "#FFFFFF":
                    canvas.rect(0, 0, paper_w, paper_h, fill=background)
                # the title and the date where lines start: on the right in a right-to-left language
                for text, top, align in ((running.title, head_top, "start"), (running.author, head_top, "end"),
                                         (running.date, foot_top, "start"), (words, foot_top, "end")):
                    if text:
                        baseline = top + self.faces.baseline(RUNNING_SIZE, 1.2)
                        draw_line(canvas, (Piece(text),), self.faces, side, baseline, RUNNING_SIZE, content_w,
                                  color=muted, link_color=muted, align=align, rtl=self.rtl)
            canvas.save()
            canvas.transform(side, MARGINS.top)
            for draw in page.draws:
                draw(canvas)
            canvas.restore()
            self.document.add_page(paper_w * PT, paper_h * PT, canvas.content(), canvas.links, canvas.structure_root)
        return self.document.write()
