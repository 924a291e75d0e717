"""Sentence and clause segmentation over the lines of a `Doc`.

Owns: splitting each non-blank line into sentences (at . ! ? ؟ ; ؛ and line ends, not
inside numbers such as 1.5 or 12,000) and each sentence into clauses (at ، , : and
dashes), so that the assembler can keep an event's arguments inside one clause.
"""
from __future__ import annotations

import re

from .doc import BLANK, Clause, Doc, Sentence

# A sentence ends at terminal punctuation followed by space/end; a dot between digits is
# a decimal point, not an end. The rule as one regex (kept as the reference for tests):
_SENT_END = re.compile(r"(?<!\d)[.!?؟;؛]+(?=\s|$|[\"')\]])|(?<=\d)[.!?؟;؛]+(?=\s|$)|[!?؟;؛]+")
# ...but finditer with it rescans a punctuation run from each of its characters when the
# run is not followed by a space (a page of "......x"), quadratic in the run's length.
# `_sentence_ends` applies the same three alternatives once per run.
_PUNCT_RUN = re.compile(r"[.!?؟;؛]+")
_STRONG = frozenset("!?؟;؛")
_AFTER_END = frozenset("\"')]")
# A lone letter before a dot is an initial ("الشاب (ع. ز)", "م. أحمد"), not a sentence end.
_INITIAL_BEFORE = frozenset(" \t(\"'«")
_CLAUSE_END = re.compile(r"[،,:]|\s[-]\s|\(|\)")
# A short gloss in brackets right after a name ("قوات سوريا الديمقراطية (قسد)", "سانا (رسمية)")
# belongs to the name: splitting there leaves the name's clause without its verb's object.
_GLOSS = re.compile(r"\(([^()،,:.؛;\n]{1,30})\)")


def segment(doc: Doc) -> None:
    """Fill ``doc.sentences`` from ``doc.lines`` (which must already carry roles)."""
    norm = doc.norm
    sentences: list[Sentence] = []
    paragraph = -1
    prev_blank = True
    for line in doc.lines:
        if line.role == BLANK or line.start == line.end or not norm[line.start:line.end].strip():
            prev_blank = True
            continue
        if prev_blank:
            paragraph += 1
        prev_blank = False
        start = line.start
        for stop in _sentence_ends(norm, line.start, line.end):
            _add(doc, sentences, start, stop, line.index, line.role, paragraph)
            start = stop
        _add(doc, sentences, start, line.end, line.index, line.role, paragraph)
    for i, s in enumerate(sentences):
        s.index = i
    doc.sentences = sentences


def _sentence_ends(text: str, pos: int, endpos: int) -> list[int]:
    """The ends of `_SENT_END`'s matches in ``text[pos:endpos]``, in linear time."""
    ends = []
    for run in _PUNCT_RUN.finditer(text, pos, endpos):
        s, e = run.span()
        if e - s == 1 and text[s] == "." and _is_initial(text, s, pos):
            continue
        nxt = text[e] if e < endpos else ""
        at_end = nxt == "" or nxt.isspace()
        prev_digit = s > 0 and text[s - 1].isdigit()
        i = s
        while i < e:
            # Inside a run the previous character is punctuation, never a digit.
            if (i > s or not prev_digit) and (at_end or nxt in _AFTER_END):
                ends.append(e)                           # alternative 1: to the run's end
                break
            if i == s and prev_digit and at_end:
                ends.append(e)                           # alternative 2
                break
            if text[i] in _STRONG:
                j = i
                while j < e and text[j] in _STRONG:
                    j += 1
                ends.append(j)                           # alternative 3: ! ? ؟ ; ؛ alone
                i = j
            else:
                i += 1
    return ends


def _is_initial(text: str, dot: int, pos: int) -> bool:
    """True when the dot at ``dot`` closes one Arabic letter standing alone as a word.

    A letter after a number ("الساعة 8 م.", "1445 هـ.") is a unit that can end a sentence."""
    if dot - 2 < pos or not "\u0621" <= text[dot - 1] <= "\u064a" or text[dot - 2] not in _INITIAL_BEFORE:
        return False
    if dot + 1 >= len(text) or text[dot + 1] != " ":
        return False
    return not (dot - 3 >= pos and text[dot - 3].isdigit())


def _add(doc: Doc, out: list[Sentence], start: int, end: int, line: int, role: str, paragraph: int) -> None:
    norm = doc.norm
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    if start >= end or not any(ch.isalnum() for ch in norm[start:end]):
        return
    sent = Sentence(start, end, line, role, paragraph)
    cstart = start
    gloss_end = -1
    for m in _CLAUSE_END.finditer(norm, start, end):
        if m.start() < gloss_end:
            continue
        if m.group() == "(":
            g = _GLOSS.match(norm, m.start(), end)
            if g and len(g.group(1).split()) <= 3 and norm[start:m.start()].rstrip()[-1:].isalpha():
                gloss_end = g.end()
                continue
        # A comma between digits is a thousands separator, a colon a clock time ("11:40").
        if m.group() in ",:" and 0 < m.start() < len(norm) - 1 and norm[m.start() - 1].isdigit() and norm[m.start() + 1].isdigit():
            continue
        if m.start() > cstart:
            sent.clauses.append(Clause(cstart, m.start()))
        cstart = m.end()
    if cstart < end:
        sent.clauses.append(Clause(cstart, end))
    if not sent.clauses:
        sent.clauses.append(Clause(start, end))
    out.append(sent)
