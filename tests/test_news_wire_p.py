"""Set wire_p (short wire and TV-site reports): the families its first run exposed, on
team-written sentences distinct from the set's texts."""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

DRILL_CASES = [
    # a drill's rehearsed assault, told in a clause after the exercise noun, is no battle
    C("ly-drill-rehearsal-clause",
      "أجرت وحدات من الجيش مناورة بالذخيرة الحية قرب مدينة سرت، بمشاركة الطيران، جرى خلالها "
      "التدرب على صد هجوم معاد واقتحام مواقع العدو.", "2023-04-02", 0),
    C("ye-fighters-trained-to-repel",
      "اختتمت قوات الحرس دورة قتالية في معسكر الجزيرة، وتدرب المقاتلون خلالها على صد هجوم معاد "
      "واقتحام مواقع محصنة.", "2022-09-14", 0),
    C("iq-exercise-then-real-attack-stays",
      "أنهت قوات الحشد تدريبات على صد الهجمات في قضاء طوزخورماتو. وفي سياق آخر، قتل جنديان "
      "بهجوم لمسلحي داعش على نقطة للجيش في قرية البو دور مساء الاثنين.",
      "2021-06-08", 1, W(sub_event_type="Armed clash", fatalities=2)),
]


@pytest.mark.parametrize("case", DRILL_CASES, ids=lambda c: c["id"])
def test_drill_is_no_event(case):
    check_case(case)


QUARTER_CASES = [
    # Gaza City's quarters are places of their own, coded as the quarter, not the city
    C("ps-quarter-east-of-gaza-city",
      "استشهد أربعة مواطنين بينهم طفلان في قصف إسرائيلي استهدف شقة سكنية في حي الشيخ رضوان "
      "بمدينة غزة فجر اليوم.", "2023-11-02", 1,
      W(place="الشيخ رضوان", admin1="Gaza Strip", sub_event_type="Air/drone strike", fatalities=4)),
    C("ps-quarter-without-hay",
      "توغلت آليات الاحتلال في أطراف الشجاعية وسط اشتباكات عنيفة مع المقاومين.", "2024-06-27", None,
      W(place="الشجاعية", admin1="Gaza Strip", sub_event_type="Armed clash")),
]


@pytest.mark.parametrize("case", QUARTER_CASES, ids=lambda c: c["id"])
def test_gaza_quarters(case):
    check_case(case)


DUAL_CASES = [
    # a role noun whose -ين form is only a dual counts two; a nominative dual in -ان too
    C("sy-two-members-killed",
      "أدى انفجار لغم أرضي في ريف منبج إلى مقتل عضوين في مجلس منبج العسكري صباح اليوم.",
      "2022-03-08", 1, W(fatalities=2)),
    C("sy-two-prisoners",
      "أدى القصف على سجن حماة المركزي إلى مقتل سجينين وإصابة آخرين.", "2016-05-04", 1,
      W(fatalities=2)),
    C("sy-two-sons-of-a-commander",
      "أسفرت الغارة عن استشهاد نجلين لقيادي في الفصائل ببلدة بنش.", "2019-08-30", 1,
      W(fatalities=2)),
    # a plural in -ين is not two
    C("sy-fighters-plural-no-toll",
      "هاجم مقاتلين من الفصائل نقاطا لقوات النظام في ريف اللاذقية.", "2019-05-08", None,
      W(fatalities=None)),
]


@pytest.mark.parametrize("case", DUAL_CASES, ids=lambda c: c["id"])
def test_dual_role_nouns_count_two(case):
    check_case(case)


NEW_SUBJECT_CASES = [
    # the soldiers of the next clause (after فيما/بينما) are not the settlers' victims:
    # the attack stays one on civilians
    C("ps-settlers-then-soldiers-fire-gas",
      "هاجم عشرات المستوطنين أطراف قرية ترمسعيا وأحرقوا مركبتين ومنزلاً، فيما أطلق جنود الاحتلال "
      "قنابل الصوت صوب الشبان.", "2023-06-21", 1,
      W(sub_event_type="Attack", inter1=4)),
    C("ps-colonists-then-army-storms",
      "أصيب شابان برصاص المستعمرين خلال هجومهم على بلدة سنجل، بينما اقتحمت قوات الاحتلال "
      "أطراف البلدة.", "2024-05-03", None,
      W(sub_event_type="Attack", inter1=4, place="سنجل")),
    # a clash's own sides in its clause stay its sides
    C("sy-clash-sides-before-fiima",
      "اندلعت اشتباكات بين قوات النظام ومقاتلي الفصائل على محور كبانة، فيما قصفت المدفعية قرى "
      "جبل الأكراد.", "2019-05-20", None,
      W(sub_event_type="Armed clash", inter1=1)),
]


@pytest.mark.parametrize("case", NEW_SUBJECT_CASES, ids=lambda c: c["id"])
def test_next_clause_subject_is_no_target(case):
    check_case(case)


RELATIVE_FORCE_CASES = [
    # "غارة نفذتها طائرات X + adjective": the relative clause names the act's force
    C("iq-f16-strike-by-iraqi-jets",
      "قتل ثلاثة من عناصر داعش بضربة جوية نفذتها طائرات F-16 العراقية في جبال حمرين.",
      "2021-09-20", 1, W(sub_event_type="Air/drone strike", inter1=1)),
    C("so-strike-by-somali-aircraft",
      "قتل مسلحان من حركة الشباب بغارة نفذتها طائرات صومالية قرب بلدة بولوبردي.", "2023-01-09", 1,
      W(sub_event_type="Air/drone strike", inter1=1, fatalities=2)),
    C("sy-shelling-by-turkish-drone",
      "أصيب ثلاثة مدنيين بقصف نفذته طائرة مسيرة تركية على قرية في ريف عين عيسى.", "2022-11-21", 1,
      W(inter1=8)),
]


