"""`--format handout`: one PDF per asked layout (notes, lines, grid) of one language of a talk.

The HTML deck's plan and slide markup are made once, then each layout is planned (pure),
written as HTML with the handout templates and printed by WeasyPrint.
"""

from __future__ import annotations


from generator.jobs import Rendered, RenderJob
from generator.errors import Diagnostic
from generator.renderers.handout.document import handout_html
from generator.renderers.handout.options import HandoutOptions, file_name
from generator.renderers.handout.pdf import print_pdf
from generator.renderers.handout.plan import plan_handout
from generator.renderers.html.parts import deck_parts
from generator.clock import build_time, epoch_is_set


def render_handouts(job: RenderJob) -> Rendered:
    """`<talk>-<lang>-handout-<layout>.pdf` for every layout the job asks for (all three by default)."""
    options = HandoutOptions.of(job.handouts, job.per_page, job.paper)
    talk, theme = job.talk, job.theme
    parts = deck_parts(job, printed=True)
    built = build_time()
    # The footer shows the talk's date, or the build's only when SOURCE_DATE_EPOCH sets one:
    # the fixed default that keeps bytes reproducible is no date to print.
    dated = built if epoch_is_set() else None
    folders = (job.loaded.directory, *theme.directories)
    files, warnings = {}, []
    for layout in options.layouts:
        plan = plan_handout(parts.plan, talk, layout, paper=options.paper, per_page=options.per_page, built=dated)
        html = handout_html(plan, parts, theme, subtitle=talk.subtitle, built=built)
        printed = print_pdf(html, base=job.loaded.directory, folders=folders)
        name = file_name(talk.id, job.lang, layout)
        files[name] = printed.pdf
        warnings.extend(Diagnostic(job.loaded.path, f"{name}: refused to read {url[:80]}", "handout.url", None,
                                   "handouts read only data: URLs and files of the talk's and the theme's folders",
                                   "warning") for url in printed.refused)
    return Rendered(files=files, warnings=warnings)
