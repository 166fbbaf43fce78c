"""Score the date extractor against the hand-labelled set in ``tests/data/dates``.

The figures decide whether a change to the extractor is an improvement, so
the rule is strict: a found mention counts only when its span overlaps a
labelled one *and* its date and precision are exactly the labelled ones.
Each labelled mention can be matched once, so a date found twice, or a range
read as one date, does not earn double credit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from briefing_app.ingest.dates import DateMention, extract_dates
from briefing_app.paths import PROJECT_ROOT

__all__ = [
    "DEFAULT_LABELS",
    "DocumentScore",
    "Evaluation",
    "LabelledDocument",
    "evaluate",
    "load_labelled_set",
]

DEFAULT_LABELS = PROJECT_ROOT / "tests" / "data" / "dates"

Extractor = Callable[..., list[DateMention]]
SkipSpans = Callable[["LabelledDocument"], Sequence[tuple[int, int]]]


@dataclass(frozen=True)
class LabelledDocument:
    """A document, its publication date (None when unknown) and its labelled mentions."""

    name: str
    path: Path
    text: str
    published: date | None
    mentions: tuple[dict, ...]


class _Rates:
    """Precision and recall from the counts of labelled, predicted and correct mentions."""

    labelled: int
    predicted: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 1.0


@dataclass
class DocumentScore(_Rates):
    name: str
    labelled: int
    predicted: int
    correct: int
    misses: list[dict] = field(default_factory=list)  # labelled, not found right
    false_positives: list[dict] = field(default_factory=list)  # found, not labelled so

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "labelled": self.labelled,
            "predicted": self.predicted,
            "correct": self.correct,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "misses": self.misses,
            "false_positives": self.false_positives,
        }


@dataclass
class Evaluation(_Rates):
    documents: list[DocumentScore]

    @property
    def labelled(self) -> int:
        return sum(d.labelled for d in self.documents)

    @property
    def predicted(self) -> int:
        return sum(d.predicted for d in self.documents)

    @property
    def correct(self) -> int:
        return sum(d.correct for d in self.documents)

    def to_json(self) -> dict:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "labelled": self.labelled,
            "predicted": self.predicted,
            "correct": self.correct,
            "documents": [d.to_json() for d in self.documents],
        }


def load_labelled_set(folder: Path = DEFAULT_LABELS) -> list[LabelledDocument]:
    """Every ``*.json`` label file in ``folder``, with its document's text.

    Refuses a document whose text no longer matches the labelled hash: the
    offsets would silently point at the wrong words.
    """
    documents = []
    for label_file in sorted(folder.glob("*.json")):
        data = json.loads(label_file.read_text(encoding="utf-8"))
        path = (label_file.parent / data["document"]).resolve()
        text = path.read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        if digest != data["text_sha256"]:
            raise ValueError(f"{path} changed since {label_file.name} was labelled")
        published = date.fromisoformat(data["published"]) if data["published"] else None
        documents.append(
            LabelledDocument(label_file.stem, path, text, published, tuple(data["mentions"]))
        )
    return documents


def _matches(found: dict, label: dict) -> bool:
    overlap = found["start"] < label["end"] and label["start"] < found["end"]
    return overlap and found["date"] == label["date"] and found["precision"] == label["precision"]


def score_document(document: LabelledDocument, found: Sequence[DateMention]) -> DocumentScore:
    """Greedy one-to-one matching of found mentions to labels, in text order."""
    labels = list(document.mentions)
    unmatched = list(range(len(labels)))
    score = DocumentScore(document.name, len(labels), len(found), 0)
    for mention in found:
        item = mention.to_json()
        item.pop("sentence")
        hit = next((i for i in unmatched if _matches(item, labels[i])), None)
        if hit is None:
            score.false_positives.append(item)
        else:
            unmatched.remove(hit)
            score.correct += 1
    score.misses = [labels[i] for i in unmatched]
    return score


def evaluate(
    folder: Path = DEFAULT_LABELS,
    extractor: Extractor = extract_dates,
    skip_spans: SkipSpans | None = None,
) -> Evaluation:
    """Run ``extractor`` on every labelled document and score it.

    ``skip_spans(document)`` gives the page-furniture regions to pass to the
    extractor (none when not given), as the import does.
    """
    scores = []
    for document in load_labelled_set(folder):
        skips = list(skip_spans(document)) if skip_spans else []
        found = extractor(document.text, published=document.published, skip_spans=skips)
        scores.append(score_document(document, found))
    return Evaluation(scores)
