"""The rules of 公开04–10表 (issue 9): 表内 R04–R09 and 公开10表, 表间 X6–X17, the hand-kept
三公 / asset / procurement totals (T2–T5) and the 三公 budget (B3).

Fast: the small working papers of tests/synthetic.py — a year with all three 财政拨款 funds
is silent; each rule compares what it should; a class a classification table does not print
counts as 0 only where the rule says so; without the hand-kept sheets the rules are 未核对 with
the reason.  Slow: the sample's verdicts (一致 or 尾差, never 不符) and numbers typed over the
cells of the generated workbook, recalculated by LibreOffice, each breaking its own rules."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdzxlsx.errors import TemplateError
from tests import mutations
from tests import synthetic as syn
from tests.conftest import load_extension, require_libreoffice
from tests.mutations import failing, findings_after, rule_of
from tests.synthetic import CAPITAL, FUND, GENERAL, check, findings, not_checked

NEW_RULES = {"N04-1", "N04-2", "N04-3", "N04-4", "N04-5", "N04-6", "N04-7", "N04-8", "N05-1",
             "N05-2", "N06-1", "N06-2", "N06-3", "N07-1", "N07-2", "N08-1", "N08-2", "N08-3",
             "N09-1", "N09-2", "N10-1", "N10-2", "N10-3", "X6", "X7", "X8-1", "X8-2", "X9",
             "X10", "X11", "X12-1", "X12-2", "X13-1", "X13-2", "X13-3", "X13-4", "X13-5",
             "X14-1", "X14-2", "X15", "X16-1", "X16-2", "X16-3", "X16-4", "X17", "T2", "T3-1",
             "T3-2", "T3-3", "T4", "T5-1", "T5-2", "B3"}
HAND_KEPT_RULES = {"T2", "T3-1", "T3-2", "T3-3", "T4", "T5-1", "T5-2", "B3", "N10-1", "N10-2",
                   "N10-3"}


def _failing(result) -> set[str]:
    return {rule_of(f.rule_id) for f in result.findings if f.verdict == "不符"}


@pytest.fixture(scope="module")
def three_funds():
    return check(syn.three_funds_paper())


# ----------------------------------------------------------------------------- a clean year
def test_a_year_with_all_three_funds_is_silent_and_every_new_rule_is_checked(three_funds):
    assert _failing(three_funds) == set()
    assert three_funds.not_checked == []
    assert NEW_RULES <= {rule_of(f.rule_id) for f in three_funds.findings}


def test_each_fund_of_04_balances_income_and_carry_over_against_spending(three_funds):
    """一般公共预算 120 + 30 = 120 + 30; 政府性基金 20 + 8 = 18 + 10; 国有资本经营 9 + 0 = 9 + 0
    (万元)."""
    rows = findings(three_funds, "N04-7")
    assert {k: (f.left, f.right) for k, f in rows.items()} == {
        f"N04-7[{GENERAL}]": (Decimal("150.00"), Decimal("150.00")),
        f"N04-7[{FUND}]": (Decimal("28.00"), Decimal("28.00")),
        f"N04-7[{CAPITAL}]": (Decimal("9.00"), Decimal("9.00"))}


def test_the_fund_tables_add_up_to_04s_appropriation_spending(three_funds):
    rows = {**findings(three_funds, "X13-3"), **findings(three_funds, "X14-1"),
            **findings(three_funds, "X15"), **findings(three_funds, "X13-1")}
    assert (rows["X13-3"].left, rows["X14-1"].left) == (Decimal("18.00"), Decimal("9.00"))
    assert rows["X15"].left == rows["X15"].right == Decimal("147.00")     # 120 + 18 + 9
    assert rows["X13-1"].right == Decimal("8.00")                          # carried in


def test_a_class_a_fund_table_does_not_print_counts_as_zero_only_where_the_rule_says(three_funds):
    """公开08表 has no 201 row (no government-fund line there): X13-5[201] compares 0 with
    公开04表's 0; 229 is printed and compared as it stands."""
    x13 = findings(three_funds, "X13-5")
    assert (x13["X13-5[201]"].left, x13["X13-5[201]"].verdict) == (0, "一致")
    assert x13["X13-5[229]"].left == x13["X13-5[229]"].right == Decimal("15.00")
    assert findings(three_funds, "X14-2")["X14-2[223]"].left == Decimal("9.00")
    # the per-row rules of a table run over the rows it prints
    assert set(findings(three_funds, "N08-1")) == {
        f"N08-1[{k}]" for k in ("合计", "207", "20799", "2079903", "229", "22960", "2296002")}


