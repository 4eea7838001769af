"""公开04–10表 built from small working papers: which lines land in which cell, the rows each
table prints, the 本表无数据 note, 未提供 for inputs the office did not give, and the print rule.
Hand-checked figures; the sample's published figures are pinned in test_sample_figures_04_10."""

from __future__ import annotations

from decimal import Decimal

from jdzxlsx.model import Workbook
from jdzxlsx.tables import (basic_info_sheet, budget_sheet, build_tables, prior_year_sheet,
                            working_paper_sheet)
from tests.synthetic import FUND, OWN, line, paper, template


def built(lines):
    working = paper(lines)
    book = Workbook([working_paper_sheet(working), budget_sheet(working),
                     prior_year_sheet(working), basic_info_sheet(working)])
    tables = build_tables(book, working, template())
    book.resolve(working)
    values = {c.cell_id: c.value for s in book.sheets for c in s.cells if c.kind == "formula"}
    names = {name: values[cell_id] for name, cell_id in book.cell_names().items()}
    return {s.name: s for s in tables}, values, names


def texts(sheet) -> list[str]:
    return [c.text for c in sheet.cells if c.kind == "text"]


YEAR = [
    line("6001", 2_000_000),                                          # 一般公共预算 income
    line("6001", 500_000, fund=FUND, function="2120801"),             # 政府性基金 income
    line("7101", 1_200_000, economic="30101"),                        # 一般公共预算 基本
    line("7101", 300_000, category="项目支出", economic="30227"),    # 一般公共预算 项目
    line("7101", 400_000, fund=FUND, function="2120801", category="项目支出", economic="30227"),
    line("7201", 80_000, fund=OWN, economic="30201"),                 # own funds: not in 04
    line("8101", 100_000, "年初结转和结余", category="财政拨款结转", function=""),
]


def test_04_splits_fiscal_spending_by_fund_and_leaves_own_funds_out():
    _, _, names = built(YEAR)
    assert names["公开04_一般公共服务支出_一般公共预算财政拨款"] == Decimal("150.00")
    assert names["公开04_城乡社区支出_政府性基金预算财政拨款"] == Decimal("40.00")
    assert names["公开04_一般公共服务支出_合计"] == Decimal("150.00")     # not the 8.00 of own funds
    assert names["公开04_本年支出合计_合计"] == Decimal("190.00")
    assert names["公开04_一般公共预算财政拨款"] == Decimal("200.00")
    assert names["公开04_政府性基金预算财政拨款"] == Decimal("50.00")
    assert names["公开04_年初财政拨款结转和结余"] == Decimal("10.00")


def test_04_year_end_balance_per_fund_is_the_identity_without_a_december_balance():
    _, _, names = built(YEAR)
    # 一般: 10 + 200 − 150 = 60; 基金: 0 + 50 − 40 = 10
    assert names["公开04_年末财政拨款结转和结余_一般公共预算财政拨款"] == Decimal("60.00")
    assert names["公开04_年末财政拨款结转和结余_政府性基金预算财政拨款"] == Decimal("10.00")
    assert names["公开04_收入总计"] == names["公开04_支出总计_合计"] == Decimal("260.00")


def test_05_holds_only_general_budget_spending_with_subtotal_basic_plus_project():
    sheets, _, names = built(YEAR)
    assert names["公开05_合计_小计"] == Decimal("150.00")
    assert (names["公开05_2011301_基本支出"], names["公开05_2011301_项目支出"]) == \
        (Decimal("120.00"), Decimal("30.00"))
    assert "2120801" not in sheets["公开05表"].row_keys
    header = texts(sheets["公开05表"])
    assert header.count("本年支出") == 1 and {"小计", "基本支出", "项目支出"} <= set(header)


def test_08_rows_carry_opening_income_spending_and_closing_per_subject():
    _, values, names = built(YEAR)
    assert names["公开08_2120801_本年收入"] == Decimal("50.00")
    assert names["公开08_2120801_小计"] == Decimal("40.00")
    assert names["公开08_2120801_年末结转和结余"] == Decimal("10.00")
    assert values["公开08.无数据说明"] == ""          # the table has data: no note


def test_a_table_without_its_funds_prints_a_zero_total_and_the_official_note():
    sheets, values, names = built([l for l in YEAR if l.fund_source != FUND])
    assert sheets["公开08表"].row_keys == ["合计"]
    assert names["公开08_合计_本年收入"] == names["公开08_合计_年末结转和结余"] == Decimal("0.00")
    assert values["公开08.无数据说明"].startswith("注：本部门2020年度没有政府性基金预算财政拨款收入")
    assert values["公开09.无数据说明"].endswith("故本表无数据。")


