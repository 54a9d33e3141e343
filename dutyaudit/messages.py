"""Warnings, errors and conditions in words, in Chinese and English (merged into ``i18n.LABELS``).

Keys: ``warn.*`` for rows and sheets not read, ``err.*`` for errors a user can cause, ``cond.*`` for
requirement conditions read as a person says them. Kept apart from the labels so each file stays short.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- the CLI's own words
    "err.prefix": {"zh": "错误：", "en": "Error: "},
    "note.prefix": {"zh": "提示：", "en": "Note: "},
    "ui.drafted": {
        "zh": "{out}：从 {doc} 起草了 {n} 项职责，其中 {reviews} 项附有待审核意见",
        "en": "{out}: {n} duties drafted from {doc}; {reviews} carry review notes",
    },
    "note.wrote": {"zh": "已写入 {path}", "en": "wrote {path}"},
}

MESSAGES.update(
    {
        # --- rows and sheets not read (ingest)
        "warn.not_audited": {"zh": "{reason}，未审核", "en": "{reason}: not audited"},
        "warn.no_date_title": {
            "zh": "既无日期也无事项，未审核",
            "en": "row has neither a date nor a title: not audited",
        },
        "warn.no_leading_date": {
            "zh": "文字开头没有日期（也没有日期列），未审核",
            "en": "no date at the start of the text (and no date column): not audited",
        },
        "warn.empty_title": {"zh": "事项为空，未审核", "en": "empty title: not audited"},
        "warn.end_date": {"zh": "结束日期：{reason}", "en": "end date: {reason}"},
        "warn.hours": {"zh": "学时“{value}”不是数字", "en": "hours {value!r} is not a number"},
        "warn.sheet_instructions": {
            "zh": "已跳过工作表：填表说明，不是台账",
            "en": "sheet skipped: instructions, not a log table",
        },
        "warn.sheet_cover": {"zh": "已跳过工作表：封面或目录", "en": "sheet skipped: a cover or contents page"},
        "warn.sheet_no_header": {
            "zh": "已跳过工作表{hidden}：未找到含日期列和事项列的表头（查找了{looked}…）；"
            "可用 --map 日期=列名 --map 事项=列名 指定",
            "en": "sheet skipped{hidden}: no header row with a date and a title column (looked for {looked}…); "
            "name them with --map date=COLUMN --map title=COLUMN",
        },
        "warn.hidden": {"zh": "（隐藏工作表）", "en": " (a hidden sheet)"},
        "warn.summary_repeats": {
            "zh": "本汇总表有{n}行与其他工作表（{named}）重复：只在那里计一次",
            "en": "{n} rows of this summary sheet repeat rows of the other sheets ({named}): counted once, there",
        },
        "warn.no_year": {
            "zh": "{n}个未写年份的日期按{year}年（其他日期所在年份）读取"
            "{said}；如有误请用 --year 指定或在标题中写明年份",
            "en": "{dates} without a year read as {year}, the year of the other dates{said}; "
            "give --year or put the year in the title if that is wrong",
        },
        "warn.year_turn.before": {
            "zh": "第{rows}行的{n}个未写年份的日期排在年末转入本年之前，按{year}年读取",
            "en": "{n} dates without a year (rows {rows}) come before the turn of the year: read as {year}",
        },
        "warn.year_turn.after": {
            "zh": "第{rows}行的{n}个未写年份的日期排在年末之后，按{year}年读取",
            "en": "{n} dates without a year (rows {rows}) come after the turn of the year: read as {year}",
        },
        "warn.no_year.said": {"zh": "（标题或名称写的是{year}年）", "en": " (the title or name says {year})"},
        # --- dates that cannot be read
        "date.number": {"zh": "无法读取数字“{run}”", "en": "cannot read the number {run!r}"},
        "date.year_range": {"zh": "“{raw}”中的年份{y}超出范围", "en": "year {y} is out of range in {raw!r}"},
        "date.no_day": {"zh": "日期不存在：“{raw}”", "en": "no such day: {raw!r}"},
        "date.not_date": {"zh": "“{raw}”不是日期", "en": "{raw!r} is not a date"},
        "date.empty": {"zh": "日期为空", "en": "empty date"},
        "date.no_year": {
            "zh": "“{raw}”没有年份（用 --year 指定或在标题中写明年份）",
            "en": "{raw!r} has no year (give --year or put the year in the title)",
        },
        "date.only_year": {
            "zh": "“{raw}”只有年份；请写明日期（至少写到月）",
            "en": "{raw!r} gives only the year; write the day (or at least the month)",
        },
        "date.unreadable": {"zh": "无法识别的日期“{raw}”", "en": "unreadable date {raw!r}"},
        # --- waivers
        "waiver.expired_warning": {
            "zh": "职责 {duty} 的豁免已于{date}到期，按常规评判",
            "en": "the waiver for duty {duty} expired on {date}; the duty is judged as usual",
        },
    }
)

MESSAGES.update(
    {
        # --- conditions in words (requirement texts, near misses)
        "cond.op.>=": {"zh": "{field}不少于{value}{unit}", "en": "{field} at least {value}{unit}"},
        "cond.op.>": {"zh": "{field}多于{value}{unit}", "en": "{field} more than {value}{unit}"},
        "cond.op.<=": {"zh": "{field}不超过{value}{unit}", "en": "{field} at most {value}{unit}"},
        "cond.op.<": {"zh": "{field}少于{value}{unit}", "en": "{field} less than {value}{unit}"},
        "cond.op.==": {"zh": "{field}为{value}{unit}", "en": "{field} equal to {value}{unit}"},
        "cond.op.!=": {"zh": "{field}不为{value}{unit}", "en": "{field} other than {value}{unit}"},
        "cond.any": {"zh": "{field}含{words}", "en": "{field} says {words}"},
        "cond.none": {"zh": "，且不含{words}", "en": ", and not {words}"},
        "cond.or": {"zh": "或", "en": " or "},
        "cond.q": {"zh": "“{w}”", "en": '"{w}"'},
        "cond.row": {"zh": "（本条{value}）", "en": " (this row: {value})"},
        "cond.row_empty": {"zh": "（本条未填）", "en": " (this row: blank)"},
        "cond.field.duration_days": {"zh": "期限", "en": "the period"},
        "cond.field.hours": {"zh": "学时", "en": "hours"},
        "cond.unit.duration_days": {"zh": "日", "en": " days"},
        "cond.unit.hours": {"zh": "学时", "en": " hours"},
        "cond.field.title": {"zh": "事项", "en": "the title"},
    }
)

MESSAGES.update(
    {
        # --- the batch summary workbook (report/summary_xlsx.py)
        "sum.sheet.front": {"zh": "汇总", "en": "Summary"},
        "sum.sheet.ranking": {"zh": "排名", "en": "Ranking"},
        "sum.sheet.matrix": {"zh": "矩阵", "en": "Matrix"},
        "sum.sheet.focus": {"zh": "共性问题", "en": "Focus"},
        "sum.sheet.failed": {"zh": "未能审核", "en": "Not audited"},
        "sum.title": {"zh": "{years}年度履职情况汇总", "en": "Duty audit summary {years}"},
        "sum.fact.units": {"zh": "审核单位数", "en": "Units audited"},
        "sum.fact.failed": {"zh": "未能审核的文件", "en": "Inputs not audited"},
        "sum.fact.average": {"zh": "平均得分", "en": "Average score"},
        "sum.fact.median": {"zh": "得分中位数", "en": "Median score"},
        "sum.fact.passed": {"zh": "全部达标的单位", "en": "Units with no gap"},
        "sum.top": {"zh": "未达标单位最多的{n}项职责", "en": "The {n} duties most units fall short of"},
        "sum.none_short": {"zh": "各单位均无未达标职责", "en": "No unit falls short of any duty"},
        "sum.chart": {"zh": "各单位得分", "en": "Score by unit"},
        "sum.col.grade": {"zh": "等次", "en": "Grade"},
        "sum.col.units": {"zh": "单位数", "en": "Units"},
        "sum.col.rank": {"zh": "名次", "en": "Rank"},
        "sum.col.unit": {"zh": "单位", "en": "Unit"},
        "sum.col.year": {"zh": "年度", "en": "Year"},
        "sum.col.score": {"zh": "得分", "en": "Score"},
        "sum.col.total": {"zh": "合计", "en": "Total"},
        "sum.col.warnings": {"zh": "警告", "en": "Warnings"},
        "sum.col.files": {"zh": "文件", "en": "Files"},
        "sum.col.duty": {"zh": "职责编号", "en": "Duty"},
        "sum.col.clause": {"zh": "条款", "en": "Clause"},
        "sum.col.label": {"zh": "职责", "en": "Label"},
        "sum.col.short": {"zh": "未达标单位数", "en": "Units short"},
        "sum.col.share": {"zh": "占比", "en": "Share"},
        "sum.col.short_units": {"zh": "未达标单位", "en": "Units short"},
        "sum.col.file": {"zh": "文件", "en": "File"},
        "sum.col.reason": {"zh": "原因", "en": "Reason"},
    }
)

MESSAGES.update(
    {
        # --- merged from main: readers, --map, fallbacks, packs draft, vocabulary
        "err.in.sheet_note": {"zh": "工作表“{name}”：{note}", "en": "sheet {name!r}: {note}"},
        "err.in.no_sheet": {"zh": "没有一张工作表能读取（{why}）", "en": "no sheet could be read ({why})"},
        "warn.nul": {
            "zh": "已从文件中删去 {n} 个 NUL 字节（不是文字）",
            "en": "{n} NUL byte{s} (not text) dropped from the file",
        },
        "warn.whole_merge": {
            "zh": "合并区域 {refs} 占了整列或整行；已忽略该合并读取",
            "en": "merged range {refs} spans a whole column or row; read without that merge",
        },
        "warn.sheet_unreadable": {
            "zh": "无法读取此工作表（{why}）；已跳过，其他工作表照常读取",
            "en": "cannot read this sheet ({why}); it is skipped, the other sheets are read",
        },
        "warn.fallback_longest": {
            "zh": "没有列名表明是事项（{names} …）：已取文字最长的“{column}”列；如有误，请用 --map 事项=列名 指定",
            "en": "no column is named as the title ({names} …): took '{column}', the column with the "
            "longest texts; name the title column with --map title=COLUMN if that is wrong",
        },
        "warn.fallback_no_header": {
            "zh": "没有表头行：第{date}列读作日期，第{title}列（文字最长）读作事项，从第1行起都是记录；"
            "如有误，请给台账加上表头",
            "en": "no header row: column {date} read as the date and column {title} (the longest texts) as the title, "
            "every row from row 1 a record; add a header row if that is wrong",
        },
        "warn.fallback_leading": {
            "zh": "没有日期列：“{column}”列中每段文字开头的日期即该行日期（{examples} …）",
            "en": "no date column: the date at the start of each text in '{column}' dates its row ({examples} …)",
        },
        "err.map.its_columns": {"zh": "（台账的列：{columns}）", "en": " (its columns: {columns})"},
        "err.map.no_column": {
            "zh": "--map {field}={col}：台账中没有“{col}”列{shown}；--map 的写法是 字段=列名，字段可用 {fields}",
            "en": "--map {field}={col}: the log has no column '{col}'{shown}; --map takes FIELD=COLUMN with FIELD "
            "one of {fields}",
        },
        "err.map.fields_pack": {
            "zh": "{named}，或职责清单另加的列：{extra}",
            "en": "{named}, or a column the pack adds: {extra}",
        },
        "err.map.field": {
            "zh": "--map {field}={col}：“{field}”不是 --map 可用的字段；字段可用 {fields}",
            "en": "--map {field}={col}: '{field}' is not a field --map takes; FIELD is one of {fields}",
        },
        "err.txt.decode_as": {
            "zh": "无法按 {enc} 解码；请用 --encoding 指定编码，或把台账另存为 xlsx",
            "en": "cannot decode the file as {enc}; give the encoding with --encoding, or save the log as xlsx",
        },
        "err.in.sheet_span": {
            "zh": "工作表占了 {rows} 行 × {cols} 列，超过 {cells} 个单元格的上限；请把台账另存为 xlsx",
            "en": "the sheet spans {rows} rows × {cols} columns, more than the limit of {cells} cells; "
            "save the log as xlsx",
        },
        "err.in.dif": {
            "zh": "DIF 文件没有 DATA 部分；请把台账另存为 xlsx",
            "en": "the DIF file has no DATA section; save the log as xlsx",
        },
        "err.in.too_slow": {
            "zh": "读取工作簿超过 {seconds} 秒的时限；文件已损坏或不是真正的台账"
            "：请在 Excel、WPS 或 LibreOffice 中打开后重新保存",
            "en": "reading the workbook took longer than the limit of {seconds} s; it is damaged or not a real log: "
            "open and re-save it in Excel, WPS or LibreOffice",
        },
        "err.in.memory_why": {
            "zh": "工作簿已损坏，或读取需要超过 {memory} 的内存上限（{why}）"
            "；请在 Excel、WPS 或 LibreOffice 中打开后重新保存",
            "en": "the workbook is damaged or needs more than the memory limit of {memory} to read ({why}); "
            "open and re-save it in Excel, WPS or LibreOffice",
        },
        "why.reader_signal": {"zh": "读取进程被信号 {sig} 终止", "en": "the reader was stopped by signal {sig}"},
        "why.reader_silent": {"zh": "读取进程没有返回结果", "en": "the reader ended without an answer"},
        "err.in.memory": {
            "zh": "读取工作簿需要超过 {memory} 的内存上限；文件已损坏或不是真正的台"
            "账：请在 Excel、WPS 或 LibreOffice 中打开后重新保存",
            "en": "reading the workbook needs more than the memory limit of {memory}; it is damaged or not a real "
            "log: open and re-save it in Excel, WPS or LibreOffice",
        },
        "err.mht.no_page": {
            "zh": "这个网页存档（.mht）里没有网页；请把台账另存为 xlsx",
            "en": "this web archive (.mht) holds no web page; save the log as xlsx",
        },
        "err.mht.no_table": {
            "zh": "这个网页存档（.mht）里没有表格；请把台账另存为 xlsx",
            "en": "this web archive (.mht) has no table; save the log as xlsx",
        },
        "err.in.archive": {
            "zh": "这是 {fmt} 压缩文件，不是工作簿；请解压后给出其中的台账文件",
            "en": "this is a {fmt} compressed file, not a workbook; unpack it and pass the log file inside",
        },
        "err.in.dbf": {
            "zh": "这是 dBase/FoxPro 数据表（.dbf），不是工作簿；请在 Excel、WPS 或 LibreOffice 中打开后另存为 xlsx",
            "en": "this is a dBase/FoxPro table (.dbf), not a workbook; open it in Excel, WPS or LibreOffice and "
            "save it as xlsx",
        },
        "err.in.gnumeric": {
            "zh": "这是 Gnumeric 工作簿（.gnumeric），不能直接读取；请在 Gnumeric 或 LibreOffice 中"
            "另存为 xlsx 再给出该文件",
            "en": "this is a Gnumeric workbook (.gnumeric), which is not read directly; save it as xlsx in Gnumeric "
            "or LibreOffice and pass that file",
        },
        "err.draft.no_clauses": {
            "zh": "没有找到编号条款（{examples} …）：无从起草",
            "en": "no numbered clauses found ({examples} …): nothing to draft from",
        },
        "err.draft.no_duties": {
            "zh": "编号条款下没有找到职责语句",
            "en": "no duty sentences found under the numbered clauses",
        },
        "err.draft.no_text": {
            "zh": "文件中没有文字（扫描版 PDF 需先做文字识别）",
            "en": "the document has no text (a scanned PDF needs OCR first)",
        },
        "err.draft.not_found": {"zh": "找不到文件", "en": "file not found"},
        "err.draft.needs": {
            "zh": '读取 {what} 需要 {lib}：pip install "dutyaudit[draft]"',
            "en": 'reading {what} needs {lib}: pip install "dutyaudit[draft]"',
        },
        "err.draft.bad": {"zh": "无法读取的 {what} 文件（{why}）", "en": "not a readable {what} file ({why})"},
        "err.draft.pdf_encrypted": {
            "zh": "PDF 已加密；请另存一份未加密的副本",
            "en": "the PDF is encrypted; save an unprotected copy",
        },
        "err.draft.suffix": {
            "zh": "不能从 {suffix} 文件起草；请给出 {suffixes} 文件",
            "en": "cannot draft from a {suffix} file; give a {suffixes} document",
        },
        "err.vocab.invalid": {"zh": "{origin}：{where}：{problem}", "en": "{origin}: {where}: {problem}"},
        "err.vocab.unreadable": {
            "zh": "{path}：无法读取活动词表（{why}）",
            "en": "{path}: cannot read the concept vocabulary ({why})",
        },
        "err.vocab.yaml": {"zh": "{path}：不是有效的 YAML：{problem}", "en": "{path}: not valid YAML: {problem}"},
    }
)

MESSAGES.update(
    {
        # --- reader limits (ingest/limits.py): what went over, the limit, what to do
        "err.limit": {
            "zh": "{what}，超过上限（{limit}）；{advice}",
            "en": "{what}, over the limit of {limit}; {advice}",
        },
        "la.default": {
            "zh": "这不是真正的台账，或者文件已损坏：请重新导出或保存台账",
            "en": "this is not a real activity log, or it is damaged: export or save the log again",
        },
        "la.xlsx": {"zh": "请把台账另存为 xlsx", "en": "save the log as xlsx"},
        "la.far": {
            "zh": "请删除台账以外的单元格，或把台账复制到新工作表，再保存",
            "en": "delete the cells beyond the log, or copy the log into a new sheet, and save again",
        },
        "lw.merges": {"zh": "工作表“{name}”有 {n} 个合并区域", "en": "sheet {name!r} declares {n} merged ranges"},
        "lw.merge_overlap": {
            "zh": "工作表“{name}”的合并区域相互重叠，覆盖的单元格比表格本身还多",
            "en": "the merged ranges of sheet {name!r} overlap over more cells than it has",
        },
        "lw.text_size": {"zh": "文本文件有 {size}", "en": "the text file is {size}"},
        "lw.text_cells": {"zh": "文本拆分后超过 {n} 个单元格", "en": "the text splits into more than {n} cells"},
        "lw.cell_text": {"zh": "有单元格的文字多得不像台账", "en": "a cell holds more text than any log would"},
        "lw.far": {
            "zh": "工作表“{name}”占了 {rows} 行 × {cols} 列（表格下方或右侧很远处有零散内容？）",
            "en": "sheet {name!r} spans {rows} rows × {cols} columns (a stray value far below or right of the table?)",
        },
        "lw.inflate": {"zh": "工作簿解压后达 {size}", "en": "the workbook inflates to {size}"},
        "lw.strings": {
            "zh": "工作簿的共享字符串解压后达 {size}",
            "en": "the workbook's shared strings inflate to {size}",
        },
        "lw.sheets": {"zh": "工作簿的工作表解压后达 {size}", "en": "the workbook's sheets inflate to {size}"},
        "lw.spreadsheet": {"zh": "表格文件有 {size}", "en": "the spreadsheet is {size}"},
        "lw.cell_chars": {
            "zh": "工作表“{name}”中有单元格含 {n} 个字符",
            "en": "a cell of sheet {name!r} holds {n} characters",
        },
        "lw.sheet_big": {"zh": "工作表“{name}”太大，无法审核", "en": "sheet {name!r} is too large to audit"},
        "lw.ods_content": {"zh": "表格内容解压后达 {size}", "en": "the spreadsheet's content inflates to {size}"},
        "lw.ods_merges": {
            "zh": "工作表“{name}”的合并区域多得超出表格所能容纳",
            "en": "sheet {name!r} declares more merged ranges than it can hold",
        },
        "lw.file": {"zh": "文件有 {size}", "en": "the file is {size}"},
        "lw.html_cells": {"zh": "网页中的表格单元格多得不像台账", "en": "the page holds more table cells than any log"},
        "lw.table_cell": {
            "zh": "表格“{name}”中有单元格含 {n} 个字符",
            "en": "a cell of table {name!r} holds {n} characters",
        },
        "lw.spans": {
            "zh": "表格“{name}”的跨行跨列单元格覆盖的范围多得不像台账",
            "en": "the rowspan × colspan cells of table {name!r} cover more cells than any log",
        },
        "lw.zip_members": {"zh": "压缩包中的成员多得不像工作簿", "en": "the zip holds more members than any workbook"},
        "ll.zip_members": {"zh": "{n} 个压缩成员", "en": "{n} zip members"},
        "lw.file_rows": {
            "zh": "文件各工作表的行数超过 {n} 行（在工作表“{name}”）",
            "en": "the file's sheets hold over {n} rows (at sheet {name!r})",
        },
        "ll.file_rows": {"zh": "每个文件 {n} 行", "en": "{n} rows per file"},
        "lw.file_cells": {
            "zh": "工作簿各工作表合计超过 {n} 个单元格（在工作表“{name}”）",
            "en": "the workbook's sheets span over {n} cells together (at sheet {name!r})",
        },
        "ll.file_cells": {"zh": "每个文件 {n} 个单元格", "en": "{n} cells per file"},
        "la.split": {"zh": "请按年度或单位拆分台账", "en": "split the log by year or by unit"},
        "lw.table_big": {"zh": "表格“{name}”太大，无法审核", "en": "table {name!r} is too large to audit"},
        "lw.text_lines": {"zh": "文本有 {n} 行", "en": "the text has {n} lines"},
        "ll.text_lines": {"zh": "每个文本文件 {n} 行", "en": "{n} lines per text file"},
        "lw.part": {
            "zh": "工作簿的部件“{part}”解压后达 {size}",
            "en": "the workbook's part {part!r} inflates to {size}",
        },
        "ll.part": {"zh": "每个 XML 部件 {size}", "en": "{size} per XML part"},
        "ll.merges": {"zh": "每个工作表 {n} 个合并区域", "en": "{n} merged ranges per sheet"},
        "ll.merged_cells": {"zh": "每个工作表 {n} 个合并单元格", "en": "{n} merged cells per sheet"},
        "ll.text": {"zh": "每个文本文件 {size}", "en": "{size} per text file"},
        "ll.cells": {"zh": "每个工作表 {n} 个单元格", "en": "{n} cells per sheet"},
        "ll.chars": {"zh": "每个单元格 {n} 个字符", "en": "{n} characters per cell"},
        "ll.inflated": {"zh": "解压后 {size}", "en": "{size} inflated"},
        "ll.strings": {"zh": "共享字符串 {size}", "en": "{size} of shared strings"},
        "ll.sheet_xml": {"zh": "工作表 XML {size}", "en": "{size} of sheet XML"},
        "ll.xml": {"zh": "XML {size}", "en": "{size} of XML"},
        "ll.html": {"zh": "每个 HTML 或 XML 文件 {size}", "en": "{size} per HTML or XML file"},
        "ll.html_cells": {"zh": "HTML 单元格 {n} 个", "en": "{n} HTML cells"},
    }
)

from dutyaudit.error_messages import ERRORS  # noqa: E402  (errors a user can cause, kept in their own module)

MESSAGES.update(ERRORS)
