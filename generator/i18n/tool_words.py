"""The tool's own words in the deck's language, from the gettext catalogs it ships.

The speaker view, the help, "page X of Y", the default legend names and the phrases of generated
alt text live in `generator/locales/<lang>.po` (package data, read at run time with polib). A
message's context (`msgctxt`) is its key in the code (`deck/help`, `handout/page-of`,
`legend/os`, `alt/code`), its `msgid` the English text, and `{placeholders}` are filled by name.
`fr-CA` reads `fr.po` (or `fr_CA.po` where one ships); a tag without a script reads the catalog
of the script CLDR says its language and region write (`zh-TW`, `zh-HK`: `zh_Hant.po`; `zh-CN`,
`zh-SG`, `zh`: `zh_Hans.po`). A language without a catalog reads English, and a build says so
once (`tool_language_warning`); a message a catalog leaves empty or fuzzy reads English too.
Every text is set in its language's typography (`typography.typeset`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterable, Mapping

from generator.errors import Diagnostic

SOURCE_LANG = "en"            # the language of the msgids, and what a language without a catalog reads
PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


@dataclass(frozen=True)
class ToolMessage:
    """One message of a catalog: its forms (one, or one per plural form of the language)."""

    forms: tuple[str, ...]


@dataclass(frozen=True)
class ToolCatalog:
    """The messages of one language, by key, and the language's rule for picking a plural form."""

    lang: str
    messages: Mapping[str, ToolMessage]
    plural: Callable[[int], int]

    def form(self, key: str, count: int | None) -> str | None:
        message = self.messages.get(key)
        if message is None:
            return None
        if count is None or len(message.forms) == 1:
            return message.forms[0]
        index = self.plural(count)
        return message.forms[index] if 0 <= index < len(message.forms) else message.forms[-1]


def locales_folder():
    """The folder of the shipped catalogs (inside the installed package)."""
    return resources.files("generator") / "locales"


def shipped_languages() -> tuple[str, ...]:
    """The languages deckgen has its own words in, as their catalogs are named (`fr`, `pt_BR`)."""
    return tuple(sorted(entry.name[:-3] for entry in locales_folder().iterdir() if entry.name.endswith(".po")))


def _plural_rule(header: str) -> Callable[[int], int]:
    import gettext

    match = re.search(r"plural\s*=\s*([^;\n]+)", header or "")
    if not match:
        return lambda n: 0 if n == 1 else 1
    return gettext.c2py(match.group(1).strip())


@lru_cache(maxsize=32)
def _catalog(name: str) -> ToolCatalog | None:
    import polib

    from generator.i18n.typography import typeset

    entry = locales_folder() / f"{name}.po"
    if not entry.is_file():
        return None
    po = polib.pofile(entry.read_text(encoding="utf-8"))
    lang = name.replace("_", "-")
    messages = {}
    for message in po:
        if message.obsolete or message.fuzzy or not message.msgctxt:
            continue
        if message.msgid_plural:
            forms = tuple(message.msgstr_plural[i] for i in sorted(message.msgstr_plural))
        else:
            forms = (message.msgstr,)
        if forms and all(forms):
            messages[message.msgctxt] = ToolMessage(tuple(typeset(form, lang) for form in forms))
    return ToolCatalog(lang, messages, _plural_rule(po.metadata.get("Plural-Forms", "")))


# Deprecated language codes a talk may still use, and the code of the catalog they read.
LANGUAGE_ALIASES = {"iw": "he", "ji": "yi", "in": "id"}
# The script a language is written in where a region decides it and CLDR is not at hand.
_SCRIPT_BY_REGION = {"zh": ("Hans", {"TW": "Hant", "HK": "Hant", "MO": "Hant"})}


def _subtags(lang: str) -> list[str]:
    """The subtags of a BCP 47 tag in their canonical case (`zh-hant-tw`: zh, Hant, TW)."""
    parts = [part for part in lang.replace("_", "-").split("-") if part]
    if not parts:
        return [SOURCE_LANG]
    first = parts[0].lower()
    found = [LANGUAGE_ALIASES.get(first, first)]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            found.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            found.append(part.upper())
        else:
            found.append(part)
    return found


def _likely_script(language: str, region: str | None) -> str | None:
    """The script `language` is most likely written in (in `region`): CLDR's likely subtags, through
    Babel (`zh-TW`: Hant, `zh-SG` and `zh`: Hans)."""
    try:
        from babel.core import get_global

        likely = get_global("likely_subtags")
        full = (region and likely.get(f"{language}_{region}")) or likely.get(language)
    except Exception:  # noqa: BLE001 - without CLDR's data, the few languages whose region decides
        default, by_region = _SCRIPT_BY_REGION.get(language, (None, {}))
        return by_region.get(region or "", default)
    parts = (full or "").split("_")
    return parts[1] if len(parts) > 1 and len(parts[1]) == 4 else None


