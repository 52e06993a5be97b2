"""Icon names of the content mapped to the PNG files shipped with the mingrammer `diagrams` package.

This is the one adapter to `diagrams`. It reads the package's resource files and never imports
the package itself (importing it sets up global state and later calls write into the current
directory). `ICON_NAMES` costs nothing to import, so content validation can use it without
loading any rendering library.

Each icon is normalised the same way: an optional crop, faint haze made transparent, empty
margins trimmed, then scaled down to at most `ICON_PIXELS` high (wide logos such as Docker's
whale keep their shape, up to `MAX_ICON_RATIO` times as wide as high).
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from generator.errors import MissingToolError, RenderError

# name -> (resource path inside the `diagrams` distribution, crop box in source pixels or None)
ICON_FILES: dict[str, tuple[str, tuple[int, int, int, int] | None]] = {
    # operating systems
    "linux": ("generic/os/linux-general.png", None),
    "windows": ("generic/os/windows.png", None),
    # `diagrams` has no macOS icon: the iOS one, cropped to the Apple logo above its caption.
    "apple": ("generic/os/ios.png", (0, 0, 256, 204)),
    "ubuntu": ("generic/os/ubuntu.png", None),
    "debian": ("generic/os/debian.png", None),
    "centos": ("generic/os/centos.png", None),
    "redhat": ("generic/os/red-hat.png", None),
    "android": ("generic/os/android.png", None),
    # containers and virtualisation
    "docker": ("onprem/container/docker.png", None),
    "container": ("digitalocean/compute/containers.png", None),
    "image": ("gcp/devtools/container-registry.png", None),
    "containerd": ("onprem/container/containerd.png", None),
    "lxc": ("onprem/container/lxc.png", None),
    "virtualbox": ("generic/virtualization/virtualbox.png", None),
    "vmware": ("generic/virtualization/vmware.png", None),
    "qemu": ("generic/virtualization/qemu.png", None),
    "xen": ("generic/virtualization/xen.png", None),
    # machines and storage
    "server": ("onprem/compute/server.png", None),
    "rack": ("generic/compute/rack.png", None),
    "storage": ("generic/storage/storage.png", None),
    "database": ("generic/database/sql.png", None),
    # data stores and servers
    "postgresql": ("onprem/database/postgresql.png", None),
    "mysql": ("onprem/database/mysql.png", None),
    "mongodb": ("onprem/database/mongodb.png", None),
    "redis": ("onprem/inmemory/redis.png", None),
    "nginx": ("onprem/network/nginx.png", None),
    # programming languages
    "python": ("programming/language/python.png", None),
    "ruby": ("programming/language/ruby.png", None),
    "nodejs": ("programming/language/nodejs.png", None),
    "javascript": ("programming/language/javascript.png", None),
    "java": ("programming/language/java.png", None),
    "go": ("programming/language/go.png", None),
    "rust": ("programming/language/rust.png", None),
    "php": ("programming/language/php.png", None),
}

ICON_NAMES: frozenset[str] = frozenset(ICON_FILES)

ICON_PIXELS = 128     # height of the PNG embedded in outputs, for an icon at least as wide as high
MAX_ICON_RATIO = 1.5  # the widest an icon is shown, as a multiple of its height
_HAZE_ALPHA = 24      # pixels more transparent than this become fully transparent
_INSTALL = "pip install diagrams"


@lru_cache(maxsize=1)
def resources_dir() -> Path:
    """The `resources/` folder of the installed `diagrams` distribution, found without importing it."""
    from importlib.metadata import PackageNotFoundError, distribution
    from importlib.util import find_spec

    candidates: list[Path] = []
    try:  # the distribution's own record of where its files went
        candidates.append(Path(str(distribution("diagrams").locate_file("resources"))))
    except PackageNotFoundError:
        pass
    spec = find_spec("diagrams")  # finds the package without running its __init__
    if spec is not None and spec.origin:
        package = Path(spec.origin).parent
        candidates += [package.parent / "resources", package / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    raise MissingToolError("diagrams", _INSTALL)


def icon_source(name: str) -> Path:
    """The PNG file of an icon inside the `diagrams` resources; RenderError when it is absent."""
    if name not in ICON_FILES:
        raise RenderError(f"unknown icon '{name}'; known icons: {', '.join(sorted(ICON_NAMES))}")
    relative, _ = ICON_FILES[name]
    path = resources_dir() / relative
    if not path.is_file():
        raise RenderError(
            f"icon '{name}' should be the file '{relative}' of the `diagrams` package, "
            f"which the installed version does not ship; try: {_INSTALL} --upgrade"
        )
    return path


@lru_cache(maxsize=64)
def icon_png(name: str) -> bytes:
    """The icon as a PNG trimmed to its visible part, at most `ICON_PIXELS` high (never upscaled)."""
    from io import BytesIO

    from PIL import Image

    _, crop = ICON_FILES.get(name, ("", None))
    with Image.open(icon_source(name)) as opened:
        image = opened.convert("RGBA")
    if crop is not None:
        image = image.crop(crop)
    alpha = image.getchannel("A").point(lambda a: 0 if a < _HAZE_ALPHA else a)
    image.putalpha(alpha)
    bbox = alpha.getbbox()
    if bbox is not None:
        image = image.crop(bbox)
    scale = min(1.0, ICON_PIXELS / image.height, ICON_PIXELS * MAX_ICON_RATIO / image.width)
    if scale < 1.0:
        size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
        image = image.resize(size, Image.Resampling.LANCZOS)
    out = BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()


@lru_cache(maxsize=64)
def icon_pixels(name: str) -> tuple[int, int]:
    """The width and height, in pixels, of the PNG `icon_png` gives for this icon."""
    import struct

    data = icon_png(name)
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk of every PNG
    return width, height
