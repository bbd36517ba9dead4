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


def _archive_tree(root) -> dict[str, bytes]:
    files = {
        "news/one.txt": b"Quake hits Turkey\n\nAugust 21, 2011\n\nAn earthquake struck Gaziantep on Saturday.",
        "news/deep/two.html": b"<html><body><article><p>Floods hit Porto Alegre on Friday.</p></article></body></html>",
        "news/deep/broken.txt": bytes(range(256)) * 10,
        "news/photo.jpg": b"\xff\xd8\xff",
        "news/.hidden.txt": b"ignored",
    }
    for name, data in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_bytes(data)
    return files


@pytest.mark.parametrize("kind", ["folder", "zip", "tar.gz"])
def test_folders_and_archives_yield_each_article_and_each_bad_file(tmp_path, kind: str) -> None:
    import shutil

    from geotimeline.ingest import load_articles

    _archive_tree(tmp_path)
    target = tmp_path / "news"
    if kind != "folder":
        target = shutil.make_archive(str(tmp_path / "archive"), "zip" if kind == "zip" else "gztar",
                                     root_dir=tmp_path, base_dir="news")
    items = list(load_articles(target))
    articles = [i for i in items if not isinstance(i, InputError)]
    errors = [str(i) for i in items if isinstance(i, InputError)]
    assert sorted(a.source.rsplit("/", 1)[-1] for a in articles) == ["one.txt", "two.html"]
    assert len(errors) == 1 and "broken.txt" in errors[0] and "binary" in errors[0]
    one = next(a for a in articles if a.source.endswith("one.txt"))
    assert one.published == dt.date(2011, 8, 21) and "Gaziantep" in one.body


@pytest.mark.parametrize(
    ("name", "data", "fragment"),
    [("empty.zip", None, "no txt/"), ("bad.zip", b"not a zip at all", "not a readable archive")],
)
def test_empty_or_bad_archives_are_one_error(tmp_path, name: str, data: bytes | None, fragment: str) -> None:
    import zipfile

    from geotimeline.ingest import load_articles

    path = tmp_path / name
    if data is None:
        with zipfile.ZipFile(path, "w") as zf:
            zf.writestr("readme.md", "no articles here")
    else:
        path.write_bytes(data)
    items = list(load_articles(path))
    assert len(items) == 1 and isinstance(items[0], InputError) and fragment in str(items[0])
