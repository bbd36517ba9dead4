from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from geotimeline.journeys import build_journeys
from geotimeline.models import Event, LatLon, Place

PYONGYANG = Place("pyongyang", "Pyongyang", 39.03, 125.75, "KP")
KHASAN = Place("khasan", "Khasan", 42.43, 130.64, "RU")
MOSCOW = Place("moscow", "Moscow", 55.75, 37.62, "RU")
VLADIVOSTOK = Place("vladivostok", "Vladivostok", 43.11, 131.87, "RU")


def straight(a: LatLon, b: LatLon, mode: str) -> tuple[tuple[LatLon, ...], float, bool]:
    return (a, b), 100.0, mode == "train"


def _event(eid: str, date: dt.date | None, dest: str | None, *, mode="unknown", status="happened", grain="day",
           travel=True) -> Event:
    return Event(eid, "a", date, None, grain, "", (dest,) if dest else (), "", "", 0, 0, mode, status, travel, dest)


def test_each_trip_is_a_journey_with_inferred_origin() -> None:
    events = [
        _event("e1", dt.date(2001, 1, 1), "moscow", mode="train", grain="year"),
        _event("e2", dt.date(2002, 1, 1), "vladivostok", grain="year"),
        _event("e3", dt.date(2011, 8, 20), "khasan", mode="train"),
    ]
    journeys = build_journeys(events, [KHASAN, MOSCOW, VLADIVOSTOK], home=PYONGYANG, router=straight)
    assert [(j.stops, j.mode) for j in journeys] == [
        (("pyongyang", "moscow"), "train"),
        (("pyongyang", "vladivostok"), "unknown"),
        (("pyongyang", "khasan"), "train"),
    ]
    assert all(j.legs[0].inferred for j in journeys)
    assert journeys[0].legs[0].routed and not journeys[1].legs[0].routed
    assert journeys[0].label == "2001 train journey to Moscow"


def test_events_within_a_trip_chain_stops_and_skip_repeats() -> None:
    events = [
        _event("e1", dt.date(2011, 8, 20), "khasan", mode="train"),
        _event("e2", dt.date(2011, 8, 21), "khasan"),
        _event("e3", dt.date(2011, 8, 23), "vladivostok", mode="train"),
    ]
    (j,) = build_journeys(events, [KHASAN, VLADIVOSTOK], router=straight)
    assert j.stops == ("khasan", "vladivostok")
    assert len(j.legs) == 1 and not j.legs[0].inferred
    assert j.events == ("e1", "e2", "e3")


def test_claimed_undated_and_non_travel_events_are_not_journeys() -> None:
    events = [
        _event("e1", dt.date(1941, 2, 16), "khasan", status="claimed"),
        _event("e2", None, "moscow"),
        _event("e3", dt.date(2011, 8, 20), "moscow", travel=False),
        _event("e4", dt.date(2011, 8, 20), None),
    ]
    assert build_journeys(events, [KHASAN, MOSCOW], home=PYONGYANG, router=straight) == []


def test_real_router_follows_rails_for_trains() -> None:
    events = [_event("e1", dt.date(2001, 1, 1), "moscow", mode="train", grain="year")]
    (j,) = build_journeys(events, [MOSCOW], home=PYONGYANG)
    (leg,) = j.legs
    assert leg.routed
    assert 6000 < leg.length_km < 12000
    assert len(leg.geometry) > 10


RZESZOW = Place("rzeszow", "Rzeszow", 50.04, 22.0, "PL")
PRZEMYSL = Place("przemysl", "Przemysl", 49.78, 22.77, "PL")
KYIV = Place("kyiv", "Kyiv", 50.45, 30.52, "UA")
WASHINGTON = Place("washington", "Washington", 38.9, -77.04, "US")


def test_stated_origin_starts_the_trip_and_unstated_modes_carry_on() -> None:
    flight = replace(_event("e1", dt.date(2023, 2, 18), "rzeszow", mode="air"), origin="washington")
    events = [
        flight,
        _event("e2", dt.date(2023, 2, 18), "przemysl", mode="train"),
        _event("e3", dt.date(2023, 2, 20), "kyiv"),  # "arrived in Kyiv on Monday": no mode said
    ]
    (j,) = build_journeys(events, [WASHINGTON, RZESZOW, PRZEMYSL, KYIV], home=PYONGYANG, router=straight)
    assert j.stops == ("washington", "rzeszow", "przemysl", "kyiv")
    assert [leg.mode for leg in j.legs] == ["air", "train", "train"]
    assert not any(leg.inferred for leg in j.legs)


