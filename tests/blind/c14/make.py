#!/usr/bin/env python3
"""Build the three c14 logs and gold.json from the row lists, then self-check."""
import csv, json, re, datetime, os, sys
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font, Alignment
HERE = os.path.dirname(os.path.abspath(__file__)); os.chdir(HERE)
sys.path.insert(0, HERE)
import rows_panjin, rows_shapotou, rows_shizuishan

def iso(s):
    if not s: return None
    m = re.match(r"(\d{4})[.\-/](\d{1,2})[.\-/](\d{1,2})$", s)
    return "%04d-%02d-%02d" % tuple(map(int, m.groups()))

def entry(sheet, row, title, date, clauses, role, doubtful, also, note):
    e = {"sheet": sheet, "row": row, "title": title, "date": date}
    ooy = date is not None and not date.startswith("2023")
    if ooy:
        e.update(clauses=[], role="none", doubtful=False, out_of_year=True,
                 clauses_if_in_year=list(clauses), role_if_in_year=(role if clauses else "none"))
        if doubtful: e["doubtful"] = True
    else:
        e.update(clauses=list(clauses), role=(role if clauses else "none"), doubtful=doubtful)
    if also: e["also_acceptable"] = list(also)
    if note: e["note"] = note
    return e

files = []
# ---------- panjin_Q_2023.csv ----------
fn = "panjin_Q_2023.csv"; stem = fn[:-4]
hdr = ["督办编号", "交办日期", "事项来源", "督办事项", "办理结果", "办结日期"]
with open(fn, "w", encoding="utf-8", newline="") as f:
    w = csv.writer(f); w.writerow(hdr)
    rows = []
    for i, r in enumerate(rows_panjin.ROWS):
        no, jb, src, item, res, bj, cl, role, dbt, also, note = r
        w.writerow([no, jb, src, item, res, bj])
        rows.append(entry(stem, i + 2, item + "；" + res, iso(bj), cl, role, dbt, also, note))
files.append({"file": fn, "pack": "panjin", "year": 2023, "role_hint": None,
  "unit": "盘锦市盘山县委依法治县办（督查督办系统导出，记录县委书记、县长交办的法治事项及其他督办件）",
  "style": "督办系统CSV导出，UTF-8无BOM，CRLF；表头即第1行；督办事项为交办内容，办理结果为实际办理情况；以办结日期为准；未办结件办理结果为“正在办理”、办结日期为空；部分件交办在2022或2023年底、办结跨年",
  "encoding": "utf-8", "rows": rows})

# ---------- shapotou_P_2023.xlsx ----------
fn = "shapotou_P_2023.xlsx"; sh = "会议决定事项台账"
wb = Workbook(); ws = wb.active; ws.title = sh
ws["A1"] = "文昌镇人民政府2023年会议决定事项台账"; ws.merge_cells("A1:D1"); ws["A1"].font = Font(bold=True, size=14)
for j, h in enumerate(["日期", "会议名称", "议题", "决定事项"], 1):
    ws.cell(2, j, h).font = Font(bold=True)
def skey(r):
    y, m, d = map(int, r[0].split(".")); return (y, m, d)
srows = sorted(rows_shapotou.ROWS, key=skey)
rows = []
for i, r in enumerate(srows):
    d, name, topic, dec, cl, role, dbt, also, note = r
    x = i + 3
    for j, v in enumerate([d, name, topic, dec], 1):
        c = ws.cell(x, j, v); c.number_format = "@"; c.alignment = Alignment(wrap_text=True, vertical="top")
    rows.append(entry(sh, x, name + "；" + topic + "；" + dec, iso(d), cl, role, dbt, also, note))
for col, wd in zip("ABCD", (12, 16, 40, 56)): ws.column_dimensions[col].width = wd
wb.save(fn)
files.append({"file": fn, "pack": "shapotou", "year": 2023, "role_hint": "乡镇政府",
  "unit": "中卫市沙坡头区文昌镇人民政府（党政办记的会议决定事项台账）",
  "style": "xlsx，第1行合并标题、第2行表头；日期为文本“2023.3.15”；会议名称多为笼统的镇长办公会/班子会/专题会，实质内容在议题和决定事项中；议题常为“1.会前学法：…；2.…”",
  "rows": rows})

# ---------- shizuishan_H_2023.xlsx ----------
fn = "shizuishan_H_2023.xlsx"
OFFICE = {1,2,3,6,7,8,9,11,12,14,16,20,21,22,38,47,49,51}
ROLE_OVR = {18: "市审批局", 34: "市司法局"}
def zrole(cl):
    ts = [int(c[2:]) for c in cl if c.startswith("任务")]
    for t in ts:
        if t in ROLE_OVR: return ROLE_OVR[t]
    if any(c.startswith("三(") for c in cl) or any(t in OFFICE for t in ts): return "市政府办公室"
    return "市政府各部门"
wb = Workbook(); wb.remove(wb.active)
rows = []; sheets = {}
for name in (rows_shizuishan.H1, rows_shizuishan.H2):
    ws = wb.create_sheet(name)
    for j, h in enumerate(["时间", "工作开展情况", "对应任务", "责任单位"], 1):
        ws.cell(1, j, h).font = Font(bold=True)
    for col, wd in zip("ABCD", (12, 70, 14, 22)): ws.column_dimensions[col].width = wd
    sheets[name] = ws
    part = sorted([r for r in rows_shizuishan.ROWS if r[0] == name], key=lambda r: r[1])
    for i, r in enumerate(part):
        _, d, text, task, unit, cl, dbt, also, note = r
        x = i + 2
        c = ws.cell(x, 1, datetime.datetime.strptime(d, "%Y-%m-%d")); c.number_format = "yyyy/m/d"
        ws.cell(x, 2, text).alignment = Alignment(wrap_text=True, vertical="top")
        ws.cell(x, 3, task if task else None); ws.cell(x, 4, unit)
        rows.append(entry(name, x, text, d, cl, zrole(cl) if cl else "none", dbt, also, note))
