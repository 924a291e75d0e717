"""The place stage's speed-ups (issue 4) find exactly what the plain paths find.

`WordMatcher` (gazetteer names read word by word) must give `PhraseMatcher.find_all`'s
matches, fields and order; the per-name memos of disambiguation must not let one
gazetteer's or one document's candidates leak into another's places. Texts written for
these tests.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from rasd import gazetteer as gz
from rasd import places
from rasd.lexicon import NOUN_PREFIXES, PRONOUN_SUFFIXES, PhraseMatcher
from rasd.pipeline import build_doc

FIXTURE = Path(__file__).parent / "fixtures" / "gazetteer"

NAMES = ["الرقة", "الحسكة", "دير الزور", "تل أبيض", "كفر نبودة", "بئر الشيخ سعيد", "الشيخ سعيد", "سعيد",
         "رأس العين", "العين", "عين", "نبودة"]

TEXTS = [
    "قصفت المدفعية أطراف الرقة وللحسكة نصيب من القصف، وسقطت قذائف بدير الزور.",
    "وصلت تعزيزات إلى تل أبيض ورأس العين، ثم انسحبت نحو كفر نبودة وبكفرنبودة.",
    "قتل راع قرب بئر الشيخ سعيد، وقال الشيخ سعيد إن العين جفت في عين الماء.",
    "الرقة",
    "دير الزور: غارتان على الحسكة، وفالرقة هادئة، ولدير الزور طريقان.",
    "بئر  الشيخ سعيد (بمسافتين) ثم بئر الشيخ-سعيد، وبالعين والعينين وعيني.",
    "سعيد سعيد سعيد، ولسعيد وللسعيد وكالعين فبالعين.",
]


def _sig(matches: list) -> list[tuple]:
    return [(m.start, m.end, m.word_start, m.word_end, m.key, m.values, m.prefix) for m in matches]


def _read(reader: gz.WordMatcher, text: str) -> list:
    doc = build_doc(text)
    t = doc.tokens
    return reader.find_all(doc.norm, t.starts, t.ends, gz.token_words(t))


def test_word_matcher_finds_what_the_automaton_finds() -> None:
    matcher = PhraseMatcher([(n, n) for n in NAMES], prefixes=gz.MATCH_PREFIXES)
    reader = gz.WordMatcher.of(matcher)
    assert reader is not None
    total = 0
    for text in TEXTS:
        norm = build_doc(text).norm
        want = _sig(matcher.find_all(norm))
        assert _sig(_read(reader, text)) == want, text
        assert _sig(_read(reader, text)) == want, text      # and again from its word cache
        total += len(want)
    assert total > 20      # the texts do name the places: clitics, many-word names, للـ


def test_word_matcher_declines_what_it_cannot_read() -> None:
    with_suffixes = PhraseMatcher([("قصف", 1)], prefixes=NOUN_PREFIXES, suffixes=PRONOUN_SUFFIXES)
    assert gz.WordMatcher.of(with_suffixes) is None
    whole = PhraseMatcher([("الد", 1)], whole_words=["والدهم"])
    assert gz.WordMatcher.of(whole) is None
    assert gz.WordMatcher.of(PhraseMatcher([])) is not None


@pytest.fixture(scope="module")
def real() -> gz.Gazetteer:
    try:
        return gz.get_gazetteer()
    except gz.GazetteerError:
        pytest.skip("gazetteer index not available")


def test_gazetteer_find_all_is_the_matchers(real: gz.Gazetteer) -> None:
    texts = TEXTS + [
        "شنت طائرات حربية غارات على بلدتي معرة النعمان وخان شيخون في ريف إدلب الجنوبي.",
        "قُتل ثلاثة مدنيين بقصف على حي الشيخ مقصود في مدينة حلب، ونزح العشرات نحو عفرين.",
        "أعلنت السلطات في صنعاء عن غارة على مديرية الصفراء بمحافظة صعدة.",
        "وقع انفجار قرب سوق الخضار في الموصل، وأغلقت القوات الطريق إلى تلعفر وسنجار.",
    ]
    found = 0
    for text in texts:
        doc = build_doc(text)
        want = _sig(real.matcher.find_all(doc.norm))
        assert _sig(real.find_all(doc.norm, doc.tokens)) == want, text
        found += len(want)
    assert found > 30


def test_underscore_falls_back_to_the_automaton(real: gz.Gazetteer) -> None:
    # an underscore joins two words for the tokens, not for the matcher
    doc = build_doc("قصف على حلب_الرقة ودير الزور")
    assert _sig(real.find_all(doc.norm, doc.tokens)) == _sig(real.matcher.find_all(doc.norm))


def _dump(mentions: list) -> list[tuple]:
    return [(m.start, m.end, m.mention, m.place, m.kind, m.admin1, m.country, m.score, m.reason, m.license,
             [(s, p.id, list(w)) for s, p, w in m.ranked]) for m in mentions]


def test_memos_do_not_carry_one_gazetteers_candidates_to_another(real: gz.Gazetteer, tmp_path: Path) -> None:
    fixture = gz.Gazetteer.load(gz.build(FIXTURE, tmp_path / "index.sqlite"))
    texts = ["قصفت قوات النظام بلدة كفر سامبل وقرية المثال في وادي التجربة صباح اليوم.",
             "سقطت قذائف على قرية المثال، وفرّ الأهالي من كفرسامبل نحو مثال."]
    docs = [build_doc(t) for t in texts]
    places._PICKS.clear()
    fresh = [_dump(places.find_places(d, fixture)) for d in docs]
    assert any(m[3] is not None and m[3].id.startswith("wof:900") for ms in fresh for m in [x for x in ms])
    for d in docs:
        places.find_places(d, real)          # the same names, the real index's places
    again = [_dump(places.find_places(d, fixture)) for d in reversed(docs)][::-1]
    assert again == fresh


def test_place_cues_read_word_by_word_are_the_automatons() -> None:
    cues = places.load_lexicon().cues
    assert places._word_reader(cues) is not None
    texts = TEXTS + ["تقع القرية شمال غرب المدينة بالقرب من الطريق، وفي محيط البلدة حاجز للجيش.",
                     "قصفت الطائرات أطراف بلدة كفرنبل وريف إدلب الجنوبي وشرقي مدينة حماة."]
    for text in texts:
        doc = build_doc(text)
        assert _sig(places._find_all(cues, doc.norm, doc)) == _sig(cues.find_all(doc.norm)), text
