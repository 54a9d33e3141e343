"""The shizuishan pack (石嘴山市推进法治政府建设“八大提升行动”实施方案) against its example log.

The example (examples/shizuishan-2024-台账.xlsx, written by examples/shizuishan_log.py) is the
石嘴山市司法局's 2024 log: quarter sheets plus a case/filing register. It has gaps, so `check` exits 1.
These tests pin the verdicts it is built to show (met, partial, missing), the unit filter (owners),
the year-bound targets, the role split, the deliberate overlaps and the shape of the pack.
"""

from __future__ import annotations

import csv
import re
import runpy
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import check_json, status_of

from dutyaudit.ingest.text import normalize
from dutyaudit.matching import RoleResolver
from dutyaudit.packs import duties_for, load_pack

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "shizuishan-2024-台账.xlsx"

#: Task numbers under each action of 二、目标任务 (the tasks are numbered straight through).
ACTIONS = {
    "一": range(1, 6),
    "二": range(6, 13),
    "三": range(13, 19),
    "四": range(19, 25),
    "五": range(25, 33),
    "六": range(33, 41),
    "七": range(41, 46),
    "八": range(46, 52),
}


def _check(*args: str | Path) -> tuple[int, dict[str, Any]]:
    return check_json("shizuishan", *args)


@pytest.fixture(scope="module")
def example() -> tuple[int, dict[str, Any]]:
    assert EXAMPLE.exists(), "run python examples/shizuishan_log.py"
    return _check(EXAMPLE)


@pytest.fixture(scope="module")
def sfj() -> tuple[int, dict[str, Any]]:
    """The same log audited as 市司法局's own duties."""
    return _check(EXAMPLE, "--unit", "市司法局")


def _ids(data: dict[str, Any]) -> set[str]:
    return {d["id"] for d in data["duties"]}


def _titles(duty: dict[str, Any]) -> list[str]:
    return [e["title"] for e in duty["evidence"]]


# ---------------------------------------------------------------- the pack


def test_pack_shape_and_kinds() -> None:
    pack = load_pack("shizuishan")
    assert len(pack.duties) == 87
    assert Counter(d.kind for d in pack.duties) == {"evidence": 63, "rate": 11, "count": 11, "each": 1, "deadline": 1}
    assert Counter(d.role for d in pack.duties) == {"government": 85, "township": 2}
    assert set(pack.roles) == {"government", "township"}
    assert pack.grades == {"优秀": 90, "良好": 80, "合格": 60, "不合格": 0}
    assert [f.name for f in pack.fields] == ["办理情况", "出庭情况", "报备及时", "报备规范"]


def test_every_task_is_encoded_under_its_action() -> None:
    """Tasks 1–51 each have a duty, cited as 二(<action>)<task> with the right action."""
    tasks: set[int] = set()
    for d in load_pack("shizuishan").duties:
        m = re.fullmatch(r"二\((.)\)(\d+)", d.clause)
        if m is None:
            assert re.fullmatch(r"三\([一二三四]\)", d.clause), d.clause
            continue
        n = int(m.group(2))
        assert n in ACTIONS[m.group(1)], d.clause
        tasks.add(n)
    assert tasks == set(range(1, 52))


def test_quantified_requirements() -> None:
    req = {d.id: d.requirement for d in load_pack("shizuishan").duties}
    counts = {i: (r.min, r.per) for i, r in req.items() if r.kind == "count"}
    assert counts == {
        "t01b": (2, "year"),
        "t02c": (3, "year"),
        "t02d": (6, "year"),
        "t05a": (1, "year"),
        "t30a": (1, "year"),
        "t41a": (1, "year"),
        "t47a": (4, "year"),
        "t47b": (2, "year"),
        "t47c": (1, "year"),
        "t50a": (2, "year"),
        "req-4": (1, "year"),
    }
    rates = {i: (r.min, r.where.field) for i, r in req.items() if r.kind == "rate"}
    assert rates == {
        "t15a": (100, "办理情况"),
        "t16a": (100, "办理情况"),
        "t18b": (100, "办理情况"),
        "t19b": (100, "办理情况"),
        "t22a": (100, "办理情况"),
        "t22b": (100, "报备及时"),
        "t22c": (100, "报备规范"),
        "t30b": (90, "办理情况"),
        "t34a": (100, "办理情况"),
        "t38": (100, "出庭情况"),
        "t40": (100, "办理情况"),
    }
    each = req["t09a"]
    assert each.kind == "each"
    assert (each.where.field, each.where.op, each.where.value) == ("duration_days", ">=", 30)
    deadlines = {i: r.by for i, r in req.items() if r.kind == "deadline"}
    assert deadlines == {"t02b": "12-31"}  # 力争到2023年底


