"""Sample 1, 景德镇市陶瓷产业发展局 2020: the facts (/work/shared/docs/sample-facts.md) as data.

The 万元 values are those of sample-facts.md; the 元 values are our choice (with fen, not round)
and each rounds, ROUND_HALF_UP, to its 万元 figure.  Where sample-facts.md requires a total that
is not the sum of its rounded parts, the 元 values are picked so that both round right (noted at
the figure).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..hand_kept import HandKept
from ..money import D, ZERO

FOLDER = "景德镇市陶瓷产业发展局-2020"
SEED = 2020
YEAR = 2020
DEPARTMENT = "景德镇市陶瓷产业发展局"

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
    opening_other: D     # 8201 非财政拨款结转 (the carried-over part of the non-fiscal funds)
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
                 "8102": "财政拨款结余", "8201": "非财政拨款结转", "8202": "非财政拨款结余",
                 "8301": "专用结余"}
# Function ↔ economic pairing a real ledger keeps for the insurance-type 款.
PAIRED_FUNC = {"30108": {"2080505"}, "30109": {"2080506"}, "30110": {"2101101", "2101102"},
               "30111": {"2101103"}, "30112": {"2101199"}, "30113": {"2210201"},
               "30302": {"2080501", "2080502"}}

# Accumulated non-fiscal balances of some 事业 units (January opening, 资金性质 非财政拨款).  They
# are not 结转和结余 (domain.md): 年初结转和结余 = 8101 + 8102 + 8201 + 8401 stays 693.55, and
# nothing in 2020 draws on them or adds to them.
RESERVES = {                             # unit → {account: opening credit balance}
    INSTITUTE: {"8202": D("412386.27"), "8301": D("96518.40")},
    WALL: {"8202": D("153207.65")},
    CEMENT: {"8301": D("38644.12")},
}
CARRIED = ("8101", "8102", "8201", "8401")   # 年初/年末结转和结余 (issue 7 item 1)

FUND_STYLE_B = {FISCAL: "一般公共预算", NONFISCAL: "单位资金"}

# ---------------------------------------------------------------------------------------------
# 基础信息: 三公 budget (typed in 万元 as approved: 66.00, all 公务接待), its counts, 国有资产占用
# (no vehicles; fen-exact, 资产总额 = its parts), 政府采购 10.61 万元 all 货物 and 小微.
# ---------------------------------------------------------------------------------------------
_FIXED = {"土地、房屋及构筑物": D("12684350.00"), "通用设备": D("1873462.38"),
          "专用设备": D("2416805.60"),            # the 研究所's kilns and test benches
          "文物和陈列品": D("386500.00"),          # ceramics kept for exhibition
          "图书、档案": D("48215.30"), "家具、用具、装具及动植物": D("512684.75")}
_ASSETS = {"流动资产": D("8236417.52"), "固定资产": sum(_FIXED.values(), ZERO), **_FIXED,
           "长期投资": D("5000000.00"),            # 景德镇市振兴陶瓷园开发有限公司 (not in the 决算)
           "在建工程": ZERO, "无形资产": D("126400.00"), "其他资产": ZERO}
PROCUREMENT_TOTAL = D("106127.50")                # → 10.61
HAND_KEPT = HandKept(
    sangong_budget={"因公出国（境）费": ZERO, "公务用车购置费": ZERO, "公务用车运行费": ZERO,
                    "公务接待费": D("660000.00")},
    sangong_budget_total=D("660000.00"),
    sangong_counts={"公务接待批次": 391, "公务接待人次": 7696, "外事接待批次": 0, "外事接待人次": 0,
                    "因公出国（境）团组数": 0, "因公出国（境）人次": 0, "公务用车购置数": 0,
                    "公务用车保有量": 0},
    assets={"资产总额": sum((_ASSETS[k] for k in ("流动资产", "固定资产", "长期投资", "在建工程",
                                                  "无形资产", "其他资产")), ZERO),
            **_ASSETS, "车辆": 0, "领导干部用车": 0, "一般公务用车": 0, "执法执勤用车": 0,
            "特种专业技术用车": 0, "其他用车": 0, "单价50万元以上通用设备": 0,
            "单价100万元以上专用设备": 1},
    procurement={"政府采购支出总额": PROCUREMENT_TOTAL, "货物": PROCUREMENT_TOTAL, "工程": ZERO,
                 "服务": ZERO, "授予中小企业合同金额": PROCUREMENT_TOTAL,
                 "授予小微企业合同金额": PROCUREMENT_TOTAL},
    extra={"基础信息_三公_公务用车购置及运行费_预算数": ZERO},
)
