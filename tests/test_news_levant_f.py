"""Team-written cases for the Levant set F (eval/news/levant_f_*: Syria after the fall of
Assad, Lebanon after the 2024 ceasefire, Iraq 2024-2025) and the families it showed: one
group per family, each sentence written afresh (none is a sentence of the eval texts).

Families: words whose actor changed on 8 December 2024 (`period_variants`: the same words
on both sides of the day, and the loader's checks); former-regime loyalists; units
spreading into a town (deployment), and forces sent after an act the report told first
(its response, no deployment of their own); places: a town written with ة is no word +
pronoun ("جبلة"), outlets named with place words, "وسط حضور" (amid), sites the index
lacks (سد تشرين); guards: a drone's "مفخخة", players' attacks, consumer-protection raids,
charges ("مطلوب بجرائم إطلاق نار"), photos of the dead; sources: defence ministries (military),
district heads and security commanders, Kurdistan Region bodies (government), health
emergency centres (medical); the arms of a clash (RPG rounds, "الأسلحة الرشاشة والقذائف")
are no shelling; Iraqi "البو X" villages; "بلدة X بمنطقة Y": Y only situates X; a
monitor's activists are the monitor; "فصائل محلية درزية": a nisba after the adjective
محلية is no Sudanese locality; the wounded carried to hospital are the ones told before;
an unnamed air strike in Syria has no default actor
after the fall.
"""
from __future__ import annotations

import textwrap
from datetime import date

import pytest

from casekit import C, W, check_case
from rasd.actors import Actor, actor_lexicon, load_actor_lexicon, localize
from rasd.lexicon import LexiconError
from rasd.normalize import normalize_key

# ------------------------------------------------------------------ eras
# Each pair: one sentence told before and after the fall; the words are the same.
ERA_CASES = [
    C("sy-general-security-in-idlib-was-hts",
      "اعتقل الأمن العام ثلاثة شبان من منازلهم في مدينة الدانا شمالي إدلب.",
      "2022-09-14", 1, W(event_type="Strategic developments", actor1="Hayat Tahrir al-Sham", inter1=2)),
    C("sy-general-security-after-the-fall-is-the-state",
      "اعتقل الأمن العام ثلاثة شبان من منازلهم في مدينة الدانا شمالي إدلب.",
      "2025-02-11", 1, W(event_type="Strategic developments", actor1="Police Forces of Syria (2024-)", inter1=1)),
    C("sy-hts-before-the-fall-is-a-rebel-group",
      "قصفت هيئة تحرير الشام بالصواريخ مواقع الجيش السوري في بلدة كفرنبودة بريف حماة.",
      "2021-05-20", 1, W(actor1="Hayat Tahrir al-Sham", inter1=2, actor2="Military Forces of Syria", inter2=1)),
    C("sy-operations-command-after-the-fall-is-the-state",
      "اعتقلت إدارة العمليات العسكرية ضابطا سابقا في المخابرات الجوية في مدينة القرداحة.",
      "2024-12-14", None, W(actor1="Military Forces of Syria (2024-)", inter1=1)),
    C("sy-government-forces-before-the-fall-are-assad",
      "قتل مدنيان بقصف مدفعي لقوات الحكومة السورية على قرية البارة في جبل الزاوية.",
      "2023-03-02", 1, W(sub_event_type="Shelling/artillery/missile attack", actor1="Military Forces of Syria",
                         inter1=1, fatalities=2)),
    C("sy-government-forces-after-the-fall-are-the-new-army",
      "قتل عنصران من قوات الحكومة السورية باشتباك مع مسلحين محليين قرب بلدة الصورة الكبرى في ريف السويداء.",
      "2025-05-01", 1, W(event_type="Battles", actor2="Military Forces of Syria (2024-)", inter2=1)),
    C("sy-army-word-dated-by-the-event-not-the-article",
      "أعاد الادعاء فتح ملف مجزرة وقعت في 12 آب 2013، عندما قصفت القوات الحكومية بلدة زملكا بالمدفعية وقتلت 18 مدنيا.",
      "2025-06-30", None, W(actor1="Military Forces of Syria", inter1=1, fatalities=18)),
]


