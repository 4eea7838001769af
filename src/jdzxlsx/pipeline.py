"""One unit's build, as a pure function of its input folder: ingest → 底稿 → tables → model.

Nothing here writes files; the archive does that once everything has succeeded, so bad input
leaves dist/ untouched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from . import __version__
from .errors import InputError, TemplateError
from .ingest import read_folder
from .ingest.config import FolderSettings, folder_settings
from .ingest.records import IngestResult
from .checks import CHECK_SHEET, CheckResult, Finding, build_checks
from .model import UnknownName, Workbook
from .scoring import Scorecard, build_scorecard
from .tables import (basic_info_sheet, budget_sheet, build_tables, contents_sheet,
                     prior_year_sheet, working_paper_sheet)
from .templates import Template, load_template
from .working_paper import QUERY_TABLES, WorkingPaper, build_working_paper

@dataclass
class BuildResult:
    settings: FolderSettings
    ingested: IngestResult
    paper: WorkingPaper
    book: Workbook
    template: Template
    checks: CheckResult
    scorecard: Scorecard | None = None

    @property
    def template_version(self) -> str:
        return self.template.version

    @property
    def findings(self) -> list[Finding]:
        return self.checks.findings

    @property
    def not_checked(self) -> list[str]:
        return self.checks.not_checked


def year_template(year: int, folder: Path | None = None) -> Template:
    """The year's template (or the one in ``folder``), validated against the input tables."""
    return load_template(year, folder, query_tables=QUERY_TABLES)


def build(folder: Path, period: str | None = None,
          progress: Callable[[int, int, str], None] | None = None,
          built_at: datetime | None = None, templates: Path | None = None) -> BuildResult:
    """``templates``: a template folder to use instead of templates/<year>/ (it may extend a
    year with template.toml: base = <year>)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"输入目录不存在：{folder}",
                         hint="请给出存放账务导出文件的目录，如 inputs/景德镇市陶瓷产业发展局-2020")
    settings = folder_settings(folder)
    if period is not None and not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", period):
        raise InputError(f"--period 「{period}」格式不对。",
                         hint=f"写成 年-月，如 {settings.year}-06。")
    template = year_template(settings.year, templates)   # a broken template stops before reading
    ingested = read_folder(folder, progress=progress, year=settings.year,
                           ignore=settings.ignore)
    if not ingested.ledger:
        raise InputError("目录中没有找到明细账（凭证明细）。",
                         file=str(folder),
                         hint="放入会计软件导出的明细账（含 日期、凭证号、科目、借方、贷方 等列）。")
    paper = build_working_paper(ingested, template, department=settings.department,
                                period_end=period)

    inputs = [working_paper_sheet(paper), budget_sheet(paper), prior_year_sheet(paper),
              basic_info_sheet(paper)]
    book = Workbook(list(inputs))
    tables = build_tables(book, paper, template)    # reads which input names the sheets define
    performance, scorecard = build_scorecard(book, paper, template)     # reads the tables' names
    book.sheets = [*tables, performance, *inputs]
    # reads the names the sheets above define
    checks = build_checks(book, paper, template, scorecard)
    check_sheet = book.sheet(CHECK_SHEET)
    contents = contents_sheet([*tables, performance, check_sheet, *inputs], paper,
                              template.sheet_descriptions)
    book.sheets = [contents, *tables, performance, check_sheet, *inputs]
    try:
        book.resolve(paper)
    except UnknownName as error:          # a name no sheet of this build defines
        raise TemplateError(f"公式用到的名称「{error.name}」在工作簿中没有定义。") from None

    version = template.version
    built_at = built_at or datetime.now(timezone.utc).astimezone()
    book.properties = {
        "title": f"{settings.department}{settings.year}年度部门决算",
        "subject": f"{settings.year}年度部门决算公开表",
        "author": f"jdzxlsx {__version__}",
        "company": settings.department,
        "category": "部门决算",
        "keywords": f"部门决算, {settings.department}, {settings.year}",
        "comments": (f"由 jdzxlsx {__version__} 生成；模板 {version}；"
                     f"期间 {settings.year}-01 至 {paper.period_end}"),
        "created": built_at.replace(tzinfo=None),
    }
    return BuildResult(settings, ingested, paper, book, template, checks, scorecard)
