"""A :class:`~geotimeline.models.Story` as JSON, GeoJSON and CSV.

The JSON shape ``geotimeline.story/1`` is a contract other tools rely on; add
keys, never rename or remove them::

    {"schema": "geotimeline.story/1",
     "articles": [{id, title, published, source}],
     "places":   [{id, name, lat, lon, country, kind, source, confidence,
                   mentions: [{article, start, end, text, metonym}], alternatives: [...]}],
     "events":   [{id, article, date, end_date, granularity, date_text, timex, places: [place ids],
                   summary, sentence, start, end, mode, status}],
     "journeys": [{id, mode, date, stops: [place ids], events: [event ids],
                   legs: [{from, to, mode, length_km, geometry: GeoJSON LineString}]}],
     "unresolved": [{name, mentions}], "warnings": [str]}
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

from geotimeline.models import Candidate, Event, Journey, MentionRef, Place, Story, iso
from geotimeline.models import date_value as _date_value

SCHEMA = "geotimeline.story/1"


def _mention(m: MentionRef) -> dict[str, Any]:
    return {"article": m.article, "start": m.start, "end": m.end, "text": m.text, "metonym": m.metonym}


def _candidate(c: Candidate) -> dict[str, Any]:
    d = asdict(c)
    d["score"] = round(c.score, 4)
    return d


def place_to_dict(p: Place) -> dict[str, Any]:
    return {
        "id": p.id,
        "name": p.name,
        "lat": round(p.lat, 5),
        "lon": round(p.lon, 5),
        "country": p.country,
        "kind": p.kind,
        "source": p.source,
        "confidence": round(p.confidence, 3),
        "mentions": [_mention(m) for m in p.mentions],
        "alternatives": [_candidate(c) for c in p.alternatives],
    }


def event_to_dict(e: Event) -> dict[str, Any]:
    return {
        "id": e.id,
        "article": e.article,
        "date": _date_value(e.date, e.granularity),
        "end_date": iso(e.end_date),
        "granularity": e.granularity,
        "date_text": e.date_text,
        "timex": e.timex,
        "places": list(e.places),
        "summary": e.summary,
        "sentence": e.sentence,
        "start": e.start,
        "end": e.end,
        "mode": e.mode,
        "status": e.status,
        "travel": e.travel,
        "destination": e.destination,
        "origin": e.origin,
        "via": list(e.via),
        "leg_modes": dict(e.leg_modes),
        "actor": e.actor,
    }


def journey_to_dict(j: Journey) -> dict[str, Any]:
    return {
        "id": j.id,
        "label": j.label,
        "mode": j.mode,
        "date": iso(j.date),
        "stops": list(j.stops),
        "events": list(j.events),
        "length_km": round(j.length_km, 1),
        "legs": [
            {
                "from": leg.origin,
                "to": leg.destination,
                "mode": leg.mode,
                "length_km": round(leg.length_km, 1),
                "inferred": leg.inferred,
                "routed": leg.routed,
                "geometry": leg.to_geojson(),
            }
            for leg in j.legs
        ],
    }


def story_to_dict(story: Story) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "articles": [
            {"id": a.id, "title": a.title, "published": iso(a.published), "source": a.source} for a in story.articles
        ],
        "places": [place_to_dict(p) for p in story.places],
        "events": [event_to_dict(e) for e in story.events],
        "journeys": [journey_to_dict(j) for j in story.journeys],
        "unresolved": [{"name": u.name, "mentions": [_mention(m) for m in u.mentions]} for u in story.unresolved],
        "warnings": list(story.warnings),
    }


def story_to_json(story: Story, *, indent: int | None = 2) -> str:
    return json.dumps(story_to_dict(story), ensure_ascii=False, indent=indent)


def story_to_geojson(story: Story) -> dict[str, Any]:
    """Places as Points, journey legs as LineStrings, in one FeatureCollection."""
    features: list[dict[str, Any]] = []
    events_by_place: dict[str, list[Event]] = {}
    for e in story.events:
        for pid in e.places:
            events_by_place.setdefault(pid, []).append(e)
    for p in story.places:
        evs = events_by_place.get(p.id, [])
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [round(p.lon, 5), round(p.lat, 5)]},
                "properties": {
                    "id": p.id,
                    "name": p.name,
                    "kind": p.kind,
                    "country": p.country,
                    "dates": [iso(e.date) for e in evs if e.date],
                    "events": [e.id for e in evs],
                },
            }
        )
    for j in story.journeys:
        for k, leg in enumerate(j.legs):
            features.append(
                {
                    "type": "Feature",
                    "geometry": leg.to_geojson(),
                    "properties": {
                        "journey": j.id,
                        "label": j.label,
                        "leg": k,
                        "from": leg.origin,
                        "to": leg.destination,
                        "mode": leg.mode,
                        "length_km": round(leg.length_km, 1),
                        "date": iso(j.date),
                        "inferred": leg.inferred,
                    },
                }
            )
    return {"type": "FeatureCollection", "features": features}


CSV_COLUMNS = (
    "event", "article", "date", "end_date", "granularity", "status", "mode",
    "places", "lat", "lon", "date_text", "summary", "sentence",
)


def story_to_csv(story: Story) -> str:
    """One row per event; lat/lon of its first place."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for e in story.events:
        places = [p for p in (story.place(pid) for pid in e.places) if p]
        first = places[0] if places else None
        writer.writerow(
            [
                e.id, e.article, _date_value(e.date, e.granularity) or "", iso(e.end_date) or "", e.granularity, e.status, e.mode,
                "; ".join(p.name for p in places),
                f"{first.lat:.5f}" if first else "", f"{first.lon:.5f}" if first else "",
                e.date_text, e.summary, e.sentence,
            ]
        )
    return out.getvalue()
