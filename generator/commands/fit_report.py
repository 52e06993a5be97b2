"""The fit diagnostics of a deck plan, placed at their slide in talk.yaml: what `check` prints
and what `build` prints, from the same plan, so the two always agree."""

from __future__ import annotations

from generator.content.talk import LoadedTalk
from generator.errors import Diagnostic
from generator.plan.deck import DeckPlan, Problem


def _short(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


_FLOWS = {"LR": "left to right", "RL": "right to left", "TB": "top to bottom", "BT": "bottom to top"}


def _graph_hint(loaded: LoadedTalk, problem: Problem) -> str:
    """The change that lets a graph fit: the flow the plan found to fit, or its longest label,
    shortened (the plan has tried every wrapping, density and, when the graph names none, flow)."""
    slide = next((s for s in loaded.talk.slides if s.id == problem.slide_id), None)
    name = getattr(slide, "graph", "")
    if problem.field == "graph direction":
        return (f"set `direction: {problem.text}` in graph '{name}' (laid out "
                f"{_FLOWS.get(problem.text, problem.text)}, it fits), or leave `direction` out to let deckgen choose")
    return f"shorten the labels of graph '{name}', starting with its longest, '{_short(problem.text, 80)}'"


def problem_diagnostic(loaded: LoadedTalk, plan: DeckPlan, problem: Problem, floors: tuple[float, float]) -> Diagnostic:
    index = next((i for i, slide in enumerate(loaded.talk.slides) if slide.id == problem.slide_id), 0)
    where = loaded.document.where(("slides", index))
    if problem.code == "fit.diagram" and problem.field in ("graph direction", "graph label"):
        return Diagnostic(
            loaded.path, f"the graph of slide '{problem.slide_id}' {problem.why} (floors {floors[0]:g} and "
            f"{floors[1]:g} pt) in {plan.lang}", "fit.diagram", where, _graph_hint(loaded, problem), "error")
    if problem.code == "fit.diagram":
        return Diagnostic(
            loaded.path, f"the diagram of slide '{problem.slide_id}' cannot hold its text at the smallest sizes "
            f"(labels {floors[0]:g} pt, details {floors[1]:g} pt) in {plan.lang}: it {problem.why}",
            "fit.diagram", where,
            f"shorten its longest texts, such as '{_short(problem.text, 40)}', or show fewer columns on the slide", "error")
    if problem.code == "fit.chart":
        return Diagnostic(
            loaded.path, f"the chart of slide '{problem.slide_id}' cannot hold '{_short(problem.text, 40)}' at the "
            f"chart floors in {plan.lang}: it {problem.why}", "fit.chart", where,
            "shorten it, show fewer categories or series, or let the bars lie (`orientation: horizontal`), "
            "where names have more room", "error")
    if problem.code == "fit.split":
        hint = ("shorten its items, or let it continue: remove `split: false` from the slide (or `fit: strict` "
                "from the talk)" if problem.severity == "error" else
                "nothing to do; to keep it on one slide, shorten its items (`split: false` on the slide or "
                "`--strict` makes this an error)")
        return Diagnostic(loaded.path, f"slide '{problem.slide_id}' {problem.why} in {plan.lang}", "fit.split",
                          where, hint, problem.severity)
    if problem.code == "font.missing-glyph":
        return Diagnostic(
            loaded.path, f"slide '{problem.slide_id}' shows characters no font of the theme has in {plan.lang}: "
            f"{problem.why}; they would print as empty boxes", "font.missing-glyph", where,
            "install a font for that script (Debian: fonts-noto-core, fonts-noto-cjk) or name one under "
            "`fonts: scripts:` in the theme's theme.yaml", "error")
    return Diagnostic(
        loaded.path, f"{problem.field} of slide '{problem.slide_id}' does not fit at the minimum size in "
        f"{plan.lang}: '{_short(problem.text)}'", problem.code, where, "shorten the text or split the slide",
        problem.severity)


def plan_diagnostics(loaded: LoadedTalk, plan: DeckPlan, theme) -> list[Diagnostic]:
    """One diagnostic per distinct problem of the plan, placed at its slide."""
    floors = (theme.sizes.get("diagram-label-min", 18.0), theme.sizes.get("diagram-min", 14.0))
    found = [problem_diagnostic(loaded, plan, problem, floors) for problem in plan.problems]
    for url in plan.refused_links:
        found.append(Diagnostic(loaded.path, f"link '{url[:60]}' left out: only http, https, mailto and relative "
                                "links are kept", "html.link", None, None, "warning"))
    return found


def fit_report(loaded: LoadedTalk, languages: list[str]) -> list[Diagnostic]:
    """The plan's diagnostics in each language (what a build of those languages would report)."""
    from generator.i18n.dates import byline
    from generator.i18n.localize import localize
    from generator.plan.deck import plan_deck
    from generator.theme import load_theme

    theme = load_theme(loaded.talk.theme, loaded.directory.resolve())
    found = []
    for lang in languages:
        localized = localize(loaded, lang)
        talk = localized.talk
        plan = plan_deck(talk, theme, lang=lang, byline=byline(talk, lang), bidi=localized.bidi)
        found.extend(plan_diagnostics(loaded, plan, theme))
    return found
