"""The `rasd serve` page in a real browser: headless Debian Chromium driven by Playwright's
bundled driver (no browser download). A server on a free localhost port serves a
temporary database holding the bundled examples.

`make screenshot` sets RASD_SCREENSHOT=docs/serve.png to refresh the README image;
otherwise screenshots go to tests/artifacts/ (git-ignored).
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("RASD_CHROMIUM", "/usr/bin/chromium"))
ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "tests" / "artifacts"
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
               "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} not found and not installed (run `make browser` as root, or "
                "apt-get install chromium chromium-driver)", allow_module_level=True)
pytest.importorskip("playwright.sync_api", reason="the webtest extra (playwright) is not installed")
pytest.importorskip("uvicorn", reason="the serve extra is not installed")

import uvicorn  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from rasd.cli import main as rasd_main  # noqa: E402
from rasd.store import Store  # noqa: E402
from rasd.web.app import create_app  # noqa: E402

# A team-written report carrying markup and quotes, as a scraped page might.
HOSTILE = ("هجوم على حاجز\n\n"
           "قُتل ثلاثة عناصر من قوات النظام <script>window.__xss=1</script> وأصيب اثنان آخران، مساء أمس، "
           "بهجوم مسلح شنه مجهولون على حاجز عسكري قرب مدينة الصنمين في ريف درعا الشمالي "
           "<img src=x onerror=\"window.__xss=1\">، وقال مصدر محلي إن \"المهاجمين انسحبوا\" و'لاذوا بالفرار'.\n")
# Astral characters (two UTF-16 units each) before and between the evidence spans.
ASTRAL = ("🔴 عاجل 🔴\n\n"
          "📍 قُتل مدنيان وأصيب خمسة آخرون 🚑 صباح اليوم جراء غارة جوية روسية استهدفت بلدة كفرنبل 𝟐 في ريف إدلب "
          "الجنوبي، بحسب ما أفاد الدفاع المدني.\n")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "rasd.db"
    # What a user runs first: `rasd ingest examples/`, so the map has events on it.
    assert rasd_main(["ingest", str(ROOT / "examples"), "--db", str(db), "--published", "2024-03-12",
                      "--no-progress"]) == 0
    with Store(db) as s:
        # An outlet name carrying markup: the events table and detail must show it as text.
        s.ingest_text(HOSTILE, published="2024-03-12", outlet='<img src=x onerror="window.__xss=2">"وكالة"')
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "server did not start"
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        ctx = p.chromium.launch_persistent_context(str(profile), executable_path=str(CHROMIUM), headless=True,
                                                   args=CHROME_ARGS, viewport={"width": 1300, "height": 1000})
        yield ctx
        ctx.close()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def page(browser, server):
    pg = browser.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(server + "/")
    pg.wait_for_selector("body[data-ready='1']")
    yield pg
    pg.close()
    assert not errors, errors


def _extract(pg, text: str, published: str = "2024-03-12") -> dict:
    pg.fill("#article", text)
    pg.fill("#published", published)
    with pg.expect_response("**/api/extract") as resp:
        pg.click("#extract-btn")
    out = resp.value.json()
    pg.wait_for_function("() => document.querySelector('#extract-msg').textContent.includes('record')")
    return out


def _marks(pg) -> list[dict]:
    return pg.eval_on_selector_all(
        "#article-view mark.ev",
        "ms => ms.map(m => ({start: +m.dataset.start, end: +m.dataset.end, text: m.textContent}))")


def _assert_marks_match(text: str, records: list[dict], marks: list[dict]) -> None:
    assert marks, "no highlighted evidence"
    for m in marks:        # code-point offsets, as Python counts them
        assert text[m["start"]:m["end"]] == m["text"]
    for rec in records:    # each evidence span is covered exactly by highlighted pieces
        for ev in rec["evidence"]:
            inside = [m for m in marks if ev["start"] <= m["start"] and m["end"] <= ev["end"]]
            assert "".join(m["text"] for m in inside) == ev["text"]


def test_example_article_shows_evidence_and_map_markers(page):
    text = (ROOT / "examples" / "main_report.txt").read_text(encoding="utf-8")
    out = _extract(page, text)
    assert out["text"] == text and len(out["records"]) >= 3
    marks = _marks(page)
    _assert_marks_match(text, out["records"], marks)
    assert page.eval_on_selector("#article-view", "e => getComputedStyle(e).direction") == "rtl"
    assert page.locator("#records .record").count() == len(out["records"])
    # Stored events (from the ingested examples) and the pasted article's places are on the map.
    assert page.locator("#map circle.marker[data-event-id]").count() >= 1
    assert page.locator("#map circle.marker.pasted").count() >= 1
    assert page.locator("#events-table tbody tr").count() >= 3
    assert page.locator("#timeline rect.bar").count() >= 1
    # Clicking a record lights exactly its evidence.
    page.click("#records .record[data-record='0'] h3")
    active = page.eval_on_selector_all("#article-view mark.ev.active", "ms => ms.map(m => m.dataset.records)")
    assert active and all("0" in r.split() for r in active)
    # An event's detail lists its reports.
    page.click("#events-table tbody tr >> nth=0")
    page.wait_for_selector("#event-detail ul.reports li")
    page.click("#records .record[data-record='0'] h3")
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "serve_example.png"), full_page=True)
    if os.environ.get("RASD_SCREENSHOT"):
        page.screenshot(path=os.environ["RASD_SCREENSHOT"], full_page=True)


def test_hostile_article_is_shown_literally_and_runs_nothing(page):
    out = _extract(page, HOSTILE)
    assert out["records"], "the hostile report should still yield its event"
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("img").count() == 0 and page.locator("#article-view script").count() == 0
    assert page.text_content("#article-view") == HOSTILE
    _assert_marks_match(HOSTILE, out["records"], _marks(page))
    # The stored copy, with a hostile outlet name, through the events table and detail.
    row = page.locator("#events-table tbody tr", has_text="Daraa").first
    row.click()
    page.wait_for_selector("#event-detail ul.reports li")
    assert 'onerror="window.__xss=2"' in page.text_content("#event-detail")
    page.click("#event-detail button.link")
    page.wait_for_function("() => document.querySelector('#reading-title').textContent.startsWith('document')")
    assert page.text_content("#article-view") == HOSTILE
    assert page.evaluate("typeof window.__xss") == "undefined" and page.locator("img").count() == 0
    page.screenshot(path=str(ARTIFACTS / "serve_xss.png"), full_page=True)


def test_astral_characters_do_not_shift_highlights(page):
    out = _extract(page, ASTRAL)
    assert out["records"]
    marks = _marks(page)
    _assert_marks_match(ASTRAL, out["records"], marks)
    assert any(m["text"] == "كفرنبل" for m in marks)


def test_uploaded_files_are_decoded_and_html_pages_reduced_to_their_text(page, tmp_path):
    # A windows-1256 file, as older Arabic sites save them: decoded, not mojibake.
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes(ASTRAL.replace("🔴", "").replace("📍", "").replace("🚑", "").replace("𝟐", "").encode("cp1256"))
    page.set_input_files("#upload", str(legacy))
    page.wait_for_function("() => document.querySelector('#article').value.includes('كفرنبل')")
    # An HTML page: the server extracts its main text, and the highlights index that text.
    page.set_input_files("#upload", str(ROOT / "examples" / "yemen_marib.html"))
    page.wait_for_function("() => document.querySelector('#article').value.includes('<article')")
    with page.expect_response("**/api/extract") as resp:
        page.click("#extract-btn")
    out = resp.value.json()
    page.wait_for_selector("#article-view mark.ev")
    assert out["is_html"] and "<" not in out["text"] and out["records"]
    assert page.text_content("#article-view") == out["text"]
    _assert_marks_match(out["text"], out["records"], _marks(page))
