"""Build the golden input logs in tests/data/ with a real office suite (LibreOffice).

    apt-get install -y libreoffice-calc-nogui      # soffice, and python3-uno for the encrypted files
    python scripts/make_golden.py                  # writes tests/data/*; tests never need LibreOffice

Sources are built with openpyxl (or as text), then converted by ``soffice --headless --convert-to``, so
the xls/ods/xlsx/csv/txt/html bytes are what LibreOffice writes. Two shapes are written by hand because no
office suite here produces them: the web-OA "Excel export" that is really a GBK HTML table without a meta
charset, and Excel 2003 "XML Spreadsheet" (LibreOffice's XSLT export filter is not in the nogui
package); this script checks that LibreOffice can open both. The encrypted workbooks are saved with a
password through LibreOffice's UNO API (``scripts/soffice_encrypt.py`` under the system python3).
"""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "data"
GBK_CSV = "44,34,"  # + LibreOffice's number for the GBK character set, found below


def soffice(src: Path, target: str, outdir: Path) -> Path:
    """Convert ``src`` with LibreOffice; ``target`` is "ext" or "ext:Filter:options". Returns the new file."""
    outdir.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        ["soffice", "--headless", "--convert-to", target, "--outdir", str(outdir), str(src)],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=180,
    )
    ext = target.split(":", 1)[0]
    out = outdir / f"{src.stem}.{ext}"
    if not out.exists():
        raise SystemExit(f"soffice did not write {out}")
    return out


def _title(ws: Worksheet, text: str, last_col: str) -> None:
    ws["A1"] = text
    ws.merge_cells(f"A1:{last_col}1")


