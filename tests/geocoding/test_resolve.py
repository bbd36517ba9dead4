"""Toponym resolution with document context, on the real gazetteer index."""

from __future__ import annotations

import pytest
from geopy.distance import geodesic

from geotimeline.extract.places import find_places
from geotimeline.geocoding.resolve import Resolution, resolve
from geotimeline.models import PlaceMention
from geotimeline.settings import SAMPLE_ARTICLE


def _resolved(text: str, gazetteer) -> dict[str, Resolution]:
    return {r.mention.text: r for r in resolve(find_places(text, gazetteer), text, gazetteer)}


@pytest.mark.parametrize(
    ("text", "name", "point", "km"),
    [
        ("Kim arrived by train in the Russian town of Khasan, close to the North Korean border.",
         "Khasan", (42.43, 130.64), 30),
        ("Russia sent grain. Kim travelled to Moscow by train.", "Moscow", (55.75, 37.62), 30),
        ("He met Putin in the port city of Vladivostok.", "Vladivostok", (43.12, 131.89), 30),
        ("North Korea says he was born at a sacred peak known as Mount Paektu.", "Mount Paektu", (41.99, 128.08), 30),
        ("The crash happened near Springfield, Ill., on Monday.", "Springfield", (39.80, -89.64), 30),
        ("The crash happened near Springfield, Mo., on Monday.", "Springfield", (37.22, -93.30), 30),
        ("She grew up in Paris, Texas.", "Paris", (33.66, -95.56), 30),
        ("Paris is the capital of France.", "Paris", (48.86, 2.35), 30),
        # "X in Y": a reading of X inside Y wins, even against a region named elsewhere in the text
        ("Snow fell on Michigan. Utilities in Buffalo and Rochester in upstate New York sent crews.", "Rochester",
         (43.16, -77.61), 30),
        ("Fans of Patronato, a club from Parana in Entre Rios province, protested.", "Parana", (-31.73, -60.52), 30),
        # a name that says it is a sea is the sea, not the state named after it
        ("Port Sudan lies on the Red Sea, far from the fighting in Khartoum and Darfur.", "Red Sea", (20.0, 38.5), 300),
        # a British county named bare is the county (Kent, Washington has 127,000 people)
        ("Storm Ciaran lashed Kent and Cornwall on Thursday.", "Kent", (51.2, 0.7), 60),
        ("Winds lashed Cornwall on Thursday.", "Cornwall", (50.4, -4.9), 60),
        # a country's possessive before the name, and a country toured in the same sentence
        ("Floods hit Spain's Valencia on Tuesday.", "Valencia", (39.47, -0.38), 30),
        ("She lived in Leeds, Durham and Cambridge. She toured Australia, playing in Sydney and Melbourne.",
         "Melbourne", (-37.81, 144.96), 30),
        # "X departments" / "X province": the unit written after the name
        ("The deals cover plants in Potosi and Oruro departments in Bolivia.", "Potosi", (-20.6, -66.9), 60),
        ("A typhoon made landfall in Aurora province on Luzon on Sunday.", "Aurora", (15.9, 121.6), 60),
        ("Crews in Ontario were busy. Ship calls at Hamilton, the capital of Bermuda, rose.", "Hamilton",
         (32.29, -64.78), 30),
        # a district of a named big city is not what the name means when a real city has it
        ("Floods hit Belem, Manaus and Sao Paulo on Monday.", "Belem", (-1.46, -48.5), 30),
        # departments and provinces by the short name news uses (GeoNames writes "Departement du Finistere")
        ("Gusts of 180 km/h hit the coast of Finistere on Thursday.", "Finistere", (48.25, -4.0), 50),
        ("Evacuations were ordered in Eastern Samar on Monday.", "Eastern Samar", (11.6, 125.4), 60),
        # a region's biggest city named like it is the city: the canton's point is 11 km off
        ("Police in Zurich arrested two men on Monday.", "Zurich", (47.37, 8.55), 5),
        ("The University of Idaho is in Moscow, Idaho.", "Moscow", (46.73, -117.00), 30),
        ("Police in Alexandria and Pineville, in Rapides Parish, Louisiana, arrested two men.",
         "Alexandria", (31.31, -92.45), 30),
        ("Gainesville police said Hall County deputies and Atlanta officers helped.", "Gainesville",
         (34.30, -83.82), 30),
        ("Volunteers cleaned the banks of the Kanawha River in Charleston, W.Va.", "Kanawha River",
         (38.3, -81.6), 100),
        # A town and a county that can each mean many places settle each other (Paris, Tenn.).
        ("Residents of Paris and Henry County will receive a letter from the rescue squad.", "Paris",
         (36.30, -88.33), 30),
        ("Residents of Paris and Henry County will receive a letter from the rescue squad.", "Henry County",
         (36.30, -88.33), 60),
        # A region yields to a bigger city abroad, and to the sea or island it is named like.
        ("Rockets were fired from Gaza overnight, the army said.", "Gaza", (31.50, 34.47), 30),
        ("The ship sailed through the Red Sea.", "Red Sea", (20.0, 38.5), 300),
        ("Traffic on Long Island was heavy on Friday.", "Long Island", (40.8, -73.1), 60),
        # Large regions sit at their curated centre, not among their southern towns.
        ("Snow fell across Ontario on Monday.", "Ontario", (49.25, -84.5), 60),
        ("Wildfires spread in Queensland.", "Queensland", (-22.0, 144.5), 150),
        # Counties of Britain and Ireland that the packaged data lacks or names in Irish.
        ("Farmers in Mayo were told to move their cattle.", "Mayo", (53.9, -9.3), 60),
        ("Roads in Yorkshire were closed after the snow.", "Yorkshire", (54.0, -1.5), 100),
        ("Flooding hit Ennis, Co. Clare, on Tuesday.", "Clare", (52.85, -9.0), 60),
        # A region is not its own parent; "X counties" after a state's name are the state's counties.
        ("The school will open in Washington, D.C., next year.", "Washington", (38.90, -77.04), 30),
        ("Boone County is near the middle of Indiana counties.", "Indiana", (40.0, -86.25), 100),
        # "the Gulf" of news is the Persian Gulf, not Papua New Guinea's Gulf province
        ("Tensions rose in the Gulf states on Monday.", "Gulf", (27.0, 51.0), 300),
        # "X state" is the state; one state listed with it makes a name a state too
        ("It serves customers from the Kentucky border to the Georgia state line.", "Georgia", (32.75, -83.5), 150),
        ("He backs the Oregon and Washington laws on assisted dying.", "Washington", (47.5, -120.5), 200),
        # "In <country>" pins its towns against the article's mix; a name beside "X Oblast" is the city
        ("The couple landed in Sydney on Wednesday and flew on to Brisbane, Adelaide and Canberra. In New Zealand "
         "they had visited Hamilton last week.", "Hamilton", (-37.78, 175.28), 60),
        ("A state of emergency was declared in Irkutsk Oblast. The minister flew on to Irkutsk on Thursday.",
         "Irkutsk", (52.30, 104.29), 30),
        # the Y of "X, Y" is a state or country
        ("In Elmira, New York, the river destroyed the main bridge.", "New York", (43.0, -75.5), 150),
        # A list of states makes each of its names a state; a list of countries, countries.
        ("Performers came from Missouri, New York, North Carolina and Virginia.", "New York", (43.0, -75.5), 150),
        # "the X region" after a big city's name is the city's region, not a namesake parish.
        ("It is one of the biggest industrial parks in the Charlotte region, N.C. officials said.", "Charlotte",
         (35.23, -80.84), 60),
        # initials and a short form fold alike; the periods decide ("L.A." is no "La.")
        ("The band flew to L.A. on Monday.", "L.A.", (34.05, -118.24), 30),
        ("Police in Shreveport, La., arrested a man.", "La.", (31.0, -92.0), 150),
        ("He fled to Shreveport, La. on Monday.", "La.", (31.0, -92.0), 150),
        ("Fans in Sydney, N.S.W., cheered.", "N.S.W.", (-32.0, 147.0), 300),
        # two ranges share a name: the article's country chooses; a peopled island beats a suburb
        ("The stage started in Motril and crossed the Sierra Nevada before finishing in Granada.", "Sierra Nevada",
         (37.05, -3.3), 100),
        ("Snow fell in the Sierra Nevada near Lake Tahoe, California.", "Sierra Nevada", (37.5, -119.0), 300),
        ("He later moved to Rhodes.", "Rhodes", (36.17, 27.92), 60),
        # a river named like a state is no point in the state; "off" a coastal town is a locative
        ("A storm cell crossed the Tennessee River near Calvert City on Tuesday.", "Tennessee River", (34.75, -87.7),
         300),
        ("The ship picked up 87 people off Zuwara on Sunday.", "Zuwara", (32.93, 12.08), 30),
        # the European Union at its seat (the GeoNames convention); the Caribbean around its sea
        ("Cyprus joined the European Union in 2004.", "European Union", (50.84, 4.38), 30),
        ("The storm swept across the Caribbean on Monday.", "Caribbean", (15.0, -75.0), 161),
        # Antarctic islands are their own archipelagos, not the Orkneys of Scotland
        ("The ship reached the South Orkney Islands after leaving the South Shetlands.", "South Orkney Islands",
         (-60.6, -45.5), 100),
        # a generic region name with its unit word; a region named in the sentence pins its towns; an unknown
        # "X Peninsula" is by the town of X in the country the text is about
        ("The alliance won the Western Province, which includes Colombo and Gampaha, Sri Lanka's election "
         "commission said.", "Western Province", (6.9, 80.0), 100),
        ("In Entre Rios province, the fishermen of Victoria said the river had never been so low.", "Victoria",
         (-32.62, -60.15), 30),
        ("A strong quake shook the Nicoya Peninsula in Costa Rica on Tuesday.", "Nicoya Peninsula", (10.0, -85.4),
         80),
        # an apposition that says the name is a town: not the country of that name
        ("The highway to Liberia, the provincial capital, was closed after the quake in Costa Rica.", "Liberia",
         (10.63, -85.44), 30),
        ("The stage from Granada ends in the Sierra Nevada mountains.", "Sierra Nevada", (37.05, -3.3), 100),
        # a list of one state's counties; a range the gazetteer holds beats towns called Green or White
        ("Drugs were sold in Barren County, Warren County, Monroe County and Allen County, Kentucky police said.",
         "Monroe County", (36.71, -85.72), 30),
        ("Snow fell along the Green Mountains and the White Mountains.", "White Mountains", (44.15, -71.4), 60),
        ("Crowds came from Hachinohe on the other side of Aomori Prefecture.", "Aomori Prefecture", (40.8, 140.8),
         80),
        # a small town in the state the story is about beats a big namesake elsewhere; a town too small for
        # GeoNames comes from the US postal towns
        ("HELENA, Mont. (AP) - A wildfire west of Lincoln forced evacuations. Crews from Augusta joined "
         "firefighters from Great Falls.", "Lincoln", (46.96, -112.68), 30),
        ("HELENA, Mont. (AP) - A wildfire west of Lincoln forced evacuations. Crews from Augusta joined "
         "firefighters from Great Falls.", "Augusta", (47.49, -112.39), 30),
    ],
)
def test_resolution(gazetteer, text: str, name: str, point: tuple[float, float], km: float) -> None:
    r = _resolved(text, gazetteer)[name]
    assert r.best is not None
    assert geodesic((r.best.lat, r.best.lon), point).km < km, r.alternatives
    assert r.alternatives[0] == r.best
    assert 0 < r.confidence <= 1
    assert [a.score for a in r.alternatives] == sorted((a.score for a in r.alternatives), reverse=True)


