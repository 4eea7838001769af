"""tests/expected/<folder>.toml: a sample's expected figures, written by the generator from its
design (never from jdzxlsx)."""

from __future__ import annotations

from decimal import Decimal

from .money import D, wan
from pathlib import Path


def _value(v) -> str:
    if isinstance(v, Decimal):
        return f'"{v:.2f}"'               # exact: a string, read back with Decimal(...)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, int):
        return str(v)
    if isinstance(v, str):
        return '"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(v, list):
        return "[" + ", ".join(_value(x) for x in v) + "]"
    raise TypeError(v)


def _key(k: str) -> str:
    return k if k.replace("_", "").replace("-", "").isascii() and \
        k.replace("_", "").replace("-", "").isalnum() else _value(k)


def render(data: dict, prefix: str = "", header: str = "") -> str:
    """A small TOML writer: scalars first, then tables, then arrays of tables; keys in the
    order given.  ``data`` may carry "__comment__" lines for its table."""
    out = []
    for line in data.get("__comment__", []):
        out.append(f"# {line}" if line else "#")
    scalars = {k: v for k, v in data.items() if k != "__comment__"
               and not isinstance(v, dict) and not (isinstance(v, list) and v
                                                    and isinstance(v[0], dict))}
    for k, v in scalars.items():
        out.append(f"{_key(k)} = {_value(v)}")
    for k, v in data.items():
        if isinstance(v, dict):
            name = f"{prefix}.{_key(k)}" if prefix else _key(k)
            body = render(v, name).rstrip("\n")
            out += ["", body] if body.startswith("\n") else ["", f"[{name}]", body]
        elif isinstance(v, list) and v and isinstance(v[0], dict):
            name = f"{prefix}.{_key(k)}" if prefix else _key(k)
            for item in v:
                out += ["", f"[[{name}]]", render(item, name).rstrip("\n")]
    text = "\n".join(x for x in out) + "\n"
    return text.replace("\n\n\n", "\n\n")


def write_expected(path: Path, data: dict) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(data), encoding="utf-8")
    return path


# ------------------------------------------------------------------ figures of 公开01 / 公开03
# Every printed cell is ROUND(元/10000, 2) of its own 元 value; totals are sums of 元 cells
# (src/jdzxlsx/tables/build.py place_amount), so each figure here is computed in 元 and
# rounded once.
INCOME_ROWS = [  # 公开01表 left body: (row id, account codes, fund or None)
    ("一般公共预算财政拨款收入", ("6001",), "一般公共预算财政拨款"),
    ("政府性基金预算财政拨款收入", ("6001",), "政府性基金预算财政拨款"),
    ("国有资本经营预算财政拨款收入", ("6001",), "国有资本经营预算财政拨款"),
    ("上级补助收入", ("6201",), None),
    ("事业收入", ("6101",), None),
    ("经营收入", ("6401",), None),
    ("附属单位上缴收入", ("6301",), None),
    ("其他收入", ("6501", "6601", "6602", "6609"), None),
]
BODY_CLASSES = ["201", "202", "203", "204", "205", "206", "207", "208", "210", "211", "212",
                "213", "214", "215", "216", "217", "219", "220", "221", "222", "223", "224",
                "229", "231", "232", "234"]
EXPENSE_ACCOUNTS = ("7101", "7201", "7301", "7401", "7501", "7601", "7701", "7901")


def tables_01_03(lines, opening: dict, closing: dict, distribution, use_reserve) -> dict:
    """公开01表 every row and 公开03表 合计 and 类 rows, in 元 and 万元, from the year's posting
    lines (no closing voucher), the 年初/年末 结转和结余 per fund (元), the year's 结余分配 and
    使用非财政拨款结余."""
    zero = D("0.00")
    income = {rid: sum((ln.credit - ln.debit for ln in lines if ln.account in accounts
                        and (fund is None or ln.fund == fund)), zero)
              for rid, accounts, fund in INCOME_ROWS}
    expense = [ln for ln in lines if ln.account in EXPENSE_ACCOUNTS]
    classes = {c: sum((ln.debit - ln.credit for ln in expense if ln.func.startswith(c)), zero)
               for c in BODY_CLASSES}
    left = dict(income)
    left["本年收入合计"] = sum(income.values(), zero)
    left["使用非财政拨款结余"] = use_reserve
    left["年初结转和结余"] = sum(opening.values(), zero)
    left["收入总计"] = left["本年收入合计"] + use_reserve + left["年初结转和结余"]
    right = {f"类{c}": v for c, v in classes.items()}
    right["本年支出合计"] = sum(classes.values(), zero)
    right["结余分配"] = distribution
    right["年末结转和结余"] = (left["本年收入合计"] + use_reserve + left["年初结转和结余"]
                          - right["本年支出合计"] - distribution)
    right["支出总计"] = right["本年支出合计"] + distribution + right["年末结转和结余"]
    if sum(closing.values(), zero) != right["年末结转和结余"]:
        raise AssertionError(f"年末 by fund {closing} ≠ 年初 + 收入 − 支出 − 分配 "
                             f"{right['年末结转和结余']}")

    def row03(pred) -> dict:
        sel = [ln for ln in expense if pred(ln)]
        basic = sum((ln.debit - ln.credit for ln in sel if ln.kind == "基本支出"), zero)
        project = sum((ln.debit - ln.credit for ln in sel if ln.kind == "项目支出"), zero)
        return {"本年支出合计": basic + project, "基本支出": basic, "项目支出": project}

    t03 = {"合计": row03(lambda ln: True)}
    for c in sorted({ln.func[:3] for ln in expense}):
        t03[f"类{c}"] = row03(lambda ln, c=c: ln.func.startswith(c))
    t03_wan = {r: {k: wan(v) for k, v in cells.items()} for r, cells in t03.items()}
    return {
        "公开01": {"__comment__": ["万元, each cell ROUND(元/10000, 2) of its own 元 value"],
                 **{k: wan(v) for k, v in left.items()}, **{k: wan(v) for k, v in right.items()}},
        "公开01_元": {**left, **right},
        "公开03": t03_wan,
        "公开03_元": t03,
        "结转和结余": {"年初": dict(opening), "年末": dict(closing)},
    }
