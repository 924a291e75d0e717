"""Team-written cases for set digest_h (eval/news/digest_h_*): multi-incident round-ups
and Gaza/West Bank reports, where each incident must keep its own place, count, date and
source. One group per family of fixes; every sentence is written afresh (none is a
sentence of the eval texts).
"""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

SETTLER_CASES = [
    # WAFA's "مستعمرون" are the settlers its older copy called "مستوطنون"
    C("ps-colonists-shoot-a-shepherd",
      "أصيب راع بجروح برصاص مستعمرين هاجموا أغنامه في أراضي قرية المغير شرق رام الله.",
      "2024-04-13", None, W(actor1="Settlers (Israel)", inter1=4, event_type="Violence against civilians")),
    C("ps-colonist-gangs-are-settlers",
      "اقتحمت عصابات المستعمرين قرية جالود جنوب نابلس وأحرقت منزلين.",
      "2023-11-02", None, W(actor1="Settlers (Israel)", inter1=4)),
    # the settlers' assault, whatever its verb, and named a clause before it
    C("ps-settlers-set-fire-to-cars",
      "أضرم مستوطنون النار في ثلاث مركبات فلسطينية في بلدة حوارة جنوب نابلس فجر اليوم.",
      "2023-02-27", 1, W(actor1="Settlers (Israel)", place="حوارة")),
    C("ps-others-assault-a-family-after-settlers",
      "هاجم مستعمرون منازل المواطنين في قرية بورين، فيما اعتدى آخرون على رعاة في قرية عصيرة القبلية.",
      "2024-05-19", None, W(place="عصيرة القبلية", event_type="Violence against civilians")),
    # no settlers: a bare "اعتدى" stays no event
    C("ps-assault-without-settlers-is-no-event",
      "اعتدى لاعب على حكم المباراة في ملعب بلدية نابلس وأوقفه الاتحاد ستة أشهر.",
      "2024-01-10", 0),
]

QUARTER_CASES = [
    # a quarter situated by "غرب المدينة" lies in the town named before it
    C("ps-quarter-west-of-the-city",
      "وفي دير البلح، استشهد طفل بقصف مدفعي إسرائيلي استهدف حي البركة شرق المدينة مساء أمس.",
      "2024-06-03", 1, W(place="دير البلح", fatalities=1)),
    C("ye-quarter-east-of-the-city",
      "وفي تعز، قتل مدني برصاص قناص في حي الدحي غربي المدينة صباح اليوم.",
      "2023-03-21", 1, W(place="تعز", fatalities=1)),
    C("sd-quarter-south-of-the-town",
      "شهدت مدينة الأبيض قصفا مدفعيا طال حي كريمة جنوب المدينة وأسفر عن مقتل امرأتين.",
      "2024-02-17", 1, W(place="الأبيض", fatalities=2)),
]


ANOTHER_CASES = [
    # "غارة أخرى استهدفت …": another strike today, one record with its own toll
    C("ps-another-strike-on-a-school",
      "وأفادت مصادر طبية بأن غارة أخرى استهدفت مدرسة تؤوي نازحين في بلدة بني سهيلا شرق خان يونس، ما أدى إلى استشهاد ستة مواطنين.",
      "2024-07-02", 1, W(sub_event_type="Air/drone strike", fatalities=6)),
    C("sy-another-raid-on-a-market",
      "وفي ريف إدلب، قتل مدنيان في قصف جوي على بلدة كنصفرة، فيما استهدفت غارة أخرى سوقا شعبيا في مدينة أريحا وأدت إلى مقتل ثلاثة أشخاص.",
      "2023-10-06", 2, W(place="كنصفرة", fatalities=2), W(place="أريحا", fatalities=3)),
]

DAY_COUNT_CASES = [
    # "لليوم الثالث على التوالي" counts the days of a raid: the incident keeps its own day
    C("ps-third-day-running-is-no-date",
      "تواصل قوات الاحتلال عدوانها على مخيم الفارعة لليوم الرابع على التوالي، حيث استشهد شاب برصاص قناص في بلدة طمون مساء أمس.",
      "2024-09-01", 1, W(place="طمون", date_start="2024-08-31", date_end="2024-08-31")),
    C("sd-fifth-day-of-the-siege",
      "قتل أربعة مدنيين في قصف مدفعي على مدينة بابنوسة صباح أمس، في اليوم الخامس من حصار المدينة.",
      "2024-02-08", 1, W(fatalities=4, date_start="2024-02-07")),
    # the ordinal day of a month is still a date
    C("ye-fifth-of-the-month-stays-a-date",
      "قتل جنديان بهجوم حوثي على مواقع الجيش في مديرية حريب اليوم الخامس من الشهر الجاري.",
      "2023-06-20", 1, W(date_start="2023-06-05")),
]

