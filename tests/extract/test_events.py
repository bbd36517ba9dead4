from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from geotimeline.extract.events import detect_mode, detect_status, extract_events, sentences, summarize
from geotimeline.models import Article, DateMention, PlaceMention

PUB = dt.date(2011, 8, 21)


def _date(text: str, phrase: str, value: str, occurrence: int = 0) -> DateMention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    if len(value) == 4:
        d, e, g = dt.date(int(value), 1, 1), dt.date(int(value), 12, 31), "year"
    elif len(value) == 7:
        y, m = map(int, value.split("-"))
        d, e, g = dt.date(y, m, 1), dt.date(y, m, 28), "month"
    else:
        d = e = dt.date.fromisoformat(value)
        g = "day"
    return DateMention(start, start + len(phrase), phrase, "DATE", value, g, d, e)


def _place(text: str, name: str, occurrence: int = 0) -> tuple[PlaceMention, str]:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(name, start + 1)
    return PlaceMention(start, start + len(name), name), name.lower().replace(" ", "-")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One. Two.", ["One.", "Two."]),
        ("Mr. Smith went to Washington. He left.", ["Mr. Smith went to Washington.", "He left."]),
        ("The U.S. Army left. Then it rained.", ["The U.S. Army left.", "Then it rained."]),
        ("Headline\nBody sentence here.", ["Headline", "Body sentence here."]),
        ('He said "Go." Then he went.', ['He said "Go."', "Then he went."]),
        ("It costs 3.5 million. Fine.", ["It costs 3.5 million.", "Fine."]),
        ("It hit at 4:17 a.m. (0117 GMT) near Gaziantep. Rescuers came.",
         ["It hit at 4:17 a.m. (0117 GMT) near Gaziantep.", "Rescuers came."]),
        ("The polls close at 8 p.m. on Sunday.", ["The polls close at 8 p.m. on Sunday."]),
        ("The quake hit at 4:17 a.m. Rescuers came.", ["The quake hit at 4:17 a.m.", "Rescuers came."]),
        ("It sailed aboard the S.A. Agulhas II on Monday. Then it rained.",
         ["It sailed aboard the S.A. Agulhas II on Monday.", "Then it rained."]),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in sentences(text)] == expected


@pytest.mark.parametrize(
    ("clause", "date", "before", "status"),
    [
        ("Kim on Saturday arrived in Russia", dt.date(2011, 8, 20), "Kim ", "happened"),
        ("Kim is expected to meet Medvedev in Siberia on Wednesday", dt.date(2011, 8, 24), "", "expected"),
        ("A meeting is due to take place during the week", dt.date(2011, 8, 22), "", "scheduled"),
        ("Russia's Foreign Ministry said on Friday", dt.date(2011, 8, 19), "Russia's Foreign Ministry said ", "reported"),
        ("Kim was reported to have stayed aboard the train", None, "", "reported"),
        ("North Korea says he was born in a secret camp", None, "", "claimed"),
        ("The summit opens on Monday", dt.date(2011, 8, 22), "", "scheduled"),
        # a date well before publication is no plan ...
        ("It will be his third visit since he took office in January 2009", dt.date(2009, 1, 1), "", "happened"),
        # ... unless the plan is told in the past
        ("The talks were due to open in May", dt.date(2011, 5, 1), "", "scheduled"),
        ("The government had planned to host the summit in March", dt.date(2011, 3, 1), "", "scheduled"),
        # "due to" as a cause is no plan
        ("The fires spread quickly due to strong winds on Friday", dt.date(2011, 8, 19), "", "happened"),
        ("Forecasters expect the storm to weaken later this week", dt.date(2011, 8, 22), "", "expected"),
        # "claimed" as a verb of saying only
        ("The fire claimed 12 lives in Lagos on Sunday", dt.date(2011, 8, 21), "", "happened"),
        ("The group claimed responsibility for the attack on Friday", dt.date(2011, 8, 19), "", "happened"),
        ("The rebels claimed they had taken the town on Friday", dt.date(2011, 8, 19), "", "claimed"),
        # a forecast is expected, not scheduled
        ("Meteorologists forecast that the wind will turn northerly on Thursday", dt.date(2011, 8, 25), "",
         "expected"),
        # an intention told in the past is still ahead
        ("Organizers said they hoped to reach Mexico City by the end of the month", dt.date(2011, 8, 31), "",
         "expected"),
    ],
)
def test_status(clause: str, date: dt.date | None, before: str, status: str) -> None:
    assert detect_status(clause, date, PUB, before) == status


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [
        ("The leader arrived by train on Saturday", "train"),
        ("Kim travelled 7,000 km by rail to Moscow", "train"),
        ("He stayed aboard the train during the meeting", "train"),
        ("The president flew to Paris", "air"),
        ("They crossed by ferry to Dover", "sea"),
        ("From Lesbos they took a ferry to Piraeus", "sea"),
        ("They took a bus to the border", "road"),
        ("The motorcade drove to the palace", "road"),
        ("He met the governor", "unknown"),
        ("The King travelled overnight on the royal train to Cardiff", "train"),
        ("The flame reached Marseille after a 12-day voyage from Greece", "sea"),
        ("The expedition left Cape Town aboard the South African icebreaker", "sea"),
        ("He rode the new line to Padalarang", "unknown"),
        # the mode said first: the bus ride, then the flight
        ("They were taken by bus to Buenos Aires, where they boarded a flight to Madrid", "road"),
    ],
)
def test_mode(sentence: str, mode: str) -> None:
    assert detect_mode(sentence) == mode


