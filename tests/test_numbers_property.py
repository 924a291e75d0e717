"""Property tests for rasd.numbers: every integer 0–999,999 written as Arabic words (in
its case, gender, spelling and clitic variants) or as Western/Eastern digits (with or
without thousands separators, or mixed "3 آلاف") parses back to exactly that integer.

The writer below is an independent, textbook rendering of Arabic cardinals (unit before
tens joined by و, hundreds, ألف/ألفان/آلاف/ألفًا by count); it shares no tables with
numbers.yaml, so a gap in the lexicon shows up as a counterexample.
"""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rasd.numbers import find_quantities, parse_number
from rasd.normalize import normalize_key

# Modest example counts: the suite must stay fast on a shared two-core machine.
SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# masculine counted noun: the number takes ة (ثلاثة رجال); feminine: no ة (ثلاث نساء)
UNIT_M = {1: ["واحد"], 2: ["اثنان", "اثنين"], 3: ["ثلاثة"], 4: ["أربعة"], 5: ["خمسة"], 6: ["ستة"],
          7: ["سبعة"], 8: ["ثمانية"], 9: ["تسعة"], 10: ["عشرة"]}
UNIT_F = {1: ["واحدة"], 2: ["اثنتان", "اثنتين"], 3: ["ثلاث"], 4: ["أربع"], 5: ["خمس"], 6: ["ست"],
          7: ["سبع"], 8: ["ثماني", "ثمان"], 9: ["تسع"], 10: ["عشر"]}
TEEN_M = {11: ["أحد عشر"], 12: ["اثنا عشر", "اثني عشر"]}
TEEN_F = {11: ["إحدى عشرة"], 12: ["اثنتا عشرة", "اثنتي عشرة"]}
TENS = {20: ["عشرون", "عشرين"], 30: ["ثلاثون", "ثلاثين"], 40: ["أربعون", "أربعين"],
        50: ["خمسون", "خمسين"], 60: ["ستون", "ستين"], 70: ["سبعون", "سبعين"],
        80: ["ثمانون", "ثمانين"], 90: ["تسعون", "تسعين"]}
HUNDRED = ["مئة", "مائة"]
TWO_HUNDRED = ["مئتان", "مئتين", "مائتان", "مائتين"]
TWO_HUNDRED_CONSTRUCT = ["مئتا", "مئتي", "مائتا", "مائتي"]      # before ألف: مئتا ألف
HUNDREDS_STEM = {3: ["ثلاث"], 4: ["أربع"], 5: ["خمس"], 6: ["ست"], 7: ["سبع"], 8: ["ثمان", "ثماني"], 9: ["تسع"]}
CLITICS = ["", "", "", "و", "ب", "ل"]
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def below_100(n: int, d: st.DataObject) -> str:
    fem = d.draw(st.booleans())
    if n <= 10:
        return d.draw(st.sampled_from((UNIT_F if fem else UNIT_M)[n]))
    if n <= 12:
        return d.draw(st.sampled_from((TEEN_F if fem else TEEN_M)[n]))
    if n < 20:
        unit = d.draw(st.sampled_from((UNIT_F if fem else UNIT_M)[n - 10]))
        return f"{unit} {'عشرة' if fem else 'عشر'}"
    tens = d.draw(st.sampled_from(TENS[n - n % 10]))
    if n % 10 == 0:
        return tens
    unit = d.draw(st.sampled_from((UNIT_F if fem else UNIT_M)[n % 10]))
    return f"{unit} و{tens}"


def hundreds(h: int, d: st.DataObject, construct: bool = False) -> str:
    if h == 1:
        return d.draw(st.sampled_from(HUNDRED))
    if h == 2:
        return d.draw(st.sampled_from(TWO_HUNDRED_CONSTRUCT if construct else TWO_HUNDRED))
    stem = d.draw(st.sampled_from(HUNDREDS_STEM[h]))
    sep = d.draw(st.sampled_from(["", " "]))          # ثلاثمئة | ثلاث مئة
    return stem + sep + d.draw(st.sampled_from(HUNDRED))


