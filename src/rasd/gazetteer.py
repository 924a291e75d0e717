"""The gazetteer index: compiling the shared place data and looking names up.

Owns: `Place`, reading the sources of a source directory — Who's On First TSV extracts
(``whosonfirst-arab-gazetteer/wof_*.tsv``), the OpenSyria admin JSON
(``open-syria-geography/``), and, when present, GeoNames country dumps
(``geonames/XX.txt``) and OCHA P-code tables saved as CSV (``pcodes/*.csv``) — all
validated, errors naming file and line; generating Arabic name variants (article on/off,
joined/split compounds, admin-word prefixes dropped); the compiled SQLite index in the
user cache plus a pickled sidecar holding the name -> place-row map, the keys of notable
places and the compiled `PhraseMatcher`; and the process-wide `get_gazetteer()`.

Only what matching needs (the name map and the automaton) is loaded eagerly; `Place`
rows are read from SQLite on demand and memoised, which keeps cold start short.
"""
from __future__ import annotations

import csv
import functools
import hashlib
import json
import math
import os
import pickle
import re
import sqlite3
import threading
import time
from dataclasses import dataclass
from itertools import compress, repeat
from pathlib import Path
from typing import Iterable, Iterator

from .lexicon import NO_AFFIX, NOUN_PREFIXES, LexiconError, Match, PhraseMatcher, data_path, load_yaml, string_list
from .normalize import normalize_key

FORMAT_VERSION = 5
WOF_COLUMNS = (
    "wof_id", "geonameid", "placetype", "name", "name_en", "name_ar", "names_ar_all",
    "names_other_latin", "lat", "lon", "country", "region_id", "region_en", "region_ar",
    "county_id", "county_en", "county_ar", "population", "gn_feature_code", "is_current",
)
PLACETYPES = ("country", "region", "county", "subdistrict", "locality", "neighbourhood")
# WOF placetypes folded into ours; anything else (campus, ...) is not a news location.
_WOF_PLACETYPE = {"country": "country", "region": "region", "county": "county", "localadmin": "locality",
                  "locality": "locality", "neighbourhood": "neighbourhood"}
# "للرقة" is ل + (ا)لرقة: since keys are stored without the article, the doubled lam
# must be accepted as a prefix too.
MATCH_PREFIXES = NOUN_PREFIXES | {"لل", "ولل", "فلل"}

_NON_ARABIC = re.compile(r"[^\u0621-\u064a ]+")
_LATIN = re.compile(r"[A-Za-z]")
_BIDI = {ord(c): None for c in "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"}


class GazetteerError(RuntimeError):
    """The gazetteer index or its source data is missing or malformed."""


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name_ar: str
    name_en: str
    placetype: str
    country: str
    admin1: str | None
    admin1_ar: str | None
    admin2: str | None
    lat: float | None
    lon: float | None
    population: int
    feature_code: str | None
    pcode: str | None

    def distance_km(self, other: "Place") -> float | None:
        if self.lat is None or self.lon is None or other.lat is None or other.lon is None:
            return None
        p1, p2 = math.radians(self.lat), math.radians(other.lat)
        dp, dl = p2 - p1, math.radians(other.lon - self.lon)
        a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
        return 12742.0 * math.asin(min(1.0, math.sqrt(a)))


# --------------------------------------------------------------------------- names

@functools.cache
def variant_rules() -> tuple[frozenset[str], tuple[str, ...], str]:
    """Compound heads and admin-word prefixes from places.yaml, plus a digest of them
    (stored in the index so that editing the rules triggers a rebuild)."""
    path = data_path("places.yaml")
    data = load_yaml(path)
    section = data.get("name_variants") if isinstance(data, dict) else None
    if not isinstance(section, dict):
        raise LexiconError(path, getattr(data, "line", None), "missing mapping 'name_variants'")
    heads = frozenset(normalize_key(h) for h in string_list(section, "compound_heads", path))
    admin = tuple(sorted({normalize_key(a) for a in string_list(section, "admin_prefixes", path)}, key=lambda a: (-len(a), a)))
    alternates = sorted(head_alternates().items())
    digest = hashlib.sha1(repr((sorted(heads), admin, alternates, name_aliases())).encode()).hexdigest()[:12]
    return heads, admin, digest


@functools.cache
def name_aliases() -> tuple[tuple[str, str, str], ...]:
    """places.yaml name_variants.aliases: (alias, gazetteer name, ISO2) — names one side's
    media use for a place the gazetteer knows under another (قامشلو → القامشلي)."""
    path = data_path("places.yaml")
    data = load_yaml(path)
    section = data.get("name_variants") if isinstance(data, dict) else None
    items = section.get("aliases") if isinstance(section, dict) else None
    if items is None:
        return ()
    if not isinstance(items, list):
        raise LexiconError(path, getattr(section, "line", None), "name_variants.aliases must be a list")
    out = []
    for item in items:
        line = getattr(item, "line", None)
        if not isinstance(item, dict) or set(item) != {"alias", "name", "country"}:
            raise LexiconError(path, line, "each alias needs exactly: alias, name, country")
        country = item["country"]
        if not isinstance(country, str) or len(country) != 2 or not country.isupper():
            raise LexiconError(path, line, f"country must be an ISO2 code, got {country!r}")
        for alias in string_list(item, "alias", path):
            out.append((alias, str(item["name"]), country))
    return tuple(out)


