"""Publishing a build across its languages: all or nothing, and a failure that says the truth."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import publish as publishing
from generator.cli import main
from generator.errors import RenderError
from tests.conftest import SAMPLE_TALK


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def it_leaves_every_language_as_it_was_when_the_disk_fills_up(tmp_path, monkeypatch):
    out = tmp_path / "out"
    assert run("build", SAMPLE_TALK, "--format", "html", "--out", out).exit_code == 0
    talk = out / "autour-de-docker"
    before = {lang: contents(talk / lang) for lang in ("en", "fr")}
    real = publishing._write

    def full_for_french(path, data):           # en is staged first and fits; fr does not
        if path.parent.name.startswith(".fr.new-"):
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, data)

    monkeypatch.setattr(publishing, "_write", full_for_french)
    result = run("build", SAMPLE_TALK, "--format", "pptx,html", "--out", out)
    assert result.exit_code == 4 and "internal error" not in result.stderr
    assert "No space left on device; the previous outputs are unchanged" in result.stderr
    assert {lang: contents(talk / lang) for lang in ("en", "fr")} == before
    assert sorted(p.name for p in talk.iterdir() if p.is_dir()) == ["en", "fr"]     # nothing staged left beside


@pytest.fixture
def two_languages(tmp_path):
    out = tmp_path / "out"
    for lang in ("en", "fr"):
        (out / "talk" / lang).mkdir(parents=True)
        (out / "talk" / lang / f"talk-{lang}.html").write_bytes(b"old " + lang.encode())
    new = {out / "talk" / lang / f"talk-{lang}.html": b"new " + lang.encode() for lang in ("en", "fr")}
    return out, new


def failing_exchanges(monkeypatch, *failing: int) -> None:
    """The n-th exchanges of folders (counted from 1) fail as a disk that went away would."""
    real, calls = publishing._exchange, []

    def exchange(a, b):
        calls.append(b)
        if len(calls) in failing:
            raise OSError(errno.EIO, "Input/output error", str(b))
        return real(a, b)

    monkeypatch.setattr(publishing, "_exchange", exchange)


def it_swaps_back_the_languages_already_replaced_when_a_later_one_fails(two_languages, monkeypatch):
    out, new = two_languages
    failing_exchanges(monkeypatch, 2)               # en swapped, fr fails, en swapped back
    with pytest.raises(RenderError, match="Input/output error; the previous outputs are unchanged"):
        publishing.publish(new, out)
    assert [contents(out / "talk" / lang) for lang in ("en", "fr")] == \
           [{"talk-en.html": b"old en"}, {"talk-fr.html": b"old fr"}]
    assert sorted(p.name for p in (out / "talk").iterdir()) == ["en", "fr"]


def it_names_the_languages_it_could_not_put_back(two_languages, monkeypatch):
    out, new = two_languages
    failing_exchanges(monkeypatch, 2, 3)            # fr fails, and so does putting en back
    with pytest.raises(RenderError) as failed:
        publishing.publish(new, out)
    assert str(failed.value).endswith("Input/output error; these folders hold the new build, "
                                      "the others their previous outputs: talk/en")
    assert "unchanged" not in str(failed.value)
    assert contents(out / "talk" / "en") == {"talk-en.html": b"new en"}
    assert contents(out / "talk" / "fr") == {"talk-fr.html": b"old fr"}


STACKS_TALK = """\
id: stacks
title: Stacks
lang: en
stacks:
{stacks}
slides:
  - {{id: title, kind: title}}
{slides}
"""


def stacks_talk(root: Path, ids: list[str]) -> Path:
    talk = root / "stacks"
    talk.mkdir(parents=True, exist_ok=True)
    stacks = "\n".join(f"  - id: {i}\n    title: Stack {i}\n    layers:\n      - {{id: base, label: Base, kind: os}}"
                       for i in ids)
    slides = "\n".join(f"  - {{id: show-{i}, kind: stack, stack: {i}}}" for i in ids)
    (talk / "talk.yaml").write_text(STACKS_TALK.format(stacks=stacks, slides=slides), "utf-8")
    return talk


def names(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def it_removes_the_outputs_of_removed_content_and_nothing_else(tmp_path):
    import json

    out = tmp_path / "out"
    folder = out / "stacks" / "en"
    talk = stacks_talk(tmp_path, ["alpha", "beta"])
    assert run("build", talk, "--format", "diagrams,html", "--out", out).exit_code == 0
    assert "diagrams/beta.svg" in names(folder)
    (folder / "mine.txt").write_text("my own notes")                        # the user's own files
    (folder / "diagrams" / "mine.svg").write_text("<svg/>")
    (folder.parent / "outside.txt").write_text("next to the folder")
    manifest = json.loads((out / "stacks" / ".deckgen-manifest.en.json").read_text("utf-8"))
    assert manifest["outputs"]["diagrams"] == ["diagrams/alpha.png", "diagrams/alpha.svg", "diagrams/beta.png",
                                               "diagrams/beta.svg"]
    assert manifest["outputs"]["html"] == ["stacks-en.html"]

    stacks_talk(tmp_path, ["alpha"])                                        # beta removed
    assert run("build", talk, "--format", "html", "--out", out).exit_code == 0
    assert "diagrams/beta.svg" in names(folder)                             # diagrams not built: kept
    assert run("build", talk, "--format", "diagrams", "--out", out).exit_code == 0
    assert names(folder) == ["diagrams/alpha.png", "diagrams/alpha.svg", "diagrams/mine.svg", "mine.txt",
                             "stacks-en.html"]
    assert (folder.parent / "outside.txt").exists()
    again = tmp_path / "again"
    assert run("build", talk, "--format", "html,diagrams", "--out", again).exit_code == 0
    assert (again / "stacks" / ".deckgen-manifest.en.json").read_bytes() == \
           (out / "stacks" / ".deckgen-manifest.en.json").read_bytes()    # the same bytes for the same outputs


def it_never_follows_a_manifest_out_of_its_folder(tmp_path):
    import json

    out = tmp_path / "out"
    folder = out / "stacks" / "en"
    talk = stacks_talk(tmp_path, ["alpha"])
    assert run("build", talk, "--format", "diagrams", "--out", out).exit_code == 0
    (out / "stacks" / "keep.txt").write_text("x")
    (folder / ".hidden").write_text("x")
    forged = {"deckgen-manifest": 1, "outputs": {"diagrams": ["../keep.txt", "/etc/hostname", ".hidden",
                                                              "diagrams/../../keep.txt", "diagrams/alpha.svg"]}}
    (out / "stacks" / ".deckgen-manifest.en.json").write_text(json.dumps(forged))
    stacks_talk(tmp_path, ["gamma"])
    assert run("build", talk, "--format", "diagrams", "--out", out).exit_code == 0
    assert (out / "stacks" / "keep.txt").exists() and (folder / ".hidden").exists()
    assert "diagrams/alpha.svg" not in names(folder) and "diagrams/gamma.svg" in names(folder)
