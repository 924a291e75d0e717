"""Actor mentions: who the article says acted, under a neutral canonical name.

Owns: loading and validating ``lang/ar/actors.yaml``, the `Actor` / `ActorMention`
types, `find_actors` (one Aho-Corasick pass over the normalised text, then two small
grammar steps: a generic noun introducing a named actor is merged into it, "عناصر من
الشرطة العسكرية", and coordinated tails that name the same side are absorbed, "قوات
النظام وميليشياته"), and the country templates (`civilians`, `unidentified`,
`localize`) whose country the words alone do not give, and the eras (`period_variants`)
in which the same words named another actor (Syria before and after 8 December 2024).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .doc import Doc
from .lexicon import NO_AFFIX, LexiconError, PhraseMatcher, data_path, load_mapping, require, string_list
from .normalize import normalize_key

ACTORS_FILE = "actors.yaml"
_PLACEHOLDER = "{country}"
_ISO2 = re.compile(r"^[A-Z]{2}$")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Actor:
    name: str             # canonical neutral name (ACLED style, no date suffix)
    inter: int            # ACLED inter code 1..8
    country: str | None   # ISO2 of the actor's home country; None for templates
    unit: str | None = None
    # index into ActorLexicon.periods: the words named another actor in another era.
    # Not part of equality: "الجيش السوري" and "قوات الأسد" are one actor until localised.
    era: int | None = field(default=None, compare=False)


@dataclass(frozen=True, slots=True)
class PeriodVariant:
    """Words listed under `was` name `becomes` from `start` on (or before `end`)."""
    was: str                  # the actor name the words resolve to, localised
    becomes: Actor
    start: date | None        # from this day on (inclusive)
    end: date | None          # before this day (exclusive)

    def applies(self, when: date) -> bool:
        return (self.start is None or when >= self.start) and (self.end is None or when < self.end)


@dataclass(slots=True)
class ActorMention:
    start: int            # normalised offsets of the words naming the actor
    end: int
    actor: Actor
    loaded: bool          # partisan wording
    generic: bool         # common noun that needs context


@dataclass(frozen=True, slots=True)
class _Template:
    """A canonical actor as declared in the lexicon (name may hold "{country}")."""
    name: str
    inter: int
    country: str | None


@dataclass(frozen=True, slots=True)
class ActorLexicon:
    matcher: PhraseMatcher        # values: (Actor, loaded, generic)
    tails: dict[str, bool]        # normalised tail -> loaded
    tail_words: int               # longest tail, in words
    tail_firsts: frozenset[str]   # first letters of tails, a cheap pre-check
    connectors: frozenset[str]    # normalised, space-joined word sequences
    countries: dict[str, str]     # ISO2 -> English name
    templates: dict[str, _Template]
    member_heads: frozenset[str] = frozenset()   # normalised nouns that only introduce an actor
    adjectives: dict[str, Actor] = field(default_factory=dict)   # "إسرائيلية" → Military Forces of Israel
    air_default: dict[str, Actor] = field(default_factory=dict)  # ISO2 → the only air force striking there
    air_until: dict[str, date] = field(default_factory=dict)     # ISO2 → the day that stopped being so
    sides: dict[str, int] = field(default_factory=dict)          # actor name → index of its alliance
    variants: dict[tuple[str, str], Actor] = field(default_factory=dict)  # (name, ISO2) → the actor meant there
    periods: tuple[PeriodVariant, ...] = ()      # Actor.era indexes it


# --------------------------------------------------------------------------- loading

_ENTRY_KEYS = {"name", "inter", "country", "aliases", "loaded_aliases", "generic_aliases", "units", "adjectives"}
_UNIT_KEYS = {"aliases", "loaded_aliases"}
_TOP_KEYS = {"countries", "actors", "tails", "connectors", "member_heads", "unattributed_air_strikes", "allies",
             "regional_variants", "period_variants"}
_PERIOD_KEYS = {"was", "becomes", "from", "until", "words"}


def _alias_line(path: Path, alias: str, after: int) -> int:
    """Best line for an alias (scalars carry no line): first line at/after ``after`` holding it."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return after
    for n in range(max(after, 1), len(lines) + 1):
        if alias in lines[n - 1]:
            return n
    return after


