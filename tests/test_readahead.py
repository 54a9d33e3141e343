"""The read-ahead of an xlsx log (calamine parsing in a thread) and the command-line scan that starts it early."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import openpyxl
import pytest
import typer.main

from dutyaudit.cli import app
from dutyaudit.cli.early import FLAGS, VALUED, check_logs
from dutyaudit.errors import InputError
from dutyaudit.ingest import IngestOptions, ingest, readahead

DATA = Path(__file__).parent / "data"


def test_option_tables_match_the_check_command() -> None:
    check = typer.main.get_command(app).commands["check"]  # type: ignore[attr-defined]
    options = [p for p in check.params if p.param_type_name == "option"]
    assert {o for p in options if not p.is_flag for o in p.opts} == VALUED
    assert {o for p in options if p.is_flag for o in p.opts} == FLAGS


@pytest.mark.parametrize(
    ("args", "logs"),
    [
        (["check", "a.xlsx", "--pack", "panjin", "-f", "json"], ["a.xlsx"]),
        (["check", "-p", "panjin", "a.xlsx", "b.csv", "--gaps"], ["a.xlsx", "b.csv"]),
        (["check", "--pack=panjin", "-ppanjin", "a.xlsx"], ["a.xlsx"]),
        (["check", "--year", "2023", "--", "-odd.xlsx"], ["-odd.xlsx"]),
        (["check", "a.xlsx", "--out", "card.xlsx"], []),  # a refused --out must not cost a read
        (["check", "a.xlsx", "--whatever"], []),
        (["check", "a.xlsx", "--help"], []),
        (["batch", "logs/"], []),
        ([], []),
    ],
)
def test_check_logs(args: list[str], logs: list[str]) -> None:
    assert check_logs(args) == logs


def _two_sheets(path: Path, far: bool = False) -> Path:
    wb = openpyxl.Workbook()
    for n, name in enumerate(("县委", "县政府")):
        ws = wb.active if n == 0 else wb.create_sheet(name)
        ws.title = name
        ws.append(["序号", "日期", "活动名称", "活动类型"])
        for i in range(1, 40):
            ws.append([i, dt.date(2023, 1 + i % 12, 1 + i % 28), f"{name}常委会会议研究法治建设第{i}次", "会议"])
    wb.create_chartsheet("图")
    if far:
        wb["县政府"]["XFD1048576"] = "x"
    wb.save(path)
    return path


def _rows(acts: object) -> list[tuple[object, ...]]:
    return [(a.file, a.sheet, a.row, a.date, a.title, a.key, a.type) for a in acts.rows]  # type: ignore[attr-defined]


def test_read_ahead_reads_what_the_reader_reads(tmp_path: Path) -> None:
    log = _two_sheets(tmp_path / "台账.xlsx")
    plain = ingest([log], IngestOptions())
    readahead.read_ahead([log])
    assert readahead._STARTED[str(log)] is not None
    ahead = ingest([log], IngestOptions())
    assert str(log) not in readahead._STARTED  # taken
    assert _rows(ahead) == _rows(plain) and len(plain.rows) == 78
    assert ahead.warnings == plain.warnings
    readahead.discard()
    for t in threading.enumerate():
        if t.name == "dutyaudit-readahead":
            t.join(2)
            assert not t.is_alive()


def test_read_ahead_not_taken_for_other_bytes(tmp_path: Path) -> None:
    log = _two_sheets(tmp_path / "台账.xlsx")
    readahead.read_ahead([log])
    assert readahead.take(log, log.read_bytes() + b"x") is None
    readahead.discard()


def test_read_ahead_declines_what_the_reader_refuses(tmp_path: Path) -> None:
    """A workbook the guard refuses (a cell at XFD1048576) starts nothing; the reader's error is unchanged."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["日期", "活动名称"])
    ws["XFD1048576"] = "x"
    far = tmp_path / "far.xlsx"
    wb.save(far)
    first_fine = _two_sheets(tmp_path / "second-far.xlsx", far=True)  # sheet 1 is parsed while sheet 2 is checked
    for path in (far, first_fine, DATA / "encrypted.xlsx", tmp_path / "missing.xlsx"):
        readahead.read_ahead([path])
        assert readahead._STARTED.get(str(path)) is None
        with pytest.raises(InputError) as ahead:
            ingest([path], IngestOptions())
        readahead.discard()
        with pytest.raises(InputError) as plain:
            ingest([path], IngestOptions())
        assert str(ahead.value) == str(plain.value)
    readahead.read_ahead([DATA / "big5.csv"])  # not an xlsx
    assert readahead._STARTED.get(str(DATA / "big5.csv")) is None
    readahead.discard()
