"""Find temporal expressions in news text and normalise them to TimeML values.

One function does the work::

    >>> import datetime as dt
    >>> from geotimeline.extract.dates import find_dates
    >>> text = "Kim arrived on Saturday and is expected to meet Medvedev on Wednesday."
    >>> [(m.text, m.value) for m in find_dates(text, dt.date(2011, 8, 21))]
    [('Saturday', '2011-08-20'), ('Wednesday', '2011-08-24')]

Each :class:`~geotimeline.models.DateMention` carries the exact span as TimeML
annotates it (no leading ``on``/``in``/``by``), a TIMEX3 type (DATE, TIME,
DURATION, SET) and value (``2011-09``, ``P3D``, ``PAST_REF``, ``XXXX-WXX-1``),
and for calendar values the first and last day covered::

    >>> m = find_dates("grain by the end of September", dt.date(2011, 8, 21))[0]
    >>> m.text, m.value, m.granularity, m.date, m.end_date
    ('the end of September', '2011-09', 'month', datetime.date(2011, 9, 1), datetime.date(2011, 9, 30))

How it works, in three passes over the text:

1. **Detect.** Each rule in ``_RULES`` is one regular expression, assembled
   once at import from the word tables in :mod:`geotimeline.extract.timex_rules`.
   For speed a rule only runs in small windows around the trigger words it
   needs (``_TRIGGERS``: month names near "mdy", unit words near "duration"
   ...), found by one cheap tokenising pass. Overlapping hits are settled
   longest first, then by rule priority.
2. **Guard.** A rule's normaliser may refuse its hit: "may" the verb, "March"
   the verb, "2000 troops", "42.43N", a lone month name with no cue, ages
   ("52 years old"). A refused hit frees its span for shorter hits inside it.
3. **Normalise.** Hits are normalised left to right. News expressions anchor on
   ``anchor`` (the publication date) with the tense around the mention deciding
   the direction ("arrived on Saturday" is the past Saturday, "will meet on
   Wednesday" the coming one, "by Monday" a deadline ahead). A day of the month
   without a year takes the nearest occurrence unless the tense clearly
   points the other way. Narrative expressions ("two days later", "that
   year", "the following week") anchor on the last calendar date mentioned.

Without an anchor, explicit dates keep their values, year-less ones get ``XXXX``
(``XXXX-03-05``), and expressions that only make sense against a publication
date ("yesterday", "last year") are skipped.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Literal

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta

from geotimeline.extract import timex_rules as R
from geotimeline.models import DateMention, Granularity

__all__ = ["find_dates"]

Tense = Literal["past", "future"] | None


# --------------------------------------------------------------------------- regex building blocks


def _alt(words: object) -> str:
    """A regex alternation of literal words, longest first so that "a few" beats "a"."""
    items = sorted({str(w) for w in words}, key=len, reverse=True)  # type: ignore[attr-defined]
    return "(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in items) + ")"


_UNITS_1 = "|".join(sorted(R.UNITS, key=len, reverse=True))
UNIT = rf"(?:centur(?:y|ies)|(?:{_UNITS_1})s?)"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_ONES = "one|two|three|four|five|six|seven|eight|nine"
NUMWORD = rf"(?:(?:{_TENS})[\s-](?:{_ONES})|{_alt(R.NUMBER_WORDS)})"
DIGITS = r"(?:\d+(?:,\d{3})*(?:\.\d+)?(?:\s+1/2)?)"
VAGUE = _alt(R.VAGUE_COUNTS)
COUNT = rf"(?:{VAGUE}|{DIGITS}|{NUMWORD})"
APPROX = (
    r"(?:around|approximately|nearly|almost|roughly|some|more\s+than|less\s+than|fewer\s+than|at\s+least|"
    r"at\s+most|up\s+to|no\s+more\s+than|no\s+less\s+than|close\s+to|a\s+little\s+more\s+than|"
    r"little\s+more\s+than)"
)
"""Modifiers TimeML keeps inside the span ("nearly a week"); "over", "only", "just", "within" stay outside, and so
does "about": TimeBank and AQUAINT together leave it out more often than not (2 in, 4 out), and it is as often a
preposition ("talking about three days") as a modifier."""
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
        r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\.|" \
        r"Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)"
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon\.|Tues\.|Tue\.|Wed\.|Thurs\.|Thu\.|Fri\.|Sat\.|Sun\.)"
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"
_SPELLED_YEAR = (
    rf"(?:nineteen|eighteen|twenty)[\s-]+(?:(?:{_TENS})(?:[\s-]+(?:{_ONES}))?|ten|eleven|twelve|thirteen|fourteen|"
    rf"fifteen|sixteen|seventeen|eighteen|nineteen|(?:oh|o)[\s-]+(?:{_ONES}))"
    rf"|(?:the\s+year\s+)?two\s+thousand(?:\s+(?:and\s+)?(?:{_ONES}|ten|eleven|twelve|thirteen))?"
)
YEAR4 = r"(?:1[0-9]\d\d|20\d\d)"
YEAR = rf"(?:{YEAR4}(?![\d,.]\d)|{_SPELLED_YEAR})"
MOD = (
    r"(?:early|earlier|late|later|mid|middle|the\s+end\s+of|the\s+beginning\s+of|the\s+start\s+of|"
    r"the\s+middle\s+of|the\s+close\s+of|the\s+turn\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of|"
    r"the\s+last\s+half\s+of|the\s+rest\s+of|the\s+remainder\s+of|the\s+latter\s+part\s+of|end|start|"
    r"the\s+early\s+part\s+of|the\s+end\s+of\s+the\s+month\s+of)"
)
_OVER = (r"(?:(?<=\blast\s)|(?<=\blasted\s)|(?<=\blasting\s)|(?<=\bfor\s)|(?<=\bin\s)|(?<=\btook\s)|"
         r"(?<=\btakes\s)|(?<=\bspent\s)|(?<=\bafter\s))"
         r"over(?=\s+(?:a|an|one|\d|two|three|four|five|six|seven|eight|nine|ten)\b)")
""""over" meaning "more than" after verbs of lasting ("last over a week", "in over a decade"); not "spread over
three years", and not "just over a year" where "just over" stays outside, as in the seed article's reading."""
_NOT_VERB = r"(?<!\bwill\s)(?<!\bwould\s)(?<!\bto\s)(?<!\bcould\s)(?<!\bmay\s)(?<!\bmight\s)(?<!\bshould\s)" \
            r"(?<!\bmust\s)(?<!\bcan\s)(?<!\bnot\s)(?<!n't\s)(?<!'ll\s)"
""""last" after a modal is the verb ("will last two weeks"), which stays outside the span."""
APPROX_DATE = r"(?:around|approximately|circa)"
"""Approximation words TimeML keeps in the span of a point in time ("around Nov. 1", "around year end")."""
_SPAN_NOUN = r"(?:period|term|span|stretch|window)"
"""Nouns that an adjectival duration heads: "a three-year period", "its one-year term" (TimeBank tags the noun too)."""
SEASON = _alt(R.SEASONS)
DAYPART = r"(?:morning|afternoon|evening|night|overnight)"
ORD_Q = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"
TZ = r"(?:(?-i:[ECMP][SD]?T|GMT|UTC|BST|CES?T|[A-Z]{2,4}T)\b|local\s+time)"
"""Time zones after a clock time; case-sensitive so that "10 p.m. that night" keeps "that" out."""

_B = r"(?<![\w$£€#/.-])"  # start of a word, not inside a number, a path or an amount
_E = r"(?![\w])"


# --------------------------------------------------------------------------- small value helpers


@dataclass(frozen=True)
class _Val:
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    granularity: Granularity = "unknown"
    date: dt.date | None = None
    end_date: dt.date | None = None


def _day(d: dt.date) -> _Val:
    return _Val("DATE", d.isoformat(), "day", d, d)


def _month(y: int, m: int) -> _Val:
    last = calendar.monthrange(y, m)[1]
    return _Val("DATE", f"{y:04d}-{m:02d}", "month", dt.date(y, m, 1), dt.date(y, m, last))


def _year(y: int) -> _Val:
    return _Val("DATE", f"{y:04d}", "year", dt.date(y, 1, 1), dt.date(y, 12, 31))


def _week(d: dt.date, suffix: str = "") -> _Val:
    iy, iw, _ = d.isocalendar()
    monday = dt.date.fromisocalendar(iy, iw, 1)
    if suffix:
        return _Val("DATE", f"{iy:04d}-W{iw:02d}-WE", "week", monday + dt.timedelta(5), monday + dt.timedelta(6))
    return _Val("DATE", f"{iy:04d}-W{iw:02d}", "week", monday, monday + dt.timedelta(6))


def _quarter(y: int, q: int) -> _Val:
    first = dt.date(y, 3 * q - 2, 1)
    last_m = 3 * q
    return _Val("DATE", f"{y:04d}-Q{q}", "quarter", first, dt.date(y, last_m, calendar.monthrange(y, last_m)[1]))


def _half(y: int, h: int) -> _Val:
    return _Val("DATE", f"{y:04d}-H{h}", "half", dt.date(y, 6 * h - 5, 1), dt.date(y, 6 * h, 30 if h == 1 else 31))


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}


def _season(y: int, s: str) -> _Val:
    a, b = _SEASON_MONTHS[s]
    end_y = y + 1 if s == "WI" else y
    return _Val("DATE", f"{y:04d}-{s}", "season", dt.date(y, a, 1),
                dt.date(end_y, b, calendar.monthrange(end_y, b)[1]))


def _decade(first_year: int) -> _Val:
    # TimeML writes a decade as its first three digits ("the 1990s" is 199), as TimeBank does
    return _Val("DATE", f"{first_year // 10:03d}", "decade", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31))


def _century(c: int) -> _Val:
    """``c`` is the two-digit TimeML prefix: 19 covers 1900-1999."""
    return _Val("DATE", f"{c:02d}", "century", dt.date(max(1, c * 100), 1, 1), dt.date(c * 100 + 99, 12, 31))


def _ref(value: str, type_: Literal["DATE", "TIME"] = "DATE") -> _Val:
    return _Val(type_, value)


def _with_time(v: _Val, suffix: str) -> _Val:
    return _Val("TIME", f"{v.value}T{suffix}", v.granularity if v.granularity != "day" else "time", v.date, v.end_date)


def _season_of(d: dt.date) -> tuple[int, str]:
    m = d.month
    if m in (12, 1, 2):
        return (d.year if m == 12 else d.year - 1, "WI")
    return (d.year, "SP" if m <= 5 else "SU" if m <= 8 else "FA")


