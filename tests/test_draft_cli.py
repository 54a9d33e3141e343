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
    assert res.stdout == f"{out}: 4 duties drafted from 清单.txt; 4 carry review notes\n"
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
