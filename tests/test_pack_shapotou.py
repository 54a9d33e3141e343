"""The shapotou pack (沙坡头区 乡镇和部门第一责任人职责清单) against its two example logs.

examples/shapotou_log.py writes a township log (宣和镇: sheets 镇党委, 镇政府) and a department log
(区司法局). Both have gaps, so `check` exits 1. These tests pin the verdicts the examples are built
to show (met, partial, missing; the pack has no deadline, so nothing is late), the split by the three
roles, the role aliases, the deliberate overlaps and the shape of the pack.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import check_json, status_of

from dutyaudit.matching import RoleResolver
from dutyaudit.model import Activity
from dutyaudit.packs import load_pack

ROOT = Path(__file__).resolve().parent.parent
TOWN = ROOT / "examples" / "shapotou-2023-台账.xlsx"
DEPT = ROOT / "examples" / "shapotou-2023-区司法局台账.xlsx"
ROLES = ("township_party", "township_government", "department")


def _check(log: Path, *args: str) -> tuple[int, dict[str, Any]]:
    assert log.exists(), "run python examples/shapotou_log.py"
    return check_json("shapotou", log, *args)


@pytest.fixture(scope="module")
def town() -> tuple[int, dict[str, Any]]:
    return _check(TOWN)


@pytest.fixture(scope="module")
def dept() -> tuple[int, dict[str, Any]]:
    return _check(DEPT, "--role", "department")


def _rows(duty: dict[str, Any]) -> list[tuple[str, str]]:
    return [(e["sheet"], e["title"]) for e in duty["evidence"]]


# ---------------------------------------------------------------- the township log


def test_town_log_has_gaps_and_audits_2023(town: tuple[int, dict[str, Any]]) -> None:
    code, data = town
    assert code == 1
    assert data["year"] == 2023
    assert data["pack"]["id"] == "shapotou"
    assert data["summary"]["late"] == 0
    assert data["warnings"] == []


@pytest.mark.parametrize(
    ("duty_id", "status", "found"),
    [
        ("party-i01", "met", 1),  # 党委会议专题研究法治建设 ≥1/年
        ("party-i15b", "met", 2),  # 中心组学习习近平法治思想 ≥2
        ("party-i15a", "partial", 3),  # 中心组学法 ≥4: 3 in 2023 (the 2022-12-28 one is out of the year)
        ("party-i12", "met", 1),  # 述法
        ("party-i06", "missing", 0),  # 党委法律顾问
        ("party-h11", "missing", 0),  # 法治创建
        ("gov-i01", "met", 1),  # 领导小组会议 ≥1/年
        ("gov-i02", "partial", 1),  # 每半年听取: first half only
        ("gov-i22", "met", 2),  # 集体学法 ≥2: 会前学法 + 法治专题讲座
        ("gov-i17", "met", 1),  # 镇长出庭应诉
        ("gov-i07", "missing", 0),  # 政务公开
        ("gov-i19", "missing", 0),  # conditional 追责 duty: nothing logged
    ],
)
def test_town_verdicts(town: tuple[int, dict[str, Any]], duty_id: str, status: str, found: float) -> None:
    d = status_of(town[1], duty_id)
    assert (d["status"], d["found"]) == (status, found)


def test_half_year_shortfall_names_the_second_half(town: tuple[int, dict[str, Any]]) -> None:
    d = status_of(town[1], "gov-i02")
    assert d["required"] == 2
    assert "下半年" in d["shortfall"]


def test_central_group_sessions_count_for_both_numbers(town: tuple[int, dict[str, Any]]) -> None:
    """一（九）15: the 习近平法治思想 sessions count toward 学法 ≥4 and 习近平法治思想 ≥2 (and 一（一))."""
    data = town[1]
    xi = set(_rows(status_of(data, "party-i15b")))
    assert len(xi) == 2
    assert xi < set(_rows(status_of(data, "party-i15a")))
    assert xi <= set(_rows(status_of(data, "party-h01")))
    assert ("镇党委", "党委理论学习中心组学法：学习《中华人民共和国宪法》") in _rows(status_of(data, "party-i15a"))


def test_role_comes_from_the_sheet_not_from_a_bureau_in_the_title(town: tuple[int, dict[str, Any]]) -> None:
    """邀请区司法局律师… sits on 镇党委: it is the township party's training, not a department's."""
    assert ("镇党委", "邀请区司法局律师为镇村干部开展法治培训") in _rows(status_of(town[1], "party-i10"))


def test_party_and_government_rows_stay_apart(town: tuple[int, dict[str, Any]]) -> None:
    data = town[1]
    # the same 宪法日 campaign on both sheets: each body's own duty takes its own row
    assert {s for s, _ in _rows(status_of(data, "party-i14"))} == {"镇党委"}
    assert {s for s, _ in _rows(status_of(data, "gov-i21"))} == {"镇政府"}
    # 镇政府 has no 中心组 row on 习近平法治思想; the party's do not leak into it
    assert status_of(data, "gov-h01")["status"] == "missing"
    # no township row is a department's
    assert all(d["status"] == "missing" for d in data["duties"] if d["role"] == "department")


def test_ordinary_work_is_unmatched(town: tuple[int, dict[str, Any]]) -> None:
    titles = {u["title"] for u in town[1]["unmatched"]}
    assert "召开全镇春季农业生产工作部署会" in titles
    assert "召开镇党委会议研究下半年项目建设" in titles  # a 党委会议 without 法治 is not party-i01


# ---------------------------------------------------------------- the department log


def test_dept_log_has_gaps(dept: tuple[int, dict[str, Any]]) -> None:
    code, data = dept
    assert code == 1
    assert data["year"] == 2023
    assert {d["role"] for d in data["duties"]} == {"department"}
    assert data["summary"] == {"met": 8, "partial": 2, "late": 0, "missing": 7, "waived": 0, "na": 0, "total": 17}


@pytest.mark.parametrize(
    ("duty_id", "status", "found"),
    [
        ("dept-h12a", "partial", 3),  # 会前学法 ≥4
        ("dept-h12b", "met", 2),  # 法治专题讲座 ≥2
        ("dept-h12c", "partial", 2),  # 60学时 each: 2 of 3 执法人员
        ("dept-h12d", "met", 1),  # 考查测试
        ("dept-h09", "met", 1),  # 行政复议
        ("dept-h11", "met", 1),  # 出庭应诉
        ("dept-h06", "missing", 0),
        ("dept-h14", "missing", 0),
    ],
)
def test_dept_verdicts(dept: tuple[int, dict[str, Any]], duty_id: str, status: str, found: float) -> None:
    d = status_of(dept[1], duty_id)
    assert (d["status"], d["found"]) == (status, found)


def test_dept_rows_never_count_for_a_township() -> None:
    """Both sheets resolve to the department (区司法局, 司法局执法人员培训 → 局), so without --role
    no township duty takes a row of the bureau's log."""
    _, data = _check(DEPT)
    assert [d["id"] for d in data["duties"] if d["evidence"] and d["role"] != "department"] == []
    assert status_of(data, "dept-h12c")["found"] == 2


