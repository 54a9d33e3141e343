"""Errors a user can cause, in Chinese and English: output files, unreadable logs, text and web pages,
reader limits. Merged into ``i18n.LABELS`` through :mod:`dutyaudit.messages`."""

from __future__ import annotations

ERRORS: dict[str, dict[str, str]] = {}

ERRORS.update(
    {
        # --- output files
        "err.memory": {
            "zh": "内存不足，无法完成：输入太大；把台账拆成几个文件（例如按季度）再审核",
            "en": "out of memory: the input is too large; split the log into several files (e.g. by quarter)",
        },
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
        "err.out.draft_exists": {
            "zh": "{out}：文件已存在（若是审核中的草案，覆盖会丢失修改）；换一个 --out，或加 --force 覆盖",
            "en": "{out}: already exists (a draft under review would lose its edits); "
            "choose another --out or add --force",
        },
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

ERRORS.update(
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
        "err.in.not_regular": {
            "zh": "这不是普通文件（设备、管道或套接字）；请给出台账文件本身",
            "en": "is not a regular file (a device, pipe or socket); pass the log file itself",
        },
        "err.in.grew": {
            "zh": "文件超过每个文件 {limit} MiB 的上限",
            "en": "the file is over the limit of {limit} MiB per file",
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

ERRORS.update(
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
        "detail.sylk": {"zh": "按 {enc} SYLK 读取", "en": "read as SYLK in {enc}"},
        "detail.dif": {"zh": "按 {enc} DIF 读取", "en": "read as DIF in {enc}"},
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