@functools.cache
def head_alternates() -> dict[str, tuple[str, ...]]:
    """places.yaml name_variants.head_alternates: first words news also writes another
    way (معرة حرمة / معر حرمة), normalised."""
    path = data_path("places.yaml")
    data = load_yaml(path)
    section = data.get("name_variants") if isinstance(data, dict) else None
    table = section.get("head_alternates") if isinstance(section, dict) else None
    if table is None:
        return {}
    if not isinstance(table, dict):
        raise LexiconError(path, getattr(section, "line", None), "name_variants.head_alternates must map a word to a list of words")
    return {normalize_key(k): tuple(normalize_key(w) for w in string_list(table, k, path)) for k in table}


_LOOSE = str.maketrans({"ص": "س", "ط": "ت", "ض": "د", "ظ": "ز", "ذ": "ز", "ث": "س"})
_INNER_VOWELS = re.compile(r"(?<=[^ ])[اوي](?=[^ ])")


def loose_key(key: str) -> str:
    """A name key with emphatic/plain consonants folded and inner long vowels dropped."""
    return _INNER_VOWELS.sub("", key.translate(_LOOSE))


def name_key(name: str) -> str:
    """The lookup key of a name: normalised, punctuation dropped, leading article removed."""
    key = _NON_ARABIC.sub(" ", normalize_key(name))
    key = " ".join(key.split())
    if key.startswith("ال") and len(key) > 4:
        key = key[2:]
    return key


def name_variants(name: str, heads: frozenset[str] | None = None, admin_prefixes: tuple[str, ...] | None = None) -> set[str]:
    """Every key under which a gazetteer name should be found."""
    if heads is None or admin_prefixes is None:
        heads, admin_prefixes, _ = variant_rules()
    if not name or _LATIN.search(name):
        return set()
    base = _NON_ARABIC.sub(" ", normalize_key(name))
    base = " ".join(base.split())
    forms = {base}
    for pre in admin_prefixes:
        if base.startswith(pre + " ") and len(base) > len(pre) + 3:
            forms.add(base[len(pre) + 1:])
    out: set[str] = set()
    for form in forms:
        key = name_key(form)
        if len(key.replace(" ", "")) < 3:
            continue
        out.add(key)
        words = key.split(" ")
        if len(words) >= 2 and words[0] in heads:
            out.add(words[0] + words[1] + ("" if len(words) == 2 else " " + " ".join(words[2:])))
            for alt in head_alternates().get(words[0], ()):
                out.add(" ".join([alt, *words[1:]]))
                out.add(alt + words[1] + ("" if len(words) == 2 else " " + " ".join(words[2:])))
        elif len(words) == 1:
            for head in heads:
                rest = key[len(head):]
                if key.startswith(head) and len(rest) >= 3:
                    # "كفرنبودة" and "كفر نبودة" are both common; the article may follow
                    # the head ("تل الكرامة") but "ال" is not split off here.
                    out.add(head + " " + rest)
    return out


# --------------------------------------------------------------------------- sources

def find_source_dir() -> Path:
    """The shared data directory holding the gazetteer sources."""
    env = os.environ.get("RASD_GAZETTEER_SOURCE")
    if env:
        path = Path(env)
        if not (path / "whosonfirst-arab-gazetteer").is_dir():
            raise GazetteerError(f"RASD_GAZETTEER_SOURCE={env} has no whosonfirst-arab-gazetteer/ folder; "
                                 "point it at the shared data directory (the one holding whosonfirst-arab-gazetteer/)")
        return path
    starts = [Path.cwd().resolve(), Path(__file__).resolve().parent]
    for start in starts:
        for d in (start, *start.parents):
            for cand in (d / "shared" / "data", d / "data"):
                if (cand / "whosonfirst-arab-gazetteer").is_dir():
                    return cand
    raise GazetteerError("gazetteer source data not found: set RASD_GAZETTEER_SOURCE=/path/to/shared/data "
                         "or run `rasd gazetteer build --source DIR`")


def default_index_path() -> Path:
    env = os.environ.get("RASD_CACHE_DIR")
    if env:
        base = Path(env)
    elif os.environ.get("XDG_CACHE_HOME"):
        base = Path(os.environ["XDG_CACHE_HOME"]) / "rasd"
    else:
        base = Path.home() / ".cache" / "rasd"
    return base / f"gazetteer-v{FORMAT_VERSION}.sqlite"


def _float(value: str, path: Path, line: int, column: str) -> float | None:
    if not value:
        return None
    try:
        f = float(value)
    except ValueError:
        raise GazetteerError(f"{path}:{line}: column {column!r} must be a number, found {value!r}") from None
    if not math.isfinite(f):
        raise GazetteerError(f"{path}:{line}: column {column!r} is not finite")
    return f


def _int(value: str, path: Path, line: int, column: str) -> int:
    if not value:
        return 0
    try:
        return int(float(value))
    except ValueError:
        raise GazetteerError(f"{path}:{line}: column {column!r} must be an integer, found {value!r}") from None


