"""Text, HTML files and URLs in; :class:`~geotimeline.models.Article` out.

>>> from geotimeline.ingest import article_from_text
>>> a = article_from_text("Kim in Russia\\n\\nAugust 21, 2011\\n\\nKim arrived on Saturday.")
>>> a.title, a.published.isoformat()
('Kim in Russia', '2011-08-21')

The publication date comes, in order of preference, from the caller
(``published=`` / ``--published``), from the page's metadata (HTML), or from a
dateline near the top of the text ("August 21, 2011", "21 Aug 2011",
"2011-08-21"). When none is found the article is still returned with
``published=None``; :func:`geotimeline.build_story` then says so in the story's
warnings, and only absolute dates can be normalised.
"""

from __future__ import annotations

import datetime as dt
import re
import tarfile
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

from geotimeline.errors import InputError
from geotimeline.models import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
ARTICLE_SUFFIXES = (".txt", ".text", *HTML_SUFFIXES)
"""Files taken from a folder or an archive; anything else in it (images, metadata) is skipped."""
ARCHIVE_SUFFIXES = (".zip", ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz")
MAX_MEMBER_BYTES = 20 * 1024 * 1024
"""A larger file inside an archive is no news article (and may be a decompression bomb): skipped with an error."""
DATELINE_WINDOW = 600
"""Characters from the top in which a dateline is looked for."""

_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for m in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DATELINES = [
    re.compile(_MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(?P<year>(?:19|20)\d\d)\b", re.I),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
]
# Picture credits glued to captions by copy-paste ("... Vladimir PutinImage: dpa").
_CREDIT = re.compile(r"(?<=\S)\s*(?:Image|Photo|Picture|Foto)s?: [^\n]{0,120}$", re.M)
# Navigation crumbs that web-page copies start with ("1. Skip to content").
_BOILERPLATE = re.compile(r"^\s*(?:\d+\.\s*)?(?:skip to|jump to|menu\b|search\b|sign in|log in)", re.I)


def find_dateline(text: str) -> dt.date | None:
    """The first plausible publication date near the top of ``text``, or ``None``."""
    head = text[:DATELINE_WINDOW]
    best: tuple[int, dt.date] | None = None
    for pattern in _DATELINES:
        for m in pattern.finditer(head):
            month = m.group("month")
            month_no = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
            try:
                found = dt.date(int(m.group("year")), month_no, int(m.group("day")))
            except ValueError:
                continue
            if best is None or m.start() < best[0]:
                best = (m.start(), found)
            break
    return best[1] if best else None


def _guess_title(text: str) -> str:
    for line in text.splitlines():
        line = line.strip()
        if not line or _BOILERPLATE.match(line) or find_dateline(line):
            continue
        return line[:200]
    return ""


def _strip_boilerplate(text: str) -> str:
    lines = text.splitlines(keepends=True)
    while lines and (not lines[0].strip() or _BOILERPLATE.match(lines[0])):
        lines.pop(0)
    return "".join(lines)


def _check_text(text: str, source: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError(f"{source}: the article is empty")
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\n\t\f\v")
    if controls > max(8, len(text[:4096]) // 50):
        raise InputError(f"{source}: this looks like a binary file, not article text")
    return text


def article_from_text(
    text: str,
    *,
    published: dt.date | None = None,
    source: str = "<pasted>",
    title: str | None = None,
    article_id: str | None = None,
) -> Article:
    """An article from plain text; the title is its first content line unless given."""
    text = _CREDIT.sub("", _strip_boilerplate(_check_text(text, source)))
    if not text.strip():
        raise InputError(f"{source}: the article is empty")
    return Article(
        id=article_id or _slug(source),
        title=title if title is not None else _guess_title(text),
        body=text,
        published=published or find_dateline(text),
        source=source,
    )


def article_from_html(
    html: str, *, published: dt.date | None = None, source: str = "<html>", article_id: str | None = None
) -> Article:
    """Main text, title and publication date of a web page (via trafilatura)."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
    if doc is None:
        raise InputError(f"{source}: no article text found in this HTML page")
    # trafilatura returns a Document object in 2.x and a dict in 1.x.
    get = doc.get if isinstance(doc, dict) else (lambda key: getattr(doc, key, None))
    body = get("text") or ""
    if not body.strip():
        raise InputError(f"{source}: no article text found in this HTML page")
    meta_date = None
    if get("date"):
        try:
            meta_date = dt.date.fromisoformat(str(get("date"))[:10])
        except ValueError:
            meta_date = None
    title = (get("title") or "").strip()
    article = article_from_text(body, published=published or meta_date, source=source, article_id=article_id)
    return Article(article.id, title or article.title, article.body, article.published, source)


def decode(data: bytes, source: str = "<bytes>") -> str:
    """Bytes to text: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252."""
    if not data.strip():
        raise InputError(f"{source}: the file is empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise InputError(f"{source}: this looks like a binary file, not article text")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # News archives are full of Windows-1252 files; latin-1 as the last resort never fails.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def article_from_bytes(
    data: bytes, *, filename: str, published: dt.date | None = None, html: bool | None = None
) -> Article:
    """An article from an uploaded or read file: .txt or .html (by name, else sniffed)."""
    text = decode(data, filename)
    if html is None:
        html = filename.lower().endswith(HTML_SUFFIXES) or _looks_like_html(text)
    if html:
        return article_from_html(text, published=published, source=filename)
    return article_from_text(text, published=published, source=filename)


def load_article(location: str | Path, *, published: dt.date | None = None, timeout: float = 20.0) -> Article:
    """An article from a file path or an http(s) URL."""
    loc = str(location)
    if re.match(r"https?://", loc):
        try:
            request = urllib.request.Request(loc, headers={"User-Agent": "geotimeline/0.1"})
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 (scheme checked)
                data = response.read()
                is_html = "html" in (response.headers.get_content_type() or "html")
        except OSError as exc:
            raise InputError(f"{loc}: cannot fetch ({exc})") from exc
        return article_from_bytes(data, filename=loc, published=published, html=is_html)
    path = Path(loc)
    if not path.is_file():
        raise InputError(f"{loc}: no such file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{loc}: cannot read ({exc.strerror})") from exc
    article = article_from_bytes(data, filename=path.name, published=published)
    return Article(article.id, article.title, article.body, article.published, str(path))


def _slug(source: str) -> str:
    stem = Path(source.split("?")[0].rstrip("/")).stem if source not in ("<pasted>", "<html>") else "pasted"
    slug = re.sub(r"[^a-z0-9]+", "-", stem.lower()).strip("-")
    return slug or "article"


def load_articles(location: str | Path, *, published: dt.date | None = None) -> Iterator[Article | InputError]:
    """Every article behind ``location``: a file, a URL, a folder (its .txt/.html files, recursively) or an
    archive (.zip, .tar, .tar.gz ...). One unreadable member is yielded as its :class:`InputError` and the
    others still come, so a caller reports it and keeps the rest."""
    loc = str(location)
    path = Path(loc)
    if re.match(r"https?://", loc) or not (path.is_dir() or _is_archive(loc)):
        try:
            yield load_article(loc, published=published)
        except InputError as exc:
            yield exc
        return
    count = 0
    for name, data in _members(path):
        count += 1
        if isinstance(data, InputError):
            yield data
            continue
        try:
            article = article_from_bytes(data, filename=Path(name).name, published=published)
        except InputError as exc:
            yield InputError(f"{name}: {str(exc).split(': ', 1)[-1]}")
            continue
        yield Article(article.id, article.title, article.body, article.published, name)
    if count == 0:
        yield InputError(f"{loc}: no {'/'.join(s.lstrip('.') for s in ARTICLE_SUFFIXES)} files in it")


def articles_from_archive_bytes(data: bytes, *, filename: str, published: dt.date | None = None
                                ) -> Iterator[Article | InputError]:
    """Like :func:`load_articles` for an uploaded archive held in memory (the dashboard's upload)."""
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / Path(filename).name
        target.write_bytes(data)
        for item in load_articles(target, published=published):
            if isinstance(item, Article):
                item = Article(item.id, item.title, item.body, item.published, f"{filename}:{item.source.split(':', 1)[-1]}")
            yield item


def _is_archive(name: str) -> bool:
    return name.lower().endswith(ARCHIVE_SUFFIXES)


def _wanted(name: str) -> bool:
    base = Path(name).name
    return name.lower().endswith(ARTICLE_SUFFIXES) and not base.startswith((".", "__MACOSX"))


def _members(path: Path) -> Iterator[tuple[str, bytes | InputError]]:
    """(name, bytes) of each article file in a folder or archive, in name order."""
    if path.is_dir():
        for file in sorted(p for p in path.rglob("*") if p.is_file() and _wanted(p.name)):
            try:
                yield str(file), file.read_bytes()
            except OSError as exc:
                yield str(file), InputError(f"{file}: cannot read ({exc.strerror})")
        return
    if not path.is_file():
        yield str(path), InputError(f"{path}: no such file")
        return
    try:
        if path.name.lower().endswith(".zip"):
            with zipfile.ZipFile(path) as zf:
                for info in sorted(zf.infolist(), key=lambda i: i.filename):
                    if info.is_dir() or not _wanted(info.filename) or "__MACOSX/" in info.filename:
                        continue
                    name = f"{path}:{info.filename}"
                    if info.file_size > MAX_MEMBER_BYTES:
                        yield name, InputError(f"{name}: too large for a news article ({info.file_size:,} bytes)")
                        continue
                    yield name, zf.read(info)
            return
        with tarfile.open(path) as tf:
            for member in sorted(tf.getmembers(), key=lambda m: m.name):
                if not member.isfile() or not _wanted(member.name):
                    continue
                name = f"{path}:{member.name}"
                if member.size > MAX_MEMBER_BYTES:
                    yield name, InputError(f"{name}: too large for a news article ({member.size:,} bytes)")
                    continue
                handle = tf.extractfile(member)
                yield name, handle.read() if handle else InputError(f"{name}: cannot read")
    except (zipfile.BadZipFile, tarfile.TarError, OSError, EOFError) as exc:
        yield str(path), InputError(f"{path}: not a readable archive ({exc})")
