"""Sample 1's design: annual 元 amounts per unit × fund × 功能分类 × 经济分类 × 基本/项目 ×
project, top-down from the named targets in facts.py, each split exactly to the fen; and the
budget quotas.  The rng calls happen in the order of the original single-file generator."""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass

from ..ledger import MONTHS_ALL, Item
from ..money import D, FEN, ZERO, noisy, split_exact
from .facts import (ASSOCIATION, BASIC, BUDGET_201, BUDGET_206,
                    BUDGET_ASSOCIATION_PROJECT, BUDGET_INSTITUTE_BASIC,
                    BUDGET_INSTITUTE_PROJECT, BUDGET_RECEPTION, BUREAU, BUREAU_302,
                    BUREAU_302_BASIC, BUREAU_310, BUREAU_312, BUREAU_BUDGET_302_BASIC,
                    BUREAU_BUDGET_BASIC, BUREAU_PLANNING_302, BUREAU_RECEPTION_BASIC,
                    BUREAU_RECEPTION_PROJECT, CEMENT, DEPT_30108, DEPT_30109, DEPT_30110,
                    DEPT_30111, DEPT_30112, DEPT_30113, DEPT_30302, EXPENSE_NONFISCAL, EXPO,
                    FISCAL, FISCAL_BY_CLASS, INSTITUTE, NONFISCAL, PROJECT, RECEPTION_TOTAL,
                    UNITS, WALL)

def design_basic(rng: random.Random) -> list[Item]:
    """基本支出 (all 一般公共预算财政拨款) per unit × 功能 × 经济."""
    items: list[Item] = []

    def add(unit, func, econ, amount, pattern):
        if amount:
            items.append(Item(unit.name, FISCAL, func, econ, BASIC, "", amount, pattern))

    # Department insurance-type 款, spread over units (pay-weighted, headcount or retirees).
    pay = noisy(rng, [float(u.basic_301) for u in UNITS], 0.05)
    by_unit = {
        "30108": split_exact(DEPT_30108, noisy(rng, pay, 0.04)),
        "30109": split_exact(DEPT_30109, noisy(rng, pay, 0.04)),
        "30110": split_exact(DEPT_30110, noisy(rng, pay, 0.04)),
        "30111": split_exact(DEPT_30111, [p if u.civil else 0.0 for p, u in zip(pay, UNITS)]),
        "30112": split_exact(DEPT_30112, noisy(rng, [float(u.staff) for u in UNITS], 0.03)),
        "30113": split_exact(DEPT_30113, noisy(rng, pay, 0.04)),
        "30302": split_exact(DEPT_30302, noisy(rng, [float(u.retired) for u in UNITS], 0.1)),
    }
    for i, u in enumerate(UNITS):
        ins = {code: amounts[i] for code, amounts in by_unit.items()}
        add(u, "2080505", "30108", ins["30108"], "monthly")
        add(u, "2080506", "30109", ins["30109"], "monthly")
        add(u, "2101101" if u.civil else "2101102", "30110", ins["30110"], "monthly")
        add(u, "2101103", "30111", ins["30111"], "monthly")
        add(u, "2101199", "30112", ins["30112"], "annual")
        add(u, "2210201", "30113", ins["30113"], "monthly")
        add(u, "2080501" if u.civil else "2080502", "30302", ins["30302"], "monthly")

        # Wages: what is left of the unit's 301 after the insurance-type 款.
        wages = u.basic_301 - sum(ins[c] for c in ("30108", "30109", "30110", "30111",
                                                   "30112", "30113"))
        if u.civil:
            codes, shares = ["30101", "30102", "30103", "30199"], [0.32, 0.45, 0.17, 0.06]
        else:
            codes, shares = ["30101", "30102", "30107", "30199"], [0.33, 0.12, 0.50, 0.05]
        for code, amount in zip(codes, split_exact(wages, noisy(rng, shares))):
            add(u, u.run_func, code, amount,
                {"30103": "december", "30107": "performance"}.get(code, "monthly"))

        # 对个人和家庭的补助 beyond 退休费.
        rest_303 = u.basic_303 - ins["30302"]
        s305, s399 = split_exact(rest_303, noisy(rng, [0.75, 0.25]))
        add(u, u.run_func, "30305", s305, "monthly")
        add(u, u.run_func, "30399", s399, "quarterly")

        # 商品和服务支出 (公用经费): 公务接待费 fixed, the rest by usual shares.
        add(u, u.run_func, "30217", u.reception_basic, "reception")
        codes = ["30201", "30205", "30206", "30207", "30211", "30228", "30229", "30299"]
        shares = [0.22, 0.04, 0.12, 0.07, 0.18, 0.14, 0.08, 0.15]
        for code, amount in zip(codes, split_exact(u.basic_302 - u.reception_basic,
                                                   noisy(rng, shares, 0.2))):
            add(u, u.run_func, code, amount, {"30205": "bimonthly", "30206": "monthly",
                                              "30228": "quarterly"}.get(code, "sporadic"))
    return items




