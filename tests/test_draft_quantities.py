"""Every quantity form `packs draft` reads, Chinese numerals included, and what it leaves alone."""

from __future__ import annotations

from typing import Any

import pytest

from dutyaudit.draft.quantities import cn_number, find_quantities, unread_figures

NOT = ["未", "不"]


def reqs(sentence: str) -> list[dict[str, Any]]:
    return [q.requirement for q in find_quantities(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("组织党委常委会会议每年至少听取1次法治建设工作汇报", [{"kind": "count", "min": 1, "per": "year"}]),
        ("每年举办2期以上法治专题讲座", [{"kind": "count", "min": 2, "per": "year"}]),
        ("每半年听取一次法治政府建设工作汇报", [{"kind": "count", "min": 1, "per": "half"}]),
        ("每季度召开两次执法协调会议", [{"kind": "count", "min": 2, "per": "quarter"}]),
        ("每月开展一次普法宣传", [{"kind": "count", "min": 1, "per": "month"}]),
        ("每年度对执法案卷进行评查", [{"kind": "count", "min": 1, "per": "year"}]),
        ("主流媒体至少开办一档定期的法治节目", [{"kind": "count", "min": 1, "per": "year"}]),
        ("每年3月1日前报告上一年度法治政府建设情况", [{"kind": "deadline", "by": "03-01"}]),
        ("每年十二月二十日前完成年度考核", [{"kind": "deadline", "by": "12-20"}]),
        ("6月底前公布权责清单", [{"kind": "deadline", "by": "06-30"}]),
        ("年底前参加全县统一学法考试", [{"kind": "deadline", "by": "12-31"}]),
        (
            "年内执法人员法治培训不少于60学时",
            [{"kind": "sum", "field": "hours", "min": 60, "per_person": True, "unit": "学时"}],
        ),
        (
            "领导班子集体学法不少于12课时",
            [{"kind": "sum", "field": "hours", "min": 12, "per_person": False, "unit": "课时"}],
        ),
        (
            "草案向社会公开征求意见期限一般不少于30日",
            [{"kind": "each", "where": {"field": "duration_days", "op": ">=", "value": 30}}],
        ),
        (
            "投诉举报应当在15个工作日内办结",
            [{"kind": "each", "where": {"field": "duration_days", "op": "<=", "value": 15}}],
        ),
        (
            "考试不合格的，应当在1个月内补考",
            [{"kind": "each", "where": {"field": "duration_days", "op": "<=", "value": 30}}],
        ),
        (
            "每次学法时间不少于30分钟",
            [{"kind": "each", "where": {"field": "时长（分钟）", "op": ">=", "value": 30}}],
        ),
        (
            "每次旁听庭审，各部门参加人数不少于20人",
            [{"kind": "each", "where": {"field": "参加人数", "op": ">=", "value": 20}}],
        ),
        (
            "行政机关负责人出庭应诉率达到100%",
            [
                {
                    "kind": "rate",
                    "min": 100,
                    "of": "事项",
                    "where": {"field": "办理情况", "any": ["出庭"], "none": ["未", "不"]},
                }
            ],
        ),
        (
            "投诉举报办结率达到90%以上",
            [
                {
                    "kind": "rate",
                    "min": 90,
                    "of": "事项",
                    "where": {"field": "办理情况", "any": ["办结"], "none": ["未", "不"]},
                }
            ],
        ),
        (
            "积极开展“12· 4”国家宪法日集中宣传教育活动",
            [{"kind": "count", "min": 1, "per": "year", "window": {"from": "12-04", "to": "12-04"}}],
        ),
    ],
)
def test_quantity_forms(sentence: str, expected: list[dict[str, Any]]) -> None:
    assert reqs(sentence) == expected


