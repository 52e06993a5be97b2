"""Helpers of the handout tests: building handouts with the command line, reading PDFs with pypdf."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from generator.cli import main

LONG_NOTE = " ".join(f"mot{i:04d}" for i in range(1, 2001))
LEFT_OUT = "compare-anyway"      # the slide the edited talk marks `handout: false`
LONG = "vm-cost"                 # the slide whose note the edited talk makes 2,000 words long


def build(talk: Path, out: Path, *args: str) -> Path:
    """`deckgen build TALK --format handout --out OUT ARGS…`; the output folder of the talk."""
    result = CliRunner().invoke(main, ["build", str(talk), "--format", "handout", "--out", str(out), *args])
    assert result.exit_code == 0, result.output
    return out / talk.name


def squeeze(text: str) -> str:
    """Text without any whitespace: PDF extraction breaks lines (and hyphenated words) where it likes."""
    return "".join(text.split())


def page_fill(pdf: Path) -> list[float]:
    """How far down each page's content box something is drawn (0 to 1), from pixels: the pages
    rendered in grey by poppler, the running header and footer bands left out."""
    import subprocess
    import tempfile

    from PIL import Image

    fills = []
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-gray", "-r", "24", str(pdf), f"{folder}/page"], check=True)
        for image in sorted(Path(folder).glob("page*.pgm")):
            picture = Image.open(image)
            width, height = picture.size
            pixels = picture.load()
            top, bottom = round(height * 22 / 297) + 2, round(height * (297 - 22) / 297) - 2   # A4's margins
            inked = [y for y in range(top, bottom) if any(pixels[x, y] < 200 for x in range(width))]
            fills.append((max(inked) - top) / (bottom - top) if inked else 0.0)
    return fills


def rendered_pages(pdf: Path, dpi: int = 50) -> list:
    """The pages of a PDF as poppler draws them (RGB Pillow images), at `dpi`."""
    import subprocess
    import tempfile

    from PIL import Image

    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), f"{folder}/page"], check=True)
        return [Image.open(image).convert("RGB") for image in sorted(Path(folder).glob("page*.png"),
                                                                     key=lambda p: int(p.stem.split("-")[-1]))]


def blank_bands(pdf: Path, dpi: int = 50) -> list[tuple[float, ...]]:
    """The horizontal bands of each page with no ink at all (no pixel off the paper's white), as
    shares of the page's height, top to bottom: where and how much a layout leaves empty."""
    pages = []
    for picture in rendered_pages(pdf, dpi):
        grey = picture.convert("L")
        width, height = grey.size
        pixels = grey.load()
        bands, run = [], 0
        for y in range(height):
            if any(pixels[x, y] < 250 for x in range(width)):
                if run:
                    bands.append(run / height)
                run = 0
            else:
                run += 1
        if run:
            bands.append(run / height)
        pages.append(tuple(bands))
    return pages


class Handout:
    """A handout PDF read with pypdf: its pages' text, metadata, language, fonts and raster images."""

    def __init__(self, path: Path):
        from pypdf import PdfReader

        self.path = path
        self.reader = PdfReader(path)
        self.pages = [page.extract_text() or "" for page in self.reader.pages]

    @property
    def text(self) -> str:
        return "\n".join(self.pages)

    @property
    def lang(self) -> str:
        return str(self.reader.trailer["/Root"].get("/Lang"))

    def resources(self, page):
        """Every resource dictionary of a page, those of its form XObjects (SVG drawings) included."""
        pending, seen = [page.get("/Resources")], []
        while pending:
            resources = pending.pop()
            if resources is None:
                continue
            resources = resources.get_object()
            seen.append(resources)
            for xobject in (resources.get("/XObject") or {}).values():
                xobject = xobject.get_object()
                if xobject.get("/Subtype") == "/Form":
                    pending.append(xobject.get("/Resources"))
        return seen

    def fonts(self) -> set[str]:
        """The base names of the fonts the pages use, subset tags removed ("Calibri-Bold")."""
        found = set()
        for page in self.reader.pages:
            for resources in self.resources(page):
                for font in (resources.get("/Font") or {}).values():
                    found.add(str(font.get_object()["/BaseFont"]).split("+", 1)[-1])
        return found

    def images(self) -> list[tuple[int, int]]:
        """(width, height) of every raster image the document holds, each once: a picture shown on several
        pages is one object that each page's resources name (renderers/pdf/document.py)."""
        found = {}
        for page in self.reader.pages:
            for resources in self.resources(page):
                for xobject in (resources.get("/XObject") or {}).values():
                    image = xobject.get_object()
                    if image.get("/Subtype") == "/Image":
                        found[xobject.idnum if hasattr(xobject, "idnum") else id(image)] = (
                            int(image["/Width"]), int(image["/Height"]))
        return sorted(found.values())
