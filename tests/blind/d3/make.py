#!/usr/bin/env python3
"""Build the two 2024 logs, gold.json and inventory.yaml for qinghe_yaodian and dongshan_diyizeren,
then self-check everything (cells vs gold, clause labels vs the documents, inventory quotes vs the text)."""

import csv
import datetime as dt
import io
import json
import pathlib
import re

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = pathlib.Path(__file__).resolve().parent
YEAR = 2024
OOY = "OOY"  # marker in the tuples: row dated outside 2024; its clause list is clauses_if_in_year

# ---------------------------------------------------------------------------------------------------------------
# A. 清河区司法局 OA 公文办理导出 (xlsx). Tuple: (办理日期, 事项标题, 主办科室, 文号, clauses, role, doubtful,
#    also_acceptable, note-or-OOY). Written in date order here; the export lists newest first.
# ---------------------------------------------------------------------------------------------------------------
SJ = "区司法局"
BM = "区政府各部门"
QINGHE = [
    ("2023-12-27 10:15", "关于安排区政府第46次常务会议会前学法内容的函", "普法与依法治理科", "清司函〔2023〕88号", ["一2"], SJ, False, [], OOY),
    ("2023-12-29 16:40", "关于2023年下半年全区行政执法案卷评查情况的通报", "行政执法监督科", "清司发〔2023〕61号", ["五17"], SJ, False, [], OOY),
    ("2024-01-05 09:12", "关于印发《区司法局2024年元旦春节期间安全生产工作方案》的通知", "办公室", "清司发〔2024〕1号", [], None, False, [], "安全生产"),
    ("2024-01-08 14:30", "关于报送2023年度法治政府建设情况报告的通知", "法治督察科", "清依法办〔2024〕1号", ["二5"], SJ, False, [], None),
    ("2024-01-10 11:02", "关于安排区政府2024年第1次常务会议会前学法的函", "普法与依法治理科", "清司函〔2024〕2号", ["一2"], SJ, False, [], None),
    ("2024-01-15 15:20", "关于做好春节前后社区矫正对象监督管理工作的通知", "社区矫正科", "清司发〔2024〕4号", [], None, False, [], "社区矫正，要点无此项"),
    ("2024-01-17 10:05", "2023年度区政府常务会议议题合法性审查情况报告", "法制审核科", "清司报〔2024〕2号", ["四12"], SJ, True, [], "2023年审查工作的年度小结，2024年1月报出"),
    ("2024-01-22 16:10", "区司法局党组2023年度民主生活会对照检查材料", "政治处", "", [], None, False, [], "党建"),
    ("2024-01-25 09:48", "关于区城管局《关于规范户外广告设置管理的通知》备案审查意见的函", "法制审核科", "清司函〔2024〕9号", ["四14"], SJ, False, [], None),
    ("2024-01-29 14:55", "关于接受市司法局2023年度法治政府建设考核检查情况的报告", "法治督察科", "清司报〔2024〕4号", [], None, False, [], "被考核检查，不是履职"),
    ("2024-01-31 15:30", "区司法局2023年政府信息公开工作年度报告", "办公室", "", ["六22"], BM, False, [], None),
    ("2024-02-02 10:30", "关于区政府与清河置业有限公司拟签订土地收储补偿协议的合法性审查意见", "法制审核科", "清司函〔2024〕13号", ["四12"], SJ, False, ["四13"], None),
    ("2024-02-06 15:00", "区司法局2023年度党建工作述职报告", "政治处", "", [], None, False, [], "党建述职不是述法"),
    ("2024-02-19 09:20", "关于举办2024年第一期行政执法人员公共法律知识培训班的通知", "行政执法监督科", "清司发〔2024〕9号", ["五16"], SJ, False, [], None),
    ("2024-02-22 11:35", "关于区政府第3次常务会议会前学法内容（新修订《行政复议法》解读）的函", "行政复议应诉科", "清司函〔2024〕17号", ["一2"], SJ, False, ["六20"], "学法内容为复议法，主要证明会前学法"),
    ("2024-02-28 17:05", "关于印发《清河区2024年法治政府建设工作要点》的通知", "法治督察科", "清依法办发〔2024〕3号", [], None, True, [], "印发本要点本身，要点内无对应条目"),
    ("2024-03-01 10:40", "区司法局2023年度法治政府建设情况报告", "法治督察科", "清司报〔2024〕7号", ["二5"], BM, False, [], "本局作为区政府部门报告"),
    ("2024-03-05 09:15", "关于组织开展“学雷锋”志愿法律服务进社区活动的通知", "公共法律服务科", "清司函〔2024〕21号", [], None, True, ["七24"], "一般法律服务志愿活动"),
    ("2024-03-08 16:22", "关于2月份全区矛盾纠纷排查化解情况的通报", "人民参与和促进法治科", "清司发〔2024〕13号", ["七23"], SJ, False, [], None),
    ("2024-03-12 10:20", "局党组会议专题研究本局2024年法治政府建设工作安排", "法治督察科", "", ["二4"], BM, False, [], None),
    ("2024-03-14 11:10", "关于提请审定《清河区人民政府2023年度法治政府建设情况报告》的请示", "法治督察科", "清司呈〔2024〕3号", ["二5"], SJ, False, [], None),
    ("2024-03-18 15:45", "关于区商务局促消费若干政策措施公平竞争审查会审意见", "法制审核科", "清司函〔2024〕26号", ["三9"], SJ, False, [], None),
    ("2024-03-20 10:00", "关于公布《清河区不予行政处罚和从轻减轻行政处罚事项清单（2024年版）》的通知", "行政执法监督科", "清司发〔2024〕16号", ["五18"], SJ, False, [], None),
    ("2024-03-26 14:12", "关于组织局机关干部职工参加消防安全培训的通知", "办公室", "", [], None, False, [], "消防培训"),
    ("2024-03-29 09:35", "关于在区政府门户网站公开区政府2023年度法治政府建设情况报告的函", "法治督察科", "清司函〔2024〕30号", ["二5"], SJ, False, [], None),
    ("2024-04-03 17:20", "关于副区长出庭应诉刘某某诉区人民政府房屋征收补偿决定一案的情况报告", "行政复议应诉科", "清司报〔2024〕12号", ["六21"], SJ, False, [], None),
    ("2024-04-09 10:50", "一季度行政复议案件受理及办理情况报告", "行政复议应诉科", "清司报〔2024〕14号", ["六20"], SJ, False, [], None),
    ("2024-04-08 16:05", "关于报送2024年一季度司法行政业务统计报表的通知", "办公室", "清司函〔2024〕33号", [], None, False, [], None),
    ("2024-04-12 15:30", "关于做好2024年国家统一法律职业资格考试报名审核工作的通知", "律师公证管理科", "清司发〔2024〕20号", [], None, False, [], "法考考务"),
    ("2024-04-16 09:05", "关于举办2024年第一期领导干部法治专题讲座的通知", "普法与依法治理科", "清依法办〔2024〕6号", ["一3"], SJ, False, [], None),
    ("2024-04-19 14:40", "关于征集2024年度重大行政决策事项目录建议项目的通知", "法制审核科", "清司函〔2024〕35号", ["四11"], SJ, False, [], None),
    ("2024-04-25 11:15", "关于全区律师事务所2023年度检查考核结果的通报", "律师公证管理科", "清司发〔2024〕23号", [], None, False, [], "律师行业管理"),
    ("2024-04-28 16:00", "关于“五一”端午节前廉洁提醒的通知", "政治处", "", [], None, False, [], None),
    ("2024-05-06 10:20", "关于开展2024年“美好生活·民法典相伴”主题宣传月活动的通知", "普法与依法治理科", "清司发〔2024〕25号", ["七25"], SJ, False, [], "要点25写明深化民法典宣传教育"),
    ("2024-05-10 15:55", "关于区城投集团常年法律顾问选聘事项的复函", "法制审核科", "清司函〔2024〕41号", [], None, False, [], "城投公司法律顾问不是政府法律顾问"),
    ("2024-05-13 09:40", "关于区政府第12次常务会议会前学法（民法典婚姻家庭编）安排的函", "普法与依法治理科", "清司函〔2024〕43号", ["一2"], SJ, False, [], None),
    ("2024-05-16 09:40", "关于2023年下半年法治政府建设督察反馈问题整改情况的报告", "法治督察科", "清依法办〔2024〕9号", ["二7"], SJ, False, [], "督察整改"),
    ("2024-05-21 14:25", "关于为各街道综合行政执法队开展执法业务培训情况的报告", "行政执法监督科", "清司报〔2024〕19号", ["五19"], SJ, False, ["五16"], None),
    ("2024-05-28 10:10", "关于开展2024年上半年行政执法案卷评查工作的通知", "行政执法监督科", "清司发〔2024〕29号", ["五17"], SJ, False, [], None),
    ("2024-06-04 09:30", "区司法局2024年“安全生产月”活动实施方案", "办公室", "清司发〔2024〕31号", [], None, False, [], "安全生产"),
    ("2024-06-12 16:45", "关于《清河区2024年度重大行政决策事项目录（送审稿）》的合法性审查意见", "法制审核科", "清司函〔2024〕48号", ["四11", "四12"], SJ, False, [], None),
    ("2024-06-20 11:00", "关于开展2024年上半年法治政府建设督察的通知", "法治督察科", "清依法办〔2024〕11号", ["二7"], SJ, False, [], None),
    ("2024-06-27 15:18", "关于报送区政府2024年度重大行政决策事项目录并在门户网站公布的函", "法制审核科", "清司函〔2024〕52号", ["四11"], SJ, False, [], None),
    ("2024-07-02 10:35", "局党组理论学习中心组专题学习习近平法治思想情况报告", "办公室", "", ["一1"], BM, False, [], "本局作为区政府部门的班子理论学习"),
    ("2024-07-08 14:50", "关于上半年涉法涉诉信访事项办理情况的报告", "办公室", "清司报〔2024〕26号", [], None, False, [], "信访"),
    ("2024-07-15 09:55", "上半年法治政府建设工作进展情况报告", "法治督察科", "清依法办〔2024〕13号", [], None, True, ["八26"], "进展汇总，要点无定期报送条目"),
    ("2024-07-22 16:30", "关于推荐“行政执法‘三书同达’”项目申报省级法治政府建设示范项目的请示", "行政执法监督科", "清依法办〔2024〕14号", ["二6"], SJ, False, ["五15"], None),
    ("2024-07-30 11:40", "关于上半年全区行政执法人员培训学时完成情况及案卷评查结果的通报", "行政执法监督科", "清司发〔2024〕36号", ["五16", "五17"], SJ, False, [], None),
    ("2024-08-06 10:15", "关于开展涉企行政规范性文件专项清理工作的通知", "法制审核科", "清司发〔2024〕38号", ["三9"], SJ, False, ["四14"], None),
    ("2024-08-12 15:05", "关于八一期间走访慰问退役军人干警的通知", "政治处", "", [], None, False, [], None),
    ("2024-08-20 09:25", "关于东湖街道“法律明白人”骨干培训班举办情况的报告", "公共法律服务科", "清司报〔2024〕33号", ["七24"], SJ, False, [], None),
    ("2024-08-27 14:00", "关于区政府第21次常务会议会前学法（《保守国家秘密法》）安排的函", "普法与依法治理科", "清司函〔2024〕63号", ["一2"], SJ, False, [], None),
    ("2024-09-03 10:45", "关于开展行政执法“三项制度”落实情况专项检查的通知", "行政执法监督科", "清司发〔2024〕41号", ["五15"], SJ, False, ["五17"], None),
    ("2024-09-06 10:30", "关于做好2024年度人民陪审员选任资格审查工作的通知", "人民参与和促进法治科", "清司发〔2024〕42号", [], None, False, [], "人民陪审员选任"),
    ("2024-09-10 16:20", "关于举办局机关公文写作与信息报送培训的通知", "办公室", "", [], None, False, [], "业务培训"),
    ("2024-09-18 11:30", "关于调整区人民政府法律顾问组成人员的请示", "法制审核科", "清司呈〔2024〕11号", ["四13"], SJ, False, [], None),
    ("2024-09-24 15:40", "关于8月份全区矛盾纠纷排查化解情况的通报", "人民参与和促进法治科", "清司发〔2024〕44号", ["七23"], SJ, False, [], None),
    ("2024-10-09 09:50", "关于做好四季度社区矫正对象分类管理工作的通知", "社区矫正科", "清司发〔2024〕47号", [], None, False, [], None),
    ("2024-10-16 14:15", "关于组织参加2024年度全区国家工作人员学法考试的通知", "普法与依法治理科", "清依法办〔2024〕17号", ["一3"], SJ, False, [], None),
    ("2024-10-23 10:25", "关于市司法局来我区调研指导行政复议工作的情况报告", "行政复议应诉科", "清司报〔2024〕39号", [], None, False, [], "被调研指导，不是履职"),
    ("2024-10-29 16:35", "关于征集“谁执法谁普法”以案释法典型案例的通知", "普法与依法治理科", "清司函〔2024〕77号", ["七25"], SJ, False, [], None),
    ("2024-11-05 11:20", "张某某不服区市场监管局行政处罚一案行政复议决定书（审批稿）", "行政复议应诉科", "清政复决字〔2024〕37号", ["六20"], SJ, False, [], None),
    ("2024-11-12 09:10", "关于开展2024年下半年行政执法案卷评查工作的通知", "行政执法监督科", "清司发〔2024〕53号", ["五17"], SJ, False, [], None),
    ("2024-11-19 15:25", "关于开展2024年下半年法治政府建设督察的通知", "法治督察科", "清依法办〔2024〕20号", ["二7"], SJ, False, [], None),
    ("2024-11-22 10:10", "关于区政府第27次常务会议会前学法（《行政处罚法》）安排的函", "普法与依法治理科", "清司函〔2024〕81号", ["一2"], SJ, False, [], None),
    ("2024-11-28 10:40", "前三季度行政应诉案件及行政机关负责人出庭应诉情况报告", "行政复议应诉科", "清司报〔2024〕45号", ["六21"], SJ, False, [], None),
    ("2024-12-02 14:30", "关于开展2024年“12·4”国家宪法日暨“宪法宣传周”活动的通知", "普法与依法治理科", "清依法办〔2024〕22号", ["七25"], SJ, False, [], None),
    ("2024-12-06 10:05", "区司法局权责清单动态调整情况（报区委编办）", "法制审核科", "清司函〔2024〕86号", ["三10"], BM, False, [], None),
    ("2024-12-12 16:50", "关于开展2024年度全区法治政府建设考核工作的通知", "法治督察科", "清依法办〔2024〕24号", ["八26"], SJ, False, [], None),
    ("2024-12-18 09:45", "区政府法律顾问参与重大合同审查情况报告", "法制审核科", "清司报〔2024〕50号", ["四13"], SJ, False, ["四12"], None),
    ("2024-12-19 14:35", "区司法局2024年部门预算执行情况报告", "办公室", "清司报〔2024〕51号", [], None, False, [], None),
    ("2024-12-23 15:15", "关于做好岁末年初安全稳定工作的通知", "办公室", "清司发〔2024〕58号", [], None, False, [], None),
    ("2024-12-27 11:25", "区司法局2024年工作总结和2025年工作思路", "办公室", "清司报〔2024〕53号", [], None, False, [], "综合总结"),
    ("2025-01-06 10:00", "关于报送2024年度法治政府建设情况报告的通知", "法治督察科", "清依法办〔2025〕1号", ["二5"], SJ, False, [], OOY),
    ("2025-01-09 14:20", "2024年度区政府法律顾问履职情况报告", "法制审核科", "清司报〔2025〕2号", ["四13"], SJ, False, [], OOY),
]

