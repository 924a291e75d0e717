"""Team-written short-news cases from the fixes that set south_g (eval/news/south_g_*:
today's wars in Sudan, Yemen, Somalia, Libya and Egypt) prompted: one group per family,
each sentence written afresh (none is a sentence of the eval texts).

Families: a generic verb typed by the means named after a time aside ("استهدفت
الميليشيا، فجر اليوم، المستودعات بمسيرات"); sources named by their office
("الناطق الرسمي باسم القوات المسلحة", "أحد أقاربه", "شيوخ عشائر"); places the index
lacks (two-word village names before their district, Israeli towns named as targets,
Somali, Libyan and Sudanese towns, a power station named after its site); guards for
sport pages, death sentences, appeals and calls to march; tolls said without a number
("عدم وقوع خسائر في الأرواح", an assassinated imam or judge); sectarian mobs, and the
burning that is part of an attack; quarters the index lacks with two-word names, coded at the
town named after them; drones met and downed by air defences; the unit names of today's forces (Yemen's
military regions and the STC's Security Support, Tripoli's Stability Support Apparatus,
the LNA's southern battalions, Sudan's al-Baraa brigades and the RSF's "Tasis" forces,
Puntland's Darawish, Sanaa's "Yemeni armed forces"); massacres named as committed
("ارتكبت الميليشيا مجزرة ... راح ضحيتها"), and victims after a time aside;
villages situated by their locality, district or markaz keep the event; a group that
accuses a side is the source of what it then tells; a toll of none told after the act
belongs to it.
"""
from __future__ import annotations

import pytest

from rasd.places import geocode

from casekit import C, W, check_case

