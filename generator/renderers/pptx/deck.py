"""`--format pptx`: the editable PowerPoint deck of one language, from the theme's or the user's template."""

from __future__ import annotations

from pathlib import Path

from generator.build import Rendered, RenderJob
from generator.errors import Diagnostic
from generator.i18n.dates import byline
from generator.layout import TextMeasure, layout_slide
from generator.renderers.pptx.notes import write_notes
from generator.renderers.pptx.package import reproducible_bytes, set_core_properties
from generator.renderers.pptx.shapes import EMU_PER_PT
from generator.renderers.pptx.fonts import measure_for_template
from generator.renderers.pptx.slides import EMITTERS, ROLE_OF_KIND, SlideContext, add_footer, pin_placeholders
from generator.renderers.pptx.template import Layouts, open_template
from generator.renderers.pptx.text import office_lang, tag_language


def template_of(job: RenderJob) -> Path:
    return job.template or (job.theme.directory / "template.pptx")


def misfit_warnings(job: RenderJob, misfits) -> list[Diagnostic]:
    """Texts that do not fit their frame, placed at their slide in talk.yaml."""
    found = []
    index = {slide.id: i for i, slide in enumerate(job.loaded.talk.slides)}
    for misfit in misfits:
        where = job.loaded.document.where(("slides", index.get(misfit.slide_id, 0)))
        found.append(Diagnostic(
            job.loaded.path, f"{misfit.field} of slide '{misfit.slide_id}' does not fit at the minimum size "
            f"in {job.lang}: '{misfit.text[:60]}'", "fit.overflow", where,
            "shorten the text or split the slide", "warning"))
    return found


def render_pptx(job: RenderJob) -> Rendered:
    """The deck `<talk>-<lang>.pptx`: one slide per content slide, notes, numbers, footer."""
    talk = job.talk
    template = template_of(job)
    prs = open_template(template)
    layouts = Layouts(prs, template.name)
    slide_w, slide_h = prs.slide_width / EMU_PER_PT, prs.slide_height / EMU_PER_PT
    measure = TextMeasure.for_theme(job.theme)   # diagrams: drawn in the theme's font
    text_measure, font_warnings = measure_for_template(prs, job.theme, template.name)

    def diagram(content, width: float, height: float):
        return layout_slide(talk, content, job.theme, width=width, height=height, measure=measure)

    ctx = SlideContext(talk, job.theme, text_measure, slide_w, slide_h, diagram,
                       lambda src: str(job.loaded.directory / src), byline=byline(talk, job.lang))
    for number, content in enumerate(talk.slides, start=1):
        layout = layouts.for_role(ROLE_OF_KIND[content.kind], content.layout or talk.layouts.get(content.kind))
        slide = prs.slides.add_slide(layout)
        pin_placeholders(slide)
        EMITTERS[content.kind](ctx, slide, content)
        if content.kind != "title":
            add_footer(slide, talk.title, number, job.theme.body.family)
        if content.notes:
            write_notes(slide, content.notes)
        tag_language(slide._element, job.lang)
        if slide.has_notes_slide:
            tag_language(slide.notes_slide._element, job.lang)
    set_core_properties(prs, title=talk.title, author=talk.author, lang=office_lang(job.lang),
                        subject=talk.subtitle)
    result = Rendered()
    result.files[f"{talk.id}-{job.lang}.pptx"] = reproducible_bytes(prs)
    result.warnings.extend(layouts.warnings)
    result.warnings.extend(font_warnings)
    result.warnings.extend(misfit_warnings(job, ctx.misfits))
    return result
