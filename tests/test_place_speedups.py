"""The place stage's speed-ups (issue 4) find exactly what the plain paths find.

`WordMatcher` (gazetteer names read word by word) must give `PhraseMatcher.find_all`'s
matches, fields and order; the per-name memos of disambiguation must not let one
gazetteer's or one document's candidates leak into another's places. Texts written for
these tests.
"""
from __future__ import annotations

import bisect
import math
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


# --------------------------------------------------------------------------- disambiguation memos

def test_region_memo_answers_as_the_lookup(real: gz.Gazetteer) -> None:
    names = ["حلب", "إدلب", "محافظة حماة", "دير الزور", "صنعاء", "الحديدة", "كلمةليستمكانا"]
    real._region_of.clear()
    plain = [real._region(n) for n in names]
    assert sum(p is not None for p in plain) >= 5 and plain[-1] is None
    assert [real.region(n) for n in names] == plain          # filled
    assert [real.region(n) for n in names] == plain          # read back
    assert all(a is b for a, b in zip((real.region(n) for n in names), plain))


def _ambiguous(real: gz.Gazetteer) -> list[list]:
    # names with homonyms in several countries, as the index lists them
    out = []
    for name in ("دوما", "قصير", "بصيرة", "ثورة", "رأس العين", "تل أبيض"):
        cands = real.places_of(places.name_key(name))
        if len({c.country for c in cands}) >= 2:
            out.append((places.name_key(name), cands))
    assert len(out) >= 3
    return out


def _hit(key: str, cands: list, prefix: str = "") -> places._Hit:
    return places._Hit(0, len(key), 0, key, prefix, list(cands), [], None, "في", 0, license="preposition")


def test_base_scores_keep_the_plain_ranking_rest_and_share(real: gz.Gazetteer) -> None:
    rested = 0
    for key, cands in _ambiguous(real):
        pk = places._Pick(_hit(key, cands), tuple(cands))
        admins = sorted(pk.admins)
        for ctx in [(False, False, None, frozenset(), frozenset()),
                    (True, False, "SY", frozenset(admins[:1]), frozenset(admins)),
                    (False, False, "IQ", frozenset(), frozenset(admins[-1:])),
                    (False, True, "LB", frozenset(admins[1:2]), frozenset())]:
            scored, scores, i, ranked, keep, rest, rest_scores, share = places._base_scores(pk, *ctx)
            top = max(scores)
            kept = {j for j, s in enumerate(scores) if s >= top - places._MAX_BONUS}
            assert rest == [(s, c, w) for (s, w), c, j in zip(scored, pk.cands, range(len(scored))) if j not in kept]
            assert rest_scores == [x[0] for x in rest]
            assert share == 1.0 / sum(math.exp(s - top) for s in scores)
            assert share == places._share(list(scores))
            rested += len(rest)
    assert rested > 0           # some candidates lie beyond the reach of any bonus


def _rescore_plain(cands, based, keep, geo, nearest) -> list:
    """The coherence rescoring as _disambiguate wrote it inline before (the slow path)."""
    near_text = [(p.lat, p.lon, p) for _, _, p, _, _ in nearest]
    scored = []
    for i in keep:
        c = cands[i]
        s, why = based[i]
        if near_text and geo[i] is not None:
            clat, clon, kx = geo[i]
            best, near = math.inf, None
            for plat, plon, p in near_text:
                dx, dy = (plon - clon) * kx, (plat - clat) * 110.57
                d2 = dx * dx + dy * dy
                if d2 < best:
                    best, near = d2, p
            dmin = math.sqrt(best)
            bonus = 2.0 if dmin < 15 else 1.5 if dmin < 40 else 0.8 if dmin < 100 else 0.0
            if bonus:
                s += bonus
                why = why + [f"+{bonus:g} {dmin:.0f} km from {near.name_ar}"]
        scored.append((s, c, why))
    scored.sort(key=lambda x: x[0], reverse=True)
    return scored


def test_rescore_is_the_inline_coherence_loop(real: gz.Gazetteer) -> None:
    towns = [p for name in ("حلب", "إدلب", "حمص", "دمشق", "الموصل", "صنعاء", "بيروت", "الرقة", "طرطوس")
             for p in real.places_of(places.name_key(name)) if p.lat is not None and p.placetype == "locality"]
    assert len(towns) >= 6
    anchors = [(10 * k, p.name_ar, p, p.lat, p.lon) for k, p in enumerate(towns)]
    bonuses = 0
    for key, cands in _ambiguous(real):
        pk = places._Pick(_hit(key, cands), tuple(cands))
        scored = [(1.0 + 0.1 * j, [f"why {j}"]) for j in range(len(pk.cands))]
        keep = list(range(len(pk.cands)))
        for nearest in (anchors[:6], anchors[3:9], anchors[-2:], []):
            got = places._rescore(pk.cands, scored, keep, pk.geo, nearest)
            assert got == _rescore_plain(pk.cands, scored, keep, pk.geo, nearest)
            bonuses += sum(len(w) > 1 for _, _, w in got)
    assert bonuses > 0          # some candidates do lie near an anchor


def test_ta_marbuta_is_read_only_where_it_weighs() -> None:
    lex = places.load_lexicon()
    words = sorted(lex.common)[:400]
    words += [w + x for w in words[:100] for x in ("ه", "ها", "هم")] + ["و" + w for w in words[:50]]
    for w in words:
        if not w.endswith("ه"):
            assert places._is_common(w, w, w, lex.common, True) == places._is_common(w, w, w, lex.common, False), w


def test_local_word_is_the_normalised_check() -> None:
    for w in ("محلية", "محليات", "محليه", "محلي", "المحلية", "مدينة", "قرية"):
        assert places._local_word(w) == (places.normalize_key(w) in places._LOCAL), w


