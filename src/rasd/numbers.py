"""Numbers and quantities in normalised Arabic text.

Owns: reading number expressions (digits with separators, number words in every
case/gender form with clitics, compounds, scales, mixed "3 آلاف", the detached article
"ال 700", duals such as "قتيلين"), and turning them into `Quantity` ranges with ACLED-style
low/best/high, qualifiers (أكثر من، نحو، على الأقل، بين … و …) and the head noun.

Numbers that are not counts of anything the assembler cares about (years, times, dates,
percentages, money, distances, durations, calibres, unit numbers) are *skipped*: they
never appear in `find_quantities` output. The table of values is in docs/quantities.md;
the words live in lang/ar/numbers.yaml.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from itertools import accumulate
from functools import cache
from pathlib import Path

from .lexicon import (NOUN_PREFIXES, LexiconError, PhraseMatcher, data_path, load_yaml,
                      require, string_list)
from .normalize import normalize_key

__all__ = ["Quantity", "parse_number", "find_quantities", "load_numbers", "split_qualifier"]

APPROX_KINDS = ("more_than", "at_least", "about", "less_than", "range")


@dataclass(slots=True)
class Quantity:
    start: int
    end: int
    low: int | None
    best: int | None
    high: int | None
    vague: bool
    approx: str | None
    noun: str | None
    noun_start: int | None
    noun_end: int | None
    # sub-counts after "بينهم": [{"who": "children", "low": 3, "best": 3, "high": 3}, ...]
    among: list[dict] | None = None
    what: str | None = None          # set when the phrase itself says what it counts (no casualties: killed)
    total: bool = False              # a running total ("ارتفعت الحصيلة إلى 7"): replaces earlier figures


# --------------------------------------------------------------------------- lexicon

@dataclass(slots=True)
class _Word:
    """Every role one normalised form can play (مئة is both a hundred and the word
    "hundred" after ثلاث; عشرة is both ten and the teen marker)."""
    zero: bool = False
    unit: int = 0
    compound: int = 0
    teen: bool = False
    tens: int = 0
    hundreds: int = 0
    hundred_word: bool = False
    scale: int = 0
    scale_form: str = ""        # singular / dual / plural
    frac: tuple[int, int] | None = None   # نصف = (1, 2): only with a scale


@dataclass(slots=True, frozen=True)
class _Vague:
    low: int
    best: int
    high: int | None


@dataclass(slots=True)
class NumberLexicon:
    words: dict[str, _Word]
    matcher: PhraseMatcher
    aux: PhraseMatcher                   # context words scanned on demand, see _scan_aux
    ohead_re: re.Pattern                 # quick filter: an ordinal head in a window?
    rise_words: frozenset[str]           # running-total verbs, checked word by word
    rise_re: re.Pattern                  # the same verbs as substrings: a C-speed window filter
    neg_phrases: frozenset[str]          # no-casualty negators, checked word by word
    neg_max_words: int
    joiners: frozenset[str]
    not_nouns: frozenset[str]
    partitive: frozenset[str]
    gap_heads: frozenset[str]
    gap_max_words: int
    who_counted: dict[str, str]          # noun after a number (or a dual) -> who label
    rules: dict[str, tuple]              # approx kind -> (low, best, high) specs, see _rule_spec
    total_max_words: int
    ranked_among: frozenset[str]         # "في عداد" in "4 صيادين في عداد المفقودين"
    nocas_fillers: frozenset[str]


def _int_key(key: object, path: Path, line: int | None, lo: int, hi: int) -> int:
    if not isinstance(key, int) or not lo <= key <= hi:
        raise LexiconError(path, line, f"expected an integer key between {lo} and {hi}, got {key!r}")
    return key


def _value_table(data: dict, name: str, path: Path, lo: int, hi: int) -> dict[int, list[str]]:
    table = require(data, name, dict, path)
    out: dict[int, list[str]] = {}
    for k in table:
        out[_int_key(k, path, table.line, lo, hi)] = string_list(table, k, path)
    return out


def _opt_int(entry: dict, key: str, path: Path, *, nullable: bool = False) -> int | None:
    value = entry.get(key, "missing")
    if value is None and nullable:
        return None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise LexiconError(path, entry.line, f"{key!r} must be a non-negative integer{' or null' if nullable else ''}, got {value!r}")
    return value


_SPEC = re.compile(r"^([xy])(?:([+-])([0-9]+))?$")


def _rule_spec(value: object, path: Path, line: int | None) -> tuple:
    """x / y / x+N / x-N / integer / "open" → ("x"|"y", offset) | ("int", n) | ("open",)."""
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return ("int", value)
    if value == "open":
        return ("open",)
    m = _SPEC.match(str(value).replace(" ", ""))
    if m is None:
        raise LexiconError(path, line, f"rule value must be x, y, x+N, x-N, an integer or open, got {value!r}")
    off = int(m.group(3) or 0) * (-1 if m.group(2) == "-" else 1)
    return (m.group(1), off)


def _rule_value(spec: tuple, x: int, y: int) -> int | None:
    if spec[0] == "open":
        return None
    if spec[0] == "int":
        return spec[1]
    return (x if spec[0] == "x" else y) + spec[1]


def apply_rule(lex: "NumberLexicon", kind: str, x: int, y: int | None = None) -> tuple[int, int | None, int | None]:
    """low/best/high of number ``x`` (range end ``y``) under qualifier ``kind``."""
    if kind == "less_than" and x <= 1:
        return 0, 0, 0                       # "fewer than one": none
    lo, be, hi = lex.rules[kind]
    y = x if y is None else y
    return _rule_value(lo, x, y), _rule_value(be, x, y), _rule_value(hi, x, y)


def load_numbers(path: Path | str | None = None) -> NumberLexicon:
    """Load and validate numbers.yaml (cached for the default path)."""
    if path is None:
        return _default_numbers()
    return _build(Path(path))


@cache
def _default_numbers() -> NumberLexicon:
    return _build(data_path("numbers.yaml"))


def _build(path: Path) -> NumberLexicon:
    data = load_yaml(path)
    require(data, "units", dict, path)
    words: dict[str, _Word] = {}

    def word(form: str) -> _Word:
        key = normalize_key(form)
        if " " in key:
            raise LexiconError(path, getattr(data, "line", None), f"number word {form!r} must be one word")
        return words.setdefault(key, _Word())

    for v, forms in _value_table(data, "units", path, 1, 10).items():
        for f in forms:
            word(f).unit = v
    for f in string_list(data, "zero", path, optional=True):
        word(f).zero = True
    for v, forms in _value_table(data, "compound_only", path, 1, 9).items():
        for f in forms:
            word(f).compound = v
    for f in string_list(data, "teen_marker", path):
        word(f).teen = True
    for v, forms in _value_table(data, "tens", path, 20, 90).items():
        if v % 10:
            raise LexiconError(path, data["tens"].line, f"tens value {v} is not a multiple of 10")
        for f in forms:
            word(f).tens = v
    for v, forms in _value_table(data, "hundreds", path, 100, 900).items():
        if v % 100:
            raise LexiconError(path, data["hundreds"].line, f"hundreds value {v} is not a multiple of 100")
        for f in forms:
            word(f).hundreds = v
    for f in string_list(data, "hundred_word", path):
        word(f).hundred_word = True
    scales = require(data, "scales", dict, path)
    for k in scales:
        v = _int_key(k, path, scales.line, 1000, 10**12)
        entry = require(scales, k, dict, path)
        for form_kind in ("singular", "dual", "plural"):
            for f in string_list(entry, form_kind, path, optional=True):
                w = word(f)
                w.scale, w.scale_form = v, form_kind

    fracs = require(data, "fractions", list, path, optional=True, default=[])
    for item in fracs:
        if not isinstance(item, dict):
            raise LexiconError(path, fracs.line, "each fraction entry must be a mapping")
        num, den = _opt_int(item, "num", path), _opt_int(item, "den", path)
        if not 0 < num < den:
            raise LexiconError(path, item.line, f"fraction needs 0 < num < den, got {num}/{den}")
        for f in string_list(item, "forms", path):
            word(f).frac = (num, den)

    entries: list[tuple[str, tuple]] = [(k, ("num",)) for k in words]
    for v, forms in _value_table(data, "ordinals", path, 1, 10).items():
        for f in forms:
            entries.append((f, ("ord", v)))
    # Words only read near a hit of the main automaton (an ordinal, a marker, a casualty
    # noun, a number) go into a second automaton scanned over small windows on demand:
    # they are common words (لا، دون، بلغ، طفل، حالة) that would cost a hit each per text.
    aux: list[tuple[str, tuple]] = []
    ohead_keys = sorted({normalize_key(f) for f in string_list(data, "ordinal_heads", path)}, key=len, reverse=True)
    for f in ohead_keys:
        aux.append((f, ("ohead",)))
    for f in string_list(data, "dual_nouns", path, optional=True):
        entries.append((f, ("dual",)))
    vague = require(data, "vague", list, path)
    for item in vague:
        if not isinstance(item, dict):
            raise LexiconError(path, vague.line, "each vague entry must be a mapping")
        low, best = _opt_int(item, "low", path), _opt_int(item, "best", path)
        high = _opt_int(item, "high", path, nullable=True)
        if not low <= best or (high is not None and high < best):
            raise LexiconError(path, item.line, "vague entry needs low <= best <= high")
        for f in string_list(item, "forms", path):
            entries.append((f, ("vague", _Vague(low, best, high))))
    quals = require(data, "qualifiers", dict, path)
    for kind in quals:
        if kind not in APPROX_KINDS:
            raise LexiconError(path, quals.line, f"unknown qualifier kind {kind!r} (expected one of {', '.join(APPROX_KINDS)})")
        sides = require(quals, kind, dict, path)
        for side in ("before", "after"):
            for f in string_list(sides, side, path, optional=True):
                entries.append((f, ("qual", kind, side)))
    for side in ("non_count_after", "non_count_before"):
        table = require(data, side, dict, path)
        for label in table:
            for f in string_list(table, label, path):
                entries.append((f, (side, label)))
    joiners = frozenset(normalize_key(f) for f in string_list(data, "range_joiners", path))
    for f in string_list(data, "among_markers", path):
        entries.append((f, ("among",)))
    for f in string_list(data, "combined_casualties", path):
        entries.append((f, ("combo",)))
    who_counted: dict[str, str] = {}
    who = require(data, "among_who", dict, path)
    for label in who:
        group = require(who, label, dict, path)
        for f in string_list(group, "counted", path) + string_list(group, "two", path, optional=True):
            who_counted.setdefault(normalize_key(f), label)
        for kind, n in (("one", 1), ("two", 2)):
            for f in string_list(group, kind, path, optional=True):
                aux.append((f, ("who", str(label), n)))
    nocas = require(data, "no_casualties", dict, path)
    neg_keys = {normalize_key(f) for f in string_list(nocas, "negators", path)}
    for f in string_list(nocas, "nouns", path):
        entries.append((f, ("cas",)))
    running = require(data, "running_total", dict, path)
    rise_keys = {normalize_key(f) for f in string_list(running, "verbs", path)}
    rules_data = require(data, "approx_rules", dict, path)
    rules: dict[str, tuple] = {}
    for kind in APPROX_KINDS:
        entry = require(rules_data, kind, dict, path)
        rules[kind] = tuple(_rule_spec(require(entry, k, (str, int), path), path, entry.line)
                            for k in ("low", "best", "high"))
    for kind in rules_data:
        if kind not in APPROX_KINDS:
            raise LexiconError(path, rules_data.line, f"unknown approx_rules kind {kind!r}")
    gap = require(data, "qualifier_gap", dict, path)
    gap_max = _opt_int(gap, "max_words", path)
    return NumberLexicon(
        words=words,
        matcher=PhraseMatcher(entries, prefixes=NOUN_PREFIXES | {"لل"}),
        aux=PhraseMatcher(aux, prefixes=NOUN_PREFIXES | {"لل"}),
        rise_words=frozenset(rise_keys),
        rise_re=re.compile("|".join(sorted(map(re.escape, rise_keys), key=len, reverse=True)) or "(?!)"),
        neg_phrases=frozenset(neg_keys),
        neg_max_words=max((len(k.split()) for k in neg_keys), default=0),
        ohead_re=re.compile("|".join(map(re.escape, ohead_keys)) or "(?!)"),

        joiners=joiners,
        not_nouns=frozenset(normalize_key(f) for f in string_list(data, "not_nouns", path)
                            + string_list(data, "among_markers", path)),
        partitive=frozenset(normalize_key(f) for f in string_list(data, "partitive", path)),
        gap_heads=frozenset(normalize_key(f) for f in string_list(gap, "heads", path)),
        gap_max_words=gap_max,
        who_counted=who_counted,
        rules=rules,
        total_max_words=_opt_int(running, "max_words", path),
        ranked_among=frozenset(normalize_key(f) for f in string_list(data, "ranked_among", path)),
        nocas_fillers=frozenset(normalize_key(f) for f in string_list(nocas, "fillers", path)),
    )


# --------------------------------------------------------------------------- scanning

# Thousands separators only count in groups of three ("12,000"); "." is a decimal point
# unless it is followed by exactly three digits and no fraction is plausible ("12.000").
# At most six thousands groups (10^21): an unbounded chain would be rescanned from every
# group of a long "1,111,111,…1" run, quadratic in its length.
_DIGITS = re.compile(r"[0-9]{1,3}(?:,[0-9]{3}){1,6}(?![0-9,])|[0-9]+(?:\.[0-9]+)?")
_SPACE_ONLY = re.compile(r"[ \t\u00a0]*")
_WORD = re.compile(r"\w+")
# How far (characters) context words are looked for around a number or marker: more
# than any running_total.max_words / no_casualties span in practice.
AUX_WINDOW = 100
# Eight or more digits with no separator are ids, phone numbers or hashes, never tolls.
MAX_BARE_DIGITS = 7
_ARTICLE_ALONE = frozenset({"ال", "وال", "بال", "فال", "كال", "لل", "ولل"})


@dataclass(slots=True)
class _Atom:
    start: int          # with clitics
    end: int
    prefix: str
    word: _Word | None  # None for digits: their value depends on a following scale
    alt: "_Atom | None" = None   # another reading of the same word (وأحد = واحد | و+أحد)


def _digit_value(text: str, following_scale: bool) -> float | None:
    if "," in text:
        return float(text.replace(",", ""))
    if "." in text:
        whole, frac = text.split(".", 1)
        if len(frac) == 3 and not following_scale:
            return float(whole + frac)
        return float(text)
    return float(text)


def _gap_is_space(norm: str, a: int, b: int) -> bool:
    if b < a:
        return False
    if b == a:
        return True
    m = _SPACE_ONLY.match(norm, a, b)
    return m is not None and m.end() == b


@dataclass(slots=True)
class _Scan:
    atoms: list[_Atom]
    vague: list[tuple[int, int, _Vague]]
    duals: list[tuple[int, int]]
    qual_before: dict[int, tuple[int, str]]        # word_end -> (word_start, kind)
    qual_after: dict[int, tuple[int, str]]         # word_start -> (word_end, kind)
    nc_before: set[int]                            # word_end of non-count-before words
    nc_after: set[int]                             # word_start of non-count-after words
    atom_starts: set[int]
    nc_after_end: dict[int, int]
    ordinals: list[tuple[int, int, str, int]]      # word_start, word_end, prefix, value
    ohead_ends: dict[int, int]                     # word_end -> word_start of an ordinal head
    among: list[tuple[int, int]]                   # "بينهم" markers
    cas: list[tuple[int, int]]                     # casualty nouns (قتلى، إصابات، خسائر بشرية)
    combo_starts: set[int]                         # word_start of "قتيل وجريح" phrases
    who_alone: dict[int, tuple[int, str, int]]     # word_start -> (word_end, who, count)


def _scan(lex: NumberLexicon, norm: str, start: int, end: int) -> _Scan:
    sc = _Scan(atoms=[], vague=[], duals=[], qual_before={}, qual_after={}, nc_before=set(), nc_after=set(),
               atom_starts=set(), nc_after_end={}, ordinals=[], ohead_ends={}, among=[], cas=[],
               combo_starts=set(), who_alone={})
    # find_all + own selection: a word can be both a scale and a vague amount (آلاف) and
    # qualifiers may overlap numbers' keys, so every role of every hit is kept.
    for m in lex.matcher.find_all(norm, start, end):
        _take(lex, sc, m)
    _digit_atoms(sc, norm, start, end)
    return sc


def _scan_aux(lex: NumberLexicon, sc: "_Scan", norm: str, lo: int, hi: int) -> None:
    """Context words (ordinal heads, negators, running-total verbs, who-nouns) in a window."""
    if lo < hi:
        for m in lex.aux.find_all(norm, lo, hi):
            _take(lex, sc, m)


def _take(lex: NumberLexicon, sc: "_Scan", m) -> None:
    for val in m.values:
        tag = val[0]
        if tag == "num":
            w = lex.words[m.key]
            sc.atoms.append(_Atom(m.word_start, m.word_end, m.prefix, w))
        elif tag == "vague":
            sc.vague.append((m.word_start, m.word_end, val[1]))
        elif tag == "dual":
            sc.duals.append((m.word_start, m.word_end))
        elif tag == "ord":
            sc.ordinals.append((m.word_start, m.word_end, m.prefix, val[1]))
        elif tag == "ohead":
            sc.ohead_ends[m.word_end] = m.word_start
        elif tag == "among":
            sc.among.append((m.word_start, m.word_end))
        elif tag == "cas":
            sc.cas.append((m.word_start, m.word_end))
        elif tag == "combo":
            sc.combo_starts.add(m.word_start)
        elif tag == "who":
            if m.word_start not in sc.who_alone or sc.who_alone[m.word_start][0] < m.word_end:
                sc.who_alone[m.word_start] = (m.word_end, val[1], val[2])
        elif tag == "qual":
            if val[2] == "before":
                old = sc.qual_before.get(m.word_end)
                if old is None or old[0] > m.word_start:
                    sc.qual_before[m.word_end] = (m.word_start, val[1])
            else:
                old = sc.qual_after.get(m.word_start)
                if old is None or old[0] < m.word_end:
                    sc.qual_after[m.word_start] = (m.word_end, val[1])
        elif tag == "non_count_before":
            sc.nc_before.add(m.word_end)
        elif tag == "non_count_after":
            sc.nc_after.add(m.word_start)
            sc.nc_after_end[m.word_start] = max(m.word_end, sc.nc_after_end.get(m.word_start, 0))


def _digit_atoms(sc: "_Scan", norm: str, start: int, end: int) -> None:
    for dm in _DIGITS.finditer(norm, start, end):
        s, e = dm.span()
        if s > start and norm[s - 1] in "/:.,":
            continue                      # the tail of a date, time or decimal
        if e < end and norm[e] in "/:" and e + 1 < end and norm[e + 1].isdigit():
            continue
        if e < end and (norm[e].isalpha() or norm[e] == "%"):
            continue                      # "2019م", "15%", "M5": not a bare count
        if e - s > MAX_BARE_DIGITS and dm.group().isdigit():
            continue                      # an identifier (a post id in a link), not a count
        ws = s
        while ws > start and norm[ws - 1].isalpha():
            ws -= 1
        prefix = norm[ws:s]
        if prefix and prefix not in NOUN_PREFIXES and prefix not in _ARTICLE_ALONE:
            continue
        sc.atoms.append(_Atom(ws, e, prefix, None))
    # a guard word read as a number ("بالمئة" = بال + مئة) is not a number
    sc.atoms = [a for a in sc.atoms if sc.nc_after_end.get(a.start) != a.end]
    sc.atoms.sort(key=lambda a: a.start)
    merged: list[_Atom] = []
    for a in sc.atoms:
        if merged and merged[-1].start == a.start:
            if merged[-1].alt is None:
                merged[-1].alt = a
            continue
        merged.append(a)
    sc.atoms = merged
    sc.atom_starts = {a.start for a in sc.atoms}


_U, _T, _H = 1, 2, 4


@dataclass(slots=True)
class _State:
    total: int = 0
    group: int = 0
    slots: int = 0
    last_scale: int = 10**15
    prev_unit: int = 0          # value of the previous atom if it was a bare unit
    frac: tuple[int, int] | None = None   # "نصف" waiting for its scale (نصف مليون)
    frac_done: bool = False


def _times(scale: int, frac: tuple[int, int]) -> int:
    return round(scale * frac[0] / frac[1])


def _step(st: _State, w: _Word, conj: bool, teen_follows: bool) -> bool:
    """Try to extend the number by one word; mutate ``st`` and say whether it fitted."""
    prev_unit, st.prev_unit = st.prev_unit, 0
    if st.frac is not None:
        # "نصف مليون", "ربع مليون": a fraction takes only a singular scale
        if not conj and w.scale and w.scale_form == "singular":
            st.total += _times(w.scale, st.frac)
            st.frac, st.frac_done, st.last_scale = None, True, w.scale
            return True
        return False
    if w.frac:
        if conj and st.total == 0 and st.group == 0 and st.slots == 0 and not st.frac_done:
            st.frac = w.frac                  # a leading fraction
            return True
        if conj and st.group == 0 and st.slots == 0 and st.last_scale < 10**15 and not st.frac_done:
            st.total += _times(st.last_scale, w.frac)    # "مليون ونصف", "ثلاثة آلاف ونصف"
            st.frac_done = True
            return True
        return False
    if not conj:
        if w.teen and prev_unit and prev_unit < 10 and not st.slots & _T:
            st.group += 10
            st.slots |= _T
            return True
        if w.hundred_word and prev_unit and prev_unit < 10 and st.group == prev_unit and st.slots == _U:
            st.group, st.slots = prev_unit * 100, _H
            return True
        if w.scale and st.group and w.scale < st.last_scale and w.scale_form != "dual":
            st.total += st.group * w.scale
            st.group, st.slots, st.last_scale = 0, 0, w.scale
            return True
        return False
    if w.compound and teen_follows and not st.slots & (_U | _T):
        st.group += w.compound
        st.slots |= _U
        st.prev_unit = w.compound
        return True
    if w.unit and w.unit < 10 and not st.slots & _U:
        st.group += w.unit
        st.slots |= _U
        st.prev_unit = w.unit
        return True
    if w.unit == 10 and not st.slots & (_U | _T):
        st.group += 10
        st.slots |= _U | _T
        return True
    if w.tens and not st.slots & _T:
        st.group += w.tens
        st.slots |= _T
        return True
    if w.hundreds and st.slots == 0 and st.group == 0:
        st.group += w.hundreds
        st.slots = _H
        return True
    if w.scale and st.group == 0 and st.slots == 0 and w.scale < st.last_scale and w.scale_form != "plural":
        st.total += w.scale * (2 if w.scale_form == "dual" else 1)
        st.last_scale = w.scale
        return True
    return False


def _parse_group(atoms: list[_Atom], i: int, norm: str) -> tuple[float, int, int] | None:
    """Parse the longest number expression starting at atom ``i``.

    Returns (value, index after last atom, end offset) or None. Arabic compounds are
    additive with "و" (خمسة وعشرون، ألف وخمسمئة) and multiplicative by adjacency
    (ثلاثة عشر، ثلاث مئة، ثلاثة آلاف): that is the whole grammar. A word such as
    "وأحد" has two readings (واحد / و+أحد); both are kept as ``alt`` and tried.
    """
    a = atoms[i]
    n = len(atoms)
    if a.word is None:
        text = norm[a.start + len(a.prefix):a.end]
        nxt = atoms[i + 1] if i + 1 < n else None
        scale = 0
        if nxt is not None and nxt.word is not None and nxt.word.scale and nxt.prefix == "" \
                and nxt.word.scale_form != "dual" and _gap_is_space(norm, a.end, nxt.start):
            scale = nxt.word.scale
        value = _digit_value(text, bool(scale))
        if value is None:
            return None
        if scale:
            # "2 مليون ونصف"
            half = atoms[i + 2] if i + 2 < n else None
            if half is not None and half.word is not None and half.word.frac and half.prefix == "و" \
                    and _gap_is_space(norm, nxt.end, half.start):
                return value * scale + _times(scale, half.word.frac), i + 3, half.end
            # "12 ألفا و500": the rest of the number after و, smaller than the scale
            if half is not None and (half.prefix == "و" or (half.alt is not None and half.alt.prefix == "و")) \
                    and _gap_is_space(norm, nxt.end, half.start) \
                    and value == int(value):
                rest = _parse_group(atoms, i + 2, norm)
                if rest is not None and 0 < rest[0] < scale and rest[0] == int(rest[0]):
                    return value * scale + rest[0], rest[1], rest[2]
            return value * scale, i + 2, nxt.end
        return value, i + 1, a.end

    st = _State()
    j, end = i, a.end
    # a definite number repeats the article on each part: "الخمسة والعشرين"
    joins = ("و", "وال") if a.prefix.endswith(("ال", "لل")) else ("و",)
    while j < n:
        first = j == i
        if not first and not _gap_is_space(norm, end, atoms[j].start):
            break
        took = None
        for t in _readings(atoms[j], first):
            if t.word is None or (not first and t.prefix not in ("",) + joins):
                continue
            if t.word.zero:
                if first:
                    return 0.0, j + 1, t.end
                continue
            nxt = atoms[j + 1] if j + 1 < n else None
            teen_follows = nxt is not None and any(
                r.word is not None and r.word.teen and r.prefix == "" for r in _readings(nxt, False)) \
                and _gap_is_space(norm, t.end, nxt.start)
            trial = _State(st.total, st.group, st.slots, st.last_scale, st.prev_unit, st.frac, st.frac_done)
            if _step(trial, t.word, first or t.prefix in joins, teen_follows):
                st, took = trial, t
                break
        if took is None:
            break
        end = took.end
        j += 1
    if j == i or st.frac is not None:
        return None                       # nothing, or a fraction with no scale ("نصف السكان")
    return float(st.total + st.group), j, end


def _readings(a: _Atom, first: bool) -> list[_Atom]:
    if a.alt is None:
        return [a]
    if first:
        return [a, a.alt] if a.prefix == "" else [a.alt, a]
    return [a, a.alt] if a.prefix == "و" else [a.alt, a]


# --------------------------------------------------------------------------- public API

def parse_number(text: str) -> int | None:
    """Exact value of one number expression (digits or words, normalised or not).

    Returns None if the text is not exactly one number (vague words, two numbers, other
    words around it).
    """
    lex = load_numbers()
    norm = normalize_key(text)
    if not norm:
        return None
    sc = _scan(lex, norm, 0, len(norm))
    if not sc.atoms:
        return None
    i = 0
    a0 = sc.atoms[0]
    lead = norm[:a0.start].strip()
    if lead and lead not in _ARTICLE_ALONE:
        return None
    got = _parse_group(sc.atoms, i, norm)
    if got is None:
        return None
    value, _, end = got
    if norm[end:].strip() or value != int(value):
        return None
    return int(value)


def split_qualifier(text: str) -> tuple[str | None, str]:
    """A leading quantity qualifier and the rest: "اكثر من 3" → ("more_than", "3")."""
    norm = normalize_key(text)
    if not norm:
        return None, norm
    lex = load_numbers()
    best = None
    for m in lex.matcher.find_all(norm, 0, len(norm)):
        if m.word_start == 0:
            for val in m.values:
                if val[0] == "qual" and val[2] == "before" and (best is None or m.word_end > best[0]):
                    best = (m.word_end, val[1])
    if best is None:
        return None, norm
    return best[1], norm[best[0]:].strip()


def _any_in(sorted_positions: list[int], lo: int, hi: int) -> bool:
    """Is one of ``sorted_positions`` in [lo, hi)?"""
    k = bisect_left(sorted_positions, lo)
    return k < len(sorted_positions) and sorted_positions[k] < hi


def find_quantities(norm: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """Counts in ``norm[start:end]``: non-overlapping, in text order.

    Non-count numbers (dates, years, times, money, percentages, distances, durations,
    reference numbers) are left out entirely.
    """
    end = len(norm) if end is None else end
    lex = load_numbers()
    sc = _scan(lex, norm, start, end)
    if not sc.atoms and not sc.vague and not sc.duals and not sc.ordinals and not sc.cas:
        return []
    from .dates import find_dates          # dates needs parse_number: import late
    dates = find_dates(norm, start, end)          # in text order
    date_starts = [d.start for d in dates]
    date_max_end = list(accumulate((d.end for d in dates), max))
    qual_positions = sorted(sc.qual_before)

    def in_date(s: int, e: int) -> bool:
        """Does [s, e) overlap a date? (bisection: a long page has hundreds of each)"""
        k = bisect_left(date_starts, e)          # the dates starting before e
        return k > 0 and date_max_end[k - 1] > s

    raw: list[tuple[int, int, float, int, int]] = []   # start, end, value, atom_i, atom_j
    atoms = sc.atoms
    i = 0
    while i < len(atoms):
        got = _parse_group(atoms, i, norm)
        if got is None:
            i += 1
            continue
        value, j, e = got
        raw.append((atoms[i].start, e, value, i, j))
        i = j

    out: list[Quantity] = []
    k = 0
    while k < len(raw):
        s, e, value, ai, aj = raw[k]
        k += 1
        a0 = atoms[ai]
        # The parser refuses a bare plural scale, so "آلاف" alone stays a vague amount.
        if value != int(value) or value < 0:
            continue
        value = int(value)
        num_start, num_end = s + len(a0.prefix), e
        q_start = s
        if a0.word is None and not a0.prefix:
            # the detached article of "الـ 700"
            ws = s - 1
            while ws > start and norm[ws - 1] == " ":
                ws -= 1
            we = ws
            while ws > start and norm[ws - 1].isalpha():
                ws -= 1
            if we < s and norm[ws:we] in _ARTICLE_ALONE:
                q_start = ws
        # a guard word right before the number (الساعة 5، عام 2019، رقم 3)
        if _before_word_end(norm, q_start, start) in sc.nc_before:
            continue
        # "عائلة واحدة", "غارة واحدة", "مرة واحدة": a lone feminine "one" agreeing with the
        # feminine noun before it is that noun's adjective, not a count
        if value == 1 and aj - ai == 1 and a0.word is not None and not a0.prefix and norm[s:e] == "واحده":
            pe = _before_word_end(norm, q_start, start)
            if pe > start and pe < s and norm[pe - 1] == "ه" and pe not in sc.qual_before:
                continue
        if _after_word_start(norm, e, end) in sc.nc_after:
            continue
        if in_date(num_start, num_end):
            continue
        low, best, high = value, value, value
        approx: str | None = None
        vague = False
        qb = sc.qual_before.get(_before_word_end(norm, q_start, start))
        if qb is not None:
            q_start, approx = qb[0], qb[1]
        elif lex.gap_max_words and sc.qual_before and _any_in(qual_positions, q_start - 60, q_start):
            approx = _separated_qualifier(lex, sc, norm, q_start, start)
        if approx is None and a0.prefix.endswith("ال") and _head_before(lex, sc, norm, q_start, start):
            approx = "at_least"          # "القتيل العشرين": the twentieth death, so 20 or more
        # ranges: "بين 10 و15"، "من 10 إلى 15"، "10-15"، "ثلاثة أو أربعة"
        if k < len(raw):
            s2, e2, v2, bi, _ = raw[k]
            b0 = atoms[bi]
            gap = norm[e:s2].strip()
            joined = False
            if gap in lex.joiners and gap != "و":
                joined = True
            elif gap == "و" or (gap == "" and b0.prefix == "و" and s2 > e):
                joined = approx == "range"
            if joined and v2 == int(v2) and int(v2) >= value and not in_date(s2, e2) \
                    and _after_word_start(norm, e2, end) not in sc.nc_after:
                k += 1
                e = e2
                high = int(v2)
                approx = "range"
        if approx == "range" and high == value and qb is not None and qb[1] == "range":
            approx = None              # "بين 5 قتلى" is not a range
            q_start = s
        elif approx is not None:
            low, best, high = apply_rule(lex, approx, value, high)
        q = Quantity(q_start, e, low, best, high, vague, approx, None, None, None)
        if lex.rise_re.search(norm, max(start, q_start - AUX_WINDOW), q_start):
            q.total = _after_rise(lex, norm, q_start, start)
        out.append(_with_noun(lex, sc, norm, q, end))

    if sc.cas:
        out.extend(_no_casualties(lex, sc, norm, start))

    by_start = {a.start: a for a in atoms}
    for s, e, prefix, v in sc.ordinals:
        # "القتيل الثالث", "الضحية الحادية عشرة": the n-th victim means at least n
        if not _head_before(lex, sc, norm, s, start) or in_date(s, e):
            continue
        nxt = by_start.get(_after_word_start(norm, e, end))
        if nxt is not None and nxt.word is not None:
            if nxt.prefix == "" and nxt.word.teen and v < 10:
                v, e = v + 10, nxt.end
            elif nxt.prefix in ("و", "وال") and nxt.word.tens and v < 10:
                v, e = v + nxt.word.tens, nxt.end
        out.append(Quantity(s, e, v, v, None, False, "at_least", None, None, None))

    for s, e, v in sc.vague:
        if in_date(s, e):
            continue
        if _after_word_start(norm, e, end) in sc.nc_after:
            continue                      # "لعدد من الصواريخ", "عدة منازل": things, no toll
        out.append(_with_noun(lex, sc, norm, Quantity(s, e, v.low, v.best, v.high, True, None, None, None, None), end))
    for s, e in sc.duals:
        out.append(Quantity(s, e, 2, 2, 2, False, None, norm[s:e], s, e))

    out.sort(key=lambda q: (q.start, -(q.end - q.start)))
    final: list[Quantity] = []
    last = -1
    for q in out:
        if q.start >= last:
            final.append(q)
            last = q.end
    if sc.among and final:
        final = _attach_among(lex, sc, norm, final, end)
    if sc.combo_starts:
        for q in final:
            # "20 (شخصا) بين قتيل وجريح": the number counts killed and injured together
            for p in (q.end, q.noun_start, q.noun_end):
                if p is not None and _after_word_start(norm, p, end) in sc.combo_starts:
                    q.what = "casualties"
                    break
    return final


_LIST_GAP = frozenset(" ،,")


def _who(lex: NumberLexicon, noun: str | None) -> str | None:
    if not noun:
        return None
    for w in (noun, noun[1:] if noun.startswith("و") else None):
        if w:
            for v in (w, w[2:] if w.startswith("ال") else None):
                if v and v in lex.who_counted:
                    return lex.who_counted[v]
    return None


def _attach_among(lex: NumberLexicon, sc: _Scan, norm: str, final: list[Quantity], hi: int) -> list[Quantity]:
    """"قتل 10 أشخاص بينهم 3 أطفال وامرأتان": the list after the marker breaks down the
    count before it. Its parts become ``among`` of that count (and leave the list, so they
    are not linked as counts of their own); the count's span grows over the list."""
    by_start = {q.start: q for q in final}
    dropped: set[int] = set()
    for ms, me in sorted(sc.among):
        parent = None
        for q in final:
            tail = max(q.end, q.noun_end or 0)
            if tail <= ms and id(q) not in dropped:
                parent = q
            elif q.start >= ms:
                break
        if parent is None or parent.among is not None:
            continue
        tail = max(parent.end, parent.noun_end or 0)
        if any(c not in _LIST_GAP for c in norm[tail:ms]):
            continue
        if tail == parent.end and parent.noun is None:
            # count first: "قتل 13 شخصا، 9 منهم من المدنيين" — the number before the
            # marker is a part of the count before it
            whole = next((q for q in reversed(final) if max(q.end, q.noun_end or 0) <= parent.start
                          and id(q) not in dropped), None)
            if whole is not None and whole.among is None and parent.best is not None \
                    and not any(c not in _LIST_GAP for c in norm[max(whole.end, whole.noun_end or 0):parent.start]):
                m = _WORD.match(norm, _after_word_start(norm, me, hi), hi)
                if m is not None and m.group() in lex.partitive:
                    m = _WORD.match(norm, _after_word_start(norm, m.end(), hi), hi)
                who = _who(lex, m.group()) if m is not None else None
                if who is not None:
                    whole.among = [{"who": who, "low": parent.low, "best": parent.best, "high": parent.high}]
                    whole.end = m.end()
                    dropped.add(id(parent))
                    continue
        items: list[dict] = []
        pos = me
        _scan_aux(lex, sc, norm, me, min(hi, me + AUX_WINDOW + 20))
        while True:
            p = pos
            while p < hi and norm[p] in _LIST_GAP:
                p += 1
            q = by_start.get(p)
            if q is not None and q is not parent and q.best is not None:
                who = _who(lex, q.noun)
                if who is None:
                    break
                items.append({"who": who, "low": q.low, "best": q.best, "high": q.high})
                dropped.add(id(q))
                pos = max(q.end, q.noun_end or q.end)
                continue
            alone = sc.who_alone.get(p)
            if alone is None:
                break
            items.append({"who": alone[1], "low": alone[2], "best": alone[2], "high": alone[2]})
            pos = alone[0]
        if items:
            parent.among = items
            parent.end = max(parent.end, pos)
    if not dropped:
        return final
    return [q for q in final if id(q) not in dropped]


