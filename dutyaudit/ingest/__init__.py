"""Ingest: read log files (any supported format) into one normalised table of activities."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dutyaudit.errors import InputError
from dutyaudit.i18n import Msg, msg
from dutyaudit.ingest.base import Reader
from dutyaudit.ingest.columns import check_mapping_fields, mapping_fields
from dutyaudit.ingest.dates import year_in
from dutyaudit.ingest.excel import CalamineReader
from dutyaudit.ingest.labels import SUMMARY_SHEET
from dutyaudit.ingest.limits import MAX_ROWS, MAX_ZIP_MEMBERS, LimitError
from dutyaudit.ingest.sniff import sniff
from dutyaudit.ingest.table import PackColumns, read_sheet
from dutyaudit.ingest.text import fold, normalize_many
from dutyaudit.ingest.textfile import TextReader
from dutyaudit.model import Activities, Activity, RowWarning

#: File suffixes searched for when a folder is given (batch).
SUPPORTED_SUFFIXES = (
    ".xlsx", ".xlsm", ".xls", ".et", ".ods", ".csv", ".tsv", ".txt", ".htm", ".html", ".xml", ".slk", ".dif", ".mht",
    ".mhtml",
)  # fmt: skip
#: Input files larger than this are refused (a log is never this big).
MAX_BYTES = 128 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class IngestOptions:
    """How to read logs: ``--year``, ``--map``, ``--encoding`` and the pack's extra columns."""

    year: int | None = None
    mapping: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None
    pack_columns: PackColumns = field(default_factory=PackColumns)


#: What to tell the user for each kind of file that is not a log.
REFUSED = {
    "dutyaudit-report": msg("err.in.report"),
    "empty": msg("err.in.empty"),
    "ole-encrypted": msg("err.in.encrypted"),
    "ods-encrypted": msg("err.in.encrypted"),
    "ole-other": msg("err.in.ole_other"),
    "corrupt-zip": msg("err.in.corrupt_zip"),
    "zip": msg("err.in.zip"),
    "docx": msg("err.in.docx"),
    "pptx": msg("err.in.pptx"),
    "numbers": msg("err.in.numbers"),
    "biff-old": msg("err.in.old_excel", v="2–4"),
    "zip-huge": msg(
        "err.limit",
        what=msg("lw.zip_members"),
        limit=msg("ll.zip_members", n=f"{MAX_ZIP_MEMBERS:,}"),
        advice=msg("la.default"),
    ),
    "xml": msg("err.in.xml"),
    "gnumeric": msg("err.in.gnumeric"),
    "dbf": msg("err.in.dbf"),
    **{kind: msg("err.in.archive", fmt=kind) for kind in ("gzip", "bzip2", "xz", "rar", "7z")},
    "binary": msg("err.in.binary"),
}


def reader_for(kind: str, path: Path, options: IngestOptions) -> Reader:
    """The reader for a sniffed kind, or an InputError saying what the file is and what to do."""
    if kind in ("xlsx", "xls", "ods", "fods"):
        return CalamineReader(kind)
    if kind == "text":
        return TextReader(options.encoding)
    if kind in ("html", "spreadsheetml"):
        from dutyaudit.ingest.markup import markup_reader

        return markup_reader(kind, options.encoding)
    if kind == "mhtml":
        from dutyaudit.ingest.mhtml import MhtmlReader

        return MhtmlReader(options.encoding)
    if kind in ("sylk", "dif"):
        from dutyaudit.ingest.interchange import DifReader, SylkReader

        return SylkReader(options.encoding) if kind == "sylk" else DifReader(options.encoding)
    if kind == "json":
        raise InputError(
            msg("err.in.json", snippet=_snippet(path)),
            str(path),
        )
    raise InputError(REFUSED.get(kind, msg("err.in.unsupported", kind=kind)), str(path))


def _snippet(path: Path, size: int = 80) -> str:
    """The start of a small text file, on one line, for an error message."""
    try:
        with open(path, "rb") as fh:
            text = fh.read(4 * size).decode("utf-8-sig", errors="replace")
    except OSError:
        return "unreadable"
    text = " ".join(text.split())
    return repr(text[:size] + ("…" if len(text) > size else ""))


