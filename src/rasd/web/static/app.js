// The rasd page: vanilla JS, no build step, no third-party code.
// Safety rule: every string that comes from an article or the database reaches the DOM
// as a text node (textContent / createTextNode) or an attribute value set through the
// DOM API, never through innerHTML, so a hostile article is shown, not run.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const TYPE_COLORS = {
  "Battles": "#c0392b",
  "Explosions/Remote violence": "#d35400",
  "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9",
  "Riots": "#16a085",
  "Strategic developments": "#7f8c8d",
};
const FIELD_ORDER = ["trigger", "location", "date", "actor1", "actor2", "fatalities", "counts", "source"];

const state = { info: null, basemap: null, events: [], pasted: [], activeRecord: null };

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") node.className = v;
    else if (k === "text") node.textContent = v;
    else if (k === "bg") node.style.background = v;   // CSSOM: allowed by the page's CSP, unlike style=""
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return node;
}

function svg(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

async function api(path, options) {
  const res = await fetch(path, options);
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const detail = body && body.detail ? (typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)) : res.statusText;
    throw new Error(`${res.status}: ${detail}`);
  }
  return body;
}

// Python gives code-point offsets; JS strings index UTF-16 units. u16[i] is the UTF-16
// index of code point i (astral characters such as emoji take two units).
function codePointIndex(text) {
  const u16 = [];
  let u = 0;
  for (const ch of text) { u16.push(u); u += ch.length; }
  u16.push(u);
  return u16;
}

// ---------------------------------------------------------------- reading view

function fieldValue(rec, field) {
  const loc = rec.location || {};
  const fat = rec.fatalities || {};
  switch (field) {
    case "trigger": return [rec.event_type, rec.sub_event_type, rec.rasd_type].filter(Boolean).join(" · ");
    case "location": return [loc.name_en || loc.mention, loc.admin1, loc.country].filter(Boolean).join(", ");
    case "date": return rec.date_start === rec.date_end ? rec.date_start : `${rec.date_start} – ${rec.date_end}`;
    case "actor1": return rec.actor1;
    case "actor2": return rec.actor2;
    case "fatalities": return fat.best === undefined ? null : `${fat.low}/${fat.best}/${fat.high === null ? "open" : fat.high} (low/best/high)`;
    case "counts": return (rec.counts || []).map(c => `${c.what}: ${c.best}`).join(", ");
    case "source": return rec.source ? [rec.source.cited, rec.source.cited_kind, rec.source.hedged ? "hedged" : ""].filter(Boolean).join(" · ") : null;
    default: return null;
  }
}

function showDocument(text, records, title) {
  state.activeRecord = null;
  const view = document.getElementById("article-view");
  const list = document.getElementById("records");
  view.replaceChildren();
  list.replaceChildren();
  document.getElementById("reading-title").textContent = title || "";
  const u16 = codePointIndex(text);
  const ncp = u16.length - 1;
  // Every evidence span, tagged with its record; spans may overlap, so the text is cut
  // at every boundary and each piece lists the spans covering it.
  const spans = [];
  records.forEach((rec, ri) => (rec.evidence || []).forEach(ev => {
    if (ev.start >= 0 && ev.end <= ncp && ev.start < ev.end) spans.push({ ri, field: ev.field, start: ev.start, end: ev.end });
  }));
  const cuts = new Set([0, ncp]);
  spans.forEach(s => { cuts.add(s.start); cuts.add(s.end); });
  const points = [...cuts].sort((a, b) => a - b);
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i], b = points[i + 1];
    const piece = text.slice(u16[a], u16[b]);
    const covering = spans.filter(s => s.start <= a && s.end >= b);
    if (!covering.length) { view.append(document.createTextNode(piece)); continue; }
    const first = covering[0];
    const mark = el("mark", {
      class: `ev f-${first.field}`,
      "data-start": a, "data-end": b,
      "data-field": first.field,
      "data-records": [...new Set(covering.map(s => s.ri))].join(" "),
    }, piece);
    mark.title = covering.map(s => `record ${s.ri + 1} · ${s.field}: ${fieldValue(records[s.ri], s.field) || ""}`).join("\n");
    mark.addEventListener("click", () => selectRecord(covering[0].ri, covering[0].field));
    view.append(mark);
  }
  records.forEach((rec, ri) => list.append(recordCard(rec, ri)));
  if (!records.length) list.append(el("p", { class: "muted" }, "No event records in this article."));
}

