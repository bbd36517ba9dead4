"""The story on a folium map: a marker per place, a route per journey leg.

::

    >>> from geotimeline.views.map import build_map
    >>> m = build_map(story, current="e1")                 # doctest: +SKIP
    >>> html = m.get_root().render()                        # a full Leaflet page, as text

What is drawn:

* **places** — a marker each; the tooltip is the name, the popup the name plus the date and sentence of
  every event at that place. Places of the *current* event get a red star marker instead of a blue one.
* **areas** — countries, regions, seas: a hollow circle at the centroid rather than a pin, since a pin in
  the middle of Russia would claim a precision the text does not have. They only count for the zoom
  when nothing more precise is on the map.
* **metonym-only places** — places mentioned only as institutions ("Beijing as chief ally", "Moscow
  would send grain") are not where anything happened, so they get a small grey circle instead of a
  marker and do not count when the map zooms to the data. They stay visible rather than hidden so a
  wrong resolution can still be spotted and corrected.
* **routes** — a polyline per journey leg, one colour per journey (the same colours as the timeline
  lanes), dashed when the leg's origin was inferred rather than stated; the tooltip gives the journey
  label, the mode and the length. The legs of the current event's journey are drawn thicker.

The map knows nothing about Streamlit; ``streamlit_app.py`` hands it to ``st_folium`` and
:mod:`geotimeline.views.export` embeds it in a standalone page.
"""

from __future__ import annotations

import html

import folium

from geotimeline.models import Event, Place, Story
from geotimeline.views.timeline import date_label, journey_colours

MARKER_COLOUR = "blue"
CURRENT_MARKER_COLOUR = "red"
METONYM_COLOUR = "#888888"
DEFAULT_CENTER = (20.0, 0.0)
AREA_KINDS = frozenset({"country", "admin1", "admin2", "region", "continent", "sea", "ocean", "river", "lake", "desert"})
"""Place kinds drawn as a circle at their centroid rather than as a pin."""


def metonym_only(place: Place) -> bool:
    """True when every mention of the place stands for an institution, none for the location."""
    return bool(place.mentions) and all(m.metonym for m in place.mentions)


def _popup_html(place: Place, events: list[Event]) -> str:
    parts = [f"<b>{html.escape(place.name)}</b>"]
    if place.country:
        parts[0] += f" <small>({html.escape(place.country)})</small>"
    for event in events:
        parts.append(f"<p><b>{html.escape(date_label(event))}</b>: {html.escape(event.sentence)}</p>")
    return "".join(parts)


def build_map(
    story: Story,
    *,
    current: str | None = None,
    width: str | int = "100%",
    height: str | int = "100%",
    tiles: str | None = "OpenStreetMap",
) -> folium.Map:
    """A folium map of ``story``; ``current`` is an event id whose places are highlighted."""
    m = folium.Map(location=DEFAULT_CENTER, zoom_start=2, width=width, height=height, tiles=tiles,
                   control_scale=True)
    chosen = next((e for e in story.events if e.id == current), None)
    highlighted = set(chosen.places) if chosen else set()
    if chosen and chosen.destination:
        highlighted.add(chosen.destination)
    current_journeys = {j.id for j in story.journeys if chosen and chosen.id in j.events}

    colours = journey_colours(story)
    routes = folium.FeatureGroup(name="Routes")
    bounds: list[tuple[float, float]] = []
    for journey in story.journeys:
        for leg in journey.legs:
            origin, destination = story.place(leg.origin), story.place(leg.destination)
            stops = f"{origin.name if origin else leg.origin} → {destination.name if destination else leg.destination}"
            tooltip = f"{journey.label or journey.id}: {stops} · {leg.mode} · {leg.length_km:,.0f} km"
            if leg.inferred:
                tooltip += " (start inferred)"
            folium.PolyLine(
                locations=[list(point) for point in leg.geometry],
                color=colours[journey.id],
                weight=7 if journey.id in current_journeys else 4,
                opacity=0.85,
                dash_array="8 8" if leg.inferred else None,
                tooltip=tooltip,
            ).add_to(routes)
            bounds.extend(leg.geometry)
    routes.add_to(m)

    markers = folium.FeatureGroup(name="Places")
    areas: list[tuple[float, float]] = []
    for place in story.places:
        events = [e for e in story.events if place.id in e.places or e.destination == place.id]
        popup = folium.Popup(_popup_html(place, events), max_width=360)
        is_current = place.id in highlighted
        if metonym_only(place):
            folium.CircleMarker(
                location=[place.lat, place.lon], radius=5, color=METONYM_COLOUR, fill=True, fill_opacity=0.4,
                tooltip=f"{place.name} (named as an institution)", popup=popup,
            ).add_to(markers)
        elif place.kind in AREA_KINDS:
            folium.CircleMarker(
                location=[place.lat, place.lon], radius=10, weight=3 if is_current else 2,
                color=CURRENT_MARKER_COLOUR if is_current else MARKER_COLOUR, fill=False,
                tooltip=f"{place.name} ({place.kind})", popup=popup,
            ).add_to(markers)
            areas.append(place.latlon)
        else:
            folium.Marker(
                location=[place.lat, place.lon],
                tooltip=place.name,
                popup=popup,
                icon=folium.Icon(
                    color=CURRENT_MARKER_COLOUR if is_current else MARKER_COLOUR,
                    icon="star" if is_current else "map-marker",
                    prefix="fa",
                ),
                z_index_offset=1000 if is_current else 0,
            ).add_to(markers)
            bounds.append(place.latlon)
    markers.add_to(m)

    if not bounds:
        bounds = areas or [p.latlon for p in story.places]
    if bounds:
        lats = [lat for lat, _ in bounds]
        lons = [lon for _, lon in bounds]
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(30, 30), max_zoom=8)
    return m
