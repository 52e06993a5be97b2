"""The other decks of the same talk: one per language the talk declares, wherever `--lang` built.

Every deck of a talk lists the same languages (the source `lang`, then `translations`), so its bytes
do not depend on which languages a build was asked for. The decks sit side by side in the output
tree, `<out>/<talk>/<lang>/<talk>-<lang>.html`, so each is reached by a relative address that works
from a file system and from a static host alike.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DeckLanguage:
    """One deck of the talk: its language (BCP 47), its name in that language, its relative address."""

    lang: str
    name: str
    href: str
    current: bool


def autonym(lang: str) -> str:
    """The language's name in itself ("français", "Deutsch", "العربية"); the tag when Babel does not know it."""
    from babel import Locale, UnknownLocaleError

    try:
        locale = Locale.parse(lang.replace("-", "_"))
        name = locale.get_display_name(locale)
    except (ValueError, TypeError, UnknownLocaleError):
        return lang
    return name or lang


def deck_languages(talk_id: str, languages: tuple[str, ...], current: str) -> tuple[DeckLanguage, ...]:
    """The talk's decks in the order the talk declares its languages."""
    return tuple(DeckLanguage(lang, autonym(lang), f"../{lang}/{talk_id}-{lang}.html", lang == current)
                 for lang in dict.fromkeys(languages))
