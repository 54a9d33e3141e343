"""The year-end scorecard (``dutyaudit check LOG --pack P --out card.xlsx``).

A workbook an office can hand to a leader or an assessment panel: printed on A4, signed, filed and
challenged. Five sheets, labelled in the audit's language:

- 总览 / Overview: unit, pack, issuer, jurisdiction, year, files, date produced, score and grade,
  counts by status and by role (with a bar chart), and lines for the reviewers' signatures;
- 职责明细 / Duties: one row per duty — verdict, found against required, shortfall in words, the
  source sentence, its evidence (date and title), and the duty id linked to its first evidence row;
- 佐证记录 / Evidence: every log row counted for a duty (file, sheet, row, date, title, keywords);
- 未匹配记录 / Unmatched: the year's rows that matched no duty;
- 读取警告 / Warnings: rows and sheets that could not be read.

Verdicts, found counts and the score are the audit's own (the same as ``--format json``). Log text
is written as text, never as a live formula. openpyxl loads only when a scorecard is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from dutyaudit import __version__
from dutyaudit.audit import Audit
from dutyaudit.evaluate import DutyResult, requirement_text
from dutyaudit.i18n import Lang, t
from dutyaudit.ingest.sniff import REPORT_MARK
from dutyaudit.model import Activity
from dutyaudit.report.card_front import evidence_brief
from dutyaudit.report.rows import role_text
from dutyaudit.report.xlstyle import (
    STATUS_FILL,
    fit_height,
    header_row,
    put,
    set_widths,
    setup_print,
    title_row,
)

#: Rows listed on the unmatched and warnings sheets at most (a note says how many were left out).
LIST_LIMIT = 5_000
#: Evidence rows listed per duty at most: enough to trace any verdict, short enough to print.
EVIDENCE_PER_DUTY = 300
#: First data row of the list sheets (row 1 is the title, row 2 the header).
FIRST_ROW = 3
DATE_FORMAT = "yyyy-mm-dd"

DUTY_COLUMNS = (
    "no",
    "duty",
    "role",
    "clause",
    "label",
    "requirement",
    "required",
    "found",
    "status",
    "shortfall",
    "evidence",
    "text",
)
DUTY_WIDTHS = (5, 15, 15, 11, 20, 17, 8, 7, 7, 20, 18, 40)
EVIDENCE_COLUMNS = ("no", "duty", "label", "file", "sheet", "row", "date", "title", "keywords")
EVIDENCE_WIDTHS = (5, 15, 20, 24, 12, 6, 11, 42, 20)
UNMATCHED_COLUMNS = ("no", "file", "sheet", "row", "date", "title", "type", "role_text")
UNMATCHED_WIDTHS = (5, 26, 12, 6, 11, 50, 10, 16)
WARNING_COLUMNS = ("no", "file", "sheet", "row", "message")
WARNING_WIDTHS = (5, 24, 14, 6, 90)
EXCLUDED_COLUMNS = ("no", "file", "sheet", "row", "date", "title", "message")
EXCLUDED_WIDTHS = (5, 24, 12, 6, 11, 42, 36)
SHEETS = ("overview", "duties", "evidence", "unmatched", "warnings", "excluded")


def sheet_names(lang: Lang) -> dict[str, str]:
    """Sheet key → sheet name in ``lang`` (总览, 职责明细 … / Overview, Duties …)."""
    return {k: t(f"xl.sheet.{k}", lang) for k in SHEETS}


def column_headers(columns: Sequence[str], lang: Lang) -> list[str]:
    """Header texts of a sheet's columns."""
    return [t(f"xl.col.{c}", lang) for c in columns]


def _num(x: float) -> float | int:
    return int(x) if float(x).is_integer() else round(x, 2)


def _link(ws: Worksheet, row: int, col: int, sheet: str, target_row: int) -> None:
    """Make a cell (already styled as a link) an internal link to column A of ``target_row`` on ``sheet``."""
    c = ws.cell(row=row, column=col)
    c.hyperlink = Hyperlink(ref=c.coordinate, location=f"'{sheet}'!A{target_row}", display=str(c.value))


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """Where a duty's evidence sits on the evidence sheet."""

    row: int
    """Sheet row of its first evidence row."""
    first_no: int
    """序号 (No.) of that row, as printed."""
    listed: int
    """How many of its rows are listed (at most EVIDENCE_PER_DUTY)."""
    total: int


def _layout(results: Sequence[DutyResult]) -> dict[int, EvidenceSpan]:
    """Each duty's evidence span (by index), so duty rows can link to rows not yet written."""
    spans = {}
    row, no = FIRST_ROW, 1
    for i, r in enumerate(results):
        if r.evidence:
            listed = min(len(r.evidence), EVIDENCE_PER_DUTY)
            spans[i] = EvidenceSpan(row, no, listed, len(r.evidence))
            row += listed + (listed < len(r.evidence))  # a note row says how many were left out
            no += listed
    return spans


