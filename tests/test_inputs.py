"""Reading documents: decoding, HTML extraction, JSONL and directories, per-document errors."""
from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from rasd import inputs
from rasd.inputs import InputDoc, InputError, decode_bytes, html_to_text, iter_documents

FIXTURES = Path(__file__).parent / "fixtures"
AR = "قالت مصادر محلية إن قصفاً مدفعياً استهدف قرية في ريف حماة الشمالي صباح اليوم."


def test_decode_utf8_and_bom() -> None:
    assert decode_bytes(AR.encode("utf-8")) == AR
    assert decode_bytes(b"\xef\xbb\xbf" + AR.encode("utf-8")) == AR


@pytest.mark.parametrize("enc", ["utf-16", "utf-16-le", "utf-16-be"])
def test_decode_utf16(enc: str) -> None:
    data = AR.encode(enc)
    if enc != "utf-16":
        data = (b"\xff\xfe" if enc.endswith("le") else b"\xfe\xff") + data
    assert decode_bytes(data) == AR


def test_decode_utf16_without_bom() -> None:
    assert decode_bytes(AR.encode("utf-16-le")) == AR


def test_decode_cp1256() -> None:
    text = "أفاد المرصد بمقتل 4 عناصر في اشتباكات بريف درعا الغربي."
    assert decode_bytes(text.encode("cp1256")) == text


