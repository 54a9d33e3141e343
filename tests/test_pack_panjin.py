"""The panjin pack (盘锦市党政主要负责人履行推进法治建设第一责任人职责清单) against its example log.

The example (examples/panjin-2023-台账.xlsx, written by examples/panjin_log.py) is the CI's flagship
audit: it has gaps, so `check` must exit 1. These tests pin the verdicts the example is built to show
(met, partial, late, missing), the role split, the deliberate overlaps and the shape of the pack.
"""

from __future__ import annotations

import runpy
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import check_json, status_of

from dutyaudit.matching import RoleResolver
from dutyaudit.packs import load_pack

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "panjin-2023-台账.xlsx"


def _check(*args: str | Path) -> tuple[int, dict[str, Any]]:
    return check_json("panjin", *args)


@pytest.fixture(scope="module")
def example() -> tuple[int, dict[str, Any]]:
    assert EXAMPLE.exists(), "run python examples/panjin_log.py"
    return _check(EXAMPLE)


def _titles(duty: dict[str, Any]) -> list[str]:
    return [e["title"] for e in duty["evidence"]]


# ---------------------------------------------------------------- the pack


def test_pack_shape_and_kinds() -> None:
    pack = load_pack("panjin")
    assert len(pack.duties) == 62
    assert Counter(d.kind for d in pack.duties) == {"evidence": 56, "count": 4, "deadline": 1, "all_of": 1}
    assert Counter(d.role for d in pack.duties) == {"party": 27, "government": 35}
    assert set(pack.roles) == {"party", "government"}
    assert pack.grades == {"优秀": 90, "良好": 80, "合格": 60, "不合格": 0}


def test_every_numbered_item_is_encoded() -> None:
    """三(一)(1)–(22) and 三(二)(1)–(27) each have at least one duty."""
    clauses = {d.clause for d in load_pack("panjin").duties}
    party_items = {c.split("(")[-1].rstrip(")") for c in clauses if c.startswith("三(一)")}
    gov_items = {c.split("(")[-1].rstrip(")") for c in clauses if c.startswith("三(二)")}
    assert party_items == {str(i) for i in range(1, 23)}
    assert gov_items == {str(i) for i in range(1, 28)}


def test_quantified_requirements() -> None:
    """The document's five figures, one duty each (and no other duty carries a number or a window)."""
    pack = load_pack("panjin")
    req = {d.id: d.requirement for d in pack.duties}
    quantified = {d.id for d in pack.duties if d.kind != "evidence" or d.requirement.window is not None}
    assert quantified == {"party-01", "party-10", "party-19b", "gov-03", "gov-22b", "gov-24b"}
    assert req["party-10"].kind == "all_of" and req["party-10"].names() == ["人大", "政府", "政协", "法院", "检察院"]
    assert (req["party-01"].kind, req["party-01"].min, req["party-01"].per) == ("count", 1, "year")
    assert (req["party-19b"].kind, req["party-19b"].min, req["party-19b"].per) == ("count", 2, "year")
    assert (req["gov-22b"].kind, req["gov-22b"].min, req["gov-22b"].per) == ("count", 2, "year")
    assert (req["gov-03"].kind, req["gov-03"].by) == ("deadline", "03-01")
    assert (req["gov-24b"].kind, req["gov-24b"].min, req["gov-24b"].per) == ("count", 1, "year")
    window = req["gov-24b"].window
    assert window is not None and (window.from_, window.to) == ("12-01", "12-07")  # 宪法日暨宪法宣传周


