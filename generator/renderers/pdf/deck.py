"""The slides of one language as a PDF: one page a slide (or a build step), outline, links, metadata."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.build.clock import build_time
from generator.text.markdown import plain
from generator.renderers.pdf.document import PdfDocument
from generator.renderers.pdf.slides import SlideDrawer

if TYPE_CHECKING:
    from generator.build.jobs import Rendered


def slides_pdf(job, *, per_step: bool = False, footers: bool = True) -> bytes:
    """The PDF of the job's slides, each page the slide's size in points (13.33 × 7.5 in); one page
    per build step with `per_step`; without `footers` as the handouts place them."""
    talk, plan = job.talk, job.plan
    document = PdfDocument(title=plain(talk.title), author=plain(talk.author or ""),
                           subject=plain(talk.subtitle or ""), lang=job.lang,
                           created=build_time().replace(microsecond=0))
    drawer = SlideDrawer(job.theme, plan, job.loaded.directory)
    width, height = plan.geometry.slide_w, plan.geometry.slide_h
    for slide in plan.slides:
        steps = range(1, slide.steps + 1) if per_step and slide.steps > 1 else (0,)
        for step in steps:
            drawn = drawer.drawing(slide, step=step, footer=footers, tagged=True)
            document.merge(drawn.resources)
            page = document.add_page(width, height, drawn.content, drawn.links, drawn.structure)
            if step <= 1:
                document.outline.append((" ".join(plain(slide.heading.text).split()), page))
    return document.write()


def render_slides_pdf(job) -> "Rendered":
    """`--format pdf`: `<talk>-<lang>.pdf`, the slides one 16:9 page each (with `--pdf-steps`, one
    page per build step): vector text in the theme's faces, links clickable, an outline of the
    slide titles, title, author and language in the metadata, the same bytes for the same input."""
    from generator.build.jobs import Rendered

    return Rendered(files={f"{job.talk.id}-{job.lang}.pdf": slides_pdf(job, per_step=job.pdf_steps)})
