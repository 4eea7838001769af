"""Findings: each planned 核对表 row evaluated — the one result the 核对表 sheet and the command
line both render.  A row's 差额, 比率, 允许差额 and 结论 come from its rule's verdict kind
(templates: [compare.<kind>]), with the row's own values bound to 左, 右, 差额 …"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from ..expr import Binary, Call, Name, Node, Number, bind, literal, names
from ..expr import EvaluationError
from ..model import UnknownName, WorkbookContext
from ..templates import COMPARE_COLUMNS, CheckRules, Parameter
from .instances import Instance, linear

VERDICTS = ("不符", "尾差", "一致")


@dataclass
class Finding:
    """A check's outcome as the command line reports it (and as 核对表 shows it)."""

    rule_id: str
    family: str
    description: str
    severity: str
    verdict: object
    left: object
    right: object
    difference: object
    unit: str
    place: str
    advice: str
    ratio: object = None
    allowance: object = None
    addends: object = None            # how many independently rounded addends are not 0
    link: str | None = None

    @property
    def is_problem(self) -> bool:
        return self.verdict == "不符"


@dataclass
class CheckResult:
    """Every row with its finding, the rules this workbook cannot check, the tolerances used."""

    rows: list[tuple[Instance, Finding]] = field(default_factory=list)
    not_checked: list[str] = field(default_factory=list)
    parameters: list[Parameter] = field(default_factory=list)

    @property
    def findings(self) -> list[Finding]:
        return [finding for _, finding in self.rows]


def nonzero_addends(instance: Instance) -> Node:
    """How many of the independently rounded addends are not 0: IF(a<>0,1,0)+IF(b<>0,1,0)…"""
    return linear([(1, Call("IF", (Binary("<>", a, Number(0)), Number(1), Number(0))))
                   for a in instance.addends])


def uses_addends(kind) -> bool:
    return any("非零加项数" in names(node) for node in kind.columns.values())


def row_formulas(instance: Instance, rules: CheckRules, cells: dict[str, Node],
                 only: str | None = None) -> dict[str, Node]:
    """The verdict kind's formulas for this row (or its column ``only``), with 左, 右 … bound to
    ``cells`` (the row's cells on the sheet, or its computed values) and the bound names to
    this row's."""
    kind = rules.compare[instance.rule.compare]
    wanted = {c: n for c, n in kind.columns.items() if only is None or c == only}
    bindings = {"每项尾差": Name(instance.rule.tail), **instance.bound, **cells}
    if "非零加项数" not in cells and any("非零加项数" in names(n) for n in wanted.values()):
        bindings["非零加项数"] = nonzero_addends(instance)
    return {column: bind(node, bindings) for column, node in wanted.items()}


def evaluate(instances: list[Instance], rules: CheckRules, context: WorkbookContext
             ) -> list[tuple[Instance, Finding]]:
    out = []
    for instance in instances:
        try:
            out.append((instance, _finding(instance, rules, context)))
        except (EvaluationError, UnknownName) as error:
            raise instance.rule.origin.error(f"规则 {instance.id} 的左值或右值{_why(error)}。",
                                             expected=EXPECTED) from None
    return out


EXPECTED = "公式只引用本行的栏、参数和表中定义的名称；除数先用 IF 判断是否为 0"


def _why(error: Exception) -> str:
    if isinstance(error, UnknownName):
        return f"用到的名称「{error.name}」在工作簿中没有定义"
    return f"无法计算（{error}）"


def _finding(instance: Instance, rules: CheckRules, context: WorkbookContext) -> Finding:
    """Left, right, then the verdict kind's columns in order, each with the values before it."""
    values: dict[str, object] = {}
    if instance.left is not None:
        values["左"] = context.evaluate(instance.left)
    if instance.right is not None:
        values["右"] = context.evaluate(instance.right)
    kind = rules.compare[instance.rule.compare]
    if uses_addends(kind):
        values["非零加项数"] = context.evaluate(nonzero_addends(instance))
    for column in COMPARE_COLUMNS:
        if column in kind.columns:
            bound = row_formulas(instance, rules, {k: literal(v) for k, v in values.items()},
                                 only=column)
            try:
                values[column] = context.evaluate(bound[column])
            except (EvaluationError, UnknownName) as error:
                raise kind.origin.error(f"结论种类「{kind.name}」的「{column}」用于规则 "
                                        f"{instance.id} 时{_why(error)}。",
                                        expected=EXPECTED) from None
    if values["结论"] not in VERDICTS:      # any other word would be counted nowhere
        raise kind.origin.error(f"结论种类「{kind.name}」用于规则 {instance.id} 时得出"
                                f"「{values['结论']}」。", expected="、".join(VERDICTS))
    rule = instance.rule
    return Finding(
        rule_id=instance.id, family=rule.family, description=instance.description,
        severity=rule.severity, verdict=values["结论"], left=values.get("左"),
        right=values.get("右"), difference=values.get("差额"), unit=rule.unit,
        place=instance.place, advice=rule.advice, ratio=values.get("比率"),
        allowance=values.get("允许差额"), addends=values.get("非零加项数"),
        link=instance.link)


def tolerance_text(parameters: list[Parameter]) -> str:
    """The tolerances a check run used, in words: 「尾差：… 0.01；…」."""
    return "；".join(f"{p.label} {_plain(p.value)}" for p in parameters)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