function recordCard(rec, ri) {
  const color = TYPE_COLORS[rec.event_type] || "#555";
  const card = el("div", { class: "record", "data-record": ri },
    el("h3", {}, el("span", { class: "dot", bg: color }), `${ri + 1}. ${rec.event_type || rec.record_kind}`,
      rec.record_kind === "aggregate_claim" ? el("span", { class: "muted" }, " (cumulative toll)") : null));
  const dl = el("dl", {});
  for (const field of FIELD_ORDER) {
    const value = fieldValue(rec, field);
    if (!value) continue;
    const has = (rec.evidence || []).some(e => e.field === field);
    const dt = el("dt", { class: has ? `f-${field} linked` : "" }, field);
    if (has) dt.addEventListener("click", ev => { ev.stopPropagation(); selectRecord(ri, field); });
    dl.append(dt, el("dd", { dir: "auto" }, value));
  }
  card.append(dl);
  if (rec.notes) card.append(el("p", { class: "notes" }, rec.notes));
  card.addEventListener("click", () => selectRecord(ri, null));
  return card;
}

// Clicking a record lights its spans (or one field's); clicking a span lights its record.
function selectRecord(ri, field) {
  state.activeRecord = ri;
  document.querySelectorAll("#records .record").forEach(c => c.classList.toggle("active", Number(c.dataset.record) === ri));
  let firstHit = null;
  document.querySelectorAll("#article-view mark.ev").forEach(m => {
    const mine = m.dataset.records.split(" ").map(Number).includes(ri);
    const hit = mine && (!field || m.title.split("\n").some(line => line.startsWith(`record ${ri + 1} · ${field}:`)));
    m.classList.toggle("active", hit);
    m.classList.toggle("dim", !mine);
    if (hit && !firstHit) firstHit = m;
  });
  if (firstHit) firstHit.scrollIntoView({ block: "nearest" });
  document.querySelectorAll("#map .marker").forEach(c => c.classList.toggle("active", c.dataset.record === String(ri)));
}

function legend() {
  const p = document.getElementById("legend");
  p.replaceChildren("Evidence: ");
  for (const f of FIELD_ORDER) p.append(el("mark", { class: `ev f-${f}` }, f), " ");
}

// ---------------------------------------------------------------- extraction

