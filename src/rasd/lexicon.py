"""Language data loading and compiled phrase matching.

Owns: locating the language data directory (`rasd/lang/<code>/`, overridable with
``RASD_LANG_DIR``), reading YAML/TSV data files with line numbers so that a malformed
analyst edit is reported as ``file:line: what is wrong``, and `PhraseMatcher`, the one
compiled Aho-Corasick automaton per lexicon that finds entries in normalised text with
Arabic clitics attached (و ف ب ل ك ال وال بال لل …).
"""
from __future__ import annotations

import os
import re
import threading
import weakref
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import ahocorasick
import yaml

from .normalize import normalize_key


class LexiconError(ValueError):
    """A language data file is missing or malformed; the message names file and line."""

    def __init__(self, path: Path | str, line: int | None, message: str):
        self.path, self.line = str(path), line
        where = f"{path}:{line}" if line else str(path)
        super().__init__(f"{where}: {message}")


def lang_dir(lang: str = "ar") -> Path:
    override = os.environ.get("RASD_LANG_DIR")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent / "lang" / lang


def data_path(name: str, lang: str = "ar") -> Path:
    path = lang_dir(lang) / name
    if not path.is_file():
        raise LexiconError(path, None, "language data file not found")
    return path


# --------------------------------------------------------------------------- YAML

class LineDict(dict):
    """A mapping from a YAML file that remembers the (1-based) line it started on."""
    line: int = 0


class LineList(list):
    line: int = 0


def _construct(node: yaml.Node, path: Path) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = LineDict()
        out.line = node.start_mark.line + 1
        for k, v in node.value:
            key = _construct(k, path)
            if key in out:
                raise LexiconError(path, k.start_mark.line + 1, f"duplicate key {key!r}")
            out[key] = _construct(v, path)
        return out
    if isinstance(node, yaml.SequenceNode):
        out = LineList(_construct(v, path) for v in node.value)
        out.line = node.start_mark.line + 1
        return out
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    return _SCALARS.construct_object(node)


_SCALARS = yaml.SafeLoader("")
# libyaml's parser, where PyYAML was built with it: the lexicons' YAML is most of a cold
# start in the pure-Python one. Nodes and error marks are the same.
_COMPOSER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path | str) -> Any:
    """Load a YAML data file; mappings and lists carry a ``.line`` attribute."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8") as fh:
            node = yaml.compose(fh, Loader=_COMPOSER)
    except FileNotFoundError:
        raise LexiconError(path, None, "file not found") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise LexiconError(path, mark.line + 1 if mark else None, f"not valid YAML: {getattr(exc, 'problem', exc)}") from None
    except UnicodeDecodeError as exc:
        raise LexiconError(path, None, f"not UTF-8: {exc}") from None
    if node is None:
        raise LexiconError(path, None, "file is empty")
    return _construct(node, path)


def load_mapping(path: Path | str, allowed_keys: set[str] | frozenset[str]) -> LineDict:
    """Load a YAML data file whose top level is a mapping with only ``allowed_keys``."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise LexiconError(path, getattr(data, "line", 1), "top level must be a mapping")
    for key in data:
        if key not in allowed_keys:
            raise LexiconError(path, data.line, f"unknown top-level key {key!r} (allowed: {', '.join(sorted(allowed_keys))})")
    return data


