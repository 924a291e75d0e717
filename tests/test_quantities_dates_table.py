"""Team-written phrase table for quantities and dates (issue 5).

Each quantity row: a short news phrase and the low/best/high of the first count in it
(``None`` for open-ended high); a row with ``NO_COUNT`` asserts that the number in it is
not a count at all. Each date row: a phrase, a publication date (or None) and the
date_start/date_end/time_precision of the first date mention. The phrases are written in
the registers of the target outlets (Levantine, Iraqi, Gulf/Egyptian month names,
Maghrebi, Hijri) and are not copied from any evaluation text.
"""
from __future__ import annotations

from datetime import date

import pytest

from rasd.dates import find_dates, resolve_date
from rasd.normalize import normalize_key
from rasd.numbers import find_quantities

D = date
PUB = D(2024, 5, 15)            # a Wednesday
NO_COUNT = "no count"

# (phrase, low, best, high)
QUANTITIES = [
    # plain figures: digits (Western, Eastern, separators) and words
    ("قتل 15 شخصا في القصف", 15, 15, 15),
    ("مقتل ١٥ مدنياً في الغارة", 15, 15, 15),
    ("سقوط 1,250 قتيلا منذ بدء الهجوم", 1250, 1250, 1250),
    ("نزوح ١٢٬٥٠٠ شخص من المدينة", 12500, 12500, 12500),
    ("نزوح 12.500 عائلة من المخيم", 12500, 12500, 12500),
    ("سقط خمسة عشر قتيلا", 15, 15, 15),
    ("بلغ عدد القتلى الخمسين", 50, 50, 50),
    ("أصيب ثلاثة مدنيين بجروح", 3, 3, 3),
    ("مقتل عشرين عنصرا من الشرطة", 20, 20, 20),
    ("نزوح مئتين وخمسين عائلة", 250, 250, 250),
    ("نزوح مائتي أسرة من القرية", 200, 200, 200),
    ("فر ألفين من السكان", 2000, 2000, 2000),
    ("وصل ثلاثة آلاف نازح إلى المخيم", 3000, 3000, 3000),
    ("وصل 3 آلاف نازح إلى المخيم", 3000, 3000, 3000),
    ("مقتل أحد عشر جنديا", 11, 11, 11),
    ("مقتل إحدى عشرة امرأة", 11, 11, 11),
    ("اعتقال اثني عشر مسلحا", 12, 12, 12),
    ("اختطاف اثنتي عشرة سيدة", 12, 12, 12),
    ("قتلت ثماني نساء في الهجوم", 8, 8, 8),
    ("احتجاز ثلاثمئة وخمسة وستين معتقلا", 365, 365, 365),
    ("تهجير ثلاث مئة عائلة", 300, 300, 300),
    ("تسعمائة وتسعة وتسعون نازحا", 999, 999, 999),
    ("نزوح مليون شخص", 1000000, 1000000, 1000000),
    ("نزوح مئة ألف شخص", 100000, 100000, 100000),
    ("نزوح مئتي ألف شخص", 200000, 200000, 200000),
    ("نزوح خمسة وعشرين ألف شخص", 25000, 25000, 25000),
    ("نزوح مئة وخمسة آلاف شخص", 105000, 105000, 105000),
    ("دفن الضحايا الخمسة والعشرين", 25, 25, 25),
    ("اختطاف ٣ صيادين قبالة الساحل", 3, 3, 3),
    ("اعتقال 7 أشخاص في حملة دهم", 7, 7, 7),
    # fractions and mixed forms
    ("نزوح 12 ألفا و500 شخص", 12500, 12500, 12500),
    ("نزوح 3 آلاف وخمسمئة شخص", 3500, 3500, 3500),
    ("نزوح ٢٫٥ مليون شخص", 2500000, 2500000, 2500000),
    ("نزوح نصف مليون لاجئ", 500000, 500000, 500000),
    ("تهجير مليون ونصف مدني", 1500000, 1500000, 1500000),
    ("نزوح ربع مليون شخص", 250000, 250000, 250000),
    ("نزوح 2.5 مليون شخص", 2500000, 2500000, 2500000),
    ("نزوح 2 مليون ونصف شخص", 2500000, 2500000, 2500000),
    # ordinals that count
    ("سقوط القتيل الثالث في المدينة", 3, 3, None),
    ("وفاة الضحية الحادية عشرة متأثرة بجراحها", 11, 11, None),
    ("سقوط الشهيد العشرين منذ الصباح", 20, 20, None),
    # more than
    ("مقتل أكثر من 50 شخصا", 51, 51, None),
    ("ارتفع عدد القتلى إلى ما يزيد عن ثلاثين", 31, 31, None),
    ("قتل ما يزيد على مئة مدني", 101, 101, None),
    ("تجاوز عدد القتلى 200", 201, 201, None),
    ("فاقت حصيلة الضحايا المئة", 101, 101, None),
    ("تجاوزت الحصيلة الـ 700 قتيل", 701, 701, None),
    ("أزيد من 70 قتيلا", 71, 71, None),
    ("يفوق 40 قتيلا", 41, 41, None),
    ("أكثر من ٢٠٠٠ نازح", 2001, 2001, None),
    ("مقتل ثلاثين ونيف من العناصر", 31, 31, None),
    ("قتل 20 وأكثر في الاشتباكات", 21, 21, None),
    # at least
    ("قتل ما لا يقل عن 12 شخصا", 12, 12, None),
    ("مقتل لا يقل عن عشرة أشخاص", 10, 10, None),
    ("قتل 7 أشخاص على الأقل", 7, 7, None),
    ("قتل على الأقل 9 مدنيين", 9, 9, None),
    ("سقوط 40 قتيلا في أقل تقدير", 40, 40, None),
    ("قتل 6 كحد أدنى", 6, 6, None),
    ("أسفر القصف عن مقتل ما لا يقل من 1300 شخص", 1300, 1300, None),
    # about
    ("مقتل نحو 40 شخصا", 40, 40, 40),
    ("قرابة 300 مقاتل", 300, 300, 300),
    ("إصابة حوالي 25 شخصا", 25, 25, 25),
    ("نزوح زهاء ألف شخص", 1000, 1000, 1000),
    ("قتل ما يقارب 60 شخصا", 60, 60, 60),
    ("إصابة ما يناهز 90 شخصا", 90, 90, 90),
    ("مقتل 15 شخصا تقريبا", 15, 15, 15),
    # less than
    ("قتل أقل من 10 أشخاص", 1, 9, 9),
    ("لا يتجاوز عدد الجرحى 5", 1, 4, 4),
    # ranges
    ("مقتل ما بين 10 و15 شخصا", 10, 10, 15),
    ("إصابة بين 20 و30 شخصا", 20, 20, 30),
    ("مقتل من 5 إلى 7 أشخاص", 5, 5, 7),
    ("مقتل ثلاثة أو أربعة أشخاص", 3, 3, 4),
    ("مقتل 10-15 شخصا", 10, 10, 15),
    # vague amounts
    ("إصابة عدد من المدنيين", 3, 3, 9),
    ("اعتقال عدة أشخاص", 3, 3, 9),
    ("مقتل بضعة جنود", 3, 3, 9),
    ("سقوط عشرات القتلى", 24, 24, 99),
    ("اعتقال مئات الشبان", 200, 200, 999),
    ("نزوح آلاف العائلات", 2000, 2000, 9999),
    ("نزوح عشرات الآلاف من السكان", 20000, 20000, 99999),
    ("مقتل بضع عشرات من المدنيين", 24, 24, 99),
    ("نزوح عدة آلاف من السكان", 2000, 2000, 9999),
    ("نزوح مئات الآلاف", 200000, 200000, 999999),
    ("أصيب العشرات بالاختناق", 24, 24, None),
    ("إصابة عدد كبير من المدنيين", 24, 24, None),
    ("مقتل العديد من المدنيين", 3, 3, 9),
    # duals
    ("سقوط قتيلين في الاشتباك", 2, 2, 2),
    ("قتلت امرأتان في القصف", 2, 2, 2),
    ("إصابة جنديين بجروح", 2, 2, 2),
    # no casualties: 0, not null
    ("ولم يبلغ عن وقوع إصابات", 0, 0, 0),
    ("دون أن تسفر عن قتلى", 0, 0, 0),
    ("لا قتلى في الهجوم", 0, 0, 0),
    ("دون وقوع أي خسائر بشرية", 0, 0, 0),
    ("لم تسفر الغارة عن إصابات", 0, 0, 0),
    # not counts at all
    ("وقع الهجوم عام 2019", NO_COUNT, None, None),
    ("عند الساعة 5 صباحا", NO_COUNT, None, None),
    ("ارتفعت الأسعار بنسبة 40%", NO_COUNT, None, None),
    ("خسائر بقيمة مليون دولار", NO_COUNT, None, None),
    ("قذائف من عيار 120 ملم", NO_COUNT, None, None),
    ("تطبيق القرار 2254", NO_COUNT, None, None),
    ("على بعد 15 كيلومترا من الحدود", NO_COUNT, None, None),
    ("استمر القصف ثلاثة أيام", NO_COUNT, None, None),
    ("رابط المنشور 1539189669570000", NO_COUNT, None, None),
    ("قتل نصف السكان", NO_COUNT, None, None),
    ("في الطابق الثالث من المبنى", NO_COUNT, None, None),
    ("أفراد من عائلة واحدة", NO_COUNT, None, None),
]