def test_lecture_duties_are_told_apart() -> None:
    """每年举办2期以上法治专题讲座 binds both roles: distinct ids, roles and quoted text."""
    pack = load_pack("panjin")
    party, gov = pack.duty("party-19b"), pack.duty("gov-22b")
    assert party is not None and gov is not None
    assert (party.role, gov.role) == ("party", "government")
    assert party.text != gov.text
    assert "每年举办2期以上法治专题讲座" in party.text and "每年举办2期以上法治专题讲座" in gov.text
    assert "政府领导班子" in gov.text and "政府" not in party.text


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("县委", "party"),
        ("市委", "party"),
        ("区委", "party"),
        ("党委", "party"),
        ("县委办", "party"),
        ("县委常委会", "party"),
        ("县委依法治县办", "party"),
        ("乡镇党委", "party"),
        ("镇党委", "party"),
        ("镇政府", "government"),
        ("县政府", "government"),
        ("市政府", "government"),
        ("区政府", "government"),
        ("政府", "government"),
        ("县政府办", "government"),
        ("县政府常务会议", "government"),
        ("盘山县人民政府", "government"),
        ("县委、县政府", "government"),  # primary role: the longest alias; the row still counts for both (joint)
        ("县人大常委会", None),  # 常委会 alone is not a party alias
        ("县司法局", None),
        ("司法局", None),
    ],
)
def test_role_aliases(text: str, role: str | None) -> None:
    assert RoleResolver(load_pack("panjin"))._lookup(text) == role


# ---------------------------------------------------------------- the example log


def test_example_exits_1_with_gaps(example: tuple[int, dict[str, Any]]) -> None:
    code, data = example
    assert code == 1
    assert data["year"] == 2023
    assert data["pack"]["id"] == "panjin"
    # party-10 is partial (2 of 5): the one hearing heard only the 法院 and 检察院 党组
    assert data["summary"] == {"met": 35, "partial": 2, "late": 1, "missing": 24, "waived": 0, "na": 0, "total": 62}
    assert data["grade"] == "不合格"  # 58.7: the year has gaps on purpose
    assert data["warnings"] == []
    assert {u["title"] for u in data["unmatched"]} == {
        "县委常委会会议研究部署第四季度重点工作",
        "县委召开全县经济工作会议",
        "县政府常务会议研究城区供暖工作",
    }


def test_example_met(example: tuple[int, dict[str, Any]]) -> None:
    _, data = example
    d = status_of(data, "party-01")
    assert (d["status"], d["found"], d["required"]) == ("met", 1, 1)
    # the 2022-12-28 hearing is outside the audit year and does not count
    assert _titles(d) == ["县委常委会会议听取2022年度全县法治建设工作情况汇报"]
    d = status_of(data, "gov-22b")
    assert (d["status"], d["found"], d["required"]) == ("met", 2, 2)
    assert all(e["sheet"] == "县政府" for e in d["evidence"])
    d = status_of(data, "gov-24b")
    assert (d["status"], d["found"]) == ("met", 1)
    assert d["evidence"][0]["date"] == "2023-12-04"


def test_example_partial(example: tuple[int, dict[str, Any]]) -> None:
    _, data = example
    d = status_of(data, "party-19b")
    assert (d["status"], d["found"], d["required"]) == ("partial", 1, 2)
    assert [e["sheet"] for e in d["evidence"]] == ["县委"]


def test_example_late_annual_report(example: tuple[int, dict[str, Any]]) -> None:
    _, data = example
    d = status_of(data, "gov-03")
    assert (d["status"], d["found"]) == ("late", 1)
    assert d["evidence"][0]["date"] == "2023-03-10"
    assert "2023-03-10" in d["shortfall"] and "2023-03-01" in d["shortfall"]
    # publishing the report is gov-03b's row, not a submission
    pub = status_of(data, "gov-03b")
    assert pub["status"] == "met"
    assert not set(_titles(pub)) & set(_titles(d))


@pytest.mark.parametrize("duty_id", ["party-04", "party-11", "gov-05", "gov-18", "gov-27"])
def test_example_missing(example: tuple[int, dict[str, Any]], duty_id: str) -> None:
    _, data = example
    d = status_of(data, duty_id)
    assert (d["status"], d["found"], d["evidence"]) == ("missing", 0, [])


def test_study_row_is_not_reconsideration_work(example: tuple[int, dict[str, Any]]) -> None:
    """会前学法《行政复议法》 is study (gov-22a) and must not evidence 支持行政复议 (gov-18)."""
    _, data = example
    study = "县政府常务会议会前学法:《中华人民共和国行政复议法》"
    assert study in _titles(status_of(data, "gov-22a"))
    assert study not in _titles(status_of(data, "gov-18"))


