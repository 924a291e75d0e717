"""The store: an embedded SQLite database of documents, records, evidence and events.

Owns: the schema and every SQL statement of rasd (nothing else writes SQL), idempotent
ingestion (a document whose text hash is stored with this rasd version is skipped), the
FTS5 text index over article texts and record notes, and the events table that
`rebuild_events` fills from the cross-report merging rule of `rasd.dedup`.

Public API (the web server codes against it): `Store(path, readonly)`, `ingest_document`,
`ingest_text`, `rebuild_events`, `events`, `event`, `explain`, `document`, `documents`,
`records`, `stats`.
"""
from __future__ import annotations

import json
import re
import sqlite3
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Iterator

from . import __version__, dedup
from .inputs import InputDoc, InputError
from .normalize import normalize_key

SCHEMA_VERSION = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY, name TEXT, url TEXT, outlet TEXT, published TEXT, text TEXT NOT NULL,
    text_hash TEXT NOT NULL UNIQUE, is_html INTEGER, ingested_at TEXT, rasd_version TEXT
);
CREATE TABLE IF NOT EXISTS records (
    id TEXT PRIMARY KEY, doc_id TEXT NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL,
    record_kind TEXT, event_type TEXT, sub_event_type TEXT, rasd_type TEXT,
    country TEXT, admin1 TEXT, place TEXT, lat REAL, lon REAL, gazetteer_id TEXT,
    date_start TEXT, date_end TEXT, actor1 TEXT, actor2 TEXT,
    fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER,
    outlet TEXT, notes TEXT, record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS records_doc ON records(doc_id);
CREATE INDEX IF NOT EXISTS records_block ON records(country, date_start);
CREATE TABLE IF NOT EXISTS evidence (
    record_id TEXT NOT NULL REFERENCES records(id), field TEXT, start INTEGER, "end" INTEGER, text TEXT
);
CREATE INDEX IF NOT EXISTS evidence_record ON evidence(record_id);
CREATE TABLE IF NOT EXISTS sources (
    record_id TEXT NOT NULL REFERENCES records(id), outlet TEXT, cited TEXT, cited_kind TEXT, hedged INTEGER
);
CREATE INDEX IF NOT EXISTS sources_record ON sources(record_id);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, event_type TEXT, sub_event_type TEXT, country TEXT, admin1 TEXT,
    date_start TEXT, date_end TEXT, actor1 TEXT, actor2 TEXT, lat REAL, lon REAL,
    fatalities_low INTEGER, fatalities_best INTEGER, fatalities_high INTEGER,
    n_reports INTEGER, n_sources INTEGER, n_contradictions INTEGER, event TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS events_date ON events(date_start);
CREATE TABLE IF NOT EXISTS event_reports (
    event_id TEXT NOT NULL REFERENCES events(id), record_id TEXT NOT NULL REFERENCES records(id),
    PRIMARY KEY (event_id, record_id)
);
CREATE INDEX IF NOT EXISTS event_reports_record ON event_reports(record_id);
-- Trigram tokens: substring search, so a clitic-prefixed word (وسرمين) still matches
-- سرمين. The indexed body is the normalised text (alef/ya/ta-marbuta folded).
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(kind UNINDEXED, ref UNINDEXED, body, tokenize='trigram');
"""

_EVENT_COLUMNS = ("id, event_type, sub_event_type, country, admin1, date_start, date_end, actor1, actor2, lat, lon, "
                  "fatalities_low, fatalities_best, fatalities_high, n_reports, n_sources, n_contradictions, event")


def doc_key(text_hash: str) -> str:
    """A document's id: its text hash, short (stable across machines and re-ingests)."""
    return "d" + text_hash[:15]


def _iso(d: date | str | None) -> str | None:
    return d.isoformat() if isinstance(d, date) else d


class StoreError(Exception):
    pass


class Store:
    """A rasd database. ``Store("rasd.db")`` creates it when missing (unless ``readonly``)."""

    def __init__(self, path: str | Path = "rasd.db", readonly: bool = False):
        self.path = Path(path)
        self.readonly = readonly
        self._in_batch = False
        if readonly:
            if not self.path.exists():
                raise StoreError(f"no database at {self.path}")
            uri = f"file:{self.path.resolve().as_posix()}?mode=ro"
            # check_same_thread=False: a web server may hand one read-only store to worker threads.
            self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
            try:
                self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            except sqlite3.DatabaseError as exc:
                self.db.close()
                raise StoreError(f"{self.path} is not a rasd database ({exc})") from None
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(self.path, check_same_thread=False)
            try:
                self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.executescript(_SCHEMA)
                self.db.execute("INSERT OR IGNORE INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
                self.db.commit()
            except sqlite3.DatabaseError as exc:
                self.db.close()
                raise StoreError(f"{self.path} is not a rasd database ({exc})") from None
        self.db.row_factory = sqlite3.Row

    # ------------------------------------------------------------------ lifecycle

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.readonly and exc[0] is None:
            self.db.commit()
        self.close()

    @contextmanager
    def batch(self) -> Iterator["Store"]:
        """One transaction for many `ingest_document` calls (far faster than one each)."""
        self._in_batch = True
        try:
            yield self
            self.db.commit()
        except BaseException:
            self.db.rollback()
            raise
        finally:
            self._in_batch = False

    def _commit(self) -> None:
        if not self._in_batch:
            self.db.commit()

    # ------------------------------------------------------------------ writing

    def stored_texts(self) -> frozenset[bytes]:
        """The text sha1s (as bytes) this rasd version has stored, which `ingest_document`
        would skip: a batch runner skips them before extraction."""
        rows = self.db.execute("SELECT text_hash FROM documents WHERE rasd_version = ?", (__version__,))
        return frozenset(bytes.fromhex(r[0]) for r in rows)

    def ingest_document(self, item: InputDoc, records: list[dict]) -> str | None:
        """Store one document and its records; None when it is already stored (same text,
        same rasd version). A document stored by another rasd version is re-extracted in
        place: its old records are replaced, its id stays."""
        if self.readonly:
            raise StoreError("read-only store")
        row = self.db.execute("SELECT id, rasd_version FROM documents WHERE text_hash = ?",
                              (item.text_sha1,)).fetchone()
        if row is not None and row["rasd_version"] == __version__:
            return None
        doc_id = doc_key(item.text_sha1)
        if row is not None:
            self._delete_records(row["id"])
            self.db.execute("DELETE FROM documents WHERE id = ?", (row["id"],))
        self.db.execute(
            "INSERT INTO documents (id, name, url, outlet, published, text, text_hash, is_html, ingested_at, "
            "rasd_version) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (doc_id, item.doc_id, item.url, item.outlet, _iso(item.published), item.text, item.text_sha1,
             int(item.is_html), datetime.now(timezone.utc).isoformat(timespec="seconds"), __version__))
        self.db.execute("INSERT INTO fts (kind, ref, body) VALUES ('doc', ?, ?)", (doc_id, normalize_key(item.text)))
        for i, rec in enumerate(records):
            self._insert_record(doc_id, i, rec, item.outlet)
        self._commit()
        return doc_id

    def _insert_record(self, doc_id: str, idx: int, rec: dict, outlet: str | None) -> None:
        rid = f"{doc_id}:{idx}"
        loc = rec.get("location") or {}
        fat = rec.get("fatalities") or {}
        src = rec.get("source") or {}
        self.db.execute(
            "INSERT INTO records (id, doc_id, idx, record_kind, event_type, sub_event_type, rasd_type, country, admin1, "
            "place, lat, lon, gazetteer_id, date_start, date_end, actor1, actor2, fatalities_low, fatalities_best, "
            "fatalities_high, outlet, notes, record) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (rid, doc_id, idx, rec.get("record_kind"), rec.get("event_type"), rec.get("sub_event_type"),
             rec.get("rasd_type"), loc.get("country"), loc.get("admin1"),
             loc.get("name_en") or loc.get("name_ar") or loc.get("mention"), loc.get("lat"), loc.get("lon"),
             loc.get("gazetteer_id"), rec.get("date_start"), rec.get("date_end"), rec.get("actor1"),
             rec.get("actor2"), fat.get("low"), fat.get("best"), fat.get("high"), src.get("outlet") or outlet,
             rec.get("notes"), json.dumps(rec, ensure_ascii=False)))
        self.db.executemany('INSERT INTO evidence (record_id, field, start, "end", text) VALUES (?,?,?,?,?)',
                            [(rid, e.get("field"), e.get("start"), e.get("end"), e.get("text"))
                             for e in rec.get("evidence") or []])
        self.db.execute("INSERT INTO sources (record_id, outlet, cited, cited_kind, hedged) VALUES (?,?,?,?,?)",
                        (rid, src.get("outlet") or outlet, src.get("cited"), src.get("cited_kind"),
                         int(bool(src.get("hedged")))))
        if rec.get("notes"):
            self.db.execute("INSERT INTO fts (kind, ref, body) VALUES ('note', ?, ?)", (rid, rec["notes"]))

    def _delete_records(self, doc_id: str) -> None:
        ids = [r[0] for r in self.db.execute("SELECT id FROM records WHERE doc_id = ?", (doc_id,))]
        # Events these records belonged to are dissolved: their other reports become loose
        # and the next rebuild_events re-clusters them.
        stale = sorted({r[0] for r in self.db.execute(
            "SELECT event_id FROM event_reports WHERE record_id IN (SELECT id FROM records WHERE doc_id = ?)",
            (doc_id,))})
        self.db.executemany("DELETE FROM event_reports WHERE event_id = ?", [(e,) for e in stale])
        self.db.executemany("DELETE FROM events WHERE id = ?", [(e,) for e in stale])
        for table in ("evidence", "sources", "event_reports"):
            self.db.executemany(f"DELETE FROM {table} WHERE record_id = ?", [(i,) for i in ids])
        self.db.executemany("DELETE FROM fts WHERE kind = 'note' AND ref = ?", [(i,) for i in ids])
        self.db.execute("DELETE FROM fts WHERE kind = 'doc' AND ref = ?", (doc_id,))
        self.db.execute("DELETE FROM records WHERE doc_id = ?", (doc_id,))

    def ingest_text(self, text: str, published: date | str | None = None, outlet: str | None = None,
                    url: str | None = None, rebuild: bool = True) -> tuple[str, list[dict]]:
        """Extract one text (plain or HTML) and store it; returns its doc id and records.
        Already stored: the stored id and records, nothing re-extracted. Events are rebuilt
        unless ``rebuild`` is False. Raises ValueError for an unusable text."""
        from .batch import records_for
        from .inputs import _make  # the same decoding/HTML path as files get

        pub = date.fromisoformat(published) if isinstance(published, str) else published
        item = _make(url or "text", text, url or "<text>", html=None, published=pub, url=url, outlet=outlet)
        if isinstance(item, InputError):
            raise ValueError(item.error)
        existing = self.db.execute("SELECT id, rasd_version FROM documents WHERE text_hash = ?",
                                   (item.text_sha1,)).fetchone()
        if existing is not None and existing["rasd_version"] == __version__:
            return existing["id"], [self._record_dict(r) for r in self._records_where("r.doc_id = ?", (existing["id"],))]
        doc_id = self.ingest_document(item, records_for(item))
        self.db.commit()
        if rebuild:
            self.rebuild_events([doc_id])
        return doc_id, [self._record_dict(r) for r in self._records_where("r.doc_id = ?", (doc_id,))]

    def rebuild_events(self, doc_ids: list[str] | None = None) -> int:
        """Re-run cross-report deduplication; returns the number of events in the store.

        Without ``doc_ids``, over every stored record. With them (documents just ingested),
        only the countries those documents' records fall in, plus any record left without
        an event, are re-clustered: events never span two countries (blocking), so the
        result is exactly that of a full rebuild, at the cost of one country's records.
        Deterministic: the same records always give the same events and ids."""
        if doc_ids is None:
            rows = self._records_where("1", (), slim=True)
            self.db.execute("DELETE FROM event_reports")
            self.db.execute("DELETE FROM events")
        else:
            rows = self._affected_rows(doc_ids)
            stale = sorted({r["event_id"] for r in rows if r["event_id"]})
            for i in range(0, len(stale), 500):
                chunk = stale[i:i + 500]
                marks = ",".join("?" * len(chunk))
                self.db.execute(f"DELETE FROM event_reports WHERE event_id IN ({marks})", chunk)
                self.db.execute(f"DELETE FROM events WHERE id IN ({marks})", chunk)
        ingested = {r["id"]: r["ingested_at"] for r in rows}
        for ev in dedup.summarize_all(self._record_dict(r) for r in rows):
            # When the newest of its reports arrived: ACLED's row timestamp, stable across re-ingests.
            ev["updated_at"] = max(ingested[rid] for rid in ev["reports"])
            loc, fat = ev["location"], ev["fatalities"]
            self.db.execute(
                f"INSERT INTO events ({_EVENT_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (ev["id"], ev["event_type"], ev["sub_event_type"], loc.get("country"), loc.get("admin1"),
                 ev["date_start"], ev["date_end"], ev["actor1"], ev["actor2"], loc.get("lat"), loc.get("lon"),
                 fat["low"], fat["best"], fat["high"], ev["n_reports"], ev["n_sources"], len(ev["contradictions"]),
                 json.dumps(ev, ensure_ascii=False)))
            self.db.executemany("INSERT INTO event_reports (event_id, record_id) VALUES (?, ?)",
                                [(ev["id"], rid) for rid in ev["reports"]])
        self.db.commit()
        return self.db.execute("SELECT COUNT(*) FROM events").fetchone()[0]

    def _affected_rows(self, doc_ids: list[str]) -> list[sqlite3.Row]:
        """The records of every block (country × type family) that the documents' records,
        or records left without an event, fall in."""
        cols = "r.id, r.country, r.event_type, r.sub_event_type, r.record_kind"
        seeds = []
        for i in range(0, len(doc_ids), 500):
            chunk = doc_ids[i:i + 500]
            seeds += self.db.execute(f"SELECT {cols} FROM records r WHERE r.doc_id IN ({','.join('?' * len(chunk))})",
                                     chunk).fetchall()
        # Event records without an event (aggregate claims never get one).
        seeds += self.db.execute(f"SELECT {cols} FROM records r WHERE r.record_kind = 'event' AND NOT EXISTS "
                                 "(SELECT 1 FROM event_reports x WHERE x.record_id = r.id)").fetchall()

        def block(row) -> tuple | None:
            fam = dedup.family({"record_kind": row[4], "event_type": row[2], "sub_event_type": row[3]})
            return None if fam is None else (row[1], fam)

        blocks = {block(r) for r in seeds} - {None}
        ids = {r[0] for r in seeds if block(r) is not None and r[1] is None}     # no country: a single
        countries = sorted({c for c, _ in blocks if c is not None})
        if countries:
            ids |= {r[0] for r in self.db.execute(
                f"SELECT {cols} FROM records r WHERE r.country IN ({','.join('?' * len(countries))})", countries)
                if block(r) in blocks}
        ids_list = sorted(ids)
        rows: list[sqlite3.Row] = []
        for i in range(0, len(ids_list), 500):
            chunk = ids_list[i:i + 500]
            rows += self._records_where(f"r.id IN ({','.join('?' * len(chunk))})", tuple(chunk), slim=True)
        return rows

    # ------------------------------------------------------------------ reading

    def _records_where(self, where: str, params: tuple, slim: bool = False) -> list[sqlite3.Row]:
        # slim: without evidence, counts and notes, which merging never reads (a third of
        # the parsing time and most of the memory of a rebuild).
        record = "json_remove(r.record, '$.evidence', '$.counts', '$.notes') AS record" if slim else "r.record"
        return self.db.execute(
            f"SELECT r.id, r.doc_id, {record}, d.outlet AS doc_outlet, d.ingested_at, er.event_id FROM records r "
            "JOIN documents d ON d.id = r.doc_id LEFT JOIN event_reports er ON er.record_id = r.id "
            f"WHERE {where} ORDER BY r.doc_id, r.idx", params).fetchall()

    @staticmethod
    def _record_dict(row: sqlite3.Row) -> dict:
        rec = json.loads(row["record"])
        rec["id"], rec["doc"], rec["event_id"] = row["id"], row["doc_id"], row["event_id"]
        # The document's outlet (JSONL "outlet" field) stands in when the text names none.
        if row["doc_outlet"] and not (rec.get("source") or {}).get("outlet"):
            rec.setdefault("source", {})["outlet"] = row["doc_outlet"]
        return rec

    def events(self, country: str | None = None, admin1: str | None = None, event_type: str | None = None,
               since: date | str | None = None, until: date | str | None = None, actor: str | None = None,
               text: str | None = None, limit: int | None = None, offset: int = 0) -> list[dict]:
        """Events matching every given filter, by date then id.

        Each event (`rasd.dedup.summarize`): id, event_type, sub_event_type, date_start,
        date_end, location {mention, name_ar, name_en, admin1, country, lat, lon,
        geo_precision, gazetteer_id}, actor1, actor2, fatalities {low, best, high,
        by_report}, n_reports, n_sources, contradictions, reports and report_ids (record
        ids), representative (the record whose place and type fields were used), updated_at.

        country: ISO2 code or English name; admin1: exact, any case; event_type: an ACLED
        event or sub-event type, any case; since/until: the event's dates overlap that
        range; actor: a substring of any report's actor1/actor2, any case; text: a phrase
        (3+ characters) in any report's article text or English notes."""
        where, params = self._event_filters(country, admin1, event_type, since, until, actor, text)
        sql = f"SELECT event FROM events e WHERE {where} ORDER BY e.date_start IS NULL, e.date_start, e.id"
        if limit or offset:
            sql += f" LIMIT {int(limit) if limit else -1} OFFSET {int(offset)}"
        return [json.loads(r["event"]) for r in self.db.execute(sql, params)]

    def count_events(self, country: str | None = None, admin1: str | None = None, event_type: str | None = None,
                     since: date | str | None = None, until: date | str | None = None, actor: str | None = None,
                     text: str | None = None) -> int:
        """How many events `events` would return without a limit (for paging)."""
        where, params = self._event_filters(country, admin1, event_type, since, until, actor, text)
        return self.db.execute(f"SELECT COUNT(*) FROM events e WHERE {where}", params).fetchone()[0]

    def _event_filters(self, country, admin1, event_type, since, until, actor, text) -> tuple[str, list]:
        from .output import _COUNTRIES

        where, params = ["1"], []
        if country:
            codes = {k for k, v in _COUNTRIES.items() if country.lower() in (k.lower(), v[1].lower(), v[2].lower())}
            codes.add(country.upper())
            where.append(f"e.country IN ({','.join('?' * len(codes))})")
            params += sorted(codes)
        if admin1:
            where.append("e.admin1 = ? COLLATE NOCASE")
            params.append(admin1)
        if event_type:
            where.append("(e.event_type = ? COLLATE NOCASE OR e.sub_event_type = ? COLLATE NOCASE)")
            params += [event_type, event_type]
        if since:
            where.append("COALESCE(e.date_end, e.date_start) >= ?")
            params.append(_iso(since))
        if until:
            where.append("COALESCE(e.date_start, e.date_end) <= ?")
            params.append(_iso(until))
        if actor:
            where.append("EXISTS (SELECT 1 FROM event_reports er JOIN records r ON r.id = er.record_id "
                         "WHERE er.event_id = e.id AND (r.actor1 LIKE ? OR r.actor2 LIKE ?))")
            params += [f"%{actor}%"] * 2
        if text:
            key = normalize_key(text)
            if len(key) >= 3:
                match, arg = "fts MATCH ?", "body:\"" + key.replace('"', '""') + '"'
            else:
                # Trigrams cannot find one or two letters: scan the indexed bodies instead.
                match, arg = "body LIKE ? ESCAPE '\\'", "%" + re.sub(r"([%_\\])", r"\\\1", key) + "%"
            where.append("EXISTS (SELECT 1 FROM event_reports er JOIN records r ON r.id = er.record_id "
                         f"WHERE er.event_id = e.id AND (r.doc_id IN (SELECT ref FROM fts WHERE {match} AND kind = 'doc') "
                         f"OR r.id IN (SELECT ref FROM fts WHERE {match} AND kind = 'note')))")
            params += [arg] * 2
        return " AND ".join(where), params

    def event(self, event_id: str) -> dict | None:
        """The event with its full reports: ``reports`` becomes a list of {record_id, doc_id,
        doc_name, outlet, url, published, fatalities, counts, evidence, record}
        (``report_ids`` keeps the ids), plus ``explain``: the lines of `dedup.explain`."""
        row = self.db.execute("SELECT event FROM events WHERE id = ?", (event_id,)).fetchone()
        if row is None:
            return None
        ev = json.loads(row["event"])
        members = [self._record_dict(r) for r in self._records_where(
            "r.id IN (SELECT record_id FROM event_reports WHERE event_id = ?)", (event_id,))]
        docs = {d["id"]: d for d in self.db.execute(
            "SELECT id, name, url, outlet, published FROM documents WHERE id IN "
            f"({','.join('?' * len(members))})", [m["doc"] for m in members])}
        ev["reports"] = [{
            "record_id": m["id"], "doc_id": m["doc"], "doc_name": docs[m["doc"]]["name"],
            "outlet": (m.get("source") or {}).get("outlet"), "url": docs[m["doc"]]["url"],
            "published": docs[m["doc"]]["published"], "fatalities": m.get("fatalities"),
            "counts": m.get("counts") or [], "evidence": m.get("evidence") or [], "record": m,
        } for m in sorted(members, key=lambda m: m["id"])]
        ev["explain"] = dedup.explain(members, self._neighbours(members))
        return ev

    def explain(self, event_id: str) -> list[str] | None:
        """Why the event's reports were merged and why nearby records were not."""
        ev = self.event(event_id)
        return None if ev is None else ev["explain"]

    def _neighbours(self, members: list[dict]) -> list[dict]:
        countries = sorted({(m.get("location") or {}).get("country") for m in members} - {None})
        if not countries:
            return []
        ids = {m["id"] for m in members}
        # The near-miss window of `dedup.explain`: a week either side of the members' dates.
        days = sorted(d for m in members for d in (m.get("date_start"), m.get("date_end")) if d)
        where = f"r.country IN ({','.join('?' * len(countries))}) AND r.record_kind = 'event'"
        params: tuple = tuple(countries)
        if days:
            lo = (date.fromisoformat(days[0]) - timedelta(days=dedup.NEAR_MISS_DAYS)).isoformat()
            hi = (date.fromisoformat(days[-1]) + timedelta(days=dedup.NEAR_MISS_DAYS)).isoformat()
            where += " AND COALESCE(r.date_start, r.date_end) <= ? AND COALESCE(r.date_end, r.date_start) >= ?"
            params += (hi, lo)
        rows = self._records_where(where, params)
        return [self._record_dict(r) for r in rows if r["id"] not in ids]

    def records(self, event_ids: list[str] | None = None) -> list[dict]:
        """Stored record dicts (with ``id``, ``doc`` and ``event_id``), all or those of events."""
        if event_ids is None:
            return [self._record_dict(r) for r in self._records_where("1", ())]
        out = []
        for i in range(0, len(event_ids), 500):
            chunk = event_ids[i:i + 500]
            out += [self._record_dict(r) for r in self._records_where(
                f"er.event_id IN ({','.join('?' * len(chunk))})", tuple(chunk))]
        return out

    def document(self, doc_id: str) -> dict | None:
        """A stored document: id, name, url, outlet, published, text, and its records
        (each with its evidence and the id of the event it belongs to)."""
        row = self.db.execute("SELECT id, name, url, outlet, published, text, text_hash, ingested_at, rasd_version "
                              "FROM documents WHERE id = ?", (doc_id,)).fetchone()
        if row is None:
            return None
        d = dict(row)
        d["records"] = [self._record_dict(r) for r in self._records_where("r.doc_id = ?", (doc_id,))]
        return d

    def documents(self, limit: int | None = 100, offset: int = 0) -> list[dict]:
        """Documents without their text, by publication date then id, with record counts."""
        sql = ("SELECT d.id, d.name, d.url, d.outlet, d.published, d.ingested_at, "
               "(SELECT COUNT(*) FROM records r WHERE r.doc_id = d.id) AS n_records FROM documents d "
               "ORDER BY d.published IS NULL, d.published, d.id")
        if limit:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        return [dict(r) for r in self.db.execute(sql)]

    def stats(self) -> dict[str, Any]:
        """Row counts, multi-report events and the date range covered."""
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT COUNT(*) FROM documents"),
            "records": one("SELECT COUNT(*) FROM records"),
            "evidence": one("SELECT COUNT(*) FROM evidence"),
            "sources": one("SELECT COUNT(*) FROM sources"),
            "events": one("SELECT COUNT(*) FROM events"),
            "multi_report_events": one("SELECT COUNT(*) FROM events WHERE n_reports > 1"),
            "events_with_contradictions": one("SELECT COUNT(*) FROM events WHERE n_contradictions > 0"),
            "date_min": one("SELECT MIN(date_start) FROM events"),
            "date_max": one("SELECT MAX(date_end) FROM events"),
            "countries": {r[0]: r[1] for r in self.db.execute(
                "SELECT country, COUNT(*) FROM events WHERE country IS NOT NULL GROUP BY country ORDER BY country")},
        }
