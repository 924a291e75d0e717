"""Cross-report deduplication: records from different articles that tell of one event.

Owns: the merging rule as pure functions over record dicts (no SQL, no I/O beyond the
rule's data file `lang/ar/dedup.yaml`): type families, the pairwise check `same_event`,
candidate blocking, deterministic clustering with a chaining guard, the summary of a
cluster as one event (`summarize`: fatalities range, corroboration, contradictions) and
`explain`.

A record dict here is `Record.to_dict()` plus ``id`` (a stable record id) and optionally
``doc`` (the id of the stored document it came from; ``doc_id`` is used without it).
Records of one document are never merged here: merging inside an article already
happened in the pipeline (`merge.py`), so two records of one article are two events.
"""
from __future__ import annotations

import hashlib
import math
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

from .lexicon import lang_dir
from .normalize import normalize_key

EARTH_RADIUS_KM = 6371.0088
NEAR_MISS_DAYS = 7     # explain: other records this close in time are worth a line


@dataclass(frozen=True)
class Rule:
    by_sub_type: dict[str, str]
    by_type: dict[str, str]
    max_km: float
    no_merge_geo_precision: int
    date_slack_days: int
    unknown_actor_prefixes: tuple[str, ...]


@lru_cache(maxsize=1)
def rule() -> Rule:
    """The merging rule's data (`lang/ar/dedup.yaml`), loaded once."""
    path = lang_dir() / "dedup.yaml"
    if not path.is_file():      # an edited RASD_LANG_DIR copy older than this file
        path = Path(__file__).resolve().parent / "lang" / "ar" / "dedup.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    by_sub: dict[str, str] = {}
    by_type: dict[str, str] = {}
    for name, fam in data["families"].items():
        for t in fam.get("event_types") or []:
            by_type[t] = name
        for s in fam.get("sub_event_types") or []:
            by_sub[s] = name
    return Rule(by_sub, by_type, float(data["max_km"]), int(data.get("no_merge_geo_precision", 3)),
                int(data["date_slack_days"]),
                tuple(data.get("unknown_actor_prefixes") or ()))


# --------------------------------------------------------------------------- criteria

def family(rec: dict) -> str | None:
    """The type family of a record (None for aggregate claims and untyped records)."""
    if rec.get("record_kind") not in (None, "event"):
        return None
    r = rule()
    sub = rec.get("sub_event_type")
    if sub in r.by_sub_type:
        return r.by_sub_type[sub]
    return r.by_type.get(rec.get("event_type") or "")


def doc_of(rec: dict) -> str | None:
    return rec.get("doc") or rec.get("doc_id")


def interval(rec: dict) -> tuple[date, date] | None:
    """The record's date interval; one missing end is taken to equal the other."""
    s, e = rec.get("date_start"), rec.get("date_end")
    if not s and not e:
        return None
    a, b = date.fromisoformat(s or e), date.fromisoformat(e or s)
    return (a, b) if a <= b else (b, a)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _place_name(loc: dict) -> str:
    return loc.get("name_en") or loc.get("name_ar") or loc.get("mention") or "?"


def place_match(a: dict, b: dict) -> tuple[bool, str, float | None]:
    """Same place? (ok, why, distance in km when both have coordinates)."""
    la, lb = a.get("location") or {}, b.get("location") or {}
    if not la or not lb:
        return False, "a report has no place", None
    vague = rule().no_merge_geo_precision
    for loc in (la, lb):
        if (loc.get("geo_precision") or 0) >= vague:
            return False, f"«{loc.get('mention') or _place_name(loc)}» is only a region (geo_precision {vague})", None
    dist = None
    if la.get("lat") is not None and lb.get("lat") is not None:
        dist = haversine_km(la["lat"], la["lon"], lb["lat"], lb["lon"])
    if la.get("gazetteer_id") and la.get("gazetteer_id") == lb.get("gazetteer_id"):
        return True, f"same gazetteer place {_place_name(la)} ({la['gazetteer_id']})", dist
    if dist is not None:
        ok = dist <= rule().max_km
        rel = "within" if ok else "more than"
        return ok, f"{_place_name(la)} and {_place_name(lb)} are {dist:.1f} km apart ({rel} {rule().max_km:g} km)", dist
    ma, mb = normalize_key(la.get("mention") or ""), normalize_key(lb.get("mention") or "")
    if ma and ma == mb and la.get("admin1") and la.get("admin1") == lb.get("admin1"):
        return True, f"same place name «{la.get('mention')}» in {la['admin1']} (no coordinates)", None
    return False, (f"places «{la.get('mention') or '-'}» ({la.get('admin1') or '-'}) and "
                   f"«{lb.get('mention') or '-'}» ({lb.get('admin1') or '-'}) cannot be shown to be one"), None


