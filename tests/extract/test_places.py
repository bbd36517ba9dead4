"""Toponym recognition on the real gazetteer index: spans, names, metonyms, rejections."""

from __future__ import annotations

import pytest

from geotimeline.extract.places import find_places
from geotimeline.settings import SAMPLE_ARTICLE


def _spans(text: str, gazetteer, **kw) -> list[str]:
    mentions = find_places(text, gazetteer, **kw)
    for m in mentions:
        assert text[m.start:m.end] == m.text
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))
    return [m.text for m in mentions]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim arrived in Vladivostok on Saturday.", ["Vladivostok"]),
        ("He flew from New York to Los Angeles.", ["New York", "Los Angeles"]),
        ("Russia's Foreign Ministry said so.", ["Russia"]),
        ("The shooting happened in Springfield, Ill., on Monday.", ["Springfield", "Ill."]),
        ("She grew up in Paris, Texas, and moved away.", ["Paris", "Texas"]),
        ("Officials in Rapides Parish met on Friday.", ["Rapides Parish"]),
        ("Floods hit Primorsky Krai and Karnataka.", ["Primorsky Krai", "Karnataka"]),
        ("He climbed Mount Paektu last year.", ["Mount Paektu"]),
        ("The U.S. and the Soviet Union signed it.", ["U.S.", "Soviet Union"]),
        ("President Lincoln spoke in Washington.", ["Washington"]),
        ("Vladimir Putin met Kim Jong-il in Moscow.", ["Moscow"]),
        ("Paris Hilton was not in Paris.", ["Paris"]),
        ("Mr. Austin said the plan was fine.", []),
        ("It was not clear. Will the train arrive?", []),
        ("They live on Main Street in Gainesville, Ga.", ["Gainesville", "Ga."]),
        ("Residents of Northeast Georgia were warned.", ["Georgia"]),
        ("A 2000 Ford Taurus was found in Dallas.", ["Dallas"]),
        ("The Russian town of Khasan is on the border.", ["Khasan"]),
        ("Food shortages worsen in North Korea.", ["North Korea"]),
        ("Egyptian-US talks began in Athens-Clarke County.", ["US", "Athens-Clarke County"]),
        ("The FBI's Atlanta office and the Florida Highway Patrol", ["Atlanta", "Florida"]),
        ("Ms. Moayyad spoke only French when she moved to Arlington.", ["Arlington"]),
        ("Trash was found along the Kanawha River near Charleston.", ["Kanawha River", "Charleston"]),
        ("The Dublin City Council and Ohio State University met.", ["Dublin", "Ohio"]),
        # An abbreviation counts only when written like one: not the word "Act" or the title "Miss".
        ("Farmers are exempt from Clean Air Act fees.", []),
        ("Miss Cordiner said she hoped to win.", []),
        ("Nancy Pelosi, D-Calif, told colleagues.", ["Calif"]),
        # A word tied to a place only by an alternate name needs a locative before it.
        ("The state Department of Human Resources testified.", []),
        ("Passover traditions spread through many homes.", []),
        # A place name in a person's setting: a middle initial, an age, a role noun before.
        ("The house had been leased to Barry M. George, 46, last year.", []),
        ("Jordan Dyer, a 17-year-old student, won the prize.", []),
        ("His uncle Perry Chu attended the school in Lexington.", ["Lexington"]),
        # A place inside a longer name stays a place elsewhere in the text; "The Hague" keeps its article.
        ("United Lincolnshire Hospitals said. Floods hit Lincolnshire on Monday.", ["Lincolnshire"]),
        ("Flights landed at Ted Stevens Anchorage International Airport. Snow fell in Anchorage, Alaska.",
         ["Anchorage", "Alaska"]),
        ("Fan zones will open in The Hague on Thursday.", ["The Hague"]),
        # A small town listed with a supported one shares its support.
        ("Trump held rallies in Allentown, Lititz and Martinsburg.", ["Allentown", "Lititz", "Martinsburg"]),
        # Organisations, products and buildings named after places.
        ("Texas Instruments said profits rose. The Red Cross in Libya helped.", ["Libya"]),
        ("Brent crude rose in early trading in London on Monday.", ["London"]),
        ("Tickets for the show at the Guildhall Arts Centre in Grantham went on sale on Monday.", ["Grantham"]),
        ("Leaders met at the Summit of the Americas in Los Angeles on Friday.", ["Los Angeles"]),
        ("The Coromandel Express derailed near Bhadrak on Monday.", ["Bhadrak"]),
        ("With his wife Rania and their three children, he took a minibus to the border.", []),
        ("Real Madrid will play Manchester City in the last 16 in Manchester on March 6.", ["Manchester"]),
        ("He is held at Evin prison in Tehran.", ["Tehran"]),
        ("He extended his lead in the Dakar Rally on Wednesday in Salta.", ["Salta"]),
        ("Real Madrid play at the Santiago Bernabeu in Madrid.", ["Madrid"]),
        # A surname used alone elsewhere makes the place-named first name a person's.
        ("Nelson Mandela visited Soweto. Mandela said he was happy.", ["Soweto"]),
        # A hamlet after a locative, in a text that names its country.
        ("The team landed in Greenland on Monday and set up camp near Kangerlussuaq on Tuesday.",
         ["Greenland", "Kangerlussuaq"]),
        # Counties of Britain and Ireland, in their English forms.
        ("Flooding hit Ennis, Co. Clare, and parts of County Down.", ["Ennis", "Clare", "County Down"]),
        ("Police in West Yorkshire and Greater Manchester closed roads.", ["West Yorkshire", "Greater Manchester"]),
        # Lower-case particles inside names: Swahili/Arabic "es", Dutch "op", "aan den", German "ob der".
        ("Lula flew from Nairobi to Dar es Salaam, Tanzania, on Friday.", ["Nairobi", "Dar es Salaam", "Tanzania"]),
        ("They drove to Bergen op Zoom and Alphen aan den Rijn.", ["Bergen op Zoom", "Alphen aan den Rijn"]),
        # The head of "X-based", "X-born", "X-bound" is the place.
        ("Geneva-based STMicroelectronics cut its outlook.", ["Geneva"]),
        ("A London-born singer boarded a Paris-bound train.", ["London", "Paris"]),
        # A small town's own name does not borrow the size of a big town that has it only as an alternate
        # name: "Kane" (Kanye, Botswana), "Ben" (Bern); towns do not score, praise or fly.
        ("Kane scored on Sunday.", []),
        ("Southgate praised his players on Sunday.", []),
        ("Former leader Ben O'Connor of Australia fell to fifth.", ["Australia"]),
        ("Police in Kane, Pa., said the road was closed.", ["Kane", "Pa."]),
        # A club's name does not take its city away from the rest of the text.
        # a hamlet's name (and a town's alternate) running on into an unknown word after "the summit of"
        ("O'Connor won alone at the summit of Pico Villuercas in Extremadura.", ["Extremadura"]),
        # a role noun before a first name that is also a city's
        ("Former minister Orlando Letelier was killed in Washington.", ["Washington"]),
        ("Conservative candidate Mariana Salcedo claimed victory in Quito.", ["Quito"]),
        ("Arianespace chief executive Stephane Israel spoke in Paris.", ["Paris"]),
        ("Floods hit the Northern Rivers region of New South Wales.", ["Northern Rivers", "New South Wales"]),
        # a hyphenated name before a facility word is the facility's
        ("Georgia beat South Carolina at Williams-Brice Stadium.", ["Georgia", "South Carolina"]),
        ("Harry Kane joined Bayern Munich last year. Romania play the Netherlands in Munich on July 2.",
         ["Romania", "Netherlands", "Munich"]),
        # an Arabic article joined by a hyphen belongs to the name
        ("Drones were shot down over the Bab el-Mandeb.", ["Bab el-Mandeb"]),
        ("Trucks crossed at Bab al-Hawa into Idlib.", ["Bab al-Hawa", "Idlib"]),
        # another spelling of a town in a country the text names places in; not another word GeoNames lists
        ("Tourists visited Najaf and prefer the mountains around Duhok.", ["Najaf", "Duhok"]),
        ("The fight for Avdiivka lasted months, Ukraine said.", ["Avdiivka", "Ukraine"]),
        ("The Mundelein council met in the Area office.", ["Mundelein"]),
        # a nationality word is no town even where a hamlet has its name; a country's plural name stays a place
        ("Spanish parts makers met in Madrid.", ["Madrid"]),
        ("Typhoon Kristine crossed the Philippines.", ["Philippines"]),
        # a possessive inside a name the gazetteer holds whole
        ("The tide rose in King's Lynn on Monday.", ["King's Lynn"]),
        # a first name that is a big city's, written as a place; a possessive before "crude" is a country
        ("Searches were carried out in Vladimir, Murom and Kovrov.", ["Vladimir", "Murom", "Kovrov"]),
        ("He met Vladimir Putin in Moscow.", ["Moscow"]),
        ("Officials arrested the deputy governor of the Vladimir region.", ["Vladimir"]),
        ("Venezuela's crude exports rose while Brent crude fell.", ["Venezuela"]),
        # an alternate name lends a town's size only in a country the text is about
        ("Lula left Nairobi for Pretoria on Monday.", ["Nairobi", "Pretoria"]),
        # towns do not arrive
        ("Lula arrived in Nairobi on Wednesday.", ["Nairobi"]),
        # an elided French article inside a name; a short name or common word followed by its country
        ("Cocoa prices rose in Côte d'Ivoire and Ghana.", ["Côte d'Ivoire", "Ghana"]),
        ("Floods hit Bar, Montenegro, and Ho, Ghana, on Monday.", ["Bar", "Montenegro", "Ho", "Ghana"]),
        ("Fires near George, Western Cape, and Hope, British Columbia.", ["George", "Western Cape", "Hope",
                                                                        "British Columbia"]),
        # a feature word after a name belongs to it, known or not
        ("The pipeline threatens wildlife around Murchison Falls in Uganda.", ["Murchison Falls", "Uganda"]),
        ("Residents of China, Maine, piled sandbags on the shore of China Lake.", ["China", "Maine", "China Lake"]),
        # a storm's name is no town
        ("The remnants of Hurricane Rosa dumped rain on Texas.", ["Texas"]),
        ("Hurricane Florence hit Wilmington.", ["Wilmington"]),
        # capitals without periods are initials: "Act" is no Australian Capital Territory
        ("He cited the Clean Water Act. The Act was passed in Canberra.", ["Canberra"]),
        ("Bushfires burned in the ACT and NSW on Monday.", ["ACT", "NSW"]),
        # a water named after a place is the whole name, known or not ("Clyde" alone would be a town in Ohio)
        ("The ferry crossed the Firth of Clyde to Dunoon.", ["Firth of Clyde", "Dunoon"]),
        ("Struga lies on the shores of Lake Ohrid.", ["Struga", "Lake Ohrid"]),
        # a list after "in" shares its support even when its first town is also a first name; "Ski" is a word
        ("Pills were kept in Franklin, Scottsville and Tompkinsville.", ["Franklin", "Scottsville", "Tompkinsville"]),
        ("Ski areas were celebrating in Vermont.", ["Vermont"]),
        # the Arabic article before a sun letter, as GeoNames or as news writes it
        ("Shelling hit Jisr al-Shughur, then As Sulaymaniyah.", ["Jisr al-Shughur", "As Sulaymaniyah"]),
        # "the town of X" says a place follows, even where X also ended a name read as a person's
        ("Villages in Purba Bardhaman flooded and the town of Bardhaman closed.", ["Bardhaman"]),
        ("Fishermen in the Gulf of Uraba sheltered in Turbo.", ["Gulf of Uraba", "Turbo"]),
        # Scotland and Wales name the country a hamlet must lie in: "near Mallaig", "in Porth"
        ("Ferries from Oban were cancelled near Mallaig as storms hit Scotland.", ["Oban", "Mallaig", "Scotland"]),
        ("Floods hit homes in Porth, Wales said.", ["Porth", "Wales"]),
        # a hamlet's name (here US postal towns) needs a real locative, and is no first word of a longer name
        ("He told the story of Jeremiah in Texas.", ["Texas"]),
        ("They met near Olive Garden in Dallas, Texas.", ["Dallas", "Texas"]),
        ("A plane crashed into Holy Cross Cemetery in Butte, Montana.", ["Butte", "Montana"]),
        ("The fire started in Tennessee Colony, Texas.", ["Tennessee Colony", "Texas"]),
    ],
)
def test_spans(gazetteer, text: str, expected: list[str]) -> None:
    assert _spans(text, gazetteer) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The Russian town of Khasan", [("Russian", "Russia"), ("Khasan", "")]),
        ("North Korean leader Kim", [("North Korean", "North Korea")]),
    ],
)
def test_demonyms_only_on_request(gazetteer, text: str, expected: list[tuple[str, str]]) -> None:
    found = find_places(text, gazetteer, demonyms=True)
    assert [(m.text, m.name) for m in found] == expected
    assert all(m.text != "Russian" for m in find_places(text, gazetteer))


