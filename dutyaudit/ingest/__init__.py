"""Ingest: read log files (any supported format) into one normalised table of activities."""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from dutyaudit.errors import InputError
from dutyaudit.ingest.base import Reader
from dutyaudit.ingest.columns import check_mapping_fields, mapping_fields
from dutyaudit.ingest.dates import year_in
from dutyaudit.ingest.excel import CalamineReader
from dutyaudit.ingest.limits import MAX_ROWS, MAX_ZIP_MEMBERS, LimitError
from dutyaudit.ingest.ole import OLD_EXCEL
from dutyaudit.ingest.sniff import sniff
from dutyaudit.ingest.table import SUMMARY_SHEET, PackColumns, read_sheet
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
    "dutyaudit-report": "this is a report written by dutyaudit (a scorecard or batch summary), not an activity "
    "log; pass the log it was made from",
    "empty": "the file is empty (0 bytes or only whitespace); export the log again",
    "ole-encrypted": "the workbook is password-protected (encrypted); open it, remove the password and save a copy",
    "ods-encrypted": "the workbook is password-protected (encrypted); open it, remove the password and save a copy",
    "ole-other": "this is an Office document but not a workbook (Word or PowerPoint?); pass the Excel log",
    "corrupt-zip": (
        "the workbook is damaged or truncated (broken zip); open and re-save it in Excel, WPS or LibreOffice"
    ),
    "zip": "this is a zip archive, not a workbook; unpack it and pass the log files",
    "docx": "this is a Word document, not a workbook; copy the table into Excel or export it as xlsx",
    "pptx": "this is a PowerPoint presentation, not a workbook; pass the Excel log",
    "numbers": "this is an Apple Numbers document; in Numbers choose File › Export To › Excel and pass the xlsx",
    "biff-old": OLD_EXCEL.format(v="2–4"),
    "zip-huge": f"the zip holds more members than any workbook, over the limit of {MAX_ZIP_MEMBERS:,} zip members; "
    "this is not a real activity log, or it is damaged: export or save the log again",
    "xml": "this XML file is not an Excel spreadsheet; export the log as xlsx or csv",
    "binary": (
        "this is not a spreadsheet or text file (an image, PDF or other binary data); export the log as xlsx or csv"
    ),
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
            "this is JSON data, not a spreadsheet — often the error a web system sends instead of the export "
            f"({_snippet(path)}); export the log again as xlsx or csv",
            str(path),
        )
    raise InputError(REFUSED.get(kind, f"unsupported file ({kind})"), str(path))


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
        raise InputError("no such file; check the path (quote names with spaces)", str(path))
    if path.is_dir():
        raise InputError("is a folder; pass the log files in it (or use `dutyaudit batch`)", str(path))
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"the file is {size // 2**20:,} MiB, over the limit of {MAX_BYTES // 2**20} MiB per file; a log this "
                "large is not supported",
                str(path),
            )
        if not path.is_file():
            raise InputError("is not a regular file (a device, pipe or socket); pass the log file itself", str(path))
        with open(path, "rb") as fh:
            data = fh.read(MAX_BYTES + 1)  # a file growing while read is held to the limit all the same
        if len(data) > MAX_BYTES:
            raise InputError(f"the file is over the limit of {MAX_BYTES // 2**20} MiB per file", str(path))
        return data
    except PermissionError:
        raise InputError("permission denied; check the file's permissions", str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read the file ({exc.strerror})", str(path)) from None


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
            "this is the lock file an office suite keeps while a workbook is open, not a log; pass the workbook "
            "itself (the name without ~$ or .~lock.)",
            str(path),
        )
    data = read_bytes(path)
    reader = reader_for(sniff(data), path, options)
    display = os.path.basename(path)
    file_year = year_in(path.stem)
    found_header = False
    n_before = len(acts.rows)
    sheet_warnings = []
    mapped: set[str] = set()
    columns: list[str] = []
    skipped: list[str] = []
    n_filled = 0
    for sheet in reader.sheets(path, data):
        sheet_warnings.extend(RowWarning(display, sheet.name, None, note) for note in sheet.notes)
        if sheet.skipped:
            skipped.append(f"sheet {sheet.name!r}: {sheet.notes[0]}" if sheet.notes else sheet.name)
            continue
        filled = len(sheet.rows)
        if filled + n_filled > MAX_ROWS:  # only then count exactly: rows holding anything
            filled = sum(1 for r in sheet.rows if any(r))
        n_filled += filled
        if n_filled > MAX_ROWS:
            raise LimitError(
                f"the file's sheets hold over {MAX_ROWS:,} rows (at sheet {sheet.name!r})",
                f"{MAX_ROWS:,} rows per file",
                str(path),
                "split the log by year or by unit",
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
            raise InputError(exc.reason, str(path)) from None
        found_header = found_header or res.header_found
        mapped |= res.mapped
        columns.extend(c for c in res.columns if c not in columns)
        if not res.header_found and res.titles:  # a cover page (测试县2023年度…) dates the sheets after it
            file_year = file_year or year_in(" ".join(res.titles))
        acts.rows.extend(res.activities)
        sheet_warnings.extend(res.warnings)
        acts.titles.extend(res.titles)
        acts.file_titles.setdefault(display, []).extend(res.titles)
    _check_mapped(options.mapping, mapped, columns, options.pack_columns.columns, str(path))
    if not found_header and skipped and len(skipped) == len(sheet_warnings):
        raise InputError(f"no sheet could be read ({skipped[0]})", str(path))
    if not found_header and not sheet_warnings:
        raise InputError(
            "the workbook has no data: every sheet is empty; is this the right file (or the template)?", str(path)
        )
    if not found_header:
        how = f" ({reader.detail})" if reader.detail else ""
        raise InputError(
            "no header row found (looked for a date column such as 日期/时间/开展时间 and a title column "
            f"such as 事项/名称/活动名称/内容){how}; name your columns with --map date=列名 --map title=列名",
            str(path),
        )
    if len(acts.rows) == n_before and not any(w.row is not None for w in sheet_warnings):
        raise InputError("the log has a header but no data rows", str(path))
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
        shown = f" (its columns: {'、'.join(columns[:12])}{' …' if len(columns) > 12 else ''})" if columns else ""
        raise InputError(
            f"--map {fname}={col}: the log has no column '{col}'{shown}; --map takes FIELD=COLUMN with FIELD one of "
            f"{mapping_fields(pack_fields)}",
            path,
        )


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
        RowWarning(
            mine[0].file,
            sheet,
            None,
            f"{n} rows of this summary sheet repeat rows of the other sheets ({named}): counted once, there",
        )
        for sheet, n in dropped.items()
    ]
