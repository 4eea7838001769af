"""Table layouts (templates/<year>/tables/*.toml) read into typed, validated objects.

``two_sided`` (公开01/04表: 收入 on the left, 支出 on the right, each side with N amount
columns), ``classification`` (公开02/03/05/08/09表: 合计 then 功能分类 类/款/项 depth-first),
and the fixed forms of forms.py (``economic`` 公开06表, ``grid`` 公开07表, ``list`` 公开10表).
A row's ``value`` and a column's ``part``/``value`` are formulas of the one language."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..classification import Codebook
from ..expr import Criterion, Name, Node, Query, fill, names, placeholders, queries, walk
from .common import Origin, Section, query_at, refuse_cycles, valid_name
from .forms import ECONOMIC_KEYS, GRID_KEYS, LIST_KEYS, Form, read_economic, read_grid, read_list

LAYOUT_KEYS = {"code", "title", "name_prefix", "layout", "pages_tall", "footnotes"}
SIDE_KEYS = {"header", "columns", "amounts", "body", "tail", "body_classes", "body_value"}
ROW_KEYS = {"id", "label", "value", "fallback", "sum", "blank"}
AMOUNT_KEYS = {"id", "label", "part", "sum"}
CLASSIFICATION_KEYS = {"rows_from", "code_header", "name_header", "group_header", "columns",
                       "unclassified_row", "empty_note"}
COLUMN_KEYS = {"id", "label", "value", "sum", "group"}

CHINESE_NUMERALS = "一二三四五六七八九十"


def chinese_ordinal(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 21 → 二十一 (the numbering of 公开01表's rows)."""
    if n <= 10:
        return CHINESE_NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    head = ("" if tens == 1 else CHINESE_NUMERALS[tens - 1]) + "十"
    return head + (CHINESE_NUMERALS[ones - 1] if ones else "")


@dataclass
class Amount:
    """An amount column of a side: its cells are the row's value narrowed by ``part``, or
    (``sum_row``) the sum of the side's other amount columns of the row."""

    id: str | None
    label: str
    part: tuple[Criterion, ...] = ()
    sum_row: bool = False
    part_query: Query | None = None      # as written, for validation

@dataclass
class Row:
    id: str
    label: str
    value: Node | None            # a query, or a formula over row ids of the same side
    sum_body: bool = False        # the sum of the side's body rows
    blank: bool = False
    origin: Origin | None = None
    code: str | None = None       # the 功能分类 类 of a body_classes row
    # the value when no 底稿 line meets ``value``'s queries (a source the office did not give,
    # e.g. no December trial balance): decided when the workbook is built
    fallback: Node | None = None

    def formulas(self) -> list[Node]:
        return [f for f in (self.value, self.fallback) if f is not None]


@dataclass
class Side:
    header: str
    columns: list[str]            # label header, number header (项目, 行次)
    amounts: list[Amount]
    body: list[Row]
    tail: list[Row]


@dataclass
class Column:
    """A classification column: a query over 底稿 (``value``), the sum of the row's query
    columns (``sum_row``), or a formula over other column ids of the same row (``of_columns``:
    小计 = 基本支出 + 项目支出).  ``group``: a header spanning neighbouring columns (本年支出)."""

    id: str
    label: str
    value: Node | None = None
    sum_row: bool = False
    group: str | None = None
    of_columns: bool = False


