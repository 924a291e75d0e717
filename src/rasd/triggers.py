"""Event triggers: the words that state an event, with their guards.

Owns: loading `types.yaml` (rasd_type → ACLED pair), `triggers.yaml` (trigger forms,
roles, requirements, refinements, count nouns) and `cues.yaml` (negation, denial,
irrealis, commemoration, aggregate and generic-place cues), and `find_triggers`, which
returns the triggers of a document that survive their guards, with refined types.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from .dates import load_dates
from .doc import Doc, spans_inside
from .lexicon import (NO_AFFIX, NOUN_PREFIXES, LexiconError, Match, PhraseMatcher, data_path, leftmost_longest,
                      load_yaml, require, string_list)
from .normalize import normalize_key

ROLES = ("event", "outcome")
COUNT_KINDS = ("killed", "injured", "defected", "arrested", "abducted", "displaced", "missing")
# Trigger verbs take و ف ل, nouns take ب ال وال بال; one matcher serves both.
TRIGGER_PREFIXES = NOUN_PREFIXES


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    event_type: str
    sub_event_type: str
    merge_group: str
    violent: bool
    verb: str


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    type: str
    role: str
    counts: str | None
    suffixes: frozenset[str]
    requires_any: frozenset[str]
    window: int
    blocked_before: frozenset[str]
    blocked_after: frozenset[str]
    agent_follows: bool          # active verbs only ("اغتال مجهولون …"): an actor after them acts
    confidence: float
    line: int
    # words after the trigger that block it only when it is definite: "إن الاشتباكات توقفت"
    # ends the fight told before, "اندلعت اشتباكات عنيفة توقفت فجرا" tells one
    blocked_after_definite: frozenset[str] = frozenset()
    # and before it: "بالتزامن مع الاشتباكات" times another act by the clash told before,
    # "وترافق القصف مع اشتباكات عنيفة على محور كبانة" tells a clash
    blocked_before_definite: frozenset[str] = frozenset()


@dataclass(slots=True)
class Trigger:
    start: int                 # normalised offsets of the trigger words
    end: int
    word_start: int            # with clitics
    word_end: int
    entry: TriggerEntry
    type: str                  # rasd_type after refinement
    key: str

    @property
    def role(self) -> str:
        return self.entry.role


@dataclass(frozen=True, slots=True)
class Refinement:
    sources: frozenset[str]
    target: str
    words: frozenset[str]
    sentence: bool = False     # scope: sentence — the words may stand in a later clause


@dataclass
class Cues:
    negation_window: int
    irrealis_window: int
    matcher: PhraseMatcher        # values: cue kind
    figurative_verbs: frozenset[str] = frozenset()   # "شن", "هاجم": their subject says who attacks
    figurative_window: int = 4


@dataclass
class TriggerLexicon:
    types: dict[str, EventType]
    entries: list[TriggerEntry]
    matcher: PhraseMatcher        # values: entry index
    context: PhraseMatcher        # requires_any, refinement words and count nouns; values: normalised key
    refinements: list[Refinement]
    count_nouns: dict[str, str]   # normalised noun → what it counts
    nouns: PhraseMatcher          # count nouns (values: what) and person nouns (values: "person")
    target_markers: PhraseMatcher
    agent_markers: PhraseMatcher
    implicit_counts: dict[str, int]   # normalised singular/dual victim noun → count
    combatants: PhraseMatcher         # nouns for fighters among the victims
    defenders: PhraseMatcher          # air-defence nouns: their force is the target of a strike
    force_nouns: frozenset[str] = frozenset()   # "مقاتلات", "المدفعية": a nationality adjective after one names the agent
    supporters: PhraseMatcher | None = None     # "بدعم من": the actor after them only supports the act
    supporter_heads: frozenset[str] = frozenset()   # their first words, a cheap pre-check
    hostile_nouns: frozenset[str] = frozenset()     # "مسلحين", "إرهابيين": fighters a force calls its enemies
    own_side_nouns: frozenset[str] = frozenset()    # "منتسبيها", "جنوده": the speaking force's own men
    cues: Cues = field(repr=False, default=None)  # type: ignore[assignment]


# --------------------------------------------------------------------------- loading

def load_types(path: Path) -> dict[str, EventType]:
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError(path, getattr(data, "line", None), "expected a mapping of rasd_type → ACLED pair")
    out: dict[str, EventType] = {}
    for name, spec in data.items():
        allowed = {"event_type", "sub_event_type", "merge_group", "violent", "verb"}
        if isinstance(spec, dict) and set(spec) - allowed:
            raise LexiconError(path, spec.line, f"unknown keys {sorted(set(spec) - allowed)} for type {name!r}")
        out[name] = EventType(
            name=name,
            event_type=require(spec, "event_type", str, path),
            sub_event_type=require(spec, "sub_event_type", str, path),
            merge_group=require(spec, "merge_group", str, path, optional=True, default=name),
            violent=require(spec, "violent", bool, path, optional=True, default=False),
            verb=require(spec, "verb", str, path, optional=True, default="were involved in an incident"),
        )
    return out


def _norm_set(words: list[str]) -> frozenset[str]:
    return frozenset(normalize_key(w) for w in words)


def load_triggers(path: Path, types: dict[str, EventType]) -> TriggerLexicon:
    data = load_yaml(path)
    entries: list[TriggerEntry] = []
    allowed = {"type", "role", "counts", "forms", "suffixes", "requires_any", "window", "blocked_before",
               "blocked_after", "confidence", "agent_follows", "blocked_after_definite",
               "blocked_before_definite"}
    pairs: list[tuple[str, int]] = []
    context_words: set[str] = set()
    for spec in require(data, "triggers", list, path):
        line = getattr(spec, "line", None)
        if not isinstance(spec, dict):
            raise LexiconError(path, line, "each trigger entry must be a mapping")
        unknown = set(spec) - allowed
        if unknown:
            raise LexiconError(path, line, f"unknown keys {sorted(unknown)}")
        typ = require(spec, "type", str, path)
        if typ not in types:
            raise LexiconError(path, line, f"type {typ!r} is not defined in types.yaml")
        role = require(spec, "role", str, path)
        if role not in ROLES:
            raise LexiconError(path, line, f"role must be one of {ROLES}, got {role!r}")
        counts = require(spec, "counts", str, path, optional=True)
        if counts is not None and counts not in COUNT_KINDS:
            raise LexiconError(path, line, f"counts must be one of {COUNT_KINDS}, got {counts!r}")
        confidence = require(spec, "confidence", (int, float), path, optional=True, default=0.6)
        if not 0 <= confidence <= 1:
            raise LexiconError(path, line, "confidence must be between 0 and 1")
        requires = string_list(spec, "requires_any", path, optional=True)
        entry = TriggerEntry(
            type=typ, role=role, counts=counts,
            suffixes=frozenset({""}) | _norm_set(string_list(spec, "suffixes", path, optional=True)),
            requires_any=_norm_set(requires),
            window=require(spec, "window", int, path, optional=True, default=6),
            blocked_before=_norm_set(string_list(spec, "blocked_before", path, optional=True)),
            blocked_after=_norm_set(string_list(spec, "blocked_after", path, optional=True)),
            agent_follows=require(spec, "agent_follows", bool, path, optional=True, default=False),
            confidence=float(confidence), line=line or 0,
            blocked_after_definite=_norm_set(string_list(spec, "blocked_after_definite", path, optional=True)),
            blocked_before_definite=_norm_set(string_list(spec, "blocked_before_definite", path, optional=True)),
        )
        context_words |= entry.requires_any
        idx = len(entries)
        entries.append(entry)
        for form in string_list(spec, "forms", path):
            pairs.append((form, idx))
    refinements: list[Refinement] = []
    for spec in require(data, "refinements", list, path, optional=True, default=[]):
        sources = string_list(spec, "from", path)
        target = require(spec, "to", str, path)
        for t in [*sources, target]:
            if t not in types:
                raise LexiconError(path, getattr(spec, "line", None), f"type {t!r} is not defined in types.yaml")
        words = _norm_set(string_list(spec, "context_any", path))
        context_words |= words
        scope = require(spec, "scope", str, path, optional=True, default="clause")
        if scope not in ("clause", "sentence"):
            raise LexiconError(path, getattr(spec, "line", None), f"scope must be clause or sentence, not {scope!r}")
        refinements.append(Refinement(frozenset(sources), target, words, scope == "sentence"))
    count_nouns: dict[str, str] = {}
    nouns = require(data, "count_nouns", dict, path, optional=True, default={})
    for what, words in nouns.items():
        if what not in COUNT_KINDS:
            raise LexiconError(path, getattr(nouns, "line", None), f"count_nouns key {what!r} is not one of {COUNT_KINDS}")
        for w in string_list(nouns, what, path):
            count_nouns[normalize_key(w)] = what
    noun_pairs = [(w, what) for w, what in count_nouns.items()]
    noun_pairs += [(w, "person") for w in string_list(data, "person_nouns", path, optional=True)]
    markers = string_list(data, "target_markers", path, optional=True)
    agents = string_list(data, "agent_markers", path, optional=True)
    implicit: dict[str, int] = {}
    table = require(data, "implicit_counts", dict, path, optional=True, default={})
    for n, words in table.items():
        if not isinstance(n, int) or n < 1:
            raise LexiconError(path, getattr(table, "line", None), f"implicit_counts keys must be positive integers, got {n!r}")
        for w in string_list(table, n, path):
            implicit[normalize_key(w)] = n
    suffixes = frozenset().union(*(e.suffixes for e in entries)) if entries else NO_AFFIX
    return TriggerLexicon(
        types=types, entries=entries,
        matcher=PhraseMatcher(pairs, prefixes=TRIGGER_PREFIXES, suffixes=suffixes,
                              whole_words=string_list(data, "whole_words", path, optional=True)),
        context=PhraseMatcher(((w, w) for w in context_words), prefixes=NOUN_PREFIXES),
        refinements=refinements, count_nouns=count_nouns,
        nouns=PhraseMatcher(noun_pairs, prefixes=NOUN_PREFIXES),
        target_markers=PhraseMatcher(((w, w) for w in markers), prefixes=frozenset({"", "و", "ف", "ب", "ال", "وال", "بال"})),
        agent_markers=PhraseMatcher(((w, w) for w in agents), prefixes=frozenset({"", "و", "ف"})),
        implicit_counts=implicit,
        combatants=PhraseMatcher(((w, w) for w in string_list(data, "combatant_nouns", path, optional=True)),
                                 prefixes=NOUN_PREFIXES),
        defenders=PhraseMatcher(((w, w) for w in string_list(data, "defender_nouns", path, optional=True)),
                                prefixes=NOUN_PREFIXES),
        force_nouns=_norm_set(string_list(data, "force_nouns", path, optional=True)),
        supporters=PhraseMatcher(((w, w) for w in string_list(data, "support_markers", path, optional=True)),
                                 prefixes=frozenset({"", "و"})),
        supporter_heads=frozenset(normalize_key(w).split()[0]
                                  for w in string_list(data, "support_markers", path, optional=True)),
        hostile_nouns=_norm_set(string_list(data, "hostile_nouns", path, optional=True)),
        own_side_nouns=_norm_set(string_list(data, "own_side_nouns", path, optional=True)),
    )


def load_cues(path: Path) -> Cues:
    data = load_yaml(path)
    pairs: list[tuple[str, str]] = []
    for kind in ("negation", "denial", "irrealis", "commemoration", "aggregate", "generic_place", "non_violent_cause",
                 "non_conflict", "condemnation", "solidarity", "speaker", "civil_agent", "responsibility",
                 "blame", "result", "aftermath", "continuation", "readiness", "rhetoric", "habit", "kin"):
        if kind in ("result", "aftermath", "continuation", "readiness", "rhetoric", "habit", "kin") and kind not in data:
            continue
        section = require(data, kind, dict, path)
        for phrase in string_list(section, "phrases", path):
            pairs.append((phrase, kind))
        if kind == "negation":
            for phrase in string_list(section, "exceptions", path, optional=True):
                pairs.append((phrase, "not_negation"))
    neg = require(data["negation"], "window", int, path, optional=True, default=2)
    irr = require(data["irrealis"], "window", int, path, optional=True, default=6)
    fig = require(data, "figurative_verbs", dict, path)
    return Cues(neg, irr, PhraseMatcher(pairs, prefixes=frozenset({"", "و", "ف", "ب", "ل", "ك", "ال", "وال", "بال"})),
                figurative_verbs=_norm_set(string_list(fig, "phrases", path)),
                figurative_window=require(fig, "window", int, path, optional=True, default=4))


@functools.cache
def lexicon(lang: str = "ar") -> TriggerLexicon:
    types = load_types(data_path("types.yaml", lang))
    lex = load_triggers(data_path("triggers.yaml", lang), types)
    lex.cues = load_cues(data_path("cues.yaml", lang))
    return lex


# --------------------------------------------------------------------------- finding

@dataclass
class CueIndex:
    """Cue and context-word matches of one document, sorted for window queries."""
    cues: list[Match]
    cue_starts: list[int]
    context: list[Match]
    context_starts: list[int]

    def cues_in(self, start: int, end: int, kinds: set[str] | frozenset[str]) -> list[Match]:
        return [m for m in spans_inside(self.cues, self.cue_starts, start, end) if not kinds.isdisjoint(m.values)]

    def cues_ending_in(self, start: int, end: int, kinds: set[str] | frozenset[str]) -> list[Match]:
        """Cues that end inside [start, end], wherever they begin (multiword cues)."""
        i = bisect.bisect_left(self.cue_starts, end)
        out = []
        while i > 0:
            i -= 1
            m = self.cues[i]
            if m.end < start - 40:          # cues are short: nothing further back can reach
                break
            if start <= m.end <= end and not kinds.isdisjoint(m.values):
                out.append(m)
        return out

    def context_keys(self, start: int, end: int) -> set[str]:
        return {m.key for m in spans_inside(self.context, self.context_starts, start, end)}


def index_cues(doc: Doc, lex: TriggerLexicon | None = None) -> CueIndex:
    lex = lex or lexicon()
    cues = lex.cues.matcher.find(doc.norm)
    # Exceptions ("لا يزال") win over the negation they contain through leftmost-longest
    # matching; drop them afterwards so they never count as cues.
    cues = [m for m in cues if m.values[0] != "not_negation"]
    context = lex.context.find_all(doc.norm)
    context.sort(key=lambda m: m.start)
    return CueIndex(cues, [m.start for m in cues], context, [m.start for m in context])


def _window(doc: Doc, start: int, end: int, n_before: int, n_after: int, lo: int, hi: int) -> tuple[int, int]:
    """Normalised span covering ``n_before`` tokens before and ``n_after`` after [start, end), clipped to [lo, hi)."""
    i = doc.token_index(start)
    j = doc.token_index(end)
    a = doc.tokens[max(0, i - n_before)].start if doc.tokens and n_before else start
    b = doc.tokens[min(len(doc.tokens) - 1, j + n_after - 1)].end if doc.tokens and n_after and j < len(doc.tokens) else end
    return max(lo, min(a, start)), min(hi, max(b, end))


@functools.cache
def time_words() -> frozenset[str]:
    """The words of a time-only aside: dates.yaml's weekdays, relative days and parts of
    the day, and the small words that join them ("في وقت متأخر من مساء أمس")."""
    return load_dates().time_words | {"في", "من", "يوم", "وقت", "مبكر", "ساعات", "الماضي", "الجاري", "نفسه"}


def _time_aside(doc: Doc, lo: int, hi: int) -> bool:
    toks = doc.tokens_between(lo, hi)
    words = time_words()
    return bool(toks) and all(t.text in words or (t.text[:1] in "وب" and t.text[1:] in words) for t in toks)


def _across_time_asides(doc: Doc, sent, clause) -> tuple[int, int]:
    """The clause's bounds, joined across a time set off by commas: "استهدفت الميليشيا،
    فجر اليوم الأحد، مستودعات الوقود بمسيرات" is one clause for typing its verb."""
    cl = sent.clauses
    i = next((k for k, c in enumerate(cl) if c is clause), None)
    lo, hi = clause.start, clause.end
    if i is None:
        return lo, hi
    j = i
    while j + 2 < len(cl) and _time_aside(doc, cl[j + 1].start, cl[j + 1].end):
        j += 2
    hi = cl[j].end
    j = i
    while j - 2 >= 0 and _time_aside(doc, cl[j - 1].start, cl[j - 1].end):
        j -= 2
    return cl[j].start, hi