def _no_casualties(lex: NumberLexicon, sc: _Scan, norm: str, lo: int) -> list[Quantity]:
    """"لم يبلغ عن وقوع إصابات", "دون أن تسفر عن قتلى": a toll of zero killed."""
    out = []
    for cs, ce in sc.cas:
        pos = _before_word_end(norm, cs, lo)
        free = 1                       # one other word may stand between: the verb's subject
        for _ in range(4):             # ("لم تسفر الغارة عن إصابات")
            ns = _negator_ending_at(lex, norm, pos, lo)
            if ns is not None:
                out.append(Quantity(ns, ce, 0, 0, 0, False, None, norm[cs:ce], cs, ce, what="killed"))
                break
            ws = pos
            while ws > lo and norm[ws - 1].isalpha():
                ws -= 1
            if ws == pos or (ws > lo and not norm[ws - 1].isspace()):
                break
            if norm[ws:pos] not in lex.nocas_fillers:
                if not free:
                    break
                free -= 1
            pos = _before_word_end(norm, ws, lo)
    return out


def _head_before(lex: NumberLexicon, sc: _Scan, norm: str, pos: int, lo: int) -> bool:
    """An ordinal head (قتيل، ضحية …) right before ``pos``."""
    pe = _before_word_end(norm, pos, lo)
    if lex.ohead_re.search(norm, max(lo, pe - 24), pe):
        _scan_aux(lex, sc, norm, max(lo, pe - 24), pe)
    return pe in sc.ohead_ends


