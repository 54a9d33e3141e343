"""`check --out card.xlsx`: the scorecard workbook, reloaded with openpyxl and checked cell by cell."""

from __future__ import annotations

import datetime as dt
import json
import zipfile
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dutyaudit.audit import audit_paths
from dutyaudit.evaluate import Waiver
from dutyaudit.i18n import t
from dutyaudit.packs import load_pack
from dutyaudit.report import excel
from dutyaudit.report.excel import DUTY_COLUMNS, EVIDENCE_COLUMNS, build_scorecard
from dutyaudit.report.xlstyle import STATUS_FILL

#: The fixture log has evidence, unmatched rows and warnings but no excluded row: that sheet is left out.
ZH_SHEETS = ["总览", "职责明细", "佐证记录", "未匹配记录", "读取警告"]
EN_SHEETS = ["Overview", "Duties", "Evidence", "Unmatched", "Warnings"]
INJECTIONS = ['=HYPERLINK("http://example.com/x","法治专题讲座")', "+1+1", "-2+3 其他事项", "@SUM(A1:A2)"]

ROWS: list[dict[str, Any]] = [
    {"日期": "2023-03-15", "事项": "县委常委会会议听取法治建设工作汇报", "活动类型": "会议", "责任主体": "县委"},
    {"日期": "2023-06-08", "事项": INJECTIONS[0], "责任主体": "县委"},  # counts as a 法治…讲座
    {"日期": "2023-04-10", "事项": "县政府法治政府建设年度报告", "责任主体": "县政府"},  # late
    {"日期": "2023-12-04", "事项": "国家宪法日集中宣传", "责任主体": "县政府"},
    {"日期": "2023-05-06", "事项": "执法人员法治培训", "责任主体": "县政府", "责任人": "张三、李四", "学时": "30"},
    {"日期": "2023-08-06", "事项": "执法人员法治培训（二）", "责任主体": "县政府", "责任人": "张三", "学时": "40"},
    {"日期": "2023-07-01", "事项": INJECTIONS[1]},
    {"日期": "2023-07-02", "事项": INJECTIONS[2]},
    {"日期": "2023-07-03", "事项": INJECTIONS[3]},
    {"日期": "2023-07-04", "事项": "收到来文\x07登记"},  # a control character openpyxl would refuse
    {"日期": "待定", "事项": "法治专题讲座（第二期）", "责任主体": "县委"},  # warning
]


@pytest.fixture
def log(write_csv) -> Path:
    return write_csv(ROWS, name="测试县台账.csv", title="测试县2023年度法治建设工作台账")


