"""Toponym recognition: find the place names in a text, with exact character spans.

The recogniser matches capitalised word sequences against the gazetteer index (longest
match first), then throws out what is a place name only by accident::

    >>> from geotimeline.geocoding.gazetteer import Gazetteer, written_as
    >>> gaz = Gazetteer.open()                                             # doctest: +SKIP
    >>> [(m.text, m.name, m.metonym) for m in find_places(
    ...     "Russia's Foreign Ministry said Moscow would send grain to Pyongyang.", gaz)]  # doctest: +SKIP
    [('Russia', 'Russia', False), ('Moscow', 'Moscow', True), ('Pyongyang', 'Pyongyang', False)]

What it handles:

* multi-word names ("New South Wales", "Isle of Man") and "City, State" pairs with
  abbreviations ("Springfield, Ill." gives two mentions);
* possessives: "Russia's" gives the span "Russia";
* person names (a title before: "President Lincoln", a first name before: "Jack London",
  a surname after: "Jordan Dyer", an initial: "Roy A. Nelson", "X said"), stop names
  (GeoNames names that are ordinary words), street names ("Main Street"), cars ("a 2000
  Ford Taurus"), contractions ("I've"); a place inside an organisation's name is kept
  ("Ohio State University" mentions Ohio), as the news benchmarks annotate it;
* one sense per document: a word once seen as a person's name is not a place elsewhere in
  the text, and a hamlet's name needs a locative context somewhere ("in Harwinton");
* hyphenated pairs ("Egyptian-US", "Athens-Clarke County");
* demonyms ("Russian", "North Korean") are returned only with ``demonyms=True`` -- the
  news benchmarks annotate them as toponyms, a map usually does not want them;
* metonymy: a capital or country that is the subject of a government action ("Moscow
  would send", "Washington said", "Beijing warned"), or a place that opens an organisation's
  name ("U.S. Geological Survey", "Denver Post"), is flagged ``metonym=True`` and kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from difflib import SequenceMatcher
from typing import NamedTuple

from geotimeline.geocoding.gazetteer import Gazetteer, written_as
from geotimeline.geocoding.index_build import ALTERNATE, MAIN_NAME
from geotimeline.geocoding.names import SUN_ARTICLES, fold
from geotimeline.models import PlaceMention

__all__ = ["find_places"]

MAX_WORDS = 6


CONNECTORS = frozenset({"of", "de", "del", "la", "le", "les", "the", "and", "on", "upon", "da", "do", "dos", "das",
                        "du", "des", "el", "al", "am", "an", "der", "sur", "y", "in", "di", "es", "ul", "en", "sous",
                        "op", "aan", "den", "im", "ob", "bei"})
LOWER_TAILS = frozenset({"station", "base"})
"""Lower-case last words that still belong to a name the gazetteer holds whole ("Casey station"):
news writes a research station's or a base's generic word in lower case."""

# The words that can matter: those not starting with a lower-case ASCII letter ("U.S.", "W.Va." and
# capitalised words, hyphen and apostrophe joins included), and the connectors and tails. Skipping the rest in the regex engine rather than in Python halves the time
# tokenising takes; a word is still taken whole ("well-Known" is one word, not "Known").
_CANDIDATE_TOKEN = re.compile(
    r"[A-Z][a-z]{0,2}\.(?:[A-Z][a-z]{0,2}\.)+"
    r"|(?<![^\W\d_])(?<![^\W\d_][-'\u2019])"
    r"(?:[^\W\d_a-z][^\W\d_]*|(?:" + "|".join(sorted(CONNECTORS | LOWER_TAILS, key=len, reverse=True))
    # articles joined to a name ("el-Mandeb", "ash-Sham", "d'Ivoire"), taken whole by the tail below
    + r"|(?:a[drstz]|ash|e[drt])(?=-[A-Z])|[dl](?=['\u2019][A-Z]))(?![^\W\d_]))"
    r"(?:[-'\u2019][^\W\d_]+)*"
)

# Words that take the next capitalised name as a person's ("President Lincoln").
TITLES = frozenset(fold(w) for w in """
Mr Mrs Ms Miss Dr Prof President Gov Governor Sen Senator Rep Representative Judge Justice Rev Reverend
Sgt Sergeant Officer Lt Lieutenant Capt Captain Col Colonel Gen General Maj Major Cpl Corporal Pvt Adm Admiral
Prince Princess King Queen Pope Lord Lady Sir Dame Chancellor Minister Premier Mayor Sheriff Deputy Coach
Commissioner Detective Chief Secretary Ambassador Councilman Councilwoman Chairman Chairwoman Speaker
Father Brother Sister Saint Bishop Archbishop Cardinal Rabbi Imam Sheikh Emir Sultan Pastor Dean Attorney
Trooper Agent Inspector Superintendent Principal Uncle Aunt Mother Mrs Messrs Jr Sr Madame Monsieur Herr
""".split())

# Surnames: after a place-named first name they make a person ("Jack London", "Paris Hilton").
# Organisation heads are *not* listed: "Ohio State University" still mentions Ohio.
NON_PLACE_HEADS = frozenset(fold(w) for w in """
Jones Smith Johnson Williams Brown Davis Miller Wilson Moore Taylor Anderson Thomas Jackson White Harris
Martin Thompson Garcia Martinez Robinson Clark Rodriguez Lewis Lee Walker Hall Allen Young Hernandez King
Wright Lopez Hill Scott Green Adams Baker Gonzalez Nelson Carter Mitchell Perez Roberts Turner Phillips
Campbell Parker Evans Edwards Collins Stewart Sanchez Morris Rogers Reed Cook Morgan Bell Murphy Bailey
Rivera Cooper Richardson Cox Howard Ward Torres Peterson Gray Ramirez James Watson Brooks Kelly Sanders
Price Bennett Wood Barnes Ross Henderson Coleman Jenkins Perry Powell Long Patterson Hughes Flores
Washington Butler Simmons Foster Gonzales Bryant Alexander Russell Griffin Diaz Hayes Hilton
""".split())

# Capitalised words before a name that start a longer proper noun or a person's name.
FIRST_NAMES = frozenset(fold(w) for w in """
John James Robert Michael William David Richard Joseph Thomas Charles Christopher Daniel Matthew Anthony Mark
Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Edward Ronald Timothy Jason Jeffrey Ryan Jacob Gary
Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin Samuel Frank Gregory Raymond Alexander Patrick
Jack Dennis Jerry Tyler Aaron Jose Henry Adam Douglas Nathan Peter Zachary Kyle Walter Harold Jeremy Ethan Carl
Keith Roger Gerald Christian Terry Sean Arthur Austin Noah Lawrence Jesse Joe Bryan Billy Jordan Albert Dylan
Bruce Willie Gabriel Alan Juan Logan Wayne Ralph Roy Eugene Randy Vincent Russell Louis Philip Bobby Johnny
Bradley Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Margaret Betty
Sandra Ashley Dorothy Kimberly Emily Donna Michelle Carol Amanda Melissa Deborah Stephanie Rebecca Laura
Sharon Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela Nicole Samantha Katherine Emma Ruth
Christine Catherine Debra Rachel Carolyn Janet Virginia Maria Heather Diane Julie Joyce Victoria Kelly
Christina Lauren Joan Evelyn Olivia Judith Megan Cheryl Martha Andrea Frances Hannah Jacqueline Ann Gloria
Jean Kathryn Alice Teresa Sara Janice Doris Madison Julia Grace Judy Abigail Marie Denise Beverly Amber
Theresa Marilyn Danielle Diana Brittany Natalie Sophia Rose Isabella Alexis Kayla Charlotte Bill Bob Jim
Tom Mike Dave Steve Chris Tony Ron Tim Jeff Greg Ray Jon Ken Don Sam Ben Dan Matt Nick Pat Rick Ed Al Fred
Barack Hillary Vladimir Dmitry Kim Jong Hu Xi Angela Nicolas Silvio Gordon Tony Ehud Benjamin Mahmoud Hosni
Mitt Sarah Newt Rick Ron Nancy Harry Mitch Joe Dick Colin Condoleezza Rudy Hamid Recep Ban Kofi
Joanna Kristina Kristen Tiffany Crystal Brittney Whitney Chelsea Courtney Lindsay Lindsey Kelsey Paige Hailey
Haley Sydney Savannah Dakota Cheyenne Aurora Florence Georgia Carolina Virginia Alexandria Charlotte Madison
Austin Dallas Houston Tyrone Lafayette Marion Clinton Sherman Warren Dayton Eugene Vernon Orlando Chester
Howard Clifford Leon Milton Stanley Douglas Franklin Lincoln Jefferson Jackson Monroe Lee Troy Dale Glenn Guy
Abraham Isaac Moses Elijah Ezra Caleb Levi Jesse Seth Luke Mark Mathew Micah Jordan Tyler Cameron Mason
Carlos Luis Miguel Pedro Manuel Jorge Ricardo Fernando Francisco Antonio Ahmed Mohammed Muhammad Ali Omar
Hassan Hussein Ibrahim Yusuf Abdul Abdullah Mustafa Ivan Sergei Sergey Igor Yuri Boris Nikolai Alexei
Alexander Mikhail Viktor Olga Natalia Svetlana Tatiana Irina Hans Klaus Jurgen Pierre Jean Jacques Francois
Giuseppe Giovanni Marco Luca Paolo Andrea Hiroshi Takeshi Yuki Wei Li Chen Raj Rahul Amit Sunil Priya
Shelby Troy Chase Hunter Colby Brady Tanner Spencer Preston Landon Trent Brent Brock Clay Wade Dean Duane
""".split())

# Capitalised words that may follow a place name without making it part of another name
# ("U.S. President", "Moscow Police", "Texas Gov.").
FOLLOWERS = frozenset(fold(w) for w in """
President Gov Governor Sen Senator Rep Secretary Minister Prime Foreign Defense Defence Interior Police Sheriff
Sheriff's Department Dept Army Navy Air Marine Marines Guard Coast Fire Health Education Transportation State
Attorney Mayor Council Commission Board City County Township Republic Federation Kingdom Government Parliament
Congress Senate House Assembly Court Supreme District Division Office Officials Authority Agency Ministry
Embassy Consulate Chamber Democrats Republicans Democratic Republican Party Socialist Communist Labour Labor
Conservative Liberal Muslims Christians Jews Jewish Muslim Christian Catholic Protestant Orthodox Islamic Arab
""".split())

STREET_WORDS = frozenset(fold(w) for w in """
Street St Road Rd Avenue Ave Boulevard Blvd Lane Ln Drive Parkway Pkwy Court Ct Terrace Circle
Trail Way Plaza Square Alley Crescent
""".split())

# Region words that may follow a name and belong to it ("Primorsky Krai", "Hassan district").
FEATURE_WORDS = frozenset(fold(w) for w in """
County Parish Province Region Oblast Krai Kray District Governorate Prefecture Territory Township Borough
River Creek Valley Canyon Basin Bay Peninsula Desert Mountains Island Islands
Lake Falls Moor Reservoir Lagoon Gorge Glacier Hills Archipelago Delta
""".split())

# Sentence-initial or capitalised function words that GeoNames happens to list as places.
COMMON_WORDS = frozenset(fold(w) for w in """
A An The This That These Those It Its He She We They I You Me Him Her Us Them My Our Your Their His
In On At By For From To With Without Of Off Over Under Into Onto Upon About After Before During Since Until
And But Or Nor So Yet If When While Where Why How What Who Whom Which As Than Then Because Although Though
Also Just Only Even Still Now Here There Today Tonight Yesterday Tomorrow Monday Tuesday Wednesday Thursday
Friday Saturday Sunday January February March April May June July August September October November December
Mon Tue Wed Thu Fri Sat Sun Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec
Many Most Some Any All Each Every Both Few More Less No Not Yes One Two Three Four Five Six Seven Eight Nine Ten
First Second Third Last Next New Old Good Best Great Big Little Long High Low Top Early Late Please Thanks
Will Would Can Could May Might Must Shall Should Do Does Did Is Are Was Were Be Been Being Has Have Had
Said Says Told Read Image Photo Video Author Editor Reuters Associated Press AP AFP Getty Copyright
Police Court Church School Hospital City County State Street Road Center Park Home House Office Government
Mr Mrs Ms Dr Jr Sr St Gov Sen Rep Lt Sgt Capt Gen Col
God Lord Christ Jesus Allah Internet Web Online Email Twitter Facebook
North South East West Northern Southern Eastern Western Central Upper Lower Greater Middle Inner Outer
Northeast Northwest Southeast Southwest Downtown Metro Mid Upstate Downstate Rural Suburban Uptown Midtown
Another Several Other Both Most Every Each Such Nearby
""".split())

LONGER_NAME_POP = 30_000
"""A village's name that runs on into an unknown capitalised word is a longer name below this population."""
_LOCATIVE_BEFORE = re.compile(r"\b(?:near|in|at|on|to|from|off|summit\s+of|slopes\s+of|foot\s+of)\s+(?:the\s+)?$")

