"""`dutyaudit explain`: counted rows, near misses with every kind of reason, what would satisfy a duty,
unknown duty ids, exit codes, and a verdict identical to `check`'s."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dutyaudit.report.explain import JSON_KEYS
from tests.conftest import MINI_PACK

#: The mini pack plus a duty with an excluded word.
EXPLAIN_PACK = (
    MINI_PACK
    + """\
  - id: party-study
    role: party
    clause: 三(一)6(20)
    text: 常委会会议会前学法
    label: 会前学法
    requirement: {kind: count, min: 1}
    match: {all: [学法], none: [取消]}
"""
)

ROWS: list[dict[str, Any]] = [
    # party-report: counted, then one near miss per reason
    {"日期": "2023-03-01", "事项": "县委常委会听取法治建设工作汇报", "活动类型": "会议", "责任主体": "县委"},  # 3
    {"日期": "2022-12-20", "事项": "县委常委会听取法治建设工作汇报", "活动类型": "会议", "责任主体": "县委"},  # 4
    {"日期": "2023-04-01", "事项": "县政府常务会议听取法治建设工作汇报", "活动类型": "会议", "责任主体": "县政府"},
    {"日期": "2023-05-01", "事项": "听取法治建设工作汇报", "活动类型": "讲座", "责任主体": "县委"},  # 6: type
    {"日期": "2023-06-01", "事项": "县委常委会听取意识形态工作汇报", "活动类型": "会议", "责任主体": "县委"},  # 7
    {"日期": "2023-06-02", "事项": "法治建设工作汇报材料归档", "活动类型": "", "责任主体": "县委"},  # 8: any only
    # gov-half: an `all` keyword missing
    {"日期": "2023-03-05", "事项": "县政府常务会议研究经济工作", "活动类型": "会议", "责任主体": "县政府"},  # 9
    # gov-report (deadline 03-01): late
    {"日期": "2023-03-10", "事项": "报送2022年度法治政府建设情况报告", "活动类型": "报告", "责任主体": "县政府"},
    # gov-constitution (window 12-01..12-10): one inside, one outside
    {"日期": "2023-12-04", "事项": "国家宪法日宣传活动", "活动类型": "宣传", "责任主体": "县政府"},  # 11
    {"日期": "2023-11-20", "事项": "宪法宣传进社区", "活动类型": "宣传", "责任主体": "县政府"},  # 12
    # gov-court (rate 100%): one case fails the condition
    {"日期": "2023-05-10", "事项": "行政诉讼案件应诉", "责任主体": "县政府", "出庭情况": "负责人出庭"},  # 13
    {"日期": "2023-07-10", "事项": "行政诉讼案件应诉", "责任主体": "县政府", "出庭情况": "未出庭"},  # 14
    # gov-training (sum per person): a row without hours
    {"日期": "2023-08-01", "事项": "执法人员培训", "责任主体": "县政府", "责任人": "张三", "学时": "20"},  # 15
    {"日期": "2023-08-02", "事项": "执法人员培训", "责任主体": "县政府", "责任人": "李四", "学时": ""},  # 16
    # party-study: excluded word
    {"日期": "2023-02-01", "事项": "会前学法（取消）", "活动类型": "学法", "责任主体": "县委"},  # 17
]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "explain.yaml"
    path.write_text(EXPLAIN_PACK, encoding="utf-8")
    return path


@pytest.fixture
def log(write_csv: Callable[..., Path]) -> Path:
    return write_csv(ROWS, title="测试县2023年度法治建设工作台账")


@pytest.fixture
def explain(run: Callable[..., Any], log: Path, pack: Path) -> Callable[..., tuple[int, dict[str, Any]]]:
    """Run `explain --format json` for a duty; return (exit code, parsed JSON)."""

    def go(duty: str, *extra: str) -> tuple[int, dict[str, Any]]:
        res = run("explain", log, "--pack", pack, "--duty", duty, "--format", "json", *extra)
        assert res.exit_code in (0, 1), res.stderr or res.stdout
        return res.exit_code, json.loads(res.stdout)

    return go


def _reasons(data: dict[str, Any]) -> dict[int, list[str]]:
    return {n["row"]: [f"{r['code']}:{r['detail']}" for r in n["reasons"]] for n in data["near_misses"]}


def test_counted_row_and_near_misses_of_each_basic_reason(explain) -> None:
    code, data = explain("party-report")
    assert code == 0
    assert list(data) == list(JSON_KEYS)
    assert data["status"] == "met" and data["found"] == 1
    assert data["counted"] == [
        {
            "file": "log.csv",
            "sheet": "log",
            "row": 3,
            "date": "2023-03-01",
            "title": "县委常委会听取法治建设工作汇报",
            "keywords": ["听取", "法治建设工作汇报"],
            "type": "meeting",
            "role": "party",
        }
    ]
    assert _reasons(data) == {
        4: ["year:2022"],
        5: ["role:government"],
        6: ["type:lecture"],
        7: ["any:法治建设工作汇报|法治建设情况汇报"],
    }
    # row 8 holds only an `any` word: too weak to be a near miss
    assert data["near_misses_total"] == 4
    near = data["near_misses"][0]
    assert list(near) == ["file", "sheet", "row", "date", "title", "keywords", "type", "role", "reasons"]
    assert list(near["reasons"][0]) == ["code", "detail", "message"]
    assert data["needed"] == "已达标，无需补充"


def test_missing_all_keyword_names_it(explain) -> None:
    code, data = explain("gov-half", "--lang", "en")
    assert code == 1
    assert _reasons(data)[9] == ["keyword:法治政府"]
    msg = data["near_misses"][0]["reasons"][0]["message"]
    assert msg == 'title lacks "法治政府"'


def test_after_the_deadline_is_a_near_miss_and_the_verdict_late(explain) -> None:
    code, data = explain("gov-report")
    assert code == 1
    assert data["status"] == "late" and data["counted"] == []
    assert _reasons(data) == {10: ["late:2023-03-10"]}
    assert data["needed"].startswith("需有1条2023-03-01前（含当日）的记录：事项含“法治政府建设”")


def test_outside_the_window(explain) -> None:
    code, data = explain("gov-constitution")
    assert code == 0
    assert [c["row"] for c in data["counted"]] == [11]
    assert _reasons(data) == {12: ["window:2023-11-20"]}


def test_excluded_keyword(explain) -> None:
    code, data = explain("party-study", "--lang", "en")
    assert code == 1 and data["status"] == "missing"
    assert _reasons(data) == {17: ["excluded:取消"]}
    assert data["needed"].startswith('1 more row(s) dated in 2023, title contains "学法" and contains none of "取消"')


def test_condition_and_missing_number(explain) -> None:
    code, court = explain("gov-court")
    assert code == 1
    assert [c["row"] for c in court["counted"]] == [13]
    assert _reasons(court) == {14: ["condition:出庭情况含“出庭”或“是”，且不含“未”或“否”（本条未出庭）"]}
    assert court["needed"] == "案件记录中需再有1条满足：出庭情况含“出庭”或“是”，且不含“未”或“否”（现1/2）"
    _, training = explain("gov-training", "--lang", "en")
    assert [c["row"] for c in training["counted"]] == [15]
    assert _reasons(training) == {16: ["no_value:hours"]}
    assert training["needed"] == "these people need 60 hours: 张三 20/60, 李四 0/60"


def test_count_shortfall_says_how_many_more(explain) -> None:
    code, data = explain("party-lecture")
    assert code == 1 and data["status"] == "missing"
    assert data["needed"].startswith("需再有2条记录：2023年内、事项含“讲座”，且含“法治”“法律”之一")


def test_verdict_is_the_same_as_check(run, log: Path, pack: Path, explain) -> None:
    res = run("check", log, "--pack", pack, "--format", "json")
    checked = json.loads(res.stdout)
    for duty in checked["duties"]:
        _, data = explain(duty["id"])
        assert (data["status"], data["found"], data["required"], data["shortfall"]) == (
            duty["status"],
            duty["found"],
            duty["required"],
            duty["shortfall"],
        ), duty["id"]


def test_unknown_duty_exits_2_with_close_ids(run_en, log: Path, pack: Path) -> None:
    res = run_en("explain", log, "--pack", pack, "--duty", "party-reprot")
    assert res.exit_code == 2
    assert res.stderr.strip().startswith("Error: unknown duty 'party-reprot' in pack mini; did you mean party-report")
    assert res.stdout == ""
    # the id is checked before any log is read
    res = run_en("explain", log.parent / "nope.csv", "--pack", pack, "--duty", "gov_half")
    assert res.exit_code == 2 and "did you mean gov-half" in res.stderr and "nope.csv" not in res.stderr
    res = run_en("explain", log, "--pack", pack, "--duty", "zzz")
    assert res.exit_code == 2 and "packs show mini" in res.stderr


def test_table_shows_sections_and_caps_near_misses(run, log: Path, pack: Path) -> None:
    res = run("explain", log, "--pack", pack, "--duty", "party-report", "--limit", "2")
    assert res.exit_code == 0
    out = res.stdout
    assert "职责 party-report · 条款 三(一)1(1) · 常委会听取法治汇报" in out
    assert "原文：组织党委常委会会议每年至少听取1次法治建设工作汇报" in out
    assert "计入的记录（1 条）" in out
    assert "接近但未计入的记录（共 4 条，列出 2 条）" in out
    assert "… 另有 2 条" in out
    assert "日期2022-12-20不在2023年度" in out  # closest first: one reason each, log order
    assert "意识形态" not in out  # the 4th near miss is cut
    full = run("explain", log, "--pack", pack, "--duty", "party-report", "--limit", "0").stdout
    assert "意识形态" in full and "另有" not in full


def test_waived_duty_exits_0(run, log: Path, pack: Path, tmp_path: Path) -> None:
    waivers = tmp_path / "w.yaml"
    waivers.write_text("- {duty: party-lecture, reason: 本年度由上级统一举办, approved_by: 县委依法治县办}\n", "utf-8")
    res = run("explain", log, "--pack", pack, "--duty", "party-lecture", "--waivers", waivers, "-f", "json")
    assert res.exit_code == 0
    data = json.loads(res.stdout)
    assert data["status"] == "waived"
    assert data["waiver"] == {"reason": "本年度由上级统一举办", "approved_by": "县委依法治县办", "expires": None}
    table = run("explain", log, "--pack", pack, "--duty", "party-lecture", "--waivers", waivers).stdout
    assert "豁免：本年度由上级统一举办（批准：县委依法治县办）" in table


def test_log_text_that_looks_like_rich_markup_is_printed_as_written(write_csv, run, pack: Path) -> None:
    title = "县委常委会听取[bold]法治建设工作汇报[/bold]"
    log = write_csv([{"日期": "2023-03-01", "事项": title, "活动类型": "会议", "责任主体": "县委"}], name="m.csv")
    out = run("explain", log, "--pack", pack, "--duty", "party-report").stdout
    assert "[bold]" in out and "[/bold]" in out


def test_a_joint_row_is_not_blamed_on_its_role(write_csv, run, pack: Path) -> None:
    rows = [{"日期": "2023-03-01", "事项": "听取意识形态工作汇报", "活动类型": "会议", "责任主体": "县委、县政府"}]
    log = write_csv(rows, name="joint.csv")
    res = run("explain", log, "--pack", pack, "--duty", "party-report", "-f", "json")
    near = json.loads(res.stdout)["near_misses"]
    assert [(n["role"], [r["code"] for r in n["reasons"]]) for n in near] == [("party", ["any"])]


CONCEPT_PACK = EXPLAIN_PACK.replace(
    "match: {all: [学法], none: [取消]}",
    "match: {concepts: [会前学法, 法律顾问]}",
)


def test_near_concept_names_the_missing_word_and_the_excluding_context(
    run: Callable[..., Any], write_csv: Callable[..., Path], tmp_path: Path
) -> None:
    pack = tmp_path / "concepts.yaml"
    pack.write_text(CONCEPT_PACK, encoding="utf-8")
    log = write_csv(
        [
            {
                "日期": "2023-03-01",
                "事项": "县委常委会会议",
                "备注": "会上学习《习近平总书记重要讲话》",
                "责任主体": "县委",
            },
            {"日期": "2023-04-01", "事项": "县城投公司法律顾问合同续签", "责任主体": "县委"},
            {
                "日期": "2023-05-01",
                "事项": "县委常委会会议",
                "备注": "1.会前学法：学习《行政诉讼法》；2.研究项目",
                "责任主体": "县委",
            },
        ],
        header=["日期", "事项", "备注"],
    )
    res = run("explain", log, "--pack", pack, "--duty", "party-study", "--format", "json")
    text = run("explain", log, "--pack", pack, "--duty", "party-study").stdout
    data = json.loads(res.stdout)
    assert [c["row"] for c in data["counted"]] == [4]
    assert data["counted"][0]["keywords"] == ["会前学法〔备注〕"]  # the word, and the column it was found in
    assert _reasons(data) == {
        2: ["concept:会前学法:学法|学习法律|法律学习|学习《中华人民共和国|…"],  # 学习 a speech is not 学法
        3: ["concept:法律顾问:-公司法律顾问"],
    }
    messages = {n["row"]: n["reasons"][0]["message"] for n in data["near_misses"]}
    assert messages[3] == "接近“法律顾问”：有“法律顾问”，但“公司法律顾问”排除了它"
    assert messages[2].startswith("接近“会前学法”：有“常委会”，缺“学法”或")
    assert "属“会前学法”或“法律顾问”" in "".join(text.split())  # the rule in words names the concepts


def test_rows_one_word_group_from_a_concept_are_capped(
    run: Callable[..., Any], write_csv: Callable[..., Path], tmp_path: Path
) -> None:
    from dutyaudit.nearmiss import WEAK_LIMIT

    pack = tmp_path / "concepts.yaml"
    pack.write_text(CONCEPT_PACK, encoding="utf-8")
    rows = [{"日期": f"2023-0{m}-01", "事项": f"县委常委会第{m}次会议", "备注": "研究防汛"} for m in range(1, 10)]
    log = write_csv(rows, header=["日期", "事项", "备注"])
    data = json.loads(run("explain", log, "--pack", pack, "--duty", "party-study", "--format", "json").stdout)
    assert data["near_misses_total"] == WEAK_LIMIT < len(rows)
    assert all(n["reasons"][0]["code"] == "concept" for n in data["near_misses"])
