"""Operators and functions of the formula language: + − × ÷ &, comparisons, IF, AND, OR, NOT,
ROUND, ABS, MIN, MAX, TEXT and SUM — each with its Python value and its Excel text."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Callable

from .nodes import Context, Node, Ref
from .values import (EvaluationError, compare, excel_round, format_number, general_text, number,
                     truthy)


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
        raise EvaluationError("除数为 0（#DIV/0!）")
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
