"""The story's events on a date axis, as a Plotly figure.

Each event is a point on a lane: the label of the journey (visit) it belongs to, ``"other"`` for dated
events outside any journey, ``"undated"`` for events without a date. Events that cover a span (a month,
a year, "from ... to ...") also get a bar from ``date`` to ``end_date``. One event can be marked as the
current one (bigger, red, with a vertical line), which is how the dashboard steps through the story::

    >>> from geotimeline.views.timeline import build_timeline
    >>> fig = build_timeline(story, current=story.events[0].id)      # doctest: +SKIP
    >>> fig.to_html(include_plotlyjs="cdn")                            # doctest: +SKIP

Dates go to Plotly as ISO strings (``"2011-08-20"``), never as epoch numbers, so the axis is right on
both sides of 1970 and 2001-09-09 alike. Undated events have no place on a date axis of their own: they
are drawn at the publication date of their article (when they were *reported*), hollow, on their own lane.
"""

from __future__ import annotations

import re

import datetime as dt
import html
import textwrap
from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from geotimeline.models import Event, Story, date_value

OTHER_LANE = "other"
UNDATED_LANE = "undated"
CURRENT_COLOUR = "#d62728"
PALETTE = ("#1f77b4", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#ff7f0e")
"""Lane colours, in journey order; the map uses the same order so a visit has one colour everywhere."""
OTHER_COLOUR = "#7f7f7f"


def date_label(event: Event) -> str:
    """The event's date at the precision it was stated: ``2001``, ``2011-09``, ``2011-08-20`` or ``undated``."""
    label = date_value(event.date, event.granularity)
    if label is None:
        return UNDATED_LANE
    clock = re.match(r"\d{4}-\d\d-\d\dT(\d\d:\d\d)", event.timex)
    if clock and not event.end_date:
        label += f" {clock.group(1)}"  # "2024-04-02 21:40": the clock time the article gave
    if event.end_date and event.end_date != event.date:
        if event.granularity in ("day", "week", "time", "unknown"):
            label += f" – {event.end_date.isoformat()}"
        elif (end := date_value(event.end_date, event.granularity)) and end != label:
            label += f" – {end}"  # "1992 – 1995", "2020-03 – 2020-05"
    return label


def journey_colours(story: Story) -> dict[str, str]:
    """Journey id -> colour, stable for a given story."""
    return {j.id: PALETTE[i % len(PALETTE)] for i, j in enumerate(story.journeys)}


def event_lanes(story: Story) -> dict[str, str]:
    """Event id -> lane name (journey label, ``other`` or ``undated``)."""
    by_event: dict[str, str] = {}
    for journey in story.journeys:
        for event_id in journey.events:
            by_event.setdefault(event_id, journey.label or journey.id)
    return {
        e.id: UNDATED_LANE if e.date is None else by_event.get(e.id, OTHER_LANE)
        for e in story.events
    }


def _x(event: Event, story: Story) -> str:
    if event.date is not None:
        return event.date.isoformat()
    article = next((a for a in story.articles if a.id == event.article), None)
    reported = article.published if article and article.published else _fallback_date(story)
    return reported.isoformat()


def _fallback_date(story: Story) -> dt.date:
    dates = [e.date for e in story.events if e.date] + [a.published for a in story.articles if a.published]
    return max(dates) if dates else dt.date.today()


def _hover(event: Event, story: Story) -> str:
    names = [p.name for pid in event.places if (p := story.place(pid))]
    lines = [f"<b>{html.escape(date_label(event))}</b>"]
    if event.status != "happened":
        lines[0] += f" ({event.status})"
    if names:
        lines.append(html.escape(", ".join(names)))
    lines += [html.escape(line) for line in textwrap.wrap(event.sentence, 70)]
    return "<br>".join(lines)


def build_timeline(story: Story, *, current: str | None = None) -> go.Figure:
    """A Plotly figure with one lane per journey (plus ``other`` and ``undated``), current event highlighted."""
    lanes = event_lanes(story)
    colours = journey_colours(story)
    lane_colour = {(j.label or j.id): colours[j.id] for j in story.journeys}
    lane_order = [j.label or j.id for j in sorted(story.journeys, key=lambda j: (j.date is None, j.date or dt.date.min))]
    lane_order = list(dict.fromkeys(lane_order))
    used = set(lanes.values())
    lane_order += [lane for lane in (OTHER_LANE, UNDATED_LANE) if lane in used]
    lane_order = [lane for lane in lane_order if lane in used]

    fig = go.Figure()
    for event in story.events:
        if event.date and event.end_date and event.end_date > event.date:
            lane = lanes[event.id]
            fig.add_trace(
                go.Scatter(
                    x=[event.date.isoformat(), event.end_date.isoformat()],
                    y=[lane, lane],
                    mode="lines",
                    line={"width": 10, "color": lane_colour.get(lane, OTHER_COLOUR)},
                    opacity=0.35,
                    hoverinfo="skip",
                    showlegend=False,
                    legendgroup=lane,
                    name=f"span {event.id}",
                )
            )
    for lane in lane_order:
        events = [e for e in story.events if lanes[e.id] == lane]
        fig.add_trace(
            go.Scatter(
                x=[_x(e, story) for e in events],
                y=[lane] * len(events),
                mode="markers",
                name=lane,
                legendgroup=lane,
                marker={
                    "size": 12,
                    "color": lane_colour.get(lane, OTHER_COLOUR),
                    "symbol": "circle-open" if lane == UNDATED_LANE else "circle",
                    "line": {"width": 2},
                },
                customdata=[e.id for e in events],
                hovertext=[_hover(e, story) for e in events],
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    chosen = next((e for e in story.events if e.id == current), None)
    if chosen is not None:
        x = _x(chosen, story)
        fig.add_trace(
            go.Scatter(
                x=[x],
                y=[lanes[chosen.id]],
                mode="markers",
                name="current",
                marker={"size": 22, "color": CURRENT_COLOUR, "symbol": "star", "line": {"width": 1, "color": "black"}},
                customdata=[chosen.id],
                hovertext=[_hover(chosen, story)],
                hovertemplate="%{hovertext}<extra>current</extra>",
                showlegend=False,
            )
        )
        # A shape rather than add_vline: add_vline's annotation maths fails on date axes given as strings.
        fig.add_shape(
            type="line", x0=x, x1=x, xref="x", y0=0, y1=1, yref="paper",
            line={"color": CURRENT_COLOUR, "width": 2, "dash": "dot"}, name="current",
        )
    fig.update_layout(
        xaxis={"type": "date", "title": None},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": lane_order[::-1], "title": None},
        margin={"l": 10, "r": 10, "t": 30, "b": 10},
        height=max(220, 90 + 45 * len(lane_order)),
        showlegend=False,
        hoverlabel={"align": "left"},
        clickmode="event",
    )
    return fig


def selected_event(selection: Mapping[str, Any] | None, event_ids: Sequence[str]) -> int | None:
    """Index in ``event_ids`` of the event behind the first clicked point of a timeline selection.

    ``selection`` is the state a dashboard receives for a clicked chart (``{"selection": {"points":
    [...]}}``, Streamlit's shape). Points carry their event id as ``customdata``, either bare or as a
    one-item list depending on the front end; span bars carry none and are skipped. ``None`` when the
    click hit nothing that is an event of this story (a stale selection from another article).
    """
    if not isinstance(selection, Mapping):
        return None
    inner = selection.get("selection")
    points = inner.get("points", []) if isinstance(inner, Mapping) else []
    for point in points:
        data = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(data, (list, tuple)):
            data = data[0] if data else None
        if isinstance(data, str) and data in event_ids:
            return list(event_ids).index(data)
    return None


def event_table(story: Story) -> pd.DataFrame:
    """One row per event, in story order: what the dashboard lists under the map (row k is event k)."""
    lanes = event_lanes(story)
    rows = []
    for event in story.events:
        names = [p.name for pid in event.places if (p := story.place(pid))]
        rows.append({
            "date": date_label(event),
            "status": event.status,
            "places": ", ".join(names),
            "mode": "" if event.mode == "unknown" else event.mode,
            "lane": lanes[event.id],
            "what": event.summary,
        })
    return pd.DataFrame(rows, columns=["date", "status", "places", "mode", "lane", "what"])


def selected_row(selection: Mapping[str, Any] | None, count: int) -> int | None:
    """The first selected row of a table selection state (``{"selection": {"rows": [k]}}``), if in range."""
    if not isinstance(selection, Mapping):
        return None
    inner = selection.get("selection")
    rows = inner.get("rows", []) if isinstance(inner, Mapping) else []
    return next((r for r in rows if isinstance(r, int) and 0 <= r < count), None)
