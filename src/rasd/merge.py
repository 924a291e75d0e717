"""Merging drafts into records: one event per place × date × actor pair × type.

Owns: deciding which drafts of one article describe the same event (the lead and a later
quote, a headline restating the body, a region-level mention and its village), combining
their arguments (most specific place, exact counts over vague ones, intersected dates),
the final type refinements that need all arguments, and building `Record`s with their
evidence and generated English notes.
"""
from __future__ import annotations

import functools
from datetime import date

from .actors import (Actor, ActorMention, air_default_ended, allied, civilians, localize, protesters, rioters,
                     unattributed_air_actor)
from .assemble import Draft, sub_site
from .dates import DateInterval
from .doc import Doc, Evidence
from .normalize import normalize_key
from .numbers import Quantity
from .record import Record, Source
from .triggers import TriggerLexicon

_ARMED_INTERS = {1, 2, 3, 4, 8}


# --------------------------------------------------------------------------- compatibility

def _place_key(d: Draft) -> tuple:
    p = d.place
    if p is None:
        return ("none",)
    if p.place is not None:
        return ("id", p.place.id)
    return ("mention", p.mention)


_NARROWING_KM = 25.0


def _near(a, b) -> bool:
    """Two located mentions within a district's reach of each other."""
    if a is None or b is None or a.place is None or b.place is None:
        return False
    km = a.place.distance_km(b.place)
    return km is not None and km <= _NARROWING_KM


def _places_compatible(a: Draft, b: Draft) -> bool:
    pa, pb = a.place, b.place
    if pa is None or pb is None:
        return pa is None and pb is None
    if _place_key(a) == _place_key(b):
        return True
    # a neighbourhood or site and the town the same sentence names with it ("في حي المطرية
    # بالقاهرة … واعتقلت 15 منهم")
    if a.sentence is b.sentence and pa.admin1 is not None and pa.admin1 == pb.admin1:
        if sub_site(pa) and pb.geo_precision == 1 or sub_site(pb) and pa.geo_precision == 1:
            return True
    # a site the gazetteer lacks, named after its town ("سوق الأتارب", "مشفى كفرنبل"), and
    # the town itself
    for site, town in ((pa, pb), (pb, pa)):
        if site.place is None and town.place is not None and site.kind == "unlisted":
            words = _key(site.mention).split()
            if len(words) > 1 and _key(town.mention).split()[-1:] == words[-1:]:
                return True
    # a region-level mention and a place inside that region
    region, other = (pa, pb) if pa.geo_precision >= 3 else (pb, pa) if pb.geo_precision >= 3 else (None, None)
    if region is not None and other is not None and region.admin1 and region.admin1 == other.admin1:
        return True
    # the whole country ("… بمصر", a title's "in Egypt") and a place in it: one event
    if region is not None and other is not None and region.admin1 is None and region.country \
            and region.country == other.country:
        return True
    return False


@functools.lru_cache(maxsize=4096)
def _key(text: str) -> str:
    k = normalize_key(text)
    return " ".join(w[2:] if w.startswith("ال") and len(w) > 3 else w for w in k.split())


def _same_actor(x: str, y: str) -> bool:
    """"القوات الحكومية" left generic ("Military Forces") is the country's forces named
    elsewhere in the article ("Military Forces of Somalia")."""
    return x == y or x.startswith(y + " of ") or y.startswith(x + " of ")


def _leaves_no_side(lead: Draft, other: Draft) -> bool:
    """Does ``lead`` name both its sides, neither of the kind of ``other``'s unidentified
    actor? ("اشتبكت قوات الدعم السريع مع الجيش" and then "هاجم مسلحون مجهولون سوقا": the
    gunmen are neither; "المجموعات الإرهابية" after "هجوما لإرهابيي جبهة النصرة" are the
    rebels the lead named.)"""
    if lead.actor2 is None or other.actor1 is None or not other.actor1.actor.name.startswith("Unidentified "):
        return False
    sides = (lead.actor1.actor, lead.actor2.actor)
    if any(s.name.startswith("Unidentified ") for s in sides):
        return False
    return other.actor1.actor.inter not in {s.inter for s in sides}


def _actors_compatible(a: Draft, b: Draft, symmetric: bool = False) -> bool:
    if a.actor1 is None or b.actor1 is None:
        return True
    if _same_actor(a.actor1.actor.name, b.actor1.actor.name):
        return True
    x, y = a.actor1.actor, b.actor1.actor
    if x.inter == y.inter == 1 and (x.country is None or y.country is None or x.country == y.country):
        # a state's army and its police (or the bare "Police Forces" not yet placed) are
        # one side: "ضربات نفذتها القوات الجوية السورية" and the same strikes near a "مخفر"
        return True
    if symmetric:
        # a clash told from each side ("X تصدت لـ Y" / "Y حاولت التسلل") is one clash
        names_a = {x.actor.name for x in (a.actor1, a.actor2) if x is not None}
        names_b = {x.actor.name for x in (b.actor1, b.actor2) if x is not None}
        if a.actor2 is None and b.actor2 is None and allied(a.actor1.actor, b.actor1.actor):
            return True       # allies fighting side by side: the same side of one clash
        if any(x.actor.name.startswith("Unidentified ") for x in (a.actor1, b.actor1)) \
                and (a.actor2 is None or b.actor2 is None) and a.sentence is not b.sentence \
                and not any(_leaves_no_side(x, y) for x, y in ((a, b), (b, a))):
            # "العناصر … بادرت بإطلاق النيران، فتم التعامل معها" after "القضاء على سبعة من
            # العناصر التكفيرية": the gunmen left unnamed in the retelling are the side the
            # lead named, not a second clash at the same place and day. A retelling is a
            # later sentence, and a lead that names both sides, neither of the gunmen's kind,
            # leaves them no side to be: "اشتبكت قوات الدعم السريع مع الجيش … وهاجم مسلحون
            # مجهولون سوقا في المدينة" tells two acts
            return True
        return any(_same_actor(b.actor1.actor.name, n) for n in names_a) \
            or any(_same_actor(a.actor1.actor.name, n) for n in names_b) or (
            a.actor2 is None and b.actor2 is None and not allied(a.actor1.actor, b.actor1.actor))
    return False


