"""Where a build keeps the files it made until it publishes them: on disk, beside the outputs.

A build publishes nothing until every output is made (`targets.py`), so it must keep them all
meanwhile: at 10,000 slides in three languages that is over 800 MB, too much to hold in memory.
Each file is written, as it arrives, into the build's spool, a folder of its own inside the
output folder (`.deckgen-spool-<pid>-<random>`), and the build keeps only its name and size
(`Spooled`). Worker processes write their units' files there themselves, so the build's
process never reads them. Publishing links each new file from the spool into the language
folder it stages (`publish.py`: the same file system, so no byte is copied again; where links
are refused, it is copied), and the spool is removed when the build ends, whether it published
or failed. A build killed before that leaves its spool; the next build into that folder removes
it (its process is gone), as it does the staged folders of a killed build.

The spool is made when the first file arrives, after the talk has been checked: a build that
stops on content errors creates nothing, and an output folder that the spool alone created is
removed with it.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

_PREFIX = ".deckgen-spool-"
_CHUNK = 1 << 20


class Spooled:
    """A file of the spool: where it is and how many bytes it holds."""

    __slots__ = ("path", "size")

    def __init__(self, path: str, size: int):
        self.path, self.size = path, size

    def __len__(self) -> int:
        return self.size

    def read(self) -> bytes:
        with open(self.path, "rb") as handle:
            return handle.read()

    def chunks(self):
        """Its bytes, a mebibyte at a time."""
        with open(self.path, "rb") as handle:
            while chunk := handle.read(_CHUNK):
                yield chunk

    def same_as(self, path: Path) -> bool:
        """Whether the file at `path` holds exactly these bytes."""
        try:
            if os.stat(path).st_size != self.size:
                return False
            with open(self.path, "rb") as mine, open(path, "rb") as theirs:
                while True:
                    a, b = mine.read(_CHUNK), theirs.read(_CHUNK)
                    if a != b:
                        return False
                    if not a:
                        return True
        except OSError:
            return False

    def place(self, target: Path) -> None:
        """Put this file at `target` (which does not exist), flushed to disk: linked where the file
        system allows it, else copied."""
        with open(self.path, "rb") as handle:
            os.fsync(handle.fileno())
        try:
            os.link(self.path, target)
        except OSError:
            with open(self.path, "rb") as source, open(target, "wb") as copy:
                shutil.copyfileobj(source, copy, _CHUNK)
                copy.flush()
                os.fsync(copy.fileno())
            os.chmod(target, 0o644)


def write_new(folder: str, data: bytes) -> tuple[str, int]:
    """`data` written to a new file of the spool `folder` (by the build, or by a worker process):
    where it is, and its size."""
    descriptor, path = tempfile.mkstemp(dir=folder)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    os.chmod(path, 0o644)
    return path, len(data)


class Spool:
    """One build's spool inside `out`, made when first needed (`folder`), removed by `close`."""

    def __init__(self, out: Path):
        self.out = Path(out)
        self._folder: Path | None = None
        self._made: list[Path] = []         # folders the spool had to create, outermost first

    @property
    def folder(self) -> Path:
        if self._folder is None:
            missing = [p for p in (self.out, *self.out.parents) if not p.exists()]
            self.out.mkdir(parents=True, exist_ok=True)
            self._made = list(reversed(missing))
            tidy(self.out)
            folder = self.out / f"{_PREFIX}{os.getpid()}-{secrets.token_hex(4)}"
            folder.mkdir()
            self._folder = folder
        return self._folder

    def add(self, data: bytes) -> Spooled:
        """`data` kept in the spool."""
        return Spooled(*write_new(str(self.folder), data))

    def close(self) -> None:
        """The spool removed, and the output folder too when the spool made it and it is empty."""
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
            self._folder = None
        for made in reversed(self._made):
            try:
                made.rmdir()
            except OSError:
                break
        self._made = []

    def __enter__(self) -> "Spool":
        return self

    def __exit__(self, *exc) -> bool:
        self.close()
        return False


def running(pid: int) -> bool:
    """Whether process `pid` is alive (this one included). On Windows, where asking would end
    it, always taken as alive: a killed build's spool is then left for you to remove."""
    if sys.platform == "win32":
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:         # another user's
        return True
    return True


def tidy(out: Path) -> None:
    """The spools of builds into `out` whose process is gone (killed), removed."""
    try:
        entries = list(os.scandir(out))
    except OSError:
        return
    for entry in entries:
        match = re.fullmatch(rf"{re.escape(_PREFIX)}(\d+)-[0-9a-f]+", entry.name)
        if match and entry.is_dir(follow_symlinks=False) and not running(int(match[1])):
            shutil.rmtree(entry.path, ignore_errors=True)
