"""Team-written raw scraped pages: only the article body's own reports become records.

Families (one group each): blocks opened by a header (comment threads, author bios) and
news tickers; the headline after the site name and menus; HTML boilerplate containers
the fallback stripper drops; and extraction over whole pages where every event-looking
line outside the body (read-also, most-read, tickers, captions, comments) yields nothing.
Every text here is written for this file (none is a line of eval/news/pages_e).
"""
from __future__ import annotations

import pytest

import rasd
from rasd.inputs import _strip_tags

from casekit import check_roles

# Each case: lines written as "<role>|<text>"; a bare "|" is a blank line.
ROLES = {
    "lb_comment_thread_after_body": """
headline|مسيرة إسرائيلية تقصف دراجة نارية في بلدة عيتا الشعب
body|قتل شاب جراء غارة نفذتها مسيرة إسرائيلية على دراجة نارية في بلدة عيتا الشعب جنوبي لبنان ظهر اليوم.
meta|تعليقات القراء
meta|أبو علي: قصفوا بيت جارنا في الخيام امس وما حدا حكى عنه
meta|ريما: الله يرحمه، قتلوا ابن عمي بنفس الطريقة السنة الماضية
""",
    "eg_comment_counter_under_headline_opens_nothing": """
headline|ضبط ثلاثة متهمين بالاتجار في الأسلحة بمحافظة قنا
meta|تعليقات (3)
body|ألقت قوات الأمن القبض على ثلاثة متهمين بحيازة بنادق آلية بدون ترخيص في مركز نجع حمادي بمحافظة قنا.
body|وتولت النيابة التحقيق.
""",
    "iq_author_bio_is_one_paragraph": """
headline|هجوم بطائرة مسيرة على معسكر للحشد في صلاح الدين
body|تعرض معسكر للحشد الشعبي في قضاء طوزخورماتو لهجوم بطائرة مسيرة فجر اليوم دون وقوع إصابات، بحسب مصدر أمني.
meta|عن الكاتب
meta|صحفي عراقي غطى معارك الموصل وأصيب بشظايا قذيفة هاون أثناء تغطيته اقتحام حي الزنجيلي عام 2017.
body|وأضاف المصدر أن القوات الأمنية فتحت تحقيقا في الحادث.
""",
    "sy_inline_author_bio": """
headline|قصف مدفعي على أطراف مدينة دارة عزة
body|قصفت قوات النظام بالمدفعية الثقيلة أطراف مدينة دارة عزة في ريف حلب الغربي مساء أمس، وفق مراسلنا.
meta|عن الكاتب: ناشط إعلامي وثق حصار حلب الشرقية ومجازر حي الشعار قبل تهجيره عام 2016.
""",
    "ly_ticker_header_then_items_then_headline": """
navigation|تخطى إلى المحتوى
related|شريط الأخبار
related|عاجل: اشتباكات في منطقة جنزور غرب طرابلس
related|عاجل: خطف رجل أعمال في مدينة الخمس
navigation|الرئيسية / ليبيا
headline|العثور على ألغام من مخلفات الحرب في حي عين زارة
body|أعلنت وزارة الداخلية العثور على عدد من الألغام من مخلفات الحرب في حي عين زارة جنوب طرابلس، وتفكيكها دون إصابات.
""",
    "so_one_line_pipe_ticker": """
related|عاجل | انفجار في سوق بكارة بمقديشو | مقتل جنديين في هجوم على قاعدة في بلعد
headline|الحكومة الصومالية تعلن خطة لإعادة فتح الطرق في إقليم شبيلي الوسطى
body|أعلنت الحكومة الصومالية اليوم خطة لإعادة فتح الطرق الرئيسية في إقليم شبيلي الوسطى أمام حركة التجارة.
""",
    "ye_breaking_headline_alone_stays_headline": """
headline|عاجل: مقتل ثلاثة جنود بهجوم حوثي في مديرية حيس
body|قتل ثلاثة جنود من القوات الحكومية وأصيب اثنان في هجوم شنه مسلحو جماعة الحوثي على مواقعهم في مديرية حيس جنوبي الحديدة، بحسب مصدر عسكري.
""",
    "ps_related_headers_without_read_also": """
headline|الاحتلال يهدم منزلين في بلدة سلوان
body|هدمت جرافات الاحتلال الإسرائيلي صباح اليوم منزلين في بلدة سلوان جنوب المسجد الأقصى بحجة البناء دون ترخيص.
related|اقرأ كذلك
related|إصابة طفل برصاص مستوطن في بلدة ترمسعيا
related|في نفس السياق
related|اعتقال أربعة شبان من مخيم الجلزون
""",
    # ------------------------------------------------------------ captions telling the scene
    "ps_long_scene_caption_between_paragraphs": """
headline|استشهاد ثلاثة فلسطينيين بغارة إسرائيلية على منزل في دير البلح
body|استشهد ثلاثة فلسطينيين وأصيب آخرون فجر اليوم في غارة جوية إسرائيلية استهدفت منزلا وسط مدينة دير البلح، وفق مصادر طبية.
caption|فلسطينيون يتفقدون المنزل الذي دمرته الغارة الإسرائيلية في مدينة دير البلح وسط قطاع غزة فجر اليوم
body|وقالت المصادر إن بين الشهداء طفلا.
caption|مسعفون ينتشلون جثمان طفل من تحت أنقاض منزل قصف في وقت سابق بمخيم المغازي
""",
    "sy_scene_verb_in_a_sentence_stays_body": """
headline|وفد أممي يزور مدينة سرمين
body|ويتفقد وفد أممي اليوم الأحياء التي تضررت من القصف في مدينة سرمين.
""",
    # ------------------------------------------------------------ headline after the menus
    "iq_site_name_above_breadcrumb_is_no_headline": """
navigation|كربلاء اليوم نت
navigation|الرئيسية › محليات › أمن
headline|مقتل منتسب بانفجار عبوة لاصقة في قضاء الهندية
meta|2023-04-12
subheading|كربلاء - خاص
body|قتل منتسب في الشرطة المحلية بانفجار عبوة لاصقة وضعت أسفل سيارته في قضاء الهندية شرقي كربلاء صباح اليوم، بحسب مصدر أمني.
""",
    "sd_title_without_menu_below_stays_headline": """
headline|اعتقال صحفي في الأبيض
meta|19/07/2023 14:05
body|اعتقلت السلطات الأمنية صحفيا من منزله في مدينة الأبيض بولاية شمال كردفان، وفق نقابة الصحفيين.
""",
}


