"""Hostile and broken input files, written byte by byte: what an attacker, a broken export or a
careless copy puts into an input folder. Each function writes one file and returns its path."""

from __future__ import annotations

import io
import random
import zipfile
from pathlib import Path

from tests.mutations import edit_csv_line

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    "</Types>")
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>")
_WORKBOOK = (
    '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<sheets><sheet name="明细账" sheetId="1" r:id="rId1"/></sheets></workbook>')
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    "</Relationships>")
LEDGER_HEADER = ("日期", "凭证号", "摘要", "科目", "功能分类", "经济分类", "资金性质", "借方", "贷方")


def _inline(ref: str, text: str) -> str:
    text = text.replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _number(ref: str, value: str) -> str:
    return f'<c r="{ref}"><v>{value}</v></c>'


def raw_xlsx(path: Path, sheet_data: str, extra: str = "",
             members: dict[str, bytes] | None = None) -> Path:
    """A minimal valid .xlsx whose one sheet holds exactly ``sheet_data`` (the <row>s)."""
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet '
             'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
             f"<sheetData>{sheet_data}</sheetData>{extra}</worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/worksheets/sheet1.xml", sheet)
        for name, data in (members or {}).items():
            book.writestr(name, data)
    return path


def ledger_xlsx(path: Path, rows: list[list[str]], header=LEDGER_HEADER) -> Path:
    """A small ledger sheet; a cell text starting with "=" is written as a formula WITHOUT a
    cached value, "#n:" as a number, anything else as text."""
    lines = []
    for r, row in enumerate([list(header), *rows], start=1):
        cells = []
        for c, value in enumerate(row):
            ref = f"{chr(ord('A') + c)}{r}"
            if value.startswith("="):
                cells.append(f'<c r="{ref}"><f>{value[1:]}</f></c>')
            elif value.startswith("#n:"):
                cells.append(_number(ref, value[3:]))
            elif value:
                cells.append(_inline(ref, value))
        lines.append(f'<row r="{r}">{"".join(cells)}</row>')
    return raw_xlsx(path, "".join(lines))


def ledger_row(amount: str = "#n:100.00", summary: str = "购置办公用品",
               day: str = "2020-12-30") -> list[str]:
    return [day, "记-0999", summary, "7101 行政支出", "2011301 行政运行", "30201 办公费",
            "一般公共预算财政拨款", amount, ""]


def one_far_cell(path: Path, ref: str) -> Path:
    return raw_xlsx(path, f'<row r="1">{_inline("A1", "日期")}</row>'
                          f'<row r="{ref.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}">'
                          f'{_inline(ref, "x")}</row>')


def sheet_elsewhere(path: Path, target: str, member: str, quote: str = '"') -> Path:
    """A far cell in a sheet kept as ``member``, its relationship's Target written ``target``
    in ``quote``s: calamine finds it (case-insensitively, whatever the extension)."""
    rels = _WORKBOOK_RELS.replace('"', quote).replace("worksheets/sheet1.xml", target)
    sheet = ('<?xml version="1.0" encoding="UTF-8"?><worksheet '
             'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             f'<row r="1">{_inline("A1", "日期")}</row><row r="1048576">{_number("XFD1048576", "1")}</row>'
             "</sheetData></worksheet>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as book:
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/workbook.xml", _WORKBOOK)
        book.writestr("xl/_rels/workbook.xml.rels", rels)
        book.writestr(member, sheet)
    return path


def shared_text_amplified(path: Path, chars: int = 30_000, rows: int = 200) -> Path:
    """One shared string of ``chars`` 汉字 referred to by ``rows`` × 10 cells."""
    cells = "".join(f'<row r="{r}">' + "".join(f'<c r="{chr(65 + c)}{r}" t="s"><v>0</v></c>'
                                             for c in range(10)) + "</row>"
                    for r in range(1, rows + 1))
    table = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
             f'spreadsheetml/2006/main"><si><t>{"账" * chars}</t></si></sst>')
    return raw_xlsx(path, cells, members={"xl/sharedStrings.xml": table.encode()})


def xlsx_zip_bomb(path: Path, megabytes: int = 40) -> Path:
    """A sheet of spaces: a few kilobytes packed, tens of megabytes unpacked."""
    return raw_xlsx(path, f'<row r="1">{_inline("A1", "日期")}</row>' + " " * (megabytes << 20))


def huge_mimetype(path: Path, megabytes: int = 300) -> Path:
    """A zip whose "mimetype" member inflates to ``megabytes`` MB at ~150:1 (under the zip bomb
    ratio): 2 MB on disk, and reading that member whole cost its full size."""
    block, noise = bytearray(1 << 16), random.Random(8)
    with zipfile.ZipFile(path, "w") as book:
        info = zipfile.ZipInfo("mimetype")
        info.compress_type = zipfile.ZIP_DEFLATED
        with book.open(info, "w", force_zip64=True) as member:
            for _ in range(megabytes * 16):
                block[:300] = noise.randbytes(300)
                member.write(block)
    return path


def spreadsheetml_merge(path: Path, across: int) -> Path:
    path.write_text(
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
        'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="明细账">'
        f'<Table><Row><Cell ss:MergeAcross="{across}"><Data ss:Type="String">明细账</Data></Cell>'
        "</Row></Table></Worksheet></Workbook>", "utf-8")
    return path


def html_spans(path: Path, cells: int = 40, span: int = 1000) -> Path:
    row = "".join(f'<td rowspan="{span}" colspan="{span}">x</td>' for _ in range(cells))
    path.write_text(f"<html><body><table><tr>{row}</tr><tr>{row}</tr></table></body></html>",
                    "utf-8")
    return path


def ods_repeated(path: Path, columns: int, rows: int = 100_000, text: str = "x") -> Path:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        '<office:body><office:spreadsheet><table:table table:name="明细账">'
        f'<table:table-row table:number-rows-repeated="{rows}">'
        f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="string">'
        f"<text:p>{text}</text:p></table:table-cell></table:table-row>"
        "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(path, "w") as book:
        book.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                      compress_type=zipfile.ZIP_STORED)
        book.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        book.writestr("META-INF/manifest.xml",
                      '<?xml version="1.0"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                      'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/"'
                      ' manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
                      "</manifest:manifest>")
    return path


def biff_far_cells(path: Path) -> Path:
    """A real .xls with a cell at its last row and its last column: BIFF's largest grid."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("明细账")
    sheet.write(0, 0, "日期")
    sheet.write(65535, 255, "x")
    book.save(str(path))
    return path


def biff_long_text(path: Path, rows: int = 200) -> Path:
    """A real .xls with one string of 30,000 汉字 in ``rows`` × 10 cells (stored once, in the
    SST)."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("明细账")
    for row in range(rows):
        for col in range(10):
            sheet.write(row, col, "账" * 30_000)
    book.save(str(path))
    return path


def docx_named_xlsx(path: Path) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as document:
        document.writestr("[Content_Types].xml", "<Types/>")
        document.writestr("word/document.xml", "<w:document/>")
    path.write_bytes(buffer.getvalue())
    return path


PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n" + bytes(range(256)) * 20 + b"\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(256)) * 8


def december_amount(folder: Path, text: str) -> None:
    """The first amount of the December CSV (line 5, "18,207.90") typed as ``text``."""
    edit_csv_line(folder, 5, '"18,207.90"', text)


def sparse_file(path: Path, size: int) -> Path:
    with open(path, "wb") as handle:
        handle.truncate(size)
    return path
