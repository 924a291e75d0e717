"""Gazetteer coverage against human coders: UCDP GED Syria, 2019, precision-1 places.

For every distinct place UCDP coded with ``where_prec == 1`` in 2019 (English name and
coordinates), is there a place in rasd's index within 5 km whose English name, or one of
whose Arabic names transliterated, matches the UCDP name once spellings are normalised?

Spellings are compared as consonant skeletons, so that the many romanisations of one
Arabic name meet: article tokens (al-, ash-, ar- …) and the UCDP feature word (village,
town …) are dropped; digraphs fold (kh→k, sh→s, th→t, dh→d, gh→g, q→k); vowels, h, w
and y are dropped (they stand for ا و ي ه ح ع ة, which romanisations write, double or
omit at will); repeated letters collapse. Arabic names are read with the same classes
(ح ه ع ء و ي ا ة vanish, ث→t, ذ→d, ق→k …). Two names match when their skeletons are
equal, differ by one letter in skeletons of 5+ letters, or one name's words (4+
consonants) occur in the other ("Umm Ashba" / "Mashrafah Umm Ashba"). The 5 km radius
keeps the folding from matching unrelated places.

    RASD_CACHE_DIR=/tmp/cache python bench/ucdp_coverage.py [--index PATH] [--ged CSV] [--year 2019] [-v]

Prints the coverage and each miss with its nearest indexed places, grouped by cause.
"""
from __future__ import annotations

import argparse
import csv
import math
import re
import sqlite3
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rasd.gazetteer import default_index_path, find_source_dir  # noqa: E402

RADIUS_KM = 5.0
FEATURE_WORDS = {"village", "town", "city", "suburb", "area", "camp", "idp", "hill", "neighbourhood", "neighborhood",
                 "district", "quarter"}
# Descriptor words one source writes and the other omits ("Tall Abu Rasayn" / "Abu Rasin",
# "Haymar Kabir" / "Haymar", "Baghuz at-Tahtani" / "Baghuz"): a name also matches without them.
OPTIONAL_LATIN = {"tall", "tal", "tell", "tel", "khirbat", "khirbet", "kherbet", "khirbit", "qaryat", "qarya", "mazraat",
                  "kabir", "kabirah", "kebir", "saghir", "saghirah", "sghir", "tahtani", "tahtaniyah", "fawqani",
                  "fawqaniyah", "gharbi", "gharbiyah", "sharqi", "sharqiyah", "shamali", "shamaliyah", "janubi",
                  "janubiyah", "qibli", "qibliyah", "jadid", "jadidah", "qadim", "qadimah", "western", "eastern",
                  "northern", "southern", "upper", "lower", "old", "new", "big", "small", "great", "little",
                  "kucuk", "kuchuk", "buyuk", "boyuk"}
OPTIONAL_ARABIC = {"تل", "خربة", "خربه", "قرية", "قريه", "مزرعة", "مزرعه", "كبير", "كبيره", "صغير", "صغيره", "تحتاني",
                   "تحتانيه", "فوقاني", "فوقانيه", "غربي", "غربيه", "شرقي", "شرقيه", "شمالي", "شماليه", "جنوبي",
                   "جنوبيه", "قبلي", "قبليه", "جديد", "جديده", "قديم", "قديمه", "كوجوك", "كوچوك", "بيوك"}
SITE_WORDS = {"airbase", "base", "prison", "checkpoint", "silos", "brigade", "sector", "airport", "dam", "hospital",
              "factory", "station", "crossing", "military", "(t4)"}
ARTICLES = {"al", "el", "ar", "as", "ash", "at", "ad", "az", "an", "adh", "ath", "ud", "ul", "l"}
_DIGRAPHS = (("kh", "k"), ("sh", "s"), ("th", "t"), ("dh", "d"), ("gh", "g"), ("ph", "f"), ("ch", "s"))
_LATIN_MAP = str.maketrans({"q": "k", "c": "k", "v": "f", "p": "b", "x": "k", "z": "s"})
_AR = {"ب": "b", "ت": "t", "ث": "t", "ج": "j", "خ": "k", "د": "d", "ذ": "d", "ر": "r", "ز": "s", "س": "s", "ش": "s",
       "ص": "s", "ض": "d", "ط": "t", "ظ": "s", "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n",
       " ": " "}