def test_summary_drops_parentheses_and_is_short() -> None:
    s = summarize("In 2001, Kim travelled over 7,000 km (4,500 miles) by train to Moscow " + "word " * 40)
    assert "(" not in s and len(s) <= 111 and s.endswith("…")


def test_two_dates_in_one_sentence_give_two_events_with_own_places_and_status() -> None:
    text = ("Russia's Foreign Ministry said on Friday that Moscow would send 50,000 metric tons of grain "
            "to North Korea by the end of September, the first shipment having been sent on Friday.")
    art = Article("a", "", text, PUB)
    dates = [
        _date(text, "Friday", "2011-08-19"),
        _date(text, "the end of September", "2011-09"),
        _date(text, "Friday", "2011-08-19", occurrence=1),
    ]
    events = extract_events(art, dates, [_place(text, "North Korea")])
    by_value = {e.date_text: e for e in events}
    assert set(by_value) == {"Friday", "the end of September"}
    assert by_value["the end of September"].status == "scheduled"
    assert by_value["the end of September"].places == ("north-korea",)
    assert by_value["Friday"].date == dt.date(2011, 8, 19)


def test_restatement_merged_with_union_of_places() -> None:
    text = ("Kim Jong-il on Saturday arrived in Russia for his first visit in a decade. "
            "The North Korean leader arrived by train on Saturday in the Russian town of Khasan.")
    art = Article("a", "", text, PUB)
    dates = [_date(text, "Saturday", "2011-08-20"), _date(text, "Saturday", "2011-08-20", occurrence=1)]
    places = [_place(text, "Russia"), _place(text, "Khasan")]
    events = extract_events(art, dates, places, point_like=frozenset({"khasan"}),
                            countries={"russia": "RU", "khasan": "RU"})
    assert len(events) == 1
    (e,) = events
    assert e.places == ("russia", "khasan")
    assert e.destination == "khasan" and e.mode == "train" and e.status == "happened" and e.travel


def test_same_day_in_different_countries_stays_apart() -> None:
    text = "On Saturday he arrived in Khasan. On Saturday she arrived in Paris."
    art = Article("a", "", text, PUB)
    dates = [_date(text, "Saturday", "2011-08-20"), _date(text, "Saturday", "2011-08-20", occurrence=1)]
    events = extract_events(art, dates, [_place(text, "Khasan"), _place(text, "Paris")],
                            countries={"khasan": "RU", "paris": "FR"})
    assert [e.places for e in events] == [("khasan",), ("paris",)]


def test_undated_sentence_with_places_is_kept() -> None:
    text = "Relations between the two countries have suffered. He was born near Mount Paektu."
    art = Article("a", "", text, PUB)
    events = extract_events(art, [], [_place(text, "Mount Paektu")])
    assert len(events) == 1 and events[0].date is None and events[0].places == ("mount-paektu",)


def test_visit_duration_becomes_a_span_from_the_arrival() -> None:
    text = ("Kim on Saturday arrived in Khasan. "
            "The visit, expected to last about a week, comes as flooding worsens.")
    art = Article("a", "", text, PUB)
    week = text.index("about a week")
    dur = DateMention(week, week + len("about a week"), "about a week", "DURATION", "P1W")
    events = extract_events(art, [_date(text, "Saturday", "2011-08-20"), dur], [_place(text, "Khasan")],
                            point_like=frozenset({"khasan"}))
    span = [e for e in events if e.end_date]
    assert len(span) == 1
    assert span[0].date == dt.date(2011, 8, 20) and span[0].end_date == dt.date(2011, 8, 27)
    assert span[0].status == "expected" and span[0].places == ("khasan",)


@pytest.mark.parametrize(
    ("text", "places", "origin", "destination"),
    [
        ("On Saturday he flew from Washington to Rzeszow.", ["Washington", "Rzeszow"], "washington", "rzeszow"),
        ("He left Kyiv on Monday and travelled back by train to Warsaw.", ["Kyiv", "Warsaw"], "kyiv", "warsaw"),
        ("On Monday she departed from the border town of Przemysl for Kyiv.", ["Przemysl", "Kyiv"], "przemysl", "kyiv"),
        ("On Monday he arrived in Kyiv.", ["Kyiv"], None, "kyiv"),
        # the origin alone: no destination is made up from it
        ("On Monday he departed Kyiv.", ["Kyiv"], "kyiv", None),
        # the place the motion goes to, not the venue named after it
        ("On Monday the team flew to Dallas for their match against Peru at Arlington.", ["Dallas", "Arlington"],
         None, "dallas"),
    ],
)
def test_origin_and_destination_of_a_trip(text: str, places: list[str], origin: str | None,
                                          destination: str | None) -> None:
    (day,) = [w for w in ("Saturday", "Monday") if w in text]
    refs = [_place(text, p) for p in places]
    (event,) = extract_events(Article("a", "", text, PUB), [_date(text, day, "2011-08-20")], refs,
                              point_like=frozenset(pid for _, pid in refs))
    assert (event.origin, event.destination) == (origin, destination)


@pytest.mark.parametrize(
    ("text", "places", "leg_modes"),
    [
        ("On Monday they travelled by bus to Buenos Aires, where they boarded a flight to Madrid.",
         ["Buenos Aires", "Madrid"], {"buenos-aires": "road", "madrid": "air"}),
        ("On Monday he flew to Tokyo and then took a train to Kyoto.", ["Tokyo", "Kyoto"],
         {"tokyo": "air", "kyoto": "train"}),
        # a "by ..." right after a stop's name is that stop's
        ("On Monday they went to Lille by train and then on to Brussels by bus.", ["Lille", "Brussels"],
         {"lille": "train", "brussels": "road"}),
        # one mode for the whole sentence: nothing per stop
        ("On Monday he flew to Tokyo and then to Osaka.", ["Tokyo", "Osaka"], {}),
    ],
)
def test_each_stop_takes_the_mode_of_its_own_stretch(text: str, places: list[str], leg_modes: dict) -> None:
    refs = [_place(text, p) for p in places]
    (event,) = extract_events(Article("a", "", text, PUB), [_date(text, "Monday", "2011-08-22")], refs,
                              point_like=frozenset(pid for _, pid in refs))
    assert dict(event.leg_modes) == leg_modes


