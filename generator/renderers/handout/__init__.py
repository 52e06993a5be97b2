"""Printable handouts: the deck's slides scaled onto paper, with ruled lines or the speaker's notes.

`build.render_handouts` is the `--format handout` renderer. Pure modules (`options`, `paper`,
`plan`, `words`) decide what goes on which page; `renderers/pdf/handout.py` draws the pages.
"""
