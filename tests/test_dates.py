"""Dates: a table of phrases written for rasd resolved against fixed publication dates,
offset fidelity, missing publication dates, and data-file validation."""
from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from rasd.dates import DateInterval, find_dates, load_dates, resolve_date
from rasd.lexicon import LexiconError, lang_dir
from rasd.normalize import normalize

PUB = date(2019, 6, 20)        # a Thursday

D = date
# (sentence, expected phrase in the original, kind, start, end, precision)
TABLE = [
    ("قتل ثلاثة مدنيين خلال الأيام القليلة الماضية في إدلب", "خلال الأيام القليلة الماضية", "vague_recent", D(2019, 6, 13), D(2019, 6, 20), 2),
    ("أفادت مصادر منذ يومين بمقتل ضابط", "منذ يومين", "ago", D(2019, 6, 18), D(2019, 6, 18), 1),
    ("اندلعت المعارك في أواخر نيسان أبريل الماضي", "أواخر نيسان أبريل الماضي", "month", D(2019, 4, 21), D(2019, 4, 30), 3),
    ("قتل 700 منذ بدء التصعيد في أواخر نيسان أبريل الماضي حتى اليوم", "منذ بدء التصعيد في أواخر نيسان أبريل الماضي حتى اليوم", "since", D(2019, 4, 21), D(2019, 6, 20), 3),
    ("وقع الانفجار في 5 مايو/ أيار 2019 بمدينة عدن", "5 مايو/ أيار 2019", "absolute", D(2019, 5, 5), D(2019, 5, 5), 1),
    ("قصفت الطائرات البلدة في الخامس من أيار", "الخامس من أيار", "absolute", D(2019, 5, 5), D(2019, 5, 5), 1),
    ("اعتقلت القوات ناشطا يوم الثلاثاء الماضي", "يوم الثلاثاء الماضي", "weekday", D(2019, 6, 18), D(2019, 6, 18), 1),
    ("هاجم مسلحون حاجزا يوم الخميس الماضي", "يوم الخميس الماضي", "weekday", D(2019, 6, 13), D(2019, 6, 13), 1),
    ("سقطت قذائف على الحي يوم الخميس", "يوم الخميس", "weekday", D(2019, 6, 20), D(2019, 6, 20), 1),
    ("شنت طائرات غارات فجر اليوم على معرة النعمان", "فجر اليوم", "relative", D(2019, 6, 20), D(2019, 6, 20), 1),
    ("انفجرت عبوة مساء أمس في بغداد", "مساء أمس", "relative", D(2019, 6, 19), D(2019, 6, 19), 1),
    ("جرت اشتباكات أول أمس قرب سرت", "أول أمس", "relative", D(2019, 6, 18), D(2019, 6, 18), 1),
    ("قتل جندي صباح السبت في رفح", "صباح السبت", "weekday", D(2019, 6, 15), D(2019, 6, 15), 1),
    ("بتاريخ 12/3/2019 قصفت المدفعية القرية", "12/3/2019", "numeric", D(2019, 3, 12), D(2019, 3, 12), 1),
    ("في 3-11-2018 وقعت مجزرة", "3-11-2018", "numeric", D(2018, 11, 3), D(2018, 11, 3), 1),
    ("بدأ الهجوم في نيسان (أبريل) الماضي", "نيسان (أبريل) الماضي", "month", D(2019, 4, 1), D(2019, 4, 30), 3),
    ("اندلعت الاحتجاجات في يونيو/حزيران 2018", "يونيو/حزيران 2018", "absolute", D(2018, 6, 1), D(2018, 6, 30), 3),
    ("اعتقل العشرات الأسبوع الماضي في درعا", "الأسبوع الماضي", "calendar", D(2019, 6, 8), D(2019, 6, 14), 2),
    ("قتل مدنيون مطلع الشهر الجاري في تعز", "مطلع الشهر الجاري", "calendar", D(2019, 6, 1), D(2019, 6, 10), 3),
    ("نزح الآلاف الشهر الماضي من الحديدة", "الشهر الماضي", "calendar", D(2019, 5, 1), D(2019, 5, 31), 3),
    ("أعدم التنظيم رهائن منذ ثلاثة أيام", "منذ ثلاثة أيام", "ago", D(2019, 6, 17), D(2019, 6, 17), 1),
    ("قتل جنود قبل 4 أيام في سيناء", "قبل 4 أيام", "ago", D(2019, 6, 16), D(2019, 6, 16), 1),
    ("قتل المئات عام 2016 في حلب", "عام 2016", "year", D(2016, 1, 1), D(2016, 12, 31), 3),
    ("في منتصف آذار 2019 قصفت الطائرات", "منتصف آذار 2019", "absolute", D(2019, 3, 11), D(2019, 3, 20), 3),
    ("جرت المعارك في أوائل كانون الثاني الماضي", "أوائل كانون الثاني الماضي", "month", D(2019, 1, 1), D(2019, 1, 10), 3),
    ("قصف الطيران المدينة في 25 كانون الأول", "25 كانون الأول", "absolute", D(2018, 12, 25), D(2018, 12, 25), 1),
    ("اعتقل صحفي في 10 تشرين الثاني 2017", "10 تشرين الثاني 2017", "absolute", D(2017, 11, 10), D(2017, 11, 10), 1),
    ("خرجت مظاهرة يوم الجمعة 14 يونيو", "يوم الجمعة 14 يونيو", "absolute", D(2019, 6, 14), D(2019, 6, 14), 1),
    ("اشتباكات في شهر آب الماضي", "شهر آب الماضي", "month", D(2018, 8, 1), D(2018, 8, 31), 3),
    ("وقع الهجوم في سبتمبر الماضي", "سبتمبر الماضي", "month", D(2018, 9, 1), D(2018, 9, 30), 3),
    ("سيعقد الاجتماع في تموز المقبل", "تموز المقبل", "month", D(2019, 7, 1), D(2019, 7, 31), 3),
    ("تصاعدت الهجمات مؤخراً في مقديشو", "مؤخرا", "vague_recent", D(2019, 5, 21), D(2019, 6, 20), 3),
    ("قتل 40 شخصاً منذ مطلع العام الجاري", "منذ مطلع العام الجاري", "since", D(2019, 1, 1), D(2019, 6, 20), 3),
    ("جرى تبادل أسرى في 5 جانفي 2019", "5 جانفي 2019", "absolute", D(2019, 1, 5), D(2019, 1, 5), 1),
    ("بدأت الحملة منذ أسبوعين", "منذ أسبوعين", "ago", D(2019, 6, 3), D(2019, 6, 9), 2),
]


