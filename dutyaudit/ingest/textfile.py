"""Delimited text reader (csv, tsv, txt): detects the encoding and the delimiter."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from pathlib import Path

from dutyaudit.errors import InputError
from dutyaudit.ingest.base import RawSheet, Reader

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def detect_encoding(data: bytes) -> str:
    """BOM first; then UTF-16 by NUL bytes; then strict UTF-8; else GB18030 (a superset of GBK)."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    head = data[:4096]
    if head and head.count(b"\x00") > len(head) // 4:
        return "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        return "gb18030"


def detect_delimiter(text: str) -> str:
    """The delimiter most consistently present in the first lines (comma, tab, semicolon, bar)."""
    lines = [ln for ln in text.splitlines()[:50] if ln.strip()]
    best, best_score = ",", -1.0
    for delim in (",", "\t", ";", "|", "，"):
        counts = [ln.count(delim) for ln in lines]
        if not counts or max(counts) == 0:
            continue
        # Favour delimiters present on many lines with a steady count.
        steady = max(counts.count(c) for c in set(counts) if c > 0)
        score = steady + sum(1 for c in counts if c > 0) / 100
        if score > best_score:
            best, best_score = delim, score
    return best


class TextReader(Reader):
    """One sheet named after the file; ``encoding`` overrides detection."""

    name = "text"

    def __init__(self, encoding: str | None = None) -> None:
        self.encoding = encoding

    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        enc = self.encoding or detect_encoding(data)
        try:
            text = data.decode(enc)
        except LookupError:
            raise InputError(f"unknown encoding {enc!r}; try --encoding gb18030 or utf-8", str(path)) from None
        except UnicodeDecodeError:
            other = "gb18030" if enc.lower().replace("-", "") in ("utf8", "utf8sig") else "utf-8"
            raise InputError(f"cannot decode the file as {enc}; try --encoding {other}", str(path)) from None
        text = text.lstrip("\ufeff")
        if "\x00" in text:
            raise InputError(
                f"the file does not look like text in {enc}; try --encoding utf-16 or save it as CSV",
                str(path),
            )
        delim = detect_delimiter(text)
        rows = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]
        yield RawSheet(path.stem, rows)
