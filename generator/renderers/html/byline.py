"""The title slide's byline: author, event and the talk's date written the way its language writes dates."""

from __future__ import annotations

import datetime

from generator.model.talk import Talk


def byline(talk: Talk, lang: str) -> str:
    """"Équipe deckgen · Meetup conteneurs · 10 décembre 2026"; the ISO date in an unknown locale."""
    parts = [talk.author, talk.event]
    if talk.date:
        from babel.dates import format_date

        try:
            parts.append(format_date(datetime.date.fromisoformat(talk.date), "long", locale=lang.replace("-", "_")))
        except Exception:  # noqa: BLE001 - babel raises several types for unknown locales (qps)
            parts.append(talk.date)
    return " · ".join(p for p in parts if p)
