"""A laid-out stack diagram drawn as large as its area allows: every box, text and stroke scaled
alike about the drawing's centre, so its proportions and its one label size stay one."""

from __future__ import annotations

import math
from dataclasses import replace

from generator.plan.boxes import Box, Diagram, TextBlock

MARGIN = 8.0      # kept clear inside the area, as the layout does, so strokes are never cut


def grown(diagram: Diagram, limit: float, label_cap: float | None = None) -> Diagram:
    """`diagram` scaled by as much as its area leaves room for, at most `limit` times (and with its
    labels at most `label_cap` points: the deck's one label size), and centred in the area;
    unchanged when it already fills the area one way or the other."""
    if not diagram.boxes:
        return diagram
    left = min(box.x for box in diagram.boxes)
    top = min(box.y for box in diagram.boxes)
    width = max(box.right for box in diagram.boxes) - left
    height = max(box.bottom for box in diagram.boxes) - top
    if width <= 0 or height <= 0:
        return diagram
    scale = min((diagram.width - 2 * MARGIN) / width, (diagram.height - 2 * MARGIN) / height, limit)
    labels = [box.label.size for box in diagram.boxes if box.role == "layer" and box.label is not None]
    if labels and label_cap is not None:
        scale = min(scale, label_cap / max(labels))
    if labels:       # the labels land on a half point
        scale = math.floor(max(labels) * scale * 2) / 2 / max(labels)
    if scale <= 1.0 + 1e-3:
        return diagram
    dx = (diagram.width - width * scale) / 2 - left * scale
    dy = (diagram.height - height * scale) / 2 - top * scale
    return replace(diagram, boxes=tuple(_box(box, scale, dx, dy) for box in diagram.boxes))


def _box(box: Box, scale: float, dx: float, dy: float) -> Box:
    return replace(box, x=box.x * scale + dx, y=box.y * scale + dy, w=box.w * scale, h=box.h * scale,
                   stroke_width=box.stroke_width * scale, radius=box.radius * scale,
                   label=_text(box.label, scale, dx, dy), detail=_text(box.detail, scale, dx, dy))


def _text(block: TextBlock | None, scale: float, dx: float, dy: float) -> TextBlock | None:
    if block is None:
        return None
    return replace(block, size=round(block.size * scale, 2), x=block.x * scale + dx, y=block.y * scale + dy,
                   w=block.w * scale, line_height=block.line_height * scale,
                   baselines=tuple(b * scale + dy for b in block.baselines), last_shift=block.last_shift * scale)
