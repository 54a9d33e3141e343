"""Each real file in ../shared/corpus/ (other projects' regression inputs) gets the behaviour its README states.

The corpus sits beside the clone (``../shared/corpus`` from the repository root, or one level further up
from a worktree); the tests are skipped where it is absent. A file that once aborted the process runs in a
subprocess under a 2 GiB address-space limit.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from dutyaudit.ingest import ingest
from dutyaudit.ingest.excel import CalamineReader
from dutyaudit.ingest.sniff import sniff

ROOT = Path(__file__).resolve().parent.parent
CORPUS = next((p for p in (ROOT.parent / "shared/corpus", ROOT.parent.parent / "shared/corpus") if p.is_dir()), None)
pytestmark = pytest.mark.skipif(CORPUS is None, reason="../shared/corpus is not beside the clone")
NO_HEADER = "no header row found"

#: file → what the error must say (None: the file is read; "no header row found" means read as a workbook).
EXPECT = {
    "tafia--issue_530.xlsx": NO_HEADER,
    "PHPOffice--Zip-Windows-Directory-Separator.xlsx": NO_HEADER,
    "PHPOffice--issue.3730.xlsx": NO_HEADER,
    "tafia--minimal_package.xlsx": NO_HEADER,
    "SheetJS--wtf_path.xlsx": NO_HEADER,
    "SheetJS--formula_stress_test.xls.xml": NO_HEADER,
    "python-excel--biff4_no_format_no_window2.xls": "old Excel format",
    "SheetJS--CRLFR9_4.XLS": "old Excel format",
    "PHPOffice--encoding.utf32be.csv": "read as text in utf-32-be",
    "wireservice--null_byte.csv": "read as text in utf-8",
    "wireservice--test_header_newline.csv": "read as text in utf-8",
    "PHPOffice--RepeatedDataCells.ods": "Expecting 'table-cell'",
    "PHPOffice--nomimetype.ods": NO_HEADER,
    "PHPOffice--issue.2501.b.xlsx": NO_HEADER,
    "okfn--large.ods": NO_HEADER,
}


def _error(run, path: Path, mini_pack: Path) -> str:
    res = run("check", path, "--pack", mini_pack, "--lang", "en")
    assert res.exit_code == 2, res.stdout
    assert "Traceback" not in res.stderr + res.stdout
    assert len(res.stderr.strip().splitlines()) == 1
    return res.stderr


def test_every_corpus_file_has_a_stated_behaviour() -> None:
    assert CORPUS is not None
    files = {p.name for p in CORPUS.iterdir() if p.name != "README.md"}
    assert files == {*EXPECT, "PHPOffice--oleloop.xls"}


@pytest.mark.parametrize("name", sorted(EXPECT))
def test_corpus_file_is_read_or_refused_as_stated(name: str, run, mini_pack: Path) -> None:
    assert CORPUS is not None
    err = _error(run, CORPUS / name, mini_pack)
    assert EXPECT[name] in err
    assert "zip archive" not in err and "Cannot detect file format" not in err and "binary" not in err


def test_null_byte_is_dropped_with_a_warning(tmp_path: Path) -> None:
    assert CORPUS is not None
    log = tmp_path / "log.csv"
    log.write_bytes("日期,事项\n2023-03-15,法治\x00专题讲座\n".encode())
    acts = ingest([log])
    assert [a.title for a in acts.rows] == ["法治专题讲座"]
    assert any("1 NUL byte" in w.message for w in acts.warnings)
    assert sniff((CORPUS / "wireservice--null_byte.csv").read_bytes()) == "text"


def test_whole_column_merge_is_a_warning_for_its_sheet_and_every_sheet_reads() -> None:
    assert CORPUS is not None
    path = CORPUS / "PHPOffice--issue.2501.b.xlsx"
    sheets = list(CalamineReader("xlsx").sheets(path, path.read_bytes()))
    assert [s.name for s in sheets] == ["Columns", "Rows"]
    assert not any(s.skipped for s in sheets)  # both read (they hold only styled, empty cells)
    assert [n.render("en") for n in sheets[0].notes] == [
        "merged range A:A, B:D spans a whole column or row; read without that merge"
    ]
    assert "1:1" in sheets[1].notes[0].render("en")


def test_ole_loop_is_one_clean_line_fast_in_a_small_address_space() -> None:
    assert CORPUS is not None
    code = (
        "import resource, sys; resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30)); "
        "from dutyaudit.cli import app; sys.argv = ['dutyaudit', 'check', sys.argv[1], '--pack', 'ziyang']; app()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(CORPUS / "PHPOffice--oleloop.xls")],
        capture_output=True,
        text=True,
        timeout=20,
        env={"COLUMNS": "160", "NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    assert out.returncode == 2
    assert out.stderr.count("\n") == 1 and "sector chain loops" in out.stderr
