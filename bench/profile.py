"""`python bench/profile.py [N]`: a pyinstrument profile of rasd over N bench documents.

Owns: nothing but the profiling run; prints pyinstrument's call tree (slowest first).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import iter_corpus  # noqa: E402


def main() -> None:
    from pyinstrument import Profiler

    from rasd import extract

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    docs = list(iter_corpus(n))
    extract(docs[0]["text"], published=docs[0]["published"])  # lexicons and gazetteer loaded
    profiler = Profiler(interval=0.0005)
    with profiler:
        for d in docs:
            extract(d["text"], published=d["published"], doc_id=d["id"])
    print(profiler.output_text(unicode=True, color=False, show_all=False))


if __name__ == "__main__":
    main()
