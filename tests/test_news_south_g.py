"""Team-written short-news cases from the fixes that set south_g (eval/news/south_g_*:
today's wars in Sudan, Yemen, Somalia, Libya and Egypt) prompted: one group per family,
each sentence written afresh (none is a sentence of the eval texts).

Families: a generic verb typed by the means named after a time aside ("استهدفت
الميليشيا، فجر اليوم، المستودعات بمسيرات"); sources named by their office
("الناطق الرسمي باسم القوات المسلحة", "أحد أقاربه", "شيوخ عشائر").
"""
from __future__ import annotations

import pytest

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
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    check_case(case)
