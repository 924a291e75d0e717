"""Set pages_o (raw scraped pages): the families its first run exposed, on team-written
sentences distinct from the set's texts."""
from __future__ import annotations

import json

import pytest

from casekit import C, W, check_case
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


AREA_CASES = [
    # an area the index lacks, named with its town right after it, is coded at the town
    C("ly-area-in-named-town",
      "أصيب أربعة أشخاص في اشتباكات بين مجموعتين مسلحتين في منطقة القزاحية بمدينة الزاوية مساء أمس.",
      "2024-02-11", 1, W(place="الزاوية", admin1="Az Zawiyah", sub_event_type="Armed clash")),
    C("iq-area-in-town-centre",
      "انفجرت عبوة ناسفة على دورية للشرطة في منطقة القزاحية وسط مدينة كركوك، ما أدى إلى إصابة شرطيين.",
      "2023-05-02", 1, W(place="كركوك", sub_event_type="Remote explosive/landmine/IED")),
    # an area beside a town, not in it, is a place of its own
    C("ly-area-east-of-town-keeps-its-name",
      "اندلعت اشتباكات بالأسلحة الثقيلة في منطقة الطويلية شرق مدينة بنغازي مساء أمس.",
      "2024-03-20", 1, W(place="الطويلية", sub_event_type="Armed clash")),
    # an area with no town after it keeps its own name
    C("sy-area-alone-keeps-its-name",
      "قتل مدني بقصف مدفعي على منطقة جبل الزاوية جنوبي إدلب.",
      "2024-01-09", 1, W(sub_event_type="Shelling/artillery/missile attack")),
]


@pytest.mark.parametrize("case", AREA_CASES, ids=lambda c: c["id"])
def test_area_in_town(case):
    check_case(case)


KNOWN_DEAD_CASES = [
    # the definite dead taken up after their act: no second incident
    C("iq-the-two-dead-belonged",
      "قتل شخصان بغارة مسيرة على سيارة قرب بلدة سنوني. وقال مصدر محلي إن القتيلين من أبناء المنطقة.",
      "2024-03-03", 1, W(sub_event_type="Air/drone strike", fatalities=2)),
    C("sy-pictures-of-the-victims-remembered",
      "أحيا ناشطون ذكرى مجزرة الحولة. ونشر مستخدمون صورا ومقاطع مؤلمة للضحايا على مواقع التواصل.",
      "2024-05-25", 0),
    C("ps-the-martyrs-were-carried",
      "وصل الشهداء إلى مستشفى ناصر في خانيونس، وسط حالة من الحزن.",
      "2024-02-02", 0),
    # an indefinite toll with no act is still an incident of its own
    C("ye-indefinite-toll-stays",
      "سقط قتيلان وثلاثة جرحى في مدينة تعز مساء أمس.",
      "2023-10-01", 1, W(place="تعز", fatalities=2)),
]


@pytest.mark.parametrize("case", KNOWN_DEAD_CASES, ids=lambda c: c["id"])
def test_known_dead_are_no_new_toll(case):
    check_case(case)


THREAT_CASES = [
    # a threat verb governs ب + verbal noun after the commas of an aside
    C("ye-threat-across-a-speech-aside",
      "توعد المتحدث باسم الجماعة، في كلمة بثتها قناة المسيرة مساء الجمعة، بقصف المنشآت النفطية في مأرب.",
      "2024-01-06", 0),
    C("sy-warning-across-a-name-aside",
      "هدد قائد الفصيل، أبو محمد، في تسجيل صوتي، باقتحام بلدة نبل خلال أيام.",
      "2023-06-14", 0),
    # ب + verbal noun after an ordinary verb still reports the act
    C("ps-did-arrest-after-time-aside",
      "قامت قوات الاحتلال، فجر اليوم، باعتقال ثلاثة شبان من بلدة عزون شرق قلقيلية.",
      "2024-04-02", 1, W(sub_event_type="Arrests", place="عزون")),
]


