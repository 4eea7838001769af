"""Cell parsers: amounts, dates, periods, codes and names, auxiliary strings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from jdzxlsx.ingest.cells import (CellError, parse_amount, parse_auxiliary, parse_count,
                                  parse_date, parse_period, split_code_name)


@pytest.mark.parametrize("cell, expected", [
    (1234.56, "1234.56"),
    (0.1 + 0.2, "0.30"),            # repr, then quantize: no binary noise
    (12, "12.00"),
    ("1,234.56", "1234.56"),
    ("-12.00", "-12.00"),
    ("(1,200.00)", "-1200.00"),
    ("（１,２００.００）", "-1200.00"),
    ("１２３.４５", "123.45"),
    (" 1 234.50 ", "1234.50"),
    ("¥88.00", "88.00"),
    ("−5.00", "-5.00"),             # U+2212 minus sign
    ("1.000", "1.00"),              # zeros beyond the fen are no decimals (1.005 is refused)
])
def test_amount_text_and_numbers_become_exact_decimal_yuan(cell, expected):
    assert parse_amount(cell) == Decimal(expected)


@pytest.mark.parametrize("cell", [None, "", "  ", "-", "—", "--"])
def test_blank_or_dash_amount_is_zero(cell):
    assert parse_amount(cell) == Decimal("0.00")


def test_amount_in_ten_thousands_is_scaled_before_rounding():
    assert parse_amount(3163.35, Decimal(10000)) == Decimal("31633500.00")
    assert parse_amount("0.004567", Decimal(10000)) == Decimal("45.67")


@pytest.mark.parametrize("cell", ["abc", "1.2.3", "12元5角", True, dt.date(2020, 1, 1)])
def test_non_amount_raises_cell_error_saying_what_was_expected(cell):
    with pytest.raises(CellError) as caught:
        parse_amount(cell)
    assert "金额" in caught.value.expected
    assert caught.value.found == cell


@pytest.mark.parametrize("cell", [
    dt.date(2020, 1, 15), dt.datetime(2020, 1, 15, 8, 30), "2020-01-15", "2020/1/15",
    "2020.01.15", "20200115", 20200115, "2020年1月15日", "2020-01-15 00:00:00", 43845.0,
])
def test_dates_in_every_usual_spelling(cell):
    assert parse_date(cell) == dt.date(2020, 1, 15)


def test_month_day_date_takes_the_year_from_the_title():
    assert parse_date("01-15", year=2020) == dt.date(2020, 1, 15)
    with pytest.raises(CellError):
        parse_date("01-15")


def test_impossible_date_is_an_error():
    with pytest.raises(CellError):
        parse_date("2020-02-30")


@pytest.mark.parametrize("cell, expected", [
    ("2020-01", "2020-01"), ("2020年1月", "2020-01"), ("202012", "2020-12"),
    ("2020.03", "2020-03"), (dt.date(2020, 5, 31), "2020-05"), ("7", "2020-07"),
    ("第7期", "2020-07"), ("12月", "2020-12"),
])
def test_period_cells(cell, expected):
    assert parse_period(cell, year=2020) == expected


@pytest.mark.parametrize("cell, code, name", [
    ("2011301 行政运行", "2011301", "行政运行"),
    ("[30101]基本工资", "30101", "基本工资"),
    ("【30101】基本工资", "30101", "基本工资"),
    ("30101-基本工资", "30101", "基本工资"),
    ("6001 财政拨款预算收入", "6001", "财政拨款预算收入"),
    ("201.13.01 行政运行", "2011301", "行政运行"),
    ("２０１１３０１ 行政运行", "2011301", "行政运行"),
    (2011301.0, "2011301", ""),
    ("7101", "7101", ""),
    ("行政运行", "", "行政运行"),
    (None, "", ""),
])
def test_code_and_name_split(cell, code, name):
    assert split_code_name(cell) == (code, name)


def test_auxiliary_string_gives_key_value_pairs():
    text = ("【功能分类:2011301 行政运行】【经济分类:30101 基本工资】"
            "【资金性质:一般公共预算】【项目:瓷博会筹办经费】")
    assert parse_auxiliary(text) == [
        ("功能分类", "2011301 行政运行"), ("经济分类", "30101 基本工资"),
        ("资金性质", "一般公共预算"), ("项目", "瓷博会筹办经费"),
    ]


def test_auxiliary_values_may_hold_square_brackets_and_other_separators():
    assert parse_auxiliary("【经济分类：[30101]基本工资】") == [("经济分类", "[30101]基本工资")]
    assert parse_auxiliary("功能分类:2011301 行政运行；资金性质：单位资金") == [
        ("功能分类", "2011301 行政运行"), ("资金性质", "单位资金")]
    assert parse_auxiliary("功能分类:2011301 行政运行/经济分类:30101 基本工资") == [
        ("功能分类", "2011301 行政运行"), ("经济分类", "30101 基本工资")]
    assert parse_auxiliary("项目:甲/乙项目") == [("项目", "甲/乙项目")]


def test_head_counts_are_whole_numbers_and_blank_is_none():
    assert parse_count(18.0) == 18
    assert parse_count("20人") == 20
    assert parse_count("") is None
    with pytest.raises(CellError):
        parse_count(2.5)


@pytest.mark.parametrize("cell", ["1.234,56", "100,50", "1,2,3", "1,2345.00", ",100"])
def test_commas_are_only_thousands_separators(cell):
    with pytest.raises(CellError):
        parse_amount(cell)


@pytest.mark.parametrize("cell, expected", [("1,234", "1234.00"), ("-12,345,678.9", "-12345678.90"),
                                            ("(1,000)", "-1000.00")])
def test_thousands_separators_are_read(cell, expected):
    assert parse_amount(cell) == Decimal(expected)


def test_zero_marks_are_the_catalogues_words():
    assert parse_amount("——") == Decimal("0.00")
    assert parse_amount("x", zero_marks={"x"}) == Decimal("0.00")
    assert parse_count("/") is None


def test_period_cell_holding_a_serial_date_number_is_that_dates_month():
    """Found by the property tests: 36526 (2000-01-01) was read as "3652-6" and refused."""
    assert (parse_period(36526), parse_period(29952.0), parse_period(202001)) == (
        "2000-01", "1982-01", "2020-01")
