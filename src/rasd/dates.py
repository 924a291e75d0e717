"""Date mentions in normalised Arabic text and their resolution to ACLED intervals.

Owns: finding date phrases (both month series and their paired forms, day/year, numeric
dd/mm/yyyy, weekdays, fixed relative phrases, calendar periods, parts of months, "منذ …"
durations and since-intervals) as `DateMention`s with normalised offsets, and
`resolve_date`, which turns a mention plus an optional publication date into a
`DateInterval` with ACLED time precision. All words live in lang/ar/dates.yaml and
lang/ar/months.tsv; this module only holds the grammar that combines them.
"""
from __future__ import annotations

import calendar as _cal
import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cache
from pathlib import Path

from .lexicon import (NOUN_PREFIXES, LexiconError, PhraseMatcher, data_path, load_tsv, load_yaml,
                      require, string_list)
from .normalize import normalize_key

__all__ = ["DateInterval", "DateMention", "find_dates", "resolve_date", "load_dates",
           "hijri_to_gregorian", "gregorian_to_hijri"]


@dataclass(slots=True, frozen=True)
class DateInterval:
    start: date | None
    end: date | None
    precision: int


@dataclass(slots=True)
class DateMention:
    """A date phrase at normalised offsets ``start``..``end``.

    ``kind`` is one of: absolute (day and/or month with a year or a day), month (month
    name, no day), year, numeric, weekday, relative (fixed day offsets), vague_recent,
    calendar (a week/month/year relative to publication), calendar_day (a day of such a
    month: العاشر من الشهر الجاري), ago (منذ ثلاثة أيام),
    since (from ``inner`` until ``until`` or publication).
    """
    start: int
    end: int
    kind: str
    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    part: str | None = None          # early / mid / late
    direction: str | None = None     # past / current / next
    lo: int = 0                      # relative: day offsets from publication
    hi: int = 0
    precision: int = 1
    hijri: bool = False              # year/month/day are Islamic (tabular calendar)
    eve: bool = False                # "ليلة الجمعة": the night before the weekday
    approx: str | None = None        # ago with a qualifier: "منذ أكثر من أسبوع", "قبل نحو شهرين"
    unit: str | None = None          # calendar / ago: day, week, month, year
    shift: int = 0                   # calendar: -1 = previous unit; ago: -count
    inner: "DateMention | None" = None
    until: "DateMention | None" = None

    @property
    def needs_published(self) -> bool:
        if self.kind == "since":
            return (self.inner is not None and self.inner.needs_published) or \
                (self.until is None or self.until.needs_published)
        return self.year is None and self.kind not in ("numeric",)


# --------------------------------------------------------------------------- lexicon

@dataclass(slots=True)
class DateLexicon:
    matcher: PhraseMatcher
    week_start: int
    part_days: dict[str, tuple[int, int]]
    since_gap: int
    hijri_letters: frozenset[str]          # one-letter Hijri year markers (هـ), checked in code
    hijri_years: tuple[int, int]
    week_part_days: dict[str, tuple[int, int]] = field(default_factory=dict)   # مطلع الأسبوع
    # the words of weekdays, relative days, parts of the day and "now" (normalised): a
    # time aside between a verb and its object is made only of these
    time_words: frozenset[str] = frozenset()


def load_dates(dir_path: Path | str | None = None) -> DateLexicon:
    """Load dates.yaml + months.tsv (cached for the default data directory)."""
    if dir_path is None:
        return _default_dates()
    d = Path(dir_path)
    return _build(d / "dates.yaml", d / "months.tsv")


@cache
def _default_dates() -> DateLexicon:
    return _build(data_path("dates.yaml"), data_path("months.tsv"))


def _int(obj: object, path: Path, line: int | None, lo: int, hi: int, what: str) -> int:
    if not isinstance(obj, int) or isinstance(obj, bool) or not lo <= obj <= hi:
        raise LexiconError(path, line, f"{what} must be an integer in {lo}..{hi}, got {obj!r}")
    return obj


