"""Graphviz `dot` run as a layout engine: positions read back from its JSON output.

A graph with edge labels is laid out twice: the first pass tells which way dot ran each half of
a labelled edge, the second gives those halves ports on the label box's sides, so every edge
runs straight through its label's centre line.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass

from generator.errors import MissingToolError, RenderError
from generator.build.machine import install_hint
from generator.plan.graph.dot import DotGraph, Ports, dot_source, label_node_id

DOT_TIMEOUT = 20.0  # seconds
_INSTALL = install_hint("dot")


@dataclass(frozen=True)
class DotEdgePlace:
    """Where dot put an edge: spline points, arrow tip and label centre, in dot's y-up points."""

    spline: tuple[tuple[float, float], ...]
    tip: tuple[float, float] | None
    label_center: tuple[float, float] | None


@dataclass(frozen=True)
class DotLayout:
    """Dot's placement of a graph: bounding box, node centres and edge places, y pointing up."""

    bbox: tuple[float, float, float, float]
    nodes: dict[str, tuple[float, float]]
    edges: dict[str, DotEdgePlace]


# Per direction: the side of a box facing upstream and downstream, the coordinate (of dot's
# y-up points) that grows downstream, the sides facing low and high across, and that coordinate.
_SIDES = {
    "TB": ("n", "s", lambda p: -p[1], ("w", "e"), lambda p: p[0]),
    "BT": ("s", "n", lambda p: p[1], ("w", "e"), lambda p: p[0]),
    "LR": ("w", "e", lambda p: p[0], ("s", "n"), lambda p: p[1]),
    "RL": ("e", "w", lambda p: -p[0], ("s", "n"), lambda p: p[1]),
}


def label_ports(graph: DotGraph, first: DotLayout) -> Ports:
    """Ports that run each labelled edge straight through its label box.

    An edge half that dot laid out downstream enters the box by its upstream side or leaves by
    its downstream side. When both halves would use one side (an edge dot reversed to break a
    cycle, or a self-loop), the edge crosses the box sideways instead, entering by the side
    that faces its source: the label then sits at the turn of the loop.
    """
    upstream, downstream, along, (low, high), across = _SIDES[graph.direction]
    ports: Ports = {}
    for edge in graph.edges:
        if edge.label is None:
            continue
        box = first.nodes[label_node_id(edge.id)]
        source, target = first.nodes[edge.source], first.nodes[edge.target]
        enter = upstream if along(box) > along(source) else downstream
        leave = downstream if along(target) > along(box) else upstream
        if enter == leave:
            enter = low if across(source) <= across(box) else high
            leave = high if enter == low else low
        ports[edge.id] = (enter, leave)
    return ports


def run_dot(source: str, timeout: float = DOT_TIMEOUT) -> str:
    """Dot's JSON layout of a DOT text (kept in the build cache, keyed by the text and the tool);
    MissingToolError without dot, RenderError on failure."""
    import os

    from generator.build import cache
    from generator.build.inputs import tool_fingerprint

    executable = shutil.which("dot")
    if executable is None:
        raise MissingToolError("dot", _INSTALL)
    store = cache.active()
    # dot measures what the plan did not size with the fonts fontconfig finds: its setup is in the key.
    entry = cache.key("dot", tool_fingerprint(), executable, os.environ.get("FONTCONFIG_FILE", ""), source)
    layout = _prefetched.pop(entry, None)
    if layout is None:
        found = store.get("dot", entry)
        if found is not None:
            return found.decode("utf-8")
        layout = _run(executable, source, timeout)
    store.put("dot", entry, layout.encode("utf-8"))
    return layout


# Layouts run ahead of being asked for (`prefetch`), by cache entry; `run_dot` takes them out.
_prefetched: dict[str, str] = {}


