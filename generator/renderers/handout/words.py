"""The handout's own words in the deck's language: "page X of Y", the date in the footer, the
title of the list of links.

The words come from the tool's catalogs (`generator.i18n.tool_words`: English for a language
without one; `fr-CA` reads `fr`). Dates are Babel's long format in the deck's language (the ISO
date where Babel knows no such locale, as for `qps`).
"""

from __future__ import annotations

import datetime as _dt
import re

from generator.i18n.tool_words import word

_PLACEHOLDER = re.compile(r"(\{page\}|\{pages\})")


def page_of(lang: str) -> str:
    """"page {page} of {pages}" in `lang` (BCP 47), placeholders kept for the page counters."""
    return word(lang, "handout/page-of")


def links_title(lang: str) -> str:
    """The title of the handout's list of links in `lang`."""
    return word(lang, "handout/links")


def slide_word(lang: str) -> str:
    """"slide" in `lang`, as the list of links says where a link was shown ("slide 20")."""
    return word(lang, "handout/slide")


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