def _dates_compatible(a: DateInterval | None, b: DateInterval | None) -> bool:
    if a is None or b is None:
        return True
    lo = max((x for x in (a.start, b.start) if x is not None), default=None)
    hi = min((x for x in (a.end, b.end) if x is not None), default=None)
    return lo is None or hi is None or lo <= hi


# Actors whose violence is an attack, never a riot: forces, rebels, militias, settlers.
_ARMED_ACTS = frozenset({1, 2, 3, 4, 8})

# A generic attack ("هجوم", "استهداف") at the place and time of a specific violent event
# is that event told in other words.
_VIOLENT_GROUPS = frozenset({"vac_attack", "remote", "explosive", "chemical", "clash"})


def _groups(d: Draft, lex: TriggerLexicon) -> set[str]:
    group = lex.types[d.type].merge_group
    if d.type == "attack":
        # an attack on fighters may be a clash, or the strike told in other words
        # ("قصف إسرائيلي استهدف موقعا للجيش"); never violence against civilians told apart
        groups = set(_VIOLENT_GROUPS)
        if d.trigger.role == "outcome" and d.trigger.entry.counts == "injured":
            # "وأصيب عدد منهم بحالات اختناق" after tear gas on a march: the protesters hurt
            # are the intervention's, not a separate attack
            groups.add("protest")
        return groups
    if group == "arrest":
        if d.actor1 is not None and d.actor1.actor.inter in (2, 3, 4):
            # "اقتحمت عناصر الدعم السريع المدينة … ونهبت المنازل واحتجزت عددا من الشبان":
            # the men an armed group held while storming a town are part of its attack
            return {group, "protest", "vac_attack", "weapons"}
        # arrests at a protest are its intervention (ACLED); the arms found on the men
        # taken are part of the arrest
        return {group, "protest", "weapons"}
    if group == "weapons":
        # "القبض على خلية … وضبطت بحوزتهم أسلحة": the arms seized with the men are the
        # arrest's, not a seizure of their own (ACLED codes the arrest)
        return {group, "arrest"}
    if d.type == "looting":
        # "قتلوا ... وأحرقوا المنازل ونهبوا": the burning and looting of an attack or a mob's
        # raid at its place and time are part of it
        return {group, "vac_attack", "riot"}
    if d.type == "riot":
        if d.actor1 is not None and d.actor1.actor.inter in _ARMED_ACTS:
            # "أضرم مستوطنون النار في مركبتين": an armed group's arson or stoning is its attack
            return {group, "vac_attack"}
        return {group, "protest"}     # a protest whose crowd turned violent is one riot (ACLED)
    return {group}


def _same_event(a: Draft, b: Draft, lex: TriggerLexicon) -> bool:
    shared = _groups(a, lex) & _groups(b, lex)
    if {a.type, b.type} == {"arrest", "weapons_seized"} and \
            (a if a.type == "weapons_seized" else b).trigger.start < (a if a.type == "arrest" else b).trigger.start:
        return False    # a shipment seized, then its smugglers held: the seizure is the news
    # an earlier event recalled as background ("وكان … قد", "هجوم مماثل") is not the news
    return (bool(shared) and a.recalled == b.recalled and _places_compatible(a, b)
            and _actors_compatible(a, b, symmetric=bool(shared & {"clash", "protest"}))
            and _dates_compatible(a.interval, b.interval))


# --------------------------------------------------------------------------- grouping

def _place_sig(p) -> tuple | None:
    """Everything `_places_compatible` reads of one side's place (the sentence aside)."""
    if p is None:
        return None
    return (p.place.id if p.place is not None else None, p.place is None, p.mention, p.kind, p.geo_precision,
            p.admin1, getattr(p.place, "placetype", None))


def _member_sig(x: Draft) -> tuple:
    """Everything `_same_event(x, d)` reads of ``x`` but its sentence: members with one
    signature agree or disagree with a new draft alike (see `_Group.accepts`)."""
    iv = x.interval
    return (x.type, x.armed_victims, _place_sig(x.place),
            x.actor1.actor.name if x.actor1 is not None else None,
            x.actor2.actor.name if x.actor2 is not None else None,
            (iv.start, iv.end) if iv is not None else None)