def find_triggers(doc: Doc, cues: CueIndex | None = None, lex: TriggerLexicon | None = None) -> list[Trigger]:
    """Triggers in record-bearing sentences that survive negation, denial, irrealis,
    commemoration, requirement and nominal-use guards, with refinements applied."""
    lex = lex or lexicon()
    cues = cues or index_cues(doc, lex)
    out: list[Trigger] = []
    for sent in doc.record_sentences():
        found = [m for m in lex.matcher.find_all(doc.norm, sent.start, sent.end)
                 if m.word_end == m.end or doc.norm[m.end:m.word_end] in lex.entries[m.values[0]].suffixes]
        for m in leftmost_longest(found):
            entry = _entry_for(doc, m, lex, cues, sent.start, sent.end)
            if entry is None or _blocked(doc, m, entry, cues, lex.cues, sent.start):
                continue
            clause = doc.clause_at(m.start)
            c_lo, c_hi = (clause.start, clause.end) if clause else (sent.start, sent.end)
            if clause and entry.type == "attack":
                # a generic verb is typed by its object and means, which may follow a time aside
                c_lo, c_hi = _across_time_asides(doc, sent, clause)
            typ = entry.type
            # the words of a protest's cause do not type the protest ("تظاهروا احتجاجا على
            # مقتل طالب" is no protest met with force)
            cause = cues.cues_in(m.word_end, c_hi, {"solidarity"})
            keys = cues.context_keys(c_lo, min([c.start for c in cause], default=c_hi))
            sent_keys = None
            for ref in lex.refinements:
                if ref.sentence and typ in ref.sources and sent_keys is None:
                    sent_keys = cues.context_keys(sent.start, sent.end)
                if typ not in ref.sources:
                    continue
                hit = (sent_keys if ref.sentence else keys) & ref.words
                if hit and not _only_outlet_drone(doc, hit, c_lo, c_hi) and not _only_charge(doc, hit, c_lo, c_hi):
                    typ = ref.target
                    break
            out.append(Trigger(m.start, m.end, m.word_start, m.word_end, entry, typ, m.key))
    return out


