"""核对: plan every rule over the workbook, evaluate the findings, then render them as the
核对表 sheet (the command line renders the same findings)."""

from __future__ import annotations

from ..model import Workbook, WorkbookContext
from ..templates import Template
from ..working_paper import WorkingPaper
from .findings import CheckResult, evaluate
from .plan import Planner
from .sheet import check_sheet, render_rows


def build_checks(book: Workbook, paper: WorkingPaper, template: Template) -> CheckResult:
    """Adds the 核对表 sheet to ``book`` (whose tables and input sheets are already there)."""
    parameters = list(template.checks.parameters.values())
    sheet = book.add(check_sheet(paper.department, paper.year, parameters))
    context = WorkbookContext(book, paper)
    planner = Planner(book, context, paper, template)
    instances = planner.plan()
    result = CheckResult(evaluate(instances, template.checks, context), planner.not_checked,
                         parameters)
    render_rows(sheet, result, template.checks)
    return result
