"""Batch processing of many input documents.

Owns: turning one input document into its output record dicts (`records_for`), the one
function the CLI, a local process pool and distributed backends all call, so every
runner writes the same records for the same document; and the streaming local runner
`run_batch` (process pool, per-document time budget, chunked resumable output — the
directory layout and its crash safety are `rasd.chunks`'s).

How the runner stays flat in memory: inputs are walked lazily (`inputs.iter_raw` yields
paths and single JSON lines, never a corpus), decoding happens in the workers, at most
``4 × jobs`` small batches are in flight, and records are held only until their chunk
is committed (at most `DEFAULT_CHUNK_DOCS` documents or `CHUNK_BYTES` of records).
What grows with the corpus is the set of finished document keys (about 140 bytes per
document: +12 MB from 10k to 100k documents), which is what lets resume skip them and
keeps a document seen twice from being written twice.

Why a pathological document cannot stall a batch: every input is capped at
`inputs.MAX_BYTES` before it is read whole; the project's regexes are linear (no nested
quantifiers; the lazy-dot HTML patterns, the sentence-end rule and the thousands-group
number pattern, which rescanned long runs quadratically, were replaced by one-pass scans
or bounded repeats); and as a last line of defence each document runs under a
`SIGALRM` time budget (`time_budget`, default 10 s) that turns it into a ``timeout``
error. The alarm interrupts Python code only: a single C call (lxml parsing the capped
input) finishes first. A worker process that dies (segfault, OOM kill) costs the
documents of its batch a retry one by one in a fresh pool; the one that kills a worker
again becomes a ``crash`` error.
"""
from __future__ import annotations

import gc
import hashlib
import json
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import __version__
from .chunks import ChunkError, ChunkStore, DocEntry, merge_chunks
from .inputs import InputDoc, InputError, RawDoc, iter_raw, load
from .pipeline import extract

DEFAULT_TIME_BUDGET = 10.0
DEFAULT_CHUNK_DOCS = 1000
# A chunk is also committed once its records reach this size: documents with many
# records must not make the buffer, and so memory, grow.
CHUNK_BYTES = 4 * 1024 * 1024
# Documents per task sent to a worker: enough to amortise pickling, few enough that a
# crash retries little.
TASK_DOCS = 16

# Error kinds of errors.jsonl, from the start of `InputError.error` (inputs.py's words).
ERROR_KINDS: tuple[tuple[str, str], ...] = (
    ("no such file", "missing"),
    ("cannot read", "read"),
    ("document too large", "too_large"),
    ("not text", "binary"),
    ("cannot decode", "encoding"),
    ("empty document", "empty"),
    ("no Arabic text", "not_arabic"),
    ("invalid JSON", "json"),
    ("invalid '", "json_field"),
    ("missing 'text'", "json_field"),
    ("cannot extract text from HTML", "html"),
    ("timeout", "timeout"),
    ("worker crashed", "crash"),
)


def records_for(item: InputDoc) -> list[dict]:
    """The output records (JSON-ready dicts) of one decoded input document."""
    records = extract(item.text, published=item.published, outlet=item.outlet, doc_id=item.doc_id, url=item.url)
    out = []
    for rec in records:
        d = rec.to_dict()
        if item.is_html:
            # Offsets of an HTML input index its extracted text; the hash ties them to it.
            d["doc_text_sha1"] = item.text_sha1
        out.append(d)
    return out


# --------------------------------------------------------------------------- keys

def doc_key(item: InputDoc) -> str:
    """What a document's records depend on, hashed (see `rasd.chunks` for why)."""
    parts = [__version__, item.doc_id, item.text_sha1,
             item.published.isoformat() if isinstance(item.published, date) else None, item.outlet, item.url]
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def error_key(origin: str, doc_id: str | None, error: str) -> str:
    """The key of an input that never became a document."""
    parts = [__version__, "error", origin, doc_id, error]
    return hashlib.sha1(json.dumps(parts, ensure_ascii=False).encode("utf-8")).hexdigest()


def error_kind(message: str) -> str:
    return next((kind for prefix, kind in ERROR_KINDS if message.startswith(prefix)), "internal")


# --------------------------------------------------------------------------- one unit

class DocumentTimeout(BaseException):
    """A document ran over its time budget.

    A BaseException, like KeyboardInterrupt, so that the ``except Exception`` guards in
    the HTML extraction and the libraries under it cannot swallow the one alarm."""


