"""A hand-built "Kim in Russia" story, so the views can be tested without the extraction pipeline.

Coordinates are the real ones (Khasan 42.43N 130.64E, ...); the train legs carry several points each,
as a routed rail leg would. Beijing is mentioned only as a metonym ("Beijing as chief ally").
"""

from __future__ import annotations

import datetime as dt

import pytest

from geotimeline.models import Article, Event, Journey, Leg, MentionRef, Place, Story, Unresolved

ARTICLE_ID = "dw-kim-in-russia"


def _ref(text: str, start: int, *, metonym: bool = False) -> MentionRef:
    return MentionRef(article=ARTICLE_ID, start=start, end=start + len(text), text=text, metonym=metonym)


def make_kim_story() -> Story:
    article = Article(
        id=ARTICLE_ID,
        title="Kim in Russia",
        body="North Korean leader Kim Jong-il on Saturday arrived in Russia ...",
        published=dt.date(2011, 8, 21),
        source="data/sample-dw-kim-in-russia-2011.txt",
    )
    places = (
        Place("khasan", "Khasan", 42.43, 130.64, "RU", "city", confidence=0.9, mentions=(_ref("Khasan", 1500),)),
        Place("vladivostok", "Vladivostok", 43.1056, 131.8735, "RU", "city", confidence=0.95,
              mentions=(_ref("Vladivostok", 2300),)),
        Place("moscow", "Moscow", 55.7558, 37.6173, "RU", "city", confidence=0.95,
              mentions=(_ref("Moscow", 1200, metonym=True), _ref("Moscow", 2000))),
        Place("pyongyang", "Pyongyang", 39.0392, 125.7625, "KP", "city", confidence=0.9,
              mentions=(_ref("Pyongyang", 2100),)),
        Place("paektu", "Mount Paektu", 41.99, 128.08, "KP", "mountain", confidence=0.8,
              mentions=(_ref("Mount Paektu", 2900),)),
        Place("beijing", "Beijing", 39.9075, 116.3972, "CN", "city", confidence=0.9,
              mentions=(_ref("Beijing", 2200, metonym=True),)),
    )
    events = (
        Event("e1", ARTICLE_ID, dt.date(2011, 8, 20), None, "day", "on Saturday", ("khasan",),
              "Kim arrived by train in Khasan",
              "The North Korean leader arrived by train on Saturday in the Russian town of Khasan, "
              "close to the border between the two countries.", 1400, 1560, mode="train", travel=True,
              destination="khasan", actor="Kim Jong-il"),
        Event("e2", ARTICLE_ID, dt.date(2011, 8, 24), None, "day", "on Wednesday", (),
              "Kim to meet Medvedev in Siberia",
              "Kim is expected to meet Russian President Dmitry Medvedev in Siberia on Wednesday.",
              800, 885, status="expected", actor="Kim Jong-il"),
        Event("e3", ARTICLE_ID, dt.date(2011, 9, 1), dt.date(2011, 9, 30), "month", "by the end of September",
              ("moscow",), "Moscow to send grain",
              "Russia's Foreign Ministry said on Friday that Moscow would send 50,000 metric tons of grain "
              "to North Korea by the end of September, the first shipment having been sent on Friday.",
              1100, 1290, status="scheduled"),
        Event("e4", ARTICLE_ID, dt.date(2001, 1, 1), dt.date(2001, 12, 31), "year", "in 2001",
              ("pyongyang", "moscow"), "Kim travelled to Moscow by train",
              "In 2001, Kim travelled over 7,000 km (4,500 miles) by train to Moscow by train for talks "
              "with Putin, who is now Russia's prime minister.", 2500, 2640, mode="train", travel=True,
              destination="moscow", actor="Kim Jong-il"),
        Event("e5", ARTICLE_ID, dt.date(2002, 1, 1), dt.date(2002, 12, 31), "year", "in 2002",
              ("vladivostok",), "Kim met Putin in Vladivostok",
              "Kim's last public visit to Russia was in 2002, when he met President Vladimir Putin "
              "in the port city of Vladivostok.", 2250, 2360, travel=True, destination="vladivostok",
              actor="Kim Jong-il"),
        Event("e6", ARTICLE_ID, None, None, "unknown", "", ("paektu",), "Kim born at Mount Paektu",
              "North Korea says he was born in a secret guerrilla camp at a sacred peak known as Mount Paektu.",
              2850, 2950),
    )
    journeys = (
        Journey(
            "j2011", "train", dt.date(2011, 8, 20), ("pyongyang", "khasan"), ("e1",),
            legs=(Leg("pyongyang", "khasan", "train", 720.0,
                      ((39.0392, 125.7625), (39.92, 127.54), (41.79, 129.78), (42.30, 130.40), (42.43, 130.64)),
                      inferred=True, routed=True),),
            label="2011 visit (train)",
        ),
        Journey(
            "j2001", "train", dt.date(2001, 1, 1), ("pyongyang", "khasan", "moscow"), ("e4",),
            legs=(
                Leg("pyongyang", "khasan", "train", 720.0,
                    ((39.0392, 125.7625), (39.92, 127.54), (41.79, 129.78), (42.43, 130.64)), routed=True),
                Leg("khasan", "moscow", "train", 9300.0,
                    ((42.43, 130.64), (43.1056, 131.8735), (48.48, 135.08), (52.03, 113.50), (56.01, 92.87),
                     (55.03, 82.92), (56.84, 60.61), (55.7558, 37.6173)), routed=True),
            ),
            label="2001 visit (train)",
        ),
    )
    unresolved = (Unresolved("Primorye", (_ref("Primorye", 1700),)),)
    return Story(articles=(article,), places=places, events=events, journeys=journeys, unresolved=unresolved)


@pytest.fixture
def kim_story() -> Story:
    return make_kim_story()
