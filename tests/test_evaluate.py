"""Verdicts of every requirement kind at its boundaries, through the JSON contract."""

from __future__ import annotations

import json

import pytest

from dutyaudit.evaluate import grade, in_window
from dutyaudit.packs import Window
from tests.conftest import status_of


def row(date: str, title: str, **kw: str) -> dict[str, str]:
    return {"日期": date, "事项": title, **kw}


def test_count_exactly_n_is_met_and_n_minus_1_is_partial(write_csv, audit_json) -> None:
    lectures = [
        row("2023-04-01", "举办法治专题讲座", 责任主体="县委"),
        row("2023-09-01", "法律知识讲座", 责任主体="县委"),
    ]
    _, data = audit_json(write_csv(lectures), "--year", "2023")
    d = status_of(data, "party-lecture")
    assert (d["status"], d["required"], d["found"], d["shortfall"]) == ("met", 2, 2, "")
    _, data = audit_json(write_csv(lectures[:1]), "--year", "2023")
    d = status_of(data, "party-lecture")
    assert (d["status"], d["found"], d["shortfall"]) == ("partial", 1, "差1次")
    _, data = audit_json(write_csv([row("2023-04-01", "其他会议", 责任主体="县委")]), "--year", "2023")
    assert status_of(data, "party-lecture")["status"] == "missing"


def test_count_only_counts_the_audit_year(write_csv, audit_json) -> None:
    rows = [
        row("2022-12-31", "举办法治专题讲座"),
        row("2023-01-01", "举办法治专题讲座"),
        row("2024-01-01", "举办法治专题讲座"),
    ]
    _, data = audit_json(write_csv(rows), "--year", "2023")
    assert status_of(data, "party-lecture")["found"] == 1


def test_per_half_needs_one_in_each_half(write_csv, audit_json) -> None:
    h1 = row("2023-06-30", "县政府常务会议听取法治政府建设工作汇报")
    h2 = row("2023-07-01", "县政府常务会议听取法治政府建设工作汇报")
    _, data = audit_json(write_csv([h1, h2]), "--year", "2023")
    d = status_of(data, "gov-half")
    assert (d["status"], d["required"], d["found"]) == ("met", 2, 2)
    _, data = audit_json(write_csv([h1, dict(h1, 日期="2023-01-05")]), "--year", "2023")
    d = status_of(data, "gov-half")
    assert (d["status"], d["found"]) == ("partial", 1)
    assert "下半年" in d["shortfall"]


def test_deadline_day_is_met_day_after_is_late(write_csv, audit_json) -> None:
    report = "县政府向县委报告2022年度法治政府建设情况报告"
    _, data = audit_json(write_csv([row("2023-03-01", report)]), "--year", "2023")
    assert status_of(data, "gov-report")["status"] == "met"
    _, data = audit_json(write_csv([row("2023-03-02", report)]), "--year", "2023")
    d = status_of(data, "gov-report")
    assert d["status"] == "late"
    assert "2023-03-02" in d["shortfall"]
    _, data = audit_json(write_csv([row("2023-03-02", "无关事项")]), "--year", "2023")
    assert status_of(data, "gov-report")["status"] == "missing"


def test_late_earns_half_credit_in_the_score(write_csv, run, tmp_path) -> None:
    from tests.conftest import MINI_PACK

    head = MINI_PACK.split("duties:")[0]
    duty = "  - id: gov-report" + MINI_PACK.split("  - id: gov-report")[1].split("  - id: gov-training")[0]
    pack = tmp_path / "one.yaml"
    pack.write_text(head + "duties:\n" + duty, encoding="utf-8")
    log = write_csv([row("2023-03-02", "法治政府建设年度报告")])
    data = json.loads(run("check", log, "--pack", pack, "-f", "json", "--year", "2023").stdout)
    assert (data["score"], data["summary"]["late"], data["summary"]["total"]) == (50.0, 1, 1)


def test_window_edges(write_csv, audit_json) -> None:
    for date, status in (
        ("2023-12-01", "met"),
        ("2023-12-10", "met"),
        ("2023-11-30", "missing"),
        ("2023-12-11", "missing"),
    ):
        _, data = audit_json(write_csv([row(date, "国家宪法日宣传活动")]), "--year", "2023")
        assert status_of(data, "gov-constitution")["status"] == status, date


