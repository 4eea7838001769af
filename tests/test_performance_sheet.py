"""The 绩效自评 sheet built from a small PerformanceSheet over a synthetic working paper: the
tree, the measures for the evaluated unit, the office's typed figures beside the computed ones,
the names the checks read, the scorecard, the paths without inputs; LibreOffice recalculates it
without a difference and follows a 底稿 edit into the rate, score, total and grade."""

from __future__ import annotations

from decimal import Decimal as D

import openpyxl
import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest.records import Provenance
from jdzxlsx.model import Workbook
from jdzxlsx.scoring import build_scorecard
from jdzxlsx.working_paper import Indicator, PerformanceSheet, TypedTotal
from jdzxlsx.xlsx.writer import write_workbook
from tests import oracle, synthetic
from tests.conftest import require_libreoffice
from tests.test_scoring_rules import reading

SOURCE = ("绩效自评.xlsx", "绩效指标")
BASIS = {"基础信息_绩效_上年结转结余预算数": D("200000.00"), "基础信息_绩效_编制数": 21,
         "基础信息_绩效_在职人员数": 18}


def indicator(seq, level1, level2, name, weight, target=reading(), actual=reading(), criterion="",
              score=None, rate=None, note="") -> Indicator:
    return Indicator(seq, level1, level2, name, D(str(weight)), target, actual, criterion, "", note,
                     None if score is None else D(str(score)), None if rate is None else D(str(rate)),
                     Provenance(*SOURCE, 3 + seq))


def typed(level, level1, level2, weight, score, rate=None, row=30) -> TypedTotal:
    return TypedTotal(level, level1, level2, D(str(weight)), D(str(score)),
                      None if rate is None else D(str(rate)), Provenance(*SOURCE, row))


INDICATORS = (
    indicator(1, "投入", "预算执行管理", "预算完成率", 2, actual=reading("128.73%", "", "1.2873", "%"),
              score=2),
    indicator(2, "投入", "预算执行管理", "支付进度率", 2, actual=reading("100%", "", "1", "%"), score=2),
    indicator(3, "投入", "部门结转结余资金管理", "结转结余率", 2,
              actual=reading("5.47%", "", "0.0547", "%"), score="1.9", rate="0.95"),
    indicator(4, "投入", "政府采购管理", "政府采购执行率", 2, actual=reading("100%", "", "1", "%"),
              score=2),
    indicator(5, "产出", "数量指标", "陶瓷规上企业总数", 2, target=reading("≥110家", "≥", "110", "家"),
              actual=reading("117家", "", "117", "家"), criterion="完全达成", score=2),
    indicator(6, "效果", "社会效益指标", "服务陶瓷人才精准引进", 3, criterion="基本达成", score="2.1",
              note="效果较好，但还需较大力度"),
    indicator(7, "效果", "社会效益指标", "服务陶瓷平台搭建", 3, criterion="完全达成", score="2.1"),
    indicator(8, "满意度", "", "市民满意率", 5, target=reading("≥90%", "≥", "0.9", "%"),
              actual=reading("92.2%", "", "0.922", "%"), score=5),
)
TOTALS = (typed("二级", "投入", "预算执行管理", 4, 4, 1), typed("一级", "投入", "", 8, "7.9", "0.988"),
          typed("总计", "", "", 21, "20.1", "0.957"))


def performance(indicators=INDICATORS, totals=TOTALS, grade="优", unit="某局本级"):
    return PerformanceSheet(unit, unit or "某局", tuple(indicators), tuple(totals), grade,
                            Provenance(*SOURCE, 40), *SOURCE)


def built(perf=None, basis=BASIS, december=True, budget=1000000, period_end="2020-12"):
    paper = synthetic.paper(synthetic.complete_year(december=december),
                            budget=[synthetic.budget(budget)], period_end=period_end)
    paper.performance = perf
    book = synthetic.assemble(paper, hand_kept={**synthetic.HAND_KEPT, **basis})
    sheet, card = build_scorecard(book, paper, synthetic.template())
    book.sheets.insert(0, sheet)
    book.resolve(paper)
    return book, sheet, card


@pytest.fixture(scope="module")
def small():
    return built(performance())


def by_id(sheet, cell_id):
    return next(c for c in sheet.cells if c.cell_id == cell_id)


