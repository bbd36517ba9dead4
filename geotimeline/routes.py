"""Route shapes for journey legs: along the rail network for trains, a great circle otherwise.

The rail network is curated data (``data/rail/stations.csv`` and ``data/rail/lines.csv``,
provenance in ``data/README.md``): stations with coordinates, and lines as ordered lists of
station ids, where consecutive stations are joined both ways. It is read once, lazily::

    >>> from geotimeline.routes import RailNetwork, route
    >>> net = RailNetwork.load()
    >>> net.nearest_station((43.12, 131.89)).name
    'Vladivostok'
    >>> r = route((43.11, 131.88), (55.75, 37.62), "train")   # Vladivostok -> Moscow
    >>> r.routed, 9200 < r.length_km < 9400, "Khabarovsk" in r.via
    (True, True, True)

A train leg is snapped to the station nearest each end (within ``max_snap_km``; the other
stations of the same city are tried too, so a leg leaves Moscow from the terminal facing its
direction), the cheapest path between them is found with Dijkstra, and the requested end points
are joined to their stations by short straight segments. When either end is too far from any
station, or the two stations are not connected, :meth:`RailNetwork.shortest_path` returns
``None`` and :func:`route` falls back to a :func:`great_circle`, with ``routed=False``::

    >>> route((43.11, 131.88), (21.31, -157.86), "train").routed      # Honolulu: no rails
    False

Lengths are track lengths, not chords: a line in ``lines.csv`` may give km posts (the official
chainage) for some of its stations, and the track between two posts is shared among the
stations there in proportion to their spacing; without posts an edge measures its geodesic
length, which runs 5-30 % short of the real track. The path's cost is that length, times the
line's ``weight`` (slow lines such as the BAM) and :data:`TRANSIT_FACTOR` for third countries.

Every other mode (air, sea, road, unknown) is drawn as a great circle; roads are not modelled.
"""

from __future__ import annotations

import csv
import functools
import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from geographiclib.geodesic import Geodesic
from geopy.distance import geodesic

from geotimeline.errors import RailDataError
from geotimeline.models import LatLon
from geotimeline.settings import DATA_DIR

RAIL_DIR = DATA_DIR / "rail"
"""Where ``stations.csv`` and ``lines.csv`` live."""

MAX_SNAP_KM = 60.0
"""A leg end further than this from every station is off the network."""

TRANSIT_FACTOR = 2.5
"""Cost multiplier for track in a country that is neither the origin's nor the destination's.

Through trains avoid third countries when a domestic or bilateral line exists (border and
gauge changes cost hours): Pyongyang–Moscow runs via Tumangang–Khasan, not via Harbin, and
Vladivostok–Moscow stays on the Trans-Siberian rather than cutting across Manchuria, although
both detours are shorter on the map. Lengths are always reported unweighted."""

CITY_SPREAD_KM = 10.0
"""Stations up to this much further than the nearest one are also tried as a leg's end."""

CONNECTOR_MIN_KM = 0.5
"""Requested end points closer than this to their station are not drawn as a separate segment."""

_EARTH_KM = 6371.0088


@dataclass(frozen=True)
class Station:
    """A railway station (or a named junction) with its WGS84 position."""

    id: str
    name: str
    lat: float
    lon: float
    country: str
    """ISO 3166-1 alpha-2 code."""
    alternate_names: tuple[str, ...] = ()

    @property
    def latlon(self) -> LatLon:
        return (self.lat, self.lon)


@dataclass(frozen=True)
class Line:
    """A railway line: stations in order along the track."""

    id: str
    name: str
    countries: tuple[str, ...]
    stations: tuple[str, ...]
    km: tuple[float | None, ...] = ()
    """Km posts (track chainage) of the stations where known, ``None`` elsewhere; empty for none."""
    weight: float = 1.0
    """Routing cost per track km; above 1 for slow lines that through trains avoid."""


