"""Code slides: highlighted tokens in every format, a build step per highlighted range, lines never wrapped."""

from __future__ import annotations

import subprocess

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import SAMPLE_TALK

CODE_TALK = """\
id: code
title: Code
lang: en
slides:
  - id: dockerfile
    kind: code
    title: An image
    language: {language}
    code: |
      FROM python:3.12-slim
      RUN apt-get update \\
       && apt-get install -y libpq-dev
      COPY requirements.txt .
      RUN pip install -r requirements.txt
      {extra}
    steps: {steps}
"""


def talk(root, language="dockerfile", extra="CMD python app.py", steps='["2-3", "4-5"]'):
    folder = root / "code"
    folder.mkdir(exist_ok=True)
    (folder / "talk.yaml").write_text(CODE_TALK.format(language=language, extra=extra, steps=steps), "utf-8")
    return folder


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    out = tmp_path_factory.mktemp("sample-code")
    result = CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--format", "pptx,html,handout",
                                       "--handout", "notes", "--out", str(out)])
    assert result.exit_code == 0, result.stderr
    return out / "autour-de-docker"


def code_slide_index(lang="fr"):
    from generator.content.talk import load_talk

    return [s.id for s in load_talk(SAMPLE_TALK).talk.slides].index("dockerfile")


def it_writes_real_coloured_monospace_runs_in_the_pptx_with_a_click_per_step(sample):
    from pptx import Presentation

    from generator.renderers.pptx.animation import click_steps
    from generator.theme import load_theme
    from tests.renderers.pptx.validity import problems

    theme = load_theme("default")
    deck = sample / "fr" / "autour-de-docker-fr.pptx"
    slide = Presentation(str(deck)).slides[code_slide_index()]
    box = next(s for s in slide.shapes if s.name == "code dockerfile")
    lines = [p.text for p in box.text_frame.paragraphs]
    assert lines[0] == "FROM python:3.12-slim" and lines[1].startswith("RUN apt-get update")
    runs = [r for p in box.text_frame.paragraphs for r in p.runs]
    assert {r.font.name for r in runs} == {"Courier New"}
    keyword = next(r for r in runs if r.text == "FROM")
    assert str(keyword.font.color.rgb) == theme.colors["code-keyword"].lstrip("#") and keyword.font.bold
    assert len(click_steps(slide._element)) == 2
    assert problems(deck) == []


def it_draws_spans_in_the_html_and_marks_each_steps_lines_in_the_browser(sample, browser):
    page = browser.new_page(viewport={"width": 960, "height": 540})
    number = code_slide_index() + 1
    page.goto((sample / "en" / "autour-de-docker-en.html").as_uri() + f"#/{number}")
    page.wait_for_selector(".slide.current")
    section = f"#slide-{number}"
    assert page.locator(f"{section} .tok-keyword").first.text_content() == "FROM"
    marked = lambda: [int(x) for x in page.eval_on_selector_all(  # noqa: E731
        f"{section} .line.marked", "els => els.map(e => e.dataset.line)")]
    assert marked() == [2, 3]
    assert page.locator(f"{section} .line.dimmed").count() == 6
    page.keyboard.press("ArrowRight")
    assert marked() == [5, 6]
    page.close()


def it_prints_the_code_as_text_in_the_handout(sample):
    pdf = sample / "fr" / "autour-de-docker-fr-handout-notes.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "FROM python:3.12-slim" in text and "libpq-dev" in text


def it_reports_a_line_too_long_at_the_floor(tmp_path):
    folder = talk(tmp_path, extra="RUN echo " + "x" * 120)
    result = CliRunner().invoke(main, ["check", str(folder)])
    assert "code (line 6) of slide 'dockerfile' does not fit at the minimum size in en" in result.stderr
    assert "[fit.code]" in result.stderr


def it_refuses_an_unknown_language_and_a_step_past_the_last_line(tmp_path):
    result = CliRunner().invoke(main, ["check", str(talk(tmp_path, language="dockerfil", steps='["2-3", "9"]'))])
    assert result.exit_code == 1
    assert "unknown code language 'dockerfil' [ref.language]" in result.stderr and "'dockerfile'" in result.stderr
    assert "step '9' names a line the code does not have (it has 6) [schema.steps]" in result.stderr


def it_keeps_an_untitled_code_slides_heading_invisible_but_readable_in_the_pdf(tmp_path):
    """Without a title the slide shows no heading, but its PDF page still has one for screen
    readers and searching (drawn as invisible text: rendering mode 3)."""
    from pypdf import PdfReader

    folder = talk(tmp_path)
    text = (folder / "talk.yaml").read_text("utf-8").replace("    title: An image\n", "    caption: An image\n")
    (folder / "talk.yaml").write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--format", "pdf", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    page = PdfReader(str(tmp_path / "out" / "code" / "en" / "code-en.pdf")).pages[0]
    content = page.get_contents().get_data().decode("latin-1")
    hidden = content[content.index("3 Tr"):]             # the heading, drawn before the state is restored
    assert hidden.index("/H2 <</MCID 0>> BDC") < hidden.index("EMC") < hidden.index("Q")
    assert "An image" in page.extract_text()


def it_titles_each_part_of_an_untitled_long_code_slide_alike_in_the_pptx_and_the_pdf(tmp_path):
    from pptx import Presentation
    from pypdf import PdfReader

    folder = tmp_path / "long"
    folder.mkdir()
    lines = "\n".join(f"      echo line {n}" for n in range(70))
    (folder / "talk.yaml").write_text("id: long\ntitle: Code\nlang: en\nslides:\n  - id: script\n    kind: code\n"
                                      f"    caption: A long script\n    language: bash\n    code: |\n{lines}\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(folder), "--format", "pptx,pdf", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    out = tmp_path / "out" / "long" / "en"
    slides = Presentation(str(out / "long-en.pptx")).slides
    assert len(slides) > 1
    titles = [slide.shapes.title.text_frame.text if slide.shapes.title is not None else None for slide in slides]
    assert titles == [f"A long script ({n}/{len(slides)})" for n in range(1, len(slides) + 1)]
    pages = PdfReader(str(out / "long-en.pdf")).pages
    assert [titles[n] in " ".join(page.extract_text().split()) for n, page in enumerate(pages)] == [True] * len(pages)
