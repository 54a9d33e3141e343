"""Write a realistic activity log (工作台账) workbook for the shipped examples.

Each ``<pack>_log.py`` beside this file describes one office's year in plain Python and calls
:func:`write_log`; ``python examples/make_examples.py`` rebuilds every example log.
The workbooks look like what a county office keeps: a merged title row, a subtitle row
(填报单位/填报时间), the header, dates written in the mixed forms clerks use, a 合计 row and
a note below the table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side

DEFAULT_HEADER = ("序号", "日期", "活动名称", "活动类型", "责任主体", "责任人", "学时", "佐证材料")


@dataclass
class Sheet:
    """One sheet of a log: its name, title row, header and data rows (cells in header order)."""

    name: str
    title: str
    rows: Sequence[Sequence[Any]]
    header: Sequence[str] = DEFAULT_HEADER
    subtitle: str | None = None
    total_row: bool = True
    note: str | None = "注：本台账由办公室按月更新，佐证材料存档备查。"
    numbered: bool = True
    """Whether the first header column is 序号 and should be filled in (1, 2, 3 …)."""
    widths: dict[str, float] = field(default_factory=dict)


def write_log(path: Path, sheets: Sequence[Sheet]) -> Path:
    """Write ``sheets`` to ``path`` as an xlsx log and return the path."""
    wb = Workbook()
    wb.remove(wb.active)
    thin = Side(style="thin")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    for spec in sheets:
        ws = wb.create_sheet(spec.name)
        ncol = len(spec.header)
        ws.append([spec.title])
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
        ws.cell(1, 1).font = Font(name="宋体", size=16, bold=True)
        ws.cell(1, 1).alignment = Alignment(horizontal="center")
        if spec.subtitle:
            ws.append([spec.subtitle])
            ws.merge_cells(start_row=2, start_column=1, end_row=2, end_column=ncol)
        ws.append(list(spec.header))
        header_row = ws.max_row
        for c in range(1, ncol + 1):
            ws.cell(header_row, c).font = Font(name="宋体", bold=True)
            ws.cell(header_row, c).border = border
        for i, row in enumerate(spec.rows, start=1):
            cells = list(row)
            if spec.numbered:
                cells = [i, *cells]
            ws.append(cells)
            for c in range(1, ncol + 1):
                cell = ws.cell(ws.max_row, c)
                cell.border = border
                if isinstance(cell.value, dt.datetime | dt.date):
                    cell.number_format = "yyyy-mm-dd"
        if spec.total_row:
            total = ["合计", f"共{len(spec.rows)}项"]
            ws.append(total)
        if spec.note:
            ws.append([])
            ws.append([spec.note])
        for letter, width in {"B": 16, "C": 46, "D": 10, "E": 14, "F": 12, **spec.widths}.items():
            ws.column_dimensions[letter].width = width
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
