#!/usr/bin/env python3
"""Build the two 2024 blind logs and gold.json from one row list each, then self-check."""
import datetime as dt
import json
import pathlib
import re

import opencc
import openpyxl
from openpyxl.styles import Alignment, Font

HERE = pathlib.Path(__file__).resolve().parent
_S2T = opencc.OpenCC("s2t").convert
_FIX = str.maketrans({"爲": "為", "羣": "群", "衆": "眾", "覈": "核"})  # the document's own variants


def T(s):
    return _S2T(s).translate(_FIX)
D = dt.date

# ---------------------------------------------------------------------------------------------
# 1. pingtan_xuefa: 坪潭县司法局 学法台账 (written in simplified here, converted to 繁體 on output)
# tuple: (sheet, date, 学法形式, 学习内容, 参加人员, 备注, clauses, role, doubtful, also_acceptable, note)
# roles (document's wording): 县直各单位 / 县委 / 县政府 / 县委依法治县办 ; distractor -> none
U, XW, XZ, YF = "县直各单位", "县委", "县政府", "县委依法治县办"
H1, H2 = "上半年", "下半年"
PT = [
    (H1, D(2023, 12, 27), "党组中心组学法", "学习新修订的《中华人民共和国行政复议法》", "局党组成员", "2023年第4季度，补登", ["三(一)", "二(四)"], U, False, [], "out of year"),
    (H1, D(2023, 12, 29), "集体学法", "12月份集体学法：《中华人民共和国法律援助法》", "机关全体干部职工", "补登", ["三(六)"], U, False, ["二(四)"], "out of year"),
    (H1, D(2024, 1, 5), "局务会会前学法", "学习《民法典》合同编通则司法解释", "局领导班子成员、各股室负责人", "约30分钟", ["三(一)", "二(四)"], U, False, [], None),
    (H1, D(2024, 1, 10), "党史学习", "主题党日：学习《中国共产党简史》第五章", "机关支部全体党员", "", [], "none", False, [], None),
    (H1, D(2024, 1, 16), "安全生产", "节前安全生产及消防安全知识培训", "机关全体干部职工", "县应急局授课", [], "none", False, [], None),
    (H1, D(2024, 1, 24), "集体学法", "1月份集体学法：新修订《行政复议法》重点条款解读", "机关全体干部职工", "复议股领学", ["三(六)", "二(四)"], U, False, [], None),
    (H1, D(2024, 1, 30), "述职述廉", "局领导班子及成员2023年度述职述廉", "局领导班子成员", "县委考核组到会", [], "none", False, [], "述职 is not 述法"),
    (H1, D(2024, 2, 6), "业务培训", "全县人民调解员业务培训班（调解技巧与协议书制作）", "基层股、各司法所", "", [], "none", False, [], None),
    (H1, D(2024, 2, 23), "集体学法", "2月份集体学法：省人大新修订的《海域使用管理条例》", "机关全体干部职工", "", ["三(六)", "二(五)"], U, False, [], None),
    (H1, D(2024, 3, 5), "学法计划", "印发《县司法局2024年度领导干部学法计划》，明确中心组学法、月度集体学法安排", "局办公室", "坪司〔2024〕9号，3月12日报县委依法治县办备案", ["四(一)"], U, False, [], None),
    (H1, D(2024, 3, 8), "党组中心组学习", "传达学习全国两会精神", "局党组成员", "", [], "none", False, [], "中心组 non-law study"),
    (H1, D(2024, 3, 12), "个人学法计划", "班子成员各自制定2024年个人学法计划，交办公室存档", "局领导班子成员", "", ["三(三)"], U, False, [], None),
    (H1, D(2024, 3, 15), "会前学法（县政府常务会议）", "县政府第3次常务会议会前学法，局长陈建华讲授新修订《行政复议法》要点", "县政府领导、局长", "我局承担授课", ["三(一)", "二(四)"], XZ, False, [], "县政府常务会议会前学法, 司法局 provides the lecturer"),
    (H1, D(2024, 3, 15), "普法宣传", "“3·15”消费者权益日法律咨询活动", "公共法律服务股", "", [], "none", False, [], "普法, not 领导干部学法"),
    (H1, D(2024, 3, 21), "党组中心组学法", "专题学习习近平法治思想：《习近平关于全面依法治国论述摘编》", "局党组成员", "全年第1次专题", ["三(一)", "二(一)"], U, False, [], None),
    (H1, D(2024, 3, 26), "集体学法", "3月份集体学法：《行政处罚法》及《行政执法证件管理办法》", "机关全体干部职工", "", ["三(六)", "二(四)"], U, False, [], None),
    (H1, D(2024, 3, 29), "业务培训", "公文写作与政务信息报送培训", "各股室内勤", "", [], "none", False, [], None),
    (H1, D(2024, 4, 3), "网上学法", "督促干部登录“法宣在线”平台学习一季度课件", "机关全体干部", "人均6.5学时", ["三(三)"], U, False, [], None),
    (H1, D(2024, 4, 10), "党组中心组学法（党纪学习教育）", "读书班：逐章学习《中国共产党纪律处分条例》", "局党组成员", "", ["三(一)", "二(三)"], U, False, [], "党内法规 is listed as 学法内容 二(三)"),
    (H1, D(2024, 4, 15), "国家安全教育", "全民国家安全教育日集中宣传", "机关干部", "设点2处", [], "none", False, [], None),
    (H1, D(2024, 4, 18), "旁听庭审", "到县法院旁听某水产公司诉县海洋渔业局行政处罚案庭审，庭后座谈", "局长、副局长、法制股股长", "", ["三(四)"], U, False, [], None),
    (H1, D(2024, 4, 25), "集体学法", "4月份集体学法：《中华人民共和国安全生产法》", "机关全体干部职工", "", ["三(六)", "二(四)"], U, False, [], "安全生产法 is a named 学法内容"),
    (H1, D(2024, 4, 28), "安全生产", "机关办公楼消防疏散演练", "机关全体干部职工", "", [], "none", False, [], None),
    (H1, D(2024, 5, 9), "法治讲座", "全县领导干部法治专题讲座（第一期）：行政诉讼法与依法行政，省委党校法学教研部教授授课", "县管领导干部", "县委依法治县办、县委组织部、县委党校联办，我局承办", ["三(二)"], YF, False, ["二(四)"], None),
    (H1, D(2024, 5, 16), "业务培训", "社区矫正工作人员业务能力提升培训", "社区矫正股、各司法所", "", [], "none", False, [], None),
    (H1, D(2024, 5, 22), "民法典宣传", "民法典宣传月：东澳社区“民法典进社区”", "普法股", "发放资料600份", [], "none", False, [], "普法 to the public"),
    (H1, D(2024, 5, 29), "集体学法", "5月份集体学法：《民法典》人格权编", "机关全体干部职工", "", ["三(六)", "二(四)"], U, False, [], None),
    (H1, D(2024, 6, 5), "局务会会前学法", "学习《中华人民共和国宪法》第三章“国家机构”", "局领导班子成员", "", ["三(一)", "二(二)"], U, False, [], None),
    (H1, D(2024, 6, 12), "学法心得", "县管领导干部上半年学法心得体会各1篇", "局长、副局长", "已交组织部", ["三(三)"], U, False, [], None),
    (H1, D(2024, 6, 18), "党组中心组学习", "学习习近平总书记关于经济工作的重要论述", "局党组成员", "", [], "none", False, [], "中心组 non-law study"),
    (H1, D(2024, 6, 20), "集体学法", "6月份集体学法：新修订《海洋环境保护法》", "机关全体干部职工", "", ["三(六)", "二(四)"], U, False, ["二(五)"], None),
    (H1, D(2024, 6, 27), "报送材料", "报送本局2024年上半年学法工作情况", "局办公室", "报县委依法治县办秘书科", ["四(四)"], U, False, [], None),
    (H1, D(2024, 6, 28), "党建活动", "“七一”重温入党誓词暨表彰优秀党员", "机关支部全体党员", "", [], "none", False, [], None),

    (H2, D(2024, 7, 4), "局务会会前学法", "学习《中华人民共和国行政许可法》", "局领导班子成员", "", ["三(一)", "二(四)"], U, False, [], None),
    (H2, D(2024, 7, 10), "业务培训", "全市司法行政系统行政复议案件办理业务培训（视频）", "行政复议股", "", [], "none", True, ["三(六)"], "staff 业务培训 with legal content"),
    (H2, D(2024, 7, 12), "主要负责人讲法", "局长为全局干部讲法治课：习近平法治思想与司法行政工作", "机关全体干部职工", "", ["四(一)", "二(一)"], U, False, ["三(二)"], "主要负责人带头讲法"),
    (H2, D(2024, 7, 24), "集体学法", "7月份集体学法：《行政复议法》配套文书格式", "机关全体干部职工", "", ["三(六)", "二(四)"], U, False, [], None),
    (H2, D(2024, 7, 25), "党组中心组学习", "传达学习党的二十届三中全会精神", "局党组成员", "", [], "none", False, [], "中心组 non-law study"),
    (H2, D(2024, 8, 6), "旁听庭审", "旁听县法院公开审理的非法捕捞水产品案", "分管副局长、法制股人员", "", ["三(四)"], U, False, [], None),
    (H2, D(2024, 8, 14), "防汛防台", "防台风工作部署会", "局领导班子成员", "", [], "none", False, [], None),
    (H2, D(2024, 8, 21), "党组中心组学法", "第二次专题学习习近平法治思想：中央全面依法治国工作会议讲话", "局党组成员", "", ["三(一)", "二(一)"], U, False, [], None),
    (H2, D(2024, 8, 28), "集体学法", "8月份集体学法：《省旅游条例》", "机关全体干部职工", "", ["三(六)", "二(五)"], U, False, [], None),
    (H2, D(2024, 9, 4), "法治讲座", "本单位法治专题讲座：新旧《行政复议法》对照与案例，特邀律所主任主讲", "机关全体干部职工", "", ["三(二)", "二(四)"], U, False, [], None),
    (H2, D(2024, 9, 11), "保密教育", "新修订保密法宣传教育暨保密知识培训", "机关全体干部职工", "县保密局授课", [], "none", True, ["三(六)"], "保密工作培训 that names a law"),
    (H2, D(2024, 9, 19), "网上学法", "督促完成网上学法平台年度学时，截至9月底人均18.5学时", "机关全体干部", "", ["三(三)"], U, False, [], None),
    (H2, D(2024, 9, 25), "信访接待", "局长接访日，接待来访群众3批", "局长", "", [], "none", False, [], None),
    (H2, D(2024, 9, 26), "集体学法", "9月份集体学法：《中华人民共和国行政诉讼法》行政机关负责人出庭应诉章节", "机关全体干部职工", "", ["三(六)"], U, False, ["二(四)"], None),
    (H2, D(2024, 10, 10), "法治讲座", "全县领导干部法治专题讲座（第二期）：海洋渔业法律法规与执法实务", "县管领导干部", "县委党校报告厅", ["三(二)"], YF, False, ["二(五)"], None),
    (H2, D(2024, 10, 16), "督查", "县委依法治县办领导干部学法情况专项督查，分管副局长带第一组", "督查组", "抽查乡镇4个、县直单位8个", ["四(三)"], YF, False, [], None),
    (H2, D(2024, 10, 23), "集体学法", "10月份集体学法：《中华人民共和国法律援助法》", "机关全体干部职工", "", ["三(六)"], U, False, ["二(四)"], None),
    (H2, D(2024, 10, 30), "安全生产", "全县安全生产大检查动员会", "分管副局长", "", [], "none", False, [], None),
    (H2, D(2024, 11, 6), "网上学法考试", "2024年度全县领导干部网上学法考试", "局领导干部12人", "参考12人，合格12人", ["三(五)"], U, False, [], None),
    (H2, D(2024, 11, 20), "学法考试通报", "通报全县学法考试结果（参考率100%，合格率98.6%），3名不合格人员12月上旬补考", "县委依法治县办", "", ["三(五)", "四(三)"], YF, False, [], None),
    (H2, D(2024, 11, 22), "党建述职", "党支部书记抓基层党建工作述职评议会", "支部书记", "", [], "none", False, [], "党建述职 is not 述法"),
    (H2, D(2024, 11, 28), "集体学法", "11月份集体学法：《宪法》总纲（宪法宣传周前集中学习）", "机关全体干部职工", "", ["三(六)", "二(二)"], U, False, [], None),
    (H2, D(2024, 12, 4), "宪法宣传", "“12·4”国家宪法日广场宣传，发放资料1500份", "普法股、城关司法所", "", [], "none", True, ["二(二)"], "public 普法, not 领导干部学法"),
    (H2, D(2024, 12, 11), "党组中心组学法", "学习《行政诉讼法》及行政机关负责人出庭应诉有关规定", "局党组成员", "", ["三(一)"], U, False, ["二(四)"], None),
    (H2, D(2024, 12, 13), "出庭应诉", "副局长出庭应诉一起政府信息公开行政诉讼案", "副局长", "", [], "none", True, ["三(四)"], "出庭应诉 is not 旁听庭审"),
    (H2, D(2024, 12, 18), "述法", "班子成员在局务会上逐一年度述法并测评", "局领导班子成员", "", ["三(五)"], U, False, [], None),
    (H2, D(2024, 12, 20), "学法档案", "完善领导干部学法档案（学法时间、内容、学时、考试成绩）", "局办公室", "", ["四(二)"], U, False, [], None),
    (H2, D(2024, 12, 25), "年终总结", "2024年度工作总结会暨年终考核", "机关全体干部职工", "", [], "none", False, [], None),
    (H2, D(2024, 12, 27), "报送材料", "报送2024年度学法工作总结及领导干部学法档案统计表", "局办公室", "", ["四(四)"], U, False, ["四(二)"], None),
    (H2, D(2024, 12, 30), "集体学法", "12月份集体学法：《行政处罚法》“首违不罚”条款", "机关全体干部职工", "", ["三(六)", "二(四)"], U, False, [], None),
    (H2, D(2025, 1, 8), "述法", "局长在县委全面依法治县委员会全体会议上作2024年度述法", "局长", "", ["三(五)"], XW, False, [], "out of year"),
    (H2, D(2025, 1, 15), "党组中心组学法", "学习《民法典》物权编", "局党组成员", "2025年第1次", ["三(一)", "二(四)"], U, False, [], "out of year"),
]

