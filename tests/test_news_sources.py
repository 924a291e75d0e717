"""Team-written short-news cases for who a report cites (FORMAT §5 kinds): one group per
family of sources the short-news sets showed misread, each sentence written afresh (none
is a sentence of the eval texts).

Families: Iraq's Joint Operations Command and Security Media Cell are the armed forces
speaking; a commander named by his command ("قائد العمليات", "قائد اللواء"); AFRICOM; a
correspondent speaks for his outlet ("مراسل وكالة سبأ" is state media); Yemen's local authority
and a ministry's condemnation are the government; Palestinian prisoners' societies are
monitors; "وذكرت الخلية/الوزارة" is the body named before, not the agency that relayed it; the victim's family ("أسرته") is a local source; rights lawyers are monitors.
And which side: a force working "بالتعاون مع" or "المدعومة من" another is actor1, not its
helper; "خطف مسلحون" names the kidnappers; "اشتباكات بين مجموعتين مسلحتين" or "بين
ميليشيات قبلية متناحرة" has that actor on both sides.
"""
from __future__ import annotations

import pytest

from casekit import C, W, check_case

CASES = [
    # ------------------------------------------------------------ armed forces' own offices
    C("iq-security-media-cell-is-military",
      "أعلنت خلية الإعلام الأمني، مساء الاثنين، مقتل أربعة إرهابيين بضربة جوية على وكر لهم في جبال حمرين شرقي محافظة صلاح الدين.",
      "2023-03-06", None, W(cited_kind="military")),
    C("iq-joint-operations-command-is-military",
      "قالت قيادة العمليات المشتركة إن قواتها اعتقلت ثلاثة مطلوبين في قضاء الطارمية شمالي بغداد.",
      "2022-05-14", None, W(sub_event_type="Arrests", cited_kind="military")),
    C("so-operations-commander-is-military",
      "قتل الجيش الصومالي 9 من عناصر حركة الشباب في هجوم على قرية قرب بلدة بولوبردي، وقال قائد العمليات إن القوات استولت على أسلحة.",
      "2023-02-19", None, W(cited_kind="military")),
    C("ye-brigade-commander-is-military",
      "صدت قوات الجيش هجوما للحوثيين على مواقعها في جبهة الكسارة غربي مأرب، بحسب قائد اللواء.",
      "2021-11-02", None, W(event_type="Battles", cited_kind="military")),
    C("so-africom-statement-is-military",
      "أسفرت غارة جوية أمريكية قرب بلدة جمامي عن مقتل ثلاثة من عناصر حركة الشباب، وفق بيان للقيادة الأمريكية في أفريقيا.",
      "2022-10-20", None, W(sub_event_type="Air/drone strike", cited_kind="military")),
    # ------------------------------------------------------------ correspondents of state media
    C("ye-saba-correspondent-is-government",
      "أفاد مراسل وكالة سبأ بأن طيران العدوان شن ثلاث غارات على مديرية كتاف بمحافظة صعدة.",
      "2020-06-11", None, W(sub_event_type="Air/drone strike", cited_kind="government")),
    C("sy-sana-correspondent-is-government",
      "استهدفت وحدات الجيش مواقع للإرهابيين في محيط بلدة كفرنبل بريف إدلب الجنوبي، وفق ما أفاد مراسل سانا.",
      "2019-08-04", None, W(cited_kind="government")),
    # ------------------------------------------------------------ government
    C("ye-local-authority-is-government",
      "قتل مدنيان جراء قصف حوثي بالمدفعية على قرية في مديرية حيس، بحسب مصدر في السلطة المحلية بالمديرية.",
      "2022-03-27", None, W(sub_event_type="Shelling/artillery/missile attack", cited_kind="government")),
    C("jo-foreign-ministry-condemning-is-government",
      "دانت وزارة الخارجية الأردنية الغارة الإسرائيلية التي استهدفت منزلا في مدينة رفح وأسفرت عن مقتل خمسة مدنيين.",
      "2024-02-12", None, W(cited_kind="government")),
    # ------------------------------------------------------------ monitors
    C("ps-prisoners-society-is-monitor",
      "اعتقلت قوات الاحتلال ثلاثة شبان من بلدة عزون شرق قلقيلية فجر اليوم، وفق نادي الأسير.",
      "2023-06-08", None, W(sub_event_type="Arrests", cited_kind="monitor")),
    C("eg-rights-lawyers-are-monitors",
      "ألقت قوات الأمن القبض على أربعة طلاب من منازلهم في مدينة المنصورة، وفقا لمحامين حقوقيين.",
      "2020-09-24", None, W(sub_event_type="Arrests", cited_kind="monitor")),
    # ------------------------------------------------------------ the victim's family
    C("ly-family-of-the-abducted-is-local",
      "خطف مسلحون مجهولون موظفا حكوميا من أمام منزله في مدينة سبها، بحسب ما أفادت عائلته.",
      "2022-04-17", None, W(sub_event_type="Abduction/forced disappearance", cited_kind="local_sources")),
    # ------------------------------------------------------------ the body named before speaks again
    C("iq-the-cell-again-not-the-agency-that-received-it",
      "أعلنت خلية الإعلام الأمني، مساء الخميس، إحباط مخطط إرهابي في محافظة الأنبار. وذكرت الخلية في بيان "
      "تلقته وكالة شفق نيوز أن قوة أمنية اعتقلت مطلوبين اثنين في قضاء الكرمة.",
      "2023-01-12", None, W(sub_event_type="Arrests", place="الكرمة", cited_kind="military")),
    # ------------------------------------------------------------ supporters are not actor1
    C("so-army-with-clan-fighters",
      "تمكنت قوات الجيش بالتعاون مع مقاتلي العشائر من استعادة بلدة عيل طير في إقليم غلغدود من حركة الشباب.",
      "2023-08-30", None, W(inter1=1)),
    C("so-forces-backed-by-the-au",
      "سيطرت القوات الصومالية المدعومة من قوات الاتحاد الأفريقي على بلدة جلب في إقليم جوبا الوسطى.",
      "2022-12-03", None, W(actor1="Military Forces of Somalia", inter1=1)),
    C("ye-army-in-coordination-with-the-tribes",
      "هاجمت قوات الجيش الوطني، بالتنسيق مع رجال القبائل، مواقع الحوثيين في مديرية نهم شرق صنعاء.",
      "2021-02-15", None, W(inter1=1)),
    # ------------------------------------------------------------ unnamed gunmen and feuding groups
    C("iq-gunmen-who-abducted-are-actor1",
      "خطف مسلحون مجهولون، فجر الأحد، مهندسا من أمام منزله في حي الأمن بمدينة البصرة.",
      "2022-11-06", None, W(sub_event_type="Abduction/forced disappearance", inter1=3)),
    C("ly-clash-between-two-armed-groups",
      "قتل شخص وأصيب ثلاثة آخرون في اشتباكات اندلعت بين مجموعتين مسلحتين في حي السواني بمدينة طرابلس.",
      "2023-08-15", None, W(event_type="Battles", inter1=3)),
    C("sd-clash-between-feuding-clan-militias",
      "لقي خمسة أشخاص مصرعهم في اشتباكات اندلعت بين ميليشيات قبلية متناحرة على مورد مياه قرب مدينة الضعين.",
      "2022-06-21", None, W(event_type="Battles", inter1=4)),
]


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_case(case):
    check_case(case)
