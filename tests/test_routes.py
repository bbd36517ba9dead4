"""Route shapes: rail shortest paths on the curated network, great-circle fallback."""

from __future__ import annotations

from pathlib import Path

import pytest
from geopy.distance import geodesic

from geotimeline.routes import RailDataError, RailNetwork, Route, great_circle, route

PYONGYANG = (39.0392, 125.7625)
MOSCOW = (55.7558, 37.6173)
KHASAN = (42.4300, 130.6400)
VLADIVOSTOK = (43.1056, 131.8735)
BEIJING = (39.9042, 116.4074)
PARIS = (48.8566, 2.3522)
HONOLULU = (21.3069, -157.8583)
MOUNT_PAEKTU = (41.99, 128.08)


@pytest.fixture(scope="module")
def net() -> RailNetwork:
    return RailNetwork.load()


def _near(p: tuple[float, float], q: tuple[float, float], km: float = 1.0) -> bool:
    return geodesic(p, q).km <= km


@pytest.mark.parametrize(
    ("a", "b", "low", "high", "passes", "avoids"),
    [
        (PYONGYANG, MOSCOW, 9_000, 11_000, ["Khasan", "Ussuriysk", "Khabarovsk", "Irkutsk", "Yekaterinburg"], ["Harbin"]),
        (KHASAN, MOSCOW, 9_000, 10_500, ["Baranovsky", "Khabarovsk", "Chita", "Novosibirsk"], ["Harbin"]),
        (PYONGYANG, KHASAN, 700, 1_000, ["Hamhung", "Chongjin", "Rajin", "Tumangang"], ["Dandong"]),
        (VLADIVOSTOK, MOSCOW, 9_200, 9_400, ["Ussuriysk", "Khabarovsk", "Skovorodino", "Irkutsk", "Slyudyanka"], ["Tynda"]),
        (PYONGYANG, BEIJING, 1_100, 1_500, ["Sinuiju", "Dandong", "Shenyang"], []),
        (PARIS, MOSCOW, 2_500, 3_300, ["Bruxelles-Midi", "Berlin Hauptbahnhof", "Warszawa Centralna", "Minsk"], []),
    ],
)
def test_train_legs_follow_the_rail_network(
    net: RailNetwork,
    a: tuple[float, float],
    b: tuple[float, float],
    low: float,
    high: float,
    passes: list[str],
    avoids: list[str],
) -> None:
    r = route(a, b, "train", net)
    assert r.routed
    assert low <= r.length_km <= high
    for name in passes:
        assert name in r.via
    for name in avoids:
        assert name not in r.via
    assert _near(r.geometry[0], a) and _near(r.geometry[-1], b)
    # The drawn line really bends: far longer than the straight chord.
    assert r.length_km > 1.05 * geodesic(a, b).km


def test_stations_are_passed_in_travel_order(net: RailNetwork) -> None:
    via = route(PYONGYANG, MOSCOW, "train", net).via
    order = [via.index(n) for n in ("Pyongyang", "Chongjin", "Khasan", "Ussuriysk", "Khabarovsk", "Irkutsk", "Perm")]
    assert order == sorted(order)
    back = route(MOSCOW, PYONGYANG, "train", net).via
    assert back == via[::-1]


def test_a_city_with_several_terminals_uses_the_one_facing_the_journey(net: RailNetwork) -> None:
    assert route(VLADIVOSTOK, MOSCOW, "train", net).via[-1] == "Moscow Yaroslavsky"
    assert route(PARIS, MOSCOW, "train", net).via[-1] == "Moscow Belorussky"


def test_off_network_end_falls_back_to_a_great_circle(net: RailNetwork) -> None:
    assert net.shortest_path(VLADIVOSTOK, HONOLULU) is None
    r = route(VLADIVOSTOK, HONOLULU, "train", net)
    assert not r.routed and r.via == ()
    assert r.length_km == pytest.approx(geodesic(VLADIVOSTOK, HONOLULU).km, rel=1e-6)


def test_disconnected_networks_fall_back(net: RailNetwork) -> None:
    tokyo = (35.6895, 139.6917)
    assert net.shortest_path(tokyo, MOSCOW) is None
    assert not route(tokyo, MOSCOW, "train", net).routed


@pytest.mark.parametrize("mode", ["air", "sea", "road", "unknown"])
def test_other_modes_are_great_circles(net: RailNetwork, mode: str) -> None:
    r = route(PYONGYANG, MOSCOW, mode, net)
    assert not r.routed
    assert r.length_km == pytest.approx(geodesic(PYONGYANG, MOSCOW).km, rel=1e-6)