def named(book: Workbook, name: str):
    """The value of a defined name: a formula cell's, or an input cell's."""
    cells = book.cell_names()
    if name in cells:
        sheet, cell = book.formula_cells()[cells[name]]
        return cell.value
    return book.data_names()[name][3]


def texts(sheet) -> list[str]:
    return [c.text for c in sheet.cells if c.kind == "text" and c.text]


def test_title_period_and_header(small):
    _, sheet, _ = small
    found = texts(sheet)
    assert "某局本级2020年度部门整体支出绩效自评表" in found
    assert any(t.startswith("评价对象：某局本级") and "2020年度" in t for t in found)
    for header in ("一级指标", "二级指标", "三级指标", "分值", "指标值", "评分规则", "得分", "得分率",
                   "单位自评得分（手填）", "说明"):
        assert header in found


def test_measures_are_computed_for_the_evaluated_unit(small):
    book, sheet, _ = small
    numerator = by_id(sheet, "绩效.预算完成率.分子")
    assert '底稿_单位,"某局本级"' in numerator.formula and numerator.value == D("123.00")
    assert by_id(sheet, "绩效.预算完成率.分母").value == D("120.00")     # 100.00 + 20.00
    assert named(book, "绩效_预算完成率") == D("1.025")
    assert by_id(sheet, "绩效.预算完成率").formula == \
        "=ROUND(ROUND(绩效_预算完成率_分子/绩效_预算完成率_分母,9),4)"
    assert named(book, "绩效_序时进度") == 1 and named(book, "绩效_支付进度率") == D("1.025")
    assert named(book, "绩效_在职人员控制率") == D("0.8571")
    assert named(book, "绩效_结转结余率") == D("0.3583")     # 43.00 ÷ 120.00


def test_scores_follow_the_rules_beside_the_typed_scores(small):
    book, _, _ = small
    scores = {n: named(book, f"绩效_指标{n}_得分") for n in range(1, 9)}
    assert scores == {1: D("2.00"), 2: D("2.00"), 3: D("0"), 4: D("2.00"), 5: D("2.00"),
                      6: D("2.10"), 7: D("2.40"), 8: D("5.00")}
    assert named(book, "绩效_指标3_自评得分") == D("1.9")
    assert named(book, "绩效_指标3_单位所填比率") == D("0.0547")
    assert named(book, "绩效_指标3_手填得分率") == D("0.95")        # the office's 1.9 ÷ 2
    assert named(book, "绩效_指标3_实际值") == D("0.3583")
    assert named(book, "绩效_指标5_目标值") == 110 and named(book, "绩效_指标5_实际值") == 117
    assert named(book, "绩效_指标7_得分率") == D("0.8")


def test_a_measure_not_given_prints_not_given_and_its_indicator_takes_the_typed_score(small):
    book, sheet, card = small
    assert "绩效_政府采购执行率" not in book.cell_names()
    assert named(book, "绩效_指标4_得分") == D("2.00")
    rule = next(t for t in texts(sheet) if "「政府采购执行率」未提供" in t)
    assert "基础信息_绩效_政府采购实际金额" in rule and "暂按单位自评得分" in rule
    # the stated 100 % stays a named figure, and the scorecard says why neither it nor the
    # typed score can be checked (E4 and E2 未核对, not E2 comparing the typed score with itself)
    assert named(book, "绩效_指标4_单位所填比率") == 1
    entry = next(e for e in card.entries if e.key == "指标4")
    assert (entry.kind, entry.measure, entry.typed) == ("judged", "政府采购执行率",
                                                        frozenset({"自评得分", "单位所填比率"}))
    assert [m for m, _ in entry.unchecked] == ["单位所填比率", "自评得分"]
    assert all(why.startswith("「政府采购执行率」未提供（工作簿中没有「基础信息_绩效_政府采购")
               for _, why in entry.unchecked)
    assert next(e for e in card.entries if e.key == "指标3").unchecked == ()    # given: checked


def test_a_period_short_of_the_year_leaves_the_measured_figures_unchecked():
    book, _, card = built(performance(), period_end="2020-06")
    assert named(book, "绩效_期末月份") == 6 and named(book, "绩效_序时进度") == D("0.5")
    why = "期间至 2020-06，未满一年：按账比率不能与全年填报的实际完成值、自评得分比较"
    entries = {e.key: e for e in card.entries}
    for key in ("指标1", "指标2", "指标3"):          # scored from the books
        assert entries[key].unchecked == (("单位所填比率", why), ("自评得分", why),
                                          ("手填得分率", why)), key
    assert "期间至" not in entries["指标4"].unchecked[0][1]       # its measure is missing anyway
    assert entries["指标5"].unchecked == entries["指标8"].unchecked == ()