_VESSEL_BEFORE = re.compile(
    r"\b(?:aboard|ship|vessel|tanker|frigate|destroyer|carrier|liner|ferry|yacht|icebreaker|submarine|freighter|"
    r"cruiser|warship|schooner)\s+(?:the\s+|HMS\s+|USS\s+)?$")
_BUILDING_AFTER = re.compile(r"\s+(?:Chapel|Cathedral|Church|Abbey|Basilica|Hospital|College|School|Square|Park|"
                             r"Hall|Palace|Castle|Bridge|Street|Road)\b")

ROMANCE_TAIL = re.compile(r" (?:de|du|des|del|della|dello|di|da|do|dos|das)(?: la| las| los| le| les)? (?:l['’])?[A-Z]")
"""A French/Spanish/Italian/Portuguese "of" joining a longer proper name."""
ROMANCE_HEAD = re.compile(r"\b[A-Z][\w'’-]+ (?:de|du|des|del|della|dello|di|da|do|dos|das)(?: la| las| los| le| les)? (?:l['’])?$")
"""The same seen from the name's tail: "Sol" in "Puerta del Sol"."""

CLUB_PREFIXES = frozenset(fold(w) for w in """
Real Atletico Athletic Sporting Inter Dynamo Dinamo Olympique Borussia Racing Deportivo Hertha Eintracht
Olympiacos Galatasaray Fenerbahce Besiktas Celtic Rangers Union Vitoria Bayer Bayern Lokomotiv Spartak
""".split())
"""Words that open a football club's name before a city's ("Real Madrid", "Inter Milan", "Dynamo Kyiv")."""

ROYAL_TITLES = frozenset(fold(w) for w in "King Queen Prince Princess Pope Emperor Empress Sultan Sheikh".split())

# Capitalised words that may precede a place name inside a sentence ("Northeast Georgia").
PREFIX_OK = frozenset(fold(w) for w in """
North South East West Northern Southern Eastern Western Central Upper Lower Greater Middle Inner Outer
Northeast Northwest Southeast Southwest Downtown Metro Mid Upstate Downstate Rural Suburban Uptown Midtown
Historic Old New Little Big Nearby Neighboring Neighbouring Occupied Mainland Coastal Rural
In At On From To For By Of The And Or But Near Across Outside Inside Throughout Around Via Through Into
""".split())

GOVERNMENT_VERBS = re.compile(
    r"\s*(?:(?:has|have|had|would|will|could|may|might|must|should|is|was|also|now|then|still|later|"
    r"already|reportedly|officially|apparently|not|quickly)\s+){0,3}"
    r"(?:said|says|say|warn(?:s|ed)?|announc(?:e|es|ed)|den(?:y|ies|ied)|accus(?:e|es|ed)|agree(?:s|d)?|"
    r"insist(?:s|ed)?|want(?:s|ed)?|refus(?:e|es|ed)|condemn(?:s|ed)?|urg(?:e|es|ed)|threaten(?:s|ed)?|"
    r"claim(?:s|ed)?|reject(?:s|ed)?|demand(?:s|ed)?|sign(?:s|ed)?|send|sends|sent|offer(?:s|ed)?|"
    r"respond(?:s|ed)?|protest(?:s|ed)?|vow(?:s|ed)?|plan(?:s|ned)?|decid(?:e|es|ed)|impos(?:e|es|ed)|"
    r"approv(?:e|es|ed)|back(?:s|ed)|support(?:s|ed)?|recogni[sz](?:e|es|ed)|expel(?:s|led)?|"
    r"sanction(?:s|ed)?|retaliat(?:e|es|ed)|criticiz(?:e|es|ed)|criticis(?:e|es|ed)|welcom(?:e|es|ed)|"
    r"blam(?:e|es|ed)|pledg(?:e|es|ed)|promis(?:e|es|ed)|negotiat(?:e|es|ed)|ban(?:s|ned)?|"
    r"supplie[sd]|suppl(?:y|ies)|provid(?:e|es|ed)|sought|seek(?:s)?|hope(?:s|d)?|believe(?:s|d)?)\b",
    re.IGNORECASE,
)


class _Token(NamedTuple):
    start: int
    end: int
    text: str
    key: str
    cap: bool
    """Starts with an upper-case letter."""
    sent_start: bool
    """First word of a sentence (or of a line)."""


_SENTENCE_START = re.compile(r"[.!?:\"\u201c\n][\s\"'\u201c\u2018(\[]*")
_SENTENCE_MARKS = frozenset('.!?:"\u201c\n')


