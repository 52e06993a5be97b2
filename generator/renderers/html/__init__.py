"""The self-contained HTML deck: a pure plan of every slide, then one HTML file emitted with jinja2.

`deck.render_html` is the `--format html` renderer; `parts.deck_parts` plans the slides and renders
each one's markup (the handouts scale the same markup onto paper); `live_*` modules serve the deck
with live reload for `deckgen watch`.
"""
