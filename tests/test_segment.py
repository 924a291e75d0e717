"""Clause boundaries: punctuation inside numbers and clock times keeps a clause whole."""
from __future__ import annotations

import pytest

from rasd.doc import Doc, Line
from rasd.segment import segment


def clauses(text: str) -> list[str]:
    d = Doc.from_text(text)
    d.lines.append(Line(0, len(d.norm), "body", 0))
    segment(d)
    return [d.evidence("clause", c.start, c.end).text.strip() for s in d.sentences for c in s.clauses]


@pytest.mark.parametrize("text,expected", [
    # a clock time's colon, Western and Eastern digits
    ("استهدفنا عند الساعة 11:40 موقع المرج بالصواريخ", ["استهدفنا عند الساعة 11:40 موقع المرج بالصواريخ"]),
    ("سقطت القذيفة عند الساعة ٩:١٥ صباحا على السوق", ["سقطت القذيفة عند الساعة ٩:١٥ صباحا على السوق"]),
    # a thousands separator
    ("نزح أكثر من 12,000 شخص من المدينة", ["نزح أكثر من 12,000 شخص من المدينة"]),
    # a colon after a word and an Arabic comma between digits still end a clause
    ("وقال البيان: قتل ثلاثة مسلحين", ["وقال البيان", "قتل ثلاثة مسلحين"]),
    ("قتل 3، وأصيب 5 آخرون", ["قتل 3", "وأصيب 5 آخرون"]),
])
def test_clause_bounds(text: str, expected: list[str]) -> None:
    assert clauses(text) == expected


def sentences(text: str) -> list[str]:
    d = Doc.from_text(text)
    d.lines.append(Line(0, len(d.norm), "body", 0))
    segment(d)
    return [d.evidence("sentence", s.start, s.end).text.strip() for s in d.sentences]


@pytest.mark.parametrize("text,expected", [
    # a lone letter and a dot are an initial: the name goes on
    ("اغتال مسلحون الشاب م. ع. في بلدة طفس", ["اغتال مسلحون الشاب م. ع. في بلدة طفس"]),
    ("قتل الشاب (ع. ز) برصاص قناص في الحي", ["قتل الشاب (ع. ز) برصاص قناص في الحي"]),
    # ...but after a number the letter is a unit that may end the sentence
    ("وقع الانفجار عند الساعة 8 م. وأصيب ثلاثة", ["وقع الانفجار عند الساعة 8 م.", "وأصيب ثلاثة"]),
    # a word of two letters or more before a dot still ends a sentence
    ("قصفت المدفعية البلدة. وقتل شاب", ["قصفت المدفعية البلدة.", "وقتل شاب"]),
])
def test_sentence_bounds(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected
