"""A graph of the content laid out as a diagram: boxes sized with the real font, placed by dot.

Node and edge-label sizes are measured first, dot places them, and the result comes back as
plain frozen values (`GraphDiagram`) in points, origin at the top-left corner, y pointing down.
"""

from __future__ import annotations

from collections import Counter
from typing import Callable

from generator.errors import RenderError
from generator.plan.geometry import DIAGRAM_AREA
from generator.plan.measure import TextMeasure
from generator.model.talk import Graph
from generator.plan.graph.alt import describe_graph
from generator.plan.graph.dot import DotEdge, DotGraph, DotNode
from generator.plan.graph.dot import dot_source
from generator.plan.graph.dot_run import (
    DOT_TIMEOUT, DotEdgePlace, forget, label_ports, layout_with_dot, parse_layout, prefetch, prefetched,
)
from generator.plan.graph.model import (
    EdgeLabel, EdgePath, GraphDiagram, Point, rounded,
)
from generator.plan.graph.nodes import NodeSizer
from generator.plan.graph.style import DENSITIES, GraphStyle, graph_style
from generator.plan.graph.text import WrappedLabel, flatten, place_label, wrap_label
from generator.theme.icons import ICON_NAMES
from generator.theme import Theme

ToPoint = Callable[[tuple[float, float]], Point]


def edge_ids(graph: Graph) -> tuple[str, ...]:
    """`source--target` for each edge, `--2`, `--3`… on repeated pairs, in content order.

    Content ids never hold `--`, so no two edges (and no edge and node) can share an id.
    """
    seen: Counter[str] = Counter()
    ids = []
    for edge in graph.edges:
        base = f"{edge.source}--{edge.target}"
        seen[base] += 1
        ids.append(base if seen[base] == 1 else f"{base}--{seen[base]}")
    return tuple(ids)


def _check(graph: Graph) -> None:
    known = {node.id for node in graph.nodes}
    for node in graph.nodes:
        if node.icon is not None and node.icon not in ICON_NAMES:
            raise RenderError(f"graph '{graph.id}': node '{node.id}' names unknown icon '{node.icon}'")
    for edge in graph.edges:
        for end in (edge.source, edge.target):
            if end not in known:
                raise RenderError(f"graph '{graph.id}': an edge names unknown node '{end}'")


def _edge_labels(graph: Graph, ids: tuple[str, ...], style: GraphStyle,
                 measure: TextMeasure) -> dict[str, WrappedLabel]:
    """The wrapped label of every labelled edge; narrower in left-right graphs, where edge
    labels sit between ranks laid side by side."""
    width = (style.max_edge_label_width_lr if graph.direction in ("LR", "RL")
             else style.max_edge_label_width)
    return {edge_id: wrap_label(measure, edge.label, style.edge_label_size, False, width)
            for edge_id, edge in zip(ids, graph.edges) if edge.label is not None}


def _label_room(text: WrappedLabel, style: GraphStyle) -> tuple[float, float]:
    """The background of an edge label: its text and padding."""
    return text.width + 2 * style.edge_label_padding, text.height + style.edge_label_padding


GRAPH_AREA = DIAGRAM_AREA


def graph_scale(diagram: GraphDiagram, area: tuple[float, float] = GRAPH_AREA) -> float:
    """The scale at which a graph is drawn in an area: fitted, never enlarged."""
    return min(area[0] / diagram.width, area[1] / diagram.height, 1.0)


def smallest_text(diagram: GraphDiagram, area: tuple[float, float] = GRAPH_AREA) -> tuple[float, float]:
    """The node label and edge label sizes as drawn in the area (after scaling)."""
    scale = graph_scale(diagram, area)
    nodes = min((n.label.size for n in diagram.nodes), default=0.0) * scale
    edges = min((e.label.label.size for e in diagram.edges if e.label), default=float("inf")) * scale
    return nodes, edges


def layout_graph(graph: Graph, theme: Theme, lang: str = "en", timeout: float = DOT_TIMEOUT,
                 area: tuple[float, float] = GRAPH_AREA) -> GraphDiagram:
    """The diagram of a graph: every box, path and text line placed, in points, at the loosest
    density at which, scaled into `area`, its labels stay at or above their floors."""
    key = (*_graph_key(graph, theme, lang, timeout), area)
    if key not in _laid_out:
        if len(_laid_out) > 64:
            _laid_out.clear()
        _laid_out[key] = _fitted(graph, theme, lang, timeout, area)
    return _laid_out[key]


