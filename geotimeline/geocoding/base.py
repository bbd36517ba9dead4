"""The one geocoding contract: a name in, geopy ``Location`` objects out.

Every geocoder in geotimeline -- the offline :class:`~geotimeline.geocoding.gazetteer.Gazetteer`
and the online providers in :mod:`geotimeline.geocoding.online` -- answers the same question
the same way geopy's geocoders do, so callers can swap one for another::

    >>> from geotimeline.geocoding.gazetteer import Gazetteer
    >>> geocoder: Geocoder = Gazetteer.open()          # doctest: +SKIP
    >>> loc = geocoder.geocode("Vladivostok")            # doctest: +SKIP
    >>> round(loc.latitude), round(loc.longitude)        # doctest: +SKIP
    (43, 132)
    >>> geocoder.geocode("Nowhere-in-particular")        # doctest: +SKIP

Rules every implementation keeps:

* "nothing found" is ``None`` (or ``[]`` with ``exactly_one=False``), never an exception;
* failures (index unreadable, service down, timeout) raise a
  :class:`geotimeline.errors.GeotimelineError` subclass, translated at the boundary;
* ``Location.raw`` is a plain dict; implementations put at least ``name``, ``country``
  (ISO 3166-1 alpha-2) and ``kind`` in it when they know them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from geopy.location import Location

__all__ = ["Geocoder", "Location"]


def __getattr__(name: str) -> Any:
    # geopy's package import pulls in every provider and requests (~0.15 s); the offline
    # path only needs Location when someone actually geocodes, so import it on demand.
    if name == "Location":
        from geopy.location import Location

        return Location
    raise AttributeError(name)


class Geocoder(ABC):
    """A source of coordinates for place names, with geopy's ``geocode`` signature."""

    @abstractmethod
    def geocode(self, query: str, exactly_one: bool = True) -> Location | list[Location] | None:
        """Find ``query``.

        With ``exactly_one`` the best match or ``None``; otherwise a list of matches,
        best first, possibly empty.
        """
