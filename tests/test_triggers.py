"""Trigger data files: validation names file and line; guards stop non-events."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import rasd
from rasd.lexicon import LexiconError, data_path
from rasd.triggers import load_cues, load_triggers, load_types


def copy_lang(tmp_path: Path) -> Path:
    d = tmp_path / "ar"
    shutil.copytree(data_path("types.yaml").parent, d)
    return d


def test_shipped_data_loads():
    types = load_types(data_path("types.yaml"))
    lex = load_triggers(data_path("triggers.yaml"), types)
    assert {"airstrike", "shelling", "execution", "defection", "checkpoint"} <= set(types)
    assert all(e.type in types for e in lex.entries)
    load_cues(data_path("cues.yaml"))


def test_unknown_type_names_the_line(tmp_path):
    d = copy_lang(tmp_path)
    text = (d / "triggers.yaml").read_text(encoding="utf-8")
    lines = text.splitlines()
    n = next(i for i, line in enumerate(lines) if line.strip() == "- type: shelling")
    lines[n] = lines[n].replace("shelling", "shellling")
    (d / "triggers.yaml").write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_triggers(d / "triggers.yaml", load_types(d / "types.yaml"))
    assert f"triggers.yaml:{n + 1}:" in str(err.value) and "shellling" in str(err.value)


def test_bad_role_and_missing_key(tmp_path):
    d = copy_lang(tmp_path)
    (d / "t1.yaml").write_text("triggers:\n  - type: shelling\n    role: evnt\n    forms: [قصف]\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"t1.yaml:2: role must be one of"):
        load_triggers(d / "t1.yaml", load_types(d / "types.yaml"))
    (d / "t2.yaml").write_text("airstrike:\n  event_type: Explosions/Remote violence\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"t2.yaml:2: missing key 'sub_event_type'"):
        load_types(d / "t2.yaml")


def test_invalid_yaml_names_the_line(tmp_path):
    p = tmp_path / "cues.yaml"
    p.write_text("negation:\n  phrases: [لم, لن\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cues.yaml:\d+: not valid YAML"):
        load_cues(p)


@pytest.mark.parametrize("text", [
    "لم تتعرض بلدة كفرنبل في ريف إدلب لأي قصف خلال الأسبوع الماضي.",
    "نفت وزارة الدفاع التركية قصف قرية تل رفعت بريف حلب.",
    "توعد قائد الفصيل بقصف مدينة حلب إذا استمرت الاعتقالات.",
    "تسعى الحكومة إلى منع الاشتباكات في مدينة درعا.",
    "أحيا السوريون الذكرى العاشرة لمجزرة الحولة في ريف حمص.",
    "وقعت اشتباكات كلامية بين المرشحين خلال المناظرة.",
])
def test_guarded_sentences_yield_no_incident(text):
    events = [r for r in rasd.extract(text, published="2020-01-01") if r.record_kind == "event"]
    assert not events, [r.notes for r in events]


def test_no_casualties_is_still_an_event():
    """"لم يسفر القصف عن إصابات": the shelling happened; only its toll is negated."""
    records = rasd.extract("قصفت قوات النظام بلدة كفرنبل في ريف إدلب، ولم يسفر القصف عن أي إصابات.", published="2020-01-01")
    events = [r for r in records if r.record_kind == "event"]
    # eval/README: "no deaths reported" is coded 0, not null (issue 5)
    assert len(events) == 1 and events[0].rasd_type == "shelling"
    assert events[0].fatalities == {"low": 0, "best": 0, "high": 0}
