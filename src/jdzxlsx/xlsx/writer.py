"""Write the workbook model with XlsxWriter: formula text plus its cached value, text through
write_string, Chinese default font, print setup.  Decides no number."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import xlsxwriter

from ..model import Cell, DataBlock, Sheet, Workbook

FONT = "宋体"
MONEY = "#,##0.00"

STYLES: dict[str, dict] = {
    "text": {},
    "cell_text": {"border": 1},
    # input text (codes, periods, voucher numbers): formatted as text, so a code an accountant
    # types over in Excel or WPS stays text and the table formulas go on matching it
    "data_text": {"border": 1, "num_format": "@"},
    "title": {"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"},
    "table_code": {"align": "right"},
    "unit_line": {"align": "left"},
    "unit_line_center": {"align": "center"},
    "unit_line_right": {"align": "right"},
    "section": {"bold": True},
    "header": {"bold": True, "align": "center", "valign": "vcenter", "border": 1,
               "text_wrap": True, "bg_color": "#DDEBF7"},
    "header_number": {"bold": True, "align": "center", "border": 1, "bg_color": "#DDEBF7"},
    "row_number": {"align": "center", "border": 1},
    "label": {"border": 1},
    "label_total": {"border": 1, "bold": True},
    "code": {"border": 1, "align": "left"},
    "name_class": {"border": 1, "bold": True},
    "name_item": {"border": 1, "indent": 1},
    "name_sub": {"border": 1, "indent": 2},
    "money": {"border": 1, "num_format": MONEY},
    "money_total": {"border": 1, "num_format": MONEY, "bold": True},
    # a row nobody may publish unnoticed (公开02表 未分类: income without 功能分类)
    "label_flagged": {"border": 1, "bold": True, "bg_color": "#FFC7CE", "font_color": "#9C0006"},
    "money_flagged": {"border": 1, "num_format": MONEY, "bold": True, "bg_color": "#FFC7CE",
                      "font_color": "#9C0006"},
    "yuan": {"num_format": MONEY, "font_color": "#595959"},
    "yuan_header": {"bold": True, "font_color": "#595959", "text_wrap": True},
    "yuan_note": {"italic": True, "font_color": "#595959"},
    "integer": {"num_format": "0"},
    "number": {},
    "footnote": {"text_wrap": False},
    "link": {"font_color": "#0563C1", "underline": 1},
    "percent": {"border": 1, "num_format": "0.00%"},
    # 绩效自评: scores to the cent of a point, weights and typed figures as typed, level cells
    "rate": {"border": 1, "num_format": "0.00%", "valign": "vcenter"},
    "rate_total": {"border": 1, "num_format": "0.00%", "bold": True, "valign": "vcenter"},
    "score": {"border": 1, "num_format": "0.00", "valign": "vcenter"},
    "score_total": {"border": 1, "num_format": "0.00", "bold": True, "valign": "vcenter"},
    "plain": {"border": 1, "valign": "vcenter"},
    "plain_total": {"border": 1, "bold": True, "valign": "vcenter"},
    "note": {"border": 1, "text_wrap": True, "valign": "vcenter"},
    # level cells merged over their rows: at the top, so a group running onto the next page
    # prints its name where it begins (not centred into the page's margin)
    "level": {"border": 1, "text_wrap": True, "align": "center", "valign": "top"},
    "count": {"border": 1, "num_format": "#,##0"},     # 人, 行, 辆, 台 in 核对表 and 公开10表
    "parameter": {"border": 1, "num_format": "0.00##", "bg_color": "#FFF2CC"},
    "verdict": {"border": 1, "align": "center", "bold": True},
    "wrap": {"border": 1, "text_wrap": True, "valign": "top"},
    # conditional highlights (verdicts)
    "bad": {"bg_color": "#FFC7CE", "font_color": "#9C0006"},
    "warn": {"bg_color": "#FFEB9C", "font_color": "#9C5700"},
    "good": {"bg_color": "#C6EFCE", "font_color": "#006100"},
}

WORKBOOK_OPTIONS = {
    # input text is never a formula, a number or a link: no injection, no silent conversion
    "strings_to_formulas": False,
    "strings_to_numbers": False,
    "strings_to_urls": False,
    "default_format_properties": {"font_name": FONT, "font_size": 10},
}


def _number(value) -> float | int | str:
    if isinstance(value, Decimal):
        return float(value)
    return value


def write_workbook(book: Workbook, path: Path) -> None:
    """Write ``book`` (already resolved) to ``path``."""
    workbook = xlsxwriter.Workbook(str(path), WORKBOOK_OPTIONS)
    try:
        formats = {key: workbook.add_format(props) for key, props in STYLES.items()}
        # East Asian font for every format, so WPS/Excel do not fall back to a Latin font
        for fmt in formats.values():
            fmt.set_font_name(FONT)
        workbook.set_properties(book.properties)
        for name, reference in book.defined_names():
            workbook.define_name(name, reference)
        for sheet in book.sheets:
            _write_sheet(workbook, sheet, formats)
        workbook.worksheets()[0].activate()
    finally:
        workbook.close()


def _write_sheet(workbook, sheet: Sheet, formats: dict) -> None:
    ws = workbook.add_worksheet(sheet.name)
    if sheet.tab_color:
        ws.set_tab_color(sheet.tab_color)
    for col, width in sheet.col_widths.items():
        options = {"hidden": True, "level": 1} if col in sheet.hidden_cols else {}
        ws.set_column(col, col, width, None, options)
    for row, height in sheet.row_heights.items():
        ws.set_row(row, height)

    merged_anchor = {}
    for r1, c1, r2, c2 in sheet.merges:
        merged_anchor[(r1, c1)] = (r2, c2)
    by_place = {(c.row, c.col): c for c in sheet.cells}
    for (r1, c1), (r2, c2) in merged_anchor.items():
        cell = by_place.pop((r1, c1), None)
        fmt = formats[cell.style] if cell else None
        ws.merge_range(r1, c1, r2, c2, "", fmt)
        if cell:
            _write_cell(ws, cell, fmt)
        # cells covered by the merge take the anchor's format (borders print right)
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                by_place.pop((r, c), None)
    for cell in by_place.values():
        _write_cell(ws, cell, formats[cell.style])
    if sheet.data_block is not None:
        _write_block(ws, sheet.data_block, formats)

    for r1, c1, r2, c2, text, style in sheet.highlights:
        ws.conditional_format(r1, c1, r2, c2, {"type": "cell", "criteria": "==",
                                               "value": f'"{text}"', "format": formats[style]})
    if sheet.freeze:
        ws.freeze_panes(*sheet.freeze)
    if sheet.autofilter:
        ws.autofilter(*sheet.autofilter)
    ws.set_paper(9)                       # A4
    if sheet.landscape:
        ws.set_landscape()
    else:
        ws.set_portrait()
    ws.fit_to_pages(1, sheet.pages_tall)  # one page wide; 0 = as many pages tall as needed
    ws.center_horizontally()
    ws.set_margins(left=0.5, right=0.5, top=0.7, bottom=0.7)
    if sheet.repeat_rows:
        ws.repeat_rows(*sheet.repeat_rows)
    if sheet.print_area:
        ws.print_area(*sheet.print_area)
    # the sheet's name and its own page number: each sheet starts again at 1
    ws.set_start_page(1)
    ws.set_footer("&L&A&C第 &P 页")


def _write_block(ws, block: DataBlock, formats: dict) -> None:
    """Input rows straight from their lines: amounts as numbers (元), whole numbers as numbers,
    every text through write_string."""
    amount, integer, text = formats["yuan"], formats["integer"], formats["data_text"]
    for r, line in enumerate(block.rows, start=block.first_row):
        for col, column in enumerate(block.columns):
            value = column.value(line)
            if column.kind == "amount":
                ws.write_number(r, col, float(value), amount)
            elif isinstance(value, int) and not isinstance(value, bool):
                ws.write_number(r, col, value, integer)
            else:
                ws.write_string(r, col, str(value), text)


def _write_cell(ws, cell: Cell, fmt) -> None:
    if cell.kind == "text":
        ws.write_string(cell.row, cell.col, cell.text, fmt)
    elif cell.kind == "number":
        ws.write_number(cell.row, cell.col, _number(cell.number), fmt)
    elif cell.kind == "formula":
        if cell.formula is None or cell.value is None:
            raise ValueError(f"unresolved formula cell {cell.cell_id}")
        ws.write_formula(cell.row, cell.col, cell.formula, fmt, _number(cell.value))
    elif cell.kind == "link":
        ws.write_url(cell.row, cell.col, "internal:" + cell.target, fmt, string=cell.text)
    else:
        raise ValueError(cell.kind)
