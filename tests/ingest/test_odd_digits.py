"""Issue 8: a year or month written with odd digits in a cell or a title never crashes.

Decided: digits are read after NFKC (full-width ２０２０ and superscript ²⁰²⁰ are 2020, as the
accountant plainly means), decimal digits of other scripts (Arabic-Indic ٢٠٢٠) as their ASCII
digits; signs that look like digits but are none (Ethiopic ፪, which Python's isdigit() accepts)
are refused as any other text. Whatever is read comes out in ASCII digits."""

from __future__ import annotations

import datetime as dt

import pytest

from jdzxlsx.ingest.cells import (CellError, parse_date, parse_month_or_day, parse_period,
                                  split_code_name)
from jdzxlsx.ingest.headers import title_info
from jdzxlsx.ingest.text import ascii_digits


@pytest.mark.parametrize("cell", ["²⁰²⁰-01-15", "２０２０年１月１５日", "٢٠٢٠-٠١-١٥", "²⁰²⁰⁰¹¹⁵"])
def test_dates_in_odd_digits_are_read_as_the_date_meant(cell):
    assert parse_date(cell) == dt.date(2020, 1, 15)


@pytest.mark.parametrize("cell", ["²⁰²⁰年01月", "２０２０-０１", "٢٠٢٠٠١"])
def test_periods_in_odd_digits_are_read_as_the_period_meant(cell):
    assert parse_period(cell) == "2020-01"


@pytest.mark.parametrize("cell", ["፪", "፩፪", "፪፻", "𐩁"])
def test_digit_like_signs_that_are_no_digits_are_refused_not_crashed_on(cell):
    for parse in (lambda c: parse_month_or_day(c, 12), parse_date, parse_period):
        with pytest.raises(CellError):
            parse(cell)


def test_month_and_day_columns_take_odd_digits():
    assert (parse_month_or_day("²月", 12), parse_month_or_day("١٢", 31)) == (2, 12)


def test_title_year_and_period_in_odd_digits():
    assert title_info(["²⁰²⁰年度部门决算"]).year == 2020
    info = title_info(["会计期间：２０２０年０３月"])
    assert (info.period, info.period_text) == ("2020-03", "会计期间：２０２０年０３月")


def test_codes_come_out_in_ascii_digits():
    assert split_code_name("٢٠١١٣٠١ 行政运行") == ("2011301", "行政运行")
    assert split_code_name("［２０１１３０１］行政运行") == ("2011301", "行政运行")


def test_superscript_digits_lead_no_code():
    """²⁰¹¹³⁰¹ is not typed as a code: the cell is a name (and the checks list it)."""
    assert split_code_name("²⁰¹¹³⁰¹ 行政运行") == ("", "²⁰¹¹³⁰¹ 行政运行")


def test_ascii_digits_is_nfkc_and_keeps_what_is_no_digit():
    assert ascii_digits("期间：²⁰²⁰年٠١月፪") == "期间:2020年01月፪"     # NFKC: the colon too


def test_a_ledger_under_a_superscript_year_title_is_read(files):
    files.xlsx("a.xlsx", {"S": [["期间：²⁰²⁰年03月"], ["日期", "凭证号", "摘要", "科目编码", "借方", "贷方"],
                                ["3-02", "1", "付款", "7101", 5, None]]})
    [line] = files.read().ledger
    assert (line.period, line.date) == ("2020-03", "2020-03-02")
