"""Team-written cases for set levant_k (eval/news/levant_k_*): Levant reports from every
side's media, 2015-2025. One group per family of fixes; every sentence is written afresh
(none is a sentence of the eval texts).
"""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

IDF_VOICE_CASES = [
    # the Israeli army's Arabic statements call it "جيش الدفاع": the actor is Israel, and
    # its spokesman is a military source, whatever the verb or the clitic
    C("lb-idf-jets-hit-a-launcher",
      "هاجمت طائرات حربية تابعة لجيش الدفاع ليلة أمس منصة صواريخ لحزب الله في بلدة طير حرفا.",
      "2024-08-04", 1, W(rasd_type="airstrike", actor1="Military Forces of Israel", inter1=8)),
    C("lb-idf-spokesman-claims-a-strike",
      "قال الناطق بلسان جيش الدفاع إن طائرة مسيرة استهدفت اليوم منصة صواريخ لحزب الله في بلدة عيتا الشعب، ما أدى إلى مقتل عنصرين.",
      "2024-07-21", 1, W(actor1="Military Forces of Israel", cited_kind="military", fatalities=2)),
    C("ps-idf-forces-raid-and-detain",
      "اعتقلت قوات جيش الدفاع فجر اليوم أربعة مطلوبين خلال نشاط في مخيم نور شمس قرب طولكرم.",
      "2023-11-06", 1, W(rasd_type="arrest", inter1=8)),
]

DUAL_MARTYR_CASES = [
    # a dual casualty noun alone is a count of two, after any outcome word
    C("lb-drone-two-martyrs",
      "استهدفت مسيرة معادية دراجة نارية على طريق بلدة برج الملوك، ما أدى إلى سقوط شهيدين.",
      "2024-09-02", 1, W(rasd_type="airstrike", fatalities=2)),
    C("ps-shelling-rise-of-two-martyrs",
      "ارتقى شهيدان وأصيب آخرون بقصف مدفعي للاحتلال على حي الزيتون جنوب مدينة غزة.",
      "2024-01-15", 1, W(fatalities=2)),
    C("sy-two-civilians-in-a-shelling",
      "قتل مدنيان بقصف صاروخي استهدف أطراف مدينة سراقب بريف إدلب الشرقي صباح اليوم.",
      "2019-05-30", 1, W(fatalities=2)),
]

OWNED_TARGET_CASES = [
    # a launcher, store or tunnel "of" a group is what was hit: the group is the target,
    # never the striker, however far the object stands from the verb
    C("lb-drone-hits-a-hezbollah-cell",
      "استهدفت مسيرة إسرائيلية بعد ظهر اليوم منصة صواريخ لحزب الله قرب بلدة حولا، ما أدى إلى مقتل ثلاثة عناصر.",
      "2024-05-19", 1, W(actor1="Military Forces of Israel", actor2="Hezbollah", fatalities=3)),
    C("sy-coalition-hits-an-isis-depot",
      "قصفت طائرات التحالف الدولي فجر اليوم مستودعات ذخيرة لتنظيم داعش في بادية الميادين.",
      "2017-09-12", 1, W(inter1=8, actor2="Islamic State (Syria)", admin1="Deir ez-Zor")),
    C("iq-strike-on-a-launcher-of-a-faction",
      "دمرت غارة أمريكية مساء أمس منصة صواريخ لكتائب حزب الله في منطقة جرف الصخر.",
      "2024-02-08", 1, W(inter1=8, actor2="Kataib Hezbollah")),
]

PEACEFUL_NOT_SALAMIYAH_CASES = [
    # "سلمية" after an indefinite noun is "peaceful", not the town of Salamiyah: the
    # protest stays where the report puts it
    C("sy-peaceful-march-in-sweida",
      "شارك المئات في تظاهرة سلمية أمام مبنى المحافظة وسط مدينة السويداء اليوم الجمعة.",
      "2023-09-01", 1, W(rasd_type="peaceful_protest", place="السويداء")),
    C("ps-peaceful-vigil-in-a-village",
      "نظم أهالي قرية كفر قدوم وقفة سلمية عصر اليوم رفضا لمصادرة أراضيهم.",
      "2021-06-11", None, W(rasd_type="peaceful_protest", place="كفر قدوم")),
    C("iq-peaceful-protests-in-kut",
      "خرج موظفو العقود في احتجاجات سلمية أمام ديوان محافظة واسط في الكوت للمطالبة بتثبيتهم.",
      "2019-11-05", 1, W(rasd_type="peaceful_protest", admin1="Wasit")),
    # the town itself, named with a preposition or a noun, is still a place
    C("sy-shooting-in-salamiyah-town",
      "قتل شاب برصاص مسلحين مجهولين في مدينة سلمية بريف حماة الشرقي مساء أمس.",
      "2025-02-14", 1, W(place="سلمية", admin1="Hama")),
]