def _build(ypath: Path, mpath: Path) -> DateLexicon:
    entries: list[tuple[str, tuple]] = []
    for n, row in load_tsv(mpath, ("month", "series", "name", "flags"), min_columns=3):
        if not row["month"].isdigit() or not 1 <= int(row["month"]) <= 12:
            raise LexiconError(mpath, n, f"month must be 1-12, got {row['month']!r}")
        if row["series"] not in ("syriac", "gregorian", "maghreb", "hijri"):
            raise LexiconError(mpath, n, f"unknown series {row['series']!r}")
        flags = row.get("flags") or ""
        if flags not in ("", "context"):
            raise LexiconError(mpath, n, f"unknown flag {flags!r}")
        if not row["name"]:
            raise LexiconError(mpath, n, "empty month name")
        entries.append((row["name"], ("month", int(row["month"]), flags == "context", row["series"] == "hijri")))

    data = load_yaml(ypath)
    wd = require(data, "weekdays", dict, ypath)
    for k in wd:
        v = _int(k, ypath, wd.line, 0, 6, "weekday")
        for f in string_list(wd, k, ypath):
            entries.append((f, ("weekday", v)))
    week_start = _int(require(data, "week_starts_on", int, ypath), ypath, data.line, 0, 6, "week_starts_on")
    ords = require(data, "day_ordinals", dict, ypath)
    for k in ords:
        v = _int(k, ypath, ords.line, 1, 31, "day ordinal")
        for f in string_list(ords, k, ypath):
            entries.append((f, ("ord", v)))
    rel = require(data, "relative_days", list, ypath)
    for item in rel:
        line = getattr(item, "line", rel.line)
        lo = _int(require(item, "from", int, ypath), ypath, line, -3660, 3660, "'from'")
        hi = _int(require(item, "to", int, ypath), ypath, line, lo, 3660, "'to' (>= from)")
        prec = _int(require(item, "precision", int, ypath), ypath, line, 1, 3, "precision")
        kind = require(item, "kind", str, ypath)
        if kind not in ("relative", "vague_recent"):
            raise LexiconError(ypath, line, f"relative_days kind must be relative or vague_recent, got {kind!r}")
        for f in string_list(item, "forms", ypath):
            entries.append((f, ("rel", lo, hi, prec, kind)))
    cal = require(data, "calendar", list, ypath)
    for item in cal:
        line = getattr(item, "line", cal.line)
        unit = require(item, "unit", str, ypath)
        if unit not in ("week", "month", "year"):
            raise LexiconError(ypath, line, f"calendar unit must be week, month or year, got {unit!r}")
        shift = _int(require(item, "shift", int, ypath), ypath, line, -100, 100, "shift")
        needs = require(item, "needs_part", bool, ypath, optional=True, default=False)
        for f in string_list(item, "forms", ypath):
            entries.append((f, ("cal", unit, shift, needs)))
    parts = require(data, "parts", dict, ypath)
    pdays = require(data, "part_days", dict, ypath)
    part_days: dict[str, tuple[int, int]] = {}
    for p in ("early", "mid", "late"):
        for f in string_list(parts, p, ypath):
            entries.append((f, ("part", p)))
        rng = require(pdays, p, list, ypath)
        if len(rng) != 2 or not all(isinstance(x, int) and 1 <= x <= 31 for x in rng) or rng[0] > rng[1]:
            raise LexiconError(ypath, getattr(rng, "line", pdays.line), f"part_days {p} must be [first, last] days 1-31")
        part_days[p] = (rng[0], rng[1])
    wpdays = require(data, "week_part_days", dict, ypath, optional=True, default={})
    week_part_days: dict[str, tuple[int, int]] = {}
    for p in wpdays:
        rng = wpdays[p]
        if p not in part_days or len(rng) != 2 or not all(isinstance(x, int) and 0 <= x <= 6 for x in rng) or rng[0] > rng[1]:
            raise LexiconError(ypath, getattr(rng, "line", wpdays.line), f"week_part_days {p} must be [first, last] days 0-6")
        week_part_days[p] = (rng[0], rng[1])
    dirs = require(data, "directions", dict, ypath)
    for p in ("past", "current", "next"):
        for f in string_list(dirs, p, ypath):
            entries.append((f, ("dir", p)))
    for name, tag in (("time_of_day", "tod"), ("day_word", "dayw"), ("month_word", "monthw"),
                      ("year_word", "yearw"), ("ago", "ago"), ("since", "since"), ("until", "until"),
                      ("now", "now")):
        for f in string_list(data, name, ypath):
            entries.append((f, (tag,)))
    durs = require(data, "durations", dict, ypath)
    for unit in ("day", "week", "month", "year"):
        forms = require(durs, unit, dict, ypath)
        for form_kind, count in (("singular", 1), ("dual", 2), ("plural", 0)):
            for f in string_list(forms, form_kind, ypath):
                entries.append((f, ("dur", unit, count)))
    for f in string_list(data, "same_day", ypath):
        entries.append((f, ("same",)))     # wins over "اليوم" by length and yields no mention
    for f in string_list(data, "night_before", ypath):
        entries.append((f, ("eve",)))
    letters = set()
    for f in string_list(data, "hijri_year_markers", ypath):
        key = normalize_key(f)
        if len(key) == 1:
            letters.add(key)        # a one-letter entry would fire on every letter: code checks it
        else:
            entries.append((f, ("hmark",)))
    hy = require(data, "hijri_years", list, ypath)
    if len(hy) != 2 or not all(isinstance(x, int) and 1 <= x <= 2000 for x in hy) or hy[0] > hy[1]:
        raise LexiconError(ypath, getattr(hy, "line", data.line), "hijri_years must be [first, last] years")
    gap = _int(require(data, "since_max_gap_words", int, ypath), ypath, data.line, 0, 20, "since_max_gap_words")
    time_words = frozenset(w for f, tag in entries if tag[0] in ("weekday", "rel", "tod", "now")
                           for w in normalize_key(f).split())
    return DateLexicon(PhraseMatcher(entries, prefixes=NOUN_PREFIXES | {"لل", "وفي", "في"}), week_start, part_days, gap,
                       frozenset(letters), (hy[0], hy[1]), week_part_days, time_words)