# ---------------------------------------------------------------------------------------------
# 2. yongchuan_zerenqingdan: 雍川镇党政办 notebook, text starts with its date
# tuple: (date, text, 责任人, 备注, clauses, role, doubtful, also_acceptable, note)
DW, ZF = "乡镇党委", "乡镇政府"
YC = [
    (D(2023, 12, 28), "2023.12.28 镇政府第24次常务会，会前学了新修订的《行政复议法》，约40分钟", "镇长", "", ["二(一)2"], ZF, False, [], "out of year"),
    (D(2024, 1, 5), "1月5日，镇党委会研究冬季森林防火和春节保供", "书记", "", [], "none", False, [], None),
    (D(2024, 1, 10), "1月10日 政府常务会会前学法：民法典合同编，司法所长讲的，35分钟", "镇长", "有签到", ["二(一)2"], ZF, False, [], None),
    (D(2024, 1, 16), "2024.1.16 把2023年度法治政府建设情况报告挂到镇政府网站上公开", "司法所", "", ["二(一)3"], ZF, True, [], "2023 cycle's publication, done in Jan 2024"),
    (D(2024, 1, 19), "1月19日，书记参加县委依法治县委员会会议，回来在党委会上传达了会议精神", "书记", "", ["一(一)"], DW, False, [], "贯彻落实县关于法治建设的工作要求"),
    (D(2024, 1, 23), "1月23日 安全生产工作会，布置节前安全大检查", "副镇长", "", [], "none", False, [], None),
    (D(2024, 1, 25), "1.25 村党组织书记抓党建述职评议", "组织委员", "", [], "none", False, [], "党建述职 is not 述法"),
    (D(2024, 1, 31), "1月31日，党委中心组学习，专题学习习近平法治思想（学习纲要第一、二章）", "书记", "", ["一(一)1"], DW, False, [], None),
    (D(2024, 2, 6), "2.6 春节前走访慰问困难群众", "镇长", "", [], "none", False, [], None),
    (D(2024, 2, 20), "2024.2.20 党委会听取司法所去年法治建设情况和今年打算的汇报", "书记", "", ["一(二)3"], DW, False, [], None),
    (D(2024, 2, 22), "2月22日，综治中心牵头搞一季度矛盾纠纷集中排查，排出17件，化解15件", "副镇长", "排查台账", ["二(五)8"], ZF, False, [], None),
    (D(2024, 2, 27), "2月27日 党委中心组学习二十届二中全会精神", "书记", "", [], "none", False, [], "中心组 non-law study"),
    (D(2024, 3, 5), "3月5日，政府常务会专题研究法治政府建设，通过今年法治政府建设工作计划", "镇长", "", ["二(一)1", "二(一)"], ZF, False, [], "二(一) for the 年度工作计划 (parent text)"),
    (D(2024, 3, 8), "3.8 三八妇女节座谈会", "组织委员", "", [], "none", False, [], None),
    (D(2024, 3, 12), "3月12日，党委会审议通过《雍川镇2024年法治建设工作要点》，和第一责任人清单一起印发", "书记", "", ["一(二)4"], DW, False, [], None),
    (D(2024, 3, 14), "3.14 书记接访日，接待群众6批（土地、拆迁）", "书记", "", [], "none", False, [], "信访"),
    (D(2024, 3, 26), "3月26日 执法办4人参加县司法局行政执法人员法治培训，2天16学时", "副镇长", "", ["二(三)5"], ZF, False, [], None),
    (D(2024, 3, 28), "3.28 春季造林绿化动员会", "镇长", "", [], "none", False, [], None),
    (D(2024, 4, 2), "2024.4.2 法律顾问对《雍川镇人居环境整治奖补办法》出具合法性审核意见，上常务会前审完", "司法所", "审核意见书", ["二(二)4"], ZF, False, [], None),
    (D(2024, 4, 9), "4月9日，全镇党员干部大会，书记讲法治专题党课《学习贯彻习近平法治思想 推进法治雍川建设》", "书记", "课件存档", ["一(一)2"], DW, False, [], None),
    (D(2024, 4, 15), "4月15日 国家安全教育日，在集上摆摊宣传，发资料400份", "司法所", "照片", ["一(五)"], DW, False, [], "普法 appears only in the 党委 list (一(五))"),
    (D(2024, 4, 18), "4月18日，“法律明白人”培训班，全镇56人参加", "司法所", "", ["一(五)11"], DW, False, [], None),
    (D(2024, 4, 23), "4/23 政府第6次常务会，会前学法学《土地管理法》，接着研究高标准农田项目", "镇长", "", ["二(一)2"], ZF, False, [], None),
    (D(2024, 4, 24), "4月24日，党委中心组学法：《中国共产党纪律处分条例》（党纪学习教育）", "书记", "", ["一(一)1"], DW, True, ["一(一)"], "中心组 study of 党内法规"),
    (D(2024, 4, 28), "4月28日 县委第三巡察组进驻，配合提供资料", "书记", "", [], "none", False, [], "being inspected"),
    (D(2024, 5, 7), "5月7日，汇总村法律顾问5月到村情况：12个村（社区）都坐了班，解答咨询43人次", "司法所", "", ["一(五)12"], DW, False, [], None),
    (D(2024, 5, 14), "5月14日 王副镇长到县法院出庭应诉，张某诉镇政府强拆一案", "副镇长", "", ["二(四)7"], ZF, False, [], None),
    (D(2024, 5, 16), "5.16 信访积案化解推进会", "副镇长", "", [], "none", False, [], "信访"),
    (D(2024, 5, 21), "5月21日，民法典宣传月，司法所进村讲婚姻家庭编", "司法所", "", ["一(五)"], DW, False, [], None),
    (D(2024, 5, 28), "5.28 防汛部署，落实地灾隐患点巡查责任人", "副镇长", "", [], "none", False, [], None),
    (D(2024, 5, 30), "5月30日，二季度矛盾纠纷排查，派出所、司法所、各村一起排", "副镇长", "", ["二(五)8"], ZF, False, [], None),
    (D(2024, 6, 4), "6月4日 党委会听班子成员上半年依法履职情况，分管领导逐个汇报，征地补偿程序问题当场提醒", "书记", "会议纪要", ["一(四)8"], DW, False, [], None),
    (D(2024, 6, 11), "6月11日，政府常务会会前学法：《行政处罚法》，执法办主任领学", "镇长", "", ["二(一)2"], ZF, False, [], None),
    (D(2024, 6, 18), "6月18日 安全生产月知识培训，请县应急局专家讲课", "副镇长", "", [], "none", False, [], None),
    (D(2024, 6, 20), "6月20日 城乡居民医保征缴推进会，各村包村干部参加", "副镇长", "", [], "none", False, [], None),
    (D(2024, 6, 25), "6月25日，党委中心组学法，学宪法和《监察法》", "书记", "", ["一(一)1"], DW, False, [], None),
    (D(2024, 7, 2), "7月2日 执法案卷评查，抽上半年案卷20卷，合格18卷", "副镇长", "评查表", ["二(三)6"], ZF, False, [], None),
    (D(2024, 7, 9), "7.9 党建工作推进会，通报基层组织建设情况", "组织委员", "", [], "none", False, [], None),
    (D(2024, 7, 11), "7月11日，党委会听取上半年经济运行情况汇报", "书记", "", [], "none", False, [], "经济工作汇报"),
    (D(2024, 7, 16), "7月16日，党委会专题研究征地拆迁程序合法性问题，形成纪要", "书记", "", ["一(二)3"], DW, False, [], "专题研究法治建设重大问题"),
    (D(2024, 7, 23), "7月23日 县依法治县办督察反馈我镇3个问题（执法公示不及时等）", "镇长", "", [], "none", False, [], "receiving 督察 feedback"),
    (D(2024, 8, 6), "8月6日，督察反馈问题逐项整改完，执法公示补录到位，整改报告报县依法治县办", "镇长", "", ["二(六)", "二(三)5"], ZF, False, [], None),
    (D(2024, 8, 13), "8月13日 政府常务会研究秋粮收购、秸秆禁烧", "镇长", "", [], "none", False, [], None),
    (D(2024, 8, 20), "2024.8.20 三季度矛盾纠纷集中排查，排出11件", "副镇长", "", ["二(五)8"], ZF, False, [], None),
    (D(2024, 8, 27), "8月27日 李家坪村、柳河社区报县级民主法治示范村（社区），材料交县司法局", "司法所", "", ["一(五)10"], DW, False, [], None),
    (D(2024, 9, 3), "9月3日，党委中心组学法，第二次专题学习习近平法治思想", "书记", "", ["一(一)1"], DW, False, [], None),
    (D(2024, 9, 10), "9.10 教师节慰问镇中心校教师", "镇长", "", [], "none", False, [], None),
    (D(2024, 9, 12), "9月12日 党委会审议《关于规范村级小微权力运行的意见》，上会前法律顾问做了合法合规性审查", "书记", "", ["一(三)6"], DW, False, [], None),
    (D(2024, 9, 19), "9月19日，《关于规范村级小微权力运行的意见》报县委办备案", "党政办", "", ["一(三)7"], DW, False, [], None),
    (D(2024, 9, 24), "9月24日 政府常务会会前学法：《信访工作条例》", "镇长", "", ["二(一)2"], ZF, False, [], "会前学法; content irrelevant"),
    (D(2024, 9, 27), "9.27 针对巡察反馈“决策程序不规范”，修订党委议事规则", "书记", "", ["一(三)6"], DW, False, ["一(六)"], None),
    (D(2024, 10, 8), "10月8日 农贸市场搬迁（重大决策），开座谈会听商户意见，做了社会稳定风险评估", "镇长", "", ["二(二)"], ZF, False, ["二(二)4"], "重大行政决策法定程序 (parent text)"),
    (D(2024, 10, 15), "10月15日 乡村振兴重点项目观摩", "镇长", "", [], "none", False, [], None),
    (D(2024, 10, 22), "10月22日，续聘律所律师做镇党委、镇政府法律顾问，签了合同", "党政办", "合同在档", ["一(三)"], DW, False, ["一(三)6"], "落实党委法律顾问制度 (parent text)"),
    (D(2024, 10, 29), "10月29日 镇农投公司跟施工方合同纠纷，请律师代理", "副镇长", "", [], "none", False, [], "company lawyer, not 党委/政府 法律顾问"),
    (D(2024, 11, 5), "11月5日，四季度矛盾纠纷集中排查，9件", "副镇长", "", ["二(五)8"], ZF, False, [], None),
    (D(2024, 11, 12), "11月12日 查了一遍公共法律服务工作室，12个村（社区）全覆盖", "司法所", "", ["二(五)9"], ZF, False, [], None),
    (D(2024, 11, 19), "11月19日，执法办参加县执法人员年度轮训，累计学时到42", "副镇长", "", ["二(三)5"], ZF, False, [], None),
    (D(2024, 11, 26), "11.26 党委会听取镇纪委党风廉政建设情况汇报", "书记", "", [], "none", False, [], "听取汇报 but not 法治"),
    (D(2024, 12, 3), "12月3日，宪法宣传周，去镇中心校搞“宪法进校园”", "司法所", "", ["一(五)"], DW, False, [], None),
    (D(2024, 12, 5), "12月5日 《雍川镇2024年法治政府建设情况报告》报县委、县政府", "镇长", "", ["二(一)3"], ZF, False, [], None),
    (D(2024, 12, 10), "12月10日，政府常务会会前学法：《行政复议法》", "镇长", "", ["二(一)2"], ZF, False, [], None),
    (D(2024, 12, 17), "12月17日 班子成员下半年依法履职汇报会", "书记", "", ["一(四)8"], DW, False, [], None),
    (D(2024, 12, 20), "12月20日，改了镇村干部年度考核办法，法治建设占5分", "组织委员", "", ["一(二)5"], DW, False, [], None),
    (D(2024, 12, 24), "12月24日 年终经济工作会", "镇长", "", [], "none", False, [], None),
    (D(2024, 12, 27), "12月27日，党委会听今年法治建设情况汇报，安排村书记述法", "书记", "", ["一(二)3", "一(四)9"], DW, False, [], "组织述法 arrangement counts for 9"),
    (D(2024, 12, 30), "12月30日 村（社区）书记书面述法材料收齐，12份", "组织委员", "", ["一(四)9"], DW, False, [], None),
    (D(2025, 1, 8), "2025年1月8日 村（社区）党组织书记述职述法会，12个书记现场述法", "组织委员", "", ["一(四)9"], DW, False, [], "out of year"),
    (D(2025, 1, 21), "2025.1.21 2024年度法治政府建设情况报告上镇政府网站公开", "司法所", "", ["二(一)3"], ZF, False, [], "out of year"),
]

