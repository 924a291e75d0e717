"""Team-written short-news cases from the fixes that set mixed_i (eval/news/mixed_i_*:
nine countries told in the voices the earlier sets had least: armed groups' own claims,
army communiqués, interior-ministry notes, UN/NGO statements, local pages and rights
monitors) prompted: one group per family, each sentence written afresh (none is a
sentence of the eval texts).

Families: an armed group's claim in the first person ("قصفنا", "استهدفنا") and an
army's "هدفا عسكريا" (no goal of a match); Israeli border towns and barracks named as
targets by Lebanese, Gaza and Yemeni statements, kept though the article's country is
another.
"""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

CASES = [
    # ------------------------------------------------------------ claims in the first person
    C("ps-first-person-shelling",
      "كتائب المقاومة الوطنية: قصفنا تجمعات جنود العدو في محيط بلدة بيت حانون بقذائف الهاون.",
      "2024-02-11", 1, W(rasd_type="shelling", place="بيت حانون")),
    C("ye-military-target-is-no-goal",
      "استهدفت القوة الصاروخية هدفا حيويا في منطقة يافا المحتلة بصاروخ باليستي فرط صوتي.",
      "2024-07-20", 1, W(rasd_type="shelling", country="IL")),
    C("sport-goal-still-guarded",
      "سجل مهاجم الفريق هدفا قاتلا في الدقيقة الأخيرة بعد هجمة منظمة على مرمى الضيوف.",
      "2024-07-20", 0),
    # ------------------------------------------------------------ Israeli towns named as targets
    C("lb-settlement-noun-before-a-border-town",
      "استهدف مجاهدو المقاومة الإسلامية مستوطنة المطلة بصلية من الصواريخ.",
      "2024-01-09", 1, W(rasd_type="shelling", place="المطلة", country="IL", inter1=3)),
    C("lb-barracks-after-a-solidarity-preamble",
      "إسنادا لأهلنا الصامدين في قطاع غزة، استهدف مجاهدو المقاومة الإسلامية ثكنة برانيت بالأسلحة الصاروخية.",
      "2024-03-02", 1, W(rasd_type="shelling", place="برانيت", country="IL")),
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    check_case(case)