# --------------------------------------------------------------------------- finding

# [0-9] rather than \d: digits are ASCII after normalisation and the ASCII class scans
# several times faster; the pattern starts with a digit so the scanner can skip ahead.
_NUMERIC = re.compile(r"([0-9]{1,4})([/.-])([0-9]{1,2})\2([0-9]{1,4})")
_DIGITS = re.compile(r"[0-9]+")
_STOP = re.compile(r"[.!?؟؛:\n]")
# Between parts of one date only these may stand: spaces, separators of paired names,
# and the preposition "من" (الخامس من أيار).
_SEP = " /\\()-،,"


@dataclass(slots=True)
class _Tok:
    start: int
    end: int
    tags: dict[str, tuple] = field(default_factory=dict)
    num: int | None = None             # digits token


def _tokens(lex: DateLexicon, norm: str, start: int, end: int, blocked: list[tuple[int, int]]) -> list[_Tok]:
    hits = lex.matcher.find_all(norm, start, end)
    # Leftmost, then widest word, then longest key: "اليوم" (today) beats "ال"+"يوم",
    # "قبل أمس" beats "قبل" + "أمس".
    hits.sort(key=lambda m: (m.word_start, -(m.word_end - m.word_start), -(m.end - m.start)))
    toks: list[_Tok] = []
    last = -1
    for m in hits:
        if m.word_start < last:
            continue
        if toks and toks[-1].start == m.word_start and toks[-1].end == m.word_end:
            continue
        t = _Tok(m.word_start, m.word_end)
        for v in m.values:
            t.tags.setdefault(v[0], v[1:])
        toks.append(t)
        last = m.word_end
    for dm in _DIGITS.finditer(norm, start, end):
        s, e = dm.span()
        if any(s < be and bs < e for bs, be in blocked):
            continue
        ws = s
        while ws > start and norm[ws - 1].isalpha():
            ws -= 1
        if norm[ws:s] not in NOUN_PREFIXES and norm[ws:s] != "في":
            continue
        toks.append(_Tok(ws, e, {"num": ()}, int(dm.group())))
    toks.sort(key=lambda t: t.start)
    return toks


def _gap(norm: str, a: int, b: int) -> str | None:
    """The words between two date parts with separators removed, or None if the gap
    crosses a sentence boundary."""
    if b < a:
        return None
    text = norm[a:b]
    if _STOP.search(text):
        return None
    return " ".join(text.translate(_SEP_TABLE).split())


_SEP_TABLE = {ord(c): " " for c in _SEP}


_memo: list = [None, None]


def find_dates(norm: str, start: int = 0, end: int | None = None) -> list[DateMention]:
    """Date mentions in ``norm[start:end]``: non-overlapping, in text order.

    The last answer is memoised (same text object and range): find_quantities asks for
    the dates of the span it reads and the assembler usually asks again right after.
    Callers get a fresh list but shared mention objects: treat them as read-only.
    """
    end = len(norm) if end is None else end
    key = (start, end)
    if _memo[0] is norm and _memo[1][0] == key:
        return list(_memo[1][1])
    out = _find_dates(norm, start, end)
    _memo[0], _memo[1] = norm, (key, out)
    return list(out)