def project_items(rng, unit, fund, func, project, total, shares: dict, months, weights,
                  fixed: dict | None = None) -> list[Item]:
    """A project's annual amount split over 经济分类 款 (``fixed`` 款 amounts taken first)."""
    fixed = fixed or {}
    codes = list(shares)
    rest = total - sum(fixed.values())
    amounts = dict(zip(codes, split_exact(rest, noisy(rng, list(shares.values()), 0.15))))
    for code, amount in fixed.items():
        amounts[code] = amounts.get(code, ZERO) + amount
    return [Item(unit, fund, func, code, PROJECT, project, amount, "lumpy", months, weights)
            for code, amount in amounts.items() if amount]


def design_projects(rng: random.Random, basic: list[Item]) -> list[Item]:
    """项目支出: fiscal projects (the rest of each 功能 类) and the non-fiscal ones."""
    items: list[Item] = []
    spring = (2, 3, 4, 5, 6)
    # 局本级
    items.append(Item(BUREAU, FISCAL, "2060701", "31204", PROJECT, "陶瓷企业境内外参展补助资金",
                      BUREAU_312, "grants", (7, 10, 12), (1.0, 1.3, 1.0)))
    items += project_items(rng, BUREAU, FISCAL, "2011302", "陶瓷产业发展规划及行业管理经费",
                           BUREAU_PLANNING_302,
                           {"30202": 0.15, "30211": 0.12, "30215": 0.18, "30216": 0.15,
                            "30227": 0.40}, tuple(range(3, 13)), (1,) * 10)
    items.append(Item(BUREAU, FISCAL, "2011302", "31002", PROJECT, "陶瓷产业发展规划及行业管理经费",
                      BUREAU_310, "lumpy", (4, 9), (1.0, 0.6)))
    items += project_items(rng, BUREAU, FISCAL, "2299901", "新冠肺炎疫情防控及企业复工复产服务经费",
                           FISCAL_BY_CLASS["229"], {"30218": 0.55, "30226": 0.20, "30299": 0.25},
                           spring, (3, 3, 2, 1, 1))
    bureau_expo = (BUREAU_302 - BUREAU_302_BASIC - BUREAU_PLANNING_302 - FISCAL_BY_CLASS["229"])
    items += project_items(rng, BUREAU, FISCAL, "2060701", "瓷博会招商招展工作经费", bureau_expo,
                           {"30211": 0.35, "30215": 0.20, "30226": 0.15, "30299": 0.30},
                           tuple(range(6, 12)), (1, 1, 1.5, 2, 2, 1.5),
                           fixed={"30217": BUREAU_RECEPTION_PROJECT})

    # 201: what basic and 局本级 leave goes to the 协会's 招商引资 project.
    used_201 = sum(i.amount for i in basic + items if i.fund == FISCAL and i.func[:3] == "201")
    association = FISCAL_BY_CLASS["201"] - used_201
    items += project_items(rng, ASSOCIATION, FISCAL, "2011308", "陶瓷行业招商引资服务经费",
                           association, {"30202": 0.15, "30211": 0.30, "30215": 0.25,
                                         "30227": 0.30}, tuple(range(4, 12)), (1,) * 8)

    # 206: 研究所 research project, then the 瓷博会 office takes the rest (mostly 2060701).
    items += project_items(rng, INSTITUTE, FISCAL, "2060404", "特种陶瓷新材料研发及成果转化项目",
                           D("468352.71"), {"30211": 0.10, "30218": 0.45, "30226": 0.20,
                                            "30227": 0.25}, tuple(range(3, 13)), (1,) * 10)
    used_206 = sum(i.amount for i in basic + items if i.fund == FISCAL and i.func[:3] == "206")
    expo_total = FISCAL_BY_CLASS["206"] - used_206
    expo_months = MONTHS_ALL
    expo_weights = (0.3, 0.2, 0.4, 0.5, 0.5, 0.6, 0.7, 0.9, 1.6, 3.0, 2.4, 0.8)
    promo, online = split_exact((expo_total * D("0.21")).quantize(FEN), [13, 8])
    main = expo_total - promo - online
    items += project_items(rng, EXPO, FISCAL, "2060701", "2020中国景德镇国际陶瓷博览会筹办经费",
                           main, {"30202": 0.08, "30211": 0.05, "30214": 0.30, "30218": 0.10,
                                  "30226": 0.12, "30227": 0.25, "30299": 0.10},
                           expo_months, expo_weights,
                           fixed={"30217": RECEPTION_TOTAL - BUREAU_RECEPTION_BASIC
                                  - BUREAU_RECEPTION_PROJECT
                                  - sum(u.reception_basic for u in UNITS if u.name != BUREAU)})
    items += project_items(rng, EXPO, FISCAL, "2060701", "瓷博会宣传推介经费", promo,
                           {"30202": 0.30, "30227": 0.50, "30299": 0.20},
                           tuple(range(5, 13)), (0.5, 0.6, 0.8, 1.2, 1.8, 2.5, 1.2, 0.4))
    items += project_items(rng, EXPO, FISCAL, "2060701", "瓷博会线上展会平台建设运维经费", online,
                           {"30227": 0.80, "30299": 0.20}, tuple(range(6, 13)),
                           (0.5, 0.8, 1.2, 1.5, 2.0, 1.5, 0.6))

    # 非财政拨款 (其他收入 and non-fiscal carry-over), 项目支出 under 201 and 206.
    late = tuple(range(2, 13))
    nf = {INSTITUTE: D("452176.38"), WALL: D("182364.91"), CEMENT: D("143597.26")}
    nf[EXPO] = EXPENSE_NONFISCAL - sum(nf.values())
    items += project_items(rng, EXPO, NONFISCAL, "2060701", "瓷博会展位及赞助收入安排支出", nf[EXPO],
                           {"30202": 0.10, "30214": 0.35, "30226": 0.25, "30227": 0.20,
                            "30299": 0.10}, (9, 10, 11, 12), (1.0, 2.5, 2.0, 0.6))
    items += project_items(rng, INSTITUTE, NONFISCAL, "2060499", "检测服务及技术咨询项目支出",
                           nf[INSTITUTE], {"30211": 0.15, "30218": 0.40, "30226": 0.25,
                                           "30227": 0.20}, late, (1,) * 11)
    items += project_items(rng, WALL, NONFISCAL, "2011399", "新型墙体材料推广应用工作经费",
                           nf[WALL], {"30202": 0.15, "30211": 0.25, "30215": 0.20,
                                      "30216": 0.15, "30299": 0.25}, late, (1,) * 11)
    items += project_items(rng, CEMENT, NONFISCAL, "2011399", "散装水泥及预拌混凝土推广监管工作经费",
                           nf[CEMENT], {"30202": 0.15, "30211": 0.30, "30226": 0.25,
                                        "30299": 0.30}, late, (1,) * 11)
    return items