@dataclass(frozen=True)
class Route:
    """A drawable route between two points."""

    geometry: tuple[LatLon, ...]
    """(lat, lon) points in travel order; at least two."""
    length_km: float
    """Track length for rail routes (km posts where the data has them, geodesic elsewhere,
    plus the straight connectors at the ends); geodesic length for a great circle."""
    routed: bool
    """True when the shape follows the rail network, False for a great circle."""
    via: tuple[str, ...] = ()
    """Names of the stations passed, in order (empty for a great circle)."""


def path_length_km(points: Sequence[LatLon]) -> float:
    """Geodesic length of a polyline, in km."""
    return sum(geodesic(p, q).km for p, q in zip(points, points[1:]))


def great_circle(a: LatLon, b: LatLon, points: int = 32) -> Route:
    """The geodesic arc from ``a`` to ``b`` as ``points`` interpolated positions (``routed=False``).

    Longitudes are kept continuous along the arc, so an arc across the antimeridian may leave
    [-180, 180] (``179.5`` is followed by ``180.5``, not ``-179.5``): a web map then draws it
    as one short arc instead of a line across the whole world.
    """
    points = max(points, 2)
    arc = Geodesic.WGS84.InverseLine(a[0], a[1], b[0], b[1])
    geometry: list[LatLon] = []
    for k in range(points):
        p = arc.Position(arc.s13 * k / (points - 1))
        lon = p["lon2"]
        if geometry:
            prev = geometry[-1][1]
            lon += 360.0 * round((prev - lon) / 360.0)
        else:
            lon = a[1]
        geometry.append((p["lat2"], lon))
    geometry[0] = (a[0], a[1])
    last_lon = b[1] + 360.0 * round((geometry[-1][1] - b[1]) / 360.0)
    geometry[-1] = (b[0], last_lon)
    return Route(geometry=tuple(geometry), length_km=arc.s13 / 1000.0, routed=False)


def _haversine_km(a: LatLon, b: LatLon) -> float:
    # Only used to rank candidates quickly; reported distances are geodesic.
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 2 * _EARTH_KM * math.asin(min(1.0, math.sqrt(h)))


