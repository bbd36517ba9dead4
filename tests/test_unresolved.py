"""A name the offline gazetteer lacks: listed as unresolved with its mention, placed by an online geocoder
(a real HTTP server on 127.0.0.1 answering like Nominatim) when one is enabled, the rest of the story intact."""

from __future__ import annotations

from pathlib import Path

from geotimeline.settings import Settings
from tests.geocoding.nominatim_server import NominatimServer, place


def test_a_name_the_gazetteer_lacks_is_unresolved_offline_and_placed_online(
    tmp_path: Path, gazetteer
) -> None:
    import datetime as dt

    from geotimeline.ingest import article_from_text
    from geotimeline.story import build_story

    text = ("Cyclone hits Malawi\n\nBLANTYRE, Malawi, March 14, 2023 - Mudslides buried homes near the township of "
            "Chilobwe on Monday, officials in Blantyre said.")
    article = article_from_text(text, published=dt.date(2023, 3, 14))

    offline = build_story([article], settings=Settings(cache_dir=str(tmp_path / "off"), online=False),
                          gazetteer=gazetteer)
    assert [(u.name, [m.text for m in u.mentions]) for u in offline.unresolved] == [("Chilobwe", ["Chilobwe"])]
    assert any(p.name == "Blantyre" for p in offline.places)  # the rest of the story is there

    with NominatimServer({"Chilobwe": [place("Chilobwe", -15.83, 35.04, "mw", type="suburb")]}) as server:
        online = Settings.from_env({
            "GEOTIMELINE_CACHE_DIR": str(tmp_path / "on"), "GEOTIMELINE_ONLINE": "1",
            "GEOTIMELINE_GEOCODER_DOMAIN": server.domain, "GEOTIMELINE_GEOCODER_SCHEME": "http",
            "GEOTIMELINE_MIN_DELAY_SECONDS": "0",
        })
        story = build_story([article], settings=online, gazetteer=gazetteer)
    chilobwe = next(p for p in story.places if p.name == "Chilobwe")
    assert (round(chilobwe.lat, 2), round(chilobwe.lon, 2)) == (-15.83, 35.04) and not story.unresolved
    monday = next(e for e in story.events if e.date == dt.date(2023, 3, 13))
    assert chilobwe.id in monday.places
