"""The text-fit report of `deckgen check`: every text that cannot fit its place at the minimum size.

Measured per language with the theme's font, on the default template's geometry and the
layout engine's diagrams, without opening any template or rendering library, so `check` stays
quick; the PPTX build measures again on the template it actually uses.
"""

from __future__ import annotations

from generator.content.talk import LoadedTalk
from generator.errors import Diagnostic
from generator.i18n.localize import localize
from generator.layout import TextMeasure, layout_slide
from generator.model import talk as model
from generator.renderers.pptx.fit import (
    DEFAULT_BODY, DEFAULT_TITLE, SLIDE_SIZE, Rect, fit_paragraphs, fit_table, fit_text, table_cells,
)
from generator.theme import load_theme

STATEMENT = Rect(96.0, SLIDE_SIZE[1] * 0.22, SLIDE_SIZE[0] - 192.0, SLIDE_SIZE[1] * 0.5)
DIAGRAM_AREA = Rect(48.0, 110.0, 864.0, 384.5)


def _bullets(slide: model.BulletsSlide) -> list[tuple[int, str, bool]]:
    out = []
    for bullet in slide.bullets:
        if isinstance(bullet, str):
            out.append((0, bullet, False))
        else:
            out.append((0, bullet.text, False))
            out.extend((1, sub, False) for sub in bullet.bullets)
    return out


def slide_misfits(talk: model.Talk, slide, theme, measure: TextMeasure) -> list[tuple[str, str]]:
    """(what, text) of each text of one slide that does not fit at the theme's minimum size."""
    sizes = theme.sizes
    low = float(sizes.get("min", 12))
    found: list[tuple[str, str]] = []
    if slide.title and slide.kind not in ("title", "section", "closing"):
        if not fit_text(measure, slide.title, Rect(*DEFAULT_TITLE), float(sizes.get("title", 36)), low, True).fits:
            found.append(("title", slide.title))
    if isinstance(slide, model.StatementSlide):
        if not fit_text(measure, slide.text, STATEMENT, float(sizes.get("statement", 40)), low, True).fits:
            found.append(("text", slide.text))
    elif isinstance(slide, model.BulletsSlide):
        if not fit_paragraphs(measure, _bullets(slide), Rect(*DEFAULT_BODY), float(sizes.get("body", 24)), low).fits:
            found.append(("bullets", slide.bullets[0] if isinstance(slide.bullets[0], str) else slide.bullets[0].text))
    elif isinstance(slide, (model.StackSlide, model.StacksSlide)):
        diagram = layout_slide(talk, slide, theme, width=DIAGRAM_AREA.w, height=DIAGRAM_AREA.h, measure=measure)
        found.extend((f"diagram box {o.box_id}", o.text) for o in diagram.overflows)
    elif isinstance(slide, model.ComparisonSlide):
        cells = table_cells(talk, talk.comparison(slide.comparison))
        fit, _, _ = fit_table(measure, cells, DIAGRAM_AREA, float(sizes.get("body", 24)) * 0.85, low)
        if not fit.fits:
            found.append(("table", talk.comparison(slide.comparison).title))
    return found


def fit_report(loaded: LoadedTalk, languages: list[str]) -> list[Diagnostic]:
    """Warnings for the texts that do not fit, in each language, placed at their slide."""
    theme = load_theme(loaded.talk.theme, loaded.directory.resolve())
    measure = TextMeasure.for_theme(theme)
    found = []
    for lang in languages:
        talk = localize(loaded, lang).talk
        for index, slide in enumerate(talk.slides):
            for what, text in slide_misfits(talk, slide, theme, measure):
                short = text if len(text) <= 60 else text[:59] + "…"
                found.append(Diagnostic(
                    loaded.path, f"{what} of slide '{slide.id}' does not fit at the minimum size in {lang}: '{short}'",
                    "fit.overflow", loaded.document.where(("slides", index)),
                    "shorten the text or split the slide", "warning"))
    return found
