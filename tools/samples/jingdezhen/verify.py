"""Sample 1's verification: every required figure recomputed from the emitted lines with plain
Decimal arithmetic; stops loudly if one does not hold."""

from __future__ import annotations

from collections import defaultdict

from ..ledger import MONTHS_ALL, Line
from ..money import D, ZERO, check, check_wan
from ..writers.ledger_b import text_amount
from .design import BudgetRow
from .facts import (ASSOCIATION, BASIC, BUREAU, BUREAU_EXPECTED_WAN, ECON_NAMES,
                    EXPECTED_BUDGET_WAN, EXPECTED_CLASS_WAN, EXPECTED_WAN, FISCAL, FUNC_NAMES,
                    NONFISCAL, PAIRED_FUNC, PROJECT, UNIT_BY_NAME, UNITS, CARRIED)


def verify(by_month: dict[int, list[Line]], tb_rows: list[dict], budget: list[BudgetRow],
           exports: dict[int, list[list[str]]], ytd_rows: dict[int, tuple[D, D]]) -> dict:
    lines = [ln for m in MONTHS_ALL for ln in by_month[m]]
    fig: dict[str, D] = {}

    # Vouchers balance; codes known and paired; structure.
    vouchers = defaultdict(lambda: [ZERO, ZERO])
    for ln in lines:
        v = vouchers[(ln.unit, ln.month, ln.voucher)]
        v[0] += ln.debit
        v[1] += ln.credit
        if ln.account in ("7101", "7201"):
            check(ln.func in FUNC_NAMES and ln.econ in ECON_NAMES, f"unknown code {ln}")
            check(ln.account == UNIT_BY_NAME[ln.unit].account, f"wrong account {ln}")
            check((ln.kind == PROJECT) == bool(ln.project), f"kind/project mismatch {ln}")
            if ln.econ in PAIRED_FUNC:
                check(ln.func in PAIRED_FUNC[ln.econ], f"unpaired {ln.econ}/{ln.func}")
            check(ln.econ not in ("30212", "30231", "31013"), "三公 code other than 30217")
            check(ln.kind == PROJECT or ln.fund == FISCAL, "基本支出 not fiscal")
    for key, (dr, cr) in vouchers.items():
        check(dr == cr, f"voucher {key} unbalanced: {dr} ≠ {cr}")
    check(any(ln.debit < 0 for ln in lines), "no 红字冲销 line")
    unit_rank = {u.name: i for i, u in enumerate(UNITS)}
    for m in MONTHS_ALL:
        n = len(by_month[m])
        check(150 <= n <= 400, f"month {m}: {n} posting lines, want 150–400")
        order = [(unit_rank[ln.unit], int(ln.voucher[2:]), ln.day) for ln in by_month[m]]
        check(order == sorted(order), f"month {m}: lines not in unit / voucher / date order")
        for u in UNITS:
            numbers = sorted({o[1] for o in order if o[0] == unit_rank[u.name]})
            check(numbers == list(range(1, len(numbers) + 1)), f"voucher gaps {u.name} {m}")

    def total(pred, side="debit"):
        return sum((getattr(ln, side) - getattr(ln, "credit" if side == "debit" else "debit")
                    for ln in lines if pred(ln)), ZERO)

    expense = lambda ln: ln.account in ("7101", "7201")   # noqa: E731
    fig["一般公共预算财政拨款收入"] = total(lambda ln: ln.account == "6001", "credit")
    fig["其他收入"] = total(lambda ln: ln.account == "6609", "credit")
    fig["本年收入合计"] = fig["一般公共预算财政拨款收入"] + fig["其他收入"]
    fig["年初结转和结余"] = -sum(r["opening"] for r in tb_rows if r["code"] in CARRIED)
    fig["总计"] = fig["本年收入合计"] + fig["年初结转和结余"]
    fig["本年支出合计"] = total(expense)
    fig["基本支出"] = total(lambda ln: expense(ln) and ln.kind == BASIC)
    fig["项目支出"] = total(lambda ln: expense(ln) and ln.kind == PROJECT)
    fig["年末结转和结余"] = fig["总计"] - fig["本年支出合计"]
    fig["一般公共预算财政拨款支出"] = total(lambda ln: expense(ln) and ln.fund == FISCAL)
    fig["非财政拨款支出"] = total(lambda ln: expense(ln) and ln.fund == NONFISCAL)
    for cls in ("301", "302", "303", "310"):
        fig[f"基本支出{cls}"] = total(lambda ln: expense(ln) and ln.kind == BASIC
                                  and ln.fund == FISCAL and ln.econ[:3] == cls)
    fig["公务接待费"] = total(lambda ln: expense(ln) and ln.econ == "30217")
    check(fig["公务接待费"] == total(lambda ln: expense(ln) and ln.econ == "30217"
                                   and ln.fund == FISCAL), "公务接待费 not all fiscal")
    fig["机关运行经费"] = total(lambda ln: expense(ln) and ln.kind == BASIC and ln.fund == FISCAL
                             and UNIT_BY_NAME[ln.unit].civil and ln.econ[:3] in ("302", "310"))
    for label, expected in EXPECTED_WAN.items():
        check_wan(label, fig[label], expected)
    check(fig["本年支出合计"] == fig["基本支出"] + fig["项目支出"], "基本 + 项目 ≠ 支出合计")
    check(fig["本年支出合计"] == fig["一般公共预算财政拨款支出"] + fig["非财政拨款支出"],
          "fiscal + non-fiscal ≠ 支出合计")
    check(fig["基本支出"] == sum(fig[f"基本支出{c}"] for c in ("301", "302", "303", "310")),
          "基本支出 has other 类")
    for cls, expected in EXPECTED_CLASS_WAN.items():
        fig[f"财政拨款支出{cls}"] = total(lambda ln: expense(ln) and ln.fund == FISCAL
                                     and ln.func[:3] == cls)
        check_wan(f"财政拨款支出 {cls}", fig[f"财政拨款支出{cls}"], expected)
    nf_classes = {ln.func[:3] for ln in lines if expense(ln) and ln.fund == NONFISCAL}
    check(nf_classes <= {"201", "206"}, f"non-fiscal spending outside 201/206: {nf_classes}")

    # Per unit and fund: opening + income − expenditure = closing ≥ 0, at every month end too.
    opening = defaultdict(D)
    for r in tb_rows:
        if r["code"] in CARRIED:
            opening[(r["unit"], r["fund"])] -= r["opening"]
    balance = dict(opening)
    for m in MONTHS_ALL:
        for ln in by_month[m]:
            if ln.account in ("6001", "6609", "7101", "7201"):
                balance[(ln.unit, ln.fund)] = (balance.get((ln.unit, ln.fund), ZERO)
                                               + ln.credit - ln.debit)
        for key, value in balance.items():
            check(value >= 0, f"{key} runs negative at the end of month {m}: {value}")
    fund_closing = {FISCAL: ZERO, NONFISCAL: ZERO}
    for (unit, fund), value in balance.items():
        fund_closing[fund] += value
    check(sum(fund_closing.values()) == fig["年末结转和结余"], "closing by unit ≠ department")
    fig["年初_财政拨款"] = sum(v for (u, f), v in opening.items() if f == FISCAL)
    fig["年初_非财政拨款"] = sum(v for (u, f), v in opening.items() if f == NONFISCAL)
    fig["年末_财政拨款"] = fund_closing[FISCAL]
    fig["年末_非财政拨款"] = fund_closing[NONFISCAL]
    # 8001 movement = income − expenditure, per unit and fund (what the ingest check expects).
    for (unit, fund) in balance:
        move = sum(ln.debit - ln.credit for ln in lines if ln.account == "8001"
                   and ln.unit == unit and ln.fund == fund)
        check(move == balance[(unit, fund)] - opening.get((unit, fund), ZERO),
              f"8001 movement of {unit}/{fund}")

    # 局本级
    b = lambda pred: total(lambda ln: ln.unit == BUREAU and expense(ln) and pred(ln))  # noqa
    bureau = {
        "财政拨款收入": total(lambda ln: ln.unit == BUREAU and ln.account == "6001", "credit"),
        "年初结转和结余": opening[(BUREAU, FISCAL)] + opening.get((BUREAU, NONFISCAL), ZERO),
        "支出合计": b(lambda ln: True),
        "301": b(lambda ln: ln.econ[:3] == "301"), "302": b(lambda ln: ln.econ[:3] == "302"),
        "303": b(lambda ln: ln.econ[:3] == "303"), "310": b(lambda ln: ln.econ[:3] == "310"),
        "312": b(lambda ln: ln.econ[:3] == "312"),
        "基本支出302+310": b(lambda ln: ln.kind == BASIC and ln.econ[:3] in ("302", "310")),
        "公务接待费": b(lambda ln: ln.econ == "30217"),
        "年末结转和结余": balance[(BUREAU, FISCAL)],
    }
    check(total(lambda ln: ln.unit == BUREAU and ln.account == "6609", "credit") == 0,
          "局本级 has 其他收入")
    check(b(lambda ln: ln.fund != FISCAL) == 0, "局本级 spends non-fiscal money")
    check(b(lambda ln: ln.kind == BASIC and ln.econ[:3] == "310") == 0, "局本级 basic 310")
    check(bureau["支出合计"] == sum(bureau[c] for c in ("301", "302", "303", "310", "312")),
          "局本级 spends outside 301/302/303/310/312")
    for label, expected in BUREAU_EXPECTED_WAN.items():
        check_wan(f"局本级 {label}", bureau[label], expected)
        fig[f"局本级 {label}"] = bureau[label]
    fig["协会 基本支出302"] = total(lambda ln: ln.unit == ASSOCIATION and expense(ln)
                                  and ln.kind == BASIC and ln.econ[:3] == "302")
    check_wan("协会 基本支出302", fig["协会 基本支出302"], D("12.55"))

    # Budget
    by_class = defaultdict(D)
    for r in budget:
        by_class[r.func[:3]] += r.initial
        check(r.func in FUNC_NAMES and r.econ in ECON_NAMES, f"budget code {r}")
        check(r.initial >= 0 and r.adjusted >= 0, f"negative budget {r}")
    check("229" not in by_class, "229 budget rows")
    for cls in ("201", "206", "208", "210", "221"):
        fig[f"预算{cls}"] = by_class[cls]
        check_wan(f"年初预算 {cls}", by_class[cls], EXPECTED_BUDGET_WAN[cls])
    fig["预算合计"] = sum(r.initial for r in budget)
    check_wan("年初预算 合计", fig["预算合计"], EXPECTED_BUDGET_WAN["合计"])
    fig["预算公务接待费"] = sum(r.initial for r in budget if r.econ == "30217")
    check_wan("预算 公务接待费", fig["预算公务接待费"], EXPECTED_BUDGET_WAN["公务接待费"])
    bureau_budget = [r for r in budget if r.unit == BUREAU]
    fig["预算局本级公务接待费"] = sum(r.initial for r in bureau_budget if r.econ == "30217")
    fig["预算局本级基本支出"] = sum(r.initial for r in bureau_budget if r.kind == BASIC)
    fig["预算局本级基本支出302+310"] = sum(r.initial for r in bureau_budget if r.kind == BASIC
                                      and r.econ[:3] in ("302", "310"))
    check_wan("预算 局本级公务接待费", fig["预算局本级公务接待费"], D("15.00"))
    check_wan("预算 局本级基本支出", fig["预算局本级基本支出"], D("589.18"))
    check_wan("预算 局本级302+310", fig["预算局本级基本支出302+310"], D("43.56"))
    check(sum(r.initial for r in bureau_budget if r.kind == PROJECT) == 0,
          "局本级 has 年初 project budget")
    check(sum(1 for r in budget if r.adjusted != r.initial) < len(budget) / 3,
          "调整预算数 differs on too many rows")
    check(any(r.adjusted != r.initial for r in budget), "调整预算数 never differs")

    # Trial balance: January flows agree with the January ledger; it is in balance.
    for r in tb_rows:
        if r["code"][:2] in ("60", "66", "71", "72", "80"):
            jan = [ln for ln in by_month[1] if ln.unit == r["unit"] and ln.account == r["code"]
                   and ln.fund == r["fund"]]
            check(sum(ln.debit for ln in jan) == r["debit"]
                  and sum(ln.credit for ln in jan) == r["credit"], f"TB ≠ ledger {r}")
    # 8001 opening = Σ 81xx–84xx opening credit balances, per unit and fund (budget identity).
    held = defaultdict(D)
    for r in tb_rows:
        if r["code"][:2] in ("81", "82", "83", "84"):
            held[(r["unit"], r["fund"])] -= r["opening"]
        elif r["code"] == "8001":
            held[(r["unit"], r["fund"])] -= r["opening"]
    check(all(v == 0 for v in held.values()), f"8001 opening ≠ Σ 81–84: {dict(held)}")
    check(any(r["code"] == "8301" and r["opening"] for r in tb_rows)
          and any(r["code"] == "8202" and r["opening"] for r in tb_rows), "no 8202/8301 opening")
    check(sum(r["opening"] for r in tb_rows) == 0 and sum(r["closing"] for r in tb_rows) == 0,
          "trial balance not in balance")

    # Subtotal rows hold the true sums (本月合计, 本年累计; 小计 in Style B month 12).
    running = [ZERO, ZERO]
    for m in MONTHS_ALL:
        running[0] += sum(ln.debit for ln in by_month[m])
        running[1] += sum(ln.credit for ln in by_month[m])
        check(ytd_rows[m] == tuple(running), f"本年累计 of month {m}")
        if m in exports:
            rows = exports[m]
            month_total = [r for r in rows if len(r) > 2 and r[2] == "本月合计"][0]
            check(month_total[7] == text_amount(sum(ln.debit for ln in by_month[m]))
                  and month_total[8] == text_amount(sum(ln.credit for ln in by_month[m])),
                  f"本月合计 of month {m}")
            for r in rows:
                if len(r) > 2 and r[2] == "小计":
                    mine = [ln for ln in by_month[m] if ln.unit == r[3]]
                    check(r[7] == text_amount(sum(ln.debit for ln in mine)), f"小计 {r[3]}")
    return fig
