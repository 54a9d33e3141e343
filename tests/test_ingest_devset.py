"""The dev set's colloquial GBK CSV (header 日期,事情,牵头,备注, dates mostly m月d日) is read row for row.

The dev set lives in ``../shared/matching-dev/`` beside the clone (``DUTYAUDIT_DEV_SET`` may name it);
without it these tests are skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path
from typing import Any

import pytest

from dutyaudit.ingest import IngestOptions, ingest

FILE = "shapotou_B_2023.csv"


def _dev_set() -> Path | None:
    env = os.environ.get("DUTYAUDIT_DEV_SET")
    candidates = [Path(env)] if env else []
    candidates += [p / "shared" / "matching-dev" for p in Path(__file__).resolve().parents]
    return next((p for p in candidates if (p / "gold.json").is_file() and (p / FILE).is_file()), None)


@pytest.fixture(scope="module")
def dev() -> Path:
    found = _dev_set()
    if found is None:
        pytest.skip("the matching dev set (../shared/matching-dev) is not beside the clone")
    return found


@pytest.fixture(scope="module")
def gold_rows(dev: Path) -> list[dict[str, Any]]:
    gold = json.loads((dev / "gold.json").read_text(encoding="utf-8"))
    (entry,) = [f for f in gold["files"] if f["file"] == FILE]
    return [r for r in entry["rows"] if r.get("kind") is None]


def test_every_gold_row_is_read_with_its_sheet_row_and_date(dev: Path, gold_rows: list[dict[str, Any]]) -> None:
    acts = ingest([dev / FILE], IngestOptions(year=2023))
    read = {(a.sheet, a.row): a for a in acts.rows}
    assert len(gold_rows) == 75
    for g in gold_rows:
        a = read.get((g["sheet"], g["row"]))
        assert a is not None, f"row {g['row']} not read"
        assert a.date == dt.date.fromisoformat(g["date"]), g
        assert a.title == g["title"], g
    assert len(acts.rows) == len(gold_rows)  # nothing else taken for a row (the title line, the header)
    assert acts.warnings == []  # 2022/12/20 and 2024/1/5 do not move 3月1日 out of the title's 2023


def test_the_cli_audits_it(dev: Path, gold_rows: list[dict[str, Any]], run) -> None:
    res = run("check", dev / FILE, "--pack", "shapotou", "--year", "2023", "--format", "json", "--exit-zero")
    assert res.exit_code == 0, res.stderr
    data = json.loads(res.stdout)
    seen = {e["row"] for d in data["duties"] for e in d.get("evidence", [])} | {u["row"] for u in data["unmatched"]}
    in_year = {g["row"] for g in gold_rows if not g.get("out_of_year")}
    assert len(in_year) == 72
    assert in_year <= seen  # every in-year row was audited: evidence of a duty, or listed as unmatched


BLIND = Path(__file__).parent / "blind"
_BLIND_FILES = [
    (gold, entry["file"])
    for gold in sorted(BLIND.glob("*/gold.json"))
    for entry in json.loads(gold.read_text(encoding="utf-8"))["files"]
]


@pytest.mark.parametrize(("gold", "name"), _BLIND_FILES, ids=[f"{g.parent.name}/{n}" for g, n in _BLIND_FILES])
def test_every_blind_gold_row_is_read_with_its_date(gold: Path, name: str) -> None:
    """The blind corpora's logs (a clerk's notebook among them) are read row for row, whatever their style."""
    (entry,) = [f for f in json.loads(gold.read_text(encoding="utf-8"))["files"] if f["file"] == name]
    acts = ingest([gold.parent / name], IngestOptions(year=entry.get("year")))
    read = {(a.sheet, a.row): a for a in acts.rows}
    for g in entry["rows"]:
        if g.get("kind") is not None:
            continue  # section headers and 合计 rows are never evidence
        a = read.get((g["sheet"], g["row"]))
        if a is None and g["date"] is None and not g.get("clauses"):
            continue  # an unfinished 督办 item (no 办结日期): a row without a date, reported, not read
        assert a is not None, f"{name} row {g['row']} not read"
        if g["date"] is not None:  # None: a month alone (5月 …), dated the month's first days
            assert a.date == dt.date.fromisoformat(g["date"]), g
