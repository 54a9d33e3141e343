"""The shared activity vocabulary: loading, duty-sentence cues, packs naming concepts, validation."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from conftest import MINI_PACK, status_of

from dutyaudit.errors import PackError
from dutyaudit.matching import CompiledMatch, KeywordIndex, compiled_concepts
from dutyaudit.packs import Match, builtin_ids
from dutyaudit.vocabulary import load_vocabulary, match_form, parse_vocabulary, vocabulary_path

#: Concepts the five seed documents ask for; every one must be in the vocabulary.
SEED_CONCEPTS = [
    "听取法治建设汇报",
    "会前学法",
    "中心组学法",
    "法治专题讲座",
    "述法",
    "普法宣传",
    "宪法宣传",
    "出庭应诉",
    "合法性审核",
    "法律顾问",
    "行政复议",
    "府院联动",
    "执法培训",
    "两法衔接",
    "规范性文件备案审查",
    "法治政府建设年度报告",
    "法治督察",
    "重大行政决策",
    "公职律师",
    "行政执法三项制度",
]


def _names(cid: str, text: str) -> bool:
    return bool(compiled_concepts()[cid].named_by(match_form(text)))


def test_vocabulary_ships_beside_the_packs_and_is_not_a_pack() -> None:
    assert vocabulary_path().is_file()
    assert vocabulary_path().parent.glob("panjin.yaml")
    assert "vocabulary" not in builtin_ids()
    assert len(builtin_ids()) == 5


def test_every_seed_concept_is_defined_with_a_label_words_and_cues() -> None:
    vocab = load_vocabulary()
    for cid in SEED_CONCEPTS:
        c = vocab.concepts[cid]
        assert c.label and (c.words or c.all) and c.cues, cid
    assert load_vocabulary() is vocab  # cached


@pytest.mark.parametrize(
    ("cid", "text", "named"),
    [
        ("会前学法", "镇长办公会会前学法，学《优化营商环境条例》", True),
        ("会前学法", "常务会议学习《中华人民共和国行政诉讼法》", True),
        ("会前学法", "常务会议学习习近平总书记重要讲话", False),
        ("法律顾问", "跟宁夏一家律所续签了镇政府法律顾问合同，一年2万", True),
        ("法律顾问", "区城投公司法律顾问选聘", False),
        ("法律顾问", "推进一村一法律顾问全覆盖", False),
        ("述法", "年终述职述法", True),
        ("述法", "村党组织书记抓党建述职评议", False),
        ("普法宣传", "“4•15”全民国家安全教育日宣传", True),
        ("普法宣传", "3·15消费者权益日咨询", True),
        ("法治专题讲座", "法治报告会：行政诉讼法解读", True),
        ("法治专题讲座", "安全生产法专题讲座", False),
        ("听取法治建设汇报", "听取2022年度法治政府建设情况汇报", True),
        ("听取法治建设汇报", "听取一季度经济运行情况汇报", False),
        ("中心组学法", "党委理论学习中心组学习《宪法》", True),
        ("中心组学法", "中心组学习党的二十大精神", False),
        ("法律顾问", "镇政府法顾合同续签", True),  # 法顾: the clerk's abbreviation
        ("普法宣传", "3·15 配合市场监管所查过期食品", False),  # a themed day without publicity is enforcement
        ("普法宣传", "三八节 镇妇联搞妇女权益保障法知识问答", True),
        ("行政复议", "收到市政府行政复议决定书", False),  # being reviewed is not doing 复议 work
        ("执行生效裁判", "按法院判决付了某建筑公司工程款", True),
        ("规范性文件合法性审核", "村级公益岗管理办法 司法所合法性审查过了再上镇长会", True),
        ("规范性文件合法性审核", "重大项目合法性审查", False),
        ("监督班子依法行政", "班子会 副镇长挨个说分管领域依法行政情况 镇长点评", True),
        ("监督班子依法行政", "副镇长参加依法行政培训", False),
        ("政府党组中心组学法", "区政府党组理论学习中心组集体学习《行政复议法》", True),
        ("会前学法", "区政府常务会先学了行政复议法", True),  # a clerk's wording
        ("会前学法", "常务会先学了总书记重要讲话", False),
        ("出庭应诉", "副镇长出庭应诉马某诉镇政府案", True),
        ("研究部署法治建设", "镇长办公会学了区委依法治区委员会会议精神，研究怎么落实", False),  # a committee's name
        ("研究部署法治建设", "开展法治政府建设调查研究，形成调研报告", False),  # a survey
        ("研究部署法治建设", "区委依法治区委员会第一次会议，研究部署2023年法治建设工作", True),
        ("重大行政决策", "关于对《安全生产主体责任清单（征求意见稿）》进行合法性审核的函", False),  # a draft's label
        ("重大行政决策", "《学前教育布局调整方案》公开征求意见", True),
        ("出庭应诉", "上次没按时出庭的站所负责人，镇里通报批评了", False),  # a failing, not an appearance
        ("政府党组中心组学法", "区政府党组理论学习中心组学习总书记重要讲话精神", False),
        ("审计监督", "听取区审计局关于2022年度区本级预算执行和其他财政收支审计工作的报告", True),
        ("审计监督", "审计局局长参加业务培训", False),
        ("放管服", "区长办公会研究“证照分离”改革全覆盖", True),
        ("双随机监管", "审议《大洼区社会信用体系建设实施方案》", True),
        ("两法衔接", "执法队和派出所开会，定了案件移送的规矩", True),
        ("规范性文件合法性审核", "规范性文件审核登记", True),
        ("规范性文件备案审查", "规范性文件审核登记", False),  # reviewing one before it is issued, not filing it
        ("法治议事协调机构", "镇长办公会学了区委依法治区委员会会议精神", False),  # its directive, not its work
        ("法治议事协调机构", "区委依法治区委员会第一次会议", True),
        ("综合执法", "健全行政执法协调监督工作体系", False),  # 执法监督
        ("会前学法", "局党组班子成员学法：学习《社会保险法》", True),
        ("普法宣传", "开展“6·26”国际禁毒日集中宣传活动", False),  # every labeller: 禁毒 publicity is no 普法
        ("普法宣传", "4·22世界地球日在广场设点宣传《土地管理法》", True),
        ("会前学法", "领导干部带头学法：学习《行政复议法》", True),
    ],
)
def test_rows_name_concepts(cid: str, text: str, named: bool) -> None:
    assert _names(cid, text) is named


def test_a_word_inside_a_bodys_name_does_not_name_the_concept() -> None:
    """综合执法队 is who acts (执法证年审, 参评先进典型); the rest of its item may still name the reform."""
    texts = ["综合执法队执法证年审，6个人都过了", "综合执法队承接区里下放执法事项32项", "推进综合行政执法改革"]
    index = KeywordIndex([match_form(t) for t in texts])
    concept = compiled_concepts()["综合执法"]
    assert concept.keys_naming(index) == {1, 2}
    assert concept.named_by(match_form(texts[0])) == ()
    assert concept.nearly(match_form(texts[0])) is None  # not a near miss either: nothing of it is there


def test_a_board_where_something_else_is_posted_is_not_open_government_work() -> None:
    """政务公开栏 is where a report or a cleanup's result is posted; what is posted may still name 政务公开."""
    texts = [
        "清理结果在政务公开栏公布",
        "在政务公开栏公示惠农补贴发放情况",
        "更新政务公开网页",
        "综合行政执法办公室开展自查",
    ]
    index = KeywordIndex([match_form(t) for t in texts])
    assert compiled_concepts()["政务公开"].keys_naming(index) == {1, 2}
    assert compiled_concepts()["综合执法"].keys_naming(index) == set()  # the office is who acts


