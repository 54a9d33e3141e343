"""Page 1 of the scorecard and the batch summary, reloaded with openpyxl: what is on it, in what order, and how
it prints."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest

ROWS: list[dict[str, Any]] = [
    {"日期": "2023-03-01", "事项": "县委常委会会议听取法治建设工作汇报", "责任主体": "县委"},
    {"日期": "2023-04-01", "事项": "法治专题讲座", "责任主体": "县委"},
    {"日期": "2023-09-01", "事项": "法治专题讲座（二）", "责任主体": "县委"},
    {"日期": "2023-10-01", "事项": "法治专题讲座（三）", "责任主体": "县委"},
    {"日期": "2023-03-10", "事项": "报送2022年度法治政府建设情况报告", "责任主体": "县政府"},
]


@pytest.fixture
def card(run, write_csv: Callable[..., Path], mini_pack: Path, tmp_path: Path) -> openpyxl.Workbook:
    log = write_csv(ROWS, title="测试县2023年度法治建设工作台账")
    out = tmp_path / "card.xlsx"
    assert run("check", log, "--pack", mini_pack, "--out", out).exit_code == 1
    return openpyxl.load_workbook(out)


def _find(ws: Any, text: str) -> int:
    return next(r for r in range(1, ws.max_row + 1) if ws.cell(row=r, column=1).value == text)


def test_page_one_reads_verdict_then_gaps_then_counts_then_signatures(card: openpyxl.Workbook) -> None:
    ws = card["总览"]
    verdict, gaps = (
        _find(ws, "得分"),
        next(r for r in range(1, 20) if str(ws.cell(row=r, column=1).value).startswith("未达要求")),
    )
    counts, opinion, seal = _find(ws, "各责任主体履职情况"), _find(ws, "审核意见："), _find(ws, "单位（盖章）：")
    assert verdict < gaps < counts < opinion < seal
    assert ws.cell(row=verdict, column=4).value == "不合格" and isinstance(ws.cell(row=verdict, column=2).value, float)
    header = [ws.cell(row=gaps + 1, column=c).value for c in range(1, 10)]
    assert header[0] == "职责编号" and header[4] == "结论" and header[8] == "佐证（日期 事项）"
    listed = {ws.cell(row=r, column=1).value: r for r in range(gaps + 2, counts)}
    assert "party-report" not in listed  # met: not a gap
    late = listed["gov-report"]
    assert ws.cell(row=late, column=5).value == "逾期"
    assert ws.cell(row=late, column=7).value.startswith("逾期：2023-03-10")
    assert ws.cell(row=late, column=9).value == "2023-03-10 报送2022年度法治政府建设情况报告"
    assert {"审核人（签字）：", "复核人（签字）："} <= {ws.cell(row=r, column=1).value for r in range(opinion, seal)}
    box = next(m for m in ws.merged_cells.ranges if m.min_row == opinion + 1)
    assert (box.min_col, box.max_col, box.max_row - box.min_row) == (1, 9, 3)  # the 审核意见 box


def test_evidence_beside_a_duty_names_two_rows_then_how_many(card: openpyxl.Workbook) -> None:
    duties = card["职责明细"]
    row = next(r for r in range(3, duties.max_row + 1) if duties.cell(row=r, column=2).value == "party-lecture")
    evidence = duties.cell(row=row, column=11)
    assert evidence.value == "2023-04-01 法治专题讲座；2023-09-01 法治专题讲座（二）等3条"
    assert duties.cell(row=row, column=2).hyperlink.location.startswith("'佐证记录'!A")


def test_chart_lists_roles_in_the_table_order(card: openpyxl.Workbook) -> None:
    ws = card["总览"]
    chart = ws._charts[0]
    assert chart.x_axis.scaling.orientation == "maxMin"  # a bar chart draws its first category at the bottom
    top = _find(ws, "责任主体")
    assert [ws.cell(row=top + i, column=1).value for i in (1, 2)] == ["党委主要负责人", "政府主要负责人"]


def test_page_one_prints_fit_to_width_and_breaks_between_blocks(card: openpyxl.Workbook) -> None:
    ws = card["总览"]
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    assert ws.page_setup.fitToHeight == 0
    counts, seal = _find(ws, "各责任主体履职情况"), _find(ws, "单位（盖章）：")
    for b in ws.row_breaks.brk:  # a break falls only before a block, never inside one
        assert b.id + 1 in (counts, _find(ws, "审核意见：")) or b.id + 1 < counts
    assert seal <= ws.max_row


def test_summary_first_page_and_matrix_blocks(tmp_path: Path, write_csv, mini_pack: Path, run) -> None:
    from dutyaudit.report import summary_xlsx

    d = tmp_path / "logs"
    d.mkdir()
    for name in ("甲县", "乙县", "丙县"):
        write_csv(ROWS[: 2 + len(name)], title=f"{name}2023年度法治建设工作台账", name=f"logs/{name}.csv")
    out = tmp_path / "汇总.xlsx"
    res = run("batch", d, "--pack", mini_pack, "--out", out)
    assert res.exit_code == 1 and res.stderr == f"提示：已写入 {out}\n"
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["汇总", "排名", "矩阵", "共性问题"]
    front = wb["汇总"]
    facts = {front.cell(row=r, column=1).value: front.cell(row=r, column=2).value for r in range(4, 9)}
    assert facts["审核单位数"] == 3 and facts["未能审核的文件"] == 0
    assert front.cell(row=_find(front, "平均得分"), column=2).number_format == "0.0"
    grades = _find(front, "等次")
    assert [front.cell(row=grades + i, column=1).value for i in range(1, 5)] == ["优秀", "良好", "合格", "不合格"]
    assert sum(front.cell(row=grades + i, column=2).value for i in range(1, 5)) == 3
    assert len(front._charts) == 1 and front.page_setup.fitToHeight == 1
    assert {"审核人（签字）：", "复核人（签字）：", "单位（盖章）："} <= {c.value for c in front["A"]}
    matrix = wb["矩阵"]
    assert matrix.print_title_cols == "$A:$A" and matrix.print_title_rows == "$1:$2"
    assert not matrix.sheet_properties.pageSetUpPr or not matrix.sheet_properties.pageSetUpPr.fitToPage
    n_duties = matrix.max_column - 1
    assert [b.id for b in matrix.col_breaks.brk] == list(
        range(1 + summary_xlsx.MATRIX_BLOCK, 1 + n_duties, summary_xlsx.MATRIX_BLOCK)
    )
    focus = wb["共性问题"]
    assert focus["I2"].alignment.wrap_text and (focus.row_dimensions[2].height or 0) >= 14
