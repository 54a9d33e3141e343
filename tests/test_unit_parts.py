"""A ledger whose 牵头单位/责任单位 column lists the bureaus of one place is one unit; peers are several."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dutyaudit.units import peer_units, place_of

HEADER = ["日期", "事项", "类型", "单位"]


@pytest.mark.parametrize(
    ("named", "peers"),
    [
        (["县司法局", "县政府办", "县应急局", "县委依法治县办"], []),
        (["平罗县司法局", "平罗县财政局"], []),
        (["盘山县", "盘山县司法局", "县司法局"], ["盘山县"]),
        (["盘山县", "大洼区", "双台子区"], ["盘山县", "大洼区", "双台子区"]),
        (["中共盘山县委", "盘山县人民政府"], ["中共盘山县委"]),
    ],
)
def test_peer_units(named: list[str], peers: list[str]) -> None:
    assert peer_units(named) == peers


def test_place_of() -> None:
    assert place_of("石嘴山市司法局") == "石嘴山市"
    assert place_of("县司法局") is None
    assert place_of("市场监管局") is None


def test_a_county_ledger_listing_its_bureaus_is_audited(
    write_csv: Callable[..., Path], audit_json: Callable[..., tuple[int, dict[str, Any]]]
) -> None:
    rows = [
        ["2023-03-01", "县委常委会听取法治建设工作汇报", "会议", "县委依法治县办"],
        ["2023-05-06", "举办法治专题讲座", "讲座", "县司法局"],
        ["2023-06-01", "防汛工作部署会议", "会议", "县应急局"],
    ]
    _, out = audit_json(write_csv(rows, header=HEADER), "--year", "2023")
    report = next(d for d in out["duties"] if d["id"] == "party-report")
    assert report["status"] == "met"


def test_a_summary_of_several_counties_is_refused(
    write_csv: Callable[..., Path], run: Callable[..., Any], mini_pack: Path
) -> None:
    rows = [
        ["2023-03-01", "县委常委会听取法治建设工作汇报", "会议", "盘山县"],
        ["2023-05-06", "举办法治专题讲座", "讲座", "大洼区"],
    ]
    res = run("check", write_csv(rows, header=HEADER), "--pack", mini_pack, "--year", "2023")
    assert res.exit_code == 2
    assert "盘山县" in res.stderr and "大洼区" in res.stderr and "--unit" in res.stderr