def read_bytes(path: Path) -> bytes:
    """The file's bytes, read without touching it (no writes, mtime kept); clear errors."""
    if not path.exists():
        raise InputError(msg("err.in.missing"), str(path))
    if path.is_dir():
        raise InputError(msg("err.in.folder"), str(path))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(msg("err.in.too_big", mib=f"{size // 2**20:,}", limit=MAX_BYTES // 2**20), str(path))
        if not path.is_file():
            raise InputError(msg("err.in.not_regular"), str(path))
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)  # a file growing while read is held to the limit all the same
        if len(data) > MAX_BYTES:
            raise InputError(msg("err.in.grew", limit=MAX_BYTES // 2**20), str(path))
        return data
    except PermissionError:
        raise InputError(msg("err.in.denied"), str(path)) from None
    except OSError as exc:
        raise InputError(msg("err.in.cannot_read", why=exc.strerror), str(path)) from None


def ingest(paths: Iterable[Path], options: IngestOptions | None = None) -> Activities:
    """Read every sheet of every file. A file that cannot be read at all raises InputError;
    a file with no recognisable header anywhere raises InputError naming what was looked for."""
    options = options or IngestOptions()
    check_mapping_fields(options.mapping, options.pack_columns.columns)
    acts = Activities(rows=[], warnings=[], files=[])
    for path in paths:
        _ingest_file(Path(path), options, acts)
    keys = normalize_many([a.title.replace("\n", " ") for a in acts.rows])
    for a, k in zip(acts.rows, keys, strict=True):
        a.key = k  # computed in one batch: one OpenCC call for the whole log
    return acts


def _ingest_file(path: Path, options: IngestOptions, acts: Activities) -> None:
    if path.name.startswith(("~$", ".~lock.")) and path.is_file():
        raise InputError(
            msg("err.in.lock"),
            str(path),
        )
    data = read_bytes(path)
    reader = reader_for(sniff(data), path, options)
    display = os.path.basename(path)
    file_year = year_in(path.stem)
    found_header = False
    n_before = len(acts.rows)
    sheet_warnings: list[RowWarning] = []
    mapped: set[str] = set()
    columns: dict[str, None] = {}  # every sheet's column names, in order, once each (a set that keeps order)
    skipped: list[str | Msg] = []
    n_filled = 0
    for sheet in reader.sheets(path, data):
        sheet_warnings.extend(RowWarning(display, sheet.name, None, msg=note) for note in sheet.notes)
        if sheet.skipped:
            skipped.append(
                msg("err.in.sheet_note", name=sheet.name, note=sheet.notes[0]) if sheet.notes else sheet.name
            )
            continue
        filled = len(sheet.rows)
        if filled + n_filled > MAX_ROWS:  # only then count exactly: rows holding anything
            filled = sum(1 for r in sheet.rows if any(r))
        n_filled += filled
        if n_filled > MAX_ROWS:
            raise LimitError(
                msg("lw.file_rows", n=f"{MAX_ROWS:,}", name=sheet.name),
                msg("ll.file_rows", n=f"{MAX_ROWS:,}"),
                str(path),
                msg("la.split"),
            )
        try:
            res = read_sheet(
                sheet,
                display,
                overrides=options.mapping,
                pack_columns=options.pack_columns,
                year=options.year,
                file_year=file_year,
            )
        except InputError as exc:
            if exc.path is not None:
                raise
            raise InputError(exc.reason_msg or exc.reason, str(path)) from None
        found_header = found_header or res.header_found
        mapped |= res.mapped
        columns.update(dict.fromkeys(res.columns))
        if not res.header_found and res.titles:  # a cover page (测试县2023年度…) dates the sheets after it
            file_year = file_year or year_in(" ".join(res.titles))
        sheet.rows = []  # the cells are read: free them before the next sheet is parsed
        acts.rows.extend(res.activities)
        sheet_warnings.extend(res.warnings)
        acts.titles.extend(res.titles)
        acts.file_titles.setdefault(display, []).extend(res.titles)
    _check_mapped(options.mapping, mapped, list(columns), options.pack_columns.columns, str(path))
    if not found_header and skipped and len(skipped) == len(sheet_warnings):
        raise InputError(msg("err.in.no_sheet", why=skipped[0]), str(path))
    if not found_header and not sheet_warnings:
        raise InputError(msg("err.in.no_data"), str(path))
    if not found_header:
        how = msg("err.in.how", detail=reader.detail) if reader.detail else ""
        why = msg("err.in.no_header", dates="日期/时间/开展时间", titles="事项/名称/活动名称/内容", how=how)
        raise InputError(why, str(path))
    if len(acts.rows) == n_before and not any(w.row is not None for w in sheet_warnings):
        raise InputError(msg("err.in.no_rows"), str(path))
    sheet_warnings.extend(drop_summary_repeats(acts.rows, n_before))
    acts.warnings.extend(sheet_warnings)
    acts.files.append(display)


def _check_mapped(
    mapping: dict[str, str], mapped: set[str], columns: list[str], pack_fields: Iterable[str], path: str
) -> None:
    """An InputError when a column ``--map`` names is in no sheet of the file: a typo must not pass silently."""
    for fname, col in mapping.items():
        if fname in mapped or fname.startswith("__"):  # __by__: batch's --by column, which a log may lack
            continue
        listed = "、".join(columns[:12]) + (" …" if len(columns) > 12 else "")
        shown = msg("err.map.its_columns", columns=listed) if columns else ""
        why = msg("err.map.no_column", field=fname, col=col, shown=shown, fields=mapping_fields(pack_fields))
        raise InputError(why, path)


def drop_summary_repeats(rows: list[Activity], start: int = 0) -> list[RowWarning]:
    """Count once the rows a summary sheet (汇总, 总表, 全年 …) repeats from the file's other sheets.

    A workbook with a sheet per month and a 汇总 copying them would otherwise count every activity twice.
    A summary row with the same date and title as a row of another sheet of the file is dropped (in place,
    from ``rows[start:]``); one note per summary sheet says how many. Rows only the summary has are kept.
    """
    mine = rows[start:]
    sheets = list(dict.fromkeys(a.sheet for a in mine))
    summaries = {s for s in sheets if SUMMARY_SHEET.match(fold(s))}
    if not summaries or len(sheets) == len(summaries):
        return []
    elsewhere = {(a.date, fold(a.title)) for a in mine if a.sheet not in summaries}
    kept: list[Activity] = []
    dropped: dict[str, int] = {}
    for a in mine:
        if a.sheet in summaries and (a.date, fold(a.title)) in elsewhere:
            dropped[a.sheet] = dropped.get(a.sheet, 0) + 1
        else:
            kept.append(a)
    if not dropped:
        return []
    rows[start:] = kept
    others = [s for s in sheets if s not in summaries]
    named = "、".join(others[:4]) + (" …" if len(others) > 4 else "")
    return [
        RowWarning(mine[0].file, sheet, None, msg=msg("warn.summary_repeats", n=n, named=named))
        for sheet, n in dropped.items()
    ]
