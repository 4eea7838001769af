"""Sample 2's budget quotas (一体化 指标 export) and last year's key figures."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from ..ledger import Item
from ..money import D, FEN
from .facts import (BASIC, BUDGET_FACTOR, CATEGORY_KIND, FISCAL, PRIOR_YEAR_DISTRIBUTION, PRIOR_YEAR_EXPENSE,
                    PRIOR_YEAR_INCOME, PRIOR_YEAR_OTHER, UNITS)


@dataclass
class BudgetRow:
    unit: str
    func: str
    econ: str
    fund: str
    category: str
    project: str
    initial: D
    adjusted: D


def design_budget(items: list[Item], rng: random.Random) -> list[BudgetRow]:
    """年初预算数 = 决算 × a factor drawn per row in its 类's range (facts.BUDGET_FACTOR; the
    单位资金 rows 0.9–1.1); 调整预算数 differs on about one row in six (追加 of the year)."""
    actual: dict[tuple, D] = defaultdict(D)
    for it in items:
        actual[(it.unit, it.func, it.econ, it.fund, it.category, it.project)] += it.amount
    order = {u.name: i for i, u in enumerate(UNITS)}
    rows = []
    rank = {c: i for i, c in enumerate(CATEGORY_KIND)}
    for k in sorted(actual, key=lambda k: (order[k[0]], k[3] != FISCAL, rank[k[4]], k[5], k[1],
                                           k[2])):
        lo, hi = BUDGET_FACTOR[k[1][:3]] if k[3] == FISCAL else (0.9, 1.1)
        initial = (actual[k] * D(str(round(rng.uniform(lo, hi), 4)))).quantize(FEN)
        adjusted = initial
        if rng.random() < 0.17:
            adjusted = (max(initial, actual[k]) * D(str(round(rng.uniform(1.0, 1.05), 4)))
                        ).quantize(FEN)
        rows.append(BudgetRow(*k, initial, adjusted))
    return rows


def prior_year(opening_carried: D) -> list[tuple[str, D]]:
    """2019's key figures in 元; 2019 年末 = 2020 年初 exactly."""
    opening_2019 = (opening_carried - PRIOR_YEAR_INCOME + PRIOR_YEAR_EXPENSE
                    + PRIOR_YEAR_DISTRIBUTION)
    other = dict(PRIOR_YEAR_OTHER)
    return [("本年收入合计", PRIOR_YEAR_INCOME), ("本年支出合计", PRIOR_YEAR_EXPENSE),
            ("年初结转和结余", opening_2019), ("年末结转和结余", opening_carried),
            ("基本支出", other[BASIC]), ("项目支出", PRIOR_YEAR_EXPENSE - other[BASIC]),
            *[(k, v) for k, v in PRIOR_YEAR_OTHER if k != BASIC]]
