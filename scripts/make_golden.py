"""Build the golden input logs in tests/data/ with a real office suite (LibreOffice).

    apt-get install -y libreoffice-calc-nogui      # soffice, and python3-uno for the encrypted files
    python scripts/make_golden.py                  # writes tests/data/*; tests never need LibreOffice
    python scripts/make_golden.py --qa             # only the shapes found by QA (date-forms.xls, cover.ods …)

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
#: A private LibreOffice profile, so a desktop LibreOffice (or another conversion) running meanwhile does not clash.
PROFILE = Path(tempfile.gettempdir()) / "dutyaudit-golden-lo-profile"


def soffice(src: Path, target: str, outdir: Path, infilter: str = "") -> Path:
    """Convert ``src`` with LibreOffice; ``target`` is "ext" or "ext:Filter:options"; ``infilter`` names the
    import filter (as Calc opens the file). Returns the new file."""
    outdir.mkdir(parents=True, exist_ok=True)
    profile = f"-env:UserInstallation={PROFILE.as_uri()}"
    opts = [f"--infilter={infilter}"] if infilter else []
    subprocess.run(
        ["soffice", profile, "--headless", *opts, "--convert-to", target, "--outdir", str(outdir), str(src)],
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


# --- Shapes found by adversarial QA (each one broke or misread before it was fixed) -----------------------


def date_forms_source(path: Path) -> None:
    """Dates clerks write that once misread: parts of a month or year, a time range, an apostrophe, m/d/yyyy."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "县委"
    _title(ws, "测试县2023年度工作台账", "C")
    ws.append(["序号", "日期", "事项"])
    rows = [
        "3月上旬",  # → 3-01 (a part of a month: its first day)
        "2023年6月下旬",  # → 6-21
        "2023年第三季度",  # → 7-01
        "2023年3月5日 9:00-11:30",  # a time range, not 3-05 to 3-11
        "'2023-04-06",  # an apostrophe some systems put before a date to keep it text
        "12/4/2023",  # month/day/year, as an English-locale Excel writes
        "2023年",  # only the year: warned, not audited
    ]
    for i, d in enumerate(rows, 1):
        ws.append([i, d, f"法治专题讲座（第{i}期）"])
    wb.save(path)


def typed_dates_source(path: Path) -> None:
    """Dates as typed on a Chinese keyboard: the letter O for 〇, two-digit years, 20230705 as a number; the
    year without a day in the title (二O二三年度); a 以下空白 row closing the printed form."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "县政府"
    _title(ws, "测试县二O二三年度法治政府建设工作台账", "C")
    ws.append(["序号", "日期", "事项"])
    ws.append([1, "二O二三年三月十五日", "县政府常务会议听取法治政府建设情况汇报"])
    ws.append([2, "23年5月8日", "执法人员法治培训"])
    ws.append([3, "23.6.1", "政府常务会议会前学法"])
    ws.append([4, 20230705, "法治政府建设督察"])  # a number cell
    ws.append([5, "9月1日", "领导干部法治讲座"])  # the year from the title's 二O二三
    ws.append([6, None, "以下空白"])
    wb.save(path)


def summary_source(path: Path) -> None:
    """A 汇总 sheet copying the month sheets (and one row only it has): each activity must count once."""
    wb = openpyxl.Workbook()
    total = wb.active
    total.title = "汇总"
    _title(total, "测试县2023年法治建设工作台账（汇总）", "D")
    total.append(["序号", "日期", "事项", "责任主体"])
    rows = [
        (dt.date(2023, 1, 10), "县委常委会听取法治建设工作汇报", "县委"),
        (dt.date(2023, 2, 20), "县政府常务会议学法", "县政府"),
        (dt.date(2023, 3, 5), "法治专题讲座", "县委"),
    ]
    for i, (d, t, r) in enumerate([*rows, (dt.date(2023, 3, 28), "国家安全法专题学习", "县委")], 1):
        total.append([i, d, t, r])
    for month in (1, 2, 3):
        ws = wb.create_sheet(f"{month}月")
        _title(ws, f"测试县2023年{month}月法治建设工作台账", "D")
        ws.append(["序号", "日期", "事项", "责任主体"])
        for i, (d, t, r) in enumerate([x for x in rows if x[0].month == month], 1):
            ws.append([i, d, t, r])
    wb.save(path)


def cover_source(path: Path) -> None:
    """A cover page and a contents page before the log; the cover names the unit and the year."""
    wb = openpyxl.Workbook()
    cover = wb.active
    cover.title = "封面"
    cover["B5"] = "测试县2023年度"
    cover["B7"] = "党政主要负责人履行推进法治建设第一责任人职责工作台账"
    cover["B12"] = "编制单位：测试县委依法治县办"
    toc = wb.create_sheet("目录")
    toc.append(["序号", "内容", "页码"])
    toc.append([1, "工作台账", 2])
    log = wb.create_sheet("台账")
    log.append(["序号", "日期", "事项", "责任主体"])
    log.append([1, "3月15日", "县委常委会听取法治建设工作汇报", "县委"])  # the year is on the cover
    log.append([2, "6月8日", "法治专题讲座", "县委"])
    wb.save(path)


def sections_source(path: Path) -> None:
    """Section rows (一、县委… merged across) that give the role, header names with hints and colons, and a
    second table below with its own header (二、培训情况: 培训名称 | 培训日期 | 学时)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    _title(ws, "测试县2023年度党政主要负责人履行推进法治建设第一责任人职责台账", "E")
    ws.append(["序号", "*日期（格式：2023-03-15）", "履职事项：", "形式", "佐证材料"])
    ws.append(["一、县委主要负责人履职情况"])
    ws.merge_cells("A3:E3")
    ws.append([1, dt.date(2023, 3, 15), "主持召开常委会会议听取法治建设工作汇报", "会议", "纪要"])
    ws.append([2, dt.date(2023, 6, 8), "带头讲法治课", "讲座", "照片"])
    ws.append(["二、县政府主要负责人履职情况"])
    ws.merge_cells("A6:E6")
    ws.append([1, dt.date(2023, 2, 20), "向县委报告法治政府建设情况", "报告", "报告"])
    ws.append([])
    ws.append(["三、培训情况"])
    ws.merge_cells("A9:E9")
    ws.append(["序号", "培训名称", "培训日期", "学时", "参训人员"])
    ws.append([1, "执法人员法治培训", dt.date(2023, 5, 8), 16, "全体执法人员"])
    ws.append([2, "领导干部学法用法专题培训", dt.date(2023, 9, 1), 3, "县政府领导"])
    wb.save(path)


