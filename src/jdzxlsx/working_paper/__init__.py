"""working_paper: the 底稿 — every line normalised to one table in 元, with provenance."""

from .build import build_working_paper
from .lines import (AMOUNT_KEY, BUDGET_COLUMNS, BUDGET_SHEET, BY_EXPENSE_KIND, CENT, COLUMNS_OF,
                    EXPENDITURE, FUNDS_HELD, INCOME, INPUT_TABLES, OPENING, QUERY_TABLES, UNMAPPED,
                    WORKING_PAPER_COLUMNS, WORKING_PAPER_SHEET, Column, WorkingLine, WorkingPaper)

__all__ = ["build_working_paper", "AMOUNT_KEY", "BUDGET_COLUMNS", "BUDGET_SHEET",
           "BY_EXPENSE_KIND", "CENT", "COLUMNS_OF", "EXPENDITURE", "FUNDS_HELD", "INCOME",
           "INPUT_TABLES", "OPENING", "QUERY_TABLES", "UNMAPPED", "WORKING_PAPER_COLUMNS",
           "WORKING_PAPER_SHEET", "Column", "WorkingLine", "WorkingPaper"]