@pytest.mark.parametrize("actual, says", [
    (reading("18人", "", "18", "人"), "实际完成值「18人」不是百分数：请写成比率（如 85.71%）"),
    (reading("128.73", "", "128.73"), "实际完成值「128.73」不是百分数：如是 128.73%，请写成「128.73%」"),
    (reading("较好"), "实际完成值「较好」不是百分数：请写成比率（如 85.71%）"),
])
def test_a_stated_rate_that_is_not_a_rate_is_unchecked_and_says_what_to_write(actual, says):
    staff = indicator(1, "投入", "部门预算管理", "在职人员控制率", 2, actual=actual, score=2)
    book, sheet, card = built(performance([staff], ()))
    assert "绩效_指标1_单位所填比率" not in book.data_names()
    assert any(c.kind == "text" and c.text == actual.text for c in sheet.cells)
    (entry,) = [e for e in card.entries if e.level == "指标"]
    assert "单位所填比率" in entry.typed and entry.measure == "在职人员控制率"
    assert entry.unchecked == (("单位所填比率", says),)        # E4 未核对, saying what to write


def test_a_stated_rate_in_a_per_cent_cell_is_a_fraction():
    """A per-cent cell gives its fraction (85.71 % is 0.8571), a bare number within the
    template's bare_fraction_limit (1.5): it is the stated rate, checked."""
    staff = indicator(1, "投入", "部门预算管理", "在职人员控制率", 2,
                      actual=reading("0.8571", "", "0.8571"), score=2)
    book, _, card = built(performance([staff], ()))
    assert named(book, "绩效_指标1_单位所填比率") == D("0.8571")
    assert card.entries[0].unchecked == () and "单位所填比率" in card.entries[0].typed


def test_groups_total_and_grade(small):
    book, sheet, _ = small
    assert [named(book, f"绩效_二级{n}_分值") for n in range(1, 6)] == [4, 2, 2, 2, 6]
    assert "绩效_二级6_分值" not in book.cell_names()     # 满意度 has no 二级指标
    assert named(book, "绩效_一级1_分值") == 8 and named(book, "绩效_一级1_得分") == D("6.00")
    assert named(book, "绩效_一级1_得分率") == D("0.75")
    assert named(book, "绩效_一级4_分值") == 5          # 满意度: no 二级, its indicator directly
    assert named(book, "绩效_总计_分值") == 21 and named(book, "绩效_总计_得分") == D("17.50")
    assert named(book, "绩效_总计_得分率") == D("0.8333")
    assert named(book, "绩效_等级") == "差"                 # 17.5 of 21: below 60 points
    assert by_id(sheet, "绩效.等级").formula == (
        '=IF(绩效_总计_得分>=绩效_等级_优,"优",IF(绩效_总计_得分>=绩效_等级_良,"良",'
        'IF(绩效_总计_得分>=绩效_等级_中,"中","差")))')
    assert named(book, "绩效_手填等级") == "优" and named(book, "绩效_满分") == 100
    assert named(book, "绩效_等级_优") == 90 and "绩效_等级_差" not in book.data_names()
    assert named(book, "绩效_二级1_手填得分") == 4 and named(book, "绩效_一级1_手填得分率") == D("0.988")
    assert by_id(sheet, "绩效.二级1.得分").formula == "=SUM(J6:J7)"


def test_level_cells_are_merged_over_their_rows(small):
    _, sheet, _ = small
    merges = set(sheet.merges)
    assert (5, 0, 12, 0) in merges          # 投入: its indicators and 小计 rows, and its 合计
    assert (5, 1, 7, 1) in merges           # 预算执行管理: two indicators and its 小计


def test_the_scorecard_lists_every_scored_line_and_what_was_typed(small):
    _, sheet, card = small
    assert sheet.name == "绩效自评" and card.typed_grade
    keys = [e.key for e in card.entries]
    assert keys[:4] == ["指标1", "指标2", "二级1", "指标3"] and keys[-1] == "总计"
    first = card.entries[0]
    assert first.label == "投入／预算执行管理／预算完成率" and first.level == "指标"
    assert (first.kind, first.measure) == ("linear", "预算完成率")
    assert first.typed == frozenset({"自评得分", "单位所填比率"})
    group = next(e for e in card.entries if e.key == "一级1")
    assert (group.kind, group.level, group.typed) == ("group", "一级",
                                                      frozenset({"手填分值", "手填得分", "手填得分率"}))
    assert next(e for e in card.entries if e.key == "指标3").typed == frozenset(
        {"自评得分", "单位所填比率", "手填得分率"})
    assert next(e for e in card.entries if e.key == "二级2").typed == frozenset()
    assert next(e for e in card.entries if e.key == "指标8").label == "满意度／市民满意率"