def test_an_unknown_river_is_not_a_namesake_town_abroad(gazetteer) -> None:
    # "Tara River" is unknown; the towns called Tara lie in Russia, Australia, Ireland, not Montenegro
    r = _resolved("Rafters floated down the Tara River from Zabljak in Montenegro.", gazetteer)
    assert r["Tara River"].best is None
    assert r["Zabljak"].best is not None and r["Zabljak"].best.country == "ME"


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # "Firth of Thames" is not in the gazetteer: in a New Zealand story it is by the town of Thames, in a
        # Russian one it is nowhere the gazetteer knows (not on the Thames in London)
        ("Boats crossed the Firth of Thames from Auckland, New Zealand.", "Firth of Thames", "NZ"),
        ("Russian trawlers left Vladivostok for the Firth of Thames.", "Firth of Thames", None),
        # "Furnace" is another name of Easton, Massachusetts: Furnace Creek in Death Valley is not there
        ("At Furnace Creek in Death Valley, California, the thermometer reached 126 degrees.", "Furnace Creek", None),
        # a lake named after its town, and one that is not: Lake Harriet in Minneapolis is not by Harriet, Arkansas
        ("Struga lies on the shores of Lake Ohrid.", "Lake Ohrid", "MK"),
        ("Joggers circled Lake Harriet in Minneapolis, Minnesota.", "Lake Harriet", None),
    ],
)
def test_an_unknown_feature_is_read_as_its_namesake_only_among_the_texts_places(gazetteer, text: str, name: str,
                                                                                country: str | None) -> None:
    r = _resolved(text, gazetteer)
    assert (r[name].best.country if r[name].best else None) == country
    assert all(res.best is not None for n, res in r.items() if n != name)  # the rest is placed