def _find_dates(norm: str, start: int, end: int) -> list[DateMention]:
    lex = load_dates()
    out: list[DateMention] = []
    blocked: list[tuple[int, int]] = []
    for m in _NUMERIC.finditer(norm, start, end):
        s, e = m.span()
        if (s > start and norm[s - 1] in "0123456789/.-") or (e < end and norm[e] in "0123456789/-") \
                or (e + 1 < end and norm[e] == "." and norm[e + 1].isdigit()):
            continue
        a, mo, b = m.group(1), int(m.group(3)), m.group(4)
        if len(b) == 4 and len(a) <= 2:
            d, y = int(a), int(b)
        elif len(a) == 4 and len(b) <= 2:
            y, d = int(a), int(b)
        else:
            continue
        if not (1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100):
            continue
        out.append(DateMention(m.start(), m.end(), "numeric", year=y, month=mo, day=d))
        blocked.append(m.span())
    toks = _tokens(lex, norm, start, end, blocked)
    i = 0
    n = len(toks)
    while i < n:
        got = _parse_since(lex, norm, toks, i) or _parse_core(lex, norm, toks, i)
        if got is None:
            i += 1
            continue
        mention, i = got
        # "لليوم الثالث على التوالي", "في اليوم الخامس للعدوان": a count of days, not today
        if mention.kind == "relative" and mention.lo == mention.hi == 0 and i < n and "ord" in toks[i].tags \
                and _gap(norm, mention.end, toks[i].start) == "":
            continue
        out.append(mention)
    out.sort(key=lambda m: m.start)
    return out


def _parse_since(lex: DateLexicon, norm: str, toks: list[_Tok], i: int) -> tuple[DateMention, int] | None:
    t = toks[i]
    if "since" not in t.tags and "ago" not in t.tags:
        return None
    ago = _parse_ago(norm, toks, i)
    if ago is not None:
        return ago
    if "since" not in t.tags:
        return None
    for j in range(i + 1, len(toks)):
        g = _gap(norm, t.end, toks[j].start)
        if g is None or (g and len(g.split()) > lex.since_gap):
            return None
        inner = _parse_core(lex, norm, toks, j)
        if inner is None:
            continue
        im, k = inner
        if im.kind in ("since", "ago"):
            return None
        m = DateMention(t.start, im.end, "since", inner=im)
        if k < len(toks) and "until" in toks[k].tags and _gap(norm, im.end, toks[k].start) == "":
            u = toks[k]
            if k + 1 < len(toks) and _gap(norm, u.end, toks[k + 1].start) == "":
                nxt = toks[k + 1]
                if "now" in nxt.tags:
                    m.until = DateMention(nxt.start, nxt.end, "relative", lo=0, hi=0)
                    m.end = nxt.end
                    return m, k + 2
                end_m = _parse_core(lex, norm, toks, k + 1)
                if end_m is not None:
                    m.until, m.end = end_m[0], end_m[0].end
                    return m, end_m[1]
        return m, k
    return None


def _parse_ago(norm: str, toks: list[_Tok], i: int) -> tuple[DateMention, int] | None:
    """منذ/قبل + duration: "منذ يومين"، "قبل ثلاثة أيام"، "منذ 3 أسابيع"."""
    from .numbers import parse_number, split_qualifier
    t = toks[i]
    if "ago" not in t.tags:
        return None
    j = i + 1
    while j < len(toks) and "dur" not in toks[j].tags:
        if toks[j].start - t.end > 40:
            return None
        j += 1
    if j >= len(toks):
        return None
    d = toks[j]
    unit, count = d.tags["dur"]
    if j + 1 < len(toks) and "weekday" in toks[j + 1].tags and _gap(norm, d.end, toks[j + 1].start) == "":
        return None                    # "منذ يوم الأحد": since Sunday, not a day ago
    between = norm[t.end:d.start].strip()
    approx, between = split_qualifier(between)
    if between:
        value = parse_number(between)
        if value is None or count == 2:
            return None
        count = value
    if not count or count > 400:
        return None
    return DateMention(t.start, d.end, "ago", unit=unit, shift=-count, precision=1, approx=approx), j + 1