def test_constitution_day_row_counts_twice(example: tuple[int, dict[str, Any]]) -> None:
    """Deliberate overlap: a 12·4 宪法日 宣传 row evidences gov-24b and gov-24c."""
    _, data = example
    assert _titles(status_of(data, "gov-24b")) == _titles(status_of(data, "gov-24c"))
    assert _titles(status_of(data, "gov-24b")) == ["“12·4”国家宪法日集中宣传活动"]


@pytest.mark.parametrize(("role", "n"), [("party", 27), ("government", 35)])
def test_role_filter(role: str, n: int) -> None:
    code, data = _check(EXAMPLE, "--role", role)
    assert code == 1
    assert len(data["duties"]) == n
    assert {d["role"] for d in data["duties"]} == {role}
    assert all(d["id"].startswith("party-" if role == "party" else "gov-") for d in data["duties"])


# ---------------------------------------------------------------- small logs: roles, deadline, window


def test_party_lecture_does_not_count_for_government(write_csv: Callable[..., Path]) -> None:
    log = write_csv(
        [
            {"日期": "2023-05-10", "事项": "举办法治专题讲座", "活动类型": "讲座", "责任主体": "县委"},
            {"日期": "2023-09-10", "事项": "举办法治专题讲座", "活动类型": "讲座", "责任主体": "县委"},
            {"日期": "2023-10-10", "事项": "举办法治专题讲座", "活动类型": "讲座", "责任主体": "县政府"},
        ]
    )
    _, data = _check(log)
    assert (status_of(data, "party-19b")["status"], status_of(data, "party-19b")["found"]) == ("met", 2)
    assert (status_of(data, "gov-22b")["status"], status_of(data, "gov-22b")["found"]) == ("partial", 1)


def test_report_on_time_and_window(write_csv: Callable[..., Path]) -> None:
    log = write_csv(
        [
            {"日期": "2023-02-28", "事项": "向市政府报送2022年度法治政府建设情况报告", "责任主体": "县政府"},
            {"日期": "2023-02-20", "事项": "县政府常务会议审议2022年度法治政府建设情况报告", "责任主体": "县政府"},
            {"日期": "2023-12-10", "事项": "国家宪法日宣传活动", "活动类型": "宣传", "责任主体": "县政府"},
            {"日期": "2023-12-02", "事项": "宪法宣传周启动仪式", "活动类型": "宣传", "责任主体": "县政府"},
        ]
    )
    _, data = _check(log, "--year", "2023")
    report = status_of(data, "gov-03")
    assert report["status"] == "met"
    assert [e["date"] for e in report["evidence"]] == ["2023-02-28"]  # the 常务会议 review is not the submission
    assert status_of(data, "gov-02")["status"] == "met"
    # 12-02 is in 宪法宣传周 (12-01..12-07), the campaign of 12·4; 12-10 is not
    assert _titles(status_of(data, "gov-24b")) == ["宪法宣传周启动仪式"]
    assert (status_of(data, "gov-24c")["status"], status_of(data, "gov-24c")["found"]) == ("met", 2)


def test_example_workbook_is_up_to_date(tmp_path: Path) -> None:
    """The committed workbook holds what examples/panjin_log.py writes (rerun the script after editing it)."""
    import openpyxl

    script = runpy.run_path(str(ROOT / "examples" / "panjin_log.py"), run_name="panjin_log")
    fresh = script["main"](tmp_path / "fresh.xlsx")

    def cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
        wb = openpyxl.load_workbook(path)
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb}

    assert cells(EXAMPLE) == cells(fresh)


