"""A graph of the content laid out as a diagram: boxes sized with the real font, placed by dot.

Node and edge-label sizes are measured first, dot places them, and the result comes back as
plain frozen values (`GraphDiagram`) in points, origin at the top-left corner, y pointing down.
The plan adapts a graph to its area (`fit_graph`): the flow when the talk names none, the
wrapping of node labels and the density are the rungs of a ladder climbed until its texts,
scaled into the area, stay at their floors; every format draws what it chose.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, NamedTuple

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
from generator.plan.graph.text import (
    MAX_LABEL_LINES, WrappedLabel, flatten, place_label, width_for_lines, wrap_label,
)
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
                 measure: TextMeasure, direction: str) -> dict[str, WrappedLabel]:
    """The wrapped label of every labelled edge; narrower in left-right graphs, where edge
    labels sit between ranks laid side by side."""
    width = (style.max_edge_label_width_lr if direction in ("LR", "RL")
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


# The flows tried, in order of preference, for a graph that names none.
DIRECTIONS = ("LR", "TB")
# For a graph whose flow does not fit: the one to suggest instead.
_OTHER_DIRECTION = {"LR": "TB", "RL": "TB", "TB": "LR", "BT": "LR"}


class Rung(NamedTuple):
    """One step of the ladder a graph is fitted with: its flow, its density (an index into
    DENSITIES) and the width its node labels wrap at (None: the style's `max_label_width`)."""

    direction: str
    density: int
    wrap: float | None


@dataclass(frozen=True)
class GraphFit:
    """A graph's diagram as the ladder chose it, whether its texts stay at their floors, and
    when they do not, the change that would help: a flow that fits (only for a graph that names
    one) or else its longest label, to shorten."""

    diagram: GraphDiagram
    fits: bool
    direction: str | None = None
    longest: str = ""


def layout_graph(graph: Graph, theme: Theme, lang: str = "en", timeout: float = DOT_TIMEOUT,
                 area: tuple[float, float] = GRAPH_AREA) -> GraphDiagram:
    """The diagram of a graph: every box, path and text line placed, in points (`fit_graph`)."""
    return fit_graph(graph, theme, lang, timeout, area).diagram


def fit_graph(graph: Graph, theme: Theme, lang: str = "en", timeout: float = DOT_TIMEOUT,
              area: tuple[float, float] = GRAPH_AREA) -> GraphFit:
    """The diagram of a graph drawn largest in `area`, climbing a ladder until, scaled into the
    area, its labels stay at or above their floors.

    For each flow (the graph's own, or else both `DIRECTIONS`), the densities are tried from the
    loosest; at each, node labels wrap at the style's width and at the widths that put the
    widest label on one, two and three balanced lines, and the first density at which one fits
    keeps the wrap drawn largest (ties: the style's). Between flows, the text drawn largest wins
    (ties: left to right). A graph that fits nowhere keeps its best try, with what to change."""
    key = (*_graph_key(graph, theme, lang, timeout), area)
    if key not in _laid_out:
        if len(_laid_out) > 64:
            _laid_out.clear()
        _laid_out[key] = _fitted(graph, theme, lang, timeout, area)
    return _laid_out[key]


def _graph_key(graph: Graph, theme: Theme, lang: str, timeout: float) -> tuple:
    """What a graph's layout depends on: the graph, the theme, the language and dot's time limit."""
    return graph.model_dump_json(by_alias=True), repr(theme), lang, timeout


# Fitted graphs of this process: a live rebuild after an edit elsewhere does not run dot again.
_laid_out: dict[tuple, GraphFit] = {}


def lay_out_ahead(graph: Graph, theme: Theme, lang: str = "en", timeout: float = DOT_TIMEOUT) -> None:
    """Start dot on every rung of a graph's ladder in a background thread, so that its runs
    (two passes, each rung of the ladder in one run of dot) go on while the rest of the talk is
    planned; `fit_graph` then takes what they found. Only a shortcut: anything that goes wrong
    is left to `fit_graph`."""
    import threading

    key = _graph_key(graph, theme, lang, timeout)
    if key in _ahead or any(done[:4] == key for done in _laid_out):
        return
    prepared: dict = {"entries": []}

    def ahead() -> None:       # measuring the rungs too: the planner's thread goes on meanwhile
        try:
            prepared.update(_measured(graph, theme, lang))
        except Exception:  # noqa: BLE001 - met again, and reported, by `fit_graph`
            return
        _run_passes(prepared, timeout)

    worker = threading.Thread(target=ahead, daemon=True, name=f"dot {graph.id}")
    _ahead[key] = (prepared, worker)
    worker.start()


# Graphs whose dot runs were started ahead (`lay_out_ahead`): their measured parts and the thread.
_ahead: dict[tuple, tuple[dict, object]] = {}


def settle_ahead() -> None:
    """Wait for every run started ahead to end: before this process forks, whose children would
    inherit the runs' half-filled results but not the threads filling them."""
    for _prepared, worker in list(_ahead.values()):
        worker.join()


def forget_ahead() -> None:
    """Drop the runs started ahead that this process will not plan with (its workers planned
    those languages, with the copies they inherited)."""
    settle_ahead()
    _ahead.clear()


def _floors(theme: Theme) -> tuple[float, float]:
    return theme.sizes.get("diagram-label-min", 18.0), theme.sizes.get("diagram-min", 14.0)


def _fitted(graph: Graph, theme: Theme, lang: str, timeout: float, area: tuple[float, float]) -> GraphFit:
    started = _ahead.pop(_graph_key(graph, theme, lang, timeout), None)
    if started is not None:
        prepared, worker = started
        worker.join()
    else:
        prepared = _prefetch(graph, theme, lang, timeout)
    floors = _floors(theme)
    try:
        rungs = prepared.get("rungs") or _measured(graph, theme, lang)["rungs"]
        directions = (graph.direction,) if graph.direction else DIRECTIONS
        tries = [_climb(graph, lang, timeout, area, floors, rungs, direction) for direction in directions]
    finally:
        forget(prepared.pop("entries", []))
    score, diagram = max(tries, key=lambda found: found[0])     # the first of equals: LR
    if score[0]:
        return GraphFit(diagram, True)
    other = _OTHER_DIRECTION[graph.direction] if graph.direction else None
    if other is not None:
        elsewhere = _prefetch(graph, theme, lang, timeout, (other,))
        try:
            rungs = elsewhere.get("rungs") or _measured(graph, theme, lang, (other,))["rungs"]
            (fits, _), _ = _climb(graph, lang, timeout, area, floors, rungs, other)
        finally:
            forget(elsewhere.pop("entries", []))
        if fits:
            return GraphFit(diagram, False, direction=other)
    return GraphFit(diagram, False, longest=_longest_label(graph, theme, lang, diagram, area))


def _score(diagram: GraphDiagram, area: tuple[float, float], floors: tuple[float, float]) -> tuple:
    """How well a diagram fits `area`: whether its texts stay at their floors, then how large its
    texts are drawn, as a share of their floors (the smaller of node and edge labels)."""
    nodes, edges = smallest_text(diagram, area)
    share = min(nodes / floors[0], edges / floors[1])
    return share >= 1 - 1e-6, round(share, 6)


def _climb(graph: Graph, lang: str, timeout: float, area: tuple[float, float],
           floors: tuple[float, float], rungs: dict, direction: str) -> tuple[tuple, GraphDiagram]:
    """The score and diagram of the loosest density at which the graph fits in one flow, the
    wrap drawn largest at it (ties: the first tried); fitting at none, the tightest's best."""
    best = None
    for density in range(len(DENSITIES)):
        tried = []
        for rung, parts in rungs.items():
            if rung.direction == direction and rung.density == density:
                diagram = _layout_graph(graph, lang, timeout, rung, parts)
                tried.append((_score(diagram, area, floors), diagram))
        best = max(tried, key=lambda found: found[0])
        if best[0][0]:
            break
    return best


def _longest_label(graph: Graph, theme: Theme, lang: str, diagram: GraphDiagram,
                   area: tuple[float, float]) -> str:
    """The label to shorten: the widest node label, or the widest edge label when only edge
    labels are drawn under their floor."""
    measure, floors = TextMeasure.for_theme(theme, lang), _floors(theme)
    nodes, _ = smallest_text(diagram, area)
    edge_labels = [edge.label for edge in graph.edges if edge.label]
    if nodes >= floors[0] - 1e-6 and edge_labels:
        return max((flatten(text) for text in edge_labels), key=lambda text: measure.width(text, floors[1]))
    return max((flatten(node.label) for node in graph.nodes),
               key=lambda text: measure.width(text, floors[0], True))


def _prefetch(graph: Graph, theme: Theme, lang: str, timeout: float,
              directions: tuple[str, ...] | None = None) -> dict:
    """Every rung's dot layouts run ahead, each pass of all rungs in one run of dot (a run costs
    about its start: two runs instead of two per rung); the layouts are the same as run one by
    one. The rungs' measured parts (`_measured`), and the entries prefetched.

    Only a shortcut: whatever goes wrong here is left for the ladder to meet and report."""
    try:
        prepared = _measured(graph, theme, lang, directions)
    except Exception:  # noqa: BLE001 - the ladder meets it again, where it is reported
        return {"entries": []}
    _run_passes(prepared, timeout)
    return prepared


def _wrap_widths(graph: Graph, style: GraphStyle, measure: TextMeasure) -> tuple[float | None, ...]:
    """The node label wrapping widths tried at one density: the style's, then those that put the
    widest label on one, two and three balanced lines."""
    widest = max((flatten(n.label) for n in graph.nodes),
                 key=lambda text: measure.width(text, style.label_size, True))
    return (None, *(width_for_lines(measure, widest, style.label_size, True, count)
                    for count in range(1, MAX_LABEL_LINES + 1)))


def _measured(graph: Graph, theme: Theme, lang: str, directions: tuple[str, ...] | None = None) -> dict:
    """The measured parts (`_dot_graph`) of every rung of the ladder, in the order they are tried,
    under "rungs"; a wrap that gives the same lines as one tried before at its density is left out.
    `directions`: the flows to measure (the graph's, or else `DIRECTIONS`)."""
    _check(graph)
    measure = TextMeasure.for_theme(theme, lang)
    directions = directions or ((graph.direction,) if graph.direction else DIRECTIONS)
    rungs: dict[Rung, tuple] = {}
    for density in range(len(DENSITIES)):
        style = graph_style(theme, density)
        seen = set()
        for wrap in _wrap_widths(graph, style, measure):
            sizer = NodeSizer(graph, style, measure, directions[0], wrap)
            lines = tuple(text.lines for text in sizer.texts.values())
            if lines in seen:
                continue
            seen.add(lines)
            for direction in directions:
                rungs[Rung(direction, density, wrap)] = _dot_graph(graph, style, measure, direction, wrap)
    return {"entries": [], "rungs": rungs}


def _run_passes(prepared: dict, timeout: float) -> None:
    """Both passes of dot over every rung of `prepared`, the layouts kept for `run_dot` and their
    entries added to `prepared`. Runs in a thread of its own when started ahead: it measures
    nothing, and waits on dot most of the time."""
    try:
        graphs = [parts[-1] for parts in prepared["rungs"].values()]
        firsts = [dot_source(g) for g in graphs]
        entries = prefetch(firsts, timeout)
        prepared["entries"] += entries
        layouts = prefetched(entries)
        if not layouts or None in layouts:
            return
        seconds = [dot_source(g, label_ports(g, parse_layout(text)))
                   for g, text in zip(graphs, layouts) if g.labelled]
        prepared["entries"] += prefetch(seconds, timeout)
    except Exception:  # noqa: BLE001 - the ladder meets it again, where it is reported
        pass


def _dot_graph(graph: Graph, style: GraphStyle, measure: TextMeasure, direction: str,
               wrap: float | None) -> tuple:
    """The measured parts of a graph at one rung, and the graph dot is asked to lay out."""
    sizer = NodeSizer(graph, style, measure, direction, wrap)
    ids = edge_ids(graph)
    labels = _edge_labels(graph, ids, style, measure, direction)
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
        graph.id, direction,
        tuple(DotNode(n.id, n.label, sizer.width, sizer.height) for n in graph.nodes),
        tuple(dot_edges), style.node_sep, style.rank_sep, style.arrow_length,
    )
    return style, measure, sizer, ids, labels, dot_graph


def _layout_graph(graph: Graph, lang: str, timeout: float, rung: Rung, prepared: tuple) -> GraphDiagram:
    style, measure, sizer, ids, labels, dot_graph = prepared
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
        direction=rung.direction, nodes=tuple(nodes), edges=tuple(edges), lang=lang, density=rung.density,
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
