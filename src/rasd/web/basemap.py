"""The offline base map: country shapes and governorate points from the gazetteer index.

Owns: `basemap()`, which reads the compiled gazetteer (never the network, never a tile
server) and returns, per country, the grid cells that hold known places — a dot-density
silhouette that is recognisably the country — and the admin1 (region) centroids with
their names. The page projects these itself (equirectangular), so nothing here draws.
"""
from __future__ import annotations

import functools
import sqlite3
from pathlib import Path

# Grid step in degrees: fine enough for a governorate-level picture, coarse enough that
# the whole region is a few thousand cells.
CELL_DEG = 0.2
# A cell with fewer places and no occupied neighbour is a stray coordinate, not land.
MIN_LONE_CELL_PLACES = 3
# Cells further than this (degrees) outside the box of a country's governorate centroids
# are bad source rows (some put Yemeni villages near 0°N 0°E), however many they are.
REGION_MARGIN_DEG = 3.0


@functools.cache
def basemap(index_path: str | None = None) -> dict:
    """``{"cell": deg, "countries": {CC: [[lon, lat], ...]}, "regions": [...]}``; cell
    coordinates are the cells' south-west corners."""
    from ..gazetteer import default_index_path

    path = Path(index_path) if index_path else default_index_path()
    if not path.is_file():
        return {"cell": CELL_DEG, "countries": {}, "regions": []}
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT country, lat, lon FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL").fetchall()
        regions = con.execute("SELECT id, name_ar, name_en, country, lat, lon FROM places "
                              "WHERE placetype = 'region' AND lat IS NOT NULL ORDER BY country, name_en").fetchall()
    finally:
        con.close()
    counts: dict[str, dict[tuple[int, int], int]] = {}
    for country, lat, lon in rows:
        cell = (int(lon // CELL_DEG), int(lat // CELL_DEG))
        per = counts.setdefault(country or "", {})
        per[cell] = per.get(cell, 0) + 1
    boxes: dict[str, tuple[float, float, float, float]] = {}
    for _, _, _, country, lat, lon in regions:
        x0, y0, x1, y1 = boxes.get(country, (lon, lat, lon, lat))
        boxes[country] = (min(x0, lon), min(y0, lat), max(x1, lon), max(y1, lat))
    countries: dict[str, list[list[float]]] = {}
    for country, per in counts.items():
        kept = []
        box = boxes.get(country)
        for (x, y), n in per.items():
            if box and not (box[0] - REGION_MARGIN_DEG <= x * CELL_DEG <= box[2] + REGION_MARGIN_DEG
                            and box[1] - REGION_MARGIN_DEG <= y * CELL_DEG <= box[3] + REGION_MARGIN_DEG):
                continue
            lone = not any((x + dx, y + dy) in per for dx in (-1, 0, 1) for dy in (-1, 0, 1) if dx or dy)
            if lone and n < MIN_LONE_CELL_PLACES:
                continue
            kept.append([round(x * CELL_DEG, 4), round(y * CELL_DEG, 4)])
        countries[country] = sorted(kept)
    return {
        "cell": CELL_DEG,
        "countries": countries,
        "regions": [{"id": i, "name_ar": ar, "name_en": en, "country": c, "lat": la, "lon": lo}
                    for i, ar, en, c, la, lo in regions],
    }
