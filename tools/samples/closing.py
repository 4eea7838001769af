"""年终结转 (year-end closing) vouchers built from a year's posting lines.

Closing an income account debits it by the year's total and credits a carry-over account
(6001 → 8101, 6101/6609 → 8201 or 8501); closing an expense account credits it and debits the
carry-over account.  One line per income/expense key (account × 功能 × 经济 × 基本/项目 × project
× 项目类别 × fund) with the year's total and the same auxiliary items; the carry-over side one line
per 功能分类 × fund.  No 8001 line: closing moves nothing between money and balances."""

from __future__ import annotations

from collections import defaultdict

from .ledger import Line
from .money import ZERO


def _key(ln: Line) -> tuple:
    return (ln.account, ln.func, ln.econ, ln.kind, ln.project, ln.category, ln.fund)


def year_totals(lines: list[Line], unit: str, accounts: tuple[str, ...],
                funds: tuple[str, ...]) -> dict[tuple, object]:
    """The year's net amount per key, on the account's normal side (income: credit − debit,
    expense: debit − credit), in code order; keys netting to zero are dropped."""
    totals: dict[tuple, object] = {}
    for ln in lines:
        if ln.unit == unit and ln.account in accounts and ln.fund in funds:
            sign = 1 if ln.account[0] == "7" else -1
            totals[_key(ln)] = totals.get(_key(ln), ZERO) + sign * (ln.debit - ln.credit)
    return {k: totals[k] for k in sorted(totals) if totals[k]}


def _line(unit, account, func, econ, kind, project, category, fund, debit, credit) -> Line:
    return Line(unit, 12, 31, "", "", account, func, econ, fund, project, kind, debit, credit,
                category)


def _carry_lines(unit: str, target: str, totals: dict, debit_side: bool,
                 fund_of_target: str | None) -> list[Line]:
    per_func: dict[tuple, object] = defaultdict(lambda: ZERO)
    for (_, func, _, _, _, _, fund), amount in totals.items():
        per_func[(func, fund_of_target or fund)] += amount
    return [_line(unit, target, func, "", "", "", "", fund,
                  amount if debit_side else ZERO, ZERO if debit_side else amount)
            for (func, fund), amount in per_func.items()]


def close_income(unit: str, totals: dict, target: str, fund_of_target: str | None = None
                 ) -> list[Line]:
    """借 each income key / 贷 ``target`` per 功能分类 × fund."""
    debits = [_line(unit, acc, func, econ, kind, project, cat, fund, amount, ZERO)
              for (acc, func, econ, kind, project, cat, fund), amount in totals.items()]
    return debits + _carry_lines(unit, target, totals, False, fund_of_target)


def close_expense(unit: str, totals: dict, target: str, fund_of_target: str | None = None
                  ) -> list[Line]:
    """借 ``target`` per 功能分类 × fund / 贷 each expense key."""
    credits = [_line(unit, acc, func, econ, kind, project, cat, fund, ZERO, amount)
               for (acc, func, econ, kind, project, cat, fund), amount in totals.items()]
    return _carry_lines(unit, target, totals, True, fund_of_target) + credits


def stamp(lines: list[Line], voucher: str, summary: str, day: int = 31) -> list[Line]:
    for ln in lines:
        ln.voucher, ln.summary, ln.day = voucher, summary, day
    return lines


def verify_closing(year_lines: list[Line], closing: list[Line], check) -> dict[str, object]:
    """Each closing voucher balances, has no 8001 line, and leaves every income and expense key
    of every unit at zero.  Returns the closed totals: '<fund> 收入' / '<fund> 支出' (元)."""
    vouchers: dict[tuple, list] = defaultdict(lambda: [ZERO, ZERO])
    for ln in closing:
        v = vouchers[(ln.unit, ln.voucher)]
        v[0] += ln.debit
        v[1] += ln.credit
        check(ln.account != "8001", f"8001 line in a closing voucher: {ln}")
        check(ln.month == 12 and ln.day == 31, f"closing line not dated 12-31: {ln}")
    for key, (dr, cr) in vouchers.items():
        check(dr == cr, f"closing voucher {key} unbalanced: {dr} ≠ {cr}")
    left: dict[tuple, object] = defaultdict(lambda: ZERO)
    closed: dict[str, object] = {}
    for ln in year_lines + closing:
        if ln.account[0] in "67":
            left[(ln.unit,) + _key(ln)] += ln.debit - ln.credit
    check(all(v == 0 for v in left.values()),
          f"income/expense left after closing: {[k for k, v in left.items() if v][:3]}")
    for ln in closing:
        if ln.account[0] in "67":
            label = f"{ln.fund} {'收入' if ln.account[0] == '6' else '支出'}"
            closed[label] = closed.get(label, ZERO) + ln.debit + ln.credit
    return closed
