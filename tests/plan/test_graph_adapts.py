"""Graphs adapt to the slide: the plan chooses the flow (when the talk names none), the wrapping of
node labels and the density; only a graph that fits nowhere is an error, whose hint names the change."""

from __future__ import annotations

import itertools
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from generator.content.talk import load_talk
from generator.i18n.localize import localize
from generator.model.talk import Graph
from generator.plan.deck import plan_deck
from generator.plan.graph import layout
from generator.plan.graph.layout import GRAPH_AREA, fit_graph, smallest_text
from generator.plan.graph.model import Box
from generator.plan.graph.text import MAX_LABEL_LINES, label_lines, width_for_lines
from generator.theme import load_theme
from tests.conftest import SAMPLE_TALK

GRAPH_ADAPTS = Path(__file__).resolve().parents[1] / "content" / "graph-adapts"
FLOORS = (18.0, 14.0)


def check(*args):
    return CliRunner().invoke(main, ["check", *args])


def plan_of(talk_dir: Path, lang: str):
    loaded = load_talk(talk_dir)
    theme = load_theme(loaded.talk.theme, loaded.directory.resolve())
    return plan_deck(localize(loaded, lang).talk, theme, lang=lang)


def with_direction(tmp_path: Path, direction: str) -> Path:
    """The chain talk with `direction` set on its graph."""
    talk = tmp_path / "graph-adapts"
    shutil.copytree(GRAPH_ADAPTS, talk)
    path = talk / "talk.yaml"
    text = path.read_text("utf-8")
    assert text.count("    title: The delivery pipeline\n") == 1
    path.write_text(text.replace("    title: The delivery pipeline\n",
                                 f"    title: The delivery pipeline\n    direction: {direction}\n"), "utf-8")
    return talk


def assert_drawable(diagram, area=GRAPH_AREA):
    """Texts at their floors once scaled into the area; every box inside the diagram, none over another."""
    nodes, edges = smallest_text(diagram, area)
    assert nodes >= FLOORS[0] - 1e-6 and edges >= FLOORS[1] - 1e-6
    frame = Box(0, 0, diagram.width, diagram.height)
    boxes = [n.box for n in diagram.nodes] + [e.label.box for e in diagram.edges if e.label]
    for box in boxes:
        assert frame.x <= box.x and box.x + box.w <= frame.w and frame.y <= box.y and box.y + box.h <= frame.h
    for a, b in itertools.combinations(boxes, 2):
        assert not (a.x < b.x + b.w and b.x < a.x + a.w and a.y < b.y + b.h and b.y < a.y + a.h), (a, b)
    for node in diagram.nodes:
        assert 1 <= len(node.label.lines) <= MAX_LABEL_LINES


@pytest.fixture(scope="module")
def theme():
    return load_theme("default")


# --- a four-node chain with long labels ----------------------------------------------------

def it_lays_out_a_long_chain_that_names_no_direction_top_to_bottom():
    loaded = load_talk(GRAPH_ADAPTS)
    assert loaded.talk.graph("pipeline").direction is None
    plan = plan_of(GRAPH_ADAPTS, "en")
    assert plan.problems == ()
    diagram = plan.slide("pipeline").graph
    assert diagram.direction == "TB"
    assert_drawable(diagram)
    centres = [n.box.center for n in diagram.nodes]
    assert all(a.y < b.y for a, b in zip(centres, centres[1:]))       # the chain runs downwards


def it_checks_the_chain_talk_without_an_error():
    result = check(str(GRAPH_ADAPTS))
    assert result.exit_code == 0, result.stderr
    assert "text fit (en): every text fits" in result.stdout


def it_keeps_an_explicit_left_to_right_and_names_the_direction_that_fits(tmp_path):
    talk = with_direction(tmp_path, "LR")
    plan = plan_of(talk, "en")
    assert plan.slide("pipeline").graph.direction == "LR"           # as written, never turned
    result = check(str(talk))
    if result.exit_code == 0:           # wrapping alone made it fit
        assert_drawable(plan.slide("pipeline").graph)
        return
    assert result.exit_code == 1
    assert [(p.field, p.text) for p in plan.errors] == [("graph direction", "TB")]
    assert "error: the graph of slide 'pipeline' is too large for the slide" in result.stderr
    assert "hint: set `direction: TB` in graph 'pipeline'" in result.stderr
    assert "split the graph" not in result.stderr


def it_lays_out_an_explicit_top_to_bottom_as_written(tmp_path):
    plan = plan_of(with_direction(tmp_path, "TB"), "en")
    assert plan.problems == ()
    assert plan.slide("pipeline").graph.direction == "TB"


# --- the sample talk ----------------------------------------------------------------------

def it_fits_the_sample_graph_in_the_pseudo_locale():
    result = check(str(SAMPLE_TALK), "--lang", "qps")
    assert result.exit_code == 0, result.stderr
    assert " error: " not in result.stderr and "fit.diagram" not in result.stderr
    diagram = plan_of(SAMPLE_TALK, "qps").slide("daemon").graph
    assert diagram.direction == "BT"                                 # the talk's own flow
    assert_drawable(diagram)


@pytest.mark.parametrize("lang, width", [("fr", 667.0), ("en", 646.0)])
def it_leaves_the_sample_graph_as_it_was_in_french_and_english(lang, width):
    """The sample's graph fitted before the ladder (bottom to top, third density, one-line
    labels): it is drawn the same, to the point."""
    diagram = plan_of(SAMPLE_TALK, lang).slide("daemon").graph
    assert (diagram.direction, diagram.density, diagram.width, diagram.height) == ("BT", 2, width, 338.0)
    assert all(len(n.label.lines) == 1 for n in diagram.nodes)


