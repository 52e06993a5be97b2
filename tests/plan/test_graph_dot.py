"""Graphviz `dot` as a layout engine: the DOT text, running dot, reading its layout back."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import xml.etree.ElementTree as ET

import pytest

from generator.errors import MissingToolError, RenderError
from generator.plan.graph.dot import (
    DotEdge, DotGraph, DotNode, dot_source, label_node_id, quote,
)
from generator.plan.graph.dot_run import (
    DotLayout, forget, label_ports, layout_with_dot, parse_layout, prefetch, prefetched, run_dot,
)


SVG = "{http://www.w3.org/2000/svg}"


def _graph(direction="TB", labels=True, edges=None) -> DotGraph:
    nodes = (DotNode("a", "<b>A</b> & \"co\" \\N", 100, 50), DotNode("b", "B", 100, 50))
    if edges is None:
        edges = (DotEdge("a-b", "a", "b", "<i>x</i>" if labels else None, 60, 20),)
    return DotGraph("g", direction, nodes, edges, 20, 40, 10)


def _fake_dot(tmp_path, monkeypatch, script: str) -> None:
    path = tmp_path / "dot"
    path.write_text("#!/bin/sh\n" + script + "\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)
    monkeypatch.setenv("PATH", str(tmp_path))


def test_labels_are_quoted_strings_that_dot_reads_back_as_plain_text():
    source = dot_source(_graph())
    assert 'label="<b>A</b> & \\"co\\" \\\\N"' in source
    assert "label=<" not in source  # no HTML-like label anywhere
    drawn = subprocess.run([shutil.which("dot"), "-Tsvg"], input=source.encode(),
                           capture_output=True, timeout=20, check=True).stdout
    texts = ["".join(t.itertext()) for t in ET.fromstring(drawn).iter(f"{SVG}text")]
    # markup stays text, `"` survives, and `\N` is not replaced by the node's name
    assert '<b>A</b> & "co" \\N' in texts
    assert "<i>x</i>" in texts


def test_quote_flattens_line_breaks_and_escapes_quotes_and_backslashes():
    assert quote('a\n"b"\\') == '"a \\"b\\"\\\\"'


def test_node_names_are_the_content_ids_and_sizes_are_fixed():
    source = dot_source(_graph())
    assert '"a" [label=' in source and '"b" [label=' in source
    assert "width=1.3889, height=0.6944" in source  # 100 x 50 pt in inches
    assert "fixedsize=true" in source


def test_a_labelled_edge_runs_through_a_box_of_the_label_size():
    source = dot_source(_graph())
    assert f'"{label_node_id("a-b")}" [label="<i>x</i>", width=0.8333, height=0.2778]' in source
    assert f'"a" -> "{label_node_id("a-b")}" [id="a-b/in", arrowhead=none]' in source
    assert f'"{label_node_id("a-b")}" -> "b" [id="a-b/out"]' in source


def test_unlabelled_edges_span_two_ranks_when_labels_take_ranks_between():
    edges = (DotEdge("a-b", "a", "b", "x", 60, 20), DotEdge("b-a", "b", "a"))
    assert '"b" -> "a" [id="b-a", minlen=2]' in dot_source(_graph(edges=edges))
    assert '"a" -> "b" [id="a-b", minlen=1]' in dot_source(_graph(labels=False))


def test_layout_places_nodes_and_joins_a_labelled_edge_through_its_label():
    layout = layout_with_dot(_graph("TB"))
    (ax, ay), (bx, by) = layout.nodes["a"], layout.nodes["b"]
    assert ay > by  # dot's y points up: a is drawn above b
    edge = layout.edges["a-b"]
    lx, ly = edge.label_center
    assert by < ly < ay
    assert len(edge.spline) % 3 == 1 and len(edge.spline) >= 7
    assert edge.spline[0][1] <= ay - 25 + 0.5  # starts on a's bottom side
    assert edge.tip[1] == pytest.approx(by + 25, abs=0.5)  # arrow tip on b's top side
    # the ports run the edge through the label's centre line
    assert edge.spline[3][0] == pytest.approx(lx, abs=0.5)


def test_parse_layout_reads_boxes_splines_tips_and_label_centres():
    data = {
        "bb": "0,0,200,300",
        "objects": [{"name": "a", "pos": "100,250"}, {"name": "b", "pos": "100,50"},
                    {"name": label_node_id("a-b"), "pos": "100,150"}],
        "edges": [
            {"id": "a-b/in", "pos": "100,225 100,200 100,180 100,160"},
            {"id": "a-b/out", "pos": "e,100,75 100,140 100,120 100,100 100,85"},
            {"id": "b-a", "pos": "s,0,0 100,75 90,150 90,150 100,225"},
        ],
    }
    layout = parse_layout(json.dumps(data))
    assert layout.bbox == (0, 0, 200, 300)
    assert layout.nodes["b"] == (100, 50)
    joined = layout.edges["a-b"]
    assert joined.spline == ((100, 225), (100, 200), (100, 180), (100, 160),
                             (100, 160), (100, 140), (100, 140), (100, 120), (100, 100), (100, 85))
    assert joined.tip == (100, 75) and joined.label_center == (100, 150)
    plain = layout.edges["b-a"]
    assert plain.spline[0] == (100, 75) and plain.tip is None and plain.label_center is None


def test_parse_layout_reports_unreadable_output_as_a_render_error():
    with pytest.raises(RenderError, match="cannot be read"):
        parse_layout("{}")


def _places(direction, source, box, target) -> DotLayout:
    nodes = {"a": source, "b": target, label_node_id("a-b"): box}
    return DotLayout((0, 0, 1, 1), nodes, {})


def test_label_ports_follow_the_edge_downstream_and_turn_back_edges_sideways():
    forward = label_ports(_graph("TB"), _places("TB", (0, 200), (0, 100), (0, 0)))
    assert forward == {"a-b": ("n", "s")}
    reversed_ = label_ports(_graph("TB"), _places("TB", (0, 0), (-50, -100), (0, 200)))
    assert reversed_ == {"a-b": ("e", "w")}  # enters from the side facing its source
    left_right = label_ports(_graph("LR"), _places("LR", (0, 0), (100, 0), (200, 0)))
    assert left_right == {"a-b": ("w", "e")}
    bottom_top = label_ports(_graph("BT"), _places("BT", (0, 0), (0, 100), (0, 200)))
    assert bottom_top == {"a-b": ("s", "n")}


def test_graphs_prefetched_in_one_run_of_dot_are_laid_out_as_one_by_one(monkeypatch):
    monkeypatch.setenv("DECKGEN_NO_CACHE", "1")
    sources = [dot_source(_graph("TB")), dot_source(_graph("LR")), dot_source(_graph("TB", labels=False))]
    alone = [run_dot(source) for source in sources]
    entries = prefetch(sources)
    try:
        assert prefetched(entries) == alone          # byte for byte what dot writes for each alone
        assert [run_dot(source) for source in sources] == alone
        assert prefetched(entries) == [None, None, None]    # taken by run_dot
    finally:
        forget(entries)


def test_a_failing_prefetch_prefetches_nothing(tmp_path, monkeypatch):
    monkeypatch.setenv("DECKGEN_NO_CACHE", "1")
    _fake_dot(tmp_path, monkeypatch, "echo 'syntax error in line 1' >&2; exit 1")
    assert prefetch(["digraph {", "digraph {}"]) == []


def test_a_missing_dot_raises_missing_tool_error_naming_the_install(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(MissingToolError) as caught:
        run_dot("digraph {}")
    assert caught.value.tool == "dot"
    for system, command in (("Debian/Ubuntu", "apt-get install graphviz"), ("Fedora", "dnf install graphviz"),
                            ("macOS", "brew install graphviz"), ("Windows", "winget install graphviz")):
        assert f"{system}: " in caught.value.install and command in caught.value.install


def test_a_dot_that_hangs_is_stopped_and_reported(tmp_path, monkeypatch):
    _fake_dot(tmp_path, monkeypatch, f"exec {shutil.which('sleep')} 10")
    with pytest.raises(RenderError, match=r"did not finish .* within 0\.3 s"):
        run_dot("digraph {}", timeout=0.3)


def test_a_failing_dot_is_reported_with_its_message(tmp_path, monkeypatch):
    _fake_dot(tmp_path, monkeypatch, "echo 'syntax error in line 1' >&2; exit 1")
    with pytest.raises(RenderError, match="syntax error in line 1"):
        run_dot("digraph {")


def test_the_real_dot_is_found_on_the_path():
    assert any(os.access(os.path.join(d, "dot"), os.X_OK)
               for d in os.environ.get("PATH", "").split(os.pathsep)), "install graphviz"
