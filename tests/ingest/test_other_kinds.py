"""Trial balance, budget quotas, prior-year figures, units and staffing (kinds 2–5)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest import (BalanceLine, BudgetLine, BudgetUnit, PriorYearFigure, Provenance,
                            StaffingRow)

D = Decimal


def test_trial_balance_with_two_row_header_gives_signed_balances(files):
    rows = [
        ["单位：景德镇市陶瓷产业发展局"], ["期间：2020年01月"], ["金额单位：元"],
        ["单位", "科目编码", "科目名称", "资金性质", "期初余额", None, "本期发生额", None,
         "期末余额", None],
        [None, None, None, None, "方向", "金额", "借方", "贷方", "方向", "金额"],
        ["景德镇市陶瓷协会办公室", "8101", "财政拨款结转", "一般公共预算财政拨款", "贷",
         120000.5, 0, 0, "贷", 120000.5],
        ["景德镇市陶瓷协会办公室", "7101", "行政支出", "一般公共预算财政拨款", "平", 0,
         300, 0, "借", 300],
        ["合计", None, None, None, None, 120000.5, 300, 0, None, 120300.5],
    ]
    merges = [(3, c, 4, c, rows[3][c]) for c in range(4)]
    merges += [(3, 4, 3, 5, "期初余额"), (3, 6, 3, 7, "本期发生额"), (3, 8, 3, 9, "期末余额")]
    files.xlsx("科目余额表202001.xlsx", {"余额表": rows}, merges={"余额表": merges})
    result = files.read()
    assert result.files[0].sheets == (("余额表", "balance"),)
    assert result.balances == [
        BalanceLine("景德镇市陶瓷协会办公室", "2020-01", "8101", "财政拨款结转",
                    "一般公共预算财政拨款", "", D("-120000.50"), D("-120000.50"),
                    Provenance("科目余额表202001.xlsx", "余额表", 6)),
        BalanceLine("景德镇市陶瓷协会办公室", "2020-01", "7101", "行政支出",
                    "一般公共预算财政拨款", "", D("0.00"), D("300.00"),
                    Provenance("科目余额表202001.xlsx", "余额表", 7)),
    ]


def test_trial_balance_with_debit_and_credit_balance_columns(files):
    rows = [["期间：2020年12月"],
            ["科目编码", "期初借方", "期初贷方", "期末借方", "期末贷方"],
            ["8201", 0, 500, 0, 800]]
    files.xlsx("a.xlsx", {"S": rows})
    [line] = files.read().balances
    assert (line.opening, line.closing, line.period) == (D("-500.00"), D("-800.00"), "2020-12")


def test_trial_balance_without_period_is_an_error(files):
    files.xlsx("a.xlsx", {"S": [["科目编码", "期初借方", "期初贷方"], ["8201", 0, 500]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert "期间" in caught.value.message


def test_budget_quotas_with_total_row(files):
    rows = [
        ["景德镇市陶瓷产业发展局2020年部门预算指标"], ["金额单位：元"],
        ["预算单位", "功能分类科目", "经济分类科目", "资金性质", "支出类型", "项目名称",
         "年初预算数", "调整预算数"],
        ["景德镇市陶瓷产业发展局本级", "2011301 行政运行", "30101 基本工资", "一般公共预算",
         "基本支出", "", 1_500_000, 1_520_000.25],
        ["中国景德镇国际陶瓷博览会组委会办公室", "2011308 招商引资", "30227 委托业务费",
         "一般公共预算", "项目支出", "瓷博会筹办经费", 2_000_000, "2,100,000.00"],
        ["合计", None, None, None, None, None, 3_500_000, 3_620_000.25],
    ]
    files.xlsx("2020年部门预算指标.xlsx", {"指标": rows})
    first, second = files.read().budget
    assert first == BudgetLine("景德镇市陶瓷产业发展局本级", "2011301", "30101",
                               "一般公共预算财政拨款", "基本支出", "", D("1500000.00"),
                               D("1520000.25"), Provenance("2020年部门预算指标.xlsx", "指标", 4))
    assert (second.project, second.expense_kind, second.adjusted) == (
        "瓷博会筹办经费", "项目支出", D("2100000.00"))


def test_budget_adjusted_from_additions_and_reductions(files):
    rows = [["功能分类", "年初预算数", "追加", "追减"], ["2011301 行政运行", 100, 30, 5]]
    files.xlsx("a.xlsx", {"S": rows})
    [line] = files.read().budget
    assert (line.initial, line.adjusted) == (D("100.00"), D("125.00"))


def test_budget_without_adjusted_column_leaves_it_unknown(files):
    files.xlsx("a.xlsx", {"S": [["功能分类", "年初预算数"], ["2011301 行政运行", 100]]})
    assert files.read().budget[0].adjusted is None


def test_prior_year_sheet_in_ten_thousands_is_converted_to_yuan_and_noted(files):
    rows = [["景德镇市陶瓷产业发展局2019年度决算主要数据"], ["金额单位：万元"], ["项目", "金额"],
            ["本年收入合计", 3163.35], ["年初结转和结余", 493.36], ["“三公”经费", 23.25],
            ["资本性支出", 0]]
    files.xlsx("2019年决算主要数据.xlsx", {"Sheet1": rows})
    result = files.read()
    assert result.prior_year == [
        PriorYearFigure("本年收入合计", D("31633500.00"),
                        Provenance("2019年决算主要数据.xlsx", "Sheet1", 4)),
        PriorYearFigure("年初结转和结余", D("4933600.00"),
                        Provenance("2019年决算主要数据.xlsx", "Sheet1", 5)),
        PriorYearFigure("三公经费", D("232500.00"),
                        Provenance("2019年决算主要数据.xlsx", "Sheet1", 6)),
        PriorYearFigure("资本性支出", D("0.00"),
                        Provenance("2019年决算主要数据.xlsx", "Sheet1", 7)),
    ]
    assert result.notes == ["2019年决算主要数据.xlsx「Sheet1」：金额单位为万元，已换算为元（×10000）"]


def test_prior_year_label_aliases_and_numbering_map_to_canonical_items(files):
    rows = [["上年决算主要数据"], ["项目", "金额"], ["一、本年收入", 1], ["其中：公务接待费", 2]]
    files.xlsx("a.xlsx", {"S": rows})
    assert [f.item for f in files.read().prior_year] == ["本年收入合计", "公务接待费"]


def test_unknown_prior_year_label_is_left_out_and_reported(files):
    files.xlsx("a.xlsx", {"S": [["项目", "上年决算数"], ["本年收入合计", 1], ["职工人数", 30]]})
    result = files.read()
    assert [f.item for f in result.prior_year] == ["本年收入合计"]
    assert result.notes[0].startswith("a.xlsx「S」第3行：「职工人数」不是可识别的项目")


def test_units_sheet(files):
    rows = [["序号", "单位名称", "单位性质", "是否纳入部门决算"],
            [1, "景德镇市陶瓷产业发展局本级", "行政", "是"],
            [2, "景德镇市陶瓷协会办公室", "参照公务员法管理事业单位", "是"],
            [3, "景德镇市振兴陶瓷园开发有限公司", "企业", "否"]]
    files.xlsx("基础信息.xlsx", {"预算单位": rows})
    units = files.read().units
    assert units[1] == BudgetUnit("景德镇市陶瓷协会办公室", "参公", True,
                                  Provenance("基础信息.xlsx", "预算单位", 3))
    assert [(u.kind, u.included) for u in units] == [("行政", True), ("参公", True), ("企业", False)]


def test_unknown_unit_kind_is_an_error(files):
    files.xlsx("a.xlsx", {"预算单位": [["单位名称", "单位性质"], ["甲", "社会团体"]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert (caught.value.row, caught.value.column) == (2, 2)
    assert "行政、参公" in caught.value.message


def test_staffing_typed_total_is_read_and_marked_not_trusted(files):
    rows = [["人员编制情况"], ["人员类别", "编制数", "在职人数", "退休人数", "实有人数"],
            ["行政编制", 18, 20, 9, 29], ["全额补助事业编制", 27, 19, 10, 29],
            ["部分补助事业编制", 87, 48, 38, 86], ["合计", 126, 87, 57, 144]]
    files.xlsx("基础信息.xlsx", {"人员编制": rows})
    staffing = files.read().staffing
    assert [r.is_typed_total for r in staffing] == [False, False, False, True]
    assert staffing[-1] == StaffingRow("合计", 126, 87, 57, 144, True,
                                       Provenance("基础信息.xlsx", "人员编制", 6))
    assert sum(r.authorised for r in staffing[:-1]) == 132


# --- a 项目 | 金额 sheet is last year's figures only with a sign of it -----------------------

SANGONG_BUDGET = [["景德镇市陶瓷产业发展局2020年“三公”经费预算"], ["项目", "金额"],
                  ["公务接待费", 5000], ["公务用车运行费", 12000]]


@pytest.mark.parametrize("year", [2020, None])
def test_project_amount_sheet_of_this_year_is_skipped_not_read_as_prior_year(files, year):
    if year:
        files.in_year(year)
    files.xlsx("三公预算.xlsx", {"S": SANGONG_BUDGET})
    result = files.read()
    assert result.prior_year == []
    [reason] = result.skipped
    assert reason.startswith("三公预算.xlsx「S」: ")
    assert "不按「上年决算主要数据」读取" in reason
    if year:
        assert "2020 年，不是上年（2019 年）" in reason


def test_prior_year_sheet_titled_with_last_year_is_read_in_a_year_folder(files):
    files.in_year(2020)
    files.xlsx("a.xlsx", {"S": [["景德镇市陶瓷产业发展局2019年主要数据"], ["项目", "金额"],
                                ["本年收入合计", 1]]})
    assert [f.item for f in files.read().prior_year] == ["本年收入合计"]


def test_prior_year_word_in_a_column_is_a_sign(files):
    files.in_year(2020)
    files.xlsx("a.xlsx", {"S": [["项目", "上年决算数"], ["本年收入合计", 1]]})
    assert [f.amount for f in files.read().prior_year] == [D("1.00")]


def test_ledger_without_an_account_column_stops_not_read_as_prior_year(files):
    """Issue 8: a sheet that clearly is a ledger with columns missing stops the build."""
    files.xlsx("a.xlsx", {"S": [["上年结转明细"], ["日期", "摘要", "项目", "金额"],
                                ["2020-01-02", "付款", "本年收入合计", 10]]})
    with pytest.raises(InputError) as caught:
        files.read()
    error = caught.value
    assert (error.file, error.sheet, error.row, error.column) == ("a.xlsx", "S", 2, None)
    assert error.message == (
        "这张表看起来是「明细账」（第 2 行是表头），但无法读取：缺少「科目」或「科目编码」或「科目名称」列；"
        "缺少「方向」列。找到的列：「日期」（第 A 列）、「摘要」（第 B 列）、「项目」（第 C 列）、"
        "「金额」（第 D 列）")


# --- budget subtotals by code, single-month balances -----------------------------------------

def test_budget_class_and_section_rows_above_their_items_are_dropped_and_noted(files):
    rows = [["功能分类科目", "经济分类科目", "年初预算数"],
            ["201 一般公共服务支出", None, 300],
            ["20113 商贸事务", None, 300],
            ["2011301 行政运行", "301 工资福利支出", 100],
            ["2011301 行政运行", "30101 基本工资", 100],
            ["2011302 一般行政管理事务", None, 200]]
    files.xlsx("预算.xlsx", {"指标": rows})
    result = files.read()
    assert [(b.function_code, b.economic_code, b.initial) for b in result.budget] == [
        ("2011301", "30101", D("100.00")), ("2011302", "", D("200.00"))]
    assert sum(b.initial for b in result.budget) == D("300.00")
    assert result.notes == [
        "预算.xlsx「指标」第2行：功能分类 201 是其下级科目各行的合计，未读取（不重复计算）",
        "预算.xlsx「指标」第3行：功能分类 20113 是其下级科目各行的合计，未读取（不重复计算）",
        "预算.xlsx「指标」第4行：经济分类 301 是其下级科目各行的合计，未读取（不重复计算）",
    ]


@pytest.mark.parametrize("title, row", [
    (["单位：甲局", "期间：2020年01月至2020年12月"], 2),
    (["会计期间：2020年1-12月"], 1),
])
def test_trial_balance_titled_with_a_range_of_months_is_refused(files, title, row):
    files.xlsx("余额表.xlsx", {"S": [*[[t] for t in title],
                                     ["科目编码", "期初借方", "期初贷方"], ["8201", 0, 500]]})
    with pytest.raises(InputError) as caught:
        files.read()
    error = caught.value
    assert (error.file, error.sheet, error.row) == ("余额表.xlsx", "S", row)
    assert "只读取单月的余额" in error.message
    assert "2020-01 至 2020-12" in error.message
    assert "本年第一个月" in error.hint and "期间：2020年01月" in error.hint


def test_shared_fields_give_balance_and_budget_the_ledger_aliases(files):
    files.xlsx("余额.xlsx", {"S": [["期间：2020年01月"],
                                   ["科目编码", "功能分类代码", "期初借方", "期初贷方"],
                                   ["7101", "2011301", 5, 0]]})
    files.xlsx("预算.xlsx", {"S": [["支出功能分类科目", "经济科目代码", "年初预算数"],
                                   ["2011301 行政运行", "30101", 1]]})
    result = files.read()
    assert result.balances[0].function_code == "2011301"
    assert (result.budget[0].function_code, result.budget[0].economic_code) == ("2011301", "30101")
