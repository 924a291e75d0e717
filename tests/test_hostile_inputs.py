"""Hostile inputs: one directory of everything a crawl can throw at rasd, run once.

Each bad input must give exactly one structured line in errors.jsonl ({key, origin,
doc_id, kind, error}) or decode into a document; every good document's records must be
there; nothing may take long. The time budget and a dying worker are tested by making
`records_for` misbehave on purpose for one document.
"""
from __future__ import annotations

import gzip
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from rasd import batch
from rasd.batch import run_batch
from rasd.inputs import MAX_BYTES

# Team-written reports, each yields one record.
SHELLING = ("قتل ثلاثة مدنيين وأصيب خمسة آخرون جراء قصف مدفعي استهدف بلدة كفرنبل في ريف إدلب الجنوبي "
            "صباح اليوم، بحسب ما أفاد الدفاع المدني.")
AIRSTRIKE = "أعلنت وزارة الصحة مقتل شخصين في غارة جوية على مدينة صعدة شمالي اليمن مساء أمس."

BIG = 50 * 1024 * 1024


def _write_big(path: Path, prefix: bytes = b"", suffix: bytes = b"", sep: str = "\n") -> None:
    """50 MB of Arabic text, written in blocks (never held whole)."""
    block = (SHELLING + sep).encode("utf-8") * 512
    with open(path, "wb") as fh:
        fh.write(prefix)
        written = len(prefix)
        while written < BIG:
            fh.write(block)
            written += len(block)
        fh.write(suffix)


