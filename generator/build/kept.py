"""What this process made lately, kept for its next build: `watch` builds the same talk again after
every save, and what an edit did not change (a slide's plan, its drawing, its PPTX XML) is taken
as it was made instead of being made again. The build cache (`cache.py`) keeps whole outputs
between processes; this keeps their parts within one.

Nothing is kept unless the process says it will build again (`keep_for_next_builds`, as `watch`
does): a build that ends with its process would only pay for the copies and hold the memory.

A key holds everything the kept thing was made from, by value; objects too large or not hashable
to be compared by value (a theme, a template) are compared by identity, and the entry holds them
so that no other object takes their identity while it is kept. A key that cannot be hashed is
never kept. The last `size` entries used are kept; every store is safe to use from several
threads (`watch` writes the outputs in a thread of its own).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Optional


_KEEPING = False


def keep_for_next_builds(keeping: bool = True) -> None:
    """Say that this process will build again (`watch`): from now on, what it makes is kept."""
    global _KEEPING
    _KEEPING = keeping


def keeping() -> bool:
    """Whether this process keeps what it makes (a key's inputs need not be worked out otherwise)."""
    return _KEEPING


class Kept:
    def __init__(self, size: int):
        self.size = size
        self._entries: "OrderedDict[tuple, tuple[tuple, Any]]" = OrderedDict()
        self._lock = threading.Lock()

    def key(self, held: tuple, *inputs) -> Optional[tuple]:
        """The key of something made from `inputs` and the objects `held`; None if it cannot be one
        (or nothing is kept in this process)."""
        if not _KEEPING:
            return None
        key = (tuple(id(obj) for obj in held), *inputs)
        try:
            hash(key)
        except TypeError:
            return None
        return key

    def get(self, key: Optional[tuple], held: tuple = ()) -> Any:
        """What is kept under `key` (made with the very objects `held`), or None."""
        if key is None:
            return None
        with self._lock:
            found = self._entries.get(key)
            if found is None or any(a is not b for a, b in zip(found[0], held)):
                return None
            self._entries.move_to_end(key)
            return found[1]

    def put(self, key: Optional[tuple], value: Any, held: tuple = ()) -> None:
        if key is None:
            return
        with self._lock:
            self._entries[key] = (held, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.size:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
