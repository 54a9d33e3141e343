"""Excel's "Single File Web Page" (.mht/.mhtml): a MIME archive of HTML parts, one per sheet.

Excel and WPS save a workbook this way as one file: a main part (for several sheets a frameset naming
each sheet in ``<x:ExcelWorksheet><x:Name>`` with the part that holds it) and a quoted-printable or
base64 HTML part per sheet. Each part holding a table is read by the HTML reader, named as the
workbook names it.
"""

from __future__ import annotations

import email
import email.policy
import re
from collections.abc import Iterator
from pathlib import Path

from dutyaudit.errors import InputError
from dutyaudit.i18n import msg as i18n_msg
from dutyaudit.ingest.base import RawSheet, Reader
from dutyaudit.ingest.limits import MAX_TEXT_BYTES, LimitError, mib
from dutyaudit.ingest.markup import HtmlReader

_SHEET_SOURCE = re.compile(
    r"<x:Name>([^<]*)</x:Name>\s*<x:WorksheetSource\s+HRef=\"([^\"]+)\"", re.IGNORECASE | re.DOTALL
)


def _base(location: str) -> str:
    return location.replace("\\", "/").rsplit("/", 1)[-1].lower()


class MhtmlReader(Reader):
    """Reads each HTML part holding a table as a sheet."""

    name = "MHTML"

    def __init__(self, encoding: str | None = None) -> None:
        self.encoding = encoding

    def sheets(self, path: Path, data: bytes) -> Iterator[RawSheet]:
        if len(data) > MAX_TEXT_BYTES:  # the MIME parser holds several copies: bound it before parsing
            raise LimitError(
                i18n_msg("lw.file", size=mib(len(data))), i18n_msg("ll.html", size=mib(MAX_TEXT_BYTES)), str(path)
            )
        msg = email.message_from_bytes(data, policy=email.policy.compat32)
        parts = []
        for part in msg.walk():
            if part.get_content_type() != "text/html":
                continue
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                parts.append((part, payload))
        if not parts:
            raise InputError(i18n_msg("err.mht.no_page"), str(path))
        names: dict[str, str] = {}
        for _, payload in parts:
            text = payload.decode("latin-1")
            for raw_name, href in _SHEET_SOURCE.findall(text):
                names[_base(href)] = raw_name
        found = False
        for part, payload in parts:
            if b"<table" not in payload.lower():
                continue
            reader = HtmlReader(self.encoding or part.get_content_charset())
            location = _base(part.get("Content-Location", ""))
            for sheet in reader.sheets(path, payload):
                found = True
                self.detail = reader.detail
                if location in names:
                    sheet.name = _decode_name(names[location], part.get_content_charset())[:31]
                yield sheet
        if not found:
            raise InputError(i18n_msg("err.mht.no_table"), str(path))


def _decode_name(latin: str, charset: str | None) -> str:
    """A sheet name found in a part read as Latin-1, back in the part's own charset."""
    raw = latin.encode("latin-1")
    for enc in (charset, "utf-8", "gb18030"):
        if not enc:
            continue
        try:
            return raw.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    return latin