# "القبض على عصابة خطف", "اعتقال ثلاثة بتهمة الخطف", "متهمين بخطف": a refining word that
# is the gang's trade or the charge names no act of the clause (normalised view)
_CHARGE_NOUNS = frozenset({"بتهمه", "بتهم", "تهمه", "تهم", "عصابه", "عصابات", "العصابه", "شبكه", "قضايا", "قضيه",
                           "جرايم", "جريمه", "متهم", "متهمين", "متهما", "المتهمين", "متهمون", "بتورطهم", "لتورطهم"})


def _only_charge(doc, hit: set, lo: int, hi: int) -> bool:
    """Does every refining word of ``hit`` in the clause stand right after a charge or gang
    noun ("بتهمة الخطف", "عصابة خطف")?"""
    words = list(re.finditer(r"\S+", doc.norm[lo:hi]))
    found = False
    for i, w in enumerate(words):
        text = w.group()
        bare = next((text[len(p):] for p in ("وال", "بال", "ال", "وب", "و", "ب", "") if text.startswith(p)
                     and text[len(p):] in hit), None)
        if bare is None:
            continue
        found = True
        if i == 0 or words[i - 1].group() not in _CHARGE_NOUNS:
            return False
    return found


# al-Masirah's name is the word for a drone: "مراسل المسيرة" types nothing. The patterns
# read the normalised view (ة is ه there), where the clause offsets point.
_DRONE_KEYS = frozenset({"مسيره", "مسيرة"})
_OUTLET_DRONE = re.compile(r"(?:ل?مراسله?|ل?قناه|ل?موقع|وكاله)\s+المسيره|المسيره\s+نت")
_DRONE_WORD = re.compile(r"مسيره")