def test_each_clause_has_its_own_mode_and_a_bare_night_keeps_the_day() -> None:
    text = ("He flew from Washington to Rzeszow late on Saturday and then boarded a train at Przemysl "
            "for the overnight journey.")
    night = text.index("overnight")
    dates = [
        _date(text, "Saturday", "2011-08-20"),
        # what the tagger says of a bare "overnight": the publication day's night
        DateMention(night, night + 9, "overnight", "TIME", "2011-08-21TNI", "time", PUB, PUB),
    ]
    refs = [_place(text, p) for p in ("Washington", "Rzeszow", "Przemysl")]
    events = extract_events(Article("a", "", text, PUB), dates, refs, point_like=frozenset(pid for _, pid in refs))
    assert [(e.date, e.mode, e.destination) for e in events] == [
        (dt.date(2011, 8, 20), "air", "rzeszow"),
        (dt.date(2011, 8, 20), "train", "przemysl"),
    ]


def test_leaving_is_not_the_arrival_of_the_same_day() -> None:
    text = "He arrived in Kyiv on Monday. He left Kyiv later on Monday and went by train to Warsaw."
    dates = [_date(text, "Monday", "2011-08-15"), _date(text, "Monday", "2011-08-15", occurrence=1)]
    refs = [_place(text, "Kyiv"), _place(text, "Kyiv", occurrence=1), _place(text, "Warsaw")]
    events = extract_events(Article("a", "", text, PUB), dates, refs, point_like=frozenset({"kyiv", "warsaw"}),
                            countries={"kyiv": "UA", "warsaw": "PL"})
    assert [(e.origin, e.destination) for e in events] == [(None, "kyiv"), ("kyiv", "warsaw")]


@pytest.mark.parametrize(
    ("headline", "folded"),
    [
        ("Thousands killed as earthquake hits Turkey", True),
        # a full sentence on the first line is not a headline
        ("An earthquake once hit Turkey.", False),
    ],
)
def test_headline_restating_the_news_is_folded_into_it(headline: str, folded: bool) -> None:
    text = f"{headline}\nA strong earthquake struck Gaziantep in Turkey on Saturday."
    refs = [_place(text, "Turkey"), _place(text, "Gaziantep"), _place(text, "Turkey", occurrence=1)]
    events = extract_events(Article("a", "", text, PUB), [_date(text, "Saturday", "2011-08-20")], refs,
                            countries={"turkey": "TR", "gaziantep": "TR"})
    assert len(events) == (1 if folded else 2)
    assert events[-1].date == dt.date(2011, 8, 20) and "gaziantep" in events[-1].places


@pytest.mark.parametrize(
    "lead",
    [
        "ISTANBUL, Aug. 21, 2011 (Reuters) - ",
        "IQALUIT, Nunavut, Aug. 21, 2011 — ",
        "Hobart, Australia, Aug. 21, 2011: ",
    ],
)
def test_dateline_date_and_place_stay_out_of_the_events(lead: str) -> None:
    text = lead + "An earthquake struck near Gaziantep on Saturday."
    city = lead.split(",")[0]
    refs = [_place(text, city), _place(text, "Gaziantep")]
    dates = [_date(text, "Aug. 21, 2011", "2011-08-21"), _date(text, "Saturday", "2011-08-20")]
    (event,) = extract_events(Article("a", "", text, PUB), dates, refs)
    assert event.date == dt.date(2011, 8, 20) and event.places == ("gaziantep",)


@pytest.mark.parametrize(
    ("lead", "city"),
    [("JOHANNESBURG - ", "JOHANNESBURG"), ("LINCOLN, England (PA) - ", "LINCOLN"), ("MIAMI (AP) -- ", "MIAMI")],
)
def test_an_undated_dateline_place_stays_out_of_the_events(lead: str, city: str) -> None:
    text = lead + "Counting in Durban neared completion on Saturday."
    refs = [_place(text, city), _place(text, "Durban")]
    (event,) = extract_events(Article("a", "", text, PUB), [_date(text, "Saturday", "2011-08-20")], refs)
    assert event.places == ("durban",)


@pytest.mark.parametrize(
    ("text", "clock", "kept"),
    [
        # a clock time beside a date times that date's happening
        ("The unit in Grantham was closed between 6.30pm and 8am in August 2016.", "6.30pm", False),
        # alone, it dates a past happening of the publication day, not opening hours
        ("The quake hit Gaziantep at 4:17 a.m.", "4:17 a.m.", True),
        ("The shop in Lincoln opens between 9am and 5pm.", "9am", False),
    ],
)
def test_a_bare_clock_time_is_no_happening_of_its_own(text: str, clock: str, kept: bool) -> None:
    place = next(p for p in ("Grantham", "Gaziantep", "Lincoln") if p in text)
    dates = [_date(text, clock, "2011-08-21")]
    if "August 2016" in text:
        dates.append(_date(text, "August 2016", "2016-08"))
    dates = [replace(d, type="TIME") if d.text == clock else d for d in dates]
    events = extract_events(Article("a", "", text, PUB), dates, [_place(text, place)])
    assert any(e.date_text == clock for e in events) == kept
    assert any(place.lower() in e.places for e in events)


