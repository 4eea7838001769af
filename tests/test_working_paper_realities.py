"""底稿 from the exports offices really have (issue 7): 年终结转 vouchers kept but counted in no
table, 结转和结余 by definition, 一体化 项目类别, department-level lines, code lists, income
without 功能分类 — each pinned on a few hand-made lines with hand-checked figures."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from jdzxlsx.ingest.records import (BalanceLine, BudgetUnit, CodeEntry, IngestResult, LedgerLine,
                                    Provenance)
from jdzxlsx.model import Workbook
from jdzxlsx.pipeline import year_template
from jdzxlsx.tables import budget_sheet, build_tables, working_paper_sheet
from jdzxlsx.working_paper import (CLOSING, OPENING, OPENING_OTHER, YEAR_END_ENTRY,
                                   build_working_paper, looks_like_number_or_date, period_key,
                                   text_key)

FISCAL, OWN = "一般公共预算财政拨款", "非财政拨款"
UNIT = "甲局本级"
_rows = iter(range(2, 10_000))


@pytest.fixture(scope="module")
def template():
    return year_template(2020)


def line(account: str, debit="0", credit="0", *, voucher="记-1", period="2020-03", fund=FISCAL,
         function="2011301", economic="", summary="", project="", category="", unit=UNIT,
         kind="", department_level=False, file="a.xlsx") -> LedgerLine:
    return LedgerLine(unit=unit, period=period, date="", voucher=voucher, summary=summary,
                      account_code=account, account_name="", function_code=function,
                      economic_code=economic, fund_source=fund, project=project,
                      expense_kind=kind, debit=D(debit), credit=D(credit),
                      source=Provenance(file, "s", next(_rows)), project_category=category,
                      department_level=department_level)


def balance(account: str, opening: str, closing: str | None = None, *, period="2020-01",
            fund=FISCAL, unit=UNIT, department_level=False) -> BalanceLine:
    """``opening``/``closing`` as the export shows a credit balance: positive (stored negative)."""
    return BalanceLine(unit=unit, period=period, account_code=account, account_name="",
                       fund_source=fund, function_code="", opening=-D(opening),
                       closing=None if closing is None else -D(closing),
                       source=Provenance("tb.xlsx", "s", next(_rows)),
                       department_level=department_level)


def paper_of(template, ledger, balances=(), units=(), codes=(), period_end=None):
    ingested = IngestResult(folder="x", ledger=list(ledger), balances=list(balances),
                            units=list(units), code_lists=list(codes))
    return build_working_paper(ingested, template, department="甲局", period_end=period_end)


def tables_of(template, paper) -> dict:
    book = Workbook()
    tables = build_tables(book, paper, template)
    book.sheets = [*tables, working_paper_sheet(paper), budget_sheet(paper)]
    book.resolve(paper)
    return {cell_id: cell.value for cell_id, (_, cell) in book.formula_cells().items()}


YEAR = [  # income 1,000.00 (fiscal) and 300.00 (own); expense 800.00 and 100.00; double entry
    line("6001", credit="1000.00", voucher="记-1"), line("8001", debit="1000.00", voucher="记-1"),
    line("6609", credit="300.00", voucher="记-2", fund=OWN),
    line("8001", debit="300.00", voucher="记-2", fund=OWN),
    line("7101", debit="800.00", voucher="记-3", economic="30101"),
    line("8001", credit="800.00", voucher="记-3"),
    line("7101", debit="100.00", voucher="记-4", fund=OWN, economic="30201", project="调研"),
    line("8001", credit="100.00", voucher="记-4", fund=OWN),
]
CLOSING_VOUCHERS = [  # 年终结转: income debited, expense credited, against 8101 / 8201
    line("6001", debit="1000.00", voucher="记-90", period="2020-12", summary="年终结转本年收入"),
    line("8101", credit="1000.00", voucher="记-90", period="2020-12", function=""),
    line("8101", debit="800.00", voucher="记-91", period="2020-12", function=""),
    line("7101", credit="800.00", voucher="记-91", period="2020-12", economic="30101"),
    line("6609", debit="300.00", voucher="记-92", period="2020-12", fund=OWN),
    line("8201", credit="300.00", voucher="记-92", period="2020-12", fund=OWN, function=""),
    line("8201", debit="100.00", voucher="记-93", period="2020-12", fund=OWN, function=""),
    line("7101", credit="100.00", voucher="记-93", period="2020-12", fund=OWN, economic="30201",
         project="调研"),
]


def test_year_end_vouchers_are_kept_as_closing_entries(template):
    paper = paper_of(template, YEAR + CLOSING_VOUCHERS)
    closing = [l for l in paper.lines if l.direction == YEAR_END_ENTRY]
    assert len(closing) == len(CLOSING_VOUCHERS)
    income = sum(l.amount for l in closing if l.category == "收入")
    expense = sum(l.amount for l in closing if l.category == "支出")
    assert (income, expense) == (D("-1300.00"), D("-900.00"))


def test_year_end_vouchers_change_no_table_cell(template):
    without = tables_of(template, paper_of(template, YEAR))
    with_closing = tables_of(template, paper_of(template, YEAR + CLOSING_VOUCHERS))
    assert with_closing == without
    assert without["公开01.一般公共预算财政拨款收入"] == D("0.10")
    assert without["公开01.本年收入合计"] == D("0.13")
    assert without["公开01.本年支出合计"] == D("0.09")


def test_an_ordinary_voucher_is_no_closing_entry(template):
    """Single entry (no counterpart at all) and double entry (8001) are the year's flows."""
    paper = paper_of(template, YEAR + [line("7101", debit="5.00", voucher="记-7",
                                            economic="30201")])
    assert not [l for l in paper.lines if l.direction == YEAR_END_ENTRY]


