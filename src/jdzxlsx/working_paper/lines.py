"""底稿: every ledger and balance line normalised to one table in 元, with its provenance.

The working paper is the single source of every figure: a table cell is a query over these
lines (SUMIFS in Excel, `WorkingPaper.sum` in Python), so the two renderings cannot drift.
The 类 and 款 of a code are not stored: queries match them from the code itself (列^=值).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from ..classification import Codebook
from ..expr import Count, Criterion, Query
from ..ingest.records import (BudgetLine, BudgetUnit, HandKeptFigure, PriorYearFigure,
                              Provenance, StaffingRow)
from .performance import PerformanceSheet

CENT = Decimal("0.01")

# Directions of a 底稿 line (column 方向).
INCOME = "收入"
EXPENDITURE = "支出"
UNMAPPED = "未归类"
FUNDS_HELD = "资金结存"              # 8001 postings of the year
CARRY_OVER = "结转结余"              # postings of the year to the other 8xxx accounts
OPENING = "年初结转和结余"           # opening balances of the carried accounts (8101 8102 8201 8401)
OPENING_OTHER = "年初余额"           # opening balances of the other 8xxx accounts (8001 8202 8301 …)
CLOSING = "年末结转和结余"           # December's closing balances of the carried accounts
CLOSING_OTHER = "年末余额"           # December's closing balances of the other 8xxx accounts
YEAR_END_ENTRY = "年终结转"          # lines of a 年终结转 voucher: in 底稿, in no table
BALANCE_DIRECTIONS = (OPENING, OPENING_OTHER, CLOSING, CLOSING_OTHER)

BY_EXPENSE_KIND = "按支出类型"


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
    warnings: tuple[str, ...] = ()  # what looks wrong although the line lands in a cell (警告)
    project_category: str = ""      # 一体化 项目类别 as exported (canonical when known)

    @property
    def check_mark(self) -> str:
        return "错误" if self.problems else ("警告" if self.warnings else "通过")


# Excel and WPS turn a SUMIFS/COUNTIFS criterion that looks like a number or a date into one, and
# then match number- and date-looking text in the range by value (domain.md "Excel criteria
# coercion").  Keys that are not codes are written so no spreadsheet can read them that way.
_NUMBER_OR_DATE = re.compile(
    r"[+-]?[\d,.]+%?|[+-]?\d+(\.\d*)?[eE][+-]?\d+"
    r"|\d{1,4}[-/.年]\d{1,2}([-/.月]\d{1,2}日?)?月?|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}"
    r"|\d{1,2}月\d{1,2}日?|\d{1,2}:\d{2}(:\d{2})?|true|false", re.IGNORECASE)


def looks_like_number_or_date(text: str) -> bool:
    """Would a spreadsheet read ``text``, typed as a criterion, as a number, date or truth value?"""
    return bool(_NUMBER_OR_DATE.fullmatch(text.strip()))


def period_key(period: str) -> str:
    """The 底稿 期间 of a "YYYY-MM" period: 2020年第05期 (not a date to any spreadsheet)."""
    return f"{period[:4]}年第{period[5:7]}期"


def text_key(text: str) -> str:
    """A voucher number, file name or other non-code key as 底稿 writes it: unchanged unless a
    spreadsheet could read it as a number or a date, then marked as text by a trailing 号."""
    return f"{text}号" if text and looks_like_number_or_date(text) else text


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
    Column("期间", 13, lambda l: period_key(l.period)),
    Column("方向", 13, lambda l: l.direction),
    Column("收支类别", 16, lambda l: l.category),
    Column("资金性质", 22, lambda l: l.fund_source),
    Column("功能分类科目", 11, lambda l: l.function_code),
    Column("经济分类科目", 11, lambda l: l.economic_code),
    Column("会计科目", 8, lambda l: l.account_code),
    Column("项目", 22, lambda l: l.project),
    Column("项目类别", 14, lambda l: l.project_category),
    Column("凭证号", 10, lambda l: text_key(l.voucher)),
    Column("摘要", 30, lambda l: l.summary),
    Column("金额", 16, lambda l: l.amount, is_amount=True),
    Column("借方", 14, lambda l: l.debit, is_amount=True),
    Column("贷方", 14, lambda l: l.credit, is_amount=True),
    Column("来源文件", 30, lambda l: text_key(l.source.file)),
    Column("来源工作表", 14, lambda l: l.source.sheet),
    Column("来源行", 7, lambda l: l.source.row),
    Column("核对结果", 9, lambda l: l.check_mark),
    Column("核对说明", 40, lambda l: "；".join(l.problems + l.warnings)),
)
AMOUNT_KEY = "金额"

BUDGET_COLUMNS: tuple[Column, ...] = (
    Column("单位", 30, lambda b: b.unit),
    Column("功能分类科目", 11, lambda b: b.function_code),
    Column("经济分类科目", 11, lambda b: b.economic_code),
    Column("资金性质", 22, lambda b: b.fund_source),
    Column("支出类型", 10, lambda b: b.expense_kind),
    Column("项目", 22, lambda b: b.project),
    Column("年初预算数", 16, lambda b: b.initial, is_amount=True),
    Column("调整预算数", 16, lambda b: b.adjusted if b.adjusted is not None else b.initial,
           is_amount=True),
    Column("来源文件", 30, lambda b: text_key(b.source.file)),
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
    functions: Codebook | None = None       # the year's 功能分类 with the office's own list
    # the office's hand-kept figures as read (基础信息); an item not listed is absent, never 0
    sangong: list[HandKeptFigure] = field(default_factory=list)      # 三公 budget and counts
    assets: list[HandKeptFigure] = field(default_factory=list)       # 国有资产占用
    procurement: list[HandKeptFigure] = field(default_factory=list)  # 政府采购
    performance: "PerformanceSheet | None" = None          # the 绩效指标 sheet, if given
    performance_basis: list[HandKeptFigure] = field(default_factory=list)  # 绩效评价基础数据
    _index: dict = field(default_factory=dict, repr=False)

    def rows(self, table: str) -> list:
        return {WORKING_PAPER_SHEET: self.lines, BUDGET_SHEET: self.budget}[table]

    def _grouped(self, table: str, keys: tuple[tuple[str, int | None], ...],
                 amount: str | None) -> dict:
        """Totals (or counts) of ``table`` by the values of ``keys``: (column, None) the whole
        value, (column, n) its first n characters — one pass, then every query is a look-up."""
        index_key = (table, keys, amount)
        grouped = self._index.get(index_key)
        if grouped is None:
            columns = {c.key: c for c in INPUT_TABLES[table]}
            getters = [(columns[k].value, n) for k, n in keys]
            value = columns[amount].value if amount else (lambda row: 1)
            grouped = defaultdict(int if amount is None else Decimal)
            for row in self.rows(table):
                key = tuple(_key(str(g(row)), n) for g, n in getters)
                grouped[key] += value(row)
            self._index[index_key] = grouped
        return grouped

    def _look_up(self, table: str, criteria: tuple[Criterion, ...], amount: str | None):
        ordered = sorted(criteria, key=lambda c: (c.column, c.prefix, c.value))
        keys = tuple((c.column, len(c.value) if c.prefix else None) for c in ordered)
        grouped = self._grouped(table, keys, amount)
        # two criteria on one column look up two positions of one value: both must hold
        wanted = tuple(_wanted(c) for c in ordered)
        return grouped.get(wanted, Decimal(0) if amount else 0)

    def sum(self, table: str, criteria: tuple[Criterion, ...], amount: str = AMOUNT_KEY) -> Decimal:
        """Python twin of SUMIFS(<table>_<amount>, <table>_<column>, "<value>", …): exact, 元."""
        return self._look_up(table, criteria, amount)

    def count(self, table: str, criteria: tuple[Criterion, ...]) -> int:
        """Python twin of COUNTIFS(<table>_<column>, "<value>", …)."""
        return self._look_up(table, criteria, None)

    def matching(self, query: Query | Count) -> list:
        """The rows of the query's table that meet all its criteria."""
        getters = [(COLUMNS_OF[query.table][c.column].value, c) for c in query.criteria]
        return [row for row in self.rows(query.table)
                if all(_key(str(g(row)), len(c.value) if c.prefix else None) == _wanted(c)
                       for g, c in getters)]


def _key(text: str, prefix: int | None) -> str:
    """How SUMIFS sees a cell for one criterion: text whatever its case; for "201*" (prefix
    3) its first 3 characters; for "*" (prefix 0) only whether it holds any text."""
    if prefix == 0:
        return "\x01" if text else ""
    return (text if prefix is None else text[:prefix]).lower()


def _wanted(criterion: Criterion) -> str:
    """The key a criterion looks up: "*" (an empty prefix) wants any text."""
    if criterion.prefix and not criterion.value:
        return "\x01"
    return _key(criterion.value, len(criterion.value) if criterion.prefix else None)


QUERY_TABLES = {name: {c.key for c in columns} for name, columns in INPUT_TABLES.items()}
COLUMNS_OF = {name: {c.key: c for c in columns} for name, columns in INPUT_TABLES.items()}