def test_input_text_is_text_never_a_formula():
    tricky = indicator(1, "投入", "=SUM(A1)", "=1+1", 2, target=reading("+3"), actual=reading("@x"),
                       criterion="-2", score=1, note="=HYPERLINK(\"x\")")
    _, sheet, _ = built(performance([tricky], (), grade=""))
    for text in ("=SUM(A1)", "=1+1", "+3", "@x", "=HYPERLINK(\"x\")"):
        assert any(c.kind == "text" and c.text == text for c in sheet.cells), text


def test_without_december_balances_the_carry_over_uses_the_fallback():
    book, sheet, _ = built(performance(), december=False)
    numerator = by_id(sheet, "绩效.结转结余率.分子")
    assert '"年初结转和结余"' in numerator.formula and numerator.value == D("43.00")
    assert any("替代公式" in t for t in texts(sheet))


def test_without_a_performance_sheet_the_department_s_basis_is_listed():
    book, sheet, card = built(None)
    assert card.entries == [] and not card.typed_grade
    assert any(t.startswith("输入目录中没有绩效指标表") for t in texts(sheet))
    assert "某局2020年度部门整体支出绩效自评表" in texts(sheet)        # the department's
    assert "底稿_单位" not in by_id(sheet, "绩效.预算完成率.分子").formula      # the whole
    assert named(book, "绩效_预算完成率") is not None
    assert "绩效_总计_得分" not in book.cell_names()


def test_a_typed_total_of_no_group_a_numeric_unit_name_and_a_zero_weight_are_refused():
    stray = typed("二级", "投入", "资产管理", 6, 5, row=33)
    with pytest.raises(InputError) as caught:
        built(performance(totals=(stray,)))
    assert caught.value.row == 33 and "资产管理" in str(caught.value)
    with pytest.raises(InputError, match="像数字或日期"):
        built(performance(unit="2020"))
    weightless = indicator(1, "投入", "预算执行管理", "预算完成率", 0, score=0)
    with pytest.raises(InputError, match="分值 0 应大于 0") as caught:
        built(performance([weightless], ()))
    assert caught.value.row == 4 and caught.value.column == "分值"


def test_print_setup_fits_a4_landscape_readably(small):
    _, sheet, _ = small
    assert sheet.landscape and sheet.pages_tall == 0 and sheet.repeat_rows == (3, 4)
    # 10-point 宋体: ~5.3 points a character; A4 landscape less margins is ~770 points,
    # so at ≥ 75 % scale the columns may hold ~190 characters
    assert sum(sheet.col_widths.values()) <= 190
    assert sheet.print_area[3] == 14


@pytest.mark.slow
def test_libreoffice_agrees_and_follows_an_edit_into_rate_score_total_and_grade(tmp_path):
    """预算完成率 weighs 50 and a judged indicator 50 (typed 45): spending 123.00 of a budget of
    150.00 is 82 %, scoring 0, total 45 → 差; 10.00 万元 more spending make 88.67 %, 18.35,
    total 63.35 → 中."""
    require_libreoffice()
    perf = performance([indicator(1, "投入", "预算执行管理", "预算完成率", 50, score=50),
                        indicator(2, "效果", "社会效益指标", "服务平台搭建", 50, score=45)], (), "")
    book, sheet, _ = built(perf, budget=1300000)
    assert (named(book, "绩效_预算完成率"), named(book, "绩效_总计_得分"),
            named(book, "绩效_等级")) == (D("0.82"), D("45.00"), "差")
    original = tmp_path / "small.xlsx"
    write_workbook(book, original)
    edited = tmp_path / "edited.xlsx"
    workbook = openpyxl.load_workbook(original)
    paper = workbook["底稿"]
    header = {c.value: i for i, c in enumerate(paper[1])}
    row = next(r for r in paper.iter_rows(min_row=2) if r[header["方向"]].value == "支出")
    row[header["金额（元）"]].value += 100000
    workbook.save(edited)
    recalculated = oracle.recalculate([original, edited], tmp_path / "out")
    assert oracle.differences(original, recalculated[0]) == []
    places = {name: defined.attr_text.split("!") for name, defined
              in openpyxl.load_workbook(original).defined_names.items()}
    after = openpyxl.load_workbook(recalculated[1], data_only=True)

    def value(name):
        sheet_name, cell = places[name]
        return after[sheet_name.strip("'")][cell.replace("$", "")].value

    assert value("绩效_预算完成率") == pytest.approx(0.8867)
    assert value("绩效_指标1_得分") == pytest.approx(18.35)
    assert value("绩效_总计_得分") == pytest.approx(63.35)
    assert value("绩效_等级") == "中"