SOURCE_SHIFT_CASES = [
    # a paragraph opened by "وفي X،" tells another incident: the hospital that spoke in the
    # paragraph before does not speak for it
    C("ps-new-paragraph-drops-the-hospital",
      "استشهد مواطنان برصاص قوات الاحتلال في مدينة قلقيلية، وفق ما أفاد مستشفى درويش نزال.\n\n"
      "وفي بيت لحم، اعتقلت قوات الاحتلال خمسة شبان من بلدة تقوع.",
      "2023-08-14", 2, W(place="قلقيلية", cited_kind="medical"), W(place="تقوع", cited_kind="none")),
    C("iq-new-paragraph-after-a-police-source",
      "قتل مدني بانفجار عبوة ناسفة في قضاء الطارمية شمال بغداد، بحسب مصدر في الشرطة.\n\n"
      "إلى ذلك، نفذت طائرات التحالف غارة على مواقع لداعش في وادي حوران.",
      "2022-03-09", None, W(sub_event_type="Air/drone strike", cited_kind="none")),
    # a breakdown of the lead ("ففي …") keeps the lead's source
    C("ps-breakdown-keeps-the-lead-source",
      "اعتقلت قوات الاحتلال 20 مواطنا من الضفة الغربية، وفق نادي الأسير.\n\n"
      "ففي محافظة جنين، اعتقلت ستة مواطنين من بلدة يعبد.",
      "2023-12-04", None, W(place="يعبد", cited_kind="monitor")),
]

TOLL_PLACE_CASES = [
    # a toll told in a clause with its own town is not the toll of the strike told in the
    # next clause at another town
    C("ps-two-clauses-two-towns-two-tolls",
      "قال الجيش الإسرائيلي إن قواته قتلت 12 مسلحا خلال اشتباكات في مخيم البريج، وإن طائراته قصفت مستودعا للأسلحة في دير البلح.",
      "2024-01-09", 2, W(event_type="Battles", fatalities=12), W(place="دير البلح", fatalities=None)),
    C("sy-toll-in-its-town-strike-in-another",
      "قتل أربعة مدنيين في مدينة الأتارب بريف حلب الغربي، فيما شنت طائرات روسية غارات على أطراف بلدة كفرنوران.",
      "2023-10-12", None, W(place="الأتارب", fatalities=4), W(place="كفرنوران", fatalities=None)),
    # one town in both clauses, or a dateline: one incident with its toll
    C("ps-dateline-town-is-not-a-second-scene",
      "خان يونس 3-3-2024 وفا- استشهد أربعة مواطنين، فجر اليوم، في قصف إسرائيلي استهدف منزلا في مدينة دير البلح وسط القطاع.",
      "2024-03-03", 1, W(place="دير البلح", fatalities=4)),
    C("iq-same-town-in-both-clauses",
      "قتل ثلاثة من عناصر الحشد في قضاء طوزخورماتو، إثر هجوم شنه عناصر داعش على نقطة في أطراف طوزخورماتو.",
      "2022-11-30", 1, W(fatalities=3)),
]

REPEATED_QUARTER_CASES = [
    # a quarter placed in its town once keeps that town when named again bare
    C("ps-quarter-named-again",
      "قصفت طائرات الاحتلال منزلا في حي الصبرة بمدينة غزة. وفي المقابل، قالت سرايا القدس إن مقاتليها "
      "قصفوا تجمعا لجنود الاحتلال في محيط حي الصبرة بقذائف الهاون.",
      "2024-01-15", None, W(sub_event_type="Shelling/artillery/missile attack", place="غزة")),
]

TIME_OF_DAY_CASES = [
    # "للمدينة صباح اليوم": a time of day before its day is no village named صباح
    C("sd-morning-is-no-village",
      "وفي نيالا، قال شهود إن الجيش صد هجوما على المدخل الجنوبي للمدينة صباح اليوم.",
      "2024-04-02", 1, W(event_type="Battles", place="نيالا", date_start="2024-04-02")),
    C("ye-evening-is-no-village",
      "وفي مأرب، أصيب ثلاثة جنود بقصف حوثي على المحور الجنوبي للمدينة مساء أمس.",
      "2023-05-14", 1, W(place="مأرب", date_start="2023-05-13")),
]

CAMP_CASES = [
    # Darfur's IDP camps are "معسكر X للنازحين" beside their town
    C("sd-idp-camp-in-its-town",
      "قتل سبعة نازحين في قصف مدفعي على معسكر كلمة للنازحين شرقي مدينة نيالا.",
      "2024-05-08", 1, W(place="نيالا", fatalities=7)),
]

