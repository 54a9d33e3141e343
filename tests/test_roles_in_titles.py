"""A title's 法治政府建设 names no 政府: in a department's log it stays the department's work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from conftest import check_json, status_of

from dutyaudit.packs import load_pack
from dutyaudit.roleresolve import RoleResolver

ROWS = [
    ["2023-02-03", "关于印发《沙坡头区应急管理局2023年法治政府建设工作要点》的通知"],
    ["2023-07-10", "关于2023年上半年法治政府建设工作推进情况的报告"],
]


def test_a_departments_law_based_government_report_is_its_own(write_csv: Callable[..., Path]) -> None:
    log = write_csv(ROWS, header=["日期", "标题"], title="沙坡头区应急管理局2023年公文台账")
    _, data = check_json("shapotou", log, "--year", "2023")
    assert data["scope"]["roles"] == ["department"]
    assert status_of(data, "dept-h04")["found"] == 2


def test_a_weak_hint_still_tells_the_government_in_a_county_log() -> None:
    resolver = RoleResolver(load_pack("panjin"))
    assert resolver.weak_role("法治政府建设督察反馈问题整改推进会") == "government"
    assert resolver.weak_role("县委常委会听取法治政府建设汇报") is None  # 听取: what follows is the object
    assert resolver.weak_role("区政府常务会议") is None  # a body named outright is no weak hint


def test_rows_naming_no_role_are_the_audited_bodys(write_csv: Callable[..., Path]) -> None:
    """A 镇党委's ledger: a row naming no body is the 党委's, not also the 镇政府's; a row naming 镇政府 stays its."""
    rows = [
        ["2023-03-01", "传达学习区委全面依法治区委员会会议精神，研究贯彻落实措施"],
        ["2023-04-01", "镇政府召开镇长办公会会前学法"],
    ]
    log = write_csv(rows, header=["日期", "工作内容"], title="中共兴仁镇委员会2023年法治建设工作台账")
    _, data = check_json("shapotou", log, "--year", "2023")
    party = {e["row"] for d in data["duties"] if d["role"] == "township_party" for e in d["evidence"]}
    government = {e["row"] for d in data["duties"] if d["role"] == "township_government" for e in d["evidence"]}
    assert 3 in party and 3 not in government
    assert 4 in government and 4 not in party


def test_a_form_column_naming_the_meeting_tells_the_role() -> None:
    """学习内容 names the law, 形式 the meeting: 区政府常务会议会前学法 is the government's."""
    from dutyaudit.model import Activity

    resolver = RoleResolver(load_pack("panjin"))
    law = "《中华人民共和国安全生产法》"
    row = Activity("f", "s", 3, None, law, law, type_text="区政府常务会议会前学法")
    assert resolver.role_of(row) == "government"


def test_a_generic_meeting_title_takes_the_body_its_agenda_names() -> None:
    """专题会议 names no body; its 议题 (区政府2023年第一期法治专题讲座) does. 政府网站 names none."""
    from dutyaudit.model import Activity

    resolver = RoleResolver(load_pack("panjin"))
    lecture = {"会议议题": "1.区政府2023年第一期法治专题讲座：辽宁大学法学院教授讲《行政诉讼法》"}
    assert resolver.role_of(Activity("f", "s", 3, None, "专题会议", "专题会议", extra=lecture)) == "government"
    posted = {"主要内容": "行政执法公示：上半年行政处罚决定127件在政府网站公示"}
    assert resolver.role_of(Activity("f", "s", 4, None, "专题会议", "专题会议", extra=posted)) is None


def test_the_leader_in_a_person_column_tells_the_role(write_csv: Callable[..., Path]) -> None:
    """A township ledger's 主要负责人 column (覃丽萍（镇长）, 莫海涛（党委书记）): the body the leader heads."""
    from dutyaudit.model import Activity

    resolver = RoleResolver(load_pack("guangxi"))
    title = "常务会会前学法，学《土地管理法》"
    assert resolver.role_of(Activity("f", "s", 3, None, title, title, actor="覃丽萍（镇长）")) == "government"
    assert resolver.role_of(Activity("f", "s", 4, None, title, title, actor="莫海涛（党委书记）")) == "party"
    assert resolver.role_of(Activity("f", "s", 5, None, title, title, actor="覃丽萍")) is None  # no title: unknown
    rows = [["2023-04-25", "覃丽萍（镇长）", "常务会会前学法，学《土地管理法》"]]
    log = write_csv(rows, header=["日期", "主要负责人", "开展情况"], title="白沙镇第一责任人职责工作台账")
    _, data = check_json("guangxi", log, "--year", "2023")
    party = {e["row"] for d in data["duties"] if d["role"] == "party" for e in d["evidence"]}
    government = {e["row"] for d in data["duties"] if d["role"] == "government" for e in d["evidence"]}
    assert 3 in government and 3 not in party


def test_handling_a_deputys_suggestion_is_the_units_own_work() -> None:
    """人大代表建议办理 opens with 人大 but is the department handling it; 县政协视察… is the 政协's own."""
    resolver = RoleResolver(load_pack("shapotou"))
    assert resolver._title_role("人大代表建议办理") is None
    assert resolver._title_role("政协提案办理") is None
    assert resolver._title_role("区政协视察农村宅基地审批工作") == "政协"
