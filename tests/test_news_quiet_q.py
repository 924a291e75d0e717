"""Team-written cases for set quiet_q (eval/news/quiet_q_*): reports full of violent words
with no event (drills, films, road accidents, markets, family killings, habits and
categories of violence) where rasd must invent nothing, and real events told beside such
material, which must still come out. One group per family of fixes; every sentence is
written afresh (none is a sentence of the eval texts).
"""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

FIGURE_CASES = [
    # a drill's mock enemy and mock target: rehearsal, not attack
    C("sd-drill-strikes-imaginary-positions",
      "ونفذت الطائرات ضربات على مواقع افتراضية للعدو قرب مدينة شندي، تلاها قصف مدفعي على تحصينات افتراضية.",
      "2024-11-04", 0),
    C("iq-drill-takes-an-imaginary-bridge",
      "واختتمت الوحدات اليوم بعملية إنزال جوي للسيطرة على جسر مفترض غرب مدينة الرمادي.",
      "2023-04-18", 0),
    # a target hit in a drill or a test is no one injured
    C("eg-rockets-hit-their-targets",
      "مرسى مطروح - قال قائد المنطقة إن الرماة استخدموا الذخيرة الحية وحققوا إصابة الأهداف بدقة عالية.",
      "2024-09-12", 0),
    # a documentary shows old fighting; it reports none
    C("ly-documentary-on-sirte",
      "ويعرض الفيلم الوثائقي مشاهد من المعارك في أحياء سرت وقصف الطائرات لمواقع التنظيم.",
      "2024-12-01", 0),
    # a bus falling from a mountain road is an accident
    C("ye-bus-falls-into-a-valley",
      "لقي سبعة ركاب حتفهم وأصيب تسعة آخرون إثر سقوط حافلة في واد بمديرية حراز غربي صنعاء.",
      "2024-07-20", 0),
    # a mood or a calm that "takes hold" of people is no force taking ground
    C("eg-panic-grips-the-market",
      "وسيطرت حالة من الهلع على المتعاملين في سوق الذهب بعد الارتفاع القياسي للأسعار.",
      "2024-03-05", 0),
    C("sy-calm-prevails-in-the-town",
      "وسيطر الهدوء الحذر على مدينة جاسم صباح اليوم بعد ليلة من التوتر.",
      "2024-06-11", 0),
    # a real strike that hits its target and wounds people is still one
    C("lb-strike-with-wounded-is-kept",
      "أصيب ثلاثة مدنيين بجروح في غارة إسرائيلية بمسيرة استهدفت سيارة على طريق بلدة حولا.",
      "2024-10-07", 1, W(sub_event_type="Air/drone strike", count=("injured", 3))),
]

HABIT_CASES = [
    # a campaign's habit and its victims, not one incident
    C("ye-border-villages-shelled-almost-daily",
      "وتواصل المدفعية قصف القرى الحدودية في مديرية رازح بشكل شبه يومي، موقعة ضحايا بين المزارعين.",
      "2024-05-14", 0),
    C("sy-drones-hit-the-road-repeatedly",
      "ويستهدف الطيران المسير طريق الأتارب بشكل متكرر منذ مطلع الشهر.",
      "2024-04-02", 0),
    # a category of harm summed up by a report
    C("ye-mines-the-main-cause",
      "وأوضحت المنظمة أن الألغام والقنص كانت أبرز أسباب سقوط الضحايا المدنيين في محافظة تعز.",
      "2024-01-09", 0),
    # today's shelling told before the habit stays one event
    C("ye-todays-shelling-before-the-habit",
      "أصيب طفلان بقصف مدفعي استهدف قرية الرقو في مديرية منبه صباح اليوم. ويتكرر القصف على القرية بشكل شبه يومي.",
      "2024-05-14", 1, W(sub_event_type="Shelling/artillery/missile attack", count=("injured", 2))),
]

THREAT_CASES = [
    # a threat whose act is quoted after بـ, across the asides of time
    C("il-minister-threatens-quoted-strike",
      'هدد رئيس أركان الجيش الإسرائيلي، في كلمة أمام الضباط، بـ"قصف مطار صنعاء وتدمير ميناء الحديدة" إذا تواصلت الهجمات.',
      "2024-07-21", 0),
    C("sd-commander-threatens-quoted-assault",
      'توعد قائد ميداني في الدعم السريع، مساء الإثنين، بـ"هجوم كاسح على مدينة الأبيض" خلال أيام.',
      "2024-06-03", 0),
    # the act itself, quoted as a headline, is still reported
    C("lb-quoted-strike-that-happened",
      'قال مراسلنا إن "غارة إسرائيلية استهدفت منزلا في بلدة عيترون" فجر اليوم، ما أدى إلى إصابة مواطنين اثنين.',
      "2024-05-30", 1, W(sub_event_type="Air/drone strike")),
]

