"""The plan of a handout: which slide goes on which sheet, where, at what scale, with what words.

Pure: the HTML deck's `DeckPlan`, the localized talk, the options and the build time in, a
`HandoutPlan` of plain values out. Slides marked `handout: false` are left out here; the page
numbers and footers are left to the printer (CSS counters in the page margins).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from typing import Optional

from generator.model import talk as model
from generator.renderers.handout.paper import PAPERS, SLIDE_RATIO, Box, Paper, content_box, slide_box
from generator.renderers.handout.words import handout_date, links_title, page_of, slide_word
from generator.plan.geometry import SLIDE_W
from generator.text.markdown import inline_pieces, plain
from generator.plan.deck import DeckPlan
from generator.plan.texts import markdown_texts

GRID_SHAPES = {1: (1, 1), 2: (1, 2), 4: (2, 2), 6: (2, 3), 9: (3, 3)}   # columns, rows
GAP = 24.0                  # between slides, and between a slide and its ruled lines
LINES_PER_PAGE = 3
LINES_SLIDE_SHARE = 0.55    # of the content width, in the lines layout: the rest is for writing
RULE_PITCH = 27.0           # about 7 mm between ruled lines


@dataclass(frozen=True)
class Rules:
    """Ruled lines for the audience's notes, all of one length: left edge, width, the y of each line."""

    x: float
    w: float
    ys: tuple[float, ...]


@dataclass(frozen=True)
class Placed:
    """A slide on a sheet: its number in the deck, its box on the content area, and the ruled lines
    that go with it (beside it, then under it down to the foot of its row)."""

    number: int
    box: Box
    rules: tuple[Rules, ...] = ()

    @property
    def bottom(self) -> float:
        """How far down the slide and its lines reach."""
        return max([self.box.y + self.box.h, *(y for group in self.rules for y in group.ys)])


@dataclass(frozen=True)
class Sheet:
    """One printed page of the lines or grid layout; `height` is the part of the content box its
    slides take (the whole box, but on the last sheet only down to its last slide, so the list of
    links can follow on the same page)."""

    slides: tuple[Placed, ...]
    height: float


@dataclass(frozen=True)
class NotesPage:
    """A slide at the full text width and its speaker notes (light Markdown paragraphs) below.

    The notes layout flows: a slide and its notes follow the one before on the same page when the
    slide and the first lines of its notes fit there, and long notes run onto further pages."""

    number: int
    box: Box
    notes: tuple[str, ...]


@dataclass(frozen=True)
class Running:
    """The running header and footer: the talk's title and author, the date, "page {page} of {pages}"."""

    title: str
    author: str
    date: str
    page_of: str


@dataclass(frozen=True)
class ListedLink:
    """A link of the talk as the handout's last page lists it: label, full address, first slide."""

    label: str
    url: str
    shown: str
    number: int


@dataclass(frozen=True)
class HandoutPlan:
    """One handout file: its layout, paper, the slides' scale, and its sheets or notes pages."""

    talk_id: str
    lang: str
    layout: str
    paper: Paper
    content: Box
    scale: float
    running: Running
    sheets: tuple[Sheet, ...] = ()
    notes_pages: tuple[NotesPage, ...] = ()
    links: tuple[ListedLink, ...] = ()
    links_title: str = "Links"
    slide_word: str = "slide"

    def numbers(self) -> tuple[int, ...]:
        """The deck numbers of the slides shown, in order."""
        if self.layout == "notes":
            return tuple(page.number for page in self.notes_pages)
        return tuple(placed.number for sheet in self.sheets for placed in sheet.slides)


def shown_slides(deck: DeckPlan, talk: model.Talk) -> tuple[int, ...]:
    """The numbers of the deck's slides a handout shows: all but those marked `handout: false`."""
    left_out = {slide.id for slide in talk.slides if not slide.handout}
    return tuple(slide.number for slide in deck.slides if slide.id not in left_out)


def talk_links(deck: DeckPlan, numbers: tuple[int, ...]) -> tuple[ListedLink, ...]:
    """Every web and mail address the shown slides link to (closing links, links in the text and
    in the notes), each once, in the order of first use: what a reader of paper cannot click."""
    shown = set(numbers)
    found: dict[str, ListedLink] = {}
    for slide in deck.slides:
        if slide.number not in shown:
            continue
        pairs = [(link.label, link.url) for link in slide.links if link.url]
        for text in markdown_texts(slide):
            runs: dict[str, str] = {}
            for piece in inline_pieces(text):
                if piece.href:
                    runs[piece.href] = runs.get(piece.href, "") + piece.text
            pairs.extend((label, url) for url, label in runs.items())
        for label, url in pairs:
            if url not in found and url.lower().startswith(("http://", "https://", "mailto:")):
                shown_url = re.sub(r"^(https?://|mailto:)", "", url).rstrip("/")
                found[url] = ListedLink(plain(label).strip(), url, shown_url, slide.number)
    return tuple(found.values())


def running(talk: model.Talk, lang: str, built: _dt.datetime) -> Running:
    """The running header's and footer's words for a localized talk in `lang`."""
    return Running(plain(talk.title), plain(talk.author or ""), handout_date(talk.date, lang, built), page_of(lang))


