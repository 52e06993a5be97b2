"""The dark theme: it passes the contrast check the default passes, a bad theme does not, and
its PPTX template, PowerPoint deck and HTML deck really are light text on a dark slide."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from generator.theme.contrast import colors, contrast_ratio, graph_node_fill, theme_contrast_problems
from generator.errors import ContentError
from generator.theme import TEMPLATES_DIR, load_theme
from tests.conftest import SAMPLE_TALK

SHIPPED = ("default", "dark")
A = "{http://schemas.openxmlformats.org/drawingml/2006/main}"
P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"


@pytest.mark.parametrize("name", SHIPPED)
def it_ships_themes_that_pass_the_contrast_check(name):
    theme = load_theme(name)
    assert theme_contrast_problems(theme, f"templates/{name}/theme.yaml") == []


def it_takes_what_it_does_not_set_from_the_default_theme():
    dark, default = load_theme("dark"), load_theme("default")
    built_in = TEMPLATES_DIR.resolve()
    assert dark.name == "dark" and dark.parents == (built_in / "default",)
    assert (dark.body, dark.heading, dark.code, dark.sizes) == (default.body, default.heading, default.code,
                                                                default.sizes)
    assert dark.font_path("Carlito-Regular.ttf") == default.font_path("Carlito-Regular.ttf")
    assert dark.file("template.pptx") == built_in / "dark" / "template.pptx"
    assert set(dark.kinds) == set(default.kinds)
    assert not (TEMPLATES_DIR / "dark" / "html").exists() and not (TEMPLATES_DIR / "dark" / "fonts").exists()


@pytest.fixture()
def project(tmp_path) -> Path:
    """A project folder with the sample talk in it and room for themes of its own."""
    talk = tmp_path / "content" / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk, ignore=shutil.ignore_patterns("output"))
    (tmp_path / "templates").mkdir()
    return talk


def write_theme(project: Path, name: str, text: str) -> None:
    folder = project.parent.parent / "templates" / name
    folder.mkdir()
    (folder / "theme.yaml").write_text(text, "utf-8")


def it_reports_a_bad_theme_with_both_colours_and_the_ratio(project):
    write_theme(project, "murky", "name: murky\nextends: dark\ncolors:\n  muted: \"#4B5563\"\n"
                "kinds:\n  os: {fill: \"#172A4D\", stroke: \"#1E3A8A\", text: \"#DBEAFE\"}\n")
    theme = load_theme("murky", project)
    problems = theme_contrast_problems(theme, "templates/murky/theme.yaml")
    messages = [p.message for p in problems]
    assert {p.code for p in problems} == {"theme.contrast"} and all(p.severity == "error" for p in problems)
    muted = contrast_ratio("#4B5563", "#111827")
    assert (f"theme 'murky': muted text on background: #4B5563 on #111827 has a contrast of {muted:.2f}:1, "
            "under the 4.5:1 WCAG AA asks") in messages
    outline = contrast_ratio("#1E3A8A", "#111827")
    assert (f"theme 'murky': os outline (stroke) on background: #1E3A8A on #111827 has a contrast of "
            f"{outline:.2f}:1, under the 3:1 WCAG AA asks") in messages


def it_refuses_a_theme_that_extends_itself_in_a_loop(project):
    write_theme(project, "ping", "name: ping\nextends: pong\n")
    write_theme(project, "pong", "name: pong\nextends: ping\n")
    with pytest.raises(ContentError) as caught:
        load_theme("ping", project)
    assert caught.value.diagnostics[0].code == "theme.invalid"


def it_makes_a_template_whose_master_is_the_themes_dark_background_and_light_text():
    from pptx import Presentation

    palette = colors(load_theme("dark"))
    prs = Presentation(str(TEMPLATES_DIR / "dark" / "template.pptx"))
    master = prs.slide_master.element
    fill = master.find(f"{P}cSld/{P}bg/{P}bgPr/{A}solidFill/{A}srgbClr")
    assert fill.get("val") == palette["background"].lstrip("#")
    assert master.find(f"{P}clrMap").get("tx1") == "lt1" and master.find(f"{P}clrMap").get("bg1") == "dk1"
    for style in ("titleStyle", "bodyStyle", "otherStyle"):
        first = master.find(f"{P}txStyles/{P}{style}/{A}lvl1pPr/{A}defRPr/{A}solidFill/{A}srgbClr")
        assert first.get("val") == palette["text"].lstrip("#"), style
    scheme = prs.slide_master.part.part_related_by(
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme").blob.decode()
    assert f'<a:dk1><a:srgbClr val="{palette["background"][1:]}"/></a:dk1>' in scheme
    assert f'<a:lt1><a:srgbClr val="{palette["text"][1:]}"/></a:lt1>' in scheme


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    """The sample talk in French with `theme: dark`, as PPTX and HTML."""
    from generator.build.targets import build

    place = tmp_path_factory.mktemp("dark")
    talk = place / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk, ignore=shutil.ignore_patterns("output"))
    yaml = talk / "talk.yaml"
    yaml.write_text(yaml.read_text("utf-8").replace("theme: default", "theme: dark"), "utf-8")
    build([talk], langs=["fr"], formats=["pptx", "html"], out=place / "out")
    return place / "out" / "autour-de-docker" / "fr"


def it_draws_every_pptx_colour_from_the_theme(built):
    """No colour of the light theme (white cells, the old grey first column) is left in the deck."""
    from pptx import Presentation

    theme = load_theme("dark")
    palette = {value.lstrip("#") for value in (*colors(theme).values(), graph_node_fill(colors(theme)))}
    palette |= {getattr(style, part).lstrip("#") for style in theme.kinds.values()
                for part in ("fill", "stroke", "text")}
    prs = Presentation(str(built / "autour-de-docker-fr.pptx"))
    written = set()
    for slide in prs.slides:
        written |= {element.get("val") for element in slide.element.iter(f"{A}srgbClr")}
    assert written and written <= palette, written - palette


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def it_renders_light_text_on_a_dark_slide_in_libreoffice(built, tmp_path):
    from PIL import Image
    from pptx import Presentation

    # one bullets slide: the text LibreOffice draws there comes from the template's master styles
    prs = Presentation(str(built / "autour-de-docker-fr.pptx"))
    keep = 2                                      # "2014 : l'ère des « VM légères »", a bullets slide
    slides = prs.slides._sldIdLst
    for index, entry in reversed(list(enumerate(slides))):
        if index != keep:
            prs.part.drop_rel(entry.rId)
            slides.remove(entry)
    one = tmp_path / "one.pptx"
    prs.save(str(one))
    subprocess.run(["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/profile", "--convert-to",
                    "png", "--outdir", str(tmp_path), str(one)], check=True, capture_output=True, timeout=120)
    image = Image.open(tmp_path / "one.png").convert("L")
    levels, total = image.histogram(), image.width * image.height
    assert sum(levels[:40]) > 0.8 * total        # the master's background, dark
    assert sum(levels[200:]) > 0.003 * total     # the title and bullets, light


def it_paints_the_html_slides_in_the_themes_background(built, browser):
    page = browser.new_page(viewport={"width": 960, "height": 540})
    page.goto((built / "autour-de-docker-fr.html").as_uri() + "#/3")
    found = page.evaluate("""() => {
        const slide = document.querySelector('.slide.current');
        return [getComputedStyle(slide).backgroundColor, getComputedStyle(slide.querySelector('h2, h1')).color,
                getComputedStyle(document.documentElement).backgroundColor]; }""")
    page.close()
    assert found == ["rgb(17, 24, 39)", "rgb(243, 244, 246)", "rgb(3, 7, 18)"]
