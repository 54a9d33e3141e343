"""Reading documents for `packs draft`: txt in any encoding, traditional script, html, docx and pdf."""

from __future__ import annotations

import zlib
from pathlib import Path

import pytest

from dutyaudit.draft import draft_pack
from dutyaudit.draft.reading import read_document, unwrap
from dutyaudit.errors import InputError

DOC = """关于印发《示范县法治建设责任清单》的通知
示范县法治建设责任清单
一、党委主要负责人职责
（一）每年至少听取2次法治建设工作汇报。
（二）推动建立党委法律顾问制度。
二、政府主要负责人职责
（一）每年3月1日前报告上一年度法治政府建设情况。
（二）年内执法人员法治培训不少于40学时。
"""


class _Vocab:
    """A stand-in vocabulary: 汇报 and 法律顾问 are concepts, nothing else."""

    def concepts_named_in(self, sentence: str) -> list[str]:
        return [c for c, cue in (("听取法治建设汇报", "汇报"), ("法律顾问", "法律顾问")) if cue in sentence]


def pdf_bytes(lines: list[str]) -> bytes:
    """A PDF with a text layer: each line drawn with a CID font whose ToUnicode map is the identity, so
    the glyph id of a character is its code point (no font is embedded; readers extract the text)."""
    content = ["BT /F1 12 Tf 14 TL 40 800 Td"]
    for line in lines:
        content.append(f"<{''.join(f'{ord(ch):04X}' for ch in line)}> Tj T*")
    content.append("ET")
    stream = zlib.compress("\n".join(content).encode("ascii"))
    ranges = [f"<{hi:02X}00> <{hi:02X}FF> <{hi:02X}00>" for hi in range(256)]
    blocks = "\n".join(
        f"{len(ranges[i : i + 100])} beginbfrange\n" + "\n".join(ranges[i : i + 100]) + "\nendbfrange"
        for i in range(0, 256, 100)
    )
    cmap = (
        "/CIDInit /ProcSet findresource begin 12 dict begin begincmap /CMapName /Identity-UCS def /CMapType 2 def\n"
        "1 begincodespacerange <0000> <FFFF> endcodespacerange\n" + blocks + "\nendcmap CMapName currentdict /CMap "
        "defineresource pop end end"
    ).encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        b"<< /Length %d >>\nstream\n" % len(cmap) + cmap + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def docx_file(path: Path, lines: list[str]) -> Path:
    import docx

    document = docx.Document()
    for line in lines:
        document.add_paragraph(line)
    document.save(str(path))
    return path


def _duties(path: Path) -> list[tuple[str, str, str, str]]:
    pack = draft_pack(path, "demo", vocab=_Vocab()).pack
    return [(d.role, d.clause, d.text, d.kind) for d in pack.duties]


@pytest.fixture
def txt(tmp_path: Path) -> Path:
    path = tmp_path / "demo.txt"
    path.write_text(DOC, encoding="utf-8")
    return path


@pytest.mark.parametrize("encoding", ["utf-8-sig", "gb18030", "utf-16"])
def test_txt_in_any_encoding_drafts_the_same(tmp_path: Path, txt: Path, encoding: str) -> None:
    other = tmp_path / f"demo-{encoding}.txt"
    other.write_bytes(DOC.encode(encoding))
    assert _duties(other) == _duties(txt)


def test_txt_draft_reads_every_clause(txt: Path) -> None:
    assert _duties(txt) == [
        ("party", "一（一）", "每年至少听取2次法治建设工作汇报", "count"),
        ("party", "一（二）", "推动建立党委法律顾问制度", "evidence"),
        ("government", "二（一）", "每年3月1日前报告上一年度法治政府建设情况", "deadline"),
        ("government", "二（二）", "年内执法人员法治培训不少于40学时", "sum"),
    ]


def test_docx_drafts_the_same_pack_as_txt(tmp_path: Path, txt: Path) -> None:
    path = docx_file(tmp_path / "demo.docx", DOC.splitlines())
    assert _duties(path) == _duties(txt)


