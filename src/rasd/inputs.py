"""Reading user input into documents, one clear error per bad document.

Owns: byte decoding (UTF-8 with or without BOM, UTF-16 with BOM or evident NUL pattern,
windows-1256), HTML main-text extraction (trafilatura, with a plain tag-stripper as a
fallback), and walking files, directories and JSON Lines (optionally gzipped) lazily.

A bad document (binary, undecodable, empty, non-Arabic, too large, malformed JSON line)
becomes an `InputError` in the stream; it never raises out of `iter_documents`, so one
broken file cannot kill a batch.

Reading is split in two so a process pool can decode in parallel: `iter_raw` walks the
inputs in the calling process and yields cheap, picklable `RawDoc` units (a path, or one
JSON line's bytes, never more than `MAX_BYTES`), and `load` turns one unit into an
`InputDoc` or `InputError` (decoding, HTML extraction) wherever it runs.
`iter_documents` is the two chained.
"""
from __future__ import annotations

import bisect
import glob
import gzip
import hashlib
import html as html_lib
import json
import re
import zlib
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Iterable, Iterator

MAX_BYTES = 10 * 1024 * 1024
# Below this share of Arabic among all letters a document is not Arabic news.
MIN_ARABIC_SHARE = 0.2
# Suffixes picked up when walking a directory; files named explicitly are always read.
DIR_SUFFIXES = (".txt", ".text", ".html", ".htm", ".xhtml", ".jsonl", ".jsonl.gz", ".md", ".warc", ".warc.gz")
# Repository documentation that sits beside articles in a folder is not an article.
SKIP_STEMS = ("readme", "license", "licence", "copying", "copyright", "changelog", "contributing")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


@dataclass(slots=True)
class InputDoc:
    doc_id: str
    text: str
    published: date | None
    url: str | None
    outlet: str | None
    origin: str
    is_html: bool
    text_sha1: str


@dataclass(slots=True)
class InputError:
    origin: str
    doc_id: str | None
    error: str


@dataclass(slots=True)
class RawDoc:
    """One document not yet decoded: a file to read, or one JSON line's bytes."""
    origin: str
    path: str
    line: bytes | None = None
    line_no: int = 0
    published: date | None = None


# --------------------------------------------------------------------------- decoding

_ARABIC_LETTER = re.compile(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FC]")
_LETTER = re.compile(r"[^\W\d_]")
# Letters are counted by the runs they make: a string per word, not one per letter.
_ARABIC_RUN = re.compile(_ARABIC_LETTER.pattern + "+")
_LETTER_RUN = re.compile(_LETTER.pattern + "+")
# C0 controls other than tab/newline/CR/FF are a sign of binary data.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# windows-1256 bytes that decode to Arabic letters or marks, derived from the codec itself.
_CP1256_ARABIC = re.compile(b"[" + b"".join(
    re.escape(bytes([b])) for b in range(0x80, 0x100)
    if "\u0600" <= bytes([b]).decode("cp1256", errors="replace") <= "\u06ff") + b"]")