class RailNetwork:
    """An undirected graph of stations joined by the lines that pass them.

    Each edge knows its track length: the difference of the line's km posts, spread over the
    stations between two posts in proportion to their geodesic spacing, or the geodesic
    distance where a line gives no posts. Its routing cost is the track length times the
    line's ``weight`` (and :data:`TRANSIT_FACTOR` for third countries).
    """

    def __init__(self, stations: Iterable[Station], lines: Iterable[Line]) -> None:
        self.stations: dict[str, Station] = {}
        for s in stations:
            if s.id in self.stations:
                raise RailDataError(f"duplicate station id {s.id!r}")
            self.stations[s.id] = s
        self.lines: tuple[Line, ...] = tuple(lines)
        # station id -> neighbour id -> (track km, routing weight)
        self._edges: dict[str, dict[str, tuple[float, float]]] = {sid: {} for sid in self.stations}
        for line in self.lines:
            for (u, v), km in zip(zip(line.stations, line.stations[1:]), self._track_lengths(line)):
                old = self._edges[u].get(v)
                if old is None or km * line.weight < old[0] * old[1]:
                    self._edges[u][v] = self._edges[v][u] = (km, line.weight)

    def _track_lengths(self, line: Line) -> list[float]:
        if len(line.stations) < 2:
            raise RailDataError(f"line {line.id!r} needs at least two stations")
        for sid in line.stations:
            if sid not in self.stations:
                raise RailDataError(f"line {line.id!r} names unknown station id {sid!r}")
        if line.km and len(line.km) != len(line.stations):
            raise RailDataError(f"line {line.id!r}: {len(line.km)} km posts for {len(line.stations)} stations")
        chords = []
        for u, v in zip(line.stations, line.stations[1:]):
            if u == v:
                raise RailDataError(f"line {line.id!r} repeats station {u!r}")
            chords.append(geodesic(self.stations[u].latlon, self.stations[v].latlon).km)
        posts = [i for i, km in enumerate(line.km) if km is not None]
        factors = [1.0] * len(chords)
        for i, j in zip(posts, posts[1:]):
            track, chord = abs(line.km[j] - line.km[i]), sum(chords[i:j])  # type: ignore[operator]
            # Track is never shorter than the chord; a ratio far off means a typo in a post or a coordinate.
            if not 0.95 * chord <= track <= 2.5 * chord:
                raise RailDataError(
                    f"line {line.id!r}: km posts give {track:.0f} km between {line.stations[i]!r} and "
                    f"{line.stations[j]!r}, {chord:.0f} km apart as the crow flies"
                )
            factors[i:j] = [max(track / chord, 1.0)] * (j - i)
        if posts:
            factors[: posts[0]] = [factors[posts[0]] if posts[0] < len(chords) else 1.0] * posts[0]
            factors[posts[-1] :] = [factors[posts[-1] - 1] if posts[-1] > 0 else 1.0] * (len(chords) - posts[-1])
        return [c * f for c, f in zip(chords, factors)]

    @classmethod
    def load(cls, directory: Path | None = None) -> RailNetwork:
        """The network in ``directory`` (default: the curated ``data/rail``, read once and cached)."""
        if directory is None:
            return _default_network()
        return cls(_read_stations(Path(directory) / "stations.csv"), _read_lines(Path(directory) / "lines.csv"))

    def neighbours(self, station_id: str) -> dict[str, float]:
        """Adjacent station ids with the track length of the edge in km."""
        return {v: km for v, (km, _) in self._edges[station_id].items()}

    def components(self) -> list[set[str]]:
        """Connected groups of station ids, largest first."""
        seen: set[str] = set()
        groups: list[set[str]] = []
        for start in self.stations:
            if start in seen:
                continue
            group, todo = {start}, [start]
            while todo:
                for nxt in self._edges[todo.pop()]:
                    if nxt not in group:
                        group.add(nxt)
                        todo.append(nxt)
            seen |= group
            groups.append(group)
        return sorted(groups, key=len, reverse=True)

    def nearest_station(self, point: LatLon, max_km: float = MAX_SNAP_KM) -> Station | None:
        """The station closest to ``point``, or ``None`` when none is within ``max_km``."""
        near = self._near(point, max_km)
        return near[0][0] if near else None

    def _near(self, point: LatLon, max_km: float) -> list[tuple[Station, float]]:
        # Every station of the same city as the nearest one, so a leg may leave Moscow from
        # the terminal that serves its direction rather than the one closest to the centre.
        if not self.stations:
            return []
        rough = sorted((_haversine_km(point, s.latlon), s.id) for s in self.stations.values())
        limit = min(max_km, rough[0][0] + CITY_SPREAD_KM) + 1.0
        near = [(self.stations[sid], geodesic(point, self.stations[sid].latlon).km) for d, sid in rough if d <= limit]
        return sorted(((s, km) for s, km in near if km <= max_km), key=lambda sk: sk[1])

    def shortest_path(self, a: LatLon, b: LatLon, max_snap_km: float = MAX_SNAP_KM) -> Route | None:
        """The rail route from ``a`` to ``b``, or ``None`` when an end is off the network,
        both ends snap to the same station, or the two stations are not connected."""
        starts, goals = self._near(a, max_snap_km), self._near(b, max_snap_km)
        if not starts or not goals:
            return None
        found = self._dijkstra(starts, goals, home={starts[0][0].country, goals[0][0].country})
        if found is None:
            return None
        ids, track_km = found
        if len(ids) < 2:
            return None
        points = [self.stations[sid].latlon for sid in ids]
        length = track_km
        head, tail = geodesic(a, points[0]).km, geodesic(points[-1], b).km
        if head >= CONNECTOR_MIN_KM:
            points.insert(0, (a[0], a[1]))
            length += head
        if tail >= CONNECTOR_MIN_KM:
            points.append((b[0], b[1]))
            length += tail
        return Route(
            geometry=tuple(points),
            length_km=length,
            routed=True,
            via=tuple(self.stations[sid].name for sid in ids),
        )

    def _dijkstra(
        self, starts: list[tuple[Station, float]], goals: list[tuple[Station, float]], home: set[str]
    ) -> tuple[list[str], float] | None:
        """Cheapest station path from any start to any goal (connector lengths included)."""
        best: dict[str, float] = {}
        track: dict[str, float] = {}
        previous: dict[str, str] = {}
        queue: list[tuple[float, str]] = []
        for s, km in starts:
            if km < best.get(s.id, math.inf):
                best[s.id], track[s.id] = km, 0.0
                heapq.heappush(queue, (km, s.id))
        exits = {s.id: km for s, km in goals}
        arrival: tuple[float, str] | None = None
        while queue:
            d, u = heapq.heappop(queue)
            if arrival is not None and d >= arrival[0]:
                break
            if d > best[u]:
                continue
            if u in exits and (arrival is None or d + exits[u] < arrival[0]):
                arrival = (d + exits[u], u)
            for v, (km, weight) in self._edges[u].items():
                transit = self.stations[u].country not in home and self.stations[v].country not in home
                nd = d + km * weight * (TRANSIT_FACTOR if transit else 1.0)
                if nd < best.get(v, math.inf):
                    best[v], track[v], previous[v] = nd, track[u] + km, u
                    heapq.heappush(queue, (nd, v))
        if arrival is None:
            return None
        path = [arrival[1]]
        while path[-1] in previous:
            path.append(previous[path[-1]])
        return path[::-1], track[arrival[1]]