def test_a_phrase_holding_xuefa_is_no_study_and_a_talk_is_supervision() -> None:
    """尊法学法守法用法 is what a 考核 weighs, not a 会前学法; the head talking to a deputy about 执法 supervises."""
    texts = [
        "将尊法学法守法用法情况纳入干部考核；党委会议审议通过",
        "党委会议会前学法：宪法",
        "镇长就行政执法不规范问题约谈分管副镇长",
    ]
    index = KeywordIndex([match_form(t) for t in texts])
    assert compiled_concepts()["会前学法"].keys_naming(index) == {1}
    assert compiled_concepts()["监督班子依法行政"].keys_naming(index) == {2}
    other = KeywordIndex([match_form("副镇长被约谈，就执法问题作说明")])
    assert compiled_concepts()["监督班子依法行政"].keys_naming(other) == set()


def test_a_budget_line_for_pufa_is_no_pufa_activity() -> None:
    texts = ["预算安排法治建设工作经费（含普法经费）", "安排普法经费，开展普法宣传进村"]
    index = KeywordIndex([match_form(t) for t in texts])
    assert compiled_concepts()["普法宣传"].keys_naming(index) == {1}


def test_an_exclusion_removes_only_the_rows_holding_it() -> None:
    index = KeywordIndex([match_form(t) for t in ["镇政府法律顾问合同续签", "城投公司法律顾问合同", "聘请律师"]])
    assert compiled_concepts()["法律顾问"].keys_naming(index) == {0}


