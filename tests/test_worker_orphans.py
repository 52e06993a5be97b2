"""A build killed with kill -9 takes its worker processes with it: none is left blocked under PID 1.

Workers are found as the children of the build's process in /proc (Linux only), and must be gone
within a deadline after the kill; a zombie waiting for its new parent to reap it counts as gone.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLE_TALK

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").is_file(), reason="finds processes in /proc (Linux)")

DEADLINE = 10.0     # seconds the workers have to end once their parent is killed

# A build's pool, its units replaced by one that never ends (pptx) and one that ends at once
# (html, after which its worker waits idle for more): the forked workers inherit the replacement.
SCRIPT = """
import sys, time
from generator.build import workers
from generator.build.jobs import Rendered

def render(unit, job):
    if unit.fmt == "pptx":
        time.sleep(3600)
    return Rendered()

workers.render_unit = render
workers.preload = lambda formats: None
if sys.argv[1] == "watchdog":
    workers._die_with_parent = lambda: False     # the way of systems without prctl
tasks = [workers.Task(workers.Unit("talk", "en", fmt), None) for fmt in ("pptx", "html")]
from generator.build.spool import Spool
with Spool(sys.argv[2]) as spool:
    workers.run(tasks, 2, lambda task, rendered, seconds: print("done", task.unit.fmt, flush=True), spool=spool)
"""


def _stat(pid: int) -> list[str] | None:
    """The fields of /proc/<pid>/stat after the command's name (state, ppid, …), None when gone."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def _children(pid: int) -> list[int]:
    """Processes forked by `pid` that run its program (its workers, not the tools they run)."""
    try:
        program = os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return []
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            try:
                if fields and int(fields[1]) == pid and os.readlink(entry / "exe") == program:
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def _alive(pid: int) -> bool:
    fields = _stat(pid)
    return fields is not None and fields[0] != "Z"


def _kill_and_expect_gone(process: subprocess.Popen, workers: list[int]) -> None:
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=30)
    deadline = time.monotonic() + DEADLINE
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.02)
    left = [pid for pid in workers if _alive(pid)]
    for pid in left:            # leave no orphan behind, even when the test fails
        os.kill(pid, signal.SIGKILL)
    assert not left, f"workers {left} still alive {DEADLINE:.0f} s after their build was killed"


@pytest.mark.parametrize("how", ["prctl", "watchdog"])
def it_ends_busy_and_idle_workers_when_the_build_is_killed(how, tmp_path):
    process = subprocess.Popen([sys.executable, "-c", SCRIPT, how, str(tmp_path / "out")], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        # one worker is rendering for ever, the other done and waiting for more
        assert process.stdout.readline() == "done html\n"
        workers = _children(process.pid)
        assert len(workers) == 2
        _kill_and_expect_gone(process, workers)
    finally:
        if process.poll() is None:
            process.kill()
        process.stdout.close()


def it_ends_the_workers_of_a_real_build_killed_as_it_renders(tmp_path):
    process = subprocess.Popen([sys.executable, "-m", "generator", "build", str(SAMPLE_TALK), "--no-cache",
                                "--jobs", "2", "--out", str(tmp_path / "out"), "-q"], cwd=ROOT)
    try:
        deadline = time.monotonic() + 120
        workers = []
        while len(workers) < 2 and process.poll() is None and time.monotonic() < deadline:
            workers = _children(process.pid)
        assert len(workers) == 2, "the build ended before its two workers were seen"
        _kill_and_expect_gone(process, workers)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
