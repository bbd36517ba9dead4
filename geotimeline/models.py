"""The small, frozen records that flow through geotimeline.

Data moves one way, and each arrow is a plain function over these records::

    Article --extract--> DateMention, PlaceMention
            --events-->  Event
            --resolve--> Place
            --journeys-> Journey (of Legs)
            --views-->   folium map, Plotly timeline, HTML / JSON / CSV / GeoJSON

Everything here is immutable and JSON-friendly (``to_dict``), so a :class:`Story`
can be cached, diffed and exported without knowing who made it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

LatLon = tuple[float, float]
"""A point as (latitude, longitude) in decimal degrees, WGS84."""

Granularity = Literal["year", "month", "day", "week", "season", "quarter", "half", "decade", "century", "time",
                      "unknown"]
Status = Literal["happened", "scheduled", "expected", "reported", "claimed"]
Mode = Literal["train", "air", "road", "sea", "unknown"]


@dataclass(frozen=True)
class Article:
    """One input document, as ingested."""

    id: str
    title: str
    body: str
    published: dt.date | None
    source: str = ""
    """Where it came from: a path, a URL or ``"<pasted>"``."""


@dataclass(frozen=True)
class DateMention:
    """A temporal expression with its TIMEX3 type and normalised value.

    ``value`` follows TimeML (``2011-08-20``, ``2011-09``, ``2011-W33``,
    ``PRESENT_REF``, ``P3D``, ``XXXX-WXX-1``). ``date`` / ``end_date`` are the
    calendar span the value covers when it is a calendar date (``2011-09`` is
    2011-09-01 .. 2011-09-30) and ``None`` otherwise (durations, sets, vague refs).
    """

    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    granularity: Granularity = "unknown"
    date: dt.date | None = None
    end_date: dt.date | None = None


@dataclass(frozen=True)
class PlaceMention:
    """A toponym as written in the text, with character offsets."""

    start: int
    end: int
    text: str
    name: str = ""
    """The name to look up (``text`` without possessive ``'s`` etc.); defaults to ``text``."""
    metonym: bool = False
    """True when the name stands for an institution ("Moscow would send grain")."""

    @property
    def query(self) -> str:
        return self.name or self.text


@dataclass(frozen=True)
class Candidate:
    """One gazetteer entry that a name may refer to, with the resolver's score."""

    name: str
    lat: float
    lon: float
    country: str = ""
    """ISO 3166-1 alpha-2 code, empty for supranational features."""
    kind: str = "city"
    """city, country, admin1, admin2, continent, region, mountain, sea, river, island, historical, ..."""
    population: int = 0
    source: str = "geonames"
    geonameid: int | None = None
    score: float = 0.0


@dataclass(frozen=True)
class MentionRef:
    """Where a place is mentioned."""

    article: str
    start: int
    end: int
    text: str
    metonym: bool = False


@dataclass(frozen=True)
class Place:
    """A resolved place: what the map shows."""

    id: str
    name: str
    lat: float
    lon: float
    country: str = ""
    kind: str = "city"
    source: str = "geonames"
    confidence: float = 0.0
    mentions: tuple[MentionRef, ...] = ()
    alternatives: tuple[Candidate, ...] = ()

    @property
    def latlon(self) -> LatLon:
        return (self.lat, self.lon)


@dataclass(frozen=True)
class Unresolved:
    """A place mention that no gazetteer could resolve; kept, never dropped."""

    name: str
    mentions: tuple[MentionRef, ...] = ()


@dataclass(frozen=True)
class Event:
    """One happening: a date (maybe none), the places involved, and where it was said."""

    id: str
    article: str
    date: dt.date | None
    end_date: dt.date | None
    granularity: Granularity
    date_text: str
    places: tuple[str, ...]
    """Place ids, in order of mention."""
    summary: str
    sentence: str
    start: int
    end: int
    mode: Mode = "unknown"
    status: Status = "happened"
    travel: bool = False
    """True when the sentence describes movement (arrive, travel, visit ...)."""
    destination: str | None = None
    """Place id the movement is towards, when the sentence says so."""
    origin: str | None = None
    """Place id the movement starts from ("flew from Washington", "left Kyiv"), when the sentence says so."""
    via: tuple[str, ...] = ()
    """Place ids of earlier stops named in the same clause ("a visit to Iqaluit before flying back to Rome")."""
    leg_modes: tuple[tuple[str, Mode], ...] = ()
    """(stop, mode) for the stops (``via`` and ``destination``) whose stretch of the sentence names its own
    mode: "by bus to Buenos Aires, where they boarded a flight to Madrid"."""
    actor: str = ""
    """Who the event is about, when known ("Kim Jong-il")."""
    timex: str = ""
    """The TIMEX3 value of ``date_text`` ("2024-04-02T21:40", "2025-H1"): the clock time or period that
    ``date`` and ``granularity`` round to a day or a month."""

    @property
    def undated(self) -> bool:
        return self.date is None


@dataclass(frozen=True)
class Leg:
    """One hop of a journey, with its drawn route."""

    origin: str
    destination: str
    mode: Mode
    length_km: float
    geometry: tuple[LatLon, ...]
    """(lat, lon) points in travel order; at least two."""
    inferred: bool = False
    """True when ``origin`` was not named in the text but inferred."""
    routed: bool = False
    """True when the shape follows a network (rail), False for a great circle."""

    def to_geojson(self) -> dict[str, Any]:
        """A GeoJSON LineString (note: GeoJSON is lon, lat)."""
        return {"type": "LineString", "coordinates": [[round(lon, 5), round(lat, 5)] for lat, lon in self.geometry]}


@dataclass(frozen=True)
class Journey:
    """Ordered stops travelled in one mode, linked to the events that describe it."""

    id: str
    mode: Mode
    date: dt.date | None
    stops: tuple[str, ...]
    events: tuple[str, ...]
    legs: tuple[Leg, ...] = ()
    label: str = ""

    @property
    def length_km(self) -> float:
        return sum(leg.length_km for leg in self.legs)


@dataclass(frozen=True)
class Story:
    """Everything geotimeline knows about one or more articles."""

    articles: tuple[Article, ...]
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    journeys: tuple[Journey, ...] = ()
    unresolved: tuple[Unresolved, ...] = ()
    warnings: tuple[str, ...] = field(default=())

    def place(self, place_id: str) -> Place | None:
        return next((p for p in self.places if p.id == place_id), None)

    def to_dict(self) -> dict[str, Any]:
        """The ``geotimeline.story/1`` JSON shape (see ``geotimeline.export``)."""
        from geotimeline.serialize import story_to_dict

        return story_to_dict(self)


def iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def same_actor(a: str, b: str) -> bool:
    """Two named actors are one when they share a name word ("Kim" and "Kim Jong-il"); an unnamed one
    ("The train arrived") goes with anyone."""
    if not a or not b:
        return True
    return bool({w.casefold() for w in a.split()} & {w.casefold() for w in b.split()})


def date_value(value: dt.date | None, granularity: str) -> str | None:
    """A date written to its known precision: ``2001``, ``2011-09``, ``2011-08-20``."""
    if value is None:
        return None
    if granularity in ("year", "decade", "century"):
        return f"{value.year:04d}"
    if granularity in ("month", "season", "quarter", "half"):
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


__all__ = [
    "Article",
    "Candidate",
    "DateMention",
    "Event",
    "Journey",
    "LatLon",
    "Leg",
    "MentionRef",
    "Place",
    "PlaceMention",
    "Story",
    "Unresolved",
]