def test_pdf_drafts_the_same_pack_as_txt(tmp_path: Path, txt: Path) -> None:
    path = tmp_path / "demo.pdf"
    path.write_bytes(pdf_bytes(DOC.splitlines()))
    assert _duties(path) == _duties(txt)


def test_pdf_lines_wrapped_mid_sentence_are_joined() -> None:
    lines = [
        "一、总体要求",
        "（一）每年至少听取2次法治建设",
        "工作汇报，及时研究解决问题。",
        "- 2 -",
        "（二）推动建立制度。",
    ]
    assert unwrap(lines) == [
        "一、总体要求",
        "（一）每年至少听取2次法治建设工作汇报，及时研究解决问题。",
        "（二）推动建立制度。",
    ]


def test_html_navigation_is_stripped(tmp_path: Path, txt: Path) -> None:
    body = "".join(f"<p>{line}</p>" for line in DOC.splitlines())
    html = (
        '<html><head><meta charset="gb2312"><title>首页</title><script>var a = "一、脚本";</script></head><body>'
        '<div class="nav"><a>首页</a><a>一、政务公开</a></div>'
        '<div class="position">您现在所在的位置：首页 &gt; 文件</div>'
        f'<div class="article">{body}</div><div id="footer">（一）版权所有 网站地图</div></body></html>'
    )
    path = tmp_path / "demo.html"
    path.write_bytes(html.encode("gb18030"))
    assert _duties(path) == _duties(txt)
    assert "政务公开" not in read_document(path).text


def test_traditional_script_is_quoted_in_simplified(tmp_path: Path) -> None:
    text = "示範縣法治建設責任清單\n一、政府主要負責人職責\n（一）每年舉辦兩期以上法治專題講座。\n"
    text += "（二）嚴格執行重大行政決策程式。\n"
    path = tmp_path / "trad.txt"
    path.write_bytes(text.encode("big5"))
    annotated = tmp_path / "pinyin.txt"  # a portal's pinyin after characters and ? for unmapped glyphs
    annotated.write_text(text.replace("政府", "政(zhèng)府(fǔ)?").replace("講座", "講(jiǎng)座"), encoding="utf-8")
    assert read_document(annotated).lines == read_document(path).lines
    doc = read_document(path)
    assert doc.converted
    assert doc.lines[1] == "一、政府主要负责人职责"
    duties = _duties(path)
    assert duties[0] == ("government", "一（一）", "每年举办两期以上法治专题讲座", "count")
    assert duties[1][2] == "严格执行重大行政决策程序"  # Taiwan wording put back into mainland terms


def test_unsupported_and_empty_documents_are_input_errors(tmp_path: Path) -> None:
    odd = tmp_path / "list.rtf"
    odd.write_text("{\\rtf1}", encoding="ascii")
    with pytest.raises(InputError, match=r"cannot draft from a \.rtf file"):
        read_document(odd)
    blank = tmp_path / "blank.txt"
    blank.write_text("\n \n", encoding="utf-8")
    with pytest.raises(InputError, match="no text"):
        read_document(blank)
    flat = tmp_path / "flat.txt"
    flat.write_text("没有编号的一段话。\n", encoding="utf-8")
    with pytest.raises(InputError, match="no numbered clauses"):
        draft_pack(flat, vocab=_Vocab())
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(InputError, match=r"not a readable \.docx"):
        read_document(broken)


def test_pdf_wrapped_lines_and_digit_gaps(tmp_path: Path, txt: Path) -> None:
    """A PDF line wrapped at the page width rejoins its paragraph; a blank the layout put between a digit
    and a character (不少于40 学时) goes."""
    lines = DOC.splitlines()
    wrapped = []
    for line in lines:
        if line.startswith("（二）年内"):
            wrapped.append("（二）年内执法人员法治培训不少于40 学时。")
        elif line.startswith("（一）每年3月"):
            wrapped += ["（一）每年3 月1 日前报告上一年度法治政府", "建设情况。"]
        else:
            wrapped.append(line)
    path = tmp_path / "wrapped.pdf"
    path.write_bytes(pdf_bytes(wrapped))
    assert _duties(path) == _duties(txt)
