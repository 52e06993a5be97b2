"""A PPTX saved reproducibly: fixed zip timestamps and core properties from SOURCE_DATE_EPOCH."""

from __future__ import annotations

import io
import zipfile

from generator.clock import build_time

def set_core_properties(prs, *, title: str, author: str | None, lang: str, subject: str | None = None) -> None:
    """Document metadata: title, author, language, and dates from the build time."""
    props = prs.core_properties
    when = build_time()
    props.title = title
    props.author = author or ""
    props.last_modified_by = author or ""
    props.subject = subject or ""
    props.language = lang
    props.created = when
    props.modified = when
    props.revision = 1
    props.last_printed = when


def reproducible_bytes(prs) -> bytes:
    """The saved presentation with every zip entry stamped with the build time, in a fixed order."""
    raw = io.BytesIO()
    prs.save(raw)
    stamp = build_time().timetuple()[:6]
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(raw.getvalue())) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        names = source.namelist()
        # [Content_Types].xml first, as Office writes it; then the parts in a stable order.
        ordered = [n for n in names if n == "[Content_Types].xml"] + sorted(n for n in names if n != "[Content_Types].xml")
        for name in ordered:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(name))
    return out.getvalue()
