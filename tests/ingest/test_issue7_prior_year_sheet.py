"""Last year's key figures in their simplest form (issue 7): 项目 | 2019年决算数（元）."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdzxlsx.ingest import PriorYearFigure, Provenance

D = Decimal
KEY_FIGURES = [["本年收入合计", 31633512.34], ["本年支出合计", "30,100,000.01"],
               ["年初结转和结余", 4933600], ["年末结转和结余", 6467112.33]]


def key_figure_sheet(files, header, rows=KEY_FIGURES, title=()):
    files.in_year(2020)
    files.xlsx("上年数.xlsx", {"上年": [*title, ["项目", header], *rows]})
    return files.read()


@pytest.mark.parametrize("header", ["2019年决算数（元）", "2019年决算数", "2019年", "2019年度",
                                    "上年数", "上年决算数（元）", "2019年度决算数(元)"])
def test_two_column_sheet_without_a_title_is_last_years_figures(files, header):
    result = key_figure_sheet(files, header)
    assert result.prior_year == [
        PriorYearFigure("本年收入合计", D("31633512.34"), Provenance("上年数.xlsx", "上年", 2)),
        PriorYearFigure("本年支出合计", D("30100000.01"), Provenance("上年数.xlsx", "上年", 3)),
        PriorYearFigure("年初结转和结余", D("4933600.00"), Provenance("上年数.xlsx", "上年", 4)),
        PriorYearFigure("年末结转和结余", D("6467112.33"), Provenance("上年数.xlsx", "上年", 5)),
    ]
    assert result.skipped == [] and result.notes == []


@pytest.mark.parametrize("header", ["上年决算数（万元）", "2019年决算数（万元）", "2019年（万元）"])
def test_header_in_ten_thousands_converts_exactly_and_says_so(files, header):
    result = key_figure_sheet(files, header, rows=[["本年收入合计", 3163.3512],
                                                    ["三公经费", "23.25"]])
    assert [(f.item, f.amount) for f in result.prior_year] == [
        ("本年收入合计", D("31633512.00")), ("三公经费", D("232500.00"))]
    assert result.notes == [f"上年数.xlsx「上年」：「{header}」列金额单位为万元，已换算为元（×10000）"]


def test_a_column_naming_this_year_is_not_last_years_figures(files):
    result = key_figure_sheet(files, "2020年决算数（元）")
    assert result.prior_year == []
    [reason] = result.skipped
    assert reason.startswith("上年数.xlsx「上年」: ")
    assert "列名中的年度是 2020 年，不是上年（2019 年）" in reason
    assert "「2019年决算数」" in reason


def test_of_two_year_columns_last_years_is_read(files):
    rows = [["本年收入合计", 100, 200], ["本年支出合计", 90, 210]]
    files.in_year(2020)
    files.xlsx("a.xlsx", {"S": [["项目", "2020年", "2019年"], *rows]})
    result = files.read()
    assert [(f.item, f.amount) for f in result.prior_year] == [
        ("本年收入合计", D("200.00")), ("本年支出合计", D("210.00"))]


def test_a_this_year_budget_with_a_year_header_is_still_skipped(files):
    result = key_figure_sheet(files, "2020年", rows=[["公务接待费", 3000]],
                              title=[["2020年三公经费预算"]])
    assert result.prior_year == []
    assert "不是上年" in result.skipped[0]


def test_year_prefix_also_helps_other_kinds_match_their_columns(files):
    files.xlsx("预算.xlsx", {"S": [["功能分类科目", "2020年年初预算数"], ["2011301 行政运行", 10]]})
    assert [b.initial for b in files.read().budget] == [D("10.00")]
