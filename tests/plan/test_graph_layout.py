"""The laid-out graph: boxes sized with the real font, nothing overlapping, alt text as sentences."""

from __future__ import annotations

import itertools

import pytest

from generator.errors import RenderError
from generator.model.talk import Graph
from generator.renderers.diagrams.graph import layout_graph
from generator.plan.graph.alt import describe_graph
from generator.plan.graph.style import graph_style
from generator.plan.measure import TextMeasure
from generator.plan.graph.text import flatten, label_lines
from generator.theme import load_theme

DAEMON = {
    "id": "docker-daemon",
    "title": "Le démon Docker",
    "direction": "LR",
    "nodes": [
        {"id": "host", "label": "SE hôte", "icon": "linux"},
        {"id": "daemon", "label": "Démon Docker", "icon": "docker"},
        {"id": "images", "label": "Images", "icon": "image"},
        {"id": "python", "label": "Appli Python", "icon": "python"},
        {"id": "ruby", "label": "Appli Ruby", "icon": "ruby"},
        {"id": "db", "label": "PostgreSQL"},
    ],
    "edges": [
        {"from": "daemon", "to": "host", "label": "parle directement au"},
        {"from": "daemon", "to": "images", "label": "construit et stocke les"},
        {"from": "images", "to": "python"},
        {"from": "images", "to": "ruby", "label": "démarrent"},
        {"from": "python", "to": "db"},
        {"from": "python", "to": "db", "label": "écrit dans"},
    ],
}


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


@pytest.fixture(scope="module")
def graph():
    return Graph.model_validate(DAEMON)


@pytest.fixture(scope="module")
def diagram(graph, theme):
    return layout_graph(graph, theme, "fr")


def _overlap(a, b) -> bool:
    return a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h


def _inside(inner, outer) -> bool:
    return (outer.x <= inner.x and inner.x + inner.w <= outer.x + outer.w
            and outer.y <= inner.y and inner.y + inner.h <= outer.y + outer.h)


def test_every_node_and_edge_of_the_graph_is_laid_out_in_content_order(diagram, graph):
    assert [n.id for n in diagram.nodes] == [n.id for n in graph.nodes]
    assert [(e.source, e.target) for e in diagram.edges] == [(e.source, e.target) for e in graph.edges]
    assert [e.id for e in diagram.edges] == [
        "daemon--host", "daemon--images", "images--python", "images--ruby", "python--db",
        "python--db--2"]


def test_the_same_graph_gives_the_same_diagram(diagram, graph, theme):
    assert layout_graph(graph, theme, "fr") == diagram


def test_boxes_lie_inside_the_diagram_and_never_overlap(diagram):
    frame = type(diagram.nodes[0].box)(0, 0, diagram.width, diagram.height)
    boxes = [n.box for n in diagram.nodes] + [e.label.box for e in diagram.edges if e.label]
    assert all(_inside(box, frame) for box in boxes)
    for a, b in itertools.combinations(boxes, 2):
        assert not _overlap(a, b), (a, b)


def test_nodes_are_wide_enough_for_their_label_measured_in_the_theme_font(diagram, theme):
    style, measure = graph_style(theme, diagram.density), TextMeasure.for_theme(theme)
    for node in diagram.nodes:
        assert node.label.bold
        for line in node.label.lines:
            width = measure.width(line.text, node.label.size, bold=True)
            assert node.x + style.padding_x - 0.01 <= line.x - width / 2
            assert line.x + width / 2 <= node.x + node.w - style.padding_x + 0.01


def test_edge_labels_fit_their_background(diagram, theme):
    measure = TextMeasure.for_theme(theme)
    for edge in diagram.edges:
        if edge.label is None:
            continue
        for line in edge.label.label.lines:
            width = measure.width(line.text, edge.label.label.size)
            assert edge.label.x <= line.x - width / 2 and line.x + width / 2 <= edge.label.x + edge.label.w
            assert edge.label.y < line.y < edge.label.y + edge.label.h


def test_long_labels_wrap_into_even_lines_and_never_cut_a_word(theme):
    measure = TextMeasure.for_theme(theme)
    one_line = measure.width("un deux trois quatre", 18, True)
    assert label_lines(measure, "un deux trois quatre", 18, True, one_line) == ("un deux trois quatre",)
    assert label_lines(measure, "un deux trois quatre", 18, True, one_line * 0.8) == (
        "un deux", "trois quatre")
    assert label_lines(measure, "anticonstitutionnellement", 18, True, 20) == (
        "anticonstitutionnellement",)


