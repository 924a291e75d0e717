"""Team-written cases for set levant_m (eval/news/levant_m_*): short Levant reports from
every side's media, 2014-2025. One group per family of fixes; every sentence is written
afresh (none is a sentence of the eval texts).
"""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

CLAUSE_AFTER_PLACE_CASES = [
    # a derived-form perfect verb (أدت، ألقت، أسفرت، تمكنت، استهدفت) opens the clause after
    # a place: the place name does not go on into it; nor are time prepositions (عقب،
    # إثر) and "بأن" after "مصادر محلية" names of villages
    C("lb-strike-in-a-town-led-to",
      "أعلنت وزارة الصحة أن غارة إسرائيلية على منزل في بلدة حولا أدت إلى استشهاد مواطنين اثنين.",
      "2024-10-02", 1, W(rasd_type="airstrike", place="حولا", fatalities=2)),
    C("sy-police-in-a-town-arrested",
      "أعلنت وزارة الداخلية أن دورية للأمن الداخلي في مدينة جبلة ألقت القبض على ثلاثة مطلوبين بتهم القتل.",
      "2025-04-08", 1, W(rasd_type="arrest", place="جبلة")),
    C("iq-ambush-in-a-district-caused",
      "قال مصدر أمني إن هجوما لعناصر داعش على نقطة للجيش في قضاء الطارمية أسفرت عن مقتل جنديين.",
      "2022-12-04", 1, W(place="الطارمية", fatalities=2)),
    C("sy-strikes-after-the-withdrawal",
      "شن الطيران الحربي غارات على أطراف مدينة اللطامنة عقب انسحاب الفصائل منها.",
      "2019-08-20", 1, W(rasd_type="airstrike", place="اللطامنة")),
    C("ps-local-sources-said-that",
      "أصيب شاب برصاص قوات الاحتلال في بلدة بيتا، وأفادت مصادر محلية بأن قوات الاحتلال أغلقت مداخل البلدة.",
      "2023-03-10", None, W(place="بيتا")),
]

RURAL_HOMONYM_CASES = [
    # "قرية X بريف Y": a village told to lie in a town's countryside is no notable
    # homonym 100+ km away (Lebanon's Sidon); it is a village the index lacks, in Y's
    # governorate
    C("sy-sidon-village-near-ain-issa",
      "قتل عنصران من قسد بقصف مدفعي للفصائل على قرية صيدا بريف عين عيسى مساء أمس.",
      "2023-10-12", 1, W(rasd_type="shelling", place="صيدا", admin1="Raqqa", country="SY")),
]

HOSPITAL_DESTINATION_CASES = [
    # where the wounded were taken ("نقلوا إلى مستشفى X", "إلى مشفى في مدينة Y") is not
    # where they were hit, even when the scene itself is only a governorate
    C("iq-ied-wounded-taken-to-a-city-hospital",
      "انفجرت عبوة ناسفة بعجلة للشرطة الاتحادية شمالي ديالى، ما أدى إلى إصابة ثلاثة منتسبين نقلوا إلى مستشفى بعقوبة التعليمي.",
      "2021-07-14", 1, W(rasd_type="explosive_device", admin1="Diyala")),
    C("sy-shelled-child-taken-to-hospital-elsewhere",
      "أصيبت طفلة بجروح جراء قصف مدفعي على قرى في شمال محافظة الحسكة، ونقلت الطفلة إلى مشفى في مدينة القامشلي.",
      "2022-11-25", 1, W(rasd_type="shelling", place="الحسكة")),
    C("sy-mine-wounded-taken-to-a-town-hospital",
      "قتل مدني وأصيب اثنان بانفجار لغم أرضي في ريف دير الزور الشرقي، وقد نقل المصابان إلى مستشفى الميادين.",
      "2023-02-11", 1, W(rasd_type="explosive_device", place="ريف دير الزور الشرقي", fatalities=1)),
]

