"""The 绩效指标 rows as the working paper's PerformanceSheet: indicators numbered in sheet order,
the office's totals closing their groups, its grade, the unit the title names; and the sheet
shapes it cannot make sense of refused at their place. The 绩效评价基础数据 as named cells of
基础信息."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.pipeline import year_template
from jdzxlsx.tables.working_sheets import basic_info_sheet
from jdzxlsx.working_paper import TypedTotal, WorkingPaper, build_working_paper
from tests.ingest.test_performance import BASIS, HEADER, line

D = Decimal
UNITS = [["单位名称", "单位性质"], ["某局本级", "行政"], ["某局", "行政"], ["某局科研所", "全额事业"]]
TREE = [line("投入", "预算执行管理", "预算完成率", 2, score=2),
        line(None, None, "结转结余率", 2, score="1.9"),
        line(None, None, "小计", 4, score="3.9", rate="97.5%"),
        line(None, "资产管理", "资产安全性", 1, score=1),
        line(None, "合计", None, 5, score="4.9"),
        line("满意度", "满意度指标", None, 5, score=5),
        line("总计", None, None, 10, score="9.9", rate="99%"),
        line("评价等级", None, None, None, score="优")]


def paper(files, rows, title="某局本级2020年度部门整体支出绩效自评指标表", department="某局",
          units=UNITS, merges=()):
    sheets = {"绩效指标": [[title], HEADER, *rows]}
    if units:
        sheets["预算单位"] = units
    files.xlsx("绩效.xlsx", sheets, merges={"绩效指标": list(merges)})
    return build_working_paper(files.read(), year_template(2020), department=department)


def refused(files, rows, **options) -> InputError:
    with pytest.raises(InputError) as caught:
        paper(files, rows, **options)
    return caught.value


def test_indicators_are_numbered_in_sheet_order_under_their_levels(files):
    sheet = paper(files, TREE).performance
    assert [(i.seq, i.level1, i.level2, i.name, i.weight, i.score) for i in sheet.indicators] == [
        (1, "投入", "预算执行管理", "预算完成率", D(2), D(2)),
        (2, "投入", "预算执行管理", "结转结余率", D(2), D("1.9")),
        (3, "投入", "资产管理", "资产安全性", D(1), D(1)),
        (4, "满意度", "", "满意度指标", D(5), D(5))]
    assert sheet.indicators[1].source.row == 4
    assert (sheet.file, sheet.sheet) == ("绩效.xlsx", "绩效指标")


def test_the_office_totals_close_the_groups_above_them(files):
    sheet = paper(files, TREE).performance
    assert [(t.level, t.level1, t.level2, t.weight, t.score, t.score_rate)
            for t in sheet.totals] == [("二级", "投入", "预算执行管理", D(4), D("3.9"), D("0.975")),
                                       ("一级", "投入", "", D(5), D("4.9"), None),
                                       ("总计", "", "", D(10), D("9.9"), D("0.99"))]
    assert isinstance(sheet.totals[0], TypedTotal) and sheet.totals[0].source.row == 5


def test_the_grade_the_office_typed_is_kept_with_its_place(files):
    sheet = paper(files, TREE).performance
    assert (sheet.grade, sheet.grade_source.row) == ("优", 10)


def test_without_a_grade_row_the_grade_is_empty(files):
    sheet = paper(files, TREE[:-1]).performance
    assert (sheet.grade, sheet.grade_source) == ("", None)


def test_the_evaluated_unit_is_the_longest_unit_the_title_names(files):
    sheet = paper(files, TREE).performance
    assert (sheet.unit, sheet.unit_label) == ("某局本级", "某局本级")


def test_spaces_in_the_title_do_not_hide_the_unit(files):
    sheet = paper(files, TREE, title="某局 本级 2020年度绩效自评表").performance
    assert sheet.unit == "某局本级"


@pytest.mark.parametrize("title", ["某局2020年度部门整体支出绩效自评表", "2020年度部门整体支出绩效自评表"])
def test_a_title_naming_the_department_or_no_unit_evaluates_the_department_whole(files, title):
    sheet = paper(files, TREE, title=title).performance
    assert (sheet.unit, sheet.unit_label) == ("", "某局")


def test_the_department_named_inside_the_unit_s_own_name_is_that_unit(files):
    sheet = paper(files, TREE, title="某局本级（某局本级机关）2020年度绩效自评表").performance
    assert sheet.unit == "某局本级"


@pytest.mark.parametrize("title, named", [
    ("某局2020年度部门整体支出绩效自评表（含某局科研所）", "「某局」、「某局科研所」"),
    ("某局本级2020年度部门整体支出绩效自评表（含某局科研所）", "「某局本级」、「某局科研所」"),
    ("某局2020年度绩效自评表（某局本级）", "「某局」、「某局本级」"),
])
def test_a_title_naming_two_units_or_a_unit_beside_the_department_is_refused(files, title, named):
    error = refused(files, TREE, title=title)
    assert (error.file, error.sheet, error.row, error.column) == ("绩效.xlsx", "绩效指标", 1, None)
    assert f"写了 2 个单位：{named}" in error.message and title in error.message
    assert "只写明一个评价单位" in error.hint and "部门整体时写部门名称「某局」" in error.hint


def test_the_office_s_title_naming_its_institute_beside_the_bureau_is_refused(files):
    """The reviewer's title: the institute is the longest name in it, never the unit evaluated."""
    department = "景德镇市陶瓷产业发展局"
    units = [["单位名称", "单位性质"], [f"{department}本级", "行政"], ["景德镇市特种陶瓷研究所", "全额事业"]]
    error = refused(files, TREE, department=department, units=units,
                    title=f"{department}2020年度部门整体支出绩效自评表（含景德镇市特种陶瓷研究所）")
    assert error.row == 1 and f"「{department}」、「景德镇市特种陶瓷研究所」" in error.message


