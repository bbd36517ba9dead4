"""Sentences with dates and places become :class:`~geotimeline.models.Event` records.

One event per happening: a sentence with two dates ("said on Friday that Moscow
would send grain by the end of September") gives two events, each taking the
places and the status of its own clause; a happening told twice ("arrived in
Russia on Saturday" ... "arrived by train on Saturday in Khasan") becomes one
event with the places of both. A sentence with places but no date is kept as an
undated event (the timeline's "undated" lane), never dropped.

>>> import datetime as dt
>>> from geotimeline.models import Article, DateMention, PlaceMention
>>> text = "Kim arrived in Khasan on Saturday."
>>> art = Article("a", "", text, dt.date(2011, 8, 21))
>>> d = DateMention(25, 33, "Saturday", "DATE", "2011-08-20", "day", dt.date(2011, 8, 20), dt.date(2011, 8, 20))
>>> [e.date.isoformat() for e in extract_events(art, [d], [(PlaceMention(15, 21, "Khasan"), "khasan")])]
['2011-08-20']
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from dateutil.relativedelta import relativedelta

from geotimeline.models import Article, DateMention, Event, Mode, PlaceMention, Status, same_actor

PlaceRef = tuple[PlaceMention, str]
"""A literal place mention and the id of the place it resolved to."""

# --- sentences -----------------------------------------------------------------------------------------------

_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "st", "mt", "ft",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "inc",
    "corp", "co", "ltd", "jr", "sr", "u.s", "u.k", "u.n", "e.g", "i.e", "calif", "ariz", "fla", "mass", "wash",
}
_CLOCK_ABBREVIATIONS = {"a.m", "p.m"}
_CREDIT = re.compile(r"\([A-Z][A-Za-z-]*(?:/[A-Z][A-Za-z-]*)?\)\s*[-–—]")
_BOUNDARY = re.compile(r"[.!?]+[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")


_DAY_NAME_NEXT = re.compile(r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b|"
                            r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d")


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; lines are boundaries too (headlines, captions)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group().strip() and "\n" not in m.group():
            word = re.search(r"([\w.]+)\s*$", text[start : m.start() + 1])
            token = (word.group(1) if word else "").rstrip(".").lower()
            if token in _CLOCK_ABBREVIATIONS:
                # "at 4:17 a.m. (0117 GMT) near ..." goes on; "at 4:17 a.m. Rescuers ..." is a new sentence.
                if not re.match(r"[\"'“‘]?[A-Z]", text[m.end():m.end() + 2]) or _DAY_NAME_NEXT.match(text, m.end()):
                    continue  # "... shortly after 9 p.m. Monday near Marshalltown" goes on too
            elif token in _ABBREVIATIONS or re.fullmatch(r"[a-z]|([a-z]\.)+[a-z]", token):
                continue  # "Mr.", "U.S.", the ship "S.A. Agulhas II"
            elif _CREDIT.match(text, m.end()):
                continue  # "NORMAN, Okla. (AP) -": a dateline runs on into its agency's credit
        end = m.start() + len(m.group().rstrip())
        if text[start:end].strip():
            spans.append(_trim(text, start, end))
        start = m.end()
    if text[start:].strip():
        spans.append(_trim(text, start, len(text)))
    return spans


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


# --- clause features: status, travel, mode -------------------------------------------------------------------

# Checked in order against the clause around a date; the first that matches wins.
_NOT_A_CLAIM = (r"(?! (\d[\d,]*|\w+-?\w*) (lives|victims)\b)(?! (the |their |his |her |its )?(lives?|asylum|"
                r"responsibility|victory|title|credit|seats?|gold|silver|bronze|medals?|win|crown|prize|trophy|points?|"
                r"(\w+ )?record|benefits?|compensation|damages)\b)")
STATUS_RULES: tuple[tuple[Status, re.Pattern[str]], ...] = (
    # "claimed" as a verb of saying, not "the fire claimed 12 lives", "claimed asylum / responsibility / the title"
    ("claimed", re.compile(rf"\b(claims?{_NOT_A_CLAIM}|claimed{_NOT_A_CLAIM}|allegedly|alleged|purportedly|"
                           r"says? (that )?(he|she|they|it) (was|were|had))\b")),
    ("reported", re.compile(r"\b(reportedly|(was|were|is|are) reported|reports? (suggest|say|said)|according to|(is|are|was|were) (said|thought|believed) to)\b")),
    ("expected", re.compile(r"\b(expected|expects?|likely to|could|might|hope[sd]? to|(aimed|intended|wanted|vowed|"
                            r"pledged|promised) to|forecasts?( that)?|forecasters|predict(s|ed)?|projected|"
                            r"may (?!\d))\b")),
    # "due to" is a plan only as "(is) due to <verb>", not as a cause ("spread quickly due to strong winds")
    ("scheduled", re.compile(r"\b(will|shall|(is|are|was|were|be|been) (also )?due|due to (be|take|meet|arrive|start|"
                             r"begin|open|hold|visit|travel|leave|return|sign|speak|fly|attend|face|appear|resume|"
                             r"end|finish|launch|vote|announce|go|come|make)\b|(?<!\ba )(?<!\ban )(?<!its )(?<!their )scheduled|is set to|are set to|"
                             r"plans? to|plan (?:a|an)|planning (?:a|an|to)|planned|(?<!believed )(?<!thought )(?<!known )(?<!said )to be held|would|"
                             r"upcoming)\b")),
)
_PAST_PLAN = re.compile(r"\b((was|were|had been)\s+(due|scheduled|expected|set|planned|supposed|slated|considered)|"
                        r"had\s+(planned|hoped|intended|expected))\b")
_SPEECH = re.compile(r"\b(said|says|announced|told|stated|reported|confirmed|declared|added)\s*(\w+\s+){0,2}$")

_MEETING_WORDS = r"met|meets?|meeting with|to meet|talks|summit"
"""Meetings count as travel for whoever goes to them ("Kim met Putin in Vladivostok"), see :data:`TRAVEL`."""
TRAVEL = re.compile(
    r"\b(arriv\w*|travel\w*|visit\w*|trip|tour\w*|journey\w*|taken\s+(by\s+\w+\s+)?(from|to)|took\s+(\w+\s+){1,3}to|flew|flown|fly|flies|flying|drove|driv(e|es|ing) to|"
    r"sail\w*|depart\w*|left ([\w.,]+ ){0,3}for|leav\w+ ([\w.,]+ ){0,3}for|called at|put in at|head(ed|ing|s)? (to|for)|went (back |home )?(by \w+ )?to|go(es|ing)? to|return\w*|came to|"
    r"(?-i:c)ross\w*|reach\w*(?!\s+(?:the\s+|an?\s+)?(?:[\w-]+\s+)?(?:(?:quarter|semi)[\s-]?finals?|finals?|round|last\s+\d+|"
    r"agreement|deal|settlement|compromise|consensus|conclusion|verdict|decision|record|peak|level|stage|age|"
    r"milestone|target|goal|total|high|low|point|mark)\b)|(?-i:l)and(?:ed|ing|s)?|" + _MEETING_WORDS + r"|stay(ed|ing|s)?\s+(in|at|on|with|overnight|aboard)|"
    r"rode|ride|rides|riding|stopp?\w* (in|at)|pass(ed|es|ing)? through|divert\w*|ferr(y|ied|ies)|transport(ed|s)?|shipped|moved? to|fled|evacuated (to|from|into)|"
    r"pull(ed|s|ing)? (out of|into|in to)|set(s|ting)? (off|out)|walk(ed|s|ing)? (to|into|from|on to|across)|trudg\w+|"
    r"march(ed|es|ing)? (to|into|on|from)|trek\w*|hik(ed|es|ing) (to|from|across)|ski(ed|s|ing)? (to|across|from)|"
    r"cycl(ed|es|ing) (to|from|across)|(is|was|are|were) due in|(was|were) flown|continued (on )?to|pressed on|"
    r"moved on to|docked|berthed|disembarked|boarded|bussed|"
    r"(took|take|takes|taking|caught|catch) (a|the|an) (\w+ )?(bus|coach|minibus|taxi|ferry|boat|train|flight|plane))\b",
    re.I,
)
MODES: tuple[tuple[Mode, re.Pattern[str]], ...] = (
    ("train", re.compile(r"\b((the|a|an|his|her|their|its)\s+(\w+\s+)?train\b(?!ing|er)|(armou?red|special|private|"
                         r"sleeper|high-speed|bullet|express) train\b|by (train|rail)|by ([\w-]+ ){1,2}train\b|aboard (a|the|his|an) (\w+ )?train|train (journey|trip|ride)|"
                         r"(armou?red|special|private|overnight|night) train|(railway|rail) journey|"
                         r"(took|take|takes|taking|board\w*|caught|catch\w*) (a|the|his|her|their|an) (\w+ )?train)\b", re.I)),
    ("air", re.compile(r"\b(flew|flown|fly|flies|flying|flight|by (air|plane|jet|helicopter)|airlifted|landed at)\b", re.I)),
    ("sea", re.compile(r"\b(by (sea|ship|boat|ferry)|sailed|sails|sailing|voyage|icebreaker|ferried|"
                       r"(took|take|takes|taking|boarded|board|caught|catch|on) (a|the|an) (\w+ )?(ferry|boat|dinghy)\b|"
                       r"aboard (a|the) (\w+ )?(ship|vessel|ferry|yacht|boat|icebreaker|liner)|"
                       r"(the|a|an|its) (\w+ )?(ferry|ship|vessel|liner|yacht|freighter|tanker) (had |has |was |)?"
                       r"(left|sailed|docked|arrived|departed|reached|berthed|set sail))\b", re.I)),
    ("road", re.compile(r"\b(by (car|road|bus|coach|motorcade|convoy)|drove|motorcade|convoy|bussed|"
                        r"(took|take|takes|taking|boarded|board|caught|catch|on) (a|the|an) (\w+ )?(bus|coach|minibus|"
                        r"taxi|lorry|truck)\b)\b", re.I)),
)
# The place just after these words is where a trip starts, not where it goes ("left Kyiv ... to Poland",
# "from the border town of Przemysl"); a "to"/"for" in between hands over to the destination.
_ORIGIN = re.compile(
    r"\b(from|left|leaving|leaves|departed|departing|departs|out of)\s+((?!(?:to|for|towards|into|via)\b)[\w'’-]+,?\s+){0,4}$",
    re.I,
)
_TOWARDS = re.compile(r"\b(to|towards|toward|into|for)\s+(the\s+)?([\w'’-]+\s+){0,3}$", re.I)
_ARRIVAL = re.compile(
    r"\b(returned|returning|returns|came\s+back|flew\s+back|went\s+back|headed\s+back|arrived|arriving|arrives|"
    r"landed|reached|diverted)(\s+(back|home))?\s+(to|in|at)?\s*(the\s+)?([\w'’-]+\s+){0,2}$", re.I)
# "left Hobart on Dec. 28": leaving a named place is travel; "the blast left 12 dead" is not.
_LEFT_PLACE = re.compile(r"\b(left|quit)\s+(the\s+)?[A-Z]")
_NEARBY = re.compile(
    r"\b(near|outside|close to|(north|south|east|west|northeast|northwest|southeast|southwest)(ern)? of)\s+"
    r"(the\s+)?([\w'’-]+\s+){0,2}$", re.I)
_ADJECTIVE_TIME = re.compile(r"\s+(?:route|ferry|flight|bus|crossing|service|shift|curfew|sailing)\b")
"""After "overnight" a service noun: "a scheduled overnight route to Syros" says what kind of route, not
when (but "boarded a train ... for the overnight journey" is a leg of its own that night)."""
_RELATIVE_BEFORE = re.compile(r",\s+(?:whom|whose|who\s+(?:had|has|was|is)|which\s+(?:had|has|was|is))\b[^,;]*$")
_DESCRIBED = re.compile(r"[\w.)],\s+(?:a|an|the)\s+(?:[\w'’-]+\s+){0,3}(?:from|of|in|near)\s+$")
_CALLED_OFF = re.compile(r"\b(cancel(l)?ed|cancel(l)?ing|cancels|called off|calls off|postponed|postpones|scrapped|"
                         r"scraps|axed|shelved|(?:was|were|been|is|are)\s+dropped)\b", re.I)
_SPAN_NOUN = re.compile(r"\b(visit|trip|tour|stay|journey|talks|summit|mission)\b", re.I)


_MODE_AFTER = re.compile(r",?\s+(?:by|aboard|on)\s+(?:an?\s+|the\s+)?(?:(?:\w+\s+)?(?:bus|coach|car|road|train|rail|"
                         r"air|plane|jet|helicopter|sea|ship|boat|ferry)\b)", re.I)


# Words before a name that say who someone is, not who: "North Korean leader Kim Jong-il", "President Biden".
_TITLE_WORDS = frozenset("""
leader president prime minister premier king queen emperor chancellor pope cardinal archbishop bishop envoy
secretary senator governor mayor general commander chief captain coach manager striker star singer actor
dr mr mrs ms sir lady lord prince princess duke duchess crown vice deputy foreign defence defense state
sheikh emir sultan ayatollah rev father sister brother gov sen rep gen lt col capt sgt maj adm prof amb
""".split())
_NAME_RUN = re.compile(r"(?<![\w'’-])((?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|(?:bin|al|de|van|von|der|da)\b))*)")
_SUBJECT_PRONOUN = re.compile(r"(?i)(?:^|[\s,;(])(?:he|she|they|we|it|his|her|their)(?:\s|$)")
_SAID_THAT = re.compile(r"(?i).*\b(?:said|says|told\s+\w+|announced|confirmed|reported)(?:\s+that)?\s+")
_LEAD_DATE = re.compile(r"(?i)^\s*(?:on|in|at|by|early|late|last|this|next)(?:\s+[\w.'’-]+){1,4},\s*")
_NOT_A_PERSON = frozenset("""
the a an on in at by this that these those it its north south east west new monday tuesday wednesday thursday
friday saturday sunday january february march april may june july august september october november december
after before during when while since as police officials authorities rescuers troops soldiers residents
he she they we his her their its i you former late more most some many several all both
flight flights train plane ship passengers crew
instead from with over about seeing meanwhile however also then once later earlier today yesterday tomorrow
neighbouring neighboring nearby elsewhere separately despite although though because if but and or so yet
jan feb mar apr jun jul aug sep sept oct nov dec reuters ap afp yonhap xinhua tass dpa efe ians pti
thousands hundreds dozens millions scores crowds fans people
one two three four five six seven eight nine ten across further emergency bureau tibetan afghan
""".split())
ACTOR_SELF = "="
"""Actor of a travel sentence whose subject is a pronoun: the same traveller as the one before."""
ACTOR_CARRIER = "=carrier"
"""Actor whose subject is a vehicle or group ("The train crossed", "The ship is expected"): the traveller
told of before, or, with none named yet, the vehicle itself (:data:`UNNAMED_CARRIER`)."""
UNNAMED_CARRIER = "(unnamed carrier)"
"""A ship or train whose passengers are not named: a person named later ("Meloni is due to travel to
Tunis") makes his own trip, not a stop of the ship's."""


def _actor(sentence: str, clause: str, refs: Sequence[PlaceRef], s_start: int,
           place_words: frozenset[str] = frozenset()) -> str:
    """Who travels: the named subject before the travel verb ("North Korean leader Kim Jong-il on Saturday
    arrived" -> "Kim Jong-il"), ``ACTOR_SELF`` for a pronoun ("He then flew"), "" when unknown (a common
    noun: "The train", "The visit"). Names are compared by their words: "Kim" is "Kim Jong-il"."""
    # the subject stands before the travel verb, or before the first verb group of another sentence
    verb = TRAVEL.search(clause) or _LEFT_PLACE.search(clause) or _FIRST_VERB.search(clause)
    if verb is None:
        return ""
    head = clause[:verb.start()]
    if clause is not sentence and not head.strip():
        return ""
    said = _SAID_THAT.match(head)
    if said:
        head = head[said.end():]  # "Spanish officials said the Pope will visit": the Pope travels
    head = _LEAD_DATE.sub("", head[_dateline_end(head, ()):])
    places = {m.text for m, _ in refs} | place_words  # every word of a place named anywhere in the article
    names: list[list[str]] = []
    for run in _NAME_RUN.finditer(head):
        words = [w for w in re.split(r"\s+", run.group(1).strip()) if w and not w.isupper()
                 and not any(c.isdigit() for c in w)]
        # drop places, demonym-like words and titles before the name proper, and a possessive's "'s"
        # a demonym-looking word is a modifier before a name ("Russian President Putin"); alone it is one
        # only if it really reads as a nationality ("Modi", "Morgan" are names)
        titled = False
        while words and (words[0].casefold().rstrip(".") in _TITLE_WORDS or words[0] in places
                         or words[0].casefold() in _NOT_A_PERSON
                         or (not titled and (_DEMONYM_LIKE if len(words) > 1 else _DEMONYM).fullmatch(words[0]))):
            titled = titled or words[0].casefold().rstrip(".") in _TITLE_WORDS  # "Mr Albanese" is a name
            words = words[1:]
        words = [re.sub(r"['’]s$|-$", "", w) for w in words if not re.fullmatch(r"[A-Z][a-z]+-(?:flagged|based|born|owned|led|backed|made|registered|bound|style)", w)]
        if len(words) == 1 and (words[0].endswith("ing") or words[0].casefold() in _HEADLINE_WORDS):
            continue  # "Speaking in Quito, ...", "Voting ...", "Final results ..."
        words = [w for w in words if w.casefold() not in _TITLE_WORDS and w not in places]
        if words and not any(w.casefold() in _NOT_A_PERSON for w in words):
            names.append(words)
    # A full name wins over a lone capitalised word ("Running mate Kamala Harris"); else the first one.
    full = [n for n in names if len(n) >= 2]
    if full or names:
        return " ".join((full or names)[0])
    other = _ANOTHER_CARRIER.match(head)
    if other:
        return f"({other.group('which').lower()} {other.group('what').lower()})"  # "A second flight from Nairobi"
    if _CARRIER.match(head):
        return ACTOR_CARRIER  # "The train crossed the border": the traveller told of before, or the train
    group = _GROUP.match(head)
    if group:
        # "A damage survey team is scheduled to visit Princeton": a party of its own, not the governor's
        return f"({group.group('noun').lower()})"
    if _SUBJECT_PRONOUN.search(head[:60]):
        return ACTOR_SELF  # "He then flew": the traveller told of before
    if clause is not sentence and clause != sentence:
        return _actor(sentence, sentence, refs, s_start, place_words)  # a later clause: the sentence's subject
    return ""


_CARRIER = re.compile(r"(?i)\s*(?:the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}(?:train|plane|jet|aircraft|motorcade|"
                      r"convoy|delegation|entourage|party|visit|trip|tour|ship|vessel|boat|flight|group|team|"
                      r"couple|family)\b")
_HEADLINE_WORDS = frozenset("final first last early late full official preliminary initial".split())
_ANOTHER_CARRIER = re.compile(r"(?i)\s*(?:a|the)?\s*(?P<which>another|second|third|fourth|separate|different|"
                              r"new|later)\s+(?:[\w-]+\s+){0,2}?(?P<what>train|plane|jet|aircraft|flight|ship|vessel|"
                              r"boat|ferry|convoy|group|delegation|team)\b")
_GROUP = re.compile(r"(?i)\s*(?:(?:the|a|an|some|two|three|several|many|dozens\s+of|hundreds\s+of|thousands\s+of)\s+)?"
                    r"(?:[\w-]+\s+){0,2}?(?P<noun>rescuers|firefighters|troops|soldiers|police|investigators|"
                    r"inspectors|migrants|refugees|fans|pilgrims|protesters|volunteers|survivors|evacuees|"
                    r"(?:survey|rescue|search|medical|aid)\s+teams?)\b")
_FIRST_VERB = re.compile(r"\b(?:will|would|was|were|is|are|has|have|had|said|says|told|spent|met|held|gave|made|took|"
                         r"went|came|left|spoke|won|lost|sent|brought|began|became|fled|saw|got|found|kept|paid|"
                         r"sold|bought|wrote|(?-i:[a-z]{3,}ed))\b", re.I)
_DEMONYM_LIKE = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|an|i|ch)")
_DEMONYM = re.compile(r"[A-Z][a-z]+(?:ian|ean|ese|ish|ican|ani|aqi|aeli|udi|tine|pine|ari|aini|aiti|eni|mali|pali|rati)|"
                      r"Swiss|French|Dutch|Greek|Thai|Welsh|Arab")


