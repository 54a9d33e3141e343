"""Match rules of drafted duties: which concepts a duty keeps, what it leaves out, and why."""

from __future__ import annotations

from pathlib import Path

from dutyaudit.draft import draft_pack
from dutyaudit.draft.matchrules import (
    NOT_CASES,
    as_activity,
    assign_matches,
    candidate_words,
    own_words,
    together,
    unit_name,
)

CUES = {
    "法治督察": ("督办", "督察"),
    "综合执法": ("综合执法", "执法协调"),
    "议事协调": ("协调小组",),
    "出庭应诉": ("出庭应诉",),
}


class _Vocab:
    """A stand-in vocabulary: each concept of CUES is named by any of its cues."""

    def concepts_named_in(self, sentence: str) -> list[str]:
        return [c for c, cues in CUES.items() if any(cue in sentence for cue in cues)]


def _doc(tmp_path: Path, text: str) -> Path:
    """A small duty document (UTF-8 text) to draft."""
    doc = tmp_path / "demo.txt"
    doc.write_text(text, encoding="utf-8")
    return doc


def _strong(concept: str, text: str) -> bool:
    """A stand-in strength: 督办 is only a cue of 法治督察; every other cue names its concept."""
    return not (concept == "法治督察" and "督察" not in text)


def test_a_cue_alone_gives_no_concept_and_the_review_says_so() -> None:
    duties = [("party", "一(三)", "重大问题亲自过问、重要任务亲自督办", "evidence")]
    corpus = [("一(三)", duties[0][2]), ("一(四)", "每年听取汇报")]
    ((match, notes),) = assign_matches(duties, _Vocab(), corpus, _strong)
    assert "concepts" not in match
    assert match["any"]  # its own words instead
    assert any("left out concepts 法治督察" in n and "only a cue" in n for n in notes)


def test_a_rate_leaves_out_rows_about_mechanisms_training_and_meetings() -> None:
    duties = [
        ("gov", "二(六)38", "行政机关负责人出庭应诉率达到100%", "rate"),
        ("gov", "二(六)39", "支持出庭应诉", "evidence"),
    ]
    corpus = [(c, t) for _, c, t, _ in duties]
    (rate, rate_notes), (evidence, _) = assign_matches(duties, _Vocab(), corpus, _strong)
    assert set(NOT_CASES) <= set(rate["none"])
    assert any("a rate counts cases" in n for n in rate_notes)
    assert not set(NOT_CASES) & set(evidence.get("none", []))


def test_a_concept_three_clauses_share_stays_with_each() -> None:
    """The drafted pack is exclusive: the row goes to the clause it resembles most, so no clause has to
    give its concept up."""
    duties = [
        ("gov", "25", "理顺综合执法权责关系", "evidence"),
        ("gov", "30", "每年至少开展1次综合执法检查", "count"),
        ("gov", "42", "综合执法事项下放", "evidence"),
    ]
    corpus = [(c, t) for _, c, t, _ in duties]
    rules = assign_matches(duties, _Vocab(), corpus, _strong)
    assert all(match["concepts"] == ["综合执法"] for match, _ in rules)


def test_a_duty_leaves_out_rows_of_a_narrower_concept_another_duty_keeps() -> None:
    duties = [
        ("gov", "30", "加强执法协调", "evidence"),
        ("gov", "27", "发挥协调小组作用", "evidence"),
    ]
    corpus = [(c, t) for _, c, t, _ in duties]

    def narrower(concept: str) -> list[tuple[str, str]]:
        return [("议事协调", "执法协调小组")] if concept == "综合执法" else []

    (broad, notes), (narrow, _) = assign_matches(duties, _Vocab(), corpus, _strong, narrower)
    assert broad["concepts"] == ["综合执法"] and "执法协调小组" in broad["none"]
    assert any("narrower concepts (执法协调小组)" in n for n in notes)
    assert narrow["concepts"] == ["议事协调"]
    # without a duty keeping the narrower concept, its rows stay with the broad one
    ((alone, _),) = assign_matches(duties[:1], _Vocab(), corpus[:1], _strong, narrower)
    assert "执法协调小组" not in alone.get("none", [])


