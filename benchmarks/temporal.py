"""Accuracy and speed of the temporal tagger on the TempEval-3 sets.

Usage::

    cd /work/main && PYTHONPATH=. python benchmarks/temporal.py [EVAL_DIR] [--sets timebank,aquaint]
        [--errors N] [--no-speed]

``EVAL_DIR`` holds ``timebank.jsonl``, ``aquaint.jsonl``, ``te3-platinum.jsonl``
and the official ``score.py`` (default ``../shared/eval/temporal``). For every
set the script runs :func:`geotimeline.extract.dates.find_dates` with the
document creation time as anchor, writes predictions to a temporary directory,
calls the scorer in a subprocess and prints strict/relaxed span F1, type F1,
value F1 and the calendar-date accuracy. It then times ``find_dates`` and
dateparser's ``search_dates`` (``languages=["en"]``, ``RELATIVE_BASE`` = DCT)
on the same documents in three alternating rounds and prints both throughputs
and their ratio for each round and for the median round. Both are timed in CPU
seconds of this process (``time.process_time``); on a shared VM that still
varies by 10-20 % from pass to pass, hence the rounds.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from geotimeline.extract.dates import find_dates

SETS = ("timebank", "aquaint", "te3-platinum")
ROUNDS = 3


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def predict(docs: list[dict]) -> list[dict]:
    out = []
    for doc in docs:
        anchor = dt.date.fromisoformat(doc["dct"])
        mentions = find_dates(doc["text"], anchor)
        out.append({"doc_id": doc["doc_id"],
                    "timexes": [{"start": m.start, "end": m.end, "type": m.type, "value": m.value} for m in mentions]})
    return out


def score(scorer: Path, gold: Path, pred: Path, errors: int) -> dict:
    cmd = [sys.executable, str(scorer), str(gold), str(pred), "--mode", "both", "--json"]
    res = subprocess.run(cmd, capture_output=True, text=True, check=True)
    if errors:
        txt = subprocess.run([sys.executable, str(scorer), str(gold), str(pred), "--mode", "both",
                              "--errors", str(errors)], capture_output=True, text=True, check=True)
        print(txt.stdout)
    return json.loads(res.stdout)


def _pick(d: dict, *keys: str) -> object:
    for k in keys:
        if not isinstance(d, dict) or k not in d:
            return None
        d = d[k]
    return d


def throughput(docs: list[dict], repeat_for: float = 3.0) -> float:
    n = 0
    t0 = time.process_time()
    while True:
        for doc in docs:
            find_dates(doc["text"], dt.date.fromisoformat(doc["dct"]))
            n += 1
        if time.process_time() - t0 >= repeat_for:
            break
    return n / (time.process_time() - t0)


def dateparser_throughput(docs: list[dict], budget: float = 20.0) -> float:
    from dateparser.search import search_dates

    search_dates("warm up on 5 March 2011", languages=["en"])  # language data loads lazily on first use
    n = 0
    t0 = time.process_time()
    for doc in docs:
        base = dt.datetime.fromisoformat(doc["dct"])
        search_dates(doc["text"], languages=["en"], settings={"RELATIVE_BASE": base})
        n += 1
        if time.process_time() - t0 >= budget:
            break
    return n / (time.process_time() - t0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("eval_dir", nargs="?", default="../shared/eval/temporal")
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--errors", type=int, default=0, help="print up to N scorer errors per set")
    ap.add_argument("--no-speed", action="store_true")
    args = ap.parse_args(argv)
    eval_dir = Path(args.eval_dir)
    scorer = eval_dir / "score.py"
    all_docs: list[dict] = []
    with tempfile.TemporaryDirectory() as tmp:
        print(f"{'set':<14}{'strict F1':>10}{'relaxed F1':>11}{'type F1':>9}{'value F1':>10}{'dates acc':>11}")
        for name in args.sets.split(","):
            gold = eval_dir / f"{name}.jsonl"
            docs = load(gold)
            all_docs.extend(docs)
            pred = Path(tmp) / f"{name}.pred.jsonl"
            pred.write_text("".join(json.dumps(p) + "\n" for p in predict(docs)), encoding="utf-8")
            res = score(scorer, gold, pred, args.errors)
            te = res.get("tempeval", res)
            da = res.get("dates", {})
            row = [
                _pick(te, "strict", "F1"), _pick(te, "relaxed", "F1"), _pick(te, "type", "F1"), _pick(te, "value", "F1"),
                _pick(da, "value_accuracy"),
            ]
            print(f"{name:<14}" + "".join(f"{_fmt(v):>10} " for v in row))
    if not args.no_speed:
        find_dates("warm up on 5 March 2011", None)
        # Rounds alternate the two taggers, so that a slow spell of a shared machine hits both; the median
        # round is the figure, every round is printed.
        rounds = []
        for _ in range(ROUNDS):
            ours = throughput(all_docs)
            theirs = dateparser_throughput(all_docs)
            rounds.append((ours / theirs, ours, theirs))
            print(f"\nround: find_dates {ours:.1f} docs/s, dateparser search_dates {theirs:.1f} docs/s, "
                  f"ratio {ours / theirs:.1f}x", end="")
        ratio, ours, theirs = sorted(rounds)[len(rounds) // 2]
        print(f"\nthroughput (CPU time, {len(all_docs)} docs, median of {ROUNDS} rounds): find_dates {ours:.1f} "
              f"docs/s, dateparser search_dates {theirs:.1f} docs/s, ratio {ratio:.1f}x")
    return 0


def _fmt(v: object) -> str:
    if isinstance(v, (int, float)):
        return f"{100 * v:.2f}" if v <= 1 else f"{v:.2f}"
    return "-"


if __name__ == "__main__":
    raise SystemExit(main())
