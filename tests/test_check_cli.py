"""`dutyaudit check` end to end: the JSON contract, exit codes, errors, headers and roles in xlsx logs."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import openpyxl
import pytest

from dutyaudit.cli.check import Format
from dutyaudit.report import FORMATS, Renderer, renderer_for
from tests.conftest import status_of

TOP_KEYS = [
    *("tool", "version", "pack", "year", "unit", "score", "grade", "summary", "duties", "unmatched", "warnings"),
    *("scope", "rows", "excluded"),
]
DUTY_KEYS = ["id", "role", "clause", "label", "text", "kind", "required", "found", "status", "shortfall", "evidence"]
REF_KEYS = ["file", "sheet", "row", "date", "title"]


@pytest.fixture
def xlsx_log(tmp_path: Path) -> Path:
    """Two sheets named by role, a merged title row, a subtitle, mixed dates, a 合计 row, a bad date."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "县委"
    ws["A1"] = "测试县2023年度党政主要负责人履行推进法治建设第一责任人职责工作台账"
    ws.merge_cells("A1:E1")
    ws["A2"] = "填报单位：测试县委办"
    ws.append(["序号", "日期", "活动名称", "活动类型", "备注"])
    ws.append([1, dt.date(2023, 3, 15), "县委常委会会议听取2022年度法治建设工作汇报", "会议", ""])
    ws.append([2, "2023年6月8日", "举办法治专题讲座（第一期）", "讲座", ""])
    ws.append([3, "待定", "举办法治专题讲座（第二期）", "讲座", ""])
    ws.append([None, None, None, None, None])
    ws.append(["合计", "", "3项", "", ""])
    gov = wb.create_sheet("县政府")
    gov["A1"] = "测试县2023年度工作台账"
    gov.append(["序号", "会议时间", "事项", "形式", "备注"])
    gov.append([1, "2023.2.20", "县政府向县委报告2022年度法治政府建设情况报告", "报告", ""])
    gov.append([2, "二〇二三年十二月四日", "国家宪法日宣传活动", "宣传", ""])
    gov.append([3, "2023/12/5", "举办法治专题讲座", "讲座", "=SUM(A1:A2)"])
    path = tmp_path / "台账.xlsx"
    wb.save(path)
    return path


def test_json_contract_keys_and_order(xlsx_log: Path, audit_json) -> None:
    code, data = audit_json(xlsx_log)
    assert list(data) == TOP_KEYS
    assert data["tool"] == "dutyaudit"
    assert list(data["pack"]) == ["id", "name", "version"]
    assert list(data["summary"]) == ["met", "partial", "late", "missing", "waived", "na", "total"]
    for d in data["duties"]:
        assert list(d) == DUTY_KEYS
        assert d["status"] in ("met", "partial", "late", "missing", "waived", "na")
        for ref in d["evidence"]:
            assert list(ref) == REF_KEYS
    for ref in data["unmatched"]:
        assert list(ref) == REF_KEYS
    for w in data["warnings"]:
        assert list(w) == ["file", "sheet", "row", "message"]
    assert code == 1


def test_xlsx_log_headers_roles_dates_and_warnings(xlsx_log: Path, audit_json) -> None:
    _, data = audit_json(xlsx_log)
    assert data["year"] == 2023  # inferred
    assert data["unit"] == "测试县"
    report = status_of(data, "party-report")
    assert report["status"] == "met"
    assert report["evidence"] == [
        {
            "file": "台账.xlsx",
            "sheet": "县委",
            "row": 4,
            "date": "2023-03-15",
            "title": "县委常委会会议听取2022年度法治建设工作汇报",
        }
    ]
    # the 县政府 sheet's lecture does not count for the party; the unreadable date is a warning, not a row
    lecture = status_of(data, "party-lecture")
    assert (lecture["status"], lecture["found"]) == ("partial", 1)
    assert data["warnings"] == [
        {"file": "台账.xlsx", "sheet": "县委", "row": 6, "message": "无法识别的日期“待定”，未审核"}
    ]
    assert status_of(data, "gov-report")["status"] == "met"
    constitution = status_of(data, "gov-constitution")
    assert constitution["evidence"][0]["date"] == "2023-12-04"
    assert [u["title"] for u in data["unmatched"]] == ["举办法治专题讲座"]


def test_role_option_keeps_one_roles_duties(xlsx_log: Path, audit_json) -> None:
    _, data = audit_json(xlsx_log, "--role", "government")
    assert {d["role"] for d in data["duties"]} == {"government"}
    assert data["summary"]["total"] == 6


def test_table_output_has_headline_groups_and_footer(xlsx_log: Path, run, mini_pack: Path) -> None:
    res = run("check", xlsx_log, "--pack", mini_pack)
    assert res.exit_code == 1
    out = res.stdout
    assert "测试县 · 2023年度 · mini · 得分" in out
    assert "党委主要负责人 (party)" in out and "政府主要负责人 (government)" in out
    assert "台账.xlsx:县委:6 — 无法识别的日期“待定”，未审核" in out
    assert "\x1b[" not in out  # colour pinned off


def test_exit_zero_when_every_duty_met(write_csv, audit_json, tmp_path: Path, run) -> None:
    pack = tmp_path / "p.yaml"
    pack.write_text(
        """schema: 1
id: p
name: n
jurisdiction: j
issuer: i
issued: 2023-01-01
roles: {party: {name: 党委, aliases: [县委]}}
duties:
  - {id: a, role: party, clause: 一, text: t, label: l, requirement: {kind: evidence}, match: {all: [讲座]}}
""",
        encoding="utf-8",
    )
    log = write_csv(
        [
            {"日期": "2023-01-05", "事项": "法治讲座"},
            {"日期": "2023-02-05", "事项": "工作会议"},
            {"日期": "2024-01-05", "事项": "工作会议"},
        ]
    )
    assert run("check", log, "--pack", pack).exit_code == 0
    assert run("check", log, "--pack", pack, "--year", "2024").exit_code == 1
    assert run("check", log, "--pack", pack, "--year", "2024", "--exit-zero").exit_code == 0