def test_decode_rejects_binary_and_latin1() -> None:
    with pytest.raises(ValueError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(ValueError, match="cannot decode"):
        decode_bytes("Un article en français, très détaillé à propos d'été".encode("latin-1"))


def _one(tmp_path: Path, name: str, data: bytes, **kw) -> InputDoc | InputError:
    p = tmp_path / name
    p.write_bytes(data)
    out = list(iter_documents([p], **kw))
    assert len(out) == 1
    return out[0]


def test_text_file_fields(tmp_path: Path) -> None:
    doc = _one(tmp_path, "a.txt", AR.encode("utf-8"), published=date(2024, 3, 12))
    assert isinstance(doc, InputDoc)
    assert doc.doc_id == "a.txt" and doc.text == AR and doc.published == date(2024, 3, 12)
    assert not doc.is_html and len(doc.text_sha1) == 40 and doc.origin.endswith("a.txt")


@pytest.mark.parametrize("data,message", [
    (b"", "empty document"),
    (b"  \n\t\n", "empty document"),
    (b"This is an English report about shelling in Aleppo with no Arabic at all.", "no Arabic text"),
    (b"\x00\x01\x02\x03binary\x00\xff\xfe\x00", "binary"),
    (bytes(range(128, 256)) * 4, "cannot decode"),
])
def test_bad_documents_give_errors(tmp_path: Path, data: bytes, message: str) -> None:
    err = _one(tmp_path, "bad.txt", data)
    assert isinstance(err, InputError) and message in err.error and err.doc_id == "bad.txt"


def test_too_large(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(inputs, "MAX_BYTES", 1000)
    err = _one(tmp_path, "big.txt", (AR * 40).encode("utf-8"))
    assert isinstance(err, InputError) and err.error.startswith("document too large")


def test_html_extraction_keeps_article_drops_boilerplate() -> None:
    text = html_to_text((FIXTURES / "page_iraq.html").read_text(encoding="utf-8"))
    assert "حقل باي حسن النفطي" in text and "وادي الشاي" in text
    assert "تسجيل الدخول" not in text and "سياسة الخصوصية" not in text
    assert "\n\n" in text   # paragraphs stay on their own lines


def test_html_fallback_on_trafilatura_failure(monkeypatch) -> None:
    import trafilatura
    monkeypatch.setattr(trafilatura, "bare_extraction", lambda *a, **k: None)
    text = html_to_text("<html><body><nav>القائمة</nav><p>" + AR + "</p><script>var x=1;</script></body></html>")
    assert AR in text and "var x" not in text and "القائمة" not in text


def test_html_file_and_sniffed_html(tmp_path: Path) -> None:
    html = (FIXTURES / "page_iraq.html").read_bytes()
    doc = _one(tmp_path, "page.html", html)
    assert isinstance(doc, InputDoc) and doc.is_html and "مقتل حارسين" in doc.text
    doc = _one(tmp_path, "page.txt", html)
    assert isinstance(doc, InputDoc) and doc.is_html


def test_malformed_html_does_not_crash(tmp_path: Path) -> None:
    out = _one(tmp_path, "broken.html", b"<html><body><p>" + AR.encode() + b"<div><<>>></p")
    assert isinstance(out, InputDoc) and "ريف حماة" in out.text
    out = _one(tmp_path, "empty.html", b"<html><body><nav>x</nav></body></html>")
    assert isinstance(out, InputError)


def _jsonl_lines() -> list[str]:
    return [
        json.dumps({"id": "ye-1", "text": "أصيب ثلاثة مدنيين بقصف حوثي على مدينة تعز مساء أمس.", "published": "2024-03-11",
                    "url": "https://example.org/1", "outlet": "موقع"}, ensure_ascii=False),
        "{not json",
        json.dumps({"id": "x", "body": "no text key"}),
        "",
        json.dumps({"id": "iq-2", "html": "<html><body><article><p>" + AR + "</p></article></body></html>"}, ensure_ascii=False),
        json.dumps({"id": "bad-date", "text": AR, "published": "12/03/2024"}, ensure_ascii=False),
        json.dumps(["a list"]),
        json.dumps({"id": "ly-3", "text": "اندلعت اشتباكات في مدينة الزاوية غرب طرابلس ليلة الجمعة.", "published": None}, ensure_ascii=False),
    ]


def _check_jsonl(out: list) -> None:
    kinds = [(type(o).__name__, o.doc_id) for o in out]
    assert kinds == [("InputDoc", "ye-1"), ("InputError", None), ("InputError", "x"), ("InputDoc", "iq-2"),
                     ("InputError", "bad-date"), ("InputError", None), ("InputDoc", "ly-3")]
    assert out[0].published == date(2024, 3, 11) and out[0].outlet == "موقع" and out[0].url == "https://example.org/1"
    assert "invalid JSON on line 2" in out[1].error and out[1].origin.endswith(":2")
    assert out[2].error == "missing 'text' or 'html'"
    assert out[3].is_html and AR in out[3].text
    assert "published" in out[4].error
    assert out[6].published == date(2024, 3, 12)   # filled from the default


def test_jsonl(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl"
    p.write_text("\n".join(_jsonl_lines()) + "\n", encoding="utf-8")
    _check_jsonl(list(iter_documents([p], published=date(2024, 3, 12))))


def test_jsonl_gz(tmp_path: Path) -> None:
    p = tmp_path / "docs.jsonl.gz"
    with gzip.open(p, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(_jsonl_lines()))
    _check_jsonl(list(iter_documents([p], published=date(2024, 3, 12))))


def test_corrupt_gz_gives_error(tmp_path: Path) -> None:
    p = tmp_path / "bad.jsonl.gz"
    p.write_bytes(b"not gzip at all")
    out = list(iter_documents([p]))
    assert len(out) == 1 and isinstance(out[0], InputError)


def test_directory_recursive_sorted_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "a.txt").write_text(AR, encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text(AR, encoding="utf-8")
    (tmp_path / ".git" / "c.txt").write_text(AR, encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    out = list(iter_documents([tmp_path]))
    assert [(type(o).__name__, o.doc_id) for o in out] == [("InputDoc", "a.txt"), ("InputDoc", "z.txt"), ("InputError", "empty.txt")]


def test_missing_path_is_an_error_not_an_exception(tmp_path: Path) -> None:
    out = list(iter_documents([tmp_path / "nope.txt", FIXTURES / "page_iraq.html"]))
    assert isinstance(out[0], InputError) and "no such file" in out[0].error
    assert isinstance(out[1], InputDoc)


def test_examples_are_readable() -> None:
    root = Path(__file__).resolve().parents[1] / "examples"
    out = list(iter_documents([root]))
    assert out and all(isinstance(o, InputDoc) for o in out), [o for o in out if isinstance(o, InputError)]
    assert {"main_report.txt"} <= {o.doc_id for o in out}


def test_front_matter_date(tmp_path: Path) -> None:
    page = "---\ntitle: تقرير\ndate: 2019-05-08T10:00:00Z\n---\n\n" + AR
    doc = _one(tmp_path, "r.md", page.encode("utf-8"), published=date(2024, 1, 1))
    assert isinstance(doc, InputDoc) and doc.published == date(2019, 5, 8)
    doc = _one(tmp_path, "s.txt", AR.encode("utf-8"), published=date(2024, 1, 1))
    assert doc.published == date(2024, 1, 1)
