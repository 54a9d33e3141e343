"""No silent wrong score: duplicates, several units, the wrong year or unit, rows that vanish, the unit's scope.

Each test is a case where an earlier version scored without a word (issue 12, and issue 11's scope by kind).
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from conftest import check_json, status_of

from dutyaudit.packs import load_pack
from dutyaudit.scope import infer_scope
from dutyaudit.units import same_unit, title_unit, unit_from_filename, unit_kind

LECTURE = [{"日期": "2023-04-01", "事项": "法治专题讲座", "责任主体": "县委"}]
TITLE = "盘山县2023年度法治建设工作台账"


def _fails(res: Any, *words: str) -> None:
    assert res.exit_code == 2, res.stdout
    line = res.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    for w in words:
        assert w in line, line


# ---------------------------------------------------------------- duplicates


def test_a_copy_of_the_log_counts_once(write_csv: Callable[..., Path], audit_json, tmp_path: Path) -> None:
    """盘山县台账.xlsx and 盘山县台账(1).xlsx: one 讲座 stays one (party-lecture stays partial, not met)."""
    first = write_csv(LECTURE, name="盘山县台账.csv", title=TITLE)
    copy = shutil.copy(first, tmp_path / "盘山县台账(1).csv")
    _, data = audit_json(first, copy)
    lecture = status_of(data, "party-lecture")
    assert (lecture["status"], lecture["found"]) == ("partial", 1)
    assert [e["reason"] for e in data["excluded"]] == ["与 盘山县台账.csv 盘山县台账!3 重复，只计一次"]
    [warning] = [w for w in data["warnings"] if "重复" in w["message"]]
    assert warning["file"] == "盘山县台账(1).csv" and "盘山县台账.csv" in warning["message"]


def test_explain_reads_a_copy_as_check_does(write_csv: Callable[..., Path], run, mini_pack: Path, tmp_path) -> None:
    first = write_csv(LECTURE, name="盘山县台账.csv", title=TITLE)
    copy = shutil.copy(first, tmp_path / "盘山县台账(1).csv")
    res = run("explain", first, copy, "--pack", mini_pack, "--duty", "party-lecture", "--format", "json")
    data = json.loads(res.stdout)
    assert (data["status"], data["found"], len(data["counted"])) == ("partial", 1, 1)


def test_the_same_activity_on_two_sheets_counts_once(tmp_path: Path, audit_json) -> None:
    wb = openpyxl.Workbook()
    for name in ("县委", "县委(2)"):
        ws = wb.create_sheet(name)
        ws.append(["日期", "事项"])
        ws.append(["2023-04-01", "法治专题讲座"])
    del wb["Sheet"]
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    _, data = audit_json(path)
    assert status_of(data, "party-lecture")["found"] == 1
    assert data["rows"] == {"read": 2, "counted": 1, "unmatched": 0, "excluded": 1}


def test_one_sheet_may_list_an_activity_twice(write_csv: Callable[..., Path], audit_json) -> None:
    """Two rows of one sheet are two entries (one per person, per item): never merged."""
    _, data = audit_json(write_csv(LECTURE * 2))
    assert status_of(data, "party-lecture")["status"] == "met" and data["excluded"] == []


# ---------------------------------------------------------------- several units, --unit


def test_two_counties_in_one_check_stop(write_csv: Callable[..., Path], run, mini_pack: Path) -> None:
    a = write_csv(LECTURE, name="a.csv", title=TITLE)
    b = write_csv(LECTURE, name="b.csv", title="大洼区2023年度法治建设工作台账")
    _fails(run("check", a, b, "--pack", mini_pack), "盘山县", "大洼区", "--unit", "batch")


def test_a_city_roll_up_naming_four_counties_stops(write_csv: Callable[..., Path], run, mini_pack: Path) -> None:
    header = ["日期", "事项", "单位"]
    rows = [["2023-04-01", "法治专题讲座", c] for c in ("盘山县", "大洼区", "双台子区", "兴隆台区")]
    log = write_csv(rows, header=header, name="全市汇总.csv", title="盘锦市2023年度法治建设工作台账")
    _fails(run("check", log, "--pack", mini_pack), "盘山县、大洼区、双台子区、兴隆台区", "batch --by")
    res = run("check", log, "--pack", mini_pack, "--unit", "大洼区", "-f", "json")
    data = json.loads(res.stdout)
    assert data["unit"] == "大洼区" and status_of(data, "party-lecture")["found"] == 1
    assert {e["reason"] for e in data["excluded"]} == {f"属于其他单位：{c}" for c in ("盘山县", "双台子区", "兴隆台区")}


def test_a_county_log_listing_its_departments_is_one_unit(write_csv: Callable[..., Path], audit_json) -> None:
    header = ["日期", "事项", "责任单位"]
    rows = [["2023-04-01", "法治专题讲座", "县司法局"], ["2023-05-01", "法治专题讲座", "县委办"]]
    _, data = audit_json(write_csv(rows, header=header, title=TITLE))
    assert data["unit"] == "盘山县" and status_of(data, "party-lecture")["found"] == 2


def test_unit_the_log_does_not_name_is_an_error(write_csv: Callable[..., Path], run, mini_pack: Path) -> None:
    log = write_csv(LECTURE, title=TITLE)
    _fails(run("check", log, "--pack", mini_pack, "--unit", "大洼区"), "--unit 大洼区", "盘山县")
    assert run("check", log, "--pack", mini_pack, "--unit", "盘山县").exit_code == 1  # its own name is fine


def test_unit_names_are_compared_as_units() -> None:
    assert same_unit("市司法局", "石嘴山市司法局") and same_unit("中共盘山县委", "盘山县")
    assert same_unit("測試縣", "测试县") and not same_unit("盘山县", "盘山县司法局")
    kinds = ("沙坡头区司法局", "宣和镇", "某某街道", "中共盘山县委", "盘山县人民政府", "市发改委", "资阳市")
    assert [unit_kind(u) for u in kinds] == [
        *("department", "township", "township", "county", "county", "department", "county"),
    ]


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("惠宁县人民政府办公室", "county"),  # a 政府's general office keeps the 政府's own ledger
        ("兴隆台区委办", "county"),
        ("县政府办", "county"),
        ("永康镇人民政府办公室", "township"),
        ("永康镇党政办", "township"),
        ("永康镇党政综合办公室", "township"),
        ("永康镇党委", "township"),
        ("红旗街道党工委", "township"),
        ("中共兴仁镇委员会", "township"),  # a place's party committee written in full
        ("中共盘山县委员会", "county"),
        ("中共盘山县委全面依法治县委员会", "department"),
        ("石嘴山市发展和改革委员会", "department"),
        ("区委依法治区办", "department"),  # an office of a committee, not of the 党委 itself
        ("县司法局办公室", "department"),
        ("市委政法委", "department"),
    ],
)
def test_a_general_office_is_of_its_bodys_kind(name: str, kind: str) -> None:
    assert unit_kind(name) == kind


def test_a_filled_by_line_names_the_unit_when_the_title_does_not() -> None:
    filed = "填报单位：永康镇党政综合办公室    填报时间：2024年1月15日"
    assert title_unit(["永康镇党政综合办公室法治建设工作活动台账（2023年）", filed]) == "永康镇党政综合办公室"
    assert title_unit(["某工作台账（2023年）", "填报单位：永康镇党政办填报时间：2024年1月"]) == "永康镇党政办"
    assert title_unit(["盘山县2023年度法治建设工作台账", "填报单位：县委办"]) == "盘山县"  # the title names one
    assert title_unit(["某工作台账（2023年）", "填报单位：（盖章）"]) == "某工作台账"  # no unit on the line


# ---------------------------------------------------------------- the year


def test_no_row_in_the_audit_year_is_an_error(write_csv: Callable[..., Path], run, mini_pack: Path) -> None:
    log = write_csv(LECTURE, title=TITLE)
    _fails(run("check", log, "--pack", mini_pack, "--year", "2024"), "2024", "2023年（1行）", "--year 2023")


def test_a_pack_issued_after_the_audit_year_warns(write_csv: Callable[..., Path], audit_json) -> None:
    rows = [{"日期": "2019-04-01", "事项": "法治专题讲座", "责任主体": "县委"}]
    _, data = audit_json(write_csv(rows, title="盘山县2019年度法治建设工作台账"))
    assert any("发布于2023-05-19，晚于审计年度2019" in w["message"] for w in data["warnings"])


def test_every_row_is_accounted_for(write_csv: Callable[..., Path], audit_json, run, mini_pack, tmp_path) -> None:
    rows = [
        *LECTURE,
        {"日期": "2022-12-28", "事项": "法治专题讲座", "责任主体": "县委"},
        {"日期": "2023-05-01", "事项": "县委经济工作会议", "责任主体": "县委"},
    ]
    log = write_csv(rows, title=TITLE)
    _, data = audit_json(log)
    assert data["rows"] == {"read": 3, "counted": 1, "unmatched": 1, "excluded": 1}
    assert data["excluded"] == [
        {"file": "log.csv", "sheet": "log", "row": 4, "date": "2022-12-28", "title": "法治专题讲座"}
        | {"reason": "不在2023年度（2022-12-28）"}
    ]
    card = tmp_path / "card.xlsx"
    run("check", log, "--pack", mini_pack, "--out", card)
    wb = openpyxl.load_workbook(card)
    overview = wb.worksheets[0]
    cells = [c.value for row in overview.iter_rows(max_col=2) for c in row if isinstance(c.value, str)]
    assert "3行 = 计入佐证1行 + 未匹配1行 + 未计入1行（见“未计入记录”）；读取警告0条" in cells
    excluded = wb["未计入记录"]
    assert [c.value for c in excluded[3]][-2:] == ["法治专题讲座", "不在2023年度（2022-12-28）"]


# ---------------------------------------------------------------- scope by the unit's kind


def test_a_department_log_is_audited_on_department_duties(write_csv: Callable[..., Path]) -> None:
    rows = [{"日期": "2023-04-01", "事项": "局党组会会前学法", "责任主体": "局党组"}]
    _, data = check_json("shapotou", write_csv(rows, title="沙坡头区市场监督管理局2023年度法治建设工作台账"))
    assert {d["role"] for d in data["duties"]} == {"department"}
    assert data["scope"]["inferred"] and data["scope"]["kind"] == "department"
    assert "部门" in data["scope"]["reason"] and "--role" in data["scope"]["reason"]


def test_a_township_log_is_audited_on_township_duties(write_csv: Callable[..., Path], run) -> None:
    rows = [{"日期": "2023-04-01", "事项": "镇党委会议专题学法", "责任主体": "镇党委"}]
    log = write_csv(rows, title="宣和镇2023年度法治建设工作台账")
    _, data = check_json("shapotou", log)
    assert {d["role"] for d in data["duties"]} == {"township_party", "township_government"}
    table = run("check", log, "--pack", "shapotou").stdout
    assert "审核范围：单位“宣和镇”是乡镇（街道），审计乡镇党委主要负责人、乡镇政府主要负责人的职责" in table
    _, both = check_json("shapotou", log, "--role", "township_party", "--role", "department")
    assert {d["role"] for d in both["duties"]} == {"township_party", "department"}
    assert both["scope"] == {
        "roles": ["township_party", "department"],
        "inferred": False,
        "kind": "township",
        "reason": "按 --role 审计：乡镇党委主要负责人、部门主要负责人",
    }


def test_scope_of_each_kind_in_each_pack() -> None:
    expect = {
        ("panjin", "盘山县"): ("party", "government"),
        ("guangxi", "某县司法局"): ("department",),
        ("ziyang", "资阳市"): ("party", "government"),
        ("shizuishan", "平罗县"): ("government",),
        ("shizuishan", "市司法局"): ("government",),
        ("shizuishan", "星海镇"): ("township",),
        ("shapotou", "盘山县"): ("township_party", "township_government", "department"),  # no county role: all
    }
    for (pack, unit), roles in expect.items():
        assert infer_scope(load_pack(pack), unit).roles == roles, (pack, unit)


# ---------------------------------------------------------------- batch


def _csv(path: Path, rows: list[list[str]], title: str | None = None) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        if title:
            w.writerow([title])
        w.writerow(["日期", "事项", "单位"])
        w.writerows(rows)
    return path


def test_batch_blank_unit_is_a_warning_not_a_unit(tmp_path: Path, run, mini_pack: Path) -> None:
    rows = [["2023-04-01", "法治专题讲座", "甲县"], ["2023-05-01", "法治专题讲座", ""]]
    log = _csv(tmp_path / "all.csv", rows, title="某市2023年度工作台账")
    data = json.loads(run("batch", log, "--pack", mini_pack, "--by", "单位", "-f", "json").stdout)
    assert [d["unit"] for d in data] == ["甲县"]
    assert any("单位 列为空" in w["message"] and w["row"] == 4 for w in data[0]["warnings"])


def test_batch_mixes_years_only_with_year_given(tmp_path: Path, run, mini_pack: Path) -> None:
    _csv(tmp_path / "甲县.csv", [["2022-04-01", "法治专题讲座", ""]])
    _csv(tmp_path / "乙县.csv", [["2023-04-01", "法治专题讲座", ""]])
    a, b = tmp_path / "甲县.csv", tmp_path / "乙县.csv"
    _fails(run("batch", a, b, "--pack", mini_pack), "2022: 甲县", "2023: 乙县", "--year")
    res = run("batch", a, b, "--pack", mini_pack, "--year", "2023", "-f", "csv")
    assert res.exit_code == 2  # 甲县 has no row in 2023: not audited, and said so
    assert res.stdout.splitlines()[0].startswith("\ufeffrank,unit,year,") and ",乙县,2023," in res.stdout


def test_batch_says_when_two_inputs_are_the_same_file(tmp_path: Path, run, mini_pack: Path) -> None:
    a = _csv(tmp_path / "甲县.csv", [["2023-04-01", "法治专题讲座", ""]])
    b = shutil.copy(a, tmp_path / "乙县.csv")
    data = json.loads(run("batch", a, b, "--pack", mini_pack, "-f", "json").stdout)
    messages = {d["unit"]: [w["message"] for w in d["warnings"]] for d in data}
    assert any("甲县.csv" in m and "内容完全相同" in m for m in messages["乙县"])


def test_batch_never_merges_units_whose_file_names_look_alike(tmp_path: Path, run, mini_pack: Path) -> None:
    a = _csv(tmp_path / "盘锦市台账-盘山县.csv", [["2023-04-01", "法治专题讲座", ""]])
    b = _csv(tmp_path / "盘锦市台账-大洼区.csv", [["2023-05-01", "法治专题讲座", ""]])
    data = json.loads(run("batch", a, b, "--pack", mini_pack, "-f", "json").stdout)
    assert len(data) == 2 and all(status_of(d, "party-lecture")["found"] == 1 for d in data)
    assert [unit_from_filename(p) for p in (a, b)] == ["盘山县", "大洼区"]
    assert (
        unit_from_filename(Path("盘山县台账(1).xlsx")) == unit_from_filename(Path("盘山县台账 - 副本.xlsx")) == "盘山县"
    )
    assert unit_from_filename(Path("盘山县台账-修订.xlsx")) == "盘山县台账-修订"  # not cut to another unit's name


def test_batch_of_a_folder_with_copies_scores_the_unit_once(tmp_path: Path, run) -> None:
    """Two copies of 盘山县's log in one folder: one unit, the score of one log, and both said."""
    example = Path(__file__).resolve().parent.parent / "examples" / "panjin-2023-台账.xlsx"
    folder = tmp_path / "logs"
    folder.mkdir()
    shutil.copy(example, folder / "盘山县台账.xlsx")
    shutil.copy(example, folder / "盘山县台账(1).xlsx")
    _, alone = check_json("panjin", example)
    data = json.loads(run("batch", folder, "--pack", "panjin", "-f", "json", "-j", "1").stdout)
    assert [d["unit"] for d in data] == ["盘山县"]
    assert (data[0]["score"], data[0]["summary"]) == (alone["score"], alone["summary"])
    messages = [w["message"] for w in data[0]["warnings"]]
    assert any("内容完全相同" in m for m in messages) and any("重复" in m and "只计一次" in m for m in messages)
    assert data[0]["rows"]["excluded"] == data[0]["rows"]["read"] // 2 + alone["rows"]["excluded"]