class _Group:
    """A group of drafts being built, with what the grouping tests need of it."""

    __slots__ = ("drafts", "index", "families", "by_sig")

    def __init__(self, d: Draft, index: int, lex: TriggerLexicon):
        self.drafts, self.index, self.families = [d], index, frozenset(_groups(d, lex))
        self.by_sig: dict[tuple, list[Draft]] = {}     # signature -> [first, last] member
        self._note(d)

    def add(self, d: Draft) -> None:
        self.drafts.append(d)
        self._note(d)

    def _note(self, d: Draft) -> None:
        if d.anaphoric:
            return            # never tested against newcomers
        pair = self.by_sig.get(_member_sig(d))
        if pair is None:
            self.by_sig[_member_sig(d)] = [d, d]
        else:
            pair[1] = d

    def accepts(self, d: Draft, lex: TriggerLexicon) -> bool:
        """``_same_event(x, d)`` for every non-anaphoric member ``x``. Members of one
        signature differ only in their sentence, which matters only when it is ``d``'s;
        members come in text order, so those in ``d``'s sentence are the class's last
        ones: testing each class's first and last member decides for all of them."""
        for first, last in self.by_sig.values():
            if not _same_event(first, d, lex) or (last is not first and not _same_event(last, d, lex)):
                return False
        return True


def _last_word(mention: str) -> str | None:
    words = _key(mention).split()
    return words[-1] if words else None


class _PlaceIndex:
    """Groups by the place of their first draft, for the places `_places_compatible`
    can accept: the same place; a region and the places of its governorate; places of
    one governorate named in one sentence; a site named after its town. A superset of
    the compatible groups, so blocking by it changes no result while sparing the
    pairwise tests for the rest."""

    def __init__(self) -> None:
        self.by_key: dict[tuple, list[int]] = {}
        self.by_admin1: dict[str, list[int]] = {}
        self.regions: dict[str, list[int]] = {}   # geo_precision >= 3, by governorate
        self.by_sentence: dict[int, list[int]] = {}
        self.sites: dict[str, list[int]] = {}     # unlisted multiword site → last word
        self.towns: dict[str, list[int]] = {}     # gazetteer place → last word
        self.countries: dict[str, list[int]] = {}  # a whole country (no governorate), by ISO2
        self.by_country: dict[str, list[int]] = {}

    def add(self, d: Draft, i: int) -> None:
        self.by_key.setdefault(_place_key(d), []).append(i)
        p = d.place
        if p is None:
            return
        if p.country:
            self.by_country.setdefault(p.country, []).append(i)
            if p.admin1 is None and p.geo_precision >= 3:
                self.countries.setdefault(p.country, []).append(i)
        if p.admin1 is not None:
            self.by_admin1.setdefault(p.admin1, []).append(i)
            self.by_sentence.setdefault(id(d.sentence), []).append(i)
            if p.geo_precision >= 3:
                self.regions.setdefault(p.admin1, []).append(i)
        if p.place is not None:
            w = _last_word(p.mention)
            if w is not None:
                self.towns.setdefault(w, []).append(i)
        elif p.kind == "unlisted" and len(_key(p.mention).split()) > 1:
            self.sites.setdefault(_last_word(p.mention), []).append(i)

    def candidates(self, d: Draft) -> set[int]:
        out = set(self.by_key.get(_place_key(d), ()))
        p = d.place
        if p is None:
            return out
        if p.country:
            out.update(self.countries.get(p.country, ()))
            if p.admin1 is None and p.geo_precision >= 3:
                out.update(self.by_country.get(p.country, ()))
        if p.admin1 is not None:
            out.update(self.regions.get(p.admin1, ()))
            out.update(self.by_sentence.get(id(d.sentence), ()))
            if p.geo_precision >= 3:
                out.update(self.by_admin1.get(p.admin1, ()))
        if p.place is not None:
            w = _last_word(p.mention)
            if w is not None:
                out.update(self.sites.get(w, ()))
        elif p.kind == "unlisted" and len(_key(p.mention).split()) > 1:
            out.update(self.towns.get(_last_word(p.mention), ()))
        return out


def group_drafts(drafts: list[Draft], lex: TriggerLexicon) -> list[list[Draft]]:
    """Body drafts first, in text order; headline/subheading restatements then join the
    body event of their kind, and only stand alone when the body has none.

    Near-linear in the number of drafts: a new draft is tested only against the groups
    whose place could be compatible (`_PlaceIndex`), and against one member per kind of
    member of a group (`_Group.accepts`), with the same result as testing every pair."""
    groups: list[_Group] = []
    places = _PlaceIndex()
    body = [d for d in drafts if not d.headline]
    heads = [d for d in drafts if d.headline]
    for d in body:
        families = _groups(d, lex)
        if d.anaphoric and d.kind == "event":
            # an event of its own kind ("الانشقاق" refers to defections, not to the raid told
            # last): the latest such group; a place of its own must agree with the event it
            # refers back to; a site inside a town agrees with an event of the same governorate
            own_place = d.place is not None and not d.place_inherited
            target = None
            for g in reversed(groups):
                g0 = g.drafts[0]
                if g0.kind != "event" or not _dates_compatible(g0.interval, d.interval) or not g.families & families:
                    continue
                # "قصفت طائرات مواقع في قضاء العمادية … إن القصف طال محيط قرية كاني ماسي": a
                # restatement that narrows the place to a village nearby also refers back
                if own_place and not (any(_places_compatible(x, d) for x in g.drafts)
                                      or sub_site(d.place) and any(x.place is not None and x.place.admin1 == d.place.admin1
                                                                   and x.place.admin1 is not None for x in g.drafts)
                                      or any(_near(x.place, d.place) for x in g.drafts)):
                    continue
                target = g
                break
            if target is not None:
                target.add(d)      # adds its actor or source where the event lacked them
                continue
            if d.place is None or d.place_inherited:
                # "بعد أيام من الاشتباكات": the definite noun points at events the article
                # never tells; with nothing of its own it is background, not an incident
                continue
        if d.place is None and d.kind == "event":
            continue          # an incident with no place in its paragraph is not codable
        if d.recalled and not d.another and d.place_inherited and d.kind == "event" and not d.anaphoric \
                and not (d.date_mention is not None and d.sentence.start <= d.date_mention.start < d.sentence.end):
            # "وكان التفجيران قد أوقعا 42 قتيلا" after a verdict: background recalled with no
            # place or date of its own is not an incident of this report
            continue
        own = lex.types[d.type].merge_group
        # an event of the draft's own kind first; an attack on fighters may join a clash
        cands = [groups[i] for i in places.candidates(d)]
        cands = sorted((g for g in cands if g.drafts[0].kind == d.kind and g.families & families),
                       key=lambda g: (own not in g.families, g.index))
        for g in cands:
            if _same_event(g.drafts[0], d, lex) and g.accepts(d, lex):
                g.add(d)
                break
        else:
            places.add(d, len(groups))
            groups.append(_Group(d, len(groups), lex))
    for d in heads:
        group = _groups(d, lex)
        if any(g.families & group for g in groups if g.drafts[0].kind == d.kind):
            for g in groups:
                if g.families & group and _places_compatible(g.drafts[0], d):
                    g.add(d)
                    break
            continue
        if d.place is not None:
            groups.append(_Group(d, len(groups), lex))
    return [g.drafts for g in groups]


