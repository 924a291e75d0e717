"""Attribution: cited source words, kind, hedging, anaphora and where the claim starts."""
from __future__ import annotations

import pytest

from rasd.attribution import Attribution, find_attributions, hedge_cues, load_attribution_lexicon
from rasd.doc import Doc, Line
from rasd.lexicon import LexiconError, data_path
from rasd.segment import segment


def make_doc(text: str) -> Doc:
    doc = Doc.from_text(text)
    pos = 0
    for i, line in enumerate(text.split("\n")):
        s, e = doc.norm_pos(pos), doc.norm_pos(pos + len(line))
        doc.lines.append(Line(s, e, "body" if line.strip() else "blank", i))
        pos += len(line) + 1
    segment(doc)
    return doc


def attributions(text: str) -> tuple[Doc, list[Attribution]]:
    doc = make_doc(text)
    return doc, find_attributions(doc)


def one(text: str) -> tuple[Doc, Attribution]:
    doc, atts = attributions(text)
    assert len(atts) == 1, [(doc.view.orig_text(a.start, a.end), a.cited) for a in atts]
    return doc, atts[0]


def content(doc: Doc, a: Attribution) -> str:
    end = a.content_end if a.content_end >= 0 else len(doc.norm)
    return doc.view.orig_text(a.content_start, end)


