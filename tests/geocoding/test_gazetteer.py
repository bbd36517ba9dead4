"""The offline gazetteer: building from (synthetic) sources, lookups, geopy-style geocode."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pytest

from geotimeline.errors import GazetteerError
from geotimeline.geocoding.base import Geocoder
from geotimeline.geocoding.gazetteer import Gazetteer
from geotimeline.geocoding.index_build import Sources, build_index
from geotimeline.geocoding.names import fold
from geotimeline.settings import Settings

CITIES = [
    # geonameid, name, lat, lon, cc, admin1 code, population, alternate names
    (1, "Springfield", 39.80, -89.64, "US", "IL", 114394, ["Springfield"]),
    (2, "Springfield", 37.22, -93.30, "US", "MO", 169176, []),
    (3, "Moscow", 55.75, 37.62, "RU", "48", 10381222, ["Moskva", "Moscou"]),
    (4, "Moscow", 46.73, -117.00, "US", "ID", 25060, []),
    (5, "Vladivostok", 43.11, 131.87, "RU", "59", 604901, ["Wladiwostok", "VVO", "\u0412\u043b\u0430\u0434\u0438\u0432\u043e\u0441\u0442\u043e\u043a"]),
    (6, "Z\u00fcrich", 47.37, 8.55, "CH", "ZH", 341730, ["Zurich"]),
    (7, "Alexandria", 31.31, -92.45, "US", "LA", 47723, []),
    (8, "Pineville", 31.32, -92.43, "US", "LA", 14555, []),
]
REGIONS = [  # lat, lon, name, admin1, admin2, cc
    (39.80, -89.64, "Springfield", "Illinois", "Sangamon County", "US"),
    (41.85, -87.65, "Chicago", "Illinois", "Cook County", "US"),
    (37.22, -93.30, "Springfield", "Missouri", "Greene County", "US"),
    (55.75, 37.62, "Moscow", "Moscow", "", "RU"),
    (43.11, 131.87, "Vladivostok", "Primorskiy", "", "RU"),
    (44.80, 132.00, "Spassk-Dal'niy", "Primorskiy", "", "RU"),
    (31.31, -92.45, "Alexandria", "Louisiana", "Rapides Parish", "US"),
    (31.32, -92.43, "Pineville", "Louisiana", "Rapides Parish", "US"),
    (47.37, 8.55, "Zurich", "Zurich", "", "CH"),
]


def _write_csv(path: Path, header: list[str], rows: list[tuple]) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> Sources:
    root = tmp_path_factory.mktemp("sources")
    cities = {
        str(gid): {"geonameid": gid, "name": name, "latitude": lat, "longitude": lon, "countrycode": cc,
                   "admin1code": a1, "population": pop, "alternatenames": alts}
        for gid, name, lat, lon, cc, a1, pop, alts in CITIES
    }
    (root / "cities.json").write_text(json.dumps(cities), encoding="utf-8")
    _write_csv(root / "rg.csv", ["lat", "lon", "name", "admin1", "admin2", "cc"], REGIONS)
    countries = {
        "RU": {"geonameid": 2017370, "name": "Russia", "iso": "RU", "capital": "Moscow", "population": 144000000},
        "US": {"geonameid": 6252001, "name": "United States", "iso": "US", "capital": "Washington",
               "population": 327000000},
    }
    (root / "countries.json").write_text(json.dumps(countries), encoding="utf-8")
    (root / "states.json").write_text(json.dumps({"IL": {"code": "IL", "name": "Illinois"}}), encoding="utf-8")
    zips = [  # two ZIP codes of one small town; a ZIP town GeoNames already has; one named like a region
        {"zip_code": "62001", "zip_code_type": "STANDARD", "city": "Alhambra", "state": "IL", "county": "Madison County",
         "lat": "38.8800", "long": "-89.7400"},
        {"zip_code": "62002", "zip_code_type": "PO BOX", "city": "Alhambra", "state": "IL", "county": "Madison County",
         "lat": "38.9000", "long": "-89.7000"},
        {"zip_code": "62701", "zip_code_type": "STANDARD", "city": "Springfield", "state": "IL",
         "county": "Sangamon County", "lat": "39.8000", "long": "-89.6500"},
        {"zip_code": "62999", "zip_code_type": "STANDARD", "city": "East Illinois", "state": "IL", "county": "",
         "lat": "39.0000", "long": "-88.0000"},
        {"zip_code": "62998", "zip_code_type": "UNIQUE", "city": "Big Company", "state": "IL", "county": "",
         "lat": "39.0000", "long": "-88.0000"},
    ]
    (root / "zips.json").write_text(json.dumps(zips), encoding="utf-8")
    data = root / "data"
    data.mkdir()
    _write_csv(data / "countries.csv", ["iso2", "name", "alternate_names", "lat", "lon", "population"],
               [("RU", "Russia", "Russian Federation", 60.0, 100.0, 144000000),
                ("US", "United States", "U.S.|USA", 39.76, -98.5, 327000000)])
    _write_csv(data / "features.csv", ["name", "alternate_names", "lat", "lon", "country", "kind", "population"],
               [("Mount Paektu", "Paektu|Baekdu", 41.99, 128.08, "KP", "mountain", 0)])
    _write_csv(data / "abbreviations.csv", ["abbreviation", "name", "country"],
               [("Ill.", "Illinois", "US"), ("IL", "Illinois", "US")])
    _write_csv(data / "demonyms.csv", ["demonym", "name", "country"], [("Russian", "Russia", "RU")])
    _write_csv(data / "stopnames.csv", ["name", "reason"], [("Alexandria", "test_only")])
    # historical.csv and places.csv are deliberately missing: the build must skip them.
    return Sources(data_dir=data, cities=root / "cities.json", regions=root / "rg.csv",
                   countries=root / "countries.json", continents=root / "none.json", us_states=root / "states.json",
                   postal=root / "zips.json")


@pytest.fixture(scope="module")
def tiny(sources: Sources, tmp_path_factory: pytest.TempPathFactory) -> Gazetteer:
    path = build_index(tmp_path_factory.mktemp("index") / "gaz.sqlite", progress=False, sources=sources)
    return Gazetteer(path)


@pytest.mark.parametrize(
    ("name", "country", "kind"),
    [
        ("Moscow", "RU", "city"),
        ("moskva", "RU", "city"),
        ("Zurich", "CH", "city"),
        ("Z\u00fcrich", "CH", "city"),
        ("Wladiwostok", "RU", "city"),
        ("Russia", "RU", "country"),
        ("U.S.", "US", "country"),
        ("USA", "US", "country"),
        ("Illinois", "US", "admin1"),
        ("Ill.", "US", "admin1"),
        ("Primorskiy", "RU", "admin1"),
        ("Primorsky Krai", "RU", "admin1"),
        ("Rapides Parish", "US", "admin2"),
        ("Paektu", "KP", "mountain"),
    ],
)
def test_best_candidate_by_prior(tiny: Gazetteer, name: str, country: str, kind: str) -> None:
    best = tiny.candidates(name)[0]
    assert (best.country, best.kind) == (country, kind)
    assert best.score == 0


def test_us_postal_towns_fill_what_geonames_lacks(tiny: Gazetteer) -> None:
    (alhambra,) = tiny.rows("alhambra")
    assert (alhambra[1], alhambra[4], alhambra[6], alhambra[7], alhambra[9]) == ("Alhambra", "US", 0, "zipcodes",
                                                                                 "Illinois")
    assert alhambra[10] == "Madison County" and 38.87 < alhambra[2] < 38.91
    # a postal town GeoNames already holds near by is GeoNames' town; regions' names and single firms stay out
    assert [r[7] for r in tiny.rows("springfield")] == ["geonames", "geonames"]
    assert tiny.rows("east illinois") == () and tiny.rows("big company") == ()


def test_unknown_names_give_nothing(tiny: Gazetteer) -> None:
    assert tiny.candidates("Atlantis") == []
    assert tiny.geocode("Atlantis") is None
    assert tiny.geocode("Atlantis", exactly_one=False) == []
    assert not tiny.is_known("Atlantis")
    assert not tiny.is_known("")


def test_codes_are_not_indexed_but_other_scripts_fold_to_latin(tiny: Gazetteer) -> None:
    assert not tiny.is_known("VVO")  # an airport code
    cyrillic = tiny.candidates("\u0412\u043b\u0430\u0434\u0438\u0432\u043e\u0441\u0442\u043e\u043a")
    assert [c.name for c in cyrillic] == ["Vladivostok"]


def test_postal_code_is_a_parent_only_name(tiny: Gazetteer) -> None:
    assert not tiny.is_known("IL")
    assert tiny.geocode("Springfield, IL").raw["admin1"] == "Illinois"


def test_derived_region_point_lies_among_its_members(tiny: Gazetteer) -> None:
    parish = tiny.candidates("Rapides Parish")[0]
    assert 31.3 <= parish.lat <= 31.33 and -92.45 <= parish.lon <= -92.43
    assert parish.population == 47723 + 14555


def test_capital_outranks_the_region_of_the_same_name(tiny: Gazetteer) -> None:
    kinds = [c.kind for c in tiny.candidates("Moscow")]
    assert kinds[0] == "city" and "admin1" in kinds


def test_geocode_is_the_geopy_contract(tiny: Gazetteer) -> None:
    assert isinstance(tiny, Geocoder)
    loc = tiny.geocode("Moscow")
    assert (round(loc.latitude), round(loc.longitude)) == (56, 38)
    assert loc.raw["country"] == "RU"
    assert [l.raw["country"] for l in tiny.geocode("Moscow", exactly_one=False)][:2] == ["RU", "RU"]
    assert tiny.geocode("Springfield, Missouri").raw["admin1"] == "Missouri"


def test_demonyms_and_stopnames(tiny: Gazetteer) -> None:
    assert tiny.demonym("Russian") == ("Russia", "RU")
    assert tiny.demonym("Martian") is None
    assert tiny.is_stopname("Alexandria")


@pytest.mark.parametrize(("a", "b"), [("St. Louis", "Saint Louis"), ("U.S.", "US"), ("Primorskiy", "Primorsky"),
                                      ("Baden-W\u00fcrttemberg", "baden wurttemberg"), ("Mt. Hood", "Mount Hood"),
                                      ("Jisr ash-Shughur", "Jisr al-Shughur"), ("An Najaf", "al-Najaf"),
                                      ("Ad Diwaniyah", "Al Diwaniyah")])
def test_fold(a: str, b: str) -> None:
    assert fold(a) == fold(b)


def test_open_builds_when_missing_and_errors_are_translated(tmp_path: Path, sources: Sources,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import geotimeline.geocoding.gazetteer as module

    settings = Settings(cache_dir=str(tmp_path / "cache"))
    monkeypatch.setattr(module, "build_index",
                        lambda path, progress=True: build_index(path, progress=False, sources=sources))
    stale = settings.gazetteer_path.parent / "gazetteer-v1-000000000000.sqlite"
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    gaz = Gazetteer.open(settings)
    assert settings.gazetteer_path.exists()
    assert not stale.exists()  # an index of older sources is removed once the new one is in place
    assert int(gaz.meta()["places"]) > 10
    assert not list(settings.gazetteer_path.parent.glob("*.tmp"))  # atomic: no leftovers
    assert gaz.is_known("Moscow")

    with pytest.raises(GazetteerError):
        Gazetteer(tmp_path / "missing.sqlite")
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(b"this is not a database" * 100)
    with pytest.raises(GazetteerError):
        Gazetteer(broken)
    empty = tmp_path / "empty.sqlite"
    sqlite3.connect(empty).close()
    with pytest.raises(GazetteerError):
        Gazetteer(empty)


def test_build_fails_cleanly_without_cities(tmp_path: Path, sources: Sources) -> None:
    from dataclasses import replace

    with pytest.raises(GazetteerError):
        build_index(tmp_path / "x.sqlite", progress=False, sources=replace(sources, cities=tmp_path / "nope.json"))
    assert not (tmp_path / "x.sqlite").exists()


def test_real_index(gazetteer: Gazetteer) -> None:
    """The index built from the real sources knows the seed's places and big regions."""
    expect = {"Khasan": "RU", "Vladivostok": "RU", "Pyongyang": "KP", "Mount Paektu": "KP",
              "Primorsky Krai": "RU", "Karnataka": "IN", "Bavaria": "DE", "Rapides Parish": "US", "Calif.": "US"}
    for name, country in expect.items():
        assert country in {c.country for c in gazetteer.candidates(name)}, name
    assert gazetteer.candidates("Moscow")[0].country == "RU"
    assert gazetteer.candidates("Bavaria")[0].kind == "admin1"


