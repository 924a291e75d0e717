"""rasd (رصد): Arabic conflict reporting → source-attributed, evidence-linked event records.

    >>> import rasd
    >>> records = rasd.extract(text, published="2019-06-20")
    >>> records[0].to_dict()
"""
from __future__ import annotations

__version__ = "0.1.0"

from .record import Location, Record, Source  # noqa: E402


def extract(text: str, published=None, outlet: str | None = None, doc_id: str = "doc", url: str | None = None) -> list[Record]:
    """Extract event records from one article (see rasd.pipeline.extract)."""
    from .pipeline import extract as _extract
    return _extract(text, published=published, outlet=outlet, doc_id=doc_id, url=url)


__all__ = ["extract", "Record", "Location", "Source", "__version__"]
