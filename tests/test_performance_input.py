"""The first sample's 绩效自评.xlsx as the working paper reads it: 局本级's indicator tree (the
seed's 表2–表5 as the office typed them), its typed totals and grade, and the 绩效评价基础数据
named in 基础信息 — against tests/expected/<folder>.toml, which tools/make_sample.py writes
from the sample's own design, never from jdzxlsx. The second sample has no 绩效 file."""

from __future__ import annotations

import tomllib
from decimal import Decimal

import pytest

from jdzxlsx.ingest import Reading, read_folder
from jdzxlsx.pipeline import year_template
from jdzxlsx.tables.working_sheets import basic_info_sheet
from jdzxlsx.working_paper import build_working_paper
from tests.conftest import ROOT, SAMPLE

D = Decimal
EXPECTED = tomllib.loads((ROOT / "tests" / "expected" / f"{SAMPLE.name}.toml")
                         .read_text("utf-8"))["绩效"]
OTHER = ROOT / "inputs" / "样例县农业农村局-2020"


def paper_of(folder):
    department = folder.name.rsplit("-", 1)[0]
    return build_working_paper(read_folder(folder, year=2020), year_template(2020),
                               department=department)


@pytest.fixture(scope="module")
def paper():
    return paper_of(SAMPLE)


@pytest.fixture(scope="module")
def sheet(paper):
    return paper.performance


def by_name(sheet, level1: str) -> dict:
    return {i.name: i for i in sheet.indicators if i.level1 == level1}


def test_the_sample_evaluates_the_bureau_its_title_names(sheet):
    assert (sheet.unit, sheet.unit_label) == ("景德镇市陶瓷产业发展局本级", EXPECTED["评价单位"])
    assert (sheet.file, sheet.sheet) == (EXPECTED["文件"], EXPECTED["工作表"])


def test_the_sample_has_17_17_6_and_1_indicators_under_its_four_level1(sheet):
    counts = {block["名称"]: block["指标数"] for block in EXPECTED["一级"]}
    assert counts == {"投入": 17, "产出": 17, "效果": 6, "满意度": 1}
    assert {name: sum(1 for i in sheet.indicators if i.level1 == name) for name in counts} == counts
    assert [i.seq for i in sheet.indicators] == list(range(1, 42))


def test_the_level1_weights_are_35_40_20_and_5(sheet):
    weights = {name: sum(i.weight for i in sheet.indicators if i.level1 == name)
               for name in ("投入", "产出", "效果", "满意度")}
    assert weights == {"投入": 35, "产出": 40, "效果": 20, "满意度": 5}
    assert weights == {b["名称"]: D(b["分值"]) for b in EXPECTED["一级"]}


def test_each_indicator_sits_under_the_level2_of_the_seed(sheet):
    for block in EXPECTED["一级"]:
        level2 = [i.level2 for i in sheet.indicators if i.level1 == block["名称"]]
        assert list(dict.fromkeys(level2)) == block["二级"]


def test_the_office_typed_1_9_for_结转结余率_and_stated_5_47_percent(sheet):
    carry = by_name(sheet, "投入")["结转结余率"]
    assert (carry.weight, carry.score, carry.score_rate) == (D(2), D("1.9"), D("0.95"))
    assert carry.actual == Reading("5.47%", "", D("0.0547"), "%")
    assert carry.level2 == "部门结转结余资金管理" and "15%" in carry.criterion


def test_the_rate_indicators_carry_the_rates_the_office_stated(sheet):
    stated = {name: i.actual.number for name, i in by_name(sheet, "投入").items()
              if i.actual.unit == "%"}
    assert stated == {"预算完成率": D("1.2873"), "支付进度率": D(1), "公用经费控制率": D("0.3057"),
                      "“三公经费”控制率": D("0.4427"), "结转结余率": D("0.0547"),
                      "在职人员控制率": D("0.8571"), "政府采购执行率": D(1)}


