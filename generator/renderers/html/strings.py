"""The deck's own words (controls, speaker view, screen-reader labels) in the talk's language.

A language without an entry reads them in English; `fr-CA` reads `fr`.
"""

from __future__ import annotations

STRINGS = {
    "en": {
        "deck": "Slides", "slide_role": "slide", "slide": "Slide {n} of {total}", "notes": "Speaker notes", "next": "Next",
        "next_step": "Next step", "end": "End of the talk", "timer": "Elapsed", "clock": "Time",
        "step": "Step {n} of {total}", "left": "Left",
        "pause": "Pause", "resume": "Resume", "reset": "Reset", "favoured": "advantage",
        "overview": "Overview: choose a slide", "speaker": "Speaker view", "no_notes": "No notes for this slide.",
        "help": "Arrows, Space, Page Up/Down: move · a number then Enter: go to that slide · O or Esc: overview · "
                "S: speaker view · F: full screen · B or .: black screen · W: white screen (any key returns)",
        "popup_blocked": "The speaker view could not open: allow pop-ups for this page.",
        "error": "The talk has errors; the deck shows the last good build.",
        "error_first": "The talk has errors; the deck shows once they are fixed.",
    },
    "fr": {
        "deck": "Diapositives", "slide_role": "diapositive", "slide": "Diapositive {n} sur {total}", "notes": "Notes du présentateur",
        "next": "Suivante", "next_step": "Étape suivante", "end": "Fin de la présentation",
        "step": "Étape {n} sur {total}", "left": "Restant",
        "timer": "Écoulé", "clock": "Heure", "pause": "Pause", "resume": "Reprendre", "reset": "Remettre à zéro",
        "favoured": "avantage", "overview": "Vue d’ensemble : choisissez une diapositive",
        "speaker": "Vue présentateur", "no_notes": "Pas de notes pour cette diapositive.",
        "help": "Flèches, Espace, Page préc./suiv. : naviguer · un numéro puis Entrée : aller à la diapositive · "
                "B ou . : écran noir · W : écran blanc (une touche pour revenir) · O ou Échap : vue d’ensemble · "
                "S : vue présentateur · F : plein écran",
        "popup_blocked": "La vue présentateur n’a pas pu s’ouvrir : autorisez les fenêtres pour cette page.",
        "error": "La présentation contient des erreurs ; la dernière version correcte reste affichée.",
        "error_first": "La présentation contient des erreurs ; elle s’affichera une fois corrigée.",
    },
    "de": {
        "deck": "Folien", "slide_role": "Folie", "slide": "Folie {n} von {total}", "notes": "Notizen", "next": "Nächste",
        "next_step": "Nächster Schritt", "end": "Ende des Vortrags", "timer": "Verstrichen", "clock": "Uhrzeit",
        "step": "Schritt {n} von {total}", "left": "Verbleibend",
        "pause": "Pause", "resume": "Weiter", "reset": "Zurücksetzen", "favoured": "Vorteil",
        "overview": "Übersicht: eine Folie wählen", "speaker": "Referentenansicht",
        "no_notes": "Keine Notizen zu dieser Folie.",
        "help": "Pfeile, Leertaste, Bild auf/ab: blättern · eine Nummer, dann Eingabe: zur Folie · "
                "O oder Esc: Übersicht · S: Referentenansicht · F: Vollbild · B oder .: schwarzer Bildschirm · "
                "W: weißer Bildschirm (eine Taste kehrt zurück)",
        "popup_blocked": "Die Referentenansicht konnte nicht öffnen: Pop-ups für diese Seite erlauben.",
        "error": "Der Vortrag enthält Fehler; angezeigt wird der letzte fehlerfreie Stand.",
        "error_first": "Der Vortrag enthält Fehler; die Folien erscheinen, sobald sie behoben sind.",
    },
}


def ui_strings(lang: str) -> dict[str, str]:
    """The deck's words in `lang` (BCP 47), English for a language without an entry."""
    return dict(STRINGS.get(lang, STRINGS.get(lang.split("-")[0].lower(), STRINGS["en"])))