def test_each_verb_group_keeps_its_status() -> None:
    text = "The ship left Hobart on Aug. 1 and was due to reach the station on Aug. 6."
    dates = [_date(text, "Aug. 1", "2011-08-01"), _date(text, "Aug. 6", "2011-08-06")]
    events = extract_events(Article("a", "", text, PUB), dates, [_place(text, "Hobart")])
    assert [(e.date_text, e.status) for e in events] == [("Aug. 1", "happened"), ("Aug. 6", "scheduled")]


@pytest.mark.parametrize(
    ("text", "places", "via", "destination"),
    [
        ("On Saturday he ended the trip with a visit to Iqaluit before flying back to Rome.",
         ["Iqaluit", "Rome"], ("iqaluit",), "rome"),
        # a place that only says where another one is, is no stop
        ("On Saturday he travelled to Maskwacis, a community south of Edmonton.", ["Maskwacis", "Edmonton"], (),
         "maskwacis"),
        ("On Saturday he arrived in Khasan, near Vladivostok.", ["Khasan", "Vladivostok"], (), "khasan"),
        # a place named after the destination is no stop on the way there
        ("On Saturday they sailed from Southampton to Fremantle and settled in Perth.",
         ["Southampton", "Fremantle", "Perth"], (), "fremantle"),
        # an arrival verb marks the end, even with the earlier stops named after it
        ("On Saturday he returned to Washington from a tour that took him to Riyadh and Cairo.",
         ["Washington", "Riyadh", "Cairo"], ("riyadh", "cairo"), "washington"),
    ],
)
def test_earlier_stops_of_a_travel_clause(text: str, places: list[str], via: tuple[str, ...], destination: str) -> None:
    refs = [_place(text, p) for p in places]
    (event,) = extract_events(Article("a", "", text, PUB), [_date(text, "Saturday", "2011-08-20")], refs,
                              point_like=frozenset(pid for _, pid in refs))
    assert (event.via, event.destination) == (via, destination)


@pytest.mark.parametrize(
    ("text", "end"),
    [
        ("The King arrived in Nairobi on Saturday for a four-day state visit.", dt.date(2011, 8, 23)),
        ("On Saturday she began a three-day trip to Khasan.", dt.date(2011, 8, 22)),
        # a trip that ended: no span forward
        ("He returned to Nairobi on Saturday from a week-long tour.", None),
    ],
)
def test_a_stay_of_n_days_spans_from_the_arrival(text: str, end: dt.date | None) -> None:
    import re as _re

    from geotimeline.extract.dates import find_dates

    dates = [d for d in find_dates(text, PUB)]
    place = _re.search(r"Nairobi|Khasan", text).group()  # type: ignore[union-attr]
    (event,) = extract_events(Article("a", "", text, PUB), dates, [_place(text, place)],
                              point_like=frozenset({place.lower()}))
    assert event.date == dt.date(2011, 8, 20) and event.end_date == end


def test_and_with_a_past_verb_starts_the_next_dates_clause() -> None:
    text = "It passed through Tianjin on Sunday and reached Nanning, near the border, on Monday evening."
    night = text.index("Monday evening")
    dates = [_date(text, "Sunday", "2011-08-14"),
             DateMention(night, night + 14, "Monday evening", "TIME", "2011-08-15TEV", "time",
                         dt.date(2011, 8, 15), dt.date(2011, 8, 15))]
    events = extract_events(Article("a", "", text, PUB), dates, [_place(text, "Tianjin"), _place(text, "Nanning")])
    assert [(e.date_text, e.places) for e in events] == [("Sunday", ("tianjin",)), ("Monday evening", ("nanning",))]


@pytest.mark.parametrize(
    ("sentence", "mode"),
    [("The armoured train crossed the border.", "train"), ("The train left at dawn.", "train"),
     ("He is training troops near the border.", "unknown")],
)
def test_a_train_as_subject_is_the_mode(sentence: str, mode: str) -> None:
    assert detect_mode(sentence) == mode


def test_two_arrivals_at_two_places_on_one_day_stay_apart() -> None:
    text = "The train reached Khasan on Tuesday. Putin arrived in Vladivostok on Tuesday."
    dates = [_date(text, "Tuesday", "2011-08-16"), _date(text, "Tuesday", "2011-08-16", occurrence=1)]
    events = extract_events(Article("a", "", text, PUB), dates, [_place(text, "Khasan"), _place(text, "Vladivostok")],
                            point_like=frozenset({"khasan", "vladivostok"}),
                            countries={"khasan": "RU", "vladivostok": "RU"})
    assert [e.destination for e in events] == ["khasan", "vladivostok"]


def test_a_possible_trip_later_this_year_is_expected_not_past() -> None:
    # "later this year" covers the year, which has not ended: not a date "well before publication"
    assert detect_status("A trip to Beijing could take place later this year", dt.date(2011, 1, 1), PUB, "",
                         dt.date(2011, 12, 31)) == "expected"