@dataclass
class TableLayout:
    code: str
    title: str
    name_prefix: str
    layout: str
    origin: Origin
    footnotes: list[str] = field(default_factory=list)
    pages_tall: int = 0
    sides: list[Side] = field(default_factory=list)               # two_sided
    rows_from: list[Node] = field(default_factory=list)          # classification
    headers: tuple[str, str, str] = ("项目", "科目编码", "科目名称")
    columns: list[Column] = field(default_factory=list)
    unclassified_row: bool = False    # lines without a code get a highlighted row of their own
    # printed (as a live formula) when every amount of the 合计 row is 0: the official note of a
    # table the department has no data for ({year} is filled in)
    empty_note: str | None = None
    form: Form = field(default_factory=Form)                      # economic, grid, list
    one_page_rows: int = 40     # workbook.toml: a table of up to this many rows prints on one page

    def amount_name(self, side: Side, row: str, amount: Amount) -> str:
        if len(side.amounts) == 1 and amount.id is None:
            return f"{self.name_prefix}_{row}"
        return f"{self.name_prefix}_{row}_{amount.id}"

    def defined_names(self) -> list[str]:
        """The names this table defines; {code} stands for a row's code (or 合计)."""
        if self.layout == "two_sided":
            return [self.amount_name(side, row.id, amount) for side in self.sides
                    for row in side.body + side.tail if not row.blank for amount in side.amounts]
        if self.layout == "economic":
            return [f"{self.name_prefix}_{code}" for code in self.form.codes] + \
                [f"{self.name_prefix}_{t.id}" for t in self.form.totals]
        if self.layout in ("grid", "list"):
            return [f"{self.name_prefix}_{i}" for i in self.form.ids()]
        return [f"{self.name_prefix}_{{code}}_{c.id}" for c in self.columns]

    def class_rows(self) -> list[tuple[str, str]]:
        """(code, row id) of the 类 rows (body_classes), in the order printed."""
        return [(r.code, r.id) for s in self.sides for r in s.body if r.code]

    def row_ids(self) -> list[str]:
        return [r.id for s in self.sides for r in s.body + s.tail if not r.blank]

    def formulas(self) -> list[tuple[Node, Origin]]:
        out = [(f, r.origin) for s in self.sides for r in s.body + s.tail for f in r.formulas()]
        out += [(c.value, self.origin) for c in self.columns if c.value is not None]
        out += [(a.part_query, self.origin) for s in self.sides for a in s.amounts
                if a.part_query is not None]
        out += [(query, self.origin) for query in self.rows_from]
        out += [(f, self.origin) for f in self.form.formulas()]
        return out


def read_layout(top: Section, codebook: Codebook, economics: Codebook) -> TableLayout:
    kind = top.require("layout", str, "表样")
    extra = {"two_sided": {"left", "right"}, "classification": CLASSIFICATION_KEYS,
             "economic": ECONOMIC_KEYS, "grid": GRID_KEYS, "list": LIST_KEYS}.get(kind)
    if extra is None:
        raise top.origin("layout").error(f"未知的表样类型「{kind}」。",
                                         expected="two_sided、classification、economic、grid 或 list")
    top.only(LAYOUT_KEYS | extra, "表样")
    layout = TableLayout(code=top.require("code", str, "表样"), title=top.require("title"),
                         name_prefix=top.require("name_prefix"), layout=kind,
                         origin=top.origin(), footnotes=top.get("footnotes", list, []),
                         pages_tall=top.get("pages_tall", int, 0))
    if kind == "two_sided":
        layout.sides = [_side(top.sub(name), codebook) for name in ("left", "right")]
        _check_row_names(layout)
    elif kind == "classification":
        _classification(top, layout)
    else:
        readers = {"economic": lambda: read_economic(top, economics), "grid": lambda: read_grid(top),
                   "list": lambda: read_list(top)}
        layout.form = readers[kind]()
    for name in layout.defined_names():
        if not valid_name(name.replace("{code}", "合计")):
            raise top.origin().error(f"表「{layout.code}」定义的名称「{name}」不合 Excel 的规则"
                                     "（只能用文字、数字、_ 和 .，不能有括号、空格、顿号等）。",
                                     expected="把 id 改为只含文字和数字，如 因公出国境费")
    return layout


