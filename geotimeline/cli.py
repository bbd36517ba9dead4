"""The ``geotimeline`` command.

::

    geotimeline extract article.txt --published 2011-08-21            # story JSON on stdout
    geotimeline extract a.txt b.html --format geojson -o story.geojson
    geotimeline export article.txt -o map.html                         # one standalone HTML file
    geotimeline timexes docs.jsonl > timexes.jsonl                     # {"doc_id","text","dct"} per line
    geotimeline toponyms docs.jsonl --demonyms > toponyms.jsonl
    geotimeline gazetteer build                                        # (re)build the offline index

Bad input never produces a traceback: one line on stderr and exit code 2. When
several inputs are given, the good ones are still processed and written, and
the exit code is 2 at the end if any failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
from collections.abc import Iterator, Sequence
from typing import IO, TYPE_CHECKING, Any, NoReturn

from geotimeline.errors import GeotimelineError, InputError

if TYPE_CHECKING:
    from geotimeline.geocoding.gazetteer import Gazetteer

EXIT_OK = 0
EXIT_INTERNAL = 1
EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, not argparse's usage block: scripts grep stderr.
        self.exit(EXIT_BAD_INPUT, f"geotimeline: error: {message} (see geotimeline --help)\n")


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"invalid date {value!r}, expected YYYY-MM-DD") from None


def _fail(message: str) -> None:
    print(f"geotimeline: error: {message}", file=sys.stderr)


def _warn(message: str) -> None:
    print(f"geotimeline: warning: {message}", file=sys.stderr)


def _open_out(path: str | None) -> IO[str]:
    if not path or path == "-":
        return sys.stdout
    try:
        return open(path, "w", encoding="utf-8")  # noqa: SIM115 (closed by the caller)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from exc


def _write(path: str | None, text: str) -> None:
    out = _open_out(path)
    try:
        out.write(text)
    finally:
        if out is not sys.stdout:
            out.close()


def _load_articles(files: Sequence[str], published: dt.date | None) -> tuple[list[Any], int]:
    from geotimeline.ingest import article_from_bytes, load_articles

    articles, failures = [], 0
    seen: dict[str, int] = {}
    loaded: list[Any] = []
    for name in files:
        if name == "-":
            try:
                loaded.append(article_from_bytes(sys.stdin.buffer.read(), filename="<stdin>", published=published))
            except InputError as exc:
                loaded.append(exc)
        else:
            # A folder or an archive yields each of its articles; one bad member is reported, not fatal.
            loaded.extend(load_articles(name, published=published))
    for article in loaded:
        if isinstance(article, InputError):
            _fail(str(article))
            failures += 1
            continue
        # Two inputs may slug to the same id: keep ids unique so events point to one article.
        n = seen.get(article.id, 0)
        seen[article.id] = n + 1
        if n:
            from dataclasses import replace

            article = replace(article, id=f"{article.id}-{n + 1}")
        articles.append(article)
    return articles, failures


def _story(args: argparse.Namespace) -> tuple[Any, int]:
    from geotimeline.settings import Settings
    from geotimeline.story import build_story

    articles, failures = _load_articles(args.files, args.published)
    if not articles:
        return None, failures
    settings = Settings.from_env(online=True if getattr(args, "online", False) else None)
    story = build_story(articles, settings=settings)
    for warning in story.warnings:
        _warn(warning)
    for article in articles:
        has_events = any(e.article == article.id for e in story.events)
        has_places = any(m.article == article.id for p in story.places for m in p.mentions)
        if not has_events and not has_places:
            _fail(f"{article.source or article.id}: no dates or places found in this article")
            failures += 1
    return story, failures


def cmd_extract(args: argparse.Namespace) -> int:
    from geotimeline.serialize import story_to_csv, story_to_geojson, story_to_json

    story, failures = _story(args)
    if story is None:
        return EXIT_BAD_INPUT
    if args.format == "csv":
        text = story_to_csv(story)
    elif args.format == "geojson":
        text = json.dumps(story_to_geojson(story), ensure_ascii=False, indent=2) + "\n"
    else:
        text = story_to_json(story) + "\n"
    _write(args.output, text)
    return EXIT_BAD_INPUT if failures else EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from geotimeline.views.export import export_html

    story, failures = _story(args)
    if story is None:
        return EXIT_BAD_INPUT
    html = export_html(story, title=args.title)
    _write(args.output, html)
    if args.output and args.output != "-":
        print(f"geotimeline: wrote {args.output} ({len(html.encode()) // 1024} KiB)", file=sys.stderr)
    return EXIT_BAD_INPUT if failures else EXIT_OK


def _jsonl(path: str) -> Iterator[tuple[int, dict[str, Any] | None, str | None]]:
    """(line number, record or None, error or None) for each non-blank line."""
    try:
        handle = sys.stdin if path == "-" else open(path, encoding="utf-8")  # noqa: SIM115
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from exc
    with handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                yield number, None, f"not JSON ({exc.msg})"
                continue
            if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                yield number, None, 'expected an object with a "text" string'
                continue
            yield number, record, None


def cmd_timexes(args: argparse.Namespace) -> int:
    from geotimeline.extract.dates import find_dates

    failures = 0
    out = _open_out(args.output)
    try:
        for number, record, error in _jsonl(args.file):
            if record is not None:
                raw = record.get("dct")
                if not raw:
                    error = 'missing "dct" (the document creation date, YYYY-MM-DD)'
                else:
                    try:
                        dct = dt.date.fromisoformat(str(raw)[:10])
                    except ValueError:
                        error = f"invalid dct {raw!r}, expected YYYY-MM-DD"
            if error is not None or record is None:
                _fail(f"{args.file}:{number}: {error}")
                failures += 1
                continue
            timexes = [
                {"start": d.start, "end": d.end, "text": d.text, "type": d.type, "value": d.value}
                for d in find_dates(record["text"], dct)
            ]
            out.write(json.dumps({"doc_id": record.get("doc_id"), "timexes": timexes}, ensure_ascii=False) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_BAD_INPUT if failures else EXIT_OK


def toponym_records(text: str, gazetteer: Gazetteer, *, demonyms: bool = False) -> list[dict]:
    """The toponyms of ``text`` as the geoparsing benchmarks' records: ``{start, end, name, lat, lon}``, with
    ``None`` coordinates for a place the gazetteer cannot resolve. (``benchmarks/geoparse.py`` measures this.)"""
    from geotimeline.extract.places import find_places
    from geotimeline.geocoding.resolve import resolve

    out = []
    for r in resolve(find_places(text, gazetteer, demonyms=demonyms), text, gazetteer):
        m = r.mention
        out.append({"start": m.start, "end": m.end, "name": m.text,
                    "lat": round(r.best.lat, 5) if r.best else None,
                    "lon": round(r.best.lon, 5) if r.best else None})
    return out


def cmd_toponyms(args: argparse.Namespace) -> int:
    from geotimeline.geocoding.gazetteer import Gazetteer
    from geotimeline.settings import Settings

    gazetteer = Gazetteer.open(Settings.from_env())
    failures = 0
    out = _open_out(args.output)
    try:
        for number, record, error in _jsonl(args.file):
            if record is None:
                _fail(f"{args.file}:{number}: {error}")
                failures += 1
                continue
            toponyms = toponym_records(record["text"], gazetteer, demonyms=args.demonyms)
            out.write(json.dumps({"doc_id": record.get("doc_id"), "toponyms": toponyms}, ensure_ascii=False) + "\n")
            out.flush()
    finally:
        if out is not sys.stdout:
            out.close()
    return EXIT_BAD_INPUT if failures else EXIT_OK


def cmd_gazetteer(args: argparse.Namespace) -> int:
    import time

    from geotimeline.geocoding.index_build import build_index
    from geotimeline.settings import Settings

    settings = Settings.from_env()
    path = settings.gazetteer_path
    if path.exists() and not args.force:
        print(f"{path} exists ({path.stat().st_size / 2**20:.1f} MiB); --force rebuilds it")
        return EXIT_OK
    started = time.perf_counter()
    build_index(path, progress=True)
    print(f"built {path} in {time.perf_counter() - started:.1f} s ({path.stat().st_size / 2**20:.1f} MiB)")
    return EXIT_OK


def make_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="geotimeline", description="News articles in, geographic timelines out.")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def story_args(p: argparse.ArgumentParser) -> None:
        p.add_argument("files", nargs="+", metavar="FILE", help="article: .txt, .html, a URL, a folder or archive (.zip, .tar.gz) of them, or - for stdin")
        p.add_argument("--published", type=_date, metavar="YYYY-MM-DD",
                       help="publication date (overrides the article's own)")
        p.add_argument("--online", action="store_true",
                       help="ask the online geocoder (GEOTIMELINE_GEOCODER, default Nominatim) for unsure places")

    p = sub.add_parser("extract", help="story as JSON, CSV or GeoJSON")
    story_args(p)
    p.add_argument("--format", choices=("json", "csv", "geojson"), default="json")
    p.add_argument("-o", "--output", metavar="PATH")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("export", help="one standalone HTML map")
    story_args(p)
    p.add_argument("-o", "--output", metavar="PATH", required=True)
    p.add_argument("--title")
    p.set_defaults(func=cmd_export)

    for name, func, what in (("timexes", cmd_timexes, "temporal expressions (TIMEX3)"),
                             ("toponyms", cmd_toponyms, "toponyms with coordinates")):
        p = sub.add_parser(name, help=f"{what} of each JSON line {{doc_id, text, dct}}")
        p.add_argument("file", metavar="FILE.jsonl")
        p.add_argument("-o", "--output", metavar="PATH")
        if name == "toponyms":
            p.add_argument("--demonyms", action="store_true",
                           help="also list nationality words (\"Russian\") as mentions of their country, as the "
                                "news benchmarks annotate them")
        p.set_defaults(func=func)

    p = sub.add_parser("gazetteer", help="manage the offline gazetteer index")
    p.add_argument("action", choices=("build",))
    p.add_argument("--force", action="store_true")
    p.set_defaults(func=cmd_gazetteer)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = make_parser().parse_args(argv)
    try:
        return int(args.func(args))
    except GeotimelineError as exc:
        _fail(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except Exception as exc:  # noqa: BLE001 (a user sees one line; developers ask for the traceback)
        if os.environ.get("GEOTIMELINE_DEBUG"):
            raise
        _fail(f"internal error: {type(exc).__name__}: {exc} (set GEOTIMELINE_DEBUG=1 for details)")
        return EXIT_INTERNAL


if __name__ == "__main__":
    sys.exit(main())
