"""What a handout build is asked for: the layouts, slides per page of the grid, the paper, and the
theme the slides print in."""

from __future__ import annotations

from dataclasses import dataclass

LAYOUTS = ("notes", "lines", "grid")
PER_PAGE = (1, 2, 4, 6, 9)
PAPERS = ("a4", "letter")
PRINT_THEMES = ("light", "deck")
DEFAULT_PER_PAGE = 6
DEFAULT_PAPER = "a4"
DEFAULT_PRINT_THEME = "light"


@dataclass(frozen=True)
class HandoutOptions:
    """The layouts to build (in `LAYOUTS` order), the grid's slides per page, the paper's name, and
    the theme the slides print in: `light` (the theme's light print variant) or `deck` (its own)."""

    layouts: tuple[str, ...] = LAYOUTS
    per_page: int = DEFAULT_PER_PAGE
    paper: str = DEFAULT_PAPER
    print_theme: str = DEFAULT_PRINT_THEME

    def __post_init__(self):
        unknown = [name for name in self.layouts if name not in LAYOUTS]
        if unknown:
            raise ValueError(f"unknown handout layout '{unknown[0]}'; available: {', '.join(LAYOUTS)}")
        if self.per_page not in PER_PAGE:
            raise ValueError(f"{self.per_page} slides per page is not offered; choose {', '.join(map(str, PER_PAGE))}")
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper '{self.paper}'; available: {', '.join(PAPERS)}")
        if self.print_theme not in PRINT_THEMES:
            raise ValueError(f"unknown print theme '{self.print_theme}'; available: {', '.join(PRINT_THEMES)}")
        ordered = tuple(name for name in LAYOUTS if name in self.layouts)
        object.__setattr__(self, "layouts", ordered)

    @classmethod
    def of(cls, layouts=None, per_page: int | None = None, paper: str | None = None,
           print_theme: str | None = None) -> "HandoutOptions":
        """Options from a build's settings, None meaning the default."""
        return cls(tuple(layouts) if layouts else LAYOUTS, per_page or DEFAULT_PER_PAGE,
                   (paper or DEFAULT_PAPER).lower(), (print_theme or DEFAULT_PRINT_THEME).lower())


def file_name(talk_id: str, lang: str, layout: str) -> str:
    """`autour-de-docker-fr-handout-notes.pdf`."""
    return f"{talk_id}-{lang}-handout-{layout}.pdf"
