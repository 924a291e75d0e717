"""Scoring rasd's records against gold annotations, exactly as FORMAT.md §6 defines it.

Owns: reading gold files (FORMAT §3), the one-to-one matching of predicted records to
gold events per document, the figures (event precision/recall/F1, field accuracies on
matched pairs, aggregate claims, boilerplate false positives), the per-document listing
of misses and spurious records, and writing a gold set's texts as a JSON Lines input.

Matching. A predicted ``event`` can pair with a gold event when the ACLED ``event_type``
is equal and the locations agree (same normalised place name, same governorate when the
gold place is a region, or both null). Among the pairs allowed, the matching is a
maximum one-to-one matching that first covers as many *required* gold events as
possible, then optional ones; within that, each gold event prefers the prediction that
agrees on more fields. A prediction paired with an optional gold event is correct (it is
not a false positive) but only required events count for recall.
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .normalize import normalize_key

__all__ = ["EvalError", "GoldDoc", "SetScore", "load_gold", "load_predictions", "score_documents",
           "evaluate", "format_table", "format_per_doc", "resolve_texts", "write_inputs"]


class EvalError(ValueError):
    """A gold or prediction file that cannot be read; the message names the file and line."""


# --------------------------------------------------------------------------- reading

@dataclass
class GoldDoc:
    doc_id: str
    set_name: str
    published: str | None
    events: list[dict]
    aggregate_claims: list[dict]
    no_event_lines: list[str]
    path: Path


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    try:
        fh = open(path, encoding="utf-8-sig")
    except OSError as exc:
        raise EvalError(f"{path}: cannot read: {exc.strerror or exc}") from None
    with fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvalError(f"{path}:{n}: not JSON: {exc.msg}") from None
            if not isinstance(obj, dict):
                raise EvalError(f"{path}:{n}: expected a JSON object")
            yield n, obj


def load_gold(path: str | Path, set_name: str | None = None) -> list[GoldDoc]:
    """Gold documents of one file (FORMAT §3); ``set_name`` defaults to a name for the file."""
    path = Path(path)
    name = set_name or _set_name(path)
    docs = []
    for n, obj in _read_jsonl(path):
        doc_id = obj.get("doc_id")
        events = obj.get("events", [])
        if not isinstance(doc_id, str) or not doc_id:
            raise EvalError(f"{path}:{n}: missing doc_id")
        if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
            raise EvalError(f"{path}:{n}: events must be a list of objects")
        for e in events:
            if "event_type" not in e:
                raise EvalError(f"{path}:{n}: an event has no event_type")
        docs.append(GoldDoc(doc_id, name, obj.get("published"), events,
                            list(obj.get("aggregate_claims") or []), list(obj.get("no_event_lines") or []), path))
    return docs


def _set_name(path: Path) -> str:
    # "seed/gold.jsonl" says more than "gold"; "dev_gold.jsonl" is clear alone.
    return f"{path.parent.name}/{path.stem}" if path.stem == "gold" else path.stem


def load_predictions(paths: Iterable[str | Path]) -> dict[str, list[dict]]:
    """Records of ``rasd extract`` JSONL outputs, grouped by ``doc_id`` in file order."""
    by_doc: dict[str, list[dict]] = {}
    for p in paths:
        for n, obj in _read_jsonl(Path(p)):
            if not isinstance(obj.get("doc_id"), str):
                raise EvalError(f"{p}:{n}: record has no doc_id")
            by_doc.setdefault(obj["doc_id"], []).append(obj)
    return by_doc


def _stem(doc_id: str) -> str:
    return Path(doc_id).name.rsplit(".", 1)[0]


def _lookup(keys: Iterable[str], gold_id: str) -> str | None:
    """The key naming the same document as ``gold_id``: equal, or the same file stem
    ("article" is the gold id of the file ``rasd extract`` calls "article.txt")."""
    keys = list(keys)
    if gold_id in keys:
        return gold_id
    same = [k for k in keys if _stem(k) == _stem(gold_id)]
    return same[0] if len(same) == 1 else None


# --------------------------------------------------------------------------- texts

_TEXT_SUFFIXES = ("", ".txt", ".md", ".html", ".htm")


def _candidate_files(doc: GoldDoc) -> Iterator[Path]:
    # FORMAT's sets name documents relative to the gold file's folder (the seed) or to
    # the data folder beside it (the development set).
    base = doc.path.resolve().parent
    for root in (base, base.parent / "data", base.parent, Path.cwd()):
        for suffix in _TEXT_SUFFIXES:
            yield root / (doc.doc_id + suffix)


def resolve_texts(gold: list[GoldDoc], inputs: Iterable[str | Path] = ()) -> dict[str, str]:
    """Each gold document's text as rasd reads it: from ``inputs`` (files, directories,
    JSONL) when given, else from the file its ``doc_id`` names. Unresolved ids are absent."""
    from .inputs import InputDoc, iter_documents

    texts: dict[str, str] = {}
    inputs = list(inputs)
    if inputs:
        read = {d.doc_id: d.text for d in iter_documents(inputs) if isinstance(d, InputDoc)}
        for g in gold:
            key = _lookup(read, g.doc_id)
            if key is not None:
                texts[g.doc_id] = read[key]
        return texts
    for g in gold:
        for f in _candidate_files(g):
            if f.is_file():
                for d in iter_documents([f]):
                    if isinstance(d, InputDoc):
                        texts[g.doc_id] = d.text
                break
    return texts


def write_inputs(gold: list[GoldDoc], out: str | Path) -> int:
    """Write the gold documents' texts as a rasd JSONL input (ids and publication dates
    from the gold), so predictions carry the gold's doc ids. Returns the count written."""
    texts = resolve_texts(gold)
    # A file rasd refuses as a document (an English body under an Arabic menu) is a gold
    # document with no records: leaving it out of the input predicts exactly that.
    missing = [g.doc_id for g in gold
               if g.doc_id not in texts and not any(f.is_file() for f in _candidate_files(g))]
    if missing:
        raise EvalError(f"cannot find the text of {len(missing)} gold document(s), e.g. {missing[0]!r}")
    with open(out, "w", encoding="utf-8") as fh:
        for g in (g for g in gold if g.doc_id in texts):
            fh.write(json.dumps({"id": g.doc_id, "text": texts[g.doc_id], "published": g.published},
                                ensure_ascii=False) + "\n")
    return sum(g.doc_id in texts for g in gold)


