"""Team-written short-news cases from the fixes that set south_l (eval/news/south_l_*:
Yemen, Sudan, Libya, Somalia and Egypt, 2015-2025, every side's outlets) prompted: one
group per family, each sentence written afresh (none is a sentence of the eval texts).

Families: a campaign told as background after the incident (strikes "متكررة", a run
"خلال الأيام الماضية", "ويأتي القصف في ظل تصعيد") is no second event; a town freed after the subject and a time aside ("حررت قوات
الجيش، فجر اليوم، بلدة ...") is a territory gain, a hostage freed is not; protesters hurt when a march is dispersed are the
intervention's, not an attack of its own; damage named among an act's results ("ما أسفر
عن مقتل 40 من عناصرها وتدمير عربات") is that act's, not a clash by its victims; forces massed for
an assault not yet made ("تحشد قواتها للهجوم على المدينة") is no attack.
"""
from __future__ import annotations

import pytest

import rasd

from casekit import C, W, check_case

CASES = [
    # ------------------------------------------------------------ a campaign told as background
    C("ye-habitual-strikes-after-the-strike",
      "قتل مسلحان في غارة لطائرة مسيرة استهدفت دراجة نارية في مديرية مودية بمحافظة أبين. "
      "وتنفذ الطائرات الأمريكية غارات متكررة على مواقع التنظيم في شبوة ومأرب.",
      "2019-03-03", 1, W(rasd_type="airstrike", fatalities=2)),
    C("sd-repeated-shelling-is-background",
      "سقطت قذيفتان على سوق مدينة كادقلي ما أدى إلى مقتل ثلاثة مدنيين. "
      "وتتعرض مدينة الدلنج أيضا لقصف متكرر من الحركة الشعبية.",
      "2024-06-01", 1, W(rasd_type="shelling", fatalities=3)),
    C("ye-a-run-of-strikes-over-past-days",
      "استشهد مواطنان في غارة للعدوان على منزل في مديرية باقم بمحافظة صعدة. "
      "وكان طيران العدوان قد شن خلال الأسابيع الماضية عشرات الغارات على مناطق متفرقة.",
      "2016-10-10", 1, W(rasd_type="airstrike", fatalities=2)),
    C("ly-the-shelling-taken-up-as-context",
      "أصيب طفلان بقذيفة عشوائية سقطت على منزل في حي الهضبة بالعاصمة طرابلس. "
      "وتأتي القذائف في ظل توتر أمني تشهده منطقة عين زارة جنوب العاصمة.",
      "2019-05-20", 1, W(rasd_type="shelling")),
    C("ye-a-strike-that-comes-after-talks",
      "وجاءت الغارات بعد ساعات من انهيار المحادثات.",
      "2019-05-20", 0),
    # a strike told once with its own date stays an event
    C("so-strike-today-stays",
      "نفذت القيادة الأمريكية في أفريقيا، اليوم، غارة جوية على مسلحين من حركة الشباب قرب بلدة جلب.",
      "2023-02-11", 1, W(rasd_type="airstrike", inter1=8)),
    # ------------------------------------------------------------ massing for an assault not yet made
    C("sd-massing-for-an-assault",
      "قال مصدر عسكري إن قوات الدعم السريع تحشد عناصرها في محيط بلدة أم صميمة للهجوم على مدينة الأبيض.",
      "2025-05-02", 0),
    C("ye-houthis-massed-for-an-attack",
      "أفادت مصادر ميدانية بأن الحوثيين حشدوا تعزيزات جديدة إلى جبهة الكسارة، وأن المليشيا تحشد للهجوم على مواقع الجيش.",
      "2021-02-08", 0),
    C("ye-massed-then-attacked-stays",
      "حشدت المليشيا مئات المقاتلين ثم شنت هجوما على مواقع الجيش في بلدة صرواح فجر اليوم.",
      "2021-02-08", 1, W(date_start="2021-02-08")),
    C("ly-the-attack-made-stays",
      "هاجمت مجموعة مسلحة، فجر اليوم، مقر الشرطة في مدينة غريان ما أدى إلى مقتل ثلاثة شرطيين.",
      "2022-08-01", 1, W(place="غريان", fatalities=3)),
    # ------------------------------------------------------------ a town retaken after a time aside
    C("so-army-frees-town-after-time-aside",
      "حررت قوات الجيش الصومالي، مساء أمس، بلدة محاس في إقليم هيران بعد معارك مع مقاتلي حركة الشباب.",
      "2022-08-15", 1, W(rasd_type="territory_gain_government", place="محاس", date_start="2022-08-14")),
    C("ye-giants-free-a-district",
      "حررت ألوية العمالقة الجنوبية، اليوم الاثنين، مديرية عسيلان في محافظة شبوة من جماعة الحوثي.",
      "2022-01-03", 1, W(event_type="Battles", place="عسيلان", date_start="2022-01-03")),
    # ------------------------------------------------------------ the wounded of a dispersed march
    C("sd-suffocation-after-tear-gas",
      "أطلقت الشرطة الغاز المسيل للدموع على المتظاهرين من طلاب الجامعة في مدينة سنار. "
      "وقال أحد المشاركين إن عشرات الطلاب أصيبوا بحالات اختناق.",
      "2022-01-12", 1, W(event_type="Protests", place="سنار")),
    C("eg-wounded-protesters-after-dispersal",
      "أطلقت قوات الأمن قنابل الغاز لتفريق المحتجين أمام مبنى المحافظة في الإسكندرية، وأصيب خمسة متظاهرين.",
      "2013-07-05", 1, W(event_type="Protests")),
    # a shell that wounds people in another town stays its own event
    C("ye-march-and-a-shell-elsewhere",
      "فرقت قوات الأمن بالغاز المسيل للدموع وقفة احتجاجية في مدينة عدن. "
      "وفي تعز أصيب ثلاثة مدنيين بقذيفة سقطت على سوق شعبي.",
      "2021-09-15", 2, W(event_type="Protests", place="عدن"), W(rasd_type="shelling", place="تعز")),
    # ------------------------------------------------------------ damage named among an act's results
    C("sd-drones-kill-and-destroy",
      "أعلن مصدر عسكري أن مسيرات الجيش السوداني قصفت، مساء أمس، معسكرا لمليشيا الدعم السريع قرب مدينة بارا، "
      "ما أسفر عن مقتل خمسة وعشرين من عناصر المليشيا وتدمير عدد من العربات القتالية.",
      "2025-07-01", 1, W(rasd_type="airstrike", inter1=1, fatalities=25)),
    C("ly-shelling-led-to-destroyed-vehicles",
      "قصفت مدفعية الجيش الليبي، صباح اليوم، مواقع لمسلحي مجلس شورى مجاهدي درنة في حي شيحا، "
      "مما أدى إلى مقتل سبعة من عناصر المجلس وتدمير آليات عسكرية.",
      "2018-05-20", 1, W(inter1=1, fatalities=7)),
    # the destruction told as its own act stays one
    C("so-army-destroys-bases",
      "دمرت قوات الجيش الصومالي، اليوم، مقرات لحركة الشباب في بلدة عيل طير بإقليم جلجدود.",
      "2023-03-02", 1, W(inter1=1, date_start="2023-03-02")),
]


@pytest.mark.parametrize("text", [
    "تمكنت قوة أمنية من تحرير طفل مختطف في قرية قريبة من مدينة بعقوبة دون دفع فدية.",
    "أعلنت الشرطة تحرير رهينة من قبضة عصابة مسلحة في منطقة الحي الصناعي بمدينة بنغازي.",
])
def test_a_hostage_freed_is_no_territory(text):
    records = [r.to_dict() for r in rasd.extract(text, published="2021-06-01")]
    assert not any(r["rasd_type"].startswith("territory") for r in records), records


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    check_case(case)
