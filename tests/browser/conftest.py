"""Fixtures for the real-browser tests: Debian's Chromium, offline CDN routes, a running dashboard.

These tests are marked ``browser``; deselect them with ``-m "not browser"``. They skip only when
/usr/bin/chromium is missing (CI installs it) and fail when the local CDN copy is missing
(``npm ci --prefix assets``), so a broken setup is never mistaken for a pass.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.browser.cdn import CHROMIUM, NODE_MODULES, RouteLog, install_routes, launch
from tests.browser.server import running_dashboard

def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)
            if not CHROMIUM.exists():
                item.add_marker(pytest.mark.skip(reason=f"{CHROMIUM} not found: apt-get install chromium"))


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    assert (NODE_MODULES / "leaflet" / "dist" / "leaflet.js").is_file(), (
        "CDN assets missing: run `npm ci --prefix assets`"
    )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = launch(p)
        yield chromium
        chromium.close()  # type: ignore[attr-defined]


@pytest.fixture
def context(browser: object) -> Iterator[tuple[object, RouteLog]]:
    ctx = browser.new_context(viewport={"width": 1400, "height": 1000})  # type: ignore[attr-defined]
    log = install_routes(ctx)
    yield ctx, log
    ctx.close()  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def dashboard_url() -> Iterator[str]:
    with running_dashboard() as url:
        yield url
