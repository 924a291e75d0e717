"""Fuzzing `rasd.extract` and input decoding with hypothesis: no input may crash them.

Texts are built from what makes rasd work hard: the lexicons' own trigger and place
words, Arabic letters with diacritics and tatweel, Western and Eastern digits, Arabic and
Latin punctuation, HTML fragments and arbitrary unicode. Properties: nothing raises, and
every evidence span indexes the input exactly. Derandomised, so CI sees the same
examples on every run; a crash found here goes to tests/test_fuzz_regressions.py.
"""
from __future__ import annotations

import json
import os
import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import rasd
from rasd.batch import process_unit
from rasd.inputs import InputDoc, InputError, RawDoc, decode_bytes, html_to_text, load
from rasd.segment import _SENT_END, _sentence_ends

LANG = Path(rasd.__file__).parent / "lang" / "ar"
_ARABIC = re.compile(r"[\u0621-\u064a]")

# CI runs the same 250 examples each time; RASD_FUZZ_EXAMPLES=5000 hunts with fresh random ones.
_HUNT = int(os.environ.get("RASD_FUZZ_EXAMPLES", "0"))
FUZZ = settings(max_examples=_HUNT or 250, derandomize=not _HUNT, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@lru_cache(maxsize=None)
def lexicon_words() -> list[str]:
    """Short Arabic phrases from the trigger, place, actor and date lexicons."""
    words: set[str] = set()

    def walk(node) -> None:
        if isinstance(node, str):
            if _ARABIC.search(node) and len(node.split()) <= 3:
                words.add(node)
        elif isinstance(node, dict):
            for k, v in node.items():
                walk(k)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for name in ("triggers.yaml", "places.yaml", "actors.yaml", "dates.yaml", "numbers.yaml", "attribution.yaml"):
        walk(yaml.safe_load((LANG / name).read_text(encoding="utf-8")))
    return sorted(words)


PLACES = ["إدلب", "ريف حماة الشمالي", "حلب", "دير الزور", "صعدة", "الموصل", "غزة", "بنغازي", "درعا", "كفرنبل"]
LETTERS = st.text(alphabet=st.characters(min_codepoint=0x0621, max_codepoint=0x064A), min_size=1, max_size=8)
MARKS = st.sampled_from(["\u064b", "\u064e", "\u064f", "\u0650", "\u0651", "\u0652", "\u0640", "\u0640\u0640\u0640",
                         "\u200f", "\u200c", "\ufeff", "\u00a0"])
DIGITS = st.one_of(st.integers(0, 10**7).map(str),
                   st.integers(0, 10**6).map(lambda n: str(n).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))),
                   st.sampled_from(["1,250", "3.5", "12-15", "٢٠٢٣/٥/٢", "2019-06-20", "1,111,111,111,111,111,111,1"]))
PUNCT_PARTS = [".", "،", "؛", "؟", "!", ":", "(", ")", "«", "»", "\"", "-", " - ", "...", "\n", "\n\n",
               "..........", "؟؟؟", "*", "#", "|", "**"]
HTML_PARTS = ["<p>", "</p>", "<div>", "</div>", "<br>", "<script>", "</script>", "<!--", "-->",
              "&amp;", "&nbsp;", "<h1>", "<a href='x'>", "</a>", "<html><body>", "<style>x{}</style>"]
PUNCT = st.sampled_from(PUNCT_PARTS)
HTML = st.sampled_from(HTML_PARTS)
ATOM = st.one_of(st.sampled_from(lexicon_words()), st.sampled_from(PLACES), LETTERS, MARKS, DIGITS, PUNCT, HTML,
                 st.text(max_size=6))
TEXT = st.lists(ATOM, max_size=40).flatmap(
    lambda atoms: st.lists(st.sampled_from([" ", " ", "", "\n"]), min_size=len(atoms), max_size=len(atoms))
    .map(lambda seps: "".join(a + s for a, s in zip(atoms, seps))))
PUBLISHED = st.one_of(st.none(), st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31)))


def _check_evidence(text: str, records: list[dict]) -> None:
    for rec in records:
        for ev in rec["evidence"]:
            assert 0 <= ev["start"] <= ev["end"] <= len(text)
            assert text[ev["start"]:ev["end"]] == ev["text"], ev


@FUZZ
@given(TEXT, PUBLISHED)
def test_extract_never_raises_and_evidence_indexes_the_text(text: str, published) -> None:
    records = [r.to_dict() for r in rasd.extract(text, published=published, doc_id="fuzz")]
    _check_evidence(text, records)


@FUZZ
@given(TEXT)
def test_extract_on_a_real_report_with_noise_inserted(noise: str) -> None:
    report = "قتل ثلاثة مدنيين بقصف مدفعي على بلدة كفرنبل في ريف إدلب صباح اليوم، وفق الدفاع المدني."
    cut = len(noise) % (len(report) + 1)
    text = report[:cut] + noise + report[cut:]
    _check_evidence(text, [r.to_dict() for r in rasd.extract(text, published="2023-05-02")])


@FUZZ
@given(st.one_of(st.binary(max_size=400), TEXT.map(lambda t: t.encode("utf-8")),
                 TEXT.map(lambda t: t.encode("cp1256", errors="ignore")),
                 TEXT.map(lambda t: t.encode("utf-16-le", errors="surrogatepass"))))
def test_decoding_raises_only_its_clear_error(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except ValueError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str)


@FUZZ
@given(st.one_of(st.binary(max_size=300), TEXT.map(lambda t: t.encode("utf-8")),
                 TEXT.map(lambda t: ('{"id": "f", "text": ' + json.dumps(t) + "}").encode("utf-8")),
                 TEXT.map(lambda t: ('{"id": "f", "html": ' + json.dumps("<html><body><p>" + t)
                                     + ', "published": "2020-01-01"}').encode("utf-8"))))
def test_a_jsonl_line_becomes_a_document_or_an_error_and_its_records_index_it(line: bytes) -> None:
    item = load(RawDoc("fuzz.jsonl:1", "fuzz.jsonl", line, 1))
    assert isinstance(item, (InputDoc, InputError))
    result = process_unit(RawDoc("fuzz.jsonl:1", "fuzz.jsonl", line, 1), budget=None)
    if isinstance(item, InputError):
        assert result.error is not None and result.error["kind"] != "internal", result.error
    else:
        assert result.error is None, result.error
        _check_evidence(item.text, [json.loads(x) for x in result.lines])


@FUZZ
@given(st.lists(st.one_of(HTML, TEXT, st.sampled_from(["<div>" * 50, "<script>", "<!-- ", "<p"])), max_size=30))
def test_html_to_text_never_raises(parts: list[str]) -> None:
    assert isinstance(html_to_text("".join(parts)), str)


@settings(max_examples=500, derandomize=True, database=None)
@given(st.text(alphabet=".!?؟;؛5a )\"\n.", max_size=30), st.data())
def test_linear_sentence_ends_equal_the_regex(text: str, data) -> None:
    pos = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(pos, len(text)))
    assert _sentence_ends(text, pos, end) == [m.end() for m in _SENT_END.finditer(text, pos, end)]


def test_atheris_harness_runs_clean_for_a_few_hundred_inputs(tmp_path) -> None:
    """Only where the optional extra is installed (`pip install -e '.[fuzz]'`)."""
    import subprocess
    import sys

    import pytest

    pytest.importorskip("atheris")
    harness = Path(__file__).resolve().parents[1] / "fuzz" / "fuzz_extract.py"
    proc = subprocess.run([sys.executable, str(harness), "-runs=300", "-max_len=2048", "-seed=8"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "Done 300 runs" in proc.stderr
