"""The office's 绩效指标 sheet and its 绩效评价基础数据: identified by their headers, level cells
filled from merges and from the row above, the office's totals and grade kept and marked, points
read as plain numbers, 得分率 as a fraction, 指标值/实际完成值 as shown and as what they say, and
every cell that cannot be read refused at its place."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest import HandKeptFigure, Provenance, Reading

D = Decimal
HEADER = ["一级指标", "二级指标", "三级指标", "分值", "指标值", "实际完成值", "评分标准", "自评得分",
          "得分率", "说明"]
TITLE = ["某局本级2020年度部门整体支出绩效自评指标表"]


def line(l1=None, l2=None, l3=None, weight=None, target=None, actual=None, criterion=None,
         score=None, rate=None, note=None) -> list:
    return [l1, l2, l3, weight, target, actual, criterion, score, rate, note]


def read(files, *rows, header=HEADER, merges=(), title=TITLE):
    files.xlsx("绩效.xlsx", {"绩效指标": [title, header, *rows]}, merges={"绩效指标": list(merges)})
    return files.read()


def refused(files, *rows, **options) -> InputError:
    with pytest.raises(InputError) as caught:
        read(files, *rows, **options)
    return caught.value


def levels(result) -> list[tuple[str, str, str, str]]:
    return [(r.level1, r.level2, r.level3, r.total) for r in result.performance]


# --- identification --------------------------------------------------------------------------

def test_the_sheet_is_identified_by_its_headers_and_each_indicator_read_with_its_place(files):
    result = read(files, line("投入", "预算执行管理", "预算完成率", 2, None, "128.73%",
                              "预算完成率=预算完成数/预算数", 2, 1, "完成"))
    assert result.files[0].sheets == (("绩效指标", "performance"),)
    [row] = result.performance
    assert (row.level1, row.level2, row.level3) == ("投入", "预算执行管理", "预算完成率")
    assert (row.weight, row.score, row.score_rate) == (D(2), D(2), D(1))
    assert row.actual == Reading("128.73%", "", D("1.2873"), "%")
    assert (row.criterion, row.note, row.rule, row.total, row.grade) == (
        "预算完成率=预算完成数/预算数", "完成", "", "", "")
    assert row.source == Provenance("绩效.xlsx", "绩效指标", 3)


def test_headers_are_known_by_their_usual_names(files):
    header = ["一级", "二级", "三级指标名称", "权重", "年度指标值", "实际完成情况", "评分说明",
              "得分", "得分率（%）", "偏差原因及改进措施"]
    result = read(files, line("产出", "数量指标", "规上企业数", 2, "≥100家", "117家", "完全达成",
                              2, "100%", "无"), header=header)
    [row] = result.performance
    assert (row.level3, row.weight, row.target.number, row.actual.unit, row.score_rate,
            row.note) == ("规上企业数", D(2), D(100), "家", D(1), "无")


def test_the_title_above_the_header_is_kept_on_every_row(files):
    result = read(files, line("投入", "a", "b", 2), line(None, None, "c", 1))
    assert {r.title for r in result.performance} == {"某局本级2020年度部门整体支出绩效自评指标表"}


def test_the_rule_column_takes_定量_or_定性_and_refuses_anything_else(files):
    header = [*HEADER, "指标类型"]
    result = read(files, [*line("投入", "a", "b", 2), "定量指标"], [*line(None, None, "c", 1), "定性"],
                  header=header)
    assert [r.rule for r in result.performance] == ["定量", "定性"]
    error = refused(files, [*line("投入", "a", "b", 2), "数量指标"], header=header)
    assert (error.row, error.column) == (3, 11)
    assert "定量" in error.message and "实际为「数量指标」" in error.message


def test_levels_with_a_score_but_no_weight_column_stop_the_build_naming_what_is_missing(files):
    files.xlsx("绩效.xlsx", {"S": [["一级指标", "二级指标", "三级指标", "自评得分"],
                                   ["投入", "a", "b", 2]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert "分值" in str(caught.value)


def test_the_new_kinds_take_no_sheet_of_another_kind(files):
    files.xlsx("基础信息.xlsx", {
        "三公": [["项目", "预算数"], ["公务接待费", 660000]],
        "统计": [["项目", "计量单位", "数量"], ["公务接待批次", "批次", 3]],
        "采购": [["项目", "采购金额"], ["货物", 100]],
        "编制": [["人员类别", "编制数", "在职人数"], ["行政编制", 21, 18]]})
    assert files.read().files[0].sheets == (("三公", "sangong_budget"), ("统计", "sangong_counts"),
                                            ("采购", "procurement"), ("编制", "staffing"))


# --- level cells -------------------------------------------------------------------------------

def test_merged_level_cells_give_each_covered_row_their_text(files):
    rows = [line(None, None, "预算完成率", 2), line(None, None, "支付进度率", 2),
            line(None, "结转结余管理", "结转结余率", 2)]
    result = read(files, *rows, merges=[(2, 0, 4, 0, "投入"), (2, 1, 3, 1, "预算执行管理")])
    assert levels(result) == [("投入", "预算执行管理", "预算完成率", ""),
                              ("投入", "预算执行管理", "支付进度率", ""),
                              ("投入", "结转结余管理", "结转结余率", "")]


def test_blank_level_cells_are_filled_from_the_indicator_above(files):
    result = read(files, line("投入", "预算执行管理", "预算完成率", 2),
                  line(None, None, "支付进度率", 2), line(None, "资产管理", "资产安全性", 2))
    assert levels(result) == [("投入", "预算执行管理", "预算完成率", ""),
                              ("投入", "预算执行管理", "支付进度率", ""),
                              ("投入", "资产管理", "资产安全性", "")]


def test_a_new_level1_starts_without_the_level2_of_the_one_before(files):
    result = read(files, line("投入", "预算执行管理", "预算完成率", 2), line("满意度", None, "满意率", 5))
    assert levels(result)[1] == ("满意度", "", "满意率", "")


def test_an_indicator_without_a_name_is_refused_at_its_cell(files):
    error = refused(files, line("投入", "预算执行管理", "预算完成率", 2), line(None, None, None, 2))
    assert (error.file, error.sheet, error.row, error.column) == ("绩效.xlsx", "绩效指标", 4, 3)
    assert "指标名称" in error.message and "三级指标" in error.hint


# --- totals and the grade ----------------------------------------------------------------------

def test_the_column_holding_the_total_word_says_which_total_the_row_is(files):
    result = read(files, line("投入", "预算执行管理", "预算完成率", 2, score=2),
                  line(None, None, "小计", 2, score=2, rate="100%"),
                  line(None, "合计", None, 2, score=2, rate=1),
                  line("总计", None, None, 2, score=2, rate=1))
    assert levels(result) == [("投入", "预算执行管理", "预算完成率", ""),
                              ("投入", "预算执行管理", "小计", "二级"),
                              ("投入", "合计", "", "一级"), ("总计", "", "", "总计")]
    assert [(r.weight, r.score, r.score_rate) for r in result.performance[1:]] == [
        (D(2), D(2), D(1))] * 3


def test_a_小计_merged_across_level2_and_level3_closes_the_level2_group_above(files):
    result = read(files, line("投入", "预算执行管理", "预算完成率", 2, score=2),
                  line(None, None, None, 2, score=2), line("满意度", "满意度指标", "满意率", 5),
                  merges=[(3, 1, 3, 2, "小计")])
    assert levels(result)[1] == ("投入", "预算执行管理", "", "二级")
    assert result.performance[1].total_column == "二级指标"


@pytest.mark.parametrize("column", [0, 1, 2])
def test_小计_closes_the_level2_group_and_总计_the_sheet_in_any_column(files, column):
    def total(word):
        return line(*[word if c == column else None for c in range(3)], 2)
    result = read(files, line("投入", "预算执行管理", "预算完成率", 2), total("小计"), total("总计"))
    assert [r.total for r in result.performance] == ["", "二级", "总计"]
    assert result.performance[1].level2 == "预算执行管理"


def test_合计_in_the_level1_column_closes_the_level1_it_names_or_else_the_sheet(files):
    result = read(files, line("投入", "预算执行管理", "预算完成率", 2), line(None, None, "合计", 2),
                  line("投入合计", None, None, 2), line("合计", None, None, 2))
    assert [(r.level1, r.level3, r.total) for r in result.performance[1:]] == [
        ("投入", "合计", "二级"), ("投入", "", "一级"), ("合计", "", "总计")]
    assert [r.total_column for r in result.performance[1:]] == ["三级指标", "一级指标", "一级指标"]


def test_总计_under_each_level1_beside_a_whole_sheet_总计_closes_its_level1(files):
    """The office's print: 投入 | 总计 | 35 under each 一级, 总计 | | 100 in the 一级 column."""
    result = read(files, line("投入", "预算执行管理", "预算完成率", 2), line(None, "总计", None, 2),
                  line("满意度", "满意度指标", "满意率", 5), line(None, "总计", None, 5),
                  line("总计", None, None, 7))
    assert [(r.level1, r.total) for r in result.performance] == [
        ("投入", ""), ("投入", "一级"), ("满意度", ""), ("满意度", "一级"), ("总计", "总计")]


