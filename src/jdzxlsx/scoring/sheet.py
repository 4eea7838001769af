"""The 绩效自评 sheet: the office's indicator tree with merged level cells, each indicator's
rate and score a live formula beside the score the office typed, a 小计 per 二级指标, a 合计 per
一级指标, the 总计, its 得分率 and the grade from banded cells; then the grade bands and the
计算依据 of every measure.  The Scorecard tells the checks which lines carry typed figures."""

from __future__ import annotations

from itertools import groupby

from ..errors import InputError
from ..expr import Binary, Call, Name, Node, Ref, Sum, Text
from ..model import Sheet, Workbook
from ..templates import Template
from ..templates.performance import PerformanceTemplate, fold
from ..working_paper import Indicator, PerformanceSheet, TypedTotal, WorkingPaper
from .card import ScoreEntry, Scorecard
from .layout import (ACTUAL, ACTUAL_TEXT, CELL, COLUMNS, FIRST_DATA, HEADER_TOP, LAST, LEVEL1,
                     LEVEL2, NAME, NOTE, PREFIX, RATE, RULE, SCORE, SUBTITLE_ROW, TARGET,
                     TARGET_TEXT, TITLE_ROW, TYPED_HEADER, TYPED_RATE, TYPED_SCORE, TYPED_WEIGHT,
                     WEIGHT, NOT_GIVEN, blank_row, fit_rows, named_text, settle)
from .measures import MeasurePlan, plan_measures, rate_node, write_basis
from .rules import RATE_KINDS, choose, describe, indicator_name, not_a_rate, score_node

NO_SHEET = ("输入目录中没有绩效指标表（一级指标、二级指标、三级指标、分值、自评得分 …）：本表不评分，"
            "只列出部门整体的计算依据。")
BASIS_TITLE = "计算依据（各比率 = ROUND(分子 ÷ 分母, 4)，万元数各自从元四舍五入；均为公式，改动底稿后随之重算）"
GRADES_TITLE = "等级标准（总分不低于下限即为该等级；可改，改后等级随之重算）"


def build_scorecard(book: Workbook, paper: WorkingPaper,
                    template: Template) -> tuple[Sheet, Scorecard]:
    """The sheet (not yet added to ``book``, whose tables and input sheets it reads) and the
    scorecard of its typed figures."""
    spec = template.performance
    performance = paper.performance
    unit = performance.unit if performance else ""
    unit_label = performance.unit_label if performance else paper.department
    month = int(paper.period_end[5:])
    plans = plan_measures(spec, book, paper, unit, month)
    sheet = Sheet(spec.sheet, tab_color="#7030A0")
    card = Scorecard()
    period = (f"{paper.year}年度" if month == 12 else f"{paper.year}年1—{month}月")
    sheet.text(TITLE_ROW, 0, spec.title.replace("{unit_label}", unit_label)
               .replace("{year}", str(paper.year)), "title")
    sheet.merge(TITLE_ROW, 0, TITLE_ROW, LAST)
    sheet.row_heights[TITLE_ROW] = 30
    sheet.text(SUBTITLE_ROW, 0, f"评价对象：{unit_label}　　期间：{period}　　满分：{spec.full_marks} 分"
               f"　　部门：{paper.department}　　各项得分均限在 0 与分值之间，保留两位小数",
               "unit_line")
    sheet.merge(SUBTITLE_ROW, 0, SUBTITLE_ROW, LAST)
    if performance is None or not performance.indicators:
        sheet.text(HEADER_TOP, 0, NO_SHEET, "text")
        sheet.merge(HEADER_TOP, 0, HEADER_TOP, LAST)
        row = HEADER_TOP + 1
    else:
        _header(sheet)
        row = _tree(sheet, performance, spec, plans, card, paper.period_end)
        row = _grade_bands(sheet, spec, row + 1)
        sheet.freeze = (FIRST_DATA, 0)
        sheet.repeat_rows = (HEADER_TOP, FIRST_DATA - 1)
    row = write_basis(sheet, row + 1, plans, month, BASIS_TITLE)
    for col, (_, width) in enumerate(COLUMNS):
        sheet.col_widths[col] = width
    fit_rows(sheet)
    sheet.print_area = (0, 0, row - 1, LAST)
    return sheet, card


