"""Checks on an xlsx before calamine reads it: the zip's inflated sizes, and each sheet's real extent.

calamine's zip reader holds every member to the size the zip declares, so the declared sizes bound what
it can inflate: the members together, the worksheets and the shared strings each have a limit. Then each
worksheet's extent (A1 to its farthest cell) must stay under :data:`MAX_CELLS`, because calamine
allocates every cell in between and a stray value at XFD1048576 would abort the process.

That guard reads each worksheet once, with one regular expression that matches only what could make the
sheet big: a cell in column AA or beyond, a cell in row 100,000 or beyond, or a cell with no ``r=``
(placed by position). Ordinary logs have none of the last, and their far references are few, so the
guard costs about an inflate of the XML. A sheet past row 100,000, where every reference is far, is bounded by
its rows' leading digits instead, and then by one search for a cell right of the columns that bound allows;
only when the references could really exceed the limit is the exact extent measured (every reference, or a
tag-by-tag walk when positions must be counted).
"""

from __future__ import annotations

import html
import io
import itertools
import queue
import re
import string
import threading
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Protocol

from dutyaudit.errors import InputError
from dutyaudit.i18n import msg
from dutyaudit.ingest.columns import letter_index
from dutyaudit.ingest.limits import (
    MAX_CELLS,
    MAX_INFLATED,
    MAX_SHARED_STRINGS_XML,
    MAX_SHEET_XML,
    LimitError,
    mib,
)
from dutyaudit.ingest.sniff import ZIP_ERRORS

_CHUNK = 4 * 1024 * 1024
_P = rb"(?:[A-Za-z_][\w.-]*:)?"  # an optional namespace prefix
#: What could make a sheet big: a cell with no r="…" first (group-less match: its position must be counted, or
#: its reference is written oddly, r='…'), or a reference in column AA+ (groups 1, 2) or row 100,000+ (group 3).
#: Letters of either case: calamine reads "xfd1048576" as XFD1048576.
_FAR = rb'c(?:>|\s(?!r=")|\sr="(?:([A-Za-z]{2,})(\d+)|[A-Za-z](\d{6,}))")'
_SCAN = re.compile(rb"<" + _FAR)
_SCAN_NS = re.compile(rb"<" + _P + _FAR)  # (slower) for sheets whose tags carry a prefix: <x:c r="A1">
#: The same for a sheet past row 100,000, where every cell is a far reference: rows of 7+ digits only; the
#: 6-digit rows are bounded by their leading digit instead (one byte per cell, no tuple: ``_LEAD``).
_FAR_LONG = rb'c(?:>|\s(?!r=")|\sr="(?:([A-Za-z]{2,})(\d+)|[A-Za-z](\d{7,}))")'
_LONG = {_SCAN: re.compile(rb"<" + _FAR_LONG), _SCAN_NS: re.compile(rb"<" + _P + _FAR_LONG)}
_LEAD = {
    _SCAN: re.compile(rb'<c\sr="[A-Za-z](\d)\d{5}"'),
    _SCAN_NS: re.compile(rb"<" + _P + rb'c\sr="[A-Za-z](\d)\d{5}"'),
}
#: Matches in one chunk beyond which a sheet is taken for a long one (4 MiB hold about 40,000 cells).
_MANY = 10_000
_PREFIXED_CELL = re.compile(rb"<[A-Za-z_][\w.-]*:c[\s>/]")
#: Beneath these, a sheet whose far references are none spans at most 99,999 rows × 26 columns.
_NEAR_ROWS = 99_999
_NEAR_COLS = 26
# Cells with content (not self-closing: no attribute of <c> holds a "/") and their column letters, row digits.
_CELL_REF = re.compile(rb"<" + _P + rb'c\sr="([A-Za-z]+)(\d+)"[^>/]*>')
_UNPLACED = re.compile(rb"<" + _P + rb'c(?:>|\s(?!r="))')
_TAG = re.compile(rb"<" + _P + rb"(row|c)[\s>/]([^>]*)")
_R_ATTR = re.compile(rb"""(?:^|\s)r\s*=\s*["']([A-Za-z]*)(\d*)["']""")
_WORKSHEET_TYPE = re.compile(r'PartName="/?([^"]+)"\s+ContentType="[^"]*spreadsheetml\.worksheet\+xml"')


