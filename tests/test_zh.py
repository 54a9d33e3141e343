"""`--lang zh` (the default): a clerk who reads no English meets no English word.

Every renderer, the scorecard, the summary, every warning and every error a run can print are
rendered in Chinese, and no ASCII identifier (``duration_days``, ``hours``, ``unreadable``) or
operator (``>=``, ``∋``) is left once the things a user types or knows by name are taken out:
file names, ids, option names (``--map``), format and product names (Excel, xlsx). A source check
makes sure every warning and error is built from an i18n key, so a new English one fails here.
"""

from __future__ import annotations

import ast
import json
import re
import string
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
import yaml

from dutyaudit.i18n import LABELS, t
from dutyaudit.packs import builtin_ids
from tests.conftest import MINI_PACK

ROOT = Path(__file__).resolve().parent.parent
#: An English word or identifier (two letters or more), or an operator a person would not write.
LEAK = re.compile(r"[A-Za-z_][A-Za-z_0-9]+|>=|<=|==|!=|∋|∌")
#: Names a user types or knows as they are: options, formats, products, encodings, YAML keys.
ALLOWED = {
    *["dutyaudit", "check", "batch", "explain", "template", "packs", "show", "validate", "list", "schema"],
    *[
        "Excel",
        "WPS",
        "LibreOffice",
        "Word",
        "PowerPoint",
        "Apple",
        "Numbers",
        "Office",
        "PDF",
        "HTML",
        "XML",
        "JSON",
        "YAML",
        "CSV",
    ],
    *["xlsx", "xls", "csv", "json", "zip", "Big5", "GB18030", "gb18030", "UTF", "utf", "MiB"],
    *["schema", "id", "roles", "duties", "duty", "reason", "waivers", "pack", "expires"],
    "lock",  # the .~lock. prefix of a lock file, as the user sees it
}
OPTION = re.compile(r"--[a-z][a-z-]*")

ROWS: list[dict[str, Any]] = [
    {"日期": "2023-03-01", "事项": "县委常委会会议听取法治建设工作汇报", "活动类型": "会议", "责任主体": "县委"},
    {"日期": "2023-04-01", "事项": "法治专题讲座", "活动类型": "讲座", "责任主体": "县委"},
    {"日期": "2023-03-10", "事项": "报送2022年度法治政府建设情况报告", "责任主体": "县政府"},
    {"日期": "2023-05-01", "事项": "行政执法人员培训", "责任主体": "县政府", "责任人": "张三", "学时": "abc"},
    {"日期": "2023-06-01", "事项": "行政诉讼案件应诉", "责任主体": "县政府", "出庭情况": "未出庭"},
    {"日期": "2023-07-01", "事项": "条例草案征求意见", "责任主体": "县政府", "结束日期": "2023-07-19"},
    {"日期": "2023-07-02", "事项": "规章草案征求意见", "责任主体": "县政府", "结束日期": "七月某日"},
    {"日期": "2023-08-01", "事项": "办公楼维修", "责任主体": "县政府"},
    {"日期": "待定", "事项": "法治讲座第三期", "责任主体": "县委"},
    {"日期": "2023年9月31日", "事项": "普法宣传", "责任主体": "县委"},
    {"日期": "", "事项": "", "责任主体": "县委", "责任人": "李四"},
    {"日期": "2023-10-01", "事项": "", "责任主体": "县委"},
]
TITLE = "测试县2023年度法治建设工作台账"


def _pack_words() -> set[str]:
    pack = yaml.safe_load(MINI_PACK)
    words = {pack["id"], *pack["roles"], *(d["id"] for d in pack["duties"]), *builtin_ids()}
    words.update(str(v) for r in ROWS for v in r.values())  # log content is shown as written
    for d in pack["duties"]:
        words.update(str(d.get("clause", "")).split())
    return words


def leaks(text: str, extra: Iterable[str] = ()) -> list[str]:
    """The English words and operators left in ``text`` once known names are taken out."""
    for name in sorted({*extra, *_pack_words()}, key=len, reverse=True):
        text = text.replace(name, " ")
    text = OPTION.sub(" ", text)
    return sorted({w for w in LEAK.findall(text) if w not in ALLOWED})


@pytest.fixture
def log(write_csv: Callable[..., Path]) -> Path:
    return write_csv(ROWS, title=TITLE, name="台账.csv")


def _names(*paths: Path) -> list[str]:
    return [str(p) for p in paths] + [p.name for p in paths]


