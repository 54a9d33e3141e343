"""An xlsx whose XML parts are UTF-16, rewritten as UTF-8 for calamine.

XML may be UTF-16, and some writers (.NET ``XmlWriter`` with its default encoding) produce such parts;
calamine reads only UTF-8 and stops at a UTF-16 ``workbook.xml`` ("Cannot detect file format", "workbook").
Asked only once calamine has failed to open a workbook, so an ordinary xlsx pays nothing; the rewritten
workbook goes through the size and extent guard again before calamine sees it.
"""

from __future__ import annotations

import io
import re
import zipfile

from dutyaudit.ingest.sniff import ZIP_ERRORS

_DECL_ENCODING = re.compile(r"""^(\s*<\?xml[^>]*?encoding\s*=\s*["'])[^"']*""")


def _utf16(head: bytes) -> str | None:
    """The codec of an XML part that starts as UTF-16 (a BOM, or ``<`` with a NUL beside it), else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    if head.startswith(b"<\x00"):
        return "utf-16-le"
    if head.startswith(b"\x00<"):
        return "utf-16-be"
    return None


def utf8_parts(data: bytes) -> bytes | None:
    """The xlsx with every UTF-16 XML part re-encoded as UTF-8 (its declaration saying so); None when no part
    is UTF-16, or the zip or a part cannot be read (calamine's own error then stands)."""
    try:
        src = zipfile.ZipFile(io.BytesIO(data))
        with src:
            infos = src.infolist()
            found = False
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels")):
                    with src.open(info) as fh:
                        found = _utf16(fh.read(2)) is not None
                    if found:
                        break
            if not found:
                return None
            out = io.BytesIO()
            with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
                for info in infos:
                    body = src.read(info)
                    codec = _utf16(body[:2]) if info.filename.lower().endswith((".xml", ".rels")) else None
                    if codec:
                        text = body.decode(codec).lstrip("\ufeff")
                        body = _DECL_ENCODING.sub(r"\g<1>UTF-8", text, count=1).encode("utf-8")
                    z.writestr(info, body)
            return out.getvalue()
    except ZIP_ERRORS:  # (a UnicodeDecodeError is a ValueError)
        return None
