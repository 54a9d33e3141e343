"""Delimited text reader (csv, tsv, txt): detects the encoding and the delimiter.

Encodings: UTF-8 with or without BOM, UTF-16 with or without BOM (Excel's "Unicode text" is UTF-16LE,
tab-separated), GB18030 (a superset of GBK and GB2312, what Chinese Windows Excel writes as "CSV"),
Big5 as a last resort. ``--encoding`` overrides detection; when it fails, the error suggests what the
file looks like.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from dutyaudit.errors import InputError
from dutyaudit.ingest.base import RawSheet, Reader

_BOMS = ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
_ALIASES = {
    "gbk": "gb18030",
    "gb2312": "gb18030",
    "gb_2312": "gb18030",
    "gb_2312-80": "gb18030",
    "cp936": "gb18030",
    "936": "gb18030",
    "x-gbk": "gb18030",
    "euc-cn": "gb18030",
    "utf8": "utf-8",
    "unicode": "utf-16",
    "ucs-2": "utf-16",
    "big-5": "big5",
    "cp950": "big5",
}
_DELIMITERS = (",", "\t", ";", "|", "，")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def normalize_encoding(name: str) -> str:
    """A codec name Python knows for what people type: gbk/gb2312/cp936 → gb18030 (their superset)."""
    key = name.strip().lower().replace("_", "-")
    return _ALIASES.get(key, _ALIASES.get(key.replace("-", ""), name.strip()))


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text without a BOM has a NUL in every other byte (for ASCII) — even or odd ones."""
    if len(head) < 4 or head.count(b"\x00") <= len(head) // 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    return "utf-16-le" if odd >= even else "utf-16-be"


def detect_encoding(data: bytes) -> str:
    """BOM first; then UTF-16 by NUL bytes; then strict UTF-8; then GB18030; else Big5; else UTF-8."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    u16 = _utf16_without_bom(data[:4096])
    if u16:
        return u16
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            data.decode(enc)
            return enc
        except UnicodeDecodeError:
            continue
    return "utf-8"


def _guess_other(data: bytes, tried: str) -> str:
    """An encoding to suggest when ``tried`` fails: what detection finds, or the usual other one."""
    found = detect_encoding(data)
    if codecs.lookup(found).name != codecs.lookup(tried).name:
        return found.removesuffix("-sig")
    return "gb18030" if codecs.lookup(tried).name.startswith("utf") else "utf-8"


def detect_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most steady number of fields (quotes respected)."""
    lines = [ln for ln in text.splitlines()[:60] if ln.strip()]
    if not lines:
        return ","
    sample = "\n".join(lines)
    best, best_score = ",", (-1, -1.0)
    for delim in _DELIMITERS:
        if delim not in sample:
            continue
        try:
            widths = [len(r) for r in csv.reader(io.StringIO(sample), delimiter=delim)]
        except csv.Error:
            continue
        multi = [w for w in widths if w > 1]
        if not multi:
            continue
        mode, count = Counter(multi).most_common(1)[0]
        # Many lines split the same way wins; then more fields (a title row has fewer).
        score = (count, mode + len(multi) / 1000)
        if score > best_score:
            best, best_score = delim, score
    return best


class TextReader(Reader):
    """One sheet named after the file; ``encoding`` overrides detection."""

    name = "text"

    def __init__(self, encoding: str | None = None) -> None:
        self.encoding = encoding

    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        given = normalize_encoding(self.encoding) if self.encoding else None
        enc = given or detect_encoding(data)
        try:
            codecs.lookup(enc)
        except LookupError:
            raise InputError(
                f"unknown encoding {self.encoding!r}; try --encoding gb18030, utf-8 or utf-16", str(path)
            ) from None
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            if given:
                raise InputError(
                    f"cannot decode the file as {self.encoding}; it looks like {_guess_other(data, enc)}: "
                    f"try --encoding {_guess_other(data, enc)} (or leave --encoding out to detect it)",
                    str(path),
                ) from None
            raise InputError(
                "cannot tell the text encoding (not UTF-8, UTF-16, GB18030 or Big5); give it with --encoding, "
                "or save the log as xlsx",
                str(path),
            ) from None
        text = text.lstrip("\ufeff")
        controls = len(_CONTROL.findall(text[:8192]))
        if controls > max(2, len(text[:8192]) // 100):
            hint = (
                f"try --encoding {_guess_other(data, enc)}"
                if given
                else "export the log as xlsx or CSV (this looks like binary data)"
            )
            raise InputError(f"the file does not look like text in {enc}; {hint}", str(path))
        self.detail = f"read as text in {enc}" + (
            f" (detected; if it looks garbled, try --encoding {_guess_alt(enc)})" if not given else ""
        )
        delim = detect_delimiter(text[:65536])
        try:
            rows: list[list[object]] = [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]
        except csv.Error as exc:
            raise InputError(f"cannot split the text into columns ({exc}); save the log as xlsx", str(path)) from None
        yield RawSheet(path.stem, rows)


def _guess_alt(enc: str) -> str:
    return {"utf-8": "gb18030", "gb18030": "big5", "big5": "gb18030"}.get(enc, "gb18030")
