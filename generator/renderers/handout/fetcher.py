"""The only door WeasyPrint has to the outside: `data:` URLs and files inside the allowed folders.

WeasyPrint's own fetcher reads any `file://` path and any `http(s)://` URL a document names. A
handout needs neither (its pictures are `data:` URLs, its fonts subsets held in memory under
`font:` URLs), so this one serves those and local files under the talk's and the theme's folders
(symbolic links resolved first), and refuses everything else, keeping a list of what it refused.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Iterable
from urllib.parse import unquote, urlsplit

from weasyprint.urls import URLFetcher, URLFetcherResponse


class RefusedURL(ValueError):
    """A URL the handout may not read."""


class ConfinedFetcher(URLFetcher):
    """A WeasyPrint URL fetcher that reads `data:` URLs and files under `folders`, nothing else."""

    def __init__(self, folders: Iterable[Path], fonts: dict[str, bytes] | None = None):
        super().__init__(timeout=1, allowed_protocols=("data", "file"), allow_redirects=False)
        self.folders = tuple(dict.fromkeys(Path(folder).resolve() for folder in folders))
        self.fonts = fonts or {}
        self.refused: list[str] = []

    def fetch(self, url: str, headers=None) -> URLFetcherResponse:
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return super().fetch(url, headers)
        if scheme == "font" and url in self.fonts:          # a subset the stylesheet's maker kept in memory
            return URLFetcherResponse(url, self.fonts[url], {"Content-Type": "font/sfnt"})
        if scheme == "file":
            path = self.allowed_path(url)
            if path is not None:
                kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
                return URLFetcherResponse(url, path.read_bytes(), {"Content-Type": kind})
        self.refused.append(url)
        raise RefusedURL(f"the handout may not read {url[:120]}")

    def allowed_path(self, url: str) -> Path | None:
        """The file a `file:` URL names when it lies inside an allowed folder, else None."""
        parts = urlsplit(url)
        if parts.netloc not in ("", "localhost"):
            return None
        try:
            path = Path(unquote(parts.path)).resolve()
        except (OSError, RuntimeError, ValueError):
            return None
        if not path.is_file():
            return None
        return path if any(path.is_relative_to(folder) for folder in self.folders) else None