def load_actor_lexicon(path: Path | str) -> ActorLexicon:
    """Read and validate an actors file; raise LexiconError naming file and line."""
    path = Path(path)
    data = load_mapping(path, _TOP_KEYS)
    countries_raw = require(data, "countries", dict, path)
    countries: dict[str, str] = {}
    for code, label in countries_raw.items():
        if not isinstance(code, str) or not _ISO2.match(code) or not isinstance(label, str):
            raise LexiconError(path, countries_raw.line, f"countries: {code!r} must be an ISO2 code mapped to a name")
        countries[code] = label

    entries: list[tuple[str, tuple[Actor, bool, bool]]] = []
    owner: dict[str, tuple[Actor, int]] = {}     # normalised alias -> actor, line of its list
    templates: dict[str, _Template] = {}
    adjectives: dict[str, Actor] = {}

    era_words, era_names = _period_words(data, path)
    tagged: set[str] = set()

    def add(alias_list: list[str], list_line: int, actor: Actor, loaded: bool, generic: bool) -> None:
        for alias in alias_list:
            key = normalize_key(alias)
            era = era_words.get(key, era_names.get(actor.name))
            meant = actor if era is None else replace(actor, era=era)
            if era is not None:
                tagged.add(key)
            prev = owner.get(key)
            if prev is not None and prev[0] != actor:
                line = _alias_line(path, alias, list_line)
                raise LexiconError(path, line, f"alias {alias!r} maps to both {prev[0].name!r}"
                                   f"{'/' + prev[0].unit if prev[0].unit else ''} and {actor.name!r}"
                                   f"{'/' + actor.unit if actor.unit else ''}")
            owner[key] = (actor, list_line)
            entries.append((key, (meant, loaded, generic)))

    for entry in require(data, "actors", list, path):
        line = getattr(entry, "line", None)
        if not isinstance(entry, dict):
            raise LexiconError(path, line or data.line, "each actor must be a mapping")
        for key in entry:
            if key not in _ENTRY_KEYS:
                raise LexiconError(path, line, f"unknown key {key!r} (allowed: {', '.join(sorted(_ENTRY_KEYS))})")
        name = require(entry, "name", str, path).strip()
        if not name:
            raise LexiconError(path, line, "empty actor name")
        inter = require(entry, "inter", int, path)
        if isinstance(inter, bool) or not 1 <= inter <= 8:
            raise LexiconError(path, line, f"inter must be an integer 1..8, got {inter!r}")
        country = require(entry, "country", (str, type(None)), path)
        if country is not None and country not in countries:
            raise LexiconError(path, line, f"country {country!r} is not declared under 'countries'")
        if _PLACEHOLDER in name and country is not None:
            raise LexiconError(path, line, f"template name {name!r} needs country: null")
        if name in templates:
            raise LexiconError(path, line, f"actor {name!r} declared twice")
        templates[name] = _Template(name, inter, country)
        base = Actor(_fill(name, country, countries), inter, country, None)
        for key, loaded, generic in (("aliases", False, False), ("loaded_aliases", True, False),
                                     ("generic_aliases", False, True)):
            items = string_list(entry, key, path, optional=True)
            add(items, getattr(entry.get(key), "line", line), base, loaded, generic)
        for adj in string_list(entry, "adjectives", path, optional=True):
            key = normalize_key(adj)
            if key in adjectives and adjectives[key] != base:
                raise LexiconError(path, line, f"adjective {adj!r} maps to both {adjectives[key].name!r} and {base.name!r}")
            adjectives[key] = base
        if not any(entry.get(k) for k in ("aliases", "loaded_aliases", "generic_aliases", "units")):
            raise LexiconError(path, line, f"actor {name!r} has no aliases")
        units = require(entry, "units", dict, path, optional=True, default={})
        for unit, spec in units.items():
            uline = getattr(spec, "line", getattr(units, "line", line))
            if not isinstance(unit, str) or not unit.strip():
                raise LexiconError(path, uline, "unit names must be non-empty strings")
            actor = Actor(base.name, inter, country, unit)
            if isinstance(spec, (list, str)):
                add(string_list(units, unit, path), uline, actor, False, False)
            elif isinstance(spec, dict):
                for key in spec:
                    if key not in _UNIT_KEYS:
                        raise LexiconError(path, uline, f"unknown unit key {key!r} (allowed: aliases, loaded_aliases)")
                add(string_list(spec, "aliases", path, optional=True), uline, actor, False, False)
                add(string_list(spec, "loaded_aliases", path, optional=True), uline, actor, True, False)
            else:
                raise LexiconError(path, uline, f"unit {unit!r} must be a list of aliases or a mapping")

    # News writes the same forces indefinitely too: "الطائرات الحربية الروسية" is also
    # "طائرات حربية روسية". Derive those variants instead of listing them.
    for key, value in list(entries):
        words = key.split(" ")
        if len(words) > 1 and all(w.startswith("ال") and len(w) > 3 for w in words):
            bare = " ".join(w[2:] for w in words)
            if bare not in owner:
                owner[bare] = (value[0], 0)
                entries.append((bare, value))

    tails_raw = require(data, "tails", dict, path, optional=True, default={})
    tails: dict[str, bool] = {}
    for key in tails_raw:
        if key not in ("loaded", "neutral"):
            raise LexiconError(path, tails_raw.line, f"tails: unknown key {key!r} (allowed: loaded, neutral)")
        for t in string_list(tails_raw, key, path):
            tails[normalize_key(t)] = key == "loaded"
    connectors = frozenset(normalize_key(c) for c in string_list(data, "connectors", path, optional=True))
    # "عناصر", "مقاتلين": members of whatever actor follows ("عناصر من تنظيم داعش"); alone
    # they name no one, since the victims are as often "عناصر" as the attackers are
    heads = string_list(data, "member_heads", path, optional=True)
    member_heads = frozenset(normalize_key(h) for h in heads)
    if heads:
        unid = next((t for t in templates.values() if t.name.startswith("Unidentified Armed Group")), None)
        if unid is None:
            raise LexiconError(path, data.line, "member_heads need the Unidentified Armed Group template")
        head_actor = Actor(_fill(unid.name, None, countries), unid.inter, None, None)
        for key in member_heads:
            if key not in owner:
                entries.append((key, (head_actor, False, True)))
    air_default: dict[str, Actor] = {}
    air_until: dict[str, date] = {}
    air = require(data, "unattributed_air_strikes", dict, path, optional=True, default={})
    for code, name in air.items():
        if isinstance(name, dict):
            # {actor: NAME, until: YYYY-MM-DD}: the sole air force only until that day
            if set(name) != {"actor", "until"}:
                raise LexiconError(path, getattr(air, "line", None),
                                   f"unattributed_air_strikes: {code!r} takes a name or {{actor, until}}")
            air_until[code] = _day(name["until"], path, getattr(air, "line", None), "until")
            name = name["actor"]
        if code not in countries or not isinstance(name, str) or name not in templates \
                or templates[name].country is None:
            raise LexiconError(path, getattr(air, "line", None),
                               f"unattributed_air_strikes: {code!r} → {name!r} must map a country to a named actor")
        t = templates[name]
        air_default[code] = Actor(t.name, t.inter, t.country, None)
    variants: dict[tuple[str, str], Actor] = {}
    raw = require(data, "regional_variants", dict, path, optional=True, default={})
    for name, table in raw.items():
        line = getattr(raw, "line", None)
        if name not in templates or not isinstance(table, dict):
            raise LexiconError(path, line, f"regional_variants: {name!r} must be an actor name with a mapping ISO2 → actor")
        for code, other in table.items():
            if code not in countries or other not in templates or templates[other].country is None:
                raise LexiconError(path, line, f"regional_variants: {name!r}: {code!r} → {other!r} is not a country and a named actor")
            t = templates[other]
            variants[(name, code)] = Actor(t.name, t.inter, t.country, None)
    periods = _load_periods(data, path, templates, countries, era_words, tagged)
    sides: dict[str, int] = {}
    for i, group in enumerate(require(data, "allies", list, path, optional=True, default=[])):
        if not isinstance(group, list):
            raise LexiconError(path, getattr(data.get("allies"), "line", None), "allies: each entry is a list of actor names")
        for name in group:
            if name not in templates:
                raise LexiconError(path, getattr(data.get("allies"), "line", None), f"allies: unknown actor {name!r}")
            if name in sides:
                raise LexiconError(path, getattr(data.get("allies"), "line", None), f"allies: {name!r} is in two alliances")
            sides[name] = i
    return ActorLexicon(
        matcher=PhraseMatcher(entries, suffixes=NO_AFFIX),
        tails=tails,
        tail_words=max((t.count(" ") + 1 for t in tails), default=0),
        tail_firsts=frozenset(t[0] for t in tails),
        connectors=connectors,
        countries=countries,
        templates=templates,
        member_heads=member_heads,
        adjectives=adjectives,
        air_default=air_default,
        air_until=air_until,
        sides=sides,
        variants=variants,
        periods=periods,
    )