_CLITICS = ("و", "ف", "ل", "ول", "فل")


def _word_in(word: str, words: frozenset[str]) -> bool:
    return word in words or any(word.startswith(c) and word[len(c):] in words for c in _CLITICS)


def _after_rise(lex: NumberLexicon, norm: str, pos: int, lo: int) -> bool:
    """A running-total verb at most ``total_max_words`` words before, in the same phrase.
    Checked word by word: the verbs (بلغ، وصل) hide inside common words (مبلغ، الوصول)."""
    pos = _before_word_end(norm, pos, lo)
    for _ in range(lex.total_max_words + 1):
        ws = pos
        while ws > lo and norm[ws - 1].isalpha():
            ws -= 1
        if ws == pos:
            return False
        if _word_in(norm[ws:pos], lex.rise_words):
            return True
        if ws > lo and not norm[ws - 1].isspace():
            return False
        pos = _before_word_end(norm, ws, lo)
    return False


def _negator_ending_at(lex: NumberLexicon, norm: str, pos: int, lo: int) -> int | None:
    """Start of a no-casualty negator phrase ("لم يبلغ عن", "دون أن تسفر عن") ending at ``pos``."""
    ws = pos
    for _ in range(lex.neg_max_words):
        w0 = ws
        while ws > lo and norm[ws - 1].isalpha():
            ws -= 1
        if ws == w0:
            return None
        phrase = norm[ws:pos]
        if phrase in lex.neg_phrases or (phrase[:1] in ("و", "ف") and phrase[1:] in lex.neg_phrases):
            return ws
        if ws == lo or not norm[ws - 1].isspace():
            return None
        ws -= 1
        while ws > lo and norm[ws - 1] == " ":
            ws -= 1
    return None


