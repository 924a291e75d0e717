"""Coverage-guided fuzzing of rasd with atheris (optional: `pip install -e '.[fuzz]'`).

Owns: one libFuzzer harness. Each input's bytes are used twice: decoded as a document
(`rasd.inputs.load` of a JSON line and of a file's bytes), and read as a recipe for an
Arabic text (lexicon words, places, letters, marks, digits, punctuation, HTML) that goes
through `rasd.extract`. A crash is any exception, or an evidence span that does not index
the text. Run: `make fuzz` or `python fuzz/fuzz_extract.py -runs=100000 -max_len=4096`;
libFuzzer writes a crashing input to crash-<sha1>; add it to tests/test_fuzz_regressions.py.
"""
from __future__ import annotations

import sys
from pathlib import Path

import atheris

# rasd imports its stages lazily; import them here so they are instrumented too.
with atheris.instrument_imports(include=["rasd"]):
    import rasd
    import rasd.pipeline  # noqa: F401
    from rasd.inputs import RawDoc, decode_bytes, load

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from test_fuzz import HTML_PARTS, PLACES, PUNCT_PARTS, lexicon_words  # noqa: E402

WORDS = lexicon_words()
MARKS = ["\u064b", "\u064e", "\u0651", "\u0652", "\u0640", "\u200f", "\ufeff", "\u00a0"]
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def _text(fdp: atheris.FuzzedDataProvider) -> str:
    parts = []
    for _ in range(fdp.ConsumeIntInRange(0, 60)):
        kind = fdp.ConsumeIntInRange(0, 7)
        if kind == 0:
            parts.append(fdp.PickValueInList(WORDS))
        elif kind == 1:
            parts.append(fdp.PickValueInList(PLACES))
        elif kind == 2:
            parts.append("".join(chr(0x0621 + fdp.ConsumeIntInRange(0, 0x29)) for _ in range(fdp.ConsumeIntInRange(1, 6))))
        elif kind == 3:
            parts.append(fdp.PickValueInList(MARKS))
        elif kind == 4:
            n = str(fdp.ConsumeIntInRange(0, 10**7))
            parts.append(n.translate(EASTERN) if fdp.ConsumeBool() else n)
        elif kind == 5:
            parts.append(fdp.PickValueInList(PUNCT_PARTS))
        elif kind == 6:
            parts.append(fdp.PickValueInList(HTML_PARTS))
        else:
            parts.append(fdp.ConsumeUnicodeNoSurrogates(fdp.ConsumeIntInRange(0, 8)))
        parts.append(fdp.PickValueInList([" ", " ", "", "\n"]))
    return "".join(parts)


def test_one_input(data: bytes) -> None:
    try:
        decode_bytes(data)
    except ValueError:
        pass
    load(RawDoc("fuzz.jsonl:1", "fuzz.jsonl", data, 1))
    fdp = atheris.FuzzedDataProvider(data)
    text = _text(fdp)
    for rec in rasd.extract(text, published="2020-02-02" if fdp.ConsumeBool() else None):
        for ev in rec.evidence:
            if text[ev.start:ev.end] != ev.text:
                raise AssertionError(f"evidence {ev} does not index the text")


if __name__ == "__main__":
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
