"""Digests of what a build's outputs depend on, beyond the talk's text: the tool, the machine, the
theme's files and fonts, the talk's other files. Cache keys are made of them (`build.py`).

- **The tool**: its version, the bytes of its own code, the Python running it and the names
  (with versions) of every installed distribution, so an upgraded library is a new key.
- **The machine**: the `dot` executable, and the Debian package database's date, which changes
  whenever a system library (cairo, Pango, HarfBuzz, fontconfig) or font package does.
- **The environment**: `SOURCE_DATE_EPOCH` and `DECKGEN_FONT_PATH`, read at every key.
- **The theme**: every file of its folders (and of the default theme, whose templates are the
  fallback), and every font file it names, wherever it was found.
- **The talk's files**: every file of its folder but `talk.yaml` and the catalogs (their
  content enters the key as the localized talk), hidden ones, and the output folder.
"""

from __future__ import annotations

import hashlib
import os
import platform
import shutil
import sys
from functools import lru_cache
from pathlib import Path

from generator.theme import TEMPLATES_DIR, MissingFontError, Theme

_PACKAGE = Path(__file__).resolve().parent.parent      # the whole generator package
_SKIPPED = ("__pycache__",)


def _files(root: Path, skip: tuple[Path, ...] = (), hidden: bool = True) -> list[Path]:
    """Every file under `root`, in a stable order; `__pycache__`, `skip` (and hidden names
    unless `hidden`) left out."""
    found = []
    skipped = {p.resolve() for p in skip}
    for folder, dirs, names in os.walk(root):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if d not in _SKIPPED and (hidden or not d.startswith("."))
                         and (here / d).resolve() not in skipped)
        found.extend(here / n for n in sorted(names) if not n.endswith(".pyc") and (hidden or not n.startswith(".")))
    return found


def _digest_files(paths, base: Path | None = None) -> str:
    digest = hashlib.sha256()
    for path in paths:
        name = str(path.relative_to(base)) if base is not None else str(path)
        digest.update(name.encode("utf-8", "surrogateescape") + b"\0" + file_bytes_digest(path).encode("ascii"))
    return digest.hexdigest()


_LARGE = 1 << 20           # files this large (system font collections) are known by their stat


def file_bytes_digest(path: Path) -> str:
    """The SHA-256 of a file's bytes; a large file (a system font collection of 20 MB, which a
    build would otherwise read in full to hash) stands for its path, size, modification and
    change times, inode and device instead: writing to a file always changes its change time,
    so a changed file never keeps its signature."""
    try:
        stat = path.stat()
    except OSError:
        return "unreadable"
    if stat.st_size >= _LARGE:
        signature = f"{path}:{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}:{stat.st_dev}"
        return "stat:" + hashlib.sha256(signature.encode("utf-8", "surrogateescape")).hexdigest()
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"


@lru_cache(maxsize=1)
def tool_fingerprint() -> str:
    """The tool's version, code and libraries, and the machine's tools, as one digest (once a process)."""
    from importlib import metadata

    try:
        version = metadata.version("deckgen-talks")
    except metadata.PackageNotFoundError:
        version = "unknown"
    distributions = []
    for entry in dict.fromkeys(sys.path):
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        distributions.extend(n for n in names if n.endswith((".dist-info", ".egg-info")))
    machine = []
    dot = shutil.which("dot")
    for path in (dot, "/var/lib/dpkg/status"):
        try:
            stat = os.stat(path) if path else None
        except OSError:
            stat = None
        machine.append(f"{path}:{stat.st_size}:{stat.st_mtime_ns}" if stat else f"{path}:absent")
    parts = [version, sys.version, platform.machine(), platform.system(),
             _digest_files(_files(_PACKAGE), _PACKAGE), *sorted(distributions), *machine]
    return hashlib.sha256("\n".join(parts).encode("utf-8", "surrogateescape")).hexdigest()


def environment_key() -> str:
    """The environment variables that change outputs, as they are now."""
    return "\n".join(f"{name}={os.environ.get(name, '')}" for name in ("SOURCE_DATE_EPOCH", "DECKGEN_FONT_PATH"))


def theme_font_files(theme: Theme) -> list[Path]:
    """The font files the theme names, as found on this machine (missing ones left out)."""
    names = [theme.body.regular, theme.body.bold, theme.body.italic, theme.heading.regular, theme.heading.bold,
             theme.heading.italic, theme.code.regular, theme.code.bold]
    for face in getattr(theme, "scripts", ()):
        names.extend((face.regular, face.bold))
    found = []
    for name in dict.fromkeys(n for n in names if n):
        try:
            found.append(theme.font_path(name))
        except MissingFontError:
            continue
    return found


def theme_fonts_digest(theme: Theme) -> str:
    """The font files a picture of the theme may be drawn with: its `fonts/` folders and the files
    it names (hashed once a process while their size and date stay the same)."""
    files = [f for d in theme.directories if (d / "fonts").is_dir() for f in _files(d / "fonts")]
    files.extend(theme_font_files(theme))
    return _digest_by_stat(files)


def _digest_by_stat(files) -> str:
    """`_digest_files` of `files` (duplicates and missing ones left out), computed once a process
    while each file keeps its size, modification and change times and inode."""
    signature = []
    for path in dict.fromkeys(files):
        try:
            stat = path.stat()
        except OSError:
            continue
        signature.append((str(path), stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino))
    return _digest_signed(tuple(signature))


@lru_cache(maxsize=32)
def _digest_signed(signature: tuple) -> str:
    return _digest_files([Path(entry[0]) for entry in signature])


def theme_digest(theme: Theme) -> str:
    """The theme as loaded, every file of its folders and the default theme's, and its font files."""
    folders = dict.fromkeys(p.resolve() for p in (*theme.directories, TEMPLATES_DIR / "default"))
    files = [f for folder in folders for f in _files(folder)]
    return hashlib.sha256("\n".join([repr(theme), _digest_by_stat(files), _digest_by_stat(theme_font_files(theme))])
                          .encode("utf-8")).hexdigest()


def talk_files_digest(directory: Path, skip: tuple[Path, ...] = ()) -> str:
    """Every file of the talk's folder but talk.yaml, the catalogs and hidden files (its pictures,
    its template…)."""
    directory = directory.resolve()
    files = [f for f in _files(directory, skip=(*skip, directory / "locales"), hidden=False)
             if f != directory / "talk.yaml"]
    return _digest_files(files, directory)


def file_digest(path: Path | None) -> str:
    """The digest of one file (a `--template`), or '' for none."""
    return _digest_files([path]) if path is not None else ""
