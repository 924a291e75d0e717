"""The shared whole-text scan: lexicons that read a document whole walk one automaton
over their union, and each must find exactly what its own automaton finds."""
from __future__ import annotations

import gc

import pytest

from rasd import lexicon
from rasd.lexicon import NOUN_PREFIXES, PRONOUN_SUFFIXES, VERB_PREFIXES, PhraseMatcher

# Team-written reports, each long enough (> 256 characters) to be scanned whole.
REPORTS = [
    "قالت مصادر محلية إن طائرة مسيرة استهدفت سيارة على طريق المطار جنوب المدينة صباح اليوم، "
    "ما أسفر عن مقتل ثلاثة أشخاص وإصابة آخرين بجروح. وأضافت المصادر أن القصف المدفعي طال "
    "أطراف البلدة للمرة الثانية خلال أسبوع، فيما نفى المتحدث باسم الجيش أي علاقة بالهجوم. "
    "وللنازحين في المخيمات نصيب من القصف، إذ قتلهم الرصاص وهم في طريقهم إلى السوق.",
    "أفاد مراسلنا بأن اشتباكات عنيفة اندلعت بين قوات الأمن ومسلحين مجهولين في حي الشهداء، "
    "واستمرت حتى ساعات الفجر. وذكرت وزارة الصحة أن حصيلة الضحايا ارتفعت إلى سبعة قتلى، "
    "بينهم طفلان وامرأة، وأن فرق الإسعاف نقلت الجرحى إلى المستشفى الوطني. ووالدهم قال إن "
    "المسلحين هاجموا المنزل واعتقلوا شقيقه قبل أن ينسحبوا باتجاه الوادي.",
    "نظم مئات المتظاهرين وقفة احتجاجية أمام مبنى المحافظة للمطالبة بالإفراج عن المعتقلين، "
    "وأطلقت الشرطة الغاز المسيل للدموع لتفريقهم. وقال ناشطون إن قوات الأمن اعتقلت عشرة "
    "شبان على الأقل، بينما أعلنت اللجنة المنظمة أن الاحتجاجات ستستمر حتى تتحقق المطالب. "
    "وفي سياق متصل، استهدف قصف صاروخي مستودعا للوقود في المنطقة الصناعية دون وقوع إصابات.",
]


def _matchers() -> list[PhraseMatcher]:
    # Overlapping keys across lexicons ("القصف" twice, "قصف" inside it), entries behind
    # clitics, suffixed verbs, the لل contraction and a word that is never read as clitics.
    return [
        PhraseMatcher([("القصف", "shelling"), ("قصف صاروخي", "missile"), ("اشتباكات", "clash"),
                       ("المتظاهرين", "protesters"), ("الضحايا", "victims")]),
        PhraseMatcher([("قصف", "act"), ("القصف", "act2"), ("مسيرة", "drone"), ("النازحين", "idp")]),
        PhraseMatcher([("قتل", "kill"), ("هاجموا", "attack"), ("اعتقل", "arrest"), ("استهدف", "target")],
                      prefixes=VERB_PREFIXES, suffixes=PRONOUN_SUFFIXES),
        PhraseMatcher([("دهم", "raid"), ("اعتقال", "arrest"), ("قال", "say")], prefixes=NOUN_PREFIXES,
                      suffixes=PRONOUN_SUFFIXES, whole_words=["ووالدهم", "والدهم"]),
        PhraseMatcher([("مصادر محلية", "local"), ("وزارة الصحة", "health"), ("ناشطون", "activists")]),
    ]


def _rows(found) -> list[tuple]:
    return [(m.start, m.end, m.word_start, m.word_end, m.key, m.values, m.prefix) for m in found]


class _Alone:
    """Sharing switched off: every lexicon walks its own automaton."""

    def hits(self, matcher, text):
        return None


def _alone(matchers, text, monkeypatch, start=0, end=None) -> list[list[tuple]]:
    with monkeypatch.context() as mp:
        mp.setattr(lexicon, "_SHARED", _Alone())
        return [_rows(m.find_all(text, start, end)) for m in matchers]


