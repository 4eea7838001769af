"""Issue 8: amounts beyond ±1 万亿元, with more than two decimals, or NaN / Infinity are refused
naming the cell — never rounded, cut or crashed on. Binary noise of a float is not a decimal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest.cells import CellError, parse_amount, parse_count

D = Decimal
TOO_LARGE = "金额（绝对值不超过 1 万亿元）"
TOO_PRECISE = "金额（到分为止，最多两位小数）"


@pytest.mark.parametrize("cell", [1e12 + 1, 1e28, 1e300, "1e28", "1e400", "-1,000,000,000,000.01",
                                  "1e999999999999999999", 10**30, "(2e12)"])
def test_amount_beyond_a_trillion_yuan_is_refused(cell):
    with pytest.raises(CellError) as caught:
        parse_amount(cell)
    assert caught.value.expected == TOO_LARGE
    assert caught.value.found == cell
    assert "编码、账号" in caught.value.hint


def test_a_trillion_yuan_itself_is_accepted():
    assert parse_amount("1,000,000,000,000.00") == D("1000000000000.00")
    assert parse_amount(-10**12) == D("-1000000000000.00")


def test_the_limit_holds_after_the_money_unit():
    assert parse_amount(1e8, D(10000)) == D("1000000000000.00")
    with pytest.raises(CellError) as caught:
        parse_amount(100000000.01, D(10000))
    assert caught.value.expected == TOO_LARGE


@pytest.mark.parametrize("cell", [float("nan"), float("inf"), float("-inf"), "nan", "NaN", "inf",
                                  "-Infinity", "#VALUE!", "#DIV/0!"])
def test_nan_and_infinity_are_refused_as_not_a_number(cell):
    with pytest.raises(CellError) as caught:
        parse_amount(cell)
    assert caught.value.expected.startswith("金额（数字")
    assert caught.value.hint.startswith("单元格中是非数字（如 nan、inf 或公式错误值）")


@pytest.mark.parametrize("cell", [12.345, "12.345", "0.001", "1e-999999999999999999", "1,234.567",
                                  "(0.005)", 12.3456])
def test_more_than_two_decimals_are_refused_never_rounded(cell):
    with pytest.raises(CellError) as caught:
        parse_amount(cell)
    assert caught.value.expected == TOO_PRECISE
    assert "不会自行四舍五入" in caught.value.hint


@pytest.mark.parametrize("cell, expected", [
    ("12.340", "12.34"), ("12.3400000", "12.34"), (0.1 + 0.2, "0.30"),
    (1234.5600000000002, "1234.56"), (0.1 + 0.2 - 0.3, "0.00"), (1e-300, "0.00"),
    (99999999.99 * 3, "299999999.97"), ("-0", "0.00"), ("(0.00)", "0.00"),
])
def test_zeros_and_float_noise_beyond_the_fen_are_no_decimals(cell, expected):
    amount = parse_amount(cell)
    assert amount == D(expected) and str(amount) == expected


def test_in_ten_thousands_six_decimals_are_still_fen():
    assert parse_amount("1.234567", D(10000)) == D("12345.67")
    assert parse_amount(0.1 + 0.2, D(10000)) == D("3000.00")
    with pytest.raises(CellError) as caught:
        parse_amount("1.2345678", D(10000))
    assert caught.value.expected == "金额（到分为止，最多两位小数，换算为元后）"


@pytest.mark.parametrize("cell", [1e28, "1e400", -1, "-3人", float("inf"), 10_000_001])
def test_head_counts_outside_any_department_are_refused(cell):
    with pytest.raises(CellError) as caught:
        parse_count(cell)
    assert caught.value.expected.startswith("人数（")


# --- through the extractor: the cell is named ------------------------------------------------

def ledger_with(files, amount):
    rows = [["期间：2020年03月"], ["日期", "凭证号", "摘要", "科目编码", "借方", "贷方"],
            [dt.date(2020, 3, 1), "记-1", "付款", "7101", 10, None],
            [dt.date(2020, 3, 2), "记-2", "付款", "7101", amount, None]]
    files.xlsx("明细账.xlsx", {"三月": rows})
    with pytest.raises(InputError) as caught:
        files.read()
    return caught.value


@pytest.mark.parametrize("amount, shown", [(1e28, "1e+28"), ("1e400", "1e400"),
                                           (1e300, "1e+300")])
def test_huge_amount_in_a_ledger_is_an_input_error_naming_the_cell(files, amount, shown):
    error = ledger_with(files, amount)
    assert (error.file, error.sheet, error.row, error.column) == ("明细账.xlsx", "三月", 4, 5)
    assert error.message == f"「借方」列应为金额（绝对值不超过 1 万亿元），实际为「{shown}」"


def test_three_decimal_amount_in_a_ledger_is_refused_naming_the_cell(files):
    error = ledger_with(files, 12.345)
    assert (error.row, error.column) == (4, 5)
    assert error.message == "「借方」列应为金额（到分为止，最多两位小数），实际为「12.345」"


def test_nan_text_in_a_ledger_is_refused_naming_the_cell(files):
    error = ledger_with(files, "nan")
    assert (error.row, error.column) == (4, 5)
    assert error.message.endswith("实际为「nan」")


def test_budget_quota_prior_year_figure_and_head_count_take_the_guarded_path(files):
    files.in_year(2020)
    files.xlsx("指标.xlsx", {"指标": [["功能分类科目", "年初预算数"], ["2011301 行政运行", 1e13]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert (caught.value.sheet, caught.value.row, caught.value.column) == ("指标", 2, 2)
    (files.folder / "指标.xlsx").unlink()
    files.xlsx("上年.xlsx", {"上年": [["项目", "上年决算数"], ["本年收入合计", "12.345"]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert caught.value.message == "「上年决算数」列应为金额（到分为止，最多两位小数），实际为「12.345」"
    (files.folder / "上年.xlsx").unlink()
    files.xlsx("编制.xlsx", {"编制": [["人员类别", "编制数"], ["行政编制", 1e28]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert caught.value.message == "「编制数」列应为人数（0～10,000,000 的整数），实际为「1e+28」"


@pytest.mark.parametrize("cell", [12.0001, 999999999999.001, 12.001])
def test_a_typed_third_or_fourth_decimal_is_no_float_noise(cell):
    with pytest.raises(CellError) as caught:
        parse_amount(cell)
    assert caught.value.expected == TOO_PRECISE


def test_cancellation_noise_of_large_operands_is_no_decimal():
    assert parse_amount(9876543210.12 - 9876543210.11) == D("0.01")
