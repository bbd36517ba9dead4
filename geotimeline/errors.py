"""One error tree for geotimeline.

::

    GeotimelineError
    ├── InputError (ValueError)            bad input from the user: empty, binary, unreadable, malformed
    ├── RailDataError (ValueError)         the curated rail data in data/rail/ is malformed
    ├── ConfigurationError (ValueError)    a setting or provider policy breach (e.g. public Nominatim without
    │                                      an identifying user agent or with more than 1 request/s)
    ├── GazetteerError (OSError)           the offline index cannot be built or opened
    ├── CacheError (OSError)               the geocode cache or the corrections store cannot be read/written
    ├── GeocoderError                      an online geocoder failed (translated from geopy at the boundary)
    │   ├── GeocoderTimeout (TimeoutError)
    │   └── GeocoderUnavailable (OSError)
    └── MissingDependency (ImportError)    an optional extra is not installed; the message names it

"Nothing found" is never an error: functions return ``None`` or ``[]``.
"""

from __future__ import annotations


class GeotimelineError(Exception):
    """Base of every error geotimeline raises on purpose."""


class InputError(GeotimelineError, ValueError):
    """The input cannot be turned into a story (empty, binary, malformed)."""


class RailDataError(GeotimelineError, ValueError):
    """The curated rail data is malformed (unknown station id, bad coordinate, missing column)."""


class ConfigurationError(GeotimelineError, ValueError):
    """A setting is invalid or breaches a provider's usage policy."""


class GazetteerError(GeotimelineError, OSError):
    """The offline gazetteer index cannot be built or read."""


class CacheError(GeotimelineError, OSError):
    """The geocode cache or the user-corrections store cannot be opened, read or written."""


class GeocoderError(GeotimelineError):
    """An online geocoder failed."""


class GeocoderTimeout(GeocoderError, TimeoutError):
    """An online geocoder did not answer in time."""


class GeocoderUnavailable(GeocoderError, OSError):
    """An online geocoder refused or could not be reached."""


class MissingDependency(GeotimelineError, ImportError):
    """An optional feature's packages are not installed."""

    def __init__(self, feature: str, extra: str) -> None:
        super().__init__(f"{feature} needs extra packages: pip install 'geotimeline[{extra}]'")
        self.extra = extra
