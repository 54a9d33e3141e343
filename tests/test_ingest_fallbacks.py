"""Header and date fallbacks real logs need: title names clerks use, a title found from its texts, dates that
lead the text in a clerk's notebook, and the year such dates take."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from dutyaudit.i18n import t
from dutyaudit.ingest import IngestOptions, ingest
from dutyaudit.ingest.base import RawSheet
from dutyaudit.ingest.columns import map_columns
from dutyaudit.ingest.dates import leading_date, read_date
from dutyaudit.ingest.table import read_sheet
from dutyaudit.ingest.text import normalize_many

NO_LEADING_DATE = t("warn.no_leading_date", "en")


def _sheet(rows: list[list[object]], name: str = "台账") -> RawSheet:
    return RawSheet(name, [list(r) for r in rows])


def _cmap(*headers: str):
    texts = list(headers)
    return map_columns(texts, folded=normalize_many(texts))


# ---------------------------------------------------------------- title names


@pytest.mark.parametrize(
    "name",
    [
        "事情",
        "工作内容",
        "开展情况",
        "做了什么",
        "工作事项",
        "记录",
        "会议内容",
        "具体内容",
        "工作开展情况",
        "主要内容",
        "開展情況",  # traditional script: headers are converted before matching
        "記錄",
        "會議內容",
        "工作內容",
    ],
)
def test_title_names_clerks_use(name: str) -> None:
    res = read_sheet(_sheet([["日期", name, "备注"], ["2023-03-01", "镇长办公会会前学法", ""]]), "x.xlsx")
    assert res.header_found
    assert [(a.title, a.date) for a in res.activities] == [("镇长办公会会前学法", dt.date(2023, 3, 1))]
    assert res.warnings == []


@pytest.mark.parametrize(
    ("headers", "title", "extra"),
    [
        (("日期", "具体内容", "事项"), 2, "具体内容"),  # a title by name beats a descriptive column, however named
        (("会议时间", "会议名称", "议题"), 1, "议题"),
        (("日期", "开展情况", "事情"), 2, "开展情况"),
        (("日期", "工作内容", "工作事项"), 2, "工作内容"),
        (("日期", "会议内容摘要", "培训名称"), 2, "会议内容摘要"),
        (("日期", "事项", "完成情况"), 1, "完成情况"),  # a status is not a descriptive column
    ],
)
def test_a_title_by_name_beats_a_descriptive_column(headers: tuple[str, ...], title: int, extra: str) -> None:
    cmap = _cmap(*headers)
    assert cmap.fields["title"] == title
    assert cmap.extra[extra] == headers.index(extra)


def test_descriptive_columns_stay_in_extra_for_the_matcher() -> None:
    rows = [
        ["日期", "会议名称", "议题", "会议内容"],
        ["2023-01-12", "区政府第2次常务会议", "1.会前学法：学习宪法", "学法"],
    ]
    (a,) = read_sheet(_sheet(rows), "x.xlsx").activities
    assert a.title == "区政府第2次常务会议"
    assert a.extra == {"议题": "1.会前学法：学习宪法", "会议内容": "学法"}


@pytest.mark.parametrize(
    ("headers", "field", "col"),
    [
        (("记录时间", "记录"), "date", 0),  # on a tie of names the title loses: 记录时间 is the date
        (("记录时间", "记录"), "title", 1),
        (("日期", "记录", "记录人"), "actor", 2),
    ],
)
def test_record_words_do_not_steal_other_columns(headers: tuple[str, ...], field: str, col: int) -> None:
    assert _cmap(*headers).fields[field] == col


# ---------------------------------------------------------------- a date column but no title by name


def test_longest_texts_are_the_title_with_one_warning_per_sheet(tmp_path: Path) -> None:
    path = tmp_path / "log.xlsx"
    wb = openpyxl.Workbook()
    for name in ("上半年", "下半年"):
        ws = wb.create_sheet(name)
        ws.append(["日期", "牵头", "情形", "备注"])
        ws.append(["2023-03-01", "司法所", "学雷锋日在集市摆摊普法，发宣传册300份", "照片已存档，另有宣传册样本两份"])
        ws.append(["2023-03-09", "司法所", "指导12个村修订村规民约", ""])
    del wb["Sheet"]
    wb.save(path)
    acts = ingest([path], IngestOptions(year=2023))
    assert [a.title for a in acts.rows][:2] == ["学雷锋日在集市摆摊普法，发宣传册300份", "指导12个村修订村规民约"]
    assert len(acts.rows) == 4
    assert acts.rows[0].extra == {"牵头": "司法所", "备注": "照片已存档，另有宣传册样本两份"}  # 备注 is never the title
    notes = [w for w in acts.warnings if "longest texts" in w.message]
    assert [(w.sheet, w.row) for w in notes] == [("上半年", None), ("下半年", None)]
    assert "'情形'" in notes[0].message


@pytest.mark.parametrize(
    "rows",
    [
        [["日期", "数量", "金额"], ["2023-03-01", 3, 12.5]],  # figures, not texts
        [["Order", "Agency", "Date"], ["452485", "ProMedia Group - DR", "2024-02-12"]],  # not Chinese texts
        [["时间段", "情形"], ["上午", "学雷锋日在集市摆摊普法"]],  # 时间段 does not read as dates
        [["名称", "数量"], ["A", 1]],  # a title but no date anywhere
    ],
)
def test_tables_that_are_not_logs_are_still_refused(rows: list[list[object]]) -> None:
    res = read_sheet(_sheet(rows), "x.xlsx")
    assert not res.header_found
    assert res.activities == []
    assert [w.message.split(":")[0] for w in res.warnings] == ["sheet skipped"]


def test_instruction_sheets_are_not_read_by_a_fallback() -> None:
    rows = [["日期", "情形"], ["2023-03-01", "在此填写开展的活动，例如会前学法"]]
    res = read_sheet(_sheet(rows, "填表说明"), "x.xlsx")
    assert not res.header_found
    assert res.activities == []


# ---------------------------------------------------------------- a clerk's notebook: dates lead the text


@pytest.fixture
def notebook(tmp_path: Path) -> Path:
    """A clerk's notebook: 序号 | 记录 | 备注, no date column, the date at the start of each text."""
    path = tmp_path / "司法所工作记录.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "记录本"
    ws.append(["清水镇司法所2023年工作记录"])
    ws.append(["序号", "记录", "备注"])
    for i, (text, note) in enumerate(
        [
            ("2.7 常委会听法院党组汇报", ""),
            ("1.10 镇长办公会会前学法", "纪要"),
            ("5月 民法典宣传月进村入户", ""),
            ("2023.3.15 消费者权益日宣传", ""),
            ("3月中旬 指导村里修订村规民约", ""),
            ("2023年4月12日，出庭应诉（马某诉镇政府）", "副镇长出庭"),
            ("1.会前学法：学习《行政诉讼法》", ""),  # an ordinal, not a date: reported, not read
            ("2.30 不存在的日子", ""),
            ("跟律所续签了法律顾问合同", ""),
            ("12.4 宪法日集中宣传", ""),
        ],
        start=1,
    ):
        ws.append([i, text, note])
    ws.append(["注：以下空白"])
    wb.save(path)
    return path