def test_word_groups_name_a_concept_only_close_together() -> None:
    assert together(["研究", "法治政府建设"], "每年召开会议研究部署法治政府建设年度重点工作")
    far = "加强对本乡镇法治建设的组织领导,重要工作亲力部署,重大问题亲自过问、重点环节亲自协调、重要任务亲自督办"
    assert not together(["法治", "督办"], far)
    assert not together(["法治", "缺席"], far)


def test_a_phrase_naming_a_body_or_a_measure_is_not_the_activity() -> None:
    assert not as_activity("综合行政执法", "理顺综合行政执法部门与业务主管部门权责关系")
    assert not as_activity("公众参与", "提高法治政府建设公众参与度")
    assert not as_activity("重大决策", "贯彻落实党中央关于全面依法治国的重大决策部署")
    assert as_activity("综合行政执法", "深化综合行政执法改革,理顺综合行政执法部门权责")
    # what must not go ahead without a step (未经合法性审查…的重大行政决策，不得提交) is no 重大行政决策 work
    assert not as_activity("重大行政决策", "未经合法性审查或者经审查不合法的重大行政决策,不得提交集体审议")


def test_drafted_rules_keep_only_squarely_named_concepts(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "示范县法治建设责任清单\n一、乡镇党委主要负责人职责\n"
        "（一）加强对本乡镇法治建设的组织领导，重要工作亲力部署，重要任务亲自督办。\n"
        "（二）每年至少召开1次会议专题研究部署法治建设工作。\n"
        "（三）行政机关负责人出庭应诉率达到100%。\n",
    )
    duties = {d.clause: d for d in draft_pack(doc, "demo").pack.duties}
    assert "法治督察" not in duties["一（一）"].match.concepts  # 法治…督办 far apart: no 督察
    assert "研究部署法治建设" in duties["一（二）"].match.concepts
    assert set(NOT_CASES) <= set(duties["一（三）"].match.none)


def test_the_rest_of_a_sentence_with_figures_matches_on_its_own_words() -> None:
    duties = [
        ("gov", "30", "每年至少开展1次执法协调检查", "count"),
        ("gov", "30", "加快建设行政执法协调监督工作体系", "part"),
    ]
    corpus = [("30", "加快建设行政执法协调监督工作体系,每年至少开展1次执法协调检查"), ("31", "推进执法信息化")]
    (figure, _), (part, notes) = assign_matches(duties, _Vocab(), corpus, _strong)
    assert figure["concepts"] == ["综合执法"]
    assert "concepts" not in part and part["any"]  # the figure's concept, named again in passing
    assert any("综合执法" in n and "in passing" in n for n in notes)


def test_the_rest_of_a_sentence_keeps_a_concept_only_it_names() -> None:
    duties = [
        ("gov", "4", "每年召开会议研究部署法治政府建设不少于1次", "count"),
        ("gov", "4", "健全完善法治政府建设工作协调小组", "part"),
    ]
    corpus = [
        ("4", "健全完善法治政府建设工作协调小组,每年召开会议研究部署法治政府建设不少于1次"),
        ("5", "推进执法信息化"),
    ]
    (figure, _), (part, _) = assign_matches(duties, _Vocab(), corpus, _strong)
    assert "concepts" not in figure
    assert part["concepts"] == ["议事协调"]  # the group itself: no figure's concept
    # a part with no words of its own keeps what it names
    corpus = [("30", "执法协调"), ("31", "执法协调")]  # no word only clause 30 uses
    ((bare, _),) = assign_matches([("gov", "30", "执法协调", "part")], _Vocab(), corpus, _strong)
    assert bare["concepts"] == ["综合执法"]


def test_a_deadline_matches_on_what_is_due_after_its_date(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "示范县法治建设责任清单\n一、政府主要负责人职责\n"
        "（一）严格按照《示范督察规定》要求，每年3月1日前，向县委报告上一年度法治政府建设情况，并向社会公开。\n",
    )
    duties = draft_pack(doc, "demo").pack.duties
    (deadline,) = [d for d in duties if d.kind == "deadline"]
    assert "法治政府建设年度报告" in deadline.match.concepts
    assert not any(d.text.startswith("严格按照") and d.kind == "evidence" for d in duties)  # a manner, no duty


