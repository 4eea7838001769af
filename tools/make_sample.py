#!/usr/bin/env python3
"""Write the sample input folder inputs/景德镇市陶瓷产业发展局-2020/ (deterministically).

Run from the repo root:  python tools/make_sample.py

The folder imitates what the finance office of 景德镇市陶瓷产业发展局 keeps for its 2020 部门决算:
twelve monthly ledger exports in two vendor styles and five file formats, a January trial
balance, the budget quotas, last year's key figures and the hand-kept basic information.
Layouts follow the agreed spec (sample_spec.md); figures follow docs/sample-facts.md.

How the figures come about: the design (``design_*``) fixes annual 元 amounts per unit × fund ×
功能分类 × 经济分类 × 基本/项目 × project, top-down from the named targets below, each split
exactly to the fen; ``spread_*`` turns them into dated postings and balanced vouchers; the
``write_*`` functions print them as the office's files.  ``verify`` then recomputes every
required figure from the emitted lines with plain Decimal arithmetic and stops loudly if one
does not hold.  Nothing here imports jdzxlsx.

Deterministic: one ``random.Random(2020)``, fixed document timestamps, no clock; two runs give
byte-identical files.  Writes nothing outside the sample folder.
"""

from __future__ import annotations

import argparse
import calendar
import csv
import datetime as dt
import html
import io
import math
import random
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import xlsxwriter
import xlwt

D = Decimal
ZERO = D("0.00")
FEN = D("0.01")

REPO = Path(__file__).resolve().parent.parent
OUT_DIR = REPO / "inputs" / "景德镇市陶瓷产业发展局-2020"
SEED = 2020
YEAR = 2020
DOC_CREATED = dt.datetime(2021, 3, 15, 9, 30, 0)   # fixed workbook property: same bytes every run

DEPARTMENT = "景德镇市陶瓷产业发展局"

# ---------------------------------------------------------------------------------------------
# Target figures.  The 万元 values are those of /work/shared/docs/sample-facts.md; the 元 values
# are our choice (with fen, not round) and each rounds, ROUND_HALF_UP, to its 万元 figure.
# Where sample-facts.md requires a total that is not the sum of its rounded parts, the 元 values
# are picked so that both round right (noted at the figure).
# ---------------------------------------------------------------------------------------------

# Department, 公开01/02/03表
INCOME_FISCAL = D("31010187.63")        # 6001 一般公共预算财政拨款收入 → 3101.02
INCOME_OTHER = D("2598083.29")          # 6609 其他收入 → 259.81   (sum 33608270.92 → 3360.83)
OPENING_TOTAL = D("6935461.57")         # 年初结转和结余 → 693.55; 总计 40543732.49 → 4054.37
                                        # (not 3360.83 + 693.55 = 4054.38: both parts sit low)
EXPENSE_FISCAL = D("32850014.66")       # 一般公共预算财政拨款支出 → 3285.00
EXPENSE_NONFISCAL = D("2176613.48")     # 非财政拨款支出 → 217.66; 本年支出合计 35026628.14 → 3502.66
BASIC_301 = D("11207871.75")            # 基本支出 工资福利支出 → 1120.79
BASIC_302 = D("412243.18")              # 基本支出 商品和服务支出 → 41.22
BASIC_303 = D("1716546.92")             # 基本支出 对个人和家庭的补助 → 171.65
                                        # 基本支出 13336661.85 → 1333.67 (parts give 1333.66);
                                        # 项目支出 21689966.29 → 2169.00; 年末 5517104.35 → 551.71
EXPECTED_WAN = {
    "一般公共预算财政拨款收入": D("3101.02"), "其他收入": D("259.81"), "本年收入合计": D("3360.83"),
    "年初结转和结余": D("693.55"), "总计": D("4054.37"), "本年支出合计": D("3502.66"),
    "基本支出": D("1333.67"), "项目支出": D("2169.00"), "年末结转和结余": D("551.71"),
    "一般公共预算财政拨款支出": D("3285.00"), "非财政拨款支出": D("217.66"),
    "基本支出301": D("1120.79"), "基本支出302": D("41.22"), "基本支出303": D("171.65"),
    "基本支出310": D("0.00"), "公务接待费": D("21.70"), "机关运行经费": D("25.87"),
}

# 一般公共预算财政拨款支出 by 功能分类 类 (公开05表); 206 is what remains of EXPENSE_FISCAL.
FISCAL_BY_CLASS = {
    "201": D("9903688.21"),   # → 990.37
    "208": D("748931.54"),    # → 74.89  (30108 + 30109 + 30302)
    "210": D("419022.17"),    # → 41.90  (30110 + 30111 + 30112)
    "221": D("554883.06"),    # → 55.49  (30113)
    "229": D("825811.43"),    # → 82.58  (局本级 project)
}
FISCAL_BY_CLASS["206"] = EXPENSE_FISCAL - sum(FISCAL_BY_CLASS.values())   # 20397678.25 → 2039.77
EXPECTED_CLASS_WAN = {"201": D("990.37"), "206": D("2039.77"), "208": D("74.89"),
                      "210": D("41.90"), "221": D("55.49"), "229": D("82.58")}

# Department totals of the basic 款 that fix 208 / 210 / 221.
DEPT_30302 = D("184362.95")
DEPT_30109 = D("163877.42")
DEPT_30108 = FISCAL_BY_CLASS["208"] - DEPT_30302 - DEPT_30109
DEPT_30110 = D("300684.52")
DEPT_30111 = D("80156.38")
DEPT_30112 = FISCAL_BY_CLASS["210"] - DEPT_30110 - DEPT_30111   # under 2101199
DEPT_30113 = FISCAL_BY_CLASS["221"]

# 三公: 公务接待费 only, all 一般公共预算财政拨款 → 21.70
RECEPTION_TOTAL = D("217026.84")

# 局本级 (sample-facts.md "局本级 only")
# 局本级 6001 is derived: expenditure − opening + closing = 8597482.23 → 859.75
BUREAU_OPENING = D("1850108.41")         # → 185.01 (财政拨款 only)
BUREAU_CLOSING = D("44207.26")           # → 4.42
BUREAU_301 = D("3863187.46")             # → 386.32
BUREAU_302 = D("1946428.73")             # → 194.64 (basic 13.32, the rest 项目)
BUREAU_302_BASIC = D("133214.37")        # → 13.32 = its 公用经费 (no basic 310)
BUREAU_303 = D("373705.28")              # → 37.37
BUREAU_310 = D("70093.51")               # → 7.01 (项目, 31002 办公设备购置)
BUREAU_312 = D("4149968.40")             # → 415.00 (项目, 31204 费用补贴 to 陶瓷企业)
BUREAU_RECEPTION_BASIC = D("23586.40")
BUREAU_RECEPTION_PROJECT = D("42831.95")  # 30217 total 66418.35 → 6.64
BUREAU_PLANNING_302 = D("618274.19")     # 2011302 project, 302 part
BUREAU_EXPECTED_WAN = {"财政拨款收入": D("859.75"), "年初结转和结余": D("185.01"),
                       "支出合计": D("1040.34"), "301": D("386.32"), "302": D("194.64"),
                       "303": D("37.37"), "310": D("7.01"), "312": D("415.00"),
                       "基本支出302+310": D("13.32"), "公务接待费": D("6.64"),
                       "年末结转和结余": D("4.42")}

