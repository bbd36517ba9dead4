"""The offline gazetteer: a SQLite index of places, queried lazily by folded name.

Open it (it is built on first use, about a minute, with a progress bar) and ask::

    >>> from geotimeline.geocoding.gazetteer import Gazetteer
    >>> gaz = Gazetteer.open()                                  # doctest: +SKIP
    >>> [c.country for c in gaz.candidates("Moscow", limit=3)]  # doctest: +SKIP
    ['RU', 'US', 'US']
    >>> gaz.geocode("Vladivostok").raw["country"]               # doctest: +SKIP
    'RU'
    >>> gaz.is_known("Qwxzy")                                   # doctest: +SKIP
    False

Candidates come best-first by *prior* (feature kind, then population); context-aware
ranking lives in :mod:`geotimeline.geocoding.resolve`. Nothing is loaded into memory up
front: each name is one indexed query, memoised, so a fresh process answers in
milliseconds. Rebuild by hand with::

    python -m geotimeline.geocoding.gazetteer build [PATH]
"""

from __future__ import annotations

import sqlite3
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from geotimeline.errors import GazetteerError
from geotimeline.geocoding.base import Geocoder
from geotimeline.geocoding.index_build import ABBREVIATION, INITIALS, PARENT_ONLY, build_index, is_initials
from geotimeline.geocoding.names import fold
from geotimeline.models import Candidate
from geotimeline.settings import Settings

if TYPE_CHECKING:
    from geopy.location import Location

__all__ = ["Gazetteer", "build_index", "fold"]

_COLUMNS = "p.id, p.name, p.lat, p.lon, p.country, p.kind, p.population, p.source, p.geonameid, p.admin1, p.admin2, p.prior"


class Gazetteer(Geocoder):
    """Read-only access to the index file at ``path``."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if not self.path.exists():
            raise GazetteerError(f"no gazetteer index at {self.path}; use Gazetteer.open() to build it")
        try:
            self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
            self._con.execute("SELECT 1 FROM place LIMIT 1").fetchone()
        except sqlite3.Error as exc:
            raise GazetteerError(f"cannot open the gazetteer index at {self.path}: {exc}") from exc
        self._lock = threading.Lock()
        self._rows: dict[tuple[str, bool], tuple[tuple, ...]] = {}
        self._prefix: dict[str, bool] = {}
        self._demonym: dict[str, tuple[str, str] | None] = {}
        self._stop: dict[str, str] = {}
        self._admin: dict[tuple[str, str], object] = {}

    @classmethod
    def open(cls, settings: Settings | None = None, *, progress: bool = True) -> Gazetteer:
        """Open the index named by ``settings`` (default: from the environment), building it if missing."""
        settings = settings or Settings.from_env()
        path = settings.gazetteer_path
        if not path.exists():
            build_index(path, progress=progress)
            _remove_stale(path)
        return cls(path)

    def close(self) -> None:
        self._con.close()

    def __enter__(self) -> Gazetteer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- low level ---------------------------------------------------------------------------
    def _query(self, sql: str, args: Sequence[object]) -> list[tuple]:
        try:
            with self._lock:
                return self._con.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise GazetteerError(f"gazetteer query failed ({self.path}): {exc}") from exc

    def rows(self, key: str, *, parent: bool = False) -> tuple[tuple, ...]:
        """All index rows for a folded ``key``, best prior first (``parent`` adds parent-only names).

        Columns: id, name, lat, lon, country, kind, population, source, geonameid, admin1, admin2,
        prior, and the name's flag (see :mod:`~geotimeline.geocoding.index_build`).
        """
        memo = (key, parent)
        hit = self._rows.get(memo)
        if hit is None:
            flag = "" if parent else f" AND n.flag != {PARENT_ONLY}"
            hit = tuple(self._query(
                f"SELECT {_COLUMNS}, n.flag FROM name n JOIN place p ON p.id = n.place "
                f"WHERE n.key = ?{flag} ORDER BY p.prior DESC",
                (key,),
            ))
            self._rows[memo] = hit
        return hit

    def is_abbreviation(self, name: str) -> bool:
        """True for curated abbreviations ("Calif.", "Ga.") whose period belongs to the name."""
        key = fold(name)
        # initials only when written as initials: "N.S.W." ends with its period, "NSW." ends a sentence
        flags = (ABBREVIATION, INITIALS) if is_initials(name) else (ABBREVIATION, ABBREVIATION)
        memo = ("abbreviation", key, flags)
        if memo not in self._admin:
            self._admin[memo] = bool(self._query(
                "SELECT 1 FROM name WHERE key = ? AND flag IN (?, ?) LIMIT 1", (key, *flags)))
        return bool(self._admin[memo])

    def has_prefix(self, key: str) -> bool:
        """True when some multi-word name starts with the words of ``key``."""
        hit = self._prefix.get(key)
        if hit is None:
            hit = bool(self._query("SELECT 1 FROM prefix WHERE key = ?", (key,)))
            self._prefix[key] = hit
        return hit

    def demonym(self, word: str) -> tuple[str, str] | None:
        """``("Russia", "RU")`` for "Russian"; ``None`` when ``word`` is not a known demonym."""
        key = fold(word)
        if key not in self._demonym:
            found = self._query("SELECT name, country FROM demonym WHERE key = ?", (key,))
            self._demonym[key] = (found[0][0], found[0][1]) if found else None
        return self._demonym[key]

    def is_stopname(self, name: str) -> bool:
        """True for names that exist in GeoNames but are almost never toponyms in prose."""
        return bool(self.stop_reason(name))

    def stop_reason(self, name: str) -> str:
        """Why ``name`` is a stop name ("first_name", "common_word", ...); "" when it is none."""
        hit = self._stop.get(name)  # memoised by the name as written too: the recogniser asks very often
        if hit is None:
            key = fold(name)
            hit = self._stop.get(key)
            if hit is None:
                found = self._query("SELECT reason FROM stopname WHERE key = ?", (key,))
                hit = self._stop[key] = (found[0][0] or "stop") if found else ""
            self._stop[name] = hit
        return hit

    # -- public ------------------------------------------------------------------------------
    def candidates(self, name: str, limit: int = 25) -> list[Candidate]:
        """Places ``name`` may refer to, best prior first; ``[]`` when unknown."""
        return [_candidate(r) for r in self.rows(fold(name))[:limit]]

    def is_known(self, name: str) -> bool:
        return bool(self.rows(fold(name))) if name.strip() else False

    def geocode(self, query: str, exactly_one: bool = True) -> Location | list[Location] | None:
        """geopy-style lookup; "City, Parent" queries prefer places inside the parent."""
        head, _, tail = query.partition(",")
        rows = list(self.rows(fold(head)))
        if tail.strip() and rows:
            parent = {fold(tail)} | {r[1] and fold(r[1]) for r in self.rows(fold(tail), parent=True)}
            inside = [r for r in rows if {fold(r[4]), fold(r[9]), fold(r[10])} & parent
                      or fold(self.country_name(r[4])) in parent]
            rows = inside or rows
        locations = [_location(r) for r in rows[: 1 if exactly_one else 25]]
        if exactly_one:
            return locations[0] if locations else None
        return locations

    def meta(self) -> dict[str, str]:
        """Facts about the index: when it was built, how long it took, how many places and names."""
        return dict(self._query("SELECT key, value FROM meta", ()))

    def country_name(self, iso2: str) -> str:
        """The gazetteer's name for a country code ("RU" -> "Russia"); ``""`` when unknown."""
        if not iso2:
            return ""
        memo = ("country", iso2)
        if memo not in self._admin:
            found = self._query("SELECT " + _COLUMNS + " FROM place p WHERE p.kind = 'country' AND p.country = ?"
                                " ORDER BY p.prior DESC LIMIT 1", (iso2,))
            self._admin[memo] = found[0] if found else None
        row = self._admin[memo]
        return row[1] if row else ""

    def neighbours(self, iso2: str) -> frozenset[str]:
        """ISO codes of the countries bordering ``iso2``."""
        memo = ("neighbours", iso2)
        if memo not in self._admin:
            self._admin[memo] = frozenset(r[0] for r in self._query(
                "SELECT other FROM neighbour WHERE country = ?", (iso2,)))
        return self._admin[memo]  # type: ignore[return-value]

    def country(self, iso2: str) -> Candidate | None:
        self.country_name(iso2)
        row = self._admin.get(("country", iso2))
        return _candidate(row) if row else None


