"""Sample 2's expected figures (tests/expected/样例县农业农村局-2020.toml), from its design."""

from __future__ import annotations

from ..expected import tables_01_03
from ..hand_kept import expected_names
from ..ledger import MONTHS_ALL
from ..money import ZERO, wan
from .codes import TEMPLATE_ADDITIONS, UNLISTED
from .facts import DEPARTMENT, FISCAL, FOLDER, HAND_KEPT, NONFISCAL, STATION_TO_8301, YEAR
from .verify import CARRIED


def _by_fund(balances: dict) -> dict:
    return {fund: -sum((v for (acc, f), v in balances.items() if acc in CARRIED and f == fund),
                       ZERO) for fund in (FISCAL, NONFISCAL)}


def _accounts(balances: dict) -> dict:
    """'<account> <fund>' → balance (credit balances positive, 8001 debit positive)."""
    return {f"{acc} {fund}": (v if acc == "8001" else -v)
            for (acc, fund), v in sorted(balances.items()) if acc[0] == "8" and v}


def _count(lines, code) -> dict:
    counts: dict[str, int] = {}
    for ln in lines:
        if ln.func == code:
            counts[ln.account] = counts.get(ln.account, 0) + 1
    return counts


def expected(d: dict) -> dict:
    names = __import__(__package__ + ".build", fromlist=["file_names"]).file_names()
    lines = [ln for m in MONTHS_ALL for ln in d["by_month"][m]]
    tables = tables_01_03(lines, _by_fund(d["opening"]), _by_fund(d["year_end"]),
                          d["distribution"], ZERO)
    unlisted, unclassified = d["found"]["unlisted"], d["found"]["unclassified"]
    code = next(iter(UNLISTED))
    months = sorted({ln.month for ln in lines if ln.func == code} | {12})
    bc = d["budget_check"]
    closing = d["closing"]
    return {
        "__comment__": [
            f"Expected figures of inputs/{FOLDER}/ (a FICTIONAL department), written by",
            "tools/make_sample.py from the sample's design (never from jdzxlsx).",
            "Amounts are strings: read them with Decimal.  公开01/公开03 in 万元 as printed;",
            "*_元 the same cells in 元.  [codebook]: the codes of 款 21301 the sample uses, all",
            "listed in templates/2020/支出功能分类.csv (the sample checks it while it writes).",
        ],
        "folder": FOLDER, "department": DEPARTMENT, "year": YEAR, "fictional": True,
        **tables,
        "流量": {"结余分配": d["distribution"], "提取专用结余": STATION_TO_8301,
               "转入非财政拨款结余": d["distribution"] - STATION_TO_8301,
               "使用非财政拨款结余": ZERO},
        "余额": {"__comment__": ["department-level 8xxx balances (元)"],
               "年初": _accounts(d["opening"]), "年末": _accounts(d["year_end"])},
        "年终结转": {
            "__comment__": [f"closing vouchers at the end of {names[12]} (元)"],
            "文件": names[12], "凭证数": len({(ln.unit, ln.voucher) for ln in closing}),
            "行数": len(closing), **{k: v for k, v in d["closed"].items()}},
        "预算": {"__comment__": ["一般公共预算财政拨款 决算 and 年初预算 by 类 (元)"],
               "决算": bc["actual"], "年初预算": bc["initial"]},
        "上年": {"__comment__": [f"{names['prior']} as typed (元)"], **dict(d["prior"])},
        "基础信息": {
            "__comment__": [f"{names['info']} 三公经费, 三公统计, 政府采购 and {names['assets']}:",
                            "the defined names of the 基础信息 sheet (元; counts are integers)"],
            **expected_names(HAND_KEPT)},
        "codebook": {
            "__comment__": ["valid 2020 codes of 款 21301 the sample uses (listed in the template)"],
            **TEMPLATE_ADDITIONS},
        "intended": {
            "__comment__": ["Irregularities the sample carries on purpose: exactly these."],
            "未列示的项": {
                "code": code, "name": UNLISTED[code], "expense_lines": len(unlisted),
                "expense_amount": sum((ln.debit - ln.credit for ln in unlisted), ZERO),
                "lines_by_account": {acc: n for acc, n in sorted(_count(lines, code).items())},
                "closing_lines_by_account": {acc: n for acc, n in sorted(
                    _count(closing, code).items())},
                "files": [names[m] for m in months],
                "note": ("类 213 and 款 21301 are listed; the 项 is not: one 警告. 6001 lines and "
                         "the 年终结转 carry the code too")},
            "收入未分类": {
                "file": names[3], "account": "6101", "lines": len(unclassified),
                "amount": sum((ln.credit - ln.debit for ln in unclassified), ZERO),
                "note": "6101 事业收入 of 2020-03 exported without 功能分类 (公开02 未分类 row)"},
            "预算偏离": {
                "class": "210", "决算_万元": wan(bc["actual"]["210"]),
                "年初预算_万元": wan(bc["initial"]["210"]),
                "note": "the one 类 outside 决算 ÷ 年初预算 0.9–1.1; the total is inside"},
        },
    }
