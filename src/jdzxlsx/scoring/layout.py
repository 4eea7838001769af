"""The columns of the 绩效自评 sheet and the small helpers its blocks share."""

from __future__ import annotations

import math
from decimal import Decimal

from ..expr import Call, Node, Number
from ..model import Sheet

# (header, width): the indicator tree; 单位自评 spans the office's typed 分值 | 得分 | 得分率
COLUMNS = [("一级指标", 8), ("二级指标", 11), ("三级指标", 16), ("分值", 6), ("指标值", 10),
           ("实际完成值\n（单位填报）", 11), ("目标\n（数）", 9), ("实际值\n（计算）", 10), ("评分规则", 34),
           ("得分", 7), ("得分率", 8), ("分值", 6), ("得分", 7), ("得分率", 8), ("说明", 18)]
TYPED_HEADER = "单位自评得分（手填）"
(LEVEL1, LEVEL2, NAME, WEIGHT, TARGET_TEXT, ACTUAL_TEXT, TARGET, ACTUAL, RULE, SCORE, RATE,
 TYPED_WEIGHT, TYPED_SCORE, TYPED_RATE, NOTE) = range(len(COLUMNS))
LAST = len(COLUMNS) - 1
TITLE_ROW, SUBTITLE_ROW, HEADER_TOP = 0, 1, 3
FIRST_DATA = HEADER_TOP + 2
NOT_GIVEN = "未提供"
PREFIX = "绩效_"
CELL = "绩效."


def settle(node: Node, digits: int) -> Node:
    """ROUND(ROUND(node, 9), digits): the 9-place rounding takes off a double's last bits (a
    computed half, 0.0275 held as 0.027499999…, stays a half), so a spreadsheet rounds it as
    Python's exact decimals do.  Every score, rate and 得分率 of the sheet is rounded so."""
    return Call("ROUND", (Call("ROUND", (node, Number(9))), Number(digits)))


def named_text(sheet: Sheet, row: int, col: int, name: str, text: str, style: str) -> None:
    """Input text in a cell with a defined name (the office's typed grade)."""
    sheet.named_data[name] = (row, col, text)
    sheet.range_names.append((name, row, col, row, col))
    sheet.text(row, col, text, style)


def blank_row(sheet: Sheet, row: int, taken: set[int]) -> None:
    """Borders on the cells of a tree row nothing was written to."""
    for col in range(len(COLUMNS)):
        if col not in taken:
            sheet.text(row, col, "", "cell_text")


def percent_text(value: Decimal) -> str:
    """0.85 → 85%, 0.1 → 10%, 1 → 100% (a threshold as 评分规则 shows it)."""
    text = format((value * 100).normalize(), "f")
    return text + "%"


LINE_HEIGHT = 13.5          # points per line of 10-point 宋体
WRAPPED = ("note", "level", "header")


def _units(text: str) -> float:
    """Width in column-width units (the digit 0 of the default font): a CJK character or
    full-width sign of 10-point 宋体 takes about one and a half."""
    return sum(1.6 if ord(ch) >= 0x2E80 else 1 for ch in text)


def fit_rows(sheet: Sheet) -> None:
    """Row heights for wrapped text (a spreadsheet does not grow a row's height itself for a
    file it opens): the most lines any wrapped cell of the row needs in its (merged) width."""
    spans = {(r1, c1): (r2, sum(sheet.col_widths.get(c, 8.43) for c in range(c1, c2 + 1)))
             for r1, c1, r2, c2 in sheet.merges}
    for cell in sheet.cells:
        if cell.kind != "text" or cell.style not in WRAPPED or not cell.text:
            continue
        last, width = spans.get((cell.row, cell.col),
                                (cell.row, sheet.col_widths.get(cell.col, 8.43)))
        lines = sum(max(1, math.ceil(_units(part) / max(width - 1, 1)))
                    for part in cell.text.split("\n"))
        rows = last - cell.row + 1
        height = LINE_HEIGHT * lines / rows + 2
        for row in range(cell.row, last + 1):
            if height > sheet.row_heights.get(row, LINE_HEIGHT + 2):
                sheet.row_heights[row] = round(height, 1)
