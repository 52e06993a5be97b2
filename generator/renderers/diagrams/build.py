"""`--format diagrams`: an SVG and a PNG of every stack, every side-by-side slide and every graph.

The pictures of slides are the plan's own diagrams, so a standalone SVG is exactly what the
slide shows; a stack or graph is laid out alone at the size of the slide's diagram area.
"""

from __future__ import annotations

from generator.theme.contrast import colors as palette
from generator.build.jobs import Rendered, RenderJob
from generator.model.talk import StacksSlide

PNG_SCALE = 2.0   # pixels per point: an 864 x 380 pt diagram becomes 1728 x 760 px


def render_diagrams(job: RenderJob) -> Rendered:
    """Every diagram of one language of a talk, as `diagrams/<id>.svg` and `.png`."""
    from generator.plan.stack_diagram import layout_stacks
    from generator.plan.graph.layout import layout_graph
    from generator.renderers.diagrams.graph_svg import emit_graph_svg
    from generator.renderers.diagrams.png import emit_pngs
    from generator.renderers.diagrams.stack_svg import emit_stack_svg
    from generator.renderers.diagrams.standalone import embedded_faces, standalone_svg

    talk, theme, plan = job.talk, job.theme, job.plan
    area = plan.geometry.body
    result = Rendered()
    svgs: dict[str, str] = {}
    # A stack shown on a slide of its own is drawn as that slide draws it, so its picture exists
    # whenever the slide does; another stack is laid out alone, at the slide's diagram area.
    on_slides = {}
    for planned in plan.slides:
        content = next(s for s in talk.slides if s.id == planned.id)
        if content.kind == "stack" and planned.diagram is not None and planned.diagram.fits:
            on_slides.setdefault(content.stack, planned.diagram)
    for stack in talk.stacks:
        diagram = layout_stacks([stack], theme, width=area.w, height=area.h, legend=talk.legend, lang=job.lang,
                                diagram_id=stack.id)
        if not diagram.fits and stack.id in on_slides:
            diagram = on_slides[stack.id]
        if diagram.fits:
            svgs[stack.id] = emit_stack_svg(diagram, theme)
        else:
            from generator.errors import Diagnostic

            result.warnings.append(Diagnostic(
                job.loaded.path if hasattr(job.loaded, "path") else talk.id,
                f"diagrams/{stack.id}.svg and .png are not written in {job.lang}: the stack cannot hold its "
                "text at the smallest sizes when drawn alone", "fit.diagram-file", None,
                "show it on a slide of its own (kind: stack), or shorten its longest labels", "warning"))
    contents = {content.id: content for content in talk.slides}
    for planned in plan.slides:
        content = contents[planned.id]
        if isinstance(content, StacksSlide) and planned.diagram.fits:
            name = content.id if content.id not in svgs else f"{content.id}-slide"
            if planned.parts:     # a slide continued on the next: one diagram a part
                name = f"{name}-{planned.part}"
            svgs[name] = emit_stack_svg(planned.diagram, theme)
    planned_graphs = {s.graph.id: s.graph for s in plan.slides if s.graph is not None}
    for graph in talk.graphs:
        name = graph.id if graph.id not in svgs else f"{graph.id}-graph"
        diagram = planned_graphs.get(graph.id) or layout_graph(graph, theme, job.lang, area=(area.w, area.h))
        svgs[name] = emit_graph_svg(diagram, theme)
    for planned in plan.slides:          # every chart, as its slide draws it
        if planned.chart is not None:
            from generator.renderers.diagrams.chart_svg import emit_chart_svg

            name = planned.id if planned.id not in svgs else f"{planned.id}-chart"
            svgs[name] = emit_chart_svg(planned.chart, theme)
    style = embedded_faces(svgs.values(), theme, job.lang)
    background = palette(theme)["background"]      # the slide's: a dark theme's light text stays readable
    pngs = emit_pngs(list(svgs.values()), theme, scale=PNG_SCALE, background=background)
    for (name, svg), png in zip(svgs.items(), pngs):
        result.files[f"diagrams/{name}.svg"] = standalone_svg(svg, style, background).encode("utf-8")
        result.files[f"diagrams/{name}.png"] = png
    return result