@contextmanager
def time_budget(seconds: float | None):
    """Raise `DocumentTimeout` in the block after ``seconds`` (main thread, POSIX only)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_alarm(signum, frame):
        raise DocumentTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@dataclass(slots=True)
class Result:
    key: str
    doc_id: str | None
    origin: str
    lines: list[str] | None = None     # record JSON lines; None for an error
    error: dict | None = None
    skipped: bool = False              # committed by an earlier run
    doc: InputDoc | None = None        # the decoded document, when the caller keeps it (ingest)


def _error(origin: str, doc_id: str | None, message: str, key: str | None = None) -> Result:
    key = key or error_key(origin, doc_id, message)
    err = {"key": key, "origin": origin, "doc_id": doc_id, "kind": error_kind(message), "error": message}
    return Result(key, doc_id, origin, error=err)


# Set in the parent before the pool forks, so workers inherit them without pickling.
_SKIP: set[bytes] = set()
_BUDGET: float | None = DEFAULT_TIME_BUDGET
_SKIP_TEXTS: frozenset[bytes] = frozenset()
_KEEP_DOC = False


def process_unit(unit: RawDoc | InputError, budget: float | None = None, skip: set[bytes] | None = None) -> Result:
    """Decode, key and extract one unit under the time budget. Never raises."""
    r = _process_unit(unit, budget, skip)
    if r.error is not None and skip and bytes.fromhex(r.key) in skip:
        return Result(r.key, r.doc_id, r.origin, skipped=True)     # an error an earlier run committed
    return r


def _process_unit(unit: RawDoc | InputError, budget: float | None, skip: set[bytes] | None) -> Result:
    if isinstance(unit, InputError):
        return _error(unit.origin, unit.doc_id, unit.error)
    item: InputDoc | InputError | None = None
    try:
        with time_budget(budget):
            item = load(unit)
            if isinstance(item, InputError):
                return _error(item.origin, item.doc_id, item.error)
            key = doc_key(item)
            if skip and bytes.fromhex(key) in skip or _SKIP_TEXTS and bytes.fromhex(item.text_sha1) in _SKIP_TEXTS:
                return Result(key, item.doc_id, item.origin, skipped=True)
            lines = [json.dumps(r, ensure_ascii=False) + "\n" for r in records_for(item)]
            return Result(key, item.doc_id, item.origin, lines=lines, doc=item if _KEEP_DOC else None)
    except DocumentTimeout:
        message = f"timeout: over the {budget:g} s budget"
    except Exception as exc:  # one bad document must never stop the batch
        message = f"internal error: {type(exc).__name__}: {exc}"
    if isinstance(item, InputDoc):
        return _error(item.origin, item.doc_id, message, key=doc_key(item))
    return _error(unit.origin, None, message)


def _process_task(units: list[RawDoc | InputError]) -> list[Result]:
    return [process_unit(u, _BUDGET, _SKIP) for u in units]


# Allocations (net of frees) between young collections in a batch process (default 700).
GC_YOUNG_THRESHOLD = 20_000


def _warm() -> None:
    # Lexicons and the gazetteer index load on first use; loading them before the fork
    # lets every worker share those pages instead of loading its own copy. Two texts over
    # lexicon._SHORT: the first makes the lexicons join their shared scan, the second builds it.
    for place in ("حماة", "حمص"):
        extract(f"قتل ثلاثة مدنيين بقصف على مدينة {place} أمس، وفق ما أفاد المرصد السوري لحقوق الإنسان.\n"
                "وفي ريف إدلب، اندلعت اشتباكات بين قوات النظام وفصائل المعارضة قرب بلدة سراقب، "
                "فيما اعتقلت قوات الأمن خمسة شبان في مدينة درعا، بحسب ناشطين محليين. "
                "وتظاهر العشرات في مدينة إدلب احتجاجا على القصف.", published="2020-01-02")
    # The loaded lexicons and index are hundreds of thousands of objects that live as long
    # as the process: frozen, the collector stops walking them on every full collection,
    # and forked workers stop touching (so copying) their pages.
    gc.freeze()
    # A document allocates tens of thousands of short-lived objects, nearly all freed by
    # reference counting; at the default threshold (700) collections (each walking the
    # objects made since the freeze) took 4% of the time on the bench corpus, measured
    # with gc.callbacks, and under 1% at this one. The few cycles a document leaves wait
    # a little longer.
    gc.set_threshold(GC_YOUNG_THRESHOLD, *gc.get_threshold()[1:])


# --------------------------------------------------------------------------- engine

def _batched(it: Iterable, n: int) -> Iterator[list]:
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch


def iter_results(units: Iterable[RawDoc | InputError], *, jobs: int = 1, time_budget: float | None = DEFAULT_TIME_BUDGET,
                 skip: set[bytes] | None = None, skip_texts: frozenset[bytes] | None = None,
                 keep_doc: bool = False) -> Iterator[Result]:
    """`Result`s of ``units`` in completion order; ``jobs`` > 1 forks a process pool.

    ``skip``: document keys (`doc_key`, as bytes) finished earlier; ``skip_texts``: text
    sha1s (bytes) already stored, e.g. in a database — both come back as ``skipped``
    without extraction. ``keep_doc``: results carry their decoded `InputDoc` (a store needs
    its text and metadata)."""
    global _SKIP, _BUDGET, _SKIP_TEXTS, _KEEP_DOC
    _SKIP, _BUDGET = skip or set(), time_budget
    _SKIP_TEXTS, _KEEP_DOC = skip_texts or frozenset(), keep_doc
    # Outside any budget: a first document must not pay for loading the lexicons and the
    # index, nor may an alarm interrupt that loading halfway.
    _warm()
    if jobs <= 1:
        for unit in units:
            yield process_unit(unit, time_budget, _SKIP)
        return
    yield from _pool_results(_batched(units, TASK_DOCS), jobs)


def _pool_results(tasks: Iterator[list], jobs: int) -> Iterator[Result]:
    ctx = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx)
    retry: deque[list] = deque()       # units of a batch whose worker died, one per task
    running: dict = {}                 # future -> (units, solo)
    max_in_flight = 4 * jobs
    exhausted = False
    try:
        while True:
            while len(running) < max_in_flight and (retry or not exhausted):
                if retry:
                    # Suspects run alone, so that a dead worker names its document.
                    if running:
                        break
                    units, solo = retry.popleft(), True
                else:
                    units = next(tasks, None)
                    if units is None:
                        exhausted = True
                        break
                    solo = False
                running[pool.submit(_process_task, units)] = (units, solo)
            if not running:
                return
            done, _ = wait(running, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                units, solo = running.pop(fut)
                try:
                    results = fut.result()
                except BrokenProcessPool:
                    broken = True
                    if solo:
                        u = units[0]
                        yield _error(u.origin, getattr(u, "doc_id", None), "worker crashed (killed or out of memory)")
                    else:
                        retry.extend([u] for u in units)
                    continue
                yield from results
            if broken:
                # Every other task of the dead pool fails too: retry those alone as well.
                for fut, (units, solo) in list(running.items()):
                    retry.extend([u] for u in units)
                running.clear()
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=jobs, mp_context=ctx)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


# --------------------------------------------------------------------------- runner

@dataclass
class BatchStats:
    docs: int = 0          # documents finished in this run (with records or an error)
    records: int = 0
    errors: int = 0
    prior_errors: int = 0  # failed documents committed by earlier runs (--resume)
    skipped: int = 0       # finished by an earlier run (--resume)
    duplicates: int = 0    # the same document (same key) met again
    chunks: int = 0
    seconds: float = 0.0

    @property
    def docs_per_s(self) -> float:
        return self.docs / self.seconds if self.seconds else 0.0

    def to_dict(self) -> dict:
        return {**asdict(self), "docs_per_s": round(self.docs_per_s, 1)}


def is_dir_output(output: str | Path) -> bool:
    """Whether ``output`` names a chunked output directory (ends with '/' or is one)."""
    s = str(output)
    return s.endswith(("/", os.sep)) or Path(s).is_dir()


def run_batch(inputs: Iterable[str | Path], out: str | Path, *, jobs: int | None = None, resume: bool = False,
              published: date | None = None, progress: bool = True, time_budget: float | None = DEFAULT_TIME_BUDGET,
              chunk_docs: int = DEFAULT_CHUNK_DOCS, on_error: Callable[[dict], None] | None = None) -> BatchStats:
    """Run rasd over ``inputs`` (files, directories, globs, .jsonl[.gz]) into ``out``.

    ``out`` a directory (see `is_dir_output`): resumable chunks, errors.jsonl (`rasd.chunks`).
    ``out`` a file (.jsonl, .jsonl.gz, .csv) or "-": without ``resume`` records are
    streamed to it in completion order and errors go to ``on_error``; with ``resume`` the
    chunks are kept in ``out + ".parts/"`` and merged into ``out`` in canonical order at
    the end. ``jobs`` defaults to the number of cores; 1 runs in this process.
    Raises `ChunkError` when the output directory cannot be used.
    """
    jobs = jobs or os.cpu_count() or 1
    if is_dir_output(out):
        return _run_chunked(inputs, Path(out), jobs, resume, published, progress, time_budget, chunk_docs)
    if resume:
        if str(out) == "-":
            raise ChunkError("--resume needs an output file or directory, not stdout")
        parts = Path(str(out) + ".parts")
        stats = _run_chunked(inputs, parts, jobs, True, published, progress, time_budget, chunk_docs)
        merge_chunks(parts, out)
        return stats
    return _run_stream(inputs, out, jobs, published, progress, time_budget, on_error)


def _progress(enabled: bool):
    from tqdm import tqdm

    return tqdm(unit="doc", file=sys.stderr, disable=not enabled or None, leave=False, dynamic_ncols=True, smoothing=0.1)


def _run_stream(inputs, out, jobs, published, progress, budget, on_error) -> BatchStats:
    from .output import RecordWriter

    stats, seen = BatchStats(), set()
    bar = _progress(progress)
    t0 = time.perf_counter()
    try:
        with RecordWriter(out) as writer:
            for r in iter_results(iter_raw(inputs, published), jobs=jobs, time_budget=budget):
                if not _fresh(r, seen, stats, bar):
                    continue
                if r.error is not None and on_error is not None:
                    on_error(r.error)
                for line in r.lines or ():
                    writer.write(json.loads(line))
                    stats.records += 1
    finally:
        bar.close()
    stats.seconds = time.perf_counter() - t0
    return stats


def _fresh(r: Result, seen: set[bytes], stats: BatchStats, bar) -> bool:
    """Count ``r``; False when it was finished before (resume) or is a duplicate."""
    if r.skipped:
        stats.skipped += 1
        return False
    k = bytes.fromhex(r.key)
    if k in seen:
        stats.duplicates += 1
        return False
    seen.add(k)
    stats.docs += 1
    bar.update(1)
    if r.error is not None:
        stats.errors += 1
        bar.set_postfix(errors=stats.errors, refresh=False)
    return True


def _run_chunked(inputs, root: Path, jobs, resume, published, progress, budget, chunk_docs) -> BatchStats:
    store = ChunkStore.open(root, resume=resume)
    stats = BatchStats(prior_errors=store.n_prior_errors)
    bar = _progress(progress)
    pending: list[DocEntry] = []
    pending_bytes = 0
    t0 = time.perf_counter()
    try:
        skip = frozenset(store.committed)  # a snapshot: in-run repeats count as duplicates
        for r in iter_results(iter_raw(inputs, published), jobs=jobs, time_budget=budget, skip=skip):
            if not _fresh(r, store.committed, stats, bar):
                continue
            pending.append(DocEntry(r.key, r.doc_id, r.origin, r.lines or [], r.error))
            stats.records += len(r.lines or ())
            pending_bytes += sum(map(len, r.lines or ()))
            if len(pending) >= chunk_docs or pending_bytes >= CHUNK_BYTES:
                store.commit(pending)
                stats.chunks += 1
                pending, pending_bytes = [], 0
        if pending:
            store.commit(pending)
            stats.chunks += 1
        stats.seconds = time.perf_counter() - t0
        store.finish({"rasd_version": __version__, **stats.to_dict()})
    finally:
        bar.close()
        store.close()
    return stats


# --------------------------------------------------------------------------- CLI

def extract_command(args) -> int:
    """`rasd extract`: exit 0 when every document was processed, 1 when some failed,
    2 when the output cannot be written."""
    def report(err: dict) -> None:
        print(f"rasd: error: {err['origin']}: {err['error']}", file=sys.stderr)

    try:
        stats = run_batch(args.inputs, args.output, jobs=args.jobs, resume=args.resume, published=args.published,
                          progress=not args.no_progress, time_budget=args.time_budget or None,
                          chunk_docs=args.chunk_docs, on_error=report)
    except ChunkError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"rasd: error: cannot write {args.output}: {exc}", file=sys.stderr)
        return 2
    summary = f"rasd: {stats.docs} document(s), {stats.records} record(s)"
    if stats.skipped:
        summary += f", {stats.skipped} already done"
    if stats.duplicates:
        summary += f", {stats.duplicates} duplicate(s) skipped"
    summary += f" ({stats.docs_per_s:,.0f} docs/s)"
    if stats.errors or stats.prior_errors:
        # A resumed run ends with the status an uninterrupted one would have had.
        where = f" (see {Path(args.output) / 'errors.jsonl'})" if is_dir_output(args.output) else ""
        earlier = f" ({stats.prior_errors} in earlier runs)" if stats.prior_errors else ""
        print(f"{summary}, {stats.errors + stats.prior_errors} document(s) failed{earlier}{where}", file=sys.stderr)
        return 1
    print(summary, file=sys.stderr)
    return 0


def merge_command(args) -> int:
    """`rasd merge-chunks DIR -o OUT`: one canonical file from a chunked output directory."""
    try:
        n = merge_chunks(args.directory, args.output)
    except (OSError, ValueError) as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 2
    print(f"rasd: {n} record(s) written to {args.output}", file=sys.stderr)
    return 0