# 景德镇市陶瓷协会办公室 (参公): basic 302 → 12.55, so 机关运行经费 = 13.32 + 12.55 → 25.87
ASSOCIATION_302_BASIC = D("125478.15")

# Budget quotas (年初预算数, 一般公共预算财政拨款)
BUDGET_201 = D("8802589.18")             # → 880.26
BUDGET_206 = D("12062987.65")            # → 1206.30; 208/210/221 rows = actual → 74.89/41.90/55.49
EXPECTED_BUDGET_WAN = {"201": D("880.26"), "206": D("1206.30"), "208": D("74.89"),
                       "210": D("41.90"), "221": D("55.49"), "合计": D("2258.84"),
                       "公务接待费": D("66.00"), "局本级公务接待费": D("15.00"),
                       "局本级基本支出": D("589.18"), "局本级基本支出302+310": D("43.56")}
BUREAU_BUDGET_BASIC = D("5891793.66")    # → 589.18 (局本级 年初 is basic only; projects 追加)
BUREAU_BUDGET_302_BASIC = D("435578.23")  # → 43.56
BUDGET_RECEPTION = {                     # 30217 年初预算 rows, total 659987.55 → 66.00
    "景德镇市陶瓷产业发展局本级": D("150016.80"),
    "景德镇市陶瓷协会办公室": D("58012.40"),
    "景德镇市特种陶瓷研究所": D("29986.70"),
    "景德镇市墙体材料革新办公室": D("20003.10"),
    "景德镇市散装水泥及预拌混凝土管理办公室": D("15011.60"),
    "中国景德镇国际陶瓷博览会组委会办公室": D("386956.95"),   # in the 瓷博会 project
}
BUDGET_ASSOCIATION_PROJECT = D("203517.62")
BUDGET_INSTITUTE_BASIC = D("1557476.59")    # its 2060401 rows other than 30217
BUDGET_INSTITUTE_PROJECT = D("412638.47")

# Prior year (2019), sample_spec.md §4, in 万元 as the office typed them.
PRIOR_YEAR = [("本年收入合计", D("3163.35")), ("年初结转和结余", D("493.36")),
              ("本年支出合计", D("2727.38")), ("年末结转和结余", D("693.54")),
              ("工资福利支出", D("1201.35")), ("商品和服务支出", D("85.94")),
              ("对个人和家庭的补助", D("143.15")), ("资本性支出", D("0")),
              ("三公经费", D("23.25")), ("公务接待费", D("23.25")), ("机关运行经费", D("59.48"))]

# Staffing (sample_spec.md §5): 编制, 在职, 退休 per category; hand-typed 合计 编制 126 (parts: 132).
STAFFING = [("行政编制", 18, 20, 14), ("全额补助事业编制", 27, 19, 8), ("部分补助事业编制", 87, 48, 35)]
STAFFING_TYPED_TOTAL = (126, 87, 57, 144)

FISCAL = "一般公共预算财政拨款"
NONFISCAL = "非财政拨款"
BASIC = "基本支出"
PROJECT = "项目支出"

# ---------------------------------------------------------------------------------------------
# Units
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str            # 单位性质
    included: bool
    account: str         # 7101 行政支出 / 7201 事业支出
    run_func: str        # 行政运行 / 事业运行 / 机构运行 项 that carries its wages
    staff: int           # 在职
    retired: int
    basic_301: D         # 基本支出 per economic 类 (元)
    basic_302: D
    basic_303: D
    opening_fiscal: D    # 8101 + 8102
    closing_fiscal: D    # ZERO placeholder for EXPO (a residual)
    opening_other: D     # 8201 + 8202
    income_other: D      # 6609
    reception_basic: D   # 30217 in 基本支出

    @property
    def civil(self) -> bool:          # 行政 or 参公: 行政单位医疗, 公务员医疗补助, 行政单位离退休
        return self.kind in ("行政", "参公")


BUREAU = "景德镇市陶瓷产业发展局本级"
ASSOCIATION = "景德镇市陶瓷协会办公室"
INSTITUTE = "景德镇市特种陶瓷研究所"
WALL = "景德镇市墙体材料革新办公室"
CEMENT = "景德镇市散装水泥及预拌混凝土管理办公室"
EXPO = "中国景德镇国际陶瓷博览会组委会办公室"
COMPANY = "景德镇市振兴陶瓷园开发有限公司"

# Residuals (filled in by _fill_residual_units and spread_income): 散装水泥办 (CEMENT) takes what
# the department's basic 301/302/303 totals leave; the 瓷博会 office (EXPO) takes the remaining
# non-fiscal opening balance and 6609 income, and its fiscal closing balance is what is left.
UNITS = [
    Unit(BUREAU, "行政", True, "7101", "2011301", 20, 14, BUREAU_301, BUREAU_302_BASIC,
         BUREAU_303, BUREAU_OPENING, BUREAU_CLOSING, ZERO, ZERO, BUREAU_RECEPTION_BASIC),
    Unit(ASSOCIATION, "参公", True, "7101", "2011301", 8, 5, D("1182764.93"),
         ASSOCIATION_302_BASIC, D("152386.74"), D("126487.36"), D("31574.18"), ZERO, ZERO,
         D("31246.80")),
    Unit(INSTITUTE, "差额事业", True, "7201", "2060401", 26, 20, D("2353907.14"),
         D("52418.93"), D("611274.58"), D("284613.05"), D("118306.72"), D("702436.18"),
         D("583749.63"), D("9864.50")),
    Unit(WALL, "差额事业", True, "7201", "2011350", 12, 8, D("1248536.82"), D("33176.55"),
         D("259418.36"), D("163250.84"), D("87241.55"), D("381275.62"), D("246318.74"),
         D("5912.30")),
    Unit(CEMENT, "差额事业", True, "7201", "2011350", 10, 7, ZERO, ZERO, ZERO,
         D("142768.19"), D("76930.14"), D("289118.47"), D("198602.85"), D("4387.60")),
    Unit(EXPO, "全额事业", True, "7201", "2011350", 11, 3, D("1496318.57"), D("38627.41"),
         D("91642.19"), D("1798854.86"), ZERO, ZERO, ZERO, ZERO),
]
UNIT_BY_NAME = {u.name: u for u in UNITS}
ALL_UNITS_FOR_SHEET = [(u.name, u.kind, "是") for u in UNITS] + [(COMPANY, "企业", "否")]