@pytest.fixture
def card(run, log: Path, mini_pack: Path, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    """Run check once with --out and --format json: (scorecard path, the JSON of the same run)."""
    out = tmp_path / "card.xlsx"
    res = run("check", log, "--pack", mini_pack, "--out", out, "--format", "json")
    assert res.exit_code == 1, res.stderr
    return out, json.loads(res.stdout)


def _rows(ws: Any, columns: tuple[str, ...], first: int = 3) -> list[dict[str, Any]]:
    """Data rows of a list sheet as dicts keyed by column id (stops at the first empty 序号)."""
    out = []
    for r in range(first, ws.max_row + 1):
        values = [ws.cell(row=r, column=c).value for c in range(1, len(columns) + 1)]
        if not isinstance(values[0], int):
            break
        out.append({**dict(zip(columns, values, strict=True)), "_row": r})
    return out


def test_sheets_and_same_verdicts_as_json(card: tuple[Path, dict[str, Any]]) -> None:
    out, data = card
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ZH_SHEETS
    duties = _rows(wb["职责明细"], DUTY_COLUMNS)
    assert [d["duty"] for d in duties] == [d["id"] for d in data["duties"]]
    for row, d in zip(duties, data["duties"], strict=True):
        assert row["status"] == t(d["status"], "zh"), d["id"]
        assert row["found"] == d["found"] and row["required"] == d["required"], d["id"]
        assert row["shortfall"] == (d["shortfall"] or None), d["id"]
        assert row["clause"] == d["clause"] and row["text"] == d["text"]
    statuses = {d["id"]: d["status"] for d in data["duties"]}
    assert statuses["party-report"] == "met" and statuses["gov-report"] == "late"
    assert statuses["party-lecture"] == "partial" and statuses["gov-training"] == "partial"
    overview = wb["总览"]
    labels = {overview.cell(row=r, column=1).value: overview.cell(row=r, column=2).value for r in range(1, 30)}
    assert labels["得分"] == data["score"] == 50.0  # 7 scored duties: the court rate has no case (na)
    assert labels["被审核单位"] == "测试县"
    verdict = next(r for r in range(1, 10) if overview.cell(row=r, column=1).value == "得分")
    assert overview.cell(row=verdict, column=3).value == "等次"
    assert overview.cell(row=verdict, column=4).value == data["grade"]
    # the grade legend names every band the right way round: no "不合格≥0"
    legend = overview.cell(row=verdict, column=5).value
    assert "优秀≥90" in legend and "良好80–89.9" in legend and "不合格<60" in legend and "≥0" not in legend
    assert labels["审核年度"] == 2023
    assert labels["审核台账"] == "测试县台账.csv"
    assert "审核人（签字）：" in {overview.cell(row=r, column=1).value for r in range(1, 40)}


def test_status_counts_by_role_and_chart(card: tuple[Path, dict[str, Any]]) -> None:
    out, data = card
    ws = openpyxl.load_workbook(out)["总览"]
    rows = {ws.cell(row=r, column=1).value: r for r in range(1, 40)}
    total = rows["合计"]
    counts = [ws.cell(row=total, column=c).value for c in range(2, 10)]
    s = data["summary"]
    assert counts == [*(s[k] for k in ("met", "partial", "late", "missing", "waived", "na", "total")), data["score"]]
    party = rows["党委主要负责人"]
    assert [ws.cell(row=party, column=c).value for c in range(2, 9)] == [1, 1, 0, 0, 0, 0, 2]
    assert len(ws._charts) == 1


def test_status_fill_per_status(card: tuple[Path, dict[str, Any]]) -> None:
    out, data = card
    ws = openpyxl.load_workbook(out)["职责明细"]
    col = DUTY_COLUMNS.index("status") + 1
    seen = set()
    for i, d in enumerate(data["duties"]):
        rgb = ws.cell(row=3 + i, column=col).fill.fgColor.rgb
        assert rgb.endswith(STATUS_FILL[d["status"]]), (d["id"], rgb)
        seen.add(d["status"])
    assert seen == {"met", "partial", "late", "missing", "na"}


def test_every_evidence_row_is_traceable(card: tuple[Path, dict[str, Any]]) -> None:
    out, data = card
    wb = openpyxl.load_workbook(out)
    evidence = _rows(wb["佐证记录"], EVIDENCE_COLUMNS)
    expected = [
        (d["id"], ref["file"], ref["sheet"], ref["row"], ref["date"], ref["title"])
        for d in data["duties"]
        for ref in d["evidence"]
    ]
    got = [(e["duty"], e["file"], e["sheet"], e["row"], e["date"].date().isoformat(), e["title"]) for e in evidence]
    assert got == expected and len(got) == 6
    assert evidence[0]["keywords"] == "听取、法治建设工作汇报"
    duties = wb["职责明细"]
    link_col, text_col = DUTY_COLUMNS.index("duty") + 1, DUTY_COLUMNS.index("evidence") + 1
    for i, d in enumerate(data["duties"]):
        link, cell = duties.cell(row=3 + i, column=link_col), duties.cell(row=3 + i, column=text_col)
        assert link.value == d["id"] and cell.alignment.wrap_text
        if not d["evidence"]:
            assert link.hyperlink is None and cell.value == "—"
            continue
        target = link.hyperlink.location
        assert target.startswith("'佐证记录'!A"), target
        first = int(target.rsplit("A", 1)[1])
        assert wb["佐证记录"].cell(row=first, column=2).value == d["id"]
        assert wb["佐证记录"].cell(row=first - 1, column=2).value != d["id"]  # the first of its rows
        no = wb["佐证记录"].cell(row=first, column=1).value  # the 序号 a printed page shows
        n = len(d["evidence"])
        assert no == wb["佐证记录"].cell(row=first, column=1).value
        first_ref = d["evidence"][0]
        assert cell.value.startswith(f"{first_ref['date']} {first_ref['title']}"), cell.value
        assert (n > 2) == cell.value.endswith(f"等{n}条")
    back = wb["佐证记录"]["B3"].hyperlink.location
    assert back == "'职责明细'!A3"


def test_unmatched_and_warnings_sheets(card: tuple[Path, dict[str, Any]]) -> None:
    out, data = card
    wb = openpyxl.load_workbook(out)
    unmatched = [
        (r["file"], r["sheet"], r["row"], r["title"]) for r in _rows(wb["未匹配记录"], excel.UNMATCHED_COLUMNS)
    ]
    assert unmatched == [(u["file"], u["sheet"], u["row"], u["title"].replace("\x07", "")) for u in data["unmatched"]]
    assert len(unmatched) == 4
    warnings = [(r["file"], r["row"], r["message"]) for r in _rows(wb["读取警告"], excel.WARNING_COLUMNS)]
    assert warnings == [(w["file"], w["row"], w["message"]) for w in data["warnings"]]
    assert len(warnings) == 1 and warnings[0][1] == 13


def test_formula_looking_log_text_is_stored_as_text(card: tuple[Path, dict[str, Any]]) -> None:
    out, _ = card
    wb = openpyxl.load_workbook(out)
    cells = [c for ws in wb for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    found = {c.value: c for c in cells if c.value in INJECTIONS}
    assert set(found) == set(INJECTIONS)
    for c in found.values():
        assert c.data_type == "s" and c.quotePrefix, c.value
    with zipfile.ZipFile(out) as z:
        sheets = [n for n in z.namelist() if n.startswith("xl/worksheets/sheet")]
        assert sheets and not any("<f>" in z.read(n).decode("utf-8") for n in sheets)


def test_print_setup(card: tuple[Path, dict[str, Any]]) -> None:
    out, _ = card
    wb = openpyxl.load_workbook(out)
    for ws in wb:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert int(ws.page_setup.paperSize) == 9  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
        assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
        assert ws.oddFooter.left.text == "测试县"
    assert wb["总览"].page_setup.fitToHeight == 0  # page 1 runs on only when the gaps do
    assert wb["职责明细"].auto_filter.ref.startswith("A2:")
    for name in ZH_SHEETS[1:]:
        ws = wb[name]
        assert ws.print_title_rows == "$2:$2" and ws.freeze_panes == "A3", name
        assert ws.page_setup.fitToHeight == 0
        assert ws["A2"].font.name == "SimSun" and ws["A2"].font.b
    text = wb["职责明细"].cell(row=3, column=DUTY_COLUMNS.index("text") + 1)
    assert text.alignment.wrap_text
    assert wb["职责明细"].row_dimensions[3].height >= 14


def test_lang_en_sheet_names_and_headers(run, log: Path, mini_pack: Path, tmp_path: Path) -> None:
    out = tmp_path / "card-en.xlsx"
    res = run("check", log, "--pack", mini_pack, "--out", out, "--lang", "en")
    assert res.exit_code == 1, res.stderr
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == EN_SHEETS
    duties = wb["Duties"]
    assert [c.value for c in duties[2]][:3] == ["No.", "Duty", "Role"]
    assert duties.cell(row=3, column=DUTY_COLUMNS.index("status") + 1).value == "met"
    assert duties.cell(row=3, column=DUTY_COLUMNS.index("role") + 1).value == "party"  # role ids, as in the table
    assert duties.cell(row=4, column=DUTY_COLUMNS.index("evidence") + 1).value.startswith("2023-06-08 ")
    assert wb["Overview"].oddFooter.center.text == "Page &P of &N"


def test_out_works_with_every_format_and_keeps_the_exit_code(run, log: Path, mini_pack: Path, tmp_path: Path) -> None:
    for fmt in ("table", "json", "csv", "markdown"):
        out = tmp_path / f"card-{fmt}.xlsx"
        res = run("check", log, "--pack", mini_pack, "--format", fmt, "--out", out)
        assert res.exit_code == 1, (fmt, res.stderr)
        assert out.is_file() and openpyxl.load_workbook(out).sheetnames == ZH_SHEETS
        plain = run("check", log, "--pack", mini_pack, "--format", fmt)
        if fmt != "json":  # JSON carries the version only; table/csv/markdown are identical
            assert res.stdout == plain.stdout, fmt
    out = tmp_path / "card-zero.xlsx"
    assert run("check", log, "--pack", mini_pack, "--out", out, "--exit-zero").exit_code == 0


def test_out_onto_an_input_is_refused(run_en, log: Path, mini_pack: Path) -> None:
    before = log.read_bytes()
    res = run_en("check", log, "--pack", mini_pack, "--out", log.with_suffix(".xlsx"))
    assert res.exit_code == 1  # another name in the same folder is fine
    xlsx_log = log.with_suffix(".xlsx")
    res = run_en("check", xlsx_log, "--pack", mini_pack, "--out", xlsx_log)
    assert res.exit_code == 2
    assert "refusing to overwrite an input file" in res.stderr and "Traceback" not in res.stderr
    assert log.read_bytes() == before
    res = run_en("check", log, "--pack", mini_pack, "--out", log.with_suffix(".csv"))
    assert res.exit_code == 2 and "ending in .xlsx" in res.stderr
    assert log.read_bytes() == before


def test_failed_run_leaves_no_file(run, log: Path, mini_pack: Path, tmp_path: Path, monkeypatch) -> None:
    out = tmp_path / "out" / "card.xlsx"
    out.parent.mkdir()
    res = run("check", tmp_path / "missing.csv", "--pack", mini_pack, "--out", out)
    assert res.exit_code == 2 and not out.exists()
    assert run("check", log, "--pack", tmp_path / "nope.yaml", "--out", out).exit_code == 2
    assert not out.exists()

    def broken(audit: Any, path: Path) -> None:
        path.write_bytes(b"PK half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(excel, "write_scorecard", broken)
    res = run("check", log, "--pack", mini_pack, "--out", out, "--format", "json")
    assert res.exit_code == 2 and "No space left on device" in res.stderr
    assert res.stdout == ""  # no verdicts printed for a run that failed
    assert list(out.parent.iterdir()) == []  # neither the file nor its temporary


def test_waived_duty_shows_reason_and_approver(log: Path, mini_pack: Path) -> None:
    audit = audit_paths([log], load_pack(str(mini_pack)))
    waived = audit.result("gov-report")
    waived.status = "waived"  # as run_audit marks a waived duty (its evidence stays listed)
    waived.waiver = Waiver("gov-report", "上级统一部署延期", approved_by="县依法治县办", expires=dt.date(2023, 12, 31))
    wb = build_scorecard(audit, today=dt.date(2024, 1, 5))
    ws = wb["职责明细"]
    row = next(r for r in range(3, 12) if ws.cell(row=r, column=2).value == "gov-report")
    assert ws.cell(row=row, column=DUTY_COLUMNS.index("status") + 1).value == "豁免"
    shortfall = ws.cell(row=row, column=DUTY_COLUMNS.index("shortfall") + 1).value
    assert shortfall == "豁免：上级统一部署延期（批准：县依法治县办）（有效期至2023-12-31）"
    produced = next(
        wb["总览"].cell(row=r, column=2).value
        for r in range(1, 30)
        if wb["总览"].cell(row=r, column=1).value == "生成日期"
    )
    assert produced.startswith("2024-01-05")


def test_long_lists_are_cut_with_a_note(log: Path, mini_pack: Path, monkeypatch) -> None:
    monkeypatch.setattr(excel, "LIST_LIMIT", 2)
    audit = audit_paths([log], load_pack(str(mini_pack)))
    ws = build_scorecard(audit)["未匹配记录"]
    assert [ws.cell(row=r, column=1).value for r in (3, 4)] == [1, 2]
    assert ws["A5"].value == "另有2行未列出，完整清单请用 --format json 导出"


def test_empty_lists_are_left_out(write_csv, mini_pack: Path) -> None:
    log = write_csv([{"日期": "2023-03-15", "事项": "县委常委会会议听取法治建设工作汇报", "责任主体": "县委"}])
    wb = build_scorecard(audit_paths([log], load_pack(str(mini_pack))))
    assert wb.sheetnames == ["总览", "职责明细", "佐证记录"]  # no sheet that would print as an empty page


def test_long_evidence_lists_are_cut_per_duty_with_a_note(log: Path, mini_pack: Path, monkeypatch) -> None:
    monkeypatch.setattr(excel, "EVIDENCE_PER_DUTY", 1)
    audit = audit_paths([log], load_pack(str(mini_pack)))
    wb = build_scorecard(audit)
    duties, evidence = wb["职责明细"], wb["佐证记录"]
    row = next(r for r in range(3, 12) if duties.cell(row=r, column=2).value == "gov-training")
    cell = duties.cell(row=row, column=DUTY_COLUMNS.index("evidence") + 1)
    first = int(duties.cell(row=row, column=2).hyperlink.location.rsplit("A", 1)[1])
    no = evidence.cell(row=first, column=1).value
    assert cell.value == "2023-05-06 执法人员法治培训；2023-08-06 执法人员法治培训（二）"
    assert evidence.cell(row=first, column=1).value == no
    assert evidence.cell(row=first, column=2).value == "gov-training"
    assert evidence.cell(row=first + 1, column=1).value == "另有1行未列出，完整清单请用 --format json 导出"
    assert evidence.cell(row=first + 2, column=1).value == no + 1  # numbering goes on after the note


def test_shipped_example_scorecard_is_current(run) -> None:
    """examples/panjin-2023-scorecard.xlsx says what `check` says today about the example log."""
    root = Path(__file__).resolve().parent.parent / "examples"
    card, log = root / "panjin-2023-scorecard.xlsx", root / "panjin-2023-台账.xlsx"
    if not card.exists() or not log.exists():
        pytest.skip("no panjin example")
    data = json.loads(run("check", log, "--pack", "panjin", "--format", "json").stdout)
    rows = _rows(openpyxl.load_workbook(card)["职责明细"], DUTY_COLUMNS)
    regenerate = (
        f"stale: run dutyaudit check {log.relative_to(root.parent)} --pack panjin --out {card.relative_to(root.parent)}"
    )
    assert [(r["duty"], r["status"], r["found"]) for r in rows] == [
        (d["id"], t(d["status"], "zh"), d["found"]) for d in data["duties"]
    ], regenerate


def test_a_scorecard_is_never_read_back_as_a_log(card: tuple[Path, dict[str, Any]], run_en, mini_pack: Path) -> None:
    path, _ = card
    res = run_en("check", path, "--pack", mini_pack)
    assert res.exit_code == 2 and "Traceback" not in res.stderr
    assert "a report written by dutyaudit" in res.stderr and "pass the log it was made from" in res.stderr
