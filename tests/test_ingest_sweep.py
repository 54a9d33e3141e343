"""Findings of a sweep of other readers' test files, rebuilt as small synthetic inputs (no third-party file
is kept here): compressed files, dBase tables and Gnumeric workbooks say what they are, a web system's
SpreadsheetML with HTML entities reads, an xlsx with UTF-16 XML parts reads, an XHTML page's DTD subset is no
page text, an error raised in the isolated .xls reader keeps the run's language, and a sheet thousands of
columns wide is searched for its header in seconds, not minutes."""

from __future__ import annotations

import bz2
import gzip
import lzma
import os
import random
import re
import struct
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import small_xlsx

from dutyaudit.errors import InputError
from dutyaudit.i18n import msg
from dutyaudit.ingest import IngestOptions, columns, headerless, ingest
from dutyaudit.ingest.isolate import can_isolate, run_isolated
from dutyaudit.ingest.limits import LimitError
from dutyaudit.ingest.sniff import sniff

DATA = Path(__file__).parent / "data"
CSV = "日期,事项\n2023-03-15,法治专题讲座\n".encode()
GNUMERIC = (
    b'<?xml version="1.0" encoding="UTF-8"?>\n'
    b'<gnm:Workbook xmlns:gnm="http://www.gnumeric.org/v10.dtd">\n'
    b'<office:document-meta xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" office:version="1.2">'
    b"</office:document-meta>\n<gnm:Sheets/></gnm:Workbook>\n"
)


def _dbf() -> bytes:
    """A dBase III table of two records with one text field."""
    head = struct.pack("<B3BIHH20x", 0x03, 123, 1, 15, 2, 65, 11)
    field = b"TITLE".ljust(11, b"\0") + b"C" + bytes(4) + bytes([10, 0]) + bytes(14)
    return head + field + b"\r" + b" " + b"meeting".ljust(10) + b" " + b"training".ljust(10) + b"\x1a"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (gzip.compress(CSV), "gzip"),
        (bz2.compress(CSV), "bzip2"),
        (lzma.compress(CSV), "xz"),
        (gzip.compress(GNUMERIC), "gnumeric"),
        (GNUMERIC, "gnumeric"),  # not Flat ODS, for all its <office:document-meta>
        (b"BZh is how this text file starts\n", "text"),
        (_dbf(), "dbf"),
        (b"2023-03-15,2023-03-16\n" * 4, "text"),
    ],
)
def test_compressed_files_and_gnumeric_are_told_apart(data: bytes, kind: str) -> None:
    assert sniff(data) == kind


def test_a_gzip_bomb_is_sniffed_without_inflating_it() -> None:
    bomb = gzip.compress(b"\0" * (64 * 1024**2), compresslevel=9)
    start = time.perf_counter()
    assert sniff(bomb) == "gzip"
    assert time.perf_counter() - start < 2


@pytest.mark.parametrize(
    ("name", "data", "expect"),
    [
        ("log.csv.gz", gzip.compress(CSV), "这是 gzip 压缩文件，不是工作簿；请解压后给出其中的台账文件"),
        ("log.gnumeric", gzip.compress(GNUMERIC), "这是 Gnumeric 工作簿（.gnumeric），不能直接读取"),
        ("log.dbf", _dbf(), "这是 dBase/FoxPro 数据表（.dbf），不是工作簿"),
    ],
)
def test_compressed_and_gnumeric_files_exit_2_saying_what_to_do(
    tmp_path: Path, run, mini_pack: Path, name: str, data: bytes, expect: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    res = run("check", path, "--pack", mini_pack)
    assert res.exit_code == 2, res.stdout
    assert len(res.stderr.strip().splitlines()) == 1
    assert expect in res.stderr


def test_spreadsheetml_with_html_entities_reads(tmp_path: Path) -> None:
    """A web system that writes SpreadsheetML itself escapes text as HTML (&ldquo; &nbsp;): read as such."""
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="台账"><Table>'
        '<Row><Cell><Data ss:Type="String">日期</Data></Cell><Cell><Data ss:Type="String">事项</Data></Cell></Row>'
        '<Row><Cell><Data ss:Type="String">2023-03-15</Data></Cell>'
        '<Cell><Data ss:Type="String">&ldquo;法治&rdquo;专题讲座&nbsp;&amp;&AMP;&lt;&LT;研讨</Data></Cell></Row>'
        "</Table></Worksheet></Workbook>\n"
    )
    path = tmp_path / "web-export.xls"
    path.write_text(xml, encoding="utf-8")
    acts = ingest([path], IngestOptions(year=2023))
    assert [a.title for a in acts.rows] == ["“法治”专题讲座\xa0&&<<研讨"]


def test_spreadsheetml_with_an_unknown_entity_is_still_damaged(tmp_path: Path) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table>'
        "<Row><Cell><Data>&nosuchentity;</Data></Cell></Row></Table></Worksheet></Workbook>",
        encoding="utf-8",
    )
    with pytest.raises(InputError, match="damaged"):
        ingest([path])


@pytest.mark.skipif(not can_isolate(), reason="no fork/setrlimit here")
def test_an_error_in_the_isolated_reader_keeps_the_runs_language() -> None:
    with pytest.raises(InputError) as err:
        run_isolated(lambda: (_ for _ in ()).throw(InputError(msg("err.in.encrypted"), "child")), "x")
    assert err.value.text("zh") == "x: 工作簿设有密码（已加密）；请打开后取消密码，另存一份"
    assert err.value.text("en").startswith("x: the workbook is password-protected")
    with pytest.raises(InputError) as err:
        run_isolated(os.abort, "x")
    assert "（读取进程被信号 6 终止）" in err.value.text("zh")