def shortfall_text(r: DutyResult, lang: Lang) -> str:
    """The shortfall in words; for a waived duty, the waiver's reason, approver and expiry."""
    if r.waiver is None:
        return r.shortfall
    w = r.waiver
    text = t("xl.waiver", lang, reason=w.reason)
    if w.approved_by:
        text += t("xl.waiver.by", lang, who=w.approved_by)
    if w.expires:
        text += t("xl.waiver.until", lang, date=w.expires.isoformat())
    return text


def evidence_text(span: EvidenceSpan | None, lang: Lang) -> str:
    """'3条（佐证序号3–5）' — how many rows counted, and their numbers (序号) on the evidence sheet.

    The numbers are the 序号 column a printed page shows, not Excel's row numbers.
    """
    if span is None:
        return "—"
    first, last = span.first_no, span.first_no + span.listed - 1
    if span.total == 1:
        return t("xl.ev.one", lang, first=first)
    text = t("xl.ev.many", lang, n=span.total, first=first, last=last)
    if span.listed < span.total:
        text += t("xl.ev.cut", lang, n=span.listed)
    return text


class _Scorecard:
    """Builds the scorecard workbook for one audit."""

    def __init__(self, audit: Audit, today: dt.date) -> None:
        self.audit = audit
        self.lang: Lang = audit.lang
        self.today = today
        self.names = sheet_names(self.lang)
        self.unit = audit.unit or t("xl.no_unit", self.lang)
        self.spans = _layout(audit.results)
        self.wb = Workbook()
        self.wb.properties.creator = f"dutyaudit {__version__}"
        self.wb.properties.title = self._title()
        self.wb.properties.keywords = REPORT_MARK  # never read back as a log

    # ------------------------------------------------------------------ helpers

    def _title(self) -> str:
        return t("xl.title", self.lang, unit=self.unit, year=self.audit.year)

    def _footer(self, ws: Worksheet, title_rows: str | None, one_page: bool = False) -> None:
        right = f"{self.audit.pack.id} · {self.today.isoformat()}"
        setup_print(ws, title_rows, self.unit, self.lang, footer_right=right, one_page=one_page)

    def _list_sheet(
        self,
        key: str,
        columns: Sequence[str],
        widths: Sequence[float],
        title: str,
        freeze: str = "A3",
    ) -> Worksheet:
        ws = self.wb.create_sheet(self.names[key])
        title_row(ws, 1, title, len(columns), size=12)
        header_row(ws, 2, column_headers(columns, self.lang))
        set_widths(ws, widths)
        ws.freeze_panes = freeze
        self._footer(ws, "$2:$2")
        return ws

    def _row(
        self,
        ws: Worksheet,
        row: int,
        values: Sequence[Any],
        widths: Sequence[float],
        styles: dict[int, dict[str, Any]] | None = None,
    ) -> None:
        """One data row: dates formatted, numbers centred, ``styles`` per 1-based column; height fitted."""
        for col, v in enumerate(values, start=1):
            extra = styles.get(col, {}) if styles else {}
            if isinstance(v, dt.date):
                put(ws, row, col, v, horizontal="center", number_format=DATE_FORMAT, **extra)
            elif isinstance(v, int | float):
                put(ws, row, col, v, horizontal="center", **extra)
            else:
                put(ws, row, col, v, **extra)
        fit_height(ws, row, widths, values)

    def _none(self, ws: Worksheet, ncols: int) -> None:
        put(ws, FIRST_ROW, 1, t("xl.none", self.lang), horizontal="center")
        ws.merge_cells(start_row=FIRST_ROW, start_column=1, end_row=FIRST_ROW, end_column=ncols)

    def _more(self, ws: Worksheet, row: int, n: int, ncols: int) -> None:
        put(ws, row, 1, t("xl.more", self.lang, n=n))
        ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=ncols)

    # ------------------------------------------------------------------ sheets

    def overview(self) -> None:
        from dutyaudit.report.card_front import write_front

        write_front(self)

    def duties(self) -> None:
        a, lang = self.audit, self.lang
        ws = self._list_sheet(
            "duties", DUTY_COLUMNS, DUTY_WIDTHS, t("xl.duties_title", lang, unit=self.unit, year=a.year)
        )
        ev_sheet = self.names["evidence"]
        status_col = DUTY_COLUMNS.index("status") + 1
        link_col = DUTY_COLUMNS.index("duty") + 1  # the id links: an office suite shows a link on one line
        for i, r in enumerate(a.results):
            row = FIRST_ROW + i
            span = self.spans.get(i)
            values = [
                i + 1,
                r.duty.id,
                role_text(a, r.duty.role, lang),
                r.duty.clause,
                r.duty.label,
                requirement_text(r.duty, lang),
                _num(r.required),
                _num(r.found),
                t(r.status, lang),
                shortfall_text(r, lang),
                evidence_brief(r, lang) if span is not None else "—",
                r.duty.text,
            ]
            styles: dict[int, dict[str, Any]] = {
                status_col: {"bold": True, "horizontal": "center", "fill_rgb": STATUS_FILL[r.status]},
                link_col: {"link": span is not None},
            }
            self._row(ws, row, values, DUTY_WIDTHS, styles)
            if span is not None:
                _link(ws, row, link_col, ev_sheet, span.row)
        last = ws.cell(row=FIRST_ROW + len(a.results) - 1, column=len(DUTY_COLUMNS)).coordinate
        ws.auto_filter.ref = f"A2:{last}"

    def evidence(self) -> None:
        a, lang = self.audit, self.lang
        ws = self._list_sheet(
            "evidence", EVIDENCE_COLUMNS, EVIDENCE_WIDTHS, t("xl.evidence_title", lang, unit=self.unit, year=a.year)
        )
        duties_sheet = self.names["duties"]
        row, n = FIRST_ROW, 0
        link = {2: {"link": True}}
        for i, r in enumerate(a.results):
            for h in r.evidence[:EVIDENCE_PER_DUTY]:
                n += 1
                act = h.activity
                values = [
                    n,
                    r.duty.id,
                    r.duty.label,
                    act.file,
                    act.sheet,
                    act.row,
                    act.date,
                    act.title,
                    t("sep", lang).join(h.keywords),
                ]
                self._row(ws, row, values, EVIDENCE_WIDTHS, link)
                _link(ws, row, 2, duties_sheet, FIRST_ROW + i)
                row += 1
            if len(r.evidence) > EVIDENCE_PER_DUTY:
                self._more(ws, row, len(r.evidence) - EVIDENCE_PER_DUTY, len(EVIDENCE_COLUMNS))
                row += 1
        if not n:
            self._none(ws, len(EVIDENCE_COLUMNS))

    def unmatched(self) -> None:
        a, lang = self.audit, self.lang
        ws = self._list_sheet(
            "unmatched", UNMATCHED_COLUMNS, UNMATCHED_WIDTHS, t("xl.unmatched_title", lang, unit=self.unit, year=a.year)
        )
        shown = a.unmatched[:LIST_LIMIT]
        for n, act in enumerate(shown, start=1):
            self._row(ws, FIRST_ROW + n - 1, _unmatched_values(n, act), UNMATCHED_WIDTHS)
        if not shown:
            self._none(ws, len(UNMATCHED_COLUMNS))
        elif len(a.unmatched) > len(shown):
            self._more(ws, FIRST_ROW + len(shown), len(a.unmatched) - len(shown), len(UNMATCHED_COLUMNS))

    def warnings(self) -> None:
        a, lang = self.audit, self.lang
        ws = self._list_sheet(
            "warnings", WARNING_COLUMNS, WARNING_WIDTHS, t("xl.warnings_title", lang, unit=self.unit, year=a.year)
        )
        shown = a.warnings[:LIST_LIMIT]
        for n, w in enumerate(shown, start=1):
            values = [n, w.file, w.sheet or "", w.row if w.row is not None else "", w.text(lang)]
            self._row(ws, FIRST_ROW + n - 1, values, WARNING_WIDTHS)
        if not shown:
            self._none(ws, len(WARNING_COLUMNS))
        elif len(a.warnings) > len(shown):
            self._more(ws, FIRST_ROW + len(shown), len(a.warnings) - len(shown), len(WARNING_COLUMNS))

    def excluded(self) -> None:
        a, lang = self.audit, self.lang
        ws = self._list_sheet(
            "excluded", EXCLUDED_COLUMNS, EXCLUDED_WIDTHS, t("xl.excluded_title", lang, unit=self.unit, year=a.year)
        )
        shown = a.excluded[:LIST_LIMIT]
        for n, e in enumerate(shown, start=1):
            act = e.activity
            values = [n, act.file, act.sheet, act.row, act.date, act.title, e.reason]
            self._row(ws, FIRST_ROW + n - 1, values, EXCLUDED_WIDTHS)
        if not shown:
            self._none(ws, len(EXCLUDED_COLUMNS))
        elif len(a.excluded) > len(shown):
            self._more(ws, FIRST_ROW + len(shown), len(a.excluded) - len(shown), len(EXCLUDED_COLUMNS))

    def build(self) -> Workbook:
        """Every sheet that has something to show: an empty list would print as an empty page."""
        self.overview()
        self.duties()
        if self.spans:
            self.evidence()
        if self.audit.unmatched:
            self.unmatched()
        if self.audit.warnings:
            self.warnings()
        if self.audit.excluded:
            self.excluded()
        return self.wb


def _unmatched_values(n: int, act: Activity) -> list[Any]:
    return [n, act.file, act.sheet, act.row, act.date, act.title, act.type_text, act.role_text]


def build_scorecard(audit: Audit, today: dt.date | None = None) -> Workbook:
    """The scorecard workbook for ``audit`` (not yet saved)."""
    return _Scorecard(audit, today or dt.date.today()).build()


def write_scorecard(audit: Audit, path: Path) -> None:
    """Write the scorecard to ``path`` (callers go through :func:`dutyaudit.output.write_atomic`)."""
    build_scorecard(audit).save(path)
