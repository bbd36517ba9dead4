"""Toponym resolution: pick, for each place mention, the gazetteer entry the text means.

Each candidate's score adds up evidence that generalises across texts::

    score = prior (feature kind + log population, from the index)
          + its country's share of the document's other places; a bordering country's share
          + its first-level region / county named or implied elsewhere ("Edgar County" -> Paris, Ill.)
          + demonym just before ("the Russian town of Khasan")
          + "X, Y" parent match ("Springfield, Ill.", "Paris, Texas")
          + a town lying in a county another name can mean, or a county holding such a town
            ("Paris and Henry County": both in Tennessee)
          - the name is only an alternate name of the candidate
          + closeness to the other places' best readings

A name never votes for its own reading. The context is computed twice: first from every
name's best prior reading, then from the first pass's answers (so "Gainesville" read as the
Georgia town lends Georgia to the rest of the document).

    >>> from geotimeline.geocoding.gazetteer import Gazetteer
    >>> from geotimeline.extract.places import find_places
    >>> gaz = Gazetteer.open()                                        # doctest: +SKIP
    >>> text = "Kim arrived in the Russian town of Khasan."
    >>> [(r.mention.text, r.best.country) for r in resolve(find_places(text, gaz), text, gaz)]  # doctest: +SKIP
    [('Khasan', 'RU')]

One sense per document: every mention of the same name gets the same place. A name the
gazetteer does not know gives a :class:`Resolution` with ``best=None``; it never stops the
others from resolving.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from geotimeline.extract.places import LIST_GAP, PREFIX_HEADS, WATER_HEADS, written
from geotimeline.geocoding.gazetteer import Gazetteer, written_as
from geotimeline.geocoding.index_build import ALTERNATE
from geotimeline.geocoding.names import fold
from geotimeline.models import Candidate, PlaceMention

__all__ = ["Resolution", "resolve"]

MAX_CANDIDATES = 20
MORE_CANDIDATES = 30
"""Namesakes beyond the first MAX_CANDIDATES (by prior) are kept, up to this many, when in a region the text names."""
SECOND_PASS = 8
"""Candidates rescored in the second pass."""
KIND_ADJUST: dict[str, float] = {}
"""Added to the index prior by feature kind, at resolution time."""
ALTERNATIVES = 5

W_COUNTRY = 3.0
"""Candidate lies in a country named (or implied by a demonym) in the document."""
W_NEIGHBOUR = 1.5
"""Candidate lies in a country bordering one named in the document."""
W_ADMIN1 = 2.6
"""Candidate lies in a first-level region named in the document."""
W_ADMIN2 = 3.0
"""Candidate lies in a second-level region (county) named in the document."""
W_PARENT = 8.0
"""Candidate lies in Y of "X, Y"."""
W_NEAR = 3.0
"""Candidate is close to the other places of the document (scaled by closeness)."""
NEIGHBOURHOOD_KM = 20.0
NEIGHBOURHOOD_RATIO = 20
"""A candidate this much smaller than both a mentioned city within NEIGHBOURHOOD_KM and the name's biggest reading
gains nothing from being near it."""
W_DEMONYM_NEAR = 3.0
"""Demonym right before the name: "the Russian town of Khasan"."""
W_DATELINE = 4.0
"""A bare dateline city is a well-known one: "ATLANTA" atop a story about Texas is still Georgia's capital."""
BIG_DATELINE_CITY = 100_000
_DATELINE_AFTER = re.compile(r"\s*(?:,|\(|—|–|-\s)")


def _is_dateline(text: str, m: PlaceMention) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    return not text[line_start:m.start].strip() and m.text.isupper() and bool(_DATELINE_AFTER.match(text, m.end))


W_FEATURE = 2.0
"""The name is written like a natural feature ("the Andes", "the Red Sea", "the Dnipro river")."""
NATURAL_KINDS = frozenset("""range mountain river lake sea ocean gulf strait bay desert peninsula island archipelago
valley plain canal""".split())
_FEATURE_NAME_WORDS = frozenset({"sea", "ocean", "river", "lake", "gulf", "bay", "strait", "straits", "desert",
                                  "mountains", "peninsula", "canal"})
_FEATURE_BEFORE = re.compile(r"\bthe\s$")
_FEATURE_AFTER = re.compile(r"\s+(?:river|coast|mountains|range|valley|sea|lake|desert|peninsula|strait|islands?|"
                            r"basin|delta|plateau|gulf|bay)\b")
