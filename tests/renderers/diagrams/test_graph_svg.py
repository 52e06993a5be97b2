"""The SVG of a graph diagram: accessible, self-contained, stable, and true to the graph."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from generator.model.talk import Graph
from generator.renderers.diagrams.graph import emit_graph_svg, layout_graph, render_graph_svg
from generator.theme import load_theme

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"

DAEMON = {
    "id": "docker-daemon",
    "title": "Le démon Docker",
    "direction": "LR",
    "nodes": [
        {"id": "host", "label": "SE hôte", "icon": "linux"},
        {"id": "daemon", "label": "Démon Docker", "icon": "docker"},
        {"id": "image-python", "label": "Image Python", "icon": "image"},
        {"id": "image-ruby", "label": "Image Ruby", "icon": "image"},
        {"id": "app", "label": "<b>Appli</b> & co"},
    ],
    "edges": [
        {"from": "daemon", "to": "host", "label": "parle directement au"},
        {"from": "daemon", "to": "image-python", "label": "construit l'"},
        {"from": "daemon", "to": "image-ruby"},
        {"from": "image-ruby", "to": "app", "label": "<i>lance</i> & suit"},
    ],
}


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


@pytest.fixture(scope="module")
def graph():
    return Graph.model_validate(DAEMON)


@pytest.fixture(scope="module")
def svg(graph, theme):
    return render_graph_svg(graph, theme, "fr")


@pytest.fixture(scope="module")
def root(svg):
    return ET.fromstring(svg)


def _text_of(element) -> str:
    """A label's text: its lines (one <tspan> each) joined by spaces."""
    return " ".join(span.text or "" for span in element.iter(f"{SVG}tspan"))


def _hrefs(root):
    for element in root.iter():
        for name in ("href", XLINK_HREF):
            if name in element.attrib:
                yield element.attrib[name]


def test_it_is_an_accessible_image_with_title_and_description(root):
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert root.get("aria-labelledby") == "docker-daemon__title docker-daemon__desc"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title.get("id") == "docker-daemon__title" and title.text == "Le démon Docker"
    assert desc.get("id") == "docker-daemon__desc"
    assert "Démon Docker parle directement au SE hôte." in desc.text
    assert "Démon Docker est relié à Image Ruby." in desc.text


def test_it_points_at_no_file_or_url(svg, root):
    hrefs = list(_hrefs(root))
    assert hrefs, "icons are placed with <use href>"
    assert all(h.startswith("#") or h.startswith("data:image/png;base64,") for h in hrefs)
    assert "file:" not in svg
    assert not re.search(r"https?://(?!www\.w3\.org/2000/svg)", svg)


def test_each_icon_is_embedded_once_and_used_by_every_node_that_shows_it(root):
    symbols = [s.get("id") for s in root.iter(f"{SVG}symbol")]
    assert sorted(symbols) == ["docker-daemon__icon--docker", "docker-daemon__icon--image",
                               "docker-daemon__icon--linux"]
    for symbol in root.iter(f"{SVG}symbol"):
        images = list(symbol.iter(f"{SVG}image"))
        assert len(images) == 1 and images[0].get("href").startswith("data:image/png;base64,")
    uses = [u.get("href") for u in root.iter(f"{SVG}use")]
    assert uses.count("#docker-daemon__icon--image") == 2
    assert uses.count("#docker-daemon__icon--docker") == 1


def test_labels_that_look_like_markup_stay_text(root):
    texts = [_text_of(t) for t in root.iter(f"{SVG}text")]
    assert "<b>Appli</b> & co" in texts
    assert "<i>lance</i> & suit" in texts
    assert root.find(f".//{SVG}b") is None and root.find(f".//{SVG}i") is None


def test_every_id_is_prefixed_with_the_graph_id_and_unique(root):
    ids = [e.get("id") for e in root.iter() if e.get("id") is not None]
    assert len(ids) == len(set(ids))
    assert all(i.startswith(("docker-daemon__", "docker-daemon--")) for i in ids)


def test_node_ids_come_from_the_content_ids(root, graph):
    groups = [g.get("id") for g in root.iter(f"{SVG}g") if g.get("data-node")]
    assert groups == [f"docker-daemon--{n.id}" for n in graph.nodes]
    edges = [g.get("id") for g in root.iter(f"{SVG}g") if g.get("data-source")]
    assert edges == ["docker-daemon--daemon--host", "docker-daemon--daemon--image-python",
                     "docker-daemon--daemon--image-ruby", "docker-daemon--image-ruby--app"]


