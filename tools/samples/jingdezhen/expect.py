"""Sample 1's expected figures (tests/expected/景德镇市陶瓷产业发展局-2020.toml), from its
design; they must equal the published goldens of sample-facts.md."""

from __future__ import annotations

from ..expected import tables_01_03
from ..hand_kept import expected_names
from ..ledger import MONTHS_ALL
from ..money import D, ZERO, check, wan
from . import performance
from .facts import BUREAU, DEPARTMENT, FISCAL, FOLDER, HAND_KEPT, NONFISCAL, RESERVES, YEAR

GOLDENS = {  # sample-facts.md, 万元
    ("公开01", "一般公共预算财政拨款收入"): "3101.02", ("公开01", "其他收入"): "259.81",
    ("公开01", "本年收入合计"): "3360.83", ("公开01", "年初结转和结余"): "693.55",
    ("公开01", "收入总计"): "4054.37", ("公开01", "本年支出合计"): "3502.66",
    ("公开01", "年末结转和结余"): "551.71", ("公开01", "支出总计"): "4054.37",
}
GOLDENS_03 = {"本年支出合计": "3502.66", "基本支出": "1333.67", "项目支出": "2169.00"}


def expected(d: dict) -> dict:
    fig = d["figures"]
    lines = [ln for m in MONTHS_ALL for ln in d["by_month"][m]]
    opening = {FISCAL: fig["年初_财政拨款"], NONFISCAL: fig["年初_非财政拨款"]}
    closing = {FISCAL: fig["年末_财政拨款"], NONFISCAL: fig["年末_非财政拨款"]}
    tables = tables_01_03(lines, opening, closing, ZERO, ZERO)
    for (table, row), value in GOLDENS.items():
        check(tables[table][row] == D(value), f"{table} {row}: {tables[table][row]} ≠ {value}")
    for col, value in GOLDENS_03.items():
        check(tables["公开03"]["合计"][col] == D(value), f"公开03 合计 {col}")
    closing_lines = d["closing"]
    reserves = {acc: sum((r.get(acc, ZERO) for r in RESERVES.values()), ZERO)
                for acc in ("8202", "8301")}
    return {
        "__comment__": [
            f"Expected figures of inputs/{FOLDER}/, written by tools/make_sample.py from the",
            "sample's design (never from jdzxlsx).  Amounts are strings: read them with Decimal.",
            "公开01/公开03 are 万元 as printed; *_元 the same cells in 元.",
        ],
        "folder": FOLDER, "department": DEPARTMENT, "year": YEAR,
        **tables,
        "流量": {"结余分配": ZERO, "使用非财政拨款结余": ZERO},
        "年初余额_不计入结转和结余": {
            "__comment__": ["January opening credit balances of the accumulated reserves (元):",
                            "not in 年初结转和结余; 8001 opening = Σ 81xx–84xx per unit and fund"],
            **reserves},
        "年终结转": {
            "__comment__": ["closing vouchers appended to 凭证明细_2020-12.csv (元, per fund)"],
            "文件": "凭证明细_2020-12.csv", "凭证数": len({(ln.unit, ln.voucher)
                                                     for ln in closing_lines}),
            "行数": len(closing_lines),
            **{label: fig[f"年终结转 {label}"] for label in (
                f"{FISCAL} 收入", f"{FISCAL} 支出", f"{NONFISCAL} 收入", f"{NONFISCAL} 支出")}},
        "基础信息": {
            "__comment__": ["基础信息.xlsx 三公经费预算 (typed in 万元), 三公经费统计, 国有资产, 政府采购:",
                            "the defined names of the 基础信息 sheet (元; counts are integers)"],
            **expected_names(HAND_KEPT)},
        "绩效": performance_expected(d["performance"]),
        "intended": {
            "__comment__": ["Irregularities the sample carries on purpose (sample-facts.md)."],
            "人员编制合计": "基础信息.xlsx「人员编制」合计 编制数 typed 126, parts sum to 132",
            "上年年末": "2019年决算主要数据.xlsx 年末结转和结余 693.54 万元; 2020 年初 693.55",
            "预算偏离": (f"一般公共预算财政拨款 决算 vs 年初预算 by 类: 201 "
                     f"{wan(fig['财政拨款支出201'])} vs {wan(fig['预算201'])}, 206 "
                     f"{wan(fig['财政拨款支出206'])} vs {wan(fig['预算206'])}, 229 "
                     f"{wan(fig['财政拨款支出229'])} vs 0.00 (no quota rows)"),
            "红字冲销": "two red reversals (2020-03 局本级 30211→30201, 2020-11 瓷博会 30299→30227)",
            "基本支出尾差": "基本支出 1333.67 万元 while its economic 类 print 1120.79+41.22+171.65+0.00",
            "绩效结转结余率": ("绩效自评.xlsx 结转结余率 stated 5.47% and scored 1.9 of 2; "
                        "4.42 ÷ 808.18 is 0.55%, the full 2"),
            "绩效投入得分率": "绩效自评.xlsx 投入 得分率 typed 93.7% under its typed 32.7 of 35 (93.43%)",
            "绩效平台搭建": "绩效自评.xlsx 服务陶瓷平台搭建 评分标准 完全达成, scored 2.1 of 3 (70%)",
        },
    }


def performance_expected(rates: dict) -> dict:
    """绩效自评.xlsx as the working paper must read it, the 基础信息_绩效_ names, and the rates
    contract10.md fixes (fractions, 4 places, from the design's 万元 figures)."""
    return {
        "__comment__": ["绩效自评.xlsx: 局本级's 绩效指标 sheet (typed scores and totals) and its",
                        "绩效评价基础数据 (元; people); 比率 are fractions as text, 4 places"],
        "文件": performance.FILE, "工作表": performance.SHEET, "评价单位": BUREAU,
        "标题": performance.TITLE, "手填等级": performance.GRADE,
        "总计": {"分值": performance.TOTAL.weight, "手填得分": performance.TOTAL.score,
               "手填得分率": performance.TOTAL.rate},
        "基础数据": dict(performance.BASIS_NAMES),
        "比率": {"预算数_万元": f"{rates['预算数']:.2f}",
               **{k: str(v) for k, v in rates.items() if k != "预算数"}},
        "一级": [{"名称": block.name,
                "指标数": sum(len(g.indicators) for g in block.groups),
                "二级": [g.name for g in block.groups],
                "分值": block.total.weight, "手填得分": block.total.score,
                "手填得分率": block.total.rate,
                "手填小计": [g.name for g in block.groups if g.subtotal is not None]}
               for block in performance.TREE],
    }
