"""The plan of an HTML deck: every slide as plain values (texts, fitted sizes, diagram boxes).

Pure: the localized talk, the theme and a text measurer in, a `DeckPlan` out; nothing here
renders HTML, runs graphviz or reads a file. Tests assert on this layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from generator.layout import Diagram, TextMeasure, layout_slide, layout_stacks
from generator.model import talk as model
from generator.renderers.html import geometry as g
from generator.layout.table import column_widths
from generator.renderers.html.fit import Fitted, fit_block, fit_bullets, fit_table, sub_size
from generator.markdown import paragraphs, plain
from generator.renderers.html.urls import safe_url
from generator.theme import Theme


@dataclass(frozen=True)
class Sized:
    """A text (light Markdown) and the size it is drawn at."""

    text: str
    size: float


@dataclass(frozen=True)
class Bullet:
    """A first-level bullet and its sub-bullets (one level down)."""

    text: str
    subs: tuple[str, ...] = ()


@dataclass(frozen=True)
class Cell:
    text: str
    favoured: bool = False


@dataclass(frozen=True)
class TableRow:
    aspect: str
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Table:
    """A comparison: subject names, one row per aspect, column widths in percent, one size."""

    subjects: tuple[str, ...]
    rows: tuple[TableRow, ...]
    widths: tuple[float, ...]
    size: float


@dataclass(frozen=True)
class Link:
    """A link of a closing slide; `url` is None when it was refused (shown as plain text)."""

    label: str
    url: Optional[str]


@dataclass(frozen=True)
class Picture:
    src: str
    alt: str
    caption: Optional[str]


@dataclass(frozen=True)
class Misfit:
    """A text that does not fit its place even at the theme's minimum size."""

    slide_id: str
    field: str
    text: str


@dataclass(frozen=True)
class SlidePlan:
    """One slide: its heading (h1 on the title slide, h2 elsewhere) and what it shows."""

    number: int
    id: str
    kind: str
    heading: Sized
    heading_level: int = 2
    heading_hidden: bool = False
    subtitle: Optional[Sized] = None
    byline: Optional[Sized] = None
    text: Optional[Sized] = None
    bullets: tuple[Bullet, ...] = ()
    bullet_size: float = 0.0
    table: Optional[Table] = None
    diagram: Optional[Diagram] = None
    graph: Optional[model.Graph] = None
    picture: Optional[Picture] = None
    links: tuple[Link, ...] = ()
    notes: tuple[str, ...] = ()
    steps: int = 1
    footer: bool = True


@dataclass(frozen=True)
class DeckPlan:
    """The whole deck of one language."""

    talk_id: str
    lang: str
    title: str
    slides: tuple[SlidePlan, ...]
    misfits: tuple[Misfit, ...]
    refused_links: tuple[str, ...] = ()

    def sizes(self) -> set[float]:
        """Every fitted font size the slides use."""
        found = set()
        for slide in self.slides:
            for sized in (slide.heading, slide.subtitle, slide.byline, slide.text):
                if sized is not None:
                    found.add(sized.size)
            if slide.bullets:
                found.update({slide.bullet_size, sub_size(slide.bullet_size)})
            if slide.table is not None:
                found.add(slide.table.size)
        return found


