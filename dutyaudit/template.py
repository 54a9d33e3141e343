"""The log template for a pack (``dutyaudit template --pack P -o 台账模板.xlsx``).

A workbook an office can start its year's activity log (工作台账) in:

- one sheet per role, named so that ingest resolves the role from the sheet name, with a title row,
  the canonical columns (序号, 日期, 活动名称, 活动类型, 责任主体, 责任人, 学时 …) and the pack's
  declared ``fields``; a date-formatted date column; drop-down lists for 活动类型 (words ingest
  understands) and 责任主体 (the pack's role names); a frozen header; A4 print set-up;
- a 说明 (instructions) sheet first: how to fill the log, then every duty with its clause, label,
  requirement in words and source text, and an example record that would evidence it.

The instructions sheet never reads as a log: before it is written, ingest's own header finder is
run over its cells, and any row it would take for a header (a duty text can contain 时间 or 内容)
is folded into one cell. openpyxl loads only when a template is written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from dutyaudit.evaluate import requirement_text
from dutyaudit.i18n import Lang, t
from dutyaudit.ingest.text import fold
from dutyaudit.owners import duties_for
from dutyaudit.packmodel import Duty, EachReq, Pack, RateReq, SumReq
from dutyaudit.report.xlstyle import (
    fit_height,
    header_row,
    put,
    set_widths,
    setup_print,
    title_row,
)
from dutyaudit.template_examples import CONDITION_FIELDS, example, keyword_text, type_words

#: Rows given drop-downs and formats on each role sheet (a year's log rarely has more).
DATA_ROWS = 1000
#: Empty rows drawn with borders, so a printed blank template looks like a form.
BORDERED_ROWS = 25
#: First data row of a role sheet (row 1 is the title, row 2 the header).
FIRST_ROW = 3
DATE_FORMAT = "yyyy-mm-dd"
_BAD_SHEET_CHARS = set("[]:*?/\\")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of a role sheet: canonical field id (or a pack field's name), header, width, kind."""

    key: str
    header: str
    width: float
    kind: str = "text"
    """text, date, number, type (drop-down of activity types) or role (drop-down of role names)."""
    help: str | None = None


def _valid_sheet_name(name: str) -> bool:
    return 0 < len(name) <= 31 and not (set(name) & _BAD_SHEET_CHARS) and not name.startswith("'")


def role_sheet_names(pack: Pack, roles: Sequence[str], reserved: Sequence[str] = ()) -> dict[str, str]:
    """Role id → sheet name: the role's name, else an alias, that ingest resolves back to that role."""
    from dutyaudit.model import Activity
    from dutyaudit.roleresolve import RoleResolver

    resolver = RoleResolver(pack)
    taken = {fold(r) for r in reserved}
    out: dict[str, str] = {}
    for rid in roles:
        role = pack.roles[rid]
        chosen = None
        for cand in (role.name, *role.aliases, rid):
            cand = cand.strip()
            probe = Activity(file="", sheet=cand, row=0, date=None, title="", key="", role_text=cand)
            if _valid_sheet_name(cand) and fold(cand) not in taken and resolver.role_of(probe) == rid:
                chosen = cand
                break
        if chosen is None:  # nothing resolves: the 责任主体 column has to say it
            base = "".join(ch for ch in role.name if ch not in _BAD_SHEET_CHARS)[:28] or rid[:28]
            chosen, n = base, 2
            while fold(chosen) in taken:
                chosen, n = f"{base}{n}", n + 1
        taken.add(fold(chosen))
        out[rid] = chosen
    return out


def _uses(duties: Sequence[Duty], names: set[str]) -> bool:
    for d in duties:
        req = d.requirement
        if isinstance(req, SumReq) and req.field in names:
            return True
        if isinstance(req, RateReq | EachReq) and req.where.field in names:
            return True
    return False


def columns(pack: Pack, duties: Sequence[Duty], lang: Lang) -> list[Column]:
    """The columns of every role sheet: canonical ones, then the pack's fields, then evidence/notes."""
    cols = [
        Column("no", t("xl.tpl.col.no", lang), 6),
        Column("date", t("xl.tpl.col.date", lang), 12, "date"),
        Column("title", t("xl.tpl.col.title", lang), 44),
        Column("type", t("xl.tpl.col.type", lang), 10, "type"),
        Column("role", t("xl.tpl.col.role", lang), 16, "role"),
        Column("actor", t("xl.tpl.col.actor", lang), 12),
        Column("hours", t("xl.tpl.col.hours", lang), 7, "number"),
    ]
    if _uses(duties, {"duration_days", "end_date"}):
        cols.append(Column("end_date", t("xl.tpl.col.end_date", lang), 12, "date"))
    seen = {fold(c.header) for c in cols} | {fold(t(f"xl.tpl.col.{k}", "zh")) for k in ("evidence", "note")}
    for f in pack.fields:
        if fold(f.name) in seen:
            continue
        seen.add(fold(f.name))
        kind = {"date": "date", "number": "number"}.get(f.type, "text")
        cols.append(Column(f.name, f.name, max(10.0, min(24.0, len(f.name) * 2.0 + 2)), kind, f.help))
    cols.append(Column("evidence", t("xl.tpl.col.evidence", lang), 22))
    cols.append(Column("note", t("xl.tpl.col.note", lang), 14))
    return cols


