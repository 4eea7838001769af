"""Small working papers written line by line, checked as the pipeline checks a folder (tables,
input sheets, 绩效自评, 核对表): fast, and able to hold what the sample does not (balance lines,
年终结转 vouchers, 项目类别, lines with warnings)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from jdzxlsx.checks import CheckResult, build_checks
from jdzxlsx.checks.findings import evaluate
from jdzxlsx.checks.plan import Planner
from jdzxlsx.checks.sheet import check_sheet
from jdzxlsx.ingest.records import (BudgetLine, BudgetUnit, PriorYearFigure, Provenance,
                                    StaffingRow)
from jdzxlsx.expr import Number
from jdzxlsx.model import Sheet, Workbook, WorkbookContext
from jdzxlsx.pipeline import year_template
from jdzxlsx.scoring import Scorecard, build_scorecard
from jdzxlsx.tables import (basic_info_sheet, budget_sheet, build_tables, prior_year_sheet,
                            working_paper_sheet)
from jdzxlsx.working_paper import WorkingLine, WorkingPaper
from tests import synthetic_performance as perf

GENERAL = "一般公共预算财政拨款"
FUND = "政府性基金预算财政拨款"
CAPITAL = "国有资本经营预算财政拨款"
OWN = "非财政拨款"
UNIT = "某局本级"
INSTITUTE = "某研究所"
UNITS = [BudgetUnit(UNIT, "行政", True, Provenance("基础信息.xlsx", "预算单位", 2)),
         BudgetUnit(INSTITUTE, "差额事业", True, Provenance("基础信息.xlsx", "预算单位", 3))]
CATEGORY = {"6001": "财政拨款收入", "6101": "事业收入", "6609": "其他收入", "8001": "资金结存",
            "8101": "财政拨款结转", "8102": "财政拨款结余", "8201": "非财政拨款结转",
            "8202": "非财政拨款结余", "8301": "专用结余", "8701": "非财政拨款结余分配"}
DIRECTION = {"6": "收入", "7": "支出"}

_rows = iter(range(2, 10**6))


def line(account: str, amount, direction: str = "", *, fund: str = GENERAL, category: str = "",
         function: str | None = None, economic: str = "", unit: str = UNIT, period: str = "2020-12",
         voucher: str = "", project_category: str = "", file: str = "凭证明细.csv",
         warnings: tuple[str, ...] = (), problems: tuple[str, ...] = ()) -> WorkingLine:
    """One 底稿 line; 方向 and 收支类别 from the account unless given (支出: 基本支出);
    income and spending get the 功能分类 2011301 unless ``function`` says otherwise ("": none)."""
    direction = direction or DIRECTION.get(account[0], "资金结存")
    category = category or CATEGORY.get(account, "基本支出")
    if function is None:
        function = "2011301" if direction in ("收入", "支出") else ""
    if direction == "支出":
        economic = economic or "30201"
    amount = Decimal(str(amount))
    return WorkingLine(unit=unit, period=period, direction=direction, category=category,
                       fund_source=fund, function_code=function, economic_code=economic,
                       account_code=account, project="", voucher=voucher, summary="",
                       amount=amount, source=Provenance(file, file.rsplit(".", 1)[0], next(_rows)),
                       problems=problems, warnings=warnings, project_category=project_category)


def complete_year(*extra: WorkingLine, drop=lambda l: False, closing_shift=0,
                  year_end_shift=(0, 0), closed: bool = True,
                  december: bool = True) -> list[WorkingLine]:
    """A department's year in which every check holds (thousands of 元, whole 万元): opening
    balances (8101 300 and 8201 100 carried, 8202 40, 8001 440), 一般公共预算 income 1 200
    spent 100 a month, 非财政拨款 income 50 spent 30, 20 of 8202 used and 10 distributed,
    every income and expense line closed by a 年终结转 voucher, December's closing balances.  ``extra`` lines are added to the
    year, ``drop`` removes lines; the 年终结转 lines and closing balances follow the year's lines
    (``closing_shift`` moves the 一般公共预算 closing, ``year_end_shift`` (income, spending)
    what the 年终结转 voucher closes; ``closed``: the export holds the 年终结转 voucher;
    ``december``: a December balance is given) — so a scenario breaks only what it means to."""
    lines = [line("8101", 300000, "年初结转和结余", period="2020-01"),
             line("8201", 100000, "年初结转和结余", fund=OWN, period="2020-01"),
             line("8202", 40000, "年初余额", fund=OWN, period="2020-01"),
             line("8001", 300000, "年初余额", period="2020-01"),
             line("8001", 140000, "年初余额", fund=OWN, period="2020-01"),
             line("6001", 1200000, period="2020-01"), line("8001", 1200000, period="2020-01")]
    for month in range(1, 13):
        period = f"2020-{month:02d}"
        lines += [line("7101", 100000, period=period, project_category="运转类-公用经费"),
                  line("8001", -100000, period=period)]
    lines += [line("6609", 50000, fund=OWN, period="2020-05"),
              line("8001", 50000, fund=OWN, period="2020-05"),
              line("7101", 30000, fund=OWN, period="2020-06", project_category="人员类"),
              line("8001", -30000, fund=OWN, period="2020-06"),
              line("8202", 20000, "结转结余", category="使用非财政拨款结余", fund=OWN),
              line("8201", 20000, "结转结余", fund=OWN),
              line("8701", 10000, "结转结余", category="结余分配", fund=OWN),
              line("8301", 10000, "结转结余", fund=OWN)]
    lines = [l for l in [*lines, *extra] if not drop(l)]
    return (lines + (year_end(lines, year_end_shift) if closed else [])
            + (closing(lines, closing_shift) if december else []))


def _by_fund(lines: list[WorkingLine], **wanted: str) -> dict[str, Decimal]:
    totals: dict[str, Decimal] = {}
    for l in lines:
        if all(getattr(l, key) == value for key, value in wanted.items()):
            totals[l.fund_source] = totals.get(l.fund_source, Decimal(0)) + l.amount
    return totals


def year_end(lines: list[WorkingLine], shift=(0, 0)) -> list[WorkingLine]:
    """The 年终结转 voucher: every fund's income and spending closed (−, by the account's side)."""
    out = []
    for direction, account, moved in (("收入", "6001", shift[0]), ("支出", "7101", shift[1])):
        for fund, total in sorted(_by_fund(lines, direction=direction).items()):
            amount = -(total - (moved if fund == GENERAL else 0))
            out.append(line(account, amount, "年终结转", category=direction, fund=fund,
                            voucher="记-0099", function=""))
    return out


def closing(lines: list[WorkingLine], shift=0) -> list[WorkingLine]:
    """December's closing carry-over per fund: 年初 + 收入 − 支出 + 使用 − 分配."""
    total: dict[str, Decimal] = {}
    for sign, wanted in ((1, {"direction": "年初结转和结余"}), (1, {"direction": "收入"}),
                         (-1, {"direction": "支出"}), (1, {"category": "使用非财政拨款结余"}),
                         (-1, {"category": "结余分配"})):
        for fund, amount in _by_fund(lines, **wanted).items():
            total[fund] = total.get(fund, Decimal(0)) + sign * amount
    return [line("8201" if fund == OWN else "8101", amount + (shift if fund == GENERAL else 0),
                 "年末结转和结余", fund=fund) for fund, amount in sorted(total.items())]


