""""一体化"-like 凭证明细 with an auxiliary-accounting string (【功能分类:…】【资金性质:…】),
amounts as formatted text; printed as .xlsx (text cells), real BIFF .xls, HTML-as-.xls, or a
GBK CSV as Chinese Excel saves it."""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

import xlwt

from ..ledger import Line
from ..money import D
from ..xlsx import basic_formats, new_workbook
from . import Office

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
STYLE_B_HEADER = ["凭证日期", "凭证字号", "摘要", "预算单位", "科目编码", "科目名称", "辅助核算",
                  "借方金额", "贷方金额", "支出类型"]
STYLE_B_WIDTHS = [11, 10, 34, 34, 9, 16, 80, 14, 14, 9]


def text_amount(x: D, fullwidth: bool = False) -> str:
    """Amount text: thousands separators, negatives in brackets, blank for zero."""
    if not x:
        return ""
    if fullwidth and x > 0:
        return f"{x:.2f}".translate(FULLWIDTH)
    return f"({-x:,.2f})" if x < 0 else f"{x:,.2f}"


def auxiliary(office: Office, ln: Line) -> str:
    parts = []
    if ln.func:
        parts.append(f"【功能分类:{office.func(ln.func)}】")
    if ln.econ:
        parts.append(f"【经济分类:{office.econ(ln.econ)}】")
    parts.append(f"【资金性质:{office.fund_labels[ln.fund]}】")
    if ln.project:
        parts.append(f"【项目:{ln.project}】")
    return "".join(parts)


def data_rows(office: Office, month: int, lines: list[Line],
              fullwidth_every: int = 0) -> list[list[str]]:
    year = office.year
    return [[f"{year}-{month:02d}-{ln.day:02d}", ln.voucher, ln.summary, ln.unit, ln.account,
             office.account_names[ln.account], auxiliary(office, ln),
             text_amount(ln.debit, bool(fullwidth_every) and i % fullwidth_every == 3),
             text_amount(ln.credit, bool(fullwidth_every) and i % fullwidth_every == 3), ln.kind]
            for i, ln in enumerate(lines)]


def style_b_rows(office: Office, month: int, lines: list[Line], ytd: tuple[D, D],
                 unit_subtotals: bool, fullwidth_every: int = 0) -> list[list[str]]:
    """All rows of an export (title rows, header, data, subtotals) as text cells."""
    rows = [[f"单位：{office.department}"], [f"会计期间：{office.year}-{month:02d}"], [],
            STYLE_B_HEADER]

    def total_row(label, unit, debit, credit):
        return ["", "", label, unit, "", "", "", text_amount(debit), text_amount(credit), ""]

    for i, (ln, row) in enumerate(zip(lines, data_rows(office, month, lines, fullwidth_every))):
        rows.append(row)
        last_of_unit = i + 1 == len(lines) or lines[i + 1].unit != ln.unit
        if unit_subtotals and last_of_unit:
            mine = [x for x in lines if x.unit == ln.unit]
            rows.append(total_row("小计", ln.unit, sum(x.debit for x in mine),
                                  sum(x.credit for x in mine)))
    rows.append(total_row("本月合计", "", sum(x.debit for x in lines),
                          sum(x.credit for x in lines)))
    rows.append(total_row("本年累计", "", *ytd))
    return rows


def write_xlsx(office: Office, path: Path, rows: list[list[str]], sheet: str) -> None:
    """Text cells only, amounts as formatted text."""
    wb = new_workbook(path, rows[0][0], office.department)
    ws = wb.add_worksheet(sheet)
    f = basic_formats(wb)
    for col, w in enumerate(STYLE_B_WIDTHS):
        ws.set_column(col, col, w)
    for r, cells in enumerate(rows):
        fmt = f["head"] if r == 3 else f["note"] if r < 3 else f["text"]
        for c, value in enumerate(cells):
            ws.write_string(r, c, value, fmt)
    wb.close()


def write_xls(path: Path, rows: list[list[str]], sheet: str) -> None:
    """Real BIFF8 .xls (xlwt), as the 一体化 system's "导出Excel(97-2003)" gives it."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(sheet)
    head = xlwt.easyxf("font: bold on, name 宋体; align: horiz center; borders: left thin, "
                       "right thin, top thin, bottom thin")
    body = xlwt.easyxf("font: name 宋体; borders: left thin, right thin, top thin, bottom thin")
    note = xlwt.easyxf("font: name 宋体")
    for col, w in enumerate(STYLE_B_WIDTHS):
        ws.col(col).width = 256 * w
    for r, cells in enumerate(rows):
        fmt = head if r == 3 else note if r < 3 else body
        for c, value in enumerate(cells):
            ws.write(r, c, value, fmt)
    wb.save(str(path))


def write_html(path: Path, rows: list[list[str]]) -> None:
    """A ".xls" that is really an HTML table (gb2312), the usual "导出到Excel" of 用友/浪潮."""
    out = ['<html xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:x="urn:schemas-microsoft-com:office:excel" '
           'xmlns="http://www.w3.org/TR/REC-html40">',
           "<head>",
           '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
           '<meta name="ProgId" content="Excel.Sheet">',
           "<style>td{mso-number-format:\"\\@\";font-family:宋体;font-size:10pt}"
           " .h{font-weight:bold;text-align:center;background:#D9E1F2}</style>",
           "</head>", "<body>", '<table border="1" cellspacing="0" cellpadding="2">']
    width = len(STYLE_B_HEADER)
    for r, cells in enumerate(rows):
        if r < 3:
            out.append(f'<tr><td colspan="{width}">{html.escape(cells[0]) if cells else ""}</td></tr>')
        elif r == 3:
            out.append("<tr>" + "".join(f'<td class="h">{html.escape(c)}</td>' for c in cells)
                       + "</tr>")
        else:
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    out += ["</table>", "</body>", "</html>", ""]
    path.write_bytes("\r\n".join(out).encode("gb2312"))


def write_csv(path: Path, rows: list[list[str]]) -> None:
    """CSV as Chinese Excel saves it: GBK, no BOM, CRLF, short rows padded with commas."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    width = len(STYLE_B_HEADER)
    for cells in rows:
        writer.writerow(list(cells) + [""] * (width - len(cells)))
    path.write_bytes(buf.getvalue().encode("gbk"))