def test_labels_are_flattened_but_keep_their_no_break_spaces():
    assert flatten("  Type\u00a01 :\n 700\u202fMo\t ") == "Type\u00a01 : 700\u202fMo"


def test_left_right_graphs_put_the_icon_above_the_label(diagram):
    node = next(n for n in diagram.nodes if n.id == "host")
    assert node.icon == "linux"
    assert _inside(node.icon_box, node.box)
    assert node.icon_box.y + node.icon_box.h < node.label.lines[0].y - node.label.size * 0.6
    assert node.icon_box.center.x == pytest.approx(node.label.lines[0].x, abs=0.01)


def test_top_bottom_graphs_put_the_icon_left_of_the_label_in_one_column(graph, theme):
    diagram = layout_graph(graph.model_copy(update={"direction": "TB"}), theme)
    node = next(n for n in diagram.nodes if n.id == "host")
    assert _inside(node.icon_box, node.box)
    assert node.icon_box.x + node.icon_box.w < node.label.lines[0].x
    assert node.icon_box.center.y == pytest.approx(node.box.center.y, abs=0.01)
    # every icon is centred on the same column, measured from its box's left side
    columns = [n.icon_box.center.x - n.x for n in diagram.nodes if n.icon]
    assert max(columns) - min(columns) < 0.05


def test_wide_logos_keep_their_shape(diagram):
    whale = next(n for n in diagram.nodes if n.id == "daemon").icon_box
    snake = next(n for n in diagram.nodes if n.id == "python").icon_box
    assert whale.w > 1.3 * whale.h
    assert snake.w == pytest.approx(snake.h, rel=0.1)


def test_direction_sets_the_flow(graph, theme):
    def centres(direction):
        laid = layout_graph(graph.model_copy(update={"direction": direction}), theme)
        return {n.id: n.box.center for n in laid.nodes}

    left_right, top_bottom, bottom_top = centres("LR"), centres("TB"), centres("BT")
    assert left_right["daemon"].x < left_right["images"].x < left_right["python"].x
    assert top_bottom["daemon"].y < top_bottom["images"].y < top_bottom["python"].y
    assert bottom_top["daemon"].y > bottom_top["images"].y > bottom_top["python"].y


def test_an_unknown_icon_is_a_render_error(theme):
    graph = Graph.model_validate({"id": "g", "title": "G", "nodes": [
        {"id": "a", "label": "A", "icon": "no-such-icon"}]})
    with pytest.raises(RenderError, match="no-such-icon"):
        layout_graph(graph, theme)


def test_alt_text_reads_nodes_and_edges_as_sentences(graph):
    text = describe_graph(graph, "fr")
    assert text.startswith(
        "Éléments\u00a0: SE hôte, Démon Docker, Images, Appli Python, Appli Ruby et PostgreSQL.")
    assert "Démon Docker parle directement au SE hôte." in text
    assert "Images est relié à Appli Python." in text
    english = describe_graph(graph, "en-GB")
    assert "Images is linked to Appli Python." in english
    assert describe_graph(graph, "xx") == english


def test_alt_text_starts_with_the_graph_description(graph):
    described = graph.model_copy(update={"description": "Le démon au centre"})
    assert describe_graph(described, "fr").startswith("Le démon au centre. Éléments\u00a0: ")


def test_a_graph_laid_out_ahead_is_taken_from_its_thread_without_running_dot_again(graph, theme, monkeypatch):
    from generator.build import cache
    from generator.plan.graph import dot_run, layout

    monkeypatch.setattr(layout, "_laid_out", {})
    alone = layout._fitted(graph, theme, "en", dot_run.DOT_TIMEOUT, layout.GRAPH_AREA).diagram
    runs = []
    real = dot_run.subprocess.run
    monkeypatch.setattr(dot_run.subprocess, "run", lambda *a, **k: runs.append(a) or real(*a, **k))
    with cache.scratch() as empty, cache.use(empty):      # nothing laid out before
        layout.lay_out_ahead(graph, theme, "en")
        (_, worker), = layout._ahead.values()
        worker.join()
        assert len(runs) == 2           # both passes of dot ran in the thread

        def no_more_dot(*args, **kwargs):
            raise AssertionError("dot run again")

        monkeypatch.setattr(dot_run.subprocess, "run", no_more_dot)
        assert layout_graph(graph, theme, "en") == alone
    assert not layout._ahead
