"""Page 1 of the scorecard (the 总览 / Overview sheet): what a leader or a panel reads first.

Top to bottom: the title; the verdict (score and grade, with the grade bands); the duties below
requirement with their shortfall and their evidence (date and title of the first rows, then
"等N条"); the audit's particulars; counts by role with a bar chart in the table's order; the
审核意见 box; the 审核人 / 复核人 / 盖章 lines. Printed fit to width; it runs onto a second page
only when the gaps do.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from openpyxl.chart import BarChart, Reference
from openpyxl.styles import Border, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.pagebreak import Break
from openpyxl.worksheet.worksheet import Worksheet

from dutyaudit import __version__
from dutyaudit.evaluate import DutyResult, score
from dutyaudit.i18n import Lang, t
from dutyaudit.model import STATUSES
from dutyaudit.report import GAP_STATUSES
from dutyaudit.report.rows import role_text
from dutyaudit.report.xlstyle import STATUS_COLOUR, STATUS_FILL, fit_height, header_row, put, set_widths, title_row

if TYPE_CHECKING:
    from dutyaudit.report.excel import _Scorecard

#: Column widths: A id/label, B clause, C–D label, E status, F required/found, G–H shortfall, I evidence.
WIDTHS = (16, 13, 12, 12, 7, 9, 12, 12, 38)
#: The particulars' values span B–F; the chart sits beside them over G–I.
FACT_LAST_COL = 6
NCOLS = len(WIDTHS)
#: Evidence rows named beside a duty before "等N条".
EVIDENCE_SHOWN = 2
_LINE = Border(bottom=Side(style="thin", color="000000"))


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 2)


def grade_legend(grades: dict[str, float], lang: Lang) -> str:
    """The bands as a reader needs them: 优秀≥90、良好80–89.9、合格60–79.9、不合格<60."""
    bands = sorted(grades.items(), key=lambda kv: -kv[1])
    parts = []
    for i, (name, low) in enumerate(bands):
        high = bands[i - 1][1] if i else None
        if high is None:
            parts.append(f"{name}≥{_num(low)}")
        elif low <= 0:
            parts.append(f"{name}<{_num(high)}")
        else:
            parts.append(f"{name}{_num(low)}–{_num(round(high - 0.1, 1))}")
    if bands and bands[-1][1] > 0:
        parts.append(t("xl.ov.no_grade", lang, low=_num(bands[-1][1])))
    return t("sep", lang).join(parts)


def evidence_brief(r: DutyResult, lang: Lang, shown: int = EVIDENCE_SHOWN) -> str:
    """'2023-03-10 报送法治政府建设情况报告；2023-06-01 …等5条' — the rows behind a verdict, in words."""
    if not r.evidence:
        return "—"
    acts = [h.activity for h in r.evidence]
    items = [f"{a.date.isoformat() if a.date else ''} {a.title}".strip() for a in acts[:shown]]
    text = t("xl.ev.sep", lang).join(items)
    if len(acts) > shown:
        text += t("xl.ev.more", lang, n=len(acts))
    return text


def _merge(ws: Worksheet, row: int, first: int, last: int) -> None:
    for col in range(first + 1, last + 1):
        put(ws, row, col, None)  # the merged cell's border
    ws.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)


def write_front(card: _Scorecard) -> None:
    """Fill the overview sheet of ``card``'s workbook."""
    a, lang = card.audit, card.lang
    ws = card.wb.active
    ws.title = card.names["overview"]
    set_widths(ws, WIDTHS)
    title_row(ws, 1, card._title(), NCOLS, size=16)
    title_row(ws, 2, a.pack.name, NCOLS, size=11)
    ws.row_dimensions[2].height = 20
    row = _verdict(ws, card, 4)
    row = _gaps(ws, card, row + 1)
    counts_top = row + 1
    row, roles_top, n_roles = _roles(ws, card, counts_top)
    facts_top = row + 1
    row = _facts(ws, card, facts_top)
    if n_roles:
        _chart(ws, lang, roles_top, n_roles, facts_top, row - facts_top)
    sign_top = row + 1
    _signatures(ws, lang, sign_top)
    # the counts, the chart and the particulars on one page; the opinion box and signatures on one page
    paginate(ws, [(counts_top, row), (sign_top, ws.max_row + 1)])
    card._footer(ws, None)


