"""The node kinds of the formula language.  Each kind defines, in one place, its Python value
(``value``) and its Excel text (``excel``), so the cached value written with a formula is the
value of that very formula.

A node knows no table and no rule: what a name, a cell or a query stands for is asked of the
``Context`` it is evaluated or rendered in (the workbook model provides one).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol

from .values import Value, compare


@dataclass(frozen=True)
class Criterion:
    """One SUMIFS/COUNTIFS condition: the column equals ``value``, or (``prefix``) begins with
    it — how a 类 (3 digits) or 款 (5 digits) is matched from the full code itself."""

    column: str
    value: str
    prefix: bool = False

    def excel_value(self) -> str:
        # * ? ~ are wildcards in criteria, and a leading < > = a comparison: a value from the
        # input must match only itself ("=>100" is the text >100)
        literal = self.value.replace("~", "~~").replace("*", "~*").replace("?", "~?")
        if literal[:1] in ("<", ">", "="):
            literal = "=" + literal
        return excel_string(literal + ("*" if self.prefix else ""))


class Context(Protocol):
    """What nodes ask of the workbook they are evaluated or rendered in."""

    here: str                                       # the sheet a formula is written on

    def sum(self, table: str, criteria: tuple[Criterion, ...], amount: str) -> Decimal: ...
    def count(self, table: str, criteria: tuple[Criterion, ...]) -> int: ...
    def column_range(self, table: str, column: str) -> str: ...
    def name_value(self, name: str) -> Value: ...
    def name_text(self, name: str) -> str: ...
    def cell_value(self, cell_id: str) -> Value: ...
    def cell_place(self, cell_id: str) -> tuple[str, int, int]: ...
    def place_text(self, sheet: str, row: int, col: int, absolute: bool = False) -> str: ...


def excel_string(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def number_text(value: Decimal | int) -> str:
    text = format(Decimal(value).normalize(), "f")
    return "0" if text == "-0" else text


class Node:
    precedence = 9                  # atoms; operators lower (see Binary)

    def value(self, ctx: Context) -> Value:
        raise NotImplementedError

    def excel(self, ctx: Context) -> str:
        raise NotImplementedError

    def children(self) -> tuple["Node", ...]:
        return ()

    def with_children(self, children: tuple["Node", ...]) -> "Node":
        return self


# ----------------------------------------------------------------------------- atoms
@dataclass(frozen=True)
class Number(Node):
    number: Decimal | int

    @property
    def precedence(self):
        return 5 if self.number < 0 else 9      # a negative literal binds like a negation

    def value(self, ctx):
        return self.number

    def excel(self, ctx):
        return number_text(self.number)


@dataclass(frozen=True)
class Text(Node):
    text: str

    def value(self, ctx):
        return self.text

    def excel(self, ctx):
        return excel_string(self.text)


@dataclass(frozen=True)
class Boolean(Node):
    """A computed truth value standing in for a row-local name (not written by templates)."""

    truth: bool

    def value(self, ctx):
        return self.truth

    def excel(self, ctx):
        return "TRUE" if self.truth else "FALSE"


def literal(value: Value) -> Node:
    if isinstance(value, bool):
        return Boolean(value)
    if isinstance(value, str):
        return Text(value)
    return Number(value)


@dataclass(frozen=True)
class Name(Node):
    """A defined name of the workbook (公开01_本年收入合计), rendered as itself so a formula
    reads like the rule it implements; or, before binding, a row-local name (左, 差额)."""

    name: str

    def value(self, ctx):
        return ctx.name_value(self.name)

    def excel(self, ctx):
        return ctx.name_text(self.name)


@dataclass(frozen=True)
class Ref(Node):
    """Another formula cell of the model, by its stable id: rendered as its address."""

    cell_id: str

    def value(self, ctx):
        return ctx.cell_value(self.cell_id)

    def excel(self, ctx):
        sheet, row, col = ctx.cell_place(self.cell_id)
        return ctx.place_text(sheet, row, col)


@dataclass(frozen=True)
class Data(Node):
    """A cell holding input data (a typed figure, a 底稿 line's amount or mark): rendered as
    its defined name when it has one, else as its absolute address; its value is what was
    written there."""

    sheet: str
    row: int
    col: int
    data: Value
    name: str | None = None

    def value(self, ctx):
        return self.data

    def excel(self, ctx):
        return self.name or ctx.place_text(self.sheet, self.row, self.col, absolute=True)


# ----------------------------------------------------------------------------- queries
@dataclass(frozen=True)
class Query(Node):
    """The sum of a table's amount column (元) over the rows meeting every criterion:
    SUMIFS(<table>_<amount>, <table>_<column>, "<value>", …); none: SUM(<table>_<amount>)."""

    table: str
    criteria: tuple[Criterion, ...]
    amount: str = "金额"

    def value(self, ctx):
        return ctx.sum(self.table, self.criteria, self.amount)

    def excel(self, ctx):
        total = ctx.column_range(self.table, self.amount)
        if not self.criteria:
            return f"SUM({total})"
        return f"SUMIFS({total},{_criteria_text(ctx, self.table, self.criteria)})"


@dataclass(frozen=True)
class Count(Node):
    """How many rows of a table meet every criterion: COUNTIFS(<table>_<column>, …)."""

    table: str
    criteria: tuple[Criterion, ...]

    def value(self, ctx):
        return ctx.count(self.table, self.criteria)

    def excel(self, ctx):
        return f"COUNTIFS({_criteria_text(ctx, self.table, self.criteria)})"


def _criteria_text(ctx: Context, table: str, criteria: tuple[Criterion, ...]) -> str:
    return ",".join(f"{ctx.column_range(table, c.column)},{c.excel_value()}" for c in criteria)


@dataclass(frozen=True)
class RowCount(Node):
    """COUNTIFS over column ranges of the sheet it is written on (the 核对表 summary): how many
    rows hold ``wanted`` in every one of ``columns``.  ``columns`` are (first_row, last_row,
    col, wanted); ``rows`` gives those cells row by row for the Python side."""

    columns: tuple[tuple[int, int, int, str], ...]
    rows: tuple[tuple[Node, ...], ...]

    def value(self, ctx):
        return sum(1 for row in self.rows
                   if all(compare("=", item.value(ctx), c[3]) for item, c in zip(row, self.columns)))

    def excel(self, ctx):
        parts = [f"{ctx.place_text(ctx.here, first, col, True)}:"
                 f"{ctx.place_text(ctx.here, last, col, True)},{excel_string(wanted)}"
                 for first, last, col, wanted in self.columns]
        return "COUNTIFS(" + ",".join(parts) + ")"

    def children(self):
        return tuple(item for row in self.rows for item in row)

    def with_children(self, children):
        it = iter(children)
        return RowCount(self.columns, tuple(tuple(next(it) for _ in row) for row in self.rows))
