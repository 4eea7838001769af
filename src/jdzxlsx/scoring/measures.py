"""Measures: the rates an indicator is scored from (预算完成率 = 预算完成数 ÷ 预算数 …), each
ROUND(分子 ÷ 分母, 4) (written ROUND(ROUND(…, 9), 4): layout.settle) over its printed numerator
and denominator, both formulas over 底稿, 预算指标 and named cells of the input sheets, for the
evaluated unit.

A measure whose input the workbook lacks (a name no sheet defines, a ``requires`` that counts
0, a denominator of 0, or a measure it uses that is itself missing) prints 「未提供」 with the
reason and defines no name; the indicators scored from it fall back to the typed score."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from ..errors import InputError
from ..expr import (Binary, Count, EvaluationError, Name, Node, Number, Query, bind,
                    map_queries, names, queries)
from ..model import Sheet, Workbook, WorkbookContext, fen, to_wan
from ..templates.measures import (MONEY, MONTH_NAME, RATIO, UNIT_PLACEHOLDER, Measure, Term,
                                  measure_names)
from ..templates.performance import PerformanceTemplate
from ..working_paper import WorkingPaper, looks_like_number_or_date
from .layout import CELL, NOT_GIVEN, PREFIX, settle

STYLE = {MONEY: "money", RATIO: "rate"}      # other units (人, 月) are counts


def for_unit(node: Node, unit: str) -> Node:
    """{评价单位} in a query's criteria: the evaluated unit, or for the department as a whole
    ("") no condition at all."""
    def change(query: Query | Count) -> Node:
        kept = tuple(replace(c, value=unit) if c.value == UNIT_PLACEHOLDER else c
                     for c in query.criteria if unit or c.value != UNIT_PLACEHOLDER)
        return replace(query, criteria=kept)
    return map_queries(node, change)


@dataclass
class MeasurePlan:
    measure: Measure
    terms: list[Node | None]            # the 分子 and 分母 cells' formulas (None: not given)
    missing: str = ""                   # why the rate is not computed ("" when it is)
    notes: list[str] = field(default_factory=list)

    @property
    def given(self) -> bool:
        return not self.missing


def _term_cell(term: Term, value: Node) -> Node:
    return to_wan(fen(value)) if term.unit == MONEY else value


def _rate(numerator: Node, denominator: Node) -> Node:
    return settle(Binary("/", numerator, denominator), 4)


def plan_measures(spec: PerformanceTemplate, book: Workbook, paper: WorkingPaper,
                  unit: str, month: int) -> dict[str, MeasurePlan]:
    """Which measures this workbook can compute for ``unit``, and their cells' formulas."""
    if unit and looks_like_number_or_date(unit):
        raise InputError(f"评价单位「{unit}」的名称像数字或日期，Excel 的 SUMIFS 会把它当作数或日期匹配。",
                         hint="在预算单位表和账中给单位一个文字名称。")
    given = set(book.data_names()) | set(book.cell_names())
    context = WorkbookContext(book, paper)
    inline: dict[str, Node] = {MONTH_NAME: Number(month)}   # the sheet's names, for Python
    owner = {n: m for m in spec.measures for n in measure_names(m)}
    plans: dict[str, MeasurePlan] = {}

    def available(name: str) -> bool:
        if name in owner:
            return plan(owner[name]).given
        return name == MONTH_NAME or name in given

    def plan(measure_id: str) -> MeasurePlan:
        if measure_id in plans:
            return plans[measure_id]
        measure = spec.measures[measure_id]
        result = MeasurePlan(measure, [])
        for name in measure.names():
            if name in owner and not plan(owner[name]).given:
                result.missing = result.missing or f"「{owner[name]}」{NOT_GIVEN}"
            elif name not in owner and name != MONTH_NAME and name not in given:
                result.missing = result.missing or f"工作簿中没有「{name}」（输入目录中没有这一项）"
        for term in (measure.numerator, measure.denominator):
            value = for_unit(term.value, unit)
            if term.fallback is not None and not any(paper.matching(q) for q in queries(value)):
                value = for_unit(term.fallback, unit)
                result.notes.append(f"底稿中没有符合「{term.label}」原定条件的行（如没有12月科目余额表），"
                                    "按替代公式推算")
            usable = all(available(n) for n in names(value))
            result.terms.append(_term_cell(term, value) if usable else None)
        if result.given and measure.requires is not None \
                and context.evaluate(for_unit(measure.requires, unit)) == 0:
            result.missing = measure.absent
        if result.given:
            numerator, denominator = (bind(t, inline) for t in result.terms)
            try:
                zero = context.evaluate(denominator) == 0
            except EvaluationError as error:
                zero, result.missing = False, f"分母无法计算（{error}）"
            if zero:
                result.missing = "分母为 0，无法计算"
            else:
                rate, top, bottom = measure_names(measure_id)
                inline.update({top: numerator, bottom: denominator,
                               rate: _rate(numerator, denominator)})
        plans[measure_id] = result
        return result

    for measure_id in spec.measures:
        plan(measure_id)
    return plans


