#!/usr/bin/env python3
"""Build huining_hqxf_2024.xlsx, lianjiang_yingsu_2024.csv and gold.json from one list of rows each, then self-check."""
import csv
import datetime as dt
import json
import os
import re

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
YEAR = 2024

# --------------------------------------------------------------------------------------------------
# Valid clause labels per document (the document's own numbering, ASCII parentheses)
# --------------------------------------------------------------------------------------------------
CN = "一二三四五六七八九十"
ART = ["第%s条" % x for x in ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]]
VALID = {
    "huining_hqxf": set(ART) | {"第五条(%s)" % c for c in "一二三四五"},
    "lianjiang_yingsu": {
        "一", "一(一)", "一(二)", "一(三)",
        "二", "二(一)", "二(一)1", "二(一)2", "二(一)3", "二(二)",
        "三", "三(一)", "三(二)", "三(三)", "三(四)",
        "四", "四(一)", "四(一)1", "四(一)2", "四(一)3", "四(二)", "四(二)1", "四(二)2", "四(二)3",
        "五", "五(一)", "五(一)1", "五(一)2", "五(二)", "五(三)", "五(四)",
        "六", "六(一)", "六(二)", "六(三)", "六(四)", "六(四)1", "六(四)2", "六(四)3",
        "七",
    },
}

# ==================================================================================================
# 1. 惠宁县人民政府办公室 会议台账 (xlsx)
# ==================================================================================================
ZHOU = "周维民"   # 县长
HAN = "韩立新"    # 常务副县长


def T(m, d, h=9, mi=0, y=YEAR):
    return dt.datetime(y, m, d, h, mi)


def D(m, d, y=YEAR):
    return dt.datetime(y, m, d)


def hrow(when, name, topic, host, remark, clauses=(), role="none", doubtful=False, also=(), note=None,
         ooy=None, iso=None):
    return dict(when=when, name=name, topic=topic, host=host, remark=remark, clauses=list(clauses), role=role,
                doubtful=doubtful, also=list(also), note=note, ooy=ooy, iso=iso)


CW = "县政府"
BGS = "县政府办公室"
SFJ = "县司法局"
BM = "县政府各部门"
BZ = "县政府领导班子成员"