@pytest.mark.parametrize("case", ERA_CASES, ids=[c["id"] for c in ERA_CASES])
def test_era_case(case):
    check_case(case)


def test_localize_picks_the_era_by_day():
    hts = _actor_of("هيئة تحرير الشام")
    assert localize(hts, "SY", date(2024, 12, 7)).name == "Hayat Tahrir al-Sham"
    assert localize(hts, "SY", date(2024, 12, 8)) == Actor("Military Forces of Syria (2024-)", 1, "SY")
    assert localize(hts, "SY", None).name == "Hayat Tahrir al-Sham"       # no day: as listed
    # abroad the new state's forces are external, as any state force
    assert localize(hts, "LB", date(2025, 3, 17)).inter == 8


def test_general_security_in_lebanon_is_lebanese_in_every_era():
    gs = _actor_of("الأمن العام")
    for day in (date(2019, 1, 1), date(2025, 1, 1)):
        assert localize(gs, "LB", day).name == "Police Forces of Lebanon"


def _actor_of(words: str, lex=None) -> Actor:
    """The actor the lexicon lists ``words`` under, with its era tag."""
    lex = lex or actor_lexicon()
    (m,) = lex.matcher.find(normalize_key(words))
    return m.values[0][0]


# ------------------------------------------------------------------ malformed eras

ERA_GOOD = """\
countries:
  SY: Syria
actors:
  - name: Military Forces of Syria
    inter: 1
    country: SY
    aliases: [الجيش السوري, قوات الأسد]
  - name: Military Forces of Syria (2024-)
    inter: 1
    country: SY
    aliases: [وزارة الدفاع السورية]
period_variants:
  - was: Military Forces of Syria
    from: 2024-12-08
    becomes: Military Forces of Syria (2024-)
    words: [الجيش السوري]
"""


def _write(tmp_path, body: str):
    p = tmp_path / "actors.yaml"
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def test_era_rule_tags_only_its_words(tmp_path):
    lex = load_actor_lexicon(_write(tmp_path, ERA_GOOD))
    assert _actor_of("الجيش السوري", lex).era == 0 and _actor_of("قوات الأسد", lex).era is None
    assert lex.periods[0].start == date(2024, 12, 8) and lex.periods[0].end is None


@pytest.mark.parametrize("edit, message", [
    (("from: 2024-12-08", "from: 8/12/2024"), "YYYY-MM-DD"),
    (("from: 2024-12-08", "from: 2024-12-08\n    until: 2025-01-01"), "exactly one of"),
    (("    from: 2024-12-08\n", ""), "exactly one of"),
    (("becomes: Military Forces of Syria (2024-)", "becomes: Syrian Army"), "becomes"),
    (("was: Military Forces of Syria\n", "was: Assad\n"), "was"),
    (("words: [الجيش السوري]", "words: [جيش الفتح]"), "not an alias"),
    (("    words: [الجيش السوري]", "    words: [الجيش السوري]\n    when: always"), "unknown key"),
])
def test_malformed_era_rule_is_rejected(tmp_path, edit, message):
    body = ERA_GOOD.replace(*edit)
    assert body != ERA_GOOD
    with pytest.raises(LexiconError) as err:
        load_actor_lexicon(_write(tmp_path, body))
    assert message in str(err.value) and "period_variants" in str(err.value)


def test_a_word_in_two_era_rules_is_rejected(tmp_path):
    body = ERA_GOOD + "  - was: Military Forces of Syria\n    until: 2000-01-01\n" \
                      "    becomes: Military Forces of Syria (2024-)\n    words: [الجيش السوري]\n"
    with pytest.raises(LexiconError) as err:
        load_actor_lexicon(_write(tmp_path, body))
    assert "two rules" in str(err.value)


