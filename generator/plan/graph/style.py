"""The look of node-and-edge diagrams: sizes in points and colours, derived from a theme."""

from __future__ import annotations

from dataclasses import dataclass

from generator.theme import Theme


@dataclass(frozen=True)
class GraphStyle:
    """Every measure the graph layout and its drawing share, in points, and the colours they use."""

    font_family: str          # CSS font-family list written into the SVG
    label_size: float         # node labels, drawn bold
    edge_label_size: float    # edge labels, drawn regular
    icon_size: float
    padding: float            # inside a node box, above and below its content
    padding_x: float          # inside a node box, left and right of its content
    icon_gap: float           # between an icon and its label
    min_node_width: float
    max_label_width: float    # node labels wrap beyond this
    max_edge_label_width: float       # edge labels wrap beyond this in top-bottom graphs…
    max_edge_label_width_lr: float    # …and beyond this in left-right graphs, where width is scarce
    edge_label_padding: float  # around an edge label's text, inside its background
    edge_label_gap: float     # kept free around an edge label's background: no edge comes closer
    corner_radius: float
    node_stroke_width: float
    edge_stroke_width: float
    arrow_length: float
    arrow_half_width: float
    node_sep: float
    rank_sep: float
    margin: float             # around the whole diagram
    background: str
    node_fill: str
    node_stroke: str
    text: str
    edge: str
    edge_text: str


def mix(color: str, other: str, amount: float) -> str:
    """The colour `amount` of the way from `color` to `other`; `color` itself unless both are `#RRGGBB`."""
    if not all(len(c) == 7 and c[0] == "#" for c in (color, other)):
        return color
    a = [int(color[i:i + 2], 16) for i in (1, 3, 5)]
    b = [int(other[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * amount):02X}" for x, y in zip(a, b))


# How tight a graph is drawn, tried in order until it fits its area with every text at or
# above its floor: (label size from the preferred towards the floor, spacing factor, icon factor).
DENSITIES = ((1.0, 1.0, 2.4), (0.0, 0.8, 1.9), (0.0, 0.6, 1.5))


def graph_style(theme: Theme, density: int = 0) -> GraphStyle:
    """The graph look of a theme at one density (an index into DENSITIES): its diagram sizes,
    body font and colours."""
    sizes, colors = theme.sizes, theme.colors
    toward, spacing, icon = DENSITIES[density]
    preferred, floor = sizes.get("diagram-label", 20.0), sizes.get("diagram-label-min", 18.0)
    label = floor + (preferred - floor) * toward
    edge_floor = sizes.get("diagram-min", 14.0)
    edge_label = edge_floor + (sizes.get("diagram-detail", 16.0) - edge_floor) * toward
    background = colors.get("background", "#FFFFFF")
    return GraphStyle(
        font_family=theme.body.css_stack(),
        label_size=label,
        edge_label_size=edge_label,
        icon_size=round(label * icon),
        padding=round(label * 0.7 * spacing),
        padding_x=round(label * 1.0 * spacing),
        icon_gap=round(label * 0.5 * spacing),
        min_node_width=round(label * 6.5 * max(spacing, 0.8)),
        max_label_width=round(label * 9),
        max_edge_label_width=round(edge_label * 11),
        max_edge_label_width_lr=round(edge_label * 7.5),
        edge_label_padding=round(edge_label * 0.3),
        edge_label_gap=round(edge_label * 0.3),
        corner_radius=round(label * 0.55),
        node_stroke_width=1.5,
        edge_stroke_width=1.75,
        arrow_length=10.0,
        arrow_half_width=4.5,
        node_sep=round(label * 1.4 * spacing),
        rank_sep=round(label * 2.2 * spacing),
        margin=8.0,
        background=background,
        node_fill=mix(background, colors.get("rule", "#D1D5DB"), 0.2),
        node_stroke=colors.get("rule", "#D1D5DB"),
        text=colors.get("text", "#1F2937"),
        edge=colors.get("muted", "#4B5563"),
        edge_text=colors.get("muted", "#4B5563"),
    )