def test_the_economic_rules_follow_the_classes_06_prints():
    """30913 (公务用车购置, 基本建设) spent: 公开06表 prints 309, so 公用经费合计 sums it and
    X16-4 compares 公开07表's 公务用车购置费 with 31013 + 30913 (and, with no budget for a car,
    B3 asks for the reason)."""
    result = check(syn.clean_paper(syn.complete_year(*syn._spend(20_000, economic="30913"))))
    assert {f.rule_id for f in result.findings if f.verdict == "不符"} == {"B3[公务用车购置费]"}
    x16 = findings(result, "X16-4")["X16-4"]
    assert (x16.left, x16.right, x16.verdict) == (Decimal("2.00"), Decimal("2.00"), "一致")
    assert "N06-1[309]" in findings(result, "N06-1")
    assert findings(result, "N06-3")["N06-3"].left == Decimal("122.00")   # 120 of 302 + 2


# ----------------------------------------------------------------------------- the hand-kept
def test_a_3_gong_overspend_is_a_warning_with_both_figures():
    result = check(syn.SCENARIOS["公务接待费 beyond its budget"][0]())
    row = findings(result, "B3")["B3[公务接待费]"]
    assert (row.severity, row.verdict, row.left, row.right) == (
        "警告", "不符", Decimal("3.00"), Decimal("3.50"))
    assert findings(result, "B3")["B3[公务用车运行费]"].verdict == "一致"


def test_hand_kept_totals_are_compared_in_yuan_to_the_fen():
    result = check(syn.hand_kept(资产_资产总额=Decimal("2345678.92")))
    row = findings(result, "T3-1")["T3-1"]
    assert (row.unit, row.left, row.right, row.verdict) == (
        "元", Decimal("2345678.92"), Decimal("2345678.91"), "不符")


def test_without_the_hand_kept_sheets_their_rules_are_not_checked_rather_than_zero():
    result = check((syn.clean_paper(), {"hand_kept": {}}))
    assert HAND_KEPT_RULES.isdisjoint({rule_of(f.rule_id) for f in result.findings})
    assert {rule_of(f.rule_id) for f in result.findings if f.rule_id.startswith("N07")} == {
        "N07-1", "N07-2"}                              # 决算数 from 底稿 still checked
    reasons = {t.split("：", 1)[0]: t for t in result.not_checked}
    assert "没有三公经费表" in reasons["T2"] and "没有三公经费表" in reasons["B3[公务接待费]"]
    assert "没有三公经费表" in reasons["N07-2[预算数]"]
    assert "没有国有资产占用表" in reasons["T3-2"] and "没有国有资产占用表" in reasons["N10-3"]
    assert "没有政府采购表" in reasons["T5-1"]
    assert "工作簿中没有 基础信息_采购_授予中小企业合同金额" in reasons["T5-1"]


def test_a_sheet_without_its_typed_totals_checks_the_rest():
    typed = {"基础信息_三公_手填合计_预算数", "基础信息_资产_资产总额", "基础信息_资产_车辆",
             "基础信息_采购_政府采购支出总额"}
    result = check((syn.clean_paper(),
                    {"hand_kept": {k: v for k, v in syn.HAND_KEPT.items() if k not in typed}}))
    checked = {rule_of(f.rule_id) for f in result.findings}
    assert {"T3-2", "T5-1", "T5-2", "B3", "N10-1", "N10-2"} <= checked
    assert {"T2", "T3-1", "T3-3", "T4"}.isdisjoint(checked)
    assert all("没有手填的" in t for t in not_checked(result, "T2") + not_checked(result, "T4"))
    assert _failing(result) == set()


# ----------------------------------------------------------------------------- rule keys
HEAD = '[[rule]]\nid = "Z1"\nfamily = "表内"\nseverity = "错误"\n'




@pytest.mark.parametrize("rule, words", [
    (HEAD + 'description = "{row}"\neach = "row"\ntable = "公开04表"\nside = "middle"\n'
     'left = "公开04_{row}_合计"\nright = "0"\n', "side"),
    (HEAD + 'description = "{item}"\neach = "item"\nleft = "公开07_{item}_合计"\nright = "0"\n',
     "items"),
    (HEAD + 'description = "x"\neach = "item"\nitems = ["a", "a"]\nleft = "公开07_{item}_合计"\n'
     'right = "0"\n', "重复"),
    (HEAD + 'description = "x"\neach = "class"\ntable = "公开04表"\nitems = ["合计"]\n'
     'left = "公开04_{class_name}_{item}"\nright = "0"\n', "right_each"),
    (HEAD + 'description = "x"\nleft = "1"\nright = "1"\nabsent = "无"\n', "requires"),
    (HEAD + 'description = "{code}"\neach = "economic_parent"\n', "table"),
])
def test_a_fault_in_the_new_keys_is_refused_with_its_place(tmp_path, rule, words):
    with pytest.raises(TemplateError) as error:
        load_extension(tmp_path, rule)
    assert "checks.toml" in str(error.value) and words in str(error.value)