def prefetch(sources: list[str], timeout: float = DOT_TIMEOUT) -> list[str]:
    """Lay out several DOT texts in one run of dot (it starts in about the time it takes to lay
    out a small graph, and its output for several graphs is theirs one after the other), for
    `run_dot` to take later; the cache entries of `sources`, to `forget` those never asked for.

    Only a shortcut: a failure of any kind prefetches nothing, and `run_dot` then runs (and
    reports) each graph on its own, as without it."""
    import os

    from generator.build import cache
    from generator.build.inputs import tool_fingerprint

    executable = shutil.which("dot")
    if executable is None:
        return []
    store = cache.active()
    setup = (tool_fingerprint(), executable, os.environ.get("FONTCONFIG_FILE", ""))
    entries = [cache.key("dot", *setup, source) for source in sources]
    wanted: dict[str, str] = {}
    for entry, source in zip(entries, sources):
        stored = store.enabled and store._path("dot", entry).is_file()      # read by `run_dot`
        if entry not in _prefetched and entry not in wanted and not stored:
            wanted[entry] = source
    if len(wanted) < 2:
        return []
    try:
        done = subprocess.run([executable, "-Tjson"], input="".join(wanted.values()).encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return []
    if done.returncode != 0:
        return []
    layouts = _split_json(done.stdout.decode("utf-8"))
    if layouts is None or len(layouts) != len(wanted):
        return []
    _prefetched.update(zip(wanted, layouts))
    return entries


def prefetched(entries: list[str]) -> list[str | None]:
    """The layouts prefetched under these entries, None where there is none (left for `run_dot`)."""
    return [_prefetched.get(entry) for entry in entries]


def forget(entries: list[str]) -> None:
    """Drop prefetched layouts that were not asked for."""
    for entry in entries:
        _prefetched.pop(entry, None)


def _split_json(text: str) -> list[str] | None:
    """dot's JSON output of several graphs cut into each graph's, each as dot writes it alone."""
    decoder = json.JSONDecoder(strict=False)
    starts = []
    index = 0
    try:
        while index < len(text):
            while index < len(text) and text[index].isspace():
                index += 1
            if index == len(text):
                break
            starts.append(index)
            _, index = decoder.raw_decode(text, index)
    except ValueError:
        return None
    return [text[start:end] for start, end in zip(starts, [*starts[1:], len(text)])]


def _run(executable: str, source: str, timeout: float) -> str:
    try:
        done = subprocess.run([executable, "-Tjson"], input=source.encode("utf-8"),
                              capture_output=True, timeout=timeout, check=False)
    except FileNotFoundError:
        raise MissingToolError("dot", _INSTALL) from None
    except subprocess.TimeoutExpired:
        raise RenderError(f"graphviz 'dot' did not finish laying out the graph within {timeout:g} s; "
                          "the graph may be too large, or dot may be stuck") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip() or f"exit status {done.returncode}"
        raise RenderError(f"graphviz 'dot' failed: {message}")
    return done.stdout.decode("utf-8")


def _pair(text: str) -> tuple[float, float]:
    x, y = text.split(",")[:2]
    return float(x), float(y)


def _spline(edge: dict) -> tuple[tuple[tuple[float, float], ...], tuple[float, float] | None]:
    points: list[tuple[float, float]] = []
    tip = None
    for token in edge.get("pos", "").split(";")[0].split():
        if token.startswith("e,"):
            tip = _pair(token[2:])
        elif not token.startswith("s,"):
            points.append(_pair(token))
    return tuple(points), tip


def _edge_places(data: dict, nodes: dict[str, tuple[float, float]]) -> dict[str, DotEdgePlace]:
    """Each edge's place; a labelled edge's two halves joined by a straight run through its label."""
    splines = {e["id"]: _spline(e) for e in data.get("edges", [])}
    places = {}
    for edge_id, (points, tip) in splines.items():
        if edge_id.endswith("/out"):
            continue
        if not edge_id.endswith("/in"):
            places[edge_id] = DotEdgePlace(points, tip, None)
            continue
        base = edge_id[:-3]
        out_points, out_tip = splines[base + "/out"]
        joined = points + (points[-1], out_points[0], out_points[0]) + out_points[1:]
        places[base] = DotEdgePlace(joined, out_tip, nodes[label_node_id(base)])
    return places


def parse_layout(text: str) -> DotLayout:
    """The positions in dot's `-Tjson` output, keyed by our node ids and edge ids."""
    try:
        data = json.loads(text, strict=False)
        x0, y0, x1, y1 = (float(v) for v in data["bb"].split(","))
        objects = data.get("objects", [])
        nodes = {o["name"]: _pair(o["pos"]) for o in objects if "pos" in o}
        edges = _edge_places(data, nodes)
    except (ValueError, KeyError, TypeError) as exc:
        raise RenderError(f"graphviz 'dot' gave a layout that cannot be read: {exc!r}") from None
    return DotLayout((x0, y0, x1, y1), nodes, edges)


def layout_with_dot(graph: DotGraph, timeout: float = DOT_TIMEOUT) -> DotLayout:
    """Dot's placement of a graph; labelled edges get a second pass that straightens them."""
    first = parse_layout(run_dot(dot_source(graph), timeout))
    if not graph.labelled:
        return first
    try:
        ports = label_ports(graph, first)
    except KeyError as exc:
        raise RenderError(f"graphviz 'dot' gave no position for node {exc}") from None
    return parse_layout(run_dot(dot_source(graph, ports), timeout))