# --------------------------------------------------------------------------- combining

# Types that a more specific type of the same merge group replaces: "clashes" around a
# town that was taken are the takeover; a "killing" that was an execution is the execution.
_GENERIC_TYPES = ("attack", "armed_clash", "raid")


def _pick_type(group: list[Draft]) -> str:
    drafts = [d for d in group if not d.headline and not d.anaphoric] or group
    kinds = {d.type for d in drafts}
    if "riot" in kinds and kinds & {"peaceful_protest", "protest_intervention", "arrest"}:
        return "riot"
    if kinds & {"peaceful_protest", "protest_intervention"} and kinds & {"arrest", "raid"}:
        return "protest_intervention"
    if "excessive_force" in kinds:
        return "excessive_force"
    if "protest_intervention" in kinds:
        return "protest_intervention"    # a protest told, then its dispersal: one protest met intervention
    specific = [d.type for d in drafts if d.type not in _GENERIC_TYPES]
    if "looting" in specific and (len(set(specific)) > 1 or "attack" in kinds):
        specific = [t for t in specific if t != "looting"]     # the violence, not its damage
    if "arrest" in specific and ("attack" in kinds or kinds & {"attack_on_civilians", "execution"}):
        specific = [t for t in specific if t != "arrest"]      # an armed group's assault, not its captives
    if "airstrike" in specific and "shelling" in specific:
        return "airstrike"    # "قصف" is any bombardment: told elsewhere as a raid from the air, it was one
    if specific:
        return specific[0]
    if any(d.type == "armed_clash" or d.armed_victims for d in drafts):
        return "armed_clash"
    return min((d.type for d in drafts if d.type in _GENERIC_TYPES), key=_GENERIC_TYPES.index)


def _pick_quantity(qs: list[Quantity]) -> Quantity | None:
    if not qs:
        return None
    exact = [q for q in qs if not q.vague]
    pool = exact or qs
    # a running total ("ارتفعت الحصيلة إلى 7") is the latest word on the toll: the highest one
    totals = [q for q in pool if q.total and not q.vague]
    if totals:
        return max(totals, key=lambda q: q.best if q.best is not None else -1)
    # a stated figure beats a bound ("أكثر من 20" early, "69" later: the bound holds for 69)
    pool = [q for q in pool if q.approx is None] or pool
    # "no casualties reported" (0) holds only when no draft of the event states victims
    pool = [q for q in pool if q.best != 0] or pool
    # within one article a later exact figure refines an earlier vague one; among exact
    # figures keep ACLED's conservative (lowest) best
    return min(pool, key=lambda q: (q.best if q.best is not None else 10 ** 12))


# "كما قتلت امرأة …", "وقتل أيضا …", "مقتل شاب آخر": a later sentence of the event adds victims
_MORE_HEADS = frozenset({"كما", "وكما", "كذلك", "وكذلك"})
_MORE_WORDS = frozenset({"ايضا", "اخر", "اخري", "اخرين", "اخرون", "اخران", "اخريات", "ثان", "ثانيه"})


def _adds_victims(doc: Doc, d: Draft) -> bool:
    words = doc.norm[d.sentence.start:d.sentence.end].split()
    if words and words[0] in _MORE_HEADS:
        return True
    q = d.fatalities
    if q is None:
        return False
    # the victims' own words and the one after them: not "مقتل 3 جنود وإصابة آخرين"
    end = max(q.end, q.noun_end or 0)
    near = doc.norm[q.start:end].split() + doc.norm[end:end + 20].split()[:1]
    return any(w in _MORE_WORDS for w in near)


def _killed_right_before(doc: Doc, d: Draft) -> bool:
    q = d.fatalities
    return any(t.entry.counts == "killed" and t.end <= q.start and not doc.tokens_between(t.end, q.start)
               for t in (d.trigger, *d.outcomes))