def test_possessive_span_excludes_the_s(gazetteer) -> None:
    text = "Russia\u2019s eastern ports and China's border."
    names = [(m.text, m.query) for m in find_places(text, gazetteer)]
    assert ("Russia", "Russia") in names and ("China", "China") in names
    # ... unless the gazetteer holds a longer name going on through the possessive
    assert [m.text for m in find_places("Exports from Russia\u2019s Far East grew.", gazetteer)] == ["Russia\u2019s Far East"]


@pytest.mark.parametrize(
    ("text", "place", "metonym"),
    [
        ("Moscow would send 50,000 metric tons of grain.", "Moscow", True),
        ("Washington said the talks had failed.", "Washington", True),
        ("Beijing warned against the sale.", "Beijing", True),
        ("Kim travelled to Moscow by train.", "Moscow", False),
        ("Beijing is a large city.", "Beijing", False),
        ("The quake hit Gaziantep, the U.S. Geological Survey said.", "U.S.", True),
        ("He spoke to the Chicago Police Department on Monday.", "Chicago", True),
        ("The flight landed at Denver International Airport.", "Denver", False),
        ("U.S. Secretary of State Antony Blinken will travel to Seoul.", "U.S.", True),
        ("Biden flew to Seoul on Sunday.", "Seoul", False),
    ],
)
def test_metonymy(gazetteer, text: str, place: str, metonym: bool) -> None:
    found = {m.text: m.metonym for m in find_places(text, gazetteer)}
    assert found[place] is metonym


