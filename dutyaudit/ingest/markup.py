"""Readers for spreadsheets that are really markup: HTML tables and SpreadsheetML 2003 XML.

Web OA systems export "Excel" files that are HTML tables saved as ``.xls`` (a title in a ``colspan``
cell, the charset in a ``<meta>`` tag — or GBK with none); Excel 2003 saved "XML Spreadsheet" files,
also often named ``.xls``. Both are read with the standard library only (``html.parser``,
``xml.etree``): ``rowspan``/``colspan`` and ``ss:MergeAcross``/``ss:MergeDown`` become merged ranges,
so a date merged down a block of rows is filled like in any workbook.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from dutyaudit.errors import InputError
from dutyaudit.i18n import msg
from dutyaudit.ingest.base import RawSheet, Reader
from dutyaudit.ingest.limits import MAX_CELL_CHARS, MAX_CELLS, MAX_MERGED_CELLS, MAX_TEXT_BYTES, LimitError, mib
from dutyaudit.ingest.textfile import normalize_encoding

#: Browsers cap spans at these; a larger span is a damaged or hostile file, not a wider table.
MAX_COLSPAN = 1000
MAX_ROWSPAN = 65534
MAX_ROWS = 1_048_576
#: <td> and <th> elements an HTML file may hold (each costs more than a cell of a workbook while parsed).
MAX_HTML_CELLS = MAX_CELLS // 5
MAX_COLS = 16_384
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(r"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["'][^>]*\?>""")
_XML_DECL_BYTES = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']""")
_WS = re.compile(r"[ \t\r\f\v\xa0\u3000]+")
_BLOCK_END = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6"}
_SKIP = {"script", "style", "head", "title", "template", "noscript"}
_HEADINGS = {"h1", "h2", "h3"}
_SHEET_HEADING = re.compile(r"^(?:sheet|工作表)\s*\d+\s*[:：]\s*", re.IGNORECASE)
_X_NAME = re.compile(r"<x:Name>\s*([^<]*?)\s*</x:Name>", re.IGNORECASE)


def decode_markup(data: bytes, override: str | None, path: Path) -> tuple[str, str]:
    """Text of an HTML/XML file and the encoding used: ``--encoding``, a BOM, the declared charset
    (gb2312/gbk read as their superset gb18030), UTF-8, else GB18030."""
    if len(data) > MAX_TEXT_BYTES:
        raise LimitError(msg("lw.file", size=mib(len(data))), msg("ll.html", size=mib(MAX_TEXT_BYTES)), str(path))
    candidates: list[str] = []
    if override:
        candidates.append(normalize_encoding(override))
    elif data.startswith(b"\xef\xbb\xbf"):
        candidates.append("utf-8-sig")
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates.append("utf-16")
    elif data[:2] in (b"<\x00", b"\x00<"):
        candidates.append("utf-16-le" if data[:1] == b"<" else "utf-16-be")
    else:
        head = data[:4096]
        m = _XML_DECL_BYTES.match(head) or _META_CHARSET.search(head)
        if m:
            candidates.append(normalize_encoding(m.group(1).decode("ascii", "ignore")))
        candidates += ["utf-8", "gb18030"]
    for enc in dict.fromkeys(candidates):
        try:
            codecs.lookup(enc)
        except LookupError:
            if override:
                raise InputError(msg("err.html.encoding", enc=override), str(path)) from None
            continue
        try:
            return data.decode(enc), enc
        except UnicodeDecodeError:
            if override:
                other = "gb18030" if enc.startswith("utf") else "utf-8"
                raise InputError(msg("err.html.decode_given", enc=override, other=other), str(path)) from None
    raise InputError(msg("err.html.decode"), str(path))


@dataclass(slots=True)
class _Cell:
    text: list[str] = field(default_factory=list)
    rowspan: int = 1
    colspan: int = 1


@dataclass(slots=True)
class _Table:
    rows: list[list[_Cell]] = field(default_factory=list)
    caption: list[str] = field(default_factory=list)
    heading: str = ""
    """The last heading before the table (LibreOffice writes "Sheet 1: 一季度" above each sheet)."""
    before: list[str] = field(default_factory=list)
    """Lines of text outside any table since the previous table (a title in a <div>, 填报单位 in a <p>)."""
    nested: bool = False
    """Inside another table."""
    holds_table: bool = False
    """Holds another table (a layout table around the data)."""