def test_06_prints_every_item_of_the_list_and_an_unlisted_one_the_lines_use():
    lines = YEAR + [line("7101", 12_345, economic="30298"),          # not in the 2020 list
                    line("7101", 20_000, economic="31204")]          # 312: printed when used
    sheets, _, names = built(lines)
    keys = sheets["公开06表"].row_keys
    assert {"301", "30101", "30113", "303", "30399", "302", "30217", "30299", "307",
            "310", "31013", "399"} <= set(keys)
    assert "30298" in keys and "312" in keys and "309" not in keys
    assert names["公开06_30298"] == Decimal("1.23")
    assert names["公开06_302"] == Decimal("1.23")            # the 类 counts the unlisted item too
    assert names["公开06_人员经费合计"] == Decimal("120.00")
    assert names["公开06_公用经费合计"] == Decimal("3.23")   # 302 1.23 + 312 2.00
    assert "公开06_309" not in names


def test_06_without_312_lines_does_not_print_it():
    sheets, _, _ = built(YEAR)
    assert "312" not in sheets["公开06表"].row_keys


def test_07_spending_is_by_economic_code_across_basic_and_project():
    lines = YEAR + [line("7101", 30_000, economic="30217"),
                    line("7101", 20_000, category="项目支出", economic="30217"),
                    line("7101", 10_000, economic="30231"),
                    line("7101", 5_000, fund=OWN, economic="30217")]   # own funds: not 三公 here
    _, _, names = built(lines)
    assert names["公开07_决算数_公务接待费"] == Decimal("5.00")
    assert names["公开07_决算数_公务用车运行费"] == Decimal("1.00")
    assert names["公开07_决算数_公务用车购置及运行费"] == Decimal("1.00")
    assert names["公开07_决算数_合计"] == Decimal("6.00")


def test_without_the_offices_sheets_the_budget_and_asset_cells_say_not_given_and_name_nothing():
    sheets, _, names = built(YEAR)
    assert texts(sheets["公开07表"]).count("未提供") == 6
    assert not any(n.startswith("公开07_预算数") for n in names)
    assert "未提供" in texts(sheets["公开10表"])
    assert not any(n.startswith("公开10_") for n in names)


def test_07_headers_nest_budget_and_spending_blocks():
    sheets, _, _ = built(YEAR)
    sheet = sheets["公开07表"]
    at = {(c.row, c.col): c.text for c in sheet.cells if c.kind == "text"}
    top = min(r for (r, c), t in at.items() if t == "预算数")
    assert at[(top, 0)] == "预算数" and at[(top, 6)] == "决算数"
    assert (top, 0, top, 5) in sheet.merges                      # 预算数 over six columns
    assert (top + 1, 2, top + 1, 4) in sheet.merges              # 公务用车购置及运行费 over three
    assert (top + 1, 0, top + 2, 0) in sheet.merges              # 合计 merged down
    numbers = sorted(c.number for c in sheet.cells if c.kind == "number" and c.row == top + 3)
    assert numbers == list(range(1, 13))                         # 栏次 1 … 12


def test_a_short_table_prints_on_one_page_and_a_long_one_runs_on():
    many = [line("7101", 1000 + i, function=code, economic="30201")
            for i, code in enumerate(c for c in template().functions.names if len(c) == 7)][:60]
    sheets, _, _ = built(YEAR + many)
    assert sheets["公开03表"].pages_tall == 0 and len(sheets["公开03表"].row_keys) > 40
    assert sheets["公开05表"].pages_tall == 0
    assert sheets["公开04表"].pages_tall == 1 and sheets["公开06表"].pages_tall == 1
    short, _, _ = built(YEAR)
    assert short["公开03表"].pages_tall == 1
    assert short["公开03表"].repeat_rows == (3, 5)


def test_diff_reads_the_one_row_of_07_under_its_nested_headers():
    from jdzxlsx.archive.diff import public_figures

    rows = [("一般公共预算财政拨款“三公”经费支出决算表", None, None),
            ("编制单位：某局", None, None),
            ("预算数", None, "决算数"),
            ("合计", "公务接待费", "合计"),
            (1, 2, 3),
            (66.0, 66.0, 21.7),
            ("注：本表反映…", None, None)]
    figures = public_figures(rows)
    assert figures[("—", "决算数 合计（栏 3）")] == 21.7
    assert len(figures) == 3


def test_06_hierarchy_check_counts_a_printed_item_missing_from_the_list():
    from tests.synthetic import check, findings

    lines = YEAR + [line("7101", 12_345, economic="30298")]      # not in the 2020 list
    result = check(paper(lines))
    assert findings(result, "N06-1")["N06-1[302]"].verdict == "一致"
