"""Spreadsheet reader (xlsx, xlsm, xls, ods) through python-calamine, straight to Python rows.

calamine picks its format from the content, so an xlsx saved as ".xls" reads as xlsx. Before calamine
builds a sheet, the sheet's real extent is checked from the file itself: calamine allocates every cell
between A1 and the farthest one, so a stray value at XFD1048576 would ask for billions of cells and abort
the process. :func:`xlsx_extents` and :func:`ods_layout` bound that by construction; a BIFF .xls is at most
65,536 × 256 cells by its format.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError, iterparse

from dutyaudit.errors import InputError
from dutyaudit.i18n import msg
from dutyaudit.ingest.base import RawSheet, Reader
from dutyaudit.ingest.columns import letter_index
from dutyaudit.ingest.sniff import ZIP_ERRORS

#: Sheets spanning more cells than this (from A1 to the farthest value) are refused before reading.
MAX_CELLS = 20_000_000
#: Worksheet XML inflating to more than this (all sheets together) is refused (zip bombs).
MAX_XML_BYTES = 2 * 1024**3
_CHUNK = 4 * 1024 * 1024
_ODS_ERRORS: tuple[type[Exception], ...] = (ParseError, *ZIP_ERRORS)

# A cell or row reference that may be far away: a column of two or more letters, or a row of 6+ digits.
_FAR_REF = re.compile(rb'r="(?:[A-Z]{2}|[A-Z]?\d{6})')
# A cell whose first attribute is not r=: calamine places it by position, which needs counting.
_UNPLACED = re.compile(rb'<c(?:>| (?!r="))')
# Cells with content (not self-closing: no attribute of <c> holds a "/") and their column letters, row digits.
_CELL_REF = re.compile(rb'<c r="([A-Z]{1,3})(\d+)"[^>/]*>')
_TAG = re.compile(rb"<(row|c)[\s>/]([^>]*)")
_R_ATTR = re.compile(rb'(?:^|\s)r="([A-Z]*)(\d*)"')


@dataclass(slots=True)
class Extent:
    """Rows and columns a sheet spans from A1 to its farthest cell with content."""

    rows: int = 0
    cols: int = 0

    @property
    def cells(self) -> int:
        return self.rows * self.cols


def _too_big(name: str, ext: Extent, path: Path) -> InputError:
    return InputError(
        msg("err.in.far_cell", name=name, rows=f"{ext.rows:,}", cols=f"{ext.cols:,}"),
        str(path),
    )


def _exact_xlsx_extent(chunks: Iterator[bytes]) -> Extent:
    """Walk every <row> and <c> tag the way calamine places cells (r= when given, else the next slot)."""
    ext = Extent()
    row = 0
    col = 0
    tail = b""
    for chunk in chunks:
        buf = tail + chunk
        last = buf.rfind(b"<")
        buf, tail = (buf[:last], buf[last:]) if last >= 0 else (buf, b"")
        for m in _TAG.finditer(buf):
            attrs = m.group(2)
            ref = _R_ATTR.search(attrs)
            if m.group(1) == b"row":
                row = int(ref.group(2)) if ref and ref.group(2) else row + 1
                col = 0
                continue
            if ref and ref.group(1):
                col = letter_index(ref.group(1).decode()) + 1
                if ref.group(2):
                    row = int(ref.group(2))
            else:
                col += 1
            if attrs.rstrip().endswith(b"/"):
                continue  # an empty, styled-only cell: calamine keeps no value for it
            ext.rows = max(ext.rows, row)
            ext.cols = max(ext.cols, col)
    return ext


def xlsx_extents(data: bytes, path: Path) -> None:
    """Refuse an xlsx whose worksheets would not fit in memory once calamine makes them dense.

    A quick pass looks for any far reference (two-letter columns or six-digit rows) and for cells without
    an ``r=`` attribute; only when it finds one is the exact extent measured (from every cell reference,
    or by walking the tags when positions must be counted).
    """
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS:
        return  # calamine reports the damage
    with z:
        parts = [i for i in z.infolist() if i.filename.startswith("xl/worksheets/") and i.filename.endswith(".xml")]
        total = sum(i.file_size for i in parts)
        if total > MAX_XML_BYTES:
            raise InputError(
                msg("err.in.inflate", mib=f"{total // 2**20:,}"),
                str(path),
            )
        for info in parts:
            try:
                mode = _needs_exact(z, info)
                if not mode:
                    continue
                ext = _refs_extent(_read_chunks(z, info)) if mode == "refs" else None
                if ext is None:  # some cell has no r=: count positions tag by tag
                    ext = _exact_xlsx_extent(_read_chunks(z, info))
            except ZIP_ERRORS:
                return  # damaged: calamine will say so
            if ext.cells > MAX_CELLS:
                raise _too_big(_sheet_names(z).get(info.filename, _sheet_label(info.filename)), ext, path)


def _read_chunks(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    with z.open(info) as fh:
        while chunk := fh.read(_CHUNK):
            yield chunk


def _needs_exact(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> str:
    """How to measure a sheet: "" (it cannot reach past Z99999), "refs" (a far reference: read them all; known
    at the first one), or "walk" (some cell has no r= first, so positions must be counted tag by tag)."""
    keep = 16  # bytes carried into the next chunk, so no tag is judged on half its text
    buf = b""
    for chunk in _read_chunks(z, info):
        buf = buf[-keep:] + chunk if buf else chunk
        limit = len(buf) - keep
        m = _UNPLACED.search(buf)
        if m and m.start() < limit:
            return "walk"
        m = _FAR_REF.search(buf)
        if m and m.start() < limit:
            return "refs"  # _refs_extent still switches to a walk if it meets a cell without r=
    tail = max(0, len(buf) - keep)
    if _UNPLACED.search(buf, tail):
        return "walk"
    return "refs" if _FAR_REF.search(buf, tail) else ""


def _refs_extent(chunks: Iterator[bytes]) -> Extent | None:
    """The extent of a sheet whose cells all carry r=: the farthest column and row among cells with content;
    None when a cell without r= turns up (positions must then be counted).

    One regular-expression pass per chunk; a sheet of a million styled but empty rows costs about as much
    as inflating it.
    """
    cols: set[bytes] = set()
    rows: set[bytes] = set()
    tail = b""
    for chunk in chunks:
        buf = tail + chunk
        cut = buf.rfind(b"<")
        buf, tail = (buf[:cut], buf[cut:]) if cut >= 0 else (buf, b"")
        if _UNPLACED.search(buf):
            return None
        for col, row in _CELL_REF.findall(buf):
            cols.add(col)
            rows.add(row)
    if _UNPLACED.search(tail):
        return None
    for col, row in _CELL_REF.findall(tail):
        cols.add(col)
        rows.add(row)
    if not cols or not rows:
        return Extent()
    far_col = max(cols, key=lambda c: (len(c), c))
    return Extent(max(int(r) for r in rows), letter_index(far_col.decode()) + 1)


def _sheet_names(z: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part → sheet name as the user sees it (from workbook.xml and its relationships)."""
    try:
        book = z.read("xl/workbook.xml").decode("utf-8", "replace")
        rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
    except ZIP_ERRORS:
        return {}
    targets = {}
    for rel in re.findall(r"<Relationship\b[^>]*>", rels):
        rid, target = re.search(r'Id="([^"]+)"', rel), re.search(r'Target="([^"]+)"', rel)
        if rid and target:
            t = target.group(1).lstrip("/")
            targets[rid.group(1)] = t if t.startswith("xl/") else "xl/" + t
    names = {}
    for sheet in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
        name, rid = re.search(r'\bname="([^"]*)"', sheet), re.search(r'\br:id="([^"]+)"', sheet)
        if name and rid and rid.group(1) in targets:
            names[targets[rid.group(1)]] = html.unescape(name.group(1))
    return names


