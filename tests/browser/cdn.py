"""Serve the CDN files folium and the HTML export load from ``assets/node_modules``, offline.

Browser tests run without internet, yet a folium page loads Leaflet, jQuery, Bootstrap, Font Awesome
and leaflet.awesome-markers from public CDNs (and the export loads plotly.js). :func:`install_routes`
answers those requests from the npm packages pinned in ``assets/package.json`` (``npm ci --prefix
assets``) and aborts every other external request, so a test never touches the network::

    context = browser.new_context()
    log = install_routes(context)
    page = context.new_page(); page.goto(url)
    log.served, log.aborted          # what came from node_modules, what was refused

A URL maps to a file by package name + path inside the package (``/npm/leaflet@1.9.3/dist/leaflet.js``
-> ``node_modules/leaflet/dist/leaflet.js``). Map tiles, folium's ``leaflet.awesome.rotate.min.css``
(published only on GitHub) and the Bootstrap 3 glyphicons stylesheet (not on npm) are cosmetic and
aborted: markers and routes render without them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "assets" / "node_modules"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "[::1]", "::1"})

_RULES: tuple[tuple[str, re.Pattern[str], str], ...] = (
    # (host, path pattern, file under node_modules using the pattern's groups)
    ("cdn.jsdelivr.net", re.compile(r"^/npm/((?:@[^/]+/)?[^@/]+)@[^/]+/(.+)$"), r"\1/\2"),
    ("code.jquery.com", re.compile(r"^/jquery-[\d.]+(\.min)?\.js$"), r"jquery/dist/jquery\1.js"),
    ("cdnjs.cloudflare.com", re.compile(r"^/ajax/libs/jquery/[\d.]+/(.+)$"), r"jquery/dist/\1"),
    ("cdnjs.cloudflare.com", re.compile(r"^/ajax/libs/Leaflet\.awesome-markers/[\d.]+/(.+)$"),
     r"leaflet.awesome-markers/dist/\1"),
    ("cdn.plot.ly", re.compile(r"^/plotly-[\d.]+\.min\.js$"), r"plotly.js-dist-min/plotly.min.js"),
)


def local_file(url: str) -> Path | None:
    """The file in ``assets/node_modules`` that stands for a CDN ``url``, or ``None``."""
    parts = urlsplit(url)
    for host, pattern, target in _RULES:
        if parts.hostname == host and (m := pattern.match(parts.path)):
            path = NODE_MODULES / m.expand(target)
            return path if path.is_file() else None
    return None


def is_local(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("file", "data", "blob", "about") or (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class RouteLog:
    served: list[str] = field(default_factory=list)
    aborted: list[str] = field(default_factory=list)


def install_routes(context: object) -> RouteLog:
    """Route every request of a Playwright ``BrowserContext`` through the offline CDN."""
    log = RouteLog()

    def handle(route: object) -> None:
        url = route.request.url  # type: ignore[attr-defined]
        if is_local(url):
            route.continue_()  # type: ignore[attr-defined]
            return
        path = local_file(url)
        if path is None:
            log.aborted.append(url)
            route.abort()  # type: ignore[attr-defined]
            return
        log.served.append(url)
        route.fulfill(path=str(path), headers={"Access-Control-Allow-Origin": "*"})  # type: ignore[attr-defined]

    context.route("**/*", handle)  # type: ignore[attr-defined]
    return log


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright: object) -> object:
    """Debian's Chromium, headless, never a downloaded browser."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)  # type: ignore[attr-defined]
