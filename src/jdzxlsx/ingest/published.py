"""Last year's published tables read as last year's key figures (PriorYearFigure, in 元).

公开01表: each side's rows whose 项目 is a [values.prior_year_item] (本年收入合计, 本年支出合计,
年初结转和结余, 年末结转和结余); the other rows (income sources, 功能分类 类) are not key figures.
公开03表: the 合计 row's 基本支出 and 项目支出. Amounts in 万元 (title or header) become 元 exactly;
a jdzxlsx workbook's own 元 columns are read where present (exact_columns in the TOML).
A table that gives none of its figures stops with its place: it looked like one and was not.
"""

from __future__ import annotations

from .records import PriorYearFigure
from .rows import Row, SheetContext, SheetSkipped
from .text import fold

_SIDES = ("income", "expense")


def published_01_figures(row: Row) -> list[PriorYearFigure]:
    vocabulary = row.sheet.catalogue.vocabularies["prior_year_item"]
    figures = []
    for side in _SIDES:
        label = row.text(f"{side}_item")
        item = vocabulary.resolve(label) if label else None
        if item is not None:
            figures.append(PriorYearFigure(item, row.amount(f"{side}_amount"), row.source))
    return figures


def published_03_figures(row: Row) -> list[PriorYearFigure]:
    totals = row.sheet.catalogue.words.table_total
    labels = (row.text("subject_code"), row.text("subject_name"))
    if not any(fold(label) in totals for label in labels if label):
        return []
    return [PriorYearFigure("基本支出", row.amount("basic"), row.source),
            PriorYearFigure("项目支出", row.amount("project"), row.source)]


def require_01_figures(sheet: SheetContext, built: list) -> list:
    if not built:
        items = "、".join(sheet.catalogue.vocabularies["prior_year_item"].canonical[:4])
        raise sheet.error(f"{sheet.found.kind.label}中找不到{items}等行",
                          row=sheet.found.data_row,
                          hint="请核对这张表是否为上年的收入支出决算总表，或把上年主要数据另列为"
                               "「项目 | 上年决算数」两列的表。")
    return built


def require_03_total(sheet: SheetContext, built: list) -> list:
    if not built:
        column = sheet.found.columns.get("subject_code") or sheet.found.columns.get("subject_name")
        raise sheet.error(f"{sheet.found.kind.label}中找不到「合计」行（基本支出、项目支出从合计行读取）",
                          row=sheet.found.data_row, column=column,
                          hint="请在科目编码或科目名称列中写明「合计」行，或把上年主要数据另列为"
                               "「项目 | 上年决算数」两列的表。")
    return built


def skip_02(sheet: SheetContext, built: list) -> list:
    raise SheetSkipped(f"是{sheet.found.kind.label}，不需要读取（上年数取自公开01表和公开03表）")