# ------------------------------------------------------------------ loyalists
LOYALIST_CASES = [
    C("sy-remnants-ambush-a-patrol",
      "قتل عنصر من الأمن العام بهجوم نفذته مجموعة من فلول النظام البائد على دورية قرب بلدة عين الشرقية في ريف جبلة.",
      "2025-04-19", 1, W(event_type="Battles", actor1="Former Regime Loyalists (Syria)", inter1=2, inter2=1,
                         fatalities=1)),
]


@pytest.mark.parametrize("case", LOYALIST_CASES, ids=[c["id"] for c in LOYALIST_CASES])
def test_loyalist_case(case):
    check_case(case)


# ------------------------------------------------------------------ deployments
DEPLOYMENT_CASES = [
    C("lb-army-units-spread-after-a-withdrawal",
      "دخلت وحدات من الجيش اللبناني بلدة عيترون فجر اليوم وانتشرت في شوارعها بعد انسحاب القوات الإسرائيلية منها.",
      "2025-01-26", None, W(sub_event_type="Change to group/activity", actor1="Military Forces of Lebanon", place="عيترون")),
    C("sy-units-begin-to-deploy",
      "بدأت وحدات من الجيش السوري، مساء الخميس، الانتشار في مدينة الصنمين بريف درعا الشمالي.",
      "2025-04-10", 1, W(sub_event_type="Change to group/activity", actor1="Military Forces of Syria (2024-)",
                         place="الصنمين")),
    C("iq-police-sent-after-a-feud-are-its-response",
      "قتل شخص بنزاع مسلح بين عائلتين في ناحية الفهود جنوبي الناصرية، وانتشرت قوة من الشرطة في الناحية لاحتواء الموقف.",
      "2024-05-08", 1, W(event_type="Battles", fatalities=1)),
    C("sy-plans-to-deploy-are-no-event",
      "قال محافظ درعا إن قوى الأمن ستستكمل الانتشار في قرى حوض اليرموك خلال الأسابيع المقبلة.",
      "2025-03-03", 0),
]


@pytest.mark.parametrize("case", DEPLOYMENT_CASES, ids=[c["id"] for c in DEPLOYMENT_CASES])
def test_deployment_case(case):
    check_case(case)


# ------------------------------------------------------------------ places
PLACE_CASES = [
    # the view folds ة into ه: "جبلة" is a town, not "جبل" + the pronoun ه
    C("sy-town-in-ta-marbuta-is-no-pronoun",
      "قتل عنصران من الأمن العام باشتباك مع مسلحين قرب مدينة جبلة بريف اللاذقية.",
      "2025-03-20", 1, W(event_type="Battles", place="جبلة", admin1="Latakia")),
    C("sy-outlet-named-with-a-place-word",
      "اعتقل عناصر من الأمن العام ناشطا في مدينة سرمدا. وقالت مصادر محلية لعنب بلدي إن دورية داهمت منزله وصادرت هاتفه.",
      "2025-01-30", 1, W(sub_event_type="Arrests", place="سرمدا")),
    C("sy-local-druze-factions-are-no-locality",
      "قتل أربعة مسلحين باشتباكات بين مقاتلي العشائر وفصائل محلية درزية في قرية ثعلة غربي السويداء.",
      "2025-07-16", 1, W(event_type="Battles", place="ثعلة", fatalities=4)),
    C("sd-a-locality-is-still-a-place",
      "قتل ثلاثة مدنيين بقصف مدفعي لقوات الدعم السريع على سوق في محلية كرري بأم درمان.",
      "2024-06-10", 1, W(sub_event_type="Shelling/artillery/missile attack", fatalities=3)),
    C("sy-tishreen-dam-is-a-place",
      "قتل ثلاثة مقاتلين باشتباكات بين قسد وفصائل الجيش الوطني في محيط سد تشرين جنوب شرقي منبج.",
      "2025-01-05", 1, W(event_type="Battles", place="سد تشرين", admin1="Aleppo")),
]


