"""A sheet named for a form of activity (学法培训, 执法人员培训学时) says what each of its rows is."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from conftest import check_json, status_of

from dutyaudit.ingest.forms import sheet_form


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("执法人员培训学时", "执法人员培训"),
        ("学法培训", "学法培训"),
        ("2023年会前学法记录", "会前学法"),
        ("中心组学习", "中心组学习"),
        ("公文台账", ""),
        ("其他工作", ""),
        ("Sheet1", ""),
        ("党委会", ""),  # a body's meetings: the role, not a form
    ],
)
def test_sheet_form(name: str, form: str) -> None:
    assert sheet_form(name) == form


def test_rows_of_a_training_sheet_are_trainings(tmp_path: Path) -> None:
    """A lecture on the 行政复议法 in a training sheet is training, not 行政复议 work."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "执法人员培训学时"
    ws.append(["日期", "培训内容", "参训人员", "学时"])
    ws.append(["2023-03-01", "新修订《行政复议法》解读及行政应诉实务", "张伟", 30])
    ws.append(["2023-06-01", "危险化学品安全生产技术专题培训", "张伟", 30])
    path = tmp_path / "沙坡头区应急管理局2023年台账.xlsx"
    wb.save(path)
    _, data = check_json("shapotou", path, "--year", "2023")
    assert status_of(data, "dept-h09")["found"] == 0  # 行政复议 work
    training = status_of(data, "dept-h12c")
    assert [e["row"] for e in training["evidence"]] == [2]  # the technical training is no 法治培训


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("网上学法考试（辽宁省国家工作人员学法考法平台）", True),  # a bracketed note after the form
        ("区委党校春季主体班法治课程（第一单元）", True),
        ("党组会(扩大)", True),
        ("执法监督", False),  # a field of work: the clerk's classification
        ("队伍建设", False),
    ],
)
def test_names_form(text: str, form: bool) -> None:
    from dutyaudit.ingest.forms import names_form

    assert names_form(text) is form
