"""The whole story as ONE standalone HTML file: map, timeline and event list.

::

    >>> from geotimeline.views.export import export_html
    >>> Path("kim.html").write_text(export_html(story, title="Kim in Russia"))   # doctest: +SKIP

The file needs nothing beside it: the story (``geotimeline.story/1`` JSON), the markers, the routes and
the timeline data are all inline. Like every folium page it loads Leaflet, Bootstrap and Font Awesome
from public CDNs, and the map tiles from OpenStreetMap, so it wants a network connection to show the
basemap. Plotly's JavaScript comes from its CDN too by default (``plotlyjs="cdn"``, a file of tens of
kilobytes); ``plotlyjs="inline"`` embeds it (about 4.7 MB more) for a timeline that works offline.

Clicking an event in the list, or a point on the timeline, flies the map to the event's places and
opens the place's popup. Folium's ``TimestampedGeoJson`` is deliberately not used: it needs five more
CDN libraries, and a list you can click does the same job for a story of a few dozen events.
"""

from __future__ import annotations

import html
import json
from typing import Any, Literal

from geotimeline.models import Story
from geotimeline.serialize import story_to_dict
from geotimeline.views.map import AREA_KINDS, build_map, metonym_only
from geotimeline.views.timeline import build_timeline, date_label

TIMELINE_DIV_ID = "geotimeline-timeline"
STORY_SCRIPT_ID = "geotimeline-story"

_STYLE = """
<style>
  body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  .gt-header { padding: 8px 16px; border-bottom: 1px solid #ddd; }
  .gt-header h1 { font-size: 1.3rem; margin: 0; }
  .gt-header p { margin: 2px 0 0; color: #555; font-size: .85rem; }
  .gt-main { display: flex; height: 62vh; }
  .gt-map { flex: 3; position: relative; }
  .gt-events { flex: 2; overflow-y: auto; margin: 0; padding: 0 8px; list-style: none; border-left: 1px solid #ddd; }
  .gt-events li { padding: 6px 8px; border-bottom: 1px solid #eee; cursor: pointer; font-size: .9rem; }
  .gt-events li:hover { background: #f4f7ff; }
  .gt-events li.gt-active { background: #ffe9e9; border-left: 4px solid #d62728; }
  .gt-date { font-weight: 600; }
  .gt-places { color: #555; font-size: .8rem; }
  .gt-timeline { padding: 0 8px; }
  .gt-footer { padding: 4px 16px; color: #777; font-size: .8rem; }
</style>
"""

_SCRIPT = """
<script>
(function () {
  var map = window[%(map)s];
  var events = JSON.parse(document.getElementById("geotimeline-events").textContent);
  var byId = {};
  events.forEach(function (e) { byId[e.id] = e; });
  function select(id) {
    var e = byId[id];
    if (!e) { return; }
    document.querySelectorAll(".gt-events li").forEach(function (li) {
      li.classList.toggle("gt-active", li.dataset.event === id);
    });
    var item = document.querySelector('.gt-events li[data-event="' + id + '"]');
    if (item) { item.scrollIntoView({block: "nearest"}); }
    if (!e.points.length) { return; }
    if (e.points.length === 1) { map.flyTo(e.points[0], e.zoom); }
    else { map.flyToBounds(e.points, {padding: [40, 40], maxZoom: e.zoom + 1}); }
    var first = L.latLng(e.points[0]);
    map.eachLayer(function (layer) {
      if (layer.getLatLng && layer.getPopup && layer.getPopup() && layer.getLatLng().equals(first, 1e-6)) {
        layer.openPopup();
      }
    });
  }
  window.geotimelineSelect = select;
  document.querySelectorAll(".gt-events li").forEach(function (li) {
    li.addEventListener("click", function () { select(li.dataset.event); });
  });
  var plot = document.getElementById(%(timeline)s);
  if (plot && plot.on) {
    plot.on("plotly_click", function (data) {
      if (data.points.length) { select(data.points[0].customdata); }
    });
  }
})();
</script>
"""


def _inline_json(data: Any) -> str:
    # "</" would end the <script> element early; "<\\/" is the same string to JSON.
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _events_payload(story: Story) -> list[dict[str, Any]]:
    payload = []
    for event in story.events:
        ids = list(event.places) + ([event.destination] if event.destination and event.destination not in event.places else [])
        places = [p for pid in ids if (p := story.place(pid))]
        shown = [p for p in places if not metonym_only(p)] or places
        precise = [p for p in shown if p.kind not in AREA_KINDS]
        payload.append({
            "id": event.id,
            "date": date_label(event),
            "sentence": event.sentence,
            "places": [p.name for p in places],
            "points": [[p.lat, p.lon] for p in (precise or shown)],
            # A country or region is seen whole at zoom 4; a town needs 6 or closer.
            "zoom": 6 if precise else 4,
        })
    return payload


def _event_list(payload: list[dict[str, Any]]) -> str:
    items = []
    for e in payload:
        places = f'<div class="gt-places">{html.escape(", ".join(e["places"]))}</div>' if e["places"] else ""
        items.append(
            f'<li data-event="{html.escape(e["id"])}"><span class="gt-date">{html.escape(e["date"])}</span> '
            f'{html.escape(e["sentence"])}{places}</li>'
        )
    return '<ol class="gt-events">' + "".join(items) + "</ol>"


def export_html(story: Story, *, title: str | None = None, plotlyjs: Literal["cdn", "inline"] = "cdn") -> str:
    """One standalone HTML page (map, timeline, event list, inline story JSON) for ``story``."""
    title = title or next((a.title for a in story.articles if a.title), "") or "geotimeline story"
    m = build_map(story)
    root = m.get_root()
    root.render()
    # The map's own page is rendered once so its header (CDN links, map CSS), body (the map div) and
    # script can be laid out in our page instead of filling the window.
    header, map_div, map_script = root.header.render(), root.html.render(), root.script.render()

    figure = build_timeline(story)
    timeline = figure.to_html(
        full_html=False,
        include_plotlyjs="cdn" if plotlyjs == "cdn" else True,
        div_id=TIMELINE_DIV_ID,
        config={"responsive": True, "displaylogo": False},
    )
    payload = _events_payload(story)
    sources = ", ".join(
        html.escape(f"{a.title or a.id}" + (f" ({a.published.isoformat()})" if a.published else "")) for a in story.articles
    )
    unresolved = ", ".join(html.escape(u.name) for u in story.unresolved)
    footer = f"Sources: {sources}." + (f" Not placed on the map: {unresolved}." if unresolved else "")
    script = _SCRIPT % {"map": json.dumps(m.get_name()), "timeline": json.dumps(TIMELINE_DIV_ID)}
    return "\n".join([
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        f"<title>{html.escape(title)}</title>",
        header,
        _STYLE,
        "</head>",
        "<body>",
        f'<div class="gt-header"><h1>{html.escape(title)}</h1>'
        f"<p>{len(story.events)} events, {len(story.places)} places, {len(story.journeys)} journeys</p></div>",
        f'<div class="gt-main"><div class="gt-map">{map_div}</div>{_event_list(payload)}</div>',
        f'<div class="gt-timeline">{timeline}</div>',
        f'<div class="gt-footer">{footer}</div>',
        f'<script type="application/json" id="geotimeline-events">{_inline_json(payload)}</script>',
        f'<script type="application/json" id="{STORY_SCRIPT_ID}">{_inline_json(story_to_dict(story))}</script>',
        f"<script>{map_script}</script>",
        script,
        "</body>",
        "</html>",
    ])
