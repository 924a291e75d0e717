"""Writing records: JSON Lines (rasd's own form) and ACLED-style CSV.

Owns: `ACLED_COLUMNS`, `record_to_acled_row` (one `Record.to_dict()` dict to one flat
ACLED export row plus rasd extras, evidence included as JSON) and `RecordWriter`, which
picks the format from the output path's suffix.
"""
from __future__ import annotations

import csv
import gzip
import hashlib
import io
import json
import sys
import time
from pathlib import Path
from typing import IO, Any

ACLED_COLUMNS: list[str] = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
    # rasd extras
    "rasd_type", "record_kind", "date_start", "date_end", "fatalities_low", "fatalities_high",
    "cited", "cited_kind", "hedged", "doc_id", "evidence_json",
]

# ACLED's export conventions (ISO 3166 numeric code, ISO3 for event ids, English name and
# ACLED region) for the countries rasd covers and their neighbours. This is the fixed
# output format of ACLED, not language knowledge, so it is kept beside the writer.
_COUNTRIES: dict[str, tuple[int, str, str, str]] = {
    "SY": (760, "SYR", "Syria", "Middle East"),
    "YE": (887, "YEM", "Yemen", "Middle East"),
    "IQ": (368, "IRQ", "Iraq", "Middle East"),
    "LB": (422, "LBN", "Lebanon", "Middle East"),
    "PS": (275, "PSE", "Palestine", "Middle East"),
    "IL": (376, "ISR", "Israel", "Middle East"),
    "JO": (400, "JOR", "Jordan", "Middle East"),
    "TR": (792, "TUR", "Turkey", "Middle East"),
    "IR": (364, "IRN", "Iran", "Middle East"),
    "SA": (682, "SAU", "Saudi Arabia", "Middle East"),
    "KW": (414, "KWT", "Kuwait", "Middle East"),
    "AE": (784, "ARE", "United Arab Emirates", "Middle East"),
    "OM": (512, "OMN", "Oman", "Middle East"),
    "BH": (48, "BHR", "Bahrain", "Middle East"),
    "QA": (634, "QAT", "Qatar", "Middle East"),
    "EG": (818, "EGY", "Egypt", "Northern Africa"),
    "LY": (434, "LBY", "Libya", "Northern Africa"),
    "SD": (729, "SDN", "Sudan", "Northern Africa"),
    "TN": (788, "TUN", "Tunisia", "Northern Africa"),
    "DZ": (12, "DZA", "Algeria", "Northern Africa"),
    "MA": (504, "MAR", "Morocco", "Northern Africa"),
    "SO": (706, "SOM", "Somalia", "Eastern Africa"),
    "SS": (728, "SSD", "South Sudan", "Eastern Africa"),
    "ET": (231, "ETH", "Ethiopia", "Eastern Africa"),
    "TD": (148, "TCD", "Chad", "Middle Africa"),
}
_POLITICAL_VIOLENCE = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
_DEMONSTRATIONS = {"Protests", "Riots"}


def _disorder(event_type: str | None, sub_event_type: str | None) -> str:
    if event_type in _POLITICAL_VIOLENCE:
        return "Political violence"
    if sub_event_type == "Excessive force against protesters":
        return "Political violence; Demonstrations"
    if event_type in _DEMONSTRATIONS:
        return "Demonstrations"
    return "Strategic developments" if event_type else ""


def _blank(v: Any) -> Any:
    return "" if v is None else v


