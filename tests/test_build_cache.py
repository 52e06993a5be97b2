"""Incremental builds: outputs whose inputs did not change come from the cache, byte for byte; the
cache survives damage and builds running at once; worker processes give the serial build's bytes."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import cache
from generator.cli import main
from tests.conftest import ROOT, SAMPLE_TALK


def build(*args: str):
    return CliRunner().invoke(main, ["build", *map(str, args)])


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def cache_files() -> dict[Path, bytes]:
    root = cache.cache_root()
    return {p: p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()} if root.is_dir() else {}


@pytest.fixture
def talk(tmp_path):
    copy = tmp_path / "content" / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, copy)
    return copy


def test_an_unchanged_talk_is_reused_byte_for_byte(talk, tmp_path):
    first = build(talk, "--format", "pptx,html", "--out", tmp_path / "a")
    assert first.exit_code == 0, first.output
    assert "reused" not in first.stdout
    second = build(talk, "--format", "pptx,html", "--out", tmp_path / "b")
    assert second.exit_code == 0, second.output
    assert "autour-de-docker/fr: 2 files reused (pptx, html)" in second.stdout
    assert "autour-de-docker/en: 2 files reused (pptx, html)" in second.stdout
    assert "4 of 4 outputs reused" in second.stdout
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_editing_one_english_string_renders_english_again_and_reuses_french(talk, tmp_path):
    out = tmp_path / "out"
    assert build(talk, "--format", "pptx,html", "--out", out).exit_code == 0
    french = digest(out / "autour-de-docker" / "fr")
    english = digest(out / "autour-de-docker" / "en")
    catalog = talk / "locales" / "en.po"
    text = catalog.read_text("utf-8")
    assert 'msgstr "A Docker container is not a virtual machine."' in text
    catalog.write_text(text.replace('msgstr "A Docker container is not a virtual machine."',
                                    'msgstr "A Docker container is no virtual machine."'), "utf-8")
    again = build(talk, "--format", "pptx,html", "--out", out)
    assert again.exit_code == 0, again.output
    assert "autour-de-docker/fr: 2 files reused (pptx, html)" in again.stdout
    assert "autour-de-docker/en pptx: 1 file in" in again.stdout
    assert "autour-de-docker/en html: 1 file in" in again.stdout
    assert digest(out / "autour-de-docker" / "fr") == french
    changed = digest(out / "autour-de-docker" / "en")
    assert changed.keys() == english.keys() and all(changed[k] != english[k] for k in changed)
    html = (out / "autour-de-docker" / "en" / "autour-de-docker-en.html").read_text("utf-8")
    assert "is no virtual machine" in html.replace("<br>", "")       # on the plan's line breaks


def test_a_format_option_renders_only_that_format_again(talk, tmp_path):
    out = tmp_path / "out"
    assert build(talk, "--format", "pptx,handout", "--handout", "notes", "--lang", "fr", "--out", out).exit_code == 0
    letter = build(talk, "--format", "pptx,handout", "--handout", "notes", "--lang", "fr", "--paper", "letter",
                   "--out", out)
    assert letter.exit_code == 0, letter.output
    assert "autour-de-docker/fr: 1 file reused (pptx)" in letter.stdout
    assert "autour-de-docker/fr handout: 1 file in" in letter.stdout


def test_no_cache_renders_everything_and_leaves_the_cache_alone(talk, tmp_path):
    assert build(talk, "--format", "pptx,html", "--lang", "fr", "--out", tmp_path / "a").exit_code == 0
    before = cache_files()
    assert before
    fresh = build(talk, "--format", "pptx,html", "--lang", "fr", "--out", tmp_path / "b", "--no-cache")
    assert fresh.exit_code == 0, fresh.output
    assert "reused" not in fresh.stdout
    assert "autour-de-docker/fr pptx: 1 file in" in fresh.stdout
    assert cache_files() == before
    assert digest(tmp_path / "a") == digest(tmp_path / "b")


def test_the_environment_can_turn_the_cache_off(talk, tmp_path, monkeypatch):
    monkeypatch.setenv("DECKGEN_NO_CACHE", "1")
    assert build(talk, "--format", "pptx", "--lang", "fr", "--out", tmp_path / "a").exit_code == 0
    again = build(talk, "--format", "pptx", "--lang", "fr", "--out", tmp_path / "a")
    assert again.exit_code == 0 and "reused" not in again.stdout
    assert not cache.cache_root().exists()


@pytest.mark.parametrize("damage", ["truncated", "corrupted", "emptied", "misplaced"])
def test_a_damaged_cache_entry_is_ignored_and_made_again(talk, tmp_path, damage):
    from generator.theme import webfonts

    webfonts.subset_font.cache_clear()      # else an earlier test of this process made the subsets
    assert build(talk, "--format", "pptx,html,diagrams", "--lang", "fr", "--out", tmp_path / "a").exit_code == 0
    entries = [p for p in cache.cache_root().rglob("*") if p.is_file()]
    assert {p.parent.parent.name for p in entries} >= {"output", "diagnostics", "font-subset", "png"}
    if damage == "misplaced":           # each entry whole, its checksum right, in another's place
        kinds = {}
        for path in entries:
            kinds.setdefault(path.parent.parent.name, []).append(path)
        contents = {path: path.read_bytes() for path in entries}
        for paths in kinds.values():
            for path, other in zip(paths, paths[1:] + paths[:1]):
                path.write_bytes(contents[other])
        assert any(len(paths) > 1 for paths in kinds.values())
    for path in entries if damage != "misplaced" else ():
        data = path.read_bytes()
        if damage == "truncated":
            path.write_bytes(data[: len(data) // 2])
        elif damage == "corrupted":
            path.write_bytes(data[:-1] + bytes([data[-1] ^ 0xFF]))
        else:
            path.write_bytes(b"")
    again = build(talk, "--format", "pptx,html,diagrams", "--lang", "fr", "--out", tmp_path / "b")
    assert again.exit_code == 0, again.output
    assert "reused" not in again.stdout and "Traceback" not in again.output
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    third = build(talk, "--format", "pptx,html,diagrams", "--lang", "fr", "--out", tmp_path / "c")
    assert "3 of 3 outputs reused" in third.stdout


def test_content_errors_are_reported_even_when_every_output_is_cached(talk, tmp_path):
    assert build(talk, "--format", "pptx", "--out", tmp_path / "out").exit_code == 0
    path = talk / "talk.yaml"
    path.write_text(path.read_text("utf-8").replace("kind: statement", "kind: statment", 1), "utf-8")
    failed = build(talk, "--format", "pptx", "--out", tmp_path / "out")
    assert failed.exit_code == 1
    assert "talk.yaml:" in failed.stderr and "error: unknown slide kind 'statment'" in failed.stderr
    assert "Traceback" not in failed.output


def test_the_warnings_of_a_reused_output_are_reported_again(talk, tmp_path):
    catalog = talk / "locales" / "en.po"
    catalog.write_text(catalog.read_text("utf-8").replace(
        'msgstr "A Docker container is not a virtual machine."',
        'msgstr "' + "A Docker container is not a virtual machine, " * 300 + '"'), "utf-8")
    first = build(talk, "--format", "html", "--lang", "en", "--out", tmp_path / "out")
    warned = sorted(line for line in first.stderr.splitlines() if "warning:" in line)
    assert first.exit_code == 0, first.output
    assert len(warned) == 1 and "[fit.overflow]" in warned[0]
    second = build(talk, "--format", "html", "--lang", "en", "--out", tmp_path / "out")
    assert "1 file reused (html)" in second.stdout
    assert sorted(line for line in second.stderr.splitlines() if "warning:" in line) == warned


def test_nothing_is_stored_when_the_talks_files_change_during_the_build(talk, tmp_path, monkeypatch):
    from generator.build import inputs

    real, calls = inputs.talk_files_digest, []

    def changing(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs) + str(len(calls))     # a picture edited while rendering

    monkeypatch.setattr(inputs, "talk_files_digest", changing)
    assert build(talk, "--format", "pptx", "--lang", "fr", "--out", tmp_path / "out").exit_code == 0
    assert not (cache.cache_root() / "output").exists()


def test_worker_processes_give_the_serial_builds_bytes(talk, tmp_path):
    serial = build(talk, "--lang", "fr", "--out", tmp_path / "serial", "--jobs", "1", "--no-cache")
    assert serial.exit_code == 0, serial.output
    parallel = build(talk, "--lang", "fr", "--out", tmp_path / "parallel", "--jobs", "2", "--no-cache")
    assert parallel.exit_code == 0, parallel.output
    assert digest(tmp_path / "serial") == digest(tmp_path / "parallel")
    assert len(digest(tmp_path / "serial")) == 17      # 10 diagrams, 3 handouts, 3 decks, the manifest


def test_two_builds_at_once_share_the_cache_without_damaging_it(talk, tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "shared")}
    env.pop("DECKGEN_NO_CACHE", None)
    commands = [[sys.executable, "-m", "generator", "build", str(talk), "--format", "pptx,html,diagrams",
                 "--out", str(tmp_path / name)] for name in ("a", "b")]
    running = [subprocess.Popen(c, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for c in commands]
    for process in running:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    store = cache.Cache(tmp_path / "shared" / "deckgen")
    entries = [p for p in store.root.rglob("*") if p.is_file()]
    assert entries and not [p for p in entries if p.name.startswith(".tmp-")]
    assert all(store.get(p.parent.parent.name, p.name) is not None for p in entries)
    third = subprocess.run([*commands[0][:-1], str(tmp_path / "c")], cwd=ROOT, env=env, capture_output=True, text=True)
    assert third.returncode == 0 and "6 of 6 outputs reused" in third.stdout
    assert digest(tmp_path / "c") == digest(tmp_path / "a")


def test_a_worker_that_dies_fails_the_build_cleanly_and_writes_nothing(talk, tmp_path, monkeypatch):
    from generator.build import workers

    def dies(unit, job):
        os._exit(9)                 # as a crash in a C library would

    monkeypatch.setattr(workers, "render_unit", dies)
    result = build(talk, "--format", "pptx,html", "--lang", "fr", "--out", tmp_path / "out", "--jobs", "2")
    assert result.exit_code == 4, result.output
    assert "a worker process ended abruptly" in result.stderr and "Traceback" not in result.output
    assert not (tmp_path / "out").exists()
