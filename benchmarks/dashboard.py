"""Dashboard first render: seconds from `streamlit run` to the map being visible in Chromium.

    python benchmarks/dashboard.py [EVAL_DIR] [--runs 1]     # EVAL_DIR is ignored

Starts streamlit_app.py on a free port, opens it in Debian's Chromium (CDN files served from
assets/node_modules, as in tests/browser) and prints, per run:

* server   -- until Streamlit's health endpoint answers;
* first    -- until the map's markers and routes are drawn in the st_folium iframe (cold: the story is
              built for the first time in this server process);
* warm     -- the same in a second tab (story served from st.cache_data);
* step     -- from clicking Next to the re-drawn map of event 2.

Figures depend on the machine and on whether the gazetteer index is already built in the cache dir.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser.cdn import install_routes, launch  # noqa: E402
from tests.browser.server import running_dashboard  # noqa: E402

MAP_FRAME = 'iframe[title^="streamlit_folium"]'
TIMEOUT_MS = 300_000


def map_drawn(page: object) -> None:
    frame = page.frame_locator(MAP_FRAME).first  # type: ignore[attr-defined]
    frame.locator(".leaflet-marker-pane > *").first.wait_for(timeout=TIMEOUT_MS)
    frame.locator("path.leaflet-interactive").first.wait_for(timeout=TIMEOUT_MS)


def one_run() -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    figures: dict[str, float] = {}
    start = time.perf_counter()
    with running_dashboard(timeout=TIMEOUT_MS / 1000) as url, sync_playwright() as p:
        figures["server"] = time.perf_counter() - start
        browser = launch(p)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
        install_routes(context)
        page = context.new_page()
        page.goto(url)
        map_drawn(page)
        figures["first"] = time.perf_counter() - start

        t = time.perf_counter()
        second = context.new_page()
        second.goto(url)
        map_drawn(second)
        figures["warm"] = time.perf_counter() - t

        t = time.perf_counter()
        second.get_by_role("button", name="Next", exact=True).click()
        second.get_by_text("Event 2 of", exact=False).first.wait_for(timeout=TIMEOUT_MS)
        map_drawn(second)
        figures["step"] = time.perf_counter() - t
        browser.close()  # type: ignore[attr-defined]
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("eval_dir", nargs="?", help="ignored: accepted so scripts/dev.sh can pass every benchmark the same argument")
    parser.add_argument("--runs", type=int, default=1)
    args = parser.parse_args(argv)
    for run in range(1, args.runs + 1):
        f = one_run()
        print(
            f"run {run}: server {f['server']:.1f} s, first map {f['first']:.1f} s, "
            f"warm map {f['warm']:.1f} s, Next -> map {f['step']:.1f} s"
        )


if __name__ == "__main__":
    main()
