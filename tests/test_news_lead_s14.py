"""Team-written cases for the lead's fixes while merging the fourteenth session's branches:
whom an arrest took when the men are named before the group they belong to, and the place a
force came from or fled to (joined from two branches' rules into one). Every sentence is
written afresh (none is a sentence of the eval texts).
"""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

CASES = [
    # the group after "تتبع/ينتمون إلى" is whom the arrest took, not its agent
    C("iq-cell-belonging-to-isis",
      "ألقت الشرطة القبض على خلية تتبع لتنظيم داعش في مدينة كركوك.",
      "2023-04-02", 1, W(sub_event_type="Arrests", actor1="Police Forces of Iraq", actor2="Islamic State (Iraq)")),
    C("so-three-men-belonging-to-al-shabaab",
      "اعتقلت قوات الأمن ثلاثة أشخاص ينتمون إلى حركة الشباب في مدينة مقديشو.",
      "2023-04-02", 1, W(actor1="Police Forces of Somalia", actor2="Al Shabaab")),
    C("sy-charge-of-belonging",
      "اعتقلت قوات سوريا الديمقراطية عشرة أشخاص بتهمة الانتماء لتنظيم داعش في بلدة الشحيل.",
      "2021-08-19", 1, W(actor1="Syrian Democratic Forces", actor2="Islamic State (Syria)")),
    # ...but a patrol or group "تابعة ل" right after the verb is its subject
    C("sy-group-belonging-to-the-branch-abducts",
      "خطفت مجموعة مسلحة تابعة لفرع الأمن العسكري شابين من أبناء بلدة القريا.",
      "2021-08-19", 1, W(sub_event_type="Abduction/forced disappearance", actor1="Military Forces of Syria")),
    # where reinforcements came from, or fighters fled to, is not the scene
    C("ye-reinforcements-coming-from",
      "دكت مدفعية الجيش تعزيزات المليشيا القادمة من مديرية صرواح نحو جبهة الكسارة.",
      "2021-11-14", None, W(place="الكسارة")),
    C("sy-attackers-fled-to-a-village",
      "قتل عنصران من الأمن في هجوم على حاجز عند مدخل بلدة طفس، ثم فر المهاجمون إلى قرية مزيريب.",
      "2025-03-02", 1, W(place="طفس", fatalities=2)),
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case: dict) -> None:
    check_case(case)