@pytest.mark.parametrize("sentence,phrase,kind,start,end,precision", TABLE)
def test_dates(sentence, phrase, kind, start, end, precision) -> None:
    view = normalize(sentence)
    found = find_dates(view.norm)
    assert len(found) == 1, [(view.orig_text(m.start, m.end), m.kind) for m in found]
    m = found[0]
    assert view.orig_text(m.start, m.end) == phrase
    assert m.kind == kind
    assert resolve_date(m, PUB) == DateInterval(start, end, precision)


def test_weekday_on_publication_weekday_with_past_goes_back_a_week() -> None:
    m = find_dates(normalize("يوم الخميس الماضي").norm)[0]
    assert resolve_date(m, date(2019, 6, 20)).start == date(2019, 6, 13)
    m = find_dates(normalize("الأحد الماضي").norm)[0]
    assert resolve_date(m, date(2019, 6, 20)).start == date(2019, 6, 16)


@pytest.mark.parametrize("sentence", ["منذ يومين", "أمس", "الأسبوع الماضي", "أواخر نيسان الماضي", "يوم السبت",
                                      "منذ بدء الهجوم في أيار حتى اليوم", "الخامس من أيار"])
def test_relative_without_publication_is_unresolved(sentence: str) -> None:
    m = find_dates(normalize(sentence).norm)[0]
    got = resolve_date(m, None)
    assert got.start is None and got.end is None and got.precision in (1, 2, 3)


def test_absolute_dates_need_no_publication() -> None:
    m = find_dates(normalize("في 5 أيار 2019").norm)[0]
    assert resolve_date(m, None) == DateInterval(date(2019, 5, 5), date(2019, 5, 5), 1)


@pytest.mark.parametrize("sentence", [
    "قال أب الضحية إن ابنه قتل",          # آب needs context
    "أكد أحد الضباط",                      # not a weekday
    "قرأت صحيفة في الصباح",
    "نفذ الهجوم 5 عناصر",
])
def test_not_dates(sentence: str) -> None:
    assert find_dates(normalize(sentence).norm) == []


def test_spans_map_to_original_with_diacritics() -> None:
    text = "وَقَعَ الهُجومُ يومَ الثُّلاثاءِ الماضي، وقُتِلَ ٣ منذُ يومَيْن في ٥ أيّار/مايو ٢٠١٩."
    view = normalize(text)
    got = [view.orig_text(m.start, m.end) for m in find_dates(view.norm)]
    assert got == ["يومَ الثُّلاثاءِ الماضي", "منذُ يومَيْن", "٥ أيّار/مايو ٢٠١٩"]


def test_range_restricts_search() -> None:
    norm = normalize("قصف أمس. واعتقالات اليوم.").norm
    cut = norm.index(".")
    assert [m.kind for m in find_dates(norm, cut, len(norm))] == ["relative"]
    assert all(m.start >= cut for m in find_dates(norm, cut, len(norm)))


def _copy_lang(tmp_path: Path) -> Path:
    dst = tmp_path / "ar"
    shutil.copytree(lang_dir("ar"), dst)
    return dst


def test_malformed_months_tsv_names_line(tmp_path: Path) -> None:
    d = _copy_lang(tmp_path)
    path = d / "months.tsv"
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(k for k, line in enumerate(lines) if "\tنيسان" in line)
    lines[i] = "13\tsyriac\tنيسان"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_dates(d)
    assert err.value.line == i + 1 and "months.tsv" in str(err.value)


def test_malformed_dates_yaml_names_line(tmp_path: Path) -> None:
    d = _copy_lang(tmp_path)
    path = d / "dates.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith("  - {forms: [أمس"))
    lines[i] = lines[i].replace("precision: 1", "precision: 7")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_dates(d)
    assert err.value.line == i + 1