def _sheet_label(part: str) -> str:
    return part.rsplit("/", 1)[-1].removesuffix(".xml")


_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_T = "{" + _TABLE_NS + "}"
_O = "{" + _OFFICE_NS + "}"


@dataclass(slots=True)
class OdsSheet:
    """What calamine does not give for an ODS sheet: merged ranges; and its extent for the size check."""

    name: str
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    extent: Extent = field(default_factory=Extent)


def ods_layout(data: bytes, path: Path) -> dict[str, OdsSheet]:
    """Merged ranges and extents of each table in an ODS file's content.xml (repeats counted, not expanded)."""
    out: dict[str, OdsSheet] = {}
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        info = z.getinfo("content.xml")
    except ZIP_ERRORS:
        return out
    if info.file_size > MAX_XML_BYTES:
        raise InputError(msg("err.in.inflate_ods", mib=f"{info.file_size // 2**20:,}"), str(path))
    sheet: OdsSheet | None = None
    row = 0
    col = 0
    row_repeat = 1
    row_has_value = False
    row_max_col = 0
    try:
        with z, z.open(info) as fh:
            for event, el in iterparse(fh, events=("start", "end")):
                tag = el.tag
                if event == "start":
                    if tag == _T + "table":
                        sheet = out.setdefault(el.get(_T + "name", ""), OdsSheet(el.get(_T + "name", "")))
                        row = 0
                    elif tag == _T + "table-row":
                        col = 0
                        row_repeat = int(el.get(_T + "number-rows-repeated", "1") or 1)
                        row_has_value = False
                        row_max_col = 0
                    continue
                if tag in (_T + "table-cell", _T + "covered-table-cell") and sheet is not None:
                    repeat = int(el.get(_T + "number-columns-repeated", "1") or 1)
                    if tag == _T + "table-cell":
                        spans_r = int(el.get(_T + "number-rows-spanned", "1") or 1)
                        spans_c = int(el.get(_T + "number-columns-spanned", "1") or 1)
                        if spans_r > 1 or spans_c > 1:
                            sheet.merged.append((row, col, row + spans_r - 1, col + spans_c - 1))
                        if el.get(_O + "value-type") is not None or len(el):
                            row_has_value = True
                            row_max_col = col + repeat
                    col += repeat
                    el.clear()
                elif tag == _T + "table-row" and sheet is not None:
                    if row_has_value:
                        sheet.extent.rows = row + row_repeat
                        sheet.extent.cols = max(sheet.extent.cols, row_max_col)
                        if sheet.extent.cells > MAX_CELLS:
                            raise _too_big(sheet.name, sheet.extent, path)
                    row += row_repeat
                    el.clear()
                elif tag == _T + "table":
                    sheet = None
                    el.clear()
    except _ODS_ERRORS:
        return out  # calamine reports the damage
    return out


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