def _separated_qualifier(lex: NumberLexicon, sc: _Scan, norm: str, pos: int, lo: int) -> str | None:
    """A qualifier standing before "عدد/حصيلة …" that the number completes:
    "تجاوز عدد القتلى 50" → more_than. At most ``gap_max_words`` words between."""
    pos = _before_word_end(norm, pos, lo)
    for _ in range(lex.gap_max_words):
        ws = pos
        while ws > lo and norm[ws - 1].isalpha():
            ws -= 1
        word = norm[ws:pos]
        if not word or (ws > lo and not norm[ws - 1].isspace()):
            return None                  # punctuation or a digit: the phrase is broken
        prev_end = _before_word_end(norm, ws, lo)
        if word in lex.gap_heads or (word.startswith(("ال", "وال")) and word.split("ال", 1)[1] in lex.gap_heads):
            got = sc.qual_before.get(prev_end)
            return got[1] if got is not None and got[1] != "range" else None
        pos = prev_end
    return None


def _before_word_end(norm: str, pos: int, lo: int) -> int:
    """Offset just after the word preceding ``pos`` (skipping spaces)."""
    while pos > lo and norm[pos - 1] == " ":
        pos -= 1
    return pos


def _after_word_start(norm: str, pos: int, hi: int) -> int:
    while pos < hi and norm[pos] == " ":
        pos += 1
    return pos


