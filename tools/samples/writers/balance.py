"""科目余额表 (trial balance with auxiliary 资金性质): one row per unit × account × fund, with
期初余额 (方向 | 金额), 本期发生额 (借方 | 贷方), 期末余额 (方向 | 金额); a 合计 row in balance.

Row dicts: unit (omitted for a department-level balance), code, fund, opening, debit, credit,
closing — balances signed debit-positive."""

from __future__ import annotations

from pathlib import Path

from ..xlsx import basic_formats, direction, new_workbook
from . import Office


def write_trial_balance(office: Office, path: Path, rows: list[dict], month: int,
                        unit_title: str, with_unit: bool = True, note: str = "") -> None:
    year = office.year
    wb = new_workbook(path, f"科目余额表 {year}年{month:02d}月", office.department, note)
    f = basic_formats(wb)
    ws = wb.add_worksheet("科目余额表")
    lead = ["单位", "科目编码", "科目名称", "资金性质"] if with_unit else \
        ["科目编码", "科目名称", "资金性质"]
    k = len(lead)
    widths = ([34] if with_unit else []) + [10, 16, 20, 6, 15, 15, 15, 6, 15]
    for col, w in enumerate(widths):
        ws.set_column(col, col, w)
    ws.merge_range(0, 0, 0, k + 5, "科目余额表", f["title"])
    ws.write_string(1, 0, unit_title, f["note"])
    ws.write_string(2, 0, f"期间：{year}年{month:02d}月", f["note"])
    ws.write_string(3, 0, "金额单位：元", f["note"])
    for col, head in enumerate(lead):
        ws.merge_range(4, col, 5, col, head, f["head"])
    ws.merge_range(4, k, 4, k + 1, "期初余额", f["head"])
    ws.merge_range(4, k + 2, 4, k + 3, "本期发生额", f["head"])
    ws.merge_range(4, k + 4, 4, k + 5, "期末余额", f["head"])
    for col, head in zip(range(k, k + 6), ["方向", "金额", "借方", "贷方", "方向", "金额"]):
        ws.write_string(5, col, head, f["head"])
    row = 6
    for r in rows:
        cells = ([r["unit"]] if with_unit else []) + [r["code"], office.account_names[r["code"]],
                                                       r["fund"]]
        for col, value in enumerate(cells):
            ws.write_string(row, col, value, f["text"])
        for col, signed in ((k, r["opening"]), (k + 4, r["closing"])):
            side, amount = direction(signed)
            ws.write_string(row, col, side, f["text"])
            ws.write_number(row, col + 1, float(amount), f["money0"])
        ws.write_number(row, k + 2, float(r["debit"]), f["money0"])
        ws.write_number(row, k + 3, float(r["credit"]), f["money0"])
        row += 1
    ws.write_string(row, 0, "合计", f["total"])
    for col in range(1, k):
        ws.write_blank(row, col, None, f["total"])
    for col, key in ((k, "opening"), (k + 4, "closing")):
        side, amount = direction(sum(r[key] for r in rows))
        ws.write_string(row, col, side, f["total"])
        ws.write_number(row, col + 1, float(amount), f["total_money"])
    ws.write_number(row, k + 2, float(sum(r["debit"] for r in rows)), f["total_money"])
    ws.write_number(row, k + 3, float(sum(r["credit"] for r in rows)), f["total_money"])
    ws.freeze_panes(6, 0)
    wb.close()