def _period_entries(data: dict, path: Path) -> list:
    raw = require(data, "period_variants", list, path, optional=True, default=[])
    for entry in raw:
        if not isinstance(entry, dict):
            raise LexiconError(path, getattr(raw, "line", None), "period_variants: each entry is a mapping")
        for key in entry:
            if key not in _PERIOD_KEYS:
                raise LexiconError(path, entry.line, f"period_variants: unknown key {key!r} "
                                                     f"(allowed: {', '.join(sorted(_PERIOD_KEYS))})")
    return raw


def _period_words(data: dict, path: Path) -> tuple[dict[str, int], dict[str, int]]:
    """Which aliases (normalised) and which whole actors (no `words`) each era rule tags."""
    words: dict[str, int] = {}
    names: dict[str, int] = {}
    for i, entry in enumerate(_period_entries(data, path)):
        was = require(entry, "was", str, path)
        listed = string_list(entry, "words", path, optional=True)
        if not listed:
            if was in names:
                raise LexiconError(path, entry.line, f"period_variants: {was!r} has two rules for all its words")
            names[was] = i
        for w in listed:
            key = normalize_key(w)
            if key in words:
                raise LexiconError(path, entry.line, f"period_variants: {w!r} is listed in two rules")
            words[key] = i
    return words, names


