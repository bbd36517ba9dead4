from __future__ import annotations

import datetime as dt

import pytest

from geotimeline.errors import InputError
from geotimeline.ingest import article_from_bytes, article_from_text, decode, find_dateline, load_article
from geotimeline.settings import SAMPLE_ARTICLE


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kim in Russia\n\nAugust 21, 2011\n\nKim arrived.", dt.date(2011, 8, 21)),
        ("Title\n21 August 2011\nBody", dt.date(2011, 8, 21)),
        ("Title\nAug. 3, 2009 - Body", dt.date(2009, 8, 3)),
        ("Title\nSept 30th, 2012\nBody", dt.date(2012, 9, 30)),
        ("Posted 2013-03-22 by staff", dt.date(2013, 3, 22)),
        ("Title\nFebruary 30, 2011\nBody", None),  # not a real day
        ("No date here at all.", None),
    ],
)
def test_find_dateline(text: str, expected: dt.date | None) -> None:
    assert find_dateline(text) == expected


def test_dateline_only_near_the_top() -> None:
    text = "Title\n" + "word " * 200 + "August 21, 2011"
    assert find_dateline(text) is None


def test_sample_article_title_date_and_boilerplate() -> None:
    article = load_article(SAMPLE_ARTICLE)
    assert article.title == "Kim in Russia"
    assert article.published == dt.date(2011, 8, 21)
    assert "Skip to content" not in article.body
    assert article.body.startswith("Kim in Russia")


def test_published_overrides_dateline() -> None:
    article = article_from_text("T\nAugust 21, 2011\nBody", published=dt.date(2020, 1, 2))
    assert article.published == dt.date(2020, 1, 2)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty"),
        (b"   \n\t ", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (bytes(range(1, 32)) * 20, "binary"),
    ],
)
def test_bad_bytes_are_input_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        article_from_bytes(data, filename="x.txt")


@pytest.mark.parametrize(
    ("data", "text"),
    [
        ("Zürich".encode(), "Zürich"),
        ("\ufeffZürich".encode(), "Zürich"),
        ("Zürich – café".encode("cp1252"), "Zürich – café"),
        ("Zürich".encode("utf-16"), "Zürich"),
    ],
)
def test_decode_fallbacks(data: bytes, text: str) -> None:
    assert decode(data) == text


def test_html_page_text_title_and_meta_date() -> None:
    html = """<!doctype html><html><head><title>Storm hits coast | Example News</title>
    <meta property="article:published_time" content="2019-09-06T08:00:00Z">
    <meta property="og:title" content="Storm hits coast"></head>
    <body><nav>Home | World | Sport</nav><article><h1>Storm hits coast</h1>
    <p>Hurricane Dorian reached Cape Hatteras in North Carolina on Friday, officials said.</p>
    <p>Thousands of residents had left the Outer Banks by Thursday evening as the storm approached.</p>
    </article><footer>Copyright</footer></body></html>"""
    article = article_from_bytes(html.encode(), filename="storm.html")
    assert article.published == dt.date(2019, 9, 6)
    assert "Cape Hatteras" in article.body
    assert "Copyright" not in article.body
    assert "Storm hits coast" in article.title


def test_missing_file_is_an_input_error(tmp_path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_article(tmp_path / "nope.txt")
