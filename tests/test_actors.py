"""Actor lexicon and `find_actors`: loaded and neutral wording map to one neutral actor."""
from __future__ import annotations

import textwrap

import pytest

from rasd.normalize import normalize_key

from rasd.actors import (Actor, actor_lexicon, civilians, find_actors, load_actor_lexicon, localize,
                         unidentified)
from rasd.doc import Doc
from rasd.lexicon import LexiconError


def mentions(text: str) -> list[tuple[str, str, int, str | None, bool, bool]]:
    doc = Doc.from_text(text)
    out = []
    for m in find_actors(doc):
        out.append((doc.view.orig_text(m.start, m.end), m.actor.name, m.actor.inter, m.actor.unit, m.loaded, m.generic))
    return out


def first(text: str, surface: str):
    for m in mentions(text):
        if m[0] == surface:
            return m
    raise AssertionError(f"{surface!r} not found in {mentions(text)}")


# (sentence, surface words, canonical name, inter, unit, loaded)
CASES = [
    # Syria: opposition wording
    ("قصفت قوات الأسد بلدة معرة حرمة بالمدفعية الثقيلة.", "قوات الأسد", "Military Forces of Syria", 1, None, True),
    ("وتقدمت ميليشيات الأسد على محور كبانة في جبل الأكراد.", "ميليشيات الأسد", "Military Forces of Syria", 1, None, True),
    ("انشق ثلاثة مجندين عن جيش نظام الأسد في درعا البلد.", "جيش نظام الأسد", "Military Forces of Syria", 1, None, True),
    ("واعتقلت مخابرات الأسد شابين عند حاجز في جديدة عرطوز.", "مخابرات الأسد", "Military Forces of Syria", 1, "Intelligence", True),
    ("وداهمت دورية من المخابرات الجوية منازل في بلدة داعل.", "المخابرات الجوية", "Military Forces of Syria", 1, "Intelligence", False),
    ("وشنت قوات الاحتلال الروسي غارات على أطراف سراقب.", "قوات الاحتلال الروسي", "Military Forces of Russia", 8, None, True),
    ("وصلت الشرطة العسكرية الروسية إلى مدينة بصرى الشام.", "الشرطة العسكرية الروسية", "Military Forces of Russia", 8, "Military Police", False),
    ("وأشرف الجنرالات الروس على الهجوم في ريف اللاذقية.", "الجنرالات الروس", "Military Forces of Russia", 8, None, False),
    ("وخسرت ميليشيات النمر عشرات العناصر في كفرنبودة.", "ميليشيات النمر", "Military Forces of Syria", 1, "Tiger Forces", True),
    ("ونشرت الفرقة الرابعة حواجز جديدة حول المعضمية.", "الفرقة الرابعة", "Military Forces of Syria", 1, "4th Division", False),
    ("واستقدم الدفاع الوطني تعزيزات إلى السقيلبية.", "الدفاع الوطني", "Military Forces of Syria", 1, "National Defence Forces", False),
    # Syria: state-media wording
    ("وحدات من الجيش العربي السوري تستهدف تجمعات للإرهابيين في ريف إدلب.", "وحدات من الجيش العربي السوري", "Military Forces of Syria", 1, None, False),
    ("واعتدت المجموعات الإرهابية بالقذائف على أحياء سكنية في حلب.", "المجموعات الإرهابية", "Unidentified Rebel Group", 2, None, True),
    ("وسيطرت هيئة تحرير الشام على قرية الحويز.", "هيئة تحرير الشام", "Hayat Tahrir al-Sham", 2, None, False),
    ("وهاجم عناصر من تنظيم داعش نقطة لقسد في ريف دير الزور.", "عناصر من تنظيم داعش", "Islamic State", 2, None, False),
    ("واستهدفت المسيرات التركية سيارة لقسد قرب القامشلي.", "المسيرات التركية", "Military Forces of Turkey", 8, None, False),
    # Yemen
    ("وقصفت ميليشيا الحوثي الانقلابية أحياء مدينة تعز.", "ميليشيا الحوثي الانقلابية", "Military Forces of Yemen (Supreme Political Council)", 1, None, True),
    ("وشن طيران العدوان غارات على محافظة صعدة.", "طيران العدوان", "Military Forces of Saudi Arabia", 8, None, True),
    ("وصد الجيش الوطني اليمني هجوما في جبهة صرواح.", "الجيش الوطني اليمني", "Military Forces of Yemen", 1, None, False),
    # Iraq
    ("ونفذ جهاز مكافحة الإرهاب عملية إنزال في صحراء الأنبار.", "جهاز مكافحة الإرهاب", "Military Forces of Iraq", 1, "Counter Terrorism Service", False),
    ("وانتشرت قوات الحشد الشعبي على طريق بغداد كركوك.", "قوات الحشد الشعبي", "Popular Mobilization Forces", 3, None, False),
    # Libya
    ("وقصفت ميليشيات حفتر مطار معيتيقة.", "ميليشيات حفتر", "Libyan National Army", 1, None, True),
    # Sudan
    ("واقتحمت ميليشيا الدعم السريع قرية في ولاية الجزيرة.", "ميليشيا الدعم السريع", "Rapid Support Forces", 2, None, True),
    ("وقصف الجيش السوداني مواقع للدعم السريع في أم درمان.", "الجيش السوداني", "Military Forces of Sudan", 1, None, False),
    # Palestine / Israel / Lebanon
    ("واقتحمت قوات الاحتلال مخيم جنين فجر اليوم.", "قوات الاحتلال", "Military Forces of Israel", 8, None, True),
    ("وأطلقت كتائب القسام صواريخ على عسقلان.", "كتائب القسام", "Hamas", 2, "Al-Qassam Brigades", False),
    ("وهاجم قطعان المستوطنين قرية حوارة.", "قطعان المستوطنين", "Settlers (Israel)", 4, None, True),
    ("واستهدف حزب الله موقعا إسرائيليا في مزارع شبعا.", "حزب الله", "Hezbollah", 3, None, False),
    # Egypt / Somalia
    ("وقتلت القوات المسلحة المصرية عددا من العناصر التكفيرية في رفح.", "القوات المسلحة المصرية", "Military Forces of Egypt", 1, None, False),
    ("وهاجمت حركة الشباب قاعدة عسكرية في إقليم شبيلي السفلى.", "حركة الشباب", "Al Shabaab", 2, None, False),
]


