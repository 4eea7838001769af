"""Sample 2's verification: what the design promises, recomputed from the emitted lines and
balances with plain Decimal arithmetic; stops loudly if one does not hold."""

from __future__ import annotations

from collections import defaultdict

from ..ledger import MONTHS_ALL, Line
from ..money import ZERO, check, wan
from .codes import ECON_NAMES, PAIRED, TEMPLATE_FUNC, UNLISTED
from .facts import (BASIC, FISCAL, NONFISCAL, STATION, UNCLASSIFIED_INCOME_MONTH,
                    UNIT_BY_NAME)

CARRIED = ("8101", "8102", "8201", "8401")
LISTED = set(TEMPLATE_FUNC)            # every code used but the deliberate gap is listed


def _balanced(lines: list[Line], label: str) -> None:
    vouchers: dict[tuple, list] = defaultdict(lambda: [ZERO, ZERO])
    for ln in lines:
        v = vouchers[(ln.unit, ln.month, ln.voucher)]
        v[0] += ln.debit
        v[1] += ln.credit
    for key, (dr, cr) in vouchers.items():
        check(dr == cr, f"{label} voucher {key} unbalanced: {dr} ≠ {cr}")


def verify_lines(by_month: dict[int, list[Line]]) -> dict:
    lines = [ln for m in MONTHS_ALL for ln in by_month[m]]
    _balanced(lines, "")
    # Double entry with 8001 inside each voucher, per fund.
    move: dict[tuple, object] = defaultdict(lambda: ZERO)
    for ln in lines:
        sign = 1 if ln.account == "8001" or ln.account[0] in "67" else 0
        move[(ln.unit, ln.month, ln.voucher, ln.fund)] += sign * (ln.debit - ln.credit)
        check(ln.account[0] in "678", f"unexpected account {ln}")
        check(ln.account == "8001" or ln.account[0] in "67", f"in-year 8xxx posting {ln}")
    check(all(v == 0 for v in move.values()), "an income/expense line without its 8001")
    unlisted = []
    for ln in lines:
        unit = UNIT_BY_NAME[ln.unit]
        if ln.account[0] == "7":
            check(ln.account == unit.account, f"{ln.unit} posts {ln.account}")
            check(bool(ln.project) and bool(ln.category), f"expense line without 项目/类别 {ln}")
            check(ln.econ in ECON_NAMES, f"economic code {ln.econ}")
            check(ln.func in LISTED or ln.func in UNLISTED, f"function code {ln.func}")
            if ln.func in UNLISTED:
                unlisted.append(ln)
            if ln.econ in PAIRED:
                check(ln.func == PAIRED[ln.econ][0 if unit.civil else 1], f"unpaired {ln}")
            if ln.econ in ("30212", "30217", "30231", "31013"):
                check(unit.civil and ln.kind == BASIC and ln.fund == FISCAL, f"三公 {ln}")
        if ln.account == "6101":
            check(unit.name == STATION, "6101 outside the 事业 unit with 事业收入")
            check((ln.func == "") == (ln.month == UNCLASSIFIED_INCOME_MONTH),
                  f"6101 功能分类 {ln}")
    unclassified = [ln for ln in lines if ln.account == "6101" and not ln.func]
    check(len({ln.func for ln in unlisted}) == 1, "not exactly one unlisted code")
    for m in MONTHS_ALL:
        check(80 <= len(by_month[m]) <= 400, f"month {m}: {len(by_month[m])} lines")
    # Each unit × fund's carried balance stays ≥ 0 at every month end.
    bal: dict[tuple, object] = defaultdict(lambda: ZERO)
    for u in UNIT_BY_NAME.values():
        for (acc, fund), amount in u.opening.items():
            if acc in CARRIED:
                bal[(u.name, fund)] += amount
    for m in MONTHS_ALL:
        for ln in by_month[m]:
            if ln.account[0] in "67":
                bal[(ln.unit, ln.fund)] += ln.credit - ln.debit
        check(all(v >= 0 for v in bal.values()), f"a fund runs negative in month {m}")
    return {"unlisted": unlisted, "unclassified": unclassified}


def verify_balances(jan: list[dict], dec: list[dict], closing: list[Line]) -> None:
    _balanced(closing, "closing")
    for rows, label in ((jan, "2020-01"), (dec, "2020-12")):
        check(sum(r["opening"] for r in rows) == 0 and sum(r["closing"] for r in rows) == 0,
              f"{label} balance not in balance")
    for fund in (FISCAL, NONFISCAL):
        held = sum((r["closing"] for r in dec if r["fund"] == fund and r["code"][0] == "8"), ZERO)
        check(held == 0, f"8001 ≠ Σ 8xxx for {fund} at year end")
        opening = sum((r["opening"] for r in jan if r["fund"] == fund and r["code"][0] == "8"),
                      ZERO)
        check(opening == 0, f"8001 ≠ Σ 8xxx for {fund} at the opening")
    for r in dec:
        if r["code"][0] in "67" or r["code"] in ("8501", "8701"):
            check(r["closing"] == 0, f"{r['code']} not closed at year end")
        if r["code"][0] == "8" and r["code"] != "8001":
            check(r["closing"] <= 0, f"{r['code']} {r['fund']} ends with a debit balance")


def verify_budget(items, budget) -> dict:
    """决算 ÷ 年初预算 per 类 (一般公共预算财政拨款, 万元 as B1 compares them)."""
    actual, initial = defaultdict(lambda: ZERO), defaultdict(lambda: ZERO)
    for it in items:
        if it.fund == FISCAL:
            actual[it.func[:3]] += it.amount
    for r in budget:
        if r.fund == FISCAL:
            initial[r.func[:3]] += r.initial
    ratios = {c: wan(actual[c]) / wan(initial[c]) for c in actual}
    outside = [c for c, r in ratios.items() if not 0.9 <= r <= 1.1]
    check(outside == ["210"], f"classes outside the band: {outside} {ratios}")
    total = wan(sum(actual.values(), ZERO)) / wan(sum(initial.values(), ZERO))
    check(0.9 <= total <= 1.1, f"total ratio {total}")
    return {"actual": dict(actual), "initial": dict(initial), "ratios": ratios}