VALID_PT = {"一"} | {f"二({c})" for c in "一二三四五"} | {f"三({c})" for c in "一二三四五六"} | {f"四({c})" for c in "一二三四"}
_YC_ITEMS = {"一": {"一": [1, 2], "二": [3, 4, 5], "三": [6, 7], "四": [8, 9], "五": [10, 11, 12], "六": []},
             "二": {"一": [1, 2, 3], "二": [4], "三": [5, 6], "四": [7], "五": [8, 9], "六": []}}
VALID_YC = set()
for s, subs in _YC_ITEMS.items():
    for p, items in subs.items():
        VALID_YC.add(f"{s}({p})")
        VALID_YC.update(f"{s}({p}){n}" for n in items)


def _row(sheet, row, title, date, clauses, role, doubtful, also, note):
    r = {"sheet": sheet, "row": row, "title": title, "date": date.isoformat()}
    if date.year != 2024:
        r.update(clauses=[], role="none", doubtful=doubtful, also_acceptable=[], out_of_year=True,
                 clauses_if_in_year=list(clauses), role_if_in_year=role)
    else:
        r.update(clauses=list(clauses), role=role, doubtful=doubtful, also_acceptable=list(also))
    if note:
        r["note"] = note
    return r


def build_pingtan():
    fn = "pingtan_xuefa_2024.xlsx"
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    gold = []
    header = [T(h) for h in ["日期", "学法形式", "学习内容", "参加人员", "备注"]]
    for sheet in (H1, H2):
        ws = wb.create_sheet(sheet)
        ws.append([T(f"坪潭县司法局2024年度领导干部学法台账（{sheet}）")])
        ws.merge_cells("A1:E1")
        ws["A1"].font = Font(bold=True, size=14)
        ws["A1"].alignment = Alignment(horizontal="center")
        ws.append(header)
        for c in ws[2]:
            c.font = Font(bold=True)
        for (sh, d, form, content, people, note, cl, role, doubt, also, gnote) in PT:
            if sh != sheet:
                continue
            form_t, content_t = T(form), T(content)
            ws.append([d, form_t, content_t, T(people), T(note) or None])
            r = ws.max_row
            ws.cell(r, 1).number_format = 'yyyy"年"m"月"d"日"'
            ws.cell(r, 3).alignment = Alignment(wrap_text=True)
            gold.append(_row(sheet, r, f"{content_t}；{form_t}", d, cl, T(role) if role != "none" else "none", doubt, also, gnote))
        for col, w in zip("ABCDE", (16, 22, 60, 26, 30)):
            ws.column_dimensions[col].width = w
    wb.save(HERE / fn)
    return {"file": fn, "pack": "pingtan_xuefa", "year": 2024, "role_hint": None,
            "unit": "坪潭縣司法局（本局領導幹部學法臺賬）",
            "style": "formal county ledger in traditional script; two sheets 上半年/下半年, title row 1 (merged), header row 2 "
                     "日期/學法形式/學習內容/參加人員/備註; 日期 are real Excel date cells; title = 學習內容；學法形式",
            "encoding": None, "rows": gold}