def _tokens(text: str, gaz: Gazetteer) -> list[_Token]:
    """Capitalised words and the connectors that may sit inside a name ("Isle of Man").

    Other lower-case words are skipped: they never start a name, and two tokens count as
    adjacent only when a single space separates them, so nothing is lost.
    """
    out: list[_Token] = []
    # where sentences start: right after ". ", ": \"", "\n(" ... with a mark among the last six characters
    # before the word; one pass instead of a search per word
    starts = {m.end() for m in _SENTENCE_START.finditer(text)
              if m.end() - m.start() <= 6 or any(c in _SENTENCE_MARKS for c in text[m.end() - 6:m.end()])}
    for m in _CANDIDATE_TOKEN.finditer(text):
        word = m.group()
        # an article joined to a name is part of it: "Bab el-Mandeb", "Qasr al-Yahud", "Cote d'Ivoire"
        cap = word[0].isupper() or _ARTICLE_NAME.match(word) is not None
        if not cap and word not in CONNECTORS and word not in LOWER_TAILS:
            continue
        start, end = m.span()
        if not cap and not (out and text[out[-1].end:start] == " "):
            continue  # a lower-case connector ("of", "the") only matters inside a name: right after a kept word
        sent_start = start < 3 and not text[:start].strip() or start in starts
        hyphen = cap and "-" in word
        head, _, tail = word.rpartition("-") if hyphen else ("", "", "")
        if hyphen and tail in _PLACE_ADJECTIVE_TAILS and head[:1].isupper():
            # "Geneva-based", "London-born", "Paris-bound": the place is the head of the compound
            out.append(_Token(start, start + len(head), head, fold(head), True, sent_start))
            continue
        key = fold(word) if cap else word
        if hyphen and not gaz.rows(key) and not gaz.has_prefix(key) and not gaz.is_stopname(word) \
                and not _FACILITY_AFTER.match(text, end) and _splittable(word, gaz):
            # "Egyptian-US", "Athens-Clarke", "Watertown-ML": names joined by a hyphen
            offset = start
            for part in word.split("-"):
                if part:
                    out.append(_Token(offset, offset + len(part), part, fold(part), part[:1].isupper(),
                                      sent_start and offset == start))
                offset += len(part) + 1
        else:
            out.append(_Token(start, end, word, key, cap, sent_start))
    # "As Sulaymaniyah" as two words keys like its one-word forms: the index folds the article before a sun
    # letter to "al" (see geotimeline.geocoding.names)
    for k, tok in enumerate(out[:-1]):
        if tok.key in SUN_ARTICLES and tok.cap and out[k + 1].key.startswith(SUN_ARTICLES[tok.key]) \
                and text[tok.end:out[k + 1].start] == " ":
            out[k] = tok._replace(key="al")
    return out


_FACILITY_AFTER = re.compile(r"\s+(?:Stadium|Arena|Field|Park|Center|Centre|Hall|Coliseum|Dome|Bowl|Bridge|Tunnel|"
                             r"Airport|Station|Building|Tower|Gardens)\b")
"""After a hyphenated name, a facility word: "Williams-Brice Stadium" is one name, not Williams and Brice."""
_PLACE_ADJECTIVE_TAILS = frozenset({"based", "born", "bound", "area", "headquartered", "raised", "bred", "educated",
                                    "registered", "listed", "made", "built"})


def _splittable(word: str, gaz: Gazetteer) -> bool:
    """True when a hyphenated word joins names ("Athens-Clarke"), not a brand ("Wal-Mart")."""
    parts = word.split("-")
    if not all(p[:1].isupper() and (len(p) >= 4 or p.isupper()) for p in parts):
        return False
    known = [gaz.rows(fold(part)) for part in parts]
    if all(known):
        return True  # every part a place: "Athens-Clarke", "Dallas-Fort Worth"
    # One part a place, the rest unknown: only a country, region or big city makes it a pair of names
    # ("Egyptian-US"); a small town's name is a brand's or a street's ("Mercedes-Benz", "Champs-Elysees").
    return any((rows and (rows[0][5] != "city" or rows[0][6] >= 5_000)) or gaz.demonym(part)
               for part, rows in zip(parts, known))


def _loners(text: str, tokens: list[_Token], gaz: Gazetteer) -> frozenset[str]:
    """Capitalised words standing alone mid-sentence that are no place: likely surnames ("Putin")."""
    found = set()
    for k in range(1, len(tokens) - 1):
        tok = tokens[k]
        if not tok.cap or tok.sent_start or tok.text.isupper():
            continue
        if tokens[k - 1].cap and _joined(text, tokens[k - 1], tok):
            continue
        if tokens[k + 1].cap and _joined(text, tok, tokens[k + 1]):
            continue
        if _hamlets(gaz.rows(fold(_POSSESSIVE_END.sub("", tok.text)))):
            found.add(tok.key)  # (a hamlet's name is a surname as often: "Wilkinson", "Benedict")
    return frozenset(found)


_COMMON_OR_CONNECTOR = COMMON_WORDS | CONNECTORS
_THE_BEFORE = re.compile(r"\bthe\s$", re.IGNORECASE)
_STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm", "tornado", "blizzard"})
_ARTICLE_NAME = re.compile(r"(?:(?:a[dlnrstz]|ash|e[dlnrst]|ul)-|[dl]['\u2019])[A-Z]")
_POSSESSIVE_END = re.compile(r"['\u2019]s$")
_CLAUSE_MARK = re.compile(r"[\n.!?]")
_LETTERS = re.compile(r"[^\W\d_]+")
_COMMA_NAME = re.compile(r",\s*[A-Z]")
_INITIAL_BEFORE = re.compile(r"(?<![.\w])[A-Z]\.\s$")
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s$")


PREFIX_HEADS = frozenset({"loch", "lake", "mount"})
"""Words before a place's name that make a feature of it: "Loch Fyne", "Lake Ohrid", "Mount Bulusan"."""
WATER_HEADS = frozenset({"firth", "sound", "gulf", "bay", "sea", "strait", "straits", "isle", "isles", "vale"})
"""Words that make a water (or an island, a vale) of the place named after them: "the Firth of Clyde"."""


def _feature_head(text: str, tokens: list[_Token], i: int) -> int | None:
    """The token that opens an unknown feature named after ``tokens[i]``: "Firth" of "Firth of Clyde", "Loch" of
    "Loch Fyne"; ``None`` when there is none. (A known feature was matched whole from its first word.)"""
    if i >= 1 and tokens[i - 1].key in PREFIX_HEADS and tokens[i - 1].cap and _joined(text, tokens[i - 1], tokens[i]):
        return i - 1
    k = i - 1
    if k >= 1 and tokens[k].key == "the" and not tokens[k].cap and text[tokens[k].end:tokens[i].start] == " ":
        k -= 1  # "the Gulf of the Farallones"
    if k >= 1 and tokens[k].key == "of" and not tokens[k].cap and text[tokens[k].end:tokens[k + 1].start] == " " \
            and tokens[k - 1].cap and tokens[k - 1].key in WATER_HEADS and _joined(text, tokens[k - 1], tokens[k]):
        return k - 1
    return None


def _joined(text: str, a: _Token, b: _Token) -> bool:
    """True when ``b`` follows ``a`` inside one name (a single space, no punctuation)."""
    gap = text[a.end:b.start]
    return gap == " " or (gap == ". " and a.key in _DOTTED_PREFIXES and a.cap)


_DOTTED_PREFIXES = frozenset({"saint", "sainte", "mount", "fort", "point"})
"""Folded "St", "Mt", "Ft", ... : their period does not end the name ("St. Louis")."""


def find_places(text: str, gazetteer: Gazetteer, *, demonyms: bool = False) -> list[PlaceMention]:
    """Place mentions in ``text``: sorted, non-overlapping, exact spans (``text[start:end]``).

    ``demonyms=True`` also returns nationality words ("Russian" with ``name="Russia"``), as
    the news benchmarks annotate them.
    """
    tokens = _tokens(text, gazetteer)
    loners = _loners(text, tokens, gazetteer)
    out: list[PlaceMention] = []
    people: set[str] = set()
    i = 0
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        if not tok.cap:
            i += 1
            continue
        match = _longest_match(text, tokens, i, gazetteer)
        if match is not None and tok.key == "the" and _longest_match(text, tokens, i + 1, gazetteer) \
                and not any(r[12] == MAIN_NAME for r in gazetteer.rows(match[1])):
            i += 1  # "the U.S.": the article is not part of the name (it is of "The Hague", "The Bronx")
            continue
        # a nationality word is no town even when a hamlet has its name ("Spanish", Ontario)
        demonym_match = _demonym_match(text, tokens, i, gazetteer)
        if demonym_match is not None and (match is None or demonym_match[0] >= match[0]):
            j, name = demonym_match
            if demonyms and _demonym_ok(text, tokens, i, j):
                start, end = tokens[i].start, tokens[j - 1].end
                out.append(PlaceMention(start, end, text[start:end], name=name))
            i = j
            continue
        if match is None:
            i += 1
            continue
        j, key = match
        j = _absorb_region_word(tokens, i, j, text, gazetteer)
        key = " ".join(t.key for t in tokens[i:j])
        head = _feature_head(text, tokens, i)
        if head is not None and (tokens[head].key not in PREFIX_HEADS or j - i > 1 or not (
                gazetteer.is_stopname(tokens[i].text) or tokens[i].key in FIRST_NAMES)):
            # "the Firth of Clyde", "Loch Fyne", "the Gulf of Uraba": a water the gazetteer lacks, named after a
            # place; the name is the whole, not the town of Clyde, Ohio (the resolver reads it as that place
            # only in a country the text is about, else lists it unresolved)
            start, end = tokens[head].start, tokens[j - 1].end
            if tokens[j - 1].text.endswith(("'s", "\u2019s")):
                end -= 2
            if out and out[-1].end > start:
                out.pop()  # "Lake" read as a town of its own a moment ago
            out.append(PlaceMention(start, end, text[start:end]))
            i = j
            continue
        verdict = _rejected(text, tokens, i, j, gazetteer, loners)
        if verdict:
            if verdict == "person" and j - i == 1 and not _runs_on(text, tokens, j):
                # One sense per document, but only for a name that ends here: in "Ted Stevens Anchorage
                # International Airport" or "United Lincolnshire Hospitals" the place is inside a longer name.
                people.add(tokens[i].key)
            i = j
            continue
        start, end = tokens[i].start, tokens[j - 1].end
        surface = text[start:end]
        name = surface
        if surface.endswith(("'s", "\u2019s")):
            name = surface[:-2]
            end -= 2
            surface = name
        elif tokens[j - 1].text.endswith(("'", "\u2019")):
            end -= 1
            surface = name = text[start:end]
        end = _abbreviation_period(text, tokens[j - 1], end, gazetteer)
        surface = text[start:end]
        out.append(PlaceMention(start, end, surface, name=name if name != surface else "",
                                metonym=_metonym(text, start, end, gazetteer, key)))
        i = j
    out = [_with_unit_word(text, m, gazetteer) for m in out]
    # One sense per document: a word seen as part of a person's name ("Kim Jong-il") is not a
    # place when it stands alone later ("Kim is expected ..."); a small town's name needs
    # support somewhere in the document ("in Harwinton", "Harwinton, Conn.").
    # In a Title Case headline every word is capitalised, so a small place's name there
    # counts only if the body names it too.
    major = [_major(text, m, gazetteer) for m in out]
    minor = [m for m, big in zip(out, major) if not big]
    headlines = _TitleCase(text)
    supported = {fold(m.query) for m, big in zip(out, major) if big}
    major_rows = [rows for m, big in zip(out, major) if big and (rows := gazetteer.rows(fold(m.query)))]
    # (a nation inside a state counts for its state: "Scotland" names GB, so "near Mallaig" is the Scottish port)
    named_countries = frozenset(rows[0][4] for rows in major_rows
                                if rows[0][5] in ("country", "admin1") or rows[0][5] == "region" and rows[0][4])
    # the countries of the places the text names outright, towns included
    place_countries = named_countries | frozenset(rows[0][4] for rows in major_rows if rows[0][4])
    supported |= {fold(m.query) for m in minor
                  if not headlines.holds(m) and _supported(text, m, gazetteer, named_countries, place_countries)}
    # A small town listed with a supported place shares its support: "toured Pepinster and Theux",
    # "Allentown, Lititz and Martinsburg".
    changed = True
    while changed:
        changed = False
        for a, b in zip(out, out[1:]):
            ka, kb = fold(a.query), fold(b.query)
            if (ka in supported) != (kb in supported) and LIST_GAP.fullmatch(text, a.end, b.start) \
                    and not headlines.holds(a) and not headlines.holds(b) \
                    and _listed_town(text, a, gazetteer) and _listed_town(text, b, gazetteer):
                supported |= {ka, kb}
                changed = True
    return [m for m in out if (fold(m.query) not in people or _TOWN_OF.search(text, max(0, m.start - 30), m.start))
            and fold(m.query) in supported]