def _only_outlet_drone(doc: Doc, hit: frozenset[str] | set[str], lo: int, hi: int) -> bool:
    """Is the only refining word a drone that is the outlet al-Masirah?"""
    if not hit <= _DRONE_KEYS:
        return False
    clause = doc.norm[lo:hi]
    outlets = len(_OUTLET_DRONE.findall(clause))
    return outlets > 0 and outlets >= len(_DRONE_WORD.findall(clause))


def _entry_for(doc: Doc, m: Match, lex: TriggerLexicon, cues: CueIndex, lo: int, hi: int) -> TriggerEntry | None:
    """The entry a matched form stands for. A form listed under two entries ("هاجموا": any
    attack, or a crowd's assault when protesters are near) takes the one whose required
    context holds, the more specific first; None when no entry's requirement holds."""
    entries = [lex.entries[v] for v in m.values]
    if len(entries) > 1:
        entries.sort(key=lambda e: not e.requires_any)
    for entry in entries:
        if entry.requires_any:
            w_lo, w_hi = _window(doc, m.start, m.end, entry.window, entry.window, lo, hi)
            if not (cues.context_keys(w_lo, w_hi) & entry.requires_any):
                continue
        return entry
    return None


_FIGURATIVE = frozenset({"speaker", "civil_agent"})
_PRONOUN_OBJECTS = frozenset(normalize_key(w) for w in ("عليه", "عليها", "عليهم", "عليهما"))
# "على حي ورطيغلي القريب من الملعب": a stadium or a bank named as where, not a match or a market
_NEAR = frozenset(normalize_key(w) for w in ("قرب", "بقرب", "محيط", "بمحيط", "جوار", "بجوار", "قبالة", "مقابل", "أمام"))
_NEAR_OF = frozenset(normalize_key(w) for w in ("القريب", "القريبة", "بالقرب", "قريبا", "قريب", "مقربة", "بمقربة"))