def test_an_economic_expansion_over_another_kind_of_table_is_refused_when_loading(tmp_path):
    with pytest.raises(TemplateError) as error:
        load_extension(tmp_path, HEAD + 'description = "{code}"\neach = "economic_parent"\n'
                               'table = "公开05表"\n')
    assert "应为 economic 表样，公开05表 是 classification" in str(error.value)
    assert "第 1 行" in str(error.value)


def test_a_misspelt_item_is_refused_when_loading_instead_of_counting_as_zero(tmp_path):
    """A misspelt column in `items` of a missing_is_zero rule would silently be 0."""
    with pytest.raises(TemplateError) as error:
        load_extension(tmp_path, HEAD + 'description = "{item}"\neach = "item"\n'
                               'items = ["合记"]\nleft = "公开04_支出总计_{item}"\n'
                               'right = "0"\nmissing_is_zero = true\n')
    assert "「合记」使「left」用到名称「公开04_支出总计_合记」" in str(error.value)


# ----------------------------------------------------------------------------- the sample
@pytest.fixture(scope="module")
def sample():
    return {f.rule_id: f for f in findings_after("sample as it is")}


@pytest.mark.slow
def test_the_samples_new_table_rules_agree_or_differ_by_rounding_only(sample):
    rows = [f for i, f in sample.items() if rule_of(i) in NEW_RULES]
    verdicts = {v: sum(f.verdict == v for f in rows) for v in ("一致", "尾差", "不符")}
    assert verdicts["不符"] == 0 and verdicts["尾差"] >= 10 and verdicts["一致"] > 250
    tails = {i for i, f in sample.items() if rule_of(i) in NEW_RULES and f.verdict == "尾差"}
    assert {"X11", "N05-1[合计]", "N06-1[302]"} <= tails


@pytest.mark.slow
def test_basic_spending_of_05_against_06s_personnel_and_public_funds_is_a_rounding_difference(
        sample):
    """05 基本 1333.67 vs 06 人员 1292.44 + 公用 41.22 = 1333.66: two rounded addends."""
    x11 = sample["X11"]
    assert (x11.left, x11.right, x11.verdict) == (Decimal("1333.67"), Decimal("1333.66"), "尾差")
    assert x11.allowance == Decimal("0.02")
    n062 = sample["N06-2"]
    assert (n062.left, n062.right) == (Decimal("1292.44"), Decimal("1292.44"))


@pytest.mark.slow
def test_the_samples_04_to_07_figures_meet_in_the_cross_table_rules(sample):
    assert (sample["X9"].left, sample["X9"].right) == (Decimal("3285.00"),) * 2
    assert sample["X10[206]"].left == sample["X10[206]"].right == Decimal("2039.77")
    assert sample[f"X6[{GENERAL}]"].left == Decimal("3101.02")
    assert (sample["X16-2"].left, sample["X16-2"].verdict) == (Decimal("21.70"), "一致")
    assert (sample["X17"].left, sample["X17"].right) == (Decimal("3285.00"), Decimal("21.70"))
    assert sample["X15"].right == Decimal("3285.00")      # no government-fund or state capital


@pytest.mark.slow
def test_the_samples_hand_kept_rules_are_checked_or_unchecked_with_the_reason():
    """Once the sample gives its 三公, asset and procurement sheets every hand-kept rule holds
    (景德镇: 三公 预算 66.00, 决算 21.70, all 公务接待; no vehicles; 采购 10.61 all 货物, 中小企业
    and 小微); without them each is 未核对 with the sheet it lacks."""
    from jdzxlsx.pipeline import build
    from tests.conftest import SAMPLE

    result = build(SAMPLE)
    rows = {f.rule_id: f for f in result.findings if rule_of(f.rule_id) in HAND_KEPT_RULES}
    if rows:
        assert {f.verdict for f in rows.values()} <= {"一致", "尾差"}
        b3 = rows["B3[公务接待费]"]
        assert (b3.left, b3.right) == (Decimal("66.00"), Decimal("21.70"))
        assert rows["N10-3"].left == 0
    else:
        reasons = " ".join(result.not_checked)
        for rule in HAND_KEPT_RULES:
            assert f"{rule}：" in reasons or f"{rule}[" in reasons, rule
        assert "基础信息中没有三公经费表" in reasons and "没有国有资产占用表" in reasons


