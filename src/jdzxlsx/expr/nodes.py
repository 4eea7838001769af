"""The node kinds of the formula language.  Each kind defines, in one place, its Python value
(``value``) and its Excel text (``excel``), so the cached value written with a formula is the
value of that very formula.

A node knows no table and no rule: what a name, a cell or a query stands for is asked of the
``Context`` it is evaluated or rendered in (the workbook model provides one).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable, Protocol

from .values import (EvaluationError, Value, compare, excel_round, format_number, general_text,
                     number, truthy)


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


# ----------------------------------------------------------------------------- operators
ARITHMETIC: dict[str, Callable] = {
    "+": lambda a, b: number(a) + number(b),
    "-": lambda a, b: number(a) - number(b),
    "*": lambda a, b: number(a) * number(b),
    "/": lambda a, b: _divide(number(a), number(b)),
}
COMPARISONS = ("=", "<>", "<", ">", "<=", ">=")
PRECEDENCE = {**{op: 1 for op in COMPARISONS}, "&": 2, "+": 3, "-": 3, "*": 4, "/": 4}


def _divide(a, b):
    if b == 0:
        raise EvaluationError("division by zero (#DIV/0!)")
    return Decimal(a) / Decimal(b)


@dataclass(frozen=True)
class Binary(Node):
    operator: str
    left: Node
    right: Node

    @property
    def precedence(self):
        return PRECEDENCE[self.operator]

    def value(self, ctx):
        a, b = self.left.value(ctx), self.right.value(ctx)
        if self.operator in ARITHMETIC:
            return ARITHMETIC[self.operator](a, b)
        if self.operator == "&":
            return general_text(a) + general_text(b)
        return compare(self.operator, a, b)

    def excel(self, ctx):
        # the right operand keeps its parentheses at equal precedence: the spreadsheet then
        # computes in the order Python did (a*(b/c) is not a*b/c in doubles)
        left = _wrapped(self.left, ctx, self.precedence, strict=False)
        right = _wrapped(self.right, ctx, self.precedence, strict=True)
        return f"{left}{self.operator}{right}"

    def children(self):
        return (self.left, self.right)

    def with_children(self, children):
        return Binary(self.operator, *children)


@dataclass(frozen=True)
class Negate(Node):
    operand: Node
    precedence = 5

    def value(self, ctx):
        return -number(self.operand.value(ctx))

    def excel(self, ctx):
        return "-" + _wrapped(self.operand, ctx, self.precedence, strict=False)

    def children(self):
        return (self.operand,)

    def with_children(self, children):
        return Negate(*children)


def _wrapped(node: Node, ctx: Context, precedence: int, strict: bool) -> str:
    text = node.excel(ctx)
    lower = node.precedence < precedence or (strict and node.precedence == precedence)
    return f"({text})" if lower else text


# ----------------------------------------------------------------------------- functions
def _if(ctx, args):
    condition = truthy(args[0].value(ctx))
    if condition:
        return args[1].value(ctx)
    return args[2].value(ctx) if len(args) > 2 else False


def _values(ctx, args):
    return [a.value(ctx) for a in args]


FUNCTIONS: dict[str, tuple[int, int, Callable]] = {
    # name: (fewest arguments, most arguments, Python value from (context, argument nodes))
    "IF": (2, 3, _if),
    "AND": (1, 30, lambda ctx, args: all(truthy(v) for v in _values(ctx, args))),
    "OR": (1, 30, lambda ctx, args: any(truthy(v) for v in _values(ctx, args))),
    "NOT": (1, 1, lambda ctx, args: not truthy(args[0].value(ctx))),
    "ROUND": (2, 2, lambda ctx, args: excel_round(args[0].value(ctx),
                                                  int(number(args[1].value(ctx))))),
    "ABS": (1, 1, lambda ctx, args: abs(number(args[0].value(ctx)))),
    "MIN": (1, 30, lambda ctx, args: min(number(v) for v in _values(ctx, args))),
    "MAX": (1, 30, lambda ctx, args: max(number(v) for v in _values(ctx, args))),
    "TEXT": (2, 2, lambda ctx, args: format_number(args[0].value(ctx), args[1].value(ctx))),
}


@dataclass(frozen=True)
class Call(Node):
    function: str
    args: tuple[Node, ...]

    def value(self, ctx):
        return FUNCTIONS[self.function][2](ctx, self.args)

    def excel(self, ctx):
        return f"{self.function}(" + ",".join(a.excel(ctx) for a in self.args) + ")"

    def children(self):
        return self.args

    def with_children(self, children):
        return Call(self.function, tuple(children))


@dataclass(frozen=True)
class Sum(Node):
    """SUM(items): runs of adjacent cells of this sheet, down a column or along a row,
    collapse to ranges (C8:C12); a range never takes in a cell that is not an item."""

    items: tuple[Node, ...]

    def value(self, ctx):
        return sum((number(i.value(ctx)) for i in self.items), Decimal(0))

    def excel(self, ctx):
        if not self.items:
            return "0"
        args: list[str] = []
        run: list[tuple[int, int]] = []

        def flush():
            if run:
                (r1, c1), (r2, c2) = run[0], run[-1]
                first = ctx.place_text(ctx.here, r1, c1)
                args.append(first if len(run) == 1
                            else f"{first}:{ctx.place_text(ctx.here, r2, c2)}")
                run.clear()

        for item in self.items:
            place = ctx.cell_place(item.cell_id) if isinstance(item, Ref) else None
            if place is None or place[0] != ctx.here:
                flush()
                args.append(item.excel(ctx))
                continue
            _, row, col = place
            if not _extends(run, row, col):
                flush()
            run.append((row, col))
        flush()
        return "SUM(" + ",".join(args) + ")"

    def children(self):
        return self.items

    def with_children(self, children):
        return Sum(tuple(children))


def _extends(run: list[tuple[int, int]], row: int, col: int) -> bool:
    if not run:
        return False
    last_row, last_col = run[-1]
    down = (row, col) == (last_row + 1, last_col)
    across = (row, col) == (last_row, last_col + 1)
    if len(run) == 1:
        return down or across
    return down if run[1][0] == run[0][0] + 1 else across
