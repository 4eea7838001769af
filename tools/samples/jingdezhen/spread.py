"""Sample 1's spread: annual items → dated postings and balanced vouchers (in the order, and
with the rng calls, of the original single-file generator)."""

from __future__ import annotations

import random
from collections import defaultdict

from .. import ledger
from ..ledger import CHINESE_MONTH, MONTHS_ALL, Item, Line, Voucher
from ..ledger import group_by_unit_month as _group
from ..money import D, ZERO, noisy, split_exact
from .facts import (BASIC, BUREAU, CEMENT, EXPO, FISCAL, INCOME_FISCAL, INSTITUTE, NONFISCAL,
                    UNIT_BY_NAME, UNITS, WALL, YEAR, Unit)


def workdays(month: int) -> list[int]:
    return ledger.workdays(YEAR, month)


def pick_day(rng, month, lo=1, hi=31) -> int:
    return ledger.pick_day(rng, YEAR, month, lo, hi)


TRIP_CITIES = ["南昌", "北京", "上海", "广州", "深圳", "杭州", "佛山", "潮州", "德化", "宜兴", "醴陵"]
GUESTS = ["省工信厅调研组", "省陶瓷办检查组", "外地客商考察团", "佛山陶瓷企业考察团",
          "市人大代表视察组", "中国陶瓷工业协会", "德化县陶瓷产业考察团", "上海投资客商",
          "景德镇陶瓷大学专家组", "省科技厅调研组"]

BASIC_SUMMARIES = {
    "30201": ["购买办公用品", "购置打印纸及硒鼓", "报销办公耗材费", "购买文件柜等办公用品"],
    "30205": ["缴纳{m}水费"],
    "30206": ["缴纳{m}电费"],
    "30207": ["缴纳电话费及宽带费", "支付邮寄快递费", "缴纳{m}通讯费"],
    "30211": ["报销赴{city}出差差旅费", "报销赴{city}学习考察差旅费", "报销市内交通费及{city}差旅费"],
    "30217": ["公务接待费（接待{guest}）"],
    "30228": ["拨付工会经费"],
    "30229": ["支付职工体检费", "发放职工困难补助（福利费）"],
    "30299": ["支付会务杂费", "支付档案整理费", "支付网站维护费", "支付办公区保洁费"],
}
PROJECT_SUMMARIES = {
    "30202": ["支付宣传资料印刷费", "支付画册印刷费", "支付会刊印刷费"],
    "30211": ["报销赴{city}招商差旅费", "报销赴{city}考察差旅费", "报销赴{city}参展差旅费"],
    "30214": ["支付展馆场地租赁费", "支付展位搭建场地租金", "支付设备租赁费"],
    "30215": ["支付会议费", "支付推介会会议费", "支付座谈会会议费"],
    "30216": ["支付培训费", "支付企业管理人员培训费"],
    "30217": ["公务接待费（接待{guest}）"],
    "30218": ["购买专用材料", "购买检测试剂及耗材", "购买防疫物资"],
    "30226": ["支付劳务费", "支付临时聘用人员劳务费", "支付专家评审劳务费"],
    "30227": ["支付委托业务费", "支付第三方服务费", "支付策划执行委托费"],
    "30299": ["支付其他商品和服务支出", "支付展会杂费", "支付布展物料费"],
    "31002": ["购置办公设备（电脑、打印机）", "购置复印机"],
    "31204": ["拨付陶瓷企业参展补助"],
}


def render_summary(rng, template: str, month: int) -> str:
    return template.format(m=CHINESE_MONTH[month], city=rng.choice(TRIP_CITIES),
                           guest=rng.choice(GUESTS))


