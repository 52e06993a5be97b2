"""The DOT text of a graph, as Graphviz `dot` is asked to lay it out.

Graphviz only places things; it never draws or measures text. Nodes are fixed-size boxes
whose size was measured with the theme's font. A labelled edge `a -> b` is laid out as
`a -> label -> b` through a fixed-size box of the label's measured size, so the label sits on
its own edge (never beside someone else's) and dot routes every other edge around it; unlabelled
edges then span two ranks too, as in dot's own handling of edge labels. Label texts are written as
quoted, escaped strings (never HTML-like labels), so one starting with `<` stays text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.plan.graph.text import flatten

_CONTROL = re.compile("[\x00-\x1f\x7f]")  # never useful to dot, and raw in its JSON output


@dataclass(frozen=True)
class DotNode:
    """A node as dot sees it: a fixed-size box, sizes in points."""

    id: str
    label: str
    width: float
    height: float


@dataclass(frozen=True)
class DotEdge:
    """An edge as dot sees it: its label only as a box of the given size, in points."""

    id: str
    source: str
    target: str
    label: str | None = None
    label_width: float = 0.0
    label_height: float = 0.0


def quote(text: str) -> str:
    """A DOT double-quoted string that dot reads back as exactly this text (no escapes, no HTML)."""
    flat = _CONTROL.sub("", flatten(text))
    return '"' + flat.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _inches(points: float) -> str:
    return f"{points / 72:.4f}"


def label_node_id(edge_id: str) -> str:
    """The name of the box that stands for an edge's label (content ids never hold `/`)."""
    return f"label/{edge_id}"


@dataclass(frozen=True)
class DotGraph:
    """Everything dot is told about a graph, sizes in points."""

    name: str
    direction: str
    nodes: tuple[DotNode, ...]
    edges: tuple[DotEdge, ...]
    node_sep: float
    rank_sep: float
    arrow_length: float

    @property
    def labelled(self) -> bool:
        return any(edge.label is not None for edge in self.edges)


# Ports: the sides of a label box by which an edge enters it and leaves it.
Ports = dict[str, tuple[str, str]]


def dot_source(graph: DotGraph, ports: Ports | None = None) -> str:
    """The DOT text of a graph, nodes and edges in the given order."""
    ports = ports or {}
    spans = 2 if graph.labelled else 1
    rank_sep = graph.rank_sep / spans  # label boxes take ranks of their own between the nodes'
    out = [
        f"digraph {quote(graph.name)} {{",
        f"  graph [rankdir={graph.direction}, nodesep={_inches(graph.node_sep)}, "
        f"ranksep={_inches(rank_sep)}, pad=0, margin=0, ordering=out, splines=true];",
        "  node [shape=box, fixedsize=true, fontsize=10, margin=0];",
        f"  edge [arrowhead=normal, arrowsize={graph.arrow_length / 10:.3f}];",
    ]
    for node in graph.nodes:
        out.append(f"  {quote(node.id)} [label={quote(node.label)}, "
                   f"width={_inches(node.width)}, height={_inches(node.height)}];")
    for edge in graph.edges:
        ends = quote(edge.source), quote(edge.target)
        if edge.label is None:
            out.append(f"  {ends[0]} -> {ends[1]} [id={quote(edge.id)}, minlen={spans}];")
            continue
        box = quote(label_node_id(edge.id))
        enter, leave = ((f", headport={ports[edge.id][0]}", f", tailport={ports[edge.id][1]}")
                        if edge.id in ports else ("", ""))
        out.append(f"  {box} [label={quote(edge.label)}, width={_inches(edge.label_width)}, "
                   f"height={_inches(edge.label_height)}];")
        out.append(f"  {ends[0]} -> {box} [id={quote(edge.id + '/in')}{enter}, arrowhead=none];")
        out.append(f"  {box} -> {ends[1]} [id={quote(edge.id + '/out')}{leave}];")
    out.append("}")
    return "\n".join(out) + "\n"