def test_two_renders_are_byte_identical(svg, graph, theme):
    assert render_graph_svg(graph, theme, "fr") == svg


def test_two_graphs_inline_in_one_page_share_no_id(graph, theme, root):
    other = graph.model_copy(update={"id": "other-graph"})
    second = ET.fromstring(render_graph_svg(other, theme))
    ids = {e.get("id") for e in root.iter() if e.get("id")}
    assert ids.isdisjoint({e.get("id") for e in second.iter() if e.get("id")})


def _first_point(d: str) -> tuple[float, float]:
    x, y = re.match(r"M ([-\d.]+) ([-\d.]+)", d).groups()
    return float(x), float(y)


def _near_box(point, rect, tolerance=3.0) -> bool:
    x, y = point
    x0, y0 = float(rect.get("x")), float(rect.get("y"))
    x1, y1 = x0 + float(rect.get("width")), y0 + float(rect.get("height"))
    inside = x0 - tolerance <= x <= x1 + tolerance and y0 - tolerance <= y <= y1 + tolerance
    on_side = min(abs(x - x0), abs(x - x1), abs(y - y0), abs(y - y1)) <= tolerance
    return inside and on_side


def test_edges_run_from_their_source_box_to_their_target_box(root, graph):
    rects = {g.get("data-node"): g.find(f"{SVG}rect")
             for g in root.iter(f"{SVG}g") if g.get("data-node")}
    edges = [g for g in root.iter(f"{SVG}g") if g.get("data-source")]
    assert [(g.get("data-source"), g.get("data-target")) for g in edges] == [
        (e.source, e.target) for e in graph.edges]
    for group in edges:
        start = _first_point(group.find(f"{SVG}path").get("d"))
        tip = tuple(float(v) for v in group.find(f"{SVG}polygon").get("points").split()[0].split(","))
        assert _near_box(start, rects[group.get("data-source")]), group.get("id")
        assert _near_box(tip, rects[group.get("data-target")]), group.get("id")


def test_edge_labels_sit_on_a_background_in_front_of_the_edges(root):
    children = [c.get("id") for c in root]
    assert children.index("docker-daemon__edge-labels") > children.index("docker-daemon__edges")
    labels = root.find(f"{SVG}g[@id='docker-daemon__edge-labels']")
    for group in labels:
        assert group.find(f"{SVG}rect").get("fill") == "#FFFFFF"


def test_emit_draws_exactly_the_laid_out_diagram(graph, theme, svg):
    diagram = layout_graph(graph, theme, "fr")
    assert emit_graph_svg(diagram, theme) == svg
    root = ET.fromstring(svg)
    assert root.get("viewBox") == f"0 0 {diagram.width:g} {diagram.height:g}"


def test_characters_xml_cannot_hold_are_dropped_not_written(theme):
    graph = Graph.model_validate({"id": "g", "title": "Titre\x01", "nodes": [
        {"id": "a", "label": "A\x02 b"}, {"id": "b", "label": "B"}],
        "edges": [{"from": "a", "to": "b", "label": "x\x1b"}]})
    root = ET.fromstring(render_graph_svg(graph, theme))
    assert root.find(f"{SVG}title").text == "Titre"
    texts = [_text_of(t) for t in root.iter(f"{SVG}text")]
    assert texts == ["A b", "B", "x"]


def test_edges_between_look_alike_ids_keep_apart(theme):
    graph = Graph.model_validate({"id": "g", "title": "G", "nodes": [
        {"id": "a", "label": "A"}, {"id": "a-b", "label": "AB"},
        {"id": "b-c", "label": "BC"}, {"id": "c", "label": "C"}],
        "edges": [{"from": "a", "to": "b-c", "label": "un"}, {"from": "a-b", "to": "c", "label": "deux"},
                  {"from": "a", "to": "b-c"}]})
    root = ET.fromstring(render_graph_svg(graph, theme))
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert len(ids) == len(set(ids))
    assert {"g--a--b-c", "g--a-b--c", "g--a--b-c--2", "g--a--b-c__label"} <= set(ids)