def test_gongzuo_stays_in_the_name_of_a_document() -> None:
    """工作 is cut as a common word, but not from 工作规则, 工作要点 …"""
    corpus = [("16", "推动落实本地区人民政府工作规则"), ("17", "推进依法行政")]
    assert any("工作规则" in w for w in own_words(corpus[0][1], "16", corpus))


def test_a_units_name_is_no_word_of_a_duty() -> None:
    corpus = [("41", "乡镇政府、街道办事处每年专题研究部署"), ("42", "推进执法下放")]
    words = own_words(corpus[0][1], "41", corpus)
    assert words[0] == "专题研究部署"
    assert not {w for w in words if "乡镇" in w or "街道" in w or "办事" in w}
    duties = [("town", "41", "加强对乡镇的组织领导", "evidence")]
    ((match, _),) = assign_matches(duties, _Vocab(), [("41", duties[0][2]), ("42", "加强对乡镇的组织领导")], _strong)
    assert match["any"] and "对乡镇" not in match["any"]  # nothing distinctive: not the unit's name either


def test_a_meetings_name_is_no_word_of_a_duty() -> None:
    """Every row of a body's meetings names the meeting: 政府常务会 (or a piece of it) says nothing of the duty."""
    sentence = "政府常务会、政府各部门会前学法每年不少于4次,逐步推动部门负责人在政府常务会会前讲法"
    corpus = [("47", sentence), ("48", "推进依法行政")]
    words = own_words(sentence, "47", corpus, n=10)
    assert words and not [w for w in words if "常务" in w or "务会" in w or w.endswith("政府常")]
    assert unit_name("在政府常", sentence) and not unit_name("政府信息公开", "落实政府信息公开制度")


def test_a_non_study_duty_leaves_out_every_study_row() -> None:
    duties = [("gov", "18", "支持行政复议工作", "evidence")]
    ((match, _),) = assign_matches(duties, _Vocab(), [("18", duties[0][2])], _strong)
    assert "学法" in match["none"]  # 常务会学法 行政复议法, 中心组学法 … are study, not 行政复议 work


def test_a_document_about_study_keeps_study_rows() -> None:
    """In a 学法计划 every row names 学法: its 报送 duty keeps them (报送上半年学法工作情况)."""
    duties = [
        ("gov", "一", "集中学法每年不少于4次", "count"),
        ("gov", "二", "各单位于6月30日前报送上半年工作情况", "deadline"),
    ]
    corpus = [(c, t) for _, c, t, _ in duties]
    (_, _), (match, _) = assign_matches(duties, _Vocab(), corpus, _strong)
    assert "学法" not in match.get("none", [])


def test_an_item_of_a_list_of_bodies_or_a_failing_is_not_the_activity() -> None:
    listed = "加强行政复议、行政裁决、行政执法、合法性审查工作队伍专业化、职业化建设"
    assert not as_activity("行政复议", listed) and not as_activity("合法性审查", listed)
    assert as_activity("行政复议", "加强行政复议、行政应诉工作")
    failing = "对拒不履行出庭应诉职责和法院生效裁判的,严肃追究相关责任人的责任"
    assert not as_activity("出庭应诉", failing)
    assert not as_activity("干预司法", "不得违规干预司法活动")
    assert as_activity("出庭应诉", "落实行政机关负责人出庭应诉制度")


def test_a_word_group_counts_in_any_clause_where_all_its_words_stand(tmp_path: Path) -> None:
    """法治…实绩 stand in one clause though the first 考核 of the sentence is in another."""
    doc = _doc(
        tmp_path,
        "示范县法治建设责任清单\n一、党委主要负责人职责\n"
        "（一）支持把法治建设成效作为衡量领导干部工作实绩重要内容,把依法办事能力纳入年度考核。\n",
    )
    (duty,) = draft_pack(doc, "demo").pack.duties
    assert "法治建设考核" in duty.match.concepts