def test_an_expense_sharing_the_closing_vouchers_number_stays_an_expense(template):
    """Exports that drop the 凭证字 (记-90, 转-90 → 90) put an ordinary line into the closing
    voucher's number: it runs on its normal side, so it is still the year's spending."""
    shared = line("7101", debit="19.00", voucher="记-91", period="2020-12", economic="30201")
    paper = paper_of(template, YEAR + CLOSING_VOUCHERS + [shared])
    assert paper.lines[-1].direction == "支出"
    assert tables_of(template, paper)["公开01.本年支出合计.元"] == D("919.00")


def test_a_funds_held_line_in_a_closing_voucher_does_not_hide_it(template):
    pair = [line("8001", debit="100.00", voucher="记-90", period="2020-12", function=""),
            line("8001", credit="100.00", voucher="记-90", period="2020-12", function="")]
    paper = paper_of(template, YEAR + CLOSING_VOUCHERS + pair)
    assert sum(l.direction == YEAR_END_ENTRY for l in paper.lines) == len(CLOSING_VOUCHERS)
    assert tables_of(template, paper)["公开01.本年收入合计.元"] == D("1300.00")


def test_unnumbered_closing_lines_are_known_by_their_summary_and_side(template):
    lines = [line("6001", debit="1000.00", voucher="", period="2020-12", summary="结转本年收入"),
             line("6001", debit="20.00", voucher="", summary="冲销多记收入"),
             line("7101", credit="800.00", voucher="", period="2020-12", summary="年终结转支出",
                  economic="30101"),
             line("7101", credit="30.00", voucher="", summary="收回结转结余项目多付款",
                  economic="30201")]
    directions = [l.direction for l in paper_of(template, YEAR + lines).lines[-4:]]
    assert directions == [YEAR_END_ENTRY, "收入", YEAR_END_ENTRY, "支出"]