# (phrase, among-list as (who, best) pairs, low, best, high of the count)
SUBCOUNTS = [
    ("مقتل 4 أشخاص بينهم طفلان", [("children", 2)], 4, 4, 4),
    ("قتل 10 أشخاص بينهم 3 أطفال وامرأتان", [("children", 3), ("women", 2)], 10, 10, 10),
    ("مقتل عشرة مدنيين، من بينهم طفل وامرأة", [("children", 1), ("women", 1)], 10, 10, 10),
    ("إصابة أكثر من 20 شخصا بينهم 5 مسعفين", [("medics", 5)], 21, 21, None),
    ("مقتل 7 منهم 4 عناصر من الشرطة", [("fighters", 4)], 7, 7, 7),
    ("قتل 13 شخصا، 9 منهم من المدنيين", [("civilians", 9)], 13, 13, 13),
]

# (phrase, published, date_start, date_end, time_precision)
DATES = [
    # relative days
    ("قصف اليوم", PUB, D(2024, 5, 15), D(2024, 5, 15), 1),
    ("قتل أمس", PUB, D(2024, 5, 14), D(2024, 5, 14), 1),
    ("هجوم أول أمس", PUB, D(2024, 5, 13), D(2024, 5, 13), 1),
    ("غارة فجر اليوم", PUB, D(2024, 5, 15), D(2024, 5, 15), 1),
    ("اشتباكات ليلة أمس", PUB, D(2024, 5, 14), D(2024, 5, 14), 1),
    ("قصف مساء أمس الثلاثاء", PUB, D(2024, 5, 14), D(2024, 5, 14), 1),
    ("الليلة الماضية", PUB, D(2024, 5, 14), D(2024, 5, 14), 1),
    ("منذ يومين", PUB, D(2024, 5, 13), D(2024, 5, 13), 1),
    ("قبل ثلاثة أيام", PUB, D(2024, 5, 12), D(2024, 5, 12), 1),
    ("منذ ٤ أيام", PUB, D(2024, 5, 11), D(2024, 5, 11), 1),
    ("خلال الساعات الماضية", PUB, D(2024, 5, 14), D(2024, 5, 15), 1),
    ("خلال الأيام القليلة الماضية", PUB, D(2024, 5, 8), D(2024, 5, 15), 2),
    ("في الأيام الأخيرة", PUB, D(2024, 5, 8), D(2024, 5, 15), 2),
    ("خلال الأسبوع الماضي", PUB, D(2024, 5, 8), D(2024, 5, 15), 2),
    ("مؤخرا", PUB, D(2024, 4, 15), D(2024, 5, 15), 3),
    # weeks, months, years relative to publication
    ("الأسبوع الماضي", PUB, D(2024, 5, 4), D(2024, 5, 10), 2),
    ("هذا الأسبوع", PUB, D(2024, 5, 11), D(2024, 5, 15), 2),
    ("قبل أسبوع", PUB, D(2024, 5, 5), D(2024, 5, 11), 2),
    ("منذ أسبوعين", PUB, D(2024, 4, 28), D(2024, 5, 4), 2),
    ("منذ ثلاثة أسابيع", PUB, D(2024, 4, 21), D(2024, 4, 27), 2),
    ("الشهر الماضي", PUB, D(2024, 4, 1), D(2024, 4, 30), 3),
    ("منذ شهرين", PUB, D(2024, 3, 1), D(2024, 3, 31), 3),
    ("منذ 3 أشهر", PUB, D(2024, 2, 1), D(2024, 2, 29), 3),
    ("أواخر الشهر الماضي", PUB, D(2024, 4, 21), D(2024, 4, 30), 3),
    ("بداية الشهر الماضي", PUB, D(2024, 4, 1), D(2024, 4, 10), 3),
    ("منتصف الشهر الجاري", PUB, D(2024, 5, 11), D(2024, 5, 15), 3),
    ("أوائل الشهر", PUB, D(2024, 5, 1), D(2024, 5, 10), 3),
    ("العام الماضي", PUB, D(2023, 1, 1), D(2023, 12, 31), 3),
    ("نهاية العام الماضي", PUB, D(2023, 9, 1), D(2023, 12, 31), 3),
    ("مطلع العام الجاري", PUB, D(2024, 1, 1), D(2024, 4, 30), 3),
    # since … until
    ("منذ بداية الشهر حتى اليوم", PUB, D(2024, 5, 1), D(2024, 5, 15), 3),
    ("منذ 5 آذار الماضي حتى اليوم", PUB, D(2024, 3, 5), D(2024, 5, 15), 3),
    ("منذ مطلع العام", PUB, D(2024, 1, 1), D(2024, 5, 15), 3),
    ("منذ يوم الأحد", PUB, D(2024, 5, 12), D(2024, 5, 15), 2),
    ("قبل ساعات", PUB, D(2024, 5, 14), D(2024, 5, 15), 1),
    ("الليلة قبل الماضية", PUB, D(2024, 5, 13), D(2024, 5, 13), 1),
    # a day of a month named relative to publication
    ("في العاشر من الشهر الجاري", PUB, D(2024, 5, 10), D(2024, 5, 10), 1),
    ("يوم 12 من الشهر الجاري", PUB, D(2024, 5, 12), D(2024, 5, 12), 1),
    ("في الخامس عشر من الشهر الماضي", PUB, D(2024, 4, 15), D(2024, 4, 15), 1),
    ("الثلاثاء 14 من الشهر الجاري", PUB, D(2024, 5, 14), D(2024, 5, 14), 1),
    ("منذ العاشر من الشهر الماضي", PUB, D(2024, 4, 10), D(2024, 5, 15), 3),
    ("في العاشر من الشهر الجاري", None, None, None, 1),
    # weekdays: the most recent one on or before publication
    ("يوم الأحد", PUB, D(2024, 5, 12), D(2024, 5, 12), 1),
    ("صباح يوم الإثنين", PUB, D(2024, 5, 13), D(2024, 5, 13), 1),
    ("الخميس", PUB, D(2024, 5, 9), D(2024, 5, 9), 1),
    ("الأربعاء", PUB, D(2024, 5, 15), D(2024, 5, 15), 1),
    ("الأربعاء الماضي", PUB, D(2024, 5, 8), D(2024, 5, 8), 1),
    ("يوم السبت الماضي", PUB, D(2024, 5, 11), D(2024, 5, 11), 1),
    ("الجمعة المقبل", PUB, D(2024, 5, 17), D(2024, 5, 17), 1),
    ("فجر الجمعة", PUB, D(2024, 5, 10), D(2024, 5, 10), 1),
    ("ليلة الجمعة", PUB, D(2024, 5, 9), D(2024, 5, 10), 1),
    ("منتصف ليلة السبت", PUB, D(2024, 5, 10), D(2024, 5, 11), 1),
    # month names: Syriac, Gregorian, Maghrebi, paired
    ("في 5 أيار", PUB, D(2024, 5, 5), D(2024, 5, 5), 1),
    ("في الخامس من أيار", PUB, D(2024, 5, 5), D(2024, 5, 5), 1),
    ("في 20 أيار", PUB, D(2023, 5, 20), D(2023, 5, 20), 1),
    ("في 28 شباط", PUB, D(2024, 2, 28), D(2024, 2, 28), 1),
    ("يونيو/حزيران الماضي", PUB, D(2023, 6, 1), D(2023, 6, 30), 3),
    ("أواخر نيسان أبريل الماضي", PUB, D(2024, 4, 21), D(2024, 4, 30), 3),
    ("كانون الثاني 2023", PUB, D(2023, 1, 1), D(2023, 1, 31), 3),
    ("12 تشرين الأول 2023", PUB, D(2023, 10, 12), D(2023, 10, 12), 1),
    ("١٥ نيسان ٢٠٢٤", PUB, D(2024, 4, 15), D(2024, 4, 15), 1),
    ("حزيران (يونيو) 2023", PUB, D(2023, 6, 1), D(2023, 6, 30), 3),
    ("شهر يوليو الماضي", PUB, D(2023, 7, 1), D(2023, 7, 31), 3),
    ("مارس الماضي", PUB, D(2024, 3, 1), D(2024, 3, 31), 3),
    ("أغسطس/آب 2022", PUB, D(2022, 8, 1), D(2022, 8, 31), 3),
    ("آب الماضي", PUB, D(2023, 8, 1), D(2023, 8, 31), 3),
    ("جانفي 2024", PUB, D(2024, 1, 1), D(2024, 1, 31), 3),
    ("الثلاثاء 12 آذار 2024", PUB, D(2024, 3, 12), D(2024, 3, 12), 1),
    ("عام 2016", PUB, D(2016, 1, 1), D(2016, 12, 31), 3),
    # numeric
    ("١٢/٣/٢٠٢٤", PUB, D(2024, 3, 12), D(2024, 3, 12), 1),
    ("بتاريخ 12/03/2024", PUB, D(2024, 3, 12), D(2024, 3, 12), 1),
    ("2024-03-12", PUB, D(2024, 3, 12), D(2024, 3, 12), 1),
    ("يوم 7-4-2017", PUB, D(2017, 4, 7), D(2017, 4, 7), 1),
    # Hijri (tabular calendar, ±1 day for sighting)
    ("في 15 رمضان 1445 هـ", PUB, D(2024, 3, 24), D(2024, 3, 26), 1),
    ("في 3 شوال 1445", PUB, D(2024, 4, 11), D(2024, 4, 13), 1),
    ("العاشر من محرم 1446 للهجرة", PUB, D(2024, 7, 16), D(2024, 7, 18), 1),
    ("منتصف شهر رمضان الماضي", PUB, D(2024, 3, 21), D(2024, 3, 30), 3),
    ("يوم الإثنين 15 رمضان 1445", PUB, D(2024, 3, 25), D(2024, 3, 25), 1),   # weekday picks the day
    # no publication date: relative phrases stay open, absolute ones resolve
    ("قتل أمس", None, None, None, 1),
    ("يوم الأحد", None, None, None, 1),
    ("الشهر الماضي", None, None, None, 3),
    ("5 أيار 2023", None, D(2023, 5, 5), D(2023, 5, 5), 1),
    ("١٢/٣/٢٠٢٤", None, D(2024, 3, 12), D(2024, 3, 12), 1),
]


