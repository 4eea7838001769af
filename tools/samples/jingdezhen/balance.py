"""Sample 1's January trial balance (科目余额表_2020年01月)."""

from __future__ import annotations

from collections import defaultdict

from ..ledger import Line
from ..money import D, FEN, ZERO
from .facts import FISCAL, NONFISCAL, RESERVES, UNITS


def trial_balance_rows(jan_lines: list[Line]) -> list[dict]:
    """科目余额表 2020-01: every unit × 8101/8102/8201/8202 (and 8301 where held), plus its
    6001/6609/7x01/8001 rows.

    The carried accounts (8101 8102 8201) hold 年初结转和结余; 8202/8301 the accumulated
    reserves of some 事业 units.  8001 资金结存 opens, per unit and fund, with a debit equal to
    the sum of that unit's 81xx–84xx credit balances (the budget-accounting identity), so the
    balance is in balance (借 = 贷)."""
    rows = []
    flows = defaultdict(lambda: [ZERO, ZERO])
    for ln in jan_lines:
        f = flows[(ln.unit, ln.account, ln.fund)]
        f[0] += ln.debit
        f[1] += ln.credit
    for u in UNITS:
        b8102 = (u.opening_fiscal * D("0.072")).quantize(FEN)
        reserves = RESERVES.get(u.name, {})
        openings = {("8101", FISCAL): u.opening_fiscal - b8102, ("8102", FISCAL): b8102,
                    ("8201", NONFISCAL): u.opening_other,
                    ("8202", NONFISCAL): reserves.get("8202", ZERO)}
        if "8301" in reserves:
            openings[("8301", NONFISCAL)] = reserves["8301"]
        for (code, fund), amount in openings.items():
            rows.append(dict(unit=u.name, code=code, fund=fund, opening=-amount,
                             debit=ZERO, credit=ZERO))
        funds_8001 = {fund: sum((a for (c, f), a in openings.items() if f == fund), ZERO)
                      for fund in (FISCAL, NONFISCAL)}
        for code, fund in (("6001", FISCAL), ("6609", NONFISCAL), (u.account, FISCAL),
                           (u.account, NONFISCAL), ("8001", FISCAL), ("8001", NONFISCAL)):
            debit, credit = flows.get((u.name, code, fund), (ZERO, ZERO))
            opening = funds_8001[fund] if code == "8001" else ZERO
            if debit or credit or opening:
                rows.append(dict(unit=u.name, code=code, fund=fund, opening=opening,
                                 debit=debit, credit=credit))
    for r in rows:
        r["closing"] = r["opening"] + r["debit"] - r["credit"]
    return rows
