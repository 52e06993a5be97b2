"""Translation status per language: translated, stale, missing and obsolete messages."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from generator.i18n.catalog import Translations
from generator.i18n.messages import talk_data, talk_entries
from generator.model.talk import Talk


@dataclass
class LanguageStatus:
    """The counts of one language, and the contexts behind the ones that need work."""

    lang: str
    total: int = 0
    translated: int = 0
    fuzzy: int = 0
    missing: int = 0
    obsolete: int = 0
    fuzzy_ids: list[str] = field(default_factory=list)
    missing_ids: list[str] = field(default_factory=list)

    @property
    def complete(self) -> bool:
        return self.translated == self.total

    def as_dict(self) -> dict:
        return asdict(self) | {"complete": self.complete}


def language_status(talk: Talk, translations: Translations) -> LanguageStatus:
    """How much of the talk's current text `translations` covers."""
    status = LanguageStatus(translations.lang, obsolete=translations.obsolete)
    seen: set[tuple[str, str]] = set()
    for entry in talk_entries(talk_data(talk)):
        key = (entry.context, entry.text)
        if key in seen:
            continue
        seen.add(key)
        status.total += 1
        found = translations.get(*key)
        if found is not None and found.string and not found.fuzzy:
            status.translated += 1
        elif found is not None and found.fuzzy:
            status.fuzzy += 1
            status.fuzzy_ids.append(entry.context)
        else:
            status.missing += 1
            status.missing_ids.append(entry.context)
    return status


def format_status(status: LanguageStatus) -> str:
    """The status of one language as lines for the terminal."""
    percent = 100 * status.translated // status.total if status.total else 100
    lines = [f"{status.lang}: {status.translated}/{status.total} translated ({percent} %), "
             f"{status.fuzzy} stale, {status.missing} missing, {status.obsolete} obsolete"]
    for label, ids in (("stale", status.fuzzy_ids), ("missing", status.missing_ids)):
        for ident in dict.fromkeys(ids):
            lines.append(f"  {label}: {ident}")
    return "\n".join(lines)
