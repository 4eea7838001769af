"""元 and 万元 in the formula language: each printed 万元 figure is ROUND(元/10000,2) of its
own 元 amount; 元 sums are snapped to the fen, ROUND(x,2), so a spreadsheet's float noise never
reaches the 万元 rounding."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from ..expr import Binary, Call, Node, Number

CENT = Decimal("0.01")
TEN_THOUSAND = Decimal(10000)


def wan(value: Decimal) -> Decimal:
    """Python's ROUND(元/10000,2): half away from zero, as Excel's ROUND."""
    return (value / TEN_THOUSAND).quantize(CENT, rounding=ROUND_HALF_UP)


def fen(node: Node) -> Node:
    return Call("ROUND", (node, Number(2)))


def to_wan(node: Node) -> Node:
    return Call("ROUND", (Binary("/", node, Number(10000)), Number(2)))
