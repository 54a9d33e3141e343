"""SYLK and DIF logs (Excel's, WPS's and LibreOffice's text interchange formats) are read like any sheet."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from dutyaudit.errors import InputError
from dutyaudit.ingest.interchange import MAX_CELLS, DifReader, SylkReader
from dutyaudit.ingest.sniff import sniff

# As Excel on a Chinese Windows writes it: ANSI code page (GBK), a date format, serial-number dates,
# Y omitted where the row stays the same, ";;" for a semicolon inside a string.
SYLK = """\
ID;PWXL;N;E
P;PGeneral
P;Pyyyy/m/d
F;P0;DG0G10;M90
B;Y4;X4;D0 0 3 3
C;Y1;X1;K"日期"
C;X2;K"事项"
C;X3;K"类型"
C;X4;K"责任主体"
F;P1;FG0G;Y2;X1
C;Y2;X1;K44986
C;X2;K"县委常委会听取法治建设工作汇报"
C;X3;K"会议"
C;X4;K"县委"
F;P1;FG0G;Y3;X1
C;Y3;X1;K45052
C;X2;K"举办法治专题讲座;;宪法解读"
C;X3;K"讲座"
C;X4;K"县委"
C;Y4;X1;K"2023年9月1日"
C;X2;K"防汛工作部署会议"
C;X4;K"县政府"
E
"""

DIF = """\
TABLE
0,1
"log"
VECTORS
0,3
""
TUPLES
0,3
""
DATA
0,0
""
-1,0
BOT
1,0
"日期"
1,0
"事项"
1,0
"责任主体"
-1,0
BOT
0,44986
V
1,0
"县委常委会听取法治建设工作汇报"
1,0
"县委"
-1,0
BOT
1,0
"2023-05-06"
1,0
"举办""法治""专题讲座"
1,0
"县委"
-1,0
EOD
"""


def _rows(reader: Any, path: Path) -> list[list[object]]:
    (sheet,) = list(reader.sheets(path, path.read_bytes()))
    return sheet.rows


def test_sylk_cells_dates_and_escapes(tmp_path: Path) -> None:
    path = tmp_path / "log.slk"
    path.write_bytes(SYLK.encode("gbk"))
    assert sniff(path.read_bytes()) == "sylk"
    rows = _rows(SylkReader(), path)
    assert rows[0] == ["日期", "事项", "类型", "责任主体"]
    assert rows[1][0] == dt.date(2023, 3, 1)
    assert rows[2][:2] == [dt.date(2023, 5, 6), "举办法治专题讲座;宪法解读"]
    assert rows[3] == ["2023年9月1日", "防汛工作部署会议", "", "县政府"]


def test_dif_cells(tmp_path: Path) -> None:
    path = tmp_path / "log.dif"
    path.write_text(DIF, encoding="utf-8")
    assert sniff(path.read_bytes()) == "dif"
    rows = _rows(DifReader(), path)
    assert rows == [
        ["日期", "事项", "责任主体"],
        [44986, "县委常委会听取法治建设工作汇报", "县委"],
        ["2023-05-06", '举办"法治"专题讲座', "县委"],
    ]


@pytest.mark.parametrize(("name", "data"), [("log.slk", SYLK.encode("gbk")), ("log.dif", DIF.encode("gb18030"))])
def test_audited_like_any_log(
    name: str, data: bytes, tmp_path: Path, audit_json: Callable[..., tuple[int, dict[str, Any]]]
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    _, out = audit_json(path, "--year", "2023")
    report = next(d for d in out["duties"] if d["id"] == "party-report")
    assert report["status"] == "met"
    assert report["evidence"][0]["date"] == "2023-03-01"
    assert report["evidence"][0]["row"] == 2


def test_a_far_cell_is_refused_with_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "far.slk"
    path.write_text('ID;P\nC;Y1;X1;K"日期"\nC;Y1048576;X16384;K1\nE\n', encoding="utf-8")
    with pytest.raises(InputError, match=f"{MAX_CELLS:,}"):
        _rows(SylkReader(), path)


def test_plain_csv_is_not_taken_for_either(tmp_path: Path) -> None:
    assert sniff("ID,日期,事项\n1,2023-03-01,学法\n".encode()) == "text"
    assert sniff(b"TABLE,NAME\n1,2\n") == "text"
