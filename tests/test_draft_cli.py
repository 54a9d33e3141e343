"""`dutyaudit packs draft` end to end: write, validate, show (review first), audit with the draft."""

from __future__ import annotations

from pathlib import Path
from typing import Any

DOC = """示范县法治建设责任清单
一、党委主要负责人职责
（一）每年至少听取2次法治建设工作汇报。
（二）推动建立党委法律顾问制度。
二、政府主要负责人职责
（一）每年3月1日前报告上一年度法治政府建设情况。
（二）组织政府领导班子每年举办2期以上法治专题讲座。
"""


def test_draft_validate_show_and_check(run: Any, tmp_path: Path, write_csv: Any) -> None:
    doc = tmp_path / "清单.txt"
    doc.write_text(DOC, encoding="gb18030")
    before = doc.read_bytes()
    out = tmp_path / "draft.yaml"
    res = run("packs", "draft", doc, "--id", "demo", "--name", "示范县清单", "--out", out)
    assert res.exit_code == 0, res.output
    assert res.stdout == f"{out}：从 清单.txt 起草了 4 项职责，其中 4 项附有待审核意见\n"
    assert doc.read_bytes() == before
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# DRAFT duty pack: 示范县清单\n")
    assert "name: 示范县清单\n" in text

    res = run("packs", "validate", out)
    assert res.exit_code == 0 and res.stdout == f"{out}：通过（demo，4项职责）\n"

    res = run("packs", "show", out)
    assert res.exit_code == 0
    review_at = res.stdout.index("待审核 (review): 4 项职责")
    assert review_at < res.stdout.index("责任主体 (--role)")

    log = write_csv(
        [
            {"日期": "2023-02-20", "事项": "县委常委会听取法治建设工作汇报", "责任主体": "县委"},
            {"日期": "2023-02-25", "事项": "县政府向县委报告2022年度法治政府建设情况", "责任主体": "县政府"},
            {"日期": "2023-05-10", "事项": "县政府领导班子法治专题讲座", "责任主体": "县政府"},
        ]
    )
    res = run("check", log, "--pack", out, "--year", "2023", "--format", "json")
    assert res.exit_code in (0, 1), res.output
    assert '"id": "demo"' in res.stdout


def test_draft_default_id_and_errors(run: Any, tmp_path: Path, monkeypatch: Any) -> None:
    monkeypatch.chdir(tmp_path)
    doc = tmp_path / "Zhize List 2024.txt"
    doc.write_text(DOC, encoding="utf-8")
    res = run("packs", "draft", doc)
    assert res.exit_code == 0, res.output
    assert "id: zhize-list-2024\n" in (tmp_path / "draft.yaml").read_text(encoding="utf-8")

    res = run("packs", "draft", tmp_path / "missing.docx")
    assert res.exit_code == 2
    assert "找不到文件" in res.stderr

    res = run("packs", "draft", doc, "--out", doc)
    assert res.exit_code == 2
    assert "这是输入文件，不能覆盖" in res.stderr

    res = run("packs", "draft", doc, "--id", "Bad Id")
    assert res.exit_code == 2
    assert "field id" in res.stderr


NOTICE = """某某縣人民政府辦公室關於印發《某某縣2024年度領導幹部學法計劃》的通知
各鄉鎮人民政府，縣政府各部門：
現將《某某縣2024年度領導幹部學法計劃》印發給你們，請認真貫徹執行。
某某縣人民政府辦公室
2024年2月20日
某某縣2024年度領導幹部學法計劃
一、學法形式
（一）會前學法。縣政府常務會議每年會前學法不少於4次，各部門黨組（黨委）會議每季度至少學法一次。
（二）專題講座。縣政府每年舉辦兩期以上法治專題講座（牽頭單位：縣司法局；責任單位：縣政府辦公室）。
（三）學法考試。領導幹部每人每年學法不少於40學時，年底前參加全縣統一學法考試。
二、工作要求
各鄉鎮、各部門要於12月10日前將年度學法情況報縣司法局。
"""


def test_a_county_notice_in_traditional_script(tmp_path: Path) -> None:
    from dutyaudit.draft import draft_pack

    doc = tmp_path / "notice.txt"
    doc.write_bytes(NOTICE.encode("big5"))
    pack = draft_pack(doc, "xuefa").pack
    assert (pack.name, pack.jurisdiction, pack.issuer, pack.issued.isoformat()) == (
        "某某县2024年度领导干部学法计划",
        "某某县",
        "某某县人民政府办公室",
        "2024-02-20",
    )
    got = [(d.role, d.clause, d.text, d.requirement.model_dump(exclude_none=True)) for d in pack.duties]
    assert got == [
        ("government", "一（一）", "县政府常务会议每年会前学法不少于4次", {"kind": "count", "min": 4, "per": "year"}),
        (
            "department",
            "一（一）",
            "各部门党组（党委）会议每季度至少学法一次",
            {"kind": "count", "min": 1, "per": "quarter"},
        ),
        ("government", "一（二）", "县政府每年举办两期以上法治专题讲座", {"kind": "count", "min": 2, "per": "year"}),
        (
            "government",
            "一（三）",
            "领导干部每人每年学法不少于40学时",
            {"kind": "sum", "field": "hours", "min": 40.0, "per_person": True, "unit": "学时"},
        ),
        ("government", "一（三）", "年底前参加全县统一学法考试", {"kind": "deadline", "by": "12-31"}),
        (
            "department",
            "二",
            "各乡镇、各部门要于12月10日前将年度学法情况报县司法局",
            {"kind": "deadline", "by": "12-10"},
        ),
    ]
    assert pack.duties[2].owners == ["县司法局", "县政府办公室"]


RULE = """某市行政机关负责人出庭应诉工作规定
第一条 为规范行政机关负责人出庭应诉工作，根据有关法律法规，制定本规定。
第二条 行政机关负责人应当依法出庭应诉，出庭应诉率达到80%以上。
第三条 行政机关收到人民法院应诉通知书后，应当在5个工作日内确定出庭人员，并于开庭3日前报司法行政部门备案。
第四条 本规定自2024年1月1日起施行。
"""


def test_a_short_rule_in_articles(tmp_path: Path) -> None:
    from dutyaudit.draft import draft_pack

    doc = tmp_path / "rule.txt"
    doc.write_text(RULE, encoding="utf-8")
    duties = draft_pack(doc, "yingsu").pack.duties
    assert [(d.clause, d.kind, d.text) for d in duties] == [
        ("第二条", "rate", "行政机关负责人应当依法出庭应诉，出庭应诉率达到80%以上"),
        ("第二条", "evidence", "行政机关负责人应当依法出庭应诉"),
        ("第三条", "each", "应当在5个工作日内确定出庭人员"),  # 收到…后 is a condition, not a duty
        ("第三条", "each", "并于开庭3日前报司法行政部门备案"),  # a lead time: 提前天数 ≥ 3
    ]
    assert {d.role for d in duties} == {"government"}
    assert [f.name for f in draft_pack(doc, "yingsu").pack.fields] == ["办理情况", "提前天数"]
