"""The batch summary workbook: ranking, units × duties matrix, the duties most units miss, failed inputs.

Print-ready like the scorecard (A4 landscape, fit to width, repeated header rows, frozen panes,
page footer). pandas does the pivoting; openpyxl writes. Both load only when a summary is written.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from dutyaudit.batch import BatchResult
from dutyaudit.i18n import Lang, t
from dutyaudit.model import STATUSES
from dutyaudit.packs import Pack
from dutyaudit.report.batch import ranking_rows

STATUS_FILL = {"met": "C6EFCE", "partial": "FFEB9C", "late": "F8CBAD", "missing": "FFC7CE", "waived": "DDEBF7"}
GAPS = ("partial", "late", "missing")
FONT = "SimSun"


def _labels(lang: Lang) -> dict[str, Any]:
    if lang == "zh":
        return {
            "sheets": ("排名", "矩阵", "共性问题", "未能审核"),
            "ranking": ("名次", "单位", "得分", "等次", *(t(s, "zh") for s in STATUSES), "合计", "警告", "文件"),
            "focus": ("职责编号", "条款", "职责", "未达标单位数", "占比", "其中缺失", "其中部分", "其中逾期", "单位"),
            "failed": ("文件", "原因"),
            "title": "{pack} · {year}年度汇总（{n}个单位）",
            "unit": "单位",
            "produced": "生成日期",
        }
    return {
        "sheets": ("Ranking", "Matrix", "Focus", "Failed"),
        "ranking": ("Rank", "Unit", "Score", "Grade", *STATUSES, "Total", "Warnings", "Files"),
        "focus": ("Duty", "Clause", "Label", "Units short", "Share", "Missing", "Partial", "Late", "Units"),
        "failed": ("File", "Reason"),
        "title": "{pack} · {year} summary ({n} units)",
        "unit": "Unit",
        "produced": "Produced",
    }


def focus_list(result: BatchResult) -> list[dict[str, Any]]:
    """Duties ordered by how many units fall short of them (the office's focus list)."""
    import pandas as pd

    records = [(a.unit, r.duty.id, r.status) for a in result.audits for r in a.results]
    if not records:
        return []
    df = pd.DataFrame(records, columns=["unit", "duty", "status"])
    short = df[df["status"].isin(GAPS)]
    if short.empty:
        return []
    counts = short.groupby(["duty", "status"]).size().unstack(fill_value=0)
    counts["short"] = counts.sum(axis=1)
    units = short.groupby("duty")["unit"].apply(lambda s: "、".join(sorted(s)))
    n_units = df["unit"].nunique()
    order = {d: i for i, d in enumerate(dict.fromkeys(df["duty"]))}
    rows = []
    for duty, row in counts.iterrows():
        rows.append(
            {
                "duty": duty,
                "short": int(row["short"]),
                "share": round(row["short"] / n_units, 3),
                **{s: int(row.get(s, 0)) for s in GAPS},
                "units": units[duty],
                "order": order[duty],
            }
        )
    rows.sort(key=lambda r: (-r["short"], r["order"]))
    return rows


def status_matrix(result: BatchResult) -> tuple[list[str], list[str], list[list[str]]]:
    """(units in ranking order, duty ids in pack order, statuses) — missing cells are ''."""
    import pandas as pd

    records = [(a.unit, r.duty.id, r.status) for a in result.audits for r in a.results]
    units = [a.unit or "" for a in result.audits]
    if not records:
        return units, [], []
    df = pd.DataFrame(records, columns=["unit", "duty", "status"])
    duties = list(dict.fromkeys(df["duty"]))
    pivot = df.pivot_table(index="unit", columns="duty", values="status", aggfunc="first")
    pivot = pivot.reindex(index=units, columns=duties).fillna("")
    return units, duties, pivot.values.tolist()


def _setup_print(ws: Any, header_rows: str, footer: str) -> None:
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = header_rows
    ws.oddFooter.left.text = footer
    ws.oddFooter.right.text = "第 &P 页 共 &N 页"
    ws.print_options.horizontalCentered = True


def _header(ws: Any, row: int, values: tuple[str, ...] | list[str]) -> None:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    thin = Side(style="thin", color="999999")
    for col, v in enumerate(values, start=1):
        c = ws.cell(row=row, column=col, value=v)
        c.font = Font(name=FONT, bold=True)
        c.fill = PatternFill("solid", fgColor="D9E1F2")
        c.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        c.border = Border(top=thin, bottom=thin, left=thin, right=thin)


def _text(ws: Any, row: int, col: int, value: Any) -> Any:
    """Write a cell; text that looks like a formula stays text."""
    from openpyxl.styles import Alignment, Font

    c = ws.cell(row=row, column=col, value=value)
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        c.data_type = "s"
    c.font = Font(name=FONT)
    c.alignment = Alignment(vertical="top", wrap_text=True)
    return c


def write_summary(result: BatchResult, pack: Pack, path: Path, lang: Lang = "zh") -> None:
    """Write the summary workbook to ``path`` (callers go through output.write_atomic)."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter

    L = _labels(lang)
    wb = Workbook()
    years = sorted({a.year for a in result.audits})
    title = L["title"].format(pack=pack.name, year="、".join(map(str, years)) or "-", n=len(result.audits))
    footer = f"{pack.name} · {L['produced']} {dt.date.today().isoformat()}"

    ws = wb.active
    ws.title = L["sheets"][0]
    ws.cell(row=1, column=1, value=title).font = Font(name=FONT, bold=True, size=14)
    _header(ws, 2, L["ranking"])
    for i, r in enumerate(ranking_rows(result), start=3):
        values = [
            r["rank"],
            r["unit"],
            r["score"],
            r["grade"],
            *(r[s] for s in STATUSES),
            r["total"],
            r["warnings"],
            r["files"],
        ]
        for col, v in enumerate(values, start=1):
            _text(ws, i, col, v)
    for col, width in enumerate((6, 22, 8, 8, 7, 7, 7, 7, 7, 7, 7, 40), start=1):
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = "C3"
    _setup_print(ws, "1:2", footer)

    mx = wb.create_sheet(L["sheets"][1])
    units, duties, cells = status_matrix(result)
    labels = {d.id: d for d in pack.duties}
    _header(mx, 1, [L["unit"], *duties])
    _header(mx, 2, ["", *(labels[d].label if d in labels else d for d in duties)])
    for i, (unit, statuses) in enumerate(zip(units, cells, strict=True), start=3):
        _text(mx, i, 1, unit)
        for j, s in enumerate(statuses, start=2):
            c = _text(mx, i, j, t(s, lang) if s else "")
            if s:
                c.fill = PatternFill("solid", fgColor=STATUS_FILL[s])
    mx.column_dimensions["A"].width = 22
    for j in range(2, len(duties) + 2):
        mx.column_dimensions[get_column_letter(j)].width = 9
    mx.freeze_panes = "B3"
    _setup_print(mx, "1:2", footer)

    fo = wb.create_sheet(L["sheets"][2])
    _header(fo, 1, L["focus"])
    for i, r in enumerate(focus_list(result), start=2):
        d = labels.get(r["duty"])
        values = [
            r["duty"],
            d.clause if d else "",
            d.label if d else "",
            r["short"],
            r["share"],
            r["missing"],
            r["partial"],
            r["late"],
            r["units"],
        ]
        for col, v in enumerate(values, start=1):
            c = _text(fo, i, col, v)
            if col == 5:
                c.number_format = "0%"
    for col, width in enumerate((16, 14, 24, 10, 8, 8, 8, 8, 60), start=1):
        fo.column_dimensions[get_column_letter(col)].width = width
    fo.freeze_panes = "A2"
    _setup_print(fo, "1:1", footer)

    fa = wb.create_sheet(L["sheets"][3])
    _header(fa, 1, L["failed"])
    for i, f in enumerate(result.failures, start=2):
        _text(fa, i, 1, f.file)
        _text(fa, i, 2, f.error)
    fa.column_dimensions["A"].width = 50
    fa.column_dimensions["B"].width = 80
    fa.freeze_panes = "A2"
    _setup_print(fa, "1:1", footer)
    wb.save(path)