def decode_bytes(data: bytes) -> str:
    """Decode a document's bytes; raise ValueError with a clear message when impossible."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(data[3:], "utf-8")
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return _strict(data, "utf-16")
    if b"\x00" in data:
        # UTF-16 without BOM shows NULs in every other byte of ASCII-range text.
        guess = _utf16_without_bom(data)
        if guess is not None:
            return guess
        raise ValueError("not text: binary content (NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        text = None
        # A file cut mid-character (an interrupted download or crawl) is UTF-8 but for
        # its last 1–3 bytes: keep the text before them rather than guess another codec.
        if exc.reason == "unexpected end of data" and exc.start >= len(data) - 3:
            text = data[:exc.start].decode("utf-8")
    if text is not None:
        if len(_CONTROL.findall(text)) > max(2, len(text) // 200):
            raise ValueError("not text: binary content (control characters)")
        return text
    # UTF-8 with a few damaged bytes (a bad sector, a crawler's splice) would pass the
    # windows-1256 test below, since UTF-8 Arabic lead bytes are Arabic letters there,
    # and come out as mojibake: keep it as UTF-8, each bad byte a U+FFFD.
    lossy = data.decode("utf-8", errors="replace")
    if lossy.count("\ufffd") <= max(1, len(lossy) // 1000) and not _CONTROL.search(lossy):
        return lossy
    # Not UTF-8: accept windows-1256 only when the high bytes are mostly Arabic letters,
    # otherwise any byte soup would "decode" into nonsense.
    high = sum(1 for b in data if b >= 0x80)
    arabic = len(_CP1256_ARABIC.findall(data))
    if high and arabic / high >= 0.6:
        text = data.decode("cp1256", errors="replace")
        if not _CONTROL.search(text):
            return text
    raise ValueError("cannot decode: not UTF-8/UTF-16/windows-1256")


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        raise ValueError(f"cannot decode: invalid {encoding.upper()} despite its byte-order mark") from None
    return text.lstrip("\ufeff")


def _utf16_without_bom(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    for enc, zeros in (("utf-16-le", data[1::2]), ("utf-16-be", data[0::2])):
        # Arabic text in UTF-16 has 0x06 high bytes; ASCII has 0x00.
        if sum(1 for b in zeros if b in (0, 6)) >= 0.9 * len(zeros):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                return None
            return None if _CONTROL.search(text) else text
    return None


def check_text(text: str) -> str | None:
    """Why ``text`` is not a usable Arabic document, or None when it is."""
    if not text.strip():
        return "empty document"
    # A sample decides the language; counting a 10 MB page in full buys nothing.
    sample = text[:20000]
    letters = sum(map(len, _LETTER_RUN.findall(sample)))
    arabic = sum(map(len, _ARABIC_RUN.findall(sample)))
    if arabic == 0:
        return "no Arabic text"
    if arabic < MIN_ARABIC_SHARE * letters:
        return f"no Arabic text (only {100 * arabic // letters}% of letters are Arabic)"
    return None


# --------------------------------------------------------------------------- HTML

_HTML_SNIFF = re.compile(r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_DROP_OPEN = re.compile(r"<(script|style|noscript|template|svg|nav|footer|aside|form|head)\b", re.I)
_BLOCK_TAGS = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|tr|table|section|article|header|figure|figcaption|blockquote|pre)\b[^>]*>", re.I)
_TAG = re.compile(r"<[^>]*>")
_BLANKS = re.compile(r"[ \t\r\f\v]+")


def looks_like_html(text: str) -> bool:
    return bool(_HTML_SNIFF.match(text[:2000]))


def html_to_text(html: str) -> str:
    """The page's main text, one paragraph or heading per line, blank lines between."""
    return _extract_html(html)[0]


def _extract_html(html: str) -> tuple[str, dict]:
    meta: dict = {}
    text = ""
    try:
        import trafilatura
        result = trafilatura.bare_extraction(
            html, include_comments=False, include_tables=True, with_metadata=True,
            date_extraction_params={"extensive_search": False, "original_date": True})
    except Exception:  # trafilatura/lxml raise many types on broken markup
        result = None
    if result is not None:
        text = getattr(result, "text", None) or ""
        meta = {"title": getattr(result, "title", None), "sitename": getattr(result, "sitename", None),
                "date": getattr(result, "date", None), "url": getattr(result, "url", None)}
    if text.strip() and _only_boilerplate(text, html):
        text = ""
    if not text.strip():
        text = _strip_tags(html)
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln]
    title = (meta.get("title") or "").strip()
    # The headline often sits in <header> outside the extracted article; restore it so
    # the layout stage sees a headline line.
    if title and _ARABIC_LETTER.search(title) and lines and not any(title in ln or ln in title for ln in lines[:3]):
        lines.insert(0, title)
    return "\n\n".join(lines), meta


# Trafilatura, finding no article, returns whatever text it can; at most this much of it
# is checked against the page's boilerplate containers.
_NO_ARTICLE_MAX_CHARS = 500


