"""geotimeline dashboard: an article in, a map and a timeline out.

    streamlit run streamlit_app.py

Opens on the bundled DW article "Kim in Russia" (published 2011-08-21); paste text or upload .txt/.html
files in the sidebar to map your own. This file only holds widgets, session state and caching; the work
is done by :func:`geotimeline.build_story` and the builders in :mod:`geotimeline.views`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

import streamlit as st
from streamlit_folium import st_folium

from geotimeline.errors import GeotimelineError, InputError
from geotimeline.geocoding.cache import Corrections
from geotimeline.geocoding.gazetteer import Gazetteer
from geotimeline.ingest import ARCHIVE_SUFFIXES, article_from_bytes, article_from_text, articles_from_archive_bytes
from geotimeline.models import Article, Place, Story
from geotimeline.serialize import story_to_json
from geotimeline.settings import SAMPLE_ARTICLE, Settings
from geotimeline.story import build_story
from geotimeline.views.export import export_html
from geotimeline.views.map import build_map
from geotimeline.views.timeline import build_timeline, date_label, event_table, selected_event, selected_row

SAMPLE_PUBLISHED = dt.date(2011, 8, 21)
SOURCES = ("Sample article (DW, Kim in Russia)", "Paste text", "Upload files")


@st.cache_resource
def settings() -> Settings:
    return Settings.from_env()


@st.cache_resource(show_spinner="Opening the gazetteer (it is built on first use) ...")
def gazetteer() -> Gazetteer:
    return Gazetteer.open(settings(), progress=False)


@st.cache_data(show_spinner="Reading the article, resolving places, drawing routes ...")
def cached_story(articles: tuple[Article, ...]) -> Story:
    return build_story(articles, settings=settings(), gazetteer=gazetteer())


@st.cache_data
def cached_export(key: str, _story: Story) -> str:
    return export_html(_story)


def read_articles(source: str, published: dt.date | None) -> tuple[tuple[Article, ...], list[str]]:
    """The articles chosen in the sidebar, and one line per upload that could not be read.

    Raises InputError (one line) when there is nothing to read at all. An uploaded .zip / .tar.gz brings
    every .txt/.html file in it; a bad file among several is reported and the others are kept.
    """
    if source == SOURCES[1]:
        return (article_from_text(st.session_state.get("pasted", ""), published=published),), []
    if source == SOURCES[2]:
        files = st.session_state.get("uploads") or []
        if not files:
            raise InputError("upload at least one .txt or .html file, or an archive of them")
        articles: list[Article] = []
        problems: list[str] = []
        for f in files:
            if f.name.lower().endswith(ARCHIVE_SUFFIXES):
                items = list(articles_from_archive_bytes(f.getvalue(), filename=f.name, published=published))
            else:
                try:
                    items = [article_from_bytes(f.getvalue(), filename=f.name, published=published)]
                except InputError as exc:
                    items = [exc]
            for item in items:
                if isinstance(item, InputError):
                    problems.append(str(item))
                else:
                    articles.append(item)
        return tuple(articles), problems
    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    return (article_from_text(text, published=published or SAMPLE_PUBLISHED, source=SAMPLE_ARTICLE.name),), []


def story_key(articles: Sequence[Article]) -> str:
    digest = hashlib.sha1()
    for a in articles:
        digest.update(f"{a.id}\0{a.published}\0{a.body}\0".encode())
    return digest.hexdigest()[:12]


def step(delta: int, count: int) -> None:
    st.session_state.event_index = min(max(st.session_state.event_index + delta, 0), count - 1)


def go_to_clicked(chart_key: str, event_ids: tuple[str, ...]) -> None:
    index = selected_event(st.session_state.get(chart_key), event_ids)
    if index is not None:
        st.session_state.event_index = index


def go_to_row(table_key: str, count: int) -> None:
    index = selected_row(st.session_state.get(table_key), count)
    if index is not None:
        st.session_state.event_index = index


def sidebar() -> tuple[str, dt.date | None]:
    with st.sidebar:
        st.header("Article")
        source = st.radio("Source", SOURCES, key="source")
        if source == SOURCES[1]:
            st.text_area("Article text", key="pasted", height=250, placeholder="Paste a news article here")
        elif source == SOURCES[2]:
            st.file_uploader("Article files", type=["txt", "html", "htm", "zip", "tar", "gz", "tgz"],
                             accept_multiple_files=True, key="uploads",
                             help="Text or HTML articles, or a .zip / .tar.gz archive of them.")
        published = st.date_input(
            "Publication date", value=None, min_value=dt.date(1800, 1, 1), max_value=dt.date.today(),
            key="published", help="Anchors 'on Saturday', 'last year' ... Leave empty to read the article's dateline.",
        )
    return source, published


def event_card(story: Story, index: int) -> None:
    event = story.events[index]
    names = [p.name for pid in event.places if (p := story.place(pid))]
    with st.container(border=True, key="event_card"):
        status = "" if event.status == "happened" else f" ({event.status})"
        st.markdown(f"**{date_label(event)}**{status} · {', '.join(names) or 'no place named'}")
        st.write(event.sentence)


def save_correction(names: Sequence[str], lat: float, lon: float, *, label: str, country: str, kind: str) -> None:
    """Pin every written form of the place, then rebuild: build_story applies stored corrections."""
    store = Corrections.open(settings())
    try:
        for name in names:
            store.set(name, lat, lon, label=label, country=country, kind=kind)
    finally:
        store.close()
    cached_story.clear()
    cached_export.clear()
    st.session_state.flash = f"Saved: {', '.join(names)} → {lat:.4f}, {lon:.4f}"


def corrections(story: Story) -> None:
    targets: list[tuple[str, Place | None]] = [(p.name, p) for p in story.places]
    targets += [(u.name, None) for u in story.unresolved]
    if not targets:
        return
    with st.expander("Correct a place"):
        i = st.selectbox(
            "Place", range(len(targets)), key="fix_place",
            format_func=lambda k: f"{targets[k][0]} ({targets[k][1].country or '?'}, {targets[k][1].kind})"
            if targets[k][1] else f"{targets[k][0]} (unresolved)",
        )
        name, place = targets[i]
        alternatives = place.alternatives if place else ()
        options = ["Type coordinates"] + [f"{c.name}, {c.country or '?'} ({c.kind}) {c.lat:.2f}, {c.lon:.2f}" for c in alternatives]
        choice = st.radio("Use", range(len(options)), format_func=options.__getitem__, key=f"fix_choice_{i}")
        lat = st.number_input("Latitude", -90.0, 90.0, value=place.lat if place else 0.0, format="%.4f", key=f"fix_lat_{i}")
        lon = st.number_input("Longitude", -180.0, 180.0, value=place.lon if place else 0.0, format="%.4f", key=f"fix_lon_{i}")
        # Corrections are looked up by the name as written in the article, not the gazetteer's name.
        written = sorted({m.text for m in place.mentions}) if place else [name]
        if st.button("Save correction", key="fix_save"):
            if choice:
                c = alternatives[choice - 1]
                save_correction(written, c.lat, c.lon, label=c.name, country=c.country, kind=c.kind)
            else:
                save_correction(written, lat, lon, label=name, country="", kind=place.kind if place else "city")
            st.rerun()


def main() -> None:
    st.set_page_config(page_title="geotimeline", page_icon="🗺️", layout="wide")
    st.title("geotimeline")
    if flash := st.session_state.pop("flash", None):
        st.success(flash)
    source, published = sidebar()
    try:
        articles, problems = read_articles(source, published)
        for problem in problems:
            st.error(problem)
        if not articles:
            return
        story = cached_story(articles)
    except InputError as exc:
        st.error(str(exc))
        return
    except GeotimelineError as exc:
        st.error(f"Could not build the story: {exc}")
        return

    key = story_key(articles)
    if st.session_state.get("story_key") != key:
        st.session_state.story_key = key
        st.session_state.event_index = 0
    count = len(story.events)
    st.caption(
        f"{' · '.join(a.title or a.id for a in story.articles)} — {count} events, "
        f"{len(story.places)} places, {len(story.journeys)} journeys"
    )
    for warning in story.warnings:
        st.warning(warning)
    if count == 0 and not story.places:
        st.error("No events found: the article names no dates or places that geotimeline recognises.")
        return
    if count == 0:
        st.warning("No events found; the places named are shown on the map.")
    index = min(st.session_state.event_index, max(count - 1, 0))
    current = story.events[index].id if count else None

    if count:
        prev_col, label_col, next_col = st.columns([1, 2, 1], vertical_alignment="center")
        prev_col.button("Previous", on_click=step, args=(-1, count), disabled=index == 0, width="stretch")
        label_col.markdown(f"Event {index + 1} of {count}")
        next_col.button("Next", on_click=step, args=(1, count), disabled=index >= count - 1, width="stretch")
        event_card(story, index)

    map_col, timeline_col = st.columns([3, 2])
    with map_col:
        # A new key per step re-mounts the map, so the highlighted marker always follows the current event.
        st_folium(build_map(story, current=current), key=f"map-{key}-{index}", height=520,
                  use_container_width=True, returned_objects=[])
    with timeline_col:
        # Clicking a point makes it the current event; the key changes with the step, so the old
        # selection does not linger after Previous/Next.
        chart_key = f"timeline-{key}-{index}"
        event_ids = tuple(e.id for e in story.events)
        st.plotly_chart(build_timeline(story, current=current), key=chart_key, selection_mode="points",
                        on_select=lambda: go_to_clicked(chart_key, event_ids))

    if count:
        with st.expander(f"All events ({count})"):
            # Picking a row steps to that event, like Next/Previous and a click on the timeline.
            table_key = f"events-{key}-{index}"
            st.dataframe(event_table(story), key=table_key, on_select=lambda: go_to_row(table_key, count),
                         selection_mode="single-row", hide_index=True, width="stretch")

    left, right = st.columns(2)
    left.download_button("Download HTML map", data=cached_export(key, story), file_name="geotimeline.html",
                         mime="text/html")
    right.download_button("Download story JSON", data=story_to_json(story), file_name="geotimeline-story.json",
                          mime="application/json")

    with st.expander(f"Unresolved places ({len(story.unresolved)})"):
        if not story.unresolved:
            st.write("Every place mention was resolved.")
        for item in story.unresolved:
            st.write(f"{item.name} — " + ", ".join(f"“{m.text}”" for m in item.mentions[:3]))
    corrections(story)


main()