def _wof_rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """Rows of one WOF extract. A quoted field may hide a tab, so a row with the wrong
    cell count is re-read with CSV quoting before it is declared malformed."""
    try:
        fh = open(path, encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read: {exc}") from None
    with fh:
        header_seen = False
        for n, raw in enumerate(fh, 1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not header_seen:
                header_seen = True
                if cells[0] == "wof_id":
                    if tuple(c.strip() for c in cells) != WOF_COLUMNS:
                        raise GazetteerError(f"{path}:{n}: unexpected header; expected columns {', '.join(WOF_COLUMNS)}")
                    continue
            if len(cells) != len(WOF_COLUMNS):
                cells = next(csv.reader([line], delimiter="\t", quotechar='"'))
            if len(cells) != len(WOF_COLUMNS):
                raise GazetteerError(f"{path}:{n}: expected {len(WOF_COLUMNS)} tab-separated columns, found {len(cells)}")
            yield n, dict(zip(WOF_COLUMNS, (c.strip() for c in cells)))


def _json(path: Path) -> list[dict]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise GazetteerError(f"{path}: cannot read: {exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise GazetteerError(f"{path}:{exc.lineno}: not valid JSON: {exc.msg}") from None
    if not isinstance(data, list):
        raise GazetteerError(f"{path}:1: expected a JSON list of records")
    return data


def _record_line(text: str, rec_id: str) -> int:
    i = text.find(json.dumps(rec_id))
    return text.count("\n", 0, i) + 1 if i >= 0 else 1


def _osg_records(path: Path, placetype: str) -> Iterator[dict]:
    """OpenSyria records, validated: id, Arabic/English name, centroid."""
    data = _json(path)
    text = None
    for i, rec in enumerate(data):
        try:
            rid = rec["id"]
            ar, en = rec["name"]["ar"], rec["name"]["en"]
            c = rec.get("centroid") or {}
            lat, lon = c.get("latitude"), c.get("longitude")
            if not isinstance(rid, str) or not isinstance(ar, str) or not isinstance(en, str):
                raise TypeError("id and name.ar/name.en must be strings")
            if lat is not None and not isinstance(lat, (int, float)) or lon is not None and not isinstance(lon, (int, float)):
                raise TypeError("centroid latitude/longitude must be numbers")
        except (KeyError, TypeError) as exc:
            text = text if text is not None else path.read_text(encoding="utf-8")
            rid = rec.get("id") if isinstance(rec, dict) else None
            line = _record_line(text, rid) if isinstance(rid, str) else 1
            raise GazetteerError(f"{path}:{line}: {placetype} record #{i + 1} malformed: {exc}") from None
        aliases = [a.get("value") for a in rec.get("aliases") or [] if isinstance(a, dict) and a.get("language") == "ar"]
        pop = (rec.get("population") or {}).get("value") or 0
        yield {"id": rid, "ar": ar, "en": en, "aliases": [a for a in aliases if isinstance(a, str)], "lat": lat, "lon": lon,
               "pop": int(pop) if isinstance(pop, (int, float)) else 0,
               "pcode": (rec.get("externalIds") or {}).get("ochaPcode"),
               "gov": rec.get("governorateId"), "dist": rec.get("districtId")}


# --------------------------------------------------------------------------- build

def _collect(source: Path) -> tuple[list[tuple], list[list[str]], list[str]]:
    """All places as row tuples (Place field order) and, per row, the names to index and
    the other Latin spellings."""
    heads, admin_prefixes, _ = variant_rules()
    rows: list[tuple] = []
    names: list[list[str]] = []
    latin: list[str] = []           # other romanisations, "|"-joined (for `rasd geocode` and bench/)
    osg = source / "open-syria-geography"
    govs: dict[str, dict] = {}
    gov_by_key: dict[str, dict] = {}
    dists: dict[str, dict] = {}
    subdists: list[dict] = []
    if osg.is_dir():
        for rec in _osg_records(osg / "governorates.json", "governorate"):
            govs[rec["id"]] = rec
            for n in (rec["ar"], *rec["aliases"]):
                for k in name_variants(n, heads, admin_prefixes):
                    gov_by_key.setdefault(k, rec)
        for rec in _osg_records(osg / "districts.json", "district"):
            dists[rec["id"]] = rec
        subdists = list(_osg_records(osg / "subdistricts.json", "subdistrict"))
        for rec in govs.values():
            rows.append((f"osg:{rec['id']}", rec["ar"], rec["en"], "region", "SY", rec["en"], rec["ar"], None,
                         rec["lat"], rec["lon"], rec["pop"], None, rec["pcode"]))
            names.append([rec["ar"], *rec["aliases"]])
            latin.append("")
        for rec in dists.values():
            g = govs.get(rec["gov"]) or {}
            rows.append((f"osg:{rec['id']}", rec["ar"], rec["en"], "county", "SY", g.get("en"), g.get("ar"), rec["en"],
                         rec["lat"], rec["lon"], rec["pop"], None, rec["pcode"]))
            names.append([rec["ar"], *rec["aliases"]])
            latin.append("")
        for rec in subdists:
            g = govs.get(rec["gov"]) or {}
            d = dists.get(rec["dist"]) or {}
            rows.append((f"osg:{rec['id']}", rec["ar"], rec["en"], "subdistrict", "SY", g.get("en"), g.get("ar"), d.get("en"),
                         rec["lat"], rec["lon"], rec["pop"], None, rec["pcode"]))
            names.append([rec["ar"], *rec["aliases"]])
            latin.append("")
    wof_dir = source / "whosonfirst-arab-gazetteer"
    seen_geonames: set[str] = set()
    files = sorted(wof_dir.glob("wof_*.tsv"))
    if not files:
        raise GazetteerError(f"{wof_dir}: no wof_*.tsv files; set RASD_GAZETTEER_SOURCE=/path/to/shared/data")
    for path in files:
        for n, r in _wof_rows(path):
            ptype = _WOF_PLACETYPE.get(r["placetype"])
            if ptype is None:
                continue
            if not r["wof_id"]:
                raise GazetteerError(f"{path}:{n}: empty wof_id")
            country = r["country"].upper()
            if not re.fullmatch(r"[A-Z]{2}", country):
                raise GazetteerError(f"{path}:{n}: column 'country' must be an ISO2 code, found {r['country']!r}")
            lat, lon = _float(r["lat"], path, n, "lat"), _float(r["lon"], path, n, "lon")
            if lat is not None and not -90 <= lat <= 90 or lon is not None and not -180 <= lon <= 180:
                raise GazetteerError(f"{path}:{n}: coordinates out of range ({lat}, {lon})")
            pop = _int(r["population"], path, n, "population")
            ar_names = [x for x in r["names_ar_all"].split("|") if x.strip()]
            if r["name_ar"]:
                ar_names.insert(0, r["name_ar"])
            ar_names = [x.translate(_BIDI).strip() for x in ar_names if not _LATIN.search(x)]
            ar_names = [x for x in ar_names if x]
            if not ar_names:
                continue
            admin1, admin1_ar = r["region_en"] or None, r["region_ar"] or None
            pcode = None
            if country == "SY":
                # Prefer OpenSyria's governorate names and P-codes (what analysts use).
                g = gov_by_key.get(name_key(admin1_ar or ""))
                if ptype == "region":
                    if g is not None:
                        continue  # already indexed from OpenSyria
                elif g is not None:
                    admin1, admin1_ar = g["en"], g["ar"]
                elif admin1 is None and lat is not None and lon is not None and subdists:
                    # ~900 Syrian villages carry no parent in WOF: the nearest sub-district
                    # centroid gives their governorate (and district when WOF has none)
                    near = min((x for x in subdists if x["lat"] is not None),
                               key=lambda x: (x["lat"] - lat) ** 2 + ((x["lon"] - lon) * 0.82) ** 2)
                    g = govs.get(near["gov"]) or {}
                    admin1, admin1_ar = g.get("en"), g.get("ar")
                    r = {**r, "county_en": r["county_en"] or (dists.get(near["dist"]) or {}).get("en") or ""}
            if ptype in ("region", "country"):
                admin1 = admin1 or (r["name_en"] or r["name"]) if ptype == "region" else None
                admin1_ar = admin1_ar or ar_names[0] if ptype == "region" else None
            rows.append((f"wof:{r['wof_id']}", ar_names[0], r["name_en"] or r["name"], ptype, country, admin1, admin1_ar,
                         r["county_en"] or None, lat, lon, pop, r["gn_feature_code"] or None, pcode))
            names.append(ar_names)
            latin.append(r["names_other_latin"])
            if r["geonameid"]:
                seen_geonames.add(r["geonameid"])
    seen_pcodes = {r[12] for r in rows if r[12]}
    for row, ns, lat_names in _geonames_places(source / "geonames", seen_geonames):
        rows.append(row)
        names.append(ns)
        latin.append(lat_names)
    for row, ns in _pcode_places(source / "pcodes", seen_pcodes):
        rows.append(row)
        names.append(ns)
        latin.append("")
    return rows, names, latin


# --------------------------------------------------------------------------- other sources

GEONAMES_COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature_class",
                    "feature_code", "country_code", "cc2", "admin1_code", "admin2_code", "admin3_code", "admin4_code",
                    "population", "elevation", "dem", "timezone", "modification_date")
_GEONAMES_TYPE = {"ADM1": "region", "ADM2": "county", "ADM3": "subdistrict", "PCLI": "country", "PPLX": "neighbourhood"}
_ARABIC = re.compile(r"[\u0621-\u064a]")


def _geonames_places(folder: Path, seen: set[str]) -> Iterator[tuple[tuple, list[str], str]]:
    """Rows of GeoNames country dumps (``geonames/XX.txt``, the 19-column format of
    download.geonames.org/export/dump/), populated places (class P) and admin units
    (ADM1-3): Arabic names come from the alternate names. Places Who's On First already
    holds (same geonameid) are skipped. ``geonames/admin1CodesASCII.txt``, when present,
    gives the governorate names."""
    if not folder.is_dir():
        return
    admin1: dict[str, str] = {}
    codes = folder / "admin1CodesASCII.txt"
    if codes.is_file():
        with open(codes, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                cells = line.rstrip("\r\n").split("\t")
                if len(cells) < 2:
                    raise GazetteerError(f"{codes}:{n}: expected 'CC.code<TAB>name<TAB>…'")
                admin1[cells[0]] = cells[1]
    for path in sorted(folder.glob("*.txt")):
        if path.name.startswith(("admin", "readme", "featureCodes", "countryInfo")):
            continue
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                if not line.strip() or line.startswith("#"):
                    continue
                cells = line.rstrip("\r\n").split("\t")
                if len(cells) != len(GEONAMES_COLUMNS):
                    raise GazetteerError(f"{path}:{n}: expected {len(GEONAMES_COLUMNS)} tab-separated columns "
                                         f"(a GeoNames country dump), found {len(cells)}")
                r = dict(zip(GEONAMES_COLUMNS, cells))
                if r["geonameid"] in seen:
                    continue
                code = r["feature_code"]
                ptype = _GEONAMES_TYPE.get(code) or ("locality" if r["feature_class"] == "P" else None)
                if ptype is None:
                    continue
                ar = [a.translate(_BIDI).strip() for a in r["alternatenames"].split(",") if _ARABIC.search(a) and not _LATIN.search(a)]
                ar = [a for a in ar if a]
                if not ar:
                    continue
                cc = r["country_code"].upper()
                if not re.fullmatch(r"[A-Z]{2}", cc):
                    raise GazetteerError(f"{path}:{n}: column 'country_code' must be an ISO2 code, found {r['country_code']!r}")
                lat, lon = _float(r["latitude"], path, n, "latitude"), _float(r["longitude"], path, n, "longitude")
                a1 = admin1.get(f"{cc}.{r['admin1_code']}") or None
                if ptype == "region":
                    a1 = a1 or r["name"]
                row = (f"geonames:{r['geonameid']}", ar[0], r["name"], ptype, cc, a1 if ptype != "country" else None,
                       ar[0] if ptype == "region" else None, None, lat, lon, _int(r["population"], path, n, "population"),
                       code or None, None)
                yield row, ar, r["asciiname"]


_PCODE_LEVEL_TYPE = ("country", "region", "county", "subdistrict", "locality")


def _pcode_column(header: list[str], level: int, what: str) -> int | None:
    """Index of an OCHA COD column: ADM1_AR / ADM1_EN / ADM1_PCODE (older tables) or
    admin1Name_ar / admin1Name_en / admin1Pcode (newer ones)."""
    want = {"ar": (f"adm{level}_ar", f"admin{level}name_ar"), "en": (f"adm{level}_en", f"admin{level}name_en"),
            "pcode": (f"adm{level}_pcode", f"admin{level}pcode")}[what]
    for i, h in enumerate(header):
        if h.strip().lower() in want:
            return i
    return None


def _pcode_places(folder: Path, seen: set[str]) -> Iterator[tuple[tuple, list[str]]]:
    """Admin units (and communities) of OCHA common-operational-dataset P-code tables
    saved as CSV in ``pcodes/``: one row per deepest unit with ADMn_AR/ADMn_EN/ADMn_PCODE
    columns for its level and its parents (n = 0..4), optional latitude/longitude columns.
    Every unit named on any row is indexed once, with its P-code; units already indexed
    with that P-code (OpenSyria) are skipped."""
    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.csv")):
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh)
            header = next(reader, None)
            if not header:
                raise GazetteerError(f"{path}:1: empty file; expected a header with ADM1_AR, ADM1_EN, ADM1_PCODE, …")
            cols = {lv: (_pcode_column(header, lv, "ar"), _pcode_column(header, lv, "en"), _pcode_column(header, lv, "pcode"))
                    for lv in range(5)}
            levels = [lv for lv, (a, e, p) in cols.items() if a is not None and p is not None]
            if not levels:
                raise GazetteerError(f"{path}:1: no ADMn_AR + ADMn_PCODE column pair (n = 0..4) in the header")
            low = [h.strip().lower() for h in header]
            ilat = next((low.index(c) for c in ("latitude", "lat", "y") if c in low), None)
            ilon = next((low.index(c) for c in ("longitude", "lon", "long", "x") if c in low), None)
            for n, cells in enumerate(reader, 2):
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(header):
                    raise GazetteerError(f"{path}:{n}: expected {len(header)} comma-separated columns, found {len(cells)}")
                deepest = max((lv for lv in levels if cells[cols[lv][2]].strip()), default=None)
                names_by_level: dict[int, tuple[str, str, str]] = {}
                for lv in levels:
                    a, e, p = cols[lv]
                    ar, pc = cells[a].strip(), cells[p].strip()
                    en = cells[e].strip() if e is not None else ""
                    if pc and not ar:
                        raise GazetteerError(f"{path}:{n}: {header[p]} {pc!r} has no Arabic name ({header[a]})")
                    if pc:
                        names_by_level[lv] = (ar, en or ar, pc)
                for lv, (ar, en, pc) in sorted(names_by_level.items()):
                    if pc in seen:
                        continue
                    seen.add(pc)
                    lat = lon = None
                    if lv == deepest and ilat is not None and ilon is not None:
                        lat, lon = _float(cells[ilat].strip(), path, n, header[ilat]), _float(cells[ilon].strip(), path, n, header[ilon])
                    a1 = names_by_level.get(1)
                    a2 = names_by_level.get(2)
                    ptype = _PCODE_LEVEL_TYPE[lv]
                    cc = pc[:2].upper()
                    yield ((f"pcode:{pc}", ar, en, ptype, cc, a1[1] if a1 and lv >= 1 else None,
                            a1[0] if a1 and lv >= 1 else None, a2[1] if a2 and lv >= 3 else None, lat, lon, 0, None, pc), [ar])


def build(source: Path | None = None, out: Path | None = None) -> Path:
    """Compile the source data into the SQLite index (and its pickled sidecar)."""
    source = Path(source) if source is not None else find_source_dir()
    out = Path(out) if out is not None else default_index_path()
    heads, admin_prefixes, digest = variant_rules()
    rows, names, latin = _collect(source)
    keys: dict[str, list[int]] = {}
    name_rows: list[tuple[str, int]] = []
    variants = [set().union(*(name_variants(n, heads, admin_prefixes) for n in ns)) if ns else set() for ns in names]
    aliases = name_aliases()
    if aliases:
        # "قامشلو" is القامشلي: other names a side's media use, added to the places so named
        by_key: dict[str, list[int]] = {}
        for rowid, vs in enumerate(variants):
            for k in vs:
                by_key.setdefault(k, []).append(rowid)
        for alias, target, country in aliases:
            extra = name_variants(alias, heads, admin_prefixes)
            for rowid in by_key.get(name_key(target), ()):
                if rows[rowid][4] == country:
                    variants[rowid] = variants[rowid] | extra
    # A country's name means the country: some sub-national records list it among their
    # variants ("اليمن" on a governorate), which would hijack every mention of it.
    country_keys = set().union(*(v for v, r in zip(variants, rows) if r[3] == "country"))
    for rowid, seen in enumerate(variants):
        if rows[rowid][3] != "country":
            seen = seen - country_keys
        for k in seen:
            keys.setdefault(k, []).append(rowid)
            name_rows.append((k, rowid))
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + f".tmp{os.getpid()}")
    tmp.unlink(missing_ok=True)
    con = sqlite3.connect(tmp)
    with con:
        con.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
        con.execute("CREATE TABLE places (rowid INTEGER PRIMARY KEY, id TEXT, name_ar TEXT, name_en TEXT, placetype TEXT, "
                    "country TEXT, admin1 TEXT, admin1_ar TEXT, admin2 TEXT, lat REAL, lon REAL, population INTEGER, "
                    "feature_code TEXT, pcode TEXT, names_latin TEXT)")
        con.execute("CREATE TABLE names (key TEXT, place INTEGER)")
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                        ((i, *r, lat) for i, (r, lat) in enumerate(zip(rows, latin))))
        con.executemany("INSERT INTO names VALUES (?,?)", name_rows)
        con.execute("CREATE INDEX names_key ON names(key)")
        con.executemany("INSERT INTO meta VALUES (?,?)", [("format", str(FORMAT_VERSION)), ("rules", digest),
                                                          ("source", str(source)), ("built", str(time.time()))])
    con.close()
    sidecar = _sidecar_path(out)
    tmp_side = sidecar.with_name(sidecar.name + f".tmp{os.getpid()}")
    regions: dict[str, list[int]] = {}
    for k, ids in keys.items():
        rs = [i for i in ids if rows[i][3] in ("region", "country")]
        if rs:
            regions[k] = rs
    # Keys naming a notable place (an admin unit, a seat, a city): only these can be
    # places on fame alone, which lets find_places skip the other bare words cheaply.
    major = frozenset(k for k, ids in keys.items() if any(is_notable(rows[i]) for i in ids))
    payload = {"format": FORMAT_VERSION, "rules": digest, "major": major,
               "keys": {k: tuple(v) for k, v in keys.items()}, "regions": regions,
               "matcher": PhraseMatcher(((k, k) for k in keys), prefixes=MATCH_PREFIXES)}
    with open(tmp_side, "wb") as fh:
        pickle.dump(payload, fh, protocol=pickle.HIGHEST_PROTOCOL)
    os.replace(tmp, out)
    os.replace(tmp_side, sidecar)
    return out


