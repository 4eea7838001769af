"""The office's hand-kept 三公 budget and counts, 国有资产占用 and 政府采购 sheets: read by their
headers, items by their usual spellings, typed totals kept and marked, money in 元 or 万元,
counts whole, an unknown item or a fractional count refused at its cell, a missing one absent."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from xlsxwriter.utility import _has_invalid_name_chars

from jdzxlsx.errors import InputError
from jdzxlsx.ingest import HandKeptFigure, IngestResult, PriorYearFigure, Provenance
from jdzxlsx.pipeline import year_template
from jdzxlsx.tables.working_sheets import basic_info_sheet, prior_year_sheet
from jdzxlsx.working_paper import WorkingPaper, build_working_paper

D = Decimal

SANGONG_WAN = [["某局2020年“三公”经费预算"], ["金额单位：万元"], ["项目", "预算数"],
               ["一、因公出国（境）费", 0], ["二、公务用车购置及运行维护费", 12.5],
               ["    其中：公务用车购置费", 0], ["          公务用车运行（维护）费", 12.5],
               ["三、公务接待费", 66.01], ["合计", 78.51]]


def figures(result: IngestResult) -> dict[str, object]:
    return {f.key: f.value for f in (*result.sangong, *result.assets, *result.procurement)}


def test_sangong_budget_in_wan_is_converted_exactly_and_its_typed_totals_kept_and_marked(files):
    files.xlsx("三公.xlsx", {"预算": SANGONG_WAN})
    result = files.read()
    assert result.files[0].sheets == (("预算", "sangong_budget"),)
    assert figures(result) == {
        "因公出国境费_预算数": D("0.00"), "公务用车购置及运行费_预算数": D("125000.00"),
        "公务用车购置费_预算数": D("0.00"), "公务用车运行费_预算数": D("125000.00"),
        "公务接待费_预算数": D("660100.00"), "手填合计_预算数": D("785100.00")}
    assert [f.item for f in result.sangong if f.is_typed_total] == ["公务用车购置及运行费", "合计"]
    assert result.sangong[0] == HandKeptFigure("三公", "因公出国（境）费", "因公出国境费_预算数",
                                               D("0.00"), "元", False,
                                               Provenance("三公.xlsx", "预算", 4))
    assert result.notes == ["三公.xlsx「预算」：金额单位为万元，已换算为元（×10000）"]


def test_sangong_budget_in_yuan_by_its_header_without_a_typed_total(files):
    files.xlsx("a.xlsx", {"S": [["经费项目", "年初预算数（元）"], ["因公出国(境)费用", 0],
                                ["公务接待", "30,000.00"]]})
    result = files.read()
    assert figures(result) == {"因公出国境费_预算数": D("0.00"), "公务接待费_预算数": D("30000.00")}
    assert result.notes == []


def test_sangong_counts_are_whole_numbers_with_their_measure(files):
    rows = [["项目", "计量单位", "数量"], ["国内公务接待批次", "批次", 391],
            ["国内公务接待人次", "人次", 7696], ["其中：外事接待批次", "批次", "-"],
            ["因公出国（境）团组数", "个", 0], ["年末公务用车保有量", "辆", 2]]
    files.xlsx("a.xlsx", {"统计": rows})
    result = files.read()
    assert figures(result) == {"公务接待_批次": 391, "公务接待_人次": 7696, "外事接待_批次": 0,
                               "因公出国_团组": 0, "公务用车保有_辆": 2}
    assert all(type(f.value) is int for f in result.sangong)
    assert [f.measure for f in result.sangong] == ["批次", "人次", "批次", "个", "辆"]


def test_a_blank_figure_is_absent_and_said_never_zero(files):
    files.xlsx("a.xlsx", {"S": [["项目", "数量"], ["公务接待批次", 3], ["公务接待人次", None]]})
    result = files.read()
    assert figures(result) == {"公务接待_批次": 3}
    assert result.notes == ["a.xlsx「S」第3行：「公务接待人次」没有填数，未读取（不按 0 计；如确为零请填 0）"]


ASSETS = [["某局国有资产占用情况"], ["项目", "计量单位", "年末数"],
          ["资产总计", "元", 1500.5], ["一、流动资产", "元", 500.5], ["二、固定资产", "万元", 0.1],
          ["  1.图书、档案", "元", 1000], ["三、对外投资", "元", 0], ["车辆合计", "辆", 2],
          ["  其中：一般公务用车", "辆", 2], ["单价100万元以上专用设备", "台（套）", 1]]


def test_asset_sheet_aliases_row_units_and_typed_totals(files):
    files.xlsx("资产.xlsx", {"资产": ASSETS})
    result = files.read()
    assert figures(result) == {
        "资产总额": D("1500.50"), "流动资产": D("500.50"), "固定资产": D("1000.00"),
        "图书档案": D("1000.00"), "长期投资": D("0.00"), "车辆": 2, "一般公务用车": 2,
        "单价100万元以上专用设备": 1}
    assert [f.item for f in result.assets if f.is_typed_total] == ["资产总额", "固定资产", "车辆"]
    assert [f.item for f in result.assets][3] == "图书、档案"     # the official wording
    assert result.notes == ["资产.xlsx「资产」第5行：「固定资产」计量单位为万元，已换算为元（×10000）"]


def test_a_fractional_vehicle_count_is_refused_at_its_cell(files):
    rows = [*ASSETS[:8], ["  其中：一般公务用车", "辆", 1.5]]
    files.xlsx("资产.xlsx", {"资产": rows})
    with pytest.raises(InputError) as caught:
        files.read()
    error = caught.value
    assert (error.file, error.sheet, error.row, error.column) == ("资产.xlsx", "资产", 9, 3)
    assert error.message == "「年末数」列应为辆（整数），实际为「1.5」"


def test_a_count_item_with_a_money_unit_is_refused(files):
    files.xlsx("a.xlsx", {"S": [["项目", "计量单位", "年末数"], ["一般公务用车", "万元", 2]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert (caught.value.row, caught.value.column) == (2, 2)
    assert "是数量" in caught.value.message


def test_an_unknown_item_is_refused_naming_its_cell_and_the_accepted_items(files):
    rows = [["2020年政府采购情况"], ["金额单位：元"], ["采购类别", "采购金额"], ["货物类", 106127.5],
            ["进口设备", 2000]]
    files.xlsx("采购.xlsx", {"政府采购": rows})
    with pytest.raises(InputError) as caught:
        files.read()
    error = caught.value
    assert (error.file, error.sheet, error.row, error.column) == ("采购.xlsx", "政府采购", 5, 1)
    assert error.message == ("「采购类别」列应为项目之一（政府采购支出总额、货物、工程、服务、"
                             "授予中小企业合同金额、授予小微企业合同金额），实际为「进口设备」")


def test_procurement_with_a_typed_total_kept_and_marked(files):
    rows = [["项目", "采购金额（元）"], ["政府采购支出总额", 106127.5], ["  货物", 106127.5],
            ["授予中小企业合同金额", 106127.5], ["  其中：授予小微企业合同金额", 106127.5]]
    files.xlsx("a.xlsx", {"S": rows})
    result = files.read()
    assert figures(result) == {"政府采购支出总额": D("106127.50"), "货物": D("106127.50"),
                               "授予中小企业合同金额": D("106127.50"),
                               "授予小微企业合同金额": D("106127.50")}
    assert [f.is_typed_total for f in result.procurement] == [True, False, False, False]


def test_an_item_listed_twice_stops_the_build(files):
    files.xlsx("a.xlsx", {"S": [["项目", "采购金额"], ["货物", 1], ["货物类", 2]]})
    with pytest.raises(InputError) as caught:
        build_working_paper(files.read(), year_template(2020), department="某局")
    assert (caught.value.row, caught.value.message) == (3, "「货物」出现了两次（另一次在 a.xlsx「S」第2行）。")


# --- the 基础信息 sheet: named input cells, or none --------------------------------------------

def _paper(**figures) -> WorkingPaper:
    return WorkingPaper("某局", 2020, "2020-12", [], [], [], [], [], [], **figures)


def test_basic_info_names_each_figure_as_an_input_cell(files):
    files.xlsx("a.xlsx", {"预算": SANGONG_WAN, "资产": ASSETS})
    result = files.read()
    sheet = basic_info_sheet(_paper(sangong=result.sangong, assets=result.assets))
    named = {name: value for name, (_, _, value) in sheet.named_data.items()}
    assert named["基础信息_三公_公务接待费_预算数"] == D("660100.00")
    assert named["基础信息_三公_手填合计_预算数"] == D("785100.00")
    assert named["基础信息_资产_图书档案"] == D("1000.00")
    assert named["基础信息_资产_车辆"] == 2 and type(named["基础信息_资产_车辆"]) is int
    assert not any(name.startswith("基础信息_采购_") for name in named)


def test_without_the_sheets_no_name_is_defined_and_the_sheet_says_so():
    sheet = basic_info_sheet(_paper())
    assert sheet.named_data == {}
    texts = [cell.text for cell in sheet.cells if cell.text]
    assert "输入目录中没有国有资产占用表：公开10表列为「未提供」" in texts


def test_input_names_never_hold_brackets_excel_refuses():
    figure = PriorYearFigure("因公出国(境)费", D("1.00"), Provenance("a.xlsx", "S", 2))
    sheet = prior_year_sheet(WorkingPaper("某局", 2020, "2020-12", [], [], [], [figure], [], []))
    [(name, _)] = sheet.names
    assert name == "上年_因公出国境费"
    assert not _has_invalid_name_chars(name) and not re.search("[（）]", name)
