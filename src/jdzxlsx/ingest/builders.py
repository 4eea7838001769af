"""Builders: a row's field values → one record of records.py. One small function per record
type; they know the records, never a vendor (vendors differ only in input_kinds.toml)."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from . import cells
from .cells import ZERO, CellError
from .codelist import code_entries
from .hand_kept import hand_kept_figure
from .performance import performance_row
from .published import published_01_figures, published_03_figures
from .records import (BalanceLine, BudgetLine, BudgetUnit, LedgerLine, PriorYearFigure,
                      StaffingRow)
from .headers import department_unit
from .rows import Row


def _ledger_line(row: Row) -> LedgerLine | None:
    account_code, account_name = row.code_and_name("account")
    debit, credit = _ledger_amounts(row)
    if not (account_code or account_name) and debit == credit == ZERO:
        return None     # a note or a continuation line, not a posting
    date = _ledger_date(row)
    project = row.text("project") or row.text("project_code")
    unit, department_level = _unit(row)
    return LedgerLine(
        unit=unit,
        period=_ledger_period(row, date),
        date=date,
        voucher=row.text("voucher"),
        summary=row.text("summary"),
        account_code=account_code,
        account_name=account_name,
        function_code=row.code_and_name("function")[0],
        economic_code=row.code_and_name("economic")[0],
        fund_source=row.text("fund_source"),
        project=project,
        # only as the export states it (a 支出类型 column or auxiliary item); when "" the
        # working paper tells 基本 from 项目 by the project
        expense_kind=row.text("expense_kind"),
        debit=debit,
        credit=credit,
        source=row.source,
        project_category=row.text("project_category"),
        department_level=department_level,
    )


def _unit(row: Row) -> tuple[str, bool]:
    """The line's unit and whether it is the department as a whole: from the unit column when
    the row has one ("某局（汇总）"), else from the title ("编制单位：某局（合并）")."""
    title = row.sheet.title
    if written := row.text("unit"):
        unit, marked = department_unit(written, row.sheet.catalogue.words)
        # a （汇总） title over a unit column holding the department's plain name
        return unit, marked or (title.department_level and unit == title.unit)
    return title.unit, title.department_level


def _ledger_amounts(row: Row) -> tuple[Decimal, Decimal]:
    """借方 | 贷方 columns, or 金额 with 方向. A 方向 beside 借方/贷方 is the balance's, unused."""
    if row.has("debit") or row.has("credit"):
        return row.amount("debit"), row.amount("credit")
    amount = row.amount("amount")
    direction = row.text("direction")
    if direction == "借":
        return amount, ZERO
    if direction == "贷":
        return ZERO, amount
    if amount == ZERO:
        return ZERO, ZERO
    raise row.fail("direction", "借或贷", direction,
                   hint="金额不为零的行必须写明方向（借 / 贷）。")


def _ledger_date(row: Row) -> str:
    date = row.values.get("date")
    if date is not None:
        return date.isoformat()
    month, day, year = row.values.get("month"), row.values.get("day"), row.sheet.title.year
    if month and day and year:
        try:
            return cells.parse_date(f"{year}-{month}-{day}").isoformat()
        except CellError as error:
            raise row.fail("day", error.expected, f"{year}年{month}月{day}日") from None
    return ""


def _ledger_period(row: Row, date: str) -> str:
    """An explicit 会计期间 column wins over the date (a December adjustment may be dated in
    January); then the date, the 月 column with the title's year, the title's period."""
    if period := row.values.get("period"):
        return period
    if date:
        return date[:7]
    if (month := row.values.get("month")) and row.sheet.title.year:
        return f"{row.sheet.title.year:04d}-{month:02d}"
    if row.sheet.title.period:
        return row.sheet.title.period
    raise row.sheet.error("这一行没有日期或期间，表头上方的标题中也找不到会计期间",
                          row=row.index,
                          hint="请在表头上方加一行「期间：2020年01月」，或在表中加上日期列。")