_FLEW_IN = re.compile(r"\b(?:flew|flies|flying|arrived|arrives|arriving|landed|lands|came|comes|drove|drives)\s+in\b"
                      r"(?!\s+(?:the\s+)?(?-i:[A-Z]))", re.I)


def _arrived_here(d: _Draft, dateline: str) -> _Draft:
    """"BRUSSELS - Macron flew in from Paris on Thursday": "in" with no place after it is where the reporter
    files from, the dateline's city."""
    if not d.travel or d.destination is not None or not _FLEW_IN.search(d.clause):
        return d
    return replace(d, destination=dateline, places=tuple(dict.fromkeys((*d.places, dateline))))


def _inherit_actors(drafts: list[_Draft]) -> list[_Draft]:
    """A pronoun subject is the traveller named last ("Kim arrived in Khasan. He then ..."). An undated
    leg told right after a dated one of the same traveller goes on from it, on that date: "The train
    pulled out of Lyon on Saturday morning. It stopped at Dijon and Besancon before reaching Basel."
    """
    out: list[_Draft] = []
    last = ""
    for d in sorted(drafts, key=lambda d: d.start):
        if d.actor in (ACTOR_SELF, ACTOR_CARRIER):
            prev = out[-1] if out else None
            if d.date is None and d.travel and (d.destination or d.via) and prev is not None and prev.travel \
                    and prev.date is not None and prev.end <= d.start and prev.sentence != d.sentence:
                d = replace(d, date=prev.date, status=prev.status if d.status == "happened" else d.status,
                            mode=d.mode if d.mode != "unknown" else prev.mode)
            d = replace(d, actor=last or (UNNAMED_CARRIER if d.actor == ACTOR_CARRIER else ""))
        elif d.actor:
            last = d.actor
        out.append(d)
    return out