def side_by_side_source(path: Path) -> None:
    """Two tables side by side in one sheet, each under a label naming its body (县委 | 县政府)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "2023年台账"
    ws["A1"], ws["E1"] = "县委", "县政府"
    ws.merge_cells("A1:C1")
    ws.merge_cells("E1:G1")
    ws.append(["日期", "事项", "形式", None, "日期", "事项", "形式"])
    ws.append(
        [
            dt.date(2023, 3, 15),
            "常委会听取法治建设工作汇报",
            "会议",
            None,
            dt.date(2023, 2, 20),
            "报告法治政府建设情况",
            "报告",
        ]
    )
    ws.append([dt.date(2023, 6, 8), "中心组学法", "学法", None, dt.date(2023, 7, 6), "常务会议会前学法", "学法"])
    ws.append([None, None, None, None, dt.date(2023, 9, 1), "法治专题讲座", "讲座"])
    wb.save(path)


def english_source(path: Path) -> None:
    """English headers and types, as a bilingual template has them."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Log"
    ws.append(["No.", "Date", "Activity Name", "Activity Type", "Owner", "Dept", "Hours"])
    ws.append([1, dt.date(2023, 3, 15), "县委常委会听取法治建设工作汇报", "Meeting", "县委", "测试县", None])
    ws.append([2, dt.date(2023, 5, 15), "法治专题讲座", "Lecture", "县委", "测试县", 2])
    ws.append([3, dt.date(2023, 9, 1), "执法人员法治培训", "Training", "县政府", "测试县", 16])
    wb.save(path)


def formula_title_source(path: Path) -> None:
    """A title made by a formula (="测试县"&H1&"年度…") with the year in a stray cell H1, and dates that are all
    in the next year: the title stays a title, and 6月1日 is read in the year of the other dates."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "县委"
    ws["H1"] = 2023
    ws["A1"] = '="测试县"&H1&"年度法治建设工作台账"'
    ws.merge_cells("A1:C1")
    ws.append(["日期", "事项", "责任主体"])
    ws.append([dt.date(2024, 3, 15), "常委会听取法治建设工作汇报", "县委"])
    ws.append([dt.date(2024, 5, 15), '=CONCATENATE("法治","专题讲座")', "县委"])
    ws.append(["6月1日", "中心组学法", "县委"])
    wb.save(path)


OA_CAPTION_HTML = """<html xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>履职台账</x:Name>
</x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]--></head>
<body>
<table border=1>
<caption>测试县2023年度履职台账</caption>
<thead><tr><th>序号</th><th>履职时间</th><th>履职事项</th><th>履职主体</th></tr></thead>
<tbody>
<tr><td>1</td><td style="mso-number-format:'yyyy-mm-dd'">2023-03-15</td>
<td>县委常委会听取法治建设工作汇报（镕）</td><td>县委</td></tr>
<tr><td>2</td><td>&nbsp;</td><td>法治专题讲座</td><td>县委</td></tr>
<tr><td>3</td><td>2023年5月15日</td><td>县政府常务会议学法</td><td>县政府</td></tr>
</tbody></table>
<p>导出时间：2024-01-05 10:00</p>
</body></html>
"""

OA_QUERY_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>履职台账导出</title><style>td{border:1px solid #000}</style></head>
<body>
<div class="title">测试县司法局2023年度法治建设工作台账</div>
<p>填报单位：测试县司法局</p>
<table><tr><td>查询条件：</td><td>起止日期：2023-01-01 至 2023-12-31</td></tr>
<tr><td>办理状态：</td><td>全部</td></tr></table>
<table>
<thead><tr><th>序号</th><th>办理时间</th><th>事项名称</th><th>办理人</th></tr></thead>
<tbody>
<tr><td>1</td><td>2023-03-15</td><td>行政复议案件审查</td><td>张三</td></tr>
<tr><td>2</td><td>3月20日</td><td>规范性文件合法性审核</td><td>李四</td></tr>
</tbody>
<tfoot><tr><td>合计</td><td></td><td>2件</td><td></td></tr></tfoot>
</table>
<p>导出时间：2024-01-05 10:00</p>
<div>第 1 页 共 1 页</div>
</body></html>
"""