def _verdict(ws: Worksheet, card: _Scorecard, row: int) -> int:
    a, lang = card.audit, card.lang
    put(ws, row, 1, t("xl.ov.score", lang), bold=True, fill_rgb="F2F2F2", vertical="center")
    put(ws, row, 2, a.score, bold=True, size=16, horizontal="center", vertical="center", number_format="0.0")
    put(ws, row, 3, t("xl.ov.grade", lang), bold=True, fill_rgb="F2F2F2", vertical="center")
    put(ws, row, 4, a.grade or "—", bold=True, size=14, horizontal="center", vertical="center")
    legend = t("xl.ov.bands", lang, bands=grade_legend(a.pack.grades, lang)) if a.pack.grades else ""
    s = a.summary
    counts = t("sep", lang).join(f"{t(k, lang)}{s[k]}" for k in STATUSES if s.get(k))
    put(ws, row, 5, t("xl.ov.verdict_line", lang, total=s["total"], counts=counts) + legend, vertical="center")
    _merge(ws, row, 5, NCOLS)
    ws.row_dimensions[row].height = 34
    return row + 1


def _gaps(ws: Worksheet, card: _Scorecard, row: int) -> int:
    a, lang = card.audit, card.lang
    gaps = [r for r in a.results if r.status in GAP_STATUSES]
    put(ws, row, 1, t("xl.ov.gaps", lang, n=len(gaps)), bold=True, border=False, wrap=False)
    row += 1
    if not gaps:
        put(ws, row, 1, t("xl.ov.no_gaps", lang))
        _merge(ws, row, 1, NCOLS)
        return row + 1
    heads = ["duty", "clause", "label", "", "status", "found_required", "shortfall", "", "evidence"]
    header_row(ws, row, [t(f"xl.ov.col.{h}", lang) if h else "" for h in heads])
    ws.merge_cells(start_row=row, start_column=3, end_row=row, end_column=4)
    ws.merge_cells(start_row=row, start_column=7, end_row=row, end_column=8)
    for r in gaps:
        row += 1
        values: Sequence[Any] = (
            r.duty.id,
            r.duty.clause,
            r.duty.label,
            t(r.status, lang),
            f"{_num(r.found)}/{_num(r.required)}",
            r.shortfall,
            evidence_brief(r, lang),
        )
        put(ws, row, 1, values[0])
        put(ws, row, 2, values[1])
        put(ws, row, 3, values[2])
        _merge(ws, row, 3, 4)
        put(ws, row, 5, values[3], bold=True, horizontal="center", fill_rgb=STATUS_FILL[r.status])
        put(ws, row, 6, values[4], horizontal="center")
        put(ws, row, 7, values[5])
        _merge(ws, row, 7, 8)
        put(ws, row, 9, values[6])
        fit_height(ws, row, (16, 13, 24, 7, 9, 24, 38), values)
    return row + 1


def _facts(ws: Worksheet, card: _Scorecard, row: int) -> int:
    a, lang = card.audit, card.lang
    issuer = a.pack.issuer + t("xl.ov.issued", lang, date=a.pack.issued.isoformat())
    scope = a.scope.reason if a.scope else role_text(a, a.role, lang) if a.role else t("xl.ov.scope_all", lang)
    rows_value = t(
        "xl.ov.rows_value",
        lang,
        rows=a.rows_read,
        used=a.rows_counted,
        unmatched=len(a.unmatched),
        excluded=len(a.excluded),
        warnings=len(a.warnings),
    )
    pairs: list[tuple[str, Any]] = [
        ("unit", card.unit),
        ("year", a.year),
        ("pack", f"{a.pack.name}（{a.pack.id}）" if lang == "zh" else f"{a.pack.name} ({a.pack.id})"),
        ("issuer", issuer),
        ("jurisdiction", a.pack.jurisdiction),
        ("scope", scope),
        ("files", t("sep", lang).join(a.files)),
        ("rows", rows_value),
        ("produced", t("xl.ov.produced_value", lang, date=card.today.isoformat(), version=__version__)),
        ("method", t("xl.ov.method_text", lang)),
    ]
    value_width = sum(WIDTHS[1:FACT_LAST_COL])
    for key, value in pairs:
        label = t(f"xl.ov.{key}", lang)
        put(ws, row, 1, label, bold=True, fill_rgb="F2F2F2")
        put(ws, row, 2, value, horizontal="left")
        _merge(ws, row, 2, FACT_LAST_COL)
        fit_height(ws, row, (WIDTHS[0], value_width), (label, value))
        row += 1
    return row


def _roles(ws: Worksheet, card: _Scorecard, row: int) -> tuple[int, int, int]:
    """The counts by role; returns (next row, header row, roles listed)."""
    a, lang = card.audit, card.lang
    put(ws, row, 1, t("xl.ov.by_role", lang), bold=True, border=False, wrap=False)
    row += 1
    top = row
    heads = [t("xl.ov.role", lang), *(t(st, lang) for st in STATUSES), t("xl.ov.total", lang)]
    header_row(ws, row, [*heads, t("xl.ov.role_score", lang)])
    roles = [rid for rid in a.pack.roles if any(r.duty.role == rid for r in a.results)]
    for rid in roles:
        row += 1
        mine = [r for r in a.results if r.duty.role == rid]
        counts = [sum(1 for r in mine if r.status == st) for st in STATUSES]
        _count_row(ws, row, role_text(a, rid, lang), counts, len(mine), score(mine))
    row += 1
    s = a.summary
    _count_row(ws, row, t("xl.ov.total", lang), [s[st] for st in STATUSES], s["total"], a.score, bold=True)
    return row + 1, top, len(roles)


