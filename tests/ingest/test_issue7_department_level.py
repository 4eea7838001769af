"""Department-level exports (issue 7): 编制单位：某局（汇总）/（合并） is the department, not an
unknown unit; the marker is taken off the name and the lines say department_level."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdzxlsx.ingest import BalanceLine, Provenance
from jdzxlsx.ingest.headers import department_unit, title_info

D = Decimal
LEDGER_HEADER = ["日期", "凭证号", "摘要", "科目", "借方", "贷方"]
POSTING = ["2020-01-10", "记-1", "拨款", "6101 财政拨款预算收入", 0, 500]


@pytest.mark.parametrize("title", [
    "编制单位：景德镇市陶瓷产业发展局（汇总）", "编制单位：景德镇市陶瓷产业发展局(合并)",
    "编制单位：景德镇市陶瓷产业发展局 （汇总）", "编制单位：景德镇市陶瓷产业发展局（汇总表）",
    "编制单位：景德镇市陶瓷产业发展局【合并】", "单位名称：景德镇市陶瓷产业发展局-汇总",
    "景德镇市陶瓷产业发展局（汇总） 明细账",
])
def test_title_marker_makes_ledger_lines_department_level(files, title):
    files.xlsx("a.xlsx", {"S": [[title], ["期间：2020年01月"], LEDGER_HEADER, POSTING]})
    [line] = files.read().ledger
    assert (line.unit, line.department_level) == ("景德镇市陶瓷产业发展局", True)


def test_plain_title_is_not_department_level(files):
    files.xlsx("a.xlsx", {"S": [["编制单位：景德镇市陶瓷协会办公室"], ["期间：2020年01月"],
                                LEDGER_HEADER, POSTING]})
    [line] = files.read().ledger
    assert (line.unit, line.department_level) == ("景德镇市陶瓷协会办公室", False)


def test_unit_column_with_marker_is_department_level_per_line(files):
    rows = [["编制单位：景德镇市陶瓷产业发展局（汇总）", "期间：2020年01月"],
            ["单位", *LEDGER_HEADER],
            ["景德镇市陶瓷产业发展局(合并)", *POSTING],
            ["景德镇市陶瓷协会办公室", *POSTING]]
    files.xlsx("a.xlsx", {"S": rows})
    lines = files.read().ledger
    assert [(line.unit, line.department_level) for line in lines] == [
        ("景德镇市陶瓷产业发展局", True), ("景德镇市陶瓷协会办公室", False)]


def test_a_marked_title_over_a_unit_column_naming_the_department_plainly(files):
    rows = [["编制单位：景德镇市陶瓷产业发展局（汇总）", "期间：2020年01月"],
            ["单位", *LEDGER_HEADER],
            ["景德镇市陶瓷产业发展局", *POSTING],
            ["景德镇市陶瓷协会办公室", *POSTING]]
    files.xlsx("a.xlsx", {"S": rows})
    lines = files.read().ledger
    assert [(line.unit, line.department_level) for line in lines] == [
        ("景德镇市陶瓷产业发展局", True), ("景德镇市陶瓷协会办公室", False)]


@pytest.mark.parametrize("title", ["编制单位：某局 （单位：元）", "编制单位：某局 （2020年01月）",
                                   "编制单位：某局 （金额单位：元）"])
def test_a_bracket_after_the_name_that_is_no_marker_stays_off_the_name(title):
    info = title_info([title])
    assert (info.unit, info.department_level) == ("某局", False)


def test_department_level_trial_balance(files):
    rows = [["科目余额表"], ["编制单位：景德镇市陶瓷产业发展局（汇总）"], ["期间：2020年01月"],
            ["科目编码", "科目名称", "期初借方", "期初贷方"],
            ["8202", "非财政拨款结余", 0, 3000.5]]
    files.xlsx("余额表.xlsx", {"S": rows})
    assert files.read().balances == [BalanceLine(
        unit="景德镇市陶瓷产业发展局", period="2020-01", account_code="8202",
        account_name="非财政拨款结余", fund_source="", function_code="", opening=D("-3000.50"),
        closing=None, source=Provenance("余额表.xlsx", "S", 5), department_level=True)]


def test_budget_file_of_the_department_names_it_without_the_marker(files):
    files.xlsx("预算.xlsx", {"S": [["编制单位：景德镇市陶瓷产业发展局(汇总)"],
                                   ["功能分类科目", "年初预算数"], ["2011301 行政运行", 10]]})
    assert files.read().budget[0].unit == "景德镇市陶瓷产业发展局"


@pytest.mark.parametrize("name, expected", [
    ("某局（汇总）", ("某局", True)), ("某局(合并表)", ("某局", True)), ("某局 (部门汇总)", ("某局", True)),
    ("某局—合并", ("某局", True)), ("汇总中心", ("汇总中心", False)), ("某局汇总", ("某局汇总", False)),
    ("（汇总）", ("（汇总）", False)), ("某局（本级）", ("某局（本级）", False)),
])
def test_marker_only_at_the_end_of_a_name_in_brackets_or_after_a_dash(name, expected):
    assert department_unit(name) == expected


def test_title_info_reports_the_marker():
    info = title_info(["编制单位：某局（合并）  期间：2020年12月"])
    assert (info.unit, info.department_level, info.period) == ("某局", True, "2020-12")
