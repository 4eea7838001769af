"""Operations on parsed formulas: fill {placeholders}, bind names to other nodes, narrow
queries by more criteria, list the names and queries a formula uses."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Callable, Iterator, Mapping

from .nodes import Count, Criterion, Name, Node, Query

PLACEHOLDER = re.compile(r"\{([^{}]+)\}")


def walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node.children():
        yield from walk(child)


def rebuild(node: Node, change: Callable[[Node], Node | None]) -> Node:
    """Bottom-up: every node for which ``change`` returns a node is replaced by it."""
    children = node.children()
    if children:
        node = node.with_children(tuple(rebuild(c, change) for c in children))
    replaced = change(node)
    return node if replaced is None else replaced


def placeholders(text: str) -> list[str]:
    return PLACEHOLDER.findall(text)


def fill_text(text: str, values: Mapping[str, str]) -> str:
    def one(match: re.Match) -> str:
        key = match[1]
        if key not in values:
            raise KeyError(key)
        return str(values[key])
    return PLACEHOLDER.sub(one, text)


def fill(node: Node, values: Mapping[str, str]) -> Node:
    """Replace {placeholders} in names and criterion values."""
    def change(n: Node) -> Node | None:
        if isinstance(n, Name) and "{" in n.name:
            return Name(fill_text(n.name, values))
        if isinstance(n, (Query, Count)):
            return replace(n, criteria=tuple(replace(c, value=fill_text(c.value, values))
                                             for c in n.criteria))
        return None
    return rebuild(node, change)


def bind(node: Node, bindings: Mapping[str, Node]) -> Node:
    """Replace names by the nodes they stand for (row ids by cells, 左 by a row's cell)."""
    return rebuild(node, lambda n: bindings.get(n.name) if isinstance(n, Name) else None)


def narrow(node: Node, criteria: tuple[Criterion, ...]) -> Node:
    """Every query of ``node`` with ``criteria`` added (a column's part of a row's query)."""
    return rebuild(node, lambda n: replace(n, criteria=n.criteria + criteria)
                   if isinstance(n, (Query, Count)) else None)


def map_queries(node: Node, change: Callable[[Node], Node]) -> Node:
    return rebuild(node, lambda n: change(n) if isinstance(n, (Query, Count)) else None)


def names(node: Node) -> list[str]:
    """The names a formula uses, in order, each once."""
    return list(dict.fromkeys(n.name for n in walk(node) if isinstance(n, Name)))


def queries(node: Node) -> list[Query | Count]:
    return [n for n in walk(node) if isinstance(n, (Query, Count))]


def terms(node: Node) -> list[tuple[int, Node]]:
    """a + b − c as [(+1, a), (+1, b), (−1, c)]: the independently rounded addends of a side."""
    from .operators import Binary, Negate

    if isinstance(node, Binary) and node.operator in "+-":
        sign = 1 if node.operator == "+" else -1
        return terms(node.left) + [(s * sign, t) for s, t in terms(node.right)]
    if isinstance(node, Negate):
        return [(-s, t) for s, t in terms(node.operand)]
    return [(1, node)]