def _hostile_dir(d: Path) -> dict[str, str | None]:
    """Write the matrix; returns file name → expected error kind (None: a document)."""
    rng = random.Random(7)
    expect: dict[str, str | None] = {}

    def put(name: str, data: bytes, kind: str | None) -> None:
        (d / name).write_bytes(data)
        expect[name] = kind

    put("good_utf8.txt", SHELLING.encode("utf-8"), None)
    put("binary_png.txt", b"\x89PNG\r\n\x1a\n" + bytes(rng.randrange(256) for _ in range(4000)), "binary")
    put("truncated_utf8.txt", (AIRSTRIKE + " " + SHELLING).encode("utf-8")[:-1], None)   # cut mid-letter
    put("windows_1256.txt", AIRSTRIKE.encode("cp1256"), None)
    put("utf16_no_bom.txt", SHELLING.encode("utf-16-le"), None)
    put("empty.txt", b"", "empty")
    put("whitespace.txt", b" \n\t\r\n   \n", "empty")
    put("english.txt", b"Three civilians were killed in shelling on a village yesterday, officials said.", "not_arabic")
    put("chinese.txt", "昨天炮击一个村庄造成三名平民死亡，官员说。".encode("utf-8"), "not_arabic")
    put("nul_bytes.txt", SHELLING.encode("utf-8").replace(" ".encode(), b"\x00"), "binary")
    put("latin1_soup.txt", bytes(rng.randrange(0x80, 0x100) for _ in range(3000)), "encoding")
    put("malformed.html", f"<html><body><div><p>{AIRSTRIKE}<p><b>تحديث<i></div><table><tr><td>".encode(), None)
    put("deep.html", ("<html><body>" + "<div>" * 100_000 + f"<p>{SHELLING}</p>" + "</div>" * 100_000
                      + "</body></html>").encode("utf-8"), None)
    # Patterns that used to be quadratic (unclosed scripts and comments, a run of dots).
    put("unclosed.html", (f"<html><body><p>{AIRSTRIKE}</p>" + "<script>x" * 20_000 + "<!-- y" * 20_000).encode(), None)
    put("dots.txt", (SHELLING + "." * 300_000 + "ب").encode("utf-8"), None)
    _write_big(d / "big_50mb.txt")
    expect["big_50mb.txt"] = "too_large"

    lines = [json.dumps({"id": "j-good", "text": AIRSTRIKE, "published": "2023-05-02"}, ensure_ascii=False),
             '{"id": "j-bad", "text": "قصف',
             json.dumps({"id": "j-notext", "title": "لا نص"}, ensure_ascii=False),
             json.dumps({"id": "j-number", "text": 42}),
             json.dumps({"id": "j-list", "text": ["قصف"]}, ensure_ascii=False),
             json.dumps({"id": "j-date", "text": SHELLING, "published": "أمس"}, ensure_ascii=False),
             "[1, 2, 3]",
             json.dumps({"id": "j-nul", "text": SHELLING.replace(" ", "\u0000")}, ensure_ascii=False)]
    (d / "lines.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    for n, kind in enumerate([None, "json", "json_field", "json_field", "json_field", "json_field", "json", None], 1):
        expect[f"lines.jsonl:{n}"] = kind
    # A 50 MB line between two good ones: rejected while being read, the next line kept.
    with open(d / "giant_line.jsonl", "wb") as fh:
        fh.write((json.dumps({"id": "g1", "text": SHELLING}, ensure_ascii=False) + "\n").encode())
    _write_big(d / "giant_line.part", prefix=b'{"id": "g2", "text": "', suffix=b'"}\n', sep=" ")
    with open(d / "giant_line.jsonl", "ab") as fh, open(d / "giant_line.part", "rb") as part:
        while chunk := part.read(1 << 22):
            fh.write(chunk)
        fh.write((json.dumps({"id": "g3", "text": AIRSTRIKE}, ensure_ascii=False) + "\n").encode())
    (d / "giant_line.part").unlink()
    expect.update({"giant_line.jsonl:1": None, "giant_line.jsonl:2": "too_large", "giant_line.jsonl:3": None})
    # A .jsonl.gz cut short: the lines before the cut are kept, the cut is one error.
    body = "".join(json.dumps({"id": f"z{i}", "text": AIRSTRIKE if i % 2 else SHELLING}, ensure_ascii=False) + "\n"
                   for i in range(200))
    packed = gzip.compress(body.encode("utf-8"))
    put("truncated.jsonl.gz", packed[: len(packed) * 2 // 3], None)
    put("not_really.jsonl.gz", b"this is not gzip at all\n", None)
    expect["not_really.jsonl.gz:1"] = "read"            # found on reading its first line
    return expect


@pytest.fixture(scope="module")
def hostile_run(tmp_path_factory):
    d = tmp_path_factory.mktemp("hostile")
    src = d / "in"
    src.mkdir()
    expect = _hostile_dir(src)
    out = d / "out"
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "rasd", "extract", str(src), "-o", f"{out}/", "--jobs", "2",
                           "--no-progress", "--published", "2023-05-02"], capture_output=True, text=True, timeout=300)
    seconds = time.perf_counter() - t
    return src, out, expect, proc, seconds


def test_every_hostile_input_is_one_error_line_or_a_document(hostile_run) -> None:
    src, out, expect, proc, _ = hostile_run
    assert proc.returncode == 1, proc.stderr
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text(encoding="utf-8").splitlines()]
    for e in errors:
        assert set(e) == {"key", "origin", "doc_id", "kind", "error"} and e["error"]
    by_origin = {}
    for e in errors:
        name = Path(e["origin"]).name
        assert name not in by_origin, f"two error lines for {name}"
        by_origin[name] = e["kind"]
    gz = [n for n in by_origin if n.startswith("truncated.jsonl.gz:")]
    assert len(gz) == 1 and by_origin.pop(gz[0]) == "read"
    wanted = {name: kind for name, kind in expect.items() if kind is not None}
    assert by_origin == wanted