def _parse_core(lex: DateLexicon, norm: str, toks: list[_Tok], i: int) -> tuple[DateMention, int] | None:
    """A date phrase starting at token ``i`` that is not a since/ago construction."""
    n = len(toks)
    j = i
    start = toks[i].start
    part = None
    weekday = None
    day = None

    def adjacent(k: int, allowed: tuple[str, ...] = ("",)) -> bool:
        return k < n and _gap(norm, toks[k - 1].end, toks[k].start) in allowed

    # optional time of day and "يوم": فجر يوم الخميس، مساء أمس
    eve = False
    if "tod" in toks[j].tags and j + 1 < n and adjacent(j + 1):
        eve = "eve" in toks[j].tags
        j += 1
    if "dayw" in toks[j].tags and j + 1 < n and adjacent(j + 1) and "weekday" in toks[j + 1].tags:
        j += 1
    t = toks[j]
    if "rel" in t.tags:
        lo, hi, prec, kind = t.tags["rel"]
        if j + 1 < n and adjacent(j + 1) and "ord" in toks[j + 1].tags and norm[t.start:t.end].endswith("اليوم"):
            return None         # "اليوم الأول من عيد الفطر": the first day of something, not today
        return DateMention(start, t.end, kind, lo=lo, hi=hi, precision=prec), j + 1
    if "weekday" in t.tags:
        weekday = t.tags["weekday"][0]
        k = j + 1
        # "الأحد 5 أيار 2019" / "الأحد، الخامس من أيار": a day-month date after the weekday
        if k < n and adjacent(k) and ("num" in toks[k].tags or "ord" in toks[k].tags):
            got = _parse_core(lex, norm, toks, k)
            if got is not None and got[0].kind in ("absolute", "calendar_day") and got[0].day is not None:
                m, nk = got
                m.start, m.weekday = start, weekday
                return m, nk
        m = DateMention(start, t.end, "weekday", weekday=weekday, eve=eve)
        # "ليلة السبت على الأحد", "ليل السبت - الأحد": the night between two days
        if k < n and "weekday" in toks[k].tags and (toks[k].tags["weekday"][0] - weekday) % 7 == 1 \
                and adjacent(k, ("", "علي", "الي")):
            m.weekday, m.eve, m.end = toks[k].tags["weekday"][0], True, toks[k].end
            return m, k + 1
        if k < n and adjacent(k) and "dir" in toks[k].tags:
            m.direction, m.end = toks[k].tags["dir"][0], toks[k].end
            k += 1
        return m, k
    if "part" in t.tags and j + 1 < n and adjacent(j + 1):
        part = t.tags["part"][0]
        j += 1
        t = toks[j]
        if "cal" in t.tags:
            unit, shift, _ = t.tags["cal"]
            if unit == "week" and part not in lex.week_part_days:
                return None
            m = DateMention(start, t.end, "calendar", unit=unit, shift=shift, part=part, precision=3)
            k = j + 1
            if shift == 0 and k < n and adjacent(k) and "dir" in toks[k].tags:
                d = toks[k].tags["dir"][0]
                m.shift = {"past": -1, "current": 0, "next": 1}[d]
                m.end = toks[k].end
                k += 1
            elif unit == "year" and k < n and adjacent(k) and toks[k].num and 1900 <= toks[k].num <= 2100:
                m.kind, m.year, m.end = "year", toks[k].num, toks[k].end
                k += 1
            return m, k
    elif "cal" in t.tags:
        unit, shift, needs = t.tags["cal"]
        if unit == "month" and needs:
            got = _nth_month(norm, toks, j, adjacent)
            if got is not None:
                got[0].start = start
                return got
        if unit == "week" and needs and j + 2 < n and adjacent(j + 1) and "ord" in toks[j + 1].tags \
                and 1 <= toks[j + 1].tags["ord"][0] <= 5 and adjacent(j + 2, ("", "من")):
            # "الأسبوع الأول من أيار": days 1-7 of that month
            got = _parse_core(lex, norm, toks, j + 2)
            if got is not None and got[0].kind in ("month", "absolute") and got[0].day is None and got[0].part is None:
                got[0].start, got[0].part = start, f"w{toks[j + 1].tags['ord'][0]}"
                return got
        if not needs:
            prec = 2 if unit == "week" else 3
            return DateMention(start, t.end, "calendar", unit=unit, shift=shift, precision=prec), j + 1
    if part is None and ("num" in t.tags or "ord" in t.tags) and j + 1 < n:
        value = t.num if t.num is not None else t.tags["ord"][0]
        if "cal" in toks[j + 1].tags and toks[j + 1].tags["cal"][0] == "month" and 1 <= value <= 31 \
                and adjacent(j + 1, ("", "من")):
            # "في العاشر من الشهر الجاري", "يوم 12 من الشهر الماضي": a day of a month
            # named relative to publication
            _, shift, needs = toks[j + 1].tags["cal"]
            k, end = j + 2, toks[j + 1].end
            if k < n and adjacent(k) and "dir" in toks[k].tags:
                shift = {"past": -1, "current": 0, "next": 1}[toks[k].tags["dir"][0]]
                end = toks[k].end
                k += 1
            elif needs:
                return None
            return DateMention(start, end, "calendar_day", day=value, unit="month", shift=shift,
                               weekday=weekday, precision=1), k
        if 1 <= value <= 31 and adjacent(j + 1, ("", "من")):
            k = j + 1
            if "monthw" in toks[k].tags and k + 1 < n and adjacent(k + 1):
                k += 1
            if "month" in toks[k].tags:
                day, j = value, k
                t = toks[j]
    if "monthw" in t.tags and j + 1 < n and adjacent(j + 1) and "month" in toks[j + 1].tags:
        j += 1
        t = toks[j]
        has_word = True
    else:
        has_word = False
    if "month" in t.tags:
        month, ctx, hijri = t.tags["month"]
        k = j + 1
        end = t.end
        paired = False
        if k < n and adjacent(k) and "month" in toks[k].tags and toks[k].tags["month"][0] == month \
                and toks[k].tags["month"][2] == hijri:
            paired = True
            end = toks[k].end
            k += 1
            if k < n and norm[toks[k - 1].end:toks[k].start].strip() == ")" :
                pass
        year = None
        direction = None
        y_lo, y_hi = lex.hijri_years if hijri else (1900, 2100)
        if k < n and adjacent(k, ("", "عام", "سنة", "من عام", "من العام")) and toks[k].num and y_lo <= toks[k].num <= y_hi:
            year, end = toks[k].num, toks[k].end
            k += 1
        elif k < n and adjacent(k) and "yearw" in toks[k].tags and k + 1 < n and adjacent(k + 1) \
                and toks[k + 1].num and y_lo <= toks[k + 1].num <= y_hi:
            year, end = toks[k + 1].num, toks[k + 1].end
            k += 2
        elif k < n and adjacent(k) and "dir" in toks[k].tags:
            direction, end = toks[k].tags["dir"][0], toks[k].end
            k += 1
        if year is not None and hijri:
            # "1445هـ", "1445 هـ", "1445 للهجرة"
            if end < len(norm) and norm[end] in lex.hijri_letters and (end + 1 == len(norm) or not norm[end + 1].isalpha()):
                end += 1
            elif k < n and adjacent(k) and "hmark" in toks[k].tags:
                end = toks[k].end
                k += 1
            else:
                m2 = re.match(r" ?(\w)(?!\w)", norm[end:end + 3])
                if m2 and m2.group(1) in lex.hijri_letters:
                    end += m2.end()
        if ctx and not (day or year or paired or has_word or direction):
            return None
        # a closing bracket of "نيسان (أبريل)" belongs to the phrase
        if paired and end < len(norm) and norm[end:end + 1] == ")":
            end += 1
        kind = "absolute" if (day is not None or year is not None) else "month"
        return DateMention(start, end, kind, year=year, month=month, day=day, part=part,
                           direction=direction, weekday=weekday, hijri=hijri,
                           precision=1 if day is not None else 3), k
    if part is None and "yearw" in t.tags and j + 1 < n and adjacent(j + 1) and toks[j + 1].num \
            and 1900 <= toks[j + 1].num <= 2100:
        return DateMention(start, toks[j + 1].end, "year", year=toks[j + 1].num, precision=3), j + 2
    return None


