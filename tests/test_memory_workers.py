"""A worker's unit comes back as files of the build's spool, not pickled: what crosses the pool's
pipe stays small whatever the unit's files weigh (a pickled result was one more copy of them in
the worker and two in the build's process), the build's process never holds their bytes, and
the files read back are the same bytes. The spool goes when the build closes it; one left by a
build killed with kill -9 goes with the next build's spool.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest

from generator.build import workers
from generator.build.jobs import Rendered
from generator.build.spool import Spool, Spooled
from generator.errors import Diagnostic

pytestmark = pytest.mark.skipif(workers._fork_context() is None, reason="the pool forks")

MIB = 1024 * 1024


def big_unit(unit, job) -> Rendered:
    """Files of a few MiB each, their bytes told apart by the unit's format."""
    seed = unit.fmt.encode()
    return Rendered(files={f"{unit.fmt}-{n}.bin": (seed + bytes([n])) * (MIB // len(seed) * (n + 1))
                           for n in range(3)},
                    warnings=[Diagnostic("talk.yaml", f"{unit.fmt} said so", "test.warning", severity="warning")])


@pytest.fixture
def units(monkeypatch):
    monkeypatch.setattr(workers, "render_unit", big_unit)
    monkeypatch.setattr(workers, "preload", lambda formats: None)
    return [workers.Task(workers.Unit("talk", "en", fmt), None) for fmt in ("pptx", "html", "pdf")]


def _read(rendered: Rendered) -> dict[str, bytes]:
    assert all(isinstance(data, Spooled) for data in rendered.files.values())
    return {name: data.read() for name, data in rendered.files.items()}


def test_what_crosses_the_pipe_is_small_and_the_files_come_back_whole(units, monkeypatch, tmp_path):
    monkeypatch.setattr(workers, "_TASKS", units)
    monkeypatch.setattr(workers, "_SPILL", str(tmp_path))
    index, spilled, seconds, failure = result = workers._work(1)
    assert failure is None and index == 1
    assert len(pickle.dumps(result)) < 4096            # the files weigh 6 MiB
    rendered = workers._unspilled(spilled)
    assert _read(rendered) == big_unit(units[1].unit, None).files
    assert list(rendered.files) == ["html-0.bin", "html-1.bin", "html-2.bin"]
    assert [w.message for w in rendered.warnings] == ["html said so"]
    assert len(os.listdir(tmp_path)) == 3              # one file each, in the spool


def test_a_pool_gives_every_unit_its_files_and_the_spool_goes_with_the_build(units, tmp_path):
    got = {}
    out = tmp_path / "out"
    with Spool(out) as spool:
        workers.run(units, 2, lambda task, rendered, seconds: got.update({task.unit.fmt: _read(rendered)}),
                    spool=spool)
        assert [p.name.startswith(".deckgen-spool-") for p in out.iterdir()] == [True]
    assert got == {task.unit.fmt: big_unit(task.unit, None).files for task in units}
    assert not out.exists()                          # made for the spool alone: gone with it


def test_the_spool_of_a_killed_build_goes_with_the_next_build(tmp_path):
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = tmp_path / f".deckgen-spool-{int(gone.stdout)}-abcd0123"
    dead.mkdir()
    (dead / "unit-1").write_bytes(b"x" * 1000)
    alive = tmp_path / f".deckgen-spool-{os.getpid()}-def01234"       # a build running now
    alive.mkdir()
    other = tmp_path / ".deckgen-spool-notes"
    other.mkdir()
    spool = Spool(tmp_path)
    made = spool.folder
    assert not dead.exists()
    assert alive.exists() and other.exists() and made.is_dir()
    spool.close()
    assert not made.exists() and tmp_path.is_dir()     # the folder was there before the spool