def test_a_notebook_is_read_with_the_dates_leading_its_text(notebook: Path) -> None:
    acts = ingest([notebook])
    got = [(a.row, a.date, a.title) for a in acts.rows]
    assert got == [
        (3, dt.date(2023, 2, 7), "常委会听法院党组汇报"),
        (4, dt.date(2023, 1, 10), "镇长办公会会前学法"),
        (5, dt.date(2023, 5, 1), "民法典宣传月进村入户"),
        (6, dt.date(2023, 3, 15), "消费者权益日宣传"),
        (7, dt.date(2023, 3, 11), "指导村里修订村规民约"),
        (8, dt.date(2023, 4, 12), "出庭应诉（马某诉镇政府）"),
        (12, dt.date(2023, 12, 4), "宪法日集中宣传"),
    ]
    assert acts.rows[1].extra == {"备注": "纪要"}
    rows_warned = [(w.file, w.sheet, w.row, w.message) for w in acts.warnings if w.row is not None]
    assert rows_warned == [
        ("司法所工作记录.xlsx", "记录本", 9, NO_LEADING_DATE),
        ("司法所工作记录.xlsx", "记录本", 10, NO_LEADING_DATE),
        ("司法所工作记录.xlsx", "记录本", 11, NO_LEADING_DATE),
    ]
    (note,) = [w for w in acts.warnings if w.row is None]
    assert "no date column" in note.message and "'记录'" in note.message


def test_a_notebook_takes_its_year_from_the_file_name_or_year() -> None:
    rows = [["序号", "记录"], [1, "2.7 常委会听取汇报"], [2, "3.1 会前学法"]]
    by_name = read_sheet(_sheet(rows), "x.xlsx", file_year=2022)
    assert [a.date for a in by_name.activities] == [dt.date(2022, 2, 7), dt.date(2022, 3, 1)]
    by_option = read_sheet(_sheet(rows), "x.xlsx", year=2024)
    assert [a.date for a in by_option.activities] == [dt.date(2024, 2, 7), dt.date(2024, 3, 1)]