@pytest.mark.parametrize("text,surface,name,inter,unit,loaded", CASES)
def test_named_actor(text, surface, name, inter, unit, loaded):
    got = first(text, surface)
    assert got[1:5] == (name, inter, unit, loaded)


def test_state_media_and_opposition_agree_on_the_neutral_name():
    opposition = first("قصف جيش الأسد مدينة اللطامنة.", "جيش الأسد")
    state = first("استهدف الجيش العربي السوري مدينة اللطامنة.", "الجيش العربي السوري")
    assert opposition[1] == state[1] == "Military Forces of Syria"
    assert opposition[4] is True and state[4] is False


def test_tail_names_the_same_side():
    got = mentions("وتكبدت قوات النظام وميليشياته خسائر فادحة في ريف حماة.")
    assert got[0][0] == "قوات النظام وميليشياته"
    assert got[0][1] == "Military Forces of Syria" and got[0][4] is True


def test_generic_head_merges_into_named_actor():
    got = first("واعتقل عناصر من الشرطة العسكرية التابعة لجيش نظام الأسد شابين.", "عناصر من الشرطة العسكرية")
    assert got[1] == "Military Forces of Syria" and got[3] == "Military Police" and got[5] is False


def test_reconciliation_fighters_in_quotes():
    got = mentions('وأعدم الضابط عشرة من عناصر "المصالحات" بعد رفضهم القتال.')
    rec = [m for m in got if m[3] == "Reconciliation fighters"]
    assert rec and rec[0][1] == "Military Forces of Syria" and rec[0][2] == 1


def test_generic_nouns_are_flagged():
    got = mentions("واشتبك المسلحين مع الفصائل قرب الحاجز.")
    assert [(m[0], m[5]) for m in got] == [("المسلحين", True), ("الفصائل", True)]


def test_unidentified_and_civilians_leave_country_to_the_assembler():
    got = mentions("أطلق مسلحون مجهولون النار على مدنيين في بلدة طفس.")
    assert got[0][1] == "Unidentified Armed Group" and got[0][2] == 3
    assert got[1][1] == "Civilians" and got[1][2] == 7
    doc = Doc.from_text("أطلق مسلحون مجهولون النار على مدنيين.")
    assert all(m.actor.country is None for m in find_actors(doc))


def test_protesters():
    got = first("وفرقت قوات الأمن المتظاهرين بالغاز المسيل للدموع في عدن.", "المتظاهرين")
    assert got[1] == "Protesters" and got[2] == 6