def require(obj: Any, key: str, kind: type | tuple[type, ...], path: Path | str, *, optional: bool = False, default: Any = None) -> Any:
    """Fetch ``obj[key]`` checking its type; raise a LexiconError naming the line otherwise."""
    line = getattr(obj, "line", None)
    if not isinstance(obj, dict):
        raise LexiconError(path, line, f"expected a mapping with key {key!r}, got {type(obj).__name__}")
    if key not in obj:
        if optional:
            return default
        raise LexiconError(path, line, f"missing key {key!r}")
    value = obj[key]
    if not isinstance(value, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise LexiconError(path, getattr(value, "line", line), f"key {key!r} must be {names}, got {type(value).__name__}")
    return value


def string_list(obj: Any, key: str, path: Path | str, *, optional: bool = False) -> list[str]:
    """A list of non-empty strings (a single string is accepted as a one-item list)."""
    value = require(obj, key, (list, str), path, optional=optional, default=[])
    if isinstance(value, str):
        value = [value]
    for item in value:
        if not isinstance(item, str) or not item.strip():
            raise LexiconError(path, getattr(value, "line", getattr(obj, "line", None)), f"{key!r} must hold non-empty strings, found {item!r}")
    return list(value)


# --------------------------------------------------------------------------- TSV

def load_tsv(path: Path | str, columns: Sequence[str], *, min_columns: int | None = None) -> Iterator[tuple[int, dict[str, str]]]:
    """Yield ``(line_number, row)`` for a tab-separated data file.

    Blank lines and lines starting with ``#`` are skipped. Rows with fewer than
    ``min_columns`` (default: all) or more than ``len(columns)`` cells raise LexiconError.
    """
    path = Path(path)
    need = len(columns) if min_columns is None else min_columns
    try:
        fh = open(path, encoding="utf-8")
    except FileNotFoundError:
        raise LexiconError(path, None, "file not found") from None
    with fh:
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\n").rstrip("\r")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            cells = line.split("\t")
            if not need <= len(cells) <= len(columns):
                raise LexiconError(path, n, f"expected {need}-{len(columns)} tab-separated columns ({', '.join(columns)}), found {len(cells)}")
            yield n, dict(zip(columns, (c.strip() for c in cells)))


# --------------------------------------------------------------------------- matching

# Proclitics that may stand before a noun-like entry. The "لل" contraction (ل + ال with
# the alef dropped) is handled by an extra key, see PhraseMatcher.
NOUN_PREFIXES = frozenset({
    "", "و", "ف", "ب", "ل", "ك", "ال", "وال", "فال", "بال", "كال", "وبال", "فبال",
    "وب", "فب", "ول", "فل", "وك", "فك", "وكال", "لل", "ولل", "فلل",
})
# Before a verb entry (conjugation prefixes are part of the entries themselves).
VERB_PREFIXES = frozenset({"", "و", "ف", "ل", "ول", "فل"})
# Pronoun suffixes that may follow an entry (قتلهم، استهدافها، عناصرها).
PRONOUN_SUFFIXES = frozenset({"", "ه", "ها", "هم", "هما", "هن", "ي", "نا", "كم", "وا"})
NO_AFFIX = frozenset({""})

_LIL_PREFIXES = frozenset({"ل", "ول", "فل"})


# Clitics that may stand before a word listed as whole ("ووالدهم", "لقضية", "بالقضية").
_OUTER_CLITICS = ("وال", "فال", "بال", "كال", "ولل", "فلل", "ال", "لل", "و", "ف", "ب", "ل", "ك")


def is_whole_word(word: str, whole: frozenset[str]) -> bool:
    """Is ``word`` one of ``whole``, bare or behind one run of outer clitics?"""
    if word in whole:
        return True
    return any(word.startswith(c) and word[len(c):] in whole for c in _OUTER_CLITICS)


def is_word_char(ch: str) -> bool:
    return ch.isalnum()


@dataclass(slots=True, eq=False)
class Match:
    """An entry found in normalised text. ``start``/``end`` cover the entry itself;
    ``word_start``/``word_end`` include the attached clitics."""

    start: int
    end: int
    word_start: int
    word_end: int
    key: str
    values: tuple
    prefix: str

    def __len__(self) -> int:
        return self.end - self.start


class PhraseMatcher:
    """Leftmost-longest matching of many phrases at once over normalised text."""

    whole_words: frozenset[str] = frozenset()   # also the default of matchers built by __new__ (gazetteer)

    def __init__(self, entries: Iterable[tuple[str, Any]], *, prefixes: frozenset[str] = NOUN_PREFIXES,
                 suffixes: frozenset[str] = NO_AFFIX, whole_words: Iterable[str] = ()):
        # Words that are never read through clitics ("والدهم" is "their father", not
        # و + ال + دهم): a match whose clitics or suffix make up one of them is dropped.
        self.whole_words = frozenset(normalize_key(w) for w in whole_words)
        grouped: dict[str, list] = {}
        for phrase, value in entries:
            key = normalize_key(phrase)
            if key:
                grouped.setdefault(key, []).append(value)
        self.prefixes, self.suffixes = prefixes, suffixes
        self.size = len(grouped)
        self._auto = ahocorasick.Automaton()
        for key, values in grouped.items():
            self._auto.add_word(key, (key, tuple(values), False))
        if "ال" in prefixes or "بال" in prefixes:
            # "للنبك" = ل + النبك with the article's alef dropped: index "لنبك" too.
            for key, values in grouped.items():
                if key.startswith("ال") and len(key) > 3:
                    short = key[1:]
                    if short not in grouped:
                        self._auto.add_word(short, (key, tuple(values), True))
        if self.size:
            self._auto.make_automaton()

    def __len__(self) -> int:
        return self.size

    def find_all(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Every valid (clitic-checked) occurrence, overlapping ones included."""
        if not self.size:
            return []
        end = len(text) if end is None else end
        out: list[Match] = []
        prefixes, suffixes = self.prefixes, self.suffixes
        starts = ends = None     # word bounds, fetched only when a hit needs them
        n = len(text)
        bare_end = suffixes == NO_AFFIX
        hits = _SHARED.hits(self, text) if start == 0 and end == n and n > _SHORT else None
        base = 0
        if hits is None:
            hits, base = range_hits(self._auto, text, start, end)
        for last, (key, values, lil) in hits:
            e = last + 1 + base
            # Most automaton hits sit inside longer words; with no suffix allowed a hit
            # must end where its word ends, which one character tells (str.isalnum is
            # exactly the regex's [^\W_]), before any bisection.
            if bare_end and e < end and e < n and text[e].isalnum():
                continue
            s = e - (len(key) - 1 if lil else len(key))
            if s == start or not text[s - 1].isalnum():
                ws = s        # the hit starts its word: no clitic before it
            else:
                # the word around the hit, from one regex pass over the text (cached)
                if starts is None:
                    starts, ends = _word_bounds(text)
                k = bisect_right(starts, s) - 1
                ws = starts[k] if k >= 0 and ends[k] > s else s
                if ws < start:
                    ws = start
            prefix = text[ws:s]
            if lil:
                if prefix not in _LIL_PREFIXES:
                    continue
            elif prefix not in prefixes:
                continue
            if bare_end:
                we = e
            else:
                if starts is None:
                    starts, ends = _word_bounds(text)
                k = bisect_right(starts, e - 1) - 1
                we = ends[k] if k >= 0 and ends[k] > e else e
                if we > end:
                    we = end
                if we != e and text[e:we] not in suffixes:
                    continue
            if self.whole_words and (ws != s or we != e) and is_whole_word(text[ws:we], self.whole_words):
                continue
            out.append(Match(s, e, ws, we, key, values, prefix))
        return out

    def find(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        """Non-overlapping matches, leftmost-longest, in text order."""
        return leftmost_longest(self.find_all(text, start, end))


def range_hits(auto: ahocorasick.Automaton, text: str, start: int, end: int) -> tuple[Iterable, int]:
    """``auto.iter(text, start, end)`` as (hits, base): each hit's end is ``base`` on.

    pyahocorasick reads the whole string before it walks [start, end): a sentence or a
    line of a long page cost as much as the page. A slice costs only itself. (Ranges are
    clipped to the text: pyahocorasick reads past the string's end for an end beyond it,
    and what it finds there depends on the memory that follows.)"""
    start, end = max(0, start), min(end, len(text))
    if start >= end:
        return (), start
    if start or end < len(text):
        return auto.iter(text[start:end]), start
    return auto.iter(text), 0


_WORD = re.compile(r"[^\W_]+")
_last_bounds: tuple = (None, [], [])
_SHORT = 256


class _SharedScan:
    """One automaton over the keys of every lexicon that reads whole documents.

    A dozen lexicons scan each document whole (cues, context words, actors, sources,
    hedges, numbers, dates, place cues, demonyms): one walk of an automaton over their
    union costs a seventh of walking each in a tight loop, though inside the pipeline,
    with the lexicons' memory out of cache, the saving is nearer a fifth. The hits
    of one text are sorted out per lexicon; a lexicon receives exactly the hits its own
    automaton yields, in the same order (by end, then longest key first, the order of
    the output links of both automata), so `PhraseMatcher.find_all` returns the same.

    A lexicon joins on its first whole-text scan and scans alone until the union is
    rebuilt, when the next text arrives: a process's first document costs what it did,
    and the union is built once for the lexicons a process uses. Very large lexicons (the
    gazetteer's name index) keep their own automaton, as do lexicons beyond the cap
    (programs building throwaway matchers). The state is one tuple replaced whole, so a
    thread never reads one text's hits with another union's member numbers.
    """

    MAX_KEYS = 5000           # per lexicon
    MAX_MEMBERS = 48

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiting: weakref.WeakSet = weakref.WeakSet()
        # (automaton, member -> index, ((text, hit ends, hit key numbers), ...) newest
        # first, per index the payloads its key numbers stand for; members that died
        # since keep their index)
        self._state: tuple = (None, weakref.WeakKeyDictionary(), (), ())

    def hits(self, matcher: "PhraseMatcher", text: str) -> Iterable | None:
        """``matcher``'s automaton hits over the whole of ``text``; None: scan alone."""
        auto, members, scanned, payloads = self._state
        for seen, ends, keys in scanned:
            if seen is text:
                sid = members.get(matcher)
                if sid is None:
                    self._join(matcher, members)
                    return None
                return zip(ends[sid], map(payloads[sid].__getitem__, keys[sid]))
        # a new text: fold the lexicons that joined since the last one in first
        self._join(matcher, members)
        if self._waiting:
            auto, members, scanned, payloads = self._rebuild()
        sid = members.get(matcher)
        if sid is None:
            return None
        # Hits are kept as machine ints (where each ends, which key): tuples or payload
        # references kept per hit made every garbage collection walk them.
        ends = [array("i") for _ in payloads]
        keys = [array("i") for _ in payloads]
        for last, entries in auto.iter(text):
            for i, k in entries:
                ends[i].append(last)
                keys[i].append(k)
        # the document's text and one other (a phrase list scanned in between) stay
        self._state = (auto, members, ((text, ends, keys), *scanned[:1]), payloads)
        return zip(ends[sid], map(payloads[sid].__getitem__, keys[sid]))

    def _join(self, matcher: "PhraseMatcher", members: weakref.WeakKeyDictionary) -> None:
        if matcher in members or matcher.size > self.MAX_KEYS:
            return
        with self._lock:          # _rebuild reads the waiting set under the same lock
            if len(members) + len(self._waiting) < self.MAX_MEMBERS:
                self._waiting.add(matcher)

    def _rebuild(self) -> tuple:
        with self._lock:
            state = self._state
            if not self._waiting:
                return state
            live = [m for m in state[1].keys() if m not in self._waiting] + list(self._waiting)
            merged: dict[str, list] = {}
            payloads = []
            for i, m in enumerate(live):
                own = tuple(m._auto.items())
                for k, (key, _) in enumerate(own):
                    merged.setdefault(key, []).append((i, k))
                payloads.append(tuple(payload for _, payload in own))
            auto = ahocorasick.Automaton()
            for key, entries in merged.items():
                auto.add_word(key, tuple(entries))
            auto.make_automaton()
            members: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
            for i, m in enumerate(live):
                members[m] = i
            self._waiting = weakref.WeakSet()
            self._state = (auto, members, (), tuple(payloads))
            return self._state


_SHARED = _SharedScan()


def _word_bounds(text: str) -> tuple[list[int], list[int]]:
    """Start and end offsets of the words of ``text`` (runs of letters and digits).

    Every lexicon of a document scans the same normalised string, so the last long
    text's result is kept: the matchers of one document share one regex pass. Short
    strings (a noun phrase checked on its own) are not cached, so they never evict the
    document's bounds. The cache is one tuple, replaced whole, so a reader never sees one
    text's starts with another's ends.
    """
    global _last_bounds
    cached = _last_bounds
    if cached[0] is text:
        return cached[1], cached[2]
    found = list(_WORD.finditer(text))
    starts = list(map(re.Match.start, found))
    ends = list(map(re.Match.end, found))
    if len(text) > _SHORT:
        _last_bounds = (text, starts, ends)
    return starts, ends


def share_word_bounds(text: str, starts: list[int], ends: list[int]) -> None:
    """Take ``starts``/``ends`` as the words of ``text`` (a document's tokens, found once
    already) when they are exactly what `_word_bounds` would find: ``\\w`` and the
    lexicons' ``[^\\W_]`` differ only by the underscore. The lists are shared: read only."""
    global _last_bounds
    if len(text) > _SHORT and "_" not in text:
        _last_bounds = (text, starts, ends)


def leftmost_longest(found: list[Match]) -> list[Match]:
    """Keep non-overlapping matches: leftmost first, then the longest word, then the
    longest entry (an exact "تظاهره" beats "تظاهر" + suffix over the same word)."""
    if len(found) < 2:
        return found
    found.sort(key=lambda m: (m.word_start, -(m.word_end - m.word_start), -(m.end - m.start)))
    out: list[Match] = []
    last_end = -1
    for m in found:
        if m.word_start >= last_end:
            out.append(m)
            last_end = m.word_end
    return out