def _remove_stale(current: Path) -> None:
    """Delete indexes built from older sources: a changed source gives a new file name."""
    for old in current.parent.glob("gazetteer-v*.sqlite"):
        if old != current:
            try:
                old.unlink()
            except OSError:
                pass  # in use elsewhere or already gone: harmless, it is only a cache


def _candidate(row: tuple) -> Candidate:
    return Candidate(name=row[1], lat=row[2], lon=row[3], country=row[4], kind=row[5], population=row[6],
                     source=row[7], geonameid=row[8])


def _location(row: tuple) -> Location:
    from geopy.location import Location

    raw = {"name": row[1], "country": row[4], "kind": row[5], "population": row[6], "admin1": row[9],
           "admin2": row[10], "geonameid": row[8], "source": row[7]}
    address = ", ".join(x for x in (row[1], row[10] if row[10] != row[1] else "", row[9] if row[9] != row[1] else "",
                                    row[4]) if x)
    return Location(address, (row[2], row[3]), raw)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] != "build":
        print("usage: python -m geotimeline.geocoding.gazetteer build [PATH]", file=sys.stderr)
        return 2
    import time

    path = Path(args[1]) if len(args) > 1 else Settings.from_env().gazetteer_path
    t0 = time.perf_counter()
    build_index(path, progress=True)
    size = path.stat().st_size / 1e6
    print(f"built {path} in {time.perf_counter() - t0:.1f} s ({size:.1f} MB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())


def written_as(rows: tuple[tuple, ...], written: str, short: bool = True) -> tuple[tuple, ...]:
    """The rows of a name that its written form supports.

    Abbreviation rows count only when the name is ``short`` (written like an abbreviation). Initials
    and a short form can fold to the same key, so the periods decide: "L.A." is Los Angeles and
    "La." Louisiana; capitals without periods ("DC", "NSW") keep the initials' reading.
    """
    if is_initials(written) and any(r[12] == INITIALS for r in rows):
        return tuple(r for r in rows if r[12] != ABBREVIATION)
    keep_initials = is_initials(written) or written.isupper()
    return tuple(r for r in rows if (r[12] != ABBREVIATION or short) and (r[12] != INITIALS or keep_initials))