def _other_side(doc: Doc, first: Draft, d: Draft) -> bool:
    """"مقتل 4 من مقاتليها خلال التصدي للهجوم، وقتل 7 من المهاجمين": two exact tolls of one
    clash in one sentence, each right after its own killing word, in clauses of their own,
    count the dead of each side: ACLED's fatalities are all of them."""
    a, b = first.fatalities, d.fatalities
    if a is b or a.vague or b.vague or a.total or b.total or not a.best or not b.best or a.low is None or b.low is None:
        return False
    if doc.clause_at(a.start) is doc.clause_at(b.start) or a.start <= b.start < a.end or b.start <= a.start < b.end:
        return False
    if d.attribution is not None and not d.attribution_inherited and d.attribution is not first.attribution:
        return False          # "… فيما قال المرصد إن الاشتباكات قتلت 6": a rival count of the same dead
    if normalize_key(doc.norm[a.end:max(a.end, a.noun_end or 0)]) == normalize_key(doc.norm[b.end:max(b.end, b.noun_end or 0)]):
        return False          # the same victims told twice
    return _killed_right_before(doc, first) and _killed_right_before(doc, d)


# soldiers and police (normalised): the state side's dead, as opposed to hostile fighters
_SOLDIERS = frozenset({"جنود", "جندي", "جنديا", "جنديين", "جنديان", "عسكريين", "عسكريا", "عسكري", "شرطيين",
                       "شرطيا", "شرطي", "ضباط", "ضابط", "ضابطا", "عناصر الجيش", "جنودها", "جنوده"})


def _victims_side(doc: Doc, q: Quantity, hostile: frozenset[str]) -> str | None:
    """Whose dead a toll counts, by its victims' words: "state" (soldiers, police) or
    "hostile" (gunmen, fighters of the enemy: "عشرة من مسلحي الحركة"), else None."""
    end = max(q.end, q.noun_end or 0)
    words = [w.lstrip("و") for w in doc.norm[q.start:end].split() + doc.norm[end:end + 30].split()[:2]]
    for w in words:
        bare = w[2:] if w.startswith("ال") else w
        if bare in _SOLDIERS:
            return "state"
        if bare in hostile or bare + "ن" in hostile or w in hostile:
            return "hostile"
    return None


def _other_side_later(doc: Doc, first: Draft, d: Draft, hostile: frozenset[str]) -> bool:
    a, b = first.fatalities, d.fatalities
    if a is b or a.vague or b.vague or a.total or b.total or not a.best or not b.best or a.low is None or b.low is None:
        return False
    sa, sb = _victims_side(doc, a, hostile), _victims_side(doc, b, hostile)
    return sa is not None and sb is not None and sa != sb


def _toll(doc: Doc, group: list[Draft], clash: bool = False, hostile: frozenset[str] = frozenset()) -> Quantity | None:
    """The event's fatalities: one figure picked among the drafts' (see _pick_quantity),
    plus the exact victims a later sentence adds ("… قتل شاب. كما قتلت امرأة …"); a toll
    told again in the body is the same toll, never added."""
    told = [d for d in group if d.fatalities is not None]
    # a claimant's boast ("زاعمة مقتل سبعة جنود") counts only when no one else gave a toll
    told = [d for d in told if not d.claim] or told
    more = [d for d in told[1:] if d.sentence is not told[0].sentence and not d.fatalities.vague
            and not d.fatalities.total and d.fatalities.best and _adds_victims(doc, d)]
    if clash:
        more += [d for d in told[1:] if d.sentence is told[0].sentence and _other_side(doc, told[0], d)]
        if hostile:
            # "قتل أربعة جنود … مضيفا أن عشرة من مسلحي الحركة قتلوا في المعركة": a later
            # sentence's exact toll of the other side's fighters adds to the soldiers' toll
            more += [d for d in told[1:] if d not in more and d.sentence is not told[0].sentence
                     and not d.claim and _other_side_later(doc, told[0], d, hostile)]
    base = _pick_quantity([d.fatalities for d in told if d not in more])
    if base is None or base.vague or base.total or base.best is None or not more:
        return base
    seen = {id(base)}
    low, best, high = base.low or 0, base.best, base.high
    for d in more:
        q = d.fatalities
        if id(q) in seen or q.low is None:
            continue
        seen.add(id(q))
        low, best = low + q.low, best + q.best
        high = None if high is None or q.high is None else high + q.high
    return Quantity(base.start, base.end, low, best, high, False, base.approx, base.noun, base.noun_start, base.noun_end)


def _intersect(intervals: list[DateInterval]) -> DateInterval | None:
    known = [iv for iv in intervals if iv is not None]
    if not known:
        return None
    lo = max((iv.start for iv in known if iv.start), default=None)
    hi = min((iv.end for iv in known if iv.end), default=None)
    if lo is not None and hi is not None and lo > hi:
        return known[0]
    precision = min(iv.precision for iv in known)
    if lo is not None and hi is not None:
        span = (hi - lo).days
        precision = 1 if span == 0 else 2 if span <= 7 else 3
    elif lo is None:
        precision = 3           # no interval has a start: only an upper bound is known
    return DateInterval(lo, hi, precision)


def _first(items):
    return next((x for x in items if x is not None), None)


