"""Node-and-edge diagrams: the entry points from a content `Graph` to its laid-out form and SVG."""

from __future__ import annotations

from generator.model.talk import Graph
from generator.plan.graph.dot_run import DOT_TIMEOUT
from generator.plan.graph.layout import layout_graph
from generator.plan.graph.model import (
    Box, EdgeLabel, EdgePath, GraphDiagram, Label, NodeBox, Point, TextLine,
)
from generator.renderers.diagrams.graph_svg import emit_graph_svg
from generator.theme import Theme

__all__ = [
    "Box", "EdgeLabel", "EdgePath", "GraphDiagram", "Label", "NodeBox", "Point", "TextLine",
    "emit_graph_svg", "layout_graph", "render_graph_svg",
]


def render_graph_svg(graph: Graph, theme: Theme, lang: str = "en",
                     timeout: float = DOT_TIMEOUT) -> str:
    """The SVG of a graph: laid out with dot, drawn with the theme's look."""
    return emit_graph_svg(layout_graph(graph, theme, lang, timeout), theme)
