"""Sample 1's 年终结转 vouchers (December, dated 31st), appended after every other line of the
December export so no existing line moves: per unit, the year's 财政拨款 income and spending
closed into 8101, the non-fiscal ones into 8201 (all 8201: no 结余分配 arises, the published
figures hold)."""

from __future__ import annotations

from ..closing import close_expense, close_income, stamp, year_totals
from ..ledger import Line
from .facts import FISCAL, NONFISCAL, UNITS

STEPS = (  # (摘要, accounts, fund, carry-over account, income?)
    ("年终结转本年财政拨款收入", ("6001",), FISCAL, "8101", True),
    ("年终结转本年财政拨款支出", ("7101", "7201"), FISCAL, "8101", False),
    ("年终结转本年非财政拨款收入", ("6609",), NONFISCAL, "8201", True),
    ("年终结转本年非财政拨款支出", ("7101", "7201"), NONFISCAL, "8201", False),
)


def closing_lines(year_lines: list[Line], december: list[Line]) -> list[Line]:
    """The closing vouchers' lines, unit by unit, numbered after the unit's December vouchers."""
    out: list[Line] = []
    for u in UNITS:
        last = max(int(ln.voucher[2:]) for ln in december if ln.unit == u.name)
        for summary, accounts, fund, target, income in STEPS:
            totals = year_totals(year_lines, u.name, accounts, (fund,))
            if not totals:
                continue
            last += 1
            make = close_income if income else close_expense
            out += stamp(make(u.name, totals, target), f"记-{last:04d}", summary)
    return out
