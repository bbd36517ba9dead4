"""build_timeline: lanes, spans, hover text and the current-event highlight."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import plotly.graph_objects as go
import pytest

from geotimeline.models import Event, Story
from geotimeline.views.timeline import (
    build_timeline,
    date_label,
    event_lanes,
    event_table,
    selected_event,
    selected_row,
)


def traces(fig: go.Figure) -> dict[str, go.Scatter]:
    return {t.name: t for t in fig.data}


def test_one_marker_trace_per_lane_in_order(kim_story: Story) -> None:
    fig = build_timeline(kim_story)
    markers = [t.name for t in fig.data if t.mode == "markers"]
    assert markers == ["2001 visit (train)", "2011 visit (train)", "other", "undated"]
    # Category axes draw the first category at the bottom: the earliest journey goes on top.
    assert list(fig.layout.yaxis.categoryarray) == ["undated", "other", "2011 visit (train)", "2001 visit (train)"]


def test_lanes_follow_journeys(kim_story: Story) -> None:
    assert event_lanes(kim_story) == {
        "e1": "2011 visit (train)", "e2": "other", "e3": "other",
        "e4": "2001 visit (train)", "e5": "other", "e6": "undated",
    }


def test_dates_are_iso_strings_on_a_date_axis(kim_story: Story) -> None:
    fig = build_timeline(kim_story)
    other = traces(fig)["other"]
    assert list(other.x) == ["2011-08-24", "2011-09-01", "2002-01-01"]
    assert list(other.customdata) == ["e2", "e3", "e5"]
    assert fig.layout.xaxis.type == "date"


def test_undated_events_sit_at_the_publication_date(kim_story: Story) -> None:
    undated = traces(build_timeline(kim_story))["undated"]
    assert list(undated.x) == ["2011-08-21"]
    assert undated.marker.symbol == "circle-open"


def test_hover_has_date_places_and_sentence(kim_story: Story) -> None:
    lane = traces(build_timeline(kim_story))["2011 visit (train)"]
    hover = lane.hovertext[0]
    assert hover.startswith("<b>2011-08-20</b><br>Khasan<br>The North Korean leader arrived by train")
    assert lane.hovertemplate == "%{hovertext}<extra></extra>"
    other = traces(build_timeline(kim_story))["other"]
    assert other.hovertext[0].startswith("<b>2011-08-24</b> (expected)")


@pytest.mark.parametrize(("event_id", "span"), [("e3", ("2011-09-01", "2011-09-30")), ("e4", ("2001-01-01", "2001-12-31"))])
def test_spans_for_events_with_an_end_date(kim_story: Story, event_id: str, span: tuple[str, str]) -> None:
    trace = traces(build_timeline(kim_story))[f"span {event_id}"]
    assert trace.mode == "lines" and tuple(trace.x) == span


def test_no_span_for_single_days(kim_story: Story) -> None:
    assert "span e1" not in traces(build_timeline(kim_story))


def test_current_event_highlighted_with_marker_and_line(kim_story: Story) -> None:
    fig = build_timeline(kim_story, current="e1")
    current = traces(fig)["current"]
    assert list(current.x) == ["2011-08-20"] and list(current.y) == ["2011 visit (train)"]
    assert current.marker.size > traces(fig)["other"].marker.size
    assert current.marker.color == "#d62728"
    (line,) = fig.layout.shapes
    assert (line.x0, line.x1, line.yref) == ("2011-08-20", "2011-08-20", "paper")


def test_no_current_no_highlight(kim_story: Story) -> None:
    fig = build_timeline(kim_story)
    assert "current" not in traces(fig) and not fig.layout.shapes


def test_renders_to_html(kim_story: Story) -> None:
    html = build_timeline(kim_story, current="e4").to_html(include_plotlyjs=False, full_html=False)
    assert "2001 visit (train)" in html and "2011-08-20" in html


def test_dates_either_side_of_2001_09_09_are_not_epoch_numbers(kim_story: Story) -> None:
    html = build_timeline(kim_story).to_html(include_plotlyjs=False, full_html=False)
    assert '"2001-01-01"' in html and '"2011-08-24"' in html
    assert "999993600000" not in html  # 2001-09-09 in epoch ms


def test_empty_story() -> None:
    fig = build_timeline(Story(articles=()))
    assert [t for t in fig.data if t.mode == "markers"] == []


def _event(granularity: str, date: dt.date | None, end: dt.date | None = None) -> Event:
    return Event("x", "a", date, end, granularity, "", (), "", "", 0, 0)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("event", "label"),
    [
        (_event("day", dt.date(2011, 8, 20)), "2011-08-20"),
        (_event("month", dt.date(2011, 9, 1), dt.date(2011, 9, 30)), "2011-09"),
        (_event("year", dt.date(2001, 1, 1), dt.date(2001, 12, 31)), "2001"),
        (_event("day", dt.date(2011, 8, 20), dt.date(2011, 8, 24)), "2011-08-20 – 2011-08-24"),
        (_event("unknown", None), "undated"),
        (replace(_event("time", dt.date(2011, 8, 20)), timex="2011-08-20T21:40"), "2011-08-20 21:40"),
        (replace(_event("half", dt.date(2025, 1, 1)), timex="2025-H1"), "2025-01"),
    ],
)
def test_date_label(event: Event, label: str) -> None:
    assert date_label(event) == label


@pytest.mark.parametrize(
    ("selection", "expected"),
    [
        ({"selection": {"points": [{"customdata": "e2"}]}}, 1),
        ({"selection": {"points": [{"customdata": ["e3"]}]}}, 2),
        # a span bar (no customdata) under the click, then the event's point
        ({"selection": {"points": [{"x": "2011-08-20"}, {"customdata": "e1"}]}}, 0),
        ({"selection": {"points": []}}, None),
        ({"selection": {"points": [{"customdata": "other-story"}]}}, None),
        (None, None),
        ({}, None),
    ],
)
def test_selected_event_reads_the_clicked_point(selection: object, expected: int | None) -> None:
    assert selected_event(selection, ("e1", "e2", "e3")) == expected  # type: ignore[arg-type]


def test_event_table_has_one_row_per_event_in_order(kim_story: Story) -> None:
    table = event_table(kim_story)
    assert len(table) == len(kim_story.events)
    assert list(table["date"]) == [date_label(e) for e in kim_story.events]
    assert list(table["lane"]) == [event_lanes(kim_story)[e.id] for e in kim_story.events]


@pytest.mark.parametrize(
    ("selection", "expected"),
    [({"selection": {"rows": [2]}}, 2), ({"selection": {"rows": []}}, None), ({"selection": {"rows": [9]}}, None),
     (None, None)],
)
def test_selected_row(selection: object, expected: int | None) -> None:
    assert selected_row(selection, 3) == expected  # type: ignore[arg-type]
