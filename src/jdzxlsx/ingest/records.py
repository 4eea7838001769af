"""What ingest hands on: typed records with provenance, one kind per input kind of inputs.md.

Ingest knows nothing of 公开表; these records are the whole contract with the stages below.
Amounts are Decimal 元 (a source in 万元 has already been converted, and that is noted).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal


@dataclass(frozen=True)
class Provenance:
    """Where a record came from. ``row`` is 1-based as Excel shows it."""

    file: str      # path relative to the input folder
    sheet: str     # sheet name; for CSV / HTML exports the file's stem or table number
    row: int

    def __str__(self) -> str:
        return f"{self.file}「{self.sheet}」第{self.row}行"


@dataclass(frozen=True)
class LedgerLine:
    """One posting of a ledger-detail export (kind 1)."""

    unit: str               # 预算单位 (from a column or the title rows)
    period: str             # "YYYY-MM"
    date: str               # "YYYY-MM-DD", or "" when the export gives only the month
    voucher: str            # 凭证号 as exported ("记-0012"), "" if absent
    summary: str            # 摘要
    account_code: str       # "7101" (digits only), "" if absent
    account_name: str
    function_code: str      # 支出功能分类, digits only ("2011301"), "" if none
    economic_code: str      # 支出经济分类, digits only ("30101"), "" if none
    fund_source: str        # canonical value (see input_kinds.toml [fund_sources]); "" if none
    project: str            # 项目 name or code, "" for none
    expense_kind: str       # "基本支出" / "项目支出" when the export says so, else ""
    debit: Decimal
    credit: Decimal
    source: Provenance
    project_category: str = ""      # 一体化 项目类别 (canonical when known, else as written)
    department_level: bool = False  # a department-level export (（汇总）/（合并） in its title)


@dataclass(frozen=True)
class BalanceLine:
    """One row of a trial balance with auxiliary items (kind 2)."""

    unit: str
    period: str             # the period the balance covers, "YYYY-MM" (its first month)
    account_code: str
    account_name: str
    fund_source: str
    function_code: str
    opening: Decimal        # 期初余额, signed: debit balance positive, credit balance negative
    closing: Decimal | None  # 期末余额, same sign convention; None when not exported
    source: Provenance
    department_level: bool = False


@dataclass(frozen=True)
class BudgetLine:
    """One quota row of the budget file (kind 3)."""

    unit: str
    function_code: str
    economic_code: str
    fund_source: str
    expense_kind: str       # "基本支出" / "项目支出" / ""
    project: str
    initial: Decimal        # 年初预算数
    adjusted: Decimal | None  # 调整预算数 (None when not exported)
    source: Provenance
    # as LedgerLine.project_category; when given (and no 支出类型), expense_kind is "" rather
    # than guessed from the project: every 一体化 quota has a project
    project_category: str = ""


@dataclass(frozen=True)
class PriorYearFigure:
    """One of last year's key figures (kind 4, sheet form), in 元."""

    item: str               # canonical item name, e.g. "本年收入合计" (input_kinds.toml)
    amount: Decimal
    source: Provenance


@dataclass(frozen=True)
class BudgetUnit:
    """A row of the 预算单位 sheet (kind 5)."""

    name: str
    kind: str               # 行政 / 参公 / 全额事业 / 差额事业 / 企业 ...
    included: bool          # part of the department's 决算
    source: Provenance


@dataclass(frozen=True)
class StaffingRow:
    """A row of the 人员编制 sheet (kind 5). Counts are whole numbers of people.

    ``is_typed_total`` marks the office's own total row: read, kept, never trusted.
    """

    category: str           # 行政编制 / 全额补助事业编制 / ... / 合计
    authorised: int | None  # 编制数
    serving: int | None     # 在职人数
    retired: int | None     # 退休人数
    actual: int | None      # 实有人数
    is_typed_total: bool
    source: Provenance