def test_a_refused_title_names_the_row_holding_the_units(files):
    files.xlsx("绩效.xlsx", {"绩效指标": [["2020年度部门整体支出绩效自评表"], ["某局本级 某局科研所"],
                                          HEADER, *TREE], "预算单位": UNITS})
    with pytest.raises(InputError) as caught:
        build_working_paper(files.read(), year_template(2020), department="某局")
    assert (caught.value.row, caught.value.sheet) == (2, "绩效指标")


def test_without_a_performance_sheet_there_is_none(files):
    files.xlsx("单位.xlsx", {"预算单位": UNITS})
    result = build_working_paper(files.read(), year_template(2020), department="某局")
    assert (result.performance, result.performance_basis) == (None, [])


def test_a_sheet_without_indicator_rows_is_refused(files):
    error = refused(files, [line("评价等级", None, None, None, score="优")])
    assert (error.file, error.sheet) == ("绩效.xlsx", "绩效指标")
    assert "没有指标行" in error.message


def test_a_sheet_with_its_header_and_nothing_under_it_is_refused(files):
    error = refused(files, [["注：本表由财务室填写"]])
    assert (error.file, error.sheet) == ("绩效.xlsx", "绩效指标") and "没有指标行" in error.message


def test_two_performance_sheets_are_refused_naming_both(files):
    rows = [[["某局本级绩效自评表"], HEADER, *TREE]]
    files.xlsx("绩效.xlsx", {"绩效指标": rows[0], "绩效指标(2)": rows[0]})
    with pytest.raises(InputError) as caught:
        build_working_paper(files.read(), year_template(2020), department="某局")
    assert (caught.value.file, caught.value.sheet) == ("绩效.xlsx", "绩效指标")
    assert "绩效.xlsx「绩效指标(2)」" in caught.value.message and "忽略" in caught.value.hint


