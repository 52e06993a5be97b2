"""Link targets let into the outputs: http, https, mailto and relative URLs, nothing else, each
written as an ASCII URI (IDNA host, percent-encoded UTF-8) the same way in every format."""

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
        return ascii_uri(url.strip())
    if match.group(1).lower() not in ALLOWED_SCHEMES:
        return None
    if match.group(1).lower() in ("http", "https") and not cleaned[match.end():].startswith("//"):
        return None
    return ascii_uri(url.strip())


# What stays as written in a URI: its reserved and unreserved characters (RFC 3986) and the `%` of
# escapes already made; anything else (spaces, non-ASCII, controls) is percent-encoded as UTF-8.
_KEPT = "!#$&'()*+,/:;=?@[]~-._%"


def ascii_uri(url: str) -> str:
    """The URL as an ASCII URI, as browsers send it: the host in IDNA (`xn--…`), every other
    non-ASCII or unsafe character percent-encoded as UTF-8 (`café` → `caf%C3%A9`).

    A host IDNA refuses (it would not resolve anyway) is percent-encoded like the rest."""
    from urllib.parse import quote, urlsplit, urlunsplit

    if url.isascii() and quote(url, safe=_KEPT) == url:
        return url
    try:
        parts = urlsplit(url)
    except ValueError:
        return quote(url, safe=_KEPT)
    netloc = parts.netloc
    if netloc and parts.hostname is not None and not parts.hostname.isascii():
        import idna

        try:
            host = idna.encode(parts.hostname, uts46=True).decode("ascii")
            netloc = netloc.replace(parts.hostname, host) if parts.hostname in netloc else host
        except idna.IDNAError:
            pass
    return urlunsplit((parts.scheme, quote(netloc, safe=_KEPT), quote(parts.path, safe=_KEPT),
                       quote(parts.query, safe=_KEPT), quote(parts.fragment, safe=_KEPT)))


def shown_url(url: str, limit: int = 48) -> str:
    """A URL as people read it on a slide: no scheme, no trailing slash, long ones cut in the middle."""
    shown = re.sub(r"^(https?://|mailto:)", "", url.strip()).rstrip("/")
    if len(shown) > limit:
        keep = (limit - 1) // 2
        shown = shown[:keep] + "…" + shown[-keep:]
    return shown