def test_shared_scan_finds_what_each_lexicon_finds_alone(monkeypatch):
    shared = lexicon._SharedScan()
    monkeypatch.setattr(lexicon, "_SHARED", shared)
    matchers = _matchers()
    texts = [r + "\n" + r for r in REPORTS]       # distinct string objects, each scanned whole
    assert all(len(t) > lexicon._SHORT for t in texts)
    for t in texts:
        expected = _alone(matchers, t, monkeypatch)
        assert any(expected), "the reports must hold entries of the lexicons"
        assert [_rows(m.find_all(t)) for m in matchers] == expected
        # a second reader of the same text takes the stored hits
        assert [_rows(m.find_all(t)) for m in matchers] == expected
    # from the second text on, all of them read one union automaton
    assert {shared._state[1].get(m) for m in matchers} == set(range(len(matchers)))


def test_lexicons_that_come_and_go_keep_their_own_hits(monkeypatch):
    shared = lexicon._SharedScan()
    monkeypatch.setattr(lexicon, "_SHARED", shared)
    matchers = _matchers()
    for t in REPORTS[:2]:
        for m in matchers:
            m.find_all(t)
    del matchers[1]                     # a member dies: its index stays in the union
    gc.collect()
    newcomer = PhraseMatcher([("الغاز المسيل للدموع", "gas"), ("الشرطة", "police")])
    matchers.append(newcomer)
    for t in REPORTS[1:] + [REPORTS[0] + " "]:
        expected = _alone(matchers, t, monkeypatch)
        assert [_rows(m.find_all(t)) for m in matchers] == expected
    assert shared._state[1].get(newcomer) is not None


def test_ranges_and_large_lexicons_scan_alone(monkeypatch):
    shared = lexicon._SharedScan()
    monkeypatch.setattr(lexicon, "_SHARED", shared)
    monkeypatch.setattr(lexicon._SharedScan, "MAX_KEYS", 3)
    small, large = _matchers()[4], _matchers()[0]        # 3 keys, 5 keys
    text = REPORTS[0]
    for _ in range(2):
        small.find_all(text + "")
        large.find_all(text)
    assert shared._state[1].get(small) is not None and shared._state[1].get(large) is None
    # a part of a text is never read from the whole-text hits
    lo, hi = text.index("وأضافت"), text.index("فيما")
    got = _rows(large.find_all(text, lo, hi))
    assert got and got == _alone([large], text, monkeypatch, lo, hi)[0]
    assert all(lo <= r[2] and r[3] <= hi for r in got)


def test_records_are_the_same_with_and_without_sharing(monkeypatch):
    import rasd

    def run():
        return [[r.to_dict() for r in rasd.extract(t, published="2024-05-02")] for t in REPORTS]

    with monkeypatch.context() as mp:
        mp.setattr(lexicon, "_SHARED", _Alone())
        alone = run()
    shared = lexicon._SharedScan()
    monkeypatch.setattr(lexicon, "_SHARED", shared)
    assert run() == alone and any(alone)
    assert len(shared._state[1]) >= 5      # rasd's own lexicons read the union


def test_document_tokens_stand_for_the_lexicons_word_bounds(monkeypatch):
    from rasd.doc import Doc

    monkeypatch.setattr(lexicon, "_last_bounds", (None, [], []))
    text = REPORTS[1] + " 12,500 نازح"
    doc = Doc.from_text(text)
    shared = lexicon._word_bounds(doc.norm)
    monkeypatch.setattr(lexicon, "_last_bounds", (None, [], []))
    assert shared[0] is doc.tokens.starts and shared == lexicon._word_bounds(doc.norm)
    # an underscore is a word character of the tokens but not of the lexicons
    doc = Doc.from_text(text.replace("مراسلنا", "مراسل_نا"))
    assert lexicon._last_bounds[0] is not doc.norm
    assert len(lexicon._word_bounds(doc.norm)[0]) == len(doc.tokens) + 1


def test_threads_reading_different_texts_get_their_own_hits(monkeypatch):
    from concurrent.futures import ThreadPoolExecutor

    matchers = _matchers()
    texts = [r * 2 for r in REPORTS] * 4
    expected = {id(t): _alone(matchers, t, monkeypatch) for t in texts}
    monkeypatch.setattr(lexicon, "_SHARED", lexicon._SharedScan())

    def read(t: str) -> bool:
        return all([_rows(m.find_all(t)) for m in matchers] == expected[id(t)] for _ in range(5))

    with ThreadPoolExecutor(4) as pool:
        assert all(pool.map(read, texts * 3))
