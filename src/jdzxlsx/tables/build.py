"""公开表 as cells: the year's layouts + 底稿 → sheets of the model.

Every amount appears twice on its sheet: a hidden 元 cell holding the query (SUMIFS over 底稿)
or the sum of other 元 cells, and the printed 万元 cell, ROUND(元/10000,2).  So each printed
figure is rounded on its own from 元 as the official 决算 software does, while totals remain
formulas over the cells above them.
"""

from __future__ import annotations

from ..expr import Node, Ref
from ..model import Sheet, Workbook, fen, to_wan
from ..templates import Template
from ..working_paper import WorkingPaper

YUAN = ".元"


def build_tables(book: Workbook, paper: WorkingPaper, template: Template) -> list[Sheet]:
    """The year's tables, added to ``book``; the input sheets must be in it already (a form
    whose input the office did not give prints 未提供 there)."""
    from .classification import build_classification
    from .economic import build_economic
    from .forms import build_grid, build_list
    from .two_sided import build_two_sided

    builders = {"two_sided": build_two_sided, "classification": build_classification,
                "economic": build_economic,
                "grid": lambda layout, paper, template: build_grid(layout, paper, book),
                "list": lambda layout, paper, template: build_list(layout, paper, book)}
    return [book.add(builders[layout.layout](layout, paper, template))
            for layout in template.tables.values()]


def place_amount(sheet: Sheet, row: int, col: int, yuan_col: int, cell_id: str,
                 name: str | None, yuan_expr: Node, style: str) -> None:
    """The hidden 元 cell (snapped to the fen) and the printed 万元 cell beside the table."""
    sheet.formula(row, yuan_col, cell_id + YUAN, fen(yuan_expr), "yuan")
    sheet.formula(row, col, cell_id, to_wan(Ref(cell_id + YUAN)), style)
    if name:
        sheet.names.append((name, cell_id))
