"""Stack geometry and text measurement, computed once and shared by every renderer."""

from generator.layout.boxes import Box, Diagram, Overflow, TextBlock
from generator.layout.measure import Fit, TextMeasure, Wrapped
from generator.layout.stack_diagram import SLIDE_DIAGRAM_AREA, layout_slide, layout_stacks
from generator.layout.steps import build_plan

__all__ = [
    "Box", "Diagram", "Fit", "Overflow", "SLIDE_DIAGRAM_AREA", "TextBlock", "TextMeasure", "Wrapped",
    "build_plan", "layout_slide", "layout_stacks",
]
