"""Reading crawled pages from WARC files (`.warc`, `.warc.gz`) as input documents.

Owns: which WARC records are documents and what their fields are. A document is a
`response` record with a 2xx HTTP status and an HTML or plain-text body; requests,
metadata, revisits, redirects, images and other media are not articles and are passed
over without an error. Fields:

- doc_id: the WARC-Record-ID (unique per fetch; the same URL may be crawled many times),
- url: the WARC-Target-URI,
- published: the page's own date when its HTML metadata gives one, else the caller's
  ``published`` (`--published`), else None. The WARC-Date is the crawl date, not the
  publication date, so it is never used as one.

A record that cannot be read (a truncated or corrupt file) ends the file with one
`InputError`; the documents before it are kept.

The file is scanned where the inputs are walked; each page becomes a `RawDoc` holding
it as a JSON line ({"id", "html" | "text", "url"}), so the batch runner's workers turn
it into text (HTML extraction being the costly part) exactly as they do JSONL input.
"""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path
from typing import Iterator

from .inputs import MAX_BYTES, InputError, RawDoc, decode_bytes

WARC_SUFFIXES = (".warc", ".warc.gz")
_DOC_TYPES = ("text/html", "application/xhtml+xml", "text/plain")


def iter_warc(path: Path, published: date | None = None) -> Iterator[RawDoc | InputError]:
    """Lazily yield one undecoded unit (or an InputError) per article page of the WARC file ``path``."""
    try:
        from warcio.archiveiterator import ArchiveIterator
    except ImportError:
        yield InputError(str(path), None, "reading WARC files needs warcio (pip install warcio)")
        return
    try:
        fh = open(path, "rb")
    except OSError as exc:
        yield InputError(str(path), None, f"cannot read file: {exc.strerror or exc}")
        return
    with fh:
        size = os.fstat(fh.fileno()).st_size
        records = ArchiveIterator(fh)
        end = 0
        while True:
            try:
                record = next(records)
            except StopIteration:
                break
            except Exception as exc:  # warcio and zlib raise many types on a damaged file
                yield InputError(str(path), None, f"cannot read WARC record: {type(exc).__name__}: {exc}")
                return
            try:
                item = _record_unit(record, records, str(path), published)
                # Reads the rest of the record, so a body cut short shows as bytes still owed.
                end = records.get_record_offset() + records.get_record_length()
                short = getattr(record.raw_stream, "limit", 0)
            except Exception as exc:  # a body cut short may surface only while it is read
                yield InputError(str(path), None, f"cannot read WARC record: {type(exc).__name__}: {exc}")
                return
            if short:
                yield InputError(f"{path}@{records.get_record_offset()}", None,
                                 f"truncated WARC record ({short} bytes missing)")
                return
            if item is not None:
                yield item
        # warcio ends quietly at a gzip member cut short; bytes after the last whole record
        # say so (an uncompressed record's closing blank lines fall outside its length).
        if end < size and not _blank_tail(fh, end, size):
            yield InputError(f"{path}@{end}", None,
                             f"truncated or damaged WARC: {size - end} bytes after the last complete record")


def _blank_tail(fh, start: int, size: int) -> bool:
    if size - start > 64:
        return False
    fh.seek(start)
    return not fh.read().strip()


def _record_unit(record, records, path: str, published: date | None) -> RawDoc | InputError | None:
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    if not status.startswith("2"):
        return None
    ctype = (record.http_headers.get_header("Content-Type") or "").lower()
    mime = ctype.split(";")[0].strip()
    if mime not in _DOC_TYPES:
        return None
    data = record.content_stream().read(MAX_BYTES + 1)
    # The offset is known only once the body has been read: asking earlier skips the body.
    origin = f"{path}@{records.get_record_offset()}"
    headers = record.rec_headers
    doc_id = (headers.get_header("WARC-Record-ID") or "").strip("<>") or origin
    url = headers.get_header("WARC-Target-URI")
    if len(data) > MAX_BYTES:
        return InputError(origin, doc_id, f"document too large (> {MAX_BYTES // 2**20} MB limit)")
    try:
        raw = _decode(data, ctype)
    except ValueError as exc:
        return InputError(origin, doc_id, str(exc))
    page = {"id": doc_id, "text" if mime == "text/plain" else "html": raw, "url": url}
    return RawDoc(origin, path, json.dumps(page, ensure_ascii=False).encode("utf-8"), 1, published)


def _decode(data: bytes, ctype: str) -> str:
    # A declared charset wins; rasd's own sniffing covers pages that declare none.
    if "charset=" in ctype:
        charset = ctype.split("charset=", 1)[1].split(";")[0].strip().strip("\"'")
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_bytes(data)
