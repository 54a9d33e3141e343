"""Shared fixtures: a small pack written to disk, log writers, and a CLI runner with pinned width/colour."""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from dutyaudit.cli import app

#: Environment that pins Rich's width and turns colour off, so output assertions are stable.
PINNED_ENV = {"COLUMNS": "160", "NO_COLOR": "1", "TERM": "dumb"}

MINI_PACK = """\
schema: 1
id: mini
name: 测试职责清单
jurisdiction: 测试县
issuer: 测试县司法局
issued: 2023-05-19
roles:
  party: {name: 党委主要负责人, aliases: [县委, 党委, 常委会]}
  government: {name: 政府主要负责人, aliases: [县政府, 政府, 常务会议]}
grades: {优秀: 90, 良好: 80, 合格: 60, 不合格: 0}
fields:
  - {name: 出庭情况, aliases: [是否出庭], type: text}
duties:
  - id: party-report
    role: party
    clause: 三(一)1(1)
    text: 组织党委常委会会议每年至少听取1次法治建设工作汇报
    label: 常委会听取法治汇报
    requirement: {kind: count, min: 1}
    match: {types: [meeting], all: [听取], any: [法治建设工作汇报, 法治建设情况汇报]}
  - id: party-lecture
    role: party
    clause: 三(一)6(19)
    text: 每年举办2期以上法治专题讲座
    label: 法治专题讲座
    requirement: {kind: count, min: 2}
    match: {all: [讲座], any: [法治, 法律]}
  - id: gov-half
    role: government
    clause: 三(二)1(2)
    text: 每半年听取一次
    label: 半年听取汇报
    requirement: {kind: count, min: 1, per: half}
    match: {all: [常务会议, 法治政府]}
  - id: gov-report
    role: government
    clause: 三(二)1(3)
    text: 每年3月1日前报告上一年度法治政府建设情况
    label: 年度报告
    requirement: {kind: deadline, by: "03-01"}
    match: {all: [法治政府建设], any: [年度报告, 情况报告]}
  - id: gov-training
    role: government
    clause: 三(二)6(23)
    text: 执法人员法治培训不少于60学时
    label: 培训学时
    requirement: {kind: sum, field: hours, min: 60, per_person: true}
    match: {all: [培训]}
  - id: gov-court
    role: government
    clause: 三(二)5(20)
    text: 行政机关负责人出庭应诉率达到100%
    label: 负责人出庭率
    requirement: {kind: rate, min: 100, of: 案件, where: {field: 出庭情况, any: [出庭, 是], none: [未, 否]}}
    match: {all: [应诉|行政诉讼]}
  - id: gov-comment
    role: government
    clause: 三(二)2(7)
    text: 征求意见期限一般不少于30日
    label: 征求意见期限
    requirement: {kind: each, where: {field: duration_days, op: ">=", value: 30}}
    match: {all: [征求意见]}
  - id: gov-constitution
    role: government
    clause: 三(二)6(24)
    text: 积极开展“12· 4”国家宪法日集中宣传教育活动
    label: 宪法日宣传
    requirement: {kind: evidence, window: {from: "12-01", to: "12-10"}}
    match: {all: [宪法]}
"""

HEADER = ["日期", "事项", "活动类型", "责任主体", "责任人", "学时", "结束日期", "出庭情况"]


@pytest.fixture
def mini_pack(tmp_path: Path) -> Path:
    path = tmp_path / "mini.yaml"
    path.write_text(MINI_PACK, encoding="utf-8")
    return path


@pytest.fixture
def write_csv(tmp_path: Path) -> Callable[..., Path]:
    """Write rows (dicts keyed by HEADER names, or lists) to a UTF-8 CSV log under a title row."""

    def write(
        rows: Sequence[dict[str, Any] | list[Any]],
        name: str = "log.csv",
        title: str | None = None,
        header: Sequence[str] = HEADER,
        encoding: str = "utf-8",
    ) -> Path:
        path = tmp_path / name
        with open(path, "w", encoding=encoding, newline="") as fh:
            w = csv.writer(fh)
            if title:
                w.writerow([title])
            w.writerow(header)
            for r in rows:
                w.writerow([r.get(h, "") for h in header] if isinstance(r, dict) else r)
        return path

    return write


@pytest.fixture
def run() -> Callable[..., Any]:
    """Invoke the CLI with pinned width and no colour."""
    runner = CliRunner()

    def invoke(*args: str) -> Any:
        return runner.invoke(app, [str(a) for a in args], env=PINNED_ENV)

    return invoke


@pytest.fixture
def run_en() -> Callable[..., Any]:
    """Invoke the CLI like ``run``, under ``--lang en`` (for tests that assert English messages)."""
    runner = CliRunner()

    def invoke(*args: str) -> Any:
        return runner.invoke(app, [*(str(a) for a in args), "--lang", "en"], env=PINNED_ENV)

    return invoke


@pytest.fixture
def audit_json(run: Callable[..., Any], mini_pack: Path) -> Callable[..., tuple[int, dict[str, Any]]]:
    """Run `check --format json` on a log with the mini pack; return (exit code, parsed JSON)."""

    def go(log: Path, *extra: str) -> tuple[int, dict[str, Any]]:
        res = run("check", log, "--pack", mini_pack, "--format", "json", *extra)
        assert res.exit_code in (0, 1), res.stderr or res.stdout
        return res.exit_code, json.loads(res.stdout)

    return go


def status_of(data: dict[str, Any], duty_id: str) -> dict[str, Any]:
    return next(d for d in data["duties"] if d["id"] == duty_id)


def check_json(pack: str, *args: str | Path) -> tuple[int, dict[str, Any]]:
    """Run `check ARGS --pack PACK --format json` (a built-in pack); return (exit code, parsed JSON)."""
    res = CliRunner().invoke(app, ["check", *map(str, args), "--pack", pack, "--format", "json"], env=PINNED_ENV)
    assert res.exit_code in (0, 1), res.stderr or res.stdout
    return res.exit_code, json.loads(res.stdout)


def small_xlsx(edit: Callable[[str, bytes], bytes]) -> bytes:
    """A small real xlsx log (日期 | 事项, one row) with each zip member passed through ``edit(name, body)``."""
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["日期", "事项"])
    ws.append(["2023-03-15", "法治专题讲座"])
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            z.writestr(info, edit(info.filename, src.read(info.filename)))
    return out.getvalue()
