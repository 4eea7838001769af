"""identify: a sheet's kind comes from its headers; title rows give unit, period, money unit."""

from __future__ import annotations

from decimal import Decimal

import pytest

from jdzxlsx.errors import TemplateError
from jdzxlsx.ingest.headers import MergedCells, header_columns, title_info
from jdzxlsx.ingest.identify import Identified, Unidentified, identify
from jdzxlsx.ingest.kinds import catalogue, parse_catalogue
from jdzxlsx.ingest.readers import RawSheet

LEDGER_HEADER = ["日期", "凭证号", "摘要", "科目", "借方", "贷方"]


def test_two_row_header_is_flattened_from_the_real_merged_ranges():
    sheet = RawSheet("明细", [
        ["日期", "金额", None, "期初余额", None],
        [None, "借方", "贷方", "方向", "金额"],
    ], merged=[(0, 0, 1, 0), (0, 1, 0, 2), (0, 3, 0, 4)])
    columns = header_columns(sheet, MergedCells(sheet), 0, 2)
    assert [c.text for c in columns] == ["日期", "金额/借方", "金额/贷方", "期初余额/方向",
                                         "期初余额/金额"]


def test_header_is_found_under_title_rows_with_two_rows_when_merged():
    sheet = RawSheet("明细", [
        ["景德镇市陶瓷产业发展局 明细账"], ["期间：2020年01月"], ["金额单位：元"],
        ["日期", "凭证号", "摘要", "科目", "金额", None],
        [None, None, None, None, "借方", "贷方"],
        ["2020-01-02", "记-1", "收到拨款", "6001", None, 100],
    ], merged=[(0, 0, 0, 5), (3, 0, 4, 0), (3, 1, 4, 1), (3, 2, 4, 2), (3, 3, 4, 3),
               (3, 4, 3, 5)])
    found = identify(sheet, catalogue())
    assert isinstance(found, Identified)
    assert found.kind.id == "ledger"
    assert found.data_row == 5
    assert found.columns["debit"].text == "金额/借方"
    assert found.columns["credit"].index == 5


def test_title_row_just_above_a_one_row_header_is_not_taken_for_header():
    sheet = RawSheet("明细", [["金额单位：万元"], LEDGER_HEADER, ["2020-01-02"]])
    found = identify(sheet, catalogue())
    assert (found.header_row, found.depth) == (1, 1)


def test_title_rows_give_unit_period_and_money_unit():
    info = title_info(["单位：景德镇市陶瓷产业发展局", "会计期间：2020-07", "金额单位：万元"])
    assert (info.unit, info.period, info.year) == ("景德镇市陶瓷产业发展局", "2020-07", 2020)
    assert info.money_scale == Decimal(10000)


def test_unit_and_period_may_share_one_title_cell():
    info = title_info(["编制单位：甲局   期间：2020年01月至2020年12月   单位：元"])
    assert (info.unit, info.period, info.money_scale) == ("甲局", "2020-01", Decimal(1))


def test_unit_named_before_the_report_title():
    info = title_info(["景德镇市陶瓷产业发展局 明细账", "2020年01月"])
    assert (info.unit, info.period) == ("景德镇市陶瓷产业发展局", "2020-01")


def test_print_date_in_the_title_is_not_the_period():
    info = title_info(["打印日期：2021-01-05", "2020年度"])
    assert (info.period, info.year) == ("", 2020)


def test_sheet_matching_no_kind_says_which_kind_was_closest_and_what_is_missing():
    sheet = RawSheet("备注", [["日期", "摘要", "经办人"], ["2020-01-02", "买茶叶", "张三"]])
    found = identify(sheet, catalogue())
    assert isinstance(found, Unidentified)
    assert "最接近「明细账」" in found.reason
    assert "借方+贷方 或 金额+方向" in found.reason


def test_sheet_without_any_known_header_is_unidentified():
    found = identify(RawSheet("杂项", [["随便", "写写"], [1, 2]]), catalogue())
    assert isinstance(found, Unidentified)
    assert "找不到可识别的表头" in found.reason


def test_empty_sheet_is_unidentified_as_empty():
    assert identify(RawSheet("Sheet2", [[None, ""]]), catalogue()).reason == "空工作表"


def test_header_unit_suffix_is_dropped_for_matching_and_kept_as_scale():
    sheet = RawSheet("指标", [["功能分类科目", "年初预算数（万元）"], ["2011301 行政运行", 12.5]])
    found = identify(sheet, catalogue())
    assert found.kind.id == "budget"
    assert found.columns["initial"].scale == Decimal(10000)


def test_packaged_catalogue_declares_its_kinds_and_four_fund_sources():
    kinds = catalogue()
    assert [k.id for k in kinds.kinds] == ["ledger", "balance", "budget", "prior_year", "units",
                                          "staffing", "code_list", "published_01",
                                          "published_03", "published_02", "sangong_budget",
                                          "sangong_counts", "assets", "procurement",
                                          "performance_basis", "performance"]
    assert kinds.vocabularies["fund_source"].canonical == (
        "一般公共预算财政拨款", "政府性基金预算财政拨款", "国有资本经营预算财政拨款", "非财政拨款")
    resolve = kinds.vocabularies["fund_source"].resolve
    assert resolve("财政拨款—一般公共预算") == "一般公共预算财政拨款"
    assert resolve("政府性基金") == "政府性基金预算财政拨款"
    assert resolve("自有资金") == "非财政拨款"
    assert resolve("财政资金") is None


def test_catalogue_refuses_an_alias_given_to_two_fields():
    data = {"kinds": {"k": {"fields": {
        "a": {"type": "text", "aliases": ["摘要"]},
        "b": {"type": "text", "aliases": ["摘 要"]}}}}}
    with pytest.raises(TemplateError):
        parse_catalogue(data)


def test_title_and_label_words_are_vocabulary_in_the_catalogue():
    words = catalogue().words
    assert "编制单位" in words.unit_keys and "会计期间" in words.period_keys
    assert dict(words.money_units) == {"万元": 10000, "元": 1}
    custom = parse_catalogue({"words": {"unit_keys": ["主管部门"], "money_units": {"千元": 1000},
                                        "label_prefixes": ["含"]},
                              "values": {"v": {"甲": []}}})
    info = title_info(["主管部门：乙局", "金额单位：千元"], custom.words)
    assert (info.unit, info.money_scale) == ("乙局", Decimal(1000))
    assert custom.vocabularies["v"].resolve("含：甲") == "甲"


def test_title_period_range_is_kept_as_first_and_last_month():
    info = title_info(["会计期间：2020年1-12月"])
    assert (info.period, info.period_end, info.is_range) == ("2020-01", "2020-12", True)
    assert not title_info(["期间：2020年03月"]).is_range


def test_kind_may_take_shared_fields_and_override_them():
    data = {"fields": {"fund": {"type": "text", "aliases": ["资金性质"]}},
            "kinds": {"k": {"shared": ["fund"], "fields": {"fund": {"aliases": ["资金"]}}}}}
    kind = parse_catalogue(data).kinds[0]
    assert kind.fields["fund"].aliases == ("资金",) and kind.fields["fund"].type == "text"
    with pytest.raises(TemplateError):
        parse_catalogue({"kinds": {"k": {"shared": ["nothing"]}}})
