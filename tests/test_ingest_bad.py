"""Inputs that must fail cleanly: exit 2, one line on stderr naming the file and what to do, no traceback."""

from __future__ import annotations

import io
import re
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest
from conftest import small_xlsx

DATA = Path(__file__).parent / "data"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _xlsx_with(sheet_xml_edit: Callable[[bytes], bytes]) -> bytes:
    """A small real xlsx whose first sheet's XML is edited (to add a far cell, a huge dimension …)."""
    return small_xlsx(lambda name, data: sheet_xml_edit(data) if name == "xl/worksheets/sheet1.xml" else data)


FAR_CELL = b'<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'


def far_cell_xlsx(d: Path) -> Path:
    return _write(d / "far.xlsx", _xlsx_with(lambda x: x.replace(b"</sheetData>", FAR_CELL)))


def huge_ods(d: Path) -> Path:
    """An ODS whose one non-empty cell is repeated over 1,048,576 rows × 16,384 columns (a 1 KiB 'bomb')."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body>'
        '<office:spreadsheet><table:table table:name="S"><table:table-row table:number-rows-repeated="1048576">'
        '<table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>x</text:p>'
        "</table:table-cell></table:table-row></table:table></office:spreadsheet></office:body>"
        "</office:document-content>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        z.writestr(
            "META-INF/manifest.xml",
            '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.'
            'oasis.opendocument.spreadsheet"/></manifest:manifest>',
        )
        z.writestr("content.xml", content)
    return _write(d / "bomb.ods", buf.getvalue())


CASES: list[tuple[str, Callable[[Path], Path], str]] = [
    ("missing", lambda d: d / "nope.xlsx", "nope.xlsx: no such file; check the path"),
    ("folder", lambda d: d, "is a folder; pass the log files in it"),
    ("zero-bytes", lambda d: _write(d / "empty.xlsx", b""), "empty.xlsx: the file is empty"),
    ("whitespace", lambda d: _write(d / "blank.csv", b"\r\n  \n"), "blank.csv: the file is empty"),
    (
        "truncated-xlsx",
        lambda d: _write(d / "cut.xlsx", (DATA / "merged.xlsx").read_bytes()[:3000]),
        "cut.xlsx: the workbook is damaged or truncated (broken zip); open and re-save it",
    ),
    (
        "truncated-xls",
        lambda d: _write(d / "cut.xls", (DATA / "biff.xls").read_bytes()[:1500]),
        "cut.xls: cannot read the workbook",
    ),
    (
        "corrupt-zip",
        lambda d: _write(d / "broken.xlsx", b"PK\x03\x04" + b"\x00garbage" * 50),
        "broken.xlsx: the workbook is damaged or truncated",
    ),
    (
        "encrypted-xlsx",
        lambda d: _write(d / "locked.xlsx", (DATA / "encrypted.xlsx").read_bytes()),
        "locked.xlsx: the workbook is password-protected (encrypted); open it, remove the password",
    ),
    (
        "encrypted-ods",
        lambda d: _write(d / "locked.ods", (DATA / "encrypted.ods").read_bytes()),
        "locked.ods: the workbook is password-protected (encrypted); open it, remove the password",
    ),
    (
        "encrypted-xls",
        lambda d: _write(d / "locked.xls", (DATA / "encrypted.xls").read_bytes()),
        "locked.xls: the workbook is password-protected (encrypted)",
    ),
    (
        "png-as-xlsx",
        lambda d: _write(d / "photo.xlsx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4),
        "photo.xlsx: this is not a spreadsheet or text file (an image, PDF or other binary data)",
    ),
    (
        "pdf-as-xls",
        lambda d: _write(d / "scan.xls", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"),
        "scan.xls: this is not a spreadsheet or text file",
    ),
    (
        "binary-as-csv",
        lambda d: _write(d / "data.csv", bytes(range(256)) * 16),
        "data.csv: this is not a spreadsheet or text file",
    ),
    (
        "zip-as-xlsx",
        lambda d: _write(d / "bundle.xlsx", _zip({"a.txt": b"x"})),
        "bundle.xlsx: this is a zip archive, not a workbook",
    ),
    (
        "docx-as-xlsx",
        lambda d: _write(d / "memo.xlsx", _zip({"word/document.xml": b"<w/>", "[Content_Types].xml": b"<T/>"})),
        "memo.xlsx: this is a Word document",
    ),
    (
        "no-header",
        lambda d: _write(d / "h.csv", "名称,数量\nA,1\n".encode()),
        "h.csv: no header row found (looked for a date column such as 日期/时间/开展时间 and a title column such as "
        "事项/名称/活动名称/内容) (read as text in utf-8 (detected; if it looks garbled, try --encoding gb18030)); "
        "name your columns with --map date=COLUMN --map title=COLUMN",
    ),
    (
        "header-no-rows",
        lambda d: _write(d / "only.csv", "测试县2023年台账\n日期,事项\n,\n".encode()),
        "only.csv: the log has a header but no data rows",
    ),
    (
        "far-cell",
        far_cell_xlsx,
        "far.xlsx: sheet 'Sheet' spans 1,048,576 rows × 16,384 columns",
    ),
    ("ods-bomb", huge_ods, "bomb.ods: sheet 'S' spans"),
    (
        "numbers",
        lambda d: _write(d / "台账.numbers", _zip({"Index/Document.iwa": b"\x00", "Metadata/Properties.plist": b""})),
        "台账.numbers: this is an Apple Numbers document; in Numbers choose File › Export To › Excel",
    ),
    (
        "pptx-as-xlsx",
        lambda d: _write(d / "slides.xlsx", _zip({"ppt/presentation.xml": b"<p/>", "[Content_Types].xml": b"<T/>"})),
        "slides.xlsx: this is a PowerPoint presentation, not a workbook",
    ),
    (
        "json-error-as-xls",
        lambda d: _write(d / "export.xls", '{"code":500,"msg":"导出失败：会话已过期"}'.encode()),
        "export.xls: this is JSON data, not a spreadsheet — often the error a web system sends instead of the "
        'export (\'{"code":500,"msg":"导出失败：会话已过期"}\'); export the log again as xlsx or csv',
    ),
    (
        "html-without-table",
        lambda d: _write(d / "page.xls", "<html><body><div>导出失败：请重新登录</div></body></html>".encode()),
        "page.xls: this web page has no table (it says '导出失败：请重新登录'); it is probably an error or login page",
    ),
    ("empty-workbook", lambda d: _empty_workbook(d / "blank.xlsx"), "blank.xlsx: the workbook has no data"),
    (
        "lock-file",
        lambda d: _write(d / "~$台账.xlsx", b"\x04" + "张三".encode("gbk").ljust(53) + "张三".encode("utf-16-le")),
        "~$台账.xlsx: this is the lock file an office suite keeps while a workbook is open, not a log",
    ),
    (
        "damaged-wps-et",
        lambda d: _write(d / "台账.et", (DATA / "biff.xls").read_bytes()[:1500]),
        "台账.et: cannot read this WPS spreadsheet",
    ),
]


def _empty_workbook(path: Path) -> Path:
    openpyxl.Workbook().save(path)
    return path


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(("make", "expect"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input_exits_2_with_one_clear_line(tmp_path: Path, run_en, mini_pack: Path, make, expect: str) -> None:
    path = make(tmp_path)
    res = run_en("check", path, "--pack", mini_pack)
    assert res.exit_code == 2, res.stdout
    assert len(res.stderr.strip().splitlines()) == 1
    assert "Traceback" not in res.stderr + res.stdout
    assert res.stderr.startswith("Error: ")
    assert expect in res.stderr


def test_no_header_message_names_what_it_looked_for_in_a_workbook(tmp_path: Path, run_en, mini_pack: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["编号", "数量"])
    wb.active.append(["A", 1])
    wb.save(tmp_path / "x.xlsx")
    res = run_en("check", tmp_path / "x.xlsx", "--pack", mini_pack)
    assert res.exit_code == 2
    assert re.search(r"looked for a date column such as 日期.*--map date=COLUMN --map title=COLUMN", res.stderr)


def test_far_cell_is_refused_before_calamine_builds_the_sheet(tmp_path: Path, monkeypatch) -> None:
    """By construction: the extent check runs on the XML; calamine is never asked for the sheet."""
    import python_calamine as pc

    from dutyaudit.errors import InputError
    from dutyaudit.ingest import ingest

    def boom(*_a: object, **_k: object) -> None:
        raise AssertionError("calamine was asked to open a workbook with a cell at XFD1048576")

    monkeypatch.setattr(pc.CalamineWorkbook, "from_filelike", boom)
    with pytest.raises(InputError, match="spans 1,048,576 rows"):
        ingest([far_cell_xlsx(tmp_path)])


def test_far_cell_and_bombs_stay_within_a_small_address_space(tmp_path: Path) -> None:
    """Run ingest in a child limited to 1 GiB of address space: it must fail cleanly, not abort or swap."""
    files = [far_cell_xlsx(tmp_path), huge_ods(tmp_path)]
    code = (
        "import resource, sys\n"
        "resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))\n"
        "from pathlib import Path\n"
        "from dutyaudit.errors import InputError\n"
        "from dutyaudit.ingest import ingest\n"
        "for f in sys.argv[1:]:\n"
        "    try:\n"
        "        ingest([Path(f)])\n"
        "    except InputError as e:\n"
        "        print('refused', Path(f).name)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, *map(str, files)], capture_output=True, text=True, check=False, timeout=600
    )
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split("\n")[:2] == ["refused far.xlsx", "refused bomb.ods"]


def test_declared_dimension_alone_is_harmless(tmp_path: Path, audit_json) -> None:
    """<dimension ref="A1:XFD1048576"> with two real rows: read normally (calamine sizes from the cells)."""
    data = _xlsx_with(lambda x: re.sub(rb'<dimension ref="[^"]*"\s*/>', b'<dimension ref="A1:XFD1048576"/>', x))
    assert zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml").count(b"A1:XFD1048576") == 1
    path = _write(tmp_path / "dim.xlsx", data)
    _, out = audit_json(path, "--year", "2023")
    assert [u["title"] for u in out["unmatched"]] + [e["title"] for d in out["duties"] for e in d["evidence"]] == [
        "法治专题讲座"
    ]


def test_merged_range_to_xfd1048576_costs_only_the_table(tmp_path: Path, audit_json) -> None:
    """A merge declared across the whole sheet is clipped to the cells the sheet has."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["测试县2023年台账"])
    ws.append(["日期", "事项"])
    ws.append(["2023-03-15", "县委常委会听取法治建设工作汇报"])
    buf = io.BytesIO()
    wb.save(buf)
    merges = b'</sheetData><mergeCells count="2"><mergeCell ref="A1:XFD1"/><mergeCell ref="A3:A1048576"/></mergeCells>'
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    path = tmp_path / "m.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(b"</sheetData>", merges)
            z.writestr(info, data)
    _, out = audit_json(path)
    assert out["warnings"] == []
    assert out["unit"] == "测试县"
    assert sum(len(d["evidence"]) for d in out["duties"]) + len(out["unmatched"]) == 1


