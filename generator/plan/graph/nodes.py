"""Node boxes of a graph: one size for all, the label measured, the icon above or left of it.

Labels wrap at the style's width, or at the width a rung of the fitting ladder tries (a narrower
one makes taller, narrower boxes), on at most `MAX_LABEL_LINES` balanced lines.

In left-right graphs the icon sits above the label (narrow nodes, since width is scarce); in
top-bottom graphs it sits in a column at the left of every box (flat nodes, since height is
scarce), the label centred in the rest. Every node gets the same size, so ranks line up and the
diagram reads as a tidy grid.
"""

from __future__ import annotations

from generator.plan.measure import TextMeasure
from generator.model.talk import Graph, GraphNode
from generator.plan.graph.model import Box, NodeBox, rounded
from generator.plan.graph.style import GraphStyle
from generator.plan.graph.text import MAX_LABEL_LINES, WrappedLabel, place_label, wrap_label
from generator.theme.icons import MAX_ICON_RATIO, icon_pixels


def icon_size(icon: str, size: float) -> tuple[float, float]:
    """The drawn size of an icon: `size` high, or up to `MAX_ICON_RATIO * size` wide for a wide logo."""
    width, height = icon_pixels(icon)
    ratio = width / height
    if ratio <= 1:
        return size * ratio, size
    shown = min(ratio, MAX_ICON_RATIO) * size
    return shown, shown / ratio


def _rounded_box(box: Box) -> Box:
    return Box(rounded(box.x), rounded(box.y), rounded(box.w), rounded(box.h))


class NodeSizer:
    """The common size of a graph's nodes, and each node's box placed around a centre."""

    def __init__(self, graph: Graph, style: GraphStyle, measure: TextMeasure,
                 direction: str | None = None, wrap: float | None = None):
        """Nodes for the flow `direction` (the graph's when None), labels wrapped at `wrap`
        points (the style's `max_label_width` when None)."""
        self.style = style
        self.measure = measure
        self.icon_above = (direction or graph.direction or "LR") in ("LR", "RL")
        width = style.max_label_width if wrap is None else wrap
        self.texts: dict[str, WrappedLabel] = {
            n.id: wrap_label(measure, n.label, style.label_size, True, width, MAX_LABEL_LINES)
            for n in graph.nodes
        }
        self.icons = {n.icon: icon_size(n.icon, style.icon_size)
                      for n in graph.nodes if n.icon is not None}
        # Icons sit in a slot as wide as the widest of them, so the labels beside them line up.
        self.slot = max((w for w, _ in self.icons.values()), default=0.0)
        sizes = [self._natural(n) for n in graph.nodes]
        self.width = max(max(w for w, _ in sizes), style.min_node_width)
        self.height = max(h for _, h in sizes)

    def _natural(self, node: GraphNode) -> tuple[float, float]:
        """The smallest box that holds this node's icon and label with their padding."""
        s, text = self.style, self.texts[node.id]
        if node.icon is None:
            return text.width + 2 * s.padding_x, text.height + 2 * s.padding
        icon_w, _ = self.icons[node.icon]
        if self.icon_above:
            return (max(text.width, icon_w) + 2 * s.padding_x,
                    s.icon_size + s.icon_gap + text.height + 2 * s.padding)
        return (self.slot + s.icon_gap + text.width + 2 * s.padding_x,
                max(s.icon_size, text.height) + 2 * s.padding)

    def place(self, node: GraphNode, cx: float, cy: float) -> NodeBox:
        """The node's box centred on (cx, cy), with its icon and label inside."""
        s, text = self.style, self.texts[node.id]
        box = Box(cx - self.width / 2, cy - self.height / 2, self.width, self.height)
        icon_box = None
        text_cx, text_cy = cx, cy
        if node.icon is not None:
            icon_w, icon_h = self.icons[node.icon]
            if self.icon_above:
                top = cy - (s.icon_size + s.icon_gap + text.height) / 2
                icon_box = Box(cx - icon_w / 2, top + (s.icon_size - icon_h) / 2, icon_w, icon_h)
                text_cy = top + s.icon_size + s.icon_gap + text.height / 2
            else:
                left = box.x + s.padding_x
                icon_box = Box(left + (self.slot - icon_w) / 2, cy - icon_h / 2, icon_w, icon_h)
                text_cx = (left + self.slot + s.icon_gap + box.x + box.w - s.padding_x) / 2
        label = place_label(self.measure, text, text_cx, text_cy)
        return NodeBox(node.id, rounded(box.x), rounded(box.y), rounded(box.w), rounded(box.h),
                       label, node.icon, None if icon_box is None else _rounded_box(icon_box))