# Words that make an Israeli bombardment a ground or naval one: without them, "قصف
# إسرائيلي استهدف منزلا" in Gaza is an air strike (ACLED codes unspecified Israeli strikes
# in Gaza from the air, which most are); in Lebanon only when a building or vehicle was
# singled out, since bare "قصف" of border villages' outskirts is mostly artillery.
# read in the normalised view, where the sentence offsets point
_GROUND_FIRE = tuple(map(normalize_key, ("مدفعي", "مدفعية", "قذيفة", "قذائف", "دبابة", "دبابات", "هاون", "زوارق",
                                         "زورق", "بحري", "بحرية", "رشاشات", "صاروخ موجه", "صواريخ موجهة", "فوسفوري")))
_SINGLED_OUT = tuple(map(normalize_key, ("منزل", "منزلا", "شقة", "مبنى", "سيارة", "دراجة نارية", "مركبة", "عمارة",
                                         "بناية", "خيمة", "خيمه", "خيام", "مدرسة", "مدرسه", "منازل")))


def _bare_israeli_bombing(doc: Doc, group: list[Draft], actor1: Actor | None, place) -> bool:
    """Israel's bare "قصف" in Gaza (in Lebanon when a building or car was singled out) is
    from the air; so is a Gaza round-up's bare "قصف منزل/خيمة" that names no one: only
    Israel bombs homes and tents there."""
    if place is None or actor1 is not None and actor1.name != "Military Forces of Israel":
        return False
    gaza, lebanon = place.admin1 == "Gaza Strip", place.country == "LB"
    if not (gaza or lebanon) or actor1 is None and not gaza:
        return False
    words = " ".join(doc.norm[d.sentence.start:d.sentence.end] for d in group)
    if any(w in words for w in _GROUND_FIRE):
        return False
    singled = any(w in words.split() or ("ب" + w) in words.split() for w in _SINGLED_OUT)
    return singled if actor1 is None or lebanon else True


def _refine(typ: str, actor1: Actor | None, actor2: Actor | None) -> str:
    if typ == "riot" and actor1 is not None and actor1.inter in _ARMED_ACTS:
        typ = "attack"      # settlers, militias or troops burning and stoning: not rioters
    if typ == "attack":
        if actor2 is not None and actor2.inter in _ARMED_INTERS and (actor1 is None or actor1.inter in _ARMED_INTERS):
            return "armed_clash"
        return "attack_on_civilians"
    if typ in ("arrest", "raid") and actor2 is not None and actor2.inter == 6:
        return "protest_intervention"     # protesters arrested: the protest met intervention (ACLED)
    if typ == "territory_gain_government" and actor1 is not None and actor1.inter in (2, 3, 4):
        return "territory_gain_nonstate"
    return typ



