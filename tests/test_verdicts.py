"""Verdicts a panel would not overturn: each of several bodies, 宪法宣传周, rates with no case (na), per-person sums.

Each test is a case where an earlier version printed a wrong verdict without a word (issue 12).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import check_json, status_of

from dutyaudit.evaluate import UNSCORED
from dutyaudit.model import STATUSES
from dutyaudit.packs import PackError, parse_pack

PANJIN_TITLE = "盘山县2023年度党政主要负责人履行推进法治建设第一责任人职责工作台账"


def _rows(data: dict[str, Any], duty_id: str) -> list[str]:
    return [e["title"] for e in status_of(data, duty_id)["evidence"]]


# ---------------------------------------------------------------- all_of: each of these


def test_hearing_two_of_five_bodies_is_partial_and_names_the_others(write_csv: Callable[..., Path]) -> None:
    """panjin party-10 lists 人大常委会、政府、政协、法院、检察院: a row hearing only 法院 and 检察院 is not enough."""
    log = write_csv(
        [{"日期": "2023-06-01", "事项": "县委常委会会议听取县法院党组、县检察院党组工作汇报", "责任主体": "县委"}],
        title=PANJIN_TITLE,
    )
    _, data = check_json("panjin", log)
    d = status_of(data, "party-10")
    assert (d["kind"], d["status"], d["required"], d["found"]) == ("all_of", "partial", 5, 2)
    assert d["shortfall"] == "未见：人大、政府、政协"


def test_each_body_heard_is_met(write_csv: Callable[..., Path]) -> None:
    rows = [
        ("2023-03-01", "县委常委会会议听取县人大常委会党组工作汇报"),
        ("2023-04-01", "县委常委会会议听取县政府党组、县政协党组工作汇报"),
        ("2023-06-01", "县委常委会会议听取县法院党组、县检察院党组工作汇报"),
    ]
    log = write_csv([{"日期": d, "事项": t, "责任主体": "县委"} for d, t in rows], title=PANJIN_TITLE)
    _, data = check_json("panjin", log)
    assert (status_of(data, "party-10")["status"], status_of(data, "party-10")["found"]) == ("met", 5)


def test_all_of_needs_distinct_items() -> None:
    data = {
        **{"schema": 1, "id": "p", "name": "n", "jurisdiction": "j", "issuer": "i", "issued": "2023-01-01"},
        "roles": {"party": {"name": "党委"}},
        "duties": [
            {
                **{"id": "a", "role": "party", "clause": "一", "text": "t", "label": "l"},
                "requirement": {"kind": "all_of", "items": ["法院", "法院|人民法院"]},
                "match": {"all": ["汇报"]},
            }
        ],
    }
    with pytest.raises(PackError, match=r"duty a, field requirement\.items: items need distinct"):
        parse_pack(data, "p.yaml")


# ---------------------------------------------------------------- windows that follow the document


def test_constitution_week_counts_for_12_4(write_csv: Callable[..., Path]) -> None:
    """12·4 宪法日 is held as 宪法日暨宪法宣传周 (12-01..12-07): an activity on 12-05 is not missing."""
    rows = [
        {"日期": "2023-12-05", "事项": "宪法日暨宪法宣传周集中宣传活动", "责任主体": "县政府"},
        {"日期": "2023-12-09", "事项": "宪法宣传进社区", "责任主体": "县政府"},
    ]
    _, data = check_json("panjin", write_csv(rows, title=PANJIN_TITLE))
    d = status_of(data, "gov-24b")
    assert (d["status"], _rows(data, "gov-24b")) == ("met", ["宪法日暨宪法宣传周集中宣传活动"])
    assert "宪法宣传进社区" in _rows(data, "gov-24c")  # after the week: 宪法 publicity, not the 12·4 campaign


# ---------------------------------------------------------------- na: nothing to measure


def test_rate_without_case_rows_is_not_applicable(write_csv: Callable[..., Path], audit_json) -> None:
    log = write_csv([{"日期": "2023-03-01", "事项": "县委常委会会议听取法治建设工作汇报", "责任主体": "县委"}])
    _, data = audit_json(log)
    d = status_of(data, "gov-court")
    assert (d["status"], d["found"], d["shortfall"]) == ("na", 0, "本年度无此类案件记录")
    assert data["summary"]["na"] == 1
    scored = [x for x in data["duties"] if x["status"] not in UNSCORED]
    assert data["score"] == round(100 * sum(x["status"] == "met" for x in scored) / len(scored), 1)


def test_na_is_a_status_everywhere(write_csv: Callable[..., Path], run, mini_pack: Path) -> None:
    assert "na" in STATUSES and "na" in UNSCORED
    log = write_csv([{"日期": "2023-03-01", "事项": "县委常委会会议听取法治建设工作汇报", "责任主体": "县委"}])
    table = run("check", log, "--pack", mini_pack).stdout
    assert "不适用 1" in table and "本年度无此类案件记录" in table
    assert "n/a 1" in run("check", log, "--pack", mini_pack, "--lang", "en").stdout
    assert "| 不适用 |" in run("check", log, "--pack", mini_pack, "-f", "markdown").stdout
    assert ",na," in run("check", log, "--pack", mini_pack, "-f", "csv").stdout
    explained = run("explain", log, "--pack", mini_pack, "--duty", "gov-court")
    assert explained.exit_code == 0 and "本年度无此类案件记录：不适用，不计分" in explained.stdout


# ---------------------------------------------------------------- per-person sums


def test_hours_without_a_person_column_add_up_for_the_unit(write_csv: Callable[..., Path], audit_json) -> None:
    header = ["日期", "事项", "学时"]
    log = write_csv([["2023-03-01", "执法人员法治培训", "40"], ["2023-09-01", "执法人员法治培训", "12"]], header=header)
    _, data = audit_json(log)
    d = status_of(data, "gov-training")
    assert (d["status"], d["required"], d["found"], d["shortfall"]) == ("partial", 60, 52, "差8学时")
    assert any("未列出人员" in w["message"] and "gov-training" in w["message"] for w in data["warnings"])


def test_blank_person_and_blank_hours_are_warnings_with_the_row(write_csv: Callable[..., Path], audit_json) -> None:
    rows = [
        {"日期": "2023-03-01", "事项": "执法人员法治培训", "责任人": "张三", "学时": "60"},
        {"日期": "2023-04-01", "事项": "执法人员法治培训", "责任人": "", "学时": "30"},
        {"日期": "2023-05-01", "事项": "执法人员法治培训", "责任人": "李四", "学时": ""},
    ]
    _, data = audit_json(write_csv(rows))
    d = status_of(data, "gov-training")
    assert "?" not in d["shortfall"]
    assert (d["status"], d["required"], d["found"], d["shortfall"]) == ("partial", 2, 1, "1人未达标：李四 0/60")
    where = {(w["row"], w["message"].split("：")[1][:4]) for w in data["warnings"]}
    assert (3, "人员为空") in where and (4, "学时为空") in where
