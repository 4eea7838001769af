"""Sheets that carry the inputs themselves: 底稿 (every normalised line, the source of every
figure), 预算指标, 上年数, 基础信息 — written as values, each with its provenance."""

from __future__ import annotations

from ..expr import Data
from ..ingest.kinds import name_part
from ..ingest.records import HandKeptFigure
from ..model import BlockColumn, DataBlock, Sheet, to_wan
from ..working_paper import (BUDGET_COLUMNS, BUDGET_SHEET, WORKING_PAPER_COLUMNS,
                             WORKING_PAPER_SHEET, Column, WorkingPaper)

PRIOR_YEAR_SHEET = "上年数"
BASIC_INFO_SHEET = "基础信息"


def input_table_sheet(name: str, columns: tuple[Column, ...], rows: list, color: str) -> Sheet:
    """An input table written as values, one column per field, each column a defined range
    (<sheet>_<列名>) that queries read.  Ranges stop at the last row: no full-column
    references."""
    sheet = Sheet(name, tab_color=color, landscape=True)
    for col, column in enumerate(columns):
        sheet.text(0, col, column.key + ("（元）" if column.is_amount else ""), "header")
        sheet.col_widths[col] = column.width
    # the rows are written straight from the lines: most of the workbook, no cell objects
    sheet.data_block = DataBlock(1, tuple(BlockColumn(c.key, c.value,
                                                      "amount" if c.is_amount else "value")
                                          for c in columns), rows)
    last = max(1, len(rows))
    for col, column in enumerate(columns):
        sheet.range_names.append((f"{name}_{column.key}", 1, col, last, col))
    sheet.freeze = (1, 0)
    sheet.autofilter = (0, 0, last, len(columns) - 1)
    sheet.repeat_rows = (0, 0)
    return sheet


def working_paper_sheet(paper: WorkingPaper) -> Sheet:
    """底稿: every normalised line, the source of every figure."""
    return input_table_sheet(WORKING_PAPER_SHEET, WORKING_PAPER_COLUMNS, paper.lines, "#7F7F7F")


def budget_sheet(paper: WorkingPaper) -> Sheet:
    """预算指标: the budget quotas, queried by the budget checks."""
    return input_table_sheet(BUDGET_SHEET, BUDGET_COLUMNS, paper.budget, "#548235")


def prior_year_sheet(paper: WorkingPaper) -> Sheet:
    """上年数 as read (元), with each figure in 万元 as last year's tables printed it, named
    上年_<项目> for the prior-year checks (the item without brackets: 上年_因公出国境费, as Excel
    refuses brackets in a name; the printed label keeps the official wording)."""
    sheet = Sheet(PRIOR_YEAR_SHEET, tab_color="#548235")
    headers = [("项目", 24), ("上年决算数（元）", 18), ("上年决算数（万元）", 18), ("来源文件", 30),
               ("来源工作表", 14), ("来源行", 7)]
    for col, (header, width) in enumerate(headers):
        sheet.text(0, col, header, "header")
        sheet.col_widths[col] = width
    for r, figure in enumerate(paper.prior_year, start=1):
        sheet.text(r, 0, figure.item, "cell_text")
        sheet.number(r, 1, figure.amount, "yuan")
        cell_id = f"上年.{figure.item}"
        # the 元 figure is data; its 万元 is a formula over the cell beside it
        sheet.formula(r, 2, cell_id, to_wan(Data(PRIOR_YEAR_SHEET, r, 1, figure.amount)), "money")
        sheet.names.append((f"上年_{name_part(figure.item)}", cell_id))
        sheet.text(r, 3, figure.source.file, "cell_text")
        sheet.text(r, 4, figure.source.sheet, "cell_text")
        sheet.number(r, 5, figure.source.row, "integer")
    sheet.freeze = (1, 0)
    return sheet


STAFFING_FIELDS = ("编制数", "在职人数", "退休人数", "实有人数")