# ---------------------------------------------------------------------------------------------------------------
# B. 东山县委办 terse GBK CSV. Tuple: (时间, 内容, 部门, clauses, role, doubtful, also_acceptable, note-or-OOY)
# ---------------------------------------------------------------------------------------------------------------
SW = "县委主要负责人"
ZF = "县政府主要负责人"
BMF = "县委和县政府工作部门主要负责人"
XZ = "乡镇（街道）"
YFB = "县委依法治县办"
DONGSHAN = [
    ("2023.12.26", "常委会审议24年法治建设工作要点（送审稿）", "县委办", ["第五条(二)"], SW, False, [], OOY),
    ("2023.12.29", "依法治县委第5次会议，书记主持", "依法治县办", ["第五条(一)"], SW, False, [], OOY),
    ("2024.1.4", "常委会：元旦春节安全稳定", "县委办", [], None, False, [], None),
    ("2024.1.9", "中心组学习 二十届中纪委三次全会精神", "县委办", [], None, False, [], "中心组非学法"),
    ("2024.1.11", "常委会会前学法：新修订行政复议法（司法局长讲）", "县委办", ["第五条(四)"], SW, False, [], None),
    ("2024.1.16", "书记接访，城关征地补偿3件", "信访局", [], None, False, [], "信访"),
    ("2024.1.18", "常委会听取法院、检察院党组23年工作汇报", "县委办", ["第五条(二)"], SW, False, [], None),
    ("2024.1.23", "县委经济工作会议", "县委办", [], None, False, [], None),
    ("2024.1.26", "乡镇党委书记抓基层党建述职评议", "组织部", [], None, False, [], "党建述职不是述法"),
    ("2024.1.30", "23年度县委县政府法治建设情况报告报市委", "依法治县办", ["第十条"], SW + "|" + ZF, True, [], "上年度报告，晚于“年底前”时限"),
    ("2024.2.2", "常委会专题研究法治建设，过24年法治建设、法治政府建设要点", "县委办", ["第五条(二)"], SW, False, ["第五条(三)"], None),
    ("2024.2.6", "书记节前督导烟花爆竹安全", "县委办", [], None, False, [], None),
    ("2024.2.21", "依法治县委24年第1次全体会议（书记主持），审议年度要点", "依法治县办", ["第五条(一)"], SW, False, [], None),
    ("2024.2.26", "23年度述法评议会：部门、乡镇一把手现场述法12人、书面31人", "依法治县办", ["第十一条"], YFB, False, [], "第一季度组织上年度述法"),
    ("2024.2.27", "政府续聘法律顾问（2家律所）", "政府办", ["第六条(三)"], ZF, False, [], None),
    ("2024.2.28", "常委会研究机构改革方案", "县委办", [], None, False, [], None),
    ("3.5", "政府常务会会前学法（优化营商环境条例）", "政府办", ["第六条(四)"], ZF, False, [], "无年份，按2024"),
    ("2024.3.12", "印发第一责任人职责实施办法（东办发〔2024〕9号）", "县委办", [], None, True, ["第四条"], "印发本办法本身"),
    ("2024.3.14", "中心组（扩大）学习习近平法治思想，法院院长辅导", "县委办", ["第五条(四)"], SW, False, [], None),
    ("2024.3.19", "书记到城关司法所、公共法律服务中心调研", "县委办", ["第四条"], SW, True, [], "调研是否算“亲自过问”存疑"),
    ("2024.3.22", "常委会：一季度经济运行", "县委办", [], None, False, [], None),
    ("2024.3.27", "政府常务会听取23年法治政府建设情况汇报，审议年度报告", "政府办", ["第六条(一)", "第六条(七)"], ZF, False, [], None),
    ("2024.3.29", "23年度法治政府建设报告县政府网公开", "政府办", ["第六条(七)"], ZF, False, [], None),
    ("2024.4.2", "印发24年度目标绩效考核办法，法治建设占3分", "组织部", ["第十二条"], "县委组织部", False, ["第五条(七)"], None),
    ("2024.4.3", "清明祭扫、森林防火部署", "县委办", [], None, False, [], None),
    ("2024.4.9", "委办机关支部党纪学习教育集体学法（纪律处分条例）", "县委办", ["第七条(二)"], BMF, True, [], "党纪学习教育是否算班子集体学法存疑"),
    ("2024.4.15", "全民国家安全教育日宣传（国安办）", "县委办", [], None, True, ["第七条(四)"], "一般宣传日"),
    ("2024.4.18", "依法治县办约谈考核排名靠后3个单位一把手", "依法治县办", ["第十四条"], YFB, False, [], None),
    ("2024.4.24", "常委会听取县人大常委会党组工作汇报", "县委办", ["第五条(二)"], SW, True, [], "综合工作汇报，非专门法治建设汇报"),
    ("2024.5.7", "常委会审定县委法律顾问工作规则", "县委办", ["第五条(五)"], SW, False, [], None),
    ("2024.5.11", "城投集团聘常年法律顾问（书记签批）", "县委办", [], None, False, [], "城投法律顾问不是县委法律顾问"),
    ("2024.5.16", "市委依法治市办来县督察第一责任人履职（迎检）", "依法治县办", [], None, False, [], "被督察"),
    ("2024.5.22", "书记主持信访工作联席会议", "信访局", [], None, False, [], None),
    ("2024.5.29", "督察反馈问题整改方案印发，7项", "依法治县办", ["第十三条"], SW + "|" + ZF, False, [], "督察整改"),
    ("2024.6.4", "中心组学习：党纪学习教育专题（纪律处分条例）", "县委办", ["第五条(四)"], SW, True, [], "中心组学党内法规，是否算学法存疑"),
    ("2024.6.12", "政府常务会会前学法（行政复议法）", "政府办", ["第六条(四)"], ZF, False, [], None),
    ("2024.6.18", "防汛工作会议", "县委办", [], None, False, [], None),
    ("2024.6.21", "书记参加东坝镇党委会，听镇里法治建设汇报", "县委办", ["第八条(一)"], XZ, False, [], None),
    ("2024.6.26", "6·26禁毒日宣传", "政法委", [], None, False, [], None),
    ("2024.6.27", "县长主持行政执法“三项制度”推进会", "政府办", ["第六条(五)"], ZF, False, [], None),
    ("2024.7.2", "常委会专题研究法治建设，听上半年情况", "县委办", ["第五条(二)"], SW, False, [], None),
    ("2024.7.9", "书记批示：城管执法一刀切问题依法整改", "县委办", ["第四条"], SW, False, [], None),
    ("2024.7.16", "常委会会前学法：保守国家秘密法", "县委办", ["第五条(四)"], SW, False, [], None),
    ("2024.7.25", "人大常委会行政处罚法执法检查（委办派员）", "县委办", [], None, False, [], "人大执法检查"),
    ("2024.8.1", "八一走访慰问驻县部队", "县委办", [], None, False, [], None),
    ("2024.8.13", "政府常务会审议城区供热价格调整（重大决策，司法局合法性审查）", "政府办", ["第六条(二)"], ZF, False, [], None),
    ("2024.8.20", "县长出庭应诉（某建材公司诉县政府行政协议案）", "政府办", ["第六条(六)"], ZF, False, [], None),
    ("2024.8.27", "平安建设工作会议，听政法委汇报", "政法委", [], None, False, [], "平安建设汇报"),
    ("2024.9.3", "常委会：秋季招商、项目建设", "县委办", [], None, False, [], None),
    ("2024.9.5", "县委第3轮巡察动员", "巡察办", [], None, False, [], None),
    ("2024.9.12", "依法治县委第2次全体会议", "依法治县办", ["第五条(一)"], SW, False, [], None),
    ("2024.9.24", "四套班子法治专题讲座，省委党校教授讲行政复议法", "县委办", ["第六条(四)"], SW + "|" + ZF, False, ["第五条(四)"], "讲座只写在第六条(四)"),
    ("2024.9.26", "政府常务会会前学法（民法典合同编）", "政府办", ["第六条(四)"], ZF, False, [], None),
    ("2024.10.10", "中心组学习：总书记关于安全生产重要论述", "县委办", [], None, False, [], "中心组非学法"),
    ("2024.10.15", "委办公文写作培训", "县委办", [], None, False, [], None),
    ("2024.10.22", "常委会听取县政协党组工作汇报", "县委办", ["第五条(二)"], SW, True, [], "综合工作汇报"),
    ("2024.10.29", "委办室务会专题研究本部门法治建设", "县委办", ["第七条(一)"], BMF, False, [], None),
    ("2024.11.5", "政府常务会会前学法（行政处罚法）", "政府办", ["第六条(四)"], ZF, False, [], None),
    ("2024.11.8", "保密工作自查", "县委办", [], None, False, [], None),
    ("2024.11.14", "依法治县办第一责任人履职专项督察（6个部门、4个乡镇）", "依法治县办", ["第十三条"], YFB, False, [], None),
    ("2024.11.20", "县委法律顾问对2份县委文件出合法合规性审查意见，书记审签", "县委办", ["第五条(五)"], SW, False, [], None),
    ("12.4", "宪法日，常委会会前学宪法", "县委办", ["第五条(四)"], SW, False, [], "无年份，按2024"),
    ("2024.12.4", "宣传部、司法局宪法日集中宣传", "宣传部", ["第七条(四)"], BMF, True, ["第五条(八)"], "部门普法，县委普法职责只在第五条(八)"),
    ("2024.12.10", "部门、乡镇年度法治建设报告收齐43份", "依法治县办", ["第十条"], BMF + "|" + XZ, False, [], None),
    ("2024.12.17", "常委会审议县委县政府24年度法治建设情况报告", "县委办", ["第五条(二)", "第十条"], SW, False, [], None),
    ("2024.12.20", "24年度法治建设情况报告报市委依法治市办", "依法治县办", ["第十条"], SW + "|" + ZF, False, [], None),
    ("2024.12.24", "常委会班子民主生活会", "县委办", [], None, False, [], None),
    ("2024.12.30", "县直部门一把手年终述职测评（含履行法治建设第一责任人职责）", "组织部", ["第十一条"], BMF, False, [], "列入年终述职"),
    ("2025.1.8", "常委会听取24年度法治建设情况汇报", "县委办", ["第五条(二)"], SW, False, [], OOY),
    ("2025.2.18", "24年度述法评议会", "依法治县办", ["第十一条"], YFB, False, [], OOY),
]