def _shift_season(y: int, s: str, n: int) -> tuple[int, str]:
    order = ["SP", "SU", "FA", "WI"]  # WI of year y starts in December y, so it follows FA of y
    i = order.index(s) + n
    return (y + i // 4, order[i % 4])


def _number(word: str) -> float | None:
    """``"two"`` → 2, ``"twenty-five"`` → 25, ``"1,000"`` → 1000; vague counts → None."""
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w in R.NUMBER_WORDS:
        return R.NUMBER_WORDS[w] or None
    m = re.fullmatch(rf"({_TENS})[\s-]({_ONES})", w)
    if m:
        return R.NUMBER_WORDS[m.group(1)] + R.NUMBER_WORDS[m.group(2)]
    m = re.fullmatch(r"([\d,]+(?:\.\d+)?)(?: 1/2)?", w)
    if m:
        n = float(m.group(1).replace(",", ""))
        return n + 0.5 if "1/2" in w else n
    return None


def _spelled_year(s: str) -> int | None:
    s = re.sub(r"[\s-]+", " ", s.lower()).replace("the year ", "")
    if s.isdigit():
        return int(s)
    if s.startswith("two thousand"):
        rest = s[len("two thousand"):].replace("and", "").strip()
        return 2000 + (int(_number(rest) or 0) if rest else 0)
    head, _, rest = s.partition(" ")
    century = R.NUMBER_WORDS.get(head)
    rest = rest.replace("oh ", "").replace("o ", "")
    tail = _number(rest) if rest else None
    if century is None or tail is None:
        return None
    return century * 100 + int(tail)


def _duration(n: float | None, unit: str) -> str:
    u = unit.lower().rstrip("s")
    u = "century" if u.startswith("centur") else u
    # decades and centuries are written in years (P20Y), as TimeBank does; "centuries" stays PXC
    if u == "decade" or (u == "century" and n is not None):
        factor = 10 if u == "decade" else 100
        if n is None or n * factor == int(n * factor):
            n, u = (None if n is None else n * factor), "year"
    if u == "fortnight":
        n, u = (None if n is None else 2 * n), "week"
    letter = R.UNITS.get(u, "X")
    if n is None:
        count = "X"
    elif n != int(n):
        if u == "hour":
            minutes = int(round((n - int(n)) * 60))
            return f"PT{int(n)}H{minutes}M" if n >= 1 else f"PT{minutes}M"
        if u == "year":
            return f"P{int(n)}Y{int(round((n - int(n)) * 12))}M" if n > 1 else f"P{int(round(n * 12))}M"
        if u == "minute":
            seconds = int(round((n - int(n)) * 60))
            return f"PT{int(n)}M{seconds}S" if n >= 1 else f"PT{seconds}S"
        if u == "day":
            return f"P{int(n)}DT{int(round((n - int(n)) * 24))}H" if n >= 1 else f"PT{int(round(n * 24))}H"
        count = str(n)
    else:
        count = str(int(n))
    return f"PT{count}{letter}" if u in R.TIME_UNITS else f"P{count}{letter}"


def _month_num(name: str) -> int:
    return R.MONTHS[name.lower().rstrip(".")]


def _weekday_num(name: str) -> int:
    return R.WEEKDAYS[name.lower()]


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


# --------------------------------------------------------------------------- tense around a mention

_FUTURE_RE = "|".join(R.FUTURE_CUES + R.SCHEDULE_VERBS)
_PAST_RE = "|".join(R.PAST_CUES)
_CUE = re.compile(rf"\b(?:(?P<fut>{_FUTURE_RE})|(?P<past>{_PAST_RE}))\b", re.I)
_RIGHT_CUE = re.compile(
    rf"\b(?:(?P<fut>{'|'.join(R.RIGHT_FUTURE_CUES + R.SCHEDULE_VERBS)})|(?P<past>was|were|had|did|ago))\b", re.I)
_WEEKDAY_NAME_TAIL = re.compile(
    r"(?-i:\s+(?:Times|Telegraph|Mirror|Express|Post|Herald|Independent|Tribune|People|Sport|Star|Magazine|Review|"
    r"Edition|Agreement|Club|Group|Night\s+(?:Football|Live|Raw)|Morning\s+Quarterback)\b)")
_WEEKDAY_NAME_HEAD = re.compile(r"(?-i:\b(?:Super|Black|Cyber|Bloody|Giving|Manic|Blue)\s+)$")
_LASTED = re.compile(r"\b(?:remained|stayed|lasted|continued|kept|ran|went\s+on|waited|held\s+out)\b[^.;]{0,40}$", re.I)
# a relative clause dated on its own: "where he studied in 1990,", "the town where Roosevelt died in 1945,"
# "visit the injured", "a retired teacher": an "-ed" word after a determiner is no verb
_ADJECTIVE_ED = re.compile(r"\b(?:the|a|an|his|her|their|its|our|some|many)\s+(?-i:[a-z]{3,}ed)\b", re.I)
_RELATIVE_CLAUSE = re.compile(r"\s(?:where|who|which|when)\b[^,;]*\b(?:1[89]|20)\d\d\b[^,;]*,", re.I)
_PARTICIPLE_AFTER_NOUN = re.compile(r"\b(?:a|an|the)\s+\w+\s+(?-i:[a-z]{3,}ed)\s+(?=(?:in|by|during|after)\b)", re.I)
# a sentence that goes on with the story of the one before: "It slammed into Pennsylvania on June 22."
_STORY_GOES_ON = re.compile(r"\s*(?:It|He|She|They|The\s+(?:storm|ship|train|plane|flood|fire|group|team|army|troops|"
                            r"river|hurricane|typhoon|cyclone)|Then|By\s+then|Later|Two\s+days\s+later|"
                            r"The\s+next\s+day)\b")


def _story_year(ctx: "_Context") -> int | None:
    """The year of a story told in the past: the last explicit month or day of another year, a sentence or
    two before, when the tense stays past ("The family left Aleppo in March 2015. They spent the summer in
    Izmir.")."""
    ref = ctx.ref_val
    if ref is None or ctx.ref is None or ctx.anchor is None or ref.granularity not in ("month", "day") \
            or ctx.ref.year >= ctx.anchor.year or ctx.start - ctx.ref_pos > 300:
        return None
    if not _STORY_GOES_ON.match(ctx.text, _sentence_start(ctx.text, ctx.start)) or ctx.tense() == "future":
        return None  # a bare month after background of another year is mostly this year's ("agreed in April")
    return ctx.ref.year


def _sentence_start(text: str, pos: int) -> int:
    breaks = list(_SENT_BREAK.finditer(text, max(0, pos - 300), pos))
    return breaks[-1].end() if breaks else max(0, pos - 300)


# "had reached ... by Monday evening": a thing done by then (not "had planned to pay down ... by February")
_DONE_BY = re.compile(r"\bhad\s+(?:already\s+)?(?!(?:planned|hoped|intended|agreed|promised|pledged|vowed|said|announced|"
                      r"expected|aimed|wanted|decided|set|been\s+(?:due|expected|scheduled|set))\b)(?:been\s+)?"
                      r"(?-i:[a-z]+(?:ed|en|ne|wn|ft|ck|ld|ght))\b(?![^.;]*[.;])", re.I)
_TARGET_FOR = re.compile(r"\bfor\s+$", re.I)
_DEADLINE = re.compile(r"\b(?:by|until|till|through|effective|due)\s+$", re.I)
_PLUPERFECT = re.compile(r"\bhad\b(?![^.;]*[.;])", re.I)
_PAST_VERB_AFTER = re.compile(r",?\s+(?:(?-i:[a-z]{2,}ed)|said|told|met|began|took|made|gave|held|left|won|lost|fell|"
                              r"rose|sold|spoke|wrote|brought|sent|became|struck|shot|killed|broke|"
                              r"(?:was|were)(?!\s+(?:due|expected|scheduled|set|supposed|slated|planned|likely|"
                              r"going|to)\b))"
                              r"\b(?!\s+(?:to|by)\b)")
"""A past-tense verb straight after a weekday or date makes it past whatever came before it.
(Not when "to"/"by" follows: "Monday, expected to ..." is a participle.)"""
_MODAL_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|should|must|shall|is|are|be|being)\s+$", re.I)
"""Before a past-looking verb: a modal ("would cut") or a present passive ("is heard") - no past tense."""
_OBJECT_CUE = re.compile(r"ahead\s+of|until|till|upcoming|next", re.I)
"""Future cues that are prepositions or determiners: they only look forward for their own object."""
_NARRATED = re.compile(r"\b(?:grew|rose|fell|spread|swelled|surged|soared|climbed|jumped|dropped|plunged|declined|"
                       r"increased|decreased|doubled|tripled|reached)\b(?![^,;]*\b(?:will|would|to\s+[a-z]+)\b)")
"""A told change before "by": "grew from 4,000 hectares on Tuesday to 11,500 by Wednesday evening" is a
figure reached in the story, not a deadline ahead (a plan, "had planned to pay down ... by February", is)."""
_POSSESSOR_WILL = re.compile(r"['\u2019]s\s+(?:[a-z-]+\s+){1,3}?(?:will|is\s+(?:due|set|scheduled|expected)\s+to)\b")
_SENT_BREAK = re.compile(r"(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St))(?<!\bMrs)[.!?;]\s+(?=[A-Z\"'])|\n\s*\n")