async function extract() {
  const msg = document.getElementById("extract-msg");
  const text = document.getElementById("article").value;
  if (!text.trim()) { msg.textContent = "Paste an article first."; return; }
  const body = { text };
  const published = document.getElementById("published").value;
  const outlet = document.getElementById("outlet").value.trim();
  if (published) body.published = published;
  if (outlet) body.outlet = outlet;
  if (state.info && state.info.allow_ingest) body.store = document.getElementById("store").checked;
  msg.textContent = "extracting…";
  msg.classList.remove("error");
  try {
    const out = await api("/api/extract", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
    state.pasted = out.records;
    showDocument(out.text, out.records, out.stored ? `document ${out.doc_id} (stored)` : "pasted article (not stored)");
    msg.textContent = `${out.records.length} record(s)` + (out.stored ? `, stored as document ${out.doc_id}` : "");
    if (out.stored) await loadEvents(); else drawMap();
  } catch (e) {
    msg.textContent = e.message;
    msg.classList.add("error");
  }
}

// Arabic files come as UTF-8 (BOM or not), UTF-16 with a BOM, or windows-1256: the same
// encodings `rasd extract` reads. The server gets the decoded text.
function decodeFile(buf) {
  const bytes = new Uint8Array(buf);
  if (bytes[0] === 0xFF && bytes[1] === 0xFE) return new TextDecoder("utf-16le").decode(bytes);
  if (bytes[0] === 0xFE && bytes[1] === 0xFF) return new TextDecoder("utf-16be").decode(bytes);
  try { return new TextDecoder("utf-8", { fatal: true }).decode(bytes); }
  catch (e) { return new TextDecoder("windows-1256").decode(bytes); }
}

async function upload(ev) {
  const file = ev.target.files[0];
  if (!file) return;
  document.getElementById("article").value = decodeFile(await file.arrayBuffer());
  document.getElementById("extract-msg").textContent = `${file.name} loaded: click Extract`;
}

// ---------------------------------------------------------------- events

function filterParams() {
  const params = new URLSearchParams();
  for (const [k, v] of new FormData(document.getElementById("filters"))) if (String(v).trim()) params.set(k, String(v).trim());
  return params;
}

async function loadEvents() {
  const params = filterParams();
  const q = params.toString() ? `?${params}` : "";
  document.getElementById("export-csv").href = `/api/events.csv${q}`;
  document.getElementById("export-geojson").href = `/api/events.geojson${q}`;
  try {
    const out = await api(`/api/events${q}`);
    state.events = out.events;
  } catch (e) {
    state.events = [];
    document.getElementById("events-count").textContent = e.message;
  }
  renderEvents();
  drawMap();
  drawTimeline();
}

function renderEvents() {
  document.getElementById("events-count").textContent = `${state.events.length} shown`;
  const tbody = document.querySelector("#events-table tbody");
  tbody.replaceChildren();
  for (const ev of state.events) {
    const loc = ev.location || {};
    const fat = ev.fatalities || {};
    const date = ev.date_start === ev.date_end || !ev.date_end ? ev.date_start : `${ev.date_start} – ${ev.date_end}`;
    const tr = el("tr", { "data-event-id": ev.id },
      el("td", {}, date || ""), el("td", {}, ev.event_type || ""),
      el("td", { dir: "auto" }, loc.name_en || loc.name_ar || loc.mention || ""), el("td", {}, loc.admin1 || ""),
      el("td", {}, ev.actor1 || ""), el("td", {}, ev.actor2 || ""),
      el("td", {}, fat.best === null || fat.best === undefined ? "" : String(fat.best)),
      el("td", {}, `${ev.n_reports || 0}` + (ev.n_sources ? ` / ${ev.n_sources} src` : "")));
    tr.addEventListener("click", () => showEvent(ev.id));
    tbody.append(tr);
  }
}

async function showEvent(id) {
  const box = document.getElementById("event-detail");
  box.replaceChildren(el("p", { class: "muted" }, "loading…"));
  document.querySelectorAll("#events-table tr").forEach(r => r.classList.toggle("active", r.dataset.eventId === String(id)));
  document.querySelectorAll("#map .marker").forEach(c => c.classList.toggle("active", c.dataset.eventId === String(id)));
  let ev;
  try { ev = await api(`/api/events/${encodeURIComponent(id)}`); } catch (e) { box.replaceChildren(el("p", { class: "error" }, e.message)); return; }
  const loc = ev.location || {};
  const fat = ev.fatalities || {};
  box.replaceChildren(
    el("h3", {}, `Event ${ev.id}: ${ev.event_type || ""}${ev.sub_event_type ? " · " + ev.sub_event_type : ""}`),
    el("p", { dir: "auto" }, `${ev.date_start || ""}${ev.date_end && ev.date_end !== ev.date_start ? " – " + ev.date_end : ""} · `
      + `${loc.name_en || loc.name_ar || loc.mention || "?"}${loc.admin1 ? ", " + loc.admin1 : ""} · killed ${fat.low ?? "?"}/${fat.best ?? "?"}/${fat.high ?? "open"}`),
  );
  if (ev.contradictions && (ev.contradictions.length || Object.keys(ev.contradictions).length))
    box.append(el("p", { class: "warn" }, `Reports disagree: ${JSON.stringify(ev.contradictions)}`));
  const ul = el("ul", { class: "reports" });
  for (const rep of ev.reports || []) {
    const rec = rep.record || rep;
    const docId = rep.doc_id ?? rec.doc_id;
    const src = rec.source || {};
    const li = el("li", {},
      el("span", { dir: "auto" }, `${rep.outlet || src.outlet || "unknown outlet"}${src.cited ? " citing " + src.cited : ""}: `
        + `${rec.event_type || ""}, killed ${(rec.fatalities || {}).best ?? "?"}`));
    if (docId !== undefined && docId !== null) {
      li.append(" ", el("button", { type: "button", class: "link", onclick: () => openDocument(docId) }, "read the article"));
    }
    if (rep.url) li.append(" ", el("span", { class: "muted" }, rep.url));
    ul.append(li);
  }
  box.append(ul);
  if (ev.explain && ev.explain.length) {
    const why = el("details", {}, el("summary", {}, "why these reports are one event"));
    why.append(el("ul", {}, ...ev.explain.map(line => el("li", {}, line))));
    box.append(why);
  }
}

async function openDocument(id) {
  try {
    const doc = await api(`/api/documents/${encodeURIComponent(id)}`);
    showDocument(doc.text, doc.records || [], `document ${doc.id}${doc.outlet ? " · " + doc.outlet : ""}${doc.published ? " · " + doc.published : ""}`);
    document.getElementById("reading").scrollIntoView({ block: "start" });
  } catch (e) {
    document.getElementById("extract-msg").textContent = e.message;
  }
}

// ---------------------------------------------------------------- map

function drawMap() {
  const map = document.getElementById("map");
  map.replaceChildren();
  const bm = state.basemap;
  if (!bm) return;
  const W = 600, H = 420, pad = 12;
  const pasted = (state.pasted || []).filter(r => r.location && r.location.lat !== null && r.location.lat !== undefined);
  const points = state.events.filter(e => e.location && e.location.lat !== null && e.location.lat !== undefined)
    .map(e => ({ lon: e.location.lon, lat: e.location.lat, ev: e }))
    .concat(pasted.map(r => ({ lon: r.location.lon, lat: r.location.lat, rec: r })));
  // Frame the countries that have events (else all): their cells and their points.
  const countries = new Set(points.map(p => (p.ev ? p.ev.location.country : p.rec.location.country)).filter(Boolean));
  const shown = Object.keys(bm.countries).filter(c => !countries.size || countries.has(c));
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  const grow = (lon, lat) => { x0 = Math.min(x0, lon); x1 = Math.max(x1, lon); y0 = Math.min(y0, lat); y1 = Math.max(y1, lat); };
  shown.forEach(c => bm.countries[c].forEach(([lon, lat]) => { grow(lon, lat); grow(lon + bm.cell, lat + bm.cell); }));
  points.forEach(p => grow(p.lon, p.lat));
  if (!isFinite(x0)) { x0 = 34; x1 = 48; y0 = 29; y1 = 38; }
  // Equirectangular, with longitudes shrunk by cos(latitude) at the frame's middle.
  const k = Math.cos(((y0 + y1) / 2) * Math.PI / 180);
  const scale = Math.min((W - 2 * pad) / ((x1 - x0) * k || 1), (H - 2 * pad) / ((y1 - y0) || 1));
  const ox = (W - (x1 - x0) * k * scale) / 2, oy = (H - (y1 - y0) * scale) / 2;
  const px = lon => ox + (lon - x0) * k * scale;
  const py = lat => H - oy - (lat - y0) * scale;
  const land = svg("g", { class: "land" });
  for (const [country, cells] of Object.entries(bm.countries)) {
    let d = "";
    const w = bm.cell * k * scale, h = bm.cell * scale;
    for (const [lon, lat] of cells) {
      const x = px(lon), y = py(lat + bm.cell);
      if (x > W || y > H || x + w < 0 || y + h < 0) continue;
      d += `M${x.toFixed(1)} ${y.toFixed(1)}h${w.toFixed(2)}v${h.toFixed(2)}h${(-w).toFixed(2)}z`;
    }
    if (d) land.append(svg("path", { d, class: countries.has(country) ? "country focus" : "country", "data-country": country }));
  }
  map.append(land);
  const regions = svg("g", { class: "regions" });
  for (const r of bm.regions) {
    const x = px(r.lon), y = py(r.lat);
    if (x < 0 || x > W || y < 0 || y > H) continue;
    const g = svg("g", { class: "region" });
    const dot = svg("circle", { cx: x, cy: y, r: 2 });
    dot.append(svg("title", {}, `${r.name_en || ""} ${r.name_ar || ""}`));
    g.append(dot);
    // Names only when the frame is close enough for them not to pile up.
    if (scale > 45) g.append(svg("text", { x: x + 4, y: y - 3 }, r.name_en || r.name_ar));
    regions.append(g);
  }
  map.append(regions);
  const markers = svg("g", { class: "markers" });
  for (const p of points) {
    const type = p.ev ? p.ev.event_type : p.rec.event_type;
    const fat = ((p.ev || p.rec).fatalities || {}).best || 0;
    const c = svg("circle", { cx: px(p.lon), cy: py(p.lat), r: 4 + Math.min(8, Math.sqrt(fat) * 1.5),
      class: p.ev ? "marker" : "marker pasted", fill: TYPE_COLORS[type] || "#555" });
    const t = svg("title", {}, `${type || "?"} · ${(p.ev || p.rec).location.name_en || (p.ev || p.rec).location.mention || ""} · ${(p.ev || p.rec).date_start || ""}`);
    c.append(t);
    if (p.ev) {
      c.setAttribute("data-event-id", p.ev.id);
      c.addEventListener("click", () => showEvent(p.ev.id));
    } else {
      const ri = state.pasted.indexOf(p.rec);
      c.setAttribute("data-record", ri);
      c.addEventListener("click", () => selectRecord(ri, "location"));
    }
    markers.append(c);
  }
  map.append(markers);
}

// ---------------------------------------------------------------- timeline

function weekStart(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  if (isNaN(d)) return null;
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));   // Monday
  return d.toISOString().slice(0, 10);
}

