"""A talk in one language: its strings from that language's catalog, typeset for the language.

A missing or stale (fuzzy) string falls back to the source text and is reported as a warning
(`--strict` makes it an error); with `mark_untranslated` (`deckgen build --mark-untranslated`)
each such string is also wrapped in `‹ ›` in the text itself, so every format shows which ones
they are. An optional string (the author's name, a link's address) without a translation stays
as written, silently. The pseudo-locale `qps` is made on the fly from the source. A language
deckgen has no words of its own in (its catalogs in `generator/locales`) gets one warning.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from generator.content.talk import LoadedTalk, display_path
from generator.errors import Diagnostic, Position
from generator.i18n.catalog import Translations, catalog_path, load_translations
from generator.i18n.messages import set_at, talk_data, talk_entries
from generator.i18n.pseudo import PSEUDO_LANG, pseudo_translate
from generator.i18n.tool_words import tool_language_warning
from generator.i18n.typography import typeset
from generator.model.talk import Talk

# What wraps a string that fell back to the source language under --mark-untranslated: single
# guillemets, which every theme's faces draw (⟦ ⟧ would print as boxes) and Markdown leaves alone.
MARK_OPEN, MARK_CLOSE = "‹", "›"


@dataclass
class LocalizedTalk:
    """A talk with the strings of one language, and the fallbacks it needed."""

    talk: Talk
    lang: str
    warnings: list[Diagnostic] = field(default_factory=list)
    # the strings that fell back to the source language, as set in the talk (marks included)
    fallbacks: frozenset[str] = frozenset()
    source_lang: str = ""

    @cached_property
    def bidi(self):
        """The deck's `Bidi`: its direction, and which of its strings are in the source language."""
        from generator.i18n.bidi import Bidi, fallback_keys

        return Bidi(self.lang, self.source_lang, fallback_keys(self.fallbacks))


def mark(text: str) -> str:
    """`text` wrapped in the untranslated marks (a trailing line break stays outside)."""
    body = text.rstrip("\n")
    return f"{MARK_OPEN}{body}{MARK_CLOSE}{text[len(body):]}"


def localize(loaded: LoadedTalk, lang: str, translations: Translations | None = None, *,
             mark_untranslated: bool = False) -> LocalizedTalk:
    """The talk in `lang` (the source language, a translation, or `qps`)."""
    source = loaded.talk
    data = talk_data(source)
    warnings: list[Diagnostic] = []
    fallbacks: set[str] = set()
    if lang == source.lang:
        for entry in talk_entries(data):
            if not entry.verbatim:
                set_at(data, entry.path, typeset(entry.text, lang))
    elif lang == PSEUDO_LANG:
        for entry in talk_entries(data):
            if not entry.verbatim:
                set_at(data, entry.path, pseudo_translate(entry.text))
    else:
        if translations is None:
            path = catalog_path(loaded.directory, lang)
            translations = load_translations(path, lang, display_path(path))
        warnings.extend(translations.warnings)
        for entry in talk_entries(data):
            found = translations.get(entry.context, entry.text)
            if found is not None and found.string and not found.fuzzy:
                set_at(data, entry.path, found.string if entry.verbatim else typeset(found.string, lang))
                continue
            stale = found is not None and found.fuzzy
            if entry.optional and not stale:
                if not entry.verbatim:
                    set_at(data, entry.path, typeset(entry.text, source.lang))
                continue
            fallback = entry.text if entry.verbatim else typeset(entry.text, source.lang)
            fallback = mark(fallback) if mark_untranslated and not entry.verbatim else fallback
            set_at(data, entry.path, fallback)
            fallbacks.add(fallback)
            warnings.append(_fallback_warning(loaded, translations, entry, found))
    data["lang"] = lang
    data["translations"] = []
    if len(warnings) > MAX_LISTED:
        warnings = [_summary_warning(loaded, lang, warnings)]
    tool = tool_language_warning(loaded, lang)
    if tool is not None:
        warnings.append(tool)
    return LocalizedTalk(Talk.model_validate(data), lang, warnings, frozenset(fallbacks), source.lang)


MAX_LISTED = 5   # more fallbacks than this are summed up in one warning


def _summary_warning(loaded: LoadedTalk, lang: str, warnings: list[Diagnostic]) -> Diagnostic:
    stale = sum(1 for w in warnings if w.code == "i18n.fuzzy")
    missing = len(warnings) - stale
    path = catalog_path(loaded.directory, lang)
    return Diagnostic(
        display_path(path), f"{len(warnings)} strings have no fresh translation into {lang} ({missing} missing, "
        f"{stale} stale); using the source text", "i18n.missing" if missing else "i18n.fuzzy", None,
        f"deckgen i18n status {display_path(loaded.directory)} lists them", "warning")


def _fallback_warning(loaded: LoadedTalk, translations: Translations, entry, found) -> Diagnostic:
    if found is not None and found.fuzzy:
        message = f"stale translation of {entry.context} into {translations.lang}; using the source text"
        code, hint = "i18n.fuzzy", "the source changed: review the translation and remove its fuzzy flag"
        return Diagnostic(translations.path or "", message, code, Position(found.line, 1) if found.line else None,
                          hint, "warning")
    if found is not None:
        message = f"no translation of {entry.context} into {translations.lang}; using the source text"
        return Diagnostic(translations.path or "", message, "i18n.missing",
                          Position(found.line, 1) if found.line else None,
                          f"translate it in {Path(translations.path or '').name}", "warning")
    message = f"{entry.context} is not in the {translations.lang} catalog; using the source text"
    return Diagnostic(translations.path or "", message, "i18n.missing", None,
                      f"run: deckgen i18n update {display_path(loaded.directory)}", "warning")
