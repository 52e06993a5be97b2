"""The slides PDF's pictures: shown as the HTML deck's browser shows them (EXIF orientation)."""

from __future__ import annotations

import io
import subprocess

import pytest
from click.testing import CliRunner

from generator.cli import main


@pytest.mark.parametrize("orientation", range(1, 9))
def it_turns_the_stored_pixels_as_the_exif_orientation_says(orientation):
    """Each stored pixel lands where Pillow's exif_transpose (and a browser) shows it."""
    from PIL import Image, ImageOps

    from generator.renderers.pdf.canvas import Canvas
    from generator.renderers.pdf.document import PdfDocument

    stored = Image.new("L", (3, 2))
    stored.putdata(range(6))
    exif = Image.Exif()
    exif[0x0112] = orientation
    buffer = io.BytesIO()
    stored.save(buffer, "PNG", exif=exif.tobytes())
    shown = ImageOps.exif_transpose(Image.open(io.BytesIO(buffer.getvalue())))
    canvas = Canvas(PdfDocument(), 100, 100)
    canvas.picture("Im1", 0, 0, shown.width, shown.height, orientation)
    a, b, c, d, e, f = (float(n) for n in canvas.ops[-1].split()[1:7])
    for row in range(stored.height):
        for column in range(stored.width):
            u, v = (column + 0.5) / stored.width, 1 - (row + 0.5) / stored.height
            x, y = a * u + c * v + e, b * u + d * v + f
            assert shown.getpixel((int(x), int(y))) == stored.getpixel((column, row)), (orientation, row, column)


def it_shows_a_jpeg_turned_by_its_exif_orientation_at_the_size_it_is_shown(tmp_path):
    """A phone's portrait photo, stored landscape with orientation 6, stands upright (portrait),
    its stored top-left corner at the top right, as in the HTML deck."""
    from PIL import Image, ImageDraw

    talk = tmp_path / "pics"
    (talk / "images").mkdir(parents=True)
    photo = Image.new("RGB", (600, 300), "#22AA22")
    ImageDraw.Draw(photo).rectangle((0, 0, 150, 80), fill="#FF0000")
    exif = Image.Exif()
    exif[0x0112] = 6
    photo.save(talk / "images" / "photo.jpg", exif=exif.tobytes(), quality=95)
    (talk / "talk.yaml").write_text(
        "id: pics\ntitle: Pictures\nlang: en\nslides:\n"
        "  - {id: photo, kind: image, title: A photo, src: images/photo.jpg, alt: A photo}\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(talk), "--format", "pdf", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    pdf = tmp_path / "out" / "pics" / "en" / "pics-en.pdf"
    subprocess.run(["pdftoppm", "-png", "-r", "36", str(pdf), str(tmp_path / "page")], check=True)
    page = Image.open(next(tmp_path.glob("page*.png"))).convert("RGB")
    green = [(x, y) for x in range(page.width) for y in range(page.height)
             if (lambda p: p[1] > 140 and p[0] < 80)(page.getpixel((x, y)))]
    red = [(x, y) for x in range(page.width) for y in range(page.height)
           if (lambda p: p[0] > 200 and p[1] < 60)(page.getpixel((x, y)))]
    left, top = min(x for x, _ in green + red), min(y for _, y in green + red)
    right, bottom = max(x for x, _ in green + red), max(y for _, y in green + red)
    assert bottom - top > 1.8 * (right - left)                          # portrait, 1:2
    red_x, red_y = sum(x for x, _ in red) / len(red), sum(y for _, y in red) / len(red)
    assert red_x > (left + right) / 2 and red_y < (top + bottom) / 2     # its top-right corner
