"""Places to coordinates.

- :mod:`.base`: the geopy-style :class:`~.base.Geocoder` contract (``geocode(query, exactly_one=True)``).
- :mod:`.gazetteer` / :mod:`.index_build`: the offline SQLite index and how it is built.
- :mod:`.resolve`: choosing among a name's candidates with the article's context.
- :mod:`.online`: geopy providers behind a rate limiter, for names the gazetteer is unsure of.
- :mod:`.cache`: the persistent answer cache and the user's corrections (kept apart).
"""
