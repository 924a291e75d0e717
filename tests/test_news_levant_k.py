"""Team-written cases for set levant_k (eval/news/levant_k_*): Levant reports from every
side's media, 2015-2025. One group per family of fixes; every sentence is written afresh
(none is a sentence of the eval texts).
"""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

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

ALL_CASES = DUAL_MARTYR_CASES


@pytest.mark.parametrize("case", ALL_CASES, ids=[c["id"] for c in ALL_CASES])
def test_case(case):
    check_case(case)