@dataclass(slots=True)
class Extent:
    """Rows and columns a sheet spans from A1 to its farthest cell with content."""

    rows: int = 0
    cols: int = 0

    @property
    def cells(self) -> int:
        return self.rows * self.cols


def too_big(name: str, ext: Extent, path: Path) -> InputError:
    """The error for a sheet spanning more than :data:`MAX_CELLS` cells."""
    return LimitError(
        msg("lw.far", name=name, rows=f"{ext.rows:,}", cols=f"{ext.cols:,}"),
        msg("ll.cells", n=f"{MAX_CELLS:,}"),
        str(path),
        msg("la.far"),
    )


def part_name(name: str) -> str:
    """A zip member's name as a package part: ``xl\\workbook.xml`` (Windows tools) → ``xl/workbook.xml``."""
    return name.replace("\\", "/").lstrip("/")


class Checked(Protocol):
    """Told as the guard goes: the zip's sizes passed (with each worksheet part's sheet name and the worksheets'
    inflated size), then each part."""

    def sizes_passed(self, names: dict[str, str], sheet_xml: int) -> None: ...

    def part_passed(self, part: str) -> None: ...


def check_xlsx(data: bytes, path: Path, checked: Checked | None = None) -> bool:
    """Refuse an xlsx that would not fit in memory once calamine inflates it and makes its sheets dense.

    Returns whether the workbook keeps binary sheets (xlsb), whose extent cannot be measured here: those are
    read in a limited child process. ``checked`` (of a workbook with no binary sheet) hears what has passed
    so far, so calamine may parse a sheet while the next one is checked (``ingest.readahead``).
    """
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
    except ZIP_ERRORS:
        return False  # calamine reports the damage
    with z:
        infos = z.infolist()
        total = sum(i.file_size for i in infos)
        if total > MAX_INFLATED:
            raise LimitError(msg("lw.inflate", size=mib(total)), msg("ll.inflated", size=mib(MAX_INFLATED)), str(path))
        strings = sum(i.file_size for i in infos if part_name(i.filename).lower().endswith("sharedstrings.xml"))
        if strings > MAX_SHARED_STRINGS_XML:
            raise LimitError(
                msg("lw.strings", size=mib(strings)),
                msg("ll.strings", size=mib(MAX_SHARED_STRINGS_XML)),
                str(path),
            )
        for info in infos:
            name = part_name(info.filename).lower()
            other = "sharedstrings" not in name and "worksheets/" not in name
            if other and name.endswith((".xml", ".rels")) and info.file_size > MAX_SHEET_XML:
                raise LimitError(
                    msg("lw.part", part=part_name(info.filename), size=mib(info.file_size)),
                    msg("ll.part", size=mib(MAX_SHEET_XML)),
                    str(path),
                )
        binary = any(
            part_name(i.filename).lower().endswith(".bin") and "sheets/" in part_name(i.filename) for i in infos
        )
        parts = _worksheets(z, infos)
        size = sum(i.file_size for i in parts)
        if size > MAX_SHEET_XML:
            raise LimitError(msg("lw.sheets", size=mib(size)), msg("ll.sheet_xml", size=mib(MAX_SHEET_XML)), str(path))
        if checked is not None and not binary:
            checked.sizes_passed(_sheet_names(z), size)
        for info in parts:
            try:
                ext = sheet_extent(partial(_read_chunks, z, info))
            except ZIP_ERRORS:
                return binary  # damaged: calamine will say so
            if ext.cells > MAX_CELLS:
                raise too_big(_sheet_names(z).get(part_name(info.filename), _sheet_label(info.filename)), ext, path)
            if checked is not None and not binary:
                checked.part_passed(part_name(info.filename))
    return binary


