"""Arabic normalisation on a view that maps back to the original characters.

Owns: the character table (alef/hamza forms, ya/alef-maqsura, ta-marbuta, diacritics,
tatweel, Eastern Arabic digits, typographic quotes), `TextView` (normalised text plus an
index map into the original), and `normalize_key` for lexicon entries.

Normalisation only deletes characters or replaces one character by one character, so a
normalised position always maps to exactly one original position and evidence offsets
can be recovered exactly: ``original[view.orig_span(s, e)]`` covers the normalised span.
"""
from __future__ import annotations

import re
from array import array
from dataclasses import dataclass

# One-to-one substitutions. Everything not listed is kept as is.
_SUBSTITUTE: dict[str, str] = {
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ی": "ي", "ې": "ي", "ئ": "ي",
    "ؤ": "و",
    "ة": "ه", "ۃ": "ه",
    "ک": "ك", "ڪ": "ك",
    "“": '"', "”": '"', "«": '"', "»": '"', "„": '"', "″": '"', "‟": '"',
    "‘": "'", "’": "'", "‚": "'",
    "٫": ".", "٬": ",", "،": "،",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2002": " ", "\u2003": " ",
    "–": "-", "—": "-", "‒": "-", "−": "-",
}
for _i, _d in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _SUBSTITUTE[_d] = str(_i)
for _i, _d in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _SUBSTITUTE[_d] = str(_i)
# ASCII case folding only: str.lower() can change lengths (e.g. "İ") and break the map.
for _c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
    _SUBSTITUTE[_c] = _c.lower()

# Deleted characters: harakat, superscript alef, Quranic marks, tatweel, invisible marks.
_DELETE = set(chr(c) for c in range(0x064B, 0x0660)) | {
    "\u0670", "\u0640", "\u200b", "\u200c", "\u200d", "\u200e", "\u200f",
    "\ufeff", "\u061c", "\u202a", "\u202b", "\u202c", "\u202d", "\u202e",
} | set(chr(c) for c in range(0x06D6, 0x06EE))

_DELETED_RUN = re.compile("[" + "".join(sorted(_DELETE)) + "]+")

# str.translate table for keys, where no offset map is needed.
_KEY_TABLE = {ord(k): v for k, v in _SUBSTITUTE.items()}
_KEY_TABLE.update({ord(c): None for c in _DELETE})
# The same table as a list over the Basic Multilingual Plane, unlisted characters mapped
# to themselves: str.translate with a dict raises and clears a KeyError for every kept
# character, which made it half of `normalize`; a list lookup never misses inside the BMP,
# and beyond it the IndexError keeps the character, as the dict's miss does.
_TABLE: list = list(range(0x10000))
for _k, _v in _KEY_TABLE.items():
    _TABLE[_k] = _v

_SPACES = re.compile(r"\s+")
_IDENTITY = array("i", range(1 << 16))     # 0, 1, 2, …: offset maps are cut from it (256 KB)


@dataclass(frozen=True, slots=True)
class TextView:
    """The original text, its normalised form, and the map between them.

    ``to_orig[i]`` is the original index of normalised character ``i``; the array has one
    extra slot holding ``len(original)`` so half-open ends map cleanly.
    """

    original: str
    norm: str
    to_orig: array

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalised span to the half-open original span it covers."""
        if end <= start:
            o = self.to_orig[start]
            return o, o
        return self.to_orig[start], self.to_orig[end - 1] + 1

    def orig_text(self, start: int, end: int) -> str:
        s, e = self.orig_span(start, end)
        return self.original[s:e]


def normalize(text: str) -> TextView:
    """Build the normalised view of ``text``.

    Fast path: ``str.translate`` does the work in C; the offset map is only built by a
    Python loop when characters were actually deleted.
    """
    norm = text.translate(_TABLE)
    n = len(text) + 1
    # Slices of one identity array are copied in C; extending from ranges made an int
    # object per character. A rare text longer than the array has one of its own.
    ident = _IDENTITY if n <= len(_IDENTITY) else array("i", range(n))
    if len(norm) == len(text):
        return TextView(text, norm, ident[:n])
    # Kept characters come in runs between runs of deleted ones: extend by whole ranges.
    idx = array("i")
    kept = 0
    for m in _DELETED_RUN.finditer(text):
        idx.extend(ident[kept:m.start()])
        kept = m.end()
    idx.extend(ident[kept:n])
    return TextView(text, norm, idx)


def normalize_key(s: str) -> str:
    """Normalise a lexicon entry: same table as the view, spaces collapsed, trimmed."""
    return _SPACES.sub(" ", s.translate(_TABLE)).strip()