def _day(value: object, path: Path, line: int | None, key: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise LexiconError(path, line, f"period_variants: {key}: {value!r} is not a YYYY-MM-DD date") from None


def _load_periods(data: dict, path: Path, templates: dict[str, _Template], countries: dict[str, str],
                  era_words: dict[str, int], tagged: set[str]) -> tuple[PeriodVariant, ...]:
    out: list[PeriodVariant] = []
    # `was` may be a template's localised name ("Military Forces of Syria" for a bare
    # "الجيش" in Syria); `becomes` must be a named actor
    bare = {_fill(t.name, c, countries) for t in templates.values()
            for c in ([t.country] if t.country else countries)}
    for entry in _period_entries(data, path):
        line = entry.line
        was, becomes = require(entry, "was", str, path), require(entry, "becomes", str, path)
        if was not in bare:
            raise LexiconError(path, line, f"period_variants: was {was!r} is not an actor")
        if becomes not in templates or templates[becomes].country is None:
            raise LexiconError(path, line, f"period_variants: becomes {becomes!r} is not a named actor")
        if ("from" in entry) == ("until" in entry):
            raise LexiconError(path, line, "period_variants: give exactly one of from / until")
        start = _day(entry["from"], path, line, "from") if "from" in entry else None
        end = _day(entry["until"], path, line, "until") if "until" in entry else None
        for w in string_list(entry, "words", path, optional=True):
            if normalize_key(w) not in tagged:
                raise LexiconError(path, line, f"period_variants: {w!r} is not an alias of any actor")
        t = templates[becomes]
        out.append(PeriodVariant(was, Actor(t.name, t.inter, t.country, None), start, end))
    return tuple(out)


@functools.cache
def actor_lexicon() -> ActorLexicon:
    """The packaged (or RASD_LANG_DIR) actor lexicon, loaded once."""
    return load_actor_lexicon(data_path(ACTORS_FILE))


# --------------------------------------------------------------------------- templates

def _fill(name: str, country: str | None, countries: dict[str, str]) -> str:
    if _PLACEHOLDER not in name:
        return name
    if country is None or country not in countries:
        # "Civilians ({country})" -> "Civilians"; "Military Forces of {country}" -> "Military Forces"
        return re.sub(r"\s*(?:\(\{country\}\)|of \{country\}|\{country\})", "", name).strip()
    return name.replace(_PLACEHOLDER, countries[country])


# lexicon -> {bare template name: template}: localize asks once per record
_BARE_TEMPLATES: dict[int, tuple[ActorLexicon, dict[str, _Template]]] = {}


def _template_of(actor: Actor, lex: ActorLexicon) -> _Template | None:
    cached = _BARE_TEMPLATES.get(id(lex))
    if cached is None or cached[0] is not lex:
        bare: dict[str, _Template] = {}
        for t in lex.templates.values():
            if t.country is None and _PLACEHOLDER in t.name:
                bare.setdefault(_fill(t.name, None, lex.countries), t)    # the first one wins, as before
        cached = _BARE_TEMPLATES[id(lex)] = (lex, bare)
    return cached[1].get(actor.name)


def localize(actor: Actor, country: str | None, when: date | None = None) -> Actor:
    """The actor as coded for an event in ``country`` on day ``when``.

    Templates (country None: civilians, unidentified groups, a bare "the army") get the
    country's name and code; a state force acting outside its home country becomes 8, a
    stored foreign force (8) acting at home becomes 1. Words whose actor changed with a
    regime (`period_variants`) name the actor of ``when``'s era; without a day they keep
    the actor they are listed under.
    """
    if country is None:
        return _in_era(actor, when)
    lex = actor_lexicon()
    other = lex.variants.get((actor.name, country))
    if other is not None:
        actor = Actor(other.name, other.inter, other.country, actor.unit)
    if actor.country is None:
        t = _template_of(actor, lex)
        if t is not None and country in lex.countries:
            return _in_era(Actor(_fill(t.name, country, lex.countries), actor.inter, country, actor.unit,
                                 actor.era), when)
        return actor
    actor = _in_era(actor, when)
    if actor.inter == 1 and actor.country != country and actor.name.startswith(("Military Forces", "Police Forces")):
        return Actor(actor.name, 8, actor.country, actor.unit)
    if actor.inter == 8 and actor.country == country and actor.name.startswith(("Military Forces", "Police Forces")):
        return Actor(actor.name, 1, actor.country, actor.unit)
    return actor


def _in_era(actor: Actor, when: date | None) -> Actor:
    """The actor a period-dependent word names on ``when`` (unchanged without a rule or day)."""
    if actor.era is None or when is None:
        return actor
    rule = actor_lexicon().periods[actor.era]
    if rule.was != actor.name or not rule.applies(when):
        return actor
    b = rule.becomes
    return Actor(b.name, b.inter, b.country, actor.unit)


def _template_actor(template_name: str, country: str | None) -> Actor:
    lex = actor_lexicon()
    t = lex.templates[template_name]
    code = country if country in lex.countries else None
    return Actor(_fill(t.name, code, lex.countries), t.inter, code, None)


def actor_for_adjective(word: str) -> Actor | None:
    """The force a nationality adjective stands for after a weapon or act ("غارة إسرائيلية")."""
    lex = actor_lexicon()
    return lex.adjectives.get(word) or lex.adjectives.get(word[2:] if word.startswith("ال") else word)


def allied(a: Actor, b: Actor) -> bool:
    """True when two actors fight on the same side (actors.yaml `allies`): they are never
    the two sides of one clash."""
    sides = actor_lexicon().sides
    sa, sb = sides.get(a.name), sides.get(b.name)
    return sa is not None and sa == sb


def unattributed_air_actor(country: str | None, when: date | None = None) -> Actor | None:
    """The force an air strike with no named perpetrator is coded to, where only one air
    force strikes (actors.yaml `unattributed_air_strikes`) on day ``when``, localised to
    ``country``."""
    lex = actor_lexicon()
    actor = lex.air_default.get(country) if country else None
    until = lex.air_until.get(country) if country else None
    if actor is None or when is not None and until is not None and when >= until:
        return None
    return localize(actor, country) if actor is not None else None


def air_default_ended(country: str | None, when: date | None) -> bool:
    """Has ``country``'s one-air-force default ended by day ``when`` (Syria after Assad's
    fall: Israel, Turkey, the coalition and the new army all strike there)?"""
    until = actor_lexicon().air_until.get(country) if country else None
    return until is not None and when is not None and when >= until


def civilians(country: str | None) -> Actor:
    return _template_actor("Civilians ({country})", country)


def unidentified(country: str | None) -> Actor:
    return _template_actor("Unidentified Armed Group ({country})", country)


def rioters(country: str | None) -> Actor:
    return _template_actor("Rioters ({country})", country)


def protesters(country: str | None) -> Actor:
    return _template_actor("Protesters ({country})", country)


# --------------------------------------------------------------------------- finding

def find_actors(doc: Doc) -> list[ActorMention]:
    """Actor mentions in ``doc.norm``: non-overlapping, in text order."""
    lex = actor_lexicon()
    text = doc.norm
    mentions: list[ActorMention] = []
    for m in lex.matcher.find(text):
        actor, loaded, generic = _pick(m.values)
        # A bare name taking the article ("الحماس") is a different word, not the actor.
        if "ال" in m.prefix and not m.key.startswith("ال") and not generic:
            continue
        mentions.append(ActorMention(m.start, m.end, actor, loaded, generic))
    if not mentions:
        return mentions
    mentions = _merge_generic_heads(text, mentions, lex.connectors)
    if lex.member_heads:
        mentions = [m for m in mentions if not (m.generic and text[m.start:m.end] in lex.member_heads)]
    _absorb_tails(text, mentions, lex)
    _nationality_after_generic(text, mentions, lex)
    return mentions


def _nationality_after_generic(text: str, mentions: list[ActorMention], lex: ActorLexicon) -> None:
    """"طائرات حربية تركية", "قوات أمريكية": a generic force noun with a nationality
    adjective right after it is that nation's force, not the country-of-event template."""
    for i, m in enumerate(mentions):
        if not m.generic:
            continue
        w = _WORD.match(text, m.end + 1) if text[m.end:m.end + 1] == " " else None
        if w is None or (i + 1 < len(mentions) and mentions[i + 1].start < w.end()):
            continue
        word = w.group()
        actor = lex.adjectives.get(word) or lex.adjectives.get(word[2:] if word.startswith("ال") else word)
        if actor is not None:
            mentions[i] = ActorMention(m.start, w.end(), actor, m.loaded, False)


def _pick(values: tuple) -> tuple[Actor, bool, bool]:
    # The loader forbids one alias for two actors; the same actor may be listed twice
    # (plain and loaded): loaded wins, since that is what the article's words are.
    best = values[0]
    for v in values[1:]:
        if v[1] and not best[1]:
            best = v
    return best


def _gap_words(text: str, start: int, end: int) -> str | None:
    """The words between two mentions, space-joined; None if punctuation other than quotes intervenes."""
    gap = text[start:end]
    if any(not (ch.isalnum() or ch.isspace() or ch in "\"'") for ch in gap):
        return None
    return " ".join(re.findall(r"\w+", gap))


def _merge_generic_heads(text: str, mentions: list[ActorMention], connectors: frozenset[str]) -> list[ActorMention]:
    out: list[ActorMention] = []
    i = 0
    while i < len(mentions):
        cur = mentions[i]
        nxt = mentions[i + 1] if i + 1 < len(mentions) else None
        if cur.generic and nxt is not None and not nxt.generic and nxt.start - cur.end <= 30:
            words = _gap_words(text, cur.end, nxt.start)
            # The named actor may carry the ل of "التابعة لـ" as a clitic: the gap is then empty.
            # "اتهم الجيش الحوثيين": a definite noun cannot head a construct, so a definite
            # head right before a definite plural name is the subject and the name its object
            two_nouns = words == "" and text[cur.start:cur.start + 2] == "ال" and text[nxt.start:nxt.start + 2] == "ال" \
                and text[nxt.start:nxt.end].split()[0].endswith(("ين", "ون"))
            if words is not None and (words == "" or words in connectors) and _can_head(cur.actor, nxt.actor) \
                    and not two_nouns:
                out.append(ActorMention(cur.start, nxt.end, nxt.actor, cur.loaded or nxt.loaded, False))
                i += 2
                continue
        out.append(cur)
        i += 1
    return out


def _can_head(generic: Actor, named: Actor) -> bool:
    """May a generic noun introduce this named actor ("عناصر من", "قوات الأمن" + ...)?"""
    if generic.name == named.name:
        return True
    if named.inter in (5, 6, 7):
        return False    # "فرقت قوات الأمن المتظاهرين": object, not apposition
    if generic.country is None and generic.inter == 3:
        return True     # fighters/members/gunmen of a named armed actor
    return generic.country is None and generic.inter == 1 and named.inter in (1, 8)


def _absorb_tails(text: str, mentions: list[ActorMention], lex: ActorLexicon) -> None:
    if not lex.tails:
        return
    # Tails are few and short: look up the next words after each mention in a table
    # instead of running another automaton over the whole text.
    firsts = lex.tail_firsts
    n = len(text)
    for i, mention in enumerate(mentions):
        j = mention.end
        while j < n and text[j] == " ":
            j += 1
        if j >= n or text[j] not in firsts:
            continue
        limit = mentions[i + 1].start if i + 1 < len(mentions) else n
        words = _WORD.finditer(text, mention.end, min(limit, mention.end + 60))
        seq: list[str] = []
        best = None
        last = mention.end
        for w in words:
            if text[last:w.start()].strip():
                break
            seq.append(w.group())
            last = w.end()
            key = " ".join(seq)
            if key in lex.tails:
                best = (w.end(), lex.tails[key])
            if len(seq) >= lex.tail_words:
                break
        if best is not None:
            mention.end = best[0]
            mention.loaded = mention.loaded or best[1]