def _classification(top: Section, layout: TableLayout) -> None:
    sources = top.require("rows_from", (str, list), "分类表")
    layout.rows_from = [query_at(text, top.origin("rows_from"), "rows_from")
                        for text in ([sources] if isinstance(sources, str)
                                     else top.texts("rows_from"))]
    if not layout.rows_from:
        raise top.origin("rows_from").error("rows_from 不能为空。", expected='"底稿(方向=支出, …)"')
    layout.headers = (top.get("group_header", str, "项目"),
                      top.get("code_header", str, "科目编码"),
                      top.get("name_header", str, "科目名称"))
    sections = top.items("columns")
    layout.columns = [_column(c) for c in sections]
    layout.unclassified_row = top.get("unclassified_row", bool, False)
    layout.empty_note = top.get("empty_note", str)
    if layout.empty_note is not None:
        for name in placeholders(layout.empty_note):
            if name != "year":
                raise top.origin("empty_note").error(f"empty_note 中的「{{{name}}}」不会被填写。",
                                                     expected="{year}")
    if not layout.columns:
        raise top.origin().error("分类表没有任何金额栏（[[columns]]）。")
    ids = [c.id for c in layout.columns]
    for n, (column, section) in enumerate(zip(layout.columns, sections)):
        if column.id in ids[:n]:
            raise section.origin("id").error(f"栏 id「{column.id}」重复。")
        if column.of_columns:
            for name in names(column.value):
                if name not in ids or name == column.id:
                    raise section.origin("value").error(
                        f"栏「{column.id}」的公式用到「{name}」，本表没有这一栏。",
                        expected="、".join(i for i in ids if i != column.id))
    refuse_cycles({c.id: names(c.value) if c.of_columns else [] for c in layout.columns},
                  {c.id: s.origin("value") for c, s in zip(layout.columns, sections)}, "栏")


def _side(section: Section, codebook: Codebook) -> Side:
    section.only(SIDE_KEYS, f"[{section.table}] ")
    amounts = [_amount(a) for a in section.items("amounts")] or [Amount(None, "金额")]
    if len(amounts) > 1 and any(a.id is None for a in amounts):
        raise section.origin("amounts").error("一侧有多个金额栏时，每栏都要有 id。")
    body = [_row(r) for r in section.items("body")]
    if "body_classes" in section.data:
        value = section.formula("body_value", required=True)
        _placeholders_only(value, {"code"}, section.origin("body_value"))
        for n, code in enumerate(section.get("body_classes", list), start=1):
            name = codebook.name(code)
            if name is None:
                raise section.origin("body_classes").error(
                    f"类 {code} 不在 {codebook.year} 年支出功能分类表中。")
            body.append(Row(name, f"{chinese_ordinal(n)}、{name}", fill(value, {"code": code}),
                            origin=section.origin("body_classes"), code=code))
    columns = section.get("columns", list, ["项目", "行次"])
    if len(columns) != 2:
        raise section.origin("columns").error("columns 应为两项：项目栏和行次栏的表头。",
                                              expected='["项目", "行次"]')
    return Side(section.require("header"), columns, amounts, body,
                [_row(r) for r in section.items("tail")])


def _amount(section: Section) -> Amount:
    section.only(AMOUNT_KEYS, "金额栏")
    part_query = None
    if "part" in section.data:
        part_query = query_at(section.get("part"), section.origin("part"), "part")
        if not isinstance(part_query, Query) or part_query.amount != "金额":
            raise section.origin("part").error("part 应为对金额列的求和查询，如 底稿(资金性质=…)。")
    total = section.get("sum", str)
    if total not in (None, "row"):
        raise section.origin("sum").error(f"sum = {total!r} 无法理解。", expected='"row"')
    return Amount(section.get("id"), section.require("label", str, "金额栏"),
                  part_query.criteria if part_query else (), total == "row", part_query)