def route(a: LatLon, b: LatLon, mode: str, network: RailNetwork | None = None) -> Route:
    """The drawn route of one leg: rail for ``"train"`` when both ends are on the network,
    otherwise a great circle."""
    if mode == "train":
        rail = (network or RailNetwork.load()).shortest_path(a, b)
        if rail is not None:
            return rail
    return great_circle(a, b)


@functools.cache
def _default_network() -> RailNetwork:
    return RailNetwork.load(RAIL_DIR)


def _rows(path: Path, required: Sequence[str]) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.DictReader(f)
            missing = [c for c in required if c not in (reader.fieldnames or ())]
            if missing:
                raise RailDataError(f"{path}: missing column(s) {', '.join(missing)}")
            return list(reader)
    except OSError as exc:
        raise RailDataError(f"cannot read rail data {path}: {exc}") from exc


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split("|") if part.strip())


def _read_stations(path: Path) -> list[Station]:
    stations = []
    for n, row in enumerate(_rows(path, ("id", "name", "lat", "lon", "country")), start=2):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except (TypeError, ValueError) as exc:
            raise RailDataError(f"{path}:{n}: bad coordinate for {row.get('id')!r}") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise RailDataError(f"{path}:{n}: coordinate out of range for {row['id']!r}: {lat}, {lon}")
        if not row["id"].strip():
            raise RailDataError(f"{path}:{n}: empty station id")
        stations.append(
            Station(
                id=row["id"].strip(),
                name=row["name"].strip(),
                lat=lat,
                lon=lon,
                country=row["country"].strip(),
                alternate_names=_split(row.get("alternate_names")),
            )
        )
    return stations


def _read_lines(path: Path) -> list[Line]:
    lines = []
    for n, row in enumerate(_rows(path, ("line", "name", "stations")), start=2):
        stations = _split(row["stations"])
        try:
            km = tuple(float(x) if x.strip() else None for x in (row.get("km") or "").split("|")) if row.get("km") else ()
            weight = float(row.get("weight") or 1.0)
        except ValueError as exc:
            raise RailDataError(f"{path}:{n}: bad km post or weight in line {row['line']!r}") from exc
        if weight < 1.0:
            raise RailDataError(f"{path}:{n}: weight of line {row['line']!r} must be >= 1")
        lines.append(
            Line(
                id=(row["line"] or "").strip(),
                name=(row["name"] or "").strip(),
                countries=_split(row.get("country")),
                stations=stations,
                km=km,
                weight=weight,
            )
        )
    return lines


__all__ = [
    "MAX_SNAP_KM",
    "RAIL_DIR",
    "Line",
    "RailDataError",
    "RailNetwork",
    "Route",
    "Station",
    "great_circle",
    "path_length_km",
    "route",
]