def _fill_residual_units() -> None:
    """CEMENT takes the remainders of the basic 类 totals; EXPO the non-fiscal opening/6609."""
    global UNITS, UNIT_BY_NAME
    fixed = [u for u in UNITS if u.name != CEMENT]
    cement = UNIT_BY_NAME[CEMENT]
    cement = Unit(**{**cement.__dict__,
                     "basic_301": BASIC_301 - sum(u.basic_301 for u in fixed),
                     "basic_302": BASIC_302 - sum(u.basic_302 for u in fixed),
                     "basic_303": BASIC_303 - sum(u.basic_303 for u in fixed)})
    others = [u for u in UNITS if u.name != EXPO]
    expo = UNIT_BY_NAME[EXPO]
    opening_fiscal_total = sum(u.opening_fiscal for u in UNITS)
    expo = Unit(**{**expo.__dict__,
                   "opening_other": OPENING_TOTAL - opening_fiscal_total
                   - sum(u.opening_other for u in others),
                   "income_other": INCOME_OTHER - sum(u.income_other for u in others)})
    UNITS = [cement if u.name == CEMENT else expo if u.name == EXPO else u for u in UNITS]
    UNIT_BY_NAME = {u.name: u for u in UNITS}


_fill_residual_units()

# ---------------------------------------------------------------------------------------------
# Codebooks (names as in templates/2020/*.csv) and accounts
# ---------------------------------------------------------------------------------------------

FUNC_NAMES = {
    "2011301": "行政运行", "2011302": "一般行政管理事务", "2011308": "招商引资",
    "2011350": "事业运行", "2011399": "其他商贸事务支出",
    "2060401": "机构运行", "2060404": "科技成果转化与扩散", "2060499": "其他技术研究与开发支出",
    "2060701": "国际交流与合作",
    "2080501": "行政单位离退休", "2080502": "事业单位离退休",
    "2080505": "机关事业单位基本养老保险缴费支出", "2080506": "机关事业单位职业年金缴费支出",
    "2101101": "行政单位医疗", "2101102": "事业单位医疗", "2101103": "公务员医疗补助",
    "2101199": "其他行政事业单位医疗支出", "2210201": "住房公积金", "2299901": "其他支出",
}
ECON_NAMES = {
    "30101": "基本工资", "30102": "津贴补贴", "30103": "奖金", "30107": "绩效工资",
    "30108": "机关事业单位基本养老保险缴费", "30109": "职业年金缴费", "30110": "职工基本医疗保险缴费",
    "30111": "公务员医疗补助缴费", "30112": "其他社会保障缴费", "30113": "住房公积金",
    "30199": "其他工资福利支出",
    "30201": "办公费", "30202": "印刷费", "30205": "水费", "30206": "电费", "30207": "邮电费",
    "30211": "差旅费", "30214": "租赁费", "30215": "会议费", "30216": "培训费", "30217": "公务接待费",
    "30218": "专用材料费", "30226": "劳务费", "30227": "委托业务费", "30228": "工会经费",
    "30229": "福利费", "30299": "其他商品和服务支出",
    "30302": "退休费", "30305": "生活补助", "30399": "其他对个人和家庭的补助",
    "31002": "办公设备购置", "31204": "费用补贴",
}
ACCOUNT_NAMES = {"6001": "财政拨款预算收入", "6609": "其他预算收入", "7101": "行政支出",
                 "7201": "事业支出", "8001": "资金结存", "8101": "财政拨款结转",
                 "8102": "财政拨款结余", "8201": "非财政拨款结转", "8202": "非财政拨款结余"}
# Function ↔ economic pairing a real ledger keeps for the insurance-type 款.
PAIRED_FUNC = {"30108": {"2080505"}, "30109": {"2080506"}, "30110": {"2101101", "2101102"},
               "30111": {"2101103"}, "30112": {"2101199"}, "30113": {"2210201"},
               "30302": {"2080501", "2080502"}}

# ---------------------------------------------------------------------------------------------
# Money helpers
# ---------------------------------------------------------------------------------------------


def wan(yuan: D) -> D:
    """元 → 万元 as a table cell shows it: ROUND(元/10000, 2), half up."""
    return (yuan / D(10000)).quantize(FEN, rounding=ROUND_HALF_UP)


def split_exact(total: D, weights: list[float]) -> list[D]:
    """Split ``total`` (元, fen) by ``weights`` into fen amounts summing exactly to ``total``."""
    fen = int(total * 100)
    if D(fen) / 100 != total:
        raise ValueError(f"not a fen amount: {total}")
    wsum = sum(weights)
    raw = [fen * w / wsum for w in weights]
    base = [math.floor(x) for x in raw]
    for i in sorted(range(len(raw)), key=lambda i: (base[i] - raw[i], i))[: fen - sum(base)]:
        base[i] += 1
    parts = [D(b) / 100 for b in base]
    assert sum(parts) == total
    return [p.quantize(FEN) for p in parts]


def noisy(rng: random.Random, weights: list[float], spread: float = 0.08) -> list[float]:
    return [w * rng.uniform(1 - spread, 1 + spread) for w in weights]


# ---------------------------------------------------------------------------------------------
# Design: annual amounts
# ---------------------------------------------------------------------------------------------


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
    pattern: str            # how it spreads over the year (see spread_item)
    months: tuple = ()      # allowed months for lumpy patterns
    month_weights: tuple = ()


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


MONTHS_ALL = tuple(range(1, 13))


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


# ---------------------------------------------------------------------------------------------
# Spread: postings, vouchers, lines
# ---------------------------------------------------------------------------------------------


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


def workdays(month: int) -> list[int]:
    _, ndays = calendar.monthrange(YEAR, month)
    return [d for d in range(1, ndays + 1) if dt.date(YEAR, month, d).weekday() < 5]


def pick_day(rng, month, lo=1, hi=31) -> int:
    days = [d for d in workdays(month) if lo <= d <= hi]
    return rng.choice(days)


CHINESE_MONTH = {m: f"{m}月" for m in MONTHS_ALL}
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


def _group(vouchers):
    g = defaultdict(list)
    for v in vouchers:
        g[(v.unit, v.month)].append(v)
    return g


# ---------------------------------------------------------------------------------------------
# Formatting helpers for the two vendor styles
# ---------------------------------------------------------------------------------------------

FUND_STYLE_B = {FISCAL: "一般公共预算", NONFISCAL: "单位资金"}
FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def text_amount(x: D, fullwidth: bool = False) -> str:
    """Style B amount text: thousands separators, negatives in brackets, blank for zero."""
    if not x:
        return ""
    if fullwidth and x > 0:
        return f"{x:.2f}".translate(FULLWIDTH)
    return f"({-x:,.2f})" if x < 0 else f"{x:,.2f}"


def auxiliary(ln: Line) -> str:
    parts = []
    if ln.func:
        parts.append(f"【功能分类:{ln.func} {FUNC_NAMES[ln.func]}】")
    if ln.econ:
        parts.append(f"【经济分类:{ln.econ} {ECON_NAMES[ln.econ]}】")
    parts.append(f"【资金性质:{FUND_STYLE_B[ln.fund]}】")
    if ln.project:
        parts.append(f"【项目:{ln.project}】")
    return "".join(parts)


STYLE_B_HEADER = ["凭证日期", "凭证字号", "摘要", "预算单位", "科目编码", "科目名称", "辅助核算",
                  "借方金额", "贷方金额", "支出类型"]