@pytest.mark.parametrize(
    ("text", "dates", "places", "expected"),
    [
        ("The King visited Edinburgh on Monday and Belfast on Tuesday.",
         [("Monday", "2011-08-15"), ("Tuesday", "2011-08-16")], ["Edinburgh", "Belfast"],
         [("Monday", ("edinburgh",)), ("Tuesday", ("belfast",))]),
        ("He will return to Eldoret on Wednesday and plans to run in Rotterdam in April.",
         [("Wednesday", "2011-08-24"), ("April", "2012-04")], ["Eldoret", "Rotterdam"],
         [("Wednesday", ("eldoret",)), ("April", ("rotterdam",))]),
        ("They toured Paris, Lyon and Nice on Saturday, and on Sunday they flew to Rome.",
         [("Saturday", "2011-08-20"), ("Sunday", "2011-08-21")], ["Paris", "Lyon", "Nice", "Rome"],
         [("Saturday", ("paris", "lyon", "nice")), ("Sunday", ("rome",))]),
    ],
)
def test_each_date_keeps_its_own_places(text: str, dates: list[tuple[str, str]], places: list[str],
                                        expected: list[tuple[str, tuple[str, ...]]]) -> None:
    events = extract_events(Article("a", "", text, PUB), [_date(text, p, v) for p, v in dates],
                            [_place(text, p) for p in places])
    assert [(e.date_text, e.places) for e in events] == expected


@pytest.mark.parametrize(
    ("sentence", "travel"),
    [("Schools in Blantyre will stay closed until Wednesday.", False),
     ("He stayed in Blantyre until Wednesday.", True),
     ("Widodo rode the train to Padalarang on Monday.", True)],
)
def test_staying_somewhere_is_travel_staying_closed_is_not(sentence: str, travel: bool) -> None:
    (event,) = extract_events(Article("a", "", sentence, PUB), [_date(sentence, "Wednesday" if "Wednesday" in sentence
                              else "Monday", "2011-08-24")], [_place(sentence, "Blantyre" if "Blantyre" in sentence
                              else "Padalarang")])
    assert event.travel is travel


def test_a_period_used_as_an_adjective_is_no_event() -> None:
    text = "The flame arrived in Marseille aboard a 19th-century ship."
    start = text.index("19th-century")
    century = DateMention(start, start + 12, "19th-century", "DATE", "18", "century", dt.date(1800, 1, 1),
                          dt.date(1899, 12, 31))
    (event,) = extract_events(Article("a", "", text, PUB), [century], [_place(text, "Marseille")])
    assert event.date is None  # the undated arrival keeps its place; 1800 is not when it happened



@pytest.mark.parametrize(
    ("text", "phrase", "value", "status"),
    [
        # a "would" of another clause does not make a fact a plan
        ("The ship was still stuck on Thursday, and the authority said it would divert traffic.", "Thursday",
         "2011-08-18", "happened"),
        ("Police lifted the curfew on Saturday and said he would reshuffle the cabinet.", "Saturday", "2011-08-20",
         "happened"),
        # a status word in the date's own clause still counts, even across a comma
        ("On Monday, the team is expected to arrive in Khasan.", "Monday", "2011-08-22", "expected"),
        ("The visit, expected to last a week, began on Saturday.", "Saturday", "2011-08-20", "happened"),
    ],
)
def test_status_comes_from_the_dates_own_clause(text: str, phrase: str, value: str, status: str) -> None:
    (event,) = extract_events(Article("a", "", text, PUB), [_date(text, phrase, value)], [])
    assert event.status == status


@pytest.mark.parametrize(
    ("text", "dates", "start", "end"),
    [
        # a bare end day after a full date, a bare start day before one
        ("The festival runs in Edinburgh from August 4 to 28.", [("August 4", "2011-08-04")],
         dt.date(2011, 8, 4), dt.date(2011, 8, 28)),
        ("The summit was held in Geneva from 3 to 5 March.", [("5 March", "2011-03-05")],
         dt.date(2011, 3, 3), dt.date(2011, 3, 5)),
        ("The final round in Geneva is July 20-23.", [("July 20", "2011-07-20")],
         dt.date(2011, 7, 20), dt.date(2011, 7, 23)),
        # two tagged ends: the year of the second goes to the first
        ("The tournament will be played in Paris from July 11 to July 14, 2024.",
         [("July 11", "2011-07-11"), ("July 14, 2024", "2024-07-14")], dt.date(2024, 7, 11), dt.date(2024, 7, 14)),
        ("He lived in Boston between 1992 and 1995.", [("1992", "1992"), ("1995", "1995")],
         dt.date(1992, 1, 1), dt.date(1995, 12, 31)),
        # a weekday end lies after the start
        ("The visit to Rome lasts from Monday to Wednesday.", [("Monday", "2011-08-22"), ("Wednesday", "2011-08-17")],
         dt.date(2011, 8, 22), dt.date(2011, 8, 24)),
    ],
)
def test_a_range_of_dates_is_one_happening_over_a_span(text: str, dates: list[tuple[str, str]], start: dt.date,
                                                       end: dt.date) -> None:
    place = next(p for p in ("Edinburgh", "Geneva", "Paris", "Boston", "Rome") if p in text)
    (event,) = extract_events(Article("a", "", text, PUB), [_date(text, t, v) for t, v in dates], [_place(text, place)])
    assert (event.date, event.end_date) == (start, end)


def test_a_clock_or_a_count_after_a_date_is_no_end_day() -> None:
    text = "The ferry left Dover on August 4 - 20 passengers were aboard."
    (event,) = extract_events(Article("a", "", text, PUB), [_date(text, "August 4", "2011-08-04")],
                              [_place(text, "Dover")])
    assert event.end_date is None


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        ("North Korean leader Kim Jong-il on Saturday arrived in Khasan. He then travelled to Moscow on Sunday.",
         ["Kim Jong-il", "Kim Jong-il"]),
        ("Running mate Kamala Harris flew to Tucson on Saturday. Vice President Mike Pence flew to Moscow on Sunday.",
         ["Kamala Harris", "Mike Pence"]),
        # the vehicle or party of the traveller told of before
        ("Kim arrived in Khasan on Saturday. The train reached Moscow on Sunday.", ["Kim", "Kim"]),
        # after a verb of saying, the subject of the travel verb
        ("Spanish officials said Pope Francis will visit Moscow on Sunday.", ["Francis"]),
    ],
)
def test_the_traveller_is_the_subject_of_the_travel_verb(text: str, actors: list[str]) -> None:
    places = [p for p in ("Khasan", "Moscow", "Tucson") if p in text]
    refs = [_place(text, p, k) for p in places for k in range(text.count(p))]
    refs.sort(key=lambda r: r[0].start)
    days = [w for w in ("Saturday", "Sunday") if w in text]
    dates = [_date(text, d, v) for d, v in zip(days, ("2011-08-20", "2011-08-21"))]
    events = extract_events(Article("a", "", text, PUB), dates, refs, point_like=frozenset(pid for _, pid in refs))
    assert [e.actor for e in events if e.travel] == actors


