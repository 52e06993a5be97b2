"""Stack diagrams as SVG (and PNG): valid, accessible, self-contained, the same bytes every run."""

from __future__ import annotations

import io
import re
import xml.etree.ElementTree as ET

import pytest

from generator.plan.stack_diagram import layout_stacks
from generator.model.talk import Layer, Stack
from generator.renderers.diagrams.stack_svg import emit_stack_svg
from generator.theme import load_theme

NS = {"svg": "http://www.w3.org/2000/svg"}
APPS = ("Appli Python", "Appli Ruby", "Appli Node.js")


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


def vm_stack(**changes) -> Stack:
    fields = dict(id="vm", title="Machines virtuelles", columns=APPS, layers=(
        Layer(id="infrastructure", label="Infrastructure", kind="hardware", detail="Portable, serveur dédié"),
        Layer(id="host-os", label="Système d'exploitation hôte", kind="os"),
        Layer(id="hypervisor", label="Hyperviseur", kind="virtualization"),
        Layer(id="guest-os", label="Système invité", kind="os", per_column=True, badge="700 Mo"),
        Layer(id="apps", label="{column}", kind="app", per_column=True),
    ))
    fields.update(changes)
    return Stack(**fields)


def containers_stack() -> Stack:
    return Stack(id="containers", title="Conteneurs Docker", columns=APPS, layers=(
        Layer(id="infrastructure", label="Infrastructure", kind="hardware"),
        Layer(id="host-os", label="Système d'exploitation hôte", kind="os"),
        Layer(id="docker-daemon", label="Démon Docker", kind="runtime"),
        Layer(id="apps", label="{column}", kind="app", per_column=True),
    ))


