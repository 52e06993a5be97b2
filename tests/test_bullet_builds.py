"""`build: one-by-one` on a bullets slide: one click per bullet in PPTX, one step per bullet in HTML."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.test_term_bullets import AGENDA


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("builds")
    talk = root / "agenda"
    talk.mkdir()
    (talk / "talk.yaml").write_text(AGENDA.replace("    title: Agenda\n", "    title: Agenda\n    build: one-by-one\n")
                                    .replace("      - Containers: one kernel, many apps\n",
                                             "      - text: Containers\n        bullets: [one kernel, many apps]\n"),
                                    "utf-8")
    result = CliRunner().invoke(main, ["build", str(talk), "--format", "pptx,html", "--out", str(root / "out")])
    assert result.exit_code == 0, result.stderr
    return root / "out" / "agenda" / "en"


def it_gives_one_click_per_bullet_in_the_pptx_its_sub_bullets_with_it(built):
    from pptx import Presentation

    from generator.renderers.pptx.animation import click_steps
    from tests.renderers.pptx.validity import problems

    slide = Presentation(str(built / "agenda-en.pptx")).slides[0]
    steps = click_steps(slide._element)
    assert len(steps) == 4
    ranges = [(int(r.get("st")), int(r.get("end"))) for r in slide._element.iter(
        "{http://schemas.openxmlformats.org/presentationml/2006/main}pRg")]
    assert ranges == [(0, 0), (1, 1), (2, 4), (5, 5)]        # the third bullet and its two sub-bullets together
    assert problems(built / "agenda-en.pptx") == []


def it_gives_one_step_per_bullet_in_the_html(built, browser):
    page = browser.new_page(viewport={"width": 960, "height": 540})
    page.goto((built / "agenda-en.html").as_uri() + "#/1")
    page.wait_for_selector(".slide.current")
    hidden = lambda: page.locator("#slide-1 li[data-step].future").count()  # noqa: E731
    assert page.locator("#slide-1").get_attribute("data-steps") == "4"
    seen = [hidden()]
    for _ in range(3):
        page.keyboard.press("ArrowRight")
        seen.append(hidden())
    assert seen == [3, 2, 1, 0]
    page.close()
