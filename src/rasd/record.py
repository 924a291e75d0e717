"""The output record: what rasd says an article claims (FORMAT.md §2).

Owns: `Record`, `Location`, `Quantity`-style count dicts and `Source`, and their JSON
form (`Record.to_dict`, every required key present, in a stable order).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .doc import Evidence


@dataclass
class Location:
    mention: str
    name_ar: str | None = None
    name_en: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geo_precision: int = 1
    gazetteer_id: str | None = None
    pcode: str | None = None

    def to_dict(self) -> dict:
        return {
            "mention": self.mention, "name_ar": self.name_ar, "name_en": self.name_en,
            "admin1": self.admin1, "admin2": self.admin2, "country": self.country,
            "lat": self.lat, "lon": self.lon, "geo_precision": self.geo_precision,
            "gazetteer_id": self.gazetteer_id, "pcode": self.pcode,
        }


@dataclass
class Source:
    outlet: str | None = None
    cited: str | None = None
    cited_kind: str = "none"
    hedged: bool = False

    def to_dict(self) -> dict:
        return {"outlet": self.outlet, "cited": self.cited, "cited_kind": self.cited_kind, "hedged": self.hedged}


@dataclass
class Record:
    doc_id: str
    record_kind: str                      # "event" | "aggregate_claim"
    rasd_type: str
    event_type: str | None
    sub_event_type: str | None
    date_start: str | None = None
    date_end: str | None = None
    time_precision: int = 3
    date_phrase: str | None = None
    location: Location | None = None
    actor1: str | None = None
    inter1: int | None = None
    actor2: str | None = None
    inter2: int | None = None
    fatalities: dict | None = None        # {"low", "best", "high"}
    counts: list[dict] = field(default_factory=list)
    source: Source = field(default_factory=Source)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    notes: str = ""
    extras: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = {
            "doc_id": self.doc_id,
            "record_kind": self.record_kind,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "rasd_type": self.rasd_type,
            "date_start": self.date_start,
            "date_end": self.date_end,
            "time_precision": self.time_precision,
            "date_phrase": self.date_phrase,
            "location": self.location.to_dict() if self.location else None,
            "actor1": self.actor1, "inter1": self.inter1,
            "actor2": self.actor2, "inter2": self.inter2,
            "fatalities": self.fatalities,
            "counts": self.counts,
            "source": self.source.to_dict(),
            "evidence": [e.to_dict() for e in self.evidence],
            "confidence": round(self.confidence, 3),
            "notes": self.notes,
        }
        d.update(self.extras)
        return d