def test_a_sanction_for_failing_names_no_concept(tmp_path: Path) -> None:
    assert not as_activity("拒不履行", "或者拒不履行出庭应诉职责和法院生效裁判的,严肃追究相关责任人的责任")
    doc = _doc(
        tmp_path,
        "示范镇法治建设责任清单\n一、乡镇政府主要负责人职责\n"
        "1.依法及时全面履行以行政机关为被执行人的生效裁判。\n"
        "2.对拒不履行出庭应诉职责和法院生效裁判的，严肃追究相关责任人的责任。\n",
    )
    duties = {d.clause: d for d in draft_pack(doc, "demo").pack.duties}
    assert "执行生效裁判" in duties["一1"].match.concepts
    assert "执行生效裁判" not in duties["一2"].match.concepts


def test_a_list_of_fields_gives_no_words() -> None:
    """市场监管、生态文明…等领域 name fields of work, which every row of those offices names (区市场监管局)."""
    sentence = "全面落实城市管理、市场监管、生态文明、文化市场等领域综合行政执法改革方案"
    words = candidate_words(sentence)
    assert words and not {"城市管理", "市场监管", "生态文明", "文化市场"} & set(words)
    assert "市场监管" in candidate_words("加强市场监管执法")


def test_generic_words_of_plans_are_no_words_of_a_duty() -> None:
    assert "重点任务" not in candidate_words("加快推进分管领域法治建设重点任务落实落地")
    duties = [("gov", "18", "支持行政复议工作", "evidence")]
    ((match, _),) = assign_matches(duties, _Vocab(), [("18", duties[0][2])], _strong)
    assert "集中学习" in match["none"]  # 局机关干部集中学习《行政复议法》 is study


def test_an_item_of_a_list_is_a_case_of_its_lead_in(tmp_path: Path) -> None:
    """Items of 下列案件…应当出庭应诉： are cases of 出庭应诉, with the lead-in's role (not 人民法院's); items
    of 有下列情形之一的…通报批评： are failings and name no activity."""
    doc = _doc(
        tmp_path,
        "示范市人民政府行政机关负责人出庭应诉工作规定\n"
        "一、出庭范围\n"
        "（一）下列案件，被诉行政机关正职负责人应当出庭应诉：\n"
        "1.人民法院书面建议行政机关负责人出庭的案件；\n"
        "2.涉及土地征收、房屋征收补偿等重点领域的案件。\n"
        "二、监督考核\n"
        "（一）有下列情形之一的，由市司法局予以通报批评：\n"
        "1.无正当理由不出庭应诉，也不委托相应工作人员出庭的。\n",
    )
    duties = {d.clause: d for d in draft_pack(doc, "demo").pack.duties}
    assert "出庭应诉" in duties["一（一）2"].match.concepts
    assert duties["一（一）1"].role == duties["一（一）2"].role != "judiciary"
    assert duties["二（一）1"].match.concepts == []


def test_a_preposition_is_no_part_of_a_duty_word() -> None:
    assert "新修订" in candidate_words("新颁布或者新修订的法律、行政法规")


def test_a_dates_tail_and_function_words_are_no_part_of_a_duty_word() -> None:
    words = candidate_words("各单位于3月15日前制定本单位年度学法计划")
    assert "制定本单位" in words and not any(w.startswith(("前", "日")) for w in words)
    assert "网上学法" in candidate_words("其中通过网上学法平台学习不少于20学时")[:3]


def test_an_offices_name_is_no_word_of_a_duty() -> None:
    text = "县政府办公室、县司法局应当根据学法内容"
    assert unit_name("县司法局", text) and unit_name("县政府办公室", text) and unit_name("县政府办", text)
    assert not unit_name("学法内容", text)


def test_rows_about_being_inspected_are_no_duty_done(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "示范市行政机关负责人出庭应诉工作规定\n一、工作要求\n（一）行政机关负责人应当出庭应诉。\n",
    )
    (duty,) = draft_pack(doc, "demo").pack.duties
    assert {"督察组来", "迎检"} <= set(duty.match.none)