def dates_overlap(a: dict, b: dict) -> tuple[bool, str]:
    ia, ib = interval(a), interval(b)
    if ia is None or ib is None:
        return False, "a report has no date"
    slack = timedelta(days=rule().date_slack_days)
    ok = ia[0] - slack <= ib[1] and ib[0] - slack <= ia[1]
    fmt = lambda i: i[0].isoformat() if i[0] == i[1] else f"{i[0].isoformat()}..{i[1].isoformat()}"  # noqa: E731
    return ok, f"dates {fmt(ia)} and {fmt(ib)} {'overlap' if ok else 'do not overlap'}"


def known_actor(name: str | None) -> bool:
    return bool(name) and not name.startswith(rule().unknown_actor_prefixes)


def _slots_compatible(x: tuple, y: tuple) -> bool:
    return all(not known_actor(p) or not known_actor(q) or p == q for p, q in zip(x, y))


def actors_compatible(a: dict, b: dict) -> tuple[bool, str]:
    """Equal actors, or one side unknown/unidentified; a battle's two sides in either order."""
    x, y = (a.get("actor1"), a.get("actor2")), (b.get("actor1"), b.get("actor2"))
    show = lambda t: f"{t[0] or '?'} / {t[1] or '?'}"  # noqa: E731
    if _slots_compatible(x, y):
        return True, f"actors compatible ({show(x)} ~ {show(y)})"
    if family(a) == "battle" and _slots_compatible(x, y[::-1]):
        return True, f"actors compatible, sides swapped ({show(x)} ~ {show(y)})"
    return False, f"actors differ ({show(x)} vs {show(y)})"


def compare(a: dict, b: dict) -> dict[str, tuple[bool, str]]:
    """Every criterion of the rule, each as (passed, human-readable reason)."""
    fa, fb = family(a), family(b)
    out: dict[str, tuple[bool, str]] = {}
    same_doc = doc_of(a) == doc_of(b)
    out["documents"] = (not same_doc, "same document (merged by the pipeline, never here)" if same_doc
                        else "different documents")
    out["type"] = (fa is not None and fa == fb,
                   f"same type family {fa}" if fa is not None and fa == fb else f"type families differ ({fa} vs {fb})")
    ok, why, _ = place_match(a, b)
    out["place"] = (ok, why)
    out["date"] = dates_overlap(a, b)
    out["actors"] = actors_compatible(a, b)
    return out


def same_event(a: dict, b: dict) -> tuple[bool, list[str]]:
    """Do records ``a`` and ``b`` (from different documents) describe one event?

    All criteria must pass: different documents, same type family, same place (same
    gazetteer id, coordinates within `max_km`, or same normalised mention and admin1 when
    coordinates are missing), overlapping date intervals, compatible actors. The reasons
    list every criterion, failed ones first.
    """
    crit = compare(a, b)
    reasons = [why for ok, why in crit.values() if not ok] + [why for ok, why in crit.values() if ok]
    return all(ok for ok, _ in crit.values()), reasons


# --------------------------------------------------------------------------- clustering

