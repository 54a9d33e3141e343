"""Exclusive packs: a row that meets the rules of several clauses counts for the one it resembles most."""

from __future__ import annotations

import datetime as dt
from typing import Any

from dutyaudit.ingest.text import normalize
from dutyaudit.matching import Matcher
from dutyaudit.model import Activity
from dutyaudit.packs import parse_pack
from dutyaudit.specificity import Resemblance, bigrams

ROLES = {
    "government": {"name": "政府主要负责人", "aliases": ["县政府"]},
    "party": {"name": "党委主要负责人", "aliases": ["县委"]},
}


def _demo(duties: list[dict[str, Any]], exclusive: bool = True) -> Any:
    """A demo pack of these duties (each an evidence duty unless it says otherwise)."""
    data = {
        "schema": 1,
        "id": "demo",
        "name": "示范清单",
        "jurisdiction": "示范县",
        "issuer": "示范县司法局",
        "issued": "2023-01-01",
        "exclusive": exclusive,
        "roles": ROLES,
        "duties": [{"requirement": {"kind": "evidence"}, **d} for d in duties],
    }
    return parse_pack(data, "demo")


def _pack(exclusive: bool) -> Any:
    return _demo(
        [
            {
                "id": "g-11",
                "role": "government",
                "clause": "3(11)",
                "label": "权责清单",
                "text": "推行权责清单、负面清单制度并实行动态管理",
                "match": {"any": ["权责清单", "清单"]},
            },
            {
                "id": "g-15",
                "role": "government",
                "clause": "3(15)",
                "label": "执法责任制",
                "text": "推进行政执法责任制全面落实",
                "match": {"any": ["执法责任制", "权责清单"]},
            },
            {
                "id": "p-15",
                "role": "party",
                "clause": "1(5)",
                "label": "党委清单",
                "text": "推动党委权责清单动态调整",
                "match": {"any": ["权责清单"]},
            },
        ],
        exclusive,
    )


def _rows(*titles: str, role: str = "") -> list[Activity]:
    return [
        Activity("log.csv", "log", n + 2, dt.date(2023, 3, 1), t, normalize(t), role_text=role)
        for n, t in enumerate(titles)
    ]


def _credited(exclusive: bool, rows: list[Activity]) -> dict[str, list[str]]:
    pack = _pack(exclusive)
    m = Matcher(pack, rows)
    return {d.id: [h.activity.title for h in m.hits(d)] for d in pack.duties}


def test_bigrams_are_the_two_character_pieces_of_chinese_runs() -> None:
    assert bigrams("权责清单 2023") == {"权责", "责清", "清单"}


def test_the_clause_a_row_echoes_most_takes_it() -> None:
    r = Resemblance(_pack(True).duties)
    key = "研究权责清单动态管理"
    assert r.best(key, ["3(11)", "3(15)"]) == {"3(11)"}
    assert r.score(key, "3(11)") > r.score(key, "3(15)")


def test_an_exclusive_pack_credits_one_clause_per_row_of_a_role() -> None:
    rows = _rows("县政府常务会议研究权责清单动态管理", role="县政府")
    assert _credited(True, rows) == {"g-11": [rows[0].title], "g-15": [], "p-15": []}
    # without the flag every rule the row meets counts (the hand-made packs)
    assert _credited(False, rows)["g-15"] == [rows[0].title]


def test_a_row_of_no_role_competes_across_roles() -> None:
    rows = _rows("党委权责清单动态调整")
    assert _credited(True, rows) == {"g-11": [], "g-15": [], "p-15": [rows[0].title]}


def test_drafted_roles_tell_a_government_party_group_from_a_department() -> None:
    from dutyaudit.draft.roles import ROLES

    assert "党组" not in ROLES["department"].aliases  # 区政府党组 is the government's, 局党组 a department's
    assert "政府党组" in ROLES["government"].aliases and "局党组" in ROLES["department"].aliases
    assert "常委会" in ROLES["party"].aliases and "常务会" in ROLES["government"].aliases


def test_explain_says_which_clause_took_a_row() -> None:
    from dutyaudit.nearmiss import near_misses

    pack = _pack(True)
    rows = _rows("县政府常务会议研究权责清单动态管理", role="县政府")
    m = Matcher(pack, rows)
    g15 = pack.duty("g-15")
    assert g15 is not None and m.taken_by(g15, 0) == ["3(11)"]
    (near,) = near_misses(pack, g15, m, 2023, set(), "zh")
    assert [r.code for r in near.reasons] == ["taken"] and "3(11)" in near.reasons[0].message
    assert Matcher(_pack(False), rows).taken_by(g15, 0) == []


def test_a_tie_goes_to_the_narrower_clause() -> None:
    """Two clauses share the row's words equally: the one those words make up more of takes it."""
    pack = _pack(True)
    r = Resemblance(pack.duties)
    key = "权责清单"
    assert r.score(key, "3(11)") == r.score(key, "1(5)")
    assert r.best(key, ["3(11)", "1(5)"]) == {"1(5)"}  # 推动党委权责清单动态调整 is the shorter


