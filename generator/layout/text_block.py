"""Wrapped lines turned into a placed TextBlock, with baselines from the font's metrics."""

from __future__ import annotations

from generator.layout.boxes import Align, TextBlock
from generator.layout.measure import TextMeasure


def place_text(measure: TextMeasure, text: str, lines: tuple[str, ...], size: float, bold: bool,
               color: str, x: float, y: float, w: float, align: Align = "center") -> TextBlock:
    """A text block whose first line box starts at `y`, laid in the area `x`..`x + w`."""
    pitch = measure.line_height(size)
    baselines = tuple(y + i * pitch + measure.baseline(size) for i in range(len(lines)))
    return TextBlock(text=text, lines=lines, size=size, bold=bold, color=color, x=x, y=y, w=w,
                     line_height=pitch, baselines=baselines, align=align)
