"""`deckgen watch`: rebuild the HTML deck when the talk changes and serve it live on 127.0.0.1."""
