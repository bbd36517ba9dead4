"""The user's own article, end to end: the acceptance list of issues #2, #3 and #4."""

from __future__ import annotations

import datetime as dt

import pytest
from geopy.distance import geodesic

TRUE_POINTS = {
    "Khasan": (42.43, 130.64),
    "Vladivostok": (43.12, 131.89),
    "Moscow": (55.75, 37.62),
    "Mount Paektu": (41.99, 128.08),
    "Pyongyang": (39.02, 125.75),
}
REGIONS = {  # regions and countries: within 800 km of a representative point
    "Russia": (61.5, 105.3),
    "North Korea": (40.3, 127.5),
    "China": (35.9, 104.2),
    "Siberia": (60.0, 105.0),
}


def _place(story, name):
    return next((p for p in story.places if p.name == name or any(m.text == name for m in p.mentions)), None)


@pytest.mark.parametrize(("name", "point"), sorted(TRUE_POINTS.items()))
def test_literal_places_within_30_km(seed_story, name, point) -> None:
    place = _place(seed_story, name)
    assert place is not None, f"{name} not resolved"
    assert geodesic(place.latlon, point).km < 30


@pytest.mark.parametrize(("name", "point"), sorted(REGIONS.items()))
def test_regions_within_800_km(seed_story, name, point) -> None:
    place = _place(seed_story, name)
    assert place is not None, f"{name} not resolved"
    assert geodesic(place.latlon, point).km < 800


def test_nothing_on_another_continent(seed_story) -> None:
    # Everything the article names lies in Europe or Asia north of 30 N, east of 30 E.
    for p in seed_story.places:
        assert p.lat > 30 and p.lon > 30, (p.name, p.lat, p.lon)


def test_moscow_as_government_is_a_metonym(seed_story) -> None:
    moscow = _place(seed_story, "Moscow")
    flagged = {m.start for m in moscow.mentions if m.metonym}
    text = seed_story.articles[0].body
    grain = text.index("Moscow would send")
    assert grain in flagged


@pytest.mark.parametrize(
    ("date", "place", "status"),
    [
        (dt.date(2011, 8, 20), "Khasan", "happened"),
        (dt.date(2011, 8, 24), "Siberia", "expected"),
        (dt.date(2001, 1, 1), "Moscow", "happened"),
        (dt.date(2002, 1, 1), "Vladivostok", "happened"),
    ],
)
def test_dated_events(seed_story, date, place, status) -> None:
    pid = _place(seed_story, place).id
    matches = [e for e in seed_story.events if e.date == date and pid in e.places]
    assert matches, f"no event on {date} at {place}"
    assert any(e.status == status for e in matches)


def test_grain_shipment_on_friday(seed_story) -> None:
    shipment = [e for e in seed_story.events if "shipment" in e.sentence and e.date == dt.date(2011, 8, 19)]
    assert shipment
    assert any(e.date == dt.date(2011, 9, 1) and e.granularity == "month" for e in seed_story.events)


def test_2011_visit_is_a_span_from_saturday(seed_story) -> None:
    spans = [e for e in seed_story.events if e.date == dt.date(2011, 8, 20) and e.end_date]
    assert spans and spans[0].end_date > spans[0].date


def test_train_journeys(seed_story) -> None:
    by_end = {seed_story.place(j.stops[-1]).name: j for j in seed_story.journeys}
    khasan, moscow = by_end["Khasan"], by_end["Moscow"]
    assert khasan.mode == moscow.mode == "train"
    assert 6000 <= moscow.length_km <= 12000
    assert khasan.date == dt.date(2011, 8, 20) and moscow.date.year == 2001
    for journey in (khasan, moscow):
        assert journey.legs and all(len(leg.geometry) >= 2 for leg in journey.legs)
        # Nobody named Pyongyang as the start: it is inferred from "North Korean leader".
        assert seed_story.place(journey.stops[0]).name == "Pyongyang" and journey.legs[0].inferred
        assert journey.legs[0].routed


def test_seed_has_publication_date_and_no_warnings(seed_story) -> None:
    assert not seed_story.warnings