def _nth_month(norm: str, toks: list[_Tok], j: int, adjacent) -> tuple[DateMention, int] | None:
    """"الشهر العاشر من عام 2012", "الشهر السابع من العام الماضي": a month by its number.
    Only with its year: "للشهر الخامس على التوالي" counts months, it names none."""
    n = len(toks)
    k = j + 1
    if not (k < n and adjacent(k) and "ord" in toks[k].tags and 1 <= toks[k].tags["ord"][0] <= 12):
        return None
    month, k = toks[k].tags["ord"][0], k + 1
    if k < n and adjacent(k, ("", "من")) and "yearw" in toks[k].tags:
        k += 1                                   # "من عام 2012"
    if k < n and adjacent(k, ("", "من", "من عام", "من سنة", "لعام")) and toks[k].num and 1900 <= toks[k].num <= 2100:
        return DateMention(toks[j].start, toks[k].end, "absolute", year=toks[k].num, month=month, precision=3), k + 1
    if k < n and adjacent(k, ("", "من")) and "cal" in toks[k].tags and toks[k].tags["cal"][0] == "year" \
            and not toks[k].tags["cal"][2]:
        # "من العام الماضي": a month of a year named relative to publication
        return DateMention(toks[j].start, toks[k].end, "calendar", unit="year", shift=toks[k].tags["cal"][1],
                           month=month, precision=3), k + 1
    return None


# --------------------------------------------------------------------------- resolving

def _month_span(y: int, mo: int, part: str | None, lex: DateLexicon) -> tuple[date, date]:
    last = _cal.monthrange(y, mo)[1]
    if part is None:
        return date(y, mo, 1), date(y, mo, last)
    if part[0] == "w":                  # the n-th week of the month: "الأسبوع الثاني من أيار"
        k = int(part[1:])
        return date(y, mo, min(last, 7 * k - 6)), date(y, mo, min(last, 7 * k))
    a, b = lex.part_days[part]
    return date(y, mo, min(a, last)), date(y, mo, min(b, last))


def _year_span(y: int, part: str | None) -> tuple[date, date]:
    if part is None:
        return date(y, 1, 1), date(y, 12, 31)
    a, b = {"early": (1, 4), "mid": (5, 8), "late": (9, 12)}[part]
    return date(y, a, 1), date(y, b, _cal.monthrange(y, b)[1])


