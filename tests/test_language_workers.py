"""Languages planned in the worker processes: when a build has at least as many languages to plan
as workers, each worker plans a language and renders it, with the serial build's bytes, and an
error in one language still stops the whole build before anything is written."""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.cli import main
from tests.conftest import SAMPLE_TALK

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the pool forks its workers")


def build(*args) -> object:
    return CliRunner().invoke(main, ["build", *map(str, args)])


def digest(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def talk(tmp_path):
    copy = tmp_path / "content" / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, copy)
    return copy


@pytest.fixture
def planners(monkeypatch, tmp_path):
    """The processes that planned each language, as the forked workers write them down."""
    from generator.plan import deck

    record = tmp_path / "planners"
    record.mkdir()
    real = deck.plan_deck

    def plan_deck(talk, theme, *args, lang, **kwargs):
        (record / f"{lang}-{os.getpid()}").touch()
        return real(talk, theme, *args, lang=lang, **kwargs)

    monkeypatch.setattr(deck, "plan_deck", plan_deck)
    return lambda: sorted(p.name.split("-") for p in record.iterdir())


def it_plans_each_language_in_a_worker_with_the_serial_bytes(talk, tmp_path, planners):
    serial = build(talk, "--lang", "fr,en", "--out", tmp_path / "serial", "--jobs", "1", "--no-cache")
    assert serial.exit_code == 0, serial.output
    assert {pid for _, pid in planners()} == {str(os.getpid())}
    for found in (tmp_path / "planners").iterdir():
        found.unlink()
    parallel = build(talk, "--lang", "fr,en", "--out", tmp_path / "parallel", "--jobs", "2", "--no-cache")
    assert parallel.exit_code == 0, parallel.output
    planned = planners()
    assert sorted(lang for lang, _ in planned) == ["en", "fr"]
    assert str(os.getpid()) not in {pid for _, pid in planned}, "planned by the build's own process"
    assert digest(tmp_path / "serial") == digest(tmp_path / "parallel")
    assert "autour-de-docker/fr: " in parallel.output and "autour-de-docker/en: " in parallel.output


def it_thaws_what_it_froze_for_the_workers_once_they_end(talk, tmp_path):
    """The objects the workers inherit are frozen while they run, and collected again afterwards:
    a process that builds again (`watch`) does not keep its garbage for ever."""
    import gc

    assert gc.get_freeze_count() == 0
    result = build(talk, "--lang", "fr,en", "--out", tmp_path / "out", "--jobs", "2", "--no-cache")
    assert result.exit_code == 0, result.output
    assert gc.get_freeze_count() == 0
    assert gc.isenabled()


def it_plans_here_when_workers_outnumber_the_languages(talk, tmp_path, planners):
    result = build(talk, "--lang", "fr,en", "--out", tmp_path / "out", "--jobs", "3", "--no-cache")
    assert result.exit_code == 0, result.output
    assert {pid for _, pid in planners()} == {str(os.getpid())}


def it_writes_nothing_when_one_language_planned_in_a_worker_has_errors(talk, tmp_path):
    catalog = talk / "locales" / "en.po"
    text = catalog.read_text("utf-8")
    at = text.index('msgstr "', text.index('msgctxt "stacks/vm/layers/host-os/label"'))
    word = "Hostbetriebssystemverwaltungsschicht" * 6        # one word no box can hold at the floor
    catalog.write_text(text[:at] + f'msgstr "{word}"' + text[text.index("\n", at):], "utf-8")
    out = tmp_path / "out"
    result = build(talk, "--lang", "fr,en", "--out", out, "--jobs", "2", "--no-cache")
    assert result.exit_code == 1, result.output
    assert ": error: " in result.output and "Hostbetriebssystem" in result.output
    assert "nothing was written" in result.output
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))
