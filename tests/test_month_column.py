"""A month column beside a day column (月份 3月 · 日期 15日) makes one date; a pack field holding prose is matched."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import check_json, status_of

from dutyaudit.ingest.columns import map_columns
from dutyaudit.ingest.sheetdates import join_month_column


def test_join_month_column() -> None:
    rows: list[list[Any]] = [
        ["月份", "日期", "事项"],
        ["22年12月", "28日", "a"],
        ["1月", "5日", "b"],
        ["", "9", "c"],  # a blank month repeats the one above
        ["1月", "1.16", "d"],  # a date with its own month is left alone
        ["合计", "3日", "e"],  # no month beside it
    ]
    assert join_month_column(rows, 1, 1, 0) == 3
    assert [r[1] for r in rows[1:]] == ["22年12月28日", "1月5日", "1月9日", "1.16", "3日"]


def test_check_reads_a_month_and_a_day_column(
    write_csv: Callable[..., Path], audit_json: Callable[..., tuple[int, dict[str, Any]]]
) -> None:
    rows = [["3月", "15日", "法治专题讲座"], ["", "20日", "法治专题讲座"], ["22年12月", "28日", "法治专题讲座"]]
    _, data = audit_json(
        write_csv(rows, header=["月份", "日期", "事项"], title="测试县2023年工作台账"), "--year", "2023"
    )
    lecture = status_of(data, "party-lecture")
    assert [e["date"] for e in lecture["evidence"]] == ["2023-03-15", "2023-03-20"]  # the 2022 row is out of year


def test_a_day_column_beside_a_month_column_is_the_date() -> None:
    """月份 · 日 · 事项: no column is named a date, the 日 after 月份 is one (joined with its month when read)."""
    cmap = map_columns(["月份", "日", "主体", "工作事项", "落实情况"])
    assert cmap.fields["date"] == 1 and cmap.fields["title"] == 3 and cmap.extra["月份"] == 0
    assert map_columns(["月份", "事项"]).fields["date"] == 0  # a month column alone: the month is the date
    assert map_columns(["月份", "日期", "事项"]).fields["date"] == 1  # a named date column wins
    assert "date" not in map_columns(["日", "事项"]).fields  # a 日 column with no month is not taken for one


def test_check_reads_a_month_and_a_bare_day_column(
    write_csv: Callable[..., Path], audit_json: Callable[..., tuple[int, dict[str, Any]]]
) -> None:
    rows = [
        ["3月", 15, "党委", "法治专题讲座"],
        ["3月", "20日", "党委", "法治专题讲座"],
        ["2024年1月", 5, "党委", "法治专题讲座"],
    ]
    _, data = audit_json(
        write_csv(rows, header=["月份", "日", "主体", "工作事项"], title="测试镇2023年工作台账"), "--year", "2023"
    )
    lecture = status_of(data, "party-lecture")
    assert [e["date"] for e in lecture["evidence"]] == ["2023-03-15", "2023-03-20"]  # the 2024 row is out of year


def test_bare_month_numbers_are_months(
    write_csv: Callable[..., Path], audit_json: Callable[..., tuple[int, dict[str, Any]]]
) -> None:
    """A 月 column of bare numbers (3) beside a 日 column, or alone as the date, holds months, not day counts."""
    rows = [[3, 15, "法治专题讲座"], [4, "20日", "法治专题讲座"]]
    _, data = audit_json(write_csv(rows, header=["月", "日", "事项"], title="测试县2023年工作台账"), "--year", "2023")
    assert [e["date"] for e in status_of(data, "party-lecture")["evidence"]] == ["2023-03-15", "2023-04-20"]
    alone = write_csv(
        [[3, "法治专题讲座"], ["5", "法治专题讲座"]],
        name="m.csv",
        header=["月份", "事项"],
        title="测试县2023年工作台账",
    )
    _, data = audit_json(alone, "--year", "2023")
    assert [e["date"] for e in status_of(data, "party-lecture")["evidence"]] == ["2023-03-01", "2023-05-01"]


def test_a_pack_field_holding_prose_is_matched(write_csv: Callable[..., Path]) -> None:
    """shizuishan reads 完成情况 as its 办理情况 field; a sentence there says what was done."""
    rows = [
        ["2023-02-24", "年度报告", "《某县2022年法治政府建设情况报告》在县政府门户网站公开"],
        ["2023-03-01", "投诉", "已办结"],
    ]
    log = write_csv(rows, header=["日期", "工作任务", "完成情况"], title="某县2023年工作台账")
    _, data = check_json("shizuishan", log, "--year", "2023")
    assert [e["row"] for e in status_of(data, "t05b")["evidence"]] == [3]