@pytest.mark.parametrize("case", THREAT_CASES, ids=lambda c: c["id"])
def test_threat_across_asides(case):
    check_case(case)


OUTLET_AND_SEAT_CASES = [
    # a place before a foreign brand word names the outlet quoted, not a second scene
    C("ye-outlet-named-after-a-city",
      "اندلعت اشتباكات بين الجيش والحوثيين في مديرية حيس. وقال قائد ميداني لـ\"عدن تايم\" إن قواته صدت هجوما استمر ساعتين.",
      "2023-12-04", 1, W(place="مديرية حيس", sub_event_type="Armed clash")),
    C("ye-outlet-is-no-scene-of-its-own",
      "وقال مصدر محلي لـ\"صنعاء نيوز\" إن طائرة مسيرة استهدفت سيارة على الطريق الدولي.",
      "2024-01-15", 0),
    # "حاضرة/عاصمة محافظة X" in apposition is the seat just named, no village of X
    C("so-seat-of-a-region-in-apposition",
      "قتل جنديان في هجوم لحركة الشباب على موقع عسكري قرب مدينة جوهر، حاضرة إقليم شبيلي الوسطى.",
      "2024-02-20", 1, W(place="جوهر", fatalities=2)),
    C("sd-capital-of-a-locality-in-apposition",
      "سقطت قذائف على مدينة الدلنج، عاصمة محلية الدلنج، ما أدى إلى مقتل طفل.",
      "2024-06-09", 1, W(place="الدلنج", sub_event_type="Shelling/artillery/missile attack")),
]


@pytest.mark.parametrize("case", OUTLET_AND_SEAT_CASES, ids=lambda c: c["id"])
def test_outlets_and_seats_are_no_places(case):
    check_case(case)


BACKGROUND_CASES = [
    # a celebration of a gain told elsewhere is no second gain
    C("ye-celebration-of-a-liberation",
      "وخرج مئات الأهالي إلى شوارع مدينة مأرب ابتهاجاً بتحرير مديرية حريب من الحوثيين.",
      "2024-03-02", 0),
    C("sd-celebration-after-the-gain",
      "أعلن الجيش السيطرة على مدينة الدندر بعد معارك مع الدعم السريع. واحتفل المواطنون في القضارف احتفالا باستعادة المدينة.",
      "2024-10-20", 1, W(sub_event_type="Government regains territory")),
    # fighting named as the cause of a hardship is background
    C("sd-aid-blocked-by-the-fighting",
      "قالت منظمة إغاثية إن قوافلها لم تصل إلى ولاية غرب كردفان منذ أسابيع بسبب القتال وانعدام الأمن.",
      "2024-05-05", 0),
    C("sd-displaced-because-of-battles",
      "نزح آلاف السكان من مدينة الأبيض بسبب المعارك خلال اليومين الماضيين.",
      "2024-05-05", 1, W(rasd_type="displacement")),
    # a battle reported as such still counts
    C("ly-clash-still-a-clash",
      "اندلعت اشتباكات عنيفة بالأسلحة المتوسطة في مدينة غريان بين مجموعتين مسلحتين.",
      "2024-05-05", 1, W(sub_event_type="Armed clash")),
]


@pytest.mark.parametrize("case", BACKGROUND_CASES, ids=lambda c: c["id"])
def test_celebrations_and_causes_are_background(case):
    check_case(case)