def test_every_renderer_speaks_chinese(run, log: Path, mini_pack: Path, tmp_path: Path) -> None:
    names = _names(log, mini_pack, tmp_path)
    table = run("check", log, "--pack", mini_pack, "--show-unmatched")
    assert table.exit_code == 1, table.stderr
    assert "无法识别的日期“待定”，未审核" in table.stdout and "日期不存在：“2023年9月31日”" in table.stdout
    assert leaks(table.stdout + table.stderr, names) == []
    md = run("check", log, "--pack", mini_pack, "-f", "markdown").stdout
    assert leaks(md, names) == []
    data = json.loads(run("check", log, "--pack", mini_pack, "-f", "json").stdout)
    words = [w["message"] for w in data["warnings"]] + [d["shortfall"] for d in data["duties"]]
    assert len(data["warnings"]) >= 5 and leaks("\n".join(words), names) == []
    csv_text = run("check", log, "--pack", mini_pack, "-f", "csv").stdout
    requirement = [line.split(",")[8] for line in csv_text.splitlines()[1:]]
    assert leaks("\n".join(requirement), names) == []
    explain = run("explain", log, "--pack", mini_pack, "--duty", "gov-comment")
    assert "期限不少于30日（本条19日）" in explain.stdout
    assert leaks(explain.stdout, names) == []


def _workbook_text(path: Path) -> str:
    wb = openpyxl.load_workbook(path)
    cells = [str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    return "\n".join([*wb.sheetnames, *cells])


def test_scorecard_and_summary_speak_chinese(run, log: Path, mini_pack: Path, tmp_path: Path) -> None:
    card, summary = tmp_path / "card.xlsx", tmp_path / "summary.xlsx"
    assert run("check", log, "--pack", mini_pack, "--out", card).exit_code == 1
    names = [*_names(log, mini_pack, card), "dutyaudit"]
    assert leaks(_workbook_text(card), names) == []
    assert run("batch", log, tmp_path / "缺失.csv", "--pack", mini_pack, "--out", summary).exit_code == 2
    assert leaks(_workbook_text(summary), [*names, str(tmp_path / "缺失.csv")]) == []


def test_errors_speak_chinese(run, log: Path, mini_pack: Path, tmp_path: Path) -> None:
    bad_pack = tmp_path / "bad.yaml"
    bad_pack.write_text("schema: 1\nid: x\n", encoding="utf-8")
    waivers = tmp_path / "w.yaml"
    waivers.write_text("- {duty: gov-hlaf, reason: x}\n", encoding="utf-8")
    cases = [
        ("check", tmp_path / "nope.xlsx", "--pack", mini_pack),
        ("check", tmp_path, "--pack", mini_pack),
        ("check", log, "--pack", "nosuchpack"),
        ("check", log, "--pack", mini_pack, "--role", "mayor"),
        ("check", log, "--pack", mini_pack, "--waivers", waivers),
        ("check", log, "--pack", mini_pack, "--map", "日期"),
        ("check", log, "--pack", mini_pack, "--out", tmp_path / "card.pdf"),
        ("explain", log, "--pack", mini_pack, "--duty", "gov-hlaf"),
        ("batch", tmp_path / "nothing", "--pack", mini_pack),
    ]
    for args in cases:
        res = run(*args)
        assert res.exit_code == 2, args
        assert res.stderr.startswith("错误："), res.stderr
        names = [str(a) for a in args if isinstance(a, Path)] + [tmp_path.name, "nosuchpack", "mayor", "gov-hlaf"]
        assert leaks(res.stderr, names) == [], res.stderr


def _sample(key: str) -> str:
    """``key``'s Chinese text with every placeholder filled by a stand-in (a number where it is formatted as one)."""
    parsed = [(f, spec) for _, f, spec, _ in string.Formatter().parse(LABELS[key]["zh"]) if f]
    return t(key, "zh", **{f.split("!")[0]: 1 if spec and spec[-1] in "df" else "某" for f, spec in parsed})


@pytest.mark.parametrize("key", sorted(LABELS))
def test_every_message_reads_in_chinese(key: str) -> None:
    assert leaks(_sample(key)) == [], (key, _sample(key))


#: Constructors whose first argument a user reads: it must be an i18n message, not English text.
ERROR_TYPES = {
    *("UsageError", "InputError", "PackError", "WaiverError", "OutputError", "DutyAuditError", "WorkerLost"),
    "LimitError",
}


def _english_literal(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(LEAK.search(node.value))
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _english_literal(node.left) or _english_literal(node.right)
    return False


def test_every_warning_and_error_is_built_from_an_i18n_key() -> None:
    """A RowWarning without ``msg=`` or an error made from an English string would show English in a zh run."""
    offenders = []
    for path in sorted((ROOT / "dutyaudit").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign | ast.AugAssign) and "ingest" in path.parts:
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                if any(getattr(t, "attr", "") == "detail" for t in targets) and _english_literal(node.value):
                    offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}: a reader's detail in English")
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name == "RowWarning" and not any(k.arg == "msg" for k in node.keywords):
                offenders.append(f"{where}: RowWarning without msg=")
            if name in ERROR_TYPES and node.args and _english_literal(node.args[0]):
                offenders.append(f"{where}: {name} from English text")
            if name == "Failure" and len(node.args) > 1 and _english_literal(node.args[1]):
                offenders.append(f"{where}: Failure from English text")
            owner = getattr(node.func, "value", None)
            notes = getattr(owner, "attr", getattr(owner, "id", "")) == "notes"
            if name == "append" and notes and "ingest" in path.parts and node.args and _english_literal(node.args[0]):
                offenders.append(f"{where}: a sheet note from English text")
    assert offenders == []
