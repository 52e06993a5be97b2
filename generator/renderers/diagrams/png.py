"""A diagram's SVG rasterised to PNG, its text set in the font the layout measured.

librsvg's `rsvg-convert` draws it where installed (Pango shapes Arabic, orders bidi text and
falls back to the script faces for CJK, Arabic, Hebrew); cairosvg otherwise, which draws Latin,
Greek and Cyrillic only. Both ask fontconfig for the first family of a `font-family` list. The SVG names the
audience's font first (Calibri); here the family of the measuring font file (Carlito) is put in
front, and fontconfig is asked beforehand whether it knows that family, so the picture is never
drawn in a substitute with other metrics; the theme's own font folder is added to fontconfig's
for the process, so its bundled faces serve when the system has none. cairosvg needs the system
library libcairo2. Each picture is kept in the build cache, keyed by the SVG and the font files.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from functools import lru_cache

from PIL import ImageFont

from generator.build.machine import install_hint
from generator.theme import MissingFontError, Theme

_FONT_FAMILY = re.compile(r'font-family="([^"]*)"')


def emit_png(svg: str, theme: Theme, scale: float = 2.0, background: str | None = None) -> bytes:
    """PNG bytes of an SVG diagram at `scale` pixels per point, on `background` (transparent if None)."""
    from generator.build import cache
    from generator.build.inputs import theme_fonts_digest, tool_fingerprint

    regular = theme.font_path(theme.body.regular)
    share_with_fontconfig(str(regular.parent))
    family = font_family_of(str(regular))
    require_fontconfig_family(family, regular.name)
    svg = with_font_first(svg, family, theme.script_families())
    rsvg = shutil.which("rsvg-convert")
    draw = (lambda: _with_rsvg(rsvg, svg, scale, background)) if rsvg else (lambda: _with_cairosvg(svg, scale, background))
    entry = cache.key("png", tool_fingerprint(), theme_fonts_digest(theme), svg, scale, background, bool(rsvg))
    return cache.active().fetch("png", entry, draw)


def emit_pngs(svgs: list[str], theme: Theme, scale: float = 2.0, background: str | None = None) -> list[bytes]:
    """`emit_png` of each SVG, the pictures not in the cache drawn by rsvg-convert processes
    running at once (each draws in its own process anyway: the processors are used while this
    one waits)."""
    from generator.build import cache
    from generator.build.inputs import theme_fonts_digest, tool_fingerprint

    rsvg = shutil.which("rsvg-convert")
    if not rsvg or len(svgs) < 2:
        return [emit_png(svg, theme, scale, background) for svg in svgs]
    regular = theme.font_path(theme.body.regular)
    share_with_fontconfig(str(regular.parent))
    family = font_family_of(str(regular))
    require_fontconfig_family(family, regular.name)
    ready = [with_font_first(svg, family, theme.script_families()) for svg in svgs]
    store = cache.active()
    entries = [cache.key("png", tool_fingerprint(), theme_fonts_digest(theme), svg, scale, background, True)
               for svg in ready]
    found = [store.get("png", entry) for entry in entries]
    missing = [index for index, data in enumerate(found) if data is None]
    for index, data in zip(missing, _with_rsvg_at_once(rsvg, [ready[i] for i in missing], scale, background)):
        store.put("png", entries[index], data)
        found[index] = data
    return found


def _with_rsvg_at_once(program: str, svgs: list[str], scale: float, background: str | None) -> list[bytes]:
    """`_with_rsvg` of several SVGs, one process each, all started before any is waited for
    (their input and output through files, so no process waits on a pipe)."""
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory(prefix="deckgen-png-") as folder:
        running = []
        for index, svg in enumerate(svgs):
            source, target = Path(folder) / f"{index}.svg", Path(folder) / f"{index}.png"
            source.write_text(svg, encoding="utf-8")
            args = [program, "--format", "png", "--zoom", f"{scale:g}", "--output", str(target)]
            if background:
                args += ["--background-color", background]
            running.append((subprocess.Popen([*args, str(source)], stdout=subprocess.DEVNULL,
                                             stderr=subprocess.PIPE), target))
        out = []
        for process, target in running:
            _, errors = process.communicate(timeout=60)
            data = target.read_bytes() if target.is_file() else b""
            if process.returncode != 0 or not data.startswith(b"\x89PNG"):
                raise RuntimeError(f"rsvg-convert failed: {errors.decode('utf-8', 'replace')[:200]}")
            out.append(data)
        return out


def _with_rsvg(program: str, svg: str, scale: float, background: str | None) -> bytes:
    """librsvg draws text with Pango: shaped (Arabic joining), in bidi order, and falling back to
    the fonts fontconfig has for characters the first family lacks (CJK, Arabic, Hebrew).

    One process a picture: rsvg-convert takes several inputs only for PDF, PS and SVG output, and
    starting it is not the cost (about 10 ms of the 80 ms a 1728 x 760 px diagram takes, measured
    with perf: the rest is cairo filling the text and shapes and libpng/zlib compressing, a third)."""
    args = [program, "--format", "png", "--zoom", f"{scale:g}"]
    if background:
        args += ["--background-color", background]
    done = subprocess.run(args, input=svg.encode("utf-8"), capture_output=True, check=False, timeout=60)
    if done.returncode != 0 or not done.stdout.startswith(b"\x89PNG"):
        raise RuntimeError(f"rsvg-convert failed: {done.stderr.decode('utf-8', 'replace')[:200]}")
    return done.stdout


def _with_cairosvg(svg: str, scale: float, background: str | None) -> bytes:
    """cairosvg, where librsvg is not installed: Latin, Greek and Cyrillic only (no shaping, no fallback)."""
    try:
        import cairosvg  # the only place cairosvg (and libcairo2) is needed
    except OSError:  # cairocffi cannot find the system library
        from generator.errors import MissingToolError

        raise MissingToolError("librsvg's rsvg-convert, or else the cairo library (libcairo2)",
                               install_hint("rsvg")) from None
    return cairosvg.svg2png(bytestring=svg.encode("utf-8"), scale=scale, background_color=background)


@lru_cache(maxsize=8)
def font_family_of(path: str) -> str:
    """The family name written inside a font file, such as 'Carlito'."""
    return ImageFont.truetype(path, 12).getname()[0]


def with_font_first(svg: str, family: str, leads: tuple[str, ...] = ()) -> str:
    """The SVG with `family` put in front of every font-family list, or right after its first
    family when that is one of `leads` (a CJK deck's own face, which draws its Latin too)."""
    from xml.sax.saxutils import quoteattr

    from generator.theme import css_string

    first = css_string(family)
    kept = {quoteattr(css_string(name))[1:-1] for name in leads}

    def prepend(match: re.Match) -> str:
        rest = match.group(1)      # already escaped for the attribute
        listed = quoteattr(first)[1:-1]
        head, sep, tail = rest.partition(", ")
        if head in kept:
            return f'font-family="{head}, {listed}{sep}{tail}"'
        return f'font-family="{listed}, {rest}"' if rest else f'font-family="{listed}"'
    return _FONT_FAMILY.sub(prepend, svg)


@lru_cache(maxsize=8)
def share_with_fontconfig(folder: str) -> None:
    """Let fontconfig (which cairo asks for fonts) see a folder of font files, such as the theme's
    bundled faces, on top of the system's configuration; set before cairo first draws text."""
    import hashlib
    import os
    import tempfile
    from pathlib import Path
    from xml.sax.saxutils import escape

    previous = os.environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    if folder in previous:
        return
    config = (f'<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
              f'  <dir>{escape(folder)}</dir>\n  <include ignore_missing="yes">{escape(previous)}</include>\n'
              f'</fontconfig>\n')
    name = "deckgen-fonts-" + hashlib.sha256(config.encode()).hexdigest()[:16] + ".conf"
    path = Path(tempfile.gettempdir()) / name
    if not path.is_file():
        path.write_text(config, encoding="utf-8")
    os.environ["FONTCONFIG_FILE"] = str(path)


@lru_cache(maxsize=8)
def require_fontconfig_family(family: str, file_name: str) -> None:
    """Fail with MissingFontError when fontconfig would draw `family` with another font."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return
    found = subprocess.run([fc_match, "-f", "%{family}", family], capture_output=True, text=True,
                           check=False).stdout
    if family.lower() not in (name.strip().lower() for name in found.split(",")):
        raise MissingFontError(file_name)
