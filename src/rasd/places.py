"""Place mentions: which gazetteer hits in a document are places, and which places.

Owns: the place lexicon (rasd/lang/ar/places.yaml, common_words.txt), context gating of
gazetteer hits (place nouns, locative prepositions, relative-location words,
coordination, major places; guards for common words, person, faction and organisation
names), region and relative mentions, unlisted sites, anaphora ("في المدينة"), and the
explainable disambiguation score (admin context, distance to the article's other
places, placetype and population priors).
"""
from __future__ import annotations

import bisect
import functools
import math
import operator
import re
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path

from .doc import Doc
from .gazetteer import Gazetteer, Place, WordMatcher, get_gazetteer, token_words
from .gazetteer import loose_key as _loose_key
from .gazetteer import name_key as _name_key
from .lexicon import NOUN_PREFIXES, LexiconError, Match, PhraseMatcher, data_path, load_yaml, require, string_list
from .normalize import normalize_key
from .record import Location

_GAP_OK = frozenset(' "\'\t')
_ROAD_GAP = frozenset(" -–—/")
_PRONOUNS = ("ه", "ها", "هم", "هما")
_SETTLEMENT_TYPES = ("locality", "neighbourhood")
_KINDS = ("settlement", "region", "subsite_part", "subsite_near")
_PREFERS = ("settlement", "region", "county", "subdistrict", "neighbourhood", "any")
_SEAT_PRIOR = {"PPLC": 2.0, "PPLA": 1.5, "PPLA2": 1.0, "PPLA3": 0.4}
_TYPE_PRIOR = {"locality": 1.0, "region": 0.8, "country": 0.6, "county": 0.3, "subdistrict": 0.2, "neighbourhood": 0.1, "area": 0.7}
_MAJOR_CODES = frozenset({"PPLC", "PPLA"})
_MAJOR_POPULATION = 50_000
_ANCHORS = 6
# Keys of the words and names seen in documents repeat endlessly: normalise each once.
name_key = functools.lru_cache(maxsize=1 << 16)(_name_key)
_MAIN_COUNTRY = 1.2       # in the article's main country: as much as its governorate named elsewhere
_MAX_BONUS = 2.0          # the largest coherence bonus (a place within 15 km of another)
_NEAR_TYPES = ("locality", "neighbourhood", "subdistrict")
_SITE_FAR_KM = 25         # "سجن رومية شرق بيروت": a site's town this near the next place is that town


# --------------------------------------------------------------------------- lexicon

@dataclass(frozen=True, slots=True)
class Cue:
    category: str        # noun | relative | prep | anaphor | person | faction | org | diradj | namehead
    word: str
    kind: str = ""
    prefers: str = "any"
    unlisted: bool = True
    in_mention: bool = False
    precision: int = 1
    road: bool = False       # a relative word naming a road between places ("طريق حلب دمشق")


@dataclass(frozen=True, slots=True)
class PlaceLexicon:
    cues: PhraseMatcher
    non_places: PhraseMatcher
    areas: PhraseMatcher
    common: frozenset[str]
    heads: frozenset[str]
    attached_preps: frozenset[str]
    demonyms: PhraseMatcher | None = None    # nationality adjectives → ISO2 (votes for the article's country)
    capitals: dict = field(default_factory=dict)   # (name key, ISO2) → "PPLC" | "PPLA" (seats the index lacks)
    capital_words: frozenset[str] = frozenset()    # "العاصمة": a national capital's name follows
    outlet_tails: frozenset[str] = frozenset()     # "مقديشو تايمز": a place before these names an outlet


