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
    """Indexes of the ledger lines that belong to 年终结转 vouchers.

    A numbered voucher is one when all its lines are on budget (6xxx/7xxx) or carry-over
    (81xx–87xx) accounts and at least one is on a carry-over account: an ordinary voucher
    posts its counterpart to 8001 资金结存 (double entry) or has no counterpart at all (single
    entry), never a carry-over account.  A line without a voucher number is one when its 摘要
    says so and it runs against its account's normal side (income debited, expense credited)
    or is on a carry-over account.
    """
    vouchers: dict[tuple, list[int]] = defaultdict(list)
    unnumbered: list[int] = []
    for index, line in enumerate(ledger):
        if line.voucher:
            vouchers[(line.source.file, line.unit, line.period, line.voucher)].append(index)
        else:
            unnumbered.append(index)
    found: set[int] = set()
    for indexes in vouchers.values():
        codes = [ledger[i].account_code for i in indexes]
        if (any(_on(c, rule.carry_over_prefixes) for c in codes)
                and all(_on(c, rule.carry_over_prefixes + rule.budget_prefixes) for c in codes)):
            found.update(indexes)
    for index in unnumbered:
        line = ledger[index]
        if any(word in line.summary for word in rule.summary_words) \
                and _against_normal_side(line, accounts, rule):
            found.add(index)
    return found


def _against_normal_side(line: LedgerLine, accounts: dict[str, Account],
                         rule: YearEndEntries) -> bool:
    if _on(line.account_code, rule.carry_over_prefixes):
        return True
    account = accounts.get(line.account_code)
    if account is None:
        return False
    if account.direction == "收入":
        return line.debit - line.credit > 0
    if account.direction == "支出":
        return line.credit - line.debit > 0
    return False