def _header(sheet: Sheet) -> None:
    for col, (header, _) in enumerate(COLUMNS):
        if col in (TYPED_WEIGHT, TYPED_SCORE, TYPED_RATE):
            sheet.text(HEADER_TOP + 1, col, header, "header")
        else:
            sheet.text(HEADER_TOP, col, header, "header")
            sheet.merge(HEADER_TOP, col, HEADER_TOP + 1, col)
    sheet.text(HEADER_TOP, TYPED_WEIGHT, TYPED_HEADER, "header")
    sheet.merge(HEADER_TOP, TYPED_WEIGHT, HEADER_TOP, TYPED_RATE)


def _typed_totals(performance: PerformanceSheet) -> dict[tuple, TypedTotal]:
    found: dict[tuple, TypedTotal] = {}
    for total in performance.totals:
        key = {"二级": ("二级", fold(total.level1), fold(total.level2)),
               "一级": ("一级", fold(total.level1))}.get(total.level, ("总计",))
        if key in found:
            raise _place_error(total, f"「{total.level1}{total.level2}」的{total.level}合计填了两行。")
        found[key] = total
    return found


def _place_error(total: TypedTotal, message: str) -> InputError:
    return InputError(message, file=total.source.file, sheet=total.source.sheet,
                      row=total.source.row, hint="删去多余的合计行，或改正它所在的指标。")


def _tree(sheet: Sheet, performance: PerformanceSheet, spec: PerformanceTemplate,
          plans: dict[str, MeasurePlan], card: Scorecard, period_end: str) -> int:
    """The indicators, group rows and grade row; returns the row after the grade."""
    typed = _typed_totals(performance)
    row, seconds, firsts, total_parts = FIRST_DATA, 0, 0, []
    for level1, run1 in groupby(performance.indicators, key=lambda i: i.level1):
        firsts += 1
        start1, parts = row, []
        for level2, run2 in groupby(run1, key=lambda i: i.level2):
            start2, members = row, []
            for indicator in run2:
                members.append(_indicator_row(sheet, row, indicator, spec, plans, card, period_end))
                row += 1
            if not level2:
                parts += members
                continue
            seconds += 1
            key = f"二级{seconds}"
            _group_row(sheet, row, key, "小计", (NAME, NAME), members,
                       typed.pop(("二级", fold(level1), fold(level2)), None), card,
                       f"{level1}／{level2}", "二级")
            sheet.text(start2, LEVEL2, level2, "level")
            sheet.merge(start2, LEVEL2, row, LEVEL2)
            parts.append(_group_cells(key))
            row += 1
        key = f"一级{firsts}"
        _group_row(sheet, row, key, "合计", (LEVEL2, NAME), parts,
                   typed.pop(("一级", fold(level1)), None), card, level1, "一级")
        sheet.text(start1, LEVEL1, level1, "level")
        sheet.merge(start1, LEVEL1, row, LEVEL1)
        total_parts.append(_group_cells(key))
        row += 1
    _group_row(sheet, row, "总计", "总计", (LEVEL1, NAME), total_parts, typed.pop(("总计",), None),
               card, "总计", "总计")
    for total in typed.values():
        raise _place_error(total, f"这一{total.level}合计行对应的指标「{total.level1}{total.level2}」"
                                  "不在表中。")
    row += 1
    _grade_row(sheet, row, spec, performance, card)
    return row + 1


def _group_cells(key: str) -> tuple[Node, Node]:
    return Ref(f"{CELL}{key}.分值"), Ref(f"{CELL}{key}.得分")


