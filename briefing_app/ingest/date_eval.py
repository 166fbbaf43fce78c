"""Score the date extractor against labelled texts: the old set and the corpus.

The old set is ``tests/data/dates`` (the seeds and short test articles); the
corpus is ``tests/data/corpus/{dev,heldout}`` (real public texts, one
``<ID>.txt`` beside its ``<ID>.json``). Rules are tuned on dev only; for
held-out texts only the aggregate figures are printed.

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
    "CORPUS",
    "DEFAULT_LABELS",
    "DocumentScore",
    "Evaluation",
    "LabelledDocument",
    "evaluate",
    "evaluate_corpus",
    "import_captions",
    "import_furniture",
    "load_corpus",
    "load_labelled_set",
    "old_set_captions",
    "old_set_furniture",
    "score_documents",
]

DEFAULT_LABELS = PROJECT_ROOT / "tests" / "data" / "dates"
CORPUS = PROJECT_ROOT / "tests" / "data" / "corpus"

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
    published_month: date | None = None  # a text dated to the month only: its first day


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

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def summary(self) -> str:
        """``P 0.95 R 0.93 F1 0.94 (labelled 120, found 118, right 112)``."""
        return (
            f"P {self.precision:.3f} R {self.recall:.3f} F1 {self.f1:.3f} "
            f"(labelled {self.labelled}, found {self.predicted}, right {self.correct})"
        )


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


def _read_checked(path: Path, sha256: str) -> str:
    text = path.read_text(encoding="utf-8")
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256:
        raise ValueError(f"{path} changed since it was labelled")
    return text


def load_corpus(folder: Path) -> list[LabelledDocument]:
    """Every ``<ID>.json`` of a corpus folder with the text of its ``<ID>.txt``.

    A publication date known only to the month is not a day: a weekday or
    "today" cannot be resolved from it without inventing one, but a day and
    month without a year can take the year from it (``published_month``).
    """
    documents = []
    for label_file in sorted(folder.glob("*.json")):
        data = json.loads(label_file.read_text(encoding="utf-8"))
        path = label_file.with_suffix(".txt")
        text = _read_checked(path, data["text_sha256"])
        raw = data.get("published")
        published = date.fromisoformat(raw) if raw and len(raw) == 10 else None
        month = date.fromisoformat(f"{raw}-01") if raw and len(raw) == 7 else None
        documents.append(
            LabelledDocument(label_file.stem, path, text, published, tuple(data["mentions"]), month)
        )
    return documents


def import_captions(document: LabelledDocument) -> list[tuple[int, int]]:
    """The photo captions the import marks: their dates are of the past."""
    from briefing_app.ingest.furniture import find_furniture

    return [(s.start, s.end) for s in find_furniture(document.text) if s.kind == "caption"]


def import_furniture(document: LabelledDocument) -> list[tuple[int, int]]:
    """The page furniture the import passes to the extractor, photo captions excepted
    (a caption's dates are text and are labelled)."""
    from briefing_app.ingest.furniture import find_furniture

    return [(s.start, s.end) for s in find_furniture(document.text) if s.kind != "caption"]


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
    past_spans: SkipSpans | None = None,
) -> Evaluation:
    """Run ``extractor`` on every labelled document and score it.

    ``skip_spans(document)`` gives the page-furniture regions to pass to the
    extractor (none when not given), as the import does; ``past_spans(document)``
    the photo captions, whose dates are of the past.
    """
    return score_documents(load_labelled_set(folder), extractor, skip_spans, past_spans)


def score_documents(
    documents: Sequence[LabelledDocument],
    extractor: Extractor = extract_dates,
    skip_spans: SkipSpans | None = None,
    past_spans: SkipSpans | None = None,
) -> Evaluation:
    """Run ``extractor`` on each document (with its ``skip_spans`` and ``past_spans``)
    and score it."""
    scores = []
    for document in documents:
        skips = list(skip_spans(document)) if skip_spans else []
        extra: dict = (
            {"published_month": document.published_month} if document.published_month else {}
        )
        if past_spans:
            extra["past_spans"] = list(past_spans(document))
        found = extractor(document.text, published=document.published, skip_spans=skips, **extra)
        scores.append(score_document(document, found))
    return Evaluation(scores)


def evaluate_corpus(
    part: str, extractor: Extractor = extract_dates, root: Path = CORPUS
) -> Evaluation:
    """Score one part of the corpus ("dev" or "heldout") with the import's furniture."""
    return score_documents(load_corpus(root / part), extractor, import_furniture, import_captions)


def old_set_furniture(document: LabelledDocument) -> list[tuple[int, int]]:
    """The old set: the seeds are whole saved pages; the test articles are clean prose."""
    if document.path.parent == (PROJECT_ROOT / "seeds").resolve():
        return import_furniture(document)
    return []


def old_set_captions(document: LabelledDocument) -> list[tuple[int, int]]:
    """The photo captions of the old set's saved pages (the seeds)."""
    if document.path.parent == (PROJECT_ROOT / "seeds").resolve():
        return import_captions(document)
    return []


def milliseconds_per_thousand_words(words: int = 5000, runs: int = 5) -> tuple[float, float]:
    """Extraction time on ``words`` words of the seeds and test articles, as
    ``main.py bench`` takes them: (read again, nothing cached), best of ``runs``."""
    import time

    from briefing_app.ingest.dates import resolve

    folders = (PROJECT_ROOT / "seeds", DEFAULT_LABELS / "articles")
    texts = [p.read_text(encoding="utf-8") for f in folders for p in sorted(f.glob("*.txt"))]
    text = " ".join(" ".join(texts).split(" ")[:words])
    thousands = len(text.split()) / 1000
    extract_dates(text, date(2024, 12, 20))  # loads dateparser
    warm, cold = [], []
    for run in range(runs):
        began = time.process_time()
        extract_dates(text, date(2024, 12, 20))
        warm.append(time.process_time() - began)
        resolve.clear_cache()
        began = time.process_time()
        extract_dates(text, date(2024, 12, 19 - run))
        cold.append(time.process_time() - began)
    return 1000 * min(warm) / thousands, 1000 * min(cold) / thousands


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures: ``python -m briefing_app.ingest.date_eval [--dev-details]``."""
    import argparse

    parser = argparse.ArgumentParser(description="strict date scores on the labelled texts")
    parser.add_argument(
        "--dev-details", action="store_true", help="list dev misses and false dates"
    )
    args = parser.parse_args(argv)
    old = evaluate(DEFAULT_LABELS, skip_spans=old_set_furniture, past_spans=old_set_captions)
    print(f"old set  ({len(old.documents)} texts): {old.summary()}")
    dev = evaluate_corpus("dev")
    print(f"dev      ({len(dev.documents)} texts): {dev.summary()}")
    heldout = evaluate_corpus("heldout")  # aggregate only: never look at its cases
    print(f"heldout  ({len(heldout.documents)} texts): {heldout.summary()}")
    warm, cold = milliseconds_per_thousand_words()
    print(f"speed: {warm:.1f} ms per 1,000 words ({cold:.1f} with nothing cached)")
    if args.dev_details:
        for doc in dev.documents:
            for miss in doc.misses:
                print(f"  {doc.name}  missed  {miss['text']!r} {miss['date']} {miss['precision']}")
            for fp in doc.false_positives:
                print(f"  {doc.name}  wrong   {fp['text']!r} {fp['date']} {fp['precision']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
