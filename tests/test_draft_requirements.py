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