# the openers of a parallel clause (normalised), shared with the assembler
PARALLEL_OPENERS = frozenset(normalize_key(w) for w in ("بينما", "وبينما", "فيما", "وفيما"))
# the relative pronouns (normalised), shared with the assembler
RELATIVE_PRONOUNS = frozenset(normalize_key(w) for w in ("الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللاتي"))


# armed men, gunmen, a gang or forces: "أطلق مسلحون النار على والده" is no family quarrel
_ARMED_MEN = re.compile(r"(?:^|\s)[وف]?(?:ال)?(?:مسلح|مجهول|ملثم|عناصر|قوات|عصاب|ميليشي|مليشي|جماع|خلي|قناص)")


def kin_crime(doc: Doc, cues: "CueIndex", lo: int, hi: int, sent_start: int) -> bool:
    """A kin cue ("على زوجته", "تقسيم الميراث") between lo and hi, with no armed men
    named in the sentence: a man firing on his own family, which ACLED does not code."""
    if not cues.cues_in(lo, hi, {"kin"}):
        return False
    sent = doc.sentence_at(sent_start)
    end = sent.end if sent is not None else hi
    return _ARMED_MEN.search(doc.norm, sent_start, end) is None


def _landmark(doc: Doc, cue: Match) -> bool:
    """Is a non-conflict word placed as a landmark ("قرب الملعب", "القريب من الملعب")?"""
    i = doc.token_index(cue.word_start)
    if i == 0:
        return False
    prev = doc.tokens[i - 1].text
    if prev in _NEAR:
        return True
    return prev in ("من", "الي") and i > 1 and doc.tokens[i - 2].text in _NEAR_OF


