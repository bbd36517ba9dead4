"""The dashboard script under Streamlit's AppTest: opens on the sample, steps, reports bad input."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "streamlit_app.py")
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample-dw-kim-in-russia-2011.txt"
TIMEOUT = 120  # the first run imports folium/plotly and builds the story; AppTest's default is 3 s


def indicator(at: AppTest) -> tuple[int, int]:
    found = [m for md in at.markdown if (m := re.fullmatch(r"Event (\d+) of (\d+)", md.value))]
    assert len(found) == 1, [md.value for md in at.markdown]
    return int(found[0].group(1)), int(found[0].group(2))


def button(at: AppTest, label: str) -> object:
    return next(b for b in at.button if b.label == label)


@pytest.fixture(scope="module")
def opened() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    return at


def test_opens_on_the_sample(opened: AppTest) -> None:
    assert not opened.exception
    assert not opened.error
    k, n = indicator(opened)
    assert k == 1 and n >= 4
    assert any(b.label == "Download HTML map" for b in opened.get("download_button"))


def test_next_and_previous_step_through_events() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    _, n = indicator(at)
    button(at, "Next").click().run()
    assert indicator(at) == (2, n)
    button(at, "Next").click().run()
    assert indicator(at) == (3, n)
    button(at, "Previous").click().run()
    assert indicator(at) == (2, n)
    assert not at.exception


def test_previous_is_disabled_on_the_first_event(opened: AppTest) -> None:
    assert button(opened, "Previous").disabled
    assert not button(opened, "Next").disabled


def test_empty_pasted_text_is_an_error_not_an_exception() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.sidebar.radio(key="source").set_value("Paste text").run()
    at.sidebar.text_area(key="pasted").input("   ").run()
    assert not at.exception
    assert len(at.error) == 1
    assert "empty" in at.error[0].value


def test_pasted_article_builds_a_story() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.sidebar.radio(key="source").set_value("Paste text").run()
    at.sidebar.date_input(key="published").set_value("2011-08-21").run()
    at.sidebar.text_area(key="pasted").input(
        "Kim Jong-il arrived by train in Vladivostok on Saturday. "
        "He travelled to Moscow by train in 2001."
    ).run()
    assert not at.exception and not at.error
    k, n = indicator(at)
    assert k == 1 and n >= 1


def test_unresolved_places_are_listed_not_fatal(opened: AppTest) -> None:
    labels = [e.label for e in opened.expander]
    assert any(label.startswith("Unresolved places (") for label in labels)


def test_a_correction_is_stored_and_the_story_rebuilt(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from geotimeline.geocoding.cache import Corrections
    from geotimeline.settings import Settings

    store = tmp_path / "corrections.sqlite"
    monkeypatch.setattr(Settings, "corrections_path", property(lambda self: store))
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    places = at.selectbox(key="fix_place")
    moscow = next(i for i in places.options if i.startswith("Moscow ("))
    places.set_value(places.options.index(moscow)).run()
    index = places.value
    at.number_input(key=f"fix_lat_{index}").set_value(55.0).run()
    at.number_input(key=f"fix_lon_{index}").set_value(38.0).run()
    button(at, "Save correction").click().run()

    assert not at.exception and not at.error
    assert any(s.value.startswith("Saved: Moscow") for s in at.success)
    with Corrections(store) as corrections:
        fixed = corrections.get("Moscow")
    assert fixed is not None and (fixed.lat, fixed.lon) == (55.0, 38.0)
    # The story was rebuilt from the correction: typed coordinates carry no country code.
    assert "Moscow (?, city)" in at.selectbox(key="fix_place").options


def test_upload_without_files_is_an_error() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.sidebar.radio(key="source").set_value("Upload files").run()
    assert not at.exception
    assert [e.value for e in at.error] == ["upload at least one .txt or .html file, or an archive of them"]


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [
        ("photo.txt", bytes(range(256)) * 20, "binary"),
        ("empty.txt", b"   \n", "empty"),
    ],
)
def test_bad_uploads_are_errors_not_exceptions(name: str, data: bytes, fragment: str) -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.sidebar.radio(key="source").set_value("Upload files").run()
    at.sidebar.file_uploader(key="uploads").set_value((name, data, "text/plain")).run()
    assert not at.exception
    assert len(at.error) == 1 and fragment in at.error[0].value and "\n" not in at.error[0].value


def test_an_uploaded_html_page_builds_a_story() -> None:
    page = (
        "<html><head><title>Kim in Russia</title></head><body><article><h1>Kim in Russia</h1>"
        "<p>North Korean leader Kim Jong-il arrived by train in Vladivostok on Saturday, officials said.</p>"
        "<p>In 2001, Kim travelled to Moscow by train for talks with Vladimir Putin.</p>"
        "<p>He later returned to Pyongyang.</p></article></body></html>"
    ).encode()
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.sidebar.radio(key="source").set_value("Upload files").run()
    at.sidebar.date_input(key="published").set_value("2011-08-21").run()
    at.sidebar.file_uploader(key="uploads").set_value(("kim.html", page, "text/html")).run()
    assert not at.exception and not at.error
    assert indicator(at)[1] >= 1


def test_text_without_dates_or_places_is_one_error() -> None:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.sidebar.radio(key="source").set_value("Paste text").run()
    at.sidebar.text_area(key="pasted").input("The weather was pleasant and nobody went anywhere.").run()
    assert not at.exception
    assert len(at.error) == 1 and at.error[0].value.startswith("No events found")


def test_an_uploaded_archive_brings_its_articles_and_names_the_bad_one() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("kim.txt", SAMPLE.read_text(encoding="utf-8"))
        zf.writestr("noise.txt", bytes(range(256)) * 10)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT).run()
    at.sidebar.radio(key="source").set_value("Upload files").run()
    at.sidebar.date_input(key="published").set_value("2011-08-21").run()
    at.sidebar.file_uploader(key="uploads").set_value(("news.zip", buffer.getvalue(), "application/zip")).run()
    assert not at.exception
    assert len(at.error) == 1 and "noise.txt" in at.error[0].value
    assert indicator(at)[1] >= 4
