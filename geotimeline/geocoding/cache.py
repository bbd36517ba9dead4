"""Two small SQLite stores: what geocoders answered, and what the user decided.

:class:`GeocodeCache` remembers every answer an online geocoder gave -- including
"nothing found" -- so a name is asked at most once, and the next run is offline::

    >>> import tempfile, pathlib
    >>> from geotimeline.models import Candidate
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> cache = GeocodeCache(folder / "geocode-cache.sqlite")
    >>> cache.get("nominatim", "Khasan") is None          # never asked
    True
    >>> cache.put("nominatim", "Khasan", [Candidate("Khasan", 42.43, 130.64, "RU")])
    >>> cache.get("nominatim", "  khasan ")[0].country     # case and spacing do not matter
    'RU'
    >>> cache.put("nominatim", "Xyzzyville", [])           # asked, nothing found
    >>> cache.get("nominatim", "Xyzzyville")
    []

:class:`Corrections` keeps the user's own choices ("this Moscow is the one in
Russia"). It lives in a file of its own, so deleting or rebuilding every cache never
loses them. Names are matched after folding (:func:`fold_name`), so ``"  moscow "``
finds what was saved as ``"Moscow"`` and ``"Zurich"`` finds ``"Zürich"``::

    >>> fixes = Corrections(folder / "corrections.sqlite")
    >>> fixes.set("Moscow", 55.7558, 37.6173, country="RU", kind="city")
    >>> fixes.get("  moscow ").lat
    55.7558
    >>> fixes.remove("Moscow"), fixes.get("Moscow")
    (True, None)

Both are safe to share between Streamlit's script threads: one connection opened
with ``check_same_thread=False``, every statement under a lock. Every
:mod:`sqlite3` failure comes out as :class:`geotimeline.errors.CacheError`.
"""

from __future__ import annotations

import json
import math
import sqlite3
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from anyascii import anyascii

from geotimeline.errors import CacheError, InputError
from geotimeline.models import Candidate
from geotimeline.settings import Settings

__all__ = ["Corrections", "GeocodeCache", "fold_name"]

_CANDIDATE_FIELDS = frozenset(f.name for f in fields(Candidate))


def fold_name(name: str) -> str:
    """The key a user correction is stored under: ASCII, case-folded, single-spaced.

    >>> fold_name("  Zürich\\tHauptbahnhof ")
    'zurich hauptbahnhof'
    """
    return " ".join(anyascii(name).casefold().split())


def _query_key(query: str) -> str:
    # Cache keys keep the script (no anyascii): two spellings that fold to the same
    # ASCII may still be different questions for an online geocoder.
    return " ".join(query.casefold().split())


class _SQLiteStore:
    """One SQLite file, one connection, one lock, errors translated to CacheError."""

    _SCHEMA = ""
    _VERSION = 1

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise CacheError(f"cannot open {self.path}: {exc}") from exc
        with self._locked() as conn:
            conn.executescript(self._SCHEMA)
            conn.execute(f"PRAGMA user_version = {self._VERSION}")

    @contextmanager
    def _locked(self) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                yield self._conn
            except sqlite3.Error as exc:
                raise CacheError(f"{self.path}: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> _SQLiteStore:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"{type(self).__name__}({str(self.path)!r})"


class GeocodeCache(_SQLiteStore):
    """Answers of geocoding services, keyed by (provider, query); negative answers included."""

    _SCHEMA = """
        CREATE TABLE IF NOT EXISTS answers (
            provider TEXT NOT NULL,
            query    TEXT NOT NULL,
            answers  TEXT NOT NULL,   -- JSON list of Candidate dicts, best first
            created  REAL NOT NULL,   -- unix time, for whoever wants to expire entries
            PRIMARY KEY (provider, query)
        );
    """

    @classmethod
    def open(cls, settings: Settings | None = None) -> GeocodeCache:
        """The cache at ``settings.geocode_cache_path`` (``Settings.from_env()`` by default)."""
        return cls((settings or Settings.from_env()).geocode_cache_path)

    def get(self, provider: str, query: str) -> list[Candidate] | None:
        """The cached answers, ``[]`` when the provider found nothing, ``None`` when never asked."""
        with self._locked() as conn:
            row = conn.execute(
                "SELECT answers FROM answers WHERE provider = ? AND query = ?", (provider, _query_key(query))
            ).fetchone()
        if row is None:
            return None
        return [_candidate_from_dict(item) for item in json.loads(row[0])]

    def put(self, provider: str, query: str, answers: Sequence[Candidate]) -> None:
        """Remember ``answers`` (possibly empty) for ``query``, replacing what was there."""
        payload = json.dumps([asdict(c) for c in answers], ensure_ascii=False)
        with self._locked() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO answers (provider, query, answers, created) VALUES (?, ?, ?, ?)",
                (provider, _query_key(query), payload, time.time()),
            )

    def clear(self, provider: str | None = None) -> int:
        """Forget every answer (of one provider, if given); returns how many were dropped."""
        with self._locked() as conn:
            if provider is None:
                cursor = conn.execute("DELETE FROM answers")
            else:
                cursor = conn.execute("DELETE FROM answers WHERE provider = ?", (provider,))
        return cursor.rowcount

    def __len__(self) -> int:
        with self._locked() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM answers").fetchone()[0])


