"""`dutyaudit batch`: folders and globs, units by title / file / column, failures as data, parallel = serial."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from dutyaudit.batch import collect_inputs, safe_filename
from dutyaudit.units import unit_from_filename

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


def test_bad_file_among_good_ones(county_dir: Path, run_en, mini_pack: Path, tmp_path: Path) -> None:
    (county_dir / "坏文件.xlsx").write_bytes(b"PK\x03\x04broken")
    out = tmp_path / "summary.xlsx"
    res = run_en("batch", county_dir, "--pack", mini_pack, "-f", "json", "--out", out)
    assert res.exit_code == 2
    data = json.loads(res.stdout)
    assert len(data) == 4
    err = data[-1]
    assert list(err) == ["tool", "error", "file"] and err["file"].endswith("坏文件.xlsx")
    assert "damaged" in err["error"]
    assert "坏文件.xlsx" in res.stderr and "Traceback" not in res.stderr
    wb = openpyxl.load_workbook(out)
    failed = wb["Not audited"]
    assert failed["A2"].value.endswith("坏文件.xlsx")


def test_by_column_splits_one_log_into_units(write_csv, run_en, mini_pack: Path) -> None:
    header = ["日期", "事项", "单位"]
    rows = [
        ["2023-03-01", "法治专题讲座", "甲镇"],
        ["2023-05-01", "法治专题讲座", "甲镇"],
        ["2023-05-01", "法治专题讲座", "乙镇"],
    ]
    log = write_csv(rows, header=header, name="all.csv")
    code, data = _run_json(run_en, log, "--pack", mini_pack, "--by", "单位")
    assert code == 1
    assert [(d["unit"], next(x for x in d["duties"] if x["id"] == "party-lecture")["found"]) for d in data] == [
        ("甲镇", 2),
        ("乙镇", 1),
    ]
    res = run_en("batch", log, "--pack", mini_pack, "--by", "县名")
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
    assert wb.sheetnames == ["汇总", "排名", "矩阵", "共性问题"]  # 未能审核 only when an input failed
    ranking = wb["排名"]
    assert [ranking.cell(row=r, column=2).value for r in (3, 4, 5)] == ["盘山县", "大洼区", "双台子区"]
    assert ranking["A3"].value == 1 and ranking["C2"].value == "年度" and ranking["D2"].value == "得分"
    assert ranking["C3"].value == 2023 and ranking["D3"].number_format == "0.0"
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
    assert run("batch", log, "--pack", mini_pack, "--fail-under", "28.6").exit_code == 0  # 2 of 7 (court rate: na)
    assert run("batch", log, "--pack", mini_pack, "--fail-under", "28.7").exit_code == 1
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
    assert lines[0] == "\ufeffrank,unit,year,score,grade,passed,met,partial,late,missing,waived,na,total,warnings,files"
    assert len(lines) == 4 and lines[1].startswith("1,盘山县,")


def test_helpers(tmp_path: Path) -> None:
    assert unit_from_filename(Path("盘山县-2023-台账.xlsx")) == "盘山县"
    assert unit_from_filename(Path("大洼区工作台账.xls")) == "大洼区"
    assert unit_from_filename(Path("report.csv")) == "report"
    assert safe_filename('a/b:c*?"<>|') == "a_b_c_"
    (tmp_path / "x.csv").write_text("a", encoding="utf-8")
    assert collect_inputs([str(tmp_path / "*.csv"), str(tmp_path / "x.csv")]) == [tmp_path / "x.csv"]


# --- issue 7, point by point --------------------------------------------------------------------

ALL_MET_PACK = """schema: 1
id: p
name: 全达标测试清单
jurisdiction: j
issuer: i
issued: 2023-01-01
roles: {party: {name: 党委, aliases: [县委]}}
duties:
  - {id: a, role: party, clause: 一, text: t, label: l, requirement: {kind: evidence}, match: {all: [讲座]}}
