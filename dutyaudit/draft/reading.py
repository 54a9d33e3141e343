"""Reading an official document into lines of simplified-Chinese text.

Inputs: ``.txt`` (any encoding the log reader detects), ``.docx`` (python-docx), ``.pdf`` with a text
layer (pypdf) and ``.html`` saved from a government site (navigation, scripts and styles stripped).
Traditional script is converted to simplified (OpenCC ``t2s``) and pinyin annotations that some
portals insert after characters (关(guān)于) are removed, so quotes read like the seeds' ``clean/`` texts.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from dutyaudit.errors import InputError
from dutyaudit.i18n import msg

SUFFIXES = (".txt", ".docx", ".pdf", ".html", ".htm")

_PINYIN = re.compile(r"[(（][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,8}[)）]")
_MAINLAND = {
    "程式": "程序",
    "许可权": "权限",
    "网路": "网络",
    "民众": "群众",
    "格线": "网格",
    "规范性档案": "规范性文件",
}
_TW_TERMS = re.compile("|".join(sorted(_MAINLAND, key=len, reverse=True)))
_SPACES = re.compile(r"[ \t\u00a0]+")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(frozen=True, slots=True)
class Document:
    """A document as lines of simplified text, with where it came from."""

    path: Path
    sha256: str
    lines: tuple[str, ...]
    """Paragraphs in reading order, stripped, blank ones dropped."""
    converted: bool
    """Whether the source was (partly) in traditional script."""

    @property
    def text(self) -> str:
        """All lines joined by newlines (what duty texts are quoted from)."""
        return "\n".join(self.lines)


def read_document(path: Path) -> Document:
    """Read ``path`` (txt, docx, pdf, html) into a :class:`Document`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError(msg("err.draft.not_found"), str(path)) from None
    except OSError as exc:
        raise InputError(msg("err.in.cannot_read", why=exc.strerror), str(path)) from None
    suffix = path.suffix.lower()
    if suffix == ".docx":
        raw = _docx_lines(path)
    elif suffix == ".pdf":
        raw = _pdf_lines(path)
    elif suffix in (".html", ".htm"):
        raw = _html_lines(_decode_html(data, path))
    elif suffix in (".txt", ".text", ""):
        raw = _decode_text(data).splitlines()
    else:
        raise InputError(msg("err.draft.suffix", suffix=suffix, suffixes=", ".join(SUFFIXES)), str(path))
    lines, converted = _clean(raw)
    if not lines:
        raise InputError(msg("err.draft.no_text"), str(path))
    return Document(path, hashlib.sha256(data).hexdigest(), tuple(lines), converted)


def _decode_text(data: bytes) -> str:
    from dutyaudit.ingest.textfile import detect_encoding

    return data.decode(detect_encoding(data), errors="replace")


def _decode_html(data: bytes, path: Path) -> str:
    from dutyaudit.ingest.markup import decode_markup

    return decode_markup(data, None, path)[0]


def _clean(raw: list[str]) -> tuple[list[str], bool]:
    """Strip, drop blanks, remove pinyin annotations, convert traditional → simplified."""
    from dutyaudit.ingest.text import simplify_many

    stripped = []
    for line in raw:
        s = _SPACES.sub(" ", unicodedata.normalize("NFC", line.replace("\u3000", " "))).strip()
        if _CJK.search(s):  # portal artefacts: pinyin after characters, ? for unmapped glyphs
            s = _PINYIN.sub("", s).replace("?", "").strip()
        if s:
            stripped.append(s)
    table = simplify_many(stripped)
    out = [table[s] for s in stripped]
    converted = out != stripped
    if converted:  # Taiwan-style wording back into mainland terms, as the seeds' clean/ texts have it
        out = [_TW_TERMS.sub(lambda m: _MAINLAND[m.group(0)], s) for s in out]
    return out, converted


# ---------------------------------------------------------------- docx


def _docx_lines(path: Path) -> list[str]:
    try:
        import docx
    except ImportError:
        raise InputError(msg("err.draft.needs", what=".docx", lib="python-docx"), str(path)) from None
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(msg("err.draft.bad", what=".docx", why=str(exc)), str(path)) from None
    lines: list[str] = []
    for block in document.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.extend(_xml_text(block).split("\n"))
        elif tag == "tbl":
            for row in block.iter(block.tag.replace("tbl", "tr")):
                cells = [_xml_text(c) for c in row.iter(block.tag.replace("tbl", "tc"))]
                lines.append(" ".join(c for c in cells if c))
    return lines


