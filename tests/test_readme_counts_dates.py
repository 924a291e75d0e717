"""README's "Counts and dates" tables are executable: every quoted phrase in them must
give exactly the low/best/high or date interval its row documents, so the doc, the data
(numbers.yaml approx_rules and vague) and the code cannot disagree."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from rasd.dates import find_dates, resolve_date
from rasd.normalize import normalize_key
from rasd.numbers import find_quantities, load_numbers

README = Path(__file__).resolve().parent.parent / "README.md"
PUB = date(2024, 5, 15)


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("## Counts and dates")
    end = text.index("\n## ", start + 1)
    return text[start:end]


def _rows(header: str) -> list[tuple[list[str], list[str]]]:
    """(backticked phrases, other cells) of each row of the table whose header starts so."""
    lines = _section().splitlines()
    i = next(k for k, line in enumerate(lines) if line.startswith(header))
    out = []
    for line in lines[i + 2:]:
        if not line.startswith("|"):
            break
        cells = [c.strip() for c in line.strip("|").split("|")]
        out.append((re.findall(r"`([^`]+)`", cells[0]), cells[1:]))
    return out


def _num(cell: str) -> int | None:
    return None if cell == "open" else int(cell)


COUNT_ROWS = [(p, cells) for phrases, cells in _rows("| phrase | low") for p in phrases]
DATE_ROWS = [(p, cells) for phrases, cells in _rows("| phrase | date_start") for p in phrases]


def test_tables_found():
    assert len(COUNT_ROWS) >= 40 and len(DATE_ROWS) >= 25


@pytest.mark.parametrize("phrase,cells", COUNT_ROWS, ids=[p for p, _ in COUNT_ROWS])
def test_readme_count_row(phrase, cells):
    norm = normalize_key(phrase)
    qs = find_quantities(norm)
    assert qs, phrase
    q = qs[0]
    assert (q.low, q.best, q.high) == (_num(cells[0]), _num(cells[1]), _num(cells[2])), norm[q.start:q.end]


@pytest.mark.parametrize("phrase,cells", DATE_ROWS, ids=[p for p, _ in DATE_ROWS])
def test_readme_date_row(phrase, cells):
    norm = normalize_key(phrase)
    ms = find_dates(norm)
    assert ms, phrase
    iv = resolve_date(ms[0], PUB)
    got = (iv.start.isoformat() if iv.start else None, iv.end.isoformat() if iv.end else None, iv.precision)
    assert got == (cells[0], cells[1], int(cells[2])), norm[ms[0].start:ms[0].end]


def test_rule_column_matches_data():
    # the "rule" column's formulas are the approx_rules of numbers.yaml
    lex = load_numbers()
    names = {"x": ("x", 0), "x+1": ("x", 1), "x−1": ("x", -1), "y": ("y", 0), "1": ("int", 1), "open": ("open",)}
    seen = set()
    for _, cells in _rows("| phrase | low"):
        m = re.match(r"(\w+): (.+)$", cells[3])
        if m and m.group(1) in lex.rules:
            specs = tuple(names[v.strip()] for v in m.group(2).split(","))
            assert specs == lex.rules[m.group(1)], cells[3]
            seen.add(m.group(1))
    assert seen == set(lex.rules)
