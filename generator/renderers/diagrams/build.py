"""`--format diagrams`: an SVG and a PNG of every stack, every side-by-side slide and every graph."""

from __future__ import annotations

from generator.jobs import Rendered, RenderJob
from generator.errors import Diagnostic
from generator.plan import TextMeasure, layout_slide, layout_stacks
from generator.model.talk import StacksSlide

PNG_SCALE = 2.0   # pixels per point: a 880 x 400 pt diagram becomes 1760 x 800 px


def overflow_warnings(job: RenderJob, diagram, where: str) -> list[Diagnostic]:
    """Texts of a diagram that do not fit their box at the minimum size, as warnings."""
    found = []
    for overflow in diagram.overflows:
        reason = "does not fit" if overflow.reason == "too-long" else "fits only by cutting a word"
        found.append(Diagnostic(
            job.loaded.path, f"text {reason} in {where} ({job.lang}): '{overflow.text}' in box {overflow.box_id}",
            "fit.overflow", None, "shorten the text, or give the diagram fewer columns", "warning"))
    return found


def render_diagrams(job: RenderJob) -> Rendered:
    """Every diagram of one language of a talk, as `diagrams/<id>.svg` and `.png`."""
    from generator.renderers.diagrams.graph import render_graph_svg
    from generator.renderers.diagrams.png import emit_png
    from generator.renderers.diagrams.stack_svg import emit_stack_svg

    talk, theme = job.talk, job.theme
    measure = TextMeasure.for_theme(theme, job.lang)
    result = Rendered()
    svgs: dict[str, str] = {}
    for stack in talk.stacks:
        diagram = layout_stacks([stack], theme, legend=talk.legend, lang=job.lang, diagram_id=stack.id,
                                measure=measure)
        result.warnings.extend(overflow_warnings(job, diagram, f"stack '{stack.id}'"))
        svgs[stack.id] = emit_stack_svg(diagram, theme)
    for slide in talk.slides:
        if isinstance(slide, StacksSlide):
            diagram = layout_slide(talk, slide, theme, measure=measure, lang=job.lang)
            result.warnings.extend(overflow_warnings(job, diagram, f"slide '{slide.id}'"))
            name = slide.id if slide.id not in svgs else f"{slide.id}-slide"
            svgs[name] = emit_stack_svg(diagram, theme)
    for graph in talk.graphs:
        name = graph.id if graph.id not in svgs else f"{graph.id}-graph"
        svgs[name] = render_graph_svg(graph, theme, job.lang)
    for name, svg in svgs.items():
        result.files[f"diagrams/{name}.svg"] = svg.encode("utf-8")
        result.files[f"diagrams/{name}.png"] = emit_png(svg, theme, scale=PNG_SCALE, background="#FFFFFF")
    return result