KIN_CASES = [
    # a man shooting his own brothers or wife is a crime, not political violence
    C("eg-man-shoots-his-brothers",
      "قتل شخصان وأصيب ثالث إثر إطلاق نار من قبل مزارع على أشقائه داخل منزل العائلة بقرية في مركز طما بمحافظة سوهاج.",
      "2024-08-19", 0),
    C("iq-man-shoots-his-wife",
      "أقدم رجل على إطلاق النار على زوجته ووالدتها في حي الجمهورية بالبصرة ما أدى إلى مقتلهما.",
      "2024-02-27", 0),
    # a feud between two families fought with arms stays a clash
    C("iq-clan-clash-over-land-is-kept",
      "اندلع نزاع عشائري مسلح بين عشيرتين في قضاء الشطرة بسبب خلاف على أرض زراعية، ما أسفر عن مقتل شخصين.",
      "2024-02-27", 1, W(event_type="Battles", fatalities=2)),
]

SEIZURE_CASES = [
    # the arms found on the men arrested are the arrest's: one record, an arrest
    C("sy-cell-arrested-with-its-weapons",
      "ألقت وحدات الأمن الداخلي القبض على ثلاثة مطلوبين في بلدة القرداحة، وضبطت بحوزتهم بنادق آلية وذخائر.",
      "2025-04-12", 1, W(rasd_type="arrest", place="القرداحة")),
    C("iq-suspects-arrested-arms-seized",
      "اعتقلت قوة من الشرطة الاتحادية أربعة متهمين في قضاء الطارمية وصادرت أسلحة وأعتدة كانت بحوزتهم.",
      "2024-10-02", 1, W(rasd_type="arrest")),
    # a seizure told first stays a seizure (the gold sets keep the smugglers' arrest as an
    # optional record of its own)
    C("eg-shipment-seized-smugglers-held",
      "ضبطت قوات حرس الحدود شحنة أسلحة وذخائر قرب مدينة السلوم، وألقت القبض على سائقي السيارتين.",
      "2024-10-02", None, W(rasd_type="weapons_seized")),
]

PLACE_CASES = [
    # after "قرية أم"/"بلدة أم" a common definite word is the village's name, not the district
    # named after it
    C("sy-village-umm-common-word",
      "أصيب رجلان بقصف مدفعي استهدف قرية أم الورد التابعة لناحية أبو راسين صباح اليوم.",
      "2025-08-04", 1, W(place="أم الورد")),
    C("sd-village-umm-common-word",
      "هاجمت قوات الدعم السريع بلدة أم القرى شرقي ولاية الجزيرة ونهبت منازل المواطنين.",
      "2024-12-02", None, W(place="أم القرى")),
    # Egypt's Mahalla is not the Yemeni village named المحلة
    C("eg-mahalla-workers-protest",
      "نظم عمال شركة للغزل وقفة احتجاجية داخل مصنعهم في المحلة الكبرى للمطالبة بزيادة الأجور.",
      "2025-03-10", 1, W(event_type="Protests", place="المحلة الكبرى", country="EG")),
]

MEMORIAL_CASES = [
    # a memorial ceremony for the fallen of an old battle reports no new deaths
    C("ye-memorial-for-fallen-soldiers",
      "أقامت قيادة اللواء الثالث حفلا تأبينيا لشهداء اللواء الذين سقطوا في معارك جبهة كرش العام الماضي.",
      "2025-02-11", 0),
    C("iq-fortieth-day-memorial",
      "أقيمت في مدينة الناصرية أربعينية المقاتلين الذين قتلوا في هجوم على موقع للحشد قرب الحدود السورية.",
      "2024-09-30", 0),
    # a clash told in the same report as the memorial is kept
    C("ye-clash-beside-the-memorial-is-kept",
      "نظمت السلطة المحلية حفل تأبين لقتلى المعارك. وفي الأثناء قتل جندي في اشتباكات مع مسلحي القاعدة في مديرية المحفد صباح اليوم.",
      "2025-02-11", 1, W(event_type="Battles", fatalities=1)),
]

ANNIVERSARY_CASES = [
    # an anniversary's report retells an act years old, with its own date: no news of it
    C("ly-anniversary-retells-an-old-massacre",
      "أحيا أهالي مدينة غريان الذكرى الخامسة للمجزرة. وكانت قذائف الهاون قد سقطت على حي سكني في المدينة في 12 أبريل 2019، فقتلت 11 مدنيا.",
      "2024-04-12", 0),
    # an act of today told in an anniversary report is news
    C("ps-raid-on-the-anniversary-is-kept",
      "أحيا الفلسطينيون الذكرى السنوية ليوم الأرض بمسيرات في عدة مدن. وفي الأثناء، اعتقلت قوات الاحتلال اليوم ثلاثة شبان من بلدة بيت أمر شمال الخليل.",
      "2024-03-30", None, W(rasd_type="arrest", place="بيت أمر")),
]

ALL_CASES = (FIGURE_CASES + HABIT_CASES + THREAT_CASES + KIN_CASES + SEIZURE_CASES + PLACE_CASES + MEMORIAL_CASES
             + ANNIVERSARY_CASES)


@pytest.mark.parametrize("case", ALL_CASES, ids=[c["id"] for c in ALL_CASES])
def test_case(case):
    check_case(case)