def test_a_heading_naming_a_concept_its_tasks_do_not_is_a_duty(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "示范镇党政主要负责人履行推进法治建设第一责任人职责清单\n"
        "一、乡镇党委主要负责人职责\n"
        "（一）深入推进基层依法治理和法治宣传教育。\n"
        "1.推动村（社区）法律顾问全覆盖。\n"
        "（二）加强对法律顾问工作的领导。\n"
        "2.推动村（社区）法律顾问每月到村开展法律服务。\n",
    )
    clauses = [d.clause for d in draft_pack(doc, "demo").pack.duties]
    assert "一（一）" in clauses  # 法治宣传教育: named by no task below it
    assert "一（二）" not in clauses  # 法律顾问: its task says it


def test_the_task_beside_a_years_target_is_every_years_duty(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "示范镇法治建设责任清单\n一、乡镇党委主要负责人职责\n"
        "1.深化民主法治示范村（社区）创建，到2025年，全镇县级以上民主法治示范村（社区）创建率达到50%以上。\n",
    )
    duties = draft_pack(doc, "demo").pack.duties
    kinds = {d.text: d.requirement.kind for d in duties}
    assert kinds["深化民主法治示范村（社区）创建"] == "evidence"
    assert [d.requirement.kind for d in duties] == ["rate", "evidence"]


def test_an_item_of_what_an_activity_covers_needs_that_activity(tmp_path: Path) -> None:
    """会前学法…主要内容包括：(一)宪法…: a row of another meeting's study of the 宪法 is not this duty's."""
    doc = _doc(
        tmp_path,
        "示范县人民政府常务会议会前学法制度\n"
        "第一条 会前学法应当紧密结合常务会议议题安排学习内容。主要内容包括：\n"
        "（一）宪法以及与政府工作密切相关的综合性法律法规；\n"
        "（二）新颁布或者新修订的法律、行政法规。\n"
        "第二条 县政府常务会议会前学法原则上每年不少于6次。\n",
    )
    duties = {d.clause: d for d in draft_pack(doc, "demo").pack.duties}
    (needed,) = duties["第一条（二）"].match.all
    assert "会前学法" in needed.split("|")


def test_a_title_naming_a_concept_its_sentences_do_not_is_a_duty(tmp_path: Path) -> None:
    """(19)推动落实党委理论学习中心组学法制度。建立…学法用法制度，每年举办2期以上法治专题讲座。: the title's
    中心组学法 is a duty of its own; a title naming the document's own subject (会前学法) is not."""
    doc = _doc(
        tmp_path,
        "示范市党政主要负责人履行推进法治建设第一责任人职责清单\n"
        "一、党委主要负责人职责\n"
        "（19）推动落实党委理论学习中心组学法制度。推动建立健全领导班子学法用法制度，每年举办2期以上法治专题讲座。\n"
        "（20）加强法治专题讲座。每年举办法治专题讲座。\n",
    )
    texts = [d.text for d in draft_pack(doc, "demo").pack.duties]
    assert "推动落实党委理论学习中心组学法制度" in texts
    assert "加强法治专题讲座" not in texts  # its sentence says it
    doc.write_text(
        "示范县政府常务会议会前学法制度\n"
        "第四条 会前学法实行年度计划管理。县司法局应当于每年1月31日前提出年度学法计划建议。\n",
        encoding="utf-8",
    )
    assert "会前学法实行年度计划管理" not in [d.text for d in draft_pack(doc, "demo").pack.duties]


def test_a_sentence_naming_only_a_narrow_kind_of_a_concept_asks_for_that_kind(tmp_path: Path) -> None:
    """庭审点评和以案释法 names 普法宣传 only by its kind 以案释法: a 宪法宣传周 row is not its evidence."""
    doc = _doc(
        tmp_path,
        "示范市行政机关负责人旁听庭审规定\n一、工作要求\n"
        "（一）旁听庭审结束后，应当组织开展庭审点评和以案释法。\n"
        "（二）组织开展法治宣传教育，落实谁执法谁普法责任制。\n",
    )
    first, second = draft_pack(doc, "demo").pack.duties
    assert "普法宣传" not in first.match.concepts and "以案释法" in first.match.any
    assert "普法宣传" in second.match.concepts


