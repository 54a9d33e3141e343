"""Waivers (`--waivers FILE`): applied, expired (a warning), unit-scoped in check and batch, malformed or
naming an unknown duty (exit 2 before any audit); the score with and without one; `--fail-under` edges."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from dutyaudit import waivers as waiver_rules
from dutyaudit.evaluate import Waiver
from dutyaudit.waivers import resolve, scoped
from tests.conftest import status_of

GOOD = [
    {"日期": "2023-03-01", "事项": "县委常委会会议听取法治建设工作汇报", "责任主体": "县委"},
    {"日期": "2023-04-01", "事项": "法治专题讲座", "责任主体": "县委"},
    {"日期": "2023-09-01", "事项": "法治专题讲座", "责任主体": "县委"},
]
TITLE = "测试县2023年度法治建设工作台账"

WAIVER = """\
pack: mini
waivers:
  - duty: gov-half
    reason: 本年度县政府常务会议改为季度专题会
    approved_by: 县委依法治县办
    expires: 2024-03-31
"""


@pytest.fixture
def log(write_csv: Callable[..., Path]) -> Path:
    return write_csv(GOOD, title=TITLE)


@pytest.fixture
def waivers_file(tmp_path: Path) -> Callable[[str], Path]:
    def write(text: str, name: str = "waivers.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return write


@pytest.fixture
def on_day(monkeypatch: pytest.MonkeyPatch) -> Callable[[dt.date], None]:
    """Pin the date waiver expiry is judged against."""

    def pin(day: dt.date) -> None:
        monkeypatch.setattr(waiver_rules, "today", lambda: day)

    return pin


def test_waiver_applied_status_reason_and_score(log, audit_json, waivers_file, on_day) -> None:
    on_day(dt.date(2024, 3, 31))  # the last day it holds
    _, before = audit_json(log)
    assert before["score"] == 28.6 and before["summary"]["waived"] == 0  # 2 met of 7 (the court rate is na)
    code, data = audit_json(log, "--waivers", waivers_file(WAIVER))
    assert code == 1
    duty = status_of(data, "gov-half")
    assert duty["status"] == "waived"
    assert list(duty)[-1] == "waiver"
    assert duty["waiver"] == {
        "reason": "本年度县政府常务会议改为季度专题会",
        "approved_by": "县委依法治县办",
        "expires": "2024-03-31",
    }
    assert data["summary"]["waived"] == 1 and data["summary"]["missing"] == before["summary"]["missing"] - 1
    assert data["score"] == 33.3  # 2 met of 6 counted duties: the waived one leaves the denominator
    assert data["warnings"] == []


def test_expired_waiver_is_not_applied_and_warns(log, audit_json, waivers_file, on_day) -> None:
    on_day(dt.date(2024, 4, 1))
    path = waivers_file(WAIVER)
    _, data = audit_json(log, "--waivers", path)
    assert status_of(data, "gov-half")["status"] == "missing"
    assert "waiver" not in status_of(data, "gov-half")
    assert data["score"] == 28.6
    assert data["warnings"] == [
        {"file": str(path), "sheet": None, "row": 1, "message": "职责 gov-half 的豁免已于2024-03-31到期，按常规评判"}
    ]
    _, en = audit_json(log, "--waivers", path, "--lang", "en")
    assert (
        en["warnings"][0]["message"]
        == "the waiver for duty gov-half expired on 2024-03-31; the duty is judged as usual"
    )


def test_waiver_shown_in_table_markdown_and_csv(log, run, mini_pack, waivers_file, on_day) -> None:
    on_day(dt.date(2024, 1, 1))
    path = waivers_file(WAIVER)
    table = run("check", log, "--pack", mini_pack, "--waivers", path).stdout
    assert "豁免：本年度县政府常务会议" in table  # wraps at 160
    assert "有效至 2024-03-31" in table  # a date is never split across lines
    assert "豁免 1" in table  # the headline counts it
    md = run("check", log, "--pack", mini_pack, "--waivers", path, "-f", "markdown").stdout
    row = next(line for line in md.splitlines() if line.startswith("| gov-half |"))
    assert "| 豁免 | 豁免：本年度县政府常务会议改为季度专题会（批准：县委依法治县办；有效至2024-03-31） |" in row
    csv_lines = run("check", log, "--pack", mini_pack, "--waivers", path, "-f", "csv").stdout.splitlines()
    assert csv_lines[0].endswith(",status,shortfall,evidence_rows,waiver_reason,waiver_approved_by,waiver_expires")
    row = next(line for line in csv_lines if line.startswith("测试县,2023,mini,gov-half,"))
    assert row.endswith(",waived,上半年、下半年未达1次,,本年度县政府常务会议改为季度专题会,县委依法治县办,2024-03-31")
    other = next(line for line in csv_lines if line.startswith("测试县,2023,mini,gov-report,"))
    assert other.endswith(",,,")


@pytest.mark.parametrize(
    ("text", "expect"),
    [
        (
            "- {duty: gov-hlaf, reason: x}\n",
            "entry 1 (duty gov-hlaf): unknown duty 'gov-hlaf' in pack mini; did you mean gov-half",
        ),
        ("- {duty: gov-half, reason: x}\n- {duty: nope, reason: y}\n", "entry 2 (duty nope): unknown duty 'nope'"),
        ("waivers: [{duty: gov-half, reason: [a, b]}]\n", "entry 1 (duty gov-half): 'reason' must be text"),
        ("- {duty: gov-half}\n", "entry 1 (duty gov-half): 'reason' is required"),
        ("- {reason: x}\n", "entry 1: 'duty' is required"),
        (
            "- {duty: gov-half, reason: x, expires: next year}\n",
            "'expires' must be a date like 2024-03-31, got 'next year'",
        ),
        ("- {duty: gov-half, reason: x, expires: 2024-02-30}\n", "entry 1 (duty gov-half): 'expires' must be a date"),
        ("- {duty: gov-half, reason: x, approver: 张三}\n", "entry 1 (duty gov-half): unknown key 'approver'"),
        ("- gov-half\n", "entry 1: expected a mapping with duty and reason"),
        ("duty: gov-half\nreason: x\n", "unknown key 'duty'; a waivers file has 'waivers' (and 'pack')"),
        ("pack: panjin\nwaivers: []\n", "written for pack 'panjin', but the audit uses pack 'mini'"),
        ("waivers: {duty: gov-half}\n", "expected a list of waivers"),
        (
            "- {duty: gov-half, reason: x}\n- {duty: gov-half, reason: y}\n",
            "entry 2 (duty gov-half): duty gov-half is already waived by entry 1",
        ),
        ("- {duty: gov-half, reason: x\n", "not valid YAML"),
    ],
)
def test_bad_waivers_file_exits_2_before_the_audit(tmp_path, run_en, mini_pack, waivers_file, text, expect) -> None:
    path = waivers_file(text)
    missing_log = tmp_path / "not-read.csv"  # the waivers fail first, so the log is never opened
    for command in ("check", "batch", "explain"):
        extra = ("--duty", "gov-half") if command == "explain" else ()
        res = run_en(command, missing_log, "--pack", mini_pack, "--waivers", path, *extra)
        assert res.exit_code == 2, (command, res.stdout)
        assert res.stderr.startswith(f"Error: {path}")
        assert expect in res.stderr
        assert len(res.stderr.strip().splitlines()) == 1 and "Traceback" not in res.stderr
        assert res.stdout == ""


def test_missing_waivers_file(log, run_en, mini_pack, tmp_path) -> None:
    res = run_en("check", log, "--pack", mini_pack, "--waivers", tmp_path / "none.yaml")
    assert res.exit_code == 2 and "none.yaml: waivers file not found" in res.stderr


def test_top_level_list_and_empty_file_are_accepted(log, audit_json, waivers_file, on_day) -> None:
    on_day(dt.date(2024, 1, 1))
    listed = waivers_file("- duty: gov-half\n  reason: 季度专题会代替\n  expires: 2024-01-01\n", "list.yaml")
    _, data = audit_json(log, "--waivers", listed)
    assert status_of(data, "gov-half")["waiver"] == {
        "reason": "季度专题会代替",
        "approved_by": None,
        "expires": "2024-01-01",
    }
    _, data = audit_json(log, "--waivers", waivers_file("# nothing waived yet\n", "empty.yaml"))
    assert data["summary"]["waived"] == 0


def test_unit_scoped_waiver_in_check(log, audit_json, waivers_file, write_csv) -> None:
    path = waivers_file(
        "- {duty: gov-half, unit: 测试县, reason: 本县适用}\n- {duty: gov-report, unit: 别的县, reason: 别县适用}\n"
    )
    _, data = audit_json(log, "--waivers", path)  # the unit comes from the title row: 测试县
    assert data["unit"] == "测试县"
    assert status_of(data, "gov-half")["status"] == "waived"
    assert status_of(data, "gov-report")["status"] == "missing"
    other_log = write_csv(GOOD, name="other.csv", title="别的县2023年度法治建设工作台账")
    _, other = audit_json(other_log, "--waivers", path, "--unit", "别的县")
    assert status_of(other, "gov-half")["status"] == "missing"
    assert status_of(other, "gov-report")["status"] == "waived"


def test_unit_scoped_waiver_in_batch(tmp_path, write_csv, run_en, mini_pack, waivers_file) -> None:
    d = tmp_path / "logs"
    d.mkdir()
    write_csv(GOOD, name="logs/甲县.csv", title="甲县2023年度法治建设工作台账")
    write_csv(GOOD, name="logs/乙县.csv", title="乙县2023年度法治建设工作台账")
    path = waivers_file(
        """waivers:
  - {duty: gov-half, unit: 甲县, reason: 甲县适用, approved_by: 市委依法治市办}
  - {duty: gov-report, reason: 全市统一报告}
  - {duty: gov-report, unit: 乙县, reason: 乙县另有安排}
