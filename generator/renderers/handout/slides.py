"""`--format pdf`: the deck as a PDF, one 16:9 page per slide (or, with `--pdf-steps`, one per
build step), printed by WeasyPrint from the HTML deck's own slides: vector text and diagrams,
fonts embedded and subset, links clickable, the outline from the slide titles, title, author
and language in the metadata, the same bytes for the same input. No browser involved."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.clock import build_time
from generator.errors import Diagnostic
from generator.jobs import Rendered, RenderJob
from generator.markdown import plain
from generator.renderers.handout.pdf import Printed, print_pdf
from generator.renderers.handout.templates import environment, read_asset
from generator.renderers.html.parts import deck_parts
from generator.renderers.html.stylesheet import slide_stylesheet


@dataclass(frozen=True)
class Page:
    section: Markup
    step: int           # 0: every step shown
    repeat: bool = False


def step_css(max_steps: int) -> str:
    """For a page of step k: the boxes of later steps hidden, the code lines of step k marked."""
    rules = []
    for k in range(1, max_steps + 1):
        page = f'.slide-page[data-show="{k}"]'
        later = ", ".join(f'{page} [data-step="{j}"]' for j in range(k + 1, max_steps + 1))
        if later:
            rules.append(f"{later} {{ opacity: 0; }}")
        rules.append(f'{page} .code .line[data-only-step~="{k}"] {{ background: var(--color-code-mark); }}')
        rules.append(f'{page} .code .line[data-only-step]:not([data-only-step~="{k}"]) {{ opacity: 0.45; }}')
    return "\n".join(rules)


FOOTERS_ONLY = ("html, body, .slide-page, .slide-page .slide { background: none; }\n"
                ".slide-page .slide > :not(.slide-footer) { display: none; }")


def render_slides_pdf(job: RenderJob) -> Rendered:
    """`<talk>-<lang>.pdf`.

    The slides are the handouts' print (without footers, found in the build cache when the
    handouts printed them first), the footers printed apart (a page of footers only is quick to
    lay out) and drawn over them; with `--pdf-steps`, one print of every step."""
    parts = deck_parts(job, printed=True)
    if job.pdf_steps:
        printed = print_slides(job, parts, per_step=True)
    else:
        from generator.renderers.handout.compose import stamp_pages

        printed = print_slides(job, parts, footers=False)
        footers = print_slides(job, parts, footers_only=True)
        printed = Printed(stamp_pages(printed.pdf, footers.pdf), printed.refused + footers.refused)
    warnings = [Diagnostic(job.loaded.path, f"slides PDF: refused to read {url[:80]}", "handout.url", None,
                           "the PDF reads only data: URLs and files of the talk's and the theme's folders", "warning")
                for url in printed.refused]
    return Rendered(files={f"{job.talk.id}-{job.lang}.pdf": printed.pdf}, warnings=warnings)


def print_slides(job: RenderJob, parts, *, per_step: bool = False, footers: bool = True,
                 footers_only: bool = False) -> Printed:
    """The slides printed one a page (every build step shown, or one page a step with `per_step`);
    without `footers`, as handouts show them, under a header of their own; with `footers_only`,
    a page of each slide's footer alone, on no background."""
    talk, theme = job.talk, job.theme
    pages: list[Page] = []
    for slide, section in zip(parts.plan.slides, parts.sections):
        if per_step and slide.steps > 1:
            pages.extend(Page(section, step, repeat=step > 1) for step in range(1, slide.steps + 1))
        else:
            pages.append(Page(section, 0))
    max_steps = max((s.steps for s in parts.plan.slides), default=1)
    fonts: dict[str, bytes] = {}
    css = "\n".join([slide_stylesheet(theme, parts.plan, parts.characters(), store=fonts),
                     read_asset(theme, "slides.css"),
                     step_css(max_steps) if per_step else "",
                     "" if footers else ".slide-page .slide-footer { display: none; }",
                     FOOTERS_ONLY if footers_only else ""])
    if "</" in css:
        raise ValueError("the slides' stylesheet must not contain '</'")
    stamp = build_time().replace(microsecond=0).isoformat() + "Z"
    html = environment(theme).get_template("slides.html.j2").render(
        lang=job.lang, direction=job.plan.direction, title=plain(talk.title), author=plain(talk.author or ""),
        description=plain(talk.subtitle or ""), created=stamp, css=Markup(css), pages=pages)
    folders = (job.loaded.directory, *theme.directories)
    if footers:
        return print_pdf(html, base=job.loaded.directory, folders=folders, fonts=fonts)
    # The handout layouts are rendered apart (and maybe at once): the first prints the slides,
    # the others find them in the build cache, keyed by the whole document and its fonts.
    from generator import cache
    from generator.inputs import tool_fingerprint

    entry = cache.key("handout-slides", tool_fingerprint(), html, *sorted(fonts))
    store = cache.active()
    found = store.get("handout-slides", entry)
    if found is not None:
        return Printed(found)
    printed = print_pdf(html, base=job.loaded.directory, folders=folders, fonts=fonts)
    if not printed.refused:
        store.put("handout-slides", entry, printed.pdf)
    return printed