def block_key(rec: dict) -> tuple[str, str] | None:
    """Candidates share a country and a type family; records without either never merge."""
    fam = family(rec)
    country = (rec.get("location") or {}).get("country")
    if fam is None or not country or interval(rec) is None:
        return None
    return country, fam


def _pair_order(a: dict, b: dict) -> tuple:
    # Strongest evidence first: same gazetteer place, then nearest, then closest dates.
    la, lb = a.get("location") or {}, b.get("location") or {}
    same_id = bool(la.get("gazetteer_id")) and la.get("gazetteer_id") == lb.get("gazetteer_id")
    _, _, dist = place_match(a, b)
    ia, ib = interval(a), interval(b)
    gap = abs((ia[0] - ib[0]).days) + abs((ia[1] - ib[1]).days)
    return (not same_id, dist if dist is not None else 0.0, gap, *sorted((a["id"], b["id"])))


def cluster(records: Iterable[dict]) -> list[list[dict]]:
    """Group records into events, deterministically (input order does not matter).

    Within each block, every pair passing `same_event` is a candidate link; links are
    taken strongest first (see `_pair_order`) and two clusters join only when EVERY
    record of one is `same_event` with every record of the other (complete linkage).
    That is the chaining guard: A~B and B~C do not put A with C unless A~C, so a chain of
    reports of neighbouring towns or consecutive days cannot snowball into one event.
    Records that link to nothing are single-report events. Output: clusters sorted by
    their first record id, members sorted by id.
    """
    recs = sorted(records, key=lambda r: r["id"])
    blocks: dict[tuple, list[dict]] = {}
    singles: list[list[dict]] = []
    for r in recs:
        k = block_key(r)
        if k is None:
            singles.append([r])
        else:
            blocks.setdefault(k, []).append(r)
    out = singles
    for members in blocks.values():
        out.extend(_cluster_block(members))
    for c in out:
        c.sort(key=lambda r: r["id"])
    out.sort(key=lambda c: c[0]["id"])
    return out


def _place_keys(rec: dict, cell_deg: float) -> list[tuple]:
    """Keys under which a record can meet the records it may `place_match`: its gazetteer
    id, its normalised mention in its admin1, and its grid cell (paired with the 8 cells
    around it, see `_candidate_pairs`)."""
    loc = rec.get("location") or {}
    keys: list[tuple] = []
    if loc.get("gazetteer_id"):
        keys.append(("g", loc["gazetteer_id"]))
    mention = normalize_key(loc.get("mention") or "")
    if mention and loc.get("admin1"):
        keys.append(("m", loc["admin1"], mention))
    if loc.get("lat") is not None and loc.get("lon") is not None:
        keys.append(("c", math.floor(loc["lat"] / cell_deg), math.floor(loc["lon"] / cell_deg)))
    return keys


def _candidate_pairs(members: list[dict], ivs: dict[str, tuple[date, date]]) -> Iterable[tuple[dict, dict]]:
    """Every pair that could pass `place_match` and `dates_overlap`, each once.

    Places first: records meet inside a gazetteer id, a mention + admin1, or a 3×3 block
    of grid cells at least `max_km` wide (so two points within `max_km` always share a
    block); then a sweep by start date inside each group compares only overlapping dates.
    """
    # A cell is max_km wide in latitude, and in longitude up to 60° north or south.
    cell_deg = rule().max_km / 111.0 / math.cos(math.radians(60))
    slack = timedelta(days=rule().date_slack_days)
    buckets: dict[tuple, list[dict]] = {}
    for r in members:
        for k in _place_keys(r, cell_deg):
            buckets.setdefault(k, []).append(r)
    groups = []
    for k, rs in buckets.items():
        if k[0] != "c":
            groups.append(rs)
        else:
            groups.append([r for dy in (-1, 0, 1) for dx in (-1, 0, 1)
                           for r in buckets.get(("c", k[1] + dy, k[2] + dx), ())])
    seen: set[tuple[str, str]] = set()
    for group in groups:
        order = sorted(group, key=lambda r: (ivs[r["id"]][0], r["id"]))
        for i, a in enumerate(order):
            a_end = ivs[a["id"]][1] + slack
            for b in order[i + 1:]:
                if ivs[b["id"]][0] - slack > a_end:
                    break
                key = (a["id"], b["id"]) if a["id"] < b["id"] else (b["id"], a["id"])
                if key not in seen:
                    seen.add(key)
                    yield a, b


