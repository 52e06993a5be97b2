"""The in-process rebuild behind `deckgen watch`: the last good deck kept, errors as text."""

from __future__ import annotations

import shutil

from generator.watch.rebuild import LiveDeck
from tests.conftest import SAMPLE_TALK


def it_serves_an_error_page_until_the_talk_builds_then_keeps_the_last_good_deck(tmp_path):
    talk = tmp_path / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    source = talk / "talk.yaml"
    good = source.read_text(encoding="utf-8")
    source.write_text(good.replace("kind: statement", "kind: <statment>", 1), encoding="utf-8")

    deck = LiveDeck(talk)
    ok, text = deck.rebuild()
    assert not ok and "unknown slide kind '<statment>'" in text and "shows once they are fixed" in text
    page = deck.page().decode()
    assert deck.state.version == 0 and "&lt;statment&gt;" in page and "<statment>" not in page
    assert "EventSource" in page

    source.write_text(good, encoding="utf-8")
    ok, text = deck.rebuild()
    assert ok and "rebuilt fr (build 1)" in text
    first = deck.page()
    assert b'"version": 1' in first and deck.state.error is None

    source.write_text(good.replace("stack: vm\n", "stack: vms\n", 1), encoding="utf-8")
    ok, text = deck.rebuild()
    assert not ok and "[ref.unknown]" in text and "still showing the last good build" in text
    assert deck.page() == first and deck.state.version == 1 and deck.state.error == text
    seen = deck.state.key
    assert deck.wait_for_change(seen, timeout=0.01).key == seen

    source.write_text(good.replace("Autour de Docker\n", "Autour de Podman\n", 1), encoding="utf-8")
    ok, _ = deck.rebuild()
    assert ok and deck.state.version == 2 and b"Autour de Podman" in deck.page()
    assert deck.wait_for_change(seen, timeout=0.01).key == (2, None)


def it_keeps_the_theme_object_across_saves_of_talk_yaml_until_the_theme_changes(tmp_path):
    """Each save of talk.yaml reads the theme again; an unchanged theme is the same object, so
    what is kept for it (its measures, the slides drawn and made with it) is still found."""
    import shutil

    from tests.conftest import SAMPLE_TALK

    root = tmp_path / "project"
    talk = root / "content" / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, talk)
    shutil.copytree(SAMPLE_TALK.parent.parent / "templates" / "default", root / "templates" / "mine")
    theme_file = root / "templates" / "mine" / "theme.yaml"
    theme_file.write_text(theme_file.read_text("utf-8").replace("name: default", "name: mine", 1), "utf-8")
    talk_file = talk / "talk.yaml"
    talk_file.write_text(talk_file.read_text("utf-8").replace("theme: default", "theme: mine", 1), "utf-8")
    deck = LiveDeck(talk, "fr")
    assert deck.rebuild()[0]
    first = deck._read[1]
    talk_file.write_text(talk_file.read_text("utf-8") + "\n", "utf-8")
    assert deck.rebuild()[0]
    assert deck._read[1] is first
    text = theme_file.read_text("utf-8")
    accent = first.colors["accent"]
    assert text.count(accent) >= 1
    theme_file.write_text(text.replace(accent, "#123456"), "utf-8")
    assert deck.rebuild()[0]
    assert deck._read[1] is not first and deck._read[1].colors["accent"] == "#123456"
