"""Two builds into one output folder write one after the other, never into each other's folders.

The test holds the output folder's lock itself, then starts a build in another process: with
--no-wait it must fail at once, clearly, having written nothing; without, it must say once that
it waits (its stderr is read up to that line: the barrier), write nothing while it waits, and
complete once the test lets go.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from generator.build import lock
from generator.build.publish import publish
from tests.conftest import ROOT, SAMPLE_TALK

TALK = SAMPLE_TALK.name


def start_build(out: Path, *options: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "generator", "build", str(SAMPLE_TALK), "--lang", "fr",
                             "--format", "html", "--out", str(out), *options], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                            env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def entries(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def it_fails_at_once_with_no_wait_while_another_build_writes(tmp_path):
    out = tmp_path / "out"
    with lock.holding(out):
        process = start_build(out, "--no-wait")
        _, err = process.communicate(timeout=300)
        assert process.returncode == 1, err
        assert err == (f"error: another build is writing into {out}/ (pid {os.getpid()}); nothing was written\n"
                       "  hint: run it again once that build is done, or without --no-wait to wait for it\n")
        assert entries(out) == [lock.LOCK_NAME]
    assert entries(out) == []            # the lock file goes with the lock


def it_waits_for_the_build_writing_then_writes(tmp_path):
    out = tmp_path / "out"
    with lock.holding(out):
        process = start_build(out)
        try:
            line = process.stderr.readline()          # the barrier: it is waiting now
            assert line == f"waiting for another build writing into {out}/ (pid {os.getpid()})…\n"
            assert process.poll() is None
            # nothing published: its files wait in its own spool
            spool = f".deckgen-spool-{process.pid}-"
            assert [e for e in entries(out) if not e.startswith(spool)] == [lock.LOCK_NAME]
            assert [e for e in entries(out) if e.startswith(spool) and "/" not in e] != []
        except BaseException:
            process.kill()
            raise
    _, rest = process.communicate(timeout=300)
    assert process.returncode == 0, rest
    assert "waiting" not in rest                      # said once
    assert entries(out / TALK) == [".deckgen-manifest.fr.json", "fr", f"fr/{TALK}-fr.html"]
    assert entries(out) == [TALK, f"{TALK}/.deckgen-manifest.fr.json", f"{TALK}/fr", f"{TALK}/fr/{TALK}-fr.html"]


def it_raises_output_busy_to_a_library_caller_that_will_not_wait(tmp_path):
    out = tmp_path / "out"
    with lock.holding(out):
        with pytest.raises(lock.OutputBusy) as busy:      # another open file: flock keeps them apart too
            publish({out / "talk" / "fr" / "talk-fr.html": b"html"}, out, wait=False)
    assert busy.value.pid == os.getpid() and busy.value.exit_code == 1
    assert entries(out) == []


def it_tells_a_library_caller_it_waits_through_its_callback(tmp_path):
    out = tmp_path / "out"
    path = out / "talk" / "fr" / "talk-fr.html"
    said, waits, results = [], threading.Event(), []

    def waiting(line: str) -> None:
        said.append(line)
        waits.set()

    with lock.holding(out):
        writer = threading.Thread(target=lambda: results.append(publish({path: b"html"}, out, waiting=waiting)))
        writer.start()
        assert waits.wait(timeout=60)
        assert not path.exists()
    writer.join(timeout=60)
    assert results == [[path]] and path.read_bytes() == b"html"
    assert said == [f"waiting for another build writing into {out}/ (pid {os.getpid()})…"]


def it_takes_the_lock_a_killed_holder_left(tmp_path):
    out = tmp_path / "out"
    holder = subprocess.Popen([sys.executable, "-c", "import sys; from pathlib import Path; "
                               "from generator.build import lock\n"
                               "with lock.holding(Path(sys.argv[1])):\n"
                               "    print('holding', flush=True); sys.stdin.read()", str(out)],
                              cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "holding\n"
        with pytest.raises(lock.OutputBusy) as busy:
            with lock.holding(out, wait=False):
                pass
        assert busy.value.pid == holder.pid
        holder.kill()
        holder.wait(timeout=30)
        assert (out / lock.LOCK_NAME).exists()       # left behind, but no longer locked
        with lock.holding(out, wait=False):
            pass
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
        holder.stdin.close()
        holder.stdout.close()


def it_never_removes_a_folder_another_running_build_stages(tmp_path):
    out = tmp_path / "out"
    folder = out / "talk" / "fr"
    folder.mkdir(parents=True)
    running = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    try:
        theirs = folder.parent / f".fr.new-{running.pid}-0a1b2c3d"    # a build that takes no lock, at work
        dead = folder.parent / f".fr.new-{gone.pid}-0a1b2c3d"         # a build killed while staging
        old_style = folder.parent / f".fr.new-{gone.pid}"             # as builds before the lock named them
        for staged in (theirs, dead, old_style):
            staged.mkdir()
            (staged / "talk-fr.html").write_bytes(b"half")
        publish({folder / "talk-fr.html": b"html"}, out)
        assert sorted(p.name for p in folder.parent.iterdir()) == [theirs.name, "fr"]
        assert (theirs / "talk-fr.html").read_bytes() == b"half"
        assert (folder / "talk-fr.html").read_bytes() == b"html"
    finally:
        running.communicate(b"")