def _only_boilerplate(text: str, html: str) -> bool:
    """Is trafilatura's short text made only of lines the page keeps in boilerplate
    containers (a related list, a comment)? Then the page has no article of its own."""
    lines = [" ".join(ln.split()) for ln in text.splitlines() if ln.strip()]
    if not lines or sum(map(len, lines)) > _NO_ARTICLE_MAX_CHARS:
        return False
    kept = " ".join(_strip_tags(html).split())
    if any(ln in kept for ln in lines):
        return False
    plain = _drop_blocks(_drop_spans(html, "<!--", lambda _: "-->", " "))
    plain = " ".join(html_lib.unescape(_TAG.sub(" ", plain)).split())
    return all(ln in plain for ln in lines)


def _strip_tags(html: str) -> str:
    html = _drop_spans(html, "<!--", lambda _: "-->", " ")
    html = _drop_blocks(html)
    html = _drop_boilerplate(html)
    html = _BLOCK_TAGS.sub("\n", html)
    text = html_lib.unescape(_TAG.sub(" ", html))
    return "\n".join(_BLANKS.sub(" ", ln).strip() for ln in text.splitlines())


def _drop_spans(html: str, opener: str, closer, repl: str) -> str:
    """``html`` without each ``opener``…``closer`` span; an unclosed one runs to the end.

    A lazy-dot regex (``<!--.*?-->``) rescans to the end of the page for every unclosed
    opener, quadratic on hostile pages; this walk visits each character once."""
    out, pos = [], 0
    while True:
        i = html.find(opener, pos)
        if i < 0:
            out.append(html[pos:])
            return "".join(out)
        out.append(html[pos:i])
        out.append(repl)
        j = html.find(closer(html[i:i + len(opener)]), i + len(opener))
        if j < 0:
            return "".join(out)
        pos = j + len(closer(html[i:i + len(opener)]))


def _drop_blocks(html: str) -> str:
    """Drop script/style/nav/… blocks with their content; one pass, one regex search per block."""
    out, pos = [], 0
    low = html.lower()
    while True:
        m = _DROP_OPEN.search(html, pos)
        if m is None:
            out.append(html[pos:])
            return "".join(out)
        out.append(html[pos:m.start()])
        out.append("\n")
        close = re.compile(r"</" + m.group(1).lower() + r"\s*>").search(low, m.end())
        if close is None:
            return "".join(out)
        pos = close.end()


# Containers a page names as boilerplate in its class or id ("comments", "most-read",
# "news-ticker", "share-bar"): the fallback stripper drops them with their content, as
# trafilatura does, so a tag-stripped page does not hand their headlines to the layout
# stage as body text. Words of a hyphenated/underscored name count one by one.
_BP_OPEN = re.compile(r"<(div|section|ul|ol|table|p|span|header|marquee|figure|figcaption|li|b|strong)\b([^>]*)>", re.I)
_BP_ATTR = re.compile(r"""\b(?:class|id)\s*=\s*(["'])(.*?)\1""", re.I | re.S)
_BP_PARTS = frozenset((
    "comment comments related ticker breaking urgent marquee share sharing social tags tag "
    "breadcrumb breadcrumbs menu nav navbar navigation sidebar widget widgets footer copyright "
    "topbar ads advert adverts advertisement banner cookie cookies newsletter subscribe popular "
    "trending mostread newsbar author bio skip promo sponsored outbrain taboola disqus").split())
_BP_WHOLE = frozenset("most-read most_read most-viewed read-also also-read read-more news-bar top-bar side".split())
# Tickers and figures (an image's caption restates or recalls events; trafilatura drops
# them too) go whatever their names.
_BP_ALWAYS = frozenset(("marquee", "figure", "figcaption"))
# A container holding its title and more than this share of the page's text is the
# article, whatever its name says ("article has-share-buttons").
_BP_MAX_SHARE = 0.5
_BP_MAX_KEPT = 8
_ARTICLE_MARK = re.compile(r"<(?:h1|h2|article)\b", re.I)


