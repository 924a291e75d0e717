"""End-to-end tests of the pipeline on short reports the team wrote itself.

Each case is an Arabic sentence or short report in its own phrasing (other verbs, word
orders, places, numbers written as words, Eastern digits), from Syria and other
countries, with the records it must yield. `want` lists partial records: every key given
must match one record (location keys compare against the location object). `n` is the
exact number of event records when given. Negative cases must yield nothing.
"""
from __future__ import annotations

import pytest

import rasd

from casekit import check_case

CASES = [
    # --- Syria -------------------------------------------------------------------------
    dict(id="sy-shelling-civilians",
         text="قُتل ثلاثة مدنيين وأصيب خمسة آخرون، اليوم الثلاثاء، جراء قصف مدفعي لقوات النظام استهدف بلدة كفرنبل في ريف إدلب الجنوبي، بحسب ما أفاد الدفاع المدني.",
         published="2019-06-18", n=1,
         want=[dict(rasd_type="shelling", sub_event_type="Shelling/artillery/missile attack", place="كفرنبل",
                    admin1="Idlib", fatalities=3, inter1=1, cited_kind="medical", date_end="2019-06-18")]),
    dict(id="sy-russian-airstrike-yesterday",
         text="شنت طائرات حربية روسية غارات جوية على مدينة خان شيخون جنوب إدلب أمس، ما أسفر عن مقتل ٧ أشخاص، وفق المرصد السوري لحقوق الإنسان.",
         published="2019-05-10", n=1,
         want=[dict(rasd_type="airstrike", place="خان شيخون", fatalities=7, inter1=8,
                    cited_kind="monitor", date_start="2019-05-09", date_end="2019-05-09")]),
    dict(id="sy-three-villages-three-events",
         text="قصفت قوات النظام بالمدفعية الثقيلة بلدات اللطامنة وكفرزيتا ومورك في ريف حماة الشمالي صباح اليوم.",
         published="2019-06-01", n=3,
         want=[dict(rasd_type="shelling", place="اللطامنة"), dict(rasd_type="shelling", place="كفرزيتا"),
               dict(rasd_type="shelling", place="مورك")]),
    dict(id="sy-arrest-campaign-words",
         text="اعتقلت قوات الأمن السورية اثني عشر شاباً خلال حملة دهم في بلدة الكسوة بريف دمشق يوم الأحد، وفق ما ذكرت مصادر محلية.",
         published="2019-03-06",
         want=[dict(event_type="Strategic developments", sub_event_type="Arrests", place="الكسوة",
                    admin1="Rif Dimashq", inter1=1, cited_kind="local_sources", count=("arrested", 12),
                    date_end="2019-03-03")]),
    dict(id="sy-defection-approx",
         text="انشق نحو عشرين عنصراً عن قوات النظام في مدينة درعا خلال الأسبوع الماضي، بحسب ناشطين.",
         published="2018-07-15",
         want=[dict(rasd_type="defection", place="درعا", inter1=1, cited_kind="activists", count=("defected", 20))]),
    dict(id="sy-execution-isis",
         text="أعدم تنظيم داعش أربعة أشخاص ميدانياً في مدينة الميادين بريف دير الزور الشرقي بتهمة التعامل مع التحالف.",
         published="2017-08-02", n=1,
         want=[dict(rasd_type="execution", event_type="Violence against civilians", place="الميادين",
                    fatalities=4, inter1=2)]),
    dict(id="sy-headline-restated",
         text="غارات جوية على معرة النعمان\n\nشن الطيران الحربي صباح اليوم غارات جوية على مدينة معرة النعمان في ريف إدلب، ما أدى إلى مقتل مدنيين اثنين.",
         published="2019-07-22", n=1,
         want=[dict(rasd_type="airstrike", place="معرة النعمان", fatalities=2)]),
    dict(id="sy-aggregate-toll",
         text="ووثق المرصد السوري لحقوق الإنسان مقتل أكثر من 300 مدني منذ بداية الشهر الجاري في محافظة إدلب.",
         published="2019-08-30", n=0,
         want=[dict(record_kind="aggregate_claim", fatalities_low=301, cited_kind="monitor", admin1="Idlib")]),
    dict(id="sy-checkpoints-sdf",
         text="نصبت قوات سوريا الديمقراطية حواجز جديدة في مدينة الرقة عقب هجوم على إحدى دورياتها، حسب مصادر محلية.",
         published="2020-02-11",
         want=[dict(rasd_type="checkpoint", place="الرقة", inter1=2, cited_kind="local_sources")]),
    dict(id="sy-territory-opposition",
         text="سيطرت فصائل المعارضة على قرية تل ملح في ريف حماة بعد معارك عنيفة مع قوات النظام.",
         published="2019-06-06", n=1,
         want=[dict(rasd_type="territory_gain_nonstate", sub_event_type="Non-state actor overtakes territory",
                    place="تل ملح", admin1="Hama", inter1=2)]),
    dict(id="sy-eastern-digits-airstrike",
         text="وأفادت مصادر طبية بمقتل ١٢ مدنياً بينهم ٥ أطفال في غارة جوية استهدفت سوقاً شعبياً في مدينة أريحا.",
         published="2019-07-03",
         want=[dict(rasd_type="airstrike", place="أريحا", fatalities=12, cited_kind="medical")]),

    # --- Yemen ------------------------------------------------------------------------
    dict(id="ye-clash",
         text="قتل خمسة عشر مسلحاً حوثياً في اشتباكات مع قوات الجيش اليمني في مديرية صرواح غرب مأرب، حسبما ذكرت مصادر عسكرية.",
         published="2021-02-14",
         want=[dict(event_type="Battles", place="صرواح", fatalities=15)]),
    dict(id="ye-drone",
         text="استهدفت طائرة مسيرة تابعة للحوثيين منزلاً في مدينة تعز مساء أمس، ما أدى إلى إصابة أربعة مدنيين.",
         published="2022-01-09",
         want=[dict(rasd_type="airstrike", place="تعز", count=("injured", 4), date_end="2022-01-08")]),
    dict(id="ye-threat-no-event",
         text="هدد قيادي حوثي بقصف مدينة مأرب إذا لم تنسحب القوات الحكومية من مواقعها.",
         published="2021-03-01", n=0, want=[]),

    # --- Iraq -------------------------------------------------------------------------
    dict(id="iq-ied-injured",
         text="انفجرت عبوة ناسفة على دورية للشرطة في قضاء الطارمية شمال بغداد، ما أدى إلى إصابة ثلاثة من عناصرها، وفقاً لمصدر أمني.",
         published="2020-09-20",
         want=[dict(rasd_type="explosive_device", place="الطارمية", count=("injured", 3))]),
    dict(id="iq-protest-dispersed",
         text="فرقت قوات مكافحة الشغب تظاهرة في مدينة بعقوبة باستخدام الغاز المسيل للدموع.",
         published="2019-11-04",
         want=[dict(rasd_type="protest_intervention", event_type="Protests", place="بعقوبة")]),
    dict(id="iq-commemoration-no-event",
         text="أحيا أهالي مدينة حلبجة الذكرى السنوية للهجوم الكيميائي على مدينتهم.",
         published="2021-03-16", n=0, want=[]),

    # --- Palestine / Lebanon ----------------------------------------------------------
    dict(id="ps-shot-jenin",
         text="استشهد شاب وأصيب اثنان آخران برصاص قوات الاحتلال الإسرائيلي في مدينة جنين فجر اليوم، بحسب وزارة الصحة.",
         published="2023-01-26",
         want=[dict(event_type="Violence against civilians", place="جنين", inter1=8, date_end="2023-01-26")]),
    dict(id="lb-denial-no-event",
         text="نفى الجيش اللبناني أي قصف على بلدة عيتا الشعب خلال الساعات الماضية.",
         published="2023-10-20", n=0, want=[]),
    dict(id="lb-israeli-strike",
         text="أغارت مسيرة إسرائيلية على سيارة في بلدة بنت جبيل جنوب لبنان، ما أدى إلى سقوط قتيلين.",
         published="2024-02-05",
         want=[dict(rasd_type="airstrike", place="بنت جبيل", fatalities=2)]),

    # --- Libya / Sudan ------------------------------------------------------------------
    dict(id="ly-clash-tarhuna",
         text="اندلعت اشتباكات عنيفة بين قوات حكومة الوفاق وقوات الجيش الوطني الليبي في محيط مدينة ترهونة أمس الجمعة.",
         published="2020-06-06",
         want=[dict(rasd_type="armed_clash", place="ترهونة", date_end="2020-06-05")]),
    dict(id="sd-rsf-attack",
         text="قتل 20 شخصاً في هجوم شنته قوات الدعم السريع على قرية قرب مدينة الفاشر، وفق ما أفاد شهود عيان.",
         published="2024-05-12",
         want=[dict(event_type="Violence against civilians", fatalities=20, cited_kind="witnesses")]),
    dict(id="sd-abduction-unidentified",
         text="اختطف مسلحون مجهولون طبيباً في مدينة الجنينة بولاية غرب دارفور مساء الأحد.",
         published="2023-04-25",
         want=[dict(rasd_type="abduction", place="الجنينة")]),

    # --- linking rules -------------------------------------------------------------------
    dict(id="sy-region-frames-village",
         text="وفي ريف حماة الشمالي، قصفت قوات النظام بالمدفعية قرية اللطامنة مساء أمس دون ورود أنباء عن إصابات.",
         published="2019-05-21", n=1,
         want=[dict(rasd_type="shelling", place="اللطامنة", admin1="Hama", date_end="2019-05-20")]),
    dict(id="sy-coordinated-victims-add-up",
         text="قُتل رجل وثلاثة أطفال جراء قصف صاروخي استهدف حي طريق السد في مدينة درعا.",
         published="2018-06-25",
         want=[dict(rasd_type="shelling", fatalities=4, admin1="Daraa")]),
    dict(id="sy-clash-told-from-both-sides",
         text="تصدت وحدات من الجيش السوري لمجموعات مسلحة حاولت التسلل نحو نقاط عسكرية قرب بلدة مورك في ريف حماة.",
         published="2019-04-02", n=1,
         want=[dict(event_type="Battles", inter1=1)]),
    dict(id="iq-definite-attack-refers-back",
         text="انفجرت سيارة مفخخة في سوق شعبي بمدينة بعقوبة صباح اليوم، ما أدى إلى مقتل 6 مدنيين وإصابة 11 آخرين. ولم تتبن أي جهة الهجوم حتى الآن.",
         published="2021-07-19", n=1,
         want=[dict(rasd_type="explosive_device", place="بعقوبة", fatalities=6, count=("injured", 11))]),
    dict(id="so-attack-on-soldiers-is-battle",
         text="قتل خمسة جنود في هجوم شنه مسلحو حركة الشباب على قاعدة عسكرية في مدينة بلدوين وسط الصومال.",
         published="2022-03-23", n=1,
         want=[dict(event_type="Battles", fatalities=5, place="بلدوين")]),
    dict(id="eg-sinai-ambush",
         text="قتل ثلاثة مجندين وأصيب اثنان آخران في هجوم مسلح على كمين أمني في مدينة العريش بشمال سيناء.",
         published="2017-10-14", n=1,
         want=[dict(event_type="Battles", fatalities=3, count=("injured", 2), place="العريش")]),
    dict(id="ye-women-and-children-add-up",
         text="قُتلت امرأة وطفلان بقذيفة أطلقها الحوثيون على منزل في مديرية صرواح بمحافظة مأرب.",
         published="2021-02-20",
         # ACLED: the Houthi forces are state forces (Supreme Political Council), 1 at home
         want=[dict(rasd_type="shelling", fatalities=3, inter1=1)]),
    dict(id="sy-vehicle-owner-is-target",
         text="استهدفت عبوة ناسفة سيارة عسكرية تابعة لقوات النظام على طريق بلدة الصنمين في ريف درعا.",
         published="2020-08-11",
         want=[dict(rasd_type="explosive_device", inter2=1)]),
    dict(id="ye-general-accusation-no-event",
         text="واتهمت الحكومة اليمنية جماعة الحوثي باستهداف المدنيين في مدينة تعز بشكل متعمد.",
         published="2021-05-05", n=0, want=[]),

    dict(id="ps-adjective-names-the-force",
         text="استشهد 12 فلسطينيا بينهم أطفال، فجر اليوم، في غارة إسرائيلية استهدفت منزلا في مخيم النصيرات وسط قطاع غزة، وفق وزارة الصحة.",
         published="2023-11-02", n=1,
         want=[dict(rasd_type="airstrike", place="مخيم النصيرات", fatalities=12, inter1=8, cited_kind="medical")]),
    dict(id="sd-between-two-sides",
         text="اندلعت اشتباكات عنيفة صباح السبت بين الجيش السوداني وقوات الدعم السريع في محيط مطار الخرطوم.",
         published="2023-04-16", n=1,
         want=[dict(rasd_type="armed_clash", inter1=1, actor2="Rapid Support Forces", date_end="2023-04-15",
                    cited_kind="none")]),
    dict(id="iq-rockets-no-casualties",
         text="ذكرت وكالة الأنباء العراقية أن صاروخي كاتيوشا سقطا داخل المنطقة الخضراء وسط بغداد مساء الأحد دون أن يسفرا عن إصابات.",
         published="2020-01-05", n=1,
         want=[dict(rasd_type="shelling", admin1="Baghdad", cited_kind="government", fatalities=None)]),
    dict(id="ps-arrests-counted",
         text="اعتقلت قوات الاحتلال الإسرائيلي 15 فلسطينيا على الأقل خلال حملة مداهمات في مدن الضفة الغربية الليلة الماضية.",
         published="2023-03-07",
         want=[dict(sub_event_type="Arrests", inter1=8, count=("arrested", 15))]),
    dict(id="sy-assassination-counts-one",
         text="قال المرصد السوري لحقوق الإنسان إن مسلحين مجهولين اغتالوا قياديا سابقا برصاص مباشر في بلدة طفس بريف درعا الغربي.",
         published="2024-01-20", n=1,
         want=[dict(event_type="Violence against civilians", place="طفس", fatalities=1, cited_kind="monitor")]),
    dict(id="sy-seat-beats-homonyms",
         text="بدأت القوات التركية وفصائل الجيش الوطني السوري هجوما بريا على مدينة رأس العين شمال شرقي سوريا.",
         published="2019-10-09",
         want=[dict(event_type="Battles", place="رأس العين", admin1="Al-Hasakah")]),
    dict(id="sa-neighbour-country-not-a-village",
         text="أعلنت جماعة الحوثي مسؤوليتها عن هجوم بطائرات مسيرة استهدف منشأتين نفطيتين شرقي السعودية.",
         published="2019-09-14",
         # ... and external forces (8) when they strike abroad
         want=[dict(rasd_type="airstrike", inter1=8)]),

    dict(id="ly-fan-brawl-is-mob-violence",
         text="وقعت مشاجرة بين أنصار فريقي الاتحاد والأهلي عقب المباراة في مدينة طرابلس أسفرت عن إصابة خمسة أشخاص.",
         published="2019-03-15", n=1,
         want=[dict(event_type="Riots", sub_event_type="Mob violence", count=("injured", 5))]),
    dict(id="iq-sit-in-dispersed-with-arrests",
         text="قال مسؤول محلي إن قوات الأمن فرقت بالقوة اعتصاما لعمال النفط أمام مقر الشركة في مدينة البصرة واعتقلت عددا منهم.",
         published="2024-02-11", n=1,
         # ACLED: in protest events the protesters are actor1, the force that intervened actor2
         want=[dict(sub_event_type="Protest with intervention", place="البصرة", inter1=6, inter2=1)]),
    dict(id="ps-one-toll-two-places",
         text="قصفت المقاتلات الإسرائيلية فجر اليوم شققا سكنية في مدينة غزة ورفح، ما أدى إلى استشهاد 13 فلسطينيا.",
         published="2023-05-09", n=2,
         want=[dict(rasd_type="airstrike", place="غزة", fatalities=13), dict(rasd_type="airstrike", place="رفح", fatalities=None)]),
    dict(id="iq-two-suicide-bombers",
         text="فجر انتحاريان نفسيهما في سوق شعبي وسط بغداد، ما أدى إلى مقتل 32 شخصا وإصابة أكثر من 100 آخرين.",
         published="2021-01-21", n=1,
         want=[dict(rasd_type="suicide_bombing", fatalities=32, admin1="Baghdad")]),
    dict(id="iq-city-liberated",
         text="أعلن رئيس الوزراء العراقي تحرير مدينة الموصل بالكامل من سيطرة تنظيم داعش.",
         published="2017-07-10", n=1,
         want=[dict(rasd_type="territory_gain_government", place="الموصل", inter2=2)]),

    dict(id="iq-foiled-attack-is-a-clash",
         text="أحبطت القوات الأمنية العراقية هجوما لعناصر داعش على قرية في قضاء خانقين بمحافظة ديالى وقتلت اثنين من المهاجمين.",
         published="2021-07-12", n=1,
         # the attacker first, the side that foiled it second (as ACLED lists the initiator)
         want=[dict(event_type="Battles", inter1=2, inter2=1, fatalities=2)]),
    dict(id="ly-drone-downed",
         text="أعلنت قوات الوفاق إسقاط طائرة مسيرة تابعة لميليشيات حفتر في محيط مدينة ترهونة.",
         published="2020-04-10", n=1,
         want=[dict(sub_event_type="Disrupted weapons use", place="ترهونة")]),
    dict(id="sy-state-media-generic-army",
         text="أوقعت وحدات الجيش قتلى ومصابين في صفوف إرهابيي جبهة النصرة في محيط بلدة كفرنبودة.",
         published="2019-05-20", n=1,
         want=[dict(event_type="Battles", inter1=1, inter2=2, admin1="Hama")]),
    dict(id="sy-adjective-is-not-a-country",
         text="قُتل 33 جنديا تركيا في غارة جوية نسبت إلى الطيران الروسي استهدفت رتلا عسكريا في بلدة بليون بجبل الزاوية.",
         published="2020-02-28", n=1,
         want=[dict(rasd_type="airstrike", place="بليون", fatalities=33, inter1=8)]),

    dict(id="iq-protesters-shot-excessive-force",
         text="قتل 45 متظاهرا على الأقل برصاص قوات الأمن في مدينة الناصرية خلال اليومين الماضيين، وفق مفوضية حقوق الإنسان.",
         published="2019-11-30", n=1,
         want=[dict(sub_event_type="Excessive force against protesters", fatalities=45, inter1=6, inter2=1)]),
    dict(id="sy-road-between-two-towns-is-one-event",
         text="هاجم مسلحون مجهولون حافلة تقل مدنيين على الطريق بين تدمر ودير الزور، ما أدى إلى مقتل 9 أشخاص.",
         published="2020-10-01", n=1,
         want=[dict(event_type="Violence against civilians", fatalities=9)]),
    dict(id="ly-homonym-abroad-stays-in-libya",
         text="قالت القيادة العامة للجيش الوطني الليبي إن قواتها اشتبكت مع مجموعة إرهابية في منطقة الهروج جنوب البلاد وقتلت ثلاثة من عناصرها.",
         published="2022-09-03", n=1,
         want=[dict(event_type="Battles", fatalities=3, country="LY")]),

    dict(id="sy-dateline-gives-the-place",
         text="إدلب – مراسلنا\n\nقُتل ثلاثة مدنيين وأصيب آخرون بقصف مدفعي لقوات النظام صباح اليوم.\n\nوقال الدفاع المدني إن فرقه انتشلت الضحايا من تحت الأنقاض.",
         published="2021-04-05", n=1,
         want=[dict(rasd_type="shelling", place="إدلب", fatalities=3, date_end="2021-04-05")]),
    dict(id="sy-headline-gives-the-place",
         text="غارات روسية على جسر الشغور\n\nشنت طائرات حربية روسية صباح اليوم عدة غارات أسفرت عن مقتل طفلين.",
         published="2021-04-05", n=1,
         want=[dict(rasd_type="airstrike", place="جسر الشغور", fatalities=2, inter1=8, date_end="2021-04-05")]),

    dict(id="sy-bulletin-each-sentence-its-scene",
         text="قتل مدنيان بقصف صاروخي على بلدة كفرنبل جنوب إدلب. وفي ريف حماة الشمالي، قصفت طائرات روسية بلدتي اللطامنة وكفرزيتا دون ورود معلومات عن ضحايا. أما في درعا، فقد اغتال مجهولون عنصرا سابقا في الجيش الحر في بلدة اليادودة. وفي دير الزور، اعتقلت قوات سوريا الديمقراطية 12 شخصا في بلدة الشحيل.",
         published="2019-06-10", n=5,
         want=[dict(rasd_type="shelling", place="كفرنبل", fatalities=2, inter1=None),
               dict(rasd_type="airstrike", place="اللطامنة", inter1=8), dict(rasd_type="airstrike", place="كفرزيتا", inter1=8),
               dict(place="اليادودة", fatalities=1, actor1="Unidentified Armed Group (Syria)"),
               dict(sub_event_type="Arrests", place="الشحيل", count=("arrested", 12))]),

    # --- hard negatives ----------------------------------------------------------------
    dict(id="future-no-event",
         text="من المتوقع أن تشن القوات الحكومية هجوماً واسعاً على مدينة الحديدة خلال الأيام المقبلة.",
         published="2018-06-10", n=0, want=[]),
    dict(id="economy-no-event",
         text="ارتفع سعر صرف الدولار في دمشق إلى مستوى قياسي وسط تراجع حاد في الأسواق.",
         published="2020-06-08", n=0, want=[]),
    dict(id="sports-no-event",
         text="تغلب نادي الجيش على نادي الشرطة بهدفين نظيفين في مباراة أقيمت في مدينة حمص.",
         published="2022-04-02", n=0, want=[]),
    dict(id="verbal-attack-no-event",
         text="شن رئيس الوزراء هجوما لاذعا على المعارضة في البرلمان العراقي ببغداد.",
         published="2022-05-01", n=0, want=[]),
    dict(id="election-battle-no-event",
         text="خاضت الأحزاب معركة انتخابية حامية في مدينة البصرة انتهت بفوز قائمة المحافظ.",
         published="2021-10-10", n=0, want=[]),
    dict(id="accident-no-event",
         text="هز انفجار ضخم مرفأ بيروت مساء الثلاثاء، ما أدى إلى مقتل العشرات وإصابة الآلاف، وسط ترجيحات بأن يكون ناجما عن مواد مخزنة.",
         published="2020-08-05", n=0, want=[]),
    dict(id="earthquake-no-event",
         text="ارتفعت حصيلة ضحايا الزلزال المدمر في مدينة حلب إلى أكثر من 400 قتيل، بحسب وزارة الصحة.",
         published="2023-02-07", n=0, want=[]),
    dict(id="analysis-no-event",
         text="قال محلل عسكري إن القصف الروسي المتكرر على إدلب يهدف إلى الضغط على تركيا في المفاوضات.",
         published="2022-07-11", n=0, want=[]),
    dict(id="court-ruling-no-event",
         text="أصدرت محكمة جنايات بغداد حكما بالإعدام بحق ثلاثة مدانين بتفجير سيارة مفخخة في مدينة الصدر.",
         published="2019-02-14", n=0, want=[]),
    dict(id="caption-only-no-event",
         text="صورة أرشيفية لقصف سابق على أحياء حلب الشرقية (أرشيف)",
         published="2019-01-01", n=0, want=[]),
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    check_case(case, among_events=False, trigger_evidence=True)


def test_no_publication_date_leaves_relative_dates_null():
    text = "قتل مدنيان بقصف مدفعي على بلدة كفرنبل في ريف إدلب أمس."
    records = rasd.extract(text)
    assert records and records[0].date_end is None and records[0].date_phrase


def test_cases_cover_several_countries():
    countries = set()
    for case in CASES:
        for r in rasd.extract(case["text"], published=case["published"]):
            if r.location and r.location.country:
                countries.add(r.location.country)
    assert {"SY", "YE", "IQ"} <= countries
    for r in rasd.extract("هجوم بطائرات مسيرة على منشأة نفطية شرقي السعودية.", published="2019-09-14"):
        assert r.location is None or r.location.country == "SA"
