"""Ledger detail exports (kind 1) in the layouts the office's software writes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest import LedgerLine, Provenance

D = Decimal
STYLE_A_TOP = ["日期", "凭证号", "摘要", "单位", "科目", "功能分类", "经济分类", "资金性质",
               "项目", "金额", None]


def style_a(files, name="01月明细账.xlsx", lines=(), money_unit="元"):
    """用友-like: three title rows, two-row header with 金额 over 借方|贷方, totals at the end."""
    rows = [
        ["景德镇市陶瓷产业发展局 明细账"], ["期间：2020年01月"], [f"金额单位：{money_unit}"],
        [], [None] * 9 + ["借方", "贷方"],
        *lines,
        [None, None, "本月合计", None, None, None, None, None, None, 999, 999],
        [None, None, "本年累计", None, None, None, None, None, None, 9999, 9999],
    ]
    merges = [(0, 0, 0, 10, rows[0][0])]
    merges += [(3, c, 4, c, text) for c, text in enumerate(STYLE_A_TOP[:9])]
    merges += [(3, 9, 3, 10, "金额")]
    rows[0] = []
    return files.xlsx(name, {"明细账": rows}, merges={"明细账": merges})


SALARY = [dt.date(2020, 1, 15), "记-0003", "发放1月工资", "景德镇市陶瓷产业发展局本级",
          "7101 行政支出", "2011301 行政运行", "[30101]基本工资", "一般公共预算", "", 1234.56, None]
SALARY_8001 = [dt.date(2020, 1, 15), "记-0003", "发放1月工资", "景德镇市陶瓷产业发展局本级",
               "8001 资金结存", "", "", "一般公共预算", "", None, 1234.56]


def test_style_a_xlsx_gives_typed_lines_with_provenance(files):
    style_a(files, lines=[SALARY, SALARY_8001])
    result = files.read()
    assert result.ledger[0] == LedgerLine(
        unit="景德镇市陶瓷产业发展局本级", period="2020-01", date="2020-01-15", voucher="记-0003",
        summary="发放1月工资", account_code="7101", account_name="行政支出",
        function_code="2011301", economic_code="30101", fund_source="一般公共预算财政拨款",
        project="", expense_kind="", debit=D("1234.56"), credit=D("0.00"),
        source=Provenance("01月明细账.xlsx", "明细账", 6))
    assert result.ledger[1].account_code == "8001"
    assert result.ledger[1].credit == D("1234.56")
    assert result.ledger[1].expense_kind == ""
    assert result.files[0].sheets == (("明细账", "ledger"),)


def test_subtotal_rows_are_never_counted(files):
    style_a(files, lines=[SALARY, SALARY_8001])
    lines = files.read().ledger
    assert len(lines) == 2
    assert sum(line.debit for line in lines) == D("1234.56")


def test_red_reversal_keeps_its_negative_amount(files):
    reversal = [dt.date(2020, 1, 20), "记-0009", "冲销多报差旅费", "景德镇市陶瓷产业发展局本级",
                "7101 行政支出", "2011301 行政运行", "30211-差旅费", "一般公共预算", "",
                -1200, None]
    style_a(files, lines=[reversal])
    [line] = files.read().ledger
    assert (line.debit, line.economic_code) == (D("-1200.00"), "30211")


def test_project_column_gives_the_project_and_leaves_expense_kind_to_the_working_paper(files):
    expo = list(SALARY)
    expo[8] = "瓷博会筹办经费"
    income = [dt.date(2020, 1, 3), "记-0001", "收到拨款", "景德镇市陶瓷产业发展局本级",
              "6001 财政拨款预算收入", "2011301 行政运行", "", "一般公共预算", "瓷博会筹办经费",
              None, 5000]
    style_a(files, lines=[expo, income])
    project_line, income_line = files.read().ledger
    # No 支出类型 column: ingest states nothing (the working paper infers it from the project,
    # never from the account's prefix).
    assert (project_line.project, project_line.expense_kind) == ("瓷博会筹办经费", "")
    assert income_line.expense_kind == ""


def test_ledger_in_ten_thousands_is_converted_and_noted(files):
    style_a(files, lines=[SALARY], money_unit="万元")
    result = files.read()
    assert result.ledger[0].debit == D("12345600.00")
    assert result.notes == ["01月明细账.xlsx「明细账」：金额单位为万元，已换算为元（×10000）"]
    assert result.files[0].notes == tuple(result.notes)


STYLE_B_HEADER = "凭证日期,凭证字号,摘要,预算单位,科目编码,科目名称,辅助核算,借方金额,贷方金额,支出类型"


def test_style_b_gbk_csv_with_auxiliary_string_and_text_amounts(files):
    text = "\n".join([
        "单位：景德镇市陶瓷产业发展局", "会计期间：2020-12", "",
        STYLE_B_HEADER,
        '2020/12/8,记-0101,支付瓷博会展位费,中国景德镇国际陶瓷博览会组委会办公室,7201,事业支出,'
        '【功能分类:2011308 招商引资】【经济分类:30227 委托业务费】【资金性质:一般公共预算】'
        '【项目:瓷博会筹办经费】,"12,345.60",,项目支出',
        "2020/12/8,记-0101,支付瓷博会展位费,中国景德镇国际陶瓷博览会组委会办公室,8001,资金结存,"
        '【资金性质:一般公共预算】,,"12,345.60",',
        ',,小计,中国景德镇国际陶瓷博览会组委会办公室,,,,"12,345.60","12,345.60",',
        '2020/12/9,记-0102,退回多付款,景德镇市特种陶瓷研究所,7201,事业支出,'
        '【功能分类:2011301 行政运行】【经济分类:30201 办公费】【资金性质:单位资金】,'
        '"(1,200.00)",,基本支出',
        ',,本月合计,,,,,"11,145.60","12,345.60",',
        ',,本年累计,,,,,"99,999.00","99,999.00",',
    ]) + "\n"
    files.text("2020年12月凭证明细.csv", text, encoding="gbk")
    result = files.read()
    expo, counterpart, refund = result.ledger
    assert (expo.period, expo.date, expo.voucher) == ("2020-12", "2020-12-08", "记-0101")
    assert (expo.function_code, expo.economic_code) == ("2011308", "30227")
    assert (expo.fund_source, expo.project, expo.expense_kind) == (
        "一般公共预算财政拨款", "瓷博会筹办经费", "项目支出")
    assert expo.debit == D("12345.60")
    assert counterpart.credit == D("12345.60")
    assert (refund.fund_source, refund.debit) == ("非财政拨款", D("-1200.00"))
    assert refund.source == Provenance("2020年12月凭证明细.csv", "2020年12月凭证明细", 8)
    assert result.files[0].format == "csv"


def test_full_width_digits_in_amounts(files):
    text = "\n".join(["会计期间：2020-11", STYLE_B_HEADER,
                      "2020-11-02,记-1,付款,甲局,7101,行政支出,,１２３.４５,,基本支出"]) + "\n"
    files.text("11.csv", text, encoding="utf-8")
    [line] = files.read().ledger
    assert line.debit == D("123.45")


def test_stated_expense_kind_wins_over_the_project_column(files):
    text = "\n".join([
        "会计期间：2020-11",
        "凭证日期,科目编码,科目名称,项目,借方金额,贷方金额,支出类型",
        "2020-11-02,7101,行政支出,办公楼维修,100.00,,基本支出",
    ]) + "\n"
    files.text("11.csv", text)
    [line] = files.read().ledger
    assert (line.project, line.expense_kind) == ("办公楼维修", "基本支出")


def test_html_disguised_as_xls_in_gb2312_with_rowspan_and_colspan_header(files):
    files.html("2020年10月明细账.xls", [
        '<td colspan="6">单位：景德镇市陶瓷产业发展局</td>',
        '<td colspan="6">会计期间：2020-10</td>',
        '<td rowspan="2">凭证日期</td><td rowspan="2">凭证字号</td><td rowspan="2">摘要</td>'
        '<td rowspan="2">科目编码</td><td colspan="2">金额</td>',
        "<td>借方</td><td>贷方</td>",
        "<td>2020-10-09</td><td>记-0050</td><td>收到拨款</td><td>6001</td>"
        "<td></td><td>8,000.00</td>",
        "<td>2020-10-09</td><td>记-0050</td><td>收到拨款</td><td>8001</td>"
        "<td>8,000.00</td><td></td>",
        '<td colspan="4">本月合计</td><td>8,000.00</td><td>8,000.00</td>',
    ])
    result = files.read()
    assert result.files[0].format == "html"
    assert [(l.account_code, l.debit, l.credit) for l in result.ledger] == [
        ("6001", D("0.00"), D("8000.00")), ("8001", D("8000.00"), D("0.00"))]
    assert result.ledger[0].unit == "景德镇市陶瓷产业发展局"
    assert result.ledger[0].source == Provenance("2020年10月明细账.xls", "2020年10月明细账", 5)


def test_real_xls_with_merged_two_row_header(files):
    rows = [
        ["单位：景德镇市墙体材料革新办公室"], ["期间：2020年09月"],
        ["日期", "摘要", "科目", "金额", None],
        [None, None, None, "借方", "贷方"],
        [dt.date(2020, 9, 30), "计提", "7201 事业支出", 88.8, None],
    ]
    files.xls("2020年09月.xls", rows, sheet="明细账",
              merges=[(2, 0, 3, 0, "日期"), (2, 1, 3, 1, "摘要"), (2, 2, 3, 2, "科目"),
                      (2, 3, 2, 4, "金额")])
    result = files.read()
    [line] = result.ledger
    assert (line.unit, line.date, line.account_code, line.debit) == (
        "景德镇市墙体材料革新办公室", "2020-09-30", "7201", D("88.80"))
    assert line.expense_kind == ""
    assert result.files[0].format == "xls"


def test_amount_with_direction_column(files):
    rows = [["期间：2020年03月"], ["日期", "摘要", "科目编码", "金额", "方向"],
            ["2020-03-01", "收入", "6609", "50", "贷"],
            ["2020-03-01", "收入", "8001", "50", "借"]]
    files.xlsx("a.xlsx", {"S": rows})
    lines = files.read().ledger
    assert [(l.debit, l.credit) for l in lines] == [(D("0.00"), D("50.00")),
                                                    (D("50.00"), D("0.00"))]


def test_period_comes_from_title_when_the_ledger_has_only_months_and_days(files):
    rows = [["2020年度 明细账"], ["月", "日", "凭证号", "摘要", "科目", "借方", "贷方"],
            [3, 5, "记-7", "付款", "7101", 10, None]]
    files.xlsx("a.xlsx", {"S": rows})
    [line] = files.read().ledger
    assert (line.date, line.period) == ("2020-03-05", "2020-03")


def test_period_column_serves_when_there_is_no_date(files):
    rows = [["会计期间", "凭证号", "摘要", "科目编码", "借方", "贷方"],
            ["2020年04月", "记-1", "付款", "7101", 10, None]]
    files.xlsx("a.xlsx", {"S": rows})
    [line] = files.read().ledger
    assert (line.date, line.period) == ("", "2020-04")


def test_code_and_name_in_two_columns_side_by_side(files):
    rows = [["期间：2020年05月"],
            ["日期", "科目编码", "科目名称", "功能科目编码", "功能科目名称", "借方", "贷方"],
            ["2020-05-06", 7101, "行政支出", 2011301, "行政运行", 1, None]]
    files.xlsx("a.xlsx", {"S": rows})
    [line] = files.read().ledger
    assert (line.account_code, line.account_name, line.function_code) == (
        "7101", "行政支出", "2011301")


def test_footer_and_repeated_header_rows_are_not_lines(files):
    rows = [["期间：2020年05月"], ["日期", "科目编码", "借方", "贷方"],
            ["2020-05-06", "7101", 1, None],
            ["日期", "科目编码", "借方", "贷方"],
            ["2020-05-07", "8001", None, 1],
            ["制表人：张三", None, "审核：李四"]]
    files.xlsx("a.xlsx", {"S": rows})
    assert [l.account_code for l in files.read().ledger] == ["7101", "8001"]


def test_repeated_two_row_header_of_a_paginated_export_is_not_data(files):
    top = ["日期", "科目", "金额", None]
    rows = [["期间：2020年06月"], top, [None, None, "借方", "贷方"],
            ["2020-06-01", "7101", 5, None],
            top, [None, None, "借方", "贷方"],
            ["2020-06-02", "8001", None, 5]]
    merges = [(r, 0, r + 1, 0, "日期") for r in (1, 4)] + [(r, 1, r + 1, 1, "科目") for r in (1, 4)]
    merges += [(r, 2, r, 3, "金额") for r in (1, 4)]
    files.xlsx("a.xlsx", {"S": rows}, merges={"S": merges})
    assert [l.account_code for l in files.read().ledger] == ["7101", "8001"]


def test_unit_merged_down_over_its_lines_belongs_to_each_line(files):
    rows = [["期间：2020年06月"], ["单位", "日期", "摘要", "科目", "借方", "贷方"],
            [None, "2020-06-01", "付款", "7101", 5, None],
            [None, "2020-06-01", "付款", "8001", None, 5]]
    files.xlsx("a.xlsx", {"S": rows}, merges={"S": [(2, 0, 3, 0, "景德镇市陶瓷协会办公室")]})
    assert [l.unit for l in files.read().ledger] == ["景德镇市陶瓷协会办公室"] * 2


def test_summary_merged_across_does_not_spill_into_the_next_column(files):
    rows = [["期间：2020年06月"], ["日期", "摘要", "单位", "科目", "借方", "贷方"],
            ["2020-06-01", None, None, "7101", 5, None]]
    files.xlsx("a.xlsx", {"S": rows}, merges={"S": [(2, 1, 2, 2, "很长的摘要")]})
    [line] = files.read().ledger
    assert (line.summary, line.unit) == ("很长的摘要", "")


def test_balance_direction_beside_debit_and_credit_is_ignored(files):
    rows = [["期间：2020年06月"], ["日期", "摘要", "科目", "借方", "贷方", "方向", "余额"],
            ["2020-06-01", "付款", "7101", 5, None, "借", 5]]
    files.xlsx("a.xlsx", {"S": rows})
    [line] = files.read().ledger
    assert (line.debit, line.credit) == (D("5.00"), D("0.00"))


def test_money_unit_in_the_top_part_of_a_two_row_header_converts_that_column(files):
    rows = [["期间：2020年03月"], ["日期", "科目", "金额（万元）", None],
            [None, None, "借方", "贷方"], ["2020-03-01", "7101", 1.5, None]]
    merges = [(1, 0, 2, 0, "日期"), (1, 1, 2, 1, "科目"), (1, 2, 1, 3, "金额（万元）")]
    files.xlsx("a.xlsx", {"S": rows}, merges={"S": merges})
    result = files.read()
    assert result.ledger[0].debit == D("15000.00")
    assert result.notes == ["a.xlsx「S」：「金额（万元）/借方」、「金额（万元）/贷方」列金额单位为"
                            "万元，已换算为元（×10000）"]


def test_period_column_wins_over_the_date_column(files):
    rows = [["日期", "会计期间", "科目编码", "借方", "贷方"],
            ["2021-01-05", "2020年12月", "7101", 10, None]]
    files.xlsx("a.xlsx", {"S": rows})
    [line] = files.read().ledger
    assert (line.date, line.period) == ("2021-01-05", "2020-12")


def test_voucher_entry_date_is_not_a_posting_date(files):
    rows = [["制单日期", "期间", "科目编码", "借方", "贷方"], ["2021-01-05", "2020-12", "7101", 1, None]]
    files.xlsx("a.xlsx", {"S": rows})
    [line] = files.read().ledger
    assert (line.date, line.period) == ("", "2020-12")


@pytest.mark.parametrize("placeholder", ["无", "/", "-", "—", "基本支出", "空", " 无 "])
def test_placeholder_project_values_mean_no_project(files, placeholder):
    rows = [["期间：2020年03月"], ["日期", "科目编码", "项目", "辅助核算", "借方", "贷方"],
            ["2020-03-01", "7101", placeholder, None, 1, None],
            ["2020-03-01", "7101", None, f"【项目:{placeholder}】", 1, None]]
    files.xlsx("a.xlsx", {"S": rows})
    assert [line.project for line in files.read().ledger] == ["", ""]


def test_two_columns_for_one_field_is_an_error_naming_both(files):
    rows = [["期间：2020年03月"], ["日期", "凭证日期", "科目编码", "借方", "贷方"],
            ["2020-03-01", "2020-03-02", "7101", 1, None]]
    files.xlsx("a.xlsx", {"S": rows})
    with pytest.raises(InputError) as caught:
        files.read()
    error = caught.value
    assert (error.file, error.sheet, error.row, error.column) == ("a.xlsx", "S", 2, 2)
    assert "「日期」（第 A 列）和「凭证日期」（第 B 列）都是「日期」列" in error.message


def test_subtotal_row_with_an_account_code_and_an_amount_is_dropped_and_noted(files):
    rows = [["期间：2020年01月"], ["日期", "摘要", "科目编码", "借方", "贷方"],
            ["2020-01-01", "上年结转", "8101", None, 500],
            ["2020-01-02", "付款", "7101", 10, None],
            [None, "本月合计", None, 10, 500]]
    files.xlsx("a.xlsx", {"S": rows})
    result = files.read()
    assert [line.account_code for line in result.ledger] == ["7101"]
    assert result.notes == ["a.xlsx「S」第3行：有科目 8101 和金额（「贷方」500.00），但写有「上年结转」，"
                            "按合计或结转行未读取；如是实际发生的业务，请改写该行摘要后重新运行"]
