"""Team-written short-news cases from the fixes that set south_n (eval/news/south_n_*:
Yemen, Sudan, Libya, Somalia and Egypt, every side's outlets) prompted: one group per
family, each sentence written afresh (none is a sentence of the eval texts).

Families: words of time and cause ("عقب", "إثر") and outlets named after a town
("لهيران أونلاين") are no places; the dead and wounded of an act told before — received
at a hospital, carried there, dead of their wounds, hit by the shell's shrapnel, a fight
that "stopped" — are no second incident; readiness, drills, battles against pests and
rhetoric, an aim to take control, a holding place, an activity halted, migrants freed, a
belt found on the dead and a feud's toll over years are no incidents; a village crowd
that burns its neighbours' homes is a mob.
"""
from __future__ import annotations

import pytest

import rasd

from casekit import C, W, check_case

CASES = [
    # ------------------------------------------------------------ words and outlets that are no places
    C("sd-after-a-defection-is-no-village",
      "قتلت قوات الدعم السريع تسعة مدنيين في قرية ود الحليو شرق ولاية سنار، عقب انشقاق أحد قادتها.",
      "2024-11-02", None, W(place="ود الحليو", fatalities=9)),
    C("so-an-outlet-named-after-a-region",
      "قتل أربعة أشخاص في اشتباكات بين عشيرتين قرب بلدة بلدوين. "
      "وقال شيخ عشيرة لهيران أونلاين إن المواجهات اندلعت بسبب نزاع على مزرعة.",
      "2023-08-10", 1, W(place="بلدوين", fatalities=4)),
    # ------------------------------------------------------------ the toll of an act told before
    C("ly-hospital-receives-the-dead-and-wounded",
      "اندلعت اشتباكات بين مجموعتين مسلحتين في منطقة أبو سليم بطرابلس مساء أمس. "
      "واستقبل مستشفى الحوادث جثتي قتيلين وخمسة جرحى بينهم امرأة.",
      "2023-02-14", 1, W(rasd_type="armed_clash", place="أبو سليم")),
    C("ye-the-wounded-carried-to-hospital",
      "أصيب أربعة مدنيين بانفجار لغم أرضي في مديرية الخوخة جنوب الحديدة. "
      "وقال مصدر طبي إن الجرحى نقلوا إلى مستشفى المخا.",
      "2021-06-02", 1, W(rasd_type="explosive_device")),
    C("ye-dead-of-wounds-from-the-shell",
      "قتل رجل بقصف حوثي على قرية في مديرية الأزارق بمحافظة الضالع. "
      "وأفاد مصدر في مستشفى الضالع بأن ابنه توفي لاحقا متأثرا بإصابته بشظايا القذيفة.",
      "2022-01-20", 1, W(rasd_type="shelling")),
    C("ly-the-fight-that-stopped",
      "قتل شاب في اشتباكات بين مجموعتين مسلحتين في مدينة صبراتة، "
      "وقال عميد البلدية إن الاشتباكات توقفت فجر اليوم بعد تدخل الأعيان.",
      "2022-09-09", 1, W(rasd_type="armed_clash", fatalities=1)),
    # a hospital's toll with no act told before stays an incident
    C("ye-hospital-toll-first-stays",
      "استقبل مستشفى الثورة بمدينة تعز جثث ثلاثة مدنيين قتلوا بقذائف أطلقها الحوثيون على حي الروضة.",
      "2019-03-01", 1, W(rasd_type="shelling")),
    # ------------------------------------------------------------ no incident
    C("sd-ready-to-repel-any-attempt",
      "أكد قائد الفرقة الثالثة مشاة أن قواته في حالة استعداد كامل للتصدي لأي هجوم على مدينة شندي.",
      "2024-07-01", 0),
    C("ye-a-drill-simulates-an-assault",
      "نفذت قوات العمالقة تمرينا تكتيكيا في مديرية بيحان، حاكت فيه صد هجوم للعدو وتحرير مواقع.",
      "2023-03-03", 0),
    C("sd-a-battle-against-locusts",
      "قال وزير الزراعة إن الولاية الشمالية تخوض معركة شرسة ضد الجراد الصحراوي في محلية دنقلا.",
      "2021-02-02", 0),
    C("ye-an-aim-to-take-control",
      "طالب محافظ مأرب التحالف بدعم الجيش الوطني لبسط سيطرته على مديرية صرواح.",
      "2022-05-05", 0),
    C("ly-a-holding-place-and-migrants-freed",
      "داهمت قوة أمنية سجنا لاحتجاز المهاجرين تديره عصابة تهريب في مدينة الكفرة، وحررت 30 مهاجرا.",
      "2022-11-11", None, W(place="الكفرة")),
    C("sd-kitchens-halt-their-work",
      "قالت غرفة طوارئ مدينة الأبيض إن المطابخ الجماعية أوقفت نشاطها بسبب نفاد التمويل.",
      "2024-09-09", 0),
    C("eg-a-belt-found-on-the-dead",
      "قتل ثلاثة عناصر مسلحة في تبادل لإطلاق النار مع الشرطة في مدينة رفح المصرية، "
      "وعثر بحوزتهم على حزام ناسف.",
      "2016-04-04", None, W(rasd_type="armed_clash", fatalities=3)),
    C("so-a-feud-over-years",
      "وقع وجهاء العشيرتين اتفاق صلح في مدينة جوهر ينهي نزاعا دام أكثر من ثلاث سنوات أودى بحياة العشرات.",
      "2024-02-02", 0),
    C("so-a-feud-over-years-then-its-toll",
      "اتفقت العشيرتان في مدينة طوسمريب على وقف القتال، بعد خلاف على المراعي دام أكثر من عامين، "
      "أودى بحياة العشرات من الطرفين.",
      "2024-02-02", 0),
    # a toll with its own date beside a cumulative clause stays an incident
    C("sd-a-toll-today-beside-the-war-toll",
      "قتل سبعة مدنيين، صباح اليوم، في مدينة الفاشر، فيما ارتفع عدد القتلى منذ بداية الحصار إلى أكثر من ألف.",
      "2024-09-09", 1, W(place="الفاشر", fatalities=7)),
    C("ye-a-toll-at-the-time",
      "أصدرت محكمة في عدن حكما بسجن متهمين في تفجير استهدف نقطة أمنية عام 2018 وأسفر حينها عن مقتل ستة جنود.",
      "2022-12-12", 0),
    # ------------------------------------------------------------ a campaign, the acts in general, a warning
    C("ye-the-militia-keeps-targeting-villages",
      "قتلت امرأة بقذيفة حوثية سقطت على منزلها في قرية الشقب بمديرية صبر الموادم. "
      "وقالت السلطة المحلية إن المليشيا تواصل استهداف الأحياء السكنية في مدينة تعز.",
      "2022-04-04", 1, W(rasd_type="shelling", fatalities=1)),
    C("ye-these-attacks-threaten-shipping",
      "قالت الحكومة إن هذه الهجمات تهدد أمن الملاحة في ميناء عدن وتضاعف كلفة الشحن.",
      "2024-03-03", 0),
    C("sd-warning-of-displacement",
      "قالت لجنة مقاومة المناقل إن قوات الدعم السريع قتلت أربعة مزارعين في قرية التكينة، "
      "محذرة من موجة نزوح واسعة نحو مدينة المناقل.",
      "2024-08-08", 1, W(rasd_type="attack_on_civilians", fatalities=4)),
    # ------------------------------------------------------------ where a side withdrew to
    C("so-the-fighting-and-the-retreat",
      "استعاد الجيش الصومالي السيطرة على بلدة مسجد علي جدود في إقليم جلجدود. "
      "وقال ضابط إن المعارك أسفرت عن مقتل ستة من المسلحين قبل انسحابهم باتجاه بلدة عيل بور.",
      "2023-01-16", 1, W(rasd_type="territory_gain_government")),
    # ------------------------------------------------------------ captives taken in an armed group's assault
    C("sd-gunmen-storm-a-town-and-hold-men",
      "اقتحمت قوات الدعم السريع بلدة ود راوة بولاية الجزيرة وقتلت 12 مدنيا ونهبت المحال "
      "واحتجزت عشرات الشبان في المدرسة.",
      "2024-12-12", 1, W(rasd_type="attack_on_civilians", fatalities=12)),
    # ------------------------------------------------------------ a speaker's own strike, told with its target
    C("so-africom-says-it-struck-attackers",
      "أعلنت القيادة الأمريكية في أفريقيا أنها نفذت غارة جوية استهدفت مسلحين من حركة الشباب "
      "كانوا يهاجمون قوات صومالية في إقليم شبيلي السفلى، ما أسفر عن مقتل ثلاثة منهم.",
      "2023-05-05", 1, W(rasd_type="airstrike", inter1=8, fatalities=3)),
    C("ye-a-bomb-that-targeted-a-patrol",
      "انفجرت عبوة ناسفة استهدفت طقما للحزام الأمني في مديرية جعار بمحافظة أبين، ما أسفر عن مقتل جنديين.",
      "2019-10-10", 1, W(rasd_type="explosive_device", fatalities=2)),
    # ------------------------------------------------------------ a village mob
    C("eg-villagers-burn-homes",
      "أضرم عشرات من أهالي قرية دلجا بمحافظة المنيا النار في ثلاثة منازل لمواطنين أقباط إثر خلاف على بناء كنيسة.",
      "2016-07-07", 1, W(rasd_type="mob_violence", inter1=5)),
]


@pytest.mark.parametrize("text", [
    "حررت الأجهزة الأمنية 12 مهاجرا من مخزن في بلدة الشويرف.",
    "أعلنت الشرطة تحرير عمال مخطوفين في منطقة جنوب مدينة سبها.",
])
def test_people_freed_are_no_territory(text):
    records = [r.to_dict() for r in rasd.extract(text, published="2021-06-01")]
    assert not any(r["rasd_type"].startswith("territory") for r in records), records


def test_a_word_of_time_is_no_place():
    text = "قتلت قوات الدعم السريع تسعة مدنيين في قرية ود الحليو شرق ولاية سنار، عقب انشقاق أحد قادتها."
    mentions = [(r.to_dict()["location"] or {}).get("mention") or "" for r in rasd.extract(text, published="2024-11-02")]
    assert mentions and not any("عقب" in m for m in mentions), mentions


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    check_case(case)