CASES = [
    # ------------------------------------------------------------ a time aside before the means
    C("sd-drones-after-a-time-aside",
      "استهدفت قوات الدعم السريع، صباح اليوم الإثنين، محطة الوقود الرئيسية في مدينة عطبرة بطائرات مسيرة.",
      "2025-03-10", 1, W(rasd_type="airstrike", place="عطبرة", inter1=2, date_start="2025-03-10")),
    C("ye-air-aggression-after-a-time-aside",
      "شن العدو الأمريكي، ليل الخميس، عدوانا جويا على منطقة الجبانة غرب مدينة الحديدة.",
      "2025-04-04", 1, W(rasd_type="airstrike", inter1=8, country="YE")),
    C("iq-air-base-is-no-airstrike",
      "سقطت ثلاث قذائف هاون، مساء أمس، على قاعدة بلد الجوية شمال بغداد دون أن تسفر عن إصابات.",
      "2021-05-04", 1, W(rasd_type="shelling")),
    # ------------------------------------------------------------ sources named by their office
    C("sd-armed-forces-spokesman-is-military",
      "قال الناطق الرسمي باسم القوات المسلحة إن مسيرة انتحارية استهدفت مستودعا للذخيرة في مدينة كوستي.",
      "2025-02-20", 1, W(cited_kind="military", place="كوستي")),
    C("so-clan-elders-indefinite",
      "قتل أربعة أشخاص في اشتباكات بين مليشيات عشائرية قرب بلدة جوهر، بحسب ما قال شيوخ عشائر.",
      "2024-09-02", 1, W(cited_kind="local_sources", inter1=4, fatalities=4)),
    C("ly-one-of-his-relatives",
      "اختطف مسلحون صحفيا من أمام منزله في مدينة الزاوية، وفق ما أفاد أحد أقاربه.",
      "2025-01-15", 1, W(rasd_type="abduction", cited_kind="local_sources", place="الزاوية")),
    # ------------------------------------------------------------ places the index lacks
    C("sd-two-word-village-before-its-locality",
      "قتل مسلحون من الدعم السريع تسعة مزارعين في قرية تبر الحلة التابعة لمحلية أم روابة.",
      "2025-05-20", 1, W(place="تبر الحلة", country="SD", fatalities=9)),
    C("so-adan-yabaal-is-not-aden",
      "شن مقاتلو حركة الشباب هجوما على قاعدة عسكرية في بلدة عدن يابال وسط الصومال.",
      "2025-04-02", 1, W(country="SO", admin1="Middle Shabelle", place="عدن يابال")),
    C("ye-houthi-drone-on-eilat",
      "أعلن الحوثيون استهداف مدينة أم الرشراش بطائرة مسيرة.",
      "2024-11-20", 1, W(rasd_type="airstrike", country="IL")),
    C("lb-rockets-on-haifa",
      "أطلق حزب الله رشقة صاروخية على مدينة حيفا مساء الأحد.",
      "2024-10-07", 1, W(rasd_type="shelling", country="IL", place="حيفا")),
    C("ly-umm-al-aranib",
      "اشتبكت دورية للجيش الليبي مع مهربين مسلحين قرب بلدة أم الأرانب في الجنوب.",
      "2025-01-09", 1, W(rasd_type="armed_clash", country="LY", admin1="Murzuq")),
    C("sd-rufaa",
      "قتل ثلاثة مدنيين برصاص مسلحين اقتحموا سوق مدينة رفاعة شرق الجزيرة.",
      "2024-10-28", 1, W(country="SD", admin1="Gezira", fatalities=3)),
    C("sd-a-fuel-station-is-no-site-of-its-own",
      "قصفت مسيرة محطة الوقود الرئيسية في مدينة كوستي.",
      "2025-03-03", 1, W(place="كوستي", country="SD")),
    C("sd-the-station-is-no-village",
      "قصفت مسيرة محطة كهرباء في مدينة الدمازين، ما أدى إلى خروج المحطة عن الخدمة.",
      "2025-03-03", 1, W(place="الدمازين", country="SD")),
    # ------------------------------------------------------------ sport, verdicts and calls are no events
    C("sd-football-attack-with-the-clock", "شن المريخ هجوما كاسحا منذ الدقائق الأولى وأهدر لاعبوه ثلاث فرص محققة.",
      "2025-03-03", 0),
    C("ye-counter-attack-with-the-scoreline",
      "وأضاف أن الفريق صمد قبل أن يشن شعب إب هجوما معاكسا أثمر عن هدف التعادل.", "2025-03-03", 0),
    C("ly-death-sentence-after-a-time-aside",
      "قضت محكمة استئناف بنغازي، أمس الإثنين، بالإعدام على أربعة مدانين في قضية تفجير قديم.", "2025-03-03", 0),
    C("eg-open-to-appeal-is-no-stabbing",
      "وقال الدفاع إن الحكم قابل للطعن أمام محكمة النقض في القاهرة.", "2025-03-03", 0),
    C("ye-calling-to-march-is-no-march",
      "ألقى زعيم الجماعة خطابا مساء الخميس، داعيا أنصاره إلى الخروج في مسيرات حاشدة في مدينة الحديدة.",
      "2025-03-03", 0),
    C("ye-a-march-held-stays", "خرجت مسيرات حاشدة في مدينة الحديدة تضامنا مع غزة.", "2025-03-03", 1,
      W(rasd_type="peaceful_protest", place="الحديدة")),
    C("sd-field-execution-stays", "أعدم مسلحون ثلاثة أسرى ميدانيا في بلدة الكومة بولاية شمال دارفور.",
      "2025-03-03", 1, W(rasd_type="execution", fatalities=3)),
    # ------------------------------------------------------------ tolls said without a number
    C("sd-no-loss-of-life-is-zero",
      "قصفت مسيرة انتحارية مطار مدينة دنقلا فجر اليوم، وأكدت السلطات عدم وقوع خسائر في الأرواح.",
      "2025-03-03", 1, W(rasd_type="airstrike", fatalities=0)),
    C("ye-assassinated-imam-is-one",
      "اغتال مسلحان مجهولان إمام مسجد في مدينة تعز أثناء خروجه من صلاة العشاء.",
      "2025-03-03", 1, W(place="تعز", fatalities=1, inter1=3)),
    C("so-assassinated-judge-is-one", "اغتال مسلحون قاضيا في محكمة بمدينة بيدوا.",
      "2025-03-03", 1, W(place="بيدوا", fatalities=1)),
    # ------------------------------------------------------------ mobs, and the damage of an attack
    C("eg-hardliners-attacking-homes-are-a-mob",
      "هاجم عشرات من المتشددين منازل أقباط في قرية دمشاو هاشم بمحافظة المنيا وأحرقوا بعضها.",
      "2025-03-03", None, W(rasd_type="mob_violence", inter1=5, country="EG")),
    C("sd-killed-and-burned-is-one-attack",
      "قتل مسلحون من الدعم السريع 12 مدنيا في قرية ود الحداد بولاية الجزيرة وأحرقوا منازلهم.",
      "2025-03-03", 1, W(rasd_type="attack_on_civilians", fatalities=12, inter1=2)),
    C("sd-looting-alone-stays-looting", "نهب مسلحون سوق مدينة الأبيض وأحرقوا عددا من المحلات.",
      "2025-03-03", 1, W(rasd_type="looting", place="الأبيض")),
    # ------------------------------------------------------------ two-word quarters of a town
    C("so-two-word-quarter-of-the-capital",
      "أصيب ثلاثة مدنيين بقذائف هاون سقطت على حي حمر ويني بالعاصمة مقديشو.",
      "2025-05-04", 1, W(place="مقديشو", admin1="Banadir")),
    # ------------------------------------------------------------ drones met and downed
    C("sd-drones-met-and-downed",
      "قالت القيادة إن المضادات الأرضية تصدت لعدد من المسيرات فوق مدينة مروي وأسقطتها.",
      "2025-05-04", 1, W(rasd_type="weapons_seized", place="مروي")),
    # ------------------------------------------------------------ today's unit names
    C("ye-first-military-region-is-the-army",
      "اندلعت اشتباكات بين قوات المنطقة العسكرية الأولى ومسلحين قبليين قرب مدينة تريم.",
      "2025-08-10", 1, W(actor1="Military Forces of Yemen", inter1=1)),
    C("ye-security-support-forces-are-the-stc", "اعتقلت قوات الدعم الأمني ثلاثة شبان في مدينة سيئون.",
      "2025-08-10", 1, W(rasd_type="arrest", actor1="Southern Transitional Council", inter1=3)),
    C("ly-stability-support-apparatus",
      "اشتبكت عناصر من جهاز دعم الاستقرار مع قوة من جهاز الردع في منطقة الفرناج بطرابلس.",
      "2025-05-14", 1, W(actor1="Stability Support Apparatus", actor2="Special Deterrence Force", inter1=3)),
    C("ly-128th-battalion-is-the-lna", "قصفت الكتيبة 128 مشاة مواقع لمسلحين تشاديين قرب مدينة القطرون.",
      "2025-03-01", 1, W(actor1="Libyan National Army", inter1=1, place="القطرون")),
    C("sd-baraa-brigades", "هاجمت كتائب البراء بن مالك مواقع للدعم السريع في محيط مدينة الأبيض.",
      "2025-03-01", 1, W(actor1="Al Baraa Bin Malik Brigade", actor2="Rapid Support Forces")),
    C("sd-tasis-forces-are-the-rsf", "قصفت قوات التأسيس مدينة الدلنج بالمدفعية الثقيلة.",
      "2025-09-01", 1, W(rasd_type="shelling", actor1="Rapid Support Forces", inter1=2)),
    C("so-puntland-darawish", "شنت قوات دراويش بونتلاند هجوما على مواقع لداعش قرب مدينة بوصاصو.",
      "2025-02-01", 1, W(actor1="Military Forces of Puntland", inter1=1)),
    C("ye-sanaa-armed-forces-strike-abroad",
      "قال المتحدث باسم القوات المسلحة اليمنية إن طائرة مسيرة استهدفت مدينة إيلات.",
      "2024-12-01", 1, W(rasd_type="airstrike", country="IL", inter1=8,
                         actor1="Military Forces of Yemen (Supreme Political Council)")),
    # ------------------------------------------------------------ massacres and their victims
    C("sd-massacre-committed-with-its-toll",
      "ارتكبت قوات الدعم السريع مجزرة في قرية الهلبة بولاية الجزيرة راح ضحيتها 35 شخصا.",
      "2025-05-04", 1, W(rasd_type="attack_on_civilians", fatalities=35, inter1=2, place="الهلبة")),
    C("sy-massacre-remembered-is-none", "تصادف اليوم ذكرى مجزرة حماة.", "2025-02-02", 0),
    C("eg-football-massacre-is-none", "وصف المدرب الخسارة بأنها مجزرة كروية في ملعب القاهرة.", "2025-02-02", 0),
    C("ye-victim-after-a-time-aside",
      "اغتال مسلحون مجهولون، مساء أمس الأحد، مدرسا أمام منزله في مدينة تعز.",
      "2025-03-03", 1, W(place="تعز", fatalities=1)),
    C("ye-imam-and-preacher-is-one-man",
      "اغتال مسلحون مجهولون إمام وخطيب مسجد في مدينة المكلا.",
      "2025-03-03", 1, W(place="المكلا", fatalities=1)),
    # ------------------------------------------------------------ villages situated by their district
    C("sd-village-before-its-locality-keeps-the-event",
      "قتل مسلحون ثمانية مزارعين في قرية كرب التوم التابعة لمحلية الحصاحيصا.",
      "2025-03-03", 1, W(place="كرب التوم", fatalities=8)),
    C("ye-village-before-its-district-keeps-the-event",
      "أصيب طفلان بانفجار لغم في قرية الأشعوب بمديرية حيس.",
      "2025-03-03", 1, W(place="الأشعوب")),
    # ------------------------------------------------------------ an accusing group speaks again
    C("sd-accusing-lawyers-are-the-source",
      "اتهمت مجموعة محامو الطوارئ قوات الدعم السريع بارتكاب مجزرة في قرية ود عشيب بولاية الجزيرة، راح "
      "ضحيتها 20 مدنيا. وقالت المجموعة إن المهاجمين أطلقوا النار على السكان.",
      "2025-05-04", 1, W(cited_kind="monitor", fatalities=20, place="ود عشيب", inter1=2)),
    # ------------------------------------------------------------ a toll of none told after the act
    C("eg-no-injuries-after-an-attack",
      "هاجم مسلحون منازل في قرية نزلة عبيد بمحافظة المنيا. ولم تسفر الاعتداءات عن إصابات.",
      "2024-05-02", 1, W(country="EG", fatalities=0)),
    C("ye-no-casualties-after-shelling",
      "سقطت قذيفة هاون على سوق مدينة تعز. ولم يسفر القصف عن إصابات.",
      "2024-05-02", 1, W(rasd_type="shelling", place="تعز", fatalities=0)),
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    check_case(case)


# a construct after a village noun is a name only when its district follows it, or when
# a name head opens it ("أم", "البو": names of their own, whatever follows)
@pytest.mark.parametrize("text,name,is_place", [
    ("دخلت القوات قرية أم عشوش الغربية التابعة لمحلية شيكان.", "أم عشوش", True),
    ("دخلت القوات قرية سكان المنطقة الغربية التابعة لمحلية شيكان.", "سكان المنطقة", False),
    ("هاجم المسلحون قرية كرب التوم بمحلية الحصاحيصا.", "كرب التوم", True),
    ("أعلنت الحكومة إنشاء منطقة خفض التصعيد في الشمال.", "خفض التصعيد", False),
])
def test_two_word_village_names(text, name, is_place):
    mentions = [m.mention for m in geocode(text).places]
    assert (name in mentions) == is_place, mentions
