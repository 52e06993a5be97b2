"""The handout's own words in the deck's language: "page X of Y", the date in the footer, the
title of the list of links.

A language without an entry reads them in English; `fr-CA` reads `fr`. Dates are Babel's long
format in the deck's language (the ISO date where Babel knows no such locale, as for `qps`).
"""

from __future__ import annotations

import datetime as _dt
import re

PAGE_OF = {
    "en": "page {page} of {pages}",
    "fr": "page {page} sur {pages}",
    "de": "Seite {page} von {pages}",
    "es": "página {page} de {pages}",
    "it": "pagina {page} di {pages}",
    "nl": "pagina {page} van {pages}",
    "pt": "página {page} de {pages}",
}

LINKS = {
    "en": "Links", "fr": "Liens", "de": "Links", "es": "Enlaces", "it": "Link", "nl": "Links", "pt": "Ligações",
}

SLIDE = {
    "en": "slide", "fr": "diapo", "de": "Folie", "es": "diapositiva", "it": "diapositiva", "nl": "dia",
    "pt": "diapositivo",
}

_PLACEHOLDER = re.compile(r"(\{page\}|\{pages\})")


def page_of(lang: str) -> str:
    """"page {page} of {pages}" in `lang` (BCP 47), English for a language without an entry."""
    return _word(PAGE_OF, lang)


def _word(words: dict[str, str], lang: str) -> str:
    return words.get(lang, words.get(lang.split("-")[0].lower(), words["en"]))


def links_title(lang: str) -> str:
    """The title of the handout's list of links in `lang`, English for a language without one."""
    return _word(LINKS, lang)


def slide_word(lang: str) -> str:
    """"slide" in `lang`, as the list of links says where a link was shown ("slide 20")."""
    return _word(SLIDE, lang)


def css_string(text: str) -> str:
    """`text` as a double-quoted CSS string, safe inside an HTML `<style>` element."""
    escaped = []
    for char in text:
        if char in '"\\<>&' or ord(char) < 0x20 or ord(char) == 0x7F:
            escaped.append(f"\\{ord(char):x} ")
        else:
            escaped.append(char)
    return '"' + "".join(escaped) + '"'


def page_counter_content(words: str) -> str:
    """The CSS `content` value that prints `words` ("page {page} of {pages}") with the page counters."""
    parts = []
    for piece in _PLACEHOLDER.split(words):
        if piece == "{page}":
            parts.append("counter(page)")
        elif piece == "{pages}":
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return " ".join(parts)


def handout_date(talk_date: str | None, lang: str, built: _dt.datetime | None) -> str:
    """The talk's date (YYYY-MM-DD) if it has one, else the build's if one was set, written the way
    `lang` writes dates; empty when there is neither (never a made-up date on paper)."""
    from generator.i18n.dates import long_date

    if not talk_date and built is None:
        return ""
    return long_date(_dt.date.fromisoformat(talk_date) if talk_date else built.date(), lang)
