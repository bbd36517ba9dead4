"""Online geocoding through geopy: polite, cached, and off unless asked for.

The offline gazetteer answers most names. For the rest, an online service such as
OpenStreetMap's Nominatim can be consulted -- but only when the user opts in
(``GEOTIMELINE_ONLINE=1``), and only within the service's usage policy::

    >>> from geotimeline.settings import Settings
    >>> online_geocoder(Settings(online=False)) is None     # the default: no network at all
    True
    >>> settings = Settings(online=True, user_agent="geotimeline/0.1 (you@example.org)")
    >>> geocoder = online_geocoder(settings)                # doctest: +SKIP
    >>> geocoder.geocode("Khasan").raw["country"]           # doctest: +SKIP
    'RU'
    >>> geocoder.candidates("Khasan")[0].source             # doctest: +SKIP
    'online:nominatim'

What it promises:

* **Policy at construction.** Public Nominatim (no ``geocoder_domain``, or
  ``nominatim.openstreetmap.org``) is refused with a
  :class:`~geotimeline.errors.ConfigurationError` unless ``user_agent`` identifies the
  application with a contact (an e-mail or a URL) and ``min_delay_seconds`` is at least
  1. A self-hosted server (any other domain) may be asked as fast as you like.
* **Rate limit.** Requests go through geopy's ``RateLimiter`` (errors re-raised, never
  swallowed as ``None``); its clock and sleep are the ``clock`` / ``sleep`` arguments, so
  tests never wait.
* **Cache.** Every answer, and every "not found", is stored in the
  :class:`~geotimeline.geocoding.cache.GeocodeCache`; a cached name never touches the
  network again, in this run or the next.
* **Errors.** geopy's timeouts become :class:`~geotimeline.errors.GeocoderTimeout`,
  everything else the service does wrong :class:`~geotimeline.errors.GeocoderUnavailable`.
  Failures are not cached: the next call asks again.

The rate limit belongs to one instance, so keep one per process (in Streamlit, behind
``st.cache_resource``) rather than one per rerun.
"""

from __future__ import annotations

import inspect
import re
import time
from collections.abc import Callable
from dataclasses import asdict
from typing import Any

import geopy.exc
from geopy.adapters import AdapterHTTPError, BaseAdapter, RequestsAdapter, URLLibAdapter
from geopy.extra.rate_limiter import RateLimiter
from geopy.geocoders import get_geocoder_for_service
from geopy.location import Location

from geotimeline.errors import ConfigurationError, GeocoderError, GeocoderTimeout, GeocoderUnavailable
from geotimeline.geocoding.base import Geocoder
from geotimeline.geocoding.cache import GeocodeCache
from geotimeline.models import Candidate
from geotimeline.settings import Settings

__all__ = ["OnlineGeocoder", "check_policy", "online_geocoder"]

PUBLIC_NOMINATIM = "nominatim.openstreetmap.org"
FETCH_LIMIT = 10
"""Answers asked for (and cached) per query; ``candidates(limit=...)`` slices from these."""

_MAX_RETRIES = 1
# One retry: a dashboard user is waiting, and geopy's RateLimiter waits error_wait_seconds before each.
_ERROR_WAIT_SECONDS = 5.0

_SAMPLE_USER_AGENTS = frozenset({"", "my-application", "my_app/1", "my_user_agent/1.0", "specify_your_app_name_here"})
_CONTACT = re.compile(r"[^\s@()<>]+@[^\s@()<>]+\.[a-z]{2,}|https?://\S+", re.IGNORECASE)

# Nominatim's addresstype/type -> our Candidate.kind vocabulary; anything else keeps its own word.
_KINDS = {
    "country": "country",
    "state": "admin1",
    "province": "admin1",
    "region": "admin1",
    "county": "admin2",
    "district": "admin2",
    "state_district": "admin2",
    "municipality": "city",
    "city": "city",
    "town": "city",
    "village": "city",
    "hamlet": "city",
    "suburb": "city",
    "administrative": "city",
    "peak": "mountain",
    "volcano": "mountain",
    "mountain_range": "mountain",
    "sea": "sea",
    "bay": "sea",
    "strait": "sea",
    "river": "river",
    "island": "island",
    "islet": "island",
    "continent": "continent",
}

Clock = Callable[[], float]
Sleep = Callable[[float], None]


