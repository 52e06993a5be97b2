"""Printable handouts: the HTML deck's own slides, scaled onto paper, as PDF through WeasyPrint.

`build.render_handouts` is the `--format handout` renderer. Pure modules (`options`, `paper`,
`plan`, `words`) decide what goes on which page; `document` renders the jinja2 templates of
`templates/<theme>/handout/`; `pdf` and `fetcher` are the only modules that import WeasyPrint.
"""
