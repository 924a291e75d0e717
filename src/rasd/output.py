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


# --------------------------------------------------------------------------- events
# Cross-report events (rasd.store / rasd.dedup): one row per event, ACLED columns taken
# from the event's representative report, the toll and sources from all of them.

EVENT_COLUMNS: list[str] = ACLED_COLUMNS + [
    "n_reports", "n_sources", "n_contradictions", "contradictions", "fatalities_by_report", "report_ids",
]


def event_to_acled_row(event: dict, records: list[dict]) -> dict:
    """One event (``Store.events()`` dict) and its member record dicts as a flat row
    keyed by `EVENT_COLUMNS`. ``records`` may hold more than the event's members."""
    by_id = {r.get("id"): r for r in records}
    rep = by_id.get(event.get("representative")) or next((by_id[i] for i in event["reports"] if i in by_id), {})
    row = record_to_acled_row({**rep, "event_type": event.get("event_type"),
                               "sub_event_type": event.get("sub_event_type"),
                               "date_start": event.get("date_start"), "date_end": event.get("date_end"),
                               "actor1": event.get("actor1"), "actor2": event.get("actor2")})
    fat = event.get("fatalities") or {}
    members = [by_id[i] for i in event["reports"] if i in by_id]
    outlets = sorted({(m.get("source") or {}).get("outlet") for m in members} - {None, ""})
    cited = sorted({(m.get("source") or {}).get("cited") for m in members} - {None, ""})
    row.update({
        "event_id_cnty": event["id"],
        "source": "; ".join(outlets + cited),
        "fatalities": fat.get("best") if fat.get("best") is not None else 0,
        "fatalities_low": _blank(fat.get("low")),
        "fatalities_high": _blank(fat.get("high")),
        "doc_id": "; ".join(sorted({str(m.get("doc") or m.get("doc_id")) for m in members})),
        "n_reports": event.get("n_reports"),
        "n_sources": event.get("n_sources"),
        "n_contradictions": len(event.get("contradictions") or []),
        "contradictions": json.dumps(event.get("contradictions") or [], ensure_ascii=False),
        "fatalities_by_report": json.dumps(fat.get("by_report") or [], ensure_ascii=False),
        "report_ids": "; ".join(event["reports"]),
    })
    if event.get("updated_at"):
        # The newest report's ingestion time, so re-exporting an unchanged store is byte-identical.
        from datetime import datetime
        row["timestamp"] = int(datetime.fromisoformat(event["updated_at"]).timestamp())
    return row


def event_feature(event: dict) -> dict | None:
    """A GeoJSON Point feature for an event, None when its place has no coordinates."""
    loc = event.get("location") or {}
    if loc.get("lat") is None or loc.get("lon") is None:
        return None
    fat = event.get("fatalities") or {}
    props = {
        "id": event["id"], "event_type": event.get("event_type"), "sub_event_type": event.get("sub_event_type"),
        "date_start": event.get("date_start"), "date_end": event.get("date_end"),
        "location": loc.get("name_en") or loc.get("name_ar") or loc.get("mention"), "name_ar": loc.get("name_ar"),
        "admin1": loc.get("admin1"), "country": loc.get("country"), "geo_precision": loc.get("geo_precision"),
        "actor1": event.get("actor1"), "actor2": event.get("actor2"),
        "fatalities_low": fat.get("low"), "fatalities_best": fat.get("best"), "fatalities_high": fat.get("high"),
        "n_reports": event.get("n_reports"), "n_sources": event.get("n_sources"),
        "contradictions": event.get("contradictions") or [], "reports": event.get("reports") or [],
    }
    return {"type": "Feature", "geometry": {"type": "Point", "coordinates": [loc["lon"], loc["lat"]]},
            "properties": props}


def write_geojson(events: list[dict], path: str | Path) -> tuple[int, int]:
    """Write a FeatureCollection of event points; returns (written, left out: no coordinates)."""
    feats = [f for f in (event_feature(e) for e in events) if f is not None]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        json.dump({"type": "FeatureCollection", "features": feats}, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    return len(feats), len(events) - len(feats)


def write_parquet(rows: list[dict], path: str | Path, columns: list[str] | None = None) -> int:
    """Write flat rows (e.g. `event_to_acled_row`) as Parquet; CSV's empty strings become
    nulls so that numeric columns keep a numeric type."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns = columns or (list(rows[0]) if rows else EVENT_COLUMNS)
    data: dict[str, list] = {}
    for c in columns:
        vals = [None if r.get(c) == "" else r.get(c) for r in rows]
        kinds = {type(v) for v in vals if v is not None}
        if kinds == {int, float}:
            vals = [None if v is None else float(v) for v in vals]
        elif len(kinds) > 1:
            vals = [None if v is None else str(v) for v in vals]
        data[c] = vals
    table = pa.table({c: pa.array(v) if any(x is not None for x in v) else pa.array(v, type=pa.string())
                      for c, v in data.items()})
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, str(path))
    return len(rows)