def side_by_side_svg(theme, **options) -> tuple[object, str]:
    diagram = layout_stacks([vm_stack(), containers_stack()], theme, lang="fr", diagram_id="side-by-side",
                            highlight=("hypervisor", "docker-daemon"), legend={"os": "Système"}, **options)
    return diagram, emit_stack_svg(diagram, theme)


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def test_the_svg_parses_as_xml_with_its_size(theme):
    diagram, svg = side_by_side_svg(theme)
    root = parse(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == f"0 0 {diagram.width:g} {diagram.height:g}"


def test_the_svg_is_an_image_labelled_by_its_title_and_description(theme):
    diagram, svg = side_by_side_svg(theme)
    root = parse(svg)
    assert root.get("role") == "img"
    title_id, desc_id = root.get("aria-labelledby").split()
    title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
    assert (title.get("id"), desc.get("id")) == (title_id, desc_id)
    assert list(root)[:2] == [title, desc]
    assert title.text == "Machines virtuelles et Conteneurs Docker" == diagram.title
    assert desc.text == diagram.description
    assert "Hyperviseur" in desc.text and "700 Mo" in desc.text
    assert root.get("lang") == "fr"


def test_the_svg_references_nothing_outside_itself(theme):
    _, svg = side_by_side_svg(theme)
    root = parse(svg)
    for element in root.iter():
        assert element.tag.split("}")[1] not in {"image", "use", "script", "style", "foreignObject", "a"}
        for name, value in element.attrib.items():
            assert "href" not in name.lower(), (element.tag, name)
            assert "url(" not in value and "://" not in value, (element.tag, name, value)
    assert "href" not in svg
    assert "@import" not in svg


def test_the_svg_names_the_theme_font_with_fallbacks(theme):
    _, svg = side_by_side_svg(theme)
    family = parse(svg).get("font-family")
    assert family.startswith("'Calibri'") and "'Carlito'" in family and family.endswith("sans-serif")


def test_two_renders_are_byte_identical(theme):
    _, first = side_by_side_svg(theme)
    _, second = side_by_side_svg(theme)
    assert first.encode() == second.encode()


def test_numbers_have_at_most_two_decimals(theme):
    _, svg = side_by_side_svg(theme)
    assert not re.search(r"\d\.\d{3,}", svg)


def test_ids_are_unique_and_prefixed_with_the_diagram_id(theme):
    diagram, svg = side_by_side_svg(theme)
    ids = [e.get("id") for e in parse(svg).iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    assert all(i.startswith("side-by-side") for i in ids)
    assert "side-by-side--vm--guest-os--2__badge" in ids
    other = emit_stack_svg(layout_stacks([vm_stack()], theme, diagram_id="vm-stack"), theme)
    assert not set(ids) & {e.get("id") for e in parse(other).iter() if e.get("id")}


def test_every_box_is_a_group_with_its_build_step(theme):
    diagram = layout_stacks([vm_stack()], theme, build="bottom-up", diagram_id="vm-stack")
    root = parse(emit_stack_svg(diagram, theme))
    groups = {g.get("id"): g for g in root.findall("svg:g", NS)}
    assert root.get("data-steps") == str(diagram.steps) == "5"
    for box in diagram.boxes:
        group = groups[f"vm-stack--{box.id}"]
        assert group.get("data-step") == str(box.step)
    assert groups["vm-stack--vm--guest-os--1"].get("data-step") == "4"
    assert groups["vm-stack--vm--guest-os--1"].get("data-column") == "1"


def test_every_line_of_text_is_drawn_where_the_layout_put_it(theme):
    diagram, svg = side_by_side_svg(theme)
    root = parse(svg)
    for box in diagram.boxes:
        group = root.find(f"svg:g[@id='side-by-side--{box.id}']", NS)
        texts = group.findall("svg:text", NS)
        expected = [(line, baseline, block.size) for block in box.texts
                    for line, baseline in zip(block.lines, block.baselines)]
        assert [t.text for t in texts] == [e[0] for e in expected]
        for text, (_, baseline, size) in zip(texts, expected):
            assert float(text.get("y")) == pytest.approx(baseline, abs=0.006)
            assert float(text.get("font-size")) == pytest.approx(size)


def test_highlighted_layers_are_drawn_with_the_highlight_stroke(theme):
    _, svg = side_by_side_svg(theme)
    root = parse(svg)
    rect = root.find("svg:g[@id='side-by-side--vm--hypervisor']/svg:rect", NS)
    assert rect.get("stroke") == theme.colors["highlight"]
    assert "highlighted" in root.find("svg:g[@id='side-by-side--containers--docker-daemon']", NS).get("class")
    plain = root.find("svg:g[@id='side-by-side--vm--host-os']/svg:rect", NS)
    assert plain.get("stroke") != theme.colors["highlight"]


def test_text_is_escaped(theme):
    tricky = 'R&D <moteur> "rapide" \x01'
    stack = Stack(id="s", title="A & B < C", layers=(Layer(id="x", label=tricky, kind="os"),))
    diagram = layout_stacks([stack], theme, diagram_id="tricky")
    root = parse(emit_stack_svg(diagram, theme))
    drawn = " ".join(t.text for t in root.find("svg:g[@id='tricky--s--x']", NS).findall("svg:text", NS))
    assert drawn.replace("\x01", "") == " ".join(diagram.box("s--x").label.lines).replace("\x01", "")
    assert root.find("svg:title", NS).text == "A & B < C"


# --- PNG --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def cairosvg():
    return pytest.importorskip("cairosvg", reason="cairosvg (with libcairo2) renders PNG")


def pixels(png: bytes):
    from PIL import Image
    return Image.open(io.BytesIO(png)).convert("RGB")


def test_png_has_the_diagram_size_times_the_scale(theme, cairosvg):
    from generator.renderers.diagrams.png import emit_png
    diagram, svg = side_by_side_svg(theme)
    png = emit_png(svg, theme, scale=2)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert pixels(png).size == (round(diagram.width * 2), round(diagram.height * 2))
    assert emit_png(svg, theme, scale=2) == png


def test_png_text_is_set_in_the_measuring_font(theme, cairosvg):
    """Whatever the SVG names first, the PNG's text is drawn in Carlito, the font the layout measured."""
    from generator.renderers.diagrams.png import emit_png
    stack = Stack(id="s", title="Typographie", layers=(Layer(id="x", label="Hyperviseur mémoire", kind="os"),))
    svg = emit_stack_svg(layout_stacks([stack], theme, width=400, height=120), theme)

    def with_family(family: str) -> str:
        return re.sub(r'font-family="[^"]*"', f'font-family="{family}"', svg)

    carlito, serif = drawn(with_family("Carlito")).tobytes(), drawn(with_family("DejaVu Serif")).tobytes()
    assert carlito != serif
    for first in ("Calibri", "DejaVu Serif"):
        png = pixels(emit_png(with_family(first), theme, scale=1, background="#FFFFFF"))
        assert png.tobytes() == carlito, first


def drawn(svg: str):
    """The SVG drawn by the program the PNG diagrams use, exactly as it names its fonts."""
    import shutil
    import subprocess

    if shutil.which("rsvg-convert") is None:
        import cairosvg

        return pixels(cairosvg.svg2png(bytestring=svg.encode(), scale=1, background_color="#FFFFFF"))
    return pixels(subprocess.run(["rsvg-convert", "--format", "png", "--background-color", "#FFFFFF"],
                                 input=svg.encode(), capture_output=True, check=True).stdout)


@pytest.mark.parametrize("lang, label, title, face", [
    ("ja", "仮想マシンのハイパーバイザー", "仮想マシン", "Noto Sans CJK JP"),
    ("ar", "نظام التشغيل المضيف", "الآلات الافتراضية", "Noto Sans Arabic")])
def test_png_text_in_other_scripts_is_drawn_by_their_face(theme, lang, label, title, face):
    """Characters the body face lacks are drawn by the theme's face for their script, shaped
    (Arabic letters joined, right to left): the same pixels as the SVG naming that face alone."""
    import shutil

    from generator.renderers.diagrams.png import emit_png
    if shutil.which("rsvg-convert") is None:
        pytest.skip("librsvg's rsvg-convert draws PNG diagrams in other scripts")
    stack = Stack(id="s", title=title, layers=(Layer(id="x", label=label, kind="os"),))
    svg = emit_stack_svg(layout_stacks([stack], theme, width=400, height=120, lang=lang, legend={"os": title}),
                         theme)
    png = pixels(emit_png(svg, theme, scale=1, background="#FFFFFF")).tobytes()
    alone = re.sub(r'font-family="[^"]*"', f"font-family=\"'{face}'\"", svg)
    assert png == drawn(alone).tobytes()
    tofu = re.sub(r'font-family="[^"]*"', "font-family=\"'Carlito'\"", svg).replace(label, "\ue000" * len(label)).replace(
        title, "\ue000" * len(title))
    assert png != drawn(tofu).tobytes()


def test_a_font_fontconfig_does_not_know_is_refused(cairosvg):
    import shutil
    from generator.renderers.diagrams.png import require_fontconfig_family
    from generator.theme import MissingFontError
    if shutil.which("fc-match") is None:
        pytest.skip("fontconfig's fc-match is not installed")
    require_fontconfig_family("Carlito", "Carlito-Regular.ttf")
    with pytest.raises(MissingFontError):
        require_fontconfig_family("No Such Family Zq", "NoSuchFamily.ttf")
