"""Speed-ups of the stages other than places (issue 6): each keeps what the slower way
gave. Texts are team-written."""
from __future__ import annotations

import gc

import rasd
from rasd import batch

# A short report and a page with a date line, a share bar and a related link.
REPORT = ("قتل ثلاثة مدنيين وأصيب خمسة آخرون بقصف مدفعي استهدف سوقا شعبيا في بلدة كفرنبل جنوب إدلب "
          "صباح اليوم، وفق ما أفاد الدفاع المدني. وقال مصدر محلي إن القصف طال أيضا أطراف البلدة.")
PAGE = ("الرئيسية | أخبار | تقارير\n"
        "غارة بطائرة مسيرة على سيارة قرب مأرب\n"
        "الأحد 12 أيار 2024 - 10:45 ص\n"
        "استهدفت طائرة مسيرة سيارة على الطريق الدولي شرق مدينة مأرب مساء السبت، ما أدى إلى مقتل "
        "شخصين، بحسب مصادر قبلية. ولم تعلن أي جهة مسؤوليتها عن الهجوم حتى الآن.\n"
        "شارك الخبر: فيسبوك تويتر واتساب\n"
        "اقرأ أيضا: اشتباكات في تعز\n")


def _records() -> list[list[dict]]:
    return [[r.to_dict() for r in rasd.extract(t, published="2024-05-12")] for t in (REPORT, PAGE)]


def test_batch_processes_collect_young_objects_less_often_with_the_same_records() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, *before[1:])
        slow = _records()
        batch._warm()
        assert gc.get_threshold()[0] == batch.GC_YOUNG_THRESHOLD > 700
        assert gc.get_threshold()[1:] == before[1:]        # older generations as they were
        assert _records() == slow and any(slow)
    finally:
        gc.set_threshold(*before)


def test_a_range_is_walked_as_a_slice_with_the_same_hits() -> None:
    import ahocorasick

    from rasd.lexicon import range_hits

    auto = ahocorasick.Automaton()
    for key in ("قصف", "القصف", "قصف مدفعي", "مدني", "ف"):
        auto.add_word(key, key)
    auto.make_automaton()
    text = REPORT.replace("بقصف مدفعي", "بالقصف المدفعي وقصف مدفعي")
    n = len(text)
    ranges = [(s, e) for s in range(0, n + 1, 7) for e in range(s, n + 1, 11)]
    ranges += [(0, n), (0, 0), (n, n), (5, 3), (0, n + 40), (-4, n), (0, -1), (-9, -2)]
    for start, end in ranges:
        hits, base = range_hits(auto, text, start, end)
        # beyond the text the range is clipped (the automaton would read past the string)
        lo, hi = max(0, start), min(end, n)
        want = list(auto.iter(text, lo, hi)) if lo < hi else []
        assert [(last + base, v) for last, v in hits] == want, (start, end)


def test_tokens_are_the_runs_of_word_characters() -> None:
    import re

    from rasd.doc import TokenList

    texts = [REPORT, PAGE, "", " ", "قصف", "  قصف، مدفعي!  ", "مراسل_نا 12,500 نازح (قسد) - ٣ قتلى",
             "...؟؟", "GMT 10:45 ص", "a_b __ c"]
    for text in texts:
        tokens = TokenList(text)
        found = list(re.finditer(r"\w+", text))
        assert [(t.start, t.end, t.text) for t in tokens] == [(m.start(), m.end(), m.group()) for m in found]
        assert tokens.starts == [m.start() for m in found] and tokens.ends == [m.end() for m in found]


def test_letters_counted_by_runs_decide_as_letters_counted_one_by_one() -> None:
    import re

    from rasd import inputs

    def slow(text: str) -> str | None:
        if not text.strip():
            return "empty document"
        sample = text[:20000]
        letters = len(re.findall(r"[^\W\d_]", sample))
        arabic = len(re.findall(r"[\u0621-\u064A\u0671-\u06D3\u06FA-\u06FC]", sample))
        if arabic == 0:
            return "no Arabic text"
        if arabic < inputs.MIN_ARABIC_SHARE * letters:
            return f"no Arabic text (only {100 * arabic // letters}% of letters are Arabic)"
        return None

    english = "Shelling hit the market in the town this morning, killing three civilians. "
    texts = [REPORT, PAGE, "", "  \n", english, english * 3 + "قصف", english * 3 + REPORT[:60],
             english + REPORT[:40], "ﻻ ﷲ ٱلْحَمْدُ ١٢٣", "a_b ـ 12 دمشق_x", REPORT * 120]
    for text in texts:
        assert inputs.check_text(text) == slow(text), text[:30]
    assert inputs.check_text(english * 3 + "قصف") is not None and inputs.check_text(REPORT) is None