def record_to_acled_row(rec: dict) -> dict:
    """One record dict (``Record.to_dict()``) as a flat row keyed by `ACLED_COLUMNS`."""
    loc = rec.get("location") or {}
    src = rec.get("source") or {}
    fat = rec.get("fatalities") or {}
    iso2 = (loc.get("country") or rec.get("country") or "").upper()
    iso_num, iso3, country, region = _COUNTRIES.get(iso2, ("", iso2 or "XXX", iso2, ""))
    event_date = rec.get("date_end") or rec.get("date_start") or ""
    inter1, inter2 = rec.get("inter1"), rec.get("inter2")
    if inter1 and inter2:
        interaction: Any = min(inter1, inter2) * 10 + max(inter1, inter2)
    elif inter1 or inter2:
        interaction = (inter1 or inter2) * 10
    else:
        interaction = ""
    evidence = rec.get("evidence") or []
    trigger = next((e for e in evidence if e.get("field") == "trigger"), None)
    # A stable id: the same record from the same document always gets the same id.
    key = f"{rec.get('doc_id')}|{rec.get('rasd_type')}|{trigger and trigger.get('start')}|{trigger and trigger.get('end')}"
    event_id = f"{iso3}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:10]}"
    tags = [f"{c.get('what')}={c.get('best') if c.get('best') is not None else c.get('low')}"
            for c in rec.get("counts") or [] if c.get("what")]
    if src.get("hedged"):
        tags.append("hedged")
    sources = [s for s in (src.get("outlet"), src.get("cited")) if s]
    civ = "Civilian targeting" if inter2 == 7 and rec.get("event_type") in _POLITICAL_VIOLENCE else ""
    row = {
        "event_id_cnty": event_id,
        "event_date": event_date,
        "year": event_date[:4],
        "time_precision": _blank(rec.get("time_precision")),
        "disorder_type": _disorder(rec.get("event_type"), rec.get("sub_event_type")),
        "event_type": _blank(rec.get("event_type")),
        "sub_event_type": _blank(rec.get("sub_event_type")),
        "actor1": _blank(rec.get("actor1")),
        "assoc_actor_1": _blank(rec.get("assoc_actor_1")),
        "inter1": _blank(inter1),
        "actor2": _blank(rec.get("actor2")),
        "assoc_actor_2": _blank(rec.get("assoc_actor_2")),
        "inter2": _blank(inter2),
        "interaction": interaction,
        "civilian_targeting": civ,
        "iso": iso_num,
        "region": region,
        "country": country,
        "admin1": _blank(loc.get("admin1")),
        "admin2": _blank(loc.get("admin2")),
        "admin3": _blank(loc.get("admin3")),
        "location": loc.get("name_en") or loc.get("name_ar") or loc.get("mention") or "",
        "latitude": _blank(loc.get("lat")),
        "longitude": _blank(loc.get("lon")),
        "geo_precision": _blank(loc.get("geo_precision")) if loc else "",
        "source": "; ".join(sources),
        "source_scale": _blank(rec.get("source_scale")),
        "notes": rec.get("notes") or "",
        "fatalities": fat.get("best") if fat.get("best") is not None else 0,
        "tags": "; ".join(tags),
        "timestamp": int(time.time()),
        "rasd_type": _blank(rec.get("rasd_type")),
        "record_kind": _blank(rec.get("record_kind")),
        "date_start": _blank(rec.get("date_start")),
        "date_end": _blank(rec.get("date_end")),
        "fatalities_low": _blank(fat.get("low")),
        "fatalities_high": _blank(fat.get("high")),
        "cited": _blank(src.get("cited")),
        "cited_kind": _blank(src.get("cited_kind")),
        "hedged": bool(src.get("hedged")),
        "doc_id": _blank(rec.get("doc_id")),
        "evidence_json": json.dumps(evidence, ensure_ascii=False),
    }
    return row


class RecordWriter:
    """Write records to ``path``: ``.csv`` gives ACLED columns (UTF-8 with BOM so that
    Excel shows Arabic), ``-`` JSON Lines on stdout, anything else (``.jsonl``, ``.json``,
    ``.jsonl.gz``) JSON Lines."""

    def __init__(self, path: str | Path):
        self.path = str(path)
        self.count = 0
        self._csv: csv.DictWriter | None = None
        self._own = True
        name = self.path.lower()
        if self.path == "-":
            self._fh: IO[str] = sys.stdout
            self._own = False
        else:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            if name.endswith(".gz"):
                self._fh = io.TextIOWrapper(gzip.open(self.path, "wb"), encoding="utf-8", newline="\n")
            elif name.endswith(".csv"):
                self._fh = open(self.path, "w", encoding="utf-8-sig", newline="")
                self._csv = csv.DictWriter(self._fh, fieldnames=ACLED_COLUMNS, extrasaction="ignore")
                self._csv.writeheader()
            else:
                self._fh = open(self.path, "w", encoding="utf-8", newline="\n")

    def write(self, rec: dict) -> None:
        if not isinstance(rec, dict) and hasattr(rec, "to_dict"):
            rec = rec.to_dict()
        if self._csv is not None:
            self._csv.writerow(record_to_acled_row(rec))
        else:
            self._fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self.count += 1

    def close(self) -> None:
        if self._own:
            if not self._fh.closed:
                self._fh.close()
        else:
            self._fh.flush()

    def __enter__(self) -> "RecordWriter":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
