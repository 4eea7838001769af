"""Classification tables (公开02/03/05/08/09表): 合计, then every 功能分类 类/款/项 with lines,
depth-first.  Leaves are queries over 底稿; 款, 类 and 合计 are sums of the rows below; a
column written over other columns (小计 = 基本支出 + 项目支出) is that formula on every row."""

from __future__ import annotations

from dataclasses import dataclass

from ..classification import Codebook
from ..expr import Binary, Call, Criterion, Node, Number, Ref, Sum, Text, bind, fill_text, narrow
from ..model import Sheet
from ..templates import Column, TableLayout, Template
from ..working_paper import WorkingPaper
from .build import YUAN, place_amount
from .sheets import TableFrame

CODE_COLUMN = "功能分类科目"
# Lines without a 功能分类 code (income often comes so): their own highlighted row, so 合计 still
# equals 公开01表 and nobody publishes the gap unnoticed (核对表 lists them per file and account).
UNCLASSIFIED = "未分类"
UNCLASSIFIED_LABEL = "未分类（缺少支出功能分类科目，发布前须补正）"


def build_classification(layout: TableLayout, paper: WorkingPaper, template: Template) -> Sheet:
    prefix, columns = layout.name_prefix, layout.columns
    frame = TableFrame(layout, paper, n_amount_cols=len(columns), visible_cols=2 + len(columns))
    sheet = frame.sheet
    top = frame.header_top
    group_header, code_header, name_header = layout.headers

    # two-row header: 项目 over 科目编码 | 科目名称; an amount header merged down, or under the
    # group header its neighbours share (本年支出 over 小计 | 基本支出 | 项目支出)
    sheet.text(top, 0, group_header, "header")
    sheet.merge(top, 0, top, 1)
    sheet.text(top + 1, 0, code_header, "header")
    sheet.text(top + 1, 1, name_header, "header")
    for i, column in enumerate(columns):
        if column.group is None:
            sheet.text(top, 2 + i, column.label, "header")
            sheet.merge(top, 2 + i, top + 1, 2 + i)
            continue
        sheet.text(top + 1, 2 + i, column.label, "header")
        if i == 0 or columns[i - 1].group != column.group:
            span = next((j for j in range(i, len(columns)) if columns[j].group != column.group),
                        len(columns))
            sheet.text(top, 2 + i, column.group, "header")
            sheet.merge(top, 2 + i, top, 1 + span)
        else:
            sheet.text(top, 2 + i, "", "header")
    sheet.text(top + 2, 0, "栏次", "header")
    sheet.merge(top + 2, 0, top + 2, 1)
    for i in range(len(columns)):
        sheet.number(top + 2, 2 + i, i + 1, "header_number")
    frame.yuan_headers(top + 1, [f"{c.label}（元）" for c in columns])
    first_data = top + 3

    codebook = paper.functions or template.functions
    lines = [line for query in layout.rows_from for line in paper.matching(query)]
    codes = {line.function_code for line in lines if line.function_code}
    tree = code_tree(codes, codebook)
    rows = [("合计", None)] + [(code, codebook.name(code)) for code in tree.order]
    if layout.unclassified_row and any(not line.function_code for line in lines):
        rows.append((UNCLASSIFIED, None))
        tree.roots.append(UNCLASSIFIED)
    sheet.row_keys = [code for code, _ in rows]

    for r, (code, name) in enumerate(rows):
        row = first_data + r
        is_total = code == "合计"
        if is_total:
            sheet.text(row, 0, "合计", "label_total")
            sheet.merge(row, 0, row, 1)
        elif code == UNCLASSIFIED:
            sheet.text(row, 0, UNCLASSIFIED_LABEL, "label_flagged")
            sheet.merge(row, 0, row, 1)
        else:
            sheet.text(row, 0, code, "code")
            sheet.text(row, 1, name or "（科目编码不在分类表中）", _name_style(code))
        for i, column in enumerate(columns):
            place_amount(sheet, row, 2 + i, frame.yuan_cols[i], f"{prefix}.{code}.{column.id}",
                         f"{prefix}_{code}_{column.id}",
                         _expression(prefix, code, column, columns, tree),
                         "money_flagged" if code == UNCLASSIFIED
                         else "money_total" if is_total or len(code) == 3 else "money")
    notes = []
    if layout.empty_note is not None:
        notes.append((f"{prefix}.无数据说明", _empty_note(layout, paper.year)))
    frame.finish(first_data + len(rows) - 1, code_col_width=11, live_notes=notes)
    return sheet


def _empty_note(layout: TableLayout, year: int) -> Node:
    """The official note of a table without data, live: shown while every amount of 合计 is 0."""
    zeros = tuple(Binary("=", Ref(f"{layout.name_prefix}.合计.{c.id}{YUAN}"), Number(0))
                  for c in layout.columns)
    text = "注：" + fill_text(layout.empty_note, {"year": str(year)})
    return Call("IF", (Call("AND", zeros), Text(text), Text("")))


def _name_style(code: str) -> str:
    return {3: "name_class", 5: "name_item"}.get(len(code), "name_sub")


@dataclass
class CodeTree:
    order: list[str]                  # depth-first: 类, its 款, their 项 …
    children: dict[str, list[str]]
    own_lines: set[str]               # codes that carry lines themselves
    roots: list[str]


def code_tree(codes: set[str], codebook: Codebook) -> CodeTree:
    nodes: set[str] = set()
    for code in codes:
        nodes.update(codebook.ancestors(code) or [code])
    children: dict[str, list[str]] = {n: [] for n in nodes}
    roots = []
    for node in sorted(nodes):
        parent = codebook.parent(node)
        if parent and parent in nodes:
            children[parent].append(node)
        else:
            roots.append(node)
    order: list[str] = []

    def walk(node: str):
        order.append(node)
        for child in children[node]:
            walk(child)

    for root in roots:
        walk(root)
    return CodeTree(order, children, set(codes), roots)


def _expression(prefix: str, code: str, column: Column, columns: list[Column],
                tree: CodeTree) -> Node:
    def ref(row: str, col: Column) -> Ref:
        return Ref(f"{prefix}.{row}.{col.id}{YUAN}")

    if column.sum_row:
        return Sum(tuple(ref(code, c) for c in columns if c.value is not None
                         and not c.of_columns))
    if column.of_columns:
        by_id = {c.id: c for c in columns}
        return bind(column.value, {name: ref(code, by_id[name]) for name in by_id})
    if code == "合计":
        # a table without rows (no such funds) still totals its query: 0, never a blank
        return Sum(tuple(ref(r, column) for r in tree.roots)) if tree.roots else column.value
    own = narrow(column.value, (Criterion(CODE_COLUMN, "" if code == UNCLASSIFIED else code),))
    kids = tree.children.get(code, [])
    if not kids:
        return own
    parts: list[Node] = [ref(k, column) for k in kids]
    if code in tree.own_lines:
        parts.append(own)         # lines booked on the 类/款 itself still count
    return Sum(tuple(parts))
