"""`rasd serve`'s API: extraction without a write, the read-only switch, the size limit,
security headers, the OpenAPI listing, the offline base map and the event exports."""
from __future__ import annotations

import csv
import io
import json
import warnings

import pytest

pytest.importorskip("fastapi", reason="the serve extra is not installed")
with warnings.catch_warnings():
    warnings.simplefilter("ignore")       # starlette's notice about httpx versions
    from fastapi.testclient import TestClient

from rasd.web.app import create_app, events_to_csv, events_to_geojson

REPORT = ("اشتباكات في ريف حلب\n\n"
          "قُتل أربعة عناصر من قوات النظام وأصيب ستة آخرون، مساء أمس الأحد، في اشتباكات مع فصائل المعارضة "
          "قرب بلدة الأتارب في ريف حلب الغربي، بحسب ما أفاد المرصد السوري لحقوق الإنسان.\n")


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    db = tmp_path_factory.mktemp("web") / "absent.db"
    return TestClient(create_app(db, max_bytes=64 * 1024))


def test_extract_returns_text_and_records_whose_offsets_index_it(client):
    r = client.post("/api/extract", json={"text": REPORT, "published": "2024-03-11"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["stored"] is False and out["text"] == REPORT
    assert out["records"] and out["records"][0]["event_type"] == "Battles"
    for rec in out["records"]:
        for ev in rec["evidence"]:
            assert out["text"][ev["start"]:ev["end"]] == ev["text"]


def test_extract_of_an_html_page_answers_with_its_main_text(client):
    page = ("<html><head><title>خبر</title></head><body><nav>الرئيسية</nav><article><p>"
            + REPORT.replace("\n\n", "</p><p>") + "</p></article></body></html>")
    out = client.post("/api/extract", json={"text": page, "published": "2024-03-11"}).json()
    assert out["is_html"] is True and "<p>" not in out["text"]
    ev = out["records"][0]["evidence"][0]
    assert out["text"][ev["start"]:ev["end"]] == ev["text"]


def test_unreadable_article_is_a_clear_422(client):
    r = client.post("/api/extract", json={"text": "hello world, no Arabic here at all"})
    assert r.status_code == 422 and "cannot read this article" in r.json()["detail"]


def test_read_only_server_refuses_to_store_with_403(client):
    r = client.post("/api/extract", json={"text": REPORT, "store": True})
    assert r.status_code == 403 and "--allow-ingest" in r.json()["detail"]


def test_oversized_body_gets_413_json_before_parsing(client):
    big = json.dumps({"text": "قصف " * 40_000}).encode()
    r = client.post("/api/extract", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert "too large" in r.json()["detail"] and str(64 * 1024) in r.json()["detail"]


def test_page_and_static_files_carry_a_self_only_csp(client):
    page = client.get("/")
    assert page.status_code == 200 and 'id="article"' in page.text
    assert "default-src 'self'" in page.headers["content-security-policy"]
    assert page.headers["x-content-type-options"] == "nosniff"
    js = client.get("/static/app.js")
    assert js.status_code == 200 and "innerHTML" not in js.text.replace("never through innerHTML", "")


def test_openapi_lists_the_four_endpoints_and_docs_need_no_cdn(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "post" in paths["/api/extract"]
    for p in ("/api/events", "/api/events/{event_id}", "/api/documents/{doc_id}"):
        assert "get" in paths[p]
    docs = client.get("/docs")
    assert docs.status_code == 200 and "cdn" not in docs.text.lower()
    js = docs.text.split('src="')[1].split('"')[0]
    assert client.get(js).status_code == 200


def test_without_a_database_events_are_empty_and_ids_are_404(client):
    assert client.get("/api/events").json() == {"count": 0, "events": []}
    assert client.get("/api/events/1").status_code == 404
    assert client.get("/api/documents/1").status_code == 404


def test_basemap_comes_from_the_gazetteer_index(client):
    bm = client.get("/api/basemap").json()
    assert bm["cell"] > 0 and len(bm["countries"]["SY"]) > 100
    aleppo = next(r for r in bm["regions"] if r["name_en"] == "Aleppo")
    assert aleppo["country"] == "SY" and 35 < aleppo["lat"] < 37.5 and 36 < aleppo["lon"] < 39
    # Syria's cells lie in Syria's box: stray source coordinates are not drawn as land.
    assert all(35 <= lon <= 42.6 and 32 <= lat <= 37.6 for lon, lat in bm["countries"]["SY"])


EVENTS = [
    {"id": 7, "event_type": "Battles", "sub_event_type": "Armed clash", "date_start": "2024-03-10",
     "date_end": "2024-03-10", "location": {"mention": "الأتارب", "name_ar": "الأتارب", "name_en": "Al-Atarib",
                                           "admin1": "Aleppo", "country": "SY", "lat": 36.14, "lon": 36.83,
                                           "geo_precision": 1},
     "actor1": "Military Forces of Syria", "actor2": "Opposition Rebels (Syria)",
     "fatalities": {"low": 4, "best": 4, "high": 6}, "n_reports": 2, "n_sources": 2, "contradictions": []},
    {"id": 8, "event_type": "Protests", "date_start": "2024-03-11", "date_end": "2024-03-11",
     "location": {"mention": "البلدة", "country": "SY", "lat": None, "lon": None}, "fatalities": None},
]


def test_csv_export_keeps_arabic_and_one_row_per_event():
    text = events_to_csv(EVENTS)
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert [r["id"] for r in rows] == ["7", "8"]
    assert rows[0]["location_ar"] == "الأتارب" and rows[0]["fatalities_high"] == "6" and rows[1]["latitude"] == ""


def test_geojson_export_is_lon_lat_points_and_skips_unplaced_events():
    fc = events_to_geojson(EVENTS)
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 1
    f = fc["features"][0]
    assert f["geometry"] == {"type": "Point", "coordinates": [36.83, 36.14]}
    assert f["properties"]["event_type"] == "Battles" and f["id"] == 7