def test_cells_without_r_are_placed_and_measured(tmp_path: Path) -> None:
    """Cells with no r= attribute are placed by position (as calamine does) and still bounded."""
    from dutyaudit.errors import InputError
    from dutyaudit.ingest import ingest

    far_row = b'<row r="1048576">' + b"<c><v>1</v></c>" * 30 + b"</row></sheetData>"
    path = _write(tmp_path / "unplaced.xlsx", _xlsx_with(lambda x: x.replace(b"</sheetData>", far_row)))
    with pytest.raises(InputError, match="spans 1,048,576 rows × 30 columns"):
        ingest([path])


def test_wide_sheet_reads_after_measuring_its_references(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["日期", "事项", *[f"列{i}" for i in range(40)]])
    ws.append(["2023-03-15", "法治专题讲座", *range(40)])
    wb.save(tmp_path / "wide.xlsx")
    from dutyaudit.ingest import ingest

    acts = ingest([tmp_path / "wide.xlsx"])
    assert [(a.row, a.title, a.extra["列39"]) for a in acts.rows] == [(2, "法治专题讲座", "39")]


def test_a_million_styled_empty_rows_are_not_content(tmp_path: Path) -> None:
    """Formatting applied down to row 1,048,576 (self-closing styled cells) is measured as the small table it is."""
    from dutyaudit.ingest import ingest
    from dutyaudit.ingest.xlsxguard import _refs_extent

    styled = b"".join(
        b'<row r="%d" s="1" customFormat="1"><c r="A%d" s="1"/><c r="B%d" s="1"/></row>' % (r, r, r)
        for r in (*range(3, 3000), 1048576)
    )
    data = _xlsx_with(lambda x: x.replace(b"</sheetData>", styled + b"</sheetData>"))
    acts = ingest([_write(tmp_path / "styled.xlsx", data)])
    assert [(a.row, a.title) for a in acts.rows] == [(2, "法治专题讲座")]
    xml = zipfile.ZipFile(io.BytesIO(data)).read("xl/worksheets/sheet1.xml")
    ext = _refs_extent(iter([xml[:5000], xml[5000:]]))
    assert ext is not None and (ext.rows, ext.cols) == (2, 2)


def test_a_cell_without_r_after_a_far_reference_is_still_measured_by_walking(tmp_path: Path) -> None:
    """The quick scan stops at the first far reference; a cell placed by position later switches to a walk."""
    from dutyaudit.errors import InputError
    from dutyaudit.ingest import ingest

    rows = b'<row r="100000"><c r="A100000" s="1"/></row><row r="1048576">' + b"<c><v>1</v></c>" * 30 + b"</row>"
    path = _write(tmp_path / "mixed.xlsx", _xlsx_with(lambda x: x.replace(b"</sheetData>", rows + b"</sheetData>")))
    with pytest.raises(InputError, match="spans 1,048,576 rows × 30 columns"):
        ingest([path])
