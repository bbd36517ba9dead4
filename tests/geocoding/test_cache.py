"""GeocodeCache and Corrections: persistence, folding, negative answers, validation."""

from __future__ import annotations

import math
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from geotimeline.errors import CacheError, InputError
from geotimeline.geocoding.cache import Corrections, GeocodeCache, fold_name
from geotimeline.models import Candidate
from geotimeline.settings import Settings

KHASAN = Candidate("Khasan", 42.4308, 130.6434, "RU", kind="city", population=700, source="online:nominatim",
                   score=0.4)
HASSAN = Candidate("Hassan", 13.0, 76.1, "IN", population=133436, geonameid=1270393, score=0.2)


@pytest.fixture
def cache(tmp_path: Path) -> GeocodeCache:
    return GeocodeCache(tmp_path / "geocode-cache.sqlite")


@pytest.fixture
def corrections(tmp_path: Path) -> Corrections:
    return Corrections(tmp_path / "corrections.sqlite")


# --- GeocodeCache ---------------------------------------------------------------------------------


def test_never_asked_is_none(cache: GeocodeCache) -> None:
    assert cache.get("nominatim", "Khasan") is None


def test_answers_round_trip_in_order(cache: GeocodeCache) -> None:
    cache.put("nominatim", "Khasan", [KHASAN, HASSAN])
    assert cache.get("nominatim", "Khasan") == [KHASAN, HASSAN]


def test_negative_answer_is_an_empty_list(cache: GeocodeCache) -> None:
    cache.put("nominatim", "Atlantis", [])
    assert cache.get("nominatim", "Atlantis") == []


@pytest.mark.parametrize("spelling", ["Khasan", "khasan", "  KHASAN ", "Khasan\t"])
def test_query_key_ignores_case_and_spacing(cache: GeocodeCache, spelling: str) -> None:
    cache.put("nominatim", "Khasan", [KHASAN])
    assert cache.get("nominatim", spelling) == [KHASAN]


def test_providers_do_not_share_answers(cache: GeocodeCache) -> None:
    cache.put("nominatim@127.0.0.1:8080", "Khasan", [KHASAN])
    assert cache.get("nominatim@nominatim.openstreetmap.org", "Khasan") is None


def test_put_replaces(cache: GeocodeCache) -> None:
    cache.put("nominatim", "Khasan", [])
    cache.put("nominatim", "Khasan", [KHASAN])
    assert cache.get("nominatim", "Khasan") == [KHASAN]
    assert len(cache) == 1


def test_answers_persist_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "dir" / "cache.sqlite"
    with GeocodeCache(path) as first:
        first.put("nominatim", "Khasan", [KHASAN])
        first.put("nominatim", "Atlantis", [])
    again = GeocodeCache(path)
    assert again.get("nominatim", "Khasan") == [KHASAN]
    assert again.get("nominatim", "Atlantis") == []


def test_clear_one_provider_or_all(cache: GeocodeCache) -> None:
    cache.put("a", "x", [KHASAN])
    cache.put("b", "x", [KHASAN])
    assert cache.clear("a") == 1
    assert cache.get("a", "x") is None and cache.get("b", "x") == [KHASAN]
    assert cache.clear() == 1
    assert len(cache) == 0


def test_open_uses_the_settings_path(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path))
    GeocodeCache.open(settings).put("nominatim", "Khasan", [KHASAN])
    assert settings.geocode_cache_path.exists()
    assert GeocodeCache(settings.geocode_cache_path).get("nominatim", "Khasan") == [KHASAN]


def test_shared_between_threads(cache: GeocodeCache) -> None:
    def work(i: int) -> list[Candidate] | None:
        cache.put("nominatim", f"place {i}", [Candidate(f"Place {i}", i / 10, i / 10)])
        return cache.get("nominatim", f"place {i}")

    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(work, range(64)))
    assert [r[0].name for r in results if r] == [f"Place {i}" for i in range(64)]
    assert len(cache) == 64


def test_a_file_that_is_not_sqlite_is_a_cache_error(tmp_path: Path) -> None:
    path = tmp_path / "geocode-cache.sqlite"
    path.write_bytes(b"this is not a database, just some bytes " * 100)
    with pytest.raises(CacheError) as info:
        GeocodeCache(path)
    assert isinstance(info.value, OSError)
    assert info.value.__cause__ is not None


def test_an_unusable_folder_is_a_cache_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(CacheError):
        GeocodeCache(blocker / "geocode-cache.sqlite")


# --- Corrections ----------------------------------------------------------------------------------