def online_geocoder(settings: Settings) -> OnlineGeocoder | None:
    """An :class:`OnlineGeocoder` for ``settings``, or ``None`` when ``settings.online`` is off."""
    return OnlineGeocoder(settings) if settings.online else None


def check_policy(settings: Settings) -> None:
    """Raise :class:`ConfigurationError` when ``settings`` would breach public Nominatim's policy.

    >>> check_policy(Settings(user_agent="geotimeline/0.1 (you@example.org)"))
    >>> check_policy(Settings(user_agent="my-app"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    geotimeline.errors.ConfigurationError: public Nominatim needs a user agent that identifies ...
    """
    public = _host(settings.geocoder_domain) in ("", PUBLIC_NOMINATIM)
    if settings.geocoder.strip().lower() != "nominatim" or not public:
        return
    agent = settings.user_agent.strip()
    if agent.lower() in _SAMPLE_USER_AGENTS or agent.lower().startswith("geopy/") or not _CONTACT.search(agent):
        raise ConfigurationError(
            f"public Nominatim needs a user agent that identifies you with a contact, got {agent!r}: "
            'set GEOTIMELINE_USER_AGENT="geotimeline/0.1 (you@example.org)" '
            "or point GEOTIMELINE_GEOCODER_DOMAIN at your own server"
        )
    if settings.min_delay_seconds < 1.0:
        raise ConfigurationError(
            f"public Nominatim allows at most 1 request per second, got min_delay_seconds="
            f"{settings.min_delay_seconds}: set GEOTIMELINE_MIN_DELAY_SECONDS=1 (or more)"
        )


class OnlineGeocoder(Geocoder):
    """A geopy provider behind a policy check, a rate limiter and a persistent cache.

    ``cache`` defaults to the one at ``settings.geocode_cache_path``; ``clock`` and
    ``sleep`` drive the rate limiter (tests pass fakes).
    """

    def __init__(
        self,
        settings: Settings,
        *,
        cache: GeocodeCache | None = None,
        clock: Clock = time.monotonic,
        sleep: Sleep = time.sleep,
    ) -> None:
        check_policy(settings)
        self.settings = settings
        self.service = settings.geocoder.strip().lower()
        self._provider = _make_provider(settings)
        # The cache namespace includes the server: a test server's "Moscow" is not the public one's.
        self.provider_key = f"{self.service}@{getattr(self._provider, 'domain', '') or 'default'}"
        self.cache = cache if cache is not None else GeocodeCache(settings.geocode_cache_path)
        self._limited = _SeamedRateLimiter(
            self._provider.geocode,
            clock=clock,
            sleep=sleep,
            min_delay_seconds=settings.min_delay_seconds,
            max_retries=_MAX_RETRIES,
            error_wait_seconds=max(_ERROR_WAIT_SECONDS, settings.min_delay_seconds),
            swallow_exceptions=False,
        )
        self._query_args = _supported(
            self._provider.geocode,
            {"exactly_one": False, "limit": FETCH_LIMIT, "addressdetails": True, "language": "en"},
        )

    @property
    def source(self) -> str:
        """What :attr:`Candidate.source` says for answers from here: ``online:<service>``."""
        return f"online:{self.service}"

    def geocode(self, query: str, exactly_one: bool = True) -> Location | list[Location] | None:
        """geopy-style lookup; ``Location.raw`` is the :class:`Candidate` as a dict."""
        locations = [_location(c) for c in self.candidates(query, limit=FETCH_LIMIT)]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def candidates(self, query: str, limit: int = 5) -> list[Candidate]:
        """Up to ``limit`` (at most :data:`FETCH_LIMIT`) answers for ``query``, best first; cached."""
        if not query.strip():
            return []
        cached = self.cache.get(self.provider_key, query)
        if cached is None:
            cached = [_candidate(loc, self.source) for loc in self._fetch(query.strip())]
            self.cache.put(self.provider_key, query, cached)
        return cached[: max(limit, 0)]

    def _fetch(self, query: str) -> list[Location]:
        try:
            found = self._limited(query, **self._query_args)
        except geopy.exc.GeocoderTimedOut as exc:
            if _http_status(exc) == 503:  # geopy files "503 Service Unavailable" under timeouts
                raise GeocoderUnavailable(f"{self.provider_key} is unavailable (HTTP 503)") from exc
            raise GeocoderTimeout(
                f"{self.provider_key} did not answer within {self.settings.geocoder_timeout} s"
            ) from exc
        except geopy.exc.GeocoderServiceError as exc:
            raise GeocoderUnavailable(f"{self.provider_key} failed: {exc}") from exc
        except geopy.exc.GeopyError as exc:
            raise GeocoderError(f"{self.provider_key} failed: {exc}") from exc
        if found is None:
            return []
        return found if isinstance(found, list) else [found]

    def __repr__(self) -> str:
        return f"OnlineGeocoder({self.provider_key!r}, cache={self.cache!r})"


