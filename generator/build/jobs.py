"""What a renderer is given (one language of one talk, planned) and what it gives back."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Optional

from generator.content.talk import LoadedTalk
from generator.errors import Diagnostic
from generator.i18n.localize import LocalizedTalk
from generator.theme import Theme

if TYPE_CHECKING:       # the planner is imported only by the builds that plan
    from generator.plan.deck import DeckPlan


@dataclass
class RenderJob:
    """One language of one talk: the localized talk, its theme, its deck plan and the options.

    The plan is made once here (when not given) and every renderer draws from it."""

    loaded: LoadedTalk
    localized: LocalizedTalk
    theme: Theme
    lang: str
    template: Path | None = None
    handouts: tuple[str, ...] | None = None   # handout layouts (notes, lines, grid); None: all
    per_page: int | None = None               # slides per page of the grid handout; None: 6
    paper: str | None = None                  # a4 or letter; None: a4
    plan: Optional[DeckPlan] = None
    pdf_steps: bool = False                   # the slides PDF: one page per build step
    print_theme: str | None = None            # the colours handouts print in: light or deck; None: light
    plan_later: bool = False                  # leave planning to `make_plan` (a build's worker may do it)

    def __post_init__(self) -> None:
        if not self.plan_later:
            self.make_plan()

    def make_plan(self) -> DeckPlan:
        """The job's deck plan, made now if it was not yet."""
        if self.plan is None:
            from generator.i18n.dates import byline
            from generator.plan.deck import plan_deck

            self.plan = plan_deck(self.talk, self.theme, lang=self.lang, byline=byline(self.talk, self.lang),
                                  bidi=self.localized.bidi)
        return self.plan

    @property
    def talk(self):
        return self.localized.talk


@dataclass
class Rendered:
    """A renderer's result: files (path relative to the language folder → bytes) and warnings."""

    files: dict[str, bytes] = field(default_factory=dict)
    warnings: list[Diagnostic] = field(default_factory=list)