def _leg_modes(text: str, s_start: int, refs: Sequence[PlaceRef], stops: Sequence[str]) -> tuple[tuple[str, Mode], ...]:
    """The mode of each stop's own stretch of the sentence: "travelled by bus to Buenos Aires, where they
    boarded a flight to Madrid" reaches Buenos Aires by road and Madrid by air. A stretch runs from the
    previous stop (or the sentence start) to the stop; a "by bus" right after a stop's name is its own
    ("to Buenos Aires by bus, then on to Madrid")."""
    if len(stops) < 2:
        return ()
    first = {pid: m for m, pid in reversed(refs)}
    marks = sorted((first[pid].start, first[pid].end, pid) for pid in stops if pid in first)
    out: list[tuple[str, Mode]] = []
    lo = s_start
    for k, (start, end, pid) in enumerate(marks):
        after = _MODE_AFTER.match(text, end)
        limit = marks[k + 1][0] if k + 1 < len(marks) else len(text)
        if after is not None and after.end() <= limit:
            mode = detect_mode(after.group())
            lo = after.end()
        else:
            found = [(m.start(), mode) for mode, pattern in MODES for m in pattern.finditer(text, lo, start)]
            mode = max(found)[1] if found else "unknown"
            lo = end
        if mode != "unknown":
            out.append((pid, mode))
    return tuple(out) if len({m for _, m in out}) > 1 else ()