def month_weights_for(item: Item, rng) -> dict[int, float]:
    """Month → weight of the item's postings (one posting per entry unless 'lumpy')."""
    p = item.pattern
    if p == "monthly":
        return {m: (1.0 if m < 7 else 1.035) * rng.uniform(0.985, 1.015) for m in MONTHS_ALL}
    if p == "performance":      # 绩效工资: monthly advance and a year-end settlement
        return {m: (3.2 if m == 12 else 1.0) * rng.uniform(0.97, 1.03) for m in MONTHS_ALL}
    if p == "december":
        return {12: 1.0}
    if p == "annual":
        return {3: 1.0}
    if p == "quarterly":
        return {m: rng.uniform(0.8, 1.2) for m in (3, 6, 9, 12)}
    if p == "bimonthly":
        return {m: rng.uniform(0.7, 1.3) for m in (1, 3, 5, 7, 9, 11)}
    raise ValueError(p)


def posting_plan(item: Item, rng) -> list[tuple[int, float]]:
    """(month, weight) per posting, for the irregular patterns."""
    if item.pattern == "sporadic":
        n = rng.randint(4, 9)
        months = sorted(rng.sample(MONTHS_ALL, n))
        return [(m, rng.uniform(0.4, 1.6)) for m in months]
    if item.pattern == "reception":
        n = rng.randint(6, 11)
        return sorted((rng.choice(MONTHS_ALL), rng.uniform(0.3, 1.7)) for _ in range(n))
    if item.pattern == "grants":
        return list(zip(item.months, item.month_weights))
    if item.pattern == "lumpy":
        n = max(1, min(9, int(item.amount / D(30000)) + rng.randint(1, 3)))
        months = rng.choices(item.months, weights=item.month_weights, k=n)
        return sorted((m, rng.uniform(0.5, 1.5)) for m in months)
    raise ValueError(item.pattern)


GROUP_SUMMARY = {
    "wage": "发放{m}份工资", "insurance": "缴纳{m}份社会保险费及住房公积金",
    "retiree": "发放{m}份退休人员补贴及生活补助",
}
GROUP_OF_ECON = {"30101": "wage", "30102": "wage", "30107": "wage", "30199": "wage",
                 "30108": "insurance", "30109": "insurance", "30110": "insurance",
                 "30111": "insurance", "30113": "insurance",
                 "30302": "retiree", "30305": "retiree"}


def exp_line(unit: Unit, item: Item, summary: str, amount: D) -> Line:
    return Line(unit.name, 0, 0, "", summary, unit.account, item.func, item.econ, item.fund,
                item.project, item.kind, amount, ZERO)


def spread_expenditure(items: list[Item], rng: random.Random) -> list[Voucher]:
    """Turn annual items into expenditure vouchers (budget-account lines only)."""
    vouchers: list[Voucher] = []
    grouped: dict[tuple, Voucher] = {}
    for item in items:
        unit = UNIT_BY_NAME[item.unit]
        group = GROUP_OF_ECON.get(item.econ) if item.kind == BASIC else None
        if item.pattern in ("monthly", "performance", "december", "annual", "quarterly",
                            "bimonthly"):
            weights = month_weights_for(item, rng)
            months = sorted(weights)
            for m, amount in zip(months, split_exact(item.amount, [weights[m] for m in months])):
                if group:
                    key = (item.unit, m, group)
                    if key not in grouped:
                        day = {"wage": pick_day(rng, m, 8, 15), "insurance": pick_day(rng, m, 16, 24),
                               "retiree": pick_day(rng, m, 3, 9)}[group]
                        grouped[key] = Voucher(item.unit, m, day,
                                               GROUP_SUMMARY[group].format(m=CHINESE_MONTH[m]))
                        vouchers.append(grouped[key])
                    v = grouped[key]
                    v.lines.append(exp_line(unit, item, v.summary, amount))
                else:
                    text = {
                        "30103": "发放2020年度年终一次性奖金",
                        "30112": "缴纳2020年度职工大病医疗保险",
                        "30399": "发放遗属补助及独生子女父母奖励",
                        "30205": "缴纳{m}水费", "30206": "缴纳{m}电费", "30228": "拨付工会经费",
                    }[item.econ]
                    v = Voucher(item.unit, m, pick_day(rng, m), text.format(m=CHINESE_MONTH[m]))
                    v.lines.append(exp_line(unit, item, v.summary, amount))
                    vouchers.append(v)
        else:
            plan = posting_plan(item, rng)
            amounts = split_exact(item.amount, [w for _, w in plan])
            table = BASIC_SUMMARIES if item.kind == BASIC else PROJECT_SUMMARIES
            for n, ((m, _), amount) in enumerate(zip(plan, amounts)):
                if item.pattern == "grants":
                    text = f"拨付陶瓷企业参展补助（第{'一二三四'[n]}批）"
                else:
                    text = render_summary(rng, rng.choice(table[item.econ]), m)
                v = Voucher(item.unit, m, pick_day(rng, m), text)
                v.lines.append(exp_line(unit, item, text, amount))
                vouchers.append(v)
    return vouchers


