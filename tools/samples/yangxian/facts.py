"""Sample 2, 样例县农业农村局 2020 — a FICTIONAL county agriculture bureau, exported by a
预算管理一体化 system: the facts as data.  Every 元 amount below is our choice (fen, not round);
the generator derives everything else and computes the expected figures from these.

Three budget units; 一般公共预算财政拨款 and 非财政拨款 (单位资金); the 检测站 earns 6101 事业收入 and
spends from it; its non-fiscal non-specific result is distributed at year end (8501 → 8701 →
8301 / 8202)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..hand_kept import HandKept
from ..money import D

FOLDER = "样例县农业农村局-2020"
SEED = 2021                # any fixed seed: this sample has no published figures to match
YEAR = 2020
DEPARTMENT = "样例县农业农村局"
FICTION_NOTE = ("虚构样例：样例县农业农村局及其所属单位均为虚构，数据由 tools/make_sample.py "
                "按设计生成，用于 jdzxlsx 的演示和测试，不对应任何真实单位。")

FISCAL = "一般公共预算财政拨款"
NONFISCAL = "非财政拨款"
BASIC = "基本支出"
PROJECT = "项目支出"
FUND_LABEL = {FISCAL: "一般公共预算", NONFISCAL: "单位资金"}   # as the 一体化 export writes it

# 项目类别 (canonical) → 基本/项目 (domain.md, 财办〔2020〕13号) and the spellings the export uses.
PERSONNEL, OFFICE, OTHER_RUNNING, SPECIFIC = ("人员类", "运转类-公用经费", "运转类-其他运转类",
                                              "特定目标类")
CATEGORY_KIND = {PERSONNEL: BASIC, OFFICE: BASIC, OTHER_RUNNING: PROJECT, SPECIFIC: PROJECT}
CATEGORY_SPELLINGS = {
    PERSONNEL: ["人员类", "11 人员类", "人员类项目"],
    OFFICE: ["运转类-公用经费", "公用经费", "21 公用经费"],
    OTHER_RUNNING: ["运转类-其他运转类", "其他运转类"],
    SPECIFIC: ["特定目标类", "3 特定目标类"],
}

BUREAU = "样例县农业农村局本级"
CENTER = "样例县农业技术推广中心"
STATION = "样例县农产品质量检测站"


@dataclass(frozen=True)
class Unit:
    name: str
    kind: str                   # as the 预算单位 sheet writes it
    account: str                # 7101 行政支出 / 7201 事业支出
    run_func: str               # 行政运行 / 事业运行
    opening: dict               # (account, fund) → January opening credit balance (元)
    closing_8101: D             # fiscal carry-over at year end (chosen; 6001 follows from it)
    wages: D                    # 人员类 工资 (30101 30102 30103|30107 30199), fiscal
    insurance: dict             # 经济 款 → fiscal amount (paired 功能 项 by unit kind)
    retirees: D                 # 30302 退休费, fiscal
    living: D                   # 30305 生活补助, fiscal
    office_302: D               # 运转类-公用经费 (302), fiscal
    fixed_302: dict = field(default_factory=dict)   # 302 款 fixed inside office_302 (三公)
    projects: tuple = ()        # (name, 功能, category, fund, total, {经济: share})

    @property
    def civil(self) -> bool:
        return self.kind == "行政单位"


UNITS = [
    Unit(BUREAU, "行政单位", "7101", "2130101",
         {("8101", FISCAL): D("352617.80"), ("8102", FISCAL): D("18264.30")}, D("126384.52"),
         D("2846315.27"), {"30108": D("305214.66"), "30109": D("122085.87"),
                           "30110": D("186742.53"), "30113": D("254318.40")},
         D("398626.15"), D("46218.30"), D("386547.19"),
         {"30217": D("28416.50"), "30231": D("46820.00")},
         (("农业农村综合管理工作经费", "2130102", OTHER_RUNNING, FISCAL, D("512683.44"),
           {"30201": 0.12, "30202": 0.10, "30211": 0.22, "30215": 0.16, "30216": 0.14,
            "30227": 0.26}),
          ("农业综合行政执法经费", "2130110", SPECIFIC, FISCAL, D("286419.75"),
           {"30211": 0.25, "30218": 0.30, "30226": 0.20, "30227": 0.25}),
          ("耕地地力保护补贴", "2130122", SPECIFIC, FISCAL, D("5218637.40"),
           {"30310": 0.97, "30227": 0.03}),
          ("新型农业经营主体培育项目", "2130122", SPECIFIC, FISCAL, D("1386204.58"),
           {"31299": 0.78, "30216": 0.12, "30227": 0.10}))),
    Unit(CENTER, "全额拨款事业单位", "7201", "2130104",
         {("8101", FISCAL): D("96482.15"), ("8202", NONFISCAL): D("12406.33")}, D("58217.36"),
         D("2315874.62"), {"30108": D("248613.07"), "30109": D("99445.23"),
                           "30110": D("151206.88"), "30113": D("207135.49")},
         D("214530.60"), D("18645.20"), D("218436.91"), {},
         (("基层农技推广体系改革与建设补助项目", "2130106", SPECIFIC, FISCAL, D("836254.18"),
           {"30211": 0.15, "30215": 0.10, "30216": 0.20, "30218": 0.25, "30226": 0.15,
            "30227": 0.15}),
          ("农技推广信息平台运维经费", "2130106", OTHER_RUNNING, FISCAL, D("96382.50"),
           {"30227": 0.80, "30299": 0.20}),
          ("农作物重大病虫害统防统治", "2130108", SPECIFIC, FISCAL, D("472318.65"),
           {"30218": 0.55, "30226": 0.20, "30227": 0.25}),
          ("高校毕业生基层农技特岗补助", "2130152", SPECIFIC, FISCAL, D("198763.42"),
           {"30218": 0.60, "30227": 0.40}))),
    Unit(STATION, "差额拨款事业单位", "7201", "2130104",
         {("8101", FISCAL): D("40116.72"), ("8201", NONFISCAL): D("35420.18"),
          ("8202", NONFISCAL): D("128630.45"), ("8301", NONFISCAL): D("47215.80")},
         D("21903.47"),
         D("826317.44"), {"30108": D("89452.17"), "30109": D("35780.86"),
                          "30110": D("54402.61"), "30113": D("74537.90")},
         D("96208.45"), D("0.00"), D("64218.73"), {},
         (("农产品质量安全例行监测", "2130109", SPECIFIC, FISCAL, D("318645.27"),
           {"30218": 0.45, "30226": 0.25, "30227": 0.30}),
          ("检测服务业务经费", "2130109", OTHER_RUNNING, NONFISCAL, D("96517.28"),
           {"30218": 0.65, "30226": 0.35}),
          ("农产品检测设备购置", "2130109", SPECIFIC, NONFISCAL, D("31806.54"),
           {"31003": 1.0}))),
]
UNIT_BY_NAME = {u.name: u for u in UNITS}

# The 检测站's own money (单位资金): 6101 事业收入 (检测服务费), its non-fiscal 基本支出, and which
# non-fiscal project is 专项 (funded by its 8201 carry-over; closed against 8201, not 8501).
STATION_INCOME_6101 = D("421806.77")
STATION_NONFISCAL_WAGES = D("168426.35")        # 30107 绩效工资, 人员类, 单位资金
STATION_NONFISCAL_302 = D("72318.64")           # 运转类-公用经费, 单位资金
STATION_SPECIAL_PROJECT = "农产品检测设备购置"
STATION_TO_8301 = D("21136.13")                 # 提取专用结余 (the rest → 8202)
UNCLASSIFIED_INCOME_MONTH = 3                   # 6101 lines exported without 功能分类

# Budget: 年初预算数 = 决算 × a factor per 类 (the band is 0.9–1.1); 210 is the one outside.
BUDGET_FACTOR = {"208": (0.99, 1.03), "210": (0.84, 0.87), "213": (0.96, 1.04),
                 "221": (0.98, 1.02)}

# Prior year (2019), 元, as the office keeps them (年末 = 2020 年初, computed in the design).
PRIOR_YEAR_INCOME = D("17416283.95")
PRIOR_YEAR_EXPENSE = D("17295417.38")
PRIOR_YEAR_DISTRIBUTION = D("69834.21")
PRIOR_YEAR_OTHER = [("基本支出", D("9824613.57")), ("工资福利支出", D("8245917.36")),
                    ("商品和服务支出", D("713508.84")), ("对个人和家庭的补助", D("737816.02")),
                    ("资本性支出", D("127371.35")), ("三公经费", D("81316.40")),
                    ("公务接待费", D("32605.20")), ("公务用车购置及运行费", D("48711.20")),
                    ("机关运行经费", D("371240.66"))]

# 基础信息 (元): the 三公 budget (≥ the 局本级's 30217 28416.50 and 30231 46820.00; no 合计 typed),
# its counts (2 一般公务用车, run on 30231), 国有资产占用 in a file of its own, 政府采购.
_FIXED = {"土地、房屋及构筑物": D("4218600.00"),
          "通用设备": D("1032846.50"),            # incl. the two cars
          "专用设备": D("1684215.80"),            # the 检测站's instruments
          "文物和陈列品": D("0.00"), "图书、档案": D("18406.00"),
          "家具、用具、装具及动植物": D("236518.40")}
_ASSETS = {"流动资产": D("1846237.16"), "固定资产": sum(_FIXED.values(), D("0.00")), **_FIXED,
           "长期投资": D("0.00"), "在建工程": D("0.00"), "无形资产": D("48600.00"),
           "其他资产": D("0.00")}
HAND_KEPT = HandKept(
    sangong_budget={"因公出国（境）费": D("0.00"), "公务用车购置费": D("0.00"),
                    "公务用车运行费": D("50000.00"), "公务接待费": D("30000.00")},
    sangong_budget_total=None,
    sangong_counts={"公务接待批次": 46, "公务接待人次": 312, "外事接待批次": 0, "外事接待人次": 0,
                    "因公出国（境）团组数": 0, "因公出国（境）人次": 0, "公务用车购置数": 0,
                    "公务用车保有量": 2},
    assets={"资产总额": sum((_ASSETS[k] for k in ("流动资产", "固定资产", "长期投资", "在建工程",
                                                  "无形资产", "其他资产")), D("0.00")),
            **_ASSETS, "车辆": 2, "领导干部用车": 0, "一般公务用车": 2, "执法执勤用车": 0,
            "特种专业技术用车": 0, "其他用车": 0, "单价50万元以上通用设备": 0,
            "单价100万元以上专用设备": 0},
    procurement={"货物": D("158286.54"), "工程": D("0.00"), "服务": D("72000.00"),
                 "授予中小企业合同金额": D("198480.00"), "授予小微企业合同金额": D("126480.00")},
)
