"""Sheets that carry the inputs themselves: 底稿 (every normalised line, the source of every
figure), 预算指标, 上年数, 基础信息 — written as values, each with its provenance."""

from __future__ import annotations

from ..model import Sheet
from ..working_paper import WORKING_PAPER_COLUMNS, WorkingPaper

WORKING_PAPER_SHEET = "底稿"


def working_paper_sheet(paper: WorkingPaper) -> tuple[Sheet, dict[str, str]]:
    """The 底稿 sheet and the defined names of its columns (底稿_<列名>), which every SUMIFS
    reads.  Ranges stop at the last line: no full-column references."""
    sheet = Sheet(WORKING_PAPER_SHEET, tab_color="#7F7F7F", landscape=True)
    for col, column in enumerate(WORKING_PAPER_COLUMNS):
        sheet.text(0, col, column.key + ("（元）" if column.is_amount else ""), "header")
        sheet.col_widths[col] = column.width
    for r, line in enumerate(paper.lines, start=1):
        for col, column in enumerate(WORKING_PAPER_COLUMNS):
            value = column.value(line)
            if column.is_amount:
                sheet.number(r, col, value, "yuan")
            elif isinstance(value, int):
                sheet.number(r, col, value, "integer")
            else:
                sheet.text(r, col, value, "cell_text")
    last = max(1, len(paper.lines))
    names = {}
    for col, column in enumerate(WORKING_PAPER_COLUMNS):
        name = f"底稿_{column.key}"
        sheet.range_names.append((name, 1, col, last, col))
        names[column.key] = name
    sheet.freeze = (1, 0)
    sheet.autofilter = (0, 0, last, len(WORKING_PAPER_COLUMNS) - 1)
    sheet.repeat_rows = (0, 0)
    return sheet, names


def _table_sheet(name: str, headers: list[tuple[str, float]], rows: list[list], color: str,
                 money_cols: set[int] = frozenset(), int_cols: set[int] = frozenset()) -> Sheet:
    sheet = Sheet(name, tab_color=color)
    for col, (header, width) in enumerate(headers):
        sheet.text(0, col, header, "header")
        sheet.col_widths[col] = width
    for r, values in enumerate(rows, start=1):
        for col, value in enumerate(values):
            if value is None:
                continue
            if col in money_cols:
                sheet.number(r, col, value, "yuan")
            elif col in int_cols:
                sheet.number(r, col, value, "integer")
            else:
                sheet.text(r, col, str(value), "cell_text")
    sheet.freeze = (1, 0)
    sheet.repeat_rows = (0, 0)
    if rows:
        sheet.autofilter = (0, 0, len(rows), len(headers) - 1)
    return sheet


def budget_sheet(paper: WorkingPaper) -> Sheet:
    rows = [[b.unit, b.function_code, b.economic_code, b.fund_source, b.expense_kind, b.project,
             b.initial, b.adjusted, b.source.file, b.source.sheet, b.source.row]
            for b in paper.budget]
    return _table_sheet("预算指标", [("单位", 30), ("功能分类科目", 12), ("经济分类款", 10),
                                   ("资金性质", 22), ("支出类型", 10), ("项目", 22),
                                   ("年初预算数（元）", 16), ("调整预算数（元）", 16),
                                   ("来源文件", 30), ("来源工作表", 14), ("来源行", 7)],
                        rows, "#548235", money_cols={6, 7}, int_cols={10})


def prior_year_sheet(paper: WorkingPaper) -> Sheet:
    rows = [[f.item, f.amount, f.source.file, f.source.sheet, f.source.row]
            for f in paper.prior_year]
    return _table_sheet("上年数", [("项目", 24), ("上年决算数（元）", 18), ("来源文件", 30),
                                 ("来源工作表", 14), ("来源行", 7)],
                        rows, "#548235", money_cols={1}, int_cols={4})


def basic_info_sheet(paper: WorkingPaper) -> Sheet:
    """Units and staffing as the office keeps them; the typed 合计 row is kept and marked."""
    sheet = Sheet("基础信息", tab_color="#548235")
    headers = [("单位名称", 36), ("单位性质", 12), ("纳入部门决算", 12), ("来源文件", 30),
               ("来源工作表", 14), ("来源行", 7)]
    sheet.text(0, 0, "预算单位", "section")
    for col, (header, width) in enumerate(headers):
        sheet.text(1, col, header, "header")
        sheet.col_widths[col] = width
    row = 2
    for unit in paper.units:
        for col, value in enumerate([unit.name, unit.kind, "是" if unit.included else "否",
                                     unit.source.file, unit.source.sheet]):
            sheet.text(row, col, value, "cell_text")
        sheet.number(row, 5, unit.source.row, "integer")
        row += 1
    row += 1
    sheet.text(row, 0, "人员编制（合计行为原表手填数，核对时与各项之和比较）", "section")
    row += 1
    for col, header in enumerate(["人员类别", "编制数", "在职人数", "退休人数", "实有人数",
                                  "来源", "来源行"]):
        sheet.text(row, col, header, "header")
    row += 1
    for staff in paper.staffing:
        label = staff.category + ("（手填合计）" if staff.is_typed_total else "")
        sheet.text(row, 0, label, "label_total" if staff.is_typed_total else "cell_text")
        for col, value in enumerate([staff.authorised, staff.serving, staff.retired,
                                     staff.actual], start=1):
            if value is not None:
                sheet.number(row, col, value, "integer")
        sheet.text(row, 5, f"{staff.source.file}「{staff.source.sheet}」", "cell_text")
        sheet.number(row, 6, staff.source.row, "integer")
        row += 1
    sheet.freeze = (2, 0)
    return sheet


def contents_sheet(sheets: list[Sheet], paper: WorkingPaper, descriptions: dict[str, str]) -> Sheet:
    """目录: one line per sheet with an internal link."""
    sheet = Sheet("目录", tab_color="#C00000", landscape=False)
    sheet.text(0, 0, f"{paper.department}{paper.year}年度部门决算", "title")
    sheet.merge(0, 0, 0, 2)
    sheet.row_heights[0] = 30
    sheet.text(1, 0, "序号", "header")
    sheet.text(1, 1, "工作表", "header")
    sheet.text(1, 2, "内容", "header")
    for i, target in enumerate(sheets, start=1):
        sheet.number(1 + i, 0, i, "integer")
        sheet.link(1 + i, 1, target.name, f"'{target.name}'!A1")
        sheet.text(1 + i, 2, descriptions.get(target.name, ""), "cell_text")
    sheet.col_widths.update({0: 6, 1: 16, 2: 70})
    return sheet