HABITUAL_ATTACK_CASES = [
    # attacks told as a habit ("شبه يومية", "متفرقة", "متكررة") recall a campaign, not an
    # incident
    C("sy-near-daily-attacks",
      "وتتعرض قرى ريف منبج الشرقي لهجمات شبه يومية من الفصائل الموالية لتركيا.",
      "2023-05-03", 0),
    C("iq-sporadic-attacks-of-remnants",
      "وتشهد المناطق الممتدة بين ديالى وصلاح الدين هجمات متفرقة تشنها خلايا داعش.",
      "2022-02-17", 0),
    C("sy-habit-after-an-incident",
      "قتل مدني برصاص قناص في بلدة القريتين صباح اليوم، وتشهد المنطقة هجمات متكررة منذ أشهر.",
      "2016-03-02", 1, W(place="القريتين", fatalities=1)),
]

LOADED_NAMES_CASES = [
    # "عصابات الجولاني" (Assad's and his loyalists' name for HTS) is HTS before the fall
    # and the new state's forces after it; a patron after "المرتبطة ب" is no agent
    C("sy-jolani-gangs-shell-a-town-in-2019",
      "قصفت عصابات الجولاني بالصواريخ أحياء مدينة محردة بريف حماة الشمالي ما أدى إلى إصابة ثلاثة مدنيين.",
      "2019-07-10", 1, W(rasd_type="shelling", actor1="Hayat Tahrir al-Sham", inter1=2)),
    C("sy-jolani-gangs-arrest-in-2025",
      "اعتقلت عصابات الجولاني عشرة شبان خلال مداهمات في حي الزهراء بمدينة حمص صباح اليوم.",
      "2025-02-03", 1, W(rasd_type="arrest", actor1="Military Forces of Syria (2024-)", inter1=1)),
    C("sy-sdf-tied-to-the-us-is-the-agent",
      "داهمت ميليشيا قسد المرتبطة بقوات الاحتلال الأمريكي بلدة الصور بريف دير الزور واعتقلت خمسة شبان.",
      "2021-11-08", 1, W(rasd_type="arrest", actor1="Syrian Democratic Forces")),
    # "المسلحين" in the next sentence are the gunmen just named: their burning is part of
    # the same attack, not a second act of unknown gunmen
    C("sy-the-gunmen-taken-up",
      "اقتحم مسلحون من تنظيم داعش قرية الشولا في بادية دير الزور فجر اليوم وقتلوا راعيين.\n"
      "وأضاف المصدر أن المسلحين أحرقوا ثلاثة منازل قبل انسحابهم.",
      "2019-03-04", 1, W(actor1="Islamic State (Syria)")),
]

RECALLED_HARM_CASES = [
    # assassinations told as a habit, and the after-effects or memory of an old chemical
    # attack, are no new event
    C("sy-near-daily-assassinations",
      "وتعيش محافظة درعا منذ سنوات على وقع عمليات اغتيال شبه يومية تطال عناصر سابقين في فصائل المعارضة.",
      "2022-05-05", 0),
    C("sy-after-effects-of-toxic-gas",
      "ولا يزال ناجون من أهالي مدينة دوما يعانون من آثار الغازات السامة حتى اليوم.",
      "2019-08-21", 0),
]

SENTENCE_COUNTRY_CASES = [
    # with no country decided for the article, the countryside its sentence names decides
    # it: a village indexed only abroad (a Yemeni فاحل) is taken in Syria, and "بحجة" (a
    # pretext) read as Hajjah is no evidence for the foreign one
    C("sy-village-with-a-yemeni-homonym",
      "قالت مصادر محلية في ريف حمص الشمالي إن قوات الأمن اقتحمت قرية فاحل بحجة البحث عن أسلحة واعتقلت ستة رجال.",
      "2025-02-11", 1, W(rasd_type="arrest", place="فاحل", country="SY")),
]

VILLAGE_ANAPHOR_CASES = [
    # "في القرية" takes up the village named before, not the sub-district named after it
    # ("قرية X التابعة لناحية Y"): the follow-up is the same shelling
    C("sy-in-the-village-is-the-village",
      "سقطت قذائف هاون على قرية الحيدرية التابعة لناحية تل تمر مساء أمس.\n"
      "وأفاد الأهالي بأن إحدى القذائف أصابت منزلا في القرية وأصابت امرأة بجروح.",
      "2022-06-01", 1, W(rasd_type="shelling", place="الحيدرية")),
]