def build_record(doc: Doc, group: list[Draft], lex: TriggerLexicon) -> Record:
    body = [d for d in group if not d.headline] or group
    primary = next((d for d in body if not d.anaphoric), body[0])
    typ = _pick_type(group)
    located = sorted((d for d in group if d.place is not None),
                     # at equal precision a restatement's own place narrows the event ("القصف طال
                     # محيط قرية كاني ماسي" after "مواقع في قضاء العمادية")
                     key=lambda d: (d.headline, d.place.geo_precision, d.place_inherited,
                                    not (d.anaphoric and d.narrows)))
    place = located[0].place if located else None
    # a claimant is the event's alleged actor, before any actor the telling inferred
    a1m: ActorMention | None = _first(d.actor1 for d in sorted(group, key=lambda d: (not d.claim, d.anaphoric, d.actor1_inherited, d.headline)))
    a2m: ActorMention | None = _first(d.actor2 for d in body) or _first(d.actor2 for d in group)
    if a2m is None and a1m is not None and any(d.claim and d.actor1 is a1m for d in group):
        # "استهدفت عبوة دورية للجيش … وتبنت الحركة الهجوم": the side the telling took for the
        # actor, when it is not the claimant's, is the one attacked
        a2m = _first(d.actor1 for d in group if not d.claim and d.actor1 is not None and not d.actor1_inherited
                     and d.actor1.actor.name != a1m.actor.name and not allied(d.actor1.actor, a1m.actor))
    if a2m is None and a1m is not None and lex.types[typ].merge_group == "clash":
        # the other side of a clash may stand as the agent of another draft
        a2m = _first(d.actor1 for d in group if d.actor1 is not None and d.actor1.actor.name != a1m.actor.name
                     and not allied(d.actor1.actor, a1m.actor))
    if a1m is not None and a2m is not None and a2m.actor.name == a1m.actor.name and (a1m.start, a1m.end) != (a2m.start, a2m.end):
        # "قصفت قوات النظام … وردت الفصائل باستهداف مواقع قوات النظام": the reply merged
        # into the act it answers names the agent as its own target, not the event's
        a2m = _first(d.actor2 for d in group if d.actor2 is not None and d.actor2.actor.name != a1m.actor.name)
    if a1m is not None and a2m is not None and (a1m.start, a1m.end) == (a2m.start, a2m.end):
        # one draft read the words as the agent, another as the target ("استهدفت عبوة
        # دوريتهم"): the soldiers hit are the target, the attacker is not named
        a1m = None
    country = place.country if place else None
    interval = _intersect([d.interval for d in group])
    # the era that words like "الأمن العام" name is the event's, else the article's
    when = interval.start if interval is not None and interval.start is not None else doc.published
    actor1 = localize(a1m.actor, country, when) if a1m else None
    actor2 = localize(a2m.actor, country, when) if a2m else None
    if actor1 is None and typ == "airstrike" and primary.kind == "event":
        actor1 = unattributed_air_actor(country, when)     # no evidence span: inferred, see extras
    elif typ == "airstrike" and a1m is not None and a1m.generic and actor1 is not None and actor1.inter == 1:
        # "أغار الطيران الحربي على بلدة عيتا الشعب": a bare "the warplanes" in Lebanon or
        # Gaza are the one air force that strikes there, not the home army
        air = unattributed_air_actor(country, when)
        if air is not None and air.country != country:
            actor1 = air
        elif air is None and air_default_ended(country, when) and any(
                w in doc.norm[a1m.start:a1m.end] for w in ("طيران", "طايرات", "طايره", "مقاتلات")):
            # "شنت طائرات حربية غارات" in Syria after the fall: several air forces strike
            # there, so bare warplanes name no one (not the old regime's air force)
            actor1, a1m = None, None
    fat_q = _toll(doc, group, lex.types[typ].merge_group == "clash", lex.hostile_nouns)
    if typ in ("attack", "attack_on_civilians") and actor2 is None and fat_q is not None:
        actor2 = civilians(country)
    if primary.kind == "event":
        if typ == "riot" and primary.trigger.entry.type == "armed_clash" and actor1 is not None \
                and actor1.inter in _ARMED_ACTS:
            # youths against a force ("مواجهات بين الشبان وقوات الاحتلال"): the force met the
            # rioters, it did not riot
            if actor2 is None or actor2.inter in (6, 7):
                actor2, a2m = actor1, a1m
            actor1, a1m = None, None
        typ = _refine(typ, actor1, actor2)
        if typ == "shelling" and _bare_israeli_bombing(doc, group, actor1, place):
            typ = "airstrike"
            if actor1 is None:
                actor1 = unattributed_air_actor(country, when)     # inferred, no evidence span
        if typ in ("riot", "mob_violence") and (actor1 is None or actor1.inter in (6, 7)):
            # the crowd is the actor, as rioters; the people it attacked are not the crowd
            if actor1 is not None:
                a1m = None
            actor1 = rioters(country)
            if actor2 is not None and actor2.inter in (6, 7):
                actor2, a2m = None, None
        if lex.types[typ].event_type == "Protests":
            # ACLED: in a protest event the protesters are actor1 and whoever intervened,
            # dispersed or shot at them is actor2
            crowd_m = a1m if actor1 is not None and actor1.inter == 6 else a2m if actor2 is not None and actor2.inter == 6 else None
            if actor1 is not None and actor1.inter not in (6, 7):
                force, force_m = actor1, a1m
            elif actor2 is not None and actor2.inter not in (6, 7):
                force, force_m = actor2, a2m
            else:
                force, force_m = None, None
            actor1, a1m = protesters(country), crowd_m
            actor2, a2m = (force, force_m) if typ != "peaceful_protest" else (None, None)

    et = lex.types[typ]
    counts: dict[str, Quantity] = {}
    for what in sorted({w for d in group for w, _ in d.counts}):
        q = _pick_quantity([q for d in group for w, q in d.counts if w == what])
        if q is not None:
            counts[what] = q
    date_mention = _first(d.date_mention for d in body) or _first(d.date_mention for d in group)
    # a source named in the event's own sentence beats one carried over from before
    attr = _first(d.attribution for d in body if not d.attribution_inherited) or _first(d.attribution for d in body)
    source = Source(outlet=doc.outlet, cited=attr.cited if attr else None,
                    cited_kind=attr.cited_kind if attr else "none",
                    hedged=any(d.hedged for d in body))

    spans: list[tuple[str, int, int]] = [("trigger", primary.trigger.start, primary.trigger.end)]
    for d in group:
        if d is not primary and not d.headline:
            spans.append(("trigger", d.trigger.start, d.trigger.end))
    if place is not None:
        spans.append(("location", place.start, place.end))
    if date_mention is not None:
        spans.append(("date", date_mention.start, date_mention.end))
    if a1m is not None:
        spans.append(("actor1", a1m.start, a1m.end))
    if a2m is not None:
        spans.append(("actor2", a2m.start, a2m.end))
    if fat_q is not None:
        spans.append(("fatalities", fat_q.start, fat_q.end))
    for q in counts.values():
        spans.append(("counts", q.start, q.end))
    if attr is not None:
        spans.append(("source", attr.cited_start, attr.cited_end))
    ev = _evidence(doc, spans)

    confidence = max(d.trigger.entry.confidence for d in group)
    confidence += 0.1 if place is not None and place.place is not None else 0
    confidence += 0.05 if actor1 is not None else 0
    confidence += 0.05 if len(group) > 1 else 0
    confidence -= 0.15 if source.hedged else 0
    record = Record(
        doc_id=doc.doc_id,
        record_kind=primary.kind,
        rasd_type=typ if primary.kind == "event" else "aggregate_claim",
        event_type=et.event_type if primary.kind == "event" else None,
        sub_event_type=et.sub_event_type if primary.kind == "event" else None,
        date_start=_iso(interval.start) if interval else None,
        date_end=_iso(interval.end) if interval else None,
        time_precision=interval.precision if interval else 3,
        date_phrase=doc.view.orig_text(date_mention.start, date_mention.end) if date_mention else None,
        location=place.to_location() if place is not None else None,
        actor1=actor1.name if actor1 else None, inter1=actor1.inter if actor1 else None,
        actor2=actor2.name if actor2 else None, inter2=actor2.inter if actor2 else None,
        fatalities=_qdict(fat_q) if fat_q is not None else None,
        counts=[{"what": w, **_qdict(q)} for w, q in counts.items()],
        source=source,
        evidence=ev,
        confidence=max(0.05, min(0.99, confidence)),
    )
    if actor1 is not None and a1m is None:
        record.extras["actor1_inferred"] = "unattributed air strike"
    if actor1 is not None and actor1.unit:
        record.extras["actor1_unit"] = actor1.unit
    if actor2 is not None and actor2.unit:
        record.extras["actor2_unit"] = actor2.unit
    record.notes = notes_sentence(record, et.verb)
    return record