def test_unknown_name_is_kept_and_does_not_break_the_rest(gazetteer) -> None:
    text = "Kim went from Qwzxville to Vladivostok."
    mentions = [PlaceMention(14, 24, "Qwzxville"), *find_places(text, gazetteer)]
    results = resolve(mentions, text, gazetteer)
    assert [r.mention.text for r in results] == ["Qwzxville", "Vladivostok"]
    assert results[0].best is None and results[0].alternatives == () and results[0].confidence == 0
    assert results[1].best is not None and results[1].best.country == "RU"


def test_one_sense_per_document(gazetteer) -> None:
    text = "Paris, Texas, is small. Paris has a water tower."
    results = resolve(find_places(text, gazetteer), text, gazetteer)
    paris = {(r.best.lat, r.best.lon) for r in results if r.mention.text == "Paris"}
    assert len(paris) == 1


def test_seed_article_places(gazetteer) -> None:
    """Every literal place within 30 km (regions/countries within 800 km), nothing on another continent."""
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    truth = {
        "Khasan": ((42.43, 130.64), 30), "Vladivostok": ((43.12, 131.89), 30), "Moscow": ((55.75, 37.62), 30),
        "Pyongyang": ((39.03, 125.75), 30), "Mount Paektu": ((41.99, 128.08), 30), "Beijing": ((39.91, 116.40), 30),
        "Russia": ((61.5, 105.3), 800), "North Korea": ((40.3, 127.5), 800), "China": ((35.9, 104.2), 800),
        "Siberia": ((60.0, 105.0), 800),
    }
    results = resolve(find_places(text, gazetteer), text, gazetteer)
    seen = set()
    for r in results:
        assert r.best is not None, r.mention
        assert 20 < r.best.lon < 180 and 0 < r.best.lat < 80, r  # Asia / Europe only
        if r.mention.text in truth:
            point, km = truth[r.mention.text]
            assert geodesic((r.best.lat, r.best.lon), point).km < km, r
            seen.add(r.mention.text)
    assert seen >= {"Khasan", "Vladivostok", "Moscow", "Pyongyang", "Mount Paektu", "Russia", "North Korea"}


