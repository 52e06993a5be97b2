"""The deck's Content-Security-Policy: nothing from any network, only its own inline code runs.

Scripts and styles are allowed by the SHA-256 of their exact text, images and fonts only as
`data:` URLs. In watch mode the page may also talk to the server it came from (`connect-src 'self'`).
"""

from __future__ import annotations

import base64
import hashlib
from typing import Iterable


def source_hash(text: str) -> str:
    """The CSP source expression of an inline script or style: `'sha256-…'`."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(scripts: Iterable[str], styles: Iterable[str], *, live: bool = False) -> str:
    """The policy allowing exactly these inline scripts and styles, and no request anywhere."""
    directives = [
        "default-src 'none'",
        "script-src " + " ".join(source_hash(s) for s in scripts),
        "style-src " + " ".join(source_hash(s) for s in styles),
        "img-src data:",
        "font-src data:",
        "connect-src 'self'" if live else "connect-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    return "; ".join(directives)
