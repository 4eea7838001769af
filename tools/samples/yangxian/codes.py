"""Sample 2's codes: names as templates/2020/*.csv gives them (read as data, not through
jdzxlsx), plus the 款 21301 农业农村 the template list lacks, and one deliberate gap."""

from __future__ import annotations

import csv
from pathlib import Path

TEMPLATES = Path(__file__).resolve().parents[3] / "templates" / "2020"

# Valid 2020 codes of 款 21301 农业农村 the sample uses (templates/2020/支出功能分类.csv lists them).
TEMPLATE_ADDITIONS = {
    "21301": "农业农村", "2130101": "行政运行", "2130102": "一般行政管理事务",
    "2130104": "事业运行", "2130106": "科技转化与推广服务", "2130108": "病虫害控制",
    "2130109": "农产品质量安全", "2130110": "执法监管", "2130122": "农业生产发展",
}
# The ONE deliberate gap: a valid 2020 项 whose 类 213 and 款 21301 are listed (after the
# additions) but which is not: one 警告 (issue 7 item 6), never an error.
UNLISTED = {"2130152": "对高校毕业生到基层任职补助"}

ACCOUNT_NAMES = {"6001": "财政拨款预算收入", "6101": "事业预算收入", "7101": "行政支出",
                 "7201": "事业支出", "8001": "资金结存", "8101": "财政拨款结转",
                 "8102": "财政拨款结余", "8201": "非财政拨款结转", "8202": "非财政拨款结余",
                 "8301": "专用结余", "8501": "其他结余", "8701": "非财政拨款结余分配"}

# Function ↔ economic pairs a real ledger keeps (issue 7 item 9), by unit kind.
PAIRED = {"30108": ("2080505", "2080505"), "30109": ("2080506", "2080506"),
          "30110": ("2101101", "2101102"), "30113": ("2210201", "2210201"),
          "30302": ("2080501", "2080502")}      # (行政, 事业)


def read_codebook(name: str) -> dict[str, str]:
    with open(TEMPLATES / name, encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    return {code: title for code, title in rows[1:]}


TEMPLATE_FUNC = read_codebook("支出功能分类.csv")
TEMPLATE_ECON = read_codebook("支出经济分类.csv")
FUNC_NAMES = {**TEMPLATE_FUNC, **TEMPLATE_ADDITIONS, **UNLISTED}
ECON_NAMES = dict(TEMPLATE_ECON)
