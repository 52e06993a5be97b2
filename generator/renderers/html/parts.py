"""A deck's slides as HTML fragments, one `<section class="slide">` each, shared by the deck and the handouts.

The plan of every slide, its picture (inline SVG or image `data:` URL) and its markup from the
`slide.html.j2` template; the HTML deck wraps them in its stage, the handouts scale them onto paper.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.renderers.html.drawings import slide_drawing
from generator.plan.deck import DeckPlan
from generator.renderers.html.strings import ui_strings
from generator.renderers.html.templates import environment

KIND_TEMPLATES = {
    "title": "kinds/title.html.j2", "section": "kinds/section.html.j2", "closing": "kinds/closing.html.j2",
    "statement": "kinds/statement.html.j2", "bullets": "kinds/bullets.html.j2",
    "stack": "kinds/diagram.html.j2", "stacks": "kinds/diagram.html.j2", "graph": "kinds/diagram.html.j2",
    "comparison": "kinds/comparison.html.j2", "image": "kinds/image.html.j2", "code": "kinds/code.html.j2",
    "two-columns": "kinds/two-columns.html.j2", "chart": "kinds/chart.html.j2",
}


@dataclass(frozen=True)
class DeckParts:
    """The plan of a deck, its words, and the markup of each slide in the plan's order."""

    plan: DeckPlan
    strings: dict[str, str]
    sections: tuple[Markup, ...]

    def characters(self) -> frozenset[str]:
        """Every character the slides and the deck's words show (what the font subsets must cover)."""
        found: set[str] = set()
        for section in self.sections:       # not joined: 140 MiB at 10,000 slides
            found.update(section)
        return frozenset(found) | frozenset("".join(self.strings.values()))


def deck_parts(job) -> DeckParts:
    """Every slide's `<section>` of the job's plan (`job` is a `RenderJob`)."""
    theme, plan = job.theme, job.plan
    drawings = {slide.number: slide_drawing(slide, theme, job.lang, job.loaded.directory)
                for slide in plan.slides}
    strings = ui_strings(job.lang)
    template = environment(theme).get_template("slide.html.j2")
    bidi = job.localized.bidi       # which way each text runs, which strings fell back
    sections = tuple(Markup(template.render(plan=plan, slide=slide, drawings=drawings, strings=strings,
                                            kind_templates=KIND_TEMPLATES, bidi=bidi)) for slide in plan.slides)
    return DeckParts(plan, strings, sections)