def _graph_key(graph: Graph, theme: Theme, lang: str, timeout: float) -> tuple:
    """What a graph's layout depends on: the graph, the theme, the language and dot's time limit."""
    return graph.model_dump_json(by_alias=True), repr(theme), lang, timeout


# Laid-out graphs of this process: a live rebuild after an edit elsewhere does not run dot again.
_laid_out: dict[tuple, GraphDiagram] = {}


def lay_out_ahead(graph: Graph, theme: Theme, lang: str = "en", timeout: float = DOT_TIMEOUT) -> None:
    """Start dot on every density of a graph in a background thread, so that its runs (about
    70 ms each, two passes) go on while the rest of the talk is planned; `layout_graph` then
    takes what they found. Only a shortcut: anything that goes wrong is left to `layout_graph`."""
    import threading

    key = _graph_key(graph, theme, lang, timeout)
    if key in _ahead or any(done[:4] == key for done in _laid_out):
        return
    try:
        prepared = _measured(graph, theme, lang)
    except Exception:  # noqa: BLE001 - met again, and reported, by `layout_graph`
        return
    worker = threading.Thread(target=_run_passes, args=(prepared, timeout), daemon=True,
                              name=f"dot {graph.id}")
    _ahead[key] = (prepared, worker)
    worker.start()


# Graphs whose dot runs were started ahead (`lay_out_ahead`): their measured parts and the thread.
_ahead: dict[tuple, tuple[dict, object]] = {}


def _fitted(graph: Graph, theme: Theme, lang: str, timeout: float, area: tuple[float, float]) -> GraphDiagram:
    floors = (theme.sizes.get("diagram-label-min", 18.0), theme.sizes.get("diagram-min", 14.0))
    diagram = None
    started = _ahead.pop(_graph_key(graph, theme, lang, timeout), None)
    if started is not None:
        prepared, worker = started
        worker.join()
    else:
        prepared = _prefetch(graph, theme, lang, timeout)
    try:
        for density in range(len(DENSITIES)):
            diagram = _layout_graph(graph, theme, lang, timeout, density, prepared.get(density))
            nodes, edges = smallest_text(diagram, area)
            if nodes >= floors[0] - 1e-6 and edges >= floors[1] - 1e-6:
                break
    finally:
        forget(prepared.pop("entries", []))
    return diagram


def _prefetch(graph: Graph, theme: Theme, lang: str, timeout: float) -> dict:
    """Every density's dot layouts run ahead, each pass of all densities in one run of dot (a run
    costs about its start: one run for three graphs instead of up to six); the layouts are the
    same as run one by one. The densities' measured parts by density, and the entries prefetched.

    Only a shortcut: whatever goes wrong here is left for the density loop to meet and report."""
    prepared: dict = {"entries": []}
    try:
        prepared = _measured(graph, theme, lang)
        _run_passes(prepared, timeout)
    except Exception:  # noqa: BLE001 - the loop meets it again, where it is reported
        pass
    return prepared


def _measured(graph: Graph, theme: Theme, lang: str) -> dict:
    """The measured parts of every density (`_dot_graph`), by density."""
    prepared: dict = {"entries": []}
    for density in range(len(DENSITIES)):
        prepared[density] = _dot_graph(graph, theme, lang, density)
    return prepared


def _run_passes(prepared: dict, timeout: float) -> None:
    """Both passes of dot over every density of `prepared`, the layouts kept for `run_dot` and
    their entries added to `prepared`. Runs in a thread of its own when started ahead: it
    measures nothing, and waits on dot most of the time."""
    try:
        graphs = [prepared[density][-1] for density in range(len(DENSITIES))]
        firsts = [dot_source(g) for g in graphs]
        entries = prefetch(firsts, timeout)
        prepared["entries"] += entries
        layouts = prefetched(entries)
        if not layouts or None in layouts:
            return
        seconds = [dot_source(g, label_ports(g, parse_layout(text)))
                   for g, text in zip(graphs, layouts) if g.labelled]
        prepared["entries"] += prefetch(seconds, timeout)
    except Exception:  # noqa: BLE001 - the density loop meets it again, where it is reported
        pass


