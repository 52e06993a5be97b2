"""Render units (one format of one language of a talk) run here or in a pool of worker processes.

Units are independent: each reads its job (the talk, its plan, the theme, the options) and gives
back bytes. The pool forks after the jobs are made, so workers inherit them instead of receiving
them pickled; only a unit's number goes out and its files come back. Forking is what makes the
pool pay: a spawned worker would import everything again. Where fork is unavailable, or one
process is asked for, or there is one unit, units run here, one after the other; the bytes are
the same either way (the tests compare them).

A unit's files come back as files of the build's spool (`spool.py`): the worker writes each
one there and sends only its name and size, never the bytes. A pickled result was a second copy
of the files in the worker as it was sent, and two more in the build's process as it was
received; a file read back into the build's process was still one copy of every output until
they were published (at 10,000 slides in three languages, over 800 MB). After each unit, a
worker collects what it left (python-pptx's package is cyclic) and gives the freed memory back
to the system, so that the next unit it renders does not start on top of it.

Workers end with their parent however it ends (kill -9 included), instead of waiting for work
for ever under PID 1: on Linux each asks the kernel for SIGKILL when its parent dies
(prctl PR_SET_PDEATHSIG), then checks that the parent did not die before it asked; elsewhere, or
where prctl is refused, a thread of the worker waits on a pipe only the parent holds open, and
ends the worker when the pipe reaches its end (the system closes it when the parent dies).
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import sys
import threading
import time
from dataclasses import dataclass
from typing import Callable

from generator.build.jobs import Rendered, RenderJob
from generator.build.spool import Spool, Spooled

# The order units start in, languages alternating within a format: the longest first.
ORDER = ("diagrams", "handout", "html", "pptx", "pdf")

# What the renderers of each format import (loaded once before forking, so that every worker does
# not import, and compile, them again).
LIBRARIES = {"diagrams": (), "pptx": ("pptx",), "html": ("jinja2",),
             "handout": ("uharfbuzz",), "pdf": ("uharfbuzz",)}


@dataclass(frozen=True)
class Unit:
    """One format of one language of a talk (the handouts' layouts are one unit: they share the
    slides, printed once)."""

    talk: str
    lang: str
    fmt: str

    @property
    def name(self) -> str:
        return self.fmt

    @property
    def label(self) -> str:
        return f"{self.talk}/{self.lang} {self.name}"


@dataclass
class Task:
    """A unit to render and the job it is rendered from."""

    unit: Unit
    job: RenderJob


def render_unit(unit: Unit, job: RenderJob) -> Rendered:
    """The files and warnings of one unit."""
    from generator.build.targets import renderer

    return renderer(unit.fmt)(job)


def default_jobs() -> int:
    """Worker processes by default: `DECKGEN_JOBS`, else the processors this process may use (at most 4)."""
    value = os.environ.get("DECKGEN_JOBS", "").strip()
    if value.isdigit() and int(value) > 0:
        return int(value)
    try:
        available = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        available = os.cpu_count() or 1
    return max(1, min(available, 4))


def ordered(tasks: list[Task]) -> list[Task]:
    """The tasks in the order they start (`ORDER`), languages alternating."""
    rank = {fmt: index for index, fmt in enumerate(ORDER)}
    return sorted(tasks, key=lambda t: rank.get(t.unit.fmt, len(ORDER)))


def preload(formats) -> None:
    """Import the renderers of `formats` and their libraries; a library that cannot load is left
    for its renderer to report."""
    import importlib

    from generator.build.targets import renderer

    for fmt in formats:
        renderer(fmt)
        for name in LIBRARIES.get(fmt, ()):
            try:
                importlib.import_module(name)
            except (ImportError, OSError):
                pass


Done = Callable[[Task, Rendered, float], None]


@dataclass
class Planning:
    """How the jobs not planned yet get their plans: `diagnose(job)` plans a job and gives its
    diagnostics (in whichever process plans it), `planned(job, found, seconds)` takes them in the
    build's own process and says whether rendering goes on (False: the talk has errors)."""

    diagnose: Callable[[RenderJob], list]
    planned: Callable[[RenderJob, list, float], bool]