def _shift_month(y: int, mo: int, k: int) -> tuple[int, int]:
    idx = y * 12 + (mo - 1) + k
    return idx // 12, idx % 12 + 1


def resolve_date(m: DateMention, published: date | None) -> DateInterval:
    """The interval a mention denotes. Mentions that need the publication date give
    DateInterval(None, None, precision) when it is missing."""
    lex = load_dates()
    try:
        return _resolve(m, published, lex)
    except ValueError:                   # 31 شباط and friends
        return DateInterval(None, None, 3)


def _resolve(m: DateMention, pub: date | None, lex: DateLexicon) -> DateInterval:
    k = m.kind
    if k == "numeric":
        d = date(m.year, m.month, m.day)
        return DateInterval(d, d, 1)
    if k == "year":
        s, e = _year_span(m.year, m.part)
        return DateInterval(s, e, 3)
    if k in ("absolute", "month") and m.hijri:
        return _resolve_hijri(m, pub, lex)
    if k in ("absolute", "month"):
        y = m.year
        if y is None:
            if pub is None:
                return DateInterval(None, None, 1 if m.day else 3)
            y = _infer_year(m, pub, lex)
        if m.day is not None:
            d = date(y, m.month, m.day)
            return DateInterval(d, d, 1)
        s, e = _month_span(y, m.month, m.part, lex)
        return DateInterval(s, e, 2 if m.part and m.part[0] == "w" else 3)
    if pub is None:
        return DateInterval(None, None, m.precision if k != "since" else 3)
    if k in ("relative", "vague_recent"):
        return DateInterval(pub + timedelta(days=m.lo), pub + timedelta(days=m.hi), m.precision)
    if k == "weekday":
        back = (pub.weekday() - m.weekday) % 7
        if m.direction == "next":
            d = pub + timedelta(days=(m.weekday - pub.weekday()) % 7 or 7)
        else:
            if back == 0 and m.direction == "past":
                back = 7
            d = pub - timedelta(days=back)
        if m.eve:
            return DateInterval(d - timedelta(days=1), d, 1)    # the night before that day
        return DateInterval(d, d, 1)
    if k == "calendar_day":
        y, mo = _shift_month(pub.year, pub.month, m.shift)
        d = date(y, mo, m.day)
        return DateInterval(d, d, 1)
    if k == "calendar":
        if m.month is not None:              # "الشهر السابع من العام الماضي"
            s, e = _month_span(pub.year + m.shift, m.month, None, lex)
            return DateInterval(s, min(e, pub), 3)
        if m.unit == "week":
            ws = pub - timedelta(days=(pub.weekday() - lex.week_start) % 7) + timedelta(weeks=m.shift)
            a, b = lex.week_part_days.get(m.part, (0, 6)) if m.part else (0, 6)
            return DateInterval(ws + timedelta(days=a), min(ws + timedelta(days=b), pub), 2)
        if m.unit == "month":
            y, mo = _shift_month(pub.year, pub.month, m.shift)
            s, e = _month_span(y, mo, m.part, lex)
            return DateInterval(s, min(e, pub) if m.shift == 0 else e, 3)
        s, e = _year_span(pub.year + m.shift, m.part)
        return DateInterval(s, min(e, pub) if m.shift == 0 else e, 3)
    if k == "ago" and m.approx is not None:
        # "منذ أكثر من أسبوع": at least that long ago (up to twice as long); "قبل نحو
        # أسبوعين": around then; "منذ أقل من شهر": between then and publication
        count = -m.shift
        exact = _resolve(replace(m, approx=None), pub, lex)
        if m.approx in ("more_than", "at_least"):
            far = _resolve(replace(m, approx=None, shift=-2 * count), pub, lex)
            s, e = far.start, exact.end
        elif m.approx == "less_than":
            s, e = exact.start, pub
        else:
            pad = timedelta(days=max(1, count // 4)) if m.unit == "day" else timedelta(0)
            s, e = exact.start - pad, min(exact.end + pad, pub)
        span = (e - s).days
        return DateInterval(s, e, 1 if span == 0 else 2 if span <= 7 else 3)
    if k == "ago":
        count = -m.shift
        if m.unit == "day":
            d = pub - timedelta(days=count)
            return DateInterval(d, d, 1)
        if m.unit == "week":
            d = pub - timedelta(weeks=count)
            return DateInterval(d - timedelta(days=3), min(d + timedelta(days=3), pub), 2)
        if m.unit == "month":
            y, mo = _shift_month(pub.year, pub.month, -count)
            s, e = _month_span(y, mo, None, lex)
            return DateInterval(s, e, 3)
        s, e = _year_span(pub.year - count, None)
        return DateInterval(s, e, 3)
    if k == "since":
        inner = _resolve(m.inner, pub, lex)
        if m.until is not None:
            end = _resolve(m.until, pub, lex).end
        else:
            end = pub
        if inner.start is None or end is None:
            return DateInterval(None, end, 3)
        span = (end - inner.start).days
        return DateInterval(inner.start, end, 1 if span == 0 else 2 if span <= 7 else 3)
    return DateInterval(None, None, 3)


# --------------------------------------------------------------------------- Hijri

# The arithmetical (tabular) Islamic calendar, civil epoch: 1 Muharram 1 AH = 16 July 622
# (Julian) = proleptic Gregorian ordinal 227015. Leap years (30-day Dhu al-Hijja) are the
# 2nd, 5th, 7th, 10th, 13th, 16th, 18th, 21st, 24th, 26th and 29th of each 30-year cycle.
# Announced months (Umm al-Qura, sighting) can differ by a day either way.
_HIJRI_EPOCH = 227015
HIJRI_SLACK_DAYS = 1


def hijri_to_gregorian(y: int, m: int, d: int) -> date:
    """The Gregorian date of Islamic y/m/d in the tabular calendar."""
    if not (1 <= m <= 12 and 1 <= d <= 30 and y >= 1):
        raise ValueError(f"bad Hijri date {y}/{m}/{d}")
    if d == 30 and hijri_month_length(y, m) == 29:
        raise ValueError(f"{y}/{m} has 29 days")
    days = d + (59 * (m - 1) + 1) // 2 + (y - 1) * 354 + (3 + 11 * y) // 30
    return date.fromordinal(_HIJRI_EPOCH + days - 1)


def hijri_month_length(y: int, m: int) -> int:
    if m % 2 == 1:
        return 30
    if m < 12:
        return 29
    return 30 if (14 + 11 * y) % 30 < 11 else 29


def gregorian_to_hijri(g: date) -> tuple[int, int, int]:
    """Islamic (year, month, day) of a Gregorian date in the tabular calendar."""
    n = g.toordinal() - _HIJRI_EPOCH + 1
    y = (30 * n + 10646) // 10631
    while hijri_to_gregorian(y, 1, 1) > g:
        y -= 1
    while hijri_to_gregorian(y + 1, 1, 1) <= g:
        y += 1
    m = 1
    while m < 12 and hijri_to_gregorian(y, m + 1, 1) <= g:
        m += 1
    return y, m, (g - hijri_to_gregorian(y, m, 1)).days + 1


def _resolve_hijri(m: DateMention, pub: date | None, lex: DateLexicon) -> DateInterval:
    y = m.year
    if y is None:
        if pub is None:
            return DateInterval(None, None, 1 if m.day else 3)
        py, pm, pd = gregorian_to_hijri(pub)
        if m.direction == "next":
            y = py if m.month > pm else py + 1
        elif m.direction == "past":
            y = py if m.month < pm else py - 1
        elif m.direction == "current":
            y = py
        else:
            y = py if (m.month, m.day or 1) <= (pm, pd) else py - 1
    if m.day is not None:
        d = hijri_to_gregorian(y, m.month, m.day)
        slack = timedelta(days=HIJRI_SLACK_DAYS)
        if m.weekday is not None:
            # "الثلاثاء 12 ذي الحجة": the weekday picks the day inside the slack
            for off in range(-HIJRI_SLACK_DAYS, HIJRI_SLACK_DAYS + 1):
                if (d + timedelta(days=off)).weekday() == m.weekday:
                    x = d + timedelta(days=off)
                    return DateInterval(x, x, 1)
        end = d + slack if pub is None or pub < d else min(d + slack, pub)
        return DateInterval(d - slack, end, 1)
    first = hijri_to_gregorian(y, m.month, 1)
    last = first + timedelta(days=hijri_month_length(y, m.month) - 1)
    if m.part is not None:
        a, b = lex.part_days[m.part]
        last = min(last, first + timedelta(days=b - 1))
        first = first + timedelta(days=a - 1)
    return DateInterval(first, last, 3)


def _infer_year(m: DateMention, pub: date, lex: DateLexicon) -> int:
    """The year of a month (and day) with no year: the most recent one on or before
    publication; "الماضي" = strictly before the publication month; "المقبل" = after."""
    y = pub.year
    if m.direction == "current":
        return y
    if m.direction == "next":
        return y if m.month > pub.month else y + 1
    if m.direction == "past":
        return y if m.month < pub.month else y - 1
    if m.day is not None:
        try:
            return y if date(y, m.month, m.day) <= pub else y - 1
        except ValueError:
            return y
    s, _ = _month_span(y, m.month, m.part, lex)
    return y if s <= pub else y - 1
