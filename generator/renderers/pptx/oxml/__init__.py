"""The PPTX XML the renderer writes: typed builders of its DrawingML and PresentationML elements.

As python-pptx's own `oxml` layer is to its object API, this package is to the renderer: the only
place that names an element or an attribute, makes an element, or reaches into python-pptx
(`adapter`, its private attributes, one function each). The renderer's other modules decide what
a slide holds and call these builders; `tests/renderers/pptx/test_oxml_boundary.py` keeps it so.

- `ns`: the namespaces, and an element appended (`child`) or removed (`remove`);
- `text`: text bodies, paragraphs, runs and their properties, language and script faces;
- `shapes`: shapes, groups, freeforms, frames, alt text and shape ids;
- `slide`: a slide's shape tree, placeholders, footers, notes body and slide list;
- `animation`: the timing tree of click-by-click builds;
- `table`: table cells, grid and banding;
- `template`: what is read from a template's XML (fonts, links) and the parts written whole;
- `adapter`: every use of a python-pptx private attribute.
"""
