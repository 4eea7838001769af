"""公开表 as cells: layouts (templates/<year>/tables/*.toml) + 底稿 → sheets of the model.

Every amount appears twice on its sheet: a hidden 元 cell holding the query (SUMIFS over 底稿)
or the sum of other 元 cells, and the printed 万元 cell, ROUND(元/10000,2).  So each printed
figure is rounded on its own from 元 as the official 决算 software does, while totals remain
formulas over the cells above them.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..classification import Codebook, function_codebook
from ..errors import TemplateError
from ..model import Expr, Fen, Linear, Query, Ref, Sheet, Sum, ToWan, Workbook
from ..templates import load_toml
from ..working_paper import WorkingPaper
from .sheets import TableFrame

YUAN = ".元"

CHINESE_NUMERALS = "一二三四五六七八九十"


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一 (the numbering of 公开01表's rows)."""
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = ("" if tens == 1 else CHINESE_NUMERALS[tens - 1]) + "十"
    return head + (CHINESE_NUMERALS[ones - 1] if ones else "")


def table_names(year: int) -> list[str]:
    return list(load_toml(year, "workbook.toml")["tables"])


def layout(year: int, table: str) -> dict:
    return load_toml(year, f"tables/{table}.toml")


def build_tables(book: Workbook, paper: WorkingPaper) -> list[Sheet]:
    codebook = function_codebook(paper.year)
    sheets = []
    for table in table_names(paper.year):
        spec = layout(paper.year, table)
        builder = {"two_sided": build_two_sided,
                   "classification": build_classification}.get(spec.get("layout"))
        if builder is None:
            raise TemplateError(f"{table}: unknown layout {spec.get('layout')!r}")
        sheets.append(book.add(builder(spec, paper, codebook)))
    return sheets


def _criteria(query: dict) -> tuple[tuple[str, str], ...]:
    return tuple((str(k), str(v)) for k, v in query.items())


@dataclass
class AmountCell:
    """A printed amount and its 元 twin, as placed on a sheet."""

    cell_id: str
    name: str | None
    yuan_expr: Expr


def _place_amount(sheet: Sheet, row: int, col: int, yuan_col: int, amount: AmountCell,
                  style: str) -> None:
    sheet.formula(row, yuan_col, amount.cell_id + YUAN, Fen(amount.yuan_expr), "yuan")
    sheet.formula(row, col, amount.cell_id, ToWan(Ref(amount.cell_id + YUAN)), style)
    if amount.name:
        sheet.names.append((amount.name, amount.cell_id))


def _linear(text: str, resolve) -> Linear:
    """'a + b - c' → Linear over the cells the ids resolve to."""
    terms = []
    sign = 1
    for token in text.replace("+", " + ").replace("-", " - ").split():
        if token == "+":
            sign = 1
        elif token == "-":
            sign = -1
        else:
            terms.append((sign, resolve(token)))
            sign = 1
    return Linear(tuple(terms))


# ----------------------------------------------------------------------------- 01 (two-sided)
def build_two_sided(spec: dict, paper: WorkingPaper, codebook: Codebook) -> Sheet:
    prefix = spec["name_prefix"]
    sides = [spec["left"], spec["right"]]
    bodies = [_side_body(side, prefix, codebook) for side in sides]
    tails = [side.get("tail", []) for side in sides]
    body_rows = max(len(b) for b in bodies)
    tail_rows = max(len(t) for t in tails)
    rows_per_side = body_rows + tail_rows

    frame = TableFrame(spec, paper, n_amount_cols=2)
    sheet = frame.sheet
    label_cols = (0, 3)
    amount_cols = (2, 5)
    yuan_cols = frame.yuan_cols

    # header: 收入 | 支出 groups, then 项目 | 行次 | 金额 twice, then 栏次
    top = frame.header_top
    for side, first in zip(sides, (0, 3)):
        sheet.text(top, first, side["header"], "header")
        sheet.merge(top, first, top, first + 2)
        for offset, label in enumerate(side["columns"]):
            sheet.text(top + 1, first + offset, label, "header")
        sheet.text(top + 2, first, "栏次", "header")
        sheet.text(top + 2, first + 1, "", "header")
        sheet.number(top + 2, first + 2, side["column_number"], "header_number")
    frame.yuan_headers(top + 1, ["收入金额（元）", "支出金额（元）"])
    first_data = top + 3

    ids: dict[str, str] = {}

    def resolve(token: str) -> Ref:
        if token not in ids:
            raise TemplateError(f"{spec['code']}: expression names unknown row {token!r}")
        return Ref(ids[token] + YUAN)

    for side_index, (body, tail) in enumerate(zip(bodies, tails)):
        label_col, amount_col, yuan_col = (label_cols[side_index], amount_cols[side_index],
                                           yuan_cols[side_index])
        number_base = side_index * rows_per_side
        placed_body: list[str] = []
        for i in range(rows_per_side):
            row = first_data + i
            sheet.number(row, label_col + 1, number_base + i + 1, "row_number")
            entry = None
            if i < len(body):
                entry = body[i]
            elif i >= body_rows and (i - body_rows) < len(tail):
                entry = tail[i - body_rows]
            if entry is None or entry.get("blank"):
                sheet.text(row, label_col, "", "label")
                sheet.text(row, amount_col, "", "money")
                continue
            cell_id = f"{prefix}.{entry['id']}"
            ids[entry["id"]] = cell_id
            is_total = i >= body_rows
            sheet.text(row, label_col, entry["label"], "label_total" if is_total else "label")
            if "query" in entry:
                expr: Expr = Query(_criteria(entry["query"]))
            elif entry.get("sum") == "body":
                expr = Sum(tuple(Ref(c + YUAN) for c in placed_body))
            elif "expr" in entry:
                expr = _linear(entry["expr"], resolve)
            else:
                raise TemplateError(f"{spec['code']}: row {entry['id']} has no definition")
            _place_amount(sheet, row, amount_col, yuan_col,
                          AmountCell(cell_id, f"{prefix}_{entry['id']}", expr),
                          "money_total" if is_total else "money")
            if not is_total:
                placed_body.append(cell_id)
    frame.finish(first_data + rows_per_side - 1, label_col_width=34)
    return sheet


