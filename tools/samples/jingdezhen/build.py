"""Sample 1: design → spread → verify → the office's files, in two vendor styles and five formats:
twelve monthly ledger exports, a January trial balance, the budget quotas, last year's key
figures, the hand-kept basic information (units, staffing, 三公, assets, procurement) and 局本级's
绩效自评 (its indicator sheet and the 绩效评价基础数据 beside it)."""

from __future__ import annotations

import random
from pathlib import Path

from ..closing import verify_closing
from ..ledger import MONTHS_ALL, running_totals
from ..money import check
from ..writers import Office
from ..writers import ledger_b
from ..writers.balance import write_trial_balance
from ..hand_kept import check_hand_kept, wan_exact
from ..writers.hand_kept import (item_sheet, staffing_sheet, units_sheet, write_budget,
                                 write_prior_year_wan)
from ..writers.ledger_a import write_ledger_style_a
from ..writers.performance import indicator_sheet
from ..xlsx import basic_formats, new_workbook
from .balance import trial_balance_rows
from .design import design_basic, design_budget, design_projects
from . import performance
from .facts import (ACCOUNT_NAMES, ALL_UNITS_FOR_SHEET, DEPARTMENT, ECON_NAMES, FISCAL, NONFISCAL,
                    FUNC_NAMES, FUND_STYLE_B, HAND_KEPT, PRIOR_YEAR, SEED, STAFFING,
                    STAFFING_TYPED_TOTAL, YEAR)
from .spread import add_red_reversals, finish_vouchers, spread_expenditure, spread_income
from .verify import verify
from .yearend import closing_lines

OFFICE = Office(DEPARTMENT, YEAR, FUNC_NAMES, ECON_NAMES, ACCOUNT_NAMES, FUND_STYLE_B)
STYLE_A_MONTHS = (1, 2, 3, 4, 5, 6, 8)


def file_names() -> dict:
    names = {m: f"明细账_{YEAR}年{m:02d}月.xlsx" for m in STYLE_A_MONTHS}
    names.update({7: f"凭证明细_{YEAR}-07.xlsx", 9: f"凭证明细_{YEAR}-09.xls",
                  10: f"凭证明细_{YEAR}-10.xls", 11: f"凭证明细_{YEAR}-11.xlsx",
                  12: f"凭证明细_{YEAR}-12.csv"})
    return names


GENERATED = set(file_names().values()) | {
    f"科目余额表_{YEAR}年01月.xlsx", f"{YEAR}年部门预算指标.xlsx", "2019年决算主要数据.xlsx",
    "基础信息.xlsx", performance.FILE}


def design():
    """Everything the files print, verified; no file touched yet."""
    check_hand_kept(HAND_KEPT, check)
    rng = random.Random(SEED)
    basic = design_basic(rng)
    projects = design_projects(rng, basic)
    items = basic + projects
    expenditure = spread_expenditure(items, rng)
    pairs = add_red_reversals(expenditure, rng)
    income, _ = spread_income(expenditure, rng)
    by_month = finish_vouchers(expenditure + income, pairs)
    budget = design_budget(items, rng)
    tb_rows = trial_balance_rows(by_month[1])
    ytd_rows = running_totals(by_month)
    exports = {
        7: ledger_b.style_b_rows(OFFICE, 7, by_month[7], ytd_rows[7], False),
        9: ledger_b.style_b_rows(OFFICE, 9, by_month[9], ytd_rows[9], False),
        10: ledger_b.style_b_rows(OFFICE, 10, by_month[10], ytd_rows[10], False),
        11: ledger_b.style_b_rows(OFFICE, 11, by_month[11], ytd_rows[11], False,
                                  fullwidth_every=9),
        12: ledger_b.style_b_rows(OFFICE, 12, by_month[12], ytd_rows[12], True),
    }
    fig = verify(by_month, tb_rows, budget, exports, ytd_rows)
    year_lines = [ln for m in MONTHS_ALL for ln in by_month[m]]
    closing = closing_lines(year_lines, by_month[12])
    closed = verify_closing(year_lines, closing, check)
    exports[12] += ledger_b.data_rows(OFFICE, 12, closing)     # appended: no line moves
    for label, amount in closed.items():
        fig[f"年终结转 {label}"] = amount
    check(closed[f"{FISCAL} 收入"] == fig["一般公共预算财政拨款收入"]
          and closed[f"{NONFISCAL} 收入"] == fig["其他收入"]
          and closed[f"{FISCAL} 支出"] == fig["一般公共预算财政拨款支出"]
          and closed[f"{NONFISCAL} 支出"] == fig["非财政拨款支出"], "年终结转 ≠ the year's totals")
    rates = performance.check_performance(fig)
    return dict(by_month=by_month, budget=budget, tb_rows=tb_rows, ytd=ytd_rows,
                exports=exports, figures=fig, closing=closing, performance=rates)