def _tense(text: str, start: int, end: int, right_full: bool = False) -> Tense:
    """``"future"`` / ``"past"`` from the nearest tense cue in the clause before the mention, else after it.

    After the mention only strong cues count unless ``right_full``: there "-ed" is
    mostly a passive ("expire Nov. 21, can be exercised").
    """
    left = text[max(0, start - 240):start]
    breaks = list(_SENT_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    # a relative clause has its own tense ("will hold talks in Tokyo, where he studied in 1990, on Friday"),
    # and so has a participle after a noun ("will visit a school damaged in the storm on Friday")
    left = _ADJECTIVE_ED.sub(" ", _PARTICIPLE_AFTER_NOUN.sub(" ", _RELATIVE_CLAUSE.sub(",", left)))[-120:]
    # a past-tense verb right after the mention is its own verb: "the ministry on Sunday issued a warning"
    if _PAST_VERB_AFTER.match(text, end):
        return "past"
    cues = list(_CUE.finditer(left))
    for m in reversed(cues):
        if m.group("fut") and re.search(r"\bhad\s+(?:been\s+)?$", left[max(0, m.start() - 12):m.start()]):
            return "past"  # "had been due to expire Friday": a plan that lay in the past
        if m.group("fut") and _OBJECT_CUE.fullmatch(m.group()) and "," in left[m.end():]:
            continue  # "ahead of the trip, the ministry on Sunday ...": the cue's object came before the comma
        if m.group("past") and _MODAL_BEFORE.search(left, 0, m.start()):
            continue  # "would cut", "is heard": no past tense; the words before decide
        if m.group("past") and m.group().lower() in R.BASE_FORM_PASTS:
            modal = next((c for c in reversed(cues) if c.group("fut") and c.end() <= m.start()), None)
            if modal is not None and not re.search(r"[,;]", left[modal.end():m.start()]):
                continue  # "would regain strength and hit South Carolina on Friday": the modal governs "hit"
        return "future" if m.group("fut") else "past"
    right = text[end:end + 80]
    br = _SENT_BREAK.search(right)
    if br:
        right = right[:br.start()]
    m = (_CUE if right_full else _RIGHT_CUE).search(right)
    if m:
        return "future" if m.group("fut") else "past"
    return None


# --------------------------------------------------------------------------- document context


class _Context:
    """What normalisers may look at: the text, the anchor, the last calendar date mentioned."""

    def __init__(self, text: str, anchor: dt.date | None) -> None:
        self.text = text
        self.anchor = anchor
        self.ref: dt.date | None = anchor
        self.ref_day: dt.date | None = None
        self.ref_val: _Val | None = None
        self.ref_pos = -10_000
        self.last_quarter: _Val | None = None
        self.last_quarter_pos = -10_000
        self.sentence_tense: tuple[int, Tense] = (-1, None)
        """Where the sentence of the last mention with a tense starts, and that tense."""
        self.start = 0
        self.end = 0

    def tense(self, right_full: bool = False) -> Tense:
        """The tense around the current mention; a deadline ("by Monday", "effective Feb. 1") points forward."""
        before = self.text[max(0, self.start - 60):self.start]
        after = _SENT_BREAK.split(self.text[self.end:self.end + 60], 1)[0]
        sentence = _sentence_start(self.text, self.start)
        clause = self.text[sentence:self.start]
        # "Until Thursday, they had not called him a suspect": a deadline that has passed ("40,000 had
        # reached evacuation centres in Klungkung and Karangasem by Monday evening": so is this one)
        deadline = _DEADLINE.search(before)
        if deadline and _PLUPERFECT.search(before) and not _DONE_BY.search(clause) \
                and re.fullmatch(r"(?i:until|till)\s+", deadline.group()):
            return "past"  # "Crews had held the fire along the road until the weekend"
        if deadline and not _PLUPERFECT.search(before) and not _DONE_BY.search(clause):
            if _LASTED.search(before):
                return "past"  # "remained suspended till Monday", "lasted until Jan. 9"
            at = self.start - len(before) + deadline.start()
            if deadline.group().lower().startswith("by") and _tense(self.text, at, at) == "past" \
                    and _NARRATED.search(clause[:at - self.start + len(clause)]):
                return "past"  # "The fire grew from 4,000 hectares on Tuesday to 11,500 by Wednesday evening"
            return "past" if re.search(r"\bhad\b", after) else "future"
        if self.text.startswith(("'s ", "\u2019s "), self.end) and _POSSESSOR_WILL.match(self.text, self.end):
            return "future"  # "Organisers confirmed Wednesday's stage will go ...": the day's own clause
        tense = _tense(self.text, self.start, self.end, right_full)
        if tense is None and self.sentence_tense == (sentence, "future"):
            # "is scheduled to fly to Dar es Salaam on Friday ..., before travelling to Maputo on Saturday":
            # a later day of a sentence told ahead is ahead too (a past one needs no help: bare days look
            # back, bare months to the nearest)
            return "future"
        if tense is not None:
            self.sentence_tense = (sentence, tense)
        return tense

    def narrative(self) -> dt.date | None:
        """The date a narrative expression ("two days later") counts from."""
        return self.ref

    def note(self, v: _Val, rule: str) -> None:
        if v.date is not None and v.type in ("DATE", "TIME") and v.granularity in ("day", "time", "month", "year", "week"):
            self.ref = v.date
            self.ref_val = v
            self.ref_pos = self.start
            if v.granularity in ("day", "time"):
                self.ref_day = v.date
        if v.granularity == "quarter" and rule in ("quarter", "this_quarter"):
            self.last_quarter = v
            self.last_quarter_pos = self.start


# --------------------------------------------------------------------------- resolution helpers


def _resolve_weekday(anchor: dt.date, wd: int, rel: str, tense: Tense) -> dt.date:
    delta = wd - anchor.isoweekday()
    if rel in ("last", "past", "previous", "the previous", "this past", "earlier"):
        back = (-delta) % 7 or 7
        return anchor - dt.timedelta(back)
    if rel in ("next", "the following", "coming", "this coming", "the next"):
        fwd = delta % 7 or 7
        return anchor + dt.timedelta(fwd)
    if rel == "this":
        return anchor + dt.timedelta(delta % 7) if tense == "future" else anchor + dt.timedelta(delta)
    if delta == 0:
        return anchor
    if tense == "future":
        return anchor + dt.timedelta(delta % 7)
    return anchor - dt.timedelta((-delta) % 7)


def _resolve_month_year(anchor: dt.date, month: int, day: int | None, rel: str, tense: Tense) -> int:
    """The year of a year-less date: nearest occurrence, or the one the tense or ``last``/``next`` points to."""
    key = (month, day or 15)
    now = (anchor.month, anchor.day if day else 15)
    y = anchor.year
    if rel in ("last", "past", "previous", "this past"):
        # "last February" said in March is a year back: the month just gone would be "last month"
        return y if month < anchor.month - 1 or (day and key < now and month == anchor.month - 1) else y - 1
    if rel in ("next", "coming", "this coming"):
        return y if key > now else y + 1
    if rel == "this":
        return y
    if tense == "past":
        return y if key <= now or (day is None and month == anchor.month) else y - 1
    if tense == "future":
        return y if key >= now else y + 1
    # no cue: the nearest occurrence, preferring this year on ties
    cands = []
    for cy in (y - 1, y, y + 1):
        d = _safe_date(cy, month, min(day or 15, calendar.monthrange(cy, month)[1]))
        if d:
            cands.append((abs((d - anchor).days) - (1 if cy == y else 0) * 20, cy))
    return min(cands)[1]


def _apply_rel_unit(anchor: dt.date, unit: str, n: int) -> _Val | None:
    """``this``/``last``/``next`` (n = 0 / -1 / +1) of a calendar unit."""
    if unit == "day":
        return _day(anchor + dt.timedelta(n))
    if unit == "week":
        return _week(anchor + dt.timedelta(7 * n))
    if unit == "weekend":
        return _week(anchor + dt.timedelta(7 * n), "WE")
    if unit == "month":
        d = anchor + relativedelta(months=n)
        return _month(d.year, d.month)
    if unit in ("year", "fiscal year"):
        return _year(anchor.year + n)
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + n
        return _quarter(anchor.year + q // 4, q % 4 + 1)
    if unit == "decade":
        return _decade((anchor.year // 10 + n) * 10)
    if unit == "century":
        return _century(anchor.year // 100 + n)
    if unit in R.SEASONS:
        s = R.SEASONS[unit]
        cy, cs = _season_of(anchor)
        if n == 0:
            return _season(cy if s == cs else anchor.year, s)
        step = 1 if n > 0 else -1
        for k in range(1, 5):
            y, name = _shift_season(cy, cs, step * k)
            if name == s:
                return _season(y, s)
    return None


def _shift(base: dt.date, unit: str, n: float) -> _Val | None:
    """``base`` moved by ``n`` units, at that unit's granularity ("two days later", "five years ago")."""
    k = int(n)
    if unit == "day":
        return _day(base + dt.timedelta(k))
    if unit == "week":
        return _week(base + dt.timedelta(7 * k))
    if unit == "month":
        d = base + relativedelta(months=k)
        return _month(d.year, d.month)
    if unit == "year":
        return _year(base.year + k)
    if unit == "decade":
        return _year(base.year + 10 * k)
    if unit == "quarter":
        q = (base.month - 1) // 3 + k
        return _quarter(base.year + q // 4, q % 4 + 1)
    if unit in ("hour", "minute", "second"):
        return None
    return None


def _unit(word: str) -> str:
    w = re.sub(r"\s+", " ", word.lower())
    if w.startswith("centur"):
        return "century"
    if w.startswith("fiscal"):
        return "year"
    return w[:-1] if w.endswith("s") and w[:-1] in R.UNITS else w


_EASTER_OFFSETS = {"easter": 0, "good_friday": -2, "easter_monday": 1, "palm_sunday": -7, "ash_wednesday": -46,
                   "mardi_gras": -47}
# (month, ISO weekday, n-th; -1 = last) of holidays that fall on the n-th weekday of a month (US usage)
_NTH_WEEKDAY_HOLIDAYS = {"thanksgiving": (11, 4, 4), "labor_day": (9, 1, 1), "memorial_day": (5, 1, -1),
                         "mothers_day": (5, 7, 2), "fathers_day": (6, 7, 3), "mlk_day": (1, 1, 3),
                         "presidents_day": (2, 1, 3), "columbus_day": (10, 1, 2)}


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The ``n``-th ISO ``weekday`` of a month; ``n = -1`` is the last one."""
    if n > 0:
        d = dt.date(year, month, 1)
        d += dt.timedelta((weekday - d.isoweekday()) % 7)
        return d + dt.timedelta(7 * (n - 1))
    d = dt.date(year, month, calendar.monthrange(year, month)[1])
    return d - dt.timedelta((d.isoweekday() - weekday) % 7)


def _holiday(year: int, rule: tuple[int, int] | str) -> dt.date:
    if isinstance(rule, tuple):
        return dt.date(year, *rule)
    if rule in _NTH_WEEKDAY_HOLIDAYS:
        return _nth_weekday(year, *_NTH_WEEKDAY_HOLIDAYS[rule])
    if rule == "election_day":
        return _nth_weekday(year, 11, 1, 1) + dt.timedelta(1)
    return easter(year) + dt.timedelta(_EASTER_OFFSETS[rule])


# --------------------------------------------------------------------------- normalisers, one per rule

Normaliser = Callable[[re.Match[str], _Context], "_Val | None"]


def _g(m: re.Match[str], name: str) -> str:
    return (m.groupdict().get(name) or "").lower()


def _rel_word(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip().lower())


def _year_of(m: re.Match[str], name: str = "year") -> int | None:
    raw = m.groupdict().get(name)
    if not raw:
        return None
    return _spelled_year(raw)


def _year_ok(m: re.Match[str], ctx: _Context, group: str = "year") -> bool:
    """Guards that tell a year from a quantity: "in 2001" yes, "2000 troops" or "$1990" no."""
    s, e = m.span(group)
    text = ctx.text
    if not text[s:e].isdigit():
        return True
    before = text[max(0, s - 25):s]
    after = text[e:e + 25]
    prev_word = re.search(r"([A-Za-z.]+)\W*$", before)
    if prev_word and prev_word.group(1).lower() in R.QUANTITY_BEFORE:
        return False
    if re.match(r"\s*(?:%|percent|per\s+cent|[a-z]*\s*(?:°|degrees))", after):
        return False
    next_word = re.match(r"\s*([A-Za-z]+)", after)
    if next_word and next_word.group(1).lower() in R.QUANTITY_NOUNS:
        return False
    if re.match(r"\s*(?:[NSEW]\b|°|′|')", after) or re.search(r"\d[.,:]$", before):
        return False
    if re.match(r"[:.,]\d|-\d{3}|\d", after):
        return False
    year = int(text[s:e])
    if year < 1800 and not re.search(r"\b(?:in|since|of|by|from|until|to|year|around|circa|c\.)\s*$", before, re.I):
        return False
    return True


def n_iso(m: re.Match[str], ctx: _Context) -> _Val | None:
    d = _safe_date(int(m["y"]), int(m["mo"]), int(m["d"]))
    if d is None:
        return None
    if m["h"]:
        return _with_time(_day(d), f"{m['h']}:{m['mi']}")
    return _day(d)


def n_numeric(m: re.Match[str], ctx: _Context) -> _Val | None:
    y = int(m["y"])
    if y < 100:
        y += 1900 if y >= 50 else 2000
    d = _safe_date(y, int(m["mo"]), int(m["d"]))
    return _day(d) if d else None


def n_mdy(m: re.Match[str], ctx: _Context) -> _Val | None:
    if m["year"] and not _year_ok(m, ctx):
        return None
    if not m["year"] and _month_num(m["month"]) in (3, 5) and \
            re.match(r"\s*(?:%|percent\b)", ctx.text[m.end():m.end() + 12]):
        return None
    return _calendar_day(m["month"], m["day"], _year_of(m), m.groupdict().get("wd"), ctx,
                         _rel_word(m.groupdict().get("rel") or ""))


def _calendar_day(month_name: str, day_text: str, year: int | None, wd: str | None, ctx: _Context,
                  rel: str = "") -> _Val | None:
    month = _month_num(month_name)
    day = int(re.match(r"\d+", day_text).group())  # type: ignore[union-attr]
    if year is None:
        if ctx.anchor is None:
            return _Val("DATE", f"XXXX-{month:02d}-{day:02d}", "day")
        if wd:
            # a weekday fixes the year: pick the candidate year where it matches
            for cy in (ctx.anchor.year, ctx.anchor.year - 1, ctx.anchor.year + 1):
                d = _safe_date(cy, month, day)
                if d and d.isoweekday() == _weekday_num(wd) and abs((d - ctx.anchor).days) < 300:
                    year = cy
                    break
        if year is None and ctx.ref_val is not None and ctx.ref is not None and ctx.ref.year != ctx.anchor.year \
                and ctx.ref_val.granularity in ("day", "time") \
                and (ctx.start - ctx.ref_pos < 200 and not _SENT_BREAK.search(ctx.text, ctx.ref_pos, ctx.start)
                     or _STORY_GOES_ON.match(ctx.text, _sentence_start(ctx.text, ctx.start))
                     and ctx.start - ctx.ref_pos < 400):
            # "on 3 November 1966 ... by the morning of 4 November": the sentence's own full date sets the year
            year = _resolve_month_year(ctx.ref, month, day, rel, None)
        if year is None:
            # a day of the month is nearly always within months of the article: take the nearest,
            # unless the tense points the other way and that occurrence is not much further
            year = _resolve_month_year(ctx.anchor, month, day, rel, None)
            if not rel:
                tensed = _resolve_month_year(ctx.anchor, month, day, "", ctx.tense())
                d = _safe_date(tensed, month, min(day, 28 if month == 2 else day))
                if tensed != year and d and abs((d - ctx.anchor).days) <= 290:
                    year = tensed
    d = _safe_date(year, month, day)
    return _day(d) if d else None


def n_month(m: re.Match[str], ctx: _Context) -> _Val | None:
    name = m["month"]
    month = _month_num(name)
    year = _year_of(m)
    rel = _rel_word(m["rel"] or "")
    yrel = _rel_word(m["yrel"] or "")
    if m["year"] and not _year_ok(m, ctx):
        year = None
        if not rel:
            return None
    if year is None and not rel and not yrel and not m["mod"]:
        # a lone month name needs a cue: "in March", "March's", "since May"
        bare = name.lower().rstrip(".")
        before = ctx.text[max(0, m.start() - 12):m.start()].lower()
        cue = re.search(r"(?:\bin|\bsince|\buntil|\bby|\bof|\bfrom|\bthrough|\bduring|\bbefore|\bafter|\bto|\bfor|"
                        r"\bbetween|\bthis|\bnext|\blast|\band|\bor|\bearly|\blate|\bmid|\btill|\bthe|\bon|\bthan)\s+$",
                        before)
        if bare in R.AMBIGUOUS_MONTHS and not cue:
            return None
        if bare not in _FULL_MONTHS and not name.endswith("."):
            return None
    if year is None:
        if yrel:
            if ctx.anchor is None:
                return None
            year = ctx.anchor.year + {"this year": 0, "last year": -1, "next year": 1}.get(yrel, 0)
        elif ctx.anchor is None:
            return _Val("DATE", f"XXXX-{month:02d}", "month")
        elif not rel and ctx.ref_val is not None and ctx.ref is not None and ctx.ref.year != ctx.anchor.year \
                and ctx.ref_val.granularity in ("year", "month", "day") and ctx.start - ctx.ref_pos < 200 \
                and not _SENT_BREAK.search(ctx.text, ctx.ref_pos, ctx.start) \
                and not (ctx.ref.year < ctx.anchor.year and ctx.tense(right_full=True) == "future"):
            # "last year, when fires broke out in Pedrogao Grande in June": the sentence's year (but "signed a
            # deal in 2024, and a review is scheduled for June" looks ahead from the publication date)
            year = ctx.ref.year
        elif not rel and (story := _story_year(ctx)) is not None:
            year = story  # "They left Aleppo in March 2015. In late September they reached Lesbos."
        else:
            year = _resolve_month_year(ctx.anchor, month, None, rel, ctx.tense(right_full=True))
    return _month(year, month)


def n_year(m: re.Match[str], ctx: _Context) -> _Val | None:
    if not _year_ok(m, ctx):
        return None
    year = _year_of(m)
    if year is None:
        return None
    return _year(year)


def n_decade(m: re.Match[str], ctx: _Context) -> _Val | None:
    raw = m["dec"].lower().replace("'", "").rstrip("s")
    if len(raw) == 2:
        century = 19
        if ctx.anchor and int(raw) + 1900 > ctx.anchor.year + 10:
            century = 18
        elif ctx.anchor and ctx.anchor.year >= 2000 and int(raw) + 2000 <= ctx.anchor.year:
            century = 20 if int(raw) < 30 else 19
        return _decade(century * 100 + int(raw))
    return _decade(int(raw))


def n_century(m: re.Match[str], ctx: _Context) -> _Val | None:
    word = m["ord"].lower()
    n = R.ORDINALS.get(word)
    if n is None:
        digits = re.match(r"\d+", word)
        if not digits:
            return None
        n = int(digits.group())
    return _century(n - 1)


_WEEKDAY_IN_MONTH = re.compile(
    rf"\s+in\s+(?:(?P<part>early|mid|late)[\s-]+)?(?P<month>{MONTH})(?!\s*\d)", re.I)
"""A weekday placed in a month after it: "a Sunday evening in early June"."""


def n_weekday(m: re.Match[str], ctx: _Context) -> _Val | None:
    if m["span"]:
        return _Val("SET", "XXXX-WXX-WE")
    if _WEEKDAY_NAME_TAIL.match(ctx.text, m.end("wd")) or _WEEKDAY_NAME_HEAD.search(ctx.text, max(0, m.start("wd") - 8),
                                                                                m.start("wd")):
        return None  # "the Sunday Times", "Monday Night Football", "Super Tuesday", "the Good Friday Agreement"
    wd = _weekday_num(m["wd"])
    rel = _rel_word(m["rel"] or "")
    part = _g(m, "part")
    if m["every"] or m["plural"] or (part and m.group().lower().endswith(part + "s")):
        return _Val("SET", f"XXXX-WXX-{wd}" + (f"T{R.DAY_PARTS[part]}" if part else ""))
    if ctx.anchor is None:
        return _Val("DATE", f"XXXX-WXX-{wd}")
    if m["wk"]:
        # "on Tuesday next week", "Friday of last week": that weekday of the week named
        monday = ctx.anchor - dt.timedelta(ctx.anchor.isoweekday() - 1) + dt.timedelta(7 if m["wk"].lower() == "next" else -7)
        v = _day(monday + dt.timedelta(wd - 1))
        return _with_time(v, R.DAY_PARTS[part]) if part else v
    tense = ctx.tense()
    if not rel and _TARGET_FOR.search(ctx.text, max(0, ctx.start - 5), ctx.start) \
            and not ctx.text.startswith(("'s", "’s"), ctx.end) and not _PAST_VERB_AFTER.match(ctx.text, ctx.end):
        # "called a strike for Tuesday", "warnings for Wednesday": a date aimed at (unless the thing aimed
        # at is told as past: "a service planned for Saturday was canceled")
        tense = "future"
    within = _WEEKDAY_IN_MONTH.match(ctx.text, ctx.end)
    if within and not rel:
        # "on a Sunday evening in early June": that month's (early, mid, late) Sunday, not last week's.
        month = _month_num(within["month"])
        year = _resolve_month_year(ctx.anchor, month, None, "", tense)
        first, last = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}.get((within["part"] or "").lower(), (1, 31))
        days = [day for n in range(first, last + 1) if (day := _safe_date(year, month, n)) and day.isoweekday() == wd]
        if days:
            v = _day(days[0])
            return _with_time(v, R.DAY_PARTS[part]) if part else v
    if rel in ("the previous", "the following", "the next") and ctx.ref:
        base = ctx.ref
        d = _resolve_weekday(base, wd, "last" if rel == "the previous" else "next", tense)
    elif rel in ("earlier", "late", "early", "later"):
        d = _resolve_weekday(ctx.anchor, wd, "", tense)
    else:
        d = _resolve_weekday(ctx.anchor, wd, rel, tense)
    v = _day(d)
    if part:
        return _with_time(v, R.DAY_PARTS[part])
    return v


def _clock(m: re.Match[str]) -> str | None:
    h = int(m["h"])
    mi = m["mi"]
    ap = (m["ap"] or "").lower().replace(".", "").replace(" ", "")
    if ap.endswith(("morning", "afternoon", "evening")):
        if h > 12:
            return None
        ap = "am" if ap.endswith("morning") else "pm"  # "4 in the morning", "8 in the evening"
    if ap == "pm" and h < 12:
        h += 12
    elif ap == "am" and h == 12:
        h = 0
    if h > 24 or (mi and int(mi) > 59):
        return None
    return f"{h:02d}:{mi or '00'}"


def n_time(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``10 p.m.``, ``noon Thursday``, ``5 p.m. EST, Nov. 6``, ``9 a.m. yesterday``."""
    word = _g(m, "word")
    if word == "noon" and re.search(r"\bhigh\s+$", ctx.text[max(0, m.start() - 6):m.start()], re.I):
        return None  # "High Noon", the film and the figure of speech
    if word:
        clock: str | None = {"noon": "12:00", "midday": "12:00", "midnight": "24"}[word]
    else:
        clock = _clock(m)
    if clock is None:
        return None
    day = _g(m, "day2")
    base: _Val | None = None
    if m["month"] or m["month2"]:
        base = _calendar_day(m["month"] or m["month2"], m["day"] or m["dayb"], None, m["wd"], ctx)
    elif m["wd"]:
        if ctx.anchor is None:
            return _Val("TIME", f"XXXX-WXX-{_weekday_num(m['wd'])}T{clock}", "time")
        base = _day(_resolve_weekday(ctx.anchor, _weekday_num(m["wd"]), "", ctx.tense()))
    elif day:
        if ctx.anchor is None:
            return None
        base = _day(ctx.anchor + dt.timedelta({"today": 0, "yesterday": -1, "tomorrow": 1}[day]))
    elif ctx.ref is not None and ctx.ref_val is not None and ctx.ref_val.granularity in ("day", "time") \
            and ctx.start - ctx.ref_pos < 400:
        base = _day(ctx.ref)
    elif ctx.anchor is not None:
        base = _day(ctx.anchor)
    if base is None:
        return _Val("TIME", f"XXXX-XX-XXT{clock}", "time")
    return _with_time(base, clock)


def n_daypart(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``this morning``, ``late yesterday afternoon``, ``mid-afternoon``, ``tonight``, ``overnight``."""
    if ctx.anchor is None:
        return None
    if m["which2"]:
        return _with_time(_day(ctx.anchor), "NI")
    if m["part2"]:
        day = _g(m, "day")
        offset = {"yesterday": -1, "tomorrow": 1}.get(day, 0)
        return _with_time(_day(ctx.anchor + dt.timedelta(offset)), R.DAY_PARTS[m["part2"].lower()])
    word = _rel_word(m["which"])
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1, "late last": -1, "early tomorrow": 1,
              "late yesterday": -1, "early yesterday": -1}.get(word, 0)
    return _with_time(_day(ctx.anchor + dt.timedelta(offset)), R.DAY_PARTS[m["part"].lower()])


def n_ordinal_day(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``on the 17th``: that day of the month last talked about, else of the publication month (the one
    before or after when the tense points there)."""
    if ctx.anchor is None:
        return None
    day = int(m["d"])
    if ctx.ref_val is not None and ctx.ref is not None and ctx.ref_val.granularity in ("day", "month") \
            and ctx.start - ctx.ref_pos < 600:
        d = _safe_date(ctx.ref.year, ctx.ref.month, day)
        return _day(d) if d else None
    d = _safe_date(ctx.anchor.year, ctx.anchor.month, day)
    if d is None:
        return None
    tense = ctx.tense()
    if tense == "past" and d > ctx.anchor:
        d = _safe_date(*(_shift_month(ctx.anchor.year, ctx.anchor.month, -1)), day)
    elif tense == "future" and d < ctx.anchor:
        d = _safe_date(*(_shift_month(ctx.anchor.year, ctx.anchor.month, 1)), day)
    return _day(d) if d else None


def _shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    k = year * 12 + month - 1 + by
    return k // 12, k % 12 + 1


def n_in_daypart(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``in the morning``: that part of the day last talked about, else of the publication day."""
    base = ctx.ref_day or ctx.anchor
    if base is None:
        return None
    return _with_time(_day(base), R.DAY_PARTS[m["part"].lower()])


def n_in_the_unit(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``later in the day``, ``earlier in the year``: the current one."""
    if ctx.anchor is None:
        return None
    unit = m["unit"].lower()
    if unit == "day":
        # "Yoon travelled to Tokyo on March 16. Yoon will host Kishida later in the day": told in the
        # future, the day is the one the article is written on
        if ctx.ref_day is not None and ctx.ref_day < ctx.anchor and ctx.tense() == "future":
            return _day(ctx.anchor)
        return _day(ctx.ref_day or ctx.anchor)
    return _apply_rel_unit(ctx.anchor, unit, 0)


def _title_word(ctx: _Context, start: int) -> bool:
    """A capitalised word in mid-sentence names a show or paper: "USA Today", ABC's "This Week", "60 Minutes"."""
    if not ctx.text[start:start + 1].isupper():
        return False
    # a name just before it ("USA Today", "VOA Today", "This Week", "60 Minutes"), not the start of a
    # sentence or of a quotation ('He said: "Today we begin"')
    if re.search(r"[A-Za-z0-9]['’]?s?[ \t]+$", ctx.text[max(0, start - 20):start]) is None:
        return False
    # ... and not a headline written in title case ("Obama To Visit Israel Next Week")
    line_start = ctx.text.rfind("\n", 0, start) + 1
    line_end = ctx.text.find("\n", start)
    line = ctx.text[line_start:start] + ctx.text[start:line_end if line_end >= 0 else len(ctx.text)].partition(" ")[2]
    words = re.findall(r"[A-Za-z]{4,}", line)  # the title word itself left out
    return sum(w[0].isupper() for w in words) < 0.6 * len(words)


def n_word_day(m: re.Match[str], ctx: _Context) -> _Val | None:
    word = _rel_word(m["w"])
    if ctx.anchor is None:
        return None
    if _title_word(ctx, m.start("w")):
        return None
    offset = {"today": 0, "yesterday": -1, "tomorrow": 1, "the day before yesterday": -2,
              "the day after tomorrow": 2, "tonight": 0}[word]
    v = _day(ctx.anchor + dt.timedelta(offset))
    if word == "tonight":
        return _with_time(v, "NI")
    return v


def n_reference(m: re.Match[str], ctx: _Context) -> _Val | None:
    word = _rel_word(m["w"])
    if word == "current" and not re.match(r"\s+[a-z]", ctx.text[m.end():m.end() + 3]):
        return None
    return _ref(R.REFERENCE_WORDS[word])


def n_soon(m: re.Match[str], ctx: _Context) -> _Val | None:
    return _ref("FUTURE_REF")


def n_set(m: re.Match[str], ctx: _Context) -> _Val | None:
    word = _rel_word(m["w"] or "")
    if word == "quarterly":
        return None  # almost always "quarterly dividend/results", not annotated
    if word in R.SET_WORDS:
        return _Val("SET", R.SET_WORDS[word])
    unit = _unit(m["unit"])
    if unit in R.SEASONS:
        return _Val("SET", f"XXXX-{R.SEASONS[unit]}")
    if unit.rstrip(".") in R.MONTHS:
        return _Val("SET", f"XXXX-{_month_num(unit):02d}")
    if unit in R.WEEKDAYS or unit + "day" in R.WEEKDAYS:
        return _Val("SET", f"XXXX-WXX-{_weekday_num(unit)}")
    n = _number(m["n"]) if m["n"] else 1
    return _Val("SET", _duration(n, unit))


def n_holiday(m: re.Match[str], ctx: _Context) -> _Val | None:
    if _WEEKDAY_NAME_TAIL.match(ctx.text, m.end()):
        return None  # "the Good Friday Agreement" names a treaty, not the day
    name = re.sub(r"\s+", " ", m["name"].lower()).replace("’", "'")
    rule = R.HOLIDAYS.get(name)
    if rule is None:
        return None
    year = _year_of(m)
    rel = _rel_word(m["rel"] or "")
    if rel and ctx.anchor is not None and year is None:
        # "last Thanksgiving" is the latest one before publication, "next Christmas" the first one after
        year = ctx.anchor.year
        if rel in ("last", "this past") and _holiday(year, rule) >= ctx.anchor:
            year -= 1
        elif rel in ("next", "this coming") and _holiday(year, rule) <= ctx.anchor:
            year += 1
    if year is None:
        if ctx.anchor is None:
            return None
        year = ctx.anchor.year
        d = _holiday(year, rule)
        tense = ctx.tense()
        if tense == "past" and d > ctx.anchor + dt.timedelta(7):
            year -= 1
        elif tense == "future" and d < ctx.anchor:
            year += 1
        elif tense is None and (d - ctx.anchor).days > 183:
            year -= 1
        elif tense is None and (ctx.anchor - d).days > 183:
            year += 1
    if m["week"]:
        # "Easter week", "the Easter weekend": the ISO week (or its weekend) that holds the feast
        return _week(_holiday(year, rule), "WE" if m["week"].lower().endswith("end") else "")
    return _day(_holiday(year, rule))


def n_relative(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``last year``, ``this week``, ``next month``, ``earlier this year``, ``the following week``, ``that year``."""
    rel = _rel_word(m["rel"])
    unit = _unit(m["unit"])
    if _title_word(ctx, m.start("unit")):
        return None
    if rel.startswith("the "):
        rel_core = rel[4:]
    else:
        rel_core = rel
    narrative = rel_core in ("following", "previous", "same", "prior") or rel in ("that", "that same")
    if rel in ("the next",) and unit not in ("day",):
        narrative = False
    if rel.startswith("the") and (rel_core in ("past", "last") and unit in ("week", "month", "year", "decade", "century")
                                  or rel_core in ("next", "coming") and unit in ("decade", "century")):
        # "the past year" looks back from now over one unit; TimeML gives it as a duration
        return _Val("DURATION", _duration(1, unit))
    base = ctx.narrative() if narrative else ctx.anchor
    if narrative and unit in ("day", "week", "weekend"):
        base = ctx.ref_day or ctx.anchor
    if base is None:
        return None
    n = {"last": -1, "past": -1, "previous": -1, "prior": -1, "this": 0, "current": 0, "that": 0, "same": 0,
         "that same": 0, "the current": 0, "next": 1, "coming": 1, "following": 1, "the latest": -1,
         "latest": -1, "this past": -1, "this coming": 1, "upcoming": 1}.get(rel_core if narrative else rel, None)
    if n is None:
        n = {"the coming": 1, "the next": 1, "the last": -1, "the past": -1}.get(rel, 0)
    if unit == "quarter" and rel_core in ("latest", "last", "past", "previous", "recent", "most recent"):
        n = -1
    if unit == "weekend" and rel in ("this coming", "coming", "upcoming") and base.isoweekday() <= 5:
        n = 0  # "this coming weekend" said on a Wednesday: the weekend of this week
    if unit in ("day",) and not narrative and rel in ("this", "that"):
        return _day(base)
    if unit == "time" or unit == "moment":
        return _ref("PRESENT_REF") if rel in ("this", "the current") else _ref("PAST_REF")
    v = _apply_rel_unit(base, unit, n)
    return v


def n_shift(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``two days later``, ``five years ago``, ``a year earlier``."""
    n = _number(m["n"]) if m["n"] else None
    unit = _unit(m["unit"])
    direction = _rel_word(m["dir"])
    sign = 1 if direction in ("later", "from now", "hence") else -1
    base = ctx.anchor if direction in ("ago", "from now", "hence") else ctx.narrative()
    if unit in ("day", "week") and direction not in ("ago", "from now", "hence"):
        base = ctx.ref_day or ctx.anchor
    if base is None:
        return None
    if n is None:
        # "several years ago" is some time in the past; "a few days later" keeps its vague length
        if direction == "ago":
            return _ref("PAST_REF")
        return _Val("DURATION", _duration(None, unit))
    if unit == "year" and n == 1 and ctx.last_quarter is not None and ctx.start - ctx.last_quarter_pos < 600:
        q = ctx.last_quarter
        y, qq = int(q.value[:4]), int(q.value[-1])
        return _quarter(y + sign, qq)
    if n != int(n):
        return None
    if m["this"] and unit == "year" and direction == "ago":
        # "eight years ago this month": this month (week) of that year
        then = _safe_date(base.year - int(n), base.month, min(base.day, 28)) or base
        if m["this"].lower() == "month":
            return _month(then.year, then.month)
        return _week(base.replace(year=base.year - int(n)) if _safe_date(base.year - int(n), base.month, base.day)
                     else then, "WE" if m["this"].lower() == "weekend" else "")
    return _shift(base, unit, sign * n)


def n_duration(m: re.Match[str], ctx: _Context) -> _Val | None:
    raw_n = m["n"]
    unit = _unit(m["unit"])
    n = _number(raw_n) if raw_n else 1
    if _title_word(ctx, m.start("unit")):
        return None
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"(?:-|\s+)old\b", after) or m.group().lower().endswith("-old"):
        return None  # ages ("52 years old", "a 44-year-old protester") are not annotated as durations
    a_unit = raw_n is not None and raw_n.strip().lower() in ("a", "an")
    if a_unit and re.search(r"(?:\d|[a-z]s|times|twice|once|per)\W*$", ctx.text[max(0, m.start() - 12):m.start()], re.I) \
            and not re.search(r"\b(?:for|in|than|within|about|over|nearly|almost|least|after|as|is|was|has|"
                              r"this|thus|plus|less|unless)\W*$", ctx.text[max(0, m.start() - 12):m.start()], re.I):
        return None  # "four flights a week", "$1.76 a year": a rate, not a time span
    if a_unit and unit == "second" and not re.match(r"\s+(?:later|earlier|ago|or|and)\b", after):
        return None
    if unit == "quarter" and m["unit"].lower().endswith("s") and "-" in m.group():
        return None  # "three-quarters of its food"
    if raw_n and re.fullmatch(r"\d{4}", raw_n.strip()) and unit in ("year", "quarter"):
        return None
    if raw_n and raw_n.strip().lower() in ("a", "an", "one") and unit == "year" and re.search(
            r"(?:\d|times|twice|once|per)\W*$", ctx.text[max(0, m.start() - 12):m.start()]):
        return _Val("SET", "P1Y")
    if n is None and not m["unit"].lower().endswith("s") and not m["unit"].lower().startswith("centur"):
        return None  # "some day", "some time": a vague count wants a plural unit to be a duration
    if unit == "weekend":
        return _Val("DURATION", f"P{'X' if n is None else int(n)}WE")
    if n is not None and re.search(r"and\s+a\s+half", m.group(), re.I) and "half" not in (raw_n or "").lower():
        n += 0.5
    return _Val("DURATION", _duration(n, unit))


def n_bare_plural(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``for years``, ``over the years``, ``days after the attack``: a duration of unknown length."""
    return _Val("DURATION", _duration(None, _unit(m["unit"] or m["unit2"] or m["unit3"])))


def n_adj_span(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``decades-long``, ``day-long``, ``multiyear``, ``several-year``."""
    unit = (m["unit"] or m["unit2"]).lower()
    if m["unit"] and not unit.endswith("s") and not (m["w"] or ""):
        return _Val("DURATION", _duration(1, _unit(unit)))
    return _Val("DURATION", _duration(None, _unit(unit.rstrip("s") if not unit.startswith("centur") else "century")))


def n_quarter(m: re.Match[str], ctx: _Context) -> _Val | None:
    q = R.ORDINALS[m["ord"].lower()]
    year = _year_of(m) or _year_of(m, "year2")
    yrel = _rel_word(m["yrel"] or m["ydet"] or "").replace("'s", "")
    if year is None:
        if not yrel and not m["ya"] and _in_a_match(ctx):
            return None  # "in the second quarter of Saturday's game"
        if ctx.anchor is None:
            return _Val("DATE", f"XXXX-Q{q}", "quarter")
        if m["ya"]:
            return _quarter(ctx.anchor.year - 1 - (1 if q > (ctx.anchor.month - 1) // 3 + 1 else 0), q)
        year = ctx.anchor.year + {"last": -1, "next": 1, "this": 0, "the": 0}.get(yrel.split(" ")[0] if yrel else "", 0)
        if not yrel and q > (ctx.anchor.month - 1) // 3 + 1 and ctx.tense() != "future":
            year -= 1  # "fourth-quarter profit" in a January article reports last year's quarter
    return _quarter(year, q)


def n_this_quarter(m: re.Match[str], ctx: _Context) -> _Val | None:
    rel = _rel_word(m["rel"] or "")
    if ctx.anchor is None:
        return None
    cur = (ctx.anchor.month - 1) // 3 + 1
    if rel in ("year-ago", "year-earlier", "year ago", "year earlier"):
        base = ctx.last_quarter if ctx.last_quarter is not None else _apply_rel_unit(ctx.anchor, "quarter", -1)
        assert base is not None
        return _quarter(int(base.value[:4]) - 1, int(base.value[-1]))
    if rel in ("current", "this"):
        return _quarter(ctx.anchor.year, cur)
    if rel in ("next", "coming"):
        return _apply_rel_unit(ctx.anchor, "quarter", 1)
    if rel in ("same", "that"):
        return ctx.last_quarter
    return _apply_rel_unit(ctx.anchor, "quarter", -1)


def n_q_quarter(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``Q1 2013``, ``Q4``: a quarter written the financial-press way."""
    if not m["q"].startswith("Q"):
        return None  # "q1" in lower case is rarely a quarter
    q = int(m["q"][1])
    year = _year_of(m)
    if year is None:
        if ctx.anchor is None:
            return _Val("DATE", f"XXXX-Q{q}", "quarter")
        year = ctx.anchor.year - (1 if q > (ctx.anchor.month - 1) // 3 + 1 and ctx.tense() != "future" else 0)
    return _quarter(year, q)


def n_year_period(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``the 1988 period``: the year, or its quarter when the text talks quarters."""
    year = int(m["year"])
    if m["unit"].lower() == "quarter" and ctx.last_quarter is not None:
        return _quarter(year, int(ctx.last_quarter.value[-1]))
    return _year(year)


def _in_a_match(ctx: _Context) -> bool:
    """The mention's sentence tells of a game ("scored early in the second half")."""
    rest = ctx.text[ctx.end:ctx.end + 200]
    br = _SENT_BREAK.search(rest)
    return bool(_MATCH_PLAY.search(ctx.text[_sentence_start(ctx.text, ctx.start):ctx.end]
                                   + (rest[:br.start()] if br else rest)))


def n_half(m: re.Match[str], ctx: _Context) -> _Val | None:
    h = 1 if m["which"].lower() == "first" else 2
    year = _year_of(m)
    if year is None:
        if _in_a_match(ctx):
            return None  # "scored early in the second half": a half of a match
        if ctx.anchor is None:
            return None
        yrel = _rel_word(m["yrel"] or "")
        year = ctx.anchor.year + {"last": -1, "next": 1}.get(yrel.split(" ")[0] if yrel else "", 0)
    return _half(year, h)


def n_year_compound(m: re.Match[str], ctx: _Context) -> _Val | None:
    w = _rel_word(m["w"]).replace("-", " ")
    if ctx.anchor is None:
        return None
    if w in ("year end", "yearend", "year's end"):
        return _day(dt.date(ctx.anchor.year, 12, 31))
    if ctx.last_quarter is not None and ctx.start - ctx.last_quarter_pos < 800:
        q = ctx.last_quarter
        return _quarter(int(q.value[:4]) - 1, int(q.value[-1]))
    return _year(ctx.anchor.year - 1)


def n_season(m: re.Match[str], ctx: _Context) -> _Val | None:
    s = R.SEASONS[m["season"].lower()]
    year = _year_of(m)
    if m["yrel"]:
        if ctx.anchor is None:
            return None
        year = ctx.anchor.year + {"last": -1, "this": 0, "next": 1}[m["yrel"].lower()]  # "the spring of last year"
    det = _rel_word(m["det"] or "")
    rel = det if det != "the" else ""
    if not det and not m["year"]:
        before = ctx.text[max(0, m.start() - 10):m.start()].lower()
        if not re.search(r"\b(?:in|during|by|until|since|through|early|late|mid)\s+$", before):
            return None
    if m["season"].lower() == "fall" and not year and not rel:
        if not re.match(r"\s*(?:,|\.|;|$|\s+(?:and|when|as|after|before|in|at|of\s+(?:19|20)\d\d))",
                        ctx.text[m.end():m.end() + 12]):
            return None
    if year is not None:
        return _season(year, s)
    if ctx.anchor is None:
        return _Val("DATE", f"XXXX-{s}", "season")
    story = _story_year(ctx)
    if story is not None and not rel:
        return _season(story, s)  # "left Aleppo in March 2015. They spent the summer in Izmir."
    rel_n = {"last": -1, "past": -1, "this past": -1, "next": 1, "coming": 1, "this coming": 1}.get(rel, 0)
    if rel_n == 0:
        cy, cs = _season_of(ctx.anchor)
        tense = ctx.tense()
        y = ctx.anchor.year
        order = ["SP", "SU", "FA", "WI"]
        if s == cs:
            return _season(cy, s)
        if tense == "past" and order.index(s) > order.index(cs) and cs != "WI":
            return _season(y - 1, s)
        if tense == "future" and order.index(s) < order.index(cs) and cs != "WI":
            return _season(y + 1, s)
        return _season(y, s)
    return _apply_rel_unit(ctx.anchor, m["season"].lower(), rel_n)


def n_narrative_day(m: re.Match[str], ctx: _Context) -> _Val | None:
    w = _rel_word(m["w"])
    base = ctx.ref_day or ctx.anchor
    if base is None:
        return None
    off = {"the next day": 1, "the following day": 1, "the day after": 1, "the previous day": -1,
           "the day before": -1, "the same day": 0, "that day": 0, "that same day": 0, "earlier that day": 0,
           "later that day": 0, "the next morning": 1, "the following morning": 1, "that night": 0,
           "that evening": 0, "that morning": 0, "a day later": 1, "a day earlier": -1, "the prior day": -1}.get(w)
    if off is None:
        return None
    coarse = ctx.ref_val
    if coarse is not None and ctx.ref is not None and coarse.granularity in ("month", "year") \
            and ctx.start - ctx.ref_pos < 300 and ctx.ref.year != (ctx.anchor or ctx.ref).year \
            and (ctx.ref_day is None or ctx.ref_day != ctx.ref):
        # "marched in October 1968 ... the following morning": a day of that month, which is all we know
        return _month(ctx.ref.year, ctx.ref.month) if coarse.granularity == "month" else _year(ctx.ref.year)
    v = _day(base + dt.timedelta(off))
    for part, code in R.DAY_PARTS.items():
        if w.endswith(part):
            return _with_time(v, code)
    return v


def n_narrative_year(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``the year before``, ``the month after``: next to the year or month the story is at ("499,000 walked
    the Camino in 2024, up from 446,000 the year before": 2023)."""
    base = ctx.ref if ctx.ref_pos >= 0 else None
    if base is None:
        return None
    step = -1 if m["dir"].lower() == "before" else 1
    if m["unit"].lower() == "year":
        return _year(base.year + step)
    return _month(*_shift_month(base.year, base.month, step))


def n_decade_word(m: re.Match[str], ctx: _Context) -> _Val | None:
    return _decade(1900 + 10 * R.DECADE_WORDS[m["dw"].lower()])


_OF_A_DAY = re.compile(rf"\s+of\s+(?:{WEEKDAY}|{MONTH}|today|yesterday|tomorrow)")


def n_vague_span(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``coming weeks``, ``the weeks ahead``, ``the first hours``: a duration of unknown length."""
    words = m.group().lower().split()
    if len(words) == 1 or words == ["the", words[-1]]:
        return None  # a bare plural is only temporal after "for", "over" ... (rule bare_plural)
    if _OF_A_DAY.match(ctx.text, m.end()):
        return None  # "the early hours of Thursday": only the day is tagged
    return _Val("DURATION", _duration(None, _unit(m["unit"])))


def n_year_ref(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``the year`` / ``the month`` / ``the week``: the current one in news."""
    unit = _unit(m["unit"])
    if ctx.anchor is None:
        return None
    if unit == "weekend":
        sat = _resolve_weekday(ctx.anchor, 6, "", ctx.tense())
        return _week(sat, "WE")
    if unit == "year" and re.match(r"\s+(?:ended|ending|that\s+ended|to\s+date)\b", ctx.text[m.end():m.end() + 20]):
        return _Val("DURATION", "P1Y")  # "for the year ended March 31": a twelve-month span, not a calendar year
    if unit == "quarter":
        return _apply_rel_unit(ctx.anchor, "quarter", -1)
    if unit == "week" and ctx.anchor.weekday() >= 5 and ctx.tense() == "future":
        # Said at the weekend of something still to come ("is due to take place during the week"):
        # the ISO week is nearly over, so the coming one is meant.
        return _apply_rel_unit(ctx.anchor, unit, 1)
    return _apply_rel_unit(ctx.anchor, unit, 0)


def n_time_24(m: re.Match[str], ctx: _Context) -> _Val | None:
    if ctx.anchor is None:
        return _Val("TIME", f"XXXX-XX-XXT{int(m['h']):02d}:{m['mi']}", "time")
    base = ctx.ref if ctx.ref_val is not None and ctx.ref_val.granularity == "day" else ctx.anchor
    return _with_time(_day(base), f"{int(m['h']):02d}:{m['mi']}")


def n_ago_bare(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``months ago``: TimeBank gives the bare plural its vague length (``PXM``), as for "for months"."""
    return _Val("DURATION", _duration(None, _unit(m["unit"])))


_AFTER_DAY_WORDS = frozenset("in at on and or to the as when while after before for from with by respectively".split())
"""Lower-case words that may follow a coordinated day ("April 24 and 25 in Washington")."""


def n_mdy_and(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``April 24 and 25``: the bare second day shares the month (and year) of the first."""
    after = ctx.text[m.end():m.end() + 25]
    if re.match(r"\s*(?:%|percent\b|per\s+cent\b|(?:million|billion|thousand)\b)", after, re.I):
        return None
    next_word = re.match(r"\s*([A-Za-z]+)", after)
    if next_word and (next_word.group(1).lower() in R.QUANTITY_NOUNS or
                      next_word.group(1).islower() and next_word.group(1) not in _AFTER_DAY_WORDS):
        return None  # "killed on March 5 and 12 others": a count, not a second day
    if m["year"] and not _year_ok(m, ctx):
        return None
    return _calendar_day(m["month"], m["day2"], _year_of(m), None, ctx)


def n_nth_week(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``the first week of April``: the ISO week holding the month's first (or last) day of that week."""
    month = _month_num(m["month"])
    year = _year_of(m)
    if year is None:
        if ctx.anchor is None:
            return None
        year = _resolve_month_year(ctx.anchor, month, None, "", ctx.tense(right_full=True))
    ordinal = m["ord"].lower()
    if ordinal in ("last", "final"):
        day = dt.date(year, month, calendar.monthrange(year, month)[1]) - dt.timedelta(3)
    else:
        day = dt.date(year, month, 1) + dt.timedelta(7 * (R.ORDINALS[ordinal] - 1) + 3)
    return _week(day)


def n_same_period(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``the same period last year``: the quarter under discussion a year back, else last year."""
    if m["year"]:
        year = int(m["year"])
    elif ctx.anchor is not None:
        year = ctx.anchor.year - 1
    else:
        return None
    unit = m["unit"].lower()
    if unit in ("period", "quarter") and ctx.last_quarter is not None and ctx.start - ctx.last_quarter_pos < 800:
        q = ctx.last_quarter
        return _quarter(year if m["year"] else int(q.value[:4]) - 1, int(q.value[-1]))
    if unit == "quarter" and ctx.anchor is not None:
        cur = _apply_rel_unit(ctx.anchor, "quarter", -1)
        assert cur is not None
        return _quarter(int(cur.value[:4]) - (0 if m["year"] else 1), int(cur.value[-1]))
    return _year(year)


def n_quarter_century(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``a quarter century``: 25 years, not "a quarter" of a year."""
    return _Val("DURATION", "P25Y")


def n_week_of(m: re.Match[str], ctx: _Context) -> _Val | None:
    """``the week of March 6``: the ISO week holding that day."""
    v = _calendar_day(m["month"], m["day"], _year_of(m), None, ctx)
    if v is None or v.date is None:
        return None
    return _week(v.date, "WE" if m["unit"].lower() == "weekend" else "")


# --------------------------------------------------------------------------- the rule table

_REL = (r"(?:this\s+past|this\s+coming|the\s+following|the\s+previous|the\s+next|the\s+coming|the\s+past|"
        r"the\s+last|the\s+current|the\s+same|the\s+prior|the\s+latest|last|this|next|past|coming|current|"
        r"previous|following|that|that\s+same|upcoming)")
_DAYWORDS = r"(?:the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight)"
_HOLIDAY = _alt(R.HOLIDAYS).replace("'", "['’]")

_RULES: list[tuple[str, str, Normaliser, int]] = [
    # (name, pattern, normaliser, priority: lower wins among equally long hits)
    ("iso", rf"{_B}(?P<y>\d{{4}})-(?P<mo>[01]\d)-(?P<d>[0-3]\d)(?:[T\s](?P<h>[0-2]\d):(?P<mi>[0-5]\d)(?::\d\d)?)?(?![\d])", n_iso, 0),
    ("numeric", rf"{_B}(?P<mo>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>(?:19|20)\d\d|\d\d)(?![\d/])", n_numeric, 0),
    ("mdy", rf"{_B}(?:{APPROX_DATE}\s+)?(?:(?P<wd>{WEEKDAY}),?\s+)?(?:(?P<mod>{MOD})[\s-]+)?"
            rf"(?:(?P<rel>last|this|next|this\s+past)\s+)?(?P<month>{MONTH})\s*(?P<day>{DAY})"
            rf"(?:(?:,\s*|\s+)(?P<year>{YEAR}))?{_E}", n_mdy, 1),
    ("dmy", rf"{_B}(?:(?P<wd>{WEEKDAY}),?\s+)?(?:the\s+)?(?P<day>{DAY})\s+(?:of\s+)?(?P<month>{MONTH})"
            rf"(?:,?\s+(?P<year>{YEAR}))?{_E}", n_mdy, 2),
    ("month", rf"{_B}(?:(?P<mod>{MOD})[\s-]+)?(?:(?P<rel>last|this|next|this\s+past|this\s+coming|past|coming)\s+)?"
              rf"(?P<month>{MONTH})(?:,?\s+(?:of\s+)?(?P<year>{YEAR})|\s+(?P<yrel>this\s+year|last\s+year|next\s+year))?{_E}",
     n_month, 3),
    ("decade", rf"{_B}(?:the\s+)?(?:(?:{MOD})[\s-]+)?(?P<dec>(?:1[0-9]|20)\d0'?s|'\d0s)(?!\w)", n_decade, 2),
    ("century", rf"{_B}(?:the\s+)?(?:(?:{MOD})[\s-]+)?(?P<ord>\d{{1,2}}(?:st|nd|rd|th)|{_alt(R.ORDINALS)})[\s-]+century{_E}",
     n_century, 2),
    ("year", rf"{_B}(?:(?:the\s+)?(?P<mod>{MOD})[\s-]+)?(?:(?:fiscal|calendar|FY|the\s+year|the\s+fiscal\s+year|"
             rf"the\s+calendar\s+year)\s+)?(?P<year>{YEAR4}|{_SPELLED_YEAR})(?!['’]?s\b)(?![\w-]|\.\d)", n_year, 4),
    ("weekday", rf"{_B}(?:(?P<every>every|each)\s+(?=\w+days?\b|\w+\.))?(?:(?P<rel>this\s+past|this\s+coming|"
                rf"the\s+previous|the\s+following|the\s+next|last|this|next|past|coming|late|early)\s+)?"
                rf"(?P<wd>{WEEKDAY})(?P<plural>s)?(?:\s+(?P<part>{DAYPART})s?)?(?:\s+(?:of\s+)?(?P<wk>next|last)\s+week)?{_E}"
                rf"|{_B}(?:on\s+)?(?P<span>weekends){_E}", n_weekday, 3),
    ("time", rf"{_B}(?:(?:around|approximately)\s+)?"
             rf"(?:(?P<h>[01]?\d|2[0-3])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>[ap]\.\s?m\.?|[ap]m\b|"
             rf"(?:o'clock\s+)?in\s+the\s+(?:morning|afternoon|evening))|(?P<word>noon|midnight|midday))"
             rf"(?:\s+(?:{TZ}))?(?:,?\s+(?:(?:on\s+)?(?:(?P<wd>{WEEKDAY})(?:,?\s+(?P<month>{MONTH})\s*(?P<day>{DAY}))?|"
             rf"(?P<month2>{MONTH})\s*(?P<dayb>{DAY}))|"
             rf"(?P<day2>today|yesterday|tomorrow)))?{_E}", n_time, 1),
    ("time_24", r"\bat\s+(?P<span>(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?:h|hrs|GMT|UTC|local\s+time))?)(?![\d])",
     n_time_24, 2),
    ("daypart", rf"{_B}(?:(?P<which>this|yesterday|tomorrow|last|later\s+this|earlier\s+this|early\s+this|late\s+this|"
                rf"late\s+last|early\s+tomorrow|late\s+yesterday|early\s+yesterday)\s+(?P<part>{DAYPART})"
                rf"|(?:mid|late|early)[\s-]?(?P<part2>morning|afternoon|evening)(?:\s+(?P<day>yesterday|today|tomorrow))?"
                rf"|(?P<which2>tonight|overnight)){_E}", n_daypart, 1),
    ("in_daypart", rf"\b(?:in|during)\s+(?P<span>the\s+(?P<part>morning|afternoon|evening)){_E}", n_in_daypart, 2),
    ("ordinal_day", r"\b(?:on|by|until|till|since|from|before|after|to)\s+(?P<span>the\s+(?P<d>[1-9]|[12]\d|3[01])"
                    r"(?:st|nd|rd|th))\b(?!\s+(?:of\b|century|centuries|anniversary|floor|time|times|day|place|"
                    r"minute|round|hole|amendment|street|birthday|congress|district|division|army|fleet|dynasty|"
                    r"edition|annual|straight|consecutive|largest|biggest|most|percentile|grade|inning|lap|stage|"
                    r"(?-i:[A-Z])))",  # "the 11th Circuit", "the 5th Avenue": a name
     n_ordinal_day, 2),
    ("in_the_unit", rf"\b(?:earlier|later|late|early)\s+in\s+(?P<span>the\s+(?P<unit>day|week|month|year)){_E}",
     n_in_the_unit, 2),
    ("word_day", rf"{_B}(?:(?:early|late|earlier|later)\s+)?(?P<w>{_DAYWORDS}){_E}", n_word_day, 3),
    ("holiday", rf"{_B}(?:(?P<rel>last|this|next|this\s+past|this\s+coming)\s+)?(?P<name>{_HOLIDAY})"
                rf"(?P<week>\s+week(?:end)?)?(?:\s+(?P<year>{YEAR4}))?{_E}", n_holiday, 3),
    ("quarter", rf"{_B}(?:(?:the\s+(?!(?:{ORD_Q})-)|(?P<ydet>this\s+year's|last\s+year's|next\s+year's)\s+|"
                rf"(?:the\s+)?(?P<year>{YEAR4})(?:'s)?\s+|(?:the\s+)?(?:comparable\s+|corresponding\s+)?(?P<ya>year[\s-](?:ago|earlier))\s+))?"
                rf"(?:(?:fiscal|calendar|current|latest)[\s-]+)?(?P<ord>{ORD_Q})[\s-]+(?:fiscal[\s-]+)?"
                rf"(?:quarter|period)(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year2>{YEAR4})|(?P<yrel>this\s+year|last\s+year|next\s+year|the\s+year)))?{_E}",
     n_quarter, 1),
    ("q_quarter", rf"{_B}(?P<q>Q[1-4])(?:\s+(?:of\s+)?(?P<year>{YEAR4}))?{_E}", n_q_quarter, 1),
    ("year_period", rf"{_B}the\s+(?P<year>{YEAR4})\s+(?P<unit>period|quarter|fiscal\s+year|year){_E}", n_year_period, 2),
    ("this_quarter", rf"{_B}(?:the\s+)?(?:(?:comparable|corresponding)\s+(?=year[\s-]))?"
                     rf"(?P<rel>latest|last|previous|current|this|same|that|next|coming|"
                     rf"year[\s-]ago|year[\s-]earlier|recent|most\s+recent)\s+(?:fiscal\s+)?(?:quarter|period){_E}",
     n_this_quarter, 3),
    ("half", rf"{_B}(?:the\s+)?(?P<which>first|second|last)\s+half(?:\s+of\s+(?:(?:fiscal\s+)?(?P<year>{YEAR4})|"
             rf"(?P<yrel>this\s+year|last\s+year|next\s+year|the\s+year)))?{_E}", n_half, 2),
    ("season", rf"{_B}(?:(?P<det>the|this|last|next|this\s+past|this\s+coming|past|coming)\s+)?(?:(?:{MOD})[\s-]+)?"
               rf"(?P<season>{SEASON})(?:\s+(?:of\s+)?(?P<year>{YEAR})|\s+of\s+(?P<yrel>last|this|next)\s+year)?{_E}",
     n_season, 3),
    ("shift", rf"{_B}(?:{APPROX}\s+)?(?P<n>{COUNT})\s+(?P<unit>{UNIT})(?:\s+or\s+so)?\s+"
              rf"(?P<dir>ago|earlier|later|from\s+now|hence)(?:\s+this\s+(?P<this>month|week|weekend))?{_E}", n_shift, 1),
    ("ago_bare", rf"{_B}(?P<unit>days|weeks|months|years|decades)\s+ago{_E}", n_ago_bare, 2),
    ("mdy_and", rf"{_B}(?P<month>{MONTH})\s*(?P<day>{DAY})\s+(?:and|or|&)\s+(?P<span>(?P<day2>{DAY}))"
                rf"(?=(?:,?\s+(?P<year>{YEAR}))?){_E}", n_mdy_and, 1),
    ("nth_week", rf"{_B}the\s+(?P<ord>first|second|third|fourth|last|final)\s+week\s+of\s+(?P<month>{MONTH})"
                 rf"(?:,?\s+(?P<year>{YEAR4}))?{_E}", n_nth_week, 1),
    ("same_period", rf"{_B}the\s+(?:same|corresponding|comparable)\s+(?P<unit>period|quarter|time|month|week)\s+"
                    rf"(?:of\s+)?(?P<back>last\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+previous\s+year|"
                    rf"the\s+prior\s+year|(?P<year>{YEAR4})){_E}", n_same_period, 1),
    ("quarter_century", rf"{_B}(?:(?:{APPROX})\s+)?(?:a|one|the\s+past|the\s+last|the\s+next)\s+"
                        rf"quarter(?:[\s-]+|\s+of\s+a\s+)century(?!-){_E}", n_quarter_century, 1),
    ("week_of", rf"{_B}the\s+(?P<unit>week|weekend)\s+of\s+(?P<month>{MONTH})\s*(?P<day>{DAY})"
                rf"(?:,?\s+(?P<year>{YEAR}))?{_E}", n_week_of, 1),
    ("relative", rf"{_B}(?:(?:{MOD}|sometime|some\s+time)[\s-]+)?(?P<rel>{_REL})\s+(?P<unit>week(?:end)?|month|year|quarter|decade|century|"
                 rf"fiscal\s+year|day|summer|spring|fall|autumn|winter)(?:\s+or\s+so)?{_E}", n_relative, 2),
    ("narrative_year", rf"{_B}the\s+(?P<unit>year|month)\s+(?P<dir>before|after)(?=\s*[.,;)]|\s+(?:and|when|but)\b)",
     n_narrative_year, 1),
    ("narrative_day", rf"{_B}(?P<w>the\s+(?:next|following|previous|same|prior)\s+(?:day|morning)|the\s+day\s+(?:before|after)|"
                      rf"(?:earlier|later)\s+that\s+day|that\s+(?:same\s+)?day|that\s+(?:night|evening|morning)|"
                      rf"a\s+day\s+(?:later|earlier)){_E}", n_narrative_day, 1),
    ("duration", rf"{_B}(?:(?:{APPROX}\s+(?=(?:the\s+)?(?:past|last|next)\s))?(?:the\s+)?"
                 rf"(?:past|{_NOT_VERB}last|next|first|final|previous|coming|following|latest|remaining|initial|"
                 rf"same|entire|whole|full|better\s+part\s+of\s+the)\s+|{APPROX}\s+|{_OVER}\s+|the\s+(?=\d|{NUMWORD}\s))?(?P<n>{COUNT})"
                 rf"(?:\s+(?:to|or)\s+{COUNT})?(?:\s+and\s+a\s+half)?(?:\s+(?:more|additional|full|straight|consecutive|trading|business|working|"
                 rf"calendar|fiscal))?\s+(?P<unit>{UNIT})(?:\s+and\s+a\s+half|\s+or\s+(?:so|two|three))?{_E}", n_duration, 5),
    ("duration_adj", rf"{_B}(?:(?:a|an|the)\s+(?=\S+-\w+\s+{_SPAN_NOUN}))?(?P<n>\d+|{NUMWORD})-(?P<unit>{UNIT})"
                     rf"(?:-(?:old|long)|\s+{_SPAN_NOUN})?{_E}", n_duration, 4),
    ("bare_plural", rf"\b(?:for|over|in|within|take|takes|took|lasted|last|spent)\s+"
                    rf"(?P<span>(?P<unit>years|months|weeks|days|decades|centuries|hours|minutes)){_E}"
                    rf"|{_B}(?P<span2>(?P<unit2>years|months|weeks|days|decades))(?=\s+(?:before|after|later|earlier)\b)"
                    rf"|\b(?:over|through|across|during)\s+(?P<span3>the\s+(?P<unit3>years|decades|centuries|months)){_E}",
     n_bare_plural, 6),
    ("adj_span", rf"{_B}(?P<w>several|multi|many|a\s+few)?-?(?P<unit>(?:day|week|month|year|decade|centur(?:y|ie))s?)"
                 rf"-(?:long|old){_E}|{_B}(?P<w2>several|multi)-?(?P<unit2>day|week|month|year|decade){_E}", n_adj_span, 5),
    ("set", rf"{_B}(?:(?P<w>{_alt(R.SET_WORDS)})|(?:every|each|per)\s+(?P<n>{COUNT}\s+)?(?P<unit>{UNIT}|{SEASON}|"
            rf"{MONTH}|{WEEKDAY}))(?!\w)", n_set, 2),
    ("year_compound", rf"{_B}(?:{APPROX_DATE}\s+)?(?P<w>year[\s-]earlier|year[\s-]ago|year[\s-]end|yearend|year's\s+end){_E}", n_year_compound, 4),
    ("the_unit", rf"{_B}(?:(?:{MOD})[\s-]+)?the\s+(?:(?:full|fiscal|whole|entire|calendar)\s+)?(?P<unit>year|month|week|quarter|weekend){_E}",
     n_year_ref, 7),
    ("decade_word", rf"{_B}(?:the\s+)?(?:(?:{MOD})[\s-]+)?(?:nineteen[\s-]+)?(?P<dw>{_alt(R.DECADE_WORDS)}){_E}", n_decade_word, 3),
    ("vague_span", rf"{_B}(?:the\s+)?(?:(?:coming|next|past|last|previous|following|first|final|early|ensuing|recent)\s+)?"
                   rf"(?P<unit>hours|days|weeks|months|years|decades|quarters)(?:\s+ahead)?{_E}", n_vague_span, 7),
    ("reference", rf"{_B}(?P<w>{_alt(R.REFERENCE_WORDS)}){_E}", n_reference, 6),
    # "soon" only next to a modal ("will soon", "may soon", "soon will"): TimeBank tags that one as a
    # reference to the future, but not "soon after", "as soon as" or "was soon released"
    ("soon", rf"\b(?:will|would|may|might|could|can|should|must|to)\s+(?P<span>soon)\b(?!\s+(?:after|as)\b)"
             rf"|{_B}(?P<span2>soon)(?=\s+(?:will|would|may|might|could)\b)", n_soon, 6),
]


_COMPILED: list[tuple[str, re.Pattern[str], Normaliser, int]] = [
    (name, re.compile(pattern, re.I), fn, prio) for name, pattern, fn, prio in _RULES
]

_CAPITALISED = ("month", "month2", "wd")
_SPAN_GROUPS = ("span", "span2", "span3")
"""When a rule needs context outside the expression ("for years"), these groups hold the span itself."""

_WINDOW = 48
"""Characters searched on each side of a trigger word; longer than any prefix or suffix a rule allows."""

_TRIGGERS: dict[str, tuple[str, tuple[str, ...]]] = {
    # category: (the words that trigger it, the rules that can only match near such a word)
    "month": (" ".join(R.MONTHS), ("mdy", "dmy", "month", "holiday", "mdy_and")),
    "week_of": ("week weekend", ("week_of", "nth_week")),
    "ago": ("ago", ("ago_bare",)),
    "soon": ("soon", ("soon",)),
    "same": ("same corresponding comparable", ("same_period",)),
    "quarter": ("q", ("q_quarter",)),
    "weekday": ("monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thurs fri sat sun",
                ("weekday", "mdy", "dmy")),
    "plural_day": ("mondays tuesdays wednesdays thursdays fridays saturdays sundays weekends", ("weekday",)),
    "digit4": ("", ("iso", "numeric", "mdy", "dmy", "month", "decade", "year", "time")),
    "datenum": ("", ("iso", "numeric")),
    "clock": ("", ("time", "time_24")),
    "unit": (" ".join(f"{u} {u}s" for u in R.UNITS) + " period periods yearend midyear",
             ("duration", "duration_adj", "shift", "vague_span", "bare_plural", "the_unit", "relative", "adj_span",
              "year_compound", "narrative_day", "narrative_year", "this_quarter", "quarter", "year_period",
              "in_the_unit")),
    "century": ("century centuries", ("century", "duration", "shift", "vague_span", "bare_plural", "relative",
                                      "quarter_century")),
    "part": ("morning afternoon evening night overnight tonight noon midnight midday today yesterday tomorrow",
             ("daypart", "narrative_day", "word_day", "time", "in_daypart")),
    "season": (" ".join(R.SEASONS), ("season", "relative")),
    "holiday": ("christmas valentine halloween independence bastille boxing patrick veterans armistice "
                "thanksgiving easter memorial election labor labour new good palm ash mardi mother father luther "
                "presidents columbus remembrance fawkes", ("holiday",)),
    "spelled": ("nineteen eighteen twenty thousand " + " ".join(R.DECADE_WORDS), ("year", "decade_word")),
    "ref": ("now current currently present these recent recently lately past future later term coming nowadays",
            ("reference",)),
    "set": ("every each per half " + " ".join(R.SET_WORDS), ("set", "half")),
    "ordinal": ("st nd rd th", ("ordinal_day",)),
}
_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_AFTER_DIGITS = re.compile(r"(?P<datenum>[-/]\d)|(?P<clock>\s?(?:[ap]\.?\s?m\b|[:.]\d\d))", re.I)
_TRIGGER_WORDS: dict[str, tuple[str, ...]] = {}
for _category, (_words, _rules) in _TRIGGERS.items():
    for _w in _words.split():
        _TRIGGER_WORDS[_w] = _TRIGGER_WORDS.get(_w, ()) + (_category,)
# "multiyear", "yearlong": words that only contain a unit trigger the unit rules too (a set lookup per
# token is much cheaper than a regular expression)
for _w in (p + u + s for p in ("", "multi", "several") for u in ("day", "week", "month", "year", "decade")
           for s in ("", "long", "s")):
    if "unit" not in _TRIGGER_WORDS.get(_w, ()):
        _TRIGGER_WORDS[_w] = _TRIGGER_WORDS.get(_w, ()) + ("unit",)
_TRIGGER_RULES: dict[str, tuple[str, ...]] = {k: rules for k, (_, rules) in _TRIGGERS.items()}
_FULL_MONTHS = frozenset(calendar.month_name[i].lower() for i in range(1, 13))


# --------------------------------------------------------------------------- the public function


def _candidates(text: str) -> list["_Candidate"]:
    # Speed: one cheap pass finds trigger words; each rule then only runs in small windows around
    # the triggers it needs, instead of attempting its long pattern at every character of the text.
    windows: dict[str, list[tuple[int, int]]] = {}
    n = len(text)
    for t in _TOKEN.finditer(text):
        tok = t.group()
        if tok[0].isdigit():
            if len(tok) == 4 or (len(tok) == 2 and t.start() > 0 and text[t.start() - 1] in "'’"):
                categories: tuple[str, ...] = ("digit4",)
            else:
                after = _AFTER_DIGITS.match(text, t.end())
                if after is None:
                    continue  # a bare number only matters next to a unit word, which triggers by itself
                categories = (after.lastgroup or "",)
        else:
            categories = _TRIGGER_WORDS.get(tok.lower(), ())
            if not categories:
                continue
        lo, hi = max(0, t.start() - _WINDOW), min(n, t.end() + _WINDOW)
        for rule in (r for c in categories for r in _TRIGGER_RULES[c]):
            spans = windows.setdefault(rule, [])
            if spans and lo <= spans[-1][1]:
                spans[-1] = (spans[-1][0], hi)
            else:
                spans.append((lo, hi))
    out = []
    seen: set[tuple[str, int, int]] = set()
    for name, rx, fn, prio in _COMPILED:
        for lo, hi in windows.get(name, ()):
            for m in rx.finditer(text, lo, hi):
                s, e = m.span()
                for group in _SPAN_GROUPS:
                    if group in rx.groupindex and m[group]:
                        s, e = m.span(group)
                        break
                if e <= s or (name, s, e) in seen or _ROUND.match(text, e):
                    continue  # (nor is "the quarter-finals" a quarter of the year)
                seen.add((name, s, e))
                gd = m.groupdict()
                # month and weekday names must be capitalised: "may" and "march" the verbs stay out
                if any(gd.get(k) and not text[m.start(k)].isupper() for k in _CAPITALISED):
                    continue
                out.append((s, e, prio, name, m, fn))
    return out


_Candidate = tuple[int, int, int, str, re.Match[str], Normaliser]
_MATCH_PLAY = re.compile(r"\b(?:game|goals?|scored|scores|penalty|striker|equali[sz]e[rd]?|header|kick-?off|halftime|"
                         r"half-time|minutes?|referee|substitute|keeper|try|tries|touchdown|innings)\b", re.I)
_ROUND = re.compile(r"-finals?\b|-finalists?\b|(?<=quarter)\s+finals?\b|(?<=later|rlier)\s+than\b", re.I)
"""After a hit, words that make it something else: "the quarter-finals", "six months later than planned" (a delay)."""


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Longest hits first, then by rule priority; drop anything overlapping a chosen hit."""
    chosen: list[_Candidate] = []
    starts: list[int] = []  # chosen spans never overlap, so sorted starts also sort their ends
    ends: list[int] = []
    for c in sorted(cands, key=lambda c: (-(c[1] - c[0]), c[2], c[0])):
        s, e = c[0], c[1]
        i = bisect.bisect_right(starts, s)
        if (i > 0 and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
            continue
        chosen.append(c)
        starts.insert(i, s)
        ends.insert(i, e)
    return sorted(chosen, key=lambda c: c[0])


def find_dates(text: str, anchor: dt.date | None) -> list[DateMention]:
    """Temporal expressions in ``text``, normalised against the publication date ``anchor``.

    Returns TIMEX3-style mentions sorted by start, never overlapping, with
    ``text[m.start:m.end] == m.text``. ``anchor`` may be ``None``: explicit
    dates are still normalised, relative ones get what they can or are left out.
    """
    if isinstance(anchor, dt.datetime):
        anchor = anchor.date()
    ctx = _Context(text, anchor)
    # a hit the normaliser refuses must not hide a shorter hit inside it, so refusals are
    # removed and selection re-run until every chosen hit normalises
    cands = _candidates(text)
    while True:
        chosen = _select(cands)
        ctx = _Context(text, anchor)
        mentions: list[DateMention] = []
        refused = []
        for s, e, prio, name, m, fn in chosen:
            ctx.start, ctx.end = s, e
            try:
                v = fn(m, ctx)
            except (ValueError, OverflowError):
                v = None  # calendar arithmetic past year 1 or 9999: nothing sensible to say

            if v is None:
                refused.append((s, e, name))
                continue
            ctx.note(v, name)
            mentions.append(DateMention(s, e, text[s:e], v.type, v.value, v.granularity, v.date, v.end_date))
        if not refused:
            return mentions
        drop = set(refused)
        cands = [c for c in cands if (c[0], c[1], c[3]) not in drop]