def biff_source(path: Path) -> None:
    """Two role sheets and a notes sheet without a header (→ skipped, with a warning)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "县委"
    _title(ws, "测试县2023年度党政主要负责人履行推进法治建设第一责任人职责工作台账", "E")
    ws.append(["序号", "日期", "活动名称", "活动类型", "备注"])
    ws.append([1, dt.date(2023, 3, 15), "县委常委会会议听取2022年度法治建设工作汇报", "会议", ""])
    ws.append([2, "2023年6月8日", "举办法治专题讲座（第一期）", "讲座", ""])
    ws.append([3, "2023/11/20", "举办法治专题讲座（第二期）", "讲座", ""])
    gov = wb.create_sheet("县政府")
    _title(gov, "测试县2023年度工作台账", "E")
    gov.append(["序号", "会议时间", "事项", "形式", "备注"])
    gov.append([1, "2023.2.20", "县政府向县委报告2022年度法治政府建设情况报告", "报告", ""])
    gov.append([2, dt.datetime(2023, 7, 6, 9, 30), "县政府常务会议研究法治政府建设工作", "会议", ""])
    notes = wb.create_sheet("填表说明")
    notes["A1"] = "本台账按季度更新，日期写到日。"
    notes["A2"] = "联系人：李四"
    wb.save(path)


def ods_source(path: Path) -> None:
    """Quarter sheets; dates without a year (the title has it), ranges, merged date and 责任主体 blocks."""
    wb = openpyxl.Workbook()
    q1 = wb.active
    q1.title = "一季度"
    _title(q1, "测试县2023年法治建设工作台账（一季度）", "E")
    q1.append(["序号", "开展时间", "工作内容", "责任主体", "责任人"])
    q1.append([1, "3月15日", "县委常委会听取法治建设工作汇报", "县委", "张三"])
    q1.append([2, None, "县委理论学习中心组学法", None, "张三"])
    q1.merge_cells("B3:B4")
    q1.merge_cells("D3:D4")
    q1.append([3, "3.28", "县政府常务会议学法", "县政府", "李四"])
    q2 = wb.create_sheet("二季度")
    _title(q2, "测试县2023年法治建设工作台账（二季度）", "E")
    q2.append(["序号", "开展时间", "工作内容", "责任主体", "责任人"])
    q2.append([1, "2023年5月8日至10日", "执法人员法治培训", "县政府", "李四"])
    q2.append([2, "6月1日-30日", "规范性文件草案征求意见", "县政府", "李四"])
    wb.save(path)


def merged_source(path: Path) -> None:
    """Merged title and subtitle, a two-row header, merged date and 责任主体 blocks, a hidden column, a header
    repeated for the printed page, a 合计 row, notes below and empty trailing columns."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    _title(ws, "测试县2023年度法治建设工作台账", "G")
    ws["A2"] = "填报单位：测试县委办公室    填报时间：2024年1月5日"
    ws.merge_cells("A2:G2")
    top = ["序号", "日期", "活动情况", None, None, "责任主体", "佐证材料", "内部编码"]
    sub = [None, None, "名称", "类型", "形式", None, None, None]
    for c, v in enumerate(top, 1):
        ws.cell(3, c, v)
    for c, v in enumerate(sub, 1):
        ws.cell(4, c, v)
    for rng in ("A3:A4", "B3:B4", "C3:E3", "F3:F4", "G3:G4", "H3:H4"):
        ws.merge_cells(rng)
    data = [
        [1, dt.date(2023, 3, 15), "县委常委会会议听取法治建设工作汇报", "会议", "现场", "县委", "会议纪要", "X1"],
        [2, None, "县委理论学习中心组专题学法", "学法", "现场", None, "签到表", "X2"],
        [3, None, "法治专题讲座", "讲座", "视频", None, "照片", "X3"],
        [4, dt.date(2023, 6, 20), "县委全面依法治县委员会会议", "会议", "现场", None, "纪要", "X4"],
    ]
    for i, row in enumerate(data, 5):
        for c, v in enumerate(row, 1):
            ws.cell(i, c, v)
    ws.merge_cells("B5:B7")  # one date for three activities
    ws.merge_cells("F5:F8")  # one 责任主体 for the block
    for c, v in enumerate(top, 1):  # header repeated for the second printed page
        ws.cell(9, c, v)
    for c, v in enumerate(sub, 1):
        ws.cell(10, c, v)
    ws.merge_cells("C9:E9")
    ws.append([5, "2023-12-04", "国家宪法日集中宣传活动", "宣传", "现场", "县政府", "照片", "X5"])
    ws.append(["合计", None, "5项", None, None, None, None, None])
    ws.append([])
    ws.append(["注：本表由县委办公室每季度填报。"])
    ws.merge_cells(start_row=14, start_column=1, end_row=14, end_column=7)
    ws.append(["填报人：王五", None, None, None, "审核人：赵六"])
    ws.column_dimensions["H"].hidden = True
    for col in "IJKL":  # formatted but empty trailing columns
        ws.column_dimensions[col].width = 12
        ws[f"{col}5"].number_format = "@"
    wb.save(path)


def offset_source(path: Path) -> None:
    """A table that starts at C4: row numbers must stay the sheet's own (data rows are 5 and 6)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "县委"
    ws["C4"], ws["D4"], ws["E4"] = "日期", "事项", "类型"
    ws["C5"], ws["D5"], ws["E5"] = dt.date(2023, 4, 1), "县委常委会听取法治建设情况汇报", "会议"
    ws["C6"], ws["D6"], ws["E6"] = "2023-09-12", "法治专题讲座", "讲座"
    wb.save(path)


def traditional_source(path: Path) -> None:
    """Traditional characters in headers, titles, roles and dates (號)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "縣委"
    _title(ws, "測試縣2023年度法治建設工作臺賬", "E")
    ws.append(["序號", "日期", "會議名稱", "活動類型", "責任主體"])
    ws.append([1, "2023年3月15號", "縣委常委會會議聽取法治建設工作匯報", "會議", "縣委"])
    ws.append([2, "2023年6月8日", "舉辦法治專題講座", "講座", "縣委"])
    ws.append([3, "2023年9月1日", "縣政府常務會議學法", "學法", "縣政府"])
    wb.save(path)


