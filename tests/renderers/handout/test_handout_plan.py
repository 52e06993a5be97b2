"""The handout's plan and words: pure values, no PDF made."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from generator.i18n.localize import localize
from generator.renderers.handout.options import LAYOUTS, PER_PAGE, HandoutOptions, file_name
from generator.renderers.handout.paper import PAPERS, SLIDE_RATIO, content_box
from generator.renderers.handout.plan import GRID_SHAPES, RULE_PITCH, plan_handout, shown_slides
from generator.renderers.handout.words import css_string, handout_date, page_counter_content, page_of

BUILT = dt.datetime(2000, 1, 1)


@pytest.fixture(scope="module")
def fr(sample_talk):
    return localize(sample_talk, "fr").talk


def overlap(a, b) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def inside(box, area) -> bool:
    eps = 1e-6
    return box.x >= -eps and box.y >= -eps and box.x + box.w <= area.w + eps and box.y + box.h <= area.h + eps


def it_builds_every_layout_by_default_in_a_fixed_order():
    assert HandoutOptions().layouts == LAYOUTS == ("notes", "lines", "grid")
    assert HandoutOptions(("grid", "notes")).layouts == ("notes", "grid")
    assert HandoutOptions.of(None, None, "Letter") == HandoutOptions(LAYOUTS, 6, "letter")
    assert file_name("autour-de-docker", "fr", "lines") == "autour-de-docker-fr-handout-lines.pdf"


def it_keys_the_handouts_by_their_print_theme():
    assert HandoutOptions().print_theme == "light"
    assert HandoutOptions.of(("grid",), print_theme="Deck") == HandoutOptions(("grid",), print_theme="deck")
    assert repr(HandoutOptions.of(None, print_theme="deck")) != repr(HandoutOptions.of(None))   # the cache key differs


@pytest.mark.parametrize("kwargs", [{"layouts": ("grids",)}, {"per_page": 5}, {"paper": "a3"},
                                    {"print_theme": "sepia"}])
def it_refuses_options_it_does_not_offer(kwargs):
    with pytest.raises(ValueError):
        HandoutOptions(**kwargs)


def it_leaves_out_slides_marked_handout_false(fr, deck_plans):
    slides = tuple(s.model_copy(update={"handout": False}) if s.id == "compare-anyway" else s for s in fr.slides)
    edited = fr.model_copy(update={"slides": slides})
    shown = shown_slides(deck_plans["fr"], edited)
    assert len(shown) == len(fr.slides) - 1
    assert 4 not in shown and shown == tuple(n for n in range(1, len(fr.slides) + 1) if n != 4)
    for layout in LAYOUTS:
        assert 4 not in plan_handout(deck_plans["fr"], edited, layout, built=BUILT).numbers()


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("per_page", PER_PAGE)
def it_lays_a_grid_out_in_rows_and_columns_inside_the_page(fr, deck_plans, per_page, paper):
    plan = plan_handout(deck_plans["fr"], fr, "grid", paper=paper, per_page=per_page, built=BUILT)
    count = len(fr.slides)
    assert len(plan.sheets) == math.ceil(count / per_page)
    assert plan.numbers() == tuple(range(1, count + 1))
    columns, rows = GRID_SHAPES[per_page]
    for sheet in plan.sheets:
        boxes = [placed.box for placed in sheet.slides]
        assert len(boxes) <= per_page == columns * rows
        assert all(inside(box, plan.content) for box in boxes)
        assert not any(overlap(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:])
        assert all(box.h == pytest.approx(box.w * SLIDE_RATIO) for box in boxes)
        assert all(box.w == pytest.approx(plan.scale * 960) for box in boxes)


@pytest.mark.parametrize("paper", sorted(PAPERS))
def it_puts_three_slides_a_page_with_ruled_lines_beside_and_under_each(fr, deck_plans, paper):
    plan = plan_handout(deck_plans["fr"], fr, "lines", paper=paper, built=BUILT)
    area = plan.content
    assert len(plan.sheets) == math.ceil(len(fr.slides) / 3)
    assert [len(sheet.slides) for sheet in plan.sheets[:-1]] == [3] * (len(plan.sheets) - 1)
    for sheet in plan.sheets:
        for placed in sheet.slides:
            box, (beside, *under) = placed.box, placed.rules
            assert inside(box, area) and beside.x > box.x + box.w and beside.x + beside.w <= area.w + 1e-6
            assert len(beside.ys) >= 5 and all(box.y < y <= box.y + box.h + 1e-6 for y in beside.ys)
            assert box.w >= 0.5 * area.w and beside.w >= 0.4 * area.w - 1e-6     # room to write beside it
            assert all(rules.x == 0 and rules.w == area.w and min(rules.ys) > box.y + box.h for rules in under)
        # the rows share the page: the lines of the last one reach the foot of the content box
        assert sheet.slides[-1].bottom == pytest.approx(area.h, abs=RULE_PITCH) or sheet is plan.sheets[-1]


@pytest.mark.parametrize("paper", sorted(PAPERS))
@pytest.mark.parametrize("per_page", PER_PAGE)
def it_rules_lines_under_the_slides_of_a_grid_down_to_the_foot_of_their_cell(fr, deck_plans, per_page, paper):
    plan = plan_handout(deck_plans["fr"], fr, "grid", paper=paper, per_page=per_page, built=BUILT)
    first = plan.sheets[0]
    assert max(placed.bottom for placed in first.slides) > plan.content.h - 2 * RULE_PITCH
    for placed in first.slides:
        for rules in placed.rules:
            assert rules.x == placed.box.x and rules.w == placed.box.w
            assert min(rules.ys) > placed.box.y + placed.box.h and max(rules.ys) <= plan.content.h + 1e-6


def it_mirrors_the_sheets_of_a_right_to_left_language(fr, deck_plans):
    """Slide 1 at the top right of an Arabic grid, the slides of the lines layout on the right."""
    from dataclasses import replace

    deck = replace(deck_plans["fr"], direction="rtl")
    for layout in ("grid", "lines"):
        ltr, rtl = (plan_handout(d, fr, layout, per_page=6, built=BUILT) for d in (deck_plans["fr"], deck))
        width = rtl.content.w
        for left, right in zip(ltr.sheets[0].slides, rtl.sheets[0].slides):
            assert right.box.x == pytest.approx(width - left.box.x - left.box.w) and right.box.y == left.box.y
            assert [r.x for r in right.rules] == pytest.approx([width - r.x - r.w for r in left.rules])
    first, second = plan_handout(deck, fr, "grid", per_page=6, built=BUILT).sheets[0].slides[:2]
    assert first.box.x > second.box.x and first.box.y == second.box.y


def it_sets_each_slide_at_the_text_width_over_its_notes(fr, deck_plans):
    plan = plan_handout(deck_plans["fr"], fr, "notes", built=BUILT)
    assert plan.numbers() == tuple(range(1, len(fr.slides) + 1))
    assert all(page.notes == deck_plans["fr"].slides[page.number - 1].notes for page in plan.notes_pages)
    assert all(page.notes for page in plan.notes_pages)
    assert all(inside(page.box, plan.content) and page.box.w == plan.content.w for page in plan.notes_pages)
    # Two slides and their gap take under half a page: a page break never leaves more than half blank.
    assert plan.notes_pages[0].box.h < 0.45 * plan.content.h


@pytest.mark.parametrize("layout", LAYOUTS)
def it_cuts_the_last_sheet_to_its_slides_so_the_links_can_follow(fr, deck_plans, layout):
    plan = plan_handout(deck_plans["fr"], fr, layout, per_page=9, built=BUILT)
    for sheet in plan.sheets:
        bottom = max(placed.box.y + placed.box.h for placed in sheet.slides)
        assert bottom <= sheet.height <= plan.content.h
    if plan.sheets:
        assert all(sheet.height == plan.content.h for sheet in plan.sheets[:-1])
        per_sheet, columns = {"lines": (3, 1), "grid": (9, 3)}[layout]
        left = len(fr.slides) - (len(plan.sheets) - 1) * per_sheet       # on the last sheet
        shown = math.ceil(left / columns) / (per_sheet // columns)        # the share of rows it fills
        assert plan.sheets[-1].height < (shown + 0.05) * plan.content.h


def it_lists_every_link_once_in_the_order_of_first_use(fr, deck_plans):
    from dataclasses import replace

    from generator.plan.deck import Bullet, Link
    from generator.renderers.handout.plan import talk_links

    deck = deck_plans["fr"]
    slides = list(deck.slides)
    slides[2] = replace(slides[2], bullets=(Bullet("Lire [la doc](https://docs.docker.com/) et [ceci](../local.html)",
                                                   ("voir [*Podman*](https://podman.io)",)),),
                        notes=("Écrire à [l'équipe](mailto:team@example.org).",))
    slides[4] = replace(slides[4], links=(Link("Refusé", None), Link("Site", "https://example.org/talk/")))
    deck = replace(deck, slides=tuple(slides))
    listed = talk_links(deck, tuple(s.number for s in deck.slides))
    assert [(link.label, link.url, link.shown, link.number) for link in listed] == [
        ("la doc", "https://docs.docker.com/", "docs.docker.com", 3),
        ("Podman", "https://podman.io", "podman.io", 3),
        ("l'équipe", "mailto:team@example.org", "team@example.org", 3),
        ("Site", "https://example.org/talk/", "example.org/talk", 5),
    ]       # the closing slide's docs.docker.com is listed once, where it was first shown
    assert talk_links(deck, (1, 2, 4, 5))[0].label == "Site"     # left-out slides' links are not listed
    assert plan_handout(deck_plans["fr"], fr, "grid", built=BUILT).links_title == "Liens"


def it_fits_the_content_box_inside_the_margins_of_a4_and_letter():
    a4, letter = content_box(PAPERS["a4"]), content_box(PAPERS["letter"])
    assert PAPERS["a4"].width == pytest.approx(793.7, abs=0.1) and PAPERS["letter"].height == 1056
    assert 600 < a4.w < 700 and 900 < a4.h < 1000 and letter.w > a4.w and letter.h < a4.h


def it_says_page_x_of_y_in_the_decks_language():
    assert page_of("en") == "page {page} of {pages}"
    assert page_of("fr") == page_of("fr-CA") == "page {page} sur {pages}"
    assert page_of("de") == "Seite {page} von {pages}"
    assert page_of("qps") == page_of("sw") == page_of("en")
    assert page_counter_content("page {page} sur {pages}") == '"page " counter(page) " sur " counter(pages)'


def it_writes_css_strings_that_cannot_break_out():
    assert css_string('a"b\\c</style>') == '"a\\22 b\\5c c\\3c /style\\3e "'
    assert css_string("Équipe · 10 décembre") == '"Équipe · 10 décembre"'


def it_writes_the_talks_date_or_the_build_date_in_the_decks_language():
    assert handout_date("2026-12-10", "fr", BUILT) == "10 décembre 2026"
    assert handout_date("2026-12-10", "en", BUILT) == "December 10, 2026"
    assert handout_date("2026-12-10", "de", BUILT) == "10. Dezember 2026"
    assert handout_date(None, "fr", dt.datetime(2023, 11, 14, 22, 13)) == "14 novembre 2023"
    assert handout_date("2026-12-10", "qps", BUILT) == "2026-12-10"
    assert handout_date(None, "en", None) == ""   # no talk date, no SOURCE_DATE_EPOCH: no date at all


def it_puts_the_talks_words_in_the_running_header_and_footer(fr, sample_talk, deck_plans):
    plan = plan_handout(deck_plans["en"], localize(sample_talk, "en").talk, "grid", built=BUILT)
    assert plan.running.title == "All about Docker" and plan.running.author == "The deckgen team"
    assert plan.running.date == "December 10, 2026" and plan.running.page_of == "page {page} of {pages}"
