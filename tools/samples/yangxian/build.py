"""Sample 2: design → spread → 年终结转 → balances → verify → the office's files (预算管理一体化
style): twelve monthly 凭证明细 exports, department-level 科目余额表 for January and December,
the 指标 export, last year's key figures, the 预算单位 sheet."""

from __future__ import annotations

import random
from pathlib import Path

from ..closing import verify_closing
from ..ledger import MONTHS_ALL
from ..money import ZERO, check
from ..writers import Office
from ..writers.balance import write_trial_balance
from ..writers.hand_kept import units_sheet, write_prior_year_simple
from ..writers.yitihua import write_budget, write_ledger
from ..xlsx import basic_formats, new_workbook
from .budget import design_budget, prior_year
from .codes import ACCOUNT_NAMES, ECON_NAMES, FUNC_NAMES
from .design import check_design, design_items
from .facts import DEPARTMENT, FICTION_NOTE, FUND_LABEL, SEED, UNITS, YEAR
from .spread import finish_vouchers, spread_expenditure, spread_income
from .verify import CARRIED, verify_balances, verify_budget, verify_lines
from .yearend import balance_rows, closing_lines, opening_balances

OFFICE = Office(DEPARTMENT, YEAR, FUNC_NAMES, ECON_NAMES, ACCOUNT_NAMES, FUND_LABEL)
DEPT_TITLE = f"编制单位：{DEPARTMENT}（汇总）"


def file_names() -> dict:
    names = {m: f"凭证明细_{YEAR}年{m:02d}月.xlsx" for m in MONTHS_ALL}
    names.update({"jan": f"科目余额表（汇总）_{YEAR}年01月.xlsx",
                  "dec": f"科目余额表（汇总）_{YEAR}年12月.xlsx",
                  "budget": f"{YEAR}年预算指标.xlsx", "prior": f"{YEAR - 1}年决算数.xlsx",
                  "info": "基础信息.xlsx"})
    return names


GENERATED = set(file_names().values())


def design() -> dict:
    rng = random.Random(SEED)
    items = design_items(rng)
    check_design(items, check)
    expenditure = spread_expenditure(items, rng)
    income, _ = spread_income(expenditure, rng)
    by_month = finish_vouchers(expenditure + income)
    budget = design_budget(items, rng)
    year_lines = [ln for m in MONTHS_ALL for ln in by_month[m]]
    found = verify_lines(by_month)
    closing, distribution = closing_lines(year_lines, by_month[12])
    closed = verify_closing(year_lines, closing, check)
    opening = opening_balances()
    jan_rows, after_jan = balance_rows(opening, by_month[1])
    start_dec = dict(opening)
    for m in range(1, 12):
        _, start_dec = balance_rows(start_dec, by_month[m])
    dec_rows, year_end = balance_rows(start_dec, by_month[12] + closing)
    verify_balances(jan_rows, dec_rows, closing)
    budget_check = verify_budget(items, budget)
    return dict(items=items, by_month=by_month, closing=closing, distribution=distribution,
                closed=closed, opening=opening, year_end=year_end, jan_rows=jan_rows,
                dec_rows=dec_rows, budget=budget, budget_check=budget_check,
                prior=prior_year(carried(opening)), found=found,
                figures=figures(year_lines, opening, year_end, distribution))


def carried(balances: dict, fund: str | None = None):
    return -sum((v for (acc, f), v in balances.items() if acc in CARRIED
                 and (fund is None or f == fund)), ZERO)


def figures(lines, opening, year_end, distribution) -> dict:
    inc = sum((ln.credit - ln.debit for ln in lines if ln.account[0] == "6"), ZERO)
    exp = sum((ln.debit - ln.credit for ln in lines if ln.account[0] == "7"), ZERO)
    return {"本年收入合计": inc, "年初结转和结余": carried(opening), "本年支出合计": exp,
            "结余分配": distribution, "年末结转和结余": carried(year_end)}


def write_files(out: Path, d: dict) -> None:
    names = file_names()
    ledger_by_month = dict(d["by_month"])
    ledger_by_month[12] = d["by_month"][12] + d["closing"]
    for m in MONTHS_ALL:
        write_ledger(OFFICE, out / names[m], m, ledger_by_month[m], FICTION_NOTE)
    write_trial_balance(OFFICE, out / names["jan"], d["jan_rows"], 1, DEPT_TITLE,
                        with_unit=False, note=FICTION_NOTE)
    write_trial_balance(OFFICE, out / names["dec"], d["dec_rows"], 12, DEPT_TITLE,
                        with_unit=False, note=FICTION_NOTE)
    write_budget(OFFICE, out / names["budget"], d["budget"], FICTION_NOTE)
    write_prior_year_simple(OFFICE, out / names["prior"], d["prior"], "上年决算数",
                            FICTION_NOTE)
    wb = new_workbook(out / names["info"], "基础信息", DEPARTMENT, FICTION_NOTE)
    units_sheet(wb, basic_formats(wb), [(u.name, u.kind, "是") for u in UNITS],
                ["单位名称", "单位性质", "纳入部门决算"], numbered=False)
    wb.close()


def line_counts(d: dict) -> str:
    return " ".join(f"{m:02d}:{len(d['by_month'][m])}" for m in MONTHS_ALL) + \
        f" + 年终结转 {len(d['closing'])}"