def test_training_hours_are_counted_per_person(dept: tuple[int, dict[str, Any]]) -> None:
    d = status_of(dept[1], "dept-h12c")
    assert d["kind"] == "sum"
    assert d["required"] == 3  # 张伟 64, 李娜 60, 王强 40
    assert "王强 40/60" in d["shortfall"]
    assert "张伟" not in d["shortfall"] and "李娜" not in d["shortfall"]


def test_lecture_on_review_law_is_not_review_work(dept: tuple[int, dict[str, Any]]) -> None:
    data = dept[1]
    lecture = ("区司法局", "举办法治专题讲座：行政复议法修订解读")
    assert lecture in _rows(status_of(data, "dept-h12b"))
    assert lecture not in _rows(status_of(data, "dept-h09"))
    assert _rows(status_of(data, "dept-h09")) == [("区司法局", "审理行政复议案件并召开听证会")]
    # 执法人员 training is dept-h12c's, not 规范执法 (dept-h08)
    assert all("培训" not in t for _, t in _rows(status_of(data, "dept-h08")))


# ---------------------------------------------------------------- roles


@pytest.mark.parametrize("role", ROLES)
def test_role_option_keeps_only_that_role(role: str) -> None:
    log = DEPT if role == "department" else TOWN
    code, data = _check(log, "--role", role)
    assert code == 1
    assert data["duties"] and {d["role"] for d in data["duties"]} == {role}
    expected = {"township_party": 24, "township_government": 28, "department": 17}[role]
    assert data["summary"]["total"] == expected