def test_carried_balances_are_the_opening_carry_over_and_the_others_are_kept_apart(template):
    balances = [balance("8101", "600.00"), balance("8102", "50.00"),
                balance("8201", "40.00", fund=OWN), balance("8202", "700.00", fund=OWN),
                balance("8301", "30.00", fund=OWN), balance("8401", "10.00", fund=OWN)]
    paper = paper_of(template, YEAR, balances)
    opening = {l.account_code: l.amount for l in paper.lines if l.direction == OPENING}
    other = {l.account_code: l.amount for l in paper.lines if l.direction == OPENING_OTHER}
    assert opening == {"8101": D("600.00"), "8102": D("50.00"), "8201": D("40.00"),
                       "8401": D("10.00")}
    assert other == {"8202": D("700.00"), "8301": D("30.00")}
    cells = tables_of(template, paper)
    assert cells["公开01.年初结转和结余"] == D("0.07")       # 700.00 元, not 1,430.00


def test_year_end_comes_from_december_closing_balances_when_given(template):
    balances = [balance("8101", "600.00"), balance("8101", "600.00", "777.00", period="2020-12")]
    paper = paper_of(template, YEAR, balances)
    assert [l.amount for l in paper.lines if l.direction == CLOSING] == [D("777.00")]
    cells = tables_of(template, paper)
    assert cells["公开01.年末结转和结余.元"] == D("777.00")
    # without it: 年初 600 + 收入 1,300 − 支出 900 = 1,000
    cells = tables_of(template, paper_of(template, YEAR, balances[:1]))
    assert cells["公开01.年末结转和结余.元"] == D("1000.00")


def test_a_december_balance_says_nothing_about_a_year_to_date_build(template):
    balances = [balance("8101", "600.00", "777.00", period="2020-12")]
    paper = paper_of(template, YEAR, balances, period_end="2020-06")
    assert not [l for l in paper.lines if l.direction == CLOSING]


def test_drawing_on_and_distributing_surplus_are_the_debits_of_8202_8301_and_8701(template):
    flows = [
        line("8202", debit="40.00", voucher="记-95", period="2020-12", fund=OWN, function=""),
        line("8501", credit="40.00", voucher="记-95", period="2020-12", fund=OWN, function=""),
        line("8501", debit="70.00", voucher="记-96", period="2020-12", fund=OWN, function=""),
        line("8701", credit="70.00", voucher="记-96", period="2020-12", fund=OWN, function=""),
        line("8701", debit="20.00", voucher="记-97", period="2020-12", fund=OWN, function=""),
        line("8301", credit="20.00", voucher="记-97", period="2020-12", fund=OWN, function=""),
        line("8701", debit="50.00", voucher="记-98", period="2020-12", fund=OWN, function=""),
        line("8202", credit="50.00", voucher="记-98", period="2020-12", fund=OWN, function=""),
    ]
    paper = paper_of(template, YEAR + flows)
    used = [l.amount for l in paper.lines if l.category == "使用非财政拨款结余"]
    shared = [l.amount for l in paper.lines if l.category == "结余分配"]
    assert used == [D("40.00")]
    assert shared == [D("20.00"), D("50.00")]      # not the net of 8701 (0 after the cycle)
    cells = tables_of(template, paper)
    assert cells["公开01.使用非财政拨款结余.元"] == D("40.00")
    assert cells["公开01.结余分配.元"] == D("70.00")


@pytest.mark.parametrize("category, kind, project, expected", [
    ("人员类", "", "在职人员工资", "基本支出"),
    ("运转类-公用经费", "", "公用经费", "基本支出"),
    ("运转类-其他运转类", "", "", "项目支出"),
    ("特定目标类", "", "", "项目支出"),
    ("特定目标类", "基本支出", "", "基本支出"),       # an explicit 支出类型 wins
    ("", "", "调研", "项目支出"),                    # no category: the project decides
    ("", "", "", "基本支出"),
])
def test_basic_or_project_follows_type_then_category_then_project(template, category, kind,
                                                                  project, expected):
    paper = paper_of(template, [line("7101", debit="1.00", economic="30101", category=category,
                                     kind=kind, project=project)])
    (only,) = paper.lines
    assert only.category == expected and only.project_category == category


def test_an_unknown_project_category_is_a_problem_not_a_guess(template):
    paper = paper_of(template, [line("7101", debit="1.00", economic="30101", category="专项类",
                                     project="在职人员工资")])
    assert "项目类别「专项类」无法识别" in paper.lines[0].problems[0]


