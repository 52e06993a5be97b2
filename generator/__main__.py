"""`python -m generator`: the same program as `deckgen`."""

from generator.cli import run

if __name__ == "__main__":
    run()