wb.save(fn)
files.append({"file": fn, "pack": "shizuishan", "year": 2023, "role_hint": "市政府办公室",
  "unit": "石嘴山市人民政府办公室（市政府“八大提升行动”工作台账）",
  "style": "xlsx两张表（2023年上半年/2023年下半年），表头在第1行；时间为Excel日期单元格；对应任务为经办人自填（“47”“任务5年度报告”“立法计划”等，多数正确，部分填错或空白）；常务会议条目80–150字，写明会前学法和审议事项",
  "rows": rows})

json.dump({"files": files}, open("gold.json", "w", encoding="utf-8"), ensure_ascii=False, indent=1)

# ---------- self-check ----------
CN = "一二三四五六七八九十"
def cn(n): return CN[n-1] if n <= 10 else ("十" + CN[n-11] if n < 20 else None)
valid = {"panjin": set(), "shapotou": set(), "shizuishan": set()}
V = valid["panjin"]
for a, k in (("一", 6), ("二", 5), ("四", 5)):
    for i in range(1, k + 1): V.add(f"{a}({cn(i)})")
pg = {"三(一)": [(1,3),(4,7),(8,9),(10,12),(13,16),(17,20),(21,22)],
      "三(二)": [(1,5),(6,10),(11,15),(16,18),(19,21),(22,25),(26,27)]}
for p, groups in pg.items():
    V.add(p)
    for g, (lo, hi) in enumerate(groups, 1):
        V.add(f"{p}{g}")
        for m in range(lo, hi + 1): V.add(f"{p}{g}({m})")
V = valid["shapotou"]
sp = {"一": (12, {"四": (1,3), "五": (4,4), "六": (5,7), "七": (8,9), "八": (10,13), "九": (14,15), "十": (16,16)}),
      "二": (10, {"四": (1,3), "五": (4,7), "六": (8,13), "七": (14,15), "八": (16,20), "九": (21,22)}),
      "三": (15, {})}
for a, (k, kids) in sp.items():
    for i in range(1, k + 1): V.add(f"{a}（{cn(i)}）")
    for par, (lo, hi) in kids.items():
        for m in range(lo, hi + 1): V.add(f"{a}（{par}）{m}")
V = valid["shizuishan"]
for i in range(1, 52): V.add(f"任务{i}")
for i in range(1, 5): V.add(f"三({cn(i)})")
roles = {"panjin": {"党委", "政府", "党委|政府"}, "shapotou": {"乡镇党委", "乡镇政府", "乡镇党委|乡镇政府", "部门"},
         "shizuishan": {"市政府办公室", "市政府各部门", "市审批局", "市司法局"}}
# text cross-check against the documents
docs = {p: open(f"/work/shared/seeds/clean/{p}.txt", encoding="utf-8").read() for p in valid}
err = 0
for f in files:
    p = f["pack"]
    if f["file"].endswith(".csv"):
        lines = open(f["file"], encoding="utf-8", newline="").read().split("\r\n")
        recs = list(csv.reader(open(f["file"], encoding="utf-8", newline="")))
        get = lambda r: (recs[r["row"] - 1][3] + "；" + recs[r["row"] - 1][4], iso(recs[r["row"] - 1][5]))
        assert len(recs) - 1 == len(f["rows"]), "csv row count"
    else:
        wb = load_workbook(f["file"])
        def get(r, wb=wb, p=p):
            ws = wb[r["sheet"]]
            if p == "shapotou":
                v = [ws.cell(r["row"], j).value for j in range(1, 5)]
                return "；".join(v[1:]), iso(v[0])
            d = ws.cell(r["row"], 1).value
            return ws.cell(r["row"], 2).value, d.strftime("%Y-%m-%d")
        nd = sum(ws.max_row - (2 if p == "shapotou" else 1) for ws in wb.worksheets)
        assert nd == len(f["rows"]), (f["file"], nd, len(f["rows"]))
    seen = set()
    for r in f["rows"]:
        t, d = get(r)
        if t != r["title"] or d != r["date"]: print("MISMATCH", f["file"], r["row"], t, d); err += 1
        k = (r["sheet"], r["row"]); assert k not in seen; seen.add(k)
        for c in r["clauses"] + r.get("also_acceptable", []) + r.get("clauses_if_in_year", []):
            if c not in valid[p]: print("BADLABEL", f["file"], r["row"], c); err += 1
        if r["clauses"] and r["role"] not in roles[p]: print("BADROLE", r); err += 1
        if not r["clauses"] and r["role"] != "none": print("ROLE!=none", r); err += 1
    ev = sum(1 for r in f["rows"] if r["clauses"]); oy = sum(1 for r in f["rows"] if r.get("out_of_year"))
    n = len(f["rows"]); di = n - ev - oy
    cls = sorted({c for r in f["rows"] for c in r["clauses"]})
    print(f"{f['file']}: {n} rows, evidence {ev}, distractor {di}, out_of_year {oy}, doubtful {sum(r['doubtful'] for r in f['rows'])}, distinct clauses {len(cls)}")
print("self-check", "OK" if not err else f"{err} ERRORS")
sys.exit(1 if err else 0)
