"""Excel 2003 "XML Spreadsheet" (SpreadsheetML) files: worksheets, rows and cells with ss:Index and merges.

Excel writes a control character a cell holds as a character reference (``&#7;``) that XML 1.0 forbids,
and web systems that write the format themselves often escape text as HTML (``&nbsp;``, ``&ldquo;``), which
XML does not define; when the parser stops at either, the text is read again with such references dropped
or replaced by their characters.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.entities import html5
from pathlib import Path
from typing import Any, cast
from xml.etree.ElementTree import Element, ParseError, XMLPullParser

from dutyaudit.errors import InputError
from dutyaudit.i18n import msg
from dutyaudit.ingest.base import RawSheet, Reader
from dutyaudit.ingest.limits import MAX_CELL_CHARS, MAX_CELLS, LimitError
from dutyaudit.ingest.markup import _XML_DECL, MAX_COLS, MAX_COLSPAN, MAX_ROWS, MAX_ROWSPAN, decode_markup

_SS = "{urn:schemas-microsoft-com:office:spreadsheet}"


class SpreadsheetMLReader(Reader):
    """Excel 2003 "XML Spreadsheet" files: worksheets, rows and cells with ss:Index and merges."""

    name = "spreadsheetml"

    def __init__(self, encoding: str | None = None) -> None:
        self.encoding = encoding

    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        text, enc = decode_markup(data, self.encoding, path)
        self.detail = msg("detail.xml", enc=enc)
        if "<!ENTITY" in text[:65536]:
            raise InputError(msg("err.xml.entities"), str(path))
        text = _XML_DECL.sub("", text, count=1).lstrip("\ufeff")
        try:
            sheets = self._parse(text, path)
        except ParseError as exc:
            # Excel writes control characters a cell holds as references (&#7;, &#11;) that XML 1.0 forbids;
            # a web export, HTML entities (&nbsp;, &ldquo;) XML does not define.
            clean = _CONTROL_REF.sub(_drop_control, _CONTROL_CHAR.sub("", text))
            clean = _NAMED_REF.sub(_html_entity, clean)
            retried: list[RawSheet] | None = None
            try:
                retried = self._parse(clean, path) if clean != text else None
            except ParseError:
                retried = None
            if retried is None:
                raise InputError(msg("err.xml.damaged", why=str(exc)), str(path)) from None
            sheets = retried
        yield from sheets

    def _parse(self, text: str, path: Path) -> list[RawSheet]:
        parser: XMLPullParser[Element] = XMLPullParser(events=("start", "end"))
        sheets: list[RawSheet] = []
        state = _SSState()
        for i in range(0, len(text), 1 << 20):
            parser.feed(text[i : i + (1 << 20)])
            self._drain(parser, state, sheets, path)
        parser.close()
        self._drain(parser, state, sheets, path)
        return sheets

    def _drain(self, parser: XMLPullParser[Element], st: _SSState, out: list[RawSheet], path: Path) -> None:
        for pair in parser.read_events():
            event, item = cast(tuple[str, Element], pair)
            el = item
            tag = el.tag if isinstance(el.tag, str) else ""
            local = tag.rsplit("}", 1)[-1]
            if event == "start":
                if local == "Worksheet":
                    st.sheet = RawSheet(el.get(_SS + "Name") or f"Sheet{len(out) + 1}", [], [])
                    st.row = -1
                elif local == "Row" and st.sheet is not None:
                    idx = _int(el.get(_SS + "Index"))
                    st.row = idx - 1 if idx else st.row + 1
                    if st.row >= MAX_ROWS:
                        raise InputError(msg("err.xml.row", name=st.sheet.name, row=st.row + 1), str(path))
                    st.col = -1
                elif local == "Cell" and st.sheet is not None:
                    idx = _int(el.get(_SS + "Index"))
                    st.col = idx - 1 if idx else st.col + 1
                continue
            if local == "Cell" and st.sheet is not None:
                self._cell(el, st, path)
                st.col += _int(el.get(_SS + "MergeAcross"))
                el.clear()
            elif local == "Row":
                el.clear()
            elif local == "Worksheet" and st.sheet is not None:
                out.append(st.sheet)
                st.sheet = None
                el.clear()

    def _cell(self, el: Element, st: _SSState, path: Path) -> None:
        sheet = st.sheet
        assert sheet is not None
        r, c = st.row, st.col
        if c >= MAX_COLS:
            raise InputError(msg("err.xml.col", name=sheet.name, col=c + 1), str(path))
        across, down = _int(el.get(_SS + "MergeAcross")), _int(el.get(_SS + "MergeDown"))
        if across or down:
            sheet.merged.append((r, c, r + min(down, MAX_ROWSPAN), c + min(across, MAX_COLSPAN)))
        value: Any = ""
        for child in el:
            if isinstance(child.tag, str) and child.tag.rsplit("}", 1)[-1] == "Data":
                value = _ss_value(child)
                break
        if value == "" and not (across or down):
            return
        if isinstance(value, str) and len(value) > MAX_CELL_CHARS:
            raise LimitError(
                msg("lw.cell_chars", name=sheet.name, n=f"{len(value):,}"),
                msg("ll.chars", n=f"{MAX_CELL_CHARS:,}"),
                str(path),
            )
        rows = sheet.rows
        while len(rows) <= r:
            rows.append([])
        row = rows[r]
        if len(row) <= c:
            st.cells += c + 1 - len(row)
            if st.cells > MAX_CELLS:
                raise LimitError(msg("lw.sheet_big", name=sheet.name), msg("ll.cells", n=f"{MAX_CELLS:,}"), str(path))
            row.extend([""] * (c + 1 - len(row)))
        row[c] = value


@dataclass(slots=True)
class _SSState:
    sheet: RawSheet | None = None
    row: int = -1
    col: int = -1
    cells: int = 0


_CONTROL_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));")
_CONTROL_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


_NAMED_REF = re.compile(r"&([A-Za-z][A-Za-z0-9]{0,31});")
_XML_ENTITIES = {"amp", "lt", "gt", "quot", "apos"}
_XML_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _html_entity(m: re.Match[str]) -> str:
    """An HTML named entity (``&nbsp;``) as its character(s), escaped for XML; XML's own five and unknown
    names kept as written."""
    name = m.group(1)
    if name in _XML_ENTITIES:
        return m.group(0)
    chars = html5.get(name + ";")
    if chars is None:
        return m.group(0)
    return "".join(_XML_ESCAPES.get(ch, ch) for ch in chars)


def _drop_control(m: re.Match[str]) -> str:
    """A character reference XML 1.0 forbids (a control character) dropped; any other kept as written."""
    code = int(m.group(1), 16) if m.group(1) else int(m.group(2))
    return "" if code < 0x20 and code not in (9, 10, 13) else m.group(0)


def _int(v: str | None) -> int:
    try:
        return max(int(v or 0), 0)
    except ValueError:
        return 0


def _ss_value(data: Element) -> Any:
    kind = data.get(_SS + "Type", "String")
    text = "".join(data.itertext()).strip()
    if kind == "Number":
        try:
            f = float(text)
        except ValueError:
            return text
        return int(f) if f.is_integer() and abs(f) < 2**53 else f
    if kind == "DateTime":
        try:
            return dt.datetime.fromisoformat(text.rstrip("Z")[:26])
        except ValueError:
            return text
    if kind == "Boolean":
        return text in ("1", "true", "TRUE")
    return text