class Corrections(_SQLiteStore):
    """The user's own coordinates for names, which win over any gazetteer or geocoder."""

    _SCHEMA = """
        CREATE TABLE IF NOT EXISTS corrections (
            key     TEXT PRIMARY KEY,  -- fold_name(name)
            name    TEXT NOT NULL,     -- as the user wrote it
            lat     REAL NOT NULL,
            lon     REAL NOT NULL,
            label   TEXT NOT NULL,
            country TEXT NOT NULL,
            kind    TEXT NOT NULL,
            source  TEXT NOT NULL,
            updated REAL NOT NULL
        );
    """

    @classmethod
    def open(cls, settings: Settings | None = None) -> Corrections:
        """The store at ``settings.corrections_path`` (``Settings.from_env()`` by default)."""
        return cls((settings or Settings.from_env()).corrections_path)

    def set(
        self,
        name: str,
        lat: float,
        lon: float,
        *,
        label: str = "",
        country: str = "",
        kind: str = "",
        source: str = "user",
    ) -> None:
        """Pin ``name`` to (lat, lon), replacing any earlier choice for the same folded name.

        ``label`` is what to display instead of ``name`` (e.g. "Khasan, Primorsky Krai").
        Raises :class:`~geotimeline.errors.InputError` for an empty name or coordinates
        outside [-90, 90] x [-180, 180].
        """
        key = fold_name(name)
        if not key:
            raise InputError("a correction needs a place name")
        lat, lon = _checked_latlon(lat, lon)
        with self._locked() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO corrections VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (key, name.strip(), lat, lon, label, country.upper(), kind, source, time.time()),
            )

    def get(self, name: str) -> Candidate | None:
        """The user's choice for ``name`` (matched after :func:`fold_name`), or ``None``."""
        with self._locked() as conn:
            row = conn.execute(
                "SELECT name, lat, lon, label, country, kind, source FROM corrections WHERE key = ?",
                (fold_name(name),),
            ).fetchone()
        return None if row is None else _candidate_from_row(row)

    def remove(self, name: str) -> bool:
        """Forget the choice for ``name``; ``False`` when there was none."""
        with self._locked() as conn:
            cursor = conn.execute("DELETE FROM corrections WHERE key = ?", (fold_name(name),))
        return cursor.rowcount > 0

    def all(self) -> dict[str, Candidate]:
        """Every correction, keyed by the name as the user wrote it, in name order."""
        with self._locked() as conn:
            rows = conn.execute(
                "SELECT name, lat, lon, label, country, kind, source FROM corrections ORDER BY key"
            ).fetchall()
        return {row[0]: _candidate_from_row(row) for row in rows}

    def __len__(self) -> int:
        with self._locked() as conn:
            return int(conn.execute("SELECT COUNT(*) FROM corrections").fetchone()[0])


def _checked_latlon(lat: float, lon: float) -> tuple[float, float]:
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError) as exc:
        raise InputError(f"coordinates must be numbers, got {lat!r}, {lon!r}") from exc
    if not (math.isfinite(lat) and -90.0 <= lat <= 90.0):
        raise InputError(f"latitude must be between -90 and 90, got {lat}")
    if not (math.isfinite(lon) and -180.0 <= lon <= 180.0):
        raise InputError(f"longitude must be between -180 and 180, got {lon}")
    return lat, lon


def _candidate_from_dict(item: dict[str, Any]) -> Candidate:
    # Ignore keys a newer version may have written, so an old reader never crashes.
    return Candidate(**{k: v for k, v in item.items() if k in _CANDIDATE_FIELDS})


def _candidate_from_row(row: tuple[Any, ...]) -> Candidate:
    name, lat, lon, label, country, kind, source = row
    # A user's choice is certain, hence score 1.0.
    return Candidate(name=label or name, lat=lat, lon=lon, country=country, kind=kind, source=source, score=1.0)
