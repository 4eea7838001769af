"""The office's 绩效指标 sheet as a 部门整体支出绩效自评 is typed by hand: a merged title, the
header, each 一级 merged down over its block, each 二级 merged down over its indicators, the
office's own 小计 (三级 column), 一级 合计 (二级 column), 总计 (一级 column) and 评价等级 rows,
every score and total typed (never formulas)."""

from __future__ import annotations

from dataclasses import dataclass

from ..money import D

HEADER = ["一级指标", "二级指标", "三级指标", "分值", "指标值", "实际完成值", "评分标准", "自评得分",
          "得分率", "说明"]
WIDTHS = [8, 12, 18, 6, 9, 18, 46, 8, 8, 24]


@dataclass(frozen=True)
class Indicator:
    """A 三级指标 as the office typed it; ``rate`` as typed ("66.7%")."""

    name: str
    weight: D
    score: D
    rate: str
    criterion: str
    actual: str = ""
    target: str = ""
    note: str = ""


@dataclass(frozen=True)
class Typed:
    """A total row the office typed: its label, 分值, 自评得分 and 得分率."""

    label: str
    weight: D
    score: D
    rate: str


@dataclass(frozen=True)
class Level2:
    name: str
    indicators: tuple[Indicator, ...]
    subtotal: Typed | None = None       # typed in the 三级 column under the indicators


@dataclass(frozen=True)
class Level1:
    name: str
    groups: tuple[Level2, ...]
    total: Typed | None = None          # typed in the 二级 column under the block


def _height(i: Indicator) -> float:
    """A row tall enough for its wrapped texts (Excel does not grow rows a script wrote)."""
    lines = max(-(-sum(2 if ord(c) > 0x2E80 else 1 for c in text) // WIDTHS[col])
                for col, text in ((2, i.name), (5, i.actual), (6, i.criterion), (9, i.note)))
    return 14.25 * max(1, lines)


def fraction(rate: str) -> D:
    """"66.7%" → 0.667, as Excel stores a percent typed into a cell formatted 0.0%."""
    return D(rate.removesuffix("%")).scaleb(-2)


def indicator_sheet(wb, f, name: str, title: str, tree: tuple[Level1, ...], total: Typed,
                    grade: str) -> None:
    """绩效指标: scores as numbers, 得分率 of indicators and 小计 as percent-formatted numbers,
    those of the 一级 and overall totals as text ("93.7%"): offices mix both."""
    ws = wb.add_worksheet(name)
    wrap = wb.add_format({"border": 1, "font_name": "宋体", "text_wrap": True, "valign": "vcenter"})
    level = wb.add_format({"border": 1, "font_name": "宋体", "text_wrap": True, "align": "center",
                           "valign": "vcenter"})
    number = wb.add_format({"border": 1, "font_name": "宋体", "valign": "vcenter"})
    percent = wb.add_format({"border": 1, "font_name": "宋体", "num_format": "0.0%",
                             "valign": "vcenter"})
    bold = wb.add_format({"border": 1, "font_name": "宋体", "bold": True, "valign": "vcenter"})
    for col, width in enumerate(WIDTHS):
        ws.set_column(col, col, width)
    ws.merge_range(0, 0, 0, len(HEADER) - 1, title, f["title"])
    for col, head in enumerate(HEADER):
        ws.write_string(1, col, head, f["head"])

    def figures(row: int, t: Typed, as_text: bool) -> None:
        ws.write_number(row, 3, float(t.weight), number)
        ws.write_number(row, 7, float(t.score), number)
        if as_text:
            ws.write_string(row, 8, t.rate, bold)
        else:
            ws.write_number(row, 8, float(fraction(t.rate)), percent)

    def down(top: int, bottom: int, col: int, text: str) -> None:
        if bottom > top:
            ws.merge_range(top, col, bottom, col, text, level)
        else:
            ws.write_string(top, col, text, level)

    row = 2
    for block in tree:
        first = row
        for group in block.groups:
            top = row
            for i in group.indicators:
                ws.write_string(row, 2, i.name, wrap)
                ws.write_number(row, 3, float(i.weight), number)
                for col, text in ((4, i.target), (5, i.actual), (6, i.criterion), (9, i.note)):
                    if text:
                        ws.write_string(row, col, text, wrap)
                    else:
                        ws.write_blank(row, col, None, wrap)
                ws.write_number(row, 7, float(i.score), number)
                ws.write_number(row, 8, float(fraction(i.rate)), percent)
                ws.set_row(row, _height(i))
                row += 1
            down(top, row - 1, 1, group.name)
            if group.subtotal is not None:       # 二级 column left blank: the group above
                ws.write_blank(row, 1, None, level)
                ws.write_string(row, 2, group.subtotal.label, bold)
                figures(row, group.subtotal, as_text=False)
                row += 1
        if block.total is not None:
            ws.write_string(row, 1, block.total.label, bold)
            ws.write_blank(row, 2, None, level)
            figures(row, block.total, as_text=True)
            row += 1
        down(first, row - 1, 0, block.name)
    ws.merge_range(row, 0, row, 2, total.label, bold)
    figures(row, total, as_text=True)
    ws.merge_range(row + 1, 0, row + 1, 2, "评价等级", bold)
    ws.write_string(row + 1, 7, grade, bold)
    ws.freeze_panes(2, 0)
    ws.repeat_rows(1)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
