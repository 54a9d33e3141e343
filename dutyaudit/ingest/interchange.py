"""Readers for the two plain-text interchange formats office suites still save: SYLK and DIF.

Excel ("SYLK (Symbolic Link)", "DIF (Data Interchange Format)"), WPS and LibreOffice write them; they
hold one sheet of cells as text records. SYLK (``ID;P…`` then ``C;Y<row>;X<col>;K<value>`` records) keeps
number formats, so a date stored as a serial number is given back as a date; DIF keeps only numbers
and strings, and a serial number in the date column is read as a date there like any Excel serial.
Both are decoded as the log reader decodes text (UTF-8, GB18030, Big5 …, or ``--encoding``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from dutyaudit.errors import InputError
from dutyaudit.i18n import msg
from dutyaudit.ingest.base import RawSheet, Reader
from dutyaudit.ingest.limits import MAX_CELLS
from dutyaudit.ingest.textfile import detect_encoding, normalize_encoding

_EPOCH = dt.date(1899, 12, 30)
_DATE_FORMAT = re.compile(r"[yY]|(?<![\[a-zA-Z])[dD]")


def _decode(path: Path, data: bytes, encoding: str | None) -> tuple[str, str]:
    enc = normalize_encoding(encoding) if encoding else detect_encoding(data)
    try:
        return data.decode(enc).lstrip("\ufeff"), enc
    except (UnicodeDecodeError, LookupError):
        raise InputError(msg("err.txt.decode_as", enc=enc), str(path)) from None


class _Grid:
    """Cells set by position, grown on demand and bounded by :data:`MAX_CELLS`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.cells: dict[tuple[int, int], object] = {}
        self.rows = 0
        self.cols = 0

    def put(self, row: int, col: int, value: object) -> None:
        if row < 1 or col < 1:
            return
        self.rows, self.cols = max(self.rows, row), max(self.cols, col)
        if self.rows * self.cols > MAX_CELLS:
            raise InputError(
                msg("err.in.sheet_span", rows=f"{self.rows:,}", cols=f"{self.cols:,}", cells=f"{MAX_CELLS:,}"),
                str(self.path),
            )
        self.cells[(row, col)] = value

    def rows_list(self) -> list[list[object]]:
        out: list[list[object]] = [[] for _ in range(self.rows)]
        for (r, c), v in sorted(self.cells.items()):
            row = out[r - 1]
            row.extend([""] * (c - 1 - len(row)))
            row.append(v)
        return out


def _sylk_fields(line: str) -> list[str]:
    """A record's fields: split on ``;``, where ``;;`` stands for a literal semicolon."""
    return [f.replace("\x00", ";") for f in line.replace(";;", "\x00").split(";")]


def _sylk_value(raw: str, date_format: bool) -> object:
    if raw.startswith('"'):
        return raw[1:-1] if raw.endswith('"') and len(raw) > 1 else raw[1:]
    if raw in ("TRUE", "FALSE"):
        return raw
    try:
        number = float(raw)
    except ValueError:
        return raw
    if date_format and 1 <= number < 2_958_466:
        return _EPOCH + dt.timedelta(days=int(number))
    return int(number) if number.is_integer() else number


class SylkReader(Reader):
    """Reads a SYLK file (one sheet)."""

    name = "SYLK"

    def __init__(self, encoding: str | None = None) -> None:
        self.encoding = encoding

    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        text, enc = _decode(path, data, self.encoding)
        self.detail = msg("detail.sylk", enc=enc)
        grid = _Grid(path)
        formats: list[str] = []
        dated: set[tuple[int, int]] = set()
        date_cols: set[int] = set()
        row = col = 1
        pending: list[tuple[int, int, str]] = []
        for line in text.splitlines():
            fields = _sylk_fields(line)
            kind = fields[0]
            if kind == "E":
                break
            if kind == "P" and len(fields) > 1 and fields[1].startswith("P"):
                formats.append(fields[1][1:])
                continue
            if kind not in ("C", "F"):
                continue
            value: str | None = None
            fmt: str | None = None
            for f in fields[1:]:
                tag, rest = f[:1], f[1:]
                if tag == "Y" and rest.isdigit():
                    row = int(rest)
                elif tag == "X" and rest.isdigit():
                    col = int(rest)
                elif tag == "K" and kind == "C":
                    value = rest
                elif tag == "P" and kind == "F" and rest.isdigit():
                    fmt = formats[int(rest)] if int(rest) < len(formats) else None
            if kind == "F" and fmt is not None and _DATE_FORMAT.search(fmt):
                # An F record with X but no Y formats a whole column; with both, one cell.
                if any(f.startswith("Y") for f in fields[1:]):
                    dated.add((row, col))
                else:
                    date_cols.add(col)
            if kind == "C" and value is not None:
                pending.append((row, col, value))
        for r, c, raw in pending:
            grid.put(r, c, _sylk_value(raw, (r, c) in dated or c in date_cols))
        yield RawSheet(path.stem, grid.rows_list())


class DifReader(Reader):
    """Reads a DIF file (one sheet): header records, then ``BOT``-separated tuples of (type, value) pairs."""

    name = "DIF"

    def __init__(self, encoding: str | None = None) -> None:
        self.encoding = encoding

    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        text, enc = _decode(path, data, self.encoding)
        self.detail = msg("detail.dif", enc=enc)
        lines = text.splitlines()
        try:
            start = lines.index("DATA") + 3
        except ValueError:
            raise InputError(msg("err.in.dif"), str(path)) from None
        grid = _Grid(path)
        row, col, i = 0, 0, start
        while i + 1 < len(lines):
            head, value = lines[i], lines[i + 1]
            i += 2
            kind, _, number = head.partition(",")
            if kind == "-1":
                if value == "BOT":
                    row, col = row + 1, 0
                elif value == "EOD":
                    break
                continue
            col += 1
            if kind == "1":
                cell: object = value[1:-1].replace('""', '"') if value.startswith('"') else value
            elif kind == "0" and value == "V":
                try:
                    num = float(number)
                except ValueError:
                    cell = number
                else:
                    cell = int(num) if num.is_integer() else num
            else:
                cell = value if value not in ("NA", "ERROR") else ""
            if cell != "":
                grid.put(row, col, cell)
        yield RawSheet(path.stem, grid.rows_list())
