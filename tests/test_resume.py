"""Resume after kill -9: an interrupted-and-resumed run equals an uninterrupted one.

The real test starts `rasd extract --resume --jobs 2` in a subprocess, kills it with
SIGKILL at seeded random moments several times, lets the last run finish, and compares
records (as a multiset of JSON lines), errors.jsonl and the merged file with a run that
was never interrupted. The crash points between the steps of one chunk commit are
rebuilt by hand below, since a random kill rarely lands exactly there.
"""
from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from rasd.batch import run_batch
from rasd.chunks import ChunkError, ChunkStore, DocEntry, iter_merged_lines, merge_chunks

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from corpus import iter_corpus  # noqa: E402  (team-written paragraphs, recombined)

N_DOCS = 200


def _corpus(path: Path) -> Path:
    """Generated documents plus what a crawl holds besides: bad lines and a repeat."""
    docs = list(iter_corpus(N_DOCS, seed=8))
    with open(path, "w", encoding="utf-8") as fh:
        for i, d in enumerate(docs):
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
            if i == 40:
                fh.write("{\"id\": \"broken\", \"text\": \n")                     # bad JSON
            if i == 90:
                fh.write(json.dumps({"id": "english", "text": "Nothing in Arabic here at all."}) + "\n")
            if i == 120:
                fh.write(json.dumps(docs[3], ensure_ascii=False) + "\n")           # the same document again
    return path


def _records(root: Path) -> Counter:
    return Counter(line for part in root.glob("part-*.jsonl") for line in part.read_text(encoding="utf-8").splitlines())


def _n_chunks(root: Path) -> int:
    return len(list((root / "_manifest").glob("part-*.json"))) if (root / "_manifest").is_dir() else 0


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "rasd", "extract", *args]


def test_kill_9_and_resume_equals_an_uninterrupted_run(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "corpus.jsonl")
    ref = tmp_path / "ref"
    stats = run_batch([corpus], f"{ref}/", jobs=1, progress=False, chunk_docs=10)
    assert stats.docs == N_DOCS + 2 and stats.errors == 2 and stats.duplicates == 1
    reference = _records(ref)
    assert reference and max(reference.values()) == 1

    out = tmp_path / "out"
    rng = random.Random(2024)
    interrupted = 0
    for _ in range(4):
        before = _n_chunks(out)
        proc = subprocess.Popen(_cli(str(corpus), "-o", f"{out}/", "--resume", "--jobs", "2", "--chunk-docs", "10",
                                     "--no-progress"), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                start_new_session=True)
        # Let each run commit something, then kill it at a random moment after: inside
        # extraction, a chunk write, a rename or the manifest write.
        deadline = time.monotonic() + 60
        while proc.poll() is None and _n_chunks(out) <= before and time.monotonic() < deadline:
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.25))
        if proc.poll() is None:
            interrupted += 1
            # The whole process group: the pool's workers die with their parent, as on a crash.
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert interrupted >= 3, "the kills must land while the run is going"
    if interrupted == 4:
        assert not (out / "summary.json").exists(), "no killed run may have completed"

    done = subprocess.run(_cli(str(corpus), "-o", f"{out}/", "--resume", "--jobs", "2", "--chunk-docs", "10",
                               "--no-progress"), capture_output=True, text=True, timeout=300)
    assert done.returncode == 1, done.stderr        # two documents fail, as in the reference
    assert "already done" in done.stderr             # the killed runs' chunks were kept
    assert "2 document(s) failed" in done.stderr     # the same status as the reference run
    assert _records(out) == reference
    assert (out / "errors.jsonl").read_text(encoding="utf-8") == (ref / "errors.jsonl").read_text(encoding="utf-8")
    keys = [d["key"] for m in (out / "_manifest").glob("*.json") for d in json.loads(m.read_text())["docs"]]
    assert len(keys) == len(set(keys)) == N_DOCS + 2
    merge_chunks(ref, tmp_path / "ref.jsonl")
    merge_chunks(out, tmp_path / "out.jsonl")
    assert (tmp_path / "ref.jsonl").read_bytes() == (tmp_path / "out.jsonl").read_bytes()


def _entry(i: int, n_records: int = 2) -> DocEntry:
    key = f"{i:040x}"
    return DocEntry(key, f"d{i}", f"c.jsonl:{i}", [json.dumps({"doc_id": f"d{i}", "n": j}) + "\n" for j in range(n_records)])


def test_every_crash_point_of_a_commit_recovers(tmp_path: Path) -> None:
    store = ChunkStore.open(tmp_path, resume=False)
    store.commit([_entry(1), _entry(2)])
    err = {"key": f"{3:040x}", "origin": "x.txt", "doc_id": "x.txt", "kind": "empty", "error": "empty document"}
    store.commit([_entry(4), DocEntry(err["key"], "x.txt", "x.txt", [], err)])
    store.close()
    # Crash 1: a part written but not renamed. Crash 2: a part renamed, its manifest not.
    (tmp_path / "part-000003.jsonl.tmp").write_text("{\"half\": ", encoding="utf-8")
    (tmp_path / "part-000004.jsonl").write_text(_entry(5).lines[0], encoding="utf-8")
    (tmp_path / "_manifest" / "part-000004.json.tmp").write_text("{", encoding="utf-8")
    # Crash 3: errors.jsonl cut in the middle of a line.
    with open(tmp_path / "errors.jsonl", "a", encoding="utf-8") as fh:
        fh.write('{"key": "half a li')

    store = ChunkStore.open(tmp_path, resume=True)
    store.close()
    assert {p.name for p in tmp_path.glob("part-*")} == {"part-000001.jsonl", "part-000002.jsonl"}
    assert not list(tmp_path.rglob("*.tmp"))
    assert store.committed == {bytes.fromhex(f"{i:040x}") for i in (1, 2, 3, 4)}
    assert store.next_chunk == 3
    assert [json.loads(line) for line in (tmp_path / "errors.jsonl").read_text().splitlines()] == [err]
    merged = [json.loads(line)["doc_id"] for line in iter_merged_lines(tmp_path)]
    assert merged == ["d1", "d1", "d2", "d2", "d4", "d4"]


def test_a_used_directory_needs_resume_and_the_same_version(tmp_path: Path) -> None:
    store = ChunkStore.open(tmp_path, resume=False)
    store.commit([_entry(1)])
    store.close()
    with pytest.raises(ChunkError, match="--resume"):
        ChunkStore.open(tmp_path, resume=False)
    m = tmp_path / "_manifest" / "part-000001.json"
    m.write_text(m.read_text().replace('"rasd_version": "', '"rasd_version": "old-'), encoding="utf-8")
    with pytest.raises(ChunkError, match="rasd old-"):
        ChunkStore.open(tmp_path, resume=True)


def test_single_file_resume_merges_its_parts_in_canonical_order(tmp_path: Path) -> None:
    docs = list(iter_corpus(12, seed=3))
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    out = tmp_path / "o.jsonl"
    first = run_batch([corpus], out, jobs=1, resume=True, progress=False, chunk_docs=5)
    again = run_batch([corpus], out, jobs=1, resume=True, progress=False, chunk_docs=5)
    assert first.docs == 12 and first.chunks == 3
    assert again.docs == 0 and again.skipped == 12
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines == [ln.rstrip("\n") for ln in iter_merged_lines(tmp_path / "o.jsonl.parts")]
    assert {json.loads(ln)["doc_id"] for ln in lines} <= {d["id"] for d in docs} and len(lines) == first.records
