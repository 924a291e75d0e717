"""The terminal view of one article and what rasd found in it.

Owns: `render`, which prints the original text with every evidence span coloured by
field and then a table of the records, using rich.
"""
from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

FIELD_STYLES: dict[str, str] = {
    "trigger": "bold red",
    "location": "green",
    "date": "cyan",
    "actor1": "magenta",
    "actor2": "magenta",
    "actors": "magenta",
    "fatalities": "yellow",
    "counts": "yellow",
    "source": "blue",
}


def _place(rec: dict) -> str:
    loc = rec.get("location") or {}
    if not loc:
        return ""
    name = loc.get("name_ar") or loc.get("mention") or ""
    extra = ", ".join(x for x in (loc.get("admin1"), loc.get("country")) if x)
    return f"{name} ({extra})" if extra else name


def _fatalities(rec: dict) -> str:
    f = rec.get("fatalities")
    if not f:
        return ""
    return "/".join("–" if f.get(k) is None else str(f.get(k)) for k in ("low", "best", "high"))


def render(text: str, records: list[dict], console: Console | None = None) -> None:
    """Print ``text`` with evidence spans highlighted, then a table of ``records``."""
    console = console or Console()
    body = Text(text)
    n = len(text)
    # Triggers are applied last so that they stay visible where spans overlap.
    spans = [e for r in records for e in (r.get("evidence") or [])]
    spans.sort(key=lambda e: e.get("field") == "trigger")
    for ev in spans:
        start, end = ev.get("start"), ev.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= n:
            continue
        body.stylize(FIELD_STYLES.get(ev.get("field", ""), "underline"), start, end)
    console.print(body)
    legend = Text("  ".join(f"{k}" for k in ("trigger", "location", "date", "actor1", "fatalities", "source")))
    pos = 0
    for k in ("trigger", "location", "date", "actor1", "fatalities", "source"):
        legend.stylize(FIELD_STYLES[k], pos, pos + len(k))
        pos += len(k) + 2
    console.print(legend)

    if console.width >= 140:
        console.print(_table(records))
    else:
        # a narrow terminal (or a pipe, where rich assumes 80 columns) folds a wide table
        # into slivers: one block per record reads better there
        _blocks(records, console)


def _table(records: list[dict]) -> Table:
    table = Table(title=f"{len(records)} record(s)", show_lines=False)
    for col in ("kind", "type", "dates", "place", "actor1 / actor2", "killed l/b/h", "cited", "notes"):
        table.add_column(col, overflow="fold")
    for r in records:
        kind = "event" if r.get("record_kind") == "event" else "aggregate"
        src = r.get("source") or {}
        table.add_row(kind, r.get("rasd_type") or r.get("sub_event_type") or "", _dates(r), _place(r), _actors(r),
                      _fatalities(r), src.get("cited_kind") or "", r.get("notes") or "")
    return table


def _blocks(records: list[dict], console: Console) -> None:
    console.print(Text(f"{len(records)} record(s)", style="bold"))
    for i, r in enumerate(records, 1):
        head = Text(f"{i}. ", style="bold")
        if r.get("record_kind") == "event":
            head.append(f"{r.get('event_type')} › {r.get('sub_event_type')}", style="bold")
            head.append(f"  ({r.get('rasd_type')})")
        else:
            head.append("aggregate claim", style="bold")
        console.print(head)
        src = r.get("source") or {}
        cited = src.get("cited_kind") or ""
        if src.get("cited"):
            cited += f" — {src['cited']}"
        if src.get("hedged"):
            cited += " (hedged)"
        counts = ", ".join(f"{c.get('what')} {c.get('best')}" for c in r.get("counts") or [])
        for label, value in (("when", _dates(r)), ("where", _place(r)), ("who", _actors(r)),
                             ("killed", _fatalities(r)), ("counts", counts), ("source", cited)):
            if value:
                console.print(Text(f"   {label:<7}") + Text(value))
        if r.get("notes"):
            console.print(Text(f"   {r['notes']}", style="dim"))


def _dates(r: dict) -> str:
    return "–".join(d for d in (r.get("date_start") or "?", r.get("date_end") or "?"))


def _actors(r: dict) -> str:
    return " / ".join(a or "–" for a in (r.get("actor1"), r.get("actor2")))
