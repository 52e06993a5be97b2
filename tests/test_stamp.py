"""A build identical to the last one answers from its stamp, without loading a talk; any change
to an input or an output falls through to the full build."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_TALK

# Run the command line in a fresh process, then say whether it loaded a talk (the pydantic model).
PROBE = ("import sys; from generator.cli import main\n"
         "try:\n    main()\nexcept SystemExit as stop:\n    code = stop.code\n"
         "print('LOADED' if 'generator.model.talk' in sys.modules else 'NOT LOADED', file=sys.stderr)\n"
         "sys.exit(code)")


@pytest.fixture
def talk(tmp_path):
    copy = tmp_path / "content" / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, copy)
    return copy


def run(talk: Path, out: Path, *extra: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-c", PROBE, "build", str(talk), "--format", "html,pdf", "--out",
                           str(out), *extra], cwd=ROOT, env=env, capture_output=True, text=True)


def it_answers_an_unchanged_build_without_loading_the_talk(talk, tmp_path):
    out = tmp_path / "out"
    first = run(talk, out)
    assert first.returncode == 0 and "LOADED" in first.stderr.splitlines()[-1]
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    second = run(talk, out)
    assert second.returncode == 0, second.stderr
    assert second.stderr.splitlines()[-1] == "NOT LOADED"
    assert "autour-de-docker/fr: 2 files reused (html, pdf)" in second.stdout
    assert "4 files in " in second.stdout and "4 of 4 outputs reused" in second.stdout
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()} == before     # nothing written


@pytest.mark.parametrize("change", ["catalog", "picture", "output", "options"])
def it_builds_again_when_anything_it_recorded_changed(talk, tmp_path, change):
    out = tmp_path / "out"
    assert run(talk, out).returncode == 0
    extra: tuple[str, ...] = ()
    html = out / "autour-de-docker" / "en" / "autour-de-docker-en.html"
    if change == "catalog":
        catalog = talk / "locales" / "en.po"
        catalog.write_text(catalog.read_text("utf-8").replace("Real-world", "Everyday", 1), "utf-8")
    elif change == "picture":
        (talk / "notes.txt").write_text("a file the talk may use", "utf-8")
    elif change == "output":
        html.write_text("edited by hand", "utf-8")
    else:
        extra = ("--pdf-steps",)
    again = run(talk, out, *extra)
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines()[-1] == "LOADED"
    assert html.read_text("utf-8").startswith("<!DOCTYPE html>")
    if change == "catalog":
        assert "Everyday" in html.read_text("utf-8")


def it_records_no_stamp_when_an_input_changed_during_the_build(tmp_path, monkeypatch):
    from generator.build import cache
    from generator.build import stamp

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "talk"
    folder.mkdir()
    (folder / "talk.yaml").write_text("a", "utf-8")
    before = stamp.snapshot([folder], [])
    recorded = stamp.Stamp([str(folder)], [], before, [])
    with cache.use(cache.Cache(tmp_path / "cache")):
        (folder / "talk.yaml").write_text("bb", "utf-8")          # saved while the build ran
        stamp.record("key", recorded, before, tmp_path / "out")
        assert stamp.recall("key", tmp_path / "out") is None
        stamp.record("key", stamp.Stamp([str(folder)], [], stamp.snapshot([folder], []), []),
                     stamp.snapshot([folder], []), tmp_path / "out")
        found = stamp.recall("key", tmp_path / "out")
        assert found is not None and json.dumps(found.inputs)