def test_a_departure_starts_the_trip_but_departures_alone_are_no_journey() -> None:
    hobart = Place("hobart", "Hobart", -42.88, 147.33, "AU")
    casey = Place("casey", "Casey Station", -66.28, 110.53, "AQ")
    left = replace(_event("e1", dt.date(2023, 12, 28), None), origin="hobart")
    arrived = _event("e2", dt.date(2024, 1, 10), "casey")
    (j,) = build_journeys([left, arrived], [hobart, casey], router=straight)
    assert j.stops == ("hobart", "casey") and j.label.endswith("to Casey Station")
    assert build_journeys([left], [hobart, casey], router=straight) == []


def test_an_undated_leg_from_a_stop_continues_the_trip() -> None:
    dong_dang = Place("dong-dang", "Dong Dang", 21.95, 106.7, "VN")
    hanoi = Place("hanoi", "Hanoi", 21.02, 105.84, "VN")
    arrived = replace(_event("e1", dt.date(2019, 2, 26), "dong-dang", mode="train"), start=0)
    by_car = replace(_event("e2", None, "hanoi", mode="road"), origin="dong-dang", start=100)
    (j,) = build_journeys([arrived, by_car], [dong_dang, hanoi], router=straight)
    assert j.stops == ("dong-dang", "hanoi") and [leg.mode for leg in j.legs] == ["road"]
    assert "e2" in j.events


def test_a_departure_mid_trip_is_not_a_stop() -> None:
    vladivostok = Place("vladivostok", "Vladivostok", 43.11, 131.87, "RU")
    khasan_day = _event("e1", dt.date(2023, 9, 12), "khasan", mode="train")
    someone_elses_flight = replace(_event("e2", dt.date(2023, 9, 12), None, mode="air"), origin="vladivostok")
    (j,) = build_journeys([khasan_day, someone_elses_flight], [KHASAN, vladivostok], router=straight)
    assert j.stops == ("khasan",)


@pytest.mark.parametrize(
    ("grain", "label"),
    [("decade", "1950s journey to Moscow"), ("year", "1952 journey to Moscow"), ("month", "1952-03 journey to Moscow"),
     ("day", "1952-03-04 journey to Moscow")],
)
def test_labels_keep_the_precision_of_the_text(grain: str, label: str) -> None:
    (j,) = build_journeys([_event("e1", dt.date(1952, 3, 4), "moscow", grain=grain)], [MOSCOW], router=straight)
    assert j.label == label


def test_a_leg_takes_the_mode_its_stretch_of_the_sentence_names() -> None:
    buenos_aires = Place("buenos-aires", "Buenos Aires", -34.61, -58.38, "AR")
    madrid = Place("madrid", "Madrid", 40.42, -3.70, "ES")
    asuncion = Place("asuncion", "Asuncion", -25.29, -57.65, "PY")
    trip = replace(_event("e1", dt.date(2023, 7, 17), "madrid", mode="road"), origin="asuncion",
                   via=("buenos-aires",), leg_modes=(("buenos-aires", "road"), ("madrid", "air")))
    (journey,) = build_journeys([trip], [asuncion, buenos_aires, madrid], router=straight)
    assert [(leg.origin, leg.destination, leg.mode) for leg in journey.legs] == [
        ("asuncion", "buenos-aires", "road"),
        ("buenos-aires", "madrid", "air"),
    ]
    assert journey.label == "2023-07-17 road and air journey to Madrid"


def test_each_named_traveller_has_a_trip_of_their_own() -> None:
    lima = Place("lima", "Lima", -12.05, -77.04, "PE")
    rome = Place("rome", "Rome", 41.89, 12.48, "IT")
    oslo = Place("oslo", "Oslo", 59.91, 10.75, "NO")
    events = [
        replace(_event("e1", dt.date(2024, 3, 11), "lima"), actor="Joe Biden"),
        replace(_event("e2", dt.date(2024, 3, 12), "rome"), actor="Kamala Harris"),
        # a name word shared is the same person; an unnamed traveller goes with the trip before
        replace(_event("e3", dt.date(2024, 3, 13), "oslo"), actor="Biden"),
    ]
    journeys = build_journeys(events, [lima, rome, oslo], router=straight)
    assert sorted(j.stops for j in journeys) == [("lima", "oslo"), ("rome",)]
