"""The default theme's type scale and grid, as the plan applies them: one left edge and one title
box for every kind of slide, body text at PowerPoint's sizes or larger, lists spread over the
content box, diagrams as large as the box allows, titles and statements in balanced lines."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.text.markdown import plain
from generator.plan import geometry as g
from generator.plan.breaks import balanced_lines, wrap_width
from generator.plan.deck import Bullet, plan_deck
from generator.theme import load_theme
from tests.conftest import ROOT, SAMPLE_TALK

DENSE = ROOT / "tests" / "content" / "dense-stacks"
EVERY_KIND = """
  - id: with-a-title
    kind: statement
    title: Une phrase
    text: Les VM isolent des systèmes, Docker isole des applications.
  - id: four
    kind: bullets
    title: Quatre points
    bullets: [Un, Deux, Trois, Quatre]
  - id: columns
    kind: two-columns
    title: Deux colonnes
    left: {heading: À gauche, bullets: [Un, Deux]}
    right: {heading: À droite, text: Un paragraphe.}
  - id: photo
    kind: image
    title: Une image
    src: photo.png
    alt: Un cadre blanc
"""


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


def _plan(talk_dir: Path, lang: str, theme, byline: str = "Équipe deckgen · Meetup conteneurs"):
    return plan_deck(localize(load_talk(talk_dir), lang).talk, theme, lang=lang, byline=byline)


@pytest.fixture(scope="module")
def every_kind(tmp_path_factory, theme):
    """The sample talk with a titled statement, a four-item list, two columns and a picture added."""
    talk = tmp_path_factory.mktemp("kinds") / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    (talk / "locales" / "en.po").unlink()
    source = (talk / "talk.yaml").read_text("utf-8").replace("translations: [en]\n", "")
    (talk / "talk.yaml").write_text(source.rstrip("\n") + "\n" + EVERY_KIND, "utf-8")
    Image.new("RGB", (400, 300), "#1D63ED").save(talk / "photo.png")
    return _plan(talk, "fr", theme)


@pytest.fixture(scope="module", params=["sample-fr", "sample-en", "dense-en", "dense-de"])
def plan(request, theme):
    name, lang = request.param.split("-")
    return _plan(SAMPLE_TALK if name == "sample" else DENSE, lang, theme)


def it_sets_a_type_scale_at_powerpoints_sizes_or_larger(theme):
    sizes = theme.sizes
    assert sizes["title"] >= 40 and sizes["body"] >= 28
    assert sizes["title-slide"] > sizes["section"] > sizes["title"] > sizes["subtitle"] >= sizes["body"] * 0.85
    assert sizes["body"] > sizes["secondary"] > sizes["caption"] > sizes["footer"]


def it_starts_every_title_and_content_box_on_one_left_edge(every_kind, plan):
    kinds = {slide.kind for slide in every_kind.slides}
    for deck in (every_kind, plan):
        for slide in deck.slides:
            texts = [t for t in (slide.heading, slide.subtitle, slide.byline, slide.event) if t is not None]
            if not slide.qr:
                texts += [slide.text] if slide.text is not None and slide.kind != "code" else []
            for text in texts:
                assert text.rect.x == g.MARGIN_X, (slide.id, text.text)
            if slide.kind in ("bullets", "comparison", "code", "two-columns", "image"):
                assert slide.content.x == g.MARGIN_X and slide.content.w == g.CONTENT_W, slide.id
            if slide.diagram is not None:      # drawn boxes inside the content box, edge to edge when wide
                left = slide.content.x + min(b.x for b in slide.diagram.boxes)
                right = slide.content.x + max(b.right for b in slide.diagram.boxes)
                assert g.MARGIN_X - 0.01 <= left and right <= g.MARGIN_X + g.CONTENT_W + 0.01, slide.id
                if right - left > g.CONTENT_W - 1:
                    assert left == pytest.approx(g.MARGIN_X), slide.id
            if slide.qr_rect is not None:
                assert slide.qr_rect.x + slide.qr_rect.w == pytest.approx(g.MARGIN_X + g.CONTENT_W)
    assert kinds >= {"title", "section", "statement", "bullets", "stack", "stacks", "comparison", "graph", "code",
                     "closing", "two-columns", "image"}


def it_puts_every_content_title_at_the_same_place_and_every_cover_title_on_the_same_line(every_kind, plan):
    for deck in (every_kind, plan):
        for slide in deck.slides:
            heading = slide.heading.rect
            if slide.kind == "section":      # all colour field: its title block in the middle
                top = g.DIVIDER_TITLE.y
                bottom = g.DIVIDER_SUBTITLE.y + g.DIVIDER_SUBTITLE.h
                if slide.subtitle is not None:
                    assert heading.y + heading.h == pytest.approx(g.DIVIDER_TITLE.y + g.DIVIDER_TITLE.h), slide.id
                else:
                    assert heading.y - top == pytest.approx(bottom - heading.y - heading.h), slide.id
                assert heading.y >= top and heading.y + heading.h <= bottom
            elif slide.kind in ("title", "closing"):
                assert heading.y + heading.h == pytest.approx(g.COVER_TITLE.y + g.COVER_TITLE.h), slide.id
                assert heading.y >= g.COVER_TITLE.y and heading.y + heading.h <= g.FIELD.h
            elif not (slide.kind == "statement" and slide.text is None):
                assert (heading.x, heading.y, heading.w) == (g.TITLE.x, g.TITLE.y, g.TITLE.w), slide.id
                assert heading.h <= g.TITLE.h and heading.y + heading.h <= g.BODY.y
    content_titles = [s.heading.size for s in every_kind.slides if s.kind not in ("title", "section", "closing")
                      and not (s.kind == "statement" and s.text is None)]
    assert content_titles and set(content_titles) == {44.0}


@pytest.mark.parametrize("lang", ["fr", "en"])
def it_sets_the_sample_talks_bullets_at_28_pt_or_more(theme, lang):
    deck = _plan(SAMPLE_TALK, lang, theme)
    lists = [s for s in deck.slides if s.kind == "bullets"]
    assert len(lists) == 6
    for slide in lists:
        assert slide.bullet_size >= 28, (slide.id, slide.bullet_size)


def it_spreads_a_list_of_four_over_at_least_60_percent_of_the_content_box(every_kind, theme):
    four = every_kind.slide("four")
    # short, yet at the deck's one bullet size (the size most of its lists fit at), not larger
    assert four.bullet_size == min(s.bullet_size for s in every_kind.slides if s.kind == "bullets")
    assert four.content.h >= 0.6 * g.BODY.h
    assert four.bullet_gap > g.BULLET_GAP * four.bullet_size           # spread apart, not stuck at the top
    room = g.BODY.h - four.content.h                                   # and balanced: a little above the middle
    assert four.content.y - g.BODY.y == pytest.approx(room * g.BALANCE)
    sample = _plan(SAMPLE_TALK, "en", theme).slide("lightweight-vms")
    assert len(sample.bullets) == 4 and sample.content.h >= 0.6 * g.BODY.h


def it_keeps_every_list_inside_the_content_box(every_kind, plan):
    for deck in (every_kind, plan):
        for slide in deck.slides:
            if slide.kind == "bullets":
                assert g.BODY.y <= slide.content.y and slide.content.y + slide.content.h <= g.BODY.y + g.BODY.h + 0.01
                assert g.BULLET_GAP * slide.bullet_size - 0.5 <= slide.bullet_gap <= g.BULLET_GAP_MAX * slide.bullet_size


def it_draws_every_diagram_over_85_percent_of_the_content_box(plan):
    drawn = 0
    for slide in plan.slides:
        if slide.diagram is not None:
            boxes = slide.diagram.boxes
            w = max(b.right for b in boxes) - min(b.x for b in boxes)
            h = max(b.bottom for b in boxes) - min(b.y for b in boxes)
        elif slide.graph is not None:
            w, h = slide.content.w, slide.content.h
            assert g.BODY.x <= slide.content.x and slide.content.x + w <= g.BODY.x + g.BODY.w + 0.01
        else:
            continue
        drawn += 1
        assert w >= 0.85 * g.BODY.w or h >= 0.85 * g.BODY.h, (slide.id, w, h)
    assert drawn >= 3


def it_fills_the_content_box_with_the_comparison(theme):
    deck = _plan(SAMPLE_TALK, "fr", theme)
    table = deck.slide("differences").table
    assert sum(table.heights) >= 0.95 * g.BODY.h and table.rect.y + table.rect.h <= g.BODY.y + g.BODY.h + 0.01
    assert table.pad_y > g.CELL_PAD_Y                                   # rows grown alike to fill it


def it_breaks_titles_statements_and_cells_in_balanced_lines(theme):
    deck = _plan(SAMPLE_TALK, "fr", theme)
    measure = __import__("generator.plan.measure", fromlist=["TextMeasure"]).TextMeasure.for_theme(theme, "fr")
    statement = deck.slide("not-vms").heading
    assert " ".join(statement.lines) == plain(statement.text)
    greedy = measure.wrap(plain(statement.text), wrap_width(statement.rect.w), statement.size, True).lines
    assert len(statement.lines) == len(greedy) == 2
    widths = [measure.width(line, statement.size, True) for line in statement.lines]
    assert max(widths) < max(measure.width(line, statement.size, True) for line in greedy)
    assert min(widths) / max(widths) > 0.8                              # "…n'est pas une machine / virtuelle." no more
    for row in deck.slide("differences").table.rows:
        for cell in row.cells:
            assert " ".join(cell.lines) == plain(cell.text)
    assert balanced_lines(measure, "court", 500, 40, True) == ("court",)


def it_keeps_a_safety_margin_so_no_client_adds_a_line(theme, plan):
    from generator.plan.measure import TextMeasure

    measure = TextMeasure.for_theme(theme, plan.lang)
    for slide in plan.slides:
        for sized in (slide.heading, slide.subtitle, slide.byline, slide.event):
            if sized is None or not sized.lines:
                continue
            for line in sized.lines:
                assert measure.width(line, sized.size, True) <= sized.rect.w * (1 - g.WRAP_MARGIN) + 0.01


def it_breaks_bullets_where_their_lines_were_counted(theme):
    deck = _plan(SAMPLE_TALK, "fr", theme)
    for slide in deck.slides:
        for bullet in slide.bullets:
            assert isinstance(bullet, Bullet) and " ".join(bullet.lines).replace("- ", "-") == \
                plain(bullet.text).replace("- ", "-")
            assert len(bullet.sub_lines) == len(bullet.subs)
