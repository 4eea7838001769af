"""Sample 2's spread: annual items → dated, balanced vouchers, each income or expense line with
its 8001 资金结存 counterpart in the same voucher (double entry, 一体化 style)."""

from __future__ import annotations

import random
from collections import defaultdict

from .. import ledger
from ..ledger import CHINESE_MONTH, MONTHS_ALL, Item, Line, Voucher
from ..money import ZERO, split_exact
from .facts import (CATEGORY_SPELLINGS, FISCAL, NONFISCAL, STATION, STATION_INCOME_6101,
                    UNCLASSIFIED_INCOME_MONTH, UNIT_BY_NAME, UNITS, YEAR)

UNIT_INDEX = {u.name: i for i, u in enumerate(UNITS)}
SUMMARIES = {
    "30201": "购买办公用品", "30202": "支付资料印刷费", "30205": "缴纳{m}水费",
    "30206": "缴纳{m}电费", "30207": "缴纳电话费及宽带费", "30211": "报销下乡差旅费",
    "30213": "支付办公设备维修费", "30215": "支付会议费", "30216": "支付培训费",
    "30217": "公务接待费（接待市农业农村局调研组）", "30218": "购买专用材料及试剂",
    "30226": "支付劳务费", "30227": "支付委托业务费", "30228": "拨付工会经费",
    "30229": "支付职工体检费", "30231": "支付公务用车加油及维修费", "30299": "支付其他公用支出",
    "30305": "发放遗属生活补助", "30310": "发放耕地地力保护补贴（第{n}批）",
    "31003": "购置农产品快速检测设备", "31299": "拨付新型农业经营主体培育补助",
}
GROUPS = {"30101": "wage", "30102": "wage", "30103": "wage", "30107": "wage", "30199": "wage",
          "30108": "insurance", "30109": "insurance", "30110": "insurance",
          "30113": "insurance", "30302": "retiree"}
GROUP_SUMMARY = {"wage": "发放{m}份工资", "insurance": "缴纳{m}份社会保险费及住房公积金",
                 "retiree": "发放{m}份离退休费"}


def pick_day(rng, month, lo=1, hi=31) -> int:
    return ledger.pick_day(rng, YEAR, month, lo, hi)


def month_weights(item: Item, rng) -> dict[int, float]:
    p = item.pattern
    if p == "monthly":
        return {m: rng.uniform(0.985, 1.015) for m in MONTHS_ALL}
    if p == "performance":
        return {m: (3.0 if m == 12 else 1.0) * rng.uniform(0.97, 1.03) for m in MONTHS_ALL}
    if p == "december":
        return {12: 1.0}
    if p == "quarterly":
        return {m: rng.uniform(0.8, 1.2) for m in (3, 6, 9, 12)}
    if p == "bimonthly":
        return {m: rng.uniform(0.7, 1.3) for m in (1, 3, 5, 7, 9, 11)}
    if p == "sporadic":
        return {m: rng.uniform(0.4, 1.6) for m in sorted(rng.sample(MONTHS_ALL,
                                                                    rng.randint(4, 9)))}
    if p == "grants":
        return dict(zip(item.months, item.month_weights))
    if p == "lumpy":
        months = sorted(set(rng.choices(item.months, weights=item.month_weights,
                                        k=rng.randint(2, 6))))
        return {m: rng.uniform(0.5, 1.5) for m in months}
    raise ValueError(p)


def spelling(unit: str, category: str) -> str:
    """Each unit's accountant writes the 项目类别 their own way (all spellings occur)."""
    variants = CATEGORY_SPELLINGS[category]
    return variants[UNIT_INDEX[unit] % len(variants)]


def spread_expenditure(items: list[Item], rng: random.Random) -> list[Voucher]:
    vouchers: list[Voucher] = []
    grouped: dict[tuple, Voucher] = {}
    for item in items:
        unit = UNIT_BY_NAME[item.unit]
        weights = month_weights(item, rng)
        months = sorted(weights)
        group = GROUPS.get(item.econ)
        for n, (m, amount) in enumerate(zip(months, split_exact(item.amount,
                                                                [weights[m] for m in months])),
                                        start=1):
            line = Line(item.unit, m, 0, "", "", unit.account, item.func, item.econ, item.fund,
                        item.project, item.kind, amount, ZERO,
                        spelling(item.unit, item.category))
            key = (item.unit, m, group, item.fund)
            if group and key in grouped:
                grouped[key].lines.append(line)
                continue
            if group:
                v = Voucher(item.unit, m, pick_day(rng, m, 8, 20),
                            GROUP_SUMMARY[group].format(m=CHINESE_MONTH[m]))
                grouped[key] = v
            else:
                text = SUMMARIES[item.econ].format(m=CHINESE_MONTH[m], n="一二三四五六七八九十壹贰"[n - 1])
                if item.category not in ("运转类-公用经费",):
                    text = f"{text}（{item.project}）"
                v = Voucher(item.unit, m, pick_day(rng, m), text)
            v.lines.append(line)
            vouchers.append(v)
    return vouchers


