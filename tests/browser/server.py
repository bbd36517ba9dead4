"""Start ``streamlit run streamlit_app.py`` on a free local port and wait until it answers.

::

    with running_dashboard() as url:
        page.goto(url)

The wait polls Streamlit's health endpoint with a bounded deadline; the server process is stopped
(and reaped) on exit even when the test fails.
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
APP = REPO / "streamlit_app.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_until_up(url: str, process: subprocess.Popen[bytes], timeout: float = 90.0) -> None:
    """Poll ``url``/_stcore/health until it answers 200; raise if the process dies or time runs out."""
    deadline = time.monotonic() + timeout
    health = url.rstrip("/") + "/_stcore/health"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with code {process.returncode}")
        try:
            with urllib.request.urlopen(health, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        time.sleep(0.1)  # poll interval, not a wait for readiness
    raise TimeoutError(f"streamlit did not answer at {health} within {timeout:.0f} s")


@contextlib.contextmanager
def running_dashboard(env: dict[str, str] | None = None, timeout: float = 90.0) -> Iterator[str]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    environ = {**os.environ, "PYTHONPATH": str(REPO), **(env or {})}
    command = [
        sys.executable, "-m", "streamlit", "run", str(APP),
        "--server.headless", "true", "--server.port", str(port), "--server.address", "127.0.0.1",
        "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
    ]
    process = subprocess.Popen(command, cwd=REPO, env=environ, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        wait_until_up(url, process, timeout)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stderr:
            process.stderr.close()
