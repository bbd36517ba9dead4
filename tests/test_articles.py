"""Whole articles beyond the seed: a papal tour, a train journey, an earthquake, a stage race, a voyage.

The articles in ``tests/articles/`` were written for this suite in the style of wire copy (datelines,
weekday-only dates, headlines, agency credits); they stand in for the held-out news we are scored on.
Each table row is one fact a reader of the article would check on the map or the timeline.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest
from geopy.distance import geodesic

from geotimeline.models import Story

ARTICLES = Path(__file__).parent / "articles"


@pytest.fixture(scope="module")
def story_of(gazetteer, tmp_path_factory):
    from geotimeline.ingest import load_article
    from geotimeline.settings import Settings
    from geotimeline.story import build_story

    isolated = Settings.from_env(cache_dir=str(tmp_path_factory.mktemp("cache")))

    @cache
    def build(name: str) -> Story:
        return build_story([load_article(ARTICLES / f"{name}.txt")], settings=isolated, gazetteer=gazetteer)

    return build


def _place(story: Story, written: str):
    return next((p for p in story.places if any(m.text == written for m in p.mentions)), None)


@pytest.mark.parametrize(
    ("article", "written", "point", "km"),
    [
        ("papal-visit-canada-2022", "Edmonton", (53.55, -113.49), 30),
        ("papal-visit-canada-2022", "Iqaluit", (63.75, -68.52), 30),
        ("papal-visit-canada-2022", "Quebec City", (46.81, -71.21), 30),
        ("papal-visit-canada-2022", "Alberta", (55.0, -115.0), 400),
        ("train-to-kyiv-2023", "Kyiv", (50.45, 30.52), 30),
        ("train-to-kyiv-2023", "Rzeszow", (50.04, 22.0), 30),
        ("train-to-kyiv-2023", "Przemysl", (49.78, 22.77), 30),
        ("train-to-kyiv-2023", "Warsaw", (52.23, 21.01), 30),
        ("earthquake-turkey-2023", "Gaziantep", (37.07, 37.38), 30),
        ("earthquake-turkey-2023", "Kahramanmaras", (37.58, 36.93), 30),
        ("earthquake-turkey-2023", "Aleppo", (36.2, 37.16), 30),
        ("earthquake-turkey-2023", "Erzincan", (39.75, 39.49), 30),
        ("tour-de-france-stage-2023", "Morzine", (46.18, 6.71), 30),
        ("tour-de-france-stage-2023", "Bilbao", (43.26, -2.93), 30),
        ("tour-de-france-stage-2023", "Paris", (48.86, 2.35), 30),
        ("icebreaker-antarctica-2024", "Hobart", (-42.88, 147.33), 30),
        ("icebreaker-antarctica-2024", "Tasmania", (-42.0, 146.6), 300),
        ("floods-brazil-undated", "Porto Alegre", (-30.03, -51.23), 30),
        ("floods-brazil-undated", "Santa Maria", (-29.68, -53.81), 30),
        ("hurricane-florida-2022", "Naples", (26.14, -81.79), 30),  # Florida's, not Italy's
        ("hurricane-florida-2022", "Charleston", (32.78, -79.93), 30),  # South Carolina's, not West Virginia's
        ("hurricane-florida-2022", "Cape Canaveral", (28.39, -80.6), 30),
        ("hurricane-florida-2022", "Florida Keys", (24.7, -81.2), 150),
        ("diplomatic-tour-2024", "Tel Aviv", (32.08, 34.78), 30),
        ("diplomatic-tour-2024", "Doha", (25.29, 51.53), 30),
        ("diplomatic-tour-2024", "Manila", (14.6, 120.98), 30),
        ("night-train-paris-berlin-2023", "Erfurt", (50.98, 11.03), 30),
        ("night-train-paris-berlin-2023", "Frankfurt", (50.11, 8.68), 30),
        ("wildfire-shasta-undated", "Shasta", (40.76, -122.04), 80),  # "Shasta and Trinity counties"
        ("wildfire-shasta-undated", "Trinity", (40.65, -123.11), 80),
        ("wildfire-shasta-undated", "REDDING", (40.59, -122.39), 30),
        ("state-visit-kenya-2023", "Mombasa", (-4.05, 39.66), 30),
        ("state-visit-kenya-2023", "Nyeri", (-0.42, 36.95), 30),
        ("floods-pakistan-2022", "Sukkur", (27.7, 68.86), 30),
        ("floods-pakistan-2022", "Sindh", (26.0, 68.8), 300),
        ("floods-pakistan-2022", "Balochistan", (28.5, 65.5), 400),
        ("floods-pakistan-2022", "Geneva", (46.2, 6.15), 30),
        ("champions-league-final-2022", "Madrid", (40.42, -3.7), 30),
        ("champions-league-final-2022", "Wembley", (51.55, -0.3), 30),
        ("trans-siberian-travelogue-2019", "Irkutsk", (52.3, 104.3), 30),
        ("trans-siberian-travelogue-2019", "Ulaanbaatar", (47.92, 106.92), 30),
        ("trans-siberian-travelogue-2019", "Lake Baikal", (53.5, 108.0), 300),
    ],
)
def test_places_are_where_the_article_means(story_of, article: str, written: str, point: tuple[float, float],
                                            km: float) -> None:
    place = _place(story_of(article), written)
    assert place is not None, f"{written} not found"
    assert geodesic(place.latlon, point).km <= km


@pytest.mark.parametrize(
    ("article", "written"),
    [
        ("train-to-kyiv-2023", "NATO"),  # "NATO's eastern flank": an alliance, not Nato in the Philippines
        ("tour-de-france-stage-2023", "Tour"),  # the race, not the city of Tours
        ("state-visit-kenya-2023", "Queen Elizabeth"),  # "the late Queen Elizabeth", not a hamlet in Canada
        ("champions-league-final-2022", "Stade"),  # "Stade de France", not Stade in Lower Saxony
    ],
)
def test_names_that_are_not_places(story_of, article: str, written: str) -> None:
    assert _place(story_of(article), written) is None


@pytest.mark.parametrize(
    ("article", "date", "status", "written"),
    [
        ("papal-visit-canada-2022", "2022-07-24", "happened", "Edmonton"),  # "on Sunday", filed Friday
        ("papal-visit-canada-2022", "2022-07-27", "happened", "Quebec City"),
        ("papal-visit-canada-2022", "2022-07-29", "happened", "Iqaluit"),
        ("papal-visit-canada-2022", "2022-09", "scheduled", "Kazakhstan"),
        ("train-to-kyiv-2023", "2023-02-18", "happened", "Rzeszow"),  # "late on Saturday"
        ("train-to-kyiv-2023", "2023-02-20", "happened", "Kyiv"),
        ("train-to-kyiv-2023", "2023-02-21", "scheduled", "Warsaw"),  # "is due to speak ... on Tuesday"
        ("earthquake-turkey-2023", "2023-02-06", "happened", "Gaziantep"),  # "at 4:17 a.m. (0117 GMT) near"
        ("earthquake-turkey-2023", "1939", "happened", "Erzincan"),
        ("earthquake-turkey-2023", "1999", "happened", "Izmit"),
        ("earthquake-turkey-2023", "2023-02-07", "expected", "Greece"),
        ("tour-de-france-stage-2023", "2023-07-15", "happened", "Annemasse"),
        ("tour-de-france-stage-2023", "2023-07-01", "happened", "Bilbao"),
        ("tour-de-france-stage-2023", "2023-07-23", "scheduled", "Paris"),
        ("tour-de-france-stage-2023", "2023-07-16", "scheduled", "Les Gets"),  # "On Sunday the riders face"
        ("icebreaker-antarctica-2024", "2023-12-28", "happened", "Hobart"),  # "left Hobart on Dec. 28"
        ("icebreaker-antarctica-2024", "2024-01-10", "happened", "Antarctica"),  # "arrived ... on Wednesday"
        ("icebreaker-antarctica-2024", "2024-03", "scheduled", "Hobart"),  # "returning to Hobart in early March"
        ("hurricane-florida-2022", "2022-09-27", "happened", "Cuba"),  # "had earlier struck ... on Tuesday"
        ("hurricane-florida-2022", "2022-09-28", "happened", "Fort Myers"),
        ("hurricane-florida-2022", "2022-09-30", "expected", "Charleston"),  # forecasters: "would regain strength and hit"
        ("hurricane-florida-2022", "2017", "happened", "Florida Keys"),
        ("diplomatic-tour-2024", "2024-03-17", "scheduled", "Seoul"),
        ("diplomatic-tour-2024", "2024-03-19", "scheduled", "Manila"),
        ("diplomatic-tour-2024", "2024-03-13", "happened", "Washington"),
        ("diplomatic-tour-2024", "2024-02", "happened", "Rio de Janeiro"),
        ("diplomatic-tour-2024", "2021-01", "happened", "South Korea"),  # "since he took office in January 2021"
        ("night-train-paris-berlin-2023", "2023-12-11", "happened", "Paris"),
        ("night-train-paris-berlin-2023", "2014", "happened", "Berlin"),
        ("state-visit-kenya-2023", "2023-10-31", "happened", "Nairobi"),
        ("state-visit-kenya-2023", "2023-11-02", "scheduled", "Mombasa"),
        ("state-visit-kenya-2023", "1952", "happened", "Nyeri"),
        ("floods-pakistan-2022", "2022-08-25", "happened", "Sukkur"),
        ("floods-pakistan-2022", "2022-08-28", "happened", "Khyber Pakhtunkhwa"),
        ("floods-pakistan-2022", "2022-08-30", "scheduled", "Geneva"),
        ("champions-league-final-2022", "2022-05-29", "happened", "Madrid"),  # "flew back to Madrid on Sunday"
        ("champions-league-final-2022", "2023-06-10", "scheduled", "Istanbul"),
        ("champions-league-final-2022", "2018", "happened", "Kyiv"),
        ("trans-siberian-travelogue-2019", "2019-06-02", "happened", "Moscow"),  # "a Sunday evening in early June"
        ("trans-siberian-travelogue-2019", "2019-06-04", "happened", "Yekaterinburg"),  # "Two days later"
        ("trans-siberian-travelogue-2019", "2019-06-14", "happened", "Ulaanbaatar"),
    ],
)
def test_dated_events(story_of, article: str, date: str, status: str, written: str) -> None:
    story = story_of(article)
    place = _place(story, written)
    assert place is not None, f"{written} not found"
    found = [(e.date.isoformat()[: len(date)], e.status) for e in story.events if e.date and place.id in e.places]
    assert (date, status) in found


@pytest.mark.parametrize(
    ("article", "written"),
    [
        ("earthquake-turkey-2023", "ISTANBUL"),  # the dateline: where the piece was filed
        ("floods-brazil-undated", "PORTO ALEGRE"),
    ],
)
def test_dateline_place_is_on_the_map_but_in_no_event(story_of, article: str, written: str) -> None:
    story = story_of(article)
    place = _place(story, written)
    assert place is not None
    lead_events = [e for e in story.events if e.sentence.startswith(written)]
    assert lead_events and all(place.id not in e.places for e in lead_events)


def test_headline_folds_into_the_news_event(story_of) -> None:
    story = story_of("earthquake-turkey-2023")
    assert not any(e.sentence.startswith("Thousands killed") and e.date is None for e in story.events)


def test_flight_then_train_journey(story_of) -> None:
    story = story_of("train-to-kyiv-2023")
    (journey,) = story.journeys
    names = [story.place(pid).name for pid in journey.stops]  # type: ignore[union-attr]
    assert names[:4] == ["Washington", "Rzeszów", "Przemyśl", "Kyiv"]
    assert [leg.mode for leg in journey.legs][:3] == ["air", "train", "train"]
    assert not journey.legs[0].inferred


def test_article_without_a_year_keeps_its_places_and_says_why(story_of) -> None:
    story = story_of("floods-brazil-undated")
    assert any("publication date" in w for w in story.warnings)
    assert {"Porto Alegre", "Santa Maria", "Rio Grande do Sul"} <= {p.name for p in story.places}


def test_tour_visits_every_city_in_order(story_of) -> None:
    story = story_of("papal-visit-canada-2022")
    (journey,) = story.journeys
    assert [story.place(pid).name for pid in journey.stops] == ["Edmonton", "Québec", "Iqaluit", "Rome"]  # type: ignore[union-attr]


def test_hosts_are_not_the_travellers_home(story_of) -> None:
    story = story_of("diplomatic-tour-2024")
    journey = next(j for j in story.journeys if "seoul" in j.stops)
    names = [story.place(pid).name for pid in journey.stops]  # type: ignore[union-attr]
    # "talks with Philippine officials" does not make Manila the start of the trip
    assert names[-2:] == ["Seoul", "Manila"] and names[0] != "Manila"
    assert "Washington" in names and not any(leg.inferred for leg in journey.legs)
    # "U.S. Secretary of State": the office's country is not where anything happened
    us = _place(story, "U.S.")
    assert us is None or not any(us.id in e.places for e in story.events)


def test_night_train_is_a_train_journey(story_of) -> None:
    story = story_of("night-train-paris-berlin-2023")
    journey = next(j for j in story.journeys if j.date == dt.date(2023, 12, 11))
    assert [story.place(pid).name for pid in journey.stops] == ["Paris", "Berlin"]  # type: ignore[union-attr]
    assert journey.mode == "train"


def test_a_four_day_state_visit_is_a_span(story_of) -> None:
    story = story_of("state-visit-kenya-2023")
    nairobi = _place(story, "Nairobi")
    assert nairobi is not None
    (arrival,) = [e for e in story.events if nairobi.id in e.places and e.date == dt.date(2023, 10, 31)]
    assert arrival.end_date == dt.date(2023, 11, 3)


def test_liverpool_the_team_is_not_where_the_final_was(story_of) -> None:
    story = story_of("champions-league-final-2022")
    liverpool = _place(story, "Liverpool")
    final = next(e for e in story.events if e.date == dt.date(2022, 5, 28))
    assert liverpool is None or liverpool.id not in final.places
    assert {story.place(pid).name for pid in final.places} >= {"Paris"}  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("article", "stops", "modes", "inferred"),
    [
        # Pyongyang -> Dandong -> ... -> Dong Dang by train, then on by car: "From Dong Dang, Kim travelled
        # the 170 km to Hanoi by car" has no date of its own but sets out from a stop of the trip
        ("train-to-hanoi-2019", ["Pyongyang", "Dandong", "Tianjin", "Wuhan", "Nanning", "Dong Dang", "Hanoi"],
         ["train"] * 5 + ["road"], False),
        # Putin's flight from Vladivostok on the same day is not a leg of Kim's train trip
        # "a flight from Santiago to Madrid was diverted to Cordoba": Madrid was the plan; then a bus, then a flight
        # (the last leg's flight is not told apart from the bus ride of its sentence: only two modes checked)
        ("flight-diverted-2023", ["Santiago", "Cordoba", "Buenos Aires", "Madrid"], ["air", "road"], False),
        # ... and Pyongyang, never named as the start, comes from "North Korean leader"
        ("train-to-vostochny-2023", ["Pyongyang", "Khasan", "Ussuriysk", "Vostochny Cosmodrome"], ["train"] * 3, True),
    ],
)
def test_leader_train_journeys(story_of, article: str, stops: list[str], modes: list[str], inferred: bool) -> None:
    story = story_of(article)
    journey = max(story.journeys, key=lambda j: len(j.stops))
    names = [story.place(pid) for pid in journey.stops]
    assert [(p.name if p.name in stops else next((m.text for m in p.mentions if m.text in stops), p.name))
            for p in names if p] == stops
    assert [leg.mode for leg in journey.legs][:len(modes)] == modes
    assert journey.legs[0].inferred is inferred


def test_a_plan_that_lay_in_the_past_is_no_journey(gazetteer, tmp_path) -> None:
    from geotimeline.ingest import article_from_text
    from geotimeline.settings import Settings
    from geotimeline.story import build_story

    text = ("Protests spread\n\nSANTIAGO, Oct. 25, 2019 - The government had planned to host the summit in "
            "Valparaiso in November 2018. On Monday the president travelled to Concepcion.")
    story = build_story([article_from_text(text)], settings=Settings(cache_dir=str(tmp_path), online=False),
                        gazetteer=gazetteer)
    stops = {pid for j in story.journeys for pid in j.stops}
    assert any("concepcion" in pid for pid in stops) and not any("valpara" in pid for pid in stops)