def staffing_fields(staff) -> list[tuple[str, int | None]]:
    return list(zip(STAFFING_FIELDS, (staff.authorised, staff.serving, staff.retired,
                                      staff.actual)))


def staffing_name(staff, field: str) -> str:
    """基础信息_行政编制_编制数; the typed total row: 基础信息_手填合计_编制数. The category as
    the office wrote it, without brackets or punctuation (Excel refuses them in a name)."""
    row = "手填合计" if staff.is_typed_total else name_part(staff.category)
    return f"基础信息_{row}_{field}"


def hand_kept_name(figure: HandKeptFigure) -> str:
    """基础信息_三公_公务接待费_预算数, 基础信息_资产_通用设备, 基础信息_采购_货物,
    基础信息_绩效_上年结转结余预算数 …"""
    return f"基础信息_{figure.group}_{figure.key}"


# The hand-kept blocks of 基础信息: (title, the figures' attribute of WorkingPaper, what it
# means when the office gave none).
HAND_KEPT_BLOCKS = (
    ("“三公”经费预算及相关统计数（预算数为元；标明「手填合计」的行为原表手填数，核对时与各项之和比较）",
     "sangong", "输入目录中没有三公经费预算表和统计表：公开07表的预算数列为「未提供」"),
    ("国有资产占用（金额为元，车辆、设备为数量；标明「手填合计」的行为原表手填数）",
     "assets", "输入目录中没有国有资产占用表：公开10表列为「未提供」"),
    ("政府采购（元；标明「手填合计」的行为原表手填数）",
     "procurement", "输入目录中没有政府采购表"),
    ("绩效评价基础数据（金额为元，编制数、在职人员数为人数；绩效自评的比率由此计算）",
     "performance_basis", "输入目录中没有绩效评价基础数据表：绩效自评中用到它的比率列为「未提供」"),
)


def _hand_kept_block(sheet: Sheet, row: int, title: str, figures: list[HandKeptFigure],
                     absent: str) -> int:
    """One block of hand-kept figures, each a named input cell (元 as Decimal, counts as int)
    with its source; ``absent`` instead when the office gave none. Returns the next free row."""
    sheet.text(row, 0, title, "section")
    row += 1
    if not figures:
        sheet.text(row, 0, absent, "cell_text")
        return row + 2
    for col, header in enumerate(["项目", "数", "计量单位", "来源", "来源行"]):
        sheet.text(row, col, header, "header")
    row += 1
    for figure in figures:
        label = figure.item + ("（手填合计）" if figure.is_typed_total else "")
        sheet.text(row, 0, label, "label_total" if figure.is_typed_total else "cell_text")
        sheet.named_number(row, 1, hand_kept_name(figure), figure.value,
                           "integer" if isinstance(figure.value, int) else "yuan")
        sheet.text(row, 2, figure.measure, "cell_text")
        sheet.text(row, 3, f"{figure.source.file}「{figure.source.sheet}」", "cell_text")
        sheet.number(row, 4, figure.source.row, "integer")
        row += 1
    return row + 1


def basic_info_sheet(paper: WorkingPaper) -> Sheet:
    """Units, staffing, 三公, 国有资产占用, 政府采购 and 绩效评价基础数据 as the office keeps
    them; typed totals are kept and marked."""
    sheet = Sheet(BASIC_INFO_SHEET, tab_color="#548235")
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
        for col, (field, value) in enumerate(staffing_fields(staff), start=1):
            if value is not None:
                sheet.named_number(row, col, staffing_name(staff, field), value, "integer")
        sheet.text(row, 5, f"{staff.source.file}「{staff.source.sheet}」", "cell_text")
        sheet.number(row, 6, staff.source.row, "integer")
        row += 1
    row += 1
    for title, attribute, absent in HAND_KEPT_BLOCKS:
        row = _hand_kept_block(sheet, row, title, getattr(paper, attribute), absent)
    sheet.col_widths[1] = max(sheet.col_widths.get(1, 0), 16)
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
