"""The dashboard and the exported page in a real Chromium, with CDN files served from assets/node_modules."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from geotimeline.ingest import article_from_text
from geotimeline.settings import SAMPLE_ARTICLE
from geotimeline.story import build_story
from geotimeline.views.export import export_html

pytestmark = pytest.mark.browser

LOAD_MS = 120_000  # first run builds the story (gazetteer, routes) before anything is drawn
# folium.Icon markers are leaflet.awesome-markers, whose icons do not carry .leaflet-marker-icon.
MARKERS = ".leaflet-marker-pane > *"
ROUTES = "path.leaflet-interactive"
INDICATOR = re.compile(r"^Event (\d+) of (\d+)$")


def map_frame(page: object) -> object:
    """The st_folium component iframe (the one holding the Leaflet map)."""
    return page.frame_locator('iframe[title^="streamlit_folium"]').first  # type: ignore[attr-defined]


def wait_for_map(page: object, timeout: float = LOAD_MS) -> object:
    frame = map_frame(page)
    frame.locator(MARKERS).first.wait_for(timeout=timeout)
    frame.locator(ROUTES).first.wait_for(timeout=timeout)
    return frame


def red_marker(page: object) -> object:
    """The highlighted (current) marker; tooltips are bound lazily, so it is told apart by position."""
    return map_frame(page).locator(".awesome-marker-icon-red").first


def timeline_star(page: object) -> str:
    """Where the timeline draws the current event: the last trace is the highlighted point."""
    star = page.locator(".js-plotly-plot .scatterlayer .trace").last.locator("path.point").first  # type: ignore[attr-defined]
    return star.get_attribute("transform") or ""


def indicator(page: object) -> tuple[int, int]:
    text = page.get_by_text(INDICATOR).first.inner_text(timeout=LOAD_MS).strip()  # type: ignore[attr-defined]
    k, n = INDICATOR.match(text).groups()  # type: ignore[union-attr]
    return int(k), int(n)


def card_text(page: object) -> str:
    # st.container(key="event_card") carries the CSS class st-key-event_card.
    return page.locator(".st-key-event_card").first.inner_text()  # type: ignore[attr-defined]


def test_dashboard_shows_map_timeline_and_steps(context: tuple[object, object], dashboard_url: str) -> None:
    ctx, log = context
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.goto(dashboard_url)
    page.get_by_text(INDICATOR).first.wait_for(timeout=LOAD_MS)
    assert indicator(page)[0] == 1
    total = indicator(page)[1]
    assert total >= 4

    frame = wait_for_map(page)
    assert frame.locator(MARKERS).count() >= 4
    assert frame.locator(ROUTES).count() >= 1
    assert page.locator(".js-plotly-plot").count() >= 1
    assert any("leaflet" in url for url in log.served)  # type: ignore[attr-defined]

    before = card_text(page)
    red_before = red_marker(page).get_attribute("style")  # type: ignore[attr-defined]
    star_before = timeline_star(page)
    page.get_by_role("button", name="Next", exact=True).click()
    page.get_by_text(f"Event 2 of {total}", exact=True).wait_for(timeout=LOAD_MS)
    assert card_text(page) != before
    wait_for_map(page)
    # The map is re-mounted for the new event; in the sample, event 1 is in Moscow (2001) and event 2
    # in Vladivostok (2002), so the red marker moves. expect() retries while the old iframe goes away.
    expect(red_marker(page)).not_to_have_attribute("style", red_before, timeout=LOAD_MS)
    page.wait_for_function(
        "before => { const t = document.querySelectorAll('.js-plotly-plot .scatterlayer .trace');"
        " const p = t.length && t[t.length - 1].querySelector('path.point');"
        " return p && p.getAttribute('transform') !== before; }",
        arg=star_before, timeout=LOAD_MS,
    )

    page.get_by_role("button", name="Previous", exact=True).click()
    page.get_by_text(f"Event 1 of {total}", exact=True).wait_for(timeout=LOAD_MS)
    assert card_text(page) == before


def test_clicking_a_timeline_point_makes_it_the_current_event(context: tuple[object, object],
                                                              dashboard_url: str) -> None:
    ctx, _ = context
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.goto(dashboard_url)
    page.get_by_text(INDICATOR).first.wait_for(timeout=LOAD_MS)
    assert indicator(page)[0] == 1
    before = card_text(page)
    page.locator(".js-plotly-plot .scatterlayer .trace path.point").first.wait_for(timeout=LOAD_MS)
    # Every point but the current one's star (the last trace); Plotly picks the point nearest the
    # pointer, so a click at a point's centre selects that event.
    points = page.locator(".js-plotly-plot .scatterlayer .trace:not(:last-child) path.point")
    target = None
    for i in range(points.count()):
        box = points.nth(i).bounding_box()
        star = page.locator(".js-plotly-plot .scatterlayer .trace").last.locator("path.point").first.bounding_box()
        if box and star and abs(box["x"] - star["x"]) + abs(box["y"] - star["y"]) > 20:
            target = box
            break
    assert target is not None, "the sample's timeline has more than one event point"
    page.mouse.move(target["x"] + target["width"] / 2, target["y"] + target["height"] / 2)
    page.mouse.click(target["x"] + target["width"] / 2, target["y"] + target["height"] / 2)
    page.wait_for_function(
        "() => { const m = [...document.querySelectorAll('p')].map(p => p.innerText.match(/^Event (\\d+) of/))"
        ".find(Boolean); return m && m[1] !== '1'; }",
        timeout=LOAD_MS,
    )
    assert indicator(page)[0] != 1
    expect(page.locator(".st-key-event_card").first).not_to_have_text(before, timeout=LOAD_MS)


def test_picking_a_row_of_the_event_table_steps_there(context: tuple[object, object], dashboard_url: str) -> None:
    ctx, _ = context
    page = ctx.new_page()  # type: ignore[attr-defined]
    page.goto(dashboard_url)
    page.get_by_text(INDICATOR).first.wait_for(timeout=LOAD_MS)
    total = indicator(page)[1]
    page.get_by_text(f"All events ({total})").click()
    grid = page.locator('[data-testid="stDataFrame"]').first
    grid.wait_for(timeout=LOAD_MS)
    grid.scroll_into_view_if_needed()
    page.locator('[data-testid="stDataFrame"] canvas').first.wait_for(timeout=LOAD_MS)
    box = grid.bounding_box()
    assert box is not None
    # The grid is a canvas: the row-marker column (the selection checkboxes) is at the left edge,
    # under a header row; rows are 35 px high by default. Row 3 is event 3.
    page.mouse.click(box["x"] + 16, box["y"] + 35 + 2 * 35 + 17)
    page.get_by_text(f"Event 3 of {total}", exact=True).wait_for(timeout=LOAD_MS)


def test_exported_page_renders_markers_routes_and_timeline(context: tuple[object, object], tmp_path: Path) -> None:
    ctx, log = context
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    story = build_story([article_from_text(text, published=dt.date(2011, 8, 21), source=SAMPLE_ARTICLE.name)])
    target = tmp_path / "story.html"
    target.write_text(export_html(story), encoding="utf-8")

    page = ctx.new_page()  # type: ignore[attr-defined]
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(target.as_uri())
    page.locator(MARKERS).first.wait_for(timeout=30_000)
    assert page.locator(MARKERS).count() >= 4
    assert page.locator(ROUTES).count() >= 1
    page.locator("#geotimeline-timeline .scatterlayer").first.wait_for(timeout=30_000)

    first = page.locator(".gt-events li").first
    first.click()
    assert "gt-active" in (first.get_attribute("class") or "")
    page.locator(".leaflet-popup-content").first.wait_for(timeout=10_000)
    assert errors == []
    assert any("cdn.plot.ly" in url for url in log.served)  # type: ignore[attr-defined]
