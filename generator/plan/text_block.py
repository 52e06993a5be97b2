"""Wrapped lines turned into a placed TextBlock, with baselines from the font's metrics."""

from __future__ import annotations

from generator.plan.boxes import Align, TextBlock
from generator.plan.measure import TextMeasure


def place_text(measure: TextMeasure, text: str, lines: tuple[str, ...], size: float, bold: bool,
               color: str, x: float, y: float, w: float, align: Align = "center",
               baseline: str = "mixed") -> TextBlock:
    """A text block whose first line box starts at `y`, laid in the area `x`..`x + w`.

    `baseline="caps"` centres capitals and figures in the line box (a badge's "700 MB"),
    "mixed" centres mixed-case text optically.
    """
    pitch = measure.line_height(size)
    offset = measure.baseline(size) if baseline == "mixed" else pitch / 2 + measure.cap_height * size / 2
    baselines = tuple(y + i * pitch + offset for i in range(len(lines)))
    return TextBlock(text=text, lines=lines, size=size, bold=bold, color=color, x=x, y=y, w=w,
                     line_height=pitch, baselines=baselines, align=align)