DAMAGE_CASES = [
    # destroying after a strike told in the sentence is the strike's damage
    C("sy-shelling-then-destroyed-vehicles",
      "ردت وحدات الجيش بقصف صاروخي على مواقع المسلحين في بلدة الهبيط، ودمرت عددا من عرباتهم.",
      "2023-09-30", 1, W(sub_event_type="Shelling/artillery/missile attack", place="الهبيط")),
    C("ye-clash-then-destroyed-positions",
      "خاضت قوات العمالقة اشتباكات مع الحوثيين في مديرية حريب، ودمرت عدة تحصينات لهم.",
      "2023-03-11", 1, W(sub_event_type="Armed clash")),
    # destroying told alone stays an act of its own
    C("sy-destroying-alone-is-an-act",
      "دمرت وحدات الجيش تحصينات للإرهابيين في محيط بلدة اللطامنة.",
      "2023-09-30", 1, W(place="اللطامنة")),
]


@pytest.mark.parametrize("case", DAMAGE_CASES, ids=lambda c: c["id"])
def test_damage_of_a_strike_is_no_attack(case):
    check_case(case)


COUNTRY_CASES = [
    C("eg-country-title-and-the-town",
      "مصرع ثلاثة مسلحين في تبادل لإطلاق النار مع الشرطة في مصر. وقالت وزارة الداخلية إن تبادل إطلاق النار وقع في مدينة أسيوط أثناء مداهمة وكر للمسلحين.",
      "2024-03-05", None, W(sub_event_type="Armed clash", place="أسيوط")),
    C("sy-country-then-the-village",
      "قصفت القوات التركية مواقع في سوريا، اليوم. وطال القصف المدفعي قرية الحمران قرب منبج.",
      "2024-03-05", 1, W(sub_event_type="Shelling/artillery/missile attack", place="الحمران")),
]


@pytest.mark.parametrize("case", COUNTRY_CASES, ids=lambda c: c["id"])
def test_a_country_and_a_place_in_it_are_one_event(case):
    # the whole country named with the act and the town the next sentence gives: one event
    records = check_case(case)
    assert not any((r.get("location") or {}).get("admin1") is None and r["record_kind"] == "event"
                   and r["sub_event_type"] == case["want"][0]["sub_event_type"] for r in records)


ACCOMPANIED_CASES = [
    # "وترافقت الاشتباكات مع قصف طال قرية X": the village is the shelling's; the definite
    # battle noun refers back to the battle told before
    C("sy-clashes-accompanied-by-shelling",
      "اندلعت اشتباكات بين قوات قسد ومسلحي داعش قرب بلدة الباغوز. وترافقت الاشتباكات مع قصف مدفعي طال قرية السوسة.",
      "2024-01-01", 2, W(sub_event_type="Armed clash", place="الباغوز"),
      W(sub_event_type="Shelling/artillery/missile attack", place="السوسة")),
    C("sy-shelling-coincided-with-strikes",
      "قصف الجيش بلدة النيرب بالمدفعية. وتزامن القصف مع غارات جوية روسية على قرية آفس.",
      "2024-01-01", 2, W(sub_event_type="Shelling/artillery/missile attack", place="النيرب"),
      W(sub_event_type="Air/drone strike", place="آفس")),
]


@pytest.mark.parametrize("case", ACCOMPANIED_CASES, ids=lambda c: c["id"])
def test_a_definite_act_beside_another_acts_place(case):
    check_case(case)


BRIEF_HOLD_CASES = [
    # a position held for hours and left is the battle, not a change of territory
    C("sd-held-for-hours-then-withdrew",
      "سيطرت قوات الدعم السريع على بلدة أم روابة لساعات قبل أن تنسحب منها إثر وصول تعزيزات للجيش.",
      "2024-07-02", 1, W(sub_event_type="Armed clash", place="أم روابة")),
    C("so-base-held-briefly",
      "قال متحدث باسم حركة الشباب إن مقاتليها سيطروا على قاعدة عسكرية في بلدة عيل بور لفترة وجيزة.",
      "2024-07-02", 1, W(sub_event_type="Armed clash")),
    # a town taken after battles is still a takeover
    C("sd-taken-after-battles",
      "سيطرت قوات الدعم السريع على بلدة أم روابة بعد معارك عنيفة مع الجيش.",
      "2024-07-02", 1, W(sub_event_type="Non-state actor overtakes territory")),
]