MAJOR_POPULATION = 50_000
MAJOR_CODES = frozenset({"PPLC", "PPLA"})


def is_notable(p: "Place | tuple") -> bool:
    """A place news may name bare: a region or country, a city of 50,000+, a capital or
    governorate seat (counties excepted: their names are their seats')."""
    ptype, pop, code = (p.placetype, p.population, p.feature_code) if isinstance(p, Place) else (p[3], p[10], p[11])
    if ptype == "county":
        return False
    return ptype in ("region", "country", "area") or (pop or 0) >= MAJOR_POPULATION or (code or "") in MAJOR_CODES


def _sidecar_path(index: Path) -> Path:
    return index.with_suffix(".pickle")


# --------------------------------------------------------------------------- word matching

# ل + (ا)لرقة: the clitics that may stand before a name whose article lost its alef
# (as PhraseMatcher reads them)
_LIL_PREFIXES = frozenset({"ل", "ول", "فل"})


class WordMatcher:
    """`PhraseMatcher.find_all`'s answer read off a document's words instead of its
    characters (for lexicons with no suffixes and no whole words: the gazetteer's names,
    the place cues). The automaton reports every name ending anywhere inside a word,
    hundreds per document, each judged in Python; here a word is looked up once, and
    what it yields as the last word of a name (a name after its clitics) is kept per
    word across documents, since words repeat endlessly. Matches come in the
    automaton's order: by end, longest first."""

    def __init__(self, items: Iterable[tuple[str, tuple]], prefixes: frozenset[str]):
        self.prefixes = prefixes
        self.lil = _LIL_PREFIXES
        self.max_prefix = max(map(len, prefixes | _LIL_PREFIXES))
        self.single: dict[str, tuple] = {}          # one-word name -> (key, values, lil)
        # many-word names by their last word, then by the word before it: a full word
        # ("بئر" of "بئر ال ..." three words long) or the first word, clitics allowed
        self.multi: dict[str, tuple[dict[str, list], dict[str, list]]] = {}
        for string, payload in items:
            words = string.split(" ")
            if " " not in string:
                self.single[string] = payload
                continue
            two, more = self.multi.setdefault(words[-1], ({}, {}))
            (two if len(words) == 2 else more).setdefault(words[-2], []).append((string, payload))
        self._words: dict[str, tuple] = {}
        self._pairs: dict[tuple[str, str], tuple] = {}

    @classmethod
    def of(cls, matcher: PhraseMatcher) -> "WordMatcher | None":
        """The word reading of ``matcher``'s entries, or None where it would not give the
        same matches (suffixes, whole words, an entry that is not plain words)."""
        auto = getattr(matcher, "_auto", None)
        if auto is None or getattr(matcher, "suffixes", None) != NO_AFFIX or matcher.whole_words:
            return None
        items = list(auto.items()) if len(matcher) else []
        for string, payload in items:
            if not (isinstance(payload, tuple) and len(payload) == 3) \
                    or not all(w and w.isalnum() for w in string.split(" ")):
                return None
        return cls(items, matcher.prefixes)

    def _word(self, w: str) -> tuple:
        """What ``w`` yields as the last word of a name: ((clitic length, key, values,
        clitics) of every one-word name it ends with, longest first; whether many-word
        names end with it), or () when neither."""
        out = []
        single, prefixes, lil = self.single, self.prefixes, self.lil
        for n in range(min(self.max_prefix, len(w) - 1) + 1):
            got = single.get(w[n:])
            if got is not None:
                pre = w[:n]
                if pre in (lil if got[2] else prefixes):
                    out.append((n, got[0], got[1], pre))
        many = w in self.multi
        return (tuple(out), many) if out or many else ()

    def _pair(self, prev: str, w: str) -> tuple:
        """The many-word names that may end with the words ``prev w``: the word before
        the last is ``prev`` itself, or (in two-word names) ``prev`` after its clitics."""
        two, more = self.multi[w]
        out = list(more.get(prev, ()))
        for n in range(min(self.max_prefix, len(prev) - 1) + 1):
            out += two.get(prev[n:], ())
        return tuple((string, payload, string.count(" ")) for string, payload in out)

    def find_all(self, text: str, starts: list[int], ends: list[int], words: list[str]) -> list[Match]:
        """Every clitic-checked occurrence in ``text`` whose words (runs of letters and
        digits, as PhraseMatcher reads them) are ``words`` at ``starts``/``ends``."""
        out: list[Match] = []
        cache, pairs = self._words, self._pairs
        if len(cache) > 1 << 17 or len(pairs) > 1 << 17:
            cache.clear()
            pairs.clear()
        prefixes, lil = self.prefixes, self.lil
        entries = list(map(cache.get, words, repeat(_MISS)))
        # only the words that end a name (or are new) are visited in Python
        for k in compress(range(len(entries)), entries):
            got = entries[k]
            w = words[k]
            if got is _MISS:
                got = cache[w] = self._word(w)
                if not got:
                    continue
            singles, many = got
            b = ends[k]
            if many and k:
                key = (words[k - 1], w)
                cands = pairs.get(key)
                if cands is None:
                    cands = pairs[key] = self._pair(*key)
                found = []
                for string, payload, spaces in cands:
                    s = b - len(string)
                    if s < 0 or not text.startswith(string, s):
                        continue
                    ws = starts[k - spaces] if s and text[s - 1].isalnum() else s
                    pre = text[ws:s]
                    if pre in (lil if payload[2] else prefixes):
                        found.append((len(string), Match(s, b, ws, b, payload[0], payload[1], pre)))
                if found:
                    found.sort(key=_NEG_LEN)
                    out += [m for _, m in found]
            if singles:
                a = starts[k]
                for n, key, values, pre in singles:
                    out.append(Match(a + n, b, a, b, key, values, pre))
        return out


