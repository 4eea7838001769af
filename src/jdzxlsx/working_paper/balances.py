"""Balance lines of 底稿: the year's opening balances (January's 期初余额) and closing balances
(December's 期末余额) of the 8xxx accounts.  The carried accounts (accounts.toml carried:
8101 8102 8201 8401) give 年初/年末结转和结余; the others (8001 8202 8301 …) are kept as
年初余额/年末余额 for the checks.  A balance of another month says nothing about the year's ends."""

from __future__ import annotations

from decimal import Decimal
from typing import Callable

from ..ingest.records import BalanceLine
from ..templates import Account
from .lines import CENT, CLOSING, CLOSING_OTHER, OPENING, OPENING_OTHER, WorkingLine


def balance_lines(balances: list[BalanceLine], accounts: dict[str, Account], year: int,
                  last_month: str, in_scope: Callable[[BalanceLine], bool]) -> list[WorkingLine]:
    first, december = f"{year}-01", f"{year}-12"
    out = []
    for balance in balances:
        account = accounts.get(balance.account_code)
        if account is None or not balance.account_code.startswith("8"):
            continue
        ends = []
        if balance.period == first:
            ends.append(("年初余额", OPENING if account.carried else OPENING_OTHER,
                         balance.opening))
        if balance.period == december == last_month and balance.closing is not None:
            ends.append(("年末余额", CLOSING if account.carried else CLOSING_OTHER,
                         balance.closing))
        if not ends or not in_scope(balance):
            continue
        for what, direction, signed in ends:
            out.append(WorkingLine(
                unit=balance.unit, period=balance.period, direction=direction,
                category=account.category,
                fund_source=account.fund_source or balance.fund_source,
                function_code=balance.function_code, economic_code="",
                account_code=balance.account_code, project="", voucher="",
                summary=f"{what} {balance.account_code} {balance.account_name}",
                amount=_by_side(signed, account).quantize(CENT), source=balance.source))
    return out


def _by_side(signed: Decimal, account: Account) -> Decimal:
    """A balance (debit positive) as the account's normal side reads it."""
    return -signed if account.side == "贷" else signed
