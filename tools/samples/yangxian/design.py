"""Sample 2's design: annual items per unit × fund × 功能 × 经济 × 项目类别 × project, split to
the fen from the amounts in facts.py (one seeded rng, fixed call order)."""

from __future__ import annotations

import random

from ..ledger import Item
from ..money import noisy, split_exact
from .codes import PAIRED
from .facts import (CATEGORY_KIND, FISCAL, NONFISCAL, OFFICE, PERSONNEL, STATION,
                    STATION_NONFISCAL_302, STATION_NONFISCAL_WAGES, UNITS)

OFFICE_SHARES = {"30201": 0.22, "30205": 0.04, "30206": 0.12, "30207": 0.07, "30211": 0.18,
                 "30213": 0.08, "30228": 0.14, "30229": 0.06, "30299": 0.09}
OFFICE_PATTERN = {"30205": "bimonthly", "30206": "monthly", "30228": "quarterly"}
PROJECT_MONTHS = {
    "耕地地力保护补贴": ((5, 6, 11), (1.0, 1.2, 0.8)),
    "新型农业经营主体培育项目": ((7, 9, 10, 11, 12), (1, 1, 1.5, 2, 1)),
    "农作物重大病虫害统防统治": ((4, 5, 6, 7, 8, 9), (1, 2, 2, 1.5, 1, 0.5)),
    "农产品检测设备购置": ((6,), (1.0,)),
}


def _item(unit, fund, func, econ, category, project, amount, pattern, months=(), weights=()):
    return Item(unit.name, fund, func, econ, CATEGORY_KIND[category], project, amount, pattern,
                months, weights, category)


def design_items(rng: random.Random) -> list[Item]:
    items: list[Item] = []
    for u in UNITS:
        side = 0 if u.civil else 1
        if u.civil:
            codes, shares = ["30101", "30102", "30103", "30199"], [0.32, 0.45, 0.17, 0.06]
        else:
            codes, shares = ["30101", "30102", "30107", "30199"], [0.33, 0.12, 0.50, 0.05]
        for code, amount in zip(codes, split_exact(u.wages, noisy(rng, shares))):
            items.append(_item(u, FISCAL, u.run_func, code, PERSONNEL, "在职人员工资", amount,
                               {"30103": "december", "30107": "performance"}.get(code,
                                                                               "monthly")))
        for code, amount in u.insurance.items():
            project = "住房公积金" if code == "30113" else "社会保障缴费"
            items.append(_item(u, FISCAL, PAIRED[code][side], code, PERSONNEL, project, amount,
                               "monthly"))
        items.append(_item(u, FISCAL, PAIRED["30302"][side], "30302", PERSONNEL,
                           "离退休人员经费", u.retirees, "monthly"))
        if u.living:
            items.append(_item(u, FISCAL, u.run_func, "30305", PERSONNEL, "离退休人员经费",
                               u.living, "quarterly"))
        rest = u.office_302 - sum(u.fixed_302.values())
        for code, amount in zip(OFFICE_SHARES, split_exact(rest, noisy(
                rng, list(OFFICE_SHARES.values()), 0.2))):
            items.append(_item(u, FISCAL, u.run_func, code, OFFICE, "公用经费", amount,
                               OFFICE_PATTERN.get(code, "sporadic")))
        for code, amount in u.fixed_302.items():
            items.append(_item(u, FISCAL, u.run_func, code, OFFICE, "公用经费", amount,
                               "sporadic"))
        if u.name == STATION:
            items.append(_item(u, NONFISCAL, u.run_func, "30107", PERSONNEL, "在职人员工资",
                               STATION_NONFISCAL_WAGES, "monthly"))
            shares = {"30205": 0.10, "30206": 0.30, "30213": 0.25, "30218": 0.20, "30299": 0.15}
            for code, amount in zip(shares, split_exact(STATION_NONFISCAL_302, noisy(
                    rng, list(shares.values()), 0.2))):
                items.append(_item(u, NONFISCAL, u.run_func, code, OFFICE, "公用经费", amount,
                                   OFFICE_PATTERN.get(code, "sporadic")))
        for name, func, category, fund, total, shares in u.projects:
            months, weights = PROJECT_MONTHS.get(name, (tuple(range(3, 13)), (1,) * 10))
            pattern = "grants" if name == "耕地地力保护补贴" else "lumpy"
            for code, amount in zip(shares, split_exact(total, noisy(
                    rng, list(shares.values()), 0.15) if len(shares) > 1 else [1.0])):
                items.append(_item(u, fund, func, code, category, name, amount, pattern,
                                   months, weights))
    return items


def check_design(items: list[Item], check) -> None:
    for u in UNITS:
        mine = [i for i in items if i.unit == u.name]
        planned = (u.wages + sum(u.insurance.values()) + u.retirees + u.living + u.office_302
                   + sum(p[4] for p in u.projects))
        if u.name == STATION:
            planned += STATION_NONFISCAL_WAGES + STATION_NONFISCAL_302
        check(sum(i.amount for i in mine) == planned, f"{u.name}: items ≠ plan")
    check(all(i.amount > 0 for i in items), "a non-positive item")