@pytest.mark.parametrize("case", PLACE_CASES, ids=[c["id"] for c in PLACE_CASES])
def test_place_case(case):
    check_case(case)


# ------------------------------------------------------------------ guards
GUARD_CASES = [
    C("sy-amid-is-no-place-and-photos-of-the-dead-no-toll",
      "وتحدث ذوو المعتقلين عن معاناتهم وسط حضور لممثلي منظمات حقوقية، ورفعوا صور الضحايا.",
      "2025-03-15", 0),
    C("iq-booby-trapped-drone-is-one-strike",
      "استهدفت طائرة مسيرة مفخخة مطار أربيل الدولي فجر اليوم دون وقوع إصابات.",
      "2024-07-02", 1, W(sub_event_type="Air/drone strike")),
    C("sy-players-attacks-are-football",
      "وشن لاعبو الشرطة هجمات متلاحقة في الدقائق الأولى من اللقاء.",
      "2025-03-01", 0),
    C("lb-consumer-protection-raids-are-no-event",
      "نفذت فرق حماية المستهلك مداهمات على محال في طرابلس وسطرت محاضر ضبط بحق المخالفين.",
      "2025-02-11", 0),
    C("lb-a-charge-is-no-shooting",
      "أوقفت شعبة المعلومات في بلدة مجدل عنجر مطلوبا بجرائم إطلاق نار وسلب.",
      "2025-01-09", 1, W(sub_event_type="Arrests")),
]


@pytest.mark.parametrize("case", GUARD_CASES, ids=[c["id"] for c in GUARD_CASES])
def test_guard_case(case):
    check_case(case)


# ------------------------------------------------------------------ sources
SOURCE_CASES = [
    C("sy-defence-ministry-speaks-for-its-army",
      "قالت وزارة الدفاع إن جنديين قتلا بهجوم لمسلحين على نقطة عسكرية قرب بلدة الصنمين شمالي درعا.",
      "2025-06-04", 1, W(event_type="Battles", cited_kind="military")),
    C("iq-district-head-speaks-to-an-outlet",
      "قال مدير ناحية كاني ماسي لوكالة محلية إن طائرة تركية قصفت سفح جبل قريب من قرية سرگلي دون إصابات.",
      "2024-10-02", None, W(sub_event_type="Air/drone strike", cited_kind="government")),
    C("iq-kurdistan-ministry-is-government",
      "أعلنت وزارة الثروات الطبيعية في حكومة إقليم كردستان أن طائرة مسيرة مفخخة استهدفت حقلا نفطيا قرب ناحية سرسنك مساء السبت.",
      "2025-07-13", None, W(sub_event_type="Air/drone strike", cited_kind="government")),
    C("lb-health-emergency-centre-is-medical",
      "أعلن مركز عمليات طوارئ الصحة العامة أن غارة إسرائيلية على بلدة حولا أدت إلى استشهاد مواطن.",
      "2025-05-20", 1, W(sub_event_type="Air/drone strike", cited_kind="medical", fatalities=1)),
]


@pytest.mark.parametrize("case", SOURCE_CASES, ids=[c["id"] for c in SOURCE_CASES])
def test_source_case(case):
    check_case(case)


# ------------------------------------------------------------------ arms of a clash
CLASH_ARMS_CASES = [
    C("iq-rpg-rounds-are-a-clash",
      "قتل اثنان من منتسبي الحشد الشعبي بهجوم لعناصر داعش على نقطة مراقبة قرب قرية البو دور، استخدموا فيه قذائف آر بي جي.",
      "2024-11-20", 1, W(event_type="Battles", fatalities=2, place="البو دور")),
    C("sy-machine-guns-and-rounds-are-a-clash",
      "اشتبك مسلحون مع دورية للأمن العام بالأسلحة الرشاشة والقذائف في قرية الدالية بريف جبلة، ما أدى إلى مقتل عنصر.",
      "2025-04-02", 1, W(event_type="Battles", fatalities=1)),
]