"""
    )
    res = run_en("batch", d, "--pack", mini_pack, "--waivers", path, "-f", "json", "-j", "1")
    assert res.exit_code == 1, res.stderr
    units = {a["unit"]: a for a in json.loads(res.stdout)}
    assert set(units) == {"甲县", "乙县"}
    assert status_of(units["甲县"], "gov-half")["status"] == "waived"
    assert status_of(units["乙县"], "gov-half")["status"] == "missing"
    # a unit's own entry wins over the general one
    assert status_of(units["甲县"], "gov-report")["waiver"]["reason"] == "全市统一报告"
    assert status_of(units["乙县"], "gov-report")["waiver"]["reason"] == "乙县另有安排"
    assert (units["甲县"]["score"], units["乙县"]["score"]) == (40.0, 33.3)  # of 5 and 6 scored (court rate: na)
    ranking = run_en("batch", d, "--pack", mini_pack, "--waivers", path, "-f", "csv", "-j", "1").stdout.splitlines()
    assert ranking[1].startswith("1,甲县,2023,40.0,") and ranking[2].startswith("2,乙县,2023,33.3,")


def test_resolve_prefers_active_unit_entries_and_reports_expired_once() -> None:
    day = dt.date(2024, 6, 1)
    old = Waiver("a", "old", expires=dt.date(2024, 5, 31), unit="甲县", source="w.yaml", entry=1)
    general = Waiver("a", "general", source="w.yaml", entry=2)
    stale = Waiver("b", "stale", expires=dt.date(2024, 1, 1), source="w.yaml", entry=3)
    active, expired = resolve(scoped([old, general, stale], "甲 县"), ["a", "b"], day)
    assert active == {"a": general}  # the unit's own entry expired, the general one still holds
    assert expired == [stale]
    assert scoped([old, general], "乙县") == [general]
    assert scoped([old, general], None) == [general]


@pytest.mark.parametrize(("fail_under", "code"), [("33.3", 0), ("33.4", 1), ("0", 0), ("100", 1)])
def test_fail_under_boundaries_with_a_waiver(log, run, mini_pack, waivers_file, on_day, fail_under, code) -> None:
    on_day(dt.date(2024, 1, 1))
    res = run("check", log, "--pack", mini_pack, "--waivers", waivers_file(WAIVER), "--fail-under", fail_under)
    assert res.exit_code == code


@pytest.mark.parametrize(("fail_under", "code"), [("28.6", 0), ("28.60", 0), ("28.7", 1), ("28.5", 0)])
def test_fail_under_boundaries_in_check(log, run, mini_pack, fail_under, code) -> None:
    assert run("check", log, "--pack", mini_pack, "--fail-under", fail_under).exit_code == code
    # --exit-zero wins over --fail-under once the audit ran
    assert run("check", log, "--pack", mini_pack, "--fail-under", fail_under, "--exit-zero").exit_code == 0


def test_fail_under_is_judged_on_the_lowest_unit_in_batch(tmp_path, write_csv, run, mini_pack, waivers_file) -> None:
    d = tmp_path / "logs"
    d.mkdir()
    write_csv(GOOD, name="logs/甲县.csv", title="甲县2023年度法治建设工作台账")
    write_csv(GOOD[:2], name="logs/乙县.csv", title="乙县2023年度法治建设工作台账")
    path = waivers_file("- {duty: gov-half, unit: 乙县, reason: 乙县适用}\n")
    # the court rate has no case (na): 甲县 28.6 (2 of 7 met); 乙县 1 met + 1 partial (1/2) of 6 counted = 25.0
    assert run("batch", d, "--pack", mini_pack, "--waivers", path, "--fail-under", "25").exit_code == 0
    assert run("batch", d, "--pack", mini_pack, "--waivers", path, "--fail-under", "25.1").exit_code == 1
    assert run("batch", d, "--pack", mini_pack, "--fail-under", "21.4").exit_code == 0  # 乙县 without it: 1.5/7
    assert run("batch", d, "--pack", mini_pack, "--fail-under", "21.5").exit_code == 1


def test_load_waivers_reads_dates_in_chinese_form(mini_pack: Path, waivers_file) -> None:
    from dutyaudit.packs import load_pack_file

    pack = load_pack_file(mini_pack)
    got = waiver_rules.load_waivers(waivers_file("- {duty: gov-half, reason: x, expires: 2024年3月31日}\n"), pack)
    assert got[0].expires == dt.date(2024, 3, 31) and got[0].entry == 1


def test_shipped_example_waivers_fit_the_panjin_pack(run) -> None:
    root = Path(__file__).resolve().parent.parent
    example, log = root / "examples" / "waivers.yaml", root / "examples" / "panjin-2023-台账.xlsx"
    res = run("check", log, "--pack", "panjin", "--waivers", example, "-f", "json")
    assert res.exit_code == 1, res.stderr
    data = json.loads(res.stdout)
    waived = {d["id"]: d["waiver"]["reason"] for d in data["duties"] if d["status"] == "waived"}
    assert set(waived) == {"gov-21", "gov-13"}  # gov-13 is scoped to 盘山县, the example's unit
    assert data["unit"] == "盘山县"