@functools.cache
def load_lexicon() -> PlaceLexicon:
    """Read and validate places.yaml and common_words.txt (once per process)."""
    path = data_path("places.yaml")
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError(path, None, "top level must be a mapping")
    entries: list[tuple[str, Cue]] = []
    for group in require(data, "place_nouns", list, path):
        kind = require(group, "kind", str, path)
        prefers = require(group, "prefers", str, path)
        if kind not in _KINDS:
            raise LexiconError(path, group.line, f"kind must be one of {', '.join(_KINDS)}, got {kind!r}")
        if prefers not in _PREFERS:
            raise LexiconError(path, group.line, f"prefers must be one of {', '.join(_PREFERS)}, got {prefers!r}")
        unlisted = require(group, "unlisted", bool, path, optional=True, default=True)
        in_mention = require(group, "in_mention", bool, path, optional=True, default=kind.startswith("subsite"))
        for w in string_list(group, "words", path):
            entries.append((w, Cue("noun", normalize_key(w), kind, prefers, unlisted, in_mention)))
    for group in require(data, "relative_words", list, path):
        precision = require(group, "precision", int, path)
        if precision not in (2, 3):
            raise LexiconError(path, group.line, f"precision must be 2 or 3, got {precision}")
        road = require(group, "road", bool, path, optional=True, default=False)
        for w in string_list(group, "words", path):
            entries.append((w, Cue("relative", normalize_key(w), precision=precision, road=road)))
    for key, cat in (("direction_adjectives", "diradj"), ("prepositions", "prep"), ("anaphors", "anaphor"),
                     ("person_markers", "person"), ("faction_heads", "faction"), ("organisation_heads", "org"),
                     ("non_place_heads", "org")):
        for w in string_list(data, key, path, optional=key == "non_place_heads"):
            entries.append((w, Cue(cat, normalize_key(w))))
    areas: list[tuple[str, Place]] = []
    for i, a in enumerate(require(data, "named_areas", list, path)):
        name = require(a, "name", str, path)
        country = require(a, "country", str, path)
        if len(country) != 2 or not country.isupper():
            raise LexiconError(path, a.line, f"country must be an ISO2 code, got {country!r}")
        lat = require(a, "lat", (int, float), path, optional=True)
        lon = require(a, "lon", (int, float), path, optional=True)
        admin1 = require(a, "admin1", str, path, optional=True)
        ptype = require(a, "placetype", str, path, optional=True, default="area")
        if ptype not in ("area", "locality", "region", "country", "neighbourhood"):
            raise LexiconError(path, a.line, f"placetype must be area, locality, neighbourhood, region or country, got {ptype!r}")
        pop = require(a, "population", int, path, optional=True, default=0)
        place = Place(f"rasd:area:{i}", name, require(a, "name_en", str, path), ptype, country, admin1, None, None,
                      float(lat) if lat is not None else None, float(lon) if lon is not None else None, pop, None, None)
        for n in (name, *string_list(a, "aliases", path, optional=True)):
            areas.append((n, place))
    common_path = data_path("common_words.txt")
    common: set[str] = set()
    with open(common_path, encoding="utf-8") as fh:
        for n, raw in enumerate(fh, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if any(ch.isascii() and ch.isalpha() for ch in line):
                raise LexiconError(common_path, n, f"expected an Arabic word, found {line!r}")
            common.add(name_key(line))
            common.add(normalize_key(line))
    heads = frozenset(name_key(w) for w in string_list(data, "name_heads", path))
    attached = frozenset(normalize_key(w) for w in string_list(data, "attached_prepositions", path))
    demonyms: list[tuple[str, str]] = []
    table = require(data, "country_adjectives", dict, path, optional=True, default={})
    for iso, words in table.items():
        if not isinstance(iso, str) or len(iso) != 2 or not iso.isupper():
            raise LexiconError(path, getattr(table, "line", None), f"country_adjectives keys must be ISO2 codes, got {iso!r}")
        demonyms += [(w, iso) for w in string_list(table, iso, path)]
    capitals: dict[tuple[str, str], str] = {}
    for key, code in (("admin1_capitals", "PPLA"), ("national_capitals", "PPLC")):
        table = require(data, key, dict, path, optional=True, default={})
        for iso, words in table.items():
            if not isinstance(iso, str) or len(iso) != 2 or not iso.isupper():
                raise LexiconError(path, getattr(table, "line", None), f"{key} keys must be ISO2 codes, got {iso!r}")
            for w in string_list(table, iso, path):
                capitals[(name_key(w), iso)] = code      # national last: Tripoli is Libya's PPLC
    capital_words = frozenset(normalize_key(w) for w in string_list(data, "capital_words", path, optional=True))
    outlet_tails = frozenset(normalize_key(w) for w in string_list(data, "outlet_tails", path, optional=True))
    return PlaceLexicon(
        capitals=capitals, capital_words=capital_words, outlet_tails=outlet_tails,
        demonyms=PhraseMatcher(demonyms, prefixes=frozenset({"", "ال", "و", "وال"})),
        cues=PhraseMatcher(entries),
        non_places=PhraseMatcher((w, w) for w in string_list(data, "non_place_names", path)),
        areas=PhraseMatcher(areas),
        common=frozenset(common), heads=heads, attached_preps=attached,
    )


# --------------------------------------------------------------------------- mentions

@dataclass(slots=True)
class PlaceMention:
    start: int
    end: int
    mention: str
    place: Place | None
    kind: str
    geo_precision: int
    admin1: str | None
    country: str | None
    score: float
    reason: str
    cue: str | None
    countryside: bool = False
    candidates: int = field(default=0, repr=False)
    license: str = ""              # what in the context made it a place (noun, preposition, major, …)
    ranked: list = field(default_factory=list, repr=False)   # (score, Place, reasons), best first
    site: bool = False             # a site named after the town ("سوق الأتارب", "حاجز القطيفة")

    def to_location(self) -> Location:
        p = self.place
        if p is None:
            return Location(mention=self.mention, admin1=self.admin1, country=self.country,
                            geo_precision=self.geo_precision, lat=None, lon=None)
        name_ar, name_en = p.name_ar, p.name_en
        if self.countryside and not name_key(name_ar).startswith("ريف"):
            name_ar, name_en = f"ريف {name_ar}", f"{name_en} countryside"
        return Location(mention=self.mention, name_ar=name_ar, name_en=name_en, admin1=self.admin1 or p.admin1,
                        admin2=p.admin2, country=self.country or p.country, lat=p.lat, lon=p.lon,
                        geo_precision=self.geo_precision, gazetteer_id=None if p.id.startswith("rasd:") else p.id,
                        pcode=p.pcode)


class _Hit:
    """A gazetteer hit under judgement. A plain slotted class rather than a dataclass:
    every document builds dozens, and the dataclass's default factories cost more than
    the rest of the construction."""

    __slots__ = ("start", "end", "word_start", "key", "prefix", "cands", "nouns", "relative", "prep", "sentence_at",
                 "sentence", "license", "cue_word", "cue_start", "chosen", "scores", "notes", "ranked", "coord_of",
                 "site_only", "own_site", "share")

    def __init__(self, start: int, end: int, word_start: int, key: str, prefix: str, cands: list[Place],
                 nouns: list[Cue], relative: Cue | None, prep: str | None, sentence_at: int, license: str = ""):
        self.start = start              # mention start (article kept)
        self.end = end
        self.word_start = word_start    # clitics included
        self.key = key
        self.prefix = prefix
        self.cands = cands
        self.nouns = nouns
        self.relative = relative
        self.prep = prep
        self.sentence_at = sentence_at  # where the name's sentence is read (its own start)
        self.sentence = -1              # (looked up once the hit is licensed)
        self.license = license
        self.cue_word: str | None = None
        self.cue_start = -1
        self.chosen: Place | None = None
        # (empty tuples until set: these are replaced, never appended to)
        self.scores: list[float] | tuple = ()
        self.notes: list[str] | tuple = ()
        self.ranked: list[tuple[float, Place, list[str]]] | tuple = ()     # best first
        self.coord_of: _Hit | None = None   # the hit this one is coordinated with ("X وY")
        self.site_only = False              # "مستشفى الرحمة": a site named with a word, not after a town
        self.own_site = False               # "مخيم جباليا" indexed whole: the site's own record
        self.share: float | None = None     # the winner's softmax share while scores are a memo's


# "قرية ميدانكي", "بلدة خانصور": after a singular village noun an indefinite word is a
# name the gazetteer lacks unless it looks like the feminine adjective or verb that also
# follows these nouns ("قرية صغيرة", "بلدة أخرى", "قرية تقع", "قرية بأكملها").
# The noun records of some sources carry in their names ("قرية X"), yielding to noun + name.
_VILLAGE_NOUNS = frozenset({"قريه"})


def _comma_gap(norm: str, a: int, b: int) -> bool:
    gap = norm[a:b]
    return a < b and ("،" in gap or "," in gap) and all(ch in " ،," for ch in gap)


def _gap_ok(norm: str, a: int, b: int) -> bool:
    return a <= b and all(ch in _GAP_OK for ch in norm[a:b])


@functools.lru_cache(maxsize=16)
def _word_reader(matcher: PhraseMatcher) -> WordMatcher | None:
    return WordMatcher.of(matcher)


def _find_all(matcher: PhraseMatcher, norm: str, doc: Doc | None) -> list[Match]:
    """``matcher.find_all(norm)``, read off the document's words where it can be (the
    same matches: see gazetteer.WordMatcher)."""
    reader = _word_reader(matcher) if doc is not None and doc.norm is norm and "_" not in norm else None
    if reader is None:
        return matcher.find_all(norm)
    tokens = doc.tokens
    return reader.find_all(norm, tokens.starts, tokens.ends, token_words(tokens))


def _cue_index(lex: PlaceLexicon, norm: str, definite: set[tuple[int, int]] | None = None, doc: Doc | None = None
               ) -> tuple[dict[int, Match], dict[int, Match]]:
    """Cue words keyed by where their word ends and where it starts. Readings of one word
    are merged ("المدينة" is both the noun مدينة with the article and the anaphor); a
    definite noun never introduces a name, so those readings are dropped. A cue starting
    inside one kept before it is no cue of its own ("غرب" in "شمال غرب")."""
    spans: dict[tuple[int, int], list[Match]] = {}
    for m in _find_all(lex.cues, norm, doc):
        k = (m.word_start, m.word_end)
        got = spans.get(k)
        if got is None:
            spans[k] = [m]
        else:
            got.append(m)
    by_end: dict[int, Match] = {}
    by_start: dict[int, Match] = {}
    covered = -1            # end of the last cue kept (kept cues never overlap)
    # (by start, the longest first: (start, start - end) pairs sort so, with no key calls)
    for ws, back in sorted([(ws, ws - we) for ws, we in spans]):
        if ws < covered:
            continue
        we = ws - back
        ms = spans[(ws, we)]
        if len(ms) == 1:
            m = ms[0]
            values = _DEF_FILTER(m.values) if m.prefix.endswith("ال") else m.values
            if not values:
                if definite is not None:
                    definite.add((ws, we))      # "المدخل": a definite place noun, no cue and no name
                continue
            merged = m if values is m.values else Match(m.start, m.end, ws, we, m.key, values, m.prefix)
        else:
            vals: list[Cue] = []
            for m in ms:
                vals += _DEF_FILTER(m.values) if m.prefix.endswith("ال") else m.values
            if not vals:
                continue
            best = max(ms, key=lambda m: len(m.key))
            merged = Match(best.start, best.end, ws, we, best.key, tuple(vals), best.prefix)
        by_end[we] = merged
        by_start[ws] = merged
        covered = we
    return by_end, by_start


def _DEF_FILTER(values: tuple) -> tuple:
    """A cue's readings that survive the article (nouns, relative words and prepositions do not).
    Kept per readings tuple by identity: hashing the tuple would hash every reading."""
    got = _DEFINITE.get(id(values))
    if got is None or got[0] is not values:
        if len(_DEFINITE) > 4096:
            _DEFINITE.clear()
        # (the entry holds the tuple, so that its id stays its own while it is kept)
        got = _DEFINITE[id(values)] = (values, tuple(v for v in values if v.category not in ("noun", "relative", "prep")))
    return got[1]


_DEFINITE: dict[int, tuple[tuple, tuple]] = {}


def _preceding(by_end: dict[int, Match], norm: str, pos: int, limit: int = 3) -> list[Match]:
    """The chain of cue words standing right before ``pos`` (nearest first)."""
    out: list[Match] = []
    while len(out) < limit:
        j = pos
        while j > 0 and norm[j - 1] in _GAP_OK:
            j -= 1
        m = by_end.get(j)
        if m is None or j == pos and out:
            break
        out.append(m)
        pos = m.word_start
    return out


def _values(m: Match, category: str) -> tuple[Cue, ...]:
    """A cue's readings of one category."""
    return _split(m).get(category, ())


def _split(m: Match) -> dict[str, tuple[Cue, ...]]:
    """A cue's readings by category, and under "_unlisted" its nouns that may announce an
    unlisted place (asked hundreds of times per document, of the same few readings
    tuples: each is split once)."""
    vals = m.values
    got = _BY_CATEGORY.get(id(vals))
    if got is None or got[0] is not vals:
        if len(_BY_CATEGORY) > 4096:
            _BY_CATEGORY.clear()
        split: dict[str, list[Cue]] = {}
        for v in vals:
            split.setdefault(v.category, []).append(v)
        out = {k: tuple(v) for k, v in split.items()}
        out["_unlisted"] = tuple(v for v in out.get("noun", ()) if v.unlisted)
        # (the entry holds the tuple, so that its id stays its own while it is kept)
        got = _BY_CATEGORY[id(vals)] = (vals, out)
    return got[1]


_BY_CATEGORY: dict[int, tuple[tuple, dict[str, tuple[Cue, ...]]]] = {}
_CUE_WORD = frozenset({"noun", "relative", "prep", "anaphor"})     # a word that is one of these is no name
_NAME_HEADS = frozenset({"person", "faction", "org"})               # a name after one of these is theirs


def _sentence_index(doc: Doc, pos: int) -> int:
    s = doc.sentence_at(pos) if doc.sentences else None
    return s.index if s is not None else -1


@functools.lru_cache(maxsize=256)
def _attached_prep(prefix: str, attached: frozenset[str]) -> str | None:
    core = prefix[:-2] if prefix.endswith("ال") else prefix
    if core.startswith(("و", "ف")):
        core = core[1:]
    if core == "لل":
        return "ل"
    return core if core in attached else None


def find_places(doc: Doc, gazetteer: Gazetteer | None = None,
                trace: list[tuple[int, int, str]] | None = None) -> list[PlaceMention]:
    """All place mentions in ``doc``, context-gated and disambiguated, in text order.

    ``trace``, when given, receives (start, end, why) for every gazetteer hit that was
    judged not to be a place (normalised offsets) — what `rasd geocode` prints."""
    gaz = gazetteer or get_gazetteer()
    note = trace.append if trace is not None else None
    lex = load_lexicon()
    norm = doc.norm
    definite: set[tuple[int, int]] = set()
    by_end, by_start = _cue_index(lex, norm, definite, doc)
    blocked = [(m.word_start, m.word_end) for m in lex.non_places.find(norm)]

    area_hits = lex.areas.find_all(norm)
    raw = gaz.find_all(norm, doc.tokens) + area_hits
    raw.sort(key=lambda m: (m.word_start, -(m.end - m.start)))
    # a listed area spelt like an indexed place of another country (Egypt's رفح beside
    # Gaza's) is one more candidate of that hit, for the context to weigh, rather than a
    # hit the other hides
    area_at = {(m.word_start, m.word_end): m.values for m in area_hits}
    hits: list[_Hit] = []
    dormant: list[tuple[Match, int]] = []     # bare words with nothing to make them places (yet)
    major, attached = gaz.major, lex.attached_preps
    last_end = -1
    for m in raw:
        if m.word_start < last_end:
            continue
        while blocked and blocked[0][1] <= m.start:
            blocked.pop(0)              # non-place phrases are in text order, as are the hits
        if blocked and blocked[0][0] < m.end:
            if note:
                note((m.start, m.end, "part of a name listed in non_place_names (a faction, organisation or region phrase)"))
            continue
        if lex.outlet_tails and norm[m.end:m.end + 1] == " " \
                and norm[m.end + 1:].split(" ", 1)[0].strip('"»،.') in lex.outlet_tails:
            if note:
                note((m.start, m.end, "names an outlet ('… تايمز', '… نيوز'), not a place"))
            continue
        is_area = isinstance(m.values[0], Place)
        ws = m.word_start
        if not is_area and ws not in by_start and m.start not in by_start and (ws, m.word_end) not in definite \
                and m.key not in major and not m.prefix.startswith("و") and _attached_prep(m.prefix, attached) is None:
            # Most hits are bare words with no cue of their own: the checks below would all
            # pass them by and leave them dormant, unless a cue stands right before them
            # (or a comma), which one look back tells.
            j = ws
            while j > 0 and norm[j - 1] in _GAP_OK:
                j -= 1
            if j not in by_end and norm[max(0, ws - 2):ws].strip() not in ("،", ","):
                dormant.append((m, m.start - 2 if m.prefix.endswith("ال") else m.start))
                last_end = m.word_end
                continue
        if (m.word_start, m.word_end) in definite and not is_area and not _after_quarter_noun(by_end, norm, m.word_start):
            if note:
                note((m.start, m.end, "a place noun with the article ('المدخل', 'المعبر'), not a name"))
            continue
        same = by_start.get(m.word_start)
        if same is not None and same.word_end == m.word_end and not _split(same).keys().isdisjoint(_CUE_WORD):
            if note:
                note((m.start, m.end, "the word is a place cue (noun, preposition, relative word), not a name"))
            continue  # the word is a cue ("محيط", "مدينة"), not a name
        first = by_start.get(m.start)
        if first is not None and first.word_end < m.end and not (
                any(c.placetype in ("region", "country") for c in m.values) if is_area else m.key in gaz.regions):
            # "شمال حماة" or "ريف إدلب" indexed as one village name: the cue reading wins.
            if _values(first, "relative") or any(v.kind == "region" for v in _values(first, "noun")):
                if note:
                    note((m.start, m.end, f"read as '{first.key}' + a name, not one village name"))
                continue
        # "محافظة إدلب" indexed whole (the city lists it among its names): the noun inside
        # the name still says what kind of place it is
        own = by_start.get(m.word_start)
        if own is not None and own.word_end < m.end and not is_area and any(v.kind == "settlement" for v in _values(own, "noun")):
            # "مدينة حمص" indexed whole: read the noun as a cue when the rest names the same
            # place, so that the mention is "حمص" as everywhere else ("مدينة الصدر" stays).
            # The same place: the same record, or a town of the same governorate as the
            # city's own district ("مدينة البيضاء", Yemen's district of al-Bayda city),
            # whose homonyms abroad the rest's candidates then let the context weigh.
            rest = gaz.keys.get(name_key(m.key.split(" ", 1)[1])) if " " in m.key else None
            whole = gaz.keys.get(m.key, ())
            if rest and (set(rest) & set(whole) or _same_town(gaz.places(whole), gaz.places(rest))):
                continue
        village_rest: tuple | None = None
        own_site = False
        if own is not None and own.word_end < m.end and not is_area and m.key.split(" ", 1)[0] in _VILLAGE_NOUNS:
            # "قرية الكرامة", "قرية عون" are indexed whole (Iraqi records named "Qaryat X"),
            # but news writes the noun before any village: the name is the rest, announced by
            # the noun, and its homonyms compete ("قرية الكرامة بريف الرقة" is in Raqqa)
            village_rest = tuple(gaz.keys.get(name_key(m.key.split(" ", 1)[1]), ()))
        if own is not None and own.word_end < m.end and _values(own, "org") and not _values(own, "noun"):
            # "مركز ادلب الإعلامي": an organisation head starts this name, not an admin word
            if note:
                note((m.start, m.end, f"starts with '{own.key}': part of an organisation name"))
            continue
        inner = [v for v in _values(own, "noun") if v.kind == "region" and not v.in_mention] \
            if own is not None and own.word_end < m.end else []
        start = m.start - 2 if m.prefix.endswith("ال") else m.start
        if village_rest is not None:
            start = own.word_end
            while start < m.end and norm[start] == " ":
                start += 1
        chain = _preceding(by_end, norm, m.word_start)
        if len(chain) >= 2 and any(v.road for v in _values(chain[0], "relative")) \
                and any(v.category == "noun" and v.kind == "subsite_part" for v in chain[1].values):
            chain = chain[1:]       # "حي طريق السد": the road word is part of the quarter's name
        nouns: list[Cue] = []
        relative = None
        prep = _attached_prep(m.prefix, lex.attached_preps)
        guard = False
        after_prep = False      # "للمستشفى من زاوية": a noun beyond a preposition is not this name's
        for i, c in enumerate(chain):
            split = _split(c)
            if i == 0 and "noun" not in split and not split.keys().isdisjoint(_NAME_HEADS):
                # "اقتحم الجيش طولكرم": a definite noun heads no construct, so an
                # indefinite name after it is not part of a faction's name
                if (c.prefix.endswith("ال") or c.key.startswith("ال")) and not m.prefix.endswith("ال") \
                        and not m.key.startswith("ال") and not _values(c, "person"):
                    break
                guard = True
                break
            ns = split.get("noun", ())
            rel = split.get("relative", ())
            if after_prep and not rel:
                break           # only "بالقرب من X" reaches back over a preposition
            if ns and not nouns and relative is None:
                nouns = ns
            elif rel and relative is None:
                relative = rel[0]
            elif "prep" in split and prep is None:
                prep = c.key
            if "prep" in split and not ns:
                after_prep = True
            _attached = _attached_prep(c.prefix, lex.attached_preps)
            if _attached and prep is None:
                prep = _attached
        if inner and not nouns:
            nouns = inner
        if not nouns and own is not None and own.word_end < m.end and not is_area:
            # a name that starts with its own settlement noun ("قرية X" indexed whole) is
            # announced by it, as "قرية" before a name would announce it
            nouns = [v for v in _values(own, "noun") if v.kind == "settlement"]
            # "مخيم جباليا" indexed whole: the record is the site itself, notable as such
            own_site = not nouns and any(v.kind == "subsite_near" for v in _values(own, "noun"))
        if guard:
            if note:
                note((m.start, m.end, f"follows '{chain[0].key}': part of a person, faction or organisation name"))
            continue
        if not chain and not nouns and prep is None and not m.prefix.startswith("و") and not is_area \
                and not own_site and m.key not in gaz.major and norm[max(0, m.word_start - 2):m.word_start].strip() not in ("،", ","):
            # no cue, no fame: a place only if named elsewhere with a noun (decided below)
            dormant.append((m, start))
            last_end = m.word_end
            continue
        cands = list(m.values) if is_area else gaz.places_of(m.key)
        if village_rest:
            cands += [c for c in gaz.places(village_rest) if c not in cands]
        if not is_area and (m.word_start, m.word_end) in area_at:
            indexed = {c.country for c in cands}
            cands += [p for p in area_at[(m.word_start, m.word_end)] if isinstance(p, Place) and p.country not in indexed]
        if not cands:
            continue
        h = _Hit(start, m.end, m.word_start, m.key, m.prefix, cands, nouns, relative, prep, m.start)
        if village_rest is not None:
            h.cue_word, h.cue_start = doc.view.orig_text(own.start, own.end), own.start
        elif chain:
            h.cue_word = doc.view.orig_text(chain[0].start, chain[0].end)
            h.cue_start = chain[0].start
        elif own_site:
            h.cue_word = doc.view.orig_text(own.start, own.end)
        h.own_site = own_site
        hits.append(h)
        last_end = m.word_end

    _license(hits, lex, norm, doc)
    if dormant:
        strong = {h.key for h in hits if h.license in ("noun", "relative", "coordination")}
        woken = []
        for m, start in dormant:
            if m.key in strong and m.key not in lex.common:
                woken.append(_Hit(start, m.end, m.word_start, m.key, m.prefix, gaz.places_of(m.key), [], None,
                                  None, m.start, license="repeated"))
            elif note:
                note((start, m.end, "no place noun, preposition or relative word before it"))
        if woken:
            hits = sorted(hits + woken, key=lambda h: h.start)
    if note:
        for h in hits:
            if not h.license:
                note((h.start, h.end, h.notes[0] if h.notes else "no place noun, preposition or relative word before it"))
    hits = [h for h in hits if h.license]
    for h in hits:
        # (the sentence only for the hits that are places: it weighs their admin context)
        h.sentence = _sentence_index(doc, h.sentence_at)
    _disambiguate(hits, doc)
    mentions = []
    for h in hits:
        pm = _to_mention(h, doc, gaz, by_start)
        if pm is not None:
            pm.license = h.license
            pm.ranked = h.ranked
            mentions.append(pm)
    sites = [m for m in mentions if m.kind == "unlisted" and not any(_is_major(c) for _, c, _ in m.ranked)]
    checked = _check_context(doc, lex, by_start, mentions)
    for m in sites:
        # the camp/quarter's own town if the sentence names one, over a homonymous
        # village (a major town is its own context: "أحياء مأرب"); only places that
        # survived the context check situate it ("بجرم الانتماء" is no Yemeni village)
        sent = doc.sentence_at(m.start)
        ctx = _context_admin([x for x in checked if x.kind != "unlisted"], m.end, sent.end if sent else m.end)
        if ctx is not None:
            m.admin1, m.country = ctx.admin1, ctx.country
            m.reason = m.reason.split("; admin from ")[0] + f"; admin from {ctx.mention}"
    if note and len(checked) < len(mentions):
        kept = {id(m) for m in checked}
        for m in mentions:
            if id(m) not in kept:
                note((m.start, m.end, f"{m.place.name_en if m.place else m.mention}: its context contradicts it "
                                      "(the name goes on, another country, or the article missing) on weak evidence"))
    mentions = checked
    # "33 جنديا تركيا": a country name right after an accusative noun is its adjective
    if note:
        for m in mentions:
            if _adjective_country(doc, m):
                note((m.start, m.end, "a nationality adjective after a noun, not the country"))
    mentions = [m for m in mentions if not _adjective_country(doc, m)]
    # (the cues that may announce an unlisted place or stand for one, sorted out once)
    noun_cues: list[Match] = []
    anaphor_cues: list[Match] = []
    for cue in by_start.values():
        split = _split(cue)
        if split["_unlisted"]:
            noun_cues.append(cue)
        if "anaphor" in split:
            anaphor_cues.append(cue)
    mentions += _unlisted(doc, lex, by_end, by_start, mentions, norm, gaz, noun_cues)
    mentions.sort(key=lambda x: x.start)
    _quarters_in_towns(doc, mentions)
    if any(m.country is None for m in mentions):
        main = _main_country(mentions, doc)      # an unlisted site with no context: the article's country
        for m in mentions:
            if m.country is None and main is not None and m.kind == "unlisted":
                m.country = main
    mentions += _anaphors(doc, lex, by_end, by_start, mentions, norm, anaphor_cues)
    mentions.sort(key=lambda x: x.start)
    # "حي تل السلطان غرب المدينة": a quarter situated by an anaphor lies in the town it names
    _quarters_in_towns(doc, mentions)
    return mentions


def _after_quarter_noun(by_end: dict[int, Match], norm: str, pos: int) -> bool:
    """Whether a quarter noun stands right before ``pos``: "حي الميدان" names a quarter
    with a place noun, which elsewhere ("في الميدان") is no name."""
    chain = _preceding(by_end, norm, pos, 1)
    return bool(chain) and any(v.kind == "subsite_part" for v in _values(chain[0], "noun"))


def _same_town(whole: list[Place], rest: list[Place]) -> bool:
    """Whether a name indexed whole after a settlement noun ("مدينة البيضاء": a city
    district) is a town the bare name also lists: a district and a town of one governorate."""
    return any(w.placetype in ("county", "subdistrict") and any(
        r.placetype == "locality" and r.country == w.country and r.admin1 == w.admin1 for r in rest) for w in whole)


def _seat_code(c: Place) -> str | None:
    """The candidate's administrative-seat code: GeoNames' own, else "PPLA" for a town
    that carries its governorate's name and no code at all — Who's On First keeps the
    main record of most governorate capitals (السويداء، درعا، كركوك، عدن) without one,
    so a GeoNames-coded district seat abroad would otherwise outrank the capital."""
    code = c.feature_code
    if c.placetype == "locality":
        # a capital places.yaml lists (El Obeid, Libya's Tripoli): the index lacks its code
        listed = load_lexicon().capitals.get((name_key(c.name_ar), c.country))
        if listed is not None and _SEAT_PRIOR[listed] > _SEAT_PRIOR.get(code or "", 0.0):
            return listed
    if code:
        return code if code in _SEAT_PRIOR else None
    if c.placetype == "locality" and c.admin1_ar and name_key(c.name_ar) == name_key(c.admin1_ar):
        return "PPLA"
    return None


def _seat_why(c: Place, code: str) -> str:
    if code == c.feature_code:
        return f"seat of administration ({code})"
    if (name_key(c.name_ar), c.country) in load_lexicon().capitals:
        return f"{'capital of ' + c.country if code == 'PPLC' else 'seat of ' + str(c.admin1)} (places.yaml, {code})"
    return f"seat of {c.admin1}, the governorate named after it ({code})"


def _is_major(c: Place) -> bool:
    return (c.placetype in ("region", "country", "area") or c.population >= _MAJOR_POPULATION
            or (c.feature_code or "") in _MAJOR_CODES)       # as gazetteer.is_notable, counties included


_STATIC: dict[str, tuple] = {}
_FIRST = operator.itemgetter(0)


def _static(c: Place) -> tuple:
    """The context-free part of a candidate's score, computed once per place: (place,
    type and population prior, seat prior, its reason, whether the name has the
    article, km per degree of longitude at its latitude). Population only ranks
    settlements: a governorate sharing a city's name ("الموصل") must not beat the city
    on its head count."""
    got = _STATIC.get(c.id)
    if got is not None and got[0] is c:
        return got
    s = _TYPE_PRIOR.get(c.placetype, 0.0) + (0.15 * math.log10(c.population + 1) if c.placetype in _SETTLEMENT_TYPES else 0.5)
    code = _seat_code(c)
    rank = _SEAT_PRIOR.get(code or "", 0.0)
    why = f"+{rank:g} {_seat_why(c, code)}" if rank else ""
    kx = 111.32 * math.cos(math.radians(c.lat)) if c.lat is not None else 0.0
    got = (c, s, rank, why, _definite(c.name_ar), kx)
    _STATIC[c.id] = got
    return got


def _license(hits: list[_Hit], lex: PlaceLexicon, norm: str, doc: Doc | None = None) -> None:
    """Decide which hits are places at all (rule 2), left to right for coordination.

    A preposition alone is weak evidence (most villages share their names with words), so
    such a hit must also be notable (known population, admin unit) or sit in a governorate
    the article names with strong evidence, or be named elsewhere with a place noun."""
    prev: _Hit | None = None
    weak: list[_Hit] = []
    for h in hits:
        # the whole word too: "وقوع" and "بواسطة" are words, not و + قوع or ب + واسطة
        # (whether ة is written only matters to a word ending in ه: the view folds ة so)
        common = _is_common(h.key, norm[h.start:h.end], norm[h.word_start:h.end], lex.common,
                            norm[h.end - 1:h.end] == "ه" and _ta_marbuta(doc, h.start, h.end))
        if h.nouns and any(n.kind == "subsite_part" for n in h.nouns):
            # Only a neighbourhood record can be "حي X"; otherwise X is an unlisted site.
            hoods = [c for c in h.cands if c.placetype == "neighbourhood"]
            if hoods:
                h.cands = hoods
        if h.nouns and common and all(n.kind in ("subsite_near", "subsite_part") for n in h.nouns):
            # "حواجز جديدة", "مطار عسكري": an adjective after a site noun, not a town;
            # "أحياء تحت الأنقاض": alive, not quarters
            h.license = ""
            h.notes = ["a common word after a site noun: an adjective, not a town"]
        elif h.nouns and common and not h.prefix.endswith("ال") and " " not in h.key \
                and not norm.startswith("ال", h.start) and (
                h.prefix.rstrip("و") or norm[h.end - 1:h.end] in ("ه", "ي", "ا")):
            # "مدينة كبيرة" (ك + بيرة), "مدينة كبرى", "بلدة أخرى": an indefinite adjective or
            # adverb after the noun, not a village so spelt (those are definite: قرية الكرامة)
            h.license = ""
            h.notes = ["an indefinite common word after a place noun: an adjective or adverb, not a name"]
        elif h.nouns and (_nisba_after_local(h, norm)
                          or common and all(normalize_key(n.word) in _LOCAL for n in h.nouns)):
            # "فصائل محلية درزية", "مصادر محلية كردية": محلية is the adjective "local",
            # and the nisba after it another adjective, not a Sudanese locality's name;
            # nor is a common word after it ("مصادر محلية بأن")
            h.license = ""
            h.notes = ["a nisba adjective after the adjective 'محلية', not a locality's name"]
        elif h.nouns or h.own_site and not common:
            h.license = "noun"      # (a site record named with its noun: "قصف الطيران مخيم اليرموك")
        elif h.relative is not None and not common:
            h.license = "relative"     # not "جنوب البلاد": the country, not a village
        elif prev is not None and prev.license and (
                h.prefix.startswith("و") and _gap_ok(norm, prev.end, h.word_start)
                # "قرى التمانعة، الخوين، سكيك": a comma list after a place noun
                or prev.license in ("noun", "coordination") and prev.nouns and not common
                and h.prefix in ("", "ال", "و", "وال") and _comma_gap(norm, prev.end, h.word_start)
                # "طريق حلب - دمشق": the second end of a road
                or prev.relative is not None and prev.relative.road and h.prefix in ("", "ال")
                and all(ch in _ROAD_GAP for ch in norm[prev.end:h.word_start])):
            h.license = "coordination"
            h.coord_of = prev
            h.nouns, h.relative = prev.nouns, prev.relative
            h.prep = h.prep or prev.prep
            h.cue_word = prev.cue_word
            h.cue_start = prev.cue_start
        elif common:
            h.license = ""
            h.notes = ["a common word (common_words.txt) with no place noun before it"]
        elif h.prep:
            h.license = "preposition"
            weak.append(h)
        elif any(_is_major(c) and c.placetype != "county" for c in h.cands):
            # (not after "العاصمة": "وسط العاصمة الخرطوم" names the capital)
            if h.prefix == "ال" and _after_definite_word(norm, h.word_start) \
                    and not norm[max(0, h.word_start - 12):h.word_start].rstrip().endswith(tuple(lex.capital_words)):
                # "السيارة البيضاء", "شبه الجزيرة": a definite word after a definite noun
                # is its adjective, not a governorate named on fame alone
                h.notes = ["a definite word right after a definite noun: an adjective, not a place"]
            elif not h.prefix and _nisba_after_indefinite_noun(norm, h.word_start, h.end):
                # "مظاهرة سلمية", "احتجاجات سلمية": an indefinite -ية word agreeing with the
                # indefinite noun before it is its adjective, not Salamiyah named on fame
                h.notes = ["an indefinite nisba right after an indefinite noun: an adjective, not a place"]
            else:
                h.license = "major"
        prev = h if h.license else None
    strong_admin: set[str] = set()
    # A site noun ("مستشفى", "حاجز", "مطار") before a name that is no notable town and lies
    # in no governorate the rest of the article names ("مستشفى الرحمة"): the site is named
    # with a word, not after a homonymous hamlet; it stays an unlisted site.
    admin_votes: dict[str, int] = {}
    for h in hits:
        if h.license and h.license != "preposition":
            own = {c.admin1 for c in h.cands if c.admin1}
            strong_admin |= own
            for a in own:
                admin_votes[a] = admin_votes.get(a, 0) + 1
    home: str | None = None         # the article's country, for "سجن رومية" (decided on first need)
    for h in hits:
        if h.license == "noun" and h.nouns and all(n.kind == "subsite_near" for n in h.nouns):
            own = {c.admin1 for c in h.cands if c.admin1}
            if not any(_is_major(c) or c.population > 0 or admin_votes.get(c.admin1, 0) > (c.admin1 in own)
                       for c in h.cands):
                if home is None:
                    home = _home_country(hits, doc) or ""
                if not _own_town(h, lex, norm, home):
                    h.site_only = True
    strong_keys = {h.key for h in hits if h.license in ("noun", "relative", "coordination")}
    for h in hits:
        if not h.license and h.key in strong_keys and h.key not in lex.common:
            h.license = "repeated"
    for h in weak:
        if h.key in strong_keys or h.own_site:
            continue
        notable = [c for c in h.cands if c.population > 0 or c.placetype != "locality" or _is_major(c)
                   or _static(c)[2]]       # a district seat is notable too (its seat prior)
        coherent = [c for c in h.cands if c.admin1 in strong_admin]
        if coherent:
            h.cands = coherent
        elif notable:
            h.cands = notable
        else:
            h.license = ""
            h.notes = ["a preposition alone, and no candidate is notable or in a governorate the article names"]
    for h in hits:
        if h.license == "coordination" and h.coord_of is not None and not h.coord_of.license:
            h.license = ""      # "لحظة وقوعه": coordinated with a word that turned out not to be a place
            h.notes = [f"coordinated with '{norm[h.coord_of.start:h.coord_of.end]}', which is not a place"]


def _home_country(hits: list[_Hit], doc: Doc | None) -> str | None:
    """The article's country as the licensed hits and nationality adjectives show it,
    when one clearly leads (the same evidence _disambiguate weighs)."""
    votes: dict[str, float] = dict(_demonym_votes(doc)) if doc is not None else {}
    for h in hits:
        if h.license and h.license != "preposition":
            cs = {c.country for c in h.cands}
            if len(cs) == 1:
                c0 = next(iter(cs))
                votes[c0] = votes.get(c0, 0) + 1
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _own_town(h: _Hit, lex: PlaceLexicon, norm: str, home: str) -> bool:
    """Whether a site noun's name is a town of the article's country spelt as written
    ("سجن رومية" in an article about Lebanon): no common word (those name hospitals and
    mosques: "مستشفى الرحمة"), one country only, and that the article's ("قاعدة الوطية"
    with no word of Libya is no Yemeni hamlet)."""
    if not home or _is_common(h.key, norm[h.start:h.end], norm[h.word_start:h.end], lex.common):
        return False
    article = h.prefix.endswith("ال") or h.key.startswith("ال")
    exact = [c for c in h.cands if name_key(c.name_ar) == h.key and c.placetype in _SETTLEMENT_TYPES
             and _definite(c.name_ar) == article]
    return bool(exact) and {c.country for c in exact} == {home}


@functools.lru_cache(maxsize=65536)
def _is_common(key: str, name: str, whole: str, common: frozenset[str], ta_marbuta: bool = False) -> bool:
    """Whether a hit is a common word (common_words.txt): its key, its name, or the
    whole word too — "وقوع" and "بواسطة" are words, not و + قوع or ب + واسطة. A word
    written with ة carries no pronoun ه: "جبلة" is a town, not "جبله" (his mountain)."""
    return key in common or name_key(name) in common or whole in common or name_key(whole) in common \
        or any(whole.endswith(x) and whole[:-len(x)] in common for x in _PRONOUNS
               if not (ta_marbuta and x == "ه")) \
        or whole[:1] in ("و", "ف") and whole[1:] in common      # "وقوعه", "فبدأنا"


_LOCAL = frozenset({"محليه", "محليات"})


def _nisba_after_local(h: _Hit, norm: str) -> bool:
    """"محلية درزية": an indefinite word in -ية after the noun محلية agrees with it."""
    return all(_local_word(n.word) for n in h.nouns) and " " not in h.key \
        and not norm.startswith("ال", h.start) and not h.prefix.rstrip("و") \
        and norm[h.start:h.end].endswith("يه")


@functools.lru_cache(maxsize=1024)
def _local_word(word: str) -> bool:
    return normalize_key(word) in _LOCAL


def _ta_marbuta(doc: Doc | None, start: int, end: int) -> bool:
    """Does the word at normalised ``start:end`` end in ة as written? (the view folds ة into ه)"""
    if doc is None or end <= start:
        return False
    return doc.view.orig_text(start, end).rstrip()[-1:] == "ة"


@functools.lru_cache(maxsize=65536)
def _definite(name_ar: str) -> bool:
    return normalize_key(name_ar).startswith("ال")


def _after_definite_word(norm: str, pos: int) -> bool:
    """Whether a definite word ("السيارة") stands right before ``pos``, one space apart."""
    if pos < 2 or norm[pos - 1] != " ":
        return False
    j = pos - 1
    k = j
    while k > 0 and norm[k - 1].isalpha():
        k -= 1
    return j - k > 3 and norm.startswith("ال", k)


def _nisba_after_indefinite_noun(norm: str, start: int, end: int) -> bool:
    """Whether the word at ``start:end`` ends in -ية and follows, one space apart, an
    indefinite feminine or plural noun (ending in ة or ات, not in ال)."""
    if not norm[start:end].endswith("يه") or start < 2 or norm[start - 1] != " ":
        return False
    k = start - 1
    while k > 0 and norm[k - 1].isalpha():
        k -= 1
    word = norm[k:start - 1]
    return len(word) > 3 and not word.startswith(("ال", "وال")) and word.endswith(("ه", "ات"))


def _filter_by_cue(h: _Hit) -> list[Place]:
    prefers = h.nouns[0].prefers if h.nouns else "any"
    if h.nouns and h.nouns[0].kind == "region":
        prefers = "region"
    c = h.cands
    if prefers == "settlement":
        return [p for p in c if p.placetype in _SETTLEMENT_TYPES] or c
    if prefers == "region":
        return [p for p in c if p.placetype in ("region", "country", "area")] or [p for p in c if p.placetype == "county"] or c
    if prefers in ("county", "subdistrict", "neighbourhood"):
        return [p for p in c if p.placetype == prefers] or c
    return c


class _Pick:
    """What disambiguation derives from a hit's name, cue preference and candidates
    alone, kept across documents (names repeat endlessly): the candidates left after the
    cue and spelling filters, their admin votes, country and static scores, and the
    base scores already computed per context."""

    __slots__ = ("held", "cands", "admins", "votes", "country", "countries", "statics", "pplc", "geo", "scored")

    def __init__(self, h: _Hit, held: tuple[Place, ...]):
        self.held = held            # the input candidates: their ids in the memo key stay theirs
        self.cands = tuple(_exact_spelling(h, _filter_by_cue(h)))
        cands = self.cands
        admins = {c.admin1 for c in cands if c.admin1}
        regions = [c for c in cands if c.placetype in ("region", "area") and _names_it(c, h.key)]
        if len(admins) == 1 or regions:
            self.votes = tuple({c.admin1 for c in regions if c.admin1} or admins)
        else:
            self.votes = ()
        self.admins = frozenset(admins)
        cs = {c.country for c in cands}
        self.country = tuple(cs) if len(cs) == 1 else ()
        self.countries = frozenset(cs)
        self.statics = tuple(_static(c) for c in cands)
        self.pplc = any(st[2] == _SEAT_PRIOR["PPLC"] for st in self.statics)
        # (a governorate's centroid says nothing about nearness: only settlements have one here)
        self.geo = tuple((c.lat, c.lon, st[5]) if c.lat is not None and c.placetype in _NEAR_TYPES else None
                         for c, st in zip(cands, self.statics))
        self.scored: dict[tuple, tuple] = {}


_PICKS: dict[tuple, _Pick] = {}


def _pick(h: _Hit) -> _Pick:
    prefers = h.nouns[0].prefers if h.nouns else "any"
    if h.nouns and h.nouns[0].kind == "region":
        prefers = "region"
    key = (h.key, prefers, *map(id, h.cands))
    got = _PICKS.get(key)
    if got is None:
        if len(_PICKS) > 1 << 15:
            _PICKS.clear()
        got = _PICKS[key] = _Pick(h, tuple(h.cands))
    return got


def _base_scores(pk: _Pick, article: bool, capital: bool, top_country: str | None, in_sent: frozenset[str],
                 in_doc: frozenset[str]) -> tuple:
    """The context part of each candidate's score (rule 4) before coherence: (scored as
    (score, why) in candidate order, scores, index of the first best, ranking best first,
    the contenders coherence may still lift or None)."""
    scored: list[tuple[float, list[str]]] = []
    for c, (_, s, rank, seat_why, definite, _) in zip(pk.cands, pk.statics):
        why: list[str] = []
        if capital and rank == _SEAT_PRIOR["PPLC"]:
            s += 3.0
            why.append("+3 named as the capital")
        if rank:
            # an administrative seat is what news means by a bare name far more often
            # than a homonymous hamlet, even when GeoNames knows neither population
            s += rank
            why.append(seat_why)
        a = c.admin1
        if a and a in in_sent:
            s += 3.0
            why.append(f"+3 {a} named in the sentence")
        elif a and a in in_doc:
            s += 1.2
            why.append(f"+1.2 {a} named in the article")
        if top_country and c.country == top_country:
            s += _MAIN_COUNTRY
            why.append(f"+{_MAIN_COUNTRY:g} in {top_country}, the article's main country")
        if definite == article:
            s += 0.3        # "الخيام" is more likely الخيام than خيام
            why.append("+0.3 article as written")
        scored.append((s, why))
    scores = tuple(s for s, _ in scored)
    top = max(scores)
    i = scores.index(top)           # the first of the best
    # best first, equals in candidate order (sorting is stable, reversed too)
    ranked = tuple(sorted(zip(scores, pk.cands, [w for _, w in scored]), key=_FIRST, reverse=True))
    # Coherence (below) adds at most _MAX_BONUS: a candidate further below the best can
    # never win, so only the others are rescored.
    keep = [j for j, s in enumerate(scores) if s >= top - _MAX_BONUS]
    # (what the memo spares every document: the candidates coherence leaves as they are,
    # ranked after the rescored ones, and the winner's share while no bonus moved it)
    kept = set(keep)
    rest = [(s, c, w) for (s, w), c, j in zip(scored, pk.cands, range(len(scored))) if j not in kept]
    return scored, scores, i, ranked, keep if len(keep) > 1 else None, rest, [x[0] for x in rest], _share(scores)


def _share(scores) -> float:
    """The best candidate's softmax share of ``scores`` (in their order: the sum is the same)."""
    top = max(scores)
    return 1.0 / sum(map(math.exp, map(operator.sub, scores, repeat(top))))


def _disambiguate(hits: list[_Hit], doc: Doc) -> None:
    """Pick one candidate per hit with an additive, explainable score (rule 4)."""
    picks = [_pick(h) for h in hits]
    for h, pk in zip(hits, picks):
        h.cands = pk.cands
    picks = [pk for h, pk in zip(hits, picks) if h.cands]
    hits[:] = [h for h in hits if h.cands]
    # Admin context: governorates named as regions, or hits whose candidates agree on one.
    sent_admin: dict[int, set[str]] = {}
    doc_admin: dict[str, int] = {}
    countries: dict[str, int] = {}
    for h, pk in zip(hits, picks):
        for a in pk.votes:
            sent_admin.setdefault(h.sentence, set()).add(a)
            doc_admin[a] = doc_admin.get(a, 0) + 1
        for c0 in pk.country:
            countries[c0] = countries.get(c0, 0) + 1
    # The article's main country: its unambiguous places and its nationality adjectives
    # ("قوات النظام السوري"), when one clearly leads. It outweighs a seat or population
    # prior (a district seat abroad must not beat a village of the article's country),
    # not a governorate named in the sentence.
    for iso, v in _demonym_votes(doc).items():
        countries[iso] = countries.get(iso, 0) + v
    ranked_countries = sorted(countries.items(), key=lambda kv: -kv[1])
    top_country = ranked_countries[0][0] if ranked_countries and (
        len(ranked_countries) == 1 or ranked_countries[0][1] > ranked_countries[1][1]) else None

    # (most articles name no capital word at all: skip the look-behind then)
    capital_doc = any(w.split(" ", 1)[0].removeprefix("ال") in doc.norm for w in load_lexicon().capital_words)
    bases: list[list[tuple[float, list[str]]]] = []
    contenders: list[list[int] | None] = []
    rests: list[tuple[list, list[float]] | None] = []
    for h, pk in zip(hits, picks):
        cands = h.cands
        if len(cands) == 1:
            # a lone candidate scores its context-free prior only
            scored = [(pk.statics[0][1], [])]
            bases.append(scored)
            contenders.append(None)
            rests.append(None)
            h.scores = [scored[0][0]]
            h.chosen, h.notes = cands[0], scored[0][1]
            h.ranked = [(scored[0][0], cands[0], scored[0][1])]
            continue
        article = h.prefix.endswith("ال")
        capital = capital_doc and pk.pplc and _capital_before(doc.norm, h.word_start)
        if capital and top_country and any(c.country == top_country for c in cands) \
                and not any(c.country == top_country and _seat_code(c) == "PPLC" for c in cands):
            capital = False     # "العاصمة طرابلس" in an article about Lebanon: not Libya's
        # the same candidates in the same context score the same in every document
        # (a main country none of the candidates lies in weighs none of them: as no main country)
        ctx = (article, capital, top_country if top_country in pk.countries else None,
               pk.admins.intersection(sent_admin.get(h.sentence, ())),
               pk.admins.intersection(doc_admin))
        got = pk.scored.get(ctx)
        if got is None:
            if len(pk.scored) > 64:
                pk.scored.clear()
            got = pk.scored[ctx] = _base_scores(pk, *ctx)
        scored, scores, i, ranked, keep, rest, rest_scores, h.share = got
        bases.append(scored)
        contenders.append(keep)
        rests.append(got)
        h.scores = scores
        h.chosen, h.notes = cands[i], scored[i][1]
        h.ranked = list(ranked)
    previous = None
    # the anchors each hit was scored against last round: the same ones score the same
    scored_with: list[list | None] = [None] * len(hits)
    for _ in range(2 if any(contenders) else 0):
        # (an anchor carries its coordinates: every hit near it reads them)
        anchors = [(h.start, h.key, h.chosen, h.chosen.lat, h.chosen.lon) for h in hits
                   if h.chosen is not None and h.chosen.lat is not None and h.chosen.placetype in _NEAR_TYPES]
        if anchors == previous:
            break                       # nothing moved: another round would change nothing
        previous = anchors
        anchor_starts = [a[0] for a in anchors]
        for j, (h, based, keep, pk, got) in enumerate(zip(hits, bases, contenders, picks, rests)):
            if keep is None:
                continue
            nearest = _nearest_anchors(anchors, anchor_starts, h.start, h.key)
            if nearest == scored_with[j]:
                continue
            scored_with[j] = nearest
            scored = _rescore(h.cands, based, keep, pk.geo, nearest)
            h.chosen, h.notes = scored[0][1], scored[0][2]
            h.ranked = scored + got[5]          # (the others, in candidate order)
            h.scores = [x[0] for x in scored] + got[6]
            h.share = None
    # "المعرة" in an article about "معرة النعمان": a definite one-word form of the first
    # word of a longer name the article gives is that place, not a homonymous hamlet.
    long_forms: dict[str, Place] = {}
    for h in hits:
        if " " in h.key and h.chosen is not None and h.chosen.placetype in _SETTLEMENT_TYPES:
            long_forms.setdefault(h.key.split(" ", 1)[0], h.chosen)
    if long_forms:
        for h in hits:
            full = long_forms.get(h.key) if " " not in h.key and h.prefix.endswith("ال") else None
            if full is not None and h.chosen is not full and not any(_is_major(c) for c in h.cands):
                why = [f"short for {full.name_ar}, named in the article"]
                h.chosen, h.notes = full, why
                h.ranked = [(h.scores[0] if h.scores else 0.0, full, why)] + h.ranked


def _rescore(cands: tuple[Place, ...], based: list[tuple[float, list[str]]], keep: list[int], geo: tuple,
             nearest: list[tuple]) -> list[tuple[float, Place, list[str]]]:
    """The contenders ``keep`` rescored with the coherence bonus of the nearest of the
    ``nearest`` anchors (start, key, place, lat, lon), best first."""
    scored = []
    for i in keep:
        c = cands[i]
        s, why = based[i]
        if nearest and geo[i] is not None:
            clat, clon, kx = geo[i]
            best, near = math.inf, None
            for _, _, p, plat, plon in nearest:
                dx = (plon - clon) * kx
                dy = (plat - clat) * 110.57
                d2 = dx * dx + dy * dy
                if d2 < best:
                    best = d2
                    near = p
            dmin = math.sqrt(best)
            # a governorate's centroid says nothing about nearness, so only settlements score
            bonus = 2.0 if dmin < 15 else 1.5 if dmin < 40 else 0.8 if dmin < 100 else 0.0
            if bonus:
                s += bonus
                why = why + [f"+{bonus:g} {dmin:.0f} km from {near.name_ar}"]
        scored.append((s, c, why))
    scored.sort(key=_FIRST, reverse=True)
    return scored


def _names_it(c: Place, key: str) -> bool:
    return _shares_word(c.name_ar, key)


@functools.lru_cache(maxsize=65536)
def _shares_word(name_ar: str, key: str) -> bool:
    """Whether a region candidate's own name shares a word with the name written: the
    Libyan district "تاجوراء والنواحي الأربع" lists طرابلس among its names, but
    "غرب طرابلس" is west of the city, not a side of that district."""
    return bool(set(name_key(name_ar).split()) & set(key.split()))


def _exact_spelling(h: _Hit, cands: list[Place]) -> list[Place]:
    """Candidates found under a variant of the name ("الزاوي" in Hama, indexed under
    الزاوية too) drop out where the name as written exists elsewhere: only those in a
    country that holds the exact name stay, so that the context weighs homonyms, not
    spellings."""
    if len(cands) < 2:
        return cands
    # the same name brings the same candidates (the index's Place objects) in every
    # document: decide once per name and candidate list
    memo = (h.key, len(cands), id(cands[0]), id(cands[-1]))
    kept = _SPELLING.get(memo)
    if kept is None:
        if len(_SPELLING) > 1 << 16:
            _SPELLING.clear()
        drop = _spelling_drops(h.key, cands)
        kept = _SPELLING[memo] = () if drop is None else tuple(
            i for i, c in enumerate(cands) if all(c is not d for d in drop))
    return [cands[i] for i in kept] if kept else cands      # () keeps them all


_SPELLING: dict[tuple, tuple[int, ...] | None] = {}


def _spelling_drops(hkey: str, cands: list[Place]) -> list[Place] | None:
    if len({c.country for c in cands}) == 1:
        return None         # (one country: nothing to drop, the common case)
    key = name_key(hkey)
    # ("شعبية المرج" is spelt so: an admin word before the name)
    exact = {c.country for c in cands if _spelt(name_key(c.name_ar), key)}
    if not exact or len(exact) == len({c.country for c in cands}):
        return None
    # Only near-spellings drop out; a record whose own name is another word altogether
    # lists this one as an alternate name (Raqqa's "قرية الكرامة"), which stays. (A
    # listed area is spelt as news writes it: "رفح" of Sinai stays beside Gaza's.)
    drop = [c for c in cands if not (c.country in exact or c.id.startswith("rasd:") or not _near_spelling(name_key(c.name_ar), key))]
    return drop or None


@functools.lru_cache(maxsize=65536)
def _near_spelling(own: str, key: str) -> bool:
    """Whether a candidate's own name is the written name spelt a little otherwise
    ("الزاوي" for الزاوية): one is the other short of a letter or two, or they fold alike."""
    if own == key:
        return False
    short, long_ = sorted((own, key), key=len)
    return long_.startswith(short) and len(long_) - len(short) <= 2 or _loose_key(own) == _loose_key(key)


@functools.lru_cache(maxsize=65536)
def _spelt(own: str, key: str) -> bool:
    return own == key or own.endswith((" " + key, " ال" + key)) or own.startswith(key + " ")


def _capital_before(norm: str, pos: int) -> bool:
    """Whether a capital word stands right before ``pos`` ("بالعاصمة طرابلس", "العاصمة
    الليبية طرابلس": a nationality adjective may come between)."""
    words = load_lexicon().capital_words
    if not words:
        return False
    before = norm[max(0, pos - 40):pos].split()
    if len(before) >= 2 and before[-1].startswith("ال") and before[-1].endswith("يه"):
        before = before[:-1]
    for w in words:
        n = len(w.split())
        if len(before) < n:
            continue
        got = " ".join(before[-n:])
        for pre in ("", "و", "ب", "وب", "ل", "ف"):
            if got == pre + w or got.startswith(pre) and "ال" + got[len(pre):] == w:
                return True
    return False


def _nearest_anchors(anchors: list[tuple[int, str, Place, float, float]], starts: list[int], pos: int, key: str) -> list:
    """The _ANCHORS anchors nearest to ``pos`` in the text (anchors are in text order),
    other than the name itself: walk out from pos in both directions."""
    out: list = []
    hi = bisect.bisect_left(starts, pos)
    lo = hi - 1
    n = len(anchors)
    need = _ANCHORS         # (counted down: asked for every contended hit, every round)
    while need and (lo >= 0 or hi < n):
        if hi >= n or lo >= 0 and pos - starts[lo] <= starts[hi] - pos:
            a = anchors[lo]
            lo -= 1
        else:
            a = anchors[hi]
            hi += 1
        if a[1] != key:
            out.append(a)
            need -= 1
    return out


def _to_mention(h: _Hit, doc: Doc, gaz: Gazetteer, by_start: dict[int, Match]) -> PlaceMention | None:
    p = h.chosen
    if p is None:
        return None
    noun = h.nouns[0] if h.nouns else None
    start, end = h.start, h.end
    ti = doc.token_index(start)
    if ti + 1 < len(doc.tokens) and doc.tokens[ti].start < start and doc.norm[start:doc.tokens[ti].end] in _GLUED_DISTRICT_NOUNS \
            and doc.tokens[ti + 1].start < end:
        # "بمديرية مودية" where the index names the district with its noun: the mention is
        # the name, as after a free-standing noun ("في مديرية مودية")
        start = doc.tokens[ti + 1].start
    kind, precision, countryside, site = "settlement", 1, False, False
    if noun is not None and noun.kind == "region":
        region = p if p.placetype in ("region", "country", "area") else (gaz.region(p.admin1_ar) if p.admin1_ar else None)
        capital = region is not None and name_key(p.name_ar) == name_key(region.name_ar)
        if region is not None and (p.placetype in ("region", "country", "area") or capital):
            p, kind, precision = region, "region", 3
        else:
            kind, precision = "relative", 2
        countryside = noun.word in ("ريف", "ارياف")
        if noun.in_mention and h.cue_start >= 0 and h.license != "coordination":
            start = h.cue_start
    elif noun is not None and noun.kind == "subsite_near":
        kind, precision, site = "relative", 2, True
        if h.site_only:
            start = h.cue_start if h.cue_start >= 0 and h.license != "coordination" else start
            return PlaceMention(start, end, doc.view.orig_text(start, end), None, "unlisted", 2, None, None, 0.6,
                                f"'{h.cue_word}' names a site after a word, not a notable town or one in the "
                                f"article's governorates", h.cue_word, site=True)
        if h.cue_start >= 0 and h.license != "coordination":
            start = h.cue_start
    elif noun is not None and noun.kind == "subsite_part":
        kind, precision = "settlement", 2
        if h.cue_start >= 0 and h.license != "coordination":
            start = h.cue_start
        if p.placetype != "neighbourhood":
            # "مخيم جنين": a camp or quarter named after a town is not the town itself.
            # "حي أبو سليم" where only a village "أبو" is indexed: the name goes on.
            if name_key(doc.norm[h.word_start:end]) in load_lexicon().heads:
                ti = doc.token_index(end)
                if ti < len(doc.tokens) and _gap_ok(doc.norm, end, doc.tokens[ti].start) \
                        and _name_like(doc.tokens[ti].text, load_lexicon()):
                    end = doc.tokens[ti].end
            return PlaceMention(start, end, doc.view.orig_text(start, end), None, "unlisted", 2, p.admin1, p.country,
                                0.6, f"'{h.cue_word}' names a site the gazetteer lacks; admin from {p.name_ar}", h.cue_word)
    elif h.relative is not None:
        if h.license != "coordination" and noun is None:
            start = h.cue_start if h.cue_start >= 0 else start
        # (regions named alike matter only to a relative word of precision 3)
        named = [c for c in h.cands if c.placetype == "region" and _names_it(c, h.key)] \
            if h.relative.precision == 3 else []
        if h.relative.precision == 3 and p.placetype != "locality" or (h.relative.precision == 3 and named):
            region = p if p.placetype in ("region", "area", "country") else next(
                iter(named), None) or (gaz.region(p.admin1_ar) if p.admin1_ar else None)
            if region is not None:
                p = region
            kind, precision = "relative", 3
        else:
            kind, precision = "relative", 2
    elif p.placetype == "county" and noun is not None and noun.prefers == "settlement":
        # "مدينة نيالا" where only the district named after the town is indexed: the town,
        # placed at the district's centroid
        precision = 2
    elif p.placetype in ("region", "country", "area", "county"):
        kind, precision = "region", 3
    elif p.placetype in ("subdistrict", "neighbourhood"):
        precision = 2
    # "ريف حماة الشمالي": the direction adjective belongs to the region's words.
    if kind in ("region", "relative"):
        j = end
        while j < len(doc.norm) and doc.norm[j] == " ":
            j += 1
        m = by_start.get(j)
        if m is not None and m.prefix == "" and _values(m, "diradj"):
            end = m.end
    if p is not None and kind == "settlement" and h.relative is None and (noun is None or noun.prefers != "settlement") \
            and p.placetype == "county":
        kind = "region"
    n = len(h.cands)
    share = 1.0
    if n > 1 and h.scores:
        # The winner's softmax share: h.scores is in index order after the first round and
        # sorted after coherence, so measure against the best, never the first.
        share = h.share if h.share is not None else _share(h.scores)
    strength = _STRENGTH[h.license]
    why = [f"licensed by {h.license}" + (f" '{h.cue_word}'" if h.cue_word else "")]
    if n > 1:
        why.append(f"best of {n} candidates")
    why += h.notes
    if n > 1 and not h.notes:
        why.append("placetype/population prior")
    return PlaceMention(start, end, doc.view.orig_text(start, end), p, kind, precision, p.admin1, p.country,
                        round(strength * share, 3), "; ".join(why), h.cue_word, countryside, n, site=site)


# administrative nouns an index name may begin with (normalised; a governorate noun stays
# in its region mention: "بمحافظة ديالى")
_GLUED_DISTRICT_NOUNS = frozenset({"مديريه", "ناحيه", "محليه", "مركز"})

_STRENGTH = {"noun": 0.95, "relative": 0.9, "coordination": 0.85, "preposition": 0.75, "major": 0.65, "repeated": 0.7}


def _adjective_country(doc: Doc, m: PlaceMention) -> bool:
    if m.place is None or m.place.placetype != "country" or m.license not in ("major", ""):
        return False
    ti = doc.token_index(m.start)
    if ti == 0 or doc.tokens[ti].start != m.start:
        return False                    # a clitic (بتركيا, لتركيا) makes it a place
    prev = doc.tokens[ti - 1].text
    return prev.endswith("ا") and not doc.norm[doc.tokens[ti - 1].end:m.start].strip() and len(prev) > 2


_last_votes: tuple[str | None, dict[str, float]] = (None, {})


def _demonym_votes(doc: Doc) -> dict[str, float]:
    """Nationality adjectives' votes for the article's country (kept for the last text:
    find_places asks twice per document)."""
    global _last_votes
    norm = doc.norm
    if _last_votes[0] is norm:
        return _last_votes[1]
    votes: dict[str, float] = {}
    lex = load_lexicon()
    if lex.demonyms is not None:
        for m in lex.demonyms.find(norm):
            votes[m.values[0]] = votes.get(m.values[0], 0) + 2
    _last_votes = (norm, votes)
    return votes


def _main_country(mentions: list[PlaceMention], doc: Doc | None = None) -> str | None:
    """The article's country: the one most of its resolved places lie in (regions count
    double) and its nationality adjectives name ("الجيش الوطني الليبي"), when it clearly
    leads."""
    votes = dict(_demonym_votes(doc)) if doc is not None else {}
    for m in mentions:
        if m.country:
            votes[m.country] = votes.get(m.country, 0) + (2 if m.kind == "region" else 1)
    if not votes:
        return None
    ranked = sorted(votes.items(), key=lambda kv: -kv[1])
    if ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        return ranked[0][0]
    return None


def _perfect_verb(word: str) -> bool:
    """"بلدة ياطر أدت إلى", "منطقة بانياس ألقت القبض": a feminine perfect verb of the
    derived forms (أفعلت، استفعلت، تفعّلت) starts the clause after a place; no name goes on
    with it."""
    # (ألقت reads القت; a definite noun is longer: البيت، الوقت، الكويت)
    return word.endswith("ت") and not (word.startswith("ال") and len(word) > 4) and (
        word.startswith("ا") and 3 <= len(word) <= 6 or word.startswith("است") and len(word) >= 6
        or word.startswith("ت") and 5 <= len(word) <= 6)


def _unlist(doc: Doc, m: PlaceMention, end: int, ctx: PlaceMention | None, country: str | None, why: str) -> None:
    m.place, m.kind, m.geo_precision = None, "unlisted", 2
    m.end = end
    m.mention = doc.view.orig_text(m.start, end)
    m.admin1 = ctx.admin1 if ctx else None
    m.country = ctx.country if ctx else country
    m.reason = why + (f"; admin from {ctx.mention}" if ctx else "")


def _check_context(doc: Doc, lex: PlaceLexicon, by_start: dict, mentions: list[PlaceMention]) -> list[PlaceMention]:
    """Gazetteer picks that their context contradicts. Announced by a place noun
    ("قرية X"), they are places the gazetteer lacks and become unlisted; licensed only by
    a preposition or by fame, they were words, not places, and are dropped:
      1. the name goes on past the indexed word ("قرية نهر الإمام" where only "نهر" is
         indexed; "في مقاطع الفيديو"; "منطقة الشيخ مقصود" after a name head);
      2. the words after it name another governorate 100+ km away ("ناحية الرشاد جنوب
         غربي كركوك" with only an Anbar الرشاد indexed), or it is listed with a village
         100+ km away in another governorate;
      3. it lies in another country than the article's;
      4. the indexed name has the article and the text does not ("طبقة" is not الطبقة)."""
    main = _main_country(mentions, doc)
    starts = {m.start for m in mentions}
    keep: list[PlaceMention] = []
    for i, m in enumerate(mentions):
        if m.place is None or m.kind not in ("settlement", "relative") or m.place.placetype in ("region", "country"):
            keep.append(m)
            continue
        strong = m.license in ("noun", "relative", "coordination")
        sent = doc.sentence_at(m.start)
        s_end = sent.end if sent else m.end
        word = doc.norm[m.start:m.end]
        verdict: tuple[int, str] | None = None       # (end, why) when contradicted
        # 1. an indefinite one-word pick (the first noun of an idafa compound never takes
        # ال) followed by a name-like word
        ti = doc.token_index(m.end)
        if " " not in word and (not word.startswith("ال") or name_key(word) in lex.heads) \
                and not _is_major(m.place) and ti < len(doc.tokens):
            t = doc.tokens[ti]
            clitic = t.text[:1] in "وفبلك"     # a conjunction or preposition starts a new phrase
            head = name_key(word) in lex.heads        # "قرية نهر الإمام": a name head always goes on
            if doc.norm[m.end:t.start] == " " and t.start not in by_start and t.start not in starts \
                    and not clitic and not _perfect_verb(t.text) \
                    and (_name_like(t.text, lex) or head and t.text.startswith("ال")):
                verdict = (t.end, f"'{m.mention}' continues as '{t.text}', a name the gazetteer lacks")
        # 2. the words right after it name another governorate far away
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        # (a site is named after a town in the place that follows it: "سوق الحميدية وسط دمشق")
        # (even a major homonym abroad: "بلدة الصور بريف دير الزور" is no Lebanese Tyre)
        far = nxt is not None and nxt.place is not None and _is_major(nxt.place) \
            and (not _is_major(m.place) or strong and nxt.kind == "region" and nxt.place.country != m.place.country) \
            and nxt.place.placetype != "country" and ((m.place.distance_km(nxt.place) or 0) > (_SITE_FAR_KM if m.site else 100)
                                                      # (a region may have no centroid: another country is far)
                                                      or nxt.place.country != m.place.country)
        # "قرية صيدا بريف عين عيسى": a village told to lie in a town's countryside is no
        # homonym 100+ km from that town (here Lebanon's Sidon), however notable either is
        far = far or strong and nxt is not None and nxt.place is not None and nxt.kind == "relative" \
            and name_key(nxt.mention).startswith("ريف ") and nxt.place.placetype != "country" \
            and ((m.place.distance_km(nxt.place) or 0) > 100 or nxt.place.country != m.place.country)
        # (a quarter lies in the town named right after it, whatever the wording: "حي
        # الميدان في حلب", "بمدينة حلب", not in a homonymous quarter 100+ km away)
        if verdict is None and far and (nxt.kind in ("region", "relative") or m.place.placetype == "neighbourhood" and strong) \
                and nxt.admin1 and m.place.admin1 \
                and nxt.admin1 != m.place.admin1 and doc.token_distance(m.start, m.end, nxt.start, nxt.end) <= 2:
            _unlist(doc, m, m.end, nxt, main, f"no '{m.mention}' in {nxt.admin1}, which the next words name")
            keep.append(m)
            continue
        # 2a. a quarter with no town after it lies in the city the article named before
        # it ("قصفت مدينة حلب. وسقطت قذيفة على حي الميدان"), not in a homonymous quarter
        # 100+ km away in another governorate (announced as a place: after a bare
        # preposition, "في المقابلة" is an interview, not a quarter, and rule 3 decides)
        if verdict is None and strong and m.place.placetype == "neighbourhood" and not _is_major(m.place):
            city = _context_admin([x for x in mentions if x is not m and x.place is not None and x.kind != "unlisted"
                                   and _is_major(x.place) and x.place.placetype != "country"], m.end, s_end)
            if city is not None and city.admin1 and m.place.admin1 and city.admin1 != m.place.admin1 \
                    and (m.place.distance_km(city.place) or 0) > 100:
                _unlist(doc, m, m.end, city, main, f"no '{m.mention}' in {city.admin1}, the city the article "
                                                   f"places it in")
                keep.append(m)
                continue
        # 2b. listed with a village ("كفرنبودة، الهبيط، وعابدين") but indexed only far from it
        head = keep[-1] if keep and m.license == "coordination" else None
        if verdict is None and head is not None and head.place is not None and head.kind in ("settlement", "relative") \
                and head.place.placetype in _SETTLEMENT_TYPES and not _is_major(m.place) and head.admin1 \
                and head.admin1 != m.place.admin1 and (m.place.distance_km(head.place) or 0) > 100:
            _unlist(doc, m, m.end, head, main, f"listed with {head.mention} but indexed only "
                                               f"{m.place.distance_km(head.place):.0f} km away, in {m.place.admin1}")
            keep.append(m)
            continue
        # 3. another country than the article's (with none decided, the one the regions and
        # countrysides of its own sentence name: "مصادر في ريف حمص الغربي: اقتحموا قرية فاحل"
        # has no Yemeni فاحل)
        here = main
        if here is None and sent is not None:
            near = {x.country for x in mentions if x is not m and x.place is not None and x.country
                    and x.kind in ("region", "relative") and sent.start <= x.start < s_end}
            here = near.pop() if len(near) == 1 else None
        # (the team's named areas are listed because news names them across borders:
        # "استهدف مجاهدو المقاومة ثكنة زرعيت" in a Lebanese statement)
        if verdict is None and here is not None and m.place.country != here and not _is_major(m.place) \
                and not m.place.id.startswith("rasd:") \
                and not any(x.place is not None and x.start < s_end and x.admin1 == m.place.admin1
                            and x.country == m.place.country and x.license != "preposition"
                            for x in mentions[i + 1:i + 4]):
            # (a bare preposition's hit is no evidence: "بحجة ملاحقة" is a pretext, not Hajjah)
            # (the words after it in its sentence place it there: "مخيم النصيرات وسط قطاع غزة"
            # in an Egyptian statement)
            # announced as a place, a homonym in the article's country that lost on priors
            # (a capital abroad: "شابا فلسطينيا من قرية حجة") is that place
            home = next((x for x in m.ranked if x[1].country == here and x[1].placetype == m.place.placetype), None) \
                if strong else None
            if home is not None:
                lost = m.place
                m.place, m.admin1, m.country = home[1], home[1].admin1, home[1].country
                head = [w for w in m.reason.split("; ") if w.startswith(("licensed by", "best of"))]
                m.reason = "; ".join(head + list(home[2]) + [
                    f"chosen over {lost.name_en} ({lost.country}, {m.ranked[0][0]:.2f}): that lies outside {here}, "
                    f"the article's country, and is no major place"])
                keep.append(m)
                continue
            verdict = (m.end, f"'{m.mention}' is indexed only outside {here}, the article's country")
        # 4. the article dropped
        tok = doc.tokens[min(doc.token_index(m.start), len(doc.tokens) - 1)]
        has_article = word.startswith("ال") or doc.norm[tok.start:m.start].endswith("لل") \
            or " ال" in word      # "مخيم النصيرات" indexed as an alias of النصيرات: the article is there
        if verdict is None and not strong and normalize_key(m.place.name_ar).startswith("ال") and not has_article:
            verdict = (m.end, "")
        if verdict is None:
            keep.append(m)
        elif strong and verdict[1]:
            ctx = _context_admin([x for x in mentions if x is not m and x.place is not None and (main is None or x.country == main)],
                                 verdict[0], s_end)
            _unlist(doc, m, verdict[0], ctx, main, verdict[1])
            keep.append(m)
    return keep


_IN_TOWN_GAP = frozenset({"", "ب", "في", "بمدينه", "في مدينه", "مدينه", "وسط", "وسط مدينه", "بوسط مدينه",
                          "شمال", "جنوب", "شرق", "غرب", "شرقي", "غربي", "شمالي", "جنوبي", "من", "من مدينه"})


# "غرب مدينة العريش", "بالعاصمة الليبية", "في وسط مدينة": a preposition, a side and a town
# noun may stand between a quarter and its town
_IN_TOWN_RE = re.compile(r"(?:لل(?:نازحين|لاجيين|مهجرين) )?"   # "معسكر أبو شوك للنازحين شمالي مدينة الفاشر"
                         r"(?:(?:ب|في |من |ل)?(?:ال)?(?:وسط|شمال|جنوب|شرق|غرب|شمالي|جنوبي|شرقي|غربي)(?:ي)? )?"
                         r"(?:(?:ب|في |من |ل)?(?:ال)?(?:مدينه|بلده|قريه|عاصمه|محافظه)(?: ال\S+يه)? ?)?")


# words that situate rather than name: "حي الفرقان خارج مدينة الموصل" is no quarter "الفرقان خارج"
_NOT_QUARTER_NAME = frozenset({"قرب", "خارج", "داخل", "امام", "خلف", "حول", "محيط", "اطراف", "مدخل", "عند",
                               "علي", "الي", "عن", "بين", "نحو", "تجاه", "ضمن", "قباله", "بالقرب", "بمحاذاه",
                               "محاذاه", "جوار", "بجوار", "اليوم", "امس", "صباح", "مساء", "فجر", "ليله"})


# "منطقة جودائم بمدينة الزاوية", "منطقة السوق وسط بلدة ...": an area the index lacks,
# named with its town right after it, is coded at that town like a quarter
_AREA_NOUNS = frozenset({"منطقه"})
_SIDE_WORD = re.compile(r"(?:شمال|جنوب|شرق|غرب)")
# facilities named with their own (unlisted) name inside a town: coded at the town too
_TOWN_REACH = 300      # characters: a sentence or two of a short report
_NEW_SCENE = re.compile(r"[.!؟\n]\s*و?في ")
_FACILITIES = ("مطار ", "ميناء ", "سجن ", "مستشفي ", "مشفي ")
_FACILITY_ADJ = re.compile(r" (?:الدولي|المركزي|العام|التعليمي|الجامعي) ")


def _quarters_in_towns(doc: Doc, mentions: list[PlaceMention]) -> None:
    """"حي الهلالية بمدينة القامشلي", "حي الإسكان وسط مدينة كركوك", "حي الجحملية شرقي
    المدينة": a quarter the index lacks lies in the town named (or referred to) right after it; it is coded at that town (precision 2,
    as a site named after a town), keeping its own words as the mention."""
    for m, n in zip(mentions, mentions[1:]):
        if m.kind != "unlisted" or m.place is not None or n.place is None or n.kind not in ("settlement", "relative", "anaphor") \
                or n.geo_precision > 2 or getattr(n.place, "placetype", None) not in ("locality", "neighbourhood"):
            continue
        if not name_key(m.mention).startswith(("حي ", "احياء ", "شارع ", "ساحه ", "دوار ", "ضاحيه ", "ميدان ", "مخيم ", "معسكر ")
                                              + _FACILITIES) \
                and name_key(m.cue or "") not in _AREA_NOUNS:
            continue
        gap = " ".join(doc.norm[m.end:n.start].replace("،", " ").split())
        if name_key(m.mention).startswith(_FACILITIES):
            # "مطار آدم عدي الدولي في العاصمة مقديشو": the facility's adjective is no town word
            gap = _FACILITY_ADJ.sub(" ", f" {gap} ").strip()
        if not name_key(m.mention).startswith(("حي ", "احياء ")) and name_key(m.cue or "") in _AREA_NOUNS \
                and _SIDE_WORD.search(gap):
            continue    # "منطقة عين زارة جنوب العاصمة": an area beside a town is a place of its own
        # "حي حمر جيجب بالعاصمة مقديشو": the quarter's name goes on for one more word
        first, _, rest = gap.partition(" ")
        more = first.isalpha() and len(first) > 2 and not first.startswith(("ب", "ل")) \
            and first not in _IN_TOWN_GAP and first not in _NOT_QUARTER_NAME and rest and (rest in _IN_TOWN_GAP or _IN_TOWN_RE.fullmatch(rest))
        if gap not in _IN_TOWN_GAP and not _IN_TOWN_RE.fullmatch(gap) and not more:
            continue
        if more:
            end = doc.norm.index(first, m.end) + len(first)
            m.end, m.mention = end, doc.view.orig_text(m.start, end)
        m.place, m.kind, m.admin1, m.country, m.site = n.place, "relative", n.admin1, n.country, True
        m.reason += f"; a quarter of {n.mention}"
    # "قرب دوار البهو" a sentence after "وسط مدينة الناصرية": a quarter, square or street
    # with no town after it lies in the town just named (none between, in reach)
    for prev, m in zip(mentions, mentions[1:]):
        if m.kind == "unlisted" and m.place is None and prev.place is not None and prev.kind in ("settlement", "relative") \
                and not prev.site and prev.geo_precision <= 2 and m.start - prev.end < _TOWN_REACH \
                and getattr(prev.place, "placetype", None) == "locality" \
                and name_key(m.mention).startswith(("حي ", "شارع ", "ساحه ", "دوار ", "ميدان ")) \
                and not _NEW_SCENE.search(doc.norm, prev.end, m.start):
            # (not after a sentence opening a new scene, "وفي العاصمة الخرطوم، سقطت قذيفة
            # على حي الصحافة", whether or not its place was read)
            m.place, m.kind, m.admin1, m.country, m.site = prev.place, "relative", prev.admin1, prev.country, True
            m.reason += f"; a quarter of {prev.mention}, named just before"
    # "شرق حي الزيتون" after "حي الزيتون بمدينة غزة": a quarter named again is in the same town
    placed: dict[str, PlaceMention] = {}
    for m in mentions:
        # (the name's key only for a placed quarter or an unlisted site: most mentions are neither)
        if m.kind == "relative" and m.site and m.place is not None and "; a quarter of " in m.reason:
            placed.setdefault(name_key(m.mention), m)
        elif m.kind == "unlisted" and m.place is None and placed and name_key(m.mention) in placed:
            q = placed[name_key(m.mention)]
            m.place, m.kind, m.admin1, m.country, m.site = q.place, "relative", q.admin1, q.country, True
            m.reason += f"; {q.reason.split('; a quarter of ')[-1]}'s quarter, named before"


def _context_admin(mentions: list[PlaceMention], pos: int, sentence_end: int) -> PlaceMention | None:
    """The place that situates an unlisted site: the next one in its sentence, else the last before it."""
    after = [m for m in mentions if pos <= m.start < sentence_end and m.admin1]
    if after:
        return after[0]
    before = [m for m in mentions if m.end <= pos and m.admin1]
    return before[-1] if before else None


def _unlisted(doc: Doc, lex: PlaceLexicon, by_end: dict, by_start: dict, mentions: list[PlaceMention],
              norm: str, gaz: Gazetteer | None = None, cues: list[Match] | None = None) -> list[PlaceMention]:
    """Names the gazetteer lacks that a place noun clearly marks (rule 7); after a
    settlement noun, a name spelled otherwise than the gazetteer ("بلدتي كنصفرة وسفوهن")
    is first looked up loosely."""
    out: list[PlaceMention] = []
    admins = {m.admin1 for m in mentions if m.admin1}
    covered = sorted((m.start, m.end) for m in mentions)
    cstarts = [a for a, _ in covered]

    def inside(pos: int) -> bool:
        k = bisect.bisect_right(cstarts, pos) - 1
        return k >= 0 and covered[k][0] <= pos < covered[k][1] or any(a <= pos < b for a, b in covered[max(0, k - 2):k])

    for cue in by_start.values() if cues is None else cues:
        nouns = _split(cue)["_unlisted"]
        if not nouns:
            continue
        noun = nouns[0]
        if inside(cue.start):
            continue
        j = cue.word_end
        while j < len(norm) and norm[j] in _GAP_OK:
            j += 1
        if j >= len(norm) or inside(j) \
                or j in by_start and not all(v.category == "person" for v in by_start[j].values):
            continue            # (after a place noun "أبو" starts a place name: حي أبو سليم)
        ti = doc.token_index(j)
        if ti >= len(doc.tokens) or doc.tokens[ti].start != j:
            continue
        t = doc.tokens[ti]
        # a two-letter head ("بلدة أم صميمة", "منطقة آل ثابت", "قرية ود الحداد") with a name after it
        short_head = name_key(t.text) in lex.heads and len(t.text) == 2 and ti + 1 < len(doc.tokens) \
            and _gap_ok(norm, t.end, doc.tokens[ti + 1].start) and _head_tail(doc.tokens[ti + 1].text, lex)
        if not (_name_like(t.text, lex) or name_key(t.text) in lex.heads and len(t.text) > 2 or short_head
                or name_key(noun.word) in _NAMED_WITH_WORDS and t.text.startswith("ال") and len(t.text) > 4):
            continue            # "حي أبو سليم": a name head is no common word here; nor after
            # "حي" a definite word: quarters are named with words ("حي العامل", "حي الجمعية")
        quoted = '"' in norm[cue.word_end:j]
        if gaz is not None and noun.kind == "settlement" and noun.prefers == "settlement":
            before = _preceding(by_end, norm, cue.word_start, 1)
            relative = _values(before[0], "relative") if before else []
            found = _loose_names(doc, gaz, lex, ti, admins, cue, relative[0] if relative else None)
            if found:
                out += found
                continue
        if noun.kind == "settlement" and normalize_key(noun.word) in _DUAL_SETTLEMENT_NOUNS and not quoted:
            # "قريتي هوشان والخالدية", "بلدتي عيناثا وبنت جبيل": a dual noun names two
            # places, the second joined by و, both the gazetteer's or not
            duals = _dual_names(doc, ti, lex, inside)
            if duals:
                sent = doc.sentence_at(j)
                ctx = _context_admin(mentions, duals[-1][1], sent.end if sent else duals[-1][1])
                for a, b in duals:
                    # the gazetteer's own record when the name (spelt loosely) has one fit
                    cands = gaz.loose(name_key(doc.norm[a:b])) if gaz is not None else []
                    fitting = [c for c in cands if c.admin1 in admins] if admins else cands
                    if fitting and len({(c.admin1, c.name_ar) for c in fitting}) == 1:
                        p = max(fitting, key=lambda c: c.population)
                        out.append(PlaceMention(a, b, doc.view.orig_text(a, b), p, "settlement", 1, p.admin1, p.country,
                                                0.7, f"licensed by the dual noun '{doc.view.orig_text(cue.start, cue.end)}'",
                                                doc.view.orig_text(cue.start, cue.end), ranked=[(0.0, p, ["loose match"])],
                                                license="noun"))
                        continue
                    out.append(PlaceMention(a, b, doc.view.orig_text(a, b), None, "unlisted", 2,
                                            ctx.admin1 if ctx else None, ctx.country if ctx else None, 0.6,
                                            f"'{doc.view.orig_text(cue.start, cue.end)}' names two places"
                                            + (f"; admin from {ctx.mention}" if ctx else ""),
                                            doc.view.orig_text(cue.start, cue.end)))
                continue
        bare = 0
        if not (quoted or t.text.startswith("ال") or name_key(t.text) in lex.heads
                or (bare := _bare_village_name(doc, cue, ti, lex))):
            continue  # an indefinite word after the noun is usually an adjective ("حواجز ثابتة")
        end = t.end if bare != 2 else doc.tokens[ti + 1].end
        if name_key(t.text) in lex.heads and ti + 1 < len(doc.tokens):
            t2 = doc.tokens[ti + 1]
            if _gap_ok(norm, t.end, t2.start) and t2.start not in by_start and _head_tail(t2.text, lex):
                end = t2.end
        start = cue.start if noun.kind.startswith("subsite") or noun.in_mention else j
        if noun.kind.startswith("subsite") and end < len(norm) and norm[end] == '"' and '"' in norm[cue.word_end:j]:
            end += 1
        sent = doc.sentence_at(start)
        ctx = _context_admin(mentions, end, sent.end if sent else end)
        out.append(PlaceMention(start, end, doc.view.orig_text(start, end), None, "unlisted", 2,
                                ctx.admin1 if ctx else None, ctx.country if ctx else None, 0.6,
                                f"'{doc.view.orig_text(cue.start, cue.end)}' names a place the gazetteer lacks"
                                + (f"; admin from {ctx.mention}" if ctx else ""),
                                doc.view.orig_text(cue.start, cue.end)))
    return out


def _head_tail(word: str, lex: PlaceLexicon) -> bool:
    """The word after a name head that a settlement noun licenses: a name, or a definite
    common word ("قرية أم الكيف", "بلدة أم الخير"): after "قرية أم" it can only be the name."""
    return _name_like(word, lex) or word.startswith("ال") and len(word) > 3 and word.isalpha()


_DUAL_SETTLEMENT_NOUNS = frozenset(normalize_key(w) for w in ("قريتي", "قريتا", "بلدتي", "بلدتا", "بلدتَي"))


def _dual_names(doc: Doc, ti: int, lex: PlaceLexicon, inside) -> list[tuple[int, int]]:
    """The spans of the two names after a dual settlement noun: "X وY", each one word, or
    two after a name head ("بنت جبيل", "عين عيسى"); none unless both are there."""
    toks, norm = doc.tokens, doc.norm

    def name_at(k: int, skip: int) -> tuple[int, int, int] | None:
        if k >= len(toks):
            return None
        t = toks[k]
        word = t.text[skip:]
        head = name_key(word) in lex.heads or word in ("بنت", "ابن")      # "بنت جبيل"
        if not (_name_like(word, lex) or head) or not word.isalpha() or inside(t.start + skip):
            return None
        if head and k + 1 < len(toks) and _gap_ok(norm, t.end, toks[k + 1].start) \
                and _name_like(toks[k + 1].text, lex):
            return t.start + skip, toks[k + 1].end, k + 2
        return t.start + skip, t.end, k + 1

    first = name_at(ti, 0)
    if first is None or first[2] >= len(toks) or not toks[first[2]].text.startswith("و") \
            or not _gap_ok(norm, first[1], toks[first[2]].start):
        return []
    second = name_at(first[2], 1)
    return [first[:2], second[:2]] if second else []


# quarters, squares and streets are named with words ("حي العامل", "ميدان التحرير")
_NAMED_WITH_WORDS = frozenset({"حي", "ميدان"})


def _bare_village_name(doc: Doc, cue: Match, ti: int, lex: PlaceLexicon) -> int:
    """"بلدة موقوكوري", "قرية كرمة": after a singular feminine settlement noun an adjective
    agrees and ends in ة ("قرية صغيرة", "منطقة حدودية"), and a verb of a relative clause
    starts with ي/ت/ن ("منطقة تسيطر عليها"), or with س before them ("بلدة ستشهد"); an
    adverb ends in ا ("مدينة أيضا", "قرية مجددا") and a feminine elative in ى ("مدينة
    كبرى", "بلدة أخرى"). An indefinite word that is none of these, nor a noun in
    construct ("منطقة خفض التصعيد") nor a preposition with its noun ("لمدينة بثلاث
    غارات"), is a name the gazetteer lacks (most villages of Somalia and Sudan). Returns
    the name's length in words (0: no name)."""
    noun = doc.norm[cue.word_start:cue.word_end]
    t = doc.tokens[ti]
    word = normalize_key(t.text)
    if not any(v.kind == "settlement" for v in _values(cue, "noun")) or not noun.endswith("ه") or " " in noun:
        return 0
    nxt = doc.tokens[ti + 1] if ti + 1 < len(doc.tokens) else None
    if nxt is not None and _gap_ok(doc.norm, t.end, nxt.start) and nxt.text.startswith("ال"):
        if _admin_tail(doc, ti + 1) and word.isalpha() and len(word) > 2 and word[0] not in "يتن" \
                and not word.endswith("ه"):
            return 1        # "قرية صنبو التابعة لمركز ديروط": a one-word name, then its district
        return 2 if word.isalpha() and len(word) > 1 and _admin_tail(doc, ti + 2) else 0
    # the view folds ى into ي: the elative's ending is read from the original letters
    last = [c for c in doc.view.orig_text(t.start, t.end) if c.isalpha()][-1:]
    if len(word) < 3 or word.endswith("ه") or last in (["ا"], ["ى"]) \
            or word[0] in "يتنلكوف" or word[0] == "ب" and not _b_name(word, lex) \
            or word.startswith(("سي", "ست", "سن")) or not word.isalpha():
        return 0
    return 1


def _b_name(word: str, lex: PlaceLexicon) -> bool:
    """"بلدة بريري", "قرية بولو": a name opening with ب, not the preposition with its noun
    ("مدينة بثلاث غارات", "بلدة بأكملها", "قرية بالقرب"): long enough, no pronoun ending,
    and what follows the ب is no common word."""
    rest = word[1:]
    return len(word) >= 5 and not rest.startswith("ال") and not word.endswith(("ها", "هم", "هن", "ين", "ات")) \
        and name_key(rest) not in lex.common and rest not in lex.common and rest not in _COUNT_WORDS


_COUNT_WORDS = frozenset(normalize_key(w) for w in (
    "ثلاث", "ثلاثة", "أربع", "خمس", "ست", "سبع", "ثمان", "ثماني", "تسع", "عشر", "عشرات", "مئات", "آلاف",
    "عشرين", "ثلاثين", "أربعين", "خمسين", "ستين", "سبعين", "ثمانين", "تسعين", "مئة", "مائة", "ألف",
    "اثنتين", "اثنين", "عدد", "عدة", "نحو", "حوالي"))


# "قرية شق النوم التابعة لمحلية بارا", "قرية ود الحليو بمحلية ...": a construct is a
# village's two-word name when its district follows it
_ADMIN_TAIL = frozenset({"التابعه", "التابع", "بمحليه", "بمديريه", "بمركز", "بناحيه", "بقضاء", "بمحافظه",
                         "بولايه", "بوحده",
                         # "قرية جيلب الواقعة في إقليم جوبا الوسطى"
                         "الواقعه", "الواقع"})


def _admin_tail(doc: Doc, ti: int) -> bool:
    return ti < len(doc.tokens) and doc.tokens[ti].text in _ADMIN_TAIL \
        and _gap_ok(doc.norm, doc.tokens[ti - 1].end, doc.tokens[ti].start)


def _loose_names(doc: Doc, gaz: Gazetteer, lex: PlaceLexicon, ti: int, admins: set[str], cue: Match,
                 relative: Cue | None = None) -> list[PlaceMention]:
    """Settlements after a settlement noun matched loosely (Gazetteer.loose), the first
    name and those coordinated with it by و. A candidate must lie in a governorate the
    article names, or be the only one."""
    out: list[PlaceMention] = []
    norm = doc.norm
    cue_text = doc.view.orig_text(cue.start, cue.end)
    while ti < len(doc.tokens):
        t = doc.tokens[ti]
        word = t.text[1:] if out and t.text.startswith("و") else t.text
        start = t.end - len(word)
        if not _name_like(word, lex):
            break
        cands = gaz.loose(name_key(word))
        fitting = [c for c in cands if c.admin1 in admins] if admins else cands
        if len(fitting) != 1 and not (fitting and len({(c.admin1, c.name_ar) for c in fitting}) == 1):
            break
        p = max(fitting, key=lambda c: c.population)
        kind, precision = ("relative", 2) if relative is not None else ("settlement", 1)    # "أطراف بلدة X"
        out.append(PlaceMention(start, t.end, doc.view.orig_text(start, t.end), p, kind, precision, p.admin1, p.country,
                                0.7, f"licensed by noun '{cue_text}'; spelled otherwise than the gazetteer's "
                                f"{p.name_ar} (loose match){'; in ' + p.admin1 + ', named in the article' if admins else ''}",
                                cue_text, ranked=[(0.0, p, ["loose spelling match"])], license="noun"))
        nxt = ti + 1
        if nxt >= len(doc.tokens) or not doc.tokens[nxt].text.startswith("و") or not _gap_ok(norm, t.end, doc.tokens[nxt].start):
            break
        ti = nxt
    return out


def _name_like(token: str, lex: PlaceLexicon) -> bool:
    if len(token) < 2 or token.isdigit() or not any("\u0621" <= ch <= "\u064a" for ch in token):
        return False
    k = name_key(token)
    return k not in lex.common and token not in lex.common


def _anaphors(doc: Doc, lex: PlaceLexicon, by_end: dict, by_start: dict, mentions: list[PlaceMention],
              norm: str, cues: list[Match] | None = None) -> list[PlaceMention]:
    """"في المدينة" with no name: the settlement named last before it (rule 6)."""
    out: list[PlaceMention] = []
    starts = {m.start for m in mentions}
    covered = [(m.start, m.end) for m in mentions]
    for cue in by_start.values() if cues is None else cues:
        if not _values(cue, "anaphor") or not cue.prefix.endswith("ال") and not cue.key.startswith("ال"):
            continue
        start = cue.start - 2 if cue.prefix.endswith("ال") else cue.start
        if any(a <= start < b for a, b in covered):
            continue
        j = cue.word_end
        while j < len(norm) and norm[j] in _GAP_OK:
            j += 1
        if j in starts or norm[cue.word_end:j].strip():
            continue  # "المدينة "X"" or a named place follows: not an anaphor
        chain = _preceding(by_end, norm, cue.word_start, 1)
        prep = _attached_prep(cue.prefix, lex.attached_preps)
        relative = None
        if chain:
            c = chain[0]
            if _values(c, "prep"):
                prep = c.key
            elif _values(c, "relative"):
                relative = _values(c, "relative")[0]
        if prep is None and relative is None:
            continue
        ref = None
        if name_key(cue.key).endswith("مخيم"):
            # "في المخيم": the camp named last ("مخيم عين الحلوة قرب صيدا"), not the town near it
            ref = next((m for m in reversed(mentions) if m.end <= start and m.site and m.place is not None
                        and name_key(m.mention).startswith("مخيم")), None)
        if ref is None and name_key(cue.key).endswith(("قريه", "بلده")):
            # "قرية الدردارة التابعة لناحية تل تمر ... في القرية": the village, not the
            # district seat named after it
            ref = next((m for m in reversed(mentions) if m.end <= start and m.kind == "settlement"
                        and m.place is not None and not (m.cue and _bare_noun(m.cue) in _DISTRICT_NOUNS)), None)
        ref = ref or next((m for m in reversed(mentions) if m.end <= start and m.kind == "settlement" and m.place is not None), None)
        p = ref.place if ref else None
        out.append(PlaceMention(start, cue.end, doc.view.orig_text(start, cue.end), p, "anaphor",
                                max(2 if relative is not None else 1, ref.geo_precision if ref else 1), ref.admin1 if ref else None, ref.country if ref else None,
                                0.7 if ref else 0.2,
                                f"anaphor resolved to {ref.mention}" if ref else "anaphor with no earlier settlement",
                                prep or (relative.word if relative else None)))
    return out


# the nouns of districts named after their seat town: "القرية" never takes one up
_DISTRICT_NOUNS = frozenset({"ناحيه", "قضاء", "محافظه", "مديريه", "محليه", "مركز", "منطقه", "ريف"})


def _bare_noun(cue: str) -> str:
    word = name_key(cue).split(" ")[0]
    for p in ("وب", "وال", "بال", "ب", "و", "ال", "ل"):
        if word.startswith(p) and len(word) - len(p) >= 4:
            return word[len(p):]
    return word


# --------------------------------------------------------------------------- geocode

@dataclass(slots=True)
class Geocoded:
    """What `geocode` found in a phrase: the places with their ranked candidates, and the
    gazetteer hits it refused, each with the reason."""
    text: str
    places: list[PlaceMention]
    rejected: list[tuple[str, str]]          # (words as written, why not a place)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "places": [{
                "location": m.to_location().to_dict(), "kind": m.kind, "score": m.score, "license": m.license,
                "reason": m.reason,
                "candidates": [{"score": round(s, 2), "name_ar": p.name_ar, "name_en": p.name_en, "placetype": p.placetype,
                                "admin1": p.admin1, "admin2": p.admin2, "country": p.country, "lat": p.lat, "lon": p.lon,
                                "gazetteer_id": p.id, "why": why} for s, p, why in m.ranked],
            } for m in self.places],
            "not_places": [{"mention": w, "why": why} for w, why in self.rejected],
        }


