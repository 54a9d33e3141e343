"""Builders of hostile inputs, one per kind the reader limits guard against (built in tmp_path by the tests).

Each returns the path it wrote. Zip bombs compress well, so even the large ones are small on disk; the
text and HTML ones are written at the size that crosses their limit. ``python tests/bombs.py DIR`` writes
them all into DIR (for measuring each under ``ulimit -v``).
"""

from __future__ import annotations

import struct
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

from dutyaudit.ingest.limits import MAX_CELL_CHARS, MAX_INFLATED, MAX_SHARED_STRINGS_XML, MAX_SHEET_XML

DATA = Path(__file__).parent / "data"
_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_CT = (
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
    'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.spreadsheetml.worksheet+xml"/></Types>'
)
_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
_WB = (
    f'<?xml version="1.0"?><workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets>'
    '<sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WB_RELS = (
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'
)
HEADER_ROW = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c><c r="B1" t="inlineStr"><is><t>事项</t></is></c></row>'
)


def _big(head: bytes, unit: bytes, size: int, tail: bytes) -> Callable[[], bytes]:
    """A member of about ``size`` bytes: ``head``, ``unit`` repeated, ``tail`` (built when written)."""
    return lambda: head + unit * (max(0, size - len(head) - len(tail)) // len(unit) + 1) + tail


def xlsx(path: Path, rows: str = HEADER_ROW, extra: str = "", members: dict[str, object] | None = None) -> Path:
    """A minimal xlsx with one sheet ``台账``; ``members`` adds or replaces parts (bytes or a builder)."""
    sheet = f'<?xml version="1.0"?><worksheet xmlns="{_NS}"><sheetData>{rows}</sheetData>{extra}</worksheet>'
    parts: dict[str, object] = {
        "[Content_Types].xml": _CT,
        "_rels/.rels": _RELS,
        "xl/workbook.xml": _WB,
        "xl/_rels/workbook.xml.rels": _WB_RELS,
        "xl/worksheets/sheet1.xml": sheet,
        "xl/sharedStrings.xml": f'<sst xmlns="{_NS}"/>',
        **(members or {}),
    }
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for name, body in parts.items():
            z.writestr(name, body() if callable(body) else body)  # type: ignore[arg-type]
    return path


def shared_strings_bomb(d: Path) -> Path:
    """Shared strings inflating past their limit: millions of tiny strings (the 60M-string bomb, scaled)."""
    unit = b"<si><t>a</t></si>"
    return xlsx(
        d / "strings.xlsx",
        members={"xl/sharedStrings.xml": _big(b"<sst>", unit, MAX_SHARED_STRINGS_XML + 1024, b"</sst>")},
    )


def sheet_bomb(d: Path) -> Path:
    """A worksheet declaring more than the sheet-XML limit (the 1.5 GiB worksheet of the issue)."""
    return _declare(xlsx(d / "sheet.xlsx"), "xl/worksheets/sheet1.xml", MAX_SHEET_XML + 1)


def _declare(path: Path, member: str, size: int) -> Path:
    """Patch the size a zip declares for ``member`` (local header and central directory) to ``size``.

    calamine's zip reader inflates a member up to its declared size and no further, so the declaration is
    what the limits check: a bomb made this way tests them without compressing hundreds of MiB.
    """
    data = bytearray(path.read_bytes())
    name = member.encode()
    at = data.find(name)
    while at >= 0:
        if data[at - 30 : at - 26] == b"PK\x03\x04":  # local header: uncompressed size at +22
            struct.pack_into("<I", data, at - 30 + 22, size)
        elif data[at - 46 : at - 42] == b"PK\x01\x02":  # central directory: uncompressed size at +24
            struct.pack_into("<I", data, at - 46 + 24, size)
        at = data.find(name, at + 1)
    path.write_bytes(bytes(data))
    return path


def inflated_bomb(d: Path) -> Path:
    """A member declaring more than the whole-zip limit (the 3 GiB shared strings of the issue)."""
    return _declare(
        xlsx(d / "inflate.xlsx", members={"docProps/custom.xml": b"<x/>"}), "docProps/custom.xml", MAX_INFLATED + 1
    )


def zip_members_bomb(d: Path) -> Path:
    """A workbook zip of more (empty) members than any workbook: each costs every zip reader memory."""
    from dutyaudit.ingest.limits import MAX_ZIP_MEMBERS

    return xlsx(d / "members.xlsx", members={f"x/{i}": b"" for i in range(MAX_ZIP_MEMBERS)})


def merges_bomb(d: Path) -> Path:
    """5,000 identical merges A2:A200000 over a short log (2 KB; it used to hang fill_merged)."""
    rows = HEADER_ROW + "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>2023-03-{r:02d}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>法治专题讲座</t></is></c></row>'
        for r in range(2, 12)
    )
    merges = '<mergeCells count="5000">' + '<mergeCell ref="A2:A200000"/>' * 5000 + "</mergeCells>"
    return xlsx(d / "merges.xlsx", rows, merges)


