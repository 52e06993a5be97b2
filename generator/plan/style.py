"""The sizes, gaps and colours of stack diagrams, read from a theme with house defaults."""

from __future__ import annotations

from dataclasses import dataclass

from generator.theme import KindStyle, Theme

FALLBACK_KIND = KindStyle(fill="#F3F4F6", stroke="#9CA3AF", text="#111827")


@dataclass(frozen=True, slots=True)
class DiagramStyle:
    """Everything a stack diagram's geometry depends on besides its content (points and sRGB hex)."""

    # The type scale: each role's preferred size and its floor. A diagram uses one label, one
    # detail and one badge size throughout, shrinking from the preferred size towards the floor
    # only after every other adaptation; a text that needs less than its floor does not fit.
    label_size: float = 20.0
    label_min: float = 18.0
    detail_size: float = 16.0
    min_size: float = 14.0           # floor of details, badges, legend, column headers and edge labels
    title_size: float = 22.0
    column_label_size: float = 16.0
    legend_size: float = 16.0
    badge_size: float = 15.0
    # spacing
    margin: float = 8.0              # kept clear inside the area, so strokes and accents are never cut
    row_gap: float = 6.0
    column_gap: float = 6.0
    stack_gap: float = 48.0          # between stacks side by side, down to `min_stack_gap` when crowded
    min_stack_gap: float = 20.0
    pad_x: float = 8.0
    pad_y: float = 4.0
    text_gap: float = 2.0            # between a label and its detail or badge
    title_gap: float = 10.0          # between a stack and its title
    column_label_gap: float = 4.0
    legend_gap: float = 16.0         # between the stacks (or their titles) and the legend
    legend_swatch: float = 14.0
    legend_text_gap: float = 6.0
    legend_item_gap: float = 22.0
    legend_row_gap: float = 6.0
    badge_pad_x: float = 7.0
    badge_pad_y: float = 2.0
    badge_inset: float = 8.0         # from the layer's right edge
    badge_gap: float = 8.0           # between a badge and the label beside it
    badge_below_gap: float = 3.0     # between a label and a badge under it
    max_row_height: float = 64.0
    max_column_width: float = 280.0
    min_stack_width: float = 640.0   # a stack alone is at least this wide (when the area allows)
    min_side_width: float = 96.0     # side by side, no stack is narrower than this
    # strokes and corners
    radius: float = 6.0
    swatch_radius: float = 3.0
    stroke_width: float = 1.25
    highlight_width: float = 3.0
    # colours
    text: str = "#1F2937"
    muted: str = "#4B5563"
    highlight: str = "#C2410C"
    on_badge: str = "#FFFFFF"

    @classmethod
    def from_theme(cls, theme: Theme) -> "DiagramStyle":
        sizes, colors = theme.sizes, theme.colors
        base = cls()
        label = sizes.get("diagram-label", base.label_size)
        floor = sizes.get("diagram-min", base.min_size)
        return cls(
            label_size=label,
            label_min=min(label, sizes.get("diagram-label-min", base.label_min)),
            detail_size=max(floor, sizes.get("diagram-detail", base.detail_size)),
            min_size=floor,
            title_size=sizes.get("diagram-title", label + 2),
            column_label_size=max(floor, sizes.get("diagram-column", base.column_label_size)),
            legend_size=max(floor, sizes.get("diagram-legend", base.legend_size)),
            badge_size=max(floor, sizes.get("diagram-badge", base.badge_size)),
            text=colors.get("text", base.text),
            muted=colors.get("muted", base.muted),
            highlight=colors.get("highlight", base.highlight),
            on_badge=colors.get("background", base.on_badge),
        )

    def scaled(self, preferred: float, label_size: float) -> float:
        """A secondary size (detail, badge) shrunk in proportion with the label, never under the floor."""
        return max(self.min_size, round(preferred * label_size / self.label_size * 2) / 2)

    def label_sizes(self) -> tuple[float, ...]:
        """The label sizes a diagram may take, largest first: the preferred size down to the floor."""
        from generator.plan.measure import candidate_sizes

        return candidate_sizes(self.label_size, self.label_min)


def kind_style(theme: Theme, kind: str) -> KindStyle:
    """The colours of a layer kind; an unknown kind is drawn in neutral greys."""
    return theme.kinds.get(kind, FALLBACK_KIND)