def test_both_ends_at_one_station_is_not_a_rail_route(net: RailNetwork) -> None:
    assert net.shortest_path(VLADIVOSTOK, (43.115, 131.885)) is None


@pytest.mark.parametrize(
    ("point", "max_km", "expected"),
    [
        (VLADIVOSTOK, 60.0, "Vladivostok"),
        (KHASAN, 60.0, "Khasan"),
        ((42.40, 130.60), 60.0, "Tumangang"),
        (MOUNT_PAEKTU, 60.0, None),
        (HONOLULU, 60.0, None),
        ((43.5, 131.3), 5.0, None),
    ],
)
def test_nearest_station(net: RailNetwork, point: tuple[float, float], max_km: float, expected: str | None) -> None:
    s = net.nearest_station(point, max_km)
    assert (s.name if s else None) == expected


def test_load_is_cached() -> None:
    assert RailNetwork.load() is RailNetwork.load()


def test_great_circle_is_an_interpolated_geodesic() -> None:
    r = great_circle(PYONGYANG, MOSCOW, points=20)
    assert isinstance(r, Route) and not r.routed
    assert len(r.geometry) == 20
    assert r.geometry[0] == PYONGYANG and r.geometry[-1] == MOSCOW
    assert r.length_km == pytest.approx(geodesic(PYONGYANG, MOSCOW).km, rel=1e-6)
    steps = [geodesic(p, q).km for p, q in zip(r.geometry, r.geometry[1:])]
    assert max(steps) - min(steps) < 1.0
    assert sum(steps) == pytest.approx(r.length_km, rel=1e-6)


def test_great_circle_keeps_longitudes_continuous_across_the_antimeridian() -> None:
    tokyo, san_francisco = (35.68, 139.77), (37.77, -122.42)
    g = great_circle(tokyo, san_francisco).geometry
    assert all(abs(q[1] - p[1]) < 20 for p, q in zip(g, g[1:]))
    assert g[-1][1] == pytest.approx(-122.42 + 360)


def test_great_circle_of_a_point_to_itself() -> None:
    r = great_circle(MOSCOW, MOSCOW, points=1)
    assert len(r.geometry) == 2 and r.length_km == 0.0


def _write(tmp: Path, stations: str, lines: str) -> Path:
    (tmp / "stations.csv").write_text("id,name,alternate_names,lat,lon,country\n" + stations, encoding="utf-8")
    (tmp / "lines.csv").write_text("line,name,country,stations,km,weight\n" + lines, encoding="utf-8")
    return tmp


STATIONS = "a,A,,50.0,10.0,DE\nb,B,,50.0,11.0,DE\nc,C,,50.0,12.0,DE\nd,D,,51.0,11.0,DE\n"


def test_km_posts_give_track_lengths_and_weights_steer_the_path(tmp_path: Path) -> None:
    chord_ab = geodesic((50.0, 10.0), (50.0, 11.0)).km
    net = RailNetwork.load(_write(tmp_path, STATIONS, "main,Main,DE,a|b|c,0||200,\nslow,Slow,DE,a|d|c,,3\n"))
    r = net.shortest_path((50.0, 10.0), (50.0, 12.0))
    assert r is not None and r.via == ("A", "B", "C")
    assert r.length_km == pytest.approx(200.0)
    assert net.neighbours("a")["b"] == pytest.approx(100.0)
    assert chord_ab < 100.0


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ("main,Main,DE,a|x|c,,\n", "unknown station id 'x'"),
        ("main,Main,DE,a,,\n", "at least two stations"),
        ("main,Main,DE,a|b|c,0|100,\n", "2 km posts for 3 stations"),
        ("main,Main,DE,a|b|c,0||50,\n", "km posts give 50 km"),
        ("main,Main,DE,a|b,,0.5\n", "weight"),
    ],
)
def test_data_errors_are_reported_at_load(tmp_path: Path, lines: str, message: str) -> None:
    with pytest.raises(RailDataError, match=message):
        RailNetwork.load(_write(tmp_path, STATIONS, lines))


@pytest.mark.parametrize(
    ("stations", "message"),
    [
        ("a,A,,95.0,10.0,DE\n", "out of range"),
        ("a,A,,north,10.0,DE\n", "bad coordinate"),
        ("a,A,,50.0,10.0,DE\na,A2,,50.0,11.0,DE\n", "duplicate station id 'a'"),
    ],
)
def test_bad_stations_are_reported_at_load(tmp_path: Path, stations: str, message: str) -> None:
    with pytest.raises(RailDataError, match=message):
        RailNetwork.load(_write(tmp_path, stations, ""))


def test_missing_files_are_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(RailDataError, match="cannot read"):
        RailNetwork.load(tmp_path)
