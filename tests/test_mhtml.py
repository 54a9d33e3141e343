"""Excel's "Single File Web Page" (.mht): each sheet's HTML part is read as a sheet, named as Excel named it."""

from __future__ import annotations

import quopri
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dutyaudit.ingest.mhtml import MhtmlReader
from dutyaudit.ingest.sniff import sniff

BOUNDARY = "----=_NextPart_01D9A0B1.2C3D4E50"

MAIN = """<html xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv=Content-Type content="text/html; charset=gb2312">
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets>
<x:ExcelWorksheet><x:Name>县委</x:Name><x:WorksheetSource HRef="log.files/sheet001.htm"/></x:ExcelWorksheet>
<x:ExcelWorksheet><x:Name>县政府</x:Name><x:WorksheetSource HRef="log.files/sheet002.htm"/></x:ExcelWorksheet>
</x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->
</head><frameset rows="*,39"><frame src="log.files/sheet001.htm" name="frSheet"></frameset></html>
"""

SHEET = """<html><head><meta http-equiv=Content-Type content="text/html; charset=gb2312"></head><body>
<table border=0>
<tr><td colspan=3>2023年度法治建设工作台账</td></tr>
<tr><td>日期</td><td>事项</td><td>类型</td></tr>
{rows}
</table></body></html>
"""


def _part(location: str, html: str) -> str:
    body = quopri.encodestring(html.encode("gb2312")).decode("ascii")
    return (
        f"--{BOUNDARY}\r\nContent-Location: file:///C:/ABC/{location}\r\n"
        "Content-Transfer-Encoding: quoted-printable\r\n"
        'Content-Type: text/html; charset="gb2312"\r\n\r\n' + body + "\r\n"
    )


def _mht(tmp_path: Path) -> Path:
    party = "<tr><td>2023-03-01</td><td>县委常委会听取法治建设工作汇报</td><td>会议</td></tr>"
    gov = "<tr><td>2023-06-01</td><td>防汛工作部署会议</td><td>会议</td></tr>"
    text = (
        f'MIME-Version: 1.0\r\nX-Document-Type: Workbook\r\nContent-Type: multipart/related; boundary="{BOUNDARY}"'
        "\r\n\r\nThis document is a Single File Web Page, also known as a Web Archive file.\r\n\r\n"
        + _part("log.htm", MAIN)
        + _part("log.files/sheet001.htm", SHEET.format(rows=party))
        + _part("log.files/sheet002.htm", SHEET.format(rows=gov))
        + f"--{BOUNDARY}--\r\n"
    )
    path = tmp_path / "台账.mht"
    path.write_bytes(text.encode("ascii"))
    return path


def test_each_sheet_part_is_a_named_sheet(tmp_path: Path) -> None:
    path = _mht(tmp_path)
    assert sniff(path.read_bytes()) == "mhtml"
    sheets = list(MhtmlReader().sheets(path, path.read_bytes()))
    assert [s.name for s in sheets] == ["县委", "县政府"]
    assert sheets[0].rows[1][:3] == ["日期", "事项", "类型"]
    assert sheets[1].rows[2][1] == "防汛工作部署会议"


def test_audited_with_sheet_and_row(tmp_path: Path, audit_json: Callable[..., tuple[int, dict[str, Any]]]) -> None:
    _, out = audit_json(_mht(tmp_path), "--year", "2023")
    report = next(d for d in out["duties"] if d["id"] == "party-report")
    assert report["status"] == "met"
    assert (report["evidence"][0]["sheet"], report["evidence"][0]["row"]) == ("县委", 3)
    assert [(u["sheet"], u["title"]) for u in out["unmatched"]] == [("县政府", "防汛工作部署会议")]