def test_the_good_documents_all_have_their_records(hostile_run) -> None:
    src, out, expect, proc, _ = hostile_run
    records = [json.loads(line) for p in sorted(out.glob("part-*.jsonl"))
               for line in p.read_text(encoding="utf-8").splitlines()]
    ids = {r["doc_id"] for r in records}
    for name in ("good_utf8.txt", "truncated_utf8.txt", "windows_1256.txt", "utf16_no_bom.txt", "malformed.html",
                 "deep.html", "unclosed.html", "dots.txt"):
        assert name in ids, name
    assert {"j-good", "j-nul", "g1", "g3"} <= ids
    gz_ids = {i for i in ids if i.startswith("z")}
    assert 50 <= len(gz_ids) < 200          # the lines before the cut
    docs = [d for m in (out / "_manifest").glob("*.json") for d in json.loads(m.read_text())["docs"]]
    assert len({d["key"] for d in docs}) == len(docs)


def test_hostile_batch_is_quick_and_never_reads_the_giant_file(hostile_run) -> None:
    *_, proc, seconds = hostile_run
    assert "timeout" not in (proc.stderr + "".join(p.read_text() for p in [hostile_run[1] / "errors.jsonl"]))
    # Not a timing assertion on rasd's speed: a quadratic scan or a 50 MB read-and-decode
    # would take minutes; the generous bound only catches that.
    assert seconds < 120


def _stuck(item):
    if item.doc_id == "stuck":
        while True:
            pass
    return ORIGINAL(item)


def _stuck_behind_a_guard(item):
    if item.doc_id == "stuck":
        try:
            while True:
                pass
        except Exception:       # what trafilatura and rasd's HTML fallback do
            return []
    return ORIGINAL(item)


def _dies(item):
    if item.doc_id == "dies":
        os.kill(os.getpid(), signal.SIGKILL)
    return ORIGINAL(item)


ORIGINAL = batch.records_for


@pytest.mark.parametrize("jobs,stuck", [(1, _stuck), (2, _stuck), (1, _stuck_behind_a_guard)])
def test_time_budget_turns_a_stuck_document_into_a_timeout(tmp_path, monkeypatch, jobs, stuck) -> None:
    monkeypatch.setattr(batch, "records_for", stuck)
    src = tmp_path / "c.jsonl"
    src.write_text("".join(json.dumps({"id": i, "text": SHELLING}, ensure_ascii=False) + "\n"
                           for i in ("a", "stuck", "b")), encoding="utf-8")
    stats = run_batch([src], f"{tmp_path / 'out'}/", jobs=jobs, progress=False, time_budget=0.5)
    assert stats.docs == 3 and stats.errors == 1 and stats.records == 2
    (err,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert err["kind"] == "timeout" and err["doc_id"] == "stuck"


def test_a_document_that_kills_its_worker_fails_alone(tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(batch, "records_for", _dies)
    src = tmp_path / "c.jsonl"
    ids = [f"d{i}" for i in range(40)]
    ids[17] = "dies"
    src.write_text("".join(json.dumps({"id": i, "text": AIRSTRIKE}, ensure_ascii=False) + "\n" for i in ids),
                   encoding="utf-8")
    stats = run_batch([src], f"{tmp_path / 'out'}/", jobs=2, progress=False)
    assert stats.docs == 40 and stats.errors == 1 and stats.records == 39
    (err,) = [json.loads(line) for line in (tmp_path / "out" / "errors.jsonl").read_text().splitlines()]
    assert err["kind"] == "crash" and err["origin"].endswith(":18")


def test_the_50mb_file_is_rejected_by_size_before_it_is_read(tmp_path, monkeypatch) -> None:
    big = tmp_path / "big.txt"
    _write_big(big)
    assert big.stat().st_size > MAX_BYTES
    from rasd import inputs

    def no_open(*a, **kw):
        raise AssertionError("the oversized file was opened")
    monkeypatch.setattr(inputs, "open", no_open, raising=False)
    (doc,) = list(inputs.iter_documents([big]))
    assert isinstance(doc, inputs.InputError) and doc.error.startswith("document too large")
