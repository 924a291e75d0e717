"""Gazetteer build/load/lookup on a tiny hand-written fixture (not the shared data)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rasd import gazetteer as gz

FIXTURE = Path(__file__).parent / "fixtures" / "gazetteer"


@pytest.fixture()
def built(tmp_path: Path) -> gz.Gazetteer:
    out = gz.build(FIXTURE, tmp_path / "index.sqlite")
    return gz.Gazetteer.load(out)


def test_lookup_variants(built: gz.Gazetteer) -> None:
    # joined/split compounds, article on/off, governorate by alias and ه/ة spelling
    assert [p.id for p in built.lookup("كفرسامبل")] == ["wof:9002"]
    assert [p.id for p in built.lookup("كفر سامبل")] == ["wof:9002"]
    assert {p.country for p in built.lookup("مثال")} == {"SY", "YE"}
    assert {p.country for p in built.lookup("المثال")} == {"SY", "YE"}
    assert built.lookup("لا يوجد") == []


def test_region_and_admin(built: gz.Gazetteer) -> None:
    r = built.region("حماه")
    assert r is not None and r.pcode == "SY99" and r.admin1 == "Fixture Governorate"
    assert built.region("محافظة حماة") == r
    assert built.region("وادي التجربة").placetype == "region"
    assert built.region("كفر سامبل") is None
    place = built.lookup("كفر سامبل")[0]
    assert (place.admin1, place.admin2, place.population, place.lat) == ("Wadi Test", "Sample District", 1200, 34.1)


def test_subdistrict_names_lose_admin_word(built: gz.Gazetteer) -> None:
    assert [p.placetype for p in built.lookup("الاختبار")] == ["county", "subdistrict"]


def _copy(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(FIXTURE, src)
    return src


def test_malformed_tsv_row_names_file_and_line(tmp_path: Path) -> None:
    src = _copy(tmp_path)
    tsv = src / "whosonfirst-arab-gazetteer" / "wof_sy.tsv"
    lines = tsv.read_text(encoding="utf-8").splitlines()
    lines[2] = lines[2].replace("\t34.1\t", "\tnorth\t")
    tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(gz.GazetteerError, match=r"wof_sy\.tsv:3: column 'lat'"):
        gz.build(src, tmp_path / "x.sqlite")


def test_wrong_column_count_names_line(tmp_path: Path) -> None:
    src = _copy(tmp_path)
    tsv = src / "whosonfirst-arab-gazetteer" / "wof_sy.tsv"
    with open(tsv, "a", encoding="utf-8") as fh:
        fh.write("9005\t\tlocality\tShort\n")
    with pytest.raises(gz.GazetteerError, match=r"wof_sy\.tsv:6: expected 20"):
        gz.build(src, tmp_path / "x.sqlite")


def test_quoted_tab_is_not_malformed(tmp_path: Path) -> None:
    src = _copy(tmp_path)
    tsv = src / "whosonfirst-arab-gazetteer" / "wof_sy.tsv"
    row = "9006\t\tlocality\tQ\tQ\tقرية الاقتباس\t\"قرية الاقتباس|الاقتباس\t\"\t\t34.3\t37.3\tSY\t9001\tWadi Test\tوادي التجربة\t\t\t\t0\tPPL\t1"
    with open(tsv, "a", encoding="utf-8") as fh:
        fh.write(row + "\n")
    g = gz.Gazetteer.load(gz.build(src, tmp_path / "x.sqlite"))
    assert [p.id for p in g.lookup("الاقتباس")] == ["wof:9006"]


def test_malformed_json_names_file_and_line(tmp_path: Path) -> None:
    src = _copy(tmp_path)
    path = src / "open-syria-geography" / "districts.json"
    path.write_text('[\n {"id": "sy-x",\n  "name": {"en": "X"}}\n]\n', encoding="utf-8")
    with pytest.raises(gz.GazetteerError, match=r"districts\.json:2: district record #1 malformed"):
        gz.build(src, tmp_path / "x.sqlite")
    path.write_text('[\n {"id": \n', encoding="utf-8")
    with pytest.raises(gz.GazetteerError, match=r"districts\.json:3: not valid JSON"):
        gz.build(src, tmp_path / "x.sqlite")


def test_missing_source_and_index_messages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASD_GAZETTEER_SOURCE", str(tmp_path / "nowhere"))
    with pytest.raises(gz.GazetteerError, match="RASD_GAZETTEER_SOURCE"):
        gz.find_source_dir()
    with pytest.raises(gz.GazetteerError, match="rasd gazetteer build"):
        gz.Gazetteer.load(tmp_path / "absent.sqlite")


def test_default_index_path_honours_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASD_CACHE_DIR", str(tmp_path))
    p = gz.default_index_path()
    assert p.parent == tmp_path and f"v{gz.FORMAT_VERSION}" in p.name


def test_find_source_dir_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RASD_GAZETTEER_SOURCE", str(FIXTURE))
    assert gz.find_source_dir() == FIXTURE


def test_real_index_builds_and_resolves(tmp_path: Path) -> None:
    try:
        src = gz.find_source_dir()
    except gz.GazetteerError:
        pytest.skip("shared gazetteer data not available")
    out = gz.build(src, tmp_path / "real.sqlite")
    g = gz.Gazetteer.load(out)
    assert any(p.admin1 == "Hama" for p in g.lookup("التريمسة"))
    assert len([p for p in g.lookup("الجبين") if p.country == "SY"]) >= 6
    assert g.region("ادلب").admin1 == "Idlib"
    assert g.region("ريف دمشق").name_en == "Rif Dimashq"
    assert g.region("صلاح الدين").country == "IQ"
    assert g.region("عدن").country == "YE"
    assert g.region("طرابلس") is not None


def _geonames_line(*cells: str) -> str:
    assert len(cells) == len(gz.GEONAMES_COLUMNS)
    return "\t".join(cells) + "\n"


def test_geonames_dump_and_pcode_table_plug_in(tmp_path: Path) -> None:
    src = _copy(tmp_path)
    (src / "geonames").mkdir()
    (src / "geonames" / "admin1CodesASCII.txt").write_text("EG.27\tNorth Sinai\tNorth Sinai\t349401\n", encoding="utf-8")
    (src / "geonames" / "EG.txt").write_text(
        _geonames_line("361055", "Arish", "Arish", "El Arish,العريش,Al-Arish", "31.13159", "33.79844", "P", "PPLA", "EG", "",
                       "27", "", "", "", "164830", "", "32", "Africa/Cairo", "2020-01-01")
        + _geonames_line("999001", "Wadi Nowhere", "Wadi Nowhere", "", "30.0", "33.0", "H", "WAD", "EG", "",
                         "27", "", "", "", "0", "", "", "Africa/Cairo", "2020-01-01"), encoding="utf-8")
    (src / "pcodes").mkdir()
    (src / "pcodes" / "yem_adm2.csv").write_text(
        "ADM0_EN,ADM0_AR,ADM0_PCODE,ADM1_EN,ADM1_AR,ADM1_PCODE,ADM2_EN,ADM2_AR,ADM2_PCODE\n"
        "Yemen,اليمن,YE,Test Governorate,محافظة الاختبارية,YE99,Nowhere District,مديرية اللامكان,YE9901\n", encoding="utf-8")
    g = gz.Gazetteer.load(gz.build(src, tmp_path / "x.sqlite"))
    arish = g.lookup("العريش")
    assert [(p.id, p.country, p.admin1, p.population) for p in arish] == [("geonames:361055", "EG", "North Sinai", 164830)]
    district = g.lookup("اللامكان")
    assert [(p.placetype, p.pcode, p.admin1, p.country) for p in district] == [("county", "YE9901", "Test Governorate", "YE")]
    assert g.region("الاختبارية").pcode == "YE99"


def test_malformed_geonames_and_pcode_rows_name_file_and_line(tmp_path: Path) -> None:
    src = _copy(tmp_path)
    (src / "geonames").mkdir()
    (src / "geonames" / "EG.txt").write_text("361055\tArish\tonly three\n", encoding="utf-8")
    with pytest.raises(gz.GazetteerError, match=r"EG\.txt:1: expected 19 tab-separated columns"):
        gz.build(src, tmp_path / "x.sqlite")
    shutil.rmtree(src / "geonames")
    (src / "pcodes").mkdir()
    (src / "pcodes" / "t.csv").write_text("ADM1_EN,ADM1_AR,ADM1_PCODE\nA,ا ب,YE98\nB,,YE97\n", encoding="utf-8")
    with pytest.raises(gz.GazetteerError, match=r"t\.csv:3: ADM1_PCODE 'YE97' has no Arabic name"):
        gz.build(src, tmp_path / "x.sqlite")
