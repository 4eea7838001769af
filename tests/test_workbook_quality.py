"""What an accountant sees when opening or printing the workbook."""

from __future__ import annotations

import re
import zipfile

import openpyxl
import pytest

from jdzxlsx import __version__

pytestmark = pytest.mark.slow        # builds whole workbooks

TABLES = [f"公开{n:02d}表" for n in range(1, 11)]
HEADER_ROWS = {"公开07表": 4}     # 预算数 / 公务用车购置及运行费 / 小计, then 栏次; the others 3


@pytest.fixture(scope="module")
def book(sample_workbook):
    return openpyxl.load_workbook(sample_workbook)


def test_sheet_order_starts_with_contents_then_the_tables(book):
    assert book.sheetnames[:11] == ["目录", *TABLES]
    assert "底稿" in book.sheetnames


def test_contents_links_every_other_sheet(book):
    links = {c.hyperlink.location.split("!")[0].strip("'")
             for row in book["目录"].iter_rows() for c in row if c.hyperlink}
    assert links == set(book.sheetnames) - {"目录"}


@pytest.mark.parametrize("sheet", TABLES)
def test_table_frame_title_code_unit_line(book, sheet):
    ws = book[sheet]
    texts = [c.value for row in ws.iter_rows(max_row=3) for c in row if c.value]
    assert sheet in texts
    assert "编制单位：景德镇市陶瓷产业发展局" in texts
    assert "单位：万元" in texts
    assert "2020年度" in texts


@pytest.mark.parametrize("sheet", TABLES)
def test_table_print_setup_a4_landscape_one_page_wide_header_repeated(book, sheet):
    ws = book[sheet]
    assert ws.page_setup.paperSize in (9, "9")
    assert ws.page_setup.orientation == "landscape"
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (1, "1", None)      # None: the default, 1
    # the sample's tables have at most 40 rows: each fits on one page (a longer one runs on,
    # fitToHeight 0: tests/test_tables_04_10.py); 1 is the file format's default and is left
    # out of the XML: openpyxl reads None
    assert str(ws.page_setup.fitToHeight) in ("1", "None")
    last_header = 3 + HEADER_ROWS.get(sheet, 3)
    assert ws.print_title_rows == f"$4:${last_header}"
    assert ws.freeze_panes == f"A{last_header + 1}"


@pytest.mark.parametrize("sheet", TABLES)
def test_amounts_show_two_decimals_with_thousands_separator(book, sheet):
    ws = book[sheet]
    formats = {c.number_format for row in ws.iter_rows(min_row=7) for c in row
               if c.data_type == "f" and "本表无数据" not in str(c.value)
               and not (sheet == "公开10表" and ws.cell(c.row, 3).value != "万元")}
    assert formats == {"#,##0.00"}


def test_default_font_is_chinese(sample_workbook):
    with zipfile.ZipFile(sample_workbook) as archive:
        styles = archive.read("xl/styles.xml").decode("utf-8")
    fonts = re.findall(r'<name val="([^"]+)"', styles)
    assert fonts and set(fonts) == {"宋体"}


def test_document_properties_name_title_unit_year_and_tool(book):
    props = book.properties
    assert props.title == "景德镇市陶瓷产业发展局2020年度部门决算"
    assert props.creator == f"jdzxlsx {__version__}"
    assert "2020" in props.keywords and "景德镇市陶瓷产业发展局" in props.keywords


def test_cells_others_refer_to_carry_defined_names(book):
    names = set(book.defined_names.keys())
    for name in ["公开01_本年收入合计", "公开01_年初结转和结余", "公开01_收入总计",
                 "公开01_本年支出合计", "公开01_年末结转和结余", "公开01_一般公共服务支出",
                 "公开02_合计_本年收入合计", "公开03_合计_基本支出", "公开03_201_本年支出合计",
                 "底稿_金额", "底稿_功能分类科目"]:
        assert name in names, name


def test_working_paper_has_provenance_and_a_filter(book):
    ws = book["底稿"]
    header = [c.value for c in ws[1]]
    for column in ("来源文件", "来源工作表", "来源行", "金额（元）", "期间", "单位"):
        assert column in header
    assert ws.auto_filter.ref and ws.freeze_panes == "A2"
    row = [c.value for c in ws[2]]
    assert row[header.index("来源文件")] and isinstance(row[header.index("来源行")], int)


def test_hidden_yuan_columns_sit_outside_the_print_area(book):
    ws = book["公开01表"]
    hidden = [k for k, d in ws.column_dimensions.items() if d.hidden]
    assert hidden
    area = ws.print_area
    assert "$F$" in (area if isinstance(area, str) else area[0])