# ---------------------------------------------------------------------------------------------------------------
# Inventory of quantified requirements: (doc, clause, quote, kind, number, period)
# ---------------------------------------------------------------------------------------------------------------
INVENTORY = [
    ("qinghe_yaodian", "一1", "区政府党组理论学习中心组全年开展习近平法治思想专题学习不少于两次", "count", 2, "year"),
    ("qinghe_yaodian", "一2", "区政府常务会议每季度至少安排1次会前学法", "each", 1, "quarter"),
    ("qinghe_yaodian", "一2", "各部门、各街道领导班子会前学法每年不少于4次", "count", 4, "year"),
    ("qinghe_yaodian", "一3", "年内举办领导干部法治专题讲座不少于2期", "count", 2, "year"),
    ("qinghe_yaodian", "二5", "各部门、各街道于2024年3月1日前向区委、区政府报告上一年度法治政府建设情况", "deadline", "03-01", None),
    ("qinghe_yaodian", "二5", "区政府于3月31日前向区委和市政府报告，并通过政府门户网站向社会公开", "deadline", "03-31", None),
    ("qinghe_yaodian", "二7", "每半年开展一次督察检查", "each", 1, "half"),
    ("qinghe_yaodian", "三8", "依申请政务服务事项网上可办率达到95%以上", "rate", 95, None),
    ("qinghe_yaodian", "四11", "区政府于2024年6月30日前编制并公布年度重大行政决策事项目录", "deadline", "06-30", None),
    ("qinghe_yaodian", "四14", "行政规范性文件自公布之日起15个工作日内报送备案", "deadline", 15, None),
    ("qinghe_yaodian", "五16", "全区行政执法人员每人每年参加公共法律知识和专业法律知识培训不少于40学时", "sum", 40, "year"),
    ("qinghe_yaodian", "五17", "全年开展两次行政执法案卷评查", "count", 2, "year"),
    ("qinghe_yaodian", "七23", "街道、社区每月开展一次矛盾纠纷排查", "each", 1, "month"),
    ("qinghe_yaodian", "七24", "到2024年底，每个社区（村）培养“法律明白人”不少于3名", "target", 3, None),
    ("dongshan_diyizeren", "第五条(一)", "每年至少召开一次委员会全体会议", "count", 1, "year"),
    ("dongshan_diyizeren", "第五条(二)", "县委常委会会议每年至少听取一次县人大常委会、县政府、县政协、县人民法院、县人民检察院党组（党委）法治建设工作情况汇报", "count", 1, "year"),
    ("dongshan_diyizeren", "第五条(二)", "每年至少2次专题研究法治建设工作", "count", 2, "year"),
    ("dongshan_diyizeren", "第五条(四)", "县委理论学习中心组每年开展集体学法不少于2次", "count", 2, "year"),
    ("dongshan_diyizeren", "第六条(一)", "县政府常务会议每年至少2次听取法治政府建设工作汇报", "count", 2, "year"),
    ("dongshan_diyizeren", "第六条(四)", "每季度至少组织一次会前学法", "each", 1, "quarter"),
    ("dongshan_diyizeren", "第七条(一)", "每年至少召开一次党组（党委）会议专题研究本部门法治建设工作", "count", 1, "year"),
    ("dongshan_diyizeren", "第十条", "县委、县政府应当于每年年底前向市委、市政府报告本年度履行推进法治建设第一责任人职责、推进法治建设情况", "deadline", "12-31", "year"),
    ("dongshan_diyizeren", "第十条", "应当于每年12月10日前向县委、县政府书面报告本年度推进法治建设情况", "deadline", "12-10", "year"),
    ("dongshan_diyizeren", "第十一条", "县委依法治县办每年第一季度组织县委和县政府工作部门、乡镇（街道）主要负责人开展上一年度述法工作", "deadline", "03-31", "year"),
    ("dongshan_diyizeren", "第十二条", "法治建设在全县年度目标绩效考核中的分值权重不低于3%", "rate", 3, None),
    ("dongshan_diyizeren", "第十三条", "每年至少开展1次专项督察", "count", 1, "year"),
]


