"""``--map`` says what is wrong: an unknown field or a column the log lacks is exit 2 with one line naming both
and listing the fields; ``--help`` lists the fields too."""

from __future__ import annotations

from pathlib import Path

import pytest

from dutyaudit.errors import InputError, UsageError
from dutyaudit.ingest import IngestOptions, ingest
from dutyaudit.ingest.aliases import FIELD_NAMES_ZH
from dutyaudit.ingest.columns import check_mapping_fields
from dutyaudit.ingest.table import PackColumns

LOG = "测试县2023年台账\n日期,事项,开展时间\n2023-03-01,会前学法,2023-03-02\n"


@pytest.fixture
def log(tmp_path: Path) -> Path:
    path = tmp_path / "log.csv"
    path.write_text(LOG, encoding="utf-8")
    return path


def _lists_fields(text: str) -> bool:
    return all(f"{f} ({zh})" in text for f, zh in FIELD_NAMES_ZH.items())


@pytest.mark.parametrize(
    ("item", "names"),
    [
        ("date=不存在", ["date=不存在", "'不存在'", "日期、事项、开展时间"]),
        ("日期=不存在", ["date=不存在", "'不存在'"]),  # a Chinese field name is reported as its field
        ("出庭情况=是否出庭", ["出庭情况=是否出庭", "'是否出庭'", "出庭情况"]),  # a pack column, missing too
    ],
)
def test_a_missing_column_is_exit_2_naming_field_and_column(
    run, mini_pack: Path, log: Path, item: str, names: list[str]
) -> None:
    res = run("check", log, "--pack", mini_pack, "--map", item, "--lang", "en")
    assert res.exit_code == 2
    (line,) = res.stderr.strip().splitlines()
    assert all(n in line for n in names), line
    assert _lists_fields(line)
    assert "Traceback" not in res.stderr


def test_the_pack_s_own_columns_are_listed_in_the_run_s_language(run, mini_pack: Path, log: Path) -> None:
    zh = run("check", log, "--pack", mini_pack, "--map", "when=开展时间")
    assert "或职责清单另加的列：出庭情况" in zh.stderr and "or a column" not in zh.stderr
    en = run("check", log, "--pack", mini_pack, "--map", "when=开展时间", "--lang", "en")
    assert "or a column the pack adds: 出庭情况" in en.stderr


def test_an_unknown_field_is_exit_2_naming_it(run, mini_pack: Path, log: Path) -> None:
    res = run("check", log, "--pack", mini_pack, "--map", "when=开展时间", "--lang", "en")
    assert res.exit_code == 2
    (line,) = res.stderr.strip().splitlines()
    assert "--map when=开展时间" in line and "'when' is not a field" in line
    assert _lists_fields(line)
    assert "出庭情况" in line  # the pack's own column is a field --map takes
    assert "no header row" not in line


def test_a_column_that_exists_is_taken(audit_json, log: Path) -> None:
    code, data = audit_json(log, "--map", "date=开展时间")
    assert code in (0, 1)
    dates = {e["date"] for d in data["duties"] for e in d.get("evidence", [])} | {u["date"] for u in data["unmatched"]}
    assert dates == {"2023-03-02"}


@pytest.mark.parametrize("column", ["开展时间", "開展時間", "开展时间（格式：2023-03-15）", "C"])
def test_a_column_is_found_without_its_hints_in_either_script(tmp_path: Path, column: str) -> None:
    path = tmp_path / "h.csv"
    path.write_text(
        "日期,*事项（必填）,開展時間（格式：2023-03-15）\n2023-03-01,会前学法,2023-03-02\n", encoding="utf-8"
    )
    acts = ingest([path], IngestOptions(mapping={"date": column}))
    assert [a.date.isoformat() for a in acts.rows] == ["2023-03-02"]


def test_a_missing_column_is_named_even_without_a_header(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("名称,数量\nA,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="--map date=不存在: the log has no column '不存在'"):
        ingest([path], IngestOptions(mapping={"date": "不存在"}))
    with pytest.raises(InputError, match="no header row found"):  # the column is there: the header is the problem
        ingest([path], IngestOptions(mapping={"date": "数量", "type": "名称"}))


def test_a_column_in_any_sheet_of_the_file_is_enough(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "two.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["日期", "事项"])
    wb.active.append(["2023-03-01", "会前学法"])
    other = wb.create_sheet("二")
    other.append(["开展时间", "事项"])
    other.append(["2023-04-01", "普法"])
    wb.save(path)
    acts = ingest([path], IngestOptions(mapping={"date": "开展时间"}))
    assert len(acts.rows) == 2


def test_pack_columns_and_batch_s_by_column_are_fields() -> None:
    pack = PackColumns({"出庭情况": ((), "text")}).columns
    check_mapping_fields({"出庭情况": "是否出庭", "__by__": "县区", "date": "x"}, pack)  # no error
    with pytest.raises(UsageError, match="'when' is not a field"):
        check_mapping_fields({"when": "x"}, pack)
    with pytest.raises(UsageError, match="'出庭情况' is not a field"):
        check_mapping_fields({"出庭情况": "是否出庭"}, {})


@pytest.mark.parametrize("command", ["check", "batch", "explain"])
def test_help_lists_the_fields(run, command: str) -> None:
    res = run(command, "--help")
    assert res.exit_code == 0
    flat = " ".join(res.stdout.split())
    assert all(f in flat for f in FIELD_NAMES_ZH), flat
    assert "or a column the pack adds" in flat
