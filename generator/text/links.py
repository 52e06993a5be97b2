"""Link targets let into the outputs: http, https, mailto and relative URLs, nothing else."""

from __future__ import annotations

import re

ALLOWED_SCHEMES = ("http", "https", "mailto")

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
# Browsers drop these before reading a scheme (`java\tscript:` is `javascript:`).
_IGNORED = re.compile(r"[\x00-\x20\x7f-\x9f]")


def safe_url(url: str) -> str | None:
    """The URL when a browser would read it as http, https, mailto or relative; None otherwise.

    Protocol-relative (`//host/…`) and backslash forms reach the network or confuse parsers, so
    they are refused like any other scheme.
    """
    if not isinstance(url, str) or not url.strip():
        return None
    cleaned = _IGNORED.sub("", url)
    if "\\" in cleaned or cleaned.startswith("//"):
        return None
    match = _SCHEME.match(cleaned)
    if match is None:
        return url.strip()
    if match.group(1).lower() not in ALLOWED_SCHEMES:
        return None
    if match.group(1).lower() in ("http", "https") and not cleaned[match.end():].startswith("//"):
        return None
    return url.strip()


def shown_url(url: str, limit: int = 48) -> str:
    """A URL as people read it on a slide: no scheme, no trailing slash, long ones cut in the middle."""
    shown = re.sub(r"^(https?://|mailto:)", "", url.strip()).rstrip("/")
    if len(shown) > limit:
        keep = (limit - 1) // 2
        shown = shown[:keep] + "…" + shown[-keep:]
    return shown