def test_helpers_and_localize():
    assert civilians("SY") == Actor("Civilians (Syria)", 7, "SY", None)
    assert unidentified("YE") == Actor("Unidentified Armed Group (Yemen)", 3, "YE", None)
    assert civilians(None).name == "Civilians"
    army = first("انتشر الجيش في الشوارع.", "الجيش")
    assert army[5] is True
    doc = Doc.from_text("انتشر الجيش في الشوارع.")
    assert localize(find_actors(doc)[0].actor, "LY").name == "Military Forces of Libya"
    israel = find_actors(Doc.from_text("قصف الجيش الإسرائيلي موقعا."))[0].actor
    assert localize(israel, "PS").inter == 8 and localize(israel, "IL").inter == 1
    egypt = find_actors(Doc.from_text("انتشر الجيش المصري في ليبيا."))[0].actor
    assert localize(egypt, "LY").inter == 8 and localize(egypt, "EG").inter == 1
    assert localize(find_actors(Doc.from_text("هاجم داعش قرية."))[0].actor, "IQ").name == "Islamic State (Iraq)"


def test_offsets_survive_diacritics_and_clitics():
    text = "وقَصَفَتْ بالطيرانِ الروسيِّ مدينةَ أريحا."
    doc = Doc.from_text(text)
    m = find_actors(doc)[0]
    s, e = doc.view.orig_span(m.start, m.end)
    # The span covers every base letter; marks after the last letter stay outside.
    assert text[s:e] == "الطيرانِ الروسي" and doc.norm[m.start:m.end] == "الطيران الروسي"
    assert m.actor.name == "Military Forces of Russia"


def test_no_false_actor_from_article_on_a_name():
    # "الحماس" (enthusiasm) is not Hamas; "الروسي" alone is not "الروس".
    assert mentions("أبدى الجانب الروسي الحماس للاتفاق.") == []


def test_mentions_are_ordered_and_disjoint():
    doc = Doc.from_text("قصفت قوات النظام وميليشياته والطيران الروسي مواقع الفصائل وهيئة تحرير الشام.")
    ms = find_actors(doc)
    assert all(a.end <= b.start for a, b in zip(ms, ms[1:]))


def test_packaged_lexicon_loads():
    lex = actor_lexicon()
    assert len(lex.matcher) > 300


# ------------------------------------------------------------------ malformed data

GOOD = """\
countries:
  SY: Syria
actors:
  - name: Military Forces of Syria
    inter: 1
    country: SY
    aliases: [الجيش السوري]
"""


def write(tmp_path, body: str):
    p = tmp_path / "actors.yaml"
    p.write_text(textwrap.dedent(body), encoding="utf-8")
    return p


def test_tmp_lexicon_loads(tmp_path):
    lex = load_actor_lexicon(write(tmp_path, GOOD))
    # the alias and its derived indefinite form "جيش سوري"
    assert len(lex.matcher) == 2
    found = lex.matcher.find(normalize_key("قصف جيش سوري"))
    assert [m.key for m in found] == [normalize_key("جيش سوري")]


def test_bad_inter_names_line(tmp_path):
    body = GOOD + "  - name: Bad Actor\n    inter: 9\n    country: SY\n    aliases: [مجموعة ما]\n"
    with pytest.raises(LexiconError) as err:
        load_actor_lexicon(write(tmp_path, body))
    assert err.value.line == 8 and "inter" in str(err.value) and "actors.yaml:8" in str(err.value)


def test_unknown_key_names_line(tmp_path):
    body = GOOD + "    colour: red\n"
    with pytest.raises(LexiconError) as err:
        load_actor_lexicon(write(tmp_path, body))
    assert err.value.line == 4 and "colour" in str(err.value)


def test_missing_name(tmp_path):
    body = GOOD + "  - inter: 2\n    country: SY\n    aliases: [فصيل ما]\n"
    with pytest.raises(LexiconError) as err:
        load_actor_lexicon(write(tmp_path, body))
    assert err.value.line == 8 and "name" in str(err.value)


def test_duplicate_alias_names_its_line(tmp_path):
    body = GOOD + "  - name: Hayat Tahrir al-Sham\n    inter: 2\n    country: SY\n    aliases:\n      - هيئة تحرير الشام\n      - الجيش السوري\n"
    with pytest.raises(LexiconError) as err:
        load_actor_lexicon(write(tmp_path, body))
    assert err.value.line == 13 and "both" in str(err.value)


def test_template_needs_null_country(tmp_path):
    body = GOOD + "  - name: Civilians ({country})\n    inter: 7\n    country: SY\n    aliases: [مدنيين]\n"
    with pytest.raises(LexiconError) as err:
        load_actor_lexicon(write(tmp_path, body))
    assert err.value.line == 8
