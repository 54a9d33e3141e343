"""Tell what a file really is from its bytes, not its name (an ".xls" may be xlsx, HTML or XML inside).

Kinds returned by :func:`sniff`:

- ``xlsx`` (also xlsm), ``xls`` (BIFF in an OLE container), ``ods``, ``fods`` (Flat ODS): read by calamine;
- ``html`` (a web OA's "Excel export": an HTML table), ``spreadsheetml`` (Excel 2003 XML): ``ingest.markup``;
- ``mhtml`` (Excel's "Single File Web Page" .mht): ``ingest.mhtml``;
- ``sylk``, ``dif`` (the text interchange formats Excel, WPS and LibreOffice save): ``ingest.interchange``;
- ``text`` (CSV/TSV/TXT in any supported encoding, UTF-16 also without a BOM): ``ingest.textfile``;
- ``empty``, ``ole-encrypted`` (a password-protected OOXML workbook), ``ods-encrypted``, ``ole-other`` (an OLE
  file that is not a workbook, e.g. a .doc), ``corrupt-zip``, ``zip`` (a zip that is no workbook), ``docx``, ``pptx``,
  ``numbers`` (Apple Numbers/iWork), ``json`` (what a web system sends instead of the file when the export
  fails), ``xml`` (some other XML), ``biff-old`` (Excel 4 and older), ``binary`` (an image, PDF, executable …):
  refused with a message saying what the file is.
"""

from __future__ import annotations