# Whole short articles (headline + body, published 2024-05-15): what the record says.
# (text, fatalities dict or None, counts as {what: best}, date_start, date_end, precision)
ARTICLES = [
    ("غارة على إدلب\nقتل 10 أشخاص بينهم 3 أطفال وامرأتان وأصيب 5 آخرون بجروح في غارة جوية على مدينة إدلب أمس.",
     {"low": 10, "best": 10, "high": 10, "among": [{"who": "children", "low": 3, "best": 3, "high": 3},
                                                  {"who": "women", "low": 2, "best": 2, "high": 2}]},
     {"injured": 5}, D(2024, 5, 14), D(2024, 5, 14), 1),
    ("قصف على مأرب\nاستهدفت طائرة مسيرة سيارة في مدينة مأرب فجر اليوم، ولم يبلغ عن وقوع إصابات.",
     {"low": 0, "best": 0, "high": 0}, {}, D(2024, 5, 15), D(2024, 5, 15), 1),
    ("قتلى في إدلب\nقتل 3 أشخاص في قصف على بلدة سرمين ولم يبلغ عن إصابات أخرى.",
     {"low": 3, "best": 3, "high": 3}, {}, None, D(2024, 5, 15), 3),
    ("غارة على إدلب\nقتل 5 أشخاص في غارة على مدينة إدلب أمس. وارتفعت حصيلة القتلى في الغارة على إدلب إلى 9 قتلى.",
     {"low": 9, "best": 9, "high": 9}, {}, D(2024, 5, 14), D(2024, 5, 14), 1),
    ("اشتباكات في دير الزور\nقال المرصد السوري إن 4 عناصر من قوات النظام قتلوا في هجوم لتنظيم الدولة في بادية دير "
     "الزور، فيما قتل 3 من عناصر التنظيم.", {"low": 7, "best": 7, "high": 7}, {}, None, D(2024, 5, 15), 3),
    ("إعدام جنود في حماة\nوأفادت مصادر في المعارضة السورية منذ يومين بأن ضابطا أعدم عشرة جنود في ريف حماة.",
     {"low": 10, "best": 10, "high": 10}, {}, D(2024, 5, 6), D(2024, 5, 13), 2),
    ("انفجار في الطارمية\nقُتل عنصران من الجيش العراقي وأصيب ثالث بانفجار عبوة ناسفة في قضاء الطارمية شمال بغداد مساء أمس.",
     {"low": 2, "best": 2, "high": 2}, {"injured": 1}, D(2024, 5, 14), D(2024, 5, 14), 1),
    ("خطف في أبين\nاختطف مسلحون مجهولون 3 موظفين أمميين في محافظة أبين جنوبي اليمن يوم الأحد الماضي.",
     None, {"abducted": 3}, D(2024, 5, 12), D(2024, 5, 12), 1),
    ("شهيد في نابلس\nاستشهد الشاب محمد أحمد برصاص قوات الاحتلال في مدينة نابلس فجر اليوم.",
     {"low": 1, "best": 1, "high": 1}, {}, D(2024, 5, 15), D(2024, 5, 15), 1),
    ("قصف على دير البلح\nوأدى القصف إلى مقتل امرأة وطفليها وإصابة زوجها بجروح خطيرة في دير البلح صباح اليوم.",
     {"low": 3, "best": 3, "high": 3}, {"injured": 1}, D(2024, 5, 15), D(2024, 5, 15), 1),
    ("قصف على دير البلح\nوأفاد مراسلنا بمقتل 4 أشخاص من عائلة واحدة وإصابة 6 آخرين، جراء قصف إسرائيلي على منزل في دير البلح.",
     {"low": 4, "best": 4, "high": 4}, {"injured": 6}, None, D(2024, 5, 15), 3),
    ("قصف على دوما\nأسفر القصف عن سقوط أكثر من 100 قتيل وجريح في مدينة دوما أمس.",
     None, {"casualties": 101}, D(2024, 5, 14), D(2024, 5, 14), 1),
    ("غارة على الأتارب\n- الهجمات: 3 ضربات جوية على سوق الأتارب\n- القتلى الذين تم الإبلاغ عنهم: 69 قتيلا",
     {"low": 69, "best": 69, "high": 69}, {}, None, D(2024, 5, 15), 3),
]