def test_clerk_wording_for_the_quantified_duties(write_csv: Callable[..., Path]) -> None:
    """How clerks write the rows of the five figures, and the near neighbours that must not count."""
    rows = [
        # party-01: 常委会 hears the 法治建设 report
        ("2023-03-02", "县委常委会专题听取2022年度法治建设情况汇报", "会议", "县委"),
        ("2023-03-03", "县委常委(扩大)会议听取法治建设工作汇报", "会议", "县委"),
        ("2023-03-04", "县委常委会会议听取全面依法治县工作情况汇报", "会议", "县委"),
        ("2023-03-06", "县人大常委会听取全县法治建设情况报告", "会议", "县人大常委会"),  # not the party's
        ("2023-03-07", "县委常委会审议《2023年法治建设工作要点》", "会议", "县委"),  # a plan, party-02
        # party-19b / gov-22b: 法治专题讲座
        ("2023-04-02", "县委理论学习中心组学法讲座", "学习", "县委"),
        ("2023-04-03", "邀请省委党校教授作习近平法治思想专题辅导", "讲座", "县委"),
        ("2023-04-04", "领导干部依法行政专题讲座", "讲座", "县政府"),
        ("2023-04-05", "县政府领导班子学法讲座:《行政处罚法》", "讲座", "县政府"),
        ("2023-04-06", "法治讲座进社区", "讲座", "县政府"),  # 普法 for the public, gov-24
        ("2023-04-08", "安全生产专题讲座", "讲座", "县政府"),
        # gov-03: the report on last year, submitted
        ("2023-02-21", "报送2022年法治政府建设工作报告", "报告", "县政府"),
        ("2023-02-25", "上报2022年度法治政府建设年度报告", "报告", "县政府"),
        ("2023-02-23", "县政府常务会议审议2022年度法治政府建设情况报告", "会议", "县政府"),  # review, gov-02
        ("2023-02-24", "在县政府网站公开2022年度法治政府建设情况报告", "公开", "县政府"),  # publication, gov-03b
        # gov-24b: 12·4
        ("2023-12-04", "12.4国家宪法日宣传", "宣传", "县政府"),
        ("2023-12-02", "宪法宣传周启动仪式", "宣传", "县政府"),  # the week of 12·4: counts too
        ("2023-12-12", "宪法宣传进社区", "宣传", "县政府"),  # after the week: gov-24c only
    ]
    log = write_csv([{"日期": d, "事项": t, "活动类型": k, "责任主体": r} for d, t, k, r in rows])
    _, data = _check(log, "--year", "2023")
    assert _titles(status_of(data, "party-01")) == [
        "县委常委会专题听取2022年度法治建设情况汇报",
        "县委常委(扩大)会议听取法治建设工作汇报",
        "县委常委会会议听取全面依法治县工作情况汇报",
    ]
    assert _titles(status_of(data, "party-19b")) == [
        "县委理论学习中心组学法讲座",
        "邀请省委党校教授作习近平法治思想专题辅导",
    ]
    assert _titles(status_of(data, "gov-22b")) == ["领导干部依法行政专题讲座", "县政府领导班子学法讲座:《行政处罚法》"]
    assert "法治讲座进社区" in _titles(status_of(data, "gov-24"))
    assert _titles(status_of(data, "gov-03")) == [
        "报送2022年法治政府建设工作报告",
        "上报2022年度法治政府建设年度报告",
    ]
    assert _titles(status_of(data, "gov-24b")) == ["12.4国家宪法日宣传", "宪法宣传周启动仪式"]
    assert "宪法宣传进社区" in _titles(status_of(data, "gov-24c"))
    unmatched = {u["title"] for u in data["unmatched"]}
    assert {"县人大常委会听取全县法治建设情况报告", "安全生产专题讲座"} <= unmatched


def test_online_law_courses_and_law_classes_in_cadre_training(write_csv: Callable[..., Path]) -> None:
    """A 组织部 ledger: an online law course is staff 法律知识培训 (gov-23); a 干部进修班 with law courses is the 党委's
    法治课程 in cadre training (party-20)."""
    rows = [
        ["2023-03-10", "民法典网络学习专题；民法典总则编、物权编精讲", "区政府"],
        ["2023-09-10", "2023年秋季科级干部进修班；设“法治思维与依法决策”课程1讲", "区委"],
    ]
    log = write_csv(rows, header=["日期", "项目", "责任主体"], title="区委组织部2023年干部学法台账")
    _, data = check_json("panjin", log, "--year", "2023")
    assert status_of(data, "gov-23")["found"] == 1
    assert status_of(data, "party-20")["found"] == 1