def test_a_subtotal_above_every_indicator_closes_nothing_and_is_refused(files):
    error = refused(files, [line("投入", "预算执行管理", "小计", 2), *TREE])
    assert (error.row, error.column) == (3, "三级指标")
    assert "预算执行管理" in error.message and "小计合计其上方的二级指标" in error.hint


def test_a_小计_merged_across_level2_and_level3_and_投入合计_close_their_groups(files):
    rows = [*TREE[:2], line(None, None, None, 4, score="3.9"), TREE[3],
            line("投入合计", None, None, 5, score="4.9"), *TREE[5:]]
    sheet = paper(files, rows, merges=[(4, 1, 4, 2, "小计")]).performance
    assert [(t.level, t.level1, t.level2, t.weight, t.source.row) for t in sheet.totals] == [
        ("二级", "投入", "预算执行管理", D(4), 5), ("一级", "投入", "", D(5), 7),
        ("总计", "", "", D(10), 9)]


def test_a_merged_小计_twice_is_refused_at_its_row_and_column(files):
    rows = [*TREE[:3], line(None, None, None, 4, score="3.9"), *TREE[3:]]
    error = refused(files, rows, merges=[(5, 1, 5, 2, "小计")])
    assert (error.row, error.column) == (6, "二级指标")
    assert "「投入／预算执行管理」的二级合计写了两次（另一次在第5行）" in error.message


def test_a_合计_naming_no_level1_above_is_refused_at_its_row_and_column(files):
    error = refused(files, [*TREE[:5], line("本年合计", None, None, 5), *TREE[5:]])
    assert (error.row, error.column) == (8, "一级指标")
    assert "「本年」" in error.message and "投入合计" in error.hint


def test_a_total_of_a_level2_group_without_indicators_is_refused(files):
    error = refused(files, [TREE[0], line(None, "资产管理", "小计", 2)])
    assert error.row == 4 and "投入／资产管理" in error.message


def test_a_group_totalled_twice_is_refused(files):
    error = refused(files, [TREE[0], line(None, None, "小计", 2), line(None, None, "小计", 2)])
    assert error.row == 5 and "第4行" in error.message


def test_two_grade_rows_are_refused(files):
    error = refused(files, [*TREE, line("评价等级", None, None, None, score="良")])
    assert error.row == 11 and "第10行" in error.message


def test_a_basis_item_given_twice_stops_the_build(files):
    files.xlsx("基础.xlsx", {"S": [["项目", "数"], ["编制数", 21], ["核定编制数", 22]]})
    with pytest.raises(InputError) as caught:
        build_working_paper(files.read(), year_template(2020), department="某局")
    assert caught.value.row == 3 and "「编制数」出现了两次" in caught.value.message


def test_the_basis_figures_are_named_input_cells_of_basic_info(files):
    files.xlsx("基础.xlsx", {"绩效基础数据": BASIS})
    basis = build_working_paper(files.read(), year_template(2020), department="某局"
                                ).performance_basis
    sheet = basic_info_sheet(WorkingPaper("某局", 2020, "2020-12", [], [], [], [], [], [],
                                          performance_basis=basis))
    named = {name: value for name, (_, _, value) in sheet.named_data.items()}
    assert named == {"基础信息_绩效_上年结转结余预算数": D("2190000.00"),
                     "基础信息_绩效_政府采购预算数": D("70093.51"),
                     "基础信息_绩效_政府采购实际金额": D("70093.51"),
                     "基础信息_绩效_编制数": 21, "基础信息_绩效_在职人员数": 18}


def test_without_basis_figures_basic_info_says_so(files):
    sheet = basic_info_sheet(WorkingPaper("某局", 2020, "2020-12", [], [], [], [], [], []))
    texts = [cell.text for cell in sheet.cells if cell.text]
    assert "输入目录中没有绩效评价基础数据表：绩效自评中用到它的比率列为「未提供」" in texts