class _SeamedRateLimiter(RateLimiter):
    """geopy's RateLimiter with its clock and sleep handed in instead of patched."""

    def __init__(self, func: Callable[..., Any], *, clock: Clock, sleep: Sleep, **kwargs: Any) -> None:
        super().__init__(func, **kwargs)
        self._clock_fn = clock
        self._sleep_fn = sleep

    def _clock(self) -> float:
        return self._clock_fn()

    def _sleep(self, seconds: float) -> None:
        self._sleep_fn(seconds)


def _make_provider(settings: Settings) -> Any:
    try:
        cls = get_geocoder_for_service(settings.geocoder.strip().lower())
    except geopy.exc.GeocoderNotFound as exc:
        raise ConfigurationError(
            f"unknown geocoder {settings.geocoder!r}: set GEOTIMELINE_GEOCODER to a geopy service name"
        ) from exc
    wanted: dict[str, Any] = {
        "adapter_factory": _adapter,
        "scheme": settings.geocoder_scheme,
        "timeout": settings.geocoder_timeout,
        "user_agent": settings.user_agent.strip() or None,
    }
    if settings.geocoder_domain.strip():
        wanted["domain"] = _host(settings.geocoder_domain, keep_port=True)
    accepted = _supported(cls, wanted)
    if "domain" in wanted and "domain" not in accepted:
        raise ConfigurationError(
            f"geocoder {settings.geocoder!r} does not take a domain: unset GEOTIMELINE_GEOCODER_DOMAIN"
        )
    try:
        return cls(**accepted)
    except (geopy.exc.ConfigurationError, TypeError) as exc:
        raise ConfigurationError(f"cannot set up geocoder {settings.geocoder!r}: {exc}") from exc


def _adapter(*, proxies: Any, ssl_context: Any) -> BaseAdapter:
    # No transport-level retries: they would bypass the rate limiter, and urllib3 reports a
    # retried read timeout as a connection error. RateLimiter does the (paced) retrying.
    if RequestsAdapter.is_available:
        return RequestsAdapter(proxies=proxies, ssl_context=ssl_context, max_retries=0)
    return URLLibAdapter(proxies=proxies, ssl_context=ssl_context)


def _supported(func: Callable[..., Any], kwargs: dict[str, Any]) -> dict[str, Any]:
    params = inspect.signature(func).parameters
    return {k: v for k, v in kwargs.items() if k in params}


def _host(domain: str, *, keep_port: bool = False) -> str:
    host = re.sub(r"^[a-z][a-z0-9+.-]*://", "", domain.strip(), flags=re.IGNORECASE).strip("/").lower()
    return host if keep_port else host.split(":")[0]


def _http_status(exc: BaseException) -> int | None:
    cause = exc.__cause__
    return cause.status_code if isinstance(cause, AdapterHTTPError) else None


def _candidate(location: Location, source: str) -> Candidate:
    raw = location.raw if isinstance(location.raw, dict) else {}
    address = raw.get("address") if isinstance(raw.get("address"), dict) else {}
    kind_word = str(raw.get("addresstype") or raw.get("type") or "")
    try:
        score = float(raw.get("importance") or 0.0)
    except (TypeError, ValueError):
        score = 0.0
    return Candidate(
        name=str(raw.get("name") or (location.address or "").split(",")[0].strip()),
        lat=location.latitude,
        lon=location.longitude,
        country=str(address.get("country_code") or "").upper(),
        kind=_KINDS.get(kind_word, kind_word or "city"),
        source=source,
        score=score,
    )


def _location(candidate: Candidate) -> Location:
    raw = asdict(candidate)
    label = f"{candidate.name}, {candidate.country}" if candidate.country else candidate.name
    return Location(label, (candidate.lat, candidate.lon), raw)