def test_a_notebook_column_with_no_name_is_found_from_its_texts() -> None:
    rows = [["序号", "随手记", "备注"], [1, "2.7 常委会听取汇报", ""], [2, "3.1 会前学法", "好"]]
    res = read_sheet(_sheet(rows), "x.xlsx", year=2023)
    assert [(a.date, a.title) for a in res.activities] == [
        (dt.date(2023, 2, 7), "常委会听取汇报"),
        (dt.date(2023, 3, 1), "会前学法"),
    ]


def test_a_column_named_for_date_and_text_is_a_notebook() -> None:
    rows = [["序号", "时间及事项", "备注"], [1, "2.7 常委会听取汇报", ""], [2, "3.1 会前学法", "好"]]
    res = read_sheet(_sheet(rows), "x.xlsx", year=2023)
    assert [(a.date, a.title) for a in res.activities] == [
        (dt.date(2023, 2, 7), "常委会听取汇报"),
        (dt.date(2023, 3, 1), "会前学法"),
    ]


def test_a_title_column_whose_texts_seldom_start_with_a_date_is_not_a_notebook() -> None:
    rows = [["序号", "记录"], [1, "2.7 常委会听取汇报"], [2, "会前学法"], [3, "普法宣传"]]
    assert not read_sheet(_sheet(rows), "x.xlsx", year=2023).header_found


@pytest.mark.parametrize(
    ("text", "date", "rest"),
    [
        ("2.7 常委会听法院党组汇报", dt.date(2023, 2, 7), "常委会听法院党组汇报"),
        ("1.10学法", dt.date(2023, 1, 10), "学法"),
        ("5月 普法", dt.date(2023, 5, 1), "普法"),
        ("5月份，普法", dt.date(2023, 5, 1), "普法"),
        ("2023.3.15 会议", dt.date(2023, 3, 15), "会议"),
        ("3月中旬 普法", dt.date(2023, 3, 11), "普法"),
        ("2023年4月12日 会前学法", dt.date(2023, 4, 12), "会前学法"),
        ("3月15日：培训", dt.date(2023, 3, 15), "培训"),
        ("３月１５日 宣传", dt.date(2023, 3, 15), "宣传"),  # full-width digits
        ("3/15 消费者权益日", dt.date(2023, 3, 15), "消费者权益日"),
        ("2023-03-15, 会议", dt.date(2023, 3, 15), "会议"),
        ("4·15 国家安全教育日宣传", dt.date(2023, 4, 15), "国家安全教育日宣传"),  # the dot of 4·15, 12·4
        ("12·4 宪法日", dt.date(2023, 12, 4), "宪法日"),
        ("7月底 区财政追加经费", dt.date(2023, 7, 21), "区财政追加经费"),  # 月底/月末 as 下旬, 月初 as 上旬
        ("1月初，部署全年工作", dt.date(2023, 1, 1), "部署全年工作"),
        ("6月初步完成清理", dt.date(2023, 6, 1), "初步完成清理"),  # 初步 is a word, not 月初
    ],
)
def test_leading_dates(text: str, date: dt.date, rest: str) -> None:
    got = leading_date(text)
    assert got is not None
    assert read_date(got[0], 2023).start == date
    assert got[1] == rest


def test_a_leading_range_gives_an_end_date() -> None:
    got = leading_date("3月15日-17日 执法人员培训班")
    assert got == ("3月15日-17日", "执法人员培训班")
    assert read_date(got[0], 2023).end == dt.date(2023, 3, 17)


@pytest.mark.parametrize(
    "text",
    [
        "1.会前学法：学习宪法",  # an ordinal
        "2.30 不存在的日子",  # no such day
        "13.5 条",
        "1.5万元经费下达",  # an amount
        "2.5小时培训",
        "2023年法治政府建设工作总结",  # a year alone
        "召开常务会议，2.7会前学法",  # a date inside, not leading
        "",
    ],
)
def test_not_leading_dates(text: str) -> None:
    assert leading_date(text) is None


# ---------------------------------------------------------------- the year of dates written without one


