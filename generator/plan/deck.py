"""The deck plan: every slide of one language as plain values (texts, fitted sizes, diagrams).

The localized talk, the theme, a text measurer and a target geometry in, a `DeckPlan` out:
every size, line break and box decided once, for every format to draw. Its `problems` are the
fit diagnostics of the deck, the same for `deckgen check` and `deckgen build`. Nothing here
writes a file or imports a rendering library; graph slides are laid out by `dot` (layout only).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Optional

from generator.build.kept import Kept, keeping
from generator.plan.boxes import Diagram
from generator.plan.measure import TextMeasure
from generator.plan.stack_diagram import layout_slide
from generator.plan.grow import grown
from generator.plan.style import DiagramStyle
from generator.model import talk as model
from generator.plan import geometry as g
from generator.plan.geometry import DEFAULT_GEOMETRY, Geometry
from generator.plan.graph.layout import fit_graph, lay_out_ahead, smallest_text
from generator.plan.code import CodeBlock
from generator.plan.chart import ChartPlan
from generator.plan.qr import QrCode
from generator.plan.graph.model import GraphDiagram
from generator.plan.table import column_widths
from generator.plan.fit import Fitted, bullets_height, fit_block, fit_bullets, fit_columns, fit_table, sub_size
from generator.plan.breaks import balanced_lines
from generator.text.markdown import paragraphs, plain
from generator.text.links import safe_url
from generator.i18n.scripts import direction, is_rtl
from generator.theme import Theme


@dataclass(frozen=True, slots=True)
class Sized:
    """A text (light Markdown), the size it is drawn at and, for titles, statements, subtitles and
    the speaker's lines, its plain lines (every format breaks it there) and the box its lines
    fill, measured from the top of the first line box."""

    text: str
    size: float
    lines: tuple[str, ...] = ()
    rect: Optional[g.Rect] = None


@dataclass(frozen=True, slots=True)
class Bullet:
    """A first-level bullet and its sub-bullets (one level down), with the plain lines the plan
    broke each into (balanced; every format breaks them there)."""

    text: str
    subs: tuple[str, ...] = ()
    lines: tuple[str, ...] = ()
    sub_lines: tuple[tuple[str, ...], ...] = ()


def bullet_items(bullets: tuple[Bullet, ...]) -> list[tuple[int, str]]:
    """Bullets and their sub-bullets in reading order, each with its level (0 or 1)."""
    return [item for bullet in bullets for item in ((0, bullet.text), *((1, sub) for sub in bullet.subs))]


def items_of(bullets: tuple[Bullet, ...]) -> list[tuple[int, str]]:
    """Bullets and sub-bullets as (level, plain text), as the fitting counts them."""
    return [(level, plain(text)) for level, text in bullet_items(bullets)]


def bullet_lines(bullets: tuple[Bullet, ...]) -> list[tuple[str, ...]]:
    """The planned lines of each of `bullet_items`, in the same order (empty: not broken)."""
    found = []
    for bullet in bullets:
        found.append(bullet.lines)
        found.extend(bullet.sub_lines[i] if i < len(bullet.sub_lines) else () for i in range(len(bullet.subs)))
    return found


@dataclass(frozen=True, slots=True)
class Cell:
    text: str
    favoured: bool = False
    lines: tuple[str, ...] = ()         # its plain lines, balanced


@dataclass(frozen=True, slots=True)
class TableRow:
    aspect: str
    cells: tuple[Cell, ...]
    aspect_lines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Table:
    """A comparison: subject names, one row per aspect, column widths in percent, one size; its
    rows grown alike to fill the content box (`pad_y`: each cell's padding above and below its
    lines), and where it stands (`rect`)."""

    subjects: tuple[str, ...]
    rows: tuple[TableRow, ...]
    widths: tuple[float, ...]
    size: float
    heights: tuple[float, ...] = ()     # of the header row then each row, in points
    subject_lines: tuple[tuple[str, ...], ...] = ()
    pad_y: float = g.CELL_PAD_Y
    rect: Optional[g.Rect] = None


@dataclass(frozen=True, slots=True)
class Link:
    """A link of a closing slide; `url` is None when it was refused (shown as plain text);
    `shown` is the address as the slide prints it."""

    label: str
    url: Optional[str]
    shown: str = ""


@dataclass(frozen=True, slots=True)
class Picture:
    src: str
    alt: str
    caption: Optional[str]


@dataclass(frozen=True, slots=True)
class Problem:
    """A text that does not fit its place even at the theme's minimum size (`fit.overflow`, a
    warning), or a diagram that cannot hold its text at the floors (`fit.diagram`, an error)."""

    slide_id: str
    field: str
    text: str
    code: str = "fit.overflow"
    severity: str = "warning"
    why: str = ""


@dataclass(frozen=True, slots=True)
class ColumnPlan:
    """One column of a two-column slide: its heading, bullets or text, and where it stands."""

    heading: Optional[str]
    bullets: tuple[Bullet, ...]
    text: Optional[str]
    rect: g.Rect


@dataclass(frozen=True, slots=True)
class SlidePlan:
    """One slide: its heading (h1 on the title slide, h2 elsewhere) and what it shows."""

    number: int
    id: str
    kind: str
    heading: Sized
    heading_level: int = 2
    heading_hidden: bool = False
    subtitle: Optional[Sized] = None
    byline: Optional[Sized] = None      # the title slide's speaker
    event: Optional[Sized] = None       # the title slide's event and date, under the speaker
    text: Optional[Sized] = None
    bullets: tuple[Bullet, ...] = ()
    bullet_size: float = 0.0
    bullet_gap: float = 0.0             # points between two first-level bullets
    bullet_columns: int = 1             # a long list of short bullets: 2, in the width of `content`
    column_break: int = 0               # with two columns, the first bullet of the second one
    content: Optional[g.Rect] = None    # where the slide's bullets, table, diagram, code or picture stand
    table: Optional[Table] = None
    diagram: Optional[Diagram] = None
    graph: Optional[GraphDiagram] = None
    code: Optional["CodeBlock"] = None
    columns: tuple[ColumnPlan, ...] = ()
    chart: Optional["ChartPlan"] = None
    qr: Optional["QrCode"] = None
    qr_rect: Optional[g.Rect] = None
    picture: Optional[Picture] = None
    field: Optional[g.Rect] = None      # the colour field of a title, section or closing slide
    links: tuple[Link, ...] = ()
    notes: tuple[str, ...] = ()
    steps: int = 1
    footer: bool = True
    part: int = 0                       # of a slide continued on the next ones: 1, 2…; 0 otherwise
    parts: int = 0                      # how many parts the slide has (0: not continued)


@dataclass(frozen=True, slots=True)
class DeckPlan:
    """The whole deck of one language."""

    talk_id: str
    lang: str
    title: str
    slides: tuple[SlidePlan, ...]
    problems: tuple[Problem, ...]
    refused_links: tuple[str, ...] = ()
    geometry: Geometry = DEFAULT_GEOMETRY
    direction: str = "ltr"          # "rtl" for Arabic, Hebrew…: text starts at the right, the QR code goes left
    line_height: float = g.LINE_HEIGHT   # the pitch of its text blocks, in ems (`TextMeasure.pitch`)
    fallbacks: Optional[object] = None   # the `Bidi` whose fallback strings were measured in the source language

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    def slide(self, slide_id: str) -> SlidePlan:
        return next(s for s in self.slides if s.id == slide_id)

    def sizes(self) -> set[float]:
        """Every fitted font size the slides use."""
        found = set()
        for slide in self.slides:
            for sized in (slide.heading, slide.subtitle, slide.byline, slide.event, slide.text):
                if sized is not None:
                    found.add(sized.size)
            if slide.bullets or slide.columns:
                found.update({slide.bullet_size, sub_size(slide.bullet_size)})
            if slide.table is not None:
                found.add(slide.table.size)
            if slide.code is not None:
                found.add(slide.code.size)
        return found

    def rects(self) -> set[g.Rect]:
        """Every box the slides place a text block, table or picture in."""
        found = set()
        for slide in self.slides:
            for sized in (slide.heading, slide.subtitle, slide.byline, slide.event, slide.text):
                if sized is not None and sized.rect is not None:
                    found.add(sized.rect)
            for rect in (slide.content, slide.table.rect if slide.table else None, slide.qr_rect, slide.field):
                if rect is not None:
                    found.add(rect)
        return found


# The slides planned lately (`build/kept.py`): `watch` plans the talk again after each save, and
# plans again only the slides an edit changed (or that what they show changed).
PLANNED = Kept(2048)


class _Planner:
    """Fits one talk's texts in the theme's font; gathers what does not fit."""

    def __init__(self, talk: model.Talk, theme: Theme, measure: TextMeasure, byline: str, lang: str,
                 geometry: Geometry):
        self.talk, self.theme, self.measure, self.byline, self.lang = talk, theme, measure, byline, lang
        self.geometry = geometry
        self.diagram_measure = TextMeasure.for_theme(theme, lang)   # diagrams are drawn in the theme's font
        self.code_measure = TextMeasure.for_code(theme, lang)
        self.problems: list[Problem] = []
        self.refused: list[str] = []
        self.cap: Optional[float] = None        # the largest body or code size, while parts are made alike
        self.share: Optional[range] = None      # the table rows of the part being planned
        self.caps: dict[str, float] = {}        # the deck's one size per role, once it is known (type_scale)
        self.layouts: dict[tuple, Diagram] = {}  # stack layouts by slide, stacks, heading and label size

    def limit(self, role: str, size: float) -> float:
        """A role's starting size under the deck's size for the role and a part's common size."""
        return min(size, self.caps.get(role, math.inf), self.cap or math.inf)

    def size(self, name: str, default: float) -> float:
        return float(self.theme.sizes.get(name, default))

    def fitted(self, slide_id: str, field: str, texts: list[str], rect: g.Rect, max_size: float,
               bold: bool = False, gap: float = 0.0) -> Fitted:
        fit = fit_block(self.measure, [plain(t) for t in texts], rect, max_size, self.size("min", 12), bold, gap)
        if not fit.fits:
            self.problem(Problem(slide_id, field, " / ".join(plain(t) for t in texts)))
        return fit

    def problem(self, problem: Problem) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def heading(self, slide: model.SlideBase, text: str, rect: Optional[g.Rect] = None,
                size_name: str = "title", default: float = 44) -> Sized:
        """A content slide's title: fitted to the title box, balanced lines from its top."""
        return self.lines(slide.id, "title", text, rect or self.geometry.title, self.size(size_name, default),
                          bold=True)

    def lines(self, slide_id: str, field: str, text: str, room: g.Rect, max_size: float, bold: bool = False,
              place: str = "top") -> Sized:
        """A text fitted to `room` and broken into balanced lines, its block placed in the room:
        at the `top`, standing on the `bottom`, or in the `middle`."""
        fit = self.fitted(slide_id, field, [text], room, max_size, bold)
        lines = balanced_lines(self.measure, plain(text), room.w, fit.size, bold)
        height = len(lines) * fit.size * self.measure.pitch
        if place == "bottom":
            rect = g.bottom_of(room, height)
        elif place == "middle":
            rect = g.Rect(room.x, room.y + (room.h - height) / 2, room.w, height)
        else:
            rect = g.Rect(room.x, room.y, room.w, height)
        return Sized(text, fit.size, lines, rect)

    def cover(self, slide: model.SlideBase, title: str, subtitle: Optional[str], size_name: str,
              default: float) -> tuple[Sized, Optional[Sized]]:
        """A title standing on the bottom of the cover title's room (the same line on every title,
        section and closing slide), and its subtitle under it, in the colour field."""
        heading = self.lines(slide.id, "title", title, self.geometry.section_title if size_name == "section"
                             else self.geometry.title_slide_title, self.size(size_name, default), bold=True,
                             place="bottom")
        under = None
        if subtitle:
            under = self.lines(slide.id, "subtitle", subtitle, self.geometry.title_slide_subtitle,
                               self.size("subtitle", 28))
        return heading, under

    # --- continuation slides ---------------------------------------------------------------

    def crowded(self, slide: model.Slide, planned: SlidePlan, since: int) -> bool:
        """Whether the slide's content fits only under its role's floor (bullets under
        `body-floor`, code under `code-floor`, stacks too dense for the diagram floors): what a
        continuation slide is for. A title that does not fit is not."""
        mine = [p for p in self.problems[since:] if p.slide_id == slide.id]
        if slide.kind in ("bullets", "two-columns"):
            return planned.bullet_size < self.size("body-floor", 24) - 1e-6 or \
                any(p.field in ("bullets", "columns") for p in mine)
        if slide.kind == "comparison":
            return planned.table is not None and planned.table.size < self.size("table-floor", 18) - 1e-6 or \
                any(p.field == "table" for p in mine)
        if slide.kind == "code":
            # too many lines for the slide's height at the code floor, or at the size the widest
            # line allows when that is smaller (a new slide does not make a line narrower)
            from generator.plan.code import CODE_LINE_HEIGHT

            if planned.code is None:
                return False
            lines = ["".join(t.text for t in line) for line in planned.code.lines]
            preferred = self.size("code", 20)
            widest = max((self.code_measure.width(line, preferred) for line in lines), default=0.0)
            by_width = preferred * (self.geometry.body.w - 2 * g.CODE_PAD) / widest if widest else preferred
            at = min(self.size("code-floor", 16), by_width)
            caption = self.size("caption", 18) * self.measure.pitch + 8 if slide.caption else 0.0
            return len(lines) * at * CODE_LINE_HEIGHT + 2 * g.CODE_PAD + caption > self.geometry.body.h + 1e-6
        if slide.kind == "stacks":
            return any(p.code == "fit.diagram" for p in mine)
        return False

    def one_size(self, parts: list, plans: list[SlidePlan], number: int, since: int) -> list[SlidePlan]:
        """The parts planned again at the smallest size any of them needed, so the text of one
        slide does not change size from one part to the next."""
        def size(plan: SlidePlan) -> float:     # the part's text size (a stack part has none here)
            return next((size for role, size in role_sizes(plan) if role != "label"), 0.0)

        smallest = min(size(plan) for plan in plans)
        if all(abs(size(plan) - smallest) < 1e-6 for plan in plans) or not smallest:
            return plans
        del self.problems[since:]
        self.cap = smallest
        try:
            return [self.plan(number, part, share) for part, share in parts]
        finally:
            self.cap = None

    def plan_parts(self, number: int, slide: model.Slide) -> list[SlidePlan]:
        """`_plan_parts`, or its plans and findings as they were made lately (`PLANNED`)."""
        if not keeping():
            return self._plan_parts(number, slide)
        held = (self.theme, self.measure.hyphenator)
        key = PLANNED.key(held, self.measure.key, number, self.lang, self.geometry, self.byline,
                          tuple(sorted(self.caps.items())), self.talk.title, self.talk.subtitle, self.talk.author,
                          self.talk.fit, slide.model_dump_json(), *self.shown(slide))
        found = PLANNED.get(key, held)
        if found is not None:
            plans, problems, refused = found
            self.problems.extend(problems)
            self.refused.extend(refused)
            return list(plans)
        since, refused_since = len(self.problems), len(self.refused)
        plans = self._plan_parts(number, slide)
        PLANNED.put(key, (tuple(plans), tuple(self.problems[since:]), tuple(self.refused[refused_since:])), held)
        return plans

    def shown(self, slide: model.Slide) -> tuple[str, ...]:
        """What the talk holds that a slide shows by name (its stacks, graph, comparison and the
        comparison's stacks), as JSON: a plan is made from them too."""
        talk, found = self.talk, []
        comparison = getattr(slide, "comparison", None)
        stacks = [getattr(slide, "stack", None), *(getattr(slide, "stacks", None) or ())]
        if comparison:
            found.append(talk.comparison(comparison))
            stacks.extend(talk.comparison(comparison).subjects)
        found.extend(talk.stack(name) for name in dict.fromkeys(s for s in stacks if s))
        if getattr(slide, "graph", None):
            found.append(talk.graph(slide.graph))
        return tuple(item.model_dump_json() for item in found)

    def _plan_parts(self, number: int, slide: model.Slide) -> list[SlidePlan]:
        """The slide, or its parts when its content needs continuation slides: the fewest parts
        that each fit at the floors, cut by whole items. `fit: strict` or `split: false` make the
        split an error (`--strict` makes its warning one); a slide no cut helps stays whole."""
        from generator.plan.continuation import SPLITTABLE, part_title, split_slide

        since = len(self.problems)
        planned = self.plan(number, slide)
        if slide.kind not in SPLITTABLE or not self.crowded(slide, planned, since):
            return [planned]
        whole, title = self.problems[since:], planned.heading.text
        for count in range(2, 9):
            parts = split_slide(slide, count, self.talk)
            if parts is None:
                break
            parts = [(part.model_copy(update={"title": part_title(self.lang, title, index, count)}), share)
                     for index, (part, share) in enumerate(parts, start=1)]
            del self.problems[since:]
            plans = [self.plan(number, part, share) for part, share in parts]
            if any(self.crowded(part, plan, since) for (part, _), plan in zip(parts, plans)):
                continue
            plans = self.one_size(parts, plans, number, since)
            strict = self.talk.fit == "strict" or not slide.split
            cut = {"stacks": "whole stacks", "bullets": "whole bullets", "code": "lines", "comparison": "rows",
                   "two-columns": "whole bullets"}[slide.kind]
            why = f"is continued on {count} slides, cut by {cut}: on one slide its content fits only under the floors"
            split = Problem(slide.id, "split", str(count), "fit.split", "error" if strict else "warning", why)
            if strict:             # the whole slide stays, with the split it needs as an error
                del self.problems[since:]
                self.problems.extend([*whole, split])
                return [planned]
            self.problem(split)
            return [replace(plan, part=index, parts=count) for index, plan in enumerate(plans, start=1)]
        del self.problems[since:]
        self.problems.extend(whole)
        return [planned]

    def plan(self, number: int, slide: model.Slide, share: Optional[range] = None) -> SlidePlan:
        """One slide's plan; `share`, the run of its table's rows a continuation part shows."""
        base = dict(number=number, id=slide.id, kind=slide.kind, notes=paragraphs(slide.notes or ""),
                    footer=slide.kind != "title")
        handler = getattr(self, f"_{slide.kind.replace('-', '_')}")
        self.share = share
        try:
            return SlidePlan(**{**base, **handler(slide)})
        finally:
            self.share = None

    # --- one method per slide kind ----------------------------------------------------------

    def _title(self, slide: model.TitleSlide) -> dict:
        heading, subtitle = self.cover(slide, slide.title or self.talk.title, slide.subtitle or self.talk.subtitle,
                                       "title-slide", 60)
        return dict(heading=heading, heading_level=1, subtitle=subtitle, field=self.geometry.field,
                    **self.speaker(slide))

    def speaker(self, slide: model.SlideBase) -> dict:
        """The speaker (bold) and, under them, the event and date, one size, under the field."""
        author = self.talk.author or ""
        if not self.byline:
            return {}
        if author and self.byline.startswith(author):
            who, rest = author, self.byline[len(author):].lstrip(" \u00b7")
        else:
            who, rest = "", self.byline
        texts = [t for t in (who, rest) if t]
        room = self.geometry.byline
        fit = self.fitted(slide.id, "byline", texts, room, self.size("secondary", 24), bold=True, gap=g.BULLET_GAP)
        blocks, total = [], -g.BULLET_GAP * fit.size
        for key, text, bold in (("byline", who, True), ("event", rest, False)):
            if not text:
                continue
            lines = balanced_lines(self.measure, plain(text), room.w, fit.size, bold)
            blocks.append((key, text, lines, len(lines) * fit.size * self.measure.pitch))
            total += blocks[-1][3] + g.BULLET_GAP * fit.size
        found, top = {}, room.y + max(0.0, room.h - total) / 2     # in the middle of the room under the field
        for key, text, lines, height in blocks:
            found[key] = Sized(text, fit.size, lines, g.Rect(room.x, top, room.w, height))
            top += height + g.BULLET_GAP * fit.size
        return found

    def _section(self, slide: model.SectionSlide) -> dict:
        g_ = self.geometry
        if g_.field is None or g_.divider_field is None:        # the template's own section layout
            heading, subtitle = self.cover(slide, slide.title, slide.subtitle, "section", 52)
            return dict(heading=heading, subtitle=subtitle, field=g_.field)
        size = self.size("section", 52)
        if slide.subtitle:          # the title on the middle's line, the subtitle under it
            heading = self.lines(slide.id, "title", slide.title, g_.divider_title, size, bold=True, place="bottom")
            subtitle = self.lines(slide.id, "subtitle", slide.subtitle, g_.divider_subtitle, self.size("subtitle", 28))
        else:                       # the title alone, in the middle of both rooms
            room = g.Rect(g_.divider_title.x, g_.divider_title.y, g_.divider_title.w,
                          g_.divider_subtitle.y + g_.divider_subtitle.h - g_.divider_title.y)
            heading, subtitle = self.lines(slide.id, "title", slide.title, room, size, bold=True, place="middle"), None
        # no footer: the talk's name and the number would stand on the colour field
        return dict(heading=heading, subtitle=subtitle, field=g_.divider_field, footer=False)

    def _closing(self, slide: model.ClosingSlide) -> dict:
        from generator.text.links import shown_url
        from generator.plan.qr import qr_code

        heading, _ = self.cover(slide, slide.title or self.talk.title, None, "section", 52)
        field = self.geometry.field
        links = []
        for link in slide.links:
            url = safe_url(link.url)
            if url is None:
                self.refused.append(link.url)
            links.append(Link(link.label, url, shown_url(link.url) if url else ""))
        first = next((link for link in links if link.url), None)
        area = self.geometry.section_text
        qr = qr_rect = None
        if first is not None:
            qr, side = qr_code(first.url), min(g.QR_SIZE, area.h)
            if is_rtl(self.lang):      # the code stands where the text ends: left in a right-to-left deck
                qr_rect = g.Rect(area.x, area.y, side, side)
                area = g.Rect(area.x + side + g.QR_GAP, area.y, area.w - side - g.QR_GAP, area.h)
            else:
                qr_rect = g.Rect(area.x + area.w - side, area.y, side, side)
                area = g.Rect(area.x, area.y, area.w - side - g.QR_GAP, area.h)
        texts = ([slide.text] if slide.text else []) + [f"{link.label} {link.shown}" for link in links]
        text = None
        if texts:
            fit = self.fitted(slide.id, "text", texts, area, self.size("subtitle", 28), gap=0.5)
            # the words in balanced lines, as a title's: no last word alone on its line
            lines = balanced_lines(self.measure, plain(slide.text), area.w, fit.size) if slide.text else ()
            text = Sized(slide.text or "", fit.size, lines, area)
        return dict(heading=heading, text=text, links=tuple(links), qr=qr, qr_rect=qr_rect, field=field)

    def _statement(self, slide: model.StatementSlide) -> dict:
        """The sentence in balanced lines, centred: in the content box under a title, else in the
        room from the title's top to the content box's bottom."""
        size = self.size("statement", 48)
        if slide.title:
            text = self.lines(slide.id, "text", slide.text, self.geometry.body, size, bold=True, place="middle")
            return dict(heading=self.heading(slide, slide.title), text=text)
        return dict(heading=self.lines(slide.id, "text", slide.text, self.geometry.statement, size, bold=True,
                                       place="middle"))

    def _bullets(self, slide: model.BulletsSlide) -> dict:
        bullets = tuple(Bullet(b) if isinstance(b, str) else Bullet(b.text, tuple(b.bullets)) for b in slide.bullets)
        items = [(level, plain(text)) for level, text in bullet_items(bullets)]
        box = self.geometry.body
        fit = fit_bullets(self.measure, items, box, self.limit("body", self.size("body", 32)), self.size("min", 12))
        steps = len(bullets) if slide.build == "one-by-one" else 1
        heading = self.heading(slide, slide.title)
        columns = self.two_columns(bullets, box)
        if columns is None and not fit.fits:
            self.problem(Problem(slide.id, "bullets", " / ".join(text for _, text in items)))
        if columns is not None:
            size, cut = columns
            width = (box.w - g.COLUMN_GAP) / 2
            column = g.Rect(box.x, box.y, width, box.h)
            first, second = items_of(bullets[:cut]), items_of(bullets[cut:])
            gap, height = self.spread(first, column, size)
            tall = max(height, self.spread(second, column, size, gap)[1])
            return dict(heading=heading, bullets=self.broken(bullets, width, size), bullet_size=size, steps=steps,
                        bullet_gap=gap, content=g.balanced(box, tall), bullet_columns=2, column_break=cut)
        gap, height = self.spread(items, box, fit.size)
        return dict(heading=heading, bullets=self.broken(bullets, box.w, fit.size),
                    bullet_size=fit.size, steps=steps, bullet_gap=gap, content=g.balanced(box, height))

    def two_columns(self, bullets: tuple[Bullet, ...], box: g.Rect) -> Optional[tuple[float, int]]:
        """A list of `TWO_COLUMNS` bullets or more whose longest fits `SHORT_BULLET` of the box's
        width on one line is set in two columns (a sub-bullet stays with its bullet): the size the
        columns fit at and the first bullet of the second column, the first column holding at
        least half of them and standing at least as tall. None: one column."""
        if len(bullets) < g.TWO_COLUMNS:
            return None
        column = g.Rect(box.x, box.y, (box.w - g.COLUMN_GAP) / 2, box.h)
        limit, least = self.limit("body", self.size("body", 32)), self.size("min", 12)
        best = None
        for cut in range(math.ceil(len(bullets) / 2), len(bullets)):
            first, second = items_of(bullets[:cut]), items_of(bullets[cut:])
            fits = [fit_bullets(self.measure, part, column, limit, least) for part in (first, second)]
            if not all(f.fits for f in fits):
                continue
            size = min(f.size for f in fits)
            if bullets_height(self.measure, first, column.w, size)[0] + 1e-6 < \
                    bullets_height(self.measure, second, column.w, size)[0]:
                continue            # the first column stands tallest: PowerPoint fills it before the second
            if best is None or size > best[0] + 1e-6:
                best = (size, cut)
        if best is None:
            return None
        longest = max(self.measure.for_text(plain(b.text)).width(plain(b.text), best[0]) for b in bullets)
        return best if longest <= g.SHORT_BULLET * box.w else None

    def broken(self, bullets: tuple[Bullet, ...], width: float, size: float) -> tuple[Bullet, ...]:
        """Bullets with their balanced lines at `size` in a list `width` wide (as `fit_bullets` counts them)."""
        def lines(text: str, level: int) -> tuple[str, ...]:
            return balanced_lines(self.measure, plain(text), width - g.BULLET_INDENT[level],
                                  sub_size(size) if level else size, least=g.BODY_MEASURE)

        return tuple(replace(b, lines=lines(b.text, 0), sub_lines=tuple(lines(t, 1) for t in b.subs))
                     for b in bullets)

    def spread(self, items: list[tuple[int, str]], box: g.Rect, size: float,
               gap: Optional[float] = None) -> tuple[float, float]:
        """The gap between first-level bullets that spreads them over the box (from `BULLET_GAP`
        up to `BULLET_GAP_MAX` ems), or `gap` when given, and the height of the list with it."""
        least, _ = bullets_height(self.measure, items, box.w, size)
        gaps = sum(1 for level, _ in items[1:] if level == 0)
        if gap is None:
            gap = g.BULLET_GAP * size
            if gaps:
                gap += max(0.0, min((box.h - least) / gaps, (g.BULLET_GAP_MAX - g.BULLET_GAP) * size))
            gap = math.floor(gap * 2) / 2
        return gap, least + gaps * (gap - g.BULLET_GAP * size)

    def _stack(self, slide: model.StackSlide) -> dict:
        heading = self.heading(slide, slide.title or self.talk.stack(slide.stack).title)
        return self._stack_diagram(slide, heading)

    def _stacks(self, slide: model.StacksSlide) -> dict:
        title = slide.title or " / ".join(self.talk.stack(s).title for s in slide.stacks)
        heading = self.heading(slide, title)
        return self._stack_diagram(slide, heading)

    def _stack_diagram(self, slide, heading: Sized) -> dict:
        """The slide's stacks in the diagram area; when they do not fit there, in the area grown up
        into what the title band leaves free under a short title."""
        area = self.diagram_area()
        diagram = self._layout(slide, heading.text, area)
        if not diagram.fits and heading.rect is not None:
            top = heading.rect.y + heading.rect.h + g.TITLE_GAP
            if top < area.y - 1:
                taller = g.Rect(area.x, top, area.w, area.y + area.h - top)
                found = self._layout(slide, heading.text, taller)
                if found.fits:
                    return self._diagram(slide, heading, found, taller)
        return self._diagram(slide, heading, diagram, area)

    def diagram_area(self) -> g.Rect:
        """Where a stack diagram is laid out: the content box and the diagram's own inner margin
        around it, so the outer boxes of a diagram as wide (or tall) as the box stand on its edges."""
        body, margin = self.geometry.body, DiagramStyle.from_theme(self.theme).margin
        return g.Rect(body.x - margin, body.y - margin, body.w + 2 * margin, body.h + 2 * margin)

    def _layout(self, slide, heading: str, area: g.Rect) -> Diagram:
        # The slide's heading names the stack: the diagram does not repeat it (as in the PPTX).
        theme = self.theme
        label = min(self.caps.get("label", math.inf), self.size("diagram-label", 20))
        if label < self.size("diagram-label", 20):
            theme = replace(theme, sizes={**theme.sizes, "diagram-label": label})
        # A slide planned again under the deck's sizes often lays its diagram out as before (only
        # its growth is capped): the layout is kept for the same stacks, heading and label size.
        key = (slide.id, tuple(getattr(slide, "stacks", ()) or (slide.stack,)), heading, label, area)
        if key not in self.layouts:
            self.layouts[key] = layout_slide(self.talk, slide, theme, width=area.w, height=area.h,
                                             measure=self.diagram_measure, lang=self.lang, heading=heading)
        return self.layouts[key]

    def _diagram(self, slide, heading: Sized, diagram: Diagram, area: g.Rect) -> dict:
        for overflow in diagram.overflows:
            if overflow.reason == "too-dense":
                self.problem(Problem(slide.id, "diagram", overflow.text, "fit.diagram", "error", overflow.why))
            else:
                self.problem(Problem(slide.id, f"diagram box {overflow.box_id}", overflow.text))
        return dict(heading=heading, diagram=grown(diagram, g.DIAGRAM_GROW, self.caps.get("label")),
                    steps=diagram.steps, content=area)

    def _comparison(self, slide: model.ComparisonSlide) -> dict:
        talk = self.talk
        comparison = talk.comparison(slide.comparison)
        subjects = tuple(talk.stack(s).title for s in comparison.subjects)
        shown = comparison.rows if self.share is None else comparison.rows[self.share.start:self.share.stop]
        rows = tuple(TableRow(row.aspect, tuple(
            Cell(row.values.get(s, ""), row.favours == s) for s in comparison.subjects)) for row in shown)
        cells = [[("", True)] + [(plain(s), True) for s in subjects]]
        cells += [[(plain(r.aspect), True)] + [(plain(c.text), c.favoured) for c in r.cells] for r in rows]
        box = self.geometry.body
        fit = fit_table(self.measure, cells, box, self.limit("table", self.size("secondary", 24)), self.size("min", 12))
        if not fit.fits:
            self.problem(Problem(slide.id, "table", comparison.title))
        columns = column_widths(box.w, len(subjects) + 1)
        widths = tuple(round(w / box.w * 100, 3) for w in columns)

        def broken(text: str, column: int, bold: bool) -> tuple[str, ...]:
            return balanced_lines(self.measure, plain(text), columns[column] - 2 * g.CELL_PAD_X, fit.size, bold)

        rows = tuple(TableRow(row.aspect, tuple(Cell(c.text, c.favoured, broken(c.text, i + 1, c.favoured))
                                                for i, c in enumerate(row.cells)), broken(row.aspect, 0, True))
                     for row in rows)
        subject_lines = tuple(broken(s, i + 1, True) for i, s in enumerate(subjects))
        # every row grows alike (up to ROW_GROW ems) so the table fills the box, then stands balanced in it
        grow = max(0.0, min((box.h - sum(fit.rows)) / len(fit.rows), g.ROW_GROW * fit.size)) if fit.fits else 0.0
        grow = math.floor(grow * 2) / 2
        heights = tuple(h + grow for h in fit.rows)
        rect = g.balanced(box, sum(heights))
        return dict(heading=self.heading(slide, slide.title or comparison.title), content=rect,
                    table=Table(subjects, rows, widths, fit.size, heights, subject_lines, g.CELL_PAD_Y + grow / 2, rect))

    def _graph(self, slide: model.GraphSlide) -> dict:
        graph = self.talk.graph(slide.graph)
        box = self.geometry.body
        area = (box.w, box.h)
        # the plan's flow and wrapping: the ladder's (`fit_graph`), what every format draws
        fit = fit_graph(graph, self.theme, self.lang, area=area)
        diagram = fit.diagram
        if not fit.fits:
            nodes, edges = smallest_text(diagram, area)
            why = f"is too large for the slide: scaled to fit, its labels would be {nodes:.1f} pt"
            if edges != float("inf"):
                why += f" and its edge labels {edges:.1f} pt"
            # the change that helps, for the hint: the flow that fits, or else the label to shorten
            fix = ("graph direction", fit.direction) if fit.direction else ("graph label", fit.longest)
            self.problem(Problem(slide.id, *fix, "fit.diagram", "error", why))
        # drawn as large as the box allows, up to DIAGRAM_GROW times its laid-out size, centred
        scale = min(box.w / diagram.width, box.h / diagram.height, g.DIAGRAM_GROW)
        w, h = diagram.width * scale, diagram.height * scale
        content = g.Rect(box.x + (box.w - w) / 2, box.y + (box.h - h) / 2, w, h)
        return dict(heading=self.heading(slide, slide.title or graph.title), graph=diagram, content=content)

    def _code(self, slide: model.CodeSlide) -> dict:
        from generator.plan.code import CODE_LINE_HEIGHT, CodeBlock, highlight, parse_steps

        lines = highlight(slide.code, slide.language)
        heading = self.heading(slide, slide.title or slide.caption or slide.language)
        rect = self.geometry.body
        caption_h = 0.0
        caption = None
        if slide.caption:
            caption = Sized(slide.caption, self.size("caption", 18))
            caption_h = caption.size * self.measure.pitch + 8
        measure = self.code_measure
        widest = max(("".join(t.text for t in line) for line in lines), key=len, default="")
        size, floor = self.limit("code", self.size("code", 20)), self.size("code-min", 14)
        pad = 2 * g.CODE_PAD

        def fits(at: float) -> bool:
            return (measure.width(widest, at) <= rect.w - pad
                    and len(lines) * at * CODE_LINE_HEIGHT <= rect.h - caption_h - pad)

        from generator.plan.measure import candidate_sizes

        chosen = next((s for s in candidate_sizes(size, floor) if fits(s)), floor)
        if not fits(chosen):
            too_long = [n for n, line in enumerate(lines, 1)
                        if measure.width("".join(t.text for t in line), floor) > rect.w - pad]
            what = f"line {too_long[0]}" if too_long else f"its {len(lines)} lines"
            self.problem(Problem(slide.id, f"code ({what})", widest if too_long else slide.code.splitlines()[0],
                                 "fit.code"))
        steps = parse_steps(slide.steps, len(lines))
        block = CodeBlock(slide.language, lines, chosen, chosen * CODE_LINE_HEIGHT, steps)
        height = min(rect.h, len(lines) * chosen * CODE_LINE_HEIGHT + pad + caption_h)
        return dict(heading=heading, heading_hidden=not slide.title, code=block, text=caption,
                    steps=max(1, len(steps)), content=g.balanced(rect, height))

    def _two_columns(self, slide: model.TwoColumnsSlide) -> dict:
        body, gap = self.geometry.body, g.COLUMN_GAP
        half = (body.w - gap) / 2
        rects = (g.Rect(body.x, body.y, half, body.h), g.Rect(body.x + half + gap, body.y, half, body.h))
        columns = []
        for column, rect in zip((slide.left, slide.right), rects):
            bullets = tuple(Bullet(b) if isinstance(b, str) else Bullet(b.text, tuple(b.bullets)) for b in column.bullets)
            columns.append(ColumnPlan(column.heading, bullets, column.text, rect))
        texts = [(plain(c.heading) if c.heading else None, [(level, plain(t)) for level, t in bullet_items(c.bullets)],
                  plain(c.text) if c.text else None) for c in columns]
        fit = fit_columns(self.measure, texts, rects, self.limit("body", self.size("body", 32)), self.size("min", 12))
        if not fit.fits:
            self.problem(Problem(slide.id, "columns", slide.title))
        columns = [replace(c, bullets=self.broken(c.bullets, c.rect.w, fit.size)) for c in columns]
        return dict(heading=self.heading(slide, slide.title), columns=tuple(columns), bullet_size=fit.size,
                    content=body)

    def _chart(self, slide: model.ChartSlide) -> dict:
        from generator.plan.chart import chart_slide

        return chart_slide(self, slide)

    def _image(self, slide: model.ImageSlide) -> dict:
        heading = self.heading(slide, slide.title or slide.caption or slide.alt)
        return dict(heading=heading, heading_hidden=not slide.title,
                    picture=Picture(slide.src, slide.alt, slide.caption), content=self.geometry.body)


