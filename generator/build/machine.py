"""What a build needs from the machine besides Python packages, how to install it on each
system, and the check `deckgen check` runs before any rendering starts."""

from __future__ import annotations

import shutil

from generator.errors import Diagnostic

# How to install each system requirement: Debian/Ubuntu, Fedora, macOS (Homebrew), Windows.
INSTALL = {
    "dot": ("sudo apt-get install graphviz", "sudo dnf install graphviz", "brew install graphviz",
            "winget install graphviz"),
    "cairo": ("sudo apt-get install libcairo2", "sudo dnf install cairo", "brew install cairo",
              "install the GTK 3 runtime (it brings cairo)"),
    "rsvg": ("sudo apt-get install librsvg2-bin", "sudo dnf install librsvg2-tools", "brew install librsvg",
             "install librsvg (rsvg-convert), for example with MSYS2: pacman -S mingw-w64-x86_64-librsvg"),
}


def install_hint(what: str) -> str:
    """`Debian: …; Fedora: …; macOS: …; Windows: …` for one requirement."""
    debian, fedora, mac, windows = INSTALL[what]
    return f"Debian/Ubuntu: {debian}; Fedora: {fedora}; macOS: {mac}; Windows: {windows}"


def _library(name: str) -> bool:
    from ctypes.util import find_library

    return find_library(name) is not None


def font_hint(theme_dir) -> str:
    return (f"copy the font file into {theme_dir}/fonts/, or install the font (Debian: sudo apt-get install "
            "fonts-crosextra-carlito fonts-liberation2 for the default theme's faces)")


def machine_problems(loaded, theme) -> list[Diagnostic]:
    """What the machine lacks for building this talk: the theme's font files and Graphviz's `dot`
    for graph slides (errors), the cairo library some formats need (warnings), each
    with the install command."""
    from generator.theme import MissingFontError

    found = []
    faces = [theme.body.regular, theme.body.bold, theme.heading.regular, theme.heading.bold]
    if theme.body.italic:
        faces.append(theme.body.italic)
    for name in dict.fromkeys(faces):
        try:
            theme.font_path(name)
        except MissingFontError:
            found.append(Diagnostic(loaded.path, f"font file '{name}' of theme '{theme.name}' is not on this machine",
                                    "machine.font", None, font_hint(theme.directory)))
    if shutil.which("rsvg-convert") is None:
        found.append(Diagnostic(loaded.path, "librsvg's rsvg-convert is not installed: PNG diagrams are drawn by "
                                "cairosvg, which neither shapes Arabic nor falls back to CJK faces",
                                "machine.rsvg", None, install_hint("rsvg"), "warning"))
    for library, what, names in (("cairo", "PNG diagrams (without rsvg-convert) and SVG pictures in PPTX and PDF",
                                  ("cairo", "cairo-2")),):
        if not any(_library(name) for name in names):
            found.append(Diagnostic(loaded.path, f"the {library} library is not found: {what} cannot be built",
                                    f"machine.{library}", None, install_hint(library), "warning"))
    if loaded.talk.graphs and shutil.which("dot") is None:
        found.append(Diagnostic(loaded.path, "Graphviz's 'dot' is not installed; graph slides need it to be laid out",
                                "machine.dot", None, install_hint("dot")))
    return found


# Python packages whose older releases lack what the code uses: (floor, what needs it).
FLOORS = {"python-pptx": ((1, 0, 2), "its shape and text frame API"),
          "lxml": ((6, 1), "the fix of CVE-2026-41066")}


def _version_tuple(text: str) -> tuple[int, ...]:
    import re

    return tuple(int(part) for part in re.findall(r"\d+", text)[:3])


def require_version(distribution: str) -> None:
    """Stop with exit 3 and the upgrade command when an installed package is older than its floor."""
    from importlib.metadata import PackageNotFoundError, version

    from generator.errors import MissingToolError

    floor, why = FLOORS[distribution]
    wanted = ".".join(map(str, floor))
    try:
        found = version(distribution)
    except PackageNotFoundError:
        raise MissingToolError(distribution, f"pip install '{distribution}>={wanted}'") from None
    if _version_tuple(found) < floor:
        raise MissingToolError(f"{distribution} {wanted} or later ({found} is installed; deckgen needs {why})",
                               f"pip install --upgrade '{distribution}>={wanted}'")
