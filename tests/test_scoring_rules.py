"""The 绩效自评 rule kinds at their edges (below, at and above each threshold; clamped at 0 and
at the weight), in Python and — one slow test — recalculated by LibreOffice from the same
cells; which kind an indicator gets; and the template's validation of 绩效.toml."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

import pytest

from jdzxlsx.errors import InputError, TemplateError
from jdzxlsx.ingest.records import Provenance, Reading
from jdzxlsx.model import Sheet, Workbook
from jdzxlsx.pipeline import year_template
from jdzxlsx.scoring.measures import MeasurePlan
from jdzxlsx.scoring.rules import Scoring, choose, describe, indicator_name, score_node
from jdzxlsx.templates import load_template, templates_root
from jdzxlsx.templates.performance import Band
from jdzxlsx.working_paper import QUERY_TABLES, Indicator
from jdzxlsx.xlsx.writer import write_workbook
from tests import oracle
from tests.conftest import require_libreoffice

TOP, MIDDLE, LOW = (Band(("完全达成",), D("0.8"), D("1")), Band(("基本达成",), D("0.6"), D("0.8")),
                    Band(("未达成",), D("0"), D("0.6")))
LINEAR_UP = {"from": D("0.85"), "to": D("0.95")}           # 预算完成率
LINEAR_DOWN = {"from": D("0.15"), "to": D("0.05")}         # 结转结余率
AT_MOST = {"limit": D("1"), "deduct": D("0.1")}            # the 控制率

# (kind, params, band, weight, actual, target, typed score, expected score)
CASES = [
    ("linear", LINEAR_UP, None, 2, "0.80", 0, 0, "0"),            # below: clamped at 0
    ("linear", LINEAR_UP, None, 2, "0.85", 0, 0, "0"),            # at from
    ("linear", LINEAR_UP, None, 2, "0.86", 0, 0, "0.20"),
    ("linear", LINEAR_UP, None, 2, "0.90", 0, 0, "1.00"),
    ("linear", LINEAR_UP, None, 2, "0.95", 0, 0, "2.00"),         # at to
    ("linear", LINEAR_UP, None, 2, "0.96", 0, 0, "2.00"),         # above: clamped at the weight
    ("linear", LINEAR_UP, None, 2, "1.2873", 0, 0, "2.00"),       # the sample's 预算完成率
    ("linear", LINEAR_UP, None, 1, "0.8625", 0, 0, "0.13"),       # 0.125: rounds half up
    ("linear", LINEAR_DOWN, None, 2, "0.20", 0, 0, "0"),          # worse than from
    ("linear", LINEAR_DOWN, None, 2, "0.15", 0, 0, "0"),
    ("linear", LINEAR_DOWN, None, 2, "0.10", 0, 0, "1.00"),
    ("linear", LINEAR_DOWN, None, 2, "0.0547", 0, 0, "1.91"),     # the rate the office stated
    ("linear", LINEAR_DOWN, None, 2, "0.05", 0, 0, "2.00"),
    ("linear", LINEAR_DOWN, None, 2, "0.0055", 0, 0, "2.00"),     # the computed rate
    ("at_most", AT_MOST, None, 2, "0.3058", 0, 0, "2.00"),
    ("at_most", AT_MOST, None, 2, "1", 0, 0, "2.00"),             # at the limit
    ("at_most", AT_MOST, None, 2, "1.0001", 0, 0, "2.00"),        # 0.01 point above: −0.002
    ("at_most", AT_MOST, None, 2, "1.05", 0, 0, "1.00"),          # 5 points above: −50%
    ("at_most", AT_MOST, None, 2, "1.10", 0, 0, "0"),             # 10 points: all deducted
    ("at_most", AT_MOST, None, 2, "1.5", 0, 0, "0"),              # clamped at 0
    ("proportional", {}, None, 2, "0", 0, 0, "0"),
    ("proportional", {}, None, 2, "0.5", 0, 0, "1.00"),
    ("proportional", {}, None, 2, "1", 0, 0, "2.00"),
    ("proportional", {}, None, 2, "1.2873", 0, 0, "2.00"),        # capped
    ("at_least_target", {}, None, 3, "0.922", "0.9", 0, "3.00"),  # 市民满意率 92.2% ≥ 90%
    ("at_least_target", {}, None, 3, "0.9", "0.9", 0, "3.00"),
    ("at_least_target", {}, None, 3, "0.45", "0.9", 0, "1.50"),
    ("at_least_target", {}, None, 3, "0", "0.9", 0, "0"),
    ("at_least_target", {}, None, 2, "117", "110", 0, "2.00"),
    ("at_most_target", {}, None, 3, "0.1", "0.2", 0, "3.00"),
    ("at_most_target", {}, None, 3, "0.2", "0.2", 0, "3.00"),
    ("at_most_target", {}, None, 3, "0.4", "0.2", 0, "1.50"),
    ("at_most_target", {}, None, 3, "0", "0.2", 0, "3.00"),       # no division by 0 taken
    ("qualitative", {}, TOP, 3, 0, 0, "2.1", "2.40"),             # 完全达成 typed 70%: held at 80%
    ("qualitative", {}, TOP, 3, 0, 0, "2.7", "2.70"),
    ("qualitative", {}, TOP, 3, 0, 0, "3.5", "3.00"),             # above the weight
    ("qualitative", {}, MIDDLE, 3, 0, 0, "2.1", "2.10"),          # 基本达成 70%
    ("qualitative", {}, MIDDLE, 3, 0, 0, "3", "2.40"),
    ("qualitative", {}, MIDDLE, 3, 0, 0, "1", "1.80"),
    ("qualitative", {}, LOW, 4, 0, 0, "3", "2.40"),
    ("qualitative", {}, LOW, 4, 0, 0, "0", "0"),
    ("judged", {}, None, 2, 0, 0, "1.4", "1.40"),
    ("judged", {}, None, 2, 0, 0, "2.5", "2.00"),
    ("judged", {}, None, 2, 0, 0, "-1", "0"),
    # half cents that binary doubles hold a hair below the half (0.8825 − 0.85 = 0.0274999…):
    # rounded to 9 places first, a spreadsheet rounds them up as the decimals do
    ("linear", LINEAR_UP, None, 3, "0.8825", 0, 0, "0.98"),       # 0.975
    ("linear", LINEAR_UP, None, 5, "0.8683", 0, 0, "0.92"),       # 0.915
    ("at_most", AT_MOST, None, 5, "1.0979", 0, 0, "0.11"),        # 0.105
]


def reading(text: str = "", comparator: str = "", number=None, unit: str = "") -> Reading:
    return Reading(text, comparator, None if number is None else D(str(number)), unit)


def indicator(seq: int = 1, name: str = "某指标", weight=2, target: Reading = reading(),
              actual: Reading = reading(), criterion: str = "", rule: str = "",
              score=None) -> Indicator:
    return Indicator(seq, "投入", "预算执行管理", name, D(str(weight)), target, actual, criterion,
                     rule, "", None if score is None else D(str(score)), None,
                     Provenance("绩效自评.xlsx", "绩效指标", 4 + seq))


class NoTables:
    def sum(self, *args):
        raise AssertionError("no queries here")

    count = sum


def cases_book() -> tuple[Workbook, Sheet]:
    """One row per case: 分值 | 实际值 | 目标值 | 自评得分 as named cells, then the score."""
    sheet = Sheet("评分")
    for seq, (kind, params, band, weight, actual, target, typed, _) in enumerate(CASES, 1):
        row = seq
        sheet.text(row, 0, kind)
        for col, field, value in ((1, "分值", weight), (2, "实际值", actual), (3, "目标值", target),
                                  (4, "自评得分", typed)):
            sheet.named_number(row, col, indicator_name(seq, field), D(str(value)))
        scoring = Scoring(kind, params, band=band)
        sheet.formula(row, 5, f"case{seq}", score_node(scoring, indicator(seq, weight=weight,
                                                                         score=typed)), "score")
    book = Workbook([sheet])
    book.resolve(NoTables())
    return book, sheet


@pytest.mark.parametrize("seq", range(1, len(CASES) + 1))
def test_each_rule_kind_at_its_edges(seq):
    _, sheet = cases_book()
    cell = next(c for c in sheet.cells if c.cell_id == f"case{seq}")
    assert cell.value == D(CASES[seq - 1][-1]), (CASES[seq - 1], cell.formula)


def test_scores_are_rounded_clamped_formulas_over_the_named_cells():
    _, sheet = cases_book()
    first = next(c for c in sheet.cells if c.cell_id == "case1")
    assert first.formula == ("=ROUND(ROUND(MAX(0,MIN(绩效_指标1_分值,(绩效_指标1_实际值-0.85)"
                             "/(0.95-0.85)*绩效_指标1_分值)),9),2)")
    target = next(c for c in sheet.cells if c.cell_id == "case33")     # actual 0 under ≤
    assert target.formula.startswith("=ROUND(ROUND(MAX(0,MIN(绩效_指标33_分值,IF(绩效_指标33_实际值<="
                                     "绩效_指标33_目标值,")


@pytest.mark.slow
def test_libreoffice_computes_every_edge_as_python_does(tmp_path):
    require_libreoffice()
    book, _ = cases_book()
    path = tmp_path / "rules.xlsx"
    write_workbook(book, path)
    (recalculated,) = oracle.recalculate([path], tmp_path / "out")
    assert oracle.differences(path, recalculated) == []
    values = oracle.values(recalculated, [("评分", f"F{seq + 1}") for seq in range(1, len(CASES) + 1)])
    for seq, case in enumerate(CASES, 1):
        assert D(str(values[("评分", f"F{seq + 1}")])) == D(case[-1]), case


# ----------------------------------------------------------------------------- which kind
@pytest.fixture(scope="module")
def spec():
    return year_template(2020).performance


def plans(spec, missing: dict[str, str] | None = None) -> dict[str, MeasurePlan]:
    return {m: MeasurePlan(spec.measures[m], [], (missing or {}).get(m, "")) for m in spec.measures}


def test_the_template_names_the_seed_s_indicators_quotes_and_spaces_folded(spec):
    got = choose(indicator(name="“三公经费” 控制率"), spec, plans(spec))
    assert (got.kind, got.measure, got.params) == ("at_most", "三公经费控制率", AT_MOST)
    got = choose(indicator(name="结转结余率"), spec, plans(spec))
    assert (got.kind, got.params) == ("linear", LINEAR_DOWN)
    assert "（实际值 − 15%）÷（5% − 15%）× 分值" in describe(got, spec, "")


def test_a_measure_not_given_falls_back_to_the_typed_score_and_says_so(spec):
    got = choose(indicator(name="政府采购执行率", score=2), spec,
                 plans(spec, {"政府采购执行率": "工作簿中没有「基础信息_绩效_政府采购预算数」"}))
    assert (got.kind, got.measure, got.wanted) == ("judged", None, "政府采购执行率")
    text = describe(got, spec, "")
    assert "「政府采购执行率」未提供" in text and "暂按单位自评得分" in text


def test_a_target_with_a_comparator_and_numbers_gives_the_target_rules(spec):
    at_least = indicator(target=reading("≥90%", "≥", "0.9", "%"), actual=reading("92.2%", "", "0.922", "%"))
    assert choose(at_least, spec, plans(spec)).kind == "at_least_target"
    at_most = indicator(target=reading("≤5%", "≤", "0.05", "%"), actual=reading("3", "", "0.03"))
    assert choose(at_most, spec, plans(spec)).kind == "at_most_target"   # % against a bare number
    typed = indicator(target=reading("100", "", "100"), actual=reading("120", "", "120"), rule="定量")
    assert choose(typed, spec, plans(spec)).kind == "at_least_target"


def test_numbers_that_do_not_compare_are_not_scored_as_targets(spec):
    units = indicator(target=reading("≥100家", "≥", "100", "家"), actual=reading("3亿元", "", "3", "亿元"),
                      criterion="基本达成", score=1.4)
    assert choose(units, spec, plans(spec)).kind == "qualitative"
    zero = indicator(target=reading("≥0", "≥", "0"), actual=reading("5", "", "5"), score=2)
    assert choose(zero, spec, plans(spec)).kind == "judged"
    stated = indicator(target=reading("≥90%", "≥", "0.9", "%"), actual=reading("较好"), rule="定量",
                       score=2)
    got = choose(stated, spec, plans(spec))
    assert got.kind == "judged" and "定量" in got.reason
    qualitative = indicator(target=reading("≥90%", "≥", "0.9", "%"),
                            actual=reading("95%", "", "0.95", "%"), rule="定性", criterion="达成",
                            score=2)
    assert choose(qualitative, spec, plans(spec)).kind == "qualitative"


def test_the_longest_achievement_word_decides_the_band(spec):
    for text, low in (("完全达成", "0.8"), ("基本达成", "0.6"), ("未达成", "0"), ("达成", "0.8")):
        got = choose(indicator(criterion=text, score=1), spec, plans(spec))
        assert (got.kind, got.word, got.band.low) == ("qualitative", text, D(low))
    from_actual = choose(indicator(actual=reading("基本达成"), score=1), spec, plans(spec))
    assert from_actual.word == "基本达成"
    # the 实际完成值 first: a stated level there is the level, whatever 评分标准 explains
    both = choose(indicator(actual=reading("基本完成"), criterion="完全达成", score=1), spec, plans(spec))
    assert (both.word, both.band.low) == ("基本完成", D("0.6"))
    assert choose(indicator(criterion="是否制定管理制度", score=1), spec, plans(spec)).kind == "judged"


def test_an_indicator_needing_a_typed_score_without_one_names_its_row(spec):
    lacking = indicator(seq=3, name="管理制度健全性", criterion="①是否已制定制度")
    with pytest.raises(InputError) as caught:
        score_node(choose(lacking, spec, plans(spec)), lacking)
    assert caught.value.row == 7 and caught.value.column == "自评得分"
    assert "管理制度健全性" in str(caught.value) and "绩效自评.xlsx" in str(caught.value)


# ----------------------------------------------------------------------------- the template
BASE = (templates_root() / "2020" / "绩效.toml").read_text(encoding="utf-8")


def load_changed(tmp_path: Path, old: str, new: str):
    assert old in BASE, old
    folder = tmp_path / "template"
    folder.mkdir()
    (folder / "template.toml").write_text("base = 2020\n", encoding="utf-8")
    (folder / "绩效.toml").write_text(BASE.replace(old, new, 1), encoding="utf-8")
    return load_template(2020, folder, QUERY_TABLES)


@pytest.mark.parametrize("old, new, says", [
    ('full_marks = 100', 'full_marks = 100\nfullmarks = 1', "fullmarks"),
    ('kind = "proportional"', 'kind = "proportionate"', "未知的评分方式"),
    ('from = 0.85, to = 0.95 }', 'from = 0.95, to = 0.95 }', "from 与 to"),
    ('limit = 1, deduct = 0.1 }', 'limit = 1, deduct = 2 }', "deduct"),
    ('limit = 1, deduct = 0.1 }', 'limit = 1, deduct = 0.1, step = 1 }', "step"),
    ('id = "在职人员控制率"', 'id = "在职人员(控制)率"', "Excel 名称"),
    ('"基础信息_绩效_编制数"', '"编制数合计"', "编制数合计"),
    ('"底稿(方向=支出, 单位={评价单位})"', '"底稿(方位=支出, 单位={评价单位})"', "方位"),
    ('"底稿(方向=支出, 单位={评价单位})"', '"底稿(方向=支出, 单位={单位})"', "占位符"),
    ('numerator.unit = "人"', 'numerator.unit = "名"', "unit"),
    ('numerator.value = "绩效_预算完成率"', 'numerator.value = "绩效_支付进度率"', "自己"),
    ('numerator.value = "绩效_预算完成率"', 'numerator.value = "绩效_指标1_得分"', "不是任何比率"),
    ('name = "良"\nfrom = 80', 'name = "良"\nfrom = 95', "从高到低"),
    ('words = ["基本达成", "部分达成",', 'words = ["基本达成", "达成",', "已在另一档"),
    ('low = 0.6\nhigh = 0.8', 'low = 0.8\nhigh = 0.6', "得分区间"),
    ('measure = "政府采购执行率"', 'measure = "采购执行率"', "采购执行率"),
    ('proportional = "实际值 × 分值"\n', '', "proportional"),
    ('judged = "按单位自评得分"', 'judged = "按{score}"', "{score}"),
    ('sheet = "绩效自评"', 'sheet = "公开01表"', "相同"),
    ('names = ["政府采购执行率"]', 'names = ["预算完成率"]', "已经列过"),
])
def test_template_faults_are_refused_with_file_and_line(tmp_path, old, new, says):
    with pytest.raises(TemplateError) as caught:
        load_changed(tmp_path, old, new)
    error = caught.value
    assert error.file.endswith("绩效.toml") and says in str(error), str(error)
    assert isinstance(error.line, int), str(error)


def test_a_cycle_of_measures_is_refused(tmp_path):
    """序时进度 made of 支付进度率, which divides by 序时进度."""
    with pytest.raises(TemplateError, match="循环") as caught:
        load_changed(tmp_path, 'numerator.value = "绩效_期末月份"', 'numerator.value = "绩效_支付进度率"')
    assert caught.value.line is not None


def test_the_template_defines_the_sheet_s_names_for_the_checks():
    template = year_template(2020)
    for name in ("绩效_指标7_自评得分", "绩效_指标7_手填得分率", "绩效_二级3_手填得分率", "绩效_一级1_得分", "绩效_总计_手填分值",
                 "绩效_等级", "绩效_手填等级", "绩效_满分", "绩效_等级_优", "绩效_序时进度",
                 "绩效_结转结余率", "绩效_结转结余率_分子", "绩效_预算完成率_分母"):
        assert template.defines(name), name
    assert not template.defines("绩效_结余率")


def test_a_per_cent_typed_without_its_sign_is_not_read_as_a_fraction(spec):
    # 92.2 in a plain cell under ≥90 %: 92.2 % or 9220 %? Said, not guessed.
    bare = indicator(target=reading("≥90%", "≥", "0.9", "%"), actual=reading("92.2", "", "92.2"),
                     score=5)
    got = choose(bare, spec, plans(spec))
    assert got.kind == "judged" and "没有写 %" in got.reason and "92.2" in got.reason
    # a per-cent cell holds the fraction: 0.922 compares with 90 %
    cell = indicator(target=reading("≥90%", "≥", "0.9", "%"), actual=reading("0.922", "", "0.922"),
                     score=5)
    assert choose(cell, spec, plans(spec)).kind == "at_least_target"


@pytest.mark.parametrize("name, measure", [
    ("预算完成率（%）", "预算完成率"), ("结转结余率(%)", "结转结余率"), ("1.预算完成率", "预算完成率"),
    ("（一）预算完成率", "预算完成率"), ("一、预算完成率", "预算完成率"), ("(2) 结转结余率 %", "结转结余率"),
    ("3、“三公经费”控制率（%）", "三公经费控制率"), ("部门预算完成率", "预算完成率"),
    ("三公经费支出控制率", "三公经费控制率"), ("公用经费支出控制率", "公用经费控制率"),
])
def test_a_name_with_an_ordinal_a_unit_or_a_common_alias_finds_its_rule(spec, name, measure):
    got = choose(indicator(name=name, score=2), spec, plans(spec))
    assert got.measure == measure, name


def test_a_name_that_only_looks_alike_finds_no_rule(spec):
    for name in ("预算执行率", "预算完成率提升", "2020预算完成率"):
        assert spec.rule_for(name) is None, name


@pytest.mark.parametrize("criterion, word, low", [
    ("基本达成，效果较好", "基本达成", "0.6"), ("达成。", "达成", "0.8"), ("已达成", "已达成", "0.8"),
    ("全部完成（详见说明）", "全部完成", "0.8"), ("已基本达成", "已基本达成", "0.6"),
    ("未完成：受疫情影响", "未完成", "0"), ("“完全达成”", "完全达成", "0.8"),
])
def test_a_level_is_a_band_word_alone_or_before_punctuation(spec, criterion, word, low):
    got = choose(indicator(criterion=criterion, score=1), spec, plans(spec))
    assert (got.kind, got.word, got.band.low) == ("qualitative", word, D(low))


@pytest.mark.parametrize("criterion", ["未完成不得分，完成得满分", "达成年度指标值得满分，未达成按比例扣分",
                                       "完全达成得满分"])
def test_a_scoring_instruction_is_not_a_level(spec, criterion):
    got = choose(indicator(criterion=criterion, score=1), spec, plans(spec))
    assert (got.kind, got.band) == ("judged", None), criterion


def test_the_bare_fraction_limit_is_the_template_s(spec):
    assert spec.bare_fraction_limit == D("1.5")


def test_a_bare_number_beyond_the_limit_is_not_read_as_a_fraction_of_a_per_cent(spec):
    # 3 under ≤5 %: 3 % or 300 %? Said, not guessed (and not scored as 300 %)
    three = indicator(target=reading("≤5%", "≤", "0.05", "%"), actual=reading("3", "", "3"), score=2)
    got = choose(three, spec, plans(spec))
    assert got.kind == "judged" and "如是 3%，请写成「3%」" in got.reason
    # 1.2 in a per-cent cell (120 %) under ≥90 %: within the limit, a fraction
    cell = indicator(target=reading("≥90%", "≥", "0.9", "%"), actual=reading("1.2", "", "1.2"), score=2)
    assert choose(cell, spec, plans(spec)).kind == "at_least_target"


@pytest.mark.parametrize("actual, kind, says", [
    (reading("90%", "", "0.9", "%"), "linear", ""),
    (reading("0.9", "", "0.9"), "linear", ""),                   # a per-cent cell's fraction
    (reading("80", "", "80"), "judged", "实际完成值「80」不是百分数：如是 80%，请写成「80%」"),
    (reading("80家", "", "80", "家"), "judged", "实际完成值「80家」不是百分数"),
    (reading(""), "judged", "实际完成值没有填写"),
])
def test_a_rule_that_reads_the_stated_actual_as_a_rate_takes_only_a_rate(spec, actual, kind, says):
    """固定资产利用率 (linear 85 %→95 %, no measure: the 实际完成值 is the rate)."""
    got = choose(indicator(name="固定资产利用率", actual=actual, score=2), spec, plans(spec))
    assert got.kind == kind and says in got.reason
    assert (got.reason == "") == (says == "")


def test_a_limit_that_is_not_above_zero_is_refused(tmp_path):
    with pytest.raises(TemplateError, match="bare_fraction_limit") as caught:
        load_changed(tmp_path, "bare_fraction_limit = 1.5", "bare_fraction_limit = 0")
    assert caught.value.line is not None