def _row(section: Section) -> Row:
    section.only(ROW_KEYS, "行")
    if section.get("blank", bool, False):
        return Row("", "", None, blank=True, origin=section.origin())
    total = section.get("sum", str)
    if total not in (None, "body"):
        raise section.origin("sum").error(f"sum = {total!r} 无法理解。", expected='"body"')
    value = section.formula("value")
    if value is None and total is None:
        raise section.origin().error("行没有取数定义。", expected='value = "…" 或 sum = "body"')
    if value is not None:
        _placeholders_only(value, set(), section.origin("value"))
    fallback = section.formula("fallback")
    if fallback is not None:
        if value is None or not queries(value):
            raise section.origin("fallback").error("fallback 只用于 value 含底稿查询的行。")
        _placeholders_only(fallback, set(), section.origin("fallback"))
    return Row(section.require("id", str, "行"), section.require("label", str, "行"), value,
               total == "body", origin=section.origin(), fallback=fallback)


def _column(section: Section) -> Column:
    section.only(COLUMN_KEYS, "栏")
    total = section.get("sum", str)
    if total not in (None, "row"):
        raise section.origin("sum").error(f"sum = {total!r} 无法理解。", expected='"row"')
    value = section.formula("value")
    if value is not None and queries(value) and names(value):
        raise section.origin("value").error(
            "分类表的栏或是对底稿的查询，或是同一行其他栏的公式，不能两者混写。")
    if value is not None:
        _placeholders_only(value, set(), section.origin("value"))
    if value is None and total is None:
        raise section.origin().error("栏没有取数定义。",
                                     expected='value = "底稿(…)"、value = "基本支出 + 项目支出" 或 sum = "row"')
    return Column(section.require("id", str, "栏"), section.require("label", str, "栏"), value,
                  total == "row", section.get("group", str),
                  of_columns=value is not None and not queries(value))


def _check_row_names(layout: TableLayout) -> None:
    """A row's formula may name only rows of its table (either side), without a cycle, and a
    side with several amount columns may name the other side's rows only where that side has
    the same column (or just one); a column's part narrows queries of its own table."""
    ids = layout.row_ids()
    if len(set(ids)) != len(ids):
        twice = sorted({i for i in ids if ids.count(i) > 1})
        raise layout.origin.error(f"行 id 重复：{'、'.join(twice)}。")
    side_of = {r.id: s for s in layout.sides for r in s.body + s.tail if not r.blank}
    uses = {}
    for side in layout.sides:
        for row in side.body + side.tail:
            if row.value is None:
                continue
            uses[row.id] = [n for f in row.formulas() for n in names(f)]
            for name in uses[row.id]:
                if name not in side_of:
                    raise row.origin.error(f"行「{row.id}」的公式用到「{name}」，本表没有这一行。",
                                           expected="、".join(sorted(ids)))
                other = side_of[name]
                for amount in side.amounts:
                    if other is not side and len(other.amounts) > 1 \
                            and amount.id not in {a.id for a in other.amounts}:
                        raise row.origin.error(f"行「{row.id}」引用另一侧的「{name}」，"
                                               f"那一侧没有金额栏「{amount.label}」。")
            tables = {q.table for f in row.formulas() for q in queries(f)}
            for amount in side.amounts:
                if amount.part_query is not None and tables - {amount.part_query.table}:
                    raise row.origin.error(f"金额栏「{amount.label}」的 part 查询的表与行「{row.id}」"
                                           "的查询不同。")
    refuse_cycles(uses, {r.id: r.origin for s in layout.sides for r in s.body + s.tail}, "行")


def _placeholders_only(node: Node, allowed: set[str], origin: Origin) -> None:
    """{…} in a layout formula is filled only where the layout says so (body_value: {code})."""
    texts = [n.name for n in walk(node) if isinstance(n, Name)]
    texts += [c.value for q in queries(node) for c in q.criteria]
    for text in texts:
        for name in placeholders(text):
            if name not in allowed:
                raise origin.error(f"表样公式中的「{{{name}}}」不会被填写。",
                                   expected="、".join("{" + a + "}" for a in allowed)
                                   or "不写占位符")
