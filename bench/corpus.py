"""The benchmark corpus: the team's own texts, recombined into many documents.

Owns: collecting paragraphs the team wrote (the bundled examples and the Arabic
sentences of the test suite — never ../shared data), and streaming a deterministic
corpus of documents of 1–8 KB (median about 3 KB) with varied publication dates, as
rasd JSONL input lines. Nothing here holds the corpus in memory.
"""
from __future__ import annotations

import ast
import json
import random
import re
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_ARABIC = re.compile(r"[\u0621-\u064a]")
MIN_BYTES, MEDIAN_BYTES, MAX_BYTES = 1_000, 3_000, 8_000


def _example_paragraphs() -> Iterator[str]:
    from rasd.inputs import InputDoc, iter_documents

    for doc in iter_documents([ROOT / "examples"]):
        if isinstance(doc, InputDoc):
            yield from doc.text.split("\n")


def _test_strings() -> Iterator[str]:
    # Team-written sentences and short reports live as string literals in the tests.
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                yield from node.value.split("\n")


def paragraphs() -> list[str]:
    """Distinct team-written Arabic paragraphs (at least 20 Arabic letters each), sorted."""
    seen = {p.strip() for src in (_example_paragraphs(), _test_strings()) for p in src}
    return sorted(p for p in seen if len(_ARABIC.findall(p)) >= 20)


def iter_corpus(n: int, seed: int = 2019) -> Iterator[dict]:
    """``n`` documents as rasd JSONL objects, the same for the same ``n`` and ``seed``."""
    pool = paragraphs()
    if not pool:
        raise SystemExit("bench: no team-written paragraphs found under examples/ and tests/")
    rng = random.Random(seed)
    start = date(2012, 1, 1)
    for i in range(n):
        target = min(MAX_BYTES, max(MIN_BYTES, int(rng.lognormvariate(0, 0.45) * MEDIAN_BYTES)))
        parts, size = [], 0
        while size < target:
            p = rng.choice(pool)
            parts.append(p)
            size += len(p.encode("utf-8")) + 1
        text = "\n".join(parts)
        while len(text.encode("utf-8")) > MAX_BYTES and len(parts) > 1:
            parts.pop()
            text = "\n".join(parts)
        published = start + timedelta(days=rng.randrange(14 * 365))
        yield {"id": f"bench-{i:06d}", "text": text, "published": published.isoformat()}


def write_corpus(path: Path, n: int, seed: int = 2019) -> Path:
    """Write the corpus once; a file already there for the same size is reused."""
    if path.exists():
        return path
    tmp = path.with_suffix(".tmp")
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(tmp, "w", encoding="utf-8") as fh:
        for obj in iter_corpus(n, seed):
            fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path
