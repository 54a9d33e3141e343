"""Shapes found by adversarial QA on real-looking county logs: each misread or broke before it was fixed.

The workbooks were written by LibreOffice (scripts/make_golden.py --qa); the text and HTML files are what
other systems write. Each test asserts what is read: rows, dates, roles, titles and warnings.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from dutyaudit.ingest import IngestOptions, drop_summary_repeats, ingest
from dutyaudit.ingest.base import RawSheet
from dutyaudit.ingest.columns import map_columns
from dutyaudit.ingest.labels import type_of
from dutyaudit.ingest.sniff import sniff, utf16_without_bom
from dutyaudit.ingest.table import read_sheet
from dutyaudit.ingest.textfile import detect_encoding
from dutyaudit.model import Activities

DATA = Path(__file__).parent / "data"
D = dt.date


def read(name: str, **opts: object) -> Activities:
    return ingest([DATA / name], IngestOptions(**opts))  # type: ignore[arg-type]


def rows(acts: Activities) -> list[tuple[str, int, dt.date | None, str, str]]:
    return [(a.sheet, a.row, a.date, a.title, a.role_text) for a in acts.rows]


def warnings(acts: Activities) -> list[tuple[str | None, int | None, str]]:
    return [(w.sheet, w.row, w.message) for w in acts.warnings]


def test_date_forms_parts_of_months_time_ranges_apostrophes_and_us_dates() -> None:
    acts = read("date-forms.xls")
    assert [(a.row, a.date, a.end_date) for a in acts.rows] == [
        (3, D(2023, 3, 1), None),  # 3月上旬: the first day of the part
        (4, D(2023, 6, 21), None),  # 2023年6月下旬
        (5, D(2023, 7, 1), None),  # 2023年第三季度
        (6, D(2023, 3, 5), None),  # 2023年3月5日 9:00-11:30 (was read as 3-05 to 3-11)
        (7, D(2023, 4, 6), None),  # '2023-04-06
        (8, D(2023, 12, 4), None),  # 12/4/2023 (was "has no year")
    ]
    assert warnings(acts) == [
        ("县委", 9, "'2023年' gives only the year; write the day (or at least the month): not audited")
    ]


def test_dates_as_typed_letter_o_two_digit_years_numbers_and_an_end_mark(run, mini_pack: Path) -> None:
    acts = read("typed-dates.xls")
    assert [(a.row, a.date) for a in acts.rows] == [
        (3, D(2023, 3, 15)),  # 二O二三年三月十五日 (the letter O)
        (4, D(2023, 5, 8)),  # 23年5月8日
        (5, D(2023, 6, 1)),  # 23.6.1
        (6, D(2023, 7, 5)),  # 20230705 in a number cell
        (7, D(2023, 9, 1)),  # 9月1日: the year from the title 二O二三年度
    ]
    assert acts.warnings == []  # the 以下空白 row closes the form: not an activity, not a warning
    data = json.loads(run("check", DATA / "typed-dates.xls", "--pack", mini_pack, "-f", "json").stdout)
    assert (data["unit"], data["year"]) == ("测试县", 2023)


def test_summary_sheet_rows_repeating_the_month_sheets_count_once() -> None:
    acts = read("summary.xlsx")
    assert rows(acts) == [
        ("汇总", 6, D(2023, 3, 28), "国家安全法专题学习", "县委"),  # only the summary has it: kept
        ("1月", 3, D(2023, 1, 10), "县委常委会听取法治建设工作汇报", "县委"),
        ("2月", 3, D(2023, 2, 20), "县政府常务会议学法", "县政府"),
        ("3月", 3, D(2023, 3, 5), "法治专题讲座", "县委"),
    ]
    assert warnings(acts) == [
        (
            "汇总",
            None,
            "3 rows of this summary sheet repeat rows of the other sheets (1月、2月、3月): counted once, there",
        )
    ]


def test_summary_alone_is_kept_whole() -> None:
    sheet = RawSheet("汇总", [["日期", "事项"], ["2023-03-15", "讲座"]])
    res = read_sheet(sheet, "x.xlsx")
    assert drop_summary_repeats(res.activities) == []
    assert len(res.activities) == 1


def test_cover_and_contents_pages_are_noted_and_the_cover_names_unit_and_year(run, mini_pack: Path) -> None:
    acts = read("cover.ods")
    assert rows(acts) == [
        ("台账", 2, D(2023, 3, 15), "县委常委会听取法治建设工作汇报", "县委"),  # 3月15日: the year is on the cover
        ("台账", 3, D(2023, 6, 8), "法治专题讲座", "县委"),
    ]
    assert warnings(acts) == [
        ("封面", None, "sheet skipped: a cover or contents page"),
        ("目录", None, "sheet skipped: a cover or contents page"),
    ]
    res = run("check", DATA / "cover.ods", "--pack", mini_pack, "-f", "json")
    data = json.loads(res.stdout)
    assert (data["unit"], data["year"]) == ("测试县", 2023)


def test_section_rows_give_the_role_and_a_second_table_below_has_its_own_header() -> None:
    acts = read("sections.xls")
    assert rows(acts) == [
        ("Sheet1", 4, D(2023, 3, 15), "主持召开常委会会议听取法治建设工作汇报", "一、县委主要负责人履职情况"),
        ("Sheet1", 5, D(2023, 6, 8), "带头讲法治课", "一、县委主要负责人履职情况"),
        ("Sheet1", 7, D(2023, 2, 20), "向县委报告法治政府建设情况", "二、县政府主要负责人履职情况"),
        ("Sheet1", 11, D(2023, 5, 8), "执法人员法治培训", ""),  # 三、培训情况 names no body
        ("Sheet1", 12, D(2023, 9, 1), "领导干部学法用法专题培训", ""),
    ]
    # the header's hints (*日期（格式：…）, 履职事项：) do not hide the names; the lower table maps its own columns
    assert [a.hours for a in acts.rows] == [None, None, None, 16.0, 3.0]
    assert [a.actor for a in acts.rows][3:] == ["全体执法人员", "县政府领导"]
    assert acts.warnings == []  # section rows and the second header are not "unreadable" rows


def test_section_roles_resolve_against_the_pack(run, mini_pack: Path) -> None:
    res = run("check", DATA / "sections.xls", "--pack", mini_pack, "-f", "json")
    data = json.loads(res.stdout)
    report = next(d for d in data["duties"] if d["id"] == "party-report")
    assert [e["row"] for e in report["evidence"]] == [4]
    training = next(d for d in data["duties"] if d["id"] == "gov-training")
    assert {e["row"] for e in training["evidence"]} >= {11}


def test_sub_sections_keep_the_role_top_level_ones_without_a_body_reset_it() -> None:
    sheet = RawSheet(
        "县政府",
        [
            ["序号", "日期", "事项"],
            ["一、县委主要负责人"],
            ["（一）会议情况"],
            [1, "2023-03-15", "常委会听取汇报"],
            ["二、其他工作"],
            [2, "2023-04-15", "普法宣传"],
        ],
    )
    res = read_sheet(sheet, "x.xlsx")
    assert [(a.row, a.role_text) for a in res.activities] == [(4, "一、县委主要负责人"), (6, "县政府")]
    assert res.warnings == []


def test_tables_side_by_side_are_both_read_with_the_role_above_each() -> None:
    acts = read("side-by-side.ods")
    assert rows(acts) == [
        ("2023年台账", 3, D(2023, 3, 15), "常委会听取法治建设工作汇报", "县委"),
        ("2023年台账", 4, D(2023, 6, 8), "中心组学法", "县委"),
        ("2023年台账", 3, D(2023, 2, 20), "报告法治政府建设情况", "县政府"),
        ("2023年台账", 4, D(2023, 7, 6), "常务会议会前学法", "县政府"),
        ("2023年台账", 5, D(2023, 9, 1), "法治专题讲座", "县政府"),
    ]
    assert [a.type for a in acts.rows] == ["meeting", "study", "report", "study", "lecture"]
    assert acts.warnings == []


def test_english_headers_and_types() -> None:
    acts = read("english.xlsx")
    assert [(a.row, a.date, a.title, a.role_text, a.unit, a.type, a.hours) for a in acts.rows] == [
        (2, D(2023, 3, 15), "县委常委会听取法治建设工作汇报", "县委", "测试县", "meeting", None),
        (3, D(2023, 5, 15), "法治专题讲座", "县委", "测试县", "lecture", 2.0),
        (4, D(2023, 9, 1), "执法人员法治培训", "县政府", "测试县", "training", 16.0),
    ]
    assert all(a.extra == {} for a in acts.rows)  # Owner, Activity Type and Dept are fields, not extras


def test_formula_title_stays_a_title_and_yearless_dates_follow_the_other_dates() -> None:
    acts = read("formula-title.xlsx")
    assert rows(acts) == [
        ("县委", 3, D(2024, 3, 15), "常委会听取法治建设工作汇报", "县委"),
        ("县委", 4, D(2024, 5, 15), "法治专题讲座", "县委"),  # a formula title cell: its saved value
        ("县委", 5, D(2024, 6, 1), "中心组学法", "县委"),  # 6月1日: 2024 like the others, not the title's 2023
    ]
    assert acts.titles[0] == "测试县2023年度法治建设工作台账"  # the stray H1 did not make it a header row
    assert warnings(acts) == [
        (
            "县委",
            None,
            "1 date without a year read as 2024, the year of the other dates (the title or name says 2023); "
            "give --year or put the year in the title if that is wrong",
        )
    ]


@pytest.mark.parametrize(("name", "encoding"), [("big5.csv", "big5"), ("utf16be.txt", "utf-16-be")])
def test_big5_and_utf16_without_bom(name: str, encoding: str) -> None:
    data = (DATA / name).read_bytes()
    assert sniff(data) == "text"  # UTF-16 without a BOM was refused as binary
    assert detect_encoding(data) == encoding  # Big5 was taken for GB18030
    acts = read(name)
    assert [(a.row, a.date, a.title, a.type) for a in acts.rows] == [
        (3, D(2023, 3, 15), "縣委常委會會議聽取法治建設工作匯報", "meeting"),
        (4, D(2023, 6, 8), "舉辦法治專題講座", "lecture"),
        (5, D(2023, 9, 1), "縣政府常務會議學法", "study"),
    ]
    assert acts.titles == ["測試縣2023年度法治建設工作臺賬"]


def test_gbk_and_utf8_are_not_taken_for_big5() -> None:
    assert detect_encoding((DATA / "gbk.csv").read_bytes()) == "gb18030"
    assert detect_encoding("日期,事项\n2023-03-15,讲座\n".encode("gbk")) == "gb18030"
    assert detect_encoding("日期,事項\n2023-03-15,講座\n".encode()) == "utf-8"


def test_utf16_detection_needs_nuls_on_one_side_only() -> None:
    assert utf16_without_bom("日期\t事项\r\n".encode("utf-16-le")) == "utf-16-le"
    assert utf16_without_bom(bytes(range(256)) * 4) is None


def test_oa_html_caption_titles_the_sheet_named_from_x_name() -> None:
    acts = read("oa-caption.xls")
    assert rows(acts) == [  # LibreOffice shows the caption inside the first header cell: data from row 2
        ("履职台账", 2, D(2023, 3, 15), "县委常委会听取法治建设工作汇报（镕）", "县委"),  # GB18030 under a gb2312 meta
        ("履职台账", 4, D(2023, 5, 15), "县政府常务会议学法", "县政府"),
    ]
    assert acts.titles == ["测试县2023年度履职台账"]  # the caption names the unit and the year
    assert warnings(acts) == [("履职台账", 3, "empty date: not audited")]  # the 导出时间 footer is no warning


def test_web_export_opens_as_one_sheet_with_text_lines_and_tables_one_after_another(run, mini_pack: Path) -> None:
    """Row numbers as LibreOffice Calc shows the file: title <div> 1, 填报单位 <p> 2, query table 3–4, header 5."""
    acts = read("oa-query.xls")
    assert [(a.sheet, a.row, a.date, a.title, a.extra["办理人"]) for a in acts.rows] == [
        ("oa-query", 6, D(2023, 3, 15), "行政复议案件审查", "张三"),
        ("oa-query", 7, D(2023, 3, 20), "规范性文件合法性审核", "李四"),  # 3月20日: the year from the title
    ]
    assert acts.warnings == []  # 合计, 导出时间 and 第 1 页 共 1 页 are not activities
    data = json.loads(run("check", DATA / "oa-query.xls", "--pack", mini_pack, "-f", "json").stdout)
    assert (data["unit"], data["year"]) == ("测试县司法局", 2023)


def test_excel_csv_sep_line_formula_literals_quoted_line_breaks_and_us_dates() -> None:
    acts = read("excel-sep.csv")
    assert [(a.row, a.date, a.title, a.role_text) for a in acts.rows] == [
        (2, D(2023, 3, 15), "县委常委会会议\n听取法治建设工作汇报", "县委"),  # row 2 as Excel shows it
        (3, D(2023, 12, 4), "国家宪法日集中宣传活动", "县政府"),
    ]
    assert acts.titles == []  # the sep=; line is not a title
    assert acts.rows[0].key == "县委常委会会议听取法治建设工作汇报"


def test_a_time_column_before_the_date_column_is_not_the_date() -> None:
    cmap = map_columns(["序号", "时间", "日期", "事项"])
    assert (cmap.fields["date"], cmap.fields["title"]) == (2, 3)


@pytest.mark.parametrize(
    ("header", "field"),
    [
        ("*日期（格式：2023-03-15）", "date"),
        ("日期：", "date"),
        ("事项名称（必填）", "title"),
        ("活动类型(会议/讲座/培训)", "type"),
        ("Activity Type", "type"),
        ("Owner", "role"),
        ("Responsible", "role"),
        ("Activity Name", "title"),
    ],
)
def test_header_hints_marks_and_english_names(header: str, field: str) -> None:
    assert map_columns(["序号", header]).fields[field] == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Meeting", "meeting"),
        ("lecture", "lecture"),
        ("Training", "training"),
        ("seminar", "lecture"),
        ("会议", "meeting"),
    ],
)
def test_english_type_values(text: str, expected: str) -> None:
    assert type_of(text) == expected


def test_two_cell_filing_line_above_the_header_is_a_title_not_a_header_row() -> None:
    """填报单位：… | 填报时间：… in two cells used to be combined with the header as a two-row header, losing the
    year of 3月15日."""
    sheet = RawSheet(
        "Sheet1",
        [
            ["填报单位：测试县委办", "", "填报时间：2023年12月30日"],
            ["日期", "事项", "责任主体"],
            ["3月15日", "常委会听取法治建设工作汇报", "县委"],
        ],
    )
    res = read_sheet(sheet, "x.xlsx")
    assert [(a.row, a.date) for a in res.activities] == [(3, D(2023, 3, 15))]
    assert res.titles == ["填报单位：测试县委办", "填报时间：2023年12月30日"]


def test_an_undated_activity_numbered_like_a_section_is_still_warned_about() -> None:
    sheet = RawSheet(
        "县委",
        [
            ["日期", "事项", "形式"],
            ["", "一、学习贯彻习近平法治思想", ""],  # in the title column, not merged: an activity without a date
            ["2023-03-15", "法治专题讲座", "讲座"],
        ],
    )
    res = read_sheet(sheet, "x.xlsx")
    assert [(w.row, w.message) for w in res.warnings] == [(2, "empty date: not audited")]
    assert [a.row for a in res.activities] == [3]


def test_looking_for_a_second_table_costs_no_conversion_per_unreadable_row(monkeypatch) -> None:
    """Rows of unreadable dates are common; checking each for a new header must not convert text per row."""
    import dutyaudit.ingest.header as header
    import dutyaudit.ingest.table as table

    calls = []
    real = table.normalize_many

    def counting(strings: list[str]) -> list[str]:
        calls.append(len(strings))
        return real(strings)

    monkeypatch.setattr(table, "normalize_many", counting)
    monkeypatch.setattr(header, "normalize_many", counting)
    rows = [["序号", "日期", "事项"]] + [[i, "时间待定", f"活动{i}"] for i in range(2000)]
    res = read_sheet(RawSheet("S", rows), "x.xlsx")
    assert len(res.warnings) == 2000
    assert len(calls) < 10