@pytest.mark.parametrize("name", sorted(ROLES))
def test_roles(name: str) -> None:
    check_roles(ROLES[name])


# ------------------------------------------------------------------ whole pages, extracted

def _events(text: str, published: str) -> list[dict]:
    return [r.to_dict() for r in rasd.extract(text, published=published) if r.record_kind == "event"]


def _triggers(records: list[dict], text: str) -> list[tuple[int, int]]:
    spans = []
    for r in records:
        for ev in r["evidence"]:
            assert text[ev["start"]:ev["end"]] == ev["text"]
            if ev["field"] == "trigger":
                spans.append((ev["start"], ev["end"]))
    return spans


COMMENT_PAGE = """الوادي نيوز
حوادث | محافظات
القبض على عاطل بحوزته سلاح ناري في المنيا
كتب: أحمد فتحي
ألقت الأجهزة الأمنية بمديرية أمن المنيا القبض على عاطل بحوزته بندقية آلية بدون ترخيص في مركز ملوي.
التعليقات
محمد: الأسبوع الماضي قتلوا شابين في مشاجرة بالأسلحة في سمالوط
"""


def test_comment_thread_yields_nothing() -> None:
    records = _events(COMMENT_PAGE, "2022-03-02")
    thread = COMMENT_PAGE.index("التعليقات")
    assert records, "the body's arrest is still reported"
    assert all(e <= thread for _, e in _triggers(records, COMMENT_PAGE)), records