# (sentence, cited words, kind, hedged, start of the claim)
CASES = [
    # local sources, VSO and SVO
    ("وذكرت مصادر محلية أن قوات النظام قصفت بلدة الهبيط.", "مصادر محلية", "local_sources", False, "قوات النظام"),
    ("مصادر محلية قالت إن دورية روسية دخلت بلدة الصنمين.", "مصادر محلية", "local_sources", False, "دورية روسية"),
    ("وقال أحد الأهالي إن المسلحين أحرقوا منزله في قرية الطيبة.", "أحد الأهالي", "local_sources", False, "المسلحين"),
    # monitor, including a trailing "بحسب"
    ("قال المرصد السوري لحقوق الإنسان إن ستة مدنيين قتلوا في غارة على أريحا.", "المرصد السوري لحقوق الإنسان", "monitor", False, "ستة مدنيين"),
    ("قتل أربعة عناصر من قسد بانفجار لغم في ريف الرقة، بحسب المرصد السوري.", "المرصد السوري", "monitor", False, "قتل أربعة"),
    ("ووثقت الشبكة السورية لحقوق الإنسان مقتل 30 مدنيا خلال الأسبوع الماضي.", "الشبكة السورية لحقوق الإنسان", "monitor", False, "مقتل 30"),
    # government
    ("وأفادت وكالة سانا بأن المجموعات الإرهابية استهدفت حي الزهراء بالقذائف.", "وكالة سانا", "government", False, "المجموعات الإرهابية"),
    ("وأعلنت، اليوم الأحد، وزارة الداخلية العراقية اعتقال خمسة متهمين في البصرة.", "وزارة الداخلية العراقية", "government", False, "اعتقال خمسة"),
    ("وقال محافظ مأرب إن الحوثيين قصفوا مخيما للنازحين.", "محافظ", "government", False, "الحوثيين"),
    ("ونقلت رويترز عن مسؤول أمني عراقي قوله إن صاروخين سقطا قرب المطار.", "مسؤول أمني عراقي", "government", False, "صاروخين"),
    # opposition
    ("وأفادت مصادر في المعارضة السورية بأن هيئة تحرير الشام أرسلت تعزيزات إلى سراقب.", "مصادر في المعارضة السورية", "opposition", False, "هيئة تحرير الشام"),
    ("وبحسب مصادر لدى الفصائل، فإن الهجوم استهدف نقطة عسكرية في كفرنبل.", "مصادر لدى الفصائل", "opposition", False, "الهجوم"),
    ("وأكدت غرفة عمليات الفتح المبين أنها قتلت عشرة عناصر من قوات النظام.", "غرفة عمليات الفتح المبين", "opposition", False, "قتلت"),
    # military
    ("وقال الجيش الإسرائيلي في بيان إنه قصف مواقع لحزب الله في جنوب لبنان.", "الجيش الإسرائيلي", "military", False, "قصف مواقع"),
    ("وأكد المتحدث باسم الحوثيين أن قواتهم استهدفت سفينة في البحر الأحمر.", "المتحدث باسم الحوثيين", "military", False, "قواتهم"),
    ("وقالت القوات المسلحة السودانية في بيان إنها صدت هجوما على الفاشر.", "القوات المسلحة السودانية", "military", False, "صدت"),
    ("وقالت قوات الدعم السريع إنها سيطرت على مدينة ود مدني.", "قوات الدعم السريع", "military", False, "سيطرت"),
    # activists
    ("وأشار ناشطون إلى أن قوات الدعم السريع اقتحمت قرية في شمال دارفور.", "ناشطون", "activists", False, "قوات الدعم السريع"),
    ("وذكرت تنسيقيات الثورة أن قوات الأمن اعتقلت ثلاثة شبان في حمص.", "تنسيقيات", "activists", False, "قوات الأمن"),
    # medical
    ("قال مصدر طبي لوكالة الأناضول إن 12 فلسطينيا استشهدوا في قصف على رفح.", "مصدر طبي", "medical", False, "12 فلسطينيا"),
    ("ووفقاً لـ الدفاع المدني، فإن فرق الإنقاذ انتشلت جثث سبعة أشخاص في إدلب.", "الدفاع المدني", "medical", False, "فرق الإنقاذ"),
    ("وأعلنت وزارة الصحة في غزة أن حصيلة الضحايا ارتفعت إلى 40 شهيدا.", "وزارة الصحة في غزة", "medical", False, "حصيلة الضحايا"),
    # witnesses
    ("وذكر شهود عيان أن مسلحين مجهولين أطلقوا النار على سيارة في الرمادي.", "شهود عيان", "witnesses", False, "مسلحين"),
    # media
    ("وأفاد مراسل الجزيرة بأن الطيران الروسي شن غارات على ريف إدلب.", "مراسل الجزيرة", "media", False, "الطيران الروسي"),
    ("وذكرت وكالة الأناضول أن حركة الشباب هاجمت قاعدة في شبيلي الوسطى.", "وكالة الأناضول", "media", False, "حركة الشباب"),
    # unnamed
    ("وقال مصدر مطلع إن ضابطا كبيرا قتل في المعارك قرب سرت.", "مصدر مطلع", "unnamed", False, "ضابطا"),
    ("وأكدت مصادر أن الاشتباكات تجددت في طرابلس.", "مصادر", "unnamed", False, "الاشتباكات"),
    # hedged
    ("وزعمت ميليشيا الحوثي أنها أسقطت طائرة مسيرة في مأرب.", "ميليشيا الحوثي", "military", True, "أسقطت"),
    ("وادعى الإعلام الرسمي أن الجيش العربي السوري صد هجوما للإرهابيين.", "الإعلام الرسمي", "government", True, "الجيش العربي السوري"),
    ("وتحدثت أنباء غير مؤكدة عن مقتل قيادي في الحشد الشعبي بغارة قرب القائم.", "أنباء غير مؤكدة", "unnamed", True, "عن مقتل"),
    ("وتداول ناشطون أن قوات الأمن المصرية اعتقلت صحفيا في الإسكندرية، ولم يتسن التأكد من ذلك.", "ناشطون", "activists", True, "قوات الأمن"),
    ("وقتل ثلاثة جنود في هجوم على حاجز بمقديشو، بحسب مزاعم حركة الشباب.", "حركة الشباب", "military", True, "وقتل ثلاثة"),
]


@pytest.mark.parametrize("text,cited,kind,hedged,claim", CASES)
def test_attribution_cases(text, cited, kind, hedged, claim):
    doc, a = one(text)
    assert a.cited == cited
    assert a.cited_kind == kind
    assert a.hedged is hedged
    assert content(doc, a).startswith(claim)
    # every span maps back to the original text
    s, e = doc.view.orig_span(a.cited_start, a.cited_end)
    assert doc.text[s:e] == cited


