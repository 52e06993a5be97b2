"""A build keeps the files it made in its spool, on disk, until it publishes them: what it hands
to publishing are files of the spool, never bytes held in memory, whether the outputs were
rendered here, by workers or taken from the cache. The spool goes when the build ends, whether
it published or failed, and a refused hard link is a copy."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.build import publish as publishing
from generator.build import spool as spools
from generator.build import targets
from generator.cli import main
from generator.errors import RenderError

FORMATS = ["html", "pptx", "diagrams"]


@pytest.fixture
def talk(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert CliRunner().invoke(main, ["new", "demo"]).exit_code == 0
    return tmp_path / "content" / "demo"


@pytest.fixture
def handed(monkeypatch):
    """What each build hands to publishing: (file, what it is, where it is when handed)."""
    seen = []
    real = publishing.publish

    def watching(files, out, **options):
        seen.extend((path, type(data), Path(data.path).parent.name if isinstance(data, spools.Spooled) else None,
                     Path(data.path).read_bytes() if isinstance(data, spools.Spooled) else None)
                    for path, data in files.items())
        return real(files, out, **options)

    monkeypatch.setattr(targets, "publish", watching)
    return seen


def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("jobs", [1, 2])
def it_hands_files_of_its_spool_to_publishing_and_removes_the_spool(talk, tmp_path, handed, jobs):
    out = tmp_path / "out"
    result = targets.build([talk], langs=None, formats=FORMATS, out=out, jobs=jobs)
    assert result.written and len(handed) == len(result.written)
    assert {kind for _, kind, _, _ in handed} == {spools.Spooled}
    assert {spool for _, _, spool, _ in handed} == {spool for _, _, spool, _ in handed[:1]}
    assert handed[0][2].startswith(".deckgen-spool-")
    for path, _, _, data in handed:
        assert path.read_bytes() == data            # published as spooled
    assert sorted(p.name for p in out.iterdir()) == ["demo"]     # the spool is gone


def it_spools_the_outputs_it_takes_from_the_cache_and_they_are_the_same(talk, tmp_path, handed):
    first = targets.build([talk], langs=None, formats=FORMATS, out=tmp_path / "first", jobs=1)
    handed.clear()
    again = targets.build([talk], langs=None, formats=FORMATS, out=tmp_path / "again", jobs=1)
    assert len(again.reused) == len(FORMATS) and not again.rendered
    assert {kind for _, kind, _, _ in handed} == {spools.Spooled}
    assert contents(tmp_path / "first") == contents(tmp_path / "again") != {}
    assert first.written


def it_removes_its_spool_and_the_folder_it_made_when_a_renderer_fails(talk, tmp_path, monkeypatch):
    real = targets.renderer

    def failing(fmt):
        if fmt == "pptx":
            def render(job):
                raise RenderError("the PPTX could not be made")
            return render
        return real(fmt)

    monkeypatch.setattr(targets, "renderer", failing)
    out = tmp_path / "deep" / "out"
    with pytest.raises(RenderError):
        targets.build([talk], langs=None, formats=["diagrams", "html", "pptx"], out=out, jobs=1, use_cache=False)
    assert not (tmp_path / "deep").exists()         # html and diagrams were spooled, then let go


def it_copies_a_spooled_file_where_links_are_refused(talk, tmp_path, monkeypatch):
    linked = targets.build([talk], langs=None, formats=FORMATS, out=tmp_path / "linked", jobs=1)

    def refused(source, target):
        raise OSError(errno.EXDEV, "Invalid cross-device link")

    monkeypatch.setattr(spools.os, "link", refused)
    copied = targets.build([talk], langs=None, formats=FORMATS, out=tmp_path / "copied", jobs=1)
    assert contents(tmp_path / "copied") == contents(tmp_path / "linked") != {}
    assert all(path.stat().st_mode & 0o777 == 0o644 for path in copied.written)
    assert linked.written