def role_sizes(plan: SlidePlan) -> list[tuple[str, float]]:
    """The size a slide gives each role of the deck's type scale: bullets and columns (`body`),
    table cells, code, stack labels as drawn."""
    found = []
    if plan.kind in ("bullets", "two-columns") and plan.bullet_size:
        found.append(("body", plan.bullet_size))
    if plan.table is not None:
        found.append(("table", plan.table.size))
    if plan.code is not None:
        found.append(("code", plan.code.size))
    if plan.diagram is not None and plan.diagram.boxes:
        labels = [b.label.size for b in plan.diagram.boxes if b.role == "layer" and b.label is not None]
        if labels:
            found.append(("label", max(labels)))
    return found


SCALE_SHARE = 0.9      # a role's size is the largest at which this share of its slides fit


def type_scale(talk: model.Talk, planned: dict[str, list[SlidePlan]]) -> dict[str, float]:
    """One size per role for the deck: the largest at which at least 90 % of that role's slides
    fit as planned alone (each slide's own largest size, its parts counted once); slides that fit
    only smaller keep their size."""
    by_role: dict[str, list[float]] = {}
    for slide in talk.slides:
        sizes: dict[str, float] = {}
        for plan in planned[slide.id]:
            for role, size in role_sizes(plan):
                sizes[role] = min(size, sizes.get(role, math.inf))
        for role, size in sizes.items():
            by_role.setdefault(role, []).append(size)
    caps = {}
    for role, sizes in by_role.items():
        ordered = sorted(sizes, reverse=True)
        caps[role] = ordered[max(0, math.ceil(SCALE_SHARE * len(ordered)) - 1)]
    return caps


