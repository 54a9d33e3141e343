"""The JSON renderer's fast text path gives byte for byte what json.dumps gives for the same audit."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dutyaudit.audit import pack_columns, run_audit
from dutyaudit.ingest import IngestOptions, ingest
from dutyaudit.packs import load_pack_file
from dutyaudit.report.json import audit_dict, audit_json, audit_json_indented, dumps

ODD = ['含"引号"与\\反斜杠', "换\n行", "控制\x01字符", "emoji 🎉", "  前后空格  "]


@pytest.mark.parametrize("unmatched", [3, 2500], ids=["indented", "compact"])
def test_text_equals_json_dumps(
    unmatched: int, write_csv: Callable[..., Path], mini_pack: Path, tmp_path: Path
) -> None:
    rows = [["2023-03-01", "县委常委会听取法治建设工作汇报", "会议", "县委"]]
    rows += [["2023-05-10", "举办法治专题讲座" + t, "讲座", "县委"] for t in ODD]
    rows += [["2023-06-01", f"防汛工作部署会议第{i}次", "会议", "县政府"] for i in range(unmatched)]
    rows += [["", "无日期的事项", "会议", "县政府"]]
    log = write_csv(rows, header=["日期", "事项", "类型", "责任主体"])
    pack = load_pack_file(mini_pack)
    audit = run_audit(ingest([log], IngestOptions(pack_columns=pack_columns(pack))), pack)

    text = audit_json(audit)

    assert text == dumps(audit_dict(audit))
    data = json.loads(text)
    assert len(data["unmatched"]) >= unmatched
    lecture = next(d for d in data["duties"] if d["id"] == "party-lecture")
    assert {e["title"] for e in lecture["evidence"]} == {("举办法治专题讲座" + t).strip() for t in ODD}
    assert ("\n  " in text) is (unmatched < 2000)
    assert audit_json_indented(audit) == json.dumps(audit_dict(audit), ensure_ascii=False, indent=2)