def test_a_total_word_ending_a_cell_counts_and_a_total_may_leave_its_figures_blank(files):
    result = read(files, line("投入", "预算执行管理", "预算完成率", 2),
                  line(None, "投入指标合计", None, None, score=2), line("总 计", None, None))
    assert [r.total for r in result.performance] == ["", "一级", "总计"]
    assert (result.performance[2].weight, result.performance[2].score) == (None, None)


def test_the_grade_row_carries_the_grade_the_office_typed(files):
    result = read(files, line("满意度", "满意度指标", "满意率", 5, score=5),
                  line("评价等级", None, None, None, score="优秀"))
    grade_row = result.performance[-1]
    assert (grade_row.total, grade_row.grade, grade_row.level1) == ("等级", "优", "评价等级")
    assert (grade_row.weight, grade_row.score) == (None, None)


def test_the_grade_may_stand_in_any_text_cell_of_its_row(files):
    result = read(files, line("满意度", "满意度指标", "满意率", 5),
                  line("评价结果", "良", None, None))
    assert result.performance[-1].grade == "良"


def test_a_grade_row_without_a_grade_is_refused_at_its_score_cell(files):
    error = refused(files, line("满意度", "满意度指标", "满意率", 5),
                    line("评价等级", None, None, None, score="很好"))
    assert (error.row, error.column) == (4, 8)
    assert "优、良、中、差" in error.message and "实际为「很好」" in error.message