@pytest.mark.parametrize("case", CLASH_ARMS_CASES, ids=[c["id"] for c in CLASH_ARMS_CASES])
def test_clash_arms_case(case):
    check_case(case)


# ------------------------------------------------------------------ situating regions
SITUATOR_CASES = [
    C("sy-village-before-its-area-is-the-scene",
      "توغلت قوة إسرائيلية في قرية معرية بمنطقة حوض اليرموك غربي درعا، حيث فتشت منازل واعتقلت راعيا.",
      "2025-03-27", 1, W(sub_event_type="Arrests", place="معرية")),
    C("sy-monitor-network-is-the-monitor",
      "داهمت قوة إسرائيلية منازل في قرية صيدا الجولان بريف القنيطرة واعتقلت ثلاثة شبان، وفقا لنشطاء المرصد السوري لحقوق الإنسان.",
      "2025-02-20", 1, W(sub_event_type="Arrests", cited_kind="monitor")),
]


@pytest.mark.parametrize("case", SITUATOR_CASES, ids=[c["id"] for c in SITUATOR_CASES])
def test_situator_case(case):
    check_case(case)


# ------------------------------------------------------------------ told before
TOLD_BEFORE_CASES = [
    C("lb-wounded-carried-to-hospital-are-the-same",
      "استهدفت مسيرة إسرائيلية دراجة نارية في بلدة شقرا، ما أدى إلى سقوط شهيد وجريح. "
      "وهرعت فرق الإسعاف إلى المكان ونقلت المصاب إلى مستشفى بنت جبيل الحكومي.",
      "2025-06-12", 1, W(sub_event_type="Air/drone strike", place="شقرا")),
]


@pytest.mark.parametrize("case", TOLD_BEFORE_CASES, ids=[c["id"] for c in TOLD_BEFORE_CASES])
def test_told_before_case(case):
    check_case(case)


# ------------------------------------------------------------------ unnamed air strikes by era
AIR_CASES = [
    C("sy-unnamed-warplanes-before-the-fall-are-syrian",
      "قتل ثلاثة مدنيين بغارات جوية استهدفت الأحياء السكنية في مدينة أريحا جنوبي إدلب.",
      "2021-10-20", 1, W(sub_event_type="Air/drone strike", actor1="Military Forces of Syria", inter1=1)),
    C("sy-unnamed-warplanes-after-the-fall-are-unknown",
      "قتل ثلاثة عسكريين بغارات جوية استهدفت موقعا عسكريا في محيط مدينة الكسوة بريف دمشق.",
      "2025-05-02", 1, W(sub_event_type="Air/drone strike", actor1=None)),
    C("lb-unnamed-drone-is-still-israeli",
      "استشهد مواطن بغارة من مسيرة على دراجة نارية في بلدة عيترون.",
      "2025-05-02", 1, W(sub_event_type="Air/drone strike", actor1="Military Forces of Israel")),
]


@pytest.mark.parametrize("case", AIR_CASES, ids=[c["id"] for c in AIR_CASES])
def test_air_case(case):
    check_case(case)


def test_air_default_mapping_must_name_actor_and_until(tmp_path):
    body = ERA_GOOD + "unattributed_air_strikes:\n  SY: {actor: Military Forces of Syria, from: 2024-12-08}\n"
    with pytest.raises(LexiconError) as err:
        load_actor_lexicon(_write(tmp_path, body))
    assert "unattributed_air_strikes" in str(err.value)
    good = ERA_GOOD + "unattributed_air_strikes:\n  SY: {actor: Military Forces of Syria, until: 2024-12-08}\n"
    assert load_actor_lexicon(_write(tmp_path, good)).air_until["SY"] == date(2024, 12, 8)