@pytest.mark.parametrize(
    ("text", "phrase", "value", "day"),
    [
        ("Trump will hold a rally in Kenosha on the eve of the Nov. 3 election.", "Nov. 3", "2011-11-03",
         dt.date(2011, 11, 2)),
        ("Protesters gathered in Kenosha the day after the Aug. 23 shooting.", "Aug. 23", "2011-08-23",
         dt.date(2011, 8, 24)),
    ],
)
def test_the_eve_of_a_date_is_the_day_before(text: str, phrase: str, value: str, day: dt.date) -> None:
    (event,) = extract_events(Article("a", "", text, PUB), [_date(text, phrase, value)], [_place(text, "Kenosha")])
    assert event.date == day and event.places == ("kenosha",)


def test_an_undated_leg_right_after_a_dated_one_goes_on_from_it() -> None:
    text = ("The first train pulled out of Lyon on Saturday morning. "
            "It stopped at Dijon before reaching Basel shortly after nightfall.")
    refs = [_place(text, p) for p in ("Lyon", "Dijon", "Basel")]
    events = extract_events(Article("a", "", text, PUB), [_date(text, "Saturday", "2011-08-20")], refs,
                            point_like=frozenset(pid for _, pid in refs))
    assert all(e.date == dt.date(2011, 8, 20) for e in events)
    assert {"lyon", "dijon", "basel"} <= {p for e in events for p in e.places}
    assert any(e.destination == "basel" for e in events)


@pytest.mark.parametrize(
    "byline",
    ["Analysis: James Reynolds, BBC Rome correspondent", "By Anna Smith in Madrid", "Reporting by Anna Smith in Madrid"],
)
def test_a_byline_is_no_happening(byline: str) -> None:
    text = byline + "\n\nThe pope arrived in Lisbon on Wednesday."
    place = "Rome" if "Rome" in byline else "Madrid"
    refs = [_place(text, place), _place(text, "Lisbon")]
    events = extract_events(Article("a", "", text, PUB), [_date(text, "Wednesday", "2011-08-17")], refs)
    assert [e.places for e in events] == [("lisbon",)]


def test_a_called_off_trip_is_no_travel_and_a_clock_before_a_weekday_ends_no_sentence() -> None:
    text = ("A planned stop at Felixstowe, scheduled for early April, has been cancelled. "
            "The first twister touched down shortly after 9 p.m. Monday near Marshalltown, Iowa, the service said.")
    refs = [_place(text, "Felixstowe"), _place(text, "Marshalltown"), _place(text, "Iowa")]
    events = extract_events(Article("a", "", text, PUB), [_date(text, "early April", "2012-04"),
                                                          _date(text, "Monday", "2011-08-22")], refs,
                            point_like=frozenset({"felixstowe", "marshalltown"}))
    assert not any(e.travel for e in events if "felixstowe" in e.places)
    monday = next(e for e in events if e.date == dt.date(2011, 8, 22))
    assert "marshalltown" in monday.places


def test_two_governors_are_two_travellers() -> None:
    text = ("Ohio Gov. Mike DeWine toured the damage in Dayton on Tuesday. "
            "Indiana Gov. Eric Holcomb is expected to visit Kokomo on Wednesday.")
    refs = [_place(text, p) for p in ("Ohio", "Dayton", "Indiana", "Kokomo")]
    dates = [_date(text, "Tuesday", "2011-08-16"), _date(text, "Wednesday", "2011-08-17")]
    events = extract_events(Article("a", "", text, PUB), dates, refs, point_like=frozenset({"dayton", "kokomo"}))
    assert [e.actor for e in events if e.travel] == ["Mike DeWine", "Eric Holcomb"]


def test_flying_in_is_arriving_at_the_dateline_city() -> None:
    text = "BRUSSELS (Reuters) - Macron flew in from Paris on Thursday morning for the summit."
    refs = [_place(text, "BRUSSELS"), _place(text, "Paris")]
    refs = [(refs[0][0], "brussels"), refs[1]]
    (event,) = extract_events(Article("a", "", text, PUB), [_date(text, "Thursday", "2011-08-18")], refs,
                              point_like=frozenset({"brussels", "paris"}))
    assert (event.origin, event.destination) == ("paris", "brussels")


