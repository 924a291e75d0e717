"""The document model every stage reads and adds to.

Owns: `Doc` (original text, normalised `TextView`, lines with roles, sentences with
clauses, tokens) and the small span types. Positions inside the pipeline are offsets
into the *normalised* text (``doc.norm``); `Doc.evidence` turns them into offsets into
the original text, the only offsets that ever leave rasd.
"""
from __future__ import annotations

import re
from bisect import bisect_left as _bisect_left
from bisect import bisect_right as _bisect_right
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate
from typing import Iterator, Sequence

from .lexicon import share_word_bounds
from .normalize import TextView, normalize

# Line roles (see rasd.layout). Only RECORD_ROLES may yield records.
HEADLINE, BODY, SUBHEADING, CAPTION, RELATED, NAVIGATION, SHARE, SIGNATURE, META, BLANK = (
    "headline", "body", "subheading", "caption", "related", "navigation", "share", "signature", "meta", "blank")
RECORD_ROLES = frozenset({HEADLINE, BODY})

# A token is a run of \w. Splitting at the runs keeps them as every other piece, and
# their offsets are running sums of the pieces' lengths: C computes them without a
# match object per word.
_TOKEN_SPLIT = re.compile(r"(\w+)")


@dataclass(slots=True)
class Line:
    start: int          # normalised offsets, newline excluded
    end: int
    role: str = BODY
    index: int = 0


@dataclass(slots=True)
class Clause:
    start: int
    end: int


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    line: int           # index into Doc.lines
    role: str
    paragraph: int      # index of the non-blank line block it belongs to
    clauses: list[Clause] = field(default_factory=list)
    index: int = 0


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str           # normalised


@dataclass(slots=True)
class Evidence:
    field: str
    start: int          # original offsets
    end: int
    text: str

    def to_dict(self) -> dict:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}


class TokenList(list):
    """The words of the normalised text as `Token`s, with their offsets as two plain
    lists (``starts``, ``ends``) for bisection. A list subclass, so indexing stays at C
    speed: the stages index tokens hundreds of times per document."""

    __slots__ = ("starts", "ends")

    def __init__(self, text: str):
        # no Python frame per word but Token's own: [gap, word, gap, word, ..., gap]
        pieces = _TOKEN_SPLIT.split(text)
        bounds = list(accumulate(map(len, pieces)))
        self.starts = bounds[0:-1:2]
        self.ends = bounds[1::2]
        super().__init__(map(Token, self.starts, self.ends, pieces[1::2]))


def spans_inside(items: Sequence, starts: Sequence[int], lo: int, hi: int) -> list:
    """The items (sorted by ``.start``, ``starts`` their starts) lying wholly in [lo, hi)."""
    i = _bisect_left(starts, lo)
    n = len(items)
    out = []
    while i < n:
        x = items[i]
        if x.start >= hi:
            break
        if x.end <= hi:
            out.append(x)
        i += 1
    return out


@dataclass
class Doc:
    text: str
    view: TextView
    doc_id: str = "doc"
    published: date | None = None
    outlet: str | None = None
    url: str | None = None
    lines: list[Line] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: TokenList = field(default_factory=lambda: TokenList(""))
    _sent_starts: tuple | None = field(default=None, repr=False, compare=False)

    @classmethod
    def from_text(cls, text: str, **kw) -> "Doc":
        doc = cls(text=text, view=normalize(text), **kw)
        doc.tokens = TokenList(doc.view.norm)
        # the lexicons look up word bounds in the same text: one regex pass, not two
        share_word_bounds(doc.view.norm, doc.tokens.starts, doc.tokens.ends)
        return doc

    @property
    def norm(self) -> str:
        return self.view.norm

    # -- offsets ---------------------------------------------------------------
    def norm_pos(self, orig: int) -> int:
        """The normalised position of original offset ``orig`` (first kept char at/after it)."""
        return _bisect_left(self.view.to_orig, orig)

    def evidence(self, field_name: str, start: int, end: int) -> Evidence:
        s, e = self.view.orig_span(start, end)
        return Evidence(field_name, s, e, self.text[s:e])

    # -- tokens ----------------------------------------------------------------
    def token_index(self, pos: int) -> int:
        """Index of the first token that ends after ``pos``."""
        tokens = self.tokens
        i = _bisect_right(tokens.starts, pos) - 1
        if i < 0:
            return 0
        return i if tokens.ends[i] > pos else i + 1

    def tokens_between(self, start: int, end: int) -> list[Token]:
        i = _bisect_left(self.tokens.starts, start)
        j = _bisect_left(self.tokens.starts, end)
        return self.tokens[i:j]

    def token_distance(self, a_start: int, a_end: int, b_start: int, b_end: int) -> int:
        """Number of tokens strictly between two spans (0 when adjacent or overlapping)."""
        starts = self.tokens.starts
        if a_end <= b_start:
            return _bisect_left(starts, b_start) - _bisect_left(starts, a_end)
        if b_end <= a_start:
            return _bisect_left(starts, a_start) - _bisect_left(starts, b_end)
        return 0

    # -- structure -------------------------------------------------------------
    def _sentence_starts(self) -> list[int]:
        # Rebuilt whenever ``sentences`` is replaced (segment assigns a new list); the
        # stages ask for the sentence of a position hundreds of times per document.
        sents = self.sentences
        cached = self._sent_starts
        if cached is None or cached[0] is not sents or cached[1] != len(sents):
            cached = self._sent_starts = (sents, len(sents), [s.start for s in sents])
        return cached[2]

    def sentence_at(self, pos: int) -> Sentence | None:
        # (`_sentence_starts` inlined: a thousand calls per document)
        sents, cached = self.sentences, self._sent_starts
        if cached is None or cached[0] is not sents or cached[1] != len(sents):
            starts = self._sentence_starts()
        else:
            starts = cached[2]
        i = _bisect_right(starts, pos) - 1
        if i >= 0:
            s = sents[i]
            if pos < s.end:
                return s
        return None

    def clause_at(self, pos: int) -> Clause | None:
        s = self.sentence_at(pos)
        if s is None:
            return None
        for c in s.clauses:
            if c.start <= pos < c.end:
                return c
        return None

    def record_sentences(self) -> Iterator[Sentence]:
        return (s for s in self.sentences if s.role in RECORD_ROLES)
