"""Matching: role resolution, joint 责任主体 cells, and the keyword index."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import check_json, status_of

from dutyaudit.matching import KeywordIndex, RoleResolver
from dutyaudit.model import Activity
from dutyaudit.packs import load_pack


def _row(role_text: str, title: str = "召开会议") -> Activity:
    return Activity("log.xlsx", "Sheet1", 2, None, title, title, role_text=role_text)


@pytest.mark.parametrize(
    ("pack", "text", "joint"),
    [
        ("panjin", "县委、县政府", {"party", "government"}),
        ("panjin", "县委县政府联席会议", {"party", "government"}),
        ("panjin", "县委常委会", set()),  # one role named twice (县委, 常委会) is not joint
        ("panjin", "县政府常务会议", set()),  # 政府 inside 县政府 is not a second naming
        ("shapotou", "镇党委、镇政府", {"township_party", "township_government"}),
        ("shapotou", "区公安分局党委", set()),  # 党委 inside 局党委: the department only
    ],
)
def test_joint_roles(pack: str, text: str, joint: set[str]) -> None:
    assert RoleResolver(load_pack(pack)).joint_roles(text) == joint


def test_joint_row_counts_for_both_roles(write_csv: Any, audit_json: Any) -> None:
    log = write_csv(
        [
            {"日期": "2023-03-01", "事项": "举办法治专题讲座", "责任主体": "县委、县政府"},
            {"日期": "2023-06-01", "事项": "举办法律专题讲座", "责任主体": "县委"},
            {"日期": "2023-07-01", "事项": "常务会议听取法治政府建设汇报", "责任主体": "县政府"},
        ]
    )
    _, data = audit_json(log)
    lecture = status_of(data, "party-lecture")
    assert lecture["status"] == "met" and lecture["found"] == 2
    half = status_of(data, "gov-half")
    assert half["found"] == 1  # the 县政府 row only: the joint lecture row does not match its keywords


def test_keyword_index_finds_each_row_once() -> None:
    idx = KeywordIndex(["法治讲座法治", "讲座", "学法"])
    assert idx.rows_with("法治") == {0}
    assert idx.rows_with("讲座") == {0, 1}
    assert idx.rows_with("没有") == frozenset()


def test_role_of_prefers_the_role_cell_over_the_title(tmp_path: Path) -> None:
    r = RoleResolver(load_pack("panjin"))
    a = _row("县政府", "县委常委会会议听取汇报")
    assert r.role_of(a) == "government"


def test_an_attributed_duty_leaves_unstated_rows_to_its_twin() -> None:
    from dutyaudit.ingest.text import normalize
    from dutyaudit.matching import Matcher
    from dutyaudit.nearmiss import rule_text

    pack = load_pack("shapotou")
    titles = ["学雷锋日 集市摆摊普法", "镇党委组织普法进村", "宪法日 党委政府在广场搞宣传"]
    rows = [Activity("log.csv", "log", n + 2, None, t, normalize(t)) for n, t in enumerate(titles)]
    matcher = Matcher(pack, rows)
    duties = {d.id: d for d in pack.duties}
    assert duties["party-i14"].match.attributed
    # a title naming both bodies (党委政府) is stated for each
    assert [h.activity.title for h in matcher.hits(duties["party-i14"])] == titles[1:]
    assert [h.activity.title for h in matcher.hits(duties["gov-i21"])] == [titles[0], titles[2]]
    assert "注明属乡镇党委主要负责人" in rule_text(pack, duties["party-i14"], "zh")


def test_an_any_role_duty_counts_every_leaders_row() -> None:
    from dutyaudit.ingest.text import normalize
    from dutyaudit.matching import Matcher

    pack = load_pack("shapotou")
    titles = ["镇长去区里述法", "村支书抓党建述职评议"]
    rows = [Activity("log.csv", "log", n + 2, None, t, normalize(t)) for n, t in enumerate(titles)]
    matcher = Matcher(pack, rows)
    assert matcher.roles[0] == "township_government"
    duty = next(d for d in pack.duties if d.id == "party-i12")
    assert duty.match.any_role
    # the 镇长's 述法 is the 领导干部's 年终述职 of 一（八）12; a 党建述职 is not 述法
    assert [h.activity.title for h in matcher.hits(duty)] == ["镇长去区里述法"]


def test_attributed_and_any_role_contradict() -> None:
    from pydantic import ValidationError

    from dutyaudit.packs import Match

    with pytest.raises(ValidationError, match="contradict"):
        Match(any=["述职"], attributed=True, any_role=True)


def test_a_row_about_being_inspected_counts_for_no_duty(write_csv: Any) -> None:
    """督察组来…督察, 书记作汇报 is the unit being inspected: no duty of a hand-made pack counts it (the 整改 after
    it does), and `explain` does not list those words in every rule."""
    rows = [
        ["2023-07-10", "县委依法治县办法治督察组来镇督察第一责任人职责落实情况，书记作汇报"],
        ["2023-08-10", "针对法治督察反馈问题列整改清单，逐项销号"],
    ]
    log = write_csv(rows, header=["日期", "开展情况"], title="白沙镇第一责任人职责工作台账")
    _, data = check_json("guangxi", log, "--year", "2023")
    counted = {e["row"] for d in data["duties"] for e in d["evidence"]}
    assert 3 not in counted
    assert status_of(data, "party-7b")["found"] == 0


def test_a_short_label_counts_no_more_than_its_item(write_csv: Any) -> None:
    """工作任务 法律顾问 over 具体内容 县城投集团公开选聘常年法律顾问: the label heads a company's adviser, which the
    vocabulary excludes, so the row is no 法律顾问 evidence; a label over an item of the government's own counts."""
    rows = [
        ["2023-03-10", "法律顾问", "县城投集团公开选聘常年法律顾问，负责融资合同审查"],
        ["2023-04-10", "法律顾问", "县政府与律师事务所续签常年法律顾问合同"],
    ]
    log = write_csv(rows, header=["日期", "工作任务", "具体内容"], title="盘山县人民政府法治政府建设台账")
    _, data = check_json("panjin", log, "--year", "2023")
    assert [e["row"] for e in status_of(data, "gov-08")["evidence"]] == [4]