def test_time_phrase_between_source_and_content_belongs_to_the_report():
    text = "وأفادت مصادر في المعارضة السورية منذ يومين بأن ضابطا أعدم عشرة جنود في ريف حماة."
    doc, a = one(text)
    phrase = doc.view.orig_text(a.start, a.end)
    assert phrase == "وأفادت مصادر في المعارضة السورية منذ يومين بأن"
    since = doc.norm.index("منذ يومين")
    assert a.start <= since < a.end          # the date phrase is inside the attribution
    assert content(doc, a).startswith("ضابطا أعدم")


def test_anaphoric_sources_inherit_kind():
    text = ("وذكرت مصادر محلية أن الأمن العسكري اعتقل عشرة شبان في مدينة نوى.\n"
            "وأشارت المصادر إلى أن المعتقلين نقلوا إلى دمشق.\n"
            "وأضاف أن الحملة طالت قرى مجاورة.")
    doc, atts = attributions(text)
    assert [a.anaphoric for a in atts] == [False, True, True]
    assert [a.cited_kind for a in atts] == ["local_sources"] * 3
    assert atts[1].antecedent == 0 and atts[2].antecedent == 0
    assert atts[1].cited == "المصادر"
    assert content(doc, atts[2]).startswith("الحملة")


def test_participle_continuation():
    text = "قال المرصد السوري إن غارة قتلت خمسة مدنيين في معرة النعمان، موضحا أن بينهم طفلين."
    doc, atts = attributions(text)
    assert len(atts) == 2
    assert atts[1].anaphoric and atts[1].cited_kind == "monitor"
    assert content(doc, atts[1]).startswith("بينهم طفلين")


def test_prepositional_lead_before_verb():
    doc, a = one("وقتل مدنيان في غارة على مدينة مأرب، وفق ما أفادت مصادر حكومية.")
    assert doc.view.orig_text(a.start, a.end) == "وفق ما أفادت مصادر حكومية"
    assert a.cited_kind == "government"
    assert content(doc, a) == "وقتل مدنيان في غارة على مدينة مأرب"


def test_relayed_source_through_agency():
    doc, a = one("وبحسب ما نقلته وكالة الأنباء العراقية عن خلية الإعلام الأمني، فإن صاروخا سقط في المنطقة الخضراء.")
    # the cell speaks for Iraq's Joint Operations Command: the armed forces' own statement
    assert a.cited == "خلية الإعلام الأمني" and a.cited_kind == "military"


@pytest.mark.parametrize("text", [
    "ونشرت مخابرات الأسد حواجز ثابتة في محيط المدينة.",
    "ونقل الجرحى إلى مشفى المدينة بعد القصف.",
    "وقصفت قوات الاحتلال منازل في بيت حانون.",
])
def test_no_attribution_in_plain_event_sentences(text):
    _, atts = attributions(text)
    assert atts == []


def test_hedge_cues_anywhere():
    doc = make_doc("واستهدف الجيش ما وصفه بمقرات الإرهابيين، وسط مزاعم عن سقوط قتلى، ولم يتسن التأكد من ذلك.")
    spans = [doc.view.orig_text(s, e) for s, e in hedge_cues(doc)]
    assert "ما وصفه" in spans and "مزاعم" in spans and "لم يتسن التأكد" in spans


def test_unsegmented_doc_still_works():
    doc = Doc.from_text("وقالت مصادر طبية إن ثلاثة أشخاص أصيبوا في الانفجار.")
    atts = find_attributions(doc)
    assert len(atts) == 1 and atts[0].cited_kind == "medical" and atts[0].sentence is None


def test_packaged_lexicon_is_valid():
    load_attribution_lexicon(data_path("attribution.yaml"))


def test_malformed_attribution_file(tmp_path):
    p = tmp_path / "attribution.yaml"
    p.write_text("verbs:\n  - forms: [قال]\nprepositions: []\nheads:\n  - forms: [مصدر]\n    kind: rumour\n"
                 "qualifiers: {}\nsources: {}\nconnectors: [في]\ncomplementizers: [أن]\nhedges: [مزاعم]\n", encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_attribution_lexicon(p)
    assert err.value.line == 5 and "rumour" in str(err.value)
