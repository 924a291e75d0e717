"""Writers (JSONL, CSV with ACLED columns) and the show view."""
from __future__ import annotations

import csv
import gzip
import io
import json
from pathlib import Path

import pytest
from rich.console import Console

from rasd.doc import Evidence
from rasd.output import ACLED_COLUMNS, RecordWriter, record_to_acled_row
from rasd.record import Location, Record, Source
from rasd.show import render

TEXT = "قصفت قوات النظام بلدة سرمين في ريف إدلب أمس، ما أدى إلى مقتل 3 مدنيين، بحسب الدفاع المدني."


def _span(field: str, words: str) -> Evidence:
    s = TEXT.index(words)
    return Evidence(field, s, s + len(words), words)


def _record() -> dict:
    rec = Record(
        doc_id="idlib.txt", record_kind="event", rasd_type="shelling",
        event_type="Explosions/Remote violence", sub_event_type="Shelling/artillery/missile attack",
        date_start="2024-03-11", date_end="2024-03-11", time_precision=1, date_phrase="أمس",
        location=Location("سرمين", "سرمين", "Sarmin", "Idlib", None, "SY", 35.9, 36.72, 1, "g:1"),
        actor1="Military Forces of Syria", inter1=1, actor2="Civilians (Syria)", inter2=7,
        fatalities={"low": 3, "best": 3, "high": 3},
        counts=[{"what": "injured", "low": 2, "best": 2, "high": 2}],
        source=Source("شبكة الشمال", "الدفاع المدني", "medical", False),
        evidence=[_span("trigger", "قصفت"), _span("location", "سرمين"), _span("date", "أمس"),
                  _span("actor1", "قوات النظام"), _span("fatalities", "مقتل 3 مدنيين"), _span("source", "الدفاع المدني")],
        notes="Syrian government forces shelled Sarmin, killing 3 civilians.",
    )
    return rec.to_dict()


def test_acled_row() -> None:
    row = record_to_acled_row(_record())
    assert list(row) == ACLED_COLUMNS
    assert row["event_date"] == "2024-03-11" and row["year"] == "2024"
    assert row["country"] == "Syria" and row["iso"] == 760 and row["region"] == "Middle East"
    assert row["interaction"] == 17 and row["civilian_targeting"] == "Civilian targeting"
    assert row["disorder_type"] == "Political violence"
    assert row["fatalities"] == 3 and row["location"] == "Sarmin" and row["admin1"] == "Idlib"
    assert row["source"] == "شبكة الشمال; الدفاع المدني" and row["cited_kind"] == "medical"
    assert row["event_id_cnty"].startswith("SYR-") and row["event_id_cnty"] == record_to_acled_row(_record())["event_id_cnty"]
    assert "injured=2" in row["tags"]
    assert json.loads(row["evidence_json"])[0]["field"] == "trigger"


def test_acled_row_sparse_aggregate() -> None:
    rec = {"doc_id": "d", "record_kind": "aggregate_claim", "rasd_type": "other", "event_type": None,
           "sub_event_type": None, "date_start": None, "date_end": "2024-02-29", "location": None,
           "actor1": None, "inter1": None, "actor2": None, "inter2": None, "fatalities": {"low": 121, "best": 121, "high": None},
           "counts": [], "source": {"outlet": None, "cited": None, "cited_kind": "none", "hedged": True},
           "evidence": [], "notes": ""}
    row = record_to_acled_row(rec)
    assert row["event_date"] == "2024-02-29" and row["fatalities"] == 121 and row["fatalities_high"] == ""
    assert row["interaction"] == "" and row["country"] == "" and "hedged" in row["tags"]


def test_jsonl_round_trip(tmp_path: Path) -> None:
    rec = _record()
    for name in ("out/recs.jsonl", "recs.json"):
        with RecordWriter(tmp_path / name) as w:
            w.write(rec)
            w.write(rec)
        raw = (tmp_path / name).read_text(encoding="utf-8")
        assert "سرمين" in raw   # Arabic written as is, not \u escapes
        back = [json.loads(line) for line in raw.splitlines()]
        assert back == [rec, rec]


def test_jsonl_gz(tmp_path: Path) -> None:
    with RecordWriter(tmp_path / "recs.jsonl.gz") as w:
        w.write(_record())
    with gzip.open(tmp_path / "recs.jsonl.gz", "rt", encoding="utf-8") as fh:
        assert json.loads(fh.readline())["location"]["name_ar"] == "سرمين"


def test_csv_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "recs.csv"
    with RecordWriter(path) as w:
        w.write(_record())
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(rows) == 1 and list(rows[0]) == ACLED_COLUMNS
    assert rows[0]["cited"] == "الدفاع المدني" and rows[0]["fatalities"] == "3"
    ev = json.loads(rows[0]["evidence_json"])
    assert {e["field"] for e in ev} >= {"trigger", "location", "fatalities"}
    assert all(TEXT[e["start"]:e["end"]] == e["text"] for e in ev)


def test_stdout(capsys: pytest.CaptureFixture) -> None:
    with RecordWriter("-") as w:
        w.write(_record())
    assert json.loads(capsys.readouterr().out)["doc_id"] == "idlib.txt"


def test_show_render() -> None:
    console = Console(record=True, file=io.StringIO(), width=120, force_terminal=True, color_system="truecolor")
    bad = _record()
    bad["evidence"].append({"field": "date", "start": 10_000, "end": 10_005, "text": "?"})  # ignored, not a crash
    render(TEXT, [_record(), bad], console=console)
    plain = console.export_text(clear=False)
    assert "سرمين" in plain and "2 record(s)" in plain and "medical" in plain and "3/3/3" in plain
    assert "\x1b[1;31mقصفت" in console.export_text(styles=True)


def test_show_render_no_records() -> None:
    console = Console(record=True, file=io.StringIO(), width=80)
    render(TEXT, [], console=console)
    assert "0 record(s)" in console.export_text()
