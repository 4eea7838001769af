"""Balance lines of 底稿: the year's opening balances (January's 期初余额) and closing balances
(December's 期末余额) of the 8xxx accounts.  The carried accounts (accounts.toml carried:
8101 8102 8201 8401) give 年初/年末结转和结余; the others (8001 8202 8301 …) are kept as
年初余额/年末余额 for the checks.  A balance of another month says nothing about the year's ends."""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from ..ingest.records import BalanceLine
from ..templates import Account
from .lines import (CENT, CLOSING, CLOSING_OTHER, OPENING, OPENING_OTHER, UNMAPPED,
                    WorkingLine)


def balance_lines(balances: list[BalanceLine], accounts: dict[str, Account], year: int,
                  last_month: str, in_scope: Callable[[BalanceLine], bool],
                  budget_prefixes: tuple[str, ...], notes: list[str]) -> list[WorkingLine]:
    first, december = f"{year}-01", f"{year}-12"
    before_closing = [b for b in balances if b.period == december == last_month and b.closing
                      and b.account_code.startswith(budget_prefixes)]
    if before_closing:
        # income and expense not yet closed: December's 8xxx balances are not the year's end
        notes.append(f"12月科目余额表是年终结转前的余额（如 {before_closing[0].source} "
                     f"科目 {before_closing[0].account_code} 期末不为零），"
                     f"年末结转和结余按公式推算，未取该表的期末余额")
    out = []
    for balance in balances:
        if not balance.account_code.startswith("8") or balance.period not in (first, december):
            continue
        account = accounts.get(balance.account_code)
        if account is None:
            if in_scope(balance):
                out.append(_unmapped(balance, year))
            continue
        ends = []
        if balance.period == first:
            ends.append(("年初余额", OPENING if account.carried else OPENING_OTHER,
                         balance.opening))
        if balance.period == december == last_month and balance.closing is not None \
                and not before_closing:
            ends.append(("年末余额", CLOSING if account.carried else CLOSING_OTHER,
                         balance.closing))
        if not ends or not in_scope(balance):
            continue
        fund = account.fund_source or balance.fund_source
        problems = _fund_problems(account, fund) if account.carried else ()
        for what, direction, signed in ends:
            out.append(WorkingLine(
                unit=balance.unit, period=balance.period, direction=direction,
                category=account.category,
                fund_source=fund,
                function_code=balance.function_code, economic_code="",
                account_code=balance.account_code, project="", voucher="",
                summary=f"{what} {balance.account_code} {balance.account_name}",
                amount=_by_side(signed, account).quantize(CENT), source=balance.source,
                problems=problems))
    return out


def _fund_problems(account: Account, fund: str) -> tuple[str, ...]:
    """A carried balance is split by its 资金性质 (公开04表 takes 8101/8102 per fund): without
    one, or with one its account cannot hold, it would fall out of the fund's cells unseen."""
    if not fund:
        return (f"科目 {account.code} {account.name} 的余额缺少资金性质：公开04表按资金性质取"
                f"财政拨款结转和结余，这一余额不会计入",)
    if fund not in account.funds:
        return (f"科目 {account.code} {account.name} 的余额不应使用资金性质「{fund}」"
                f"（应为 {'、'.join(account.funds)}）",)
    return ()


def _unmapped(balance: BalanceLine, year: int) -> WorkingLine:
    """An 8xxx balance row whose account the mapping does not know (a detail account such as
    810101): listed by 核对表 with its place, never dropped silently."""
    return WorkingLine(
        unit=balance.unit, period=balance.period, direction=UNMAPPED, category=UNMAPPED,
        fund_source=balance.fund_source, function_code=balance.function_code, economic_code="",
        account_code=balance.account_code, project="", voucher="",
        summary=f"余额 {balance.account_code} {balance.account_name}",
        amount=(balance.opening if balance.period.endswith("-01")
                else balance.closing or Decimal(0)).quantize(CENT), source=balance.source,
        problems=(f"科目余额表中的科目「{balance.account_code} {balance.account_name}」不在 {year} "
                  f"年预算会计科目对照表（templates/{year}/accounts.toml）中，其余额未计入年初或"
                  f"年末结转和结余",))


def _by_side(signed: Decimal, account: Account) -> Decimal:
    """A balance (debit positive) as the account's normal side reads it."""
    return -signed if account.side == "贷" else signed
