"""The labelled corpus of real texts is consistent: a broken label would skew every figure."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

CORPUS = Path(__file__).parent / "data" / "corpus"
CHRONOLOGY = Path(__file__).parent.parent / "resources" / "chronology.json"

ID_RE = re.compile(r"^(en|fr|de|es|it)_\d{3}_[a-z0-9-]+$")
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
PARTS = {"day": 3, "week": 3, "month": 2, "year": 1}
KINDS = {"news", "press-release", "speech", "statement", "other"}
FURNITURE = {
    "dateline",
    "byline",
    "clock",
    "updated",
    "caption",
    "handle",
    "delivery-note",
    "subscription",
    "navigation",
    "share",
    "other",
}
LANES = {"EU", "NATO", "Russia", "US", "Ukraine", "Other"}


def _labels() -> list[Path]:
    return sorted(CORPUS.glob("*/*.json"))


def _load(path: Path) -> tuple[dict[str, Any], str]:
    labels = json.loads(path.read_text(encoding="utf-8"))
    text = path.with_suffix(".txt").read_bytes().decode("utf-8")
    return labels, text


def _check_date(value: str, precision: str) -> None:
    assert DATE_RE.match(value), value
    assert precision in PARTS, precision
    assert len(value.split("-")) == PARTS[precision], (value, precision)
    if precision == "week":
        assert date.fromisoformat(value).weekday() == 0, f"a week is dated by its Monday: {value}"


def test_the_corpus_is_there() -> None:
    assert len(_labels()) >= 30


@pytest.mark.parametrize("path", _labels(), ids=lambda p: p.stem)
def test_labels_match_their_text(path: Path) -> None:
    """Offsets, hashes and date formats: what the scorers rely on."""
    labels, text = _load(path)
    assert ID_RE.match(path.stem), path.stem
    assert path.stem.startswith(labels["language"] + "_")
    assert labels["kind"] in KINDS
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == labels["text_sha256"]
    assert "\r" not in text
    if labels["published"] is not None:
        assert DATE_RE.match(labels["published"])
    assert labels["published_evidence"]
    spans = []
    for m in labels["mentions"]:
        assert text[m["start"] : m["end"]] == m["text"], m
        _check_date(m["date"], m["precision"])
        assert m.get("range") in (None, "start", "end"), m
        spans.append((m["start"], m["end"]))
    assert spans == sorted(spans) and all(a[1] <= b[0] for a, b in itertools.pairwise(spans))
    for f in labels["furniture"]:
        assert text[f["start"] : f["end"]] == f["text"], f
        assert f["kind"] in FURNITURE, f
        if f["kind"] != "caption":
            inside = [
                m for m in labels["mentions"] if m["start"] < f["end"] and f["start"] < m["end"]
            ]
            assert not inside, f"a furniture date is not a mention: {inside}"


@pytest.mark.parametrize("path", _labels(), ids=lambda p: p.stem)
def test_happenings_are_dated_and_linked_to_real_events(path: Path) -> None:
    labels, text = _load(path)
    events = {e["id"] for e in json.loads(CHRONOLOGY.read_text(encoding="utf-8"))["events"]}
    for h in labels["happenings"]:
        assert h["title"].strip(), h
        _check_date(h["start"], h["precision"])
        if h["end"] is not None:
            assert DATE_RE.match(h["end"]) and h["end"] >= h["start"], h
        assert h["lane"] in LANES, h
        assert h["chronology_id"] is None or h["chronology_id"] in events, h
        assert h["evidence"], h
        for start, end in h["evidence"]:
            assert 0 <= start < end <= len(text), h


@pytest.mark.parametrize("path", _labels(), ids=lambda p: p.stem)
def test_the_split_follows_the_url_hash(path: Path) -> None:
    """Held out iff sha256(url) % 3 == 0: a rule nobody can tune."""
    labels, _ = _load(path)
    held_out = int(hashlib.sha256(labels["url"].encode()).hexdigest(), 16) % 3 == 0
    assert path.parent.name == ("heldout" if held_out else "dev")


def test_one_text_per_url() -> None:
    urls = [json.loads(p.read_text(encoding="utf-8"))["url"] for p in _labels()]
    assert len(urls) == len(set(urls))