def _ids(rows):
    return [r[0] for r in rows]


@pytest.mark.parametrize("phrase,low,best,high", QUANTITIES, ids=_ids(QUANTITIES))
def test_quantity_table(phrase, low, best, high):
    norm = normalize_key(phrase)
    qs = find_quantities(norm)
    if low == NO_COUNT:
        assert qs == [], [(norm[q.start:q.end], q.best) for q in qs]
        return
    assert qs, phrase
    q = qs[0]
    assert (q.low, q.best, q.high) == (low, best, high), norm[q.start:q.end]


@pytest.mark.parametrize("phrase,among,low,best,high", SUBCOUNTS, ids=_ids(SUBCOUNTS))
def test_subcount_table(phrase, among, low, best, high):
    norm = normalize_key(phrase)
    qs = find_quantities(norm)
    assert len(qs) == 1, [(norm[q.start:q.end], q.best) for q in qs]
    q = qs[0]
    assert (q.low, q.best, q.high) == (low, best, high)
    assert [(a["who"], a["best"]) for a in q.among] == among


@pytest.mark.parametrize("phrase,published,start,end,precision", DATES, ids=_ids(DATES))
def test_date_table(phrase, published, start, end, precision):
    norm = normalize_key(phrase)
    ms = find_dates(norm)
    assert ms, phrase
    iv = resolve_date(ms[0], published)
    assert (iv.start, iv.end, iv.precision) == (start, end, precision), norm[ms[0].start:ms[0].end]