def style_b_rows(month: int, lines: list[Line], ytd: tuple[D, D], unit_subtotals: bool,
                 fullwidth_every: int = 0) -> list[list[str]]:
    """All rows of a Style B export (title rows, header, data, subtotals) as text cells."""
    rows = [[f"单位：{DEPARTMENT}"], [f"会计期间：{YEAR}-{month:02d}"], [], STYLE_B_HEADER]

    def data_row(i, ln):
        fw = bool(fullwidth_every) and i % fullwidth_every == 3
        return [f"{YEAR}-{month:02d}-{ln.day:02d}", ln.voucher, ln.summary, ln.unit, ln.account,
                ACCOUNT_NAMES[ln.account], auxiliary(ln), text_amount(ln.debit, fw),
                text_amount(ln.credit, fw), ln.kind]

    def total_row(label, unit, debit, credit):
        return ["", "", label, unit, "", "", "", text_amount(debit), text_amount(credit), ""]

    for i, ln in enumerate(lines):
        rows.append(data_row(i, ln))
        last_of_unit = i + 1 == len(lines) or lines[i + 1].unit != ln.unit
        if unit_subtotals and last_of_unit:
            mine = [x for x in lines if x.unit == ln.unit]
            rows.append(total_row("小计", ln.unit, sum(x.debit for x in mine),
                                  sum(x.credit for x in mine)))
    rows.append(total_row("本月合计", "", sum(x.debit for x in lines),
                          sum(x.credit for x in lines)))
    rows.append(total_row("本年累计", "", *ytd))
    return rows


# ---------------------------------------------------------------------------------------------
# Writers, one per file kind
# ---------------------------------------------------------------------------------------------

XLSX_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False,
                "strings_to_urls": False,
                "in_memory": True}          # no temp files: nothing written outside OUT_DIR


def new_workbook(path: Path, title: str) -> xlsxwriter.Workbook:
    wb = xlsxwriter.Workbook(str(path), XLSX_OPTIONS)
    wb.set_properties({"title": title, "author": "财务室", "company": DEPARTMENT,
                       "created": DOC_CREATED})
    return wb


def basic_formats(wb):
    return {
        "title": wb.add_format({"bold": True, "font_size": 14, "align": "center",
                                "valign": "vcenter", "font_name": "宋体"}),
        "note": wb.add_format({"font_name": "宋体", "font_size": 10}),
        "head": wb.add_format({"bold": True, "align": "center", "valign": "vcenter",
                               "border": 1, "bg_color": "#D9E1F2", "font_name": "宋体",
                               "text_wrap": True}),
        "text": wb.add_format({"border": 1, "font_name": "宋体"}),
        "date": wb.add_format({"border": 1, "num_format": "yyyy-mm-dd", "font_name": "宋体"}),
        "money": wb.add_format({"border": 1, "num_format": "#,##0.00;-#,##0.00;", "font_name": "宋体"}),
        "money0": wb.add_format({"border": 1, "num_format": "#,##0.00", "font_name": "宋体"}),
        "int": wb.add_format({"border": 1, "num_format": "0", "font_name": "宋体"}),
        "total": wb.add_format({"border": 1, "bold": True, "font_name": "宋体"}),
        "total_money": wb.add_format({"border": 1, "bold": True, "num_format": "#,##0.00",
                                      "font_name": "宋体"}),
    }


def write_money(ws, row, col, value: D, fmt):
    """Numeric amount; a zero side of a posting is left blank, as the software prints it."""
    if value:
        ws.write_number(row, col, float(value), fmt)
    else:
        ws.write_blank(row, col, None, fmt)


def write_ledger_style_a(path: Path, month: int, lines: list[Line], ytd: tuple[D, D]) -> None:
    """"用友"-like 明细账 (.xlsx): three title rows, two-row merged header, numeric amounts."""
    wb = new_workbook(path, f"{DEPARTMENT}明细账 {YEAR}年{month:02d}月")
    f = basic_formats(wb)
    ws = wb.add_worksheet("明细账")
    widths = [11, 10, 34, 34, 20, 30, 24, 20, 34, 14, 14]
    for col, w in enumerate(widths):
        ws.set_column(col, col, w)
    ws.merge_range(0, 0, 0, 10, f"{DEPARTMENT} 明细账", f["title"])
    ws.write_string(1, 0, f"期间：{YEAR}年{month:02d}月", f["note"])
    ws.write_string(2, 0, "金额单位：元", f["note"])
    for col, head in enumerate(["日期", "凭证号", "摘要", "单位", "科目", "功能分类", "经济分类",
                                "资金性质", "项目"]):
        ws.merge_range(3, col, 4, col, head, f["head"])
    ws.merge_range(3, 9, 3, 10, "金额", f["head"])
    ws.write_string(4, 9, "借方", f["head"])
    ws.write_string(4, 10, "贷方", f["head"])
    row = 5
    for ln in lines:
        ws.write_datetime(row, 0, dt.datetime(YEAR, month, ln.day), f["date"])
        ws.write_string(row, 1, ln.voucher, f["text"])
        ws.write_string(row, 2, ln.summary, f["text"])
        ws.write_string(row, 3, ln.unit, f["text"])
        ws.write_string(row, 4, f"{ln.account} {ACCOUNT_NAMES[ln.account]}", f["text"])
        ws.write_string(row, 5, f"{ln.func} {FUNC_NAMES[ln.func]}" if ln.func else "", f["text"])
        ws.write_string(row, 6, f"[{ln.econ}]{ECON_NAMES[ln.econ]}" if ln.econ else "", f["text"])
        ws.write_string(row, 7, ln.fund, f["text"])
        ws.write_string(row, 8, ln.project, f["text"])
        write_money(ws, row, 9, ln.debit, f["money"])
        write_money(ws, row, 10, ln.credit, f["money"])
        row += 1
    for label, (debit, credit) in (("本月合计", (sum(x.debit for x in lines),
                                             sum(x.credit for x in lines))), ("本年累计", ytd)):
        for col in range(9):
            ws.write_blank(row, col, None, f["total"])
        ws.write_string(row, 2, label, f["total"])
        ws.write_number(row, 9, float(debit), f["total_money"])
        ws.write_number(row, 10, float(credit), f["total_money"])
        row += 1
    ws.freeze_panes(5, 0)
    wb.close()


STYLE_B_WIDTHS = [11, 10, 34, 34, 9, 16, 80, 14, 14, 9]


def write_ledger_style_b_xlsx(path: Path, rows: list[list[str]], sheet: str) -> None:
    """"一体化"-like 凭证明细 (.xlsx): text cells only, amounts as formatted text."""
    wb = new_workbook(path, rows[0][0])
    ws = wb.add_worksheet(sheet)
    f = basic_formats(wb)
    for col, w in enumerate(STYLE_B_WIDTHS):
        ws.set_column(col, col, w)
    for r, cells in enumerate(rows):
        fmt = f["head"] if r == 3 else f["note"] if r < 3 else f["text"]
        for c, value in enumerate(cells):
            ws.write_string(r, c, value, fmt)
    wb.close()