@pytest.mark.parametrize(
    ("cell", "role"),
    [
        ("镇党委", "township_party"),
        ("乡党委", "township_party"),
        ("党委", "township_party"),
        ("宣和镇党委", "township_party"),
        ("镇政府", "township_government"),
        ("乡政府", "township_government"),
        ("政府", "township_government"),
        ("香山乡人民政府", "township_government"),
        ("镇长办公会", "township_government"),
        ("局党组", "department"),
        ("部门", "department"),
        ("局", "department"),
        ("区司法局", "department"),
        ("局长办公会", "department"),
        ("区公安分局党委", "department"),  # 局党委 outranks 党委
        ("区政府办公室", "department"),  # 政府办公室 outranks 政府
        ("县政府办", "department"),
        ("司法局", "department"),
        ("镇政府办公室", "township_government"),  # the township's own office, not the 区政府办公室
        ("区卫健委", "department"),
        ("区发改委", "department"),
        ("区委组织部", "department"),
        ("镇党委组织委员", "township_party"),  # a committee member, not the 组织部
        ("区人大常委会", None),
        ("县人大常委会", None),
        ("区委依法治区办", None),
        ("县委依法治县办", None),
        ("县委办", None),
        ("镇司法所", None),
    ],
)
def test_role_aliases(cell: str, role: str | None) -> None:
    resolver = RoleResolver(load_pack("shapotou"))
    row = Activity(file="f", sheet="s", row=1, date=None, title="t", key="t", role_text=cell)
    assert resolver.role_of(row) == role


# ---------------------------------------------------------------- the pack


def test_pack_shape() -> None:
    pack = load_pack("shapotou")
    assert set(pack.roles) == set(ROLES)
    assert len(pack.duties) == 69
    assert Counter(d.kind for d in pack.duties) == {"evidence": 60, "count": 8, "sum": 1}
    assert Counter(d.role for d in pack.duties) == {"township_party": 24, "township_government": 28, "department": 17}
    # every clause names its list (the numbering restarts in each)
    prefix = {"township_party": "一（", "township_government": "二（", "department": "三（"}
    assert all(d.clause.startswith(prefix[d.role]) for d in pack.duties)


def test_every_number_in_the_document_is_encoded() -> None:
    pack = load_pack("shapotou")
    quantified = {
        d.id: (d.clause, d.requirement.kind, d.requirement.min, getattr(d.requirement, "per", None))
        for d in pack.duties
        if d.kind != "evidence"
    }
    assert quantified == {
        "party-i01": ("一（四）1", "count", 1, "year"),
        "party-i15a": ("一（九）15", "count", 4, "year"),
        "party-i15b": ("一（九）15", "count", 2, "year"),
        "gov-i01": ("二（四）1", "count", 1, "year"),
        "gov-i02": ("二（四）2", "count", 1, "half"),
        "gov-i22": ("二（九）22", "count", 2, "year"),
        "dept-h12a": ("三（十二）", "count", 4, "year"),
        "dept-h12b": ("三（十二）", "count", 2, "year"),
        "dept-h12c": ("三（十二）", "sum", 60, None),
    }
    h12c = pack.duty("dept-h12c")
    assert h12c is not None and h12c.requirement.per_person and h12c.requirement.field == "hours"


def test_committed_examples_are_what_the_script_writes(tmp_path: Path) -> None:
    import runpy

    import openpyxl

    script = runpy.run_path(str(ROOT / "examples" / "shapotou_log.py"), run_name="shapotou_log")
    fresh_town, fresh_dept = script["main"](tmp_path / "town.xlsx", tmp_path / "dept.xlsx")

    def cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
        wb = openpyxl.load_workbook(path)
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb}

    assert cells(TOWN) == cells(fresh_town)
    assert cells(DEPT) == cells(fresh_dept)


def test_joint_township_row_counts_for_both_bodies(write_csv: Callable[..., Path]) -> None:
    """镇党委、镇政府 in one 责任主体 cell: the row is each body's."""
    log = write_csv(
        [
            {"日期": "2023-05-06", "事项": "召开法治政府建设工作领导小组会议", "责任主体": "镇党委、镇政府"},
            {"日期": "2023-05-07", "事项": "党委会议专题研究法治建设", "责任主体": "镇党委、镇政府"},
        ]
    )
    _, data = _check(log, "--year", "2023")
    assert (status_of(data, "gov-i01")["status"], status_of(data, "party-i01")["status"]) == ("met", "met")


