"""预算管理一体化 style: code and name in one cell ("7101 行政支出", "2130101 行政运行",
"30101 基本工资"), 凭证号 as plain numbers, 项目 and 项目类别 on every expense line, numeric
amounts, title rows above the header."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..ledger import Line
from ..xlsx import basic_formats, new_workbook, write_money
from . import Office
from .hand_kept import write_quota_rows

LEDGER_HEADER = ["凭证日期", "凭证号", "摘要", "单位", "会计科目", "功能分类", "经济分类",
                 "资金性质", "项目", "项目类别", "借方", "贷方"]
LEDGER_WIDTHS = [11, 7, 40, 26, 18, 28, 24, 13, 34, 16, 14, 14]


def write_ledger(office: Office, path: Path, month: int, lines: list[Line], note: str) -> None:
    year = office.year
    wb = new_workbook(path, f"记账凭证明细 {year}年{month:02d}月", office.department, note)
    f = basic_formats(wb)
    ws = wb.add_worksheet("凭证明细")
    for col, w in enumerate(LEDGER_WIDTHS):
        ws.set_column(col, col, w)
    ws.merge_range(0, 0, 0, len(LEDGER_HEADER) - 1, "记账凭证明细查询", f["title"])
    ws.write_string(1, 0, f"单位：{office.department}", f["note"])
    ws.write_string(2, 0, f"期间：{year}年{month:02d}月", f["note"])
    ws.write_string(3, 0, "金额单位：元", f["note"])
    for col, head in enumerate(LEDGER_HEADER):
        ws.write_string(4, col, head, f["head"])
    row = 5
    for ln in lines:
        ws.write_datetime(row, 0, dt.datetime(year, month, ln.day), f["date"])
        ws.write_number(row, 1, int(ln.voucher), f["int"])
        for col, text in enumerate([ln.summary, ln.unit, office.account(ln.account),
                                    office.func(ln.func), office.econ(ln.econ),
                                    office.fund_labels[ln.fund], ln.project, ln.category],
                                   start=2):
            ws.write_string(row, col, text, f["text"])
        write_money(ws, row, 10, ln.debit, f["money"])
        write_money(ws, row, 11, ln.credit, f["money"])
        row += 1
    for col in range(10):
        ws.write_blank(row, col, None, f["total"])
    ws.write_string(row, 2, "合计", f["total"])
    ws.write_number(row, 10, float(sum(x.debit for x in lines)), f["total_money"])
    ws.write_number(row, 11, float(sum(x.credit for x in lines)), f["total_money"])
    ws.freeze_panes(5, 0)
    wb.close()


BUDGET_HEADER = ["预算单位", "功能分类", "经济分类", "资金性质", "项目类别", "项目名称",
                 "年初预算数", "调整预算数"]


def write_budget(office: Office, path: Path, rows: list, note: str) -> None:
    """指标 export: one row per unit × 功能 × 经济 × 资金性质 × 项目类别 × 项目; a 合计 row.
    ``rows``: objects with unit, func, econ, fund, category, project, initial, adjusted."""
    dep, year = office.department, office.year
    wb = new_workbook(path, f"{year}年预算指标", dep, note)
    f = basic_formats(wb)
    ws = wb.add_worksheet("预算指标")
    for col, w in enumerate([26, 28, 24, 13, 16, 34, 15, 15]):
        ws.set_column(col, col, w)
    ws.merge_range(0, 0, 0, 7, f"{year}年预算指标明细（一体化系统导出）", f["title"])
    ws.write_string(1, 0, f"单位：{dep}", f["note"])
    ws.write_string(2, 0, "金额单位：元", f["note"])
    for col, head in enumerate(BUDGET_HEADER):
        ws.write_string(3, col, head, f["head"])
    write_quota_rows(ws, f, 4, rows, lambda r: [r.unit, office.func(r.func), office.econ(r.econ),
                                                 office.fund_labels[r.fund], r.category,
                                                 r.project])
    wb.close()

