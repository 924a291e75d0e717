"""The pipeline: clean → normalise → segment → find mentions → assemble → merge.

Owns: the order of the stages and the public entry point `extract`. Each stage lives
in its own module with a narrow interface; data flows forward only.
"""
from __future__ import annotations

from datetime import date

from . import layout
from .actors import find_actors
from .assemble import Mentions, assemble
from .attribution import find_attributions, hedge_cues
from .dates import find_dates
from .doc import Doc
from .merge import merge
from .numbers import find_quantities
from .places import find_places
from .record import Record
from .segment import segment
from .triggers import find_triggers, index_cues, lexicon


def _as_date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(value)


def build_doc(text: str, published: date | str | None = None, outlet: str | None = None,
              doc_id: str = "doc", url: str | None = None) -> Doc:
    """Normalise, lay out (line roles, outlet) and segment a text."""
    doc = Doc.from_text(text, doc_id=doc_id, published=_as_date(published), outlet=outlet, url=url)
    layout.assign_roles(doc)
    segment(doc)
    return doc


def find_mentions(doc: Doc) -> Mentions:
    """Every kind of mention in ``doc`` (triggers, places, actors, numbers, dates, sources)."""
    lex = lexicon()
    cues = index_cues(doc, lex)
    return _mentions(doc, cues, find_triggers(doc, cues, lex))


def _mentions(doc: Doc, cues, triggers) -> Mentions:
    norm = doc.norm
    actors = find_actors(doc)
    hedges = hedge_cues(doc)
    return Mentions(
        triggers=triggers,
        places=find_places(doc),
        actors=actors,
        quantities=find_quantities(norm),
        dates=find_dates(norm),
        attributions=find_attributions(doc, actors, hedges),   # speakers are actors: match them once
        hedges=hedges,
        cues=cues,
    )


def process(doc: Doc) -> list[Record]:
    lex = lexicon()
    cues = index_cues(doc, lex)
    triggers = find_triggers(doc, cues, lex)
    if not triggers:
        # No event words, no records: skip the place, actor and number finders entirely
        # (news feeds carry many such pages: sport, economy, politics).
        return []
    return merge(doc, assemble(doc, _mentions(doc, cues, triggers), lex), lex)


def extract(text: str, published: date | str | None = None, outlet: str | None = None,
            doc_id: str = "doc", url: str | None = None) -> list[Record]:
    """Extract source-attributed event records from one Arabic article.

    ``published`` (a date or "YYYY-MM-DD") resolves relative dates; without it they
    stay null. Evidence offsets index into ``text`` exactly as given.
    """
    return process(build_doc(text, published, outlet, doc_id, url))