def numerals_source(path: Path) -> None:
    """Chinese-numeral and other hand-typed date forms; the year for 三月十五日 comes from the title."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    _title(ws, "测试县二〇二三年法治建设工作台账", "C")
    ws.append(["日期", "事项", "责任主体"])
    rows = [
        ("二〇二三年三月十五日", "县委常委会听取法治建设工作汇报"),
        ("二〇二三年十二月四日", "国家宪法日宣传活动"),
        ("三月二十日", "县委理论学习中心组学法"),
        ("２０２３－０４－０６", "法治专题讲座"),
        ("2023年5月", "法治政府建设调研"),
        ("45110", "执法人员培训"),
        ("2023-08-15 09:30", "县政府常务会议学法"),
        ("2023年9月1日-3日", "法治培训班"),
    ]
    for d, t in rows:
        ws.append([d, t, "县委"])
    wb.save(path)


OA_GBK_HTML = """<html>
<head><title>台账导出</title>
<style>td {{ mso-number-format:"\\@"; }}</style>
</head>
<body>
<table border="1">
<tr><td colspan="4" align="center"><b>测试县2023年度法治建设工作台账</b></td></tr>
<tr><td>序号</td><td>会议时间</td><td>会议名称</td><td>责任主体</td></tr>
<tr><td>1</td><td rowspan="2">2023-03-15</td><td>县委常委会会议听取法治建设工作汇报</td><td rowspan="3">县委</td></tr>
<tr><td>2</td><td>县委理论学习中心组专题学法</td></tr>
<tr><td>3</td><td>2023年6月8日</td><td>法治专题讲座&nbsp;（第一期）</td></tr>
<tr><td>4</td><td>2023/11/20</td><td>法治专题讲座<br>（第二期）</td><td>县政府</td></tr>
<tr><td colspan="4">制表：县委办公室</td></tr>
</table>
</body>
</html>
"""

SPREADSHEETML = """<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel"
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"
 xmlns:html="http://www.w3.org/TR/REC-html40">
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Center"/></Style>
  <Style ss:ID="d"><NumberFormat ss:Format="yyyy/m/d"/></Style>
 </Styles>
 <Worksheet ss:Name="县政府">
  <Table ss:ExpandedColumnCount="4" ss:ExpandedRowCount="7" x:FullColumns="1" x:FullRows="1">
   <Row><Cell ss:MergeAcross="3"><Data ss:Type="String">测试县2023年度政府工作台账</Data></Cell></Row>
   <Row ss:Index="3">
    <Cell><Data ss:Type="String">序号</Data></Cell><Cell><Data ss:Type="String">日期</Data></Cell>
    <Cell><Data ss:Type="String">事项</Data></Cell><Cell><Data ss:Type="String">学时</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">1</Data></Cell>
    <Cell ss:StyleID="d" ss:MergeDown="1"><Data ss:Type="DateTime">2023-05-08T00:00:00.000</Data></Cell>
    <Cell><Data ss:Type="String">执法人员法治培训（上午）</Data></Cell><Cell><Data ss:Type="Number">4</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">2</Data></Cell>
    <Cell ss:Index="3"><Data ss:Type="String">执法人员法治培训（下午）</Data></Cell>
    <Cell><Data ss:Type="Number">3.5</Data></Cell>
   </Row>
   <Row>
    <Cell><Data ss:Type="Number">3</Data></Cell><Cell><Data ss:Type="String">2023年12月4日</Data></Cell>
    <Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>国家宪法日</B>宣传</ss:Data></Cell>
   </Row>
  </Table>
 </Worksheet>
 <Worksheet ss:Name="说明">
  <Table><Row><Cell><Data ss:Type="String">本表由政府办填报</Data></Cell></Row></Table>
 </Worksheet>
