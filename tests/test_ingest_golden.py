"""Golden logs written by LibreOffice (see scripts/make_golden.py): each shape reads to the same activities.

The files are committed; these tests never need LibreOffice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest

from dutyaudit.ingest import IngestOptions, ingest
from dutyaudit.ingest.sniff import sniff
from dutyaudit.model import Activities

DATA = Path(__file__).parent / "data"
D = dt.date


def read(name: str, **opts: object) -> Activities:
    return ingest([DATA / name], IngestOptions(**opts))  # type: ignore[arg-type]


def rows(acts: Activities) -> list[tuple[str, int, dt.date | None, str, str]]:
    return [(a.sheet, a.row, a.date, a.title, a.role_text) for a in acts.rows]


BIFF_ROWS = [
    ("县委", 3, D(2023, 3, 15), "县委常委会会议听取2022年度法治建设工作汇报", "县委"),
    ("县委", 4, D(2023, 6, 8), "举办法治专题讲座（第一期）", "县委"),
    ("县委", 5, D(2023, 11, 20), "举办法治专题讲座（第二期）", "县委"),
    ("县政府", 3, D(2023, 2, 20), "县政府向县委报告2022年度法治政府建设情况报告", "县政府"),
    ("县政府", 4, D(2023, 7, 6), "县政府常务会议研究法治政府建设工作", "县政府"),
]


def test_kinds_are_sniffed_from_content_not_extension() -> None:
    kinds = {p.name: sniff(p.read_bytes()) for p in sorted(DATA.iterdir())}
    assert kinds == {
        "biff.xls": "xls",
        "big5.csv": "text",
        "bom.csv": "text",
        "cover.ods": "ods",
        "date-forms.xls": "xls",
        "encrypted.xls": "xls",
        "encrypted.ods": "ods-encrypted",
        "encrypted.xlsx": "ole-encrypted",
        "english.xlsx": "xlsx",
        "excel-sep.csv": "text",
        "formula-title.xlsx": "xlsx",
        "gbk.csv": "text",
        "html-utf8.xls": "html",
        "merged.xlsx": "xlsx",
        "numerals.xls": "xls",
        "oa-caption.xls": "html",
        "oa-gbk.xls": "html",
        "oa-query.xls": "html",
        "offset.xlsx": "xlsx",
        "quarters.ods": "ods",
        "sections.xls": "xls",
        "side-by-side.ods": "ods",
        "summary.xlsx": "xlsx",
        "traditional.xlsx": "xlsx",
        "typed-dates.xls": "xls",
        "unicode.txt": "text",
        "utf16be.txt": "text",
        "xlsx-named.xls": "xlsx",
        "xml2003.xls": "spreadsheetml",
    }


def test_biff_xls_two_role_sheets_and_a_skipped_notes_sheet() -> None:
    acts = read("biff.xls")
    assert rows(acts) == BIFF_ROWS
    assert [a.type for a in acts.rows] == ["meeting", "lecture", "lecture", "report", "meeting"]
    assert acts.titles[0] == "测试县2023年度党政主要负责人履行推进法治建设第一责任人职责工作台账"
    [w] = acts.warnings
    assert (w.file, w.sheet, w.row) == ("biff.xls", "填表说明", None)
    assert w.message == "sheet skipped: instructions, not a log table"


def test_ods_quarter_sheets_year_from_title_ranges_and_merged_blocks() -> None:
    acts = read("quarters.ods")
    assert rows(acts) == [
        ("一季度", 3, D(2023, 3, 15), "县委常委会听取法治建设工作汇报", "县委"),
        ("一季度", 4, D(2023, 3, 15), "县委理论学习中心组学法", "县委"),  # date and 责任主体 merged down
        ("一季度", 5, D(2023, 3, 28), "县政府常务会议学法", "县政府"),  # "3.28"
        ("二季度", 3, D(2023, 5, 8), "执法人员法治培训", "县政府"),
        ("二季度", 4, D(2023, 6, 1), "规范性文件草案征求意见", "县政府"),
    ]
    assert [a.end_date for a in acts.rows] == [None, None, None, D(2023, 5, 10), D(2023, 6, 30)]
    assert acts.rows[4].duration_days == 30
    assert [a.actor for a in acts.rows] == ["张三", "张三", "李四", "李四", "李四"]
    assert acts.warnings == []


def test_xlsx_merged_title_two_row_header_merged_blocks_repeats_totals_notes() -> None:
    acts = read("merged.xlsx")
    assert rows(acts) == [
        ("Sheet1", 5, D(2023, 3, 15), "县委常委会会议听取法治建设工作汇报", "县委"),
        ("Sheet1", 6, D(2023, 3, 15), "县委理论学习中心组专题学法", "县委"),
        ("Sheet1", 7, D(2023, 3, 15), "法治专题讲座", "县委"),
        ("Sheet1", 8, D(2023, 6, 20), "县委全面依法治县委员会会议", "县委"),
        ("Sheet1", 11, D(2023, 12, 4), "国家宪法日集中宣传活动", "县政府"),
    ]
    # the lower header row names the columns under the merged 活动情况 group
    assert [a.type_text for a in acts.rows] == ["会议", "学法", "讲座", "会议", "宣传"]
    assert acts.rows[0].extra == {"形式": "现场", "内部编码": "X1", "佐证材料": "会议纪要"}  # hidden column kept
    assert acts.titles == ["测试县2023年度法治建设工作台账", "填报单位：测试县委办公室    填报时间：2024年1月5日"]
    assert acts.warnings == []  # repeated header, 合计, notes and 填报人 rows are not activities


def test_rows_are_sheet_rows_when_the_table_starts_at_c4() -> None:
    acts = read("offset.xlsx")
    assert rows(acts) == [
        ("县委", 5, D(2023, 4, 1), "县委常委会听取法治建设情况汇报", "县委"),
        ("县委", 6, D(2023, 9, 12), "法治专题讲座", "县委"),
    ]


def test_xlsx_saved_with_an_xls_name_reads_as_xlsx() -> None:
    assert rows(read("xlsx-named.xls")) == rows(read("offset.xlsx"))


@pytest.mark.parametrize("name", ["gbk.csv", "unicode.txt", "bom.csv"])
def test_text_exports_in_every_encoding(name: str) -> None:
    acts = read(name)
    stem = name.split(".")[0]
    assert [(a.row, a.date, a.title) for a in acts.rows] == [(r, d, t) for _, r, d, t, _ in BIFF_ROWS[:3]]
    assert {a.sheet for a in acts.rows} == {stem}
    assert acts.titles == ["测试县2023年度党政主要负责人履行推进法治建设第一责任人职责工作台账"]


def test_wrong_encoding_override_is_a_clean_error_with_a_suggestion(tmp_path: Path) -> None:
    from dutyaudit.errors import InputError

    with pytest.raises(InputError, match=r"cannot decode the file as utf-8; it looks like gb18030: try --encoding"):
        read("gbk.csv", encoding="utf-8")
    assert len(read("gbk.csv", encoding="gbk").rows) == 3
    assert len(read("unicode.txt", encoding="utf-16").rows) == 3


def test_html_export_with_meta_charset_and_sheet_headings() -> None:
    acts = read("html-utf8.xls")
    assert rows(acts) == [
        ("一季度", 3, D(2023, 3, 15), "县委常委会听取法治建设工作汇报", "县委"),
        ("一季度", 4, D(2023, 3, 15), "县委理论学习中心组学法", "县委"),  # rowspan filled down
        ("一季度", 5, D(2023, 3, 28), "县政府常务会议学法", "县政府"),
        ("二季度", 3, D(2023, 5, 8), "执法人员法治培训", "县政府"),
        ("二季度", 4, D(2023, 6, 1), "规范性文件草案征求意见", "县政府"),
    ]


def test_oa_html_in_gbk_without_meta_rowspans_filled() -> None:
    acts = read("oa-gbk.xls")
    assert rows(acts) == [
        ("oa-gbk", 3, D(2023, 3, 15), "县委常委会会议听取法治建设工作汇报", "县委"),
        ("oa-gbk", 4, D(2023, 3, 15), "县委理论学习中心组专题学法", "县委"),
        ("oa-gbk", 5, D(2023, 6, 8), "法治专题讲座 （第一期）", "县委"),
        ("oa-gbk", 6, D(2023, 11, 20), "法治专题讲座\n（第二期）", "县政府"),
    ]
    assert acts.titles == ["测试县2023年度法治建设工作台账"]
    assert acts.warnings == []  # the 制表 note under the table is skipped


def test_spreadsheetml_2003_with_index_gaps_merge_down_and_hours() -> None:
    acts = read("xml2003.xls")
    assert rows(acts) == [
        ("县政府", 4, D(2023, 5, 8), "执法人员法治培训（上午）", "县政府"),
        ("县政府", 5, D(2023, 5, 8), "执法人员法治培训（下午）", "县政府"),
        ("县政府", 6, D(2023, 12, 4), "国家宪法日宣传", "县政府"),
    ]
    assert [a.hours for a in acts.rows] == [4.0, 3.5, None]
    assert [(w.sheet, w.row) for w in acts.warnings] == [("说明", None)]


def test_traditional_script_matches_after_normalisation_but_shows_as_written() -> None:
    acts = read("traditional.xlsx")
    assert rows(acts) == [
        ("縣委", 3, D(2023, 3, 15), "縣委常委會會議聽取法治建設工作匯報", "縣委"),
        ("縣委", 4, D(2023, 6, 8), "舉辦法治專題講座", "縣委"),
        ("縣委", 5, D(2023, 9, 1), "縣政府常務會議學法", "縣政府"),
    ]
    assert acts.rows[0].key == "县委常委会会议听取法治建设工作汇报"
    assert [a.type for a in acts.rows] == ["meeting", "lecture", "study"]


def test_chinese_numeral_and_hand_typed_dates() -> None:
    acts = read("numerals.xls")
    assert [(a.row, a.date, a.end_date) for a in acts.rows] == [
        (3, D(2023, 3, 15), None),  # 二〇二三年三月十五日
        (4, D(2023, 12, 4), None),  # 二〇二三年十二月四日
        (5, D(2023, 3, 20), None),  # 三月二十日, year from the title 二〇二三年
        (6, D(2023, 4, 6), None),  # full-width ２０２３－０４－０６
        (7, D(2023, 5, 1), None),  # 2023年5月: month only → the 1st
        (8, D(2023, 7, 3), None),  # 45110: an Excel serial stored as text
        (9, D(2023, 8, 15), None),  # 2023-08-15 09:30
        (10, D(2023, 9, 1), D(2023, 9, 3)),  # 2023年9月1日-3日
    ]
    assert acts.warnings == []


def test_golden_logs_through_the_cli_are_one_audit(run, mini_pack: Path) -> None:
    logs = [DATA / "biff.xls", DATA / "quarters.ods", DATA / "traditional.xlsx"]
    before = {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in logs}
    res = run("check", *logs, "--pack", mini_pack, "-f", "json")
    assert res.exit_code in (0, 1), res.stderr
    data = json.loads(res.stdout)
    report = next(d for d in data["duties"] if d["id"] == "party-report")
    assert {e["file"] for e in report["evidence"]} == {"biff.xls", "quarters.ods", "traditional.xlsx"}
    assert {"file": "traditional.xlsx", "sheet": "縣委", "row": 3} in [
        {k: e[k] for k in ("file", "sheet", "row")} for e in report["evidence"]
    ]
    assert {p: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in logs} == before