W_SENTENCE_COUNTRY = 3.0
"""Candidate lies in a country the same sentence puts things in ("In New Zealand ...", "... in Italy")."""
_IN_COUNTRY = re.compile(r"\b(?:in|across|throughout|around|toured|touring|tours)\s+(?:the\s+)?$", re.I)
W_TOWN = 4.0
"""For a settlement when the text says the name is one: "the town of Liberia", "Liberia, the provincial capital"."""
_LOCAL_TAILS = frozenset({"creek", "lake", "falls", "reservoir", "lagoon", "gorge", "glacier", "hills", "mountains",
                          "valley", "canyon", "basin", "moor"})
"""An unknown "X Creek", "X Hills" is a small feature near the town X, if near it at all: unlike a river or a
county, it does not stretch far from where it is named after."""
BORROWED_NEAR_KM = 150.0
"""An unknown "Lake X" / "Mount X" / "X Creek" (any of _LOCAL_TAILS) is read as the town X only this close to
another place of the text."""
_SETTLEMENT_KINDS = frozenset({"city", "town", "village", "port"})
_TOWN_BEFORE = re.compile(r"\b(?:town|city|village|port|municipality|township|suburb)\s+of\s+$", re.I)
_TOWN_AFTER = re.compile(r",\s+(?:the|a)\s+(?:(?:provincial|regional|state|district|county|departmental|small|"
                         r"coastal|border|market|mining|port|fishing|northern|southern|eastern|western|central)\s+)?"
                         r"(?:town|city|village|capital|municipality|township|suburb)\b")
_POSSESSOR_BEFORE = re.compile(r"\b([A-Z][\w-]+(?: [A-Z][\w-]+)?)['\u2019]s\s+(?:[a-z-]+\s+){0,2}$")
"""A country's possessive before a name: "Spain's Valencia", "Chile's northern Atacama"."""
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n")
_STATE_AFTER = re.compile(r"\s+(?-i:state)(?:\s+(?:line|border|capital|legislature|lawmakers|law|police|"
                          r"officials|government|university|senate|house)|(?!\s+of))\b")
NEAR_KM = 1500.0
"""Beyond this distance another place of the document gives no support."""
W_NESTED = 2.0
"""Candidate lies in a county another name of the document can mean, or is a county containing
a town another name can mean."""
W_ALTERNATE = -1.0
"""The name is only an alternate name of the candidate (GeoNames lists old, foreign and variant names,
some odd: Swainsboro, Georgia is also "Paris"), weaker evidence than a place's own name."""

_PARENT_GAP = re.compile(r",\s*$")
_WITHIN_GAP = re.compile(r"(?:,?\s+in|(?P<apposition>,\s+(?:the|a|an)\s+(?:[\w-]+\s+){0,3}(?:town|city|port|village|"
                         r"capital|resort|suburb|district|island|region|province|state|county)\s+(?:in|of|on)))"
                         r"\s+(?:the\s+)?(?:(?:upstate|downstate|rural|northern|southern|eastern|western|central|"
                         r"(?:north|south)(?:-?(?:east|west))?|east|west)(?:ern)?\s+)?$", re.IGNORECASE)
"""Between a place and the region it is said to lie in: "Rochester in upstate New York", "Richmond, in south-west
London", "Parana in Entre Rios province"; or an apposition: "Kramatorsk, a city in the Donetsk region"."""
_DEMONYM_OF = re.compile(r"\b([A-Z][\w-]+(?: [A-Z][\w-]+)?)\s+(?:[a-z-]+\s+){0,2}(?:town|city|village|port|region|"
                         r"capital|province|state|island|resort|republic|border town|port city)s?\s+of\s*$")


