"""OnlineGeocoder against a real HTTP server on 127.0.0.1 (tests/geocoding/nominatim_server.py)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import geopy
import pytest
from geopy.location import Location

from geotimeline.errors import ConfigurationError, GeocoderTimeout, GeocoderUnavailable
from geotimeline.geocoding.base import Geocoder
from geotimeline.geocoding.cache import GeocodeCache
from geotimeline.geocoding.online import OnlineGeocoder, online_geocoder
from geotimeline.models import Candidate
from geotimeline.settings import Settings
from tests.geocoding.nominatim_server import NominatimServer, place

AGENT = "geotimeline-tests/0.1 (tests@example.org)"

PLACES = {
    "Khasan": [
        place("Khasan", 42.4308, 130.6434, "ru", type="town", importance=0.4,
              display_name="Khasan, Khasansky District, Primorsky Krai, Russia"),
    ],
    "Moscow": [
        place("Moscow", 55.7558, 37.6173, "ru", importance=0.9),
        place("Moscow", 46.7324, -117.0002, "us", type="town", importance=0.5, display_name="Moscow, Idaho, USA"),
    ],
    "Mount Paektu": [place("Paektu", 41.9931, 128.0775, "kp", cls="natural", type="peak")],
    "Vladivostok": [place("Vladivostok", 43.1155, 131.8855, "ru")],
}


class FakeTime:
    """A clock that only moves when someone sleeps (or the test says so)."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start
        self.sleeps: list[float] = []

    def clock(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def server() -> Iterator[NominatimServer]:
    with NominatimServer(PLACES) as srv:
        yield srv


@pytest.fixture
def fake_time() -> FakeTime:
    return FakeTime()


@pytest.fixture
def settings(server: NominatimServer, tmp_path: Path) -> Settings:
    return Settings(
        cache_dir=str(tmp_path),
        online=True,
        geocoder_domain=server.domain,
        geocoder_scheme="http",
        user_agent=AGENT,
        min_delay_seconds=1.0,
    )


def make(settings: Settings, fake_time: FakeTime, **kwargs: object) -> OnlineGeocoder:
    return OnlineGeocoder(settings, clock=fake_time.clock, sleep=fake_time.sleep, **kwargs)  # type: ignore[arg-type]


def test_is_a_geocoder(settings: Settings, fake_time: FakeTime) -> None:
    assert isinstance(make(settings, fake_time), Geocoder)


def test_hit_returns_location_with_the_servers_coordinates(
    settings: Settings, fake_time: FakeTime, server: NominatimServer
) -> None:
    loc = make(settings, fake_time).geocode("Khasan")
    assert isinstance(loc, Location)
    assert (loc.latitude, loc.longitude) == pytest.approx((42.4308, 130.6434))
    assert loc.raw["country"] == "RU"
    assert loc.raw["kind"] == "city"
    assert server.user_agents == [AGENT]


def test_candidates_keep_order_country_kind_and_source(settings: Settings, fake_time: FakeTime) -> None:
    geocoder = make(settings, fake_time)
    moscows = geocoder.candidates("Moscow")
    assert [(c.country, round(c.lat), round(c.lon)) for c in moscows] == [("RU", 56, 38), ("US", 47, -117)]
    assert {c.source for c in moscows} == {"online:nominatim"}
    assert moscows[0].score == pytest.approx(0.9)
    assert geocoder.candidates("Moscow", limit=1) == moscows[:1]
    (paektu,) = geocoder.candidates("Mount Paektu")
    assert (paektu.kind, paektu.country) == ("mountain", "KP")


def test_exactly_one_false_returns_every_match(settings: Settings, fake_time: FakeTime) -> None:
    locations = make(settings, fake_time).geocode("Moscow", exactly_one=False)
    assert isinstance(locations, list)
    assert [loc.raw["country"] for loc in locations] == ["RU", "US"]


def test_second_call_is_served_from_the_cache_even_by_a_new_instance(
    settings: Settings, fake_time: FakeTime, server: NominatimServer
) -> None:
    first = make(settings, fake_time).candidates("Vladivostok")
    assert server.requests == 1
    assert make(settings, fake_time).candidates("Vladivostok") == first
    assert make(settings, fake_time).candidates("  vladivostok ") == first
    assert server.requests == 1
    assert settings.geocode_cache_path.exists()


def test_not_found_is_none_and_is_cached(settings: Settings, fake_time: FakeTime, server: NominatimServer) -> None:
    geocoder = make(settings, fake_time)
    assert geocoder.geocode("Atlantis") is None
    assert geocoder.geocode("Atlantis", exactly_one=False) == []
    assert make(settings, fake_time).candidates("Atlantis") == []
    assert server.requests == 1
    assert GeocodeCache(settings.geocode_cache_path).get(geocoder.provider_key, "Atlantis") == []


def test_blank_query_never_reaches_the_network(
    settings: Settings, fake_time: FakeTime, server: NominatimServer
) -> None:
    assert make(settings, fake_time).geocode("   ") is None
    assert server.requests == 0


def test_a_given_cache_is_used_and_answers_from_it(
    settings: Settings, fake_time: FakeTime, server: NominatimServer, tmp_path: Path
) -> None:
    cache = GeocodeCache(tmp_path / "elsewhere.sqlite")
    geocoder = make(settings, fake_time, cache=cache)
    cache.put(geocoder.provider_key, "Pyongyang", [Candidate("Pyongyang", 39.0392, 125.7625, "KP")])
    loc = geocoder.geocode("Pyongyang")
    assert loc is not None and round(loc.latitude) == 39
    assert server.requests == 0
    assert not settings.geocode_cache_path.exists()


def test_rate_limiter_sleeps_the_missing_part_of_the_delay(
    settings: Settings, fake_time: FakeTime, server: NominatimServer
) -> None:
    geocoder = make(settings.with_(min_delay_seconds=1.5), fake_time)
    geocoder.candidates("Khasan")
    fake_time.now += 0.25
    geocoder.candidates("Moscow")
    assert fake_time.sleeps == [pytest.approx(1.25)]
    geocoder.candidates("Khasan")  # cached: no request slot, no sleep
    assert fake_time.sleeps == [pytest.approx(1.25)]
    assert server.requests == 2


def test_no_sleep_when_the_delay_has_already_passed(settings: Settings, fake_time: FakeTime) -> None:
    geocoder = make(settings, fake_time)
    geocoder.candidates("Khasan")
    fake_time.now += 5
    geocoder.candidates("Moscow")
    assert fake_time.sleeps == []


def test_503_becomes_geocoder_unavailable_and_is_not_cached(
    settings: Settings, fake_time: FakeTime, server: NominatimServer
) -> None:
    geocoder = make(settings, fake_time)
    server.mode = "503"
    with pytest.raises(GeocoderUnavailable) as info:
        geocoder.geocode("Khasan")
    assert isinstance(info.value, OSError)
    assert info.value.__cause__ is not None
    server.mode = "ok"
    assert geocoder.geocode("Khasan") is not None


def test_a_stalled_server_times_out(settings: Settings, fake_time: FakeTime, server: NominatimServer) -> None:
    geocoder = make(settings.with_(geocoder_timeout=0.05), fake_time)
    server.mode = "stall"
    with pytest.raises(GeocoderTimeout) as info:
        geocoder.geocode("Khasan")
    assert isinstance(info.value, TimeoutError)
    assert GeocodeCache(settings.geocode_cache_path).get(geocoder.provider_key, "Khasan") is None


def test_an_unreachable_server_is_unavailable(tmp_path: Path, fake_time: FakeTime) -> None:
    with NominatimServer() as gone:
        domain = gone.domain
    settings = Settings(cache_dir=str(tmp_path), online=True, geocoder_domain=domain, geocoder_scheme="http")
    with pytest.raises(GeocoderUnavailable):
        make(settings, fake_time).geocode("Khasan")


@pytest.mark.parametrize(
    ("domain", "agent", "delay", "must_mention"),
    [
        ("", "", 1.0, "GEOTIMELINE_USER_AGENT"),
        ("", f"geopy/{geopy.__version__}", 1.0, "GEOTIMELINE_USER_AGENT"),  # geopy's default
        ("", "geopy/2.4.1 (me@example.org)", 1.0, "GEOTIMELINE_USER_AGENT"),
        ("", "my-application", 1.0, "GEOTIMELINE_USER_AGENT"),
        ("", "geotimeline/0.1", 1.0, "GEOTIMELINE_USER_AGENT"),  # no contact
        ("nominatim.openstreetmap.org", "newsmap", 1.0, "GEOTIMELINE_USER_AGENT"),
        ("https://Nominatim.OpenStreetMap.org/", "newsmap", 1.0, "GEOTIMELINE_USER_AGENT"),
        ("", AGENT, 0.5, "GEOTIMELINE_MIN_DELAY_SECONDS"),
        ("", AGENT, 0.0, "GEOTIMELINE_MIN_DELAY_SECONDS"),
        ("nominatim.openstreetmap.org", "gt (https://example.org/about)", 0.99, "GEOTIMELINE_MIN_DELAY_SECONDS"),
    ],
)
def test_public_nominatim_policy_is_refused_at_construction(
    tmp_path: Path, domain: str, agent: str, delay: float, must_mention: str
) -> None:
    settings = Settings(
        cache_dir=str(tmp_path), online=True, geocoder_domain=domain, user_agent=agent, min_delay_seconds=delay
    )
    with pytest.raises(ConfigurationError, match=must_mention):
        OnlineGeocoder(settings)
    with pytest.raises(ValueError):
        online_geocoder(settings)


@pytest.mark.parametrize(
    ("domain", "agent", "delay"),
    [
        ("", AGENT, 1.0),
        ("nominatim.openstreetmap.org", "geotimeline (https://example.org/about)", 2.0),
        ("127.0.0.1:8080", "", 0.0),  # a self-hosted server sets its own policy
        ("nominatim.example.org", "anything", 0.1),
    ],
)
def test_policy_accepts(tmp_path: Path, domain: str, agent: str, delay: float) -> None:
    settings = Settings(
        cache_dir=str(tmp_path), online=True, geocoder_domain=domain, user_agent=agent, min_delay_seconds=delay
    )
    assert isinstance(OnlineGeocoder(settings), OnlineGeocoder)


@pytest.mark.parametrize(("service", "domain"), [("photon", ""), ("arcgis", "")])
def test_other_geopy_services_need_no_nominatim_policy(tmp_path: Path, service: str, domain: str) -> None:
    settings = Settings(cache_dir=str(tmp_path), online=True, geocoder=service, geocoder_domain=domain,
                        min_delay_seconds=0.0)
    geocoder = OnlineGeocoder(settings)
    assert geocoder.source == f"online:{service}"


@pytest.mark.parametrize(
    ("service", "domain", "must_mention"),
    [
        ("here", "127.0.0.1:1", "GEOTIMELINE_GEOCODER_DOMAIN"),  # HERE's legacy API takes no domain
        ("bing", "", "api_key"),  # needs a key that Settings cannot give
        ("no-such-geocoder", "", "GEOTIMELINE_GEOCODER"),
    ],
)
def test_unusable_service_settings_are_configuration_errors(
    tmp_path: Path, service: str, domain: str, must_mention: str
) -> None:
    settings = Settings(cache_dir=str(tmp_path), online=True, geocoder=service, geocoder_domain=domain)
    with pytest.raises(ConfigurationError, match=must_mention):
        OnlineGeocoder(settings)


def test_online_geocoder_is_none_when_offline(tmp_path: Path) -> None:
    assert online_geocoder(Settings(cache_dir=str(tmp_path), online=False)) is None
    assert not any(tmp_path.iterdir())


def test_online_geocoder_from_environment(tmp_path: Path, server: NominatimServer) -> None:
    settings = Settings.from_env(
        {
            "GEOTIMELINE_CACHE_DIR": str(tmp_path),
            "GEOTIMELINE_ONLINE": "1",
            "GEOTIMELINE_GEOCODER_DOMAIN": server.domain,
            "GEOTIMELINE_GEOCODER_SCHEME": "http",
            "GEOTIMELINE_MIN_DELAY_SECONDS": "0",
        }
    )
    geocoder = online_geocoder(settings)
    assert geocoder is not None
    assert geocoder.candidates("Khasan")[0].country == "RU"

