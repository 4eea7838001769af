"""核对表 and `jdzxlsx check`: what the sample must show, and every rule seen failing when an
input is corrupted the way offices really do it."""

from __future__ import annotations

from decimal import Decimal

import openpyxl
import pytest

from jdzxlsx.checks import CHECK_SHEET, findings_from_workbook
from jdzxlsx.pipeline import year_template
from jdzxlsx.cli import main
from tests import mutations, synthetic
from tests.conftest import FIXTURES, SAMPLE, require_libreoffice
from tests.mutations import failing, findings_after, rule_of

pytestmark = pytest.mark.slow        # builds whole workbooks


@pytest.fixture(scope="module")
def sample_findings():
    return {f.rule_id: f for f in findings_after("sample as it is")}


# ----------------------------------------------------------------------------- the sample
def test_typed_staffing_total_126_against_its_parts_132_is_an_error(sample_findings):
    finding = sample_findings["T1[编制数]"]
    assert (finding.verdict, finding.severity) == ("不符", "错误")
    assert (finding.left, finding.right) == (126, 132)
    assert finding.place == "基础信息.xlsx「人员编制」第6行"


def test_carry_over_chain_693_55_against_last_years_693_54_is_a_warning(sample_findings):
    finding = sample_findings["P1"]
    assert (finding.verdict, finding.severity) == ("不符", "警告")
    assert (finding.left, finding.right) == (Decimal("693.55"), Decimal("693.54"))


def test_basic_expenditure_parts_against_their_total_is_a_rounding_difference(sample_findings):
    finding = sample_findings["N03-3"]
    assert finding.verdict == "尾差"
    assert (finding.left, finding.right) == (Decimal("1333.67"), Decimal("1333.66"))


def test_every_in_table_and_cross_table_check_of_01_to_03_is_consistent(sample_findings):
    table_checks = [f for f in sample_findings.values() if f.family in ("表内", "表间")]
    assert len(table_checks) > 100
    assert {f.verdict for f in table_checks} <= {"一致", "尾差"}


def test_no_ledger_line_is_left_unmapped_and_every_voucher_balances(sample_findings):
    assert not any(rule_of(i) in ("S6", "S7", "S9") for i in sample_findings)
    per_file = [f for i, f in sample_findings.items() if rule_of(i) == "S5"]
    assert len(per_file) == 12 and {f.verdict for f in per_file} == {"一致"}
    assert all(sample_findings[f"S8[2020-{m:02d}]"].verdict == "一致" for m in range(1, 13))


def test_budget_gaps_owe_an_explanation(sample_findings):
    assert sample_findings["B1[206]"].verdict == "不符"
    assert float(sample_findings["B1[206]"].ratio) == pytest.approx(2039.77 / 1206.30)
    assert sample_findings["B1[208]"].verdict == "一致"       # 74.89 of 74.89
    assert sample_findings["B2"].severity == "警告"


def test_only_the_staffing_total_is_an_error_in_the_sample(sample_findings):
    """Besides the office's typed 绩效 scores (tests/test_checks_performance_end_to_end.py)."""
    errors = [i for i, f in sample_findings.items() if f.verdict == "不符" and f.severity == "错误"
              and f.family != "绩效"]
    assert errors == ["T1[编制数]"]


# ----------------------------------------------------------------------------- corruptions
def test_a_missing_months_file_is_flagged_for_that_month():
    bad = failing(findings_after("a month's file missing"))
    assert set(bad) >= {"S8[2020-05]"}
    assert not any(i.startswith("S8[2020-0") and i != "S8[2020-05]" for i in bad)
    assert bad["S8[2020-05]"].left == 0


def test_a_changed_number_in_the_staffing_sheet_breaks_its_typed_total():
    bad = failing(findings_after("one number changed in a hand-kept sheet"))
    finding = bad["T1[在职人数]"]
    assert (finding.left, finding.right) == (87, 88)
    assert "基础信息.xlsx「人员编制」" in finding.place


def test_other_income_tagged_as_an_appropriation_is_listed_with_its_row():
    bad = failing(findings_after("other income tagged as an appropriation"))
    (line,) = [f for i, f in bad.items() if rule_of(i) == "S7"]
    assert line.place == "凭证明细_2020-12.csv「凭证明细_2020-12」第118行"
    assert "6609" in line.description and "一般公共预算财政拨款" in line.description