H = [
    # ---- carried over from Dec 2023 ----
    hrow(T(12, 21, y=2023), "县政府第29次常务会议",
         "1.会前学法：学习新修订的《中华人民共和国行政复议法》；2.研究2024年元旦春节期间市场保供稳价工作",
         ZHOU, "会前学法第10次（2023年）", ooy=(["第三条"], CW)),
    hrow(T(12, 28, y=2023), "县政府第30次常务会议",
         "1.研究2024年县级财政预算草案；2.研究冬季安全生产和森林防火工作", ZHOU, "", ooy=([], "none")),
    # ---- 2024 ----
    hrow(T(1, 5), "县政府第31次常务会议",
         "1.研究春节前农民工工资支付保障工作；2.听取县城集中供热运行情况汇报", ZHOU, "人社局、住建局列席"),
    hrow(T(1, 12), "县政府第32次常务会议",
         "1.会前学法：县人社局局长解读《保障农民工工资支付条例》（约35分钟）；2.研究2024年就业创业工作要点",
         ZHOU, "学法签到表、课件存档", ["第三条", "第七条"], CW + "|" + BM, also=["第五条(三)", "第六条"],
         note="部门主要负责同志在常务会议上讲法"),
    hrow(T(1, 19, 15, 0), "县长办公会", "研究县城第二污水处理厂提标改造项目资金筹措", ZHOU, ""),
    hrow(D(1, 26), "会前学法工作",
         "县司法局送来《2024年县政府常务会议会前学法计划（建议稿）》，办公室提出修改意见（增加2次专家授课）后退回",
         "", "惠司报〔2024〕3号", ["第四条"], SFJ + "|" + BGS),
    hrow(T(1, 30), "县政府第33次常务会议",
         "1.审议《惠宁县2023年法治政府建设情况报告》；2.研究县属国有企业负责人经营业绩考核办法", ZHOU, "",
         note="法治政府建设年度报告，不属本制度职责"),
    hrow(T(2, 2, 15, 0), "县政府廉政工作会议", "部署2024年县政府系统党风廉政建设和反腐败工作", ZHOU, "全体会议形式"),
    hrow(D(2, 5), "会前学法工作",
         "联系省行政学院法学教研部王教授，商定2月8日常务会议会前学法授课专题及课件报送时间", "",
         "", ["第七条"], BGS, also=["第六条"]),
    hrow(D(2, 6), "会前学法工作", "周县长审定《惠宁县人民政府2024年常务会议会前学法计划》", ZHOU, "",
         ["第四条"], CW),
    hrow(D(2, 7), "会前学法工作",
         "印发《惠宁县人民政府2024年常务会议会前学法计划》（惠政办函〔2024〕9号），全年安排12次，明确时间、内容、讲解人和责任单位",
         "", "已发各单位", ["第四条"], BGS),
    hrow(T(2, 8), "县政府第34次常务会议",
         "1.会前学法：专题学习习近平法治思想（省行政学院王教授授课）；2.研究2024年县级重点项目建设计划",
         ZHOU, "", ["第三条", "第五条(一)", "第七条"], CW + "|" + BGS),
    hrow(T(2, 15), "县政府第35次常务会议",
         "1.研究春季森林草原防火工作；2.研究县城建成区违法建设专项整治方案", ZHOU, ""),
    hrow(T(2, 20), "县政府第36次常务会议",
         "1.审议《惠宁县人民政府常务会议会前学法制度（修订稿）》；2.研究春耕备耕工作", ZHOU, "",
         doubtful=True, also=["第一条", "第十二条"], note="通过制度本身；制度不为自身的制定设职责"),
    hrow(D(2, 26), "发文", "印发《惠宁县人民政府常务会议会前学法制度》（惠政办发〔2024〕7号），3月1日起施行", "",
         "同时废止惠政办发〔2019〕12号", doubtful=True, also=["第十二条"], note="印发制度本身"),
    hrow(D(2, 29), "会前学法工作",
         "县市场监管局报来3月7日学法课件（《优化营商环境条例》解读），已转县司法局审核", "", "",
         ["第六条"], BM + "|" + SFJ),
    hrow(T(3, 7), "县政府第37次常务会议",
         "1.会前学法：县市场监管局局长解读《优化营商环境条例》；2.研究2024年优化营商环境重点任务清单",
         ZHOU, "", ["第三条", "第五条(四)", "第七条"], CW + "|" + BM, also=["第五条(三)"]),
    hrow(D(3, 8), "会前学法考勤",
         "第37次常务会议会前学法：李卫国副县长外出招商请假，3月13日交来书面学习心得", "", "心得已存档",
         ["第八条"], BZ),
    hrow(T(3, 14), "县政府第一次全体会议", "1.学习《惠宁县人民政府工作规则》；2.部署2024年政府工作", ZHOU, "",
         note="全体会议学工作规则，不是常务会议会前学法"),
    hrow(T(3, 26, 15, 0), "县安委会全体会议",
         "1.传达学习新修订《安全生产法》有关条款；2.部署一季度安全生产大检查", HAN, "",
         note="安委会，不是常务会议会前学法"),
    hrow(D(3, 27), "会前学法工作",
         "县自然资源局报来4月3日学法讲稿，县司法局审核后提出2处修改意见，已退回修改", "", "",
         ["第六条"], BM + "|" + SFJ),
    hrow(T(4, 3), "县政府第39次常务会议",
         "1.会前学法：学习《中华人民共和国土地管理法》及其实施条例中土地征收有关规定；2.研究城南片区集体土地征收方案",
         ZHOU, "县政府法律顾问列席", ["第三条", "第五条(四)"], CW, also=["第二条"]),
    hrow(D(4, 8), "会前学法工作",
         "整理一季度会前学法记录（学法时间、内容、讲解人、参学人员），签到表、课件归入台账", "", "",
         ["第九条"], BGS),
    hrow(T(4, 18), "县政府第40次常务会议", "1.听取一季度全县经济运行情况汇报；2.研究稳就业促增收若干措施", ZHOU, ""),
    hrow(T(4, 25, 14, 30), "县政府领导班子安全生产专题培训", "市应急管理局专家讲授重大事故隐患排查治理", ZHOU, "",
         note="安全生产培训，不是学法"),
    hrow(T(4, 29, 8, 30), "县委常委会会议（县长参加）",
         "1.会前学法：学习新修订的《中国共产党纪律处分条例》；2.研究干部工作", "", "县委办通知",
         note="县委常委会，不是县政府常务会议"),
    hrow(T(5, 9), "县政府第41次常务会议",
         "1.会前学法：县人民法院行政庭庭长以3起行政诉讼败诉案件剖析依法行政风险；2.研究行政执法“三项制度”落实工作",
         ZHOU, "案例剖析，40分钟", ["第三条", "第七条"], CW + "|" + BGS, also=["第六条"]),
    hrow(D(5, 10), "会前学法工作", "第40次常务会议会前学法记录、签到表、课件整理归档", "", "", ["第九条"], BGS),
    hrow(T(5, 16), "县政府第42次常务会议", "1.研究2024年防汛抗旱工作；2.研究高标准农田建设项目", ZHOU, ""),
    hrow(T(5, 28), "县政府第43次常务会议",
         "1.会前学法：县司法局局长讲解《中华人民共和国宪法》关于国家机构的规定；2.研究县级部门机构职能优化调整",
         ZHOU, "", ["第三条", "第五条(二)", "第七条"], CW + "|" + BM),
    hrow("2024年6月5日", "会前学法工作",
         "收到县生态环境局报送的6月13日学法讲稿，转县司法局合法性、准确性审核", "", "",
         ["第六条"], BM + "|" + SFJ, iso="2024-06-05"),
    hrow("2024年6月7日", "会前学法工作", "县司法局反馈讲稿审核意见：更正1处已废止规章的引用", "", "",
         ["第六条"], SFJ, iso="2024-06-07"),
    hrow(T(6, 13), "县政府第44次常务会议",
         "1.会前学法：县生态环境局局长解读《中华人民共和国固体废物污染环境防治法》；2.研究中央生态环境保护督察反馈问题整改方案",
         ZHOU, "", ["第三条", "第七条"], CW + "|" + BM, also=["第五条(三)", "第五条(四)"]),
    hrow(T(6, 20, 15, 0), "县政府党组理论学习中心组学习",
         "学习习近平总书记关于防汛救灾工作的重要指示精神", ZHOU, "",
         note="中心组学习防汛讲话，不是会前学法"),
    hrow(T(6, 27), "县政府第45次常务会议", "1.听取县本级预算执行审计发现问题整改情况；2.研究县属国有企业改革工作", ZHOU, ""),
    hrow("2024年7月5日", "会前学法通报",
         "县司法局印发上半年县政府常务会议会前学法情况通报：上半年开展7次，出勤率93.5%", "",
         "惠司〔2024〕31号", ["第九条"], SFJ, also=["第八条"], iso="2024-07-05"),
    hrow(T(7, 11), "县政府第46次常务会议", "1.研究暑期防溺水工作；2.研究城区背街小巷改造提升", ZHOU, ""),
    hrow(D(7, 18), "会前学法学时",
         "统计班子成员上半年会前学法时长，记入个人年度学法学时档案（人均4.2小时）", "", "",
         ["第十条"], BZ),
    hrow(T(7, 25), "县政府第47次常务会议",
         "1.会前学法：市中级人民法院法官解读新行政复议法修订要点（2024年1月1日起施行）；2.研究县行政复议体制改革后案件办理工作",
         ZHOU, "", ["第三条", "第五条(五)", "第七条"], CW + "|" + BGS, also=["第五条(四)"]),
    hrow(T(8, 8), "县政府第48次常务会议", "1.研究秋粮收购工作；2.研究衔接推进乡村振兴补助资金项目", ZHOU, ""),
    hrow(D(8, 15), "会前学法工作",
         "县司法局商办公室：9月会前学法内容调整为新修订的《中华人民共和国保守国家秘密法》", "", "计划调整函",
         ["第四条"], SFJ + "|" + BGS),
    hrow(T(8, 22, 15, 0), "县长办公会", "研究县城投公司聘请常年法律顾问事宜", ZHOU, "",
         note="城投公司法律顾问"),
    hrow(T(8, 29), "县政府第49次常务会议",
         "1.会前学法：专题学习习近平法治思想“十一个坚持”（县委依法治县办讲解）；2.研究法治政府建设示范创建工作",
         ZHOU, "", ["第三条", "第五条(一)"], CW),
    hrow(T(9, 5), "县政府第50次常务会议",
         "1.会前学法：学习新修订的《中华人民共和国保守国家秘密法》；2.研究秋季学期教育工作", ZHOU, "",
         ["第三条", "第五条(五)"], CW),
    hrow(D(9, 6), "会前学法考勤",
         "第49次会前学法王芳、张海两位副县长防汛值守请假，9月10日前均已交学习心得", "", "",
         ["第八条"], BZ),
    hrow(T(9, 12), "县政府第51次常务会议", "1.研究中秋国庆期间安全生产和市场保供工作；2.研究文旅消费季活动方案", ZHOU, ""),
    hrow(D(9, 20), "会前学法工作", "三季度会前学法记录、签到表、课件、请假心得整理归档", "", "",
         ["第九条"], BGS),
    hrow(T(9, 26), "县政府第52次常务会议", "1.研究城乡居民养老保险扩面工作；2.研究信访积案化解攻坚工作", ZHOU, "",
         note="信访"),
    hrow(D(9, 27), "会前学法工作",
         "通知县应急管理局主要负责同志准备10月10日常务会议会前讲法，学法时间不少于30分钟，课件提前5个工作日报办公室",
         "", "", ["第六条"], BGS, also=["第七条"]),
    hrow(T(10, 10), "县政府第53次常务会议",
         "1.会前学法：县应急管理局局长讲解《中华人民共和国安全生产法》和重大事故隐患判定标准；2.研究四季度安全生产工作",
         ZHOU, "", ["第三条", "第五条(四)", "第七条"], CW + "|" + BM, also=["第五条(三)"]),
    hrow(D(10, 11), "会前学法考勤",
         "第52次会前学法应到9人实到8人，刘建华主任下乡督导请假，10月15日交心得", "", "",
         ["第八条"], BZ),
    hrow(T(10, 17, 15, 0), "县长办公会", "研究县政务服务中心窗口整合和“一件事一次办”工作", ZHOU, ""),
    hrow(T(10, 24), "县政府第54次常务会议", "1.听取前三季度经济运行情况汇报；2.研究冬春季消防安全工作", ZHOU, ""),
    hrow(D(10, 30), "会前学法工作",
         "周县长就会前学法出勤问题与1名班子成员提醒谈话（两次缺席未按时交心得）", ZHOU, "谈话记录存档",
         ["第十一条"], CW),
    hrow(T(11, 7), "县政府第55次常务会议",
         "1.会前学法：特邀县政府法律顾问（律师事务所主任）讲解《民法典》合同编在政府合同管理中的适用；2.研究《惠宁县人民政府合同管理办法》",
         ZHOU, "", ["第三条", "第五条(四)", "第七条"], CW + "|" + BGS, also=["第二条"]),
    hrow(T(11, 21), "县政府第57次常务会议",
         "1.会前学法：学习《中华人民共和国行政处罚法》（县司法局副局长解读）；2.审议《惠宁县行政处罚裁量权基准》",
         ZHOU, "", ["第三条", "第五条(四)"], CW),
    hrow(D(11, 22), "全县国家工作人员学法考试",
         "组织县政府办机关干部参加全县国家工作人员学法用法网上考试", "", "参考率100%",
         note="机关干部普法考试，不是会前学法"),
    hrow(D(11, 28), "会前学法工作",
         "统计各部门主要负责同志年内在常务会议讲法情况：5个部门已讲，其余部门列入明年计划", "", "",
         ["第七条"], BGS + "|" + SFJ),
    hrow(T(12, 5), "县政府第58次常务会议",
         "1.会前学法：国家宪法日专题学习《中华人民共和国宪法》；2.研究年度目标责任考核工作", ZHOU, "",
         ["第三条", "第五条(二)"], CW),
    hrow(D(12, 12), "会前学法学时",
         "汇总2024年班子成员会前学法累计时长（人均6.5小时），计入年度个人学法学时", "", "报县司法局",
         ["第十条"], BZ),
    hrow(D(12, 18), "会前学法工作",
         "县司法局报送《惠宁县2024年度县政府常务会议会前学法情况报告》至县委依法治县办", "", "",
         ["第十一条"], SFJ),
    hrow(T(12, 19, 9, 30), "县人大常委会会议（列席）", "新任命人员宪法宣誓；听取县政府国有资产管理情况报告", "", "",
         note="人大组织宪法宣誓"),
    hrow(D(12, 20), "会前学法考勤",
         "统计全年会前学法出勤情况：共14次，班子成员出勤率93.1%，请假人员均已交书面心得", "", "",
         ["第八条"], BZ, also=["第九条"]),
    hrow(T(12, 24), "县政府第59次常务会议", "1.研究2025年元旦春节市场保供工作；2.研究县级预算调整方案", ZHOU, ""),
    hrow(T(12, 26, 14, 30), "县政府领导班子年度述职述法会",
         "班子成员2024年度述职述法，述法报告含会前学法参学情况", ZHOU, "",
         ["第十一条"], CW),
    hrow(D(12, 27), "会前学法工作",
         "2024年会前学法材料（计划、课件、签到表、记录、心得）整理立卷，移交档案室", "", "",
         ["第九条"], BGS),
    hrow(D(12, 30), "迎检", "配合市法治政府建设年度考核组查阅会前学法台账", "", "",
         doubtful=True, also=["第十一条"], note="被考核一方提供资料"),
    # ---- early 2025 ----
    hrow("2025年1月9日", "会前学法通报", "县司法局印发2024年下半年会前学法情况通报", "", "",
         ooy=(["第九条"], SFJ), iso="2025-01-09"),
    hrow(D(1, 22, y=2025), "会前学法工作", "县司法局报来2025年会前学法计划建议稿", "", "",
         ooy=(["第四条"], SFJ)),
]