def paper(lines: list[WorkingLine], *, units=UNITS, budget=(), staffing=(), prior_year=(),
          period_end: str = "2020-12", performance=None, performance_basis=()) -> WorkingPaper:
    months = sorted({l.period for l in lines if l.direction in ("收入", "支出", "资金结存")})
    return WorkingPaper("某局", 2020, period_end, list(lines), list(units), list(budget),
                        list(prior_year), list(staffing), months, performance=performance,
                        performance_basis=list(performance_basis))


@lru_cache(maxsize=1)
def template():
    return year_template(2020)


# The office's hand-kept 三公, asset and procurement figures (元; vehicles in 辆), by the input
# names of the contract (基础信息_…): every typed total equal to its parts.
HAND_KEPT: dict[str, Decimal | int] = {
    "基础信息_三公_因公出国境费_预算数": Decimal("0.00"),
    "基础信息_三公_公务用车购置费_预算数": Decimal("0.00"),
    "基础信息_三公_公务用车运行费_预算数": Decimal("48000.00"),
    "基础信息_三公_公务接待费_预算数": Decimal("30000.00"),
    "基础信息_三公_手填合计_预算数": Decimal("78000.00"),
    "基础信息_三公_公务用车购置及运行费_预算数": Decimal("48000.00"),
    "基础信息_资产_资产总额": Decimal("2345678.91"),
    "基础信息_资产_流动资产": Decimal("812345.67"),
    "基础信息_资产_固定资产": Decimal("1433333.24"),
    "基础信息_资产_土地房屋及构筑物": Decimal("900000.00"),
    "基础信息_资产_通用设备": Decimal("321111.12"),
    "基础信息_资产_专用设备": Decimal("100000.00"),
    "基础信息_资产_文物和陈列品": Decimal("0.00"),
    "基础信息_资产_图书档案": Decimal("12222.12"),
    "基础信息_资产_家具用具装具及动植物": Decimal("100000.00"),
    "基础信息_资产_长期投资": Decimal("0.00"),
    "基础信息_资产_在建工程": Decimal("50000.00"),
    "基础信息_资产_无形资产": Decimal("40000.00"),
    "基础信息_资产_其他资产": Decimal("10000.00"),
    "基础信息_资产_车辆": 2,
    "基础信息_资产_领导干部用车": 0,
    "基础信息_资产_一般公务用车": 2,
    "基础信息_资产_执法执勤用车": 0,
    "基础信息_资产_特种专业技术用车": 0,
    "基础信息_资产_其他用车": 0,
    "基础信息_资产_单价50万元以上通用设备": 0,
    "基础信息_资产_单价100万元以上专用设备": 0,
    "基础信息_采购_政府采购支出总额": Decimal("120000.00"),
    "基础信息_采购_货物": Decimal("100000.00"),
    "基础信息_采购_工程": Decimal("0.00"),
    "基础信息_采购_服务": Decimal("20000.00"),
    "基础信息_采购_授予中小企业合同金额": Decimal("100000.00"),
    "基础信息_采购_授予小微企业合同金额": Decimal("60000.00"),
}
HAND_KEPT_SHEET = "手填数（测试）"