def test_seed_article(gazetteer) -> None:
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    found = find_places(text, gazetteer)
    names = {m.text for m in found}
    assert {"Russia", "Khasan", "Vladivostok", "Moscow", "Pyongyang", "Mount Paektu", "North Korea"} <= names
    assert not names & {"Kim", "Dmitry", "Medvedev", "Putin", "Vladimir", "Richard", "Joanna"}
    assert any(m.text == "Moscow" and m.metonym for m in found)
    assert any(m.text == "Moscow" and not m.metonym for m in found)


def test_empty_text(gazetteer) -> None:
    assert find_places("", gazetteer) == []
    assert find_places("no capitals here at all.", gazetteer) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A state of emergency in Shasta and Trinity counties.", {"Shasta": "Shasta County", "Trinity": "Trinity County"}),
        ("The rate in Barrow, Jackson and Walton counties rose.",
         {"Barrow": "Barrow County", "Jackson": "Jackson County", "Walton": "Walton County"}),
        ("Flooding hit Terrebonne and Orleans parishes.", {"Terrebonne": "Terrebonne Parish", "Orleans": "Orleans Parish"}),
        # one name and its unit in lower case
        ("Fires swept across the Valparaiso region on Friday.", {"Valparaiso": "Valparaiso Region"}),
        ("He grew up in upstate New York state.", {"New York": "New York State"}),
        # no list of counties: the names stand as written
        ("Jackson met voters in Walton on Friday afternoon.", {"Walton": "Walton"}),
    ],
)
def test_names_in_a_list_of_counties_are_counties(gazetteer, text: str, expected: dict[str, str]) -> None:
    found = {m.text: m.query for m in find_places(text, gazetteer)}
    assert {k: found.get(k) for k in expected} == expected


