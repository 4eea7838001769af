"""The fixed-form layouts: ``economic`` (公开06表: 经济分类 类 and every 款 in column blocks side
by side, with group totals), ``grid`` (公开07表: one row of amounts under nested headers) and
``list`` (公开10表: item | 行次 | 计量单位 | value).  Their cells are formulas of the one
language over 底稿 queries, the table's own ids and the input sheets' names (基础信息_…)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..classification import Codebook
from ..expr import Node, fill, names, queries
from .common import Origin, Section, refuse_cycles

ECONOMIC_KEYS = {"value", "code_header", "name_header", "amount_header", "blocks", "totals"}
BLOCK_KEYS = {"header", "classes", "when_used"}
TOTAL_KEYS = {"id", "label", "header"}
GRID_KEYS = {"columns"}
GRID_COLUMN_KEYS = {"id", "header", "value"}
LIST_KEYS = {"headers", "rows"}
LIST_ROW_KEYS = {"id", "label", "unit", "value"}
MONEY_UNIT = "万元"        # a list row in 万元 is a 元 amount shown ROUND(元/10000,2)


@dataclass
class Block:
    """A column block of 公开06表 (科目编码 | 科目名称 | 决算数): its 类, each followed by every
    款 of the year's list; ``when_used``: 类 printed only when 底稿 has lines of them."""

    header: str
    classes: list[str]
    when_used: list[str] = field(default_factory=list)


@dataclass
class GroupTotal:
    id: str
    label: str
    header: str               # the blocks under this header are summed (their 类 rows)


@dataclass
class GridColumn:
    id: str
    header: list[str]         # the header path, top to bottom (merged where neighbours agree)
    value: Node


@dataclass
class ListRow:
    id: str
    label: str
    unit: str
    value: Node

    @property
    def is_money(self) -> bool:
        return self.unit == MONEY_UNIT


@dataclass
class Form:
    """What a fixed-form layout holds beyond the common keys."""

    row_value: Node | None = None           # economic: the query of a code ({code})
    codes: list[str] = field(default_factory=list)    # economic: every code it may print
    headers: tuple[str, ...] = ()
    blocks: list[Block] = field(default_factory=list)
    totals: list[GroupTotal] = field(default_factory=list)
    grid: list[GridColumn] = field(default_factory=list)
    rows: list[ListRow] = field(default_factory=list)

    def ids(self) -> list[str]:
        return [c.id for c in self.grid] + [r.id for r in self.rows] + [t.id for t in self.totals]

    def formulas(self) -> list[Node]:
        out = [c.value for c in self.grid] + [r.value for r in self.rows]
        if self.row_value is not None:
            out.append(fill(self.row_value, {"code": "301"}))
        return out

    def external_names(self) -> list[str]:
        """Names the cells use that are not ids of the table (the input sheets' names)."""
        own = set(self.ids())
        return [n for f in self.formulas() for n in names(f) if n not in own]


def read_economic(top: Section, economics: Codebook) -> Form:
    value = top.formula("value", required=True)
    coded = [c for q in queries(value) for c in q.criteria if c.value == "{code}" and c.prefix]
    if not coded:
        raise top.origin("value").error("经济分类表的 value 应按编码开头取数。",
                                        expected="底稿(…, 经济分类科目^={code})")
    form = Form(row_value=value,
                headers=(top.get("code_header", str, "科目编码"),
                         top.get("name_header", str, "科目名称"),
                         top.get("amount_header", str, "决算数")))
    seen: set[str] = set()
    for section in top.items("blocks"):
        section.only(BLOCK_KEYS, "栏组")
        block = Block(section.require("header", str, "栏组"), section.texts("classes"),
                      section.texts("when_used"))
        for code in block.classes + block.when_used:
            if len(code) != 3 or not economics.knows(code):
                raise section.origin("classes").error(
                    f"「{code}」不是 {economics.year} 年支出经济分类的类。")
            if code in seen:
                raise section.origin("classes").error(f"类「{code}」在表中列了两次。")
            seen.add(code)
            form.codes += [code] + sorted(c for c in economics.names
                                          if len(c) > 3 and c.startswith(code))
        form.blocks.append(block)
    if not form.blocks:
        raise top.origin().error("经济分类表没有任何栏组（[[blocks]]）。")
    headers = {b.header for b in form.blocks}
    for section in top.items("totals"):
        section.only(TOTAL_KEYS, "合计行")
        total = GroupTotal(section.require("id", str, "合计行"),
                           section.require("label", str, "合计行"),
                           section.require("header", str, "合计行"))
        if total.header not in headers:
            raise section.origin("header").error(f"没有表头为「{total.header}」的栏组。",
                                                 expected="、".join(sorted(headers)))
        if total.id in form.codes or total.id in {t.id for t in form.totals}:
            raise section.origin("id").error(f"合计行 id「{total.id}」重复。")
        form.totals.append(total)
    return form


def read_grid(top: Section) -> Form:
    form = Form()
    origins = []
    for section in top.items("columns"):
        section.only(GRID_COLUMN_KEYS, "栏")
        header = section.texts("header")
        if not header:
            raise section.origin("header").error("栏的 header 不能为空。",
                                                 expected='["预算数", "公务接待费"]')
        for other in form.grid:
            shorter, longer = sorted((header, other.header), key=len)
            if longer[:len(shorter)] == shorter:
                raise section.origin("header").error(
                    f"表头 {header} 与另一栏的表头 {other.header} 重合：一栏的表头不能是另一栏表头的开头。")
        form.grid.append(GridColumn(section.require("id", str, "栏"), header,
                                    section.formula("value", required=True)))
        origins.append(section.origin("id"))
    if not form.grid:
        raise top.origin().error("表没有任何金额栏（[[columns]]）。")
    _refuse_cycles([(c.id, c.value) for c in form.grid], origins)
    return form


def read_list(top: Section) -> Form:
    form = Form(headers=tuple(top.texts("headers", ["项目", "行次", "计量单位", "金额（数量）"])))
    if len(form.headers) != 4:
        raise top.origin("headers").error("headers 应为四项：项目、行次、计量单位、数值。")
    origins = []
    for section in top.items("rows"):
        section.only(LIST_ROW_KEYS, "行")
        form.rows.append(ListRow(section.require("id", str, "行"), section.require("label", str, "行"),
                                 section.require("unit", str, "行"),
                                 section.formula("value", required=True)))
        origins.append(section.origin("value"))
    if not form.rows:
        raise top.origin().error("表没有任何行（[[rows]]）。")
    units = {r.id: r.is_money for r in form.rows}
    for row, origin in zip(form.rows, origins):
        for name in names(row.value):
            if name in units and units[name] != row.is_money:
                raise origin.error(f"行「{row.id}」与所引用的行「{name}」计量单位不同。")
    _refuse_cycles([(r.id, r.value) for r in form.rows], origins)
    return form


def _refuse_cycles(items: list[tuple[str, Node]], origins: list[Origin]) -> None:
    ids = [i for i, _ in items]
    for n, item in enumerate(ids):
        if item in ids[:n]:
            raise origins[n].error(f"id「{item}」重复。")
    refuse_cycles({i: names(value) for i, value in items}, dict(zip(ids, origins)), "栏或行")