def test_department_level_lines_are_in_scope_without_a_unit_row(template):
    units = [BudgetUnit("乙单位", "行政", True, Provenance("u.xlsx", "s", 2))]
    ledger = [line("6001", credit="5.00", unit="甲局", department_level=True)]
    paper = paper_of(template, ledger, [balance("8101", "9.00", unit="甲局",
                                                department_level=True)], units)
    assert [l.unit for l in paper.lines] == ["甲局", "甲局"]


def test_a_code_whose_class_and_item_exist_is_a_warning_and_the_office_list_settles_it(template):
    unlisted = line("7101", debit="1.00", function="2011309", economic="30101")
    (warned,) = paper_of(template, [unlisted]).lines
    assert not warned.problems and warned.check_mark == "警告"
    assert "2011309" in warned.warnings[0]
    office = CodeEntry("功能", "2011309", "其他陶瓷事务支出", Provenance("codes.xlsx", "s", 9))
    paper = paper_of(template, [unlisted], codes=[office])
    assert paper.lines[0].check_mark == "通过"
    assert paper.functions.name("2011309") == "其他陶瓷事务支出"


def test_a_code_under_an_unknown_class_is_still_a_problem(template):
    (bad,) = paper_of(template, [line("7101", debit="1.00", function="2019801",
                                      economic="30101")]).lines
    assert bad.problems and bad.check_mark == "错误"


def test_income_without_function_code_has_its_own_row_and_keeps_the_total(template):
    ledger = YEAR + [line("6609", credit="77.00", voucher="记-5", fund=OWN, function=""),
                     line("8001", debit="77.00", voucher="记-5", fund=OWN)]
    paper = paper_of(template, ledger)
    assert not any(l.problems for l in paper.lines)
    cells = tables_of(template, paper)
    assert cells["公开02.未分类.本年收入合计.元"] == D("77.00")
    assert cells["公开02.合计.本年收入合计.元"] == D("1377.00")
    assert cells["公开01.本年收入合计.元"] == D("1377.00")
    assert "公开03.未分类.本年支出合计.元" not in cells


def test_without_unclassified_income_there_is_no_unclassified_row(template):
    assert "公开02.未分类.本年收入合计.元" not in tables_of(template, paper_of(template, YEAR))


@pytest.mark.parametrize("text", ["2020-05", "2020/5/1", "5月1日", "12", "0012", "1,234.5",
                                  "1e5", "10%", "2020年05月", "TRUE", "12:30"])
def test_number_and_date_lookalikes_are_recognised(text):
    assert looks_like_number_or_date(text)
    assert not looks_like_number_or_date(text_key(text))


@pytest.mark.parametrize("text", ["记-0012", "凭证明细_2020-12.csv", "2020年第05期", "JZ-3", ""])
def test_keys_that_cannot_be_misread_stay_as_they_are(text):
    assert text_key(text) == text and not looks_like_number_or_date(text)


def test_periods_are_written_as_no_spreadsheet_reads_a_date():
    assert period_key("2020-05") == "2020年第05期"


@pytest.mark.slow
def test_libreoffice_agrees_on_the_unclassified_row_and_the_closing_entries(template, tmp_path):
    """The 未分类 row's blank-code criterion and the excluded 年终结转 lines give the same values
    in LibreOffice as in Python."""
    from jdzxlsx.xlsx import write_workbook
    from tests import oracle
    from tests.conftest import require_libreoffice

    require_libreoffice()
    ledger = YEAR + CLOSING_VOUCHERS + [
        line("6609", credit="77.00", voucher="记-5", fund=OWN, function=""),
        line("8001", debit="77.00", voucher="记-5", fund=OWN)]
    paper = paper_of(template, ledger, [balance("8101", "600.00")])
    book = Workbook()
    book.sheets = [*build_tables(book, paper, template), working_paper_sheet(paper),
                   budget_sheet(paper)]
    book.resolve(paper)
    path = tmp_path / "book.xlsx"
    write_workbook(book, path)
    (recalculated,) = oracle.recalculate([path], tmp_path / "out")
    assert oracle.differences(path, recalculated) == []


