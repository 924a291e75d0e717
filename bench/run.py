"""`make bench`: rasd's speed and memory against a baseline measured in the same run.

Owns: building the corpora (bench/corpus.py), running each timed pass in a fresh
process (bench/worker.py), the cold-start timing, and the report. Targets (issue 3):
≥ 1,000 documents/second on one process, ratio ≤ 20 against reading and word-tokenising
the same corpus, peak RSS ≤ 300 MB and flat from 10k to 100k documents, two processes
≥ 1.8× one, cold start ≤ 1 s. They are printed, not asserted: timings are the
machine's, ratios are what carry across machines.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import write_corpus  # noqa: E402


def _worker(*args: str) -> dict:
    proc = subprocess.run([sys.executable, str(HERE / "worker.py"), *args], capture_output=True, text=True)
    if proc.returncode != 0:
        raise SystemExit(f"bench: worker {' '.join(args)} failed:\n{proc.stderr}")
    return json.loads(proc.stdout)


def _cold_start(runs: int = 3) -> float:
    """Wall time of `rasd extract` on one example file, median of ``runs`` fresh processes.

    One unmeasured run first: the cold start is the process's (imports, lexicons, index
    load), not the disk's, which the passes before may have pushed out of the page cache."""
    cmd = [sys.executable, "-m", "rasd", "extract", str(ROOT / "examples" / "main_report.txt"),
           "--published", "2024-03-12", "-o", os.devnull, "--no-progress"]
    subprocess.run(cmd, check=True, capture_output=True)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def _mark(ok: bool) -> str:
    return "ok" if ok else "MISSED"


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--docs", type=int, default=10_000, help="documents in the main corpus")
    p.add_argument("--big", type=int, default=100_000, help="documents for the memory-growth pass (0: skip)")
    p.add_argument("--dir", type=Path, default=ROOT / "out" / "bench", help="where corpora are written")
    a = p.parse_args()

    corpus = write_corpus(a.dir / f"corpus-{a.docs}.jsonl", a.docs)
    sizes = [len(json.loads(line)["text"].encode("utf-8")) for line in open(corpus, encoding="utf-8")]
    print(f"corpus: {len(sizes)} documents, {min(sizes)}–{max(sizes)} bytes, median {statistics.median(sizes):.0f}"
          f" ({corpus})")

    tok = _worker("tokenise", str(corpus))
    one = _worker("rasd", str(corpus), "--jobs", "1", "--stages")
    two = _worker("rasd", str(corpus), "--jobs", "2")
    cold = _cold_start()
    big = None
    if a.big:
        big_corpus = write_corpus(a.dir / f"corpus-{a.big}.jsonl", a.big)
        big = _worker("rasd", str(big_corpus), "--jobs", "1")

    dps1 = one["docs"] / one["seconds"]
    dps2 = two["docs"] / two["seconds"]
    ratio = one["seconds"] / tok["seconds"]
    speedup = dps2 / dps1
    places = one["stages"].get("find_places", 0.0)
    print(f"tokenise baseline: {tok['docs'] / tok['seconds']:,.0f} docs/s ({tok['seconds']:.2f} s)")
    print(f"rasd, 1 process:   {dps1:,.0f} docs/s ({one['seconds']:.2f} s, {one['records']} records, "
          f"peak RSS {one['rss_mb']:.0f} MB)  [{_mark(dps1 >= 1000)} ≥ 1,000]")
    print(f"rasd, 2 processes: {dps2:,.0f} docs/s (×{speedup:.2f})  [{_mark(speedup >= 1.8)} ≥ 1.8×]")
    print(f"ratio = rasd time / tokenise time = {ratio:.1f}  [{_mark(ratio <= 20)} ≤ 20]")
    print(f"cold start (rasd extract on one file): {cold:.2f} s  [{_mark(cold <= 1.0)} ≤ 1 s]")
    if big:
        flat = big["rss_mb"] <= one["rss_mb"] * 1.1 + 5
        print(f"peak RSS: {one['rss_mb']:.0f} MB at {one['docs']:,} docs, {big['rss_mb']:.0f} MB at {big['docs']:,} docs "
              f"[{_mark(max(one['rss_mb'], big['rss_mb']) <= 300 and flat)} ≤ 300 MB and flat]")
    print("time per stage (share of the 1-process run): "
          + ", ".join(f"{k} {v:.0%}" for k, v in one["stages"].items()))
    big_part = f" rss_at_{big['docs']}={big['rss_mb']:.0f}MB" if big else ""
    print(f"SUMMARY docs={one['docs']} median_bytes={statistics.median(sizes):.0f} "
          f"docs_per_s_1proc={dps1:.0f} docs_per_s_2proc={dps2:.0f} speedup_2proc={speedup:.2f} "
          f"tokenise_docs_per_s={tok['docs'] / tok['seconds']:.0f} ratio={ratio:.1f} "
          f"rss_at_{one['docs']}={one['rss_mb']:.0f}MB{big_part} cold_start_s={cold:.2f} "
          f"geocoding_share={places:.0%}")


if __name__ == "__main__":
    main()
