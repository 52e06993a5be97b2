"""Dates and the title slide's byline, written the way the deck's language writes them."""

from __future__ import annotations

import datetime

from generator.model.talk import Talk


def long_date(day: datetime.date, lang: str) -> str:
    """"10 décembre 2026", "December 10, 2026"; the ISO date in a locale Babel does not know (qps)."""
    from babel.dates import format_date

    try:
        return format_date(day, "long", locale=lang.replace("-", "_"))
    except Exception:  # noqa: BLE001 - Babel raises several types for locales it does not know
        return day.isoformat()


def byline(talk: Talk, lang: str) -> str:
    """"Équipe deckgen · Meetup conteneurs · 10 décembre 2026": author, event and the talk's date."""
    parts = [talk.author, talk.event]
    if talk.date:
        parts.append(long_date(datetime.date.fromisoformat(talk.date), lang))
    return " · ".join(p for p in parts if p)
