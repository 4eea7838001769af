"""What every sample's ledger is made of: annual design items, posting lines, vouchers."""

from __future__ import annotations

import calendar
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from .money import D, ZERO

MONTHS_ALL = tuple(range(1, 13))
CHINESE_MONTH = {m: f"{m}月" for m in MONTHS_ALL}


@dataclass
class Item:
    """One annual amount of the design: unit × fund × 功能 × 经济 × 基本/项目 × project."""
    unit: str
    fund: str
    func: str
    econ: str
    kind: str
    project: str
    amount: D
    pattern: str            # how it spreads over the year
    months: tuple = ()      # allowed months for lumpy patterns
    month_weights: tuple = ()
    category: str = ""      # 一体化 项目类别 (sample 2)


@dataclass
class Line:
    """One posting line of a voucher, as every ledger export prints it."""
    unit: str
    month: int
    day: int
    voucher: str
    summary: str
    account: str
    func: str
    econ: str
    fund: str
    project: str
    kind: str               # 基本支出 / 项目支出 on expenditure lines, else ""
    debit: D
    credit: D
    category: str = ""      # 一体化 项目类别 as the export writes it (sample 2)


@dataclass
class Voucher:
    unit: str
    month: int
    day: int
    summary: str
    lines: list = field(default_factory=list)   # budget-account lines (8001 added at the end)
    income: bool = False
    rank: int = 0           # tie-break on the same day (−1: a red reversal)
    number: str = ""
    order: int = 0


def workdays(year: int, month: int) -> list[int]:
    _, ndays = calendar.monthrange(year, month)
    return [d for d in range(1, ndays + 1) if dt.date(year, month, d).weekday() < 5]


def pick_day(rng, year: int, month: int, lo: int = 1, hi: int = 31) -> int:
    days = [d for d in workdays(year, month) if lo <= d <= hi]
    return rng.choice(days)


def group_by_unit_month(vouchers: list[Voucher]) -> dict:
    g = defaultdict(list)
    for v in vouchers:
        g[(v.unit, v.month)].append(v)
    return g


def running_totals(by_month: dict[int, list[Line]]) -> dict[int, tuple[D, D]]:
    """本年累计 (debit, credit) at the end of each month."""
    ytd, running = {}, [ZERO, ZERO]
    for m in MONTHS_ALL:
        running = [running[0] + sum(ln.debit for ln in by_month[m]),
                   running[1] + sum(ln.credit for ln in by_month[m])]
        ytd[m] = tuple(running)
    return ytd