def _indicator_row(sheet: Sheet, row: int, indicator: Indicator, spec: PerformanceTemplate,
                   plans: dict[str, MeasurePlan], card: Scorecard,
                   period_end: str) -> tuple[Node, Node]:
    """One indicator: its figures as the office typed them, the rate and the score as
    formulas; on the scorecard, the typed figures the checks cannot compare, and why.  Returns
    its (分值, 得分) for the group rows."""
    if indicator.weight <= 0:
        raise InputError(f"指标「{indicator.name}」的分值 {indicator.weight} 应大于 0。",
                         file=indicator.source.file, sheet=indicator.source.sheet,
                         row=indicator.source.row, column="分值",
                         hint="填上该指标的分值（权重），或删去这一行。")
    scoring = choose(indicator, spec, plans)
    seq, base = indicator.seq, f"{CELL}指标{indicator.seq}"
    typed: set[str] = set()
    unchecked: dict[str, str] = {}
    blank_row(sheet, row, set())
    sheet.text(row, NAME, indicator.name, "note")
    sheet.named_number(row, WEIGHT, indicator_name(seq, "分值"), indicator.weight, "plain")
    sheet.text(row, TARGET_TEXT, indicator.target.text, "note")
    actual = indicator.actual
    measure = scoring.measure or scoring.wanted         # scored from the books, if given
    if measure is not None:
        # the rate the books give cannot be compared with what the office stated or scored:
        # its inputs are missing, or the period is short of the year the office reported
        if scoring.wanted is not None:
            why = scoring.reason
        elif not period_end.endswith("-12"):
            why = (f"期间至 {period_end}，未满一年：按账比率不能与全年填报的实际完成值、"
                   "自评得分比较")
        else:
            why = ""
        if why:
            unchecked = {"单位所填比率": why, "自评得分": why}
            if scoring.wanted is None:      # the typed 得分率 follows the typed score
                unchecked["手填得分率"] = why
    elif scoring.reason:        # its rule could not be applied: the typed score stands unchecked
        unchecked = {"自评得分": f"{scoring.reason}，得分取单位自评得分，未能按评分规则核对"}
    stated = measure is not None and (actual.number is not None or actual.text.strip() != "")
    if stated and not not_a_rate(actual, spec.bare_fraction_limit):
        sheet.named_number(row, ACTUAL_TEXT, indicator_name(seq, "单位所填比率"), actual.number,
                           "rate")
        typed.add("单位所填比率")
    else:
        sheet.text(row, ACTUAL_TEXT, actual.text, "note")
        if stated:          # "18人", "128.73": not a rate the office stated; said, not guessed
            typed.add("单位所填比率")
            unchecked["单位所填比率"] = not_a_rate(actual, spec.bare_fraction_limit)
    if indicator.target.number is not None:
        sheet.named_number(row, TARGET, indicator_name(seq, "目标值"), indicator.target.number,
                           "rate" if indicator.target.unit == "%" else "plain")
    if scoring.measure is not None:
        sheet.formula(row, ACTUAL, f"{base}.实际值", rate_node(scoring.measure), "rate")
        sheet.names.append((indicator_name(seq, "实际值"), f"{base}.实际值"))
    elif scoring.uses_actual:
        sheet.named_number(row, ACTUAL, indicator_name(seq, "实际值"), actual.number,
                           "rate" if actual.unit == "%" or scoring.kind in RATE_KINDS else "plain")
    elif scoring.wanted is not None:
        sheet.text(row, ACTUAL, NOT_GIVEN, "label_flagged")     # its measure is not given
    sheet.text(row, RULE, describe(scoring, spec, indicator.criterion), "note")
    sheet.formula(row, SCORE, f"{base}.得分", score_node(scoring, indicator), "score")
    sheet.names.append((indicator_name(seq, "得分"), f"{base}.得分"))
    sheet.formula(row, RATE, f"{base}.得分率",
                  _rate(Ref(f"{base}.得分"), Name(indicator_name(seq, "分值"))), "rate")
    sheet.names.append((indicator_name(seq, "得分率"), f"{base}.得分率"))
    if indicator.score is not None:
        sheet.named_number(row, TYPED_SCORE, indicator_name(seq, "自评得分"), indicator.score,
                           "plain")
        typed.add("自评得分")
    if indicator.score_rate is not None:
        sheet.named_number(row, TYPED_RATE, indicator_name(seq, "手填得分率"), indicator.score_rate,
                           "rate")
        typed.add("手填得分率")
    sheet.text(row, NOTE, indicator.note, "note")
    label = "／".join(t for t in (indicator.level1, indicator.level2, indicator.name) if t)
    card.entries.append(ScoreEntry(f"指标{seq}", label, "指标", scoring.kind, measure,
                                   frozenset(typed), tuple(unchecked.items())))
    return Name(indicator_name(seq, "分值")), Ref(f"{base}.得分")