class _Planner:
    """Fits one talk's texts in the theme's font; gathers what does not fit."""

    def __init__(self, talk: model.Talk, theme: Theme, measure: TextMeasure, byline: str):
        self.talk, self.theme, self.measure, self.byline = talk, theme, measure, byline
        self.misfits: list[Misfit] = []
        self.refused: list[str] = []

    def size(self, name: str, default: float) -> float:
        return float(self.theme.sizes.get(name, default))

    def fitted(self, slide_id: str, field: str, texts: list[str], rect: g.Rect, max_size: float,
               bold: bool = False, gap: float = 0.0) -> Fitted:
        fit = fit_block(self.measure, [plain(t) for t in texts], rect, max_size, self.size("min", 12), bold, gap)
        if not fit.fits:
            self.misfits.append(Misfit(slide_id, field, " / ".join(plain(t) for t in texts)))
        return fit

    def heading(self, slide: model.SlideBase, text: str, rect: g.Rect = g.TITLE,
                size_name: str = "title", default: float = 36) -> Sized:
        fit = self.fitted(slide.id, "title", [text], rect, self.size(size_name, default), bold=True)
        return Sized(text, fit.size)

    def plan(self, number: int, slide: model.Slide) -> SlidePlan:
        base = dict(number=number, id=slide.id, kind=slide.kind, notes=paragraphs(slide.notes or ""),
                    footer=slide.kind != "title")
        handler = getattr(self, f"_{slide.kind}")
        return SlidePlan(**base, **handler(slide))

    # --- one method per slide kind ----------------------------------------------------------

    def _title(self, slide: model.TitleSlide) -> dict:
        heading = self.heading(slide, slide.title or self.talk.title, g.TITLE_SLIDE_TITLE, "title-slide", 48)
        lines = [line for line in (slide.subtitle or self.talk.subtitle, self.byline) if line]
        fit = self.fitted(slide.id, "subtitle", lines, g.TITLE_SLIDE_SUBTITLE, self.size("subtitle", 22))
        subtitle = Sized(lines[0], fit.size) if (slide.subtitle or self.talk.subtitle) else None
        byline = Sized(self.byline, fit.size) if self.byline else None
        return dict(heading=heading, heading_level=1, subtitle=subtitle, byline=byline)

    def _section(self, slide: model.SectionSlide) -> dict:
        heading = self.heading(slide, slide.title, g.SECTION_TITLE, "section", self.size("title", 36) + 4)
        subtitle = None
        if slide.subtitle:
            fit = self.fitted(slide.id, "subtitle", [slide.subtitle], g.SECTION_TEXT, self.size("subtitle", 22))
            subtitle = Sized(slide.subtitle, fit.size)
        return dict(heading=heading, subtitle=subtitle)

    def _closing(self, slide: model.ClosingSlide) -> dict:
        heading = self.heading(slide, slide.title or self.talk.title, g.SECTION_TITLE, "section",
                               self.size("title", 36) + 4)
        links = []
        for link in slide.links:
            url = safe_url(link.url)
            if url is None:
                self.refused.append(link.url)
            links.append(Link(link.label, url))
        texts = ([slide.text] if slide.text else []) + [link.label for link in links]
        text = None
        if texts:
            fit = self.fitted(slide.id, "text", texts, g.SECTION_TEXT, self.size("subtitle", 22), gap=0.5)
            text = Sized(slide.text or "", fit.size)
        return dict(heading=heading, text=text, links=tuple(links))

    def _statement(self, slide: model.StatementSlide) -> dict:
        if slide.title:
            fit = self.fitted(slide.id, "text", [slide.text], g.STATEMENT, self.size("statement", 40), bold=True)
            return dict(heading=self.heading(slide, slide.title), text=Sized(slide.text, fit.size))
        fit = self.fitted(slide.id, "text", [slide.text], g.STATEMENT, self.size("statement", 40), bold=True)
        return dict(heading=Sized(slide.text, fit.size))

    def _bullets(self, slide: model.BulletsSlide) -> dict:
        bullets = tuple(Bullet(b) if isinstance(b, str) else Bullet(b.text, tuple(b.bullets)) for b in slide.bullets)
        items = [(level, plain(text)) for b in bullets for level, text in ((0, b.text), *((1, s) for s in b.subs))]
        fit = fit_bullets(self.measure, items, g.BODY, self.size("body", 24), self.size("min", 12))
        if not fit.fits:
            self.misfits.append(Misfit(slide.id, "bullets", " / ".join(text for _, text in items)))
        return dict(heading=self.heading(slide, slide.title), bullets=bullets, bullet_size=fit.size)

    def _stack(self, slide: model.StackSlide) -> dict:
        talk = self.talk
        if slide.title:
            diagram = layout_slide(talk, slide, self.theme, width=g.BODY.w, height=g.BODY.h,
                                   measure=self.measure)
        else:
            # The slide's heading names the stack: the diagram does not repeat it (as in the PPTX).
            diagram = layout_stacks([talk.stack(slide.stack)], self.theme, width=g.BODY.w, height=g.BODY.h,
                                    legend=talk.legend, highlight=slide.highlight, build=slide.build,
                                    lang=talk.lang, diagram_id=slide.id, titles=False, measure=self.measure)
        heading = self.heading(slide, slide.title or talk.stack(slide.stack).title)
        return self._diagram(slide, heading, diagram)

    def _stacks(self, slide: model.StacksSlide) -> dict:
        diagram = layout_slide(self.talk, slide, self.theme, width=g.BODY.w, height=g.BODY.h, measure=self.measure)
        title = slide.title or " / ".join(self.talk.stack(s).title for s in slide.stacks)
        return self._diagram(slide, self.heading(slide, title), diagram)

    def _diagram(self, slide, heading: Sized, diagram: Diagram) -> dict:
        for overflow in diagram.overflows:
            self.misfits.append(Misfit(slide.id, f"diagram box {overflow.box_id}", overflow.text))
        return dict(heading=heading, diagram=diagram, steps=diagram.steps)

    def _comparison(self, slide: model.ComparisonSlide) -> dict:
        talk = self.talk
        comparison = talk.comparison(slide.comparison)
        subjects = tuple(talk.stack(s).title for s in comparison.subjects)
        rows = tuple(TableRow(row.aspect, tuple(
            Cell(row.values.get(s, ""), row.favours == s) for s in comparison.subjects)) for row in comparison.rows)
        cells = [[("", True)] + [(plain(s), True) for s in subjects]]
        cells += [[(plain(r.aspect), True)] + [(plain(c.text), c.favoured) for c in r.cells] for r in rows]
        fit = fit_table(self.measure, cells, g.BODY, self.size("body", 24) * 0.85, self.size("min", 12))
        if not fit.fits:
            self.misfits.append(Misfit(slide.id, "table", comparison.title))
        widths = tuple(round(w / g.BODY.w * 100, 3) for w in column_widths(g.BODY.w, len(subjects) + 1))
        return dict(heading=self.heading(slide, slide.title or comparison.title),
                    table=Table(subjects, rows, widths, fit.size))

    def _graph(self, slide: model.GraphSlide) -> dict:
        graph = self.talk.graph(slide.graph)
        return dict(heading=self.heading(slide, slide.title or graph.title), graph=graph)

    def _image(self, slide: model.ImageSlide) -> dict:
        heading = self.heading(slide, slide.title or slide.caption or slide.alt)
        return dict(heading=heading, heading_hidden=not slide.title,
                    picture=Picture(slide.src, slide.alt, slide.caption))


def plan_deck(talk: model.Talk, theme: Theme, measure: TextMeasure, *, lang: str, byline: str = "") -> DeckPlan:
    """The plan of every slide of a localized talk, in order, numbered from 1."""
    planner = _Planner(talk, theme, measure, byline)
    slides = tuple(planner.plan(number, slide) for number, slide in enumerate(talk.slides, start=1))
    return DeckPlan(talk.id, lang, talk.title, slides, tuple(planner.misfits), tuple(planner.refused))