def below_1000(n: int, d: st.DataObject, construct: bool = False) -> str:
    h, r = divmod(n, 100)
    parts = []
    if h:
        parts.append(hundreds(h, d, construct=construct and r == 0))
    if r:
        parts.append(below_100(r, d))
    return " و".join(parts)


def words(n: int, d: st.DataObject) -> str:
    if n == 0:
        return "صفر"
    t, r = divmod(n, 1000)
    parts = []
    if t == 1:
        parts.append(d.draw(st.sampled_from(["ألف", "ألفا"])))
    elif t == 2:
        parts.append(d.draw(st.sampled_from(["ألفان", "ألفين"])))
    elif 3 <= t <= 10:
        parts.append(f"{d.draw(st.sampled_from(UNIT_M[t]))} آلاف")
    elif t:
        low = t % 100
        # 11–99 (after any hundreds) take the accusative ألفًا; round hundreds the genitive ألف
        scale = d.draw(st.sampled_from(["ألفا", "ألف"])) if low > 10 else "ألف"
        if 3 <= low <= 10:
            scale = "آلاف"                                  # مئة وخمسة آلاف
        parts.append(f"{below_1000(t, d, construct=True)} {scale}")
    if r:
        parts.append(below_1000(r, d))
    text = " و".join(parts)
    return d.draw(st.sampled_from(CLITICS)) + text


@SETTINGS
@given(st.integers(min_value=0, max_value=999_999), st.data())
def test_words_round_trip(n, data):
    text = words(n, data)
    assert parse_number(text) == n, text


@SETTINGS
@given(st.integers(min_value=0, max_value=999), st.data())
def test_small_words_round_trip(n, data):
    # small numbers get their own budget: most victims counts are below 1000
    text = words(n, data)
    assert parse_number(text) == n, text


@SETTINGS
@given(st.integers(min_value=0, max_value=999_999), st.sampled_from(["plain", ",", "٬"]), st.booleans())
def test_digits_round_trip(n, sep, eastern):
    text = str(n) if sep == "plain" else f"{n:,}".replace(",", sep)
    if eastern:
        text = text.translate(EASTERN)
    assert parse_number(text) == n, text


@SETTINGS
@given(st.integers(min_value=1, max_value=999), st.booleans())
def test_mixed_digits_and_scale(k, eastern):
    scale = "آلاف" if 3 <= k <= 10 else "ألف"
    text = f"{k} {scale}"
    if eastern:
        text = text.translate(EASTERN)
    assert parse_number(text) == k * 1000, text


@SETTINGS
@given(st.integers(min_value=1, max_value=999_999), st.data())
def test_count_in_a_sentence(n, data):
    # the same words inside a sentence are one quantity whose span is exactly the number
    text = words(n, data)
    sentence = f"قال المصدر إن {text} أشخاص قتلوا"
    norm = normalize_key(sentence)
    qs = [q for q in find_quantities(norm) if q.best == n]
    assert qs, sentence
    q = qs[0]
    assert (q.low, q.best, q.high) == (n, n, n)
    assert norm[q.start:q.end] == normalize_key(text).strip()


@SETTINGS
@given(st.integers(min_value=21, max_value=99).filter(lambda n: n % 10), st.booleans(), st.data())
def test_definite_compounds(n, fem, data):
    # "الخمسة والعشرين": the article repeats on each part of a definite number
    unit = data.draw(st.sampled_from((UNIT_F if fem else UNIT_M)[n % 10]))
    tens = data.draw(st.sampled_from(TENS[n - n % 10]))
    text = f"ال{unit} وال{tens}"
    assert parse_number(text) == n, text


@SETTINGS
@given(st.integers(min_value=1, max_value=999), st.integers(min_value=1, max_value=999), st.booleans(), st.data())
def test_digits_scale_and_rest(k, rest, words_rest, data):
    # "12 ألفا و500", "3 آلاف وخمسمئة": digits with a scale, then the rest after و
    scale = "آلاف" if 3 <= k <= 10 else "ألفا"
    rest_text = below_1000(rest, data) if words_rest else str(rest)
    text = f"{k} {scale} و{rest_text}"
    assert parse_number(text) == k * 1000 + rest, text
