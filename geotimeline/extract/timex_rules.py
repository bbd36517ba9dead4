"""Vocabulary tables for the temporal tagger (:mod:`geotimeline.extract.dates`).

Everything a human may want to tune lives here as plain tables: number words,
month and weekday names, units and their TimeML letters, holidays, the words
that mark vague references (``recently`` → ``PAST_REF``), the words that mark
tense around a mention, and the nouns that show a four-digit number is a
quantity rather than a year ("2000 troops").

The regular expressions in ``dates.py`` are assembled from these tables once,
at import time, so adding a word here is enough to teach the tagger about it.
"""

from __future__ import annotations

NUMBER_WORDS: dict[str, float] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a hundred": 100,
    "a dozen": 12, "dozen": 12, "a couple of": 2, "a couple": 2, "couple of": 2, "a": 1, "an": 1,
    "a single": 1, "half a": 0.5, "half an": 0.5, "one and a half": 1.5,
}
"""Words for exact counts ("half a year" is 0.5 years)."""

VAGUE_COUNTS: tuple[str, ...] = (
    "a few", "few", "several", "some", "many", "a number of", "numerous", "dozens of", "hundreds of",
    "a couple of", "the past few", "more", "a few more",
)
"""Counts that make a duration vague: ``several years`` → ``PXY``."""

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
    "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
    "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
    "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
}

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

AMBIGUOUS_MONTHS: frozenset[str] = frozenset({"may", "march", "mar", "jan", "jun", "jul", "aug", "sep", "dec"})
"""Month names that are also common words; alone they need a cue such as ``in``."""

WEEKDAYS: dict[str, int] = {
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon.": 1, "tues.": 2, "tue.": 2, "wed.": 3, "thurs.": 4, "thu.": 4, "fri.": 5, "sat.": 6, "sun.": 7,
}
"""ISO weekday numbers; abbreviations only with their full stop (so "We" or "Sun" never match)."""

DAY_PARTS: dict[str, str] = {
    "morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
}

SEASONS: dict[str, str] = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}

UNITS: dict[str, str] = {
    "second": "S", "minute": "M", "hour": "H", "day": "D", "night": "D", "week": "W", "weekend": "WE",
    "month": "M", "year": "Y", "decade": "E", "century": "C", "quarter": "Q", "fortnight": "W",
}
"""Duration units and their TimeML letters (hours, minutes and seconds go after ``T``)."""

TIME_UNITS: frozenset[str] = frozenset({"second", "minute", "hour"})

SET_WORDS: dict[str, str] = {
    "daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y", "hourly": "PT1H",
    "nightly": "P1D", "quarterly": "P1Q", "biweekly": "P2W", "biannually": "P6M", "semiannually": "P6M",
}

REFERENCE_WORDS: dict[str, str] = {
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "at present": "PRESENT_REF", "these days": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF",
    "recent years": "PAST_REF",
    "the future": "FUTURE_REF", "a later date": "FUTURE_REF", "the near term": "FUTURE_REF",
    "the short term": "FUTURE_REF", "the long term": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the coming months": "FUTURE_REF", "coming months": "FUTURE_REF", "the coming years": "FUTURE_REF",
}
"""Vague references and their TimeML value (the span never includes ``in``).

"right now" is left to the plain "now": TimeBank tags only "now" in it.

Left out on purpose, because in news they are far more often not temporal
expressions at all or not annotated as such: once, earlier, later, soon,
previously, formerly, eventually, shortly, so far, future (the adjective).
"soon" is tagged only next to a modal ("will soon", rule ``soon`` in ``dates.py``)."""

DECADE_WORDS: dict[str, int] = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7, "eighties": 8,
    "nineties": 9,
}

HOLIDAYS: dict[str, tuple[int, int] | str] = {
    "christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24),
    "new year's day": (1, 1), "new year's eve": (12, 31), "new year": (1, 1),
    "valentine's day": (2, 14), "halloween": (10, 31), "independence day": (7, 4),
    "the fourth of july": (7, 4), "fourth of july": (7, 4), "bastille day": (7, 14), "boxing day": (12, 26),
    "st. patrick's day": (3, 17), "st patrick's day": (3, 17), "veterans day": (11, 11),
    "armistice day": (11, 11), "may day": (5, 1), "labour day": (5, 1),
    "thanksgiving": "thanksgiving", "thanksgiving day": "thanksgiving", "easter": "easter",
    "easter sunday": "easter", "good friday": "good_friday", "easter monday": "easter_monday",
    "labor day": "labor_day", "memorial day": "memorial_day", "election day": "election_day",
    "palm sunday": "palm_sunday", "ash wednesday": "ash_wednesday", "mardi gras": "mardi_gras",
    "mother's day": "mothers_day", "father's day": "fathers_day", "martin luther king day": "mlk_day",
    "presidents' day": "presidents_day", "presidents day": "presidents_day", "columbus day": "columbus_day",
    "st. valentine's day": (2, 14), "remembrance day": (11, 11), "guy fawkes night": (11, 5),
}
"""Fixed holidays as (month, day); moving feasts by the name of their rule in ``dates.py``."""

