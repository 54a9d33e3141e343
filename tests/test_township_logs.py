"""Township logs audited with county-level packs: a 镇党政综合办公室's ledger is the township's, its 党委会议 is the
body that hears 法治建设 reports (panjin 四(三) makes the township apply the list), a 依法治镇领导小组 is its
coordinating body, a 综合执法办公室 named as the body that acts is not 综合执法改革 work, and a 主要内容 that opens
with the body (镇党委牵头组织…) tells the role of a title that names none."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from conftest import check_json, status_of

from dutyaudit.matching import RoleResolver
from dutyaudit.model import Activity
from dutyaudit.packs import load_pack

HEADER = ["月份", "日", "主体", "工作事项", "落实情况"]


def _rows(data: dict[str, Any], duty_id: str) -> list[int]:
    return [e["row"] for e in status_of(data, duty_id)["evidence"]]


def test_a_township_party_meeting_hears_the_report(write_csv: Callable[..., Path]) -> None:
    rows = [
        ["1月", 29, "党委", "召开党委会议，听取2022年全镇法治建设工作情况汇报", "书记提出4项要求"],
        ["3月", "5日", "党委", "召开镇委全面依法治镇领导小组会议", "研究年度工作"],
        ["4月", 8, "党委", "党委会议研究冬季防火", "已部署"],
        ["5月", 8, "党委", "党委会议专题研究法治乡村建设工作", "确定示范村"],
    ]
    log = write_csv(rows, header=HEADER, title="某镇党委、政府法治建设工作台账（2023年）")
    _, data = check_json("panjin", log, "--year", "2023")
    assert _rows(data, "party-01") == [3, 6]
    assert _rows(data, "party-21") == [4]


def test_xuefa_in_a_cadre_assessment_is_the_assessment(write_csv: Callable[..., Path]) -> None:
    rows = [["5月", 9, "党委", "制定干部考核办法，将尊法学法守法用法情况纳入班子和干部年度考核", "党委会议审议通过"]]
    log = write_csv(rows, header=HEADER, title="某镇党委法治建设工作台账（2023年）")
    _, data = check_json("panjin", log, "--year", "2023")
    assert _rows(data, "party-13") == [3]
    assert _rows(data, "party-19a") == []  # no 会前学法 at that 党委会议


def test_an_office_of_the_township_keeps_its_ledger(write_csv: Callable[..., Path]) -> None:
    rows = [
        ["2023年3月1日", "执法公示", "综合执法办公室在政务公开栏公示执法主体、执法人员"],
        ["2023年4月1日", "综合执法改革", "承接区下放执法事项，组建综合执法队伍"],
    ]
    log = write_csv(rows, header=["时间", "活动名称", "主要内容"], title="某镇党政综合办公室法治建设活动台账（2023年）")
    path = log.with_name("log2.csv")
    lines = log.read_text(encoding="utf-8").splitlines()
    path.write_text(
        "\n".join([lines[0], "填报单位：某某镇党政综合办公室    填报时间：2024年1月15日", *lines[1:]]), "utf-8"
    )
    _, data = check_json("shapotou", path, "--year", "2023")
    assert data["unit"] == "某某镇党政综合办公室"
    assert set(data["scope"]["roles"]) == {"township_party", "township_government"}  # no department duties
    assert _rows(data, "gov-i10") == [5]  # row 4 names the 综合执法办公室 only as the body that publishes


def test_a_descriptive_column_opening_with_the_body_tells_the_role() -> None:
    resolver = RoleResolver(load_pack("shapotou"))

    def role(title: str, text: str, header: str = "主要内容") -> str | None:
        row = Activity(file="f", sheet="s", row=1, date=None, title=title, key=title, extra={header: text})
        return resolver.role_of(row)

    assert role("民法典宣传月", "镇党委牵头组织民法典进村入户宣讲12场") == "township_party"
    assert role("文件合法性审查", "党委文件印发前经法律顾问合法合规性审查") == "township_party"
    assert role("安排部署", "研究部署镇政府各站所述法工作") is None  # the body named further on is the object
    assert role("民法典宣传月", "镇党委牵头组织宣讲", header="参加人") is None  # not a descriptive column


def test_township_rows_that_only_share_words_with_a_duty(write_csv: Callable[..., Path]) -> None:
    """A 行政规范性文件 cleanup is not the party's 党内 filing; a 人大执法检查 the town helps with is not the town's own
    check, nor the party's support (the log does not say the party's); a lecture on 基层治理 is study; an
    assessment that takes in 法治建设 is 一（四）3, not the plan of 一（四）2."""
    rows = [
        ["2023年3月1日", "行政规范性文件清理", "对镇政府制发的规范性文件进行清理，结果公布"],
        ["2023年4月1日", "配合人大执法检查", "配合区人大常委会开展《食品安全法》执法检查"],
        ["2023年5月1日", "法治专题讲座", "第二期法治专题讲座：民法典与基层治理"],
        ["2023年6月1日", "党委会议", "研究效能目标考核办法，将法治建设成效纳入效能目标考核指标"],
        ["2023年7月1日", "党委会议", "镇党委支持镇人大主席团依法履职，听取人大工作汇报"],
    ]
    log = write_csv(rows, header=["时间", "活动名称", "主要内容"], title="某某镇2023年法治建设活动台账")
    _, data = check_json("shapotou", log, "--year", "2023")
    assert _rows(data, "party-i04") == [] and _rows(data, "gov-i06") == [3]
    assert _rows(data, "gov-i15") == [] and _rows(data, "party-h07") == [7]
    assert _rows(data, "party-i16") == []
    assert _rows(data, "party-i02") == [] and _rows(data, "party-i03") == [6]
