"""Icons for graph nodes, read from the files of the `diagrams` package without importing it."""

from __future__ import annotations

import subprocess
import sys
from io import BytesIO

import pytest
from PIL import Image

from generator.errors import RenderError
from generator.theme import icons
from generator.theme.icons import ICON_NAMES, ICON_PIXELS, icon_pixels, icon_png, icon_source

CONTENT_ICONS = {"docker", "linux", "windows", "apple", "postgresql", "python", "ruby", "nodejs",
                 "server", "virtualbox", "vmware", "container", "image"}


def test_every_icon_the_content_may_name_is_known():
    assert isinstance(ICON_NAMES, frozenset)
    assert CONTENT_ICONS <= ICON_NAMES


@pytest.mark.parametrize("name", sorted(ICON_NAMES))
def test_every_known_icon_is_shipped_by_the_installed_diagrams_package(name):
    assert icon_source(name).is_file()


def test_importing_and_using_the_icons_never_imports_diagrams():
    code = ("import sys; import generator.theme.icons as i; "
            "light = not ({'diagrams', 'PIL', 'graphviz'} & set(sys.modules)); "
            "i.icon_png('docker'); print(light, 'diagrams' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30)
    assert done.stdout.split() == ["True", "False"], done.stderr


def test_an_icon_is_a_trimmed_png_no_higher_than_the_embedded_size():
    image = Image.open(BytesIO(icon_png("postgresql")))
    assert image.format == "PNG" and image.mode == "RGBA"
    assert image.height == ICON_PIXELS and image.size == icon_pixels("postgresql")
    assert image.getchannel("A").getbbox() == (0, 0, image.width, image.height)


def test_wide_logos_stay_wide_and_faint_haze_is_cleared():
    width, height = icon_pixels("docker")
    assert width > 1.3 * height
    linux = Image.open(BytesIO(icon_png("linux"))).getchannel("A")
    assert linux.getpixel((0, 0)) == 0  # the source has a faint grey square behind Tux


def test_the_apple_icon_is_the_logo_without_the_ios_caption():
    width, height = icon_pixels("apple")
    assert height == ICON_PIXELS and width < height  # the caption below made it taller than wide


def test_icon_bytes_are_the_same_every_time():
    first = icon_png("ruby")
    icon_png.cache_clear()
    assert icon_png("ruby") == first


def test_an_unknown_icon_is_a_render_error():
    with pytest.raises(RenderError, match="unknown icon 'kubernetes-ish'"):
        icon_source("kubernetes-ish")


def test_an_icon_missing_from_the_installed_package_is_named(monkeypatch, tmp_path):
    monkeypatch.setattr(icons, "resources_dir", lambda: tmp_path)
    with pytest.raises(RenderError, match="icon 'docker' should be the file 'onprem/container/docker.png'"):
        icon_source("docker")