def build_yongchuan():
    fn = "yongchuan_zerenqingdan_2024.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["工作记录", "责任人", "备注"])
    gold = []
    for (d, text, who, note, cl, role, doubt, also, gnote) in YC:
        ws.append([text, who, note or None])
        gold.append(_row("台账", ws.max_row, text, d, cl, role, doubt, also, gnote))
    ws.column_dimensions["A"].width = 90
    ws.column_dimensions["B"].width = 12
    ws.column_dimensions["C"].width = 14
    wb.save(HERE / fn)
    return {"file": fn, "pack": "yongchuan_zerenqingdan", "year": 2024, "role_hint": None,
            "unit": "雍川镇党政办（镇党委、镇政府法治建设工作记录本）",
            "style": "clerk's notebook typed into Excel: one sheet 台账, header row 1 (工作记录/责任人/备注), no date column; "
                     "each text starts with its date in mixed forms (3月12日 / 2024.4.2 / 4/23 / 1.25 / 2025年1月8日); "
                     "year-less dates are 2024; colloquial wording",
            "encoding": None, "rows": gold}


_DPAT = [
    (re.compile(r"^(\d{4})\.(\d{1,2})\.(\d{1,2})"), lambda m: D(int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"^(\d{4})年(\d{1,2})月(\d{1,2})日"), lambda m: D(int(m[1]), int(m[2]), int(m[3]))),
    (re.compile(r"^(\d{1,2})月(\d{1,2})日"), lambda m: D(2024, int(m[1]), int(m[2]))),
    (re.compile(r"^(\d{1,2})[./](\d{1,2})\s"), lambda m: D(2024, int(m[1]), int(m[2]))),
]


