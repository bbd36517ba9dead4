"""End-to-end speed of geotimeline: index build, cold start, warm extraction, archive throughput.

    python benchmarks/pipeline.py [EVAL_DIR]     # EVAL_DIR defaults to ../shared/eval

Prints:
- time to build the gazetteer index from its sources (into a temporary cache folder) and its size;
- cold start: a new ``geotimeline extract`` process on the bundled sample with a warm index;
- warm extraction of the sample in-process (median of repeated runs);
- archive throughput of ``build_story`` over the LGL news texts (one story per article), and peak memory.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geotimeline.geocoding.gazetteer import Gazetteer  # noqa: E402
from geotimeline.geocoding.index_build import build_index  # noqa: E402
from geotimeline.ingest import article_from_text, load_article  # noqa: E402
from geotimeline.settings import SAMPLE_ARTICLE, Settings  # noqa: E402
from geotimeline.story import build_story  # noqa: E402


def main() -> None:
    eval_dir = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT.parent / "shared" / "eval")
    settings = Settings.from_env()

    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        path = build_index(Path(tmp) / "gazetteer.sqlite", progress=False)
        build_s = time.perf_counter() - started
        size_mib = path.stat().st_size / 2**20
    print(f"gazetteer index build: {build_s:.1f} s, {size_mib:.1f} MiB")

    gazetteer = Gazetteer.open(settings, progress=False)
    article = load_article(SAMPLE_ARTICLE, published=dt.date(2011, 8, 21))

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    colds = []
    for _ in range(3):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "geotimeline", "extract", str(SAMPLE_ARTICLE)], env=env,
                       capture_output=True, check=True)
        colds.append(time.perf_counter() - started)
    print(f"cold start (new process, warm index) extract of the sample: {statistics.median(colds):.2f} s")

    build_story([article], settings=settings, gazetteer=gazetteer)  # warm caches
    warms = []
    for _ in range(10):
        started = time.perf_counter()
        build_story([article], settings=settings, gazetteer=gazetteer)
        warms.append(time.perf_counter() - started)
    print(f"warm extract of the sample (in process, median of 10): {statistics.median(warms) * 1000:.0f} ms")

    lgl = eval_dir / "geoparse" / "lgl.jsonl"
    if lgl.exists():
        docs = [json.loads(line) for line in lgl.open(encoding="utf-8")][:200]
        started = time.perf_counter()
        events = places = 0
        for doc in docs:
            art = article_from_text(doc["text"], published=dt.date(2009, 6, 1), source=str(doc["doc_id"]))
            story = build_story([art], settings=settings, gazetteer=gazetteer)
            events += len(story.events)
            places += len(story.places)
        elapsed = time.perf_counter() - started
        print(f"archive throughput (LGL, {len(docs)} articles, one story each): {len(docs) / elapsed:.1f} articles/s "
              f"({events} events, {places} places)")
    else:
        print(f"archive throughput: skipped ({lgl} not found)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (this process): {peak:.0f} MiB")


if __name__ == "__main__":
    main()
