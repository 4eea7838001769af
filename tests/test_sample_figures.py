"""The sample's 公开01–03表 read back as the department's published figures (sample-facts.md),
through two independent readers of the cached values."""

from __future__ import annotations

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

pytestmark = pytest.mark.slow        # builds whole workbooks

# (sheet, row label, column offset from the label) → 万元, hand-checked against sample-facts.md
GOLDEN_01_INCOME = {
    "一、一般公共预算财政拨款收入": 3101.02,
    "八、其他收入": 259.81,
    "本年收入合计": 3360.83,
    "年初结转和结余": 693.55,
}
GOLDEN_01_EXPENDITURE = {
    "本年支出合计": 3502.66,
    "年末结转和结余": 551.71,
}


def _rows(values):
    return [list(r) for r in values]


def _pairs_01(rows):
    """{label: amount} for both sides of 公开01表 (label in A/D, amount in C/F)."""
    left, right = {}, {}
    for row in rows:
        row = list(row) + [None] * 6
        if isinstance(row[0], str) and row[0]:
            left[row[0]] = row[2]
        if isinstance(row[3], str) and row[3]:
            right[row[3]] = row[5]
    return left, right


def _read_openpyxl(path, sheet):
    book = openpyxl.load_workbook(path, data_only=True)
    return _rows(book[sheet].iter_rows(values_only=True))


def _read_calamine(path, sheet):
    return _rows(CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet)
                 .to_python(skip_empty_area=False))


READERS = {"openpyxl": _read_openpyxl, "calamine": _read_calamine}


@pytest.mark.parametrize("reader", READERS)
def test_01_income_side_reads_as_published(sample_workbook, reader):
    left, _ = _pairs_01(READERS[reader](sample_workbook, "公开01表"))
    for label, expected in GOLDEN_01_INCOME.items():
        assert left[label] == pytest.approx(expected, abs=1e-9), label


@pytest.mark.parametrize("reader", READERS)
def test_01_expenditure_side_reads_as_published(sample_workbook, reader):
    _, right = _pairs_01(READERS[reader](sample_workbook, "公开01表"))
    for label, expected in GOLDEN_01_EXPENDITURE.items():
        assert right[label] == pytest.approx(expected, abs=1e-9), label


@pytest.mark.parametrize("reader", READERS)
def test_01_both_totals_are_4054_37_not_the_sum_of_rounded_parts(sample_workbook, reader):
    # 3360.83 + 693.55 = 4054.38, but each printed figure is rounded on its own from 元
    left, right = _pairs_01(READERS[reader](sample_workbook, "公开01表"))
    assert left["总计"] == pytest.approx(4054.37, abs=1e-9)
    assert right["总计"] == pytest.approx(4054.37, abs=1e-9)


def _total_row(rows, column_header: str) -> dict:
    """{column header: value} of a classification table's 合计 row."""
    header = next(r for r in rows if column_header in r)
    total = next(r for r in rows if r[0] == "合计")
    return {h: v for h, v in zip(header, total) if h}


@pytest.mark.parametrize("reader", READERS)
def test_03_total_row_splits_basic_and_project(sample_workbook, reader):
    total = _total_row(READERS[reader](sample_workbook, "公开03表"), "基本支出")
    assert total["基本支出"] == pytest.approx(1333.67, abs=1e-9)
    assert total["项目支出"] == pytest.approx(2169.00, abs=1e-9)
    assert total["本年支出合计"] == pytest.approx(3502.66, abs=1e-9)


@pytest.mark.parametrize("reader", READERS)
def test_01_class_rows_give_the_published_spending_by_class(sample_workbook, reader):
    """Department spending by 类 = 一般公共预算 part (sample-facts) + the 217.66 from other funds;
    here only that the class rows add up to 本年支出合计 within rounding, and 206 dominates."""
    _, right = _pairs_01(READERS[reader](sample_workbook, "公开01表"))
    classes = {k: v for k, v in right.items() if "、" in k}
    assert len(classes) == 26
    assert sum(classes.values()) == pytest.approx(3502.66, abs=0.01 * len(classes))
    assert max(classes, key=classes.get) == "六、科学技术支出"


@pytest.mark.parametrize("reader", READERS)
def test_02_total_row_equals_01_income(sample_workbook, reader):
    total = _total_row(READERS[reader](sample_workbook, "公开02表"), "财政拨款收入")
    assert total["本年收入合计"] == pytest.approx(3360.83, abs=1e-9)
    assert total["财政拨款收入"] == pytest.approx(3101.02, abs=1e-9)
    assert total["其他收入"] == pytest.approx(259.81, abs=1e-9)
