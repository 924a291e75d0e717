"""Team-written short-news cases for the mixed set D (eval/news/mixed_d_*, nine countries)
and the families the engineers of the earlier sets reported: one group per family, each
sentence written afresh (none is a sentence of the eval texts).

Families: state-media and loaded labels without the article ("إرهابيين", "مجموعات
متشددة", "العدوان الأمريكي البريطاني"), Fatah, a bare "الجيش الوطني" read by country;
the group named after an arrest is whom it took; a crowd's "هاجموا" is a riot.
"""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

CASES = [
    # ------------------------------------------------------------ actors
    C("sy-sana-terrorists-without-article",
      "استشهد طفل وأصيبت امرأة جراء اعتداء إرهابيين بالقذائف الصاروخية على بلدة محردة بريف حماة الشمالي.",
      "2023-04-02", 1, W(sub_event_type="Shelling/artillery/missile attack", actor1="Unidentified Rebel Group (Syria)",
                         inter1=2, fatalities=1)),
    C("sy-militant-groups-are-rebels",
      "هاجمت مجموعات متشددة حاجزا للجيش عند مدخل بلدة الصنمين بريف درعا الشمالي.",
      "2022-07-19", 1, W(event_type="Battles", inter1=2, actor2="Military Forces of Syria")),
    C("ye-us-uk-aggression-is-the-us",
      "شن العدوان الأمريكي البريطاني غارتين على منطقة الجبانة بمديرية الحوك في محافظة الحديدة.",
      "2024-02-25", 1, W(sub_event_type="Air/drone strike", actor1="Military Forces of the United States", inter1=8)),
    C("lb-fatah-gunmen-are-an-actor",
      "اندلعت اشتباكات عنيفة بين عناصر من حركة فتح ومسلحين إسلاميين في مخيم عين الحلوة قرب صيدا.",
      "2023-07-30", 1, W(event_type="Battles", actor1="Fatah Movement", inter1=3)),
    C("so-national-army-is-somalia",
      "قتل الجيش الوطني 12 من عناصر حركة الشباب في هجوم على معاقلهم بمنطقة بولوبردي في إقليم هيران.",
      "2023-01-08", 1, W(actor1="Military Forces of Somalia", inter1=1, actor2="Al Shabaab", fatalities=12)),
    C("ye-national-army-is-the-government",
      "استعاد الجيش الوطني السيطرة على مواقع استراتيجية في مديرية حريب جنوب محافظة مأرب.",
      "2022-01-20", 1, W(actor1="Military Forces of Yemen", inter1=1)),
    C("sy-national-army-is-the-sna",
      "اشتبك الجيش الوطني مع قوات سوريا الديمقراطية على أطراف قرية تل تمر بريف الحسكة.",
      "2021-10-03", 1, W(event_type="Battles", actor1="Syrian National Army", inter1=2)),
    # ------------------------------------------------------------ the arrested are the target
    C("iq-arrest-of-an-isis-leader",
      "أعلن جهاز مكافحة الإرهاب اعتقال أحد قياديي داعش في قضاء الشرقاط شمالي محافظة صلاح الدين.",
      "2023-02-11", 1, W(sub_event_type="Arrests", actor2="Islamic State (Iraq)")),
    C("so-police-arrest-a-shabaab-leader",
      "ألقت الشرطة الصومالية القبض على قيادي في حركة الشباب خلال مداهمة بمدينة بيدوا.",
      "2022-08-14", 1, W(sub_event_type="Arrests", actor1="Police Forces of Somalia", actor2="Al Shabaab")),
    # ------------------------------------------------------------ crowds
    C("iq-protesters-who-attacked-riot",
      "تظاهر مئات الشبان أمام مبنى المحافظة في مدينة الديوانية، ثم هاجموا المبنى بالحجارة.",
      "2021-05-26", 1, W(sub_event_type="Violent demonstration", inter1=5)),
    C("sy-gunmen-who-attacked-stay-a-battle",
      "هاجم مسلحون مجهولون حاجزا للأمن العسكري في بلدة المزيريب وقتلوا عنصرين.",
      "2022-09-01", 1, W(event_type="Battles", inter1=3)),
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    check_case(case)


COUNT_CASES = [
    # "قتل متظاهر وأصيب سبعة": one protester killed, the singular is the count
    C("iq-one-protester-killed",
      "قتل متظاهر وأصيب سبعة آخرون برصاص قوات الأمن خلال تظاهرة في مدينة البصرة.",
      "2019-11-02", 1, W(sub_event_type="Excessive force against protesters", fatalities=1, inter1=6)),
    C("iq-two-protesters-shot-are-excessive-force",
      "قتل متظاهران برصاص الأمن في ساحة الحبوبي بمدينة الناصرية.",
      "2019-11-28", 1, W(sub_event_type="Excessive force against protesters", fatalities=2)),
]


@pytest.mark.parametrize("case", COUNT_CASES, ids=[c["id"] for c in COUNT_CASES])
def test_count_case(case):
    check_case(case)


GUARD_CASES = [
    # an actor word inside a place name is the name: "ود مدني" holds no civilians
    C("sd-wad-madani-holds-no-civilians",
      "سيطرت قوات الدعم السريع على مدينة ود مدني عاصمة ولاية الجزيرة بعد انسحاب الجيش منها.",
      "2023-12-19", 1, W(actor1="Rapid Support Forces", actor2=None)),
    C("sd-civilians-killed-in-wad-madani-stay",
      "قتل أربعة مدنيين في قصف مدفعي لقوات الدعم السريع على أحياء مدينة ود مدني.",
      "2024-03-04", 1, W(actor2="Civilians (Sudan)", fatalities=4)),
    # a sweep that took no one is no event; one that arrested is
    C("iq-search-sweep-without-arrests",
      "نفذت قوات الجيش حملة تفتيش واسعة في بساتين قضاء المقدادية بحثا عن عناصر داعش.",
      "2022-05-09", 0),
    C("ye-sweep-with-arrests-is-an-arrest",
      "نفذت الأجهزة الأمنية حملة أمنية في مدينة عدن أسفرت عن اعتقال 9 مطلوبين.",
      "2021-06-30", 1, W(sub_event_type="Arrests")),
    # a condemnation dated today, of an act with no toll or date of its own, is a reaction
    C("sd-condemned-shelling-dated-by-the-condemnation",
      "نددت وزارة الخارجية السودانية اليوم بالقصف الذي تعرضت له مدينة الأبيض.",
      "2024-02-10", 0),
    C("ye-condemned-shelling-with-a-toll-stays",
      "استنكرت الحكومة اليمنية اليوم القصف الحوثي الذي استهدف حي الروضة في مدينة تعز وأسفر عن مقتل طفلين.",
      "2022-09-05", 1, W(sub_event_type="Shelling/artillery/missile attack", fatalities=2)),
]


@pytest.mark.parametrize("case", GUARD_CASES, ids=[c["id"] for c in GUARD_CASES])
def test_guard_case(case):
    check_case(case)


TYPE_CASES = [
    # Israel's bare "قصف" in Gaza is coded from the air; artillery stays shelling; in
    # Lebanon only a singled-out building or car makes it an air strike
    C("ps-bare-israeli-bombing-of-a-home-in-gaza",
      "استشهد خمسة مواطنين في قصف إسرائيلي استهدف منزلا لعائلة شراب في حي الأمل غرب خان يونس.",
      "2024-02-14", 1, W(sub_event_type="Air/drone strike", inter1=8, fatalities=5)),
    C("ps-israeli-artillery-in-gaza-stays-shelling",
      "أصيب ثلاثة مواطنين بقصف مدفعي إسرائيلي على أطراف بلدة بيت لاهيا شمال قطاع غزة.",
      "2024-01-22", 1, W(sub_event_type="Shelling/artillery/missile attack", inter1=8)),
    C("lb-bare-bombing-of-a-house-is-air",
      "استشهد شخصان في قصف إسرائيلي استهدف منزلا في بلدة عيتا الشعب الجنوبية.",
      "2024-03-12", 1, W(sub_event_type="Air/drone strike", inter1=8)),
    # after a voweled sentence the normalised view's offsets no longer index the raw text
    C("lb-bombing-of-a-house-after-voweled-text",
      "وَقَدْ شَهِدَتِ المَنْطِقَةُ الحُدُودِيَّةُ خِلَالَ الأَيَّامِ المَاضِيَةِ تَصْعِيدًا كَبِيرًا، "
      "وَسَطَ مَخَاوِفَ مِنْ مَوْجَةِ نُزُوحٍ جَدِيدَةٍ. "
      "واستشهد شخصان في قصف إسرائيلي استهدف منزلا في بلدة عيتا الشعب الجنوبية.",
      "2024-03-12", 1, W(sub_event_type="Air/drone strike", inter1=8)),
    C("lb-bare-bombing-of-outskirts-stays-shelling",
      "تعرضت أطراف بلدة كفركلا لقصف إسرائيلي بعد ظهر اليوم.",
      "2024-03-12", 1, W(sub_event_type="Shelling/artillery/missile attack", inter1=8)),
]


@pytest.mark.parametrize("case", TYPE_CASES, ids=[c["id"] for c in TYPE_CASES])
def test_type_case(case):
    check_case(case)


CLAIM_CASES = [
    # armed groups' claims: a website is no cyber attack, "استهدفوا" is an act,
    # "المقاومة الإسلامية" is Hezbollah in Lebanon and the Iraqi factions in Iraq
    C("so-shabaab-claim-on-its-website",
      "قالت حركة الشباب عبر موقعها الإلكتروني إن مقاتليها نصبوا كمينا لدورية للجيش الصومالي قرب بلدة جوهر.",
      "2022-04-18", 1, W(event_type="Battles", actor1="Al Shabaab", cited_kind="military")),
    C("cyber-attack-is-still-no-event",
      "تعرض الموقع الإلكتروني لوزارة المالية لهجوم إلكتروني أدى إلى توقفه عن العمل ساعات.",
      "2023-05-02", 0),
    C("lb-islamic-resistance-claim",
      "أعلنت المقاومة الإسلامية أن مجاهديها استهدفوا موقع الراهب الإسرائيلي المقابل لبلدة عيتا الشعب بالأسلحة الصاروخية.",
      "2024-02-20", 1, W(actor1="Hezbollah", inter1=3, place="عيتا الشعب")),
    C("iq-islamic-resistance-is-iraqi",
      "أعلنت المقاومة الإسلامية استهداف قاعدة عين الأسد في محافظة الأنبار بطائرة مسيرة.",
      "2024-01-15", 1, W(actor1="Islamic Resistance in Iraq", sub_event_type="Air/drone strike")),
    # the war as a whole, a detention recalled and bombs found are no new incident
    C("ps-continuing-aggression-is-no-strike",
      "حذر الرئيس من أن استمرار العدوان الإسرائيلي على شعبنا سيقود إلى انفجار الأوضاع في المنطقة.",
      "2024-04-01", 0),
    C("eg-place-of-detention-is-no-second-arrest",
      "اعتقلت قوات الأمن الصحفي محمود علي من منزله في مدينة الإسكندرية، ولم تتمكن أسرته من معرفة مكان احتجازه.",
      "2022-02-08", 1, W(sub_event_type="Arrests")),
    C("eg-bombs-found-in-a-shootout-are-no-blast",
      "قتلت قوات الأمن ثلاثة مسلحين في تبادل لإطلاق النار بمدينة العريش، وعثرت بحوزتهم على عبوات ناسفة معدة للتفجير.",
      "2019-03-03", 1, W(event_type="Battles", fatalities=3)),
]


@pytest.mark.parametrize("case", CLAIM_CASES, ids=[c["id"] for c in CLAIM_CASES])
def test_claim_case(case):
    check_case(case)


TERRITORY_CASES = [
    # "دون مقاومة" in the clause after the takeover still makes it a non-violent transfer
    C("sd-takeover-without-resistance-in-next-clause",
      "سيطرت قوات الدعم السريع على مدينة الضعين، وذلك دون مقاومة من الجيش.",
      "2023-11-21", 1, W(sub_event_type="Non-violent transfer of territory", actor1="Rapid Support Forces")),
    C("ly-entered-without-resistance",
      "سيطر الجيش الوطني الليبي على مدينة سبها، ودخلها دون مقاومة تذكر.",
      "2019-01-16", 1, W(sub_event_type="Non-violent transfer of territory", actor1="Libyan National Army")),
    C("sd-takeover-after-fighting-stays-a-battle",
      "سيطرت قوات الدعم السريع على مدينة الضعين بعد معارك عنيفة، فيما انسحب الجيش منها.",
      "2023-11-21", 1, W(event_type="Battles", sub_event_type="Non-state actor overtakes territory")),
]


@pytest.mark.parametrize("case", TERRITORY_CASES, ids=[c["id"] for c in TERRITORY_CASES])
def test_territory_case(case):
    check_case(case)


SIDES_CASES = [
    # Tripoli's armed groups by name; a time phrase between commas does not hide the sides
    C("ly-tripoli-militias-clash-after-a-time-phrase",
      "اندلعت اشتباكات مسلحة، مساء أمس، بين جهاز الردع وعناصر من اللواء 444 قتال في منطقة عين زارة جنوب طرابلس.",
      "2023-08-15", 1, W(event_type="Battles", actor1="Special Deterrence Force", actor2="444 Combat Brigade", inter1=3)),
    C("ye-saudi-border-guards",
      "قتل مهاجر إثيوبي وأصيب اثنان آخران بنيران حرس الحدود السعودي في منطقة آل ثابت بمديرية قطابر.",
      "2022-10-02", 1, W(actor1="Military Forces of Saudi Arabia", inter1=8, fatalities=1)),
]


@pytest.mark.parametrize("case", SIDES_CASES, ids=[c["id"] for c in SIDES_CASES])
def test_sides_case(case):
    check_case(case)


OUTLET_CASES = [
    # al-Masirah's name is the word for a drone: its reporter types no strike
    C("ye-masirah-reporter-is-no-drone",
      "أفاد مراسل المسيرة بأن مرتزقة العدوان استهدفوا بقذائف المدفعية منازل المواطنين في مديرية رازح.",
      "2022-06-10", 1, W(sub_event_type="Shelling/artillery/missile attack")),
    C("ye-a-drone-named-beside-masirah-stays-air",
      "أفاد مراسل المسيرة بأن طائرة مسيرة سعودية استهدفت مزرعة في مديرية رازح.",
      "2022-06-10", 1, W(sub_event_type="Air/drone strike", inter1=8)),
    # after a voweled sentence the normalised view's offsets no longer index the raw text
    C("ye-masirah-reporter-after-voweled-text",
      "وَقَدْ شَهِدَتِ المُحَافَظَةُ خِلَالَ الأَيَّامِ المَاضِيَةِ تَصْعِيدًا كَبِيرًا فِي المَعَارِكِ بَيْنَ الطَّرَفَيْنِ، "
      "وَسَطَ مَخَاوِفَ مِنْ مَوْجَةِ نُزُوحٍ جَدِيدَةٍ. "
      "وأفاد مراسل المسيرة بأن المرتزقة قصفوا بالمدفعية منازل المواطنين في مديرية رازح.",
      "2022-06-10", 1, W(sub_event_type="Shelling/artillery/missile attack")),
]


@pytest.mark.parametrize("case", OUTLET_CASES, ids=[c["id"] for c in OUTLET_CASES])
def test_outlet_case(case):
    check_case(case)
