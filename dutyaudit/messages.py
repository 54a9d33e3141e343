"""Warnings, errors and conditions in words, in Chinese and English (merged into ``i18n.LABELS``).

Keys: ``warn.*`` for rows and sheets not read, ``err.*`` for errors a user can cause, ``cond.*`` for
requirement conditions read as a person says them. Kept apart from the labels so each file stays short.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    # --- the CLI's own words
    "err.prefix": {"zh": "错误：", "en": "Error: "},
    "note.prefix": {"zh": "提示：", "en": "Note: "},
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
        # --- output files
        "err.out.input": {
            "zh": "{out}：这是输入文件，不能覆盖；请换一个输出文件名",
            "en": "{out}: refusing to overwrite an input file; choose another output name",
        },
        "err.out.xlsx": {
            "zh": "--out {out}：{what}是 Excel 工作簿，文件名须以 .xlsx 结尾",
            "en": "--out {out}: the {what} is an Excel workbook; give a name ending in .xlsx",
        },
        "what.scorecard": {"zh": "评分表", "en": "scorecard"},
        "what.template": {"zh": "台账模板", "en": "template"},
        "what.summary": {"zh": "汇总表", "en": "summary"},
        "err.out.no_folder": {"zh": "{out}：文件夹 {parent} 不存在", "en": "{out}: folder {parent} does not exist"},
        "err.out.is_folder": {"zh": "{out}：这是文件夹，请给出文件名", "en": "{out}: is a folder; give a file name"},
        "err.out.denied": {
            "zh": "{out}：没有写入权限（文件是否正在 Excel 或 WPS 中打开？）",
            "en": "{out}: permission denied (is it open in Excel or WPS?)",
        },
        "err.out.cannot": {"zh": "{out}：无法写入（{why}）", "en": "{out}: cannot write ({why})"},
        "err.out.exists": {
            "zh": "{out}：文件已存在且不是 dutyaudit 生成的；加 --force 覆盖",
            "en": "{out}: already exists and was not written by dutyaudit; add --force to overwrite it",
        },
        "err.out.card": {
            "zh": "{folder}：无法写入评分表（{why}）",
            "en": "{folder}: cannot write a scorecard ({why})",
        },
        "err.out.mkdir": {
            "zh": "{folder}：无法创建文件夹（{why}）",
            "en": "{folder}: cannot create the folder ({why})",
        },
        # --- batch inputs
        "err.batch.no_match": {"zh": "没有文件与 {pattern} 匹配", "en": "no files match {pattern!r}"},
        "err.batch.no_logs": {
            "zh": "输入中没有找到台账文件（查找了 {suffixes}）",
            "en": "no log files found in the inputs (looked for {suffixes})",
        },
        "err.batch.worker": {
            "zh": "审核 {item} 时一个工作进程意外终止（被结束或内存不足？）；请重试，或加 --jobs 1",
            "en": "a worker process stopped abruptly (killed, or out of memory?) while auditing {item}; "
            "run again, or with --jobs 1",
        },
        "err.batch.by": {
            "zh": "--by {by}：台账中没有这一列；请给出单位列的表头",
            "en": "--by {by}: no such column in the logs; give the header of the unit column",
        },
        "err.batch.no_rows": {"zh": "没有可审核的带日期记录", "en": "no dated rows to audit"},
        "err.batch.none_exist": {
            "zh": "找不到要审核的文件或文件夹：{inputs}",
            "en": "no such file or folder to audit: {inputs}",
        },
        "note.batch.skipped": {
            "zh": "已跳过 {path}：不像台账（说明或备注文件）",
            "en": "skipped {path}: not a log (a readme or notes file)",
        },
        # --- audit
        "err.audit.no_dated": {
            "zh": "没有可审核的带日期记录；请检查日期列或用 --year 指定年度",
            "en": "no dated rows to audit; check the date column or give --year",
        },
        "err.audit.role": {
            "zh": "职责清单 {pack} 没有责任主体“{role}”：可用 {roles}",
            "en": "unknown role {role!r} for pack {pack}: use one of {roles}",
        },
        "err.audit.no_duties": {
            "zh": "职责清单 {pack} 在{year}年度{role}{unit}没有职责",
            "en": "pack {pack} has no duties for year {year}{role}{unit}",
        },
        "err.audit.no_duties.role": {"zh": "对责任主体 {role} ", "en": ", role {role}"},
        "err.audit.no_duties.unit": {"zh": "对单位 {unit} ", "en": ", unit {unit}"},
        # --- duties
        "err.duty.unknown": {
            "zh": "职责清单 {pack} 中没有职责“{duty}”；{hint}",
            "en": "unknown duty {duty!r} in pack {pack}; {hint}",
        },
        "err.duty.did_you_mean": {"zh": "是否指 {ids}？", "en": "did you mean {ids}?"},
        "err.duty.see": {
            "zh": "职责编号见 dutyaudit packs show {pack}",
            "en": "see `dutyaudit packs show {pack}` for the ids",
        },
        "err.duty.clause": {
            "zh": "条款 {clause} 对应多项职责，请用编号指明：{ids}",
            "en": "clause {clause} covers several duties; name one by id: {ids}",
        },
        # --- packs
        "err.pack.unknown": {
            "zh": "没有职责清单“{name}”：内置清单有 {ids}；也可给出清单 YAML 文件的路径",
            "en": "unknown pack {name!r}: built-in packs are {ids}; or give the path to a pack YAML file",
        },
        "err.pack.not_found": {"zh": "{path}：找不到职责清单文件", "en": "{path}: pack file not found"},
        "err.pack.unreadable": {
            "zh": "{path}：无法读取职责清单文件（{why}）",
            "en": "{path}: cannot read pack file ({why})",
        },
        "err.pack.yaml": {
            "zh": "{path}{where}：不是有效的 YAML：{problem}",
            "en": "{path}:{where}: not valid YAML: {problem}",
        },
        "err.pack.line": {"zh": "第{n}行", "en": " line {n}"},
        "err.pack.mapping": {
            "zh": "{path}：职责清单文件须是含 schema、id、roles、duties 的 YAML 映射",
            "en": "{path}: a pack file must be a YAML mapping with schema, id, roles and duties",
        },
        "err.pack.invalid": {"zh": "{origin}：{where}：{problem}{more}", "en": "{origin}: {where}: {problem}{more}"},
        "err.pack.more": {"zh": "（另有{n}处错误）", "en": " (and {n} more)"},
        # --- waivers
        "err.waiver.entry": {"zh": "{origin}：第{n}条", "en": "{origin}: entry {n}"},
        "err.waiver.entry_duty": {"zh": "{where}（职责 {duty}）", "en": "{where} (duty {duty})"},
        "err.waiver.required": {"zh": "{where}：缺少“{key}”", "en": "{where}: {key!r} is required"},
        "err.waiver.text": {"zh": "{where}：“{key}”须为文字", "en": "{where}: {key!r} must be text, got {got}"},
        "err.waiver.empty": {"zh": "{where}：“{key}”为空", "en": "{where}: {key!r} is empty"},
        "err.waiver.date": {
            "zh": "{where}：expires 须为日期，如 2024-03-31，而不是“{value}”",
            "en": "{where}: 'expires' must be a date like 2024-03-31, got {value!r}",
        },
        "err.waiver.top_key": {
            "zh": "{origin}：未知的键“{key}”；豁免文件只有 waivers（及 pack）",
            "en": "{origin}: unknown key {key!r}; a waivers file has 'waivers' (and 'pack')",
        },
        "err.waiver.pack": {
            "zh": "{origin}：为职责清单 {theirs} 编写，但本次审核用的是 {ours}",
            "en": "{origin}: written for pack {theirs!r}, but the audit uses pack {ours!r}",
        },
        "err.waiver.list": {
            "zh": "{origin}：应为豁免条目的列表（或 waivers: 下的列表）",
            "en": "{origin}: expected a list of waivers (or 'waivers:' holding one)",
        },
        "err.waiver.mapping": {
            "zh": "{where}：应写明 duty 和 reason，而不是“{entry}”",
            "en": "{where}: expected a mapping with duty and reason, got {entry!r}",
        },
        "err.waiver.key": {
            "zh": "{where}：未知的键“{key}”；可用 {keys}",
            "en": "{where}: unknown key {key!r}; use {keys}",
        },
        "err.waiver.duty": {"zh": "{where}：{why}", "en": "{where}: {why}"},
        "err.waiver.twice": {
            "zh": "{where}：职责 {duty}{who}已由第{first}条豁免",
            "en": "{where}: duty {duty} is already waived{who} by entry {first}",
        },
        "err.waiver.twice.unit": {"zh": "（单位 {unit}）", "en": " for unit {unit}"},
        "err.waiver.not_found": {"zh": "{path}：找不到豁免文件", "en": "{path}: waivers file not found"},
        "err.waiver.folder": {
            "zh": "{path}：这是文件夹，请给出豁免 YAML 文件",
            "en": "{path}: is a folder; give the waivers YAML file",
        },
        "err.waiver.unreadable": {
            "zh": "{path}：无法读取豁免文件（{why}）",
            "en": "{path}: cannot read waivers file ({why})",
        },
        "err.waiver.yaml": {
            "zh": "{path}{where}：不是有效的 YAML：{problem}",
            "en": "{path}:{where} not valid YAML: {problem}",
        },
        "err.waiver.line": {"zh": "第{n}行", "en": " line {n}:"},
        # --- options
        "err.map.form": {
            "zh": "--map {item}：应写成 字段=列名，如 --map 日期=开展时间",
            "en": "--map {item!r}: write FIELD=COLUMN, e.g. --map date=COLUMN",
        },
        "err.format": {
            "zh": "--format {value}：{command} 可用的格式是 {choices}",
            "en": "--format {value}: {command} writes {choices}",
        },
    }
)

MESSAGES.update(
    {
        # --- log files that cannot be read (ingest)
        "err.in.report": {
            "zh": "这是 dutyaudit 生成的报告（评分表或汇总表），不是工作台账；请给出生成它的台账",
            "en": "this is a report written by dutyaudit (a scorecard or batch summary), not an activity log; "
            "pass the log it was made from",
        },
        "err.in.empty": {
            "zh": "文件是空的（0 字节或只有空白）；请重新导出台账",
            "en": "the file is empty (0 bytes or only whitespace); export the log again",
        },
        "err.in.encrypted": {
            "zh": "工作簿设有密码（已加密）；请打开后取消密码，另存一份",
            "en": "the workbook is password-protected (encrypted); open it, remove the password and save a copy",
        },
        "err.in.encrypted_copy": {
            "zh": "工作簿设有密码（已加密）；请另存一份未加密的副本",
            "en": "the workbook is password-protected (encrypted); save an unprotected copy",
        },
        "err.in.ole_other": {
            "zh": "这是 Office 文档但不是工作簿（Word 或 PowerPoint？）；请给出 Excel 台账",
            "en": "this is an Office document but not a workbook (Word or PowerPoint?); pass the Excel log",
        },
        "err.in.corrupt_zip": {
            "zh": "工作簿已损坏或不完整（zip 结构损坏）；请在 Excel、WPS 或 LibreOffice 中打开后重新保存",
            "en": "the workbook is damaged or truncated (broken zip); open and re-save it in Excel, WPS or LibreOffice",
        },
        "err.in.zip": {
            "zh": "这是 zip 压缩包，不是工作簿；请解压后给出其中的台账文件",
            "en": "this is a zip archive, not a workbook; unpack it and pass the log files",
        },
        "err.in.docx": {
            "zh": "这是 Word 文档，不是工作簿；请把表格复制到 Excel 或导出为 xlsx",
            "en": "this is a Word document, not a workbook; copy the table into Excel or export it as xlsx",
        },
        "err.in.pptx": {
            "zh": "这是 PowerPoint 演示文稿，不是工作簿；请给出 Excel 台账",
            "en": "this is a PowerPoint presentation, not a workbook; pass the Excel log",
        },
        "err.in.numbers": {
            "zh": "这是 Apple Numbers 文档；请在 Numbers 中选择 文件 › 导出为 › Excel，再给出 xlsx 文件",
            "en": "this is an Apple Numbers document; in Numbers choose File › Export To › Excel and pass the xlsx",
        },
        "err.in.xml": {
            "zh": "这个 XML 文件不是 Excel 表格；请把台账导出为 xlsx 或 csv",
            "en": "this XML file is not an Excel spreadsheet; export the log as xlsx or csv",
        },
        "err.in.binary": {
            "zh": "这不是表格或文本文件（图片、PDF 或其他二进制数据）；请把台账导出为 xlsx 或 csv",
            "en": "this is not a spreadsheet or text file (an image, PDF or other binary data); "
            "export the log as xlsx or csv",
        },
        "err.in.old_excel": {
            "zh": "旧版 Excel 格式（Excel 5.0/95 或更早，BIFF{v}）：请在"
            " Excel、WPS 或 LibreOffice 中另存为 xlsx 再给出该文件",
            "en": "old Excel format (Excel 5.0/95 or earlier, BIFF{v}): re-save as xlsx in Excel, WPS or LibreOffice "
            "and pass that file",
        },
        "err.in.unsupported": {"zh": "不支持的文件（{kind}）", "en": "unsupported file ({kind})"},
        "err.in.json": {
            "zh": "这是 JSON 数据，不是表格，常见于网上系统返回错误而非导出文件（{snippet}）；请重新导出为 xlsx 或 csv",
            "en": "this is JSON data, not a spreadsheet — often the error a web system sends instead of the export "
            "({snippet}); export the log again as xlsx or csv",
        },
        "err.in.missing": {
            "zh": "文件不存在；请检查路径（含空格的文件名请加引号）",
            "en": "no such file; check the path (quote names with spaces)",
        },
        "err.in.folder": {
            "zh": "这是文件夹；请给出其中的台账文件（或用 dutyaudit batch）",
            "en": "is a folder; pass the log files in it (or use `dutyaudit batch`)",
        },
        "err.in.too_big": {
            "zh": "文件有 {mib} MiB，超过每个文件 {limit} MiB 的上限；不支持这么大的台账",
            "en": "the file is {mib} MiB, over the limit of {limit} MiB per file; a log this large is not supported",
        },
        "err.in.denied": {
            "zh": "没有读取权限；请检查文件权限",
            "en": "permission denied; check the file's permissions",
        },
        "err.in.cannot_read": {"zh": "无法读取文件（{why}）", "en": "cannot read the file ({why})"},
        "err.in.lock": {
            "zh": "这是办公软件打开工作簿时生成的锁定文件，不是台账；请给出工作簿本身（文件名去掉 ~$ 或 .~lock.）",
            "en": "this is the lock file an office suite keeps while a workbook is open, not a log; pass the workbook "
            "itself (the name without ~$ or .~lock.)",
        },
        "err.in.no_data": {
            "zh": "工作簿没有数据：所有工作表都是空的；文件是否选对了（还是模板）？",
            "en": "the workbook has no data: every sheet is empty; is this the right file (or the template)?",
        },
        "err.in.no_header": {
            "zh": "未找到表头（查找了日期列，如 {dates}，和事项列，如 {titles}）{how}；"
            "可用 --map 日期=列名 --map 事项=列名 指定",
            "en": "no header row found (looked for a date column such as {dates} and a title column "
            "such as {titles}){how}; name your columns with --map date=COLUMN --map title=COLUMN",
        },
        "err.in.how": {"zh": "（{detail}）", "en": " ({detail})"},
        "err.in.no_rows": {"zh": "台账有表头但没有数据行", "en": "the log has a header but no data rows"},
        "err.in.far_cell": {
            "zh": "工作表“{name}”占了 {rows} 行 × {cols} 列（表格下方或右侧很远处有零散内容？）；"
            "请删除台账以外的单元格，或把台账复制到新工作表，再保存",
            "en": "sheet {name!r} spans {rows} rows × {cols} columns (a stray value far below or right of "
            "the table?); delete the cells beyond the log, or copy the log into a new sheet, and save again",
        },
        "err.in.inflate": {
            "zh": "工作簿解压后达 {mib} MiB；太大，无法审核（或不是真正的台账）；请拆分或重新保存",
            "en": "the workbook's sheets inflate to {mib} MiB; it is too large to audit (or not a real log); "
            "split it or save it again",
        },
        "err.in.inflate_ods": {
            "zh": "表格解压后达 {mib} MiB；太大，无法审核",
            "en": "the spreadsheet inflates to {mib} MiB; too large to audit",
        },
        "err.in.wps": {
            "zh": "无法读取这个 WPS 表格（{why}）；请在 WPS 中选择 文件 › 另存为 › Excel 工作簿 (*.xlsx)，再给出该文件",
            "en": "cannot read this WPS spreadsheet ({why}); in WPS choose File › Save As › Excel Workbook (*.xlsx) "
            "and pass that file",
        },
        "err.in.damaged": {
            "zh": "无法读取工作簿（{why}）；文件是否损坏或不完整？请在 Excel、WPS 或 LibreOffice 中打开后重新保存",
            "en": "cannot read the workbook ({why}); is it damaged or truncated? "
            "Open and re-save it in Excel, WPS or LibreOffice",
        },
        "err.in.sheet_damaged": {
            "zh": "无法读取工作表“{name}”（{why}）；工作簿是否损坏？请在 Excel、WPS 或 LibreOffice 中打开后重新保存",
            "en": "cannot read sheet {name!r} ({why}); is the workbook damaged? "
            "Open and re-save it in Excel, WPS or LibreOffice",
        },
    }
)

MESSAGES.update(
    {
        # --- text and web-page logs
        "err.txt.encoding": {
            "zh": "未知的编码“{enc}”；可试 --encoding gb18030、utf-8 或 utf-16",
            "en": "unknown encoding {enc!r}; try --encoding gb18030, utf-8 or utf-16",
        },
        "err.txt.decode_given": {
            "zh": "无法按 {enc} 解码；看起来是 {other}：可试 --encoding {other}（或不加 --encoding 自动识别）",
            "en": "cannot decode the file as {enc}; it looks like {other}: try --encoding {other} "
            "(or leave --encoding out to detect it)",
        },
        "err.txt.decode": {
            "zh": "无法识别文本编码（不是 UTF-8、UTF-16、GB18030 或 Big5）；请用 --encoding 指定，或把台账另存为 xlsx",
            "en": "cannot tell the text encoding (not UTF-8, UTF-16, GB18030 or Big5); give it with --encoding, "
            "or save the log as xlsx",
        },
        "err.txt.binary": {
            "zh": "文件不像 {enc} 编码的文本；{hint}",
            "en": "the file does not look like text in {enc}; {hint}",
        },
        "err.txt.try": {"zh": "可试 --encoding {enc}", "en": "try --encoding {enc}"},
        "err.txt.export": {
            "zh": "请把台账导出为 xlsx 或 CSV（这看起来是二进制数据）",
            "en": "export the log as xlsx or CSV (this looks like binary data)",
        },
        "err.txt.split": {
            "zh": "无法把文本拆分成列（{why}）；请把台账另存为 xlsx",
            "en": "cannot split the text into columns ({why}); save the log as xlsx",
        },
        "detail.text": {"zh": "按 {enc} 文本读取{alt}", "en": "read as text in {enc}{alt}"},
        "detail.text_alt": {
            "zh": "（自动识别；如出现乱码，可试 --encoding {enc}）",
            "en": " (detected; if it looks garbled, try --encoding {enc})",
        },
        "detail.html": {"zh": "按 {enc} 网页读取{garbled}{says}", "en": "read as HTML in {enc}{garbled}{says}"},
        "detail.xml": {"zh": "按 {enc} Excel 2003 XML 读取", "en": "read as Excel 2003 XML in {enc}"},
        "detail.html_garbled": {
            "zh": "；如出现乱码，请用 --encoding 指定",
            "en": "; if the text looks garbled, give --encoding",
        },
        "detail.html_says": {"zh": "；页面内容为“{said}”", "en": "; the page says {said!r}"},
        "err.html.encoding": {
            "zh": "未知的编码“{enc}”；可试 --encoding gb18030 或 utf-8",
            "en": "unknown encoding {enc!r}; try --encoding gb18030 or utf-8",
        },
        "err.html.decode_given": {
            "zh": "无法按 {enc} 解码；不加 --encoding 自动识别，或试 --encoding {other}",
            "en": "cannot decode the file as {enc}; leave out --encoding to detect it, or try --encoding {other}",
        },
        "err.html.decode": {
            "zh": "无法按 UTF-8 或 GB18030 解码；请用 --encoding 指定编码",
            "en": "cannot decode the file as UTF-8 or GB18030; give its encoding with --encoding",
        },
        "err.html.table_big": {
            "zh": "表格“{name}”太大，无法审核（超过 {cells} 个单元格）",
            "en": "table {name!r} is too large to audit (over {cells} cells)",
        },
        "err.html.parse": {
            "zh": "无法解析网页（{why}）；请重新保存网页或导出为 xlsx",
            "en": "cannot parse the HTML ({why}); save the page again or export as xlsx",
        },
        "err.html.no_table": {
            "zh": "这个网页没有表格{said}；可能保存的是错误页或登录页而不是导出文件：请重新导出台账",
            "en": "this web page has no table{said}; it is probably an error or login page saved instead of the "
            "export: export the log again",
        },
        "err.html.says": {"zh": "（页面内容为“{said}”）", "en": " (it says {said!r})"},
        "err.xml.entities": {
            "zh": "XML 文件声明了实体；这类文件不读取（请另存为 xlsx）",
            "en": "the XML declares entities; such files are not read (save it as xlsx)",
        },
        "err.xml.damaged": {
            "zh": "XML 表格已损坏（{why}）；请在 Excel、WPS 或 LibreOffice 中打开后重新保存",
            "en": "the XML spreadsheet is damaged ({why}); open and re-save it in Excel, WPS or LibreOffice",
        },
        "err.xml.row": {
            "zh": "工作表“{name}”：第{row}行超出工作表范围",
            "en": "sheet {name!r}: row {row} is beyond any sheet",
        },
        "err.xml.col": {
            "zh": "工作表“{name}”：第{col}列超出工作表范围",
            "en": "sheet {name!r}: column {col} is beyond any sheet",
        },
        "err.xml.sheet_big": {
            "zh": "工作表“{name}”太大，无法审核（超过 {cells} 个单元格）",
            "en": "sheet {name!r} is too large to audit (over {cells} cells)",
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
