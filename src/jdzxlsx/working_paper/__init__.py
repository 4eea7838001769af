"""working_paper: the 底稿 — every line normalised to one table in 元, with provenance."""

from .build import build_working_paper
from .lines import (AMOUNT_KEY, BALANCE_DIRECTIONS, BUDGET_COLUMNS, BUDGET_SHEET, BY_EXPENSE_KIND,
                    CARRY_OVER, CENT, CLOSING, CLOSING_OTHER, COLUMNS_OF, EXPENDITURE, FUNDS_HELD,
                    INCOME, INPUT_TABLES, OPENING, OPENING_OTHER, QUERY_TABLES, UNMAPPED,
                    WORKING_PAPER_COLUMNS, WORKING_PAPER_SHEET, YEAR_END_ENTRY, Column,
                    WorkingLine, WorkingPaper, looks_like_number_or_date, period_key, text_key)
from .performance import Indicator, PerformanceSheet, TypedTotal

__all__ = ["build_working_paper", "AMOUNT_KEY", "BALANCE_DIRECTIONS", "BUDGET_COLUMNS",
           "BUDGET_SHEET", "BY_EXPENSE_KIND", "CARRY_OVER", "CENT", "CLOSING", "CLOSING_OTHER",
           "COLUMNS_OF", "EXPENDITURE", "FUNDS_HELD", "INCOME", "INPUT_TABLES", "OPENING",
           "OPENING_OTHER", "QUERY_TABLES", "UNMAPPED", "WORKING_PAPER_COLUMNS",
           "WORKING_PAPER_SHEET", "YEAR_END_ENTRY", "Column", "WorkingLine", "WorkingPaper",
           "looks_like_number_or_date", "period_key", "text_key", "Indicator", "PerformanceSheet",
           "TypedTotal"]