def test_empty(gazetteer) -> None:
    assert resolve([], "", gazetteer) == []


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("The plane climbed over the Andes near Mendoza.", "Andes", "range"),  # not the town of Los Andes
        ("The ship sank in the Red Sea off Egypt.", "Red Sea", "sea"),  # not the Egyptian governorate
        ("Troops crossed the Dnipro river near Kherson.", "Dnipro", "river"),  # not the city of Dnipro
        ("He moved to Dnipro in 2014.", "Dnipro", "city"),
        ("The Georgia Public Service Commission met in Atlanta.", "Georgia", "admin1"),  # "the" alone is no cue
    ],
)
def test_names_written_like_natural_features(gazetteer, text: str, name: str, kind: str) -> None:
    from geotimeline.extract.places import find_places

    found = {r.mention.text: r.best for r in resolve(find_places(text, gazetteer), text, gazetteer)}
    assert found[name] is not None and found[name].kind == kind



@pytest.mark.parametrize(
    ("text", "lat"),
    [
        # a bare wire dateline names the well-known city, whatever the story's other places
        ("Copa match report\n\nATLANTA (Reuters) - Canada will play in Dallas and Houston, Texas, next week.", 33.75),
        # "X, State" in the dateline still decides
        ("Fair news\n\nATLANTA, Texas (AP) - The county fair in Houston and Dallas drew crowds.", 33.1),
    ],
)
def test_a_bare_dateline_city_is_the_well_known_one(gazetteer, text: str, lat: float) -> None:
    from geotimeline.extract.places import find_places

    found = {r.mention.text: r.best for r in resolve(find_places(text, gazetteer), text, gazetteer)}
    assert found["ATLANTA"] is not None and abs(found["ATLANTA"].lat - lat) < 0.5


def test_namesakes_the_article_tells_apart_stay_apart(gazetteer) -> None:
    text = "Miami beat Toledo in Oxford, Ohio, on Tuesday. On Friday the team flew to Oxford, Mississippi."
    oxfords = [r.best for r in resolve(find_places(text, gazetteer), text, gazetteer) if r.mention.text == "Oxford"]
    assert [round(b.lat) for b in oxfords] == [40, 34]