# --------------------------------------------------------------------------- matching

_AL = re.compile(r"(?:^|(?<= ))ال")


def place_key(name: str | None) -> str:
    """A place name compared as §6 says: normalised letters, no article, no spaces."""
    if not name:
        return ""
    return _AL.sub("", normalize_key(name)).replace(" ", "")


def locations_agree(gold_loc: dict | None, pred_loc: dict | None) -> bool:
    if not gold_loc or not pred_loc:
        return not gold_loc and not pred_loc
    key = place_key(gold_loc.get("name_ar"))
    if key and key in {place_key(pred_loc.get("name_ar")), place_key(pred_loc.get("mention"))}:
        return True
    return gold_loc.get("geo_precision") == 3 and bool(gold_loc.get("admin1")) \
        and gold_loc.get("admin1") == pred_loc.get("admin1")


def _best(d: dict | None) -> int | None:
    return (d or {}).get("best")


def dates_agree(pred: dict, gold: dict) -> bool:
    """The predicted interval overlaps the gold one; a missing bound is open, but a gold
    date against a prediction with no date at all disagrees."""
    ps, pe, gs, ge = pred.get("date_start"), pred.get("date_end"), gold.get("date_start"), gold.get("date_end")
    if not (ps or pe):
        return not (gs or ge)
    if ps and ge and ps > ge:
        return False
    return not (pe and gs and pe < gs)


def _affinity(pred: dict, gold: dict) -> int:
    return (4 * (pred.get("sub_event_type") == gold.get("sub_event_type"))
            + 2 * dates_agree(pred, gold)
            + (_best(pred.get("fatalities")) == gold.get("fatalities_best"))
            + (pred.get("inter1") == gold.get("actor1_inter")))


def match(preds: list[dict], golds: list[dict], compatible, affinity=None) -> dict[int, int]:
    """Maximum one-to-one matching gold index → prediction index, covering required gold
    events first (Kuhn's augmenting paths never unmatch a gold event already matched)."""
    options = {}
    for gi, g in enumerate(golds):
        cands = [pi for pi, p in enumerate(preds) if compatible(p, g)]
        if affinity is not None:
            cands.sort(key=lambda pi: -affinity(preds[pi], g))
        options[gi] = cands
    owner: dict[int, int] = {}  # prediction index → gold index

    def augment(gi: int, seen: set[int]) -> bool:
        for pi in options[gi]:
            if pi in seen:
                continue
            seen.add(pi)
            if pi not in owner or augment(owner[pi], seen):
                owner[pi] = gi
                return True
        return False

    order = sorted(range(len(golds)), key=lambda gi: (not golds[gi].get("required", True), gi))
    for gi in order:
        augment(gi, set())
    return {gi: pi for pi, gi in owner.items()}


