"""The batch summary workbook: ranking, units × duties matrix, the duties most units miss, failed inputs.

Print-ready like the scorecard (A4 landscape, fit to width, repeated header rows, frozen panes,
page footer). openpyxl writes, and loads only when a summary is written. The pivots are a few
dicts: importing pandas for them cost more (~0.5 s) than writing the workbook.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
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
            "ranking": (
                "名次",
                "单位",
                "年度",
                "得分",
                "等次",
                *(t(s, "zh") for s in STATUSES),
                "合计",
                "警告",
                "文件",
            ),
            "focus": ("职责编号", "条款", "职责", "未达标单位数", "占比", "其中缺失", "其中部分", "其中逾期", "单位"),
            "failed": ("文件", "原因"),
            "title": "{pack} · {year}年度汇总（{n}个单位）",
            "unit": "单位",
            "produced": "生成日期",
        }
    return {
        "sheets": ("Ranking", "Matrix", "Focus", "Failed"),
        "ranking": ("Rank", "Unit", "Year", "Score", "Grade", *STATUSES, "Total", "Warnings", "Files"),
        "focus": ("Duty", "Clause", "Label", "Units short", "Share", "Missing", "Partial", "Late", "Units"),
        "failed": ("File", "Reason"),
        "title": "{pack} · {year} summary ({n} units)",
        "unit": "Unit",
        "produced": "Produced",
    }


def focus_list(result: BatchResult) -> list[dict[str, Any]]:
    """Duties ordered by how many units fall short of them (the office's focus list), then pack order."""
    units = {a.unit for a in result.audits if a.results}
    order: dict[str, int] = {}
    counts: dict[str, Counter[str]] = {}
    short_units: dict[str, list[str]] = {}
    for a in result.audits:
        for r in a.results:
            order.setdefault(r.duty.id, len(order))
            if r.status in GAPS:
                counts.setdefault(r.duty.id, Counter())[r.status] += 1
                short_units.setdefault(r.duty.id, []).append(a.unit or "")
    rows: list[dict[str, Any]] = []
    for duty, c in counts.items():
        short = sum(c.values())
        rows.append(
            {
                "duty": duty,
                "short": short,
                "share": round(short / len(units), 3),
                **{s: c[s] for s in GAPS},
                "units": "、".join(sorted(short_units[duty])),
                "order": order[duty],
            }
        )
    rows.sort(key=lambda r: (-r["short"], r["order"]))
    return rows


def status_matrix(result: BatchResult) -> tuple[list[str], list[str], list[list[str]]]:
    """(units in ranking order, duty ids in the order they first appear, statuses) — missing cells are ''."""
    units = [a.unit or "" for a in result.audits]
    duties = list(dict.fromkeys(r.duty.id for a in result.audits for r in a.results))
    cells = []
    for a in result.audits:
        status = {r.duty.id: r.status for r in a.results}
        cells.append([status.get(d, "") for d in duties])
    return units, duties, cells


def write_summary(result: BatchResult, pack: Pack, path: Path, lang: Lang = "zh") -> None:
    """Write the summary workbook to ``path`` (callers go through output.write_atomic)."""
    from openpyxl import Workbook

    from dutyaudit.ingest.sniff import REPORT_MARK
    from dutyaudit.report.xlstyle import STATUS_FILL, header_row, put, set_widths, setup_print

    L = _labels(lang)
    wb = Workbook()
    wb.properties.creator = "dutyaudit"
    wb.properties.keywords = REPORT_MARK  # never read back as a log
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
            r["year"],
            r["score"],
            r["grade"],
            *(r[s] for s in STATUSES),
            r["total"],
            r["warnings"],
            r["files"],
        ]
        for col, v in enumerate(values, start=1):
            put(ws, i, col, v)
    set_widths(ws, (6, 22, 7, 8, 8, *([7] * len(STATUSES)), 7, 7, 40))
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
