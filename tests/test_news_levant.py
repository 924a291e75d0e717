"""Team-written short news from Syria, Iraq, Lebanon and Palestine: the families of errors
found on the eval/news/levant sets, each case a fresh sentence (not an eval text).

Every case lists the records it must yield (partial records compared with
`tests.test_engine._match`); `n` is the exact number of event records.
"""
from __future__ import annotations

import pytest

import rasd

from test_engine import _match


def C(id, text, published, n=None, *want):
    case = dict(id=id, text=text, published=published, want=list(want))
    if n is not None:
        case["n"] = n
    return case


W = dict   # a partial record

CASES = [
    # ------------------------------------------------ a village, then the phrase that situates it
    C("ps-village-east-of-town",
      "داهمت قوات الاحتلال قرية عزون شرق قلقيلية واعتقلت أربعة شبان.", "2023-02-02", 1,
      W(sub_event_type="Arrests", place="عزون", inter1=8)),
    C("sy-town-in-countryside-region",
      "نفذت قوات الأمن حملة مداهمات في بلدة الشحيل بريف دير الزور الشرقي، أسفرت عن اعتقال ثلاثة مطلوبين.",
      "2022-04-04", 1,
      W(sub_event_type="Arrests", place="الشحيل", admin1="Deir ez-Zor")),
    C("sy-village-countryside-and-direction",
      "قتل مسلحون مجهولون مزارعا في قرية كفرصفرة بريف جنديرس شمال غرب حلب.", "2021-03-03", 1,
      W(place="كفرصفرة")),
    # ------------------------------------------------ a camp is coded at the town it adjoins
    C("sy-camp-named-after-town",
      "قتل لاجئ عراقي برصاص مجهولين داخل مخيم الهول شرق الحسكة.", "2022-06-01", 1,
      W(sub_event_type="Attack", place="الهول", admin1="Al-Hasakah")),
    C("lb-camp-near-city",
      "اندلعت اشتباكات بين مسلحين في مخيم عين الحلوة قرب صيدا أسفرت عن مقتل شخص.", "2023-08-01", 1,
      W(rasd_type="armed_clash", place="عين الحلوة", country="LB", fatalities=1)),
    # ------------------------------------------------ adjectives and body parts are not places
    C("iq-strategic-town",
      "سيطرت القوات العراقية على مدينة بيجي الاستراتيجية بعد معارك مع تنظيم داعش.", "2015-10-20", 1,
      W(sub_event_type="Government regains territory", place="بيجي")),
    C("ps-wound-in-chest",
      "استشهد شاب برصاص قناص إسرائيلي أصابه في الصدر في بلدة الخضر جنوب بيت لحم.", "2023-03-03", 1,
      W(place="الخضر", fatalities=1)),
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    records = [r.to_dict() for r in rasd.extract(case["text"], published=case["published"])]
    events = [r for r in records if r["record_kind"] == "event"]
    if "n" in case:
        assert len(events) == case["n"], records
    assert case["want"] or "n" in case, "a case must assert something"
    for want in case["want"]:
        assert any(_match(r, want) for r in events), (want, records)
    for r in records:
        for ev in r["evidence"]:
            assert case["text"][ev["start"]:ev["end"]] == ev["text"]


def test_camp_keeps_its_words_and_takes_the_town():
    r = next(r.to_dict() for r in rasd.extract("اقتحمت قوات الاحتلال مخيم جنين واعتقلت شابين.", published="2023-01-01"))
    assert r["location"]["mention"] == "مخيم جنين"
    assert r["location"]["name_ar"] == "جنين" and r["location"]["geo_precision"] == 2
    # a camp named after no notable town stays an unlisted site
    from rasd.places import geocode
    got = geocode("قصف الطيران مخيم اليرموك جنوب دمشق.").places
    assert got[0].mention == "مخيم اليرموك" and got[0].place is None