@pytest.mark.parametrize(
    ("text", "actors"),
    [
        # a surname ending like a demonym is still a name ("Modi" is no "Israeli")
        ("Modi flew from Bareilly to Etah on Saturday. Rahul Gandhi travelled to Raebareli on Sunday.",
         ["Modi", "Rahul Gandhi"]),
        # a ship with no named passengers travels by itself: a person named later is not on board
        ("The boat left Sfax on Saturday. Meloni is due to travel to Tunis on Sunday.",
         ["(unnamed carrier)", "Meloni"]),
        # after a title, a name ending like a demonym is a name
        ("Mr Albanese flew to Sfax on Saturday. Chinese President Xi Jinping arrived in Tunis on Sunday.",
         ["Albanese", "Xi Jinping"]),
    ],
)
def test_named_travellers_and_unnamed_ships(text: str, actors: list[str]) -> None:
    places = [p for p in ("Bareilly", "Etah", "Raebareli", "Sfax", "Tunis") if p in text]
    refs = [_place(text, p) for p in places]
    dates = [_date(text, d, v) for d, v in (("Saturday", "2011-08-20"), ("Sunday", "2011-08-21"))]
    events = extract_events(Article("a", "", text, PUB), dates, refs, point_like=frozenset(pid for _, pid in refs))
    assert [e.actor for e in events if e.travel] == actors


def test_two_people_on_one_day_are_two_happenings() -> None:
    text = ("Modi addressed a rally in Bareilly on Saturday. "
            "Gandhi spent Saturday in Telangana, speaking at a rally in Nirmal.")
    refs = [_place(text, p) for p in ("Bareilly", "Telangana", "Nirmal")]
    dates = [_date(text, "Saturday", "2011-08-20"), _date(text, "Saturday", "2011-08-20", 1)]
    events = extract_events(Article("a", "", text, PUB), dates, refs)
    assert [e.places for e in events] == [("bareilly",), ("telangana", "nirmal")]


@pytest.mark.parametrize(
    ("sentence", "travel"),
    [
        ("Red Cross workers were in Mayfield on Saturday.", False),  # "Cross" is a name, not "crossed"
        ("Spain reached the quarter-finals in Cologne on Saturday.", False),
        ("The two sides reached an agreement in Doha on Saturday.", False),
        ("The rescuers reached Mayfield on Saturday.", True),
        ("A planned stop in Abuja was dropped on Saturday.", False),
    ],
)
def test_words_that_only_look_like_travel(sentence: str, travel: bool) -> None:
    place = next(p for p in ("Mayfield", "Cologne", "Doha", "Abuja") if p in sentence)
    (event,) = extract_events(Article("a", "", sentence, PUB), [_date(sentence, "Saturday", "2011-08-20")],
                              [_place(sentence, place)], point_like=frozenset({place.lower()}))
    assert event.travel is travel


def test_a_place_in_an_apposition_is_no_stop() -> None:
    text = ("Mary Galway, a retired teacher from Limerick, set out on foot from Pamplona on Saturday. "
            "The ferry had left Piraeus, the port of Athens, at 7:30 p.m. Saturday on a scheduled overnight route "
            "to Syros and Naxos.")
    refs = [_place(text, p) for p in ("Limerick", "Pamplona", "Piraeus", "Athens", "Syros", "Naxos")]
    dates = [_date(text, "Saturday", "2011-08-20"), _date(text, "7:30 p.m. Saturday", "2011-08-20"),
             _date(text, "overnight", "2011-08-20")]
    events = extract_events(Article("a", "", text, PUB), dates, refs, point_like=frozenset(pid for _, pid in refs))
    walk, ferry = [e for e in events if e.travel]
    assert walk.origin == "pamplona"
    assert (ferry.origin, ferry.via, ferry.destination, ferry.mode, ferry.status) == \
        ("piraeus", ("syros",), "naxos", "sea", "happened")


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("He travelled from Seoul to Daejeon by high-speed KTX train, rather than by helicopter as planned.", "train"),
        ("\"It sounded like a freight train,\" she said after the tornado hit Mayfield.", "unknown"),
        ("He did not fly but took a train to Lyon.", "train"),
    ],
)
def test_modes_not_taken(text: str, mode: str) -> None:
    assert detect_mode(text) == mode


def test_an_agency_credit_does_not_end_a_dateline() -> None:
    text = "NORMAN, Okla. (AP) — Police arrested the suspect early Wednesday in Moore."
    assert [text[a:b] for a, b in sentences(text)] == [text]


def test_a_sentence_of_several_dated_clauses_lends_none_its_mode() -> None:
    text = "Premier David Eby, who toured the area by helicopter on Friday, said he would visit Salmon Arm on Sunday."
    refs = [_place(text, "Salmon Arm")]
    dates = [_date(text, "Friday", "2011-08-19"), _date(text, "Sunday", "2011-08-21")]
    events = extract_events(Article("a", "", text, PUB), dates, refs, point_like=frozenset({"salmon-arm"}))
    visit = next(e for e in events if e.places == ("salmon-arm",))
    assert visit.mode == "unknown"


def test_a_closing_attribution_is_no_happening_and_a_relative_clause_no_stop() -> None:
    text = ("A tornado tore across western Kentucky late Friday, killing three people, officials said Saturday. "
            "He retired to Dorchester on Sunday with his wife, whom he had met in Aden.")
    refs = [_place(text, p) for p in ("Kentucky", "Dorchester", "Aden")]
    dates = [_date(text, "late Friday", "2011-08-19"), _date(text, "Saturday", "2011-08-20"),
             _date(text, "Sunday", "2011-08-21")]
    events = extract_events(Article("a", "", text, PUB), dates, refs, point_like=frozenset({"dorchester", "aden"}))
    assert [e.date for e in events] == [dt.date(2011, 8, 19), dt.date(2011, 8, 21)]
    assert events[1].destination == "dorchester"


def test_an_event_keeps_its_clock_time() -> None:
    text = "The twister touched down near Princeton around 9:40 p.m. Saturday."
    date = replace(_date(text, "9:40 p.m. Saturday", "2011-08-20"), value="2011-08-20T21:40", granularity="time")
    (event,) = extract_events(Article("a", "", text, PUB), [date], [_place(text, "Princeton")])
    assert event.timex == "2011-08-20T21:40"


