"""From a raw sheet to activities: find the header under title rows, map columns, read each row.

Blank rows, repeated header rows, subtotal rows (合计/小计) and notes below the table are skipped;
every other row either becomes an :class:`Activity` or a :class:`RowWarning` naming why.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from sys import intern
from typing import Any

from dutyaudit.i18n import Msg, msg
from dutyaudit.ingest.aliases import MONTH_HEADERS
from dutyaudit.ingest.base import RawSheet, fill_merged
from dutyaudit.ingest.columns import ALIASES, column_present
from dutyaudit.ingest.dates import DateError, DateRead, read_date, year_in
from dutyaudit.ingest.forms import sheet_form
from dutyaudit.ingest.header import HEADER_SCAN_ROWS, Header, find_header, row_texts, side_by_side, starts_table
from dutyaudit.ingest.headerless import fallback_header, with_leading_dates
from dutyaudit.ingest.labels import sheet_context, type_of
from dutyaudit.ingest.rollover import SHIFTED, turn_note, year_turn
from dutyaudit.ingest.rowkinds import (
    COVER_SHEETS,
    END_KEYS,
    INSTRUCTION_SHEETS,
    NUMBER,
    ROLE_WORDS,
    SUB_FIRST,
    SUBTOTAL,
    is_header_row,
    is_note,
    section_role,
    section_text,
    template_help,
)
from dutyaudit.ingest.sheetdates import (
    HASHABLE,
    date_key,
    date_note,
    date_values,
    join_month_column,
    month_numbers,
)
from dutyaudit.ingest.text import cell_text, fold, normalize, normalize_many
from dutyaudit.model import Activity, RowWarning

_ROW_NUMBER_HEADERS = {"序号", "編號", "编号", "序號", "no", "no.", "#"}


@dataclass(slots=True)
class SheetResult:
    """What one sheet gave: activities, warnings, the title rows above the header."""

    activities: list[Activity] = field(default_factory=list)
    warnings: list[RowWarning] = field(default_factory=list)
    titles: list[str] = field(default_factory=list)
    header_found: bool = False
    mapped: set[str] = field(default_factory=set)
    """Fields of ``--map`` whose column this sheet has (in its header; without one, anywhere near the top)."""
    columns: list[str] = field(default_factory=list)
    """The header's column names (for messages)."""


@dataclass(frozen=True, slots=True)
class PackColumns:
    """Extra columns a pack declares: name → (aliases, type)."""

    columns: dict[str, tuple[tuple[str, ...], str]] = field(default_factory=dict)