def add_red_reversals(vouchers: list[Voucher], rng) -> list[tuple]:
    """红字冲销: a posting first booked to a wrong 经济分类, reversed in red, then rebooked.

    The item's own posting becomes the corrected voucher, so the year's figures are unchanged.
    Returns (wrong, reversal) voucher pairs so the reversal's 摘要 can name the wrong number."""
    pairs = []
    for unit, month, econ, wrong_econ in ((BUREAU, 3, "30201", "30211"),
                                         (EXPO, 11, "30227", "30299")):
        candidates = [v for v in vouchers if v.unit == unit and v.month == month
                      and len(v.lines) == 1 and v.lines[0].econ == econ]
        if not candidates:
            raise AssertionError(f"no {econ} posting of {unit} in month {month} to reverse")
        right = min(candidates, key=lambda v: (v.lines[0].debit, v.day))
        line = right.lines[0]
        wrong_day = min(workdays(month))
        wrong = Voucher(unit, month, wrong_day, right.summary)
        wrong.lines.append(Line(**{**line.__dict__, "econ": wrong_econ}))
        right.day = max(right.day, min(d for d in workdays(month) if d >= wrong_day + 7))
        reversal = Voucher(unit, month, right.day, "", rank=-1)
        reversal.lines.append(Line(**{**line.__dict__, "econ": wrong_econ,
                                      "debit": -line.debit}))
        vouchers += [wrong, reversal]
        pairs.append((wrong, reversal, right))
    return pairs


