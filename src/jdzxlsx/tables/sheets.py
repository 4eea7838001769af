"""The frame every 公开表 shares: title, table code, 编制单位 / 单位：万元 line, hidden 元 columns,
footnotes, freeze panes and print setup (A4 landscape, one page wide, header rows repeated)."""

from __future__ import annotations

from ..expr import Node
from ..model import Sheet
from ..templates import TableLayout
from ..working_paper import WorkingPaper

TITLE_ROW, CODE_ROW, UNIT_ROW, HEADER_TOP = 0, 1, 2, 3


class TableFrame:
    def __init__(self, layout: TableLayout, paper: WorkingPaper, n_amount_cols: int,
                 visible_cols: int):
        self.layout = layout
        self.paper = paper
        self.sheet = Sheet(layout.code, tab_color="#1F4E79")
        self.visible_cols = visible_cols
        gap = self.visible_cols        # one empty column between the table and its 元 block
        self.yuan_cols = [gap + 1 + i for i in range(n_amount_cols)]
        self.header_top = HEADER_TOP
        last = self.visible_cols - 1
        sheet = self.sheet
        sheet.text(TITLE_ROW, 0, layout.title, "title")
        sheet.merge(TITLE_ROW, 0, TITLE_ROW, last)
        sheet.row_heights[TITLE_ROW] = 30
        sheet.text(CODE_ROW, last, layout.code, "table_code")
        sheet.text(UNIT_ROW, 0, f"编制单位：{paper.department}", "unit_line")
        sheet.merge(UNIT_ROW, 0, UNIT_ROW, max(1, last // 2))
        period = (f"{paper.year}年度" if paper.period_end.endswith("-12")
                  else f"{paper.year}年1—{int(paper.period_end[5:])}月")
        middle = max(2, last // 2 + 1)
        if middle < last:
            sheet.text(UNIT_ROW, middle, period, "unit_line_center")
        sheet.text(UNIT_ROW, last, "单位：万元", "unit_line_right")

    def yuan_headers(self, row: int, labels: list[str]) -> None:
        for col, label in zip(self.yuan_cols, labels):
            self.sheet.text(row, col, label, "yuan_header")
        self.sheet.text(row - 1, self.yuan_cols[0], "计算列（元，勿打印）：万元数 = ROUND(元/10000,2)",
                        "yuan_note")

    def finish(self, last_data_row: int, label_cols: list[int] | None = None,
               code_col_width: float | None = None,
               live_notes: list[tuple[str, Node]] = (), first_data: int | None = None) -> None:
        """``label_cols``: where each side of a two-sided table begins (项目 | 行次 | 金额…);
        otherwise a classification table (编码 | 名称 | 金额…).  ``live_notes``: notes under
        the footnotes that are formulas (cell id, text formula), e.g. 本表无数据."""
        sheet = self.sheet
        last_col = self.visible_cols - 1
        row = last_data_row + 1
        for note in self.layout.footnotes:
            sheet.text(row, 0, note, "footnote")
            sheet.merge(row, 0, row, last_col)
            row += 1
        for cell_id, expr in live_notes:
            sheet.formula(row, 0, cell_id, expr, "footnote")
            sheet.merge(row, 0, row, last_col)
            row += 1
        if label_cols is not None:
            for col in range(self.visible_cols):
                sheet.col_widths[col] = 16
            for col in label_cols:
                sheet.col_widths[col] = 34
                sheet.col_widths[col + 1] = 6
        else:
            sheet.col_widths[0] = code_col_width or 11
            sheet.col_widths[1] = 30
            for col in range(2, self.visible_cols):
                sheet.col_widths[col] = 15
        sheet.col_widths[self.visible_cols] = 3
        for col in self.yuan_cols:
            sheet.col_widths[col] = 18
            sheet.hidden_cols.add(col)
        first_data = first_data if first_data is not None else self.header_top + 3
        sheet.freeze = (first_data, 0)
        sheet.repeat_rows = (self.header_top, first_data - 1)
        sheet.print_area = (0, 0, row - 1, last_col)
        # a short table prints on one page (scaled down a little if need be); a long one runs on
        # as many pages as it needs, the header rows repeated on each
        body_rows = row - first_data
        sheet.pages_tall = self.layout.pages_tall or (1 if body_rows <= self.layout.one_page_rows
                                                      else 0)
