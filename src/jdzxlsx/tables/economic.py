"""公开06表: 经济分类 in column blocks side by side (科目编码 | 科目名称 | 决算数 each), every 款 of
the year's list printed under its 类 (zero rows too), and group totals on the last row
(人员经费合计 under 人员经费, 公用经费合计 under the 公用经费 blocks).

A 类 row is the query of its own code (every line whose 经济分类 begins with it), not the sum of
the printed 款: a 款 missing from the list then shows as a gap the 核对表 hierarchy rule finds,
instead of vanishing from the total."""

from __future__ import annotations

from ..classification import Codebook
from ..expr import Query, Ref, Sum, fill, queries
from ..model import Sheet
from ..templates import TableLayout, Template
from ..working_paper import WorkingPaper
from .build import YUAN, place_amount
from .sheets import TableFrame

ECONOMIC_COLUMN = "经济分类科目"
UNLISTED_NAME = "（科目编码不在分类表中）"


def block_codes(layout: TableLayout, paper: WorkingPaper, economics: Codebook) -> list[list[str]]:
    """The codes each block prints, in order: a 类 then its 款 (the year's list, plus any 款 the
    lines use that the list lacks); a ``when_used`` 类 only when lines use it."""
    used = {line.economic_code for query in queries(layout.form.row_value)
            for line in paper.matching(_without_code(query))}
    blocks = []
    for block in layout.form.blocks:
        classes = block.classes + [c for c in block.when_used
                                   if any(code.startswith(c) for code in used)]
        codes = []
        for klass in classes:
            items = {c for c in economics.names if len(c) == 5 and c.startswith(klass)}
            items |= {c[:5] for c in used if len(c) >= 5 and c.startswith(klass)}
            codes += [klass] + sorted(items)
        blocks.append(codes)
    return blocks


def _without_code(query: Query) -> Query:
    """The row query with its 经济分类 criterion dropped: every line the table may show."""
    return Query(query.table, tuple(c for c in query.criteria if c.column != ECONOMIC_COLUMN),
                 query.amount)


def build_economic(layout: TableLayout, paper: WorkingPaper, template: Template) -> Sheet:
    form, prefix = layout.form, layout.name_prefix
    blocks = block_codes(layout, paper, template.economics)
    frame = TableFrame(layout, paper, n_amount_cols=len(blocks), visible_cols=3 * len(blocks))
    sheet = frame.sheet
    top = frame.header_top
    code_header, name_header, amount_header = form.headers

    for b, block in enumerate(form.blocks):
        first = 3 * b
        if b == 0 or form.blocks[b - 1].header != block.header:
            span = next((j for j in range(b, len(form.blocks))
                         if form.blocks[j].header != block.header), len(form.blocks))
            sheet.text(top, first, block.header, "header")
            sheet.merge(top, first, top, 3 * span - 1)
        else:
            for col in range(first, first + 3):
                sheet.text(top, col, "", "header")
        for offset, label in enumerate((code_header, name_header, amount_header)):
            sheet.text(top + 1, first + offset, label, "header")
        sheet.text(top + 2, first, "栏次", "header")
        sheet.merge(top + 2, first, top + 2, first + 1)
        sheet.number(top + 2, first + 2, b + 1, "header_number")
    frame.yuan_headers(top + 1, [f"{block.header}（元）" for block in form.blocks])
    first_data = top + 3

    depth = max(len(codes) for codes in blocks)
    class_refs: dict[str, list[Ref]] = {}
    printed = []
    for b, codes in enumerate(blocks):
        first = 3 * b
        for i in range(depth):
            row = first_data + i
            if i >= len(codes):
                for col in range(first, first + 3):
                    sheet.text(row, col, "", "money")
                continue
            code = codes[i]
            is_class = len(code) == 3
            name = template.economics.name(code) or UNLISTED_NAME
            sheet.text(row, first, code, "code")
            sheet.text(row, first + 1, name, "name_class" if is_class else "name_item")
            place_amount(sheet, row, first + 2, frame.yuan_cols[b], f"{prefix}.{code}",
                         f"{prefix}_{code}", fill(form.row_value, {"code": code}),
                         "money_total" if is_class else "money")
            printed.append(code)
            if is_class:
                class_refs.setdefault(form.blocks[b].header, []).append(
                    Ref(f"{prefix}.{code}{YUAN}"))

    total_row = first_data + depth
    for total in form.totals:
        members = [b for b, block in enumerate(form.blocks) if block.header == total.header]
        first, last = 3 * members[0], 3 * members[-1]
        sheet.text(total_row, first, total.label, "label_total")
        sheet.merge(total_row, first, total_row, last + 1)
        place_amount(sheet, total_row, last + 2, frame.yuan_cols[members[-1]],
                     f"{prefix}.{total.id}", f"{prefix}_{total.id}",
                     Sum(tuple(class_refs.get(total.header, ()))), "money_total")
    sheet.row_keys = printed
    frame.finish(total_row, code_col_width=9)
    for b in range(len(blocks)):
        sheet.col_widths[3 * b] = 9
        sheet.col_widths[3 * b + 1] = 24
        sheet.col_widths[3 * b + 2] = 13
    return sheet