def test_curated_admin1_points_override_derived_ones(tmp_path: Path, sources: Sources) -> None:
    """data/gazetteer/admin1.csv: a row moves the derived region of that country and name to its curated
    point (keeping its population and generated aliases, adding its alternate names); a row matching no
    derived region adds one."""
    import shutil
    from dataclasses import replace

    data = tmp_path / "data"
    shutil.copytree(sources.data_dir, data)
    _write_csv(data / "admin1.csv", ["country", "name", "lat", "lon", "alternate_names"],
               [("RU", "Primorskiy", 45.25, 134.5, "Primorye Region"),
                ("RU", "Amur", 53.5, 127.5, "Amur Oblast")])
    gaz = Gazetteer(build_index(tmp_path / "gaz.sqlite", progress=False, sources=replace(sources, data_dir=data)))
    primorye = gaz.candidates("Primorskiy")[0]
    assert (primorye.kind, primorye.lat, primorye.lon, primorye.source) == ("admin1", 45.25, 134.5, "curated")
    assert primorye.population > 0  # the derived region's, from its member towns
    for alias in ("Primorsky Krai", "Primorye Region"):
        assert (gaz.candidates(alias)[0].lat, gaz.candidates(alias)[0].lon) == (45.25, 134.5)
    amur = gaz.candidates("Amur Oblast")[0]
    assert (amur.name, amur.kind, amur.country, amur.lat, amur.lon) == ("Amur", "admin1", "RU", 53.5, 127.5)
    assert len([c for c in gaz.candidates("Primorskiy") if c.kind == "admin1"]) == 1  # moved, not duplicated
    illinois = gaz.candidates("Illinois")[0]  # no curated row: still derived from its member towns
    assert illinois.source == "derived" and 39.8 <= illinois.lat <= 41.85


