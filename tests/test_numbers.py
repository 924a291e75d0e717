"""Numbers and quantities: table of phrases written for rasd, a words round-trip property,
offset fidelity through the normaliser, and data-file validation."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from rasd.lexicon import LexiconError, lang_dir
from rasd.normalize import normalize, normalize_key
from rasd.numbers import find_quantities, load_numbers, parse_number

# --------------------------------------------------------------------------- parse_number

PARSE = [
    ("15", 15), ("١٥", 15), ("12,000", 12000), ("١٢٬٠٠٠", 12000), ("12.000", 12000),
    ("واحد", 1), ("اثنان", 2), ("اثنين", 2), ("اثنتين", 2), ("ثلاث", 3), ("ثلاثة", 3),
    ("عشرة", 10), ("أحد عشر", 11), ("إحدى عشرة", 11), ("اثنا عشر", 12), ("خمسة عشر", 15),
    ("ثماني عشرة", 18), ("عشرون", 20), ("عشرين", 20), ("الخمسين", 50), ("بثلاثة", 3),
    ("خمسة وعشرون", 25), ("مئة", 100), ("مائة", 100), ("مئتين", 200), ("مائتين", 200),
    ("ثلاثمئة", 300), ("ثلاثمائة", 300), ("ثلاث مئة", 300), ("ألف", 1000), ("ألفين", 2000),
    ("ألفان", 2000), ("ثلاثة آلاف", 3000), ("3 آلاف", 3000), ("1.5 مليون", 1500000),
    ("مليون", 1000000), ("مئتي ألف", 200000), ("ألف وخمسمئة", 1500),
    ("سبعمائة وخمسة وثلاثون", 735), ("عشرين ألفاً", 20000), ("صفر", 0),
    ("الـ 700", 700), ("ثلاثة ملايين", 3000000),
]


@pytest.mark.parametrize("text,value", PARSE)
def test_parse_number(text: str, value: int) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["عشرات", "خمسة ثلاثة", "قتل خمسة", "أحد الضباط", "", "2.5"])
def test_parse_number_rejects(text: str) -> None:
    assert parse_number(text) is None


# --------------------------------------------------------------------------- quantities

# (sentence, expected phrase in the original text, low, best, high, vague, approx, noun)
QUANT = [
    ("قتل 15 عنصراً في ريف إدلب", "15", 15, 15, 15, False, None, "عنصرا"),
    ("أسفر القصف عن مقتل أكثر من 50 مدنياً في تعز", "أكثر من 50", 51, 51, None, False, "more_than", "مدنيا"),
    ("ارتفع عدد القتلى إلى ما يزيد عن ثلاثين شخصا في بنغازي", "ما يزيد عن ثلاثين", 31, 31, None, False, "more_than", "شخصا"),
    ("تجاوزت حصيلة الضحايا الـ 700 قتيل", "تجاوزت حصيلة", None, None, None, None, None, None),
    ("وصل عدد القتلى الذي تجاوز الـ 700 قتيل", "تجاوز الـ 700", 701, 701, None, False, "more_than", "قتيل"),
    ("فاق عدد المنشقين الخمسين عنصراً", "الخمسين", 51, 51, None, False, "more_than", "عنصرا"),
    ("أعداد المعتقلين فاقت المئتين", "فاقت المئتين", 201, 201, None, False, "more_than", None),
    ("قتل ما لا يقل عن 12 شخصاً في الموصل", "ما لا يقل عن 12", 12, 12, None, False, "at_least", "شخصا"),
    ("قتل 7 أشخاص على الأقل في مقديشو", "7 أشخاص على الأقل", 7, 7, None, False, "at_least", "اشخاص"),
    ("نزح نحو 300 عائلة من مأرب", "نحو 300", 300, 300, 300, False, "about", "عائله"),
    ("أصيب قرابة عشرين طفلا في غزة", "قرابة عشرين", 20, 20, 20, False, "about", "طفلا"),
    ("اعتقلت القوات حوالي أربعين شاباً في الخليل", "حوالي أربعين", 40, 40, 40, False, "about", "شابا"),
    ("نزوح زهاء ألفي أسرة من الحديدة", "زهاء ألفي", 2000, 2000, 2000, False, "about", "اسره"),
    ("قتل ما بين 10 و15 مسلحاً في سرت", "ما بين 10 و15", 10, 10, 15, False, "range", "مسلحا"),
    ("قتل بين خمسة وعشرة جنود في درعا", "بين خمسة وعشرة", 5, 5, 10, False, "range", "جنود"),
    ("أصيب من 20 إلى 30 شخصاً", "20 إلى 30", 20, 20, 30, False, "range", "شخصا"),
    ("قتل 3-5 عناصر من الشرطة", "3-5", 3, 3, 5, False, "range", "عناصر"),
    ("سقط ثلاثة أو أربعة جرحى", "ثلاثة أو أربعة", 3, 3, 4, False, "range", "جرحي"),
    ("شهدت المدينة عشرات حالات الانشقاق", "عشرات", 24, 24, 99, True, None, "حالات"),
    ("أصيب مئات المدنيين في الخرطوم", "مئات", 200, 200, 999, True, None, "المدنيين"),
    ("نزح آلاف السكان من طرابلس", "آلاف", 2000, 2000, 9999, True, None, "السكان"),
    ("فر عشرات الآلاف من النازحين", "عشرات الآلاف", 20000, 20000, 99999, True, None, "النازحين"),
    ("داهمت القوات عدة أحياء في بعقوبة", "عدة", 3, 3, 9, True, None, "احياء"),
    ("اعتقل عدد من الشبان في جنين", "عدد من", 3, 3, 9, True, None, "الشبان"),
    ("قتل 3 آلاف شخص خلال الحرب", "3 آلاف", 3000, 3000, 3000, False, None, "شخص"),
    ("قتل ثلاثة آلاف وخمسمئة شخص", "ثلاثة آلاف وخمسمئة", 3500, 3500, 3500, False, None, "شخص"),
    ("سقط قتيلين في اشتباك بحلب", "قتيلين", 2, 2, 2, False, None, "قتيلين"),
    ("أصيبت امرأتان بجروح في صيدا", "امرأتان", 2, 2, 2, False, None, "امراتان"),
    ("مقتل خمسة وعشرين مقاتلاً في صعدة", "خمسة وعشرين", 25, 25, 25, False, None, "مقاتلا"),
    ("قُتِلَ ١٢ مدنياً في الرقة", "١٢", 12, 12, 12, False, None, "مدنيا"),
    ("أطلق النار على أحد عشر معتقلا", "أحد عشر", 11, 11, 11, False, None, "معتقلا"),
    ("أعدم ثلاثة عشر سجيناً في عدن", "ثلاثة عشر", 13, 13, 13, False, None, "سجينا"),
    ("أصيب أقل من 10 أشخاص", "أقل من 10", 1, 9, 9, False, "less_than", "اشخاص"),
]


@pytest.mark.parametrize("sentence,phrase,low,best,high,vague,approx,noun", QUANT)
def test_quantities(sentence, phrase, low, best, high, vague, approx, noun) -> None:
    view = normalize(sentence)
    qs = find_quantities(view.norm)
    if low is None:       # "حصيلة" sits between the qualifier and the number: the plain count remains
        assert [view.orig_text(q.start, q.end) for q in qs] == ["الـ 700"]
        return
    assert len(qs) == 1, [(view.orig_text(q.start, q.end), q) for q in qs]
    q = qs[0]
    assert view.orig_text(q.start, q.end) == phrase
    noun = normalize_key(noun) if noun else None
    assert (q.low, q.best, q.high, q.vague, q.approx, q.noun) == (low, best, high, vague, approx, noun)
    if q.noun is not None:
        assert view.norm[q.noun_start:q.noun_end] == q.noun


# Numbers that are not counts are skipped entirely.
NOT_COUNTS = [
    "خسائر بقيمة مليون يورو يومياً",
    "بلغت الخسائر 300 مليون دولار",
    "وقع الانفجار الساعة 5:30 صباحا",
    "منذ عام 2011 والحرب مستمرة",
    "ارتفعت الأسعار بنسبة 40%",
    "تبعد القرية 5 كم عن الحدود",
    "استمر الحصار ثلاثة أيام",
    "وقع الهجوم في 5 مايو",
    "قذيفة من عيار 120 ملم",
    "صدر القرار رقم 2254",
    "سقطت القذائف يوم 12/3/2019",
    "بلغت نسبة المشاركة 60 بالمئة",
]


@pytest.mark.parametrize("sentence", NOT_COUNTS)
def test_non_counts_are_skipped(sentence: str) -> None:
    assert find_quantities(normalize(sentence).norm) == []


def test_quantities_are_ordered_and_disjoint_within_range() -> None:
    text = "قتل 5 مدنيين وأصيب عشرات آخرون، واعتقل نحو 20 شابا في حمص. ونزحت 300 عائلة."
    view = normalize(text)
    cut = view.norm.index(".")
    qs = find_quantities(view.norm, 0, cut)
    assert [view.orig_text(q.start, q.end) for q in qs] == ["5", "عشرات", "نحو 20"]
    assert all(a.end <= b.start for a, b in zip(qs, qs[1:]))
    assert all(q.end <= cut for q in qs)


def test_spans_map_to_original_text_with_diacritics_and_tatweel() -> None:
    text = "قُتِلَ أكثرُ من خمسينَ عنصـراً، وأُصيبَ ١٥ مدنيّاً بجروحٍ، ونزح قرابةَ ٢٬٠٠٠ شخصٍ."
    view = normalize(text)
    got = [view.orig_text(q.start, q.end) for q in find_quantities(view.norm)]
    # spans end on the last letter: a trailing diacritic is not part of the evidence
    assert got == ["أكثرُ من خمسين", "١٥", "قرابةَ ٢٬٠٠٠"]


# --------------------------------------------------------------------------- words round trip

_UNITS_M = ["", "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_UNITS_ACC = ["", "واحدا", "اثنين", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة"]
_TENS = ["", "عشرة", "عشرون", "ثلاثون", "أربعون", "خمسون", "ستون", "سبعون", "ثمانون", "تسعون"]
_TENS_ACC = ["", "عشرة", "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين"]
_HUND = ["", "مئة", "مئتان", "ثلاثمئة", "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمانمئة", "تسعمئة"]
_HUND_ALT = ["", "مائة", "مائتين", "ثلاث مائة", "أربع مئة", "خمسمائة", "ست مئة", "سبعمائة", "ثمانمائة", "تسع مئة"]


def _below_100(n: int, acc: bool) -> str:
    units, tens = (_UNITS_ACC, _TENS_ACC) if acc else (_UNITS_M, _TENS)
    if n < 10:
        return units[n]
    if n == 10:
        return "عشرة"
    if n == 11:
        return "أحد عشر"
    if n == 12:
        return "اثني عشر" if acc else "اثنا عشر"
    if n < 20:
        return f"{_UNITS_M[n - 10]} عشر"
    u, t = n % 10, n // 10
    return tens[t] if not u else f"{units[u]} و{tens[t]}"


def arabic_words(n: int, acc: bool = False, alt: bool = False) -> str:
    """Write 0-9999 in Arabic words (test oracle, independent of the lexicon)."""
    if n == 0:
        return "صفر"
    parts = []
    th, rest = divmod(n, 1000)
    if th == 1:
        parts.append("ألف")
    elif th == 2:
        parts.append("ألفين" if acc else "ألفان")
    elif 3 <= th <= 9:
        parts.append(f"{_UNITS_M[th]} آلاف")
    h, r = divmod(rest, 100)
    if h:
        parts.append((_HUND_ALT if alt else _HUND)[h])
    if r:
        parts.append(_below_100(r, acc))
    return " و".join(parts)


@settings(max_examples=400, deadline=None)
@given(st.integers(0, 9999), st.booleans(), st.booleans())
def test_words_round_trip(n: int, acc: bool, alt: bool) -> None:
    assert parse_number(arabic_words(n, acc, alt)) == n


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 9999))
def test_words_found_in_running_text(n: int) -> None:
    text = f"وأفادت مصادر بمقتل {arabic_words(n)} مدنيا في المدينة"
    view = normalize(text)
    qs = find_quantities(view.norm)
    assert len(qs) == 1 and qs[0].best == n
    assert view.orig_text(qs[0].start, qs[0].end) == arabic_words(n)


# --------------------------------------------------------------------------- data validation

def _copy_lang(tmp_path: Path) -> Path:
    dst = tmp_path / "ar"
    shutil.copytree(lang_dir("ar"), dst)
    return dst


def test_malformed_numbers_yaml_names_line(tmp_path: Path) -> None:
    d = _copy_lang(tmp_path)
    path = d / "numbers.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith("  - {forms: [عشرات]"))
    lines[i] = "  - {forms: [عشرات], low: 24, best: 10, high: 99}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_numbers(path)
    assert err.value.line == i + 1
    assert f"numbers.yaml:{i + 1}" in str(err.value)


def test_bad_yaml_syntax_via_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    d = _copy_lang(tmp_path)
    path = d / "numbers.yaml"
    text = path.read_text(encoding="utf-8").replace("tens:\n", "tens:\n  20: [عشرون\n", 1)
    path.write_text(text, encoding="utf-8")
    monkeypatch.setenv("RASD_LANG_DIR", str(d))
    from rasd.lexicon import data_path
    with pytest.raises(LexiconError) as err:
        load_numbers(data_path("numbers.yaml"))
    assert err.value.line is not None