def detect_mode(text: str) -> Mode:
    """The transport mode said first: "taken by bus to Buenos Aires, where they boarded a flight" is a bus ride."""
    # "rather than by helicopter as planned", "sounded like a freight train": modes not taken
    text = _NOT_TAKEN.sub(" ", text)
    found = [(m.start(), mode) for mode, pattern in MODES if (m := pattern.search(text))]
    return min(found)[1] if found else "unknown"


_NOT_TAKEN = re.compile(r"\b(?:rather than|instead of|not)\s+(?:by\s+)?(?:a\s+|the\s+)?[\w-]+|"
                        r"\blike\s+(?:a|an|the)\s+(?:[\w-]+\s+)?(?:train|plane|jet|ship|boat)\b", re.I)


PAST_PLAN_DAYS = 31
"""A planned happening whose period ended this many days before publication lies in the past."""


def long_before(date: dt.date | None, end: dt.date | None, published: dt.date | None) -> bool:
    """True when the period ``date``..``end`` ended well before ``published`` (see :data:`PAST_PLAN_DAYS`)."""
    return bool(date and published and (published - (end or date)).days > PAST_PLAN_DAYS)


def detect_status(clause: str, date: dt.date | None, published: dt.date | None, before_date: str = "",
                  end: dt.date | None = None) -> Status:
    """The clause's status; ``date``..``end`` is the period its date covers ("later this year": the year)."""
    if _SPEECH.search(before_date.lower()):
        return "reported"
    low = clause.lower()
    for status, pattern in STATUS_RULES:
        if pattern.search(low):
            # "It will be his third visit since he took office in January 2021": a date well before
            # publication is no plan unless the plan itself is told in the past ("was due to").
            if status in ("scheduled", "expected") and long_before(date, end, published) and not _PAST_PLAN.search(low):
                return "happened"
            return status
    if date and published and date > published:
        return "scheduled"
    return "happened"


def summarize(text: str, limit: int = 110) -> str:
    """The clause as one short line: parentheses and line breaks out, cut at a word."""
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = re.sub(r"\s+", " ", text).strip().strip(",;:-– ")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


# --- events --------------------------------------------------------------------------------------------------

# "and" starts a new clause when a new verb group follows ("left Hobart on Dec. 28 and was due to reach
# the station on Jan. 6"): each date keeps its own verb, hence its own status.
_CLAUSE_BREAK = re.compile(
    r",\s+and\s+|,\s+|;\s+|\s+(?:that|when|while|after|before|as|but|and then)\s+|\s+–\s+|"
    r"\s+and\s+(?=(?:a|an|another|the)\s+(?:[\w-]+\s+){0,2}?(?-i:[a-z]+ed|held|met|left|went|took)\b)|"
    r"\s+and\s+(?=(?:was|were|is|are|will|would|could|may|might|must|has|had|have|then|later|also|met|left|went|"
    r"flew|took|made|plans?|hopes?|wants?|intends?|expects?|says|said|(?-i:[a-z]{3,}ed))\b)")


@dataclass(frozen=True)
class _Draft:
    start: int
    end: int
    sentence: str
    clause: str
    date: DateMention | None
    places: tuple[str, ...]
    destination: str | None
    origin: str | None
    via: tuple[str, ...]
    mode: Mode
    status: Status
    travel: bool
    leg_modes: tuple[tuple[str, Mode], ...] = ()
    actor: str = ""


_STRONG_BREAK = re.compile(r",\s+and\s+|;\s+|\s+but\s+|\s+while\s+|,\s+(?:a\s+day|a\s+week|days|weeks)\s+after\s+|"
                           r"\s+and\s+(?=said\b|says\b|added\b|announced\b)")
_STATUS_CUE = re.compile(r"\b(said|says|told|will|would|could|might|may|expected|expects?|due|scheduled|set to|plans?|"
                         r"planned|claims?|claimed|alleged|reportedly|reported|likely)\b")


_PAST_VERB = re.compile(r"\b(?:[a-z]{3,}ed|began|went|came|took|made|met|left|held|won|lost|fell|rose|sank|struck|"
                        r"hit|was|were|had|flew|drove|saw|spoke|told|sent|brought|became|broke|ran|got)\b")


def _piece(clause: str, lo: int, hi: int, breaks: re.Pattern[str]) -> str:
    """The part of ``clause`` between the breaks around ``lo``..``hi`` (the date's offsets in it)."""
    start, end = 0, len(clause)
    for m in breaks.finditer(clause):
        if m.end() <= lo:
            start = m.end()
        elif m.start() >= hi:
            end = m.start()
            break
    return clause[start:end]


def _regions(sentence: str, starts: Sequence[int], ends: Sequence[int]) -> list[tuple[int, int]]:
    """Split ``sentence`` between consecutive dates at the last clause break before the later one.

    A break that starts a new verb group (", and", "and reached", ";") beats the commas of an apposition
    ("Nanning, near the border,"); failing both, an "and" right after the earlier date splits a list of
    dated places ("Edinburgh on Monday and Belfast on Tuesday").
    """
    cuts = [0]
    for k in range(1, len(starts)):
        breaks = [m for m in _CLAUSE_BREAK.finditer(sentence, ends[k - 1], starts[k])]
        # A new verb ("... on Sunday and reached Nanning, near the border, on Monday") outranks the commas
        # of an apposition that follow it.
        strong = [m for m in breaks if not m.group().lstrip().startswith(",") or "and" in m.group()]
        # "visited Edinburgh on Monday and Belfast on Tuesday": an "and" right after a date closes its clause
        right_after = re.match(r"\s+and\s+", sentence[ends[k - 1]:starts[k]])
        if right_after and not strong:
            cuts.append(ends[k - 1] + right_after.end())
        elif strong:
            cuts.append(strong[-1].end())
        elif breaks:
            cuts.append(breaks[-1].end())
        else:
            cuts.append(starts[k])
    cuts.append(len(sentence))
    return [(cuts[k], cuts[k + 1]) for k in range(len(starts))]


def _is_dateline(text: str, sentence: str, d: DateMention) -> bool:
    """A line that is nothing but a date (the article's dateline) is not a happening."""
    rest = sentence.replace(d.text, "")
    return len(re.findall(r"[A-Za-z]{2,}", rest)) < 2


_DATELINE_LEAD = re.compile(
    r"[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}(?:,\s*[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}){0,2},\s*$")
_DATELINE_TAIL = re.compile(r"\s*(?:\((?:[A-Z][\w&.'’ -]{0,30})\))?\s*[-–—:]+\s*")


# "JOHANNESBURG - ", "LINCOLN, England (PA) - ", "MIAMI (AP) --": a dateline without a date, its city in capitals.
_UNDATED_DATELINE = re.compile(
    r"[A-Z][A-Z.'’-]{2,}(?:[ ][A-Z][A-Z.'’-]+){0,3}(?:,\s*[A-Z][\w.'’-]*(?:[ ][A-Z][\w.'’-]*){0,3}){0,2}"
    r"\s*(?:\([A-Z][\w&.'’ -]{0,30}\))?\s*(?:[-–—]+|:)\s+")


def _dateline_end(sentence: str, dates: Sequence[tuple[int, int]]) -> int:
    """Offset where the body starts after a dateline ("IQALUIT, Nunavut, July 29, 2022 —"); 0 if none."""
    for start, end in dates:
        if _DATELINE_LEAD.fullmatch(sentence[:start]) and (tail := _DATELINE_TAIL.match(sentence, end)):
            return tail.end()
    undated = _UNDATED_DATELINE.match(sentence)
    return undated.end() if undated else 0


def _span(dm: DateMention) -> tuple[dt.date | None, dt.date | None]:
    return dm.date, dm.end_date


def _duration(value: str) -> relativedelta | None:
    m = re.fullmatch(r"P(\d+(?:\.\d+)?)([DWMY])", value)
    if not m:
        return None
    n = float(m.group(1))
    unit = m.group(2)
    if unit == "D":
        return relativedelta(days=round(n))
    if unit == "W":
        return relativedelta(days=round(7 * n))
    if unit == "M":
        return relativedelta(months=round(n))
    return relativedelta(years=round(n))


def extract_events(
    article: Article,
    dates: Sequence[DateMention],
    places: Sequence[PlaceRef],
    *,
    point_like: frozenset[str] = frozenset(),
    countries: Mapping[str, str] | None = None,
) -> list[Event]:
    """Events of one article, restatements merged, in text order (ids ``<article>-e<k>``).

    ``places`` are the literal (non-metonymic) resolved place mentions; ``point_like``
    names the place ids that can be a journey stop (towns, not countries), used to
    pick a travel event's destination; ``countries`` maps place ids to ISO codes, so
    that "arrived in Russia" and "arrived in Khasan" on the same day are one event.
    """
    text = article.body
    calendar = [d for d in dates if d.type in ("DATE", "TIME") and d.date is not None]
    durations = [d for d in dates if d.type == "DURATION"]
    drafts: list[_Draft] = []
    dateline: str | None = None
    spans = sentences(text)
    place_words = frozenset(w for m, _ in places for w in m.text.split())
    for s_start, s_end in spans:
        sentence = text[s_start:s_end]
        if _BYLINE.search(sentence):
            continue  # "By Jane Doe, BBC Rome correspondent", "Editing by ...": who wrote it, not what happened
        s_dates = [d for d in calendar if s_start <= d.start < s_end]
        s_places = [(m, pid) for m, pid in places if s_start <= m.start < s_end]
        # "KYIV, Feb. 20, 2023 (Reuters) - ...": the dateline says where the reporter was and when the piece
        # was filed, not what happened where; its date and places stay out of the sentence's events.
        # (Any date counts here, also "May 3" in an article whose year is unknown.)
        lead = _dateline_end(sentence, [(d.start - s_start, d.end - s_start) for d in dates if s_start <= d.start < s_end])
        if lead and dateline is None:
            dateline = next((pid for m, pid in s_places if m.start - s_start < lead and pid in point_like), None)
        s_places = [(m, pid) for m, pid in s_places if m.start - s_start >= lead]
        anchors = _carry_day([d for d in s_dates if d.start - s_start >= lead and not _is_dateline(text, sentence, d)
                              and not _ADJECTIVAL_PERIOD.search(d.text)])
        anchors = [d for d in anchors if not _ADJECTIVE_TIME.match(text, d.end) or d.text.strip().lower() != "overnight"]
        anchors = _eves(text, _ranges(text, _without_bare_clocks(anchors, sentence, s_start)))
        # "Three years later, in September 1976, Letelier was killed": the date in apposition says when
        anchors = [d for k, d in enumerate(anchors)
                   if not (k + 1 < len(anchors) and _RELATIVE_SHIFT.search(d.text)
                           and _APPOSED_DATE.fullmatch(text, d.end, anchors[k + 1].start))]
        if not anchors:
            if not s_places:
                continue
            drafts.append(_draft(text, s_start, s_end, None, s_places, point_like, article.published, None,
                                 place_words))
            continue
        # Each date owns the stretch of the sentence up to the last clause break before the next
        # date; a place belongs to the date whose stretch holds it.
        bounds = _regions(sentence, [d.start - s_start for d in anchors], [d.end - s_start for d in anchors])
        # "In Manila he is expected to meet survivors of Typhoon Haiyan, which devastated Tacloban in November":
        # the date is the relative clause's; the main clause before it is a happening of its own, undated.
        rel = _RELATIVE_OPENER.search(sentence, 0, anchors[0].start - s_start)
        if rel is not None and len(anchors) == 1 and any(m.start - s_start < rel.start() for m, _ in s_places) \
                and not _RELATIVE_OPENER.search(sentence, rel.end(), anchors[0].start - s_start):
            main = [ref for ref in s_places if ref[0].start - s_start < rel.start()]
            drafts.append(_draft(text, s_start, s_end, None, main, point_like, article.published, (0, rel.start()),
                                 place_words))
            s_places = [ref for ref in s_places if ref[0].start - s_start >= rel.start()]
            bounds[0] = (rel.start(), bounds[0][1])
        for i, d in enumerate(anchors):
            lo, hi = bounds[i]
            refs = [ref for ref in s_places if lo <= ref[0].start - s_start < hi]
            if i and not refs and _SAID_LAST.search(sentence[lo:hi]):
                continue  # "A tornado tore across Kentucky late Tuesday, killing three, officials said Wednesday."
            drafts.append(_draft(text, s_start, s_end, d, refs, point_like, article.published, bounds[i],
                                 place_words))
    drafts = _spans_from_durations(drafts, durations, text, spans)
    drafts = _inherit_actors(drafts)
    if dateline is not None:
        drafts = [_arrived_here(d, dateline) for d in drafts]
    return _to_events(article, _merge(drafts, article.published, countries or {}))


_AHEAD = re.compile(r"(?i)(?:later|next|coming|upcoming)\s+(?:this\s+)?(?:week|month|year|season|spring|summer|"
                    r"autumn|fall|winter)\b|later\s+this\b|this\s+coming\b")
_RELATIVE_SHIFT = re.compile(r"(?i)\b(?:later|earlier|after|before|afterwards)$")
_APPOSED_DATE = re.compile(r"\s*,\s*(?:in|on)?\s*")
_VIA = re.compile(r"(?i)\b(?:via|through)\s+(?:the\s+)?$")
_NOT_GONE = re.compile(r"(?i)\b(?:did\s+not|didn't|never|will\s+not|won't|would\s+not|could\s+not|couldn't|"
                       r"cannot|can't|was\s+not|were\s+not|has\s+not|have\s+not|had\s+not)\s+(?:\w+\s+)?$")
_BEFORE_ARRIVAL = re.compile(r"[^.;]{0,40}?\bbefore\s+(?:returning|flying\s+back|heading\s+back|going\s+back|"
                             r"travell?ing|flying|leaving\s+for)\b")
_HOSTS = re.compile(r"(?i)\bhost(?:s|ed|ing)?\b")
_MEETING = re.compile(rf"(?i){_MEETING_WORDS}")
_RELATIVE_OPENER = re.compile(r",\s+(?:which|who|whose)\s+(?:had\s+|has\s+|was\s+|were\s+)?(?-i:[a-z]+ed|killed|hit|struck|"
                              r"left|took|won|lost|fell|led|began|became|made|swept|tore|shook|broke)\b")