def test_an_item_that_adds_nothing_to_the_title_does_not_pick_the_clause() -> None:
    """A generic title (权责清单动态管理) alone, or with a 备注 that names no word of the pack (已发各单位),
    resembles another clause; the row's substance (动态调整 by the 党委) decides."""
    pack = _pack(True)
    row = Activity(
        "log.csv",
        "log",
        2,
        dt.date(2023, 3, 1),
        "权责清单动态管理",
        normalize("权责清单动态管理"),
        extra={"内容": "推动党委权责清单动态调整", "备注": "已发各单位"},
    )
    m = Matcher(pack, [row])
    assert {d.id: [h.activity.title for h in m.hits(d)] for d in pack.duties} == {
        "g-11": [],
        "g-15": [],
        "p-15": ["权责清单动态管理"],
    }
    # without the item the title alone decides, as before
    bare = Matcher(pack, _rows("权责清单动态管理"))
    assert [d.id for d in pack.duties if bare.hits(d)] == ["g-11"]


def test_a_row_echoing_a_clause_whose_rule_it_misses_counts_for_none() -> None:
    """An item meeting 3(15)'s rule (权责清单) that echoes 3(11)'s sentence many times as much is 3(11)'s near
    miss, not 3(15)'s evidence: it counts for neither unless 3(11) is not of the row's role."""
    pack = _pack(True)
    r = Resemblance(pack.duties)
    key = normalize("推进权责清单、负面清单制度并实行动态管理")  # 推进: a word of 3(15) too
    assert r.best(key, ["3(15)"], "government") == frozenset()  # 3(11) resembles it far more
    assert r.best(key, ["3(15)"], "party") == {"3(15)"}  # no clause of the party's resembles it more
    assert r.best(normalize("落实行政执法责任制"), ["3(15)"], "government") == {"3(15)"}


def test_a_row_another_roles_met_clause_says_far_better_counts_for_none() -> None:
    """A 县政府 row naming 党委权责清单动态调整 meets the government's 权责清单 rule and the party's; the party's
    sentence says it more than twice as well, so crediting it to the government would be a guess."""
    rows = _rows("推动党委权责清单动态调整工作", role="县政府")
    assert _credited(True, rows)["g-11"] == []
    plain = _rows("推行权责清单并动态管理", role="县政府")
    assert _credited(True, plain)["g-11"] == ["推行权责清单并动态管理"]  # its own role's clause says it best


def _review_pack() -> Any:
    """Two sibling clauses: legality review of a major decision (broad 合法性审核) and of a normative document."""
    return _demo(
        [
            {
                "id": "g-7",
                "role": "government",
                "clause": "2(7)",
                "label": "决策程序",
                "text": "严格执行重大行政决策公众参与、专家论证、风险评估、合法性审查、集体讨论决定的法定程序",
                "match": {"concepts": ["重大行政决策", "合法性审核"]},
            },
            {
                "id": "g-9",
                "role": "government",
                "clause": "2(9)",
                "label": "规范性文件",
                "text": "全面推行规范性文件审核制度",
                "match": {"concepts": ["规范性文件合法性审核"]},
            },
        ]
    )


def test_a_narrower_concepts_clause_takes_the_item() -> None:
    """管理办法…合法性审核 names 合法性审核 as part of 规范性文件合法性审核: the clause naming the narrower concept
    takes it, although the decision clause's sentence shares more words with it."""
    pack = _review_pack()
    rows = _rows("县政府常务会议审议《农村集体三资管理办法（送审稿）》（已经县司法局合法性审查）", role="县政府")
    m = Matcher(pack, rows)
    assert {d.id: len(m.hits(d)) for d in pack.duties} == {"g-7": 0, "g-9": 1}
    # a major decision's legality review names no narrower concept: its clause keeps it
    plain = _rows("县政府常务会议审议重大行政决策事项，已经合法性审查", role="县政府")
    m = Matcher(pack, plain)
    assert {d.id: len(m.hits(d)) for d in pack.duties} == {"g-7": 1, "g-9": 0}


def test_a_concept_named_by_other_words_is_not_subsumed() -> None:
    from dutyaudit.concepts import compiled_concepts
    from dutyaudit.specificity import subsumed

    table = compiled_concepts()
    both = [table["合法性审核"], table["规范性文件合法性审核"]]
    assert subsumed(normalize("管理办法已经合法性审查"), both) == {"合法性审核"}
    lecture = [table["法治专题讲座"], table["讲法治课"]]  # 讲授法治课 holds 法治课, but here 讲法治课 is 领导…讲授…法治
    assert subsumed(normalize("法治专题讲座，区长讲授法治政府建设"), lecture) == frozenset()
