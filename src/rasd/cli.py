"""Command line: a thin layer over `rasd.extract` and the gazetteer builder.

Owns: argument parsing, the per-document error lines, the progress bar and exit codes
(0 all documents processed, 1 some failed, 2 usage error).
"""
from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from . import __version__

ABOUT = f"""rasd {__version__} — Arabic conflict reporting → source-attributed event records.

Data credits (the gazetteer index is built from these at install/first use; nothing is
shipped in the package):
  • Data from Who's On First (https://whosonfirst.org/docs/licenses/, CC0) and
    GeoNames (geonames.org, CC BY 4.0).
  • OpenSyria data-geography (governorates, districts, sub-districts with OCHA P-codes),
    CC BY 4.0, and its upstream sources (GeoNames, geoBoundaries / HDX-OCHA, Wikidata).
Event categories follow ACLED's codebook (acleddata.com); rasd is not affiliated with ACLED.
"""


def _date(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {value!r}") from None


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="rasd", description="Arabic conflict-event extraction with evidence.")
    p.add_argument("--version", action="version", version=f"rasd {__version__}")
    p.add_argument("--about", action="store_true", help="print data credits and exit")
    sub = p.add_subparsers(dest="command")

    ex = sub.add_parser("extract", help="extract records from files, directories or JSONL")
    ex.add_argument("inputs", nargs="+", metavar="INPUT", help=".txt, .html, a directory, or .jsonl[.gz]")
    ex.add_argument("-o", "--output", default="-", help="output file: .jsonl (default stdout) or .csv (ACLED columns), "
                    "or a directory (ending in /) of resumable chunks")
    ex.add_argument("--published", type=_date, help="publication date for documents that have none")
    ex.add_argument("--no-progress", action="store_true", help="no progress bar")
    ex.add_argument("--engine", choices=("local", "ray"), default="local", help="local (default) or ray: Ray Data over "
                    ".jsonl[.gz]/.parquet inputs (needs rasd[ray]; see README 'Running on a Ray cluster')")
    ex.add_argument("--ray-address", help="with --engine ray: join this cluster (auto, ray://host:10001); default: start a local instance")
    ex.add_argument("--output-format", choices=("parquet", "json"), default="parquet",
                    help="with --engine ray and an output directory: Parquet (default) or JSON Lines files")
    ex.add_argument("-j", "--jobs", type=int, default=None, help="worker processes (default: all cores; 1: no pool)")
    ex.add_argument("--resume", action="store_true", help="continue an interrupted run into the same -o (see README, Large batches)")
    ex.add_argument("--time-budget", type=float, default=10.0, metavar="S", help="seconds per document before it fails as a timeout (0: none)")
    ex.add_argument("--chunk-docs", type=int, default=1000, metavar="N", help="documents per committed chunk of an output directory")

    mc = sub.add_parser("merge-chunks", help="one canonical file from an `extract -o DIR/` output directory")
    mc.add_argument("directory")
    mc.add_argument("-o", "--output", required=True, help=".jsonl, .jsonl.gz or .csv")

    sh = sub.add_parser("show", help="print a document with its evidence highlighted and its records")
    sh.add_argument("input")
    sh.add_argument("--published", type=_date)

    ev = sub.add_parser("eval", help="score predictions against gold annotations (FORMAT.md §6)")
    ev.add_argument("gold", nargs="+", metavar="GOLD.jsonl", help="gold files (FORMAT.md §3); one table row per file")
    ev.add_argument("--pred", nargs="+", required=True, metavar="OUT.jsonl", help="rasd extract output(s)")
    ev.add_argument("--input", nargs="+", default=[], metavar="IN", help="the documents scored (for the "
                    "boilerplate check); default: files named by the gold doc_ids")
    ev.add_argument("--per-doc", action="store_true", help="list each document's missed and spurious records")
    ev.add_argument("--json", action="store_true", help="print the scores as JSON")

    gz = sub.add_parser("gazetteer", help="gazetteer index")
    gsub = gz.add_subparsers(dest="gazetteer_command")
    gb = gsub.add_parser("build", help="compile the gazetteer sources into the cache index")
    gb.add_argument("--source", type=Path, help="directory holding whosonfirst-arab-gazetteer/ and open-syria-geography/ "
                    "(and optionally geonames/XX.txt dumps and pcodes/*.csv OCHA tables)")
    gb.add_argument("--out", type=Path, help="index path (default: the cache directory)")
    gb.add_argument("--if-missing", action="store_true", help="do nothing when the index exists")

    gc = sub.add_parser("geocode", help="show the places of a phrase or sentence, their scored candidates and why the winner won")
    gc.add_argument("text", nargs="+", help="Arabic text (several arguments are joined with spaces)")
    gc.add_argument("--json", action="store_true", help="print JSON instead of text")
    gc.add_argument("-n", "--candidates", type=int, default=5, help="candidates shown per place (default 5)")

    from .ingest import add_ingest_parser, add_query_parser  # issue 7: the store
    add_ingest_parser(sub, _date)
    add_query_parser(sub, _date)
    sv = sub.add_parser("serve", help="the local web page: articles with evidence, events table, map, timeline")
    sv.add_argument("--db", default="rasd.db", help="event database (default rasd.db, see `rasd ingest`)")
    sv.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    sv.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    sv.add_argument("--allow-ingest", action="store_true", help="let the page store pasted articles (default read-only)")
    sv.add_argument("--max-bytes", type=int, default=2 * 1024 * 1024, help="largest request body accepted (default 2 MB)")
    return p


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.about:
        print(ABOUT)
        return 0
    if args.command == "extract":
        return _extract(args)
    if args.command == "merge-chunks":
        from .batch import merge_command
        return merge_command(args)
    if args.command == "show":
        return _show(args)
    if args.command == "eval":
        return _eval(args)
    if args.command == "gazetteer" and args.gazetteer_command == "build":
        return _gazetteer_build(args)
    if args.command == "geocode":
        return _geocode(args)
    if args.command in ("ingest", "query"):
        from .ingest import run_ingest, run_query
        return run_ingest(args) if args.command == "ingest" else run_query(args)
    if args.command == "serve":
        from .serve import run as serve
        return serve(args)
    parser.print_usage(sys.stderr)
    return 2


