"""Spreadsheet reader (xlsx, xlsm, xls, ods, Flat ODS) through python-calamine, straight to Python rows.

calamine picks its format from the content, so an xlsx saved as ".xls" reads as xlsx. Nothing it is given
can take the run down: before calamine sees a file its sizes and sheet extents are checked
(``ingest.xlsxguard``, ``ingest.odsguard``, ``ingest.ole``); a BIFF .xls — whose container calamine
follows blindly — and an xlsb (binary sheets, not measurable beforehand) are read in a child process
with a memory and time limit (``ingest.isolate``); and a Rust panic is caught like any error. One sheet
that calamine cannot read is skipped with a warning while the others are read.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from dutyaudit.errors import InputError
from dutyaudit.i18n import msg
from dutyaudit.ingest.base import RawSheet, Reader
from dutyaudit.ingest.isolate import run_isolated
from dutyaudit.ingest.limits import MAX_INFLATED, MAX_ODS_XML, LimitError, mib
from dutyaudit.ingest.odsguard import OdsSheet, fods_as_ods, ods_layout, with_mimetype
from dutyaudit.ingest.ole import ole_problem, ole_streams
from dutyaudit.ingest.readahead import ReadAhead, is_worksheet, take
from dutyaudit.ingest.sniff import ZIP_ERRORS
from dutyaudit.ingest.xlsxguard import MAX_CELLS, Extent, check_xlsx, drop_whole_line_merges, too_big
from dutyaudit.ingest.xmlparts import utf8_parts

_SUFFIX = {"xlsx": ".xlsx", "xls": ".xls", "ods": ".ods"}


def biff_encrypted(data: bytes) -> bool:
    """Whether a BIFF .xls carries a FILEPASS record (it is encrypted) right after its first BOF.

    The workbook stream starts at a sector boundary with a BOF record (0x0809); FILEPASS (0x002F) comes
    within its first few records. Only asked after calamine failed, to tell "encrypted" from "damaged".
    """
    for start in range(512, min(len(data), 8_000_000), 512):
        if data[start : start + 2] != b"\x09\x08":
            continue
        pos = start
        for _ in range(12):
            if pos + 4 > len(data):
                break
            rtype = int.from_bytes(data[pos : pos + 2], "little")
            size = int.from_bytes(data[pos + 2 : pos + 4], "little")
            if rtype == 0x002F:
                return True
            pos += 4 + size
        return False
    return False


def _is_panic(exc: BaseException) -> bool:
    """A Rust panic surfacing from calamine (pyo3's PanicException derives from BaseException)."""
    return type(exc).__name__ == "PanicException"


class CalamineReader(Reader):
    """Reads every worksheet; rows keep their sheet row numbers (leading blank rows included)."""

    name = "spreadsheet"

    def __init__(self, kind: str = "xlsx") -> None:
        self.kind = kind
        self._cells = 0
        self._data = b""
        self._utf8: Any = None
        """The workbook re-read with its UTF-16 XML parts as UTF-8, once a worksheet reads empty (False: none)."""

    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        ods: dict[str, OdsSheet] = {}
        if self.kind == "fods":
            if len(data) > MAX_ODS_XML:
                raise LimitError(
                    msg("lw.spreadsheet", size=mib(len(data))), msg("ll.xml", size=mib(MAX_ODS_XML)), str(path)
                )
            data, self.kind = fods_as_ods(data), "ods"
        if self.kind == "xlsx" and (ahead := take(path, data)) is not None:  # parsed in a thread, guard passed
            yield from self._read(path, data, ods, ahead)
            return
        if self.kind == "xlsx" and check_xlsx(data, path):  # binary sheets (xlsb): extents unknown beforehand
            yield from run_isolated(lambda: list(self._read(path, data, ods)), str(path))
            return
        if self.kind == "ods":
            data = self._with_mimetype(data, path)
            ods = ods_layout(data, path)
        elif self.kind == "xls":
            self._check_ole(data, path)
            yield from run_isolated(lambda: list(self._read(path, data, ods)), str(path))
            return
        yield from self._read(path, data, ods)

    def _with_mimetype(self, data: bytes, path: Path) -> bytes:
        """The ODS as calamine needs it: with a ``mimetype`` member (added when missing, within the size limit)."""
        try:
            z = zipfile.ZipFile(io.BytesIO(data))
        except ZIP_ERRORS:
            return data
        with z:
            if any(n.replace("\\", "/") == "mimetype" for n in z.namelist()):
                return data
            total = sum(i.file_size for i in z.infolist())
        if total > MAX_INFLATED:
            raise LimitError(msg("lw.inflate", size=mib(total)), msg("ll.inflated", size=mib(MAX_INFLATED)), str(path))
        return with_mimetype(data) or data

    def _check_ole(self, data: bytes, path: Path) -> None:
        problem = ole_problem(data)
        if problem:
            raise _damaged(f"{problem} in its OLE container", path)
        streams = ole_streams(data)
        if "Book" in streams and "Workbook" not in streams:
            raise InputError(msg("err.in.old_excel", v=5), str(path))

    def _open(self, path: Path, data: bytes, utf16: bool = True) -> Any:
        import python_calamine as pc

        try:
            return pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        except pc.PasswordError:
            raise InputError(msg("err.in.encrypted_copy"), str(path)) from None
        except BaseException as exc:  # calamine raises several unrelated types (and panics) for corrupt files
            if not isinstance(exc, Exception) and not _is_panic(exc):
                raise
            if self.kind == "xlsx" and utf16 and (utf8 := utf8_parts(data)) is not None:
                check_xlsx(utf8, path)  # UTF-16 XML parts (calamine reads UTF-8 only): guarded again, then read
                return self._open(path, utf8, utf16=False)
            if self.kind == "xls" and biff_encrypted(data):
                raise InputError(msg("err.in.encrypted"), str(path)) from None
            reason = _short(exc)
            if "Cannot detect file format" in reason:
                reason = self._real_reason(data) or reason
            raise _damaged(reason, path) from None

    def _real_reason(self, data: bytes) -> str:
        """calamine's own error for the sniffed format: from a file content alone it tries every format and
        says only "Cannot detect file format"; opened by a name with the right suffix it says what is wrong."""
        import python_calamine as pc

        fd, name = tempfile.mkstemp(suffix=_SUFFIX.get(self.kind, ".xlsx"))
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            pc.CalamineWorkbook.from_path(name).close()
        except BaseException as exc:
            if not isinstance(exc, Exception) and not _is_panic(exc):
                raise
            return _short(exc)
        finally:
            os.unlink(name)
        return ""

    def _read(
        self, path: Path, data: bytes, ods: dict[str, OdsSheet], ahead: ReadAhead | None = None
    ) -> Iterator[RawSheet]:
        import python_calamine as pc

        if ahead is None:
            book = self._open(path, data)
            metas, parsed = book.sheets_metadata, book.get_sheet_by_name
        else:
            metas, parsed = ahead.metas, ahead.sheet
        self._cells = 0
        self._data, self._utf8 = data, None
        repaired: Any = None
        dropped: dict[str, list[str]] = {}
        for meta in metas:
            if not is_worksheet(meta):
                continue
            hidden = str(meta.visible).rsplit(".", 1)[-1] != "Visible"
            try:
                rows, merged = self._sheet(parsed, meta.name, ods, path)
            except InputError:
                raise
            except pc.PasswordError:
                raise InputError(msg("err.in.encrypted_copy"), str(path)) from None
            except BaseException as exc:
                if not isinstance(exc, Exception) and not _is_panic(exc):
                    raise
                if self.kind == "xlsx" and repaired is None and "Range is missing" in str(exc):
                    fixed = drop_whole_line_merges(data)
                    repaired, dropped = (self._open(path, fixed[0]), fixed[1]) if fixed else (False, {})
                if repaired and meta.name in dropped:
                    rows, merged = self._sheet(repaired.get_sheet_by_name, meta.name, ods, path)
                    refs = ", ".join(dropped[meta.name][:3])
                    note = msg("warn.whole_merge", refs=refs)
                    yield RawSheet(meta.name, rows, merged, hidden=hidden, notes=[note])
                    continue
                yield RawSheet(
                    meta.name,
                    [],
                    hidden=hidden,
                    notes=[msg("warn.sheet_unreadable", why=_short(exc))],
                    skipped=True,
                )
                continue
            yield RawSheet(meta.name, rows, merged, hidden=hidden)
            rows = merged = None  # type: ignore[assignment]  # the reader's copy goes before the next sheet's read

    def _utf16_book(self, path: Path) -> Any:
        """The workbook with its UTF-16 XML parts re-encoded (guarded again), asked once an xlsx worksheet reads
        empty: calamine takes a UTF-16 worksheet for an empty one. False when no part is UTF-16."""
        if self._utf8 is None:
            utf8 = utf8_parts(self._data)
            self._utf8 = False
            if utf8 is not None:
                check_xlsx(utf8, path)
                self._utf8 = self._open(path, utf8, utf16=False)
        return self._utf8

    def _sheet(
        self, parsed: Callable[[str], Any], name: str, ods: dict[str, OdsSheet], path: Path
    ) -> tuple[list[list[Any]], list[tuple[int, int, int, int]]]:
        sheet = parsed(name)
        end = sheet.end
        if end is None and self.kind == "xlsx" and (utf8 := self._utf16_book(path)):
            sheet = utf8.get_sheet_by_name(name)  # a UTF-16 worksheet part, which calamine reads as empty
            end = sheet.end
        ext = Extent(end[0] + 1, end[1] + 1) if end else Extent()
        if ext.cells > MAX_CELLS:
            raise too_big(name, ext, path)
        self._cells += ext.cells
        if self._cells > MAX_CELLS:
            raise LimitError(
                msg("lw.file_cells", n=f"{MAX_CELLS:,}", name=name),
                msg("ll.file_cells", n=f"{MAX_CELLS:,}"),
                str(path),
                msg("la.split"),
            )
        rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
        if name in ods:
            return rows, ods[name].merged
        return rows, [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]


def _damaged(reason: str, path: Path) -> InputError:
    if path.suffix.lower() in (".et", ".ett"):
        return InputError(msg("err.in.wps", why=reason), str(path))
    return InputError(msg("err.in.damaged", why=reason), str(path))


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