# ----------------------------------------------------------------------------- the sample
@pytest.fixture(scope="module")
def sample():
    from jdzxlsx.pipeline import build
    from tests.conftest import SAMPLE

    return build(SAMPLE)


def _indicator_key(result, name: str) -> str:
    return next(e.key for e in result.scorecard.entries if e.label.endswith("／" + name))


@pytest.mark.slow
def test_the_sample_s_rates_from_the_books(sample):
    """局本级 (sample-facts.md, contract10.md): every rate from the printed 万元 figures."""
    book = sample.book
    figures = {"预算完成率": ("1040.34", "808.18", "1.2873"), "结转结余率": ("4.42", "808.18", "0.0055"),
               "公用经费控制率": ("13.32", "43.56", "0.3058"), "三公经费控制率": ("6.64", "15.00", "0.4427"),
               "在职人员控制率": ("18", "21", "0.8571"), "政府采购执行率": ("7.01", "7.01", "1"),
               "序时进度": ("12", "12", "1"), "支付进度率": ("1.2873", "1", "1.2873")}
    for measure, (top, bottom, rate) in figures.items():
        assert (named(book, f"绩效_{measure}_分子"), named(book, f"绩效_{measure}_分母"),
                named(book, f"绩效_{measure}")) == (D(top), D(bottom), D(rate)), measure
    sheet = book.sheet("绩效自评")
    # no December trial balance: 年初 + 收入 + 使用结余 − 支出 − 结余分配 of 局本级
    assert '底稿_单位,"景德镇市陶瓷产业发展局本级"' in by_id(sheet, "绩效.结转结余率.分子").formula
    assert any("替代公式" in t for t in texts(sheet))


@pytest.mark.slow
def test_the_sample_s_scores_total_and_grade_beside_the_typed_ones(sample):
    book, card = sample.book, sample.scorecard
    assert card.typed_grade
    assert "景德镇市陶瓷产业发展局本级2020年度部门整体支出绩效自评表" in texts(book.sheet("绩效自评"))
    budget = _indicator_key(sample, "预算完成率")
    assert named(book, f"绩效_{budget}_实际值") == D("1.2873")
    assert named(book, f"绩效_{budget}_得分") == D("2.00")
    carry = _indicator_key(sample, "结转结余率")
    assert named(book, f"绩效_{carry}_实际值") == D("0.0055")
    assert named(book, f"绩效_{carry}_单位所填比率") == D("0.0547")
    assert (named(book, f"绩效_{carry}_得分"), named(book, f"绩效_{carry}_自评得分")) == \
        (D("2.00"), D("1.9"))
    for name in ("支付进度率", "公用经费控制率", "“三公经费”控制率", "在职人员控制率", "政府采购执行率"):
        assert named(book, f"绩效_{_indicator_key(sample, name)}_得分") == D("2.00"), name
    assert (named(book, "绩效_一级1_得分"), named(book, "绩效_一级1_得分率")) == (D("32.80"), D("0.9371"))
    assert (named(book, "绩效_一级1_手填得分"), named(book, "绩效_一级1_手填得分率")) == \
        (D("32.7"), D("0.937"))
    # 服务陶瓷平台搭建: 评分标准 「完全达成」 yet typed 2.1 of 3 (70 %): held at 80 %, 2.40; so
    # 效果 15.50 (typed 15.2) and the total 93.30 = 92.9 + 0.10 (结转结余率) + 0.30
    platform = _indicator_key(sample, "服务陶瓷平台搭建")
    assert named(book, f"绩效_{platform}_得分") == D("2.40")
    assert named(book, "绩效_一级3_得分") == D("15.50")
    assert (named(book, "绩效_总计_分值"), named(book, "绩效_总计_得分"),
            named(book, "绩效_总计_得分率")) == (100, D("93.30"), D("0.933"))
    assert (named(book, "绩效_总计_手填得分"), named(book, "绩效_等级"),
            named(book, "绩效_手填等级")) == (D("92.9"), "优", "优")
    kinds = {e.kind for e in card.entries if e.level == "指标"}
    assert kinds == {"linear", "proportional", "at_most", "at_least_target", "qualitative", "judged"}