@pytest.mark.parametrize("case", RELATIVE_FORCE_CASES, ids=lambda c: c["id"])
def test_relative_clause_names_the_force(case):
    check_case(case)


STATE_SIDE_CASES = [
    # the police and the army of one state, told in two sentences of one act, are one side
    C("iq-police-and-army-one-clash",
      "قتل ثلاثة مسلحين في اشتباك مع الشرطة قرب بلدة الشرقاط. وقالت مصادر إن الاشتباك شاركت "
      "فيه قوة من الجيش العراقي في الشرقاط.", "2019-03-10", 1,
      W(sub_event_type="Armed clash", place="الشرقاط", fatalities=3)),
    C("iq-police-shelling-then-iraqi-forces",
      "قصفت الشرطة مواقع المسلحين في بلدة الشرقاط بقذائف الهاون اليوم. وأضاف المصدر أن قصفا "
      "مدفعيا نفذته القوات العراقية استهدف البلدة ذاتها وقتل خمسة مسلحين.", "2019-03-10", 1,
      W(sub_event_type="Shelling/artillery/missile attack", fatalities=5, inter1=1)),
]


@pytest.mark.parametrize("case", STATE_SIDE_CASES, ids=lambda c: c["id"])
def test_one_states_forces_are_one_side(case):
    check_case(case)


CAR_BOMB_CASES = [
    # the wires' "سيارة ملغومة" is a car bomb like "سيارة مفخخة"
    C("ly-wire-car-bomb",
      "قال مسؤولون إن سيارة ملغومة انفجرت قرب حاجز للجيش في مدينة درنة صباح السبت، ما أسفر عن "
      "مقتل جنديين.", "2016-04-09", 1,
      W(sub_event_type="Remote explosive/landmine/IED", fatalities=2)),
    # a figurative "ملغومة" is no device
    C("iq-loaded-statements",
      "وصف النائب تصريحات الوزير بأنها ملغومة وتستهدف وحدة البلاد.", "2022-01-15", 0),
]


@pytest.mark.parametrize("case", CAR_BOMB_CASES, ids=lambda c: c["id"])
def test_wire_car_bomb(case):
    check_case(case)


SUSPECTED_MEMBER_CASES = [
    # "للاشتباه بانتمائهم إلى داعش": the group the men are suspected of joining is whom the
    # arrest took; the army that announced it made it
    C("lb-army-announces-arrest-of-suspects",
      "أعلن الجيش اللبناني توقيف ثلاثة أشخاص في بلدة عرسال للاشتباه بانتمائهم إلى تنظيم داعش.",
      "2017-06-30", 1, W(sub_event_type="Arrests", inter1=1, inter2=2)),
]


@pytest.mark.parametrize("case", SUSPECTED_MEMBER_CASES, ids=lambda c: c["id"])
def test_suspected_affiliation_is_the_arrests_target(case):
    check_case(case)


CROSS_BORDER_CASES = [
    # a Houthi strike on Saudi cities is placed there, not at the dateline's Sanaa
    C("ye-drones-on-saudi-cities",
      "صنعاء - سبأ: أعلن المتحدث العسكري أن سلاح الجو المسير نفذ عملية بست طائرات مسيرة على "
      "مواقع عسكرية في جيزان وخميس مشيط.", "2021-08-31", 2,
      W(sub_event_type="Air/drone strike", place="جيزان", country="SA"),
      W(sub_event_type="Air/drone strike", place="خميس مشيط", country="SA")),
]


@pytest.mark.parametrize("case", CROSS_BORDER_CASES, ids=lambda c: c["id"])
def test_saudi_targets_are_placed_in_saudi_arabia(case):
    check_case(case)


CHARGE_CASES = [
    # the gang's trade and the charge of an arrest name no abduction
    C("ly-kidnap-gang-arrested",
      "أعلن جهاز الأمن القبض على عصابة خطف في منطقة قرقارش، وتحرير مواطن كان محتجزا لديها.",
      "2023-03-12", 1, W(sub_event_type="Arrests")),
    C("iq-arrest-on-kidnap-charge",
      "اعتقلت الشرطة ثلاثة أشخاص بتهمة الخطف والابتزاز في مدينة البصرة.", "2022-07-04", 1,
      W(sub_event_type="Arrests", inter1=1)),
    C("iq-suspects-of-kidnapping",
      "اعتقلت قوة أمنية شابين متهمين بخطف طفل في قضاء الزبير.", "2022-07-04", 1,
      W(sub_event_type="Arrests")),
    # an abduction told as such stays one
    C("ly-doctor-abducted",
      "اختطف مسلحون مجهولون طبيبا من أمام عيادته في مدينة بنغازي مساء أمس.", "2022-07-04", 1,
      W(sub_event_type="Abduction/forced disappearance")),
]


@pytest.mark.parametrize("case", CHARGE_CASES, ids=lambda c: c["id"])
def test_charge_and_trade_name_no_abduction(case):
    check_case(case)