def prior_terms(p: Place) -> str:
    """The context-free part of a candidate's score, spelled out (the rest are the
    reasons `_disambiguate` records: admin named in the sentence/article, distance)."""
    parts = [f"{p.placetype} {_TYPE_PRIOR.get(p.placetype, 0.0):+.2f}"]
    if p.placetype in _SETTLEMENT_TYPES:
        if p.population:
            parts.append(f"population {p.population:,} {0.15 * math.log10(p.population + 1):+.2f}")
    else:
        parts.append("admin unit +0.50")
    code = _seat_code(p)
    if code:
        parts.append(f"seat {code} {_SEAT_PRIOR[code]:+.2f} (when ambiguous)"
                     + ("" if code == p.feature_code else f" [{_seat_why(p, code)}]"))
    return ", ".join(parts)


def geocode(text: str, gazetteer: Gazetteer | None = None) -> Geocoded:
    """Geocode a phrase or a whole article exactly as `rasd.extract` would, keeping the
    scored candidates of every mention and the reasons hits were refused."""
    from .pipeline import build_doc     # pipeline imports this module

    doc = build_doc(text)
    trace: list[tuple[int, int, str]] = []
    found = find_places(doc, gazetteer, trace=trace)
    rejected = [(doc.view.orig_text(a, b), why) for a, b, why in sorted(trace)]
    return Geocoded(text, found, rejected)