import json
import re
import struct
import zipfile
import zlib
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from dutyaudit.ingest.limits import MAX_ZIP_MEMBERS

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_MAGIC = (
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"%PDF",
    b"BM",
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
_WORKBOOK_TYPE = re.compile(rb"spreadsheetml\.(?:sheet|template)\.main\+xml|ms-excel\.(?:sheet|template)\.macroEnabled")
_ODF_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
#: Compressed files and archives, by their magic bytes (a gzip may be a Gnumeric workbook: looked into first).
_ARCHIVES = ((b"\x1f\x8b", "gzip"), (b"BZh", "bzip2"), (b"\xfd7zXZ\x00", "xz"), (b"Rar!", "rar"), (b"7z\xbc\xaf", "7z"))
_DBF_VERSIONS = frozenset((0x02, 0x03, 0x30, 0x31, 0x32, 0x43, 0x63, 0x83, 0x8B, 0xCB, 0xF5, 0xFB))
_GNUMERIC = re.compile(rb"<gnm:Workbook\b|gnumeric\.org/v\d+\.dtd")
#: BOF record types opening a BIFF2, BIFF3, BIFF4 (or container-less BIFF5) workbook: Excel 4 and older.
_OLD_BIFF = (b"\x09\x00", b"\x09\x02", b"\x09\x04", b"\x09\x08")


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
    enc = utf16_without_bom(head)
    if enc:
        return head.decode(enc, errors="ignore").lower()
    return head.decode("latin-1").lower()


def utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le`` or ``utf-16-be`` when ``head`` reads as UTF-16 text without a BOM, else None.

    ASCII characters (digits, commas, tabs, line ends) put a NUL in every other byte — odd bytes for
    little-endian, even for big-endian — while Chinese characters have none; so the NULs sit on one side
    only, and the whole decodes to text without control characters.
    """
    head = head[: len(head) & ~1]
    if len(head) < 4:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)
    many, few = max(even, odd), min(even, odd)
    if many < max(2, len(head) // 40) or few > many // 10:
        return None
    enc = "utf-16-le" if odd > even else "utf-16-be"
    text = head.decode(enc, errors="replace")
    bad = sum(1 for ch in text if ch == "\ufffd" or (ch < " " and ch not in "\t\r\n"))
    return enc if bad <= max(1, len(text) // 100) else None


def utf32_without_bom(head: bytes) -> str | None:
    """``utf-32-le`` or ``utf-32-be`` when ``head`` reads as UTF-32 text (every character's high byte is 0)."""
    head = head[: len(head) & ~3]
    if len(head) < 8:
        return None
    for enc, zero in (("utf-32-be", 0), ("utf-32-le", 3)):
        if head[zero::4].count(0) == len(head) // 4:
            try:
                text = head.decode(enc)
            except UnicodeDecodeError:
                continue
            if sum(1 for ch in text if ch < " " and ch not in "\t\r\n\v\f") <= len(text) // 100:
                return enc
    return None


def _text_but_nul(sample: bytes) -> bool:
    """Whether ``sample`` is text once its few NUL bytes are dropped (UTF-8 or GB18030, no other controls)."""
    rest = sample.replace(b"\x00", b"")
    if sum(1 for b in rest if b < 9 or 13 < b < 32) > len(rest) // 100:
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            rest.decode(enc)
            return True
        except UnicodeDecodeError:
            continue
    return False


def _json_kind(data: bytes) -> bool:
    """Whether the file is a small JSON document (an OA's error reply saved as the "export")."""
    if len(data) > 1_000_000:
        return False
    try:
        value = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(value, dict | list)


#: What reading a damaged or unusual zip can raise: a bad archive, a missing member, a truncated stream, or
#: a compression method zipfile does not implement (zipfile raises NotImplementedError for those).
ZIP_ERRORS: tuple[type[Exception], ...] = (
    zipfile.BadZipFile,
    OSError,
    KeyError,
    ValueError,
    EOFError,
    NotImplementedError,
)

#: Written into the keywords of every scorecard and batch summary, so they are never read back as logs.
REPORT_MARK = "dutyaudit-report"


def is_report(path: Path) -> bool:
    """Whether ``path`` is a scorecard or summary workbook written by dutyaudit (not a log)."""
    try:
        with open(path, "rb") as fh:
            if zip_members(fh) > MAX_ZIP_MEMBERS:
                return False
        with zipfile.ZipFile(path) as z:
            return REPORT_MARK.encode() in z.read("docProps/core.xml")
    except ZIP_ERRORS:
        return False


def _declares_workbook(z: zipfile.ZipFile, names: set[str]) -> bool:
    """Whether [Content_Types].xml names a workbook part, wherever it sits (at the root, in an odd folder)."""
    for name in names:
        if name.replace("\\", "/").lstrip("/") == "[Content_Types].xml" and z.getinfo(name).file_size < 4 * 1024**2:
            return bool(_WORKBOOK_TYPE.search(z.read(name)))
    return False


def zip_members(fh: BinaryIO) -> int:
    """How many members a zip's end record declares (0 when it has none to read): known before the central
    directory is parsed, so a zip of a million empty members costs nothing to refuse."""
    try:
        end = zipfile._EndRecData(fh)  # type: ignore[attr-defined]  # stable since Python 2.6
    except (OSError, ValueError, struct.error):
        return 0
    return int(end[zipfile._ECD_ENTRIES_TOTAL]) if end else 0  # type: ignore[attr-defined]


def _zip_kind(data: bytes) -> str:
    if zip_members(BytesIO(data)) > MAX_ZIP_MEMBERS:
        return "zip-huge"
    try:
        with zipfile.ZipFile(BytesIO(data)) as z:
            names = set(z.namelist())
            if "mimetype" in names:
                mime = z.read("mimetype")
                if b"spreadsheet" not in mime:
                    return "zip"
                manifest = z.read("META-INF/manifest.xml") if "META-INF/manifest.xml" in names else b""
                return "ods-encrypted" if b"encryption-data" in manifest else "ods"
            parts = {n.replace("\\", "/").lstrip("/") for n in names}
            if any(n.startswith("xl/") for n in parts) or _declares_workbook(z, names):
                core = z.read("docProps/core.xml") if "docProps/core.xml" in names else b""  # ours: plain names
                return "dutyaudit-report" if REPORT_MARK.encode() in core else "xlsx"
            if any(n.startswith("word/") for n in parts):
                return "docx"
            if any(n.startswith("ppt/") for n in parts):
                return "pptx"
            if "content.xml" in parts:
                return "ods"
            if any(n.startswith("Index/") and n.endswith(".iwa") for n in names):
                return "numbers"
    except ZIP_ERRORS:
        return "corrupt-zip"
    return "zip"


def _archive_kind(data: bytes) -> str | None:
    """``gnumeric``, or the compression format (``gzip``, ``bzip2`` …) when ``data`` is a compressed file."""
    kind = next((k for magic, k in _ARCHIVES if data.startswith(magic)), None)
    if kind is None:
        return None
    if kind == "bzip2" and not re.match(rb"BZh[1-9]1AY&SY", data):
        return None
    if kind == "gzip":  # only the first few KiB are inflated: a gzip bomb costs nothing here
        try:
            head = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], 4096)
        except zlib.error:
            head = b""
        if _GNUMERIC.search(head):
            return "gnumeric"
    return kind


