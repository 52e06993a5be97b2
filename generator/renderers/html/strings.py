"""The deck's own words (controls, speaker view, screen-reader labels) in the talk's language,
under the names the deck's templates and script use; the words come from the tool's catalogs
(`generator.i18n.tool_words`)."""

from __future__ import annotations

from generator.i18n.tool_words import words

# name in the templates and deck.js -> message key in generator/locales/<lang>.po
UI_KEYS = {
    "deck": "deck/slides", "slide_role": "deck/slide-role", "slide": "deck/slide-n-of",
    "notes": "deck/speaker-notes", "next": "deck/next", "next_step": "deck/next-step", "end": "deck/end",
    "timer": "deck/elapsed", "clock": "deck/clock", "step": "deck/step-n-of", "left": "deck/time-left",
    "pause": "deck/pause", "resume": "deck/resume", "reset": "deck/reset", "favoured": "deck/advantage",
    "overview": "deck/overview", "speaker": "deck/speaker-view", "no_notes": "deck/no-notes", "help": "deck/help",
    "popup_blocked": "deck/popup-blocked", "error": "deck/error", "error_first": "deck/error-first",
    "qr": "alt/qr",
}


def help_words(lang: str) -> dict[str, str]:
    """The help overlay's words in `lang`, by catalog key: its headings, the keys' names, the actions."""
    from generator.renderers.html.keys import catalog_keys

    return words(lang, sorted(catalog_keys()))


def ui_strings(lang: str) -> dict[str, str]:
    """The deck's words in `lang` (BCP 47), placeholders such as `{n}` kept for the script to fill."""
    found = words(lang, UI_KEYS.values())
    return {name: found[key] for name, key in UI_KEYS.items()}
