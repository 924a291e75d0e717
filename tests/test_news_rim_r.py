"""Team-written cases for set rim_r (eval/news/rim_r_*): short reports from Egypt, Libya,
Somalia and Sudan. One group per family of fixes; every sentence is written afresh (none
is a sentence of the eval texts).
"""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

PLACE_CASES = [
    # towns and districts the index lacks, named with a preposition or a place noun
    C("eg-kafr-el-dawwar-strike",
      "تظاهر مئات من عمال الغزل أمام مبنى الإدارة بكفر الدوار، صباح الثلاثاء، للمطالبة بزيادة الأجور.",
      "2023-05-09", 1, W(rasd_type="peaceful_protest", place="كفر الدوار", admin1="Beheira", country="EG")),
    C("so-hodan-grenade-on-a-restaurant",
      "قُتل شخصان وأصيب أربعة في هجوم مسلح على مطعم في حي هودن بمقديشو، مساء الجمعة.",
      "2022-11-12", None, W(place="هودن", admin1="Banadir", country="SO")),
    C("so-beled-hawo-clash",
      "اندلع قتال عنيف، فجر الأحد، بين القوات الحكومية ومسلحين في مدينة بلد حاوة جنوب غربي الصومال، وقتل ثلاثة جنود.",
      "2021-03-01", 1, W(rasd_type="armed_clash", place="بلد حاوة", admin1="Gedo", fatalities=3)),
    # the spelling with a space finds the town the index lists as one word
    C("so-bulo-burte-mortars",
      "سقطت قذائف هاون أطلقتها حركة الشباب على قاعدة للجيش في بلدة بولو برتي، صباح الأربعاء.",
      "2022-02-16", 1, W(rasd_type="shelling", place="بولوبردي", admin1="Hiraan")),
    # Tawila with its place noun; the adjective "long" after a noun stays a word
    C("sd-tawila-town-shelled",
      "قصفت قوات الدعم السريع مدينة طويلة بشمال دارفور بالمدفعية الثقيلة، صباح الخميس، ما أدى إلى مقتل خمسة مدنيين.",
      "2025-05-15", 1, W(rasd_type="shelling", place="طويلة", admin1="North Darfur", fatalities=5)),
    C("sd-a-long-battle-is-no-town",
      "قصفت قوات الدعم السريع مدينة الفاشر بالمدفعية الثقيلة لساعات طويلة، صباح الخميس.",
      "2025-05-15", 1, W(rasd_type="shelling", place="الفاشر", admin1="North Darfur")),
]

MEMORY_CASES = [
    # a speech that recalls the fallen of old battles reports no battle
    C("ly-speech-recalls-the-fallen",
      "وألقى رئيس الأركان كلمة في حفل التخرج مستذكرا تضحيات الأبطال الذين سقطوا في معارك تحرير سرت.",
      "2024-12-17", 0),
    C("so-minister-recalls-old-battles",
      "واستذكر وزير الدفاع خلال الاحتفال الجنود الذين قتلوا في المعارك ضد الخوارج في إقليم هيران.",
      "2023-07-01", 0),
    # an attack told beside a recalled one is still reported
    C("eg-attack-beside-a-memory",
      "قُتل جنديان في هجوم لمسلحين على كمين أمني جنوب مدينة رفح، فجر اليوم السبت. "
      "وكان المحافظ قد استذكر أمس تضحيات الشهداء الذين سقطوا في معارك العام الماضي.",
      "2018-04-07", 1, W(place="رفح", fatalities=2)),
]

FEUD_CASES = [
    # Upper Egypt's blood feuds flaring up again are armed clashes between families
    C("eg-feud-flares-in-girga",
      "قُتل شخصان وأصيب ثلاثة آخرون في تجدد الخصومة الثأرية بين عائلتين بمدينة جرجا في محافظة سوهاج، مساء الجمعة.",
      "2022-04-02", 1, W(rasd_type="armed_clash", place="جرجا", fatalities=2)),
    C("eg-feud-battle-in-qena",
      "نشبت معركة ثأرية بالأسلحة الآلية بين أبناء عمومة في مدينة نقادة جنوب قنا، أسفرت عن مصرع ثلاثة.",
      "2023-08-20", 1, W(rasd_type="armed_clash", fatalities=3)),
    # the police chief who is told of it names his governorate, not a second scene
    C("eg-police-chief-is-told",
      "أصيب خمسة أشخاص في مشاجرة بالأسلحة النارية بين عائلتين بمدينة ملوي جنوب المنيا، مساء الأحد. "
      "وتلقى مدير أمن المنيا إخطارا بالواقعة، وانتقلت قوة من الشرطة إلى المكان.",
      "2024-01-15", 1, W(rasd_type="armed_clash", place="ملوي")),
    # a diocese named after its town speaks for it; the village it names is the scene
    C("eg-diocese-names-its-village",
      "وقالت مطرانية ديروط في بيان إن مجهولين أطلقوا النار على منزل قبطي بقرية الحلافية التابعة لمركز ديروط، مساء الخميس، دون إصابات.",
      "2023-02-10", None, W(place="الحلافية")),
]

RETOLD_CLASH_CASES = [
    # a statement's lead and its retelling with the gunmen unnamed are one clash, and the
    # dead of both sides add up
    C("eg-firefight-retold",
      "أعلن المتحدث العسكري القضاء على خمسة من العناصر التكفيرية جنوب مدينة العريش، أمس الاثنين. "
      "وأوضح أن العناصر بادرت بإطلاق النار على القوات فتم التعامل معها، ما أسفر عن استشهاد جندي.",
      "2018-03-06", 1, W(rasd_type="armed_clash", place="العريش", fatalities=6)),
    # Somalia's state media call al-Shabaab "الخوارج": their dead are the other side's
    C("so-khawarij-and-soldiers",
      "قال قائد عسكري إن الجيش قتل عشرة من الخوارج في اشتباكات قرب مدينة بلدوين، صباح الأحد. "
      "وأضاف أن المعركة أسفرت عن مقتل جنديين من القوات.",
      "2023-04-09", 1, W(rasd_type="armed_clash", place="بلدوين", fatalities=12)),
    # Egypt's interior ministry: wanted men who "opened fire first" and were "dealt with"
    C("eg-wanted-men-open-fire-first",
      "وأوضح البيان أن المطلوبين بادروا بإطلاق النار تجاه القوات لدى محاولة ضبطهم بمدينة ملوي، "
      "فجر الأربعاء، فتم التعامل معهم، ما أسفر عن مقتل اثنين منهم.",
      "2022-09-14", 1, W(rasd_type="armed_clash", place="ملوي", fatalities=2)),
    # launching an initiative is no shot fired
    C("eg-initiative-launched",
      "وبادرت المحافظة بإطلاق مبادرة لإنهاء الخصومات في قرى مركز ملوي، الأربعاء.",
      "2022-09-14", 0),
]

ALL_CASES = PLACE_CASES + MEMORY_CASES + FEUD_CASES + RETOLD_CLASH_CASES


@pytest.mark.parametrize("case", ALL_CASES, ids=[c["id"] for c in ALL_CASES])
def test_case(case):
    check_case(case)
