"""A long list of short bullets is set in two columns: the plan decides where the second column
starts, and the PPTX (numCol, as LibreOffice draws it), the slides PDF and the HTML deck (as
Chromium lays it out) all start it at that bullet."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation

from generator.cli import main
from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.plan.deck import plan_deck
from generator.plan.geometry import TWO_COLUMNS
from generator.theme import load_theme

SHORT = ["Git", "Docker Desktop", "A text editor", "Python 3.11", "Node.js", "make", "curl and jq", "GnuPG",
         "A password manager", "The VPN client"]
LONG = [f"Write down every port number service {n} listens on, and who may reach it" for n in range(10)]


def talk_yaml(bullets: list[str], sub: bool = True) -> str:
    lines = ["id: columns", "title: Short bullets", "lang: en", "slides:", "  - id: title", "    kind: title",
             "  - id: tools", "    kind: bullets", "    title: Tools on every laptop", "    build: one-by-one",
             "    bullets:"]
    for index, text in enumerate(bullets):
        if sub and index == 3:
            lines += [f"      - text: {text}", "        bullets:", "          - with pipx"]
        else:
            lines.append(f"      - {text}")
    return "\n".join(lines) + "\n"


def planned(tmp_path: Path, bullets: list[str]):
    folder = tmp_path / "columns"
    folder.mkdir(exist_ok=True)
    (folder / "talk.yaml").write_text(talk_yaml(bullets), "utf-8")
    loaded = load_talk(folder)
    theme = load_theme(loaded.talk.theme, loaded.directory.resolve())
    return plan_deck(localize(loaded, "en").talk, theme, lang="en").slide("tools")


def it_sets_eight_short_bullets_or_more_in_two_columns_and_no_other_list(tmp_path):
    assert TWO_COLUMNS == 8
    two = planned(tmp_path, SHORT)
    assert two.bullet_columns == 2 and len(SHORT) / 2 <= two.column_break < len(SHORT)
    assert planned(tmp_path, SHORT[:7]).bullet_columns == 1
    assert planned(tmp_path, LONG).bullet_columns == 1


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    root = tmp_path_factory.mktemp("columns")
    folder = root / "columns"
    folder.mkdir()
    (folder / "talk.yaml").write_text(talk_yaml(SHORT), "utf-8")
    out = root / "out"
    result = CliRunner().invoke(main, ["build", str(folder), "--format", "pptx,html,pdf", "--out", str(out),
                                       "--no-cache"])
    assert result.exit_code == 0, result.output
    deck = out / "columns" / "en"
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.fail("LibreOffice is missing: make test installs libreoffice-impress")
    converted = root / "lo"
    done = subprocess.run([soffice, f"-env:UserInstallation=file://{root / 'profile'}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(converted), str(deck / "columns-en.pptx")],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    loaded = load_talk(folder)
    plan = plan_deck(localize(loaded, "en").talk, load_theme(loaded.talk.theme, folder.resolve()), lang="en")
    return deck, converted / "columns-en.pdf", plan.slide("tools")


def word_boxes(pdf: Path, page: int) -> dict[str, tuple[float, float, float]]:
    """The first word of each line on a page: its left, its top and the page's width."""
    import re

    found = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
    width = float(re.search(r'<page width="([\d.]+)"', found).group(1))
    words = {}
    for x, y, text in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', found):
        words.setdefault(text, (float(x), float(y), width))
    return words


def assert_columns(words: dict, slide) -> None:
    """The first bullet of each column at the top of its half, the other bullets under it."""
    cut = slide.column_break
    first, second = slide.bullets[0].text.split()[0], slide.bullets[cut].text.split()[0]
    last_left = slide.bullets[cut - 1].text.split()[0]
    (x1, y1, width), (x2, y2, _) = words[first], words[second]
    assert x1 < width / 2 < x2, f"'{second}' should start the right-hand column"
    assert abs(y1 - y2) < 0.02 * width, f"'{second}' should stand level with '{first}'"
    assert words[last_left][0] < width / 2 and words[last_left][1] > y1


def it_starts_the_second_column_at_the_plans_bullet_in_the_pptx_as_libreoffice_draws_it(built):
    deck, converted, slide = built
    body = next(shape for shape in Presentation(str(deck / "columns-en.pptx")).slides[1].shapes
                if shape.has_text_frame and "Git" in shape.text_frame.text)
    props = body.element.find(".//{http://schemas.openxmlformats.org/drawingml/2006/main}bodyPr")
    assert props.get("numCol") == "2" and int(props.get("spcCol")) > 0
    assert_columns(word_boxes(converted, 2), slide)


def it_starts_the_second_column_at_the_plans_bullet_in_the_slides_pdf(built):
    deck, _, slide = built
    assert_columns(word_boxes(deck / "columns-en.pdf", 2), slide)


def it_starts_the_second_column_at_the_plans_bullet_in_the_html_deck(built, browser):
    deck, _, slide = built
    page = browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
    page.goto((deck / "columns-en.html").as_uri() + "#/2")
    page.wait_for_selector(".slide.current")
    boxes = page.evaluate("""() => [...document.querySelectorAll('.slide.current ul.bullets > li')].map(li => {
        const r = li.getBoundingClientRect(); return [r.left, r.top, r.right]; })""")
    slide_box = page.evaluate("""() => { const r = document.querySelector('.slide.current').getBoundingClientRect();
        return [r.left, r.width]; }""")
    middle = slide_box[0] + slide_box[1] / 2
    cut = slide.column_break
    assert len(boxes) == len(SHORT)
    assert all(right <= middle for _, _, right in boxes[:cut]), "the first column crosses the middle"
    assert all(left >= middle for left, _, _ in boxes[cut:]), "a bullet of the second column is left of the middle"
    assert abs(boxes[cut][1] - boxes[0][1]) < 2