def _side_body(side: dict, prefix: str, codebook: Codebook) -> list[dict]:
    if "body" in side:
        return list(side["body"])
    rows = []
    for n, code in enumerate(side["body_classes"], start=1):
        name = codebook.name(code)
        if name is None:
            raise TemplateError(f"{prefix}: 类 {code} is not in the 功能分类 codebook")
        query = dict(side["body_query"]) | {side["body_class_column"]: code}
        rows.append({"id": name, "label": f"{chinese_ordinal(n)}、{name}", "query": query,
                     "code": code})
    return rows


# ----------------------------------------------------------------------------- 02, 03
def build_classification(spec: dict, paper: WorkingPaper, codebook: Codebook) -> Sheet:
    prefix = spec["name_prefix"]
    columns = spec["columns"]
    frame = TableFrame(spec, paper, n_amount_cols=len(columns), first_amount_col=2)
    sheet = frame.sheet
    top = frame.header_top

    # two-row header: 项目 over 科目编码 | 科目名称; each amount header merged down
    sheet.text(top, 0, spec["group_header"], "header")
    sheet.merge(top, 0, top, 1)
    sheet.text(top + 1, 0, spec["code_header"], "header")
    sheet.text(top + 1, 1, spec["name_header"], "header")
    for i, column in enumerate(columns):
        sheet.text(top, 2 + i, column["label"], "header")
        sheet.merge(top, 2 + i, top + 1, 2 + i)
    sheet.text(top + 2, 0, "栏次", "header")
    sheet.merge(top + 2, 0, top + 2, 1)
    for i in range(len(columns)):
        sheet.number(top + 2, 2 + i, i + 1, "header_number")
    frame.yuan_headers(top + 1, [f"{c['label']}（元）" for c in columns])
    first_data = top + 3

    codes = {line.function_code for line in paper.matching(_criteria(spec["rows_from"]))
             if line.function_code}
    tree = _code_tree(codes, codebook)
    rows = [("合计", None)] + [(code, codebook.name(code)) for code in tree.order]
    sheet.row_keys = [code for code, _ in rows]

    for r, (code, name) in enumerate(rows):
        row = first_data + r
        is_total = code == "合计"
        if is_total:
            sheet.text(row, 0, "合计", "label_total")
            sheet.merge(row, 0, row, 1)
        else:
            sheet.text(row, 0, code, "code")
            sheet.text(row, 1, name or "（科目编码不在分类表中）", _name_style(code))
        for i, column in enumerate(columns):
            cell_id = f"{prefix}.{code}.{column['id']}"
            expr = _classification_expr(prefix, code, column, columns, tree)
            _place_amount(sheet, row, 2 + i, frame.yuan_cols[i],
                          AmountCell(cell_id, f"{prefix}_{code}_{column['id']}", expr),
                          "money_total" if is_total or len(code) == 3 else "money")
    frame.finish(first_data + len(rows) - 1, label_col_width=30, code_col_width=11)
    return sheet


def _name_style(code: str) -> str:
    return {3: "name_class", 5: "name_item"}.get(len(code), "name_sub")


@dataclass
class CodeTree:
    order: list[str]                  # depth-first: 类, its 款, their 项 …
    children: dict[str, list[str]]
    own_lines: set[str]               # codes that carry lines themselves


def _code_tree(codes: set[str], codebook: Codebook) -> CodeTree:
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
    return CodeTree(order, children, set(codes))


def _classification_expr(prefix: str, code: str, column: dict, columns: list[dict],
                         tree: CodeTree) -> Expr:
    if column.get("sum") == "row":
        return Sum(tuple(Ref(f"{prefix}.{code}.{c['id']}{YUAN}")
                         for c in columns if c.get("sum") != "row"))
    if code == "合计":
        roots = [c for c in tree.order if not any(c in kids for kids in tree.children.values())]
        return Sum(tuple(Ref(f"{prefix}.{r}.{column['id']}{YUAN}") for r in roots))
    own = Query(_criteria(column["query"]) + (("功能分类科目", code),))
    kids = tree.children.get(code, [])
    if not kids:
        return own
    parts: list[Expr] = [Ref(f"{prefix}.{k}.{column['id']}{YUAN}") for k in kids]
    if code in tree.own_lines:
        parts.append(own)         # lines booked on the 类/款 itself still count
    return Sum(tuple(parts))
