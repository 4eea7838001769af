"""tables: the year's layouts + 底稿 → sheets of formula cells; the input sheets (底稿, 预算指标,
上年数, 基础信息) and the contents sheet."""

from .build import YUAN, build_tables
from .classification import code_tree
from .working_sheets import (BASIC_INFO_SHEET, PRIOR_YEAR_SHEET, STAFFING_FIELDS,
                             basic_info_sheet, budget_sheet, contents_sheet, prior_year_sheet,
                             staffing_fields, staffing_name, working_paper_sheet)

__all__ = ["YUAN", "build_tables", "code_tree", "BASIC_INFO_SHEET", "PRIOR_YEAR_SHEET",
           "STAFFING_FIELDS", "basic_info_sheet", "budget_sheet", "contents_sheet",
           "prior_year_sheet", "staffing_fields", "staffing_name", "working_paper_sheet"]
