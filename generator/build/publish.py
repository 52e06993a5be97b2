"""A build's files put in place all at once, per talk and language folder.

The new folder is made complete beside the old one (`.fr.new-<pid>-<random>`: the new files written and
flushed to disk, the old folder's other files linked in, so building one format keeps the
others), then exchanged with the old folder in one atomic step (Linux `renameat2` with
RENAME_EXCHANGE; elsewhere two renames, and a killed build's leftovers are put back right by the
next one). A reader, or a build killed at any moment, sees the old folder or the new one, never
a mix. Every folder of a build is staged before the first is put in place, so a write that
fails (read-only folder, full disk) leaves every language as it was; a swap that fails undoes
those before it, and the error names any folder it could not put back. A folder that already
holds exactly the new files is left alone.

All of it happens under the output folder's lock (`lock.py`): two builds into one folder write
one after the other, never into each other's staged folders. The folders a build stages are its
own (its process id and a random part in their names); the leftovers of a killed build are
tidied by the next one, which holds the lock, so they cannot be another running build's (one of
another deckgen that takes no lock, with its process still alive, is left alone as well).

Beside each language folder a build writes, `.deckgen-manifest.<lang>.json` lists the files
deckgen wrote in it, by the output that wrote them (a format; the handouts by the layouts
asked), sorted. The next build of that talk and language leaves out of the new folder the
files the old manifest lists under the outputs it builds again and did not write this time
(the diagram of a stack that was removed); it never removes a file no manifest lists (a file
of your own), nor one listed under an output it did not build (`--format`, `--handout`: the
other formats' files stay). The manifest stands beside the folder, not in it, so the folder
holds only outputs; it is written (atomically) once every folder is in place, and a build
killed before that leaves the old one, which lists files of the old build only.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import os
import re
import secrets
import shutil
import sys
from contextlib import ExitStack
from pathlib import Path
from typing import Callable

from generator.build.lock import holding
from generator.build.spool import Spooled, running
from generator.errors import RenderError

MANIFEST = ".deckgen-manifest.{lang}.json"
_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def publish(files: dict[Path, bytes | Spooled], out: Path, *, wait: bool = True,
            waiting: Callable[[str], None] | None = None,
            outputs: dict[Path, dict[str, list[Path]]] | None = None) -> list[Path]:
    """Write `files` (absolute paths under `out/<talk>/<lang>/`: their bytes, or files of the
    build's spool, which are linked), one folder swap per talk and language, holding the lock of `out`: while another build holds it, wait for it (`waiting`
    gets one line; by default it goes to stderr), or without `wait` raise `lock.OutputBusy`.

    All or nothing across the folders: every new folder is staged before any is put in place,
    and the folders already swapped are swapped back if a later one cannot be; a failure says
    "the previous outputs are unchanged" only when that is so, and else names the folders that
    hold the new build.

    `outputs` (folder -> output -> the files it wrote there, relative, possibly none) names
    what the build made of each folder: those folders get a manifest, and lose the files
    their old one lists under those outputs that were not written again."""
    groups: dict[Path, dict[Path, bytes | Spooled]] = {}
    for path, data in files.items():
        relative = path.relative_to(out)
        folder = out.joinpath(*relative.parts[:2])
        groups.setdefault(folder, {})[path.relative_to(folder)] = data
    for folder in outputs or {}:
        groups.setdefault(folder, {})
    if not groups:
        return []
    written = []
    with ExitStack() as stack:
        try:
            stack.enter_context(holding(out, wait=wait, waiting=waiting))
        except OSError as exc:
            raise _cannot_write(exc, out) from None
        staged: list[tuple[Path, Path]] = []
        manifests: list[tuple[Path, bytes]] = []
        try:
            for folder, content in sorted(groups.items()):
                try:
                    stale: set[Path] = set()
                    if outputs is not None and folder in outputs:
                        manifest, stale = _manifest(folder, content, outputs[folder])
                        manifests.append((manifest_path(folder), manifest))
                    ready = _stage(folder, content, stale)
                except OSError as exc:
                    raise _cannot_write(exc, folder) from None
                if ready is not None:
                    staged.append((folder, ready))
                written.extend(folder / name for name in sorted(content))
        except BaseException:
            for _, ready in staged:
                shutil.rmtree(ready, ignore_errors=True)
            raise
        _put_in_place(staged, out)
        for path, data in manifests:
            try:
                if not _holds(path, data):
                    _write_atomic(path, data)
            except OSError as exc:
                raise RenderError(f"cannot write {path}: {exc.strerror or exc}; the outputs are in place, but the "
                                  "next build will not know which of them to remove") from None
    return written


def manifest_path(folder: Path) -> Path:
    """Where the manifest of a language folder stands: beside it."""
    return folder.parent / MANIFEST.format(lang=folder.name)


def _cannot_write(exc: OSError, where: Path, replaced: list[Path] | None = None, out: Path | None = None) -> RenderError:
    if replaced:
        names = ", ".join(str(folder.relative_to(out)) if out is not None else str(folder) for folder in replaced)
        outcome = f"these folders hold the new build, the others their previous outputs: {names}"
    else:
        outcome = "the previous outputs are unchanged"
    return RenderError(f"cannot write {exc.filename or where}: {exc.strerror or exc}; {outcome}")


def _own(folder: Path, kind: str) -> Path:
    """A name beside `folder` for a folder of this build's alone (`kind`: new, staged; old, retired)."""
    return folder.parent / f".{folder.name}.{kind}-{os.getpid()}-{secrets.token_hex(4)}"