# ---------------------------------------------------------------------------------------------------------------
def valid_labels(stem):
    text = (HERE / f"{stem}.txt").read_text(encoding="utf-8")
    labels = set()
    if stem == "qinghe_yaodian":
        sec = None
        for line in text.splitlines():
            m = re.match(r"^([一二三四五六七八九十]+)、", line)
            if m:
                sec = m.group(1)
                labels.add(sec)
                continue
            m = re.match(r"^(\d+)\.", line)
            if m and sec:
                labels.add(sec + m.group(1))
    else:
        art = None
        for line in text.splitlines():
            m = re.match(r"^(第[一二三四五六七八九十]+条)", line)
            if m:
                art = m.group(1)
                labels.add(art)
                continue
            m = re.match(r"^（([一二三四五六七八九十]+)）", line)
            if m and art:
                labels.add(f"{art}({m.group(1)})")
    return labels, text


def iso_from(cell, style):
    if style == "oa":
        return cell[:10]
    parts = cell.split(".")
    if len(parts) == 2:
        y, mo, d = YEAR, int(parts[0]), int(parts[1])
    else:
        y, mo, d = int(parts[0]), int(parts[1]), int(parts[2])
    return dt.date(y, mo, d).isoformat()


def gold_row(sheet, rownum, title, date, clauses, role, doubtful, also, note):
    g = {"sheet": sheet, "row": rownum, "title": title, "date": date}
    if note == OOY:
        g.update(clauses=[], role="none", doubtful=False, out_of_year=True,
                 clauses_if_in_year=list(clauses), role_if_in_year=role if clauses else "none")
        if also:
            g["also_acceptable"] = list(also)
        return g
    g.update(clauses=list(clauses), role=role if clauses else "none", doubtful=doubtful)
    if also:
        g["also_acceptable"] = list(also)
    if note:
        g["note"] = note
    return g


