"""Team-written short-news cases for Yemen, Libya, Sudan, Egypt and Somalia: one group per
family of errors found on the team's short-news yardstick (eval/news/south_*), each
written afresh (none is a sentence of the eval texts).

Families: places of Egypt and Somalia the index lacks and their homonyms abroad (Egypt's
Rafah beside Gaza's, Jilib beside a Yemeni al-Jalb, Ibb beside "آب"); phrases that are no
place ("أحد المواطنين", "جزيرة العرب", "إدارة ولاية ..."); loaded and unit names of Libyan,
Yemeni and Somali forces; source names (municipal councils, Egyptian rights groups,
health offices); guard cues (agreement terms, sport talk, "similar attacks"); and trigger
phrasings (a possessive "سيطرتها الكاملة على", abductions led away, gunmen who loot and burn).
The "set B" groups come from the second, fresh set: unknown village names after a
settlement noun, Sudan's marches and mass rallies, flight and handovers without a fight,
and more source and actor names.
"""
from __future__ import annotations

import pytest

import rasd
from rasd.places import geocode

from casekit import C, W, check_case

CASES = [
    # ------------------------------------------------------------ places of Egypt and Somalia
    C("eg-rafah-in-sinai-not-gaza",
      "قتل جنديان مصريان في هجوم على كمين أمني جنوب مدينة رفح بمحافظة شمال سيناء.",
      "2019-06-05", 1, W(country="EG", admin1="North Sinai", place="رفح")),
    C("ps-rafah-in-gaza-stays",
      "قصفت الطائرات الإسرائيلية منزلا في مدينة رفح جنوب قطاع غزة.",
      "2024-05-10", 1, W(country="PS", place="رفح", inter1=8)),
    C("so-jilib-not-yemen",
      "نفذت طائرة مسيرة أمريكية غارة على مواقع لحركة الشباب قرب مدينة جلب جنوبي الصومال.",
      "2022-12-01", 1, W(sub_event_type="Air/drone strike", country="SO", admin1="Middle Juba")),
    C("so-galkayo",
      "قتل ثلاثة أشخاص في اشتباكات بين قوات الأمن ومسلحين في مدينة جالكعيو وسط الصومال.",
      "2021-02-14", 1, W(event_type="Battles", country="SO", admin1="Mudug", fatalities=3)),
    C("eg-asyut-governorate",
      "ألقت قوات الأمن المصرية القبض على عشرة أشخاص في مدينة أسيوط بتهمة التظاهر دون ترخيص.",
      "2020-09-25", 1, W(sub_event_type="Arrests", country="EG", admin1="Asyut")),
    C("ye-ibb-after-a-place-noun",
      "اختطف مسلحون حوثيون صحفيا من منزله في مدينة إب واقتادوه إلى جهة مجهولة.",
      "2021-11-03", 1, W(sub_event_type="Abduction/forced disappearance", place="إب", admin1="Ibb")),
    C("ye-august-is-no-ibb",
      "قتل ثلاثة مدنيين في قصف مدفعي على مدينة تعز في آب الماضي.",
      "2022-10-11", 1, W(place="تعز", country="YE")),
    C("so-south-west-state-is-one-name",
      "قتل مسلحون مجهولون موظفا في إدارة ولاية جنوب غرب الصومال بمدينة بيدوا.",
      "2022-03-09", 1, W(place="بيدوا", country="SO", inter1=3)),
    # ------------------------------------------------------------ phrases that are no place
    C("ye-aqap-name-is-no-gezira",
      "تبنى تنظيم القاعدة في جزيرة العرب هجوما بعبوة ناسفة استهدف دورية عسكرية في مديرية المحفد بمحافظة أبين.",
      "2021-08-12", 1, W(country="YE", admin1="Abyan")),
    C("ye-one-of-the-citizens-is-no-village",
      "أصيب طفل برصاص قناص حوثي داخل منزل أحد المواطنين في مدينة تعز.",
      "2022-04-02", 1, W(place="تعز")),
    # ------------------------------------------------------------ actors
    C("ly-haftar-aircraft-loaded",
      "قصف طيران حفتر مواقع لقوات الوفاق في محيط مدينة غريان.",
      "2019-07-01", 1, W(sub_event_type="Air/drone strike", actor1="Libyan National Army", inter1=1)),
    C("ye-shabwani-elite-is-stc",
      "هاجمت قوات النخبة الشبوانية نقطة أمنية في مدينة عتق وقتلت جنديين.",
      "2019-08-22", 1, W(actor1="Southern Transitional Council", inter1=3, fatalities=2)),
    # ------------------------------------------------------------ sources
    C("ly-municipal-council-is-government",
      "قال المجلس البلدي لمدينة سرت إن قذيفة سقطت على منزل في المدينة وقتلت طفلين.",
      "2020-06-20", 1, W(cited_kind="government", fatalities=2)),
    C("eg-rights-initiative-is-monitor",
      "أفادت المبادرة المصرية للحقوق الشخصية بأن قوات الأمن اعتقلت ثلاثة ناشطين في مدينة الإسكندرية.",
      "2019-09-22", 1, W(sub_event_type="Arrests", cited_kind="monitor", admin1="Alexandria")),
    C("ye-health-office-is-medical",
      "قال مكتب الصحة في محافظة الحديدة إن امرأة قتلت بقصف مدفعي على مديرية حيس.",
      "2021-01-17", 1, W(rasd_type="shelling", cited_kind="medical")),
    # ------------------------------------------------------------ guard cues
    C("sport-coach-talks-of-raids",
      "قال مدرب الهلال إن فريقه صمد أمام غارات متتالية على الجبهة اليمنى طوال اللقاء.",
      "2023-04-01", 0),
    C("ly-agreement-terms-are-not-a-handover",
      "وقعت الأطراف اتفاقا في مدينة مصراتة ينص على تسليم المواقع العسكرية خلال شهر.",
      "2020-10-24", 1, W(sub_event_type="Agreement")),
    C("eg-mediation-aim-is-no-agreement",
      "تواصل القاهرة اتصالاتها مع الطرفين للتوصل إلى وقف لإطلاق النار في السودان.",
      "2023-05-02", 0),
    C("ye-similar-attacks-are-a-pattern",
      "قتل جندي في انفجار عبوة ناسفة في مدينة لودر، وكان التنظيم قد نفذ هجمات مماثلة في المحافظة.",
      "2022-06-14", 1, W(rasd_type="explosive_device", fatalities=1)),
    # ------------------------------------------------------------ trigger phrasings
    C("sd-army-announces-full-control",
      "أعلن الجيش السوداني سيطرته الكاملة على مدينة سنجة بعد معارك مع الدعم السريع.",
      "2024-11-23", None, W(sub_event_type="Government regains territory", place="سنجة")),
    C("ly-abducted-and-led-away-is-one-abduction",
      "اختطف مسلحون رجل أعمال في مدينة سبها واقتادوه إلى جهة مجهولة.",
      "2021-05-30", 1, W(sub_event_type="Abduction/forced disappearance", place="سبها", inter1=3)),
    C("sd-gunmen-loot-and-burn-is-looting",
      "اقتحم مسلحون سوق مدينة الفاشر ونهبوا البضائع وأضرموا النار في المتاجر.",
      "2023-06-02", 1, W(sub_event_type="Looting/property destruction", place="الفاشر")),
    C("ly-protesters-burning-is-still-a-riot",
      "أضرم محتجون غاضبون النار في مبنى البلدية في مدينة الزاوية احتجاجا على انقطاع الكهرباء.",
      "2022-07-03", 1, W(sub_event_type="Violent demonstration", place="الزاوية")),
    # ------------------------------------------------------------ set B: village names the index lacks
    C("sd-wad-village-after-noun",
      "قتل ثلاثة مدنيين في هجوم لمسلحين على قرية ود الحليو بولاية كسلا.",
      "2023-01-09", 1, W(place="ود الحليو", admin1="Kassala", country="SD")),
    C("so-bare-village-after-noun",
      "سيطرت حركة الشباب على بلدة عوسويني في إقليم شبيلي الوسطى.",
      "2022-08-30", 1, W(place="عوسويني", admin1="Middle Shabelle", inter1=2)),
    C("sy-relative-clause-after-noun-is-no-village",
      "قصفت الطائرات بلدة تسيطر عليها الفصائل في ريف إدلب.",
      "2019-06-01", 1, W(admin1="Idlib", place="ريف إدلب")),
    # ------------------------------------------------------------ set B: marches and rallies
    C("sd-marches-are-protests",
      "نظم آلاف السودانيين مواكب في مدينة عطبرة للمطالبة بالحكم المدني.",
      "2022-01-17", 1, W(sub_event_type="Peaceful protest", place="عطبرة", inter1=6)),
    C("ye-rally-against-aggression-abroad-stays-home",
      "شارك الآلاف في مسيرة جماهيرية حاشدة بمدينة الحديدة رفضا للعدوان على لبنان.",
      "2024-10-04", 1, W(sub_event_type="Peaceful protest", place="الحديدة", country="YE")),
    # ------------------------------------------------------------ set B: flight, handover, figurative battles
    C("sd-families-forced-to-flee",
      "أجبرت المعارك مئات العائلات على الفرار من بلدة الدبيبات بولاية جنوب كردفان.",
      "2024-02-20", None, W(rasd_type="displacement", sub_event_type="Other", admin1="South Kordufan")),
    C("ye-attackers-who-flee-are-not-displaced",
      "اغتال مسلحون مجهولون تاجرا في مدينة الضالع وفروا من المكان.",
      "2021-12-02", 1, W(sub_event_type="Attack", place="الضالع", inter1=3)),
    C("sd-town-taken-without-a-fight",
      "سيطرت قوات الجيش على مدينة بارا دون قتال بعد انسحاب الدعم السريع منها.",
      "2024-09-10", 1, W(sub_event_type="Non-violent transfer of territory", place="بارا")),
    C("sd-town-taken-after-battles-stays-a-battle",
      "سيطر الجيش على مدينة بارا بعد معارك عنيفة مع الدعم السريع.",
      "2024-09-10", 1, W(sub_event_type="Government regains territory", place="بارا", inter1=1)),
    C("ye-battle-of-building-is-no-battle",
      "قال الوزير إن الحكومة تخوض معركة البناء في محافظة عدن.",
      "2023-02-02", 0),
    # ------------------------------------------------------------ set B: sources and actors
    C("so-local-elders-are-local-sources",
      "قال شيوخ محليون إن خمسة أشخاص قتلوا في اشتباكات قبلية في مدينة جوهر.",
      "2021-06-11", 1, W(cited_kind="local_sources", inter1=4, fatalities=5)),
    C("sd-resistance-committees-without-article",
      "أفادت لجان مقاومة الأبيض بأن قذيفة سقطت على سوق مدينة الأبيض بولاية شمال كردفان وقتلت طفلين.",
      "2023-08-14", 1, W(cited_kind="activists", fatalities=2, country="SD")),
    C("so-local-official-is-government",
      "قال مسؤول محلي إن انتحاريا فجر نفسه في مطعم بمدينة بلدوين.",
      "2022-10-03", 1, W(sub_event_type="Suicide bomb", cited_kind="government", place="بلدوين")),
    C("ye-southern-resistance-is-military",
      "قال مصدر في المقاومة الجنوبية إن الحوثيين قصفوا مواقع في مديرية الحد.",
      "2019-05-18", 1, W(cited_kind="military", inter1=1)),
    C("ye-two-unknown-gunmen",
      "اغتال مسلحان مجهولان مدرسا في مدينة عدن.",
      "2020-12-01", 1, W(sub_event_type="Attack", inter1=3, place="عدن")),
    C("sd-splm-north-with-a-dash",
      "قصفت قوات الحركة الشعبية - شمال مواقع للجيش في مدينة الدلنج.",
      "2022-12-05", 1, W(actor1="SPLM-N: Sudan People's Liberation Movement-North", inter1=2)),
    C("ly-internal-security-agency-is-police",
      "اعتقل جهاز الأمن الداخلي صحفيا في مدينة بنغازي.",
      "2021-03-15", 1, W(sub_event_type="Arrests", actor1="Police Forces of Libya", inter1=1)),
    # ------------------------------------------------------------ set B: a toll beside a strategic development
    C("sd-killing-that-forced-flight-is-its-own-event",
      "اقتحمت ميليشيا مسلحة قرية أم كدادة بولاية شمال دارفور وقتلت عشرين من سكانها، ما أجبر مئات الأسر على الفرار.",
      "2023-07-30", None,
      W(event_type="Violence against civilians", fatalities=20), W(rasd_type="displacement")),
    C("ye-arrests-and-killings-in-a-raid",
      "اعتقلت قوات الأمن عشرة أشخاص وقتلت اثنين خلال مداهمة في حي الشيخ عثمان بمدينة عدن.",
      "2022-02-21", None, W(rasd_type="arrest"), W(fatalities=2, inter1=1)),
    C("ye-suspects-of-a-killing-are-arrested-only",
      "اعتقلت الشرطة ثلاثة متهمين بقتل شاب في مدينة عدن.",
      "2021-05-04", 1, W(sub_event_type="Arrests", place="عدن")),
    C("ly-suspect-of-a-killing-is-arrested-only",
      "ألقت قوات الأمن القبض على شخص يشتبه في تورطه بقتل جنديين في مدينة سبها.",
      "2022-06-09", 1, W(sub_event_type="Arrests", place="سبها")),
    C("sd-protest-over-a-killing-is-one-protest",
      "تظاهر المئات في مدينة الأبيض بولاية شمال كردفان احتجاجا على مقتل طالب برصاص قوات الأمن.",
      "2019-07-30", None, W(event_type="Protests", inter1=6)),
    # ------------------------------------------------------------ set A: the announcer of its own takeover
    C("sd-rsf-announce-their-control-after-army-withdrew",
      "أعلنت قوات الدعم السريع في بيان سيطرتها الكاملة على مدينة الدمازين بعد انسحاب الجيش منها.",
      "2024-01-20", 1, W(sub_event_type="Non-state actor overtakes territory", actor1="Rapid Support Forces", inter1=2)),
    C("so-shabaab-announce-their-control",
      "أعلنت حركة الشباب، مساء الأحد، سيطرتها على بلدة عيل بور في إقليم غلغدود.",
      "2021-03-01", 1, W(sub_event_type="Non-state actor overtakes territory", actor1="Al Shabaab", place="عيل بور")),
    C("ly-lna-announce-its-control",
      "أعلن الجيش الوطني الليبي سيطرته على مدينة سرت بعد انسحاب قوات الوفاق.",
      "2020-01-06", 1, W(sub_event_type="Government regains territory", actor1="Libyan National Army", inter1=1)),
    # ------------------------------------------------------------ set B: datelines and duals
    C("ye-dateline-city-is-not-the-scene",
      "صنعاء - سبأ: شنت طائرات العدوان، فجر اليوم، غارات على مديرية مجزر بمحافظة مأرب.",
      "2021-02-16", 1, W(sub_event_type="Air/drone strike", admin1="Ma'rib", inter1=8)),
    C("ly-wire-dateline-with-agency-in-brackets",
      "بنغازي (رويترز) - قتل ثلاثة أشخاص في انفجار سيارة مفخخة في مدينة المرج شرقي ليبيا.",
      "2019-08-11", 1, W(rasd_type="explosive_device", admin1="Al Marj", fatalities=3)),
    C("sy-dateline-city-that-is-the-scene-stays",
      "حلب: قتل ثلاثة مدنيين بقصف مدفعي على أحياء المدينة.",
      "2016-09-25", 1, W(rasd_type="shelling", admin1="Aleppo", fatalities=3)),
    C("ye-two-raids-are-a-strike",
      "شن طيران التحالف غارتين على مديرية نهم شرقي صنعاء.",
      "2018-04-12", 1, W(sub_event_type="Air/drone strike", inter1=8)),
    C("ye-two-shells-are-shelling",
      "سقطت قذيفتان على سوق شعبي في مدينة تعز وأصيب طفل بجروح.",
      "2019-01-22", 1, W(rasd_type="shelling", place="تعز")),
    C("so-two-bombs-are-an-explosion",
      "انفجرت عبوتان ناسفتان قرب مركز للشرطة في مدينة كيسمايو.",
      "2020-05-03", 1, W(rasd_type="explosive_device", place="كيسمايو")),
    # ------------------------------------------------------------ who fought is not who died
    C("ly-clash-between-dozens-is-no-toll",
      "اندلعت اشتباكات بين عشرات المسلحين وقوات الأمن في مدينة الزاوية.", "2023-08-15", 1,
      W(rasd_type="armed_clash", fatalities=None)),
    # ------------------------------------------------------------ ambulance services are medical sources
    C("ly-ambulance-service-is-medical",
      "قتل شخصان في اشتباكات بين مجموعتين مسلحتين وسط مدينة مصراتة، بحسب جهاز الإسعاف والطوارئ.",
      "2023-05-28", 1, W(rasd_type="armed_clash", cited_kind="medical", fatalities=2)),
    # ------------------------------------------------------------ a protest's cause is no event
    C("sd-march-against-a-killing",
      "خرج مئات الطلاب في موكب بمدينة الأبيض احتجاجا على مقتل زميلهم برصاص الشرطة الأسبوع الماضي.",
      "2023-01-12", 1, W(sub_event_type="Peaceful protest", fatalities=None)),
    C("eg-vigil-condemning-an-arrest",
      "نظم صحفيون وقفة أمام نقابة الصحفيين في القاهرة تنديدا باعتقال زميل لهم.",
      "2022-03-03", 1, W(sub_event_type="Peaceful protest")),
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    check_case(case)


# Ordinary words that are also names of the places added for Egypt and Somalia.
@pytest.mark.parametrize("text,word", [
    ("تسعى الحكومة إلى جلب الاستثمارات من الخارج.", "جلب"),
    ("قال الوزير إن الحسنة تمحو السيئة.", "الحسنة"),
    ("وصلت الشحنة في آب الماضي إلى الميناء.", "آب"),
])
def test_common_words_named_like_new_places_are_no_places(text, word):
    places = geocode(text).places
    assert not any(word in (m.mention or "") for m in places), [m.mention for m in places]
