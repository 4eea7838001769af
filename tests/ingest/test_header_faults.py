"""Issue 8: a sheet that clearly is a ledger (balance, budget …) is read or stops the build.

"Clearly" is data: a kind's ``resembles`` in input_kinds.toml (how many of its require groups
the header touches). Only a sheet that resembles no kind is listed and skipped.
"""

from __future__ import annotations

import pytest

from jdzxlsx.errors import InputError, TemplateError
from jdzxlsx.ingest.identify import Unidentified, identify
from jdzxlsx.ingest.kinds import catalogue, parse_catalogue
from jdzxlsx.ingest.readers import RawSheet

HINT = ("请补上缺少的列、改正列名（两列同名时把不用的一列改名，如在列名前加「备注」）后重新运行；"
        "如这张表不需要读取，请把文件移出输入目录，或在 jdzxlsx.toml 的「忽略」中写上文件名。")
GOOD = [["期间：2020年02月"], ["日期", "凭证号", "摘要", "科目编码", "借方", "贷方"],
        ["2020-02-03", "记-1", "付款", "7101", 10, None]]


def refused(files, rows, **sheets) -> InputError:
    files.xlsx("明细账_2020年03月.xlsx", {"三月": rows, **sheets})
    with pytest.raises(InputError) as caught:
        files.read()
    return caught.value


def test_ledger_with_two_debit_columns_and_no_credit_stops_naming_both(files):
    error = refused(files, [["期间：2020年03月"],
                            ["日期", "凭证号", "摘要", "科目编码", "借方", "借方"],
                            ["2020-03-01", "记-1", "付款", "7101", 10, 20]])
    assert (error.file, error.sheet, error.row, error.column) == (
        "明细账_2020年03月.xlsx", "三月", 2, 6)
    assert error.message == (
        "这张表看起来是「明细账」（第 2 行是表头），但无法读取：缺少「贷方」列；"
        "「借方」（第 E 列）和「借方」（第 F 列）都是「借方」列，无法判断用哪一列。"
        "找到的列：「日期」（第 A 列）、「凭证号」（第 B 列）、「摘要」（第 C 列）、"
        "「科目编码」（第 D 列）、「借方」（第 E 列）、「借方」（第 F 列）")
    assert error.hint == HINT


def test_two_debit_columns_under_a_merged_amount_header_name_both_header_rows(files):
    rows = [["期间：2020年03月"], ["日期", "凭证号", "摘要", "科目", "金额", None],
            [None, None, None, None, "借方", "借方"], ["2020-03-01", "记-1", "付款", "7101", 10, 20]]
    merges = [(1, c, 2, c, text) for c, text in enumerate(rows[1][:4])] + [(1, 4, 1, 5, "金额")]
    files.xlsx("明细账_2020年03月.xlsx", {"三月": rows}, merges={"三月": merges})
    with pytest.raises(InputError) as caught:
        files.read()
    error = caught.value
    assert (error.row, error.column) == (3, 6)
    assert error.message.startswith(
        "这张表看起来是「明细账」（第 2～3 行是表头），但无法读取：缺少「贷方」列；"
        "「金额/借方」（第 E 列）和「金额/借方」（第 F 列）都是「借方」列")


def test_ledger_without_an_account_column_stops(files):
    error = refused(files, [["期间：2020年03月"], ["日期", "凭证号", "摘要", "借方", "贷方"],
                            ["2020-03-01", "记-1", "付款", 10, None]])
    assert (error.row, error.column) == (2, None)
    assert "缺少「科目」或「科目编码」或「科目名称」列。" in error.message


def test_ledger_with_an_amount_but_no_direction_stops(files):
    error = refused(files, [["期间：2020年03月"], ["日期", "凭证号", "摘要", "科目编码", "金额"],
                            ["2020-03-01", "记-1", "付款", "7101", 10]])
    assert "但无法读取：缺少「方向」列。" in error.message


def test_a_faulty_ledger_sheet_stops_the_whole_read_even_beside_good_sheets(files):
    error = refused(files, [["日期", "摘要", "借方", "借方"], ["2020-03-01", "付款", 1, 2]],
                    二月=GOOD)
    assert error.sheet == "三月"


def test_balance_without_directions_stops(files):
    rows = [["期间：2020年01月"], ["科目编码", "科目名称", "期初余额", "期末余额"],
            ["1001", "库存现金", 5, 6]]
    files.xlsx("余额表.xlsx", {"余额": rows})
    with pytest.raises(InputError) as caught:
        files.read()
    assert caught.value.message.startswith(
        "这张表看起来是「科目余额表」（第 2 行是表头），但无法读取：缺少「期初余额/方向」列。")


def test_sheet_resembling_no_kind_is_still_skipped_with_its_reason(files):
    files.xlsx("a.xlsx", {"备注": [["日期", "摘要", "经办人"], ["2020-01-02", "买茶叶", "张三"]],
                          "二月": GOOD})
    result = files.read()
    assert len(result.ledger) == 1
    [reason] = result.skipped
    assert reason.startswith("a.xlsx「备注」: 不是可识别的表：最接近「明细账」")


def test_identify_keeps_the_faulty_candidate_for_the_folder_reader():
    sheet = RawSheet("S", [["日期", "摘要", "科目", "借方", "借方"]])
    found = identify(sheet, catalogue())
    assert isinstance(found, Unidentified)
    assert found.faulty is not None and found.faulty.kind.id == "ledger"
    assert [(name, a.index, b.index) for name, a, b in found.faulty.duplicates] == [("debit", 3, 4)]


def test_a_kind_without_resembles_never_stops_a_sheet():
    """项目 | 金额 of this year (a 三公 budget) is not last year's figures: skipped, not refused."""
    sheet = RawSheet("S", [["2020年三公经费预算"], ["项目", "金额"], ["公务接待费", 3000]])
    found = identify(sheet, catalogue(), year=2020)
    assert isinstance(found, Unidentified) and found.faulty is None


@pytest.mark.parametrize("kind,groups", [("ledger", 2), ("balance", 2), ("budget", 2),
                                         ("units", 2), ("staffing", 2), ("prior_year", 0),
                                         ("code_list", 0)])
def test_which_kinds_are_never_skipped_is_data(kind, groups):
    assert {k.id: k.resembles for k in catalogue().kinds}[kind] == groups


def test_catalogue_refuses_resembles_beyond_its_require_groups():
    data = {"kinds": {"k": {"require": [["a"]], "resembles": 2,
                            "fields": {"a": {"type": "text", "aliases": ["甲"]}}}}}
    with pytest.raises(TemplateError, match="resembles 应为 0～1"):
        parse_catalogue(data)


def test_a_header_meeting_two_kinds_equally_stops_naming_both(files):
    files.xlsx("基础信息.xlsx", {"S": [["单位名称", "单位性质", "人员类别", "编制数"],
                                      ["甲局", "行政", "行政编制", 5]]})
    with pytest.raises(InputError) as caught:
        files.read()
    assert caught.value.message == (
        "这张表看起来是「预算单位」（第 1 行是表头），但无法读取：表头同时符合「预算单位」和「人员编制」，"
        "无法判断是哪一种，请删去多余的列。找到的列：「单位名称」（第 A 列）、「单位性质」（第 B 列）")
