"""templates: read templates/<year>/ once into one validated Template (data only, no values)."""

from .common import Origin
from .files import templates_root, year_dir
from .layouts import Amount, Column, Row, Side, TableLayout, chinese_ordinal
from .rules import (COMPARE_COLUMNS, EXPANSIONS, SEVERITIES, UNITS, CheckRules, CompareKind,
                    Parameter, Rule)
from .rule_shape import PERFORMANCE_ENTRIES
from .template import Account, Template, YearEndEntries, load_template

__all__ = ["Origin", "templates_root", "year_dir", "Amount", "Column", "Row", "Side",
           "TableLayout", "chinese_ordinal", "COMPARE_COLUMNS", "EXPANSIONS", "SEVERITIES",
           "UNITS", "PERFORMANCE_ENTRIES", "CheckRules", "CompareKind", "Parameter", "Rule", "Account", "Template",
           "YearEndEntries", "load_template"]
