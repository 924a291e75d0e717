"""Batch processing of many input documents.

Owns: turning one input document into its output record dicts (`records_for`), the one
function the CLI, a local process pool and distributed backends all call, so every
runner writes the same records for the same document.
"""
from __future__ import annotations

from .inputs import InputDoc
from .pipeline import extract


def records_for(item: InputDoc) -> list[dict]:
    """The output records (JSON-ready dicts) of one decoded input document."""
    records = extract(item.text, published=item.published, outlet=item.outlet, doc_id=item.doc_id, url=item.url)
    out = []
    for rec in records:
        d = rec.to_dict()
        if item.is_html:
            # Offsets of an HTML input index its extracted text; the hash ties them to it.
            d["doc_text_sha1"] = item.text_sha1
        out.append(d)
    return out
