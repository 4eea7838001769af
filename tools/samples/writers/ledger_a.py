""""用友"-like 明细账 (.xlsx): three title rows, two-row merged header, numeric amounts,
code and name in one cell (功能分类 "2011301 行政运行", 经济分类 "[30101]基本工资")."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..ledger import Line
from ..money import D
from ..xlsx import basic_formats, new_workbook, write_money
from . import Office


def write_ledger_style_a(office: Office, path: Path, month: int, lines: list[Line],
                         ytd: tuple[D, D]) -> None:
    dep, year = office.department, office.year
    wb = new_workbook(path, f"{dep}明细账 {year}年{month:02d}月", dep)
    f = basic_formats(wb)
    ws = wb.add_worksheet("明细账")
    widths = [11, 10, 34, 34, 20, 30, 24, 20, 34, 14, 14]
    for col, w in enumerate(widths):
        ws.set_column(col, col, w)
    ws.merge_range(0, 0, 0, 10, f"{dep} 明细账", f["title"])
    ws.write_string(1, 0, f"期间：{year}年{month:02d}月", f["note"])
    ws.write_string(2, 0, "金额单位：元", f["note"])
    for col, head in enumerate(["日期", "凭证号", "摘要", "单位", "科目", "功能分类", "经济分类",
                                "资金性质", "项目"]):
        ws.merge_range(3, col, 4, col, head, f["head"])
    ws.merge_range(3, 9, 3, 10, "金额", f["head"])
    ws.write_string(4, 9, "借方", f["head"])
    ws.write_string(4, 10, "贷方", f["head"])
    row = 5
    for ln in lines:
        ws.write_datetime(row, 0, dt.datetime(year, month, ln.day), f["date"])
        ws.write_string(row, 1, ln.voucher, f["text"])
        ws.write_string(row, 2, ln.summary, f["text"])
        ws.write_string(row, 3, ln.unit, f["text"])
        ws.write_string(row, 4, office.account(ln.account), f["text"])
        ws.write_string(row, 5, office.func(ln.func), f["text"])
        ws.write_string(row, 6, f"[{ln.econ}]{office.econ_names[ln.econ]}" if ln.econ else "",
                        f["text"])
        ws.write_string(row, 7, ln.fund, f["text"])
        ws.write_string(row, 8, ln.project, f["text"])
        write_money(ws, row, 9, ln.debit, f["money"])
        write_money(ws, row, 10, ln.credit, f["money"])
        row += 1
    for label, (debit, credit) in (("本月合计", (sum(x.debit for x in lines),
                                             sum(x.credit for x in lines))), ("本年累计", ytd)):
        for col in range(9):
            ws.write_blank(row, col, None, f["total"])
        ws.write_string(row, 2, label, f["total"])
        ws.write_number(row, 9, float(debit), f["total_money"])
        ws.write_number(row, 10, float(credit), f["total_money"])
        row += 1
    ws.freeze_panes(5, 0)
    wb.close()