@pytest.mark.parametrize(
    ("text", "places", "teams"),
    [
        # a name that goes on in French or Spanish is a longer name we do not know
        ("They won at the Stade de France on Saturday.", ["Stade de France"], []),  # a curated landmark
        ("The train left from the Gare de l'Est.", [], []),
        ("The race starts in the Puerta del Sol in Madrid.", ["Madrid"], []),
        ("He flew to Rio de Janeiro.", ["Rio de Janeiro"], []),
        ("The storm made landfall near Cayo Costa on Wednesday.", [], []),
        # a club's name does not make its city a person's name elsewhere
        ("Real Madrid beat Liverpool 1-0. The team flew back to Madrid on Sunday.", ["Liverpool", "Madrid"], ["Liverpool"]),
        ("Madrid drew 2-2 with Sevilla.", ["Madrid", "Sevilla"], ["Madrid", "Sevilla"]),
        ("He flew to Liverpool on Monday.", ["Liverpool"], []),
        # a royal title with a name is a person, unless the place is a real town
        ("The late Queen Elizabeth stayed near Nyeri.", ["Nyeri"], []),
        ("He flew to Prince Albert on Monday.", ["Prince Albert"], []),
        # ships and buildings named after places
        ("The flame reached Marseille aboard the Belem, a three-masted ship.", ["Marseille"], []),
        ("A service was held at St George's Chapel in Windsor.", ["Windsor"], []),
    ],
)
def test_longer_names_clubs_and_royals(gazetteer, text: str, places: list[str], teams: list[str]) -> None:
    found = find_places(text, gazetteer)
    assert [m.text for m in found] == places
    assert [m.text for m in found if m.metonym] == teams


