"""`dutyaudit template`: the log workbook for a pack, reloaded with openpyxl, filled in and audited."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from dutyaudit.errors import InputError
from dutyaudit.ingest import IngestOptions, ingest
from dutyaudit.ingest.labels import type_of
from dutyaudit.packs import ACTIVITY_TYPES, load_pack, parse_pack
from dutyaudit.template import _guard_not_a_header, role_sheet_names
from dutyaudit.template_examples import examples, type_words

ZH_HEADER = [
    "序号",
    "日期",
    "活动名称",
    "活动类型",
    "责任主体",
    "责任人",
    "学时",
    "结束日期",
    "出庭情况",
    "佐证材料",
    "备注",
]
EN_HEADER = ["No.", "Date", "Title", "Type", "Role", "Person", "Hours", "End date", "出庭情况", "Evidence", "Notes"]
DUTY_IDS = [
    "party-report",
    "party-lecture",
    "gov-half",
    "gov-report",
    "gov-training",
    "gov-court",
    "gov-comment",
    "gov-constitution",
]


@pytest.fixture
def template(run, mini_pack: Path, tmp_path: Path) -> Path:
    out = tmp_path / "台账模板.xlsx"
    res = run("template", "--pack", mini_pack, "-o", out, "--year", "2023", "--unit", "测试县")
    assert res.exit_code == 0, res.stderr
    return out


def _fill(path: Path, rows: dict[str, list[list[Any]]]) -> Path:
    """Write rows (cells in header order from 日期) under the header of each named sheet, as a clerk would."""
    wb = openpyxl.load_workbook(path)
    for sheet, values in rows.items():
        ws = wb[sheet]
        for i, cells in enumerate(values, start=3):
            ws.cell(row=i, column=1, value=i - 2)
            for j, v in enumerate(cells, start=2):
                ws.cell(row=i, column=j, value=v)
    filled = path.with_name("filled.xlsx")
    wb.save(filled)
    return filled


def _check(run, log: Path, pack: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    res = run("check", log, "--pack", pack, "--format", "json", *extra)
    assert res.exit_code in (0, 1), res.stderr
    return res.exit_code, json.loads(res.stdout)


def test_sheets_header_title_and_print_setup(template: Path) -> None:
    wb = openpyxl.load_workbook(template)
    assert wb.sheetnames == ["说明", "党委主要负责人", "政府主要负责人"]
    assert wb.active.title == "说明"
    for name in wb.sheetnames[1:]:
        ws = wb[name]
        assert [c.value for c in ws[2]] == ZH_HEADER
        assert ws["A1"].value == f"测试县2023年度法治建设工作台账（{name}）"
        assert ws.freeze_panes == "A3" and ws.print_title_rows == "$1:$2"
        assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
        assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
        assert ws["B3"].number_format == "yyyy-mm-dd"
        assert ws["C3"].value is None  # no data rows


def test_drop_downs_offer_words_ingest_reads(template: Path) -> None:
    ws = openpyxl.load_workbook(template)["党委主要负责人"]
    by_col = {str(dv.sqref).split(":")[0]: dv for dv in ws.data_validations.dataValidation}
    types = by_col["D3"]
    assert types.type == "list" and str(types.sqref) == "D3:D1002"
    words = types.formula1.strip('"').split(",")
    assert words == list(type_words().values()) and len(words) == len(ACTIVITY_TYPES)
    assert [type_of(w) for w in words] == list(ACTIVITY_TYPES)  # each word reads back as its own type
    roles = by_col["E3"]
    assert roles.type == "list" and roles.formula1 == '"党委主要负责人,政府主要负责人"'
    assert by_col["B3"].type == "date" and by_col["G3"].type == "decimal"
    assert all(dv.allowBlank for dv in ws.data_validations.dataValidation)


def test_instructions_list_every_duty_with_an_example(template: Path, mini_pack: Path) -> None:
    ws = openpyxl.load_workbook(template)["说明"]
    header = next(r for r in range(1, 20) if ws.cell(row=r, column=2).value == "职责编号")
    assert [c.value for c in ws[header]] == [
        "序号",
        "职责编号",
        "登记工作表",
        "条款",
        "职责",
        "要求",
        "示例记录",
        "示例类型",
        "职责原文",
    ]
    rows = [[c.value for c in ws[r]] for r in range(header + 1, ws.max_row + 1)]
    assert [r[1] for r in rows] == DUTY_IDS
    pack = load_pack(str(mini_pack))
    for r, duty in zip(rows, pack.duties, strict=True):
        assert (r[3], r[4], r[8]) == (duty.clause, duty.label, duty.text)
    report = rows[0]
    assert report[2] == "党委主要负责人" and report[5] == "每年至少1次"
    rule = "须含：听取；及 法治建设工作汇报/法治建设情况汇报 之一"
    assert report[6] == f"2023-03-06　召开会议听取法治建设工作汇报\n{rule}"
    assert report[7] == "会议"
    assert rows[1][6] == "2023-05-11　法治专题讲座\n须含：讲座；及 法治/法律 之一"  # a row as a clerk writes it
    assert rows[3][6].startswith("2023-02-22　法治政府建设年度报告\n")  # a week before the 03-01 deadline
    assert rows[4][6] == "2023-11-06　培训学时\n须含：培训\n学时：60\n责任人：张三"
    assert rows[5][6] == "2023-04-11　应诉\n须含：应诉/行政诉讼\n出庭情况：出庭"
    assert rows[6][6] == "2023-06-16　征求意见期限\n须含：征求意见\n结束日期：2023-07-15"  # 30 days, both counted
    months = {r[6][5:7] for r in rows}
    assert len(months) >= 6  # dated across the year, not all on one day
    assert ws.freeze_panes == f"A{header + 1}" and ws.print_title_rows == f"${header}:${header}"


def test_filled_template_gives_the_expected_verdicts(template: Path, run, mini_pack: Path) -> None:
    log = _fill(
        template,
        {
            "党委主要负责人": [
                [dt.date(2023, 3, 15), "县委常委会会议听取2022年度法治建设工作汇报", "会议"],
                [dt.date(2023, 6, 8), "法治专题讲座（第一期）", "讲座"],
                [dt.date(2023, 4, 2), "县委理论学习中心组学法", "学法"],
            ],
            "政府主要负责人": [
                [dt.date(2023, 4, 10), "法治政府建设年度报告", "报告"],
                [dt.date(2023, 5, 6), "执法人员法治培训", "培训", "", "张三", 60],
                [dt.date(2023, 8, 9), "行政诉讼应诉", "出庭", "", "王五", None, None, "出庭"],
                [dt.date(2023, 9, 1), "规章草案公开征求意见", "决策", "", "", None, dt.date(2023, 9, 10)],
            ],
        },
    )
    code, data = _check(run, log, mini_pack)
    status = {d["id"]: (d["status"], d["found"]) for d in data["duties"]}
    assert status == {
        "party-report": ("met", 1),
        "party-lecture": ("partial", 1),
        "gov-half": ("missing", 0),
        "gov-report": ("late", 1),
        "gov-training": ("met", 1),
        "gov-court": ("met", 100),
        "gov-comment": ("partial", 0),
        "gov-constitution": ("missing", 0),
    }
    assert code == 1 and data["unit"] == "测试县" and data["year"] == 2023
    assert [u["title"] for u in data["unmatched"]] == ["县委理论学习中心组学法"]
    assert {ref["sheet"] for d in data["duties"] for ref in d["evidence"]} == {"党委主要负责人", "政府主要负责人"}
    # the template's own instructions sheet is never read as a log, and never warned about
    assert data["warnings"] == []


def test_every_example_evidences_its_duty(template: Path, run, mini_pack: Path) -> None:
    wb = openpyxl.load_workbook(template)
    header = [c.value for c in wb["党委主要负责人"][2]]
    per_sheet: dict[str, list[list[Any]]] = {}
    for ex in examples(load_pack(str(mini_pack)), 2023):
        sheet = "党委主要负责人" if ex.role == "party" else "政府主要负责人"
        cells = {"日期": ex.date, "活动名称": ex.title, "活动类型": ex.type}
        names = {"hours": "学时", "actor": "责任人", "end_date": "结束日期"}
        cells.update({names.get(k, k): v for k, v in ex.values.items()})
        per_sheet.setdefault(sheet, []).append([cells.get(h) for h in header[1:]])
    _, data = _check(run, _fill(template, per_sheet), mini_pack)
    status = {d["id"]: d["status"] for d in data["duties"]}
    # one example per duty meets it, except where the requirement needs two, or one in each half-year
    assert status == {d: "partial" if d in ("party-lecture", "gov-half") else "met" for d in DUTY_IDS}


def test_empty_template_has_no_rows_and_no_role_sheet_warnings(template: Path, run, mini_pack: Path) -> None:
    res = run("check", template, "--pack", mini_pack)
    assert res.exit_code == 2 and "Traceback" not in res.stderr
    assert "台账有表头但没有数据行" in res.stderr
    with pytest.raises(InputError, match="no data rows"):
        ingest([template], IngestOptions(year=2023))


def test_lang_en(run, mini_pack: Path, tmp_path: Path) -> None:
    out = tmp_path / "template-en.xlsx"
    assert run("template", "--pack", mini_pack, "-o", out, "--lang", "en", "--year", "2023").exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["Instructions", "党委主要负责人", "政府主要负责人"]
    assert [c.value for c in wb["政府主要负责人"][2]] == EN_HEADER
    assert wb["政府主要负责人"]["A1"].value == "2023 activity log — 政府主要负责人"
    log = _fill(out, {"政府主要负责人": [[dt.date(2023, 12, 4), "国家宪法日宣传", "宣传"]]})
    _, data = _check(run, log, mini_pack)
    assert next(d for d in data["duties"] if d["id"] == "gov-constitution")["status"] == "met"


def test_refuses_to_overwrite_without_force(template: Path, run, mini_pack: Path) -> None:
    template.write_bytes(b"an office's own file")
    res = run("template", "--pack", mini_pack, "-o", template)
    assert res.exit_code == 2 and "文件已存在且不是 dutyaudit 生成的；加 --force 覆盖" in res.stderr
    assert template.read_bytes() == b"an office's own file"
    assert run("template", "--pack", mini_pack, "-o", template, "--force").exit_code == 0
    assert openpyxl.load_workbook(template).sheetnames[0] == "说明"
    res = run("template", "--pack", mini_pack, "-o", template.with_suffix(".xls"))
    assert res.exit_code == 2 and not template.with_suffix(".xls").exists()
    res = run("template", "--pack", "no-such-pack", "-o", template.with_name("x.xlsx"))
    assert res.exit_code == 2 and not template.with_name("x.xlsx").exists()


TRICKY_PACK = {
    "schema": 1,
    "id": "tricky",
    "name": "测试",
    "jurisdiction": "测试县",
    "issuer": "测试县司法局",
    "issued": "2023-01-01",
    "roles": {
        "party": {"name": "中共测试县委员会主要负责人履行推进法治建设第一责任人职责（党委）", "aliases": ["县委"]},
        "gov": {"name": "县政府", "aliases": ["政府"]},
    },
    "duties": [
        {
            "id": "a",
            "role": "party",
            "clause": "一",
            # a row of this duty holds 时间 (a date header word) and 主题 (a title header word)
            "text": "每年确定学习时间",
            "label": "学习主题",
            "requirement": {"kind": "evidence"},
            "match": {"all": ["学法"]},
        },
        {
            "id": "b",
            "role": "gov",
            "clause": "二",
            "text": "t",
            "label": "l",
            "requirement": {"kind": "evidence"},
            "match": {"all": ["讲座"]},
        },
    ],
}


def test_instructions_never_read_as_a_log(run, tmp_path: Path) -> None:
    import yaml

    pack_file = tmp_path / "tricky.yaml"
    pack_file.write_text(yaml.safe_dump(TRICKY_PACK, allow_unicode=True, sort_keys=False), encoding="utf-8")
    pack = parse_pack(TRICKY_PACK, "tricky")
    # the long role name cannot be a sheet name (31 characters at most): an alias that resolves is used
    assert role_sheet_names(pack, ["party", "gov"]) == {"party": "县委", "gov": "县政府"}
    out = tmp_path / "t.xlsx"
    assert run("template", "--pack", pack_file, "-o", out, "--year", "2023").exit_code == 0
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["说明", "县委", "县政府"]
    folded = [c.value for row in wb["说明"].iter_rows() for c in row if isinstance(c.value, str) and "｜" in c.value]
    assert folded == ["1｜a｜县委｜一｜学习主题｜有履职佐证｜2023-03-06　学法\n须含：学法｜每年确定学习时间"]
    log = _fill(out, {"县委": [[dt.date(2023, 5, 1), "中心组学法"]], "县政府": [[dt.date(2023, 5, 2), "法治讲座"]]})
    acts = ingest([log], IngestOptions())
    assert [(a.sheet, a.title) for a in acts.rows] == [("县委", "中心组学法"), ("县政府", "法治讲座")]
    _, data = _check(run, log, pack_file)
    assert [d["status"] for d in data["duties"]] == ["met", "met"]


def test_guard_folds_a_row_that_would_read_as_a_header() -> None:
    pack = parse_pack(TRICKY_PACK, "tricky")
    rows = [["说明"], [1, "a", "学习时间", "学习主题"], [2, "b", "x", "y"]]
    assert _guard_not_a_header(rows, [], pack) == {1}
    assert _guard_not_a_header([["说明"], [1, "a", "x", "y"]], [], pack) == set()