</Workbook>
"""


def main() -> None:
    """Write every golden file into tests/data/."""
    if not shutil.which("soffice"):
        raise SystemExit("soffice not found: apt-get install -y libreoffice-calc-nogui")
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        conv = tmp / "out"

        def build(maker: object, stem: str) -> Path:
            src = tmp / f"{stem}.xlsx"
            maker(src)  # type: ignore[operator]
            return src

        # BIFF .xls (Excel 97-2003) written by LibreOffice
        src = build(biff_source, "biff")
        shutil.copy(soffice(src, "xls:MS Excel 97", conv), OUT / "biff.xls")
        # ODS
        src = build(ods_source, "quarters")
        shutil.copy(soffice(src, "ods", conv), OUT / "quarters.ods")
        # xlsx re-saved by LibreOffice: merges, two-row header, hidden column kept
        src = build(merged_source, "merged")
        shutil.copy(soffice(src, "xlsx:Calc MS Excel 2007 XML", conv / "m"), OUT / "merged.xlsx")
        src = build(offset_source, "offset")
        shutil.copy(soffice(src, "xlsx:Calc MS Excel 2007 XML", conv / "o"), OUT / "offset.xlsx")
        # an xlsx named .xls (very common: "save as" with the wrong extension)
        shutil.copy(OUT / "offset.xlsx", OUT / "xlsx-named.xls")
        src = build(traditional_source, "traditional")
        shutil.copy(soffice(src, "xlsx:Calc MS Excel 2007 XML", conv / "t"), OUT / "traditional.xlsx")
        src = build(numerals_source, "numerals")
        shutil.copy(soffice(src, "xls:MS Excel 97", conv / "n"), OUT / "numerals.xls")
        # text exports of the merged log: GBK CSV, UTF-16 "Unicode text" (tab), UTF-8 CSV (+ BOM as Excel writes)
        simple = tmp / "simple.xlsx"
        biff_source(simple)
        gbk = soffice(simple, f"csv:Text - txt - csv (StarCalc):{GBK_CSV}{gbk_code()}", conv / "gbk")
        shutil.copy(gbk, OUT / "gbk.csv")
        u16 = soffice(simple, "txt:Text - txt - csv (StarCalc):9,34,65535", conv / "u16")
        shutil.copy(u16, OUT / "unicode.txt")
        utf8 = soffice(simple, "csv:Text - txt - csv (StarCalc):44,34,76", conv / "u8")
        (OUT / "bom.csv").write_bytes(b"\xef\xbb\xbf" + utf8.read_bytes().removeprefix(b"\xef\xbb\xbf"))
        # HTML exported by LibreOffice (UTF-8, charset in a meta tag), named .xls like web exports
        src = build(ods_source, "web")
        html = soffice(src, "html:HTML (StarCalc)", conv / "h")
        shutil.copy(html, OUT / "html-utf8.xls")
        # A web OA's export: GBK, no meta charset
        (OUT / "oa-gbk.xls").write_bytes(OA_GBK_HTML.format().encode("gbk"))
        (OUT / "xml2003.xls").write_text(SPREADSHEETML, encoding="utf-8")
        # LibreOffice must be able to open the hand-written ones too
        for name in ("oa-gbk.xls", "xml2003.xls"):
            soffice(OUT / name, "csv", conv / "check")
        # Password-protected workbooks (password: test): xls through LibreOffice's UNO API
        helper = ROOT / "scripts" / "soffice_encrypt.py"
        encrypt_ooxml(OUT / "offset.xlsx", OUT / "encrypted.xlsx")
        subprocess.run(
            ["/usr/bin/python3", str(helper), str(OUT / "biff.xls"), str(OUT / "encrypted.xls"), "xls"],
            check=True,
            timeout=180,
        )
    for p in sorted(OUT.iterdir()):
        print(f"{p.stat().st_size:>8}  {p.relative_to(ROOT)}")


def encrypt_ooxml(src: Path, dst: Path) -> None:
    """Password-protect an xlsx the way Excel does (Agile encryption in an OLE container).

    LibreOffice 7.4 cannot write encrypted OOXML, so this uses msoffcrypto-tool, a build-time tool only:
    ``pip install --target /tmp/msoff msoffcrypto-tool`` and run with ``PYTHONPATH=/tmp/msoff``.
    """
    try:
        from msoffcrypto.format.ooxml import OOXMLFile  # type: ignore[import-not-found]
    except ImportError:
        print("msoffcrypto-tool not importable: keeping the existing encrypted.xlsx", file=sys.stderr)
        return
    with open(src, "rb") as fin, open(dst, "wb") as fout:
        OOXMLFile(fin).encrypt("test", fout)


def gbk_code() -> str:
    """LibreOffice's character-set number for GBK (MS-936), for the CSV filter's third token."""
    return "85" if len(sys.argv) < 2 else sys.argv[1]


if __name__ == "__main__":
    main()
