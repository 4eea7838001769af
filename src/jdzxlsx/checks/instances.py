"""A planned 核对表 row (before evaluation) and the pieces every family builds it from."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..expr import Binary, Name, Node, Number, Query, map_queries, names, terms
from ..model import fen, to_wan
from ..templates import Rule


@dataclass
class Instance:
    """One row of 核对表: the rule, what distinguishes the row, its two sides as formulas, where
    to look, and what the rule's verdict kind may ask beyond the row's cells."""

    rule: Rule
    key: str                          # distinguishes the rows of a family ("201", "2020-05")
    description: str
    left: Node | None
    right: Node | None
    place: str                        # where to look, in words
    link: str | None                  # internal link target ("'公开01表'!C33")
    addends: tuple[Node, ...] = ()    # the independently rounded terms of the longer side
    bound: dict[str, Node] = field(default_factory=dict)   # e.g. 标记: a 底稿 line's mark

    @property
    def id(self) -> str:
        return self.rule.id + (f"[{self.key}]" if self.key else "")


def in_unit(node: Node, unit: str) -> Node:
    """Queries of a rule as its unit shows them: 万元 rounded on their own, 元 to the fen;
    counts as they are."""
    if unit == "万元":
        return map_queries(node, lambda q: to_wan(fen(q)) if isinstance(q, Query) else q)
    if unit == "元":
        return map_queries(node, lambda q: fen(q) if isinstance(q, Query) else q)
    return node


def linear(parts: list[tuple[int, Node]]) -> Node:
    """a + b − c from signed terms; nothing: 0."""
    if not parts:
        return Number(0)
    sign, node = parts[0]
    out = node if sign > 0 else Binary("-", Number(0), node)
    for sign, term in parts[1:]:
        out = Binary("+" if sign > 0 else "-", out, term)
    return out


def without(node: Node, missing: set[str]) -> Node:
    """The terms of a side that name none of ``missing`` (rows a table does not print)."""
    return linear([(s, t) for s, t in terms(node)
                   if not (isinstance(t, Name) and t.name in missing)])


def side(node: Node | None, unit: str) -> Node | None:
    """A side of a comparison: money sums are snapped to the fen (float noise in a spreadsheet
    never decides a verdict)."""
    if node is None:
        return None
    node = in_unit(node, unit)
    if len(terms(node)) > 1 and unit in ("万元", "元"):
        return fen(node)
    return node


def instance(rule: Rule, key: str, description: str, left: Node | None, right: Node | None,
             place: str, link: str | None, **bound: Node) -> Instance:
    longer = max((n for n in (left, right) if n is not None), key=lambda n: len(terms(n)),
                 default=None)
    addends = tuple(in_unit(t, rule.unit) for _, t in terms(longer)) if longer else ()
    return Instance(rule, key, description, side(left, rule.unit), side(right, rule.unit),
                    place, link, addends, dict(bound))


def used_names(*nodes: Node | None) -> list[str]:
    return list(dict.fromkeys(n for node in nodes if node is not None for n in names(node)))
