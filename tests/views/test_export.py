"""export_html: one self-sufficient page with the map, timeline, event list and inline story data."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import pytest

from geotimeline.models import Story
from geotimeline.views.export import STORY_SCRIPT_ID, export_html


class _Refs(HTMLParser):
    """Every src/href in the page, plus the text of the <script type=application/json> blocks."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[str] = []
        self.json_blocks: dict[str, str] = {}
        self._json_id: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.refs += [v for k, v in attrs if k in ("src", "href") and v]
        if tag == "script" and a.get("type") == "application/json":
            self._json_id = a.get("id") or ""
            self.json_blocks[self._json_id] = ""

    def handle_data(self, data: str) -> None:
        if self._json_id is not None:
            self.json_blocks[self._json_id] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._json_id = None


@pytest.fixture
def page(kim_story: Story) -> str:
    return export_html(kim_story, title="Kim in Russia")


def parse(html: str) -> _Refs:
    parser = _Refs()
    parser.feed(html)
    return parser


def test_is_one_complete_page(page: str) -> None:
    assert page.startswith("<!DOCTYPE html>") and page.rstrip().endswith("</html>")
    assert "<title>Kim in Russia</title>" in page


def test_has_markers_routes_and_timeline(page: str) -> None:
    assert page.count("L.marker(") == 5
    assert page.count("L.polyline(") == 3
    assert "[42.43, 130.64]" in page
    assert 'id="geotimeline-timeline"' in page and "Plotly.newPlot" in page


def test_story_json_is_inline(page: str, kim_story: Story) -> None:
    data = json.loads(parse(page).json_blocks[STORY_SCRIPT_ID])
    assert data["schema"] == "geotimeline.story/1"
    assert [p["name"] for p in data["places"]][:2] == ["Khasan", "Vladivostok"]
    assert len(data["events"]) == len(kim_story.events)


def test_event_list_one_item_per_event(page: str) -> None:
    items = re.findall(r'<li data-event="(e\d)">', page)
    assert items == ["e1", "e2", "e3", "e4", "e5", "e6"]
    events = json.loads(parse(page).json_blocks["geotimeline-events"])
    assert events[0]["points"] == [[42.43, 130.64]]
    assert events[3]["places"] == ["Pyongyang", "Moscow"]


def test_no_local_file_references(page: str) -> None:
    refs = parse(page).refs
    assert refs, "the page should load Leaflet etc. from CDNs"
    for ref in refs:
        assert re.match(r"https://", ref), ref
    assert "file://" not in page and "node_modules" not in page


def test_plotly_inline_needs_no_plotly_cdn(kim_story: Story) -> None:
    inline = export_html(kim_story, plotlyjs="inline")
    assert not any("cdn.plot.ly" in ref for ref in parse(inline).refs)
    assert len(inline) > 1_000_000  # plotly.js itself
    assert any("cdn.plot.ly" in ref for ref in parse(export_html(kim_story)).refs)


def test_script_breaking_text_is_escaped_in_inline_json(kim_story: Story) -> None:
    from dataclasses import replace

    event = replace(kim_story.events[0], sentence="Kim </script><script>alert(1)</script> in Khasan")
    page = export_html(replace(kim_story, events=(event,) + kim_story.events[1:]))
    assert "</script><script>alert(1)" not in page
    data = json.loads(parse(page).json_blocks[STORY_SCRIPT_ID])
    assert data["events"][0]["sentence"].startswith("Kim </script>")


def test_title_defaults_to_article_title(kim_story: Story) -> None:
    assert "<title>Kim in Russia</title>" in export_html(kim_story)


def test_unresolved_names_are_listed(page: str) -> None:
    assert "Not placed on the map: Primorye." in page