class CalamineReader(Reader):
    """Reads every worksheet; rows keep their sheet row numbers (leading blank rows included)."""

    name = "spreadsheet"

    def __init__(self, kind: str = "xlsx") -> None:
        self.kind = kind

    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        import python_calamine as pc

        ods: dict[str, OdsSheet] = {}
        if self.kind == "xlsx":
            xlsx_extents(data, path)
        elif self.kind == "ods":
            ods = ods_layout(data, path)
        try:
            book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        except pc.PasswordError:
            raise InputError(msg("err.in.encrypted_copy"), str(path)) from None
        except Exception as exc:  # calamine raises several unrelated types for corrupt files
            if self.kind == "xls" and biff_encrypted(data):
                raise InputError(
                    msg("err.in.encrypted"),
                    str(path),
                ) from None
            if path.suffix.lower() in (".et", ".ett"):
                raise InputError(
                    msg("err.in.wps", why=_short(exc)),
                    str(path),
                ) from None
            raise InputError(
                msg("err.in.damaged", why=_short(exc)),
                str(path),
            ) from None
        for meta in book.sheets_metadata:
            if str(meta.typ).rsplit(".", 1)[-1] not in ("WorkSheet", "worksheet"):
                continue
            hidden = str(meta.visible).rsplit(".", 1)[-1] != "Visible"
            try:
                sheet = book.get_sheet_by_name(meta.name)
                end = sheet.end
                ext = Extent(end[0] + 1, end[1] + 1) if end else Extent()
                if ext.cells > MAX_CELLS:
                    raise _too_big(meta.name, ext, path)
                rows: list[list[Any]] = sheet.to_python(skip_empty_area=False)
                if meta.name in ods:
                    merged = ods[meta.name].merged
                else:
                    merged = [(a[0], a[1], b[0], b[1]) for a, b in (sheet.merged_cell_ranges or [])]
            except InputError:
                raise
            except pc.PasswordError:
                raise InputError(msg("err.in.encrypted_copy"), str(path)) from None
            except Exception as exc:
                raise InputError(
                    msg("err.in.sheet_damaged", name=meta.name, why=_short(exc)),
                    str(path),
                ) from None
            yield RawSheet(meta.name, rows, merged, hidden=hidden)


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]