def text_date(s):
    for pat, f in _DPAT:
        m = pat.match(s)
        if m:
            return f(m)
    raise AssertionError(f"no leading date: {s}")


def check(gold):
    for f in gold["files"]:
        wb = openpyxl.load_workbook(HERE / f["file"])
        valid = VALID_PT if f["pack"] == "pingtan_xuefa" else VALID_YC
        seen = set()
        for r in f["rows"]:
            key = (r["sheet"], r["row"])
            assert key not in seen, key
            seen.add(key)
            ws = wb[r["sheet"]]
            labels = r["clauses"] + r["also_acceptable"] + r.get("clauses_if_in_year", [])
            for c in labels:
                assert c in valid, (f["file"], r["row"], c)
            assert not set(r["clauses"]) & set(r["also_acceptable"]), r
            assert (r["role"] == "none") == (not r["clauses"]), r
            if f["pack"] == "pingtan_xuefa":
                v = ws.cell(r["row"], 1).value
                assert isinstance(v, dt.datetime), (key, v)
                assert v.date().isoformat() == r["date"], (key, v)
                assert r["title"] == f'{ws.cell(r["row"], 3).value}；{ws.cell(r["row"], 2).value}', key
            else:
                v = ws.cell(r["row"], 1).value
                assert v == r["title"], key
                assert text_date(v).isoformat() == r["date"], (key, v)
                assert ws.cell(r["row"], 2).value, key
            assert r.get("out_of_year", False) == (r["date"][:4] != "2024"), key
        # every data row of every sheet is in the gold
        for ws in wb:
            first = 3 if f["pack"] == "pingtan_xuefa" else 2
            for rr in range(first, ws.max_row + 1):
                assert (ws.title, rr) in seen, (f["file"], ws.title, rr)
        n = len(f["rows"])
        oy = sum(1 for r in f["rows"] if r.get("out_of_year"))
        ev = sum(1 for r in f["rows"] if r["clauses"])
        two = sum(1 for r in f["rows"] if len(r["clauses"]) >= 2)
        dub = sum(1 for r in f["rows"] if r["doubtful"])
        print(f'{f["file"]}: {n} rows; evidence {ev} ({ev/n:.0%}), distractor {n-ev-oy} ({(n-ev-oy)/n:.0%}), '
              f'out_of_year {oy}, two-clause {two}, doubtful {dub}')
        assert 50 <= n <= 80


def main():
    gold = {"files": [build_pingtan(), build_yongchuan()]}
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    check(gold)
    print("ok")


if __name__ == "__main__":
    main()
