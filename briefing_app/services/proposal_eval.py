"""Score what an import proposes against the labelled corpus in ``tests/data/corpus``.

Each corpus text is read and analysed exactly as an import does (reader,
furniture, dates, proposals, links to the shipped chronology), with the
publication date its labels give. A proposal is matched to the labelled
happenings whose evidence sentences its excerpts overlap:

- wrong date: it overlaps happenings, none of which has its date and precision;
- from furniture: its date was written inside a labelled furniture span;
- usable: right date and precision, right lane, a headline-like title, and
  ``same_as`` exactly the happening's chronology event (or none when it has none);
- a happening that is a chronology event is linked when a proposal matching it
  says ``same_as`` that event.

Furniture marking is scored span by span (a found span is right when it
overlaps a labelled one). Run ``python -m briefing_app.services.proposal_eval
dev`` (or ``heldout``: aggregates only) to print the figures.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from briefing_app.domain.dates import DateFormatError, DateSpan, PartialDate
from briefing_app.domain.model import Event, Lane
from briefing_app.ingest.curated import read_chronology
from briefing_app.ingest.metadata import ArticleMetadata
from briefing_app.ingest.proposals import Proposal, headline_problems
from briefing_app.ingest.readers import read_article
from briefing_app.paths import PROJECT_ROOT, RESOURCES_DIR, SEEDS_DIR
from briefing_app.services.importer import reanalyse

__all__ = [
    "CORPUS_DIR",
    "CorpusText",
    "ProposalScore",
    "chronology_events",
    "load_corpus",
    "score_document",
    "score_split",
]

CORPUS_DIR = PROJECT_ROOT / "tests" / "data" / "corpus"


@dataclass(frozen=True)
class CorpusText:
    """A corpus text and its labels (the ``.json`` beside it)."""

    name: str
    path: Path
    text: str
    labels: dict

    @property
    def published(self) -> PartialDate | None:
        value = self.labels.get("published")
        try:
            return PartialDate.parse(value) if value else None
        except DateFormatError:
            return None

    @property
    def language(self) -> str:
        return str(self.labels.get("language") or "")


def load_corpus(split: str, root: Path = CORPUS_DIR) -> list[CorpusText]:
    """Every labelled text of ``root/split``, by name."""
    folder = root / split
    docs: list[CorpusText] = []
    for labels_path in sorted(folder.glob("*.json")):
        text_path = labels_path.with_suffix(".txt")
        if not text_path.exists():
            continue
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        text = text_path.read_bytes().decode("utf-8")
        docs.append(CorpusText(labels_path.stem, text_path, text, labels))
    return docs


@lru_cache(maxsize=1)
def chronology_events() -> tuple[Event, ...]:
    """The shipped chronology's events, as an import sees them."""
    chronology = read_chronology(RESOURCES_DIR, SEEDS_DIR)
    return tuple(
        Event(
            id=e.id,
            title=e.title,
            when=e.when,
            lane=e.lane,
            summary=e.summary,
            actors=e.actors,
        )
        for e in chronology.events
    )


@dataclass
class ProposalScore:
    """Counts over one text or a whole split."""

    texts: int = 0
    proposals: int = 0
    wrong_date: int = 0
    from_furniture: int = 0
    no_happening: int = 0
    usable: int = 0
    happenings: int = 0
    happenings_found: int = 0
    """Happenings some proposal reports at the right date."""
    happenings_split: int = 0
    """Happenings reported by more than one proposal (not merged)."""
    chronology_reports: int = 0
    chronology_linked: int = 0
    wrong_links: int = 0
    """Proposals whose ``same_as`` names an event the text does not report there."""
    furniture_labelled: int = 0
    furniture_found: int = 0
    furniture_found_right: int = 0
    furniture_labelled_found: int = 0
    faults: dict[str, int] = field(default_factory=dict)
    """Why proposals were not usable: date, lane, title, link, not an event."""
    details: list[str] = field(default_factory=list)

    def add(self, other: ProposalScore) -> None:
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)
        for key, n in other.faults.items():
            self.faults[key] = self.faults.get(key, 0) + n
        self.details += other.details

    def _fault(self, key: str) -> None:
        self.faults[key] = self.faults.get(key, 0) + 1

    @property
    def usable_share(self) -> float:
        return self.usable / self.proposals if self.proposals else 1.0

    @property
    def furniture_precision(self) -> float:
        found = self.furniture_found
        return self.furniture_found_right / found if found else 1.0

    @property
    def furniture_recall(self) -> float:
        n = self.furniture_labelled
        return self.furniture_labelled_found / n if n else 1.0

    def summary(self) -> dict[str, object]:
        return {
            "texts": self.texts,
            "proposals": self.proposals,
            "wrong date": self.wrong_date,
            "from furniture": self.from_furniture,
            "not a labelled happening": self.no_happening,
            "usable without an edit": f"{self.usable} ({self.usable_share:.0%})",
            "happenings": self.happenings,
            "happenings found at their date": self.happenings_found,
            "happenings split over several proposals": self.happenings_split,
            "chronology events reported": self.chronology_reports,
            "of them linked": self.chronology_linked,
            "wrong same-as links": self.wrong_links,
            "furniture spans labelled / found": f"{self.furniture_labelled} / "
            f"{self.furniture_found}",
            "furniture precision / recall": f"{self.furniture_precision:.2f} / "
            f"{self.furniture_recall:.2f}",
            "not usable because": dict(sorted(self.faults.items())),
        }