def _with_noun(lex: NumberLexicon, sc: _Scan, norm: str, q: Quantity, hi: int) -> Quantity:
    """Attach the head noun following the number and an after-qualifier (على الأقل)."""
    pos = _after_word_start(norm, q.end, hi)
    qa = sc.qual_after.get(pos)
    if qa is not None:
        q.end = qa[0]
        _apply_after(lex, q, qa[1])
        return q
    m = _WORD.match(norm, pos, hi)
    if m is None or not m.group().isalpha():
        return q
    word = m.group()
    if word in lex.partitive:
        nxt = _WORD.match(norm, _after_word_start(norm, m.end(), hi), hi)
        if nxt is None or not nxt.group().isalpha():
            return q
        m, word = nxt, nxt.group()
    if word in lex.not_nouns or m.start() in sc.atom_starts:
        return q
    q.noun, q.noun_start, q.noun_end = word, m.start(), m.end()
    qa = sc.qual_after.get(_after_word_start(norm, m.end(), hi))
    if qa is not None:
        q.end = qa[0]
        _apply_after(lex, q, qa[1])
    return q


def _apply_after(lex: NumberLexicon, q: Quantity, kind: str) -> None:
    if q.approx is not None or q.best is None:
        return
    q.approx = kind
    q.low, q.best, q.high = apply_rule(lex, kind, q.best)
