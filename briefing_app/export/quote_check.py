"""Every quotation an export prints, checked again against the stored article.

Run when an export's selection is made, so the PDF, the Word note and the
data formats all print what the check found: an excerpt whose text is not
the stored article's text at its offsets, or whose article no longer matches
the fingerprint taken when it was stored, is printed flagged (``needs_check``
set, with the reason), never as a clean quotation.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import datetime

from briefing_app.domain.dates import PartialDate
from briefing_app.domain.model import Event, Excerpt
from briefing_app.domain.quote_check import QuoteFault, check_quote
from briefing_app.storage.database import Database
from briefing_app.storage.fingerprints import ChangedSource, stored_texts

__all__ = ["QuoteCheck", "check_events", "mismatch_warning"]


def mismatch_warning(fault: QuoteFault, on: datetime) -> str:
    """What an export prints under a passage that failed the check."""
    return (
        f"Flagged: checked against the stored article on {PartialDate(on.date()).label()}, "
        f"this passage did not match ({fault.value}). Check it against the source before "
        "quoting it."
    )


@dataclass(frozen=True)
class QuoteCheck:
    """What the check of one export found."""

    checked_on: datetime
    checked: int = 0
    faults: dict[str, QuoteFault] = field(default_factory=dict)
    """Excerpt uid -> why it failed."""
    changed: tuple[ChangedSource, ...] = ()
    """The cited articles whose stored text no longer matches its SHA-256."""

    def summary_parts(self, printed: Iterable[Excerpt] | None = None) -> list[str]:
        """How many quotations were checked, and when; then how many failed, if any.

        ``printed``: the excerpts a document actually prints, when it prints
        fewer than were checked (a Word note of one period).
        """
        checked, failed = self.checked, len(self.faults)
        if printed is not None:
            keys = {_key(x) for x in printed}
            checked, failed = len(keys), len(keys & self.faults.keys())
        noun = "quotation" if checked == 1 else "quotations"
        parts = [
            f"{checked} {noun} checked against the stored articles on "
            f"{PartialDate(self.checked_on.date()).label()}"
        ]
        if failed:
            parts.append(f"{failed} did not match and are printed flagged")
        return parts

    def summary(self, printed: Iterable[Excerpt] | None = None) -> str:
        """The same as one line."""
        return "; ".join(self.summary_parts(printed))


def _key(x: Excerpt) -> str:
    return x.uid or f"{x.source}:{x.start}-{x.end}"


def check_events(
    db: Database, events: Iterable[Event], *, now: datetime | None = None
) -> tuple[list[Event], QuoteCheck]:
    """``events`` with every excerpt checked; those that fail come back flagged."""
    events = list(events)
    files = {x.source for ev in events for x in ev.excerpts}
    texts = stored_texts(db, files) if files else {}
    on = now or datetime.now()
    faults: dict[str, QuoteFault] = {}
    checked = 0
    out: list[Event] = []
    for ev in events:
        if not ev.excerpts:
            out.append(ev)
            continue
        excerpts: list[Excerpt] = []
        flagged = False
        for x in ev.excerpts:
            checked += 1
            stored = texts.get(x.source)
            fault = (
                check_quote(None, None, x.start, x.end, x.quote)
                if stored is None
                else check_quote(stored.text, stored.digest, x.start, x.end, x.quote)
            )
            if fault is None:
                excerpts.append(x)
                continue
            faults[_key(x)] = fault
            excerpts.append(replace(x, needs_check=True, warning=mismatch_warning(fault, on)))
            flagged = True
        out.append(replace(ev, excerpts=tuple(excerpts)) if flagged else ev)
    changed = tuple(ChangedSource(f, t.title) for f, t in sorted(texts.items()) if t.changed)
    return out, QuoteCheck(on, checked, faults, changed)
