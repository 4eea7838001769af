"""Bad input stops with an InputError naming file, sheet, row, column, expectation and finding."""

from __future__ import annotations

import pytest

from jdzxlsx.errors import InputError

HEADER = ["日期", "摘要", "科目编码", "资金性质", "借方金额", "贷方金额"]


def ledger(files, line):
    files.xlsx("3月.xlsx", {"明细账": [["期间：2020年03月"], HEADER, line]})
    with pytest.raises(InputError) as caught:
        files.read()
    return caught.value


def test_unknown_fund_source_in_a_budget_names_the_cell_and_lists_the_accepted_values(files):
    files.xlsx("预算.xlsx", {"预算指标": [
        ["预算单位", "功能分类科目", "经济分类科目", "资金性质", "支出类型", "年初预算数"],
        ["局本级", "2011301 行政运行", "30101 基本工资", "财政资金", "基本支出", 100]]})
    with pytest.raises(InputError) as caught:
        files.read()
    error = caught.value
    assert (error.file, error.sheet, error.row, error.column) == ("预算.xlsx", "预算指标", 2, 4)
    assert "「资金性质」列应为资金性质之一" in error.message
    assert "一般公共预算财政拨款、政府性基金预算财政拨款、国有资本经营预算财政拨款、非财政拨款" \
        in error.message
    assert "实际为「财政资金」" in error.message
    assert "单位资金" in error.hint          # the accepted spellings are listed
    text = str(error)
    assert text.startswith("文件「预算.xlsx」，工作表「预算指标」，第 2 行，第 D 列：")
    assert "处理办法" in text


def test_unknown_fund_source_on_a_ledger_line_is_kept_as_written_for_the_checks(files):
    files.xlsx("3月.xlsx", {"明细账": [["期间：2020年03月"], HEADER,
                                     ["2020-03-02", "付款", "7101", "财政资金", 10, None]]})
    (line,) = files.read().ledger
    assert line.fund_source == "财政资金"


def test_non_numeric_amount_names_the_cell(files):
    error = ledger(files, ["2020-03-02", "付款", "7101", "一般公共预算", "一千元", None])
    assert (error.file, error.sheet, error.row, error.column) == ("3月.xlsx", "明细账", 3, 5)
    assert "「借方金额」列应为金额" in error.message
    assert "实际为「一千元」" in error.message
    assert "空白或「-」表示零" in error.hint


def test_bad_date_names_the_cell(files):
    error = ledger(files, ["2020-13-45", "付款", "7101", "", 1, None])
    assert (error.row, error.column) == (3, 1)
    assert "日期" in error.message


def test_wrong_value_inside_the_auxiliary_string_names_the_auxiliary_column(files):
    files.xlsx("a.xlsx", {"S": [
        ["期间：2020年03月"], ["日期", "科目编码", "辅助核算", "借方", "贷方"],
        ["2020-03-02", "7101", "【支出类型:其他经费】", 1, None]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert (caught.value.row, caught.value.column) == (3, 3)
    assert "「支出类型」为支出类型之一" in caught.value.message


def test_missing_period_asks_for_a_title_row(files):
    files.xlsx("a.xlsx", {"S": [["凭证号", "摘要", "科目编码", "借方", "贷方"],
                                ["记-1", "付款", "7101", 1, None]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert caught.value.row == 2
    assert "期间" in caught.value.hint


def test_nonzero_amount_without_direction_is_an_error(files):
    files.xlsx("a.xlsx", {"S": [["期间：2020年03月"], ["日期", "科目编码", "金额", "方向"],
                                ["2020-03-02", "7101", 5, ""]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert (caught.value.row, caught.value.column) == (3, 4)


def test_unreadable_file_is_an_input_error_not_a_traceback(files):
    files.bytes("坏.xls", b"\xd0\xcf\x11\xe0" + b"\x00" * 100)
    with pytest.raises(InputError) as caught:
        files.read()
    assert caught.value.file == "坏.xls"
    assert "文件已损坏或不完整" in caught.value.message
    assert "Cannot detect" not in str(caught.value)
    assert caught.value.hint


def test_missing_folder_is_an_input_error(tmp_path):
    from jdzxlsx.ingest import read_folder
    with pytest.raises(InputError):
        read_folder(tmp_path / "没有这个文件夹")
