"""底稿: every ledger and balance line normalised to one table in 元, with its provenance.

The working paper is the single source of every figure: a table cell is a query over these
lines (SUMIFS in Excel, `WorkingPaper.sum` in Python), so the two renderings cannot drift.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ..classification import Codebook, economic_codebook, function_codebook
from ..errors import InputError
from ..ingest.records import (BudgetLine, BudgetUnit, IngestResult, LedgerLine,
                              PriorYearFigure, Provenance, StaffingRow)
from ..templates import load_toml

CENT = Decimal("0.01")

# Directions of a 底稿 line (column 方向).
INCOME = "收入"
EXPENDITURE = "支出"
UNMAPPED = "未归类"
OPENING = "年初结转和结余"
FUNDS_HELD = "资金结存"

BY_EXPENSE_KIND = "按支出类型"


@dataclass(frozen=True)
class Account:
    code: str
    name: str
    direction: str
    category: str
    side: str                       # 借 / 贷
    fund_source: str | None = None  # fixed by the account, else the line's own
    opening: str | None = None      # opening balance feeds this figure (年初结转和结余)
    funds: tuple[str, ...] = ()     # the 资金性质 a line of this account may carry


def load_accounts(year: int) -> dict[str, Account]:
    data = load_toml(year, "accounts.toml")
    groups = {name: tuple(values) for name, values in data["fund_groups"].items()}
    return {a["code"]: Account(code=a["code"], name=a["name"], direction=a["direction"],
                               category=a["category"], side=a["side"],
                               fund_source=a.get("fund_source"), opening=a.get("opening"),
                               funds=groups[a.get("funds", "全部")])
            for a in data["account"]}


def fund_sources(year: int) -> tuple[str, ...]:
    """The canonical 资金性质 values (the 全部 group of accounts.toml)."""
    return tuple(load_toml(year, "accounts.toml")["fund_groups"]["全部"])


@dataclass(frozen=True)
class WorkingLine:
    unit: str
    period: str
    direction: str
    category: str
    fund_source: str
    function_code: str
    economic_code: str
    account_code: str
    project: str
    voucher: str
    summary: str
    amount: Decimal                 # 元, signed by the account's normal side
    source: Provenance
    debit: Decimal = Decimal(0)     # as exported (ledger lines), for the debit = credit checks
    credit: Decimal = Decimal(0)
    problems: tuple[str, ...] = ()  # why this line cannot land in its table cell (核对表 lists it)

    @property
    def check_mark(self) -> str:
        return "错误" if self.problems else "通过"


@dataclass(frozen=True)
class Column:
    """A column of the 底稿 sheet. ``key`` is its header and the suffix of its defined name
    (底稿_<key>), which SUMIFS criteria refer to."""

    key: str
    width: float
    value: callable
    is_amount: bool = False


WORKING_PAPER_COLUMNS: tuple[Column, ...] = (
    Column("单位", 30, lambda l: l.unit),
    Column("期间", 9, lambda l: l.period),
    Column("方向", 13, lambda l: l.direction),
    Column("收支类别", 16, lambda l: l.category),
    Column("资金性质", 22, lambda l: l.fund_source),
    Column("功能分类类", 8, lambda l: l.function_code[:3]),
    Column("功能分类款", 8, lambda l: l.function_code[:5]),
    Column("功能分类科目", 11, lambda l: l.function_code),
    Column("经济分类类", 8, lambda l: l.economic_code[:3]),
    Column("经济分类款", 8, lambda l: l.economic_code[:5]),
    Column("会计科目", 8, lambda l: l.account_code),
    Column("项目", 22, lambda l: l.project),
    Column("凭证号", 10, lambda l: l.voucher),
    Column("摘要", 30, lambda l: l.summary),
    Column("金额", 16, lambda l: l.amount, is_amount=True),
    Column("借方", 14, lambda l: l.debit, is_amount=True),
    Column("贷方", 14, lambda l: l.credit, is_amount=True),
    Column("来源文件", 30, lambda l: l.source.file),
    Column("来源工作表", 14, lambda l: l.source.sheet),
    Column("来源行", 7, lambda l: l.source.row),
    Column("核对结果", 9, lambda l: l.check_mark),
    Column("核对说明", 40, lambda l: "；".join(l.problems)),
)
COLUMN_BY_KEY = {c.key: c for c in WORKING_PAPER_COLUMNS}
AMOUNT_KEY = "金额"

BUDGET_COLUMNS: tuple[Column, ...] = (
    Column("单位", 30, lambda b: b.unit),
    Column("功能分类类", 8, lambda b: b.function_code[:3]),
    Column("功能分类科目", 11, lambda b: b.function_code),
    Column("经济分类款", 8, lambda b: b.economic_code),
    Column("资金性质", 22, lambda b: b.fund_source),
    Column("支出类型", 10, lambda b: b.expense_kind),
    Column("项目", 22, lambda b: b.project),
    Column("年初预算数", 16, lambda b: b.initial, is_amount=True),
    Column("调整预算数", 16, lambda b: b.adjusted if b.adjusted is not None else b.initial,
           is_amount=True),
    Column("来源文件", 30, lambda b: b.source.file),
    Column("来源工作表", 14, lambda b: b.source.sheet),
    Column("来源行", 7, lambda b: b.source.row),
)

# The input sheets whose columns carry defined names (<sheet>_<column>) for queries.
WORKING_PAPER_SHEET = "底稿"
BUDGET_SHEET = "预算指标"
INPUT_TABLES = {WORKING_PAPER_SHEET: WORKING_PAPER_COLUMNS, BUDGET_SHEET: BUDGET_COLUMNS}


@dataclass
class WorkingPaper:
    department: str
    year: int
    period_end: str                         # last month covered, "YYYY-MM"
    lines: list[WorkingLine]
    units: list[BudgetUnit]
    budget: list[BudgetLine]
    prior_year: list[PriorYearFigure]
    staffing: list[StaffingRow]
    months: list[str]                        # the months that have ledger lines
    notes: list[str] = field(default_factory=list)
    _index: dict = field(default_factory=dict, repr=False)

    def rows(self, table: str) -> list:
        return {WORKING_PAPER_SHEET: self.lines, BUDGET_SHEET: self.budget}[table]

    def _grouped(self, table: str, keys: tuple[str, ...], amount: str | None) -> dict:
        index_key = (table, keys, amount)
        grouped = self._index.get(index_key)
        if grouped is None:
            columns = {c.key: c for c in INPUT_TABLES[table]}
            getters = [columns[k].value for k in keys]
            value = columns[amount].value if amount else (lambda row: 1)
            grouped = defaultdict(int if amount is None else Decimal)
            for row in self.rows(table):
                grouped[tuple(str(g(row)) for g in getters)] += value(row)
            self._index[index_key] = grouped
        return grouped

    def sum(self, criteria: tuple[tuple[str, str], ...], amount: str = AMOUNT_KEY,
            table: str = WORKING_PAPER_SHEET) -> Decimal:
        """Python twin of SUMIFS(<table>_<amount>, <table>_<key>, "<value>", …): exact, in 元."""
        keys = tuple(sorted(k for k, _ in criteria))
        wanted = dict(criteria)
        return self._grouped(table, keys, amount).get(tuple(wanted[k] for k in keys), Decimal(0))

    def matching(self, criteria: tuple[tuple[str, str], ...]) -> list[WorkingLine]:
        """The 底稿 lines whose columns hold every (column, value) pair."""
        getters = [(COLUMN_BY_KEY[k].value, v) for k, v in criteria]
        return [line for line in self.lines if all(str(g(line)) == v for g, v in getters)]

    def count(self, criteria: tuple[tuple[str, str], ...],
              table: str = WORKING_PAPER_SHEET) -> int:
        """Python twin of COUNTIFS(<table>_<key>, "<value>", …)."""
        keys = tuple(sorted(k for k, _ in criteria))
        wanted = dict(criteria)
        return self._grouped(table, keys, None).get(tuple(wanted[k] for k in keys), 0)


def _signed(line: LedgerLine, account: Account) -> Decimal:
    if account.side == "贷":
        return line.credit - line.debit
    return line.debit - line.credit


def _category(line: LedgerLine, account: Account) -> str:
    if account.category != BY_EXPENSE_KIND:
        return account.category
    if line.expense_kind:
        return line.expense_kind
    return "项目支出" if line.project else "基本支出"


def build_working_paper(ingested: IngestResult, *, department: str, year: int,
                        period_end: str | None = None) -> WorkingPaper:
    """Normalise ingested records into the 底稿 of one department and year.

    ``period_end`` ("YYYY-MM") keeps the ledger lines up to that month: a year-to-date build.
    """
    accounts = load_accounts(year)
    first_month = f"{year}-01"
    last_month = period_end or f"{year}-12"
    if not (first_month <= last_month <= f"{year}-12"):
        raise InputError(f"期间 {last_month} 不在 {year} 年度内。",
                         hint=f"--period 请写 {year}-01 至 {year}-12 之间的月份，如 {year}-06。")

    included, excluded_units = _units_in_scope(ingested.units)
    known_funds = fund_sources(year)
    functions, economics = function_codebook(year), economic_codebook(year)
    notes = list(ingested.notes)
    lines: list[WorkingLine] = []

    for line in ingested.ledger:
        if not line.period.startswith(f"{year}-"):
            raise InputError(f"凭证期间 {line.period} 不属于 {year} 年度。",
                             file=line.source.file, sheet=line.source.sheet, row=line.source.row,
                             hint="删除该行，或把其他年度的账放到另一个输入目录。")
        if line.period > last_month:
            continue
        if not _unit_in_scope(line.unit, included, excluded_units, line.source):
            continue
        account = accounts.get(line.account_code)
        if account is None:
            lines.append(_unmapped_line(line, year))
            continue
        direction = account.direction
        fund = account.fund_source or line.fund_source
        problems = _problems(line, account, direction, fund, known_funds, functions, economics)
        lines.append(WorkingLine(
            unit=line.unit, period=line.period, direction=direction,
            category=_category(line, account), fund_source=fund,
            function_code=line.function_code, economic_code=line.economic_code,
            account_code=line.account_code, project=line.project, voucher=line.voucher,
            summary=line.summary, amount=_signed(line, account).quantize(CENT),
            source=line.source, debit=line.debit, credit=line.credit, problems=problems))

    lines.extend(_opening_lines(ingested, accounts, year, included, excluded_units))
    _refuse_repeated_rows(ingested)

    months = sorted({l.period for l in lines if l.direction in (INCOME, EXPENDITURE, FUNDS_HELD)})
    return WorkingPaper(department=department, year=year, period_end=last_month, lines=lines,
                        units=[u for u in ingested.units], budget=list(ingested.budget),
                        prior_year=list(ingested.prior_year), staffing=list(ingested.staffing),
                        months=months, notes=notes)


def _refuse_repeated_rows(ingested: IngestResult) -> None:
    """A hand-kept sheet with the same row twice cannot say which one holds: stop and say where."""
    seen: dict[object, Provenance] = {}
    keyed = ([(("人员编制", s.category, s.is_typed_total), s.source) for s in ingested.staffing]
             + [(("上年数", f.item), f.source) for f in ingested.prior_year])
    for key, source in keyed:
        if key in seen:
            raise InputError(f"「{key[1]}」出现了两次（另一次在 {seen[key]}）。",
                             file=source.file, sheet=source.sheet, row=source.row,
                             hint="删除重复的行，或把两行合并为一行。")
        seen[key] = source


def _unmapped_line(line: LedgerLine, year: int) -> WorkingLine:
    """A line whose account the mapping does not know: kept in 底稿, in no table cell, and
    listed as an error by 核对表 with its place."""
    return WorkingLine(
        unit=line.unit, period=line.period, direction=UNMAPPED, category=UNMAPPED,
        fund_source=line.fund_source, function_code=line.function_code,
        economic_code=line.economic_code, account_code=line.account_code, project=line.project,
        voucher=line.voucher, summary=line.summary, amount=(line.debit - line.credit).quantize(CENT),
        source=line.source, debit=line.debit, credit=line.credit,
        problems=(f"会计科目「{line.account_code} {line.account_name}」不在 {year} 年预算会计"
                  f"科目对照表（templates/{year}/accounts.toml）中，本行未计入任何表",))


def _problems(line: LedgerLine, account: Account, direction: str, fund: str,
              known_funds: tuple[str, ...], functions: Codebook,
              economics: Codebook) -> tuple[str, ...]:
    """What keeps an income or expenditure line from landing in exactly one table cell."""
    problems = []
    if direction in (INCOME, EXPENDITURE):
        code = line.function_code
        if not code:
            problems.append("缺少支出功能分类科目")
        elif len(code) != 7 or not functions.knows(code):
            problems.append(f"支出功能分类科目「{code}」不是 {functions.year} 年分类表中的项级科目")
        if not fund:
            problems.append("缺少资金性质")
    if direction == EXPENDITURE:
        code = line.economic_code
        if not code:
            problems.append("缺少支出经济分类科目")
        elif len(code) != 5 or not economics.knows(code):
            problems.append(f"支出经济分类科目「{code}」不是 {economics.year} 年分类表中的款级科目")
    if fund and fund not in known_funds:
        problems.append(f"资金性质「{fund}」无法识别（应为 {'、'.join(known_funds)} 之一）")
    elif fund and fund not in account.funds:
        problems.append(f"科目 {account.code} {account.name} 不应使用资金性质「{fund}」"
                        f"（应为 {'、'.join(account.funds)}）")
    return tuple(problems)


def _units_in_scope(units: list[BudgetUnit]) -> tuple[set[str] | None, set[str]]:
    """Names of the units consolidated into the 决算 (None: no unit list given, take all)."""
    if not units:
        return None, set()
    return ({u.name for u in units if u.included}, {u.name for u in units if not u.included})


def _unit_in_scope(unit: str, included: set[str] | None, excluded: set[str],
                   source: Provenance) -> bool:
    if included is None or unit in included:
        return True
    if unit in excluded:
        return False
    raise InputError(f"单位「{unit}」不在「预算单位」表中。",
                     file=source.file, sheet=source.sheet, row=source.row, column="单位",
                     hint="在基础信息的预算单位表中补上该单位（注明是否纳入部门决算），"
                          "或更正账中的单位名称。")


def _opening_lines(ingested: IngestResult, accounts: dict[str, Account], year: int,
                   included: set[str] | None, excluded: set[str]) -> list[WorkingLine]:
    """年初结转和结余 from the opening balances of the year's first-month trial balance."""
    first_month = f"{year}-01"
    out = []
    for balance in ingested.balances:
        account = accounts.get(balance.account_code)
        if account is None or account.opening is None or balance.period != first_month:
            continue
        if not _unit_in_scope(balance.unit, included, excluded, balance.source):
            continue
        amount = -balance.opening if account.side == "贷" else balance.opening
        out.append(WorkingLine(
            unit=balance.unit, period=first_month, direction=OPENING, category=account.category,
            fund_source=account.fund_source or balance.fund_source,
            function_code=balance.function_code, economic_code="",
            account_code=balance.account_code, project="", voucher="",
            summary=f"年初余额 {balance.account_code} {balance.account_name}",
            amount=amount.quantize(CENT), source=balance.source))
    return out