def test_hedges_stay_in_the_quoted_text() -> None:
    pack = load_pack("shizuishan")
    assert "一般不少于30日" in pack.duty("t09a").text
    assert pack.duty("t01b").text.startswith("力争到2025年")
    assert pack.duty("t02b").text.startswith("力争到2023年底")
    assert "90%以上" in pack.duty("t30b").text
    assert "1次以上" in pack.duty("req-4").text


def test_year_bound_targets() -> None:
    pack = load_pack("shizuishan")
    years = {d.id: (d.years.from_, d.years.to) for d in pack.duties if d.years is not None}
    assert years == {"t01b": (2025, 2025), "t02b": (2023, 2023), "t02c": (2025, 2025), "t02d": (2025, 2025)}
    for did in years:
        assert pack.duty(did).note, f"{did}: a year-bound duty says how other years treat it"


def test_owners_follow_the_document() -> None:
    pack = load_pack("shizuishan")
    for d in pack.duties:
        if d.clause.startswith("二"):
            assert d.owners, f"{d.id}: every task names its 责任单位"
        else:
            assert d.owners == [], f"{d.id}: 三、工作要求 names no 责任单位"
    assert pack.duty("t01a").owners == ["市委依法治市办(市司法局)", "政府办公室", "市政府各部门", "各县(区)政府"]
    assert pack.duty("t38").owners[0] == "市政府办公室"
    assert pack.duty("t18b").owners == ["市审批局", "各县(区)政府"]
    # split spellings, so that --unit finds the unit
    assert pack.duty("t51").owners == ["市委依法治市办", "司法局", "市政府办公室", "政府各部门", "各县(区)政府"]
    assert "司法局" in pack.duty("t16a").owners and "政府各部门" in pack.duty("t16a").owners


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("大武口区星海镇人民政府", "township"),
        ("长胜街道办事处", "township"),
        ("平罗县人民政府", "government"),
        ("市政府常务会议", "government"),
        ("石嘴山市司法局", "government"),
        ("市委依法治市办", "government"),
        ("平罗县委依法治县办", "government"),
        ("大武口区委依法治区办", "government"),
        ("县政府办", "government"),
        ("惠农区司法局", "government"),
        ("星海镇政府办公室", "township"),  # not the government's 政府办公室
        ("镇政府常务会议", "township"),  # not the government's 政府常务会
        ("镇党委", "township"),
        ("街道党工委", "township"),
        ("局党组", None),
        ("县委办", None),
        ("县人大常委会", None),
        ("市人大常委会法工委", None),
        ("第一季度", None),
    ],
)
def test_role_aliases(text: str, role: str | None) -> None:
    assert RoleResolver(load_pack("shizuishan"))._lookup(normalize(text)) == role


# ---------------------------------------------------------------- the example log


def test_example_exits_1_with_gaps(example: tuple[int, dict[str, Any]]) -> None:
    code, data = example
    assert code == 1
    assert data["year"] == 2024
    assert data["unit"] == "石嘴山市司法局"
    # a department's log: the tasks the document gives 司法局 or every department (77 of 83); t15a has no case
    assert data["summary"] == {"met": 28, "partial": 6, "late": 0, "missing": 42, "waived": 0, "na": 1, "total": 77}
    assert data["score"] == 42.1 and data["grade"] == "不合格"
    assert data["warnings"] == []
    assert data["scope"]["inferred"] and data["scope"]["kind"] == "department"
    assert data["scope"]["roles"] == ["government"]