_LIST_ITEM = r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*)?"
_COUNTY_LIST_TAIL = re.compile(
    rf"(?:\s*,\s*(?:and\s+|or\s+)?{_LIST_ITEM})*\s*,?\s+(?:and|or|&)\s+{_LIST_ITEM}\s+(?P<w>counties|parishes|rivers|departments|provinces)\b"
    r"|\s+(?P<w2>counties|parishes|rivers|departments|provinces)\b"
    r"|\s+(?P<w3>region|province|department|state|prefecture|governorate|oblast|district|county|parish|river|lake|island|"
    r"mountains|desert|valley|strait|sea|bay|peninsula)\b(?!\s+of\b)")
_UNIT_WORDS = {"counties": "County", "parishes": "Parish", "rivers": "River", "departments": "Department",
               "provinces": "Province"}
_ADMIN_UNIT_WORDS = frozenset({"county", "parish", "region", "province", "department", "state", "prefecture", "governorate",
                               "oblast", "district"})


def _with_unit_word(text: str, m: PlaceMention, gaz: Gazetteer) -> PlaceMention:
    """"Shasta and Trinity counties", "Barrow, Jackson and Walton counties", "the Valparaiso region": the
    name is a county (region, province ...), looked up as "<name> County" ("<name> Region" ...) when the
    gazetteer has that."""
    tail = _COUNTY_LIST_TAIL.match(text, m.end)
    if tail is None:
        return m
    # "Chile's Valparaiso region", "Kahramanmaras province": one name and its unit, written in lower case
    plural = tail.group("w") or tail.group("w2")
    word = _UNIT_WORDS[plural] if plural else tail.group("w3").title()
    query = f"{m.query} {word}"
    unit_rows = gaz.rows(fold(query))
    if m.query.casefold().endswith(word.casefold()) or not unit_rows:
        return m
    bare = gaz.rows(fold(m.query))
    if bare and word.casefold() in _ADMIN_UNIT_WORDS:
        if plural and bare[0][5] in ("admin1", "country"):
            return m  # "the middle of Indiana counties": the counties of a state, not Indiana County
        if unit_rows[0][11] < bare[0][11] - 1.0:
            return m  # "the Charlotte region" is the city's; Charlotte parish of St Vincent is not meant
    return PlaceMention(m.start, m.end, m.text, name=query, metonym=m.metonym)


class _TitleCase:
    """Which clauses of a text are written in Title Case: a headline's (a whole line, or the text's first clause).

    Only the clauses of the mentions asked about are looked at, each once.
    """

    def __init__(self, text: str) -> None:
        self._text = text
        self._memo: dict[int, bool] = {}

    def holds(self, m: PlaceMention) -> bool:
        """True when ``m`` lies inside one Title Case clause."""
        text = self._text
        start = max(text.rfind(c, 0, m.start) for c in "\n.!?") + 1
        end = _CLAUSE_MARK.search(text, m.start)
        end = end.start() if end else len(text)
        if m.end > end:
            return False  # the mention spans a clause mark ("St. Louis"): in no single clause
        if start > 0 and end < len(text) and text[end] != "\n":
            return False  # a sentence inside the text ("Winds lashed Cornwall on Thursday."): no headline
        if not text[end + 1:].strip():
            return False  # nothing follows: a sentence, not the headline of a story
        if start not in self._memo:
            words = [w for w in _LETTERS.findall(text, start, end) if len(w) > 3]
            self._memo[start] = len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.75 * len(words)
        return self._memo[start]


def _evidence(text: str, m: PlaceMention, gaz: Gazetteer) -> tuple[tuple, ...]:
    """The index rows the mention's surface really supports: an abbreviation counts only when written
    like one ("ACT", "Miss.", "Austin, Tex"), not as the ordinary word "Act" or the title "Miss"."""
    rows = gaz.rows(fold(m.query))
    if m.name and m.name != m.text:
        return rows
    written_short = m.text.isupper() or m.text.endswith(".") or text.startswith(".", m.end) \
        or text[max(0, m.start - 2):m.start] == ", " or text.startswith("-", m.start - 1)
    if _THE_BEFORE.search(text, max(0, m.start - 4), m.start) and not m.text.isupper():
        written_short = False  # "up from the Wash.": an abbreviation has no article
    return written_as(rows, written(text, m), short=written_short)


def written(text: str, m: PlaceMention) -> str:
    """The mention as written, with the period that ends it outside the span ("L.A" + ".")."""
    return m.text + "." if text.startswith(".", m.end) else m.text


def _alternate_only(rows: tuple[tuple, ...]) -> bool:
    """Every reading comes through an alternate name ("Human" for Uman, "Passover" for a Georgia town)."""
    return bool(rows) and all(r[12] == ALTERNATE for r in rows)


ALTERNATE_MAJOR = 500_000
"""A single word that only an alternate name ties to a town needs a locative context unless the town is
this big (Bombay, Peking, Vegas)."""


_LOCAL_KINDS = frozenset({"city", "town", "village", "admin2"})


def _hamlets(rows: tuple[tuple, ...]) -> bool:
    """Every reading is a town too small to be known by name alone ("Meadow Grove", "Holy Cross", Iowa)."""
    return all(r[5] == "city" and r[6] < HAMLET for r in rows)


def _major(text: str, m: PlaceMention, gaz: Gazetteer) -> bool:
    key = fold(m.query)
    if " " in key and _hamlets(gaz.rows(key)) and (key.split(" ", 1)[0] in FIRST_NAMES
                                                    or _CAPITAL_AFTER.match(text, m.end)):
        return False  # "Mary Alice Spaulding", "Holy Cross Cemetery": a person, a longer name
    if " " in key or (m.name and m.name != m.text) or not gaz.rows(key):
        return True
    rows = _evidence(text, m, gaz)
    if not rows:
        return False
    if _alternate_only(rows):
        return rows[0][5] not in _LOCAL_KINDS or max(r[6] for r in rows) >= ALTERNATE_MAJOR
    # A big town known by the name only as an alternate does not make a small town's own name major:
    # "Kane" is a Pennsylvania borough (and Kanye's alternate), "Lula" a Georgia town (and Lulea's).
    own = [r for r in rows if r[12] != ALTERNATE]
    return own[0][5] != "city" or own[0][6] >= 100_000 \
        or any(r[12] == ALTERNATE and r[6] >= ALTERNATE_MAJOR for r in rows)


SMALL_TOWN = 20_000
"""A single-word name whose biggest namesake is smaller than this needs a locative context."""
HAMLET = 1_000
FIRST_NAME_TOWN = 200_000

_LOCATIVE = re.compile(r"\b(?:in|at|near|from|to|outside|into|through|toward|towards|across|around|of|between|"
                       r"via|visit|visits|visited|visiting|tour|toured|touring|leave|left|reach|reached|entered|"
                       r"hit|struck|flooded|evacuated|south|north|east|west|downtown|suburban|rural|native)\W*$",
                       re.IGNORECASE)
LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or|&))\s*")
"""What separates the names of a list: "Allentown, Lititz and Martinsburg"."""


_STRONG_LOCATIVE = re.compile(r"\b(?:in|at|near|off|from|to|outside|into|through|toward|towards|via|visit|visited|"
                              r"visiting|reached|entered|(?:town|village|city|port|hamlet|settlement|township|"
                              r"suburb|district)\s+of)\W*$", re.IGNORECASE)
_TOWN_OF = re.compile(r"\b(?:town|village|city|port|hamlet|settlement|township|suburb)\s+of\s+$", re.IGNORECASE)
"""Says outright that a place follows: "the temple town of Dwarka" is a town even where "Devbhumi Dwarka" read
as a person's name."""


_CAPITAL_AFTER = re.compile(r" (?:[A-Z]|&)")


def _respelling(key: str, name: str) -> bool:
    """True when ``key`` is another spelling of ``name`` ("Duhok" of Dihok, "Hillah" of Al Hillah), not another
    word that GeoNames happens to list for the town ("Area" for Mundelein, "Market" for Marquette)."""
    own = fold(name)
    if f" {key} " in f" {own} ":
        return True
    return SequenceMatcher(None, key, own).ratio() >= 0.8


def _supported(text: str, m: PlaceMention, gaz: Gazetteer, countries: frozenset[str] = frozenset(),
               place_countries: frozenset[str] = frozenset()) -> bool:
    """``countries``: those the text names (as a country or a region); ``place_countries``: those of any place
    it names outright."""
    key = fold(m.query)
    if " " in key and not (_hamlets(gaz.rows(key)) and _CAPITAL_AFTER.match(text, m.end)) \
            or m.name and m.name != m.text:
        return True
    if not gaz.rows(key):
        return True
    rows = _evidence(text, m, gaz)
    if not rows:
        return False
    if _alternate_only(rows):
        # "Department of Human Resources": "of" is too weak for a name this indirect; but a town's other
        # spelling in a country the text is about is the town ("Hillah" beside Najaf, "Duhok" in Iraq).
        return bool(_STRONG_LOCATIVE.search(text, max(0, m.start - 24), m.start)) \
            or any(r[4] in place_countries and r[6] >= SMALL_TOWN and _respelling(key, r[1]) for r in rows)
    if any(r[5] != "city" for r in rows[:3]):
        return True
    # a town that has the name only as an alternate lends it its size only in a country the text is about
    # ("Londonderry" in an Irish story; not "Lula" for Lulea in a story of Lula's Africa tour)
    biggest = max((r[6] for r in rows if r[12] != ALTERNATE or r[6] >= ALTERNATE_MAJOR or r[4] in place_countries),
                  default=0)
    # A first name ("Kristina", "Tim") needs locative support unless it is a real city's name.
    if biggest >= (FIRST_NAME_TOWN if key in FIRST_NAMES else SMALL_TOWN):
        return True
    if _COMMA_NAME.match(text, m.end, m.end + 4) and (biggest >= HAMLET or _in_named_parent(text, m.end, rows, gaz)):
        return True  # "Harwinton, Conn."; a hamlet only in the region named ("Lytton, British Columbia" is not Iowa's)
    locative = bool(_LOCATIVE.search(text, max(0, m.start - 24), m.start))
    if biggest < HAMLET:
        # a hamlet only after a locative in a text that names its country ("near Kangerlussuaq" in a story
        # about Greenland); not after "of" ("the story of Jeremiah", "Helton of United Ambulance"), not a first
        # name, not the first word of a longer name ("in Capitol Market", "near Olive Garden")
        return bool(_STRONG_LOCATIVE.search(text, max(0, m.start - 24), m.start)) and key not in FIRST_NAMES \
            and not _CAPITAL_AFTER.match(text, m.end) and any(r[4] in countries for r in rows)
    return locative


def _longest_match(text: str, tokens: list[_Token], i: int, gaz: Gazetteer,
                   through_possessive: bool = True) -> tuple[int, str] | None:
    """The longest gazetteer name starting at ``tokens[i]``: (end token, key). A possessive ends a name unless
    a longer name goes on through it ("King's Lynn", not "Russia's Foreign Ministry")."""
    tok = tokens[i]
    if not gaz.has_prefix(tok.key) and not tok.text.endswith(("'s", "\u2019s")):
        # most words start no longer name: the loop below would stop after this one word
        return (i + 1, tok.key) if tok.cap and gaz.rows(tok.key) else None
    best: tuple[int, str] | None = None
    words: list[str] = []
    possessive_at = -1
    for j in range(i, min(i + MAX_WORDS, len(tokens))):
        tok = tokens[j]
        if j > i:
            if not _joined(text, tokens[j - 1], tok):
                break
            if not tok.cap and tok.key not in CONNECTORS and tok.key not in LOWER_TAILS:
                break
        word = tok.key
        if word.endswith("s") and tok.text.endswith(("'s", "\u2019s")):
            if through_possessive and possessive_at < 0 and gaz.has_prefix(" ".join([*words, word])):
                possessive_at = j
            else:
                word = fold(tok.text[:-2])
        words.append(word)
        key = " ".join(words)
        if (tok.cap or (j > i and tok.key in LOWER_TAILS)) and gaz.rows(key):
            best = (j + 1, key)
        if word != tok.key:
            break  # a possessive ends the name
        if not gaz.has_prefix(key):
            break
    if possessive_at >= 0 and (best is None or best[0] <= possessive_at + 1):
        return _longest_match(text, tokens, i, gaz, through_possessive=False)
    return best


def _demonym_match(text: str, tokens: list[_Token], i: int, gaz: Gazetteer) -> tuple[int, str] | None:
    if i + 1 < len(tokens) and tokens[i + 1].cap and _joined(text, tokens[i], tokens[i + 1]):
        pair = gaz.demonym(tokens[i].text + " " + tokens[i + 1].text)
        if pair:
            return i + 2, pair[0]
    single = gaz.demonym(tokens[i].text)
    if single is None and tokens[i].text.endswith("s") and len(tokens[i].text) > 4 and not gaz.rows(tokens[i].key):
        single = gaz.demonym(tokens[i].text[:-1])  # "Palestinians", "Russians"
    return (i + 1, single[0]) if single else None


_LANGUAGE_BEFORE = re.compile(r"\b(?:speak|speaks|spoke|spoken|speaking|learn|learning|learned|teach|teaches|taught|"
                              r"fluent|study|studies|studied)\s+$", re.IGNORECASE)
_LANGUAGE_AFTER = re.compile(r"\s*(?:-\s*)?(?:language|languages|speakers?|speaking|-speaking|translation|"
                             r"subtitles|lessons?|classes|class|teacher|course|version|dubbed|fluently)\b",
                             re.IGNORECASE)


def _demonym_ok(text: str, tokens: list[_Token], i: int, j: int) -> bool:
    """A demonym names a place unless it heads a person's title or names a language."""
    if i > 0 and tokens[i - 1].key in TITLES and _joined(text, tokens[i - 1], tokens[i]):
        return False
    start, end = tokens[i].start, tokens[j - 1].end
    if _LANGUAGE_AFTER.match(text, end) or _LANGUAGE_BEFORE.search(text, max(0, start - 12), start):
        return False  # "spoke only French", "English language learners"
    return True


def _absorb_region_word(tokens: list[_Token], i: int, j: int, text: str, gaz: Gazetteer) -> int:
    """Adjust the end of a match to the name as written.

    A feature word after the name belongs to it even when the gazetteer lacks the feature
    ("Kanawha River", "Jerome Township"); a trailing "City"/"State" that starts an
    organisation's name does not ("Dublin City Council", "Ohio State University").
    """
    nxt = tokens[j] if j < len(tokens) else None
    if nxt is not None and nxt.cap and nxt.key in FEATURE_WORDS and _joined(text, tokens[j - 1], nxt):
        return j + 1
    last = tokens[j - 1]
    if j - i > 1 and last.key in ("city", "state") and nxt is not None and nxt.cap and _joined(text, last, nxt):
        shorter = " ".join(t.key for t in tokens[i:j - 1])
        if gaz.rows(shorter):
            return j - 1
    return j


_UNIT_AFTER = re.compile(r"\s+(region|province|state|oblast|district|county|governorate|department)s?\b")
_LOCATIVE_JUST_BEFORE = re.compile(r"\b(?:in|near|to|from|at|outside)\s$")
_COMMA_COUNTRY = re.compile(r",\s+([A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2})")


def _in_named_country(text: str, end: int, rows: tuple[tuple, ...], gaz: Gazetteer) -> bool:
    """True when the name is followed by ", <country>" and has a reading in that country ("Ho, Ghana")."""
    m = _COMMA_COUNTRY.match(text, end)
    if m is None or not rows:
        return False
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        country = gaz.rows(fold(" ".join(words[:n])))
        if country and country[0][5] == "country":
            return any(r[4] == country[0][4] for r in rows)
    return False


