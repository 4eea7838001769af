"""Both samples' 基础信息 sheet defines the hand-kept figures under the names of the issue-9
contract (tests/expected/<folder>.toml, written by the generator without jdzxlsx), and every
defined name of the built workbook is one XlsxWriter (and Excel) accepts."""

from __future__ import annotations

import re
import tomllib
from decimal import Decimal

import pytest
from xlsxwriter.utility import _has_invalid_name_chars

from jdzxlsx.pipeline import build
from tests.conftest import ROOT, SAMPLE

SAMPLES = sorted(p for p in (ROOT / "inputs").iterdir() if p.is_dir())


@pytest.fixture(scope="module", params=SAMPLES, ids=[p.name for p in SAMPLES])
def built(request):
    return request.param, build(request.param)


@pytest.mark.slow
def test_basic_info_defines_the_hand_kept_figures_of_the_contract(built):
    folder, result = built
    expected = tomllib.loads((ROOT / "tests" / "expected" / f"{folder.name}.toml")
                             .read_text("utf-8"))["基础信息"]
    [sheet] = [s for s in result.book.sheets if s.name == "基础信息"]
    named = {name: value for name, (_, _, value) in sheet.named_data.items()
             if name.startswith(("基础信息_三公_", "基础信息_资产_", "基础信息_采购_"))}
    assert named == {name: value if isinstance(value, int) else Decimal(value)
                     for name, value in expected.items()}
    assert all(type(value) is (int if isinstance(expected[name], int) else Decimal)
               for name, value in named.items())


@pytest.mark.slow
def test_jingdezhen_gives_the_published_sangong_and_procurement_figures():
    [sheet] = [s for s in build(SAMPLE).book.sheets if s.name == "基础信息"]
    named = {name: value for name, (_, _, value) in sheet.named_data.items()}
    assert named["基础信息_三公_公务接待费_预算数"] == Decimal("660000.00")       # 66.00 万元
    assert named["基础信息_三公_公务接待_批次"] == 391
    assert named["基础信息_三公_公务接待_人次"] == 7696
    assert named["基础信息_资产_车辆"] == 0
    assert named["基础信息_采购_货物"] == Decimal("106127.50")                  # 10.61 万元


@pytest.mark.slow
def test_every_defined_name_is_one_excel_accepts(built):
    _, result = built
    names = [name for name, _ in result.book.defined_names()]
    assert names
    refused = [n for n in names if _has_invalid_name_chars(n) or re.search("[（）【】]", n)
               or len(n) > 255]
    assert refused == []


@pytest.mark.slow
def test_every_input_name_the_tables_read_is_one_the_first_samples_sheets_give():
    """公开07/10表 read 基础信息_… names; the template accepts any name of that pattern, so a
    misspelt one would only show as 未提供: the first sample, which keeps every hand-kept
    item, must give each name the year's tables read."""
    result = build(SAMPLE)
    wanted = {name for layout in result.template.tables.values()
              for name in layout.form.external_names()}
    assert wanted and wanted <= set(result.book.data_names())
