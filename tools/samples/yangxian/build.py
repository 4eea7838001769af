"""Sample 2: design → spread → 年终结转 → balances → verify → the office's files (预算管理一体化
style): twelve monthly 凭证明细 exports, department-level 科目余额表 for January and December,
the 指标 export, last year's key figures, 基础信息 (预算单位, 三公, 政府采购) and the
国有资产占用情况表."""

from __future__ import annotations

import random
from pathlib import Path

from ..closing import verify_closing
from ..ledger import MONTHS_ALL
from ..money import ZERO, check
from ..writers import Office
from ..writers.balance import write_trial_balance
from ..hand_kept import check_hand_kept
from ..writers.hand_kept import item_sheet, units_sheet, write_prior_year_simple
from ..writers.yitihua import write_budget, write_ledger
from ..xlsx import basic_formats, new_workbook
from .budget import design_budget, prior_year
from .codes import ACCOUNT_NAMES, ECON_NAMES, FUNC_NAMES
from .design import check_design, design_items
from .facts import DEPARTMENT, FICTION_NOTE, FUND_LABEL, HAND_KEPT, SEED, UNITS, YEAR
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
                  "info": "基础信息.xlsx", "assets": "国有资产占用情况表.xlsx"})
    return names


GENERATED = set(file_names().values())


def design() -> dict:
    check_hand_kept(HAND_KEPT, check)
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
    f = basic_formats(wb)
    units_sheet(wb, f, [(u.name, u.kind, "是") for u in UNITS],
                ["单位名称", "单位性质", "纳入部门决算"], numbered=False)
    sangong_and_procurement_sheets(wb, f)
    wb.close()
    wb = new_workbook(out / names["assets"], "国有资产占用情况表", DEPARTMENT, FICTION_NOTE)
    assets_sheet(wb, basic_formats(wb))
    wb.close()


def sangong_and_procurement_sheets(wb, f) -> None:
    """三公 budget in 元 (no 合计 typed), its counts, 政府采购 without a typed total: other
    spellings than sample 1's (经费项目 | 年初预算数（元）, 统计项目 | 本年数, 采购类别)."""
    h = HAND_KEPT
    b, c, p = h.sangong_budget, h.sangong_counts, h.procurement
    item_sheet(wb, f, "三公经费", f"{YEAR}年“三公”经费预算", "", ["经费项目", "年初预算数（元）"],
               [("因公出国(境)费用", b["因公出国（境）费"]), ("公务用车购置", b["公务用车购置费"]),
                ("公务用车运行维护费", b["公务用车运行费"]), ("公务接待费", b["公务接待费"])])
    item_sheet(wb, f, "三公统计", f"{YEAR}年“三公”经费统计", "", ["统计项目", "计量单位", "本年数"],
               [("公务接待批次", "批次", c["公务接待批次"]),
                ("公务接待人次", "人次", c["公务接待人次"]),
                ("外事接待批次", "批次", c["外事接待批次"]),
                ("外事接待人次", "人次", c["外事接待人次"]),
                ("因公出国团组数", "个", c["因公出国（境）团组数"]),
                ("因公出国人次", "人次", c["因公出国（境）人次"]),
                ("公务用车购置数", "辆", c["公务用车购置数"]),
                ("公务用车保有量", "辆", c["公务用车保有量"])])
    item_sheet(wb, f, "政府采购", f"{YEAR}年政府采购执行情况", "单位：元",
               ["采购类别", "采购金额"],
               [("货物类", p["货物"]), ("工程类", p["工程"]), ("服务类", p["服务"]),
                ("授予中小企业合同金额", p["授予中小企业合同金额"]),
                ("其中：授予小微企业合同金额", p["授予小微企业合同金额"])])


def assets_sheet(wb, f) -> None:
    """国有资产占用情况表 as the asset system's summary is copied: 资产项目 | 计量单位 | 期末数."""
    a = HAND_KEPT.assets
    rows = [("资产总计", "元", a["资产总额"]), ("流动资产", "元", a["流动资产"]),
            ("固定资产", "元", a["固定资产"])]
    rows += [(f"  {k}", "元", a[k]) for k in ("土地、房屋及构筑物", "通用设备", "专用设备",
                                             "文物和陈列品", "图书、档案")]
    rows += [("  家具、用具、装具及动植物", "元", a["家具、用具、装具及动植物"]),
             ("对外投资", "元", a["长期投资"]), ("在建工程", "元", a["在建工程"]),
             ("无形资产", "元", a["无形资产"]), ("其他资产", "元", a["其他资产"]),
             ("车辆数", "辆", a["车辆"])]
    rows += [(f"  {k}", "辆", a[k]) for k in ("领导干部用车", "一般公务用车", "执法执勤用车",
                                             "特种专业技术用车", "其他用车")]
    rows += [("单价50万元以上通用设备", "台", a["单价50万元以上通用设备"]),
             ("单价100万元以上专用设备", "台", a["单价100万元以上专用设备"])]
    item_sheet(wb, f, "国有资产占用", f"{DEPARTMENT}国有资产占用情况表", "",
               ["资产项目", "计量单位", "期末数"], rows, typed=("资产总计", "固定资产", "车辆数"))


def line_counts(d: dict) -> str:
    return " ".join(f"{m:02d}:{len(d['by_month'][m])}" for m in MONTHS_ALL) + \
        f" + 年终结转 {len(d['closing'])}"