DATED_DATELINE_CASES = [
    # WAFA's dateline carries the date ("قلقيلية 7-8-2024 وفا-"): the city is where the
    # report was filed, not a second scene for the burning told inside the attack
    C("ps-dated-dateline-is-no-scene",
      "قلقيلية 7-8-2024 وفا- أحرقت ثلاث مركبات، وأصيب مواطن، في هجوم لمستعمرين، بحماية جنود الاحتلال، على قرية جيت شرق قلقيلية.",
      "2024-08-07", 1, W(rasd_type="attack_on_civilians", place="جيت")),
]

SOURCE_PLACE_CASES = [
    # "قالت مصادر في المخيم إن قذائف سقطت على بلدة X": where the sources are is not the
    # scene when the claim names its own place
    C("lb-camp-sources-tell-of-shells-on-a-town",
      "اندلعت اشتباكات بين فصيلين فلسطينيين في مخيم المية ومية قرب صيدا مساء أمس.\n"
      "وقالت مصادر في المخيم إن قذائف هاون سقطت على أطراف بلدة مغدوشة المجاورة.",
      "2018-10-17", 2, W(rasd_type="armed_clash"), W(rasd_type="shelling", place="مغدوشة")),
]

DUAL_NOUN_CASES = [
    # a dual settlement noun names two places ("بلدتي X وY"), each licensed even when the
    # gazetteer lacks the first: the strike on the road between them is codable
    C("lb-road-between-two-villages",
      "استهدفت مسيرة معادية سيارة على الطريق بين بلدتي عيناثا وكونين ما أدى إلى إصابة سائقها.",
      "2024-02-02", 1, W(rasd_type="airstrike", place="عيناثا")),
]

SIMULTANEOUS_CLASH_CASES = [
    # "بالتزامن مع الاشتباكات" dates another act by the clash told before: no second clash
    C("sy-shelling-during-the-clashes",
      "رصد المرصد السوري مقتل عنصرين من الفصائل الموالية لأنقرة خلال اشتباكات مع قسد على محور قرية الدندنية غرب منبج.\n"
      "وأشار المرصد إلى أن القوات التركية قصفت بالمدفعية الثقيلة قرية عون الدادات بالتزامن مع الاشتباكات، دون ورود معلومات عن إصابات.",
      "2023-06-14", 2, W(rasd_type="armed_clash", place="الدندنية"), W(rasd_type="shelling", place="عون الدادات")),
]

MUTUAL_ABDUCTION_CASES = [
    # kidnappings told as tit-for-tat or a habit are a cause or a pattern, not one abduction
    C("sy-clan-clash-over-mutual-kidnappings",
      "اندلعت اشتباكات بين عشيرتين في بلدة الصنمين مساء أمس، على خلفية عمليات خطف متبادلة بين الطرفين.",
      "2022-04-04", 1, W(rasd_type="armed_clash", place="الصنمين")),
    C("sy-repeated-kidnappings-on-a-road",
      "قال ناشطون إن عمليات خطف متكررة تطال المسافرين على طريق دمشق السويداء.",
      "2022-04-04", 0),
]

ALL_CASES = CLAUSE_AFTER_PLACE_CASES + RURAL_HOMONYM_CASES + HOSPITAL_DESTINATION_CASES + HABITUAL_ATTACK_CASES \
    + LOADED_NAMES_CASES + RECALLED_HARM_CASES + SENTENCE_COUNTRY_CASES + VILLAGE_ANAPHOR_CASES + DATED_DATELINE_CASES + SOURCE_PLACE_CASES + DUAL_NOUN_CASES + SIMULTANEOUS_CLASH_CASES + MUTUAL_ABDUCTION_CASES


@pytest.mark.parametrize("case", ALL_CASES, ids=[c["id"] for c in ALL_CASES])
def test_case(case):
    check_case(case)
