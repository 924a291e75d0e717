"""Inputs that once broke rasd or made it crawl, kept so they stay fixed.

No fuzzer run (hypothesis, 250 derandomised and 4,000 random examples per property;
atheris, some 10^5 inputs) has found a crash yet. These came from the hostile-input
matrix and from reviewing the regexes for super-linear behaviour: each ran in time
quadratic in a run's length (minutes on a capped 10 MB page), or misread a document.
They assert what the fixed code returns; a regression to the quadratic scans would show
as this file taking minutes.
"""
from __future__ import annotations

import rasd
from rasd.inputs import _strip_tags, decode_bytes
from rasd.numbers import find_quantities

REPORT = "قتل ثلاثة مدنيين بقصف مدفعي على بلدة كفرنبل في ريف إدلب صباح اليوم."


def _evidence_ok(text: str) -> list:
    records = [r.to_dict() for r in rasd.extract(text, published="2023-05-02")]
    for rec in records:
        for ev in rec["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]
    return records


def test_a_long_run_of_dots_before_a_letter() -> None:
    # segment._SENT_END rescanned the run from each dot: 300k dots took minutes.
    text = REPORT + "\n" + "." * 300_000 + "ب"
    assert [r["rasd_type"] for r in _evidence_ok(text)] == ["shelling"]


def test_a_long_chain_of_thousands_groups() -> None:
    # numbers._DIGITS rescanned an unbounded ",ddd" chain from every group.
    chain = "1" + ",111" * 100_000 + "1"
    _evidence_ok(REPORT + " " + chain)
    # Real thousands separators still read as one number.
    (q,) = [q for q in find_quantities("قتل 1,250 شخصا") if q.best is not None] or [None]
    assert q is not None and q.best == 1250


def test_unclosed_comments_and_scripts_in_the_fallback_html_stripper() -> None:
    # <!--.*?--> and <script>.*?</script> rescanned to the end for every unclosed opener.
    html = "<p>" + REPORT + "</p>" + "<!-- x" * 30_000 + "<script>y" * 30_000
    text = _strip_tags(html)
    assert REPORT in text and "x" not in text and "y" not in text
    closed = "<p>أ</p><!-- c --><p>ب</p><script>var s;</script><SCRIPT >z</script ><p>ج</p>"
    assert _strip_tags(closed).split() == ["أ", "ب", "ج"]


def test_utf8_cut_in_the_middle_of_a_letter_keeps_the_text_before() -> None:
    # Was "cannot decode", or worse decoded as windows-1256 mojibake.
    data = REPORT.encode("utf-8")[:-1]
    assert decode_bytes(data) == REPORT[:-1]
    # One damaged byte mid-text was decoded as windows-1256 mojibake (UTF-8 lead bytes
    # are Arabic letters there); now it is UTF-8 with one replacement character.
    cut = len(REPORT[:5].encode("utf-8"))
    broken = REPORT.encode("utf-8")
    broken = broken[:cut] + b"\xd8" + broken[cut:]
    assert decode_bytes(broken) == REPORT[:5] + "\ufffd" + REPORT[5:]
    # Real windows-1256 text is still recognised as such.
    assert decode_bytes(REPORT.encode("cp1256")) == REPORT
