"""Generate large, realistic activity logs for benchmarks (not run by CI).

    python benchmarks/generate.py --rows 100000 --out benchmarks/data/log-100k.xlsx
    python benchmarks/generate.py --rows 100000 --one-sheet --out benchmarks/data/log-100k-1sheet.xlsx
    python benchmarks/generate.py --counties 200 --rows 300 --out-dir benchmarks/data/counties

Rows mix titles that match duties (会前学法, 听取法治建设工作汇报, 法治专题讲座, 出庭应诉 …) with ordinary
work items, dates in several written forms, a title row above the header and two sheets (县委/县政府).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
from pathlib import Path

TITLES = [
    "县委常委会会议听取{y}年度法治建设工作汇报",
    "县政府常务会议会前学法：{law}",
    "举办法治专题讲座：{law}解读",
    "县委理论学习中心组集体学法",
    "行政机关负责人出庭应诉（{case}号案件）",
    "县政府向县委报告{py}年度法治政府建设情况",
    "组织开展“12·4”国家宪法日集中宣传活动",
    "执法人员法治培训",
    "召开全面依法治县委员会会议",
    "研究部署法治督察工作",
    "规范性文件合法性审核",
    "年终述法",
    "乡村振兴工作推进会",
    "安全生产检查",
    "招商引资项目调度会",
    "防汛工作部署会议",
    "信访接待日",
    "党建工作会议",
]
LAWS = ["宪法", "民法典", "行政复议法", "行政处罚法", "安全生产法", "土地管理法"]
HEADER = ["序号", "日期", "活动名称", "活动类型", "责任主体", "责任人", "学时", "佐证材料", "出庭情况"]
TYPES = ["会议", "学法", "讲座", "培训", "报告", "宣传", "出庭", "其他"]


def date_text(rng: random.Random, d: dt.date) -> object:
    form = rng.randrange(5)
    if form == 0:
        return d
    if form == 1:
        return f"{d.year}年{d.month}月{d.day}日"
    if form == 2:
        return f"{d.year}/{d.month}/{d.day}"
    if form == 3:
        return f"{d.year}.{d.month}.{d.day}"
    return d.isoformat()


def rows(rng: random.Random, n: int, year: int) -> list[list[object]]:
    out = []
    start = dt.date(year, 1, 1)
    for i in range(n):
        d = start + dt.timedelta(days=rng.randrange(365))
        title = rng.choice(TITLES).format(y=year - 1, py=year - 1, law=rng.choice(LAWS), case=rng.randrange(999))
        out.append(
            [
                i + 1,
                date_text(rng, d),
                title,
                rng.choice(TYPES),
                rng.choice(["县委", "县政府"]),
                rng.choice(["张三", "李四", "王五", "赵六"]),
                rng.choice([None, 2, 4, 8]),
                "会议纪要",
                rng.choice(["已出庭", "未出庭", ""]),
            ]
        )
    return out


def write_xlsx(path: Path, data: list[list[object]], unit: str, year: int, one_sheet: bool = False) -> None:
    """Two sheets (县委/县政府) of half the rows each, or one sheet 台账 (rows + title, header and 合计 rows)."""
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    half = len(data) // 2
    parts = [("台账", data)] if one_sheet else [("县委", data[:half]), ("县政府", data[half:])]
    for name, chunk in parts:
        ws = wb.create_sheet(name)
        ws.append([f"{unit}{year}年度党政主要负责人履行推进法治建设第一责任人职责工作台账"])
        ws.append(HEADER)
        for r in chunk:
            ws.append(r)
        ws.append(["合计", "", f"{len(chunk)}项"])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--year", type=int, default=2023)
    ap.add_argument("--out", type=Path, help="one log with --rows rows")
    ap.add_argument("--counties", type=int, help="write this many county logs into --out-dir")
    ap.add_argument("--out-dir", type=Path)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--one-sheet", action="store_true", help="one sheet of --rows rows (+3) instead of two halves")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    if args.out:
        write_xlsx(args.out, rows(rng, args.rows, args.year), "盘山县", args.year, args.one_sheet)
        print(f"wrote {args.out} ({args.rows} rows)")
    if args.counties:
        if not args.out_dir:
            ap.error("--counties needs --out-dir")
        for i in range(args.counties):
            unit = f"第{i + 1:03d}县"
            write_xlsx(args.out_dir / f"{unit}-{args.year}.xlsx", rows(rng, args.rows, args.year), unit, args.year)
        print(f"wrote {args.counties} logs to {args.out_dir}")


if __name__ == "__main__":
    main()
