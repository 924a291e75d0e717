"""Source attribution: who the article says a claim comes from, and how firmly.

Owns: loading and validating ``lang/ar/attribution.yaml``, the `Attribution` type,
`find_attributions` and `hedge_cues`.

Algorithm (the words live in the data file): find reporting cues (verbs in any person,
continuation participles, prepositions such as بحسب/وفقا ل) with one automaton; look for
a source phrase right after the cue (VSO, "قالت مصادر محلية"; a short gap such as a
date is allowed) or right before it (SVO, "مصادر محلية قالت"); a source phrase is a
chain of lexicon items (head, qualifier, named source, or an actor from the actor
lexicon) joined by connectors ("مصادر في المعارضة السورية"); then the reported content
starts after a complementizer (أن/بأن/إن/:) or, for a trailing "بحسب X", lies before the
cue. Anaphoric sources ("المصادر", a bare "وأضاف") inherit the kind of the last source
named before them.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from pathlib import Path

from .actors import ActorMention, find_actors
from .doc import Doc
from .lexicon import (NOUN_PREFIXES, NO_AFFIX, VERB_PREFIXES, LexiconError, PhraseMatcher, data_path, load_mapping, require, string_list)
from .normalize import normalize_key

ATTRIBUTION_FILE = "attribution.yaml"
KINDS = ("local_sources", "opposition", "government", "military", "monitor", "activists", "medical",
         "witnesses", "media", "unnamed", "none")

# How far (in tokens) the pieces of an attribution may be apart. Short on purpose:
# a source farther from its verb is more often the subject of the content.
_MAX_GAP_AFTER_VERB = 4       # "أعلنت، اليوم الأحد، وزارة الدفاع"
_MAX_COMPLEMENTIZER = 10      # "مصادر في المعارضة منذ يومين بأن"
_MAX_CONNECTOR_WORDS = 3
# Tokens allowed between an SVO subject and its verb ("مصادر محلية قد أكدت").
_SVO_FILLERS = frozenset({"قد", "فقد", "وقد", "لقد", "كانت", "كان", "وكانت", "وكان"})
# "بحسب ما نقلته الوكالة": an object pronoun may close a reporting verb.
_CUE_SUFFIXES = frozenset({"", "ه", "ها"})
_ADDRESSEE_PREFIXES = frozenset({"ل", "لل", "ول", "فل"})
_NISBA = re.compile(r"^\w{3,}(?:يه|يين|يون|ي)$")
_NOT_NISBA = frozenset({"حوالي", "التالي", "الحالي", "الماضي", "الذين", "ثاني", "والتي", "والذي"})
_SENT_FALLBACK = re.compile(r"[^.!?؟\n]+")


@dataclass(slots=True)
class Attribution:
    start: int                 # normalised span of the attribution phrase
    end: int
    cited: str                 # source words as written in the original text ("" if none)
    cited_start: int
    cited_end: int
    cited_kind: str            # FORMAT.md §5
    hedged: bool
    content_start: int         # the claim lies in [content_start, content_end)
    anaphoric: bool
    content_end: int = -1      # end of the claim: sentence end, or the cue for "X, بحسب Y"
    antecedent: int | None = None   # index (in the returned list) of the source referred back to
    sentence: int | None = None     # index into doc.sentences, when the doc is segmented
    own_voice: bool = False         # a body's statement in its own voice (header or first person)


# --------------------------------------------------------------------------- loading

@dataclass(frozen=True, slots=True)
class _Cue:
    kind: str          # "verb" | "prep"
    hedged: bool
    continuation: bool


@dataclass(frozen=True, slots=True)
class _Src:
    role: str          # "head" | "qualifier" | "source"
    kind: str
    hedged: bool
    anaphoric: bool


@dataclass(frozen=True, slots=True)
class AttributionLexicon:
    cues: PhraseMatcher
    sources: PhraseMatcher
    hedges: PhraseMatcher
    connectors: frozenset[str]
    complementizers: frozenset[str]
    own_voice: PhraseMatcher | None = None


_TOP_KEYS = {"verbs", "prepositions", "heads", "qualifiers", "sources", "connectors", "complementizers", "hedges",
             "own_voice"}


def _flag(obj: dict, key: str, path: Path) -> bool:
    return bool(require(obj, key, bool, path, optional=True, default=False))


def _kind(value: object, line: int | None, path: Path) -> str:
    if value not in KINDS or value == "none":
        raise LexiconError(path, line, f"unknown source kind {value!r} (allowed: {', '.join(KINDS[:-1])})")
    return str(value)


def load_attribution_lexicon(path: Path | str) -> AttributionLexicon:
    """Read and validate an attribution file; raise LexiconError naming file and line."""
    path = Path(path)
    data = load_mapping(path, _TOP_KEYS)

    cues: list[tuple[str, _Cue]] = []
    for section, kind, allowed in (("verbs", "verb", {"forms", "hedged", "continuation"}),
                                   ("prepositions", "prep", {"forms", "hedged"})):
        for group in require(data, section, list, path):
            line = getattr(group, "line", data.line)
            if not isinstance(group, dict):
                raise LexiconError(path, line, f"{section}: each group must be a mapping with 'forms'")
            for key in group:
                if key not in allowed:
                    raise LexiconError(path, line, f"{section}: unknown key {key!r} (allowed: {', '.join(sorted(allowed))})")
            cue = _Cue(kind, _flag(group, "hedged", path), _flag(group, "continuation", path))
            cues += [(f, cue) for f in string_list(group, "forms", path)]

    sources: list[tuple[str, _Src]] = []
    for group in require(data, "heads", list, path):
        line = getattr(group, "line", data.line)
        if not isinstance(group, dict):
            raise LexiconError(path, line, "heads: each group must be a mapping")
        for key in group:
            if key not in {"forms", "kind", "hedged", "anaphoric"}:
                raise LexiconError(path, line, f"heads: unknown key {key!r}")
        src = _Src("head", _kind(require(group, "kind", str, path), line, path),
                   _flag(group, "hedged", path), _flag(group, "anaphoric", path))
        sources += [(f, src) for f in string_list(group, "forms", path)]
    for section, role in (("qualifiers", "qualifier"), ("sources", "source")):
        table = require(data, section, dict, path)
        for kind in table:
            src = _Src(role, _kind(kind, getattr(table[kind], "line", table.line), path), False, False)
            sources += [(f, src) for f in string_list(table, kind, path)]

    return AttributionLexicon(
        cues=PhraseMatcher(cues, prefixes=VERB_PREFIXES, suffixes=_CUE_SUFFIXES),
        sources=PhraseMatcher(sources, prefixes=NOUN_PREFIXES, suffixes=NO_AFFIX),
        hedges=PhraseMatcher(((h, True) for h in string_list(data, "hedges", path)), prefixes=VERB_PREFIXES),
        connectors=frozenset(normalize_key(c) for c in string_list(data, "connectors", path)),
        complementizers=frozenset(normalize_key(c) for c in string_list(data, "complementizers", path)),
        own_voice=PhraseMatcher(((w, True) for w in string_list(data, "own_voice", path)), prefixes=NOUN_PREFIXES)
        if "own_voice" in data else None,
    )


@functools.cache
def attribution_lexicon() -> AttributionLexicon:
    return load_attribution_lexicon(data_path(ATTRIBUTION_FILE))


# --------------------------------------------------------------------------- items

@dataclass(slots=True)
class _Item:
    """One piece of a source phrase: a lexicon match or an actor mention."""
    start: int
    end: int
    word_start: int
    role: str           # head | qualifier | source | actor
    kind: str
    hedged: bool
    anaphoric: bool
    prefix: str


def _source_items(doc: Doc, lex: AttributionLexicon, actors: list[ActorMention]) -> list[_Item]:
    items: list[_Item] = []
    for m in lex.sources.find(doc.norm):
        vals: tuple[_Src, ...] = m.values
        # Prefer a standalone source reading, then a head, then a qualifier.
        src = min(vals, key=lambda v: ("source", "head", "qualifier").index(v.role))
        kind = next((v.kind for v in vals if v.kind != "unnamed"), src.kind)
        anaphoric = any(v.anaphoric for v in vals) or (src.role == "head" and "ال" in m.prefix)
        items.append(_Item(m.start, m.end, m.word_start, src.role, kind, any(v.hedged for v in vals),
                           anaphoric, m.prefix))
    # Actors not covered by the source lexicon can still be the speaker: an army or an
    # armed group speaking of its own operations is a "military" source.
    lexical = list(items)
    starts = [i.word_start for i in lexical]
    for a in actors:
        if a.generic:
            continue
        k = bisect.bisect_left(starts, a.start)
        if (k < len(lexical) and lexical[k].word_start < a.end) or (k > 0 and lexical[k - 1].end > a.start):
            continue
        inter = a.actor.inter
        kind = "local_sources" if inter in (6, 7) else "military"
        ws = a.start
        while ws > 0 and doc.norm[ws - 1].isalnum():
            ws -= 1
        items.append(_Item(a.start, a.end, ws, "actor", kind, False, False, doc.norm[ws:a.start]))
    items.sort(key=lambda i: i.word_start)
    return items


# --------------------------------------------------------------------------- helpers

class _Ctx:
    """Per-document lookups shared by all cues."""

    def __init__(self, doc: Doc, lex: AttributionLexicon, actors: list[ActorMention] | None):
        self.doc, self.lex, self.norm = doc, lex, doc.norm
        self.actors = actors
        self.tokens = doc.tokens
        self.tok_starts = doc.tokens.starts
        self._items: list[_Item] | None = None
        self._item_starts: list[int] = []

    @property
    def items(self) -> list[_Item]:
        if self._items is None:
            actors = self.actors if self.actors is not None else find_actors(self.doc)
            self._items = _source_items(self.doc, self.lex, actors)
            self._item_starts = [i.word_start for i in self._items]
        return self._items

    def item_at(self, pos: int) -> _Item | None:
        """The item whose word (clitics included) starts exactly at ``pos``."""
        items = self.items
        k = bisect.bisect_left(self._item_starts, pos)
        if k < len(items) and items[k].word_start == pos:
            return items[k]
        return None

    def item_ending_before(self, pos: int, lo: int) -> _Item | None:
        items = self.items
        k = bisect.bisect_left(self._item_starts, pos) - 1
        while k >= 0 and items[k].word_start >= lo:
            if items[k].end <= pos:
                return items[k] if self.gap_words(items[k].end, pos) == "" else None
            k -= 1
        return None

    def gap_words(self, start: int, end: int) -> str | None:
        if end - start > 40:
            return None     # farther apart than any connector phrase
        gap = self.norm[start:end]
        if any(not (c.isalnum() or c.isspace() or c in "\"'") for c in gap):
            return None
        return " ".join(t.text for t in self.doc.tokens_between(start, end))

    def token_idx(self, pos: int) -> int:
        return bisect.bisect_left(self.tok_starts, pos)

    def is_comp(self, tok: str) -> bool:
        return tok in self.lex.complementizers


def _chain_forward(ctx: _Ctx, first: _Item, limit: int) -> list[_Item]:
    chain = [first]
    cur = first
    while True:
        k = bisect.bisect_right(ctx._item_starts, cur.end)
        if k >= len(ctx.items):
            break
        nxt = ctx.items[k]
        if nxt.word_start >= limit:
            break
        words = ctx.gap_words(cur.end, nxt.word_start)
        if words is None:
            break
        if words:
            if words not in ctx.lex.connectors or words.count(" ") >= _MAX_CONNECTOR_WORDS:
                break
        elif nxt.prefix in _ADDRESSEE_PREFIXES and cur.role != "head":
            break  # "قال مصدر طبي لوكالة الأناضول": the agency is who was told, not who spoke
        if nxt.role == "qualifier" and cur.role not in ("head", "qualifier") and not words:
            # "المرصد السوري" + "حقوقي"? qualifiers only qualify heads.
            break
        if nxt.role == "head" and not nxt.anaphoric and cur.role != "head":
            break
        chain.append(nxt)
        cur = nxt
    return chain


def _chain_backward(ctx: _Ctx, last: _Item, lo: int) -> list[_Item]:
    chain = [last]
    cur = last
    k = bisect.bisect_left(ctx._item_starts, cur.word_start) - 1
    while k >= 0:
        prev = ctx.items[k]
        if prev.word_start < lo or prev.end > cur.word_start:
            break
        words = ctx.gap_words(prev.end, cur.word_start)
        if words is None or (words and words not in ctx.lex.connectors):
            break
        if cur.role == "qualifier" or prev.role == "head" or words:
            chain.insert(0, prev)
            cur = prev
            k -= 1
            continue
        break
    while chain and chain[0].role == "qualifier":
        chain.pop(0)
    return chain


def _relayed_source(ctx: _Ctx, chain: list[_Item], limit: int) -> list[_Item]:
    """"نقلت رويترز عن مسؤول أمني": the relayed speaker is the source that counts."""
    i = ctx.token_idx(chain[-1].end)
    if i >= len(ctx.tokens) or ctx.tokens[i].text not in ("عن", "نقلا"):
        return chain
    j = i + (2 if ctx.tokens[i].text == "نقلا" else 1)
    if j >= len(ctx.tokens) or ctx.tokens[j].start >= limit:
        return chain
    if ctx.gap_words(chain[-1].end, ctx.tokens[j].start) is None:
        return chain
    it = ctx.item_at(ctx.tokens[j].start)
    if it is None or it.role == "qualifier":
        return chain
    return _chain_forward(ctx, it, limit)


def _absorb_nisba(ctx: _Ctx, end: int, limit: int) -> int:
    """Extend over adjectives such as "السورية" / "اليمني" that close a source phrase."""
    i = ctx.token_idx(end)
    for _ in range(2):
        if i >= len(ctx.tokens):
            break
        t = ctx.tokens[i]
        if t.start >= limit or ctx.norm[end:t.start].strip() or ctx.is_comp(t.text) or not _NISBA.match(t.text) \
                or t.text in _NOT_NISBA:
            break
        it = ctx.item_at(t.start)
        if it is not None and it.role in ("actor", "source"):
            break      # "اتهم الجيش اليمني الحوثيين": a party's name, not an adjective
        end = t.end
        i += 1
    return end


def _chain_kind(chain: list[_Item]) -> str:
    for i, it in enumerate(chain):
        if it.kind != "unnamed":
            if it.role == "head" and it.kind == "media":
                # "مراسل سانا": a correspondent speaks for the outlet he names
                return next((o.kind for o in chain[i + 1:] if o.role == "source" and o.kind != "unnamed"), it.kind)
            return it.kind
    return "unnamed"


def _sentences(doc: Doc) -> list[tuple[int, int, int | None]]:
    if doc.sentences:
        return [(s.start, s.end, s.index) for s in doc.sentences]
    return [(m.start(), m.end(), None) for m in _SENT_FALLBACK.finditer(doc.norm) if m.group().strip()]


# --------------------------------------------------------------------------- public

def hedge_cues(doc: Doc) -> list[tuple[int, int]]:
    """Spans of hedging words (يزعم، أنباء عن، لم يتسن التأكد …), except negated ones:
    "دون ورود أنباء عن إصابات" hedges nothing."""
    from .triggers import lexicon as trigger_lexicon   # negation words live in cues.yaml

    negation = trigger_lexicon().cues
    out = []
    for m in attribution_lexicon().hedges.find(doc.norm):
        ti = doc.token_index(m.start)
        lo = doc.tokens[max(0, ti - negation.negation_window)].start if doc.tokens else m.start
        if any("negation" in n.values for n in negation.matcher.find(doc.norm, lo, m.start)):
            continue
        out.append((m.start, m.end))
    return out


def find_attributions(doc: Doc, actors: list[ActorMention] | None = None,
                      hedges: list[tuple[int, int]] | None = None) -> list[Attribution]:
    """Attribution phrases in text order, with source kind, hedging and content start.

    ``actors``: the document's `find_actors` result, if the caller already has it (an
    army or armed group named as speaker is a "military" source); found here otherwise.
    ``hedges``: the document's `hedge_cues`, likewise (computed lazily otherwise).
    """
    lex = attribution_lexicon()
    norm = doc.norm
    cue_matches = lex.cues.find(norm)
    if not cue_matches:
        return _own_voice(doc, _Ctx(doc, lex, actors), [])
    ctx = _Ctx(doc, lex, actors)
    sents = _sentences(doc)
    sent_starts = [s[0] for s in sents]
    hedge_spans = hedges                                # only needed once a phrase is found
    hedge_starts: list[int] = [h[0] for h in hedges] if hedges is not None else []
    out: list[Attribution] = []
    taken_until = -1
    cue_by_start = {c.word_start: c for c in cue_matches}
    prep_for: dict[int, object] = {}   # verb cue start -> preposition before it ("حسبما أفادت")

    for ci, cue in enumerate(cue_matches):
        if cue.word_start < taken_until:
            continue
        si = bisect.bisect_right(sent_starts, cue.start) - 1
        if si < 0 or cue.start >= sents[si][1]:
            continue
        s_start, s_end, s_index = sents[si]
        info: _Cue = cue.values[0]
        hedged = any(v.hedged for v in cue.values)
        phrase_start = cue.word_start
        chain: list[_Item] = []
        after = cue.end
        svo = False

        # Source after the cue (VSO, or the object of a preposition).
        max_gap = 0 if info.kind == "prep" else _MAX_GAP_AFTER_VERB
        ti = ctx.token_idx(cue.end)
        for g in range(max_gap + 1):
            if ti + g >= len(ctx.tokens):
                break
            tok = ctx.tokens[ti + g]
            if tok.start >= s_end or ctx.is_comp(tok.text) or ":" in norm[cue.end:tok.start]:
                break
            if tok.start in cue_by_start and g > 0:
                break
            it = ctx.item_at(tok.start)
            if it is None or it.role == "qualifier":
                continue
            if info.kind == "verb" and it.prefix in _ADDRESSEE_PREFIXES:
                continue  # "قالت لعنب بلدي": who was told; the speaker is elsewhere
            chain = _chain_forward(ctx, it, s_end)
            chain = _relayed_source(ctx, chain, s_end)
            if g > 0 and not any(ch in "،,-" for ch in norm[cue.end:tok.start]) \
                    and _find_complementizer(ctx, chain[-1].end, s_end) is None:
                # Words between verb and source are only a set-off aside ("أعلنت، اليوم،
                # الوزارة") or a time phrase before reported speech; otherwise they are
                # the verb's object ("نقل الجرحى إلى مشفى") and this is no attribution.
                chain = []
            break

        if not chain and info.kind == "prep":
            # "حسبما أفادت مصادر": the verb that follows carries the source.
            nxt = ctx.token_idx(cue.end)
            if nxt < len(ctx.tokens) and ctx.tokens[nxt].start < s_end:
                verb = _cue_at_word(cue_matches, ci + 1, ctx.tokens[nxt].start)
                if verb is not None:
                    prep_for[verb.word_start] = cue
            continue

        if not chain and info.kind == "verb":
            # Source before the verb (SVO): "مصادر محلية قالت", "المرصد قد أكد".
            pos = cue.word_start
            j = ctx.token_idx(pos) - 1
            while j >= 0 and ctx.tokens[j].text in _SVO_FILLERS and ctx.tokens[j].start >= s_start:
                pos = ctx.tokens[j].start
                j -= 1
            last = ctx.item_ending_before(pos, s_start)
            if last is not None:
                chain = _chain_backward(ctx, last, s_start)
                svo = bool(chain)

        prep = prep_for.pop(cue.word_start, None)
        if prep is not None:
            phrase_start = prep.word_start
            hedged = hedged or any(v.hedged for v in prep.values)

        if chain:
            c_start, c_end = chain[0].start, chain[-1].end
            c_end = _absorb_nisba(ctx, c_end, s_end)
            anaphoric = chain[0].anaphoric
            kind = _chain_kind(chain)
            hedged = hedged or any(it.hedged for it in chain)
            if svo:
                phrase_start = min(phrase_start, chain[0].word_start)
                after = cue.end
            else:
                after = c_end
        else:
            c_start = c_end = cue.end
            anaphoric = True
            kind = "unnamed"

        # Where the content starts: after a complementizer within reach.
        comp_end = _find_complementizer(ctx, after, s_end)
        actor_only = bool(chain) and all(it.role == "actor" for it in chain)
        if not chain:
            # Without a source, only a continuation verb or a verb directly followed by
            # its complementizer ("وأضاف أن") is an attribution.
            if not (info.continuation or (comp_end is not None and ctx.token_idx(comp_end) - ctx.token_idx(cue.end) <= 1)):
                continue
        elif actor_only and comp_end is None and not hedged and not _says_statement(ctx, after, s_end):
            # "نشرت مخابرات الأسد حواجز": an actor after a verb is a speaker only if what
            # follows is reported speech.
            continue

        if comp_end is not None:
            end = comp_end
            content_start = _skip_space(norm, comp_end, s_end)
            content_end = s_end
        else:
            end = max(cue.end, c_end)
            rest = ctx.token_idx(s_end) - ctx.token_idx(end)
            before = ctx.token_idx(phrase_start) - ctx.token_idx(s_start)
            if rest < 2 and before >= 2:
                content_start, content_end = s_start, _trim_back(norm, s_start, phrase_start)
            elif info.kind == "prep" and before >= 3:
                content_start, content_end = s_start, s_end
            else:
                content_start = _skip_space(norm, end, s_end)
                content_end = s_end
        if not hedged:
            if hedge_spans is None:
                hedge_spans = hedge_cues(doc)
                hedge_starts = [h[0] for h in hedge_spans]
            k = bisect.bisect_left(hedge_starts, s_start)
            hedged = k < len(hedge_spans) and hedge_spans[k][0] < s_end

        cited = doc.view.orig_text(c_start, c_end) if c_end > c_start else ""
        att = Attribution(phrase_start, end, cited, c_start, c_end, kind, hedged, content_start,
                          anaphoric, content_end, None, s_index)
        if anaphoric:
            ante = next((i for i in range(len(out) - 1, -1, -1) if not out[i].anaphoric), None)
            att.antecedent = ante
            if ante is not None and (kind == "unnamed" or not chain):
                att.cited_kind = out[ante].cited_kind
        out.append(att)
        taken_until = end
    return _own_voice(doc, ctx, out)


# "11:40" is a time, not a header's colon
_HEADER_COLON = re.compile(r"(?<!\d):(?!\d)")
_MAX_HEADER_TOKENS = 10
_HEADER_LEAD = frozenset(normalize_key(w) for w in ("بيان", "بلاغ", "عسكري", "صادر", "عن", "من", "عاجل", "|"))


def _own_voice(doc: Doc, ctx: _Ctx, out: list[Attribution]) -> list[Attribution]:
    """A statement tells its events in its own voice, with no reporting verb: a header
    naming the body before a colon ("خلية الإعلام الأمني: ...", "بيان من قوات الدعم
    السريع: ...") or an army's or group's first person ("أحبطت قواتنا", "تمكنت وحداتنا
    الباسلة"). Such a sentence with no attribution of its own gets one: the body named, or
    the first-person words (a military source)."""
    lex = ctx.lex
    norm = doc.norm
    voice = lex.own_voice.find(norm) if lex.own_voice is not None else []
    if not voice and ":" not in norm:
        return out
    taken = {a.sentence for a in out if a.cited_end > a.cited_start}    # a bare "وأضاف" names no one
    extra: list[Attribution] = []
    for s_start, s_end, s_index in _sentences(doc):
        if s_index in taken:
            continue
        colon = _HEADER_COLON.search(norm, s_start, s_end)
        if colon is not None and ctx.token_idx(colon.start()) - ctx.token_idx(s_start) <= _MAX_HEADER_TOKENS:
            named = [it for it in ctx.items if s_start <= it.word_start and it.end <= colon.start()
                     and it.role != "qualifier"]
            if named:
                chain = _chain_forward(ctx, named[0], colon.start())
                kind = _chain_kind(chain)
                c_start, c_end = chain[0].start, _absorb_nisba(ctx, chain[-1].end, colon.start())
                # the header is the body's name alone, after at most "بيان (عسكري) صادر عن"
                lead = [t.text for t in doc.tokens_between(s_start, chain[0].word_start)]
                if kind != "unnamed" and not norm[c_end:colon.start()].strip() \
                        and all(w in _HEADER_LEAD for w in lead):
                    extra.append(Attribution(s_start, colon.end(), doc.view.orig_text(c_start, c_end), c_start, c_end,
                                             kind, False, _skip_space(norm, colon.end(), s_end), False, s_end, None,
                                             s_index, True))
                    continue
        own = next((v for v in voice if s_start <= v.word_start and v.end <= s_end), None)
        if own is not None:
            extra.append(Attribution(own.word_start, own.end, doc.view.orig_text(own.start, own.end), own.start,
                                     own.end, "military", False, s_start, False, s_end, None, s_index, True))
    if not extra:
        return out
    merged = sorted(out + extra, key=lambda a: a.start)
    where = {id(a): i for i, a in enumerate(merged)}
    for a in out:
        if a.antecedent is not None:
            a.antecedent = where[id(out[a.antecedent])]
    return merged


def _cue_at_word(cues: list, from_idx: int, pos: int):
    for c in cues[from_idx:from_idx + 2]:
        if c.word_start == pos and c.values[0].kind == "verb":
            return c
    return None


def _find_complementizer(ctx: _Ctx, pos: int, limit: int) -> int | None:
    """End of the first complementizer (or colon) within reach after ``pos``."""
    colon = ctx.norm.find(":", pos, limit)
    i = ctx.token_idx(pos)
    for n in range(_MAX_COMPLEMENTIZER):
        if i + n >= len(ctx.tokens):
            break
        t = ctx.tokens[i + n]
        if t.start >= limit or (colon != -1 and t.start > colon):
            break
        if ctx.is_comp(t.text):
            # "الى ان" / "عن ان": the content starts after the last word of the pair.
            return t.end
    if colon != -1 and ctx.token_idx(colon) - i <= _MAX_COMPLEMENTIZER:
        k = ctx.token_idx(colon)
        if k < len(ctx.tokens) and ctx.tokens[k].start < limit and ctx.is_comp(ctx.tokens[k].text) \
                and not ctx.norm[colon + 1:ctx.tokens[k].start].strip():
            return ctx.tokens[k].end   # "في تقرير: إن ..."
        return colon + 1
    return None


def _says_statement(ctx: _Ctx, pos: int, limit: int) -> bool:
    i = ctx.token_idx(pos)
    return any(t.start < limit and t.text in ("بيان", "ببيان", "تصريح", "تصريحات", "بلاغ")
               for t in ctx.tokens[i:i + 3])


def _skip_space(norm: str, pos: int, limit: int) -> int:
    while pos < limit and (norm[pos].isspace() or norm[pos] in "،,:\"'"):
        pos += 1
    return pos


def _trim_back(norm: str, start: int, pos: int) -> int:
    while pos > start and (norm[pos - 1].isspace() or norm[pos - 1] in "،,-"):
        pos -= 1
    return pos
