"""A log that names no unit is scoped by what its rows say of themselves (局党组会议 → a department)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dutyaudit.contentkind import kind_from_rows
from dutyaudit.ingest.text import normalize
from dutyaudit.model import Activity


def _row(title: str) -> Activity:
    return Activity("log.csv", "log", 2, dt.date(2023, 3, 1), title, normalize(title))


def test_kind_from_rows() -> None:
    dept = ["局党组会议会前学法", "局务会研究行政执法工作", "局长带队开展执法检查", "防汛值班"]
    assert kind_from_rows(map(_row, dept)) == ("department", "局党组")
    township = ["镇党委会议专题研究法治建设", "镇长办公会会前学法", "全镇普法宣传", "局党组来镇调研"]
    assert kind_from_rows(map(_row, township)) == ("township", "镇党委")
    assert kind_from_rows(map(_row, ["举办法治讲座", "学习民法典", "局党组会议"])) is None  # too few to say
    mixed = ["镇党委会议", "镇政府常务会", "镇长办公会", "局党组会议", "局务会", "局长办公会"]
    assert kind_from_rows(map(_row, mixed)) is None  # no clear majority


def test_a_bureau_log_without_a_unit_is_audited_on_department_duties(
    write_csv: Callable[..., Path], run: Callable[..., Any]
) -> None:
    rows = [
        ["2023-03-01", "局党组会议会前学法：学习《行政处罚法》"],
        ["2023-04-11", "局务会学法：学习《行政复议法》"],
        ["2023-05-06", "局长带队开展行政执法检查"],
        ["2023-06-01", "局党组理论学习中心组学习习近平法治思想"],
    ]
    log = write_csv(rows, header=["日期", "事项"])
    res = run("check", log, "--pack", "shapotou", "--year", "2023", "--format", "json")
    assert res.exit_code in (0, 1), res.stderr
    data = json.loads(res.stdout)
    assert {d["role"] for d in data["duties"]} == {"department"}
    assert data["scope"]["kind"] == "department"
    assert "局党组" in data["scope"]["reason"]
