"""Tell what a file really is from its bytes, not its name (an ".xls" may be xlsx, HTML or XML inside).

Kinds returned by :func:`sniff`:

- ``xlsx`` (also xlsm), ``xls`` (BIFF in an OLE container), ``ods``: read by calamine;
- ``html`` (a web OA's "Excel export": an HTML table), ``spreadsheetml`` (Excel 2003 XML): ``ingest.markup``;
- ``text`` (CSV/TSV/TXT in any supported encoding): ``ingest.textfile``;
- ``empty``, ``ole-encrypted`` (a password-protected OOXML workbook), ``ole-other`` (an OLE file that is not a
  workbook, e.g. a .doc), ``corrupt-zip``, ``zip`` (a zip that is no workbook), ``docx``, ``xml`` (some other
  XML), ``binary`` (an image, PDF, executable …): refused with a message saying what the file is.
"""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"BM",
    b"\x1f\x8b",
    b"Rar!",
    b"7z\xbc\xaf",
    b"MZ",
    b"\x7fELF",
    b"II*\x00",
    b"MM\x00*",
    b"RIFF",
    b"\x00\x00\x01\x00",
)
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_HTML_START = re.compile(r"<(?:html|table|!doctype\s+html|meta|head|body|style|title|tr|td|th|thead|tbody)\b")
_U16 = "utf-16-le"


def _ole_has(data: bytes, name: str) -> bool:
    """Whether an OLE container's directory names a stream ``name`` (names are stored as UTF-16LE)."""
    return name.encode(_U16) in data


def decoded_head(data: bytes, size: int = 4096) -> str:
    """The first bytes as lower-case text, good enough to look for markup (BOM and UTF-16 aware)."""
    head = data[:size]
    if head.startswith(b"\xef\xbb\xbf"):
        return head[3:].decode("utf-8", errors="ignore").lower()
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore").lower()
    if len(head) > 1 and head.count(b"\x00") > len(head) // 4:
        enc = _U16 if head[1:2] == b"\x00" else "utf-16-be"
        return head.decode(enc, errors="ignore").lower()
    return head.decode("latin-1").lower()


def _zip_kind(data: bytes) -> str:
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                mime = z.read("mimetype")
                return "ods" if b"spreadsheet" in mime else "zip"
            if any(n.startswith("xl/") for n in names):
                return "xlsx"
            if any(n.startswith("word/") for n in names):
                return "docx"
            if "content.xml" in names:
                return "ods"
    except (zipfile.BadZipFile, OSError, KeyError, ValueError, EOFError, NotImplementedError):
        return "corrupt-zip"
    return "zip"


def sniff(data: bytes) -> str:
    """The kind of file ``data`` is (see the module docstring for the list)."""
    if not data.strip(b" \t\r\n\x00\xef\xbb\xbf\xff\xfe"):
        return "empty"
    if data.startswith(_OLE):
        # Directory entries sit anywhere in the container, but a log's directory is small and early.
        probe = data[:4_000_000]
        if _ole_has(probe, "EncryptedPackage") or _ole_has(probe, "EncryptionInfo"):
            return "ole-encrypted"
        if _ole_has(probe, "Workbook") or _ole_has(probe, "Book"):
            return "xls"
        if _ole_has(probe, "WordDocument") or _ole_has(probe, "PowerPoint Document"):
            return "ole-other"
        return "xls"  # let calamine judge (and report damage) rather than guess
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data)
    if data.startswith(_BINARY_MAGIC):
        return "binary"
    head = decoded_head(data)
    stripped = head.lstrip(" \t\r\n\ufeff")
    if stripped.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in head and "<workbook" in head:
            return "spreadsheetml"
        body = re.sub(r"<\?xml[^>]*\?>|<!--.*?-->", "", stripped, flags=re.DOTALL).lstrip()
        if _HTML_START.match(body) or re.search(r"<(?:html|table)\b", head):
            return "html"
        if stripped.startswith("<?xml"):
            return "xml"
    sample = data[:8192]
    if sample.startswith(_BOMS):
        return "text"
    nul = sample.count(b"\x00")
    if nul and nul <= len(sample) // 4:
        return "binary"
    if not nul:
        controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
        if controls > len(sample) // 20:
            return "binary"
    return "text"