def test_a_note_under_the_table_is_said_and_not_read_as_an_indicator(files):
    result = read(files, line("满意度", "满意度指标", "满意率", 5), ["注：得分率=自评得分/分值"])
    assert len(result.performance) == 1
    assert result.notes == ["绩效.xlsx「绩效指标」第4行：「注：得分率=自评得分/分值」是表下的说明，"
                            "不是指标，未读取"]


# --- numbers -----------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, read_as", [(2, D(2)), (1.4, D("1.4")), ("1.4", D("1.4")),
                                            ("１.５", D("1.5")), ("2分", D(2)), (" 3 ", D(3))])
def test_weights_and_scores_are_plain_numbers(files, typed, read_as):
    [row] = read(files, line("投入", "a", "b", typed, score=typed)).performance
    assert (row.weight, row.score) == (read_as, read_as)


def test_points_are_never_scaled_as_money_by_a_title_in_wan(files):
    result = read(files, line("投入", "a", "b", 2, score=1.9), title=["金额单位：万元"])
    assert (result.performance[0].weight, result.performance[0].score) == (D(2), D("1.9"))


def test_a_float_formula_result_is_read_without_its_binary_noise(files):
    [row] = read(files, line("投入", "a", "b", 2, score=0.1 + 0.2, rate=0.9220000000000001)
                 ).performance
    assert (row.score, row.score_rate) == (D("0.3"), D("0.922"))


