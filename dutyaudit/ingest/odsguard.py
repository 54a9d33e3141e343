"""What calamine does not give for an ODS file, read before it: merged ranges, and each sheet's extent.

ODS repeats rows and cells by count (``table:number-rows-repeated``), so 1 KB can describe a sheet of
17 billion cells; calamine would allocate them all. The scan here measures each sheet without expanding
anything: it cuts content.xml at every row's end, and only a row with a value (or a merged cell) is
looked into, with byte searches that run in C. A LibreOffice file ends each sheet with a million repeated
empty rows and each row with a thousand repeated empty cells; those cost one step each.

A LibreOffice Flat ODS (``.fods``: the same XML in one file, no zip) is read by wrapping it as an ODS.
"""

from __future__ import annotations

import html
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from dutyaudit.i18n import msg
from dutyaudit.ingest.limits import MAX_MERGES, MAX_ODS_XML, LimitError, mib
from dutyaudit.ingest.sniff import ZIP_ERRORS
from dutyaudit.ingest.xlsxguard import MAX_CELLS, Extent, part_name, too_big

_CHUNK = 4 * 1024 * 1024
_ROW_END = b"</table:table-row>"
_TABLE = re.compile(rb'<table:table[\s>](?:[^>]*?\btable:name="([^"]*)")?')
_CELL = re.compile(rb"<table:(?:table-cell|covered-table-cell)([\s>/][^>]*)?>")
_REPEAT_COLS = re.compile(rb'number-columns-repeated="(\d+)"')
_REPEAT_ROWS = re.compile(rb'number-rows-repeated="(\d+)"')
_SPAN_R = re.compile(rb'number-rows-spanned="(\d+)"')
_SPAN_C = re.compile(rb'number-columns-spanned="(\d+)"')
_MATTERS = re.compile(rb"office:value-type|<text:|<table:table[\s>]|-spanned=")
_MIME = "application/vnd.oasis.opendocument.spreadsheet"


@dataclass(slots=True)
class OdsSheet:
    """Merged ranges (0-based inclusive) and the extent of one ODS table."""

    name: str
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)
    extent: Extent = field(default_factory=Extent)


def _int(m: re.Match[bytes] | None) -> int:
    return max(1, int(m.group(1))) if m else 1


def ods_layout(data: bytes, path: Path) -> dict[str, OdsSheet]:
    """Merged ranges and extents of each table in an ODS file's content.xml; refuses one over the limits."""
    try:
        z = zipfile.ZipFile(io.BytesIO(data))
        info = next(i for i in z.infolist() if part_name(i.filename) == "content.xml")
    except StopIteration:
        return {}
    except ZIP_ERRORS:
        return {}
    if info.file_size > MAX_ODS_XML:
        raise LimitError(
            msg("lw.ods_content", size=mib(info.file_size)), msg("ll.xml", size=mib(MAX_ODS_XML)), str(path)
        )

    def chunks() -> Iterator[bytes]:
        with z, z.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                yield chunk

    try:
        return scan_ods(chunks(), path)
    except ZIP_ERRORS:
        return {}  # calamine reports the damage


def scan_ods(chunks: Iterator[bytes], path: Path) -> dict[str, OdsSheet]:
    """Walk ODS content XML row by row (see the module docstring)."""
    out: dict[str, OdsSheet] = {}
    state = _Scan(out, path)
    tail = b""
    for chunk in chunks:
        buf = tail + chunk
        cut = buf.rfind(_ROW_END) + len(_ROW_END)
        if cut >= len(_ROW_END) and state.sheet is not None and not _MATTERS.search(buf, 0, cut):
            # Only empty rows end in this stretch (no value, sheet, merge): count them, repeats included.
            state.row += buf.count(_ROW_END, 0, cut) + sum(
                int(n) - 1 for n in _REPEAT_ROWS.findall(buf, 0, cut) if int(n) > 1
            )
            tail = buf[cut:]
            continue
        pieces = buf.split(_ROW_END)
        tail = pieces.pop()
        for piece in pieces:
            state.row_piece(piece)
    state.row_piece(tail, closed=False)
    return out


