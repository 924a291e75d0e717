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

ALL_CASES = ACCIDENT_CASES


@pytest.mark.parametrize("case", ALL_CASES, ids=[c["id"] for c in ALL_CASES])
def test_case(case):
    check_case(case)
