"""Page layout: the role of every line of a scraped page.

Owns: `assign_roles`, which fills ``doc.lines`` with one `rasd.doc.Line` per newline-
separated line of ``doc.norm`` and a role (headline, body, subheading, caption, related,
navigation, share, signature, meta, blank), and sets ``doc.outlet`` from a signature line.
The cue phrases live in ``lang/ar/layout.yaml``; this module holds the algorithm:

1. structural lines (front matter, markdown images/iframes, bare URLs, link-only lines,
   menus cut by separators) are decided by shape;
2. cue phrases found by one `PhraseMatcher` pass over the whole text decide boilerplate
   roles: a line made only of cues (``whole``), or a short line starting/ending with or
   containing one (``start``/``end``/``anywhere``);
3. block headers ("التعليقات", "عن الكاتب") give their role to the lines below them: a
   comment thread or an author bio is boilerplate however much it reads like prose; a
   ticker line ("عاجل | ... | ...") is related;
4. what remains is prose (body) or a short unpunctuated line whose role follows from its
   position: the first one after the menus is the headline, those among body paragraphs
   are subheadings or captions, a site name at the top or bottom is the signature.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from .doc import (BLANK, BODY, CAPTION, HEADLINE, META, NAVIGATION, RELATED, SHARE,
                  SIGNATURE, SUBHEADING, Doc, Line)
from .lexicon import LexiconError, PhraseMatcher, data_path, load_yaml, require, string_list
from .normalize import normalize_key

_CUE_ROLES = (NAVIGATION, RELATED, SHARE, SIGNATURE, META, CAPTION)
_MODES = ("whole", "start", "anywhere", "end")
# Priority when a line carries cues of several roles: a line made only of cues wins over
# a partial cue, then the order below (a "read also" line naming an agency is related).
_WHOLE_ORDER = (NAVIGATION, SHARE, RELATED, META, CAPTION, SIGNATURE)
_PARTIAL_ORDER = (RELATED, SHARE, NAVIGATION, SIGNATURE, META, CAPTION)
# A site name above the menus is this short; a longer line there may be the title itself.
_SITE_NAME_MAX_WORDS = 3
_LIMITS = ("headline_max_words", "subheading_max_words", "caption_max_words", "signature_max_words")

_WORD = re.compile(r"\w+")
_NUMERIC = re.compile(r"\d+[مه]?")
_SENTENCE_END = frozenset(".!?؟…")
_CLOSERS = "\"')]}>»*_ "
_MD_MEDIA = re.compile(r"\s*(?:!\[|\[!\[|<\s*(?:img|iframe|video|audio|embed|figure|source)\b)", re.I)
_URL_ONLY = re.compile(r"\s*(?:https?://|www\.)\S+\s*$", re.I)
# A line that is only a link (maybe numbered or bulleted, maybe with a short note after).
_LINK_ONLY = re.compile(r"\s*(?:[-*•]\s*|\d{1,3}[.)-]\s*)?\[[^\]]+\]\([^)]+\)[^.\n]{0,30}$")
# A whole line in bold ("**ماذا حدث؟**", "* __الخلفية__") is a heading, even as a list item.
_BOLD_LINE = re.compile(r"\s*(?:[-*•]\s+)?(\*\*|__)[^*_]+\1\s*:?\s*$")
# "label: value" fact lines of an info box ("الموقع: إدلب", "_القتلى: 10_") are prose.
_FIELD_LINE = re.compile(r"[\W_]*\w+(?: \w+){0,2}\s*:\s*\S")
_MD_HEADING = re.compile(r"\s*#{1,6}\s")
_BULLET = re.compile(r"\s*(?:[-*•▪●◦–]\s+|\d{1,3}[.)-]\s+)")
_FRONT_MATTER = re.compile(r"\s*-{3,}\s*$")
# A numeric date line ("2022-07-21", "19/07/2023 14:05") under a headline.
_DATE_ONLY = re.compile(r"\s*\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:\s*[-|،,]?\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*$")
# Years, separators and brackets around a site name in a signature line.
_OUTLET_CUT = re.compile(r"\d+|[|/•·:،,()\[\]-]")


@dataclass(frozen=True)
class _Block:
    name: str
    role: str
    extent: int          # following lines covered; 0 = to the end of the page
    after_body: bool


@dataclass(frozen=True)
class LayoutRules:
    limits: dict[str, int]
    max_words: dict[str, int]
    unpunctuated: dict[str, bool]
    matcher: PhraseMatcher          # values: (role, mode)
    filler: frozenset[str]
    separators: re.Pattern
    marks: re.Pattern | None
    strip: PhraseMatcher
    blocks: tuple[_Block, ...] = ()
    block_matcher: PhraseMatcher | None = None   # values: index into `blocks`
    ticker: PhraseMatcher | None = None


@cache
def load_rules() -> LayoutRules:
    """Load and validate ``layout.yaml`` once."""
    path = data_path("layout.yaml")
    data = load_yaml(path)
    limits_obj = require(data, "limits", dict, path)
    limits = {}
    for key in _LIMITS:
        value = require(limits_obj, key, int, path)
        if value <= 0:
            raise LexiconError(path, limits_obj.line, f"limit {key!r} must be positive")
        limits[key] = value
    roles = require(data, "roles", dict, path)
    for name in roles:
        if name not in _CUE_ROLES:
            raise LexiconError(path, roles.line, f"unknown role {name!r}; expected one of {', '.join(_CUE_ROLES)}")
    entries: list[tuple[str, tuple[str, str]]] = []
    max_words: dict[str, int] = {}
    unpunct: dict[str, bool] = {}
    for role in _CUE_ROLES:
        section = require(roles, role, dict, path)
        for key in section:
            if key not in _MODES and key not in ("max_words", "unpunctuated"):
                raise LexiconError(path, section.line, f"role {role!r}: unknown key {key!r}")
        max_words[role] = require(section, "max_words", int, path)
        unpunct[role] = require(section, "unpunctuated", bool, path, optional=True, default=False)
        for mode in _MODES:
            if section.get(mode) is None:
                continue
            value = section[mode]
            if isinstance(value, list) and not value:
                continue
            for phrase in string_list(section, mode, path):
                if not normalize_key(phrase):
                    raise LexiconError(path, getattr(section[mode], "line", section.line), f"phrase {phrase!r} is empty after normalisation")
                entries.append((phrase, (role, mode)))
    filler = frozenset(normalize_key(w) for w in string_list(data, "filler", path, optional=True))
    seps = require(data, "separators", str, path)
    if not seps.strip():
        raise LexiconError(path, data.line, "'separators' must list at least one character")
    marks_list = string_list(data, "copyright_marks", path, optional=True)
    marks = re.compile("|".join(re.escape(normalize_key(m)) for m in marks_list)) if marks_list else None
    strip = PhraseMatcher(((p, p) for p in string_list(data, "outlet_strip", path, optional=True)))
    blocks, block_entries = _load_blocks(data, path)
    ticker = string_list(data, "ticker_heads", path, optional=True)
    return LayoutRules(limits, max_words, unpunct, PhraseMatcher(entries), filler,
                       re.compile("[" + re.escape(seps) + "]"), marks, strip, blocks,
                       PhraseMatcher(block_entries) if block_entries else None,
                       PhraseMatcher((p, p) for p in ticker) if ticker else None)


def _load_blocks(data, path) -> tuple[tuple[_Block, ...], list[tuple[str, int]]]:
    section = require(data, "blocks", dict, path, optional=True, default={})
    blocks: list[_Block] = []
    entries: list[tuple[str, int]] = []
    for name in section:
        spec = require(section, name, dict, path)
        role = require(spec, "role", str, path)
        if role not in _CUE_ROLES:
            raise LexiconError(path, spec.line, f"block {name!r}: unknown role {role!r}")
        extent = require(spec, "extent", int, path)
        if extent < 0:
            raise LexiconError(path, spec.line, f"block {name!r}: extent must be >= 0")
        after = require(spec, "after_body", bool, path, optional=True, default=False)
        for phrase in string_list(spec, "headers", path):
            entries.append((phrase, len(blocks)))
        blocks.append(_Block(name, role, extent, after))
    return tuple(blocks), entries


@dataclass(slots=True)
class _Info:
    start: int          # first alphanumeric character of the line (or line end)
    end: int            # end of the last alphanumeric character
    words: int
    terminal: str       # the sentence-final punctuation mark, "" if none
    role: str | None = None
    heading: bool = False
    bullet: bool = False
    menu: bool = False            # cut into short items by separators (navigation unless a cue says otherwise)
    top_signature: bool = False   # carries a signature `start` cue (only valid at edges)


def assign_roles(doc: Doc) -> None:
    """Fill ``doc.lines`` with roles and set ``doc.outlet`` from the signature line."""
    rules = load_rules()
    norm = doc.norm
    lines: list[Line] = []
    pos = 0
    for i, raw in enumerate(norm.split("\n")):
        end = pos + len(raw)
        e = end - 1 if raw.endswith("\r") else end
        lines.append(Line(pos, e, BLANK, i))
        pos = end + 1
    infos = [_describe(norm, ln) for ln in lines]
    _structural(norm, lines, infos, rules)
    _apply_cues(norm, lines, infos, rules)
    _apply_blocks(norm, lines, infos, rules)
    _by_position(lines, infos, rules)
    for ln, info in zip(lines, infos):
        ln.role = info.role or BODY
    doc.lines = lines
    if doc.outlet is None:
        doc.outlet = _outlet(doc, lines, infos, rules)


def _describe(norm: str, line: Line) -> _Info:
    s, e = line.start, line.end
    while s < e and not norm[s].isalnum():
        s += 1
    if s == e:
        return _Info(s, s, 0, "", BLANK if not norm[line.start:line.end].strip() else None)
    while e > s and not norm[e - 1].isalnum():
        e -= 1
    tail = norm[e:line.end].rstrip(_CLOSERS)
    terminal = tail[-1] if tail and tail[-1] in _SENTENCE_END else (":" if tail.endswith(":") else "")
    return _Info(s, e, len(norm[line.start:line.end].split()), terminal)


def _structural(norm: str, lines: list[Line], infos: list[_Info], rules: LayoutRules) -> None:
    first = next((i for i, ln in enumerate(lines) if norm[ln.start:ln.end].strip()), None)
    if first is not None and _FRONT_MATTER.match(norm, lines[first].start, lines[first].end):
        for j in range(first + 1, min(len(lines), first + 60)):
            if _FRONT_MATTER.match(norm, lines[j].start, lines[j].end):
                for k in range(first, j + 1):
                    infos[k].role = META
                break
    max_items = rules.limits["subheading_max_words"]
    for ln, info in zip(lines, infos):
        if info.role is not None:
            if info.role == BLANK and norm[ln.start:ln.end].strip():
                info.role = META   # punctuation-only line such as "***" or "---"
            continue
        if info.words == 0 and norm[ln.start:ln.end].strip() or _DATE_ONLY.match(norm, ln.start, ln.end):
            info.role = META
            continue
        s, e = ln.start, ln.end
        if not norm[s].isalpha():
            # Markup (markdown, HTML, list marks) only ever starts with a symbol or digit.
            if _MD_MEDIA.match(norm, s, e) or _URL_ONLY.match(norm, s, e):
                info.role = META
            elif _LINK_ONLY.match(norm, s, e):
                info.role = RELATED
            elif _MD_HEADING.match(norm, s, e) or _BOLD_LINE.match(norm, s, e):
                info.heading = True
            elif _BULLET.match(norm, s, e) or _FIELD_LINE.match(norm, s, e):
                info.bullet = True
        elif info.words == 1 and _URL_ONLY.match(norm, s, e):
            info.role = META
        elif info.words <= rules.limits["caption_max_words"] and _FIELD_LINE.match(norm, s, e) \
                and not _starts_with(rules.ticker, norm, s, e):
            # "عاجل: ..." is a breaking-news headline, not a "label: value" fact line.
            info.bullet = True
        if info.role is None and info.terminal not in (".", "!") and info.words <= 3 * max_items:
            items = rules.separators.split(norm[ln.start:ln.end])
            if len(items) >= 3 and all(len(it.split()) <= 4 for it in items):
                info.menu = True


def _apply_cues(norm: str, lines: list[Line], infos: list[_Info], rules: LayoutRules) -> None:
    # Cues only decide lines up to the longest role limit; long prose lines are not
    # scanned at all, which keeps the stage cheap on body-heavy pages.
    scan_max = max(rules.max_words.values())
    related_run = False
    for ln, info in zip(lines, infos):
        if info.role is not None:
            if info.role not in (BLANK, RELATED):
                related_run = False
            continue
        matches = rules.matcher.find_all(norm, ln.start, ln.end) if info.words <= scan_max else ()
        whole = _whole_role(norm, ln, matches, rules) if matches else None
        role = whole or (_partial_role(info, matches, rules) if matches else None)
        if role is None and related_run and not info.heading and info.terminal not in (".", "!") \
                and info.words <= rules.max_words[RELATED]:
            role = RELATED   # a link title under a bare "read also" header
        if role is None and info.menu:
            role = NAVIGATION
        if whole == RELATED:
            related_run = True
        elif role != RELATED:
            related_run = False
        info.role = role


def _apply_blocks(norm: str, lines: list[Line], infos: list[_Info], rules: LayoutRules) -> None:
    """Comment threads, author bios and tickers: roles that come from a header line (or a
    ticker head) rather than from the words of each line."""
    seen_prose = False
    block: _Block | None = None
    left = 0
    for ln, info in zip(lines, infos):
        if info.role == BLANK:
            continue
        hit = _block_header(norm, ln, info, rules)
        if hit is not None and (not hit[0].after_body or seen_prose):
            info.role = hit[0].role
            block, left = (None, 0) if hit[1] else (hit[0], hit[0].extent)
            continue
        if block is not None:
            if info.role is None:
                info.role = block.role
            if block.extent:
                left -= 1
                if left <= 0:
                    block = None
            continue
        if info.role is None and _is_ticker(norm, ln, info, rules):
            info.role = RELATED
        if info.role is None and not info.heading and _is_prose(info, rules):
            seen_prose = True


def _block_header(norm: str, ln: Line, info: _Info, rules: LayoutRules) -> tuple[_Block, bool] | None:
    """The block a header line opens and whether it is inline ("عن الكاتب: ...")."""
    if rules.block_matcher is None or info.words == 0:
        return None
    heads = [m for m in rules.block_matcher.find_all(norm, ln.start, min(ln.end, info.start + 60))
             if m.word_start == info.start]
    if not heads:
        return None
    m = max(heads, key=lambda h: h.end)
    block = rules.blocks[m.values[0]]
    rest = norm[m.end:ln.end]
    if rest.lstrip().startswith(":") and info.words > 3:
        return block, True
    if all(w in rules.filler or _NUMERIC.fullmatch(w) for w in _WORD.findall(rest)):
        return block, False
    return None


def _starts_with(matcher: PhraseMatcher | None, norm: str, s: int, e: int):
    """The match of ``matcher`` that opens ``norm[s:e]`` (``s`` at its first word), if any."""
    if matcher is None:
        return None
    return next((m for m in matcher.find_all(norm, s, min(e, s + 40)) if m.word_start == s), None)


_ELLIPSIS = re.compile(r"\.{3,}|…")


def _is_ticker(norm: str, ln: Line, info: _Info, rules: LayoutRules) -> bool:
    """A line opening with a ticker head ("عاجل", "شريط الأخبار") and cut into two or more
    headlines by separators or ellipses; one "عاجل: ..." headline stays a headline."""
    head = _starts_with(rules.ticker, norm, info.start, ln.end)
    if head is None:
        return False
    rest = _ELLIPSIS.sub("|", norm[head.end:ln.end])
    items = [it for it in rules.separators.split(rest.lstrip(" :-–")) if _WORD.search(it)]
    return len(items) >= 2


def _whole_role(norm: str, ln: Line, matches: list, rules: LayoutRules) -> str | None:
    by_role: dict[str, list[tuple[int, int]]] = {}
    for m in matches:
        for role, mode in m.values:
            if mode == "whole":
                by_role.setdefault(role, []).append((m.word_start, m.word_end))
    for role in _WHOLE_ORDER:
        spans = by_role.get(role)
        if not spans:
            continue
        spans.sort()
        ok = True
        for w in _WORD.finditer(norm, ln.start, ln.end):
            a, b = w.span()
            if w.group() in rules.filler or (role == META and _NUMERIC.fullmatch(w.group())):
                continue
            if not any(s <= a and b <= e for s, e in spans):
                ok = False
                break
        if ok:
            return role
    return None


def _partial_role(info: _Info, matches: list, rules: LayoutRules) -> str | None:
    hits: set[str] = set()
    for m in matches:
        for role, mode in m.values:
            if mode == "whole" or info.words > rules.max_words[role]:
                continue
            if rules.unpunctuated[role] and info.terminal in (".", "!", "?", "؟"):
                continue
            if mode == "anywhere" or (mode == "start" and m.word_start == info.start) \
                    or (mode == "end" and m.word_end == info.end):
                if role == SIGNATURE and mode == "start":
                    # "موقع ..." names a site; "الموقع: ..." is "the location".
                    if "ال" not in m.prefix:
                        info.top_signature = True
                    continue
                hits.add(role)
    for role in _PARTIAL_ORDER:
        if role in hits:
            return role
    return None


def _is_prose(info: _Info, rules: LayoutRules) -> bool:
    if info.bullet or info.terminal in (".", "!", "…"):
        return True
    if info.terminal in ("?", "؟", ":"):
        return info.words > rules.limits["subheading_max_words"]
    return info.words > rules.limits["caption_max_words"]


def _by_position(lines: list[Line], infos: list[_Info], rules: LayoutRules) -> None:
    lim = rules.limits
    open_ = [i for i, inf in enumerate(infos) if inf.role is None]
    if not open_:
        return
    prose = [i for i in open_ if not infos[i].heading and _is_prose(infos[i], rules)]
    first_prose = prose[0] if prose else len(lines)
    last_prose = prose[-1] if prose else -1

    # Top zone: short lines before the first prose line. A site name may precede the
    # headline; one or two words before the headline are a section label or kicker.
    top = [i for i in open_ if i < first_prose]
    # The headline follows the menus: a short line above a menu or breadcrumb, with a
    # candidate below it, is the site's name ("ذي قار نت"), not the title.
    last_nav = max((i for i in range(first_prose) if infos[i].role == NAVIGATION), default=-1)
    if any(i > last_nav for i in top):
        for i in top:
            inf = infos[i]
            if i < last_nav and not inf.heading and inf.words <= _SITE_NAME_MAX_WORDS:
                inf.role = SIGNATURE if inf.top_signature else NAVIGATION
        top = [i for i in top if infos[i].role is None]
    headline = None
    for n, i in enumerate(top):
        inf = infos[i]
        if inf.top_signature and inf.words <= lim["signature_max_words"] and n + 1 < len(top):
            inf.role = SIGNATURE
            continue
        if inf.words <= 2 and not inf.heading and n + 1 < len(top):
            inf.role = NAVIGATION
            continue
        if inf.words <= lim["headline_max_words"]:
            inf.role = HEADLINE
            headline = i
        break
    if headline is None and first_prose < len(lines) and not any(infos[i].role for i in top):
        # No short line before the body: a long unpunctuated first line may still be a title.
        i = first_prose
        if infos[i].terminal == "" and not infos[i].bullet and infos[i].words <= lim["headline_max_words"] \
                and any(j > i for j in prose):
            infos[i].role = HEADLINE

    for i in open_:
        inf = infos[i]
        if inf.role is not None:
            continue
        if i in prose and not inf.heading:
            inf.role = BODY
        elif i > last_prose and last_prose >= 0 or (last_prose < 0 and headline is not None and i > headline):
            inf.role = _bottom_role(i, inf, lines, infos, rules)
        elif inf.heading or inf.words <= lim["subheading_max_words"]:
            inf.role = SUBHEADING
        else:
            inf.role = CAPTION


def _bottom_role(i: int, inf: _Info, lines: list[Line], infos: list[_Info], rules: LayoutRules) -> str:
    lim = rules.limits
    if inf.top_signature and inf.words <= lim["signature_max_words"]:
        return SIGNATURE
    is_last = all(infos[j].role == BLANK for j in range(i + 1, len(lines)))
    if is_last and not inf.heading and inf.terminal == "" and inf.words <= 4:
        return SIGNATURE
    if inf.heading or inf.words <= lim["subheading_max_words"]:
        return SUBHEADING
    return CAPTION


def _outlet(doc: Doc, lines: list[Line], infos: list[_Info], rules: LayoutRules) -> str | None:
    """The site name from the best signature line, copyright words and years removed."""
    norm = doc.norm
    sig = [i for i, ln in enumerate(lines) if ln.role == SIGNATURE]
    # A line naming the site ("شبكة ...", "© ...") beats a bare rights notice; the bottom
    # of the page beats the top.
    sig.sort(key=lambda i: (not infos[i].top_signature, -i))
    for i in sig:
        ln = lines[i]
        cut = [(m.word_start, m.word_end) for m in rules.strip.find(norm, ln.start, ln.end)]
        if rules.marks is not None:
            cut += [m.span() for m in rules.marks.finditer(norm, ln.start, ln.end)]
        cut += [m.span() for m in _OUTLET_CUT.finditer(norm, ln.start, ln.end)]
        cut.sort()
        best, pos = (0, 0), ln.start
        for a, b in cut + [(ln.end, ln.end)]:
            if a > pos:
                seg = _trim(norm, pos, a)
                if seg[1] - seg[0] > best[1] - best[0]:
                    best = seg
            pos = max(pos, b)
        if best[1] - best[0] >= 2 and any(ch.isalpha() for ch in norm[best[0]:best[1]]):
            name = doc.view.orig_text(*best).strip()
            return name or None
    return None


def _trim(norm: str, a: int, b: int) -> tuple[int, int]:
    while a < b and not norm[a].isalnum():
        a += 1
    while b > a and not norm[b - 1].isalnum():
        b -= 1
    return a, b
