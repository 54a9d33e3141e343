"""The ziyang pack (中共资阳市委关于全面深入推进依法治市的决定) against its example log.

The example (examples/ziyang-2016-台账.xlsx, written by examples/ziyang_log.py) is 资阳市's 2016 log with
one sheet per body the decision binds. It has gaps, so `check` must exit 1. These tests pin the verdicts
it is built to show (met, partial, missing), the role split, the deliberate overlaps and the shape of
the pack. The decision's one date (力争到2020年) is a deadline of the 2020 audit, tested on small logs.
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
from dutyaudit.packs import CountReq, DeadlineReq, EachReq, load_pack

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ziyang-2016-台账.xlsx"
ROLE_COUNTS = {"party": 24, "government": 31, "congress": 11, "judiciary": 22, "department": 28}


def _check(*args: str | Path) -> tuple[int, dict[str, Any]]:
    return check_json("ziyang", *args)


@pytest.fixture(scope="module")
def example() -> tuple[int, dict[str, Any]]:
    assert EXAMPLE.exists(), "run python examples/ziyang_log.py"
    return _check(EXAMPLE)


def _titles(duty: dict[str, Any]) -> list[str]:
    return [e["title"] for e in duty["evidence"]]


# ---------------------------------------------------------------- the pack


def test_pack_shape_and_kinds() -> None:
    pack = load_pack("ziyang")
    assert len(pack.duties) == 116
    assert Counter(d.kind for d in pack.duties) == {"evidence": 106, "count": 6, "each": 1, "deadline": 1, "all_of": 2}
    assert Counter(d.role for d in pack.duties) == ROLE_COUNTS
    assert set(pack.roles) == set(ROLE_COUNTS)
    assert pack.grades == {"优秀": 90, "良好": 80, "合格": 60, "不合格": 0}
    assert [f.name for f in pack.fields] == ["到达时间"]


def test_quantified_requirements() -> None:
    """年度 (exam, 述法, 信息公开年度报告, 普法年度计划), 至少一档 and 一小时 each have their own duty."""
    pack = load_pack("ziyang")
    counts = {d.id: d.requirement for d in pack.duties if isinstance(d.requirement, CountReq)}
    assert {k: (r.min, r.per) for k, r in counts.items()} == {
        "party-08": (1, "year"),
        "party-09": (1, "year"),
        "gov-08": (1, "year"),
        "gov-30": (1, "year"),
        "dept-20": (1, "year"),
        "dept-21": (1, "year"),
    }
    for duty_id, words in {
        "party-08": "年度法律考试",
        "party-09": "年度述职述廉述法",
        "gov-08": "年度报告",
        "dept-20": "年度计划",
        "dept-21": "至少开办一档",
    }.items():
        duty = pack.duty(duty_id)
        assert duty is not None and words in duty.text
    hour = pack.duty("dept-26")
    assert hour is not None and isinstance(hour.requirement, EachReq)
    where = hour.requirement.where
    assert (where.field, where.op, where.value) == ("到达时间", "<=", 1)
    assert "一小时" in hour.text
    goal = pack.duty("goal-2020")
    assert goal is not None and isinstance(goal.requirement, DeadlineReq)
    assert goal.requirement.by == "12-31" and goal.text.startswith("力争到2020年")
    assert goal.years is not None and (goal.years.from_, goal.years.to) == (2020, 2020)
    assert [d.id for d in pack.duties if d.years is not None] == ["goal-2020"]


def test_enumerated_sets_are_all_of_duties() -> None:
    """五落实 and 六张治安防控网 name their items: one all_of duty each, every item needing a row."""
    pack = load_pack("ziyang")
    five, six = pack.duty("dept-15"), pack.duty("dept-24")
    assert five is not None and six is not None
    assert five.requirement.kind == six.requirement.kind == "all_of"
    assert five.requirement.names() == ["教材", "师资", "课时", "经费", "考试"]
    assert six.requirement.names() == ["街面", "社区(村)", "单位", "线(路)", "区域边际", "虚拟社会"]
    assert all(d.weight == 1 for d in pack.duties)


def test_every_part_and_law_seven_entries_are_encoded() -> None:
    pack = load_pack("ziyang")
    parts = {d.clause.split("(")[0] for d in pack.duties}
    assert parts == {"一", "二", "三", "四", "五", "六", "七", "八"}
    assert [d.id for d in pack.duties if d.clause == "一"] == ["goal-2020"]  # 一 sets the 2020 goal only
    seven = " ".join(d.text for d in pack.duties if d.clause == "五(二)")
    for entry in ("法律进机关", "五落实", "法律服务进千村", "法律进社区", "法律进企业", "法律进寺庙", "法律进单位"):
        assert entry in seven


def test_shared_sentences_bind_distinct_roles() -> None:
    pack = load_pack("ziyang")
    for a, b in (("party-14", "gov-12"), ("party-15", "gov-13"), ("judiciary-11", "dept-11")):
        da, db = pack.duty(a), pack.duty(b)
        assert da is not None and db is not None
        assert da.text == db.text and da.role != db.role


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("市委", "party"),
        ("安岳县委", "party"),
        ("县委办", "party"),
        ("县委依法治县办", "party"),
        ("镇党委", "party"),
        ("市委常委会", "party"),
        ("市委组织部", "party"),
        ("市依法治市办", "party"),
        ("市司法局党组", "party"),  # 党委(党组): a 局党组 is party, not department
        ("市政府", "government"),
        ("县政府办", "government"),
        ("镇政府", "government"),
        ("乐至县天池街道办事处", "government"),
        ("乐至县人民政府", "government"),
        ("市政府常务会议", "government"),
        ("市政府法制办", "government"),
        ("市人大常委会", "congress"),  # 人大常委会 outranks 常委会
        ("县人大常委会", "congress"),
        ("乐至县人大", "congress"),
        ("市中级人民法院", "judiciary"),
        ("市中级人民法院党组", "judiciary"),
        ("安岳县人民检察院", "judiciary"),
        ("两院", "judiciary"),
        ("市司法局", "department"),
        ("司法局", "department"),
        ("雁江区宝台镇司法所", "department"),
        ("市级部门", "department"),
        ("市委宣传部", "department"),  # 宣传部 outranks 市委
        ("资阳电视台", "department"),
        ("市政协", None),
    ],
)
def test_role_aliases(text: str, role: str | None) -> None:
    assert RoleResolver(load_pack("ziyang"))._lookup(text) == role


# ---------------------------------------------------------------- the example log


def test_example_exits_1_with_gaps(example: tuple[int, dict[str, Any]]) -> None:
    code, data = example
    assert code == 1
    assert (data["year"], data["unit"]) == (2016, "资阳市")
    # dept-15 (五落实, met) and dept-24 (六张网, 2 of 6 nets) are one all_of duty each; the score is unchanged
    # 29 duties added (courts, 人大, 党委, 政府 and 部门 sentences the pack had left out): the example's rows
    # evidence two of them (84.4 before); party-23 (党委 leading 普法) has no row in it (63.2 before); 8 government
    # duties added (二(三) 学法 and 述法, 三(三), 三(五) 审计, 六(一) 信用, 八(一) 听取汇报), four rows added for them
    assert data["summary"] == {"met": 72, "partial": 2, "late": 0, "missing": 41, "waived": 0, "na": 0, "total": 115}
    assert data["score"] == 63.5 and data["grade"] == "合格"
    assert data["warnings"] == []
    assert len(data["unmatched"]) == 8
    assert "召开市委经济工作会议" in [u["title"] for u in data["unmatched"]]


@pytest.mark.parametrize(
    ("duty_id", "found"),
    [
        ("party-09", 1),
        ("party-13", 1),
        ("gov-08", 1),
        ("dept-20", 1),
        ("dept-21", 1),
        ("congress-05", 1),
        ("judiciary-04", 1),
        ("dept-15", 5),
    ],
)
def test_example_met(example: tuple[int, dict[str, Any]], duty_id: str, found: int) -> None:
    d = status_of(example[1], duty_id)
    assert (d["status"], d["found"]) == ("met", found)


def test_example_nets_name_the_missing_ones(example: tuple[int, dict[str, Any]]) -> None:
    d = status_of(example[1], "dept-24")
    assert (d["status"], d["required"], d["found"]) == ("partial", 6, 2)
    assert d["shortfall"] == "未见：社区(村)、单位、线(路)、区域边际"


def test_example_partial_legal_aid_hour(example: tuple[int, dict[str, Any]]) -> None:
    """Three stations logged; 龙台镇 is 1.5 hours away, so 2 of 3 are inside the hour."""
    d = status_of(example[1], "dept-26")
    assert (d["status"], d["required"], d["found"]) == ("partial", 3, 2)
    assert "市级部门!23" in d["shortfall"]


@pytest.mark.parametrize(
    "duty_id",
    [
        "party-03",
        "party-10",
        "party-18",
        "gov-06",
        "gov-07",
        "congress-04",
        "judiciary-09",
        "dept-06",
        "dept-07",
        "dept-14",
    ],
)
def test_example_missing(example: tuple[int, dict[str, Any]], duty_id: str) -> None:
    d = status_of(example[1], duty_id)
    assert (d["status"], d["found"], d["evidence"]) == ("missing", 0, [])


def test_last_years_exam_does_not_count(example: tuple[int, dict[str, Any]]) -> None:
    """The 年度法律考试 was held in December 2015: the 2016 audit finds none, a 2015 audit finds it."""
    assert status_of(example[1], "party-08")["status"] == "missing"
    _, data2015 = _check(EXAMPLE, "--year", "2015")
    d = status_of(data2015, "party-08")
    assert (d["status"], _titles(d)) == ("met", ["全市干部年度学法考试"])


def test_pre_appointment_exam_is_not_the_annual_exam(example: tuple[int, dict[str, Any]]) -> None:
    data = example[1]
    assert _titles(status_of(data, "party-07")) == ["新提拔县级领导干部任前法律知识考试"]
    assert "新提拔县级领导干部任前法律知识考试" not in _titles(status_of(data, "party-08"))


def test_deliberate_overlaps(example: tuple[int, dict[str, Any]]) -> None:
    data = example[1]
    study = "市委理论学习中心组集体学法（国家安全法专题）"
    meeting = "市委常委会会前学法：学习《中华人民共和国宪法》"  # leaders studying law: 二(三) and 五(二) both
    assert study in _titles(status_of(data, "party-06")) and _titles(status_of(data, "party-11")) == [meeting, study]
    risk = "临空经济区建设重大决策社会稳定风险评估"
    assert risk in _titles(status_of(data, "gov-04")) and _titles(status_of(data, "gov-10")) == [risk]
    five = "全市中小学法治教育“五落实”专项检查"
    assert _titles(status_of(data, "dept-15")) == [five]
    station = "乡镇公共法律服务站暨法律援助工作站挂牌"
    assert _titles(status_of(data, "dept-25")) == [station] and station in _titles(status_of(data, "dept-26"))


def test_shared_sentence_rows_count_for_their_own_role(example: tuple[int, dict[str, Any]]) -> None:
    data = example[1]
    assert _titles(status_of(data, "party-14")) == ["市委书记履行推进法治建设第一责任人职责专题会议"]
    assert _titles(status_of(data, "gov-12")) == ["市长履行推进法治建设第一责任人职责述法"]
    assert _titles(status_of(data, "party-15")) == ["市领导联系依法治理重点单位、重点课题工作安排"]
    assert _titles(status_of(data, "gov-13")) == ["市政府领导分工联系依法治理重点工作"]
    assert _titles(status_of(data, "judiciary-11")) == ["法官进社区以案释法"]
    assert _titles(status_of(data, "dept-11")) == ["行政执法人员以案释法活动"]
    # the 市长's 述法 row is the government's: it does not fill the party's 年度述法 duty
    assert _titles(status_of(data, "party-09")) == ["市委常委班子及成员2015年度述职述廉述法"]
    # the 法官进社区 row is the court's: it does not fill the department's 法律进社区 duty
    assert _titles(status_of(data, "dept-17")) == ["开展法治小区创建"]


@pytest.mark.parametrize(("role", "n"), sorted(ROLE_COUNTS.items()))
def test_role_filter(role: str, n: int) -> None:
    code, data = _check(EXAMPLE, "--role", role)
    assert code == 1  # every role has at least one gap in the example
    n -= 1 if role == "party" else 0  # goal-2020 is not audited in 2016
    assert len(data["duties"]) == n == data["summary"]["total"]
    assert {d["role"] for d in data["duties"]} == {role}


def test_2020_goal_only_in_the_2020_audit(example: tuple[int, dict[str, Any]], write_csv: Callable[..., Path]) -> None:
    assert "goal-2020" not in {d["id"] for d in example[1]["duties"]}
    log = write_csv([{"日期": "2020-03-01", "事项": "市委常委会会议", "责任主体": "市委"}], title="2020年度工作台账")
    _, data = _check(log, "--year", "2020")
    d = status_of(data, "goal-2020")
    assert (d["kind"], d["status"], d["required"]) == ("deadline", "missing", 1)
    assert data["summary"]["total"] == 116


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("法治资阳建设成效第三方评估", "met"),
        ("《法治资阳》电视栏目全年每周播出", "missing"),  # a programme of that name is not the goal
    ],
)
def test_2020_goal_needs_an_assessment_row(write_csv: Callable[..., Path], title: str, status: str) -> None:
    log = write_csv([{"日期": "2020-11-26", "事项": title, "责任主体": "市委"}], title="资阳市2020年度工作台账")
    _, data = _check(log)
    assert status_of(data, "goal-2020")["status"] == status


def test_media_programme_is_not_a_bulletin_board(write_csv: Callable[..., Path]) -> None:
    """至少开办一档法治节目或专栏 (dept-21): a newspaper column counts, a village notice board does not."""
    log = write_csv(
        [
            {"日期": "2016-03-01", "事项": "村法治宣传专栏更新", "责任主体": "市司法局"},
            {"日期": "2016-04-01", "事项": "资阳日报开设“法治视点”专栏", "责任主体": "资阳日报社"},
        ],
        title="资阳市2016年度工作台账",
    )
    _, data = _check(log)
    assert _titles(status_of(data, "dept-21")) == ["资阳日报开设“法治视点”专栏"]


def test_legal_aid_contact_point_is_not_a_leader_contact(write_csv: Callable[..., Path]) -> None:
    """法律援助联系点 (dept-26) is not 领导联系 (party-15, gov-13), even on a row with no 责任主体."""
    log = write_csv([{"日期": "2016-06-01", "事项": "村（社区）法律援助联系点建设"}], title="资阳市2016年度工作台账")
    _, data = _check(log, "--role", "department", "--role", "party", "--role", "government")
    assert status_of(data, "dept-26")["evidence"]
    assert not status_of(data, "party-15")["evidence"] and not status_of(data, "gov-13")["evidence"]


def test_unlabelled_row_counts_for_any_role(write_csv: Callable[..., Path]) -> None:
    """A row with no 责任主体 and a role-neutral title counts for whichever duty it matches."""
    log = write_csv(
        [
            {"日期": "2016-05-04", "事项": "落实行政执法公示制度，公示行政处罚信息"},
            {"日期": "2016-05-05", "事项": "建立执法全过程记录制度", "责任主体": "市政府"},
        ],
        title="资阳市2016年度工作台账",
    )
    _, data = _check(log, "--role", "department")
    assert status_of(data, "dept-07")["status"] == "met"
    assert status_of(data, "dept-01")["status"] == "missing"  # the government's row is not a department's


def test_example_workbook_is_up_to_date(tmp_path: Path) -> None:
    """The committed workbook holds what examples/ziyang_log.py writes (rerun the script after editing it)."""
    import openpyxl

    script = runpy.run_path(str(ROOT / "examples" / "ziyang_log.py"), run_name="ziyang_log")
    fresh = script["main"](tmp_path / "fresh.xlsx")

    def cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
        wb = openpyxl.load_workbook(path)
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb}

    assert cells(EXAMPLE) == cells(fresh)


def test_the_standing_committee_hearing_party_groups_and_leaders_studying_law(
    write_csv: Callable[..., Path],
) -> None:
    """A 县委办's ledger: 常委会听取…党组工作汇报 is 二(一) (leading and supporting them); 常委会会前学法 is also 五(二)
    (领导干部带头学法); 各级党委…加强对法治宣传教育工作的领导 binds the 党委 too."""
    rows = [
        ["2023-02-10", "县委常委会专题听取县人大常委会、县政府、县政协、县法院、县检察院党组2022年工作情况汇报"],
        ["2023-03-10", "县委常委会2023年第2次会议会前学法：《中华人民共和国反有组织犯罪法》"],
        ["2023-04-10", "县委常委会审议《乐至县“八五”普法规划中期评估工作方案》"],
    ]
    log = write_csv(rows, header=["日期", "工作内容"], title="中共乐至县委办公室2023年法治建设工作台账")
    _, data = check_json("ziyang", log, "--year", "2023")
    assert status_of(data, "party-21")["found"] == 1
    assert status_of(data, "party-11")["found"] == 1
    assert status_of(data, "party-23")["found"] == 1