# Team-written: homonyms (دوما, القصير), a quarter named twice, relative words, a capital.
MEMO_TEXTS = [
    "قصفت قوات النظام مدينة دوما في ريف دمشق، وسقطت قذائف على بلدة القصير غرب حمص، "
    "ونزح عشرات الأهالي نحو حرستا وعربين.",
    "سقطت قذيفة على حي الجحملية بمدينة تعز صباح اليوم. وبعد ساعات تجدد القصف على حي الجحملية "
    "وأصيب طفلان، فيما شهدت مديرية صبر الموادم اشتباكات متقطعة.",
    "أفاد مصدر محلي بأن غارة استهدفت أطراف بلدة رأس العين شمال الحسكة، وأخرى جنوب تل أبيض، "
    "قبل أن تمتد الاشتباكات إلى العاصمة دمشق.",
]


def test_cold_and_warm_memos_place_alike(real: gz.Gazetteer) -> None:
    docs = [build_doc(t) for t in MEMO_TEXTS]
    places._PICKS.clear()
    places._STATIC.clear()
    real._region_of.clear()
    cold = [_dump(places.find_places(d, real)) for d in docs]
    warm = [_dump(places.find_places(d, real)) for d in reversed(docs)][::-1]
    assert warm == cold
    named = [m[2] for ms in cold for m in ms]
    assert "دوما" in named and "تعز" in named
    # the quarter named again is placed in the town named with it the first time
    quarter = [m for m in cold[1] if m[2] == "حي الجحملية"]
    assert len(quarter) == 2 and all(m[3] is not None and m[6] == "YE" for m in quarter)


def test_a_main_country_no_candidate_lies_in_scores_as_none(real: gz.Gazetteer) -> None:
    for key, cands in _ambiguous(real):
        pk = places._Pick(_hit(key, cands), tuple(cands))
        absent = next(c for c in ("SO", "EG", "LY", "SD", "TR") if c not in pk.countries)
        for article in (False, True):
            sent = frozenset(sorted(pk.admins)[:1])
            assert places._base_scores(pk, article, False, absent, sent, frozenset()) \
                == places._base_scores(pk, article, False, None, sent, frozenset())
        present = next(iter(pk.countries))          # (and one that is there does weigh)
        assert places._base_scores(pk, False, False, present, frozenset(), frozenset())[0] \
            != places._base_scores(pk, False, False, None, frozenset(), frozenset())[0]


def _cue_index_plain(lex, norm: str, doc) -> tuple[dict, dict, set]:
    """_cue_index as written before its spans were sorted as pairs (the slow path)."""
    spans: dict = {}
    for m in places._find_all(lex.cues, norm, doc):
        spans.setdefault((m.word_start, m.word_end), []).append(m)
    by_end, by_start, definite = {}, {}, set()
    covered = -1
    for (ws, we), ms in sorted(spans.items(), key=lambda kv: (kv[0][0], kv[0][0] - kv[0][1])):
        if ws < covered:
            continue
        vals = []
        for m in ms:
            vals += places._DEF_FILTER(m.values) if m.prefix.endswith("ال") else m.values
        if not vals:
            if len(ms) == 1:
                definite.add((ws, we))
            continue
        best = max(ms, key=lambda m: len(m.key))
        by_end[we] = by_start[ws] = (best.start, best.end, ws, we, best.key, tuple(vals), best.prefix)
        covered = we
    return by_end, by_start, definite


def test_cue_index_orders_spans_as_the_key_function_did() -> None:
    lex = places.load_lexicon()
    for text in MEMO_TEXTS + TEXTS + ["تقع القرية شمال غرب المدينة بالقرب من الطريق، وفي محيط البلدة حاجز للجيش.",
                                      "قصف على الأحياء الشمالية الغربية لمدينة حلب وفي المدخل الجنوبي للمخيم."]:
        doc = build_doc(text)
        definite: set = set()
        by_end, by_start = places._cue_index(lex, doc.norm, definite, doc)
        plain_end, plain_start, plain_definite = _cue_index_plain(lex, doc.norm, doc)
        sig = {k: (m.start, m.end, m.word_start, m.word_end, m.key, tuple(m.values), m.prefix) for k, m in by_end.items()}
        assert sig == plain_end and list(sig) == list(plain_end), text
        assert {k: (m.start, m.end, m.word_start, m.word_end, m.key, tuple(m.values), m.prefix)
                for k, m in by_start.items()} == plain_start
        assert definite == plain_definite


def _nearest_plain(anchors: list, starts: list[int], pos: int, key: str) -> list:
    """_nearest_anchors as written before it counted down (the slow path)."""
    out: list = []
    hi = bisect.bisect_left(starts, pos)
    lo = hi - 1
    while len(out) < places._ANCHORS and (lo >= 0 or hi < len(anchors)):
        if hi >= len(anchors) or lo >= 0 and pos - starts[lo] <= starts[hi] - pos:
            a = anchors[lo]
            lo -= 1
        else:
            a = anchors[hi]
            hi += 1
        if a[1] != key:
            out.append(a)
    return out


def test_nearest_anchors_are_the_plain_walk() -> None:
    keys = ["حلب", "ادلب", "حلب", "حماه", "حمص", "حلب", "دمشق", "درعا", "ادلب", "الرقه", "حلب", "دوما"]
    for n in range(len(keys) + 1):
        anchors = [(7 * k + (k % 3), keys[k], None, 0.0, 0.0) for k in range(n)]
        starts = [a[0] for a in anchors]
        for pos in range(-3, 7 * n + 6):
            for key in ("حلب", "ادلب", "صنعاء"):
                assert places._nearest_anchors(anchors, starts, pos, key) == _nearest_plain(anchors, starts, pos, key)