_SAID_LAST = re.compile(r"^\W*(?:[\w.'’-]+\s+){0,4}(?:said|says|told\s+\w+|reported|announced|confirmed)\s+"
                        r"(?:on\s+)?[\w.,\s]{0,25}[.!?\"”]*\s*$")
"""A sentence's closing attribution: the day something was said, not a happening of its own."""
_BYLINE = re.compile(r"^\s*(?:By\s+[A-Z][\w'’-]+\s+[A-Z]|Analysis:\s+[A-Z][\w'’-]+\s+[A-Z]|(?:Additional\s+)?[Rr]eporting\s+by|"
                     r"Editing\s+by|Written\s+by|Compiled\s+by|Photo(?:graph)?s?:|Image:|Picture:|Copyright|©)"
                     r"|\b(?:correspondent|reporter|editor|bureau\s+chief)\.?\s*$")

# "a 19th-century ship", "a 1990s-era law": a period used as an adjective dates a thing, not a happening.
_ADJECTIVAL_PERIOD = re.compile(r"(?i)-(century|era|vintage|style)$|\d(st|nd|rd|th)-century")

# A time of day that names no day of its own; the tagger anchors it on the publication date.
_BARE_PART_OF_DAY = re.compile(
    r"(?i)(the\s+)?(early\s+|late\s+)?(overnight|morning|afternoon|evening|night|midnight|noon|midday|dawn|dusk)")


_RANGE_GAP = re.compile(r"\s*(?:to|until|till|through|thru|and|-|–|—)\s*", re.I)
_RANGE_START = re.compile(r"\b(?:from|between)\s+$", re.I)
_END_DAY = re.compile(r"(?:\s+(?:to|until|till|through)\s+|[-–])(\d{1,2})(?:st|nd|rd|th)?\b(?![:.,]?\d|\s*(?:[ap]\.?m\b|%|per\b|percent\b))", re.I)
_START_DAY = re.compile(r"\b(?:from\s+|between\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:to|and)\s+|[-–])$", re.I)
_HAS_YEAR = re.compile(r"\b\d{4}\b")


def _ranges(text: str, anchors: list[DateMention]) -> list[DateMention]:
    """"from August 4 to 28", "from 3 to 5 March", "July 20-23", "between 1992 and 1995", "from Monday to
    Wednesday": one happening over a span. The tagger marks each end on its own (as TimeML does); here the
    two ends become one date whose ``end_date`` is the second, an end's missing month or year is taken from
    the other, and a weekday end lies after the start."""
    out: list[DateMention] = []
    k = 0
    while k < len(anchors):
        a = anchors[k]
        b = anchors[k + 1] if k + 1 < len(anchors) else None
        if a.date is None or a.granularity not in ("day", "month", "year"):
            out.append(a)
            k += 1
            continue
        if b is not None and b.date is not None and b.granularity == a.granularity \
                and _RANGE_GAP.fullmatch(text, a.end, b.start) \
                and (_RANGE_START.search(text, max(0, a.start - 10), a.start) or text[a.end:b.start].strip() in "-–—"):
            start, end = a.date, b.end_date or b.date
            if not _HAS_YEAR.search(a.text) and _HAS_YEAR.search(b.text) and start.year != end.year:
                start = _same_day(start, end.year)
            if end < start and a.granularity == "day" and not _HAS_YEAR.search(b.text):
                end = end + dt.timedelta(days=7) if (start - end).days < 7 else _same_day(end, end.year + 1)
            if start <= end:
                out.append(replace(a, end=b.end, text=text[a.start:b.end], date=start, end_date=end,
                                   value=start.isoformat() if a.granularity == "day" else a.value))
                k += 2
                continue
        if a.granularity == "day" and (tail := _END_DAY.match(text, a.end)):
            last = _safe_day(a.date.year, a.date.month, int(tail.group(1)))
            if last is not None and last > a.date:
                out.append(replace(a, end=tail.end(), text=text[a.start:tail.end()], end_date=last))
                k += 1
                continue
        if a.granularity == "day" and (head := _START_DAY.search(text, max(0, a.start - 16), a.start)):
            first = _safe_day(a.date.year, a.date.month, int(head.group(1)))
            if first is not None and first < a.date:
                out.append(replace(a, start=head.start(1), text=text[head.start(1):a.end], value=first.isoformat(),
                                   date=first, end_date=a.date))
                k += 1
                continue
        out.append(a)
        k += 1
    return out


_EVE_OF = re.compile(r"(?i)\bthe\s+(?P<which>eve|day\s+before|day\s+after|morning\s+after|night\s+before)\s+of\s+"
                     r"(?:the\s+|his\s+|her\s+|their\s+|its\s+)?$|\bthe\s+(?P<which2>day\s+before|day\s+after)\s+"
                     r"(?:the\s+|his\s+|her\s+|their\s+|its\s+)?$")


def _eves(text: str, anchors: list[DateMention]) -> list[DateMention]:
    """"on the eve of the Nov. 3 election" is Nov. 2; "the day after the Jan. 5 vote" is Jan. 6."""
    out = []
    for d in anchors:
        eve = _EVE_OF.search(text, max(0, d.start - 40), d.start) if d.date and d.granularity == "day" else None
        if eve is not None and d.date is not None:
            which = (eve.group("which") or eve.group("which2")).lower()
            shift = dt.timedelta(days=1 if "after" in which else -1)
            day = d.date + shift
            d = replace(d, start=eve.start(), text=text[eve.start():d.end], value=day.isoformat(), date=day,
                        end_date=(d.end_date + shift) if d.end_date else None)
            # the tagger's own reading of "the day after" (the day after publication) goes
            out = [o for o in out if not (o.start >= d.start and o.end <= d.end)]
        out.append(d)
    return out


def _same_day(day: dt.date, year: int) -> dt.date:
    return _safe_day(year, day.month, day.day) or day.replace(year=year, day=28)


def _safe_day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


_BARE_CLOCK = re.compile(r"(?i)(?:(?:around|about|approximately|at)\s+)?(?:\d{1,2}(?:[:.]\d\d)?\s*(?:[ap]\.?\s?m\.?|h|hrs)?|"
                         r"noon|midnight|midday)(?:\s+(?:GMT|UTC|local\s+time|[A-Z]{2,4}))?")


def _without_bare_clocks(anchors: list[DateMention], sentence: str, s_start: int) -> list[DateMention]:
    """A clock time that names no day ("at 6.35am", "noon") times the sentence's dated happening, it is
    none of its own: "remained suspended till Monday noon", "closed between 6.30pm and 8am in August 2016".
    Alone, it dates a happening told in the past ("The quake hit at 4:17 a.m.", the publication day's),
    not opening hours ("The shop opens between 9am and 5pm")."""
    bare = [d for d in anchors if d.type == "TIME" and _BARE_CLOCK.fullmatch(d.text.strip().rstrip("."))]
    if not bare:
        return anchors
    rest = [d for d in anchors if d not in bare]
    if rest:
        return rest
    first = bare[0]
    return [first] if _PAST_VERB.search(sentence[:first.start - s_start]) else []


def _carry_day(anchors: list[DateMention]) -> list[DateMention]:
    """"Flew out late on Saturday and then took the overnight train": the night is Saturday's, not the
    publication day's. A bare time of day after a dated expression in the same sentence takes its day."""
    out: list[DateMention] = []
    for d in anchors:
        prev = out[-1] if out else None
        if prev is not None and prev.date is not None and _BARE_PART_OF_DAY.fullmatch(d.text.strip()):
            d = replace(d, value=prev.date.isoformat(), granularity="day", date=prev.date, end_date=prev.date)
        out.append(d)
    return out


