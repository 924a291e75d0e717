"""One timed pass of rasd (or of the tokenising baseline) over a corpus file.

Owns: the measurement itself, run in a fresh process so peak RSS is this pass's alone;
rasd passes go through the batch runner's engine, so 1 and 2 jobs are the same code.
Prints one JSON object: documents, records, seconds, peak RSS in MB and, for one
process, the share of time each pipeline stage took.
"""
from __future__ import annotations

import argparse
import json
import re
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Iterator

_WORD = re.compile(r"\w+")


def _lines(path: str) -> Iterator[str]:
    with open(path, encoding="utf-8") as fh:
        yield from fh


STAGES = ("Doc.from_text", "layout.assign_roles", "segment", "index_cues", "find_triggers", "find_places",
          "find_actors", "find_quantities", "find_dates", "find_attributions", "hedge_cues", "assemble", "merge")


def _instrument(pipeline=None, clock=time.perf_counter) -> dict[str, float]:
    """Wrap each stage of ``pipeline`` (default: rasd's) with a ``clock`` timer; returns
    the running totals."""
    if pipeline is None:
        from rasd import pipeline

    totals: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def run(*a, **kw):
            t = clock()
            try:
                return fn(*a, **kw)
            finally:
                totals[name] += clock() - t
        return run

    for name in STAGES:
        if name == "Doc.from_text":
            orig = pipeline.Doc.from_text
            pipeline.Doc = type("TimedDoc", (), {"from_text": staticmethod(timed(name, orig))})
        elif name == "layout.assign_roles":
            pipeline.layout = type("TimedLayout", (), {"assign_roles": staticmethod(timed(name, pipeline.layout.assign_roles))})
        else:
            setattr(pipeline, name, timed(name, getattr(pipeline, name)))
    return totals


def run_rasd(path: str, jobs: int, stages: bool) -> dict:
    """One pass of the batch runner's engine (rasd.batch.iter_results: decoding, keys,
    extraction, record JSON) over the corpus; 1 job in this process, more in a pool."""
    from rasd.batch import _warm, iter_results
    from rasd.inputs import iter_raw

    totals = _instrument() if stages and jobs == 1 else None
    _warm()
    docs = records = errors = 0
    t0 = time.perf_counter()
    for r in iter_results(iter_raw([path]), jobs=jobs):
        docs += 1
        records += len(r.lines or ())
        errors += r.error is not None
    seconds = time.perf_counter() - t0
    out = {"docs": docs, "records": records, "errors": errors, "seconds": seconds, "rss_mb": _peak_rss_mb(jobs > 1)}
    if totals is not None:
        out["stages"] = {k: v / seconds for k, v in sorted(totals.items(), key=lambda kv: -kv[1])}
    return out


def run_tokenise(path: str) -> dict:
    docs = words = 0
    t0 = time.perf_counter()
    for line in _lines(path):
        words += len(_WORD.findall(json.loads(line)["text"]))
        docs += 1
    return {"docs": docs, "words": words, "seconds": time.perf_counter() - t0, "rss_mb": _peak_rss_mb(False)}


def _peak_rss_mb(children: bool) -> float:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if children:
        own = max(own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return own / 1024  # Linux reports KiB


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("mode", choices=["rasd", "tokenise"])
    p.add_argument("corpus")
    p.add_argument("--jobs", type=int, default=1)
    p.add_argument("--stages", action="store_true")
    a = p.parse_args()
    res = run_rasd(a.corpus, a.jobs, a.stages) if a.mode == "rasd" else run_tokenise(a.corpus)
    json.dump(res, sys.stdout)


if __name__ == "__main__":
    main()
