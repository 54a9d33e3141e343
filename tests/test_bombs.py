"""Hostile inputs of every kind the reader limits guard: each is refused with exit 2 and one line naming the
limit, within a time bound, in a process held to a 2 GiB address space — none aborts, hangs or runs out of
memory. Also: the child-process guard itself, a Rust panic, a bad sheet among good ones, odd containers.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from bombs import _NS, _REL, BOMBS, HEADER_ROW, merges_bomb, xlsx

from dutyaudit.errors import InputError
from dutyaudit.ingest import ingest
from dutyaudit.ingest.isolate import can_isolate, run_isolated
from dutyaudit.ingest.xlsxguard import sheet_extent

_LIMITED_BATCH = (
    "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
    "from dutyaudit.cli import app; sys.argv = ['dutyaudit', 'batch', *sys.argv[1:], '--pack', 'ziyang', "
    "'--format', 'json', '--jobs', '1', '--lang', 'en']; app()"
)
GOOD_LOG = "日期,事项\n2023-03-15,法治专题讲座\n"


@pytest.mark.parametrize("kind", sorted(BOMBS))
def test_bomb_is_refused_naming_its_limit(kind: str, tmp_path: Path, run, mini_pack: Path) -> None:
    make, limit = BOMBS[kind]
    path = make(tmp_path)
    t0 = time.monotonic()
    res = run("check", path, "--pack", mini_pack, "--lang", "en")
    assert time.monotonic() - t0 < 30
    assert res.exit_code == 2, res.stdout[-500:]
    assert "Traceback" not in res.stderr and res.stderr.count("\n") == 1
    assert res.stderr.startswith(f"Error: {path}: ") and limit in res.stderr


def test_every_bomb_in_one_batch_under_a_2_gib_address_space(tmp_path: Path) -> None:
    """In a process held to 2 GiB of address space, each bomb is a failed input and the good log is audited."""
    paths = [make(tmp_path) for make, _ in BOMBS.values()]
    good = tmp_path / "good.csv"
    good.write_text(GOOD_LOG, encoding="utf-8")
    env = {**os.environ, "COLUMNS": "160", "NO_COLOR": "1"}
    t0 = time.monotonic()
    out = subprocess.run(
        [sys.executable, "-c", _LIMITED_BATCH, *map(str, [*paths, good])],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert time.monotonic() - t0 < 120
    assert out.returncode == 2, out.stderr[-800:]
    assert "Traceback" not in out.stderr
    results = json.loads(out.stdout)
    errors = {Path(r["file"]).name: r["error"] for r in results if "error" in r}
    for (_, limit), path in zip(BOMBS.values(), paths, strict=True):
        assert limit in errors.pop(path.name), path.name
    assert not errors
    assert [r["summary"]["total"] > 0 for r in results if "error" not in r] == [True]


def test_five_thousand_identical_merges_read_quickly(tmp_path: Path) -> None:
    t0 = time.monotonic()
    acts = ingest([merges_bomb(tmp_path)])
    assert time.monotonic() - t0 < 5
    assert len(acts.rows) == 10


def test_merges_covering_more_cells_than_the_limit_are_refused(tmp_path: Path, monkeypatch) -> None:
    import dutyaudit.ingest.base as base

    monkeypatch.setattr(base, "MAX_MERGED_CELLS", 5)
    rows = HEADER_ROW + "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>2023-03-{r:02d}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>讲座</t></is></c></row>'
        for r in range(2, 12)
    )
    path = xlsx(tmp_path / "m.xlsx", rows, '<mergeCells><mergeCell ref="A2:A9"/><mergeCell ref="B2:B9"/></mergeCells>')
    with pytest.raises(InputError, match=r"m\.xlsx: .*over the limit of 5 merged cells per sheet"):
        ingest([path])


def _sheets_pointing_at_one(tmp_path: Path, n: int) -> Path:
    """A workbook listing ``n`` sheets that are all the same 10-row worksheet part (work multiplied, not bytes)."""
    rows = HEADER_ROW + "".join(
        f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>2023-03-{r:02d}</t></is></c>'
        f'<c r="B{r}" t="inlineStr"><is><t>讲座</t></is></c></row>'
        for r in range(2, 12)
    )
    sheets = "".join(f'<sheet name="S{i}" sheetId="{i + 1}" r:id="rId1"/>' for i in range(n))
    book = f'<?xml version="1.0"?><workbook xmlns="{_NS}" xmlns:r="{_REL}"><sheets>{sheets}</sheets></workbook>'
    return xlsx(tmp_path / "dup.xlsx", rows, members={"xl/workbook.xml": book})


def test_rows_per_file_are_bounded_across_sheets(tmp_path: Path, monkeypatch) -> None:
    import dutyaudit.ingest as ingest_mod

    monkeypatch.setattr(ingest_mod, "MAX_ROWS", 25)
    with pytest.raises(InputError, match=r"dup\.xlsx: .* \(at sheet 'S2'\), over the limit of 25 rows per file"):
        ingest([_sheets_pointing_at_one(tmp_path, 5)])


def test_cells_per_file_are_bounded_across_sheets(tmp_path: Path, monkeypatch) -> None:
    import dutyaudit.ingest.excel as excel

    monkeypatch.setattr(excel, "MAX_CELLS", 50)
    with pytest.raises(InputError, match=r"dup\.xlsx: .* \(at sheet 'S2'\), over the limit of 50 cells per file"):
        ingest([_sheets_pointing_at_one(tmp_path, 5)])


def test_file_name_with_a_newline_prints_one_line(tmp_path: Path, run, mini_pack: Path) -> None:
    path = tmp_path / "a\nb.csv"
    path.write_bytes(b"\x00\x01\x02\x03" * 100)
    res = run("check", path, "--pack", mini_pack)
    assert res.exit_code == 2
    assert res.stderr.count("\n") == 1 and "a\\nb.csv" in res.stderr


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_not_read_forever(run, mini_pack: Path) -> None:
    res = run("check", "/dev/zero", "--pack", mini_pack)
    assert res.exit_code == 2 and "/dev/zero: 这不是普通文件" in res.stderr


def test_a_panic_in_calamine_is_one_clean_error(tmp_path: Path, monkeypatch) -> None:
    import python_calamine as pc

    class PanicException(BaseException):  # what pyo3 raises for a Rust panic
        pass

    def panic(*_a: object) -> None:
        raise PanicException("called `Option::unwrap()` on a `None` value")

    monkeypatch.setattr(pc.CalamineWorkbook, "from_filelike", panic)
    with pytest.raises(InputError, match=r"x.xlsx: cannot read the workbook \(called `Option::unwrap"):
        ingest([xlsx(tmp_path / "x.xlsx")])


def test_a_sheet_calamine_cannot_read_is_skipped_with_a_warning(tmp_path: Path) -> None:
    good = HEADER_ROW + '<row r="2"><c r="A2" t="inlineStr"><is><t>2023-03-15</t></is></c>'
    good += '<c r="B2" t="inlineStr"><is><t>法治专题讲座</t></is></c></row>'
    path = xlsx(tmp_path / "two.xlsx", good)
    with zipfile.ZipFile(path) as z:
        parts = {n: z.read(n) for n in z.namelist()}
    parts["xl/workbook.xml"] = parts["xl/workbook.xml"].replace(
        b"</sheets>", b'<sheet name="bad" sheetId="2" r:id="rId3"/></sheets>'
    )
    parts["xl/_rels/workbook.xml.rels"] = parts["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>",
        b'<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        b'worksheet" Target="worksheets/sheet2.xml"/></Relationships>',
    )
    parts["xl/worksheets/sheet2.xml"] = b'<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>7</v></c></row>'
    with zipfile.ZipFile(path, "w") as z:
        for n, b in parts.items():
            z.writestr(n, b)
    acts = ingest([path])
    assert [a.title for a in acts.rows] == ["法治专题讲座"]
    assert any(w.sheet == "bad" and "cannot read this sheet" in w.message for w in acts.warnings)


@pytest.mark.parametrize("pretty", [False, True], ids=["compact", "pretty-printed as LibreOffice writes it"])
def test_flat_ods_is_read(tmp_path: Path, pretty: bool) -> None:
    gap = "\n     " if pretty else ""
    cell = (
        gap
        + '<table:table-cell office:value-type="string">'
        + gap
        + "<text:p>{}</text:p>"
        + gap
        + "</table:table-cell>"
    )
    rows = "".join(
        f"{gap}<table:table-row>{cell.format(a)}{cell.format(b)}{gap}</table:table-row>"
        for a, b in [("日期", "事项"), ("2023-03-15", "法治专题讲座")]
    )
    doc = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document xmlns:office="urn:oasis:names:tc:opendocument:'
        'xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:'
        'names:tc:opendocument:xmlns:text:1.0" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">'
        f'<office:body><office:spreadsheet><table:table table:name="台账">{rows}</table:table></office:spreadsheet>'
        "</office:body></office:document>"
    )
    path = tmp_path / "log.fods"
    path.write_text(doc)
    acts = ingest([path])
    assert [(a.sheet, a.title) for a in acts.rows] == [("台账", "法治专题讲座")]


def test_utf32_and_vertical_tab_text_read(tmp_path: Path) -> None:
    text = '日期,事项\n2023-03-15,"法治\v\f专题讲座"\n'
    (tmp_path / "a.csv").write_bytes(text.encode("utf-32"))
    (tmp_path / "b.csv").write_bytes(text.encode("utf-32-le"))
    (tmp_path / "c.csv").write_bytes(text.encode())
    for name in ("a.csv", "b.csv", "c.csv"):
        acts = ingest([tmp_path / name])
        assert [a.title.replace("\v", "").replace("\f", "") for a in acts.rows] == ["法治专题讲座"], name


def test_far_cell_guard_takes_no_exact_pass_on_a_long_narrow_sheet(monkeypatch) -> None:
    import dutyaudit.ingest.xlsxguard as g

    def no_exact(*_a: object) -> None:
        raise AssertionError("exact pass taken")

    monkeypatch.setattr(g, "_refs_extent", no_exact)
    monkeypatch.setattr(g, "_exact_xlsx_extent", no_exact)
    xml = b"".join(
        b'<row r="%d"><c r="A%d"><v>1</v></c><c r="Z%d"><v>2</v></c></row>' % (r, r, r) for r in range(1, 150_001)
    )
    ext = sheet_extent(lambda: iter([xml[i : i + 65536] for i in range(0, len(xml), 65536)]))
    assert ext.cells <= g.MAX_CELLS and ext.rows == 150_000


def test_far_cell_guard_still_measures_a_stray_cell_exactly() -> None:
    xml = b'<row r="1"><c r="A1"><v>1</v></c></row><row r="900000"><c r="XFD900000" s="3"/></row>'
    xml += b'<row r="1048576"><c r="H1048576"><v>1</v></c></row>'
    ext = sheet_extent(lambda: iter([xml]))
    assert (ext.rows, ext.cols) == (1_048_576, 8)  # the styled, empty XFD cell holds no value


@pytest.mark.skipif(not can_isolate(), reason="no fork/setrlimit here")
def test_isolated_reader_turns_abort_memory_and_time_into_one_error() -> None:
    assert run_isolated(lambda: [1, 2], "x") == [1, 2]
    with pytest.raises(InputError, match="x: the workbook is damaged or needs more than the memory limit"):
        run_isolated(os.abort, "x")
    with pytest.raises(InputError, match="needs more than the memory limit of 64 MiB"):
        run_isolated(lambda: bytearray(256 * 1024**2), "x", memory=64 * 1024**2)
    with pytest.raises(InputError, match="longer than the limit of 1 s"):
        run_isolated(lambda: time.sleep(5), "x", seconds=1)
    with pytest.raises(InputError, match=r"^x: no good$"):
        run_isolated(lambda: (_ for _ in ()).throw(InputError("no good")), "x")


@pytest.mark.parametrize(
    "cell",
    [
        b'<c r="xfd1048576" t="inlineStr">',  # calamine reads lower-case references too
        b'<c r="ZZZZZZ1048576" t="inlineStr">',  # six letters: past any sheet
        b'<c\tr="XFD1048576" t="inlineStr">',
        b"<c r='XFD1048576' t=\"inlineStr\">",
        b'<c r = "XFD1048576" t="inlineStr">',
        b'<x:c r="XFD1048576" t="inlineStr">',
    ],
    ids=["lower-case", "six-letters", "tab", "single-quotes", "spaced", "prefixed"],
)
def test_far_cell_written_oddly_is_still_measured(cell: bytes) -> None:
    xml = b'<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576">' + cell + b"<is><t>x</t></is></c></row>"
    import dutyaudit.ingest.xlsxguard as g

    assert sheet_extent(lambda: iter([xml])).cells > g.MAX_CELLS


def _long_sheet(first: int, last: int, cols: bytes = b"ABCDEFGHI") -> bytes:
    """Rows ``first``..``last`` of one-digit cells in ``cols``: every reference is in row 100,000 or beyond."""
    return b"".join(
        b'<row r="%d">' % r + b"".join(b'<c r="%c%d"><v>1</v></c>' % (c, r) for c in cols) + b"</row>"
        for r in range(first, last + 1)
    )


def _chunks(xml: bytes, size: int = 4 * 1024 * 1024):
    return lambda: iter([xml[i : i + size] for i in range(0, len(xml), size)])


def test_far_cell_guard_bounds_a_sheet_past_row_100000_without_an_exact_pass(monkeypatch) -> None:
    import dutyaudit.ingest.xlsxguard as g

    def no_exact(*_a: object) -> None:
        raise AssertionError("exact pass taken")

    monkeypatch.setattr(g, "_refs_extent", no_exact)
    monkeypatch.setattr(g, "_exact_xlsx_extent", no_exact)
    ext = sheet_extent(_chunks(_long_sheet(100_000, 300_000)))
    assert ext.rows >= 300_000 and ext.cols >= 9 and ext.cells <= g.MAX_CELLS


@pytest.mark.parametrize(
    ("stray", "extent"),
    [
        (b'<row r="450000"><c r="Z450000"><v>1</v></c></row>', (450_000, 26)),  # a column the bound does not allow
        (b'<row r="450001"><c r="z450001"><v>1</v></c></row>', (450_001, 26)),
        (b'<row r="2000000"><c r="A2000000"><v>1</v></c></row>', (2_000_000, 9)),  # a row of seven digits
        (b'<row r="5"><c r="AB5"><v>1</v></c></row>', (200_000, 28)),
    ],
    ids=["column-Z", "lower-case", "seven-digits", "two-letters"],
)
def test_far_cell_guard_still_finds_a_stray_cell_in_a_long_sheet(stray: bytes, extent: tuple[int, int]) -> None:
    import dutyaudit.ingest.xlsxguard as g

    xml = _long_sheet(100_000, 150_000) + stray + _long_sheet(150_001, 200_000)
    ext = sheet_extent(_chunks(xml))
    assert (ext.rows, ext.cols) == extent and ext.cells > g.MAX_CELLS
