"""The keys the deck answers, as the help overlay lists them: one row per action, its keys, and
the catalog key of what it does (generator/locales/<lang>.po).

Each key carries the `KeyboardEvent.key` value deck.js compares (`data-key`), so a test can check
that the help lists every key the script handles. Keys with a name (Space, Enter…) are shown in the
deck's language; arrows as arrows, letters as the capital printed on the keyboard.
"""

from __future__ import annotations

from dataclasses import dataclass

# KeyboardEvent.key -> (shown as, or the catalog key of its name)
KEY_NAMES = {
    "ArrowRight": "→", "ArrowLeft": "←", "ArrowDown": "↓", "ArrowUp": "↑",
    " ": "deck/key-name-space", "Shift+ ": "deck/key-name-shift-space", "Enter": "deck/key-name-enter",
    "Escape": "deck/key-name-escape", "PageDown": "deck/key-name-page-down", "PageUp": "deck/key-name-page-up",
    "Home": "deck/key-name-home", "End": "deck/key-name-end", "Backspace": "deck/key-name-backspace",
    "0-9": "0–9",
}


@dataclass(frozen=True)
class KeyRow:
    keys: tuple[str, ...]       # KeyboardEvent.key values (one of KEY_NAMES, or a character)
    action: str                 # catalog key of what they do
    where: str = "both"         # "both", "audience" (not in the speaker view), "languages" (2+ languages)
    then: tuple[str, ...] = ()  # keys pressed after the first ones ("a number, then Enter")


KEY_ROWS = (
    KeyRow(("ArrowRight", "ArrowDown", "PageDown", "n", " "), "deck/key-next"),
    KeyRow(("ArrowLeft", "ArrowUp", "PageUp", "p", "Backspace", "Shift+ "), "deck/key-previous"),
    KeyRow(("Home",), "deck/key-first"),
    KeyRow(("End",), "deck/key-last"),
    KeyRow(("0-9",), "deck/key-go-to", then=("Enter",)),
    KeyRow(("o", "Escape"), "deck/key-overview", "audience"),
    KeyRow(("s",), "deck/key-speaker", "audience"),
    KeyRow(("l",), "deck/key-language", "languages"),
    KeyRow(("f",), "deck/key-full-screen"),
    KeyRow(("b", "."), "deck/key-black"),
    KeyRow(("w", ","), "deck/key-white"),
    KeyRow(("?", "h"), "deck/key-help"),
)

# the overlay's own words, name in the template -> catalog key
HELP_WORDS = {"title": "deck/help-title", "key": "deck/help-key", "action": "deck/help-action",
              "close": "deck/help-close", "languages": "deck/help-languages", "then": "deck/key-then"}


def key_label(key: str, words: dict[str, str]) -> str:
    """How a key is written in the help: its name in the deck's language, an arrow, or its capital."""
    shown = KEY_NAMES.get(key, key)
    if shown.startswith("deck/"):
        return words[shown]
    return shown.upper() if len(shown) == 1 else shown


def catalog_keys() -> set[str]:
    """Every catalog key the help overlay reads."""
    names = {name for name in KEY_NAMES.values() if name.startswith("deck/")}
    return names | {row.action for row in KEY_ROWS} | set(HELP_WORDS.values())


def help_table(words: dict[str, str], languages: int) -> tuple[dict, ...]:
    """The rows of the help as the template draws them: each key's value and label, the action."""
    rows = []
    for row in KEY_ROWS:
        if row.where == "languages" and languages < 2:
            continue
        rows.append({"keys": tuple({"key": k, "label": key_label(k, words)} for k in row.keys),
                     "then": tuple({"key": k, "label": key_label(k, words)} for k in row.then),
                     "action": words[row.action], "where": row.where})
    return tuple(rows)