def _is_dbf(data: bytes) -> bool:
    """Whether ``data`` is a dBase/FoxPro table (.dbf): a version byte, a date, and a header whose field list
    ends where the records begin, their count times their length filling the file."""
    if len(data) < 65 or data[0] not in _DBF_VERSIONS or not (1 <= data[2] <= 12 and 1 <= data[3] <= 31):
        return False
    records, header, length = struct.unpack_from("<IHH", data, 4)
    if header < 65 or length < 2 or header >= len(data) or abs(header + records * length - len(data)) > 1:
        return False
    return any(data[i] == 0x0D for i in range(64, min(header, 64 + 32 * 255), 32))


def _is_mhtml(head: bytes) -> bool:
    """Whether ``head`` opens a MIME archive of web parts (Excel's .mht)."""
    start = head.lstrip(b"\xef\xbb\xbf\r\n ").lower()
    return start.startswith((b"mime-version:", b"from:", b"x-document-type:")) and b"multipart/related" in start


def sniff_interchange(head: bytes) -> str | None:
    """``"sylk"`` or ``"dif"`` when ``head`` (the file's first bytes) opens such a file, else None."""
    start = head.lstrip(b"\xef\xbb\xbf")
    if start.startswith(b"ID;") and re.match(rb"ID;[^\r\n]*\r?\n(?:[A-Z];|E\b)", start):
        return "sylk"
    if re.match(rb'TABLE\r?\n0,1\r?\n"[^\r\n]*"\r?\n', start):
        return "dif"
    return None


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
    if data[:2] in _OLD_BIFF and len(data) >= 8 and 4 <= int.from_bytes(data[2:4], "little") <= 20:
        return "biff-old"
    archive = _archive_kind(data)
    if archive:
        return archive
    if _is_dbf(data):
        return "dbf"
    if data.startswith(_BINARY_MAGIC):
        return "binary"
    if data[:256].lstrip(b" \t\r\n\xef\xbb\xbf")[:1] in (b"{", b"[") and _json_kind(data):
        return "json"
    head = decoded_head(data)
    stripped = head.lstrip(" \t\r\n\ufeff")
    if stripped.startswith("<"):
        if "urn:schemas-microsoft-com:office:spreadsheet" in head and "<workbook" in head:
            return "spreadsheetml"
        if _GNUMERIC.search(data[:4096]):
            return "gnumeric"  # before Flat ODS: its metadata is an <office:document-meta>
        if _ODF_OFFICE in head and "<office:document" in head:
            return "fods"  # LibreOffice's Flat ODS: the ODS content in one XML file
        body = re.sub(r"<\?xml[^>]*\?>|<!--.*?-->", "", stripped, flags=re.DOTALL).lstrip()
        if _HTML_START.match(body) or re.search(r"<(?:html|table)\b", head):
            return "html"
        if stripped.startswith("<?xml"):
            return "xml"
    if _is_mhtml(data[:4096]):
        return "mhtml"
    interchange = sniff_interchange(data[:4096])
    if interchange:
        return interchange
    sample = data[:8192]
    if sample.startswith(_BOMS) or utf16_without_bom(sample) or utf32_without_bom(sample):
        return "text"
    nul = sample.count(b"\x00")
    if nul and nul <= max(1, len(sample) // 200) and _text_but_nul(sample):
        return "text"  # a stray NUL in a text file (the text reader drops it, with a warning)
    if nul and nul <= len(sample) // 4:
        return "binary"
    if not nul:
        controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
        if controls > len(sample) // 20:
            return "binary"
    return "text"
