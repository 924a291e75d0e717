"""The chunked output directory of a large batch: atomic chunk commits, resume, merge.

Owns: the on-disk layout below, what counts as committed, recovery after a crash at
any instant (`ChunkStore.open`), and the canonical single-file merge (`merge_chunks`).

Layout of an output directory ``OUT/``::

    OUT/part-000001.jsonl          records of a set of whole documents (one JSON per line)
    OUT/_manifest/part-000001.json the chunk's manifest: rasd version, and per document its
                                   key, doc_id, origin, record count and byte range in the
                                   part file; per failed document its error line
    OUT/errors.jsonl               {key, origin, doc_id, kind, error} per failed document
    OUT/summary.json               written when a run completes

Commit protocol of one chunk (every file written to a ``.tmp`` name in the same
directory, flushed and fsynced, then `os.replace`d; the directory fsynced after):

    1. part-N.jsonl        2. _manifest/part-N.json  (the commit point)   3. errors.jsonl

The manifest is the unit of truth: a chunk is committed iff its manifest exists.
Crash before step 1's rename: only a ``.tmp`` remains; it is deleted on resume.
Between 1 and 2: a part file without a manifest; it is deleted on resume and its
documents are processed again, so nothing is duplicated. Between 2 and 3, or halfway
through appending to errors.jsonl: on resume errors.jsonl is rewritten from the
manifests, so an error line is neither lost nor doubled. A kill -9 at any instant
therefore leaves a directory whose committed chunks hold each finished document once.

A document's key is sha1 of (rasd version, doc_id, sha1 of its text, publication date,
outlet, url): everything its records depend on. The doc_id is part of it so that the
same text under two ids yields both documents' records; the same text under the same id
twice is one document (counted as a duplicate, its records written once), which is what
makes an interrupted-and-resumed run equal an uninterrupted one. An input that never
became a document (unreadable, not Arabic, ...) is keyed by its origin and message
instead, so resume with the same INPUT arguments. A directory holds one rasd version:
resuming with another version is refused rather than mixing two versions' records.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from . import __version__

MANIFEST_DIR = "_manifest"
ERRORS = "errors.jsonl"
SUMMARY = "summary.json"
_PART = re.compile(r"^part-(\d{6,})\.jsonl$")


class ChunkError(Exception):
    """The output directory cannot be used (another rasd version, not empty, ...)."""


@dataclass(slots=True)
class DocEntry:
    """One finished document of a chunk: its records (JSON lines) or its error."""
    key: str
    doc_id: str | None
    origin: str
    lines: list[str] = field(default_factory=list)
    error: dict | None = None


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or all of the new."""
    tmp = path.with_name(path.name + ".tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


class ChunkStore:
    """An output directory being filled chunk by chunk; see the module docstring."""

    def __init__(self, root: Path, committed: set[bytes], errors: list[dict], next_chunk: int):
        self.root = root
        self.committed = committed          # 20-byte keys: ~140 bytes of memory per document
        self.next_chunk = next_chunk
        self._errors_fh = open(root / ERRORS, "a", encoding="utf-8")
        self.n_prior_errors = len(errors)

    @classmethod
    def open(cls, root: str | Path, *, resume: bool) -> "ChunkStore":
        """Open (creating) ``root``; with ``resume`` recover it after a crash first."""
        root = Path(root)
        mdir = root / MANIFEST_DIR
        root.mkdir(parents=True, exist_ok=True)
        mdir.mkdir(exist_ok=True)
        parts = {int(m.group(1)): p for p in root.iterdir() if (m := _PART.match(p.name))}
        manifests = {int(m.group(1)): p for p in mdir.iterdir() if (m := re.match(r"^part-(\d{6,})\.json$", p.name))}
        if not resume and (parts or manifests):
            raise ChunkError(f"{root} already holds chunks; pass --resume to continue that run, or use a new directory")
        for p in [*root.glob("*.tmp"), *mdir.glob("*.tmp")]:
            p.unlink()                                  # writes a crash interrupted
        committed: set[bytes] = set()
        errors: list[dict] = []
        for n in sorted(manifests):
            if n not in parts:
                manifests.pop(n).unlink()               # part file removed by hand: not committed
                continue
            m = json.loads(manifests[n].read_text(encoding="utf-8"))
            if m.get("rasd_version") != __version__:
                raise ChunkError(f"{root} was written by rasd {m.get('rasd_version')}, this is rasd {__version__}; "
                                 "use a new output directory")
            committed.update(bytes.fromhex(d["key"]) for d in m["docs"])
            errors.extend(m["errors"])
        for n, p in parts.items():
            if n not in manifests:
                p.unlink()                              # crash between the part's and the manifest's rename
        # errors.jsonl may miss the last chunk's lines or end in half a line: rebuild it.
        write_atomic(root / ERRORS, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors).encode("utf-8"))
        _fsync_dir(root)
        return cls(root, committed, errors, max(manifests, default=0) + 1)

    def commit(self, entries: list[DocEntry]) -> str:
        """Commit one chunk holding ``entries``; returns the part file's name."""
        n = self.next_chunk
        name = f"part-{n:06d}.jsonl"
        docs, errors, offset = [], [], 0
        tmp = self.root / (name + ".tmp")
        # Streamed to the file document by document: a chunk is never copied whole.
        with open(tmp, "wb") as fh:
            for e in entries:
                if e.error is not None:
                    errors.append(e.error)
                    continue
                length = 0
                for line in e.lines:
                    length += fh.write(line.encode("utf-8"))
                docs.append({"key": e.key, "doc_id": e.doc_id, "origin": e.origin, "n_records": len(e.lines),
                             "offset": offset, "length": length})
                offset += length
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.root / name)
        docs += [{"key": e.key, "doc_id": e.doc_id, "origin": e.origin, "n_records": 0, "offset": offset, "length": 0}
                 for e in entries if e.error is not None]
        manifest = {"chunk": name, "rasd_version": __version__, "docs": docs, "errors": errors}
        write_atomic(self.root / MANIFEST_DIR / f"part-{n:06d}.json",
                     json.dumps(manifest, ensure_ascii=False).encode("utf-8"))
        _fsync_dir(self.root / MANIFEST_DIR)
        _fsync_dir(self.root)
        self.next_chunk += 1
        for e in errors:
            self._errors_fh.write(json.dumps(e, ensure_ascii=False) + "\n")
        self._errors_fh.flush()
        self.committed.update(bytes.fromhex(e.key) for e in entries)
        return name

    def finish(self, summary: dict) -> None:
        """A completed run: errors.jsonl in canonical order (by key), and a summary."""
        self._errors_fh.close()
        errors = sorted((e for m in _manifests(self.root) for e in m["errors"]), key=lambda e: e["key"])
        write_atomic(self.root / ERRORS, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in errors).encode("utf-8"))
        write_atomic(self.root / SUMMARY, json.dumps(summary, indent=1).encode("utf-8"))

    def close(self) -> None:
        if not self._errors_fh.closed:
            self._errors_fh.close()


