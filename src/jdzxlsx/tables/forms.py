"""Fixed forms: 公开07表 (``grid``: one row of amounts under nested headers) and 公开10表
(``list``: 项目 | 行次 | 计量单位 | value).  Their cells read the office's hand-kept sheets
(基础信息_…) and 底稿.  A cell whose input the office did not give reads 「未提供」 and defines no
name, so a check citing it is 未核对 — never a 0 nobody typed."""

from __future__ import annotations

from ..expr import Node, Ref, bind, names
from ..model import Sheet, Workbook
from ..templates import TableLayout
from ..working_paper import WorkingPaper
from .build import YUAN, place_amount
from .sheets import TableFrame

NOT_GIVEN = "未提供"


def missing_ids(values: dict[str, Node], book: Workbook) -> set[str]:
    """The ids whose formula needs an input name the workbook lacks, directly or through
    another id of the table."""
    given = book.data_names()
    missing: set[str] = set()
    done: set[str] = set()

    def visit(item: str) -> bool:
        if item not in done:
            done.add(item)
            for name in names(values[item]):
                if (name in values and visit(name)) or (name not in values
                                                         and name not in given):
                    missing.add(item)
        return item in missing

    for item in values:
        visit(item)
    return missing


def build_grid(layout: TableLayout, paper: WorkingPaper, book: Workbook) -> Sheet:
    columns, prefix = layout.form.grid, layout.name_prefix
    frame = TableFrame(layout, paper, n_amount_cols=len(columns), visible_cols=len(columns))
    sheet = frame.sheet
    top = frame.header_top
    depth = max(len(c.header) for c in columns)
    for level in range(depth):
        col = 0
        while col < len(columns):
            path = columns[col].header
            if len(path) <= level:          # covered by the header merged down above it
                col += 1
                continue
            span = col + 1
            while (span < len(columns) and columns[span].header[:level + 1] == path[:level + 1]
                   and len(columns[span].header) > level):
                span += 1
            sheet.text(top + level, col, path[level], "header")
            leaf = len(path) == level + 1
            sheet.merge(top + level, col, top + depth - 1 if leaf else top + level, span - 1)
            col = span
    for i in range(len(columns)):                   # 栏次 1 … N under the headers
        sheet.number(top + depth, i, i + 1, "header_number")
    frame.yuan_headers(top + depth - 1, ["/".join(c.header) + "（元）" for c in columns])
    data_row = top + depth + 1

    values = {c.id: c.value for c in columns}
    absent = missing_ids(values, book)
    refs = {c.id: Ref(f"{prefix}.{c.id}{YUAN}") for c in columns}
    for i, column in enumerate(columns):
        if column.id in absent:
            sheet.text(data_row, i, NOT_GIVEN, "label_flagged")
            continue
        place_amount(sheet, data_row, i, frame.yuan_cols[i], f"{prefix}.{column.id}",
                     f"{prefix}_{column.id}", bind(column.value, refs), "money")
    frame.finish(data_row, first_data=top + depth + 1)
    for col in range(len(columns)):
        sheet.col_widths[col] = 13
    return sheet


def build_list(layout: TableLayout, paper: WorkingPaper, book: Workbook) -> Sheet:
    rows, prefix = layout.form.rows, layout.name_prefix
    frame = TableFrame(layout, paper, n_amount_cols=1, visible_cols=4)
    sheet = frame.sheet
    top = frame.header_top
    for col, header in enumerate(layout.form.headers):
        sheet.text(top, col, header, "header")
        sheet.merge(top, col, top + 1, col)
    sheet.text(top + 2, 0, "栏次", "header")
    for col in (1, 2):
        sheet.text(top + 2, col, "", "header")
    sheet.number(top + 2, 3, 1, "header_number")
    frame.yuan_headers(top + 1, ["金额（元）"])
    first_data = top + 3

    values = {r.id: r.value for r in rows}
    absent = missing_ids(values, book)
    refs = {r.id: Ref(f"{prefix}.{r.id}" + (YUAN if r.is_money else "")) for r in rows}
    for i, entry in enumerate(rows):
        row = first_data + i
        sheet.text(row, 0, entry.label, "label")
        sheet.number(row, 1, i + 1, "row_number")
        sheet.text(row, 2, entry.unit, "cell_text")
        if entry.id in absent:
            sheet.text(row, 3, NOT_GIVEN, "label_flagged")
        elif entry.is_money:
            place_amount(sheet, row, 3, frame.yuan_cols[0], f"{prefix}.{entry.id}",
                         f"{prefix}_{entry.id}", bind(entry.value, refs), "money")
        else:
            sheet.formula(row, 3, f"{prefix}.{entry.id}", bind(entry.value, refs), "count")
            sheet.names.append((f"{prefix}_{entry.id}", f"{prefix}.{entry.id}"))
    frame.finish(first_data + len(rows) - 1, label_cols=[0])
    sheet.col_widths.update({0: 34, 1: 6, 2: 10, 3: 16})
    return sheet

