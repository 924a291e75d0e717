"""`rasd ingest` and `rasd query`: the command-line side of the store.

Owns: the ingest loop (read → extract → store, one transaction per batch of documents,
then rebuild events), and the query command's output: a terminal table, CSV / JSONL /
GeoJSON / Parquet files, `--records` and `--explain`. The SQL is in `store.py`, the
merging rule in `dedup.py`, the file writers in `output.py`.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from contextlib import contextmanager
from pathlib import Path

# Documents per transaction: big enough that commits are not the bottleneck, small enough
# that an interrupted ingest loses little.
BATCH_DOCS = 200


def add_ingest_parser(sub, date_type) -> None:
    p = sub.add_parser("ingest", help="extract documents and store them with their records in a database")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .html, a directory, or .jsonl[.gz]")
    p.add_argument("--db", default="rasd.db", help="SQLite database (default rasd.db; created when missing)")
    p.add_argument("--published", type=date_type, help="publication date for documents that have none")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.add_argument("--jobs", type=int, help="extraction processes (default: all cores; 1: in this process)")
    p.add_argument("--time-budget", type=float, default=10.0, help="seconds per document before it is "
                   "stopped as a timeout error (default 10; 0: none)")
    p.add_argument("--rebuild", action="store_true", help="re-cluster every stored record into events "
                   "(after editing dedup.yaml); by default only the blocks new documents touch")


def add_query_parser(sub, date_type) -> None:
    p = sub.add_parser("query", help="list, filter and export the events of a database")
    p.add_argument("--db", default="rasd.db", help="SQLite database (default rasd.db)")
    p.add_argument("--country", help="ISO2 code or English name (SY, Syria)")
    p.add_argument("--admin1", help="first-level region as the gazetteer names it (Idlib)")
    p.add_argument("--type", dest="event_type", help="ACLED event type or sub-event type (Battles, Air/drone strike)")
    p.add_argument("--since", type=date_type, help="events on or after this date")
    p.add_argument("--until", type=date_type, help="events on or before this date")
    p.add_argument("--actor", help="part of an actor's name (any report), any case")
    p.add_argument("--text", help="a word or phrase (3+ letters) in a report's article or notes")
    p.add_argument("--limit", type=int, help="at most this many events")
    p.add_argument("-o", "--output", help="write to .csv, .jsonl, .geojson or .parquet instead of a table")
    p.add_argument("--records", action="store_true", help="output the matching events' records, one per report")
    p.add_argument("--explain", metavar="EVENT_ID", help="show one event, its reports and why they were merged")


def run_ingest(args: argparse.Namespace) -> int:
    from .batch import iter_results
    from .inputs import iter_raw
    from .store import Store, StoreError

    try:
        store = Store(args.db)
    except (StoreError, OSError) as exc:
        print(f"rasd: error: cannot open {args.db}: {exc}", file=sys.stderr)
        return 2
    n_docs = n_failed = n_records = 0
    new_docs: list[str] = []
    budget = args.time_budget or None
    with store, _progress(args.no_progress) as progress:
        # The batch runner's engine extracts in worker processes (the store stays in this
        # one: SQLite has one writer); texts already stored are skipped before extraction.
        results = iter_results(iter_raw(args.inputs, args.published), jobs=args.jobs or os.cpu_count() or 1,
                               time_budget=budget, skip_texts=store.stored_texts(), keep_doc=True)
        done = False
        while not done:
            with store.batch():
                for _ in range(BATCH_DOCS):
                    r = next(results, None)
                    if r is None:
                        done = True
                        break
                    n_docs += 1
                    progress.update(1)
                    if r.error is not None:
                        n_failed += 1
                        progress.write(f"rasd: error: {r.origin}: {r.error['error']}", file=sys.stderr)
                        progress.set_postfix(errors=n_failed)
                        continue
                    if r.skipped or r.doc is None:
                        continue
                    records = [json.loads(line) for line in r.lines]
                    doc_id = store.ingest_document(r.doc, records)
                    if doc_id is not None:
                        new_docs.append(doc_id)
                        n_records += len(records)
        n_new = len(new_docs)
        # Incremental is exact (events never span blocks); --rebuild applies an edited rule everywhere.
        n_events = store.rebuild_events(None if args.rebuild else new_docs)
        stats = store.stats()
    summary = (f"rasd: {n_docs} document(s), {n_new} new, {n_records} new record(s); "
               f"{args.db}: {stats['documents']} document(s), {stats['records']} record(s), {n_events} event(s), "
               f"{stats['multi_report_events']} reported by several documents")
    if n_failed:
        print(f"{summary}; {n_failed} document(s) failed", file=sys.stderr)
        return 1
    print(summary, file=sys.stderr)
    return 0


@contextmanager
def _progress(disabled: bool):
    from tqdm import tqdm

    bar = tqdm(unit="doc", file=sys.stderr, disable=disabled or None, leave=False, dynamic_ncols=True)
    try:
        yield bar
    finally:
        bar.close()


def run_query(args: argparse.Namespace) -> int:
    from .store import Store, StoreError

    try:
        store = Store(args.db, readonly=True)
    except StoreError as exc:
        print(f"rasd: error: cannot open {args.db}: {exc}", file=sys.stderr)
        return 2
    with store:
        if args.explain:
            return _explain(store, args.explain)
        events = store.events(country=args.country, admin1=args.admin1, event_type=args.event_type,
                              since=args.since, until=args.until, actor=args.actor, text=args.text, limit=args.limit)
        records = store.records([e["id"] for e in events])
        if not args.output:
            if args.records:
                _records_table(records)
            else:
                _events_table(events)
            print(f"rasd: {len(events)} event(s), {len(records)} report(s)", file=sys.stderr)
            return 0
        try:
            _write(args.output, events, records, args.records)
        except OSError as exc:
            print(f"rasd: error: cannot write {args.output}: {exc}", file=sys.stderr)
            return 2
        except ValueError as exc:
            print(f"rasd: error: {exc}", file=sys.stderr)
            return 2
    return 0


def _write(path: str, events: list[dict], records: list[dict], as_records: bool) -> None:
    from .output import (ACLED_COLUMNS, EVENT_COLUMNS, RecordWriter, event_to_acled_row, record_to_acled_row,
                         write_geojson, write_parquet)

    name = path.lower()
    if name.endswith(".geojson"):
        if as_records:
            raise ValueError("--records cannot be written as GeoJSON (points are events)")
        written, skipped = write_geojson(events, path)
        print(f"rasd: {written} event(s) written to {path}" +
              (f"; {skipped} without coordinates left out" if skipped else ""), file=sys.stderr)
        return
    if name.endswith(".parquet"):
        if as_records:
            rows, cols = [record_to_acled_row(r) | {"record_id": r["id"], "event_id": r["event_id"]}
                          for r in records], ACLED_COLUMNS + ["record_id", "event_id"]
        else:
            rows, cols = [event_to_acled_row(e, records) for e in events], EVENT_COLUMNS
        write_parquet(rows, path, cols)
        print(f"rasd: {len(rows)} row(s) written to {path}", file=sys.stderr)
        return
    if as_records and name.endswith(".csv"):
        import csv

        # ACLED columns plus which stored report and which event each row is.
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS + ["record_id", "event_id"], extrasaction="ignore")
            w.writeheader()
            for r in records:
                w.writerow(record_to_acled_row(r) | {"record_id": r["id"], "event_id": r["event_id"] or ""})
        print(f"rasd: {len(records)} record(s) written to {path}", file=sys.stderr)
        return
    if as_records:
        with RecordWriter(path) as w:
            for r in records:
                w.write(r)
        print(f"rasd: {w.count} record(s) written to {path}", file=sys.stderr)
        return
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    if name.endswith(".csv"):
        import csv

        with open(path, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
            w.writeheader()
            for e in events:
                w.writerow(event_to_acled_row(e, records))
    else:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            for e in events:
                fh.write(json.dumps(e, ensure_ascii=False) + "\n")
    print(f"rasd: {len(events)} event(s) written to {path}", file=sys.stderr)


def _toll(f: dict | None) -> str:
    if not f or f.get("best") is None:
        return "-"
    lo, hi = f.get("low"), f.get("high")
    rng = "" if lo == hi == f["best"] else f" ({lo}–{'∞' if hi is None else hi})"
    return f"{f['best']}{rng}"


def _place(loc: dict) -> str:
    name = loc.get("name_en") or loc.get("name_ar") or loc.get("mention") or "?"
    return ", ".join(x for x in (name, loc.get("admin1"), loc.get("country")) if x)


def _events_table(events: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table(show_lines=False)
    for col in ("event", "date", "type", "place", "actors", "killed", "reports", "conflicts"):
        t.add_column(col, overflow="fold")
    for e in events:
        d = e["date_start"] if e["date_start"] == e["date_end"] else f"{e['date_start']}..{e['date_end']}"
        t.add_row(e["id"], d or "-", e.get("sub_event_type") or e.get("event_type") or "-",
                  _place(e.get("location") or {}), f"{e.get('actor1') or '?'} → {e.get('actor2') or '-'}",
                  _toll(e.get("fatalities")), f"{e['n_reports']} / {e['n_sources']} src",
                  ", ".join(c["field"] for c in e.get("contradictions") or []) or "")
    Console().print(t)


def _records_table(records: list[dict]) -> None:
    from rich.console import Console
    from rich.table import Table

    t = Table()
    for col in ("record", "event", "date", "type", "place", "actors", "killed", "outlet"):
        t.add_column(col, overflow="fold")
    for r in records:
        t.add_row(r["id"], r.get("event_id") or "-", r.get("date_start") or "-", r.get("sub_event_type") or "-",
                  _place(r.get("location") or {}), f"{r.get('actor1') or '?'} → {r.get('actor2') or '-'}",
                  _toll(r.get("fatalities")), (r.get("source") or {}).get("outlet") or "-")
    Console().print(t)


def _explain(store, event_id: str) -> int:
    ev = store.event(event_id)
    if ev is None:
        print(f"rasd: error: no event {event_id} in {store.path}", file=sys.stderr)
        return 1
    loc = ev.get("location") or {}
    print(f"event {ev['id']}: {ev.get('event_type')} / {ev.get('sub_event_type')}")
    print(f"  date {ev['date_start']}..{ev['date_end']} · {_place(loc)} · {ev.get('actor1') or '?'} → "
          f"{ev.get('actor2') or '-'}")
    fat = ev["fatalities"]
    high = "open" if fat["high"] is None and fat["best"] is not None else fat["high"]
    print(f"  fatalities best {fat['best']} (low {fat['low']}, high {high}; best is the lowest report's "
          f"best, ACLED's conservative rule) · {ev['n_reports']} report(s) from {ev['n_sources']} source(s)")
    print("reports:")
    for r in ev["reports"]:
        rec = r["record"]
        src = rec.get("source") or {}
        print(f"  {r['record_id']}  {r['doc_name']} · {r['outlet'] or '-'} · published {r['published'] or '-'} · "
              f"{rec.get('sub_event_type')} · {rec.get('date_start')}..{rec.get('date_end')} · "
              f"{_place(rec.get('location') or {})} · killed {_toll(r['fatalities'])} · "
              f"cited {src.get('cited') or '-'}")
    if ev["contradictions"]:
        print("contradictions:")
        for c in ev["contradictions"]:
            said = "; ".join(f"{x['outlet'] or x['doc']}: {x['value']}" for x in c["reports"])
            print(f"  {c['field']}: {said}")
    print("why:")
    for line in ev["explain"]:
        print(f"  {line}")
    return 0
