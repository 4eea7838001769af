"""The office's hand-kept 三公, 国有资产占用 and 政府采购 figures of a sample: checked for
consistency, and the defined names the 基础信息 sheet must give them (/work/contract9.md),
written here independently of jdzxlsx."""

from __future__ import annotations

from dataclasses import dataclass, field

from .money import D, ZERO

SANGONG_BUDGET_KEYS = {"因公出国（境）费": "因公出国境费", "公务用车购置费": "公务用车购置费",
                       "公务用车运行费": "公务用车运行费", "公务接待费": "公务接待费"}
SANGONG_COUNT_KEYS = {"公务接待批次": "公务接待_批次", "公务接待人次": "公务接待_人次",
                      "外事接待批次": "外事接待_批次", "外事接待人次": "外事接待_人次",
                      "因公出国（境）团组数": "因公出国_团组", "因公出国（境）人次": "因公出国_人次",
                      "公务用车购置数": "公务用车购置_辆", "公务用车保有量": "公务用车保有_辆"}
ASSET_PARTS = ["流动资产", "固定资产", "长期投资", "在建工程", "无形资产", "其他资产"]
FIXED_PARTS = ["土地、房屋及构筑物", "通用设备", "专用设备", "文物和陈列品", "图书、档案",
               "家具、用具、装具及动植物"]
VEHICLE_PARTS = ["领导干部用车", "一般公务用车", "执法执勤用车", "特种专业技术用车", "其他用车"]
ASSET_KEYS = {item: item.replace("、", "") for item in
              ["资产总额", *ASSET_PARTS, *FIXED_PARTS, "车辆", *VEHICLE_PARTS,
               "单价50万元以上通用设备", "单价100万元以上专用设备"]}
PROCUREMENT_PARTS = ["货物", "工程", "服务"]
PROCUREMENT_KEYS = {k: k for k in ["政府采购支出总额", *PROCUREMENT_PARTS, "授予中小企业合同金额",
                                   "授予小微企业合同金额"]}


@dataclass(frozen=True)
class HandKept:
    """Figures in 元 (counts int) by official item; a typed total only where the office typed it."""

    sangong_budget: dict                  # item → 元
    sangong_budget_total: D | None        # the typed 合计 row (元), None when not typed
    sangong_counts: dict                  # item → int
    assets: dict                          # item → 元 or int (vehicles, equipment)
    procurement: dict                     # item → 元
    extra: dict = field(default_factory=dict)   # typed subtotals named too (公务用车购置及运行费)


def check_hand_kept(h: HandKept, check) -> None:
    check(set(h.sangong_budget) <= set(SANGONG_BUDGET_KEYS), "三公 budget items")
    if h.sangong_budget_total is not None:
        check(h.sangong_budget_total == sum(h.sangong_budget.values(), ZERO), "三公 合计")
    a = h.assets
    if "资产总额" in a:
        check(a["资产总额"] == sum((a[k] for k in ASSET_PARTS if k in a), ZERO), "资产总额")
    if "固定资产" in a:
        check(a["固定资产"] == sum((a[k] for k in FIXED_PARTS if k in a), ZERO), "固定资产")
    if "车辆" in a:
        check(a["车辆"] == sum(a[k] for k in VEHICLE_PARTS if k in a), "车辆")
    check(all(isinstance(a[k], int) for k in a if k in VEHICLE_PARTS or k == "车辆"
              or k.startswith("单价")), "counts are int")
    p = h.procurement
    if "政府采购支出总额" in p:
        check(p["政府采购支出总额"] == sum((p[k] for k in PROCUREMENT_PARTS if k in p), ZERO),
              "政府采购支出总额")
    check(p.get("授予小微企业合同金额", ZERO) <= p.get("授予中小企业合同金额", ZERO)
          <= sum((p[k] for k in PROCUREMENT_PARTS if k in p), ZERO), "中小/小微")


def expected_names(h: HandKept) -> dict:
    """Defined name → value (元 as Decimal, counts int), as the 基础信息 sheet must define them."""
    names = {f"基础信息_三公_{SANGONG_BUDGET_KEYS[k]}_预算数": v
             for k, v in h.sangong_budget.items()}
    if h.sangong_budget_total is not None:
        names["基础信息_三公_手填合计_预算数"] = h.sangong_budget_total
    names.update(h.extra)
    names.update({f"基础信息_三公_{SANGONG_COUNT_KEYS[k]}": v for k, v in h.sangong_counts.items()})
    names.update({f"基础信息_资产_{ASSET_KEYS[k]}": v for k, v in h.assets.items()})
    names.update({f"基础信息_采购_{PROCUREMENT_KEYS[k]}": v for k, v in h.procurement.items()})
    return names


def wan_exact(yuan: D) -> D:
    """A 元 amount typed in 万元 (exact: it must have at most six decimals in 万元)."""
    value = yuan / D(10000)
    if value != value.quantize(D("0.000001")):
        raise ValueError(yuan)
    return value
