"""`--format handout`: one PDF per asked layout (notes, lines, grid) of one language of a talk.

The slides are drawn once, one a page, straight from the deck plan (`renderers/pdf`); then each
layout is planned (pure), its pages written as HTML with empty frames for the slides and printed
by WeasyPrint, and the slide pages drawn into the frames (`compose.py`).
"""

from __future__ import annotations


from generator.jobs import Rendered, RenderJob
from generator.errors import Diagnostic
from generator.renderers.handout.document import handout_html
from generator.renderers.handout.options import HandoutOptions, file_name
from generator.renderers.handout.compose import place_slides
from generator.renderers.handout.pdf import print_pdf
from generator.renderers.pdf.deck import slides_pdf
from generator.renderers.handout.plan import plan_handout
from generator.clock import build_time, epoch_is_set


def render_handouts(job: RenderJob) -> Rendered:
    """`<talk>-<lang>-handout-<layout>.pdf` for every layout the job asks for (all three by default).

    The slides are drawn once, one a page, and placed on the pages of every layout."""
    options = HandoutOptions.of(job.handouts, job.per_page, job.paper)
    talk, theme = job.talk, job.theme
    slides = slides_pdf(job, footers=False)
    pages_of = {slide.number: index for index, slide in enumerate(job.plan.slides)}
    built = build_time()
    # The footer shows the talk's date, or the build's only when SOURCE_DATE_EPOCH sets one:
    # the fixed default that keeps bytes reproducible is no date to print.
    dated = built if epoch_is_set() else None
    folders = (job.loaded.directory, *theme.directories)
    files, warnings = {}, []
    refused = []
    for layout in options.layouts:
        plan = plan_handout(job.plan, talk, layout, paper=options.paper, per_page=options.per_page, built=dated)
        fonts: dict[str, bytes] = {}
        html = handout_html(plan, job.plan, theme, subtitle=talk.subtitle, built=built, fonts=fonts)
        printed = print_pdf(html, base=job.loaded.directory, folders=folders, fonts=fonts)
        name = file_name(talk.id, job.lang, layout)
        files[name] = place_slides(printed, slides, pages_of)
        refused.extend((name, url) for url in printed.refused)
    warnings.extend(Diagnostic(job.loaded.path, f"{name}: refused to read {url[:80]}", "handout.url", None,
                               "handouts read only data: URLs and files of the talk's and the theme's folders",
                               "warning") for name, url in refused)
    return Rendered(files=files, warnings=warnings)
