"""The command line: exit codes, one error line per unreadable document, output formats."""
from __future__ import annotations

import csv
import gzip
import json
import os
import subprocess
import sys
from pathlib import Path

REPORT = ("قصف عنيف\n\nقُتل مدنيان وأصيب أربعة آخرون صباح اليوم جراء قصف مدفعي لقوات النظام على بلدة "
          "كفرنبل في ريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني.\n")


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}       # wide enough for the records table
    return subprocess.run([sys.executable, "-m", "rasd", *args], capture_output=True, text=True, cwd=cwd, env=env)


def test_extract_jsonl_and_exit_zero(tmp_path):
    src = tmp_path / "report.txt"
    src.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    proc = run("extract", str(src), "--published", "2020-01-15", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(recs) == 1 and recs[0]["doc_id"] == "report.txt"
    assert recs[0]["date_start"] == "2020-01-15" and recs[0]["fatalities"]["best"] == 2
    for ev in recs[0]["evidence"]:
        assert REPORT[ev["start"]:ev["end"]] == ev["text"]


def test_bad_documents_are_reported_and_the_batch_goes_on(tmp_path):
    d = tmp_path / "batch"
    d.mkdir()
    (d / "a_good.txt").write_text(REPORT, encoding="utf-8")
    (d / "b_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (d / "c_empty.txt").write_text("", encoding="utf-8")
    (d / "d_good_cp1256.txt").write_bytes(REPORT.encode("cp1256"))
    with gzip.open(d / "e.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "j1", "text": REPORT, "published": "2020-02-01"}, ensure_ascii=False) + "\n")
        fh.write("{not json\n")
    out = tmp_path / "out.jsonl"
    proc = run("extract", str(d), "-o", str(out), "--published", "2020-01-15")
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if "error:" in line]
    assert len(errors) == 3, proc.stderr           # binary, empty, bad JSON line
    assert any("b_binary.txt" in e for e in errors) and any("c_empty.txt" in e for e in errors)
    assert "3 document(s) failed" in proc.stderr
    ids = [json.loads(line)["doc_id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert sorted(set(ids)) == ["a_good.txt", "d_good_cp1256.txt", "j1"]


def test_missing_file_is_a_document_error(tmp_path):
    proc = run("extract", str(tmp_path / "nope.txt"), "-o", str(tmp_path / "o.jsonl"))
    assert proc.returncode == 1 and "nope.txt" in proc.stderr


def test_usage_errors_exit_two(tmp_path):
    assert run("extract").returncode == 2
    assert run("extract", "x.txt", "--published", "yesterday").returncode == 2
    assert run().returncode == 2


def test_csv_has_acled_columns(tmp_path):
    src = tmp_path / "report.txt"
    src.write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert run("extract", str(src), "--published", "2020-01-15", "-o", str(out)).returncode == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert rows and rows[0]["event_type"] == "Explosions/Remote violence"
    assert rows[0]["event_date"] == "2020-01-15" and rows[0]["admin1"] == "Idlib"
    assert rows[0]["fatalities"] == "2"


def test_show_and_about(tmp_path):
    src = tmp_path / "report.txt"
    src.write_text(REPORT, encoding="utf-8")
    proc = run("show", str(src), "--published", "2020-01-15")
    assert proc.returncode == 0 and "shelling" in proc.stdout and "2/2/2" in proc.stdout
    about = run("--about")
    assert about.returncode == 0 and "GeoNames" in about.stdout and "Who's On First" in about.stdout