def test_correction_round_trip(corrections: Corrections) -> None:
    corrections.set("Khasan", 42.4308, 130.6434, label="Khasan, Primorsky Krai", country="ru", kind="city")
    found = corrections.get("Khasan")
    assert found == Candidate("Khasan, Primorsky Krai", 42.4308, 130.6434, "RU", kind="city", source="user",
                              score=1.0)


def test_unknown_name_is_none(corrections: Corrections) -> None:
    assert corrections.get("Moscow") is None


@pytest.mark.parametrize(
    ("saved", "asked"),
    [
        ("Moscow", "  moscow "),
        ("Moscow", "MOSCOW"),
        ("Mount Paektu", "mount   paektu"),
        ("Zürich", "Zurich"),
        ("Łódź", "lodz"),
        ("Kim Il-sung Square", "kim il-sung square"),
    ],
)
def test_lookup_is_on_the_folded_name(corrections: Corrections, saved: str, asked: str) -> None:
    corrections.set(saved, 10.0, 20.0)
    found = corrections.get(asked)
    assert found is not None and found.name == saved


@pytest.mark.parametrize(
    ("name", "folded"),
    [("  Moscow ", "moscow"), ("Zürich\tHB", "zurich hb"), ("ПХЕНЬЯН", "pkhen'yan"), ("", "")],
)
def test_fold_name(name: str, folded: str) -> None:
    assert fold_name(name) == folded


def test_set_replaces_the_choice_for_the_same_folded_name(corrections: Corrections) -> None:
    corrections.set("Moscow", 46.73, -117.0, country="US")
    corrections.set("  MOSCOW", 55.7558, 37.6173, country="RU")
    assert corrections.get("moscow").country == "RU"  # type: ignore[union-attr]
    assert len(corrections) == 1


def test_remove(corrections: Corrections) -> None:
    corrections.set("Moscow", 55.7558, 37.6173)
    assert corrections.remove(" moscow") is True
    assert corrections.get("Moscow") is None
    assert corrections.remove("Moscow") is False


def test_all_is_keyed_by_the_name_as_written(corrections: Corrections) -> None:
    corrections.set("Vladivostok", 43.1155, 131.8855, country="RU")
    corrections.set("Khasan", 42.4308, 130.6434, label="Khasan (Primorsky Krai)")
    everything = corrections.all()
    assert list(everything) == ["Khasan", "Vladivostok"]
    assert everything["Khasan"].name == "Khasan (Primorsky Krai)"
    assert everything["Vladivostok"].lat == pytest.approx(43.1155)


def test_corrections_persist_across_instances(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path))
    Corrections.open(settings).set("Mount Paektu", 41.9931, 128.0775, country="KP", kind="mountain")
    again = Corrections.open(settings)
    assert again.path == settings.corrections_path
    assert again.get("mount paektu") == Candidate("Mount Paektu", 41.9931, 128.0775, "KP", kind="mountain",
                                                   source="user", score=1.0)


def test_corrections_survive_deleting_the_geocode_cache(tmp_path: Path) -> None:
    settings = Settings(cache_dir=str(tmp_path))
    cache = GeocodeCache.open(settings)
    cache.put("nominatim", "Khasan", [HASSAN])
    Corrections.open(settings).set("Khasan", 42.4308, 130.6434, country="RU")
    cache.clear()
    cache.close()
    settings.geocode_cache_path.unlink()
    assert settings.corrections_path != settings.geocode_cache_path
    assert Corrections.open(settings).get("Khasan").country == "RU"  # type: ignore[union-attr]
    assert GeocodeCache.open(settings).get("nominatim", "Khasan") is None


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(90.5, 0.0), (-91.0, 0.0), (0.0, 180.01), (0.0, -181.0), (math.nan, 0.0), (0.0, math.inf), ("north", 0.0)],
)
def test_invalid_coordinates_are_rejected(corrections: Corrections, lat: float, lon: float) -> None:
    with pytest.raises(InputError):
        corrections.set("Somewhere", lat, lon)
    assert corrections.get("Somewhere") is None


@pytest.mark.parametrize(("lat", "lon"), [(90.0, 180.0), (-90.0, -180.0), (0, 0)])
def test_edge_coordinates_are_accepted(corrections: Corrections, lat: float, lon: float) -> None:
    corrections.set("Edge", lat, lon)
    assert corrections.get("Edge") is not None


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_a_correction_needs_a_name(corrections: Corrections, name: str) -> None:
    with pytest.raises(InputError):
        corrections.set(name, 1.0, 2.0)


def test_invalid_coordinates_are_value_errors(corrections: Corrections) -> None:
    with pytest.raises(ValueError):
        corrections.set("Somewhere", 100.0, 0.0)
