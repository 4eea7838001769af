"""Sample 2's December 年终结转 (in the December file, after the month's other vouchers, all
dated 12-31) and the department-level balances before and after it."""

from __future__ import annotations

from collections import defaultdict

from ..closing import close_expense, close_income, stamp, year_totals
from ..ledger import Line
from ..money import ZERO
from .facts import (FISCAL, NONFISCAL, STATION, STATION_SPECIAL_PROJECT, STATION_TO_8301,
                    UNITS)


def _pair(unit, summary, debit_acc, credit_acc, amount) -> list[Line]:
    return [Line(unit, 12, 31, "", summary, debit_acc, "", "", NONFISCAL, "", "", amount, ZERO),
            Line(unit, 12, 31, "", summary, credit_acc, "", "", NONFISCAL, "", "", ZERO, amount)]


def closing_lines(year_lines: list[Line], december: list[Line]) -> tuple[list[Line], object]:
    """The closing vouchers' lines and the year's 结余分配 (the 8701 debits)."""
    out: list[Line] = []
    distribution = ZERO
    for u in UNITS:
        number = max(int(ln.voucher) for ln in december if ln.unit == u.name)

        def add(lines, summary):
            nonlocal number
            number += 1
            out.extend(stamp(lines, str(number), summary))

        add(close_income(u.name, year_totals(year_lines, u.name, ("6001",), (FISCAL,)), "8101"),
            "年终结转本年财政拨款收入")
        add(close_expense(u.name, year_totals(year_lines, u.name, (u.account,), (FISCAL,)),
                          "8101"), "年终结转本年财政拨款支出")
        if u.name != STATION:
            continue
        spending = year_totals(year_lines, u.name, (u.account,), (NONFISCAL,))
        special = {k: v for k, v in spending.items() if k[4] == STATION_SPECIAL_PROJECT}
        ordinary = {k: v for k, v in spending.items() if k not in special}
        add(close_expense(u.name, special, "8201"), "年终结转非财政拨款专项资金支出")
        income = year_totals(year_lines, u.name, ("6101",), (NONFISCAL,))
        add(close_income(u.name, income, "8501"), "年终结转本年事业收入（非专项资金）")
        add(close_expense(u.name, ordinary, "8501"), "年终结转本年非财政拨款非专项资金支出")
        result = sum(income.values(), ZERO) - sum(ordinary.values(), ZERO)
        add(_pair(u.name, "", "8501", "8701", result), "其他结余转入非财政拨款结余分配")
        add(_pair(u.name, "", "8701", "8301", STATION_TO_8301), "提取专用结余")
        add(_pair(u.name, "", "8701", "8202", result - STATION_TO_8301),
            "非财政拨款结余分配转入非财政拨款结余")
        distribution += result
    return out, distribution


def opening_balances() -> dict[tuple, object]:
    """(account, fund) → signed opening balance of the department (debit positive); 8001 per
    fund = Σ of that fund's 81xx–84xx credit balances."""
    bal: dict[tuple, object] = defaultdict(lambda: ZERO)
    for u in UNITS:
        for (acc, fund), amount in u.opening.items():
            bal[(acc, fund)] -= amount
            bal[("8001", fund)] += amount
    return dict(bal)


def balance_rows(start: dict[tuple, object], lines: list[Line]) -> tuple[list[dict], dict]:
    """Department-level 科目余额表 rows: balance at the period's start, the period's flows, the
    end balance; only rows with something non-zero, in account then fund order."""
    flows: dict[tuple, list] = defaultdict(lambda: [ZERO, ZERO])
    for ln in lines:
        f = flows[(ln.account, ln.fund)]
        f[0] += ln.debit
        f[1] += ln.credit
    keys = sorted(set(start) | set(flows), key=lambda k: (k[0], k[1] != FISCAL))
    rows, end = [], {}
    for k in keys:
        debit, credit = flows.get(k, (ZERO, ZERO))
        opening = start.get(k, ZERO)
        end[k] = opening + debit - credit
        if opening or debit or credit or end[k]:
            rows.append(dict(code=k[0], fund=k[1], opening=opening, debit=debit,
                             credit=credit, closing=end[k]))
    return rows, end
