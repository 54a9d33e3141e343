"""Drafting a document's section of requirements (三、工作要求): drafted, with the document's own role."""

from __future__ import annotations

from pathlib import Path

from dutyaudit.draft import draft_pack


def test_a_section_of_requirements_is_drafted_with_the_documents_role(tmp_path: Path) -> None:
    doc = tmp_path / "demo.txt"
    doc.write_text(
        "示范市人民政府关于推进法治政府建设的实施方案\n一、主要任务\n"
        "(一)深化行政复议体制改革,推进案件繁简分流。\n二、工作要求\n"
        "(一)加强组织领导。各县(区)各部门要将法治政府建设工作经费纳入财政预算。\n"
        "(二)强化宣传引导。广泛开展法治政府建设宣传活动。\n",
        encoding="utf-8",
    )
    pack = draft_pack(doc, "demo").pack
    duties = {d.clause: d for d in pack.duties}
    assert {"二(一)", "二(二)"} <= set(duties)
    assert duties["二(一)"].role == "government"  # not 部门: the section binds every body the plan names
    assert any("section of requirements" in n for n in duties["二(一)"].review)
    assert set(pack.roles) == {"government"}


def test_a_heading_of_several_tasks_is_a_duty_and_a_bare_one_is_not(tmp_path: Path) -> None:
    doc = tmp_path / "demo.txt"
    doc.write_text(
        "示范镇法治建设责任清单\n一、乡镇政府主要负责人职责\n"
        "（一）加强对本乡镇法治政府建设的组织领导，制定工作方案和年度工作计划。\n"
        "1.每年至少专题研究部署法治政府建设工作1次。\n"
        "（二）组织实施全民普法\n"
        "2.组织实施“八五”普法规划。\n",
        encoding="utf-8",
    )
    clauses = {d.clause for d in draft_pack(doc, "demo").pack.duties}
    assert {"一（一）", "一（一）1", "一（二）2"} <= clauses
    assert "一（二）" not in clauses  # a heading naming one task: its items say it
