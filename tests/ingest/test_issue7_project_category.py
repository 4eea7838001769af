"""一体化 项目类别 on ledger and budget lines (issue 7): canonical values, spellings as data."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdzxlsx.ingest import BudgetLine, LedgerLine, Provenance
from jdzxlsx.ingest.kinds import catalogue

D = Decimal
HEADER = ["日期", "凭证号", "摘要", "科目", "功能分类", "经济分类", "项目", "项目类别", "借方", "贷方"]


def ledger(files, *categories, header=HEADER):
    rows = [["编制单位：景德镇市陶瓷产业发展局", "期间：2020年03月"], header]
    for n, category in enumerate(categories, start=1):
        rows.append(["2020-03-05", f"记-{n:04d}", "支付", "7101 行政支出", "2011301 行政运行",
                     "30201 办公费", "P001 局机关运转", category, 100, 0])
    files.xlsx("一体化明细.xlsx", {"明细": rows})
    return files.read().ledger


@pytest.mark.parametrize("written, canonical", [
    ("人员类", "人员类"), ("人员类项目", "人员类"), ("11 人员类", "人员类"), ("1 人员类", "人员类"),
    ("人员经费类", "人员类"), ("公用经费", "运转类-公用经费"), ("运转类公用经费", "运转类-公用经费"),
    ("21 公用经费", "运转类-公用经费"), ("运转类—公用经费项目", "运转类-公用经费"),
    ("[21]运转类-公用经费", "运转类-公用经费"), ("其他运转类", "运转类-其他运转类"),
    ("22 其他运转类", "运转类-其他运转类"), ("运转类-其他运转类项目", "运转类-其他运转类"),
    ("特定目标类", "特定目标类"), ("特定目标类项目", "特定目标类"), ("3 特定目标类", "特定目标类"),
    ("31 特定目标类", "特定目标类"), ("3-特定目标类", "特定目标类"), ("３１　特定目标类", "特定目标类"),
])
def test_category_spellings_read_as_canonical_values(files, written, canonical):
    [line] = ledger(files, written)
    assert line.project_category == canonical


def test_ledger_line_carries_category_last_and_keeps_the_project(files):
    [line] = ledger(files, "11 人员类")
    assert line == LedgerLine(
        unit="景德镇市陶瓷产业发展局", period="2020-03", date="2020-03-05", voucher="记-0001",
        summary="支付", account_code="7101", account_name="行政支出", function_code="2011301",
        economic_code="30201", fund_source="", project="P001 局机关运转", expense_kind="",
        debit=D("100.00"), credit=D("0.00"),
        source=Provenance("一体化明细.xlsx", "明细", 3), project_category="人员类")


def test_unknown_category_is_kept_as_written(files):
    assert [line.project_category for line in ledger(files, "专项业务类", "")] == ["专项业务类", ""]


@pytest.mark.parametrize("alias", ["项目类型", "项目分类", "项目类别名称"])
def test_category_column_aliases(files, alias):
    header = [alias if h == "项目类别" else h for h in HEADER]
    [line] = ledger(files, "特定目标类", header=header)
    assert line.project_category == "特定目标类"


def test_category_from_an_auxiliary_string(files):
    rows = [["期间：2020年03月"], ["日期", "凭证号", "摘要", "科目", "辅助核算", "借方", "贷方"],
            ["2020-03-05", "记-1", "支付", "7101 行政支出",
             "【功能分类:2011301 行政运行】【项目类别:21 公用经费】", 5, 0]]
    files.xlsx("a.xlsx", {"S": rows})
    assert files.read().ledger[0].project_category == "运转类-公用经费"


def test_leading_number_does_not_turn_an_unknown_value_into_a_known_one():
    vocabulary = catalogue().vocabularies["project_category"]
    assert vocabulary.resolve("11 人员类") == "人员类"
    assert vocabulary.resolve("11") is None
    assert vocabulary.resolve("11 专项类") is None
    # the yes/no vocabulary's "1" is still itself, not a code in front of nothing
    assert catalogue().vocabularies["yes_no"].resolve("1") == "是"


def test_budget_with_category_leaves_basic_or_project_to_the_category(files):
    rows = [["功能分类科目", "经济分类科目", "项目", "项目类别", "年初预算数"],
            ["2011301 行政运行", "30101 基本工资", "P001 人员工资", "11 人员类", 1000],
            ["2011302 一般行政管理事务", "30201 办公费", "P101 专项", "特定目标类", 200]]
    files.xlsx("预算.xlsx", {"指标": rows})
    budget = files.read().budget
    assert budget[0] == BudgetLine(
        unit="", function_code="2011301", economic_code="30101", fund_source="",
        expense_kind="", project="P001 人员工资", initial=D("1000.00"), adjusted=None,
        source=Provenance("预算.xlsx", "指标", 2), project_category="人员类")
    assert [(b.expense_kind, b.project_category) for b in budget] == [
        ("", "人员类"), ("", "特定目标类")]


def test_budget_without_category_still_infers_from_the_project(files):
    rows = [["功能分类科目", "项目", "年初预算数"], ["2011301 行政运行", "", 10],
            ["2011302 一般行政管理事务", "P101 专项", 20]]
    files.xlsx("预算.xlsx", {"指标": rows})
    assert [(b.expense_kind, b.project_category) for b in files.read().budget] == [
        ("基本支出", ""), ("项目支出", "")]