def _balance_line(row: Row) -> BalanceLine | None:
    account_code, account_name = row.code_and_name("account")
    opening = _signed_balance(row, "opening")
    has_closing = any(row.has(f"closing_{part}") for part in ("amount", "debit", "credit"))
    closing = _signed_balance(row, "closing") if has_closing else None
    if not (account_code or account_name) and opening == ZERO and not closing:
        return None
    if not row.sheet.title.period:
        raise row.sheet.error("科目余额表的标题中找不到会计期间（如「期间：2020年01月」）",
                              hint="余额只对所属期间有意义：请在表头上方加一行「期间：2020年01月」。")
    unit, department_level = _unit(row)
    return BalanceLine(
        unit=unit,
        period=row.sheet.title.period,
        account_code=account_code,
        account_name=account_name,
        fund_source=row.text("fund_source"),
        function_code=row.code_and_name("function")[0],
        opening=opening,
        closing=closing,
        source=row.source,
        department_level=department_level,
    )


def _signed_balance(row: Row, prefix: str) -> Decimal:
    """A balance as a signed number: debit positive, credit negative."""
    if row.has(f"{prefix}_debit") or row.has(f"{prefix}_credit"):
        return row.amount(f"{prefix}_debit") - row.amount(f"{prefix}_credit")
    amount = row.amount(f"{prefix}_amount")
    direction = row.text(f"{prefix}_direction")
    if direction == "借":
        return amount
    if direction == "贷":
        return -amount
    if amount == ZERO:
        return ZERO     # 平, or left blank on a zero balance
    raise row.fail(f"{prefix}_direction", "借或贷", direction,
                   hint="余额不为零时方向必须是「借」或「贷」。")


def _budget_line(row: Row) -> BudgetLine | None:
    function_code, _ = row.code_and_name("function")
    initial = row.amount("initial")
    if not function_code and initial == ZERO and row.amount("adjusted") == ZERO:
        return None
    project = row.text("project")
    return BudgetLine(
        unit=_unit(row)[0],     # a department-level quota file names the department
        function_code=function_code,
        economic_code=row.code_and_name("economic")[0],
        fund_source=row.text("fund_source"),
        expense_kind=_budget_expense_kind(row, project),
        project=project,
        initial=initial,
        adjusted=_adjusted_budget(row, initial),
        source=row.source,
        project_category=row.text("project_category"),
    )


def _budget_expense_kind(row: Row, project: str) -> str:
    if stated := row.text("expense_kind"):
        return stated
    if row.text("project_category"):
        return ""       # 一体化: the category decides downstream, not the project
    if row.has("project"):
        return "项目支出" if project else "基本支出"
    return ""


def _adjusted_budget(row: Row, initial: Decimal) -> Decimal | None:
    """调整预算数 as exported; else 年初 + 追加 − 追减 when those are exported; else unknown."""
    if row.has("adjusted"):
        return row.amount("adjusted")
    if row.has("added") or row.has("reduced"):
        return initial + row.amount("added") - row.amount("reduced")
    return None


def _prior_year_figure(row: Row) -> PriorYearFigure | None:
    item = row.text("item")
    if not item:
        return None
    return PriorYearFigure(item=item, amount=row.amount("amount"), source=row.source)


def _budget_unit(row: Row) -> BudgetUnit | None:
    name = row.text("name")
    if not name:
        return None
    if not row.text("kind"):
        raise row.fail("kind", "单位性质（" + "、".join(
            row.sheet.catalogue.vocabularies["unit_kind"].canonical) + "）", "")
    included = row.text("included")
    if row.has("included") and not included:
        raise row.fail("included", "是或否", "")
    return BudgetUnit(name=name, kind=row.text("kind"), included=included != "否",
                      source=row.source)


def _staffing_row(row: Row) -> StaffingRow | None:
    category = row.text("category")
    counts = [row.values.get(name) for name in ("authorised", "serving", "retired", "actual")]
    if not category:
        if all(count is None for count in counts):
            return None
        raise row.fail("category", "人员类别（如 行政编制）", "")
    return StaffingRow(category, *counts, is_typed_total=row.is_subtotal, source=row.source)


BUILDERS: dict[str, Callable[[Row], object | None]] = {
    "ledger": _ledger_line,
    "balance": _balance_line,
    "budget": _budget_line,
    "prior_year": _prior_year_figure,
    "units": _budget_unit,
    "staffing": _staffing_row,
    "code_list": code_entries,
    "published_01": published_01_figures,
    "published_03": published_03_figures,
    "published_02": lambda row: None,   # recognised, then skipped whole (published.skip_02)
    "sangong_budget": hand_kept_figure,
    "sangong_counts": hand_kept_figure,
    "assets": hand_kept_figure,
    "procurement": hand_kept_figure,
    "performance_basis": hand_kept_figure,
    "performance": performance_row,
}