def test_a_relative_clause_dates_only_itself() -> None:
    text = "In Manila he is expected to meet survivors of Typhoon Haiyan, which devastated the city of Tacloban in 2010."
    refs = [_place(text, "Manila"), _place(text, "Tacloban")]
    events = extract_events(Article("a", "", text, PUB), [_date(text, "2010", "2010")], refs,
                            point_like=frozenset({"manila", "tacloban"}))
    by_place = {e.places: (e.date, e.status) for e in events}
    assert by_place[("tacloban",)] == (dt.date(2010, 1, 1), "happened")
    assert by_place[("manila",)] == (None, "expected")


@pytest.mark.parametrize("sentence", ["Opposition leaders plan a joint rally in Delhi later this month.",
                                      "Opposition leaders hold a joint rally in Delhi later this month."])
def test_later_this_month_is_ahead(sentence: str) -> None:
    (event,) = extract_events(Article("a", "", sentence, PUB), [_date(sentence, "later this month", "2011-08")],
                              [_place(sentence, "Delhi")])
    assert event.status == "scheduled"


@pytest.mark.parametrize(
    ("sentence", "actor"),
    [
        ("A damage survey team is scheduled to visit Princeton on Saturday.", "(survey team)"),
        ("Rescuers reached Princeton on Saturday.", "(rescuers)"),
    ],
)
def test_a_group_is_a_party_of_its_own(sentence: str, actor: str) -> None:
    (event,) = extract_events(Article("a", "", sentence, PUB), [_date(sentence, "Saturday", "2011-08-20")],
                              [_place(sentence, "Princeton")], point_like=frozenset({"princeton"}))
    assert event.actor == actor


@pytest.mark.parametrize(
    ("sentence", "travel"),
    [
        ("Walker did not travel to Mississippi on Saturday.", False),
        ("Talks broke down on Saturday in Vienna.", False),  # a meeting with nobody going to it
        ("Kim met Putin in Vienna on Saturday.", True),
        ("The team left on Saturday for Oxford.", True),
        ("The tanker called at Fujairah on Saturday.", True),
    ],
)
def test_negated_trips_and_meetings_without_a_traveller(sentence: str, travel: bool) -> None:
    place = next(p for p in ("Mississippi", "Vienna", "Oxford", "Fujairah") if p in sentence)
    (event,) = extract_events(Article("a", "", sentence, PUB), [_date(sentence, "Saturday", "2011-08-20")],
                              [_place(sentence, place)], point_like=frozenset({place.lower()}))
    assert event.travel is travel


def test_a_second_flight_and_a_place_passed_through() -> None:
    text = ("The first aid flight landed in Quelimane on Saturday. A second flight from Nairobi is due to arrive in "
            "Beira on Sunday. She took a bus from Salzburg to Vienna via Linz on Sunday.")
    refs = [_place(text, p) for p in ("Quelimane", "Nairobi", "Beira", "Salzburg", "Vienna", "Linz")]
    dates = [_date(text, "Saturday", "2011-08-20"), _date(text, "Sunday", "2011-08-21"),
             _date(text, "Sunday", "2011-08-21", 1)]
    events = extract_events(Article("a", "", text, PUB), dates, refs, point_like=frozenset(pid for _, pid in refs))
    first, second, bus = events
    assert first.actor != second.actor and second.actor == "(second flight)"
    assert (bus.origin, bus.via, bus.destination) == ("salzburg", ("linz",), "vienna")


def test_a_date_in_apposition_replaces_the_shift_before_it() -> None:
    text = "Three years later, in September 1976, Letelier was killed in Washington."
    dates = [_date(text, "Three years later", "2014"), _date(text, "September 1976", "1976-09")]
    (event,) = extract_events(Article("a", "", text, PUB), dates, [_place(text, "Washington")])
    assert event.date == dt.date(1976, 9, 1)


def test_talks_in_two_places_on_two_days_keep_their_places() -> None:
    text = "Talks broke down last Friday in Vienna and a second round held in Linz on Sunday also failed."
    dates = [_date(text, "last Friday", "2011-08-19"), _date(text, "Sunday", "2011-08-21")]
    events = extract_events(Article("a", "", text, PUB), dates, [_place(text, "Vienna"), _place(text, "Linz")])
    assert [e.places for e in events] == [("vienna",), ("linz",)]


@pytest.mark.parametrize(
    ("sentence", "place", "travel"),
    [
        ("Residents of Lismore were told to evacuate on Saturday.", "Lismore", False),
        ("The European Commission will host a space summit in Brussels on Saturday.", "Brussels", False),
        ("She reached the summit on Saturday, according to the Kathmandu-based company.", "Kathmandu", None),
    ],
)
def test_no_trip_to_where_people_leave_host_or_are_based(sentence: str, place: str, travel: bool | None) -> None:
    (event,) = extract_events(Article("a", "", sentence, PUB), [_date(sentence, "Saturday", "2011-08-20")],
                              [_place(sentence, place)], point_like=frozenset({place.lower()}))
    if travel is None:
        assert event.destination is None
    else:
        assert event.travel is travel


def test_a_stay_before_returning_is_a_stop() -> None:
    text = "Guterres wrapped up his tour on Saturday, meeting King Abdullah II in Amman before returning to New York."
    refs = [_place(text, "Amman"), _place(text, "New York")]
    (event,) = extract_events(Article("a", "", text, PUB), [_date(text, "Saturday", "2011-08-20")], refs,
                              point_like=frozenset({"amman", "new-york"}))
    assert (event.via, event.destination) == (("amman",), "new-york")
