"""Set pages_o (raw scraped pages): the families its first run exposed, on team-written
sentences distinct from the set's texts."""
from __future__ import annotations

import json

from rasd.evaluate import load_gold, write_inputs


def test_a_page_rasd_refuses_is_left_out_of_the_eval_input(tmp_path):
    # An English body under an Arabic menu is refused as a document; the gold still
    # lists it (no events), and `make eval` must not stop on it.
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "en.txt").write_text(
        "الرئيسية | أخبار\nThe ministry said on Monday that exports rose again after the "
        "maintenance of the field was completed, officials told reporters in the capital.\n",
        encoding="utf-8")
    (tmp_path / "texts" / "ar.txt").write_text("قتل مدني بقصف مدفعي على بلدة في ريف إدلب اليوم.\n",
                                               encoding="utf-8")
    gold = tmp_path / "g_gold.jsonl"
    gold.write_text("".join(json.dumps({"doc_id": f"texts/{d}", "published": "2024-01-01",
                                        "events": []}) + "\n" for d in ("en", "ar")), encoding="utf-8")
    out = tmp_path / "in.jsonl"
    assert write_inputs(load_gold(gold), out) == 1
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["texts/ar"]
