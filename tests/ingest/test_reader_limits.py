"""Budgets before reading (issue 8): every hostile file is refused naming the file, the sheet and
what is too large, before a reader allocates; memory attacks run in a subprocess whose peak RSS
is measured. Files are crafted here byte by byte (raw xlsx XML in a zip, raw HTML/XML/CSV)."""

from __future__ import annotations

import io
import subprocess
import sys
import zipfile

import pytest

from jdzxlsx.errors import InputError
from jdzxlsx.ingest.readers import limits, read_sheets
from tests.corpus.files import huge_mimetype

GIB_KIB = 2**20          # peak RSS is measured in KiB

_CONTENT_TYPES = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
                  'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
                  'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
                  '"application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/'
                  'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName='
                  '"/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument'
                  '.spreadsheetml.worksheet+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
         'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
_WORKBOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
             'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships"><sheets><sheet name="{name}" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats'
                  '.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
                  'openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/'
                  'sheet1.xml"/></Relationships>')
A1 = '<row r="1"><c r="A1" t="inlineStr"><is><t>日期</t></is></c></row>'


def xlsx(body: str, *, name: str = "明细", extra: str = "", dimension: str = "",
         members: dict[str, bytes] | None = None) -> bytes:
    """A minimal xlsx whose one sheet's <sheetData> is ``body`` (raw XML)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
             f'spreadsheetml/2006/main">{dim}<sheetData>{body}</sheetData>{extra}</worksheet>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK.format(name=name))
        archive.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        archive.writestr("xl/worksheets/sheet1.xml", sheet)
        for member, data in (members or {}).items():
            archive.writestr(member, data)
    return buffer.getvalue()


_MANIFEST = ('<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
             'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type'
             '="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path='
             '"content.xml" manifest:media-type="text/xml"/></manifest:manifest>')


def ods(rows: str) -> bytes:
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:'
               'names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:'
               'table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body>'
               f'<office:spreadsheet><table:table table:name="明细">{rows}</table:table>'
               '</office:spreadsheet></office:body></office:document-content>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", _MANIFEST)
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def refused(data: bytes, file: str = "明细账.xlsx") -> InputError:
    with pytest.raises(InputError) as caught:
        read_sheets(data, file, file.rsplit(".", 1)[0])
    assert caught.value.file == file
    assert caught.value.hint
    return caught.value


def read_in_subprocess(tmp_path, data: bytes, file: str) -> tuple[str, int]:
    """(message or "OK", peak RSS in KiB) of read_sheets run in a child limited to 3 GiB of
    address space, so a regression fails the test instead of eating the machine.

    The child reports VmHWM, its address space's peak: ru_maxrss (self or children) survives
    execve on Linux, so it would report the pytest process's own peak when that is larger."""
    path = tmp_path / file
    path.write_bytes(data)
    code = ("import resource, sys\n"
            "resource.setrlimit(resource.RLIMIT_AS, (3 * 2**30, 3 * 2**30))\n"
            "from jdzxlsx.errors import InputError\n"
            "from jdzxlsx.ingest.readers import read_sheets\n"
            "p = sys.argv[1]\n"
            "try:\n"
            "    read_sheets(open(p, 'rb').read(), p.rsplit('/', 1)[1], 'x'); print('OK')\n"
            "except InputError as e:\n"
            "    print(e)\n"
            "try:\n"
            "    status = open('/proc/self/status').read()\n"
            "    print(status.split('VmHWM:')[1].split()[0])\n"
            "except OSError:\n"
            "    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    *message, rss = done.stdout.strip().splitlines()
    return "\n".join(message), int(rss)


# --- xlsx / xlsm ---------------------------------------------------------------------------

def test_xlsx_value_at_xfd1048576_is_refused_in_a_clean_exit_under_1_gib(tmp_path):
    data = xlsx(A1 + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>')
    message, rss = read_in_subprocess(tmp_path, data, "远处.xlsx")
    assert message.startswith("文件「远处.xlsx」，工作表「明细」：有内容的单元格远至 XFD1048576"
                              "（1,048,576 行 × 16,384 列），超过可读取的 600 万个单元格")
    assert "删除表格区域以外的行和列" in message
    assert rss < GIB_KIB


def test_xlsx_value_at_all100000_is_refused_under_1_gib(tmp_path):
    data = xlsx(A1 + '<row r="100000"><c r="ALL100000"><v>1</v></c></row>')
    assert len(data) < 5000
    message, rss = read_in_subprocess(tmp_path, data, "a.xlsx")
    assert "有内容的单元格远至 ALL100000（100,000 行 × 1,000 列）" in message
    assert rss < GIB_KIB


def test_xlsx_far_cell_refusal_names_the_sheet_by_its_workbook_name():
    error = refused(xlsx(A1 + '<row r="9000"><c r="ZZ9000"><v>1</v></c></row>', name="十月&amp;十一月"))
    assert error.sheet == "十月&十一月"
    assert "ZZ9000（9,000 行 × 702 列）" in error.message


def test_xlsx_cells_without_r_follow_the_previous_cell_and_are_counted():
    cells = "<c><v>1</v></c>" * 700
    error = refused(xlsx(A1 + f'<row r="9000">{cells}</row>'))
    assert "ZX9000（9,000 行 × 700 列）" in error.message


def test_xlsx_rows_without_r_follow_the_previous_row():
    error = refused(xlsx(A1 + '<row r="8999"/><row><c r="ZZ1"/></row><row><c><v>1</v></c>'
                         + '<c/>' * 700 + '<c><v>1</v></c></row>'))
    assert "ZZ9001（9,001 行 × 702 列）" in error.message


def test_xlsx_empty_inline_string_counts_as_content_as_calamine_counts_it():
    error = refused(xlsx(A1 + '<row r="9000"><c r="ZZ9000" t="inlineStr"><is/></c></row>'))
    assert "ZZ9000" in error.message


def test_xlsx_cells_with_a_namespace_prefix_or_r_not_first_are_counted():
    body = (A1 + '<x:row xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" r="2">'
            '<x:c s="1" r="ZZ9000"><x:v>1</x:v></x:c></x:row>')
    error = refused(xlsx(body))
    assert "ZZ9000（9,000 行 × 702 列）" in error.message


def test_xlsx_far_cell_after_megabytes_of_rows_is_found_across_read_chunks():
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{"摘要" * 20}</t></is></c></row>'
                   for n in range(2, 20_000))
    error = refused(xlsx(A1 + rows + '<row r="20000"><c r="ZZ20000"><v>1</v></c></row>'))
    assert "ZZ20000（20,000 行 × 702 列）" in error.message


def test_xlsx_far_styled_cells_counted_by_the_quick_bound_do_not_refuse_a_sheet_within_budget():
    early = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>{"x" * 4000}</t></is></c>'
                    f'<c r="XFD{n}" s="1"/></row>' for n in range(2, 300))     # > 1 MB of XML
    late = "".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in range(300, 5001))
    _, [sheet] = read_sheets(xlsx(A1 + early + late), "a.xlsx", "a")
    assert (len(sheet.rows), sheet.width) == (5000, 1)


