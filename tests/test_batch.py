"""`dutyaudit batch`: folders and globs, units by title / file / column, failures as data, parallel = serial."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from dutyaudit.batch import collect_inputs, safe_filename, unit_from_filename

GOOD = [
    {"日期": "2023-03-01", "事项": "县委常委会会议听取法治建设工作汇报", "责任主体": "县委"},
    {"日期": "2023-04-01", "事项": "法治专题讲座", "责任主体": "县委"},
    {"日期": "2023-09-01", "事项": "法治专题讲座", "责任主体": "县委"},
]


@pytest.fixture
def county_dir(tmp_path: Path, write_csv) -> Path:
    d = tmp_path / "logs"
    (d / "sub").mkdir(parents=True)
    write_csv(GOOD, name="logs/盘山县-2023.csv", title="盘山县2023年度法治建设工作台账")
    write_csv(GOOD[:1], name="logs/sub/大洼区-2023.csv", title="大洼区2023年度法治建设工作台账")
    write_csv(GOOD[1:2], name="logs/双台子区.csv")  # no title row: unit from the file name
    (d / "~$盘山县-2023.xlsx").write_bytes(b"lock file")  # Excel's lock file is ignored
    (d / "notes.docx").write_bytes(b"ignored")
    return d


def _run_json(run, *args) -> tuple[int, list[dict]]:
    res = run("batch", *args, "--format", "json")
    return res.exit_code, json.loads(res.stdout)


def test_folder_is_searched_and_units_ranked(county_dir: Path, run, mini_pack: Path) -> None:
    code, data = _run_json(run, county_dir, "--pack", mini_pack, "--year", "2023", "--jobs", "1")
    assert code == 1
    assert [d["unit"] for d in data] == ["盘山县", "大洼区", "双台子区"]
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)
    top = data[0]
    assert top["tool"] == "dutyaudit" and top["summary"]["total"] == 8
    lecture = next(x for x in top["duties"] if x["id"] == "party-lecture")
    assert lecture["status"] == "met"


def test_jobs_1_and_2_give_the_same_answer(county_dir: Path, run, mini_pack: Path) -> None:
    one = run("batch", county_dir, "--pack", mini_pack, "-f", "json", "-j", "1").stdout
    two = run("batch", county_dir, "--pack", mini_pack, "-f", "json", "-j", "2").stdout
    assert one == two


def test_bad_file_among_good_ones(county_dir: Path, run, mini_pack: Path, tmp_path: Path) -> None:
    (county_dir / "坏文件.xlsx").write_bytes(b"PK\x03\x04broken")
    out = tmp_path / "summary.xlsx"
    res = run("batch", county_dir, "--pack", mini_pack, "-f", "json", "--out", out)
    assert res.exit_code == 2
    data = json.loads(res.stdout)
    assert len(data) == 4
    err = data[-1]
    assert list(err) == ["tool", "error", "file"] and err["file"].endswith("坏文件.xlsx")
    assert "damaged" in err["error"]
    assert "坏文件.xlsx" in res.stderr and "Traceback" not in res.stderr
    wb = openpyxl.load_workbook(out)
    failed = wb[wb.sheetnames[3]]
    assert failed["A2"].value.endswith("坏文件.xlsx")


def test_by_column_splits_one_log_into_units(write_csv, run, mini_pack: Path) -> None:
    header = ["日期", "事项", "单位"]
    rows = [
        ["2023-03-01", "法治专题讲座", "甲镇"],
        ["2023-05-01", "法治专题讲座", "甲镇"],
        ["2023-05-01", "法治专题讲座", "乙镇"],
    ]
    log = write_csv(rows, header=header, name="all.csv")
    code, data = _run_json(run, log, "--pack", mini_pack, "--by", "单位")
    assert code == 1
    assert [(d["unit"], next(x for x in d["duties"] if x["id"] == "party-lecture")["found"]) for d in data] == [
        ("甲镇", 2),
        ("乙镇", 1),
    ]
    res = run("batch", log, "--pack", mini_pack, "--by", "县名")
    assert res.exit_code == 2 and "--by 县名: no such column" in res.stderr


def test_two_inputs_for_one_unit_are_one_audit(write_csv, run, mini_pack: Path) -> None:
    a = write_csv(GOOD[:2], name="q1.csv", title="盘山县2023年度台账（上半年）")
    b = write_csv(GOOD[2:], name="q2.csv", title="盘山县2023年度台账（下半年）")
    code, data = _run_json(run, a, b, "--pack", mini_pack)
    assert code == 1
    assert len(data) == 1 and data[0]["unit"] == "盘山县"
    assert next(x for x in data[0]["duties"] if x["id"] == "party-lecture")["found"] == 2


def test_summary_workbook_cells(county_dir: Path, run, mini_pack: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.xlsx"
    res = run("batch", county_dir, "--pack", mini_pack, "--out", out)
    assert res.exit_code == 1, res.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["排名", "矩阵", "共性问题", "未能审核"]
    ranking = wb["排名"]
    assert [ranking.cell(row=r, column=2).value for r in (3, 4, 5)] == ["盘山县", "大洼区", "双台子区"]
    assert ranking["A3"].value == 1 and ranking["C2"].value == "得分"
    assert ranking.print_title_rows == "$1:$2" and ranking.freeze_panes == "C3"
    assert ranking.page_setup.orientation == "landscape"
    matrix = wb["矩阵"]
    assert matrix["B1"].value == "party-report" and matrix["A3"].value == "盘山县"
    assert matrix["B3"].value == "达标" and matrix["B3"].fill.fgColor.rgb.endswith("C6EFCE")
    focus = wb["共性问题"]
    assert focus["A2"].value in {"gov-half", "gov-report", "gov-training", "gov-court", "gov-comment"}
    assert focus["D2"].value == 3  # every unit misses it


def test_exit_codes(write_csv, run, mini_pack: Path, tmp_path: Path) -> None:
    log = write_csv(GOOD)
    assert run("batch", log, "--pack", mini_pack).exit_code == 1
    assert run("batch", log, "--pack", mini_pack, "--exit-zero").exit_code == 0
    assert run("batch", log, "--pack", mini_pack, "--fail-under", "25").exit_code == 0
    assert run("batch", log, "--pack", mini_pack, "--fail-under", "25.1").exit_code == 1
    assert run("batch", tmp_path / "nothing-*.csv", "--pack", mini_pack).exit_code == 2


def test_out_dir_scorecards(county_dir: Path, run, mini_pack: Path, tmp_path: Path) -> None:
    pytest.importorskip("dutyaudit.report.excel")
    out = tmp_path / "cards"
    res = run("batch", county_dir, "--pack", mini_pack, "--out-dir", out)
    assert res.exit_code == 1, res.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "双台子区-2023-scorecard.xlsx",
        "大洼区-2023-scorecard.xlsx",
        "盘山县-2023-scorecard.xlsx",
    ]


def test_csv_format_one_row_per_unit(county_dir: Path, run, mini_pack: Path) -> None:
    lines = run("batch", county_dir, "--pack", mini_pack, "-f", "csv").stdout.splitlines()
    assert lines[0] == "rank,unit,score,grade,met,partial,late,missing,waived,total,warnings,files"
    assert len(lines) == 4 and lines[1].startswith("1,盘山县,")


def test_helpers(tmp_path: Path) -> None:
    assert unit_from_filename(Path("盘山县-2023-台账.xlsx")) == "盘山县"
    assert unit_from_filename(Path("大洼区工作台账.xls")) == "大洼区"
    assert unit_from_filename(Path("report.csv")) == "report"
    assert safe_filename('a/b:c*?"<>|') == "a_b_c_"
    (tmp_path / "x.csv").write_text("a", encoding="utf-8")
    assert collect_inputs([str(tmp_path / "*.csv"), str(tmp_path / "x.csv")]) == [tmp_path / "x.csv"]