def _boilerplate_attr(attrs: str) -> bool:
    for m in _BP_ATTR.finditer(attrs):
        for token in m.group(2).lower().split():
            if token in _BP_WHOLE or any(part in _BP_PARTS for part in re.split(r"[-_]", token)):
                return True
    return False


def _text_len(html: str) -> int:
    return len(_TAG.sub("", html).split())


def _drop_boilerplate(html: str) -> str:
    """``html`` without boilerplate-named containers (nesting-aware for one tag name; an
    unclosed one ends at the next opening of its tag, or at the end of the page)."""
    total = max(_text_len(html), 1)
    ends: dict[str, tuple[dict[int, int], list[int]]] = {}
    kept_big = 0
    out, pos = [], 0
    while True:
        m = _BP_OPEN.search(html, pos)
        if m is None:
            out.append(html[pos:])
            return "".join(out)
        tag = m.group(1).lower()
        if tag not in _BP_ALWAYS and not _boilerplate_attr(m.group(2)):
            out.append(html[pos:m.end()])
            pos = m.end()
            continue
        if tag not in ends:
            ends[tag] = _tag_pairs(html, tag)
        closes, opens = ends[tag]
        end = closes.get(m.start())
        if end is None:
            k = bisect.bisect_right(opens, m.start())
            end = opens[k] if k < len(opens) else len(html)
        if kept_big >= _BP_MAX_KEPT or _is_article(html[m.end():end], total):
            # At most a few containers are big enough to be the article; past that the page
            # is hostile or odd and is left as it is (measuring each would be quadratic).
            kept_big += 1
            if kept_big > _BP_MAX_KEPT:
                out.append(html[pos:])
                return "".join(out)
            out.append(html[pos:m.end()])
            pos = m.end()
            continue
        out.append(html[pos:m.start()])
        out.append("\n")
        pos = end


def _is_article(inner: str, total: int) -> bool:
    # The article holds its title and most of the page's text; a related list or a comment
    # thread on a page with no article holds most of the text too, but no title.
    return _ARTICLE_MARK.search(inner) is not None and _text_len(inner) > _BP_MAX_SHARE * total


def _tag_pairs(html: str, tag: str) -> tuple[dict[int, int], list[int]]:
    """For one tag name: each opening tag's start mapped to the end of its closing tag
    (one stack pass over the page), and the starts of all opening tags in order."""
    closes: dict[int, int] = {}
    opens: list[int] = []
    stack: list[int] = []
    for t in re.finditer(r"<(/?)" + tag + r"\b[^>]*>", html, re.I):
        if t.group(1):
            if stack:
                closes[stack.pop()] = t.end()
        else:
            opens.append(t.start())
            stack.append(t.start())
    return closes, opens


# --------------------------------------------------------------------------- documents

def _sha1(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _make(doc_id: str, raw: str, origin: str, *, html: bool | None, published: date | None,
          url: str | None, outlet: str | None, default: date | None = None) -> InputDoc | InputError:
    """``published`` is the document's own date; its page date comes next, ``default`` last."""
    is_html = looks_like_html(raw) if html is None else html
    if is_html:
        try:
            text, meta = _extract_html(raw)
        except Exception as exc:  # never let one page stop the batch
            return InputError(origin, doc_id, f"cannot extract text from HTML: {exc}")
        url = url or meta.get("url")
        outlet = outlet or meta.get("sitename")
        if published is None and meta.get("date"):
            published = _parse_date(meta["date"])
    else:
        text = raw
        if published is None:
            published = _front_matter_date(text)
    published = published or default
    problem = check_text(text)
    if problem:
        return InputError(origin, doc_id, problem)
    return InputDoc(doc_id, text, published, url, outlet, origin, is_html, _sha1(text))


_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)
_FM_DATE = re.compile(r"^(?:date|published|pubdate|publish_date)\s*:\s*[\"']?(\d{4}-\d{2}-\d{2})", re.M | re.I)


def _front_matter_date(text: str) -> date | None:
    """The ``date:`` of a markdown page's YAML front matter (static-site exports)."""
    fm = _FRONT_MATTER.match(text[:5000])
    m = _FM_DATE.search(fm.group(1)) if fm else None
    return _parse_date(m.group(1)) if m else None