@pytest.mark.parametrize(
    ("sentence", "concepts"),
    [
        ("政府领导班子每年举办2期以上法治专题讲座", ["法治专题讲座"]),
        ("健全并落实党委法律顾问、公职律师制度", ["法律顾问", "公职律师"]),
        ("组织党委常委会会议每年至少听取1次法治建设工作汇报", ["听取法治建设汇报"]),
        (
            "落实行政执法公示、执法全过程记录、重大执法决定法制审核制度",
            ["执法公示", "执法全过程记录", "重大执法决定法制审核"],
        ),
        ("全面推行行政执法三项制度", ["行政执法三项制度"]),
        ("支持法院依法受理和审理行政案件", ["府院联动"]),
    ],
)
def test_duty_sentences_name_concepts_by_their_cues(sentence: str, concepts: list[str]) -> None:
    assert load_vocabulary().concepts_named_in(sentence) == concepts


def test_a_sentence_naming_nothing_names_no_concept() -> None:
    assert load_vocabulary().concepts_named_in("坚持党的领导") == []


def test_match_with_concepts_only_is_valid_and_matches_their_words() -> None:
    m = Match(concepts=["会前学法", "法治专题讲座"], none=["人大"])
    cm = CompiledMatch.of(m)
    keys = [match_form(t) for t in ["区政府常务会议会前学法", "县人大常委会会前学法", "法治报告会", "召开常务会议"]]
    assert cm.keyword_rows(KeywordIndex(keys), len(keys)) == {0, 2}
    assert cm.found_words(keys[0]) == ("会前学法",)


def test_unknown_concept_is_rejected_naming_the_duty(tmp_path: Path, run: Any) -> None:
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        MINI_PACK.replace(
            "match: {types: [meeting], all: [听取], any: [法治建设工作汇报, 法治建设情况汇报]}",
            "match: {concepts: [听取法治建设汇报, 会后学法]}",
        ),
        encoding="utf-8",
    )
    res = run("packs", "validate", str(pack))
    assert res.exit_code == 2
    assert "party-report" in res.output and "会后学法" in res.output


def test_a_pack_naming_concepts_audits(tmp_path: Path, write_csv: Any, run: Any) -> None:
    pack = tmp_path / "concepts.yaml"
    pack.write_text(
        MINI_PACK.replace(
            "match: {types: [meeting], all: [听取], any: [法治建设工作汇报, 法治建设情况汇报]}",
            "match: {concepts: [听取法治建设汇报]}",
        ),
        encoding="utf-8",
    )
    assert run("packs", "validate", str(pack)).exit_code == 0
    log = write_csv([{"日期": "2023-04-01", "事项": "县委常委会审议全县法治建设情况报告", "责任主体": "县委"}])
    res = run("check", str(log), "--pack", str(pack), "--year", "2023", "--format", "json", "--exit-zero")
    assert status_of(json.loads(res.output), "party-report")["status"] == "met"