def test_a_title_year_between_the_written_years_holds() -> None:
    """A 2023 log running from late 2022 to early 2024: 3月1日 is 2023, whatever most written years say."""
    rows = [
        ["永康镇2023年工作记录"],
        ["日期", "事情"],
        ["2022/12/20", "会前学法"],
        ["3月1日", "普法"],
        ["2024/1/5", "工作总结上报"],
        ["2024/1/10", "会前学法"],
    ]
    res = read_sheet(_sheet(rows), "x.csv")
    assert [a.date for a in res.activities] == [
        dt.date(2022, 12, 20),
        dt.date(2023, 3, 1),
        dt.date(2024, 1, 5),
        dt.date(2024, 1, 10),
    ]
    assert res.warnings == []


def test_a_stale_title_year_still_gives_way_to_the_written_dates() -> None:
    rows = [["测试县2023年台账"], ["日期", "事项"], ["2024-01-05", "会前学法"], ["3月1日", "普法"]]
    res = read_sheet(_sheet(rows), "x.csv")
    assert [a.date for a in res.activities] == [dt.date(2024, 1, 5), dt.date(2024, 3, 1)]
    assert len(res.warnings) == 1 and "read as 2024" in res.warnings[0].message


def test_a_table_with_no_header_row_is_read_from_its_first_row() -> None:
    """A CSV of date, text, note from the first line: the date column and the longest texts, row numbers kept."""
    rows = [
        ["2023-1-10", "县委常委会定今年工作要点，法治建设单列一条", "要点已印发"],
        ["1/13", "县委常委会听经济运行情况", ""],
        ["2023-2-7", "常委会会前学法，学行政诉讼法", "县委党校老师讲"],
    ]
    res = read_sheet(_sheet(rows), "x.csv", year=2023)
    assert res.header_found
    got = [(a.row, a.date, a.title) for a in res.activities]
    assert got == [
        (1, dt.date(2023, 1, 10), "县委常委会定今年工作要点，法治建设单列一条"),
        (2, dt.date(2023, 1, 13), "县委常委会听经济运行情况"),
        (3, dt.date(2023, 2, 7), "常委会会前学法，学行政诉讼法"),
    ]
    assert res.activities[0].extra == {"第3列": "要点已印发"}
    assert next(w.message for w in res.warnings if w.row is None).startswith("no header row")


@pytest.mark.parametrize(
    "rows",
    [
        [["2023-03-01", 3, 12.5], ["2023-03-02", 4, 13.0]],  # figures beside the dates
        [["2023-03-01", "ok"], ["2023-03-02", "fine"]],  # no Chinese texts
        [["会议", "2023-03-01"], ["2023-03-02", "学法"]],  # the first row is no record
    ],
)
def test_headless_tables_that_are_not_logs_are_refused(rows: list[list[object]]) -> None:
    res = read_sheet(_sheet(rows), "x.csv", year=2023)
    assert not res.header_found and res.activities == []


def test_a_supervision_export_is_dated_when_each_item_was_done() -> None:
    """督办 rows: 交办日期 is when the item was assigned, 办结日期 when it was done; the latter dates the row."""
    rows = [
        ["督办编号", "交办日期", "督办事项", "办理结果", "办结日期"],
        ["DB-1", "2023-12-20", "县委常委会听取法治建设工作汇报", "已听取", "2024-01-10"],
        ["DB-2", "2023-03-01", "会前学法", "正在办理", ""],
    ]
    res = read_sheet(_sheet(rows), "x.csv")
    assert [(a.title, a.date) for a in res.activities] == [("县委常委会听取法治建设工作汇报", dt.date(2024, 1, 10))]


def test_a_completion_date_alone_dates_the_row(tmp_path: Path) -> None:
    """A 督查室 ledger: 完成时限 is planned, 完成日期 is when it was done and the only date; an unfinished row (no
    完成日期) is reported, not dated by its plan."""
    cmap = map_columns(["任务来源", "工作事项", "完成时限", "完成情况", "完成日期"])
    assert cmap.fields["date"] == 4 and "end_date" not in cmap.fields
    path = tmp_path / "ducha.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["任务来源", "工作事项", "完成时限", "完成情况", "完成日期"])
    ws.append(["县政府常务会议", "审议法治政府建设年度报告", "2023年3月底", "已完成", dt.datetime(2023, 3, 20)])
    ws.append(["督查", "修订重大行政决策程序规定", "2023年12月底", "正在推进", None])
    wb.save(path)
    result = ingest([path], IngestOptions())
    assert [a.date for a in result.rows] == [dt.date(2023, 3, 20)]
    assert result.warnings  # the unfinished row is named, not silently dated
    # with both a start and a completion date the start dates the row, as before
    both = map_columns(["日期", "工作事项", "完成日期"])
    assert (both.fields["date"], both.fields["end_date"]) == (0, 2)