def write_ledger_style_b_xls(path: Path, rows: list[list[str]], sheet: str) -> None:
    """Real BIFF8 .xls (xlwt), as the 一体化 system's "导出Excel(97-2003)" gives it."""
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet(sheet)
    head = xlwt.easyxf("font: bold on, name 宋体; align: horiz center; borders: left thin, "
                       "right thin, top thin, bottom thin")
    body = xlwt.easyxf("font: name 宋体; borders: left thin, right thin, top thin, bottom thin")
    note = xlwt.easyxf("font: name 宋体")
    for col, w in enumerate(STYLE_B_WIDTHS):
        ws.col(col).width = 256 * w
    for r, cells in enumerate(rows):
        fmt = head if r == 3 else note if r < 3 else body
        for c, value in enumerate(cells):
            ws.write(r, c, value, fmt)
    wb.save(str(path))


def write_ledger_style_b_html(path: Path, rows: list[list[str]]) -> None:
    """A ".xls" that is really an HTML table (gb2312), the usual "导出到Excel" of 用友/浪潮."""
    out = ['<html xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:x="urn:schemas-microsoft-com:office:excel" '
           'xmlns="http://www.w3.org/TR/REC-html40">',
           "<head>",
           '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">',
           '<meta name="ProgId" content="Excel.Sheet">',
           "<style>td{mso-number-format:\"\\@\";font-family:宋体;font-size:10pt}"
           " .h{font-weight:bold;text-align:center;background:#D9E1F2}</style>",
           "</head>", "<body>", '<table border="1" cellspacing="0" cellpadding="2">']
    width = len(STYLE_B_HEADER)
    for r, cells in enumerate(rows):
        if r < 3:
            out.append(f'<tr><td colspan="{width}">{html.escape(cells[0]) if cells else ""}</td></tr>')
        elif r == 3:
            out.append("<tr>" + "".join(f'<td class="h">{html.escape(c)}</td>' for c in cells)
                       + "</tr>")
        else:
            out.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    out += ["</table>", "</body>", "</html>", ""]
    path.write_bytes("\r\n".join(out).encode("gb2312"))


