"""The ``geotimeline`` command as a user runs it: a real process, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from geotimeline.settings import SAMPLE_ARTICLE


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "geotimeline", *args],
        input=stdin.decode() if stdin is not None else None,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def seed_json(gazetteer) -> dict:
    result = run("extract", str(SAMPLE_ARTICLE), "--published", "2011-08-21")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_extract_schema(seed_json: dict) -> None:
    assert seed_json["schema"] == "geotimeline.story/1"
    (article,) = seed_json["articles"]
    assert article == {"id": article["id"], "title": "Kim in Russia", "published": "2011-08-21",
                       "source": str(SAMPLE_ARTICLE)}
    place_keys = {"id", "name", "lat", "lon", "country", "kind", "source", "confidence", "mentions"}
    assert all(place_keys <= set(p) for p in seed_json["places"])
    event_keys = {"id", "article", "date", "end_date", "granularity", "date_text", "places", "summary",
                  "sentence", "start", "end", "mode", "status"}
    assert all(event_keys <= set(e) for e in seed_json["events"])
    ids = {p["id"] for p in seed_json["places"]}
    assert all(set(e["places"]) <= ids for e in seed_json["events"])
    for j in seed_json["journeys"]:
        assert set(j["stops"]) <= ids
        for leg in j["legs"]:
            assert leg["geometry"]["type"] == "LineString" and len(leg["geometry"]["coordinates"]) >= 2


def test_extract_dates_at_their_precision(seed_json: dict) -> None:
    dates = {e["date"] for e in seed_json["events"]}
    assert {"2001", "2002", "2011-08-20", "2011-08-24", "2011-08-19", "2011-09"} <= dates


@pytest.mark.parametrize(("fmt", "check"), [("csv", "event,article,date"), ("geojson", '"FeatureCollection"')])
def test_other_formats(tmp_path: Path, fmt: str, check: str, gazetteer) -> None:
    out = tmp_path / f"story.{fmt}"
    result = run("extract", str(SAMPLE_ARTICLE), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    assert check in out.read_text()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary"),
        (b"Hello there. This is a note with nothing in it.\n", "no dates or places"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, content: bytes, message: str, gazetteer) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    result = run("extract", str(path), "--published", "2020-01-01")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and message in lines[0] and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("extract", "--bogus", str(SAMPLE_ARTICLE)),
        ("extract", str(SAMPLE_ARTICLE), "--published", "21/08/2011"),
        ("frobnicate",),
        ("extract", "/no/such/file.txt"),
    ],
)
def test_usage_errors(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_one_bad_file_does_not_sink_the_others(tmp_path: Path, gazetteer) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run("extract", str(empty), str(SAMPLE_ARTICLE))
    assert result.returncode == 2
    assert "empty" in result.stderr
    assert json.loads(result.stdout)["events"]


def test_missing_publication_date_is_said(tmp_path: Path, gazetteer) -> None:
    path = tmp_path / "nodate.txt"
    path.write_text("Floods in Dhaka\n\nThe river burst its banks in Dhaka on Monday. In 1998 it flooded too.\n")
    result = run("extract", str(path))
    assert result.returncode == 0
    assert "no publication date" in result.stderr
    story = json.loads(result.stdout)
    assert "1998" in {e["date"] for e in story["events"]}


def test_timexes_reports_bad_lines_and_keeps_going(tmp_path: Path) -> None:
    lines = [
        json.dumps({"doc_id": "a", "text": "He arrived on Saturday.", "dct": "2011-08-21"}),
        "{not json",
        json.dumps({"doc_id": "b", "text": "No anchor."}),
        json.dumps({"doc_id": "c", "text": "Bad anchor.", "dct": "2011-13-45"}),
        json.dumps({"doc_id": "d", "text": "In 2001 he went.", "dct": "2011-08-21"}),
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n")
    result = run("timexes", str(path))
    assert result.returncode == 2
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["doc_id"] for o in out] == ["a", "d"]
    assert {"start": 14, "end": 22, "text": "Saturday", "type": "DATE", "value": "2011-08-20"} in out[0]["timexes"]
    errors = result.stderr.strip().splitlines()
    assert [e.split(f"{path}:")[1].split(":")[0] for e in errors] == ["2", "3", "4"]


def test_toponyms(tmp_path: Path, gazetteer) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"doc_id": "x", "text": "Flooding hit Vladivostok and Khabarovsk."}) + "\n")
    result = run("toponyms", str(path))
    assert result.returncode == 0, result.stderr
    (doc,) = [json.loads(line) for line in result.stdout.splitlines()]
    names = {t["name"]: (t["lat"], t["lon"]) for t in doc["toponyms"]}
    assert set(names) == {"Vladivostok", "Khabarovsk"}
    assert abs(names["Vladivostok"][0] - 43.1) < 0.3


def test_toponyms_with_demonyms_as_the_benchmarks_annotate(tmp_path: Path, gazetteer) -> None:
    path = tmp_path / "docs.jsonl"
    text = "Russian troops left Khasan for the Firth of Thames."
    path.write_text(json.dumps({"doc_id": "x", "text": text}) + "\n")
    plain = json.loads(run("toponyms", str(path)).stdout)["toponyms"]
    result = run("toponyms", str(path), "--demonyms")
    assert result.returncode == 0, result.stderr
    both = json.loads(result.stdout)["toponyms"]
    assert [t["name"] for t in plain] == ["Khasan", "Firth of Thames"]
    assert [t["name"] for t in both] == ["Russian", "Khasan", "Firth of Thames"]
    assert both[0]["lat"] is not None and abs(both[0]["lon"] - 100) < 20  # the country Russia
    assert both[2]["lat"] is None  # unresolved, listed with its span


def test_export_writes_one_standalone_file(tmp_path: Path, gazetteer) -> None:
    out = tmp_path / "map.html"
    result = run("export", str(SAMPLE_ARTICLE), "-o", str(out))
    assert result.returncode == 0, result.stderr
    html = out.read_text()
    assert "Khasan" in html and "leaflet" in html.lower()
    assert list(tmp_path.iterdir()) == [out]


def test_an_archive_is_read_member_by_member(tmp_path, gazetteer) -> None:
    import zipfile

    archive = tmp_path / "news.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(SAMPLE_ARTICLE, "2011/kim.txt")
        zf.writestr("2011/garbage.txt", bytes(range(256)) * 10)
        zf.writestr("2011/picture.png", b"\x89PNG")
    result = run("extract", str(archive), "--published", "2011-08-21")
    # the good member makes the story, the bad one is one line on stderr, and the exit code says so
    assert result.returncode == 2
    story = json.loads(result.stdout)
    assert [a["source"] for a in story["articles"]] == [f"{archive}:2011/kim.txt"]
    assert any(p["name"] == "Khasan" for p in story["places"])
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "garbage.txt" in lines[0]