def _rate(score: Node, weight: Node) -> Node:
    return settle(Binary("/", score, weight), 4)


def _group_row(sheet: Sheet, row: int, key: str, label: str, span: tuple[int, int],
               parts: list[tuple[Node, Node]], typed: TypedTotal | None, card: Scorecard,
               description: str, level: str) -> None:
    """A 小计 / 合计 / 总计 row: sums of the rows it closes, its 得分率, the office's typed
    figures beside them."""
    base, name = f"{CELL}{key}", f"{PREFIX}{key}"
    blank_row(sheet, row, set())
    sheet.text(row, span[0], label, "label_total")
    sheet.merge(row, span[0], row, span[1])
    for col, field, node, style in (
            (WEIGHT, "分值", Sum(tuple(w for w, _ in parts)), "plain_total"),
            (SCORE, "得分", Sum(tuple(s for _, s in parts)), "score_total"),
            (RATE, "得分率", _rate(Ref(f"{base}.得分"), Ref(f"{base}.分值")), "rate_total")):
        sheet.formula(row, col, f"{base}.{field}", node, style)
        sheet.names.append((f"{name}_{field}", f"{base}.{field}"))
    marks = set()
    if typed is not None:
        for col, field, value, style in ((TYPED_WEIGHT, "手填分值", typed.weight, "plain_total"),
                                         (TYPED_SCORE, "手填得分", typed.score, "plain_total"),
                                         (TYPED_RATE, "手填得分率", typed.score_rate, "rate_total")):
            if value is not None:
                sheet.named_number(row, col, f"{name}_{field}", value, style)
                marks.add(field)
    card.entries.append(ScoreEntry(key, description, level, "group", None, frozenset(marks)))


def _grade_row(sheet: Sheet, row: int, spec: PerformanceTemplate,
               performance: PerformanceSheet, card: Scorecard) -> None:
    """评价等级: the first band whose lower bound the total reaches, as nested IFs over the
    band cells; the office's typed grade beside it."""
    blank_row(sheet, row, set())
    sheet.text(row, LEVEL1, "评价等级", "label_total")
    sheet.merge(row, LEVEL1, row, NAME)
    total = Name(f"{PREFIX}总计_得分")
    grade: Node = Text(spec.grades[-1].name)
    for band in reversed(spec.grades[:-1]):
        grade = Call("IF", (Binary(">=", total, Name(f"{PREFIX}等级_{band.name}")),
                            Text(band.name), grade))
    sheet.formula(row, SCORE, f"{CELL}等级", grade, "verdict")
    sheet.names.append((f"{PREFIX}等级", f"{CELL}等级"))
    if performance.grade:
        named_text(sheet, row, TYPED_SCORE, f"{PREFIX}手填等级", performance.grade, "verdict")
        card.typed_grade = True


def _grade_bands(sheet: Sheet, spec: PerformanceTemplate, row: int) -> int:
    """The grade bands and full marks as named cells the grade formula reads."""
    sheet.text(row, 0, GRADES_TITLE, "section")
    sheet.merge(row, 0, row, LAST)
    row += 1
    for text, value, name in ([(g.name, g.lower, f"{PREFIX}等级_{g.name}" if g.lower > 0 else None)
                               for g in spec.grades] + [("满分", spec.full_marks, f"{PREFIX}满分")]):
        sheet.text(row, 0, text, "label")
        sheet.merge(row, 0, row, 1)
        if name is None:
            sheet.number(row, 2, value, "parameter")
        else:
            sheet.named_number(row, 2, name, value, "parameter")
        row += 1
    return row