@pytest.mark.parametrize("case", BRIEF_HOLD_CASES, ids=lambda c: c["id"])
def test_a_brief_hold_is_the_battle(case):
    check_case(case)


CLAIM_LABEL_CASES = [
    # the claimant's restatement with its own label for the target is the claimed act
    C("so-claim-with-a-loaded-label",
      "انفجرت عبوة ناسفة بدورية للجيش في بلدة أفجوي، ما أدى إلى إصابة جنديين. وتبنت حركة الشباب الهجوم، قائلة إنها استهدفت \"رتل المرتدين\".",
      "2024-02-08", 1, W(sub_event_type="Remote explosive/landmine/IED", place="أفجوي")),
    C("ye-claim-naming-a-base-label",
      "سقطت صواريخ على معسكر للقوات الحكومية في مدينة مأرب. وتبنت جماعة الحوثي الهجوم، مؤكدة أنها استهدفت \"معسكر المرتزقة\".",
      "2023-04-11", 1, W(sub_event_type="Shelling/artillery/missile attack")),
]


@pytest.mark.parametrize("case", CLAIM_LABEL_CASES, ids=lambda c: c["id"])
def test_a_claims_label_is_no_second_scene(case):
    check_case(case)


FACILITY_CASES = [
    # a facility with its own unlisted name inside a named town is coded at the town
    C("so-airport-with-its-name-in-the-capital",
      "سقطت قذائف هاون قرب مطار آدم عدي الدولي في العاصمة الصومالية مقديشو دون وقوع إصابات.",
      "2024-02-01", 1, W(place="مقديشو", sub_event_type="Shelling/artillery/missile attack")),
    C("iq-prison-with-its-name-in-a-town",
      "اندلع تمرد داخل سجن الحوت المركزي في مدينة الناصرية، وأصيب ثلاثة حراس.",
      "2024-02-01", None, W(place="الناصرية")),
]


@pytest.mark.parametrize("case", FACILITY_CASES, ids=lambda c: c["id"])
def test_a_named_facility_in_a_town(case):
    check_case(case)


GENERIC_FORCES_CASES = [
    # "القوات الحكومية" left generic is the country's army the sentence before named
    C("so-government-forces-are-the-army-named",
      "قتل ثلاثة جنود من الجيش الصومالي في هجوم شنه مسلحو حركة الشباب على موقع عسكري قرب بلدة بولوبردي. "
      "وقال ضابط إن القوات الحكومية اشتبكت مع المهاجمين لساعة قبل أن يتراجعوا.",
      "2024-03-01", 1, W(sub_event_type="Armed clash", place="بولوبردي")),
]


@pytest.mark.parametrize("case", GENERIC_FORCES_CASES, ids=lambda c: c["id"])
def test_generic_forces_join_the_named_army(case):
    check_case(case)


QUARTER_AFTER_TOWN_CASES = [
    # a square or street with no town after it lies in the town just named
    C("iq-square-in-the-town-named-before",
      "تظاهر مئات الشبان في مدينة الكوت للمطالبة بفرص عمل. وأطلقت قوات الأمن الغاز المسيل للدموع لتفريقهم قرب ساحة العامل.",
      "2023-06-20", 1, W(place="الكوت", event_type="Protests")),
    C("ly-street-in-the-town-named-before",
      "اندلعت اشتباكات بين مجموعتين مسلحتين في مدينة الزاوية مساء أمس. وتركزت الاشتباكات في شارع الجمهورية، ما أدى إلى إصابة ثلاثة مدنيين.",
      "2024-04-10", 1, W(place="الزاوية", sub_event_type="Armed clash")),
]


@pytest.mark.parametrize("case", QUARTER_AFTER_TOWN_CASES, ids=lambda c: c["id"])
def test_a_quarter_lies_in_the_town_just_named(case):
    check_case(case)
