"""`--format html`: the talk as one self-contained HTML file that presents itself.

Plan (pure: texts, sizes, diagram boxes), then emit: the SVG of each picture, the slides
through jinja2, fonts subset to the characters on the slides, one stylesheet and one script
allowed by a Content-Security-Policy that forbids every request.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from generator.build.jobs import Rendered, RenderJob
from generator.errors import Diagnostic
from generator.renderers.html.csp import content_security_policy
from generator.text.markdown import plain
from generator.renderers.html.keys import HELP_WORDS, help_table
from generator.renderers.html.languages import deck_languages
from generator.renderers.html.parts import deck_parts
from generator.renderers.html.strings import help_words
from generator.plan.deck import DeckPlan
from generator.renderers.html.stylesheet import stylesheet
from generator.renderers.html.templates import environment, read_asset

LIVE_EVENTS = "/__deckgen/events"


@dataclass(frozen=True)
class Live:
    """What the page needs in watch mode: the server's event stream and the build it shows."""

    version: int
    events: str = LIVE_EVENTS


def render_html(job: RenderJob) -> Rendered:
    """The deck `<talk>-<lang>.html`, encoded piece by piece: the slides' markup (140 MiB at
    10,000 slides) is held once as its sections and once as the file's bytes, never joined."""
    head, slides, tail, warnings = _deck_page(job)
    data = bytearray(head.encode("utf-8"))
    for piece in slides:
        data += piece.encode("utf-8")
    data += tail.encode("utf-8")
    return Rendered(files={f"{job.talk.id}-{job.lang}.html": bytes(data)}, warnings=warnings)


def render_deck(job: RenderJob, live: Live | None = None) -> tuple[str, list[Diagnostic]]:
    """The HTML text of the deck and its warnings; with `live`, the page also follows the watch server."""
    head, slides, tail, warnings = _deck_page(job, live)
    return "".join([head, *slides, tail]), warnings


# Where the slides go in the page, rendered apart (a page whose texts hold it too gets its
# slides rendered in place)
_SLIDES = "\ue000deckgen-slides\ue000"


def _deck_page(job: RenderJob, live: Live | None = None):
    """The page before the slides, the slides' markup as pieces (jinja2's generator), the page
    after them, and the warnings."""
    talk, theme = job.talk, job.theme
    parts = deck_parts(job)
    plan, strings = parts.plan, parts.strings
    env = environment(theme)
    languages = deck_languages(talk.id, job.loaded.talk.languages, job.lang)
    found = help_words(job.lang)
    help_ = {"words": {name: found[key] for name, key in HELP_WORDS.items()},
             "rows": help_table(found, len(languages))}
    shown = "".join([*found.values(), *(language.name for language in languages),
                     *(key["label"] for row in help_["rows"] for key in row["keys"] + row["then"])])
    css = stylesheet(theme, plan, parts.characters() | frozenset(shown), live=live is not None)
    noscript_css = read_asset(theme, "noscript.css")
    scripts = [read_asset(theme, "deck.js")] + ([read_asset(theme, "live.js")] if live else [])
    for tag, text in [("script", s) for s in scripts] + [("style", noscript_css)]:
        if f"</{tag}" in text.lower():
            raise ValueError(f"an inline {tag} of the deck must not contain '</{tag}'")
    data = {"deck": f"{talk.id}-{job.lang}", "lang": job.lang, "total": len(plan.slides), "strings": strings,
            "duration": talk.duration,
            "languages": [{"lang": language.lang, "href": language.href} for language in languages],
            "live": {"events": live.events, "version": live.version} if live else None}
    def page(slides: str) -> str:
        return env.get_template("deck.html.j2").render(
            lang=job.lang, direction=parts.plan.direction, title=plain(talk.title), strings=strings, data=data,
            languages=languages, help=help_,
            csp=content_security_policy(scripts, [css, noscript_css], live=live is not None),
            css=Markup(css), noscript_css=Markup(noscript_css), scripts=[Markup(s) for s in scripts],
            slides=Markup(slides))

    slides = env.get_template("slides.html.j2")
    around = page(_SLIDES)
    if around.count(_SLIDES) != 1:
        return page(slides.render(sections=parts.sections)), iter(()), "", warnings_of(job, plan)
    head, _, tail = around.partition(_SLIDES)
    return head, slides.generate(sections=parts.sections), tail, warnings_of(job, plan)


def warnings_of(job: RenderJob, plan: DeckPlan) -> list[Diagnostic]:
    """What the HTML deck itself adds to the plan's diagnostics: nothing yet (the plan's own
    fit problems are reported once by the build)."""
    return []
