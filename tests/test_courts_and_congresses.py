"""A court, a procuratorate or a people's congress is a unit of its own kind, not a government department."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import check_json, status_of

from dutyaudit.packs import load_pack
from dutyaudit.roleresolve import RoleResolver
from dutyaudit.units import unit_kind


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("雁江区人民法院", "judiciary"),
        ("资阳市中级人民法院", "judiciary"),
        ("安岳县人民检察院", "judiciary"),
        ("雁江区人大常委会", "congress"),
        ("雁江区人大常委会办公室", "congress"),
        ("雁江区司法局", "department"),  # 司法 in a name does not make a court
        ("雁江区人民政府", "county"),
    ],
)
def test_unit_kinds(name: str, kind: str) -> None:
    assert unit_kind(name) == kind


ROWS = [
    ["2023-01-12", "繁简分流再推一步，速裁团队扩到5个"],
    ["2023-03-02", "院党组会前学法，学行政诉讼法司法解释"],
    ["2023-05-09", "法官助理参加市里法官遴选"],
    ["2023-06-20", "民一庭开庭审了三件民间借贷"],
]


def test_a_courts_log_is_audited_on_the_judiciarys_duties_and_its_party_groups(
    write_csv: Callable[..., Path],
) -> None:
    """ziyang binds 各级党委（党组）: the court's own 党组 at work (院党组会前学法) brings those duties in."""
    log = write_csv(ROWS, header=["日期", "做了什么"], title="雁江区法院2023年法治建设工作流水账")
    _, data = check_json("ziyang", log, "--year", "2023")
    assert data["scope"]["kind"] == "judiciary"
    assert data["scope"]["roles"] == ["party", "judiciary"]
    assert "院党组会前学法" in data["scope"]["reason"]
    assert status_of(data, "judiciary-02")["found"] == 1  # 繁简分流
    assert status_of(data, "judiciary-22")["found"] == 1  # 遴选
    assert status_of(data, "party-06")["found"] == 1  # 定期学法
    assert all(d["role"] != "department" for d in data["duties"])


def test_without_its_party_group_a_court_is_audited_on_the_judiciarys_duties_alone(
    write_csv: Callable[..., Path],
) -> None:
    log = write_csv([ROWS[0], ROWS[2]], header=["日期", "做了什么"], title="雁江区法院2023年工作台账")
    _, data = check_json("ziyang", log, "--year", "2023")
    assert data["scope"]["roles"] == ["judiciary"]


@pytest.mark.parametrize(
    "title",
    [
        "给区委政法委报干预司法活动、插手具体案件记录情况",
        "请区人大代表、政协委员来旁听庭审",
        "到县司法局调研行政执法监督平台建设",
        "履行区政府行政复议决定，撤销原处理决定并重新作出",
    ],
)
def test_a_body_a_row_reports_to_invites_or_visits_is_not_its_subject(title: str) -> None:
    resolver = RoleResolver(load_pack("ziyang"))
    assert resolver.title_roles(title) == frozenset()


def test_a_congress_ledgers_own_committee_is_the_congress(write_csv: Callable[..., Path]) -> None:
    """常委会 is a 党委's alias in ziyang; in 乐至县人大常委会's own ledger it is the 人大常委会."""
    rows = [
        ["2023-03-01", "组织部分常委会组成人员视察“八五”普法规划实施情况"],
        ["2023-05-10", "常委会第十二次会议依法任命县人民法院人民陪审员35名"],
    ]
    log = write_csv(rows, header=["时间", "主要内容"], title="乐至县人大常委会2023年工作台账")
    _, data = check_json("ziyang", log, "--year", "2023")
    assert data["scope"]["roles"] == ["congress"]
    assert status_of(data, "congress-06")["found"] == 1  # 视察普法规划实施
    assert status_of(data, "congress-11")["found"] == 1  # 任命人民陪审员


def test_a_township_is_covered_by_duties_the_county_governments_answer_for() -> None:
    from dutyaudit.packs import owner_covers

    assert owner_covers("各县(区)政府", "育才路街道办事处")
    assert owner_covers("各县(区)政府", "红果子镇人民政府")
    assert not owner_covers("各县(区)政府", "平罗县司法局")