def test_window_wrapping_the_new_year() -> None:
    import datetime as dt

    w = Window.model_validate({"from": "12-20", "to": "01-10"})
    assert in_window(dt.date(2023, 12, 25), w) and in_window(dt.date(2023, 1, 5), w)
    assert not in_window(dt.date(2023, 6, 1), w)


def test_sum_per_person(write_csv, audit_json) -> None:
    rows = [
        row("2023-03-01", "执法人员法治培训", 责任人="张三", 学时="40"),
        row("2023-06-01", "执法人员法治培训", 责任人="张三、李四", 学时="20"),
        row("2023-07-01", "执法人员法治培训", 责任人="李四", 学时="39.5"),
    ]
    _, data = audit_json(write_csv(rows), "--year", "2023")
    d = status_of(data, "gov-training")
    assert (d["status"], d["required"], d["found"]) == ("partial", 2, 1)
    assert "李四 59.5/60" in d["shortfall"]
    rows[2]["学时"] = "40"
    _, data = audit_json(write_csv(rows), "--year", "2023")
    assert status_of(data, "gov-training")["status"] == "met"


def test_rate_boundaries(write_csv, audit_json) -> None:
    cases = [
        row("2023-03-01", "行政诉讼案件应诉", 出庭情况="已出庭"),
        row("2023-05-01", "某行政诉讼案件", 出庭情况="负责人出庭"),
    ]
    _, data = audit_json(write_csv(cases), "--year", "2023")
    d = status_of(data, "gov-court")
    assert (d["status"], d["found"], d["required"]) == ("met", 100, 100)
    cases.append(row("2023-06-01", "行政诉讼案件应诉", 出庭情况="未出庭"))
    _, data = audit_json(write_csv(cases), "--year", "2023")
    d = status_of(data, "gov-court")
    assert (d["status"], d["found"]) == ("partial", 66.7)


def test_each_duration(write_csv, audit_json) -> None:
    ok = row("2023-03-01", "规章草案公开征求意见", 结束日期="2023-03-30")  # 30 days counted both ends
    short = row("2023-05-01", "规范性文件征求意见", 结束日期="2023-05-29")
    _, data = audit_json(write_csv([ok]), "--year", "2023")
    assert status_of(data, "gov-comment")["status"] == "met"
    _, data = audit_json(write_csv([ok, short]), "--year", "2023")
    d = status_of(data, "gov-comment")
    assert (d["status"], d["required"], d["found"]) == ("partial", 2, 1)
    ranged = row("2023年8月1日至8月30日", "条例草案征求意见")
    _, data = audit_json(write_csv([ranged]), "--year", "2023")
    assert status_of(data, "gov-comment")["status"] == "met"


def test_role_from_column_keeps_other_roles_rows_out(write_csv, audit_json) -> None:
    rows = [row("2023-04-01", "法治专题讲座", 责任主体="县政府"), row("2023-05-01", "法治专题讲座", 责任主体="县政府")]
    _, data = audit_json(write_csv(rows), "--year", "2023")
    assert status_of(data, "party-lecture")["status"] == "missing"


def test_score_and_summary_add_up(write_csv, audit_json) -> None:
    rows = [row("2023-04-01", "县委常委会会议听取法治建设工作汇报", 活动类型="会议", 责任主体="县委")]
    code, data = audit_json(write_csv(rows), "--year", "2023")
    s = data["summary"]
    assert s["total"] == len(data["duties"]) == 8
    assert s["met"] + s["partial"] + s["late"] + s["missing"] + s["waived"] + s["na"] == s["total"]
    assert s["na"] == 1  # the court rate: no case this year, left out of the score
    assert data["score"] == round(100 * 1 / 7, 1)
    assert data["grade"] == "不合格"
    assert code == 1


@pytest.mark.parametrize(("value", "expected"), [(90, "优秀"), (89.9, "良好"), (60, "合格"), (59.9, "不合格")])
def test_grade_bands(value: float, expected: str) -> None:
    assert grade(value, {"优秀": 90, "良好": 80, "合格": 60, "不合格": 0}) == expected


def test_type_column_excludes_a_known_other_type(write_csv, audit_json) -> None:
    rows = [row("2023-04-01", "听取法治建设工作汇报", 活动类型="培训", 责任主体="县委")]
    _, data = audit_json(write_csv(rows), "--year", "2023")
    assert status_of(data, "party-report")["status"] == "missing"
    rows[0]["活动类型"] = "常委会会议"
    _, data = audit_json(write_csv(rows), "--year", "2023")
    assert status_of(data, "party-report")["status"] == "met"
