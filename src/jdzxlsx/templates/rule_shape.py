"""What a rule's expansion asks of it (templates/<year>/checks.toml): the keys each family
needs and the ones it refuses, `requires` and `absent`, the placeholders a family fills —
checked when the template loads, so a fault names its file and line."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..expr import Count, Name, Query, names, placeholders, walk
from .common import Section

if TYPE_CHECKING:
    from .rules import Rule

# expansions over the rows of one table (`table`)
TABLE_FAMILIES = ("row", "parent", "class", "economic_parent", "economic_class")
# expansions whose rows say where to look themselves (a voucher, a line): no `place`
SELF_PLACED = {"staffing", "double_entry_file", "voucher", "repeated_voucher", "line",
               "file_account"}
# expansions over an input that may be missing (a sheet of 基础信息): without it the rule is
# listed as 未核对 with its `absent` reason
SOURCE_FAMILIES = {"staffing", "unit", "performance"}
# each = "performance": which lines of the 绩效自评 scorecard (entries) and, with `typed`, only
# those where the office typed that figure → the typed markers that entries may carry
# (手填等级: the sheet's typed grade, carried by the total)
PERFORMANCE_ENTRIES = {"indicators": ("自评得分", "手填得分率"),
                       "measures": ("自评得分", "手填得分率", "单位所填比率"),
                       "groups": ("手填分值", "手填得分", "手填得分率"),
                       "total": ("手填分值", "手填得分", "手填得分率", "手填等级")}
LINE_KINDS = ("problems", "warnings")   # each = "line": the lines with 错误 or with 警告


def check_sides(item: Section, rule: Rule, sides: str) -> None:
    written = {"left": rule.left is not None,
               "right": rule.right is not None or rule.right_each is not None}
    wanted = {"both": {"left", "right"}, "left": {"left"}, "right": {"right"},
              "none": set()}[sides]
    for side in ("left", "right"):
        if written[side] and side not in wanted:
            raise item.origin(side).error(f"each = {rule.each!r} 的规则由程序生成{side}，不要写它。")
        if side in wanted and not written[side]:
            raise item.origin().error(f"规则 {rule.id} 缺少「{side}」。")
    for key in ("table",) if rule.each in TABLE_FAMILIES else ():
        if not rule.table:
            raise item.origin().error(f"each = {rule.each!r} 的规则须写明 table。")
    if rule.side not in (None, "left", "right"):
        raise item.origin("side").error(f"side = {rule.side!r} 无法理解。",
                                        expected='"left"（收入一侧）或 "right"（支出一侧）')
    if rule.each == "item" and not rule.items:
        raise item.origin().error("each = \"item\" 的规则须写 items（逐项核对哪些项）。")
    if len(set(rule.items)) != len(rule.items):
        raise item.origin("items").error("items 中有重复的项。")
    if rule.items and rule.each == "class" and rule.right_each is None:
        raise item.origin("items").error("each = \"class\" 的 items 只用于有 right_each 的规则"
                                         "（每项一行：左 = 各类之和）。")
    if rule.each == "group" and not (rule.where and rule.group_by):
        raise item.origin().error("each = \"group\" 的规则须写明 where 和 group_by。")
    if rule.each == "parent" and not rule.columns:
        raise item.origin().error("each = \"parent\" 的规则须写明 columns（逐栏核对哪些栏）。")
    if rule.each == "budget_class" and not rule.fund:
        raise item.origin().error("each = \"budget_class\" 的规则须写明 fund。")


def check_source(item: Section, rule: Rule) -> None:
    """`requires` is one formula for the whole rule (no placeholders) and says why with `absent`;
    the family keys name what they select."""
    if rule.requires is not None:
        if not rule.absent:
            raise item.origin("requires").error(
                f"规则 {rule.id} 写了 requires，还须用 absent 说明来源缺失时为何未核对。")
        used = [n.name for n in walk(rule.requires) if isinstance(n, Name)]
        used += [c.value for q in walk(rule.requires) if isinstance(q, (Query, Count))
                 for c in q.criteria]
        if any(placeholders(text) for text in used):
            raise item.origin("requires").error("requires 对整条规则只算一次，不能有占位符。")
    elif rule.absent and rule.each not in SOURCE_FAMILIES and not any(
            names(node) for _, node in rule.formulas()):
        # without requires, `absent` says why a name the rule uses may be missing (an input
        # sheet the office did not give): a rule naming no cell has nothing to be absent
        raise item.origin("absent").error(f"规则 {rule.id} 的 absent 只在写了 requires、"
                                          "或规则引用的名称可能缺失时有用。")
    if rule.lines not in LINE_KINDS:
        raise item.origin("lines").error(f"lines = {rule.lines!r} 无法理解。",
                                         expected="problems（有错误的行）、warnings（有警告的行）")
    if rule.each == "unit" and bool(rule.unit_kinds) == bool(rule.other_unit_kinds):
        raise item.origin().error("each = \"unit\" 的规则须写 unit_kinds（这些类型的单位）或 "
                                  "other_unit_kinds（这些类型以外的单位）之一。")
    if rule.each == "function_name" and not rule.function_names:
        raise item.origin().error("each = \"function_name\" 的规则须写 function_names（科目名称）。")
    if rule.each == "file_account" and rule.where is None:
        raise item.origin().error("each = \"file_account\" 的规则须写 where（要列出的底稿行）。")
    if rule.each == "performance":
        _check_performance(item, rule)


def _check_performance(item: Section, rule: Rule) -> None:
    """entries names which lines of the scorecard, typed a figure those lines may carry; the
    formulas name the lines' cells by {key} ({label} is words, for the description)."""
    if rule.entries is None:
        raise item.origin().error("each = \"performance\" 的规则须写 entries（逐项核对哪些行）。",
                                  expected="、".join(PERFORMANCE_ENTRIES))
    if rule.entries not in PERFORMANCE_ENTRIES:
        raise item.origin("entries").error(f"entries = {rule.entries!r} 无法理解。",
                                           expected="、".join(PERFORMANCE_ENTRIES))
    if rule.typed is not None and rule.typed not in PERFORMANCE_ENTRIES[rule.entries]:
        raise item.origin("typed").error(f"entries = \"{rule.entries}\" 的行没有单位填写的"
                                         f"「{rule.typed}」。",
                                         expected="、".join(PERFORMANCE_ENTRIES[rule.entries]))
    for key, node in rule.formulas():
        if any("label" in placeholders(n.name) for n in walk(node) if isinstance(n, Name)):
            raise item.origin(key).error("{label} 是指标的文字说明，只用于 description；"
                                         "名称中用 {key}。", expected="绩效_{key}_得分")


