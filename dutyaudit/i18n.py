"""Labels in Chinese (default) and English. Duty texts and log content are never translated."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Lang = Literal["zh", "en"]

LABELS: dict[str, dict[str, str]] = {
    # statuses
    "met": {"zh": "达标", "en": "met"},
    "partial": {"zh": "部分", "en": "partial"},
    "late": {"zh": "逾期", "en": "late"},
    "missing": {"zh": "缺失", "en": "missing"},
    "waived": {"zh": "豁免", "en": "waived"},
    # kinds
    "kind.count": {"zh": "次数", "en": "count"},
    "kind.deadline": {"zh": "时限", "en": "deadline"},
    "kind.sum": {"zh": "累计", "en": "sum"},
    "kind.rate": {"zh": "比率", "en": "rate"},
    "kind.each": {"zh": "逐项", "en": "each"},
    "kind.evidence": {"zh": "佐证", "en": "evidence"},
    # periods
    "per.year": {"zh": "每年", "en": "per year"},
    "per.half": {"zh": "每半年", "en": "per half-year"},
    "per.quarter": {"zh": "每季度", "en": "per quarter"},
    "per.month": {"zh": "每月", "en": "per month"},
    "period.year": {"zh": "全年", "en": "year"},
    "period.half": {"zh": "{n}半年", "en": "H{i}"},
    "period.quarter": {"zh": "第{i}季度", "en": "Q{i}"},
    "period.month": {"zh": "{i}月", "en": "month {i}"},
    "half.1": {"zh": "上", "en": "1"},
    "half.2": {"zh": "下", "en": "2"},
    # requirements in words
    "req.count": {"zh": "{per}至少{min}次", "en": "at least {min} {per}"},
    "req.deadline": {"zh": "{mm}月{dd}日前完成", "en": "done by {mm:02d}-{dd:02d}"},
    "req.sum": {"zh": "累计不少于{min}{unit}", "en": "at least {min} {unit} in total"},
    "req.sum_pp": {"zh": "每人不少于{min}{unit}", "en": "at least {min} {unit} per person"},
    "req.rate": {"zh": "{of}达标率不低于{min}%", "en": "at least {min}% of {of}"},
    "req.each": {"zh": "每项均须满足：{cond}", "en": "every item must satisfy: {cond}"},
    "req.evidence": {"zh": "有履职佐证", "en": "evidence that it was done"},
    "req.window": {"zh": "（限{from_}至{to}）", "en": " (between {from_} and {to})"},
    # shortfalls
    "short.none": {"zh": "", "en": ""},
    "short.count": {"zh": "差{n}次", "en": "{n} short"},
    "short.periods": {"zh": "{periods}未达{min}次", "en": "below {min} in {periods}"},
    "short.deadline_missing": {"zh": "无记录（应于{by}前）", "en": "no record (due by {by})"},
    "short.late": {"zh": "逾期：{date}完成（应于{by}前）", "en": "late: done {date} (due by {by})"},
    "short.sum": {"zh": "差{n}{unit}", "en": "{n} {unit} short"},
    "short.persons": {"zh": "{n}人未达标：{names}", "en": "{n} below: {names}"},
    "short.rate": {"zh": "差{n}个百分点", "en": "{n} points short"},
    "short.each": {"zh": "{n}项不符合（{rows}）", "en": "{n} not satisfying ({rows})"},
    "short.missing": {"zh": "无记录", "en": "no record"},
    "short.no_cases": {"zh": "无{of}记录", "en": "no {of} rows"},
    "sep": {"zh": "、", "en": ", "},
    # --- scorecard and template (report/excel.py, template.py): keep keys prefixed "xl."
    "xl.sheet.overview": {"zh": "总览", "en": "Overview"},
    "xl.sheet.duties": {"zh": "职责明细", "en": "Duties"},
    "xl.sheet.evidence": {"zh": "佐证记录", "en": "Evidence"},
    "xl.sheet.unmatched": {"zh": "未匹配记录", "en": "Unmatched"},
    "xl.sheet.warnings": {"zh": "读取警告", "en": "Warnings"},
    "xl.title": {"zh": "{unit} {year}年度履职情况评分表", "en": "{unit} — duty scorecard {year}"},
    "xl.duties_title": {"zh": "{unit} {year}年度职责履行明细", "en": "{unit} — duties {year}"},
    "xl.evidence_title": {"zh": "{unit} {year}年度佐证记录", "en": "{unit} — evidence rows {year}"},
    "xl.unmatched_title": {
        "zh": "{unit} {year}年度未匹配任何职责的记录",
        "en": "{unit} — rows matching no duty {year}",
    },
    "xl.warnings_title": {"zh": "{unit} 台账读取警告", "en": "{unit} — rows and sheets not read"},
    "xl.no_unit": {"zh": "未注明单位", "en": "unit not stated"},
    "xl.none": {"zh": "（无）", "en": "(none)"},
    "xl.more": {
        "zh": "另有{n}行未列出，完整清单请用 --format json 导出",
        "en": "{n} more rows not listed; use --format json",
    },
    "xl.ov.unit": {"zh": "被审核单位", "en": "Unit"},
    "xl.ov.pack": {"zh": "职责清单", "en": "Duty list"},
    "xl.ov.issuer": {"zh": "发布机关", "en": "Issued by"},
    "xl.ov.issued": {"zh": "（{date}印发）", "en": " ({date})"},
    "xl.ov.jurisdiction": {"zh": "适用地区", "en": "Jurisdiction"},
    "xl.ov.year": {"zh": "审核年度", "en": "Audit year"},
    "xl.ov.scope": {"zh": "审核范围", "en": "Scope"},
    "xl.ov.scope_all": {"zh": "全部责任主体", "en": "all roles"},
    "xl.ov.files": {"zh": "审核台账", "en": "Logs audited"},
    "xl.ov.rows": {"zh": "读取记录", "en": "Rows read"},
    "xl.ov.rows_value": {
        "zh": "{rows}行 = 计入佐证{used}行 + 未匹配{unmatched}行 + 未计入{excluded}行（见“未计入记录”）；"
        "读取警告{warnings}条",
        "en": "{rows} rows = {used} counted as evidence + {unmatched} matched no duty + {excluded} excluded "
        "(see Excluded); {warnings} warnings",
    },
    "xl.ov.produced": {"zh": "生成日期", "en": "Produced"},
    "xl.ov.produced_value": {"zh": "{date}（dutyaudit {version}）", "en": "{date} (dutyaudit {version})"},
    "xl.ov.score": {"zh": "得分", "en": "Score"},
    "xl.ov.grade": {"zh": "等次", "en": "Grade"},
    "xl.ov.bands": {"zh": "（{bands}）", "en": " ({bands})"},
    "xl.ov.method": {"zh": "计分方法", "en": "Scoring"},
    "xl.ov.method_text": {
        "zh": "得分 = 100 × Σ(权重 × 完成系数) ÷ Σ权重，豁免项不计；达标计1，部分按实际÷应达计（最高1），"
        "逾期计0.5，缺失计0。每项结论所依据的台账行见“佐证记录”。",
        "en": "score = 100 × Σ(weight × credit) ÷ Σ weight over duties not waived; credit 1 for met, "
        "found ÷ required (at most 1) for partial, 0.5 for late, 0 for missing. The log rows behind each "
        "verdict are on the Evidence sheet.",
    },
    "xl.ov.by_role": {"zh": "各责任主体履职情况", "en": "Verdicts by role"},
    "xl.ov.role": {"zh": "责任主体", "en": "Role"},
    "xl.ov.total": {"zh": "合计", "en": "Total"},
    "xl.ov.role_score": {"zh": "得分", "en": "Score"},
    "xl.ov.chart_title": {"zh": "各责任主体履职情况（项）", "en": "Verdicts by role (duties)"},
    "xl.ov.chart_axis": {"zh": "职责项数", "en": "duties"},
    "xl.ov.reviewer": {"zh": "审核人（签字）：", "en": "Reviewed by:"},
    "xl.ov.checker": {"zh": "复核人（签字）：", "en": "Checked by:"},
    "xl.ov.date": {"zh": "日期：", "en": "Date:"},
    "xl.ov.no_grade": {"zh": "低于{low}不评等次", "en": "no grade below {low}"},
    "xl.ov.verdict_line": {"zh": "共{total}项职责：{counts}", "en": "{total} duties: {counts}"},
    "xl.ov.gaps": {"zh": "未达要求的职责（{n}项）", "en": "Duties below requirement ({n})"},
    "xl.ov.no_gaps": {"zh": "各项职责均已达到要求", "en": "Every duty meets its requirement"},
    "xl.ov.col.duty": {"zh": "职责编号", "en": "Duty"},
    "xl.ov.col.clause": {"zh": "条款", "en": "Clause"},
    "xl.ov.col.label": {"zh": "职责", "en": "Duty"},
    "xl.ov.col.status": {"zh": "结论", "en": "Status"},
    "xl.ov.col.found_required": {"zh": "实际/应达", "en": "Found/required"},
    "xl.ov.col.shortfall": {"zh": "差距说明", "en": "Shortfall"},
    "xl.ov.col.evidence": {"zh": "佐证（日期 事项）", "en": "Evidence (date, title)"},
    "xl.ov.opinion": {"zh": "审核意见：", "en": "Reviewer's opinion:"},
    "xl.ev.sep": {"zh": "；", "en": "; "},
    "xl.ev.more": {"zh": "等{n}条", "en": " … {n} rows in all"},
    "xl.ov.seal": {"zh": "单位（盖章）：", "en": "Seal:"},
    "xl.col.no": {"zh": "序号", "en": "No."},
    "xl.col.duty": {"zh": "职责编号", "en": "Duty"},
    "xl.col.role": {"zh": "责任主体", "en": "Role"},
    "xl.col.clause": {"zh": "条款", "en": "Clause"},
    "xl.col.label": {"zh": "职责", "en": "Label"},
    "xl.col.requirement": {"zh": "要求", "en": "Requirement"},
    "xl.col.required": {"zh": "应达", "en": "Required"},
    "xl.col.found": {"zh": "实际", "en": "Found"},
    "xl.col.status": {"zh": "结论", "en": "Status"},
    "xl.col.shortfall": {"zh": "差距说明", "en": "Shortfall"},
    "xl.col.evidence": {"zh": "佐证", "en": "Evidence"},
    "xl.col.text": {"zh": "职责原文", "en": "Source text"},
    "xl.col.file": {"zh": "文件", "en": "File"},
    "xl.col.sheet": {"zh": "工作表", "en": "Sheet"},
    "xl.col.row": {"zh": "行号", "en": "Row"},
    "xl.col.date": {"zh": "日期", "en": "Date"},
    "xl.col.title": {"zh": "活动名称", "en": "Title"},
    "xl.col.keywords": {"zh": "命中关键词", "en": "Keywords matched"},
    "xl.col.type": {"zh": "活动类型", "en": "Type"},
    "xl.col.role_text": {"zh": "责任主体（台账）", "en": "Role (as logged)"},
    "xl.col.message": {"zh": "原因", "en": "Reason"},
    "xl.ev.one": {"zh": "1条（佐证序号{first}）", "en": "1 row: No. {first}"},
    "xl.ev.many": {"zh": "{n}条（佐证序号{first}–{last}）", "en": "{n} rows: No. {first}–{last}"},
    "xl.ev.cut": {"zh": "，列出前{n}条", "en": "; first {n} listed"},
    "xl.waiver": {"zh": "豁免：{reason}", "en": "waived: {reason}"},
    "xl.waiver.by": {"zh": "（批准：{who}）", "en": " (approved by {who})"},
    "xl.waiver.until": {"zh": "（有效期至{date}）", "en": " (until {date})"},
    "xl.tpl.sheet.help": {"zh": "说明", "en": "Instructions"},
    "xl.tpl.title": {"zh": "{unit}{year}年度法治建设工作台账（{role}）", "en": "{unit} {year} activity log — {role}"},
    "xl.tpl.col.no": {"zh": "序号", "en": "No."},
    "xl.tpl.col.date": {"zh": "日期", "en": "Date"},
    "xl.tpl.col.title": {"zh": "活动名称", "en": "Title"},
    "xl.tpl.col.type": {"zh": "活动类型", "en": "Type"},
    "xl.tpl.col.role": {"zh": "责任主体", "en": "Role"},
    "xl.tpl.col.actor": {"zh": "责任人", "en": "Person"},
    "xl.tpl.col.hours": {"zh": "学时", "en": "Hours"},
    "xl.tpl.col.end_date": {"zh": "结束日期", "en": "End date"},
    "xl.tpl.col.evidence": {"zh": "佐证材料", "en": "Evidence"},
    "xl.tpl.col.note": {"zh": "备注", "en": "Notes"},
    "xl.tpl.prompt.date": {"zh": "填写开展日期，如 2023-03-15", "en": "The day it took place, e.g. 2023-03-15"},
    "xl.tpl.prompt.number": {"zh": "填写数字", "en": "A number"},
    "xl.tpl.prompt.type": {"zh": "从列表中选择活动类型", "en": "Pick the activity type (the audit reads these words)"},
    "xl.tpl.prompt.role": {"zh": "可不填：工作表名称即责任主体", "en": "Optional: the sheet's name gives the role"},
    "xl.tpl.prompt.title": {
        "zh": "写明会议或活动全称，包含“说明”表示例记录中的关键词",
        "en": "The full name of the meeting or activity, with the keywords of the example on the Instructions sheet",
    },
    "xl.tpl.error": {
        "zh": "不是列表中的值或格式不符，仍要保留吗？",
        "en": "Not a listed value or not the expected form. Keep it?",
    },
    "xl.tpl.help_title": {"zh": "填表说明 · {pack}", "en": "How to fill in this log · {pack}"},
    "xl.tpl.help_source": {
        "zh": "依据：{issuer} {issued} 印发，适用于{where}。",
        "en": "Source: {issuer}, issued {issued}, for {where}.",
    },
    "xl.tpl.help.sheets": {
        "zh": "每个责任主体一张工作表（{sheets}），工作表名称用于识别责任主体，请勿改名；"
        "在同一张表中登记其他主体的活动时，请填写“责任主体”列。",
        "en": "One sheet per role ({sheets}); the sheet's name tells the audit whose duties a row evidences, so "
        "keep it. To log another role's activity on the same sheet, fill in the Role column.",
    },
    "xl.tpl.help.rows": {
        "zh": "一行登记一项活动：“日期”填实际开展日期（如 2023-03-15）；“活动名称”写会议或活动的全称，"
        "并包含下表“示例记录”中的关键词，否则不能计入相应职责。请勿合并单元格。",
        "en": "One row per activity: the day it took place (e.g. 2023-03-15) and its full title, containing the "
        "keywords of the duty's example record below, or it cannot count for that duty. Do not merge cells.",
    },
    "xl.tpl.help.lists": {
        "zh": "“活动类型”“责任主体”可从下拉列表选择；“学时”填数字，按人计学时的请在“责任人”列填写姓名。",
        "en": "Type and Role have drop-down lists; Hours takes a number; for hours counted per person, name the "
        "person in the Person column.",
    },
    "xl.tpl.help.fields": {"zh": "其他栏目：{fields}。", "en": "Other columns: {fields}."},
    "xl.tpl.help.check": {
        "zh": "年底运行 dutyaudit check 本文件.xlsx --pack {pack} --out 评分表.xlsx 生成评分表，"
        "每项结论都注明所依据的台账行。",
        "en": "At year end, run dutyaudit check this-file.xlsx --pack {pack} --out scorecard.xlsx: every verdict "
        "names the log rows behind it.",
    },
    "xl.tpl.help.no": {"zh": "序号", "en": "No."},
    "xl.tpl.help.duty": {"zh": "职责编号", "en": "Duty"},
    "xl.tpl.help.sheet": {"zh": "登记工作表", "en": "Sheet"},
    "xl.tpl.help.clause": {"zh": "条款", "en": "Clause"},
    "xl.tpl.help.label": {"zh": "职责", "en": "Label"},
    "xl.tpl.help.requirement": {"zh": "要求", "en": "Requirement"},
    "xl.tpl.help.example": {"zh": "示例记录", "en": "Example record"},
    "xl.tpl.help.type": {"zh": "示例类型", "en": "Example type"},
    "xl.tpl.help.text": {"zh": "职责原文", "en": "Source text"},
    "xl.tpl.kw.all": {"zh": "须含：{words}", "en": "must contain: {words}"},
    "xl.tpl.kw.any": {"zh": "及 {words} 之一", "en": "and one of {words}"},
    "xl.tpl.kw.any_only": {"zh": "须含 {words} 之一", "en": "must contain one of {words}"},
    "xl.tpl.kw.none": {"zh": "不含：{words}", "en": "not: {words}"},
    "xl.tpl.kw.concepts": {"zh": "或写明 {words}", "en": "or name {words}"},
    "xl.tpl.kw.concepts_only": {"zh": "须写明 {words}", "en": "must name {words}"},
    "xl.tpl.kw.sep": {"zh": "；", "en": "; "},
    # --- end scorecard
    # --- explain, waivers, terminal/markdown/csv labels and messages: keys prefixed "ui."/"explain."/"waiver."
    # column headers (terminal, markdown, explain; the scorecard may use them too)
    "ui.col.id": {"zh": "编号", "en": "ID"},
    "ui.col.role": {"zh": "责任主体", "en": "Role"},
    "ui.col.clause": {"zh": "条款", "en": "Clause"},
    "ui.col.label": {"zh": "职责", "en": "Duty"},
    "ui.col.kind": {"zh": "类型", "en": "Kind"},
    "ui.col.requirement": {"zh": "要求", "en": "Requirement"},
    "ui.col.required": {"zh": "应达", "en": "Required"},
    "ui.col.found": {"zh": "实际", "en": "Found"},
    "ui.col.status": {"zh": "结论", "en": "Status"},
    "ui.col.shortfall": {"zh": "差距", "en": "Shortfall"},
    "ui.col.evidence_rows": {"zh": "佐证行", "en": "Evidence rows"},
    "ui.col.file": {"zh": "文件", "en": "File"},
    "ui.col.sheet": {"zh": "工作表", "en": "Sheet"},
    "ui.col.row": {"zh": "行", "en": "Row"},
    "ui.col.date": {"zh": "日期", "en": "Date"},
    "ui.col.title": {"zh": "事项", "en": "Title"},
    "ui.col.keywords": {"zh": "命中关键词", "en": "Keywords"},
    "ui.col.type": {"zh": "活动类型", "en": "Type"},
    "ui.col.why": {"zh": "未计入原因", "en": "Why it did not count"},
    "ui.col.waiver": {"zh": "豁免", "en": "Waiver"},
    "ui.col.reason": {"zh": "豁免理由", "en": "Reason"},
    "ui.col.approved_by": {"zh": "批准人", "en": "Approved by"},
    "ui.col.expires": {"zh": "有效期至", "en": "Expires"},
    "ui.col.unit": {"zh": "单位", "en": "Unit"},
    "ui.col.rank": {"zh": "名次", "en": "Rank"},
    "ui.col.year": {"zh": "年度", "en": "Year"},
    "ui.col.score": {"zh": "得分", "en": "Score"},
    "ui.col.grade": {"zh": "等次", "en": "Grade"},
    "ui.col.warnings": {"zh": "警告", "en": "Warnings"},
    # headline, footers
    "ui.headline": {
        "zh": "{unit} · {year}年度 · {pack} · 得分 {score}{grade} · {counts} · 共{total}项",
        "en": "{unit} · {year} · {pack} · score {score}{grade} · {counts} · {total} duties",
    },
    "ui.no_unit": {"zh": "未注明单位", "en": "unit not stated"},
    "ui.grade": {"zh": "（{grade}）", "en": " ({grade})"},
    "ui.role_title": {"zh": "{name} ({id})", "en": "Role: {id}"},
    "ui.files": {"zh": "文件：", "en": "Files: "},
    "ui.unmatched": {"zh": "{n} 条记录未对应任何职责", "en": "{n} rows matched no duty"},
    "ui.unmatched_hint": {
        "zh": "{n} 条记录未对应任何职责（加 --show-unmatched 列出）",
        "en": "{n} rows matched no duty (--show-unmatched lists them)",
    },
    "ui.pack_ok": {"zh": "{file}：通过（{id}，{n}项职责）", "en": "{file}: ok ({id}, {n} duties)"},
    "ui.no_gaps": {"zh": "没有未达标的职责", "en": "no duty is below requirement"},
    "ui.warnings": {"zh": "警告 {n} 处：", "en": "Warnings ({n}):"},
    "ui.warnings_more": {"zh": "  … 另有 {n} 处（--format json 查看全部）", "en": "  … {n} more (see --format json)"},
    "ui.md.warnings": {"zh": "## 警告", "en": "## Warnings"},
    "ui.batch.year": {"zh": "年度 {years} · {n} 个单位", "en": "Year {years} · {n} units"},
    "ui.batch.failed": {"zh": "未能审核的文件：", "en": "Inputs not audited:"},
    "ui.progress": {"zh": "审核中", "en": "Auditing"},
    "ui.or": {"zh": "或", "en": " or "},
    "ui.q": {"zh": "“{w}”", "en": '"{w}"'},
    "ui.cond.nonempty": {"zh": "{field} 已填写", "en": "{field} is filled in"},
    # common unit and item words a pack leaves at their defaults (学时, 事项) or writes often
    "ui.word.学时": {"zh": "学时", "en": "hours"},
    "ui.word.课时": {"zh": "课时", "en": "class hours"},
    "ui.word.小时": {"zh": "小时", "en": "hours"},
    "ui.word.事项": {"zh": "事项", "en": "items"},
    "ui.word.案件": {"zh": "案件", "en": "cases"},
    "ui.word.文件": {"zh": "文件", "en": "documents"},
    # activity types (packs.ACTIVITY_TYPES)
    "ui.type.meeting": {"zh": "会议", "en": "meeting"},
    "ui.type.study": {"zh": "学法", "en": "study"},
    "ui.type.lecture": {"zh": "讲座", "en": "lecture"},
    "ui.type.training": {"zh": "培训", "en": "training"},
    "ui.type.report": {"zh": "报告", "en": "report"},
    "ui.type.publicity": {"zh": "宣传", "en": "publicity"},
    "ui.type.inspection": {"zh": "督察", "en": "inspection"},
    "ui.type.litigation": {"zh": "诉讼", "en": "litigation"},
    "ui.type.review": {"zh": "审查", "en": "review"},
    "ui.type.decision": {"zh": "决策", "en": "decision"},
    "ui.type.document": {"zh": "文件", "en": "document"},
    "ui.type.other": {"zh": "其他", "en": "other"},
    # waivers
    "waiver.text": {"zh": "豁免：{reason}", "en": "waived: {reason}"},
    "waiver.approved_by": {"zh": "批准：{who}", "en": "approved by {who}"},
    "waiver.until": {"zh": "有效至{date}", "en": "until {date}"},
    "waiver.details": {"zh": "（{details}）", "en": " ({details})"},
    "waiver.sep": {"zh": "；", "en": "; "},
    "waiver.expired": {
        "zh": "职责 {duty} 的豁免已于{date}到期，按常规评判",
        "en": "the waiver for duty {duty} expired on {date}; the duty is judged as usual",
    },
    # explain
    "explain.title": {"zh": "职责 {id} · 条款 {clause} · {label}", "en": "Duty {id} · clause {clause} · {label}"},
    "explain.scope": {"zh": "{unit} · {year}年度 · {pack}", "en": "{unit} · {year} · {pack}"},
    "explain.role": {"zh": "责任主体：{role}", "en": "Role: {role}"},
    "explain.text": {"zh": "原文：", "en": "Source text: "},
    "explain.not_applicable": {
        "zh": "注意：本职责不适用于{year}年度，check 不审核它",
        "en": "note: this duty does not apply to {year}; check leaves it out",
    },
    "explain.requirement": {"zh": "要求：", "en": "Requirement: "},
    "explain.rule": {"zh": "认定规则：", "en": "Match rule: "},
    "explain.verdict": {"zh": "结论：", "en": "Verdict: "},
    "explain.found": {"zh": "应达 {required}，实际 {found}", "en": "required {required}, found {found}"},
    "explain.counted": {"zh": "计入的记录（{n} 条）", "en": "Rows that counted ({n})"},
    "explain.no_counted": {"zh": "没有计入的记录", "en": "No row counted"},
    "explain.near": {"zh": "接近但未计入的记录（{n} 条）", "en": "Near misses ({n})"},
    "explain.near_shown": {
        "zh": "接近但未计入的记录（共 {n} 条，列出 {shown} 条）",
        "en": "Near misses ({shown} of {n})",
    },
    "explain.near_more": {
        "zh": "… 另有 {n} 条（用 --limit 0 或 --format json 查看全部）",
        "en": "… {n} more (see --limit 0)",
    },
    "explain.no_near": {"zh": "没有接近的记录", "en": "No near misses"},
    "explain.needed": {"zh": "如何达标：", "en": "To satisfy: "},
    "explain.nothing_needed": {"zh": "已达标，无需补充", "en": "met; nothing more is needed"},
    "explain.waived": {"zh": "已豁免，不计分", "en": "waived; left out of the score"},
    # match rule in words
    "explain.rule.all": {"zh": "含{words}", "en": "contains {words}"},
    "explain.rule.any": {"zh": "含{words}之一", "en": "contains one of {words}"},
    "explain.rule.concepts": {"zh": "属{concepts}", "en": "names {concepts}"},
    "explain.rule.any_or_concepts": {
        "zh": "含{words}之一或属{concepts}",
        "en": "contains one of {words} or names {concepts}",
    },
    "explain.rule.none": {"zh": "不含{words}", "en": "contains none of {words}"},
    "explain.rule.title": {"zh": "事项{parts}", "en": "title {parts}"},
    "explain.rule.and": {"zh": "，且", "en": " and "},
    "explain.rule.types": {"zh": "活动类型为{types}（或未填）", "en": "type {types} (or blank)"},
    "explain.rule.role": {"zh": "属{role}（或未注明）", "en": "role {role} (or not stated)"},
    "explain.rule.role_stated": {"zh": "注明属{role}", "en": "stated as role {role}"},
    "explain.rule.sep": {"zh": "；", "en": "; "},
    # why a row did not count
    "explain.why.undated": {"zh": "无日期", "en": "no date"},
    "explain.why.year": {"zh": "日期{date}不在{year}年度", "en": "dated {date}, not in {year}"},
    "explain.why.window": {"zh": "日期{date}不在{from_}至{to}期间", "en": "dated {date}, outside {from_} to {to}"},
    "explain.why.late": {
        "zh": "{date}完成，晚于期限{by}（按逾期计）",
        "en": "dated {date}, after the deadline {by} (late)",
    },
    "explain.why.role": {"zh": "属于{role}（“{text}”）", "en": 'belongs to role {role} ("{text}")'},
    "explain.why.role.unstated": {
        "zh": "未注明属{role}（责任主体、表名、类别或事项主语）",
        "en": "not stated as role {role} (role cell, sheet, category or the title's subject)",
    },
    "explain.why.type": {"zh": "活动类型“{text}”不是{types}", "en": 'type "{text}" ({type}) is not {types}'},
    "explain.why.keyword": {"zh": "事项缺少{words}", "en": "title lacks {words}"},
    "explain.why.any": {"zh": "事项不含{words}中任何一个", "en": "title has none of {words}"},
    "explain.why.any_concepts": {
        "zh": "记录既不含{words}中任何一个，也不属{concepts}",
        "en": "the row has none of {words} and names none of {concepts}",
    },
    "explain.why.concept.missing": {
        "zh": "接近{concept}：有{have}，缺{need}",
        "en": "nearly {concept}: has {have}, lacks {need}",
    },
    "explain.why.concept.excluded": {
        "zh": "接近{concept}：有{have}，但{word}排除了它",
        "en": "nearly {concept}: has {have}, but {word} excludes it",
    },
    "explain.why.excluded": {"zh": "事项含排除词{word}", "en": "title has the excluded word {word}"},
    "explain.why.taken": {
        "zh": "本包为排他匹配，该事项更接近条款{clauses}，计入该条款",
        "en": "the pack is exclusive: the row resembles clause {clauses} more and counts there",
    },
    "explain.why.condition": {"zh": "不满足条件：{cond}", "en": "fails the condition: {cond}"},
    "explain.why.no_value": {"zh": "{field}无数值", "en": "no number in {field}"},
    # what would satisfy the duty
    "explain.scope.rows": {"zh": "{year}年内{window}、{rule}", "en": "dated in {year}{window}, {rule}"},
    "explain.need.count": {"zh": "需再有{n}条记录：{scope}", "en": "{n} more row(s) {scope}"},
    "explain.need.periods": {"zh": "需补：{list}；记录须{scope}", "en": "needs {list}; each row {scope}"},
    "explain.need.period": {"zh": "{period}{n}条", "en": "{n} in {period}"},
    "explain.need.deadline": {
        "zh": "需有1条{by}前（含当日）的记录：{scope}",
        "en": "1 row dated on or before {by}, {scope}",
    },
    "explain.need.sum": {"zh": "需再累计{n}{unit}，记录须{scope}", "en": "{n} more {unit} in rows {scope}"},
    "explain.need.sum_pp": {
        "zh": "以下人员需补足至{min}{unit}：{names}",
        "en": "these people need {min} {unit}: {names}",
    },
    "explain.need.rate": {
        "zh": "{of}记录中需再有{k}条满足：{cond}（现{ok}/{n}）",
        "en": "{k} more of the {n} {of} rows must satisfy: {cond} (now {ok})",
    },
    "explain.need.rate_none": {
        "zh": "需有{of}记录（{scope}），且满足：{cond}",
        "en": "{of} rows {scope}, satisfying: {cond}",
    },
    "explain.need.each": {"zh": "所列{n}条记录须满足：{cond}", "en": "the {n} rows listed must satisfy: {cond}"},
    "explain.need.evidence": {"zh": "需有1条记录：{scope}", "en": "1 row {scope}"},
    # --- end explain
    # --- verdicts: na, all_of, per-person sums, duplicates, excluded rows, scope, year and unit checks
    "na": {"zh": "不适用", "en": "n/a"},
    "kind.all_of": {"zh": "逐一", "en": "each of"},
    "req.all_of": {"zh": "{names}每项均须有记录", "en": "a row for each of {names}"},
    "short.na": {"zh": "本年度无此类{of}记录", "en": "no {of} rows this year: not applicable"},
    "short.all_of": {"zh": "未见：{names}", "en": "none for: {names}"},
    "warn.sum_blank": {
        "zh": "{label}：{field}为空或不是数字，按0计（{title}）",
        "en": "{label}: {field} is blank or not a number, counted as 0 ({title})",
    },
    "warn.person_blank": {
        "zh": "{label}：人员为空，该行学时未计入任何人（{title}）",
        "en": "{label}: no person named; the row's hours count for nobody ({title})",
    },
    "warn.no_persons": {
        "zh": "{label}（{id}）按人计，但台账未列出人员（责任人/参训人员列），改按单位合计",
        "en": "{label} ({id}) is per person but the log names nobody (no person column): summed for the unit",
    },
    "explain.out_of_scope": {
        "zh": "此职责不在本台账的审核范围内，check 不审核、不计分（{scope}）",
        "en": "this duty is out of the log's scope: check leaves it out ({scope})",
    },
    "explain.na": {
        "zh": "{shortfall}：不适用，不计分",
        "en": "{shortfall}; left out of the score",
    },
    "explain.need.all_of": {"zh": "需补{names}的记录：{scope}", "en": "rows for {names}, {scope}"},
    "scope.kind.county": {"zh": "县（市、区）", "en": "a county or city"},
    "scope.kind.township": {"zh": "乡镇（街道）", "en": "a township"},
    "scope.kind.department": {"zh": "部门", "en": "a department"},
    "scope.kind.judiciary": {"zh": "司法机关", "en": "a court or procuratorate"},
    "scope.kind.congress": {"zh": "人大及其常委会", "en": "a people's congress"},
    "scope.given": {"zh": "按 --role 审计：{roles}", "en": "--role: {roles}"},
    "scope.no_unit": {
        "zh": "台账未写明单位，审计全部责任主体（可用 --unit 或 --role 指定）",
        "en": "the log names no unit: every role audited (narrow it with --unit or --role)",
    },
    "scope.content": {
        "zh": "台账未写明单位；从记录看是{kind}（如“{word}”），审计{roles}的职责"
        "（其他职责不在范围内；可用 --unit 或 --role 改变）",
        "en": "the log names no unit; its rows read as {kind}'s (e.g. '{word}'): duties of {roles} audited "
        "(others are out of scope; change with --unit or --role)",
    },
    "scope.unknown_kind": {
        "zh": "单位“{unit}”看不出类别，审计全部责任主体（可用 --role 指定）",
        "en": "the kind of unit {unit} is unclear: every role audited (narrow it with --role)",
    },
    "scope.no_role": {
        "zh": "单位“{unit}”是{kind}，本清单无此类职责，审计全部责任主体（可用 --role 指定）",
        "en": "{unit} is {kind} but the pack has no such role: every role audited (narrow it with --role)",
    },
    "scope.inferred": {
        "zh": "单位“{unit}”是{kind}，审计{roles}的职责（其他职责不在范围内；可用 --role 改变）",
        "en": "{unit} is {kind}: duties of {roles} audited (others are out of scope; change with --role)",
    },
    "scope.party_group": {
        "zh": "；台账记有本单位党组的活动（{title}），一并审计{roles}的职责",
        "en": "; the log records the unit's own party group at work ({title}): duties of {roles} audited too",
    },
    "scope.log_roles": {
        "zh": "；台账另有{roles}的工作表或责任主体，一并审计",
        "en": "; the log also has sheets or responsible-body cells of {roles}, audited too",
    },
    "xl.sheet.excluded": {"zh": "未计入记录", "en": "Excluded"},
    "xl.excluded_title": {
        "zh": "{unit} {year}年度未计入审核的记录（其他年度、重复、其他单位、无日期）",
        "en": "{unit} — rows left out of the {year} audit (other year, duplicate, other unit, no date)",
    },
    "ui.excluded": {
        "zh": "未计入 {n} 行（其他年度、重复或其他单位，原因见 --format json 或评分表）",
        "en": "{n} rows excluded (other year, duplicate or other unit; reasons in --format json or the scorecard)",
    },
    "ui.scope": {"zh": "审核范围：{reason}", "en": "Scope: {reason}"},
    "err.role": {
        "zh": "清单 {pack} 没有责任主体 {role!r}：可用 {roles}",
        "en": "unknown role {role!r} for pack {pack}: use one of {roles}",
    },
    "excl.year": {"zh": "不在{year}年度（{date}）", "en": "not in {year} ({date})"},
    "excl.undated": {"zh": "无日期", "en": "no date"},
    "excl.duplicate": {
        "zh": "与 {file} {sheet}!{row} 重复，只计一次",
        "en": "same as {file} {sheet}!{row}: counted once",
    },
    "excl.unit": {"zh": "属于其他单位：{unit}", "en": "another unit: {unit}"},
    "warn.duplicates": {
        "zh": "{n}行与 {file} 的“{sheet}”重复（同日期、事项、单位），只计一次（如第{row}行 = 第{orow}行）",
        "en": "{n} rows repeat {file} sheet {sheet} (same date, title and unit): counted once "
        "(e.g. row {row} = row {orow})",
    },
    "warn.pack_after_year": {
        "zh": "清单 {pack} 发布于{issued}，晚于审计年度{year}：当年尚无此清单，结果仅供参考",
        "en": "pack {pack} was issued {issued}, after the audit year {year}: its duties did not bind then",
    },
    "err.several_units": {
        "zh": "台账涉及多个单位（{units}）：用 --unit 选其中一个，或用 batch 逐个审计"
        "（一列写明单位时用 batch --by 该列列名）",
        "en": "the logs name several units ({units}): pick one with --unit, or audit each with batch "
        "(batch --by COLUMN when a column names the unit)",
    },
    "err.unit_mismatch": {
        "zh": "--unit {unit} 与台账不符：台账的单位列和标题写的是 {named}；检查 --unit 或所给的台账",
        "en": "--unit {unit} does not match the logs: their unit column and title name {named}; "
        "check --unit or the files",
    },
    "err.no_rows_in_year": {
        "zh": "没有{year}年度的记录：台账记录的日期在 {years}；用 --year {best}，或检查日期列",
        "en": "no row is dated in {year}: the rows are in {years}; use --year {best}, or check the date column",
    },
    "err.no_dated_rows": {
        "zh": "没有带日期的记录可审核：检查日期列（--map date=列名），或用 --year 指定年度",
        "en": "no dated rows to audit; check the date column (--map date=COLUMN) or give --year",
    },
    "err.no_duties": {
        "zh": "清单 {pack} 在{year}年度没有适用的职责（{within}）：检查 --year、--role 或 --unit",
        "en": "pack {pack} has no duties for {year} ({within}); check --year, --role or --unit",
    },
    "err.year_rows": {"zh": "{year}年（{n}行）", "en": "{year} ({n} rows)"},
    "warn.by_blank": {
        "zh": "--by {by} 列为空：该行不属于任何单位，未审核（{title}）",
        "en": "--by {by} is blank: the row belongs to no unit and is not audited ({title})",
    },
    "warn.same_content": {
        "zh": "与 {other} 文件内容完全相同：同一台账给了两次？",
        "en": "the same content as {other}: one log given twice?",
    },
    "err.batch_years": {
        "zh": "各单位的台账年度不同（{years}）：用 --year 指定一个审计年度",
        "en": "the units' logs are of different years ({years}): give one audit year with --year",
    },
    # --- end verdicts
}


from dutyaudit.messages import MESSAGES  # noqa: E402  (warnings, errors and conditions in words)

LABELS.update(MESSAGES)


def t(key: str, lang: Lang = "zh", /, **kw: object) -> str:
    """The label for ``key`` in ``lang``, formatted with ``kw``."""
    entry = LABELS.get(key)
    text = entry[lang] if entry else key
    return text.format(**kw) if kw else text


@dataclass(frozen=True, slots=True)
class Msg:
    """A message rendered later, in the run's language: a LABELS key and its parameters.

    Ingest and the core do not know the run's language (or should not care): they build a Msg, and
    the renderer or the CLI turns it into text with :meth:`render`. A parameter may itself be a Msg
    (a date error inside a row warning) or a list (joined with the language's separator).
    """

    key: str
    params: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: Lang = "zh") -> str:
        """The message in ``lang``."""
        return t(self.key, lang, **{k: _param(v, lang) for k, v in self.params})

    def __str__(self) -> str:
        return self.render("en")


def msg(key: str, /, **params: Any) -> Msg:
    """A :class:`Msg` for ``key`` with ``params``."""
    return Msg(key, tuple(params.items()))


def _param(value: Any, lang: Lang) -> Any:
    if isinstance(value, Msg):
        return value.render(lang)
    if isinstance(value, list | tuple):
        return t("sep", lang).join(str(_param(v, lang)) for v in value)
    return value


def render(value: str | Msg, lang: Lang = "zh") -> str:
    """A message that may be plain text (shown as written) or a :class:`Msg` (rendered in ``lang``)."""
    return value.render(lang) if isinstance(value, Msg) else value