def test_an_encrypted_xls_is_refused_in_chinese(run, mini_pack: Path) -> None:
    res = run("check", DATA / "encrypted.xls", "--pack", mini_pack)
    assert res.exit_code == 2
    assert "encrypted.xls: 工作簿设有密码（已加密）" in res.stderr


def _xlsx_utf16(parts: tuple[str, ...], edit: Callable[[str], str] = lambda t: t) -> bytes:
    """A small log saved as xlsx, the named XML parts re-encoded as UTF-16 (as some .NET writers save them)."""

    def utf16(name: str, body: bytes) -> bytes:
        if name not in parts:
            return body
        text = re.sub(r'encoding="[^"]*"', 'encoding="UTF-16"', edit(body.decode()), count=1)
        return b"\xfe\xff" + text.encode("utf-16-be")

    return small_xlsx(utf16)


@pytest.mark.parametrize(
    "parts",
    [
        ("xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"),  # calamine cannot open it
        ("xl/worksheets/sheet1.xml",),  # calamine opens it and reads the sheet as empty
    ],
)
def test_xlsx_with_utf16_xml_parts_reads(tmp_path: Path, parts: tuple[str, ...]) -> None:
    path = tmp_path / "dotnet.xlsx"
    path.write_bytes(_xlsx_utf16(parts))
    acts = ingest([path], IngestOptions(year=2023))
    assert [(a.date.isoformat() if a.date else None, a.title) for a in acts.rows] == [("2023-03-15", "法治专题讲座")]


@pytest.mark.parametrize("parts", [("xl/workbook.xml", "xl/worksheets/sheet1.xml"), ("xl/worksheets/sheet1.xml",)])
def test_xlsx_with_utf16_parts_is_guarded_once_re_encoded(tmp_path: Path, parts: tuple[str, ...]) -> None:
    far = '<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'
    path = tmp_path / "far.xlsx"
    path.write_bytes(_xlsx_utf16(parts, lambda t: t.replace("</sheetData>", far)))
    with pytest.raises(LimitError):
        ingest([path], IngestOptions(year=2023))


def test_an_xhtml_internal_subset_is_no_page_text(tmp_path: Path, run, mini_pack: Path) -> None:
    path = tmp_path / "page.xhtml"
    path.write_text(
        '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x.dtd" [\n<!ENTITY test "It worked">\n]>\n'
        "<html><body><p>登录超时</p><table><tr><td>&test;</td></tr></table></body></html>\n",
        encoding="utf-8",
    )
    res = run("check", path, "--pack", mini_pack)
    assert res.exit_code == 2
    assert "页面内容为“登录超时”" in res.stderr
    assert "]>" not in res.stderr


def test_a_sheet_thousands_of_columns_wide_scores_only_headers_holding_an_alias(monkeypatch) -> None:
    """A wide data sheet (9,000 numbered columns) is searched for its header without scoring every column
    against every field's aliases (that took seconds per candidate row)."""
    calls = 0
    score = columns._score

    def counted(header: str, aliases: tuple[str, ...]) -> int:
        nonlocal calls
        calls += 1
        return score(header, aliases)

    monkeypatch.setattr(columns, "_score", counted)
    headers = [str(100000 + i) for i in range(9000)] + ["日期（必填）", "活动名称"]
    cmap = columns.map_columns(headers)
    assert cmap.fields == {"date": 9000, "title": 9001}
    assert calls < 100


def _longest_by_hand(sample: list[list[object]], columns: list[int]) -> int | None:
    """The title guess as first written: every column's texts of one sample summed afresh."""
    best: tuple[int, int] | None = None
    for j in columns:
        values = [v.strip() for r in sample if j < len(r) and isinstance(v := r[j], str) and v.strip()]
        if not values:
            continue
        total = sum(map(len, values))
        chinese = sum(1 for v in values if re.search(r"[\u3400-\u9fff]", v))
        if 2 * chinese < len(values) or total < headerless.MIN_TITLE_LENGTH * len(values):
            continue
        if best is None or total > best[0]:
            best = (total, j)
    return best[1] if best else None


def test_the_title_guess_from_running_sums_is_the_guess_summed_afresh() -> None:
    """The longest-texts fallback sums each candidate's sample from running counts per column (a wide sheet is
    read once, not once per candidate row): the column it picks is the one summing each sample picks."""
    rnd = random.Random(7)
    cells = ["", "  ", None, 3.5, 2023, "会议", "召开法治建设专题会议", "meeting of the board", " 学习 ", "甲", "abc"]
    for _ in range(40):
        width = rnd.randint(1, 8)
        rows = [[rnd.choice(cells) for _ in range(rnd.randint(0, width))] for _ in range(rnd.randint(0, 260))]
        below = headerless._TextsBelow(rows[1 : 20 + headerless.SAMPLE_ROWS])
        for i in range(20):
            cols = rnd.sample(range(width), rnd.randint(0, width))
            sample = rows[i + 1 : i + 1 + headerless.SAMPLE_ROWS]
            assert below.longest(i, cols) == _longest_by_hand(sample, cols)
