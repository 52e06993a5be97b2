"""One build at a time puts files into an output folder.

A build holds an OS lock on `<out>/.deckgen.lock` while it writes (`publish.py`): `fcntl.flock`
on POSIX, `msvcrt.locking` on Windows. The lock belongs to the open file, so the system lets go
of it when its holder ends, however it ends (kill -9 included): it is never stale. A second build
waits for it, saying so once, or with `wait=False` fails at once (`OutputBusy`, exit 1) without
writing anything.

The holder writes its process id into the file, for the message of the one waiting. On POSIX it
removes the file as it lets go, so that no lock file stays in the output folder; whoever then
gets the lock of a removed file takes the lock of the current one instead (the file is checked to
still be there, the same one, once locked).
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator

import click

LOCK_NAME = ".deckgen.lock"
_WINDOWS = sys.platform == "win32"
_REGION = 1 << 30       # Windows: the byte locked, far beyond the process id (a locked byte cannot be read)


class OutputBusy(click.ClickException):
    """Another build is writing into the output folder, and this one was asked not to wait."""

    exit_code = 1

    def __init__(self, out: Path, pid: int | None):
        super().__init__(f"another build is writing into {_shown(out)}{_pid(pid)}; nothing was written")
        self.out, self.pid = out, pid

    def show(self, file=None) -> None:
        click.echo(f"error: {self.message}\n  hint: run it again once that build is done, "
                   "or without --no-wait to wait for it", err=True, file=file)


def waiting_message(out: Path, pid: int | None) -> str:
    return f"waiting for another build writing into {_shown(out)}{_pid(pid)}…"


def _to_stderr(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


@contextmanager
def holding(out: Path, *, wait: bool = True, waiting: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the lock of the output folder `out` (made if missing) for the body of the `with`.

    When another process holds it: with `wait`, `waiting` gets one line (by default printed on
    stderr) and the lock is waited for; without, `OutputBusy` is raised."""
    path = Path(out) / LOCK_NAME
    told = False
    while True:
        Path(out).mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            if not _lock(fd, block=False):
                pid = _holder(fd)
                if not wait:
                    raise OutputBusy(Path(out), pid)
                if not told:
                    (waiting or _to_stderr)(waiting_message(Path(out), pid))
                    told = True
                _lock(fd, block=True)
            if _current(fd, path):
                break
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)            # its holder removed it as it let go: lock the one there now
    try:
        _write_pid(fd)
        yield
    finally:
        _release(fd, path)


def _shown(out: Path) -> str:
    return f"{str(out).rstrip('/' + os.sep)}/"


def _pid(pid: int | None) -> str:
    return f" (pid {pid})" if pid else ""


def _current(fd: int, path: Path) -> bool:
    """Whether `fd` is still the file at `path` (POSIX: a holder removes it as it lets go)."""
    if _WINDOWS:
        return True
    try:
        mine, there = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (mine.st_dev, mine.st_ino) == (there.st_dev, there.st_ino)


def _holder(fd: int) -> int | None:
    """The process id the holder wrote, if it has yet."""
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        text = os.read(fd, 32).decode("ascii", "replace").strip()
    except OSError:
        return None
    return int(text) if text.isdigit() else None


def _write_pid(fd: int) -> None:
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
    except OSError:
        pass                    # only the message of a waiting build needs it


if _WINDOWS:
    import msvcrt

    def _lock(fd: int, block: bool) -> bool:
        # msvcrt's blocking mode gives up after 10 s: poll instead
        while True:
            os.lseek(fd, _REGION, os.SEEK_SET)
            try:
                msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
                return True
            except OSError:
                if not block:
                    return False
            time.sleep(0.1)

    def _release(fd: int, path: Path) -> None:
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, _REGION, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        finally:
            os.close(fd)        # the file stays: Windows cannot remove a file another build holds open

else:
    import fcntl

    def _lock(fd: int, block: bool) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX if block else fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _release(fd: int, path: Path) -> None:
        try:
            os.unlink(path)     # still locked: whoever locks this file next sees it gone and retries
        except OSError:
            pass
        finally:
            os.close(fd)        # closing lets go of the lock