def far_cell(d: Path) -> Path:
    """One stray value at XFD1048576: calamine would allocate 17 billion cells."""
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>'
    return xlsx(d / "far.xlsx", HEADER_ROW + far)


_MANIFEST = (
    '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    "</manifest:manifest>"
)


def _ods(path: Path, body: bytes | Callable[[], bytes]) -> Path:
    head = (
        b'<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        b'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        b'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        b'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        b"<office:spreadsheet>"
    )
    tail = b"</office:spreadsheet></office:body></office:document-content>"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        z.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr("META-INF/manifest.xml", _MANIFEST)
        z.writestr("content.xml", head + (body() if callable(body) else body) + tail)
    return path


def ods_repeat_bomb(d: Path) -> Path:
    """One value repeated over 1,048,576 rows × 16,384 columns (1 KB)."""
    cell = b'<table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p>'
    return _ods(
        d / "repeat.ods",
        b'<table:table table:name="S"><table:table-row table:number-rows-repeated="1048576">'
        + cell
        + b"</table:table-cell></table:table-row></table:table>",
    )


def ods_rows_bomb(d: Path) -> Path:
    """Millions of written-out empty rows (the 70M-row ODS, scaled past the content limit)."""
    from dutyaudit.ingest.limits import MAX_ODS_XML

    return _ods(
        d / "rows.ods",
        _big(
            b'<table:table table:name="S">',
            b"<table:table-row><table:table-cell/></table:table-row>",
            MAX_ODS_XML + 1024,
            b"</table:table>",
        ),
    )


def ole_loop(d: Path) -> Path:
    """A real .xls whose directory's sector chain points back at itself (as PhpSpreadsheet's oleloop.xls)."""
    data = bytearray((DATA / "biff.xls").read_bytes())
    size = 1 << struct.unpack_from("<H", data, 30)[0]
    first_dir = struct.unpack_from("<I", data, 48)[0]
    fat0 = struct.unpack_from("<I", data, 76)[0]
    struct.pack_into("<I", data, (fat0 + 1) * size + 4 * first_dir, first_dir)
    (d / "loop.xls").write_bytes(bytes(data))
    return d / "loop.xls"


def csv_cells_bomb(d: Path) -> Path:
    """A one-line comma CSV of more cells than a sheet may have (the 200 MB one, scaled to the cell limit)."""
    from dutyaudit.ingest.limits import MAX_CELLS

    (d / "commas.csv").write_bytes(b"," * (MAX_CELLS + 10))
    return d / "commas.csv"


def csv_size_bomb(d: Path) -> Path:
    """A text file over the text-size limit (no delimiter at all)."""
    from dutyaudit.ingest.limits import MAX_TEXT_BYTES

    (d / "big.csv").write_bytes(b"a" * (MAX_TEXT_BYTES + 1))
    return d / "big.csv"


def csv_rows_bomb(d: Path) -> Path:
    """A text file of more (short) lines than a text file may have: each line costs a row object."""
    from dutyaudit.ingest.limits import MAX_TEXT_ROWS

    (d / "lines.csv").write_bytes(b"abcdef\n" * (MAX_TEXT_ROWS + 1))
    return d / "lines.csv"


def csv_cell_bomb(d: Path) -> Path:
    """A CSV with one cell longer than any cell may be."""
    (d / "long.csv").write_bytes(b"\xe6\x97\xa5\xe6\x9c\x9f,x\n" + b"a" * (MAX_CELL_CHARS + 10) + b",b\n")
    return d / "long.csv"


def html_span_bomb(d: Path) -> Path:
    """16 cells with colspan=1000 rowspan=65534 over 65,534 rows (it used to exhaust memory after 11 s)."""
    rows = "<tr>" + '<td colspan="1000" rowspan="65534">x</td>' * 16 + "</tr>" + "<tr><td>y</td></tr>" * 65533
    (d / "spans.xls").write_text(f"<html><body><table><tr><td>日期</td><td>事项</td></tr>{rows}</table></body></html>")
    return d / "spans.xls"


#: Every bomb, with the words its refusal must name (the limit), for the tests and for measuring.
BOMBS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "ole-loop": (ole_loop, "sector chain loops"),
    "shared-strings": (shared_strings_bomb, "MiB of shared strings"),
    "sheet-xml": (sheet_bomb, "MiB of sheet XML"),
    "inflated": (inflated_bomb, "MiB inflated"),
    "zip-members": (zip_members_bomb, "zip members"),
    "far-cell": (far_cell, "cells per sheet"),
    "ods-repeat": (ods_repeat_bomb, "cells per sheet"),
    "ods-rows": (ods_rows_bomb, "MiB of XML"),
    "csv-cells": (csv_cells_bomb, "cells per sheet"),
    "csv-size": (csv_size_bomb, "MiB per text file"),
    "csv-rows": (csv_rows_bomb, "lines per text file"),
    "csv-cell": (csv_cell_bomb, "characters per cell"),
    "html-spans": (html_span_bomb, "merged cells per sheet"),
}

if __name__ == "__main__":
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    for make, _ in BOMBS.values():
        print(make(out))
    print(merges_bomb(out))