def test_xlsx_cell_nested_in_a_cell_is_refused():
    error = refused(xlsx(A1 + '<row r="1000"><c r="A1000"><c r="XFD1000"><v>1</v></c></c></row>'))
    assert error.message == "工作表的 XML 中单元格套着单元格，文件已损坏或是特意构造的"


def test_xlsx_cell_nested_in_a_cell_within_budget_is_refused_as_damaged():
    error = refused(xlsx(A1 + '<row r="2"><c r="A2"><c r="XFD2"><v>1</v></c></c></row>'))
    assert error.message.startswith("文件已损坏或不完整，无法作为Excel（.xlsx）文件读取")


@pytest.mark.parametrize("far", ['<c r="XFD1048576" s="3"/>', '<c r="XFD1048576"><v/></c>',
                                 '<c r="XFD1048576" s="2"></c>'])
def test_xlsx_styled_or_empty_far_cell_costs_nothing_and_is_read(far):
    fmt, [sheet] = read_sheets(xlsx(A1 + f'<row r="1048576">{far}</row>'), "a.xlsx", "a")
    assert (fmt, sheet.rows) == ("xlsx", [["日期"]])


def test_xlsx_large_dimension_element_alone_is_read():
    _, [sheet] = read_sheets(xlsx(A1, dimension="A1:XFD1048576"), "a.xlsx", "a")
    assert sheet.rows == [["日期"]]