UNIT_SOURCE_CASES = [
    # a unit's own spokesman speaks for the military
    C("sd-division-spokesman-is-military",
      "قال الناطق باسم الفرقة 22 مشاة إن قواتها صدت هجوما للدعم السريع على مدينة بابنوسة.",
      "2024-01-27", 1, W(cited_kind="military")),
    C("ly-brigade-statement-is-military",
      "أعلن اللواء 444 قتال في بيان ضبط شحنة أسلحة على طريق بني وليد.",
      "2023-04-18", 1, W(cited_kind="military")),
]

GAZA_BOMBING_CASES = [
    # a Gaza round-up's bare "قصف" on a tent, school or home names no one: Israel, from the air
    C("ps-bare-bombing-of-a-tent",
      "وفي رفح، استشهد أربعة نازحين جراء قصف خيمة تؤويهم في منطقة الشابورة.",
      "2024-04-21", 1, W(sub_event_type="Air/drone strike", inter1=8, fatalities=4)),
    C("ps-bare-bombing-of-a-home-in-maghazi",
      "وأفادت مصادر طبية باستشهاد مواطنين اثنين في قصف منزل في مخيم المغازي وسط القطاع.",
      "2024-06-30", 1, W(sub_event_type="Air/drone strike", place="المغازي", fatalities=2)),
    # artillery stays shelling; a bare bombing in Lebanon with no one named stays shelling
    C("ps-bare-artillery-stays-shelling",
      "استشهد طفل جراء قصف مدفعي استهدف منزلا شرق مدينة خان يونس.",
      "2024-02-02", 1, W(sub_event_type="Shelling/artillery/missile attack")),
    C("lb-bare-bombing-names-no-one",
      "أصيب مواطن جراء قصف استهدف منزلا في بلدة حولا الجنوبية.",
      "2024-03-05", 1, W(sub_event_type="Shelling/artillery/missile attack")),
]

AID_CASES = [
    # the force in "بعد أن أطلقت قوات X النار" after a toll is the shooter, not more victims
    C("ps-aid-seekers-shot-after-the-toll",
      "قالت مصادر طبية إن ستة شهداء وصلوا إلى مستشفى العودة بعد أن أطلقت قوات الاحتلال النار على المنتظرين عند دوار الكويت جنوب مدينة غزة.",
      "2024-03-14", 1, W(event_type="Violence against civilians", inter1=8, fatalities=6)),
    C("ye-toll-after-when-the-militia-fired",
      "أصيب ثلاثة مدنيين عندما أطلقت ميليشيا الحوثي النار على سيارتهم في مديرية الحوك بالحديدة.",
      "2022-10-03", 1, W(inter1=1)),
    # rations received are no handover of ground
    C("ps-receiving-flour-is-no-handover",
      "تجمع مئات المواطنين قرب مخازن الأونروا في دير البلح لاستلام الطحين.",
      "2024-02-25", 0),
]

RECALLED_CASES = [
    # a verdict's recalled toll with no place of its own is background, not an incident
    C("iq-verdict-recalls-an-old-toll",
      "بغداد - واع\nأصدرت محكمة الجنايات المركزية حكما بالإعدام على مدان بتفجير سوق شعبي عام 2016. "
      "وكان التفجير قد أوقع 30 قتيلا وعشرات الجرحى.",
      "2023-02-06", 0),
    # recalled with a place and a date of its own, it is still told as an event
    C("sd-recalled-attack-with-its-own-place",
      "قتل أربعة مدنيين في هجوم على قرية أم دم حاج أحمد صباح اليوم. وكان ثلاثة أشخاص قد قتلوا في هجوم مماثل على بلدة الرهد الأسبوع الماضي.",
      "2024-03-20", None, W(place="الرهد", fatalities=3)),
]

SHORT_HEAD_CASES = [
    # a settlement noun + a two-letter name head ("أم"، "آل"، "ود") + a name is a village
    C("sd-um-village-after-town-noun",
      "قال شهود إن مسلحين نهبوا سوق بلدة أم قرفة بولاية شمال كردفان.",
      "2024-05-02", 1, W(place="أم قرفة")),
    C("ye-al-area-on-the-border",
      "أصيب مواطنان بنيران سعودية في منطقة آل مقنع الحدودية بمحافظة صعدة.",
      "2023-12-11", 1, W(place="آل مقنع")),
    # Iraq's tribal villages "البو X" (Al Bu X) are two-word names
    C("iq-albu-village",
      "قتل شخصان بانفجار عبوة ناسفة في قرية البو عجيل شرقي تكريت.",
      "2022-06-04", 1, W(place="البو عجيل", fatalities=2)),
    # the Saada border district the index lacks
    C("ye-shada-district",
      "تعرضت قرى مديرية شدا الحدودية لقصف صاروخي ومدفعي سعودي، بحسب مراسل المسيرة.",
      "2023-08-08", 1, W(place="شدا", admin1="Sa`dah")),
]

