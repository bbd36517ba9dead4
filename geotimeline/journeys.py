"""Travel events become journeys: ordered stops, a transport mode, drawn legs.

A journey gathers the dated travel events of one trip (events less than
:data:`TRIP_GAP_DAYS` apart) and visits their destinations in date order. Stops
are point-like places (towns, stations, mountains); a country or a region
("arrived in Russia", "in Siberia") dates the trip but is not a stop, since a
route to a country's centre point would be a fiction.

When the text never names where the traveller set out from (a North Korean
leader "arrived by train at the Russian border"), the origin is inferred from
the traveller's home country, given by the caller as ``home``, and the first
leg is marked ``inferred``.

Legs follow the rail network for trains (:mod:`geotimeline.routes`) and a
great circle otherwise; each carries a GeoJSON-ready geometry and its length.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from geotimeline.models import Event, Journey, LatLon, Leg, Mode, Place, date_value, same_actor

TRIP_GAP_DAYS = 45
"""Travel events further apart than this belong to different trips."""

JOURNEY_STATUSES = frozenset({"happened", "reported", "scheduled", "expected"})
"""Claimed events ("says he was born at ...") are not travel."""

COARSE = frozenset({"year", "decade", "century", "season", "quarter", "half", "month"})

RouteFn = Callable[[LatLon, LatLon, str], tuple[tuple[LatLon, ...], float, bool]]
"""(origin, destination, mode) -> (geometry, length_km, routed)."""


def default_router(a: LatLon, b: LatLon, mode: str) -> tuple[tuple[LatLon, ...], float, bool]:
    from geotimeline.routes import route

    r = route(a, b, mode)
    return r.geometry, r.length_km, r.routed


def _trips(events: Sequence[Event]) -> list[list[Event]]:
    ordered = sorted(events, key=lambda e: (e.date, e.start))  # type: ignore[arg-type, return-value]
    trips: list[list[Event]] = []
    for e in ordered:
        # The latest trip of the same traveller: in "Trump flew to Omaha; Biden held a rally in Des Moines"
        # each has his own trip.
        trip = next((t for t in reversed(trips) if same_actor(_traveller(t), e.actor)), None)
        if trip is not None:
            last = trip[-1]
            assert last.date is not None and e.date is not None
            coarse = {last.granularity, e.granularity} & COARSE
            # A year-only date ("in 2001") cannot be placed within its year: same year, same trip.
            if coarse:
                together = last.date.year == e.date.year and last.granularity == e.granularity
            else:
                together = (e.date - (last.end_date or last.date)).days <= TRIP_GAP_DAYS
            if together:
                trip.append(e)
                continue
        trips.append([e])
    return trips


def _traveller(trip: Sequence[Event]) -> str:
    return next((e.actor for e in trip if e.actor), "")


def build_journeys(
    events: Sequence[Event],
    places: Sequence[Place],
    *,
    home: Place | None = None,
    router: RouteFn | None = None,
) -> list[Journey]:
    """Journeys from the dated travel events that name a point-like destination."""
    router = router or default_router
    by_id = {p.id: p for p in places}
    if home is not None:
        by_id.setdefault(home.id, home)
    # A departure alone ("left Hobart on Dec. 28") starts a trip as well as an arrival.
    travel = [
        e for e in events
        if e.travel and e.date is not None and (e.destination in by_id or e.origin in by_id)
        and e.status in JOURNEY_STATUSES
    ]
    # An undated leg that sets out from a stop of a trip told before it ("From Dong Dang, Kim travelled
    # the 170 km to Hanoi by car") continues that trip from there.
    onward = [
        e for e in events
        if e.travel and e.date is None and e.origin in by_id and e.destination in by_id
        and e.origin != e.destination and e.status in JOURNEY_STATUSES
    ]
    journeys: list[Journey] = []
    for trip in _trips(travel):
        if not any(e.destination in by_id for e in trip):
            continue  # departures only: where the trip went is not said
        stops: list[str] = []
        stop_modes: list[Mode] = []
        for e in trip:
            # A stated origin ("flew from Washington", "left Kyiv") is a stop of its own when the trip
            # is not already there; it reaches the first leg's start or bridges a gap between legs.
            # (A departure with no arrival only opens a trip: mid-trip it is often someone else's.)
            if e.origin in by_id and e.origin != e.destination and e.origin not in stops \
                    and (e.destination in by_id or not stops):
                stops.append(e.origin)
                stop_modes.append("unknown")
            own = dict(e.leg_modes)
            for stop in (*(v for v in e.via if v in by_id), *([e.destination] if e.destination in by_id else [])):
                if not stops or stops[-1] != stop:
                    stops.append(stop)
                    stop_modes.append(own.get(stop, e.mode))
        continued: list[Event] = []
        for e in list(onward):
            told_after = any(t.article == e.article and t.start < e.start for t in trip)
            if told_after and e.origin in stops and e.destination not in stops:
                at = stops.index(e.origin) + 1  # type: ignore[arg-type]
                stops.insert(at, e.destination)  # type: ignore[arg-type]
                stop_modes.insert(at, e.mode)
                continued.append(e)
                onward.remove(e)
        trip = trip + continued
        mode: Mode = next((m for m in stop_modes if m != "unknown"), "unknown")
        inferred_origin = home is not None and stops[0] != home.id and trip[0].origin not in by_id
        if inferred_origin:
            assert home is not None
            stops.insert(0, home.id)
            stop_modes.insert(0, mode)
        legs: list[Leg] = []
        for k in range(1, len(stops)):
            a, b = by_id[stops[k - 1]], by_id[stops[k]]
            # A leg whose sentence names no mode goes on as the previous leg went ("boarded a train at
            # Przemysl ... arrived in Kyiv"); the first one takes the trip's first stated mode.
            leg_mode: Mode = stop_modes[k] if stop_modes[k] != "unknown" else legs[-1].mode if legs else mode
            geometry, length, routed = router(a.latlon, b.latlon, leg_mode)
            legs.append(
                Leg(
                    origin=a.id,
                    destination=b.id,
                    mode=leg_mode,
                    length_km=length,
                    geometry=geometry,
                    inferred=inferred_origin and k == 1,
                    routed=routed,
                )
            )
        first = trip[0]
        assert first.date is not None
        journeys.append(
            Journey(
                id=f"j{len(journeys) + 1}",
                mode=mode,
                date=first.date,
                stops=tuple(stops),
                events=tuple(e.id for e in trip),
                legs=tuple(legs),
                label=_label(first.date, first.granularity, [leg.mode for leg in legs] or [mode], by_id[stops[-1]].name),
            )
        )
    return journeys


def _label(date: dt.date, granularity: str, modes: Sequence[str], destination: str) -> str:
    # at the precision the text gave: "1962", "2011-09", "1950s" (a decade), "2011-08-20"
    when = f"{date.year // 10 * 10}s" if granularity == "decade" else date_value(date, granularity) or date.isoformat()
    known = list(dict.fromkeys(m for m in modes if m != "unknown"))  # "road and air journey": legs in order
    how = f"{' and '.join(known)} journey" if known else "journey"
    return f"{when} {how} to {destination}"