_MISS = (None,)     # (truthy, so that compress visits a word not looked up yet)
_last_words: tuple = (None, [])


def token_words(tokens: list) -> list[str]:
    """The texts of ``tokens`` (kept for the last token list: every word-read lexicon of
    a document asks for them)."""
    global _last_words
    got = _last_words
    if got[0] is tokens:
        return got[1]
    words = [t.text for t in tokens]
    _last_words = (tokens, words)
    return words


def _NEG_LEN(item: tuple) -> int:
    return -item[0]


# --------------------------------------------------------------------------- index

class Gazetteer:
    """A loaded index: name keys -> places, and the compiled matcher over all keys."""

    def __init__(self, path: Path, keys: dict[str, tuple[int, ...]], regions: dict[str, list[int]], matcher: PhraseMatcher,
                 major: frozenset[str] | None = None):
        self.path = path
        self.major = major if major is not None else frozenset(keys)   # keys with a notable place
        self.keys = keys
        self.regions = regions
        self.matcher = matcher
        self._places: dict[int, Place] = {}
        self._by_key: dict[str, tuple[Place, ...]] = {}
        self._loose: dict[str, list[int]] | None = None
        self._word_matcher: WordMatcher | bool | None = None
        self._region_of: dict[str, Place | None] = {}     # region() per name: asked per mention
        self._con: sqlite3.Connection | None = None
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: Path | None = None) -> "Gazetteer":
        path = Path(path) if path is not None else default_index_path()
        sidecar = _sidecar_path(path)
        if not path.is_file() or not sidecar.is_file():
            raise GazetteerError(f"gazetteer index {path} not found: run `rasd gazetteer build` "
                                 "(or set RASD_GAZETTEER_SOURCE=/path/to/shared/data and let it build on first use)")
        try:
            with open(sidecar, "rb") as fh:
                payload = pickle.load(fh)
        except Exception as exc:  # a truncated or foreign file: say how to recover
            raise GazetteerError(f"{sidecar}: unreadable gazetteer sidecar ({exc}); rebuild with `rasd gazetteer build`") from None
        if not isinstance(payload, dict) or payload.get("format") != FORMAT_VERSION:
            raise GazetteerError(f"{sidecar}: built by another rasd version; rebuild with `rasd gazetteer build`")
        g = cls(path, payload["keys"], payload["regions"], payload["matcher"], payload.get("major"))
        g.rules = payload.get("rules")
        return g

    def _row(self, rowid: int) -> Place:
        p = self._places.get(rowid)
        if p is None:
            with self._lock:
                if self._con is None:
                    self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                r = self._con.execute("SELECT id, name_ar, name_en, placetype, country, admin1, admin1_ar, admin2, lat, lon, "
                                      "population, feature_code, pcode FROM places WHERE rowid=?", (rowid,)).fetchone()
            if r is None:
                raise GazetteerError(f"{self.path}: place row {rowid} missing; rebuild with `rasd gazetteer build`")
            p = Place(*r)
            self._places[rowid] = p
        return p

    def loose(self, key: str) -> list[Place]:
        """Places whose one- or two-word name matches ``key`` loosely: emphatic and plain
        consonants folded (ص/س, ط/ت, ض/د, ظ/ذ/ز, ث/س) and long vowels inside words dropped
        ("كنصفرة" ~ كنسفرة, "سفوهن" ~ سفوهون). Only for words a place noun announces; the
        folded map is built on first use."""
        table = self._loose
        if table is None:
            with self._lock:
                if self._loose is None:
                    built: dict[str, list[int]] = {}
                    for k, ids in self.keys.items():
                        if k.count(" ") <= 1:
                            built.setdefault(loose_key(k), []).extend(ids)
                    self._loose = built
            table = self._loose
        return self.places(dict.fromkeys(table.get(loose_key(key), ())))

    def find_all(self, text: str, tokens: list | None = None) -> list[Match]:
        """The names in ``text``, as ``self.matcher.find_all(text)`` finds them; given the
        text's word tokens (``.start``, ``.end``, ``.text``: `Doc.tokens`), read word by
        word (`WordMatcher`), which is several times cheaper."""
        words = self._word_matcher
        if words is None:
            with self._lock:
                if self._word_matcher is None:
                    self._word_matcher = WordMatcher.of(self.matcher) or False
            words = self._word_matcher
        # (an underscore joins words for the tokens, not for the matcher)
        if tokens is None or words is False or "_" in text:
            return self.matcher.find_all(text)
        return words.find_all(text, tokens.starts, tokens.ends, token_words(tokens))

    def places(self, rowids: Iterable[int]) -> list[Place]:
        return [self._row(i) for i in rowids]

    def places_of(self, key: str) -> list[Place]:
        """The places indexed under ``key`` (a fresh list; each key's rows are read once)."""
        got = self._by_key.get(key)
        if got is None:
            got = self._by_key[key] = tuple(self.places(self.keys.get(key, ())))
        return list(got)

    def lookup(self, name: str) -> list[Place]:
        """Places whose names (any variant) normalise to ``name``'s key."""
        key = name_key(name)
        ids = self.keys.get(key)
        if ids is None:
            heads, admin_prefixes, _ = variant_rules()
            for k in name_variants(name, heads, admin_prefixes):
                ids = self.keys.get(k)
                if ids:
                    break
        return self.places(ids or ())

    def region(self, name: str) -> Place | None:
        """The governorate/region (or country) called ``name``, most populous first."""
        memo = self._region_of
        if name in memo:
            return memo[name]
        if len(memo) > 1 << 14:
            memo.clear()
        got = memo[name] = self._region(name)
        return got

    def _region(self, name: str) -> Place | None:
        heads, admin_prefixes, _ = variant_rules()
        for k in (name_key(name), *name_variants(name, heads, admin_prefixes)):
            ids = self.regions.get(k)
            if ids:
                ps = self.places(ids)
                regions = [p for p in ps if p.placetype == "region"] or ps
                return max(regions, key=lambda p: p.population)
        return None


_LOCK = threading.Lock()


@functools.cache
def _default() -> Gazetteer:
    path = default_index_path()
    stale: Gazetteer | None = None
    try:
        stale = Gazetteer.load(path)
        if getattr(stale, "rules", None) == variant_rules()[2]:
            return stale
    except GazetteerError:
        pass
    try:
        build(None, path)
    except GazetteerError:
        # name-variant rules changed but the sources are gone: an older index beats none
        if stale is not None:
            return stale
        raise
    return Gazetteer.load(path)


def get_gazetteer() -> Gazetteer:
    """The process-wide gazetteer; builds the index on first use if it is missing."""
    with _LOCK:
        return _default()