def _xml_text(el: object) -> str:
    """The text of a docx element: runs joined, <w:br/> and <w:tab/> kept as line break and space."""
    parts: list[str] = []
    for node in el.iter():  # type: ignore[attr-defined]
        tag = node.tag.rsplit("}", 1)[-1]
        if tag == "t" and node.text:
            parts.append(node.text)
        elif tag == "tab":
            parts.append(" ")
        elif tag in ("br", "cr") or (tag == "p" and parts and parts[-1] != "\n"):
            parts.append("\n")
    return "".join(parts).strip()


# ---------------------------------------------------------------- pdf

_MARK_START = re.compile(
    r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)]|\d+[.．、]|[（(]\d+[）)]|[①-⑳]"
    r"|第[一二三四五六七八九十百]+[条章节]|附件)"
)
# text extraction puts a blank between a digit and a character laid out apart (不少于1 次, 2015 年)
_PDF_GAP = re.compile(
    r"(?<=[\u3000-\u9fff\uff00-\uffef\d]) (?=[\u3000-\u9fff\uff00-\uffef])|(?<=[\u3000-\u9fff]) (?=\d)"
)
_SENTENCE_END = re.compile(r"[。；;！？!?]$")


def _pdf_lines(path: Path) -> list[str]:
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError:
        raise InputError(msg("err.draft.needs", what=".pdf", lib="pypdf"), str(path)) from None
    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            raise InputError(msg("err.draft.pdf_encrypted"), str(path))
        pages = [page.extract_text() or "" for page in reader.pages]
    except (PdfReadError, ValueError, KeyError) as exc:
        raise InputError(msg("err.draft.bad", what="PDF", why=str(exc)), str(path)) from None
    return unwrap(_PDF_GAP.sub("", line) for page in pages for line in page.splitlines())


def unwrap(lines: Iterable[str]) -> list[str]:
    """Join lines a PDF wrapped mid-paragraph. A line continues the previous one when the previous one
    ran to the full width of the page (a short line ends its paragraph), ends no sentence, and the line
    does not open a numbered clause. Page numbers (- 3 -, 3) are dropped."""
    kept = [s for s in (str(x).strip() for x in lines) if s and not re.fullmatch(r"[-—–\s]*\d{1,3}[-—–\s]*", s)]
    if not kept:
        return []
    widths = sorted(len(s) for s in kept)
    full = widths[int(len(widths) * 0.9)] * 0.8
    out: list[str] = []
    previous = ""
    for line in kept:
        wrapped = len(previous) >= full and not _SENTENCE_END.search(previous)
        if out and wrapped and not _MARK_START.match(line):
            out[-1] += line
        else:
            out.append(line)
        previous = line
    return out


# ---------------------------------------------------------------- html

_SKIP_TAGS = {"script", "style", "head", "nav", "header", "footer", "noscript", "template", "iframe", "form", "select"}
_BLOCK_TAGS = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "td"}
_NAV_CLASS = re.compile(r"nav|menu|breadcrumb|crumb|footer|header|sidebar|share|toolbar|position|location", re.I)
_NAV_LINE = re.compile(
    r"^(?:您(?:现在)?(?:所在|当前)的?位置|当前位置|首页\s*[>›»]|【?(?:打印|关闭|收藏|分享)|上一篇|下一篇|扫一扫|网站地图)"
)


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = [""]
        self._skip: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._skip:
            if tag == self._skip[-1] and tag not in ("br",):
                self._skip.append(tag)
            return
        marks = " ".join(v or "" for k, v in attrs if k in ("class", "id", "role"))
        if tag in _SKIP_TAGS or (tag in ("div", "ul", "section", "aside") and _NAV_CLASS.search(marks)):
            self._skip.append(tag)
            return
        if tag in _BLOCK_TAGS:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._skip:
            if tag == self._skip[-1]:
                self._skip.pop()
            return
        if tag in _BLOCK_TAGS:
            self.lines.append("")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.lines[-1] += data.replace("\n", " ")


def _html_lines(markup: str) -> list[str]:
    parser = _Text()
    parser.feed(markup)
    parser.close()
    return [line for line in parser.lines if not _NAV_LINE.match(line.strip())]