def test_a_blank_score_is_absent_never_zero(files):
    [row] = read(files, line("投入", "a", "b", 2)).performance
    assert (row.score, row.score_rate) == (None, None)


def test_a_score_above_its_weight_is_read_as_typed_for_the_checks_to_flag(files):
    [row] = read(files, line("投入", "a", "b", 2, score=2.5, rate="125%")).performance
    assert (row.score, row.score_rate) == (D("2.5"), D("1.25"))


def test_an_indicator_without_a_weight_is_refused_at_its_cell(files):
    error = refused(files, line("投入", "a", "b", None, score=2))
    assert (error.file, error.sheet, error.row, error.column) == ("绩效.xlsx", "绩效指标", 3, 4)
    assert error.message == "「分值」列应为分值（数字，如 2），实际为「」"
    assert "分值" in error.hint


@pytest.mark.parametrize("column, cells", [(4, dict(weight="两分")), (8, dict(score="满分")),
                                           (8, dict(score="-")), (8, dict(score=-1)),
                                           (4, dict(weight="1,5"))])
def test_a_weight_or_score_that_is_no_number_is_refused_at_its_cell(files, column, cells):
    fields = {"weight": 2, **cells}
    error = refused(files, line("投入", "a", "b", **fields))
    assert (error.row, error.column) == (3, column)
    assert "数字" in error.message and error.hint


@pytest.mark.parametrize("typed, fraction", [("93.7%", D("0.937")), ("９３.７％", D("0.937")),
                                             (0.937, D("0.937")), ("0.937", D("0.937")),
                                             (1, D(1)), ("100%", D(1))])
def test_the_score_rate_is_kept_as_a_fraction(files, typed, fraction):
    [row] = read(files, line("投入", "a", "b", 2, rate=typed)).performance
    assert row.score_rate == fraction


@pytest.mark.parametrize("typed", ["93.7", "九成", "-5%"])
def test_a_score_rate_that_is_no_percent_is_refused_at_its_cell(files, typed):
    error = refused(files, line("投入", "a", "b", 2, rate=typed))
    assert (error.row, error.column) == (3, 9)
    assert "得分率" in error.message


@pytest.mark.parametrize("typed", [93.7, "93.7", " 93.7 "])
def test_a_per_cent_without_its_sign_is_refused_as_a_number_cell_as_in_text(files, typed):
    header = [*HEADER[:8], "得分率(%)", HEADER[9]]
    error = refused(files, line("投入", "a", "b", 2, score="1.9"),
                    line(None, None, "c", 2, score=2, rate=typed), header=header)
    assert (error.file, error.sheet, error.row, error.column) == ("绩效.xlsx", "绩效指标", 4, 9)
    assert error.message == "「得分率(%)」列应为得分率（百分数，如 93.7%，或小数，如 0.937），实际为「93.7」"
    assert "9370%" in error.hint and "「93.7%」" in error.hint


def test_a_score_rate_number_cell_up_to_1_is_a_fraction_under_a_per_cent_header(files):
    header = [*HEADER[:8], "得分率(%)", HEADER[9]]
    [row] = read(files, line("投入", "a", "b", 2, score="1.9", rate=0.95), header=header
                 ).performance
    assert row.score_rate == D("0.95")


# --- readings ----------------------------------------------------------------------------------

