"""`--lang en`: every label, header, status word and message in English. Only duty texts, log content and
pack-provided names (pack name, labels, clauses, role and grade names, keywords, field names) stay Chinese:
each test strips those known strings from the output and asserts that no CJK character remains."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from dutyaudit.cli import app
from dutyaudit.i18n import LABELS
from tests.conftest import HEADER, MINI_PACK, PINNED_ENV

#: CJK ideographs, CJK punctuation (、。“” …) and full-width forms (（），：).
CJK = re.compile(r"[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef\u2018-\u201d]")

ROWS: list[dict[str, Any]] = [
    {"日期": "2023-03-01", "事项": "县委常委会会议听取法治建设工作汇报", "活动类型": "会议", "责任主体": "县委"},
    {"日期": "2023-04-01", "事项": "法治专题讲座", "活动类型": "讲座", "责任主体": "县委"},
    {"日期": "2022-12-20", "事项": "法治专题讲座", "活动类型": "讲座", "责任主体": "县委"},
    {"日期": "2023-03-10", "事项": "报送2022年度法治政府建设情况报告", "活动类型": "报告", "责任主体": "县政府"},
    {"日期": "2023-05-01", "事项": "行政执法人员培训", "责任主体": "县政府", "责任人": "张三、李四", "学时": "20"},
    {"日期": "2023-06-01", "事项": "行政诉讼案件应诉", "责任主体": "县政府", "出庭情况": "未出庭"},
    {"日期": "2023-07-01", "事项": "征求意见", "责任主体": "县政府", "结束日期": "2023-07-10"},
    {"日期": "2023-08-01", "事项": "办公楼维修", "责任主体": "县政府"},
    {"日期": "待定", "事项": "法治讲座第三期", "责任主体": "县委"},
]
TITLE = "测试县2023年度法治建设工作台账"
WAIVERS = "- {duty: gov-half, reason: 改为季度专题会, approved_by: 县委依法治县办, expires: 2099-12-31}\n"


def _strings(value: Any) -> Iterable[str]:
    """Every string (and key) inside parsed YAML."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield str(k)
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)
    elif value is not None:
        yield str(value)


def _known_content(log: Path, waivers: Path) -> list[str]:
    """Duty texts, pack-provided names, log content and waiver content: allowed to stay Chinese."""
    pack = yaml.safe_load(MINI_PACK)
    words = set(_strings(pack))
    for d in pack["duties"]:  # keyword alternatives are written A|B in the pack
        for entry in d["match"].get("all", []):
            words.update(entry.split("|"))
    words.update(_strings(yaml.safe_load(waivers.read_text(encoding="utf-8"))))
    for row in ROWS:
        words.update(str(v) for v in row.values())
        words.update(re.split(r"[、]", row.get("责任人", "")))
    words.update([TITLE, "测试县", log.name, *HEADER])
    return sorted((w for w in words if w), key=len, reverse=True)


def _leftover(text: str, known: list[str]) -> list[str]:
    for w in known:
        text = text.replace(w, " ")
    return sorted(set(CJK.findall(text)))


@pytest.fixture
def files(tmp_path: Path, write_csv: Callable[..., Path], mini_pack: Path) -> tuple[Path, Path, Path]:
    log = write_csv(ROWS, title=TITLE)
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(WAIVERS, encoding="utf-8")
    return log, mini_pack, waivers


def _run(*args: Any) -> Any:
    """Invoke with a wide console so that Rich does not cut known strings across lines."""
    return CliRunner().invoke(app, [str(a) for a in args], env={**PINNED_ENV, "COLUMNS": "1000"})


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_check_en_has_no_chinese_labels(files, fmt: str) -> None:
    log, pack, waivers = files
    res = _run("check", log, "--pack", pack, "--waivers", waivers, "--lang", "en", "-f", fmt)
    assert res.exit_code == 1, res.stderr
    out = res.stdout
    if fmt == "json":
        data = json.loads(out)
        out = "\n".join(_strings(data))
        assert data["warnings"][0]["message"] == "unreadable date '待定': not audited"
    assert _leftover(out, _known_content(log, waivers)) == []
    # and the English words are really there
    english = {
        "table": [
            "Clause",
            "Requirement",
            "Shortfall",
            "Role: party",
            "waived: 改为季度专题会 (approved by",
            "Warnings (1):",
        ],
        "markdown": ["| ID | Role | Clause | Duty |", "| party-report | party |", "## Warnings", "score "],
        "csv": ["id,role,clause", "at least 60 hours per person", "waiver_reason"],
        "json": ["below 1 in H1, H2", "late: done 2023-03-10 (due by 2023-03-01)", "1 not satisfying (log!"],
    }[fmt]
    for word in english:
        assert word in out, word


