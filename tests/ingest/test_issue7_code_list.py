"""The office's own code list (issue 7): a 科目编码 | 科目名称 sheet exported from its software
becomes CodeEntry rows; it never takes a trial balance's or a ledger's place, nor they its."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest import Provenance
from jdzxlsx.ingest.records import CodeEntry

D = Decimal


def read(files, rows, title=(), sheet="代码表"):
    files.xlsx("科目代码.xlsx", {sheet: [*title, *rows]})
    return files.read()


def test_code_list_by_code_shape(files):
    result = read(files, [["科目编码", "科目名称"], [2050803, "培训支出"], ["2070104", "图书馆"],
                          ["205", "教育支出"], ["30101", "基本工资"], ["302", "商品和服务支出"]])
    place = lambda row: Provenance("科目代码.xlsx", "代码表", row)  # noqa: E731
    assert result.code_lists == [
        CodeEntry("功能", "2050803", "培训支出", place(2)), CodeEntry("功能", "2070104", "图书馆", place(3)),
        CodeEntry("功能", "205", "教育支出", place(4)), CodeEntry("经济", "30101", "基本工资", place(5)),
        CodeEntry("经济", "302", "商品和服务支出", place(6))]
    assert result.files[0].sheets == (("代码表", "code_list"),)
    assert (result.ledger, result.balances, result.skipped) == ([], [], [])


def test_title_word_decides_the_classification(files):
    # 30101 would be 经济 by its shape; the title says these are 功能 codes of some odd list
    result = read(files, [["科目编码", "科目名称"], ["2011301", "行政运行"], ["20113", "商贸事务"]],
                  title=[["2020年支出功能分类科目"]])
    assert [(e.kind, e.code) for e in result.code_lists] == [("功能", "2011301"), ("功能", "20113")]


@pytest.mark.parametrize("header, kind", [
    (["功能分类科目编码", "功能分类科目名称"], "功能"), (["功能科目编码", "功能科目名称"], "功能"),
    (["经济分类科目编码", "经济分类科目名称"], "经济"), (["部门经济分类科目编码", "部门经济分类科目名称"], "经济"),
])
def test_classification_columns_say_which(files, header, kind):
    result = read(files, [header, ["3029901", "其他"]])   # a code the shape rule could not place
    assert [(e.kind, e.code, e.name) for e in result.code_lists] == [(kind, "3029901", "其他")]


def test_both_classifications_side_by_side(files):
    result = read(files, [["功能科目编码", "功能科目名称", "经济科目编码", "经济科目名称"],
                          ["2011301", "行政运行", "30101", "基本工资"],
                          ["2011302", "一般行政管理事务", None, None]])
    assert [(e.kind, e.code) for e in result.code_lists] == [
        ("功能", "2011301"), ("经济", "30101"), ("功能", "2011302")]


def test_bare_code_and_name_under_a_classification_title(files):
    result = read(files, [["编码", "名称"], ["30216", "培训费"], ["30217", "公务接待费"]],
                  title=[["政府收支分类科目——支出经济分类"]])
    assert [(e.kind, e.code, e.name) for e in result.code_lists] == [
        ("经济", "30216", "培训费"), ("经济", "30217", "公务接待费")]


def test_bare_code_and_name_without_such_a_title_is_skipped(files):
    result = read(files, [["编码", "名称"], ["001", "张三"]], title=[["职工名册"]])
    assert result.code_lists == []
    [reason] = result.skipped
    assert "只有「编码」、「名称」列" in reason and "不按「科目代码表」读取" in reason


def test_code_and_name_in_one_cell(files):
    result = read(files, [["科目编码", "科目名称"], ["[2080505]机关事业单位基本养老保险缴费支出", None]])
    assert [(e.kind, e.code, e.name) for e in result.code_lists] == [
        ("功能", "2080505", "机关事业单位基本养老保险缴费支出")]


def test_chart_of_accounts_is_skipped_with_its_reason(files):
    result = read(files, [["科目编码", "科目名称"], ["1001", "库存现金"], ["8101", "财政拨款结转"]])
    assert result.code_lists == []
    [reason] = result.skipped
    assert reason.startswith("科目代码.xlsx「代码表」: 编码（1001、8101…）既不是支出功能分类")


def test_a_code_neither_functional_nor_economic_among_others_stops_with_its_place(files):
    with pytest.raises(InputError) as caught:
        read(files, [["科目编码", "科目名称"], ["2011301", "行政运行"], ["8101", "财政拨款结转"]])
    error = caught.value
    assert (error.file, error.sheet, error.row, error.column) == ("科目代码.xlsx", "代码表", 3, 1)
    assert "「8101」既不是支出功能分类" in error.message


def test_a_name_without_a_code_stops_with_its_place(files):
    with pytest.raises(InputError) as caught:
        read(files, [["科目编码", "科目名称"], ["2011301", "行政运行"], [None, "说明：本表"]])
    assert (caught.value.row, caught.value.column) == (3, 1)


# --- never steal another kind's sheet, nor lose one to another ------------------------------

def test_trial_balance_with_code_and_name_stays_a_balance(files):
    rows = [["期间：2020年01月"], ["科目编码", "科目名称", "期初余额", "期初方向"],
            ["8101", "财政拨款结转", 100, "贷"]]
    files.xlsx("余额表.xlsx", {"S": rows})
    result = files.read()
    assert [(b.account_code, b.opening) for b in result.balances] == [("8101", D("-100.00"))]
    assert result.code_lists == []


def test_ledger_with_code_and_name_stays_a_ledger(files):
    rows = [["期间：2020年01月"], ["日期", "凭证号", "摘要", "科目编码", "科目名称", "借方", "贷方"],
            ["2020-01-05", "记-1", "工资", "7101", "行政支出", 10, 0]]
    files.xlsx("明细.xlsx", {"S": rows})
    result = files.read()
    assert [line.account_code for line in result.ledger] == ["7101"]
    assert result.code_lists == []


@pytest.mark.parametrize("amount_header", ["期末余额", "年初预算数"])
def test_code_and_name_with_any_amount_column_is_never_a_code_list(files, amount_header):
    result = read(files, [["科目编码", "科目名称", amount_header], ["2011301", "行政运行", 5]])
    assert result.code_lists == []
    assert result.ledger == [] and result.balances == []
    [reason] = result.skipped
    assert "缺少列" in reason


@pytest.mark.parametrize("amount_header", ["金额", "借方"])
def test_code_and_name_with_a_ledger_amount_column_stops_as_an_incomplete_ledger(files,
                                                                                  amount_header):
    """科目 and a 借方/金额 column touch two of a ledger's three column groups (issue 8): the
    sheet is never a code list, and never skipped either."""
    with pytest.raises(InputError) as caught:
        read(files, [["科目编码", "科目名称", amount_header], ["2011301", "行政运行", 5]])
    assert caught.value.message.startswith("这张表看起来是「明细账」（第 1 行是表头），但无法读取："
                                           "缺少「日期」或「月份」或「月」或「凭证号」或「摘要」列")


def test_budget_with_function_code_and_name_stays_a_budget(files):
    rows = [["功能科目编码", "功能科目名称", "年初预算数"], ["2011301", "行政运行", 10]]
    result = read(files, rows)
    assert [(b.function_code, b.initial) for b in result.budget] == [("2011301", D("10.00"))]
    assert result.code_lists == []