@pytest.mark.slow
def test_the_sample_s_sheet_sits_between_the_tables_and_the_checks(sample):
    names = [s.name for s in sample.book.sheets]
    assert names.index("绩效自评") == names.index("公开10表") + 1
    assert names.index("核对表") == names.index("绩效自评") + 1
    contents = sample.book.sheet("目录")
    assert any(c.kind == "text" and c.text.startswith("部门整体支出绩效自评") for c in contents.cells)


@pytest.mark.slow
def test_the_other_sample_without_a_performance_sheet_still_has_the_sheet():
    from jdzxlsx.pipeline import build
    from tests.conftest import ROOT

    result = build(ROOT / "inputs" / "样例县农业农村局-2020")
    sheet = result.book.sheet("绩效自评")
    assert result.scorecard.entries == []
    assert any(t.startswith("输入目录中没有绩效指标表") for t in texts(sheet))
    assert "底稿_单位" not in by_id(sheet, "绩效.预算完成率.分子").formula
    assert "绩效_在职人员控制率" not in result.book.cell_names()       # no 绩效评价基础数据


@pytest.mark.slow
def test_libreoffice_recalculates_the_sample_s_sheet_and_prints_it_readably(sample_workbook,
                                                                           sample_recalculated,
                                                                           tmp_path):
    cells = [c for c in oracle.formula_cells(sample_workbook) if c[0] == "绩效自评"]
    assert len(cells) > 150
    diffs = [d for d in oracle.differences(sample_workbook, sample_recalculated)
             if d.sheet == "绩效自评"]
    assert diffs == []
    pages = oracle.pages_by_sheet(oracle.to_pdf(sample_workbook, tmp_path))
    assert pages["绩效自评"] == list(range(1, len(pages["绩效自评"]) + 1))
    assert len(pages["绩效自评"]) <= 5


@pytest.mark.slow
def test_the_sample_without_its_basis_sheet_leaves_the_measured_rows_unchecked(sample_copy):
    """No 绩效基础数据 sheet: 预算完成率 (its 预算数 needs 批复的上年结转结余), 支付进度率,
    结转结余率, 在职人员控制率 and 政府采购执行率 are not computed; each takes the typed score, keeps
    the stated rate as a named figure, and E2 and E4 are 未核对 with the reason, not 一致 with
    themselves or left out."""
    from jdzxlsx.pipeline import build

    path = sample_copy / "绩效自评.xlsx"
    workbook = openpyxl.load_workbook(path)
    del workbook["绩效基础数据"]
    workbook.save(path)
    result = build(sample_copy)
    missing = ("预算完成率", "支付进度率", "结转结余率", "在职人员控制率", "政府采购执行率")
    keys = {name: _indicator_key(result, name) for name in missing}
    entries = {e.key: e for e in result.scorecard.entries}
    for name, key in keys.items():
        assert entries[key].measure == name and entries[key].kind == "judged", name
        assert [m for m, _ in entries[key].unchecked] == ["单位所填比率", "自评得分"], name
        assert f"绩效_{key}_单位所填比率" in result.book.data_names(), name
    assert named(result.book, f"绩效_{keys['结转结余率']}_单位所填比率") == D("0.0547")
    reasons = {t.split("：", 1)[0]: t for t in result.not_checked if t.startswith(("E2[", "E4["))}
    # and 固定资产利用率, whose rule has no 实际完成值 to work on in any case
    assert set(reasons) == {f"{rule}[{key}]" for rule in ("E2", "E4")
                            for key in keys.values()} | {"E2[指标17]"}
    assert "「支付进度率」未提供（「预算完成率」未提供）" in reasons[f"E4[{keys['支付进度率']}]"]
    checked = {f.rule_id for f in result.findings}
    assert not checked & set(reasons)
    assert f"E4[{_indicator_key(result, '公用经费控制率')}]" in checked     # from the books alone