def _parse_date(value: object) -> date | None:
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None


def _has_suffix(path: Path, suffixes: tuple[str, ...]) -> bool:
    name = path.name.lower()
    return any(name.endswith(s) for s in suffixes)


def _walk(path: Path) -> Iterator[Path]:
    for child in sorted(path.iterdir(), key=lambda p: p.name):
        if child.name.startswith(".") or child.name.lower().split(".")[0].split("_")[0] in SKIP_STEMS:
            continue
        if child.is_dir():
            yield from _walk(child)
        elif child.is_file() and _has_suffix(child, DIR_SUFFIXES):
            yield child


def iter_documents(paths: Iterable[str | Path], published: date | None = None) -> Iterator[InputDoc | InputError]:
    """Lazily yield one InputDoc or InputError per document found under ``paths``."""
    for unit in iter_raw(paths, published):
        yield unit if isinstance(unit, InputError) else load(unit)


_GLOB_CHARS = re.compile(r"[*?\[]")


def _expand(paths: Iterable[str | Path]) -> Iterator[Path]:
    for p in paths:
        # A quoted glob ('crawl/*.jsonl.gz') is expanded here, sorted for a stable order;
        # an existing file whose name merely contains '*' is taken as named.
        if isinstance(p, str) and _GLOB_CHARS.search(p) and not Path(p).exists():
            hits = sorted(glob.glob(p, recursive=True))
            if hits:
                yield from map(Path, hits)
                continue
        yield Path(p)


def iter_raw(paths: Iterable[str | Path], published: date | None = None) -> Iterator[RawDoc | InputError]:
    """Lazily yield one undecoded `RawDoc` (or an `InputError`) per document under ``paths``."""
    for path in _expand(paths):
        if path.is_dir():
            try:
                files = list(_walk(path))
            except OSError as exc:
                yield InputError(str(path), None, f"cannot read directory: {exc.strerror or exc}")
                continue
            for f in files:
                yield from _raw_path(f, published)
        elif path.exists():
            yield from _raw_path(path, published)
        else:
            yield InputError(str(path), path.name, "no such file or directory")


def _raw_path(path: Path, published: date | None) -> Iterator[RawDoc | InputError]:
    if _has_suffix(path, (".warc", ".warc.gz")):   # crawls: one unit per article page (rasd.warc)
        from .warc import iter_warc
        yield from iter_warc(path, published)
        return
    if _has_suffix(path, JSONL_SUFFIXES):
        yield from _read_jsonl(path, published)
    else:
        yield RawDoc(str(path), str(path), published=published)


def load(unit: RawDoc) -> InputDoc | InputError:
    """Decode one raw unit into a document, or say why it is not one. Never raises."""
    try:
        if unit.line is not None:
            return _jsonl_doc(unit.line, unit.line_no, unit.origin, Path(unit.path), unit.published)
        return _read_file(Path(unit.path), unit.published)
    except Exception as exc:  # a decoder bug must cost one document, not the batch
        return InputError(unit.origin, None, f"internal error while reading: {type(exc).__name__}: {exc}")


def _read_file(path: Path, published: date | None) -> InputDoc | InputError:
    origin, doc_id = str(path), path.name
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            return InputError(origin, doc_id, f"document too large ({_mb(size)} MB > {_mb(MAX_BYTES)} MB limit)")
        # Bounded read: a file that grew (or a device/FIFO that lies about its size) cannot
        # make us hold more than the limit.
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            return InputError(origin, doc_id, f"document too large (> {_mb(MAX_BYTES)} MB limit)")
    except OSError as exc:
        return InputError(origin, doc_id, f"cannot read file: {exc.strerror or exc}")
    try:
        raw = decode_bytes(data)
    except ValueError as exc:
        return InputError(origin, doc_id, str(exc))
    html = True if _has_suffix(path, HTML_SUFFIXES) else None
    return _make(doc_id, raw, origin, html=html, published=None, url=None, outlet=None, default=published)


