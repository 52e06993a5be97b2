"""PDF drawn straight from the deck plan: no HTML, no layout engine.

Every position, size and line break is the plan's, so a page is a list of boxes, glyph runs
and pictures. `document.py` writes the file (objects, fonts, links, outline, metadata, the same
bytes for the same input), `text.py` shapes and sets text with HarfBuzz in the plan's faces,
`svg.py` draws the diagrams' own SVG, and `slides.py` draws one slide of each kind.
"""