def _count_row(
    ws: Worksheet, row: int, name: str, counts: list[int], total: int, value: float, bold: bool = False
) -> None:
    put(ws, row, 1, name, bold=bold)
    for j, (st, n) in enumerate(zip(STATUSES, counts, strict=True), start=2):
        put(ws, row, j, n, bold=bold, horizontal="center", fill_rgb=STATUS_FILL[st] if n else None)
    put(ws, row, 2 + len(STATUSES), total, bold=bold, horizontal="center")
    put(ws, row, 3 + len(STATUSES), value, bold=bold, horizontal="center", number_format="0.0")
    fit_height(ws, row, (WIDTHS[0],), (name,))


def _chart(ws: Worksheet, lang: Lang, header: int, n_roles: int, at_row: int, rows: int) -> None:
    """The counts as stacked bars, roles in the table's order, beside the particulars (``rows`` high)."""
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.gapWidth = 60
    chart.title = t("xl.ov.chart_title", lang)
    chart.y_axis.title = t("xl.ov.chart_axis", lang)
    chart.y_axis.majorGridlines = None
    chart.y_axis.numFmt = "0"
    chart.x_axis.delete = False
    chart.y_axis.delete = False
    chart.x_axis.scaling.orientation = "maxMin"  # the first role on top, as in the table
    chart.legend.position = "b"
    data = Reference(ws, min_col=2, max_col=1 + len(STATUSES), min_row=header, max_row=header + n_roles)
    cats = Reference(ws, min_col=1, min_row=header + 1, max_row=header + n_roles)
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    for series, st in zip(chart.series, STATUSES, strict=True):
        series.graphicalProperties.solidFill = STATUS_COLOUR[st]
        series.graphicalProperties.line.solidFill = STATUS_COLOUR[st]
    height_pt = sum(ws.row_dimensions[r].height or 15 for r in range(at_row, at_row + rows))
    chart.width = 0.2 * sum(WIDTHS[FACT_LAST_COL:])  # column units → cm, about
    chart.height = max(5.0, height_pt / 28.35)  # points → cm
    ws.add_chart(chart, f"{get_column_letter(FACT_LAST_COL + 1)}{at_row}")


#: Rows' height a printed page holds, in points (A4 landscape less margins, as LibreOffice and Excel lay
#: this sheet out at fit-to-width; measured on rendered pages, a little under).
PAGE_PT = 500.0


def paginate(ws: Worksheet, blocks: Sequence[tuple[int, int]]) -> None:
    """Set every page break of the sheet: a page holds PAGE_PT of rows, and each block (first row, row after
    its last) that fits on a page starts a new one rather than being split. Breaks set here are where Excel
    and LibreOffice break too, as neither fills a page past PAGE_PT first."""
    starts = {first: last for first, last in blocks}
    used = 0.0
    for r in range(1, ws.max_row + 1):
        h = ws.row_dimensions[r].height or 15.0
        block = sum(ws.row_dimensions[x].height or 15.0 for x in range(r, starts[r])) if r in starts else h
        if used and (used + h > PAGE_PT or (r in starts and block <= PAGE_PT and used + block > PAGE_PT)):
            ws.row_breaks.append(Break(id=r - 1))
            used = 0.0
        used += h


def _signatures(ws: Worksheet, lang: Lang, row: int) -> None:
    put(ws, row, 1, t("xl.ov.opinion", lang), bold=True, border=False, wrap=False)
    row += 1
    for r in range(row, row + 4):
        for col in range(1, NCOLS + 1):
            put(ws, r, col, None)
    ws.merge_cells(start_row=row, start_column=1, end_row=row + 3, end_column=NCOLS)
    for r in range(row, row + 4):
        ws.row_dimensions[r].height = 20
    row += 5
    for label in ("reviewer", "checker", "seal"):
        put(ws, row, 1, t(f"xl.ov.{label}", lang), bold=True, border=False, wrap=False)
        put(ws, row, 6, t("xl.ov.date", lang), bold=True, border=False, horizontal="right", wrap=False)
        for col in (2, 3, 4, 7, 8):
            ws.cell(row=row, column=col).border = _LINE
        ws.row_dimensions[row].height = 24
        row += 1