def _draft(
    text: str,
    s_start: int,
    s_end: int,
    date: DateMention | None,
    refs: Sequence[PlaceRef],
    point_like: frozenset[str],
    published: dt.date | None,
    bounds: tuple[int, int] | None,
    place_words: frozenset[str] = frozenset(),
) -> _Draft:
    sentence = text[s_start:s_end]
    lo, hi = bounds if bounds else (0, len(sentence))
    clause = sentence[lo:hi]
    before = sentence[lo : date.start - s_start] if date else ""
    travel = bool(TRAVEL.search(clause if date else sentence) or _LEFT_PLACE.search(clause if date else sentence))
    if travel and _CALLED_OFF.search(clause if date else sentence):
        travel = False  # "a planned stop at Felixstowe has been cancelled": nobody went
    words = list(TRAVEL.finditer(clause if date else sentence)) if travel else []
    if travel and words and all(_NOT_GONE.search((clause if date else sentence)[:m.start()]) for m in words):
        travel = False  # "Walker did not travel to Mississippi on Friday"
    if travel and date is not None and date.granularity in ("year", "month", "decade") \
            and re.search(r"\b(?:the|a|an|its|his|her|their)\s+$", text[max(0, date.start - 8):date.start]) \
            and re.match(r"\s+(?-i:[a-z]{3,})(?<!\bin)\b", text[date.end:date.end + 20]):
        travel = False  # "visit a memorial to the victims of the 1945 atomic bombing": the year dates the bombing
    place_ids = tuple(dict.fromkeys(pid for _, pid in refs))
    destination = None
    origin = None
    via: tuple[str, ...] = ()
    if travel:
        # "Piraeus, the port of Athens", "Mary Galway, a retired teacher from Limerick": a place in an
        # apposition only says where someone or something is from; it is neither start nor stop.
        # So is one in a relative clause about someone else: "retired to Dorset with his wife, whom he had met
        # in Aden".
        described = {m.start for m, _ in refs if _DESCRIBED.search(text[max(s_start, m.start - 60):m.start])
                     or _RELATIVE_BEFORE.search(text[max(s_start, m.start - 80):m.start])
                     or text.startswith("-", m.end)}  # "the Kathmandu-based company"
        starts = {pid for m, pid in refs if m.start not in described
                  and _ORIGIN.search(text[max(s_start, m.start - 60):m.start])}
        # "Maskwacis, a community south of Edmonton": Edmonton only says where Maskwacis is.
        points = [pid for m, pid in refs if pid in point_like and pid not in starts and m.start not in described
                  and not _NEARBY.search(text[max(s_start, m.start - 40):m.start])]
        # "returned to Washington from a tour that took him to Riyadh, Cairo and Doha": the place of an
        # arrival verb is where the trip ends, even when the stops before it are named after it.
        arrived = [pid for m, pid in refs if pid in points and _ARRIVAL.search(text[max(s_start, m.start - 40):m.start])]
        # "fly to Dallas ... for their match against Peru at Arlington": where the motion goes ("to X") wins
        # over a venue named after it.
        towards = [pid for m, pid in refs if pid in points and _TOWARDS.search(text[max(s_start, m.start - 30):m.start])]
        # "to Zurich via Munich": a place passed through is no end (even when the end is a region)
        passed = {pid for m, pid in refs if _VIA.search(text[max(s_start, m.start - 12):m.start])}
        arrived = [pid for pid in arrived if pid not in passed]
        towards = [pid for pid in towards if pid not in passed]
        ends = [pid for pid in points if pid not in passed]
        destination = arrived[-1] if arrived else towards[-1] if towards else ends[-1] if ends else None
        # "a visit to Iqaluit ... before flying back to Rome": earlier stops of the same clause. After an
        # arrival verb only the places named after it are ("returned to Washington from a tour of Riyadh and
        # Cairo"); before it they were the plan ("a flight to Madrid was diverted to Cordoba").
        if arrived:
            at = next(m.start for m, pid in refs if pid == destination)
            # ... and those of a stay told "before returning": "meeting the king in Amman before returning to
            # New York"
            via = tuple(dict.fromkeys(pid for m, pid in refs if pid in points and pid != destination
                                      and (m.start > at or _BEFORE_ARRIVAL.match(text, m.end, at))))
        elif destination is not None:
            # ... and otherwise the stops named before the destination ("sailed from Southampton to Fremantle
            # and settled in Perth": Perth came after, it is no stop on the way)
            at = next(m.start for m, pid in refs if pid == destination)
            via = tuple(dict.fromkeys(pid for m, pid in refs if pid in points and pid != destination
                                      and (m.start < at or pid in passed)))
        origin = next((pid for _, pid in refs if pid in starts and pid in point_like), None)
    # "flew to Rzeszow on Saturday and then boarded a train ... overnight": each clause has its own mode.
    mode = detect_mode(clause) if date else "unknown"
    if mode == "unknown" and bounds is None:
        # (a sentence of several dated clauses lends none of them another's mode: "Eby, who toured the area
        # by helicopter on Wednesday, said he would visit Salmon Arm on Friday")
        mode = detect_mode(sentence)
    leg_modes = _leg_modes(text, s_start, refs, (*via, destination) if destination else ())
    actor = _actor(sentence, clause, refs, s_start, place_words)
    if travel and (not actor or _HOSTS.search(clause if date else sentence)) \
            and all(_MEETING.fullmatch(m.group()) for m in words) and not _LEFT_PLACE.search(clause if date else sentence):
        travel = False  # "Talks broke down in Vienna": a meeting is a trip only for someone who goes to it
    # The status comes from the verb group around the date: "was still stuck on Thursday, and officials said
    # they would divert ships" is a fact on Thursday; the "would" belongs to another clause.
    status = "happened"
    if date is not None:
        d_lo, d_hi = date.start - s_start - lo, date.end - s_start - lo
        # the narrowest piece that has a status word decides; with none, the date against publication does
        for pattern in (_CLAUSE_BREAK, _STRONG_BREAK):
            local = _piece(clause, d_lo, d_hi, pattern)
            status = detect_status(local, date.date, published, before, date.end_date)
            if _STATUS_CUE.search(local.lower()) or _PAST_VERB.search(local):
                break  # a status word, or a past verb of the date's own: "..., began on Saturday"
        if status == "happened" and _AHEAD.match(date.text) and not _PAST_VERB.search(local):
            status = "scheduled"  # "a joint rally in Delhi later this month": the rest of this month
    else:
        status = detect_status(clause, None, published, before)
    return _Draft(
        start=s_start,
        end=s_end,
        sentence=sentence,
        clause=clause,
        date=date,
        places=place_ids,
        destination=destination,
        origin=origin,
        via=via,
        mode=mode,
        status=status,
        travel=travel,
        leg_modes=leg_modes,
        actor=actor,
    )