def test_other_units_tasks_are_out_of_scope(example: tuple[int, dict[str, Any]]) -> None:
    """Tasks owned by the 审批局 or 各县(区)政府, and the township's, are not the 司法局's: not missing, not listed."""
    assert not _ids(example[1]) & {"t18b", "t41a", "t41b", "t44"}


def test_rate_without_cases_is_not_applicable(example: tuple[int, dict[str, Any]]) -> None:
    d = status_of(example[1], "t15a")
    assert (d["status"], d["found"], d["shortfall"]) == ("na", 0, "本年度无此类清单记录")


@pytest.mark.parametrize(
    "duty_id",
    [
        *("t01a", "t02a", "t05a", "t05b", "t16a", "t19a", "t19b", "t21", "t22a", "t22c"),
        *("t30a", "t34a", "t40", "t47c", "t47d", "t48b", "t50a", "req-4"),
    ],
)
def test_example_met(example: tuple[int, dict[str, Any]], duty_id: str) -> None:
    assert status_of(example[1], duty_id)["status"] == "met"


@pytest.mark.parametrize(
    ("duty_id", "required", "found"),
    [
        ("t09a", 2, 1),  # one draft open for comment 20 days only
        ("t22b", 100, 75),  # one of four filings late
        ("t30b", 90, 75),  # one complaint still 办理中
        ("t38", 100, 66.7),  # one case without the head in court
        ("t47a", 4, 3),  # three 会前学法
        ("t47b", 2, 1),  # one 专题法治讲座
    ],
)
def test_example_partial(example: tuple[int, dict[str, Any]], duty_id: str, required: float, found: float) -> None:
    d = status_of(example[1], duty_id)
    assert (d["status"], d["required"], d["found"]) == ("partial", required, found)


@pytest.mark.parametrize("duty_id", ["t03", "t04", "t08", "t22d", "t37b", "req-1"])
def test_example_missing(example: tuple[int, dict[str, Any]], duty_id: str) -> None:
    d = status_of(example[1], duty_id)
    assert (d["status"], d["found"]) == ("missing", 0)


def test_short_comment_period_is_named(example: tuple[int, dict[str, Any]]) -> None:
    d = status_of(example[1], "t09a")
    assert "第三季度" in d["shortfall"]
    assert any("物业管理办法(草案)" in t for t in _titles(d))


def test_lawful_refusal_counts_as_lawful_handling(example: tuple[int, dict[str, Any]]) -> None:
    d = status_of(example[1], "t34a")
    assert len(d["evidence"]) == 3
    assert any("超过法定申请期限" in t for t in _titles(d))


def test_deliberate_overlaps(example: tuple[int, dict[str, Any]]) -> None:
    data = example[1]
    lecture = "举办全市领导干部专题法治讲座:新修订《行政复议法》解读"
    assert lecture in _titles(status_of(data, "t47b"))
    assert lecture in _titles(status_of(data, "t50a"))
    review = "配合自治区开展法治政府建设示范创建达标复核评估"
    assert _titles(status_of(data, "t02a")) == [review]
    assert "t02b" not in _ids(data)  # 力争到2023年底: the 2023 audit only


def test_speech_study_is_not_law_study(example: tuple[int, dict[str, Any]]) -> None:
    """会前学习 of a speech is not 会前学法: t47a stays at 3 of 4."""
    data = example[1]
    speech = "局党组会会前学习习近平总书记关于党的建设的重要思想"
    assert speech not in _titles(status_of(data, "t47a"))
    assert speech in {u["title"] for u in data["unmatched"]}


def test_study_and_hearing_rows_are_not_cases(example: tuple[int, dict[str, Any]]) -> None:
    """会前学法《行政复议法》 is study and 旁听庭审 is a visit: neither lowers a case rate."""
    data = example[1]
    assert not any("学法" in t or "讲座" in t for t in _titles(status_of(data, "t34a")))
    assert not any("旁听" in t for t in _titles(status_of(data, "t38")))
    unmatched = {u["title"] for u in data["unmatched"]}
    assert "开展“12·4”国家宪法日宣传活动" in unmatched
    assert "召开2023年度领导班子述法评议会" not in unmatched  # dated 2023: outside the audit year


