"""The clause tree `packs draft` reads: every numbering form, brackets as written, preamble and footer."""

from __future__ import annotations

from pathlib import Path

from dutyaudit.draft.roles import heading_roles, split_owner_tail, subject_role
from dutyaudit.draft.tree import parse


def ids(lines: list[str]) -> list[str]:
    return [c.id for c in parse(lines).clauses()]


def test_nesting_follows_the_order_styles_appear_in() -> None:
    lines = [
        "某市法治建设责任清单",
        "一、主要职责",
        "(一)党委主要负责人职责:",
        "1.发挥领导作用。",
        "(1)每年听取汇报。",
        "(2)推动纳入规划。",
        "2.带头学法。",
        "(3)举办讲座。",  # numbering runs on through the list; the parent is 2.
        "①中心组学法。",
        "(二)政府主要负责人职责:",
        "1.制定计划。",
        "二、履职要求",
        "本段没有编号,属于二。",
    ]
    assert ids(lines) == ["一", "一(一)", "一(一)1", "一(一)1(1)", "一(一)1(2)", "一(一)2", "一(一)2(3)",
                          "一(一)2(3)①", "一(二)", "一(二)1", "二"]  # fmt: skip
    tree = parse(lines)
    assert tree.preamble == ["某市法治建设责任清单"]
    assert tree.clauses()[-1].paragraphs == ["履职要求", "本段没有编号,属于二。"]


def test_articles_and_full_width_brackets() -> None:
    lines = [
        "某办法",
        "第一条 为了规范。",
        "第五条 党委主要负责人应当：",
        "（一）听取汇报。",
        "(二) 推动立法。",
        "（三）守法。",
    ]
    assert ids(lines) == [
        "第一条",
        "第五条",
        "第五条（一）",
        "第五条（二）",
        "第五条（三）",
    ]  # most brackets full-width: the ids use full-width ones
    assert ids(["一、职责", "（一）听取汇报。", "(二)推动立法。", "(三)推动守法。"]) == [
        "一",
        "一(一)",
        "一(二)",
        "一(三)",
    ]


def test_tasks_and_portal_footers() -> None:
    lines = ["方案", "任务1：建立制度。", "任务2：开展评查。", "附件下载:", "扫一扫在手机上查看当前页面"]
    tree = parse(lines)
    assert [c.id for c in tree.clauses()] == ["任务1", "任务2"]
    assert tree.clauses()[-1].paragraphs == ["开展评查。"]


def test_notice_items_before_the_body_stay_in_the_preamble() -> None:
    tree = parse(["关于印发的通知", "(此件公开发布)", "一、总体要求", "内容。"])
    assert tree.preamble == ["关于印发的通知", "(此件公开发布)"]
    assert [c.id for c in tree.clauses()] == ["一"]


def test_roles_from_headings_and_subjects() -> None:
    assert heading_roles("（一）党委主要负责人在推进法治建设中应当履行以下主要职责:") == ("party",)
    assert heading_roles("一、乡镇党委主要负责人履行推进法治建设第一责任人职责清单") == ("township_party",)
    assert heading_roles("三、部门主要负责人履行推进法治建设第一责任人职责清单") == ("department",)
    assert heading_roles("第七条 党政主要负责人应当将履行职责情况列入年终述职内容") == ("party", "government")
    assert heading_roles("督促领导班子其他成员和政府部门主要负责人依法行政") is None  # not the heading's subject
    assert subject_role("乡镇政府、街道办事处每年至少专题研究部署法治政府建设工作1次") == "township"
    assert subject_role("人民法院要深化司法公开") == "judiciary"
    assert subject_role("推进政务公开") is None
    # a body named as the object or the owner of something is no subject
    assert subject_role("对人民法院、人民检察院提出的司法建议、检察建议，应当在收到之日起60日内书面回复") is None
    assert subject_role("人民法院生效裁判履行率达到100%") is None


def test_owners_from_the_task_tail() -> None:
    text, owners = split_owner_tail("按期办复率达到100%。(责任单位:市委依法治市办(市司法局)、政府办公室,各县(区)政府)")
    assert text == "按期办复率达到100%。"
    assert owners == ["市委依法治市办(市司法局)", "政府办公室", "各县(区)政府"]
    _, owners = split_owner_tail("开展评查。（牵头单位：市司法局；责任单位：市政府各部门）")
    assert owners == ["市司法局", "市政府各部门"]
    assert split_owner_tail("没有责任单位。") == ("没有责任单位。", [])


def test_purpose_definition_and_repeal_articles_are_no_duties(tmp_path: Path) -> None:
    from dutyaudit.draft import draft_pack

    doc = tmp_path / "demo.txt"
    doc.write_text(
        "示范县人民政府常务会议会前学法制度\n"
        "第一条 为推动领导班子带头学法，结合本县实际，制定本制度。\n"
        "第二条 本制度所称会前学法，是指在常务会议研究议题之前集体学习法律法规的活动。"
        "县长、副县长参加会前学法。\n"
        "第三条 常务会议会前学法每年不少于6次。\n"
        "第四条 本制度自2024年3月1日起施行。2019年印发的《示范县常务会议学法制度》同时废止。\n",
        encoding="utf-8",
    )
    texts = [d.text for d in draft_pack(doc, "demo").pack.duties]
    assert texts == ["县长、副县长参加会前学法", "常务会议会前学法每年不少于6次"]


def test_a_sections_subjects_give_its_other_sentences_their_role(tmp_path: Path) -> None:
    """In a 市委决定 (the party's by default), a section most of whose sentences open with the courts is the
    courts' work: its sentences with no subject are theirs too; another section keeps the default."""
    from dutyaudit.draft import draft_pack

    doc = tmp_path / "jueding.txt"
    doc.write_text(
        "中共示范市委关于全面推进依法治市的决定\n"
        "一、加强党的领导\n(一)健全党委统一领导的工作机制。\n"
        "二、推进公正司法\n(一)人民法院要深化司法公开。\n(二)司法机关要规范司法行为。\n"
        "(三)推进以审判为中心的诉讼制度改革。\n",
        encoding="utf-8",
    )
    roles = {d.clause: d.role for d in draft_pack(doc, "demo").pack.duties}
    assert roles == {"一(一)": "party", "二(一)": "judiciary", "二(二)": "judiciary", "二(三)": "judiciary"}