@dataclass
class BudgetRow:
    unit: str
    func: str
    econ: str
    kind: str
    project: str
    initial: D
    adjusted: D


def design_budget(items: list[Item], rng: random.Random) -> list[BudgetRow]:
    """年初预算数 / 调整预算数 rows (一般公共预算财政拨款), unit × 项 × 款 × 基本/项目."""
    actual = defaultdict(D)
    for it in items:
        if it.fund == FISCAL:
            actual[(it.unit, it.func, it.econ, it.kind, it.project)] += it.amount
    keys = sorted(actual, key=lambda k: ([u.name for u in UNITS].index(k[0]), k[3] != BASIC,
                                         k[4], k[1], k[2]))
    initial: dict[tuple, D] = {}

    def allocate(selected, total, spread=0.12):
        for k, amount in zip(selected, split_exact(total, noisy(rng, [float(actual[k])
                                                                      for k in selected], spread))):
            initial[k] = amount

    welfare = {"208", "210", "221"}
    for k in keys:                                    # 208/210/221: budget as spent
        if k[1][:3] in welfare:
            initial[k] = actual[k]
    for k in keys:                                    # 30217 rows: the 三公 budget
        if k[2] == "30217" and (k[3] == BASIC or k[0] == EXPO):
            initial[k] = BUDGET_RECEPTION[k[0]]
    # 局本级: basic only in the 年初 budget (projects were 追加 during the year).
    bureau_welfare = sum(initial[k] for k in keys if k[0] == BUREAU and k[1][:3] in welfare)
    bureau_302 = [k for k in keys if k[0] == BUREAU and k[3] == BASIC and k[2][:3] == "302"
                  and k[2] != "30217"]
    allocate(bureau_302, BUREAU_BUDGET_302_BASIC - BUDGET_RECEPTION[BUREAU], 0.3)
    bureau_rest = [k for k in keys if k[0] == BUREAU and k[3] == BASIC and k[1] == "2011301"
                   and k[2][:3] in ("301", "303")]
    allocate(bureau_rest, BUREAU_BUDGET_BASIC - bureau_welfare - BUREAU_BUDGET_302_BASIC)
    for k in keys:
        if k[0] == BUREAU and k[3] == PROJECT:
            initial[k] = ZERO
    # 201: the 协会's project, then the other units' 行政运行/事业运行 rows take the rest.
    assoc = [k for k in keys if k[0] == ASSOCIATION and k[3] == PROJECT]
    allocate(assoc, BUDGET_ASSOCIATION_PROJECT)
    others_201 = [k for k in keys if k not in initial and k[1][:3] == "201"]
    allocate(others_201, BUDGET_201 - sum(v for k, v in initial.items() if k[1][:3] == "201"))
    # 206: 研究所 basic and project, then the 瓷博会 projects take the rest.
    allocate([k for k in keys if k[0] == INSTITUTE and k[3] == BASIC and k not in initial],
             BUDGET_INSTITUTE_BASIC)
    allocate([k for k in keys if k[0] == INSTITUTE and k[3] == PROJECT], BUDGET_INSTITUTE_PROJECT)
    expo = [k for k in keys if k[0] == EXPO and k[3] == PROJECT and k not in initial]
    allocate(expo, BUDGET_206 - sum(v for k, v in initial.items() if k[1][:3] == "206"))

    rows = []
    for k in keys:
        if k[1][:3] == "229":                         # no 229 quota rows at all
            continue
        init = initial[k]
        adjusted = init
        if init == 0:                                 # 追加 of the year
            adjusted = (actual[k] * D(str(rng.uniform(1.0, 1.06)))).quantize(FEN)
        elif k[3] == PROJECT and k[0] == EXPO and actual[k] > init:
            adjusted = (actual[k] * D(str(rng.uniform(1.0, 1.03)))).quantize(FEN)
        elif k[0] in (WALL, CEMENT, INSTITUTE) and k[2] in ("30107", "30102"):
            adjusted = (init * D(str(rng.uniform(1.05, 1.25)))).quantize(FEN)
        rows.append(BudgetRow(k[0], k[1], k[2], k[3], k[4], init, adjusted))
    return rows