def _mb(n: int) -> int:
    return max(1, round(n / (1024 * 1024)))


def _read_jsonl(path: Path, published: date | None) -> Iterator[RawDoc | InputError]:
    gz = path.name.lower().endswith(".gz")
    try:
        fh = gzip.open(path, "rb") if gz else open(path, "rb")
    except OSError as exc:
        yield InputError(str(path), None, f"cannot read file: {exc.strerror or exc}")
        return
    with fh:
        n = 0
        while True:
            n += 1
            origin = f"{path}:{n}"
            try:
                # One bounded read per line, so a giant line cannot exhaust memory.
                raw = fh.readline(MAX_BYTES + 1)
                too_large = len(raw) > MAX_BYTES and not raw.endswith(b"\n")
                while raw and not raw.endswith(b"\n") and len(raw) > MAX_BYTES:
                    raw = fh.readline(MAX_BYTES + 1)      # skip the rest of the giant line
            except (OSError, EOFError, zlib.error) as exc:
                # A truncated or corrupt .gz: the lines before the damage are kept.
                yield InputError(origin, None, f"cannot read line {n}: {exc}")
                return
            if too_large:
                yield InputError(origin, None, f"document too large (line {n} > {_mb(MAX_BYTES)} MB limit)")
                continue
            if not raw:
                return
            if not raw.strip():
                continue
            yield RawDoc(origin, str(path), raw, n, published)


def _jsonl_doc(raw: bytes, n: int, origin: str, path: Path, published: date | None) -> InputDoc | InputError:
    return doc_from_line(raw, n, origin, path.name, published)


def doc_from_line(raw: bytes, n: int, origin: str, name: str, published: date | None) -> InputDoc | InputError:
    """Line ``n`` of the JSON Lines file ``name`` as a document; any runner reading lines calls this."""
    try:
        obj = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        return InputError(origin, None, f"invalid JSON on line {n}: not UTF-8")
    except json.JSONDecodeError as exc:
        return InputError(origin, None, f"invalid JSON on line {n}: {exc.msg} (column {exc.colno})")
    if not isinstance(obj, dict):
        return InputError(origin, None, f"invalid JSON on line {n}: expected an object, got {type(obj).__name__}")
    return doc_from_row(obj, origin, f"{name}:{n}", published, f" on line {n}")


def doc_from_row(obj: dict, origin: str, default_id: str | None, published: date | None,
                 at: str = "") -> InputDoc | InputError:
    """One input row (FORMAT §1 fields: id, text|html, published, url, outlet) as a document.

    Shared by the JSONL reader and table inputs such as Parquet; ``at`` places the row in
    error messages (" on line 3"), ``published`` is the default for rows without a date."""
    doc_id = obj.get("id")
    if doc_id is None:
        if default_id is None:
            return InputError(origin, None, f"missing 'id'{at}")
        doc_id = default_id
    elif not isinstance(doc_id, (str, int)):
        return InputError(origin, None, f"invalid 'id'{at}: must be a string")
    doc_id = str(doc_id)
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        return InputError(origin, doc_id, "missing 'text' or 'html'")
    for key in ("url", "outlet"):
        if obj.get(key) is not None and not isinstance(obj[key], str):
            return InputError(origin, doc_id, f"invalid '{key}'{at}: must be a string or null")
    pub = obj.get("published")
    if pub is not None:
        parsed = _parse_date(pub) if isinstance(pub, str) and len(pub) >= 10 else None
        if parsed is None:
            return InputError(origin, doc_id, f"invalid 'published'{at}: expected YYYY-MM-DD, got {pub!r}")
        pub = parsed
    raw_text = text if isinstance(text, str) else html
    if len(raw_text) > MAX_BYTES:
        return InputError(origin, doc_id, f"document too large ({_mb(len(raw_text))} MB > {_mb(MAX_BYTES)} MB limit)")
    return _make(doc_id, raw_text, origin, html=not isinstance(text, str), published=pub,
                 url=obj.get("url"), outlet=obj.get("outlet"), default=published)