def read_sheet(
    sheet: RawSheet,
    file: str,
    *,
    overrides: dict[str, str] | None = None,
    pack_columns: PackColumns | None = None,
    year: int | None = None,
    file_year: int | None = None,
    _below: _Below | None = None,
) -> SheetResult:
    """Read one sheet. ``year`` (from --year) fills dates written without a year, after the
    year named in the sheet's title rows, its name or the file name.

    A sheet may hold several tables: side by side (each header block with its own date and title column
    is read on its own) or one below another (a new header row further down re-maps the columns below it).
    """
    result = SheetResult()
    rows = sheet.rows
    pcols = pack_columns.columns if pack_columns else {}
    pack_fields = {k: v[0] for k, v in pcols.items()}
    start = _below.start if _below else 0
    top = rows[start : start + HEADER_SCAN_ROWS + 1]
    if sheet.merged and not start:
        top = [list(r) for r in top]
        fill_merged(RawSheet(sheet.name, top, sheet.merged))
    found = find_header(top, overrides or {}, pack_fields)
    if found is not None and start:
        found = Header(found.row + start, found.texts, found.cmap, found.first + start)
    if found is not None and _below is None:
        blocks = side_by_side(found, overrides or {}, pack_fields)
        if blocks:
            return _read_blocks(sheet, found, blocks, file, overrides, pack_columns, year, file_year)
    if found is None and _below is not None:
        return result
    fallback = None
    if found is None:
        if fold(sheet.name) in INSTRUCTION_SHEETS:
            if not template_help(rows):  # dutyaudit's own 说明 sheet is part of the template: no note
                result.warnings.append(RowWarning(file, sheet.name, None, msg=msg("warn.sheet_instructions")))
            return result
        if normalize(sheet.name) in COVER_SHEETS:
            # A cover names the unit and the year (盘山县2023年度 / 法治建设工作台账): keep it as title text.
            result.titles = [t for r in rows[:HEADER_SCAN_ROWS] for t in row_texts(r) if t]
            result.warnings.append(RowWarning(file, sheet.name, None, msg=msg("warn.sheet_cover")))
            return result
        fallback = fallback_header(top, rows, overrides or {}, pack_fields)
        if fallback is not None:
            found = fallback.header
            result.warnings.append(RowWarning(file, sheet.name, None, msg=fallback.note))
    if found is None:
        near_top = [t for r in top for t in row_texts(r) if t]
        result.mapped = {f for f, col in (overrides or {}).items() if column_present(col, near_top)}
        if any(any(cell_text(v) for v in r) for r in rows):
            looked = "、".join(ALIASES["date"][:4] + ALIASES["title"][:6])
            hidden = msg("warn.hidden") if sheet.hidden else ""
            why = msg("warn.sheet_no_header", hidden=hidden, looked=looked)
            result.warnings.append(RowWarning(file, sheet.name, None, msg=why))
        return result
    h, headers, cmap = found.row, found.texts, found.cmap
    result.mapped = {f for f in overrides or {} if f not in cmap.unfound}
    result.columns = [t for t in headers if t]
    if sheet.merged and not start:  # (a table further down: the sheet's merges are filled already)
        fill_merged(sheet, across_before=h + 1)
    leading = fallback is not None and fallback.kind == "leading"
    if fallback is not None and leading:  # a clerk's notebook: the date leads the text; read as a dated table
        rows, found = with_leading_dates(rows, found, fallback.column)
        headers, cmap = found.texts, found.cmap
    result.header_found = True
    result.titles = [*sheet.titles, *(t for r in rows[start : found.first] for t in dict.fromkeys(row_texts(r)) if t)]
    sheet_role, sheet_unit = sheet_context(sheet.name)
    if _below is not None and _below.role is not None:
        sheet_role = _below.role
    header_keys: set[str] = set()
    for r in range(found.first, h + 1):
        for t in row_texts(rows[r]):
            if t:
                header_keys.add(fold(t))
    header_keys.update(fold(t) for t in headers if t)
    header_keys.update(normalize_many([t for t in headers if t]))
    f = cmap.fields
    c_date, c_title = f["date"], f["title"]
    c_type, c_role, c_unit = f.get("type"), f.get("role"), f.get("unit")
    c_actor, c_hours, c_end, c_evidence = f.get("actor"), f.get("hours"), f.get("end_date"), f.get("evidence")
    extra_cols = [
        (name, col, pcols.get(name, ((), "text"))[1])
        for name, col in cmap.extra.items()
        if fold(name).rstrip(":") not in _ROW_NUMBER_HEADERS and normalize(name).rstrip(":") not in _ROW_NUMBER_HEADERS
    ]
    if c_evidence is not None:
        extra_cols.append(("佐证材料", c_evidence, "text"))
    context_year = year_in(" ".join(result.titles)) or year_in(sheet.name) or file_year
    if _below is not None and _below.year is not None:
        context_year = _below.year
    c_month = next((col for name, col in cmap.extra.items() if normalize(name).rstrip(":：") in MONTH_HEADERS), None)
    if c_month is not None and c_month != c_date:  # 月份 3月 · 日期 15日: one date, 3月15日
        rows = [list(r) for r in rows] if rows is sheet.rows else rows
        join_month_column(rows, h + 1, c_date, c_month)
    elif c_date < len(headers) and normalize(headers[c_date]).rstrip(":：") in MONTH_HEADERS:  # the month is the date
        rows = [list(r) for r in rows] if rows is sheet.rows else rows
        month_numbers(rows, h + 1, c_date)
    date_cache: dict[Any, DateRead | Msg] = {}
    counts = date_values(rows, h + 1, c_date, date_cache)
    written = Counter[int]()
    for v, n in counts.items():
        got = date_cache.get(date_key(v))
        if isinstance(got, DateRead):
            written[got.start.year] += n
    sheet_year = context_year or year
    # The title's year gives way to the written dates' only when it lies outside them all and they are most of
    # the dates: a title left from last year. A log running from late 2022 to early 2024 under a 2023 title keeps
    # 2023, and so does a log of 3月15日 dates with one 22年12月28日 row.
    yearless = sum(n for v, n in counts.items() if v is not None and v != "" and date_key(v) not in date_cache)
    from_dates = bool(written) and (
        sheet_year is None
        or (
            context_year is not None
            and not min(written) <= context_year <= max(written)
            and written.total() >= yearless
        )
    )
    if from_dates:
        sheet_year = max(written.items(), key=lambda kv: (kv[1], kv[0]))[0]
    shifts = year_turn(rows, h + 1, c_date, counts, date_cache) if sheet_year is not None else {}
    width = max(len(headers), 1)
    # Rows merged across most of the table: section rows (一、县委…), never activities.
    section_rows = {m[0] for m in sheet.merged if m[0] > h and m[3] - m[1] + 1 >= max(2, width // 2)}
    # Every column the loop reads; shorter rows (text files) are padded once so indexing never fails.
    need = 1 + max([c_date, c_title, *(c for c in (c_type, c_role, c_unit, c_actor, c_hours, c_end) if c is not None)])
    need = max(need, 1 + max((c for _, c, _ in extra_cols), default=0), width)
    type_cache: dict[str, str | None] = {}
    form_text = sheet_form(sheet.name) if c_type is None else ""  # a sheet named 学法培训 says what its rows are
    form_id = type_of(form_text) if form_text else None
    warn = result.warnings.append
    add = result.activities.append
    name = sheet.name
    row_role = sheet_role  # a section row (一、县委主要负责人) sets the role of the rows below it
    for r in range(h + 1, len(rows)):
        row = rows[r]
        if len(row) < need:
            row = row + [""] * (need - len(row))
        v = row[c_title]
        title = v.strip() if v.__class__ is str else cell_text(v)
        raw_date = row[c_date]
        first = row[0]
        if first is None or first == "":
            first = next((v for v in row[:width] if v is not None and v != ""), None)
            if first is None:
                continue  # blank row
        if first.__class__ is str and first.lstrip()[:1] in SUB_FIRST and fold(first).startswith(SUBTOTAL):
            continue
        if len(title) <= 8 and title[:1] in SUB_FIRST and fold(title) in SUBTOTAL:
            continue
        rownum = r + 1
        if not title and (raw_date is None or raw_date == ""):
            texts = [t for t in (cell_text(v) for v in row[:width]) if t]
            if is_note(first) or all(NUMBER.fullmatch(t) for t in texts):
                continue  # a note below the table, or an unfilled row with only its 序号
            section = section_text(row, width, r in section_rows, c_title)
            if section is not None:
                row_role = section_role(section, row_role, sheet_role)
                continue
            warn(RowWarning(file, name, rownum, msg=msg("warn.no_date_title")))
            continue
        key = raw_date if raw_date.__class__ in HASHABLE else repr(raw_date)
        shift = shifts.get(r, 0) if shifts else 0
        if shift:  # a date without a year past a turn of the year (rollover.py)
            key = (SHIFTED, shift, key)
        parsed = date_cache.get(key)
        if parsed is None:
            try:
                parsed = read_date(raw_date, sheet_year + shift if shift and sheet_year else sheet_year)
            except DateError as exc:
                parsed = exc.msg
            date_cache[key] = parsed
        if isinstance(parsed, Msg):
            if is_note(first) or fold(title).startswith(END_KEYS) or is_header_row(row, header_keys):
                continue  # a note below the table, or a header repeated on each printed page
            if starts_table(row, overrides or {}, pack_fields):
                # Another table below this one, with its own header: read the rest of the sheet with it.
                more = read_sheet(
                    sheet,
                    file,
                    overrides=overrides,
                    pack_columns=pack_columns,
                    year=year,
                    file_year=file_year,
                    _below=_Below(r, row_role, sheet_year),
                )
                result.activities.extend(more.activities)
                result.warnings.extend(more.warnings)
                result.mapped |= more.mapped
                break
            section = section_text(row, width, r in section_rows, c_title)
            if section is not None:
                row_role = section_role(section, row_role, sheet_role)
                continue
            why = msg("warn.no_leading_date") if leading and raw_date == "" else msg("warn.not_audited", reason=parsed)
            warn(RowWarning(file, name, rownum, msg=why))
            continue
        if not title:
            if parsed.month_only and sum(1 for v in row[:width] if v is not None and v != "") == 1:
                continue  # a period heading over the rows below it (第一季度, 上半年, 3月)
            warn(RowWarning(file, name, rownum, msg=msg("warn.empty_title")))
            continue
        day, end = parsed.start, parsed.end  # a month-only date (2023年3月) counts as the 1st of that month
        if c_end is not None:
            end_raw = row[c_end]
            if end_raw is not None and end_raw != "":
                try:
                    end = read_date(end_raw, day.year).start
                except DateError as exc:
                    warn(RowWarning(file, name, rownum, msg=msg("warn.end_date", reason=exc.msg)))
        hours = None
        if c_hours is not None:
            hours_raw = row[c_hours]
            if hours_raw.__class__ is float:
                hours = hours_raw
            elif hours_raw is not None and hours_raw != "":
                hours = _number(hours_raw)
                if hours is None:
                    warn(RowWarning(file, name, rownum, msg=msg("warn.hours", value=cell_text(hours_raw))))
        extra: dict[str, Any] = {}
        for xname, col, kind in extra_cols:
            v = row[col]
            if v.__class__ is str:
                if v and kind == "text":
                    extra[xname] = intern(v)
                    continue
            elif v is None:
                continue
            if v == "":
                continue
            if kind == "number":
                v = _number(v)
            elif kind == "date":
                try:
                    v = read_date(v, sheet_year).start
                except DateError:
                    v = cell_text(v)
            else:
                v = intern(v if v.__class__ is str else cell_text(v))
            extra[xname] = v
        if c_type is not None:
            v = row[c_type]
            type_text = v.strip() if v.__class__ is str else cell_text(v)
            type_id = type_cache.get(type_text, "?")
            if type_id == "?":
                type_id = type_cache[type_text] = type_of(type_text)
        else:
            type_text, type_id = form_text, form_id
        role_text = row_role
        if c_role is not None:
            v = row[c_role]
            role_text = (v.strip() if v.__class__ is str else cell_text(v)) or row_role
        unit = sheet_unit
        if c_unit is not None:
            v = row[c_unit]
            unit = (v.strip() if v.__class__ is str else cell_text(v)) or sheet_unit
        actor = ""
        if c_actor is not None:
            v = row[c_actor]
            actor = v.strip() if v.__class__ is str else cell_text(v)
        # Positional (a third faster than keywords, in Activity's field order); one string object per distinct
        # value: the sheet's cells are freed once read, and 100,000 rows repeat a few thousand titles.
        add(
            Activity(
                file,
                name,
                rownum,
                day,
                intern(title),
                "",
                type_id,
                intern(type_text),
                intern(role_text),
                intern(unit),
                intern(actor),
                hours,
                end if end and end >= day else None,
                extra,
            )
        )
    result.warnings.extend(date_note(file, name, counts, date_cache, context_year, sheet_year, from_dates))
    result.warnings.extend(turn_note(file, name, shifts, sheet_year))
    return result


@dataclass(frozen=True, slots=True)
class _Below:
    """Reading a table that starts further down a sheet: its header row and what the rows above set."""

    start: int
    """0-based index of the new header row."""
    role: str | None
    year: int | None


def _read_blocks(
    sheet: RawSheet,
    found: Header,
    blocks: list[tuple[int, int | None]],
    file: str,
    overrides: dict[str, str] | None,
    pack_columns: PackColumns | None,
    year: int | None,
    file_year: int | None,
) -> SheetResult:
    """Read tables standing side by side as if each were its own sheet (rows keep their numbers). A short
    label above a table naming a body (县委 | 县政府) gives its rows their role."""
    result = SheetResult(header_found=True)
    for a, b in blocks:
        end = b if b is not None else max(len(r) for r in sheet.rows)
        part = RawSheet(
            sheet.name,
            [r[a:end] for r in sheet.rows],
            [(r0, max(c0, a) - a, r1, min(c1, end - 1) - a) for r0, c0, r1, c1 in sheet.merged if c0 < end and c1 >= a],
            sheet.hidden,
        )
        labels = [t for r in part.rows[: found.row] for t in row_texts(r) if t]
        label = next((t for t in labels if any(w in t for w in ROLE_WORDS) and len(t) <= 12), None)
        got = read_sheet(
            part,
            file,
            overrides=overrides,
            pack_columns=pack_columns,
            year=year,
            file_year=file_year,
            _below=_Below(0, label, None),
        )
        result.activities.extend(got.activities)
        result.warnings.extend(got.warnings)
        result.titles.extend(t for t in got.titles if t not in result.titles)
        result.mapped |= got.mapped
        result.columns.extend(got.columns)
    return result


def _number(v: Any) -> float | None:
    """A number cell as float; a text cell's first number (2学时 → 2.0); else None."""
    if isinstance(v, bool):
        return None
    if isinstance(v, int | float):
        return float(v)
    return _text_number(str(v))


@lru_cache(maxsize=4096)
def _text_number(s: str) -> float | None:
    """The first number in a text cell (logs repeat the same few: cached)."""
    m = NUMBER.search(fold(s))
    return float(m.group()) if m else None
