"""The rules of issue 7 on small working papers: each silent on a complete, consistent year,
each 不符 when the year is corrupted its way (and nothing else is), and 未核对 — with the
reason — when what it checks against is absent, never a comparison with 0."""

from __future__ import annotations

from decimal import Decimal

import pytest

from tests import synthetic as syn
from tests.synthetic import (GENERAL, INSTITUTE, OWN, UNIT, SCENARIOS, check, clean_paper,
                             complete_year, findings, line, not_checked)


@pytest.fixture(scope="module")
def clean():
    return check(clean_paper())


def _failing(result) -> set[str]:
    return {f.rule_id.split("[", 1)[0] for f in result.findings if f.verdict == "不符"}


# ----------------------------------------------------------------------------- clean input
def test_a_complete_consistent_year_is_silent_and_fully_checked(clean):
    assert _failing(clean) == set()
    assert clean.not_checked == []
    for rule in ("O1", "Y1", "Y2", "J1", "J2", "A1", "A2", "A3-1", "A3-2", "A5-1", "A5-2",
                 "A6-1", "A6-2", "S4", "S4-1", "B1", "B2", "T1", "P1"):
        assert findings(clean, rule), rule


def test_the_carry_over_rules_compare_the_years_own_figures(clean):
    y1 = findings(clean, "Y1")
    assert (y1[f"Y1[{OWN}]"].left, y1[f"Y1[{OWN}]"].right) == (Decimal("130000.00"),) * 2
    assert y1[f"Y1[{GENERAL}]"].left == Decimal("300000.00")
    j1, j2 = findings(clean, "J1"), findings(clean, "J2")
    assert j1[f"J1[{GENERAL}]"].right == Decimal("1200000.00")
    assert j2[f"J2[{OWN}]"].left == j2[f"J2[{OWN}]"].right == Decimal("30000.00")
    assert findings(clean, "A1")["A1"].left == Decimal("440000.00")
    assert findings(clean, "O1")["O1"].left == 5


def test_account_queries_ignore_the_year_end_and_balance_lines(clean):
    """6001 is debited by the 年终结转 voucher and 8001 has an opening balance: the source rules
    still compare the year's postings only."""
    s1 = findings(clean, "S1-1")["S1-1"]
    assert s1.left == s1.right == Decimal("120.00")
    assert findings(clean, "S3")["S3"].left == Decimal("123.00")
    s4 = findings(clean, "S4")["S4"]
    assert (s4.left, s4.verdict) == (Decimal("2.00"), "一致")


def test_the_units_and_codes_the_review_rules_expand_over(clean):
    assert set(findings(clean, "A3-1")) == {f"A3-1[{INSTITUTE}]"}       # not 行政 or 参公
    assert set(findings(clean, "A3-2")) == {f"A3-2[{UNIT}]"}            # not 事业
    assert set(findings(clean, "A5-1")) == {f"A5-1[{UNIT}]"}
    assert set(findings(clean, "A6-1")) == {"A6-1[2011301]"}          # 行政运行
    assert findings(clean, "A6-1")["A6-1[2011301]"].description.startswith("2011301 行政运行")


# ----------------------------------------------------------------------------- corruptions
@pytest.mark.parametrize("scenario", list(SCENARIOS))
def test_each_corruption_breaks_its_rule_and_nothing_else(scenario):
    build, expected = SCENARIOS[scenario]
    result = check(build())
    assert _failing(result) == expected


def test_a_fund_seen_only_on_balance_lines_must_end_where_it_began():
    """政府性基金 carried 50 000 into the year and did nothing with it: December says 0."""
    lines = complete_year(line("8101", 50_000, "年初结转和结余", fund=syn.FUND, period="2020-01"),
                          line("8001", 50_000, "年初余额", fund=syn.FUND, period="2020-01"))
    lines = [l for l in lines if not (l.direction == "年末结转和结余" and l.fund_source == syn.FUND)]
    result = check(clean_paper(lines, prior_year=[]))
    y1 = findings(result, "Y1")[f"Y1[{syn.FUND}]"]
    assert (y1.verdict, y1.left, y1.right) == ("不符", Decimal("0.00"), Decimal("50000.00"))


def test_spending_beyond_a_funds_means_is_an_error_with_the_shortfall():
    result = check(SCENARIOS["a fund spent more than it had"][0]())
    y2 = findings(result, "Y2")[f"Y2[{OWN}]"]
    assert (y2.severity, y2.left) == ("错误", Decimal("-770000.00"))