@pytest.mark.parametrize("text,fat,counts,start,end,precision", ARTICLES, ids=[a[0].split("\n")[1][:40] for a in ARTICLES])
def test_article_table(text, fat, counts, start, end, precision):
    import rasd
    events = [r for r in rasd.extract(text, published=PUB) if r.record_kind == "event"]
    assert len(events) == 1, [(r.rasd_type, r.fatalities) for r in events]
    r = events[0]
    assert r.fatalities == fat
    assert {c["what"]: c["best"] for c in r.counts} == counts
    iso = lambda d: d.isoformat() if d else None
    assert (r.date_start, r.date_end, r.time_precision) == (iso(start), iso(end), precision)
    for ev in r.evidence:                       # offsets are sacred
        assert text[ev.start:ev.end] == ev.text


def test_table_size():
    # the issue asks for at least 120 team-written phrases
    assert len(QUANTITIES) + len(SUBCOUNTS) + len(DATES) + len(ARTICLES) >= 120


# The tabular Hijri calendar: conversion is a bijection and years have 354 or 355 days.
from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from rasd.dates import gregorian_to_hijri, hijri_to_gregorian  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_hijri_round_trip(g):
    y, m, d = gregorian_to_hijri(g)
    assert 1 <= m <= 12 and 1 <= d <= 30
    assert hijri_to_gregorian(y, m, d) == g


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1300, max_value=1600))
def test_hijri_year_length(y):
    days = (hijri_to_gregorian(y + 1, 1, 1) - hijri_to_gregorian(y, 1, 1)).days
    assert days in (354, 355)


def test_hijri_known_dates():
    # 1 Ramadan 1445 (11 March 2024) and 1 Muharram 1 (16 July 622 Julian = 19 July proleptic)
    assert hijri_to_gregorian(1445, 9, 1) == date(2024, 3, 11)
    assert hijri_to_gregorian(1, 1, 1) == date(622, 7, 19)
