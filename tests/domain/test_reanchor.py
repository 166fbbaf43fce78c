"""Excerpts follow their passage when the source text is edited.

A synthetic article with repeated sentences is edited at random (insertions,
deletions, substitutions) at 0.5%, 2% and 5% of its characters; the true new
place of every excerpt is known from the edit script, so each re-anchoring is
either right, flagged for the user, or wrong — and wrong-but-unflagged (moved
silently) must never happen.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import pytest

from briefing_app.domain.anchoring import selector_for
from briefing_app.domain.reanchor import AnchorStatus, reanchor

WORDS = (
    "council ministers defence union agreed plan summit forces troops budget "
    "brussels alliance security policy strategic compass mission european "
    "member states capability joint procurement rapid deployment crisis border "
    "sanctions ambassador declaration cooperation partnership threat russia"
).split()


def _article(rng: random.Random, sentences: int = 260) -> str:
    made: list[str] = []
    for i in range(sentences):
        if i > 20 and rng.random() < 0.12:
            made.append(rng.choice(made[:-5]))  # a sentence repeated in the page
            continue
        n = rng.randint(8, 22)
        words = [rng.choice(WORDS) for _ in range(n)]
        made.append(" ".join(words).capitalize() + ".")
    paragraphs = [" ".join(made[i : i + 5]) for i in range(0, len(made), 5)]
    return "\n\n".join(paragraphs)


def _edit(rng: random.Random, text: str, rate: float) -> tuple[str, list[int]]:
    """Apply random character edits; return the new text and old→new offsets."""
    out: list[str] = []
    mapping: list[int] = []
    letters = "abcdefghijklmnopqrstuvwxyz ,"
    for ch in text:
        mapping.append(len(out))
        if rng.random() < rate:
            kind = rng.choice(("sub", "del", "ins"))
            if kind == "sub":
                out.append(rng.choice(letters))
            elif kind == "ins":
                out.append(rng.choice(letters))
                out.append(ch)
            continue  # "del": the character is dropped
        out.append(ch)
    mapping.append(len(out))
    return "".join(out), mapping


@dataclass
class Outcome:
    correct: int = 0
    flagged: int = 0
    silent_wrong: int = 0

    @property
    def total(self) -> int:
        return self.correct + self.flagged + self.silent_wrong


def _run(rate: float, seed: int) -> Outcome:
    rng = random.Random(seed)
    text = _article(rng)
    excerpts = []
    for _ in range(150):
        start = rng.randrange(0, len(text) - 250)
        start = text.rfind(" ", 0, start) + 1
        end = text.find(" ", start + rng.randint(50, 200))
        excerpts.append(selector_for(text, start, end))
    edited, mapping = _edit(rng, text, rate)
    outcome = Outcome()
    for old in excerpts:
        truth = (mapping[old.start], mapping[old.end])
        result = reanchor(edited, old, old_length=len(text))
        if result.status is AnchorStatus.FLAGGED:
            outcome.flagged += 1
            continue
        assert result.anchor is not None
        got = (result.anchor.start, result.anchor.end)
        if abs(got[0] - truth[0]) <= 3 and abs(got[1] - truth[1]) <= 3:
            outcome.correct += 1
        else:
            outcome.silent_wrong += 1
    return outcome


@pytest.mark.parametrize(("rate", "min_correct"), [(0.005, 0.99), (0.02, 0.99), (0.05, 0.90)])
def test_reanchoring_under_edits(rate: float, min_correct: float) -> None:
    totals = Outcome()
    for seed in range(3):
        o = _run(rate, seed)
        totals.correct += o.correct
        totals.flagged += o.flagged
        totals.silent_wrong += o.silent_wrong
    assert totals.silent_wrong == 0, f"moved silently: {totals}"
    assert totals.correct / totals.total >= min_correct, totals


def test_unchanged_text_is_exact() -> None:
    text = "One. Two three four. Five."
    old = selector_for(text, 5, 20)
    result = reanchor(text, old)
    assert result.status is AnchorStatus.EXACT
    assert result.anchor is not None and (result.anchor.start, result.anchor.end) == (5, 20)


def test_shifted_exact_quote_follows_by_context() -> None:
    base = "Intro. The same sentence here. Middle part. The same sentence here. End."
    old = selector_for(base, base.rindex("The same"), base.rindex("The same") + 23)
    edited = "A new first line. " + base
    result = reanchor(edited, old, old_length=len(base))
    assert result.status is AnchorStatus.EXACT
    assert result.anchor is not None
    assert result.anchor.start == edited.rindex("The same")


def test_repeat_with_identical_context_is_flagged_not_guessed() -> None:
    unit = "Alpha beta gamma delta epsilon zeta eta theta. "
    base = unit * 5
    old = selector_for(base, 2 * len(unit), 3 * len(unit) - 1)  # the middle copy
    edited = "x" * 40 + base  # offsets now point elsewhere; copies 2-4 read the same
    result = reanchor(edited, old, old_length=len(base))
    assert result.status is AnchorStatus.FLAGGED
    assert "several places" in result.reason


def test_a_vanished_passage_is_flagged() -> None:
    base = "Keep this. The passage that will be removed entirely from the text. Keep that."
    old = selector_for(base, 11, 67)
    result = reanchor("Keep this. Keep that.", old, old_length=len(base))
    assert result.status is AnchorStatus.FLAGGED
