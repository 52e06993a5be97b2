"""The deck plan: geometry, measuring, line breaking and fitting, decided once for every format."""

from generator.plan.boxes import Box, Diagram, Overflow, TextBlock
from generator.plan.measure import Fit, TextMeasure, Wrapped
from generator.plan.stack_diagram import SLIDE_DIAGRAM_AREA, layout_slide, layout_stacks
from generator.plan.steps import build_plan

__all__ = [
    "Box", "Diagram", "Fit", "Overflow", "SLIDE_DIAGRAM_AREA", "TextBlock", "TextMeasure", "Wrapped",
    "build_plan", "layout_slide", "layout_stacks",
]