def test_a_function_code_missing_from_the_list_is_a_warning_with_its_row():
    """2011398: its 类 201 and 款 20113 exist, so it may be a valid code our list lacks."""
    bad = failing(findings_after("a function code that does not exist"))
    assert not any(rule_of(i) == "S7" for i in bad)
    (line,) = [f for i, f in bad.items() if rule_of(i) == "S11"]
    assert line.severity == "警告"
    assert line.place.endswith("第5行") and "2011398" in line.description


def test_a_voucher_whose_debits_differ_from_its_credits_is_named():
    bad = failing(findings_after("a voucher whose debits differ from its credits"))
    voucher = bad["S6[景德镇市陶瓷产业发展局本级 2020-12 记-0001]"]
    assert voucher.left == Decimal("18207.00") and voucher.right == Decimal("18207.90")
    assert "凭证明细_2020-12.csv" in voucher.place and "记-0001" in voucher.place
    assert bad["S5[凭证明细_2020-12.csv]"].difference == Decimal("-0.90")


def test_an_expense_tagged_with_another_fund_breaks_that_funds_balance():
    bad = failing(findings_after("an expense tagged with another fund"))
    assert {"S4-1[一般公共预算财政拨款]", "S4-1[政府性基金预算财政拨款]"} <= set(bad)
    moved = bad["S4-1[政府性基金预算财政拨款]"]
    assert (moved.left, moved.right) == (Decimal(0), Decimal("-1.82"))   # 18 207.90 元


def test_a_month_exported_twice_names_the_repeated_vouchers_and_both_files():
    bad = failing(findings_after("a month exported twice"))
    repeated = [f for i, f in bad.items() if rule_of(i) == "S9"]
    assert len(repeated) > 20
    assert all("凭证明细_2020-07.xlsx" in f.place and "副本" in f.place for f in repeated)
    assert all(f.left == 2 * f.right for f in repeated)


def test_money_moving_inside_the_department_is_reported_not_dropped():
    bad = failing(findings_after("a subsidy from the parent unit"))
    assert {"C1-1", "C2"} <= set(bad)
    assert bad["C2"].severity == "提示" and bad["C2"].left == Decimal("5.31")
    assert {"C1-2", "C2"} <= set(failing(findings_after("a remittance from a subordinate unit")))
    assert failing(findings_after("sample as it is")).keys().isdisjoint({"C1-1", "C1-2", "C2"})


def test_an_account_outside_the_mapping_is_listed_not_guessed():
    bad = failing(findings_after("an account outside the mapping"))
    (line,) = [f for i, f in bad.items() if rule_of(i) == "S7"]
    assert "7199" in line.description and line.place.endswith("第5行")


def test_a_fund_source_nobody_knows_is_listed_with_the_accepted_values():
    bad = failing(findings_after("a fund source nobody knows"))
    (line,) = [f for i, f in bad.items() if rule_of(i) == "S7"]
    assert "上级拨款" in line.description and "非财政拨款" in line.description


def test_a_raised_budget_quota_moves_the_completion_rate_out_of_the_band():
    before = {f.rule_id: f for f in findings_after("sample as it is")}
    after = {f.rule_id: f for f in findings_after("a budget quota raised")}
    assert before["B1[208]"].verdict == "一致"
    assert after["B1[208]"].right > before["B1[208]"].right
    assert after["B1[208]"].verdict == "不符"


def test_typed_over_table_cells_are_caught_by_the_live_formulas():
    """Numbers typed over formulas in the workbook: after LibreOffice recalculates, the 核对表
    formulas report every affected in-table, cross-table and source rule."""
    require_libreoffice()
    bad = failing(mutations.findings_in_typed_over_workbook())
    expected = {"N01-1", "N01-2", "N01-3", "N01-4", "N01-5", "N02-1", "N02-2", "N03-1", "N03-2",
                "N03-3", "X1", "X2", "X3-1", "X3-2", "X3-3", "X3-4", "X3-5", "X4", "X5",
                "S1-1", "S1-2", "S1-3", "S2-1", "S2-2", "S2-3", "S2-4", "S2-5", "S3", "S4"}
    assert expected <= {rule_of(i) for i in bad}
    assert "X5[201]" in bad and "N03-1[2011301]" in bad and "N02-2[合计/财政拨款收入]" in bad