def test_check_zh_is_the_default(files) -> None:
    log, pack, waivers = files
    out = _run("check", log, "--pack", pack, "--waivers", waivers).stdout
    assert "条款" in out and "差距" in out and "党委主要负责人 (party)" in out and "警告 1 处：" in out
    md = _run("check", log, "--pack", pack, "-f", "markdown").stdout
    assert "| 编号 | 责任主体 | 条款 |" in md and "## 警告" in md


def test_csv_en_keeps_ids_and_english_text(files) -> None:
    log, pack, waivers = files
    out = _run("check", log, "--pack", pack, "--waivers", waivers, "--lang", "en", "-f", "csv").stdout
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(out))}
    assert rows["gov-training"]["requirement"] == "at least 60 hours per person"
    assert rows["gov-training"]["shortfall"] == "2 below: 张三 20/60, 李四 20/60"
    assert rows["gov-court"]["requirement"] == "at least 100% of cases"
    assert rows["gov-half"]["status"] == "waived" and rows["gov-half"]["waiver_approved_by"] == "县委依法治县办"


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_batch_en_has_no_chinese_labels(files, tmp_path: Path, fmt: str) -> None:
    log, pack, waivers = files
    second = tmp_path / "second.csv"
    second.write_bytes(log.read_bytes())
    res = _run("batch", log, second, "--pack", pack, "--waivers", waivers, "--lang", "en", "-f", fmt, "-j", "1")
    assert res.exit_code == 1, res.stderr
    out = res.stdout if fmt != "json" else "\n".join(_strings(json.loads(res.stdout)))
    assert _leftover(out.replace("second.csv", ""), _known_content(log, waivers)) == []
    if fmt == "table":
        assert "Rank" in out and "Year 2023 · 1 units" in out
    if fmt == "csv":
        assert "log.csv, second.csv" in out  # files joined the English way


@pytest.mark.parametrize("duty", ["party-report", "party-lecture", "gov-report", "gov-training", "gov-court"])
@pytest.mark.parametrize("fmt", ["table", "json"])
def test_explain_en_has_no_chinese_labels(files, duty: str, fmt: str) -> None:
    log, pack, waivers = files
    res = _run("explain", log, "--pack", pack, "--duty", duty, "--waivers", waivers, "--lang", "en", "-f", fmt)
    assert res.exit_code in (0, 1), res.stderr
    out = res.stdout if fmt == "table" else "\n".join(_strings(json.loads(res.stdout)))
    assert _leftover(out, _known_content(log, waivers)) == []
    assert "To satisfy: " in out if fmt == "table" else "needed" in out


def test_explain_en_words(files) -> None:
    log, pack, _ = files
    out = _run("explain", log, "--pack", pack, "--duty", "party-lecture", "--lang", "en").stdout
    assert "Duty party-lecture · clause 三(一)6(19) · 法治专题讲座" in out
    assert "Role: party" in out and "Verdict: partial — required 2, found 1 — 1 short" in out
    assert "dated 2022-12-20, not in 2023" in out
    assert 'To satisfy: 1 more row(s) dated in 2023, title contains "讲座" and contains one of "法治", "法律"' in out


def test_every_label_has_english_without_chinese() -> None:
    for key, entry in LABELS.items():
        assert set(entry) == {"zh", "en"}, key
        assert not CJK.search(entry["en"]), f"{key}: {entry['en']!r}"