def _worksheets(z: zipfile.ZipFile, infos: list[zipfile.ZipInfo]) -> list[zipfile.ZipInfo]:
    """The members that are worksheets: declared so in [Content_Types].xml, or under a worksheets/ folder."""
    declared: set[str] = set()
    for info in infos:
        if part_name(info.filename) == "[Content_Types].xml" and info.file_size < 4 * 1024**2:
            declared = set(_WORKSHEET_TYPE.findall(z.read(info).decode("utf-8", "replace")))
    return [
        i
        for i in infos
        if part_name(i.filename) in declared
        or ("worksheets/" in part_name(i.filename) and i.filename.lower().endswith(".xml"))
    ]


def sheet_extent(make: Callable[[], Iterator[bytes]], scan: re.Pattern[bytes] = _SCAN) -> Extent:
    """The extent of one worksheet, or an upper bound of it that is under the cell limit.

    ``make`` gives the sheet's XML in chunks (it is called again when a second pass is needed).
    """
    far_cols: set[bytes] = set()
    far_rows: set[bytes] = set()
    lead = b""  # the highest leading digit of a 6-digit row, once the sheet is taken for a long one
    find = full = scan.findall
    tail = b""
    for chunk in itertools.chain(make(), [b""]):
        buf = tail + chunk
        cut = buf.rfind(b"<") if chunk else len(buf)  # judge no tag on half its text: carry the last one over
        cut = cut if cut > 0 else len(buf)
        if scan is _SCAN and b":c" in buf and _PREFIXED_CELL.search(buf):
            return sheet_extent(make, _SCAN_NS)
        if find is not full:
            lead = max(lead, max(_LEAD[scan].findall(buf, 0, cut), default=b""))
        found = find(buf, 0, cut)
        if len(found) > _MANY:
            find = _LONG[scan].findall
        if found:
            if _UNPLACED_MATCH in found:
                return _exact_xlsx_extent(make())
            # (col, row, long row) of every match, gathered without a loop in Python: a sheet of 300,000 rows
            # has 1.8 million references in rows 100,000 and beyond.
            found_cols, found_rows, long_rows = zip(*found, strict=True)
            far_cols.update(found_cols)
            far_rows.update(found_rows)
            far_rows.update(long_rows)
        tail = buf[cut:]
    far_cols.discard(b"")
    far_rows.discard(b"")
    rows = max(_NEAR_ROWS, max(map(int, far_rows), default=0), (int(lead) + 1) * 100_000 - 1 if lead else 0)
    cols = max([_NEAR_COLS, *(letter_index(c.decode()) + 1 for c in far_cols)])
    if rows * cols <= MAX_CELLS:
        return Extent(rows, cols)
    if not far_cols and MAX_CELLS // rows >= 1:
        # Columns A to Z only: within the limit when no cell with content lies right of the columns it allows.
        allowed = MAX_CELLS // rows
        beyond = string.ascii_uppercase[allowed:]
        prefix = _P if scan is _SCAN_NS else b""
        wide = re.compile(rb"<" + prefix + rb'c\sr="[' + (beyond + beyond.lower()).encode() + rb']\d+"[^>/]*>')
        if not _any_match(make(), wide):
            return Extent(rows, allowed)
    return _refs_extent(make()) or _exact_xlsx_extent(make())


#: What ``_FAR`` finds for a cell with no r= (or one written oddly): its position must be counted.
_UNPLACED_MATCH = (b"", b"", b"")


def _any_match(chunks: Iterator[bytes], pattern: re.Pattern[bytes]) -> bool:
    """Whether ``pattern`` (a single tag) matches anywhere in the chunks (a tag cut between two is joined)."""
    tail = b""
    for chunk in itertools.chain(chunks, [b""]):
        buf = tail + chunk
        cut = buf.rfind(b"<") if chunk else len(buf)
        cut = cut if cut > 0 else len(buf)
        if pattern.search(buf, 0, cut):
            return True
        tail = buf[cut:]
    return False