def write_files(out: Path, d: dict) -> None:
    names = file_names()
    by_month, exports = d["by_month"], d["exports"]
    for m in STYLE_A_MONTHS:
        write_ledger_style_a(OFFICE, out / names[m], m, by_month[m], d["ytd"][m])
    ledger_b.write_xlsx(OFFICE, out / names[7], exports[7], "凭证明细")
    ledger_b.write_xls(out / names[9], exports[9], "凭证明细")
    ledger_b.write_html(out / names[10], exports[10])
    ledger_b.write_xlsx(OFFICE, out / names[11], exports[11], "凭证明细")
    ledger_b.write_csv(out / names[12], exports[12])
    write_trial_balance(OFFICE, out / f"科目余额表_{YEAR}年01月.xlsx", d["tb_rows"], 1,
                        f"单位：{DEPARTMENT}")
    write_budget(OFFICE, out / f"{YEAR}年部门预算指标.xlsx", d["budget"], FISCAL)
    write_prior_year_wan(OFFICE, out / "2019年决算主要数据.xlsx", PRIOR_YEAR)
    wb = new_workbook(out / "基础信息.xlsx", "基础信息", DEPARTMENT)
    f = basic_formats(wb)
    units_sheet(wb, f, ALL_UNITS_FOR_SHEET, ["序号", "单位名称", "单位性质", "是否纳入部门决算"])
    staffing_sheet(wb, f, f"{DEPARTMENT}人员编制情况（{YEAR}年12月31日）", STAFFING,
                   STAFFING_TYPED_TOTAL)
    hand_kept_sheets(wb, f)
    wb.close()
    write_performance(out / performance.FILE)


def write_performance(path: Path) -> None:
    """局本级's 绩效指标 sheet as the office typed it, and its 绩效评价基础数据."""
    wb = new_workbook(path, performance.TITLE, DEPARTMENT)
    f = basic_formats(wb)
    indicator_sheet(wb, f, performance.SHEET, performance.TITLE, performance.TREE,
                    performance.TOTAL, performance.GRADE)
    item_sheet(wb, f, performance.BASIS_SHEET, f"{performance.BUREAU}绩效评价基础数据（{YEAR}年）",
               "", ["项目", "计量单位", "数"], performance.BASIS_ROWS)
    wb.close()


def hand_kept_sheets(wb, f) -> None:
    """三公 budget (万元, as approved) and counts, 国有资产占用 (元, with 计量单位), 政府采购 (元)."""
    h = HAND_KEPT
    budget, a, p = h.sangong_budget, h.assets, h.procurement
    car = budget["公务用车购置费"] + budget["公务用车运行费"]
    item_sheet(wb, f, "三公经费预算", f"{DEPARTMENT}{YEAR}年“三公”经费预算", "金额单位：万元",
               ["项目", "预算数"],
               [("一、因公出国（境）费", wan_exact(budget["因公出国（境）费"])),
                ("二、公务用车购置及运行维护费", wan_exact(car)),
                ("    其中：公务用车购置费", wan_exact(budget["公务用车购置费"])),
                ("          公务用车运行维护费", wan_exact(budget["公务用车运行费"])),
                ("三、公务接待费", wan_exact(budget["公务接待费"])),
                ("合计", wan_exact(h.sangong_budget_total))], typed=("合计",))
    c = h.sangong_counts
    item_sheet(wb, f, "三公经费统计", f"{YEAR}年“三公”经费相关统计数", "",
               ["项目", "计量单位", "数量"],
               [("国内公务接待批次", "批次", c["公务接待批次"]),
                ("国内公务接待人次", "人次", c["公务接待人次"]),
                ("其中：外事接待批次", "批次", c["外事接待批次"]),
                ("      外事接待人次", "人次", c["外事接待人次"]),
                ("因公出国（境）团组数", "个", c["因公出国（境）团组数"]),
                ("因公出国（境）人次", "人次", c["因公出国（境）人次"]),
                ("公务用车购置数", "辆", c["公务用车购置数"]),
                ("年末公务用车保有量", "辆", c["公务用车保有量"])])
    item_sheet(wb, f, "国有资产", f"{DEPARTMENT}国有资产占用情况（{YEAR}年12月31日）", "",
               ["项目", "计量单位", "年末数"],
               [("资产总额", "元", a["资产总额"]),
                ("一、流动资产", "元", a["流动资产"]),
                ("二、固定资产", "元", a["固定资产"]),
                ("  1.土地、房屋及构筑物", "元", a["土地、房屋及构筑物"]),
                ("  2.通用设备", "元", a["通用设备"]),
                ("  3.专用设备", "元", a["专用设备"]),
                ("  4.文物和陈列品", "元", a["文物和陈列品"]),
                ("  5.图书、档案", "元", a["图书、档案"]),
                ("  6.家具、用具、装具及动植物", "元", a["家具、用具、装具及动植物"]),
                ("三、对外投资", "元", a["长期投资"]),
                ("四、在建工程", "元", a["在建工程"]),
                ("五、无形资产", "元", a["无形资产"]),
                ("六、其他资产", "元", a["其他资产"]),
                ("车辆合计", "辆", a["车辆"]),
                ("  其中：领导干部用车", "辆", a["领导干部用车"]),
                ("        一般公务用车", "辆", a["一般公务用车"]),
                ("        执法执勤用车", "辆", a["执法执勤用车"]),
                ("        特种专业技术用车", "辆", a["特种专业技术用车"]),
                ("        其他用车", "辆", a["其他用车"]),
                ("单价50万元以上通用设备", "台（套）", a["单价50万元以上通用设备"]),
                ("单价100万元以上专用设备", "台（套）", a["单价100万元以上专用设备"])],
               typed=("资产总额", "二、固定资产", "车辆合计"))
    item_sheet(wb, f, "政府采购", f"{DEPARTMENT}{YEAR}年政府采购情况", "金额单位：元",
               ["项目", "采购金额"],
               [("政府采购支出总额", p["政府采购支出总额"]), ("  货物", p["货物"]),
                ("  工程", p["工程"]), ("  服务", p["服务"]),
                ("授予中小企业合同金额", p["授予中小企业合同金额"]),
                ("  其中：授予小微企业合同金额", p["授予小微企业合同金额"])],
               typed=("政府采购支出总额",))


def line_counts(d: dict) -> str:
    return " ".join(f"{m:02d}:{len(d['by_month'][m])}" for m in MONTHS_ALL)
