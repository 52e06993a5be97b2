"""What a handout build is asked for: the layouts, slides per page of the grid, and the paper."""

from __future__ import annotations

from dataclasses import dataclass

LAYOUTS = ("notes", "lines", "grid")
PER_PAGE = (1, 2, 4, 6, 9)
PAPERS = ("a4", "letter")
DEFAULT_PER_PAGE = 6
DEFAULT_PAPER = "a4"


@dataclass(frozen=True)
class HandoutOptions:
    """The layouts to build (in `LAYOUTS` order), the grid's slides per page, the paper's name."""

    layouts: tuple[str, ...] = LAYOUTS
    per_page: int = DEFAULT_PER_PAGE
    paper: str = DEFAULT_PAPER

    def __post_init__(self):
        unknown = [name for name in self.layouts if name not in LAYOUTS]
        if unknown:
            raise ValueError(f"unknown handout layout '{unknown[0]}'; available: {', '.join(LAYOUTS)}")
        if self.per_page not in PER_PAGE:
            raise ValueError(f"{self.per_page} slides per page is not offered; choose {', '.join(map(str, PER_PAGE))}")
        if self.paper not in PAPERS:
            raise ValueError(f"unknown paper '{self.paper}'; available: {', '.join(PAPERS)}")
        ordered = tuple(name for name in LAYOUTS if name in self.layouts)
        object.__setattr__(self, "layouts", ordered)

    @classmethod
    def of(cls, layouts=None, per_page: int | None = None, paper: str | None = None) -> "HandoutOptions":
        """Options from a build's settings, None meaning the default."""
        return cls(tuple(layouts) if layouts else LAYOUTS, per_page or DEFAULT_PER_PAGE,
                   (paper or DEFAULT_PAPER).lower())


def file_name(talk_id: str, lang: str, layout: str) -> str:
    """`autour-de-docker-fr-handout-notes.pdf`."""
    return f"{talk_id}-{lang}-handout-{layout}.pdf"
