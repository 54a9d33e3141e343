"""The batch summary workbook: a first page for the panel, the ranking, the units × duties matrix in
printable blocks, the duties most units miss, and the inputs not audited.

Print-ready like the scorecard (A4 landscape, repeated header rows, frozen panes, page footer).
The matrix is cut into blocks of MATRIX_BLOCK duties with a column break after each, so every
printed page shows the unit column and a legible block of duties. openpyxl loads only when a
summary is written; the pivots are a few dicts (pandas would cost more to import than the work).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from pathlib import Path
from typing import Any

from dutyaudit.batch import BatchResult
from dutyaudit.i18n import Lang, t
from dutyaudit.model import STATUSES
from dutyaudit.packmodel import Pack
from dutyaudit.report.batch import ranking_rows

GAPS = ("partial", "late", "missing")
#: Duty columns per printed page of the matrix (with the unit column, they fill an A4 landscape page).
MATRIX_BLOCK = 10
#: Duties listed on the first page (the rest are on the focus sheet).
TOP_DUTIES = 8
SCORE_FORMAT = "0.0"


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


def grade_counts(result: BatchResult, pack: Pack) -> list[tuple[str, int]]:
    """(grade, units) from the best grade down, then units without a grade."""
    got = Counter(a.grade or "—" for a in result.audits)
    order = [g for g, _ in sorted(pack.grades.items(), key=lambda kv: -kv[1])]
    order += sorted(g for g in got if g not in order)
    return [(g, got.get(g, 0)) for g in order]


def L(key: str, lang: Lang, **kw: object) -> str:
    """A summary label (``sum.*`` keys)."""
    return t(f"sum.{key}", lang, **kw)


class _Summary:
    """Builds the summary workbook."""

    def __init__(self, result: BatchResult, pack: Pack, lang: Lang, today: dt.date) -> None:
        from openpyxl import Workbook

        from dutyaudit.ingest.sniff import REPORT_MARK

        self.result, self.pack, self.lang = result, pack, lang
        self.wb = Workbook()
        self.wb.properties.creator = "dutyaudit"
        self.wb.properties.keywords = REPORT_MARK  # never read back as a log
        self.years = "、".join(str(y) for y in sorted({a.year for a in result.audits})) or "—"
        self.footer = f"{pack.name} · {today.isoformat()}"
        self.labels = {d.id: d for d in pack.duties}
        self.focus = focus_list(result)

    def front(self) -> None:
        """Page 1: what a panel reads first."""
        from openpyxl.chart import BarChart, Reference
        from openpyxl.styles import Border, Side

        from dutyaudit.report.xlstyle import header_row, put, set_widths, setup_print, title_row

        lang, res = self.lang, self.result
        ws = self.wb.active
        ws.title = L("sheet.front", lang)
        set_widths(ws, (18, 12, 30, 10, 10, 2, 12, 12, 12, 12, 12, 12))
        title_row(ws, 1, L("title", lang, years=self.years), 12, size=16)
        title_row(ws, 2, self.pack.name, 12, size=11)
        scores = [a.score for a in res.audits]
        facts = [
            ("units", len(res.audits)),
            ("failed", len(res.failures)),
            ("average", round(statistics.fmean(scores), 1) if scores else "—"),
            ("median", round(statistics.median(scores), 1) if scores else "—"),
            ("passed", sum(1 for a in res.audits if not a.has_gaps)),
        ]
        row = 4
        for key, value in facts:
            put(ws, row, 1, L(f"fact.{key}", lang), bold=True, fill_rgb="F2F2F2")
            put(
                ws,
                row,
                2,
                value,
                horizontal="center",
                number_format=SCORE_FORMAT if key in ("average", "median") else None,
            )
            row += 1
        row += 1
        header_row(ws, row, [L("col.grade", lang), L("col.units", lang)])
        for g, n in grade_counts(res, self.pack):
            row += 1
            put(ws, row, 1, g)
            put(ws, row, 2, n, horizontal="center")
        row += 2
        put(ws, row, 1, L("top", lang, n=min(TOP_DUTIES, len(self.focus))), bold=True, border=False, wrap=False)
        row += 1
        header_row(
            ws,
            row,
            [
                L("col.duty", lang),
                L("col.clause", lang),
                L("col.label", lang),
                L("col.short", lang),
                L("col.share", lang),
            ],
        )
        for r in self.focus[:TOP_DUTIES]:
            row += 1
            d = self.labels.get(r["duty"])
            put(ws, row, 1, r["duty"])
            put(ws, row, 2, d.clause if d else "")
            put(ws, row, 3, d.label if d else "")
            put(ws, row, 4, r["short"], horizontal="center")
            put(ws, row, 5, r["share"], horizontal="center", number_format="0%")
        if not self.focus:
            row += 1
            put(ws, row, 1, L("none_short", lang))
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=5)
        row += 2
        line = Border(bottom=Side(style="thin", color="000000"))
        for label in ("reviewer", "checker", "seal"):
            put(ws, row, 1, t(f"xl.ov.{label}", lang), bold=True, border=False, wrap=False)
            put(ws, row, 4, t("xl.ov.date", lang), bold=True, border=False, horizontal="right", wrap=False)
            for col in (2, 3, 5):
                ws.cell(row=row, column=col).border = line
            ws.row_dimensions[row].height = 28
            row += 1
        if res.audits:  # the chart reads the ranking sheet's scores, in ranking order
            chart = BarChart()
            chart.type = "bar"
            chart.title = L("chart", lang)
            chart.legend = None
            chart.x_axis.scaling.orientation = "maxMin"  # first-ranked unit at the top, as in the ranking
            chart.y_axis.scaling.min = 0
            chart.y_axis.scaling.max = 100
            chart.y_axis.majorGridlines = None
            chart.y_axis.numFmt = "0"
            chart.x_axis.tickLblSkip = 1  # every unit named, not every other one
            chart.x_axis.delete = False
            chart.y_axis.delete = False
            ranking = self.wb[L("sheet.ranking", lang)]
            n = len(res.audits)
            chart.add_data(Reference(ranking, min_col=4, min_row=2, max_row=2 + n), titles_from_data=True)
            chart.set_categories(Reference(ranking, min_col=2, min_row=3, max_row=2 + n))
            chart.series[0].graphicalProperties.solidFill = "5B9BD5"
            chart.width = 16
            chart.height = max(7.0, min(18.0, 0.6 * n + 3))
            ws.add_chart(chart, "G4")
        setup_print(ws, None, self.footer, lang, one_page=True)

    def ranking(self) -> None:
        from dutyaudit.report.xlstyle import fit_height, header_row, put, set_widths, setup_print, title_row

        lang = self.lang
        ws = self.wb.create_sheet(L("sheet.ranking", lang))
        heads = [L(f"col.{c}", lang) for c in ("rank", "unit", "year", "score", "grade")]
        heads += [t(s, lang) for s in STATUSES] + [L("col.total", lang), L("col.warnings", lang), L("col.files", lang)]
        widths = (6, 20, 7, 8, 8, *([6] * len(STATUSES)), 6, 6, 36)
        title_row(ws, 1, L("title", lang, years=self.years), len(heads), size=12)
        header_row(ws, 2, heads)
        for i, r in enumerate(ranking_rows(self.result), start=3):
            values = [r["rank"], r["unit"], r["year"], r["score"], r["grade"], *(r[s] for s in STATUSES)]
            values += [r["total"], r["warnings"], r["files"]]
            for col, v in enumerate(values, start=1):
                put(
                    ws,
                    i,
                    col,
                    v,
                    horizontal="center" if col != 2 and col != len(values) else None,
                    number_format=SCORE_FORMAT if col == 4 else None,
                )
            fit_height(ws, i, widths, values)
        set_widths(ws, widths)
        ws.freeze_panes = "C3"
        ws.auto_filter.ref = (
            f"A2:{ws.cell(row=2, column=len(heads)).column_letter}{max(2, 2 + len(self.result.audits))}"
        )
        setup_print(ws, "$1:$2", self.footer, lang)

    def matrix(self) -> None:
        from openpyxl.worksheet.pagebreak import Break

        from dutyaudit.report.xlstyle import STATUS_FILL, header_row, put, set_widths, setup_print

        lang = self.lang
        ws = self.wb.create_sheet(L("sheet.matrix", lang))
        units, duties, cells = status_matrix(self.result)
        header_row(ws, 1, [L("col.unit", lang), *duties])
        header_row(ws, 2, [L("col.label", lang), *(self.labels[d].label if d in self.labels else d for d in duties)])
        ws.row_dimensions[2].height = 14.5 * 5
        for i, (unit, statuses) in enumerate(zip(units, cells, strict=True), start=3):
            put(ws, i, 1, unit)
            for j, s in enumerate(statuses, start=2):
                put(ws, i, j, t(s, lang) if s else "", horizontal="center", fill_rgb=STATUS_FILL.get(s) if s else None)
        set_widths(ws, (18, *([8] * len(duties))))
        ws.freeze_panes = "B3"
        for col in range(1 + MATRIX_BLOCK, 1 + len(duties), MATRIX_BLOCK):
            ws.col_breaks.append(Break(id=col))  # a page per block of duties, the unit column repeated
        setup_print(ws, "$1:$2", self.footer, lang, fit_width=False)
        ws.print_title_cols = "A:A"

    def focus_sheet(self) -> None:
        from dutyaudit.report.xlstyle import fit_height, header_row, put, set_widths, setup_print

        lang = self.lang
        ws = self.wb.create_sheet(L("sheet.focus", lang))
        heads = [L(f"col.{c}", lang) for c in ("duty", "clause", "label", "short", "share")]
        heads += [t(s, lang) for s in GAPS] + [L("col.short_units", lang)]
        widths = (14, 12, 22, 8, 7, 6, 6, 6, 56)
        header_row(ws, 1, heads)
        for i, r in enumerate(self.focus, start=2):
            d = self.labels.get(r["duty"])
            values = [r["duty"], d.clause if d else "", d.label if d else "", r["short"], r["share"]]
            values += [r[s] for s in GAPS] + [r["units"]]
            for col, v in enumerate(values, start=1):
                put(
                    ws,
                    i,
                    col,
                    v,
                    number_format="0%" if col == 5 else None,
                    horizontal="center" if 4 <= col <= 8 else None,
                )
            fit_height(ws, i, widths, values)
        set_widths(ws, widths)
        ws.freeze_panes = "A2"
        setup_print(ws, "$1:$1", self.footer, lang)

    def failed(self) -> None:
        from dutyaudit.report.xlstyle import fit_height, header_row, put, set_widths, setup_print

        lang = self.lang
        ws = self.wb.create_sheet(L("sheet.failed", lang))
        header_row(ws, 1, [L("col.file", lang), L("col.reason", lang)])
        widths = (44, 80)
        for i, f in enumerate(self.result.failures, start=2):
            put(ws, i, 1, f.file)
            put(ws, i, 2, f.text(lang))
            fit_height(ws, i, widths, (f.file, f.text(lang)))
        set_widths(ws, widths)
        ws.freeze_panes = "A2"
        setup_print(ws, "$1:$1", self.footer, lang)

    def build(self) -> Any:
        self.ranking()  # first: the front page's chart reads its scores
        self.front()
        self.matrix()
        self.focus_sheet()
        if self.result.failures:  # an empty list would print as an empty page
            self.failed()
        return self.wb


def write_summary(result: BatchResult, pack: Pack, path: Path, lang: Lang = "zh", today: dt.date | None = None) -> None:
    """Write the summary workbook to ``path`` (callers go through output.write_atomic)."""
    _Summary(result, pack, lang, today or dt.date.today()).build().save(path)
