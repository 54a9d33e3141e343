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
from dutyaudit.i18n import msg
from dutyaudit.ingest.base import RawSheet, Reader
from dutyaudit.ingest.limits import MAX_CELL_CHARS, MAX_CELLS, MAX_TEXT_BYTES, MAX_TEXT_ROWS, LimitError, mib
from dutyaudit.ingest.sniff import utf16_without_bom, utf32_without_bom

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
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
    "ucs-4": "utf-32",
    "utf32": "utf-32",
    "big-5": "big5",
    "cp950": "big5",
}
_DELIMITERS = (",", "\t", ";", "|", "，")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f]")  # \v and \f are whitespace (csvkit's test files hold them)
_SEP_LINE = re.compile(r'^"?sep=([^\n"])"?[ \t]*(?:\n|$)', re.IGNORECASE)


def normalize_encoding(name: str) -> str:
    """A codec name Python knows for what people type: gbk/gb2312/cp936 → gb18030 (their superset)."""
    key = name.strip().lower().replace("_", "-")
    return _ALIASES.get(key, _ALIASES.get(key.replace("-", ""), name.strip()))


def detect_encoding(data: bytes) -> str:
    """BOM first; then UTF-16 or UTF-32 by NUL bytes; then strict UTF-8; then GB18030 or Big5 (when both decode, the one
    giving common characters); else UTF-8."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    u16 = utf16_without_bom(data[:8192]) or utf32_without_bom(data[:8192])
    if u16:
        return u16
    fits = []
    for enc in ("utf-8", "gb18030", "big5"):
        try:
            data.decode(enc)
        except UnicodeDecodeError:
            continue
        if enc == "utf-8":
            return enc
        fits.append(enc)
    if len(fits) == 2 and _common_share(data, "big5") > _common_share(data, "gb18030"):
        return "big5"  # Big5 bytes often decode as GBK too, into rare characters
    return fits[0] if fits else "utf-8"


def _common_share(data: bytes, enc: str) -> float:
    """The share of distinct Chinese characters in the first 64 KiB, decoded as ``enc``, that are common ones:
    level-1 characters of GB2312 (simplified) or of Big5 (traditional). A wrong decoding gives rare ones."""
    chars = {ch for ch in data[:65536].decode(enc, errors="ignore") if ch >= "\u2e80"}
    if not chars:
        return 0.0
    return sum(1 for ch in chars if _common(ch)) / len(chars)


def _common(ch: str) -> bool:
    try:
        return 0xB0 <= ch.encode("gb2312")[0] <= 0xD7
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= ch.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False


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
        if len(data) > MAX_TEXT_BYTES:
            raise LimitError(
                msg("lw.text_size", size=mib(len(data))),
                msg("ll.text", size=mib(MAX_TEXT_BYTES)),
                str(path),
                msg("la.xlsx"),
            )
        given = normalize_encoding(self.encoding) if self.encoding else None
        enc = given or detect_encoding(data)
        notes = []
        if not enc.startswith(("utf-16", "utf-32")) and b"\x00" in data:
            nuls = data.count(b"\x00")
            if nuls <= max(1, len(data) // 200):
                data = data.replace(b"\x00", b"")
                notes.append(msg("warn.nul", n=nuls, s="s" if nuls > 1 else ""))
        try:
            codecs.lookup(enc)
        except LookupError:
            raise InputError(msg("err.txt.encoding", enc=self.encoding), str(path)) from None
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            if given:
                raise InputError(
                    msg("err.txt.decode_given", enc=self.encoding, other=_guess_other(data, enc)), str(path)
                ) from None
            raise InputError(msg("err.txt.decode"), str(path)) from None
        text = text.lstrip("\ufeff")
        controls = len(_CONTROL.findall(text[:8192]))
        if controls > max(2, len(text[:8192]) // 100):
            hint = (
                f"try --encoding {_guess_other(data, enc)}"
                if given
                else "export the log as xlsx or CSV (this looks like binary data)"
            )
            raise InputError(msg("err.txt.binary", enc=enc, hint=hint), str(path))
        self.detail = msg("detail.text", enc=enc, alt="" if given else msg("detail.text_alt", enc=_guess_alt(enc)))
        text = text.replace("\r\n", "\n")  # a line break inside a quoted cell shows as one in the title
        delim = ""
        m = _SEP_LINE.match(text)
        if m:  # Excel's "sep=;" line: it names the delimiter and is not shown as a row
            delim, text = m.group(1), text[m.end() :]
        delim = delim or detect_delimiter(text[:65536])
        rows = _split(text, delim, path)
        if '="' in text:  # ="2023-03-15": how web systems keep Excel from turning a value into a number
            rows = [[_unwrap(c) for c in r] for r in rows]
        yield RawSheet(path.stem, rows, notes=notes)


def _split(text: str, delim: str, path: Path) -> list[list[object]]:
    """The rows of delimited text: at most :data:`MAX_TEXT_ROWS` lines, :data:`MAX_CELLS` cells, each cell at most
    :data:`MAX_CELL_CHARS` long."""
    lines = text.count("\n") + text.count("\r")
    if lines >= MAX_TEXT_ROWS:
        raise LimitError(msg("lw.text_lines", n=f"{lines:,}"), msg("ll.text_lines", n=f"{MAX_TEXT_ROWS:,}"), str(path))
    if text.count(delim) + lines >= MAX_CELLS:  # an upper bound (quoted delimiters count too)
        raise LimitError(msg("lw.text_cells", n=f"{MAX_CELLS:,}"), msg("ll.cells", n=f"{MAX_CELLS:,}"), str(path))
    old_limit = csv.field_size_limit(MAX_CELL_CHARS)
    try:
        return [list(r) for r in csv.reader(io.StringIO(text, newline=""), delimiter=delim)]
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):
            raise LimitError(msg("lw.cell_text"), msg("ll.chars", n=f"{MAX_CELL_CHARS:,}"), str(path)) from None
        raise InputError(msg("err.txt.split", why=str(exc)), str(path)) from None
    finally:
        csv.field_size_limit(old_limit)


def _unwrap(cell: object) -> object:
    """``="2023-03-15"`` → ``2023-03-15`` (an Excel formula that is only a text literal)."""
    if isinstance(cell, str) and cell.startswith('="') and cell.endswith('"') and len(cell) >= 3:
        return cell[2:-1].replace('""', '"')
    return cell


def _guess_alt(enc: str) -> str:
    return {"utf-8": "gb18030", "gb18030": "big5", "big5": "gb18030"}.get(enc, "gb18030")
