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