def _manifests(root: Path) -> Iterable[dict]:
    mdir = root / MANIFEST_DIR
    for p in sorted(mdir.glob("part-*.json")):
        if (root / p.name.replace(".json", ".jsonl")).exists():
            yield json.loads(p.read_text(encoding="utf-8"))


def iter_merged_lines(root: str | Path) -> Iterable[str]:
    """Every committed record line of ``root``, sorted by document key, then record order.

    Memory holds one small tuple per document, never the records themselves."""
    root = Path(root)
    index = sorted((d["key"], m["chunk"], d["offset"], d["length"])
                   for m in _manifests(root) for d in m["docs"] if d["length"])
    handles: dict[str, object] = {}
    try:
        for _key, chunk, offset, length in index:
            fh = handles.get(chunk)
            if fh is None:
                if len(handles) > 64:
                    for h in handles.values():
                        h.close()
                    handles.clear()
                fh = handles[chunk] = open(root / chunk, "rb")
            fh.seek(offset)
            yield from fh.read(length).decode("utf-8").splitlines(keepends=True)
    finally:
        for h in handles.values():
            h.close()


def merge_chunks(root: str | Path, output: str | Path) -> int:
    """Write ``root``'s committed records to one file (.jsonl, .jsonl.gz or .csv) in the
    canonical order of `iter_merged_lines`; written to a temporary name, then renamed.
    Returns the number of records."""
    from .output import RecordWriter

    output = Path(output)
    tmp = output.with_name(f".tmp-{os.getpid()}-{output.name}")
    n = 0
    with RecordWriter(tmp) as writer:
        for line in iter_merged_lines(root):
            writer.write(json.loads(line))
            n += 1
    os.replace(tmp, output)
    return n
