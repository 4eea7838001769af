"""Check rules, verdict kinds and tolerances (templates/<year>/checks.toml) read into typed,
validated objects.  Formulas are the one language (expr); what a family expands over, and the
placeholders it fills, are listed here so a rule that asks for anything else is refused."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from ..expr import Node, Query, names
from .common import Origin, Section, query_at
from .rule_shape import SELF_PLACED, check_placeholders, check_sides, check_source

SEVERITIES = ("错误", "警告", "提示")
UNITS = ("万元", "元", "人", "行", "辆", "分", "比率", "等级")   # what a rule's values count
# (queries shown in 万元 or 元; 分 a 绩效 score, 比率 a rate as a fraction, 等级 a grade's text)

# The expansions a rule may name with `each` (checks/plan.py, ledger.py implement them):
# each → (keys it adds, placeholders it fills, which sides the rule writes: "both", "left",
# "right", "none")
EXPANSIONS: dict[str | None, tuple[set[str], set[str], str]] = {
    None: (set(), set(), "both"),
    "row": ({"table", "side"}, {"code", "row"}, "both"),
    "parent": ({"table", "columns"}, {"code", "column"}, "none"),
    "class": ({"table", "right_each", "items"}, {"class_code", "class_name", "item"}, "both"),
    "item": ({"items"}, {"item"}, "both"),
    "economic_parent": ({"table"}, {"code", "name"}, "none"),
    "economic_class": ({"table", "right_each", "except_classes"}, {"class_code", "class_name"},
                       "both"),
    "group": ({"where", "group_by", "group_digits"}, set(), "left"),
    "month": (set(), {"month"}, "both"),
    "fund": (set(), {"fund"}, "both"),
    "budget_class": ({"fund"}, {"class_code", "class_name", "fund"}, "both"),
    "staffing": (set(), {"field"}, "none"),
    "double_entry_file": (set(), {"file"}, "none"),
    "voucher": (set(), {"voucher", "unit", "period"}, "none"),
    "repeated_voucher": (set(), {"voucher", "unit", "period", "files"}, "none"),
    "line": ({"lines", "grouped"}, {"place", "problem"}, "none"),
    "unit": ({"unit_kinds", "other_unit_kinds"}, {"unit", "kind"}, "both"),
    "function_name": ({"function_names"}, {"code", "name"}, "both"),
    "file_account": ({"where"}, {"file", "account", "lines", "amount"}, "right"),
    "performance": ({"entries", "typed"}, {"key", "label"}, "both"),
}
RULE_KEYS = {"id", "family", "severity", "description", "each", "left", "right", "compare",
             "unit", "advice", "place", "missing_is_zero", "full_year_only", "tail",
             "requires", "absent"}
# the row names an expansion gives a verdict kind besides the tolerance
ROW_BINDINGS = {"line": {"左", "标记"}}
DEFAULT_BINDINGS = {"左", "右"}
# Names a verdict kind may use beyond its row's cells: what the family and the rule bind.
BOUND_NAMES = ("非零加项数", "每项尾差", "标记")
COMPARE_COLUMNS = ("差额", "比率", "允许差额", "结论")
EXCEL_NAME = re.compile(r"^[^\W\d][\w.]*$")
CELL_LIKE = re.compile(r"^([A-Za-z]{1,3}\d+|[Rr]\d*[Cc]\d*)$")


@dataclass
class Parameter:
    """A tolerance or limit: a named cell of 核对表, so an edit there recomputes every verdict."""

    name: str
    label: str
    value: Decimal
    origin: Origin


@dataclass
class CompareKind:
    """A verdict kind: formulas for the 差额, 比率, 允许差额 and 结论 cells of a row."""

    name: str
    columns: dict[str, Node]
    origin: Origin


@dataclass
class Rule:
    id: str
    family: str
    severity: str
    description: str
    each: str | None
    compare: str
    unit: str
    tail: str                            # the parameter that is this rule's 尾差 per addend
    origin: Origin
    left: Node | None = None
    right: Node | None = None
    right_each: Node | None = None
    advice: str = ""
    place: str | None = None
    table: str | None = None
    columns: list[str] = field(default_factory=list)
    fund: str | None = None
    where: Query | None = None
    group_by: str | None = None
    group_digits: int | None = None
    missing_is_zero: bool = False
    full_year_only: bool = False
    requires: Node | None = None         # 0 (nothing to check against) → every row 未核对
    absent: str = ""                     # why, in words, when `requires` is 0 or the source is missing
    lines: str = "problems"              # each = "line": which lines (problems → 错误, warnings → 警告)
    grouped: bool = False                # each = "line": one row per thing said, not per line
    unit_kinds: list[str] = field(default_factory=list)        # each = "unit": units of these kinds
    other_unit_kinds: list[str] = field(default_factory=list)  # … or of any kind but these
    function_names: list[str] = field(default_factory=list)    # each = "function_name"
    side: str | None = None              # each = "row" over a two-sided table: its left or right
    items: list[str] = field(default_factory=list)             # each = "item"; class: per item
    except_classes: list[str] = field(default_factory=list)    # each = "economic_class"
    entries: str | None = None           # each = "performance": indicators, measures, groups, total
    typed: str | None = None             # … only those where the office typed this figure
    section: Section | None = field(default=None, repr=False, compare=False)  # as written

    def at(self, key: str) -> Origin:
        """Where ``key`` was written (found when an error needs it: a line look-up is slow)."""
        if self.section is not None and key in self.section.data:
            return self.section.origin(key)
        return self.origin

    def formulas(self) -> list[tuple[str, Node]]:
        return [(k, v) for k, v in (("left", self.left), ("right", self.right),
                                    ("right_each", self.right_each)) if v is not None]


@dataclass
class CheckRules:
    families: list[str]
    tails: dict[str, str]                # unit → parameter name
    double_entry_account: str
    parameters: dict[str, Parameter] = field(default_factory=dict)
    compare: dict[str, CompareKind] = field(default_factory=dict)
    rules: list[Rule] = field(default_factory=list)


def read_settings(top: Section, into: CheckRules | None) -> CheckRules:
    settings = top.sub("settings")
    settings.only({"families", "tail", "double_entry_account"}, "[settings] ")
    rules = into or CheckRules([], {}, "8001")
    if "families" in settings.data:
        rules.families = list(settings.get("families", list))
    if "tail" in settings.data:
        rules.tails = dict(settings.get("tail", dict))
        for unit, name in rules.tails.items():
            if unit not in UNITS or not isinstance(name, str):
                raise settings.origin("tail").error(f"tail 中的「{unit}」无法理解。",
                                                    expected="单位（" + "、".join(UNITS)
                                                    + "）= 参数名称")
    rules.double_entry_account = settings.get("double_entry_account", str,
                                              rules.double_entry_account)
    for item in top.items("parameter"):
        item.only({"name", "label", "value"}, "参数")
        name = item.require("name", str, "参数")
        if not EXCEL_NAME.match(name) or CELL_LIKE.match(name):
            raise item.origin("name").error(f"参数名「{name}」不能作为 Excel 名称。",
                                            expected="以文字开头，只含文字、数字、_ 和 .")
        value = item.require("value", (int, float), "参数")
        rules.parameters[name] = Parameter(name, item.require("label", str, "参数"),
                                           Decimal(str(value)), item.origin("value"))
    for kind, spec in top.get("compare", dict, {}).items():
        if not isinstance(spec, dict):
            raise top.origin("compare").error(f"结论种类「{kind}」应为一个表 [compare.{kind}]。")
        section = Section(top.file, f"compare.{kind}", 0, spec)
        section.only(set(COMPARE_COLUMNS), f"[compare.{kind}] ")
        if "结论" not in spec:
            raise section.origin().error(f"结论种类「{kind}」缺少「结论」公式。")
        rules.compare[kind] = CompareKind(kind, {c: section.formula(c) for c in COMPARE_COLUMNS
                                                 if c in spec}, section.origin())
    return rules


def read_rule(item: Section, rules: CheckRules) -> Rule:
    each = item.get("each", str)
    if each not in EXPANSIONS:
        raise item.origin("each").error(f"未知的展开方式 each = {each!r}。",
                                        expected="、".join(k for k in EXPANSIONS if k))
    extra, fills, sides = EXPANSIONS[each]
    item.only(RULE_KEYS | extra, f"规则 {item.data.get('id', '')} ")
    rule_id = item.require("id", str, "规则")
    if not re.fullmatch(r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*", rule_id):
        raise item.origin("id").error(f"规则编号「{rule_id}」只能含字母、数字和 -。")
    family = item.require("family", str, "规则")
    if family not in rules.families:
        raise item.origin("family").error(f"未知的核对类别「{family}」。",
                                          expected="、".join(rules.families))
    severity = item.require("severity", str, "规则")
    if severity not in SEVERITIES:
        raise item.origin("severity").error(f"级别「{severity}」无法理解。",
                                            expected="、".join(SEVERITIES))
    unit = item.get("unit", str, "万元")
    if unit not in rules.tails:
        raise item.origin("unit").error(f"单位「{unit}」无法理解。",
                                        expected="、".join(rules.tails))
    compare = item.get("compare", str, "equal")
    if compare not in rules.compare:
        raise item.origin("compare").error(f"未知的结论种类 compare = {compare!r}。",
                                           expected="、".join(rules.compare))
    tail = item.get("tail", str, rules.tails[unit])
    if tail not in rules.parameters:
        raise item.origin("tail").error(f"尾差参数「{tail}」没有定义。",
                                        expected="[[parameter]] 中的名称：" + "、".join(rules.parameters))
    rule = Rule(rule_id, family, severity, item.require("description", str, "规则"), each,
                compare, unit, tail, item.origin(), advice=item.get("advice", str, ""),
                place=item.get("place", str), table=item.get("table", str),
                columns=item.get("columns", list, []), fund=item.get("fund", str),
                group_by=item.get("group_by", str), group_digits=item.get("group_digits", int),
                missing_is_zero=item.get("missing_is_zero", bool, False),
                full_year_only=item.get("full_year_only", bool, False),
                absent=item.get("absent", str, ""), lines=item.get("lines", str, "problems"),
                grouped=item.get("grouped", bool, False),
                unit_kinds=item.texts("unit_kinds"),
                other_unit_kinds=item.texts("other_unit_kinds"),
                function_names=item.texts("function_names"), side=item.get("side", str),
                items=item.texts("items"), except_classes=item.texts("except_classes"),
                entries=item.get("entries", str), typed=item.get("typed", str))
    rule.section = item
    rule.left, rule.right = item.formula("left"), item.formula("right")
    rule.right_each = item.formula("right_each")
    rule.requires = item.formula("requires")
    if "where" in item.data:
        rule.where = query_at(item.get("where"), item.origin("where"), "where")
        if not isinstance(rule.where, Query):
            raise item.origin("where").error("where 应为求和查询，不是计数（#）。")
    if rule.place is not None and each in SELF_PLACED:
        raise item.origin("place").error(f"each = \"{each}\" 的每一行自带位置，不要写 place。")
    check_source(item, rule)
    check_sides(item, rule, sides)
    check_placeholders(item, rule, fills)
    return rule


def compare_names(kind: CompareKind, parameters: dict[str, Parameter]) -> None:
    """A verdict kind may name its row's 左 and 右, the columns it defines before the one being
    written (差额, 比率, 允许差额, 结论 in that order), the bound names and parameters."""
    earlier: set[str] = {"左", "右"}
    for column in COMPARE_COLUMNS:
        node = kind.columns.get(column)
        if node is None:
            continue
        allowed = earlier | set(BOUND_NAMES) | set(parameters)
        for name in names(node):
            if name not in allowed:
                raise kind.origin.error(
                    f"结论种类「{kind.name}」的「{column}」用到「{name}」：它不是本行此前的栏、"
                    "绑定名称或参数。", expected="、".join(sorted(allowed)))
        earlier.add(column)