def hand_kept_sheet(values: dict) -> Sheet:
    """The hand-kept figures as named input cells (what the 基础信息 sheet gives them as)."""
    sheet = Sheet(HAND_KEPT_SHEET)
    for row, (name, value) in enumerate(values.items()):
        sheet.text(row, 0, name)
        sheet.named_number(row, 1, name, value, "integer" if isinstance(value, int) else "number")
    return sheet


def assemble(working_paper: WorkingPaper, hand_kept: dict | None = None,
             typed_over: dict | None = None) -> Workbook:
    """The workbook as the pipeline builds it (input sheets first, so a form can tell which
    inputs the office gave; then the tables), with ``hand_kept`` figures (default HAND_KEPT;
    {} for none) and ``typed_over``: table cells (by defined name) a person overwrote with a
    number (万元, or a count)."""
    hand_kept = HAND_KEPT if hand_kept is None else hand_kept
    inputs = [working_paper_sheet(working_paper), budget_sheet(working_paper),
              prior_year_sheet(working_paper), basic_info_sheet(working_paper)]
    if hand_kept:
        inputs.append(hand_kept_sheet(hand_kept))
    book = Workbook(list(inputs))
    tables = build_tables(book, working_paper, template())
    book.sheets = [*tables, *inputs]
    cells = {name: cell_id for name, cell_id in book.cell_names().items()}
    found = book.formula_cells()
    for name, value in (typed_over or {}).items():
        _, cell = found[cells[name]]
        cell.expr = Number(Decimal(str(value)))
    return book


def with_scorecard(working_paper: WorkingPaper, **extras) -> tuple[Workbook, Scorecard]:
    """The workbook as the pipeline builds it before 核对表: assemble's, and the 绩效自评 sheet
    (after the tables) with its scorecard."""
    book = assemble(working_paper, **extras)
    sheet, card = build_scorecard(book, working_paper, template())
    tables = [s for s in book.sheets if s.name.startswith("公开")]
    book.sheets.insert(len(tables), sheet)
    return book, card


