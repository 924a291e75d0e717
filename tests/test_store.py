"""The store: idempotent ingestion, the Python API, query filters, output formats and
`rasd query --explain`. Builds one database from examples/ and the planted dedup corpus
(tests/fixtures/dedup) with the real `rasd ingest` command."""
from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from rasd.inputs import iter_documents
from rasd.batch import records_for
from rasd.store import Store, StoreError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests/fixtures/dedup/corpus.jsonl"
EXAMPLES = ROOT / "examples"

# A team-written report, not part of the corpus.
REPORT = ("مقتل ثلاثة مدنيين في قصف على كفرنبل\n\nقتل ثلاثة مدنيين وأصيب خمسة آخرون اليوم الأحد جراء قصف مدفعي "
          "لقوات النظام على بلدة كفرنبل في ريف إدلب الجنوبي، بحسب الدفاع المدني.\n")


def run(*args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "rasd", *args], capture_output=True, text=True, env=env)


def counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    try:
        return {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "records", "evidence", "sources", "events", "event_reports", "fts")}
    finally:
        con.close()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("store") / "rasd.db"
    proc = run("ingest", str(EXAMPLES), str(CORPUS), "--db", str(path), "--published", "2024-03-12", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    assert "44 document(s), 44 new" in proc.stderr
    return path


def test_reingest_changes_nothing_and_query_output_is_byte_identical(db, tmp_path):
    before = counts(db)
    outs = {}
    for rnd in ("first", "second"):
        for ext in ("jsonl", "csv", "geojson"):
            out = tmp_path / f"{rnd}.{ext}"
            assert run("query", "--db", str(db), "-o", str(out)).returncode == 0
            outs[rnd, ext] = out.read_bytes()
        outs[rnd, "table"] = run("query", "--db", str(db)).stdout
        if rnd == "first":
            proc = run("ingest", str(EXAMPLES), str(CORPUS), "--db", str(db), "--published", "2024-03-12",
                       "--no-progress")
            assert proc.returncode == 0 and "44 document(s), 0 new" in proc.stderr
    assert counts(db) == before
    # --rebuild re-clusters everything: the same events (the rule did not change).
    assert run("ingest", str(CORPUS), "--db", str(db), "--rebuild", "--no-progress").returncode == 0
    assert counts(db) == before
    assert run("query", "--db", str(db)).stdout == outs["first", "table"]
    for key in ("jsonl", "csv", "geojson", "table"):
        assert outs["first", key] == outs["second", key], key
    assert before["documents"] == 44 and before["events"] < before["records"]


def test_multi_report_event_holds_the_range_and_every_source(db):
    with Store(db, readonly=True) as store:
        ev = next(e for e in store.events(text="خان يونس", event_type="Air/drone strike") if e["n_reports"] > 1)
        full = store.event(ev["id"])
        docs = {r["doc_id"]: store.document(r["doc_id"]) for r in full["reports"]}
    bests = [r["fatalities"]["best"] for r in full["reports"] if r["fatalities"]]
    assert ev["n_reports"] == len(full["reports"]) >= 3
    assert ev["fatalities"]["best"] == min(bests) and ev["fatalities"]["low"] == min(bests)
    assert len(set(bests)) > 1 and any(c["field"] == "fatalities" for c in ev["contradictions"])
    assert ev["n_sources"] == len({r["outlet"] for r in full["reports"]})
    for r in full["reports"]:
        text = docs[r["doc_id"]]["text"]
        assert r["published"] and r["outlet"]
        assert r["evidence"] and all(text[e["start"]:e["end"]] == e["text"] for e in r["evidence"])
        assert any(x["id"] == r["record_id"] and x["event_id"] == ev["id"] for x in docs[r["doc_id"]]["records"])
    assert any(line.startswith("merged ") for line in full["explain"])


def test_filters_select_only_matching_events(db):
    with Store(db, readonly=True) as store:
        everything = store.events()
        assert len(everything) == store.stats()["events"]
        syria = store.events(country="Syria")
        assert syria and syria == store.events(country="sy")
        assert all(e["location"]["country"] == "SY" for e in syria)
        idlib = store.events(admin1="idlib")
        assert idlib and all(e["location"]["admin1"] == "Idlib" for e in idlib) and len(idlib) < len(syria)
        strikes = store.events(event_type="Air/drone strike")
        assert strikes and all(e["sub_event_type"] == "Air/drone strike" for e in strikes)
        battles = store.events(event_type="battles")
        assert battles and all(e["event_type"] == "Battles" for e in battles)
        april = store.events(since=date(2024, 4, 3), until="2024-04-04")
        assert april and all(e["date_end"] >= "2024-04-03" and e["date_start"] <= "2024-04-04" for e in april)
        russia = store.events(actor="russia")
        assert russia and all("Russia" in (e["actor1"] or "") for e in russia)
        # Text search runs on the article text, clitics and all: «بخان يونس» is found by «خان يونس».
        khan = store.events(text="خان يونس")
        assert khan and all(e["location"]["country"] == "PS" for e in khan)
        assert store.events(text="أريحا", country="IQ") == []
        # Shorter than a trigram: a plain scan still answers.
        assert store.events(text="ال") == everything and store.events(text="q%") == []
        assert len(store.events(limit=3)) == 3
        assert store.events(limit=3, offset=2) == everything[2:5] and store.events(offset=4) == everything[4:]
        assert store.count_events(country="SY") == len(syria) and store.count_events() == len(everything)


def test_ingest_text_api_is_idempotent_and_reextracts_on_a_new_version(tmp_path):
    path = tmp_path / "api.db"
    with Store(path) as store:
        doc_id, recs = store.ingest_text(REPORT, published="2024-04-07", outlet="شبكة الاختبار")
        assert recs and recs[0]["doc"] == doc_id and recs[0]["event_id"]
        again, recs2 = store.ingest_text(REPORT, published="2024-04-07", outlet="شبكة الاختبار")
        assert again == doc_id and recs2 == recs
        item = next(iter_documents([CORPUS]))
        assert store.ingest_document(item, records_for(item)) is not None
        assert store.ingest_document(item, records_for(item)) is None
        assert store.rebuild_events() == 2         # ingest_document leaves events to rebuild_events
        stats = store.stats()
        # A store written by another rasd version re-extracts that document in place.
        store.db.execute("UPDATE documents SET rasd_version = '0.0.0' WHERE id = ?", (doc_id,))
        store.db.commit()
        again, recs3 = store.ingest_text(REPORT, published="2024-04-07", outlet="شبكة الاختبار")
        assert again == doc_id and [r["id"] for r in recs3] == [r["id"] for r in recs]
        assert store.stats() == stats
        with pytest.raises(ValueError):
            store.ingest_text("   ")
    with Store(path, readonly=True) as ro:
        with pytest.raises(StoreError):
            ro.ingest_document(item, [])
        assert [d["id"] for d in ro.documents()] and ro.document("nope") is None and ro.event("nope") is None
    with pytest.raises(StoreError):
        Store(tmp_path / "missing.db", readonly=True)


def test_csv_geojson_parquet_and_records_round_trip(db, tmp_path):
    import pyarrow.parquet as pq

    with Store(db, readonly=True) as store:
        events = store.events(country="PS")
        n_records = len(store.records([e["id"] for e in events]))
    assert run("query", "--db", str(db), "--country", "PS", "-o", str(tmp_path / "e.csv")).returncode == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "e.csv").read_text(encoding="utf-8-sig"))))
    assert [r["event_id_cnty"] for r in rows] == [e["id"] for e in events]
    for row, ev in zip(rows, events):
        assert row["country"] == "Palestine" and int(row["n_reports"]) == ev["n_reports"]
        assert int(row["fatalities"]) == (ev["fatalities"]["best"] or 0)
        assert row["report_ids"].split("; ") == ev["reports"]

    proc = run("query", "--db", str(db), "-o", str(tmp_path / "all.geojson"))
    assert proc.returncode == 0
    gj = json.loads((tmp_path / "all.geojson").read_text(encoding="utf-8"))
    with Store(db, readonly=True) as store:
        all_events = {e["id"]: e for e in store.events()}
    no_xy = sum(1 for e in all_events.values() if e["location"]["lat"] is None)
    assert gj["type"] == "FeatureCollection" and len(gj["features"]) == len(all_events) - no_xy
    assert no_xy and f"{no_xy} without coordinates left out" in proc.stderr
    for f in gj["features"]:
        ev = all_events[f["properties"]["id"]]
        assert f["geometry"]["coordinates"] == [ev["location"]["lon"], ev["location"]["lat"]]
        assert f["properties"]["n_reports"] == ev["n_reports"]

    assert run("query", "--db", str(db), "--country", "PS", "-o", str(tmp_path / "e.parquet")).returncode == 0
    table = pq.read_table(tmp_path / "e.parquet").to_pylist()
    assert [t["event_id_cnty"] for t in table] == [e["id"] for e in events]
    assert [t["n_reports"] for t in table] == [e["n_reports"] for e in events]
    assert all(isinstance(t["latitude"], float) for t in table if t["latitude"] is not None)

    assert run("query", "--db", str(db), "--country", "PS", "--records", "-o", str(tmp_path / "r.jsonl")).returncode == 0
    recs = [json.loads(x) for x in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(recs) == n_records and {r["event_id"] for r in recs} == {e["id"] for e in events}
    assert run("query", "--db", str(db), "--country", "PS", "--records", "-o", str(tmp_path / "r.csv")).returncode == 0
    rows = list(csv.DictReader(io.StringIO((tmp_path / "r.csv").read_text(encoding="utf-8-sig"))))
    assert sorted((r["record_id"], r["event_id"]) for r in rows) == sorted((r["id"], r["event_id"]) for r in recs)


def test_table_and_explain(db):
    with Store(db, readonly=True) as store:
        ev = max(store.events(country="SY"), key=lambda e: (e["n_reports"], e["id"]))
    table = run("query", "--db", str(db), "--country", "SY")
    assert table.returncode == 0 and ev["id"] in table.stdout
    proc = run("query", "--db", str(db), "--explain", ev["id"])
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.startswith(f"event {ev['id']}")
    assert sum(1 for line in out.splitlines() if line.startswith("  merged ")) == ev["n_reports"] * (ev["n_reports"] - 1) // 2
    assert "not merged" in out          # the corpus plants near-misses beside each group
    for rid in ev["reports"]:
        assert rid in out
    missing = run("query", "--db", str(db), "--explain", "ev-000000000000")
    assert missing.returncode == 1 and "no event" in missing.stderr
    assert run("query", "--db", str(db.parent / "none.db")).returncode == 2
    junk = db.parent / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    proc = run("query", "--db", str(junk))
    assert proc.returncode == 2 and "not a rasd database" in proc.stderr
    proc = run("ingest", str(EXAMPLES), "--db", str(junk), "--no-progress")
    assert proc.returncode == 2 and "not a rasd database" in proc.stderr


def test_event_ids_do_not_depend_on_ingest_order(tmp_path):
    items = [(it, records_for(it)) for it in iter_documents([CORPUS])]
    ids = []
    for name, order in (("fwd", items), ("rev", items[::-1])):
        with Store(tmp_path / f"{name}.db") as store:
            with store.batch():
                for it, recs in order:
                    store.ingest_document(it, recs)
            store.rebuild_events()
            ids.append([(e["id"], e["report_ids"]) for e in store.events()])
    assert ids[0] == ids[1] and any(len(r) > 1 for _, r in ids[0])


def test_incremental_rebuild_gives_the_events_of_a_full_rebuild(tmp_path):
    def events(store: Store) -> list[dict]:
        return [{k: v for k, v in e.items() if k != "updated_at"} for e in store.events()]

    items = [(it, records_for(it)) for it in iter_documents([CORPUS])]
    with Store(tmp_path / "full.db") as full, Store(tmp_path / "step.db") as step:
        with full.batch():
            for it, recs in items:
                full.ingest_document(it, recs)
        n = full.rebuild_events()
        for it, recs in items:       # one document at a time, as a web upload does
            assert step.rebuild_events([step.ingest_document(it, recs)]) == step.stats()["events"]
        assert step.stats()["events"] == n and events(step) == events(full)
        # Re-extracting a document (another rasd version) dissolves its events; an
        # incremental rebuild restores exactly the full result.
        doc = next(d for d in full.documents(limit=None) if d["name"] == "s02")["id"]
        step.db.execute("UPDATE documents SET rasd_version = '0.0.0' WHERE id = ?", (doc,))
        it, recs = next((it, recs) for it, recs in items if it.doc_id == "s02")
        assert step.ingest_document(it, recs) == doc
        step.rebuild_events([doc])
        assert events(step) == events(full)


def test_ingest_reports_bad_documents_and_stores_the_rest(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "good.txt").write_text(REPORT, encoding="utf-8")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    db = tmp_path / "x.db"
    proc = run("ingest", str(d), "--db", str(db), "--published", "2024-04-07", "--no-progress")
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if "error:" in line]
    assert len(errors) == 1 and "binary.txt" in errors[0] and "1 document(s) failed" in proc.stderr
    with Store(db, readonly=True) as store:
        assert [x["name"] for x in store.documents()] == ["good.txt"]
        ev = store.events()
        assert len(ev) == 1 and ev[0]["fatalities"]["best"] == 3 and ev[0]["date_start"] == "2024-04-07"   # a Sunday: «اليوم الأحد»