def _spans_from_durations(
    drafts: list[_Draft], durations: Sequence[DateMention], text: str, spans: Sequence[tuple[int, int]]
) -> list[_Draft]:
    """'The visit, expected to last about a week' turns the visit's start into a span."""
    out = list(drafts)
    for dur in durations:
        delta = _duration(dur.value)
        if delta is None:
            continue
        sentence_start, s_end = next(((s, e) for s, e in spans if s <= dur.start < e), (None, None))
        if sentence_start is None or s_end is None:
            continue
        sentence = text[sentence_start:s_end]
        # "arrived in Nairobi on Tuesday for a four-day state visit": the dated arrival in the same
        # sentence starts a span of that many days (the arrival day counted).
        if _SPAN_ADJECTIVE.match(text, dur.end) and _SPAN_START.search(text, max(0, dur.start - 30), dur.start):
            out = [_with_span(d, delta) if d.date and d.travel and d.start == sentence_start and d.date.end_date == d.date.date
                   and d.date.date is not None else d for d in out]
            continue
        if not (_SPAN_NOUN.search(sentence) and re.search(r"\b(last|lasting|run|take)\b", sentence, re.I)):
            continue
        if any(d.date is not None and d.start >= sentence_start and d.start < s_end for d in drafts):
            continue
        earlier = [d for d in drafts if d.date and d.travel and d.start < sentence_start and d.status == "happened"]
        if not earlier:
            continue
        anchor = earlier[0]
        start_day = anchor.date.date  # type: ignore[union-attr]
        assert start_day is not None
        span = DateMention(
            dur.start, dur.end, dur.text, "DATE", start_day.isoformat(), "day", start_day, start_day + delta
        )
        out = [d for d in out if not (d.start == sentence_start and d.date is None)]
        out.append(
            _Draft(
                start=sentence_start,
                end=s_end,
                sentence=sentence,
                clause=sentence,
                date=span,
                places=anchor.places,
                destination=anchor.destination,
                origin=anchor.origin,
                via=anchor.via,
                leg_modes=anchor.leg_modes,
                actor=anchor.actor,
                mode=anchor.mode,
                status=detect_status(sentence, None, None),
                travel=True,
            )
        )
    return sorted(out, key=lambda d: d.start)


_SPAN_ADJECTIVE = re.compile(r"(?:\s+[a-z]+){0,2}?\s+(?:state\s+|official\s+|working\s+)?"
                             r"(?:visit|trip|tour|stay|journey|mission|summit)\b")


# "for / on / began a four-day visit" starts it; "returned from a week-long tour" ended one.
_SPAN_START = re.compile(r"\b(for|on|begins?|began|beginning|starts?|started|starting|opens?|opened)\s+"
                         r"(a|an|his|her|their|its|the)\s+$", re.I)


def _with_span(d: _Draft, delta: relativedelta) -> _Draft:
    """The draft's day stretched over a stay of ``delta``, its first day included."""
    assert d.date is not None and d.date.date is not None
    last = d.date.date + delta - relativedelta(days=1)
    return replace(d, date=replace(d.date, end_date=last, granularity="day"))


# "has arrived", "have just landed"; not the infinitive "to have stayed".
_PERFECT = re.compile(
    r"(?<!\bto )\b(has|have)\s+(just\s+|now\s+|finally\s+)?(arrived|landed|reached|visited|travell?ed|flown|"
    r"gone|come|returned|crossed)\b", re.I)

_STATUS_RANK = {"happened": 0, "scheduled": 1, "expected": 2, "reported": 3, "claimed": 4}


def _overlap(a: Sequence[str], b: Sequence[str], countries: Mapping[str, str]) -> bool:
    """Shared places, or places in the same country."""
    if set(a) & set(b):
        return True
    ca = {countries[p] for p in a if countries.get(p)}
    return bool(ca & {countries[p] for p in b if countries.get(p)})


def _same_happening(a: _Draft, b: _Draft, countries: Mapping[str, str]) -> bool:
    if a.travel != b.travel:
        return False
    # Leaving a place is not arriving there ("arrived in Kyiv on Monday", "left Kyiv later on Monday"),
    # and a flight and a train ride on one day are two legs.
    if (a.destination and a.destination == b.origin) or (b.destination and b.destination == a.origin):
        return False
    if a.travel and "unknown" not in (a.mode, b.mode) and a.mode != b.mode:
        return False
    if a.destination and b.destination and a.destination != b.destination:
        return False  # two arrivals on one day at two places are two legs (and often two travellers)
    if not same_actor(a.actor, b.actor):
        return False  # "Modi addressed a rally in Bareilly on Saturday. Gandhi spent Saturday in Telangana"
    shared = _overlap(a.places, b.places, countries)
    if a.date and b.date:
        same_when = (a.date.value, _span(a.date)) == (b.date.value, _span(b.date))
        return same_when and shared and "claimed" not in (a.status, b.status)
    return False


def _merge(drafts: list[_Draft], published: dt.date | None, countries: Mapping[str, str]) -> list[_Draft]:
    merged: list[_Draft] = []
    for d in drafts:
        target = next((i for i, m in enumerate(merged) if _same_happening(m, d, countries)), None)
        if target is None:
            merged.append(d)
            continue
        m = merged[target]
        merged[target] = replace(
            m,
            places=tuple(dict.fromkeys(m.places + d.places)),
            destination=d.destination or m.destination,
            origin=m.origin or d.origin,
            via=d.via if d.destination else m.via,
            leg_modes=d.leg_modes if d.destination else m.leg_modes,
            actor=m.actor or d.actor,
            mode=m.mode if m.mode != "unknown" else d.mode,
            status=min(m.status, d.status, key=_STATUS_RANK.__getitem__),
            # The sentence with more places usually is the fuller statement.
            sentence=d.sentence if len(d.places) > len(m.places) else m.sentence,
        )
    # An undated travel statement in the present perfect ("has arrived in Russia") restates the
    # news event with a shared place; fold its places in rather than leaving a duplicate undated.
    extra: dict[int, tuple[str, ...]] = {}
    keep: list[int] = []
    for k, d in enumerate(merged):
        # A headline ("Thousands killed as earthquake hits Turkey") restates the news event the same way.
        headline = d.start == 0 and not d.sentence.rstrip().endswith((".", "!", "?", '"', "”"))
        if d.date is None and (d.travel and _PERFECT.search(d.sentence) or headline):
            recent = [
                i for i, m in enumerate(merged)
                if m.date and (m.travel or headline) and _overlap(m.places, d.places, countries)
                and m.status == "happened"
                and published and abs((published - m.date.date).days) <= 7  # type: ignore[operator]
            ]
            if recent:
                extra[recent[0]] = extra.get(recent[0], ()) + d.places
                continue
        keep.append(k)
    return [
        replace(merged[k], places=tuple(dict.fromkeys(merged[k].places + extra[k]))) if k in extra else merged[k]
        for k in keep
    ]


def _spans(dm: DateMention) -> bool:
    if dm.date is None or dm.end_date is None:
        return False
    if dm.granularity == "day":
        return dm.end_date != dm.date
    if dm.granularity == "month":
        return (dm.end_date.year, dm.end_date.month) != (dm.date.year, dm.date.month)
    if dm.granularity == "year":
        return dm.end_date.year != dm.date.year
    return False


def _to_events(article: Article, drafts: list[_Draft]) -> list[Event]:
    events = []
    for k, d in enumerate(drafts, start=1):
        dm = d.date
        events.append(
            Event(
                id=f"{article.id}-e{k}",
                article=article.id,
                date=dm.date if dm else None,
                # Only a real span has an end: "2001" is a year, not 2001-01-01 .. 2001-12-31; "between 1992
                # and 1995" is one.
                end_date=dm.end_date if dm and _spans(dm) else None,
                granularity=dm.granularity if dm else "unknown",
                date_text=dm.text if dm else "",
                timex=dm.value if dm else "",
                places=d.places,
                summary=summarize(d.clause if dm else d.sentence),
                sentence=d.sentence,
                start=d.start,
                end=d.end,
                mode=d.mode,
                status=d.status,
                travel=d.travel,
                destination=d.destination,
                origin=d.origin,
                via=d.via,
                leg_modes=d.leg_modes,
                actor=d.actor,
            )
        )
    return events
