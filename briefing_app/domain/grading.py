"""Source grades in the Admiralty (NATO) system: who says so, and how sure are we.

A grade is two characters: the reliability of the source, A (completely
reliable) to F (cannot be judged), and the credibility of the information,
1 (confirmed by other sources) to 6 (cannot be judged). The user grades a
source, may keep a default per outlet that its ungraded sources take, and
may give one excerpt its own credibility (a wire story is usually B2, but
this paragraph repeats an unconfirmed claim: B4).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

__all__ = [
    "CREDIBILITY",
    "RELIABILITY",
    "Grade",
    "GradeError",
    "best_grade",
    "excerpt_grade",
    "parse_credibility",
]

RELIABILITY = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
"""The source's reliability, best first."""

CREDIBILITY = {
    "1": "confirmed by other sources",
    "2": "probably true",
    "3": "possibly true",
    "4": "doubtful",
    "5": "improbable",
    "6": "truth cannot be judged",
}
"""The information's credibility, best first."""


class GradeError(ValueError):
    """Not a grade: the message says what one looks like."""


def parse_credibility(text: str) -> str:
    """``"2"`` from ``" 2 "``; GradeError for anything but 1 to 6."""
    value = text.strip()
    if value not in CREDIBILITY:
        raise GradeError(
            f"{text!r} is not a credibility: use 1 (confirmed) to 6 (cannot be judged)"
        )
    return value


@dataclass(frozen=True, slots=True)
class Grade:
    """A source reliability letter and an information credibility digit."""

    reliability: str
    credibility: str

    def __post_init__(self) -> None:
        if self.reliability not in RELIABILITY or self.credibility not in CREDIBILITY:
            raise GradeError(f"{self.reliability}{self.credibility} is not a grade")

    @classmethod
    def parse(cls, text: str) -> Grade:
        """``Grade("B", "2")`` from ``"B2"``, ``"b2"`` or ``" B 2 "``."""
        value = "".join(text.split()).upper()
        if len(value) != 2 or value[0] not in RELIABILITY or value[1] not in CREDIBILITY:
            raise GradeError(
                f"{text!r} is not a grade: write the source's reliability A–F and the "
                "information's credibility 1–6, as in B2"
            )
        return cls(value[0], value[1])

    @property
    def label(self) -> str:
        return f"{self.reliability}{self.credibility}"

    def describe(self) -> str:
        """ "B2: source usually reliable, information probably true"."""
        return (
            f"{self.label}: source {RELIABILITY[self.reliability]}, "
            f"information {CREDIBILITY[self.credibility]}"
        )

    def with_credibility(self, credibility: str | None) -> Grade:
        return Grade(self.reliability, credibility) if credibility else self

    @property
    def rank(self) -> tuple[int, int]:
        """Smaller is better: (reliability, credibility) positions."""
        return (
            list(RELIABILITY).index(self.reliability),
            list(CREDIBILITY).index(self.credibility),
        )

    def at_least(self, floor: Grade) -> bool:
        """Whether both parts are as good as ``floor``'s or better."""
        mine, theirs = self.rank, floor.rank
        return mine[0] <= theirs[0] and mine[1] <= theirs[1]


def excerpt_grade(source_grade: Grade | None, credibility: str | None) -> Grade | None:
    """An excerpt's grade: its source's, with the excerpt's own credibility if it has one.

    An excerpt of an ungraded source stays ungraded: a credibility without a
    reliability is not a grade.
    """
    return source_grade.with_credibility(credibility) if source_grade else None


def best_grade(grades: Iterable[Grade | None]) -> Grade | None:
    """The best of the grades given (ungraded ones ignored), or None when none is graded."""
    graded = [g for g in grades if g is not None]
    return min(graded, key=lambda g: g.rank) if graded else None
