"""The batch runner: the same records whatever the jobs and output form, keys, globs."""
from __future__ import annotations

import csv
import gzip
import json
from collections import Counter
from pathlib import Path

from rasd.batch import doc_key, run_batch
from rasd.chunks import iter_merged_lines
from rasd.inputs import iter_documents

SHELLING = "قصفت قوات النظام بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم ما أدى إلى مقتل امرأتين."
AIRSTRIKE = "قتل أربعة مدنيين في غارة جوية استهدفت سوقا شعبيا في مدينة صعدة شمالي اليمن."
CLASH = "اندلعت اشتباكات عنيفة بين فصائل المعارضة وقوات النظام على أطراف مدينة درعا."
TEXTS = [SHELLING, AIRSTRIKE, CLASH]


def _corpus(d: Path) -> list[Path]:
    d.mkdir()
    (d / "a.jsonl").write_text("".join(
        json.dumps({"id": f"a{i}", "text": TEXTS[i % 3], "published": "2021-04-0%d" % (1 + i % 9)}, ensure_ascii=False)
        + "\n" for i in range(30)), encoding="utf-8")
    with gzip.open(d / "b.jsonl.gz", "wt", encoding="utf-8") as fh:
        for i in range(20):
            fh.write(json.dumps({"id": f"b{i}", "text": TEXTS[(i + 1) % 3]}, ensure_ascii=False) + "\n")
    (d / "c.txt").write_text(CLASH, encoding="utf-8")
    return [d / "a.jsonl", d / "b.jsonl.gz", d / "c.txt"]


def test_one_or_two_jobs_streamed_or_chunked_give_the_same_records(tmp_path: Path) -> None:
    _corpus(tmp_path / "in")
    src = [str(tmp_path / "in")]
    runs = {}
    for jobs in (1, 2):
        s = run_batch(src, tmp_path / f"s{jobs}.jsonl", jobs=jobs, progress=False, published=None)
        runs[f"stream{jobs}"] = Counter((tmp_path / f"s{jobs}.jsonl").read_text(encoding="utf-8").splitlines())
        c = run_batch(src, f"{tmp_path / f'c{jobs}'}/", jobs=jobs, progress=False, chunk_docs=7)
        runs[f"chunks{jobs}"] = Counter(ln.rstrip("\n") for ln in iter_merged_lines(tmp_path / f"c{jobs}"))
        assert s.docs == c.docs == 51 and s.records == c.records > 0 and c.chunks == 8
    first = runs["stream1"]
    assert all(r == first for r in runs.values())
    assert {json.loads(ln)["doc_id"] for ln in first} >= {"a0", "b0", "c.txt"}


def test_a_quoted_glob_is_expanded(tmp_path: Path) -> None:
    _corpus(tmp_path / "in")
    ids = [d.doc_id for d in iter_documents([str(tmp_path / "in" / "*.jsonl*")])]
    assert len(ids) == 50 and ids[0] == "a0" and ids[-1] == "b19"


def test_same_text_under_two_ids_is_two_documents_same_id_twice_is_one(tmp_path: Path) -> None:
    src = tmp_path / "dup.jsonl"
    lines = [{"id": "x", "text": AIRSTRIKE}, {"id": "y", "text": AIRSTRIKE}, {"id": "x", "text": AIRSTRIKE},
             {"id": "x", "text": AIRSTRIKE, "published": "2020-01-01"}]
    src.write_text("".join(json.dumps(o, ensure_ascii=False) + "\n" for o in lines), encoding="utf-8")
    stats = run_batch([src], f"{tmp_path / 'o'}/", jobs=1, progress=False)
    assert stats.docs == 3 and stats.duplicates == 1
    docs = [d for d in iter_documents([src])]
    assert doc_key(docs[0]) == doc_key(docs[2]) != doc_key(docs[1]) != doc_key(docs[3])


def test_resume_into_a_csv_file(tmp_path: Path) -> None:
    _corpus(tmp_path / "in")
    out = tmp_path / "all.csv"
    stats = run_batch([tmp_path / "in"], out, jobs=1, resume=True, progress=False, chunk_docs=20)
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert len(rows) == stats.records > 0 and rows[0]["event_type"]
    assert (tmp_path / "all.csv.parts" / "errors.jsonl").exists()