def test_the_other_typed_scores_are_the_seeds(sheet):
    scores = {i.name: i.score for i in sheet.indicators if i.score != i.weight}
    assert scores == {"预算编制准确性": D("1.4"), "绩效目标管理": D(2), "结转结余率": D("1.9"),
                      "管理制度健全性": D("1.4"), "服务陶瓷人才精准引进": D("2.1"),
                      "推动陶瓷企业开拓新市场": D("2.1"), "建立挂点帮扶制度": D("2.8"),
                      "服务陶瓷平台搭建": D("2.1"), "推进陶瓷知识产权保护工作": D("2.1")}
    assert [(i.level2, i.score) for i in sheet.indicators if i.name == "管理制度健全性"] == [
        ("部门预算管理", D(2)), ("资产管理", D("1.4"))]


def test_readings_of_outputs_and_satisfaction(sheet):
    output = by_name(sheet, "产出")
    assert output["陶瓷工业总产值"].actual == Reading("395.2亿元", "", D("395.2"), "亿元")
    assert output["陶瓷规上企业总数"].actual.number == 117
    assert output["陶瓷招商投资金额"].actual.comparator == ">"
    assert {i.criterion for i in output.values()} == {"完全达成"}
    citizens = by_name(sheet, "满意度")["市民满意率"]
    assert citizens.target == Reading("≥90%", "≥", D("0.9"), "%")
    assert citizens.actual == Reading("92.2%", "", D("0.922"), "%")


def test_the_office_typed_totals_close_their_groups(sheet):
    level2 = [(t.level1, t.level2, t.weight, t.score) for t in sheet.totals if t.level == "二级"]
    assert level2 == [("投入", "预算编审管理", D(7), D("5.4")), ("投入", "预算执行管理", D(8), D(8)),
                      ("投入", "部门结转结余资金管理", D(2), D("1.9")),
                      ("投入", "预决算信息公开管理", D(3), D(3)), ("投入", "部门预算管理", D(9), D(9)),
                      ("投入", "资产管理", D(6), D("5.4"))]
    assert [t.level2 for t in sheet.totals if t.level == "二级"] == EXPECTED["一级"][0]["手填小计"]
    assert sheet.totals[0].score_rate == D("0.771")


def test_the_level1_and_overall_totals_are_the_ones_the_office_typed(sheet):
    level1 = {t.level1: (t.weight, t.score, t.score_rate) for t in sheet.totals
              if t.level == "一级"}
    assert level1 == {b["名称"]: (D(b["分值"]), D(b["手填得分"]),
                                D(b["手填得分率"].rstrip("%")) / 100) for b in EXPECTED["一级"]}
    assert level1["投入"] == (D(35), D("32.7"), D("0.937"))
    [total] = [t for t in sheet.totals if t.level == "总计"]
    assert (total.weight, total.score, total.score_rate) == (D(100), D("92.9"), D("0.929"))
    assert total.score == D(EXPECTED["总计"]["手填得分"])


def test_the_office_typed_the_grade_优(sheet):
    assert (sheet.grade, sheet.grade_source.sheet) == ("优", "绩效指标")
    assert sheet.grade == EXPECTED["手填等级"]


def test_the_basis_figures_are_named_in_basic_info(paper):
    named = {name: value for name, (_, _, value) in basic_info_sheet(paper).named_data.items()
             if name.startswith("基础信息_绩效_")}
    assert named == {name: value if isinstance(value, int) else D(value)
                     for name, value in EXPECTED["基础数据"].items()}
    assert named["基础信息_绩效_上年结转结余预算数"] == D("2190000.00")     # 219.00 万元
    assert (named["基础信息_绩效_编制数"], named["基础信息_绩效_在职人员数"]) == (21, 18)


def test_the_second_sample_has_no_performance_sheet():
    paper = paper_of(OTHER)
    assert (paper.performance, paper.performance_basis) == (None, [])
