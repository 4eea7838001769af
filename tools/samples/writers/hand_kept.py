"""The office's hand-kept sheets: budget quotas (ledger-software style), last year's key
figures, basic information (units, staffing)."""

from __future__ import annotations

from pathlib import Path

from ..xlsx import basic_formats, new_workbook
from . import Office


def write_budget(office: Office, path: Path, rows: list, fund: str) -> None:
    """预算指标: 预算单位 | 功能分类科目 | 经济分类科目 | 资金性质 | 支出类型 | 项目名称 |
    年初预算数 | 调整预算数, a typed 合计 row under it.  ``rows``: objects with unit, func, econ,
    kind, project, initial, adjusted."""
    dep, year = office.department, office.year
    wb = new_workbook(path, f"{year}年部门预算指标", dep)
    f = basic_formats(wb)
    ws = wb.add_worksheet("预算指标")
    for col, w in enumerate([34, 36, 26, 20, 10, 36, 15, 15]):
        ws.set_column(col, col, w)
    ws.merge_range(0, 0, 0, 7, f"{dep}{year}年部门预算指标", f["title"])
    ws.write_string(1, 0, "金额单位：元", f["note"])
    header = ["预算单位", "功能分类科目", "经济分类科目", "资金性质", "支出类型", "项目名称",
              "年初预算数", "调整预算数"]
    for col, head in enumerate(header):
        ws.write_string(2, col, head, f["head"])
    write_quota_rows(ws, f, 3, rows, lambda r: [r.unit, office.func(r.func), office.econ(r.econ),
                                                 fund, r.kind, r.project])
    wb.close()


def write_quota_rows(ws, f: dict, first: int, rows: list, texts) -> None:
    """The quota rows under a header ending on row ``first`` − 1 (six text columns from
    ``texts(row)``, then 年初预算数 | 调整预算数), a typed 合计 row, the header frozen."""
    row = first
    for r in rows:
        for col, value in enumerate(texts(r)):
            ws.write_string(row, col, value, f["text"])
        ws.write_number(row, 6, float(r.initial), f["money0"])
        ws.write_number(row, 7, float(r.adjusted), f["money0"])
        row += 1
    ws.write_string(row, 0, "合计", f["total"])
    for col in range(1, 6):
        ws.write_blank(row, col, None, f["total"])
    ws.write_number(row, 6, float(sum(r.initial for r in rows)), f["total_money"])
    ws.write_number(row, 7, float(sum(r.adjusted for r in rows)), f["total_money"])
    ws.freeze_panes(first, 0)


def write_prior_year_wan(office: Office, path: Path, figures: list) -> None:
    """上年决算主要数据 with a title, 金额单位：万元, 项目 | 金额."""
    dep = office.department
    wb = new_workbook(path, f"{dep}{office.year - 1}年度决算主要数据", dep)
    f = basic_formats(wb)
    ws = wb.add_worksheet(f"{office.year - 1}年决算")
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 14)
    ws.merge_range(0, 0, 0, 1, f"{dep}{office.year - 1}年度决算主要数据", f["title"])
    ws.write_string(1, 0, "金额单位：万元", f["note"])
    ws.write_string(2, 0, "项目", f["head"])
    ws.write_string(2, 1, "金额", f["head"])
    for row, (label, value) in enumerate(figures, start=3):
        ws.write_string(row, 0, label, f["text"])
        ws.write_number(row, 1, float(value), f["money0"])
    wb.close()


def write_prior_year_simple(office: Office, path: Path, figures: list, sheet: str,
                            note: str = "") -> None:
    """The simplest form: one sheet, no title, `项目 | <year−1>年决算数（元）`, one row per figure."""
    wb = new_workbook(path, sheet, office.department, note)
    f = basic_formats(wb)
    ws = wb.add_worksheet(sheet)
    ws.set_column(0, 0, 24)
    ws.set_column(1, 1, 20)
    ws.write_string(0, 0, "项目", f["head"])
    ws.write_string(0, 1, f"{office.year - 1}年决算数（元）", f["head"])
    for row, (label, value) in enumerate(figures, start=1):
        ws.write_string(row, 0, label, f["text"])
        ws.write_number(row, 1, float(value), f["money0"])
    wb.close()


def units_sheet(wb, f, units: list, headers: list[str], numbered: bool = True) -> None:
    """预算单位: (name, kind, included) rows under ``headers``."""
    ws = wb.add_worksheet("预算单位")
    widths = ([6] if numbered else []) + [40, 12, 16]
    for col, w in enumerate(widths):
        ws.set_column(col, col, w)
    for col, head in enumerate(headers):
        ws.write_string(0, col, head, f["head"])
    for row, (name, kind, included) in enumerate(units, start=1):
        cells = [name, kind, included]
        if numbered:
            ws.write_number(row, 0, row, f["int"])
        for col, value in enumerate(cells, start=1 if numbered else 0):
            ws.write_string(row, col, value, f["text"])


def staffing_sheet(wb, f, title: str, staffing: list, typed_total: tuple) -> None:
    """人员编制: category | 编制数 | 在职人数 | 退休人数 | 实有人数, and the office's typed 合计."""
    ws = wb.add_worksheet("人员编制")
    for col, w in enumerate([20, 10, 10, 10, 10]):
        ws.set_column(col, col, w)
    ws.merge_range(0, 0, 0, 4, title, f["title"])
    for col, head in enumerate(["人员类别", "编制数", "在职人数", "退休人数", "实有人数"]):
        ws.write_string(1, col, head, f["head"])
    row = 2
    for label, quota, active, retired in staffing:
        ws.write_string(row, 0, label, f["text"])
        for col, n in enumerate((quota, active, retired, active + retired), start=1):
            ws.write_number(row, col, n, f["int"])
        row += 1
    ws.write_string(row, 0, "合计", f["total"])
    for col, n in enumerate(typed_total, start=1):   # typed by hand, not a formula
        ws.write_number(row, col, n, f["int"])


def _titled_sheet(wb, f, name: str, title: str, note: str, header: list[str],
                  widths: list[int]):
    """A small hand-kept sheet: a merged title, an optional unit note, the header row."""
    ws = wb.add_worksheet(name)
    for col, w in enumerate(widths):
        ws.set_column(col, col, w)
    ws.merge_range(0, 0, 0, len(header) - 1, title, f["title"])
    row = 1
    if note:
        ws.write_string(row, 0, note, f["note"])
        row += 1
    for col, head in enumerate(header):
        ws.write_string(row, col, head, f["head"])
    return ws, row + 1


def item_sheet(wb, f, name: str, title: str, note: str, header: list[str], rows: list,
               typed: tuple[str, ...] = ()) -> None:
    """项目 | [计量单位 |] 数: one row per item as the office types it.  ``rows``: (label,
    value) or (label, measure, value); a value is an int (a count) or a Decimal amount in the
    sheet's unit; labels in ``typed`` are the office's own totals, printed bold."""
    widths = [30] + [10] * (len(header) - 2) + [16]
    ws, row = _titled_sheet(wb, f, name, title, note, header, widths)
    for cells in rows:
        label, *texts, value = cells
        bold = label.strip() in typed
        ws.write_string(row, 0, label, f["total" if bold else "text"])
        for col, text in enumerate(texts, start=1):
            ws.write_string(row, col, text, f["text"])
        if isinstance(value, int):
            ws.write_number(row, len(cells) - 1, value, f["int"])
        else:
            ws.write_number(row, len(cells) - 1, float(value),
                            f["total_money" if bold else "money0"])
        row += 1