@dataclass(frozen=True)
class HandKeptFigure:
    """One figure of a hand-kept 项目 | 数 sheet: the 三公 budget or its counts, 国有资产占用,
    政府采购, 绩效评价基础数据 (kinds sangong_budget, sangong_counts, assets, procurement,
    performance_basis).

    An item the office did not list has no figure (never a 0). ``is_typed_total`` marks a
    total the office typed (合计, 资产总额, 车辆 …): read, kept, never trusted.
    """

    group: str              # 三公 / 资产 / 采购 / 绩效
    item: str               # canonical item as officially worded ("因公出国（境）费")
    key: str                # its name in the workbook ("因公出国境费_预算数", "公务接待_批次")
    value: Decimal | int    # money in 元 (Decimal, exact), counts as int
    measure: str            # 计量单位: 元 for money, else as the office wrote it ("辆", "批次")
    is_typed_total: bool
    source: Provenance


@dataclass(frozen=True)
class Reading:
    """A figure of the 绩效 sheet as the office typed it (指标值, 实际完成值): the text shown and,
    where it holds one, what it says — "≥90%" is comparator ≥, number 0.9, unit %."""

    text: str                       # as written or shown ("≥90%", "92.2%", "395.2亿元", "")
    comparator: str = ""            # "≥" "≤" ">" "<" "=" or ""
    number: Decimal | None = None   # a percent as a fraction (90% → 0.9); None when no number
    unit: str = ""                  # "%", "家", "亿元", "" (a bare number) …


@dataclass(frozen=True)
class PerformanceRow:
    """One row of the office's 绩效指标 sheet as read (kind performance). ``total`` marks a row
    the office typed as a total (小计 of a 二级 group, 合计 of a 一级, 总计) or its 评价等级 row:
    read, kept, never trusted."""

    level1: str                     # 一级指标 as written (a merged cell gives its range's text)
    level2: str
    level3: str
    weight: Decimal | None          # 分值
    target: Reading                 # 指标值
    actual: Reading                 # 实际完成值
    criterion: str                  # 评分标准 / 评分说明
    rule: str                       # 指标类型: "定量" | "定性" | ""
    score: Decimal | None           # 自评得分
    score_rate: Decimal | None      # 得分率, a fraction
    note: str                       # 说明
    total: str                      # "" (an indicator) | "二级" | "一级" | "总计" | "等级"
    grade: str                      # on the 等级 row: 优 / 良 / 中 / 差, else ""
    title: str                      # the sheet's title above the header
    source: Provenance
    total_column: str = ""          # a total row: the header of the level column holding its word
    title_rows: tuple[tuple[str, int | None], ...] = ()    # each title text, its 1-based row


@dataclass(frozen=True)
class CodeEntry:
    """A row of the office's own code list (exported from its software, placed in the folder)."""

    kind: str               # "功能" (支出功能分类) or "经济" (支出经济分类)
    code: str
    name: str
    source: Provenance


@dataclass(frozen=True)
class SourceFile:
    """An input file as read: for the manifest and the progress display."""

    path: str               # relative to the input folder
    sha256: str
    format: str             # xlsx / xls / html / xml / csv, or "empty" for a 0-byte file
    sheets: tuple[tuple[str, str], ...]   # (sheet name, kind) per sheet identified
    notes: tuple[str, ...] = ()           # e.g. "金额单位为万元，已换算为元"


@dataclass
class IngestResult:
    folder: str
    files: list[SourceFile] = field(default_factory=list)
    ledger: list[LedgerLine] = field(default_factory=list)
    balances: list[BalanceLine] = field(default_factory=list)
    budget: list[BudgetLine] = field(default_factory=list)
    prior_year: list[PriorYearFigure] = field(default_factory=list)
    units: list[BudgetUnit] = field(default_factory=list)
    staffing: list[StaffingRow] = field(default_factory=list)
    code_lists: list[CodeEntry] = field(default_factory=list)
    sangong: list[HandKeptFigure] = field(default_factory=list)      # 三公 budget and counts
    assets: list[HandKeptFigure] = field(default_factory=list)       # 国有资产占用
    procurement: list[HandKeptFigure] = field(default_factory=list)  # 政府采购
    performance: list[PerformanceRow] = field(default_factory=list)  # 绩效指标 rows
    performance_basis: list[HandKeptFigure] = field(default_factory=list)  # 绩效评价基础数据
    skipped: list[str] = field(default_factory=list)   # "file「sheet」: why it matched no kind"
    notes: list[str] = field(default_factory=list)     # conversions and other things reported