def _collapse(s: str) -> str:
    out = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def latin_skeletons(name: str) -> set[str]:
    """Skeletons of each '/'-separated alternative, with and without descriptor words."""
    out: set[str] = set()
    for alt in name.split("/"):
        s = unicodedata.normalize("NFKD", alt).encode("ascii", "ignore").decode().lower()
        s = re.sub(r"\(.*?\)", " ", s)
        words = [w for w in re.split(r"[\s\-_'`’‘]+", s) if w]
        words = ["bu" if w == "albu" else w for w in words if w not in ARTICLES and w not in FEATURE_WORDS]
        out.add(_latin_words(words))
        core = [w for w in words if w not in OPTIONAL_LATIN]
        if core:
            out.add(_latin_words(core))
    out.discard("")
    return out


def _latin_words(words: list[str]) -> str:
    out = []
    for w in words:
        w = re.sub(r"[^a-z]", "", w)
        for a, b in _DIGRAPHS:
            w = w.replace(a, b)
        w = re.sub(r"[aeiouyhw]", "", w.translate(_LATIN_MAP))
        if w:
            out.append(_collapse(w))
    return " ".join(out)


def arabic_skeletons(key: str) -> set[str]:
    """``key`` is an index name key (normalised, leading article already dropped)."""
    words = []
    for w in key.split():
        if w.startswith("ال") and len(w) > 3:
            w = w[2:]
        words.append(w)
    out = {_arabic_words(words)}
    core = [w for w in words if w not in OPTIONAL_ARABIC]
    if core:
        out.add(_arabic_words(core))
    out.discard("")
    return out


def _arabic_words(words: list[str]) -> str:
    return " ".join(x for x in (_collapse("".join(_AR.get(ch, "") for ch in w)) for w in words) if x)


def _within_one(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) <= 1
    if len(a) > len(b):
        a, b = b, a
    return any(b[:i] + b[i + 1:] == a for i in range(len(b)))


def _contains(longer: str, shorter: str) -> bool:
    """``shorter``'s words appear as consecutive words of ``longer`` ("Umm Ashba" in
    "Mashrafah Umm Ashba"), for a shorter name of 4+ consonants."""
    return len(shorter.replace(" ", "")) >= 4 and f" {shorter} " in f" {longer} "


def names_match(ucdp: set[str], cands: set[str]) -> bool:
    """Skeletons are space-separated word skeletons."""
    for u in ucdp:
        uj = u.replace(" ", "")
        for c in cands:
            cj = c.replace(" ", "")
            if cj == uj or len(uj) >= 5 and len(cj) >= 5 and _within_one(cj, uj) or _contains(c, u) or _contains(u, c):
                return True
    return False


def load_index(path: Path) -> tuple[list[tuple], dict[int, set[str]], dict[tuple[int, int], list[int]]]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    places = con.execute("SELECT rowid, name_ar, name_en, placetype, lat, lon, names_latin FROM places").fetchall()
    skel: dict[int, set[str]] = defaultdict(set)
    for rowid, _, name_en, _, _, _, other in places:
        for n in (name_en, *(other or "").split("|")):
            if n:
                skel[rowid] |= latin_skeletons(n)
    for key, rowid in con.execute("SELECT key, place FROM names"):
        skel[rowid] |= arabic_skeletons(key)
    con.close()
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    by_id = {}
    for row in places:
        if row[4] is not None and row[5] is not None:
            grid[(int(row[4] * 10), int(row[5] * 10))].append(row[0])
            by_id[row[0]] = row
    return by_id, skel, grid


