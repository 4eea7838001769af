"""年终结转 vouchers: at year end (or month end, in some systems) income is debited and expense
credited against the carry-over accounts.  They are not the year's flows: 底稿 keeps them
(方向 年终结转), no table counts them, and 核对表 reconciles them with the year's income and
expense.  How they are recognised is data (accounts.toml [year_end])."""

from __future__ import annotations

from collections import defaultdict

from ..ingest.records import LedgerLine
from ..templates import Account, YearEndEntries


def _on(code: str, prefixes: tuple[str, ...]) -> bool:
    return any(code.startswith(p) for p in prefixes)


def year_end_lines(ledger: list[LedgerLine], accounts: dict[str, Account],
                   rule: YearEndEntries) -> set[int]:
    """Indexes of the ledger lines that are 年终结转 entries.

    In a numbered voucher with a line on a carry-over account (81xx–87xx): those lines and the
    income/expense lines that run against their account's normal side (income debited, expense
    credited).  An ordinary voucher posts its counterpart to 8001 资金结存 (double entry) or has
    none (single entry), never a carry-over account; and a line on its normal side (an expense
    that shares the closing voucher's number when an export drops the 凭证字, an 8001 line) stays
    a flow of the year.  A line without a voucher number is one when its 摘要 says so and it is on
    a carry-over account or runs against its normal side.
    """
    vouchers: dict[tuple, list[int]] = defaultdict(list)
    found: set[int] = set()
    for index, line in enumerate(ledger):
        if line.voucher:
            vouchers[(line.source.file, line.unit, line.period, line.voucher)].append(index)
        elif any(word in line.summary for word in rule.summary_words) \
                and _closing_side(line, accounts, rule):
            found.add(index)
    for indexes in vouchers.values():
        if any(_on(ledger[i].account_code, rule.carry_over_prefixes) for i in indexes):
            found.update(i for i in indexes if _closing_side(ledger[i], accounts, rule))
    return found


def _closing_side(line: LedgerLine, accounts: dict[str, Account], rule: YearEndEntries) -> bool:
    """On a carry-over account, or an income / expense line against its normal side."""
    if _on(line.account_code, rule.carry_over_prefixes):
        return True
    account = accounts.get(line.account_code)
    if account is None or not _on(line.account_code, rule.budget_prefixes):
        return False
    if account.direction == "收入":
        return line.debit - line.credit > 0
    if account.direction == "支出":
        return line.credit - line.debit > 0
    return False