def test_curated_admin2_row_moves_its_own_county_not_a_namesake_elsewhere(tmp_path: Path, sources: Sources) -> None:
    """data/gazetteer/admin2.csv: a row matching a derived county of its first-level region moves it; a row named
    like a county of another region of that country (Northumberland County of Ontario and of New Brunswick)
    becomes a county of its own and leaves the other where it was."""
    import shutil
    from dataclasses import replace

    data = tmp_path / "data"
    shutil.copytree(sources.data_dir, data)
    _write_csv(data / "admin2.csv", ["country", "admin1", "name", "alternate_names", "lat", "lon", "population"],
               [("US", "Louisiana", "Rapides Parish", "", 31.2, -92.5, 130000),
                ("US", "Missouri", "Cook County", "", 37.0, -92.0, 1000)])
    gaz = Gazetteer(build_index(tmp_path / "gaz.sqlite", progress=False, sources=replace(sources, data_dir=data)))
    rapides = [c for c in gaz.candidates("Rapides Parish") if c.kind == "admin2"]
    assert [(c.lat, c.lon, c.source) for c in rapides] == [(31.2, -92.5, "curated")]
    cooks = sorted((c.source, c.lat, c.lon) for c in gaz.candidates("Cook County") if c.kind == "admin2")
    assert len(cooks) == 2
    assert cooks[1] == ("derived", 41.85, -87.65) and cooks[0] == ("curated", 37.0, -92.0)
