"""From a raw sheet to activities: find the header under title rows, map columns, read each row.

Blank rows, repeated header rows, subtotal rows (合计/小计) and notes below the table are skipped;
every other row either becomes an :class:`Activity` or a :class:`RowWarning` naming why.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from dutyaudit.ingest.base import RawSheet, fill_merged
from dutyaudit.ingest.columns import ALIASES, ColumnMap, map_columns
from dutyaudit.ingest.dates import DateError, parse_date, year_in
from dutyaudit.ingest.text import cell_text, fold
from dutyaudit.model import Activity, RowWarning
from dutyaudit.packs import ACTIVITY_TYPES

#: How far down a sheet the header may be.
HEADER_SCAN_ROWS = 40
_SUBTOTAL = ("合计", "小计", "总计", "累计", "total", "subtotal")
_NOTE = (
    "注:",
    "注：",
    "说明",
    "备注:",
    "备注：",
    "填报人",
    "审核人",
    "填表人",
    "制表",
    "负责人:",
    "负责人：",
    "联系电话",
    "填报日期",
    "审核:",
    "审核：",
)
_ROW_NUMBER_HEADERS = {"序号", "编号", "no", "no.", "#"}
_NOTE_KEYS = tuple(fold(s) for s in _NOTE)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
_GENERIC_SHEET = re.compile(r"^(sheet|工作表|表)\s*\d*$", re.IGNORECASE)


@dataclass(slots=True)
class SheetResult:
    """What one sheet gave: activities, warnings, the title rows above the header."""

    activities: list[Activity] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    header_found: bool = False


@dataclass(frozen=True, slots=True)
class PackColumns:
    """Extra columns a pack declares: name → (aliases, type)."""

    columns: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)


def type_of(text: str) -> str | None:
    """Activity type id for a type cell (first alias hit), None if empty or unknown."""
    key = fold(text)
    if not key:
        return None
    for tid, aliases in ACTIVITY_TYPES.items():
        if any(a in key for a in aliases):
            return tid
    return "other"


def _row_texts(row: list[Any]) -> list[str]:
    return [cell_text(v) for v in row]


def find_header(
    rows: list[list[Any]],
    overrides: dict[str, str],
    pack_fields: dict[str, tuple[str, ...]],
) -> tuple[int, list[str], ColumnMap] | None:
    """Index of the header row, its texts (two-row headers combined) and the column map."""
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        texts = _row_texts(row)
        if sum(1 for t in texts if t) < 2:
            continue
        cmap = map_columns(texts, overrides, pack_fields)
        if cmap.has_core():
            return i, texts, cmap
        # A two-row header: merged group cells above, the real names below.
        if i + 1 < len(rows):
            below = _row_texts(rows[i + 1])
            combined = [b or t for t, b in zip(texts + [""] * len(below), below, strict=False)]
            cmap2 = map_columns(combined, overrides, pack_fields)
            if cmap2.has_core() and sum(1 for b in below if b) >= 2:
                return i + 1, combined, cmap2
    return None


def read_sheet(
    sheet: RawSheet,
    file: str,
    *,
    overrides: dict[str, str] | None = None,
    pack_columns: PackColumns | None = None,
    year: int | None = None,
    file_year: int | None = None,
) -> SheetResult:
    """Read one sheet. ``year`` (from --year) fills dates written without a year, after the
    year named in the sheet's title rows, its name or the file name."""
    result = SheetResult()
    fill_merged(sheet)
    rows = sheet.rows
    pcols = pack_columns.columns if pack_columns else {}
    found = find_header(rows, overrides or {}, {k: v[0] for k, v in pcols.items()})
    if found is None:
        if any(any(cell_text(v) for v in r) for r in rows):
            looked = "、".join(ALIASES["date"][:4] + ALIASES["title"][:6])
            result.warnings.append(
                RowWarning(
                    file,
                    sheet.name,
                    None,
                    f"sheet skipped: no header row with a date and a title column (looked for {looked}…); "
                    "name them with --map date=列名 --map title=列名",
                )
            )
        return result
    h, headers, cmap = found
    result.header_found = True
    result.titles = [t for r in rows[:h] for t in dict.fromkeys(_row_texts(r)) if t]
    sheet_year = year_in(" ".join(result.titles)) or year_in(sheet.name) or file_year or year
    sheet_role = "" if _GENERIC_SHEET.match(sheet.name.strip()) else sheet.name.strip()
    header_keys = {fold(t) for t in headers if t}
    f = cmap.fields
    c_date, c_title = f["date"], f["title"]
    c_type, c_role, c_unit = f.get("type"), f.get("role"), f.get("unit")
    c_actor, c_hours, c_end, c_evidence = f.get("actor"), f.get("hours"), f.get("end_date"), f.get("evidence")
    extra_cols = [
        (name, col, pcols.get(name, ((), "text"))[1])
        for name, col in cmap.extra.items()
        if fold(name) not in _ROW_NUMBER_HEADERS
    ]
    if c_evidence is not None:
        extra_cols.append(("佐证材料", c_evidence, "text"))
    date_cache: dict[Any, tuple[dt.date, dt.date | None] | str] = {}
    width = len(headers)

    def get(row: list[Any], col: int | None) -> Any:
        return row[col] if col is not None and col < len(row) else None

    title_header = fold(headers[c_title])
    title_len = len(headers[c_title]) + 6  # longer titles cannot be a repeated header cell
    type_cache: dict[str, str | None] = {}
    for r in range(h + 1, len(rows)):
        row = rows[r]
        n = len(row)
        title = cell_text(row[c_title]) if c_title < n else ""
        raw_date = row[c_date] if c_date < n else None
        first = row[0] if n else None
        if first is None or first == "":
            first = next((v for v in row[: max(width, 1)] if v is not None and v != ""), None)
        if first is None:
            continue  # blank row
        first_key = fold(first) if isinstance(first, str) else ""
        if first_key.startswith(_SUBTOTAL) or (len(title) <= 8 and fold(title) in _SUBTOTAL):
            continue
        if title and len(title) <= title_len and fold(title) == title_header and _is_header_row(row, header_keys):
            continue  # a repeated header row (printed tables repeat it)
        rownum = r + 1
        if not title and (raw_date is None or raw_date == ""):
            texts = [t for t in (cell_text(v) for v in row[: max(width, 1)]) if t]
            if first_key.startswith(_NOTE_KEYS) or all(_NUMBER.fullmatch(t) for t in texts):
                continue  # a note below the table, or an unfilled row with only its 序号
            result.warnings.append(
                RowWarning(file, sheet.name, rownum, "row has neither a date nor a title: not audited")
            )
            continue
        key = raw_date if isinstance(raw_date, str | int | float | dt.date) else repr(raw_date)
        parsed = date_cache.get(key)
        if parsed is None:
            try:
                parsed = parse_date(raw_date, sheet_year)
            except DateError as exc:
                parsed = str(exc)
            date_cache[key] = parsed
        if isinstance(parsed, str):
            if first_key.startswith(_NOTE_KEYS):
                continue  # a note below the table (often merged across the date column)
            result.warnings.append(RowWarning(file, sheet.name, rownum, f"{parsed}: not audited"))
            continue
        if not title:
            result.warnings.append(RowWarning(file, sheet.name, rownum, "empty title: not audited"))
            continue
        start, end = parsed
        end_raw = get(row, c_end)
        if end_raw not in (None, ""):
            try:
                end = parse_date(end_raw, start.year)[0]
            except DateError as exc:
                result.warnings.append(RowWarning(file, sheet.name, rownum, f"end date: {exc}"))
        hours = None
        hours_raw = get(row, c_hours)
        if hours_raw not in (None, ""):
            hours = _number(hours_raw)
            if hours is None:
                result.warnings.append(
                    RowWarning(file, sheet.name, rownum, f"hours {cell_text(hours_raw)!r} is not a number")
                )
        extra: dict[str, Any] = {}
        for name, col, kind in extra_cols:
            v = row[col] if col < n else None
            if v is None or v == "":
                continue
            if kind == "number":
                v = _number(v)
            elif kind == "date":
                try:
                    v = parse_date(v, sheet_year)[0]
                except DateError:
                    v = cell_text(v)
            elif not isinstance(v, str):
                v = cell_text(v)
            extra[name] = v
        type_text = cell_text(get(row, c_type))
        type_id = type_cache.get(type_text, "?")
        if type_id == "?":
            type_id = type_cache[type_text] = type_of(type_text)
        result.activities.append(
            Activity(
                file=file,
                sheet=sheet.name,
                row=rownum,
                date=start,
                title=title,
                key="",
                type=type_id,
                type_text=type_text,
                role_text=cell_text(get(row, c_role)) or sheet_role,
                unit=cell_text(get(row, c_unit)),
                actor=cell_text(get(row, c_actor)),
                hours=hours,
                end_date=end if end and end >= start else None,
                extra=extra,
            )
        )
    return result


def _is_header_row(row: list[Any], header_keys: set[str]) -> bool:
    cells = [fold(cell_text(v)) for v in row if v is not None and v != ""]
    return sum(1 for c in cells if c in header_keys) >= max(2, len(cells) // 2)


def _number(v: Any) -> float | None:
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v)
    m = _NUMBER.search(fold(str(v)))
    return float(m.group()) if m else None