def check(working_paper: WorkingPaper | tuple, render: bool = False) -> CheckResult:
    """The findings of this working paper (or of (paper, assemble's keywords)), as `jdzxlsx
    build` makes them (``render``: and the 核对表 sheet; the slow tests check the sheet against
    LibreOffice)."""
    if isinstance(working_paper, tuple):
        working_paper, extras = working_paper
    else:
        extras = {}
    book, card = with_scorecard(working_paper, **extras)
    if render:
        return build_checks(book, working_paper, template(), card)
    rules = template().checks
    book.add(check_sheet(working_paper.department, working_paper.year,
                         list(rules.parameters.values())))       # the tolerance cells
    context = WorkbookContext(book, working_paper)
    planner = Planner(book, context, working_paper, template(), card)
    return CheckResult(evaluate(planner.plan(), rules, context), planner.not_checked, [])


def findings(result: CheckResult, rule: str) -> dict:
    """The rows of one rule (its id, or its id with the row key), by row id."""
    return {f.rule_id: f for f in result.findings
            if f.rule_id == rule or f.rule_id.startswith(rule + "[")}


def not_checked(result: CheckResult, rule: str) -> list[str]:
    return [t for t in result.not_checked if t.startswith((rule + "：", rule + "["))]


def budget(amount, function: str = "2011301", fund: str = GENERAL) -> BudgetLine:
    return BudgetLine(UNIT, function, "30201", fund, "基本支出", "", Decimal(str(amount)), None,
                      Provenance("预算.xlsx", "预算指标", next(_rows)))


def staffing(category: str, authorised: int, typed_total: bool = False) -> StaffingRow:
    return StaffingRow(category, authorised, None, None, None, typed_total,
                       Provenance("基础信息.xlsx", "人员编制", next(_rows)))


def clean_paper(lines: list[WorkingLine] | None = None, **inputs) -> WorkingPaper:
    """The complete year with every input a department gives: its budget (1 200 000 for
    2011301), staffing sheet (typed total 15 = 10 + 5), last year's closing carry-over
    (400 000 元), 某局本级's 绩效指标 sheet (tests/synthetic_performance.py)."""
    given = {"budget": [budget(1_200_000)], "performance": perf.performance(),
             "performance_basis": perf.BASIS,
             "staffing": [staffing("行政编制", 10), staffing("事业编制", 5),
                          staffing("合计", 15, typed_total=True)],
             "prior_year": [PriorYearFigure("年末结转和结余", Decimal(400_000),
                                            Provenance("上年.xlsx", "上年", 2))]}
    return paper(complete_year() if lines is None else lines, **{**given, **inputs})


# ----------------------------------------------------------------------------- scenarios
def _not(direction: str = "", account: str = ""):
    return lambda l: (not direction or l.direction == direction) and \
        (not account or l.account_code == account)


def _spend(amount: int, **fields) -> list[WorkingLine]:
    """Spending of the year with its 8001 line (the 年终结转 and closing follow it)."""
    fund = fields.get("fund", GENERAL)
    return [line(fields.pop("account", "7101"), amount, **fields),
            line("8001", -amount, fund=fund, unit=fields.get("unit", UNIT))]


def three_funds_year(*extra: WorkingLine) -> list[WorkingLine]:
    """The complete year with government-fund money (carried 80 000, received 200 000 under
    229 60 彩票公益金, spent 150 000 there and 30 000 under 207) and state-capital money
    (received and spent 90 000 under 223 01) besides the 一般公共预算 and 非财政拨款 of
    complete_year: 公开08表 and 公开09表 with 类, 款 and 项 rows."""
    return complete_year(
        line("8101", 80_000, "年初结转和结余", fund=FUND, function="2296002", period="2020-01"),
        line("8001", 80_000, "年初余额", fund=FUND, period="2020-01"),
        line("6001", 200_000, fund=FUND, function="2296002", period="2020-03"),
        line("8001", 200_000, fund=FUND, period="2020-03"),
        *_spend(150_000, fund=FUND, function="2296002", category="项目支出", period="2020-04"),
        *_spend(30_000, fund=FUND, function="2079903", period="2020-05"),
        line("6001", 90_000, fund=CAPITAL, function="2230105", period="2020-06"),
        line("8001", 90_000, fund=CAPITAL, period="2020-06"),
        *_spend(60_000, fund=CAPITAL, function="2230105", category="项目支出", period="2020-07"),
        *_spend(30_000, fund=CAPITAL, function="2230105", period="2020-08"),
        *extra)