def spread_income(expenditure: list[Voucher], rng) -> tuple[list[Voucher], dict]:
    """6001 monthly in step with the unit's fiscal spending by 功能分类 (so the fiscal balance
    runs from the opening to the chosen closing, never below 0); the 检测站's 6101 monthly."""
    spent = defaultdict(lambda: ZERO)
    for v in expenditure:
        for ln in v.lines:
            if ln.fund == FISCAL:
                spent[(v.unit, v.month, ln.func)] += ln.debit
    income_by_unit, vouchers = {}, []
    for u in UNITS:
        total_spent = sum(a for (n, _, _), a in spent.items() if n == u.name)
        opening = sum(a for (acc, fund), a in u.opening.items() if acc == "8101")
        income = total_spent - opening + u.closing_8101
        income_by_unit[u.name] = income
        per_month = [float(sum(a for (n, m, _), a in spent.items() if n == u.name and m == mm))
                     for mm in MONTHS_ALL]
        for month, amount in zip(MONTHS_ALL, split_exact(income, per_month)):
            funcs = sorted(f for (n, m, f) in spent if n == u.name and m == month)
            parts = split_exact(amount, [float(spent[(u.name, month, f)]) for f in funcs])
            v = Voucher(u.name, month, pick_day(rng, month, 1, 6),
                        f"收到{CHINESE_MONTH[month]}份一般公共预算财政拨款", income=True)
            v.lines = [Line(u.name, 0, 0, "", "", "6001", f, "", FISCAL, "", "", ZERO, p)
                       for f, p in zip(funcs, parts) if p]
            vouchers.append(v)
    weights = [rng.uniform(0.6, 1.4) for _ in MONTHS_ALL]
    for month, amount in zip(MONTHS_ALL, split_exact(STATION_INCOME_6101, weights)):
        pieces = split_exact(amount, [rng.uniform(0.5, 1.5) for _ in range(rng.randint(2, 4))])
        for piece in pieces:
            func = "" if month == UNCLASSIFIED_INCOME_MONTH else "2130109"
            v = Voucher(STATION, month, pick_day(rng, month), "收到农产品检测服务费", income=True)
            v.lines = [Line(STATION, 0, 0, "", "", "6101", func, "", NONFISCAL, "", "", ZERO,
                            piece)]
            vouchers.append(v)
    return vouchers, income_by_unit


def finish_vouchers(vouchers: list[Voucher]) -> dict[int, list[Line]]:
    """Number vouchers per unit and month (1, 2, …), add the 8001 counterpart per fund, and
    return each month's lines in export order (date, unit, voucher number)."""
    for i, v in enumerate(vouchers):
        v.order = i
    numbered = []
    for (unit, month), vs in sorted(ledger.group_by_unit_month(vouchers).items(),
                                    key=lambda kv: (kv[0][1], UNIT_INDEX[kv[0][0]])):
        vs.sort(key=lambda v: (v.day, not v.income, v.order))
        for n, v in enumerate(vs, start=1):
            v.number = str(n)
            numbered.append(v)
    by_month: dict[int, list[Line]] = defaultdict(list)
    for v in sorted(numbered, key=lambda v: (v.month, v.day, UNIT_INDEX[v.unit], int(v.number))):
        for ln in v.lines:
            ln.month, ln.day, ln.voucher, ln.summary = v.month, v.day, v.number, v.summary
        by_fund = defaultdict(lambda: ZERO)
        for ln in v.lines:
            by_fund[ln.fund] += ln.credit - ln.debit
        counterpart = [Line(v.unit, v.month, v.day, v.number, v.summary, "8001", "", "", fund,
                            "", "", amount if v.income else ZERO,
                            ZERO if v.income else -amount)
                       for fund, amount in by_fund.items() if amount]
        by_month[v.month] += counterpart + v.lines if v.income else v.lines + counterpart
    return by_month
