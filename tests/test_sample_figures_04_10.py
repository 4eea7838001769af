"""The sample's 公开04–10表 read back as the department's published figures (sample-facts.md),
through two independent readers of the cached values, and printed by LibreOffice on the
expected number of pages."""

from __future__ import annotations

import openpyxl
import pytest
from python_calamine import CalamineWorkbook

from tests import oracle
from tests.conftest import require_libreoffice

pytestmark = pytest.mark.slow        # builds whole workbooks

GOLDEN_04_GENERAL = {                # 一般公共预算财政拨款 column of 公开04表 (万元)
    "一、一般公共服务支出": 990.37,
    "六、科学技术支出": 2039.77,
    "八、社会保障和就业支出": 74.89,
    "九、卫生健康支出": 41.90,
    "十九、住房保障支出": 55.49,
    "二十三、其他支出": 82.58,
    "本年支出合计": 3285.00,
}
GOLDEN_06 = {"301": 1120.79, "302": 41.22, "303": 171.65, "310": 0.0,
             "人员经费合计": 1292.44, "公用经费合计": 41.22}


def _read_openpyxl(path, sheet):
    book = openpyxl.load_workbook(path, data_only=True)
    return [list(r) for r in book[sheet].iter_rows(values_only=True)]


def _read_calamine(path, sheet):
    return [list(r) for r in CalamineWorkbook.from_path(str(path)).get_sheet_by_name(sheet)
            .to_python(skip_empty_area=False)]


READERS = {"openpyxl": _read_openpyxl, "calamine": _read_calamine}


def _beside(rows, label, offset):
    """The value ``offset`` columns right of the cell holding ``label``."""
    for row in rows:
        for col, value in enumerate(row):
            if value == label:
                return row[col + offset]
    raise AssertionError(f"{label} not found")


@pytest.mark.parametrize("reader", READERS)
def test_04_general_budget_spending_reads_as_published(sample_workbook, reader):
    rows = READERS[reader](sample_workbook, "公开04表")
    header = next(r for r in rows if "一般公共预算财政拨款" in r and "合计" in r)
    column = header.index("一般公共预算财政拨款")
    for label, expected in GOLDEN_04_GENERAL.items():
        row = next(r for r in rows if label in r)
        assert row[column] == pytest.approx(expected, abs=1e-9), label
    assert _beside(rows, "一、一般公共预算财政拨款", 2) == pytest.approx(3101.02)


@pytest.mark.parametrize("reader", READERS)
def test_05_total_and_basic_spending_read_as_published(sample_workbook, reader):
    rows = READERS[reader](sample_workbook, "公开05表")
    assert _beside(rows, "合计", 2) == pytest.approx(3285.00)
    assert _beside(rows, "合计", 3) == pytest.approx(1333.67)


@pytest.mark.parametrize("reader", READERS)
def test_06_economic_classes_and_group_totals_read_as_published(sample_workbook, reader):
    rows = READERS[reader](sample_workbook, "公开06表")
    for label, expected in GOLDEN_06.items():
        offset = 2 if label.isdigit() else (2 if label.startswith("人员") else 5)
        assert _beside(rows, label, offset) == pytest.approx(expected, abs=1e-9), label


@pytest.mark.parametrize("reader", READERS)
def test_07_budget_and_spending_are_all_official_reception(sample_workbook, reader):
    rows = READERS[reader](sample_workbook, "公开07表")
    numbers = next(i for i, r in enumerate(rows) if r[:3] == [1, 2, 3])
    data = rows[numbers + 1][:12]
    assert data == pytest.approx([66.00, 0, 0, 0, 0, 66.00, 21.70, 0, 0, 0, 0, 21.70])


@pytest.mark.parametrize("reader", READERS)
def test_08_and_09_carry_the_official_no_data_note(sample_workbook, reader):
    for sheet in ("公开08表", "公开09表"):
        rows = READERS[reader](sample_workbook, sheet)
        notes = [v for r in rows for v in r if isinstance(v, str) and "故本表无数据" in v]
        assert len(notes) == 1, sheet
        total = next(r for r in rows if r[0] == "合计")
        assert total[2:4] == [0, 0]


@pytest.mark.parametrize("reader", READERS)
def test_10_is_present_with_no_vehicles(sample_workbook, reader):
    rows = READERS[reader](sample_workbook, "公开10表")
    assert _beside(rows, "车辆", 3) == 0
    assert _beside(rows, "车辆", 2) == "辆"


def test_contents_lists_all_ten_tables(sample_workbook):
    rows = _read_openpyxl(sample_workbook, "目录")
    listed = [r[1] for r in rows if isinstance(r[1], str) and r[1].startswith("公开")]
    assert listed == [f"公开{n:02d}表" for n in range(1, 11)]


def test_libreoffice_prints_each_table_on_one_numbered_page(sample_workbook, tmp_path):
    """A4 landscape, one page wide: each of the sample's ten tables (公开03表 has 34 rows) on
    one page, numbered from 1 on its own sheet."""
    require_libreoffice()
    pages = oracle.pages_by_sheet(oracle.to_pdf(sample_workbook, tmp_path))
    for n in range(1, 11):
        assert pages[f"公开{n:02d}表"] == [1], n
    assert pages["核对表"][:2] == [1, 2]          # a long sheet runs on, numbered per sheet