def test_without_the_opening_trial_balance_one_error_says_so():
    bad = failing(findings_after("the opening trial balance missing"))
    assert (bad["O1"].severity, bad["O1"].left) == ("错误", 0)
    assert "提供1月科目余额表" in bad["O1"].advice
    assert "O1" not in failing(findings_after("sample as it is"))


def test_income_without_its_function_code_is_one_finding_with_amount_and_lines():
    bad = failing(findings_after("income without its function code"))
    finding = bad["S10[凭证明细_2020-12.csv 6609]"]
    assert (finding.severity, finding.left) == ("错误", 1)
    assert "1 行收入（53,116.27 元）没有支出功能分类科目" in finding.description
    assert not any(rule_of(f.rule_id) == "S10" for f in findings_after("sample as it is"))
    assert not any(rule_of(i) == "S7" for i in bad)        # once per file and account, not per line


def test_an_operating_expense_from_an_appropriation_in_an_office_is_caught_twice():
    bad = failing(findings_after("an operating expense paid from an appropriation"))
    assert (bad["A2"].severity, bad["A2"].left) == ("错误", Decimal("18207.90"))
    assert bad["A3-2[景德镇市陶瓷产业发展局本级]"].severity == "警告"


def test_without_the_basic_information_the_staffing_and_unit_rules_are_not_checked(
        sample_copy):
    from jdzxlsx.pipeline import build

    (sample_copy / "基础信息.xlsx").unlink()
    (sample_copy / "2020年部门预算指标.xlsx").unlink()
    result = build(sample_copy)
    assert not any(rule_of(f.rule_id) in ("T1", "A3-1", "A3-2", "A5-1", "A5-2", "B1", "B2")
                   for f in result.findings)
    reasons = {t.split("：", 1)[0].split("[", 1)[0]: t for t in result.not_checked}
    assert "没有人员编制表" in reasons["T1"] and "没有预算单位表" in reasons["A5-2"]
    assert "预算指标文件缺失" in reasons["B2"]


def test_every_rule_has_been_seen_failing():
    """No rule exists that a test has not seen fail (on the sample, or on the small working
    papers of tests/synthetic.py for what the sample does not hold)."""
    require_libreoffice()
    rules = year_template(2020).checks.rules
    seen = {rule_of(i) for i in failing(mutations.findings_in_typed_over_workbook())}
    for index in range(len(mutations.TYPED_OVER_BOOKS)):          # 公开04–10表
        seen |= {rule_of(i) for i in failing(mutations.findings_with_typed_over_names(index))}
    for scenario in mutations.INPUT_SCENARIOS:
        seen |= {rule_of(i) for i in failing(findings_after(scenario))}
    seen |= synthetic.rules_seen_failing()
    assert {r.id for r in rules} - seen == set()


# ----------------------------------------------------------------------------- the sheet, the CLI
def test_check_sheet_verdicts_recalculated_by_libreoffice_equal_the_python_verdicts(
        sample_recalculated):
    python = [(f.rule_id, f.verdict) for f in findings_after("sample as it is")]
    libreoffice = [(f.rule_id, f.verdict) for f in findings_from_workbook(sample_recalculated)]
    assert libreoffice == python


def test_check_sheet_summary_counts_are_live(sample_workbook):
    ws = openpyxl.load_workbook(sample_workbook)[CHECK_SHEET]
    assert ws["B5"].value.startswith("=COUNTIFS(")
    values = openpyxl.load_workbook(sample_workbook, data_only=True)[CHECK_SHEET]
    assert values["A5"].value == "错误" and values["B5"].value == 1 + 13  # 不符 错误: T1, 绩效
    header = next([c.value for c in row] for row in values.iter_rows() if row[0].value == "编号")
    assert header[:11] == ["编号", "类别", "检查内容", "左值", "右值", "差额", "比率", "加项数",
                           "允许差额", "结论", "级别"]
    assert ws.freeze_panes and ws.auto_filter.ref
    assert ws.conditional_formatting


def _report(capsys, *args) -> tuple[int, list[str]]:
    code = main(list(args))
    err = capsys.readouterr().err
    lines = [l for l in err.splitlines() if l.startswith(("核对结果", "  ", "错误：", "警告：", "尾差"))
             and not l.startswith("  输入") and not l.startswith("  主要") and "    " not in l[:4]]
    return code, lines