def test_xlsx_cell_beyond_excel_columns_is_refused():
    error = refused(xlsx(A1 + '<row r="2"><c r="XFE2"><v>1</v></c></row>'))
    assert "单元格 XFE2 超出 Excel 的范围（最多 1,048,576 行 × 16,384 列）" in error.message


def test_xlsx_merge_over_a_million_cells_is_refused():
    error = refused(xlsx(A1, extra='<mergeCells count="1"><mergeCell ref="A1:Z40000"/></mergeCells>'))
    assert error.message == "合并单元格共覆盖 1,040,000 个单元格，超过可读取的 100 万个"
    assert error.sheet == "明细"
    assert "取消表格区域以外的大范围合并" in error.hint


def test_xlsx_formula_cells_without_cached_value_are_listed_per_sheet():
    body = (A1 + '<row r="2"><c r="B2"><f>1+1</f></c><c r="C2"><f>1+1</f><v/></c>'
            '<c r="D2"><f>1+1</f><v>2</v></c><c r="E2" t="str"><f>"a"</f><v></v></c></row>')
    _, [sheet] = read_sheets(xlsx(body), "a.xlsx", "a")
    assert sheet.uncached == [(1, 1), (1, 2), (1, 4)]


def test_xlsx_workbook_without_uncached_formulas_has_an_empty_list():
    _, [sheet] = read_sheets(xlsx(A1 + '<row r="2"><c r="B2"><f>1+1</f><v>2</v></c></row>'), "a.xlsx", "a")
    assert sheet.uncached == []


def test_xlsx_zip_bomb_member_is_refused_naming_the_member():
    bomb = b"<x/>" + b" " * (20 * 2**20)
    error = refused(xlsx(A1, members={"xl/styles.xml": bomb}))
    assert error.message == ("压缩包部件「xl/styles.xml」解压后是压缩时的 200 倍以上（“压缩炸弹”），"
                             "不像正常的工作簿")


