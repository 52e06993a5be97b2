"""A build killed (kill -9) at any point leaves each output folder wholly the old build or wholly the new."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_TALK

FORMATS = "pptx,html,diagrams"


def build(talk: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", str(talk), "--lang", "fr",
                             "--format", FORMATS, "--out", str(out)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def contents(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    """The sample talk as it was (old) and edited (new), and each one's complete build."""
    root = tmp_path_factory.mktemp("crash")
    new_talk = root / "new" / "autour-de-docker"
    shutil.copytree(SAMPLE_TALK, new_talk)
    text = (new_talk / "talk.yaml").read_text("utf-8")
    (new_talk / "talk.yaml").write_text(text.replace("Un conteneur Docker n'est pas une machine virtuelle.",
                                                     "Un conteneur n'est toujours pas une VM."), "utf-8")
    refs = {}
    for name, talk in (("old", SAMPLE_TALK), ("new", new_talk)):
        assert build(talk, root / f"ref-{name}").wait(timeout=300) == 0
        refs[name] = contents(root / f"ref-{name}" / "autour-de-docker" / "fr")
    assert refs["old"] != refs["new"]
    return root, new_talk, refs


@pytest.mark.parametrize("after", [0.0, 0.002, 0.01, 0.03])
def it_leaves_the_old_folder_or_the_new_one_never_a_mix(builds, tmp_path, after):
    root, new_talk, refs = builds
    out = tmp_path / "out"
    shutil.copytree(root / "ref-old", out)
    folder = out / "autour-de-docker" / "fr"
    process = build(new_talk, out)
    deadline = time.monotonic() + 120
    # wait until the new folder is being put together beside the old one, then kill at once or a little later
    while not list(folder.parent.glob(".fr.new-*")) and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.0005)
    time.sleep(after)
    if process.poll() is None:
        os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=60)
    assert contents(folder) in (refs["old"], refs["new"])
    # the next build tidies what the killed one left and completes
    assert build(new_talk, out).wait(timeout=300) == 0
    assert contents(folder) == refs["new"]
    assert not list(folder.parent.glob(".fr.*"))


def it_puts_back_a_folder_a_build_killed_between_two_renames_retired(tmp_path):
    from generator.build.publish import publish

    folder = tmp_path / "out" / "talk" / "fr"
    folder.mkdir(parents=True)
    (folder / "talk-fr.html").write_bytes(b"old")
    # killed where renameat2 is missing: the old folder retired, the new one not yet in place
    os.rename(folder, folder.parent / ".fr.old-12345")
    (folder.parent / ".fr.new-12345").mkdir()
    (folder.parent / ".fr.new-12345" / "talk-fr.html").write_bytes(b"half")
    publish({folder / "talk-fr.pptx": b"pptx"}, tmp_path / "out")
    assert contents(folder) == {"talk-fr.html": b"old", "talk-fr.pptx": b"pptx"}
    assert sorted(p.name for p in folder.parent.iterdir()) == ["fr"]
