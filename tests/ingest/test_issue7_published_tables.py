"""Last year's published 公开01表 / 公开03表 and last year's jdzxlsx workbook as prior-year
sources (issue 7): the same PriorYearFigure items, in exact 元."""

from __future__ import annotations

import shutil
from decimal import Decimal

import openpyxl
import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest import PriorYearFigure, Provenance, read_folder

D = Decimal
TITLE_01 = [["收入支出决算总表"], [None, None, None, None, None, "公开01表"],
            ["编制单位：景德镇市陶瓷产业发展局", None, None, "2019年度", None, "单位：万元"]]
HEAD_01 = [["收入", None, None, "支出", None, None],
           ["项目", "行次", "金额", "项目", "行次", "金额"],
           ["栏次", None, 1, "栏次", None, 2]]
MERGE_01 = [(3, 0, 3, 2, "收入"), (3, 3, 3, 5, "支出")]
BODY_01 = [["一、一般公共预算财政拨款收入", 1, 2871.5, "一、一般公共服务支出", 32, 1022.97],
           ["八、其他收入", 8, "291.85", "六、科学技术支出", 37, 2015.3],
           ["本年收入合计", 27, 3163.35, "本年支出合计", 58, 3038.27],
           ["使用非财政拨款结余", 28, 0, "结余分配", 59, 0],
           ["年初结转和结余", 29, 493.36, "年末结转和结余", 60, 618.44],
           ["总计", 31, 3656.71, "总计", 62, 3656.71]]


def sheet_01(files, title=TITLE_01, body=BODY_01, name="2019公开表.xlsx"):
    files.xlsx(name, {"收支总表": [*title, *HEAD_01, *body]}, merges={"收支总表": MERGE_01})


def test_published_01_gives_the_four_key_figures_in_yuan(files):
    files.in_year(2020)
    sheet_01(files)
    result = files.read()
    place = lambda row: Provenance("2019公开表.xlsx", "收支总表", row)  # noqa: E731
    assert result.prior_year == [
        PriorYearFigure("本年收入合计", D("31633500.00"), place(9)),
        PriorYearFigure("本年支出合计", D("30382700.00"), place(9)),
        PriorYearFigure("年初结转和结余", D("4933600.00"), place(11)),
        PriorYearFigure("年末结转和结余", D("6184400.00"), place(11)),
    ]
    assert result.files[0].sheets == (("收支总表", "published_01"),)
    assert result.notes == ["2019公开表.xlsx「收支总表」：金额单位为万元，已换算为元（×10000）"]
    assert result.ledger == [] and result.skipped == []


def test_published_01_of_this_year_is_skipped_with_its_reason(files):
    files.in_year(2020)
    title = [TITLE_01[0], TITLE_01[1], [TITLE_01[2][0], None, None, "2020年度", None, "单位：万元"]]
    sheet_01(files, title=title)
    result = files.read()
    assert result.prior_year == []
    assert "2020 年，不是上年（2019 年）" in result.skipped[0]


def test_financial_appropriation_summary_is_not_taken_for_table_01(files):
    files.in_year(2020)
    title = [["财政拨款收入支出决算总表"], *TITLE_01[1:]]
    sheet_01(files, title=title)
    result = files.read()
    assert result.prior_year == []
    assert "标题中有「财政拨款」" in result.skipped[0]


def test_table_01_without_any_key_row_stops_with_its_place(files):
    files.in_year(2020)
    sheet_01(files, body=BODY_01[:2])
    with pytest.raises(InputError) as caught:
        files.read()
    assert (caught.value.file, caught.value.sheet, caught.value.row) == (
        "2019公开表.xlsx", "收支总表", 6)
    assert "找不到本年收入合计" in caught.value.message


TITLE_03 = [["支出决算表"], ["编制单位：景德镇市陶瓷产业发展局", None, "2019年度", None, "单位：万元"]]
HEAD_03 = [["项目", None, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
            "对附属单位补助支出"],
           ["科目编码", "科目名称", None, None, None, None, None, None],
           ["栏次", None, 1, 2, 3, 4, 5, 6]]