# ---------------------------------------------------------------- filters


def test_unit_keeps_only_the_units_tasks(sfj: tuple[int, dict[str, Any]]) -> None:
    code, data = sfj
    assert code == 1
    assert data["unit"] == "市司法局"
    ids = _ids(data)
    assert len(ids) == 77
    # owned through 市委依法治市办(市司法局), 司法局, 市司法局, 司法局等政府各部门, 〔司法局〕
    assert {"t01a", "t06", "t10", "t16a", "t16b", "t38", "t51"} <= ids
    # section 三 names no owners: it applies to every unit
    assert {"req-1", "req-2a", "req-2b", "req-3", "req-4"} <= ids
    # owned collectively: 市政府各部门 and 市直各行政执法部门 include every department
    assert {"t39", "t40", "t46a", "t26a", "t29", "t50a"} <= ids
    # owned by others only (a named bureau, 各县(区)政府)
    assert not ids & {"t18b", "t41a", "t44"}
    assert status_of(data, "t38")["status"] == "partial"


def _retitled(tmp_path: Path, unit: str) -> Path:
    """The example log with another unit's name in its title rows (--unit must name the log's own unit)."""
    import openpyxl

    wb = openpyxl.load_workbook(EXAMPLE)
    for ws in wb.worksheets:
        for row in ws.iter_rows(max_row=3):
            for c in row:
                if isinstance(c.value, str) and "石嘴山市司法局" in c.value:
                    c.value = c.value.replace("石嘴山市司法局", unit)
    path = tmp_path / "log.xlsx"
    wb.save(path)
    return path


def test_unit_of_the_legislature(tmp_path: Path) -> None:
    _, data = _check(_retitled(tmp_path, "石嘴山市人大常委会法工委"), "--unit", "市人大常委会法工委")
    tasks = {d["id"] for d in data["duties"] if not d["id"].startswith("req-")}
    assert tasks == {"t06", "t07", "t08", "t09a", "t09b", "t10", "t11", "t12"}


def test_unit_of_the_approval_bureau(tmp_path: Path) -> None:
    _, data = _check(_retitled(tmp_path, "石嘴山市审批局"), "--unit", "市审批局")
    ids = _ids(data)
    assert {"t13a", "t13b", "t15a", "t16a", "t18a", "t18b", "t45"} <= ids
    # 出庭应诉率 (t38) and 审查率 (t19b) bind 市政府各部门, the 审批局 among them
    assert {"t19b", "t38", "t01a"} <= ids
    assert not ids & {"t41a", "t44", "t06"}


def test_unit_of_a_county_takes_the_county_tasks(tmp_path: Path) -> None:
    _, data = _check(_retitled(tmp_path, "平罗县"), "--unit", "平罗县")
    ids = _ids(data)
    # 各县(区)政府 covers a county; a named city bureau's own tasks do not
    assert {"t44", "t18b", "t38"} <= ids
    assert "t41a" not in ids  # binds the township role (the county answers for it): a township's audit
    assert "t06" not in ids  # 市政府办公室、司法局、市人大常委会法工委 only


@pytest.mark.parametrize(("role", "total"), [("government", 81), ("township", 2)])
def test_role_filter(example: tuple[int, dict[str, Any]], role: str, total: int) -> None:
    _, data = _check(EXAMPLE, "--role", role)
    assert {d["role"] for d in data["duties"]} == {role}
    assert data["summary"]["total"] == total
    if role == "township":
        assert _ids(data) == {"t41a", "t41b"}


