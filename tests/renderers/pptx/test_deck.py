"""The PPTX deck read back with python-pptx: structure, native diagrams, notes, languages, bytes."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE, PP_PLACEHOLDER
from pptx.oxml.ns import qn

from generator.cli import main
from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.model import talk as model
from generator.renderers.pptx.animation import click_steps
from generator.plan.stack_diagram import layout_slide
from generator.text.markdown import paragraphs
from generator.text.markdown import plain
from generator.theme import load_theme
from tests.conftest import SAMPLE_TALK
from tests.renderers.pptx.validity import problems

FIXTURES = Path(__file__).parent / "fixtures"
FOREIGN = FIXTURES / "impress-template.pptx"


def build(out: Path, *extra: str):
    result = CliRunner().invoke(main, ["build", str(SAMPLE_TALK), "--format", "pptx", "--out", str(out), *extra])
    assert result.exit_code == 0, result.output + result.stderr
    return result


@pytest.fixture(scope="module")
def decks(tmp_path_factory):
    out = tmp_path_factory.mktemp("pptx")
    build(out)
    return out / "autour-de-docker"


@pytest.fixture(scope="module")
def talks():
    loaded = load_talk(SAMPLE_TALK)
    return {lang: localize(loaded, lang).talk for lang in ("fr", "en")}


def deck(decks, lang: str):
    return Presentation(str(decks / lang / f"autour-de-docker-{lang}.pptx"))


def leaves(shape):
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        for child in shape.shapes:
            yield from leaves(child)
    else:
        yield shape


def expected_title(talk: model.Talk, content) -> str | None:
    if content.kind == "statement":
        return content.text
    if content.title:
        return content.title
    if content.kind == "title":
        return talk.title
    return {"stack": lambda: talk.stack(content.stack).title,
            "comparison": lambda: talk.comparison(content.comparison).title,
            "graph": lambda: talk.graph(content.graph).title}.get(content.kind, lambda: None)()


@pytest.mark.parametrize("lang", ["fr", "en"])
def it_has_one_slide_per_content_slide_with_its_title_in_the_title_placeholder(decks, talks, lang):
    prs, talk = deck(decks, lang), talks[lang]
    assert len(prs.slides) == len(talk.slides)
    for slide, content in zip(prs.slides, talk.slides):
        title = expected_title(talk, content)
        if title is None:
            continue
        placeholder = slide.shapes.title
        assert placeholder is not None, content.id
        assert placeholder.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        assert placeholder.text_frame.text.replace("\v", " ") == plain(title)     # on the plan's line breaks


@pytest.mark.parametrize("lang", ["fr", "en"])
def it_puts_the_speaker_notes_of_every_slide_in_its_notes_page(decks, talks, lang):
    for slide, content in zip(deck(decks, lang).slides, talks[lang].slides):
        assert slide.has_notes_slide, content.id
        shown = slide.notes_slide.notes_text_frame.text.split("\n")
        assert shown == [plain(line) for line in paragraphs(content.notes)]


def it_draws_stacks_as_native_grouped_shapes_one_per_layout_box(decks, talks):
    prs, talk, theme = deck(decks, "fr"), talks["fr"], load_theme("default")
    checked = 0
    for slide, content in zip(prs.slides, talk.slides):
        if content.kind not in ("stack", "stacks"):
            continue
        assert not [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]
        groups = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP]
        names = [leaf.name for group in groups for leaf in leaves(group)]
        diagram = layout_slide(talk, content, theme, width=864, height=380)
        assert sorted(names) == sorted(box.id for box in diagram.boxes)
        for group in groups:
            descr = group._element.xpath("./p:nvGrpSpPr/p:cNvPr")[0].get("descr")
            assert descr and len(descr) > 5, group.name
        checked += 1
    assert checked == 3


def it_writes_layer_text_editable_in_the_shapes(decks, talks):
    slide = deck(decks, "fr").slides[[s.id for s in talks["fr"].slides].index("vm-stack")]
    texts = [leaf.text_frame.text for group in slide.shapes if group.shape_type == MSO_SHAPE_TYPE.GROUP
             for leaf in leaves(group) if leaf.has_text_frame]
    assert any(t.startswith("Hyperviseur") for t in texts)
    assert sum(t.startswith("Système invité") for t in texts) == 3
    badges = [leaf for group in slide.shapes if group.shape_type == MSO_SHAPE_TYPE.GROUP
              for leaf in leaves(group) if leaf.name.endswith("__badge")]
    # a badge is one line in its pill: a client with slightly wider metrics must not break "700 Mo"
    assert len(badges) == 3 and all(b.text_frame.word_wrap is False for b in badges)


def it_builds_stacks_one_click_per_layer(decks, talks):
    prs, talk = deck(decks, "fr"), talks["fr"]
    for slide, content in zip(prs.slides, talk.slides):
        steps = click_steps(slide._element)
        if content.kind == "code":
            assert len(steps) == len(content.steps)       # one click per highlighted range
            continue
        if getattr(content, "build", "none") != "bottom-up":
            assert steps == []
            continue
        stack = talk.stack(content.stack)
        assert len(steps) == len(stack.layers)
        groups = {g.shape_id: g for g in slide.shapes if g.shape_type == MSO_SHAPE_TYPE.GROUP}
        for level, ids in enumerate(steps):
            layer_ids = {leaf.name.split("--")[1] for i in ids for leaf in leaves(groups[i])
                         if "__" not in leaf.name}
            assert layer_ids == {stack.layers[level].id}


def it_draws_graphs_as_native_shapes_with_alt_text(decks, talks):
    talk = talks["fr"]
    content = next(s for s in talk.slides if s.kind == "graph")
    graph = talk.graph(content.graph)
    slide = deck(decks, "fr").slides[talk.slides.index(content)]
    groups = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP]
    assert len(groups) == 1
    descr = groups[0]._element.xpath("./p:nvGrpSpPr/p:cNvPr")[0].get("descr")
    assert "Démon Docker" in descr
    names = {leaf.name: leaf for leaf in leaves(groups[0])}
    for node in graph.nodes:
        assert names[f"{graph.id}--{node.id}__label"].text_frame.text == node.label
        assert names[f"{graph.id}--{node.id}__icon"].shape_type == MSO_SHAPE_TYPE.PICTURE
    arrows = [n for n in names if n.endswith("__arrow")]
    assert len(arrows) == len(graph.edges)


def it_makes_the_comparison_a_real_table_with_the_favoured_values_in_bold(decks, talks):
    talk = talks["en"]
    content = next(s for s in talk.slides if s.kind == "comparison")
    comparison = talk.comparison(content.comparison)
    slide = deck(decks, "en").slides[talk.slides.index(content)]
    table = next(s for s in slide.shapes if s.has_table).table
    cells = [[table.cell(r, c).text_frame.text.replace("\v", " ") for c in range(len(table.columns))]
             for r in range(len(table.rows))]
    header = [""] + [talk.stack(s).title for s in comparison.subjects]
    rows = [[plain(row.aspect)] + [plain(row.values.get(s, "")) for s in comparison.subjects] for row in comparison.rows]
    assert cells == [header, *rows]
    for r, row in enumerate(comparison.rows, start=1):
        for c, subject in enumerate(comparison.subjects, start=1):
            bold = table.cell(r, c).text_frame.paragraphs[0].runs[0].font.bold
            assert bool(bold) == (row.favours == subject)


@pytest.mark.parametrize("lang,tag", [("fr", "fr-FR"), ("en", "en-US")])
def it_tags_every_run_with_the_decks_language(decks, lang, tag):
    for slide in deck(decks, lang).slides:
        parts = [slide._element] + ([slide.notes_slide._element] if slide.has_notes_slide else [])
        for element in parts:
            runs = list(element.iter(qn("a:r"))) + list(element.iter(qn("a:fld")))
            for run in runs:
                props = run.find(qn("a:rPr"))
                assert props is not None and props.get("lang") == tag


def it_never_relies_on_autofit(decks):
    for slide in deck(decks, "fr").slides:
        for body in slide._element.iter(qn("a:bodyPr")):
            assert body.find(qn("a:normAutofit")) is None


def it_numbers_slides_and_puts_the_talk_title_in_the_footer(decks, talks):
    prs = deck(decks, "en")
    kinds_of = {s.id: s.kind for s in talks["en"].slides}
    sections = 0
    for number, slide in enumerate(prs.slides, start=1):
        kinds = {p.placeholder_format.type: p.text_frame.text for p in slide.placeholders}
        if number == 1:
            continue
        if slide.shapes[0].name == "Colour field":      # a section slide, all colour field: no footer on it
            sections += 1
            assert PP_PLACEHOLDER.FOOTER not in kinds and PP_PLACEHOLDER.SLIDE_NUMBER not in kinds
            continue
        assert kinds.get(PP_PLACEHOLDER.FOOTER) == talks["en"].title
        assert kinds.get(PP_PLACEHOLDER.SLIDE_NUMBER) == str(number)
    assert sections == list(kinds_of.values()).count("section")


def it_is_16_by_9_and_carries_the_metadata(decks, talks):
    prs = deck(decks, "fr")
    assert (prs.slide_width, prs.slide_height) == (12192000, 6858000)
    assert prs.core_properties.title == talks["fr"].title
    assert prs.core_properties.language == "fr-FR"


def it_gives_the_same_bytes_on_every_build(decks, tmp_path):
    import zipfile

    with zipfile.ZipFile(decks / "fr" / "autour-de-docker-fr.pptx") as package:
        stamps = {info.date_time for info in package.infolist()}
    from generator.build.clock import build_time

    assert stamps == {build_time().timetuple()[:6]}  # the build time (SOURCE_DATE_EPOCH), not the save time
    build(tmp_path)
    for lang in ("fr", "en"):
        name = f"autour-de-docker-{lang}.pptx"
        first = hashlib.sha256((decks / lang / name).read_bytes()).hexdigest()
        second = hashlib.sha256((tmp_path / "autour-de-docker" / lang / name).read_bytes()).hexdigest()
        assert first == second


def it_dates_the_document_from_source_date_epoch(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1765324800")  # 2025-12-10
    build(tmp_path, "--lang", "fr")
    prs = Presentation(str(tmp_path / "autour-de-docker" / "fr" / "autour-de-docker-fr.pptx"))
    assert prs.core_properties.created.date().isoformat() == "2025-12-10"


def it_keeps_a_foreign_templates_look_and_falls_back_on_its_layouts(tmp_path, talks):
    result = build(tmp_path, "--lang", "en", "--template", str(FOREIGN))
    assert "has no 'Section Header' layout; using" in result.stderr
    prs = Presentation(str(tmp_path / "autour-de-docker" / "en" / "autour-de-docker-en.pptx"))
    template = Presentation(str(FOREIGN))
    assert (prs.slide_width, prs.slide_height) == (template.slide_width, template.slide_height)
    assert [l.name for l in prs.slide_layouts] == [l.name for l in template.slide_layouts]
    # Its look: the master's text styles (Arial, as LibreOffice writes them) are kept, and the
    # text we put in its placeholders names no font of its own, so that look applies.
    fonts = ".//p:sp[.//p:ph]//a:latin/@typeface"
    kept = set(prs.slide_master.element.xpath(fonts))
    assert kept == set(template.slide_master.element.xpath(fonts)) and "Arial" in kept
    for slide in prs.slides:
        for placeholder in slide.placeholders:
            if placeholder.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE):
                assert all(run.font.name is None for p in placeholder.text_frame.paragraphs for run in p.runs)
    layouts = {}      # the first slide of each kind (a continued slide further on shifts the rest)
    for slide, content in zip(prs.slides, talks["en"].slides):
        layouts.setdefault(content.kind, slide.slide_layout.name)
    assert layouts["bullets"] == "Title, Content"
    assert layouts["stack"] == "Title Only"
    # The body and the title never share a place, even though the template repeats an index.
    bullets = next(s for s, c in zip(prs.slides, talks["en"].slides) if c.kind == "bullets")
    title, body = bullets.shapes.title, [p for p in bullets.placeholders if p.shape_id != bullets.shapes.title.shape_id][0]
    assert body.top >= title.top + title.height


def it_measures_a_templates_text_in_the_templates_font():
    from generator.renderers.pptx.fonts import measure_for_template
    from generator.renderers.pptx.template import open_template

    measure, warnings = measure_for_template(open_template(FOREIGN), load_theme("default"), FOREIGN.name)
    assert warnings == []
    assert Path(measure.regular).name == "LiberationSans-Regular.ttf"   # Arial's metrics


def it_opens_a_potx_template(tmp_path, decks):
    import zipfile

    source = Path(__file__).resolve().parents[3] / "templates" / "default" / "template.pptx"
    potx = tmp_path / "corporate.potx"
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(potx, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                data = data.replace(b"presentation.main+xml", b"template.main+xml")
            dst.writestr(info, data)
    build(tmp_path / "out", "--lang", "fr", "--template", str(potx))
    path = tmp_path / "out" / "autour-de-docker" / "fr" / "autour-de-docker-fr.pptx"
    built = Presentation(str(path))
    assert len(built.slides) == len(deck(decks, "fr").slides)
    assert problems(path) == []


def it_continues_bullets_that_cannot_fit_on_new_slides_and_reports_it(tmp_path):
    import shutil

    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    path = talk / "talk.yaml"
    long_bullets = "\n".join(f"      - Un point très long numéro {i} qui ne tiendra jamais sur la diapositive" for i in range(40))
    path.write_text(path.read_text("utf-8").replace(
        "    bullets:\n      - Binaires et bibliothèques sont empaquetés dans des images Docker",
        "    bullets:\n" + long_bullets + "\n      - Binaires et bibliothèques sont empaquetés dans des images Docker"),
        encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(talk), "--format", "pptx", "--lang", "fr", "--out",
                                       str(tmp_path / "out")])
    assert result.exit_code == 0
    found = re.search(r"talk\.yaml:\d+:\d+: warning: slide 'docker-images' is continued on (\d) slides", result.stderr)
    assert found, result.stderr
    deck = Presentation(str(tmp_path / "out" / "autour-de-docker" / "fr" / "autour-de-docker-fr.pptx"))
    parts = int(found[1])
    titles = [s.shapes.title.text_frame.text for s in deck.slides if s.shapes.title is not None]
    assert [t for t in titles if re.search(r"\(\d/\d\)$", t)] == \
        [f"Tout tient dans l’image ({i}/{parts})" for i in range(1, parts + 1)]     # French typography: ’
    assert len(deck.slides) == 21 + parts - 1
    strict = CliRunner().invoke(main, ["build", str(talk), "--format", "pptx", "--lang", "fr", "--strict",
                                       "--out", str(tmp_path / "strict")])
    assert strict.exit_code == 1
    assert not (tmp_path / "strict").exists()


def it_uses_the_layouts_a_talk_names_for_a_kind_of_slide(tmp_path):
    import shutil

    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    path = talk / "talk.yaml"
    path.write_text(path.read_text("utf-8").replace("theme: default\n", "theme: default\nlayouts: {statement: Blank}\n"),
                    encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(talk), "--format", "pptx", "--lang", "fr", "--out", str(tmp_path / "o")])
    assert result.exit_code == 0, result.stderr
    path = tmp_path / "o" / "autour-de-docker" / "fr" / "autour-de-docker-fr.pptx"
    prs = Presentation(str(path))
    assert problems(path) == []
    statements = [s for s in prs.slides if s.slide_layout.name == "Blank"]
    assert len(statements) == 3
    assert any("n’est pas une machine" in shape.text_frame.text.replace("\v", " ")
               for shape in statements[0].shapes if shape.has_text_frame)


def it_draws_the_closing_text_link_and_footer_in_the_themes_colours(decks, talks):
    theme = load_theme("default")
    slide = deck(decks, "fr").slides[-1]
    runs = [r for shape in slide.shapes if shape.has_text_frame for p in shape.text_frame.paragraphs for r in p.runs]
    text = next(r for r in runs if r.text.startswith("À vous de jouer"))
    link = next(r for r in runs if r.hyperlink.address)
    assert str(text.font.color.rgb) == theme.colors["text"].lstrip("#").upper()      # under the colour field
    assert str(link.font.color.rgb) == theme.colors["accent"].lstrip("#").upper()
    footer = next(r for r in runs if r.text == talks["fr"].title)
    fill = footer._r.find(qn("a:rPr")).find(qn("a:solidFill")).find(qn("a:srgbClr"))
    assert fill.get("val") == theme.colors["muted"].lstrip("#").upper()