def check_placeholders(item: Section, rule: Rule, fills: set[str]) -> None:
    texts = [("description", rule.description), ("place", rule.place or "")]
    if rule.right_each is not None:          # one row over all classes (or one per item):
        for key, text in texts:              # only right_each fills the classes
            if set(placeholders(text)) - ({"item"} if rule.items else set()):
                raise item.origin(key).error(f"有 right_each 的规则只有一行（有 items 时每项一行），"
                                             f"「{key}」中不能有其他占位符。",
                                             expected="{item}" if rule.items else "（无占位符）")
        texts = [(k, t) for k, t in texts if rule.items]
    if rule.each == "class" and not rule.items:
        fills = fills - {"item"}
    for key, node in rule.formulas():
        texts += [(key, n.name) for n in walk(node) if isinstance(n, Name)]
        texts += [(key, c.value) for q in walk(node) if isinstance(q, (Query, Count))
                  for c in q.criteria]
    for key, text in texts:
        for name in placeholders(text):
            if name not in fills:
                raise item.origin(key).error(
                    f"「{{{name}}}」不是{_family_words(rule.each)}提供的占位符。",
                    expected="、".join("{" + f + "}" for f in sorted(fills)) or "（无占位符）")


def _family_words(each: str | None) -> str:
    return f" each = \"{each}\" " if each else "不展开的规则"