MERGE_03 = [(2, 0, 2, 1, "项目")] + [(2, c, 3, c, HEAD_03[0][c]) for c in range(2, 8)]


def sheet_03(files, total_row=("合计", None, 3038.27, 1185.4321, 1852.8379, 0, 0, 0),
             title=TITLE_03):
    body = [list(total_row), ["201", "一般公共服务支出", 1022.97, 897.01, 125.96, 0, 0, 0]]
    files.xlsx("2019支出表.xlsx", {"支出": [*title, *HEAD_03, *body]}, merges={"支出": MERGE_03})


def test_published_03_gives_basic_and_project_from_its_total_row(files):
    files.in_year(2020)
    sheet_03(files)
    result = files.read()
    place = Provenance("2019支出表.xlsx", "支出", 6)
    assert result.prior_year == [PriorYearFigure("基本支出", D("11854321.00"), place),
                                 PriorYearFigure("项目支出", D("18528379.00"), place)]
    assert result.code_lists == [] and result.skipped == []


def test_published_03_without_a_total_row_stops(files):
    files.in_year(2020)
    sheet_03(files, total_row=("2011301", "行政运行", 1, 1, 0, 0, 0, 0))
    with pytest.raises(InputError) as caught:
        files.read()
    assert "找不到「合计」行" in caught.value.message
    assert (caught.value.sheet, caught.value.column) == ("支出", 1)


def test_table_05_of_appropriations_only_is_not_taken_for_table_03(files):
    files.in_year(2020)
    sheet_03(files, title=[["一般公共预算财政拨款支出决算表"], TITLE_03[1]])
    result = files.read()
    assert result.prior_year == []
    assert "标题中有「财政拨款」" in result.skipped[0]


def test_table_01_and_key_figure_sheet_together_give_their_items_twice(files):
    """Both forms present: each item twice, which the working paper refuses (出现了两次)."""
    files.in_year(2020)
    sheet_01(files)
    files.xlsx("上年数.xlsx", {"S": [["项目", "2019年决算数（元）"], ["本年收入合计", 31633500]]})
    items = [f.item for f in files.read().prior_year]
    assert items.count("本年收入合计") == 2


# --- last year's jdzxlsx workbook --------------------------------------------------------

def jdzxlsx_book(files, year=2019, name="上年决算.xlsx"):
    """The layout jdzxlsx writes: 万元 tables with their 元 columns beside them, and a 底稿 that
    looks like a ledger (it must never be read as one)."""
    title = [["收入支出决算总表"], [None] * 5 + ["公开01表"],
             ["编制单位：景德镇市陶瓷产业发展局", None, None, f"{year}年度", None, "单位：万元"]]
    head = [["收入", None, None, "支出", None, None, None, "计算列（元，勿打印）：万元数 = ROUND(元/10000,2)"],
            ["项目", "行次", "金额", "项目", "行次", "金额", None, "收入金额（元）", "支出金额（元）"],
            ["栏次", "", 1, "栏次", "", 2]]
    body = [["本年收入合计", 27, 3360.83, "本年支出合计", 58, 3502.66, None, 33608270.92, 35026628.14],
            ["年初结转和结余", 29, 693.55, "年末结转和结余", 60, 551.71, None, 6935461.57, 5517104.35]]
    t03 = [["支出决算表"], [None] * 7 + ["公开03表"],
           ["编制单位：景德镇市陶瓷产业发展局", None, None, None, f"{year}年度", None, None, "单位：万元"],
           ["项目", None, "本年支出合计", "基本支出", "项目支出", "上缴上级支出", "经营支出",
            "对附属单位补助支出", None, "计算列（元，勿打印）：万元数 = ROUND(元/10000,2)"],
           ["科目编码", "科目名称"] + [None] * 7 + ["本年支出合计（元）", "基本支出（元）", "项目支出（元）"],
           ["栏次", None, 1, 2, 3, 4, 5, 6],
           ["合计", None, 3502.66, 1333.67, 2169.0, 0, 0, 0, None, 35026628.14, 13336661.85,
            21689966.29]]
    merges_03 = [(3, 0, 3, 1, "项目"), (6, 0, 6, 1, "合计")]
    merges_03 += [(3, c, 4, c, t03[3][c]) for c in range(2, 8)]
    ledgerish = [["单位", "期间", "方向", "会计科目", "凭证号", "摘要", "借方", "贷方"],
                 ["景德镇市陶瓷产业发展局", "2019年第01期", "收入", "6101 财政拨款预算收入", "记-1", "拨款", 0, 100]]
    sheets = {"目录": [[f"景德镇市陶瓷产业发展局{year}年度部门决算"]],
              "公开01表": [*title, *head, *body], "公开03表": t03,
              "核对表": [["核对表"]], "底稿": ledgerish,
              "上年数": [["项目", "上年决算数（元）"], ["本年收入合计", 1]]}
    files.xlsx(name, sheets, merges={"公开01表": [(3, 0, 3, 2, "收入"), (3, 3, 3, 5, "支出")],
                                     "公开03表": merges_03})


