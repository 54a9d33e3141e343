"""Sheet shapes built in fixtures: headers, sheet names, text encodings and delimiters, markup limits."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from dutyaudit.ingest import IngestOptions, ingest
from dutyaudit.ingest.base import RawSheet
from dutyaudit.ingest.labels import sheet_context
from dutyaudit.ingest.markup import MAX_COLSPAN, HtmlReader
from dutyaudit.ingest.table import read_sheet
from dutyaudit.ingest.textfile import detect_delimiter, detect_encoding


def sheet(rows: list[list[object]], merged: list[tuple[int, int, int, int]] | None = None) -> RawSheet:
    return RawSheet("Sheet1", [list(r) for r in rows], merged or [])


def test_a_title_naming_time_and_content_is_not_the_header() -> None:
    res = read_sheet(
        sheet(
            [
                ["2023年法治建设活动时间及内容登记表", "", ""],
                ["日期", "事项", "类型"],
                ["2023-03-15", "法治专题讲座", "讲座"],
            ],
            merged=[(0, 0, 0, 2)],
        ),
        "t.xlsx",
    )
    assert [(a.row, a.date, a.title) for a in res.activities] == [(3, dt.date(2023, 3, 15), "法治专题讲座")]
    assert res.titles == ["2023年法治建设活动时间及内容登记表"]


def test_two_row_header_whose_top_row_already_names_date_and_title() -> None:
    """日期 | 活动内容 (a group over 名称/类型/形式): the lower row names the columns."""
    res = read_sheet(
        sheet(
            [
                ["日期", "活动内容", "", "", "备注"],
                ["", "名称", "类型", "形式", ""],
                ["2023-03-15", "县委常委会听取法治建设工作汇报", "会议", "现场", ""],
            ],
            merged=[(0, 0, 1, 0), (0, 1, 0, 3), (0, 4, 1, 4)],
        ),
        "t.xlsx",
    )
    [a] = res.activities
    assert (a.row, a.title, a.type, a.extra) == (3, "县委常委会听取法治建设工作汇报", "meeting", {"形式": "现场"})
    assert res.warnings == []


def test_a_data_row_right_under_the_header_is_not_taken_for_a_subheader() -> None:
    res = read_sheet(
        sheet([["日期", "事项", "责任主体"], ["", "法治专题讲座", "县委"], ["2023-05-01", "学法", "县委"]]),
        "t.xlsx",
    )
    assert [a.title for a in res.activities] == ["学法"]
    assert [(w.row, w.message) for w in res.warnings] == [(2, "empty date: not audited")]


def test_title_merged_across_data_columns_does_not_become_a_type() -> None:
    res = read_sheet(
        sheet(
            [["日期", "事项", "类型"], ["2023-03-15", "县委常委会听取法治建设工作汇报", ""]],
            merged=[(1, 1, 1, 2)],
        ),
        "t.xlsx",
    )
    assert res.activities[0].type is None


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("县委", ("县委", "")),
        ("縣政府", ("縣政府", "")),
        ("镇党委", ("镇党委", "")),
        ("县司法局", ("县司法局", "")),  # a department: left to the pack's roles
        ("一季度", ("", "")),
        ("2023年第一季度", ("", "")),
        ("Q3", ("", "")),
        ("3月份", ("", "")),
        ("2023年度", ("", "")),
        ("Sheet1", ("", "")),
        ("盘山县", ("盘山县", "盘山县")),
        ("2023年大洼区台账", ("2023年大洼区台账", "大洼区")),
    ],
)
def test_sheet_names_imply_role_unit_or_period(name: str, expected: tuple[str, str]) -> None:
    assert sheet_context(name) == expected


def test_quarter_and_place_sheets_in_a_workbook(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    q = wb.active
    q.title = "2023年一季度"
    q.append(["日期", "事项"])
    q.append(["3月15日", "法治专题讲座"])
    town = wb.create_sheet("新兴镇")
    town.append(["日期", "事项"])
    town.append(["2023-04-01", "镇党委会议学法"])
    wb.save(tmp_path / "log.xlsx")
    acts = ingest([tmp_path / "log.xlsx"])
    assert [(a.sheet, a.date, a.role_text, a.unit) for a in acts.rows] == [
        ("2023年一季度", dt.date(2023, 3, 15), "", ""),
        ("新兴镇", dt.date(2023, 4, 1), "新兴镇", "新兴镇"),
    ]


def test_utf16_without_bom_and_gbk_detection() -> None:
    text = "日期\t事项\n2023-03-15\t法治讲座\n"
    assert detect_encoding(text.encode("utf-16-le")) == "utf-16-le"
    assert detect_encoding(text.encode("utf-16-be")) == "utf-16-be"
    assert detect_encoding(text.encode("gbk")) == "gb18030"
    assert detect_encoding(b"\xef\xbb\xbf" + text.encode()) == "utf-8-sig"


def test_delimiters_respect_quotes() -> None:
    assert detect_delimiter('标题\n日期,事项\n2023-03-15,"讲座,第一期"\n2023-03-16,"学法"\n') == ","
    assert detect_delimiter("日期;事项;类型\n2023-03-15;讲座;会议\n") == ";"
    assert detect_delimiter("日期\t事项\n2023-03-15\t讲座, 第一期\n2023-03-16\t学法\n") == "\t"


def test_encoding_override_through_the_cli(tmp_path: Path, run_en, mini_pack: Path) -> None:
    path = tmp_path / "gbk.csv"
    path.write_bytes("日期,事项\n2023-03-15,法治专题讲座\n".encode("gbk"))
    res = run_en("check", path, "--pack", mini_pack, "--encoding", "utf-8")
    assert res.exit_code == 2
    assert "cannot decode the file as utf-8; it looks like gb18030: try --encoding gb18030" in res.stderr
    res = run_en("check", path, "--pack", mini_pack, "--encoding", "gbk", "-f", "json")
    assert res.exit_code in (0, 1) and "法治专题讲座" in res.stdout
    res = run_en("check", path, "--pack", mini_pack, "--encoding", "klingon")
    assert res.exit_code == 2 and "unknown encoding 'klingon'" in res.stderr


def test_html_spans_are_capped_and_clipped(tmp_path: Path) -> None:
    html = (
        "<table><tr><td colspan='99999999'>测试县2023年台账</td></tr>"
        "<tr><td>日期</td><td>事项</td></tr>"
        "<tr><td rowspan='99999999'>2023-03-15</td><td>讲座</td></tr>"
        "<tr><td>学法</td></tr></table>"
    )
    [s] = HtmlReader().sheets(tmp_path / "x.xls", html.encode())
    assert len(s.rows[0]) == MAX_COLSPAN
    assert s.merged == [(0, 0, 0, MAX_COLSPAN - 1), (2, 0, 3, 0)]  # rowspan clipped to the table
    acts = ingest([_write(tmp_path / "x.xls", html.encode())])
    assert [(a.row, a.date, a.title) for a in acts.rows] == [
        (3, dt.date(2023, 3, 15), "讲座"),
        (4, dt.date(2023, 3, 15), "学法"),
    ]


def test_html_charset_from_meta_gb2312_and_utf8_bom(tmp_path: Path) -> None:
    body = "<table><tr><td>日期</td><td>事项</td></tr><tr><td>2023-03-15</td><td>法治讲座</td></tr></table>"
    meta = f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head>{body}</html>'
    a = ingest([_write(tmp_path / "a.xls", meta.encode("gbk"))])
    b = ingest([_write(tmp_path / "b.xls", b"\xef\xbb\xbf" + body.encode())])
    assert [r.title for r in a.rows] == [r.title for r in b.rows] == ["法治讲座"]


def test_spreadsheetml_in_gbk_with_declaration(tmp_path: Path) -> None:
    xml = (
        '<?xml version="1.0" encoding="gb2312"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="县委"><Table>'
        '<Row><Cell><Data ss:Type="String">日期</Data></Cell><Cell><Data ss:Type="String">事项</Data></Cell></Row>'
        '<Row><Cell><Data ss:Type="String">2023年3月15日</Data></Cell>'
        '<Cell><Data ss:Type="String">法治讲座</Data></Cell></Row></Table></Worksheet></Workbook>'
    )
    acts = ingest([_write(tmp_path / "x.xls", xml.encode("gbk"))])
    assert [(a.sheet, a.row, a.date, a.title) for a in acts.rows] == [("县委", 2, dt.date(2023, 3, 15), "法治讲座")]


def test_year_from_file_name_then_option(tmp_path: Path) -> None:
    path = _write(tmp_path / "2022年台账.csv", "日期,事项\n3月15日,讲座\n".encode())
    assert ingest([path]).rows[0].date == dt.date(2022, 3, 15)
    other = _write(tmp_path / "log.csv", "日期,事项\n3月15日,讲座\n".encode())
    assert ingest([other], IngestOptions(year=2021)).rows[0].date == dt.date(2021, 3, 15)
    acts = ingest([_write(tmp_path / "x.csv", "日期,事项\n3月15日,讲座\n2023-01-02,学法\n".encode())])
    assert [a.date for a in acts.rows] == [dt.date(2023, 3, 15), dt.date(2023, 1, 2)]  # the other dates' year
    assert [(w.row, w.message) for w in acts.warnings] == [
        (
            None,
            "1 date without a year read as 2023, the year of the other dates; give --year or put the year "
            "in the title if that is wrong",
        )
    ]
    alone = ingest([_write(tmp_path / "y.csv", "日期,事项\n3月15日,讲座\n".encode())])
    assert [(w.row, w.message) for w in alone.warnings] == [
        (2, "'3月15日' has no year (give --year or put the year in the title): not audited")
    ]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