def test_several_numbers_make_several_requirements() -> None:
    assert reqs("原则上每年党委理论学习中心组学法不少于4次，学习习近平法治思想不少于2次") == [
        {"kind": "count", "min": 4, "per": "year"},
        {"kind": "count", "min": 2, "per": "year"},  # the period carries over from the sentence
    ]
    rates = reqs("政府规章、行政规范性文件的报备率、报备及时率、规范率均达到100%")
    assert [r["where"]["any"] for r in rates] == [["报备"], ["及时"], ["规范"]]


def test_targets_bind_an_audit_year() -> None:
    qs = find_quantities("到2025年,全市3个县区、6个项目获得全区法治政府建设示范地区、示范项目命名")
    assert [(q.requirement["min"], q.years) for q in qs] == [(3, 2025), (6, 2025)]
    (q,) = find_quantities("力争到2023年底,全市各县区均被评估认定为全区法治政府建设示范创建达标地区")
    assert (q.requirement, q.years) == ({"kind": "deadline", "by": "12-31"}, 2023)
    assert any("力争" in n for n in q.review)


@pytest.mark.parametrize(
    "sentence",
    [
        "深入推进“最多跑一次”改革",  # a name in quotes
        "中国共产党资阳市第三届委员会第10次全体会议通过",  # an ordinal
        "市县两级政府定期听取工作汇报",  # 定期 without a figure
        "报备率、及时率、规范率达到规定要求",  # a rate without a figure
        "完善年度工作报告",  # 年度 names the yearly report, no count
        "坚持以身作则、以上率下",
    ],
)
def test_non_requirements_are_left_alone(sentence: str) -> None:
    assert reqs(sentence) == []


def test_chinese_numerals() -> None:
    assert [cn_number(s) for s in ("两", "一", "十", "十二", "二十", "三十一", "4", "2.5")] == [
        2,
        1,
        10,
        12,
        20,
        31,
        4,
        2.5,
    ]


def test_each_figure_says_how_it_was_read() -> None:
    (q,) = find_quantities("每半年听取一次法治政府建设工作汇报")
    assert q.review == ["“每半年…一次” read as at least 1"]
    (q,) = find_quantities("主流媒体至少开办一档法治节目")
    assert q.review == ["no period in the sentence: read as per year"]


def test_figures_the_drafter_cannot_read_are_named() -> None:
    sentence = "应当在5个工作日内确定出庭人员，并于判决生效3日后报司法行政部门备案"
    qs = find_quantities(sentence)
    assert [q.requirement["kind"] for q in qs] == ["each"]
    assert unread_figures(sentence, qs) == ["3日"]
    # a lead time before an event is read: each occasion's days ahead, in a column of its own
    lead = find_quantities("并于开庭3日前报司法行政部门备案")
    assert [q.requirement for q in lead] == [{"kind": "each", "where": {"field": "提前天数", "op": ">=", "value": 3}}]
    assert lead[0].fields == ["提前天数"]
    assert [q.requirement["kind"] for q in find_quantities("每年3月15日前报送")] == ["deadline"]  # a date, not a lead
    assert unread_figures("省委十届五次全会部署，2023年第10次会议", []) == []


def test_a_duty_with_a_time_limit_from_issue_is_no_entry_into_force(tmp_path: Any) -> None:
    """自印发之日起15日内报…备案 is a duty; 本制度自印发之日起施行 is not. A headcount's field is declared."""
    from dutyaudit.draft import draft_pack

    doc = tmp_path / "zhidu.txt"
    doc.write_text(
        "示范镇法治建设责任清单\n一、乡镇党委主要负责人职责\n1.镇党委制定的规范性文件应当自印发之日起15日内报县委办公室备案。\n"
        "2.每次旁听庭审，参加人数不少于20人。\n3.本清单自印发之日起施行。\n",
        encoding="utf-8",
    )
    pack = draft_pack(doc, "demo").pack
    assert [d.clause for d in pack.duties] == ["一1", "一2"]
    assert [f.name for f in pack.fields] == ["参加人数"] and pack.fields[0].type == "number"