def _stage(folder: Path, content: dict[Path, bytes | Spooled], stale: set[Path] = frozenset()) -> Path | None:
    """The new `folder` made complete beside it, flushed to disk, the `stale` files of the old
    one left out; None when the folder already holds exactly `content` and none of `stale`
    (it stays as it is). Nothing is left behind when it fails."""
    parent = folder.parent
    staged = _own(folder, "new")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        _recover(folder)
        if not content and not folder.is_dir():
            return None                       # outputs that made no file, in a folder never written
        if all(_holds(folder / name, data) for name, data in content.items()) and \
                not any((folder / name).is_file() for name in stale):
            return None                       # nothing changed: the folder stays as it is
        staged.mkdir()
        for name, data in content.items():
            target = staged / name
            target.parent.mkdir(parents=True, exist_ok=True)
            old = folder / name
            if _holds(old, data):
                os.link(old, target)          # unchanged: the same file, its date kept
            else:
                _write(target, data)
        if folder.is_dir():
            for old in folder.rglob("*"):
                name = old.relative_to(folder)
                if old.is_file() and name not in stale and not (staged / name).exists():
                    (staged / name).parent.mkdir(parents=True, exist_ok=True)
                    os.link(old, staged / name)   # another format's output: kept as it was
        _sync_tree(staged)
    except BaseException:
        shutil.rmtree(staged, ignore_errors=True)
        raise
    return staged


def _put_in_place(staged: list[tuple[Path, Path]], out: Path) -> None:
    """Each staged folder swapped with its old one; if one swap fails, those done are undone,
    and the error says which folders (if any) could not be put back."""
    done: list[tuple[Path, Path | None]] = []       # (folder, where its previous state now is)
    try:
        for folder, ready in staged:
            done.append((folder, _swap(ready, folder)))
    except OSError as exc:
        for _, ready in staged[len(done):]:
            shutil.rmtree(ready, ignore_errors=True)
        replaced = _undo(done)
        raise _cannot_write(exc, staged[len(done)][0], replaced, out) from None
    for folder, previous in done:
        if previous is not None:
            shutil.rmtree(previous, ignore_errors=True)
    for parent in sorted({folder.parent for folder, _ in done}):
        _sync_dir(parent)


def _undo(done: list[tuple[Path, Path | None]]) -> list[Path]:
    """Put the previous folders back, last swapped first; returns those that could not be."""
    stuck = []
    for folder, previous in reversed(done):
        try:
            if previous is None:                     # there was no folder: there is none again
                shutil.rmtree(folder)
            else:
                new = _swap(previous, folder)
                if new is not None:
                    shutil.rmtree(new, ignore_errors=True)
        except OSError:
            stuck.append(folder)
    return sorted(stuck)