def rate_node(measure_id: str) -> Node:
    """What an indicator scored from a measure reads: the rate's defined name."""
    return Name(f"{PREFIX}{measure_id}")


BASIS_HEADERS = [((0, 1), "计算项目"), ((2, 2), "分子"), ((3, 4), "分子数"), ((5, 6), "分母"),
                 ((7, 7), "分母数"), ((8, 8), "计算式"), ((9, 10), "比率"), ((11, 14), "说明")]


def write_basis(sheet: Sheet, row: int, plans: dict[str, MeasurePlan], month: int,
                title: str) -> int:
    """The 计算依据 block: the period's last month (named), then per measure 分子 label |
    分子 | 分母 label | 分母 | 计算式 | 比率 | 说明.  Returns the next free row."""
    sheet.text(row, 0, title, "section")
    sheet.merge(row, 0, row, 14)
    row += 1
    for (first, last), header in BASIS_HEADERS:
        sheet.text(row, first, header, "header")
        sheet.merge(row, first, row, last)
    row += 1
    sheet.text(row, 0, "期末月份", "label")
    sheet.merge(row, 0, row, 1)
    sheet.text(row, 2, "本表所据账务的最后一个月", "note")
    sheet.named_number(row, 3, MONTH_NAME, month, "count")
    sheet.merge(row, 3, row, 4)
    row += 1
    for measure_id, plan in plans.items():
        measure = plan.measure
        base = f"{CELL}{measure_id}"
        rate, top, bottom = measure_names(measure_id)
        sheet.text(row, 0, measure_id, "label")
        sheet.merge(row, 0, row, 1)
        for (label_col, value_col, last), term, node, name, key in (
                ((2, 3, 4), measure.numerator, plan.terms[0], top, "分子"),
                ((5, 7, 7), measure.denominator, plan.terms[1], bottom, "分母")):
            unit_text = "" if term.unit == RATIO else f"（{term.unit}）"
            sheet.text(row, label_col, term.label + unit_text, "note")
            if label_col == 5:
                sheet.merge(row, 5, row, 6)
            if node is None:
                sheet.text(row, value_col, NOT_GIVEN, "label_flagged")
            else:
                sheet.formula(row, value_col, f"{base}.{key}", node, STYLE.get(term.unit, "count"))
                if plan.given:
                    sheet.names.append((name, f"{base}.{key}"))
            sheet.merge(row, value_col, row, last)
        sheet.text(row, 8, measure.label, "note")
        if plan.given:
            sheet.formula(row, 9, base, _rate(Name(top), Name(bottom)), "rate")
            sheet.names.append((rate, base))
        else:
            sheet.text(row, 9, NOT_GIVEN, "label_flagged")
        sheet.merge(row, 9, row, 10)
        sheet.text(row, 11, "；".join(([plan.missing] if plan.missing else []) + plan.notes),
                   "note")
        sheet.merge(row, 11, row, 14)
        row += 1
    return row
