"""Slides placed on handout pages: each slide is printed once, as a page of a slides PDF, and
every handout layout shows that page scaled into its frame.

WeasyPrint prints the handout's own page (header, footer, ruled lines, notes, empty frames with
the ids `slide-N`) and says where each frame landed; pikepdf then draws slide N's page into it
as a form XObject, so slide text stays vector and selectable, and the slides are laid out once
per language instead of once per layout.
"""

from __future__ import annotations

import io
import re

from generator.renderers.handout.pdf import Printed

PX = 0.75          # PDF points per CSS pixel
_FRAME = re.compile(r"^slide-(\d+)$")


def stamp_pages(base: bytes, stamps: bytes) -> bytes:
    """`base` with page k of `stamps` drawn over its page k, full size (the slides PDF's footers);
    the base's outline, links, tags and metadata kept; the same bytes for the same inputs."""
    import pikepdf

    with pikepdf.open(io.BytesIO(base)) as document, pikepdf.open(io.BytesIO(stamps)) as over:
        for index, (page, stamp) in enumerate(zip(document.pages, over.pages), start=1):
            form = document.copy_foreign(stamp.as_form_xobject())
            resources = page.obj.get("/Resources")       # WeasyPrint's pages share theirs: a name a page
            if "/XObject" not in resources:
                resources.XObject = pikepdf.Dictionary()
            name = pikepdf.Name(f"/Stamp{index}")
            resources.XObject[name] = form
            box = pikepdf.Rectangle(*[float(v) for v in page.mediabox])
            page.contents_add(pikepdf.Stream(document, b"q\n"), prepend=True)
            page.contents_add(pikepdf.Stream(document, b"Q\n" + page.calc_form_xobject_placement(form, name, box)),
                              prepend=False)
        out = io.BytesIO()
        document.save(out, deterministic_id=True, compress_streams=True,
                      object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()


def place_slides(handout: Printed, slides_pdf: bytes, pages_of: dict[int, int]) -> bytes:
    """The handout's PDF with slide `n`'s page (`pages_of[n]`, 0-based, of `slides_pdf`) drawn in
    every frame `slide-n` its pages hold; the same bytes for the same inputs."""
    import pikepdf

    with pikepdf.open(io.BytesIO(handout.pdf)) as document, pikepdf.open(io.BytesIO(slides_pdf)) as slides:
        forms: dict[int, pikepdf.Object] = {}
        for page, (height, anchors) in zip(document.pages, handout.anchors):
            frames = sorted((int(m.group(1)), box) for m, box in ((_FRAME.match(n), b) for n, b in anchors.items())
                            if m is not None and int(m.group(1)) in pages_of)
            if not frames:
                continue
            resources = page.obj.get("/Resources")
            if "/XObject" not in resources:
                resources.XObject = pikepdf.Dictionary()
            # The page's own drawing is kept in its own graphics state, then each slide is drawn
            # into its frame, in the slides' order (as they read), under a name of its own
            # (pikepdf's `add_overlay` would pick random ones, and the bytes would change).
            page.contents_add(pikepdf.Stream(document, b"q\n"), prepend=True)
            placed = [b"Q\n"]
            for number, (left, top, right, bottom) in frames:
                if number not in forms:
                    forms[number] = document.copy_foreign(slides.pages[pages_of[number]].as_form_xobject())
                name = pikepdf.Name(f"/Slide{number}")
                resources.XObject[name] = forms[number]
                box = pikepdf.Rectangle(left * PX, (height - bottom) * PX, right * PX, (height - top) * PX)
                placed.append(page.calc_form_xobject_placement(forms[number], name, box))
            page.contents_add(pikepdf.Stream(document, b"".join(placed)), prepend=False)
        out = io.BytesIO()
        document.save(out, deterministic_id=True, compress_streams=True,
                      object_stream_mode=pikepdf.ObjectStreamMode.generate)
    return out.getvalue()
