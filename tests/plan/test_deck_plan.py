"""The HTML deck's plan: headings, build steps, fitted sizes, the comparison, refused links."""

from __future__ import annotations

import pytest

from generator.i18n.localize import localize
from generator.plan.measure import TextMeasure
from generator.model.talk import ClosingSlide, Link
from generator.plan.geometry import BODY
from generator.plan.deck import plan_deck
from generator.theme import load_theme


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


@pytest.fixture(scope="module")
def measure(theme):
    return TextMeasure.for_theme(theme)


@pytest.fixture(scope="module", params=["fr", "en"])
def plan(request, sample_talk, theme, measure):
    talk = localize(sample_talk, request.param).talk
    return plan_deck(talk, theme, measure, lang=request.param, byline="Équipe · Meetup")


def it_numbers_every_slide_from_one_in_talk_order(plan, sample_talk):
    assert [s.id for s in plan.slides] == [s.id for s in sample_talk.talk.slides]
    assert [s.number for s in plan.slides] == list(range(1, len(plan.slides) + 1))


def it_gives_the_title_slide_the_one_h1_and_every_other_slide_an_h2(plan):
    levels = [s.heading_level for s in plan.slides]
    assert levels[0] == 1 and levels.count(1) == 1 and set(levels[1:]) == {2}
    assert all(s.heading.text for s in plan.slides)


def it_leaves_the_footer_off_the_title_and_section_slides_only(plan):
    assert [s.footer for s in plan.slides] == [s.kind not in ("title", "section") for s in plan.slides]


def it_draws_each_section_slide_on_a_field_as_large_as_the_slide(plan):
    sections = [s for s in plan.slides if s.kind == "section"]
    assert sections
    for slide in sections:
        assert (slide.field.x, slide.field.y, slide.field.w, slide.field.h) == (0, 0, plan.geometry.slide_w,
                                                                                  plan.geometry.slide_h)
        block_top = slide.heading.rect.y + slide.heading.rect.h - len(slide.heading.lines) * slide.heading.size * 1.2
        block_bottom = (slide.subtitle or slide.heading).rect.y + (slide.subtitle or slide.heading).rect.h
        middle = (block_top + block_bottom) / 2
        assert abs(middle - plan.geometry.slide_h / 2) < 0.15 * plan.geometry.slide_h, "title block off the middle"
    for slide in plan.slides:
        if slide.kind in ("title", "closing"):
            assert slide.field == plan.geometry.field


def it_builds_the_vm_stack_one_level_per_step(plan):
    vm = next(s for s in plan.slides if s.id == "vm-stack")
    assert vm.steps == 6 == vm.diagram.steps
    assert sorted({box.step for box in vm.diagram.boxes if box.role == "layer"}) == [1, 2, 3, 4, 5, 6]
    # laid out in the content box and the diagram's inner margin around it
    assert (vm.diagram.width, vm.diagram.height) == (vm.content.w, vm.content.h) == (BODY.w + 16, BODY.h + 16)
    side = next(s for s in plan.slides if s.id == "side-by-side")
    assert side.steps == 1 and {b.layer_id for b in side.diagram.boxes if b.highlighted} == {"hypervisor",
                                                                                            "docker-daemon"}


def it_fits_every_text_of_the_sample_talk(plan):
    assert plan.problems == ()
    bullets = [s for s in plan.slides if s.bullets]
    assert bullets and all(28 <= s.bullet_size <= 32 for s in bullets)


def it_emphasises_the_favoured_cells_of_the_comparison(plan):
    table = next(s for s in plan.slides if s.table is not None).table
    assert len(table.subjects) == 2 and len(table.rows) == 7
    favoured = [[c.favoured for c in row.cells] for row in table.rows]
    assert favoured.count([False, True]) == 6 and favoured.count([False, False]) == 1
    assert abs(sum(table.widths) - 100) < 0.01


def it_keeps_one_level_of_sub_bullets(plan):
    slide = next(s for s in plan.slides if s.id == "use-cases")
    assert [len(b.subs) for b in slide.bullets] == [2, 2]


def it_keeps_the_notes_as_paragraphs_of_light_markdown(plan):
    slide = next(s for s in plan.slides if s.id == "vm-stack")
    assert len(slide.notes) == 4 and any("**" in p for p in slide.notes)


def it_refuses_a_link_that_is_not_http_https_or_mailto(sample_talk, theme, measure):
    talk = sample_talk.talk
    closing = ClosingSlide.model_construct(id="closing", kind="closing", title="Merci", text="Bye", links=(
        Link.model_construct(label="Piège", url="javascript:alert(1)"),
        Link.model_construct(label="Docs", url="https://docs.docker.com/")), notes=None, layout=None,
        handout=True)
    talk = talk.model_copy(update={"slides": (*talk.slides[:-1], closing)})
    plan = plan_deck(talk, theme, measure, lang="fr")
    links = plan.slides[-1].links
    assert [(link.label, link.url) for link in links] == [("Piège", None), ("Docs", "https://docs.docker.com/")]
    assert plan.refused_links == ("javascript:alert(1)",)