TICKER_PAGE = """شريط الأخبار
عاجل: غارات على مواقع في مديرية باقم بمحافظة صعدة
عاجل: مقتل طفلين بانفجار لغم في مديرية حيس
الرئيسية / اقتصاد
ارتفاع أسعار الوقود في عدن للمرة الثالثة هذا العام
أعلنت شركة النفط في عدن اليوم رفع سعر صفيحة البنزين للمرة الثالثة منذ مطلع العام، وسط شكاوى من المواطنين.
"""


def test_ticker_above_a_no_event_body_yields_nothing() -> None:
    assert _events(TICKER_PAGE, "2023-06-11") == []


# ------------------------------------------------------------------ HTML containers

FALLBACK_PAGE = """<html><body>
<div class="news-ticker"><a>غارات على مواقع في بلدة الخيام</a> <a>اغتيال مسؤول محلي في صيدا</a></div>
<div id="main"><h1>إطلاق خطة لإعادة تأهيل شبكة المياه في صور</h1>
<p>أطلقت بلدية صور اليوم خطة لإعادة تأهيل شبكة المياه في الأحياء القديمة بتمويل أوروبي.</p>
<figure><img src="a.jpg"><figcaption>آثار قصف سابق على حي الرمل في صور</figcaption></figure>
<div class="post-tags">الوسوم: صور، البلديات</div>
<div class="most-read"><div class="item">مقتل شخصين بغارة على سيارة قرب الناقورة</div>
<div class="item">إصابة ثلاثة بقصف مدفعي على علما الشعب</div></div>
<p>وقال رئيس البلدية إن الأعمال تستمر ستة أشهر.
<div class="share_bar">شارك: فيسبوك
<div class="user-comments"><p>حسن: قصفوا أرضنا بالفسفور الشهر الماضي</p></div>
</body></html>"""


def test_fallback_stripper_drops_named_boilerplate_containers() -> None:
    text = _strip_tags(FALLBACK_PAGE)
    assert "أطلقت بلدية صور اليوم خطة" in text
    assert "وقال رئيس البلدية إن الأعمال تستمر ستة أشهر." in text
    for gone in ("غارات على مواقع", "اغتيال مسؤول", "آثار قصف سابق", "الوسوم", "مقتل شخصين",
                 "إصابة ثلاثة", "شارك", "قصفوا أرضنا"):
        assert gone not in text, gone


def test_fallback_page_yields_no_event() -> None:
    text = "\n\n".join(ln.strip() for ln in _strip_tags(FALLBACK_PAGE).splitlines() if ln.strip())
    assert _events(text, "2024-02-01") == []


def test_article_container_named_like_boilerplate_is_kept() -> None:
    # A class word such as "share" on the article's own container must not drop the body.
    page = ("<html><body><div class='article has-share-buttons'><h1>اشتباكات في أم درمان</h1>"
            "<p>اندلعت اشتباكات عنيفة بين الجيش السوداني وقوات الدعم السريع في مدينة أم درمان فجر اليوم.</p>"
            "<p>وقال شهود إن أصوات الانفجارات سمعت في أحياء واسعة من المدينة.</p></div>"
            "<div class='footer-links'>من نحن</div></body></html>")
    text = _strip_tags(page)
    assert "اندلعت اشتباكات عنيفة" in text and "من نحن" not in text


def test_eval_reads_an_html_gold_text_as_html(tmp_path) -> None:
    # `python -m rasd.evaluate inputs` resolves "texts/x" to texts/x.html beside the gold
    # and must hand rasd the page's extracted text, not its markup.
    from rasd.evaluate import load_gold, resolve_texts
    (tmp_path / "texts").mkdir()
    (tmp_path / "texts" / "page_001.html").write_text(
        "<!DOCTYPE html><html><head><title>اعتقال ناشط في الحسكة</title></head><body>"
        "<nav><a>الرئيسية</a></nav><article><h1>اعتقال ناشط في الحسكة</h1>"
        "<p>اعتقلت قوات الأمن ناشطا مدنيا من منزله في مدينة الحسكة مساء أمس، بحسب ما أفادت عائلته.</p>"
        "<p>ولم تعرف أسباب اعتقاله حتى الآن، وفق العائلة نفسها.</p></article></body></html>",
        encoding="utf-8")
    gold = tmp_path / "set_gold.jsonl"
    gold.write_text('{"doc_id": "texts/page_001", "published": "2023-01-05", "events": []}\n', encoding="utf-8")
    texts = resolve_texts(load_gold(gold))
    text = texts["texts/page_001"]
    assert "اعتقلت قوات الأمن ناشطا" in text
    assert "<" not in text and "الرئيسية" not in text