# number the 2024 常务会议 straight through (term numbering continues from 2023's 第30次)
_n = 30
for _r in H:
    if re.fullmatch(r"县政府第\d+次常务会议", _r["name"]) and isinstance(_r["when"], dt.datetime) \
            and _r["when"].year == YEAR:
        _n += 1
        _r["name"] = "县政府第%d次常务会议" % _n
assert any(r["name"] == "县政府第36次常务会议" and r["when"].date() == dt.date(2024, 2, 20) for r in H
           if isinstance(r["when"], dt.datetime))

H_FILE = "huining_hqxf_2024.xlsx"
H_SHEET = "2024年会议台账"


def build_huining():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = H_SHEET
    ws["A1"] = "惠宁县人民政府办公室2024年会议台账"
    ws.merge_cells("A1:F1")
    ws["A1"].font = Font(size=14, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    heads = ["序号", "会议时间", "会议名称", "议题", "主持人", "备注"]
    for i, h in enumerate(heads, 1):
        ws.cell(row=2, column=i, value=h).font = Font(bold=True)
    gold = []
    for n, r in enumerate(H, 1):
        row = n + 2
        ws.cell(row=row, column=1, value=n)
        c = ws.cell(row=row, column=2, value=r["when"])
        if isinstance(r["when"], dt.datetime):
            c.number_format = "yyyy-mm-dd" if (r["when"].hour == 0) else "yyyy-mm-dd hh:mm"
            iso = r["when"].date().isoformat()
        else:
            iso = r["iso"]
        ws.cell(row=row, column=3, value=r["name"])
        ws.cell(row=row, column=4, value=r["topic"]).alignment = Alignment(wrap_text=True)
        ws.cell(row=row, column=5, value=r["host"] or None)
        ws.cell(row=row, column=6, value=r["remark"] or None)
        g = {"sheet": H_SHEET, "row": row, "title": r["name"] + "；" + r["topic"], "date": iso}
        add_labels(g, r, iso)
        gold.append(g)
    for col, w in zip("ABCDEF", [6, 18, 26, 80, 10, 22]):
        ws.column_dimensions[col].width = w
    wb.save(os.path.join(HERE, H_FILE))
    return {"file": H_FILE, "pack": "huining_hqxf", "year": YEAR, "role_hint": None,
            "unit": "惠宁县人民政府办公室（秘书科会议台账）",
            "style": "formal meeting ledger xlsx: title row, header row; one row per meeting or 会务 item; "
                     "substance in 议题 (\"1.会前学法：…；2.研究…\"); most rows are 常务会议, many without legal content; "
                     "会议时间 mostly Excel datetimes, a few typed text dates; non-meeting rows (计划、考勤、讲稿、通报、归档) "
                     "carry a short generic 会议名称",
            "encoding": None, "rows": gold}


def add_labels(g, r, iso):
    if r["ooy"] is not None:
        g.update(clauses=[], role="none", doubtful=r["doubtful"], also_acceptable=[], out_of_year=True,
                 clauses_if_in_year=r["ooy"][0], role_if_in_year=r["ooy"][1])
    else:
        g.update(clauses=r["clauses"], role=r["role"] if r["clauses"] else "none", doubtful=r["doubtful"],
                 also_acceptable=r["also"])
    if r.get("note"):
        g["note"] = r["note"]


# ==================================================================================================
# 2. 涟江市司法局 行政应诉科 流水账 (csv, utf-8-sig)
# ==================================================================================================
BSJG = "被诉行政机关"
GXZ = "各行政机关"
SJ = "市司法局"


def lrow(date, text, who, clauses=(), role="none", doubtful=False, also=(), note=None, ooy=None):
    return dict(date=date, text=text, who=who, clauses=list(clauses), role=role, doubtful=doubtful,
                also=list(also), note=note, ooy=ooy)


L = [
    lrow("2023/12/26", "帮市场监管局弄出庭预案，下周局长出庭（食品处罚案），跟他们法规科对了证据", "吴敏",
         ooy=(["四(一)3"], BSJG)),
    lrow("2023/12/29", "法治政府建设推进会材料送综合科", "陈立", ooy=([], "none")),
    lrow("2024/1/5", "发通知催各单位报2023年负责人出庭应诉工作情况，1月15日截止", "刘洁", ["六(二)"], GXZ),
    lrow("1月9日", "行政复议听证会，某企业不服市监局处罚，在复议听证室", "周涛", note="行政复议听证"),
    lrow("1月12日", "住建局报来出庭负责人：分管副局长孙某（物业备案案），登记备案", "刘洁", ["四(一)1"], BSJG),
    lrow("1月16日", "各单位2023年度出庭应诉情况报告收齐，38家", "刘洁", ["六(二)"], GXZ),
    lrow("1月19日", "接待来访群众，反映拆迁补偿问题，登记后转信访局", "周涛", note="信访接待"),
    lrow("1月23日", "省厅法治督察组来局检查行政应诉工作，准备汇报材料", "陈立", note="被检查"),
    lrow("2024/2/1", "全年出庭应诉数据报法治督察科，纳入2023年度法治政府建设考核打分", "吴敏", ["六(三)"], SJ),
    lrow("2月6日", "中院开庭通知：城东街道违建强拆案3月1日开庭，已转街道，让5天内定出庭负责人报我们", "吴敏",
         ["四(一)1"], BSJG, doubtful=True, note="只是转通知，负责人尚未确定"),
    lrow("2月8日", "城东街道报备：街道主任张某出庭", "吴敏", ["四(一)1"], BSJG),
    lrow("2/20", "法律援助中心疑难案件评估会", "周涛", note="法律援助"),
    lrow("2月26日", "城东街道那个案子开庭前会商，街道主任、街道法律顾问、我们科都在，理了争议焦点和证据", "吴敏",
         ["四(一)3"], BSJG),
    lrow("3月1日", "城东街道案开庭，张主任本人出庭，庭上作了陈述也参加了辩论", "吴敏",
         ["二(二)", "三(二)"], BSJG, also=["三(一)"]),
    lrow("2024/3/5", "“三八”妇女维权普法宣传，在人民广场摆摊", "周涛", note="普法"),
    lrow("3月12日", "起草《负责人出庭应诉工作规定》征求意见稿，发各部门、镇街征求意见", "陈立",
         ["三(四)"], SJ, doubtful=True, note="起草规定本身；算作出庭应诉制度体系建设"),
    lrow("3月15日", "3·15消费者权益日普法咨询", "周涛", note="普法"),
    lrow("3月22日", "自然资源局宅基地审批案：起诉状副本收到第12天交了答辩状和证据、依据，副本报我们", "刘洁",
         ["四(一)2"], BSJG),
    lrow("3月26日", "一季度行政应诉案例分析会，讲了2个败诉案（程序违法），各单位法制员参加", "陈立",
         ["五(二)"], SJ),
    lrow("3月28日", "自然资源局局长亲自出庭（中院发了书面建议要求负责人出庭的那个宅基地案）", "刘洁",
         ["二(一)2", "三(二)"], BSJG, also=["三(一)"]),
    lrow("2024/4/8", "出庭应诉规定以市政府办名义印发了，涟政办规〔2024〕3号，5月1日起施行", "陈立",
         ["三(四)"], SJ, doubtful=True, note="印发规定本身"),
    lrow("4月11日", "审结一起行政复议案（工伤认定），复议决定书送达", "周涛", note="行政复议"),
    lrow("4月15日", "全民国家安全教育日宣传", "周涛", note="普法"),
    lrow("4月16日", "跟中院组织旁听庭审（某镇政府信息公开案），部门、镇街来了32人，庭后法官点评", "吴敏",
         ["五(一)1", "五(一)2"], SJ, also=["五(一)"]),
    lrow("4月25日", "农业农村局局长省里开会出不了庭，委托执法大队长出庭，开庭前3天给法院交了情况说明，抄送我们", "刘洁",
         ["二(二)", "四(二)1"], BSJG),
    lrow("2024/5/7", "卫健局案子判决书收到后第6个工作日报来裁判结果和应诉情况", "刘洁", ["四(二)2"], BSJG),
    lrow("5月10日", "检察院对人社局欠薪监管发了检察建议，盯着人社局书面回复，第52天回的", "吴敏",
         ["四(二)3"], BSJG),
    lrow("5月14日", "帮城投公司看法律顾问合同条款", "陈立", note="城投公司法律顾问"),
    lrow("5月17日", "办了负责人行政应诉专题培训，半天4学时，中院行政庭庭长讲，各单位分管领导参加", "陈立",
         ["五(三)"], "行政机关负责人"),
    lrow("5月22日", "社区矫正对象集中教育", "周涛", note="社区矫正"),
    lrow("5月28日", "城南镇房屋征收补偿案镇长出庭，法官主持当庭和解，原告撤诉", "吴敏",
         ["二(一)3", "三(二)", "三(四)"], BSJG, also=["三(一)"]),
    lrow("6/4", "市法律顾问团律师到生态环境局帮着看应诉材料", "刘洁", ["五(四)"], "市法律顾问团"),
    lrow("6月5日", "环境日普法宣传", "周涛", note="普法"),
    lrow("6月13日", "生态环境局局长出庭（非法倾倒固废处罚案）", "刘洁", ["二(一)3", "三(二)"], BSJG),
    lrow("6月20日", "行政复议听证：某公司不服工伤认定", "周涛", note="行政复议听证"),
    lrow("6月26日", "二季度案例分析会，通报上半年5件败诉，主要是事实不清、程序违法，提了改进意见", "陈立",
         ["五(二)"], SJ),
    lrow("2024/7/3", "上半年负责人出庭应诉情况通报印发，出庭率98.6%、出声率96%，抄送市委组织部、市纪委监委", "刘洁",
         ["六(一)"], SJ, also=["三(一)"]),
    lrow("7月5日", "水利局、清溪镇无正当理由不出庭也没委托人，报局里同意后通报批评", "陈立", ["六(四)1"], SJ),
    lrow("7月10日", "科里2个人去省厅参加行政诉讼业务培训，两天16学时", "陈立", ["五(三)"], GXZ),
    lrow("7月16日", "信访局转来信访件，某村征地补偿", "周涛", note="信访"),
    lrow("7月24日", "市政府被诉政府信息公开案，市政府指定司法局局长出庭", "陈立", ["一(二)"], "市政府"),
    lrow("2024/8/1", "住建局败诉案督促履行，已重新作出答复，判决履行完毕", "吴敏", ["三(三)"], BSJG),
    lrow("8月8日", "全市行政执法案卷评查", "周涛", note="执法监督"),
    lrow("8月14日", "教育局今年没有行政诉讼案子，安排局长来旁听中院庭审", "吴敏", ["三(二)"], GXZ),
    lrow("8月21日", "人民调解员业务培训", "周涛", note="人民调解"),
    lrow("8月27日", "交通运输局聘了律师协助应诉（出租车经营权案）", "刘洁", ["五(四)"], GXZ),
    lrow("9月10日", "第二次旁听庭审，跟区法院一起搞，庭后法官以案释法，来了26人", "吴敏",
         ["五(一)1", "五(一)2"], SJ, also=["五(一)"]),
    lrow("9月19日", "公证处年度考核", "周涛", note="公证管理"),
    lrow("9月24日", "三季度案例分析会，剖析了一起信息公开败诉案", "陈立", ["五(二)"], SJ),
    lrow("9月26日", "行政复议委员会案审会", "周涛", note="行政复议"),
    lrow("2024/10/9", "统计三季度出庭率、出声率报局领导", "刘洁", ["三(一)"], GXZ, doubtful=True,
         also=["六(一)"], note="内部统计，未通报"),
    lrow("10月15日", "法院对青石镇违法拆除程序发了司法建议，镇政府60天内书面回复了", "吴敏", ["四(二)3"], BSJG),
    lrow("10月22日", "发通知：今年负责人述职述法要写出庭应诉情况", "陈立", ["六(三)"], "行政机关负责人"),
    lrow("10月29日", "局里作为复议机关当了共同被告，分管副局长出庭", "陈立", ["二(二)"], BSJG,
         note="复议机关作共同被告出庭，属出庭应诉"),
    lrow("10月30日", "全局安全生产培训", "周涛", note="安全生产培训"),
    lrow("11月12日", "办法制员行政诉讼业务培训班，各单位法制机构人员参加，两天16学时", "陈立", ["五(三)"], GXZ),
    lrow("11月19日", "局党组书记党建述职材料", "陈立", note="党建述职"),
    lrow("11/26", "市法律顾问团给城北镇出了份应诉意见书", "刘洁", ["五(四)"], "市法律顾问团"),
    lrow("12月4日", "宪法宣传周进社区", "周涛", note="普法"),
    lrow("2024/12/10", "测算全年行政诉讼败诉率6.9%，没超8%", "刘洁", ["三(三)"], GXZ, doubtful=True,
         note="统计目标完成情况"),
    lrow("12月17日", "四季度行政应诉案例分析会", "陈立", ["五(二)"], SJ),
    lrow("12月20日", "去中院听行政审判白皮书发布", "陈立", note="听法院发布，不是本单位职责"),
    lrow("12月24日", "桃源镇18户征地拆迁群体诉讼，镇长出庭", "吴敏", ["二(一)1", "二(一)3"], BSJG,
         also=["三(二)"]),
    lrow("2025/1/10", "收各单位2024年度负责人出庭应诉工作情况报告，还差3个镇", "刘洁", ooy=(["六(二)"], GXZ)),
    lrow("2025/1/16", "下半年出庭应诉情况通报发了，抄送组织部、纪委监委", "刘洁", ooy=(["六(一)"], SJ)),
]

L_FILE = "lianjiang_yingsu_2024.csv"
L_STEM = "lianjiang_yingsu_2024"


def parse_ldate(s):
    m = re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", s)
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    m = re.fullmatch(r"(\d{1,2})月(\d{1,2})日", s) or re.fullmatch(r"(\d{1,2})/(\d{1,2})", s)
    if m:
        return dt.date(YEAR, int(m[1]), int(m[2])).isoformat()
    raise ValueError(s)


def build_lianjiang():
    path = os.path.join(HERE, L_FILE)
    with open(path, "w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(["日期", "事项", "经办人"])
        for r in L:
            w.writerow([r["date"], r["text"], r["who"]])
    gold = []
    for n, r in enumerate(L):
        iso = parse_ldate(r["date"])
        g = {"sheet": L_STEM, "row": n + 2, "title": r["text"], "date": iso}
        add_labels(g, r, iso)
        gold.append(g)
    return {"file": L_FILE, "pack": "lianjiang_yingsu", "year": YEAR, "role_hint": None,
            "unit": "涟江市司法局行政应诉科",
            "style": "colloquial running log kept in Excel and saved as CSV (UTF-8 with BOM, CRLF); header on line 1 "
                     "(日期,事项,经办人); dates mixed 2024/3/5, 3月5日 and a few bare 6/4; records the 科's own work and "
                     "what other agencies reported to it",
            "encoding": "utf-8-sig", "rows": gold}


# ==================================================================================================
def selfcheck(files):
    import collections
    for f in files:
        valid = VALID[f["pack"]]
        for g in f["rows"]:
            for c in g["clauses"] + g.get("also_acceptable", []) + g.get("clauses_if_in_year", []):
                assert c in valid, (f["file"], g["row"], c)
            if g.get("out_of_year"):
                assert g["date"][:4] != str(YEAR) and g["clauses"] == [], g
            else:
                assert g["date"][:4] == str(YEAR), g
                assert (g["role"] == "none") == (not g["clauses"]), g
            assert not set(g["clauses"]) & set(g.get("also_acceptable", [])), g
    # cell check
    hf = files[0]
    wb = openpyxl.load_workbook(os.path.join(HERE, hf["file"]))
    ws = wb[H_SHEET]
    assert [c.value for c in ws[2]] == ["序号", "会议时间", "会议名称", "议题", "主持人", "备注"]
    assert ws.max_row == 2 + len(hf["rows"])
    for g in hf["rows"]:
        cells = [c.value for c in ws[g["row"]]]
        assert g["title"] == cells[2] + "；" + cells[3], g
        v = cells[1]
        iso = v.date().isoformat() if isinstance(v, dt.datetime) else None
        if iso is None:
            m = re.fullmatch(r"(\d{4})年(\d{1,2})月(\d{1,2})日", v)
            iso = dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        assert iso == g["date"], g
    lf = files[1]
    raw = open(os.path.join(HERE, lf["file"]), "rb").read()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = raw.decode("utf-8-sig").split("\r\n")
    assert lines[0] == "日期,事项,经办人"
    assert lines[-1] == "" and len(lines) - 2 == len(lf["rows"])
    for g in lf["rows"]:
        rec = next(csv.reader([lines[g["row"] - 1]]))
        assert rec[1] == g["title"] and parse_ldate(rec[0]) == g["date"], g
    for f in files:
        c = collections.Counter()
        for g in f["rows"]:
            c["out_of_year" if g.get("out_of_year") else ("evidence" if g["clauses"] else "distractor")] += 1
            c["doubtful"] += g["doubtful"]
            c["two+ clauses"] += len(g["clauses"]) >= 2
        n = len(f["rows"])
        print(f"{f['file']}: {n} rows; " + ", ".join(f"{k} {v}" for k, v in sorted(c.items()))
              + f"; evidence share {c['evidence'] / n:.0%}")
    print("self-check OK")


if __name__ == "__main__":
    files = [build_huining(), build_lianjiang()]
    with open(os.path.join(HERE, "gold.json"), "w", encoding="utf-8") as f:
        json.dump({"files": files}, f, ensure_ascii=False, indent=1)
    selfcheck(files)