@dataclass(frozen=True)
class Resolution:
    """The resolver's answer for one mention."""

    mention: PlaceMention
    best: Candidate | None
    """``None`` when no gazetteer entry fits (the mention is kept)."""
    alternatives: tuple[Candidate, ...]
    """Top candidates with scores, best first (``best`` included first)."""
    confidence: float
    """0..1: the best candidate's share of the softmax over candidate scores."""


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (a[0], a[1], b[0], b[1]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742.0 * math.asin(min(1.0, math.sqrt(h)))


@dataclass
class _Name:
    key: str
    rows: tuple[tuple, ...]
    mentions: list[int]
    parents: set[str]
    country_hint: set[str]
    dateline: bool = False
    """Named bare in a wire dateline ("ATLANTA (Reuters) -"), where only well-known cities stand alone."""
    state_cue: bool = False
    """Written like a state: "the Georgia state line", "Washington state"."""
    feature_cue: bool = False
    """Written like a natural feature: "the Andes", "the Red Sea", "the Dnipro river"."""
    named_feature: bool = False
    """The name itself says what feature it is: "Red Sea", "Niger River" (not a state named after the sea)."""
    nested: dict[int, float] = field(default_factory=dict)
    """Per candidate id: support from another name's reading that contains it or lies in it."""
    near_countries: set[str] = field(default_factory=set)
    """Countries a place is said to be in, in the same sentence: "In New Zealand they had visited Hamilton"."""
    near_admin1s: set[tuple[str, str]] = field(default_factory=set)
    """First-level regions a place is said to be in, in the same sentence: "In Entre Rios province, the
    fishermen of Victoria"."""
    town_cue: bool = False
    """Written like a town: "the town of Liberia", "Liberia, the provincial capital"."""
    peers: set[str] = field(default_factory=set)
    """Names listed with this one ("Missouri, New York, North Carolina and Virginia")."""
    peer_region: tuple[str, str] | None = None
    """(country, region) of at least two listed peers' counties: "Barren County, Warren County, Monroe County and
    Allen County" are Kentucky's."""
    peer_kind: tuple[str, str] | None = None
    """(kind, country) the listed names share, from the first pass: a list is of one kind of place."""


def resolve(mentions: Sequence[PlaceMention], text: str, gazetteer: Gazetteer) -> list[Resolution]:
    """One :class:`Resolution` per mention, in the order given."""
    names: dict[str, _Name] = {}
    parents = [_parent_of(mentions, idx, text) for idx in range(len(mentions))]
    withins = [_within(mentions, idx, text) for idx in range(len(mentions))]
    keys = _keys(mentions, parents)
    beyond: dict[str, tuple[tuple, ...]] = {}
    for idx, m in enumerate(mentions):
        key = keys[idx]
        entry = names.get(key)
        if entry is None:
            rows = written_as(_lookup(fold(m.query), gazetteer), written(text, m))
            if len(rows) > MAX_CANDIDATES:
                beyond[key] = rows[MAX_CANDIDATES:MAX_CANDIDATES + MORE_CANDIDATES]
            entry = names[key] = _Name(key, rows[:MAX_CANDIDATES], [], set(), set())
        entry.mentions.append(idx)
        parent = parents[idx] or withins[idx]
        if parent is not None:
            entry.parents.update(_parent_keys(parent, gazetteer))
        hint = _demonym_before(text, m.start, gazetteer)
        if hint:
            entry.country_hint.add(hint)
        if _FEATURE_BEFORE.search(text, max(0, m.start - 4), m.start) or _FEATURE_AFTER.match(text, m.end):
            entry.feature_cue = True
        if m.query.rsplit(" ", 1)[-1].casefold() in _FEATURE_NAME_WORDS:
            entry.named_feature = True
        if _STATE_AFTER.match(text, m.end):
            entry.state_cue = True
        if _TOWN_BEFORE.search(text, max(0, m.start - 30), m.start) or _TOWN_AFTER.match(text, m.end):
            entry.town_cue = True
        if _is_dateline(text, m):
            entry.dateline = True

    if beyond:
        # A name with many namesakes ("Lincoln": 36) keeps its less likely ones only in a region the text names:
        # Lincoln, Montana in a Montana story
        regions = {(e.rows[0][4], fold(e.rows[0][9] or e.rows[0][1])) for e in names.values()
                   if e.rows and e.rows[0][5] == "admin1"}
        for key, more in beyond.items():
            names[key].rows += tuple(r for r in more if (r[4], fold(r[9])) in regions)
    # An unknown "X River" read as the rows of X keeps only those in a country the text names places in: the
    # Tara River of Montenegro is no river at Tara in Siberia.
    borrowed = [key for key, entry in names.items() if entry.rows and not gazetteer.rows(key.split("@", 1)[0])]
    if borrowed:
        countries = {entry.rows[0][4] for key, entry in names.items() if entry.rows and key not in borrowed}
        points = [(entry.rows[0][2], entry.rows[0][3]) for key, entry in names.items()
                  if entry.rows and key not in borrowed and entry.rows[0][5] not in ("country", "continent")]
        for key in borrowed:
            names[key].rows = tuple(r for r in names[key].rows if r[4] in countries)
            if key.startswith(("lake ", "mount ")) or key.rsplit(" ", 1)[-1] in _LOCAL_TAILS:
                # "Lake Ohrid" is by Ohrid, but "Lake Harriet" in Minneapolis is nowhere near Harriet, Arkansas:
                # a lake or mountain read as a town must have the text's other places around it
                names[key].rows = tuple(r for r in names[key].rows
                                        if any(_km((r[2], r[3]), p) < BORROWED_NEAR_KM for p in points))
    # A country named in the same sentence pins its towns against the article's overall mix.
    bounds = [m.start() for m in _SENTENCE_END.finditer(text)]
    for idx, m in enumerate(mentions):
        rows = names[keys[idx]].rows
        if rows and rows[0][5] in ("country", "admin1") and _IN_COUNTRY.search(text, max(0, m.start - 12), m.start):
            lo = max((b for b in bounds if b <= m.start), default=0)
            hi = min((b for b in bounds if b > m.end), default=len(text))
            for k, other in enumerate(mentions):
                if lo <= other.start < hi and other is not m:
                    if rows[0][5] == "country":
                        names[keys[k]].near_countries.add(rows[0][4])
                    else:
                        names[keys[k]].near_admin1s.add((rows[0][4], fold(rows[0][9] or rows[0][1])))
    # The Y of "X, Y" is the region or country X lies in: "Elmira, New York" names the state (but in
    # "Aleppo, Hama and Latakia" no reading of Aleppo lies in Hama: a list, not a parent).
    for idx, m in enumerate(mentions):
        parent = parents[idx] or withins[idx]
        if parent is not None and keys[idx + 1] in names:
            parent_keys = _parent_keys(parent, gazetteer)
            if any(_own(r, gazetteer) & parent_keys for r in names[keys[idx]].rows):
                names[keys[idx + 1]].state_cue = True
    _nesting(names)
    _lists(mentions, text, names, keys)
    context = _document_context(names)

    first: dict[str, list[tuple[float, tuple]]] = {}
    for key, entry in names.items():
        countries, admin1s, admin2s = context.without(key)
        shares: dict[str, float] = {}
        first[key] = sorted(((_score(r, entry, countries, admin1s, admin2s, gazetteer, shares), r)
                             for r in entry.rows),
                            key=lambda sr: -sr[0])
    anchors = {key: ranked[0][1] for key, ranked in first.items() if ranked}
    for entry in names.values():
        entry.peer_kind = _peer_kind(entry, anchors)
        entry.peer_region = _peer_region(entry, anchors)

    # Second pass: context from the first pass's readings, plus closeness to them.
    context = _document_context(names, first)
    second: dict[str, list[tuple[float, tuple]]] = {}
    for key, entry in names.items():
        countries, admin1s, admin2s = context.without(key)
        # Only the first pass's leaders can win now: the context moved, the priors did not.
        leaders = [r for _, r in first[key][:SECOND_PASS]]
        shares = {}
        second[key] = sorted(((_score(r, entry, countries, admin1s, admin2s, gazetteer, shares), r) for r in leaders),
                             key=lambda sr: -sr[0]) + first[key][SECOND_PASS:]

    final: dict[str, list[tuple[float, tuple]]] = {}
    for key, ranked in second.items():
        if len(ranked) <= 1:
            final[key] = ranked
            continue
        others = [(r[2], r[3], r[0]) for k, r in anchors.items() if k != key and r[5] not in ("continent", "country")]
        # Nearness can lift a candidate by at most W_NEAR: only those within reach are worth it.
        reach = ranked[0][0] - W_NEAR
        biggest = max(r[6] for _, r in ranked)
        sizes = {r[0]: r[6] for k, r in anchors.items() if k != key}
        rescored = [(s + _nearness(r, others, sizes, biggest), r) if s >= reach else (s, r) for s, r in ranked]
        final[key] = sorted(rescored, key=lambda sr: -sr[0])

    out: list[Resolution] = []
    per_key: dict[str, tuple[Candidate | None, tuple[Candidate, ...], float]] = {}
    for key, ranked in final.items():
        if not ranked:
            per_key[key] = (None, (), 0.0)
            continue
        top = ranked[:ALTERNATIVES]
        peak = top[0][0]
        weights = [math.exp(s - peak) for s, _ in ranked[:MAX_CANDIDATES]]
        confidence = weights[0] / sum(weights)
        alts = tuple(_candidate(r, round(s, 3)) for s, r in top)
        per_key[key] = (alts[0], alts, round(confidence, 3))
    for m, key in zip(mentions, keys):
        best, alts, conf = per_key[key]
        out.append(Resolution(m, best, alts, conf))
    return out


def _keys(mentions: Sequence[PlaceMention], parents: Sequence[PlaceMention | None]) -> list[str]:
    """One name, one reading per article - unless the article itself tells namesakes apart: in "beat Toledo in
    Oxford, Ohio ... flew to Oxford, Mississippi" each "Oxford, <parent>" is a name of its own."""
    base = [fold(m.query) for m in mentions]
    seen: dict[str, set[str]] = {}
    for key, parent in zip(base, parents):
        if parent is not None:
            seen.setdefault(key, set()).add(fold(parent.query))
    return [f"{key}@{fold(parent.query)}" if parent is not None and len(seen[key]) > 1 else key
            for key, parent in zip(base, parents)]


_WATER_HEAD = re.compile(rf"(?:{'|'.join(sorted(PREFIX_HEADS))}|(?:{'|'.join(sorted(WATER_HEADS))}) of(?: the)?) (.+)")
_WATER_TAIL = frozenset({"river", "creek", "lake", "bay", "falls", "reservoir", "lagoon"})
_FEATURE_TAIL = ("county", "parish", "township", "borough", "district", "river", "creek", "valley", "canyon",
                 "basin", "bay", "island", "islands", "mountains", "region", "province", "lake", "falls", "moor",
                 "reservoir", "lagoon", "gorge", "glacier", "hills", "peninsula", "archipelago", "delta")


def _lookup(key: str, gaz: Gazetteer) -> tuple[tuple, ...]:
    """Index rows for ``key``; for an unknown "X River" / "X Township", the rows of X."""
    rows = gaz.rows(key)
    water = _WATER_HEAD.match(key) if not rows else None
    if water is not None:
        # an unknown "Firth of Clyde" or "Loch Fyne" is near the place it is named after, if that is known at all
        # (not a whole country or continent: the Gulf of Guinea is not at Guinea's middle)
        return tuple(r for r in gaz.rows(water.group(1)) if r[5] not in ("country", "continent"))
    if not rows and " " in key:
        head, _, tail = key.rpartition(" ")
        if tail in _FEATURE_TAIL:
            rows = gaz.rows(head)
            if tail in _WATER_TAIL:
                # (not a state or country: the Tennessee River is no point in Tennessee's middle)
                rows = tuple(r for r in rows if r[5] not in ("admin1", "country", "continent"))
    return rows


def _candidate(row: tuple, score: float) -> Candidate:
    return Candidate(name=row[1], lat=row[2], lon=row[3], country=row[4], kind=row[5], population=row[6],
                     source=row[7], geonameid=row[8], score=score)


def _parent_of(mentions: Sequence[PlaceMention], idx: int, text: str) -> PlaceMention | None:
    if idx + 1 >= len(mentions):
        return None
    nxt = mentions[idx + 1]
    gap = text[mentions[idx].end:nxt.start]
    return nxt if _PARENT_GAP.match(gap) and len(gap) <= 3 else None


def _within(mentions: Sequence[PlaceMention], idx: int, text: str) -> PlaceMention | None:
    """The place that the mention is said to lie "in", right after it: a parent like the Y of "X, Y", except
    that it does not split namesakes into names of their own."""
    if idx + 1 >= len(mentions):
        return None
    nxt = mentions[idx + 1]
    gap = _WITHIN_GAP.match(text, mentions[idx].end, nxt.start) if nxt.start - mentions[idx].end <= 60 else None
    if gap is None:
        return None
    if gap.group("apposition") and sum(fold(m.query) == fold(mentions[idx].query) for m in mentions) > 1:
        # an apposition may tell one of two namesakes apart ("wanted in Lagos ... arrested in Lagos, the resort
        # town in Portugal"): it must not move them all
        return None
    return nxt


def _parent_keys(parent: PlaceMention, gaz: Gazetteer) -> set[str]:
    keys = {fold(parent.query)}
    for row in gaz.rows(fold(parent.query), parent=True)[:5]:
        keys.add(fold(row[1]))
        if row[5] == "country":
            keys.add(row[4].casefold())
    return keys


def _demonym_before(text: str, start: int, gaz: Gazetteer) -> str:
    """The country a phrase right before the name puts it in: "the Russian town of", "Spain's", "Chile's
    northern"."""
    m = _DEMONYM_OF.search(text, max(0, start - 60), start)
    if m:
        hit = gaz.demonym(m.group(1)) or gaz.demonym(m.group(1).split()[-1])
        if hit:
            return hit[1]
    m = _POSSESSOR_BEFORE.search(text, max(0, start - 50), start)
    if m:
        rows = gaz.rows(fold(m.group(1)))
        if rows and rows[0][5] == "country":
            return rows[0][4]
    return ""


@dataclass
class _Context:
    """What the document says about countries, regions and counties, per name that said it."""

    countries: dict[str, Counter[str]]
    admin1s: dict[str, Counter[tuple[str, str]]]
    admin2s: dict[str, Counter[tuple[str, str, str]]]

    def without(self, key: str) -> tuple[dict[str, float], _Minus, _Minus]:
        """Evidence from every name but ``key``: a name must not vote for its own reading.

        Returns country *shares* (0..1) and region weights, as read-only mappings.
        """
        if not hasattr(self, "_totals"):
            totals: tuple[Counter, Counter, Counter] = (Counter(), Counter(), Counter())
            for k in self.countries:
                totals[0].update(self.countries[k])
                totals[1].update(self.admin1s[k])
                totals[2].update(self.admin2s[k])
            self._totals = totals
        own = self.countries[key]
        total = (sum(self._totals[0].values()) - sum(own.values())) or 1.0
        shares = _Minus(self._totals[0], own, total)
        countries = {cc: shares.get(cc) for cc in self._totals[0]}
        return ({cc: v for cc, v in countries.items() if v > 0}, _Minus(self._totals[1], self.admin1s[key]),
                _Minus(self._totals[2], self.admin2s[key]))


class _Minus:
    """``(total - own) / scale`` per key, without copying the counters."""

    __slots__ = ("total", "own", "scale")

    def __init__(self, total: Counter, own: Counter, scale: float = 1.0) -> None:
        self.total, self.own, self.scale = total, own, scale

    def get(self, key: object, default: float = 0.0) -> float:
        value = self.total.get(key, 0.0) - self.own.get(key, 0.0)
        return value / self.scale if value > 0 else default


def _document_context(names: dict[str, _Name],
                      ranked: dict[str, list[tuple[float, tuple]]] | None = None) -> _Context:
    """Countries, first- and second-level regions the document names, with weights.

    Each name votes with its best reading: by prior, or by the scores of an earlier pass
    (``ranked``). Countries and regions named outright count fully; a city counts for its
    country and region only when its reading is clearly better than the next one.
    """
    ctx = _Context({}, {}, {})
    for key, entry in names.items():
        countries: Counter[str] = Counter()
        admin1s: Counter[tuple[str, str]] = Counter()
        admin2s: Counter[tuple[str, str, str]] = Counter()
        ctx.countries[key], ctx.admin1s[key], ctx.admin2s[key] = countries, admin1s, admin2s
        for hint in entry.country_hint:
            countries[hint] += 1.0
        if not entry.rows:
            continue
        if ranked is not None and ranked.get(key):
            scored = ranked[key]
            top = scored[0][1]
            clear = len(scored) == 1 or scored[0][0] - scored[1][0] > 1.0
        else:
            top = entry.rows[0]
            clear = len(entry.rows) == 1 or top[11] - entry.rows[1][11] > 1.0
        weight = len(entry.mentions) ** 0.5
        share = 1.0 if clear else 0.5
        if top[5] == "country":
            countries[top[4]] += weight
        elif top[5] == "admin1":
            countries[top[4]] += share * weight
            admin1s[(top[4], fold(top[9]))] += share * weight
        elif top[5] == "admin2":
            countries[top[4]] += share * weight
            admin1s[(top[4], fold(top[9]))] += 0.5 * share * weight
            admin2s[(top[4], fold(top[9]), fold(top[10]))] += share * weight
        elif clear:
            countries[top[4]] += 0.5 * weight
            if top[9]:
                admin1s[(top[4], fold(top[9]))] += 0.3 * weight
    return ctx


_STATIC: dict[tuple, tuple[float, tuple | None, tuple | None]] = {}


def _static(row: tuple) -> tuple[float, tuple | None, tuple | None]:
    """What a row's score owes to the row alone: its prior, and the keys of its region and county."""
    hit = _STATIC.get(row)
    if hit is None:
        kind, country = row[5], row[4]
        base = row[11] + KIND_ADJUST.get(kind, 0.0) + (W_ALTERNATE if row[12] == ALTERNATE else 0.0)
        admin1 = (country, fold(row[9])) if kind != "country" else None
        admin2 = (country, fold(row[9]), fold(row[10])) if kind not in ("country", "admin1") and row[10] else None
        if len(_STATIC) > 200_000:
            _STATIC.clear()  # a bound on memory for a long-running dashboard
        hit = _STATIC[row] = (base, admin1, admin2)
    return hit


def _score(row: tuple, entry: _Name, countries: dict[str, float], admin1s: _Minus, admin2s: _Minus,
           gaz: Gazetteer, neighbour_shares: dict[str, float]) -> float:
    """``neighbour_shares`` memoises, per country, the share of the context held by its neighbours."""
    kind, country = row[5], row[4]
    score, admin1, admin2 = _static(row)
    if country and kind != "country":
        score += W_COUNTRY * countries.get(country, 0.0)
    if country:
        share = neighbour_shares.get(country)
        if share is None:
            neighbours = gaz.neighbours(country)
            share = neighbour_shares[country] = min(1.0, sum(v for cc, v in countries.items() if cc in neighbours))
        score += W_NEIGHBOUR * share
    if admin1 is not None:
        score += W_ADMIN1 * min(1.0, admin1s.get(admin1, 0.0))
    if admin2 is not None:
        score += W_ADMIN2 * min(1.0, admin2s.get(admin2, 0.0))
    if entry.parents and _own(row, gaz) & entry.parents:
        score += W_PARENT
    if entry.country_hint and country in entry.country_hint:
        score += W_DEMONYM_NEAR
    if entry.dateline and not entry.parents and kind == "city" and row[6] >= BIG_DATELINE_CITY:
        score += W_DATELINE
    if entry.peer_kind is not None and entry.peer_kind == (kind, country if kind != "country" else ""):
        score += W_LIST
        if entry.peer_region is not None and admin1 == entry.peer_region:
            score += W_LIST  # a list of counties is of one state's
    if country in entry.near_countries and kind not in ("country", "continent"):
        score += W_SENTENCE_COUNTRY
    if admin1 is not None and admin1 in entry.near_admin1s and kind != "admin1":
        score += W_SENTENCE_COUNTRY
    if entry.town_cue and kind in _SETTLEMENT_KINDS:
        score += W_TOWN  # "Liberia, the provincial capital" is the Costa Rican town, not the country
    if entry.state_cue and kind in ("admin1", "country"):
        score += W_FEATURE
    if entry.named_feature and kind in NATURAL_KINDS:
        score += W_FEATURE
    if entry.feature_cue and kind in NATURAL_KINDS:
        score += W_FEATURE  # "the Andes" is the range, not the town of Los Andes
    return score + entry.nested.get(row[0], 0.0)


def _own(row: tuple, gaz: Gazetteer) -> set[str]:
    """The folded names of the regions and country a candidate lies in. A region is not its own parent:
    "Washington, D.C." must not lift Washington state."""
    kind, country = row[5], row[4]
    return {fold(row[9]) if kind != "admin1" else "", fold(row[10]) if kind not in ("admin1", "admin2") else "",
            country.casefold(), fold(gaz.country_name(country))} - {""}


def _nesting(names: dict[str, _Name]) -> None:
    """Support readings that nest: "Paris and Henry County" are Paris, Tennessee and Henry County,
    Tennessee, although neither is the likeliest reading of its name alone.

    Any candidate of another name counts (not only its best reading), so two ambiguous names can
    settle each other; a pair nests when a town's county is the other name's county reading.
    """
    counties: dict[str, set[tuple[str, str, str]]] = {}
    towns: dict[str, set[tuple[str, str, str]]] = {}
    for key, entry in names.items():
        counties[key] = {(r[4], fold(r[9]), fold(r[10])) for r in entry.rows if r[5] == "admin2"}
        towns[key] = {(r[4], fold(r[9]), fold(r[10])) for r in entry.rows if r[5] not in _AREAS and r[10]}
    if not any(counties.values()):
        return
    # How many names can mean each county / have a town in it; a name's own readings are taken out below.
    county_names = Counter(c for cs in counties.values() for c in cs)
    town_names = Counter(t for ts in towns.values() for t in ts)
    for key, entry in names.items():
        for r in entry.rows:
            place = (r[4], fold(r[9]), fold(r[10]))
            if r[5] == "admin2":
                nested = town_names.get(place, 0) - (place in towns[key]) > 0
            elif r[5] not in _AREAS and r[10]:
                nested = county_names.get(place, 0) - (place in counties[key]) > 0
            else:
                nested = False
            if nested:
                entry.nested[r[0]] = W_NESTED


_AREAS = frozenset({"admin1", "admin2", "country", "continent"})

W_LIST = 2.0
"""The name stands in a list whose other names are all places of one kind: "Missouri, New York, North
Carolina and Virginia" are states; "Russia, Ukraine and Georgia" are countries."""


def _lists(mentions: Sequence[PlaceMention], text: str, names: dict[str, _Name], keys: Sequence[str]) -> None:
    """Link names that follow one another with only a comma, "and" or "or" between them."""
    for k, (a, b) in enumerate(zip(mentions, mentions[1:])):
        if LIST_GAP.fullmatch(text, a.end, b.start):
            ka, kb = keys[k], keys[k + 1]
            if ka != kb:
                names[ka].peers.add(kb)
                names[kb].peers.add(ka)


def _peer_kind(entry: _Name, anchors: dict[str, tuple]) -> tuple[str, str] | None:
    """The kind (and, below country level, the country) that all of at least two listed peers share."""
    readings = [anchors[k] for k in entry.peers if k in anchors]
    if not readings:
        return None
    kinds = {(r[5], r[4] if r[5] != "country" else "") for r in readings}
    if len(kinds) != 1:
        return None
    kind = next(iter(kinds))
    # one peer is enough for states and countries ("Oregon and Washington laws", "Israel and Jordan");
    # counties need two ("Paris and Henry County" are a town and a county)
    if kind[0] in ("country", "admin1") or (kind[0] == "admin2" and len(readings) >= 2):
        return kind
    return None


def _peer_region(entry: _Name, anchors: dict[str, tuple]) -> tuple[str, str] | None:
    """The (country, region) of two or more listed peers that are all counties of one region."""
    readings = [anchors[k] for k in entry.peers if k in anchors]
    regions = {(r[4], fold(r[9])) for r in readings if r[5] == "admin2"}
    return next(iter(regions)) if len(readings) >= 2 and len(regions) == 1 and all(
        r[5] == "admin2" for r in readings) else None


def _nearness(row: tuple, others: list[tuple[float, float, int]], sizes: dict[int, int] | None = None,
              biggest: int = 0) -> float:
    """Up to W_NEAR for a candidate close to other names' readings. ``sizes``: the population of each of
    those readings by id; ``biggest``: that of the name's biggest candidate."""
    # Another name's reading that is this very place is no neighbour: "Irkutsk" beside "Irkutsk Oblast" is
    # the city, not the oblast again.
    points = [(lat, lon, pid) for lat, lon, pid in others if pid != row[0]]
    if not points or row[5] in ("country", "continent"):
        return 0.0
    here = (row[2], row[3])
    nearest, pid = min((_km(here, (lat, lon)), pid) for lat, lon, pid in points)
    small = NEIGHBOURHOOD_RATIO * max(row[6], 1)
    if sizes and row[5] == "city" and nearest < NEIGHBOURHOOD_KM and biggest >= small and sizes.get(pid, 0) >= small:
        # a district of a big city the text names is not what the name means when a real city has it: "Belem"
        # beside Sao Paulo is Belem of Para, "Nagasaki" beside Tokyo is the city, not the Tokyo quarter
        return 0.0
    return W_NEAR * max(0.0, 1.0 - math.log10(max(nearest, 10.0)) / math.log10(NEAR_KM))