def build_qinghe():
    fname = "qinghe_yaodian_2024.xlsx"
    sheet = "公文办理登记"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(["序号", "办理日期", "事项标题", "主办科室", "文号"])
    for c in ws[1]:
        c.font = Font(bold=True)
    rows = []
    ordered = sorted(QINGHE, key=lambda t: t[0], reverse=True)  # OA lists newest first
    for i, (when, title, dept, no, clauses, role, doubtful, also, note) in enumerate(ordered, start=1):
        r = i + 1
        ws.append([i, dt.datetime.strptime(when, "%Y-%m-%d %H:%M"), title, dept, no or None])
        ws.cell(r, 2).number_format = "yyyy-mm-dd hh:mm"
        rows.append(gold_row(sheet, r, title, iso_from(when, "oa"), clauses, role, doubtful, also, note))
    for col, w in zip("ABCDE", (6, 18, 70, 20, 24)):
        ws.column_dimensions[col].width = w
    for row in ws.iter_rows(min_row=2, min_col=3, max_col=3):
        row[0].alignment = Alignment(wrap_text=False)
    wb.save(HERE / fname)
    return {"file": fname, "pack": "qinghe_yaodian", "year": YEAR, "role_hint": None,
            "unit": "清河区司法局（区委依法治区办设在局内）OA 公文办理导出",
            "style": "OA export, header on row 1, no title line; 序号/办理日期/事项标题/主办科室/文号; newest first; "
                     "办理日期 real Excel datetimes (yyyy-mm-dd hh:mm); titles are OA subjects (关于……的通知/函/请示, ……情况报告); 文号 blank for internal papers",
            "rows": rows}


