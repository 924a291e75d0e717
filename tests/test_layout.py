"""Line roles over team-written scraped pages of different layouts and countries."""
from __future__ import annotations

import shutil

import pytest

from rasd import layout
from rasd.doc import Doc
from rasd.layout import assign_roles, load_rules
from rasd.lexicon import LexiconError, lang_dir

from casekit import check_roles, roles_case

# Each case: lines written as "<role>|<text>"; a bare "" is a blank line.
CASES = {
    "blog_syria": """
navigation|تخطى إلى المحتوى
|
headline|قصف جوي يستهدف سوقاً شعبية في ريف إدلب الجنوبي
|
body|قتل ستة مدنيين وأصيب آخرون جراء غارة جوية استهدفت سوق بلدة كفرنبل صباح اليوم، بحسب ما أفاد ناشطون محليون.
|
related|اقرأ أيضاً: تصعيد جديد على جبهات ريف اللاذقية الشمالي
|
caption|عناصر من الدفاع المدني خلال انتشال الضحايا من تحت الأنقاض
|
body|وقال مراسل الموقع إن الطائرات عادت وحلقت في أجواء المنطقة بعد ساعة من الغارة الأولى، ما دفع الأهالي إلى الفرار نحو المزارع.
|
subheading|حصيلة مرشحة للارتفاع
|
body|ورجحت مصادر طبية ارتفاع عدد القتلى بسبب وجود إصابات خطيرة.
|
signature|مدونة أحرار الشمال
""",
    "wire_libya": """
navigation|الرئيسية | العالم | ليبيا | اقتصاد
headline|اشتباكات مسلحة في طرابلس تخلف قتلى وجرحى
caption|سيارات عسكرية تابعة لأحد التشكيلات المسلحة في طرابلس (رويترز)
body|طرابلس (رويترز) - قال جهاز الإسعاف والطوارئ إن ثلاثة أشخاص قتلوا وأصيب أحد عشر آخرون في اشتباكات اندلعت ليل الأحد بين مجموعتين مسلحتين في منطقة عين زارة جنوب العاصمة الليبية.
body|وأضاف الجهاز في بيان أن فرقه أجلت عشرات العائلات من المنطقة.
|
signature|© 2024 وكالة الأنباء الليبية المستقلة. جميع الحقوق محفوظة
""",
    "markdown_sudan": """
meta|---
meta|title: معارك في الفاشر
meta|date: 2024-03-10
meta|---
|
headline|# معارك عنيفة في الفاشر ونزوح آلاف السكان
|
meta|![نازحون في شمال دارفور](https://example.org/img/fasher.jpg)
|
body|تجددت المعارك بين الجيش السوداني وقوات الدعم السريع في الفاشر يوم السبت، وفق شهود عيان.
|
subheading|## ماذا حدث؟
|
body|- الموقع: أحياء شرق مدينة الفاشر
body|- الضحايا: 12 قتيلاً بينهم أطفال
body|1. قصف مدفعي على سوق المواشي
|
related|[تقرير: الأزمة الإنسانية في دارفور](https://example.org/darfur)
""",
    "portal_lebanon": """
navigation|الرئيسية > أخبار > لبنان
meta|الثلاثاء 12 آذار 2024 - 10:45
meta|منذ 3 ساعات
headline|غارة إسرائيلية على بلدة في جنوب لبنان
body|شنت طائرة مسيرة إسرائيلية غارة على منزل في بلدة عيتا الشعب الحدودية فجر الثلاثاء، ما أدى إلى سقوط قتيلين، وفق الوكالة الوطنية للإعلام.
body|وأفادت مصادر ميدانية بأن القصف المدفعي طال أطراف بلدتي رامية ومروحين في الوقت نفسه دون تسجيل إصابات.
meta|الوسوم: لبنان، الجنوب، غارات
related|مواضيع ذات صلة
related|تبادل القصف على الحدود الجنوبية لليوم الخامس
related|الأمم المتحدة تدعو إلى خفض التصعيد
share|فيسبوك
share|تويتر
share|واتساب
""",
    "paper_egypt": """
signature|صحيفة الوادي اليوم
navigation|أخبار مصر
headline|مقتل مسلحين في مداهمة أمنية بشمال سيناء
meta|كتب: محمد عبد الرحمن
|
body|أعلنت وزارة الداخلية المصرية مقتل أربعة مسلحين خلال تبادل لإطلاق النار مع قوات الأمن في مداهمة لوكر بمدينة العريش، بحسب بيان رسمي.
|
body|وأوضح البيان أن القوات ضبطت أسلحة آلية وعبوات ناسفة معدة للتفجير داخل الوكر.
|
share|شارك
share|تابعونا على فيسبوك وتويتر
share|اشترك في النشرة البريدية
""",
    "no_headline_somalia": """
body|قال مسؤولون محليون في مقديشو إن انفجار سيارة مفخخة قرب نقطة تفتيش أمنية أودى بحياة خمسة أشخاص على الأقل يوم الاثنين وأصاب عدداً آخر من المارة
|
caption|صورة تعبيرية
|
body|شارك مئات المتظاهرين في مسيرة بمدينة بيدوا احتجاجاً على تدهور الأوضاع الأمنية ورفعوا لافتات تطالب الحكومة الفيدرالية بحماية المدنيين من الهجمات المتكررة
|
body|وتبنت حركة الشباب الهجوم في بيان نشرته على مواقع مقربة منها.
""",
    "yemen_link_list": """
navigation|انتقل إلى المحتوى
headline|الحوثيون يقصفون مواقع حكومية في تعز
body|قال مصدر عسكري في الجيش الوطني إن جماعة الحوثي قصفت بالمدفعية مواقع للقوات الحكومية في جبهة الضباب غرب تعز مساء الخميس، ما أدى إلى إصابة جنديين.
caption|جنود من الجيش الوطني في أحد مواقع جبهة الضباب - أرشيفية
related|شاهد أيضاً:
|
related|بالفيديو: لحظة استهداف طائرة مسيرة في مأرب
|
related|منظمات إغاثية تحذر من تفاقم أزمة المياه في تعز
|
share|شارك هذا المقال
signature|موقع تعز برس
""",
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_roles(name: str) -> None:
    check_roles(CASES[name])


def test_lines_cover_text_exactly() -> None:
    text = "عنوان الخبر هنا\r\n\r\nقتل شخص في قصف على حلب.\r\nمدونة الخبر"
    doc = Doc.from_text(text)
    assign_roles(doc)
    assert [ln.index for ln in doc.lines] == list(range(len(text.split("\n"))))
    for ln in doc.lines:
        assert "\n" not in doc.norm[ln.start:ln.end] and "\r" not in doc.norm[ln.start:ln.end]
    assert doc.lines[2].role == "body"


def test_outlet_from_signature() -> None:
    for name, outlet in (("blog_syria", "مدونة أحرار الشمال"), ("wire_libya", "وكالة الأنباء الليبية المستقلة"),
                         ("paper_egypt", "صحيفة الوادي اليوم"), ("yemen_link_list", "موقع تعز برس")):
        doc, _ = roles_case(CASES[name])
        assert doc.outlet == outlet, name


def test_outlet_kept_and_taken_from_original_text() -> None:
    doc = Doc.from_text("عنوان\n\nقُتل شخص في قصف على حلب.\n\nشبكة أخبار الفُرات")
    doc.outlet = "given"
    assign_roles(doc)
    assert doc.outlet == "given"
    doc = Doc.from_text("عنوان الخبر\n\nقُتل شخص في قصف على حلب.\n\nشبكة أخبار الفُرات")
    assign_roles(doc)
    assert doc.outlet == "شبكة أخبار الفُرات"   # original spelling, diacritics kept


def test_cue_inside_long_prose_stays_body() -> None:
    text = ("عنوان الخبر الرئيسي\n\nموقع عسكري تابع للقوات الحكومية تعرض لهجوم بطائرات مسيرة صباح اليوم، "
            "وقالت مصادر إن الهجوم أسفر عن أضرار.\n\nكتب الرئيس رسالة إلى البرلمان يطالب فيها بالتهدئة.\n")
    doc = Doc.from_text(text)
    assign_roles(doc)
    assert [ln.role for ln in doc.lines if ln.role != "blank"] == ["headline", "body", "body"]


def test_malformed_yaml_names_file_and_line(tmp_path, monkeypatch) -> None:
    for f in lang_dir().iterdir():
        if f.is_file():
            shutil.copy(f, tmp_path / f.name)
    text = (tmp_path / "layout.yaml").read_text(encoding="utf-8")
    (tmp_path / "layout.yaml").write_text(text.replace("caption_max_words: 12", "caption_max_words: twelve"), encoding="utf-8")
    monkeypatch.setenv("RASD_LANG_DIR", str(tmp_path))
    load_rules.cache_clear()
    try:
        with pytest.raises(LexiconError) as err:
            load_rules()
        assert "layout.yaml:" in str(err.value) and "caption_max_words" in str(err.value)
        (tmp_path / "layout.yaml").write_text(text.replace("  share:\n", "  sharing:\n"), encoding="utf-8")
        load_rules.cache_clear()
        with pytest.raises(LexiconError, match="unknown role"):
            load_rules()
    finally:
        monkeypatch.delenv("RASD_LANG_DIR")
        load_rules.cache_clear()


def test_markdown_report_details() -> None:
    text = "\n".join([
        "_الموقع: حلب، حي الشعار_",
        "_التاريخ: 3 أيار / مايو 2016_",
        "",
        "* **ماذا حدث؟**",
        "",
        "استهدفت غارة جوية مركزاً طبياً في حي الشعار بمدينة حلب، ما أدى إلى خروجه عن الخدمة.",
        "",
        "أدناه، مقاطع مصورة نشرها ناشطون بعد الهجوم:",
        "",
        "1. [تقرير منظمة محلية عن الهجوم](https://example.org/report)",
        "2. [شهادات مسعفين](https://example.org/b) (بالإنجليزية)",
    ])
    doc = Doc.from_text(text)
    assign_roles(doc)
    got = [ln.role for ln in doc.lines if ln.role != "blank"]
    assert got == ["body", "body", "subheading", "body", "meta", "related", "related"]
    assert doc.outlet is None   # "الموقع:" is "the location", not a site name