"""


@pytest.fixture
def met_pack(tmp_path: Path) -> Path:
    path = tmp_path / "met.yaml"
    path.write_text(ALL_MET_PACK, encoding="utf-8")
    return path


def test_quoted_glob_searches_matched_folders_and_skips_lock_files(county_dir: Path, run, mini_pack: Path) -> None:
    (county_dir / "~$盘山县-2023.csv").write_bytes(b"lock")
    code, data = _run_json(run, str(county_dir / "*"), "--pack", mini_pack, "-j", "1")
    # sub/ is searched like a folder argument; notes.docx is taken, as the shell would pass it, and fails
    assert code == 2
    assert [d.get("unit") for d in data if "unit" in d] == ["盘山县", "大洼区", "双台子区"]
    assert [Path(d["file"]).name for d in data if "error" in d] == ["notes.docx"]


def test_unit_from_folder_when_the_file_name_has_none(write_csv, run, mini_pack: Path, tmp_path: Path) -> None:
    for county in ("盘山县", "大洼区"):
        (tmp_path / "logs" / county).mkdir(parents=True)
        write_csv(GOOD, name=f"logs/{county}/2023.csv")
    code, data = _run_json(run, tmp_path / "logs", "--pack", mini_pack, "-j", "2")
    assert code == 1
    assert sorted(d["unit"] for d in data) == ["大洼区", "盘山县"]
    assert unit_from_filename(Path("盘山县/2023年台账.xlsx")) == "盘山县"
    assert unit_from_filename(Path("2023.xlsx")) == "2023"


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_same_unit_in_two_files_is_one_audit_for_any_jobs(write_csv, run, mini_pack: Path, jobs: str) -> None:
    a = write_csv(GOOD[:2], name="q1.csv", title="盘山县2023年度台账（上半年）")
    b = write_csv(GOOD[1:2], name="other.csv", title="大洼区2023年度台账")
    c = write_csv(GOOD[2:], name="q2.csv", title="盘山县2023年度台账（下半年）")
    code, data = _run_json(run, a, b, c, "--pack", mini_pack, "-j", jobs)
    assert code == 1
    assert [d["unit"] for d in data] == ["盘山县", "大洼区"]
    panshan = data[0]
    assert next(x for x in panshan["duties"] if x["id"] == "party-lecture")["found"] == 2
    ev = next(x for x in panshan["duties"] if x["id"] == "party-lecture")["evidence"]
    assert {e["file"] for e in ev} == {"q1.csv", "q2.csv"}


BY_HEADER = ["日期", "事项", "责任主体", "单位"]


def _by_logs(write_csv) -> tuple[Path, Path]:
    q1 = write_csv(
        [
            ["2023-03-01", "法治专题讲座", "县委", "甲镇"],
            ["2023-03-05", "县委常委会会议听取法治建设工作汇报", "县委", "乙镇"],
            ["2023-04-01", "法治专题讲座", "县委", "丙镇"],
        ],
        header=BY_HEADER,
        name="q1.csv",
    )
    q2 = write_csv(
        [["2023-09-01", "法治专题讲座", "县委", "甲镇"], ["2023-10-01", "法治专题讲座", "县委", "丁镇"]],
        header=BY_HEADER,
        name="q2.csv",
    )
    return q1, q2


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_by_column_units_across_files_are_merged(write_csv, run, mini_pack: Path, jobs: str) -> None:
    q1, q2 = _by_logs(write_csv)
    code, data = _run_json(run, q1, q2, "--pack", mini_pack, "--by", "单位", "-j", jobs)
    assert code == 1
    found = {d["unit"]: next(x for x in d["duties"] if x["id"] == "party-lecture")["found"] for d in data}
    assert found == {"甲镇": 2, "乙镇": 0, "丙镇": 1, "丁镇": 1}
    assert [d["score"] for d in data] == sorted((d["score"] for d in data), reverse=True)


def test_every_output_is_the_same_for_jobs_1_and_2(write_csv, county_dir: Path, run, mini_pack, tmp_path) -> None:
    (county_dir / "坏文件.xlsx").write_bytes(b"PK\x03\x04broken")
    write_csv(GOOD[2:], name="logs/盘山县-下半年.csv", title="盘山县2023年度台账（下半年）")
    outputs = {}
    for jobs in ("1", "2"):
        out = tmp_path / f"summary-{jobs}.xlsx"
        json_out = run("batch", county_dir, "--pack", mini_pack, "-f", "json", "-j", jobs, "--out", out)
        csv_out = run("batch", county_dir, "--pack", mini_pack, "-f", "csv", "-j", jobs)
        table = run("batch", county_dir, "--pack", mini_pack, "-j", jobs)
        assert json_out.exit_code == csv_out.exit_code == table.exit_code == 2
        wb = openpyxl.load_workbook(out)
        cells = [[c.value for row in ws.iter_rows() for c in row] for ws in wb.worksheets]
        outputs[jobs] = (json_out.stdout, csv_out.stdout, table.stdout, cells)
    assert outputs["1"] == outputs["2"]
    q1, q2 = _by_logs(write_csv)
    by = [run("batch", q1, q2, "--pack", mini_pack, "--by", "单位", "-f", "json", "-j", j).stdout for j in "12"]
    assert by[0] == by[1]


def test_json_is_byte_identical_to_one_dumps_of_the_array(county_dir: Path, mini_pack: Path) -> None:
    from dutyaudit.batch import Failure, run_batch
    from dutyaudit.packs import load_pack
    from dutyaudit.report.batch import batch_json, unit_json
    from dutyaudit.report.json import audit_dict

    pack = load_pack(str(mini_pack))
    full = run_batch([str(county_dir)], pack, jobs=1)
    lean = run_batch([str(county_dir)], pack, jobs=2, render=unit_json, evidence=False)
    lean.failures.append(Failure("x.csv", "no header"))
    full.failures.append(Failure("x.csv", "no header"))
    items = [audit_dict(a) for a in full.audits] + [{"tool": "dutyaudit", "error": "no header", "file": "x.csv"}]
    expected = json.dumps(items, ensure_ascii=False, indent=2) + "\n"
    assert batch_json(lean) == batch_json(full) == expected
    assert len(lean.rendered) == 3
    # the lean audits kept verdicts and counts but not the rows behind them
    assert [a.summary for a in lean.audits] == [a.summary for a in full.audits]
    assert all(not r.evidence for a in lean.audits for r in a.results) and not any(a.unmatched for a in lean.audits)
    assert any(r.evidence for a in full.audits for r in a.results)
    assert batch_json(run_batch([str(county_dir)], pack, jobs=1, paths=[])) == "[]\n"


def test_activity_pickles_every_field() -> None:
    import datetime as dt
    import pickle
    from dataclasses import fields

    from dutyaudit.model import Activity

    a = Activity("f.xlsx", "县委", 7, dt.date(2023, 3, 1), "讲座", "讲座", "lecture", "讲座", "县委", "甲镇", "张三",
                 2.5, dt.date(2023, 3, 2), {"出庭情况": "已出庭"})  # fmt: skip
    b = pickle.loads(pickle.dumps(a))
    assert all(getattr(a, f.name) == getattr(b, f.name) for f in fields(Activity))


def test_bad_file_among_good_ones_in_every_output(county_dir: Path, run_en, mini_pack: Path, tmp_path: Path) -> None:
    (county_dir / "坏文件.xlsx").write_bytes(b"PK\x03\x04broken")
    table = run_en("batch", county_dir, "--pack", mini_pack, "-j", "2")
    assert table.exit_code == 2
    assert "坏文件.xlsx" in table.stdout and "盘山县" in table.stdout  # the others still ranked
    assert [ln for ln in table.stderr.splitlines() if ln.startswith("Error:")] == [
        f"Error: {county_dir / '坏文件.xlsx'}: the workbook is damaged or truncated (broken zip); open and re-save it"
        " in Excel, WPS or LibreOffice"
    ]
    csv_lines = run_en("batch", county_dir, "--pack", mini_pack, "-f", "csv").stdout.splitlines()
    assert len(csv_lines) == 4  # units only: failures go to stderr
    # --exit-zero does not hide a failed input: 2 still says "not everything was audited"
    assert run_en("batch", county_dir, "--pack", mini_pack, "--exit-zero").exit_code == 2


def test_only_bad_inputs_still_write_the_summary(tmp_path: Path, run_en, mini_pack: Path) -> None:
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04broken")
    out = tmp_path / "s.xlsx"
    res = run_en("batch", bad, tmp_path / "missing.csv", "--pack", mini_pack, "--out", out, "-f", "json")
    assert res.exit_code == 2
    assert [Path(d["file"]).name for d in json.loads(res.stdout)] == ["missing.csv", "坏.xlsx"]
    failed = openpyxl.load_workbook(out)["Not audited"]
    assert [failed.cell(row=r, column=1).value for r in (2, 3)] == [str(tmp_path / "missing.csv"), str(bad)]
    assert "no such file" in failed["B2"].value


def test_log_without_dated_rows_is_a_failure_naming_the_path(write_csv, run_en, mini_pack: Path) -> None:
    good = write_csv(GOOD, name="盘山县.csv")
    empty = write_csv([{"日期": "待定", "事项": "法治专题讲座"}], name="大洼区.csv")
    code, data = _run_json(run_en, good, empty, "--pack", mini_pack, "-j", "2")
    assert code == 2
    assert data[0]["unit"] == "盘山县"
    assert data[1] == {"tool": "dutyaudit", "error": "no dated rows to audit", "file": str(empty)}


def test_exit_codes_for_each_case(write_csv, run_en, mini_pack: Path, met_pack: Path, tmp_path: Path) -> None:
    a = write_csv([{"日期": "2023-01-05", "事项": "法治讲座"}], name="甲县.csv")
    b = write_csv([{"日期": "2023-02-05", "事项": "法治讲座"}], name="乙县.csv")
    assert run_en("batch", a, b, "--pack", met_pack).exit_code == 0  # every unit meets every duty
    assert run_en("batch", a, b, "--pack", met_pack, "--year", "2024").exit_code == 2  # no row in 2024: not audited
    assert run_en("batch", a, b, "--pack", met_pack, "--fail-under", "100").exit_code == 0
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"PK\x03\x04broken")
    assert run_en("batch", a, bad, "--pack", met_pack).exit_code == 2  # an input failed
    assert run_en("batch", a, "--pack", tmp_path / "nope.yaml").exit_code == 2  # usage: unknown pack
    assert run_en("batch", a, "--pack", met_pack, "--by", "县名").exit_code == 2  # usage: no such column
    res = run_en("batch", tmp_path / "empty-dir-*", "--pack", met_pack)
    assert res.exit_code == 2 and "no files match" in res.stderr and "Traceback" not in res.stderr


def test_terminal_shows_the_ranking(county_dir: Path, run, mini_pack: Path) -> None:
    res = run("batch", county_dir, "--pack", mini_pack, "--year", "2023")
    assert res.exit_code == 1
    lines = [ln for ln in res.stdout.splitlines() if any(u in ln for u in ("盘山县", "大洼区", "双台子区"))]
    assert [[c.strip() for c in ln.split("│")[1:3]] for ln in lines] == [
        ["1", "盘山县"],
        ["2", "大洼区"],
        ["3", "双台子区"],
    ]
    assert "测试职责清单" in res.stdout and "2023" in res.stdout
    assert res.stderr == ""  # no progress bar when stderr is not a terminal


def test_progress_bar_only_on_a_terminal(monkeypatch) -> None:
    import io
    import sys

    from dutyaudit.cli.batch import _progress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    with _progress(3) as advance:
        assert advance is None
    assert pipe.getvalue() == ""
    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    with _progress(3) as advance:
        for _ in range(3):
            advance(1)
    drawn = tty.getvalue()
    assert "1/3" in drawn and "3/3" in drawn  # first and last state drawn (redraws are throttled)
    assert drawn.endswith("\x1b[2K")  # transient: the bar is cleared before the ranking prints


def test_summary_workbook_is_print_ready_with_status_colours(county_dir: Path, run, mini_pack, tmp_path) -> None:
    (county_dir / "坏文件.xlsx").write_bytes(b"PK\x03\x04broken")
    out = tmp_path / "summary.xlsx"
    assert run("batch", county_dir, "--pack", mini_pack, "--out", out).exit_code == 2
    wb = openpyxl.load_workbook(out)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape" and ws.oddFooter.center.text
        if ws.title not in ("汇总", "矩阵"):  # the front page has no header rows; the matrix breaks by blocks
            assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage and ws.print_title_rows
    ranking = wb["排名"]
    header = [c.value for c in ranking[2]]
    assert header == [
        *("名次", "单位", "年度", "得分", "等次", "达标", "部分", "逾期", "缺失", "豁免", "不适用"),
        *("合计", "警告", "文件"),
    ]
    top = [c.value for c in ranking[3]]
    assert top[:3] == [1, "盘山县", 2023] and top[11] == 8 and sum(top[5:11]) == 8
    matrix = wb["矩阵"]
    fills = {
        matrix.cell(row=r, column=c).value: matrix.cell(row=r, column=c).fill.fgColor.rgb[-6:]
        for r in range(3, 6)
        for c in range(2, 10)
    }
    assert fills["达标"] == "C6EFCE" and fills["缺失"] == "FFC7CE"
    assert [matrix.cell(row=r, column=1).value for r in (3, 4, 5)] == ["盘山县", "大洼区", "双台子区"]
    assert matrix["B2"].value == "常委会听取法治汇报"  # the duty's short label under its id
    focus = wb["共性问题"]
    shorts = [focus.cell(row=r, column=4).value for r in range(2, focus.max_row + 1)]
    assert shorts == sorted(shorts, reverse=True)  # the duties most units miss come first
    assert focus["I2"].value.count("、") == 2  # all three units named
    assert wb["未能审核"]["A2"].value.endswith("坏文件.xlsx")


def test_out_dir_names_are_safe_and_distinct(write_csv, run, mini_pack: Path, tmp_path: Path) -> None:
    log = write_csv(
        [["2023-03-01", "法治专题讲座", "a/b"], ["2023-03-02", "法治专题讲座", "a_b"], ["2023-03-03", "讲座", "CON"]],
        header=["日期", "事项", "单位"],
    )
    out = tmp_path / "cards"
    assert run("batch", log, "--pack", mini_pack, "--by", "单位", "--out-dir", out).exit_code == 1
    names = sorted(p.name for p in out.iterdir())
    assert names == ["_CON-2023-scorecard.xlsx", "a_b-2023-scorecard-2.xlsx", "a_b-2023-scorecard.xlsx"]
    card = openpyxl.load_workbook(out / "a_b-2023-scorecard.xlsx")
    assert len(card.sheetnames) >= 3  # a whole scorecard, rows behind the verdicts included


def test_out_dir_cards_of_merged_units_and_no_leftovers(write_csv, run, mini_pack: Path, tmp_path: Path) -> None:
    a = write_csv(GOOD[:2], name="q1.csv", title="盘山县2023年度台账（上半年）")
    b = write_csv(GOOD[1:2], name="other.csv", title="大洼区2023年度台账")
    c = write_csv(GOOD[2:], name="q2.csv", title="盘山县2023年度台账（下半年）")
    out = tmp_path / "cards"
    assert run("batch", a, b, c, "--pack", mini_pack, "--out-dir", out, "-j", "2").exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["大洼区-2023-scorecard.xlsx", "盘山县-2023-scorecard.xlsx"]
    card = openpyxl.load_workbook(out / "盘山县-2023-scorecard.xlsx")
    evidence = card[card.sheetnames[2]]
    files = {c.value for row in evidence.iter_rows() for c in row if isinstance(c.value, str)}
    assert {"q1.csv", "q2.csv"} <= files  # the card of the merged audit, not of one file's
    assert (out / "盘山县-2023-scorecard.xlsx").stat().st_mode & 0o077 != 0  # not mkstemp's 0600


def test_out_dir_never_overwrites_an_input(write_csv, run_en, mini_pack: Path, tmp_path: Path) -> None:
    (tmp_path / "cards").mkdir()
    log = write_csv(GOOD, name="cards/盘山县-2023-scorecard.xlsx", title="盘山县2023年度法治建设工作台账")
    before = log.read_bytes()
    res = run_en("batch", log, "--pack", mini_pack, "--out-dir", tmp_path / "cards")
    assert res.exit_code == 2 and "refusing to overwrite an input file" in res.stderr
    assert log.read_bytes() == before
    assert [p.name for p in (tmp_path / "cards").iterdir()] == [log.name]  # no temporary files left
    res = run_en("batch", log, "--pack", mini_pack, "--out-dir", log)  # a file, not a folder
    assert res.exit_code == 2 and "cannot create the folder" in res.stderr and "Traceback" not in res.stderr


def _failing_card(audit, path: Path) -> None:
    path.write_bytes(b"half")
    raise PermissionError(13, "Permission denied")


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_card_that_cannot_be_written_stops_the_run_cleanly(county_dir: Path, mini_pack, tmp_path, jobs) -> None:
    from dutyaudit.batch import Cards, run_batch
    from dutyaudit.errors import OutputError
    from dutyaudit.packs import load_pack

    out = tmp_path / "cards"
    with pytest.raises(OutputError, match="cannot write a scorecard"):
        run_batch([str(county_dir)], load_pack(str(mini_pack)), jobs=jobs, cards=Cards(out, _failing_card))
    assert list(out.iterdir()) == []


def _where(item: int) -> tuple[int, int]:
    import os
    import time

    time.sleep(0.01)
    return item, os.getpid()


def _same(item: int) -> int:
    return item


def _fails(item: int) -> int:
    raise ValueError(f"item {item}")


def test_work_is_shared_between_this_process_and_the_workers_in_order() -> None:
    import os
    from concurrent.futures import ProcessPoolExecutor

    from dutyaudit.parallel import share as _share

    seen: list[int] = []
    with ProcessPoolExecutor(max_workers=1) as pool:
        out = _share(pool, 1, list(range(40)), _where, _where, progress=seen.append)  # type: ignore[arg-type]
    assert [item for item, _ in out] == list(range(40)) and len(seen) == 40
    pids = {pid for _, pid in out}
    assert os.getpid() in pids and len(pids) == 2  # both sides worked
    # an error on either side stops the handing out and is raised here
    for local, remote in ((_same, _fails), (_fails, _same)):
        with ProcessPoolExecutor(max_workers=1) as pool, pytest.raises(ValueError, match="item"):
            _share(pool, 1, list(range(20)), local, remote)  # type: ignore[arg-type]


_PARENT = __import__("os").getpid()


def _render_or_die(audit) -> str:
    import os

    if os.getpid() != _PARENT:
        os._exit(9)  # a worker killed mid-audit (the OOM killer, say)
    return "{}"


def test_a_worker_that_dies_is_a_clear_error(county_dir: Path, mini_pack: Path) -> None:
    from dutyaudit.batch import WorkerLost, run_batch
    from dutyaudit.packs import load_pack

    with pytest.raises(WorkerLost, match=r"worker process stopped abruptly .* while auditing .*logs"):
        run_batch([str(county_dir)], load_pack(str(mini_pack)), jobs=2, render=_render_or_die)


def test_reports_in_the_folder_are_not_audited(county_dir: Path, run, mini_pack: Path) -> None:
    # a scorecard and a summary written into the logs folder by an earlier run
    res = run("check", county_dir / "盘山县-2023.csv", "--pack", mini_pack, "--out", county_dir / "card.xlsx")
    assert res.exit_code == 1, res.stderr
    res = run("batch", county_dir, "--pack", mini_pack, "--year", "2023", "--out", county_dir / "sub" / "汇总.xlsx")
    assert res.exit_code == 1, res.stderr
    code, data = _run_json(run, county_dir, "--pack", mini_pack, "--year", "2023", "--jobs", "1")
    assert code == 1
    assert [d["unit"] for d in data] == ["盘山县", "大洼区", "双台子区"]
    assert data[0]["summary"]["total"] == 8
    assert all("card.xlsx" not in d.get("file", "") for d in data)