def test_xlsx_member_is_measured_by_its_real_size_not_its_declared_one(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ZIP_MEMBER_BYTES", 2**20)
    padding = "".join(f"<!-- {n} -->" for n in range(200_000))   # ~2.4 MB, compresses poorly enough
    data = bytearray(xlsx(A1 + padding))
    name = b"xl/worksheets/sheet1.xml"
    central = data.index(name, data.index(b"PK\x01\x02")) - 46
    local = data.index(name) - 30
    data[central + 24:central + 28] = (1000).to_bytes(4, "little")     # central: uncompressed size
    data[local + 22:local + 26] = (1000).to_bytes(4, "little")         # local header
    error = refused(bytes(data))
    assert error.message == "压缩包部件「xl/worksheets/sheet1.xml」解压后超过 1 MB，工作簿不会这样大"


def test_xlsx_with_too_many_zip_members_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_ZIP_MEMBERS", 20)
    error = refused(xlsx(A1, members={f"xl/media/{n}.bin": b"" for n in range(20)}))
    assert error.message == "压缩包内有 25 个部件，超过工作簿可有的 20 个"


# --- ods --------------------------------------------------------------------------------------

def test_ods_repeated_value_cells_over_the_budget_are_refused_under_1_gib(tmp_path):
    data = ods('<table:table-row table:number-rows-repeated="1000000"><table:table-cell '
               'table:number-columns-repeated="1000" office:value-type="float" office:value="1"/>'
               '</table:table-row>')
    message, rss = read_in_subprocess(tmp_path, data, "a.ods")
    assert message.startswith("文件「a.ods」，工作表「明细」：有内容的单元格远至 ALL1000000"
                              "（1,000,000 行 × 1,000 列），超过可读取的 600 万个单元格")
    assert rss < GIB_KIB


def test_ods_empty_tail_that_libreoffice_writes_is_read():
    data = ods('<table:table-row><table:table-cell office:value-type="string"><text:p>日期</text:p>'
               '</table:table-cell></table:table-row><table:table-row table:number-rows-repeated='
               '"1048575"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>')
    fmt, [sheet] = read_sheets(data, "a.ods", "a")
    assert (fmt, sheet.rows) == ("ods", [["日期"]])


def test_ods_span_over_a_million_cells_is_refused():
    error = refused(ods('<table:table-row><table:table-cell table:number-columns-spanned="2000" '
                        'table:number-rows-spanned="1000"/></table:table-row>'), "a.ods")
    assert error.message == "合并单元格共覆盖 2,000,000 个单元格，超过可读取的 100 万个"


def test_ods_repeat_count_that_is_not_an_integer_is_refused_naming_the_sheet():
    error = refused(ods('<table:table-row table:number-rows-repeated="1e9"><table:table-cell/>'
                        '</table:table-row>'), "a.ods")
    assert (error.sheet, error.message) == ("明细", "表格 XML 中的重复/合并次数「1e9」不是整数，文件已损坏")


# --- xls (BIFF) -------------------------------------------------------------------------------

def _xls(cells) -> bytes:
    xlwt = pytest.importorskip("xlwt")
    book = xlwt.Workbook()
    sheet = book.add_sheet("明细")
    for row, col, value in cells:
        sheet.write(row, col, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_xls_value_at_iv65536_is_refused_before_calamine_opens_it(tmp_path):
    message, rss = read_in_subprocess(tmp_path, _xls([(0, 0, "日期"), (65535, 255, 1)]), "a.xls")
    assert message.startswith("文件「a.xls」，工作表「明细」：有内容的单元格远至 IV65536"
                              "（65,536 行 × 256 列），超过可读取的 600 万个单元格")
    assert rss < 200 * 2**10      # calamine would take 522 MB at open, 1 GB for the sheet


def test_xls_blank_cell_far_away_costs_nothing_and_is_read():
    fmt, [sheet] = read_sheets(_xls([(0, 0, "日期"), (65535, 255, "")]), "a.xls", "a")
    assert (fmt, sheet.rows) == ("xls", [["日期"]])


def test_xls_within_the_budget_is_read():
    _, [sheet] = read_sheets(_xls([(0, 0, "日期"), (22000, 255, 1.5)]), "a.xls", "a")
    assert (len(sheet.rows), sheet.width, sheet.rows[22000][255]) == (22001, 256, 1.5)


def test_xls_compound_file_that_cannot_be_followed_is_refused_as_damaged():
    data = _xls([(0, 0, "日期")])
    error = refused(data[:1024], "a.xls")
    assert error.message.startswith("文件已损坏或不完整，无法作为Excel 97-2003（.xls）文件读取")


def test_word_97_document_named_xls_is_refused_naming_what_it_is():
    data = bytearray(_xls([(0, 0, "日期")]))
    at = data.index("Workbook".encode("utf-16-le"))
    data[at:at + 64] = "WordDocument".encode("utf-16-le").ljust(64, b"\x00")
    data[at + 64:at + 66] = (26).to_bytes(2, "little")
    error = refused(bytes(data), "十月.xls")
    assert error.message == "文件扩展名是 .xls，但内容是 Word 97-2003 文档（.doc），不是表格，无法读取"


def test_xlsx_shared_string_table_over_the_budget_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_SHARED_STRINGS", 3)
    strings = b'<sst xmlns="x">' + b"<si><t>a</t></si>" * 4 + b"</sst>"
    error = refused(xlsx(A1, members={"xl/sharedStrings.xml": strings}))
    assert error.message == "工作簿的共享文字表有 3 条以上，超过可读取的数量"


# --- HTML -------------------------------------------------------------------------------------

def test_html_rowspan_colspan_1000_page_is_refused_under_1_gib(tmp_path):
    page = "<table>" + '<tr><td rowspan="1000" colspan="1000">x</td></tr>' * 40 + "</table>"
    assert len(page) < 2100
    message, rss = read_in_subprocess(tmp_path, page.encode(), "导出.xls")
    assert message.startswith("文件「导出.xls」，工作表「第 1 个表格」：合并单元格共覆盖 2,000,000 个单元格")
    assert rss < GIB_KIB


def test_html_grid_over_the_cell_budget_is_refused_before_rows_are_allocated():
    page = "<table>" + '<tr><td rowspan="65534">x</td>' + '<td colspan="1000">y</td>' * 1 + "</tr></table>"
    error = refused(page.encode(), "导出.xls")
    assert error.message == ("有内容的单元格远至 ALM65534（65,534 行 × 1,001 列），超过可读取的 600 万个单元格")


def test_html_spans_are_clamped_as_browsers_clamp_them():
    page = '<table><tr><td colspan="5000">标题</td></tr><tr><td>a</td></tr></table>'
    _, [sheet] = read_sheets(page.encode(), "导出.xls", "导出")
    assert sheet.width == 1000
    assert sheet.merged == [(0, 0, 0, 999)]


def test_html_cells_covered_from_rows_above_are_skipped_without_storing_each():
    page = ('<table><tr><td rowspan="3">日期</td><td>a</td></tr><tr><td>b</td></tr>'
            '<tr><td>c</td></tr><tr><td>d</td><td>e</td></tr></table>')
    _, [sheet] = read_sheets(page.encode(), "导出.xls", "导出")
    assert sheet.rows == [["日期", "a"], ["", "b"], ["", "c"], ["d", "e"]]


# --- SpreadsheetML 2003 -----------------------------------------------------------------------

def _spreadsheetml(cells: str) -> bytes:
    return ('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
            'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="明细">'
            f'<Table><Row>{cells}</Row></Table></Worksheet></Workbook>').encode()


def test_spreadsheetml_merge_across_4e8_is_refused_under_1_gib(tmp_path):
    data = _spreadsheetml('<Cell ss:MergeAcross="400000000"><Data ss:Type="String">x</Data></Cell>')
    assert len(data) < 300
    message, rss = read_in_subprocess(tmp_path, data, "导出.xls")
    assert message.startswith("文件「导出.xls」，工作表「明细」：单元格 A1 向右合并 1,048,576 列，超出 Excel 的范围")
    assert rss < GIB_KIB


def test_spreadsheetml_merge_within_excel_but_over_the_merge_budget_is_refused():
    error = refused(_spreadsheetml('<Cell ss:MergeAcross="999" ss:MergeDown="1999"/>'), "导出.xls")
    assert error.message == "合并单元格共覆盖 2,000,000 个单元格，超过可读取的 100 万个"


@pytest.mark.parametrize("attribute", ['ss:Index="2.5"', 'ss:MergeAcross="x"', 'ss:MergeDown="1e9"'])
def test_spreadsheetml_non_integer_index_or_merge_names_the_sheet(attribute):
    error = refused(_spreadsheetml(f"<Cell {attribute}/>"), "导出.xls")
    assert error.sheet == "明细"
    assert error.message.endswith("不是整数，文件已损坏")


def test_spreadsheetml_index_beyond_excel_columns_is_refused():
    error = refused(_spreadsheetml('<Cell ss:Index="16385"/>'), "导出.xls")
    assert error.message == 'ss:Index="16385" 超出 Excel 的范围（1～16,384 列）'


# --- CSV / TSV --------------------------------------------------------------------------------

def test_csv_field_longer_than_a_cell_names_row_and_column():
    text = "日期,摘要\n2020-01-02," + "长" * 40_000 + "\n"
    error = refused(text.encode(), "十月.csv")
    assert (error.row, error.column) == (2, 2)
    assert error.message == "文本超过 32767 个字符，Excel 单元格放不下"
    assert "第 2 行，第 B 列" in str(error)


def test_csv_field_beyond_the_csv_module_limit_names_the_row():
    text = "日期,摘要\n2020-01-02,\"" + "x" * 200_000 + "\n"
    error = refused(text.encode(), "十月.csv")
    assert (error.row, error.message) == (2, "文本超过 32767 个字符，Excel 单元格放不下")


def test_csv_nul_in_a_cell_is_refused_naming_the_cell():
    text = "日期,摘要\n" + "2020-01-02,收款\n" * 400 + "2020-01-03,a\x00b\n"
    error = refused(text.encode(), "十月.csv")
    assert (error.row, error.column) == (402, 2)
    assert error.message.startswith("单元格中有空字符（NUL）")


def test_csv_rows_times_width_over_the_budget_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_SHEET_CELLS", 100)
    error = refused(("a,b,c,d,e,f,g,h,i,j,k\n" * 10).encode(), "十月.csv")
    assert error.message == "有内容的单元格远至 K10（10 行 × 11 列），超过可读取的 0 万个单元格"


def test_tab_separated_text_named_xls_still_reads():
    fmt, [sheet] = read_sheets("日期\t摘要\n2020-01-02\t收款\n".encode("gbk"), "十月.xls", "十月")
    assert (fmt, sheet.rows) == ("csv", [["日期", "摘要"], ["2020-01-02", "收款"]])


# --- content that is not a table --------------------------------------------------------------

@pytest.mark.parametrize(("head", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF 文档"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG 图片"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG 图片"),
    (b"GIF89a\x01\x00\x01\x00", "GIF 图片"),
    (b"Rar!\x1a\x07\x01\x00", "RAR 压缩包"),
    (b"7z\xbc\xaf\x27\x1c\x00\x04", "7z 压缩包"),
])
def test_document_picture_or_archive_with_a_table_name_is_refused_naming_what_it_is(head, kind):
    error = refused(head + b"\x00" * 200, "十月明细账.xlsx")
    assert error.message == f"文件扩展名是 .xlsx，但内容是 {kind}，不是表格，无法读取"
    assert "重新把这份账表导出为 Excel" in error.hint


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(("members", "kind"), [
    ({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}, "Word 文档（.docx）"),
    ({"a.txt": b"hello"}, "ZIP 压缩包（里面没有工作簿）"),
    ({"xl/workbook.bin": b"\x83\x01"}, "Excel 二进制工作簿（.xlsb），本程序不读取这种格式"),
    ({"mimetype": b"application/vnd.oasis.opendocument.text"}, "OpenDocument 文字文档（.odt）"),
])
def test_zip_that_is_not_a_workbook_is_refused_naming_what_it_is(members, kind):
    error = refused(_zip(members), "十月.xlsx")
    space = " " if kind[0].isascii() else ""
    assert error.message == f"文件扩展名是 .xlsx，但内容是{space}{kind}，不是表格，无法读取"


def test_binary_bytes_with_a_table_name_are_not_read_as_csv():
    error = refused(bytes(range(256)) * 4, "十月.xls")
    assert error.message == "文件扩展名是 .xls，但内容是二进制数据（含空字符），不是表格，无法读取"


def test_text_full_of_control_characters_is_refused_as_binary():
    error = refused(b"\x01\x02\x03\x04abc\x05\x06\x07\x08" * 50, "十月.csv")
    assert error.message == "文件扩展名是 .csv，但内容是二进制数据，不是表格，无法读取"


def test_file_over_the_size_limit_is_refused(monkeypatch):
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    error = refused(b"a,b\n" * 1000, "十月.csv")
    assert error.message.startswith("文件有 0 MB，超过可读取的 0 MB")


# --- a large genuine sheet --------------------------------------------------------------------

@pytest.mark.slow
def test_200000_rows_by_12_columns_xlsx_still_reads_under_1_gib(tmp_path):
    xlsxwriter = pytest.importorskip("xlsxwriter")
    path = tmp_path / "全年明细账.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("明细")
    for row in range(200_000):
        sheet.write_row(row, 0, [f"2020-01-{row % 28 + 1:02d}", f"摘要{row}", row * 1.25, row, "x",
                                 "y", 1.5, 2.5, "z", "w", row % 7, "尾"])
    book.close()
    message, rss = read_in_subprocess(tmp_path, path.read_bytes(), path.name)
    assert message == "OK"
    assert rss < GIB_KIB


# --- reviewer's holes (issue 8, second round) -------------------------------------------------

def test_zip_with_a_500_mb_mimetype_is_named_without_inflating_it(tmp_path):
    data = huge_mimetype(tmp_path / "mimetype.zip", 300).read_bytes()
    assert len(data) < 4 << 20
    message, rss = read_in_subprocess(tmp_path, data, "明细账.xlsx")
    assert message.startswith("文件「明细账.xlsx」：文件扩展名是 .xlsx，但内容是 ZIP 压缩包")
    assert rss < 200 * 2**10      # reading the member whole took 1.08 GB


_FAR = A1 + '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>'


def _sheet_xml(body: str) -> str:
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData>{body}</sheetData></worksheet>')


def _book_elsewhere(target: str, member: str, quote: str = '"') -> bytes:
    """An xlsx whose one sheet is ``member``, named by a relationship Target ``target``."""
    rels = (f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            f'package/2006/relationships"><Relationship Id={quote}rId1{quote} Type={quote}http://schemas.'
            f'openxmlformats.org/officeDocument/2006/relationships/worksheet{quote} '
            f'Target={quote}{target}{quote}/></Relationships>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", _CONTENT_TYPES)
        archive.writestr("_rels/.rels", _RELS)
        archive.writestr("xl/workbook.xml", _WORKBOOK.format(name="明细"))
        archive.writestr("xl/_rels/workbook.xml.rels", rels)
        archive.writestr(member, _sheet_xml(_FAR))
    return buffer.getvalue()


@pytest.mark.parametrize(("target", "member", "quote"), [
    ("data.xml", "xl/data.xml", "'"),          # Target='…' in single quotes
    ("Data.xml", "xl/data.xml", '"'),          # calamine finds a member whatever its case
    ("data.bin", "xl/data.bin", '"'),          # and whatever its extension
])
def test_xlsx_sheet_wherever_its_relationship_points_is_measured(tmp_path, target, member, quote):
    message, rss = read_in_subprocess(tmp_path, _book_elsewhere(target, member, quote), "a.xlsx")
    assert message.startswith("文件「a.xlsx」，工作表「明细」：有内容的单元格远至 XFD1048576")
    assert rss < 200 * 2**10      # calamine aborted the process asking for 549 GB


def test_xlsx_member_no_sheet_names_is_measured_and_named():
    error = refused(_book_elsewhere("worksheets/sheet1.xml", "xl/stray/part.dat"), "a.xlsx")
    assert error.sheet == "xl/stray/part.dat"
    assert "XFD1048576" in error.message


def test_xlsx_member_that_is_not_utf8_before_its_first_tag_is_passed_over():
    picture = b"\x89PNG\r\n\x1a\n" + _sheet_xml(_FAR).encode()     # calamine's XML reader fails
    _, [sheet] = read_sheets(xlsx(A1, members={"xl/media/image1.png": picture}), "a.xlsx", "a")
    assert sheet.rows == [["日期"]]


def _shared(strings: list[str], body: str) -> bytes:
    table = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             + "".join(f"<si><t>{text}</t></si>" for text in strings) + "</sst>")
    return xlsx(body, members={"xl/sharedStrings.xml": table.encode()})


def _refs(index: int, rows: int, cols: int = 10) -> str:
    return "".join(f'<row r="{r}">' + "".join(f'<c r="{chr(65 + c)}{r}" t="s"><v>{index}</v></c>'
                                             for c in range(cols)) + "</row>"
                   for r in range(1, rows + 1))


def test_xlsx_one_long_shared_string_in_many_cells_is_refused_before_calamine(tmp_path):
    data = _shared(["账" * 30_000], _refs(0, 200))     # 60 million characters in 2,000 cells
    assert len(data) < 30_000
    message, rss = read_in_subprocess(tmp_path, data, "明细账.xlsx")
    assert message.startswith("文件「明细账.xlsx」，工作表「明细」：文字合计超过 4,000 万个字符")
    assert rss < 200 * 2**10      # 30,000 汉字 × 40,000 cells took 5.9 GB


@pytest.mark.parametrize("plain", [True, False])
def test_xlsx_shared_text_counts_each_reference_exactly(monkeypatch, plain):
    body = _refs(1, 3)                                   # 30 cells × 5 characters
    if not plain:
        body = body.replace('<c r="A1"', '<c  r="A1"')      # measured cell by cell
    data = _shared(["x", "账目明细账"], body)
    monkeypatch.setattr(limits, "MAX_SHEET_TEXT_CHARS", 150)
    _, [sheet] = read_sheets(data, "a.xlsx", "a")
    assert sheet.rows[2][9] == "账目明细账"
    monkeypatch.setattr(limits, "MAX_SHEET_TEXT_CHARS", 149)
    assert "文字合计超过" in refused(data, "a.xlsx").message


@pytest.mark.parametrize("cell", [
    '<c r="A1" t="inlineStr"><is><t>{}</t></is></c>',
    '<c r="A1" t="str"><f>A2</f><v>{}</v></c>',
])
def test_xlsx_inline_and_formula_text_counts(monkeypatch, cell):
    monkeypatch.setattr(limits, "MAX_SHEET_TEXT_CHARS", 1000)
    assert "文字合计超过" in refused(xlsx(f'<row r="1">{cell.format("账" * 1001)}</row>')).message


def test_xlsx_shared_string_hiding_its_text_after_an_end_tag_in_a_value_still_counts(monkeypatch):
    table = ('<sst xmlns="x"><si><t>a</t></si><si><t x="</si>">' + "账" * 2000 + "</t></si></sst>")
    data = xlsx(_refs(1, 1), members={"xl/sharedStrings.xml": table.encode()})
    monkeypatch.setattr(limits, "MAX_SHEET_TEXT_CHARS", 10_000)
    assert "文字合计超过" in refused(data).message


def test_xlsx_shared_strings_behind_a_comment_count_as_the_longest(monkeypatch):
    table = ('<sst xmlns="x"><si><t>a</t></si><!-- <si><t>b</t></si> --><si><t>' + "账" * 2000
             + "</t></si></sst>")
    data = xlsx(_refs(1, 1), members={"xl/sharedStrings.xml": table.encode()})
    monkeypatch.setattr(limits, "MAX_SHEET_TEXT_CHARS", 10_000)
    assert "文字合计超过" in refused(data).message


def test_ods_long_text_cell_repeated_is_refused_before_calamine(tmp_path):
    data = ods('<table:table-row table:number-rows-repeated="400"><table:table-cell office:value-type='
               '"string" table:number-columns-repeated="10"><text:p>' + "账" * 30_000
               + "</text:p></table:table-cell></table:table-row>")      # 120 million characters
    assert len(data) < 2_000
    message, rss = read_in_subprocess(tmp_path, data, "明细账.ods")
    assert message.startswith("文件「明细账.ods」，工作表「明细」：文字合计超过 4,000 万个字符")
    assert rss < 200 * 2**10      # 30,000 characters × 40,000 cells took 9.4 GB


@pytest.mark.parametrize("cell", [
    '<table:table-cell office:value-type="string" table:number-columns-repeated="10"><text:p>{}</text:p>'
    '</table:table-cell>',
    '<table:table-cell office:value-type="string" table:number-columns-repeated="10"><text:p>'
    '<text:s text:c="{}"/></text:p></table:table-cell>',         # calamine writes out the spaces
    '<table:table-cell office:value-type="string" office:string-value="{}" '
    'table:number-columns-repeated="10"/>',
])
def test_ods_text_counts_each_repetition_exactly(monkeypatch, cell):
    text = "账目" if "{}</text:p>" in cell else ("2" if "text:c" in cell else "ab")
    data = ods(f'<table:table-row table:number-rows-repeated="3">{cell.format(text)}</table:table-row>')
    monkeypatch.setattr(limits, "MAX_SHEET_TEXT_CHARS", 60)
    _, [sheet] = read_sheets(data, "a.ods", "a")
    assert len(sheet.rows) == 3 and len(sheet.rows[2][9]) == 2
    monkeypatch.setattr(limits, "MAX_SHEET_TEXT_CHARS", 59)
    assert "文字合计超过" in refused(data, "a.ods").message


def test_xls_one_long_shared_string_in_many_cells_is_refused_before_calamine(tmp_path):
    data = _xls([(r, c, "账" * 30_000) for r in range(200) for c in range(10)])
    assert len(data) < 200_000
    message, rss = read_in_subprocess(tmp_path, data, "明细账.xls")
    assert message.startswith("文件「明细账.xls」，工作表「明细」：文字合计超过 4,000 万个字符")
    assert rss < 200 * 2**10


def test_xls_shared_text_counts_each_reference_exactly_across_continue_records(monkeypatch):
    # 3,000 distinct strings fill the SST past its first record (8,224 bytes) into CONTINUEs.
    cells = [(r, 0, f"摘要{r:04d}") for r in range(3000)] + [(r, 1, "账目明细账") for r in range(10)]
    data = _xls(cells)
    total = 3000 * 6 + 10 * 5
    monkeypatch.setattr(limits, "MAX_SHEET_TEXT_CHARS", total)
    _, [sheet] = read_sheets(data, "a.xls", "a")
    assert sheet.rows[2999][0] == "摘要2999"
    monkeypatch.setattr(limits, "MAX_SHEET_TEXT_CHARS", total - 1)
    assert "文字合计超过" in refused(data, "a.xls").message
