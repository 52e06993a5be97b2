"""Every format shows the same picture: the dense four-stack slide has the same boxes, line breaks
and sizes in the PPTX (read back), the HTML deck (its DOM in Chromium) and the standalone SVG."""

from __future__ import annotations

from pathlib import Path
from xml.etree import ElementTree

import pytest
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE

from generator.build.targets import build

DENSE = Path(__file__).resolve().parents[2] / "content" / "dense-stacks"
SLIDE, NUMBER = "four-ways", 2
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dense")
    build([DENSE], langs=["de"], formats=["diagrams", "pptx", "html"], out=out)
    return out / "dense-stacks" / "de"


def _blocks(texts) -> tuple:
    """(lines, size) of each text block: consecutive lines of one size and weight."""
    blocks = []
    for text, size, bold in texts:
        if blocks and blocks[-1][1:] == [size, bold]:
            blocks[-1][0].append(text)
        else:
            blocks.append([[text], size, bold])
    return tuple((tuple(lines), size) for lines, size, _ in blocks)


def from_svg(path: Path) -> dict:
    root = ElementTree.parse(path).getroot()
    found = {}
    for group in root.iter(f"{SVG}g"):
        box_id = group.get("id").split("--", 1)[1]
        texts = [(t.text, round(float(t.get("font-size")), 2), t.get("font-weight") == "bold")
                 for t in group.iter(f"{SVG}text")]
        found[box_id] = _blocks(texts)
    return found


def _leaves(shape):
    if shape.shape_type == MSO_SHAPE_TYPE.GROUP:
        for child in shape.shapes:
            yield from _leaves(child)
    else:
        yield shape


def from_pptx(path: Path) -> dict:
    slide = Presentation(str(path)).slides[NUMBER - 1]
    found = {}
    for group in (s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP):
        for leaf in _leaves(group):
            texts = []
            for paragraph in leaf.text_frame.paragraphs:
                if not paragraph.runs:
                    continue
                size, bold = round(paragraph.runs[0].font.size.pt, 2), bool(paragraph.runs[0].font.bold)
                texts.extend((line, size, bold) for line in paragraph.text.split("\v"))
            found[leaf.name] = _blocks(texts)
    return found


def from_html(browser, path: Path) -> tuple[dict, list]:
    page = browser.new_page()
    page.goto(path.as_uri() + f"#/{NUMBER}")
    result = page.evaluate("""(number) => {
        const found = {}, outside = [];
        for (const group of document.querySelectorAll(`#slide-${number} svg g[id]`)) {
            const id = group.id.replace(/^s\\d+-/, '').split('--').slice(1).join('--');
            found[id] = [...group.querySelectorAll('text')].map(t => [t.textContent,
                Math.round(parseFloat(t.getAttribute('font-size')) * 100) / 100, t.getAttribute('font-weight') === 'bold']);
            const rect = group.querySelector('rect');
            if (!rect || !group.classList.contains('layer')) continue;
            const r = rect.getBBox();
            for (const t of group.querySelectorAll('text')) {
                const b = t.getBBox();   // the browser's own measure of the drawn line
                if (b.x < r.x - 1 || b.x + b.width > r.x + r.width + 1 || b.y < r.y - 1 || b.y + b.height > r.y + r.height + 1)
                    outside.push([id, t.textContent]);
            }
        }
        return [found, outside];
    }""", NUMBER)
    page.close()
    found, outside = result
    return {box_id: _blocks([tuple(t) for t in texts]) for box_id, texts in found.items()}, outside


def it_draws_the_same_lines_at_the_same_sizes_in_pptx_html_and_svg(built, browser):
    svg = from_svg(built / "diagrams" / f"{SLIDE}.svg")
    pptx = from_pptx(built / "dense-stacks-de.pptx")
    html, outside = from_html(browser, built / "dense-stacks-de.html")
    layers = {k: v for k, v in svg.items() if v}
    assert len(layers) > 30
    assert any(len(lines) > 1 for blocks in layers.values() for lines, _ in blocks)   # some labels wrap
    for box_id, blocks in layers.items():
        assert pptx.get(box_id) == blocks, box_id
        assert html.get(box_id) == blocks, box_id
    assert outside == []      # in Chromium, every line of every layer stays inside its box


def it_keeps_the_readable_floors_in_every_format(built):
    svg = from_svg(built / "diagrams" / f"{SLIDE}.svg")
    sizes = {size for blocks in svg.values() for _, size in blocks}
    assert min(sizes) >= 14
    labels = {blocks[0][1] for box_id, blocks in svg.items() if blocks and "__" not in box_id}
    assert min(labels) >= 18


def it_builds_legend_entries_with_their_first_layer_in_the_pptx(built):
    slide = Presentation(str(built / "dense-stacks-de.pptx")).slides[2]    # four-ways-built
    groups = [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.GROUP]
    for group in groups:
        names = [leaf.name for leaf in _leaves(group)]
        legend = {n.split("--")[1] for n in names if n.startswith("legend__label--")}
        kinds_shown = {n.split("--")[1] for n in names if n.startswith("legend__")}
        assert legend == kinds_shown
        if "level" in group.name and legend:
            # a legend entry travels with the first layer of its kind, never alone or ahead of it
            assert any(not n.startswith("legend__") for n in names), group.name
    static = next(g for g in groups if "titles and legend" in g.name)
    assert {leaf.name for leaf in _leaves(static) if leaf.name.startswith("legend__label")} == {"legend__label--hardware"}


def it_prints_the_same_lines_in_the_handouts(tmp_path):
    import subprocess

    build([DENSE], langs=["de"], formats=["handout"], out=tmp_path, handouts=("notes",))
    pdf = tmp_path / "dense-stacks" / "de" / "dense-stacks-de-handout-notes.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for line in ("Funktionslaufzeitumge-", "Gastbetriebssystem", "Containerlaufzeitumgebung"):
        assert line in text, line
