"""Translation status per language: translated, stale, missing and obsolete messages, and the
strings that need work listed under the slides that show them."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from generator.i18n.catalog import Translations
from generator.i18n.messages import talk_data, talk_entries
from generator.model.talk import Talk


@dataclass
class Untranslated:
    """A string a language lacks (`missing`) or has a stale translation of (`stale`), and the
    numbers of the slides that show it (none: it shows on no slide, such as an unused stack's)."""

    context: str
    text: str
    state: str
    slides: list[int] = field(default_factory=list)


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
    untranslated: list[Untranslated] = field(default_factory=list)
    slide_ids: dict[int, str] = field(default_factory=dict)     # slide number -> id

    @property
    def complete(self) -> bool:
        return self.translated == self.total

    def as_dict(self) -> dict:
        data = asdict(self) | {"complete": self.complete}
        del data["slide_ids"]
        return data


def language_status(talk: Talk, translations: Translations) -> LanguageStatus:
    """How much of the talk's current text `translations` covers. An optional string (the
    author's name, a link's address) counts only once translated, or when its translation is stale."""
    status = LanguageStatus(translations.lang, obsolete=translations.obsolete)
    status.slide_ids = {number: slide.id for number, slide in enumerate(talk.slides, start=1)}
    seen: set[tuple[str, str]] = set()
    for entry in talk_entries(talk_data(talk)):
        key = (entry.context, entry.text)
        if key in seen:
            continue
        seen.add(key)
        found = translations.get(*key)
        fresh = found is not None and bool(found.string) and not found.fuzzy
        stale = found is not None and found.fuzzy
        if entry.optional and not fresh and not stale:
            continue
        status.total += 1
        if fresh:
            status.translated += 1
            continue
        if stale:
            status.fuzzy += 1
            status.fuzzy_ids.append(entry.context)
        else:
            status.missing += 1
            status.missing_ids.append(entry.context)
        status.untranslated.append(Untranslated(entry.context, entry.text, "stale" if stale else "missing",
                                                slides_showing(talk, entry.context)))
    return status


def slides_showing(talk: Talk, context: str) -> list[int]:
    """The numbers of the slides that show the string of a message context."""
    parts = context.split("/")
    numbers = []
    for number, slide in enumerate(talk.slides, start=1):
        kind = slide.kind
        shown = False
        if parts[0] == "slides":
            shown = parts[1] == slide.id
        elif parts[0] == "stacks":
            stacks = (getattr(slide, "stack", None),) if kind == "stack" else getattr(slide, "stacks", ())
            shown = kind in ("stack", "stacks") and parts[1] in stacks
            if kind == "comparison" and parts[2:] == ["title"]:      # a stack's title heads its column
                shown = any(c.id == slide.comparison and parts[1] in c.subjects for c in talk.comparisons)
        elif parts[0] == "comparisons":
            shown = kind == "comparison" and slide.comparison == parts[1]
        elif parts[0] == "graphs":
            shown = kind == "graph" and slide.graph == parts[1]
        elif parts[0] == "legend":
            ids = (getattr(slide, "stack", None),) if kind == "stack" else getattr(slide, "stacks", ())
            shown = kind in ("stack", "stacks") and any(
                layer.kind == parts[1] for stack in talk.stacks if stack.id in ids for layer in stack.layers)
        else:                                                         # title, subtitle, author, event
            shown = kind == "title"
        if shown:
            numbers.append(number)
    return numbers


def _quoted(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return '"' + (line if len(line) <= limit else line[:limit - 1] + "…") + '"'


def format_status(status: LanguageStatus) -> str:
    """The status of one language as lines for the terminal: the counts, then each string that
    needs work under each slide that shows it, in slide order."""
    percent = 100 * status.translated // status.total if status.total else 100
    lines = [f"{status.lang}: {status.translated}/{status.total} translated ({percent} %), "
             f"{status.fuzzy} stale, {status.missing} missing, {status.obsolete} obsolete"]
    by_slide: dict[int, list[Untranslated]] = {}
    for item in status.untranslated:
        for number in item.slides or [0]:
            by_slide.setdefault(number, []).append(item)
    for number in sorted(by_slide, key=lambda n: (n == 0, n)):
        lines.append(f"  slide {number} ({status.slide_ids.get(number, '?')}):" if number else "  on no slide:")
        for item in by_slide[number]:
            lines.append(f"    {item.state}: {item.context}: {_quoted(item.text)}")
    return "\n".join(lines)
