"""核对: plan every rule over the workbook, evaluate the findings, then render them as the
核对表 sheet (the command line renders the same findings)."""

from __future__ import annotations

from ..model import Workbook, WorkbookContext
from ..scoring import Scorecard
from ..templates import Template
from ..working_paper import WorkingPaper
from .findings import CheckResult, evaluate
from .plan import Planner
from .sheet import check_sheet, render_rows


def build_checks(book: Workbook, paper: WorkingPaper, template: Template,
                 scorecard: Scorecard | None = None) -> CheckResult:
    """Adds the 核对表 sheet to ``book`` (whose tables, input sheets and 绩效自评 sheet are
    already there; ``scorecard``: the scored lines of that sheet, None when it has none)."""
    parameters = list(template.checks.parameters.values())
    sheet = book.add(check_sheet(paper.department, paper.year, parameters))
    context = WorkbookContext(book, paper)
    planner = Planner(book, context, paper, template, scorecard)
    instances = planner.plan()
    result = CheckResult(evaluate(instances, template.checks, context), planner.not_checked,
                         parameters)
    render_rows(sheet, result, template.checks)
    return result