def _in_named_parent(text: str, end: int, rows: tuple[tuple, ...], gaz: Gazetteer) -> bool:
    """True when the name is followed by ", <region or country>" that one of its readings lies in
    ("Atalissa, Iowa", "Falls Village, Conn.", "Mallaig, Scotland")."""
    m = _COMMA_COUNTRY.match(text, end)
    if m is None or not rows:
        return False
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        written_ = " ".join(words[:n])
        if n == len(words) and text.startswith(".", m.end()):
            written_ += "."  # "Conn."
        parents = gaz.rows(fold(written_), parent=True)
        if parents:
            names = {(r[4], fold(r[1])) for r in parents if r[5] in ("admin1", "country", "region")}
            return any((r[4], fold(r[9])) in names or any(cc == r[4] and kind_name == fold(gaz.country_name(cc))
                                                         for cc, kind_name in names) for r in rows)
    return False


def _placed_anyway(text: str, tokens: list[_Token], i: int, j: int, gaz: Gazetteer) -> bool:
    """A stopped name that the text still writes as a place: followed by its country ("Bar, Montenegro"); or,
    for a first name, with its unit after it ("the Vladimir region") or after "in" and standing alone as a big
    city's name ("searches in Vladimir, Murom and Kovrov", not "in Vladimir Putin's Russia")."""
    key = " ".join(t.key for t in tokens[i:j])
    last = tokens[j - 1]
    if _in_named_parent(text, last.end, gaz.rows(key), gaz):
        return True  # "Bar, Montenegro", "George, Western Cape", "Hope, British Columbia"
    if gaz.stop_reason(text[tokens[i].start:last.end]) != "first_name":
        return False  # a word or an organisation ("Delta") stays stopped
    unit = _UNIT_AFTER.match(text, last.end)
    if unit and gaz.rows(f"{key} {unit.group(1)}"):
        return True
    if j < len(tokens) and tokens[j].cap and _joined(text, last, tokens[j]):
        return False
    rows = gaz.rows(key)
    return bool(rows) and rows[0][5] == "city" and rows[0][6] >= FIRST_NAME_TOWN \
        and _LOCATIVE_JUST_BEFORE.search(text, max(0, tokens[i].start - 8), tokens[i].start) is not None


def _rejected(text: str, tokens: list[_Token], i: int, j: int, gaz: Gazetteer, loners: frozenset[str]) -> str:
    """Why the match ``tokens[i:j]`` is not a toponym ("" when it is one)."""
    first, last = tokens[i], tokens[j - 1]
    surface = text[first.start:last.end]
    key = " ".join(t.key for t in tokens[i:j])
    rows = gaz.rows(key)
    unpossessed = _POSSESSIVE_END.sub("", surface)
    bare = fold(unpossessed)
    coded = "." in first.text or (first.text.isupper() and bool(rows) and rows[0][5] == "country") \
        or (j - i == 1 and text[first.start - 2:first.start] == ", " and text.startswith(".", last.end)
            and gaz.is_abbreviation(key))  # the state of "Shreveport, La.", not the article "La"
    # The possessive form of a stopped name is stopped too ("NATO's eastern flank"): ``unpossessed``.
    prev_word = text[tokens[i - 1].start:first.start] \
        if i > 0 and tokens[i - 1].cap and _joined(text, tokens[i - 1], first) else ""
    next_word = text[last.end:tokens[j].end] if j < len(tokens) and tokens[j].cap and _joined(text, last, tokens[j]) else ""
    if (prev_word and gaz.is_stopname(prev_word + unpossessed)) or (next_word and gaz.is_stopname(surface + next_word)):
        return "organisation"  # "Environment Canada", "Air France", "Canada Post": named after the place
    if (((gaz.is_stopname(surface) or gaz.is_stopname(unpossessed)) and not coded)
            or (j - i == 1 and bare in COMMON_WORDS and not coded)) and not _placed_anyway(text, tokens, i, j, gaz):
        return "stopname"
    if not coded and (first.key in _COMMON_OR_CONNECTOR if j - i == 1
                      else all(t.key in _COMMON_OR_CONNECTOR for t in tokens[i:j])):
        return "stopname"
    if j - i == 1 and len(first.text) <= 2 and not first.text.isupper():
        abbreviation = text.startswith(".", last.end) and gaz.is_abbreviation(key)
        if not abbreviation and not _in_named_country(text, last.end, rows, gaz):
            return "short"
    if j - i == 1 and first.key in _STORM_WORDS and j < len(tokens) and tokens[j].cap and _joined(text, last, tokens[j]):
        return "storm"  # "Hurricane Rosa": a storm's name, not Hurricane, Utah
    if "'" in first.text or "\u2019" in first.text:
        tail = first.text.replace("\u2019", "'").rsplit("'", 1)[1].casefold()
        if tail in ("ve", "ll", "re", "d", "m", "t"):
            return "contraction"
    if first.text.isupper() and len(first.text) > 3 and not _all_caps_context(tokens, i) and not first.sent_start \
            and not text.startswith(",", last.end):
        # A shouted word in a headline of lower-case text is fine; an acronym like "NATO" is not a place.
        if not rows or rows[0][5] not in ("country", "admin1", "continent"):
            return "acronym"
    if j - i == 1 and first.text.isupper() and len(first.text) <= 5 and text[first.start - 1:first.start] == "(" \
            and text.startswith(")", last.end):
        return "acronym"  # "LINCOLN, England (PA) -": a news agency's credit, not Pennsylvania
    prev = tokens[i - 1] if i > 0 else None
    before = text[max(0, first.start - 12):first.start]
    if _VESSEL_BEFORE.search(text, max(0, first.start - 40), first.start):
        return "vessel"  # "aboard the Belem", "the icebreaker Nuyina": a ship named after a place
    if last.text.endswith(("'s", "\u2019s")) and _BUILDING_AFTER.match(text, last.end):
        return "building"  # "St George's Chapel", "St Paul's Cathedral"
    if j - i == 1 and _KIN_BEFORE.search(text, max(0, first.start - 24), first.start) \
            and not (rows and rows[0][5] in ("country", "admin1")):
        return "person"  # "with his wife Rania and their three children"
    if j - i == 1 and first.key in ("centre", "center") and prev is not None and prev.cap and _joined(text, prev, first):
        return "building"  # "Guildhall Arts Centre", not the French region
    if j - i == 1 and _CLUB_SUFFIX.match(text, last.end) and _sport_sentence(text, first.start, last.end):
        return "club"  # "Real Madrid will play Manchester City": the club, not the city
    if j - i == 1 and _FACILITY_IN.match(text, last.end):
        return "longer-name"  # "Evin prison in Tehran", "Lebu station in Addis Ababa": a facility in the place after
    if _EPONYM_TAIL.match(text, last.end):
        return "longer-name"  # "the Dakar Rally", "a Marshall Plan", "the Santiago Bernabeu": not the town
    if j - i == 1 and _PRODUCT_AFTER.match(text, last.end) and not last.text.endswith(("'s", "\u2019s")):
        return "product"  # "Brent crude"
    if j - i == 1 and first.key in _FEATURE_HEADS and _OF_NAME.match(text, last.end):
        return "longer-name"  # "the Gulf of Uraba", a gulf the gazetteer lacks: not the Persian Gulf
    if j - i == 1 and first.key in _GATHERINGS and _OF_NAME.match(text, last.end):
        return "event"  # "the Summit of the Americas", "the Council of Europe": Summit, New Jersey is not meant
    if prev is not None and prev.cap and prev.key in CLUB_PREFIXES and _joined(text, prev, first):
        return "club"  # "Real Madrid", "Inter Milan": a team; the city is still a place elsewhere in the text
    if prev is not None and prev.cap and prev.key in TITLES and text[prev.end:first.start] in (" ", ". "):
        return "person"
    if j - i >= 2 and first.key in ROYAL_TITLES and rows and rows[0][5] == "city" and rows[0][6] < 20_000:
        return "person"  # "the late Queen Elizabeth" (a hamlet in Saskatchewan); Prince Albert, 35,000, stays
    if _INITIAL_BEFORE.search(before):
        return "person"  # "Roy A. Nelson"
    if _YEAR_BEFORE.search(before) and j < len(tokens) and tokens[j].cap and _joined(text, last, tokens[j]):
        return "product"  # "a 2000 Ford Taurus"
    if prev is not None and _joined(text, prev, first):
        if prev.cap and (prev.key in TITLES or prev.key in FIRST_NAMES):
            return "person"
        if prev.cap and _hamlets(gaz.rows(prev.key)) and _ROLE_BEFORE.search(text, max(0, prev.start - 24), prev.start):
            return "person"  # "chief executive Stephane Israel"
        acronym = prev.text.isupper() and len(prev.text) <= 5
        possessive = prev.text.endswith(("'s", "\u2019s"))
        major = coded or bool(rows) and rows[0][5] in ("country", "admin1", "continent")
        if prev.cap and prev.key not in CONNECTORS and prev.key not in PREFIX_OK and not acronym \
                and not possessive and not major and not gaz.demonym(prev.text) \
                and not (prev.sent_start and prev.key in COMMON_WORDS):
            # a surname or the tail of a longer proper noun we do not know ("Bayern Munich")
            return "person" if not rows or rows[0][5] != "city" or rows[0][6] < 100_000 else "tail"
    # "Stade de France", "Gare de l'Est", "Puerta del Sol": the name goes on past what the gazetteer knows,
    # so the first word is not a place of its own (Stade in Lower Saxony, Gare in Paris's 13th).
    if ROMANCE_TAIL.match(text, last.end) or ROMANCE_HEAD.search(text, max(0, first.start - 30), first.start):
        return "longer-name"
    nxt = tokens[j] if j < len(tokens) else None
    if nxt is not None and nxt.cap and _joined(text, last, nxt) and not last.text.endswith(("'s", "\u2019s")):
        if nxt.key in NON_PLACE_HEADS or nxt.key in STREET_WORDS or nxt.key in _FIRM_WORDS:
            return "organisation"  # "Jones Street", "Lakeshore Motors"
        if j - i == 1 and nxt.key not in FOLLOWERS and not gaz.rows(f"{first.key} {nxt.key}") \
                and (_person_cue(text, first, nxt) or (nxt.key in loners and rows and rows[0][5] == "city"
                                                       and _speaks(text, nxt.text))):
            # "Barry M. George", "Jordan Dyer, a 17-year-old", "his uncle Perry Chu"; "Nelson Mandela" when
            # "Mandela" also stands alone
            return "person"
        if j - i == 1 and first.key in FIRST_NAMES and nxt.key not in FOLLOWERS:
            city_pop = rows[0][6] if rows and rows[0][5] == "city" else None
            small = city_pop is not None and city_pop < 50_000
            unknown_surname = city_pop is not None and city_pop < 200_000 and _hamlets(gaz.rows(nxt.key))
            if small or unknown_surname or nxt.key in loners:
                return "person"  # "Jordan Dyer"; "Vladimir Putin" when "Putin" also stands alone
        # "near Cayo Costa": a village's name running on into a capitalised word the gazetteer does not
        # know is the start of a longer name (an island, a park), not the village.
        # (the size that counts is a town's by its own name: General Pico's alternate "Pico" is no help to
        # "the summit of Pico Villuercas")
        size = max((r[6] for r in rows if r[12] != ALTERNATE or r[6] >= ALTERNATE_MAJOR), default=0)
        if j - i == 1 and rows and rows[0][5] == "city" and size < LONGER_NAME_POP \
                and nxt.key not in FOLLOWERS and _hamlets(gaz.rows(nxt.key)) and not gaz.has_prefix(f"{first.key} {nxt.key}") \
                and _LOCATIVE_BEFORE.search(text, max(0, first.start - 12), first.start):
            return "longer-name"
    if j - i == 1 and rows and rows[0][5] == "city" and rows[0][6] < 100_000 and _HUMAN_VERB.match(text, last.end):
        return "person"  # "Southgate praised his players": towns do not praise (big ones are metonyms)
    if first.sent_start and j - i == 1:
        if rows and rows[0][5] == "city" and rows[0][6] < 1000:
            return "sentence-initial"  # a sentence-initial word that is only a hamlet's name is most likely a word
    return ""