def test_fallback_stripper_on_many_unclosed_and_nested_boilerplate_containers() -> None:
    # Thousands of unclosed "share" divs and a deep nest of "comments" divs: each container
    # is found by one pass per tag name, so the page is stripped, body kept, in one go.
    body = "<p>قتل مدني برصاص قناص في حي الميدان بمدينة درعا صباح اليوم.</p>"
    page = ("<html><body>" + body + "<div class='share'>شارك " * 20000
            + "<section class='comments'>تعليق " * 3000 + "</section>" * 3000 + "</body></html>")
    text = _strip_tags(page)
    assert "قتل مدني برصاص قناص" in text
    assert "شارك" not in text and "تعليق" not in text


RESTATED_CAPTION_PAGE = """شبكة الوسطى
الرئيسية | غزة | الضفة
استشهاد ثلاثة فلسطينيين بغارة إسرائيلية على منزل في دير البلح
استشهد ثلاثة فلسطينيين وأصيب آخرون فجر اليوم في غارة جوية إسرائيلية استهدفت منزلا وسط مدينة دير البلح، وفق مصادر طبية.
فلسطينيون يتفقدون المنزل الذي دمرته الغارة الإسرائيلية في مدينة دير البلح وسط قطاع غزة فجر اليوم
وقالت المصادر إن بين الشهداء طفلا.
"""


def test_caption_restating_the_event_adds_no_record_or_trigger() -> None:
    records = _events(RESTATED_CAPTION_PAGE, "2024-03-01")
    assert len(records) == 1 and records[0]["rasd_type"] == "airstrike", records
    a = RESTATED_CAPTION_PAGE.index("فلسطينيون يتفقدون")
    b = RESTATED_CAPTION_PAGE.index("\n", a)
    assert not any(a <= s < b for s, _ in _triggers(records, RESTATED_CAPTION_PAGE)), records


def test_html_page_with_no_article_is_an_error_not_a_related_headline(tmp_path) -> None:
    # Only a comment and a related link: trafilatura hands back the link's headline, which
    # would become an event; the page has no main text and says so, one error line.
    from rasd.inputs import InputError, iter_documents
    page = tmp_path / "no_article.html"
    page.write_text("<html><body><div class='comments'><p>تعليق: قصفوا حينا أمس</p></div>"
                    "<div class='related-news'><a href='/x'>مقتل ثلاثة مدنيين في غارة على بلدة معرة مصرين</a></div>"
                    "<footer>© موقع</footer></body></html>", encoding="utf-8")
    docs = list(iter_documents([page]))
    assert len(docs) == 1 and isinstance(docs[0], InputError), docs
    assert "empty" in docs[0].error


def test_windows_1256_html_page_keeps_body_and_drops_boilerplate(tmp_path) -> None:
    from rasd.inputs import InputDoc, iter_documents
    page = ('<html><head><meta charset="windows-1256"><title>قصف على حي في حلب</title></head><body>'
            '<div class="comments">تعليق: قصفوا بيتنا في عفرين</div><article><h1>قصف على حي في حلب</h1>'
            '<p>قتل مدنيان جراء قصف مدفعي على حي الشيخ مقصود في مدينة حلب مساء أمس، بحسب مصادر محلية.</p>'
            '</article></body></html>')
    path = tmp_path / "cp1256.html"
    path.write_bytes(page.encode("cp1256"))
    (doc,) = iter_documents([path])
    assert isinstance(doc, InputDoc)
    assert "قتل مدنيان جراء قصف مدفعي" in doc.text and "عفرين" not in doc.text