FUTURE_CUES: tuple[str, ...] = (
    r"(?:to|will|would|could|may|might|should|must)\s+be\s+\w+", r"expects?\s+to", r"expect(?:s|ing)?", r"ahead\s+of", r"will", r"won't", r"'ll", r"shall", r"going to", r"gonna",
    r"(?:is|are|was|were|be)\s+(?:expected|scheduled|due|set|slated|planned|poised|likely|to)",
    r"expected", r"scheduled", r"planned", r"slated", r"set\s+(?:to|for)", r"as\s+(?:soon|early)\s+as", r"no\s+(?:later|earlier)\s+than", r"not\s+before", r"due\s+to", r"plans?\s+to", r"planning\s+to", r"intends?\s+to",
    r"hopes?\s+to", r"aims?\s+to", r"must", r"needs?\s+to", r"(?:has|have)\s+to", r"would", r"upcoming", r"next(?!\s+to\b)", r"to\s+be\s+held", r"tomorrow",
    r"(?:could|might)\s+(?!not\b|have\b|n't\b|be\s+seen\b)[a-z]+",  # "the storm could hit", "might reach"
    r"until", r"till", r"deadline", r"(?<!the\s)(?-i:begins?)", r"(?<!the\s)(?-i:starts?)", r"(?-i:opens?)", r"(?<!the\s)(?-i:ends?)",  # not "the French Open", "the end of the war"
    r"set\s+(?:\w+\s+){0,3}?for",  # "the judge set sentencing for June 9"
)
"""Words before a mention that make a bare weekday or month point forwards.

The first entries swallow passives ("to be published in early November") so
that their "-ed" participle is not taken for a past tense."""

RIGHT_FUTURE_CUES: tuple[str, ...] = (
    r"will", r"won't", r"'ll", r"shall", r"going\s+to", r"would", r"(?:is|are)\s+(?:expected|scheduled|due|set)",
    r"expected\s+to", r"scheduled\s+to", r"due\s+to", r"plans?\s+to",
)
"""Future cues that still count when they come after the mention ("On Friday, Kim will ...")."""

SCHEDULE_VERBS: tuple[str, ...] = (
    r"meets", r"faces?", r"hosts", r"travels", r"arrives", r"leaves", r"heads\s+(?:to|for|into)",
    r"resumes", r"returns\s+to", r"kicks?\s+off", r"takes\s+on", r"tees\s+off", r"flies\s+to", r"departs",
    r"(?:is|are)\s+(?:to|off\s+to|back\s+in|on)", r"takes?\s+place", r"(?-i:reopens?)", r"forecasts?",
    r"(?:meet|play|face|host)s?(?=\s+(?:the\s+)?(?-i:[A-Z]))",  # "Romania play the Netherlands", "Spain now meet Germany"
)
"""Present-tense verbs that news uses for a fixed programme ("Biden meets Xi on Tuesday", "On Sunday the
riders face the Alps"): with a bare weekday they point forwards, before or after the mention. Only
forms that are not also common plural nouns ("visits", "plays", "votes" are left out, but "play" before a
capitalised name is a team's fixture). A forecast is of days ahead, even when it was made ("Environment
Canada forecast a cold front on Sunday")."""

PAST_CUES: tuple[str, ...] = (
    r"said", r"says", r"say", r"told", r"was", r"were", r"had", r"(?:has|have)(?!\s+(?:a|an|no)\b)", r"did", r"ago", r"last",
    r"since", r"earlier", r"met", r"came", r"went", r"began", r"took", r"made", r"gave", r"saw", r"held", r"left",
    r"won", r"lost", r"fell", r"rose", r"sold", r"bought", r"paid", r"found", r"got", r"spoke", r"wrote",
    r"ran", r"brought", r"sent", r"kept", r"became", r"knew", r"struck", r"hit", r"shot", r"killed", r"died",
    r"broke", r"drove", r"flew", r"led", r"put", r"set", r"told", r"won", r"quit", r"cut", r"spent",
    r"sank", r"fled", r"fought", r"grew", r"drew", r"threw", r"stood", r"sat", r"sought", r"caught", r"stole",
    r"felt", r"heard", r"meant", r"laid", r"lay", r"dealt", r"swore", r"rode", r"woke", r"chose", r"forgot",
    r"ate", r"fed", r"hid", r"bit", r"shook", r"spoke", r"arose", r"understood", r"withdrew", r"overtook",
    r"(?-i:[a-z]+ed)",
)
"""Words that make a bare weekday or month point backwards (checked after ``FUTURE_CUES``).

The catch-all "-ed" is case-sensitive so that names ("United States") are not verbs."""

BASE_FORM_PASTS: frozenset[str] = frozenset("hit put set cut quit cost hurt spread let shut beat read".split())
"""Past forms spelled like the bare verb: after a future cue in the same clause they are infinitives."""

QUANTITY_NOUNS: frozenset[str] = frozenset("""
    people persons troops soldiers men women children workers employees jobs votes voters residents civilians
    refugees migrants students tons tonnes km kilometers kilometres miles meters metres feet foot ft yards
    acres hectares barrels dollars euros pounds yen yuan won rubles roubles pesos francs marks shares points
    cars vehicles homes houses units cases deaths dead injured wounded casualties members delegates seats
    rooms beds ships planes aircraft tanks missiles rockets guns pages words copies items kg kilograms grams
    calories mph rpm mw kw gw megawatts degrees percent pct times hours minutes seconds days weeks months
    locations stores branches companies firms banks flights passengers prisoners inmates arrests officers
    police patients doctors teachers families households signatures protesters demonstrators fans
""".split())
"""A four-digit number followed by one of these is a quantity, not a year."""

QUANTITY_BEFORE: frozenset[str] = frozenset("""
    about around approximately nearly almost some over under than least most roughly estimated only just
    additional another extra flight route no. number room page model highway interstate channel section
    article chapter paragraph rule resolution code bill form box suite unit apartment apt. platform gate
    exit bus train seat
""".split())
"""A four-digit number after one of these is a quantity or a label, not a year."""
