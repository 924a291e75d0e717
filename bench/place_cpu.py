"""`python bench/place_cpu.py [--docs N] [--against FILE]`: CPU time per document of rasd and of its place stage.

Owns: nothing but this measurement. CPU time (time.process_time), not wall clock, so a
busy shared machine skews it less; the place stage (pipeline.find_places) is timed on
its own, inside the pipeline (other stages run in between, as in production). With
``--against`` another version of places.py (e.g. `git show main:src/rasd/places.py >
/tmp/places_main.py`) runs in the same process, the versions alternating every ``--chunk``
documents, so both see the same machine load, and this checkout's places.py is loaded as a
copy the same way; the minimum over the passes is reported. ``--freeze`` freezes the
collector after the warm-up, as `rasd extract` does.
The corpus defaults to out/bench/corpus-2000.jsonl (made by `make bench BENCH_ARGS="--docs
2000 --big 0"`).
"""
from __future__ import annotations

import argparse
import gc
import importlib.util
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _load_places(path: Path, name: str = "rasd._places_against"):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod          # relative imports resolve inside the rasd package
    spec.loader.exec_module(mod)
    return mod


def main() -> None:
    from rasd import extract, pipeline, places

    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--corpus", type=Path, default=ROOT / "out" / "bench" / "corpus-2000.jsonl")
    p.add_argument("--docs", type=int, default=1000)
    p.add_argument("--passes", type=int, default=3)
    p.add_argument("--chunk", type=int, default=25, help="documents per turn when versions alternate")
    p.add_argument("--freeze", action="store_true",
                   help="gc.freeze() after the warm-up, as `rasd extract` does (rasd.batch._warm)")
    p.add_argument("--against", type=Path, help="another places.py to time in the same process")
    a = p.parse_args()
    docs = []
    with open(a.corpus, encoding="utf-8") as fh:
        for line in fh:
            docs.append(json.loads(line))
            if len(docs) >= a.docs:
                break
    versions = {"current": places.find_places}
    if a.against:
        # both loaded the same way: the package's own module, which the pipeline's other
        # stages share, measured several per cent slower than a loaded copy of itself
        versions["current"] = _load_places(Path(places.__file__), "rasd._places_current").find_places
        versions["against"] = _load_places(a.against).find_places
    spent = [0.0]

    def timed(fn):
        def run(*args, **kw):
            t = time.process_time()
            try:
                return fn(*args, **kw)
            finally:
                spent[0] += time.process_time() - t
        return run

    for fn in versions.values():        # lexicons, gazetteer rows and caches loaded
        pipeline.find_places = fn
        for d in docs[:20]:
            extract(d["text"], published=d.get("published"))
    if a.freeze:
        gc.freeze()
    results: dict[str, list[tuple[float, float]]] = {k: [] for k in versions}
    wrapped = {name: timed(fn) for name, fn in versions.items()}
    for p in range(a.passes):
        # Versions alternate every `chunk` documents (the first one alternating too), so
        # that a load that comes and goes on a shared machine weighs on both alike.
        totals = {name: [0.0, 0.0] for name in versions}
        for c, i in enumerate(range(0, len(docs), a.chunk)):
            names = list(versions) if (c + p) % 2 == 0 else list(reversed(versions))
            for name in names:
                pipeline.find_places = wrapped[name]
                spent[0] = 0.0
                t0 = time.process_time()
                for d in docs[i:i + a.chunk]:
                    extract(d["text"], published=d.get("published"), doc_id=d.get("id"))
                totals[name][0] += time.process_time() - t0
                totals[name][1] += spent[0]
        for name, (total, place) in totals.items():
            results[name].append((total, place))
    pipeline.find_places = places.find_places
    out = {}
    for name, runs in results.items():
        total = min(t for t, _ in runs)
        place = min(s for _, s in runs)
        out[name] = {"docs": len(docs), "ms_per_doc": round(1000 * total / len(docs), 3),
                     "places_ms_per_doc": round(1000 * place / len(docs), 3), "places_share": round(place / total, 3)}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