def _manifest(folder: Path, content: dict[Path, bytes | Spooled], built: dict[str, list[Path]]) -> tuple[bytes, set[Path]]:
    """The folder's new manifest, and the files its old one lists under the outputs built again
    that were not written this time (to leave out)."""
    import json

    old = _read_manifest(manifest_path(folder))
    written = set(content)
    stale = {name for output in built for name in old.get(output, ()) if name not in written}
    listed = {output: sorted(p.as_posix() for p in names if p not in stale and (p in written or (folder / p).is_file()))
              for output, names in old.items() if output not in built}
    listed.update({output: sorted({p.as_posix() for p in names}) for output, names in built.items()})
    text = json.dumps({"deckgen-manifest": 1, "outputs": {k: v for k, v in sorted(listed.items()) if v}},
                      indent=1, ensure_ascii=False, sort_keys=True)
    return (text + "\n").encode("utf-8"), stale


def _read_manifest(path: Path) -> dict[str, set[Path]]:
    """What an earlier build's manifest lists, by output; only plain relative names of files
    inside the folder (nothing that climbs out, no hidden name), and nothing at all from a file
    that is not one deckgen wrote."""
    import json
    from pathlib import PurePosixPath

    try:
        data = json.loads(path.read_bytes())
    except (OSError, ValueError):
        return {}
    outputs = data.get("outputs") if isinstance(data, dict) and data.get("deckgen-manifest") == 1 else None
    found: dict[str, set[Path]] = {}
    for output, names in (outputs.items() if isinstance(outputs, dict) else ()):
        for name in names if isinstance(names, list) else ():
            relative = PurePosixPath(name) if isinstance(name, str) and "\\" not in name else None
            if relative is None or relative.is_absolute() or not relative.parts or \
                    any(part in ("", ".", "..") or part.startswith(".") for part in relative.parts):
                continue
            found.setdefault(str(output), set()).add(Path(*relative.parts))
    return found


def _holds(path: Path, data: bytes | Spooled) -> bool:
    """Whether the file at `path` holds exactly `data`."""
    if isinstance(data, Spooled):
        return data.same_as(path)
    try:
        return path.is_file() and path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _write(path: Path, data: bytes | Spooled) -> None:
    if isinstance(data, Spooled):
        data.place(path)            # the spool's file, linked
        return
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o644)


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.parent / f".{path.name}.tmp-{os.getpid()}-{secrets.token_hex(4)}"
    try:
        _write(temporary, data)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    _sync_dir(path.parent)


def _sync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _sync_tree(root: Path) -> None:
    for folder in [root, *(p for p in root.rglob("*") if p.is_dir())]:
        _sync_dir(folder)


def _swap(staged: Path, folder: Path) -> Path | None:
    """Put `staged` where `folder` is, in one step where the system allows it; returns where the
    previous folder now is (for the caller to remove, or to put back), None if there was none."""
    if not folder.exists():
        os.rename(staged, folder)
        return None
    if _exchange(staged, folder):
        return staged                                    # it now holds the old build
    retired = _own(folder, "old")
    os.rename(folder, retired)
    try:
        os.rename(staged, folder)
    except OSError:
        os.rename(retired, folder)
        raise
    return retired


def _exchange(a: Path, b: Path) -> bool:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    if ctypes.get_errno() in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()), str(b))


def _recover(folder: Path) -> None:
    """Undo what a killed build left: staged folders removed; a retired folder put back if the
    swap was cut between its two renames. Called under the output folder's lock, so no running
    build that takes it is between those steps; a folder whose process is still running (another
    deckgen that takes no lock) is left alone."""
    found = {"new": [], "old": []}
    for entry in folder.parent.iterdir():
        match = re.fullmatch(rf"\.{re.escape(folder.name)}\.(new|old)-(\d+)(?:-[0-9a-f]+)?", entry.name)
        if match and entry.is_dir() and not _running(int(match[2])):
            found[match[1]].append(entry)
    for leftover in found["new"]:
        shutil.rmtree(leftover, ignore_errors=True)
    for retired in sorted(found["old"]):
        if not folder.exists():
            os.rename(retired, folder)
        else:
            shutil.rmtree(retired, ignore_errors=True)


def _running(pid: int) -> bool:
    """Whether process `pid` runs, other than this one (whose own leftovers are from an attempt
    that ended: it stages one folder at a time, under the lock). On Windows, taken as not running
    (the lock is what keeps builds apart there)."""
    if pid == os.getpid() or pid <= 0 or sys.platform == "win32":
        return False
    return running(pid)
