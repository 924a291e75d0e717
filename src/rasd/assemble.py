"""Assembling draft events: a trigger plus the arguments its sentence gives it.

Owns: the argument-linking rules — which place, actors, counts, date and attribution
belong to which trigger — and the decision between an incident and a cumulative toll
(aggregate claim). Input is the mention lists of the earlier stages; output is a list of
`Draft`s, one per event trigger (and per place when a strike names several places),
which `rasd.merge` then merges into records. Dates, places, actors and counts are
resolved here into values; nothing reads the text again downstream.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import accumulate, chain
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Sequence

from .actors import ActorMention, actor_for_adjective, actor_lexicon, allied
from .attribution import Attribution
from .dates import DateInterval, DateMention, resolve_date
from .doc import BODY, HEADLINE, Doc, Sentence, spans_inside
from .normalize import normalize_key
from .numbers import Quantity, load_numbers, parse_number
from .gazetteer import name_key
from .places import PlaceMention
from .triggers import PARALLEL_OPENERS, RELATIVE_PRONOUNS, CueIndex, Trigger, TriggerLexicon, kin_crime, time_words

# A report's "recently" with no date phrase: ACLED codes the report date; we keep an
# open start so the interval still overlaps the true date.
REPORT_WINDOW_DAYS = 7
AGGREGATE_MIN_DAYS = 8
# paragraphs (counting dateline and headline) in which an event with no place of its own
# takes the article's lead place
LEAD_PARAGRAPHS = 3


@dataclass
class Mentions:
    """Everything the mention finders found in one document, sorted by position."""
    triggers: list[Trigger]
    places: list[PlaceMention]
    actors: list[ActorMention]
    quantities: list[Quantity]
    dates: list[DateMention]
    attributions: list[Attribution]
    hedges: list[tuple[int, int]]
    cues: CueIndex
    # per-document lookups built on first use: the sentence loop asks them once per
    # draft or number, so scanning the whole lists each time would be quadratic
    _date_index: tuple | None = field(default=None, init=False, repr=False, compare=False)
    _hedge_starts: list[int] | None = field(default=None, init=False, repr=False, compare=False)

    def in_date(self, pos: int) -> bool:
        """Does a date mention cover ``pos`` (start <= pos < end)?"""
        if self._date_index is None:
            self._date_index = ([x.start for x in self.dates], list(accumulate((x.end for x in self.dates), max)))
        starts, max_ends = self._date_index
        k = bisect_right(starts, pos)
        return k > 0 and max_ends[k - 1] > pos

    def hedge_in(self, lo: int, hi: int) -> bool:
        """Does a hedging cue start in [lo, hi)?"""
        if self._hedge_starts is None:
            self._hedge_starts = sorted(s for s, _ in self.hedges)
        k = bisect_left(self._hedge_starts, lo)
        return k < len(self._hedge_starts) and self._hedge_starts[k] < hi


@dataclass
class Draft:
    trigger: Trigger
    type: str
    sentence: Sentence
    kind: str = "event"                                   # or "aggregate_claim"
    place: PlaceMention | None = None
    place_inherited: bool = False
    actor1: ActorMention | None = None
    actor2: ActorMention | None = None
    actor1_inherited: bool = False
    fatalities: Quantity | None = None
    counts: list[tuple[str, Quantity]] = field(default_factory=list)
    outcomes: list[Trigger] = field(default_factory=list)
    date_mention: DateMention | None = None
    interval: DateInterval | None = None
    attribution: Attribution | None = None
    attribution_inherited: bool = False   # carried over from an earlier sentence
    hedged: bool = False
    anaphoric: bool = False      # "وراء الهجوم": refers back to an event told before
    narrows: bool = False        # "القصف طال محيط قرية X": a restatement that places the event more precisely
    future: bool = False         # dated after the report: announced, not happened
    recalled: bool = False       # "وكان … قد قتلوا", "في هجوم مماثل": an earlier event recalled
    another: bool = False        # recalled only as "another" ("غارة أخرى"): a new act, not background
    armed_victims: bool = False  # an unspecified attack on fighters: a clash unless it joins a
                                 # killing of the same event (an execution of one's own men)
    claim: bool = False          # "تبنت الحركة الهجوم": a claim of responsibility for an event told

    @property
    def headline(self) -> bool:
        return self.sentence.role == HEADLINE


class _Before:
    """The drafts before the current one — the document's so far, then the sentence's —
    read newest first (``reversed``) without copying both lists for every draft."""

    __slots__ = ("earlier", "current")

    def __init__(self, earlier: list["Draft"], current: list["Draft"]):
        self.earlier, self.current = earlier, current

    def __reversed__(self):
        return chain(reversed(self.current), reversed(self.earlier))


class _Sorted:
    """A mention list with its starts, indexed once per document for sentence queries."""

    def __init__(self, items: Sequence):
        self.items, self.starts = items, [x.start for x in items]

    def inside(self, lo: int, hi: int) -> list:
        return spans_inside(self.items, self.starts, lo, hi)


def _dist(doc: Doc, a, b) -> int:
    return doc.token_distance(a.start, a.end, b.start, b.end)


def assemble(doc: Doc, mentions: Mentions, lex: TriggerLexicon) -> list[Draft]:
    drafts: list[Draft] = []
    by_sentence: dict[int, list[Trigger]] = {}
    for t in mentions.triggers:
        s = doc.sentence_at(t.start)
        if s is not None:
            by_sentence.setdefault(s.index, []).append(t)
    index = {name: _Sorted(getattr(mentions, name)) for name in ("places", "actors", "quantities", "dates")}
    # an actor word inside a gazetteer place name is the name ("ود مدني" is no civilian):
    # only a place that strictly contains the actor word, so "الحشد الشعبي" named like a
    # place it is stationed at stays an actor
    inside_place = [a for a in mentions.actors
                    if any(p.place is not None and p.start <= a.start and a.end <= p.end and (p.start, p.end) != (a.start, a.end)
                           for p in index["places"].inside(a.start - 40, a.end + 40))]
    if inside_place:
        index["actors"] = _Sorted([a for a in mentions.actors if a not in inside_place])
    # a trigger word inside an actor's name ("هيئة تحرير الشام", "جيش تحرير السودان") is
    # the name, not an act; weapons named with their force ("الطائرات المسيرة التركية") stay,
    # and so does a trigger that is the whole actor mention ("خرج مئات المتظاهرين": the
    # protesters' noun is both who and what, and its entry's context rules decide)
    for sid, ts in by_sentence.items():
        by_sentence[sid] = [t for t in ts if lex.types[t.type].merge_group == "remote"
                            or not any(a.start <= t.start and t.end <= a.end and not a.generic
                                       and (a.start, a.end) != (t.start, t.end)
                                       for a in index["actors"].inside(t.start - 60, t.end + 60))]
    last_attr: Attribution | None = None
    attr_iter = iter(mentions.attributions)
    pending = next(attr_iter, None)
    cut = -1        # sources named before this offset are not carried on (a new incident)
    for sent in doc.sentences:
        # attributions persist from where they are made until the next one
        sent_attrs: list[Attribution] = []
        while pending is not None and pending.start < sent.end:
            if pending.start >= sent.start:
                sent_attrs.append(pending)
            else:
                last_attr = _resolve_anaphora(pending, last_attr)
            pending = next(attr_iter, None)
        sent_attrs = [_resolve_anaphora(a, last_attr if i == 0 else sent_attrs[i - 1]) for i, a in enumerate(sent_attrs)]
        if last_attr is not None and _opens_incident(doc, sent, last_attr):
            cut = sent.start
        carried = last_attr if last_attr is not None and last_attr.start >= cut else None
        triggers = by_sentence.get(sent.index, [])
        if triggers:
            drafts.extend(_sentence_drafts(doc, sent, triggers, mentions, index, lex, sent_attrs, carried, drafts))
        elif drafts:
            drafts.extend(_update_toll(doc, sent, drafts, index, lex, mentions, sent_attrs, carried))
        if sent_attrs and sent.role not in (HEADLINE,):
            last_attr = sent_attrs[-1]
    _attribute_forward(doc, drafts, mentions.attributions)
    _blamed_actor(doc, drafts, mentions, index["actors"])
    return drafts


def _blamed_actor(doc: Doc, drafts: list[Draft], m: Mentions, actors: "_Sorted") -> None:
    """"قتل طفلان بقصف على حي في تعز، واتهم الجيش الحوثيين بقصف الحي": the accused (the
    first actor named after a blame verb in its clause when words that are no actor stand
    before it, the accuser's; else the second) is the alleged actor of the act told just before, or right after in
    the accusation, when the telling names no agent of its own. The record is hedged."""
    if not drafts:
        return
    for cue in m.cues.cues_in(0, len(doc.norm), {"blame"}):
        sent = doc.sentence_at(cue.start)
        clause = doc.clause_at(cue.start)
        if sent is None or clause is None:
            continue
        if doc.norm[cue.start:cue.end].lstrip("و").startswith(("حمل", "يحمل", "تحمل", "محمل")) \
                and "المسووليه" not in doc.norm[cue.end:clause.end]:
            continue          # "حمل السلاح": carrying, not blaming
        # the accused stands before the act it is accused of ("اتهم الجيش الحوثيين بقصف"); a
        # side named only after it is part of the charge ("متهما بالانتماء إلى داعش")
        act = next((t.start for t in doc.tokens_between(cue.end, clause.end)
                    if t.text.startswith("ب") and len(t.text) > 3), clause.end)
        named = [a for a in actors.inside(cue.end, clause.end) if cue.end <= a.start < act]
        if not named:
            continue
        if doc.tokens_between(cue.end, named[0].start):
            accused = named[0]    # "اتهمت حكومة الإقليم قوات الدعم السريع": the accuser is no actor
        elif len(named) >= 2:
            accused = named[1]
        else:
            continue
        targets = [d for d in drafts if d.kind == "event" and d.sentence is sent and cue.end <= d.trigger.start]
        before = [d for d in drafts if d.kind == "event" and d.trigger.end <= cue.start
                  and (d.sentence is sent or d.sentence.index == sent.index - 1 and d.sentence.paragraph == sent.paragraph)]
        if before:
            targets.append(before[-1])
        for d in targets:
            if d.actor1 is None or d.actor1_inherited or d.actor1 is accused:
                d.actor1, d.actor1_inherited, d.hedged = accused, False, True
                if d.actor2 is accused:
                    d.actor2 = None


def _attribute_forward(doc: Doc, drafts: list[Draft], attrs: list[Attribution]) -> None:
    """Short news state the event, then name who told it: "استشهد شخصان في غارة … .
    وأفادت الوكالة الوطنية بأن …". An event with no source takes the first source named
    in the next two sentences of its paragraph."""
    for d in drafts:
        if d.attribution is not None:
            continue
        for a in attrs:
            if a.start < d.sentence.end or a.cited_kind in ("none",) or a.cited_end <= a.cited_start:
                continue
            s = doc.sentence_at(a.start)
            if s is None or s.paragraph != d.sentence.paragraph or s.index - d.sentence.index > 2:
                break
            d.attribution, d.attribution_inherited = a, True
            d.hedged = d.hedged or a.hedged
            break


# Openers of a paragraph that tells another incident in a round-up: "وفي ريف حلب،",
# "إلى ذلك،", "من جهة أخرى،", "وفي سياق متصل،" (normalised spellings).
# "وفي" opens one only before a place, not before a time or a turn of the same story
# ("وفي الأثناء", "وفي وقت لاحق", "وفي حصيلة جديدة", "وفي إطار", "وفي المقابل").
_NEW_INCIDENT = re.compile(r"(?:وفي (?!(?:الاثناء|اثناء|وقت|الوقت|حصيله|اطار|الاطار|غضون|اعقاب|ظل|المقابل|هذا|هذه|ذلك|تلك"
                           r"|حين|اليوم|الساعات|ساعات|الساعه|مساء|صباح|ليله|فجر|ظهر|عصر|وقت|تطور|السياق|سياق|تصريح"
                           r"|بيان|حديث|رده|رد|المحصله|النهايه|الختام)\b)|الي ذلك|والي ذلك|من جهه اخري|ومن جهه اخري|من جانب اخر|ومن جانب اخر"
                           r"|في سياق متصل|وفي سياق متصل|علي صعيد اخر|وعلي صعيد اخر)")


# the other side's claims in a round-up: "من جهتها، أعلنت المقاومة أنها استهدفت موقع …"
_OTHER_SIDE = re.compile(r"(?:من جهتها|ومن جهتها|من جهته|ومن جهته|من جهتهم|ومن جهتهم|في المقابل|وفي المقابل)")


def _opened_by(doc: Doc, sent: Sentence, since: int, *openers: re.Pattern) -> bool:
    """``sent`` opens a later paragraph than the one holding position ``since`` with one of
    ``openers``."""
    first = sent.index == 0 or doc.sentences[sent.index - 1].paragraph != sent.paragraph
    before = doc.sentence_at(since)
    return first and before is not None and before.paragraph != sent.paragraph \
        and any(o.match(doc.norm, sent.start) is not None for o in openers)


def _other_incident(doc: Doc, sent: Sentence, lead: PlaceMention) -> bool:
    """A paragraph of a round-up that opens with a transition or the other side's word tells
    an incident of its own: with no place of its own it does not take the lead's place."""
    return _opened_by(doc, sent, lead.start, _NEW_INCIDENT, _OTHER_SIDE)


def _opens_incident(doc: Doc, sent: Sentence, last: Attribution) -> bool:
    """A paragraph that opens with a round-up's transition tells a new incident: the source
    of the paragraphs before it ("وأفاد مدير المستشفى بأن …") does not speak for it; a
    lead's breakdown ("ففي محافظة الخليل، اعتقلت …") and a paragraph with no opener still do."""
    return sent.index > 0 and _opened_by(doc, sent, last.start, _NEW_INCIDENT)


_SPECIFIC_GROUPS = frozenset({"remote", "explosive", "chemical"})


def _relative_of(doc: Doc, t: Trigger, events: list[Trigger], lex: TriggerLexicon) -> bool:
    """Does a generic attack verb stand at most one word after a strike's or device's own
    trigger in its clause?"""
    i = doc.token_index(t.word_start)
    clause = doc.clause_at(t.start)
    for e in events:
        if e is t or lex.types[e.type].merge_group not in _SPECIFIC_GROUPS or e.end > t.start:
            continue
        if clause is not None and not clause.start <= e.start < clause.end:
            continue
        if 1 <= i - doc.token_index(max(e.word_end - 1, e.start)) <= 2:
            return True
    return False


def _resolve_anaphora(a: Attribution, previous: Attribution | None) -> Attribution:
    """"وأشارت المصادر" takes the kind of the source named before it."""
    if a.anaphoric and previous is not None and a.cited_kind in ("unnamed", "none"):
        a.cited_kind = previous.cited_kind
    return a


_HOSPITAL_WORD = re.compile(r"مستشف|مشف")


def _known_dead(doc: Doc, o: Trigger) -> bool:
    """"وقال المصدر إن القتيلين ينتميان إلى …", "ونشروا صورا للضحايا": the definite noun
    takes up dead told before (or remembered); with no act in its sentence it is no new toll."""
    prefix = doc.norm[o.word_start:o.start].lstrip("وف")
    return prefix.endswith("ال") or prefix in ("لل", "بال", "كال")


def _sentence_drafts(doc: Doc, sent: Sentence, triggers: list[Trigger], m: Mentions, index: dict[str, _Sorted],
                     lex: TriggerLexicon, sent_attrs: list[Attribution], last_attr: Attribution | None,
                     previous: list[Draft]) -> list[Draft]:
    events = [t for t in triggers if t.role == "event"]
    outcomes = [t for t in triggers if t.role == "outcome"]
    # beside strategic developments only ("اقتحمت القوات القرية وقتلت مئة من سكانها، ما
    # أجبر الأسر على الفرار"), a toll is an act of its own, as with no event at all (not
    # beside a protest: "تظاهروا احتجاجا على مقتل شاب" tells of a killing told elsewhere)
    strategic = bool(events) and outcomes and all(
        lex.types[t.type].event_type == "Strategic developments" and not lex.types[t.type].violent for t in events) \
        and any(o.entry.counts == "killed" for o in outcomes)
    if not events or strategic:
        # a toll with no stated act: one event of the outcome's (refined) type, unless the
        # sentence gives a cause that is not violence (a quake, a road accident, a fire)
        if m.cues.cues_in(sent.start, sent.end, {"non_violent_cause", "non_conflict"}) \
                or kin_crime(doc, m.cues, sent.start, sent.end, sent.start):
            if not events:
                return []
        elif not events and m.cues.cues_in(sent.start, sent.end, {"habit"}):
            return []       # "يواصل قصف القرى بشكل شبه يومي، موقعا ضحايا": a habit's victims
        elif not events and previous and (aft := m.cues.cues_in(sent.start, sent.end, {"aftermath"})) \
                and not any(p.kind != "anaphor" and not p.site and p.end <= aft[0].start
                            and not _HOSPITAL_WORD.search(doc.norm, sent.start, p.start)
                            for p in index["places"].inside(sent.start, sent.end)):
            # the dead a hospital received, or dead of wounds: the act told before (not a
            # toll placed anew in a town before the cue, not the hospital's town ("مستشفى
            # النصر بمدينة الضالع"): "وفي مدينة أريحا، قتل شابان، واستقبل مشفى المدينة
            # الجرحى" is an incident of its own)
            return []
        else:
            # "ترتفع حصيلة الشهداء منذ بدء الحرب إلى …": the definite dead of a running toll
            cumulative = m.cues.cues_in(sent.start, sent.end, {"aggregate"})
            first = next((o for o in outcomes if (not strategic or o.entry.counts == "killed")
                          and not (_known_dead(doc, o) and not cumulative)), None)
            if first is None and not events:
                return []
            if first is not None:
                events = sorted([*events, first], key=lambda t: t.start)
                outcomes = [o for o in outcomes if o is not first]
    # "غارة جوية استهدفت مقاتلين", "عبوة ناسفة استهدفت طقما": a generic verb right after
    # the strike or the device is that act's relative clause, not a second act with its
    # own agent (the fighters hit are no attackers)
    events = [t for t in events if not (t.entry.type == "attack" and _relative_of(doc, t, events, lex))]
    if any(lex.types[t.type].merge_group == "clash" for t in events):
        # "إشكال مسلح تخلله إطلاق نار كثيف وقذائف صاروخية": shells named with the gunfire of
        # a clash told in the sentence are its arms, not a bombardment of their own
        events = [t for t in events if not _arms_of_clash(doc, t, lex)]
    if any(lex.types[t.type].merge_group == "remote" and lex.types[t.type].violent for t in events):
        # "شنت طائرات غارات على مستودع أسلحة": the depot a strike hit is its target, not a
        # cache seized (only the bare noun; "ضبطت القوات مستودع أسلحة" stays a seizure)
        strike_at = min(t.start for t in events if lex.types[t.type].merge_group == "remote")
        events = [t for t in events if not (lex.types[t.type].merge_group == "weapons" and t.start > strike_at
                                            and doc.norm[t.start:t.end].startswith(_DEPOTS))]
    downed = [t for t in events if t.type == "weapons_seized"]
    if downed:
        # "تصدت الدفاعات الجوية لعدد من الصواريخ": the missiles met are what the defences
        # stopped, not a strike of their own (that is told beside it, if at all)
        # (the projectiles only: "تصدت الدفاعات الجوية السورية لعدوان إسرائيلي في سماء دمشق"
        # met a strike, which stays the news)
        events = [t for t in events if not (lex.types[t.type].merge_group == "remote" and _projectile(doc, t) and any(
            w.end <= t.start and doc.clause_at(w.start) is doc.clause_at(t.start)
            and len(doc.tokens_between(w.end, t.start)) <= 6 for w in downed))]
    if any(lex.types[t.type].merge_group == "displacement" for t in events) \
            and not any(lex.types[t.type].violent for t in events) \
            and m.cues.cues_in(sent.start, sent.end, {"non_violent_cause"}):
        # "نزحت مئات العائلات بسبب الجفاف", "جراء الفيضانات": no conflict displacement
        events = [t for t in events if lex.types[t.type].merge_group != "displacement"]
    if len(events) > 1:
        # "خلال الحملة التي أعقبت هجمات الفلول": the acts a campaign followed are its
        # background, not incidents of this report
        events = [events[0], *(t for t in events[1:] if not _preceded_by_it(doc, t))]
    if any(lex.types[t.type].merge_group == "clash" for t in events):
        # "فجر انتحاري حزامه …، تلاه اشتباك قصير": the exchange of fire that follows an act
        # told in the sentence is part of it, not a clash of its own
        events = [t for t in events if not (lex.types[t.type].merge_group == "clash" and _sequel(doc, t)
                                            and any(e.end <= t.start and lex.types[e.type].violent
                                                    and lex.types[e.type].merge_group != "clash" for e in events))]
    # "ردت بقصف مدفعي على أوكارهم، ودمرت عددا من آلياتهم": a bare act of destroying after
    # a strike or battle told in its sentence is that act's damage, not an attack of its own
    events = [t for t in events if not (
        t.type == "attack" and doc.norm[t.start:t.end] in _DESTROY
        and any(e.end <= t.word_start and e.type != "attack" and lex.types[e.type].violent for e in events))]
    drafts = [Draft(t, t.type, sent) for t in events]
    places = index["places"].inside(sent.start, sent.end)
    for o in outcomes:
        violent = [d for d in drafts if lex.types[d.type].violent]
        if violent:
            near = min(violent, key=lambda d: _dist(doc, d.trigger, o))
            if o.entry.counts == "killed" and _elsewhere(doc, o.start, near.trigger.start, places):
                drafts.append(Draft(o, o.type, sent))   # a toll of its own place: its own incident
            else:
                near.outcomes.append(o)
    actors = index["actors"].inside(sent.start, sent.end)
    quantities = index["quantities"].inside(sent.start, sent.end)
    dates = index["dates"].inside(sent.start, sent.end)
    aggregate = _is_aggregate(doc, sent, quantities, dates, m)
    cum_draft: Draft | None = None
    if aggregate:
        # "استشهد 12 … الليلة الماضية، فيما ارتفعت الحصيلة منذ بدء الحرب إلى 35 ألفا": an
        # incident told in its own clause stays an incident; the cumulative clause's
        # numbers and dates are kept away from it
        cum = _cumulative_clauses(doc, sent, dates, m)
        if cum and any(not any(c.start <= t.start < c.end for c in cum)
                       and (_own_incident(doc, t, dates, places) or all(c.start > t.start for c in cum))
                       for t in events):
            aggregate = False
            in_cum = lambda x: any(c.start <= x.start < c.end for c in cum)  # noqa: E731
            cum_q, cum_dates = [q for q in quantities if in_cum(q)], [d for d in dates if in_cum(d)]
            quantities = [q for q in quantities if not in_cum(q)]
            dates = [d for d in dates if not in_cum(d)]
            # the cumulative clause is a claim of its own, carried by its outcome word
            carrier = next((t for t in triggers if in_cum(t) and t.entry.counts), None)
            if carrier is None and cum_q:
                carrier = _toll_noun(doc, cum_q, lex)     # "فيما ارتفعت حصيلة الشهداء إلى …"
            if carrier is not None and cum_q:
                cum_draft = Draft(carrier, carrier.type, sent, kind="aggregate_claim")

    out: list[Draft] = []
    for d in drafts:
        _link_attribution(doc, d, sent_attrs, last_attr, m, sent)
        _link_actors(doc, d, actors, lex, _Before(previous, out), places)
        verb = _means_of(doc, d, out, lex)
        if verb is not None:      # one act: its weapon has the verb's sides, not the nearest name
            d.actor1, d.actor2, d.actor1_inherited = verb.actor1, verb.actor2, False
        _link_date(doc, d, dates, sent_attrs, _Before(previous, out), index["dates"])
        if aggregate:
            d.kind = "aggregate_claim"
        host = _weapon_verb(doc, d, out, lex)
        own_places = [p for p in places if not _parallel_act_place(doc, d, p, drafts)]
        for p_draft in _link_places(doc, d, own_places, _Before(previous, out), lex, m.places, m.cues):
            if host is not None and host.place is not None and _one_projectile(doc, d):
                # "استهدفت مطار اللد … في منطقة يافا بصاروخ باليستي": one missile, the
                # verb's place, not the last place named before the weapon
                p_draft.place, p_draft.place_inherited = host.place, host.place_inherited
            out.append(p_draft)
    _link_counts(doc, out, quantities, lex, m)
    out = [x for d in out for x in _split_by_origin(doc, d, places, quantities)]
    _implicit_counts(doc, out, quantities, lex)
    _share_tolls(out)
    # "خلال الأشهر الثلاثة الماضية": an act dated only to a span of months is a summary,
    # not an incident ACLED would code (a cumulative toll is caught above as aggregate)
    out = [d for d in out if d.kind != "event" or not (d.future or _summary_span(doc, d, sent))]
    acts = [o for o in out if o.type != "attack" and lex.types[o.type].violent]     # typed violent acts
    for d in out:
        d.anaphoric = _refers_back(doc, d, sent, acts) or bool(previous) and (
            _no_toll_only(d) or _bare_reply(doc, d, sent) or _pursuit(doc, d, sent, sent_attrs)
            or _toll_of_told(doc, d, sent))
        if previous and d.kind == "event" and _claimed(doc, d, m):
            # "وتبنت الحركة الهجوم، زاعمة مقتل سبعة جنود": the act told before, now claimed;
            # its toll and actor are the claimant's word
            d.anaphoric = d.claim = d.hedged = True
            a = d.actor1
            if a is not None and not d.actor1_inherited and (d.attribution is None or d.attribution_inherited):
                # the claimant speaks for its claim (its toll, when no one else gives one)
                d.attribution = Attribution(a.start, d.trigger.end, doc.view.orig_text(a.start, a.end), a.start, a.end,
                                            "military", True, d.trigger.start, False, sent.end, None, sent.index)
                d.attribution_inherited = False
            elif a is None and (d.attribution is None or d.attribution_inherited) \
                    and (who := _generic_claimant(doc, d, m)) is not None:
                # "وتبنت الحركة الهجوم": an unnamed group's claim is still the claimant's word
                d.attribution = Attribution(who[0], d.trigger.end, doc.view.orig_text(*who), who[0], who[1],
                                            "military", True, d.trigger.start, False, sent.end, None, sent.index)
                d.attribution_inherited = False
        how = _recalled(doc, d)
        d.recalled, d.another = bool(how), how == "another"
        d.armed_victims = d.type == "attack" and _armed_victims(doc, d, lex)
    claimed = [d.trigger.start for d in out if d.claim]
    for d in out:
        if claimed and not d.claim and d.type == "attack" and d.trigger.start > claimed[0] \
                and d.fatalities is None and not d.counts:
            # "وتبنت الحركة الهجوم، قائلة إنها استهدفت \"قاعدة الغزاة\"": the claimant's words
            # restate the act it claims; a site named only in them is its label for it
            d.anaphoric = d.claim = d.hedged = True
            if d.place is not None and d.place.place is None:
                d.place = None
    # "انتقد الرئيس الهجوم الإسرائيلي على غزة": a reaction to an act told elsewhere
    # "دانت الخارجية اليوم القصف على الفاشر": with no toll and no date of its own (the
    # date is the condemnation's, before the act) the condemned act is not a new incident
    tolled = any(d.fatalities is not None or d.counts or not _reaction_only(d) for d in out)
    out = [d for d in out if not (d.kind == "event" and _condemned(doc, d, m)
                                  and (d.anaphoric or not tolled and _reaction_only(d)))]
    if aggregate and out:
        # one cumulative claim per sentence, however many outcome words it has
        first = out[0]
        for other in out[1:]:
            first.counts.extend(other.counts)
            if first.fatalities is None:
                first.fatalities = other.fatalities
        if first.fatalities is None and not first.counts:
            return []
        return [first]
    if cum_draft is not None:
        _link_attribution(doc, cum_draft, sent_attrs, last_attr, m, sent)
        if cum_dates:
            _link_date(doc, cum_draft, cum_dates, sent_attrs, _Before(previous, out), index["dates"])
        else:                  # "منذ بدء الحرب": until publication, never the incident's day
            cum_draft.interval = DateInterval(None, doc.published, 3)
        _link_counts(doc, [cum_draft], cum_q, lex, m)
        if cum_draft.fatalities is not None or cum_draft.counts:
            out.extend(_link_places(doc, cum_draft, places, _Before(previous, out), lex, m.places)[:1])
    return out


def _claimed(doc: Doc, d: Draft, m: Mentions) -> bool:
    """Is the definite act a claim of responsibility's object ("تبنت حركة الشباب في بيان
    الهجوم", "أعلن التنظيم مسؤوليته عن التفجير")?"""
    prefix = doc.norm[d.trigger.word_start:d.trigger.start]
    if "ال" not in prefix and not doc.norm[d.trigger.start:d.trigger.end].startswith("ال"):
        return False
    return bool(m.cues.cues_in(d.sentence.start, d.trigger.start, {"responsibility"}))


def _generic_claimant(doc: Doc, d: Draft, m: Mentions) -> tuple[int, int] | None:
    """The span of a definite noun claiming the act with no name ("تبنت الحركة الهجوم",
    "أعلن التنظيم مسؤوليته عن التفجير"): one word right after or right before the cue."""
    for c in m.cues.cues_in(d.sentence.start, d.trigger.start, {"responsibility"}):
        for k in (doc.token_index(c.end), doc.token_index(c.word_start) - 1):
            if 0 <= k < len(doc.tokens) and doc.tokens[k].text.lstrip("و").startswith("ال") \
                    and doc.tokens[k].end <= d.trigger.word_start and doc.tokens[k].start >= d.sentence.start \
                    and not doc.tokens[k].text.startswith(("المسوول", "مسوول")):
                tok = doc.tokens[k]
                start = tok.start + (len(tok.text) - len(tok.text.lstrip("و")))
                return start, tok.end
    return None


_GUNFIRE = frozenset({"نار", "النار", "كثيف", "الكثيف", "كثيفه", "الكثيفه", "رصاص", "الرصاص", "بالرصاص",
                      "الرشاشه", "الرشاشات", "رشاشات"})
_BULLETS = frozenset({"رصاص", "الرصاص", "بالرصاص", "والرصاص"})


_DEPOTS = ("مستودع", "مخزن", "المستودع", "المخزن")
# "تلاه", "أعقبه": what follows the act just told (normalised, with or without و)
_SEQUEL = frozenset({"تلاه", "تلاها", "تلته", "اعقبه", "اعقبها", "اعقبته", "تبعه", "تبعها", "تبعته"})


def _sequel(doc: Doc, t: Trigger) -> bool:
    k = doc.token_index(t.word_start)
    return any(tok.text.lstrip("و") in _SEQUEL or tok.text in _SEQUEL for tok in doc.tokens[max(0, k - 2):k])


# "أعقبت هجمات", "جاءت بعد هجمات": the verb's object came first (normalised)
_FOLLOWED = frozenset({"اعقبت", "اعقب", "تلت", "تلا"})
_CAME = frozenset({"جاءت", "جاء", "اتت", "اتي"})


_RELATIVE = frozenset({"التي", "الذي", "اللتين", "الذين"})


def _preceded_by_it(doc: Doc, t: Trigger) -> bool:
    # only in a relative clause of what followed ("الحملة التي أعقبت هجمات"): a strike
    # told as "…، جاء بعد غارات استهدفت بلدة حاس" is an act of the report too
    k = doc.token_index(t.word_start)
    if k > 1 and doc.tokens[k - 1].text.lstrip("و") in _FOLLOWED:
        return doc.tokens[k - 2].text in _RELATIVE
    return k > 2 and doc.tokens[k - 1].text in ("بعد", "عقب") and doc.tokens[k - 2].text.lstrip("و") in _CAME \
        and doc.tokens[k - 3].text in _RELATIVE
_DESTROY = frozenset({"دمرت", "دمر", "دمروا", "تدمير"})


def _arms_of_clash(doc: Doc, t: Trigger, lex: TriggerLexicon) -> bool:
    if lex.types[t.type].merge_group != "remote":
        return False
    if t.entry.type != t.type and lex.types[t.entry.type].merge_group != "remote":
        return True           # gunfire typed a shelling only by the shells named with it
    if doc.norm[t.word_start:t.word_start + 1] != "و":
        return False
    k = doc.token_index(t.word_start)
    if k > 1 and doc.tokens[k - 1].text == "الحي":   # live ammunition, not the neighbourhood
        return doc.tokens[k - 2].text in _BULLETS
    return k > 0 and doc.tokens[k - 1].text in _GUNFIRE


def _means_of(doc: Doc, d: Draft, out: list[Draft], lex: TriggerLexicon) -> Draft | None:
    """"استهدفت القوات التركية مواقع قسد بطائرة مسيرة": a weapon after ب is the means of
    the violent verb before it in its clause; the name just before the weapon is the
    verb's object, not the weapon's agent. Returns that verb's draft."""
    v = _weapon_verb(doc, d, out, lex)
    # a passive verb with no named subject ("استهدف المستشفى بضربة جوية روسية") leaves
    # the weapon its own actor
    return v if v is not None and v.actor1 is not None and not v.actor1_inherited else None


def _weapon_verb(doc: Doc, d: Draft, out: list[Draft], lex: TriggerLexicon) -> Draft | None:
    """The violent verb before a weapon after ب in its clause, whatever its subject."""
    if d.trigger.role != "event" or doc.norm[d.trigger.word_start:d.trigger.word_start + 1] != "ب":
        return None
    clause = doc.clause_at(d.trigger.start)
    for v in reversed(out):
        if v.sentence is d.sentence and v.trigger.role == "event" and v.trigger.end <= d.trigger.word_start \
                and doc.clause_at(v.trigger.start) is clause and lex.types[v.type].violent:
            return v
    return None


# "11 مواطنا من بلدة سعير، و4 من بلدة بني نعيم": a count, its noun, then من and the town
_FROM_TOWN = re.compile(r"\s*(?:\S+\s+)?من\s+(?:(?:بلده|بلدتي|قريه|قريتي|مخيم|مدينه|حي)\s+)?")


def _split_by_origin(doc: Doc, d: Draft, places: list[PlaceMention], quantities: list[Quantity]) -> list[Draft]:
    """"اعتقلت قوات الاحتلال 11 مواطنا من بلدة سعير، و4 من بلدة بني نعيم": the people
    taken are counted town by town; ACLED codes one arrest per town, each with its count."""
    if d.type not in ("arrest", "abduction"):
        return [d]
    pairs: list[tuple[Quantity, PlaceMention]] = []
    for q in quantities:
        if q.start < d.trigger.end or q.vague or q.best is None or q.total:
            continue
        tail = max(q.end, q.noun_end or 0)
        for p in places:
            if p.start > q.end and p.place is not None and p.geo_precision < 3:
                # (the count's noun may already reach over "من بلدة")
                if any(g is not None and g.end() == p.start
                       for g in (_FROM_TOWN.match(doc.norm, at, p.start) for at in {q.end, min(tail, p.start)})):
                    pairs.append((q, p))
                break
    # a town named again ("… و3 من بلدة سعير أيضا") keeps the count it was first given (a
    # record holds one count per kind; the others stay in the text) and does not undo the split
    by_town: dict[int, tuple[Quantity, PlaceMention]] = {}
    for q, p in pairs:
        by_town.setdefault(id(p.place), (q, p))
    if len(by_town) < 2:
        return [d]
    what = d.trigger.entry.counts or "arrested"
    rest = [(w, c) for w, c in d.counts if all(c is not q for q, _ in pairs)]
    return [Draft(**{**d.__dict__, "place": p, "place_inherited": False, "counts": [*rest, (what, q)],
                     "outcomes": list(d.outcomes)}) for q, p in by_town.values()]


def _elsewhere(doc: Doc, a: int, b: int, places: list[PlaceMention]) -> bool:
    """"قتلت قواته 30 مسلحا في حي الزيتون بمدينة غزة، وإن طائراته أغارت على منصة في بيت
    حانون": two clauses that each name their own town tell two incidents, and the toll of
    one is not the other's."""
    ca, cb = doc.clause_at(a), doc.clause_at(b)
    if ca is None or cb is None or ca.start == cb.start:
        return False

    def towns(c) -> set:
        # a dateline ("غزة 20-5-2024 وفا-") is no scene; one town may be indexed twice
        # (the town and its district), so names count as well as ids
        return {x for p in places if c.start <= p.start < c.end and p.place is not None
                and p.kind in ("settlement", "relative") and not _opening_dateline(doc, p)
                for x in (p.place.id, name_key(p.place.name_ar))}
    ta, tb = towns(ca), towns(cb)
    return bool(ta) and bool(tb) and not ta & tb


# --------------------------------------------------------------------------- places

def _place_score(doc: Doc, d: Draft, p: PlaceMention) -> float:
    score = float(_dist(doc, d.trigger, p))
    if p.end <= d.trigger.start:
        score += 1.5            # Arabic states the place after the act more often than before
    if doc.clause_at(p.start) is not doc.clause_at(d.trigger.start):
        score += 3
    if p.geo_precision >= 3:
        score += 2              # a region near a village usually locates the village
    return score


def _coordinated(doc: Doc, places: list[PlaceMention], chosen: PlaceMention) -> list[PlaceMention]:
    """The places listed together with ``chosen`` ("بلدات X وY وZ", "X، Y")."""
    i = places.index(chosen)
    group = [chosen]
    joiners = set(" ،,و")
    for step in (-1, 1):
        j = i
        while 0 <= j + step < len(places):
            a, b = (places[j + step], places[j]) if step < 0 else (places[j], places[j + step])
            gap = doc.norm[a.end:b.start]
            # a list ("X وY", "X، Y"), not an apposition ("ترمسعيا شمال رام الله")
            if gap and set(gap) <= joiners and set(gap) - {" "} and b.geo_precision == chosen.geo_precision:
                group.append(places[j + step])
                j += step
            else:
                break
    return sorted(group, key=lambda p: p.start)


_SITUATOR_GAPS = {"", "،", ",", "ب", "في", "من",
                  # "منطقة الصالحية بقضاء المقدادية": an admin noun between the place and its district
                  "بقضاء", "فيقضاء", "قضاء", "بمحافظه", "فيمحافظه", "محافظه", "بناحيه", "فيناحيه", "ناحيه",
                  "التابعلمحافظه", "التابعهلمحافظه", "التابعلقضاء", "التابعهلقضاء",
                  # "بلدة كويا بمنطقة حوض اليرموك", "قرية X بمديرية Y", "بلدة X بمحلية Y"
                  "بمنطقه", "فيمنطقه", "منطقه", "بمديريه", "فيمديريه", "مديريه", "بولايه", "فيولايه",
                  "بمحليه", "فيمحليه",
                  # Sudan's localities, Yemen's districts, Egypt's markaz: "قرية شق النوم التابعة لمحلية بارا"
                  "التابعهلمحليه", "التابعلمحليه",
                  "التابعهلمديريه", "التابعلمديريه", "بمركز", "التابعلمركز", "التابعهلمركز"}
# the security offices named after their town ("مديرية أمن أسيوط", "قيادة شرطة محافظة حماة")
_OFFICE_BEFORE = ("مديريه امن ", "مديريه الامن ", "مديريه شرطه ", "قياده شرطه ", "قياده شرطه محافظه ",
                  "مديريه امن محافظه ", "قسم شرطه ")
_OFFICE_REACH = max(map(len, _OFFICE_BEFORE))
_VILLAGE_NOUNS = ("قريه", "بلده", "عزبه", "نجع")
_SOURCE_HOME_GAPS = frozenset({"في", "من", "داخل", "من داخل", "في مدينه", "في بلده", "في قريه", "في مخيم",
                               "في محافظه", "في منطقه"})
_HOSPITAL_DEST = re.compile(r"(?:^|[ و])(?:ال[يى]|إل[يى]) (?:ال)?(?:مستشف|مشف|مشاف)[^ ،.]*(?: [^ ،.]+){0,3}$")
_DESTINATION_WORDS = frozenset({"نحو", "باتجاه", "اتجاه", "الي", "صوب", "تجاه"})   # (normalised: إلى → الي)


# a side falling back (normalised, without و ف ب): where it went is not where the act was,
# whether it went "إلى" or "باتجاه" the place
_FLEEING = frozenset({"فر", "فروا", "يفر", "يفرون", "فرت", "الفرار", "فرار", "فرارهم", "هرب", "هربوا", "هربت",
                      "يهرب", "الهرب", "هروب", "هروبهم", "انسحب", "انسحبت", "انسحبوا", "انسحاب", "انسحابها",
                      "انسحابه", "انسحابهم", "تراجع", "تراجعت", "تراجعوا"})
# a force moving: only "باتجاه/نحو" a place says it was not there yet
_MOVING = frozenset({"تحرك", "تحركت", "تحركوا", "توجه", "توجهت", "توجهوا", "متوجهه", "متوجها"})
_TOWARD = _DESTINATION_WORDS - {"الي"}
# "تعزيزاتها القادمة من مديرية صرواح": where a force came from is not where it was hit
_COMING = frozenset({"القادمة", "القادمه", "القادم", "القادمين", "قادمة", "قادمه", "قادما", "قادمين", "الاتية",
                     "الاتيه", "الآتية", "اتية", "القادمون"})


_PROJECTILES = frozenset(normalize_key(w) for w in (
    "صواريخ", "صاروخ", "صاروخا", "صاروخين", "مسيرات", "مسيرة", "طائرات", "طائرة", "قذائف", "قذيفة",
    "قذيفتين", "قنابل", "قنبلة"))


def _projectile(doc: Doc, t: Trigger) -> bool:
    """Is the trigger a projectile ("الصواريخ", "لعدد من المسيرات"), not a strike ("عدوان")?"""
    words = doc.norm[t.start:t.end].split()
    if not words:
        return False
    w = words[0].lstrip("وفلب")
    return (w[2:] if w.startswith("ال") else w) in _PROJECTILES


def _moved_to(doc: Doc, p: PlaceMention, coming: bool = True) -> bool:
    """"ثم لاذوا بالفرار باتجاه قرية البقارة", "بعد انسحاب عناصر الدعم السريع باتجاه مدينة
    الرهد", "تحركت القوة نحو بلدة X": the place a side fled, withdrew or moved to, named
    within two words of the direction word and eight words of the movement, in one clause;
    also where it came from ("التعزيزات القادمة من مديرية صرواح")."""
    i = doc.token_index(p.start)
    for k in range(i - 1, max(-1, i - 3), -1):
        word = doc.tokens[k].text.lstrip("وف")
        if word == "من" and k > 0 and doc.tokens[k - 1].text in _COMING:
            return coming
        if word in _DESTINATION_WORDS:
            clause = doc.clause_at(doc.tokens[k].start)
            lo = clause.start if clause is not None else 0
            moving = _MOVING if word in _TOWARD else frozenset()
            for t in doc.tokens[max(0, k - 8):k]:
                if t.start < lo:
                    continue
                w = t.text
                for form in (w, w[1:] if w[:1] in "وفب" else w, w[2:] if w[:2] in ("وب", "فب") else w):
                    if form in _FLEEING or form in moving:
                        return True
            return False
    return False


def _parallel_act_place(doc: Doc, d: Draft, p: PlaceMention, drafts: list[Draft]) -> bool:
    """Is ``p`` named after ``d``'s trigger in a parallel clause ("فيما"/"بينما") that
    tells another act before it? "صواريخ … أصابت طابقين في المبنى، فيما تصدت الدفاعات
    الجوية لعدد من الصواريخ في أجواء ريف دمشق": where the missiles were met is not where
    they struck."""
    if p.start <= d.trigger.end:
        return False
    for t in doc.tokens_between(d.trigger.end, p.start):
        if t.text in PARALLEL_OPENERS:
            return any(e is not d and t.start < e.trigger.start < p.start for e in drafts)
    return False


def _word_before(doc: Doc, p: PlaceMention) -> str:
    i = doc.token_index(p.start)
    return doc.tokens[i - 1].text if i > 0 else ""


def _drop_situators(doc: Doc, places: list[PlaceMention]) -> list[PlaceMention]:
    """Drop the phrases that only situate the place before them: in "قرية بورين جنوب
    نابلس", "بلدة ذيبان بريف دير الزور الشرقي", "قرية ميدانكي بريف عفرين شمال حلب" the
    event is in the village, whichever phrase stands nearer the trigger."""
    keep: list[PlaceMention] = []
    prev: PlaceMention | None = None
    for p in places:
        situator = False
        if prev is not None and p.kind in ("relative", "region") and p.geo_precision >= prev.geo_precision:
            gap = doc.norm[prev.end:p.start].replace(" ", "")
            situator = gap in _SITUATOR_GAPS and prev.kind != "anaphor"
        if not situator:
            keep.append(p)
        prev = p
    return keep or places


def _link_places(doc: Doc, d: Draft, places: list[PlaceMention], previous: "_Before", lex: TriggerLexicon,
                 places_all: list[PlaceMention], cues: CueIndex | None = None) -> list[Draft]:
    usable = [p for p in places if p.kind != "anaphor" or p.place is not None]
    # "تظاهر الآلاف في صنعاء تضامنا مع غزة": a place named as a cause is not the scene
    if cues is not None and usable and cues.cues_in(d.sentence.start, d.sentence.end, {"solidarity"}):
        usable = [p for p in usable if not cues.cues_in(doc.tokens[max(0, doc.token_index(p.start) - 3)].start,
                                                          p.start, {"solidarity"})]
    if len(usable) > 1:
        # "الحديدة - سبأ: استهدف العدوان … منطقة رأس عيسى": the dateline names where the
        # report was filed; the scene is the place the sentence goes on to name
        body = [p for p in usable if not _dateline(doc, d.sentence, p)]
        usable = body or usable
    a = d.attribution
    if a is not None and a.cited_end > a.cited_start:
        # "بحسب مديرية صحة إدلب", "قال مجلس حلب المحلي": the source's home, not the scene,
        # when the sentence names a scene too ("ناشطون في درعا أفادوا بمقتل شاب" is in Daraa)
        # The office's own place right after it ("مصدر في قيادة شرطة حماة", "مصدر في شرطة
        # البصرة") is never the scene: the event then takes the place told before
        home = [p for p in usable if a.cited_end <= p.start
                and doc.norm[a.cited_end:p.start].strip() in ("", "قضاء", "محافظه", "مدينه", "ناحيه")]
        outside = [p for p in usable if not (a.cited_start <= p.start and p.end <= a.cited_end) and p not in home]
        usable = outside or [p for p in usable if p not in home]
        # "أفادت مصادر في المخيم بأن قذائف سقطت في أحياء من مدينة صيدا": where the sources
        # are is not the scene when the sentence names another place after them
        # (only a place taken up, "في المخيم"; a named one is often the scene's town too:
        # "لجان المقاومة في الفاشر ... مخيم أبو شوك شمالي المدينة"; nor where people fled)
        near = [p for p in usable if p.kind == "anaphor" and a.cited_end <= p.start
                and doc.norm[a.cited_end:p.start].strip() in _SOURCE_HOME_GAPS]
        rest = [p for p in usable if near and p.start > near[-1].end and _word_before(doc, p) not in _DESTINATION_WORDS]
        if near and rest:
            usable = [p for p in usable if p not in near]
    # "تمكنت الأجهزة الأمنية بمديرية أمن أسيوط من كشف ملابسات مشاجرة ... بقرية صنبو": the
    # office's town names who acted; with another place in the sentence, that is the scene
    office = [p for p in usable if doc.norm[max(0, p.start - _OFFICE_REACH):p.start].endswith(_OFFICE_BEFORE)]
    if office and any(p not in office and _word_before(doc, p).endswith(_VILLAGE_NOUNS) for p in usable):
        usable = [p for p in usable if p not in office]
    usable = _drop_situators(doc, usable)
    # "نقل الجرحى إلى مستشفى سامراء", "إلى مشفى في مدينة الحسكة": where the wounded were
    # taken is not where they were hit
    usable = [p for p in usable if not _HOSPITAL_DEST.search(doc.norm[max(d.sentence.start, p.start - 40):p.end])]
    # "ثم لاذوا بالفرار باتجاه قرية البقارة", "انسحبت … باتجاه ولاية الجزيرة": where a
    # force fled or moved to is not where the act happened
    # (where a force came from still places the act near it when neither the sentence nor
    # the report before names another scene: "قصف الطيران رتلا قادما من مدينة سرت")
    usable = [p for p in usable if not _moved_to(doc, p)] \
        or [p for p in usable if not _moved_to(doc, p, coming=False)
            and not any(x.place is not None for x in reversed(previous))]
    if d.type == "displacement":
        # "نزوح للعائلات نحو صيدا": people flee from the scene; where they go is not it
        usable = [p for p in usable if _word_before(doc, p) not in _DESTINATION_WORDS]
    whole_countries = sum(1 for p in usable if _country_level(p))
    if len(usable) > 1 and all(p.geo_precision >= 3 and p.admin1 is None for p in usable) \
            and len({p.country for p in usable}) > 1:
        # "تحييد 12 إرهابيا في عمليات جوية شمالي سوريا والعراق": a ministry's sum over sides
        # of two countries names no scene
        return [d]
    if whole_countries and whole_countries == len(usable):
        # "غارات على سوريا": an act placed only in a whole country is not codable, nor is
        # it the lead's village: no place, so no incident
        return [d]
    if whole_countries:
        usable = [p for p in usable if not _country_level(p)]
    if usable:
        # a place in the trigger's own clause first: "أما في درعا، فقد اغتال … في بلدة
        # اليادودة" happened in the village; the first clause only sets the region
        clause = doc.clause_at(d.trigger.start)
        own = [p for p in usable if clause is not None and clause.start <= p.start < clause.end]
        best = min(own or usable, key=lambda p: _place_score(doc, d, p))
        if best.geo_precision >= 3:
            # "وفي ريف حلب الغربي، دارت اشتباكات … على محور قرية كفر عمة": the region
            # frames the sentence, the village inside it is where the event was
            inside = [p for p in usable if p.geo_precision < 3 and p.admin1 == best.admin1
                      and doc.clause_at(p.start) is not None and p.start > d.trigger.start]
            if inside:
                best = min(inside, key=lambda p: _place_score(doc, d, p))
        group = _coordinated(doc, usable, best)
        lo = doc.tokens[max(0, doc.token_index(group[0].start) - 2)].start
        if any(t.text in ("بين", "وبين") for t in doc.tokens_between(lo, group[0].start)):
            group = [best]      # "على الطريق بين تدمر ودير الزور": one place, the road between
        if len(group) > 1 and _one_projectile(doc, d):
            group = [best]      # "سقط صاروخ على مطار اللد ويافا": one missile, one event
        if len(group) > 1 and lex.types[d.type].merge_group in ("remote", "clash", "explosive", "vac_attack", "protest"):
            # ACLED: one event per place; a strike on three villages is three events
            return [Draft(**{**d.__dict__, "place": p, "counts": list(d.counts), "outcomes": list(d.outcomes)})
                    for p in group]
        d.place = best
        return [d]
    # no place in the sentence: the last event of the same paragraph sets the scene, else
    # the article's lead place (dateline, headline or first sentence), as a coder would
    prev = _last_in_paragraph(previous, d, lambda p: p.place is not None and not p.headline)
    if prev is not None:
        d.place, d.place_inherited = prev.place, True
    else:
        # only near the top: deep in a long report the scene has usually moved on
        lead = _lead_place(doc, places_all) if d.sentence.paragraph <= LEAD_PARAGRAPHS else None
        if lead is not None and lead.start < d.trigger.start and not _other_incident(doc, d.sentence, lead):
            d.place, d.place_inherited = lead, True
    return [d]


# one missile, shell, drone or bomb (normalised): it falls in one place
_ONE_PROJECTILE = frozenset({"صاروخ", "صاروخا", "الصاروخ", "قذيفه", "القذيفه", "مسيره", "المسيره", "عبوه",
                             "العبوه", "بصاروخ", "بقذيفه", "بمسيره", "بعبوه"})


def _one_projectile(doc: Doc, d: Draft) -> bool:
    """Does the act name a single projectile ("سقط صاروخ", "أطلقوا صاروخا باليستيا")
    as its word or right after it?"""
    k = doc.token_index(d.trigger.word_start)
    j = doc.token_index(d.trigger.end) + 2
    # (not "20 صاروخا": the accusative singular after a number counts many; not "طائرات
    # مسيرة": the adjective agrees with a plural)
    return any(doc.tokens[i].text in _ONE_PROJECTILE and not (i > 0 and parse_number(doc.tokens[i - 1].text))
               and not (i > 0 and doc.tokens[i - 1].text.lstrip("وب") in ("طايرات", "الطايرات"))
               for i in range(k, min(j, len(doc.tokens))))


def _last_in_paragraph(previous: "_Before", d: Draft, ok) -> Draft | None:
    """The latest earlier draft of ``d``'s paragraph for which ``ok`` holds."""
    para = d.sentence.paragraph
    for prev in reversed(previous):
        if prev.sentence.paragraph != para:
            return None       # drafts come in text order: none further back is in the paragraph
        if ok(prev):
            return prev
    return None


_DATELINE = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?[-–—:]")


# WAFA's dateline: "نابلس 27-9-2023 وفا-"
_DATED_DATELINE = re.compile(r"[ \t]*\d{1,2}-\d{1,2}-\d{4}[ \t]*\S{1,12}[ \t]*[-–—:]")


def _opening_dateline(doc: Doc, p: PlaceMention) -> bool:
    sent = doc.sentence_at(p.start)
    return sent is not None and (_dateline(doc, sent, p) or not doc.norm[sent.start:p.start].strip()
                                 and _DATED_DATELINE.match(doc.norm, p.end) is not None)


def _dateline(doc: Doc, sent: Sentence, p: PlaceMention) -> bool:
    """A city opening its sentence and followed by a dash or colon, with or without an
    agency in brackets: "صنعاء - سبأ:", "عدن (رويترز) -", "طرابلس (أ ف ب) -"; or by a
    date and the agency, as WAFA writes it ("رام الله 12-4-2024 وفا-")."""
    return not doc.norm[sent.start:p.start].strip() and (_DATELINE.match(doc.norm, p.end) is not None
                                                         or _DATED_DATELINE.match(doc.norm, p.end) is not None)


def sub_site(p: PlaceMention | None) -> bool:
    """A neighbourhood, market or camp rather than a town: part of a place."""
    return p is not None and (p.place is None and p.kind == "unlisted"
                              or p.place is not None and getattr(p.place, "placetype", None) == "neighbourhood")


def _country_level(p: PlaceMention) -> bool:
    """A bare country name ("سوريا", "العراق"); "شرقي السعودية" still says which part."""
    return p.geo_precision >= 3 and p.admin1 is None and p.kind == "region"


def _lead_place(doc: Doc, places: list[PlaceMention]) -> PlaceMention | None:
    """The place an article opens with: in its dateline or headline (the lines before the
    first body sentence) or, failing those, in its first body sentence."""
    first_body = next((s for s in doc.sentences if s.role == BODY), None)
    if first_body is None:
        return None
    for p in places:
        if p.start >= first_body.end:
            break
        if p.kind != "anaphor" and (p.place is not None or p.kind == "unlisted"):
            return p
    return None


# --------------------------------------------------------------------------- actors

def _active_subject(doc: Doc, o: Trigger, a: ActorMention, lex: TriggerLexicon) -> bool:
    """"قتلت حركة الشباب خمسة جنود", "قتل مسلحون مجهولون رجلا", "قتل مسلحون جنديين": an
    actor right after a killing verb (a generic noun only in the nominative), itself
    followed by its object (a number or a victim noun), is the subject of the active verb. Without an object ("قتل عناصر من قوات X", "قُتل مسلحون")
    the actor is the victim of the passive."""
    if o.role != "outcome" or doc.token_distance(o.start, o.end, a.start, a.end) != 0:
        return False
    if a.generic and doc.norm[a.start:a.end].endswith("ين"):
        return False          # "قتل مسلحين اثنين": the genitive/accusative is the object, never the subject
    i = doc.token_index(a.start)
    if i < len(doc.tokens) and doc.tokens[i].text in actor_lexicon().member_heads:
        return False          # "قتل عناصر من …": members of X were killed
    j = doc.token_index(a.end)
    if j >= len(doc.tokens) or doc.norm[a.end:doc.tokens[j].start].strip():
        return False
    nxt = doc.tokens[j].text
    return bool(lex.nouns.find(doc.norm, doc.tokens[j].start, doc.tokens[j].end)) or nxt in lex.implicit_counts \
        or nxt[:1].isdigit() or parse_number(nxt) is not None


# "نقلت جثامين 4 شهداء بعد أن أطلقت قوات الاحتلال النار": a subordinate clause's subject
# after a toll is the agent of that clause, not more victims (normalised)
_SUBORDINATE = frozenset({"ان", "بعدما", "عندما", "حينما", "لما"})


def _is_target(doc: Doc, d: Draft, a: ActorMention, lex: TriggerLexicon) -> bool:
    # "استهدفت عجلة عسكرية تابعة للجيش": a marker may stand four words back
    lo = doc.tokens[max(0, doc.token_index(a.start) - 4)].start
    first = min(d.trigger.word_start, *(o.word_start for o in d.outcomes)) if d.outcomes else d.trigger.word_start
    if lex.agent_markers.find(doc.norm, max(lo, first), a.start):
        return False          # "أصيب اثنان برصاص قوات X": X shot them
    if d.trigger.role == "event" and a.start >= d.trigger.end:
        tok = doc.tokens[doc.token_index(a.start)]
        if tok.start < a.start and doc.norm[tok.start:a.start] in ("ل", "لل", "ول", "ولل") \
                and not doc.tokens_between(d.trigger.end, tok.start):
            return False      # "قصف لقوات النظام", "غارة للتحالف", "هجوم لعناصر داعش": by X
    # "مقتل شرطي في هجوم مسلح", "في هجوم حوثي": the attackers named right after the act
    # qualify it, they are not among the victims
    # (not after "استهداف": its genitive is whom it hit, "أصيب جنديان في استهداف الجيش")
    after_act = d.trigger.role == "event" and a.start >= d.trigger.end \
        and doc.token_distance(d.trigger.start, d.trigger.end, a.start, a.end) == 0 \
        and not (doc.norm[d.trigger.start:d.trigger.end].startswith(("استهداف", "الاستهداف"))
                 and not _lam_object_after(doc, a))
    for o in [d.trigger, *d.outcomes]:
        if after_act:
            break
        if o.role == "outcome" and not o.entry.agent_follows and o.end <= a.start \
                and doc.token_distance(o.start, o.end, a.start, a.end) <= 4 \
                and not _SUBORDINATE.intersection(doc.norm[o.end:a.start].split()):
            if _active_subject(doc, o, a, lex):
                return False
            return True       # "مقتل 5 عناصر من قوات X": X are the victims, wherever the act is named
    if a.end <= d.trigger.start and _undergoes(doc, a, d):
        return True           # "تعرضت دورية أمنية لإطلاق نار", "دورية ... تعرضت لهجوم": it suffered it
    if a.start < d.trigger.end:
        return False
    if d.type in ("arrest", "abduction") and _detainee(doc, d, a):
        return True
    if doc.norm[d.trigger.start:d.trigger.end].rsplit(" ", 1)[-1] in ("علي", "ضد") \
            and doc.token_distance(d.trigger.start, d.trigger.end, a.start, a.end) <= 1:
        return True           # "أطلقت النار على المتظاهرين": the trigger ends with its preposition
    if d.type.startswith("territory") and a.start > d.trigger.end:
        k = doc.token_index(a.start)
        if k > 0 and doc.tokens[k - 1].text in ("من", "ومن") and not _supporting(doc, a, lex):
            return True       # "استعاد الجيش السيطرة على المدينة من حركة الشباب"
    return bool(lex.target_markers.find(doc.norm, max(lo, d.trigger.end), a.start))


# "تعرض لـ": the subject of "to be subjected to" is the target of the act after it
_UNDERGO = ("تعرض", "تعرضت", "تعرضوا", "يتعرض", "تتعرض", "يتعرضون", "وتعرض", "وتعرضت")


def _undergoes(doc: Doc, a: ActorMention, d: Draft) -> bool:
    """Is ``a`` the subject of a "تعرض" whose object ("ل" + the act) is ``d``'s trigger, the
    verb standing right before ``a`` or between it and the trigger (at most three words)?"""
    k = doc.token_index(a.start)
    if k > 0 and doc.tokens[k - 1].text in _UNDERGO:
        return True
    between = doc.tokens_between(a.end, d.trigger.word_start)
    return len(between) <= 3 and any(t.text in _UNDERGO for t in between)


# words for a member or leader of a group: after an arrest or abduction they name whom it
# took ("اعتقال أحد قياديي داعش", "اعتقلت الشرطة قياديا في حركة الشباب")
_MEMBER_WORDS = frozenset("""احد اثنين ثلاثه قيادي قياديا قياديين قياديي القيادي عنصر عنصرا عناصر عنصرين
    مسؤول مسؤولا امير اميرا والي مطلوب مطلوبا مطلوبين منتسب منتسبي عضو عضوا اعضاء مسلح مسلحا مسلحين
    مقاتل مقاتلا مقاتلين مقاتلي""".split())
# "تتبع ل", "التابعين ل", "المنتمين إلى": the group the men taken belong to
_AFFILIATION = frozenset("""تتبع يتبع تابعه التابعه تابعين التابعين ينتمي ينتمون تنتمي منتمين المنتمين منتميه
    المنتميه المرتبطه مرتبطه المرتبطين مرتبطين الانتماء بالانتماء
    بانتمايه بانتمايها بانتمايهم بانتمايهما لانتمايه لانتمايها لانتمايهم لانتمايهما""".split())
# the men taken, named before the group they belong to ("اعتقلت الشرطة ثلاثة أشخاص ينتمون")
_TAKEN = frozenset("""خليه خلايا اشخاص شخصا شخصين شبان شابا شابين مواطنين مواطنا رجال رجلا افراد متهمين مشتبها
    مطلوبين مطلوبا""".split())


# the verb naming who made an act told as a noun (normalised): "نفذتها عناصر", "شنها مسلحون"
_DONE_BY = frozenset("""نفذتها نفذها نفذته نفذه نفذوها نفذوه شنتها شنها شنته شنه شنوها شنوه قامت قام
    قاموا اجرتها اجراها""".split())


def _lam_object_after(doc: Doc, a: ActorMention) -> bool:
    """Does ``a`` take an object behind ل right after it ("استهداف الجيش السوداني لمواقع
    الدعم السريع")? Then the verbal noun's genitive is its agent, not whom it hit."""
    nxt = doc.tokens_between(a.end, a.end + 40)[:1]
    return bool(nxt) and nxt[0].text.startswith("ل") and not nxt[0].text.startswith("لا") and len(nxt[0].text) > 2


def _object_first(doc: Doc, d: Draft, words: list) -> bool:
    """Do the words after an arrest's trigger begin with whom it took, not with its agent?
    "القبض على خلية …", "اعتقال خمسة …" (the trigger ends in its object's preposition or is
    a verbal noun), or the men themselves named; not "خطفت مجموعة مسلحة تابعة لـ X"."""
    if any(t.text.lstrip("و") in _DONE_BY for t in words):
        return False          # "حملة اعتقال نفذتها عناصر تابعة لـ X": X's men made the arrests
    trigger = doc.norm[d.trigger.word_start:d.trigger.end].split()
    first = trigger[0].lstrip("وب")
    if trigger[-1] == "علي" or (first[2:] if first.startswith("ال") else first) in _DETENTION_NOUNS:
        return True           # (the bare noun only: "خطفت" is the verb)
    return any(t.text.isdigit() or t.text.lstrip("و") in _TAKEN for t in words)


# verbal nouns of detention: the actor right after them is their object ("اعتقال عناصر داعش")
_DETENTION_NOUNS = ("اعتقال", "القبض", "توقيف", "احتجاز", "اختطاف", "خطف", "اقتياد", "اسر")


def _detainee(doc: Doc, d: Draft, a: ActorMention) -> bool:
    """"اعتقال أحد قياديي داعش": the group named after an arrest is whom it took."""
    between = doc.tokens_between(d.trigger.end, a.start)
    # (the word the actor's name is glued to, "لتنظيم", is not between)
    words_before = [t for t in between if t.end <= a.start]
    if words_before and words_before[-1].text == "الي" and len(words_before) > 1:
        words_before = words_before[:-1]      # "ينتمون إلى حركة الشباب"
    if words_before and words_before[-1].text.lstrip("و") in _AFFILIATION and len(between) <= 8 \
            and not any(t.text.endswith("ون") for t in words_before[:-1]) and _object_first(doc, d, words_before[:-1]):
        return True           # "القبض على خلية مؤلفة من ستة أشخاص تتبع لداعش": the cell's group
    if len(between) > 3:
        return False
    first = doc.tokens[doc.token_index(a.start)].text
    words = [t.text.lstrip("و") for t in between] + [first]
    if any(w in _MEMBER_WORDS or (w.startswith("ال") and w[2:] in _MEMBER_WORDS) for w in words):
        return True
    last = doc.norm[d.trigger.word_start:d.trigger.end].split()[0].lstrip("وب")
    # "خطف مسلحون مجهولون الناشط": a nominative plural after خطف/أسر (verb and verbal
    # noun are spelt alike) is the verb's subject, not whom it took
    return last.startswith(_DETENTION_NOUNS) and not between and not first.endswith("ون")


def _supporting(doc: Doc, a: ActorMention, lex: TriggerLexicon) -> bool:
    if lex.supporters is None:
        return False
    i = doc.token_index(a.start)
    # cheap test first: the first word of a support phrase stands one or two words back
    if not any(t.text in lex.supporter_heads or t.text[1:] in lex.supporter_heads for t in doc.tokens[max(0, i - 2):i]):
        return False
    lo = doc.tokens[max(0, i - 2)].start
    return any(m.end <= a.start + 1 for m in lex.supporters.find(doc.norm, lo, a.start))


def _defender(doc: Doc, d: Draft, a: ActorMention, lex: TriggerLexicon) -> bool:
    """"تصدت الدفاعات الجوية السورية لعدوان إسرائيلي": air defences are struck, they do not strike."""
    if lex.types[d.type].merge_group != "remote" or "دفاع" not in doc.norm[a.start:a.end] and "مضاد" not in doc.norm[a.start:a.end]:
        return False
    return any(m.start <= a.start < m.end or a.start <= m.start < a.end for m in lex.defenders.find(doc.norm, a.start, a.end))


# the definite gunmen/attackers of a follow-up sentence: those the report named just before
_GUNMEN_TAKEN_UP = frozenset({"المسلحين", "المسلحون", "المهاجمين", "المهاجمون"})
_TIME_PREPS = frozenset({"بعد", "عقب", "اثر", "قبل", "منذ", "لدى"})


# "بضربة جوية نفذتها طائرات F-16 العراقية": the act's relative clause names its means
_DID_IT = frozenset(map(normalize_key, ("نفذتها", "نفذها", "نفذته", "شنتها", "شنها", "شنته", "أطلقتها", "أطلقها",
                                        "ألقتها")))


def _relative_force_adjective(doc: Doc, d: Draft, lex: TriggerLexicon) -> ActorMention | None:
    """The nationality adjective of the force a relative verb right after the act names
    ("غارة نفذتها مقاتلات F-16 العراقية"): the force noun next, the adjective within a
    few tokens after it (a model name or "مسيرة" may stand between)."""
    i = doc.token_index(d.trigger.word_end)
    toks = [t for t in doc.tokens[i:i + 9] if t.start < d.sentence.end]
    if toks and toks[0].text in ("جويه", "جويا", "صاروخيه", "مدفعيه"):
        toks = toks[1:]     # "ضربة جوية نفذتها": the act's own adjective first
    if len(toks) < 3 or normalize_key(toks[0].text) not in _DID_IT:
        return None
    bare = toks[1].text[2:] if toks[1].text.startswith("ال") else toks[1].text
    if bare not in lex.force_nouns:
        return None
    for tok in toks[2:7]:
        if tok.text in lex.force_nouns:
            break
        actor = actor_for_adjective(tok.text) or _state_forces_of(tok.text)
        if actor is not None:
            return ActorMention(tok.start, tok.end, actor, False, False)
    return None


def _state_forces_of(word: str):
    """"العراقية" after a force's means: the country's own forces, as "القوات العراقية"
    names them (home armies list no adjectives, which would also fit their victims)."""
    if len(word) < 4:
        return None
    phrase = "القوات " + (word if word.startswith("ال") else "ال" + word)
    hits = [m for m in actor_lexicon().matcher.find(phrase) if m.start == 0 and m.end == len(phrase)]
    if not hits:
        return None
    actor = hits[0].values[0][0]
    return actor if actor.inter == 1 else None


_NEW_SUBJECT = frozenset({"فيما", "بينما", "حين"})


# the next clause's verb makes its noun a victim of the same act ("فيما قتل أربعة من مقاتلي …")
_HURT_VERBS = frozenset(map(normalize_key, ("قتل", "قتلت", "أصيب", "أصيبت", "جرح", "استشهد", "لقي", "سقط", "أسر")))


def _past_new_subject(doc: Doc, d: Draft, a: ActorMention) -> bool:
    """Is ``a`` the subject of the next clause, right after its verb past a contrastive
    conjunction ("…، فيما أطلق جنود الاحتلال …"), not a target of the act?"""
    if a.start <= d.trigger.end or not d.sentence.start <= a.start < d.sentence.end:
        return False
    between = doc.tokens_between(d.trigger.end, a.start)
    return len(between) >= 2 and between[-2].text.lstrip("و") in _NEW_SUBJECT \
        and normalize_key(between[-1].text) not in _HURT_VERBS


def _after_time_noun(doc: Doc, a: ActorMention) -> bool:
    """Is ``a`` the genitive of a verbal noun after a time preposition ("بعد انسحاب X")?"""
    i = doc.token_index(a.start)
    return i >= 2 and doc.tokens[i - 2].text.lstrip("و") in _TIME_PREPS


# "أعلنت أفريكوم أنها نفذت غارة", "قال الجيش إنه شن ضربات": the speaker's own act
_SELF_PRONOUNS = frozenset({"انها", "انه", "انهم", "بانها", "بانه", "بانهم"})
_SELF_VERBS = frozenset({"نفذت", "نفذ", "نفذوا", "شنت", "شن", "شنوا", "وجهت", "وجه"})


def _says_it_did(doc: Doc, d: Draft) -> bool:
    """Does the trigger follow "أنها نفذت" / "إنه شن": a speaker telling its own act?"""
    i = doc.token_index(d.trigger.start)
    before = [t.text for t in doc.tokens[max(0, i - 4):i] if t.start >= d.sentence.start]
    words = [normalize_key(w) for w in before]
    return any(w in _SELF_PRONOUNS and k + 1 < len(words) and words[k + 1] in _SELF_VERBS
               for k, w in enumerate(words))


def _inside_source(a: ActorMention, attr: Attribution | None) -> bool:
    return attr is not None and attr.cited_kind != "military" and attr.start <= a.start and a.end <= attr.end


def _link_actors(doc: Doc, d: Draft, actors: list[ActorMention], lex: TriggerLexicon, previous: "_Before",
                 places_in_sentence: list[PlaceMention]) -> None:
    # generic nouns ("العناصر", "الجيش") only when nothing is named: they need coreference
    # we do not do; a source named in an attribution is not an actor unless it speaks of
    # its own operation
    # "أعلنت هيئة تحرير الشام سيطرتها على القرية": the possessive points back to the
    # announcer, an armed actor speaking of its own operation whatever its source kind
    own = any(w.endswith(("تها", "ته", "تهم")) for w in doc.norm[d.trigger.start:d.trigger.end].split()) \
        or _says_it_did(doc, d)
    usable = [a for a in actors if not _inside_source(a, d.attribution)
              or own and a.actor.inter in (1, 2, 3, 4, 8) and not a.generic]
    # "قتل عنصر سابق في فصائل المعارضة": a victim's former force is no side of the act
    usable = [a for a in usable if not _former_of(doc, a)]
    clause = doc.clause_at(d.trigger.start)
    agents, targets = [], []
    for a in usable:
        # civilians (inter 7) suffer acts, they never carry one out (ACLED codes a crowd
        # that acts as protesters, rioters or a mob)
        (targets if a.actor.inter == 7 or _is_target(doc, d, a, lex) or _defender(doc, d, a, lex) else agents).append(a)
    # "بحسب رواية الجيش الإسرائيلي، فإن مسلحين أطلقوا النار على قواته": a military source
    # is the agent of its own operation only when the claim names no other agent
    outside = [a for a in agents if not (d.attribution is not None and d.attribution.start <= a.start < d.attribution.end)]
    speakers = [a for a in agents if a not in outside] if outside else []
    if own:
        # ("… سيطرتها على المدينة بعد انسحاب الجيش": the announcer, not the side that withdrew)
        announcer = [a for a in agents if a not in outside and a.actor.inter in (1, 2, 3, 4, 8) and not a.generic]
        if announcer:
            outside, speakers = announcer, []
    # "وأكد مصدر في الحشد الشعبي مقتل القيادي": a force that reports a death did not kill
    reported_death = d.trigger.role == "outcome" and doc.norm[d.trigger.word_start:d.trigger.end].lstrip("وف").startswith(
        ("مقتل", "مصرع", "استشهاد", "وفاه"))
    # (unless it names its enemies: "أعلن الجيش مقتل 5 مسلحين من حركة الشباب في عملية")
    if reported_death and not outside:
        armed = [a for a in agents if a.actor.inter in (1, 2, 3, 8) and not a.generic]
        foes = [a for a in targets if a.actor.inter in (1, 2, 3, 4, 8) and not a.generic
                and all(a.actor != s.actor and not allied(a.actor, s.actor) for s in armed)]
        if armed and (foes or _dead_side(doc, d, lex, armed) is False):
            outside = armed
    agents = outside or ([] if reported_death else agents)
    # "بدعم من القوات الأمريكية": a supporter is the agent only when no one else is, not
    # even a generic noun ("قوات الجيش بالتعاون مع مقاتلي العشائر")
    agents = [a for a in agents if not _supporting(doc, a, lex)] or agents
    # a named actor beats a generic noun on the same side: "الجيش" only when no army is named
    agents = [a for a in agents if not a.generic] or agents
    # "انتشرت وحدات الجيش بعد انسحاب القوات الإسرائيلية": the force of a time phrase after
    # the act did something else, before it
    agents = [a for a in agents if not (a.start > d.trigger.end and _after_time_noun(doc, a))]
    targets = [a for a in targets if not a.generic] or targets
    # "هاجموا المنازل …، فيما أطلق جنود الاحتلال قنابل الغاز": past فيما/بينما a new
    # clause has its own subject, not the act's target
    targets = [a for a in targets if not _past_new_subject(doc, d, a)]
    same_clause = [a for a in agents if doc.clause_at(a.start) is clause]
    # an agent in another clause is only taken when it stands before the trigger: a later
    # clause usually has its own subject ("…، الأمر الذي دفع بقوات X لنشر …")
    earlier = [a for a in agents if a.end <= d.trigger.start]
    # "اندلعت اشتباكات، مساء أمس، بين جهاز الردع و…": a time phrase between commas puts the
    # sides in another clause; "بين" right before an actor still names a side of the act
    # (not for a bomb or a strike, one-sided acts: "…، تلاه اشتباك بين الشرطة ومسلحين")
    sides = [a for a in agents if a.start > d.trigger.end and d.sentence.start <= a.start < d.sentence.end
             and doc.norm[max(d.sentence.start, a.start - 5):a.start].split()[-1:] == ["بين"]
             and lex.types[d.type].merge_group not in ("explosive", "remote")]
    if sides:
        # "بين X وY": the side joined to the first by و
        sides += [a for a in agents if sides[0].end < a.start <= sides[0].end + 2 and doc.norm[a.start - 1] == "و"]
    # "اشتبك الجيش مع عناصر من داعش، فيما قضت طائرة مسيرة على عنصرين من التنظيم": the
    # target of the sentence's act before, named in another clause, is not the next act's
    # agent (the subject of that act goes on instead)
    struck = {p.actor2.start for p in previous.current if p.actor2 is not None and p.sentence is d.sentence}
    if not same_clause:
        earlier = [a for a in earlier if a.start not in struck]
    pool = same_clause or earlier or sides
    if pool:
        d.actor1 = min(pool, key=lambda a: _dist(doc, a, d.trigger) + (0 if a.start < d.trigger.start else 0.5))
    else:
        # subject ellipsis ("كما نفذت حملات دهم"): the agent of the previous event goes on,
        # within its sentence, or into the next one unless that one opens a new scene by
        # naming its own place ("وفي درعا، …")
        own_place = any(p.kind != "anaphor" for p in places_in_sentence)
        for prev in reversed(previous):
            if prev.sentence.index < d.sentence.index - 1:
                break         # text order: nothing further back is this or the previous sentence
            same = prev.sentence is d.sentence
            next_one = prev.sentence.index == d.sentence.index - 1 and prev.sentence.paragraph == d.sentence.paragraph
            if prev.actor1 is not None and (same or (next_one and not own_place)):
                d.actor1, d.actor1_inherited = prev.actor1, True
                break
    if d.actor1 is not None and d.actor1.generic and not d.actor1_inherited \
            and doc.norm[d.actor1.start:d.actor1.end].lstrip("وفبل") in _GUNMEN_TAKEN_UP:
        # "وأضافت المصادر أن المسلحين اعتقلوا …": the definite generic noun takes up the
        # group the sentence before named ("مسلحين من عصابات الجولاني اقتحموا …")
        for prev in reversed(previous):
            if prev.sentence.index < d.sentence.index - 1:
                break
            if prev.actor1 is not None and not prev.actor1.generic and prev.sentence.index < d.sentence.index:
                d.actor1, d.actor1_inherited = prev.actor1, True
                break
    k = doc.token_index(d.trigger.start)
    if k >= 2 and d.actor1 is not None and not d.actor1_inherited and d.actor1.end <= doc.tokens[k - 2].start:
        # "بضربة طائرة مسيرة أمريكية استهدفت سيارتهم": the weapon and its nationality right
        # before the act are its subject, not an actor named earlier in the sentence
        prev, tok = doc.tokens[k - 2], doc.tokens[k - 1]
        bare = prev.text[2:] if prev.text.startswith("ال") else prev.text
        actor = actor_for_adjective(tok.text)
        if actor is not None and bare in _WEAPON_NOUNS:
            d.actor1 = ActorMention(tok.start, tok.end, actor, False, False)
    if d.actor1 is None or d.actor1_inherited:
        # "غارة إسرائيلية", "طائرة مسيرة تركية": a nationality adjective after the act
        i = doc.token_index(d.trigger.word_end)
        for tok in doc.tokens[i:i + 2]:
            actor = actor_for_adjective(tok.text)
            if actor is not None:
                d.actor1, d.actor1_inherited = ActorMention(tok.start, tok.end, actor, False, False), False
                break
        else:
            relative = _relative_force_adjective(doc, d, lex)
            if relative is not None:
                d.actor1, d.actor1_inherited = relative, False
        if d.actor1 is None or d.actor1_inherited:
            # "شنت مقاتلات تركية غارات": the adjective after the force's means, before the act
            # (not after a victim: "قتل جندي تركي في غارة")
            lo = clause.start if clause is not None else d.sentence.start
            toks = doc.tokens_between(lo, d.trigger.start)
            for prev, tok in zip(toks, toks[1:]):
                bare = prev.text[2:] if prev.text.startswith("ال") else prev.text
                if not (prev.text in lex.force_nouns or bare in lex.force_nouns
                        or prev.text.lstrip("وفب") in lex.force_nouns):
                    continue
                actor = actor_for_adjective(tok.text)
                if actor is not None:
                    d.actor1, d.actor1_inherited = ActorMention(tok.start, tok.end, actor, False, False), False
                    break
    if lex.types[d.type].merge_group == "clash" and (d.actor1 is None or d.actor1.generic or d.actor1_inherited):
        # "نزاع عشائري", "اقتتال قبلي": the feud's adjective names its sides
        for tok in doc.tokens_between(d.trigger.start, d.trigger.end):
            actor = actor_for_adjective(tok.text)
            if actor is not None and actor.inter == 4:
                d.actor1, d.actor1_inherited = ActorMention(tok.start, tok.end, actor, False, False), False
                break
    if targets:
        d.actor2 = min(targets, key=lambda a: _dist(doc, a, d.trigger))
        if d.actor1 is None and lex.types[d.type].merge_group == "clash":
            # "قتل 8 من عناصر X في اشتباكات مع Y": both sides stand as targets; who began
            # it is not said: the state side (lowest inter code) goes first, as ACLED lists it
            sides = {a.actor.name: a for a in sorted(targets, key=lambda a: _dist(doc, a, d.trigger))}
            if len(sides) > 1:
                first, second = sorted(sides.values(), key=lambda a: a.actor.inter)[:2]
                d.actor1, d.actor2 = first, second
            elif d.actor2.start > d.trigger.end and doc.norm[max(d.sentence.start, d.actor2.start - 5):d.actor2.start].split()[-1:] == ["بين"] \
                    or d.actor2.end > d.trigger.end and "بين" in doc.norm[d.actor2.start:d.actor2.end].split()[:2]:
                # "اشتباكات بين ميليشيات عشائرية متناحرة": one kind of actor on both sides
                d.actor1 = d.actor2
    elif lex.types[d.type].merge_group == "clash" and d.actor1 is not None:
        # "اشتباكات بين X و Y": the other named side in the clause
        others = [a for a in (same_clause or sides) if a.actor.name != d.actor1.actor.name and not allied(a.actor, d.actor1.actor)]
        if others:
            d.actor2 = min(others, key=lambda a: _dist(doc, a, d.trigger))
    if d.actor2 is None and d.actor1 is not None and speakers and lex.types[d.type].merge_group == "clash":
        # "أفاد المتحدث العسكري للحوثيين بأن قواتهم صدت زحفا لـ X": the speaker is the other side
        others = [a for a in speakers if a.actor.name != d.actor1.actor.name and not allied(a.actor, d.actor1.actor)]
        if others:
            d.actor2 = others[-1]
    sp = d.actor1
    if sp is not None and not d.actor1_inherited and d.attribution is not None and not d.attribution_inherited \
            and d.attribution.start <= sp.start < d.attribution.end and _dead_side(doc, d, lex, [sp]) is True \
            and not (d.actor2 is not None and d.actor2.actor.inter in (1, 2, 3, 4, 8) and d.actor2.actor != sp.actor):
        # "أعلن الجيش مقتل جنديين في هجوم": the announcing force lost the men, it did not attack
        d.actor1, d.actor2 = None, sp
    elif d.actor1 is not None and d.actor2 is None and speakers and _dead_side(doc, d, lex, speakers[-1:]) is True \
            and speakers[-1].actor != d.actor1.actor and not allied(speakers[-1].actor, d.actor1.actor):
        # "أعلن الجيش مقتل جنديين في هجوم شنته قوات الدعم السريع": its men were the target
        d.actor2 = speakers[-1]
    if lex.types[d.type].merge_group == "clash":
        _attacker_first(doc, d, usable)
    if d.actor2 is not None and d.actor1 is not None and d.actor2.actor == d.actor1.actor:
        d.actor2 = None


# "صدت القوات هجوما لـ X", "تصدى الجيش لهجوم شنته X", "أفشلت هجوما حوثيا": a repelled
# attack (normalised verb forms, and the attack nouns the verb takes as its object)
_REPEL_VERBS = frozenset(normalize_key(w) for w in """صد صدت صدوا يصد تصد يصدون صده تصدى تصدت تصدوا يتصدى
    تتصدى التصدي أفشل أفشلت أفشلوا إفشال أحبط أحبطت أحبطوا إحباط أجهض أجهضت إجهاض دحر دحرت دحروا""".split())
_ATTACK_NOUNS = frozenset(normalize_key(w) for w in """هجوم هجوما هجمات هجوما هجمة هجمه زحف زحفا زحوف محاولة
    محاولات تسلل تقدم تقدما اعتداء اعتداءات""".split())


def _attacker_first(doc: Doc, d: Draft, usable: list[ActorMention]) -> None:
    """A repelled attack puts the side whose attack it was first and the side that repelled
    it second, as ACLED lists the initiator first: "صدت القوات المسلحة هجوما للدعم السريع"
    and "تصدى الجيش لهجوم شنته ميليشيا الحوثي" both give (attacker, army); neither is lost."""
    sent = d.sentence
    toks = doc.tokens_between(sent.start, sent.end)
    # the repel verb at or before the trigger, and the first attack noun after it
    verb = noun = None
    for i, t in enumerate(toks):
        if t.start > d.trigger.end:
            break
        w = t.text[1:] if t.text[:1] in "وفل" and t.text[1:] in _REPEL_VERBS else t.text
        if w in _REPEL_VERBS:
            verb = i
    if verb is None:
        return
    for t in toks[verb:verb + 12]:
        w = t.text[1:] if t.text[:1] == "ل" and t.text[1:] in _ATTACK_NOUNS else t.text
        if w in _ATTACK_NOUNS:
            noun = t
            break
    if noun is None or noun.start > d.trigger.end + 40:
        return
    # the attacker: named within a few words after the attack noun ("هجوما واسعا لميليشيا
    # الحوثي", "لهجوم شنته X") or its nationality adjective ("هجوما حوثيا")
    after = [a for a in usable if a.start >= noun.end and a.start < sent.end
             and len(doc.tokens_between(noun.end, a.start)) <= 4]
    attacker = min(after, key=lambda a: a.start) if after else None
    if attacker is None:
        for t in doc.tokens[doc.token_index(noun.end):doc.token_index(noun.end) + 2]:
            actor = actor_for_adjective(t.text)
            if actor is not None:
                attacker = ActorMention(t.start, t.end, actor, False, False)
                break
    if attacker is None:
        return
    # the repeller: the side named before the attack noun (the verb's subject or speaker)
    repeller = next((a for a in (d.actor1, d.actor2) if a is not None and a.end <= noun.start
                     and a.actor != attacker.actor), None)
    if repeller is None:
        before = [a for a in usable if sent.start <= a.start and a.end <= noun.start and a.actor != attacker.actor
                  and a.actor.inter in (1, 2, 3, 4, 8)]
        repeller = max(before, key=lambda a: a.start) if before else None
    d.actor1, d.actor1_inherited = attacker, False
    if repeller is not None:
        d.actor2 = repeller


def _dead_side(doc: Doc, d: Draft, lex: TriggerLexicon, speakers: list[ActorMention]) -> bool | None:
    """Whose fighters does a force's own statement say were killed or wounded? True for
    its own ("مقتل جنديين" from an army, "اثنين من مقاتليها" from anyone), False for its
    enemies ("مقتل 5 مسلحين"), None when no fighters stand right after the outcome word."""
    armed = [a for a in speakers if a.actor.inter in (1, 2, 3, 8) and not a.generic]
    if not armed:
        return None
    state = any(a.actor.inter in (1, 8) for a in armed)
    for t in [d.trigger, *d.outcomes]:
        if t.role != "outcome" or t.entry.counts not in ("killed", "injured"):
            continue
        for m in lex.combatants.find(doc.norm, t.end, min(len(doc.norm), t.end + 40)):
            if doc.token_distance(t.start, t.end, m.start, m.end) > 2:
                break
            forms = {normalize_key(v) for v in m.values}
            if forms & lex.own_side_nouns:
                return True
            if forms & lex.hostile_nouns:
                return False
            return True if state else None
    return None


# --------------------------------------------------------------------------- dates

def _anchor_year(doc: Doc, dm: DateMention, all_dates: "_Sorted | None") -> DateMention:
    """A day-month with no year ("30 أيلول") in a paragraph that named an explicit
    month-and-year date before it ("في سبتمبر 2015") takes that year, not the
    publication's: narrative time, not the reporting time, frames it."""
    if all_dates is None or dm.year is not None or dm.hijri or dm.direction is not None \
            or dm.kind not in ("absolute", "month"):
        return dm
    own = doc.sentence_at(dm.start)
    if own is None:
        return dm
    i = bisect_left(all_dates.starts, dm.start) - 1
    while i >= 0:
        a = all_dates.items[i]
        s = doc.sentence_at(a.start)
        if s is None or s.paragraph != own.paragraph:
            return dm
        if a.year is not None and a.month is not None and not a.hijri and a.kind in ("absolute", "month", "numeric"):
            y = a.year
            if doc.published is not None and y >= doc.published.year:
                return dm
            return replace(dm, year=y)
        i -= 1
    return dm


_TAKING_TYPES = frozenset({"arrest", "abduction", "weapons_seized"})


def _in_relative_clause(doc: Doc, d: Draft, dm: DateMention) -> bool:
    """Does ``dm`` stand after ``d``'s trigger inside a relative clause ("… التي استهدفت …
    خلال آذار الماضي") of its sentence?"""
    if dm.start <= d.trigger.end:
        return False
    return any(t.text in RELATIVE_PRONOUNS for t in doc.tokens_between(d.trigger.end, dm.start))


def _link_date(doc: Doc, d: Draft, dates: list[DateMention], attrs: list[Attribution], previous: "_Before",
               all_dates: "_Sorted | None" = None) -> None:
    report_end = doc.published
    event_dates = []
    for dm in dates:
        # a date inside the attribution phrase dates the report, not the event
        # ("أفادت مصادر منذ يومين بأن …")
        owner = next((a for a in attrs if a.start <= dm.start and dm.end <= a.content_start and a.content_start <= d.trigger.start), None)
        if owner is not None:
            iv = resolve_date(dm, doc.published)
            if iv.end is not None:
                report_end = iv.end
            d.date_mention = d.date_mention or dm
        else:
            event_dates.append(dm)
    if d.type in _TAKING_TYPES:
        # "القبض على الخلية المتورطة في التفجيرات التي ضربت جبلة خلال شباط الماضي": the
        # relative clause's time is the past acts', not the arrest's
        event_dates = [dm for dm in event_dates if not _in_relative_clause(doc, d, dm)]
    if event_dates:
        dm = min(event_dates, key=lambda x: _dist(doc, x, d.trigger))
        iv = resolve_date(_anchor_year(doc, dm, all_dates), doc.published)
        if iv.end is not None and report_end is not None and iv.end > report_end:
            iv = DateInterval(iv.start if iv.start and iv.start <= report_end else None, report_end, iv.precision)
        d.date_mention, d.interval = dm, iv
        if iv.start is not None and doc.published is not None and iv.start > doc.published:
            d.future = True   # "يوم الخميس المقبل": a call or a plan, not an incident
        return
    if report_end is not None and report_end != doc.published:
        start = report_end - timedelta(days=REPORT_WINDOW_DAYS)
        d.interval = DateInterval(start, report_end, 2)
        return
    prev = _last_in_paragraph(previous, d, lambda p: p.date_mention is not None and p.interval is not None)
    if prev is not None:
        d.interval, d.date_mention = prev.interval, prev.date_mention
        return
    if report_end is not None and d.attribution is not None and d.attribution.own_voice \
            and (all_dates is None or not all_dates.items):
        # "تمكنت وحداتنا الباسلة من …" in a statement with no date word at all: a body's
        # statement reports its act on the day it is issued; the day is assumed (ACLED 2)
        d.interval = DateInterval(report_end, report_end, 2)
        return
    d.interval = DateInterval(None, report_end, 3)


# --------------------------------------------------------------------------- attribution

def _link_attribution(doc: Doc, d: Draft, attrs: list[Attribution], last: Attribution | None, m: Mentions,
                      sent: Sentence) -> None:
    chosen = None
    for a in attrs:
        if a.content_start <= d.trigger.start or a.start >= d.trigger.end:
            chosen = a
    d.attribution = chosen or (attrs[0] if attrs else last)
    d.attribution_inherited = not attrs and last is not None
    d.hedged = bool(d.attribution and d.attribution.hedged) or m.hedge_in(sent.start, sent.end)


# --------------------------------------------------------------------------- counts

def _count_what(doc: Doc, q: Quantity, lex: TriggerLexicon) -> str | None:
    """What a number counts: a count noun right after it ("15 قتيلا"), else a count noun
    just before it ("أعداد المنشقين فاقت الخمسين"), else "person" for a person noun after
    it ("15 عنصرا"), which the nearest trigger then qualifies."""
    if q.what is not None:
        return q.what                 # the phrase says it ("لم يبلغ عن إصابات": 0 killed)
    if q.noun is not None and q.noun_start is not None and q.noun_end is not None and q.noun_end <= q.end:
        # the noun is part of the quantity itself ("قتيلين", "شخصين")
        kinds = [v for m in lex.nouns.find(q.noun) if m.word_start == 0 and m.end == len(q.noun) for v in m.values]
        if kinds:
            specific = [k for k in kinds if k != "person"]
            return specific[0] if specific else "person"
    after = lex.nouns.find(doc.norm, q.end, min(len(doc.norm), q.end + 40))
    person = False
    if after and doc.token_distance(q.start, q.end, after[0].start, after[0].end) <= 1:
        kinds = [v for v in after[0].values if v != "person"]
        if kinds:
            return kinds[0]
        person = True
        # "4 صيادين في عداد المفقودين": the people are counted among the missing
        if len(after) > 1 and doc.norm[after[0].word_end:after[1].word_start].strip() in load_numbers().ranked_among:
            kinds = [v for v in after[1].values if v != "person"]
            if kinds:
                return kinds[0]
    # a running total names its noun further back ("حصيلة الشهداء منذ بدء الحرب إلى 35 ألفا")
    lo = doc.tokens[max(0, doc.token_index(q.start) - (10 if q.total else 3))].start
    before = lex.nouns.find(doc.norm, lo, q.start)
    for b in reversed(before):
        kinds = [v for v in b.values if v != "person"]
        if kinds:
            return kinds[0]
    # "مدنيين اثنين": the noun stands right before a small number
    if before and doc.token_distance(before[-1].start, before[-1].end, q.start, q.end) == 0:
        return "person"
    return "person" if person else None


def _link_counts(doc: Doc, drafts: list[Draft], quantities: list[Quantity], lex: TriggerLexicon, m: Mentions) -> None:
    if not drafts:
        return
    # (not a crowd's own act: "هاجم مئات الأهالي" counts the crowd)
    outcome_ends = {doc.token_index(t.word_end): t for d in drafts for t in [d.trigger, *d.outcomes] if t.entry.counts
                    and not (t.role == "event" and lex.types[d.type].merge_group in ("riot", "protest"))}
    toll_by: dict[int, Trigger] = {}      # id(draft) -> the trigger its toll was read from
    prev_end = -1
    prev_q: Quantity | None = None
    for q in quantities:
        # (not "قتيلان و5 جرحى": a number joined by و is a count of its own)
        apposition = prev_end >= 0 and not doc.norm[prev_end:q.start].strip() and doc.norm[q.start] != "و"
        prev_end = q.end
        if apposition or m.in_date(q.start):
            continue          # "جنديين اثنين": the number restates the dual before it
        what = _count_what(doc, q, lex)
        if what is None and prev_q is not None and _coordinated_toll(doc, prev_q, q):
            what = "person"   # "قتل 3 من عناصر الجيش و2 من قسد": more victims of the same word
        prev_q = q
        if what in _STATUS_KINDS and _after_lethal_word(doc, drafts, q):
            what = "person"   # "أعدمت قوات النظام ثلاثة معتقلين": detainees, killed
        if what is None:
            # "وأصيب سبعة بجروح": a bare number right after an outcome word counts it
            t = outcome_ends.get(doc.token_index(q.start))
            if t is None:
                t = _across_agent(doc, q, m, outcome_ends)   # "اعتقلت قوات الأمن العشرات"
            # only the word right before it, nothing between: "الهجمات: 3 ضربات" counts
            # strikes, not victims; "واعتقلت 15 منهم" counts the arrested
            elif doc.norm[t.end:q.start].strip():
                continue
            if t is None:
                continue
            what = t.entry.counts
        # which trigger does it count? nearest one whose count kind fits
        best, best_d, best_dist, best_t = None, None, 10 ** 9, None
        # a bare head count ("العديد من الناشطين نشروا صورا عن ضحايا") counts what a
        # trigger of its own clause counts, never one across a comma
        clause = doc.clause_at(q.start) if what == "person" else None
        for d in drafts:
            if what == "person" and lex.types[d.type].merge_group in ("riot", "protest") and d.trigger.role == "event":
                continue      # "هاجم مئات الأهالي", "تظاهر الآلاف": the crowd, not its victims
            for t in [d.trigger, *d.outcomes]:
                kind = t.entry.counts
                if kind is None or (what != "person" and kind != what and not (what in ("killed", "injured") and lex.types[d.type].violent)):
                    continue
                if what == "person" and t.role == "event" and lex.types[d.type].merge_group == "clash":
                    continue  # "اشتباكات بين عشرات المسلحين والقوات": who fought, not who died
                if clause is not None and not clause.start <= t.start < clause.end:
                    continue
                dist = _dist(doc, t, q)
                # on a tie the verb before the count governs it: "أصيب شابان برصاص …" counts
                # the wounded, not what the bullets' word would count
                if dist < best_dist or dist == best_dist and best_t is not None and t.end <= q.start < best_t.start:
                    best, best_d, best_dist, best_t = kind if what == "person" else what, d, dist, t
        if best_d is None:
            if what == "person":
                continue
            best_d, best = min(drafts, key=lambda d: _dist(doc, d.trigger, q)), what
        if best in ("killed", "injured") and best_t is not None and best_t.end <= q.start \
                and _paired_outcome(doc, drafts, best_t, quantities, lex):
            best = "casualties"          # "قتل وجرح 20 شخصا": killed and wounded together
        if best == "killed":
            old = best_d.fatalities
            if old is not None and _rival_report(doc, m, old, q):
                if q.best < old.best:          # ACLED keeps the most conservative source
                    best_d.fatalities = q
                    toll_by[id(best_d)] = best_t
            elif old is not None and _coordinated_toll(doc, old, q):
                best_d.fatalities = Quantity(old.start, max(old.end, q.end), old.low + q.low, old.best + q.best,
                                             None if old.high is None or q.high is None else old.high + q.high,
                                             False, None, None, None, None)
            elif old is None or _specific(q, old):
                best_d.fatalities = q
                toll_by[id(best_d)] = best_t
            elif best_dist == 0 and _separate_victims(old, q, toll_by.get(id(best_d)), best_t):
                # "قتل 4 من قوات النظام … فيما قتل 3 من عناصر التنظيم": ACLED adds the sides
                best_d.fatalities = Quantity(min(old.start, q.start), max(old.end, q.end), old.low + q.low,
                                             old.best + q.best, None if old.high is None or q.high is None
                                             else old.high + q.high, False, None, None, None, None)
                toll_by[id(best_d)] = best_t
        else:
            best_d.counts.append((best, q))


_PLUPERFECT = frozenset({"كان", "كانت", "وكان", "وكانت", "كانوا", "وكانوا"})
_SIMILAR = frozenset({"مماثل", "مماثله", "مشابه", "مشابهه", "سابق", "سابقه"})
_OTHER = frozenset({"اخر", "اخري"})
_ANOTHER = _SIMILAR | _OTHER
# the subject of "استهدفت غارة أخرى": the strike itself (normalised)
_STRIKES = frozenset({"غاره", "ضربه", "قصف", "هجوم", "هجمه", "طايره", "مسيره", "قذيفه", "صاروخ", "عبوه"})


def _recalled(doc: Doc, d: Draft) -> str:
    """How an act is told apart from the news: "background" for an earlier event (the
    pluperfect "وكان ثلاثة أشخاص قد قتلوا …", an act called similar or earlier "في هجوم
    مماثل"), "another" for one more act told as such ("غارة أخرى"), "" otherwise."""
    clause = doc.clause_at(d.trigger.start)
    lo = clause.start if clause is not None else d.sentence.start
    words = doc.norm[lo:d.trigger.start].split()
    if any(w in _PLUPERFECT for w in words[:2]) and "قد" in words:
        return "background"
    after = doc.norm[d.trigger.end:d.trigger.end + 24].split()[:2]
    if after and after[0] in _ANOTHER:
        return "another" if after[0] in _OTHER else "background"
    # "غارة أخرى استهدفت مدرسة", "استهدفت غارة أخرى سوقا": an act's verb tells the same
    # strike as its subject (not an outcome: "قتل شخص آخر" is another victim)
    if d.trigger.role == "event":
        if words and words[-1] in _ANOTHER:
            return "another" if words[-1] in _OTHER else "background"
        if len(after) == 2 and after[0] in _STRIKES and after[1] in _ANOTHER:
            return "another" if after[1] in _OTHER else "background"
    return ""


def _rival_report(doc: Doc, m: Mentions, old: Quantity, q: Quantity) -> bool:
    """A second source's figure for the same toll, not more victims: "قال الدفاع المدني إن
    11 قتلوا، بينما أفادت مصادر محلية بمقتل 14" (a source cited after the first figure
    introduces the second). A side named after it ("3 من عناصر التنظيم") or "آخرين" adds
    victims instead."""
    if old.vague or q.vague or old.total or q.total or old.best is None or q.best is None:
        return False
    tail = doc.norm[max(q.end, q.noun_end or 0):max(q.end, q.noun_end or 0) + 16].split()[:2]
    if "من" in tail or any(w.startswith("اخر") for w in tail):
        return False
    return any(old.end <= a.start < q.start and a.content_start <= q.start
               and (a.content_end < 0 or q.start < a.content_end) for a in m.attributions)


def _across_agent(doc: Doc, q: Quantity, m: Mentions, outcome_ends: dict[int, Trigger]) -> Trigger | None:
    """The active verb whose agent alone stands between it and a bare number: "اعتقلت
    قوات الأمن العشرات" counts the arrested."""
    i = bisect_left([a.end for a in m.actors], q.start - 1)
    for a in m.actors[max(0, i - 1):i + 1]:
        if a.end > q.start or doc.norm[a.end:q.start].strip():
            continue
        t = outcome_ends.get(doc.token_index(a.start))
        if t is not None and not doc.norm[t.end:a.start].strip():
            return t
    return None


def _coordinated_toll(doc: Doc, old: Quantity, q: Quantity) -> bool:
    """"قتل ثلاثة عناصر من قوات الأمن وأربعة مسلحين": a count joined by و right after the
    first count's side ("من …") counts more victims of the same act."""
    if old.vague or q.vague or old.total or q.total or old.low is None or q.low is None or not old.best or not q.best:
        return False
    end = max(old.end, old.noun_end or 0)
    if not end < q.start or doc.norm[q.start] != "و":
        return False
    gap = doc.norm[end:q.start]
    words = gap.split()
    # the gap names the first group's side: "من قوات الأمن", or "الجيش الوطني" after
    # "3 من عناصر" whose partitive the count already holds
    sided = words[:1] == ["من"] or (old.noun_end is not None and old.noun_end > old.end and len(words) >= 1)
    return sided and len(words) <= 4 and not any(c in gap for c in "،,.؛:")


def _toll_noun(doc: Doc, qs: list[Quantity], lex: TriggerLexicon) -> Trigger | None:
    """The dead named by a toll noun before a number ("حصيلة الشهداء … 35 ألفا"), as the
    outcome word of a cumulative claim that has none of its own ("شهداء" after "حصيلة" is
    blocked as a trigger: it names the toll, not a killing)."""
    entry = next((e for e in lex.entries if e.role == "outcome" and e.counts == "killed"), None)
    for q in qs:
        lo = doc.tokens[max(0, doc.token_index(q.start) - 10)].start
        for b in reversed(lex.nouns.find(doc.norm, lo, q.start)):
            if "killed" in b.values and entry is not None:
                return Trigger(b.start, b.end, b.word_start, b.word_end, entry, entry.type, doc.norm[b.start:b.end])
    return None


def _update_toll(doc: Doc, sent: Sentence, drafts: list[Draft], index: dict[str, _Sorted], lex: TriggerLexicon,
                 m: Mentions, sent_attrs: list[Attribution], last_attr: Attribution | None) -> list[Draft]:
    """A running total in a sentence with no act of its own ("وفي وقت لاحق ارتفعت حصيلة
    القتلى إلى 12") updates the toll of the event told just before it; a cumulative one
    ("وبلغت حصيلة الشهداء منذ بدء الحرب 35 ألفا") is a claim of its own."""
    qs = [q for q in index["quantities"].inside(sent.start, sent.end) if not q.vague and q.best]
    if qs and _is_aggregate(doc, sent, qs, index["dates"].inside(sent.start, sent.end), m):
        carrier = _toll_noun(doc, qs, lex)
        if carrier is None:
            return []
        out = _sentence_drafts(doc, sent, [carrier], m, index, lex, sent_attrs, last_attr, drafts)
        for d in out:
            if d.date_mention is None or not sent.start <= d.date_mention.start < sent.end:
                # "منذ بدء الحرب": until publication, never the day of an incident told before
                d.date_mention, d.interval = None, DateInterval(None, doc.published, 3)
        return out
    _mourned_toll(doc, sent, drafts, qs, lex)
    qs = [q for q in qs if q.total]
    last = drafts[-1]
    if not qs or last.kind != "event" or last.sentence.index < sent.index - 2:
        return []
    # "وبلغت حصيلة القتلى خلال الشهر الجاري 60": a toll over a span of its own, not an update
    for dm in index["dates"].inside(sent.start, sent.end):
        iv = resolve_date(dm, doc.published)
        if dm.kind in ("since", "calendar", "vague_recent", "month", "year") or iv.precision > 1:
            return []
    for q in qs:
        what = _count_what(doc, q, lex)
        if what == "killed" and (last.fatalities is None or last.fatalities.best is None or q.best >= last.fatalities.best):
            last.fatalities = q
        elif what == "injured":
            last.counts.append(("injured", q))
    return []


# "ونعت وزارة الدفاع ثلاثة من عناصرها ارتقوا خلال التصدي للهجوم" (normalised)
_MOURN_VERBS = frozenset({"نعت", "نعي", "نعوا", "تنعي", "ينعي"})
_FIGHT_TOLD = frozenset({"الهجوم", "المعارك", "المعركه", "الاشتباكات", "الاشتباك", "المواجهات", "التصدي",
                         "الاعتداء", "الكمين"})


def _mourned_toll(doc: Doc, sent: Sentence, drafts: list[Draft], qs: list[Quantity], lex: TriggerLexicon) -> None:
    """A force mourning its men killed in the fight just told ("خلال التصدي للهجوم", "في
    المعارك") gives that fight's toll when it had none: the obituary names the event's dead."""
    # the fight told last (a reply may be told after it: "وردت الوحدات بقصف …")
    last = next((d for d in reversed(drafts) if d.sentence.index < sent.index - 2
                 or d.kind == "event" and lex.types[d.type].merge_group == "clash"), None)
    if last is None or last.kind != "event" or last.sentence.index < sent.index - 2 or last.fatalities is not None \
            or lex.types[last.type].merge_group != "clash":
        return
    words = [t.text.lstrip("وف") for t in doc.tokens_between(sent.start, sent.end)]
    if not any(w in _MOURN_VERBS for w in words):
        return
    if not any(w in _FIGHT_TOLD or w[:1] in "لب" and w[1:] in _FIGHT_TOLD or w.startswith("لل") and "ال" + w[2:] in _FIGHT_TOLD
               for w in words):
        return
    people = [q for q in qs if q.noun is not None and q.best and not q.total]
    if len(people) == 1:
        last.fatalities = people[0]


_STATUS_KINDS = frozenset({"arrested", "abducted", "displaced", "missing"})


def _after_lethal_word(doc: Doc, drafts: list[Draft], q: Quantity) -> bool:
    """A number right after a word that kills: its noun names the victims, whatever their
    status (detainees, abductees, the displaced)."""
    # the active subject may stand between ("أعدمت قوات النظام ثلاثة معتقلين")
    return any(t.entry.counts == "killed" and t.end <= q.start and doc.token_distance(t.start, t.end, q.start, q.end) <= 3
               and doc.clause_at(t.start) is doc.clause_at(q.start)
               for d in drafts for t in [d.trigger, *d.outcomes])


SUMMARY_SPAN_DAYS = 31


def _summary_span(doc: Doc, d: Draft, sent: Sentence) -> bool:
    own = d.date_mention is not None and sent.start <= d.date_mention.start < sent.end
    iv = d.interval
    return own and iv is not None and iv.start is not None and iv.end is not None \
        and (iv.end - iv.start).days > SUMMARY_SPAN_DAYS


def _share_tolls(drafts: list[Draft]) -> None:
    """A strike on "غزة ورفح" is one event per place, but its toll was told once: it stays
    on the first place rather than being counted again for each."""
    seen: set[int] = set()
    for d in drafts:
        if d.fatalities is not None:
            if id(d.fatalities) in seen:
                d.fatalities = None
            else:
                seen.add(id(d.fatalities))
        kept = []
        for what, q in d.counts:
            if id(q) not in seen:
                kept.append((what, q))
                seen.add(id(q))
        d.counts = kept


def _victim_phrase(doc: Doc, t: Trigger, quantities: list[Quantity], lex: TriggerLexicon,
                   subject_end: int | None = None) -> Quantity | None:
    """The victims right after an outcome word, summed over a coordinated list:
    "استشهد شاب" → 1, "قتلت امرأة وطفلان" → 3, "مقتل 3 مدنيين وطفل" → 4."""
    by_start = {q.start: q for q in quantities}
    # "قتل مسلحون مجهولون رجلا": the victims come after the active verb's subject, and
    # after a time set off by commas ("اغتال مسلحون، مساء أمس، عنصرا")
    if subject_end is not None and (aside := _TIME_ASIDE.match(doc.norm, subject_end)) is not None:
        subject_end = aside.end()
    i = doc.token_index(subject_end if subject_end is not None else t.word_end)
    anchor = (t.start, subject_end) if subject_end is not None else (t.start, t.end)
    total, start, end, parts = 0, None, None, 0
    single: Quantity | None = None
    aside = 0
    while i < len(doc.tokens):
        tok = doc.tokens[i]
        if end is not None and doc.norm[end:tok.start].strip():
            break                                   # punctuation ends the list
        if start is None and t.entry.agent_follows and tok.text in time_words():
            aside += 1                              # "اغتال مسلحون، صباح اليوم، إماما": a time aside
            i += 1
            continue
        # right after the outcome word, or after its agent for active verbs ("اغتال
        # مجهولون قياديا")
        if start is None and doc.token_distance(*anchor, tok.start, tok.end) - aside > (2 if t.entry.agent_follows else 0):
            break
        first = parts == 0
        if not first and tok.text[:1] != "و":
            break                                   # only a coordinated list adds up
        if first and start is None and tok.text[:1] == "و" and tok.start in by_start:
            break                                   # "قتيل و3 جرحى": the next count, not the victims
        if single is not None and single.among:
            break                                   # "3 مدنيين بينهم امرأة وطفلها": still the breakdown
        bare = tok.text[1:] if not first else tok.text
        q = by_start.get(tok.start) or by_start.get(tok.start + (len(tok.text) - len(bare)))
        if q is not None and q.best is not None and not q.vague and q.what is None:
            single = q if parts == 0 else None
            total += q.best
            end = max(q.end, q.noun_end or 0)       # "300 مدني": the noun belongs to the number
            i = max(i + 1, doc.token_index(end))   # always move on, even inside a token
        elif bare in lex.implicit_counts or (bare.startswith("ال") and bare[2:] in lex.implicit_counts):
            # "استشهد الشاب …", "قتل القيادي …": a definite victim is one too
            total += lex.implicit_counts.get(bare) or lex.implicit_counts[bare[2:]]
            end = tok.end
            i += 1
        elif (q2 := _definite_count(doc, i, by_start)) is not None:
            # "وأطفالها الثلاثة", "المدنيين الخمسة": a noun and its definite number
            total += q2.best
            end = q2.end
            i = max(i + 2, doc.token_index(end))
        elif start is None and t.entry.agent_follows:
            i += 1              # the agent's words
            continue
        else:
            break
        start = tok.start if start is None else start
        parts += 1
        # skip an adjective or apposition of the noun ("مدنيين آخرين", "جنديين اثنين")
        while i < len(doc.tokens) and not doc.norm[end:doc.tokens[i].start].strip():
            nxt = doc.tokens[i].text
            if nxt in ("اخرين", "اخرون", "اخران", "اخر", "اخري", "اخريات") or (
                    doc.tokens[i].start in by_start and by_start[doc.tokens[i].start].best == total):
                end = max(end, by_start[doc.tokens[i].start].end if doc.tokens[i].start in by_start else doc.tokens[i].end)
                i = max(i + 1, doc.token_index(end))
                continue
            break
    if not parts:
        return None
    if parts == 1 and single is not None:
        return single                               # keep its qualifier ("أكثر من 120")
    return Quantity(start, end, total, total, total, False, None, None, None, None)


_TIME_ASIDE = re.compile(r"\s*،\s*(?:(?:يوم|مساء|صباح|فجر|ظهر|عصر|ليله|ليل)\s+)?"
                         r"(?:اليوم|امس|الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)(?:\s+\S+)?\s*،\s*")


# "سقط قتيل وثلاثة جرحى", "قتيل وجريحان": a singular count noun as the outcome word is one victim
_SINGULAR_TOLLS = frozenset({"قتيل", "قتيلا", "شهيد", "شهيدا", "جريح", "جريحا", "مصاب", "مصابا"})


def _singular_toll(doc: Doc, t: Trigger, quantities: list[Quantity]) -> Quantity | None:
    if doc.norm[t.start:t.end] not in _SINGULAR_TOLLS:
        return None
    # not a noun after its number ("20 بين قتيل وجريح", "15 قتيلا") nor inside a count
    lo = doc.tokens[max(0, doc.token_index(t.word_start) - 3)].start
    if any(q.start < t.word_end and lo < q.end for q in quantities):
        return None
    return Quantity(t.start, t.end, 1, 1, 1, False, None, None, None, None)


# outcome words that are verbal nouns, not passive verbs (normalised)
_OUTCOME_NOUNS = frozenset({"مقتل", "مصرع", "استشهاد", "اصابه", "وفاه", "اغتيال"})
_THAT = frozenset({"ان", "بان", "لان"})


def _victim_before(doc: Doc, t: Trigger, quantities: list[Quantity], lex: TriggerLexicon) -> Quantity | None:
    """A singular victim as the subject before its passive verb, with nothing after the
    verb to count: "أن امرأة قتلت برصاص قناص", "إن الشاب قتل في القصف" → 1."""
    i = doc.token_index(t.word_start)
    if i == 0 or doc.norm[doc.tokens[i - 1].end:t.word_start].strip():
        return None
    if doc.norm[t.word_start:t.end].lstrip("وف") in _OUTCOME_NOUNS:
        return None       # "أعلن الجيش الليبي مقتل …": a verbal noun has no subject before it
    word = doc.tokens[i - 1].text
    # the subject opening a clause or after "أن/إن": not a nisba ending a name ("أعلن
    # الجيش السوداني مقتل عشرات" counts no Sudanese)
    lead = doc.tokens[i - 2] if i > 1 else None
    if lead is not None and lead.text.lstrip("وف") not in _THAT and (clause := doc.clause_at(doc.tokens[i - 1].start)) \
            is not None and clause.start < lead.start:
        return None
    n = lex.implicit_counts.get(word) or (lex.implicit_counts.get(word[2:]) if word.startswith("ال") else None)
    if n is None or any(q.start < doc.tokens[i - 1].end and doc.tokens[max(0, i - 4)].start < q.end for q in quantities):
        return None       # not the noun of a number before it ("ثلاثة مدنيين قتلوا")
    return Quantity(doc.tokens[i - 1].start, doc.tokens[i - 1].end, n, n, n, False, None, None, None, None)


def _definite_count(doc: Doc, i: int, by_start: dict[int, Quantity]) -> Quantity | None:
    """The exact number right after token ``i`` when it has the article ("الثلاثة")."""
    if i + 1 >= len(doc.tokens):
        return None
    nxt = doc.tokens[i + 1]
    q = by_start.get(nxt.start)
    if q is None or q.noun is not None or q.vague or q.best is None or q.what is not None \
            or not nxt.text.startswith("ال") or doc.norm[doc.tokens[i].end:nxt.start].strip():
        return None
    return q


def _implicit_counts(doc: Doc, drafts: list[Draft], quantities: list[Quantity], lex: TriggerLexicon) -> None:
    """Victims named after an outcome word, with or without numbers (see _victim_phrase)."""
    for d in drafts:
        for t in [d.trigger, *d.outcomes]:
            if t.entry.counts not in ("killed", "injured") or t.role != "outcome" or _paired_outcome(doc, drafts, t, quantities, lex):
                continue
            a1 = d.actor1
            active = a1 is not None and not d.actor1_inherited and a1.start >= t.end \
                and doc.token_distance(t.start, t.end, a1.start, a1.end) == 0
            q = _victim_phrase(doc, t, quantities, lex, a1.end if active else None)
            if q is None:
                q = _singular_toll(doc, t, quantities)
            if q is None:
                q = _victim_before(doc, t, quantities, lex)
            if q is None:
                continue
            if t.entry.counts == "killed":
                if d.fatalities is None or (q.start <= d.fatalities.start and d.fatalities.end <= q.end) \
                        or d.fatalities.vague or (d.fatalities.best == 0 and d.fatalities.what is not None):
                    d.fatalities = q
            else:
                old = [c for c in d.counts if c[0] == "injured"]
                if not old or all(q.start <= c[1].start and c[1].end <= q.end or c[1].vague for c in old):
                    d.counts = [c for c in d.counts if c[0] != "injured"] + [("injured", q)]


# Aircraft and guns whose nationality adjective names the force that struck (not "قوات",
# which may be a supporter: "بدعم من القوات الأمريكية")
_WEAPON_NOUNS = frozenset({"طائره", "طائرات", "مسيره", "مسيرات", "مقاتله", "مقاتلات", "طيران", "مروحيه",
                           "مروحيات", "مدفعيه", "بارجه", "بوارج", "زوارق", "صاروخ", "صواريخ"})
_FORMER = frozenset({"سابق", "سابقا", "السابق", "سابقين", "السابقين", "سابقون", "سابقه"})
_SHOOTER_MARKERS = frozenset({"برصاص", "رصاص", "بنيران", "نيران", "يد", "بيد"})


def _former_of(doc: Doc, a: ActorMention) -> bool:
    k = doc.token_index(a.start)
    return k > 1 and doc.tokens[k - 1].text in ("في", "ب", "لدي", "ضمن") and doc.tokens[k - 2].text in _FORMER


def _armed_victims(doc: Doc, d: Draft, lex: TriggerLexicon) -> bool:
    """The attack's victims are fighters: a targeted armed actor, or fighter nouns right
    after the count or the outcome word ("مقتل 5 جنود", "قتل مجندين")."""
    if d.actor2 is not None and d.actor2.actor.inter in (1, 2, 3, 4, 8):
        return True
    spans = [(q.start, q.end) for q in [d.fatalities, *(q for _, q in d.counts)] if q is not None]
    spans += [(t.start, t.end) for t in d.outcomes if t.entry.counts in ("killed", "injured")]
    if d.trigger.role == "outcome":
        spans.append((d.trigger.start, d.trigger.end))
    agent = d.actor1
    for s, e in spans:
        for m in lex.combatants.find(doc.norm, s, min(len(doc.norm), e + 30)):
            if agent is not None and agent.start <= m.start < agent.end:
                continue      # "قتل مسلحون مجهولون رجلا": the gunmen killed, they were not killed
            k = doc.token_index(m.start)
            if k > 0 and doc.tokens[k - 1].text in _SHOOTER_MARKERS:
                continue      # "قتل مواطن برصاص عناصر من داعش": the fighters shot, they were not shot
            nk = doc.token_index(m.end)
            if nk < len(doc.tokens) and doc.tokens[nk].text in _FORMER:
                continue      # "اغتال مجهولون عنصرا سابقا في الفصائل": a former fighter is a civilian
            if doc.token_distance(s, e, m.start, m.end) <= 1:
                return True
    return False


def _reaction_only(d: Draft) -> bool:
    return d.date_mention is None or d.date_mention.start < d.trigger.start


def _condemned(doc: Doc, d: Draft, m: Mentions) -> bool:
    clause = doc.clause_at(d.trigger.start)
    lo = clause.start if clause is not None else d.sentence.start
    return bool(m.cues.cues_in(lo, d.trigger.start, {"condemnation"}))


def _refers_back(doc: Doc, d: Draft, sent: Sentence, others: list[Draft] = ()) -> bool:
    """A definite trigger ("الهجوم", "القصف") with nothing of its own — no place named in
    its sentence, no count, no date — speaks of an event the article already told.
    ``others``: the sentence's typed violent acts, whose places are not the trigger's."""
    prefix = doc.norm[d.trigger.word_start:d.trigger.start]
    if "ال" not in prefix and not doc.norm[d.trigger.start:d.trigger.end].startswith("ال"):
        return False
    clause = doc.clause_at(d.trigger.start)
    own_place = (d.place is not None and not d.place_inherited and d.place.kind != "anaphor"
                 and clause is not None and clause.start <= d.place.start < clause.end)
    own_date = d.date_mention is not None and sent.start <= d.date_mention.start < sent.end
    if d.trigger.entry.type == "attack" and d.trigger.role == "event" or (own_place and sub_site(d.place)):
        # "الهجوم على سوق المدينة", "القذائف سقطت على حي أبو شوك": the definite noun names
        # the act already told, even with a place of its own when that is a generic attack
        # or a site inside a town (merge still checks that the places agree)
        own_place = False
    if own_place and any(o.type != d.type and d.trigger.end <= o.trigger.start < d.place.start
                         and o.place is not None and o.place.start == d.place.start for o in others):
        # "وترافقت الاشتباكات مع قصف مدفعي طال قرية X": the place is the nearer act's, and
        # the definite noun is left to refer back with none of its own
        own_place, d.place = False, None
    k = doc.token_index(d.trigger.end)
    if own_place and k < len(doc.tokens) and doc.tokens[k].text in _REACH_VERBS:
        # "إن القصف طال محيط قرية كاني ماسي": the strike told, now placed more precisely
        # (merge still checks that the places are near); "دون وقوع إصابات" adds no toll
        d.narrows = True
        return not own_date and (d.fatalities is None or d.fatalities.best == 0) and not d.counts
    return not own_place and not own_date and d.fatalities is None and not d.counts


# "طاردت الوحدات المهاجمين وتمكنت من تحييد أحدهم", "خلال ملاحقتهم": the chase of the
# attackers just told (normalised stems)
# (not the adverb "لاحقا", later; an arrest made in a pursuit is an event of its own)
_PURSUIT = ("طارد", "مطارد", "لاحقت", "لاحقوا", "ملاحق", "تعقب")


def _pursuit(doc: Doc, d: Draft, sent: Sentence, attrs: list[Attribution]) -> bool:
    """Is the act told within the pursuit of the attackers of an event told before, with no
    place of its own (the speaker's office "مدير الأمن في اللاذقية" is none)? "وتمكنت من
    تحييد أحدهم خلال ملاحقتهم" goes on with that event."""
    if d.kind != "event" or d.type not in ("attack", "armed_clash") \
            or d.place is not None and not d.place_inherited and not any(
            a.start <= d.place.start < a.end for a in attrs):
        return False
    lo = doc.token_index(d.trigger.start)
    for t in doc.tokens[max(0, lo - 8):lo + 6]:
        if not sent.start <= t.start < sent.end:
            continue
        w = t.text.lstrip("وفب")
        w = w[2:] if w.startswith("ال") else w
        if w.startswith(_PURSUIT):
            if d.place is not None and not d.place_inherited:
                d.place = None        # the speaker's office: the chase is where the event was
            return True
    return False


# "إن المعارك أسفرت عن مقتل 11": a result verb right after a definite battle noun
_RESULT_VERBS = frozenset({"اسفرت", "اسفر", "خلفت", "خلف", "ادت", "ادي", "اوقعت", "اوقع"})


def _toll_of_told(doc: Doc, d: Draft, sent: Sentence) -> bool:
    """"وقال الناشطون إن المعارك أسفرت عن مقتل 11 عنصرا …، واغتنم الثوار دبابتين من حاجز
    الصوامع": the definite battles whose result is told are the battle told before; the toll
    is theirs, and a place named in a later clause (where the spoils came from) is not
    theirs. Only with no place or date in the trigger's own clause."""
    if d.kind != "event" or d.type != "armed_clash":
        return False
    word = doc.norm[d.trigger.word_start:d.trigger.end]
    if not word.lstrip("وف").startswith("ال"):
        return False
    k = doc.token_index(d.trigger.end)
    if k >= len(doc.tokens) or doc.tokens[k].text not in _RESULT_VERBS:
        return False
    clause = doc.clause_at(d.trigger.start)
    if clause is None:
        return False
    if d.date_mention is not None and clause.start <= d.date_mention.start < clause.end:
        return False
    if d.place is not None and not d.place_inherited:
        if clause.start <= d.place.start < clause.end:
            return False
        d.place = None
    return True


_REACH_VERBS = frozenset({"طال", "طالت", "تركز", "تركزت", "امتد", "امتدت", "شمل", "شملت"})
# "ردت الفصائل باستهداف …": a reply told after the act it answers (normalised)
_REPLY_VERBS = frozenset({"رد", "ردت", "ردوا", "ترد", "يرد", "ردا"})


def _bare_reply(doc: Doc, d: Draft, sent: Sentence) -> bool:
    """"وردت الفصائل باستهداف مواقع قوات النظام": after an event, a reply told with no
    place, date or toll of its own is the exchange already told, not a new incident."""
    if d.trigger.role != "event" or not doc.norm[d.trigger.word_start:d.trigger.start + 1].startswith("ب"):
        return False
    clause = doc.clause_at(d.trigger.start)
    lo = clause.start if clause is not None else sent.start
    if not any(tok.text.lstrip("وف") in _REPLY_VERBS for tok in doc.tokens_between(lo, d.trigger.word_start)):
        return False
    own_place = d.place is not None and not d.place_inherited and sent.start <= d.place.start < sent.end
    own_date = d.date_mention is not None and sent.start <= d.date_mention.start < sent.end
    return not own_place and not own_date and d.fatalities is None and not d.counts


def _no_toll_only(d: Draft) -> bool:
    """"ولم تسفر الاعتداءات عن إصابات": after an event, a sentence whose only word of the act
    is a toll of none speaks of that event; it adds its zero to it, never one of its own
    (a report's header "القتلى: لا يوجد" before any event still opens the event)."""
    return d.trigger.role == "outcome" and d.fatalities is not None and d.fatalities.best == 0 \
        and not any(q.best for _, q in d.counts)


_OTHERS = frozenset({"اخرون", "اخرين", "اخران", "اخرين", "اخري", "اخريات", "اخر"})


def _paired_outcome(doc: Doc, drafts: list[Draft], t: Trigger, quantities: list[Quantity],
                    lex: TriggerLexicon | None = None) -> bool:
    """A killing word and a wounding word side by side that share the number after them
    ("قتل وجرح 20", "مقتل وإصابة 20"); not "5 جنود قتلوا وأصيب 9", where the first word
    already has its own number before it in the clause, nor "إن مدنيا قتل وأصيب ثلاثة
    آخرون" (a victim before the first word; "others" after the number)."""
    other = {"killed": "injured", "injured": "killed"}.get(t.entry.counts or "")
    if other is None or t.role != "outcome":
        return False
    for d in drafts:
        for u in [d.trigger, *d.outcomes]:
            if u is t or u.role != "outcome" or u.entry.counts != other \
                    or doc.token_distance(u.word_start, u.word_end, t.word_start, t.word_end) != 0:
                continue
            first = u if u.start < t.start else t
            clause = doc.clause_at(first.start)
            lo = clause.start if clause is not None else first.start
            # "قتيل وجريحان": a word that is a count itself (a dual) shares nothing
            if any(q.start < w.word_end and w.word_start < q.end for q in quantities for w in (u, t)):
                continue
            if lex is not None and _victim_before(doc, first, quantities, lex) is not None:
                continue
            second = t if first is u else u
            after = [q for q in quantities if q.start >= second.end and doc.token_distance(second.start, second.end, q.start, q.end) == 0]
            if after:
                k = doc.token_index(after[0].noun_end or after[0].end)
                if k < len(doc.tokens) and doc.tokens[k].text in _OTHERS:
                    continue
            if not any(lo <= q.start and q.end <= first.start for q in quantities):
                return True
    return False


def _separate_victims(old: Quantity, new: Quantity, old_t: Trigger | None, new_t: Trigger | None) -> bool:
    """Two exact tolls in one sentence, each told by its own killing word right next to it
    ("قتل … فيما قتل 3"), count different victims; one word with two numbers restates or
    revises one toll, and a number that only follows a toll noun ("ارتفعت حصيلة القتلى
    إلى 7") is a running total (the caller requires the word to be adjacent)."""
    if old_t is None or new_t is None or old_t is new_t or new_t.role != "outcome" or old.total or new.total:
        return False
    if old.vague or new.vague or not old.best or not new.best or old.low is None or new.low is None:
        return False
    return not (old.start <= new.start and new.end <= old.end)


def _specific(new: Quantity, old: Quantity) -> bool:
    """True when ``new`` should replace ``old``: exact beats vague, and any stated
    figure beats a "no casualties" zero (which then speaks of further victims), and a
    running total ("ارتفعت الحصيلة إلى 7") replaces the figure it updates."""
    if old.best == 0 and old.what is not None:
        return new.best != 0
    if new.total != old.total and not new.vague:
        return new.total
    return old.vague and not new.vague


# --------------------------------------------------------------------------- aggregates

def _own_incident(doc: Doc, t: Trigger, dates: list[DateMention], places: list[PlaceMention]) -> bool:
    """Beside a cumulative clause, is ``t`` an incident of its own: an act, or a toll with a
    date or a place in its clause ("استشهد 12 … الليلة الماضية، فيما ارتفعت الحصيلة منذ بدء
    الحرب")? A bare toll after a feud's years ("بعد نزاع دام أكثر من عامين، أودى بحياة
    العشرات") is the feud's (the caller also keeps a toll told before the cumulative clause)."""
    if t.role == "event":
        return True
    clause = doc.clause_at(t.start)
    if clause is None:
        return True
    return any(clause.start <= x.start < clause.end for x in [*dates, *places])




def _aggregate_cues(doc: Doc, sent: Sentence, m: Mentions) -> list:
    """The sentence's aggregate cues, less a habit told of a place in a relative clause
    ("قصف مدفعي طال بلدة كفرنبل التي تتعرض للقصف بشكل يومي"): the toll is the shelling's."""
    out = []
    for c in m.cues.cues_in(sent.start, sent.end, {"aggregate"}):
        if m.cues.cues_in(c.start, c.end, {"habit"}):
            i = doc.token_index(c.start)
            if any(t.text in RELATIVE_PRONOUNS for t in doc.tokens[max(0, i - 6):i]):
                continue
        out.append(c)
    return out


def _cumulative_clauses(doc: Doc, sent: Sentence, dates: list[DateMention], m: Mentions) -> list:
    """The clauses of a sentence that hold an aggregate cue or a long since-interval."""
    spots = [c.start for c in _aggregate_cues(doc, sent, m)]
    for dm in dates:
        iv = resolve_date(dm, doc.published)
        if dm.kind == "since" and iv.start is not None and iv.end is not None \
                and (iv.end - iv.start).days >= AGGREGATE_MIN_DAYS:
            spots.append(dm.start)
    return [c for c in sent.clauses if any(c.start <= x < c.end for x in spots)]


def _is_aggregate(doc: Doc, sent: Sentence, quantities: list[Quantity], dates: list[DateMention], m: Mentions) -> bool:
    if not quantities:
        return False
    if _aggregate_cues(doc, sent, m):
        return True
    for dm in dates:
        iv = resolve_date(dm, doc.published)
        if iv.start is not None and iv.end is not None and (iv.end - iv.start).days >= AGGREGATE_MIN_DAYS and dm.kind == "since":
            return True
    return False
