#!/usr/bin/env python3
"""Make the documentation's pictures from the sample talk, with the current code: `make pictures`.

What it does, in a temporary folder:

1. copies the sample talk (content/autour-de-docker), adds the short Arabic, Japanese and
   Russian catalogs the tests use (tests/content/scripts/*.po) and names them in `translations:`;
   writes a small English talk with the two slide kinds the sample does not show (image,
   two-columns) and a copy of the sample in the dark theme;
2. builds them with `deckgen build` (PPTX, HTML, the notes handout);
3. PPTX -> PDF by LibreOffice (`soffice --headless --convert-to pdf`, a profile of its own) ->
   PNG by poppler's `pdftoppm`: slides as PowerPoint users see them in another client;
4. the HTML deck and its speaker view -> screenshots by Playwright driving Debian's chromium;
5. a page of the notes handout -> PNG by `pdftoppm`;
6. every PNG reduced with Pillow (a palette of at most 256 colours) to stay under 150 KB, and
   written to docs/pictures/.

Needs what `make test` installs (LibreOffice, poppler-utils, chromium, Playwright).
Usage: python scripts/make_pictures.py [--out docs/pictures] [--keep]
"""

from __future__ import annotations

import argparse
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SAMPLE = ROOT / "content" / "autour-de-docker"
SCRIPTS_PO = ROOT / "tests" / "content" / "scripts"
DECKGEN = [sys.executable, "-m", "generator"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LIMIT = 150 * 1024          # bytes a picture may weigh
SLIDE_SIZE = (1280, 720)

# The slide kinds the sample talk does not show, in a small English talk of their own.
KINDS_TALK = """\
id: more-kinds
title: Two more slide kinds
lang: en
slides:
  - id: whale
    kind: image
    src: docker.png
    alt: The Docker logo, a whale carrying shipping containers
    caption: "An image slide: a picture from the talk's folder, with its alt text"
  - id: which-one
    kind: two-columns
    title: Virtual machine or container?
    left:
      heading: Virtual machines
      bullets:
        - Isolate whole systems
        - A guest OS each, up to 700 MB
        - Start in about a minute
    right:
      heading: Containers
      bullets:
        - Isolate applications
        - No guest OS to carry
        - Start in milliseconds
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "pictures", help="where the PNGs go")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and say where it is")
    args = parser.parse_args()
    for tool in ("soffice", "pdftoppm"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is not installed: make test installs it (libreoffice-impress, poppler-utils)")
    if not Path(CHROMIUM).is_file():
        sys.exit(f"{CHROMIUM} is not installed: make test installs it (apt-get install -y chromium)")
    work = Path(tempfile.mkdtemp(prefix="deckgen-pictures-"))
    try:
        made = make(work, args.out)
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    for name, size in made:
        print(f"{args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}/{name}: {size / 1024:.0f} KB")
    return 0


def make(work: Path, out: Path) -> list[tuple[str, int]]:
    talks = work / "content"
    built = work / "output"
    sample = prepare_sample(talks)
    kinds = prepare_kinds(talks)
    dark = prepare_dark(talks, sample)
    env = {**os.environ, "XDG_CACHE_HOME": str(work / "cache"), "NO_COLOR": "1"}
    deckgen(env, "build", sample, "--lang", "en", "--format", "pptx,html,handout", "--handout", "notes",
            "--out", built)
    deckgen(env, "build", sample, "--lang", "ja,ar", "--format", "pptx", "--out", built)
    deckgen(env, "build", kinds, "--format", "pptx", "--out", built)
    deckgen(env, "build", dark, "--lang", "en", "--format", "pptx", "--out", built)

    en = built / "autour-de-docker" / "en"
    decks = {"en": en / "autour-de-docker-en.pptx",
             "ja": built / "autour-de-docker" / "ja" / "autour-de-docker-ja.pptx",
             "ar": built / "autour-de-docker" / "ar" / "autour-de-docker-ar.pptx",
             "kinds": built / "more-kinds" / "en" / "more-kinds-en.pptx",
             "dark": built / "autour-de-docker-dark" / "en" / "autour-de-docker-dark-en.pptx"}
    pdfs = libreoffice(work / "lo", list(decks.values()))
    html = en / "autour-de-docker-en.html"
    numbers = slide_numbers(html)          # the same plan numbers the PPTX slides and the HTML's
    first_of_kind: dict[str, int] = {}
    for number, (ident, kind) in sorted(numbers.items()):
        first_of_kind.setdefault(kind, number)
    by_id = {ident: number for number, (ident, _) in sorted(numbers.items(), reverse=True)}

    out.mkdir(parents=True, exist_ok=True)
    pictures: dict[str, bytes] = {}
    pdf_en = pdfs[decks["en"]]
    for kind, number in first_of_kind.items():
        pictures[f"kind-{kind}.png"] = page_png(pdf_en, number, SLIDE_SIZE)
    kinds_numbers = {"image": 1, "two-columns": 2}
    for kind, number in kinds_numbers.items():
        pictures[f"kind-{kind}.png"] = page_png(pdfs[decks["kinds"]], number, SLIDE_SIZE)
    same = by_id["lightweight-vms"]        # the first bullets slide: kind-bullets.png in English
    if first_of_kind["bullets"] != same:
        sys.exit("the sample's first bullets slide is no longer 'lightweight-vms': choose the slide shown in ja and ar")
    pictures["slide-ja.png"] = page_png(pdfs[decks["ja"]], same, SLIDE_SIZE)
    pictures["slide-ar.png"] = page_png(pdfs[decks["ar"]], same, SLIDE_SIZE)
    pictures["theme-dark.png"] = page_png(pdfs[decks["dark"]], by_id["side-by-side"], SLIDE_SIZE)
    handout = en / "autour-de-docker-en-handout-notes.pdf"
    pictures["handout-notes.png"] = page_png(handout, 1, (850, 1200))
    pictures.update(browser_pictures(html, by_id))

    made = []
    for name, png in sorted(pictures.items()):
        small = reduce(png)
        (out / name).write_bytes(small)
        made.append((name, len(small)))
    return made


def prepare_sample(talks: Path) -> Path:
    """The sample talk with the test catalogs of three more scripts."""
    talk = talks / "autour-de-docker"
    shutil.copytree(SAMPLE, talk)
    for po in sorted(SCRIPTS_PO.glob("*.po")):
        shutil.copy(po, talk / "locales" / po.name)
    path = talk / "talk.yaml"
    text = path.read_text("utf-8")
    changed = re.sub(r"^translations: \[en\]", "translations: [en, ja, ar, ru]", text, count=1, flags=re.M)
    if changed == text:
        sys.exit(f"{path}: no 'translations: [en]' line to extend")
    path.write_text(changed, "utf-8")
    return talk


def prepare_kinds(talks: Path) -> Path:
    """A small English talk with an image slide and a two-column slide."""
    talk = talks / "more-kinds"
    talk.mkdir(parents=True)
    (talk / "talk.yaml").write_text(KINDS_TALK, "utf-8")
    from generator.theme.icons import resources_dir

    shutil.copy(resources_dir() / "onprem" / "container" / "docker.png", talk / "docker.png")
    return talk


def prepare_dark(talks: Path, sample: Path) -> Path:
    """The sample talk (French and English only) in the dark theme."""
    talk = talks / "autour-de-docker-dark"
    talk.mkdir(parents=True)
    (talk / "locales").mkdir()
    shutil.copy(SAMPLE / "locales" / "en.po", talk / "locales" / "en.po")
    text = (SAMPLE / "talk.yaml").read_text("utf-8")
    text = re.sub(r"^id: autour-de-docker$", "id: autour-de-docker-dark", text, count=1, flags=re.M)
    text = re.sub(r"^theme: default$", "theme: dark", text, count=1, flags=re.M)
    if "theme: dark" not in text:
        sys.exit("the sample talk has no 'theme: default' line to change")
    (talk / "talk.yaml").write_text(text, "utf-8")
    return talk


def deckgen(env: dict, *args) -> None:
    command = [*DECKGEN, "-q", *(str(a) for a in args)]
    run = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"{' '.join(command)} failed ({run.returncode}):\n{run.stderr}")


def libreoffice(folder: Path, decks: list[Path]) -> dict[Path, Path]:
    """Each PPTX as LibreOffice Impress prints it to PDF, with a profile of its own (so that it
    neither meets another LibreOffice running nor reads the user's settings)."""
    folder.mkdir(parents=True)
    soffice = shutil.which("soffice")
    run = subprocess.run([soffice, f"-env:UserInstallation=file://{folder / 'profile'}", "--headless",
                          "--convert-to", "pdf", "--outdir", str(folder), *(str(d) for d in decks)],
                         capture_output=True, text=True, timeout=600)
    found = {deck: folder / (deck.stem + ".pdf") for deck in decks}
    missing = [str(deck) for deck, pdf in found.items() if not pdf.is_file()]
    if run.returncode != 0 or missing:
        sys.exit(f"LibreOffice did not convert {', '.join(missing) or 'the decks'}:\n{run.stderr}")
    return found


def slide_numbers(html: Path) -> dict[int, tuple[str, str]]:
    """Slide number -> (slide id, kind), read from the HTML deck's sections."""
    found = {}
    for match in re.finditer(r'<section class="slide kind-([a-z-]+)" id="slide-(\d+)" data-id="([a-z0-9-]+)"',
                             html.read_text("utf-8")):
        found[int(match.group(2))] = (match.group(3), match.group(1))
    if not found:
        sys.exit(f"{html}: no slide sections found")
    return found


def page_png(pdf: Path, page: int, size: tuple[int, int]) -> bytes:
    """One page of a PDF drawn by pdftoppm, fitted into `size` pixels."""
    run = subprocess.run(["pdftoppm", "-f", str(page), "-l", str(page), "-png", "-singlefile",
                          "-scale-to-x", str(size[0]), "-scale-to-y", "-1", str(pdf)],
                         capture_output=True, timeout=120)
    if run.returncode != 0 or not run.stdout:
        sys.exit(f"pdftoppm could not draw page {page} of {pdf}: {run.stderr.decode(errors='replace')}")
    return run.stdout


def browser_pictures(html: Path, by_id: dict[str, int]) -> dict[str, bytes]:
    """The HTML deck in Chromium (the daemon's graph) and its speaker view (the VM stack, one step
    into its build), as the tests open them."""
    from playwright.sync_api import sync_playwright

    shots = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": SLIDE_SIZE[0], "height": SLIDE_SIZE[1]})
            page = context.new_page()
            page.goto(html.as_uri() + f"#/{by_id['daemon']}")
            page.wait_for_selector(".slide.current")
            page.wait_for_timeout(500)
            shots["html-deck.png"] = page.screenshot()
            page.goto("about:blank")           # a fresh load, not a hashchange the deck handles later
            page.goto(html.as_uri() + f"#/{by_id['vm-stack']}")
            page.wait_for_selector(".slide.current")
            for _ in range(3):
                page.keyboard.press("ArrowRight")
            with page.expect_popup() as popup:
                page.keyboard.press("s")       # deck.js: S opens the speaker view
            speaker = popup.value
            speaker.set_viewport_size({"width": 1280, "height": 800})
            speaker.wait_for_selector("#speaker-notes p")
            speaker.wait_for_timeout(500)
            shots["html-speaker-view.png"] = speaker.screenshot()
            context.close()
        finally:
            browser.close()
    return shots


def reduce(png: bytes) -> bytes:
    """The picture as a palette PNG of at most 256 colours, made smaller until under LIMIT."""
    from PIL import Image

    image = Image.open(io.BytesIO(png)).convert("RGB")
    colours = 256
    while True:
        small = image.quantize(colors=colours, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
        buffer = io.BytesIO()
        small.save(buffer, "PNG", optimize=True)
        if buffer.tell() <= LIMIT:
            return buffer.getvalue()
        if colours > 32:
            colours //= 2
        else:
            image = image.resize((image.width * 3 // 4, image.height * 3 // 4), Image.Resampling.LANCZOS)


if __name__ == "__main__":
    sys.exit(main())