def test_lines_naming_one_unlisted_code_with_different_other_findings_are_two_rows(template):
    """A line that also lacks its 经济分类 says more than the others: its own S11 row (and an S7
    error), never two rows under one id."""
    from tests.synthetic import check, findings

    ledger = [line("7101", debit="20.00", function="2011309", economic="30101"),
              line("7101", debit="5.00", function="2011309", economic="30101"),
              line("7101", debit="7.00", function="2011309", economic="")]
    result = check(paper_of(template, ledger))
    rows = findings(result, "S11")
    assert sorted(rows) == ["S11[2011309-2]", "S11[2011309]"]
    assert sorted(f.left for f in rows.values()) == [D("7.00"), D("25.00")]
    assert len(findings(result, "S7")) == 1


def test_a_balance_without_its_fund_leaves_the_per_fund_checks_unchecked(template):
    """A trial balance exported without 资金性质: its 8101 cannot be put under any fund, so the
    per-fund 年末 checks say why they are 未核对 instead of reporting a false 错误."""
    from tests.synthetic import check, findings

    balances = [balance("8101", "600.00", fund=""),
                balance("8101", "600.00", "1000.00", period="2020-12", fund="")]
    result = check(paper_of(template, YEAR + CLOSING_VOUCHERS, balances))
    assert findings(result, "Y1") == {} and findings(result, "Y2") == {}
    unchecked = [t for t in result.not_checked if t.startswith(("Y1", "Y2"))]
    assert unchecked and all("行没有资金性质" in t for t in unchecked)
    assert findings(result, "J1")            # the year-end entries all carry their fund


def test_a_department_level_export_of_another_department_is_refused(template):
    from jdzxlsx.errors import InputError

    with pytest.raises(InputError, match="不是本次决算的部门「甲局」"):
        paper_of(template, [line("6001", credit="5.00", unit="乙局", department_level=True)])


def test_department_and_unit_exports_of_one_month_are_refused_not_summed_twice(template):
    from jdzxlsx.errors import InputError

    balances = [balance("8101", "9.00", unit="甲局", department_level=True),
                balance("8101", "9.00")]
    with pytest.raises(InputError, match="同一笔数会计算两次"):
        paper_of(template, YEAR, balances)


def test_a_december_balance_before_closing_is_not_the_years_end(template):
    """Income and expense accounts not yet closed: its 8xxx balances are last month's, not the
    year's end — the identity gives 年末, and the build says why."""
    before = [balance("8101", "600.00"), balance("8101", "600.00", "600.00", period="2020-12"),
              balance("7101", "0", "-900.00", period="2020-12")]
    paper = paper_of(template, YEAR, before)
    assert not [l for l in paper.lines if l.direction == CLOSING]
    assert any("年终结转前" in note for note in paper.notes)
    assert tables_of(template, paper)["公开01.年末结转和结余.元"] == D("1000.00")


def test_a_carry_over_detail_account_is_listed_not_dropped(template):
    paper = paper_of(template, YEAR, [balance("8101", "600.00"), balance("810101", "50.00")])
    (unmapped,) = [l for l in paper.lines if l.account_code == "810101"]
    assert unmapped.problems and "810101" in unmapped.problems[0]
    assert tables_of(template, paper)["公开01.年初结转和结余.元"] == D("600.00")


def test_the_checks_name_codes_by_the_offices_own_list_too(template):
    """A 行政运行 项 known only from the office's code list is still 行政运行 to A6-1."""
    from tests.synthetic import check, findings

    office = CodeEntry("功能", "2011309", "行政运行", Provenance("codes.xlsx", "s", 9))
    ledger = [line("7101", debit="8.00", function="2011309", economic="30201", project="调研")]
    result = check(paper_of(template, ledger, codes=[office]))
    assert list(findings(result, "A6-1")) == ["A6-1[2011309]"]
