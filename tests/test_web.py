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

from rasd.web.app import create_app

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


# Two outlets report the same shelling (different tolls and sources); a third report is a protest.
SHELLING_A = ("قصف على معرة النعمان\n\nقُتل خمسة مدنيين بينهم طفلان وأصيب ثمانية آخرون، صباح اليوم الثلاثاء، جراء "
              "قصف مدفعي لقوات النظام استهدف السوق الشعبي في مدينة معرة النعمان جنوبي إدلب، بحسب ما أفاد الدفاع "
              "المدني السوري.\n")
SHELLING_B = ("مجزرة في معرة النعمان\n\nأفاد المرصد السوري لحقوق الإنسان بمقتل ستة مدنيين في قصف مدفعي نفذته قوات "
              "النظام صباح اليوم على سوق مدينة معرة النعمان في ريف إدلب الجنوبي.\n")
PROTEST = ("توتر في درعا\n\nخرج العشرات من أهالي مدينة بصرى الشام في ريف درعا الشرقي، يوم الجمعة، في مظاهرة طالبت "
           "بالإفراج عن المعتقلين، وفق ما نقلت شبكة محلية.\n")


@pytest.fixture(scope="module")
def stored(tmp_path_factory):
    from rasd.store import Store

    db = tmp_path_factory.mktemp("webdb") / "events.db"
    with Store(db) as s:
        for text, outlet in ((SHELLING_A, "شبكة الشمال"), (SHELLING_B, "وكالة الجنوب"), (PROTEST, None)):
            s.ingest_text(text, published="2024-03-12", outlet=outlet)
    return TestClient(create_app(db))


def test_events_are_listed_and_filtered(stored):
    out = stored.get("/api/events").json()
    assert out["count"] == len(out["events"]) == 2
    shelling = next(e for e in out["events"] if e["event_type"] == "Explosions/Remote violence")
    assert shelling["n_reports"] == 2 and shelling["location"]["admin1"] == "Idlib"
    only = stored.get("/api/events", params={"event_type": "Protests"}).json()["events"]
    assert [e["event_type"] for e in only] == ["Protests"]
    assert stored.get("/api/events", params={"admin1": "Idlib", "since": "2024-03-12"}).json()["count"] == 1
    assert stored.get("/api/events", params={"country": "YE"}).json()["count"] == 0


def test_event_detail_lists_every_report_and_its_document_has_the_evidence(stored):
    ev_id = next(e["id"] for e in stored.get("/api/events").json()["events"] if e["n_reports"] == 2)
    ev = stored.get(f"/api/events/{ev_id}").json()
    assert sorted(r["outlet"] for r in ev["reports"]) == ["شبكة الشمال", "وكالة الجنوب"]
    doc = stored.get(f"/api/documents/{ev['reports'][0]['doc_id']}").json()
    assert doc["text"] in (SHELLING_A, SHELLING_B)
    spans = [e for rec in doc["records"] for e in rec["evidence"]]
    assert spans and all(doc["text"][e["start"]:e["end"]] == e["text"] for e in spans)


def test_csv_and_geojson_downloads_follow_the_filters(stored):
    r = stored.get("/api/events.csv", params={"admin1": "Idlib"})
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text.lstrip("\ufeff"))))
    assert len(rows) == 1 and rows[0]["admin1"] == "Idlib" and rows[0]["n_reports"] == "2"
    assert "شبكة الشمال" in rows[0]["source"]
    fc = stored.get("/api/events.geojson").json()
    events = {e["id"]: e for e in stored.get("/api/events").json()["events"]}
    assert fc["type"] == "FeatureCollection" and len(fc["features"]) == 2
    for f in fc["features"]:
        loc = events[f["properties"]["id"]]["location"]
        assert f["geometry"]["coordinates"] == [loc["lon"], loc["lat"]]


def test_allow_ingest_stores_the_pasted_article(tmp_path):
    client = TestClient(create_app(tmp_path / "new.db", allow_ingest=True))
    assert client.get("/api/info").json()["allow_ingest"] is True
    out = client.post("/api/extract", json={"text": PROTEST, "published": "2024-03-12"}).json()
    assert out["stored"] is True and out["doc_id"]
    assert client.get(f"/api/documents/{out['doc_id']}").json()["text"] == out["text"]
    assert client.get("/api/events").json()["count"] == 1
    # Asked not to store, even an ingest-enabled server only extracts.
    out = client.post("/api/extract", json={"text": SHELLING_A, "store": False}).json()
    assert out["stored"] is False and client.get("/api/events").json()["count"] == 1


def test_rasd_serve_binds_localhost_by_default(tmp_path):
    import os
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen([sys.executable, "-m", "rasd", "serve", "--db", str(tmp_path / "none.db"),
                             "--port", str(port)], stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        info = None
        for _ in range(200):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/info", timeout=1) as r:
                    info = json.load(r)
                break
            except OSError:
                assert proc.poll() is None, proc.stderr.read()
                time.sleep(0.1)
        assert info is not None and info["allow_ingest"] is False and info["db_present"] is False
        # Bound to loopback only: the one listening socket on the port is 127.0.0.1.
        assert _listening(port) in (None, ["127.0.0.1"])
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert "read-only" in proc.stderr.read()


def _listening(port: int) -> list[str] | None:
    """IPv4 addresses listening on ``port`` per /proc/net/tcp (None where there is no /proc)."""
    import socket
    import struct
    from pathlib import Path

    table = Path("/proc/net/tcp")
    if not table.exists():
        return None
    out = []
    for line in table.read_text().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        addr, p = local.split(":")
        if state == "0A" and int(p, 16) == port:         # 0A: LISTEN
            out.append(socket.inet_ntoa(struct.pack("<I", int(addr, 16))))
    return out
