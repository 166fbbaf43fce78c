"""The proposal evaluation counts what it says it counts."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from briefing_app.services.proposal_eval import load_corpus, main, score_split

TEXT = (
    "BRUSSELS, 21 March 2022\n\n"
    "On 21 March 2022 the Council approved the Strategic Compass, a plan of action for the EU "
    "security and defence policy.\n\n"
    "The plan sets goals for 2030.\n"
)


def _corpus(root: Path) -> Path:
    folder = root / "dev"
    folder.mkdir(parents=True)
    (folder / "en_001_compass.txt").write_text(TEXT, encoding="utf-8")
    sentence = TEXT.index("On 21 March")
    labels = {
        "url": "https://example.org/compass",
        "language": "en",
        "kind": "press-release",
        "published": "2022-03-21",
        "text_sha256": hashlib.sha256(TEXT.encode()).hexdigest(),
        "mentions": [],
        "furniture": [{"start": 0, "end": 24, "text": TEXT[:24], "kind": "dateline"}],
        "happenings": [
            {
                "title": "Council approves the Strategic Compass",
                "start": "2022-03-21",
                "end": None,
                "precision": "day",
                "lane": "EU",
                "chronology_id": "strategic-compass-adopted",
                "evidence": [[sentence, TEXT.index("\n\nThe plan")]],
            }
        ],
    }
    (folder / "en_001_compass.json").write_text(json.dumps(labels), encoding="utf-8")
    return root


def test_the_corpus_is_read_with_its_labels(tmp_path: Path) -> None:
    [doc] = load_corpus("dev", _corpus(tmp_path))
    assert doc.name == "en_001_compass" and doc.published is not None
    assert doc.published.iso() == "2022-03-21"


def test_counts_over_a_small_corpus(tmp_path: Path) -> None:
    score = score_split("dev", _corpus(tmp_path))
    assert score.texts == 1
    assert score.happenings == 1 and score.chronology_reports == 1
    assert score.happenings_found == 1
    assert score.chronology_linked == 1
    assert score.wrong_date == 0
    # "goals for 2030" is no happening: counted apart, not as usable
    assert score.proposals == score.usable + score.no_happening + score.from_furniture
    assert score.usable >= 1
    assert score.furniture_labelled == 1


def test_heldout_details_are_refused(tmp_path: Path, capsys, monkeypatch) -> None:
    import briefing_app.services.proposal_eval as module

    monkeypatch.setattr(module, "CORPUS_DIR", _corpus(tmp_path))
    (tmp_path / "heldout").mkdir()
    assert main(["heldout", "--details"]) == 2
    assert main(["dev"]) == 0
    out = capsys.readouterr().out
    assert "texts                                      1\n" in out


def test_the_development_figures_hold() -> None:
    """Floors under the measured development figures, so a change that costs much shows."""
    score = score_split("dev")
    if score.texts == 0:
        return
    assert score.usable_share >= 0.35
    assert score.from_furniture <= 0.1 * score.proposals
    assert score.wrong_links <= 0.05 * score.proposals
    assert score.furniture_precision >= 0.9 and score.furniture_recall >= 0.6


def test_two_labelled_acts_of_one_event_in_one_passage_are_both_linked() -> None:
    from briefing_app.domain.dates import DateSpan
    from briefing_app.domain.model import Lane
    from briefing_app.ingest.proposals import Passage, Proposal
    from briefing_app.services.proposal_eval import CorpusText, score_document

    text = "On 29 June 2022 NATO leaders invited Finland and Sweden and adopted a new concept.\n"
    happening = {
        "start": "2022-06-29",
        "precision": "day",
        "lane": "NATO",
        "chronology_id": "nato-madrid-summit",
        "evidence": [[0, len(text) - 1]],
    }
    labels = {
        "happenings": [
            {**happening, "title": "NATO invites Finland and Sweden"},
            {**happening, "title": "NATO adopts a new Strategic Concept"},
        ],
        "furniture": [],
    }
    doc = CorpusText("en_000_madrid", Path("x.txt"), text, labels)
    proposal = Proposal(
        date_start=3,
        date_end=15,
        date_text="29 June 2022",
        start=0,
        end=len(text) - 1,
        sentence=text[:-1],
        when=DateSpan.parse("2022-06-29"),
        title="NATO leaders invited Finland and Sweden",
        lane=Lane.NATO,
        excerpts=(Passage(0, len(text) - 1, text[:-1]),),
        same_as="nato-madrid-summit",
    )
    score = score_document(doc, [proposal], [])
    assert score.chronology_reports == 2 and score.chronology_linked == 2
    assert score.wrong_links == 0 and score.usable == 1