@pytest.mark.parametrize(
    ("text", "place", "metonym"),
    [
        ("Kenya's Kelvin Kiptum won in Chicago.", "Kenya", True),  # a nationality
        ("Japan's Hokkaido was hit by snow.", "Japan", False),  # a place in a place
        ("The Bank of England raised rates.", "England", True),
        ("The Duke of Edinburgh visited Cardiff.", "Edinburgh", True),
        ("Because of the Paris Olympics, the race ends in Nice.", "Paris", True),
        ("U.S. District Judge Sarah Jackson set sentencing for June 9.", "U.S.", True),
        ("He flew to Nice on Monday.", "Nice", False),
    ],
)
def test_nationalities_institutions_and_events_are_not_literal(gazetteer, text: str, place: str, metonym: bool) -> None:
    found = {m.text: m.metonym for m in find_places(text, gazetteer)}
    (hit,) = [k for k in found if k.startswith(place)]
    assert found[hit] is metonym


@pytest.mark.parametrize(
    ("text", "places"),
    [
        ("The goal came at Mercedes-Benz Stadium in Atlanta.", ["Atlanta"]),
        ("The race finishes on the Champs-Elysees.", ["Champs-Elysees"]),  # the avenue, not Champs-sur-Marne
        ("Flights between Dallas-Fort Worth and Egypt resumed.", ["Dallas", "Fort Worth", "Egypt"]),
    ],
)
def test_hyphenated_brands_and_names(gazetteer, text: str, places: list[str]) -> None:
    assert [m.text for m in find_places(text, gazetteer)] == places


@pytest.mark.parametrize(
    ("text", "unknown"),
    [
        ("Mudslides buried homes near the township of Chilobwe on Monday.", ["Chilobwe"]),
        ("The survivors reached Elephant Island in April.", []),  # "reached" is no locative word
        ("The survivors landed on Elephant Island in April.", ["Elephant Island"]),
        # not names of places: months, people's titles and first names, companies, possessives, known places
        ("The trial opens in January.", []),
        ("He spoke to President Biden.", []),
        ("She works at Lamar Construction.", []),
        ("Talks in Paris failed.", []),
        ("Voting ends on Saturday's deadline in Tbilisi.", []),
        # a loch or firth the gazetteer lacks is listed as what it is called
        ("Salmon farms on Loch Hourn were hit.", ["Loch Hourn"]),
    ],
)
def test_names_the_gazetteer_lacks_after_a_locative_word(gazetteer, text: str, unknown: list[str]) -> None:
    from geotimeline.extract.places import find_unknown_places

    known = find_places(text, gazetteer)
    assert [m.text for m in find_unknown_places(text, known, gazetteer)] == unknown


@pytest.mark.parametrize(
    ("text", "teams"),
    [
        ("France will face Sweden in the final in Paris on Sunday.", {"France", "Sweden"}),
        ("England lost 2-1 to Norway in Oslo.", {"England", "Norway"}),
        ("Ukraine will meet Poland in the group stage in Warsaw.", {"Ukraine", "Poland"}),
        ("Barcelona were drawn against Napoli in the last 16.", {"Barcelona", "Napoli"}),
        ("Arsenal beat Leeds United 2-0 in the cup in London.", set()),
        # no sport in the sentence: countries, not teams
        ("The EU imposed sanctions against Russia on Monday.", set()),
        ("Germany hosted the summit in Berlin.", set()),
    ],
)
def test_national_teams_in_sport_are_metonyms(gazetteer, text: str, teams: set[str]) -> None:
    assert {m.text for m in find_places(text, gazetteer) if m.metonym} == teams


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        # organisations named after a country
        ("Environment Canada forecast a cold front. A letter from Canada Post reached Ottawa.", "Canada", "Ottawa"),
        ("Air France flew the team to Paris.", "France", "Paris"),
    ],
)
def test_organisations_named_after_places(gazetteer, text: str, absent: str, present: str) -> None:
    found = [m.text for m in find_places(text, gazetteer)]
    assert absent not in found and present in found


def test_an_unknown_town_named_as_one_is_kept_for_the_unresolved_list(gazetteer) -> None:
    from geotimeline.extract.places import find_unknown_places

    text = "The town of Lytton, British Columbia, was destroyed by fire in 2021."
    known = find_places(text, gazetteer)
    assert [m.text for m in find_unknown_places(text, known, gazetteer)] == ["Lytton"]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        # a feature word heading a longer name the gazetteer lacks is not the Persian Gulf
        ("Speedboats crossed the Gulf of Chiriqui on Monday.", "Gulf"),
        # an abbreviation has no article: "the Wash." ends a sentence, it is not Washington
        ("The tide pushed sea water up from the Wash. A rest centre opened in Spalding.", "Wash."),
    ],
)
def test_generic_heads_and_articles_are_no_places(gazetteer, text: str, absent: str) -> None:
    assert absent not in _spans(text, gazetteer)
