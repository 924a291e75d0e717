"""The `rasd serve` application: JSON API over the event store and the analyst page.

Owns: `create_app` (routes, OpenAPI docs served without a CDN, the request-size limit,
the read-only switch, security headers) and the page's CSV/GeoJSON downloads (built with
`rasd.output`'s event writers). The page itself is static (``static/``); every
article string reaches it as JSON and is rendered as text nodes, never as markup.
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date
from pathlib import Path
from typing import Any, Callable

from fastapi import HTTPException, Query, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi_offline import FastAPIOffline
from pydantic import BaseModel, Field

from .. import __version__
from .basemap import basemap

STATIC = Path(__file__).parent / "static"
DEFAULT_MAX_BYTES = 2 * 1024 * 1024
# The page loads only its own files; inline script and markup-borne handlers never run.
PAGE_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
_BODY_METHODS = {"POST", "PUT", "PATCH"}


class ExtractIn(BaseModel):
    text: str = Field(..., description="the article: plain text or an HTML page (its main text is extracted)")
    published: date | None = Field(None, description="publication date (YYYY-MM-DD); anchors relative dates")
    outlet: str | None = None
    url: str | None = None
    store: bool | None = Field(None, description="also save the article in the database (default: when the "
                               "server runs with --allow-ingest; true without it is refused with 403)")


class BodyLimit:
    """ASGI middleware: a request body over ``max_bytes`` gets a 413 JSON answer before
    any route sees it, whether the client declared its length or streams it."""

    def __init__(self, app: Callable, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: dict, receive: Callable, send: Callable) -> None:
        if scope["type"] != "http" or scope["method"] not in _BODY_METHODS:
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(send, int(declared))
            return
        # Read the whole body here (it is small by construction) so a streamed body that
        # grows past the limit is refused as cleanly as a declared one.
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send, size)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> dict:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _too_large(self, send: Callable, size: int) -> None:
        payload = json.dumps({"detail": f"request body too large: {size} bytes, the limit is {self.max_bytes} bytes "
                              "(start `rasd serve` with a larger --max-bytes to accept it)"}).encode()
        await send({"type": "http.response.start", "status": 413,
                    "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})


def create_app(db_path: str | Path | None = "rasd.db", allow_ingest: bool = False,
               max_bytes: int = DEFAULT_MAX_BYTES, index_path: str | Path | None = None) -> Any:
    """The FastAPI app serving the page and the API over the store at ``db_path``.

    Read-only unless ``allow_ingest``; ``index_path`` is the gazetteer index the base map
    is drawn from (default: the cache's)."""
    app = FastAPIOffline(title="rasd", version=__version__,
                         description="Arabic conflict reports → source-attributed event records with evidence spans. "
                                     "Read-only unless the server was started with --allow-ingest.",
                         static_url="/static-docs")
    db = Path(db_path) if db_path else None

    def store(write: bool = False):
        from ..store import Store
        return Store(path=str(db), readonly=not write)

    def has_db() -> bool:
        return db is not None and db.is_file()

    @app.middleware("http")
    async def headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        if not request.url.path.startswith(("/docs", "/redoc")):
            response.headers.setdefault("Content-Security-Policy", PAGE_CSP)
        return response

    # Outermost, so an oversized body is refused before routing or JSON parsing.
    app.add_middleware(BodyLimit, max_bytes=max_bytes)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/api/info", summary="Server settings the page needs")
    def info() -> dict:
        stats = None
        if has_db():
            with store() as s:
                stats = s.stats()
        return {"version": __version__, "allow_ingest": allow_ingest, "max_bytes": max_bytes,
                "db": str(db) if db else None, "db_present": has_db(), "stats": stats}

    @app.post("/api/extract", summary="Extract records from one article",
              description="Returns the article text (HTML input: its extracted main text) and its records; "
                          "evidence offsets are code-point offsets into that text. Stores the article only "
                          "when the server allows ingest.")
    def extract(body: ExtractIn) -> dict:
        from ..batch import records_for
        from ..inputs import InputDoc, check_text, html_to_text, looks_like_html

        write = allow_ingest if body.store is None else body.store
        if write and not allow_ingest:
            raise HTTPException(403, "this server is read-only: start `rasd serve --allow-ingest` to store articles")
        is_html = looks_like_html(body.text)
        text = html_to_text(body.text) if is_html else body.text
        problem = check_text(text)
        if problem:
            raise HTTPException(422, f"cannot read this article: {problem}")
        if write:
            if db is None:
                raise HTTPException(403, "no database configured: start `rasd serve --db PATH --allow-ingest`")
            with store(write=True) as s:
                try:
                    # The raw input: the store reads an HTML page's date and URL itself.
                    doc_id, records = s.ingest_text(body.text, published=body.published, outlet=body.outlet,
                                                    url=body.url)
                except ValueError as exc:
                    raise HTTPException(422, f"cannot read this article: {exc}") from None
                stored = s.document(doc_id)
            # Offsets index the text as stored, which is what the page must split.
            text = stored["text"] if stored else text
            return {"doc_id": doc_id, "stored": True, "is_html": is_html, "text": text, "records": records}
        sha1 = hashlib.sha1(text.encode("utf-8")).hexdigest()
        doc = InputDoc("pasted", text, body.published, body.url, body.outlet, "web", is_html, sha1)
        return {"doc_id": None, "stored": False, "is_html": is_html, "text": text, "records": records_for(doc)}

    def filtered(country, admin1, event_type, since, until, actor, text, limit,
                 with_records: bool = False) -> tuple[list[dict], list[dict]]:
        if not has_db():
            return [], []
        with store() as s:
            found = s.events(country=country, admin1=admin1, event_type=event_type, since=since, until=until,
                             actor=actor, text=text, limit=limit)
            return found, (s.records([e["id"] for e in found]) if with_records and found else [])

    filters = dict(
        country=Query(None, description="ISO 3166-1 alpha-2, e.g. SY"),
        admin1=Query(None, description="governorate / first-level region (English name)"),
        event_type=Query(None, description="ACLED event type"),
        since=Query(None, description="events ending on or after this date"),
        until=Query(None, description="events starting on or before this date"),
        actor=Query(None, description="actor name (substring)"),
        text=Query(None, description="words in the reports' text"),
        limit=Query(None, ge=1, le=100_000),
    )

    @app.get("/api/events", summary="Events (deduplicated across reports), filtered")
    def events(country: str | None = filters["country"], admin1: str | None = filters["admin1"],
               event_type: str | None = filters["event_type"], since: date | None = filters["since"],
               until: date | None = filters["until"], actor: str | None = filters["actor"],
               text: str | None = filters["text"], limit: int | None = filters["limit"]) -> dict:
        found, _ = filtered(country, admin1, event_type, since, until, actor, text, limit)
        return {"count": len(found), "events": found}

    @app.get("/api/events.csv", summary="The filtered events as CSV", response_class=Response)
    def events_csv(country: str | None = filters["country"], admin1: str | None = filters["admin1"],
                   event_type: str | None = filters["event_type"], since: date | None = filters["since"],
                   until: date | None = filters["until"], actor: str | None = filters["actor"],
                   text: str | None = filters["text"], limit: int | None = filters["limit"]) -> Response:
        found, records = filtered(country, admin1, event_type, since, until, actor, text, limit, with_records=True)
        return Response(events_to_csv(found, records), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": 'attachment; filename="rasd-events.csv"'})

    @app.get("/api/events.geojson", summary="The filtered events as GeoJSON", response_class=Response)
    def events_geojson(country: str | None = filters["country"], admin1: str | None = filters["admin1"],
                       event_type: str | None = filters["event_type"], since: date | None = filters["since"],
                       until: date | None = filters["until"], actor: str | None = filters["actor"],
                       text: str | None = filters["text"], limit: int | None = filters["limit"]) -> Response:
        found, _ = filtered(country, admin1, event_type, since, until, actor, text, limit)
        return Response(json.dumps(events_to_geojson(found), ensure_ascii=False), media_type="application/geo+json",
                        headers={"Content-Disposition": 'attachment; filename="rasd-events.geojson"'})

    def stored(what: str, key: str) -> dict:
        """``Store.event`` or ``Store.document`` of ``key``; 404 when absent (or no database)."""
        found = None
        if has_db():
            with store() as s:
                found = getattr(s, what)(key)
        if found is None:
            raise HTTPException(404, f"no {what} {key!r}")
        return found

    @app.get("/api/events/{event_id}", summary="One event with all its reports")
    def event(event_id: str) -> dict:
        return stored("event", event_id)

    @app.get("/api/documents/{doc_id}", summary="One stored article: text and records with evidence")
    def document(doc_id: str) -> dict:
        return stored("document", doc_id)

    @app.get("/api/basemap", summary="Offline base map: country silhouettes and governorate centroids")
    def base() -> dict:
        return basemap(str(index_path) if index_path else None)

    return app


# --------------------------------------------------------------------------- exports
# The same rows and features as `rasd query -o` (rasd.output), so a download from the page
# and an export from the command line agree.

def events_to_csv(events: list[dict], records: list[dict]) -> str:
    """Events as ACLED-style CSV rows (UTF-8 with BOM so spreadsheet programs show the Arabic)."""
    from ..output import EVENT_COLUMNS, event_to_acled_row

    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=EVENT_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    for ev in events:
        writer.writerow(event_to_acled_row(ev, records))
    return "\ufeff" + buf.getvalue()


def events_to_geojson(events: list[dict]) -> dict:
    """Events with coordinates as a GeoJSON FeatureCollection of points (lon, lat order)."""
    from ..output import event_feature

    return {"type": "FeatureCollection", "features": [f for f in map(event_feature, events) if f is not None]}