# --- the ladder ---------------------------------------------------------------------------

def _graph(**fields) -> Graph:
    return Graph.model_validate({"id": "g", "title": "G", **fields})


def it_prefers_left_to_right_when_both_flows_fit_at_full_size(theme):
    small = _graph(nodes=[{"id": "a", "label": "Web"}, {"id": "b", "label": "API"}, {"id": "c", "label": "Database"}],
                   edges=[{"from": "a", "to": "b", "label": "calls"}, {"from": "b", "to": "c"}])
    fit = fit_graph(small, theme, "en")
    assert fit.fits and fit.diagram.direction == "LR" and fit.diagram.density == 0


def it_names_the_longest_label_of_a_graph_that_fits_in_no_direction(theme):
    words = "alpha beta gamma delta epsilon zeta eta theta iota kappa".split()
    longest = "Stage epsilon of the long process, with a much longer name than the others"
    nodes = [{"id": f"n{i}", "label": longest if w == "epsilon" else f"Stage {w} of the long process"}
             for i, w in enumerate(words)]
    edges = [{"from": f"n{i}", "to": f"n{i + 1}"} for i in range(len(words) - 1)]
    fit = fit_graph(_graph(nodes=nodes, edges=edges), theme, "en")
    assert not fit.fits and fit.direction is None and fit.longest == longest
    # the best try is kept (drawn, with its error), at the tightest density
    assert fit.diagram.density == len(layout.DENSITIES) - 1
    # an explicit flow that fails where the other fails too names the label as well
    explicit = fit_graph(_graph(nodes=nodes, edges=edges, direction="LR"), theme, "en")
    assert not explicit.fits and explicit.direction is None and explicit.longest == longest


def it_hints_at_the_label_to_shorten_never_at_splitting(tmp_path):
    talk = tmp_path / "graph-adapts"
    shutil.copytree(GRAPH_ADAPTS, talk)
    path = talk / "talk.yaml"
    text = path.read_text("utf-8")
    extra = "".join(f"      - {{id: more-{i}, label: One more stage with a long and winding name number {i}}}\n"
                    for i in range(8))
    chain = "".join(f"      - {{from: {a}, to: more-{i}}}\n" for i, a in enumerate(["deploy"] + [f"more-{i}" for i in range(7)]))
    text = text.replace("    edges:\n", extra + "    edges:\n").replace("\nslides:", chain + "\nslides:")
    path.write_text(text, "utf-8")
    result = check(str(talk))
    assert result.exit_code == 1
    assert ("hint: shorten the labels of graph 'pipeline', starting with its longest, "
            "'The orchestrator rolls the new version out to production servers'") in result.stderr
    assert "split the graph" not in result.stderr


def it_prefetches_both_flows_of_a_graph_that_names_none_in_the_thread(theme, monkeypatch):
    from generator.build import cache
    from generator.plan.graph import dot_run

    graph = load_talk(GRAPH_ADAPTS).talk.graph("pipeline")
    monkeypatch.setattr(layout, "_laid_out", {})
    runs = []
    real = dot_run.subprocess.run
    monkeypatch.setattr(dot_run.subprocess, "run", lambda *a, **k: runs.append(k["input"]) or real(*a, **k))
    with cache.scratch() as empty, cache.use(empty):
        layout.lay_out_ahead(graph, theme, "en")
        (_, worker), = layout._ahead.values()
        worker.join()
        assert len(runs) == 2                       # both passes, every rung, in one run of dot each
        first = runs[0].decode()
        assert "rankdir=LR" in first and "rankdir=TB" in first

        def no_more_dot(*args, **kwargs):
            raise AssertionError("dot run again")

        monkeypatch.setattr(dot_run.subprocess, "run", no_more_dot)
        assert fit_graph(graph, theme, "en").diagram.direction == "TB"
    assert not layout._ahead


# --- labels and the schema -----------------------------------------------------------------

def it_wraps_a_node_label_on_three_balanced_lines_at_most(theme):
    from generator.plan.measure import TextMeasure

    measure = TextMeasure.for_theme(theme)
    text = "The continuous integration server builds and tests the image"
    lines = label_lines(measure, text, 18, True, 40, MAX_LABEL_LINES)
    assert len(lines) == 3 and " ".join(lines) == text
    # balanced: as narrow as three lines of it can be
    three = width_for_lines(measure, text, 18, True, 3)
    assert max(measure.width(line, 18, True) for line in lines) <= three + 0.01
    assert len(label_lines(measure, text, 18, True, 40)) > 3         # without the limit: a tower
    one, two = (width_for_lines(measure, text, 18, True, n) for n in (1, 2))
    assert one == pytest.approx(measure.width(text, 18, True))
    assert len(label_lines(measure, text, 18, True, two)) == 2
    assert len(label_lines(measure, text, 18, True, two - 1)) == 3


def it_leaves_direction_out_of_the_schema_default():
    from generator.content.json_schema import talk_json_schema

    field = json.loads(talk_json_schema())["$defs"]["Graph"]["properties"]["direction"]
    assert field["enum"] == ["LR", "TB", "RL", "BT"] and field["type"] == "string"
    assert "default" not in field and "anyOf" not in field
    assert _graph(nodes=[{"id": "a", "label": "A"}]).direction is None