@lru_cache(maxsize=128)
def _names(lang: str) -> tuple[str, ...]:
    """The catalog names that may answer for a BCP 47 tag, the closest first: `pt-BR`: pt_BR, pt;
    a tag without a script tries the script its language and region are written in before the bare
    language, so `zh-TW` reads zh_Hant (and `zh-CN`, `zh-SG`, `zh` read zh_Hans); `zh-Hant-HK`:
    zh_Hant_HK, zh_Hant, zh; `iw` reads he."""
    parts = _subtags(lang)
    names = ["_".join(parts[:size]) for size in range(len(parts), 1, -1)]
    rest = parts[1:]
    if not (rest and len(rest[0]) == 4 and rest[0].isalpha()):
        region = next((p for p in rest if (len(p) == 2 and p.isalpha()) or (len(p) == 3 and p.isdigit())), None)
        script = _likely_script(parts[0], region)
        if script:
            names += [f"{parts[0]}_{script}_{region}"] if region else []
            names.append(f"{parts[0]}_{script}")
    names.append(parts[0])
    return tuple(dict.fromkeys(names))


def tool_language(lang: str) -> str | None:
    """The language of the catalog that answers for `lang` (`fr` for `fr-CA`), None when none ships."""
    for name in _names(lang):
        if _catalog(name) is not None:
            return name.replace("_", "-")
    return None


def _catalogs(lang: str) -> list[ToolCatalog]:
    found = [c for c in (_catalog(name) for name in _names(lang)) if c is not None]
    english = _catalog(SOURCE_LANG)
    if english is None:          # pragma: no cover - the package ships it
        raise RuntimeError("deckgen's English catalog (generator/locales/en.po) is missing from the installation")
    return found + ([english] if english not in found else [])


def fill(text: str, fields: Mapping[str, object]) -> str:
    """`text` with each `{name}` whose name is in `fields` replaced (others left as written)."""
    return PLACEHOLDER.sub(lambda m: str(fields[m.group(1)]) if m.group(1) in fields else m.group(0), text)


def word(lang: str, key: str, /, **fields: object) -> str:
    """The message `key` in `lang`, its placeholders filled from `fields`; `count` picks the plural
    form. Without fields, the text keeps its `{placeholders}` (for the deck's script to fill)."""
    count = fields.get("count")
    for catalog in _catalogs(lang):
        text = catalog.form(key, count if isinstance(count, int) else None)
        if text is not None:
            return fill(text, fields)
    raise KeyError(f"deckgen's English catalog has no message '{key}'")


def words(lang: str, keys: Iterable[str]) -> dict[str, str]:
    """Several messages of `lang` by key, placeholders kept."""
    return {key: word(lang, key) for key in keys}


def join_names(names: list[str], lang: str) -> str:
    """"A, B and C" as the language writes a list (CLDR, through Babel), in the language whose
    words the rest of the sentence uses."""
    from babel.lists import format_list

    if len(names) <= 1:
        return "".join(names)
    locale = (tool_language(lang) or SOURCE_LANG).replace("-", "_")
    try:
        return format_list(names, locale=locale)
    except Exception:  # noqa: BLE001 - a catalog for a locale Babel does not know
        return format_list(names, locale=SOURCE_LANG)


def tool_language_warning(loaded, lang: str) -> Diagnostic | None:
    """The one warning of a build in a language deckgen has no words of its own in, at the
    language's place in talk.yaml; None when a catalog answers (and for the pseudo-locale)."""
    from generator.i18n.pseudo import PSEUDO_LANG

    if lang == PSEUDO_LANG or tool_language(lang) is not None:
        return None
    talk = loaded.talk
    path: tuple = ("lang",)
    if lang != talk.lang and lang in talk.translations:
        path = ("translations", talk.translations.index(lang))
    return Diagnostic(
        loaded.path, f"deckgen has no words of its own in '{lang}' (the speaker view, help, page numbers, "
        "legends, alt text): they read in English", "i18n.tool-language", loaded.document.where(path),
        f"deckgen ships {', '.join(name.replace('_', '-') for name in shipped_languages())}; to add '{lang}', "
        f"copy generator/locales/en.po to {lang.replace('-', '_')}.po and translate it (see the README)", "warning")
