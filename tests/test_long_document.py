"""Long documents: the pipeline stays near-linear and merging stays exact.

A long report (a monthly digest, a scraped page of many bulletins) once made the
merging stage quadratic: every draft was compared with every group and every member.
The report here is team-written: a handful of short bulletin sentences, each repeated
with other towns, dates and numbers, two thousand of them in all.
"""
from __future__ import annotations

import pytest

import rasd
from rasd.assemble import assemble, sub_site
from rasd.merge import _dates_compatible, _groups, _places_compatible, _same_event, group_drafts
from rasd.pipeline import build_doc, find_mentions
from rasd.triggers import lexicon

TOWNS = ["دوما", "حرستا", "سراقب", "معرة النعمان", "جسر الشغور", "بنش", "تفتناز", "الأتارب", "كفرنبل", "خان شيخون"]
MONTHS = ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين الأول",
          "تشرين الثاني", "كانون الأول"]
BULLETINS = [
    "قصفت طائرات حربية بلدة {town} صباحا، ما أدى إلى مقتل {n} مدنيين وإصابة آخرين.",
    "وأفاد ناشطون بأن اشتباكات عنيفة دارت بين قوات النظام وفصائل المعارضة على أطراف {town}.",
    "واعتقلت دورية أمنية {n} شبان خلال حملة دهم في {town}.",
    "وقال الدفاع المدني إن قذيفة صاروخية سقطت على سوق {town} وأصابت {n} أشخاص بجروح.",
    "وخرج مئات المتظاهرين في {town} للمطالبة بالإفراج عن المعتقلين.",
    "وانفجرت عبوة ناسفة بسيارة عسكرية قرب {town}، دون ورود أنباء عن إصابات.",
    "وتجدد القصف على {town} مساء، فيما قتل {n} عناصر من قوات النظام بهجوم على حاجز قريب.",
]


def long_report(sentences: int) -> str:
    lines = ["حصاد الشهر: قصف واشتباكات واعتقالات في ريفي دمشق وإدلب"]
    for i in range(sentences):
        day, month = 1 + i % 28, MONTHS[(i // 28) % len(MONTHS)]
        body = BULLETINS[i % len(BULLETINS)].format(town=TOWNS[(i * 7) % len(TOWNS)], n=2 + i % 9)
        lines.append(f"وفي {day} {month} 2023، {body}")
    return "\n".join(lines)


def test_long_report_yields_records_with_exact_evidence():
    text = long_report(2000)
    records = rasd.extract(text, published="2024-03-12")
    events = [r for r in records if r.record_kind == "event"]
    # one event per town and day at least for the strikes, far more than a short report gives
    assert len(events) > 500
    # every event is placed at one of the report's towns (or a site or outskirts of one),
    # or at a governorate its headline names
    assert all(r.location is not None and (any(t in r.location.mention for t in TOWNS)
                                           or r.location.mention in ("دمشق", "إدلب")) for r in events)
    for r in records[:: max(1, len(records) // 200)]:
        for ev in r.evidence:
            assert text[ev.start:ev.end] == ev.text
    assert {r.rasd_type for r in events} >= {"airstrike", "armed_clash", "arrest", "peaceful_protest"}


def _reference_groups(drafts, lex):
    """`group_drafts` as first written: every draft against every group and member."""
    groups = []
    body = [d for d in drafts if not d.headline]
    heads = [d for d in drafts if d.headline]
    for d in body:
        if d.anaphoric and d.kind == "event":
            earlier = [g for g in groups if g[0].kind == "event" and _dates_compatible(g[0].interval, d.interval)
                       and _groups(g[0], lex) & _groups(d, lex)]
            if d.place is not None and not d.place_inherited:
                earlier = [g for g in earlier if any(_places_compatible(x, d) for x in g)
                           or sub_site(d.place) and any(x.place is not None and x.place.admin1 == d.place.admin1
                                                        and x.place.admin1 is not None for x in g)]
            if earlier:
                earlier[-1].append(d)
                continue
            if d.place is None or d.place_inherited:
                continue
        if d.place is None and d.kind == "event":
            continue
        own = lex.types[d.type].merge_group
        for g in sorted(groups, key=lambda g: own not in _groups(g[0], lex)):
            if g[0].kind == d.kind and _same_event(g[0], d, lex) and all(_same_event(x, d, lex) for x in g if not x.anaphoric):
                g.append(d)
                break
        else:
            groups.append([d])
    for d in heads:
        fam = _groups(d, lex)
        if any(_groups(g[0], lex) & fam for g in groups if g[0].kind == d.kind):
            for g in groups:
                if _groups(g[0], lex) & fam and _places_compatible(g[0], d):
                    g.append(d)
                    break
            continue
        if d.place is not None:
            groups.append([d])
    return groups


@pytest.mark.parametrize("sentences", [60, 400])
def test_blocked_grouping_equals_pairwise_grouping(sentences):
    doc = build_doc(long_report(sentences), published="2024-03-12")
    lex = lexicon()
    drafts = assemble(doc, find_mentions(doc), lex)
    assert len(drafts) > sentences // 2
    fast = [[id(d) for d in g] for g in group_drafts(drafts, lex)]
    slow = [[id(d) for d in g] for g in _reference_groups(drafts, lex)]
    assert fast == slow
    assert any(len(g) > 1 for g in fast)      # drafts did merge: the test compares real grouping
