"""The place stage's shortcuts find exactly what the plain paths find.

`Gazetteer.places_of` stands in for `places(keys[key])`, and per-place/per-string caches
for recomputation; these tests pin them to the reference paths on sentences written for
them, and check that nothing one document leaves in a cache changes another's places.
"""
from __future__ import annotations

import pytest

from rasd import gazetteer as gz
from rasd.pipeline import build_doc
from rasd.places import _is_common, _static, find_places, load_lexicon

TEXTS = [
    "قصفت قوات النظام بلدة كفرنبودة وقرية الهبيط في ريف حماة الشمالي صباح اليوم.",
    "وسقطت قذائف على حي الميدان في مدينة حلب، وأصيب ثلاثة مدنيين بجروح.",
    "أفاد مراسلنا بأن غارة جوية استهدفت سوق بلدة معرة النعمان جنوب إدلب.",
    "اندلعت اشتباكات عنيفة شمال غرب الموصل بين القوات العراقية ومسلحين.",
    "وقال شهود إن الحادث وقع لحظة وقوعه قرب الطريق الواصل بين صنعاء والحديدة.",
    "قُتل شخصان بانفجار عبوة ناسفة في سوق للخضار بمدينة الرقة، ولحق الضرر بالمحال.",
    "وتوجهت قافلة مساعدات إلى دير الزور والبوكمال عبر طريق حلب - دمشق الدولي.",
    "شنت الطائرات غارات على مواقع في الفاشر ونيالا، وفي بلدتي كنصفرة وسفوهن.",
    "نفى المتحدث باسم الجيش الوطني الليبي أي وجود لقواته في مدينة سرت أو محيطها.",
]


def _dump(mentions: list) -> list[tuple]:
    return [(m.start, m.end, m.mention, m.place, m.kind, m.geo_precision, m.admin1, m.country, m.score, m.reason,
             m.cue, m.countryside, m.candidates, m.license, m.ranked, m.site) for m in mentions]


@pytest.fixture(scope="module")
def gaz() -> gz.Gazetteer:
    try:
        return gz.get_gazetteer()
    except gz.GazetteerError:
        pytest.skip("gazetteer index not available")


def test_places_of_is_places_of_the_key_and_a_fresh_list(gaz: gz.Gazetteer) -> None:
    for key in ("حلب", "رقة", "حديدة", "no such key"):
        got = gaz.places_of(key)
        assert got == gaz.places(gaz.keys.get(key, ()))
        got.clear()
        assert gaz.places_of(key) == gaz.places(gaz.keys.get(key, ()))


def test_static_prior_is_recomputed_for_another_place_with_the_same_id() -> None:
    a = gz.Place("test:1", "قرية", "Village", "locality", "SY", "Idlib", "إدلب", None, 35.9, 36.6, 999, None, None)
    b = gz.Place("test:1", "المدينة", "Town", "region", "SY", "Idlib", "إدلب", None, None, None, 0, "PPLA", None)
    sa, sb = _static(a), _static(b)
    assert sa[0] is a and sb[0] is b
    assert sa[1] == pytest.approx(1.0 + 0.15 * 3.0, abs=1e-6) and sb[1] == pytest.approx(0.8 + 0.5)
    assert sa[2] == 0.0 and sb[2] == 1.5 and sb[3].startswith("+1.5 seat")
    assert sa[4] is False and sb[4] is True
    assert sa[5] > 0 and sb[5] == 0.0


def test_is_common_reads_the_word_with_and_without_its_clitics() -> None:
    common = load_lexicon().common
    word = sorted(w for w in common if len(w) > 3 and not w.startswith(("ال", "و", "ف")))[0]
    assert _is_common(word, word, word, common)
    assert _is_common("zzz", "zzz", "و" + word, common)           # و + a common word
    assert _is_common("zzz", "zzz", word + "ها", common)          # a common word + pronoun
    assert not _is_common("zzz", "zzz", "zzz", common)


def test_places_do_not_depend_on_the_documents_before(gaz: gz.Gazetteer) -> None:
    docs = [build_doc(t) for t in TEXTS]
    first = [_dump(find_places(d, gaz)) for d in docs]
    again = [_dump(find_places(d, gaz)) for d in reversed(docs)][::-1]
    assert first == again
    assert any(first)