def _cluster_block(members: list[dict]) -> list[list[dict]]:
    ivs = {r["id"]: interval(r) for r in members}
    ok: set[tuple[str, str]] = set()
    links = []
    for a, b in _candidate_pairs(members, ivs):
        if same_event(a, b)[0]:
            ok.add((a["id"], b["id"]))
            ok.add((b["id"], a["id"]))
            links.append((_pair_order(a, b), a, b))
    links.sort(key=lambda t: t[0])
    where: dict[str, list[dict]] = {r["id"]: [r] for r in members}
    for _, a, b in links:
        ca, cb = where[a["id"]], where[b["id"]]
        if ca is cb:
            continue
        if all((x["id"], y["id"]) in ok for x in ca for y in cb):
            ca.extend(cb)
            for r in cb:
                where[r["id"]] = ca
    seen: set[int] = set()
    out = []
    for r in members:
        c = where[r["id"]]
        if id(c) not in seen:
            seen.add(id(c))
            out.append(c)
    return out


def event_id(members: Iterable[dict]) -> str:
    """Stable: the same member records always give the same event id."""
    key = "|".join(sorted(r["id"] for r in members))
    return "ev-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]


# --------------------------------------------------------------------------- summary

def _representative(members: list[dict]) -> dict:
    # The most precise place (ACLED geo_precision 1 is best), then the most confident.
    def key(r: dict) -> tuple:
        loc = r.get("location") or {}
        has_xy = loc.get("lat") is not None
        return (not has_xy, loc.get("geo_precision") or 9, -(r.get("confidence") or 0), r["id"])
    return min(members, key=key)


def _outlet(r: dict) -> str:
    return (r.get("source") or {}).get("outlet") or ""


def fatalities_summary(members: list[dict]) -> dict:
    """low = min of lows, high = max of highs (open if any is open), best = the lowest best
    (ACLED's conservative rule when sources conflict); reports with no toll are skipped."""
    by_report = []
    for r in members:
        f = r.get("fatalities")
        if not f:
            continue
        by_report.append({"record_id": r["id"], "doc": doc_of(r), "outlet": _outlet(r) or None,
                          "cited": (r.get("source") or {}).get("cited"),
                          "low": f.get("low"), "best": f.get("best"), "high": f.get("high")})
    lows = [x["low"] for x in by_report if x["low"] is not None]
    bests = [x["best"] for x in by_report if x["best"] is not None]
    highs = [x["high"] for x in by_report]
    high = None if not highs or any(h is None for h in highs) else max(highs)
    return {"low": min(lows) if lows else None, "best": min(bests) if bests else None,
            "high": high, "by_report": by_report}


def contradictions(members: list[dict]) -> list[dict]:
    """Where the reports disagree: tolls, actors, sub-event types, with who said what."""
    out = []
    checks = [
        ("fatalities", lambda r: (r.get("fatalities") or {}).get("best")),
        ("actor1", lambda r: r.get("actor1")),
        ("actor2", lambda r: r.get("actor2")),
        ("sub_event_type", lambda r: r.get("sub_event_type")),
    ]
    for field, get in checks:
        said = [(get(r), r) for r in members if get(r) is not None]
        if len({v for v, _ in said}) > 1:
            out.append({"field": field, "reports": [
                {"record_id": r["id"], "doc": doc_of(r), "outlet": _outlet(r) or None, "value": v} for v, r in said]})
    return out


def _common_interval(members: list[dict]) -> tuple[str | None, str | None]:
    ivs = [interval(r) for r in members if interval(r) is not None]
    if not ivs:
        return None, None
    s, e = max(i[0] for i in ivs), min(i[1] for i in ivs)
    if s > e:      # only possible with a date slack: fall back to the whole span
        s, e = min(i[0] for i in ivs), max(i[1] for i in ivs)
    return s.isoformat(), e.isoformat()