def test_check_on_the_folder_prints_the_same_findings_as_the_workbooks_check_sheet(
        sample_workbook, capsys):
    code_folder, from_folder = _report(capsys, "check", str(SAMPLE))
    code_book, from_book = _report(capsys, "check", str(sample_workbook))
    assert from_folder == from_book
    assert any("T1[编制数]" in l for l in from_folder)
    assert code_folder == code_book == 0


def test_the_report_states_the_tolerances_it_used_from_the_template_or_the_workbook(
        sample_workbook, capsys):
    main(["check", str(SAMPLE)])
    from_folder = [l for l in capsys.readouterr().err.splitlines() if l.startswith("所用容差")]
    main(["check", str(sample_workbook)])
    from_book = [l for l in capsys.readouterr().err.splitlines() if l.startswith("所用容差")]
    assert from_folder == from_book and len(from_folder) == 1
    assert "0.01" in from_folder[0] and "0.9" in from_folder[0] and "1.1" in from_folder[0]


def test_strict_exits_1_on_the_sample_and_0_on_a_corrected_copy(sample_copy, capsys):
    assert main(["check", str(SAMPLE), "--strict"]) == 1
    mutations._typed_total_corrected(sample_copy)
    mutations._performance_sheet_corrected(sample_copy)          # the 绩效 errors (E rules)
    assert main(["check", str(sample_copy), "--strict"]) == 0
    assert "错误 0 项" in capsys.readouterr().err


def test_build_ends_with_the_check_summary_and_strict_still_writes_the_workbook(tmp_path, capsys):
    dist = tmp_path / "dist"
    assert main(["build", str(SAMPLE), "--dist", str(dist), "--strict"]) == 1
    err = capsys.readouterr().err
    assert "核对结果" in err and "T1[编制数]" in err and "基础信息.xlsx「人员编制」第6行" in err
    assert len(list(dist.rglob("*.xlsx"))) == 1


def test_readme_explains_every_rule():
    """The README's check section lists every rule of checks.toml (by id, or its family id for
    numbered variants such as S1-2)."""
    readme = (SAMPLE.parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## 核对表"):]
    rules = year_template(2020).checks.rules
    missing = [r.id for r in rules if r.id not in section and r.id.rsplit("-", 1)[0] not in section]
    assert missing == []


def test_without_last_years_figures_the_carry_over_check_is_not_checked_rather_than_zero(
        sample_copy):
    (sample_copy / "2019年决算主要数据.xlsx").unlink()
    from jdzxlsx.pipeline import build

    result = build(sample_copy)
    assert not any(rule_of(f.rule_id) == "P1" for f in result.findings)
    assert any(t.startswith("P1：") and "上年_年末结转和结余" in t for t in result.not_checked)


def test_a_year_to_date_build_does_not_compare_spending_with_the_full_year_budget():
    from jdzxlsx.pipeline import build

    result = build(SAMPLE, period="2020-06")
    assert not any(rule_of(f.rule_id) in ("B1", "B2") for f in result.findings)
    assert any(t.startswith("B1：") for t in result.not_checked)
    assert {f.rule_id for f in result.findings if rule_of(f.rule_id) == "S8"} == {
        f"S8[2020-{m:02d}]" for m in range(1, 7)}


def test_a_workbook_saved_without_values_cannot_be_checked_silently(sample_workbook, tmp_path,
                                                                     capsys):
    stripped = tmp_path / "saved_by_openpyxl.xlsx"
    openpyxl.load_workbook(sample_workbook).save(stripped)      # drops every cached value
    assert main(["check", str(stripped), "--strict"]) == 2
    assert "没有计算结果" in capsys.readouterr().err


def test_a_rule_can_demand_exact_agreement_with_its_own_tail():
    """A template extending 2020 gives N03-3 the exact tail: the sample's 1333.67 vs 1333.66
    turns from 尾差 into 不符, and its 允许差额 reads 0."""
    from jdzxlsx.pipeline import build

    result = build(SAMPLE, templates=FIXTURES / "exact_tail")
    finding = next(f for f in result.findings if f.rule_id == "N03-3")
    assert (finding.verdict, finding.allowance) == ("不符", 0)
    assert finding.description.endswith("（不允许尾差）")
