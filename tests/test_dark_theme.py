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


def it_ships_a_light_print_variant_of_the_dark_theme_that_passes_the_contrast_check():
    from generator.theme.printing import is_dark, print_contrast_problems, print_theme

    dark, default = load_theme("dark"), load_theme("default")
    light = print_theme(dark)
    assert is_dark(dark) and not is_dark(light) and light.name == "dark (print)"
    assert (light.body, light.sizes, list(light.kinds)) == (dark.body, dark.sizes, list(dark.kinds))
    assert colors(light)["paper"] == colors(light)["background"] == "#FFFFFF"
    assert theme_contrast_problems(light, "templates/dark/theme.yaml") == []
    assert print_contrast_problems(dark, "templates/dark/theme.yaml") == []
    assert print_theme(default) is default and print_theme(dark, "deck") is dark


def it_plans_the_print_variant_exactly_as_the_deck(sample_talk):
    """Only colours change: every slide's boxes and lines are the deck's."""
    from generator.i18n.localize import localize
    from generator.plan.deck import plan_deck
    from generator.theme.printing import print_theme

    talk, dark = localize(sample_talk, "fr").talk, load_theme("dark")
    deck, printed = (plan_deck(talk, theme, lang="fr") for theme in (dark, print_theme(dark)))
    assert [(s.id, s.heading, s.bullets, s.content) for s in deck.slides] == \
        [(s.id, s.heading, s.bullets, s.content) for s in printed.slides]


def dark_talk(place: Path) -> Path:
    talk = place / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk, ignore=shutil.ignore_patterns("output"))
    yaml = talk / "talk.yaml"
    yaml.write_text(yaml.read_text("utf-8").replace("theme: default", "theme: dark"), "utf-8")
    return talk


def build_handouts(talk: Path, out: Path, *args: str):
    from click.testing import CliRunner

    from generator.cli import main

    result = CliRunner().invoke(main, ["build", str(talk), "--lang", "en", "--format", "handout",
                                       "--handout", "lines,grid", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return out / talk.name / "en", result.output


def page_colours(pdf: Path, page: int = 0) -> tuple[float, float]:
    """A rendered page's mean luminance (0 to 255) and its share of pixels in the dark theme's
    slide background (#111827)."""
    from PIL import ImageStat

    from tests.renderers.handout.reading import rendered_pages

    picture = rendered_pages(pdf)[page]
    width, height = picture.size
    pixels = picture.load()
    slate = sum(1 for y in range(height) for x in range(width)
                if sum(abs(c - d) for c, d in zip(pixels[x, y], (17, 24, 39))) < 24)
    return ImageStat.Stat(picture.convert("L")).mean[0], slate / (width * height)


@pytest.fixture(scope="module")
def dark_handouts(tmp_path_factory):
    """The dark sample's English lines and grid handouts, printed light (the default) and in the
    deck's colours, built one after the other with one build cache."""
    place = tmp_path_factory.mktemp("dark-handouts")
    talk = dark_talk(place)
    light, _ = build_handouts(talk, place / "light")
    deck, _ = build_handouts(talk, place / "deck", "--print-theme", "deck")
    return light, deck


@pytest.mark.parametrize("layout", ["lines", "grid"])
def it_prints_a_dark_deck_light(dark_handouts, layout):
    light, deck = dark_handouts
    name = f"autour-de-docker-en-handout-{layout}.pdf"
    for page in (0, 1):
        mean, slate = page_colours(light / name, page)
        assert mean > 230 and slate < 0.001, (page, mean, slate)        # white paper, light slides
        mean, slate = page_colours(deck / name, page)
        assert mean < 215 and slate > 0.1, (page, mean, slate)          # the deck's own: dark blocks


def it_draws_the_printed_slides_in_the_light_variants_colours(dark_handouts):
    """No colour of the dark theme that the light variant lacks is drawn in the printed slides;
    the variant's white background and dark text are (colours as the PDF writes them)."""
    import re

    from pypdf import PdfReader

    from generator.renderers.pdf.canvas import rgb
    from generator.theme.printing import print_theme

    dark, light = load_theme("dark"), print_theme(load_theme("dark"))

    def written(theme) -> set[str]:
        values = {*colors(theme).values(), graph_node_fill(colors(theme))}
        values |= {getattr(style, part) for style in theme.kinds.values() for part in ("fill", "stroke", "text")}
        return {rgb(value) for value in values}

    dark_only = written(dark) - written(light)
    used = set()
    for page in PdfReader(dark_handouts[0] / "autour-de-docker-en-handout-grid.pdf").pages:
        for name, form in (page["/Resources"].get("/XObject") or {}).items():
            if name.startswith("/Slide"):
                ops = form.get_object().get_data().decode("latin-1")
                used |= set(re.findall(r"([\d.]+ [\d.]+ [\d.]+) (?:rg|RG)\b", ops))
    assert dark_only and not used & dark_only, used & dark_only
    assert {rgb(colors(light)["background"]), rgb(colors(light)["text"])} <= used


def pale_talk(tmp_path):
    """The dark sample in a theme whose print variant has a muted text too pale on white."""
    talk = dark_talk(tmp_path / "content")
    templates = tmp_path / "templates" / "pale"
    templates.mkdir(parents=True)
    (templates / "theme.yaml").write_text('name: pale\nextends: dark\nprint:\n  colors: {muted: "#D1D5DB"}\n', "utf-8")
    yaml = talk / "talk.yaml"
    yaml.write_text(yaml.read_text("utf-8").replace("theme: dark", "theme: pale"), "utf-8")
    return talk


def it_warns_of_a_print_variant_under_the_contrast_minimum(tmp_path):
    talk = pale_talk(tmp_path)
    _, output = build_handouts(talk, tmp_path / "out", "--handout", "grid")
    assert "theme 'pale (print)': muted text on background: #D1D5DB on #FFFFFF" in output
    assert "[theme.contrast]" in output


def it_refuses_a_malformed_print_section(project):
    from generator.theme.printing import print_theme

    write_theme(project, "odd", 'name: odd\nextends: dark\nprint:\n  colours: {accent: "#000000"}\n')
    with pytest.raises(ContentError) as caught:
        print_theme(load_theme("odd", project))
    assert caught.value.diagnostics[0].code == "theme.invalid" and "print:" in caught.value.diagnostics[0].message


def it_warns_of_a_print_variant_under_the_contrast_minimum_in_check(tmp_path):
    from click.testing import CliRunner

    from generator.cli import main

    talk = pale_talk(tmp_path)
    result = CliRunner().invoke(main, ["check", str(talk), "--lang", "fr"])
    assert result.exit_code == 0, result.output         # a warning: the deck itself is sound
    assert "theme 'pale (print)': muted text on background: #D1D5DB on #FFFFFF" in result.output
    assert "warning:" in result.output and "[theme.contrast]" in result.output
