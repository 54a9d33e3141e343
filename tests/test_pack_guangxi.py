"""The guangxi pack (广西贯彻《党政主要负责人履行推进法治建设第一责任人职责规定》实施办法) against its example log.

The example (examples/guangxi-2019-台账.xlsx, written by examples/guangxi_log.py) is a county's 2019 log with
three sheets (县委, 县政府, 县司法局) and gaps, so `check` exits 1. The document sets one frequency
(第五条(一) 每年…听取工作汇报, count ≥1/year) and no other figure, so its duties can only be met or
missing: no verdict can be partial or late. These tests pin the verdicts, the role split, the
deliberate overlaps and the shape of the pack.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import check_json, status_of

from dutyaudit.ingest.text import normalize
from dutyaudit.matching import RoleResolver
from dutyaudit.packs import load_pack

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "guangxi-2019-台账.xlsx"


def _check(*args: str | Path) -> tuple[int, dict[str, Any]]:
    return check_json("guangxi", *args)


@pytest.fixture(scope="module")
def example() -> tuple[int, dict[str, Any]]:
    assert EXAMPLE.exists(), "run python examples/guangxi_log.py"
    return _check(EXAMPLE)


def _titles(duty: dict[str, Any]) -> list[str]:
    return [e["title"] for e in duty["evidence"]]


# ---------------------------------------------------------------- the pack


def test_pack_shape_and_kinds() -> None:
    pack = load_pack("guangxi")
    assert len(pack.duties) == 62
    assert Counter(d.kind for d in pack.duties) == {"evidence": 61, "count": 1}
    assert Counter(d.role for d in pack.duties) == {"party": 20, "government": 22, "department": 20}
    assert set(pack.roles) == {"party", "government", "department"}
    assert pack.grades == {"优秀": 90, "良好": 80, "合格": 60, "不合格": 0}


def test_the_one_frequency_is_a_yearly_count() -> None:
    duty = load_pack("guangxi").duty("party-5.1a")
    assert duty is not None
    assert duty.clause == "第五条(一)"
    assert "每年根据工作需要听取工作汇报" in duty.text
    assert (duty.requirement.kind, duty.requirement.min, duty.requirement.per) == ("count", 1, "year")


def test_every_numbered_item_of_articles_5_and_6_is_encoded() -> None:
    pack = load_pack("guangxi")
    clauses = {(d.role, d.clause) for d in pack.duties}
    for item in "一二三四五六":
        assert ("party", f"第五条({item})") in clauses
        assert ("government", f"第六条({item})") in clauses
    # 第七条 年终述职 binds both leaders (and departments by 第十条); 第七条/第八条 上级党委 duties bind the party
    assert {d.role for d in pack.duties if d.clause.endswith("第七条") and "年终述职" in d.text} == {
        "party",
        "government",
        "department",
    }
    assert {d.role for d in pack.duties if d.clause in ("第八条",) or "上级党委" in d.text} == {"party"}
    assert all(d.clause.startswith(("第六条", "第七条")) for d in pack.duties if d.role == "department")
    assert all("第十条" in (d.note or "") for d in pack.duties if d.role == "department")


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("县委", "party"),
        ("县委常委会", "party"),
        ("县委办", "party"),
        ("县委政法委", "party"),
        ("某某镇党委", "party"),
        ("县政府", "government"),
        ("县政府常务会议", "government"),
        ("某某乡人民政府", "government"),
        ("县司法局", "department"),
        ("局党组", "department"),
        ("县公安局党委", "department"),  # 局党委 is longer than 党委
        ("县人大常委会", None),  # 常委会 alone is not a party alias
        ("县委依法治县办", "party"),
        ("县政府办", "government"),
        ("镇党委", "party"),
        ("镇政府", "government"),
        ("街道党工委", "party"),
        ("某某街道办事处", "government"),  # 乡（镇、街道） heads follow the 实施办法 (第十条)
        ("司法局", "department"),
        ("县卫健委", "department"),
        ("县发改委", "department"),
        ("县人民法院", None),
    ],
)
def test_role_aliases(text: str, role: str | None) -> None:
    assert RoleResolver(load_pack("guangxi"))._lookup(normalize(text)) == role


# ---------------------------------------------------------------- the example log


def test_example_exits_1_with_gaps(example: tuple[int, dict[str, Any]]) -> None:
    code, data = example
    assert code == 1
    assert data["year"] == 2019
    assert data["unit"] == "某县"
    assert data["pack"]["id"] == "guangxi"
    # the 县司法局 sheet's department is checked on 19 第六条/第七条 items (10 before), and the government head's
    # 学法 counts once (gov-6.6a; gov-3 is gone): 73.1 → 63.3; dept-6.1c (经费, the 参照 of gov-6.1c) and party-5.5c
    # (法治课 in cadre training) have no row: 61.3
    assert data["summary"] == {"met": 38, "partial": 0, "late": 0, "missing": 24, "waived": 0, "na": 0, "total": 62}
    assert data["score"] == 61.3
    assert data["grade"] == "合格"
    assert data["warnings"] == []
    assert {u["title"] for u in data["unmatched"]} == {
        "县委召开专题会议研究部署脱贫攻坚工作",
        "县委经济工作会议",
        "县政府常务会议研究部署城乡环境综合整治工作",
        "开展人民调解员业务培训",
        "开展法律援助进社区活动",
    }


@pytest.mark.parametrize(
    ("duty_id", "status", "found"),
    [
        ("party-5.1a", "met", 1),
        ("party-5.5a", "met", 2),
        ("party-7a", "met", 1),
        ("party-7b", "met", 1),
        ("party-8a", "met", 1),
        ("party-5.2", "missing", 0),
        ("party-5.3a", "missing", 0),
        ("party-5.6a", "missing", 0),
        ("gov-6.1b", "met", 2),
        ("gov-6.5a", "met", 1),
        ("gov-6.6c", "met", 1),
        ("gov-7", "met", 1),
        ("gov-6.1c", "missing", 0),
        ("gov-6.2b", "missing", 0),
        ("gov-6.4a", "missing", 0),
        ("dept-7", "met", 1),
        ("dept-6.5a", "met", 1),
        ("dept-6.6c", "met", 1),
        ("dept-6.2e", "missing", 0),
        ("dept-6.3c", "missing", 0),
    ],
)
def test_chosen_verdicts(example: tuple[int, dict[str, Any]], duty_id: str, status: str, found: int) -> None:
    d = status_of(example[1], duty_id)
    assert (d["status"], d["found"]) == (status, found)


def test_count_duty_takes_only_rule_of_law_reports(example: tuple[int, dict[str, Any]]) -> None:
    d = status_of(example[1], "party-5.1a")
    # 听取法院、检察院党组工作汇报 is party-5.4a's, not a 法治建设 report
    assert _titles(d) == ["县委常委会会议听取2018年度全县法治建设工作情况汇报，研究解决法治建设重大问题"]
    assert _titles(status_of(example[1], "party-5.4a")) == ["县委常委会会议听取县人民法院、县人民检察院党组工作汇报"]


def test_row_from_previous_year_does_not_count(example: tuple[int, dict[str, Any]]) -> None:
    assert status_of(example[1], "gov-6.2d")["status"] == "missing"
    _, data_2018 = _check(EXAMPLE, "--year", "2018")
    d = status_of(data_2018, "gov-6.2d")
    assert (d["status"], d["found"]) == ("met", 1)
    assert d["evidence"][0]["date"] == "2018-12-26"


def test_deliberate_overlaps(example: tuple[int, dict[str, Any]]) -> None:
    data = example[1]
    report = "县委常委会会议听取2018年度全县法治建设工作情况汇报，研究解决法治建设重大问题"
    assert report in _titles(status_of(data, "party-5.1a"))
    assert _titles(status_of(data, "party-5.1b")) == [report]
    plan = "县政府常务会议研究审议《某县2019年法治政府建设工作要点》"
    assert _titles(status_of(data, "gov-6.1a")) == [plan]
    assert plan in _titles(status_of(data, "gov-6.1b"))
    study = "县政府常务会议会前学法：学习《中华人民共和国外商投资法》"
    assert "gov-3" not in {d["id"] for d in data["duties"]}  # 第三条's 学法 of the government head is gov-6.6a's
    assert _titles(status_of(data, "gov-6.6a")) == [study]
    vetting = "县委组织部在干部考察中将法治素养和履行法治建设第一责任人职责情况作为重要内容"
    assert vetting in _titles(status_of(data, "party-5.5a"))
    assert _titles(status_of(data, "party-8b")) == [vetting]


def test_no_unintended_overlaps(example: tuple[int, dict[str, Any]]) -> None:
    data = example[1]
    # the 普法责任清单 is 谁执法谁普法 work, not the government's 权责清单 nor general 普法规划 implementation
    duty_list = "印发《某县国家机关“谁执法谁普法”普法责任清单》"
    assert _titles(status_of(data, "gov-6.6c")) == [duty_list]
    assert duty_list not in _titles(status_of(data, "gov-6.3a"))
    assert duty_list not in _titles(status_of(data, "gov-6.6b"))
    # a 述职述法 row is 述职 only, not a 检查/考核 of 下级
    assert _titles(status_of(data, "party-7b")) == [
        "对各乡镇党政主要负责人履行推进法治建设第一责任人职责情况开展专项督查"
    ]
    assert _titles(status_of(data, "party-8a")) == [
        "印发《关于将法治建设成效纳入乡镇和县直部门2019年度绩效考评指标体系的通知》"
    ]


def test_rows_count_only_for_their_sheet_role(example: tuple[int, dict[str, Any]]) -> None:
    data = example[1]
    sheet_of = {"party": "县委", "government": "县政府", "department": "县司法局"}
    for d in data["duties"]:
        assert {e["sheet"] for e in d["evidence"]} <= {sheet_of[d["role"]]}, d["id"]
    # the department's 学法 row does not make the government's 学法 count 2
    assert status_of(data, "dept-6.6a")["found"] == 1
    assert status_of(data, "gov-6.6a")["found"] == 1


@pytest.mark.parametrize(
    ("role", "total", "met"),
    [("party", 20, 14), ("government", 22, 16), ("department", 20, 8)],
)
def test_role_option_keeps_one_roles_duties(role: str, total: int, met: int) -> None:
    code, data = _check(EXAMPLE, "--role", role)
    assert code == 1
    assert {d["role"] for d in data["duties"]} == {role}
    assert data["summary"]["total"] == total
    assert data["summary"]["met"] == met


def test_clerk_wording_for_the_yearly_hearing(write_csv: Callable[..., Path]) -> None:
    """第五条(一) 每年…听取工作汇报 (party-5.1a): how clerks write it, and the near neighbours that must not count."""
    rows = [
        ("2019-03-02", "县委常委(扩大)会议听取2018年度法治建设情况汇报", "会议", "县委"),
        ("2019-03-03", "县委全面依法治县委员会第一次会议听取各协调小组工作汇报", "会议", "县委"),
        ("2019-03-04", "县委常委会听取县政府法治政府建设工作情况报告", "会议", "县委"),
        ("2019-03-08", "县委常委会会议专题听取依法治县工作情况", "会议", "县委"),
        ("2019-03-05", "县人大常委会听取全县法治建设情况报告", "会议", "县人大常委会"),  # the 人大 hears it
        ("2019-03-06", "县委常委会会议研究部署法治建设工作", "会议", "县委"),  # no hearing: party-5.1b
        ("2019-03-07", "县委常委会听取县法院党组工作汇报", "会议", "县委"),  # party-5.4a
    ]
    log = write_csv([{"日期": d, "事项": t, "活动类型": k, "责任主体": r} for d, t, k, r in rows])
    _, data = _check(log, "--year", "2019")
    assert _titles(status_of(data, "party-5.1a")) == [
        "县委常委(扩大)会议听取2018年度法治建设情况汇报",
        "县委全面依法治县委员会第一次会议听取各协调小组工作汇报",
        "县委常委会听取县政府法治政府建设工作情况报告",
        "县委常委会会议专题听取依法治县工作情况",
    ]
    assert _titles(status_of(data, "party-5.1b")) == ["县委常委会会议研究部署法治建设工作"]
    assert _titles(status_of(data, "party-5.4a")) == ["县委常委会听取县法院党组工作汇报"]
    assert "县人大常委会听取全县法治建设情况报告" in {u["title"] for u in data["unmatched"]}


def test_cadre_training_courses_and_leaders_law_classes(write_csv: Callable[..., Path]) -> None:
    """A 县委党校 register: a 进修班's law course raises cadres' 法治素养 (第五条(五)); the 县长 teaching a 法治课 is
    his own 学法用法 (第六条(六)); a 法律知识培训 of staff is 学法用法 too."""
    rows = [
        ["2023-03-10", "宪法与依法执政（秋季科级干部进修班必修课）", "县委"],
        ["2023-04-10", "县长讲法治课：依法行政是政府工作的生命线", "县政府"],
        ["2023-05-10", "住建系统执法人员法律知识培训（20学时）", "县政府"],
    ]
    log = write_csv(rows, header=["日期", "课程名称", "责任主体"], title="县委党校2023年教学登记")
    _, data = check_json("guangxi", log, "--year", "2023")
    assert status_of(data, "party-5.5c")["found"] == 1
    assert status_of(data, "gov-6.6a")["found"] == 2
