"""The 绩效指标 sheet of the small working papers (tests/synthetic.py): 某局本级's four indicators,
the office's typed 小计 / 合计 / 总计 and grade, all consistent with the books and the template's
rules — and the ways an office gets them wrong, each breaking its 绩效 checks only."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from jdzxlsx.ingest.records import HandKeptFigure, Provenance, Reading
from jdzxlsx.working_paper import Indicator, PerformanceSheet, TypedTotal

SOURCE = ("绩效自评.xlsx", "绩效指标")
UNIT = "某局本级"                   # the unit the sheet's title names (tests/synthetic.py UNIT)

# 绩效评价基础数据 (元; 人), written in 基础信息 as 基础信息_绩效_<item>: 预算数 = 年初预算
# 1 200 000 + 30 000 carried = 123.00 万元, the unit's spending in the year (1 200 000 + 30 000):
# 预算完成率 100%; 18 of 21 on staff: 85.71%.
BASIS = [HandKeptFigure("绩效", item, item, value, "人" if isinstance(value, int) else "元", False,
                        Provenance("绩效自评.xlsx", "绩效评价基础数据", row))
         for row, (item, value) in enumerate({
             "上年结转结余预算数": Decimal("30000.00"), "政府采购预算数": Decimal("100000.00"),
             "政府采购实际金额": Decimal("100000.00"), "编制数": 21, "在职人员数": 18}.items(), 2)]


def reading(text: str = "", comparator: str = "", number=None, unit: str = "") -> Reading:
    return Reading(text, comparator, None if number is None else Decimal(str(number)), unit)


def _indicator(seq, level1, level2, name, weight, target, actual, criterion, score,
               rate) -> Indicator:
    return Indicator(seq, level1, level2, name, Decimal(weight), target, actual, criterion, "",
                     "", Decimal(str(score)), Decimal(rate), Provenance(*SOURCE, 3 + seq))


# 预算完成率 is scored from the books but not stated (every corruption of tests/synthetic.py
# that moves spending keeps it above 95%: full marks); 在职人员控制率 is stated as the books
# give it; the training count is a ≥ target met; the qualitative one typed inside its band;
# each typed 得分率 is its score ÷ its weight.
INDICATORS = (
    _indicator(1, "投入", "预算执行管理", "预算完成率", 30, reading("≥95%", "≥", "0.95", "%"),
               reading(), "", 30, "1"),
    _indicator(2, "投入", "部门预算管理", "在职人员控制率", 20, reading("≤100%", "≤", "1", "%"),
               reading("85.71%", "", "0.8571", "%"), "", 20, "1"),
    _indicator(3, "产出", "数量指标", "开展职业技能培训场次", 30, reading("≥10次", "≥", "10", "次"),
               reading("12次", "", "12", "次"), "", 30, "1"),
    _indicator(4, "效果", "社会效益指标", "服务企业复工复产", 20, reading(),
               reading("对口服务企业120家"), "基本达成", 14, "0.7"),
)
TOTALS = {("二级", "投入", "预算执行管理"): (30, 30, "1"), ("一级", "投入", ""): (50, 50, "1"),
          ("一级", "产出", ""): (30, 30, "1"), ("总计", "", ""): (100, 94, "0.94")}


def performance(indicators: dict | None = None, totals: dict | None = None,
                grade: str = "优") -> PerformanceSheet:
    """The sheet as the office typed it; ``indicators``: seq → fields changed, ``totals``:
    (level, level1, level2) → (分值, 得分, 得分率) typed instead."""
    found = tuple(replace(i, **(indicators or {}).get(i.seq, {})) for i in INDICATORS)
    typed = {**TOTALS, **(totals or {})}
    rows = tuple(TypedTotal(level, level1, level2, Decimal(weight), Decimal(str(score)),
                            Decimal(rate), Provenance(*SOURCE, 20 + n))
                 for n, ((level, level1, level2), (weight, score, rate)) in enumerate(typed.items()))
    return PerformanceSheet(UNIT, UNIT, found, rows, grade, Provenance(*SOURCE, 30), *SOURCE)


# The ways an office gets its sheet wrong → the 绩效 rules each breaks (and nothing else).
SCENARIOS: dict[str, tuple[dict, set[str]]] = {
    "绩效 weights short of full marks": (dict(
        indicators={3: {"weight": Decimal(25), "score": Decimal(25)}},
        totals={("一级", "产出", ""): (25, 25, "1"), ("总计", "", ""): (95, 89, "0.9368")},
        grade="良"), {"E1-1"}),
    "a typed 小计 weight that is not its indicators' sum": (dict(
        totals={("二级", "投入", "预算执行管理"): (31, 30, "1")}), {"E1-2"}),
    "a qualitative score above its band, carried into the total": (dict(
        indicators={4: {"score": Decimal(18), "score_rate": Decimal("0.9")}},
        totals={("总计", "", ""): (100, 98, "0.98")}), {"E2", "E2-2", "E3-1", "E3-2"}),
    "an indicator's typed 得分率 that is not its score ÷ its weight": (dict(
        indicators={4: {"score_rate": Decimal("0.75")}}), {"E2-2"}),
    "a stated rate that is not the books'": (dict(
        indicators={2: {"actual": reading("90%", "", "0.9", "%")}}), {"E4"}),
    "the typed total score a point short": (dict(
        totals={("总计", "", ""): (100, 93, "0.94")}), {"E3-1"}),
    "the typed 得分率 of the total": (dict(totals={("总计", "", ""): (100, 94, "0.95")}),
                                   {"E3-2"}),
    "the typed grade one band low": (dict(grade="良"), {"E5"}),
}
