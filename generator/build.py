"""Build targets: every talk × language × format rendered in memory, then written atomically.

Nothing is written until every output of the build has been produced, so a failed build
(bad content, a stale translation under `--strict`, a renderer error) leaves the previous
outputs exactly as they were; then each talk and language folder is swapped in whole
(`publish.py`), so even a killed build leaves the old folder or the new one, never a mix.
"""

from __future__ import annotations

import importlib
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from generator.content.talk import LoadedTalk, load_talk
from generator.errors import ContentError, Diagnostic
from generator.publish import publish
from generator.fit_report import plan_diagnostics
from generator.i18n.localize import localize
from generator.jobs import Rendered, RenderJob
from generator.i18n.pseudo import PSEUDO_LANG
from generator.theme import load_theme

# Format name -> "module:function"; each renderer is imported only when its format is built.
RENDERERS: dict[str, str] = {
    "diagrams": "generator.renderers.diagrams.build:render_diagrams",
    "pptx": "generator.renderers.pptx.deck:render_pptx",
    "html": "generator.renderers.html.deck:render_html",
    "handout": "generator.renderers.handout.build:render_handouts",
    "pdf": "generator.renderers.handout.slides:render_slides_pdf",
}
FORMATS = tuple(RENDERERS)


@dataclass
class BuildResult:
    """What a build wrote, per talk and language, and what it warned about."""

    written: list[Path] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    sources: dict = field(default_factory=dict)


def renderer(fmt: str) -> Callable[[RenderJob], Rendered]:
    module, _, name = RENDERERS[fmt].partition(":")
    return getattr(importlib.import_module(module), name)


def languages_of(loaded: LoadedTalk, asked: list[str] | None) -> list[str]:
    """The languages to build: those asked for (the pseudo-locale included), or all of the talk's."""
    talk = loaded.talk
    if not asked:
        return list(talk.languages)
    unknown = [lang for lang in asked if lang not in talk.languages and lang != PSEUDO_LANG]
    if unknown:
        from generator.content.paths import did_you_mean

        raise ContentError([Diagnostic(
            loaded.path, f"the talk has no language '{unknown[0]}'", "build.language", loaded.document.where(("lang",)),
            did_you_mean(unknown[0], [*talk.languages, PSEUDO_LANG], listing="languages of the talk"),
        )], loaded.sources)
    return asked


def build(talk_dirs: list[Path], *, langs: list[str] | None, formats: list[str], out: Path,
          template: Path | None = None, strict: bool = False,
          progress: Callable[[str], None] | None = None, handouts: tuple[str, ...] | None = None,
          per_page: int | None = None, paper: str | None = None, pdf_steps: bool = False) -> BuildResult:
    """Render every asked output in memory, then write them all; raises before writing on errors."""
    result = BuildResult()
    pending: dict[Path, bytes] = {}
    errors: list[Diagnostic] = []
    for talk_dir in talk_dirs:
        loaded = load_talk(talk_dir)
        result.sources.update(loaded.sources)
        result.warnings.extend(loaded.warnings)
        theme = load_theme(loaded.talk.theme, loaded.directory.resolve())
        talk_template = template
        if talk_template is None and loaded.talk.template:
            talk_template = loaded.directory / loaded.talk.template
        for lang in languages_of(loaded, langs):
            started = time.perf_counter()
            localized = localize(loaded, lang)
            result.warnings.extend(localized.warnings)
            job = RenderJob(loaded, localized, theme, lang, talk_template, handouts, per_page, paper,
                            pdf_steps=pdf_steps)
            found = plan_diagnostics(loaded, job.plan, theme)
            errors.extend(d for d in found if d.severity == "error")
            result.warnings.extend(d for d in found if d.severity != "error")
            if errors:
                continue     # the build fails: nothing of it is rendered or written
            count = 0
            for fmt in formats:
                rendered = renderer(fmt)(job)
                result.warnings.extend(rendered.warnings)
                for relative, data in rendered.files.items():
                    pending[out / loaded.talk.id / lang / relative] = data
                    count += 1
            line = f"{loaded.talk.id}/{lang}: {count} file{'s' if count != 1 else ''} " \
                   f"({', '.join(formats)}) in {time.perf_counter() - started:.2f} s"
            result.summary.append(line)
            if progress:
                progress(line)
    result.warnings = _distinct(result.warnings)
    if errors:
        raise ContentError(errors + [w for w in result.warnings if w.code.startswith("fit.")], result.sources)
    if strict and result.warnings:
        raise ContentError([Diagnostic(w.path, w.message, w.code, w.position, w.hint, "error")
                            for w in result.warnings], result.sources)
    result.written = publish(pending, out)
    return result


def _distinct(warnings: list[Diagnostic]) -> list[Diagnostic]:
    """Each warning once: several formats drawing one plan report a problem of it once."""
    seen, out = set(), []
    for warning in warnings:
        key = (warning.path, warning.position, warning.code, warning.message)
        if key not in seen:
            seen.add(key)
            out.append(warning)
    return out