def test_own_words_leave_out_the_contexts_the_vocabulary_excludes(tmp_path: Path) -> None:
    """政务公开 as an own word: a row about a lawsuit (诉镇政府信息公开) is not 政务公开 work."""
    doc = _doc(
        tmp_path,
        "示范镇法治政府建设责任清单\n一、乡镇政府主要负责人职责\n"
        "（一）全面推进政务公开，落实政府信息公开、突发性事件信息发布等制度。\n"
        "（二）依法审理政府信息公开案件。\n",
    )
    first, second = draft_pack(doc, "demo").pack.duties
    assert "诉镇政府信息公开" in first.match.none
    assert "信息公开案" not in second.match.none  # its own sentence is about such cases


def test_own_words_that_are_another_activitys_words_in_its_excluded_context_are_left_out(tmp_path: Path) -> None:
    """健全立法过程中的风险评估机制: 风险评估 is a word of 重大行政决策, which 立法 excludes; a row about a
    决策's 风险评估报告 is not this duty's evidence, so the duty matches on its other words."""
    doc = _doc(
        tmp_path,
        "示范市法治政府建设实施方案\n一、主要任务\n（一）健全立法过程中的风险评估机制。\n（二）加强行政复议工作。\n",
    )
    duty = next(d for d in draft_pack(doc, "demo").pack.duties if "风险评估" in d.text)
    assert "风险评估" not in duty.match.any
    assert duty.match.any  # 立法过程 …


def test_rows_adopting_the_document_itself_are_left_out(tmp_path: Path) -> None:
    """审议《…会前学法制度（修订稿）》 adopts the document; it does none of its duties."""
    doc = _doc(tmp_path, "示范县人民政府常务会议会前学法制度\n第三条 县政府常务会议每年会前学法不少于4次。\n")
    duties = draft_pack(doc, "demo").pack.duties
    assert duties and all("审议《示范县人民政府常务会议会前学法制度" in d.match.none for d in duties)
    assert all("学习贯彻《示范县人民政府常务会议会前学法制度" not in d.match.none for d in duties)


def test_work_between_a_field_and_its_body_does_not_hide_the_concept(tmp_path: Path) -> None:
    doc = _doc(
        tmp_path,
        "示范镇法治建设责任清单\n一、乡镇政府主要负责人职责\n（一）健全完善政府主要负责人为组长的法治政府建设工作领导小组。\n",
    )
    (duty,) = draft_pack(doc, "demo").pack.duties
    assert "法治议事协调机构" in duty.match.concepts  # 法治政府建设工作领导小组 is 法治政府建设领导小组


def test_a_branch_of_units_is_no_own_word() -> None:
    """政府系统 names every unit of the government (政府系统党风廉政建设工作会议): no word of one duty."""
    assert unit_name("政府系统", "推动健全政府系统保证宪法全面实施的体制机制")
    corpus = [("1", "推动健全政府系统保证宪法全面实施的体制机制"), ("2", "推进执法信息化")]
    assert "政府系统" not in own_words(corpus[0][1], "1", corpus)


def test_a_phrases_head_comes_before_its_other_pieces() -> None:
    """A log names the thing (先进典型), seldom the verb before it (培育先进): the head is among a duty's own words."""
    corpus = [("1", "积极开展法治政府建设，大力培育先进典型，充分发挥先进典型的示范带动作用"), ("2", "推进执法信息化")]
    assert "先进典型" in own_words(corpus[0][1], "1", corpus)


def test_arranging_the_work_is_deploying_it() -> None:
    from dutyaudit.concepts import compiled_concepts
    from dutyaudit.vocabulary import match_form

    concept = compiled_concepts()["研究部署法治建设"]
    assert concept.naming_forms(match_form("领导小组开会，布置今年法治政府建设重点工作"))