def _evidence(doc: Doc, spans: list[tuple[str, int, int]]) -> list[Evidence]:
    """Evidence for the non-empty spans, each (field, span) once, in order. Deduplicated
    before mapping: distinct non-empty normalised spans map to distinct original ones
    (the offset map is strictly increasing), and a group repeats its trigger spans."""
    seen: set[tuple[str, int, int]] = set()
    out = []
    for k in spans:
        if k[2] > k[1] and k not in seen:
            seen.add(k)
            out.append(doc.evidence(*k))
    return out


def _qdict(q: Quantity) -> dict:
    d = {"low": q.low, "best": q.best, "high": q.high}
    if q.among:
        d["among"] = list(q.among)      # sub-counts: "بينهم 3 أطفال وامرأتان"
    return d


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


# --------------------------------------------------------------------------- notes

def _fmt_when(r: Record) -> str:
    if r.date_start and r.date_end and r.date_start == r.date_end:
        return f"On {r.date_end}"
    if r.date_start and r.date_end:
        return f"Between {r.date_start} and {r.date_end}"
    if r.date_end:
        return f"On or before {r.date_end}"
    return "On an unstated date"


def _fmt_place(r: Record) -> str:
    loc = r.location
    if loc is None:
        return ""
    name = loc.name_en or loc.mention
    region = f" ({loc.admin1})" if loc.admin1 and loc.admin1 != name else ""
    prefix = "near " if loc.geo_precision == 2 else "in "
    return f" {prefix}{name}{region}"


def notes_sentence(r: Record, verb: str) -> str:
    """One English sentence describing the record, built from its fields only."""
    when = _fmt_when(r)
    who = r.actor1 or "unidentified actors"
    target = r.actor2
    if target and r.extras.get("actor2_unit"):
        target = f"{target} ({r.extras['actor2_unit']})"
    if "{" in verb:
        head, rest = verb.split("{", 1)
        inner = rest.split("}", 1)[0]
        tail = rest.split("}", 1)[1] if "}" in rest else ""
        verb = head + (inner.replace("a2", target) if target else "") + tail
    if r.record_kind == "aggregate_claim":
        text = f"{when}, a cumulative toll{_fmt_place(r)} was reported"
    else:
        text = f"{when}, {who} {verb}{_fmt_place(r)}"
    extras = []
    if r.fatalities and r.fatalities.get("best") is not None:
        f = r.fatalities
        # an open high ("ما لا يقل عن 12", "أكثر من 50", "القتيل الثالث"): the figure is a floor
        extras.append(f"{f['best']} killed" + (" or more" if f.get("high") is None else ""))
    for c in r.counts:
        if c.get("best") is not None:
            extras.append(f"{c['best']} {c['what']}" + (" or more" if c.get("high") is None else ""))
    if extras:
        text += " (" + ", ".join(extras) + ")"
    if r.source.cited_kind not in ("none", None):
        text += f", according to {r.source.cited_kind.replace('_', ' ')}"
        if r.source.hedged:
            text += " (unconfirmed)"
    return text + "."


def merge(doc: Doc, drafts: list[Draft], lex: TriggerLexicon) -> list[Record]:
    records = [build_record(doc, g, lex) for g in group_drafts(drafts, lex)]
    records.sort(key=lambda r: (r.record_kind != "event", r.evidence[0].start))
    # forces sent or spread after a violent act the report told first answer it ("وصلت
    # تعزيزات لملاحقتهم", "انتشرت قوة من الجيش لفض النزاع"): not a deployment of their own
    # when they go where it happened (a deployment in another province is news of its own);
    # forces spread round a protest told first guard it ("انتشرت قوات الأمن في محيط الساحة")
    violent = [r for r in records if r.record_kind == "event" and r.event_type in _ANSWERED_TYPES]
    if violent:
        records = [r for r in records if not (r.rasd_type == "deployment" and any(
            v.evidence[0].start < r.evidence[0].start and _same_area(v, r) for v in violent))]
    if doc.published is not None and normalize_key("ذكرى") in doc.norm:
        # "بمناسبة الذكرى الثالثة عشرة لمجزرة الحولة … قتلت 108 مدنيين في أيار 2012": an
        # anniversary's report recalls acts years old; it is no news of them
        cutoff = date(doc.published.year - 2, doc.published.month, min(doc.published.day, 28)).isoformat()
        records = [r for r in records if not (r.record_kind == "event" and r.date_end and r.date_end < cutoff)]
    return records


def _same_area(a: Record, b: Record) -> bool:
    la, lb = a.location, b.location
    if la is None or lb is None:
        return True
    if la.country and lb.country and la.country != lb.country:
        return False
    return not (la.admin1 and lb.admin1 and la.admin1 != lb.admin1)


_ANSWERED_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians", "Riots", "Protests"})