def _span(h: dict) -> DateSpan | None:
    try:
        precision = h.get("precision")
        return DateSpan.parse(h["start"], h.get("end"), precision)
    except (DateFormatError, KeyError, TypeError):
        return None


def _overlaps(a: int, b: int, spans: Sequence[Sequence[int]]) -> bool:
    return any(a < y and x < b for x, y in spans)


def score_document(
    doc: CorpusText, proposals: Sequence[Proposal], furniture: Sequence
) -> ProposalScore:
    """The counts for one text, given what the import proposed and marked."""
    score = ProposalScore(texts=1)
    labels = doc.labels
    happenings = [h for h in labels.get("happenings", []) if _span(h) is not None]
    furniture_spans = [(f["start"], f["end"]) for f in labels.get("furniture", [])]
    found_by: dict[int, list[int]] = {i: [] for i in range(len(happenings))}
    linked: set[int] = set()
    for p_index, p in enumerate(proposals):
        score.proposals += 1
        passages = [(x.start, x.end) for x in p.passages]
        touching = [
            i
            for i, h in enumerate(happenings)
            if any(_overlaps(a, b, h.get("evidence", [])) for a, b in passages)
        ]
        right = [i for i in touching if _span(happenings[i]) == p.when]
        furniture_date = _overlaps(p.date_start, p.date_end, furniture_spans)
        note = f"{doc.name}: {p.when.label()} {p.lane.value} “{p.title}”"
        if furniture_date:
            score.from_furniture += 1
            score._fault("furniture")
            score.details.append(f"{note} — from furniture")
            continue
        if not touching:
            score.no_happening += 1
            score._fault("not an event")
            score.details.append(f"{note} — no labelled happening here")
            if p.same_as:
                score.wrong_links += 1
            continue
        if not right:
            score.wrong_date += 1
            score._fault("date")
            wanted = ", ".join(_span(happenings[i]).label() for i in touching)  # type: ignore[union-attr]
            score.details.append(f"{note} — wrong date (labelled {wanted})")
            ids = {happenings[i].get("chronology_id") for i in touching}
            if p.same_as and p.same_as not in ids:
                score.wrong_links += 1
            continue
        h_index = right[0]
        for i in right:
            found_by[i].append(p_index)
        happening = happenings[h_index]
        wanted_id = happening.get("chronology_id")
        # Every happening the proposal reports at its date that is this event is linked
        # (two acts of one event told in one passage, each labelled with its id).
        linked.update(
            i for i in right if p.same_as and happenings[i].get("chronology_id") == p.same_as
        )
        if p.same_as and p.same_as not in {happenings[i].get("chronology_id") for i in right}:
            score.wrong_links += 1
        faults = []
        if p.lane is not Lane.parse(happening.get("lane", "Other")):
            faults.append(f"lane (labelled {happening.get('lane')})")
            score._fault("lane")
        problems = headline_problems(p.title)
        if problems:
            faults.append("title: " + ", ".join(problems))
            score._fault("title")
        if p.same_as != wanted_id:
            faults.append(f"link {p.same_as} (labelled {wanted_id})")
            score._fault("link")
        if faults:
            score.details.append(f"{note} — " + "; ".join(faults))
        else:
            score.usable += 1
    for i, h in enumerate(happenings):
        score.happenings += 1
        if found_by[i]:
            score.happenings_found += 1
        if len(found_by[i]) > 1:
            score.happenings_split += 1
        if h.get("chronology_id"):
            score.chronology_reports += 1
            if i in linked:
                score.chronology_linked += 1
            else:
                score.details.append(
                    f"{doc.name}: happening “{h.get('title')}” not linked to {h['chronology_id']}"
                )
        if not found_by[i]:
            score.details.append(
                f"{doc.name}: happening “{h.get('title')}” ({_span(h).label()}) not proposed"  # type: ignore[union-attr]
            )
    found = [(f.start, f.end) for f in furniture]
    score.furniture_labelled = len(furniture_spans)
    score.furniture_found = len(found)
    score.furniture_found_right = sum(_overlaps(a, b, furniture_spans) for a, b in found)
    score.furniture_labelled_found = sum(_overlaps(a, b, found) for a, b in furniture_spans)
    return score


def analyse(doc: CorpusText, events: Sequence[Event]) -> tuple[list[Proposal], list]:
    """What the import proposes for ``doc`` and the furniture it marks."""
    article = read_article(doc.path)
    given = ArticleMetadata(published=doc.published, language=doc.language)
    metadata = article.metadata.merged(given)
    prepared = reanalyse(article, metadata, events)
    return list(prepared.proposals), list(article.furniture)


def score_split(split: str, root: Path | None = None) -> ProposalScore:
    """The counts over every text of one split (of ``tests/data/corpus`` by default)."""
    events = chronology_events()
    total = ProposalScore()
    for doc in load_corpus(split, root or CORPUS_DIR):
        proposals, furniture = analyse(doc, events)
        total.add(score_document(doc, proposals, furniture))
    return total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("split", choices=["dev", "heldout"])
    parser.add_argument("--details", action="store_true", help="every fault (dev only)")
    args = parser.parse_args(argv)
    score = score_split(args.split)
    for key, value in score.summary().items():
        print(f"{key:<42} {value}")
    if args.details:
        if args.split != "dev":
            print("details are shown for the development set only", file=sys.stderr)
            return 2
        for line in score.details:
            print("  " + line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