_CIVIL = frozenset({"civil_agent"})


def _unquoted(s: str) -> str:
    """The words with quotation marks, tatweel, commas and spaces removed."""
    return re.sub(r"[\s\"'«»“”„ـ،,؛]", "", s)


def _figurative_agent(doc: Doc, m: Match, ti: int, cues: CueIndex, windows: Cues, c_lo: int) -> bool:
    """Is the act's subject one that bears no arms? A speaker or an outlet right after a
    verb of attacking ("شن النائب هجوما حادا", "يشن الإعلام الحكومي هجوما", "هاجمت الصحف
    الحكومية قادة المعارضة"), or a law, sanction, company or office right after the
    trigger itself ("استهدفت العقوبات قادة", "أوقفت شركة الطيران رحلاتها")."""
    toks = doc.tokens
    nxt = doc.token_index(m.word_end)
    if nxt < len(toks) and any(c.word_start == toks[nxt].start
                               for c in cues.cues_in(toks[nxt].start, toks[nxt].end + 40, _CIVIL)):
        return True
    verbs = windows.figurative_verbs
    last = doc.token_index(max(m.word_end - 1, m.word_start))
    for k in range(max(0, ti - windows.figurative_window), min(last + 1, len(toks) - 1)):
        tok = toks[k]
        if tok.start < c_lo:
            continue
        word = tok.text
        if word not in verbs and not (word[:1] in "وف" and word[1:] in verbs):
            continue
        after = toks[k + 1]
        if any(c.word_start == after.start for c in cues.cues_in(after.start, after.end + 40, _FIGURATIVE)):
            return True
    return False


# participles of a speech verb's manner ("قالت المنظمة محذرة من كارثة إن القصف …"), normalised
_PARTICIPLES = frozenset({"داعيا", "داعين", "مطالبا", "مطالبين", "متوعدا", "متوعده", "مهددا", "مهدده", "محذرا",
                          "محذره", "محذرين", "محذرتين", "محذرون"})


def _said_past_participle(doc: Doc, irr: list, ti: int, m: Match) -> bool:
    """"قالت المنظمة محذرة من كارثة إن القصف على المخيم أدى إلى مقتل 12": the definite act
    right after إن/أن is what the speech verb reports; the participle's own object ended
    before it (not "محذرة من أن الهجوم سيؤدي", where أن opens the warning's object)."""
    if ti < 2 or doc.tokens[ti - 1].text.lstrip("و") not in ("ان", "بان") \
            or not ("ال" in doc.norm[m.word_start:m.start] or doc.norm.startswith("ال", m.start)):
        return False
    comp = doc.tokens[ti - 1].start
    for c in irr:
        if doc.norm[c.start:c.end].lstrip("و") not in _PARTICIPLES:
            return False
        if all(t.text == "من" for t in doc.tokens_between(c.end, comp)):
            return False
    return True


# the verbs that govern ب + a verbal noun as a threat (normalised)
_THREAT_VERBS = frozenset({"هدد", "هددت", "هددوا", "يهدد", "تهدد", "يهددون", "توعد", "توعدت", "توعدوا", "يتوعد",
                           "تتوعد", "لوح", "لوحت", "يلوح", "تلوح", "متوعدا", "متوعده", "مهددا", "مهدده"})