VICTIM_CASES = [
    # the victim after the agent and a time set off by commas
    C("sy-assassinated-after-a-time-aside",
      "اغتال مسلحون مجهولون، مساء أمس الأحد، شابا في بلدة المسيفرة بريف درعا الشرقي.",
      "2024-02-12", 1, W(place="المسيفرة", fatalities=1, date_start="2024-02-11")),
    # a target's companion is one victim
    C("sy-escort-killed-beside-the-leader",
      "أصيب قيادي في الفيلق الخامس بجروح ومقتل سائقه بانفجار عبوة ناسفة في بلدة المزيريب.",
      "2023-06-28", 1, W(fatalities=1)),
    # a woman in uniform is one victim
    C("ps-female-conscript-killed",
      "أعلن الجيش الإسرائيلي مقتل مجندة وإصابة جنديين بانفجار عبوة ناسفة في مخيم طولكرم.",
      "2024-04-20", 1, W(fatalities=1)),
]

OTHER_SIDE_CASES = [
    # the other side's claim in a paragraph of its own names no place of ours: not the lead's
    C("lb-other-side-claim-takes-no-lead-place",
      "أغارت مسيرة إسرائيلية على دراجة نارية في بلدة عيترون، ما أدى إلى سقوط شهيد.\n\n"
      "من جهتها، أعلنت المقاومة الإسلامية أن مقاتليها استهدفوا ثكنة برانيت بالأسلحة الصاروخية.",
      "2024-03-28", 2, W(place="عيترون", fatalities=1),
      # (the claim is an event of its own now that the index knows the barracks' town)
      W(rasd_type="shelling", place="برانيت", country="IL")),
    # in the lead's own paragraph the place still carries on
    C("lb-same-paragraph-keeps-the-place",
      "أغارت مسيرة إسرائيلية على منزل في بلدة عيترون، ثم استهدفت غارة ثانية المنزل نفسه.",
      "2024-03-28", 1, W(place="عيترون")),
    # a ministry's sum over sides of two countries names no scene; one country's side still does
    # a wound that will not heal is a memory, not an injury
    C("iq-wound-of-a-town-is-a-memory",
      "عاد مئات النازحين إلى مدينة سنجار هذا الأسبوع. وقال قائممقام القضاء إن جرح المدينة لن يندمل قبل إعادة إعمارها.",
      "2024-04-14", 0),
    C("tr-neutralised-across-two-countries",
      "أعلنت وزارة الدفاع التركية تحييد 9 إرهابيين في عمليات جوية شمالي العراق وسوريا.",
      "2023-12-24", 0),
    C("tr-strike-in-one-side-of-a-country",
      "قصفت طائرات تركية مواقع لحزب العمال الكردستاني شمالي العراق.",
      "2023-12-24", 1, W(sub_event_type="Air/drone strike", country="IQ")),
]

TALLY_CASES = [
    # a day's tally over a region is an aggregate claim, not one more incident
    C("ps-ministry-24-hour-tally",
      "أعلنت وزارة الصحة أن 85 مواطنا استشهدوا في غارات الاحتلال على قطاع غزة خلال الـ24 ساعة الماضية.",
      "2024-03-11", 0, W(record_kind="aggregate_claim", fatalities=85)),
    C("sy-monitor-day-tally",
      "وثق المرصد السوري لحقوق الإنسان مقتل 6 أشخاص في مناطق متفرقة من ريف دير الزور خلال الساعات الـ24 الماضية.",
      "2023-09-02", 0, W(record_kind="aggregate_claim", fatalities=6)),
    C("sy-day-tally-beside-its-incident",
      "حصيلة اليوم: قتل 5 عناصر من قوات النظام في هجمات متفرقة بالبادية. "
      "وفي التفاصيل، قتل ثلاثة جنود بانفجار لغم أرضي قرب مدينة السخنة شرقي حمص.",
      "2023-09-02", 1, W(place="السخنة", fatalities=3)),
]

ALL_CASES = SETTLER_CASES + QUARTER_CASES + ANOTHER_CASES + DAY_COUNT_CASES + SOURCE_SHIFT_CASES + TOLL_PLACE_CASES + REPEATED_QUARTER_CASES + TIME_OF_DAY_CASES + CAMP_CASES + UNIT_SOURCE_CASES + GAZA_BOMBING_CASES + AID_CASES + RECALLED_CASES + SHORT_HEAD_CASES + VICTIM_CASES + OTHER_SIDE_CASES


@pytest.mark.parametrize("case", ALL_CASES, ids=[c["id"] for c in ALL_CASES])
def test_case(case):
    check_case(case)


@pytest.mark.parametrize("case", TALLY_CASES, ids=[c["id"] for c in TALLY_CASES])
def test_tally_case(case):
    check_case(case, among_events=False)