def spread_income(expenditure: list[Voucher], rng) -> tuple[list[Voucher], dict]:
    """6001 each month in step with the unit's fiscal spending (授权支付额度 received as used),
    by the 功能分类 of that spending; 6609 as the units receive it.  Returns vouchers and the
    annual 6001 per unit."""
    vouchers: list[Voucher] = []
    spent = defaultdict(D)                     # (unit, month, func) → fiscal spending
    fiscal_by_unit = defaultdict(D)
    for v in expenditure:
        for ln in v.lines:
            if ln.fund == FISCAL:
                spent[(v.unit, v.month, ln.func)] += ln.debit
                fiscal_by_unit[v.unit] += ln.debit
    closing_total = (sum(u.opening_fiscal for u in UNITS) + INCOME_FISCAL
                     - sum(fiscal_by_unit.values()))
    income_by_unit = {}
    for u in UNITS:
        closing = u.closing_fiscal if u.name != EXPO else (
            closing_total - sum(x.closing_fiscal for x in UNITS if x.name != EXPO))
        income_by_unit[u.name] = fiscal_by_unit[u.name] - u.opening_fiscal + closing
    for u in UNITS:
        per_month = [sum(a for (n, m, _), a in spent.items() if n == u.name and m == month)
                     for month in MONTHS_ALL]
        for month, amount in zip(MONTHS_ALL, split_exact(income_by_unit[u.name],
                                                         [float(x) for x in per_month])):
            funcs = sorted(f for (n, m, f) in spent if n == u.name and m == month)
            parts = split_exact(amount, [float(spent[(u.name, month, f)]) for f in funcs])
            v = Voucher(u.name, month, pick_day(rng, month, 1, 8),
                        f"收到{CHINESE_MONTH[month]}份财政授权支付额度", income=True)
            for f, part in zip(funcs, parts):
                if part:
                    v.lines.append(Line(u.name, 0, 0, "", v.summary, "6001", f, "", FISCAL,
                                        "", "", ZERO, part))
            vouchers.append(v)
    # 其他预算收入 (6609)
    plans = {
        EXPO: ("2060701", ["收到参展企业展位费", "收到瓷博会赞助收入", "收到展位费（第{n}批）"],
               [7, 8, 8, 9, 9, 10, 10, 11], [0.6, 1.0, 1.2, 1.6, 1.4, 1.5, 0.8, 0.5]),
        INSTITUTE: ("2060499", ["收到陶瓷检测服务费", "收到技术咨询服务费", "收到存款利息"],
                    [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [1.0] * 12),
        WALL: ("2011399", ["收到墙材检测服务费", "收到存款利息"], [3, 6, 9, 12], [1.0] * 4),
        CEMENT: ("2011399", ["收到散装水泥技术服务费", "收到存款利息"], [3, 6, 9, 12], [1.0] * 4),
    }
    for name, (func, texts, months, weights) in plans.items():
        unit = UNIT_BY_NAME[name]
        for n, (month, amount) in enumerate(zip(months, split_exact(
                unit.income_other, noisy(rng, weights, 0.3))), start=1):
            text = rng.choice(texts).format(n=n)
            v = Voucher(name, month, pick_day(rng, month), text, income=True)
            v.lines.append(Line(name, 0, 0, "", text, "6609", func, "", NONFISCAL, "", "",
                                ZERO, amount))
            vouchers.append(v)
    return vouchers, income_by_unit


def finish_vouchers(vouchers: list[Voucher], pairs) -> dict[int, list[Line]]:
    """Number vouchers per unit and month (记-0001 …), add the 8001 counterpart line(s), and
    return the lines per month in export order (unit, then voucher number)."""
    unit_order = {u.name: i for i, u in enumerate(UNITS)}
    for i, v in enumerate(vouchers):
        v.order = i
    groups = sorted(_group(vouchers).items(), key=lambda kv: (kv[0][1], unit_order[kv[0][0]]))
    for _, vs in groups:
        # same day: income first, a red reversal before the voucher that rebooks the posting
        vs.sort(key=lambda v: (v.day, not v.income, v.rank, v.order))
        for n, v in enumerate(vs, start=1):
            v.number = f"记-{n:04d}"
    for wrong, reversal, right in pairs:
        reversal.summary = f"冲销{wrong.month}月{wrong.number}号凭证（经济分类错误，红字）"
        right.summary = f"更正{wrong.month}月{wrong.number}号凭证：{right.summary}"
    by_month: dict[int, list[Line]] = defaultdict(list)
    for (unit, month), vs in groups:
        for v in vs:
            for ln in v.lines:
                ln.month, ln.day, ln.voucher, ln.summary = v.month, v.day, v.number, v.summary
            by_fund = defaultdict(D)
            for ln in v.lines:
                by_fund[ln.fund] += ln.credit - ln.debit   # income: + , expenditure: −
            counterpart = []
            for fund in (FISCAL, NONFISCAL):
                if fund in by_fund:
                    amount = by_fund[fund]
                    counterpart.append(Line(unit, v.month, v.day, v.number, v.summary, "8001",
                                            "", "", fund, "", "",
                                            amount if v.income else ZERO,
                                            ZERO if v.income else -amount))
            lines = counterpart + v.lines if v.income else v.lines + counterpart
            by_month[month] += lines
    return by_month


