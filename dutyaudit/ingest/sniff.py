"""Tell what a file really is from its leading bytes (an .xls may be xlsx, HTML or XML inside)."""

from __future__ import annotations

import re
import zipfile
from io import BytesIO

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_IMAGE_MAGIC = (
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
)


def _decoded_head(data: bytes) -> str:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head.decode("utf-16", errors="ignore").lower()
    if head.count(b"\x00") > len(head) // 4 and len(head) > 1:
        enc = "utf-16-le" if head[1:2] == b"\x00" else "utf-16-be"
        return head.decode(enc, errors="ignore").lower()
    return head.decode("latin-1").lower()


def sniff(data: bytes) -> str:
    """One of: empty, ole-encrypted, xls, xlsx, ods, zip, html, spreadsheetml, binary, text."""
    if not data.strip():
        return "empty"
    if data.startswith(_OLE):
        return (
            "ole-encrypted"
            if "EncryptedPackage".encode("utf-16-le") in data[:1_000_000] or (b"EncryptedPackage" in data[:1_000_000])
            else "xls"
        )
    if data.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(BytesIO(data)) as z:
                names = set(z.namelist())
                if "mimetype" in names and b"spreadsheet" in z.read("mimetype"):
                    return "ods"
                if "[Content_Types].xml" in names and any(n.startswith("xl/") for n in names):
                    return "xlsx"
        except (zipfile.BadZipFile, OSError, KeyError, ValueError):
            return "corrupt-zip"
        return "zip"
    if data.startswith(_IMAGE_MAGIC):
        return "binary"
    head = _decoded_head(data)
    if "urn:schemas-microsoft-com:office:spreadsheet" in head and "<workbook" in head:
        return "spreadsheetml"
    if re.search(r"<(html|table|!doctype html|meta|head|body)\b", head):
        return "html"
    sample = data[:8192]
    if b"\x00" in sample and not (
        sample.startswith((b"\xff\xfe", b"\xfe\xff")) or sample.count(b"\x00") > len(sample) // 4
    ):
        return "binary"
    return "text"
