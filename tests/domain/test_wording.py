from briefing_app.domain.wording import counted


def test_one_is_singular_and_every_other_count_plural() -> None:
    assert counted(1, "note") == "1 note"
    assert counted(0, "note") == "0 notes"
    assert counted(2, "note") == "2 notes"
    assert counted(1_200, "excerpt") == "1,200 excerpts"
    assert counted(3, "summary", "summaries") == "3 summaries"