def _chunks(numbers: tuple[int, ...], size: int) -> list[tuple[int, ...]]:
    return [numbers[i:i + size] for i in range(0, len(numbers), size)]


def _mirrored(x: float, w: float, area: Box, rtl: bool) -> float:
    """`x` of something `w` wide, mirrored across the content box in a right-to-left language."""
    return area.w - x - w if rtl else x


def _under(box: Box, x: float, w: float, bottom: float, pitch: float) -> tuple[Rules, ...]:
    """Lines `pitch` apart under a slide, from one pitch below it down to `bottom` (none if no room)."""
    ys, y = [], box.y + box.h + pitch
    while y <= bottom + 1e-6:
        ys.append(y)
        y += pitch
    return (Rules(x, w, tuple(ys)),) if ys else ()


def grid_sheets(numbers: tuple[int, ...], area: Box, per_page: int,
                rtl: bool = False) -> tuple[tuple[Sheet, ...], float]:
    """Sheets of `per_page` slides in rows and columns (the first at the top right in a right-to-left
    language), each slide as wide as its cell allows, at the top of it, and ruled lines under it
    down to the foot of the cell; and the slide width."""
    columns, rows = GRID_SHAPES[per_page]
    cell_w = (area.w - (columns - 1) * GAP) / columns
    cell_h = (area.h - (rows - 1) * GAP) / rows
    width = min(cell_w, cell_h / SLIDE_RATIO)
    height = slide_box(0, 0, width).h
    sheets = []
    for chunk in _chunks(numbers, per_page):
        placed = []
        for index, number in enumerate(chunk):
            row, column = divmod(index, columns)
            cell_x = _mirrored(column * (cell_w + GAP), cell_w, area, rtl)
            top = row * (cell_h + GAP)
            spare = cell_h - height
            # a slide that leaves no room for two lines under it is centred in its cell
            y = top if spare >= 2 * RULE_PITCH else top + spare / 2
            box = slide_box(cell_x + (cell_w - width) / 2, y, width)
            placed.append(Placed(number, box, _under(box, box.x, width, top + cell_h, RULE_PITCH)))
        sheets.append(Sheet(tuple(placed), area.h))
    return _last_cut(sheets), width


def lines_sheets(numbers: tuple[int, ...], area: Box, rtl: bool = False) -> tuple[tuple[Sheet, ...], float]:
    """Sheets of three slides a page, each row as tall as a third of the page: the slide on the
    side lines start from (the right in a right-to-left language), ruled lines beside it, then
    across the whole width under it down to the foot of its row; and the slide width."""
    row_h = (area.h - (LINES_PER_PAGE - 1) * GAP) / LINES_PER_PAGE
    width = min(area.w * LINES_SLIDE_SHARE, row_h / SLIDE_RATIO)
    height = slide_box(0, 0, width).h
    count = max(1, round(height / RULE_PITCH))
    pitch = height / count                  # the last line beside the slide level with its foot
    sheets = []
    for chunk in _chunks(numbers, LINES_PER_PAGE):
        placed = []
        for row, number in enumerate(chunk):
            y = row * (row_h + GAP)
            box = slide_box(_mirrored(0.0, width, area, rtl), y, width)
            beside = Rules(_mirrored(width + GAP, area.w - width - GAP, area, rtl), area.w - width - GAP,
                           tuple(y + pitch * k for k in range(1, count + 1)))
            placed.append(Placed(number, box, (beside, *_under(box, 0.0, area.w, y + row_h, pitch))))
        sheets.append(Sheet(tuple(placed), area.h))
    return _last_cut(sheets), width


def _last_cut(sheets: list[Sheet]) -> tuple[Sheet, ...]:
    """The sheets, the last one only as tall as its slides and their lines reach."""
    if sheets:
        last = sheets[-1]
        bottom = max(placed.bottom for placed in last.slides)
        sheets[-1] = Sheet(last.slides, min(last.height, bottom + 1))
    return tuple(sheets)


def plan_handout(deck: DeckPlan, talk: model.Talk, layout: str, *, paper: str = "a4", per_page: int = 6,
                 built: _dt.datetime | None) -> HandoutPlan:
    """The plan of the `layout` handout (notes, lines or grid) of a localized talk's deck."""
    sheet = PAPERS[paper]
    area = content_box(sheet)
    numbers = shown_slides(deck, talk)
    words = running(talk, deck.lang, built)
    links = dict(links=talk_links(deck, numbers), links_title=links_title(deck.lang),
                 slide_word=slide_word(deck.lang))
    if layout == "notes":
        width = area.w
        notes = {slide.number: slide.notes for slide in deck.slides}
        pages = tuple(NotesPage(n, slide_box(0.0, 0.0, width), notes[n]) for n in numbers)
        return HandoutPlan(talk.id, deck.lang, layout, sheet, area, width / SLIDE_W, words, notes_pages=pages,
                           **links)
    if layout == "lines":
        sheets, width = lines_sheets(numbers, area, deck.direction == "rtl")
    elif layout == "grid":
        sheets, width = grid_sheets(numbers, area, per_page, deck.direction == "rtl")
    else:
        raise ValueError(f"unknown handout layout '{layout}'")
    return HandoutPlan(talk.id, deck.lang, layout, sheet, area, width / SLIDE_W, words, sheets=sheets, **links)