# ---------------------------------------------------------------- examples


def _guard_not_a_header(rows: list[list[Any]], merged: list[tuple[int, int, int, int]], pack: Pack) -> set[int]:
    """Rows of the instructions sheet that ingest would take for a header (to be folded into one cell).

    ``rows`` are the cells as written; ``merged`` the merged ranges (0-based, inclusive). Ingest fills
    merged ranges first, so this does too; it then runs ingest's header finder until it finds nothing.
    """
    from dutyaudit.ingest.base import RawSheet, fill_merged
    from dutyaudit.ingest.table import find_header

    pack_fields = {f.name: tuple(f.aliases) for f in pack.fields}
    folded: set[int] = set()
    while True:
        view = [list(r) for r in rows]
        for i in folded:
            text = "｜".join(str(v) for v in rows[i] if v not in (None, ""))
            view[i] = [text] * max(len(rows[i]), 1)  # one merged cell, as ingest will see it
        sheet = RawSheet("说明", view, list(merged))
        fill_merged(sheet)
        found = find_header(sheet.rows, {}, pack_fields)
        if found is None:
            return folded
        folded.add(found.row)


class _Template:
    """Builds the template workbook for one pack."""

    def __init__(self, pack: Pack, lang: Lang, year: int, unit: str | None) -> None:
        self.pack, self.lang, self.year, self.unit = pack, lang, year, unit
        self.duties = duties_for(pack, year)
        self.roles = [rid for rid in pack.roles if any(d.role == rid for d in self.duties)] or list(pack.roles)
        self.help_name = t("xl.tpl.sheet.help", lang)
        self.sheets = role_sheet_names(pack, self.roles, reserved=[self.help_name])
        self.columns = columns(pack, self.duties, lang)
        self.wb = Workbook()
        self.wb.properties.title = t("xl.tpl.help_title", lang, pack=pack.name)

    def footer(self, ws: Worksheet, title_rows: str) -> None:
        setup_print(ws, title_rows, self.unit or self.pack.name, self.lang, footer_right=self.pack.id)

    def role_sheet(self, rid: str) -> None:
        cols, lang = self.columns, self.lang
        ws = self.wb.create_sheet(self.sheets[rid])
        role = self.pack.roles[rid].name
        title = t("xl.tpl.title", lang, unit=self.unit or "", year=self.year, role=role).strip()
        title_row(ws, 1, title, len(cols), size=14)
        header_row(ws, 2, [c.header for c in cols])
        set_widths(ws, [c.width for c in cols])
        ws.row_dimensions[2].height = 22
        ws.freeze_panes = f"A{FIRST_ROW}"
        last = FIRST_ROW + DATA_ROWS - 1
        words = type_words()
        for j, c in enumerate(cols, start=1):
            letter = get_column_letter(j)
            rng = f"{letter}{FIRST_ROW}:{letter}{last}"
            for r in range(FIRST_ROW, FIRST_ROW + BORDERED_ROWS):
                ws.row_dimensions[r].height = 18
                put(ws, r, j, None, vertical="center", number_format=DATE_FORMAT if c.kind == "date" else None)
            if c.kind == "date":
                dv = DataValidation(
                    type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2099,12,31)"
                )
                dv.promptTitle, dv.prompt = c.header, t("xl.tpl.prompt.date", lang)
            elif c.kind == "number":
                dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
                dv.promptTitle, dv.prompt = c.header, c.help or t("xl.tpl.prompt.number", lang)
            elif c.kind == "type":
                dv = DataValidation(type="list", formula1=_list_formula(list(words.values())))
                dv.promptTitle, dv.prompt = c.header, t("xl.tpl.prompt.type", lang)
            elif c.kind == "role":
                names = [self.pack.roles[r].name for r in self.pack.roles]
                formula = _list_formula(names)
                if formula is None:
                    continue
                dv = DataValidation(type="list", formula1=formula)
                dv.promptTitle, dv.prompt = c.header, t("xl.tpl.prompt.role", lang)
            elif c.key == "title":
                dv = DataValidation(type=None)
                dv.promptTitle, dv.prompt = c.header, t("xl.tpl.prompt.title", lang)
            elif c.help:
                dv = DataValidation(type=None)
                dv.promptTitle, dv.prompt = c.header, c.help
            else:
                continue
            dv.allowBlank = True
            dv.errorStyle = "warning"
            dv.showErrorMessage = dv.type is not None
            dv.showInputMessage = True
            dv.errorTitle, dv.error = c.header, t("xl.tpl.error", lang)
            dv.promptTitle = (dv.promptTitle or "")[:32]
            dv.prompt = (dv.prompt or "")[:255]
            dv.add(rng)
            ws.add_data_validation(dv)
        self.footer(ws, "$1:$2")

    def help_sheet(self) -> None:
        lang, pack = self.lang, self.pack
        ws = self.wb.active
        ws.title = self.help_name
        heads = [t(f"xl.tpl.help.{k}", lang) for k in HELP_COLUMNS]
        ncols = len(HELP_COLUMNS)
        rows: list[list[Any]] = []
        merged: list[tuple[int, int, int, int]] = []  # 0-based, inclusive, as ingest's RawSheet

        def line(text: str) -> None:
            merged.append((len(rows), 0, len(rows), ncols - 1))
            rows.append([text] + [""] * (ncols - 1))

        line(t("xl.tpl.help_title", lang, pack=pack.name))
        line(t("xl.tpl.help_source", lang, issuer=pack.issuer, issued=pack.issued.isoformat(), where=pack.jurisdiction))
        sheets = t("sep", lang).join(self.sheets[r] for r in self.roles)
        hints = t("sep", lang).join(
            f"{f.name}：{f.help.rstrip('。.；; ')}" if lang == "zh" else f"{f.name}: {f.help.rstrip('。.；; ')}"
            for f in pack.fields
            if f.help
        )
        for i, key in enumerate(("sheets", "rows", "lists", "fields", "check"), start=1):
            if key == "fields" and not hints:
                continue
            line(f"{i}. " + t(f"xl.tpl.help.{key}", lang, sheets=sheets, fields=hints, pack=pack.id))
        rows.append([""] * ncols)
        table_header = len(rows)
        rows.append(heads)
        for n, d in enumerate(self.duties, start=1):
            ex = example(d, self.year, n - 1)
            record = f"{ex.date.isoformat()}　{ex.title}\n{keyword_text(d, lang)}"
            for key, value in ex.values.items():
                name = t(f"xl.tpl.col.{key}", lang) if key in CONDITION_FIELDS.values() else key
                shown = value.isoformat() if isinstance(value, dt.date) else value
                record += f"\n{name}：{shown}" if lang == "zh" else f"\n{name}: {shown}"
            rows.append(
                [
                    n,
                    d.id,
                    self.sheets.get(d.role, pack.roles[d.role].name),
                    d.clause,
                    d.label,
                    requirement_text(d, lang),
                    record,
                    ex.type,
                    d.text,
                ]
            )
        folded = _guard_not_a_header(rows, merged, pack)
        single = {m[0] for m in merged} | folded
        widths = HELP_WIDTHS
        set_widths(ws, widths)
        for i, values in enumerate(rows):
            r = i + 1
            if i in folded:
                values = ["｜".join(str(v) for v in values if v not in (None, ""))] + [""] * (ncols - 1)
            if i == 0:
                title_row(ws, 1, values[0], 1, size=14)
            elif i == table_header and i not in folded:
                header_row(ws, r, values)
                ws.row_dimensions[r].height = 22
            elif not any(v not in (None, "") for v in values):
                continue
            elif i in single:
                put(ws, r, 1, values[0], border=i in folded)
                fit_height(ws, r, [sum(widths)], values[:1])
            else:
                for j, v in enumerate(values, start=1):
                    put(ws, r, j, v, horizontal="center" if isinstance(v, int) else None)
                fit_height(ws, r, widths, values)
            if i in single:
                ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncols)
        ws.freeze_panes = f"A{table_header + 2}"
        self.footer(ws, f"${table_header + 1}:${table_header + 1}")

    def build(self) -> Workbook:
        self.help_sheet()
        for rid in self.roles:
            self.role_sheet(rid)
        self.wb.active = 0
        return self.wb


HELP_COLUMNS = ("no", "duty", "sheet", "clause", "label", "requirement", "example", "type", "text")
HELP_WIDTHS = (5, 14, 14, 11, 18, 16, 34, 8, 40)


def _list_formula(words: Sequence[str]) -> str | None:
    """An inline drop-down list ("a,b,c"), or None when it would break Excel's 255-character limit."""
    clean = [w.replace(",", "，").replace('"', "“") for w in words if w.strip()]
    text = ",".join(dict.fromkeys(clean))
    return f'"{text}"' if clean and len(text) <= 255 else None


def build_template(pack: Pack, lang: Lang = "zh", year: int | None = None, unit: str | None = None) -> Workbook:
    """The template workbook for ``pack`` (not yet saved). ``year`` defaults to this year."""
    return _Template(pack, lang, year or dt.date.today().year, unit).build()


def write_template(pack: Pack, path: Path, lang: Lang = "zh", year: int | None = None, unit: str | None = None) -> None:
    """Write the template to ``path`` (callers go through :func:`dutyaudit.output.write_atomic`)."""
    build_template(pack, lang, year, unit).save(path)
