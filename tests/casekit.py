"""Shared by the table-driven extraction tests: a case (`C`), a partial record (`W`), how
a record matches one (`match_record`) and the checks every case gets (`check_case`)."""
from __future__ import annotations

import rasd
from rasd.normalize import normalize_key


def C(id, text, published, n=None, *want, **kw) -> dict:
    """A case: its id, text, publication date, the exact number of event records (or
    None) and the partial records it must yield."""
    case = dict(id=id, text=text, published=published, want=list(want), **kw)
    if n is not None:
        case["n"] = n
    return case


W = dict   # a partial record


def match_record(rec: dict, want: dict) -> bool:
    """Does ``rec`` agree with every key of the partial record ``want``? "place" matches
    the mention or the gazetteer name (with or without ال), "fatalities" the best figure,
    "count" a (what, best) pair among the counts; other keys compare as they are."""
    loc = rec.get("location") or {}
    for key, value in want.items():
        if key == "place":
            names = {normalize_key(x) for x in (loc.get("mention"), loc.get("name_ar")) if x}
            stripped = {n[2:] if n.startswith("ال") else n for n in names}
            v = normalize_key(value)
            if v not in names and (v[2:] if v.startswith("ال") else v) not in stripped:
                return False
        elif key in ("admin1", "country"):
            if loc.get(key) != value:
                return False
        elif key == "fatalities":
            if (rec.get("fatalities") or {}).get("best") != value:
                return False
        elif key == "fatalities_low":
            if not rec.get("fatalities") or rec["fatalities"]["low"] != value:
                return False
        elif key == "cited_kind":
            if rec["source"]["cited_kind"] != value:
                return False
        elif key == "count":
            what, best = value
            if not any(c["what"] == what and c["best"] == best for c in rec["counts"]):
                return False
        elif rec.get(key) != value:
            return False
    return True


def check_case(case: dict, among_events: bool = True, trigger_evidence: bool = False) -> list[dict]:
    """Extract the case's text and assert its event count, each wanted record (among the
    events, or among all records when ``among_events`` is false) and that every evidence
    span quotes the text exactly. Returns the records."""
    records = [r.to_dict() for r in rasd.extract(case["text"], published=case["published"])]
    events = [r for r in records if r["record_kind"] == "event"]
    if "n" in case:
        assert len(events) == case["n"], records
    assert case["want"] or "n" in case, "a case must assert something"
    pool = events if among_events else records
    for want in case["want"]:
        assert any(match_record(r, want) for r in pool), (want, records)
    for r in records:
        for ev in r["evidence"]:
            assert case["text"][ev["start"]:ev["end"]] == ev["text"]
        if trigger_evidence:
            assert any(ev["field"] == "trigger" for ev in r["evidence"])
    return records


def roles_case(case: str):
    """A layout case written as lines "role|text" (an empty role is a blank line): its
    Doc, roles assigned, and the roles written."""
    from rasd.doc import Doc
    from rasd.layout import assign_roles

    roles, lines = [], []
    for raw in case.strip("\n").split("\n"):
        role, _, text = raw.partition("|")
        roles.append(role or "blank")
        lines.append(text)
    doc = Doc.from_text("\n".join(lines))
    assign_roles(doc)
    return doc, roles


def check_roles(case: str) -> None:
    """Assert that `assign_roles` gives every line of a layout case its written role."""
    doc, roles = roles_case(case)
    got = [ln.role for ln in doc.lines]
    report = [f"{e:10s} {g:10s} {doc.norm[ln.start:ln.end][:60]}" for e, g, ln in zip(roles, got, doc.lines) if e != g]
    assert got == roles, "\n" + "\n".join(report)
