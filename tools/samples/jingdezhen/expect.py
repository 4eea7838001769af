"""Sample 1's expected figures (tests/expected/景德镇市陶瓷产业发展局-2020.toml), from its
design; they must equal the published goldens of sample-facts.md."""

from __future__ import annotations

from ..expected import tables_01_03
from ..hand_kept import expected_names
from ..ledger import MONTHS_ALL
from ..money import D, ZERO, check, wan
from .facts import DEPARTMENT, FISCAL, FOLDER, HAND_KEPT, NONFISCAL, RESERVES, YEAR

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
        },
    }