def _event_compatible(pred: dict, gold: dict) -> bool:
    return pred.get("event_type") == gold.get("event_type") and locations_agree(gold.get("location"), pred.get("location"))


def _claim_compatible(pred: dict, gold: dict) -> bool:
    loc = pred.get("location") or {}
    admin1 = gold.get("admin1")
    return loc.get("admin1") == admin1 if admin1 else not loc.get("admin1")


# --------------------------------------------------------------------------- scoring

@dataclass
class Ratio:
    hit: int = 0
    total: int = 0

    def add(self, ok: bool) -> None:
        self.hit += bool(ok)
        self.total += 1

    def __iadd__(self, other: Ratio) -> Ratio:
        self.hit += other.hit
        self.total += other.total
        return self

    @property
    def value(self) -> float | None:
        return self.hit / self.total if self.total else None


FIELDS = ("sub_event_type", "fatalities_best", "date", "actor1_inter", "cited_kind")


@dataclass
class SetScore:
    name: str
    documents: int = 0
    predictions: int = 0
    matched_predictions: int = 0
    required: int = 0
    matched_required: int = 0
    fields: dict[str, Ratio] = field(default_factory=lambda: {f: Ratio() for f in FIELDS})
    claims_predicted: int = 0
    claims_gold: int = 0
    claims_matched: int = 0
    claims_low_exact: Ratio = field(default_factory=Ratio)
    boilerplate_fp: int = 0
    unchecked_boilerplate_docs: int = 0
    missing_predictions: list[str] = field(default_factory=list)
    per_doc: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float | None:
        return self.matched_predictions / self.predictions if self.predictions else None

    @property
    def recall(self) -> float | None:
        return self.matched_required / self.required if self.required else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: SetScore) -> SetScore:
        for name in ("documents", "predictions", "matched_predictions", "required", "matched_required",
                     "claims_predicted", "claims_gold", "claims_matched", "boilerplate_fp",
                     "unchecked_boilerplate_docs"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for f in FIELDS:
            self.fields[f] += other.fields[f]
        self.claims_low_exact += other.claims_low_exact
        self.missing_predictions += other.missing_predictions
        self.per_doc += other.per_doc
        return self

    def to_dict(self) -> dict:
        return {
            "set": self.name, "documents": self.documents,
            "events": {"predicted": self.predictions, "matched": self.matched_predictions,
                       "required_gold": self.required, "required_matched": self.matched_required,
                       "precision": self.precision, "recall": self.recall, "f1": self.f1},
            "fields": {f: {"agree": r.hit, "of": r.total, "rate": r.value} for f, r in self.fields.items()},
            "aggregate_claims": {"predicted": self.claims_predicted, "gold": self.claims_gold,
                                 "matched": self.claims_matched,
                                 "fatalities_low_exact": self.claims_low_exact.value},
            "boilerplate_false_positives": self.boilerplate_fp,
            "documents_without_text": self.unchecked_boilerplate_docs,
            "documents_without_predictions": self.missing_predictions,
        }


def _trigger_spans(rec: dict) -> list[tuple[int, int]]:
    return [(e["start"], e["end"]) for e in rec.get("evidence") or []
            if e.get("field") == "trigger" and isinstance(e.get("start"), int) and isinstance(e.get("end"), int)]


def _boilerplate_hits(records: list[dict], snippets: list[str], text: str) -> list[dict]:
    """Records whose trigger evidence lies inside an occurrence of a no-event snippet."""
    zones = []
    for snip in snippets:
        if not snip:
            continue
        i = text.find(snip)
        while i >= 0:
            zones.append((i, i + len(snip)))
            i = text.find(snip, i + 1)
    return [r for r in records
            if any(zs <= s and e <= ze for s, e in _trigger_spans(r) for zs, ze in zones)]


def _describe(rec: dict) -> dict:
    loc = rec.get("location") or {}
    trig = [e.get("text") for e in rec.get("evidence") or [] if e.get("field") == "trigger"]
    return {"rasd_type": rec.get("rasd_type"), "sub_event_type": rec.get("sub_event_type"),
            "place": loc.get("mention") or loc.get("name_ar"), "date": rec.get("date_start"),
            "trigger": trig[0] if trig else None}


def score_document(gold: GoldDoc, records: list[dict], text: str | None) -> SetScore:
    s = SetScore(gold.set_name, documents=1)
    preds = [r for r in records if r.get("record_kind", "event") == "event"]
    claims = [r for r in records if r.get("record_kind") == "aggregate_claim"]
    pairs = match(preds, gold.events, _event_compatible, _affinity)
    s.predictions = len(preds)
    s.matched_predictions = len(pairs)
    required = [gi for gi, g in enumerate(gold.events) if g.get("required", True)]
    s.required = len(required)
    s.matched_required = sum(gi in pairs for gi in required)
    for gi, pi in pairs.items():
        g, p = gold.events[gi], preds[pi]
        s.fields["sub_event_type"].add(p.get("sub_event_type") == g.get("sub_event_type"))
        s.fields["fatalities_best"].add(_best(p.get("fatalities")) == g.get("fatalities_best"))
        s.fields["date"].add(dates_agree(p, g))
        s.fields["actor1_inter"].add(p.get("inter1") == g.get("actor1_inter"))
        if g.get("cited_kind") not in (None, "none"):  # the report's own voice is not scored
            s.fields["cited_kind"].add((p.get("source") or {}).get("cited_kind") == g["cited_kind"])
    cpairs = match(claims, gold.aggregate_claims, _claim_compatible)
    s.claims_predicted, s.claims_gold, s.claims_matched = len(claims), len(gold.aggregate_claims), len(cpairs)
    for gi, pi in cpairs.items():
        low = (claims[pi].get("fatalities") or {}).get("low")
        s.claims_low_exact.add(low == gold.aggregate_claims[gi].get("fatalities_low"))
    if text is None:
        s.unchecked_boilerplate_docs = 1 if gold.no_event_lines else 0
        hits = []
    else:
        hits = _boilerplate_hits(records, gold.no_event_lines, text)
    s.boilerplate_fp = len(hits)
    matched_p = set(pairs.values())
    s.per_doc.append({
        "doc_id": gold.doc_id, "set": gold.set_name,
        "missed": [{"rasd_type": g.get("rasd_type"), "place": (g.get("location") or {}).get("name_ar"),
                    "date": g.get("date_start"), "hint": g.get("hint")}
                   for gi, g in enumerate(gold.events) if g.get("required", True) and gi not in pairs],
        "spurious": [_describe(p) for pi, p in enumerate(preds) if pi not in matched_p],
        "mismatched": [{"gold": g.get("hint"), "pred": _describe(preds[pairs[gi]]),
                        "disagree": [f for f, ok in _field_checks(preds[pairs[gi]], g) if not ok]}
                       for gi, g in enumerate(gold.events) if gi in pairs],
        "boilerplate": [_describe(r) for r in hits],
    })
    return s


def _field_checks(p: dict, g: dict) -> list[tuple[str, bool]]:
    checks = [("sub_event_type", p.get("sub_event_type") == g.get("sub_event_type")),
              ("fatalities_best", _best(p.get("fatalities")) == g.get("fatalities_best")),
              ("date", dates_agree(p, g)),
              ("actor1_inter", p.get("inter1") == g.get("actor1_inter"))]
    if g.get("cited_kind") not in (None, "none"):
        checks.append(("cited_kind", (p.get("source") or {}).get("cited_kind") == g["cited_kind"]))
    return checks


def score_documents(gold: list[GoldDoc], predictions: dict[str, list[dict]],
                    texts: dict[str, str]) -> list[SetScore]:
    """One score per gold set (in order of first appearance), then the overall score."""
    sets: dict[str, SetScore] = {}
    overall = SetScore("overall")
    for g in gold:
        key = _lookup(predictions, g.doc_id)
        records = predictions.get(key, []) if key is not None else []
        s = score_document(g, records, texts.get(g.doc_id))
        if key is None:
            s.missing_predictions.append(g.doc_id)
        if g.set_name not in sets:
            sets[g.set_name] = SetScore(g.set_name)
        sets[g.set_name] += s
        overall += s
    return [*sets.values(), overall]


def evaluate(gold_paths: Iterable[str | Path], pred_paths: Iterable[str | Path],
             inputs: Iterable[str | Path] = ()) -> list[SetScore]:
    """Score ``rasd extract`` outputs against gold files; the last score is overall."""
    gold = [d for p in gold_paths for d in load_gold(p)]
    seen: set[str] = set()
    for d in gold:
        if d.doc_id in seen:
            raise EvalError(f"{d.path}: doc_id {d.doc_id!r} appears twice in the gold")
        seen.add(d.doc_id)
    return score_documents(gold, load_predictions(pred_paths), resolve_texts(gold, inputs))


# --------------------------------------------------------------------------- reports

def _pct(x: float | None) -> str:
    return "–" if x is None else f"{x:.2f}"


def _rate(r: Ratio) -> str:
    return "–" if not r.total else f"{r.value:.2f} ({r.hit}/{r.total})"


def format_table(scores: list[SetScore]) -> str:
    """One plain-text table: a row per set, then overall."""
    head = ["set", "docs", "pred", "match", "req", "P", "R", "F1", "sub-type", "fatal best",
            "date", "inter1", "cited", "agg", "bp FP"]
    rows = [head]
    for s in scores:
        f = s.fields
        agg = f"{s.claims_matched}/{s.claims_gold}g/{s.claims_predicted}p" if (s.claims_gold or s.claims_predicted) else "–"
        rows.append([s.name, str(s.documents), str(s.predictions), str(s.matched_predictions),
                     f"{s.matched_required}/{s.required}", _pct(s.precision), _pct(s.recall), _pct(s.f1),
                     _rate(f["sub_event_type"]), _rate(f["fatalities_best"]), _rate(f["date"]),
                     _rate(f["actor1_inter"]), _rate(f["cited_kind"]), agg, str(s.boilerplate_fp)])
    widths = [max(len(r[i]) for r in rows) for i in range(len(head))]
    lines = ["  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))) for r in rows]
    lines.insert(1, "-" * len(lines[0]))
    lines.insert(len(lines) - 1, "-" * len(lines[0]))
    overall = scores[-1]
    notes = []
    if overall.missing_predictions:
        notes.append(f"no predictions for {len(overall.missing_predictions)} document(s): "
                     + ", ".join(overall.missing_predictions[:3]))
    if overall.unchecked_boilerplate_docs:
        notes.append(f"boilerplate not checked for {overall.unchecked_boilerplate_docs} document(s) "
                     "whose text was not found (pass --input)")
    notes.append("P = matched predictions / predictions; R = matched required gold / required gold; "
                 "field rates are on matched pairs (cited: gold in the report's own voice skipped); "
                 "agg = aggregate claims matched / gold / predicted")
    return "\n".join(lines + [""] + notes)


def format_per_doc(scores: list[SetScore]) -> str:
    out = []
    for d in scores[-1].per_doc:
        if not (d["missed"] or d["spurious"] or d["boilerplate"] or any(m["disagree"] for m in d["mismatched"])):
            continue
        out.append(f"== {d['doc_id']}")
        for m in d["missed"]:
            out.append(f"  missed    {m['rasd_type']} @ {m['place']} {m['date']}: {m['hint']}")
        for p in d["spurious"]:
            out.append(f"  spurious  {p['rasd_type']} @ {p['place']} {p['date']}: «{p['trigger']}»")
        for p in d["boilerplate"]:
            out.append(f"  boilerplate {p['rasd_type']}: «{p['trigger']}»")
        for m in d["mismatched"]:
            if m["disagree"]:
                out.append(f"  differs   {', '.join(m['disagree'])} — {m['pred']['rasd_type']} «{m['pred']['trigger']}»"
                           f" vs gold: {m['gold']}")
    return "\n".join(out)


def _main(argv: list[str] | None = None) -> int:
    """``python -m rasd.evaluate inputs GOLD... -o IN.jsonl``: write a gold set's texts."""
    import argparse
    import sys

    p = argparse.ArgumentParser(prog="python -m rasd.evaluate")
    sub = p.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("inputs", help="write the gold documents' texts as a rasd JSONL input")
    w.add_argument("gold", nargs="+")
    w.add_argument("-o", "--output", required=True)
    args = p.parse_args(argv)
    try:
        gold = [d for g in args.gold for d in load_gold(g)]
        n = write_inputs(gold, args.output)
    except EvalError as exc:
        print(f"rasd: error: {exc}", file=sys.stderr)
        return 1
    print(f"rasd: {n} gold document(s) written to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(_main())