def plan_ahead(talk: model.Talk, theme: Theme, *, lang: str) -> None:
    """Start what planning a localized talk waits on (dot laying out its graphs) in the
    background, so that it runs while this or another language is planned."""
    for name in dict.fromkeys(slide.graph for slide in talk.slides if slide.kind == "graph"):
        lay_out_ahead(talk.graph(name), theme, lang)


def plan_cover(talk: model.Talk, theme: Theme, *, lang: str, byline: str = "",
               geometry: Geometry = DEFAULT_GEOMETRY) -> SlidePlan:
    """The plan of a localized talk's first slide alone, as its deck draws it (a talk library's
    thumbnail): the deck's one type scale leaves a first slide's sizes as they are."""
    measure = TextMeasure.for_theme(theme).for_lang(lang)
    return _Planner(talk, theme, measure, byline, lang, geometry).plan(1, talk.slides[0])


def plan_deck(talk: model.Talk, theme: Theme, measure: Optional[TextMeasure] = None, *, lang: str,
              byline: str = "", geometry: Geometry = DEFAULT_GEOMETRY, bidi=None) -> DeckPlan:
    """The plan of every slide of a localized talk, in order, numbered from 1, for a geometry;
    the strings `bidi` (`i18n.bidi.Bidi`) says fell back to the source language measured in it."""
    plan_ahead(talk, theme, lang=lang)
    measure = (measure or TextMeasure.for_theme(theme)).for_lang(lang).with_fallbacks(bidi)
    planner = _Planner(talk, theme, measure, byline, lang, geometry)
    planned = {slide.id: planner.plan_parts(0, slide) for slide in talk.slides}
    planner.caps = type_scale(talk, planned)
    for slide in talk.slides:            # slides over the deck's size for a role, planned again under it
        if any(size > planner.caps.get(role, math.inf) + 1e-6 for plan in planned[slide.id]
               for role, size in role_sizes(plan)):
            planner.problems = [p for p in planner.problems if p.slide_id != slide.id]
            planned[slide.id] = planner.plan_parts(0, slide)
    slides = tuple(replace(plan, number=number) for number, plan in
                   enumerate((plan for slide in talk.slides for plan in planned[slide.id]), start=1))
    from generator.plan.glyphs import glyph_problems

    problems = [*planner.problems, *glyph_problems(slides, measure, planner.code_measure)]
    return DeckPlan(talk.id, lang, talk.title, slides, tuple(problems), tuple(planner.refused), geometry,
                    direction(lang), measure.pitch, bidi if measure.fallback is not None else None)