# Each scenario of mutations.TYPED_OVER_BOOKS and the rows it makes 不符 (besides the sample's
# own: T1, P1, B1, B2 and the A5 hints).
TYPED_OVER_BREAKS = {
    "公开04表 一般公共预算财政拨款收入": {"N04-1", f"N04-7[{GENERAL}]", f"X6[{GENERAL}]"},
    "公开05表 合计小计": {"N05-1[合计]", "N05-2[合计/小计]", "X9", "X15"},
    "公开06表 301": {"N06-1[301]", "N06-2"},
    "公开07表 决算数公务用车购置及运行费": {"N07-1[决算数]", "N07-2[决算数]"},
    "公开04表 收入总计": {"N04-3", "N04-5"},
    "公开05表 基本支出和项目支出超过公开03表": {
        "N05-1[2011301]", "N05-1[2060701]", "N05-2[20113/基本支出]", "N05-2[20607/项目支出]",
        "X12-1[2011301]", "X12-2[2060701]"},
    "公开06表 公用经费合计": {"N06-3", "X11"},
    "公开08表 合计小计": {"N08-1[合计]", "N08-2[合计]", "X13-3", "X15"},
    "公开04表 一般公共服务支出的一般公共预算财政拨款": {
        "N04-6[一般公共服务支出]", f"N04-8[{GENERAL}]", "X10[201]"},
    "公开06表 三公各款超过公开07表": {"N06-1[302]", "N06-1[310]", "X16-1", "X16-2", "X16-3",
                            "X16-4"},
    "公开07表 决算数合计超过公开04表": {"N07-2[决算数]", "X17"},
    "公开09表 合计": {"N09-1[合计]", "X14-1", "X15"},
    "公开04表 一般公共服务支出合计超过公开01表": {"N04-6[一般公共服务支出]", "N04-8[合计]",
                                     "X7[201]"},
    "公开08表 合计年初、收入、年末": {"N08-2[合计]", "X13-1", "X13-2", "X13-4"},
    # … and no longer equals the 8101 + 8102 opening balances it was taken from
    "公开04表 年初财政拨款结转和结余超过公开01表": {"N04-2", "N04-3", "X8-1", "S12-1"},
    "公开04表 年末财政拨款结转和结余超过公开01表": {"N04-4[合计]", "N04-6[年末财政拨款结转和结余]",
                                      "X8-2"},
    "公开04表 一般公共服务支出的政府性基金和国有资本经营": {
        "N04-6[一般公共服务支出]", f"N04-8[{FUND}]", f"N04-8[{CAPITAL}]", "X13-5[201]",
        "X14-2[201]"},
    "公开10表 资产总额、通用设备、车辆": {"N10-1", "N10-2", "N10-3"},
    "基础信息 授予中小企业合同金额超过政府采购": {"T5-2"},
    # 66.00 → 16.00 万元 under 21.70 spent: the typed 合计 (66.00) no longer adds up either
    "基础信息 公务接待费预算数改小": {"T2", "B3[公务接待费]"},
    "基础信息 小微企业超过中小企业、货物改动": {"T4", "T5-1"},
    "基础信息 一般公务用车改动": {"T3-3"},
    "基础信息 流动资产改动": {"T3-1"},
    "基础信息 专用设备改动": {"T3-2", "N10-2"},      # 公开10表 prints the typed 固定资产
}


def test_every_typed_over_scenario_names_the_rows_it_breaks():
    assert set(TYPED_OVER_BREAKS) == {s for book in mutations.TYPED_OVER_BOOKS for s in book}


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(mutations.TYPED_OVER_BOOKS)))
def test_numbers_typed_over_04_to_10_break_exactly_their_rules(index):
    """Recalculated by LibreOffice, the 核对表 formulas of the edited workbook report the rows
    of each edit — and nothing the sample does not already report."""
    require_libreoffice()
    baseline = set(failing(findings_after("sample as it is")))
    bad = set(failing(mutations.findings_with_typed_over_names(index))) - baseline
    expected = set().union(*(TYPED_OVER_BREAKS[s] for s in mutations.TYPED_OVER_BOOKS[index]))
    assert bad == expected