_HUMAN_VERB = re.compile(r"\s+(?:praised|scored|insisted|admitted|conceded|apologi[sz]ed|thanked|smiled|laughed|"
                         r"shrugged|replied|tweeted|posted|resigned|testified|pleaded|confessed|married|"
                         r"celebrated|netted|headed|volleyed|flew|travell?ed|landed|arrived|injured|did\s+not)\b")
_PERSON_AFTER = re.compile(r",\s*\d{1,3}\s*[,;)]|,\s*(?:a|an)\s+\d{1,3}-year-old")
_ROLE_BEFORE = re.compile(
    r"\b(?:said|says|writer|reporter|driver|uncle|aunt|son|daughter|wife|husband|mother|father|brother|brothers|"
    r"sister|sisters|student|teacher|coach|officer|spokesman|spokeswoman|resident|victim|suspect|chairman|"
    r"chairwoman|director|manager|owner|friend|neighbor|neighbour|grandson|granddaughter|nephew|niece|cousin|"
    r"boyfriend|girlfriend|actor|actress|singer|player|senior|junior|sophomore|freshman|defendant|lawyer|"
    r"pastor|widow|candidate|minister|senator|governor|mayor|leader|premier|chancellor|ambassador|envoy|"
    r"commander|captain|striker|midfielder|defender|goalkeeper|quarterback|rider|cyclist|climber|skipper|"
    r"lawmaker|activist|author|journalist|novelist|poet|artist|musician|rapper|dissident|opponent|rival|"
    r"challenger|incumbent|nominee|executive|founder|president|secretary|spokesperson|official)\s+$")


def _speaks(text: str, word: str) -> bool:
    """``word`` is used as a person's surname somewhere: "Mandela said", "Mr. Mandela", "according to Mandela"."""
    w = re.escape(word)
    return bool(re.search(rf"\b{w}\s+(?:said|says|told|added|wrote|recalled)\b|\b(?:Mr|Mrs|Ms|Dr)\.?\s+{w}\b|"
                          rf"\b(?:said|says|according\s+to)\s+{w}\b", text))


def _person_cue(text: str, first: _Token, nxt: _Token) -> bool:
    """A place name followed by a capitalised word it does not form a place with, in a person's setting:
    a middle initial ("Barry M. George"), an age after ("Jordan Dyer, a 17-year-old", "Tim Lane, 46,"),
    a role noun before ("his uncle Perry Chu", "said Leslie Paige"). (Not a speech verb after: "the
    Kansas Highway Patrol said".)"""
    if len(nxt.text) == 1 and re.match(r"\.\s+[A-Z][a-z]", text[nxt.end:nxt.end + 4]):
        return True
    if _PERSON_AFTER.match(text, nxt.end):
        return True
    return bool(_ROLE_BEFORE.search(text, max(0, first.start - 24), first.start))


def _listed_town(text: str, m: PlaceMention, gaz: Gazetteer) -> bool:
    """A town of a list: town-like, or a first name that is a town's written right after "in"/"at"/"from"...
    ("rented houses in Franklin, Scottsville and Tompkinsville")."""
    if _town_like(text, m, gaz):
        return True
    rows = _evidence(text, m, gaz)
    return bool(rows) and rows[0][5] in _LOCAL_KINDS and not _alternate_only(rows) \
        and _LOCATIVE_JUST_BEFORE.search(text, max(0, m.start - 8), m.start) is not None


def _town_like(text: str, m: PlaceMention, gaz: Gazetteer) -> bool:
    """A town or county by its own name (not only by an alternate, not a first name): what a list of
    places holds ("Allentown, Lititz and Martinsburg"), unlike "Israel and Hamas" or "Lindsay and Charlotte"."""
    rows = _evidence(text, m, gaz)
    key = fold(m.query)
    return bool(rows) and rows[0][5] in _LOCAL_KINDS and not _alternate_only(rows) and key not in FIRST_NAMES


def _runs_on(text: str, tokens: list[_Token], j: int) -> bool:
    """The capitalised name goes on after token ``j - 1``."""
    return j < len(tokens) and tokens[j].cap and _joined(text, tokens[j - 1], tokens[j])


def _all_caps_context(tokens: list[_Token], i: int) -> bool:
    window = tokens[max(0, i - 3): i + 4]
    return sum(t.text.isupper() for t in window) >= 4


def _abbreviation_period(text: str, tok: _Token, end: int, gaz: Gazetteer) -> int:
    """Include the period of "Ga." / "Calif." when the name is an abbreviation, not a sentence end."""
    if end < len(text) and text[end] == "." and tok.end == end and gaz.is_abbreviation(text[tok.start:end + 1]) \
            and not (_THE_BEFORE.search(text, max(0, tok.start - 4), tok.start) and not tok.text.isupper()):
        return end + 1  # (an abbreviation has no article: "up from the Wash." ends a sentence)
    return end


# A place name that opens an organisation's name ("U.S. Geological Survey", "Chicago Police Department",
# "Denver Post") or an office ("U.S. Secretary of State", "French President") names the organisation or
# the office holder's country, not a place where something happened.
ORGANISATION_HEAD = re.compile(
    r"(?:\s+[A-Z][a-z]+){0,2}\s+(?:Survey|Army|Navy|Air Force|Marines|Coast Guard|Ministry|Department|Police|"
    r"President|Prime Minister|Secretary|Minister|Ambassador|Senator|Governor|Mayor|Chancellor|Premier|"
    r"District Judge|District Court|Circuit Court|Supreme Court|Court|Judge|Team|Olympics|Olympic Games|Games|"
    r"Marathon|Grand Prix|Open|Masters|Derby|Cup|"
    r"Times|Post|Herald|Tribune|Gazette|Council|Embassy|Consulate|Airlines|Airways|Railways?|"
    r"Bank|Institute|Agency|Service|Commission|Committee|Party|Company|Corporation|Chamber|Federation|"
    r"Association|Foundation)\b")


# A city's name standing for its team: "Liverpool beat ...", "beat Liverpool 1-0", "Madrid drew 2-2".
TEAM_AFTER = re.compile(r"\s+(?:\d{1,2}-\d{1,2}\b|(?:beat|beats|defeated|thrashed|edged|drew|lost|loses|"
                        r"(?:will|would|could)\s+play|play|plays|host|hosts)\b)")
TEAM_BEFORE = re.compile(r"\b(?:beat|beats|defeated|thrashed|edged|drew\s+with|lost\s+to|draw\s+with)\s+$")


_CLUB_SUFFIX = re.compile(r"\s+(?:City|United|Rovers|Wanderers|Athletic|Albion|Hotspur|Villa|Rangers|Celtic|FC|"
                          r"County|Town|Orient|Argyle|Wednesday|Forest)\b")
