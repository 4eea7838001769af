"""Two-sided tables (公开01表): 收入 on the left, 支出 on the right, each side with its own
amount columns; 行次 run down the left side, then the right; 栏次 run across both sides."""

from __future__ import annotations

from ..errors import TemplateError
from ..expr import Node, Ref, Sum, bind, names, narrow, queries
from ..model import Sheet
from ..templates import Amount, Row, Side, TableLayout, Template
from ..working_paper import WorkingPaper
from .build import YUAN, place_amount
from .sheets import TableFrame


def _cell_id(layout: TableLayout, side: Side, row: str, amount: Amount) -> str:
    if len(side.amounts) == 1 and amount.id is None:
        return f"{layout.name_prefix}.{row}"
    return f"{layout.name_prefix}.{row}.{amount.id}"


def _corresponding(side: Side, amount: Amount) -> Amount:
    """The amount column of ``side`` a formula in ``amount``'s column reads."""
    same = [a for a in side.amounts if a.id == amount.id]
    if same:
        return same[0]
    if len(side.amounts) == 1:
        return side.amounts[0]
    raise TemplateError(f"金额栏「{amount.label}」引用的另一侧没有同名的栏（id {amount.id}）。")


def _value(row: Row, paper: WorkingPaper) -> Node:
    """The row's value, or its fallback when no 底稿 line meets the value's queries."""
    if row.fallback is not None and not any(paper.matching(q) for q in queries(row.value)):
        return row.fallback
    return row.value


def build_two_sided(layout: TableLayout, paper: WorkingPaper, template: Template) -> Sheet:
    sides = layout.sides
    widths = [2 + len(side.amounts) for side in sides]
    firsts = [0, widths[0]]
    body_rows = max(len(s.body) for s in sides)
    rows_per_side = body_rows + max(len(s.tail) for s in sides)
    frame = TableFrame(layout, paper, n_amount_cols=sum(len(s.amounts) for s in sides),
                       visible_cols=sum(widths))
    sheet = frame.sheet
    top = frame.header_top
    yuan_col = iter(frame.yuan_cols)
    yuan_cols: dict[tuple[int, int], int] = {}
    column_number = 1
    yuan_labels = []
    for s, (side, first) in enumerate(zip(sides, firsts)):
        sheet.text(top, first, side.header, "header")
        sheet.merge(top, first, top, first + widths[s] - 1)
        for offset, label in enumerate(side.columns + [a.label for a in side.amounts]):
            sheet.text(top + 1, first + offset, label, "header")
        sheet.text(top + 2, first, "栏次", "header")
        sheet.text(top + 2, first + 1, "", "header")
        for j, amount in enumerate(side.amounts):
            sheet.number(top + 2, first + 2 + j, column_number, "header_number")
            column_number += 1
            yuan_cols[(s, j)] = next(yuan_col)
            yuan_labels.append(f"{side.header}{amount.label}（元）")
    frame.yuan_headers(top + 1, yuan_labels)
    if any(len(a.label) > 7 for side in sides for a in side.amounts):
        sheet.row_heights[top + 1] = 30          # 政府性基金预算财政拨款 wraps onto two lines
    first_data = top + 3

    where = {row.id: s for s, side in enumerate(sides) for row in side.body + side.tail
             if not row.blank}

    def yuan_ref(name: str, amount: Amount) -> Node:
        side = sides[where[name]]
        return Ref(_cell_id(layout, side, name, _corresponding(side, amount)) + YUAN)

    for s, side in enumerate(sides):
        for i in range(rows_per_side):
            row = first_data + i
            label_col = firsts[s]
            sheet.number(row, label_col + 1, s * rows_per_side + i + 1, "row_number")
            entry = side.body[i] if i < len(side.body) else (
                side.tail[i - body_rows] if body_rows <= i < body_rows + len(side.tail) else None)
            is_total = i >= body_rows
            if entry is None or entry.blank:
                sheet.text(row, label_col, "", "label")
                for j in range(len(side.amounts)):
                    sheet.text(row, label_col + 2 + j, "", "money")
                continue
            sheet.text(row, label_col, entry.label, "label_total" if is_total else "label")
            for j, amount in enumerate(side.amounts):
                cell_id = _cell_id(layout, side, entry.id, amount)
                if amount.sum_row:
                    expr: Node = Sum(tuple(Ref(_cell_id(layout, side, entry.id, a) + YUAN)
                                           for a in side.amounts if not a.sum_row))
                elif entry.sum_body:
                    expr = Sum(tuple(Ref(_cell_id(layout, side, r.id, amount) + YUAN)
                                     for r in side.body if not r.blank))
                else:
                    value = _value(entry, paper)
                    expr = bind(value, {n: yuan_ref(n, amount) for n in names(value)})
                    expr = narrow(expr, amount.part)
                place_amount(sheet, row, label_col + 2 + j, yuan_cols[(s, j)], cell_id,
                             layout.amount_name(side, entry.id, amount), expr,
                             "money_total" if is_total else "money")
    sheet.row_keys = layout.row_ids()
    frame.finish(first_data + rows_per_side - 1, label_cols=firsts)
    return sheet