def test_input_is_byte_identical_after_check(xlsx_log: Path, run, mini_pack: Path) -> None:
    before = hashlib.sha256(xlsx_log.read_bytes()).hexdigest()
    mtime = xlsx_log.stat().st_mtime_ns
    run("check", xlsx_log, "--pack", mini_pack, "-f", "json")
    assert hashlib.sha256(xlsx_log.read_bytes()).hexdigest() == before
    assert xlsx_log.stat().st_mtime_ns == mtime


@pytest.mark.parametrize(
    ("make", "expect"),
    [
        (lambda d: d / "nope.xlsx", "no such file"),
        (lambda d: d, "is a folder"),
        (lambda d: _write(d / "empty.csv", b""), "empty"),
        (lambda d: _write(d / "h.csv", "名称,数量\nA,1\n".encode()), "no header row found"),
        (lambda d: _write(d / "pic.xlsx", b"\x89PNG\r\n\x1a\n" + b"\0" * 64), "not a spreadsheet"),
        (lambda d: _write(d / "broken.xlsx", b"PK\x03\x04garbage"), "damaged"),
    ],
)
def test_bad_inputs_exit_2_with_one_line(tmp_path: Path, run_en, mini_pack: Path, make, expect: str) -> None:
    res = run_en("check", make(tmp_path), "--pack", mini_pack)
    assert res.exit_code == 2
    assert expect in res.stderr
    assert len(res.stderr.strip().splitlines()) == 1
    assert "Traceback" not in res.stderr + res.stdout


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_unknown_pack_and_malformed_pack(write_csv, run_en, tmp_path: Path) -> None:
    log = write_csv([{"日期": "2023-01-05", "事项": "法治讲座"}])
    res = run_en("check", log, "--pack", "nosuchpack")
    assert res.exit_code == 2 and "unknown pack 'nosuchpack'" in res.stderr
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema: 1\nid: [unclosed\n", encoding="utf-8")
    res = run_en("check", log, "--pack", bad)
    assert res.exit_code == 2 and "not valid YAML" in res.stderr and "Traceback" not in res.stderr
    wrong = tmp_path / "wrong.yaml"
    wrong.write_text(
        """schema: 1
id: w
name: n
jurisdiction: j
issuer: i
issued: 2023-01-01
roles: {party: {name: 党委}}
duties:
  - {id: a-1, role: party, clause: 一, text: t, label: l, requirement: {kind: count}, match: {all: [x]}}
""",
        encoding="utf-8",
    )
    res = run_en("check", log, "--pack", wrong)
    assert res.exit_code == 2
    assert res.stderr.strip() == f"Error: {wrong}: duty a-1, field requirement.min: Field required"


def test_debug_shows_a_traceback(write_csv, run, tmp_path: Path) -> None:
    res = run("check", tmp_path / "missing.csv", "--pack", "nosuch", "--debug")
    assert res.exit_code == 2 and "Traceback" in res.stderr


def test_unknown_role_is_a_usage_error(xlsx_log: Path, run, mini_pack: Path) -> None:
    res = run("check", xlsx_log, "--pack", mini_pack, "--role", "mayor")
    assert res.exit_code == 2 and "mayor" in res.stderr and "party, government" in res.stderr


def test_every_format_choice_maps_to_a_renderer() -> None:
    assert [f.value for f in Format] == list(FORMATS)
    for f in Format:
        assert isinstance(renderer_for(f.value), Renderer)


def test_csv_and_markdown_formats(xlsx_log: Path, run, mini_pack: Path) -> None:
    csv_out = run("check", xlsx_log, "--pack", mini_pack, "-f", "csv").stdout.splitlines()
    assert csv_out[0].startswith("\ufeffunit,year,pack,id,role,clause,label,kind,requirement,required,found,status")
    assert csv_out[1].startswith("测试县,2023,mini,party-report,party,三(一)1(1),")
    assert ",met," in csv_out[1]
    md = run("check", xlsx_log, "--pack", mini_pack, "-f", "markdown").stdout
    assert md.startswith("# 测试职责清单")
    assert "| party-report | 党委主要负责人 | 三(一)1(1) |" in md


def test_map_option_names_columns(write_csv, audit_json) -> None:
    log = write_csv([["2023-04-01", "法治专题讲座"], ["2023-05-01", "法律讲座"]], header=["开会那天", "做了什么"])
    _, data = audit_json(log, "--map", "date=开会那天", "--map", "事项=做了什么")
    assert status_of(data, "party-lecture")["status"] == "met"


def test_several_logs_are_one_audit(write_csv, audit_json) -> None:
    a = write_csv([{"日期": "2023-04-01", "事项": "法治专题讲座"}], name="q1.csv")
    b = write_csv([{"日期": "2023-10-01", "事项": "法治专题讲座"}], name="q4.csv")
    _, data = audit_json(a, b)
    d = status_of(data, "party-lecture")
    assert d["status"] == "met"
    assert {e["file"] for e in d["evidence"]} == {"q1.csv", "q4.csv"}


def test_json_is_not_ascii_escaped(xlsx_log: Path, run, mini_pack: Path) -> None:
    out = run("check", xlsx_log, "--pack", mini_pack, "-f", "json").stdout
    assert "测试职责清单" in out and "\\u" not in out
    json.loads(out)