@pytest.mark.parametrize(
    ("year", "total", "present", "absent"),
    [
        (2025, 86, {"t01b", "t02c", "t02d"}, {"t02b"}),
        (2024, 83, set(), {"t01b", "t02b", "t02c", "t02d"}),
        (2023, 84, {"t02b"}, {"t01b", "t02c", "t02d"}),
        (2022, 83, set(), {"t01b", "t02b", "t02c", "t02d"}),
    ],
)
def test_year_bound_duties_by_audit_year(year: int, total: int, present: set[str], absent: set[str]) -> None:
    ids = {d.id for d in duties_for(load_pack("shizuishan"), year)}
    assert len(ids) == total
    assert present <= ids and not absent & ids


def test_township_log_counts_for_the_township_only(tmp_path: Path) -> None:
    """Rows whose 责任主体 is a 镇人民政府 serve task 41 and do not count for the government's 会前学法."""
    log = tmp_path / "log2024.csv"  # names no unit: every role is audited
    rows = [
        ("2024-03-12", "镇政府专题会议研究部署法治政府建设工作", "星海镇人民政府"),
        ("2024-04-02", "司法所所长列席镇政府行政会议", "星海镇人民政府"),
        ("2024-05-06", "镇政府会前学法:学习《行政处罚法》", "星海镇人民政府"),
        ("2024-06-06", "区政府常务会议会前学法:学习《行政复议法》", "大武口区人民政府"),
    ]
    with open(log, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["日期", "事项", "责任主体"])
        w.writerows(rows)
    _, data = _check(log)
    assert status_of(data, "t41a")["status"] == "met"
    assert status_of(data, "t41b")["status"] == "met"
    assert _titles(status_of(data, "t47a")) == ["区政府常务会议会前学法:学习《行政复议法》"]


def _write(path: Path, rows: list[tuple[str, ...]], header: tuple[str, ...] = ("日期", "事项", "责任主体")) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)
    return path


@pytest.mark.parametrize(
    ("title", "status"),
    [
        ("平罗县被自治区认定为全区法治政府建设示范创建达标地区", "met"),
        ("迎接自治区法治政府建设示范创建达标评估", "missing"),  # assessed, not yet 认定
    ],
)
def test_standard_reached_by_end_of_2023(tmp_path: Path, title: str, status: str) -> None:
    """t02b (力争到2023年底 … 达标地区) is a deadline of 2023-12-31, checked in the 2023 audit."""
    log = _write(tmp_path / "平罗县2023年台账.csv", [("2023-11-20", title, "平罗县人民政府")])
    _, data = _check(log, "--year", "2023")
    d = status_of(data, "t02b")
    assert (d["kind"], d["status"]) == ("deadline", status)


def test_match_rules_on_clerk_wording(tmp_path: Path) -> None:
    """Rows as clerks write them count for the right duty; near neighbours do not."""
    header = ("日期", "事项", "责任主体", "办理情况")
    rows = [
        ("2024-02-20", "向市委、市政府报告2023年度法治政府建设工作", "市司法局", ""),
        ("2024-03-08", "在政府网站公开2023年度法治政府建设情况报告", "市司法局", ""),
        ("2024-03-12", "局务会学法:学习《行政处罚法》", "市司法局", ""),
        ("2024-03-19", "局党组会会前学习习近平总书记重要讲话精神", "局党组", ""),
        ("2024-04-09", "开展安全生产执法检查", "市应急管理局", ""),
        ("2024-05-14", "对市交通运输局开展行政执法监督检查", "市司法局", ""),
        ("2024-06-11", "对大武口区开展法治政府建设督查", "市委依法治市办", ""),
        ("2024-07-02", "重大行政决策合法性审核", "市司法局", "已审查"),
        ("2024-07-16", "开展公平竞争审查第三方评估", "市市场监督管理局", ""),
        ("2024-08-06", "主要负责人讲授法治课", "市发改委", ""),
        ("2024-08-20", "邀请专家讲授法治课", "市发改委", ""),
        ("2024-09-03", "配合市司法局对我区开展行政执法监督检查，提供案卷材料", "市司法局", ""),
        ("2024-09-10", "为区城投公司聘请常年法律顾问出具备案意见", "市司法局", ""),
        ("2024-09-17", "指导河滨街道调处一起邻里通道纠纷", "市司法局", ""),
        ("2024-10-08", "法治大讲堂：民法典合同编解读", "市司法局", ""),
        ("2024-10-15", "安全生产法专题讲座", "市司法局", ""),
    ]
    _, data = _check(_write(tmp_path / "clerks.csv", rows, header))

    def titles(duty_id: str) -> list[str]:
        return _titles(status_of(data, duty_id))

    assert titles("t05a") == ["向市委、市政府报告2023年度法治政府建设工作"]  # publication is t05b
    assert titles("t05b") == ["在政府网站公开2023年度法治政府建设情况报告"]
    assert titles("t47a") == ["局务会学法:学习《行政处罚法》"]
    assert titles("t30a") == ["对市交通运输局开展行政执法监督检查"]  # not a department's own 执法检查
    assert titles("req-4") == ["对大武口区开展法治政府建设督查"]
    assert titles("t19b") == ["重大行政决策合法性审核"]
    assert status_of(data, "t19b")["status"] == "met"
    assert status_of(data, "t16a")["status"] == "na"  # an evaluation is not a reviewed measure: no case at all
    assert titles("t47c") == ["主要负责人讲授法治课"]
    assert titles("t32") == []  # being inspected is not 案卷评查
    assert titles("t22a") == []  # a company's 法律顾问 is not a filed 规范性文件
    assert titles("t43") == []  # guiding a mediation is not 执法 guidance
    assert titles("t47b") == ["法治大讲堂：民法典合同编解读"]  # a 安全生产 lecture is not a 法治讲座