def three_funds_paper(*extra: WorkingLine) -> WorkingPaper:
    """three_funds_year with every input; last year closed with the 480 000 carried in."""
    return clean_paper(three_funds_year(*extra), prior_year=[PriorYearFigure(
        "年末结转和结余", Decimal(480_000), Provenance("上年.xlsx", "上年", 2))])


def typed_over(paper: WorkingPaper, **cells) -> tuple:
    """A scenario whose tables have numbers typed over formulas (defined name → value)."""
    return paper, {"typed_over": cells}


def hand_kept(**changed) -> tuple:
    """The complete year with the hand-kept figures changed (short names: 三公_公务接待费_预算数
    for 基础信息_三公_公务接待费_预算数)."""
    return clean_paper(), {"hand_kept": {**HAND_KEPT, **{f"基础信息_{k}": v
                                                       for k, v in changed.items()}}}


# Corruptions of the complete year, each with the rules it must make 不符 — and nothing else.
SCENARIOS: dict[str, tuple] = {
    "no opening balance": (lambda: clean_paper(complete_year(
        drop=lambda l: l.direction in ("年初结转和结余", "年初余额"))), {"O1", "P1"}),
    "December's closing differs from the year": (
        # 公开01 and 公开04 take December's closing: 收 ≠ 支 in both, and the fund's balance
        lambda: clean_paper(complete_year(closing_shift=5000)), {"Y1", "N01-4", "N04-5", "N04-7"}),
    "a fund spent more than it had": (
        # … and the department's closing falls below its 财政拨款 part (公开01 vs 公开04)
        lambda: clean_paper(complete_year(*_spend(900_000, fund=OWN))), {"Y2", "X8-2"}),
    "the 年终结转 voucher closes less income": (
        lambda: clean_paper(complete_year(year_end_shift=(1000, 0))), {"J1"}),
    "the 年终结转 voucher closes less spending": (
        lambda: clean_paper(complete_year(year_end_shift=(0, 1000))), {"J2"}),
    "8001's opening balance differs from the others'": (lambda: clean_paper(complete_year(
        line("8001", 7000, "年初余额", period="2020-01"))), {"A1"}),
    "经营支出 paid from an appropriation": (lambda: clean_paper(complete_year(
        *_spend(20_000, account="7301", unit=INSTITUTE))), {"A2"}),
    "an institute books 行政支出": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, unit=INSTITUTE))), {"A3-1"}),
    "an office books 事业支出": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, account="7201"))), {"A3-2"}),
    "pension contributions under another function": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, economic="30108"))), {"A4-1"}),
    "the pension function with another economic code": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, function="2080505"))), {"A4-2"}),
    "annuity contributions under another function": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, economic="30109"))), {"A4-3"}),
    "the annuity function with another economic code": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, function="2080506"))), {"A4-4"}),
    "housing fund under another function": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, economic="30113"))), {"A4-5"}),
    "the housing function with another economic code": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, function="2210201"))), {"A4-6"}),
    "health insurance under another function": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, economic="30110"))), {"A4-7"}),
    "the health function with another economic code": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, function="2101102"))), {"A4-8"}),
    "公务接待费 in an office's 项目支出": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, economic="30217", category="项目支出",
                function="2011302"))), {"A5-1"}),
    "公务接待费 at an institute": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, economic="30217", unit=INSTITUTE, account="7201"))),
        {"A5-2"}),
    "行政运行 in 项目支出": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, category="项目支出"))), {"A6-1"}),
    "a 特定目标类 project in 基本支出": (lambda: clean_paper(complete_year(
        *_spend(20_000, fund=OWN, project_category="特定目标类"))), {"A6-2"}),
    "income without its 功能分类": (lambda: clean_paper(complete_year(
        line("6609", 20_000, fund=OWN, function=""), line("8001", 20_000, fund=OWN))),
        {"S10"}),
    "a code with a warning on two lines": (lambda: clean_paper(complete_year(*[
        l for amount in (20_000, 5_000) for l in _spend(
            amount, fund=OWN, warnings=("支出功能分类科目「2011399」的项不在分类表中",))])),
        {"S11"}),
    # ---- 公开04–10表 (issue 9)
    "a refund larger than the year's own-fund spending": (lambda: clean_paper(complete_year(
        *_spend(-50_000, fund=OWN))), {"X7", "X12-1"}),   # 公开03/01 below 公开05/04 in 201
    "公开08表 a 款 typed over": (lambda: typed_over(three_funds_paper(),
                                                    公开08_22960_小计=16),
                              {"N08-1", "N08-2", "N08-3"}),
    "公开09表 a 款 typed over": (lambda: typed_over(three_funds_paper(),
                                                    公开09_22301_合计=10),
                              {"N09-1", "N09-2"}),
    "公开07表 a 预算数 subtotal typed over": (lambda: typed_over(
        clean_paper(), 公开07_预算数_公务用车购置及运行费=5), {"N07-1", "N07-2"}),
    "公开10表 资产总额 and 车辆 typed over": (lambda: typed_over(
        clean_paper(), 公开10_资产总额=300, 公开10_车辆=3), {"N10-1", "N10-3"}),
    "三公 typed total differs from its items": (lambda: hand_kept(
        三公_手填合计_预算数=Decimal("79000.00")), {"T2"}),
    "资产总额 typed differs from its parts": (lambda: hand_kept(
        资产_资产总额=Decimal("2345679.91")), {"T3-1"}),
    "固定资产 typed differs from its six parts": (lambda: hand_kept(
        资产_固定资产=Decimal("1434333.24")), {"T3-1", "T3-2", "N10-2"}),
    "车辆 typed differs from the kinds": (lambda: hand_kept(资产_车辆=3), {"T3-3"}),
    "政府采购 typed total differs from its parts": (lambda: hand_kept(
        采购_政府采购支出总额=Decimal("121000.00")), {"T4"}),
    "小微 above 中小企业": (lambda: hand_kept(采购_授予小微企业合同金额=Decimal("100000.01")),
                        {"T5-1"}),
    "中小企业 above the procurement": (lambda: hand_kept(
        采购_授予中小企业合同金额=Decimal("120000.01"),
        采购_政府采购支出总额=Decimal("120000.00")), {"T5-2"}),
    "公务接待费 beyond its budget": (lambda: clean_paper(complete_year(
        *_spend(35_000, economic="30217"))), {"B3"}),
    "an 8101 opening balance without its 资金性质": (lambda: clean_paper(complete_year(
        line("8101", 30_000, "年初结转和结余", fund="", period="2020-01"),
        line("8001", 30_000, "年初余额", fund="", period="2020-01"))),
        {"S12-1", "S12-2", "P1"}),              # the closing and last year's 年末 follow it
    "an 8101 closing balance without its 资金性质": (lambda: clean_paper(complete_year(
        line("8101", 30_000, "年末结转和结余", fund=""),
        line("8001", 30_000, "年末余额", fund=""))),
        {"S12-2", "N01-4"}),                    # 公开01表 takes December's closing as given
    "一般公共预算 spent beyond its carry-over and income": (lambda: clean_paper(complete_year(
        *_spend(3_000_000), closed=False, december=False)),
        {"N04-9", "Y2", "B1", "B2"}),           # the fund below zero, far beyond its budget
    "a government-fund balance without its 功能分类": (lambda: clean_paper(three_funds_year(
        line("8101", 10_000, "年初结转和结余", fund=FUND, function="", period="2020-01"),
        line("8001", 10_000, "年初余额", fund=FUND, period="2020-01"))),
        {"S13", "P1"}),
    "the typed 公务用车 subtotal differs from its two items": (lambda: hand_kept(
        三公_公务用车购置及运行费_预算数=Decimal("50000.00")), {"T2-2"}),
    # ---- 绩效自评 (issue 10): the office's 绩效指标 sheet typed wrong
    **{name: ((lambda typed=typed: clean_paper(performance=perf.performance(**typed))), rules)
       for name, (typed, rules) in perf.SCENARIOS.items()},
}



def rules_seen_failing() -> set[str]:
    """Every rule a scenario above makes 不符."""
    return {f.rule_id.split("[", 1)[0] for build, _ in SCENARIOS.values()
            for f in check(build()).findings if f.verdict == "不符"}


__all__ = ["SCENARIOS", "rules_seen_failing", "line", "complete_year", "clean_paper", "paper",
           "check", "findings", "not_checked", "budget", "staffing", "replace", "assemble",
           "with_scorecard",
           "three_funds_year", "three_funds_paper", "typed_over", "hand_kept", "HAND_KEPT"]
