"""A build that changes nothing, answered from what the last identical build recorded.

After a build, a stamp is stored in the cache under the build's whole question (the tool, the
environment, the talks, the options, the output folder): the size, dates and inode of every file
its outputs were made from (the talks' folders, the themes' folders and fonts, a template) and
of every output it left, and what it said. The next build asking the same question compares
those with the files as they are now; when nothing moved it says the same again (every output
reused, the same warnings) without loading a talk, which is most of what an unchanged build cost.
Anything that differs, a file added, touched or removed, an output edited or deleted, falls
through to the full build, which finds what is reusable output by output.

A stamp is written only when the inputs did not change while the build ran (their stats are
taken before it starts and compared after), so an edit made meanwhile is never taken as built.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from generator.build import cache

_SKIPPED = ("__pycache__",)


def _stat(path: Path) -> Optional[list]:
    try:
        stat = path.stat()
    except OSError:
        return None
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]


def snapshot(folders: list[Path], files: list[Path], skip: tuple[Path, ...] = ()) -> list:
    """Every file under `folders` (the output folder and `__pycache__` left out) and each of
    `files`, with its stat, in a stable order; a missing file as None."""
    found = []
    skipped = {str(p) for p in skip}
    for root in folders:
        for folder, dirs, names in os.walk(root):
            dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and os.path.join(folder, d) not in skipped)
            for name in sorted(names):
                path = os.path.join(folder, name)
                found.append([path, _stat(Path(path))])
    found.extend([str(path), _stat(path)] for path in files)
    return found


@dataclass
class Stamp:
    """What a build depended on and what it said."""

    folders: list[str]
    files: list[str]
    inputs: list
    outputs: list
    lines: list[str] = field(default_factory=list)       # progress lines, as a build that reuses all says them
    summary: list[str] = field(default_factory=list)     # the per-language summary, without its timings
    warnings: str = ""                                   # the warnings, as printed
    warning_count: int = 0
    units: int = 0


def question(talk_dirs: list[Path], out: Path, options: tuple) -> str:
    """The key of a build: everything that changes its answer but the files themselves."""
    from generator.build.inputs import environment_key, tool_fingerprint

    return cache.key("stamp", tool_fingerprint(), environment_key(), repr(options),
                     *(str(d.resolve()) for d in talk_dirs), str(out.resolve()))


def recall(key: str, out: Path) -> Optional[Stamp]:
    """The stamp of an identical earlier build, if every file it recorded is as it was."""
    store = cache.active()
    if not store.enabled:
        return None
    payload = store.get("stamp", key)
    if payload is None:
        return None
    try:
        stamp = Stamp(**json.loads(payload.decode("utf-8")))
    except (ValueError, TypeError):
        return None
    skip = (out.resolve(),)
    if snapshot([Path(f) for f in stamp.folders], [Path(f) for f in stamp.files], skip) != stamp.inputs:
        return None
    if [[path, _stat(Path(path))] for path, _ in stamp.outputs] != stamp.outputs:
        return None
    return stamp


def record(key: str, stamp: Stamp, before: list, out: Path) -> None:
    """Store the stamp, unless an input changed since `before` (taken as the build started)."""
    store = cache.active()
    if not store.enabled:
        return
    now = snapshot([Path(f) for f in stamp.folders], [Path(f) for f in stamp.files], (out.resolve(),))
    if now != before:
        return
    stamp.inputs = now
    store.put("stamp", key, json.dumps(stamp.__dict__, ensure_ascii=False).encode("utf-8"))
