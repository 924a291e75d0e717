"""`python bench/stage_ab.py [--against REF] [--docs N] [--rounds R]`: CPU time per document
and per pipeline stage of this checkout's rasd against another git revision's, in one process.

Owns: nothing but this measurement. The other revision's `src/rasd` is unpacked (`git
archive`) into a temporary directory as the package `rasd_base`; both pipelines run over
the first ``--docs`` documents of out/bench/corpus-1000.jsonl in chunks of 25, the order
alternating, so that both see the same machine load (CPU time, `time.process_time`, as in
bench/place_cpu.py). The stage names are bench/worker.py's. ``--batch-gc`` collects garbage as
a batch process does (`rasd.batch._warm`: the loaded lexicons frozen, young collections
rare), so that a stage that allocates much is not charged for collections the batch
runner no longer makes.
"""
from __future__ import annotations

import argparse
import gc
import io
import json
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from worker import _instrument as _instrument_stages  # noqa: E402


def _unpack(ref: str, into: Path) -> None:
    tar = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "src/rasd"], check=True, capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(tar)) as tf:
        tf.extractall(into)
    (into / "src" / "rasd").rename(into / "rasd_base")


def _instrument(pipeline) -> dict[str, float]:
    return _instrument_stages(pipeline, time.process_time)


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--against", default="main", help="git revision to compare with (default main)")
    p.add_argument("--corpus", type=Path, default=ROOT / "out" / "bench" / "corpus-1000.jsonl")
    p.add_argument("--docs", type=int, default=1000)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--batch-gc", action="store_true", help="garbage collection as in a batch process")
    a = p.parse_args()
    with open(a.corpus, encoding="utf-8") as fh:
        docs = [json.loads(line) for line, _ in zip(fh, range(a.docs))]
    tmp = tempfile.TemporaryDirectory()
    _unpack(a.against, Path(tmp.name))
    sys.path.insert(0, tmp.name)
    from rasd import pipeline as new
    from rasd_base import pipeline as base

    runs = {"base": (base.extract, _instrument(base)), "new": (new.extract, _instrument(new))}
    spent = {k: 0.0 for k in runs}
    for extract, totals in runs.values():       # lexicons and gazetteer loaded, unions built
        for d in docs[:30]:
            extract(d["text"], published=d.get("published"))
        totals.clear()
    if a.batch_gc:
        from rasd.batch import GC_YOUNG_THRESHOLD
        gc.collect()
        gc.freeze()
        gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])
    chunk = 25
    for r in range(a.rounds):
        for i in range(0, len(docs), chunk):
            order = ("base", "new") if (i // chunk + r) % 2 == 0 else ("new", "base")
            for k in order:
                extract = runs[k][0]
                t = time.process_time()
                for d in docs[i:i + chunk]:
                    extract(d["text"], published=d.get("published"), doc_id=d.get("id"))
                spent[k] += time.process_time() - t
    n = len(docs) * a.rounds
    print(f"{'ms/doc (CPU)':22s} {a.against:>10s} {'this':>10s}")
    print(f"{'total':22s} {1000 * spent['base'] / n:10.3f} {1000 * spent['new'] / n:10.3f}  "
          f"{100 * (spent['new'] / spent['base'] - 1):+.1f}%")
    tb, tn = runs["base"][1], runs["new"][1]
    for k in sorted(tb, key=lambda k: -tb[k]):
        print(f"{k:22s} {1000 * tb[k] / n:10.3f} {1000 * tn.get(k, 0.0) / n:10.3f}")
    tmp.cleanup()


if __name__ == "__main__":
    main()