function drawTimeline() {
  const box = document.getElementById("timeline");
  const legendBox = document.getElementById("timeline-legend");
  box.replaceChildren();
  legendBox.replaceChildren();
  const W = 600, H = 240, left = 30, bottom = 40, top = 10;
  const byWeek = new Map();
  const types = new Set();
  for (const ev of state.events) {
    const w = ev.date_start ? weekStart(ev.date_start) : null;
    if (!w) continue;
    const type = ev.event_type || "other";
    types.add(type);
    if (!byWeek.has(w)) byWeek.set(w, {});
    byWeek.get(w)[type] = (byWeek.get(w)[type] || 0) + 1;
  }
  if (!byWeek.size) { box.append(svg("text", { x: W / 2, y: H / 2, "text-anchor": "middle", class: "muted" }, "no dated events")); return; }
  // Every week between the first and last, so gaps show as gaps.
  const weeks = [];
  const keys = [...byWeek.keys()].sort();
  for (let d = new Date(`${keys[0]}T00:00:00Z`); d.toISOString().slice(0, 10) <= keys[keys.length - 1]; d.setUTCDate(d.getUTCDate() + 7))
    weeks.push(d.toISOString().slice(0, 10));
  const max = Math.max(...weeks.map(w => Object.values(byWeek.get(w) || {}).reduce((a, b) => a + b, 0)));
  const bw = (W - left - 10) / weeks.length;
  const sy = (H - bottom - top) / max;
  box.append(svg("line", { x1: left, y1: H - bottom, x2: W - 5, y2: H - bottom, class: "axis" }),
    svg("text", { x: left - 4, y: top + 8, "text-anchor": "end", class: "tick" }, String(max)),
    svg("text", { x: left - 4, y: H - bottom, "text-anchor": "end", class: "tick" }, "0"));
  const order = [...types].sort();
  weeks.forEach((w, i) => {
    let y = H - bottom;
    for (const type of order) {
      const n = (byWeek.get(w) || {})[type] || 0;
      if (!n) continue;
      const h = n * sy;
      const r = svg("rect", { x: left + i * bw + 1, y: y - h, width: Math.max(1, bw - 2), height: h, fill: TYPE_COLORS[type] || "#555",
        class: "bar", "data-week": w, "data-type": type, "data-count": n });
      r.append(svg("title", {}, `week of ${w}: ${n} × ${type}`));
      box.append(r);
      y -= h;
    }
    const every = Math.ceil(weeks.length / 8);
    if (i % every === 0) box.append(svg("text", { x: left + i * bw + bw / 2, y: H - bottom + 14, "text-anchor": "middle", class: "tick" }, w));
  });
  for (const type of order) legendBox.append(el("span", { class: "dot", bg: TYPE_COLORS[type] || "#555" }), ` ${type}  `);
}

// ---------------------------------------------------------------- start

async function start() {
  legend();
  document.getElementById("extract-btn").addEventListener("click", extract);
  document.getElementById("upload").addEventListener("change", upload);
  document.getElementById("filters").addEventListener("submit", ev => { ev.preventDefault(); loadEvents(); });
  try {
    state.info = await api("/api/info");
    const s = state.info.stats;
    document.getElementById("status").textContent = `${state.info.db_present ? "database " + state.info.db : "no database yet"}`
      + (s ? ` · ${s.documents} documents · ${s.records} records · ${s.events} events`
        + (s.multi_report_events ? ` (${s.multi_report_events} from several reports)` : "")
        + (s.date_min ? ` · ${s.date_min} – ${s.date_max}` : "") : "")
      + (state.info.allow_ingest ? " · ingest allowed" : " · read-only");
    document.getElementById("store-label").hidden = !state.info.allow_ingest;
  } catch (e) {
    document.getElementById("status").textContent = e.message;
  }
  try { state.basemap = await api("/api/basemap"); } catch (e) { state.basemap = null; }
  await loadEvents();
  document.body.dataset.ready = "1";
}

document.addEventListener("DOMContentLoaded", start);
