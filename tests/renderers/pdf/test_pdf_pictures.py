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


def placed_pictures(pdf):
    """(drawn width, drawn height, pixel width, pixel height) of each picture of each page."""
    import re

    from pypdf import PdfReader

    out = []
    for page in PdfReader(str(pdf)).pages:
        images = page["/Resources"].get("/XObject", {})
        ops = page.get_contents().get_data().decode("latin-1")
        for a, _, _, d, name in re.findall(r"([-\d.]+) ([-\d.]+) ([-\d.]+) ([-\d.]+) [-\d.]+ [-\d.]+ cm /(\w+) Do", ops):
            image = images[f"/{name}"].get_object()
            out.append((abs(float(a)), abs(float(d)), image["/Width"], image["/Height"]))
    return out


@pytest.mark.parametrize("svg, drawn", [
    ('width="400" height="200" viewBox="0 0 400 200"', (400, 200)),      # its own size, not grown
    ('viewBox="0 0 40 20"', (760, 380)),                                 # no size: fills its room
])
def it_sizes_an_svg_picture_as_the_html_decks_img_and_draws_it_sharp(tmp_path, svg, drawn):
    talk = tmp_path / "pics"
    (talk / "images").mkdir(parents=True)
    (talk / "images" / "art.svg").write_text(
        f'<svg xmlns="http://www.w3.org/2000/svg" {svg}><rect width="100%" height="100%" fill="#1D63ED"/>'
        '<circle cx="50%" cy="50%" r="25%" fill="#FFFFFF"/></svg>', "utf-8")
    (talk / "talk.yaml").write_text(
        "id: pics\ntitle: Pictures\nlang: en\nslides:\n"
        "  - {id: art, kind: image, title: Art, src: images/art.svg, alt: Art}\n", "utf-8")
    result = CliRunner().invoke(main, ["build", str(talk), "--format", "pdf", "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    [(width, height, pixels_w, pixels_h)] = placed_pictures(tmp_path / "out" / "pics" / "en" / "pics-en.pdf")
    assert width == pytest.approx(drawn[0], abs=1) and height == pytest.approx(drawn[1], abs=1)
    assert pixels_w >= 2 * width - 1 and pixels_h >= 2 * height - 1
