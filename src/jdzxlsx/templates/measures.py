"""The measures of the 绩效自评 template: each rate a numerator and a denominator, formulas over
底稿, 预算指标 and named cells, for the evaluated unit ({评价单位}) — read and validated here,
turned into cells by scoring/measures.py."""

from __future__ import annotations

from dataclasses import dataclass

from ..expr import Count, Name, Node, Query, names, placeholders, queries, walk
from .common import Origin, Section, refuse_cycles, valid_name

MEASURE_KEYS = {"id", "label", "numerator", "denominator", "requires", "absent"}
TERM_KEYS = {"label", "value", "unit", "fallback"}
UNIT_PLACEHOLDER = "{评价单位}"
PREFIX = "绩效_"
MONTH_NAME = "绩效_期末月份"           # the data cell of the sheet: the period's last month
MONEY, RATIO = "万元", "比率"
TERM_UNITS = (MONEY, RATIO, "人", "月")


@dataclass(frozen=True)
class Term:
    """A measure's numerator or denominator: a formula over 底稿, 预算指标 and named cells;
    ``fallback`` when no 底稿 line meets the value's queries (as a table row's)."""

    label: str
    value: Node
    unit: str                       # 万元 (元 shown ROUND(元/10000,2)) | 比率 | 人 | 月
    fallback: Node | None = None


@dataclass(frozen=True)
class Measure:
    id: str
    label: str
    numerator: Term
    denominator: Term
    origin: Origin
    requires: Node | None = None    # 0 → the measure's input is not given (「未提供」, ``absent``)
    absent: str = ""

    def names(self) -> list[str]:
        nodes = [self.numerator.value, self.numerator.fallback, self.denominator.value,
                 self.denominator.fallback, self.requires]
        return list(dict.fromkeys(n for node in nodes if node is not None for n in names(node)))


def measure_names(measure_id: str) -> list[str]:
    return [f"{PREFIX}{measure_id}", f"{PREFIX}{measure_id}_分子", f"{PREFIX}{measure_id}_分母"]



def _term(item: Section, key: str, measure: str) -> Term:
    data = item.get(key, dict)
    if data is None:
        raise item.origin().error(f"比率「{measure}」缺少「{key}」。",
                                  expected=f'{key}.label、{key}.value、{key}.unit')
    section = Within(item.file, f"{item.table}.{key}", item.index, data, item.origin(key))
    what = f"比率「{measure}」的 {key} "
    section.only(TERM_KEYS, what)
    term = Term(section.require("label", str, what), section.formula("value", required=True),
                section.require("unit", str, what), section.formula("fallback"))
    if term.unit not in TERM_UNITS:
        raise item.origin(key).error(f"{what}的 unit「{term.unit}」无法理解。",
                                     expected="、".join(TERM_UNITS))
    if term.fallback is not None and not any(q.table == "底稿" for q in queries(term.value)):
        raise item.origin(key).error(f"{what}的 fallback 只用于 value 含底稿查询的项。")
    for node in (term.value, term.fallback):
        if node is not None:
            _unit_placeholder_only(node, item.origin(key), what)
    return term


@dataclass
class Within(Section):
    """A table written with dotted keys (numerator.value = …): its errors name the line of the
    measure it belongs to."""

    at: Origin | None = None

    def origin(self, key: str = "") -> Origin:
        return self.at


def _unit_placeholder_only(node: Node, origin: Origin, what: str) -> None:
    """{评价单位} is the one placeholder, and only as a whole criterion value."""
    for n in walk(node):
        if isinstance(n, Name) and placeholders(n.name):
            raise origin.error(f"{what}的名称「{n.name}」中不能有占位符。")
        if isinstance(n, (Query, Count)):
            for c in n.criteria:
                if placeholders(c.value) and (c.value != UNIT_PLACEHOLDER or c.prefix):
                    raise origin.error(f"{what}的条件「{c.column}={c.value}」中的占位符不会被填写。",
                                       expected=f"{c.column}={UNIT_PLACEHOLDER}")


def read_measure(item: Section) -> Measure:
    item.only(MEASURE_KEYS, "比率 ")
    measure_id = item.require("id", str, "比率 ")
    if not all(valid_name(n) for n in measure_names(measure_id)):
        raise item.origin("id").error(f"比率 id「{measure_id}」不能用作 Excel 名称的一部分"
                                      "（只能用文字、数字和 _）。", expected="预算完成率")
    requires = item.formula("requires")
    absent = item.get("absent", str, "")
    if requires is not None:
        _unit_placeholder_only(requires, item.origin("requires"), f"比率「{measure_id}」的 requires")
        if not absent:
            raise item.origin("requires").error(f"比率「{measure_id}」有 requires 却没有 absent"
                                                "（缺数时写明缺的是什么）。")
    elif absent:
        raise item.origin("absent").error("absent 只与 requires 一起用。")
    return Measure(measure_id, item.require("label", str, "比率 "),
                   _term(item, "numerator", measure_id), _term(item, "denominator", measure_id),
                   item.origin(), requires, absent)


def order_measures(measures: dict[str, Measure]) -> None:
    """A measure may use another's rate, numerator or denominator, without a cycle; the
    names of the sheet it may use are those and the period's last month."""
    own = {n: m.id for m in measures.values() for n in measure_names(m.id)}
    uses = {}
    for measure in measures.values():
        used = []
        for name in measure.names():
            if name.startswith(PREFIX) and name not in own and name != MONTH_NAME:
                raise measure.origin.error(f"比率「{measure.id}」用到「{name}」，它不是任何比率的名称。",
                                           expected="、".join(sorted(own)))
            if name in own:
                if own[name] == measure.id:
                    raise measure.origin.error(f"比率「{measure.id}」用到了自己的「{name}」。")
                used.append(own[name])
        uses[measure.id] = used
    refuse_cycles(uses, {m.id: m.origin for m in measures.values()}, "比率")