def run(tasks: list[Task], jobs: int, done: Done, planning: Planning | None = None, *, spool: Spool) -> None:
    """Render every task, calling `done(task, rendered, seconds)` as each finishes; the first
    failure is raised (the other units are then abandoned). A unit rendered by a worker comes
    with its files in `spool` (`Spooled`); one rendered here, with its bytes.

    Jobs not planned yet are planned first, through `planning`: here, one after the other, or,
    when there are at least as many of them as worker processes, each in a worker, which then
    renders that job's units itself (a language planned in each process at once, the plan never
    copied). Nothing is rendered once a plan has errors."""
    tasks = ordered(tasks)
    context = _fork_context()
    unplanned = list({id(t.job): t.job for t in tasks if t.job is not None and t.job.plan is None}.values())
    if planning is not None and unplanned and jobs > 1 and context is not None and len(unplanned) >= jobs:
        _run_languages(tasks, unplanned, jobs, done, planning, context, spool)
        return
    for job in unplanned:
        if planning is None:
            job.make_plan()
            continue
        started = time.perf_counter()
        if not planning.planned(job, planning.diagnose(job), time.perf_counter() - started):
            return
    if jobs <= 1 or len(tasks) <= 1 or context is None:
        for task in tasks:
            started = time.perf_counter()
            rendered = render_unit(task.unit, task.job)
            done(task, rendered, time.perf_counter() - started)
        return
    with _pool(tasks, jobs, context, spool) as pool:
        futures = [pool.submit(_work, index) for index in range(len(tasks))]
        for future in _completed(futures):
            index, spilled, seconds, failure = future.result()
            if failure is not None:
                raise _restored(failure)
            done(tasks[index], _unspilled(spilled), seconds)


def _run_languages(tasks: list[Task], unplanned: list[RenderJob], jobs: int, done: Done, planning: Planning,
                   context, spool: Spool) -> None:
    """Each job planned, then its units rendered, in one worker; its results taken as it ends."""
    global _PLANNING, _JOBS, _STOP
    _PLANNING, _JOBS, _STOP = planning, unplanned, context.Event()
    try:
        with _pool(tasks, jobs, context, spool) as pool:
            futures = [pool.submit(_work_language, index) for index in range(len(unplanned))]
            for future in _completed(futures):
                index, found, seconds, rendered, failure = future.result()
                if failure is not None:
                    _STOP.set()
                    raise _restored(failure)
                if not planning.planned(unplanned[index], found, seconds):
                    _STOP.set()     # the build stops on its errors: the other workers render no further
                    for future in futures:
                        future.cancel()
                    return
                for task_index, spilled, unit_seconds in rendered:
                    done(tasks[task_index], _unspilled(spilled), unit_seconds)
    finally:
        from generator.plan.graph.layout import forget_ahead

        _PLANNING, _JOBS, _STOP = None, [], None
        forget_ahead()              # what was laid out ahead here served the workers' plans


def _completed(futures):
    from concurrent.futures import as_completed

    return as_completed(futures)


class _pool:
    """A pool of forked workers that inherit `tasks`, bound to this process's life; on any
    failure it is shut down without waiting, and a worker that died is a RenderError."""

    def __init__(self, tasks: list[Task], jobs: int, context, spool: Spool):
        self.tasks, self.jobs, self.context, self.spool = tasks, jobs, context, spool

    def __enter__(self):
        from concurrent.futures import ProcessPoolExecutor

        from generator.plan.graph.layout import settle_ahead

        global _TASKS, _SPILL
        # Importing the renderers makes objects that live as long as the process (modules,
        # classes, functions): not collected while it goes on (a collection then scanned them
        # all, 40 ms). What the workers inherit is frozen: their collections never scan it (nor
        # copy its pages by touching them); thawed when the pool ends (a `watch` process goes on).
        collecting = gc.isenabled()
        gc.disable()
        try:
            preload(dict.fromkeys(task.unit.fmt for task in self.tasks))
            settle_ahead()
            gc.freeze()
        finally:
            if collecting:
                gc.enable()
        _TASKS = self.tasks
        _SPILL = str(self.spool.folder)     # where workers leave the files of their units
        self.lifeline = os.pipe()   # nothing is written to it: its end tells the workers the parent is gone
        self.pool = ProcessPoolExecutor(min(self.jobs, len(self.tasks)), mp_context=self.context,
                                        initializer=_bound_to_parent, initargs=(os.getpid(), *self.lifeline))
        return self.pool

    def __exit__(self, kind, value, trace) -> bool:
        from concurrent.futures.process import BrokenProcessPool

        global _TASKS, _SPILL
        try:
            self.pool.shutdown(wait=kind is None, cancel_futures=kind is not None)
        finally:
            _TASKS = []
            gc.unfreeze()
            for fd in self.lifeline:
                os.close(fd)
            _SPILL = None           # what a failed build's workers left there goes with the spool
        if kind is not None and issubclass(kind, BrokenProcessPool):
            from generator.errors import RenderError

            raise RenderError("a worker process ended abruptly while rendering; nothing was written "
                              "(run again with --jobs 1 to render in one process)") from None
        return False


_TASKS: list[Task] = []      # what the forked workers inherit
_SPILL: str | None = None    # the build's spool folder: where workers write their units' files
_JOBS: list[RenderJob] = []  # with the jobs they plan, and how
_PLANNING: Planning | None = None
_STOP = None                 # an Event: set when the build no longer needs what workers render

