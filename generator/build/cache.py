"""A store of reusable work (font subsets, PNGs, graph layouts, whole outputs) keyed by content hash.

Entries live under `$XDG_CACHE_HOME/deckgen` (default `~/.cache/deckgen`), one file each:
`<kind>/<key[:2]>/<key>`. A key is the SHA-256 of everything the entry depends on (the callers
build it; see `inputs.py`), so an entry is never stale, only unused. Each file holds the digest
of its kind and key and the digest of its payload, both checked on read: a truncated or
corrupted entry, or one that is not where its key puts it (copied or moved by hand, by a sync
tool, by a disk that lost its way), reads as a miss and is removed, and the output is made again. Entries are
written to a temporary file then renamed into place, so builds running at once never see half
an entry; the oldest entries are removed once the store outgrows its limit (`DECKGEN_CACHE_LIMIT`,
in MiB, default 512), and a hit makes an entry young again.

`DECKGEN_NO_CACHE=1` (or `deckgen build --no-cache`) turns the store off: nothing is read from
it or written to it.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterable, Iterator

_MAGIC = b"deckgen-cache-2\n"     # then the digest of the kind and key, then of the payload
_DIGEST = 32
DEFAULT_LIMIT_MB = 512
_STALE_TEMP = 3600          # seconds after which a temporary file is a killed writer's leftover


def cache_root() -> Path:
    """`$XDG_CACHE_HOME/deckgen`, or `~/.cache/deckgen`."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "deckgen"


def disabled_by_environment() -> bool:
    return os.environ.get("DECKGEN_NO_CACHE", "").strip().lower() not in ("", "0", "no", "false")


def limit_from_environment() -> int:
    """The size limit in bytes: `DECKGEN_CACHE_LIMIT` MiB, or the default when unset or not a number."""
    value = os.environ.get("DECKGEN_CACHE_LIMIT", "").strip()
    megabytes = int(value) if value.isdigit() else DEFAULT_LIMIT_MB
    return megabytes * 1024 * 1024


def key(*parts: object) -> str:
    """The hex SHA-256 of `parts`: bytes as they are, anything else by its `str`, each framed by
    its length so that no two different lists of parts give the same key."""
    digest = hashlib.sha256()
    for part in parts:
        data = part if isinstance(part, bytes) else str(part).encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


def _named(kind: str, entry: str) -> bytes:
    """The digest an entry's file carries of where it belongs: its kind and its key."""
    return bytes.fromhex(key("deckgen-cache-entry", kind, entry))


class Cache:
    """The entries under one folder; `root=None` is a store that holds nothing."""

    def __init__(self, root: Path | None, limit: int | None = None):
        self.root = Path(root) if root is not None else None
        self.limit = limit_from_environment() if limit is None else limit
        self.hits = 0
        self.misses = 0
        self.written = 0

    @property
    def enabled(self) -> bool:
        return self.root is not None

    def _path(self, kind: str, entry: str) -> Path:
        assert self.root is not None
        return self.root / kind / entry[:2] / entry

    def get(self, kind: str, entry: str) -> bytes | None:
        """The payload stored under `kind`/`entry`, or None (absent, unreadable, truncated or corrupted)."""
        if self.root is None:
            return None
        path = self._path(kind, entry)
        try:
            with open(path, "rb") as handle:
                data = handle.read()
        except OSError:
            self.misses += 1
            return None
        named, head = len(_MAGIC) + _DIGEST, len(_MAGIC) + 2 * _DIGEST
        payload = data[head:]
        if (data[:len(_MAGIC)] != _MAGIC or data[len(_MAGIC):named] != _named(kind, entry)
                or hashlib.sha256(payload).digest() != data[named:head]):
            self.misses += 1
            with contextlib.suppress(OSError):
                path.unlink()          # corrupted: written again by whoever needs it
            return None
        with contextlib.suppress(OSError):
            os.utime(path)             # recently used: pruned last
        self.hits += 1
        return payload

    def put(self, kind: str, entry: str, payload: bytes | Iterable[bytes]) -> None:
        """Store `payload` (its bytes, or its pieces in turn: written as they come, never joined);
        a store that cannot be written (read-only, full disk) is quietly skipped."""
        if self.root is None:
            return
        path = self._path(kind, entry)
        pieces = (payload,) if isinstance(payload, bytes) else payload
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temporary = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
            try:
                with os.fdopen(fd, "wb") as handle:
                    handle.write(_MAGIC + _named(kind, entry) + bytes(_DIGEST))
                    digest = hashlib.sha256()
                    for piece in pieces:
                        digest.update(piece)
                        handle.write(piece)
                    handle.seek(len(_MAGIC) + _DIGEST)
                    handle.write(digest.digest())
                os.replace(temporary, path)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(temporary)
                raise
        except OSError:
            return
        self.written += 1

    def fetch(self, kind: str, entry: str, make: Callable[[], bytes]) -> bytes:
        """The stored payload, or `make()`'s, stored for next time."""
        found = self.get(kind, entry)
        if found is None:
            found = make()
            self.put(kind, entry, found)
        return found

    def size(self) -> int:
        return sum(size for _, _, size in self._entries())

    def _entries(self) -> Iterator[tuple[Path, float, int]]:
        if self.root is None or not self.root.is_dir():
            return
        for folder, _, names in os.walk(self.root):
            for name in names:
                path = Path(folder) / name
                try:
                    stat = path.stat()
                except OSError:
                    continue
                yield path, stat.st_mtime, stat.st_size

    def prune(self) -> int:
        """Remove the least recently used entries until the store is under its limit (and the
        leftovers of killed writers); returns the number of bytes freed."""
        if self.root is None:
            return 0
        entries, total, now = [], 0, time.time()
        freed = 0
        for path, mtime, size in self._entries():
            if path.name.startswith(".tmp-"):
                if now - mtime > _STALE_TEMP:
                    with contextlib.suppress(OSError):
                        path.unlink()
                        freed += size
                continue
            entries.append((mtime, path, size))
            total += size
        if total <= self.limit:
            return freed
        target = self.limit * 0.8           # some room, so that the next builds do not prune again
        for _, path, size in sorted(entries):
            if total <= target:
                break
            with contextlib.suppress(OSError):
                path.unlink()
                freed += size
            total -= size
        return freed


_active: Cache | None = None


def active() -> Cache:
    """The store this process uses: the one `use` set, else the one the environment names now
    (none when `DECKGEN_NO_CACHE` is set)."""
    if _active is not None:
        return _active
    return Cache(None if disabled_by_environment() else cache_root())


@contextlib.contextmanager
def use(cache: Cache) -> Iterator[Cache]:
    """`cache` as the process's store for the duration (worker processes forked meanwhile inherit it)."""
    global _active
    previous, _active = _active, cache
    try:
        yield cache
    finally:
        _active = previous


@contextlib.contextmanager
def scratch() -> Iterator[Cache]:
    """A store private to one build, removed afterwards: what `--no-cache` builds share between
    their worker processes, without reading or writing the user's."""
    import shutil

    folder = Path(tempfile.mkdtemp(prefix="deckgen-scratch-"))
    try:
        yield Cache(folder, limit=1 << 62)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