def _wof_without_arabic(path: Path) -> dict[tuple[float, float], list[set[str]]]:
    """WOF Syrian rows that carry no Arabic name (the index skips them), by 0.1° cell."""
    out: dict[tuple[float, float], list[set[str]]] = defaultdict(list)
    if not path.is_file():
        return out
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            c = line.rstrip("\n").split("\t")
            if len(c) < 10 or c[0] == "wof_id" or c[5] or c[6]:
                continue
            try:
                lat, lon = float(c[8]), float(c[9])
            except ValueError:
                continue
            sk = set().union(*(latin_skeletons(n) for n in (c[3], c[4], *c[7].split("|")) if n))
            for dlat in (-0.1, 0.0, 0.1):
                for dlon in (-0.1, 0.0, 0.1):
                    out[(round(lat + dlat, 1), round(lon + dlon, 1))].append(sk)
    return out


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    kx = 111.32 * math.cos(math.radians((lat1 + lat2) / 2))
    return math.hypot((lon2 - lon1) * kx, (lat2 - lat1) * 110.57)


def near(by_id, grid, lat: float, lon: float, radius: float) -> list[tuple[float, tuple]]:
    gi, gj = int(lat * 10), int(lon * 10)
    out = []
    for di in (-1, 0, 1):
        for dj in (-1, 0, 1):
            for rid in grid.get((gi + di, gj + dj), ()):
                row = by_id[rid]
                d = _km(lat, lon, row[4], row[5])
                if d <= radius:
                    out.append((d, row))
    return sorted(out, key=lambda x: x[0])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--index", type=Path, default=None, help="gazetteer index (default: the cache index)")
    ap.add_argument("--ged", type=Path, default=None, help="UCDP GED CSV (default: ../shared/data/ucdp-ged-syria-2016-2019/)")
    ap.add_argument("--year", default="2019")
    ap.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    args = ap.parse_args(argv)
    index = args.index or default_index_path()
    if not index.is_file():
        print(f"no gazetteer index at {index}: run `rasd gazetteer build` first", file=sys.stderr)
        return 2
    ged = args.ged or find_source_dir() / "ucdp-ged-syria-2016-2019" / "ged_syria_20160101_20191130.csv"
    with open(ged, encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["year"] == args.year and r["where_prec"] == "1"]
    distinct: dict[tuple[str, float, float], int] = Counter(
        (r["where_coordinates"].strip(), round(float(r["latitude"]), 4), round(float(r["longitude"]), 4)) for r in rows)
    by_id, skel, grid = load_index(index)
    unindexed = _wof_without_arabic(find_source_dir() / "whosonfirst-arab-gazetteer" / "wof_sy.tsv")
    hits = 0
    misses: dict[str, list[str]] = defaultdict(list)
    for (name, lat, lon), n_events in sorted(distinct.items()):
        sk = latin_skeletons(name)
        nearby = near(by_id, grid, lat, lon, RADIUS_KM)
        if any(names_match(sk, skel[row[0]]) for _, row in nearby):
            hits += 1
            continue
        words = {w.strip("()").lower() for w in name.split()}
        wide = near(by_id, grid, lat, lon, 15.0)
        far_match = next(((d, row) for d, row in wide if names_match(sk, skel[row[0]])), None)
        if words & SITE_WORDS:
            cause = "a military site, not a settlement (airbase, prison, checkpoint …)"
        elif any(names_match(sk, s2) for s2 in unindexed.get((round(lat, 1), round(lon, 1)), ())):
            cause = "in Who's On First with no Arabic name, so not indexed (useless for Arabic text)"
        elif far_match is not None:
            cause = "name found but 5-15 km away (coordinates differ)"
        elif not nearby:
            cause = "no indexed place at all within 5 km"
        else:
            cause = "indexed places nearby, none with a matching name (missing hamlet or very different spelling)"
        shown = ", ".join(f"{row[2]}/{row[1]} {d:.1f}km" for d, row in (nearby[:3] if far_match is None else [far_match]))
        misses[cause].append(f"{name} ({lat}, {lon}; {n_events} events) — nearest: {shown or 'none'}")
    total = len(distinct)
    print(f"UCDP GED Syria {args.year}, where_prec 1: {len(rows)} events, {total} distinct places")
    print(f"covered (indexed place within {RADIUS_KM:.0f} km with a matching name): {hits}/{total} = {hits / total:.1%}")
    for cause, items in sorted(misses.items(), key=lambda kv: -len(kv[1])):
        print(f"  miss · {cause}: {len(items)}")
        for it in items if args.verbose else items[:5]:
            print(f"      {it}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