def summarize(members: list[dict]) -> dict:
    """One event dict from its member records (sorted or not)."""
    members = sorted(members, key=lambda r: r["id"])
    rep = _representative(members)
    subs: dict[str, int] = {}
    for r in members:
        if r.get("sub_event_type"):
            subs[r["sub_event_type"]] = subs.get(r["sub_event_type"], 0) + 1
    # The sub-event type most reports give; ties go to the representative's.
    sub = max(subs, key=lambda s: (subs[s], s == rep.get("sub_event_type"), s)) if subs else rep.get("sub_event_type")
    typ = next((r.get("event_type") for r in members if r.get("sub_event_type") == sub), rep.get("event_type"))

    def actor(slot: str) -> str | None:
        # A named actor beats an unidentified one; the representative's first.
        vals = [rep.get(slot)] + [r.get(slot) for r in members]
        return next((v for v in vals if known_actor(v)), next((v for v in vals if v), None))

    start, end = _common_interval(members)
    loc = dict(rep.get("location") or {})
    sources = {_outlet(r) or f"doc:{doc_of(r)}" for r in members}
    return {
        "id": event_id(members),
        "event_type": typ,
        "sub_event_type": sub,
        "date_start": start,
        "date_end": end,
        "location": {k: loc.get(k) for k in ("mention", "name_ar", "name_en", "admin1", "country", "lat", "lon",
                                             "geo_precision", "gazetteer_id")},
        "actor1": actor("actor1"),
        "actor2": actor("actor2"),
        "fatalities": fatalities_summary(members),
        "n_reports": len(members),
        "n_sources": len(sources),
        "contradictions": contradictions(members),
        "reports": [r["id"] for r in members],
        "report_ids": [r["id"] for r in members],   # `Store.event` replaces "reports" by full reports
        "representative": rep["id"],
    }


def explain(members: list[dict], others: Iterable[dict] = ()) -> list[str]:
    """Why these records are one event, and why each nearby record is not in it.

    ``others`` are candidate records outside the event (e.g. same country); those passing
    at least the type or place criterion and within a week are reported as near-misses.
    """
    members = sorted(members, key=lambda r: r["id"])
    lines = []
    if len(members) == 1:
        lines.append(f"single report {members[0]['id']}: no other report passed every criterion")
    for i, a in enumerate(members):
        for b in members[i + 1:]:
            ok, reasons = same_event(a, b)
            lines.append(f"merged {a['id']} + {b['id']}: " + "; ".join(reasons))
    ids = {r["id"] for r in members}
    docs = {doc_of(r) for r in members}
    for o in sorted(others, key=lambda r: r["id"]):
        # Records of the members' own documents are other events by construction.
        if o["id"] in ids or doc_of(o) in docs:
            continue
        best = None
        for m in members:
            crit = compare(m, o)
            if not (crit["type"][0] or crit["place"][0]):
                continue
            ia, ib = interval(m), interval(o)
            if ia is None or ib is None or abs((ia[0] - ib[0]).days) > NEAR_MISS_DAYS:
                continue
            failed = [why for ok, why in crit.values() if not ok]
            if best is None or len(failed) < len(best[1]):
                best = (m, failed)
        if best is not None:
            why = "; ".join(best[1]) or "compatible with one member but not with all (chaining guard)"
            lines.append(f"not merged {o['id']} (vs {best[0]['id']}): {why}")
    return lines


def summarize_all(records: Iterable[dict]) -> list[dict]:
    """Cluster and summarise: every event record becomes part of exactly one event."""
    return [summarize(c) for c in cluster(r for r in records if family(r) is not None)]


__all__ = ["same_event", "compare", "cluster", "summarize", "summarize_all", "explain", "event_id", "family",
           "haversine_km", "rule"]
