"""A tiny Nominatim look-alike on 127.0.0.1 for tests: real HTTP, no internet.

::

    with NominatimServer({"khasan": [place("Khasan", 42.43, 130.64, "ru")]}) as server:
        settings = Settings(online=True, geocoder_domain=server.domain, geocoder_scheme="http", ...)
        ...
        assert server.requests == 1

``GET /search?q=...&format=json`` answers the list stored under the case-folded,
single-spaced query (``[]`` when unknown), honouring ``limit``. Set ``server.mode`` to
``"503"`` to answer Service Unavailable, or ``"stall"`` to hold the answer until the
server stops (pair it with a tiny client timeout, never with a sleeping test).
"""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit

__all__ = ["NominatimServer", "place"]


def place(
    name: str,
    lat: float,
    lon: float,
    country_code: str = "",
    *,
    cls: str = "place",
    type: str = "city",
    importance: float = 0.5,
    display_name: str = "",
) -> dict[str, Any]:
    """One search result in Nominatim's ``format=json`` shape (coordinates as strings, like the real one)."""
    record: dict[str, Any] = {
        "place_id": abs(hash((name, lat, lon))) % 10**9,
        "lat": str(lat),
        "lon": str(lon),
        "display_name": display_name or name,
        "class": cls,
        "type": type,
        "importance": importance,
        "name": name,
    }
    if country_code:
        record["address"] = {"country_code": country_code.lower()}
    return record


class NominatimServer:
    """A threaded HTTP server answering Nominatim searches from a dict; counts requests."""

    def __init__(self, places: dict[str, list[dict[str, Any]]] | None = None) -> None:
        self.places = {" ".join(k.casefold().split()): v for k, v in (places or {}).items()}
        self.mode = "ok"
        self.requests = 0
        self.queries: list[dict[str, list[str]]] = []
        self.user_agents: list[str] = []
        self._release = threading.Event()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._httpd.daemon_threads = True
        # A short poll interval so that stop() (and each test's teardown) returns promptly.
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, kwargs={"poll_interval": 0.05}, name="nominatim-test", daemon=True
        )

    @property
    def domain(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"{host}:{port}"

    def start(self) -> NominatimServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._release.set()
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join()

    def __enter__(self) -> NominatimServer:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                url = urlsplit(self.path)
                params = parse_qs(url.query)
                with server._lock:
                    server.requests += 1
                    server.queries.append(params)
                    server.user_agents.append(self.headers.get("User-Agent", ""))
                if server.mode == "stall":
                    server._release.wait(timeout=10)
                    return
                if server.mode == "503":
                    self._send(503, {"error": "Service Unavailable"})
                    return
                if url.path != "/search":
                    self._send(404, {"error": "not found"})
                    return
                query = " ".join(params.get("q", [""])[0].casefold().split())
                limit = int(params.get("limit", ["10"])[0])
                self._send(200, server.places.get(query, [])[:limit])

            def _send(self, status: int, body: object) -> None:
                payload = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json; charset=utf-8")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep pytest output clean

        return Handler
