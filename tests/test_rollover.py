"""Dates without a year across a turn of the year: the rows before or after it take the year before or after."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dutyaudit.ingest.rollover import year_offsets


def _months(*ms: int) -> list[tuple[int, int]]:
    return list(enumerate(ms))


def test_a_log_opening_in_december_and_closing_in_january() -> None:
    ms = _months(12, 12, *range(1, 13), 1, 1)
    assert year_offsets(ms) == {0: -1, 1: -1, 14: 1, 15: 1}


def test_a_log_that_only_runs_into_the_next_year() -> None:
    assert year_offsets(_months(*range(1, 13), 1, 2)) == {12: 1, 13: 1}


def test_a_log_newest_first_is_read_backwards() -> None:
    ms = _months(1, *range(12, 0, -1), 12)
    assert year_offsets(ms) == {0: 1, 13: -1}


@pytest.mark.parametrize(
    "ms",
    [
        (3, 3, 12, 3, 4, 5, 6),  # a stray 12月 among March rows: no turn of the year
        (1, 2, 3, 12, 3, 4, 5, 6, 7),  # the part before the turn holds spring months
        (*range(1, 13), 1, 2, 6),  # the part after the turn runs into summer
        (5, 1, 9, 2, 11, 3, 12, 1),  # no order at all
        (*range(1, 13),),  # one year, no turn
        (12, 1),  # too few dates to tell
    ],
)
def test_no_clear_turn_keeps_the_year(ms: tuple[int, ...]) -> None:
    assert year_offsets(_months(*ms)) == {}


def test_check_counts_a_january_after_december_for_the_next_year(
    write_csv: Callable[..., Path], audit_json: Callable[..., tuple[int, dict[str, Any]]]
) -> None:
    """Yearless dates: the 12月 rows at the top are last year's, the 1月 rows at the bottom next year's."""
    rows = [["12月28日", "县委常委会听取法治建设工作汇报"]]
    rows += [[f"{m}月10日", f"县政府常务会议第{m}次 研究经济工作"] for m in range(1, 13)]
    rows += [["1月9日", "县委常委会听取法治建设工作汇报"]]
    log = write_csv(rows, header=["日期", "事项"], title="2023年工作台账")
    _, data = audit_json(log, "--year", "2023")
    report = next(d for d in data["duties"] if d["id"] == "party-report")
    assert report["evidence"] == []  # neither row is in 2023
    notes = [w["message"] for w in data["warnings"]]
    assert any("按2022年读取" in n and "第3行" in n for n in notes), notes
    assert any("按2024年读取" in n and "第16行" in n for n in notes), notes


def test_check_without_a_turn_reads_every_date_in_the_year(
    write_csv: Callable[..., Path], audit_json: Callable[..., tuple[int, dict[str, Any]]]
) -> None:
    rows = [[f"{m}月10日", "县委常委会听取法治建设工作汇报"] for m in (3, 12, 4, 5)]
    log = write_csv(rows, header=["日期", "事项"], title="2023年工作台账")
    _, data = audit_json(log, "--year", "2023")
    report = next(d for d in data["duties"] if d["id"] == "party-report")
    assert len(report["evidence"]) == 4
    assert not any("读取" in w["message"] and "年末" in w["message"] for w in data["warnings"])