class _Scan:
    def __init__(self, out: dict[str, OdsSheet], path: Path) -> None:
        self.out = out
        self.path = path
        self.sheet: OdsSheet | None = None
        self.row = 0

    def row_piece(self, piece: bytes, closed: bool = True) -> None:
        """One ``…<table:table-row …>cells`` piece (what precedes a row's end tag)."""
        rs = max(piece.rfind(b"<table:table-row "), piece.rfind(b"<table:table-row>"))
        if rs < 0 or not closed:
            self._tables(piece)
            return
        if rs and b"<table:table" in piece[:rs]:
            self._tables(piece[:rs])
        if self.sheet is None:
            return
        tag_end = piece.find(b">", rs) + 1
        repeat = _int(_REPEAT_ROWS.search(piece, rs, tag_end))
        last = max(piece.rfind(b"office:value-type", tag_end), piece.rfind(b"<text:", tag_end))
        if last >= 0:
            end = piece.find(b">", last) + 1 or len(piece)
            width = piece.count(b"<table:table-cell", tag_end, end) + piece.count(
                b"<table:covered-table-cell", tag_end, end
            )
            width += sum(int(n) - 1 for n in _REPEAT_COLS.findall(piece, tag_end, end) if int(n) > 1)
            ext = self.sheet.extent
            ext.rows = self.row + repeat
            ext.cols = max(ext.cols, width)
            if ext.cells > MAX_CELLS:
                raise too_big(self.sheet.name, ext, self.path)
        if piece.find(b"-spanned=", tag_end) >= 0:
            self._merges(piece[tag_end:])
        self.row += repeat

    def _tables(self, text: bytes) -> None:
        """Sheets that start in ``text`` (rows of a sheet come after its start tag)."""
        for m in _TABLE.finditer(text):
            name = html.unescape((m.group(1) or b"").decode("utf-8", "replace"))
            self.sheet = self.out.setdefault(name, OdsSheet(name))
            self.row = 0

    def _merges(self, body: bytes) -> None:
        assert self.sheet is not None
        col = 0
        for m in _CELL.finditer(body):
            attrs = m.group(1) or b""
            spans_r, spans_c = _int(_SPAN_R.search(attrs)), _int(_SPAN_C.search(attrs))
            if spans_r > 1 or spans_c > 1:
                if len(self.sheet.merged) >= MAX_MERGES:
                    raise LimitError(
                        msg("lw.ods_merges", name=self.sheet.name),
                        msg("ll.merges", n=f"{MAX_MERGES:,}"),
                        str(self.path),
                    )
                self.sheet.merged.append((self.row, col, self.row + spans_r - 1, col + spans_c - 1))
            col += _int(_REPEAT_COLS.search(attrs))


#: A line break and indent between two tags, as a pretty-printed XML file has them.
_PRETTY_GAP = re.compile(rb">[ \t]*\r?\n[ \t\r\n]*<")


def fods_as_ods(data: bytes) -> bytes:
    """A Flat ODS document wrapped as an ODS zip (its XML as content.xml), which calamine reads.

    LibreOffice writes .fods pretty-printed; calamine refuses the line breaks and indents between a row's
    cells, so they are dropped (ODF text never holds a literal line break: it is ``<text:line-break/>``)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
        z.writestr("mimetype", _MIME)
        z.writestr("content.xml", _PRETTY_GAP.sub(b"><", data))
        z.writestr("META-INF/manifest.xml", _manifest())
    return out.getvalue()


def with_mimetype(data: bytes) -> bytes | None:
    """An ODS whose zip lacks the ``mimetype`` member (LibreOffice opens it; calamine needs it), with one
    added first; None when the zip cannot be read."""
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        out = io.BytesIO()
        with src, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as z:
            z.writestr("mimetype", _MIME)
            for info in src.infolist():
                if part_name(info.filename) != "mimetype":
                    z.writestr(info, src.read(info))
        return out.getvalue()
    except ZIP_ERRORS:
        return None


def _manifest() -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
        f'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="{_MIME}"/>'
        "</manifest:manifest>"
    )