def test_example_workbook_is_up_to_date(tmp_path: Path) -> None:
    """The committed workbook holds what examples/shizuishan_log.py writes (rerun it after editing)."""
    import openpyxl

    script = runpy.run_path(str(ROOT / "examples" / "shizuishan_log.py"), run_name="shizuishan_log")
    fresh = script["main"](tmp_path / "fresh.xlsx")

    def cells(path: Path) -> dict[str, list[tuple[Any, ...]]]:
        wb = openpyxl.load_workbook(path)
        return {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb}

    assert cells(EXAMPLE) == cells(fresh)


def test_a_cross_department_joint_inspection_is_joint_supervision(write_csv: Callable[..., Path]) -> None:
    """任务17 (跨部门综合监管): a 跨部门联合抽查 with another bureau is that supervision, however it is worded."""
    rows = [
        ["2023-05-10", "开展跨部门联合抽查，与县卫健局对医疗美容机构联合检查14家"],
        ["2023-06-10", "开展食品安全专项检查"],
    ]
    log = write_csv(rows, header=["日期", "事项"], title="某县市场监督管理局2023年工作台账")
    _, data = check_json("shizuishan", log, "--year", "2023")
    assert [e["row"] for e in status_of(data, "t17")["evidence"]] == [3]


def test_a_staff_lecture_and_a_review_case_are_not_publicity_or_complaints(write_csv: Callable[..., Path]) -> None:
    """A lecture explaining a 条例 to the staff is study (任务47), not 宣传解读 (任务12); answering a 复议 brought
    over a complaint decision is the 复议, not complaint handling (任务30)."""
    rows = [
        ["2023-05-10", "举办法治专题讲座，邀请教授讲授《优化营商环境条例》解读"],
        ["2023-06-10", "在集市开展《优化营商环境条例》宣传解读"],
        ["2023-07-10", "办理行政复议答复：王某不服投诉不予受理决定申请行政复议"],
        ["2023-08-10", "健全投诉举报受理制度"],
        ["2023-09-10", "总结本局法治建设经验做法，被县法治建设简报刊发"],
    ]
    log = write_csv(rows, header=["日期", "事项"], title="某县市场监督管理局2023年工作台账")
    _, data = check_json("shizuishan", log, "--year", "2023")
    assert [e["row"] for e in status_of(data, "req-3")["evidence"]] == [7]  # its 法治建设 experience publicised
    assert [e["row"] for e in status_of(data, "t12")["evidence"]] == [4]
    assert [e["row"] for e in status_of(data, "t30d")["evidence"]] == [6]