def test_a_log_whose_unit_column_lists_departments_is_one_log(tmp_path: Path, run, mini_pack: Path) -> None:
    """A county's log with a 责任单位 column (县司法局、县应急局) and no title is one log, not several units."""
    rows = [["2023-04-01", "法治专题讲座", "县司法局"], ["2023-05-01", "法治专题讲座", "县应急局"]]
    log = _csv(tmp_path / "台账.csv", rows)
    data = json.loads(run("check", log, "--pack", mini_pack, "-f", "json").stdout)
    assert status_of(data, "party-lecture")["found"] == 2 and data["unit"] is None


def test_two_bureaus_on_one_day_in_two_sheets_are_two_activities(tmp_path: Path, audit_json) -> None:
    wb = openpyxl.Workbook()
    for name, unit in (("第一季度", "县司法局"), ("第二季度", "县应急局")):
        ws = wb.create_sheet(name)
        ws.append(["日期", "事项", "责任单位"])
        ws.append(["2023-04-01", "法治专题讲座", unit])
    del wb["Sheet"]
    wb.save(tmp_path / "台账.xlsx")
    _, data = audit_json(tmp_path / "台账.xlsx")
    assert status_of(data, "party-lecture")["found"] == 2 and data["excluded"] == []


def test_explain_says_when_a_duty_is_out_of_scope(write_csv: Callable[..., Path], run) -> None:
    rows = [{"日期": "2023-04-01", "事项": "局党组会会前学法", "责任主体": "局党组"}]
    log = write_csv(rows, title="沙坡头区市场监督管理局2023年度法治建设工作台账")
    res = run("explain", log, "--pack", "shapotou", "--duty", "gov-h01", "--format", "json")
    assert json.loads(res.stdout)["duty"]["in_scope"] is False
    table = run("explain", log, "--pack", "shapotou", "--duty", "gov-h01").stdout
    assert "此职责不在本台账的审核范围内" in table and "是部门" in table


def test_a_period_heading_row_is_no_activity(write_csv: Callable[..., Path], audit_json) -> None:
    """第一季度 / 上半年 alone in the date column heads the rows below it: not an activity, no warning."""
    rows = [
        ["第一季度", ""],
        ["2023-03-01", "法治专题讲座"],
        ["上半年", ""],
        ["第二季度", ""],
        ["2023-05-01", "法治专题讲座"],
    ]
    _, data = audit_json(write_csv(rows, header=["日期", "事项"], title=TITLE))
    assert status_of(data, "party-lecture")["found"] == 2
    assert not [w for w in data["warnings"] if w.get("row")], data["warnings"]
