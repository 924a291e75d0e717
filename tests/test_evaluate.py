"""The scorer (FORMAT.md §6): matching, the figures, and `rasd eval` on files."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from rasd.cli import main
from rasd.evaluate import (EvalError, GoldDoc, dates_agree, evaluate, load_gold, locations_agree,
                           place_key, score_document)

SEED = Path(__file__).resolve().parents[2] / "shared" / "seed"
STRIKE = {"event_type": "Explosions/Remote violence", "sub_event_type": "Air/drone strike"}
CLASH = {"event_type": "Battles", "sub_event_type": "Armed clash"}


def gold_event(place="كفرنبل", admin1="Idlib", precision=1, required=True, **kw):
    loc = None if place is None else {"name_ar": place, "admin1": admin1, "geo_precision": precision}
    return {**STRIKE, "location": loc, "date_start": "2019-05-05", "date_end": "2019-05-05",
            "actor1_inter": 1, "fatalities_best": 3, "cited_kind": "activists", "required": required, **kw}


def pred(place="كفرنبل", admin1="Idlib", kind="event", trigger=(0, 4), **kw):
    loc = None if place is None else {"mention": place, "name_ar": place, "admin1": admin1}
    rec = {**STRIKE, "record_kind": kind, "doc_id": "d", "location": loc, "date_start": "2019-05-05",
           "date_end": "2019-05-05", "inter1": 1, "fatalities": {"low": 3, "best": 3, "high": 3},
           "source": {"cited_kind": "activists"},
           "evidence": [{"field": "trigger", "start": trigger[0], "end": trigger[1], "text": ""}]}
    rec.update(kw)
    return rec


def doc(events=(), claims=(), no_event=()):
    return GoldDoc("d", "set", "2019-05-06", list(events), list(claims), list(no_event), None)


def test_place_key_normalises_letters_article_and_spaces():
    assert place_key("الأتارب") == place_key("اتارب") == place_key("الاتارب")
    assert place_key("معرة النعمان") == place_key("معرّة نعمان")
    assert place_key("حماه") == place_key("حماة")
    assert place_key(None) == ""


def test_locations_agree_by_name_mention_region_or_both_null():
    g = {"name_ar": "كفر نبل", "admin1": "Idlib", "geo_precision": 1}
    assert locations_agree(g, {"mention": "كفرنبل", "name_ar": "كفر نبل"})
    assert locations_agree(g, {"mention": "بكفرنبل", "name_ar": "كفرنبل"})
    assert not locations_agree(g, {"mention": "سراقب", "name_ar": "سراقب", "admin1": "Idlib"})
    region = {"name_ar": "ريف إدلب الجنوبي", "admin1": "Idlib", "geo_precision": 3}
    assert locations_agree(region, {"mention": "خان شيخون", "admin1": "Idlib"})
    assert not locations_agree(region, {"mention": "حماة", "admin1": "Hama"})
    assert locations_agree(None, None)
    assert not locations_agree(None, {"mention": "حماة"})
    assert not locations_agree(g, None)


def test_dates_overlap_with_open_bounds():
    g = {"date_start": "2019-05-01", "date_end": "2019-05-10"}
    assert dates_agree({"date_start": "2019-05-10", "date_end": "2019-05-12"}, g)
    assert not dates_agree({"date_start": "2019-05-11", "date_end": "2019-05-12"}, g)
    assert dates_agree({"date_start": None, "date_end": "2019-05-01"}, g)
    assert not dates_agree({"date_start": None, "date_end": None}, g)
    assert dates_agree({"date_start": None, "date_end": None}, {"date_start": None, "date_end": None})


def test_perfect_prediction_scores_one():
    s = score_document(doc([gold_event()]), [pred()], text=None)
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)
    assert all(r.value == 1.0 for r in s.fields.values())


def test_no_gold_events_every_prediction_is_false():
    s = score_document(doc([]), [pred(), pred(place="سراقب")], text=None)
    assert s.predictions == 2 and s.matched_predictions == 0
    assert s.precision == 0.0 and s.recall is None and s.f1 is None
    empty = score_document(doc([]), [], text=None)
    assert empty.precision is None and empty.recall is None


def test_duplicate_predictions_match_once():
    s = score_document(doc([gold_event()]), [pred(), pred()], text=None)
    assert s.matched_predictions == 1 and s.predictions == 2
    assert s.precision == 0.5 and s.recall == 1.0


def test_null_locations_match_only_each_other():
    s = score_document(doc([gold_event(place=None)]), [pred(place=None)], text=None)
    assert s.matched_required == 1
    s = score_document(doc([gold_event(place=None)]), [pred()], text=None)
    assert s.matched_required == 0 and s.matched_predictions == 0
    s = score_document(doc([gold_event()]), [pred(place=None)], text=None)
    assert s.matched_required == 0


def test_event_type_must_be_equal():
    s = score_document(doc([gold_event()]), [pred(**CLASH)], text=None)
    assert s.matched_predictions == 0


def test_optional_gold_absorbs_a_prediction_but_not_recall():
    g = doc([gold_event(), gold_event(place="سراقب", required=False)])
    s = score_document(g, [pred(), pred(place="سراقب")], text=None)
    assert s.precision == 1.0 and (s.matched_required, s.required) == (1, 1)
    s = score_document(g, [pred()], text=None)
    assert s.recall == 1.0  # missing an optional event is not an error


def test_matching_covers_required_gold_first():
    # One prediction fits an optional and a required gold event; it must go to the required one.
    g = doc([gold_event(required=False), gold_event()])
    s = score_document(g, [pred()], text=None)
    assert s.matched_required == 1


def test_matching_is_maximum_not_greedy():
    # The region comes first and would take prediction 0, the only one the town fits.
    region = gold_event(place="ريف إدلب", precision=3)
    town = gold_event(place="سراقب")
    preds = [pred(place="سراقب"), pred(place="معرة النعمان")]
    s = score_document(doc([region, town]), preds, text=None)
    assert s.matched_predictions == 2 and s.matched_required == 2


def test_field_accuracies_on_matched_pairs():
    p = pred(sub_event_type="Shelling/artillery/missile attack", inter1=8, date_start="2019-06-01",
             date_end="2019-06-01", fatalities=None, source={"cited_kind": "monitor"})
    s = score_document(doc([gold_event()]), [p], text=None)
    assert s.matched_predictions == 1
    assert {f: r.hit for f, r in s.fields.items()} == {
        "sub_event_type": 0, "fatalities_best": 0, "date": 0, "actor1_inter": 0, "cited_kind": 0}
    assert s.per_doc[0]["mismatched"][0]["disagree"] == [
        "sub_event_type", "fatalities_best", "date", "actor1_inter", "cited_kind"]


def test_cited_kind_skipped_for_the_reports_own_voice():
    s = score_document(doc([gold_event(cited_kind="none")]), [pred()], text=None)
    assert s.fields["cited_kind"].total == 0


def test_aggregate_claims_scored_on_their_own():
    claims = [{"fatalities_low": 700, "admin1": "Hama"}]
    agg = pred(kind="aggregate_claim", admin1="Hama", place="حماة", fatalities={"low": 701, "best": 701})
    s = score_document(doc([gold_event()], claims), [pred(), agg], text=None)
    assert s.predictions == 1 and s.precision == 1.0  # claims do not count as events
    assert (s.claims_matched, s.claims_gold, s.claims_predicted) == (1, 1, 1)
    assert s.claims_low_exact.value == 0.0


def test_boilerplate_trigger_inside_a_no_event_line():
    text = "اقرأ أيضا: قصف كفرنبل\nقصف الطيران مدينة كفرنبل"
    inside = pred(trigger=(11, 14))
    outside = pred(trigger=(22, 25))
    s = score_document(doc([gold_event()], no_event=["اقرأ أيضا: قصف كفرنبل"]), [inside, outside], text)
    assert s.boilerplate_fp == 1
    assert s.per_doc[0]["boilerplate"][0]["trigger"] == ""


def _write(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def test_eval_command_on_files(tmp_path, capsys):
    text = "قصف الطيران مدينة كفرنبل"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    _write(tmp_path / "gold.jsonl", [{"doc_id": "a", "published": "2019-05-06",
                                      "events": [gold_event()], "no_event_lines": ["غير موجود"]}])
    _write(tmp_path / "pred.jsonl", [{**pred(), "doc_id": "a.txt"}, {**pred(place="سراقب"), "doc_id": "a.txt"}])
    assert main(["eval", str(tmp_path / "gold.jsonl"), "--pred", str(tmp_path / "pred.jsonl"), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    overall = out["sets"][-1]
    assert overall["events"]["precision"] == 0.5 and overall["events"]["recall"] == 1.0
    assert overall["documents_without_text"] == 0 and overall["documents_without_predictions"] == []
    assert main(["eval", str(tmp_path / "gold.jsonl"), "--pred", str(tmp_path / "pred.jsonl"), "--per-doc"]) == 0
    table = capsys.readouterr().out
    assert "spurious" in table and "سراقب" in table
    assert "overall" in table


def test_malformed_gold_names_file_and_line(tmp_path):
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"doc_id": "a", "events": []}\n{oops\n', encoding="utf-8")
    with pytest.raises(EvalError, match=r"gold.jsonl:2: not JSON"):
        load_gold(bad)
    with pytest.raises(EvalError, match="cannot read"):
        evaluate([tmp_path / "missing.jsonl"], [bad])


@pytest.mark.skipif(not (SEED / "gold.jsonl").exists(), reason="../shared/seed not present")
def test_seed_gold_scores_perfectly_from_the_cli(tmp_path, capsys):
    seed = SEED
    out = tmp_path / "pred.jsonl"
    assert main(["extract", str(seed / "article.txt"), "--published", "2019-06-20", "-o", str(out),
                 "--no-progress"]) == 0
    capsys.readouterr()
    assert main(["eval", str(seed / "gold.jsonl"), "--pred", str(out), "--json"]) == 0
    s = json.loads(capsys.readouterr().out)["sets"][-1]
    assert s["events"]["recall"] == 1.0 and s["events"]["precision"] == 1.0
    assert s["boilerplate_false_positives"] == 0 and s["documents_without_text"] == 0
