"""WARC input: article pages become documents, other records are passed over, damage is one error."""
from __future__ import annotations

import json
from io import BytesIO

import pytest

from rasd.inputs import InputDoc, InputError, iter_documents

warcio = pytest.importorskip("warcio")
from warcio.statusandheaders import StatusAndHeaders  # noqa: E402
from warcio.warcwriter import WARCWriter  # noqa: E402

PAGE_1 = """<!doctype html><html><head><meta charset="utf-8"><title>قصف على ريف حماة</title></head>
<body><nav>الرئيسية | أخبار | اتصل بنا</nav><article><h1>قصف على ريف حماة</h1>
<p>قُتل ثلاثة مدنيين وأصيب خمسة آخرون مساء أمس جراء قصف صاروخي استهدف بلدة كفرزيتا في ريف حماة الشمالي،
بحسب ما أفاد مراسل محلي.</p></article></body></html>"""
PAGE_2 = """<html><body><article><h1>اشتباكات في درعا</h1>
<p>اندلعت اشتباكات عنيفة فجر اليوم بين مسلحين محليين وقوات النظام في مدينة طفس بريف درعا الغربي،
وأسفرت عن مقتل عنصرين من قوات النظام، وفق مصادر محلية.</p></article></body></html>"""


def _response(writer: WARCWriter, uri: str, body: bytes, ctype: str, status: str = "200 OK"):
    headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
    return writer.create_warc_record(uri, "response", payload=BytesIO(body), http_headers=headers)


def _write_warc(path, gz: bool = True) -> list[str]:
    """A small crawl: two Arabic articles, an image, a 404 page and a request; the record ids of the articles."""
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=gz)
        ids = []
        for uri, body in (("https://news.example/hama", PAGE_1), ("https://news.example/daraa", PAGE_2)):
            rec = _response(w, uri, body.encode("utf-8"), "text/html; charset=utf-8")
            ids.append(rec.rec_headers.get_header("WARC-Record-ID").strip("<>"))
            w.write_record(rec)
        w.write_record(_response(w, "https://news.example/logo.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, "image/png"))
        w.write_record(_response(w, "https://news.example/gone", PAGE_2.encode("utf-8"), "text/html", "404 Not Found"))
        w.write_record(w.create_warc_record("https://news.example/hama", "request", payload=BytesIO(b"GET /hama HTTP/1.1\r\n\r\n")))
    return ids


@pytest.mark.parametrize("name,gz", [("crawl.warc.gz", True), ("crawl.warc", False)])
def test_articles_become_documents_and_other_records_are_passed_over(tmp_path, name, gz):
    ids = _write_warc(tmp_path / name, gz)
    items = list(iter_documents([tmp_path / name]))
    assert all(isinstance(i, InputDoc) for i in items), items
    assert [i.doc_id for i in items] == ids
    assert [i.url for i in items] == ["https://news.example/hama", "https://news.example/daraa"]
    assert all(i.is_html for i in items)
    assert "كفرزيتا" in items[0].text and "الرئيسية" not in items[0].text   # navigation is not the article
    # The crawl date is not a publication date: without --published there is none.
    assert [i.published for i in items] == [None, None]


def test_published_default_and_records_carry_the_url(tmp_path):
    from datetime import date

    from rasd.batch import records_for

    _write_warc(tmp_path / "crawl.warc.gz")
    items = list(iter_documents([tmp_path / "crawl.warc.gz"], published=date(2021, 6, 3)))
    assert [i.published for i in items] == [date(2021, 6, 3)] * 2
    recs = records_for(items[0])
    assert recs and all(r["doc_id"] == items[0].doc_id for r in recs)
    for rec in recs:
        for ev in rec["evidence"]:
            assert items[0].text[ev["start"]:ev["end"]] == ev["text"]


@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("where", ["second article", "last record"])
def test_a_truncated_warc_keeps_the_pages_before_the_damage(tmp_path, gz, where):
    from warcio.archiveiterator import ArchiveIterator

    whole = tmp_path / "whole.warc"
    ids = _write_warc(whole, gz)
    data = whole.read_bytes()
    with open(whole, "rb") as fh:
        it = ArchiveIterator(fh)
        offsets = []
        for rec in it:
            rec.content_stream().read()     # warcio knows a record's offset once its body is read
            offsets.append(it.get_record_offset())
    second = offsets[1]
    # 40 bytes short reaches into the last record's data, not only its gzip trailer.
    cut_at = second + 60 if where == "second article" else len(data) - 40
    cut = tmp_path / "cut.warc"
    cut.write_bytes(data[:cut_at])
    items = list(iter_documents([cut]))
    kept = 1 if where == "second article" else 2
    assert [i.doc_id for i in items[:kept]] == ids[:kept]
    assert all(isinstance(i, InputDoc) for i in items[:kept])
    # The damage is reported once, and nothing after it is invented.
    assert len(items) == kept + 1 and isinstance(items[-1], InputError), items
    assert items[-1].origin.startswith(str(cut)) and "WARC" in items[-1].error


def test_a_directory_walk_reads_warc_files_and_the_cli_extracts_them(tmp_path):
    import subprocess
    import sys

    d = tmp_path / "crawl"
    d.mkdir()
    ids = _write_warc(d / "part-0.warc.gz")
    out = tmp_path / "out.jsonl"
    proc = subprocess.run([sys.executable, "-m", "rasd", "extract", str(d), "-o", str(out), "--published", "2021-06-03",
                           "--no-progress"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    recs = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {r["doc_id"] for r in recs} == set(ids)
    assert all(r["date_start"] >= "2021-06-0" for r in recs if r["date_start"])
