"""Team-written cases for set quiet_j (eval/news/quiet_j_*): news with no conflict event
(accidents, fires, parades, drills, matches, court hearings) where rasd must invent
nothing, and real events told beside such material, which must still come out. One
group per family of fixes; every sentence is written afresh (none is a sentence of the
eval texts).
"""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

ACCIDENT_CASES = [
    # a vehicle that overturns or collides kills: a road accident, no act of violence
    C("eg-car-overturns-on-the-highway",
      "لقي خمسة أشخاص مصرعهم وأصيب ثمانية آخرون إثر انقلاب سيارة أجرة على طريق أسيوط الغربي.",
      "2024-05-02", 0),
    C("iq-two-cars-collide",
      "قتل أربعة أشخاص بينهم طفلان في حادث تصادم بين مركبتين على الطريق الرابط بين الحلة وكربلاء.",
      "2023-09-14", 0),
    C("sy-truck-hits-a-minibus",
      "توفي ثلاثة ركاب وجرح ستة إثر اصطدام شاحنة بحافلة صغيرة على أوتوستراد حمص طرطوس.",
      "2022-11-20", 0),
    # a gas container or a lightning bolt is no explosive device
    C("ye-gas-canister-in-a-bakery",
      "قتل عاملان وأصيب خمسة بانفجار قنينة غاز داخل مخبز في مدينة المكلا.",
      "2024-02-08", 0),
    C("sd-lightning-kills-herders",
      "لقي ثلاثة رعاة مصرعهم بصاعقة رعدية ضربت مراعي قرب مدينة النهود.",
      "2023-08-03", 0),
    # a real blast in the same kind of report still is one
    C("ye-device-beside-a-market-is-kept",
      "قتل مدنيان وأصيب أربعة بانفجار عبوة ناسفة زرعها مجهولون قرب سوق شعبي في مدينة المكلا.",
      "2024-02-08", 1, W(sub_event_type="Remote explosive/landmine/IED", fatalities=2)),
]

DRILL_CASES = [
    # weapons on parade and live-fire drills rehearse attacks; none happens
    C("iq-parade-shows-rocket-launchers",
      "استعرضت قوات الحشد الشعبي دبابات وصواريخ بعيدة المدى خلال عرض عسكري في معسكر أشرف بديالى.",
      "2023-06-26", 0),
    C("ly-live-fire-drill",
      "نفذت وحدات من الجيش الليبي رمايات بالذخيرة الحية بالمدفعية والصواريخ في ميدان جنوب سرت ضمن مناورات درع الوطن.",
      "2024-08-12", 0),
    C("eg-drill-attack-on-an-imaginary-ship",
      "وشهد التمرين تنفيذ هجوم على أهداف مفترضة في عرض البحر وتدميرها بالصواريخ الموجهة.",
      "2023-05-30", 0),
    C("lb-midfield-taken",
      "سيطر لاعبو العهد على منطقة الوسط وشنوا هجمات متتالية على مرمى الصفاء.",
      "2024-03-02", 0),
    # a strike on a drill is a strike
    C("sy-strike-on-a-training-camp-is-kept",
      "قتل ثمانية عناصر من فصيل مسلح بغارة جوية روسية استهدفت معسكرا للتدريب قرب بلدة كفرتخاريم.",
      "2023-10-25", None, W(sub_event_type="Air/drone strike", fatalities=8)),
]

FIRE_CASES = [
    # the fire named earlier is what the firemen bring under control ("السيطرة عليها")
    C("sy-crop-fires-brought-under-control",
      "قال الدفاع المدني إن الحرائق امتدت إلى حقول القمح في ريف القامشلي قبل أن تتمكن الفرق من السيطرة عليها مساء أمس.",
      "2023-06-05", 0),
    C("ly-tank-fire-controlled",
      "اندلع الحريق في خزان للنفط بميناء البريقة، وتمكن رجال الإطفاء من السيطرة عليه بعد ثلاث ساعات.",
      "2024-03-18", 0),
    # a town taken is still taken when the pronoun stands for it
    C("sd-town-stormed-and-held",
      "هاجمت قوات الدعم السريع مدينة أم روابة صباح اليوم وسيطرت عليها بعد اشتباكات مع الجيش.",
      "2024-02-10", None, W(rasd_type="territory_gain_nonstate")),
]

BACKREF_CASES = [
    # who stood behind an attack told before is no second attack
    C("iq-suspects-behind-the-attack",
      "أصيب ثلاثة من عناصر الحشد بانفجار عبوة ناسفة قرب قضاء طوزخورماتو، ورجح مصدر أمني وقوف خلايا داعش وراء الهجوم.",
      "2023-04-11", 1, W(sub_event_type="Remote explosive/landmine/IED")),
    C("so-group-claims-the-attack",
      "انفجرت عبوة ناسفة بمركبة عسكرية في بلدة أفجوي، وتبنت حركة الشباب الهجوم في بيان.",
      "2024-09-19", 1, W(sub_event_type="Remote explosive/landmine/IED")),
    # a hearing to come or a petition tells of no act
    C("ps-petition-against-demolitions",
      "قالت المحكمة العليا الإسرائيلية إنها ستنظر الأسبوع المقبل في التماس ضد هدم منازل في قرية بيت أمر.",
      "2024-01-15", 0),
    C("lb-lawsuit-over-an-old-strike",
      "رفعت عائلات الضحايا دعوى قضائية بشأن استهداف سيارة الإسعاف في بلدة الناقورة.",
      "2024-06-03", 0),
]

LANDMARK_CASES = [
    # a stadium named as where a shell fell is a landmark, not a match
    C("sd-shells-near-the-stadium",
      "سقطت قذيفتان مدفعيتان على حي الصافية القريب من الملعب في مدينة الأبيض، ما أدى إلى مقتل ثلاثة مدنيين.",
      "2024-03-09", None, W(sub_event_type="Shelling/artillery/missile attack", fatalities=3)),
    C("ly-car-bomb-outside-the-stadium",
      "انفجرت سيارة مفخخة أمام الملعب البلدي في مدينة بنغازي، ما أدى إلى مقتل أربعة أشخاص.",
      "2023-11-14", None, W(sub_event_type="Remote explosive/landmine/IED", fatalities=4)),
    # the match itself is still a figure of speech
    C("sd-match-at-the-stadium",
      "شن لاعبو الهلال هجمات متتالية في الملعب وقصفوا مرمى المريخ بثلاثة أهداف.",
      "2024-03-09", 0),
]

EXHIBITION_CASES = [
    # pictures of the dead on show remember a massacre; they do not report one
    C("iq-exhibition-of-the-victims",
      "افتتح في مدينة حلبجة معرض للصور يوثق وجوه المدنيين الذين قتلوا في القصف الكيماوي على المدينة.",
      "2024-03-16", 0),
    C("ye-art-show-for-children-killed",
      "ضم معرض فني أقيم في صنعاء لوحات لأطفال قتلوا في الغارة على حافلة ضحيان.",
      "2023-08-09", 0),
]

ALL_CASES = ACCIDENT_CASES + DRILL_CASES + FIRE_CASES + BACKREF_CASES + LANDMARK_CASES + EXHIBITION_CASES


@pytest.mark.parametrize("case", ALL_CASES, ids=[c["id"] for c in ALL_CASES])
def test_case(case):
    check_case(case)
