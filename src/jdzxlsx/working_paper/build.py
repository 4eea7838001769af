"""Normalise ingested records into the 底稿 of one department and year, placing each line by
its account (the template's accounts.toml)."""

from __future__ import annotations

from decimal import Decimal

from ..classification import Codebook
from ..errors import InputError
from ..ingest.records import BudgetUnit, IngestResult, LedgerLine, Provenance
from ..templates import Account, Template
from .lines import (BY_EXPENSE_KIND, CENT, EXPENDITURE, INCOME, FUNDS_HELD, OPENING, UNMAPPED,
                    WorkingLine, WorkingPaper)


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


def build_working_paper(ingested: IngestResult, template: Template, *, department: str,
                        period_end: str | None = None) -> WorkingPaper:
    """Normalise ingested records into the 底稿 of one department and year.

    ``period_end`` ("YYYY-MM") keeps the ledger lines up to that month: a year-to-date build.
    """
    year = template.year
    accounts = template.accounts
    first_month = f"{year}-01"
    last_month = period_end or f"{year}-12"
    if not (first_month <= last_month <= f"{year}-12"):
        raise InputError(f"期间 {last_month} 不在 {year} 年度内。",
                         hint=f"--period 请写 {year}-01 至 {year}-12 之间的月份，如 {year}-06。")

    included, excluded_units = _units_in_scope(ingested.units)
    known_funds = template.funds
    functions, economics = template.functions, template.economics
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
