"""Going somewhere in the window: an event, an excerpt, a source, a period, a search result.

Selecting an event from anywhere (the timeline, the list, a search result, a
talking point, the reader) comes here, and the timeline, the event panel, the
event list and the status bar follow it; opening an excerpt or a source puts
it in the reader. The window owns the widgets; this keeps them in step.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSignalBlocker, Qt
from PySide6.QtWidgets import QMessageBox

from briefing_app.domain.model import Event
from briefing_app.services.date_evidence import date_evidence
from briefing_app.storage.article_search import search_articles
from briefing_app.storage.authors import event_authors, excerpt_authors
from briefing_app.storage.repository import excerpts_of_source, get_event, get_source_text
from briefing_app.storage.search import best_per_event, search_outcome
from briefing_app.storage.search_suggest import close_queries
from briefing_app.ui.panels.search_panel import SearchResult

if TYPE_CHECKING:
    from briefing_app.domain.changes import ChronologyChange
    from briefing_app.ui.main_window import MainWindow

__all__ = ["Navigator"]


class Navigator(QObject):
    """Routes "go there" from every widget of ``window`` to the ones that must follow."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window

    def follow_change(self, change: ChronologyChange) -> None:
        """The chronology changed: keep the selected event shown, or let go of a removed one.

        A change of notes alone (a badge) leaves the event panel as it is: its notes are
        being typed in.
        """
        if change.everything or change.events - change.notes:
            file = self.w.reader.source_file
            text = get_source_text(self.w.db, file) if file else None
            if file and text is not None:
                focus = self.w.reader.focus_uid
                self.w.reader.show_source(text, excerpts_of_source(self.w.db, file), focus)
            selected = self.w.timeline.selected_id()  # the timeline let go of a removed event
            if self.w.chronology.event(selected) is not None:
                self.select_event(selected)
            else:
                self.w.event_panel.show_event(None, self.w.chronology.sources)
                self.w.work.show_event(None)
        elif change.touches_events:
            selected = self.w.timeline.selected_id()
            if selected is not None:
                self.follow_in_table(selected)

    def select_event(self, event_id: str, center: bool = False) -> None:
        event = self.w.chronology.event(event_id)
        if event is None:
            return
        self.w.timeline.set_highlighted(())
        if self.w.timeline.selected_id() != event_id:
            self.w.timeline.select_event(event_id, ensure_visible=True)
        if center and self.w.chronology.is_visible(event_id):
            self.reveal(event)
        shown = get_event(self.w.db, event_id) or event
        self.w.event_panel.show_event(
            shown,
            self.w.chronology.sources,
            event_authors(self.w.db, event_id).get(event_id),
            excerpt_authors(self.w.db, event_id),
        )
        self.w.event_panel.show_date_evidence(
            date_evidence(self.w.db, shown), self.w.chronology.sources
        )
        self.w.work.show_event(shown)
        self.follow_in_table(event_id)
        self.follow_in_reader(shown)
        flt = self.w.chronology.filter
        hidden = event_id in self.w.chronology.hidden_ids or event.lane not in flt.lanes
        note = "  (hidden by the current filters)" if hidden else ""
        self.w.statusBar().showMessage(
            f"{event.when.label()} · {event.lane.value} · {event.title}{note}"
        )

    def follow_in_reader(self, event: Event) -> None:
        """The reader shows the selected event's own article, at its passage, or says it
        cannot.

        An open article the event quotes is kept (its passage becomes the chosen
        one); otherwise the reader turns to the first stored article the event
        quotes. With none, the article stays, marked as not the event's.
        """
        reader = self.w.reader
        if self.w.docks["reader"].isHidden() or reader.source_file is None:
            return  # nothing open to go stale: opening an article is the user's to ask
        quoted = [x for x in event.excerpts if x.source == reader.source_file]
        if quoted:
            if reader.focus_uid not in {x.uid for x in quoted}:
                reader.focus_excerpt(quoted[0].uid)
            else:
                reader.say_not_the_events("")
            return
        for excerpt in event.excerpts:
            text = get_source_text(self.w.db, excerpt.source)
            if text is not None:
                reader.show_source(text, excerpts_of_source(self.w.db, excerpt.source), excerpt.uid)
                return
        why = (
            "it quotes no article stored here"
            if not event.excerpts
            else "the articles it quotes are not stored here"
        )
        reader.say_not_the_events(
            f"Not the selected event's article: “{event.title}” ({event.when.label()}) is not "
            f"quoted from it, and {why}."
        )

    def follow_in_table(self, event_id: str) -> None:
        """Select the event's row without re-entering it as if the user had picked the row."""
        row = self.w.event_model.row_of(event_id)
        if row >= 0 and self.w.event_table.currentIndex().row() != row:
            blocker = QSignalBlocker(self.w.event_table.selectionModel())
            self.w.event_table.selectRow(row)
            blocker.unblock()

    def point_selected(self, event_ids: list[str]) -> None:
        """A talking point was selected: show the events it cites."""
        events = [e for e in map(self.w.chronology.event, event_ids) if e is not None]
        shown = [e.id for e in events]
        if shown:
            first = min(e.when.first_day for e in events).toordinal()
            last = max(e.when.last_day for e in events).toordinal() + 1
            pad = max((last - first) * 0.15, 15.0)
            self.select_event(shown[0])
            self.w.timeline.set_visible_range(first - pad, last + pad)  # all of them, not one
            self.w.timeline.set_highlighted(shown)
            titles = "; ".join(e.title for e in events)
            self.w.statusBar().showMessage(f"Cited: {titles}", 8000)

    def reveal(self, event: Event) -> None:
        """Zoom in around an event picked from a list until it is drawn on its own.

        Selecting from search or the event list must show the event, not a
        cluster that hides it.
        """
        t = event.when.first_day.toordinal() + 0.5
        for _ in range(12):
            if event.id in self.w.timeline.visible_marks():
                return
            before = self.w.timeline.visible_range()
            self.w.timeline.zoom_by(2.0, anchor_px=self.w.timeline.x_of(t))
            if self.w.timeline.visible_range() == before:
                return  # at the zoom limit
            self.w.timeline.select_event(event.id, ensure_visible=True)

    def table_row_changed(self, current: object, _previous: object) -> None:
        row = self.w.event_table.currentIndex().row()
        if row >= 0:
            self.select_event(self.w.event_model.event_at(row).id, center=True)

    def open_first_excerpt(self, event_id: str) -> None:
        event = get_event(self.w.db, event_id)
        if event is None:
            return
        self.select_event(event_id)
        if event.excerpts:
            first = event.excerpts[0]
            self.open_excerpt(first.source, first.uid)

    def open_excerpt(self, source_file: str, uid: str) -> None:
        self.open_source(source_file, focus_uid=uid)

    def open_source(self, source_file: str, focus_uid: str | None = None) -> None:
        text = get_source_text(self.w.db, source_file)
        if text is None:
            QMessageBox.warning(
                self.w, "Source missing", f"The source {source_file} is not stored."
            )
            return
        self.w.reader.show_source(text, excerpts_of_source(self.w.db, source_file), focus_uid)
        selected = self.w.timeline.selected_id()
        event = get_event(self.w.db, selected) if selected else None
        if event is not None and all(x.source != source_file for x in event.excerpts):
            self.w.reader.say_not_the_events(
                f"Not the selected event's article: “{event.title}” ({event.when.label()}) "
                "is not quoted from it."
            )
        dock = self.w.docks["reader"]
        dock.show()
        dock.raise_()

    def open_selected_excerpt(self) -> None:
        selected = self.w.timeline.selected_id()
        if selected:
            self.open_first_excerpt(selected)

    def run_search(self, text: str) -> None:
        """Search events, notes and the articles' text; with nothing found, a close match."""
        if not text.strip():
            self.w.search_panel.set_results([])
            self.w.timeline.set_matches(())
            return
        results, note = self._results_for(text)
        corrected, others = "", []
        if not results:
            for option in close_queries(self.w.db, text):
                found, found_note = self._results_for(option)
                if found and not corrected:
                    corrected, results, note = option, found, found_note
                elif found:
                    others.append(option)
        self.w.timeline.set_matches(r.event_id for r in results if r.event_id)
        self.w.search_panel.set_results(results, note, corrected=corrected, others=others)

    def _results_for(self, text: str) -> tuple[list[SearchResult], str]:
        """The results of one query (events then articles), and what the panel should say."""
        outcome = search_outcome(self.w.db, text)
        hits = best_per_event(outcome.hits)
        visible = [h for h in hits if self.w.chronology.is_visible(h.event_id)]
        results = [
            SearchResult(
                event_id=h.event_id,
                heading=f"{event.when.label()} · {event.title}",
                kind=h.kind,
                snippet=h.snippet,
            )
            for h in visible
            if (event := self.w.chronology.event(h.event_id)) is not None
        ]
        sources = self.w.chronology.sources
        for a in search_articles(self.w.db, text):
            src = sources.get(a.source_file)
            when = src.published.label() if src and src.published else "undated"
            outlet = src.outlet if src else a.source_file
            results.append(
                SearchResult(
                    event_id="",
                    heading=f"Article · {outlet} · “{a.title}” · {when}",
                    kind="article",
                    snippet=a.snippet,
                    source_file=a.source_file,
                    spans=a.spans,
                    looked_for=text.strip(),
                )
            )
        note = ""
        if len(visible) < len(hits):
            note = f"{len(results)} found; {len(hits) - len(visible)} more hidden by filters"
        if not outcome.ranked:
            note = (
                f"{outcome.matches:,} matches: too many to rank, showing the newest "
                f"{len(results)}. Add a word to narrow the search."
            )
        return results, note

    def open_passage(self, result: SearchResult) -> None:
        """An article passage from the search: the article at that place, the places the
        search matched marked as found (F3 goes on to the next)."""
        if result.source_file is None:
            return
        self.open_source(result.source_file)
        if self.w.reader.source_file == result.source_file:
            self.w.reader.show_found(result.looked_for, result.spans, 0)

    def show_period(self, first: date | None, last: date | None) -> None:
        """A period typed in the filter bar: show it (a lone bound: the events it keeps)."""
        if first is None or last is None:
            self.w.timeline.fit_all()
            return
        t0, t1 = first.toordinal(), last.toordinal() + 1
        margin = (t1 - t0) * 0.03
        self.w.timeline.set_visible_range(t0 - margin, t1 + margin)

    def range_changed(self, t0: float, t1: float) -> None:
        self.w.overview.set_window(t0, t1)

    def focus_search(self) -> None:
        dock = self.w.docks["search"]
        dock.show()
        dock.raise_()
        self.w.search_panel.box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.w.search_panel.box.selectAll()

    def focus_dock(self, key: str) -> None:
        dock = self.w.docks[key]
        dock.show()
        dock.raise_()
        dock.widget().setFocus(Qt.FocusReason.ShortcutFocusReason)
