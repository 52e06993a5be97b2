"""`deckgen check`: a talk validated, its translations counted and its deck planned in each
language, without writing anything; the report is what a build of the same languages would say."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.content.talk import LoadedTalk, display_path
from generator.errors import Diagnostic
from generator.commands.fit_report import fit_report
from generator.i18n.catalog import catalog_path, load_translations
from generator.i18n.status import LanguageStatus, language_status
from generator.i18n.tool_words import tool_language_warning
from generator.build.machine import machine_problems
from generator.commands.report import summary_line
from generator.theme import load_theme


@dataclass
class Checked:
    """What checking one talk found: its diagnostics and the lines of its summary."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    summary: list[str] = field(default_factory=list)
    errors: int = 0
    complete: bool = True
    missing: int = 0        # what the machine lacks for a build (fonts, dot): exit 3


def check_talk(loaded: LoadedTalk, languages: list[str]) -> Checked:
    """Translation status of every catalog and the deck plan's diagnostics in `languages`."""
    talk = loaded.talk
    statuses: list[LanguageStatus] = []
    for lang in talk.translations:
        path = catalog_path(loaded.directory, lang)
        statuses.append(language_status(talk, load_translations(path, lang, display_path(path))))
    theme = load_theme(talk.theme, loaded.directory.resolve())
    from generator.theme.contrast import theme_contrast_problems

    contrast = theme_contrast_problems(theme, display_path(theme.directory / "theme.yaml"))
    # the light variant handouts print a dark theme in: warned about as the handout build does
    from dataclasses import replace

    from generator.theme.printing import print_contrast_problems

    contrast += [replace(d, severity="warning")
                 for d in print_contrast_problems(theme, display_path(theme.directory / "theme.yaml"))]
    template = template_problems(loaded.directory / talk.template if talk.template else theme.file("template.pptx"))
    lacking = machine_problems(loaded, theme)
    missing = [d for d in lacking if d.severity == "error"]
    blocked = bool(missing)      # no fonts to measure with, or no dot to lay graphs out: nothing to plan
    found = [] if blocked else fit_report(loaded, languages)
    tool_words = [w for w in (tool_language_warning(loaded, lang) for lang in languages) if w is not None]
    found = contrast + found
    errors = sum(1 for d in found + template if d.severity == "error")
    checked = Checked(loaded.warnings + lacking + tool_words + template + found,
                      [summary_line(loaded, errors + len(missing))], errors,
                      all(s.complete for s in statuses), len(missing))
    for status in statuses:
        state = "complete" if status.complete else f"{status.fuzzy} stale, {status.missing} missing"
        checked.summary.append(f"  translation {status.lang}: {status.translated}/{status.total} ({state})")
    fit = "not measured: the machine lacks what planning needs" if blocked else fit_summary(found)
    checked.summary.append(f"  text fit ({', '.join(languages)}): {fit}")
    if missing:
        checked.summary.append(f"  machine: {len(missing)} requirement{'s' if len(missing) != 1 else ''} missing "
                               "(see the hints above)")
    return checked


def template_problems(path: Path) -> list[Diagnostic]:
    """What a PPTX build would say of the talk's template (its `template:`, else its theme's),
    from its package alone: a template a build refuses, and what a build drops from it. Nothing
    when there is none to read (a talk's missing template is a reference error already)."""
    if not path.is_file():
        return []
    from generator.renderers.pptx.template import template_problems as package_problems

    return package_problems(path)


def fit_summary(found: list[Diagnostic]) -> str:
    """`every text fits`, or how many diagrams cannot hold their text and how many texts do not fit."""
    diagrams = sum(1 for d in found if d.code == "fit.diagram")
    splits = sum(1 for d in found if d.code == "fit.split")
    texts = len(found) - diagrams - splits
    parts = []
    if splits:
        parts.append(f"{splits} slide{'s' if splits != 1 else ''} continued on new slides "
                     f"({'errors' if any(d.code == 'fit.split' and d.severity == 'error' for d in found) else 'warnings'})")
    if diagrams:
        parts.append(f"{diagrams} diagram{'s' if diagrams != 1 else ''} cannot hold {'their' if diagrams != 1 else 'its'} "
                     "text (errors)")
    if texts:
        parts.append(f"{texts} text{'s do' if texts != 1 else ' does'} not fit")
    return ", ".join(parts) or "every text fits"