def _dot_graph(graph: Graph, theme: Theme, lang: str, density: int) -> tuple:
    """The measured parts of a graph at one density, and the graph dot is asked to lay out."""
    _check(graph)
    style, measure = graph_style(theme, density), TextMeasure.for_theme(theme, lang)
    sizer = NodeSizer(graph, style, measure)
    ids = edge_ids(graph)
    labels = _edge_labels(graph, ids, style, measure)
    gap = style.edge_label_gap  # kept free around a label's background: dot reserves it too
    dot_edges = []
    for edge_id, edge in zip(ids, graph.edges):
        if edge_id not in labels:
            dot_edges.append(DotEdge(edge_id, edge.source, edge.target))
            continue
        w, h = _label_room(labels[edge_id], style)
        dot_edges.append(DotEdge(edge_id, edge.source, edge.target, labels[edge_id].text,
                                 w + 2 * gap, h + 2 * gap))
    dot_graph = DotGraph(
        graph.id, graph.direction,
        tuple(DotNode(n.id, n.label, sizer.width, sizer.height) for n in graph.nodes),
        tuple(dot_edges), style.node_sep, style.rank_sep, style.arrow_length,
    )
    return style, measure, sizer, ids, labels, dot_graph


def _layout_graph(graph: Graph, theme: Theme, lang: str, timeout: float, density: int,
                  prepared: tuple | None = None) -> GraphDiagram:
    style, measure, sizer, ids, labels, dot_graph = prepared or _dot_graph(graph, theme, lang, density)
    placed = layout_with_dot(dot_graph, timeout)

    x0, y0, x1, y1 = placed.bbox
    margin = style.margin

    def point(xy: tuple[float, float]) -> Point:  # dot's y-up points to ours, margin added
        return Point(rounded(xy[0] - x0 + margin), rounded(y1 - xy[1] + margin))

    nodes = []
    for node in graph.nodes:
        if node.id not in placed.nodes:
            raise RenderError(f"graph '{graph.id}': dot gave no position for node '{node.id}'")
        centre = point(placed.nodes[node.id])
        nodes.append(sizer.place(node, centre.x, centre.y))
    edges = []
    for edge_id, edge in zip(ids, graph.edges):
        place = placed.edges.get(edge_id)
        if place is None or len(place.spline) < 4:
            raise RenderError(f"graph '{graph.id}': dot gave no path for edge '{edge_id}'")
        label = _edge_label(labels.get(edge_id), place, point, style, measure)
        edges.append(_edge_path(edge_id, edge.source, edge.target, place, point, style, label))
    return GraphDiagram(
        id=graph.id, title=flatten(graph.title), description=describe_graph(graph, lang),
        width=rounded(x1 - x0 + 2 * margin), height=rounded(y1 - y0 + 2 * margin),
        direction=graph.direction, nodes=tuple(nodes), edges=tuple(edges), lang=lang, density=density,
    )


def _edge_label(text: WrappedLabel | None, place: DotEdgePlace, point: ToPoint,
                style: GraphStyle, measure: TextMeasure) -> EdgeLabel | None:
    """An edge label's background box and lines, centred where dot put its box."""
    if text is None or place.label_center is None:
        return None
    centre = point(place.label_center)
    w, h = _label_room(text, style)
    return EdgeLabel(rounded(centre.x - w / 2), rounded(centre.y - h / 2), rounded(w), rounded(h),
                     place_label(measure, text, centre.x, centre.y))


def _arrow(last: Point, tip: Point, half_width: float) -> tuple[Point, Point, Point]:
    """The arrow head triangle: tip, then the two base corners either side of `last`."""
    dx, dy = tip.x - last.x, tip.y - last.y
    length = (dx * dx + dy * dy) ** 0.5 or 1.0
    nx, ny = -dy / length * half_width, dx / length * half_width
    return (tip, Point(rounded(last.x + nx), rounded(last.y + ny)),
            Point(rounded(last.x - nx), rounded(last.y - ny)))


def _edge_path(edge_id: str, source: str, target: str, place: DotEdgePlace, point: ToPoint,
               style: GraphStyle, label: EdgeLabel | None) -> EdgePath:
    spline = tuple(point(p) for p in place.spline)
    tip = point(place.tip) if place.tip is not None else spline[-1]
    return EdgePath(edge_id, source, target, spline,
                    _arrow(spline[-1], tip, style.arrow_half_width), label)
