"""What a clerk meets at the terminal and in the files: --gaps, --show-unmatched, the id column, the width,
dates kept whole, explain by clause, CSV for Excel, options that say what is wrong, batch inputs."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from dutyaudit.cli import app
from tests.conftest import PINNED_ENV

ROWS: list[dict[str, Any]] = [
    {"日期": "2023-03-01", "事项": "县委常委会会议听取法治建设工作汇报", "责任主体": "县委"},
    {"日期": "2023-04-01", "事项": "法治专题讲座", "责任主体": "县委"},
    {"日期": "2023-03-10", "事项": "报送2022年度法治政府建设情况报告", "责任主体": "县政府"},
    {"日期": "2023-07-01", "事项": "条例草案征求意见", "责任主体": "县政府", "结束日期": "2023-07-19"},
    {"日期": "2023-08-01", "事项": "办公楼维修", "责任主体": "县政府"},
]
TITLE = "测试县2023年度法治建设工作台账"


@pytest.fixture
def log(write_csv: Callable[..., Path]) -> Path:
    return write_csv(ROWS, title=TITLE, name="台账.csv")


def _run(*args: Any, columns: int = 160) -> Any:
    env = {**PINNED_ENV, "COLUMNS": str(columns)}
    return CliRunner().invoke(app, [str(a) for a in args], env=env)


def test_gaps_lists_only_duties_below_requirement(log: Path, mini_pack: Path) -> None:
    full = _run("check", log, "--pack", mini_pack).stdout
    gaps = _run("check", log, "--pack", mini_pack, "--gaps").stdout
    assert "party-report" in full and "party-report" not in gaps  # met: left out
    assert "gov-report" in gaps and "逾期" in gaps and "gov-comment" in gaps
    assert "达标 " not in gaps.split("\n", 3)[3]  # no 达标 row below the headline


def test_id_column_is_whole_and_unmatched_rows_are_listed_on_request(log: Path, mini_pack: Path) -> None:
    out = _run("check", log, "--pack", mini_pack, columns=80).stdout
    assert "gov-constitution" in out  # never folded, so it can be copied into `explain --duty`
    assert "--show-unmatched" in out and "办公楼维修" not in out
    shown = _run("check", log, "--pack", mini_pack, "--show-unmatched").stdout
    assert "办公楼维修" in shown and "2023-08-01" in shown


def test_width_follows_columns_and_a_date_is_never_split(log: Path, mini_pack: Path) -> None:
    from rich.cells import cell_len

    widest = {}
    for width in (60, 80, 200):
        out = _run("check", log, "--pack", mini_pack, columns=width).stdout
        widest[width] = max(cell_len(line) for line in out.splitlines())
        assert widest[width] <= width and out.count("┓") == out.count("┘")  # nothing cropped at the right
        if width >= 80:
            assert "2023-03-10" in out and "2023-03-01" in out  # the late row: both dates whole on their lines
    assert widest[60] <= widest[80] < widest[200]
    assert "条款" not in _run("check", log, "--pack", mini_pack, columns=60).stdout
    assert "要求" in _run("check", log, "--pack", mini_pack, columns=200).stdout
    assert "要求" not in _run("check", log, "--pack", mini_pack, columns=100).stdout  # the narrow table drops it


def test_explain_takes_a_clause_and_offers_the_ids_it_could_mean(tmp_path: Path, log: Path, mini_pack: Path) -> None:
    one = _run("explain", log, "--pack", mini_pack, "--duty", "三(一)1(1)")
    assert one.exit_code == 0 and "party-report" in one.stdout
    pack = tmp_path / "twice.yaml"
    pack.write_text(mini_pack.read_text(encoding="utf-8").replace("clause: 三(一)6(19)", "clause: 三(一)1(1)"), "utf-8")
    both = _run("explain", log, "--pack", pack, "--duty", "三(一)1(1)")
    assert both.exit_code == 2 and both.stderr.startswith("错误：条款 三(一)1(1) 对应多项职责")
    assert "party-report" in both.stderr and "party-lecture" in both.stderr


def test_csv_opens_in_excel_and_says_whose_audit_it_is(log: Path, mini_pack: Path) -> None:
    out = _run("check", log, "--pack", mini_pack, "-f", "csv").stdout
    assert out.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert {(r["unit"], r["year"], r["pack"]) for r in rows} == {("测试县", "2023", "mini")}
    gaps = _run("check", log, "--pack", mini_pack, "-f", "csv", "--gaps").stdout
    assert all(r["status"] in ("partial", "late", "missing") for r in csv.DictReader(io.StringIO(gaps[1:])))


def test_batch_csv_has_year_and_pass_fail(log: Path, mini_pack: Path) -> None:
    out = _run("batch", log, "--pack", mini_pack, "-f", "csv").stdout
    row = next(csv.DictReader(io.StringIO(out.removeprefix("\ufeff"))))
    assert row["year"] == "2023" and row["passed"] == "no"


def test_out_replaces_its_own_report_but_not_another_file(tmp_path: Path, log: Path, mini_pack: Path) -> None:
    card = tmp_path / "评分表.xlsx"
    first = _run("check", log, "--pack", mini_pack, "--out", card)
    assert first.exit_code == 1 and first.stderr == f"提示：已写入 {card}\n"
    assert _run("check", log, "--pack", mini_pack, "--out", card).exit_code == 1  # its own: replaced
    other = tmp_path / "别人的.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "重要数据"
    wb.save(other)
    res = _run("check", log, "--pack", mini_pack, "--out", other)
    assert res.exit_code == 2 and "加 --force 覆盖" in res.stderr
    assert openpyxl.load_workbook(other).active["A1"].value == "重要数据"
    assert _run("check", log, "--pack", mini_pack, "--out", other, "--force").exit_code == 1
    assert openpyxl.load_workbook(other).sheetnames[0] == "总览"


def test_format_choices_are_checked_everywhere(log: Path, mini_pack: Path) -> None:
    for args in (
        ("check", log, "--pack", mini_pack),
        ("batch", log, "--pack", mini_pack),
        ("explain", log, "--pack", mini_pack, "--duty", "party-report"),
        ("packs", "list"),
        ("packs", "show", "panjin"),
    ):
        res = _run(*args, "--format", "yaml")
        assert res.exit_code == 2 and "yaml" in res.stderr, args


def test_packs_validate_lists_every_error_and_takes_a_builtin_id(tmp_path: Path, mini_pack: Path) -> None:
    bad = tmp_path / "bad.yaml"
    text = mini_pack.read_text(encoding="utf-8")
    for duty in ("party-lecture", "gov-half", "gov-report"):
        text = text.replace(f"id: {duty}\n", f"id: {duty}\n    weight: -1\n")
    bad.write_text(text, encoding="utf-8")
    res = _run("packs", "validate", bad, "panjin")
    assert res.exit_code == 2
    errors = res.stderr.strip().splitlines()
    assert len(errors) == 3 and all(e.startswith(f"错误：{bad}：") for e in errors)
    assert res.stdout.startswith("panjin：通过（panjin，")


def test_batch_excludes_globs_skips_notes_and_fails_before_the_table(tmp_path: Path, write_csv, mini_pack) -> None:
    d = tmp_path / "logs"
    d.mkdir()
    write_csv(ROWS, title="甲县2023年度法治建设工作台账", name="logs/甲县.csv")
    write_csv(ROWS, title="乙县2023年度法治建设工作台账", name="logs/乙县-草稿.csv")
    (d / "readme.txt").write_text("这个文件夹放各县的台账。\n请勿改名。\n", encoding="utf-8")
    res = _run("batch", d, "--pack", mini_pack, "--exclude", "*草稿*", "-f", "csv")
    assert res.exit_code == 1, res.stderr
    assert [r["unit"] for r in csv.DictReader(io.StringIO(res.stdout[1:]))] == ["甲县"]
    assert f"提示：已跳过 {d / 'readme.txt'}：不像台账" in res.stderr
    nothing = _run("batch", tmp_path / "nothing", "--pack", mini_pack)
    assert nothing.exit_code == 2 and nothing.stdout == "" and nothing.stderr.startswith("错误：找不到要审核的文件")


def test_help_has_clear_metavars_and_an_example_per_command() -> None:
    for command in ("check", "batch", "explain", "template", "packs list", "packs show", "packs validate"):
        out = _run(*command.split(), "--help", columns=200).stdout
        assert "Example:" in out and f"dutyaudit {command.split()[0]}" in out, command
        assert "<list[" not in out and "range>" not in out and "<str>" not in out, command
    check = _run("check", "--help", columns=200).stdout
    assert "--map FIELD=COLUMN" in check and "--fail-under SCORE" in check and "LOG" in check


def test_batch_table_at_80_columns_cuts_nothing(tmp_path: Path, write_csv, mini_pack: Path) -> None:
    for name in ("甲县", "乙县"):
        write_csv(ROWS, title=f"{name}2023年度法治建设工作台账", name=f"{name}.csv")
    out = _run("batch", tmp_path / "甲县.csv", tmp_path / "乙县.csv", "--pack", mini_pack, columns=80).stdout
    assert "…" not in out and "甲县" in out and "乙县" in out
    header = next(line for line in out.splitlines() if "名次" in line)
    assert "年度" not in header and "豁免" not in header  # one year (in the headline); no unit has a waiver