_PR_SET_PDEATHSIG = 1


def _bound_to_parent(parent: int, reader: int, writer: int) -> None:
    """In each worker, first thing after the fork: end it when `parent` ends."""
    os.close(writer)            # the parent's copy alone keeps the pipe open
    if _die_with_parent():
        os.close(reader)
    else:
        threading.Thread(target=_watch_parent, args=(reader,), name="deckgen-parent-watch", daemon=True).start()
    if os.getppid() != parent:  # it died before the worker could ask to follow it
        os._exit(1)


def _die_with_parent() -> bool:
    """Ask Linux to kill this process when its parent ends; False where that is not available.
    (Linux sends it when the parent's thread that forked ends: `run`, which forks, stays in that
    thread until the pool is shut down.)"""
    if not sys.platform.startswith("linux"):
        return False
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


def _watch_parent(reader: int) -> None:
    """Wait for the pipe from the parent to end (it dies: the system closes its end), then end the worker."""
    try:
        while os.read(reader, 1):
            pass
    except OSError:
        pass
    os._exit(1)


def _fork_context():
    """Fork, where the system has it: workers inherit the jobs, the imported renderers and the cache."""
    import multiprocessing

    try:
        return multiprocessing.get_context("fork")
    except ValueError:
        return None


def _work_language(index: int):
    """In a worker: plan a job, then, unless it has errors, render its units."""
    job = _JOBS[index]
    started = time.perf_counter()
    rendered = []
    try:
        found = _PLANNING.diagnose(job)
        seconds = time.perf_counter() - started
        gc.collect()
        gc.freeze()         # the plan, made here, lives as long as the worker: no collection scans it again
        if not any(d.severity == "error" for d in found):
            for task_index, task in enumerate(_TASKS):
                if task.job is job and not _STOP.is_set():
                    started = time.perf_counter()
                    files = render_unit(task.unit, job)
                    seconds_unit = time.perf_counter() - started
                    rendered.append((task_index, _spill(files), seconds_unit))
                    del files
                    _release()
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it
        return index, [], 0.0, [], _portable(exc)
    finally:
        job.plan = None     # this worker's copy, rendered: a worker may plan another language next
    return index, found, seconds, rendered, None


def _work(index: int):
    task = _TASKS[index]
    started = time.perf_counter()
    try:
        rendered = render_unit(task.unit, task.job)
        seconds = time.perf_counter() - started
        spilled = _spill(rendered)
    except BaseException as exc:  # noqa: BLE001 - sent to the parent, which raises it
        return index, None, 0.0, _portable(exc)
    finally:
        rendered = None
        _release()
    return index, spilled, seconds, None


def _spill(rendered: Rendered) -> tuple:
    """In a worker: a unit's files written to the build's spool, one file each; what the build's
    process takes them with (`_unspilled`): each file's name, place and size, and the warnings."""
    from generator.build.spool import write_new

    return [(name, *write_new(_SPILL, data)) for name, data in rendered.files.items()], rendered.warnings


def _unspilled(spilled: tuple) -> Rendered:
    """The unit's files as the spool holds them (`_spill`)."""
    files, warnings = spilled
    return Rendered({name: Spooled(path, size) for name, path, size in files}, warnings)


def _release() -> None:
    """In a worker: what a unit left, collected (python-pptx's package is cyclic), and the memory
    freed given back to the system (glibc keeps it otherwise), before the next unit. (What the
    worker inherited, or planned, is frozen: not scanned.)"""
    gc.collect()
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            ctypes.CDLL(None).malloc_trim(0)
        except (OSError, AttributeError):
            pass


def _portable(exc: BaseException) -> tuple:
    """How to raise `exc` again in the parent: our exceptions rebuilt from their fields, others
    pickled, or named when they cannot be."""
    import traceback

    from generator.errors import ContentError, MissingToolError
    from generator.theme import MissingFontError

    trace = "".join(traceback.format_exception(exc))
    if isinstance(exc, ContentError):
        return ContentError, (exc.diagnostics, exc.sources), trace
    if isinstance(exc, MissingToolError):
        return MissingToolError, (exc.tool, exc.install), trace
    if isinstance(exc, MissingFontError):
        return MissingFontError, (exc.file_name, exc.theme_dir), trace
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - whatever the exception holds
        return RuntimeError, (f"{type(exc).__name__}: {exc}",), trace
    return None, exc, trace


def _restored(failure: tuple) -> BaseException:
    from multiprocessing.pool import RemoteTraceback

    kind, args, trace = failure
    exc = args if kind is None else kind(*args)
    exc.__cause__ = RemoteTraceback(trace)
    return exc
