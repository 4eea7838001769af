"""Normalise ingested records into the 底稿 of one department and year, placing each line by
its account (the template's accounts.toml)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from ..errors import InputError
from ..ingest.records import BudgetLine, BudgetUnit, IngestResult, LedgerLine, Provenance
from ..templates import Account, Template
from .balances import balance_lines
from .lines import (BY_EXPENSE_KIND, CENT, EXPENDITURE, INCOME, FUNDS_HELD, UNMAPPED,
                    YEAR_END_ENTRY, WorkingLine, WorkingPaper)
from .performance import performance_sheet
from .problems import CodeLists, line_findings
from .year_end import year_end_lines


def _signed(line: LedgerLine, account: Account) -> Decimal:
    if account.side == "贷":
        return line.credit - line.debit
    return line.debit - line.credit


def _flow(line: LedgerLine, account: Account) -> str | None:
    """The 收支类别 of a debit posting to an account with a debit flow (使用非财政拨款结余 …)."""
    if account.debit_flow and line.debit - line.credit > 0:
        return account.debit_flow
    return None


def _category(line: LedgerLine, account: Account, template: Template) -> str:
    """基本/项目 of an expense line: the export's 支出类型, else its 一体化 项目类别, else its
    project (none → 基本支出)."""
    if account.category != BY_EXPENSE_KIND:
        return _flow(line, account) or account.category
    if line.expense_kind:
        return line.expense_kind
    if line.project_category in template.project_categories:
        return template.project_categories[line.project_category]
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
    codes = CodeLists.of(template, ingested.code_lists)
    notes = list(ingested.notes)
    lines: list[WorkingLine] = []
    closing = year_end_lines(ingested.ledger, accounts, template.year_end)

    for index, line in enumerate(ingested.ledger):
        if not line.period.startswith(f"{year}-"):
            raise InputError(f"凭证期间 {line.period} 不属于 {year} 年度。",
                             file=line.source.file, sheet=line.source.sheet, row=line.source.row,
                             hint="删除该行，或把其他年度的账放到另一个输入目录。")
        if line.period > last_month:
            continue
        if not line.department_level \
                and not _unit_in_scope(line.unit, included, excluded_units, line.source):
            continue
        account = accounts.get(line.account_code)
        if account is None:
            lines.append(_unmapped_line(line, year))
            continue
        lines.append(_placed_line(line, account, template, codes, index in closing))

    lines.extend(balance_lines(
        ingested.balances, accounts, year, last_month,
        lambda b: b.department_level or _unit_in_scope(b.unit, included, excluded_units,
                                                       b.source),
        template.year_end.budget_prefixes, notes))
    _refuse_repeated_rows(ingested)
    _refuse_mixed_levels(ingested, department)

    months = sorted({l.period for l in lines if l.direction in (INCOME, EXPENDITURE, FUNDS_HELD)})
    unit_names = {line.unit for line in lines} | {unit.name for unit in ingested.units}
    return WorkingPaper(department=department, year=year, period_end=last_month, lines=lines,
                        units=[u for u in ingested.units],
                        budget=[_budget_kind(b, template) for b in ingested.budget],
                        prior_year=list(ingested.prior_year), staffing=list(ingested.staffing),
                        months=months, notes=notes, functions=codes.functions,
                        sangong=list(ingested.sangong), assets=list(ingested.assets),
                        procurement=list(ingested.procurement),
                        performance=performance_sheet(ingested.performance,
                                                      _performance_places(ingested),
                                                      department, unit_names),
                        performance_basis=list(ingested.performance_basis))


def _performance_places(ingested: IngestResult) -> list[tuple[str, str]]:
    """(file, sheet) of every sheet read as a 绩效指标 sheet, even one that gave no row."""
    return [(source.path, sheet) for source in ingested.files for sheet, kind in source.sheets
            if kind == "performance"]


def _budget_kind(line: BudgetLine, template: Template) -> BudgetLine:
    """A 一体化 quota row's 支出类型 from its 项目类别, as for ledger lines."""
    if line.expense_kind or line.project_category not in template.project_categories:
        return line
    return replace(line, expense_kind=template.project_categories[line.project_category])


def _refuse_mixed_levels(ingested: IngestResult, department: str) -> None:
    """A department-level export (（汇总）) is the whole department: it must name this department,
    and beside unit-level exports of the same month it would count every unit twice."""
    records = [*ingested.ledger, *ingested.balances]
    for record in records:
        if record.department_level and record.unit != department:
            raise InputError(f"汇总导出的编制单位「{record.unit}」不是本次决算的部门「{department}」。",
                             file=record.source.file, sheet=record.source.sheet,
                             row=record.source.row,
                             hint="把其他部门的文件移出输入目录；部门名称取自目录名或 jdzxlsx.toml。")
    for kind, rows in (("明细账", ingested.ledger), ("科目余额表", ingested.balances)):
        levels: dict[str, dict[bool, Provenance]] = {}
        for record in rows:
            seen = levels.setdefault(record.period, {})
            seen.setdefault(record.department_level, record.source)
            if len(seen) == 2:
                raise InputError(
                    f"{record.period[:4]}年{record.period[5:]}月既有部门汇总的{kind}（{seen[True]}），"
                    f"又有单位的{kind}（{seen[False]}）：同一笔数会计算两次。",
                    file=record.source.file, sheet=record.source.sheet, row=record.source.row,
                    hint=f"只保留部门汇总的{kind}，或只保留各单位的{kind}。")


def _refuse_repeated_rows(ingested: IngestResult) -> None:
    """A hand-kept sheet with the same row twice cannot say which one holds: stop and say where."""
    seen: dict[object, Provenance] = {}
    keyed = ([(("人员编制", s.category, s.is_typed_total), s.source) for s in ingested.staffing]
             + [(("上年数", f.item), f.source) for f in ingested.prior_year]
             + [((f.group, f.item), f.source)
                for f in (*ingested.sangong, *ingested.assets, *ingested.procurement,
                          *ingested.performance_basis)])
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


def _placed_line(line: LedgerLine, account: Account, template: Template, codes: CodeLists,
                 year_end: bool) -> WorkingLine:
    """A ledger line placed by its account: a flow of the year (收入, 支出, 资金结存, 结转结余) or,
    in a 年终结转 voucher, a closing entry that no table counts."""
    fund = account.fund_source or line.fund_source
    flow = _flow(line, account)
    if year_end:
        direction = YEAR_END_ENTRY
        category = account.direction if account.direction in (INCOME, EXPENDITURE) \
            else flow or account.category
        problems, warnings = (), ()
    else:
        direction = account.direction
        category = _category(line, account, template)
        problems, warnings = line_findings(line, account, direction, fund, template, codes)
    amount = line.debit - line.credit if flow else _signed(line, account)
    return WorkingLine(
        unit=line.unit, period=line.period, direction=direction, category=category,
        fund_source=fund, function_code=line.function_code, economic_code=line.economic_code,
        account_code=line.account_code, project=line.project, voucher=line.voucher,
        summary=line.summary, amount=amount.quantize(CENT), source=line.source,
        debit=line.debit, credit=line.credit, problems=problems, warnings=warnings,
        project_category=line.project_category)


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
