"""A row's evidence text: descriptive columns, items, units, and where each word was found."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import status_of

from dutyaudit.matching import Matcher, RoleResolver
from dutyaudit.model import Activity
from dutyaudit.packs import load_pack
from dutyaudit.rowtext import ITEM_SEP, build_units, is_descriptive, split_items


@pytest.mark.parametrize(
    ("header", "descriptive"),
    [
        ("议题", True),
        ("会议内容摘要", True),
        ("备注", True),
        ("形式", True),
        ("参会人员", False),
        ("会议地点", False),
        ("牵头单位", False),
        ("佐证材料", False),
        ("所属行动", False),  # a clerk's label, not what happened
        ("責任股室", False),  # traditional script: 责任股室
        ("會議內容", True),
        ("出庭情况", False),  # the pack's own field (below)
        ("下周计划", False),  # a plan is no evidence that it was done
        ("下一步工作计划", False),
        ("本周工作", True),
    ],
)
def test_descriptive_columns(header: str, descriptive: bool) -> None:
    assert is_descriptive(header, ["出庭情况"]) is descriptive


def test_items_split_on_numbers_and_semicolons_but_not_dates() -> None:
    assert split_items("1.会前学法：学习《行政诉讼法》；2.研究防汛工作") == [
        "会前学法：学习《行政诉讼法》",
        "研究防汛工作",
    ]
    assert split_items("（1）听取汇报\n（2）部署工作") == ["听取汇报", "部署工作"]
    assert split_items("3.15消费者权益日宣传") == ["3.15消费者权益日宣传"]


def _act(title: str, **extra: str) -> Activity:
    return Activity("log.xlsx", "Sheet1", 2, None, title, title, extra=dict(extra))


def test_units_are_the_title_then_title_with_each_item() -> None:
    units = build_units([_act("区政府常务会议", 议题="1.会前学法；2.研究防汛", 参会人员="区法律顾问")])
    assert units.keys == ["区政府常务会议", f"区政府常务会议{ITEM_SEP}会前学法", f"区政府常务会议{ITEM_SEP}研究防汛"]
    assert units.column == ["", "议题", "议题"]


def test_words_of_one_rule_must_share_an_item(tmp_path: Path) -> None:
    pack = load_pack("panjin")
    rows = [
        _act("区政府第5次常务会议", 议题="1.听取全区经济运行情况汇报；2.部署法治政府建设示范创建"),
        _act("区政府第6次常务会议", 议题="1.会前学法：学习《行政复议法》；2.听取法治政府建设情况汇报"),
    ]
    matcher = Matcher(pack, rows)
    hits = matcher.hits(pack.duty("gov-02"))
    assert [h.activity.title for h in hits] == ["区政府第6次常务会议"]
    assert ("法治政府", "议题") in hits[0].places and "常务会" in hits[0].keywords  # title words carry no column
    assert "法治政府〔议题〕" in hits[0].keywords


def test_scorecard_evidence_shows_the_column(write_csv: Any, run: Any) -> None:
    log = write_csv(
        [{"日期": "2023-03-01", "会议名称": "区政府第3次常务会议", "议题": "会前学法：学习《民法典》"}],
        header=["日期", "会议名称", "议题"],
    )
    res = run("check", str(log), "--pack", "panjin", "--year", "2023", "--format", "json", "--exit-zero")
    evidence = status_of(json.loads(res.stdout), "gov-22a")["evidence"]
    assert [e["title"] for e in evidence] == ["区政府第3次常务会议"]  # the title as written


@pytest.mark.parametrize(
    ("title", "role"),
    [
        ("常委会听取区政府党组2022年工作汇报", None),  # the government is heard, not hearing
        ("区政府常务会议听取法治政府建设汇报", "government"),
        ("镇人大主席团听取镇政府法治政府建设工作报告", "人大"),  # the 人大's own act: no role of the pack
        ("法治专题讲座，请区司法局讲行政执法三项制度", None),  # 局 alone does not make a department
    ],
)
def test_title_role_reads_the_subject(title: str, role: str | None) -> None:
    pack = load_pack("shapotou" if "镇" in title or "司法局" in title else "panjin")
    assert RoleResolver(pack).role_of(_act(title)) == role


def test_scorecard_evidence_names_the_column_of_each_keyword(write_csv: Any) -> None:
    from dutyaudit.audit import audit_paths
    from dutyaudit.report.excel import EVIDENCE_COLUMNS, build_scorecard

    log = write_csv(
        [{"日期": "2023-03-01", "会议名称": "区政府第3次常务会议", "议题": "1.会前学法：学习《民法典》；2.研究防汛"}],
        header=["日期", "会议名称", "议题"],
    )
    wb = build_scorecard(audit_paths([log], load_pack("panjin")))
    sheet = wb["佐证记录"]
    col = EVIDENCE_COLUMNS.index("keywords") + 1
    cells = [sheet.cell(row=r, column=col).value for r in range(1, sheet.max_row + 1)]
    assert any(isinstance(v, str) and "会前学法〔议题〕" in v for v in cells)


@pytest.mark.parametrize(
    ("type_text", "matched"),
    [
        ("法治讲座", True),  # a form of activity: read with the title
        ("会前学法", True),
        ("执法监督", False),  # a field of work: the clerk's classification, not what happened
        ("队伍建设", False),
        ("会议", False),  # a bare type word is checked as a type
    ],
)
def test_type_cell_is_matched_only_when_it_names_a_form(type_text: str, matched: bool) -> None:
    title = "对乡镇综合执法队开展指导"
    a = Activity("log.xlsx", "Sheet1", 2, None, title, title, type_text=type_text)
    (key,) = build_units([a]).keys
    assert (type_text in key) is matched


def test_a_category_cell_naming_a_body_gives_the_role() -> None:
    r = RoleResolver(load_pack("shapotou"))
    row = Activity("log.csv", "log", 2, None, "中心组学法 民法典", "中心组学法民法典", type_text="党委")
    assert r.role_of(row) == "township_party"
    row = Activity("log.csv", "log", 3, None, "进村讲民法典", "进村讲民法典", type_text="普法")
    assert r.role_of(row) is None  # a field of work names no body
    # a township's 中心组 is the 党委's (党委理论学习中心组)
    assert r.role_of(Activity("log.csv", "log", 4, None, "中心组学法", "中心组学法")) == "township_party"


def test_a_traditional_type_cell_naming_a_form_is_matched() -> None:
    a = Activity("log.xlsx", "Sheet1", 2, None, "區政府", "区政府", type_text="法治講座")
    (key,) = build_units([a]).keys
    assert key.endswith("法治讲座")


@pytest.mark.parametrize("status", ["已完成", "完成", "已办结", "正在推进", "整改中", "√", "100%"])
def test_a_status_cell_is_no_item(status: str) -> None:
    units = build_units([_act("申报法治政府建设示范项目", 完成情况=status, 备注="已报送区依法治区办")])
    assert units.keys == ["申报法治政府建设示范项目", f"申报法治政府建设示范项目{ITEM_SEP}已报送区依法治区办"]