EXCEL_SEP_CSV = (
    "sep=;\r\n"
    "序号;日期;事项;责任主体\r\n"
    '="001";="2023-03-15";"县委常委会会议\r\n听取法治建设工作汇报";县委\r\n'
    '="002";12/4/2023;国家宪法日集中宣传活动;县政府\r\n'
)


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


def qa_goldens(tmp: Path) -> None:
    """The shapes found by adversarial QA: LibreOffice writes the workbooks (xls, xlsx, ods) and the Big5 CSV;
    the text and HTML shapes other systems write are written here, then opened by LibreOffice as a check."""
    conv = tmp / "qa"
    made = [
        (date_forms_source, "date-forms", "xls:MS Excel 97", "xls"),
        (typed_dates_source, "typed-dates", "xls:MS Excel 97", "xls"),
        (summary_source, "summary", "xlsx:Calc MS Excel 2007 XML", "xlsx"),
        (cover_source, "cover", "ods", "ods"),
        (sections_source, "sections", "xls:MS Excel 97", "xls"),
        (side_by_side_source, "side-by-side", "ods", "ods"),
        (english_source, "english", "xlsx:Calc MS Excel 2007 XML", "xlsx"),
        (formula_title_source, "formula-title", "xlsx:Calc MS Excel 2007 XML", "xlsx"),
    ]
    for maker, stem, target, ext in made:
        src = tmp / f"{stem}.xlsx"
        maker(src)
        shutil.copy(soffice(src, target, conv / stem), OUT / f"{stem}.{ext}")
    # Big5 CSV (LibreOffice's character set 86), from a traditional-script log
    src = tmp / "big5.xlsx"
    traditional_source(src)
    shutil.copy(soffice(src, "csv:Text - txt - csv (StarCalc):44,34,86", conv / "big5"), OUT / "big5.csv")
    # UTF-16 big-endian without a BOM (what some Java/.NET exports write): LibreOffice's UTF-16 text, swapped
    u16 = soffice(src, "txt:Text - txt - csv (StarCalc):9,34,65535", conv / "u16be").read_bytes()
    text = u16.decode("utf-16").lstrip("\ufeff")
    (OUT / "utf16be.txt").write_bytes(text.encode("utf-16-be"))
    (OUT / "oa-caption.xls").write_bytes(OA_CAPTION_HTML.encode("gb18030"))
    (OUT / "excel-sep.csv").write_bytes(EXCEL_SEP_CSV.encode("utf-8-sig"))
    (OUT / "oa-query.xls").write_bytes(OA_QUERY_HTML.encode("utf-8"))
    # A password-protected ODS (password: test), saved by LibreOffice through its UNO API
    helper = ROOT / "scripts" / "soffice_encrypt.py"
    subprocess.run(
        ["/usr/bin/python3", str(helper), str(OUT / "cover.ods"), str(OUT / "encrypted.ods"), "ods"],
        check=True,
        timeout=180,
    )
    for name in ("oa-caption.xls", "excel-sep.csv"):  # (LibreOffice does not detect UTF-16 without a BOM)
        soffice(OUT / name, "csv", conv / "check")
    # Web exports open as one sheet: lines of text and tables one after another. The row numbers the tests
    # expect are the ones LibreOffice shows.
    shown = soffice(OUT / "oa-query.xls", "csv:Text - txt - csv (StarCalc):44,34,76", conv / "rows", "HTML (StarCalc)")
    lines = shown.read_text(encoding="utf-8").splitlines()
    assert lines[4].startswith("序号,办理时间,事项名称") and lines[5].startswith("1,2023-03-15,"), lines


def main() -> None:
    """Write every golden file into tests/data/ (``--qa``: only the shapes found by QA)."""
    if not shutil.which("soffice"):
        raise SystemExit("soffice not found: apt-get install -y libreoffice-calc-nogui")
    OUT.mkdir(parents=True, exist_ok=True)
    if "--qa" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp_name:
            qa_goldens(Path(tmp_name))
        return
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        conv = tmp / "out"
        qa_goldens(tmp)

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
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    return args[0] if args else "85"


if __name__ == "__main__":
    main()