def _read_chunks(z: zipfile.ZipFile, info: zipfile.ZipInfo) -> Iterator[bytes]:
    """A member's inflated bytes in chunks, each next one inflated in a thread while the caller scans this one.

    zlib inflates with the GIL released, so inflating and the regular expressions (which hold it) overlap: the
    guard of a 100k-row sheet takes about the longer of the two instead of their sum. A member of a few chunks
    is inflated in place (a thread would cost more than it saves, and batch's workers keep both cores busy).
    """
    if info.file_size <= 2 * _CHUNK:
        with z.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                yield chunk
        return
    ready: queue.Queue[bytes | BaseException | None] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def put(item: bytes | BaseException | None) -> bool:
        while not stop.is_set():
            try:
                ready.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def inflate() -> None:
        try:
            with z.open(info) as fh:
                while chunk := fh.read(_CHUNK):
                    if not put(chunk):
                        return
            put(None)
        except BaseException as exc:  # raised again in the caller's thread (a damaged member …)
            put(exc)

    threading.Thread(target=inflate, name="dutyaudit-inflate", daemon=True).start()
    try:
        while (item := ready.get()) is not None:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()


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


def _refs_extent(chunks: Iterator[bytes]) -> Extent | None:
    """The extent of a sheet whose cells all carry r=: the farthest column and row among cells with content;
    None when a cell without r= turns up (positions must then be counted)."""
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
    members = {part_name(n): n for n in z.namelist()}
    try:
        book = z.read(members["xl/workbook.xml"]).decode("utf-8", "replace")
        rels = z.read(members["xl/_rels/workbook.xml.rels"]).decode("utf-8", "replace")
    except ZIP_ERRORS:
        return {}
    targets = {}
    for rel in re.findall(r"<Relationship\b[^>]*>", rels):
        rid, target = re.search(r'Id="([^"]+)"', rel), re.search(r'Target="([^"]+)"', rel)
        if rid and target:
            t = target.group(1).replace("\\", "/").lstrip("/")
            targets[rid.group(1)] = t if t.startswith("xl/") else "xl/" + t
    names = {}
    for sheet in re.findall(r"<(?:\w+:)?sheet\b[^>]*>", book):
        name, rid = re.search(r'\bname="([^"]*)"', sheet), re.search(r'\br:id="([^"]+)"', sheet)
        if name and rid and rid.group(1) in targets:
            names[targets[rid.group(1)]] = html.unescape(name.group(1))
    return names


def _sheet_label(part: str) -> str:
    return part_name(part).rsplit("/", 1)[-1].removesuffix(".xml")


_WHOLE_LINE_MERGE = re.compile(rb'<(?:[A-Za-z_][\w.-]*:)?mergeCell\s+ref="((?:[A-Z]+:[A-Z]+)|(?:\d+:\d+))"\s*/>')


def drop_whole_line_merges(data: bytes) -> tuple[bytes, dict[str, list[str]]] | None:
    """The xlsx with merged ranges that span whole columns or rows (``A:A``, ``1:1``; calamine rejects them)
    removed, and which were removed per sheet name; None when there are none (or the zip is damaged)."""
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        found: dict[str, list[str]] = {}
        out = io.BytesIO()
        with src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            sheets = {i.filename for i in _worksheets(src, src.infolist())}
            names = _sheet_names(src)
            for info in src.infolist():
                body = src.read(info)
                if info.filename in sheets and b"mergeCell" in body:
                    refs = [m.decode() for m in _WHOLE_LINE_MERGE.findall(body)]
                    if refs:
                        found[names.get(part_name(info.filename), _sheet_label(info.filename))] = refs
                        body = _WHOLE_LINE_MERGE.sub(b"", body)
                z.writestr(info, body)
        return (out.getvalue(), found) if found else None
    except ZIP_ERRORS:
        return None
