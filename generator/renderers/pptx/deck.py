"""`--format pptx`: the editable PowerPoint deck of one language, from the theme's or the user's template."""

from __future__ import annotations

from pathlib import Path

from generator.build.jobs import Rendered, RenderJob
from generator.commands.fit_report import plan_diagnostics
from generator.i18n.dates import byline
from generator.plan.deck import plan_deck
from generator.plan.measure import TextMeasure
from generator.renderers.pptx.notes import Notes
from generator.renderers.pptx.oxml.bidi import set_directions
from generator.renderers.pptx.oxml.shapes import unique_shape_ids
from generator.renderers.pptx.pictures import Pictures
from generator.renderers.pptx.package import count_chart_names, reproducible_bytes, set_core_properties, write_out
from generator.renderers.pptx.fonts import measure_for_template
from generator.build.kept import keeping
from generator.renderers.pptx.kept import SLIDES, keep_slide, kept_slide
from generator.renderers.pptx.slides import EMITTERS, ROLE_OF_KIND, Footers, NewSlides, SlideContext
from generator.renderers.pptx.template import (
    Layouts, drop_external_targets, ensure_view_props, open_template, repair_shape_ids, template_geometry,
    template_source,
)
from generator.renderers.pptx.text import office_lang, tag_language


def template_of(job: RenderJob) -> Path:
    return job.template or job.theme.file("template.pptx")


def render_pptx(job: RenderJob) -> Rendered:
    """The deck `<talk>-<lang>.pptx`: one slide per planned slide, notes, numbers, footer.

    With the theme's own template, the deck draws the job's plan, its text boxes where the plan
    put them. A user's template is a target geometry of its own: the deck is planned again for
    its slide size, placeholders and body font, and that plan's diagnostics are reported."""
    from generator.build.machine import require_version

    require_version("python-pptx")
    require_version("lxml")
    talk = job.talk
    template = template_of(job)
    prs = open_template(template)
    repaired = repair_shape_ids(prs, template.name) + drop_external_targets(prs, template.name)
    ensure_view_props(prs)
    count_chart_names(prs)
    layouts = Layouts(prs, template.name)
    text_measure, font_warnings = measure_for_template(prs, job.theme, template.name)
    own = job.template is None or job.template.resolve() == job.theme.file("template.pptx").resolve()
    result = Rendered()
    if own and not font_warnings:
        plan, geometry = job.plan, job.plan.geometry
    else:
        geometry = template_geometry(prs, layouts)
        plan = plan_deck(talk, job.theme, text_measure, lang=job.lang, byline=byline(talk, job.lang),
                         geometry=geometry, bidi=job.localized.bidi)
        result.warnings.extend(plan_diagnostics(job.loaded, plan, job.theme))
    faces = TextMeasure.for_theme(job.theme, job.lang)      # the faces other scripts are drawn with
    code_family = job.theme.code.family
    bidi = job.localized.bidi          # which way each paragraph runs, which strings fell back
    source_tag = office_lang(bidi.source_lang or job.lang)
    notes, new_slides = Notes(), NewSlides(prs)
    footers = Footers(talk.title, job.theme.body.family, job.theme.colors.get("muted"))
    ctx = SlideContext(talk, job.theme, geometry, lambda src: str(job.loaded.directory / src), own_template=own,
                       pictures=Pictures(prs.part.package), line_height=plan.line_height)
    contents = {content.id: content for content in talk.slides}     # a continued slide has several plans
    held = (job.theme, template_source(prs))        # a slide made lately is taken again (`kept.py`)
    deck_inputs = (job.lang, bidi.lang, bidi.source_lang, source_tag, own, geometry, talk.title)
    for number, planned in enumerate(plan.slides, start=1):
        content = contents[planned.id]
        layout = layouts.for_role(ROLE_OF_KIND[content.kind], content.layout or talk.layouts.get(content.kind))
        key = SLIDES.key(held, *deck_inputs, number, layout.name, planned, content.model_dump_json(),
                         talk.comparison(content.comparison).model_dump_json() if content.kind == "comparison"
                         else "") if keeping() else None
        element = kept_slide(key, held, bidi.fell_back)
        if element is not None:
            slide = new_slides.add(layout, element)
        else:
            slide = new_slides.add(layout)
            EMITTERS[content.kind](ctx, slide, content, planned)
            if planned.footer:
                footers.add(slide, layout, number)
            unique_shape_ids(slide.element)
            tag_language(slide.element, job.lang, faces, code_family)
            set_directions(slide.element, bidi, source_tag, faces.lead_family)
            keep_slide(key, held, slide, layout.part, bidi.fell_back)
        notes_part = notes.write(slide, content.notes) if content.notes else None
        if notes_part is not None:
            notes_page = notes_part.notes_slide.element
            tag_language(notes_page, job.lang, faces, code_family)
            set_directions(notes_page, bidi, source_tag, faces.lead_family)
        # finished: the deck keeps their bytes, not their XML trees, until it is saved
        write_out(slide.part, notes_part)
    set_core_properties(prs, title=talk.title, author=talk.author, lang=office_lang(job.lang),
                        subject=talk.subtitle)
    result.files[f"{talk.id}-{job.lang}.pptx"] = reproducible_bytes(prs)
    result.warnings.extend(layouts.warnings)
    result.warnings.extend(font_warnings)
    result.warnings.extend(repaired)
    return result