def write_ledger_style_b_csv(path: Path, rows: list[list[str]]) -> None:
    """CSV as Chinese Excel saves it: GBK, no BOM, CRLF, short rows padded with commas."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    width = len(STYLE_B_HEADER)
    for cells in rows:
        writer.writerow(list(cells) + [""] * (width - len(cells)))
    path.write_bytes(buf.getvalue().encode("gbk"))


def trial_balance_rows(jan_lines: list[Line]) -> list[dict]:
    """科目余额表 2020-01: every unit × 8101/8102/8201/8202, plus its 6001/6609/7x01/8001 rows.

    8001 资金结存 opens with a debit equal to the unit's carry-over of that fund, so the
    balance is in balance (借 = 贷)."""
    rows = []
    flows = defaultdict(lambda: [ZERO, ZERO])
    for ln in jan_lines:
        f = flows[(ln.unit, ln.account, ln.fund)]
        f[0] += ln.debit
        f[1] += ln.credit
    for u in UNITS:
        b8102 = (u.opening_fiscal * D("0.072")).quantize(FEN)
        b8201 = (u.opening_other * D("0.38")).quantize(FEN)
        openings = {("8101", FISCAL): u.opening_fiscal - b8102, ("8102", FISCAL): b8102,
                    ("8201", NONFISCAL): b8201, ("8202", NONFISCAL): u.opening_other - b8201}
        for (code, fund), amount in openings.items():
            rows.append(dict(unit=u.name, code=code, fund=fund, opening=-amount,
                             debit=ZERO, credit=ZERO))
        for code, fund in (("6001", FISCAL), ("6609", NONFISCAL), (u.account, FISCAL),
                           (u.account, NONFISCAL), ("8001", FISCAL), ("8001", NONFISCAL)):
            debit, credit = flows.get((u.name, code, fund), (ZERO, ZERO))
            opening = ZERO
            if code == "8001":
                opening = u.opening_fiscal if fund == FISCAL else u.opening_other
            if debit or credit or opening:
                rows.append(dict(unit=u.name, code=code, fund=fund, opening=opening,
                                 debit=debit, credit=credit))
    for r in rows:
        r["closing"] = r["opening"] + r["debit"] - r["credit"]
    return rows


def direction(signed: D) -> tuple[str, D]:
    return ("借", signed) if signed > 0 else ("贷", -signed) if signed < 0 else ("平", ZERO)


def write_trial_balance(path: Path, rows: list[dict]) -> None:
    wb = new_workbook(path, "科目余额表 2020年01月")
    f = basic_formats(wb)
    ws = wb.add_worksheet("科目余额表")
    for col, w in enumerate([34, 10, 16, 20, 6, 15, 15, 15, 6, 15]):
        ws.set_column(col, col, w)
    ws.merge_range(0, 0, 0, 9, "科目余额表", f["title"])
    ws.write_string(1, 0, f"单位：{DEPARTMENT}", f["note"])
    ws.write_string(2, 0, f"期间：{YEAR}年01月", f["note"])
    ws.write_string(3, 0, "金额单位：元", f["note"])
    for col, head in enumerate(["单位", "科目编码", "科目名称", "资金性质"]):
        ws.merge_range(4, col, 5, col, head, f["head"])
    ws.merge_range(4, 4, 4, 5, "期初余额", f["head"])
    ws.merge_range(4, 6, 4, 7, "本期发生额", f["head"])
    ws.merge_range(4, 8, 4, 9, "期末余额", f["head"])
    for col, head in zip(range(4, 10), ["方向", "金额", "借方", "贷方", "方向", "金额"]):
        ws.write_string(5, col, head, f["head"])
    row = 6
    for r in rows:
        ws.write_string(row, 0, r["unit"], f["text"])
        ws.write_string(row, 1, r["code"], f["text"])
        ws.write_string(row, 2, ACCOUNT_NAMES[r["code"]], f["text"])
        ws.write_string(row, 3, r["fund"], f["text"])
        for col, signed in ((4, r["opening"]), (8, r["closing"])):
            side, amount = direction(signed)
            ws.write_string(row, col, side, f["text"])
            ws.write_number(row, col + 1, float(amount), f["money0"])
        ws.write_number(row, 6, float(r["debit"]), f["money0"])
        ws.write_number(row, 7, float(r["credit"]), f["money0"])
        row += 1
    ws.write_string(row, 0, "合计", f["total"])
    for col in (1, 2, 3):
        ws.write_blank(row, col, None, f["total"])
    for col, key in ((4, "opening"), (8, "closing")):
        side, amount = direction(sum(r[key] for r in rows))
        ws.write_string(row, col, side, f["total"])
        ws.write_number(row, col + 1, float(amount), f["total_money"])
    ws.write_number(row, 6, float(sum(r["debit"] for r in rows)), f["total_money"])
    ws.write_number(row, 7, float(sum(r["credit"] for r in rows)), f["total_money"])
    ws.freeze_panes(6, 0)
    wb.close()


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


def write_budget(path: Path, rows: list[BudgetRow]) -> None:
    wb = new_workbook(path, f"{YEAR}年部门预算指标")
    f = basic_formats(wb)
    ws = wb.add_worksheet("预算指标")
    for col, w in enumerate([34, 36, 26, 20, 10, 36, 15, 15]):
        ws.set_column(col, col, w)
    ws.merge_range(0, 0, 0, 7, f"{DEPARTMENT}{YEAR}年部门预算指标", f["title"])
    ws.write_string(1, 0, "金额单位：元", f["note"])
    header = ["预算单位", "功能分类科目", "经济分类科目", "资金性质", "支出类型", "项目名称",
              "年初预算数", "调整预算数"]
    for col, head in enumerate(header):
        ws.write_string(2, col, head, f["head"])
    row = 3
    for r in rows:
        for col, value in enumerate([r.unit, f"{r.func} {FUNC_NAMES[r.func]}",
                                     f"{r.econ} {ECON_NAMES[r.econ]}", FISCAL, r.kind, r.project]):
            ws.write_string(row, col, value, f["text"])
        ws.write_number(row, 6, float(r.initial), f["money0"])
        ws.write_number(row, 7, float(r.adjusted), f["money0"])
        row += 1
    ws.write_string(row, 0, "合计", f["total"])
    for col in range(1, 6):
        ws.write_blank(row, col, None, f["total"])
    ws.write_number(row, 6, float(sum(r.initial for r in rows)), f["total_money"])
    ws.write_number(row, 7, float(sum(r.adjusted for r in rows)), f["total_money"])
    ws.freeze_panes(3, 0)
    wb.close()


def write_prior_year(path: Path) -> None:
    wb = new_workbook(path, f"{DEPARTMENT}2019年度决算主要数据")
    f = basic_formats(wb)
    ws = wb.add_worksheet("2019年决算")
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 14)
    ws.merge_range(0, 0, 0, 1, f"{DEPARTMENT}2019年度决算主要数据", f["title"])
    ws.write_string(1, 0, "金额单位：万元", f["note"])
    ws.write_string(2, 0, "项目", f["head"])
    ws.write_string(2, 1, "金额", f["head"])
    for row, (label, value) in enumerate(PRIOR_YEAR, start=3):
        ws.write_string(row, 0, label, f["text"])
        ws.write_number(row, 1, float(value), f["money0"])
    wb.close()


def write_basic_info(path: Path) -> None:
    wb = new_workbook(path, "基础信息")
    f = basic_formats(wb)
    ws = wb.add_worksheet("预算单位")
    for col, w in enumerate([6, 40, 12, 16]):
        ws.set_column(col, col, w)
    for col, head in enumerate(["序号", "单位名称", "单位性质", "是否纳入部门决算"]):
        ws.write_string(0, col, head, f["head"])
    for row, (name, kind, included) in enumerate(ALL_UNITS_FOR_SHEET, start=1):
        ws.write_number(row, 0, row, f["int"])
        ws.write_string(row, 1, name, f["text"])
        ws.write_string(row, 2, kind, f["text"])
        ws.write_string(row, 3, included, f["text"])

    ws = wb.add_worksheet("人员编制")
    for col, w in enumerate([20, 10, 10, 10, 10]):
        ws.set_column(col, col, w)
    ws.merge_range(0, 0, 0, 4, f"{DEPARTMENT}人员编制情况（{YEAR}年12月31日）", f["title"])
    for col, head in enumerate(["人员类别", "编制数", "在职人数", "退休人数", "实有人数"]):
        ws.write_string(1, col, head, f["head"])
    row = 2
    for label, quota, active, retired in STAFFING:
        ws.write_string(row, 0, label, f["text"])
        for col, n in enumerate((quota, active, retired, active + retired), start=1):
            ws.write_number(row, col, n, f["int"])
        row += 1
    ws.write_string(row, 0, "合计", f["total"])
    for col, n in enumerate(STAFFING_TYPED_TOTAL, start=1):   # typed by hand, not a formula
        ws.write_number(row, col, n, f["int"])
    wb.close()


# ---------------------------------------------------------------------------------------------
# Verification: every required figure, recomputed from the emitted lines
# ---------------------------------------------------------------------------------------------


class SampleError(AssertionError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SampleError(message)


def check_wan(label: str, yuan: D, expected: D) -> None:
    check(wan(yuan) == expected, f"{label}: {yuan} 元 rounds to {wan(yuan)} 万元, need {expected}")


def verify(by_month: dict[int, list[Line]], tb_rows: list[dict], budget: list[BudgetRow],
           exports: dict[int, list[list[str]]], ytd_rows: dict[int, tuple[D, D]]) -> dict:
    lines = [ln for m in MONTHS_ALL for ln in by_month[m]]
    fig: dict[str, D] = {}

    # Vouchers balance; codes known and paired; structure.
    vouchers = defaultdict(lambda: [ZERO, ZERO])
    for ln in lines:
        v = vouchers[(ln.unit, ln.month, ln.voucher)]
        v[0] += ln.debit
        v[1] += ln.credit
        if ln.account in ("7101", "7201"):
            check(ln.func in FUNC_NAMES and ln.econ in ECON_NAMES, f"unknown code {ln}")
            check(ln.account == UNIT_BY_NAME[ln.unit].account, f"wrong account {ln}")
            check((ln.kind == PROJECT) == bool(ln.project), f"kind/project mismatch {ln}")
            if ln.econ in PAIRED_FUNC:
                check(ln.func in PAIRED_FUNC[ln.econ], f"unpaired {ln.econ}/{ln.func}")
            check(ln.econ not in ("30212", "30231", "31013"), "三公 code other than 30217")
            check(ln.kind == PROJECT or ln.fund == FISCAL, "基本支出 not fiscal")
    for key, (dr, cr) in vouchers.items():
        check(dr == cr, f"voucher {key} unbalanced: {dr} ≠ {cr}")
    check(any(ln.debit < 0 for ln in lines), "no 红字冲销 line")
    unit_rank = {u.name: i for i, u in enumerate(UNITS)}
    for m in MONTHS_ALL:
        n = len(by_month[m])
        check(150 <= n <= 400, f"month {m}: {n} posting lines, want 150–400")
        order = [(unit_rank[ln.unit], int(ln.voucher[2:]), ln.day) for ln in by_month[m]]
        check(order == sorted(order), f"month {m}: lines not in unit / voucher / date order")
        for u in UNITS:
            numbers = sorted({o[1] for o in order if o[0] == unit_rank[u.name]})
            check(numbers == list(range(1, len(numbers) + 1)), f"voucher gaps {u.name} {m}")

    def total(pred, side="debit"):
        return sum((getattr(ln, side) - getattr(ln, "credit" if side == "debit" else "debit")
                    for ln in lines if pred(ln)), ZERO)

    expense = lambda ln: ln.account in ("7101", "7201")   # noqa: E731
    fig["一般公共预算财政拨款收入"] = total(lambda ln: ln.account == "6001", "credit")
    fig["其他收入"] = total(lambda ln: ln.account == "6609", "credit")
    fig["本年收入合计"] = fig["一般公共预算财政拨款收入"] + fig["其他收入"]
    fig["年初结转和结余"] = -sum(r["opening"] for r in tb_rows if r["code"][:2] in ("81", "82"))
    fig["总计"] = fig["本年收入合计"] + fig["年初结转和结余"]
    fig["本年支出合计"] = total(expense)
    fig["基本支出"] = total(lambda ln: expense(ln) and ln.kind == BASIC)
    fig["项目支出"] = total(lambda ln: expense(ln) and ln.kind == PROJECT)
    fig["年末结转和结余"] = fig["总计"] - fig["本年支出合计"]
    fig["一般公共预算财政拨款支出"] = total(lambda ln: expense(ln) and ln.fund == FISCAL)
    fig["非财政拨款支出"] = total(lambda ln: expense(ln) and ln.fund == NONFISCAL)
    for cls in ("301", "302", "303", "310"):
        fig[f"基本支出{cls}"] = total(lambda ln: expense(ln) and ln.kind == BASIC
                                  and ln.fund == FISCAL and ln.econ[:3] == cls)
    fig["公务接待费"] = total(lambda ln: expense(ln) and ln.econ == "30217")
    check(fig["公务接待费"] == total(lambda ln: expense(ln) and ln.econ == "30217"
                                   and ln.fund == FISCAL), "公务接待费 not all fiscal")
    fig["机关运行经费"] = total(lambda ln: expense(ln) and ln.kind == BASIC and ln.fund == FISCAL
                             and UNIT_BY_NAME[ln.unit].civil and ln.econ[:3] in ("302", "310"))
    for label, expected in EXPECTED_WAN.items():
        check_wan(label, fig[label], expected)
    check(fig["本年支出合计"] == fig["基本支出"] + fig["项目支出"], "基本 + 项目 ≠ 支出合计")
    check(fig["本年支出合计"] == fig["一般公共预算财政拨款支出"] + fig["非财政拨款支出"],
          "fiscal + non-fiscal ≠ 支出合计")
    check(fig["基本支出"] == sum(fig[f"基本支出{c}"] for c in ("301", "302", "303", "310")),
          "基本支出 has other 类")
    for cls, expected in EXPECTED_CLASS_WAN.items():
        fig[f"财政拨款支出{cls}"] = total(lambda ln: expense(ln) and ln.fund == FISCAL
                                     and ln.func[:3] == cls)
        check_wan(f"财政拨款支出 {cls}", fig[f"财政拨款支出{cls}"], expected)
    nf_classes = {ln.func[:3] for ln in lines if expense(ln) and ln.fund == NONFISCAL}
    check(nf_classes <= {"201", "206"}, f"non-fiscal spending outside 201/206: {nf_classes}")

    # Per unit and fund: opening + income − expenditure = closing ≥ 0, at every month end too.
    opening = defaultdict(D)
    for r in tb_rows:
        if r["code"][:2] in ("81", "82"):
            opening[(r["unit"], r["fund"])] -= r["opening"]
    balance = dict(opening)
    for m in MONTHS_ALL:
        for ln in by_month[m]:
            if ln.account in ("6001", "6609", "7101", "7201"):
                balance[(ln.unit, ln.fund)] = (balance.get((ln.unit, ln.fund), ZERO)
                                               + ln.credit - ln.debit)
        for key, value in balance.items():
            check(value >= 0, f"{key} runs negative at the end of month {m}: {value}")
    fund_closing = {FISCAL: ZERO, NONFISCAL: ZERO}
    for (unit, fund), value in balance.items():
        fund_closing[fund] += value
    check(sum(fund_closing.values()) == fig["年末结转和结余"], "closing by unit ≠ department")
    fig["年初_财政拨款"] = sum(v for (u, f), v in opening.items() if f == FISCAL)
    fig["年初_非财政拨款"] = sum(v for (u, f), v in opening.items() if f == NONFISCAL)
    fig["年末_财政拨款"] = fund_closing[FISCAL]
    fig["年末_非财政拨款"] = fund_closing[NONFISCAL]
    # 8001 movement = income − expenditure, per unit and fund (what the ingest check expects).
    for (unit, fund) in balance:
        move = sum(ln.debit - ln.credit for ln in lines if ln.account == "8001"
                   and ln.unit == unit and ln.fund == fund)
        check(move == balance[(unit, fund)] - opening.get((unit, fund), ZERO),
              f"8001 movement of {unit}/{fund}")

    # 局本级
    b = lambda pred: total(lambda ln: ln.unit == BUREAU and expense(ln) and pred(ln))  # noqa
    bureau = {
        "财政拨款收入": total(lambda ln: ln.unit == BUREAU and ln.account == "6001", "credit"),
        "年初结转和结余": opening[(BUREAU, FISCAL)] + opening.get((BUREAU, NONFISCAL), ZERO),
        "支出合计": b(lambda ln: True),
        "301": b(lambda ln: ln.econ[:3] == "301"), "302": b(lambda ln: ln.econ[:3] == "302"),
        "303": b(lambda ln: ln.econ[:3] == "303"), "310": b(lambda ln: ln.econ[:3] == "310"),
        "312": b(lambda ln: ln.econ[:3] == "312"),
        "基本支出302+310": b(lambda ln: ln.kind == BASIC and ln.econ[:3] in ("302", "310")),
        "公务接待费": b(lambda ln: ln.econ == "30217"),
        "年末结转和结余": balance[(BUREAU, FISCAL)],
    }
    check(total(lambda ln: ln.unit == BUREAU and ln.account == "6609", "credit") == 0,
          "局本级 has 其他收入")
    check(b(lambda ln: ln.fund != FISCAL) == 0, "局本级 spends non-fiscal money")
    check(b(lambda ln: ln.kind == BASIC and ln.econ[:3] == "310") == 0, "局本级 basic 310")
    check(bureau["支出合计"] == sum(bureau[c] for c in ("301", "302", "303", "310", "312")),
          "局本级 spends outside 301/302/303/310/312")
    for label, expected in BUREAU_EXPECTED_WAN.items():
        check_wan(f"局本级 {label}", bureau[label], expected)
        fig[f"局本级 {label}"] = bureau[label]
    fig["协会 基本支出302"] = total(lambda ln: ln.unit == ASSOCIATION and expense(ln)
                                  and ln.kind == BASIC and ln.econ[:3] == "302")
    check_wan("协会 基本支出302", fig["协会 基本支出302"], D("12.55"))

    # Budget
    by_class = defaultdict(D)
    for r in budget:
        by_class[r.func[:3]] += r.initial
        check(r.func in FUNC_NAMES and r.econ in ECON_NAMES, f"budget code {r}")
        check(r.initial >= 0 and r.adjusted >= 0, f"negative budget {r}")
    check("229" not in by_class, "229 budget rows")
    for cls in ("201", "206", "208", "210", "221"):
        fig[f"预算{cls}"] = by_class[cls]
        check_wan(f"年初预算 {cls}", by_class[cls], EXPECTED_BUDGET_WAN[cls])
    fig["预算合计"] = sum(r.initial for r in budget)
    check_wan("年初预算 合计", fig["预算合计"], EXPECTED_BUDGET_WAN["合计"])
    fig["预算公务接待费"] = sum(r.initial for r in budget if r.econ == "30217")
    check_wan("预算 公务接待费", fig["预算公务接待费"], EXPECTED_BUDGET_WAN["公务接待费"])
    bureau_budget = [r for r in budget if r.unit == BUREAU]
    fig["预算局本级公务接待费"] = sum(r.initial for r in bureau_budget if r.econ == "30217")
    fig["预算局本级基本支出"] = sum(r.initial for r in bureau_budget if r.kind == BASIC)
    fig["预算局本级基本支出302+310"] = sum(r.initial for r in bureau_budget if r.kind == BASIC
                                      and r.econ[:3] in ("302", "310"))
    check_wan("预算 局本级公务接待费", fig["预算局本级公务接待费"], D("15.00"))
    check_wan("预算 局本级基本支出", fig["预算局本级基本支出"], D("589.18"))
    check_wan("预算 局本级302+310", fig["预算局本级基本支出302+310"], D("43.56"))
    check(sum(r.initial for r in bureau_budget if r.kind == PROJECT) == 0,
          "局本级 has 年初 project budget")
    check(sum(1 for r in budget if r.adjusted != r.initial) < len(budget) / 3,
          "调整预算数 differs on too many rows")
    check(any(r.adjusted != r.initial for r in budget), "调整预算数 never differs")

    # Trial balance: January flows agree with the January ledger; it is in balance.
    for r in tb_rows:
        if r["code"][:2] in ("60", "66", "71", "72", "80"):
            jan = [ln for ln in by_month[1] if ln.unit == r["unit"] and ln.account == r["code"]
                   and ln.fund == r["fund"]]
            check(sum(ln.debit for ln in jan) == r["debit"]
                  and sum(ln.credit for ln in jan) == r["credit"], f"TB ≠ ledger {r}")
    check(sum(r["opening"] for r in tb_rows) == 0 and sum(r["closing"] for r in tb_rows) == 0,
          "trial balance not in balance")

    # Subtotal rows hold the true sums (本月合计, 本年累计; 小计 in Style B month 12).
    running = [ZERO, ZERO]
    for m in MONTHS_ALL:
        running[0] += sum(ln.debit for ln in by_month[m])
        running[1] += sum(ln.credit for ln in by_month[m])
        check(ytd_rows[m] == tuple(running), f"本年累计 of month {m}")
        if m in exports:
            rows = exports[m]
            month_total = [r for r in rows if len(r) > 2 and r[2] == "本月合计"][0]
            check(month_total[7] == text_amount(sum(ln.debit for ln in by_month[m]))
                  and month_total[8] == text_amount(sum(ln.credit for ln in by_month[m])),
                  f"本月合计 of month {m}")
            for r in rows:
                if len(r) > 2 and r[2] == "小计":
                    mine = [ln for ln in by_month[m] if ln.unit == r[3]]
                    check(r[7] == text_amount(sum(ln.debit for ln in mine)), f"小计 {r[3]}")
    return fig


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

STYLE_A_MONTHS = (1, 2, 3, 4, 5, 6, 8)


def file_names() -> dict:
    names = {m: f"明细账_{YEAR}年{m:02d}月.xlsx" for m in STYLE_A_MONTHS}
    names.update({7: f"凭证明细_{YEAR}-07.xlsx", 9: f"凭证明细_{YEAR}-09.xls",
                  10: f"凭证明细_{YEAR}-10.xls", 11: f"凭证明细_{YEAR}-11.xlsx",
                  12: f"凭证明细_{YEAR}-12.csv"})
    return names


def prepare_folder() -> None:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for p in sorted(OUT_DIR.iterdir()):
        if p.is_dir():
            raise SampleError(f"unexpected folder in the sample folder: {p}")
        if p.name not in GENERATED:
            print(f"  removed stale file {p.name}")
        p.unlink()


GENERATED = set(file_names().values()) | {
    f"科目余额表_{YEAR}年01月.xlsx", f"{YEAR}年部门预算指标.xlsx", "2019年决算主要数据.xlsx",
    "基础信息.xlsx"}


def pad(text: str, width: int) -> str:
    """Left-align by display width (a CJK character takes two columns)."""
    shown = sum(2 if ord(c) > 0x2E80 else 1 for c in text)
    return text + " " * max(1, width - shown)


def main(argv: list[str] | None = None) -> int:
    global OUT_DIR
    parser = argparse.ArgumentParser(description="Regenerate the sample input folder.")
    parser.add_argument("--out", type=Path, default=OUT_DIR,
                        help="write the files here instead of inputs/ (the tests compare bytes)")
    OUT_DIR = parser.parse_args(argv).out.resolve()
    rng = random.Random(SEED)
    basic = design_basic(rng)
    projects = design_projects(rng, basic)
    items = basic + projects
    expenditure = spread_expenditure(items, rng)
    pairs = add_red_reversals(expenditure, rng)
    income, _ = spread_income(expenditure, rng)
    by_month = finish_vouchers(expenditure + income, pairs)
    budget = design_budget(items, rng)
    tb_rows = trial_balance_rows(by_month[1])

    ytd_rows, running = {}, [ZERO, ZERO]
    for m in MONTHS_ALL:
        running = [running[0] + sum(ln.debit for ln in by_month[m]),
                   running[1] + sum(ln.credit for ln in by_month[m])]
        ytd_rows[m] = tuple(running)
    exports = {
        7: style_b_rows(7, by_month[7], ytd_rows[7], False),
        9: style_b_rows(9, by_month[9], ytd_rows[9], False),
        10: style_b_rows(10, by_month[10], ytd_rows[10], False),
        11: style_b_rows(11, by_month[11], ytd_rows[11], False, fullwidth_every=9),
        12: style_b_rows(12, by_month[12], ytd_rows[12], True),
    }
    fig = verify(by_month, tb_rows, budget, exports, ytd_rows)   # before touching any file

    prepare_folder()
    names = file_names()
    for m in STYLE_A_MONTHS:
        write_ledger_style_a(OUT_DIR / names[m], m, by_month[m], ytd_rows[m])
    write_ledger_style_b_xlsx(OUT_DIR / names[7], exports[7], "凭证明细")
    write_ledger_style_b_xls(OUT_DIR / names[9], exports[9], "凭证明细")
    write_ledger_style_b_html(OUT_DIR / names[10], exports[10])
    write_ledger_style_b_xlsx(OUT_DIR / names[11], exports[11], "凭证明细")
    write_ledger_style_b_csv(OUT_DIR / names[12], exports[12])
    write_trial_balance(OUT_DIR / f"科目余额表_{YEAR}年01月.xlsx", tb_rows)
    write_budget(OUT_DIR / f"{YEAR}年部门预算指标.xlsx", budget)
    write_prior_year(OUT_DIR / "2019年决算主要数据.xlsx")
    write_basic_info(OUT_DIR / "基础信息.xlsx")

    print(f"样例输入已生成: {OUT_DIR}")
    print(f"{pad('figure', 28)}{'元':>17}{'万元':>11}")
    for label, value in fig.items():
        print(f"{pad(label, 28)}{value:>18,.2f}{wan(value):>12,.2f}")
    counts = " ".join(f"{m:02d}:{len(by_month[m])}" for m in MONTHS_ALL)
    print(f"posting lines per month: {counts}")
    print("files:")
    for p in sorted(OUT_DIR.iterdir()):
        print(f"  {p.stat().st_size:>9,}  {p.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