def test_schema_lists_concepts(run: Any) -> None:
    res = run("packs", "schema")
    schema = json.loads(res.output)
    assert "concepts" in schema["$defs"]["Match"]["properties"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"schema": 1, "concepts": {"x": {"label": "x"}}}, "needs words or all"),
        ({"schema": 1, "concepts": {"x": {"label": "x", "all": [["a"]]}}}, "two or more"),
        ({"schema": 1, "concepts": {"x": {"label": "x", "words": ["a"], "types": ["party"]}}}, "unknown type"),
        ({"schema": 2, "concepts": {}}, "schema"),
    ],
)
def test_bad_vocabulary_is_refused_with_the_place(data: dict[str, Any], message: str) -> None:
    with pytest.raises(PackError, match=message):
        parse_vocabulary(data, "vocab.yaml")


def test_template_example_and_hint_for_a_concept_only_rule() -> None:
    from dutyaudit.packs import load_pack
    from dutyaudit.template_examples import example, keyword_text

    duty = load_pack("panjin").duty("gov-08")
    assert duty is not None and duty.match.concepts and not duty.match.any
    title = example(duty, 2023).title
    assert title and CompiledMatch.of(duty.match).keyword_rows(KeywordIndex([match_form(title)]), 1) == {0}
    assert keyword_text(duty) == "须写明 法律顾问/公职律师"


def test_a_concept_with_types_skips_rows_of_another_type(tmp_path: Path, write_csv: Any, run: Any) -> None:
    assert compiled_concepts()["法治专题讲座"].types  # lecture, study, training, meeting
    pack = tmp_path / "typed.yaml"
    pack.write_text(
        MINI_PACK.replace("match: {all: [讲座], any: [法治, 法律]}", "match: {concepts: [法治专题讲座]}"),
        encoding="utf-8",
    )
    log = write_csv(
        [
            {"日期": "2023-04-01", "事项": "法治讲座进社区", "活动类型": "宣传", "责任主体": "县委"},
            {"日期": "2023-05-01", "事项": "法治讲座：民法典解读", "活动类型": "讲座", "责任主体": "县委"},
            {"日期": "2023-06-01", "事项": "法治报告会", "责任主体": "县委"},  # no type: may count
        ]
    )
    res = run("check", str(log), "--pack", str(pack), "--year", "2023", "--format", "json", "--exit-zero")
    titles = [e["title"] for e in status_of(json.loads(res.stdout), "party-lecture")["evidence"]]
    assert titles == ["法治讲座：民法典解读", "法治报告会"]


def test_a_hearing_watched_names_the_trial_between() -> None:
    """旁听行政诉讼案件庭审 is 旁听庭审 with the case named in between."""
    rows = [match_form(t) for t in ("组织区政府部门负责人旁听行政诉讼案件庭审", "旁听群众来信", "庭审直播")]
    assert compiled_concepts()["旁听庭审"].keys_naming(KeywordIndex(rows)) == {0}


def test_a_report_on_duty_that_covers_the_rule_of_law_names_shufa() -> None:
    rows = [match_form(t) for t in ("年终考核，镇长述职里讲了法治政府建设", "书记抓党建述职", "年终述职")]
    assert compiled_concepts()["述法"].keys_naming(KeywordIndex(rows)) == {0}


def test_only_an_inspection_of_the_rule_of_law_names_xuncha() -> None:
    rows = [
        match_form(t) for t in ("巡察把第一责任人职责纳入巡察内容", "听取区委第二轮巡察情况汇报", "法治建设巡察反馈")
    ]
    assert compiled_concepts()["巡察法治"].keys_naming(KeywordIndex(rows)) == {0, 2}
