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

GAPS = ("partial", "late", "missing")


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


def write_summary(result: BatchResult, pack: Pack, path: Path, lang: Lang = "zh") -> None:
    """Write the summary workbook to ``path`` (callers go through output.write_atomic)."""
    from openpyxl import Workbook

    from dutyaudit.report.xlstyle import STATUS_FILL, header_row, put, set_widths, setup_print

    L = _labels(lang)
    wb = Workbook()
    years = sorted({a.year for a in result.audits})
    title = L["title"].format(pack=pack.name, year="、".join(map(str, years)) or "-", n=len(result.audits))
    footer = f"{pack.name} · {L['produced']} {dt.date.today().isoformat()}"

    ws = wb.active
    ws.title = L["sheets"][0]
    put(ws, 1, 1, title, bold=True, size=14, wrap=False, border=False)
    header_row(ws, 2, L["ranking"])
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
            put(ws, i, col, v)
    set_widths(ws, (6, 22, 8, 8, 7, 7, 7, 7, 7, 7, 7, 40))
    ws.freeze_panes = "C3"
    setup_print(ws, "1:2", footer, lang)

    mx = wb.create_sheet(L["sheets"][1])
    units, duties, cells = status_matrix(result)
    labels = {d.id: d for d in pack.duties}
    header_row(mx, 1, [L["unit"], *duties])
    header_row(mx, 2, ["", *(labels[d].label if d in labels else d for d in duties)])
    for i, (unit, statuses) in enumerate(zip(units, cells, strict=True), start=3):
        put(mx, i, 1, unit)
        for j, s in enumerate(statuses, start=2):
            put(mx, i, j, t(s, lang) if s else "", fill_rgb=STATUS_FILL[s] if s else None)
    set_widths(mx, (22, *([9] * len(duties))))
    mx.freeze_panes = "B3"
    setup_print(mx, "1:2", footer, lang)

    fo = wb.create_sheet(L["sheets"][2])
    header_row(fo, 1, L["focus"])
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
            put(fo, i, col, v, number_format="0%" if col == 5 else None)
    set_widths(fo, (16, 14, 24, 10, 8, 8, 8, 8, 60))
    fo.freeze_panes = "A2"
    setup_print(fo, "1:1", footer, lang)

    fa = wb.create_sheet(L["sheets"][3])
    header_row(fa, 1, L["failed"])
    for i, f in enumerate(result.failures, start=2):
        put(fa, i, 1, f.file)
        put(fa, i, 2, f.error)
    set_widths(fa, (50, 80))
    fa.freeze_panes = "A2"
    setup_print(fa, "1:1", footer, lang)
    wb.save(path)
