"""geotimeline: news articles in, geographic timelines out.

>>> from geotimeline import build_story, load_article
>>> story = build_story([load_article("article.txt", published=datetime.date(2011, 8, 21))])  # doctest: +SKIP
>>> [(e.date, [story.place(p).name for p in e.places]) for e in story.events]                  # doctest: +SKIP

Data flows one way: text -> mentions -> events -> places -> journeys -> views.
The records are in :mod:`geotimeline.models`, the errors in :mod:`geotimeline.errors`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from geotimeline.errors import (
    ConfigurationError,
    GazetteerError,
    GeocoderError,
    GeotimelineError,
    InputError,
    MissingDependency,
    RailDataError,
)
from geotimeline.ingest import article_from_bytes, article_from_html, article_from_text, load_article
from geotimeline.models import (
    Article,
    Candidate,
    DateMention,
    Event,
    Journey,
    Leg,
    MentionRef,
    Place,
    PlaceMention,
    Story,
    Unresolved,
)
from geotimeline.settings import Settings

if TYPE_CHECKING:
    from geotimeline.story import build_story

__version__ = "0.1.0"

__all__ = [
    "Article",
    "Candidate",
    "ConfigurationError",
    "DateMention",
    "Event",
    "GazetteerError",
    "GeocoderError",
    "GeotimelineError",
    "InputError",
    "Journey",
    "Leg",
    "MentionRef",
    "MissingDependency",
    "Place",
    "RailDataError",
    "PlaceMention",
    "Settings",
    "Story",
    "Unresolved",
    "article_from_bytes",
    "article_from_html",
    "article_from_text",
    "build_story",
    "load_article",
]


def __getattr__(name: str) -> Any:
    # build_story pulls in the extractors and the gazetteer: import it only when asked for.
    if name == "build_story":
        from geotimeline.story import build_story

        return build_story
    raise AttributeError(f"module 'geotimeline' has no attribute {name!r}")