_FACILITY_IN = re.compile(r"\s+(?:prison|jail|station|airport|stadium|port|hospital|camp|mosque|church|cathedral|"
                          r"temple|base|barracks|refinery|mine|plant|factory)\s+(?:in|near|outside|at)\s+[A-Z]")
_KIN_BEFORE = re.compile(r"\b(?:his|her|their|my|our)\s+(?:\w+\s+)?(?:wife|husband|son|daughter|brother|sister|mother|"
                         r"father|uncle|aunt|cousin|nephew|niece|grandson|granddaughter|grandmother|grandfather|"
                         r"fianc[eé]e?|girlfriend|boyfriend|partner|widow|baby|child)\s+$")
_EPONYM_TAIL = re.compile(r"\s+(?:Rally|Plan|Mausoleum|Doctrine|Accords?|Agreement|Convention|Protocol|Trophy|Prize|"
                          r"Awards?|Syndrome|Bernabeu|Bernabéu)\b")
_GATHERINGS = frozenset("summit conference council congress assembly festival games siege battle treaty".split())
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_FEATURE_HEADS = frozenset("gulf bay sea lake isle isles cape strait straits".split())
_PRODUCT_AFTER = re.compile(r"\s+(?:crude|oil\s+futures|blend)\b")
SPORT_AFTER = re.compile(r"\s+(?:\d{1,2}-\d{1,2}\b|(?:were|was|have\s+been|has\s+been)\s+drawn|"
                         r"(?:will|would|could|must|can)?\s*(?:face|faces|faced|meet|meets|met|"
                         r"play|plays|played|beat|beats|defeated|thrashed|edged|lost|drew|won|host|hosts|hosted|"
                         r"took\s+on|take\s+on|takes\s+on)\b)")
SPORT_BEFORE = re.compile(r"\b(?:beat|beats|beating|defeated|thrashed|edged|drew\s+with|lost\s+to|loss\s+to|draw\s+with|"
                          r"drawn\s+(?:against|with)|paired\s+with|knocked\s+out|eliminated|"
                          r"face|faces|facing|faced|against|meet|meets|play|plays|playing|host|hosts|hosting|"
                          r"victory\s+over|win\s+over|defeat\s+to|\d{1,2}-\d{1,2}\s+(?:to|against|with))\s+$")
_SPORT_CUE = re.compile(r"\b(?:match|matches|game|games|final|semi-?finals?|quarter-?finals?|cup|league|tournament|"
                        r"draw|drawn|last\s+16|round\s+of\s+16|knockout|leg|Champions\s+League|Europa|"
                        r"championship|group|kick-?off|goals?|striker|midfielder|goalkeeper|coach|squad|fixture|"
                        r"opener|qualifier|qualifiers|innings|wickets?|Test|set|sets|\d{1,2}-\d{1,2})\b")


def _sport_sentence(text: str, start: int, end: int) -> bool:
    lo = max(text.rfind(".", 0, start), text.rfind("\n", 0, start)) + 1
    hi = min((i for i in (text.find(".", end), text.find("\n", end)) if i >= 0), default=len(text))
    return bool(_SPORT_CUE.search(text, lo, hi))


_OF_INSTITUTION = re.compile(
    r"\b(?:Bank|University|College|Institute|Museum|Academy|Council|Church|Diocese|Archdiocese|Duke|Duchess|Earl|"
    r"Prince|Princess|Bishop|Archbishop|Mayor|Governor|President|Minister|Ministry|Embassy|Consulate|Port\s+Authority)"
    r"\s+of\s+(?:the\s+)?$")
_POSSESSOR_OF = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}(([A-Z][\w-]+)(?:\s+[A-Z][\w-]+)?)")


def _metonym(text: str, start: int, end: int, gaz: Gazetteer, key: str) -> bool:
    if ORGANISATION_HEAD.match(text, end):
        return True
    rows = gaz.rows(key)
    if rows and rows[0][5] == "city" and (TEAM_AFTER.match(text, end) or TEAM_BEFORE.search(text, max(0, start - 20), start)):
        return True
    if rows and rows[0][5] in ("city", "country", "admin1", "region") \
            and (SPORT_AFTER.match(text, end) or SPORT_BEFORE.search(text, max(0, start - 20), start)) \
            and _sport_sentence(text, start, end):
        return True  # "France face Sweden in the final", "England lost 2-1 to Norway": the teams
    rows = rows or gaz.rows(fold(text[start:end]))  # "Kenya's": the key folds to "kenyas"
    if _OF_INSTITUTION.search(text, max(0, start - 40), start):
        return True  # "the Bank of England", "the Duke of Edinburgh", "University of Texas"
    # "Kenya's Kelvin Kiptum", "Britain's Prince Harry": the country is a nationality; "Japan's Hokkaido" is a place.
    owner = _POSSESSOR_OF.match(text, end)
    if rows and rows[0][5] == "country" and owner:
        phrase, first = owner.group(1), owner.group(2)
        first_rows = gaz.rows(fold(first))
        major = bool(first_rows) and (first_rows[0][5] != "city" or first_rows[0][6] >= 100_000)
        if not gaz.rows(fold(phrase)) and not major and not gaz.demonym(first):
            return True
    if not rows or rows[0][5] not in ("country", "city"):
        return False
    if rows[0][5] == "city" and rows[0][6] < 300_000:
        return False
    return bool(GOVERNMENT_VERBS.match(text, end))


# --- names the gazetteer does not know -----------------------------------------------------------------------

_UNKNOWN_AFTER = re.compile(
    r"(?:\b(?:in|at|on|near|outside|to|from|towards|toward|via|into|between)\s+(?:the\s+(?:town|township|suburb|"
    r"neighbou?rhood|village|city|island|port|settlement|region|district|area|outskirts|hamlet)\s+of\s+|the\s+)?"
    r"|\b(?:[Tt]he|[Aa])\s+(?:[A-Z][a-z]+\s+)?(?:town|township|village|hamlet|community|settlement|suburb|island|"
    r"port)\s+of\s+)"
    r"(?P<name>[A-Z][a-z]+(?:[- ][A-Z][a-z]+){0,2})(?=[\s,.;:!?)]|$)"
)
_WATER_UNKNOWN = re.compile(r"\b(?:Loch|Firth of) (?P<name>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?! [A-Z])")
_FIRM_WORDS = frozenset(fold(w) for w in """
Construction Inc Corp Corporation Company Co Ltd Group Holdings Motors Airlines Airways Industries Partners Capital
Energy Systems Technologies Media Pharmaceuticals Petroleum Steel Mining Logistics Instruments
Express Mail Rajdhani Shatabdi
""".split())
"""Last words of a firm's name: the place-like word before them is the firm's ("Lakeshore Motors")."""

_COMPANY_WORDS = frozenset(fold(w) for w in """
Construction Inc Corp Corporation Company Co Ltd Group Holdings Motors Airlines Airways Industries Partners
Capital Bank Energy Systems Technologies Media News Times Post Foundation Institute University College School
Shield Cup Trophy Prize Award Awards Festival Championship Championships League Series Open Games Summit Forum
""".split())
"""Last words of names of companies, prizes and events, which follow "at"/"in" as often as places do."""
_NOT_A_NAME = frozenset(fold(w) for w in """
January February March April May June July August September October November December Monday Tuesday Wednesday
Thursday Friday Saturday Sunday Christmas Easter Ramadan Congress Parliament Senate Court Government Christ God
English French Spanish Arabic Chinese Russian German Internet Twitter Facebook Google Instagram YouTube Reuters
Mr Mrs Ms Dr President Prime Minister King Queen Prince Princess Pope General Police Army Navy World War Olympics
""".split())


def find_unknown_places(text: str, known: Sequence[PlaceMention], gazetteer: Gazetteer) -> list[PlaceMention]:
    """Capitalised names after a locative word ("in Tegalluar", "near the village of Chilobwe") that the
    gazetteer does not hold: kept as mentions to list as unresolved (a user can pin them, an online
    geocoder can look them up) instead of vanishing. Conservative on purpose: one to three capitalised
    words, no person's titles or first names, months, days, organisations or demonyms."""
    taken = [(m.start, m.end) for m in known]
    out: list[PlaceMention] = []
    for match in _WATER_UNKNOWN.finditer(text):
        start, end = match.span()
        if not any(a < end and start < b for a, b in taken) and not gazetteer.is_stopname(match.group("name")):
            out.append(PlaceMention(start, end, match.group()))  # "Loch Fyne", "the Firth of Lorn"
            taken.append((start, end))
    for match in _UNKNOWN_AFTER.finditer(text):
        name = match.group("name")
        start, end = match.span("name")
        if any(a < end and start < b for a, b in taken):
            continue
        words = re.split(r"[- ]", name)
        first = fold(words[0])
        if first in _NOT_A_NAME or first in TITLES or first in FIRST_NAMES or first in COMMON_WORDS \
                or fold(words[-1]) in NON_PLACE_HEADS or gazetteer.is_stopname(name) or gazetteer.demonym(words[0]) \
                or not _hamlets(gazetteer.rows(fold(name))) or text.startswith(("'", "\u2019", " of "), end):
            continue
        if any(fold(w) in FOLLOWERS or fold(w) in STREET_WORDS or fold(w) in _COMPANY_WORDS for w in words[1:]):
            continue
        out.append(PlaceMention(start, end, name))
        taken.append((start, end))
    return out
