"""`--format handout`: one PDF per asked layout (notes, lines, grid) of one language of a talk.

Each layout is planned (pure, `plan.py`), then drawn straight into PDF (`renderers/pdf/handout.py`):
the slides are drawn once, from the deck plan, and placed in every layout's frames. A dark deck's
slides are drawn in its theme's light print variant (`--print-theme`, `theme/printing.py`).
"""

from __future__ import annotations

from dataclasses import replace

from generator.build.clock import build_time, epoch_is_set
from generator.build.jobs import Rendered, RenderJob
from generator.text.markdown import plain
from generator.renderers.handout.options import HandoutOptions, file_name
from generator.renderers.handout.plan import plan_handout


def render_handouts(job: RenderJob) -> Rendered:
    """`<talk>-<lang>-handout-<layout>.pdf` for every layout the job asks for (all three by default).

    The slides are drawn once and placed on the pages of every layout."""
    from generator.plan.measure import TextMeasure
    from generator.renderers.pdf.handout import HandoutDrawer, draw_slide_arts
    from generator.renderers.pdf.slides import SlideDrawer

    options = HandoutOptions.of(job.handouts, job.per_page, job.paper, job.print_theme)
    talk = job.talk
    theme, deck, warnings = printed(job, options.print_theme)
    arts = draw_slide_arts(SlideDrawer(theme, deck, job.loaded.directory), deck.slides)
    built = build_time()
    # The footer shows the talk's date, or the build's only when SOURCE_DATE_EPOCH sets one:
    # the fixed default that keeps bytes reproducible is no date to print.
    dated = built if epoch_is_set() else None
    measure = TextMeasure.for_theme(theme, job.lang).with_fallbacks(job.localized.bidi)
    files = {}
    for layout in options.layouts:
        plan = plan_handout(deck, talk, layout, paper=options.paper, per_page=options.per_page, built=dated)
        drawer = HandoutDrawer(theme, plan, deck, arts, subtitle=plain(talk.subtitle or ""),
                               created=built.replace(microsecond=0), measure=measure)
        files[file_name(talk.id, job.lang, layout)] = drawer.write()
    return Rendered(files=files, warnings=warnings)


def printed(job: RenderJob, choice: str):
    """The theme the handouts print in (`--print-theme`), the deck plan in it, and the contrast
    problems of its colours. A print variant changes only colours, so its plan is the deck's,
    planned again for the colours it bakes in (diagram fills, strokes and text)."""
    from generator.theme.printing import print_contrast_problems, print_theme

    theme = print_theme(job.theme, choice)
    if theme is job.theme:
        return theme, job.plan, []
    from generator.i18n.dates import byline
    from generator.plan.deck import plan_deck

    deck = plan_deck(job.talk, theme, lang=job.lang, byline=byline(job.talk, job.lang), geometry=job.plan.geometry,
                     bidi=job.localized.bidi)
    from generator.content.talk import display_path

    path = display_path(job.theme.directory / "theme.yaml")
    problems = [replace(d, severity="warning") for d in print_contrast_problems(job.theme, path, choice)]
    return theme, deck, problems