class _TableParser(HTMLParser):
    """Collects every <table> (nested ones separately) as rows of cells with their spans."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tables: list[_Table] = []
        self.cells = 0
        self._stack: list[_Table] = []
        self._cell: list[_Cell | None] = []
        self._skip = 0
        self._subset = False
        self._in_caption = False
        self._heading: list[str] | None = None
        self._last_heading = ""
        self._line: list[str] = []
        self.lines: list[str] = []
        """Lines of text outside any table not yet placed before a table (after the last one, at the end)."""
        self.loose: list[str] = []
        """Every line of text outside tables, in order: what an error or login page says."""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip += 1
            return
        if tag in _HEADINGS and not self._stack:
            self._end_line()
            self._heading = []
            return
        if tag == "table":
            self._end_line()
            t = _Table(heading=self._last_heading, nested=bool(self._stack))
            if self._stack:
                self._stack[-1].holds_table = True
            else:
                t.before, self.lines = self.lines, []
            self._last_heading = ""
            self.tables.append(t)
            self._stack.append(t)
            self._cell.append(None)
        elif not self._stack:
            return
        elif tag == "tr":
            self._stack[-1].rows.append([])
            self._cell[-1] = None
        elif tag in ("td", "th"):
            self.cells += 1
            if self.cells > MAX_HTML_CELLS:
                raise LimitError(msg("lw.html_cells"), msg("ll.html_cells", n=f"{MAX_HTML_CELLS:,}"), None)
            table = self._stack[-1]
            if not table.rows:
                table.rows.append([])
            a = dict(attrs)
            cell = _Cell(rowspan=_span(a.get("rowspan"), MAX_ROWSPAN), colspan=_span(a.get("colspan"), MAX_COLSPAN))
            table.rows[-1].append(cell)
            self._cell[-1] = cell
        elif tag == "br":
            self._text("\n")
        elif tag == "caption":
            self._in_caption = True

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self._text("\n")
        else:
            self.handle_starttag(tag, attrs)
            if tag in ("td", "th") and self._cell:
                self._cell[-1] = None

    def handle_endtag(self, tag: str) -> None:
        if tag in _HEADINGS and self._heading is not None:
            self._last_heading = _clean(self._heading)
            self._heading = None
            if self._last_heading:
                self._add_line(self._last_heading)
        elif tag in _SKIP:
            self._skip = max(0, self._skip - 1)
        elif tag == "table" and self._stack:
            self._stack.pop()
            self._cell.pop()
        elif tag in ("td", "th") and self._cell:
            self._cell[-1] = None
        elif tag == "caption":
            self._in_caption = False
        elif tag in _BLOCK_END:
            self._text("\n")

    def handle_decl(self, decl: str) -> None:
        # html.parser ends <!DOCTYPE … [ <!ENTITY …> ]> at the first ">": the rest of the internal subset is no text
        self._subset = "[" in decl and "]" not in decl.split("[", 1)[1]

    def handle_data(self, data: str) -> None:
        if self._subset:
            end = data.find("]")
            if end < 0:
                return
            self._subset = False
            data = data[end + 1 :].lstrip().removeprefix(">")
        self._text(data)

    def _text(self, s: str) -> None:
        if self._heading is not None and not self._skip:
            self._heading.append(s)
            return
        if self._skip:
            return
        if not self._stack:
            if s == "\n":
                self._end_line()
            else:
                self._line.append(s)
            return
        if self._in_caption:
            self._stack[-1].caption.append(s)
        elif self._cell[-1] is not None:
            self._cell[-1].text.append(s)

    def _end_line(self) -> None:
        text = _clean(self._line)
        self._line = []
        for line in text.split("\n"):
            if line:
                self._add_line(line)

    def _add_line(self, line: str) -> None:
        self.lines.append(line)
        self.loose.append(line)

    def close(self) -> None:
        super().close()
        self._end_line()


def _span(v: str | None, cap: int) -> int:
    m = re.match(r"\s*(\d+)", v or "")
    n = int(m.group(1)) if m else 1
    return min(max(n, 1), cap)


def _clean(parts: list[str]) -> str:
    lines = (_WS.sub(" ", ln).strip() for ln in "".join(parts).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def layout(table_rows: list[list[tuple[Any, int, int]]], path: Path, name: str) -> RawSheet:
    """Place cells given as (value, rowspan, colspan) on a grid, the way a browser or Excel does."""
    rows: list[list[Any]] = []
    merged: list[tuple[int, int, int, int]] = []
    taken: dict[int, set[int]] = {}
    n_rows = len(table_rows)
    cells = 0
    spanned = 0
    for r, tr in enumerate(table_rows):
        out: list[Any] = []
        busy = taken.pop(r, set())
        c = 0
        for value, rowspan, colspan in tr:
            while c in busy:
                c += 1
            rowspan = min(rowspan, n_rows - r)
            if c + colspan > MAX_COLS:
                break
            if len(out) < c + colspan:
                out.extend([""] * (c + colspan - len(out)))
            if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
                raise LimitError(
                    msg("lw.table_cell", name=name, n=f"{len(value):,}"),
                    msg("ll.chars", n=f"{MAX_CELL_CHARS:,}"),
                    str(path),
                )
            out[c] = value
            if rowspan > 1 or colspan > 1:
                spanned += rowspan * colspan
                if spanned > MAX_MERGED_CELLS:
                    raise LimitError(
                        msg("lw.spans", name=name),
                        msg("ll.merged_cells", n=f"{MAX_MERGED_CELLS:,}"),
                        str(path),
                    )
                merged.append((r, c, r + rowspan - 1, c + colspan - 1))
                for rr in range(r + 1, r + rowspan):
                    taken.setdefault(rr, set()).update(range(c, c + colspan))
            c += colspan
        cells += len(out)
        if cells > MAX_CELLS:
            raise LimitError(msg("lw.table_big", name=name), msg("ll.cells", n=f"{MAX_CELLS:,}"), str(path))
        rows.append(out)
    return RawSheet(name, rows, merged)


class HtmlReader(Reader):
    """An HTML file with one or more tables (a web export saved as .xls): each real table is a sheet."""

    name = "html"

    def __init__(self, encoding: str | None = None) -> None:
        self.encoding = encoding

    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        text, enc = decode_markup(data, self.encoding, path)
        garbled: object = "" if self.encoding else msg("detail.html_garbled")
        self.detail = msg("detail.html", enc=enc, garbled=garbled, says="")
        parser = _TableParser()
        try:
            parser.feed(text)
            parser.close()
        except LimitError as exc:
            raise InputError(exc.reason_msg or exc.reason, str(path)) from None
        except (AssertionError, ValueError) as exc:  # html.parser is lenient; guard its rare assertions
            raise InputError(msg("err.html.parse", why=str(exc)), str(path)) from None
        tables = [t for t in parser.tables if len(t.rows) >= 2 and max(len(r) for r in t.rows) >= 2]
        said = " ".join(" ".join(parser.loose).split())
        if said:
            self.detail = msg("detail.html", enc=enc, garbled=garbled, says=msg("detail.html_says", said=said[:60]))
        if not tables:
            what = msg("err.html.says", said=said[:80]) if said else ""
            raise InputError(msg("err.html.no_table", said=what), str(path))
        if any(_SHEET_HEADING.match(t.heading) for t in tables):
            # LibreOffice's own export of a workbook: a "Sheet N: name" heading above each sheet's table.
            for i, t in enumerate(tables):
                heading = _SHEET_HEADING.sub("", t.heading)
                name = heading[:31] if heading else f"{path.stem} ({i + 1})"
                sheet = layout(_table_cells(t), path, name)
                sheet.titles = [c for c in [_clean(t.caption)] if c]
                yield sheet
            return
        # A web export: one sheet, as Excel, WPS and LibreOffice open it — each line of text outside the tables
        # (a title in a <div>, 填报单位 in a <p>) is a row, and the tables follow one another.
        xnames = _X_NAME.findall(text[:65536])
        name = xnames[0][:31] if len(xnames) == 1 and xnames[0].strip() else path.stem
        cells: list[list[tuple[Any, int, int]]] = []
        for t in parser.tables:
            cells.extend([(line, 1, 1)] for line in t.before)
            if t in tables:
                cells.extend(_table_cells(t))
            elif not t.nested and not t.holds_table:  # a one-column table of text lines
                cells.extend([(c, 1, 1)] for tr in t.rows for c in [" ".join(_clean(x.text) for x in tr)] if c)
        cells.extend([(line, 1, 1)] for line in parser.lines)
        sheet = layout(cells, path, name)
        sheet.titles = [c for t in tables if (c := _clean(t.caption))]
        yield sheet


def _table_cells(t: _Table) -> list[list[tuple[Any, int, int]]]:
    """A table's rows as (text, rowspan, colspan), spans clipped to the table. Its <caption> takes no row:
    LibreOffice shows it inside the first cell (the sheet's titles keep it)."""
    n = len(t.rows)
    return [[(_clean(c.text), min(c.rowspan, n - r), c.colspan) for c in tr] for r, tr in enumerate(t.rows)]


def markup_reader(kind: str, encoding: str | None = None) -> Reader:
    """The reader for a sniffed markup kind (``html`` or ``spreadsheetml``)."""
    from dutyaudit.ingest.spreadsheetml import SpreadsheetMLReader

    return SpreadsheetMLReader(encoding) if kind == "spreadsheetml" else HtmlReader(encoding)