# "نزح الآلاف بسبب المعارك" names fighting as a hardship's cause; "قتل أربعة نتيجة
# اشتباكات" names the fight that killed them, the event itself (normalised)
_CAUSES = frozenset({"بسبب", "بفعل", "نتيجه"})
_TOLL = re.compile(r"(?:^|\s)[وف]?(?:قتل|مقتل|استشهد|استشهاد|اصيب|اصابه|جرح|مصرع|لقي|سقط)")


def _toll_before(doc: Doc, pos: int, sent_start: int) -> bool:
    """Is a death or a wound told in the sentence before ``pos`` (a cause word)?"""
    return _TOLL.search(doc.norm, sent_start, pos) is not None


def _blocked(doc: Doc, m: Match, entry: TriggerEntry, cues: CueIndex, windows: Cues, sent_start: int) -> bool:
    ti = doc.token_index(m.word_start)
    definite = "ال" in doc.norm[m.word_start:m.start] or doc.norm.startswith("ال", m.start)
    if entry.blocked_after_definite and definite:
        nxt = doc.token_index(m.word_end)
        if any(t.text in entry.blocked_after_definite for t in doc.tokens[nxt:nxt + 2]):
            return True
    if entry.blocked_before_definite and definite and ti > 0 and doc.tokens[ti - 1].start >= sent_start \
            and doc.tokens[ti - 1].text.lstrip("و") in entry.blocked_before_definite:
        return True
    if entry.blocked_after:
        nxt = doc.token_index(m.word_end)
        # the next word, or the one after an adjective ("القصف الروسي المتكرر")
        after = doc.tokens[nxt:nxt + 2]
        if any(t.text in entry.blocked_after for t in after) \
                or " ".join(t.text for t in after) in entry.blocked_after:
            return True       # "هجوما لاذعا", "هجوما شديد اللهجة": a verbal attack
        if entry.type.startswith("territory"):
            # "سيطرت القوات العراقية على كهوف يستخدمها التنظيم": the verb's object stands
            # after the subject and على; what was taken decides as the next word does
            for k in range(nxt, min(nxt + 5, len(doc.tokens))):
                if doc.tokens[k].text == "علي":
                    if any(t.text in entry.blocked_after for t in doc.tokens[k + 1:k + 3]):
                        return True
                    break
        # "اندلعت الحرائق … وتمكنت الفرق من السيطرة عليها": the pronoun takes up a blocking
        # noun named earlier in the sentence
        if after and after[0].text in _PRONOUN_OBJECTS and any(
                t.text in entry.blocked_after and t.text.startswith("ال")
                for t in doc.tokens[doc.token_index(sent_start):ti]):
            return True
    if entry.blocked_before and ti > 0:
        prev = doc.tokens[ti - 1]
        if prev.start >= sent_start:
            word = prev.text
            # bare, or behind و ف ب ل ("لأسر الضحايا") or the article
            if (word in entry.blocked_before or (word[:1] in "وفبل" and word[1:] in entry.blocked_before)
                    or (word.startswith("ال") and word[2:] in entry.blocked_before)) \
                    and not (word.lstrip("و") in _CAUSES and _toll_before(doc, prev.start, sent_start)):
                return True
    # a negation ending right before the trigger ("لم يقتل", "دون أن يسفر عن إصابات")
    neg_lo = doc.tokens[max(0, ti - windows.negation_window)].start if ti > 0 else m.word_start
    if cues.cues_ending_in(max(neg_lo, sent_start), m.word_start, {"negation"}):
        return True
    clause = doc.clause_at(m.start)
    c_lo = clause.start if clause else sent_start
    if ti > 0 and doc.tokens[ti - 1].text.lstrip("لبو") in ("اي", "ايه"):
        return True     # "لم تتعرض البلدة لأي قصف", "أي هجوم على المدينة سيكون كارثيا": no act
    # the cause a protest or a statement names ("تظاهر الطلاب احتجاجا على مقتل زميلهم
    # برصاص الشرطة", "تنديدا باعتقال الناشط"): the act it protests is not told here as news
    if ti > 0 and cues.cues_ending_in(max(doc.tokens[max(0, ti - 4)].start, c_lo), m.start, {"solidarity"}):
        return True
    # denial anywhere earlier in the sentence
    if cues.cues_in(sent_start, m.word_start, {"denial"}):
        return True
    if entry.role == "event" and _figurative_agent(doc, m, ti, cues, windows, c_lo):
        return True
    # sport, money, computing anywhere in the clause: a figure of speech (but fans do fight:
    # a brawl at a match is mob violence; a toll there is judged by assemble)
    if entry.role == "event" and entry.type not in ("mob_violence", "riot") \
            and any(not _landmark(doc, c) for c in
                    cues.cues_in(c_lo, clause.end if clause else m.word_end + 200, {"non_conflict"})):
        return True
    if entry.role == "event" and entry.type not in ("mob_violence", "riot") \
            and kin_crime(doc, cues, c_lo, clause.end if clause else m.word_end + 200, sent_start):
        return True       # "أطلق النار على شقيقيه خلال تقسيم الميراث": a crime among kin
    if entry.type == "armed_clash" \
            and cues.cues_in(c_lo, clause.end if clause else m.word_end + 200, {"rhetoric"}):
        return True       # "معركة الشعب مع قوى الهيمنة": a battle of speeches
    # "ما أسفر عن مقتل 40 من عناصرها وتدمير عربات": a generic act named among the results of
    # the act before it is that act's damage, not an event with the victims as its agent
    if entry.role == "event" and entry.type == "attack" \
            and cues.cues_in(max(doc.tokens[max(0, ti - 12)].start, c_lo), m.word_start, {"result"}):
        return True
    # a threat, plan or fear governs the rest of its clause ("خوفا من الاعتقال أو الزج
    # بهم في المعارك"), up to the window
    irr_lo = doc.tokens[max(0, ti - windows.irrealis_window)].start if ti > 0 else m.word_start
    # "هدد زعيم الجماعة، في خطاب متلفز، باستهداف السفن": a verbal noun behind ب opening
    # its clause completes the verb before the commas, so that verb's threat governs it
    # (the verb itself: "ردا على التهديد، قامت المقاتلات، فجر اليوم، بقصف" is an act)
    # ('هدد الوزير، مساء أمس، بـ"قصف بيروت"': the threat quoted behind ب)
    opens = not doc.norm[c_lo:m.word_start].strip(" ،,؛") and doc.norm[m.word_start:m.start].lstrip("و") == "ب" \
        or _unquoted(doc.norm[c_lo:m.start]) in ("ب", "وب")
    if opens and any(doc.norm[c.start:c.end].lstrip("و") in _THREAT_VERBS
                     for c in cues.cues_in(max(irr_lo, sent_start), m.word_start, {"irrealis"})):
        c_lo = sent_start
    irr = cues.cues_in(max(irr_lo, c_lo), m.word_start, {"irrealis"})
    if irr and not _said_past_participle(doc, irr, ti, m):
        return True
    # (or behind a purpose verbal noun: "في حالة استعداد قصوى لشن هجوم على المدينة")
    if (doc.norm[m.word_start:m.start].lstrip("و") in ("ل", "لل")
            or ti > 0 and doc.tokens[ti - 1].text.startswith("ل") and len(doc.tokens[ti - 1].text) > 2
            and doc.tokens[ti - 1].text not in ("لدى", "لكن", "لقد", "لاحقا")) \
            and cues.cues_in(max(irr_lo, c_lo), m.word_start, {"readiness"}):
        return True       # "في حالة استعداد للتصدي لأي هجوم": an act readied for, not made
    # "استهداف السفن سيستمر", "الهجمات لن تتوقف": an act whose verb after it is future is a
    # threat of more, not an incident (a verbal noun as the subject of a coming verb)
    if entry.role == "event" and ti + 1 < len(doc.tokens) and cues.cues_in(
            doc.tokens[min(ti + 1, len(doc.tokens) - 1)].start,
            min(clause.end if clause else m.word_end + 60, doc.tokens[min(ti + 6, len(doc.tokens) - 1)].end),
            {"continuation"}):
        return True
    # a habit or a category of harm anywhere in the clause ("تواصل المدفعية قصف القرى
    # الحدودية بشكل شبه يومي", "كانت الألغام أبرز أسباب سقوط الضحايا"): no one incident
    # (not a habit told of the place in a relative clause after the act: "قصف مدفعي طال بلدة
    # كفرنبل التي تتعرض للقصف بشكل يومي" tells this shelling)
    if entry.role == "event" and any(
            not any(t.text in RELATIVE_PRONOUNS for t in doc.tokens_between(m.end, c.start))
            for c in cues.cues_in(c_lo, clause.end if clause else m.word_end + 200, {"habit"})):
        return True
    # a remembrance or an obituary governs its whole sentence, over the comma into its
    # relative clause ("نعت المقاومة الشهيد … من بلدة عيتا الشعب، الذي ارتقى شهيدا")
    # (not over a parallel clause: "استذكر الأهالي ضحايا المجزرة، بينما قصفت قوات النظام
    # بلدة كفرنبل اليوم" tells today's shelling)
    if any(not any(t.text in PARALLEL_OPENERS for t in doc.tokens_between(c.end, m.word_start))
           for c in cues.cues_in(sent_start, m.word_start, {"commemoration"})):
        return True
    return False