def test_clerk_wording_for_the_quantified_duties(write_csv: Callable[..., Path]) -> None:
    """How clerks write the rows of the nine figures, and the near neighbours that must not count."""
    rows = [
        # party-i01: 党委会议 专题研究 法治建设
        ("2023-03-03", "镇党委（扩大）会议专题研究法治建设重大问题", "会议", "镇党委"),
        ("2023-03-04", "镇党委专题会议研究法治建设", "会议", "镇党委"),
        ("2023-03-05", "镇党委会议专题学习习近平法治思想", "学习", "镇党委"),  # study: party-h01
        ("2023-03-06", "召开镇党委会议研究下半年项目建设", "会议", "镇党委"),  # not 法治
        # party-i15a / party-i15b: 中心组
        ("2023-04-01", "党委中心组集体学习《信访工作条例》", "学习", "镇党委"),
        ("2023-04-02", "党委理论学习中心组专题学习习近平法治思想", "学习", "镇党委"),
        ("2023-04-05", "中心组学习习近平新时代中国特色社会主义思想", "学习", "镇党委"),  # not 学法
        # gov-i01: 领导小组会议 / 推进会
        ("2023-05-02", "召开全镇法治政府建设工作推进会", "会议", "镇政府"),
        ("2023-05-03", "调整镇法治政府建设工作领导小组成员", "文件", "镇政府"),  # not a meeting
        # gov-i02: 每半年听取
        ("2023-06-02", "镇长办公会专题听取法治政府建设工作情况", "会议", "镇政府"),
        ("2023-09-03", "镇人大主席团听取镇政府法治政府建设工作报告", "会议", "镇人大"),  # the 人大 hears it
        # gov-i22: 集体学法
        ("2023-07-02", "镇政府班子集体学习《中华人民共和国行政处罚法》", "学习", "镇政府"),
        ("2023-07-03", "镇政府领导班子宪法专题讲座", "讲座", "镇政府"),
        ("2023-07-05", "民法典讲座进社区", "讲座", "镇政府"),  # 普法 for the public: gov-i21
        # dept-h12a / dept-h12b / dept-h12c
        ("2023-08-02", "党组会议前学习《民法典》", "学法", "区司法局"),
        ("2023-08-03", "局务会学法：学习《行政复议法》", "学法", "区司法局"),
        ("2023-08-04", "局党组理论学习中心组学法", "学习", "区司法局"),  # 中心组, not 会前学法
        ("2023-08-06", "邀请律师开展法律知识讲座", "讲座", "区司法局"),
        ("2023-08-07", "开展法治宣传讲座进社区", "宣传", "区司法局"),  # 普法: dept-h13
        ("2023-08-09", "参加自治区行政执法人员网上培训", "培训", "区司法局"),
        ("2023-08-11", "安全生产专题讲座", "讲座", "区司法局"),
    ]
    log = write_csv([{"日期": d, "事项": t, "活动类型": k, "责任主体": r} for d, t, k, r in rows])
    _, data = _check(log, "--year", "2023")

    def titles(duty_id: str) -> list[str]:
        return [t for _, t in _rows(status_of(data, duty_id))]

    assert titles("party-i01") == ["镇党委（扩大）会议专题研究法治建设重大问题", "镇党委专题会议研究法治建设"]
    assert titles("party-i15a") == ["党委中心组集体学习《信访工作条例》", "党委理论学习中心组专题学习习近平法治思想"]
    assert titles("party-i15b") == ["党委理论学习中心组专题学习习近平法治思想"]
    assert titles("gov-i01") == ["召开全镇法治政府建设工作推进会"]
    # setting up or adjusting the 领导小组 is its own evidence (健全完善…领导小组), not one of its meetings
    assert titles("gov-i01b") == ["调整镇法治政府建设工作领导小组成员"]
    assert titles("gov-i02") == ["镇长办公会专题听取法治政府建设工作情况"]
    assert titles("gov-i22") == ["镇政府班子集体学习《中华人民共和国行政处罚法》", "镇政府领导班子宪法专题讲座"]
    assert "民法典讲座进社区" in titles("gov-i21")
    assert titles("dept-h12a") == ["党组会议前学习《民法典》", "局务会学法：学习《行政复议法》"]
    assert titles("dept-h12b") == ["邀请律师开展法律知识讲座"]
    assert "开展法治宣传讲座进社区" in titles("dept-h13")
    assert titles("dept-h12c") == ["参加自治区行政执法人员网上培训"]
    unmatched = {u["title"] for u in data["unmatched"]}
    assert {
        "召开镇党委会议研究下半年项目建设",
        "中心组学习习近平新时代中国特色社会主义思想",
        "镇人大主席团听取镇政府法治政府建设工作报告",
        "安全生产专题讲座",
    } <= unmatched
