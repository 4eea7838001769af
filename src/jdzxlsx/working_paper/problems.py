"""What keeps a ledger line from landing in exactly one table cell (problems: 错误), and what
looks wrong although it lands (warnings: 警告)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..classification import Codebook
from ..ingest.records import CodeEntry, LedgerLine
from ..templates import Account, Template
from .lines import EXPENDITURE, INCOME


@dataclass(frozen=True)
class CodeLists:
    """The year's code lists, extended by the office's own list where it placed one in the folder
    (a code valid in its software but missing from ours is then known by name)."""

    functions: Codebook
    economics: Codebook
    template_functions: Codebook
    template_economics: Codebook

    @classmethod
    def of(cls, template: Template, entries: list[CodeEntry]) -> "CodeLists":
        def extended(book: Codebook, kind: str) -> Codebook:
            extra = {e.code: e.name for e in entries if e.kind == kind and e.code not in book.names}
            return replace(book, names={**book.names, **extra}) if extra else book
        return cls(extended(template.functions, "功能"), extended(template.economics, "经济"),
                   template.functions, template.economics)


def _code_finding(code: str, book: Codebook, template_book: Codebook, what: str,
                  level: str, length: int, problems: list[str], warnings: list[str]) -> None:
    if len(code) != length or not code.isdigit():
        problems.append(f"{what}「{code}」不是{level}级科目（应为 {length} 位数字）")
    elif book.knows(code):
        return
    elif all(template_book.knows(a) for a in template_book.ancestors(code)[:-1]):
        # 类 and 款 exist: a valid code our partial list lacks is far likelier than a typo
        warnings.append(f"{what}「{code}」的上级科目存在，但本科目不在 {book.year} 年分类表中："
                        f"请核对编码；若无误，可把本单位财务软件导出的科目表放入输入目录")
    else:
        problems.append(f"{what}「{code}」不是 {book.year} 年分类表中的{level}级科目")


def line_findings(line: LedgerLine, account: Account, direction: str, fund: str,
                  template: Template, codes: CodeLists) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(problems, warnings) of a flow line.  Income without 功能分类 is no problem here:
    公开02表 shows it in its 未分类 row and 核对表 lists it once per file and account."""
    problems: list[str] = []
    warnings: list[str] = []
    if direction in (INCOME, EXPENDITURE):
        if line.function_code:
            _code_finding(line.function_code, codes.functions, codes.template_functions,
                          "支出功能分类科目", "项", 7, problems, warnings)
        elif direction == EXPENDITURE:
            problems.append("缺少支出功能分类科目")
        if not fund:
            problems.append("缺少资金性质")
    if direction == EXPENDITURE:
        if line.economic_code:
            _code_finding(line.economic_code, codes.economics, codes.template_economics,
                          "支出经济分类科目", "款", 5, problems, warnings)
        else:
            problems.append("缺少支出经济分类科目")
        if line.project_category and line.project_category not in template.project_categories \
                and not line.expense_kind:
            problems.append(f"项目类别「{line.project_category}」无法识别，不能判断基本支出或项目"
                            f"支出（应为 {'、'.join(template.project_categories)} 之一）")
    if fund and fund not in template.funds:
        problems.append(f"资金性质「{fund}」无法识别（应为 {'、'.join(template.funds)} 之一）")
    elif fund and fund not in account.funds:
        problems.append(f"科目 {account.code} {account.name} 不应使用资金性质「{fund}」"
                        f"（应为 {'、'.join(account.funds)}）")
    return tuple(problems), tuple(warnings)
