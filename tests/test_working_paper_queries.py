"""WorkingPaper.sum and .count, the Python twins of SUMIFS and COUNTIFS over 底稿: they must
match a cell exactly when a spreadsheet does — codes by prefix, text whatever its case, an empty
code never taken for a code that begins with anything."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdzxlsx.expr import Count, Criterion, Query
from jdzxlsx.ingest import Provenance
from jdzxlsx.working_paper import WorkingLine, WorkingPaper

LINES = [("2011301", "30101", "记-0001", "100.00"), ("2011302", "30201", "记-0002", "20.00"),
         ("2080505", "30108", "JZ-3", "3.00"), ("", "", "jz-3", "0.40")]


@pytest.fixture(scope="module")
def paper():
    lines = [WorkingLine(unit="本级", period="2020-12", direction="支出", category="基本支出",
                         fund_source="一般公共预算财政拨款", function_code=function,
                         economic_code=economic, account_code="7101", project="",
                         voucher=voucher, summary="", amount=Decimal(amount),
                         source=Provenance("a.csv", "a", i + 2))
             for i, (function, economic, voucher, amount) in enumerate(LINES)]
    return WorkingPaper("部门", 2020, "2020-12", lines, [], [], [], [], ["2020-12"])


def _sum(paper, *criteria):
    return paper.sum("底稿", tuple(Criterion(*c) for c in criteria))


def test_a_prefix_takes_every_code_that_begins_with_it(paper):
    assert _sum(paper, ("功能分类科目", "201", True)) == Decimal("120.00")
    assert _sum(paper, ("功能分类科目", "2011301", True)) == Decimal("100.00")
    assert _sum(paper, ("经济分类科目", "301", True)) == Decimal("103.00")


def test_an_exact_code_takes_only_itself(paper):
    assert _sum(paper, ("功能分类科目", "201", False)) == 0
    assert _sum(paper, ("功能分类科目", "2011301", False)) == Decimal("100.00")


def test_an_empty_code_is_matched_only_as_empty(paper):
    """SUMIFS "" takes the blank cells; "*" (an empty prefix) every cell holding text."""
    assert _sum(paper, ("经济分类科目", "", False)) == Decimal("0.40")
    assert _sum(paper, ("经济分类科目", "", True)) == Decimal("123.00")


def test_text_is_matched_whatever_its_case(paper):
    assert paper.count("底稿", (Criterion("凭证号", "jz-3"),)) == 2


def test_criteria_on_one_column_must_all_hold(paper):
    assert _sum(paper, ("功能分类科目", "201", True), ("功能分类科目", "2011302", False)) \
        == Decimal("20.00")
    assert _sum(paper, ("功能分类科目", "2011301", False), ("功能分类科目", "2011302", False)) == 0


def test_matching_lists_the_lines_a_query_takes(paper):
    query = Query("底稿", (Criterion("功能分类科目", "20", True),))
    assert [l.function_code for l in paper.matching(query)] == ["2011301", "2011302", "2080505"]
    assert len(paper.matching(Count("底稿", (Criterion("凭证号", "JZ-3"),)))) == 2
