"""build_map renders to a Leaflet page; assert on its text (the folium test style)."""

from __future__ import annotations

import re
from dataclasses import replace

import folium
import pytest

from geotimeline.models import Place, Story
from geotimeline.views.map import build_map, metonym_only


def render(story: Story, **kwargs: object) -> str:
    return build_map(story, **kwargs).get_root().render()


def marker_blocks(html: str) -> list[str]:
    """The JS of each L.marker(...) call plus the icon/tooltip lines that follow it."""
    starts = [m.start() for m in re.finditer(r"L\.marker\(", html)] + [len(html)]
    return [html[a:b] for a, b in zip(starts, starts[1:])]


def test_returns_a_folium_map(kim_story: Story) -> None:
    assert isinstance(build_map(kim_story), folium.Map)


@pytest.mark.parametrize(
    ("name", "latlon"),
    [
        ("Khasan", "[42.43, 130.64]"),
        ("Vladivostok", "[43.1056, 131.8735]"),
        ("Moscow", "[55.7558, 37.6173]"),
        ("Pyongyang", "[39.0392, 125.7625]"),
        ("Mount Paektu", "[41.99, 128.08]"),
    ],
)
def test_a_marker_per_place_with_name_tooltip(kim_story: Story, name: str, latlon: str) -> None:
    html = render(kim_story)
    block = next(b for b in marker_blocks(html) if latlon in b.split(")", 1)[0])
    assert re.search(r"bindTooltip\(\s*`<div>\s*" + re.escape(name) + r"\s*</div>`", block)


def test_marker_count_excludes_metonym_only_places(kim_story: Story) -> None:
    html = render(kim_story)
    assert html.count("L.marker(") == 5
    assert html.count("L.circleMarker(") == 1
    assert "Beijing (named as an institution)" in html


def test_metonym_only_means_every_mention_is_a_metonym(kim_story: Story) -> None:
    by_id = {p.id: p for p in kim_story.places}
    assert metonym_only(by_id["beijing"])
    assert not metonym_only(by_id["moscow"])  # one metonymic mention, one literal


def test_popup_lists_dates_and_sentences(kim_story: Story) -> None:
    html = render(kim_story)
    assert "<b>2011-08-20</b>: The North Korean leader arrived by train on Saturday" in html
    assert "<b>2001</b>: In 2001, Kim travelled over 7,000 km" in html
    assert "<b>2011-09</b>: Russia&#x27;s Foreign Ministry" in html


def test_a_polyline_per_leg_with_all_points(kim_story: Story) -> None:
    html = render(kim_story)
    assert html.count("L.polyline(") == 3
    assert "[[42.43, 130.64], [43.1056, 131.8735], [48.48, 135.08]" in html
    assert "2001 visit (train): Khasan → Moscow · train · 9,300 km" in html
    assert "2011 visit (train): Pyongyang → Khasan · train · 720 km (start inferred)" in html


def test_inferred_legs_are_dashed_and_journeys_have_their_own_colour(kim_story: Story) -> None:
    html = render(kim_story)
    options = re.findall(r"L\.polyline\(\s*\[.*?\],\s*(\{.*?\})\s*\)", html, flags=re.S)
    assert len(options) == 3
    assert '"dashArray": "8 8"' in options[0]
    assert '"dashArray": null' in options[1] and '"dashArray": null' in options[2]
    colour = [re.search(r'"color": "([^"]+)"', o).group(1) for o in options]
    assert colour[1] == colour[2] != colour[0]


def test_current_event_places_are_highlighted(kim_story: Story) -> None:
    html = render(kim_story, current="e1")
    red = [b for b in marker_blocks(html) if '"markerColor": "red"' in b]
    assert len(red) == 1 and "[42.43, 130.64]" in red[0]
    assert '"icon": "star"' in red[0]


def test_current_journey_is_drawn_thicker(kim_story: Story) -> None:
    html = render(kim_story, current="e4")
    assert html.count('"weight": 7') == 2  # the two 2001 legs
    assert html.count('"weight": 4') == 1


def test_no_current_means_no_highlight(kim_story: Story) -> None:
    assert '"markerColor": "red"' not in render(kim_story)
    assert '"markerColor": "red"' not in render(kim_story, current="no-such-event")


def test_fits_bounds_to_routes_and_markers_but_not_metonyms(kim_story: Story) -> None:
    # "Washington said ..." must not zoom the map out to the whole northern hemisphere.
    places = tuple(
        replace(p, name="Washington", lat=38.9, lon=-77.04) if p.id == "beijing" else p for p in kim_story.places
    )
    html = render(replace(kim_story, places=places))
    bounds = re.search(r"fitBounds\(\s*(\[\[.*?\]\])", html, flags=re.S).group(1)
    # Moscow (37.6E) is the west edge, the Khabarovsk rail point (135.08E) the east one.
    assert bounds.replace(" ", "") == "[[39.0392,37.6173],[56.84,135.08]]"


def test_empty_story_renders_a_world_map() -> None:
    html = render(Story(articles=()))
    assert "L.map(" in html and "L.marker(" not in html and "fitBounds" not in html


def test_popup_text_is_escaped(kim_story: Story) -> None:
    event = replace(kim_story.events[0], sentence="<script>alert(1)</script> in Khasan")
    story = replace(kim_story, events=(event,) + kim_story.events[1:])
    html = render(story)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)</script>" not in html


def test_areas_are_circles_and_do_not_widen_the_zoom(kim_story: Story) -> None:
    russia = Place("russia", "Russia", 60.0, 100.0, "RU", "country", mentions=(kim_story.places[0].mentions[0],))
    story = replace(kim_story, places=kim_story.places + (russia,))
    html = render(story, current="e1")
    assert html.count("L.marker(") == 5 and html.count("L.circleMarker(") == 2
    assert "Russia (country)" in html
    bounds = re.search(r"fitBounds\(\s*(\[\[.*?\]\])", html, flags=re.S).group(1)
    assert "60.0" not in bounds and "100.0" not in bounds
