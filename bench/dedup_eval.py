"""Pairwise precision/recall of cross-report merging on the team's planted corpus.

    .venv/bin/python bench/dedup_eval.py [--corpus tests/fixtures/dedup/corpus.jsonl]
                                         [--gold tests/fixtures/dedup/gold.jsonl] [--json] [-v]

The corpus holds short reports the team wrote: groups of 2–5 outlets telling one event
with different words, dates relative to their own publication day and different tolls,
beside near-misses (same town another day, neighbouring town the same day, same place
and day but another event type or another attacker). The gold file, written by hand,
says which event(s) each document reports: one line per (doc, event label, ACLED event
type, place as the article writes it).

Measured on the records rasd itself produces (extraction may miss or split events):
every document is ingested into a fresh store exactly as `rasd ingest` does, events are
rebuilt, then each event record is mapped to a gold event of ITS document — the one with
the same ACLED event type whose place name is contained in the record's place mention or
gazetteer name (or contains it), or, failing that, the only gold event of that type in
the document. A record mapped to nothing gets a gold label of its own, so merging it with
anything counts as a false merge. Over all pairs of event records from different
documents: predicted-same = same rasd event, gold-same = same gold label.
precision = TP / (TP + FP), recall = TP / (TP + FN).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "src"))

from rasd.batch import records_for  # noqa: E402
from rasd.inputs import InputError, iter_documents  # noqa: E402
from rasd.normalize import normalize_key  # noqa: E402
from rasd.store import Store  # noqa: E402

CORPUS = ROOT / "tests/fixtures/dedup/corpus.jsonl"
GOLD = ROOT / "tests/fixtures/dedup/gold.jsonl"


def load_gold(path: Path) -> dict[str, list[dict]]:
    gold: dict[str, list[dict]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            g = json.loads(line)
            gold.setdefault(g["doc"], []).append(g)
    return gold


def gold_label(rec: dict, name: str, gold: dict[str, list[dict]]) -> str | None:
    """The gold event a record (of document ``name``) describes, None when none fits."""
    cands = [g for g in gold.get(name, []) if g["event_type"] == rec.get("event_type")]
    loc = rec.get("location") or {}
    names = [normalize_key(x) for x in (loc.get("mention"), loc.get("name_ar")) if x]
    for g in cands:
        p = normalize_key(g["place"])
        if any(p in n or n in p for n in names):
            return g["event"]
    return cands[0]["event"] if len(cands) == 1 else None


def evaluate(corpus: Path = CORPUS, gold_path: Path = GOLD, db: Path | None = None) -> dict:
    gold = load_gold(gold_path)
    with tempfile.TemporaryDirectory() as tmp:
        with Store(db or Path(tmp) / "eval.db") as store:
            with store.batch():
                for item in iter_documents([corpus]):
                    if isinstance(item, InputError):
                        raise SystemExit(f"dedup_eval: unreadable corpus line: {item.origin}: {item.error}")
                    store.ingest_document(item, records_for(item))
            store.rebuild_events()
            names = {d["id"]: d["name"] for d in store.documents(limit=None)}
            records = [r for r in store.records() if r.get("record_kind") == "event"]
            events = {e["id"]: e for e in store.events()}
    for r in records:
        label = gold_label(r, names[r["doc"]], gold)
        r["_gold"] = label or f"unmatched:{r['id']}"
    tp = fp = fn = 0
    false_merges, missed = [], []
    for a, b in combinations(sorted(records, key=lambda r: r["id"]), 2):
        if a["doc"] == b["doc"]:
            continue
        pred, true = a["event_id"] == b["event_id"], a["_gold"] == b["_gold"]
        if pred and true:
            tp += 1
        elif pred:
            fp += 1
            false_merges.append((names[a["doc"]], names[b["doc"]], a["_gold"], b["_gold"]))
        elif true:
            fn += 1
            missed.append((names[a["doc"]], names[b["doc"]], a["_gold"]))
    gold_pairs = {(d, g["event"]) for d, gs in gold.items() for g in gs}
    found = {(names[r["doc"]], r["_gold"]) for r in records}
    return {
        "documents": len(names), "event_records": len(records), "events": len(events),
        "multi_report_events": sum(1 for e in events.values() if e["n_reports"] > 1),
        "gold_events": len({g for _, g in gold_pairs}), "gold_reports": len(gold_pairs),
        "gold_reports_extracted": len(gold_pairs & found),
        "unmatched_records": sum(1 for r in records if r["_gold"].startswith("unmatched:")),
        "tp": tp, "fp": fp, "fn": fn,
        "precision": round(tp / (tp + fp), 4) if tp + fp else 1.0,
        "recall": round(tp / (tp + fn), 4) if tp + fn else 1.0,
        "false_merges": false_merges, "missed_merges": missed,
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true", help="list false and missed merges")
    args = ap.parse_args(argv)
    res = evaluate(args.corpus, args.gold)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    print(f"documents {res['documents']}, event records {res['event_records']}, events {res['events']} "
          f"({res['multi_report_events']} multi-report); gold: {res['gold_events']} events, "
          f"{res['gold_reports_extracted']}/{res['gold_reports']} (doc, event) reports extracted, "
          f"{res['unmatched_records']} record(s) matching no gold event")
    print(f"pairwise merging: TP {res['tp']}  FP {res['fp']}  FN {res['fn']}  "
          f"precision {res['precision']:.3f}  recall {res['recall']:.3f}  (targets ≥ 0.95 / ≥ 0.90)")
    if args.verbose:
        for a, b, ga, gb in res["false_merges"]:
            print(f"  false merge: {a} ({ga}) + {b} ({gb})")
        for a, b, g in res["missed_merges"]:
            print(f"  missed merge: {a} + {b} ({g})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