def test_parallel_ingest_stores_what_a_single_process_stores(db, tmp_path):
    # The module's database was ingested with the default --jobs (all cores); one process
    # must give the same documents, records and events.
    solo = tmp_path / "solo.db"
    proc = run("ingest", str(EXAMPLES), str(CORPUS), "--db", str(solo), "--published", "2024-03-12",
               "--no-progress", "--jobs", "1")
    assert proc.returncode == 0, proc.stderr
    assert counts(solo) == counts(db)
    assert run("query", "--db", str(solo)).stdout == run("query", "--db", str(db)).stdout
    two = tmp_path / "two.db"
    assert run("ingest", str(EXAMPLES), str(CORPUS), "--db", str(two), "--published", "2024-03-12",
               "--no-progress", "--jobs", "2").returncode == 0
    assert run("query", "--db", str(two), "--records", "-o", str(tmp_path / "two.jsonl")).returncode == 0
    assert run("query", "--db", str(solo), "--records", "-o", str(tmp_path / "solo.jsonl")).returncode == 0
    strip = lambda p: sorted(json.dumps({k: v for k, v in json.loads(l).items() if k != "timestamp"}, sort_keys=True)
                             for l in p.read_text(encoding="utf-8").splitlines())
    assert strip(tmp_path / "two.jsonl") == strip(tmp_path / "solo.jsonl")