def test_income_without_function_code_is_one_row_per_file_and_account():
    lines = complete_year(line("6609", 700, fund=OWN, function="", file="十月.csv"),
                          line("6609", 300, fund=OWN, function="", file="十月.csv"),
                          line("6101", 50, fund=OWN, function="", file="十月.csv"),
                          line("6609", 20, fund=OWN, function="", file="十一月.xls"))
    rows = findings(check(clean_paper(lines)), "S10")
    assert set(rows) == {"S10[十月.csv 6609]", "S10[十月.csv 6101]", "S10[十一月.xls 6609]"}
    october = rows["S10[十月.csv 6609]"]
    assert (october.left, october.right, october.severity) == (2, 0, "错误")
    assert "2 行收入（1,000.00 元）没有支出功能分类科目" in october.description
    assert october.place == "十月.csv（2 行）"


def test_unclassified_income_that_nets_to_zero_is_still_reported():
    """A booking and its red reversal: 0 元, but two lines stand in 公开02表's 未分类 row."""
    lines = complete_year(line("6609", 700, fund=OWN, function="", file="十月.csv"),
                          line("6609", -700, fund=OWN, function="", file="十月.csv"))
    (row,) = findings(check(clean_paper(lines)), "S10").values()
    assert (row.left, row.verdict) == (2, "不符")


def test_lines_with_the_same_warning_are_one_warning_row_not_an_error_each():
    result = check(SCENARIOS["a code with a warning on two lines"][0]())
    (row,) = findings(result, "S11").values()
    assert (row.severity, row.verdict) == ("警告", "不符")
    assert "2011399" in row.description and row.left == Decimal("25000.00")
    assert row.place.endswith(" 等 2 行")
    assert findings(result, "S7") == {}


def test_the_reception_costs_of_the_first_sample_are_a_hint_not_an_error():
    result = check(SCENARIOS["公务接待费 in an office's 项目支出"][0]())
    row = findings(result, "A5-1")[f"A5-1[{UNIT}]"]
    assert (row.severity, row.verdict, row.left) == ("提示", "不符", Decimal("20000.00"))


# ----------------------------------------------------------------------------- 未核对
def _absent(result, rule: str) -> list[str]:
    assert findings(result, rule) == {}, f"{rule} was compared"
    return not_checked(result, rule)


def test_a_single_entry_export_leaves_the_8001_checks_unchecked_with_the_reason():
    result = check(clean_paper(complete_year(drop=lambda l: l.direction == "资金结存")))
    assert _failing(result) == set()
    assert len(_absent(result, "S4")) == 1
    s41 = _absent(result, "S4-1")
    assert [t.split("：", 1)[0] for t in s41] == [f"S4-1[{GENERAL}]", f"S4-1[{OWN}]"]
    assert all("没有 8001 资金结存的行" in t for t in s41)


def test_without_a_budget_b1_and_b2_are_unchecked_not_compared_with_zero():
    result = check(clean_paper(budget=[]))
    assert "预算指标文件缺失" in _absent(result, "B1")[0]
    assert _absent(result, "B2")


def test_without_a_staffing_sheet_t1_is_listed_as_unchecked():
    result = check(clean_paper(staffing=[]))
    (text,) = _absent(result, "T1")
    assert text.startswith("T1：人员编制：手填合计「…」") and "没有人员编制表" in text


def test_without_a_unit_sheet_the_unit_kind_rules_are_unchecked():
    result = check(clean_paper(units=[]))
    for rule in ("A3-1", "A3-2", "A5-1", "A5-2"):
        (text,) = _absent(result, rule)
        assert "没有预算单位表" in text


def test_before_year_end_closing_and_without_a_december_balance():
    result = check(clean_paper(complete_year(closed=False, december=False)))
    assert _failing(result) == set()
    assert all("没有年终结转凭证" in t for t in _absent(result, "J1") + _absent(result, "J2"))
    assert all("没有12月科目余额表" in t for t in _absent(result, "Y1"))
    assert findings(result, "Y2")                  # 年末 ≥ 0 is checked from the identity


def test_without_opening_balances_o1_is_the_one_error_and_a1_is_unchecked():
    result = check(SCENARIOS["no opening balance"][0]())
    o1 = findings(result, "O1")["O1"]
    assert (o1.severity, o1.left, o1.right) == ("错误", 0, 1)
    assert "提供1月科目余额表" in o1.advice
    assert _absent(result, "A1")


def test_without_project_categories_a6_2_is_unchecked():
    lines = [l.__class__(**{**l.__dict__, "project_category": ""}) for l in complete_year()]
    result = check(clean_paper(lines))
    assert "没有项目类别" in _absent(result, "A6-2")[0]
