"""The Ray Data backend of `rasd extract --engine ray` (optional extra `rasd[ray]`).

Owns: starting or joining a Ray instance, reading JSONL (optionally gzipped) and Parquet
inputs as Ray datasets, running `rasd.batch.records_for` in Ray actors (each loads the
lexicons and gazetteer once), and writing the records either through the driver (one
`.jsonl`/`.csv` file, byte-for-byte the local runner's format) or from the workers (a
directory of Parquet or JSON files, for clusters).

Inputs are read by one small Ray datasource (`InputRows`) as raw rows with their file and
line number, and parsed in the workers by `rasd.inputs`, not by `ray.data.read_json`:
Arrow's JSON reader rejects a whole file for one bad line and guesses column types (a
`published` string becomes a timestamp), while the local runner reports one error per
bad line. Same parser, same records, same errors. Parquet rows go through the same
`rasd.inputs.doc_from_row` (a row without an id is named FILE:ROW, as a JSONL line is).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import date, datetime
from pathlib import PurePosixPath
from typing import Any, Iterator

from .inputs import MAX_BYTES, InputDoc, InputError, doc_from_line, doc_from_row

INSTALL_HINT = "pip install 'rasd[ray]'"
# Output paths the driver writes itself, in the local runner's formats (rasd.output).
FILE_SUFFIXES = (".jsonl", ".jsonl.gz", ".json", ".ndjson", ".csv")
PARQUET_SUFFIXES = (".parquet", ".pq")
# Files read when a directory (or bucket prefix) is named.
JSONL_EXTENSIONS = ("jsonl", "jsonl.gz", "ndjson")
PARQUET_EXTENSIONS = ("parquet", "pq")
# Lines per block read from a JSONL file: small enough to spread a file over the workers.
LINES_PER_BLOCK = 256
# The object store only holds blocks in flight; a small one leaves memory to the workers.
LOCAL_OBJECT_STORE_BYTES = 256 * 1024 * 1024
# Columns of the output table: one row per record, or one per failed document.
COLUMNS = ("doc_id", "origin", "record", "error")


class RayUnavailable(RuntimeError):
    """Ray (or Ray Data) is not installed."""


def _import_ray() -> Any:
    try:
        import ray
        import ray.data  # noqa: F401  (Ray core alone lacks Ray Data)
    except ImportError as exc:
        raise RayUnavailable(f"the ray engine needs Ray Data ({exc}); {INSTALL_HINT}") from None
    return ray


# --------------------------------------------------------------------------- Ray instance

def init_ray(address: str | None = None, num_cpus: int | None = None) -> None:
    """Start a local Ray instance (``address`` None) or join a cluster (``auto``, ``ray://…``).

    Nothing phones home: usage stats, the dashboard and its metrics exporters are off.
    Workers get RASD_CACHE_DIR so they find the gazetteer index the driver uses."""
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    ray = _import_ray()
    if ray.is_initialized():
        return
    env = {k: os.environ[k] for k in ("RASD_CACHE_DIR", "RAY_USAGE_STATS_ENABLED") if k in os.environ}
    kwargs: dict[str, Any] = dict(runtime_env={"env_vars": env}, log_to_driver=False,
                                  configure_logging=False, ignore_reinit_error=True)
    if address:
        ray.init(address=address, **kwargs)
    else:
        # "local": always a new instance, never a cluster some other process left running.
        ray.init(address="local", num_cpus=num_cpus, include_dashboard=False,
                 object_store_memory=LOCAL_OBJECT_STORE_BYTES, **kwargs)


def _quiet_data_context() -> None:
    import logging

    import ray.data

    ctx = ray.data.DataContext.get_current()
    # Progress bars and per-operator logs would interleave with rasd's own stderr lines;
    # Ray Data's full logs stay in the session's log directory.
    ctx.enable_progress_bars = False
    for attr in ("print_on_execution_start", "enable_operator_progress_bars"):
        if hasattr(ctx, attr):
            setattr(ctx, attr, False)
    logging.getLogger("ray.data").setLevel(logging.ERROR)


# --------------------------------------------------------------------------- reading

def _datasource(paths: list[str]) -> Any:
    import pyarrow as pa
    from ray.data.datasource import FileBasedDatasource

    schema = pa.schema([("path", pa.string()), ("n", pa.int64()), ("kind", pa.string()),
                        ("line", pa.binary()), ("error", pa.string())])

    class InputRows(FileBasedDatasource):
        """Input rows with their file and line (or row) number, one schema for every kind.

        JSONL lines stay raw bytes and Parquet rows become JSON, so blocks of both kinds
        concatenate; the workers parse them with rasd.inputs."""

        def _open_input_source(self, filesystem: Any, path: str, **open_args: Any) -> Any:
            # Parquet needs random access (its footer is at the end); JSONL streams.
            if _is_parquet(path):
                return filesystem.open_input_file(path)
            return super()._open_input_source(filesystem, path, **open_args)

        def _read_stream(self, f: Any, path: str) -> Iterator[Any]:
            rows: dict[str, list] = {name: [] for name in schema.names}

            def add(n: int, kind: str, line: bytes | None, error: str | None) -> None:
                for key, value in zip(schema.names, (path, n, kind, line, error)):
                    rows[key].append(value)

            def flush() -> Any:
                table = pa.table({k: pa.array(v, schema.field(k).type) for k, v in rows.items()}, schema=schema)
                for col in rows.values():
                    col.clear()
                return table

            lines = _parquet_rows(f) if _is_parquet(path) else _jsonl_lines(f)
            for n, kind, line, error in lines:
                add(n, kind, line, error)
                if len(rows["n"]) >= LINES_PER_BLOCK:
                    yield flush()
            if rows["n"]:
                yield flush()

    return InputRows(paths, file_extensions=list(JSONL_EXTENSIONS + PARQUET_EXTENSIONS))


def _jsonl_lines(f: Any) -> Iterator[tuple[int, str, bytes | None, str | None]]:
    """(line number, "jsonl", raw line or None, read error or None), as rasd.inputs reads a file."""
    import io

    # Arrow's input streams have no readline; a buffered reader over them does.
    f = io.BufferedReader(f, buffer_size=1 << 20)
    n = 0
    while True:
        n += 1
        try:
            # One bounded read per line, as rasd.inputs does, so a giant line cannot
            # exhaust a worker's memory.
            raw = f.readline(MAX_BYTES + 1)
        except (OSError, EOFError) as exc:
            yield n, "jsonl", None, f"cannot read line {n}: {exc}"
            return
        if not raw:
            return
        if len(raw) > MAX_BYTES and not raw.endswith(b"\n"):
            yield n, "jsonl", None, f"document too large (line {n} > {max(1, round(MAX_BYTES / 2**20))} MB limit)"
            while raw and not raw.endswith(b"\n"):
                raw = f.readline(MAX_BYTES + 1)
            continue
        if raw.strip():
            yield n, "jsonl", raw, None


def _parquet_rows(f: Any) -> Iterator[tuple[int, str, bytes | None, str | None]]:
    """(row number from 1, "parquet", the row as JSON, None) for each row of a Parquet file."""
    import pyarrow.parquet as pq

    n = 0
    for batch in pq.ParquetFile(f).iter_batches(batch_size=LINES_PER_BLOCK):
        for row in batch.to_pylist():
            n += 1
            obj = {k: _row_value(v) for k, v in row.items()}
            yield n, "parquet", json.dumps(obj, ensure_ascii=False).encode("utf-8"), None


def _is_parquet(path: str) -> bool:
    return path.lower().rstrip("/").endswith(PARQUET_SUFFIXES)


def read_inputs(paths: list[str]) -> Any:
    """A Ray dataset of raw input rows (path, n, kind, line, error) from JSONL and Parquet files."""
    import ray.data

    # Reads take no CPU slot: the extraction actors hold one each, and a read waiting for a
    # slot they never free would stall the whole pipeline.
    return ray.data.read_datasource(_datasource(paths), num_cpus=0)


def _row_value(v: Any) -> Any:
    # Parquet may store the date as a date or timestamp column; rasd.inputs reads strings.
    if isinstance(v, (date, datetime)):
        return v.isoformat()[:10]
    return v


def _docs_of_batch(batch: Any, published: date | None) -> Iterator[tuple[str, InputDoc | InputError]]:
    for row in batch.to_pylist():
        path, n = row["path"], row["n"]
        origin = f"{path}:{n}"
        name = PurePosixPath(path).name
        if row["error"]:
            yield origin, InputError(origin, None, row["error"])
        elif row["kind"] == "parquet":
            yield origin, doc_from_row(json.loads(row["line"]), origin, f"{name}:{n}", published, f" in row {n}")
        else:
            yield origin, doc_from_line(row["line"], n, origin, name, published)


class Extractor:
    """The map_batches callable: one per Ray actor, so rasd's data loads once per worker."""

    def __init__(self, published: str | None = None):
        from .batch import _warm

        self.published = date.fromisoformat(published) if published else None
        # The batch runner's warm-up: lexicons, the gazetteer index and the shared scan load
        # once, then are frozen out of the collector's walks, as in a local run.
        _warm()

    def __call__(self, batch: Any) -> dict[str, list]:
        from .batch import records_for

        out: dict[str, list] = {c: [] for c in COLUMNS}

        def add(doc_id: str | None, origin: str, record: str | None, error: str | None) -> None:
            out["doc_id"].append(doc_id), out["origin"].append(origin)
            out["record"].append(record), out["error"].append(error)

        for origin, item in _docs_of_batch(batch, self.published):
            if isinstance(item, InputError):
                add(item.doc_id, item.origin, None, item.error)
                continue
            try:
                records = records_for(item)
            except Exception as exc:  # one bad document must never stop the batch
                add(item.doc_id, origin, None, f"internal error: {type(exc).__name__}: {exc}")
                continue
            for rec in records:
                add(item.doc_id, origin, json.dumps(rec, ensure_ascii=False), None)
        return out


def extract_dataset(paths: list[str], published: date | None = None, workers: int | None = None) -> Any:
    """The lazy dataset of output rows (`COLUMNS`) for ``paths``; nothing runs until consumed."""
    import ray
    import ray.data

    if workers is None:
        workers = max(1, int(ray.cluster_resources().get("CPU", 1)))
    ds = read_inputs(paths)
    return ds.map_batches(Extractor, fn_constructor_kwargs={"published": published.isoformat() if published else None},
                          batch_format="pyarrow", batch_size=64, compute=ray.data.ActorPoolStrategy(size=workers),
                          num_cpus=1)


# --------------------------------------------------------------------------- writing

def _is_file_output(path: str) -> bool:
    return path == "-" or path.lower().endswith(FILE_SUFFIXES)


def run(paths: list[str], output: str, *, published: date | None = None, output_format: str = "parquet",
        workers: int | None = None, report: Any = None) -> tuple[int, int, int]:
    """Extract ``paths`` on the current Ray instance; return (rows, records, failed documents).

    ``output`` a file (``-``, ``.jsonl[.gz]``, ``.csv``): the driver writes the records in
    the local runner's format and ``report`` (default: stderr lines) gets each error. Any
    other path is a directory the workers write, one row per record (its JSON in
    ``record``) or per failed document (``error``), as Parquet or JSON Lines files."""
    report = report or (lambda origin, error: print(f"rasd: error: {origin}: {error}", file=sys.stderr))
    _quiet_data_context()
    ds = extract_dataset(paths, published, workers)
    if _is_file_output(output):
        return _write_via_driver(ds, output, report)
    # Writes take no CPU slot: with the actors holding every CPU, a write task waiting for
    # one let finished blocks fill the object store until the actors stalled (seen on 10k
    # documents; zero-CPU writes cost speed on small runs but never stall).
    if output_format == "json":
        ds.write_json(output, ray_remote_args={"num_cpus": 0})
        counted = _import_ray().data.read_json(output)
    else:
        ds.write_parquet(output, ray_remote_args={"num_cpus": 0})
        counted = _import_ray().data.read_parquet(output)
    # Counting reads back one column of the output rather than holding the dataset in memory.
    rows = failed = 0
    for batch in counted.select_columns(["error"]).iter_batches(batch_format="pyarrow"):
        rows += batch.num_rows
        failed += batch.num_rows - batch.column("error").null_count
    return rows, rows - failed, failed


def _write_via_driver(ds: Any, output: str, report: Any) -> tuple[int, int, int]:
    from .output import RecordWriter

    rows = records = failed = 0
    with RecordWriter(output) as writer:
        for batch in ds.iter_batches(batch_format="pyarrow"):
            for row in batch.to_pylist():
                rows += 1
                if row["error"] is not None:
                    failed += 1
                    report(row["origin"], row["error"])
                else:
                    records += 1
                    writer.write(json.loads(row["record"]))
    return rows, records, failed


# --------------------------------------------------------------------------- command line

def run_cli(args: argparse.Namespace) -> int:
    """`rasd extract --engine ray`: exit 0 all documents processed, 1 some failed, 2 usage error."""
    try:
        init_ray(getattr(args, "ray_address", None))
    except RayUnavailable as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 2
    try:
        _, n_records, n_failed = run(args.inputs, args.output, published=args.published,
                                     output_format=getattr(args, "output_format", "parquet"))
    except (OSError, ValueError) as exc:
        # Ray Data raises these for missing inputs, inputs of no readable kind, unwritable output.
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 2
    summary = f"rasd: {n_records} record(s)"
    if n_failed:
        print(f"{summary}, {n_failed} document(s) failed", file=sys.stderr)
        return 1
    print(summary, file=sys.stderr)
    return 0
