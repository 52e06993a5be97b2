"""A worker's unit comes back through a file, not pickled: what crosses the pool's pipe stays small
whatever the unit's files weigh (a pickled result was one more copy of them in the worker and two
in the build's process), and the files read back are the same bytes. The scratch folder goes
with its pool; one left by a build killed with kill -9 goes with the next pool.
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys

import pytest

from generator.build import workers
from generator.build.jobs import Rendered
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
def units(monkeypatch, tmp_path):
    monkeypatch.setattr(workers, "render_unit", big_unit)
    monkeypatch.setattr(workers, "preload", lambda formats: None)
    monkeypatch.setattr(workers.tempfile, "tempdir", str(tmp_path))
    return [workers.Task(workers.Unit("talk", "en", fmt), None) for fmt in ("pptx", "html", "pdf")]


def test_what_crosses_the_pipe_is_small_and_the_files_come_back_whole(units, monkeypatch, tmp_path):
    monkeypatch.setattr(workers, "_TASKS", units)
    monkeypatch.setattr(workers, "_SPILL", str(tmp_path))
    index, spilled, seconds, failure = result = workers._work(1)
    assert failure is None and index == 1
    assert len(pickle.dumps(result)) < 4096            # the files weigh 6 MiB
    rendered = workers._unspilled(spilled)
    assert rendered.files == big_unit(units[1].unit, None).files
    assert list(rendered.files) == ["html-0.bin", "html-1.bin", "html-2.bin"]
    assert [w.message for w in rendered.warnings] == ["html said so"]
    assert os.listdir(tmp_path) == []                  # read back, the file is gone


def test_a_pool_gives_every_unit_its_files_and_leaves_no_folder(units, tmp_path):
    got = {}
    workers.run(units, 2, lambda task, rendered, seconds: got.update({task.unit.fmt: rendered.files}))
    assert got == {task.unit.fmt: big_unit(task.unit, None).files for task in units}
    assert os.listdir(tmp_path) == []


def test_the_folder_of_a_killed_build_goes_with_the_next_pool(tmp_path, monkeypatch):
    monkeypatch.setattr(workers.tempfile, "tempdir", str(tmp_path))
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = tmp_path / f"deckgen-units-{int(gone.stdout)}-abc"
    dead.mkdir()
    (dead / "unit-1").write_bytes(b"x" * 1000)
    alive = tmp_path / f"deckgen-units-{os.getpid()}-def"       # a build running now
    alive.mkdir()
    other = tmp_path / "deckgen-units-notes"
    other.mkdir()
    made = workers._spill_folder()
    assert not dead.exists()
    assert alive.exists() and other.exists() and os.path.isdir(made)