def test_last_years_workbook_gives_its_key_figures_in_exact_yuan_and_nothing_else(files):
    files.in_year(2020)
    jdzxlsx_book(files)
    result = files.read()
    assert [(f.item, f.amount, f.source.sheet, f.source.row) for f in result.prior_year] == [
        ("本年收入合计", D("33608270.92"), "公开01表", 7),
        ("本年支出合计", D("35026628.14"), "公开01表", 7),
        ("年初结转和结余", D("6935461.57"), "公开01表", 8),
        ("年末结转和结余", D("5517104.35"), "公开01表", 8),
        ("基本支出", D("13336661.85"), "公开03表", 7),
        ("项目支出", D("21689966.29"), "公开03表", 7),
    ]
    assert (result.ledger, result.balances, result.budget, result.skipped) == ([], [], [], [])
    assert result.files[0].sheets == (("公开01表", "published_01"), ("公开03表", "published_03"))
    assert result.notes[0] == ("上年决算.xlsx：是 jdzxlsx 生成的 2019 年度部门决算工作簿，作为上年数读取"
                               "其公开01表、公开03表；其余工作表（目录、核对表、底稿、上年数）不读取")


@pytest.mark.parametrize("book_year, words", [(2020, "是本年度（2020 年）的，其数据会与本目录中的账重复计算"),
                                              (2018, "不是上年（2019 年）的")])
def test_a_workbook_of_another_year_is_refused(files, book_year, words):
    files.in_year(2020)
    jdzxlsx_book(files, year=book_year)
    with pytest.raises(InputError) as caught:
        files.read()
    assert (caught.value.file, caught.value.sheet) == ("上年决算.xlsx", "公开01表")
    assert words in caught.value.message
    assert "请把它移出输入目录" in caught.value.hint


def test_a_table_of_last_years_workbook_that_cannot_be_read_stops_with_its_reason(files):
    """Its 公开03表 edited out of shape: no kind at all — said with the sheet, not a crash."""
    files.in_year(2020)
    jdzxlsx_book(files)
    book = openpyxl.load_workbook(files.folder / "上年决算.xlsx")
    sheet = book["公开03表"]
    sheet.delete_rows(1, sheet.max_row)
    sheet["A1"] = "随手记的备注"
    book.save(files.folder / "上年决算.xlsx")
    with pytest.raises(InputError) as caught:
        files.read()
    assert (caught.value.file, caught.value.sheet) == ("上年决算.xlsx", "公开03表")
    assert "无法按上年公开表读取" in caught.value.message


@pytest.mark.slow
def test_the_sample_workbook_read_as_next_years_prior_year(sample_workbook, tmp_path):
    folder = tmp_path / "景德镇市陶瓷产业发展局-2021"
    folder.mkdir()
    shutil.copy(sample_workbook, folder / "2020决算.xlsx")
    result = read_folder(folder, year=2021)
    figures = {f.item: f.amount for f in result.prior_year}
    assert figures == {"本年收入合计": D("33608270.92"), "本年支出合计": D("35026628.14"),
                       "年初结转和结余": D("6935461.57"), "年末结转和结余": D("5517104.35"),
                       "基本支出": D("13336661.85"), "项目支出": D("21689966.29")}
    assert result.ledger == [] and result.skipped == []
