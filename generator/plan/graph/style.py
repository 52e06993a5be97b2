"""The look of node-and-edge diagrams: sizes in points and colours, derived from a theme."""

from __future__ import annotations

from dataclasses import dataclass

from generator.plan.graph.model import Box
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
    icon_backdrop: str | None = None   # a tile behind every icon, where icons drawn for white would vanish

    def icon_tile(self, icon: Box) -> Box:
        """The tile behind an icon: its box grown by half the icon gap on every side."""
        pad = self.icon_gap / 2
        return Box(round(icon.x - pad, 2), round(icon.y - pad, 2), round(icon.w + 2 * pad, 2),
                   round(icon.h + 2 * pad, 2))


# How tight a graph is drawn, tried in order until it fits its area with every text at or
# above its floor: (label size from the preferred towards the floor, spacing factor, icon factor).
# Past the first, text stays at its floor while spacing and icons shrink; new steps go last, so
# a graph that fitted at one keeps its look.
DENSITIES = ((1.0, 1.0, 2.4), (0.0, 0.8, 1.9), (0.0, 0.6, 1.5), (0.0, 0.45, 1.2), (0.0, 0.3, 1.0))


def graph_style(theme: Theme, density: int = 0) -> GraphStyle:
    """The graph look of a theme at one density (an index into DENSITIES): its diagram sizes,
    body font and colours."""
    from generator.theme.contrast import colors as palette_of, graph_node_fill

    sizes, palette = theme.sizes, palette_of(theme)
    toward, spacing, icon = DENSITIES[density]
    preferred, floor = sizes.get("diagram-label", 20.0), sizes.get("diagram-label-min", 18.0)
    label = floor + (preferred - floor) * toward
    edge_floor = sizes.get("diagram-min", 14.0)
    edge_label = edge_floor + (sizes.get("diagram-detail", 16.0) - edge_floor) * toward
    return GraphStyle(
        font_family=theme.body.css_stack(theme.script_families()),
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
        background=palette["background"],
        node_fill=graph_node_fill(palette),
        node_stroke=palette["node-stroke"],
        text=palette["text"],
        edge=palette["muted"],
        edge_text=palette["muted"],
        icon_backdrop=palette.get("icon-backdrop"),
    )