GUARDED_PROTEST_CASES = [
    # police spread round a protest told first guard it: no deployment of its own
    C("iq-police-round-a-sit-in",
      "تظاهر عشرات المعلمين صباح اليوم أمام مديرية التربية في البصرة للمطالبة بصرف رواتبهم، وانتشرت قوات الأمن في محيط المبنى.",
      "2022-03-06", 1, W(rasd_type="peaceful_protest")),
    C("lb-army-round-a-march",
      "تظاهر المئات في ساحة النور في طرابلس احتجاجا على انقطاع الكهرباء. وانتشرت وحدات من الجيش في الشوارع المحيطة بالساحة.",
      "2021-07-27", 1, W(rasd_type="peaceful_protest")),
    # a deployment in another province is still news of its own
    C("sy-deployment-elsewhere-is-kept",
      "تظاهر العشرات في مدينة السويداء للمطالبة بالإفراج عن المعتقلين. وفي درعا، انتشرت قوات من الجيش في مدينة بصرى الشام.",
      "2025-05-02", 2, W(rasd_type="deployment", admin1="Daraa")),
]

WOUNDED_DUAL_CASES = [
    # the wounding verb before a dual governs it, not the bullets' or shells' word after
    C("ps-two-youths-wounded-by-bullets",
      "أصيب شابان برصاص قوات الاحتلال الحي خلال اقتحامها بلدة قباطية جنوب جنين فجر اليوم.",
      "2023-08-17", None, W(fatalities=None, count=("injured", 2))),
    C("sy-two-children-wounded-by-sniper",
      "أصيب طفلان برصاص قناص في حي الوعر بمدينة حمص صباح اليوم.",
      "2016-02-03", 1, W(fatalities=None, count=("injured", 2))),
    # and the killing verb still counts the dead
    C("ps-two-youths-killed-by-bullets",
      "استشهد شابان برصاص قوات الاحتلال خلال مواجهات عند مدخل مخيم بلاطة شرق نابلس.",
      "2023-08-17", None, W(fatalities=2)),
]

MAYADIN_CASES = [
    # al-Mayadin, the town, spelt like "the squares/fields": a place beside its province,
    # after a relative word or on a road; "the fields" of a speech stay words
    C("sy-drone-near-mayadin",
      "قتل ثلاثة عناصر من ميليشيا موالية لإيران بغارة جوية قرب الميادين بريف دير الزور الشرقي الليلة الماضية.",
      "2021-11-08", 1, W(place="الميادين", admin1="Deir ez-Zor", fatalities=3)),
    C("sy-strike-on-the-mayadin-road",
      "استهدفت طائرة مسيرة شاحنة على طريق الميادين البوكمال في ريف دير الزور صباح اليوم.",
      "2022-04-19", None, W(rasd_type="airstrike", admin1="Deir ez-Zor")),
    C("iq-minister-in-all-fields",
      "أكد وزير الداخلية أن القوات الأمنية حققت نجاحات كبيرة في شتى الميادين خلال العام الماضي.",
      "2023-01-02", 0),
]

BARE_WARPLANES_CASES = [
    # a bare "the warplanes" in Lebanon or Gaza are Israel's, the one air force there;
    # in Syria before December 2024 and in Iraq they stay the home air force
    C("lb-bare-warplanes-on-a-village",
      "شن الطيران الحربي ثلاث غارات متتالية على أطراف بلدة يارين في القطاع الغربي بعد ظهر اليوم.",
      "2024-03-12", 1, W(rasd_type="airstrike", actor1="Military Forces of Israel", inter1=8)),
    C("ps-bare-warplanes-on-a-house",
      "قصفت الطائرات الحربية منزلا لعائلة أبو شمالة في حي تل السلطان غرب رفح فجر اليوم.",
      "2024-02-10", None, W(rasd_type="airstrike", actor1="Military Forces of Israel")),
    C("sy-bare-warplanes-stay-syrian-in-2019",
      "شن الطيران الحربي غارات على أطراف بلدة كفرنبل في ريف إدلب الجنوبي صباح اليوم.",
      "2019-06-21", 1, W(rasd_type="airstrike", actor1="Military Forces of Syria", inter1=1)),
    C("iq-bare-warplanes-stay-iraqi",
      "شن الطيران الحربي غارات على مواقع لداعش في وادي الشاي جنوب كركوك اليوم.",
      "2021-05-11", 1, W(rasd_type="airstrike", actor1="Military Forces of Iraq", inter1=1)),
]

ALL_CASES = BARE_WARPLANES_CASES + MAYADIN_CASES + WOUNDED_DUAL_CASES + IDF_VOICE_CASES + DUAL_MARTYR_CASES + OWNED_TARGET_CASES + PEACEFUL_NOT_SALAMIYAH_CASES \
    + GUARDED_PROTEST_CASES


@pytest.mark.parametrize("case", ALL_CASES, ids=[c["id"] for c in ALL_CASES])
def test_case(case):
    check_case(case)