def _extract(args: argparse.Namespace) -> int:
    if args.engine == "ray":
        from .ray_engine import run_cli
        return run_cli(args)
    from .batch import extract_command  # the runner: process pool, chunks, resume, errors

    return extract_command(args)


def _show(args: argparse.Namespace) -> int:
    from .inputs import InputError, iter_documents
    from .pipeline import extract
    from .show import render

    status = 0
    for item in iter_documents([args.input], published=args.published):
        if isinstance(item, InputError):
            print(f"rasd: error: {item.origin}: {item.error}", file=sys.stderr)
            status = 1
            continue
        records = extract(item.text, published=item.published, outlet=item.outlet, doc_id=item.doc_id, url=item.url)
        render(item.text, [r.to_dict() for r in records])
    return status


def _eval(args: argparse.Namespace) -> int:
    import json

    from .evaluate import EvalError, evaluate, format_per_doc, format_table

    try:
        scores = evaluate(args.gold, args.pred, args.input)
    except EvalError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        out = {"sets": [s.to_dict() for s in scores]}
        if args.per_doc:
            out["documents"] = scores[-1].per_doc
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    if args.per_doc:
        print(format_per_doc(scores))
        print()
    print(format_table(scores))
    return 0


def _gazetteer_build(args: argparse.Namespace) -> int:
    from .gazetteer import GazetteerError, build, default_index_path

    out = args.out or default_index_path()
    if args.if_missing and out.exists():
        print(f"rasd: gazetteer index present: {out}", file=sys.stderr)
        return 0
    try:
        path = build(args.source, args.out)
    except GazetteerError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 1
    print(f"rasd: gazetteer index written: {path}", file=sys.stderr)
    return 0


def _geocode(args: argparse.Namespace) -> int:
    import json

    from .gazetteer import GazetteerError
    from .places import geocode, prior_terms

    try:
        result = geocode(" ".join(args.text))
    except GazetteerError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0
    if not result.places:
        print("no place found")
    for m in result.places:
        loc = m.to_location()
        print(f"«{m.mention}»  {m.kind}, geo_precision {m.geo_precision}, score {m.score}")
        if loc.name_ar:
            coords = f"{loc.lat:.4f}, {loc.lon:.4f}" if loc.lat is not None else "no coordinates"
            print(f"  → {loc.name_ar} / {loc.name_en} · {loc.admin1 or '-'} / {loc.admin2 or '-'} · {loc.country} · "
                  f"{coords} · {loc.gazetteer_id or '-'}" + (f" · {loc.pcode}" if loc.pcode else ""))
        else:
            print(f"  → not in the gazetteer: admin1 {loc.admin1 or '-'}, country {loc.country or '-'}, no coordinates")
        print(f"  why: {m.reason}")
        if len(m.ranked) > 1 and m.place is not None:
            print(f"  candidates ({len(m.ranked)}):")
            for s, p, why in m.ranked[:args.candidates]:
                print(f"    {s:6.2f}  {p.name_ar} / {p.name_en} ({p.admin1 or '-'}, {p.country}) — "
                      + "; ".join([prior_terms(p), *why]))
    if result.rejected:
        print("not places:")
        for words, why in result.rejected:
            print(f"  «{words}»: {why}")
    return 0
