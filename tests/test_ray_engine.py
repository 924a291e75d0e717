"""The Ray Data engine writes the local runner's records and errors, on a local Ray instance."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from rasd.batch import records_for
from rasd.inputs import InputError, iter_documents

ray = pytest.importorskip("ray", reason="Ray is not installed (pip install 'rasd[ray]'); CI installs it via make")
pytest.importorskip("ray.data", reason="Ray Data is not installed (pip install 'rasd[ray]')")

from rasd import ray_engine  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
N_DOCS = 2000

REPORT = ("قُتل مدنيان وأصيب ثلاثة آخرون صباح اليوم جراء غارة جوية استهدفت سوقاً شعبياً في مدينة معرة النعمان "
          "بريف إدلب الجنوبي، بحسب الدفاع المدني.")
# Rows the local JSONL reader rejects, one per kind of fault, placed among the good ones.
BAD_LINES = [
    '{"id": "broken", "text": "قصف على',                                     # invalid JSON
    json.dumps({"id": "no-text", "published": "2022-05-01"}),                 # no text or html
    json.dumps({"id": "english", "text": "Shelling hit the market in the city today."}),
    json.dumps({"id": "bad-date", "text": REPORT, "published": "yesterday"}),
    json.dumps([1, 2, 3]),                                                    # not an object
]


def _corpus_module():
    spec = importlib.util.spec_from_file_location("rasd_bench_corpus", ROOT / "bench" / "corpus.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _canonical(recs) -> list[str]:
    return sorted(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in recs)


def _local(paths, published=None) -> tuple[list[dict], list[tuple[str, str]]]:
    """What the local runner writes: records_for over iter_documents, in this process."""
    recs, errors = [], []
    for item in iter_documents(paths, published=published):
        if isinstance(item, InputError):
            errors.append((item.origin, item.error))
        else:
            recs.extend(records_for(item))
    return recs, errors


@pytest.fixture(scope="module")
def ray_local():
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray_engine.init_ray(num_cpus=2)
    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """2,000 bench documents with the bad rows spread among them, and the local runner's output."""
    path = tmp_path_factory.mktemp("ray") / "corpus.jsonl"
    lines = [json.dumps(d, ensure_ascii=False) for d in _corpus_module().iter_corpus(N_DOCS)]
    for i, bad in enumerate(BAD_LINES):
        lines.insert(1 + i * (N_DOCS // len(BAD_LINES)), bad)
    # A row without an id takes its file name and line number, in either runner.
    lines.insert(7, json.dumps({"text": REPORT, "published": "2023-02-11"}, ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, _local([path])


def test_ray_writes_the_local_runners_records_and_errors(ray_local, corpus, tmp_path):
    path, (local_recs, local_errors) = corpus
    assert len(local_errors) == len(BAD_LINES) and len(local_recs) > N_DOCS   # the fixture exercises both
    errors = []
    out = tmp_path / "ray.jsonl"
    rows, n_records, n_failed = ray_engine.run([str(path)], str(out), report=lambda o, e: errors.append((o, e)))
    ray_recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert n_records == len(ray_recs) and n_failed == len(BAD_LINES) and rows == n_records + n_failed
    assert _canonical(ray_recs) == _canonical(local_recs)
    assert sorted(errors) == sorted(local_errors)
    assert any(r["doc_id"] == f"{path.name}:8" for r in ray_recs)


def _first_docs(corpus_path: Path, tmp_path: Path, n: int) -> Path:
    small = tmp_path / "small.jsonl.gz"
    import gzip

    with open(corpus_path, encoding="utf-8") as src, gzip.open(small, "wt", encoding="utf-8") as dst:
        for _, line in zip(range(n), src):
            dst.write(line)
    return small


@pytest.mark.parametrize("fmt", ["parquet", "json"])
def test_output_directory_written_by_the_workers(ray_local, corpus, tmp_path, fmt):
    import pyarrow.dataset as pads

    small = _first_docs(corpus[0], tmp_path, 60)            # gzipped input, bad JSON line included
    local_recs, local_errors = _local([small])
    out = tmp_path / "out"
    rows, n_records, n_failed = ray_engine.run([str(small)], str(out), output_format=fmt)
    table = pads.dataset(out, format=fmt).to_table()
    assert table.num_rows == rows == len(local_recs) + len(local_errors)
    got = [r for r in table.to_pylist()]
    assert _canonical(json.loads(r["record"]) for r in got if r["record"] is not None) == _canonical(local_recs)
    assert sorted((r["origin"], r["error"]) for r in got if r["error"] is not None) == sorted(local_errors)
    assert n_failed == len(local_errors) == 1


def test_parquet_input_gives_the_records_of_the_same_rows_as_jsonl(ray_local, tmp_path):
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [
        {"id": "p1", "text": REPORT, "published": "2021-09-14", "url": None, "outlet": "عنب بلدي"},
        {"id": "p2", "text": "اندلعت اشتباكات بين فصائل مسلحة في مدينة الباب بريف حلب الشرقي، ما أدى إلى مقتل "
                             "مقاتلين اثنين.", "published": None, "url": "https://news.example/2", "outlet": None},
        {"id": "p3", "text": None, "published": "2021-09-14", "url": None, "outlet": None},
    ]
    jsonl = tmp_path / "rows.jsonl"
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    local_recs, local_errors = _local([jsonl], published=date(2021, 9, 1))
    assert local_recs and len(local_errors) == 1
    table = pa.table({k: [r[k] for r in rows] for k in rows[0]})
    # The date as a date column, as tables exported from a database often have it.
    table = table.set_column(2, "published", pa.array([date(2021, 9, 14), None, date(2021, 9, 14)], pa.date32()))
    (tmp_path / "in").mkdir()
    pq.write_table(table, tmp_path / "in" / "rows.parquet")
    errors = []
    out = tmp_path / "from_parquet.jsonl"
    # Named by its directory, as a crawl's bucket prefix would be.
    ray_engine.run([str(tmp_path / "in")], str(out), published=date(2021, 9, 1),
                   report=lambda o, e: errors.append((o, e)))
    ray_recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert _canonical(ray_recs) == _canonical(local_recs)
    assert errors == [(f"{tmp_path / 'in' / 'rows.parquet'}:3", "missing 'text' or 'html'")]


def test_cli_engine_ray_exit_code_and_output(tmp_path):
    # A separate process starts (and stops) its own local Ray instance, as a user's run does.
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps({"id": "r1", "text": REPORT, "published": "2020-03-02"}, ensure_ascii=False) + "\n"
                   + "{oops\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
    proc = subprocess.run([sys.executable, "-m", "rasd", "extract", str(src), "--engine", "ray", "-o", str(out)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 1, proc.stderr                     # one bad line, as the local runner
    assert f"{src}:2: invalid JSON on line 2" in proc.stderr
    assert "Explosions/Remote violence" in out.read_text(encoding="utf-8-sig")


def test_without_ray_the_cli_says_how_to_install_it(monkeypatch, capsys):
    import argparse

    monkeypatch.setitem(sys.modules, "ray", None)              # import ray now fails
    args = argparse.Namespace(inputs=["x.jsonl"], output="-", published=None, ray_address=None)
    assert ray_engine.run_cli(args) == 2
    assert "pip install 'rasd[ray]'" in capsys.readouterr().err