@pytest.mark.parametrize("typed, comparator, number, unit", [
    ("≥90%", "≥", D("0.9"), "%"), ("＞＝95%", "≥", D("0.95"), "%"), (">= 95 %", "≥", D("0.95"), "%"),
    ("≤100%", "≤", D(1), "%"), ("<5%", "<", D("0.05"), "%"), ("＝100％", "=", D(1), "%"),
    ("不低于90%", "≥", D("0.9"), "%"), ("超过7亿元", ">", D(7), "亿元"),
    ("395.2亿元", "", D("395.2"), "亿元"), ("117家", "", D(117), "家"),
    ("5404.19万件", "", D("5404.19"), "万件"), ("1,234.5万元", "", D("1234.5"), "万元"),
    ("-2.5%", "", D("-0.025"), "%"), ("21", "", D(21), ""), (21, "", D(21), ""),
    (0.922, "", D("0.922"), ""),
    ("90%以上", "≥", D("0.9"), "%"), ("100%以内", "≤", D(1), "%"), ("5%以下", "≤", D("0.05"), "%"),
    ("≥90%及以上", "≥", D("0.9"), "%"), ("95% 及以下", "≤", D("0.95"), "%"),
    ("100家以上", "≥", D(100), "家"), ("7亿元不超过", "≤", D(7), "亿元"),
    (">90%以上", ">", D("0.9"), "%"),
])
def test_a_reading_keeps_what_was_typed_and_says_comparator_number_and_unit(
        files, typed, comparator, number, unit):
    [row] = read(files, line("产出", "a", "b", 2, target=typed, actual=typed)).performance
    assert row.target == row.actual
    assert (row.actual.comparator, row.actual.number, row.actual.unit) == (comparator, number, unit)
    assert row.actual.text == (typed if isinstance(typed, str) else str(number))


@pytest.mark.parametrize("typed", ["完成规划文本编制", "10月中旬完成", "立案602家，结案36家", "≥较好",
                                   "≥90%以下", "不超过5%以上", "以上"])
def test_a_reading_that_says_no_number_keeps_only_its_text(files, typed):
    [row] = read(files, line("产出", "a", "b", 2, actual=typed)).performance
    assert row.actual == Reading(typed)


def test_a_blank_reading_is_empty(files):
    [row] = read(files, line("产出", "a", "b", 2)).performance
    assert row.target == row.actual == Reading("")


# --- 绩效评价基础数据 -----------------------------------------------------------------------------

BASIS = [["某局本级绩效评价基础数据"], ["项目", "计量单位", "数"],
         ["批复的上年结转结余", "元", 2190000], ["政府采购预算数", "万元", 7.009351],
         ["实际政府采购金额", "元", "70,093.51"], ["编制数", "人", 21], ["在职人数", "人", 18]]


def test_basis_items_by_their_usual_spellings_money_in_yuan_and_head_counts(files):
    files.xlsx("基础.xlsx", {"绩效基础数据": BASIS})
    result = files.read()
    assert result.files[0].sheets == (("绩效基础数据", "performance_basis"),)
    assert {f.key: f.value for f in result.performance_basis} == {
        "上年结转结余预算数": D("2190000.00"), "政府采购预算数": D("70093.51"),
        "政府采购实际金额": D("70093.51"), "编制数": 21, "在职人员数": 18}
    assert result.performance_basis[3] == HandKeptFigure(
        "绩效", "编制数", "编制数", 21, "人", False, Provenance("基础.xlsx", "绩效基础数据", 6))
    assert type(result.performance_basis[4].value) is int
    assert result.notes == ["基础.xlsx「绩效基础数据」第4行：「政府采购预算数」计量单位为万元，"
                            "已换算为元（×10000）"]


def test_a_basis_item_left_blank_is_absent_and_said(files):
    files.xlsx("基础.xlsx", {"S": [["项目", "数"], ["编制数", 21], ["在职人员数", None]]})
    result = files.read()
    assert [f.item for f in result.performance_basis] == ["编制数"]
    assert "「在职人员数」没有填数" in result.notes[0]


def test_an_unknown_basis_item_is_refused_listing_the_known_ones(files):
    files.xlsx("基础.xlsx", {"S": [["项目", "数"], ["离休人数", 2]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert (caught.value.row, caught.value.column) == (2, 1)
    assert "上年结转结余预算数、政府采购预算数、政府采购实际金额、编制数、在职人员数" in caught.value.message


def test_a_fractional_head_count_is_refused(files):
    files.xlsx("基础.xlsx", {"S": [["项目", "数"], ["在职人员数", 18.5]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert (caught.value.row, caught.value.column) == (2, 2)