def build_dongshan():
    fname = "dongshan_diyizeren_2024.csv"
    stem = fname[:-4]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(["时间", "内容", "部门"])
    rows = []
    for i, (when, text, dept, clauses, role, doubtful, also, note) in enumerate(DONGSHAN):
        w.writerow([when, text, dept])
        rows.append(gold_row(stem, i + 2, text, iso_from(when, "csv"), clauses, role, doubtful, also, note))
    (HERE / fname).write_bytes(buf.getvalue().encode("gbk"))
    return {"file": fname, "pack": "dongshan_diyizeren", "year": YEAR, "role_hint": None,
            "unit": "中共东山县委办公室（党政主要负责人履行法治建设第一责任人职责记录）",
            "style": "terse GBK CSV (CRLF), header on line 1 时间,内容,部门; dates 2024.m.d, two cells m.d without year; "
                     "clipped wording (常委会, 中心组, 政府常务会, 一把手, 24年)",
            "encoding": "gbk", "rows": rows}


def write_inventory():
    lines = []
    for doc, clause, quote, kind, number, period in INVENTORY:
        lines.append(f"- doc: {doc}")
        lines.append(f"  clause: {json.dumps(clause, ensure_ascii=False)}")
        lines.append(f"  quote: {json.dumps(quote, ensure_ascii=False)}")
        lines.append(f"  kind: {kind}")
        lines.append(f"  number: {json.dumps(number, ensure_ascii=False)}")
        lines.append(f"  period: {period if period else 'null'}")
    (HERE / "inventory.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


# ---------------------------------------------------------------------------------------------------------------
def check(gold):
    import yaml
    docs = {s: valid_labels(s) for s in ("qinghe_yaodian", "dongshan_diyizeren")}
    for f in gold["files"]:
        labels, _ = docs[f["pack"]]
        path = HERE / f["file"]
        if path.suffix == ".xlsx":
            ws = openpyxl.load_workbook(path)[f["rows"][0]["sheet"]]
            cell = lambda g: (ws.cell(g["row"], 3).value, ws.cell(g["row"], 2).value.date().isoformat())
        else:
            lines = path.read_bytes().decode("gbk").split("\r\n")
            assert lines[0] == "时间,内容,部门", lines[0]
            def cell(g):
                rec = next(csv.reader([lines[g["row"] - 1]]))
                return rec[1], iso_from(rec[0], "csv")
        n = len(f["rows"])
        assert 50 <= n <= 80, (f["file"], n)
        ev = dis = oy = 0
        for g in f["rows"]:
            title, date = cell(g)
            assert title == g["title"] and date == g["date"], (f["file"], g["row"], title, date)
            oyr = g.get("out_of_year", False)
            assert oyr == (not g["date"].startswith(str(YEAR))), g
            for c in g["clauses"] + g.get("also_acceptable", []) + g.get("clauses_if_in_year", []):
                assert c in labels, (f["file"], g["row"], c)
            assert (g["role"] == "none") == (not g["clauses"]), g
            if oyr:
                oy += 1
            elif g["clauses"]:
                ev += 1
            else:
                dis += 1
        print(f"{f['file']}: {n} rows; evidence {ev} ({ev/n:.0%}), distractors {dis} ({dis/n:.0%}), out_of_year {oy}, "
              f"doubtful {sum(g['doubtful'] for g in f['rows'])}, two-clause {sum(len(g['clauses'])>1 for g in f['rows'])}")
    inv = yaml.safe_load((HERE / "inventory.yaml").read_text(encoding="utf-8"))
    per = {}
    for e in inv:
        labels, text = docs[e["doc"]]
        assert e["quote"] in text, e["quote"]
        assert e["clause"] in labels, e
        assert e["kind"] in {"count", "deadline", "sum", "rate", "each", "target"}, e
        assert e["period"] in {"year", "half", "quarter", "month", None}, e
        per.setdefault(e["doc"], set()).add(e["clause"])
    for d, cl in per.items():
        print(f"inventory {d}: {sum(e['doc']==d for e in inv)} requirements in {len(cl)} clauses")
    print("self-check OK")


def main():
    gold = {"files": [build_qinghe(), build_dongshan()]}
    (HERE / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    write_inventory()
    check(gold)


if __name__ == "__main__":
    main()
